"""Pure helpers for reading pages: selecting on Scrapy's selectors, dates, and clean body text
(pages are decoded by :mod:`crawler.decoding` and parsed by :mod:`crawler.page_select`)."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import lxml.etree
import lxml.html
from bs4 import PageElement, Tag
from parsel import Selector, SelectorList

from crawler.page_select import is_text


def pick(sel: Selector | SelectorList[Selector], expr: str) -> SelectorList[Selector]:
    """Apply a selector from config: XPath when it looks like one, CSS otherwise."""
    if expr.startswith(("/", "(", "./")):
        return sel.xpath(expr)
    return sel.css(expr)


_YMD = re.compile(r"(20\d\d|19\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_COMPACT = re.compile(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_EN = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str | None) -> date | None:
    """A calendar date in ``text``: 2023-03-30, 2023年3月30日, 20230330, March 30, 2023, RFC 822."""
    if not text:
        return None
    if m := _YMD.search(text):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if m := _EN.search(text):
        month = _MONTHS.get(m[1][:3].lower())
        if month:
            return _safe(int(m[3]), month, int(m[2]))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if m := _COMPACT.search(text):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    return None


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat()[:10] if value else None


# Page furniture that sits inside article bodies on municipal portals.
NOISE_CLASSES = re.compile(r"share|print|crumb|breadcrumb|bdshare|jiathis|sharedaddy|jp-relatedposts|"
                           r"(?<![a-z_])editor(?!_)|zrbj|fontsize|font-size|toolbar|related|comment", re.I)
NOISE_LINES = re.compile(r"^\s*(?:打印本页|【?打印】?|关闭窗口|【?关闭】?|分享到[:：]?.*|责任编辑[:：].*|"
                         r"编辑[:：].*|当前位置[:：].*|【字体[:：].*|字号[:：].*|Print this page|Print|Close|"
                         r"Share(?: this)?[:：]?.*|Editor[:：].*|Edited by[:：]?.*|You are here[:：]?.*)\s*$",
                         re.I)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
           "blockquote", "table", "ul", "ol", "dd", "dt", "figure", "figcaption"}


_BOILERPLATE = re.compile(
    r"^\s*(?:您?当前(?:所在)?的?位置|首页\s*[>›»]|Home\s*[>›»]|>\s*\w+|分享到|Share(?: to| this)?\b|"
    r"【?\s*打印(?:本页|此页)?\s*】?|【?\s*关闭(?:窗口)?\s*】?|Print(?: this page)?\s*$|Close\s*$|扫一扫|"
    r"字体(?:大小)?[:：]|字号[:：]|【\s*[大中小]\s*】|责任编辑|浏览次数|点击数[:：])",
    re.I,
)
_SOURCE_BREAK = re.compile(r"([\u3400-\u9fff，。、；：])?[ \t]*[\r\n]\s*(?=([\u3400-\u9fff])?)")


def _unwrap(text: str | None) -> str | None:
    """Line breaks of the HTML source are spaces (none between Chinese characters)."""
    if not text or "\n" not in text and "\r" not in text:
        return text
    return _SOURCE_BREAK.sub(lambda m: (m.group(1) or "") + ("" if m.group(1) and m.group(2) else " "), text)


def plain_lines(text: str) -> str:
    """Lines trimmed and their spaces collapsed; empty lines and page furniture dropped."""
    lines = (" ".join(line.split()) for line in text.replace("\u3000", " ").splitlines())
    return "\n".join(line for line in lines if line and not NOISE_LINES.match(line)
                     and not _BOILERPLATE.match(line))


def _fragment(fragment: str | lxml.etree._Element) -> lxml.etree._Element | None:
    if not isinstance(fragment, str):
        root = copy.deepcopy(fragment)
        root.tail = None
        return root
    try:
        return lxml.html.fragment_fromstring(fragment or "<p></p>", create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return None


_DROPPED = ("script", "style", "noscript", "iframe", "form", "button")


def html_text(fragment: str | lxml.etree._Element) -> str:
    """Plain text of an HTML fragment or element, one block a line, without page furniture."""
    root = _fragment(fragment)
    if root is None:
        return ""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        if el.tag in _DROPPED or (
                el is not root and NOISE_CLASSES.search(marker)):
            el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag != "pre":
            el.text, el.tail = _unwrap(el.text), _unwrap(el.tail)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    return plain_lines(root.text_content())


def _furniture(tag: Tag) -> bool:
    classes = tag.get("class") or ""
    marker = f"{' '.join(classes) if isinstance(classes, list) else classes} {tag.get('id', '')}"
    return tag.name in _DROPPED or bool(NOISE_CLASSES.search(marker))


# Characters no XML text may hold; lxml refuses to set an element's text to them, so html_text fails
# on a body holding them (binary garbage decodes to many), and tag_text fails alike.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _flush(run: list[str], unwrap: bool, out: list[str]) -> None:
    text = "".join(run)
    if unwrap:  # html_text sets this text on its element, which lxml checks
        if bad := _NOT_XML.search(text):
            raise ValueError(f"page text holds control character U+{ord(bad[0]):04X} at {text[:40]!r}: "
                             "not an HTML page")
        text = _unwrap(text) or ""
    out.append(text)
    run.clear()


def _tag_pieces(root: Tag, out: list[str]) -> None:
    """The text under ``root`` into ``out``, read as :func:`html_text` reads an lxml element: furniture
    dropped (the text either side of it joins up), source line breaks unwrapped except in a <pre>'s
    own text and after a comment, and a line break around each block. A loop, not recursion: pages
    nest thousands deep."""
    # per open element: the element, its children still to read, the text run, whether to unwrap the run
    frames: list[tuple[Tag, Iterator[PageElement], list[str], list[bool]]] = [
        (root, iter(root.children), [], [root.name != "pre"])]
    while frames:
        tag, children, run, unwrap = frames[-1]
        child = next(children, None)
        if child is None:
            _flush(run, unwrap[0], out)
            frames.pop()
            if frames:  # back in the parent, after this element
                out.append("\n" if tag.name in _BLOCKS else "")
                frames[-1][3][0] = tag.name != "pre"
        elif isinstance(child, Tag):
            if not _furniture(child):
                _flush(run, unwrap[0], out)
                out.append("\n" if child.name in _BLOCKS and child.name != "br" else "")
                frames.append((child, iter(child.children), [], [child.name != "pre"]))
        elif is_text(child):
            run.append(str(child))
        else:  # a comment: the text after it stays as it is
            _flush(run, unwrap[0], out)
            unwrap[0] = False


def tag_text(tag: Tag) -> str:
    """Plain text of a BeautifulSoup element, one block a line, without page furniture (as
    :func:`html_text` gives for the same element parsed by lxml)."""
    out = ["\n" if tag.name in _BLOCKS and tag.name != "br" else ""]
    _tag_pieces(tag, out)
    return plain_lines("".join(out))
