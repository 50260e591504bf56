"""The pure-Python core: schedule engine, drug profiles, kidney function, plan files.

It imports neither Qt nor matplotlib (an import-linter contract checks this), so the
command line and the tests run it with no display.
"""
