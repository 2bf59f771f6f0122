"""A Hanweb JCMS portal, built to the real shape.

Column page ``/col/col{id}/index.html`` with page 1 inlined as a
``<script type="text/xml"><datastore>`` block; further pages by POST to
``/module/web/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=P`` (the
form fields are checked, as the real endpoint does); articles at
``/art/YYYY/M/D/art_{column}_{id}.html`` with ArticleTitle/PubDate metas and
the body between ZJEG_RSS markers.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from .content import Story, stories
from .server import Call, Handler, Page, Site

COLUMN, UNIT, WEBID = 1234, 5678, 33
FORM_FIELDS = {"col": "1", "appid": "1", "webid": str(WEBID), "path": "/", "columnid": str(COLUMN),
               "sourceContentType": "1", "unitid": str(UNIT), "permissiontype": "0"}
PROXY = "/module/web/jpage/dataproxy.jsp"


def article_path(story: Story) -> str:
    d = story.published
    return f"/art/{d.year}/{d.month}/{d.day}/art_{COLUMN}_{1000 + story.number}.html"


def _record(story: Story) -> str:
    """One list record; the inner markup varies, as it does across Hanweb templates."""
    href, title, day = article_path(story), escape(story.title), story.published.isoformat()
    short = escape(story.title[:8]) + "..."
    variants = [
        f'<li><a href="{href}" title="{title}" target="_blank">{short}</a><span>{day}</span></li>',
        f'<li class="item"><span class="date">[{day}]</span>'
        f'<a title="{title}" href="{href}">{short}</a></li>',
        f'<div class="list_item"><i></i><a href="{href}" title="{title}">{title}</a><em>{day}</em></div>',
    ]
    return f"<record><![CDATA[{variants[story.number % 3]}]]></record>"


def _nextgroup(webname: str) -> str:
    return (f'<nextgroup><![CDATA[<a href="{PROXY}?page=1&appid=1&webid={WEBID}&path=/&columnid={COLUMN}'
            f'&unitid={UNIT}&webname={quote(webname)}&permissiontype=0"></a>]]></nextgroup>')


def column_page(items: list[Story], webname: str, charset: str) -> str:
    records = "".join(_record(s) for s in items)
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{webname}</title></head><body>'
            f'<div class="crumb">Home &gt; News</div><div id="{UNIT}">'
            f'<script type="text/xml"><datastore>{_nextgroup(webname)}<recordset>{records}</recordset>'
            f'</datastore></script></div><script>/* jpage pager */</script></body></html>')


def changed_column_page(charset: str) -> str:
    """The column after a redesign: the records moved to a JSON API the adapter does not know."""
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>News</title></head><body>'
            '<div id="app" data-api="/api/list?column=1234"></div>'
            '<script src="/app.js"></script></body></html>')


def article_page(story: Story, webname: str, charset: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    title = escape(story.title)
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}">'
            f'<meta name="ArticleTitle" content="{title}">'
            f'<meta name="PubDate" content="{story.published.isoformat()} 10:21">'
            f'<title>{title}_{webname}</title></head><body>'
            f'<div class="crumb">Home &gt; News &gt; Article</div><h1 class="title">{title}</h1>'
            f'<div class="info">{story.published.isoformat()} '
            f'<a href="javascript:window.print()">Print this page</a></div>'
            f'<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">{body}'
            f'<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>'
            f'<div class="share">Share: WeChat Weibo</div><div class="editor">Editor: Sun Li</div>'
            f'</body></html>')


def _proxy(items: list[Story], charset: str) -> Handler:
    def handle(call: Call) -> Page | None:
        if call.method != "POST" or any(call.form.get(k) != v for k, v in FORM_FIELDS.items()):
            return Page(b"bad request", status=400)
        if "/col/col" not in call.headers.get("referer", ""):
            return Page(b"forbidden", status=403)
        start, end = int(call.query["startrecord"]), int(call.query["endrecord"])
        per = int(call.query["perpage"])
        chunk = "".join(_record(s) for s in items[start - 1:end])
        pages = -(-len(items) // per)
        xml = (f'<?xml version="1.0" encoding="{charset}"?><datastore><totalrecord>{len(items)}</totalrecord>'
               f'<totalpage>{pages}</totalpage><recordset>{chunk}</recordset></datastore>')
        return Page(xml.encode(charset), f"text/xml; charset={charset}")
    return handle


def build(base: str = "", *, count: int = 36, per_page: int = 12, language: str = "zh",
          charset: str = "utf-8", header_charset: str | None = "iso-8859-1", layout: str = "standard",
          items: list[Story] | None = None, delay: float = 0.0) -> Site:
    """A Hanweb site of ``count`` stories; headers claim ``header_charset`` whatever the page says."""
    items = items if items is not None else stories(count, language)
    webname = "济南市人民政府" if language == "zh" else "Jinan"
    ctype = "text/html" + (f"; charset={header_charset}" if header_charset else "")
    site = Site(delay=delay)
    column = column_page(items[:per_page], webname, charset) if layout == "standard" else (
        changed_column_page(charset))
    site.pages[f"/col/col{COLUMN}/index.html"] = Page(column.encode(charset), ctype, validators=True)
    for story in items:
        site.pages[article_path(story)] = Page(article_page(story, webname, charset).encode(charset), ctype)
    site.handlers[PROXY] = _proxy(items, charset)
    return site


def start_url(base: str) -> str:
    return f"{base}/col/col{COLUMN}/index.html"
