"""The code on the paper (issue 18) as a block: the plan's code (planner.files.plan_code) drawn
as a QR code's modules (segno, pure Python), and the caption that says what it is and whether
the patient's name is in it. No Qt; the words from the catalogue (plan_code.po)."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

from planner.domain.plan import Plan
from planner.export.printout.blocks import SMALL, PlanCode
from planner.files.plan_code import encode_plan
from planner.text.catalogue import say

# Error correction M (15% of the code can be lost: a fold, a smudge, a staple) is what printed
# codes usually use; segno raises it to Q or H where that needs no larger code.
ERROR = "m"


_ENCODER = "planner_segno"  # the private name segno's encoder is loaded under


def segno_encoder():
    """segno's encoder (segno.encoder: the QR code's matrix from a text; segno.make_qr calls it),
    loaded without running segno/__init__.py: that imports segno's file writers, whose SVG writer
    imports xml.sax.saxutils, which imports urllib.request and http.client; Titration Planner
    loads no networking module (tests/test_no_network.py). The encoder and its constants import
    only the standard library's basics."""
    if f"{_ENCODER}.encoder" in sys.modules:
        return sys.modules[f"{_ENCODER}.encoder"]
    spec = importlib.util.find_spec("segno")  # finds the package; runs none of it
    if spec is None or not spec.submodule_search_locations:
        import segno.encoder  # not there: Python's own ModuleNotFoundError, naming it

        return segno.encoder
    package = types.ModuleType(_ENCODER)
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules[_ENCODER] = package
    return importlib.import_module(f"{_ENCODER}.encoder")


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of text as rows of dark (True) modules, no quiet zone. segno encodes the
    upper-case letters and digits of a plan code in alphanumeric mode (5.5 bits a character).
    DataOverflowError (segno's) when the text does not fit in the largest QR code (version 40)."""
    code = segno_encoder().encode(text, error=ERROR, micro=False, boost_error=True)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def code_block(plan: Plan, with_patient: bool, top: float = 8.0, **heading) -> PlanCode:
    """The code of the plan with its caption; the caption is in the language being spoken
    (the clinician's page: the window's; the patient's pages: the handout's). heading: the
    title and subtitle (and new_page, space_after) when the block heads the clinician's page."""
    text = encode_plan(plan, with_patient=with_patient)
    try:
        modules = qr_modules(text)
    except segno_encoder().DataOverflowError:
        return PlanCode(text=text, caption=say("printout.code.too-long"), size=SMALL, top=top, **heading)
    pt = plan.patient
    identified = with_patient and pt is not None and any((pt.name, pt.identifier, pt.date_of_birth))
    caption = say("printout.code.caption-with-patient" if identified else "printout.code.caption")
    return PlanCode(text=text, modules=modules, caption=caption, size=SMALL, top=top, **heading)


__all__ = ["code_block", "qr_modules", "segno_encoder", "ERROR"]
