#!/usr/bin/env bash
# Add Titration Planner from this checkout to your applications menu (icon, plan file type *.tplan,
# AppStream metadata), or take it away again:
#     tools/install-desktop.sh [--uninstall] [--data-home DIR]
# The work is `titration-planner install-desktop` (planner/app/desktop_install.py). Without an
# installed titration-planner on PATH, the menu entry runs this checkout with this Python.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PYTHONPATH="${root}${PYTHONPATH:+:${PYTHONPATH}}"
exec "${PYTHON:-python3}" -m planner install-desktop "$@"
