"""The issue's test of the code on the paper (issue 18): the PDF page is rendered to an image
(pdftoppm, 150 dpi), the code is decoded from it with a maintained decoder (zxing-cpp), and the
plan comes back: without the patient's details unless the clinician ticked that they may go in."""

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from planner.domain.plan import Override, Patient  # noqa: E402
from planner.domain.schedule import compute_schedule  # noqa: E402
from planner.export.code_image import CodeImageError, code_text_from_image  # noqa: E402
from planner.export.printout import PrintOptions, export_pdf  # noqa: E402
from planner.export.printout.blocks import PlanCode  # noqa: E402
from planner.export.printout.content_code import code_block  # noqa: E402
from planner.export.printout.layout_code import MM_PER_PT, QUIET, code_geometry, module_px  # noqa: E402
from planner.export.printout.painter_code import runs  # noqa: E402
from planner.files.plan_code import decode_plan, encode_plan, without_identifying  # noqa: E402
from planner.files.plan_reader import plan_from_dict  # noqa: E402
from planner.files.plan_writer import plan_to_dict  # noqa: E402
from planner.files.planfile import example_names, load_example  # noqa: E402

EXAMPLES = example_names()
ROOT = Path(__file__).resolve().parents[2]
CAPTION = "Scan to open this plan in Titration Planner."


def anonymous(plan):
    return plan_from_dict(without_identifying(plan_to_dict(plan)))


