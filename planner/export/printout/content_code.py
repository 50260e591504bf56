"""The code on the paper (issue 18) as a block: the plan's code (planner.files.plan_code) drawn
as a QR code's modules (segno, pure Python), and the caption that says what it is and whether
the patient's name is in it. No Qt; the words from the catalogue (plan_code.po)."""

from __future__ import annotations

import segno

from planner.domain.plan import Plan
from planner.export.printout.blocks import SMALL, PlanCode
from planner.files.plan_code import encode_plan
from planner.text.catalogue import say

# Error correction M (15% of the code can be lost: a fold, a smudge, a staple) is what printed
# codes usually use; segno raises it to Q or H where that needs no larger code.
ERROR = "m"


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of text as rows of dark (True) modules, no quiet zone. segno encodes the
    upper-case letters and digits of a plan code in alphanumeric mode (5.5 bits a character).
    segno.DataOverflowError when the text does not fit in the largest QR code (version 40)."""
    qr = segno.make_qr(text, error=ERROR, boost_error=True)
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix)


def code_block(plan: Plan, with_patient: bool, top: float = 8.0) -> PlanCode:
    """The code of the plan with its caption; the caption is in the language being spoken
    (the clinician's page: the window's; the patient's pages: the handout's)."""
    text = encode_plan(plan, with_patient=with_patient)
    try:
        modules = qr_modules(text)
    except segno.DataOverflowError:
        return PlanCode(text=text, caption=say("printout.code.too-long"), size=SMALL, top=top)
    pt = plan.patient
    identified = with_patient and pt is not None and any((pt.name, pt.identifier, pt.date_of_birth))
    caption = say("printout.code.caption-with-patient" if identified else "printout.code.caption")
    return PlanCode(text=text, modules=modules, caption=caption, size=SMALL, top=top)


__all__ = ["code_block", "qr_modules", "ERROR"]
