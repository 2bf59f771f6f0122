"""A failed crawl is a failure: `crawl` and `tick` exit 1 and name each failed source and why.

Real crawls of real loopback servers through the installed console script: a
refused port, a list page whose links match nothing, and a loopback address
refused by the private-network guard.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scrapy.exceptions import CannotResolveHostError
from sites import generic
from sites.server import serve
from test_daemon import free_port
from twisted.internet.error import ConnectionRefusedError

from crawler.fetch_errors import reason
from crawler.source_health import NO_LINKS

BIN = Path(sys.executable).parent / "inspectwatch"
SELECTORS = """[sources.selectors]
article_links = "{links}"
title = "h2.headline"
date = "span.pub-date"
body = "div.story"
"""


def source_toml(name: str, url: str, links: str = "ul.news-list li a") -> str:
    return (f'[[sources]]\nname = "{name}"\ncms = "generic"\nstart_urls = ["{url}"]\nschedule = "1h"\n'
            + SELECTORS.format(links=links))


def setup(folder: Path, sources: list[str], *, allow_private: bool = True) -> list[str]:
    """A config directory with ``sources``; the global options pointing at it and a fresh database."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inspectwatch.toml").write_text(
        f"[crawl]\nallow_private_networks = {str(allow_private).lower()}\nobey_robots = false\ndelay = 0\n"
        "download_timeout = 5\n", encoding="utf-8")
    (folder / "sources.toml").write_text("\n".join(sources), encoding="utf-8")
    return ["--config", str(folder), "--db", f"sqlite:///{folder / 'db.sqlite'}"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INSPECTWATCH_SECRET": "test-secret-for-unsubscribe-links"}
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, timeout=300, check=False,
                          env=env)


def test_refused_port_and_list_without_links_fail_the_crawl(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there once the probe socket is closed
    with serve(generic.build) as site:
        args = setup(tmp_path / "config", [
            source_toml("good", generic.start_url(site.base)),
            source_toml("refused", f"http://127.0.0.1:{port}/news/list_1.html"),
            source_toml("nolinks", generic.start_url(site.base), links="ul.no-such-list a"),
        ])
        result = run(*args, "crawl")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert f"refused: failed: connection refused by 127.0.0.1:{port}" in lines
    assert f"nolinks: failed: {NO_LINKS}" in lines
    assert not any(line.startswith("good:") for line in lines)
    assert "Error: the crawl failed for 2 of 3 source(s)" in lines
    assert "Traceback" not in result.stdout + result.stderr

    status = run(*args, "status")
    assert status.returncode == 0, status.stderr
    titles = [line for line in status.stdout.splitlines() if "(generic, zh)" in line]
    assert titles == ["good (generic, zh): healthy", "nolinks (generic, zh): never succeeded",
                      "refused (generic, zh): never succeeded"]


def test_private_address_refused_by_the_guard_fails_the_crawl(tmp_path: Path) -> None:
    with serve(generic.build) as site:
        args = setup(tmp_path / "config", [source_toml("inside", generic.start_url(site.base))],
                     allow_private=False)
        result = run(*args, "crawl")
        assert site.hits == []
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("inside: failed: "))
    assert "is a private address (crawl.allow_private_networks is false)" in line
    assert "Traceback" not in result.stdout + result.stderr


def test_tick_exits_1_and_names_the_failed_source(tmp_path: Path) -> None:
    port = free_port()
    args = setup(tmp_path / "config", [source_toml("refused", f"http://127.0.0.1:{port}/list.html")])
    result = run(*args, "tick")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"refused: failed: connection refused by 127.0.0.1:{port}" in result.stderr.splitlines()
    assert "Traceback" not in result.stdout + result.stderr


def test_reasons_name_the_host() -> None:
    dns = CannotResolveHostError("no results for hostname lookup: english.jinan.gov.cn.")
    assert reason(dns, "http://english.jinan.gov.cn/col/col1/index.html") == (
        "DNS lookup failed for english.jinan.gov.cn")
    refused = ConnectionRefusedError("111: Connection refused.")
    assert reason(refused, "http://127.0.0.1:9/x") == "connection refused by 127.0.0.1:9"
