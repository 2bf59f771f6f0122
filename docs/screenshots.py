"""Screenshots of the web pages for README: `make screenshots` writes docs/web-{browse,subscribe,manage}.png.

Serves the bundled sample visits from a throw-away SQLite file on loopback and
photographs each page with Debian's chromium (headless, through selenium).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from core.config import Settings
from notifier.subscribers import add_subscriber, list_subscribers, make_entry
from notifier.tokens import make_link_token
from notifier.web.server import start_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from samples import SAMPLE_TOPICS, seeded_database  # noqa: E402  (tests/samples.py)

OUT = Path(__file__).parent
SECRET = "screenshot-secret"


def browser() -> webdriver.Chrome:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        sys.exit("screenshots: install Debian's chromium and chromium-driver "
                 "(tests/browser/ensure-chromium.sh; fonts-noto-cjk for the Chinese text)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=900,1100",
                     "--hide-scrollbars", "--lang=en-US"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = seeded_database(f"sqlite:///{Path(folder) / 'shots.db'}")
        add_subscriber(db, make_entry("ana@example.org", ["org:\"Longshan Carbon\"", "topic:carbon"],
                                      SAMPLE_TOPICS, send_at="08:00", timezone="Asia/Shanghai"))
        row = list_subscribers(db)[0]
        server = start_server(db, SECRET, "127.0.0.1", 0, settings=Settings(), topics=SAMPLE_TOPICS)
        driver = browser()
        try:
            pages = {"browse": "/?lang=en", "subscribe": "/subscribe?lang=en",
                     "manage": f"/manage/{make_link_token(SECRET, 'manage', row.id, row.email)}?lang=en"}
            for name, path in pages.items():
                driver.get(server.url + path)
                driver.save_screenshot(str(OUT / f"web-{name}.png"))
                print(f"docs/web-{name}.png")
        finally:
            driver.quit()
            server.stop()
            db.close()


if __name__ == "__main__":
    main()
