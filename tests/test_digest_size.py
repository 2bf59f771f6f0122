"""A digest holds at most ``digest.max_visits`` (the newest), counts the rest as "and N more",
and keeps its HTML part under 100 KB, where Gmail would clip it and hide the unsubscribe footer."""

from __future__ import annotations

from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from samples import SAMPLE_TOPICS, sample_config

from core.config import SubscriberConfig
from core.db.engine import Database
from core.records import Article, Official, Stop, Visit
from core.store import save_article
from notifier.delivery import send_due_digests
from notifier.match_queue import queue_new_matches
from notifier.subscribers import import_subscribers

NOW = datetime(2023, 4, 30, 1, 0)
SENTENCE = ("We must keep to the path of green development and build the carbon materials industry "
            "into a pillar of the county economy with ever more effort and resolve. ")


def article(n: int, *, heavy: bool) -> Article:
    day = (NOW - timedelta(days=n % 5)).date().isoformat()
    stops = [Stop(f"Pingyin Carbon Works No. {n}-{k} Co., Ltd.", "enterprise", "Pingyin County")
             for k in range(12 if heavy else 1)]
    # A different official each: one official's reports of one day in one county would be one event.
    visit = Visit(date=day, officials=[Official(f"Li Wen{n}", "Mayor")], regions=["Pingyin County"],
                  stops=stops, emphasized=[SENTENCE * (6 if heavy else 1)] * 2)
    title = f"Li Wen{n} inspects carbon plant {n:03d}"
    return Article(url=f"http://news.example.cn/a{n:03d}.html", title=title,
                   text="Li Wenhua inspected carbon plants in Pingyin County.", published=day,
                   source="news", visits=[visit])


def send(tmp_path: Path, count: int, *, heavy: bool = False) -> tuple[EmailMessage, int]:
    db = Database(f"sqlite:///{tmp_path / 'iw.db'}")
    try:
        for n in range(count):
            save_article(db, article(n, heavy=heavy))
        import_subscribers(db, [SubscriberConfig(email="ana@example.org", watches=["Pingyin"])], now=NOW)
        queue_new_matches(db, SAMPLE_TOPICS, NOW)
        config = sample_config(tmp_path)  # digest.max_visits: the default, 25
        report = send_due_digests(db, config, NOW, outbox=tmp_path / "out", force=True, secret="s" * 32)
    finally:
        db.close()
    [eml] = sorted((tmp_path / "out").glob("*.eml"))
    return BytesParser(policy=policy.default).parsebytes(eml.read_bytes()), report.visits_delivered


def parts(message: EmailMessage) -> tuple[str, bytes]:
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content().encode()


def test_at_most_max_visits_with_the_rest_counted(tmp_path: Path) -> None:
    message, delivered = send(tmp_path, 40)
    text, html = parts(message)
    assert delivered == 40  # the 15 not shown are counted in this digest, not held back for the next
    assert "and 15 more matching visits not shown here" in text
    assert b"and 15 more matching visits not shown here" in html
    assert sum(f"carbon plant {n:03d}" in text for n in range(40)) == 25


def test_html_stays_under_100_kb_however_large_the_visits(tmp_path: Path) -> None:
    message, delivered = send(tmp_path, 40, heavy=True)
    text, html = parts(message)
    assert len(html) < 100_000
    assert b"Unsubscribe" in html[-3000:]
    shown = sum(f"carbon plant {n:03d}" in text for n in range(40))
    assert 1 <= shown < 25 and f"and {40 - shown} more matching visits" in text
    assert delivered == 40
