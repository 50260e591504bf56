"""The Qt binding must not corrupt Python: a guard against a known-bad PySide6 release."""

import subprocess
import sys

import pytest

CODE = """
import sys
from PySide6.QtGui import QGuiApplication, QImage, QPainter
app = QGuiApplication([])
img = QImage(64, 64, QImage.Format_ARGB32)
p = QPainter(img)
before = sys.getrefcount(None)
for _ in range(20000):
    p.save(); p.restore()
after = sys.getrefcount(None)
p.end()
print(before - after)
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive():
    # PySide6 6.12.0 on Python 3.11 loses a reference to None on each void call; Python then
    # aborts with "deallocating None" (the window and the printout make thousands of calls).
    r = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120,
                       env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr[-500:]
    # The bad release loses one reference per call (40,000 here). Unrelated objects made or
    # freed meanwhile can move the count by one or two: seen 1 in 5 runs in a clean venv.
    lost = int(r.stdout.strip())
    assert lost < 400, f"None lost {lost} references over 40000 void calls"
