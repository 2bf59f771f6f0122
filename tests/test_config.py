"""Config validation: good config loads; every problem names file, key, expectation."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import ConfigError, load_config, load_subscribers_file
from core.crawl_schedule import parse_schedule

REPO_CONFIG = Path(__file__).resolve().parents[1] / "config"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(folder)
    return caught.value.problems


def test_shipped_config_is_valid() -> None:
    config = load_config(REPO_CONFIG)
    assert config.subscribers, "the example subscribers are there"
    assert "carbon" in config.topics
    assert "炭素" in config.topic_keywords()["carbon"]


def test_empty_directory_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.settings.database.startswith("sqlite:///")
    assert config.settings.crawl.allow_private_networks is False
    assert config.sources == [] and config.subscribers == []


def test_bad_cms_names_file_key_expected_and_found(tmp_path: Path) -> None:
    write(tmp_path, "sources.toml", """
[[sources]]
name = "a"
cms = "hanweb"
start_urls = ["https://example.org/col/col1/index.html"]

[[sources]]
name = "b"
cms = "hanwb"
start_urls = ["https://example.org/"]
""")
    assert problems_of(tmp_path) == [
        f"{tmp_path}/sources.toml: sources['b'].cms: expected one of hanweb, trs, wordpress, feed, "
        "generic; got 'hanwb'"
    ]


def test_every_problem_is_reported_once(tmp_path: Path) -> None:
    write(tmp_path, "inspectwatch.toml", "[smtp]\nsecurity = 'tls'\nport = 0\n[crawl]\nobey = true\n")
    write(tmp_path, "subscribers.toml", "[[subscribers]]\nemail = 'nobody'\nsend_at = '25:00'\n")
    found = problems_of(tmp_path)
    assert any("inspectwatch.toml: smtp.security: expected one of none, starttls, ssl; got 'tls'" in p
               for p in found)
    assert any("smtp.port:" in p and "got 0" in p for p in found)
    assert any("crawl.obey: unknown key" in p for p in found)
    assert any("subscribers[0].email: expected one email address such as ana@example.org; got 'nobody' (" in p
               for p in found)
    assert any("subscribers[0].send_at: expected a time HH:MM" in p for p in found)
    assert any("subscribers[0].watches: required key is missing" in p for p in found)
    assert len(found) == 6


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    write(tmp_path, "topics.toml", "[topics.carbon\nen = ['carbon']\n")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith(f"{tmp_path}/topics.toml: not valid TOML")


def test_missing_directory(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope") == [f"{tmp_path / 'nope'}: config directory does not exist"]


def test_duplicate_source_names(tmp_path: Path) -> None:
    source = "[[sources]]\nname = 'x'\ncms = 'trs'\nstart_urls = ['http://a.example/']\n"
    write(tmp_path, "sources.toml", source + source)
    (problem,) = problems_of(tmp_path)
    assert "expected unique source names; got x twice" in problem


@pytest.mark.parametrize("value, seconds", [("30m", 1800), ("2h", 7200), ("45s", 45), ("1d", 86400)])
def test_interval_schedules(value: str, seconds: int) -> None:
    schedule = parse_schedule(value)
    assert schedule.interval is not None and schedule.interval.total_seconds() == seconds


def test_cron_and_bad_schedules() -> None:
    assert parse_schedule("0 */2 * * *").cron == "0 */2 * * *"
    for bad in ("5q", "0 99 * * *", "every hour"):
        with pytest.raises(ValueError, match="expected"):
            parse_schedule(bad)


def test_subscribers_file_import_shape(tmp_path: Path) -> None:
    path = write(tmp_path, "subs.toml", "[[subscribers]]\nemail = 'A@Example.com'\nwatches = ['carbon']\n")
    (subscriber,) = load_subscribers_file(path)
    assert subscriber.email == "a@example.com" and subscriber.frequency == "daily"
    with pytest.raises(ConfigError, match="does not exist"):
        load_subscribers_file(tmp_path / "missing.toml")


PLAINTEXT = 'expected security = "starttls" or "ssl" when username is set'


@pytest.mark.parametrize("smtp, refused", [
    ("username = 'robot'", True),  # security left out: the attack of issue 11
    ("username = 'robot'\nsecurity = 'none'", True),
    ("username = 'robot'\nallow_plaintext_auth = true", True),  # none must be written out
    ("username = 'robot'\nsecurity = 'none'\nallow_plaintext_auth = true", False),
    ("username = 'robot'\nsecurity = 'starttls'", False),
    ("username = 'robot'\nsecurity = 'ssl'", False),
    ("security = 'none'", False),  # no login, nothing to protect
])
def test_a_login_without_tls_must_be_spelt_out(tmp_path: Path, smtp: str, refused: bool) -> None:
    write(tmp_path, "inspectwatch.toml", f"[smtp]\nhost = '127.0.0.1'\n{smtp}\n")
    if not refused:
        assert load_config(tmp_path).settings.smtp.plaintext_login_problem() is None
        return
    [problem] = problems_of(tmp_path)
    assert problem.startswith(f"{tmp_path}/inspectwatch.toml: smtp.security: {PLAINTEXT}")
    assert "allow_plaintext_auth = true" in problem



def test_addresses_in_config_are_one_valid_address_each(tmp_path: Path) -> None:
    write(tmp_path, "inspectwatch.toml", 'admin = "ops@example.org, a@example.org"\n'
                                         '[smtp]\nsender = "inspectwatch <a:victim@example.com>"\n'
                                         '[digest]\nunsubscribe_mailto = "mailto:a,b@example.org"\n')
    write(tmp_path, "subscribers.toml", '[[subscribers]]\nemail = "a,b@example.org"\nwatches = ["x"]\n'
                                        '[[subscribers]]\nemail = " Ana@Example.org"\nwatches = ["x"]\n')
    problems = problems_of(tmp_path)
    assert [p.split(": expected")[0] for p in problems] == [
        f"{tmp_path}/inspectwatch.toml: admin", f"{tmp_path}/inspectwatch.toml: smtp.sender",
        f"{tmp_path}/inspectwatch.toml: digest.unsubscribe_mailto",
        f"{tmp_path}/subscribers.toml: subscribers[0].email"]
    assert all(": expected one email address such as ana@example.org; got " in p for p in problems)
    write(tmp_path, "inspectwatch.toml", 'admin = "Ops@Example.org"\n'
                                         '[smtp]\nsender = "iw <iw@example.org>"\n')
    write(tmp_path, "subscribers.toml", '[[subscribers]]\nemail = " Ana@Example.org"\nwatches = ["x"]\n')
    config = load_config(tmp_path)
    assert (config.settings.admin, config.subscribers[0].email) == ("ops@example.org", "ana@example.org")
