"""Small geometry helpers of the paper chart: dates as matplotlib draws them, transforms in
points, step-band outlines (the wrapping of labels is in chart_model, shared with the screen)."""

from __future__ import annotations

from datetime import date

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.transforms import Affine2D, ScaledTranslation


def date_num(d: date) -> float:
    """A date as matplotlib draws it (days since its epoch)."""
    return float(mdates.date2num(d))


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
