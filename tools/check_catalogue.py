"""Is a language's text catalogue complete and current?

    python3 tools/check_catalogue.py es        # one language
    python3 tools/check_catalogue.py           # every language

Lists each missing, extra, empty, mismatched or stale message (planner.text.coverage says the
rules); exits 1 when there is any. The build runs the same check and refuses to build."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.text.coverage import check, languages  # noqa: E402


def main(argv: list[str]) -> int:
    text_root = ROOT / "resources" / "text"
    wanted = argv or [lang for lang in languages(text_root) if lang != "en"]
    bad = 0
    for lang in wanted:
        report = check(text_root, lang, ROOT / "resources" / "profiles")
        for p in report.problems:
            print(p)
        print(f"{lang}: {'complete' if report.ok else f'{len(report.problems)} problems'}")
        bad += not report.ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
