"""How the chart looks: colours, line styles, font sizes and margins, in one place."""

# Morning to bedtime runs light to dark, like the day. No reds, oranges or purples:
# those belong to the limit lines.
SLOT_COLOURS = {
    "morning": "#ffd166",
    "midday": "#a7c957",
    "evening": "#4ea8de",
    "bedtime": "#355070",
}
PHASE_COLOURS = {
    "titration": "#e3edf9",
    "maintenance": "#e6f4e3",
    "taper": "#f9ebe1",
}
# kind -> line style; the order is the order labels are listed when they tie.
LIMIT_STYLES = {
    "target": dict(color="#222222", linestyle=(0, (5, 3)), linewidth=1.3),
    "recommended": dict(color="#e07b00", linestyle=(0, (1, 2)), linewidth=1.8),
    "kidney-maximum": dict(color="#7b2fa6", linestyle="-", linewidth=1.5),
    "label-maximum": dict(color="#c62828", linestyle="-", linewidth=1.5),
    "stated-maximum": dict(color="#ad1457", linestyle=(0, (6, 2)), linewidth=1.5),
}
TOTAL_COLOUR = "#111111"
HEADROOM = 1.15  # the highest of peak, target and kidney maximum sits at 1/1.15 of the axis
LABEL_FONT = 7.5  # points
LEGEND_FONT = 8
LABEL_WRAP = 24  # characters per line of a limit label in the right margin
INVALID_ALPHA = 0.25
# Margins in points, not fractions: the y-axis label, the limit labels on the right and
# the title and legend on top need the same room whatever size the window gives the figure.
MARGINS_PT = dict(left=60, right=150, bottom=36, top=56)
