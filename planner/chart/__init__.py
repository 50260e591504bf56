"""The schedule chart, drawn into a matplotlib Figure it is given (never pyplot)."""
