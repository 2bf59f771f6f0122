"""The offline demo, end to end: snapshot site -> Scrapy crawl -> visits -> digests -> SMTP.

Everything runs on loopback: the bundled Hanweb-shaped snapshot is served on
an ephemeral port, a real aiosmtpd server receives the digests, and each
message it accepted is also written to the output folder as .eml and .html.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from core.config import (
    Config,
    ConfigError,
    CrawlSettings,
    DigestSettings,
    Settings,
    SmtpSettings,
    SourceConfig,
    load_config,
)
from core.db.engine import Database, utcnow
from core.db.models import ArticleRow, VisitRow
from jobs.demo.site import COLUMNS, DemoSite, serve_demo_site
from jobs.demo.smtp import RecordingHandler, local_smtp

DEMO_SECRET = "inspectwatch-demo-secret-not-for-production"


@dataclass
class DemoSummary:
    articles: int
    visits: int
    subscribers: int
    digests_sent: int
    messages_received: int
    seconds: float
    out_dir: Path


def defaults_dir(config_dir: Path) -> Path:
    """The user's config directory when it exists, else the defaults bundled in the package."""
    if (config_dir / "subscribers.toml").is_file():
        return config_dir
    return Path(str(resources.files("jobs") / "defaults"))


def demo_config(config_dir: Path, out_dir: Path, site_url: str, smtp_port: int) -> Config:
    """Topics and subscribers from the config; everything else points at loopback."""
    base = load_config(defaults_dir(config_dir))
    settings = Settings(
        database=f"sqlite:///{out_dir / 'demo.db'}",
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_port, security="none",
                          sender="inspectwatch demo <demo@inspectwatch.example.org>"),
        crawl=CrawlSettings(allow_private_networks=True, max_pages_per_source=20),
        # the snapshot's visits are from 2023: new to the demo, though older than first_digest_days
        digest=DigestSettings(base_url="https://inspectwatch.example.org", first_digest_days=36500),
    )
    sources = [
        SourceConfig(name=f"demo-{lang}", cms="hanweb", language=lang, schedule="1h",
                     start_urls=[f"{site_url}/col/col{column}/index.html"])
        for lang, (column, _name, _site) in COLUMNS.items()
    ]
    return Config(base.directory, settings, sources, base.topics, base.subscribers)


def _fresh(out_dir: Path) -> None:
    if out_dir.exists():
        for path in out_dir.iterdir():
            if path.suffix in (".eml", ".html") or path.name.startswith("demo.db"):
                path.unlink() if path.is_file() else shutil.rmtree(path)
    out_dir.mkdir(parents=True, exist_ok=True)


def _count(db: Database) -> tuple[int, int]:
    from sqlalchemy import func, select

    with db.session() as session:
        articles = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
        visits = session.scalar(select(func.count()).select_from(VisitRow)) or 0
    return articles, visits


def run_demo(config_dir: Path, out_dir: Path, *, progress: bool = False) -> DemoSummary:
    """Run the whole pipeline offline; return its figures."""
    from crawler.runner import crawl_sources
    from jobs.crawl_progress import live_display
    from notifier.delivery import send_due_digests
    from notifier.match_queue import queue_new_matches
    from notifier.subscribers import import_subscribers

    started = time.monotonic()
    _fresh(out_dir)
    site = DemoSite()
    with serve_demo_site(site) as site_url, local_smtp(RecordingHandler(keep=False)) as (smtp_port, handler):
        config = demo_config(config_dir, out_dir, site_url, smtp_port)
        names = [s.name for s in config.sources if s.enabled]
        with live_display(names, None) if progress else contextlib.nullcontext() as relay:
            crawl_sources(config, config.settings.database, on_progress=relay)
        db = Database(config.settings.database)
        try:
            import_subscribers(db, config.subscribers)
            now = utcnow()
            queue_new_matches(db, config.topic_keywords(), now,
                              fresh_days=config.settings.digest.first_digest_days)
            report = send_due_digests(db, config, now, force=True, secret=DEMO_SECRET, copy_to=out_dir)
            articles, visits = _count(db)
        finally:
            db.close()
    return DemoSummary(articles, visits, len(config.subscribers), report.digests_sent,
                       handler.count, time.monotonic() - started, out_dir)


__all__ = ["ConfigError", "DemoSummary", "run_demo"]
