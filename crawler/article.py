"""The page reader: an article page's HTML -> one :class:`Page` (title, ISO date, body text).

Pure: no network. The crawl's adapters and ``inspectwatch extract --html``
both read pages here, so one page gives one title, date and text, and so the
same visits, wherever it is read. The CMS family is told by the page's own
markers (the ``<!--ZJEG_RSS.content.begin-->`` comments of Hanweb, the
``TRS_Editor`` body of TRS WCM, WordPress's ``entry-content``), not by the
source it came from; each family's selectors are data in :data:`FAMILIES`.
A source configured with its own selectors (the generic CMS) passes them in
as :class:`PageSelectors`, and they are tried first. Whatever the markers
miss comes from trafilatura (body) and htmldate (date).

The page is parsed by BeautifulSoup over lxml (``BeautifulSoup(html, "lxml")``)
and CSS selectors run through ``soup.select``. BeautifulSoup cannot evaluate
XPath, so a configured selector that starts with ``/`` is evaluated by lxml on
the same HTML, parsed only when such a selector is asked for
(:class:`crawler.page_select.ParsedPage`).

Hostile sizes are cut, not choked on: the first ``MAX_HTML_CHARS`` of a page
are read and the first ``MAX_TEXT_CHARS`` of its body kept; a cut page says
so in ``Page.truncated``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.etree
from bs4 import Tag

from crawler.decoding import decode_html
from crawler.page_helpers import html_text, iso, parse_date, plain_lines, tag_text
from crawler.page_select import Node, ParsedPage, meta

logger = logging.getLogger(__name__)

MAX_HTML_CHARS = 1_000_000  # of a page's HTML (five times a long portal page): no article starts further in
MAX_TEXT_CHARS = 100_000  # of body text: ten times a long Chinese report, a book chapter in English
MIN_BODY = 20  # characters: less than this is not an article body

_ZJEG = re.compile(
    r"<!--\s*ZJEG_RSS\.content\.begin\s*-->(.*?)<!--\s*ZJEG_RSS\.content\.end\s*-->", re.S | re.I)
ZJEG_MARKERS = "<!--ZJEG_RSS.content-->"  # a body "selector": the text between Hanweb's comment markers


@dataclass(frozen=True)
class Page:
    """What an article page says: headline, ISO publication date (or None) and body text."""

    title: str
    published: str | None
    text: str
    more: tuple[str, ...] = ()  # further pages of a multi-page article, in order
    truncated: bool = False  # the page or its text was longer than extraction reads


@dataclass(frozen=True)
class PageSelectors:
    """Where a CMS family (or a configured source) keeps an article's parts: CSS, or XPath from ``/``."""

    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    body: tuple[str, ...] = ()


_TITLES = (meta("ArticleTitle"), meta("og:title"), "h1")
_DATES = (meta("PubDate"), meta("publishdate"), meta("article:published_time"), meta("date"),
          "time::attr(datetime)")
FAMILIES: dict[str, PageSelectors] = {
    "hanweb": PageSelectors(_TITLES, _DATES,
                            (ZJEG_MARKERS, "#zoom", "div.bt-content", "div.main-txt", "div.article-content",
                             "div#content")),
    "trs": PageSelectors(_TITLES, _DATES, ("div.TRS_Editor", "div.TRS_UEDITOR", "div.trs_editor_view",
                                           "div.view", "div#zoom")),
    "wordpress": PageSelectors(
        ("h1.entry-title", meta("og:title"), "h1"),
        (meta("article:published_time"), "time.entry-date::attr(datetime)", "time::attr(datetime)",
         ".entry-date", *_DATES),
        ("div.entry-content", "div.td-post-content", "div.post-content", "article .content")),
    "other": PageSelectors(_TITLES, _DATES, ("div.article-content",)),
}
_MARKERS = (
    ("hanweb", re.compile(r"<!--\s*ZJEG_RSS\.content\.begin|/module/web/jpage/|hanweb", re.I)),
    ("trs", re.compile(r"class\s*=\s*[\"'][^\"']*\b(?:TRS_Editor|TRS_UEDITOR|trs_editor_view)\b")),
    ("wordpress", re.compile(r"/wp-content/|/wp-includes/|content=[\"']WordPress|"
                             r"class\s*=\s*[\"'][^\"']*\bentry-content\b", re.I)),
)


def family_of(html: str) -> str:
    """The CMS family whose markers the page carries ("other" when none)."""
    for name, marker in _MARKERS:
        if marker.search(html):
            return name
    return "other"


def clip(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """The first ``limit`` characters of ``text``, ending at a line break when one is near the end."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", max(limit - 2_000, 0), limit)
    return text[:cut if cut > 0 else limit]


def node_text(node: Node) -> str:
    """Plain body text of what a selector matched: an element of either tree, or a string of HTML."""
    if isinstance(node, Tag):
        return tag_text(node)
    return html_text(node if isinstance(node, lxml.etree._Element) else str(node))


def marked_body(page: ParsedPage, selectors: PageSelectors) -> str:
    """Body text from the first body selector (or CMS comment markers) that matches; "" when none does."""
    for expr in selectors.body:
        if expr == ZJEG_MARKERS:
            found = _ZJEG.search(page.html)
            text = html_text(found.group(1)) if found else ""
        else:
            nodes = page.select(expr)
            text = node_text(nodes[0]) if nodes else ""
        if text:
            return text
    return ""


def _fallback_body(html: str, page: ParsedPage, url: str | None) -> str:
    import trafilatura

    try:
        extracted = trafilatura.extract(html, url=url, favor_recall=True, include_comments=False,
                                        include_tables=False)
    except Exception as exc:  # a fallback must never stop the crawl
        logger.debug("trafilatura failed on %s: %s", url, exc)
        extracted = None
    if extracted:
        return plain_lines(extracted)
    return tag_text(page.soup.body or page.soup.html or page.soup)


def _fallback_date(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(html, url=url, extensive_search=False, original_date=True)
    except Exception as exc:  # a fallback must never stop the crawl
        logger.debug("htmldate failed on %s: %s", url, exc)
        return None
    return iso(parse_date(found)) if found else None


def _page_title(page: ParsedPage, selectors: PageSelectors) -> str:
    title = page.first_text(*selectors.title)
    if title:
        return title
    head = page.first_text("title")
    return re.split(r"\s+[-_|–]\s+|_", head)[0].strip() if head else ""


def selectors_for(html: str, config: PageSelectors | None = None) -> PageSelectors:
    """A source's configured selectors first, then those of the page's family."""
    family = FAMILIES[family_of(html)]
    if config is None:
        return family
    return PageSelectors((*config.title, *family.title), (*config.date, *family.date),
                         (*config.body, *family.body))


def extract_article(html: str | bytes, url: str | None = None, selectors: PageSelectors | None = None,
              more: tuple[str, ...] = ()) -> Page:
    """Title, ISO publication date (or None) and body text of an article page."""
    if isinstance(html, bytes):
        html = decode_html(html)
    huge = len(html) > MAX_HTML_CHARS
    html = html[:MAX_HTML_CHARS]
    if not html.strip():
        return Page("", None, "")
    page = ParsedPage(html)
    chosen = selectors_for(html, selectors)
    published = iso(parse_date(page.first_text(*chosen.date))) or _fallback_date(html, url)
    text = marked_body(page, chosen)
    if len(text) < MIN_BODY:
        text = _fallback_body(html, page, url)
    title = _page_title(page, chosen)
    page.close()
    return Page(title, published, clip(text), more, huge or len(text) > MAX_TEXT_CHARS)
