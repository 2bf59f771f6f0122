"""`make screenshots`: each digest picture is made, at the width asked for (Debian's chromium)."""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "fixtures" / "digest"

pytestmark = pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                                reason="needs Debian's chromium and chromium-driver (make browser)")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is no PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_each_digest_screenshot_is_made(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "docs"))
    from digest_screenshots import WIDTHS, photograph

    pages = {"en": GOLDEN / "sample-digest.html", "zh": GOLDEN / "sample-digest-zh.html"}
    written = photograph(pages, tmp_path)
    expected = sorted(f"digest-{lang}-{w}.png" for lang in pages for w in WIDTHS)
    assert sorted(p.name for p in written) == expected
    for path in written:
        width, height = png_size(path)
        assert width == int(path.stem.rsplit("-", 1)[1]) and height > 600, (path.name, width, height)
