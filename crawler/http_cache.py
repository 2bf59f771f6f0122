"""Conditional GET for list pages: ETag / Last-Modified remembered per URL (table http_cache).

Validators are written only at the end of a source's successful run, after
every article its list pages led to has been stored: a crash before then
means the next run fetches the list again instead of trusting a 304 that
would hide articles never stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from scrapy.http import Response
from sqlalchemy import select

from core.db.engine import Database
from core.db.models import HttpCache

Validators = tuple[str | None, str | None]  # (etag, last_modified)


def load(db: Database, urls: Iterable[str]) -> dict[str, Validators]:
    wanted = list(set(urls))
    if not wanted:
        return {}
    with db.session() as session:
        rows = session.scalars(select(HttpCache).where(HttpCache.url.in_(wanted)))
        return {row.url: (row.etag, row.last_modified) for row in rows}


def request_headers(validators: Validators | None) -> dict[str, str]:
    if validators is None:
        return {}
    etag, modified = validators
    headers = {"If-None-Match": etag} if etag else {}
    if modified:
        headers["If-Modified-Since"] = modified
    return headers


def from_response(response: Response) -> Validators | None:
    etag = response.headers.get(b"ETag")
    modified = response.headers.get(b"Last-Modified")
    if not etag and not modified:
        return None
    return (etag.decode("latin-1")[:500] if etag else None,
            modified.decode("latin-1")[:100] if modified else None)


def save(db: Database, entries: dict[str, Validators]) -> None:
    if not entries:
        return
    with db.session() as session, session.begin():
        for url, (etag, modified) in entries.items():
            row = session.get(HttpCache, url)
            if row is None:
                session.add(HttpCache(url=url, etag=etag, last_modified=modified))
            else:
                row.etag, row.last_modified = etag, modified
