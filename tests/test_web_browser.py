"""A reader in a real browser (Debian's chromium, driven by selenium) against a real uvicorn on loopback:
sign up, confirm from the mail aiosmtpd received, change a watch, read the Atom feed, unsubscribe.

`make test` installs chromium and chromium-driver (tests/browser/ensure-chromium.sh); where they
cannot be installed this test is skipped with the reason."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import pytest
from samples import SAMPLE_TOPICS, seeded_database
from test_daemon import free_port, wait_for

from core.config import Settings, SmtpSettings
from core.db.engine import Database
from jobs.demo.smtp import RecordingHandler, local_smtp
from notifier.subscribers import list_subscribers
from notifier.web.server import RunningServer, start_server

SECRET = "browser-test-secret"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="chromium and chromium-driver are not installed (tests/browser/ensure-chromium.sh installs them)")


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER or ""), options=options)
    driver.set_page_load_timeout(60)
    driver.implicitly_wait(10)
    yield driver
    driver.quit()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Database, RecordingHandler]]:
    db = seeded_database(f"sqlite:///{tmp_path / 'browser.db'}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with local_smtp() as (smtp_port, mailbox):
        settings = Settings(smtp=SmtpSettings(host="127.0.0.1", port=smtp_port, sender="iw <iw@example.org>"),
                            digest={"base_url": base})  # type: ignore[arg-type]
        server: RunningServer = start_server(db, SECRET, "127.0.0.1", port, settings=settings,
                                             topics=SAMPLE_TOPICS)
        try:
            yield base, db, mailbox
        finally:
            server.stop()
    db.close()


def see(driver, text: str) -> None:
    """Wait for the page the last click led to (a form's answer loads after click() returns)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(lambda d: text in d.page_source, f"a page saying {text!r}")


def status_of(db: Database, email: str) -> tuple[str, list[str]]:
    row = next(r for r in list_subscribers(db) if r.email == email)
    return row.status, list(row.watches)


def test_sign_up_confirm_edit_read_the_feed_and_unsubscribe(browser, site) -> None:
    from selenium.webdriver.common.by import By

    base, db, mailbox = site
    driver = browser
    driver.get(f"{base}/")
    see(driver, "Longshan Carbon")  # the seeded visits are listed
    driver.find_element(By.LINK_TEXT, "Subscribe").click()
    see(driver, "Get visits by email")
    driver.find_element(By.NAME, "email").send_keys("reader@example.org")
    driver.find_element(By.NAME, "watches").send_keys("org:carbon")
    driver.find_element(By.CSS_SELECTOR, "form.settings button[type=submit]").click()
    see(driver, "Check your inbox")
    assert status_of(db, "reader@example.org")[0] == "pending"

    wait_for(lambda: mailbox.messages, 30, "the confirmation mail")
    body = mailbox.messages[-1].message().get_content()
    confirm = re.search(rf"{re.escape(base)}/confirm/\S+", body)
    assert confirm, body
    driver.get(confirm.group(0))
    assert status_of(db, "reader@example.org")[0] == "pending"  # opening the link is not confirming
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    see(driver, "will receive digests")
    assert status_of(db, "reader@example.org")[0] == "active"

    driver.find_element(By.PARTIAL_LINK_TEXT, "Change your watches").click()
    see(driver, "Your subscription")
    watches = driver.find_element(By.NAME, "watches")
    watches.clear()
    watches.send_keys("org:carbon\nplace:Pingyin")
    driver.find_element(By.CSS_SELECTOR, "form.settings button[type=submit]").click()
    see(driver, "Saved")
    assert status_of(db, "reader@example.org") == ("active", ["org:carbon", "place:Pingyin"])

    feed_url = driver.find_element(By.PARTIAL_LINK_TEXT, "Atom feed").get_attribute("href")
    assert feed_url and feed_url.endswith(".atom")
    feed = feedparser.parse(httpx.get(feed_url, timeout=30).content)
    assert feed.entries and all("Matched:" in entry.summary for entry in feed.entries)
    assert any("Longshan Carbon" in entry.summary for entry in feed.entries)

    driver.find_element(By.LINK_TEXT, "Unsubscribe").click()
    see(driver, "Unsubscribe reader@example.org?")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    see(driver, "will receive no more")
    assert status_of(db, "reader@example.org")[0] == "unsubscribed"
