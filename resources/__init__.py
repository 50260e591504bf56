# Data shipped with the application (drug profiles, example plans); installed as planner.resources.
