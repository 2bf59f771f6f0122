"""A crawl stores the visits ``extract`` gives for the same page, for every CMS family.

One crawl (one child process) covers a fixture site of each family and the
demo's Hanweb snapshot; then each stored article's page, as the site serves
it, goes through :func:`crawler.visits.extract_row` with its ``html`` key.
The Chinese sites' article bodies are hard-wrapped in the HTML source, as
CMS editors often leave them: a line break of the source, even inside a
name, is no line break of the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import pytest
from sites import feed, generic, hanweb, trs, wordpress
from sites.harness import FAST, config, source
from sites.server import Site, serve

from core.db.engine import Database
from core.stored_visits import load_visits
from crawler.decoding import declared_charset, decode_html
from crawler.runner import crawl_sources
from crawler.visits import extract_row
from jobs.demo.site import COLUMNS, DemoSite, render_article, serve_demo_site

SITES = {  # name: (cms, language, builder)
    "hanweb-zh": ("hanweb", "zh", hanweb.build),
    "hanweb-en": ("hanweb", "en", lambda b: hanweb.build(b, language="en", header_charset=None)),
    "trs-zh": ("trs", "zh", trs.build),
    "wp-en": ("wordpress", "en", wordpress.build),
    "feed-en": ("feed", "en", feed.build),
    "generic-zh": ("generic", "zh", generic.build),
}
START = {"hanweb": hanweb.start_url, "trs": trs.start_url, "wordpress": wordpress.start_url,
         "feed": feed.start_url, "generic": generic.start_url}
WRAPPED = {"hanweb-zh": "/art/", "trs-zh": "/t20"}  # site: what its article paths hold
_PARAGRAPH = re.compile(r"<p>([^<]+)</p>")
DEMO_COLUMNS = {f"demo-{lang}": column for lang, (column, _, _) in COLUMNS.items()}


@dataclass
class Crawled:
    pages: dict[str, str]  # article URL -> the page's text as the site serves it (first page only)
    stored: dict[str, list[dict[str, Any]]]  # article URL -> its stored visits, compared fields only
    sources: dict[str, str]  # article URL -> source name


def compared(visit: dict[str, Any]) -> dict[str, Any]:
    """The fields a crawl and extract must agree on: officials, regions, stops, dates."""
    return {"date": visit.get("date"), "end_date": visit.get("end_date"),
            "officials": [o["name"] for o in visit.get("officials", [])],
            "accompanying": [o["name"] for o in visit.get("accompanying", [])],
            "regions": visit.get("regions", []), "stops": [s["name"] for s in visit.get("stops", [])]}


def hard_wrap(site: Site, marker: str, width: int = 11) -> None:
    """Every article paragraph of ``site`` broken into source lines of ``width`` characters."""
    for path, page in list(site.pages.items()):
        if marker in path:
            charset = declared_charset(page.body) or "utf-8"
            html = page.body.decode(charset)
            wrapped = _PARAGRAPH.sub(lambda m: "<p>" + "\n".join(
                m[1][i:i + width] for i in range(0, len(m[1]), width)) + "</p>", html)
            site.pages[path] = replace(page, body=wrapped.encode(charset))


def served_pages(sites: dict[str, Any], demo: DemoSite, demo_base: str) -> dict[str, str]:
    pages: dict[str, str] = {}
    for site in sites.values():
        for path, page in site.pages.items():
            continued = any(other.startswith(path.rsplit(".", 1)[0] + "_") for other in site.pages)
            if not continued:  # a multi-page article is stored whole; extract reads one page
                charset = page.content_type.split("charset=")[-1] if "charset=" in page.content_type else None
                pages[site.base + path] = decode_html(page.body, charset)
    for path, article in demo.by_path.items():
        pages[demo_base + path] = render_article(article)
    return pages


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    tmp = tmp_path_factory.mktemp("agree")
    demo = DemoSite()
    with ExitStack() as stack:
        sites = {name: stack.enter_context(serve(build)) for name, (_, _, build) in SITES.items()}
        demo_base = stack.enter_context(serve_demo_site(demo))
        for name, marker in WRAPPED.items():
            hard_wrap(sites[name], marker)
        sources = [source(name, cms, START[cms](sites[name].base), lang,
                          generic.SELECTORS if cms == "generic" else None)
                   for name, (cms, lang, _) in SITES.items()]
        sources += [source(name, "hanweb", f"{demo_base}/col/col{column}/index.html", name[-2:])
                    for name, column in DEMO_COLUMNS.items()]
        db_url = f"sqlite:///{tmp / 'crawl.db'}"
        crawl_sources(config(tmp, sources), db_url, overrides=FAST)
        pages = served_pages(sites, demo, demo_base)
    db = Database(db_url, apply_migrations=False)
    try:
        stored: dict[str, list[dict[str, Any]]] = defaultdict(list)
        names: dict[str, str] = {}
        for found in load_visits(db):
            stored[found.url].append(compared(found.visit.to_dict()))
            names[found.url] = found.source
    finally:
        db.close()
    yield Crawled(pages, dict(stored), names)


def test_the_crawl_stored_visits_from_every_family(crawled: Crawled) -> None:
    with_visits = {crawled.sources[url] for url in crawled.stored}
    assert with_visits >= {*SITES, *DEMO_COLUMNS} - {"feed-en"}, sorted(with_visits)


def test_extract_on_each_page_gives_the_stored_visits(crawled: Crawled) -> None:
    checked, differ = 0, []
    for url, visits in sorted(crawled.stored.items()):
        html = crawled.pages.get(url)
        if html is None:
            continue
        row = extract_row({"html": html, "url": url})
        given = [compared(v) for v in row["visits"] if not v.get("continues")]
        checked += 1
        if given != visits:
            differ.append((crawled.sources[url], urlsplit(url).path, visits, given))
    assert checked >= 20
    assert not differ, differ[:3]
