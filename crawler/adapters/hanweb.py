"""Hanweb JCMS portals (Jinan, Dalian, Taizhou, most Shandong and Zhejiang sites).

The column page ``/col/col{id}/index.html`` inlines page 1 as an XML
datastore inside ``<script type="text/xml">``; its ``<nextgroup>`` link names
the parameters that further pages are POSTed with to
``/module/web/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=P``
(S and E 1-based, inclusive), whose answer adds ``<totalrecord>``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from parsel import Selector
from scrapy import FormRequest
from scrapy.http import Response

from .base import LIST, Adapter, Listing, ListItem, page_text

PROXY = "/module/web/jpage/dataproxy.jsp"
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>", re.S)
_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>")
_PARAMS = ("appid", "webid", "path", "columnid", "unitid", "webname", "permissiontype")


def nextgroup_params(text: str) -> dict[str, str] | None:
    """The dataproxy parameters named by the column page's <nextgroup> link."""
    found = _NEXTGROUP.search(text)
    href = re.search(r"""href\s*=\s*["']([^"']+)""", found.group(1)) if found else None
    if href is None:
        return None
    query = dict(parse_qsl(urlsplit(href.group(1).replace("&amp;", "&")).query, keep_blank_values=True))
    return {k: query.get(k, "") for k in _PARAMS} if query.get("columnid") else None


class HanwebAdapter(Adapter):
    def parse_list(self, response: Response) -> Listing:
        text = page_text(response)
        records = _RECORD.findall(text)
        items = [item for chunk in records if (item := self.record_item(chunk, response))]
        return Listing(items, self.next_request(text, response, len(records)))

    def record_item(self, chunk: str, response: Response) -> ListItem | None:
        links = Selector(text=chunk, type="html").css("a[href]")
        if not links:
            return None
        articles = [a for a in links if "/art/" in (a.attrib.get("href") or "")]
        return self.link_item((articles or links)[0], response)

    def next_request(self, text: str, response: Response, count: int) -> FormRequest | None:
        meta: dict[str, Any] = response.meta
        page = int(meta.get("page", 1))
        params = meta.get("hanweb") or nextgroup_params(text)
        per = int(meta.get("perpage") or count)
        if not params or count == 0 or count < per:
            return None
        total = _TOTAL.search(text)
        start = page * per + 1
        if total and start > int(total.group(1)):
            return None
        referer = meta.get("referer") or response.url
        url = response.urljoin(f"{PROXY}?startrecord={start}&endrecord={start + per - 1}&perpage={per}")
        form = {"col": "1", **params, "sourceContentType": "1",
                "permissiontype": params["permissiontype"] or "0"}
        return FormRequest(url, formdata=form, headers={"Referer": referer}, dont_filter=True, meta={
            "source": self.source.name, "kind": LIST, "page": page + 1, "hanweb": params, "perpage": per,
            "referer": referer})
