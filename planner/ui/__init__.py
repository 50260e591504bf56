"""The Qt user interface: widgets and wiring only; every dose comes from planner.core."""
