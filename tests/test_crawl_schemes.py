"""Only http and https are ever requested: links, redirects and next pages to ``file:``, ``ftp:``,
``s3:`` or ``data:`` are refused by the adapters, by the network guard and by the download handlers.

The crawl test plants, on a real loopback site, links to a local file holding a secret (on the
site's own host, which passes the host check), to an FTP port on loopback that records connections,
to S3 and to a ``data:`` article; the secret must never reach the database.
"""

from __future__ import annotations

import base64
import socket
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.utils.python import without_none_values
from scrapy.utils.test import get_crawler
from sites import generic
from sites.content import stories
from sites.harness import FAST, articles, config, source
from sites.server import Page, Site, serve

from core.config import ConfigError, CrawlSettings, load_config
from core.urls import is_web_url
from crawler.middlewares import NetworkGuardMiddleware
from crawler.runner import crawl_sources
from crawler.settings import build_settings

SECRET = "SMTP_PASSWORD=planted-secret-7f3a"


def secret_article(title: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<h2 class="headline">{title}</h2><span class="pub-date">2023-03-30</span>'
            f'<div class="story"><p>{escape(SECRET)} and enough words to make an article body.</p></div>'
            f"</body></html>")


@pytest.fixture
def ftp_port() -> Iterator[socket.socket]:
    """A listening TCP socket on loopback standing where an FTP server would be."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    yield listener
    listener.close()


def accepted(listener: socket.socket) -> bool:
    try:
        conn, _ = listener.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


def planted_site(base: str, planted: Path, ftp: int) -> Site:
    good = stories(3, "zh")
    site = generic.build(base, items=good)
    host = base.split("://", 1)[1].split(":")[0]
    data = base64.b64encode(secret_article("数据文章").encode()).decode()
    hostile = [f"file://{host}{planted}", f"file://{planted}", f"FILE://{host}{planted}",
               f"ftp://{host}:{ftp}/planted.html", f"s3://{host}/bucket/planted.html",
               f"data:text/html;base64,{data}", "/go/planted.html"]
    links = [generic.article_path(s) for s in good] + hostile
    rows = "".join(f'<li><a href="{escape(href)}">条目{i}</a></li>' for i, href in enumerate(links))
    site.pages["/news/list_1.html"] = Page(
        f'<html><head><meta charset="utf-8"></head><body><ul class="news-list">{rows}</ul>'
        f"<a class='next-page' href='file://{host}{planted}'>下一页</a></body></html>".encode())
    site.pages["/go/planted.html"] = Page(b"", status=302, headers={"Location": f"file://{host}{planted}"})
    return site


def test_planted_non_http_links_fetch_nothing(tmp_path: Path, ftp_port: socket.socket,
                                              caplog: pytest.LogCaptureFixture) -> None:
    planted = tmp_path / "planted.html"
    planted.write_text(secret_article("本地文件"), encoding="utf-8")
    ftp = ftp_port.getsockname()[1]
    with serve(lambda base: planted_site(base, planted, ftp)) as site:
        sources = [source("planted", "generic", generic.start_url(site.base), "zh", generic.SELECTORS)]
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        [run] = crawl_sources(config(tmp_path, sources, download_timeout=5.0), db_url, overrides=FAST)
    stored = articles(db_url)
    assert run.status == "ok"
    assert {s.title for s in stories(3, "zh")} <= {row.title for row in stored}
    assert all(row.url.startswith(site.base) for row in stored)
    assert not any(SECRET in (row.body or "") or SECRET in row.title for row in stored)
    assert SECRET not in Path(tmp_path / "db.sqlite").read_bytes().decode("utf-8", "replace")
    assert not accepted(ftp_port)  # no FTP connection was even tried
    assert site.count("/go/planted.html") == 1  # the redirect answered, its file:// target not followed
    for scheme in ("file", "ftp", "s3", "data"):
        assert f"skipped a link that is not http or https: {scheme}:" in caplog.text


@pytest.mark.parametrize("url", ["file://127.0.0.1/proc/self/environ", "file:///etc/passwd",
                                 "ftp://127.0.0.1/x", "s3://127.0.0.1/bucket/key", "data:text/html,<p>x</p>",
                                 "gopher://127.0.0.1/", "http:///no-host"])
def test_guard_refuses_other_schemes_even_on_the_source_host(url: str) -> None:
    crawler = get_crawler(settings_dict={"INSPECTWATCH_ALLOW_PRIVATE": True})
    reason = NetworkGuardMiddleware(crawler).refusal(Request(url, meta={"source": "s"}))
    assert reason is not None and "not an http or https URL" in reason
    assert not is_web_url(url)


def test_only_http_download_handlers_are_on() -> None:
    crawler = get_crawler(settings_dict=build_settings(CrawlSettings()))
    handlers = without_none_values(crawler.settings.getwithbase("DOWNLOAD_HANDLERS"))
    assert set(handlers) == {"http", "https"}


@pytest.mark.parametrize("url", ["file://127.0.0.1/proc/self/environ", "ftp://example.org/news/",
                                 "s3://bucket/news/", "data:text/html,x", "https:///news/"])
def test_start_urls_must_be_http(tmp_path: Path, url: str) -> None:
    (tmp_path / "sources.toml").write_text(
        f'[[sources]]\nname = "a"\ncms = "generic"\nstart_urls = ["{url}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.problems == [
        f"{tmp_path}/sources.toml: sources['a'].start_urls: expected http:// or https:// URLs; got {url!r}"]
