"""Small geometry and wrapping helpers of the chart: dates as matplotlib draws them,
transforms in points, step-band outlines, label wrapping."""

from __future__ import annotations

import textwrap
from datetime import date

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.transforms import Affine2D, ScaledTranslation

from planner.chart.style import LABEL_WRAP


def date_num(d: date) -> float:
    """A date as matplotlib draws it (days since its epoch)."""
    return float(mdates.date2num(d))


def wrap_label(text: str) -> str:
    """Break before a bracket first, then at words, to fit the right margin; an amount
    stays on one line with its unit ("1800 mg/day")."""
    text = text.replace(" mg/day", "\u00a0mg/day")  # textwrap does not break at a no-break space
    head, sep, tail = text.partition(" (")
    parts = [head] + ([f"({tail}"] if sep else [])
    return "\n".join(textwrap.fill(p, LABEL_WRAP) for p in parts)


def wrap_balanced(text: str, width: int) -> str:
    """Wrap into as few lines as width allows, with the lines about the same length."""
    lines = max(1, -(-len(text) // width))
    return textwrap.fill(text, max(-(-len(text) // lines) + 4, 20))


def points_from(figure: Figure, ax, corner: tuple[float, float]):
    """A transform taking points measured from a corner of the axes (in axes fractions)
    to the display: stays right when the figure is resized or drawn at another dpi."""
    return Affine2D().scale(1 / 72) + figure.dpi_scale_trans + ScaledTranslation(*corner, ax.transAxes)


def step_polygon(edges: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """The outline of a band that is constant between edges[i] and edges[i+1]:
    along the top left to right, then along the bottom right to left."""
    xs = np.repeat(edges, 2)[1:-1]
    top = np.column_stack([xs, np.repeat(upper, 2)])
    bottom = np.column_stack([xs[::-1], np.repeat(lower, 2)[::-1]])
    return np.concatenate([top, bottom])
