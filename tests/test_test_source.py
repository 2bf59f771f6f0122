"""`inspectwatch test-source NAME`: a real fetch of a loopback site through the crawl's settings,
showing what each step found, and why a step found nothing."""

from __future__ import annotations

from pathlib import Path

from sites import generic
from sites.server import serve
from test_crawl_failures import run, setup, source_toml
from test_daemon import free_port


def test_a_working_source_shows_links_and_two_articles(tmp_path: Path) -> None:
    with serve(generic.build) as site:
        args = setup(tmp_path / "config", [source_toml("good", generic.start_url(site.base))])
        result = run(*args, "test-source", "good")
        assert (site.count("/news/list_"), site.count("/news/show.php")) == (1, 2)  # nothing more
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith(f"  list page   {generic.start_url(site.base)}: HTTP 200")
    assert lines[2].startswith("  links       12 article links, the first ")
    articles = [line for line in lines if line.startswith("  article ")]
    assert [line.split()[1] for line in articles] == ["1", "2"]
    for field in ("title", "date", "body", "visits"):
        assert sum(line.strip().startswith(field) for line in lines) == 2, field
    assert "FAILED" not in result.stdout and result.stderr == ""


def test_a_selector_that_matches_nothing_says_so(tmp_path: Path) -> None:
    with serve(generic.build) as site:
        args = setup(tmp_path / "config", [source_toml("broken", generic.start_url(site.base),
                                                       links="ul.no-such-list a")])
        result = run(*args, "test-source", "broken")
    assert result.returncode == 1
    assert ("  links       FAILED: selector article_links 'ul.no-such-list a' matched no link on the page"
            in result.stdout)
    assert "Error: broken: 1 step(s) failed" in result.stderr


def test_an_unreachable_source_names_the_reason(tmp_path: Path) -> None:
    port = free_port()
    args = setup(tmp_path / "config", [source_toml("gone", f"http://127.0.0.1:{port}/list.html")])
    result = run(*args, "test-source", "gone")
    assert result.returncode == 1
    assert f"  list page   FAILED: connection refused by 127.0.0.1:{port}" in result.stdout
    unknown = run(*args, "test-source", "nope")
    assert unknown.returncode == 2 and "no source named 'nope'" in unknown.stderr
