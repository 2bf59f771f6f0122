"""Public entry points: article text (or one FORMAT.md input line) -> visits."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Any

from core.languages import EXTRACTION_PACKAGES
from core.records import Visit
from crawler.visits.dates import Reference, reference, text_reference, text_year
from crawler.visits.language import detect_language
from crawler.visits.topics import match_topics

Extractor = Callable[[str, Reference | None, str | None], list[Visit]]

# One entry per language of the registry (core.languages): its package's ``extract`` takes
# (text, reference date, title) and returns the visits.
EXTRACTORS: dict[str, Extractor] = {
    code: import_module(package).extract for code, package in EXTRACTION_PACKAGES.items()}

_TAG = re.compile(r"<(?:p|br|div|/p|/div|li|/li|tr|/tr|h\d|/h\d)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def untagged_text(text: str) -> str:
    """Plain text from text that may still hold tags, entities or escaped newlines."""
    if "\\r\\n" in text or "\\n" in text:
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n")
    if re.search(r"<(?:p|br|div|span)\b", text, re.I) or "&nbsp;" in text:
        text = _COMMENT.sub("", text)
        text = _TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
        text = html_lib.unescape(text)
    text = text.replace("\u00a0", " ").replace("\u3000", " ")
    return re.sub(r"[ \t]+\n", "\n", text)


# Where a page's trailing furniture begins: links to other stories are not this article.
_TRAILER = re.compile(r"\n[ \t【\[]*(?:相关新闻|相关阅读|推荐阅读|相关链接|延伸阅读|热点推荐|相关文章|"
                      r"新闻推荐|精彩推荐|猜你喜欢|"
                      r"上一篇|下一篇|"
                      r"(?i:related(?: news| stories| articles)?|previous(?: article)?|next(?: article)?|"
                      r"more stories|you may also like))\s*[:：】\]\n|]")


def without_trailer(text: str) -> str:
    """The text up to the page's list of other stories (相关新闻：…, "Related: ..."), if that list
    comes after the article's first third."""
    m = _TRAILER.search(text)
    return text[:m.start()] if m and m.start() > len(text) // 3 else text


def extract_visits(text: str, *, published: str | None = None, url: str | None = None,
                   lang: str | None = None, title: str | None = None,
                   topics: Mapping[str, Sequence[str]] | None = None) -> list[Visit]:
    """The visits an article reports (an empty list for meetings, notices...)."""
    text = without_trailer(untagged_text(text or ""))
    if not text.strip():
        return []
    language = lang if lang in EXTRACTORS else detect_language(text)
    ref = reference(published, url)
    if ref is None or ref.day is None:
        ref = text_reference(text) or ref or text_year(text)
    visits = EXTRACTORS[language](text, ref, title)
    if topics and visits:
        found = match_topics(text, topics)
        for visit in visits:
            if visit.officials or visit.stops:
                visit.topics = list(found)
    return visits


def extract_row(row: Mapping[str, Any],
                topics: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """One FORMAT.md input line -> one output line ``{"id": ..., "visits": [...]}``."""
    text = row.get("text")
    title = row.get("title")
    published = row.get("published")
    if not text and row.get("html"):
        from crawler.article import extract_article

        page = extract_article(row["html"], row.get("url"))
        text = page.text
        title = title or page.title
        published = published or page.published
    visits = extract_visits(
        str(text or ""), published=published, url=row.get("url"), lang=row.get("lang"),
        title=title, topics=topics,
    )
    return {"id": row.get("id"), "visits": [entry for v in visits for entry in format_visit(v)]}


def format_visit(visit: Visit) -> list[dict[str, Any]]:
    """A visit in FORMAT.md's shape. The format has one date per visit, so a visit over
    several days is its first-day record followed by a date-only record for each further day."""
    first = visit.to_dict()
    return [first] + [{"date": day, "continues": True} for day in visit.days()[1:]]
