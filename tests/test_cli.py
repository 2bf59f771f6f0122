"""The command line as a user meets it: exit codes, messages, help, documentation."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from core.db.engine import Database
from core.records import Article, Official, Stop, Visit
from core.store import save_article
from jobs.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def all_commands() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)  # imported here: the group loads commands when used
        assert command is not None and command.name == name, f"COMMANDS names {name!r} wrongly"
        found.append((name, command))
        if isinstance(command, click.Group):
            found.extend((f"{name} {sub}", c) for sub, c in command.commands.items())
    return found


def test_check_config_accepts_the_shipped_config() -> None:
    result = run("--config", str(ROOT / "config"), "check-config")
    assert result.exit_code == 0, result.output
    assert "configuration is valid" in result.output


def test_check_config_rejects_bad_config_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text(
        "[[sources]]\nname = 'x'\ncms = 'hanwb'\nstart_urls = ['https://a.example/']\n", encoding="utf-8"
    )
    result = run("--config", str(tmp_path), "check-config")
    assert result.exit_code == 2
    assert "Error: bad configuration:" in result.output
    assert "sources.toml: sources['x'].cms: expected one of hanweb" in result.output  # named, not numbered
    assert "Traceback" not in result.output


def test_check_config_refuses_a_login_without_tls(tmp_path: Path) -> None:
    (tmp_path / "inspectwatch.toml").write_text("[smtp]\nhost = 'smtp.example.org'\nusername = 'robot'\n",
                                                encoding="utf-8")
    result = run("--config", str(tmp_path), "check-config")
    assert result.exit_code == 2, result.output
    assert "inspectwatch.toml: smtp.security: expected security = \"starttls\" or \"ssl\"" in result.output
    assert "Traceback" not in result.output


def test_unknown_command_is_usage_error() -> None:
    assert run("no-such-command").exit_code == 2


@pytest.mark.parametrize("name, command", all_commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_help_with_an_example_and_is_documented(name: str, command: click.Command) -> None:
    assert command.help, f"{name} has no help"
    if not isinstance(command, click.Group):
        assert "Example" in command.help, f"{name}'s help ends with no example"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"`inspectwatch {name}" in readme, f"{name} is missing from README.md's command table"


def stored_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    db = Database(url)
    visit = Visit(
        date="2024-04-02",
        officials=[Official("Wang Dong", "Mayor")],
        regions=["Zhangqiu District"],
        stops=[Stop("Mingshui Graphite Co., Ltd.", "enterprise", "Zhangqiu District")],
        topics=["carbon"],
    )
    save_article(
        db,
        Article(
            url="https://news.example.gov.cn/art/2024/4/3/art_9_1.html",
            title="Mayor inspects graphite makers",
            text="...",
            language="en",
            published="2024-04-03",
            source="example-en",
            visits=[visit],
        ),
    )
    old = Visit(
        date="2023-01-09",
        officials=[Official("刘红", "市委书记")],
        regions=["平阴县"],
        stops=[Stop("玫瑰小镇", "project", "平阴县")],
    )
    save_article(
        db,
        Article(
            url="https://news.example.gov.cn/art/2023/1/10/art_9_2.html",
            title="市委书记刘红到平阴县调研",
            text="...",
            language="zh",
            published="2023-01-10",
            source="example-zh",
            visits=[old],
        ),
    )
    db.close()
    return url


def test_records_json_lines(tmp_path: Path) -> None:
    result = run("--config", str(ROOT / "config"), "--db", stored_db(tmp_path), "records", "--format", "json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["published"] for line in lines] == ["2024-04-03", "2023-01-10"]
    first = lines[0]
    assert first["officials"] == [{"name": "Wang Dong", "title": "Mayor"}]
    assert first["stops"][0]["kind"] == "enterprise"
    assert first["source"] == "example-en" and first["url"].endswith("art_9_1.html")
    assert lines[1]["stops"][0]["name"] == "玫瑰小镇"


def test_records_since_and_csv(tmp_path: Path) -> None:
    db_url = stored_db(tmp_path)
    result = run(
        "--config",
        str(ROOT / "config"),
        "--db",
        db_url,
        "records",
        "--since",
        "2024-01-01",
        "--format",
        "csv",
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 1 and rows[0]["officials"] == "Wang Dong"
    assert rows[0]["stops"] == "Mingshui Graphite Co., Ltd. (enterprise)"


def test_records_table_for_people(tmp_path: Path) -> None:
    result = run("--config", str(ROOT / "config"), "--db", stored_db(tmp_path), "records")
    assert result.exit_code == 0, result.output
    assert "2 visit(s)" in result.output and "Wang Dong" in result.output


def test_records_table_prints_stored_text_as_it_is(tmp_path: Path) -> None:
    """Scraped names are data, not rich markup: brackets and colons print as written."""
    url = f"sqlite:///{tmp_path / 'iw.db'}"
    db = Database(url)
    visit = Visit(date="2024-05-02", officials=[Official("Zhao Lin", "Mayor")],
                  stops=[Stop("Hengda [bold]Valve[/bold] Works [/x] :factory:", "enterprise")])
    save_article(db, Article(url="https://news.example.gov.cn/art/2024/5/2/art_1_1.html", source="example-en",
                             title="Mayor visits valve works", published="2024-05-02", text="...",
                             language="en", visits=[visit]))
    db.close()
    result = run("--db", url, "records")
    assert result.exit_code == 0, result.output
    assert "[bold]Valve[/bold]" in result.output and "[/x]" in result.output and ":factory:" in result.output


def test_records_and_digests_agree_on_events(tmp_path: Path) -> None:
    """The English edition and the Chinese original of one visit: two lines of JSON with one event,
    one row of the table naming both sources."""
    from samples import sample_articles

    url = f"sqlite:///{tmp_path / 'events.db'}"
    db = Database(url)
    en, _, zh = sample_articles()
    save_article(db, en)
    save_article(db, zh)
    db.close()
    lines = [json.loads(line) for line in run("--db", url, "records", "--format", "json").output.splitlines()]
    assert len(lines) == 2 and lines[0]["event"] == lines[1]["event"] == min(line["id"] for line in lines)
    table = run("--db", url, "records").output
    assert "2 visit(s) of 1 event(s)" in table and "jinan-zh ·" in table and "jinan-en" in table
    assert table.count("2023-03-29") == 1  # one row for the event


def test_records_bad_date_is_usage_error(tmp_path: Path) -> None:
    result = run("--db", stored_db(tmp_path), "records", "--since", "yesterday")
    assert result.exit_code == 2


def test_records_match_expression(tmp_path: Path) -> None:
    db_url = stored_db(tmp_path)
    result = run("--config", str(ROOT / "config"), "--db", db_url, "records", "--match", "topic:carbon",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["officials"][0]["name"] for line in result.output.splitlines()] == ["Wang Dong"]
    chinese = run("--config", str(ROOT / "config"), "--db", db_url, "records", "--match", "place:平阴",
                  "--format", "json")
    assert [json.loads(line)["regions"] for line in chinese.output.splitlines()] == [["平阴县"]]


def test_records_bad_match_shows_caret(tmp_path: Path) -> None:
    result = run("--db", stored_db(tmp_path), "records", "--match", "(carbon OR graphite")
    assert result.exit_code == 2
    assert "Error: --match:" in result.output and "^" in result.output


def test_database_errors_are_reported_without_traceback(tmp_path: Path) -> None:
    import sqlite3
    import subprocess
    import sys

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database file" * 100)
    stale = tmp_path / "stale.db"
    url = f"sqlite:///{stale}"
    Database(url).close()
    with sqlite3.connect(stale) as conn:  # a schema that does not match the code
        conn.execute("DROP TABLE visits")
    for db_file in (garbage, stale):
        done = subprocess.run([sys.executable, "-m", "jobs.cli", "--db", f"sqlite:///{db_file}", "records"],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("Error: ") and "Traceback" not in done.stderr
