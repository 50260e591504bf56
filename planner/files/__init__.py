"""File I/O: plan files (read, written, upgraded), recovery files, safe writes. Pure Python."""
