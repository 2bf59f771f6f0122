"""Screenshots of real demo digests for README: `make screenshots` writes docs/digest-{en,zh}-{800,390}.png.

Runs the offline demo (the bundled snapshot, crawled, extracted, matched and mailed on loopback)
into a throw-away folder, and photographs the HTML part of two of its digests (an English reader's
and a Chinese reader's) with Debian's chromium, headless, at 800 px (a desktop mail client) and
390 px (a phone), as tall as the page.
"""

from __future__ import annotations

import email
import email.policy
import sys
import tempfile
from email.message import EmailMessage
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from screenshots import browser  # noqa: E402 - docs/ is no package

from jobs.cli import cli  # noqa: E402

OUT = Path(__file__).parent
ROOT = OUT.parent
READERS = {"en": "rural.desk@example.com", "zh": "jinan.reporter@example.com"}
WIDTHS = (800, 390)
MAX_HEIGHT = 6000


def demo_digests(folder: Path) -> dict[str, Path]:
    """Run the demo into ``folder``; the HTML part of each reader's digest, as a file."""
    result = CliRunner().invoke(cli, ["--config", str(ROOT / "config"), "demo", "--out", str(folder)])
    if result.exit_code != 0:
        sys.exit(f"screenshots: the demo failed:\n{result.output}")
    pages: dict[str, Path] = {}
    for language, reader in READERS.items():
        (eml,) = folder.glob(f"*{reader}.eml")
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        part = message.get_body(("html",))
        assert part is not None, f"{eml.name} has no HTML part"
        page = folder / f"digest-{language}.html"
        page.write_text(part.get_content(), encoding="utf-8")
        pages[language] = page
    return pages


def photograph(pages: dict[str, Path], out: Path) -> list[Path]:
    """Each page at each width, as tall as it is; the PNG files written."""
    driver = browser()
    written: list[Path] = []
    try:
        for language, page in pages.items():
            for width in WIDTHS:
                driver.set_window_size(width, 800)
                driver.get(page.as_uri())
                height = int(driver.execute_script("return document.documentElement.scrollHeight"))
                driver.set_window_size(width, min(height, MAX_HEIGHT))
                target = out / f"digest-{language}-{width}.png"
                driver.save_screenshot(str(target))
                written.append(target)
    finally:
        driver.quit()
    return written


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for path in photograph(demo_digests(Path(folder)), OUT):
            print(f"docs/{path.name}")


if __name__ == "__main__":
    main()
