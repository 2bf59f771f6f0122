"""Article extraction: an HTML page -> title, publication date, body text.

Pure: no network. Government CMS pages are read through their own markers
first (``<meta name="ArticleTitle">``, ``<meta name="PubDate">``, a
``div.TRS_Editor`` body, the ``<!--ZJEG_RSS.content.begin-->`` comments);
other pages go through trafilatura, with htmldate for the date. Bytes are
decoded by the page's declared charset, then by detection, so GBK pages come
out right (:mod:`crawler.decoding`). Breadcrumbs, share bars and "print this
page" lines are dropped.

Hostile sizes are cut, not choked on: extraction reads the first
``MAX_HTML_CHARS`` of a page and keeps the first ``MAX_TEXT_CHARS`` of its
body text (visit extraction's time grows faster than the text); a cut page
says so in ``ArticlePage.truncated``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml.etree import ParserError

from crawler.decoding import decode_html

_ZJEG = re.compile(
    r"<!--\s*ZJEG_RSS\.content\.begin\s*-->(.*?)<!--\s*ZJEG_RSS\.content\.end\s*-->", re.S | re.I)
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_BOILERPLATE = re.compile(
    r"^\s*(?:您?当前(?:所在)?的?位置|当前位置|首页\s*[>›»]|Home\s*[>›»]|>\s*\w+|"
    r"分享到|Share(?: to| this)?\b|【?\s*打印(?:本页|此页)?\s*】?|【?\s*关闭(?:窗口)?\s*】?|"
    r"Print(?: this page)?\s*$|Close\s*$|扫一扫|字体(?:大小)?[:：]|字号[:：]|【\s*[大中小]\s*】|"
    r"责任编辑|浏览次数|点击数[:：])",
    re.I,
)
MAX_HTML_CHARS = 1_000_000  # of a page's HTML (five times a long portal page): no article starts further in
MAX_TEXT_CHARS = 100_000  # of body text: ten times a long Chinese report, a book chapter in English
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article")


@dataclass
class ArticlePage:
    """What a news page says: its headline, ISO publication date and body text."""

    title: str
    published: str | None
    text: str
    truncated: bool = False  # the page or its text was longer than extraction reads


def clip(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """The first ``limit`` characters of ``text``, ending at a line break when one is near the end."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", max(limit - 2_000, 0), limit)
    return text[:cut if cut > 0 else limit]


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for attr in ("name", "property"):
            found = tree.xpath(f'//meta[translate(@{attr}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                               f'"abcdefghijklmnopqrstuvwxyz")="{name.lower()}"]/@content')
            if found and str(found[0]).strip():
                return str(found[0]).strip()
    return None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = _DATE.search(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_SOURCE_BREAK = re.compile(r"([\u3400-\u9fff，。、；：])?[ \t]*[\r\n]\s*(?=([\u3400-\u9fff])?)")


def _unwrap(text: str | None) -> str | None:
    """Line breaks of the HTML source are spaces (none between Chinese characters)."""
    if not text or "\n" not in text and "\r" not in text:
        return text
    return _SOURCE_BREAK.sub(lambda m: (m.group(1) or "") + ("" if m.group(1) and m.group(2) else " "), text)


def element_text(element: lxml.html.HtmlElement) -> str:
    """Visible text of an element, one line per block, boilerplate lines dropped."""
    for bad in element.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for node in element.iter():
        if node.tag != "pre":
            node.text, node.tail = _unwrap(node.text), _unwrap(node.tail)
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in element.iter(*_BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
        block.text = "\n" + (block.text or "")
    return clean_lines(element.text_content())


def clean_lines(text: str) -> str:
    """Trim lines, drop empty and boilerplate ones."""
    lines = []
    for line in text.replace("\u00a0", " ").replace("\u3000", " ").splitlines():
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line and not _BOILERPLATE.match(line):
            lines.append(line)
    return "\n".join(lines)


def _title(tree: lxml.html.HtmlElement) -> str:
    meta = _meta(tree, "ArticleTitle", "og:title")
    if meta:
        return meta
    for xpath in ("//h1", "//title"):
        found = tree.xpath(xpath)
        if found:
            text = re.sub(r"\s+", " ", found[0].text_content()).strip()
            if text:
                return re.split(r"\s+[-_|–]\s+|_", text)[0].strip() if xpath == "//title" else text
    return ""


def _body(html: str, tree: lxml.html.HtmlElement, url: str | None) -> str:
    zjeg = _ZJEG.search(html)
    if zjeg:
        fragment = lxml.html.fragment_fromstring(zjeg.group(1), create_parent="div")
        return element_text(fragment)
    trs = tree.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " TRS_Editor ")]')
    if trs:
        return element_text(trs[0])
    import trafilatura

    extracted = trafilatura.extract(html, url=url, favor_recall=True, include_comments=False,
                                    include_tables=False)
    if extracted:
        return clean_lines(extracted)
    body = tree.find("body")
    return element_text(body if body is not None else tree)


def _published(html: str, tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    meta = _iso(_meta(tree, "PubDate", "publishdate", "article:published_time", "pubdate", "date"))
    if meta:
        return meta
    from htmldate import find_date

    try:
        return find_date(html, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None


def extract_article(html: str | bytes, url: str | None = None) -> ArticlePage:
    """Title, ISO publication date (or None) and body text of an article page."""
    if isinstance(html, bytes):
        html = decode_html(html)
    huge = len(html) > MAX_HTML_CHARS
    html = html[:MAX_HTML_CHARS]
    if not html.strip():
        return ArticlePage("", None, "")
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        text = clean_lines(re.sub(r"<[^>]+>", " ", html))
        return ArticlePage("", None, clip(text), huge or len(text) > MAX_TEXT_CHARS)
    title = _title(tree)
    published = _published(html, tree, url)
    text = _body(html, lxml.html.document_fromstring(html), url)
    return ArticlePage(title, published, clip(text), huge or len(text) > MAX_TEXT_CHARS)
