"""Every example plan gives, through the command line, each export and the window, the
text recorded in tests/golden/ before the issue-13 redesign: the redesign changed where
the code lives, not a word or a dose on any output. Regenerate only for an intended
change of output: `python tools/golden_outputs.py --write`, and review the diff."""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("golden_outputs", ROOT / "tools" / "golden_outputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_example_output_is_as_recorded(qapp):
    tool = _tool()
    got = tool.all_outputs()
    recorded = sorted(p.relative_to(tool.GOLDEN).as_posix()[: -len(".txt")] for p in tool.GOLDEN.rglob("*.txt"))
    assert sorted(got) == recorded, "the set of recorded outputs changed"
    # Eleven outputs of each example: the twelve English ones and the Spanish handout (issue 16).
    assert len(tool.examples()) == 13 and len(recorded) == len(tool.examples()) * 11
    differ = []
    for key in recorded:
        want = (tool.GOLDEN / f"{key}.txt").read_text(encoding="utf-8")
        if got[key] != want:
            diff = "".join(list(difflib.unified_diff(want.splitlines(True), got[key].splitlines(True),
                                                     f"golden/{key}", "now"))[:40])
            differ.append(diff)
    assert not differ, f"{len(differ)} outputs changed:\n" + "\n".join(differ[:5])
