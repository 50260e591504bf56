"""The program PyInstaller freezes into the one-folder bundle (tools/titration-planner.spec,
built by tools/build_bundle.py): the `titration-planner` command of the wheel, planner.cli:main.

No multiprocessing.freeze_support(): the planner starts no processes (it imports no
multiprocessing and never runs sys.executable), so there is nothing for it to guard.
"""

import sys

from planner.cli import main

if __name__ == "__main__":
    sys.exit(main())
