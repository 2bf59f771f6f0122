"""`inspectwatch digest` semantics: settings that cannot work are bad config (exit 2, nobody put in
back-off); --output needs --preview; --force sends rows waiting in back-off now."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from samples import seeded_database
from sqlalchemy import select
from test_daemon import free_port

from core.db.engine import Database
from core.db.models import Delivery
from jobs.cli import cli
from jobs.demo.smtp import local_smtp

SECRET = {"INSPECTWATCH_SECRET": "s" * 32}


def setup(tmp_path: Path, smtp: str) -> list[str]:
    config = tmp_path / "config"
    config.mkdir()
    (config / "inspectwatch.toml").write_text(f"{smtp}\n[digest]\nfirst_digest_days = 36500\n",
                                              encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'iw.db'}"
    seeded_database(url).close()  # the sample visits, from March 2023
    args = ["--config", str(config), "--db", url]
    added = invoke(args, "subscribers", "add", "ana@example.org", "--watch", "Pingyin OR Laiwu",
                   "--frequency", "immediate")
    assert added.exit_code == 0, added.output
    return args


def invoke(args: list[str], *more: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [*args, *more], env={**SECRET, **(env or {})})


def ledger(args: list[str]) -> list[tuple[str, int, bool]]:
    db = Database(args[-1])
    try:
        with db.session() as session:
            return [(d.state, d.attempts, d.next_attempt_at is not None)
                    for d in session.scalars(select(Delivery).order_by(Delivery.id))]
    finally:
        db.close()


def test_no_smtp_host_is_bad_config_and_backs_nobody_off(tmp_path: Path) -> None:
    args = setup(tmp_path, "")
    result = invoke(args, "digest")
    assert result.exit_code == 2, result.output
    assert "Error: smtp.host is not set in inspectwatch.toml" in result.output
    assert ledger(args) == [("pending", 0, False)] * 2


def test_missing_password_variable_is_bad_config(tmp_path: Path) -> None:
    smtp = ('[smtp]\nhost = "127.0.0.1"\nport = 2525\nsecurity = "starttls"\nusername = "iw"\n'
            'password_env = "IW_TEST_UNSET_PASSWORD"')
    args = setup(tmp_path, smtp)
    result = invoke(args, "digest", "--force")
    assert result.exit_code == 2, result.output
    assert "IW_TEST_UNSET_PASSWORD is not set" in result.output
    assert ledger(args) == [("pending", 0, False)] * 2


def test_output_without_preview_is_a_usage_error(tmp_path: Path) -> None:
    port = free_port()
    args = setup(tmp_path, f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"')
    with local_smtp(port=port) as (_, handler):
        result = invoke(args, "digest", "--output", str(tmp_path / "ana.html"))
    assert result.exit_code == 2, result.output
    assert "--output goes with --preview" in result.output
    assert handler.messages == [] and not (tmp_path / "ana.html").exists()
    assert all(state == "pending" for state, _, _ in ledger(args))


def test_force_sends_rows_in_back_off_now(tmp_path: Path) -> None:
    port = free_port()
    args = setup(tmp_path, f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout = 5')
    failed = invoke(args, "digest")  # nothing listens: the rows go into back-off
    assert failed.exit_code == 1, failed.output
    assert ledger(args) == [("pending", 1, True)] * 2
    with local_smtp(port=port) as (_, handler):
        waiting = invoke(args, "digest")
        assert waiting.exit_code == 0 and handler.messages == []  # still waiting for its retry time
        forced = invoke(args, "digest", "--force")
        assert forced.exit_code == 0, forced.output
        assert len(handler.messages) == 1
    assert [state for state, _, _ in ledger(args)] == ["sent", "sent"]
