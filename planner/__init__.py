"""Titration Planner: plan how a patient starts and stops gabapentin or pregabalin."""

__version__ = "0.1.0"
