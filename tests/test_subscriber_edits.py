"""`subscribers add` keeps what it is not told to change, `unwatch` removes one watch, an
unsubscribed address stays unsubscribed, and an unknown topic gets one message everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from core.db.engine import Database
from jobs.cli import cli
from notifier.subscribers import list_subscribers

UNKNOWN = "watch 'topic:nope': unknown topic 'nope' (known: carbon)"


@pytest.fixture
def base(tmp_path: Path) -> list[str]:
    config = tmp_path / "config"
    config.mkdir()
    (config / "topics.toml").write_text('[topics.carbon]\nen = ["carbon"]\nzh = ["炭素"]\n', encoding="utf-8")
    return ["--config", str(config), "--db", f"sqlite:///{tmp_path / 'iw.db'}"]


def invoke(base: list[str], *args: str) -> Result:
    return CliRunner().invoke(cli, [*base, *args], env={"INSPECTWATCH_SECRET": "s" * 32})


def stored(base: list[str]) -> dict[str, tuple[str, str, str, str, str, list[str]]]:
    db = Database(base[-1])
    try:
        return {r.email: (r.status, r.frequency, r.weekday, r.send_at, r.timezone, list(r.watches))
                for r in list_subscribers(db)}
    finally:
        db.close()


def test_add_merges_watches_and_keeps_options_not_given(base: list[str]) -> None:
    first = invoke(base, "subscribers", "add", "ana@example.org", "--watch", "topic:carbon", "--frequency",
                   "weekly", "--weekday", "fri", "--send-at", "17:00", "--timezone", "Europe/Berlin")
    assert first.exit_code == 0, first.output
    second = invoke(base, "subscribers", "add", "ana@example.org", "--watch", "place:Pingyin")
    assert second.exit_code == 0, second.output
    assert "ana@example.org: updated (weekly, 2 watches)" in second.output
    assert stored(base)["ana@example.org"] == (
        "active", "weekly", "fri", "17:00", "Europe/Berlin", ["topic:carbon", "place:Pingyin"])
    again = invoke(base, "subscribers", "add", "ana@example.org", "--watch", "topic:carbon")
    assert "ana@example.org: unchanged (weekly, 2 watches)" in again.output
    daily = invoke(base, "subscribers", "add", "ana@example.org", "--watch", "topic:carbon",
                   "--frequency", "daily")
    assert daily.exit_code == 0, daily.output
    assert stored(base)["ana@example.org"][1:5] == ("daily", "fri", "17:00", "Europe/Berlin")


def test_unwatch_removes_one_watch_and_never_the_last(base: list[str]) -> None:
    invoke(base, "subscribers", "add", "ana@example.org", "--watch", "carbon", "--watch", "steel")
    removed = invoke(base, "subscribers", "unwatch", "ana@example.org", "carbon")
    assert removed.exit_code == 0, removed.output
    assert "ana@example.org: removed 'carbon'; 1 watch left" in removed.output
    assert stored(base)["ana@example.org"][5] == ["steel"]
    absent = invoke(base, "subscribers", "unwatch", "ana@example.org", "carbon")
    assert absent.exit_code == 2 and "has no watch 'carbon' (its watches: 'steel')" in absent.output
    last = invoke(base, "subscribers", "unwatch", "ana@example.org", "steel")
    assert last.exit_code == 2 and "is the last watch of ana@example.org" in last.output
    assert stored(base)["ana@example.org"][5] == ["steel"]


def test_unsubscribed_address_stays_unsubscribed_unless_resubscribed(base: list[str]) -> None:
    invoke(base, "subscribers", "add", "ana@example.org", "--watch", "carbon", "--frequency", "weekly")
    assert invoke(base, "subscribers", "remove", "ana@example.org").exit_code == 0
    refused = invoke(base, "subscribers", "add", "ANA@Example.ORG", "--watch", "steel")
    assert refused.exit_code == 2, refused.output
    assert "ana@example.org unsubscribed on" in refused.output and "--resubscribe" in refused.output
    assert stored(base)["ana@example.org"][0] == "unsubscribed"
    assert stored(base)["ana@example.org"][5] == ["carbon"]
    back = invoke(base, "subscribers", "add", "ANA@Example.ORG", "--watch", "steel", "--resubscribe")
    assert back.exit_code == 0, back.output
    assert stored(base)["ana@example.org"][:2] == ("active", "weekly")
    assert stored(base)["ana@example.org"][5] == ["carbon", "steel"]


def test_an_unknown_topic_gets_the_same_message_everywhere(base: list[str], tmp_path: Path) -> None:
    entry = '[[subscribers]]\nemail = "bo@example.org"\nwatches = ["topic:nope"]\n'
    outside = tmp_path / "subs.toml"
    outside.write_text(entry, encoding="utf-8")
    added = invoke(base, "subscribers", "add", "bo@example.org", "--watch", "topic:nope")
    imported = invoke(base, "subscribers", "import", str(outside))
    matched = invoke(base, "records", "--match", "topic:nope")
    (Path(base[1]) / "subscribers.toml").write_text(entry, encoding="utf-8")
    checked = invoke(base, "check-config")
    for result in (added, imported, matched, checked):
        assert result.exit_code == 2, result.output
        assert UNKNOWN in result.output


def test_subscribers_toml_is_a_seed_loaded_only_by_import(base: list[str]) -> None:
    (Path(base[1]) / "subscribers.toml").write_text(
        '[[subscribers]]\nemail = "cy@example.org"\nwatches = ["carbon"]\n', encoding="utf-8")
    (Path(base[1]) / "sources.toml").write_text(
        '[[sources]]\nname = "off"\ncms = "generic"\nstart_urls = ["http://127.0.0.1:9/"]\nenabled = false\n',
        encoding="utf-8")
    ticked = invoke(base, "tick")
    assert ticked.exit_code == 0, ticked.output
    assert stored(base) == {}  # tick (like run) never reads the file: the database is the source of truth
    loaded = invoke(base, "subscribers", "import", str(Path(base[1]) / "subscribers.toml"))
    assert loaded.exit_code == 0, loaded.output
    assert stored(base)["cy@example.org"][5] == ["carbon"]
