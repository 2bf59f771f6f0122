"""The crawl and status commands without a network: usage errors, empty status, quiet progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from core.db.engine import Database
from jobs.cli import cli
from jobs.crawl_progress import live_display


def write_config(directory: Path) -> list[str]:
    directory.mkdir()
    (directory / "sources.toml").write_text(
        '[[sources]]\nname = "only"\ncms = "hanweb"\nstart_urls = ["http://127.0.0.1:9/col/col1/index.html"]\n',
        encoding="utf-8")
    return ["--config", str(directory), "--db", f"sqlite:///{directory / 'db.sqlite'}"]


def test_unknown_source_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [*write_config(tmp_path / "config"), "crawl", "--source", "nope"])
    assert result.exit_code == 2
    assert "no source named 'nope'" in result.output and "only" in result.output


def test_bad_since_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [*write_config(tmp_path / "config"), "crawl", "--since", "March"])
    assert result.exit_code == 2


def test_status_before_any_crawl(tmp_path: Path) -> None:
    args = write_config(tmp_path / "config")
    Database(args[-1]).close()  # an empty database, as `subscribers add` leaves it
    result = CliRunner().invoke(cli, [*args, "status"])
    assert result.exit_code == 0, result.output
    expected = ["sources (1)", "only (hanweb, zh): not crawled yet", "    due now"]
    assert result.output.splitlines()[:3] == expected


@pytest.mark.parametrize("command", [["status"], ["records"], ["subscribers", "list"]])
def test_read_only_commands_on_a_missing_database_create_nothing(tmp_path: Path, command: list[str]) -> None:
    config = write_config(tmp_path / "config")[:2]
    missing = tmp_path / "not" / "there" / "iw.db"
    result = CliRunner().invoke(cli, [*config, "--db", f"sqlite:///{missing}", *command])
    assert result.exit_code == 1, result.output
    assert f"Error: no database at {missing}: nothing has been stored yet" in result.output
    assert not (tmp_path / "not").exists()


def test_progress_is_quiet_when_not_a_terminal() -> None:
    seen: list[tuple[str, str, int]] = []

    def forward(source: str, field: str, n: int) -> None:
        seen.append((source, field, n))

    with live_display(["a"], forward) as relay:
        assert relay is forward  # no live display on a pipe: events pass straight through


def test_help_ends_with_an_example() -> None:
    for command in ("crawl", "status"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output and f"inspectwatch {command}" in result.output


def test_status_shows_each_subscribers_last_digest_and_pending_failed(tmp_path: Path) -> None:
    from core.db.engine import Database, utcnow
    from core.db.models import Delivery, SubscriberRow, VisitRow
    from core.records import Article, Official, Visit
    from core.store import save_article

    args = write_config(tmp_path / "config")
    db = Database(args[-1])
    visits = [Visit(date="2023-03-30", officials=[Official("Li Wenhua", "Mayor")]) for _ in range(3)]
    save_article(db, Article(url="http://x.cn/a.html", title="t", text="text", source="only", visits=visits))
    now = utcnow()
    with db.session() as session, session.begin():
        sub = SubscriberRow(email="reader@example.org", watches=["Li"], created_at=now, updated_at=now)
        session.add(sub)
        session.flush()
        ids = [v.id for v in session.query(VisitRow).order_by(VisitRow.id)]
        for visit_id, state in zip(ids, ("sent", "pending", "failed"), strict=True):
            session.add(Delivery(subscriber_id=sub.id, visit_id=visit_id, state=state, created_at=now,
                                 sent_at=now if state == "sent" else None))
    db.close()
    result = CliRunner().invoke(cli, [*args, "status"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index("reader@example.org [active] daily")
    assert lines[at + 1].startswith(f"    last sent {now:%Y-%m-%d}")
    assert "pending 1, failed 1" in lines[at + 1]
