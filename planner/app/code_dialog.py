"""File > Open from Code: a plan read back from the code printed on its clinician's page.

A hand scanner in keyboard mode types the code's text and then Enter, so the text box is one
line and Enter opens the plan; pasted text and an image file of the code work too. The text is
checked as it arrives and the dialog says, in words, what is wrong; nothing typed is lost when
the code is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from planner.domain.plan import Plan

translate = QCoreApplication.translate

MAX_CODE_TEXT = 20_000  # far above any plan's code (docs/plan-code.md); a pasted book is cut here
MIN_WIDTH = 460
# The image types Qt and the decoder both read; others are refused by the decoder with a message.
IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp"


def read_code(text: str) -> tuple[Plan | None, str]:
    """The plan in a code's text, or None and why not (in words): the decoder's message."""
    from planner.files.plan_code import PlanCodeError, decode_plan

    if not text.strip():
        return None, ""
    try:
        return decode_plan(text), ""
    except PlanCodeError as exc:
        return None, str(exc)


class OpenFromCodeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, start_folder: str = "") -> None:
        super().__init__(parent)
        self.start_folder = start_folder
        self.plan: Plan | None = None
        #: The title of File > Open from Code.
        self.setWindowTitle(translate("Window", "Open from code"))
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        #: Open from Code: what to do; the code is the square pattern on the clinician's page.
        about = QLabel(translate("Window", "Scan the code on the plan's clinician page with a hand scanner, paste its text, or read it from a picture of the code."))
        about.setWordWrap(True)
        layout.addWidget(about)
        row = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setMaxLength(MAX_CODE_TEXT)
        #: Open from Code: the label of the box the scanner types into; & marks its Alt letter.
        label = QLabel(translate("Window", "&Code:"))
        label.setBuddy(self.text)
        self.text.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        row.addWidget(label)
        row.addWidget(self.text, 1)
        #: Open from Code: a button that reads the code from an image file; & marks its Alt letter.
        self.image_button = QPushButton(translate("Window", "From &Image…"))
        self.image_button.clicked.connect(self.choose_image)
        row.addWidget(self.image_button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for the longest message, so a refusal is never cut off at the dialog's edge.
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 7)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)  # Enter: a scanner ends the code with it
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.plan, why = read_code(self.text.text())
        self.buttons.button(QDialogButtonBox.Open).setEnabled(self.plan is not None)
        if self.plan is not None:
            self.status.setText(describe(self.plan))
        else:
            self.status.setText(sentence(why))

    def choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            #: The title of the file dialog that picks an image of a plan's code.
            self, translate("Window", "Picture of the code"), self.start_folder,
            #: The file types of the picture dialog.
            translate("Window", "Pictures ({patterns});;All files (*)").format(patterns=IMAGE_FILTER))
        if path:
            self.read_image(Path(path))

    def read_image(self, path: Path) -> bool:
        """Put the code read from the picture in the text box; False (the box kept) if none."""
        from planner.export.code_image import code_text_from_image

        try:
            text = code_text_from_image(path)
        except (OSError, ValueError) as exc:
            self.status.setText(sentence(str(exc)))
            return False
        self.text.setText(text)
        return True

    def accept(self) -> None:
        self._check()
        if self.plan is not None:  # Enter on a code still being typed does nothing
            super().accept()


def sentence(message: str) -> str:
    """A decoder's message (worded to follow "from-code: ") standing alone: capitalised, with a full stop."""
    message = message.strip()
    if not message:
        return message
    return message[0].upper() + message[1:] + ("" if message.endswith((".", "?", "!")) else ".")


def describe(plan: Plan) -> str:
    """What the code holds, so the clinician sees it is the right plan before opening it."""
    from planner.domain.profiles import load_profile
    from planner.text.dates import plain_date
    from planner.text.units import drug_title

    drug, start = drug_title(load_profile(plan.drug)), plain_date(plan.start_date)
    named = plan.patient is not None and bool(plan.patient.name)
    if named:
        #: Open from Code, a code read: {drug} is the drug (Gabapentin), {start} the first day, {name} the patient.
        return translate("Window", "{drug}, starting {start}, for {name}.").format(
            drug=drug, start=start, name=plan.patient.name)
    #: Open from Code, a code read that holds no patient name.
    return translate("Window", "{drug}, starting {start}. The code holds no patient name: add it before you print.").format(
        drug=drug, start=start)
