"""'New' means new: only visits dated (or published) within ``digest.first_digest_days`` of now are
queued, so a first digest after crawling an archive, or a backfill, mails nothing old as new."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from core.db.engine import Database, utcnow
from core.records import Article, Official, Visit
from core.store import save_article
from jobs.cli import cli


def article(n: int, published: str | None, visit_date: str | None) -> Article:
    visit = Visit(date=visit_date, officials=[Official("Li Wenhua", "Mayor")], regions=["Pingyin County"])
    return Article(url=f"http://news.example.cn/a{n}.html", title=f"Li Wenhua visits Pingyin ({n})",
                   text="Li Wenhua inspected carbon plants in Pingyin County.", published=published,
                   source="news", visits=[visit])


def setup(tmp_path: Path, digest_options: str = "") -> list[str]:
    config = tmp_path / "config"
    config.mkdir()
    (config / "inspectwatch.toml").write_text(f"[digest]\n{digest_options}\n", encoding="utf-8")
    return ["--config", str(config), "--db", f"sqlite:///{tmp_path / 'iw.db'}"]


def store(db_url: str, articles: list[Article]) -> None:
    db = Database(db_url)
    try:
        for item in articles:
            save_article(db, item)
    finally:
        db.close()


def digest(args: list[str], outbox: Path) -> str:
    result = CliRunner().invoke(cli, [*args, "digest", "--force", "--outbox", str(outbox)],
                                env={"INSPECTWATCH_SECRET": "s" * 32})
    assert result.exit_code == 0, result.output
    return result.output


def test_first_digest_holds_only_recent_visits(tmp_path: Path) -> None:
    args = setup(tmp_path)
    today = utcnow().date()
    recent, old = (today - timedelta(days=2)).isoformat(), (today - timedelta(days=30)).isoformat()
    store(args[-1], [article(1, recent, recent),            # dated two days ago: new
                     article(2, recent, None),              # undated visit, published two days ago: new
                     article(3, recent, "2023-03-30"),      # an old visit reported now: archive
                     article(4, old, None),                 # published a month ago: archive
                     article(5, "2023-03-30", "2023-03-30")])
    added = CliRunner().invoke(cli, [*args, "subscribers", "add", "ana@example.org", "--watch", "Pingyin"])
    assert added.exit_code == 0, added.output
    output = digest(args, tmp_path / "outbox")
    assert "2 new matching (subscriber, visit) pairs queued" in output
    assert "1 digests sent" in output and "2 visits delivered" in output


def test_a_backfill_mails_nothing_old_and_the_window_is_a_setting(tmp_path: Path) -> None:
    args = setup(tmp_path, "first_digest_days = 60")
    today = utcnow().date()
    CliRunner().invoke(cli, [*args, "subscribers", "add", "ana@example.org", "--watch", "Pingyin"])
    store(args[-1], [article(1, today.isoformat(), today.isoformat())])
    assert "1 new matching" in digest(args, tmp_path / "first")
    month = (today - timedelta(days=30)).isoformat()
    store(args[-1], [article(2, month, month),              # backfilled, within the 60 days set
                     article(3, "2023-01-05", "2023-01-05")])  # backfilled archive
    assert "1 new matching" in digest(args, tmp_path / "second")
