"""Reading the code on the paper back from an image (issue 18): a photo or a scan of the printed
page, opened with Pillow and decoded with zxing-cpp (maintained, reads QR and Data Matrix codes).
What it gives is the code's text; planner.files.plan_code.decode_plan turns that into the plan.
Every way an image cannot give a plan code is a CodeImageError naming the file."""

from __future__ import annotations

import os
from pathlib import Path

from planner.files.plan_code import MAGIC, normalised
from planner.text.catalogue import say


class CodeImageError(ValueError):
    """The image cannot be read, or holds no plan code; the message names the file."""


def code_text_from_image(path: str | os.PathLike[str]) -> str:
    """The text of the plan code in the image at path (the first, if it holds several codes)."""
    from PIL import Image, UnidentifiedImageError
    import zxingcpp

    p = Path(path)
    try:
        with Image.open(p) as im:
            im.load()
            picture = im.convert("L")  # greys: zxing-cpp reads any mode, a palette or CMYK image too
    except FileNotFoundError:
        raise CodeImageError(say("code.image.unreadable", path=p, why=say("code.image.missing"))) from None
    except UnidentifiedImageError:
        raise CodeImageError(say("code.image.unreadable", path=p, why=say("code.image.not-image"))) from None
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise CodeImageError(say("code.image.unreadable", path=p, why=why)) from None
    texts = [r.text for r in zxingcpp.read_barcodes(picture) if r.text]
    for text in texts:
        if normalised(text).startswith(MAGIC):
            return text
    if texts:
        raise CodeImageError(say("code.image.not-plan-code", path=p))
    raise CodeImageError(say("code.image.no-code", path=p))


__all__ = ["CodeImageError", "code_text_from_image"]