def page_image(pdf, page: int, tmp_path, dpi: int = 150):
    """The PDF's page (1-based) as a PNG, rendered as a scanner or a phone would see it."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (poppler-utils) is needed: .ci/run installs it")
    stem = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True, timeout=120)
    return stem.with_suffix(".png")


def pages_with(pdf, words: str) -> list[int]:
    texts = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(str(pdf)).pages]
    return [i for i, t in enumerate(texts, 1) if words in t]


def export(schedule, tmp_path, **options):
    path = tmp_path / "plan.pdf"
    export_pdf(schedule, path, PrintOptions(**options))
    return path


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_clinicians_page_code_reopens_the_plan_without_the_patient(qapp, tmp_path, name):
    plan = load_example(name)
    pdf = export(compute_schedule(plan), tmp_path, part="clinician", paper="A4")
    assert pages_with(pdf, CAPTION + " No patient name in the code.") == [1]
    text = code_text_from_image(page_image(pdf, 1, tmp_path))
    got = decode_plan(text)
    assert got == anonymous(plan)
    assert got.patient is None
    if plan.patient and plan.patient.name:
        assert plan.patient.name.upper().replace(" ", "") not in text


@pytest.mark.parametrize("name", EXAMPLES)
def test_ticked_the_patients_pages_carry_the_code_with_the_patient(qapp, tmp_path, name):
    plan = load_example(name)
    pdf = export(compute_schedule(plan), tmp_path, part="all", paper="Letter", code_on_patient_pages=True,
                 code_with_patient=True, tick_chart=False)
    marked = pages_with(pdf, "Titration Planner.")  # the caption, in the handout's language too
    assert len(marked) == 2, marked  # one of the patient's pages, and the clinician's
    for page in marked:
        got = decode_plan(code_text_from_image(page_image(pdf, page, tmp_path)))
        assert got == plan


@pytest.mark.parametrize("name", ["gabapentin-phn-to-1800-with-taper", "gabapentin-stop-es",
                                  "gabapentin-off-label-diabetic-neuropathy"])
@pytest.mark.parametrize("paper, landscape", [("A4", True), ("Letter", True), ("Letter", False)])
def test_large_print_and_landscape_keep_the_code_readable(qapp, tmp_path, name, paper, landscape):
    plan = load_example(name)
    pdf = export(compute_schedule(plan), tmp_path, part="clinician", paper=paper, large_print=True,
                 orientation="landscape" if landscape else "portrait")
    assert pages_with(pdf, "Scan to open this plan") == [1]
    assert decode_plan(code_text_from_image(page_image(pdf, 1, tmp_path))) == anonymous(plan)


def test_unticked_the_patients_pages_have_no_code(qapp, tmp_path):
    plan = load_example("gabapentin-phn-to-1800-with-taper")
    pdf = export(compute_schedule(plan), tmp_path, part="patient", paper="A4")
    assert pages_with(pdf, "Scan to open") == []


def test_the_spanish_patients_pages_word_the_caption_in_spanish(qapp, tmp_path):
    plan = load_example("gabapentin-stop-es")
    pdf = export(compute_schedule(plan), tmp_path, part="patient", paper="A4", code_on_patient_pages=True)
    pages = pages_with(pdf, "Escanéelo para abrir este plan en Titration Planner.")
    assert len(pages) == 1
    assert decode_plan(code_text_from_image(page_image(pdf, pages[0], tmp_path))) == anonymous(plan)


class FakeMetrics:
    """A layout.Metrics of a 300 dpi device, text 10 px a line."""

    def __init__(self, width_pt: float = 515.0, px_per_pt: float = 300 / 72):
        self.px_per_pt = px_per_pt
        self.width = width_pt * px_per_pt
        self.height = 700 * px_per_pt

    def pt(self, x):
        return x * self.px_per_pt

    def text_h(self, text, width, size, bold=False):
        return 10.0 * max(1, len(text) * 6 // max(int(width), 1) + 1)


@pytest.mark.parametrize("modules", [21, 53, 101, 177])
def test_a_module_is_at_least_half_a_millimetre_and_the_code_fits(modules):
    m = FakeMetrics()
    mm = module_px(m, modules) / m.px_per_pt * MM_PER_PT
    assert 0.5 <= mm <= 1.0 + 1 / m.px_per_pt * MM_PER_PT  # snapped to whole pixels
    side = (modules + 2 * QUIET) * module_px(m, modules)
    assert side <= m.width and side <= m.height
    landscape_height = FakeMetrics(width_pt=760).pt(470)  # Letter landscape's text height, roughly
    assert side <= landscape_height


def test_the_quiet_zone_keeps_words_away_from_the_code():
    m = FakeMetrics()
    block = PlanCode(modules=((True,) * 29,) * 29, caption="Scan me", title="Title", subtitle="Sub")
    height, g = code_geometry(m, block)
    for x, y, w, *_ in g["texts"]:
        assert x + w <= g["qx"]  # the words end left of the code (and of its quiet zone)
    assert height >= g["qy"] + g["side"]


def test_runs_join_neighbouring_dark_modules():
    assert runs((True, True, False, True, False, False, True)) == [(0, 2), (3, 1), (6, 1)]
    assert runs((False, False)) == []


def test_a_plan_too_long_for_one_code_prints_a_note_instead(qapp, tmp_path):
    import random

    rng = random.Random(18)
    def words():
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789 ") for _ in range(480)).strip()

    plan = replace(load_example("gabapentin-phn-to-1800-with-taper"),
                   overrides=tuple(Override(code=f"note-{i}", reason=words(), value="x") for i in range(12)))
    block = code_block(plan, with_patient=False)
    assert block.modules == () and "too long to print as a code" in block.caption
    assert decode_plan(encode_plan(plan)) == anonymous(plan)  # the text itself still holds it
    pdf = export(compute_schedule(plan), tmp_path, part="clinician", paper="A4")
    assert pages_with(pdf, "too long to print as a code")


def test_an_image_without_a_code_names_the_file(qapp, tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("RGB", (200, 200), "white").save(blank)
    with pytest.raises(CodeImageError, match="blank.png: no code could be read"):
        code_text_from_image(blank)
    with pytest.raises(CodeImageError, match="missing.png: cannot be read as an image: there is no such file"):
        code_text_from_image(tmp_path / "missing.png")
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    with pytest.raises(CodeImageError, match="notes.png: cannot be read as an image: it is not a picture"):
        code_text_from_image(text)


def test_an_image_of_another_qr_code_says_it_is_not_a_plan_code(tmp_path):
    import segno

    other = tmp_path / "shop.png"
    segno.make_qr("https://example.org/shop").save(str(other), scale=6)
    with pytest.raises(CodeImageError, match="shop.png: the code in this image is not a Titration Planner plan code"):
        code_text_from_image(other)


def test_caption_says_whose_details_are_in_the_code():
    plan = load_example("gabapentin-phn-to-1800-with-taper")
    assert code_block(plan, False).caption.endswith("No patient name in the code.")
    assert code_block(plan, True).caption.endswith("The patient's details are in the code.")
    assert code_block(replace(plan, patient=None), True).caption.endswith("No patient name in the code.")
    assert code_block(replace(plan, patient=Patient(identifier="A1")), True).caption.endswith(
        "The patient's details are in the code.")


def test_making_the_code_loads_no_networking_module_and_draws_segnos_matrix():
    """segno/__init__ pulls in xml.sax.saxutils, hence urllib.request and http.client: the code
    is made by segno's encoder alone (content_code.segno_encoder), the same matrix as make_qr."""
    script = (
        "import sys\n"
        "from planner.export.printout.content_code import code_block\n"
        "from planner.files.planfile import load_example\n"
        "assert code_block(load_example('gabapentin-stop-es'), False).modules\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('http', 'ssl', 'segno', 'xml')"
        " or m == 'urllib.request'))\n")
    import os
    import sys

    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    assert (r.returncode, r.stdout.strip()) == (0, "[]"), r.stderr
    import segno

    text = encode_plan(load_example("gabapentin-phn-to-1800-with-taper"))
    made = segno.make_qr(text, error="m")
    assert code_block(load_example("gabapentin-phn-to-1800-with-taper"), False).modules == \
        tuple(tuple(bool(v) for v in row) for row in made.matrix)
