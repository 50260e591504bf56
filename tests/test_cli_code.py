"""`titration-planner from-code` (issue 18): a code's text, as a scanner types it, or an image of
the printed code, gives back the plan file; input it cannot use exits 2 with one line naming it.
And `export --code-on-patient-pages --code-with-patient` prints the code where asked."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import run_cli

from planner.cli import main
from planner.files.plan_code import encode_plan, without_identifying
from planner.files.plan_reader import plan_from_dict
from planner.files.plan_writer import plan_to_dict
from planner.files.planfile import dump_plan, load_example, load_plan_file, parse_plan_text

TAPER = "gabapentin-phn-to-1800-with-taper"
ROOT = Path(__file__).resolve().parent.parent


def from_code(capsys, *args):
    code = main(["from-code", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_typed_text_gives_the_plan_file_on_stdout(capsys):
    plan = load_example(TAPER)
    code, out, err = from_code(capsys, encode_plan(plan))
    assert (code, err) == (0, "")
    assert out == dump_plan(plan_from_dict(without_identifying(plan_to_dict(plan))))


def test_a_scanner_typing_in_pieces_and_lower_case_is_fine(capsys):
    plan = load_example(TAPER)
    text = encode_plan(plan, with_patient=True).lower()
    code, out, err = from_code(capsys, text[:30], text[30:90], text[90:])
    assert code == 0 and parse_plan_text(out) == plan


def test_stdin_and_o_write_the_plan_file(capsys, tmp_path, monkeypatch):
    plan = load_example("pregabalin-stop-liquid-taper")
    monkeypatch.setattr("sys.stdin", io.StringIO(encode_plan(plan, with_patient=True) + "\n"))
    target = tmp_path / "plan.json"
    code, out, err = from_code(capsys, "-", "-o", str(target))
    assert (code, out, err) == (0, f"wrote {target}\n", "")
    assert load_plan_file(target) == plan


@pytest.mark.parametrize("args, message", [
    ([], "titration-planner from-code: TEXT: give the code's text (as the scanner types it) or --image FILE"),
    (["TP1ABC", "--image", "x.png"], "titration-planner from-code: --image: give the code's text or --image FILE, not both"),
    (["hello"], "titration-planner from-code: hello: this is not a Titration Planner plan code"),
    (["TP2AAAA"], "titration-planner from-code: TP2AAAA: this plan code was made by a newer Titration Planner"),
    (["TP1AAAAAAAAAAAAAAAAAAAAAAAA"], "titration-planner from-code: TP1AAAAAAAAAAAAA...: this plan code is damaged"),
    (["--image", "/nonexistent/code.png"],
     "titration-planner from-code: --image: /nonexistent/code.png: cannot be read as an image: there is no such file"),
])
def test_unusable_input_exits_2_with_one_line(capsys, args, message):
    code, out, err = from_code(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_a_damaged_code_writes_no_file(capsys, tmp_path):
    text = encode_plan(load_example(TAPER))
    target = tmp_path / "plan.json"
    code, out, err = from_code(capsys, text[:-1], "-o", str(target))
    assert code == 2 and "damaged" in err and not target.exists()


def test_export_prints_the_code_and_from_code_reads_the_page_image(tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (poppler-utils) is needed: .ci/run installs it")
    example = str(ROOT / "resources" / "examples" / f"{TAPER}.json")
    pdf = tmp_path / "plan.pdf"
    r = run_cli("export", example, "-o", str(pdf), "--pages", "patient", "--code-on-patient-pages",
                "--code-with-patient", "--no-tick-chart", "--today", "2026-06-01", cwd=ROOT)
    assert r.returncode == 0, r.stderr
    from pypdf import PdfReader

    pages = [i for i, p in enumerate(PdfReader(str(pdf)).pages, 1)
             if "The patient's details are in the code." in " ".join((p.extract_text() or "").split())]
    assert len(pages) == 1
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(pages[0]), "-l", str(pages[0]), "-singlefile",
                    str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    out = tmp_path / "back.json"
    r = run_cli("from-code", "--image", str(tmp_path / "page.png"), "-o", str(out), cwd=ROOT)
    assert (r.returncode, r.stderr) == (0, "")
    assert load_plan_file(out) == load_example(TAPER)
