"""The demo's offline news portal: a snapshot shaped like a Hanweb JCMS site.

Articles live in ``content/*.jsonl`` (one column per file). The server renders
what a Hanweb portal sends: a column page ``/col/col<ID>/index.html`` with its
first records inlined in a ``<script type="text/xml"><datastore>`` block, the
``/module/web/jpage/dataproxy.jsp`` POST endpoint for further pages, and
article pages ``/art/YYYY/M/D/art_<ID>_<N>.html`` carrying ``ArticleTitle`` /
``PubDate`` meta tags and the body between ``ZJEG_RSS.content`` markers.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Literal
from urllib.parse import parse_qs, urlsplit

PER_PAGE = 12
INLINE_RECORDS = PER_PAGE
COLUMNS: dict[Literal["en", "zh"], tuple[int, str, str]] = {
    "en": (2001, "News", "Jinan News"),
    "zh": (2002, "要闻动态", "济南要闻"),
}


@dataclass(frozen=True)
class DemoArticle:
    column: int
    number: int
    title: str
    published: str
    text: str
    language: str

    @property
    def path(self) -> str:
        year, month, day = (int(p) for p in self.published.split("-"))
        return f"/art/{year}/{month}/{day}/art_{self.column}_{self.number}.html"


def load_articles() -> dict[int, list[DemoArticle]]:
    """Every column's articles, newest first, numbered as a CMS would."""
    columns: dict[int, list[DemoArticle]] = {}
    folder = resources.files("jobs.demo") / "content"
    for lang, (column, _name, _site) in COLUMNS.items():
        source = folder / f"{lang}.jsonl"
        if not source.is_file():
            continue
        lines = source.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        articles = [DemoArticle(column, 5000 + i, r["title"], r["published"], r["text"], lang)
                    for i, r in enumerate(rows)]
        columns[column] = sorted(articles, key=lambda a: (a.published, a.number), reverse=True)
    return columns


def _record(article: DemoArticle) -> str:
    title = html.escape(article.title)
    return (f"<record><![CDATA[<li><a href=\"{article.path}\" target=\"_blank\" title=\"{title}\">"
            f"{title}</a><span>{article.published}</span></li>]]></record>")


def _datastore(column: int, records: list[DemoArticle], total: int | None = None) -> str:
    nextgroup = (f"<nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp?page=1&appid=1"
                 f"&webid=1&path=/&columnid={column}&unitid=9{column}&webname=demo"
                 f"&permissiontype=0\"></a>]]></nextgroup>")
    counts = ""
    if total is not None:
        pages = max(1, -(-total // PER_PAGE))
        counts = f"<totalrecord>{total}</totalrecord><totalpage>{pages}</totalpage>"
    body = "".join(_record(a) for a in records)
    return f"<datastore>{nextgroup}{counts}<recordset>{body}</recordset></datastore>"


def render_column(column: int, articles: list[DemoArticle]) -> str:
    lang = articles[0].language if articles else "en"
    name, site = next((n, s) for c, n, s in COLUMNS.values() if c == column)
    store = _datastore(column, articles[:INLINE_RECORDS])
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{name} - {site}</title></head>
<body><div class="header"><a href="/">{site}</a> | <a href="/col/col2001/index.html">English</a></div>
<div class="crumb">Home &gt; {name}</div>
<div id="9{column}"><script type="text/xml">{store}</script>
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script>$('#9{column}').jpage({{perPage:{PER_PAGE},totalRecord:{len(articles)},
proxyUrl:'/module/web/jpage/dataproxy.jsp',groupSize:3,barPosition:'bottom'}});</script></div>
<div class="footer">Sponsored by the Municipal People's Government (demo snapshot)</div></body></html>
"""


def render_article(article: DemoArticle) -> str:
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in article.text.split("\n") if p.strip())
    title = html.escape(article.title)
    return f"""<!DOCTYPE html>
<html lang="{article.language}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{article.published} 09:30">
<meta name="ContentSource" content="Municipal News Center"></head>
<body><div class="header"><a href="/">Home</a> &gt;
<a href="/col/col{article.column}/index.html">News</a></div>
<div class="share">Share to: WeChat | Weibo | Print this page | Close</div>
<h1>{title}</h1><div class="info">Date: {article.published} Source: Municipal News Center</div>
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
<div class="article-content">
{paragraphs}</div>
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
<div class="editor">Editor: Demo Desk</div>
<div class="footer">Copyright (demo snapshot). All rights reserved.</div></body></html>
"""


class DemoSite:
    """Routes of the snapshot: robots.txt, column pages, dataproxy, articles."""

    def __init__(self, columns: dict[int, list[DemoArticle]] | None = None) -> None:
        self.columns = columns if columns is not None else load_articles()
        self.by_path = {a.path: a for arts in self.columns.values() for a in arts}

    @property
    def article_count(self) -> int:
        return len(self.by_path)

    def get(self, path: str) -> tuple[int, str, str]:
        if path == "/robots.txt":
            return 200, "text/plain", "User-agent: *\nDisallow: /module/web/jpage/jpage.js\n"
        for column, articles in self.columns.items():
            if path in (f"/col/col{column}/index.html", f"/col/col{column}/"):
                return 200, "text/html; charset=utf-8", render_column(column, articles)
        article = self.by_path.get(path)
        if article is not None:
            return 200, "text/html; charset=utf-8", render_article(article)
        return 404, "text/html; charset=utf-8", "<html><body>404 Not Found</body></html>"

    def dataproxy(self, query: dict[str, list[str]], form: dict[str, list[str]]) -> tuple[int, str, str]:
        try:
            start = int(query["startrecord"][0])
            end = int(query["endrecord"][0])
            column = int(form["columnid"][0])
        except (KeyError, ValueError, IndexError):
            return 400, "text/plain", "missing startrecord, endrecord or columnid"
        articles = self.columns.get(column, [])
        body = _datastore(column, articles[start - 1:end], total=len(articles))
        return 200, "text/xml; charset=utf-8", f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'


def _handler(site: DemoSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, ctype: str, body: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._send(*site.get(urlsplit(self.path).path))

        def do_POST(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            if parts.path != "/module/web/jpage/dataproxy.jsp":
                self._send(404, "text/plain", "not found")
                return
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8"))
            self._send(*site.dataproxy(parse_qs(parts.query), form))

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


@contextmanager
def serve_demo_site(site: DemoSite | None = None) -> Iterator[str]:
    """Serve the snapshot on 127.0.0.1 (ephemeral port); yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site or DemoSite()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
