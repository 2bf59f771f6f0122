"""Errors, not tracebacks: a bad database URL, an unreachable database and a network error in a
crawl each give one ``Error:`` line through the installed console script; ``-v`` adds detail."""

from __future__ import annotations

from pathlib import Path

from test_crawl_failures import run, setup, source_toml
from test_daemon import free_port


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_unsupported_database_url_is_a_usage_error(tmp_path: Path) -> None:
    args = setup(tmp_path / "config", [])
    result = run("--config", args[1], "--db", "mysql://x", "status")
    assert result.returncode == 2
    assert error_lines(result.stderr) == [
        "Error: database URL 'mysql://x': the mysql backend is not supported; expected "
        "sqlite:///inspectwatch.db or postgresql+psycopg://user@host/db"]


def test_unreachable_database_is_one_line_and_detail_comes_with_v(tmp_path: Path) -> None:
    args = setup(tmp_path / "config", [])
    url = f"postgresql+psycopg://iw:secret@127.0.0.1:{free_port()}/iw"
    result = run("--config", args[1], "--db", url, "records")
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert line.startswith(f"Error: database postgresql+psycopg://iw:***@127.0.0.1:{url.rsplit(':', 1)[1]}")
    assert "Connection refused" in line and "secret" not in line
    verbose = run("-v", "--config", args[1], "--db", url, "records")
    assert verbose.returncode == 1
    assert "Is the server running on that host" in verbose.stderr  # the driver's full message


def test_network_errors_in_a_crawl_are_one_line_per_source(tmp_path: Path) -> None:
    port = free_port()
    name = "a-municipal-portal-that-refuses"
    args = setup(tmp_path / "config", [source_toml(name, f"http://127.0.0.1:{port}/list.html")])
    result = run(*args, "crawl")
    assert result.returncode == 1
    assert error_lines(result.stderr) == [f"{name}: failed: connection refused by 127.0.0.1:{port}",
                                          "Error: the crawl failed for 1 of 1 source(s)"]
    header = next(line.split() for line in result.stdout.splitlines() if "source" in line.split())
    assert header[-2:] == ["KB", "s"]  # piped, the figures table is not cut to 80 columns
    verbose = run("-v", *args, "crawl")
    assert "Gave up retrying" in verbose.stderr  # Scrapy's own account, for whoever asks
