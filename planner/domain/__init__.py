"""The domain: plans, drug profiles, units, kidney function, the schedule engine and its
checks. Pure Python: it imports nothing above it, and neither Qt nor matplotlib."""
