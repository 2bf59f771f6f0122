"""Source health: a source whose layout changed is flagged broken in `status`, the admin is told once."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from click.testing import CliRunner
from sites import hanweb
from sites.server import Page, serve

from core.db.models import CrawlRun
from crawler.source_health import BROKEN, verdict
from jobs.cli import cli
from jobs.demo.smtp import local_smtp

T0 = datetime(2023, 3, 30, 8, 0)


def run(n: int, *, items: int = 0, not_modified: int = 0, new: int = 0, failures: int = 0) -> CrawlRun:
    return CrawlRun(source_id=1, started_at=T0 + timedelta(hours=n), status="ok", list_pages=1,
                    not_modified=not_modified, list_items=items, articles_new=new, articles_updated=0,
                    parse_failures=failures)


def newest_first(*runs: CrawlRun) -> list[CrawlRun]:
    return sorted(runs, key=lambda r: r.started_at, reverse=True)


def test_no_links_for_n_runs_after_yielding_is_broken() -> None:
    runs = newest_first(run(0, items=12, new=12), run(1), run(2), run(3))
    assert verdict(runs, 3) == f"{BROKEN} no article links found in the last 3 runs"
    assert verdict(runs[:3], 3) is None  # never yielded anything: nothing to compare with
    assert verdict(runs, 4) is None


def test_not_modified_runs_say_nothing_either_way() -> None:
    healthy = newest_first(run(0, items=12, new=12), run(1, not_modified=1), run(2, not_modified=1), run(3))
    assert verdict(healthy, 3) is None
    broken = newest_first(run(0, items=12, new=12), run(1), run(2, not_modified=1), run(3, not_modified=1))
    assert verdict(broken, 1) == f"{BROKEN} no article links found in the last 1 runs"


def test_parse_failures_over_half_a_run_is_broken() -> None:
    assert verdict([run(1, items=12, new=5, failures=7)], 3) == (
        f"{BROKEN} 7 article pages failed to parse in the last run")
    assert verdict([run(1, items=12, new=6, failures=6)], 3) is None


def write_config(directory: Path, url: str, smtp_port: int, db: Path) -> None:
    directory.mkdir()
    (directory / "inspectwatch.toml").write_text(
        f'database = "sqlite:///{db}"\nadmin = "admin@example.org"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\n'
        "[crawl]\nallow_private_networks = true\nbroken_after_runs = 1\n", encoding="utf-8")
    (directory / "sources.toml").write_text(
        f'[[sources]]\nname = "jinan-test"\ncms = "hanweb"\nstart_urls = ["{url}"]\nlanguage = "zh"\n',
        encoding="utf-8")


def test_layout_change_flags_broken_in_status_and_alerts_once(tmp_path: Path) -> None:
    runner = CliRunner()
    with serve(lambda b: hanweb.build(b, count=8, per_page=8)) as site, local_smtp() as (port, mailbox):
        write_config(tmp_path / "config", hanweb.start_url(site.base), port, tmp_path / "db.sqlite")
        args = ["--config", str(tmp_path / "config")]
        first = runner.invoke(cli, [*args, "crawl"])
        assert first.exit_code == 0, first.output
        assert "jinan-test" in first.output
        site.pages[f"/col/col{hanweb.COLUMN}/index.html"] = Page(hanweb.changed_column_page("utf-8").encode(),
                                                                  validators=True)
        second = runner.invoke(cli, [*args, "crawl"])
        assert second.exit_code == 1, second.output  # a list page without article links is a failed run
        assert len(mailbox.messages) == 1
        third = runner.invoke(cli, [*args, "crawl"])
        assert len(mailbox.messages) == 1  # once per breakage, not every run
        status = runner.invoke(cli, [*args, "status"])
    assert "did the page layout change?" in third.output
    assert status.exit_code == 0, status.output
    assert (f"jinan-test (hanweb, zh): {BROKEN} no article links found in the last 1 runs"
            in " ".join(status.output.split()))
    alert = mailbox.messages[0].message()
    assert alert["To"] == "admin@example.org" and "jinan-test" in alert["Subject"]
    assert "did the page layout change?" in alert.get_content()
