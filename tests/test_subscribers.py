"""Subscribers in the database: add, list, remove, idempotent import, unsubscribes that stick; the CLI."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from click.testing import CliRunner

from core.config import SubscriberConfig
from core.db.engine import Database
from jobs.cli import cli
from notifier.subscribers import (
    SubscriberError,
    add_subscriber,
    import_subscribers,
    list_subscribers,
    make_entry,
    remove_subscriber,
)

NOW = datetime(2023, 3, 30, 0, 0)


@pytest.fixture
def db(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'subs.db'}")
    yield database
    database.close()


def entry(email="ana@example.org", watches=("carbon",), **options):
    return SubscriberConfig(email=email, watches=list(watches), **options)


def test_import_is_idempotent_and_updates_changed_entries(db):
    entries = [entry(), entry("bo@example.org", ["place:Pingyin"], frequency="weekly")]
    first = import_subscribers(db, entries, now=NOW)
    assert first.added == ["ana@example.org", "bo@example.org"]
    again = import_subscribers(db, entries, now=NOW)
    assert (again.added, again.updated, again.unchanged) == ([], [], ["ana@example.org", "bo@example.org"])
    changed = import_subscribers(db, [entry(watches=["carbon", "steel"])], now=NOW)
    assert changed.updated == ["ana@example.org"]
    rows = {r.email: r for r in list_subscribers(db)}
    assert rows["ana@example.org"].watches == ["carbon", "steel"]
    assert rows["bo@example.org"].frequency == "weekly"
    assert len(rows) == 2


def test_unsubscribe_wins_over_import_until_added_again(db):
    import_subscribers(db, [entry()], now=NOW)
    assert remove_subscriber(db, "ANA@example.org ", now=NOW)
    report = import_subscribers(db, [entry(watches=["steel"])], now=NOW)
    assert report.skipped_unsubscribed == ["ana@example.org"]
    row = list_subscribers(db)[0]
    assert (row.status, row.watches) == ("unsubscribed", ["carbon"])
    assert add_subscriber(db, entry(watches=["steel"]), now=NOW) == "updated"
    row = list_subscribers(db)[0]
    assert (row.status, row.watches) == ("active", ["steel"])
    assert add_subscriber(db, entry(watches=["steel"]), now=NOW) == "unchanged"


def test_remove_unknown_address(db):
    assert remove_subscriber(db, "nobody@example.org") is False


def test_make_entry_names_every_problem():
    with pytest.raises(SubscriberError) as caught:
        make_entry("not-an-email", ["carbon"], frequency="hourly")
    text = str(caught.value)
    assert "email: expected one email address" in text and "frequency" in text
    with pytest.raises(SubscriberError) as caught:
        make_entry("ana@example.org", ["carbon (steel"])
    assert "unbalanced parenthesis" in str(caught.value) and "^" in str(caught.value)
    with pytest.raises(SubscriberError, match="unknown topic 'mining'"):
        make_entry("ana@example.org", ["topic:mining"], topics={"carbon": ["carbon"]})


def test_cli_add_list_remove_import(tmp_path):
    runner = CliRunner()
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "topics.toml").write_text('[topics.carbon]\nen = ["carbon"]\nzh = ["炭素"]\n')
    base = ["--config", str(config_dir), "--db", f"sqlite:///{tmp_path / 'cli.db'}", "subscribers"]
    result = runner.invoke(cli, [*base, "add", "Ana@Example.org", "--watch", "topic:carbon", "--watch",
                                 "org:炭素", "--frequency", "weekly", "--weekday", "fri",
                                 "--timezone", "Europe/Berlin"])
    assert result.exit_code == 0, result.output
    assert "ana@example.org: added (weekly, 2 watches)" in result.output
    listing = runner.invoke(cli, [*base, "list"]).output
    assert "ana@example.org  [active]  weekly fri 08:00 Europe/Berlin" in listing and "org:炭素" in listing
    chinese = runner.invoke(cli, [*base, "add", "zh@example.org", "--watch", "carbon", "--language", "zh"])
    assert chinese.exit_code == 0, chinese.output
    database = Database(f"sqlite:///{tmp_path / 'cli.db'}")
    assert [(r.email, r.language) for r in list_subscribers(database)] == [
        ("ana@example.org", None), ("zh@example.org", "zh")]
    database.close()
    wrong = runner.invoke(cli, [*base, "add", "zh@example.org", "--watch", "carbon", "--language", "fr"])
    assert wrong.exit_code == 2 and "'fr' is not one of 'en', 'zh'" in wrong.output
    bad = runner.invoke(cli, [*base, "add", "bo@example.org", "--watch", "a (b"])
    assert bad.exit_code == 2 and "Error:" in bad.output and "unbalanced parenthesis" in bad.output
    unknown = runner.invoke(cli, [*base, "add", "bo@example.org", "--watch", "topic:mining"])
    assert unknown.exit_code == 2 and "unknown topic 'mining' (known: carbon)" in unknown.output
    assert runner.invoke(cli, [*base, "remove", "ana@example.org"]).exit_code == 0
    missing = runner.invoke(cli, [*base, "remove", "ana@nowhere.org"])
    assert missing.exit_code == 2 and "no subscriber" in missing.output
    subs_file = tmp_path / "subscribers.toml"
    subs_file.write_text('[[subscribers]]\nemail = "ana@example.org"\nwatches = ["carbon"]\n\n'
                         '[[subscribers]]\nemail = "cy@example.org"\nwatches = ["steel"]\n')
    imported = runner.invoke(cli, [*base, "import", str(subs_file)])
    assert "1 added, 0 updated, 0 unchanged, 1 skipped" in imported.output
    assert "1 added" not in runner.invoke(cli, [*base, "import", str(subs_file)]).output
    broken = runner.invoke(cli, [*base, "import", str(tmp_path / "missing.toml")])
    assert broken.exit_code == 2 and "does not exist" in broken.output



NOT_ONE_ADDRESS = ["a,b@example.org", "a:victim@example.com", "Ana <ana@example.org>",
                   "ana@example.org, bo@example.org", "ana@example.org\nBcc: x@example.org", "ana@localhost",
                   '"a b"@example.org', "ana@exa\u202emple.org", "ana@", "@example.org"]


@pytest.mark.parametrize("address", NOT_ONE_ADDRESS)
def test_cli_add_and_import_refuse_what_is_not_one_address(tmp_path, address):
    runner = CliRunner()
    base = ["--config", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'cli.db'}", "subscribers"]
    assert runner.invoke(cli, [*base, "add", "cy@example.org", "--watch", "steel"]).exit_code == 0
    added = runner.invoke(cli, [*base, "add", address, "--watch", "carbon"])
    assert added.exit_code == 2, added.output
    assert "email: expected one email address such as ana@example.org" in added.output
    assert "Traceback" not in added.output
    subs_file = tmp_path / "import.toml"
    subs_file.write_text('[[subscribers]]\nemail = "ana@example.org"\nwatches = ["carbon"]\n\n'
                         f'[[subscribers]]\nemail = {json.dumps(address)}\nwatches = ["steel"]\n')
    imported = runner.invoke(cli, [*base, "import", str(subs_file)])
    assert imported.exit_code == 2, imported.output
    assert f"{subs_file}: subscribers[1].email: expected one email address" in imported.output
    listing = runner.invoke(cli, [*base, "list"]).output
    assert listing.startswith("cy@example.org  [active]")
    assert "@example.org  [" not in listing.split("\n", 1)[1]  # nothing else was added or imported

COMMANDS = [["subscribers", "add"], ["subscribers", "list"], ["subscribers", "remove"],
            ["subscribers", "import"], ["digest"], ["serve"]]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_ending_with_an_example(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert result.output.rstrip().splitlines()[-1].strip().startswith(("-h, --help", "--"))  # options last
    assert "inspectwatch " in result.output.split("Example")[1]
