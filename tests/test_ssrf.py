"""Requests and redirects stay on the source's domains and off private networks.

The check is on every hop and on the resolved address: a loopback IP literal,
a DNS name that resolves to loopback, and a redirect to another host are all
refused (the spider's list requests use ``dont_filter``, which does not help).
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest
from sites import generic
from sites.content import stories
from sites.harness import FAST, articles, config, source
from sites.server import Page, serve

from crawler.middlewares import host_allowed, is_private
from crawler.runner import crawl_sources


@pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                                     "192.168.1.1", "169.254.169.254", "::1", "fc00::1", "fd12::3",
                                     "::ffff:10.0.0.1", "0.0.0.0"])
def test_private_addresses(address: str) -> None:
    assert is_private(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "172.32.0.1", "223.99.1.1", "2001:4860:4860::8888"])
def test_public_addresses(address: str) -> None:
    assert not is_private(address)


def test_host_allowed() -> None:
    assert host_allowed("www.jinan.gov.cn", ["jinan.gov.cn"])
    assert host_allowed("english.jinan.gov.cn", ["jinan.gov.cn"])
    assert not host_allowed("jinan.gov.cn.evil.com", ["jinan.gov.cn"])
    assert not host_allowed("127.0.0.2", ["127.0.0.1"])


def test_private_addresses_refused_unless_allowed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with serve(generic.build) as literal, serve(generic.build) as named:
        port = named.base.rsplit(":", 1)[1]
        sources = [source("literal", "generic", generic.start_url(literal.base), selectors=generic.SELECTORS),
                   source("named", "generic", f"http://localhost:{port}/news/list_1.html",
                          selectors=generic.SELECTORS)]
        cfg = config(tmp_path, sources, allow_private_networks=False)
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        runs = {r.source: r for r in crawl_sources(cfg, db_url, overrides=FAST)}
        assert literal.hits == [] and named.hits == []  # not even robots.txt was fetched
    for run in runs.values():
        assert run.errors >= 1 and run.list_pages == 0 and run.articles_new == 0
    assert articles(db_url) == []
    log = caplog.text
    assert "is a private address" in log  # the IP literal, refused before any connection
    assert "resolves to 127.0.0.1, a private address" in log  # the DNS name, refused on its resolved address


def test_redirects_to_other_hosts_refused(tmp_path: Path) -> None:
    with ExitStack() as stack:
        other = stack.enter_context(serve(generic.build))
        elsewhere = "http://localhost:" + other.base.rsplit(":", 1)[1]
        site = stack.enter_context(serve(lambda b: generic.build(b, items=stories(3, "zh"))))
        site.pages["/news/show.php?id=1"] = Page(b"", status=302, headers={
            "Location": f"{elsewhere}/news/show.php?id=1"})
        site.pages["/moved/list.html"] = Page(b"", status=301,
                                              headers={"Location": f"{elsewhere}/news/list_1.html"})
        sources = [source("site", "generic", generic.start_url(site.base), selectors=generic.SELECTORS),
                   source("moved", "generic", f"{site.base}/moved/list.html", selectors=generic.SELECTORS)]
        cfg = config(tmp_path, sources, allow_private_networks=True)
        db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        runs = {r.source: r for r in crawl_sources(cfg, db_url, overrides=FAST)}
        assert other.hits == []
    assert runs["site"].articles_new == 2 and runs["site"].errors == 1
    assert runs["moved"].list_pages == 0 and runs["moved"].errors == 1
    assert len(articles(db_url)) == 2
