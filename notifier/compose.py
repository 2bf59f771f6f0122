"""From a subscriber's ledger rows to matched visits (:func:`digest_items`), and from those to a
:class:`~notifier.context.DigestContext`: grouping, summary, subject, links."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import cast
from urllib.parse import urlsplit

from core.db.models import Delivery, SubscriberRow
from core.records import Official
from core.stored_visits import StoredVisit
from notifier.context import (
    DayGroup,
    DigestContext,
    OfficialGroup,
    Person,
    PlaceView,
    SourceView,
    StopView,
    SummaryLine,
    VisitView,
    WatchHit,
)
from notifier.events import DigestItem, merge_events
from notifier.labels import (
    EN,
    Labels,
    day_label,
    labels_for,
    local_time,
    reader_language,
    short_day,
    spaced,
)
from notifier.matching import Match, RunMatcher
from notifier.prose import cut_quote
from notifier.text import Highlighter, is_cjk

MAX_SENTENCE = 280
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Bidirectional controls (embeddings, overrides, isolates, marks) would let scraped text reorder
# what is shown around it ("gpj.exe" read as "exe.jpg"); they are dropped, not spaced.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_COMPANY = re.compile(r"(,?\s*(co\.?|company|corp\.?|corporation|ltd\.?|limited|inc\.?|group|llc)\b\.?)+\s*$"
                      r"|(股份)?有限(责任)?公司$|集团$", re.IGNORECASE)
_TOPIC = re.compile(r'topic:(?:"([^"]*)"|([^\s()"]+))', re.IGNORECASE)
_REGION_SUFFIX = re.compile(r"\s*(county|district|city|province|new area|县|区|市|省)$", re.IGNORECASE)


def clean_text(value: str) -> str:
    """Control characters and line breaks become spaces; runs of spaces collapse; bidirectional
    controls go. Every text a digest shows (subject and headers included) passes through here."""
    return " ".join(_CONTROL.sub(" ", _BIDI.sub("", value)).split())


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL without control characters, else None."""
    if not url or _CONTROL.search(url) or " " in url.strip():
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _sentences(texts: Sequence[str]) -> list[str]:
    return [t for t in (clean_text(text) for text in texts) if t]


def _places(stops: Sequence[StopView], regions: Sequence[str]) -> list[PlaceView]:
    """The stops by region, regions in order of their first stop; the region is left out when it is
    the visit's only one (the card's heading names it)."""
    by_region: dict[str, list[StopView]] = {}
    for stop in stops:
        by_region.setdefault(stop.region, []).append(stop)
    alone = len(by_region) == 1 and set(by_region) <= {"", *regions} and len(regions) <= 1
    return [PlaceView("" if alone else region, tuple(group)) for region, group in by_region.items()]


def site_name(url: str | None, source: str) -> str:
    """"https://www.jinan.gov.cn/art/1.html" -> "jinan.gov.cn"; the source's name when the link has no
    domain name (none, an IP address, localhost)."""
    host = (urlsplit(url).hostname or "") if url else ""
    if not host or host == "localhost" or not re.search(r"[a-z]", host.rsplit(".", 1)[-1]):
        return source or host
    return host.removeprefix("www.")


def _people(people: Sequence[Official]) -> list[Person]:
    return [Person(clean_text(p.name), clean_text(p.title)) for p in people]


def _visit_fields(stored: StoredVisit) -> dict[str, object]:
    """What a view shows of the visit itself (everything but the matches)."""
    visit = stored.visit
    title, url, source = clean_text(stored.title), safe_url(stored.url), clean_text(stored.source)
    officials = _people(visit.officials)
    regions = [clean_text(r) for r in visit.regions]
    stops = [StopView(clean_text(s.name), s.kind, clean_text(s.region or "")) for s in visit.stops]
    heading = ", ".join(regions) or ", ".join(s.name for s in stops[:3]) or title
    return dict(
        anchor=f"visit-{stored.id}", heading=heading, title=title, url=url, source=source,
        date=visit.date or stored.published or "", language=stored.language,
        officials=officials, accompanying=_people(visit.accompanying), regions=regions, stops=stops,
        places=_places(stops, regions), co_leads=officials[1:],
        sources=[_source(stored)], sentences=_sentences(visit.emphasized))


def watch_label(watch: str) -> str:
    """A watch as a reader says it: ``topic:new-energy`` -> "new energy" (no slugs)."""
    return clean_text(_TOPIC.sub(lambda m: (m.group(1) or m.group(2)).replace("-", " ").replace("_", " "),
                                 watch))


def _quotes(sentences: Sequence[str], terms: Sequence[str]) -> list[str]:
    """The sentences a watch found something in (at most three), else the first two."""
    found = Highlighter(terms)
    matched = [s for s in sentences if found and found.search(s)]
    return [cut_quote(s, MAX_SENTENCE) for s in (matched[:3] or sentences[:2])]


def _with_matches(fields: dict[str, object], matches: Sequence[Match], labels: Labels) -> VisitView:
    hits = [WatchHit(clean_text(m.watch), m.terms, watch_label(m.watch)) for m in matches]
    terms = list(dict.fromkeys(t for m in matches for t in m.terms))
    shown = {key: value for key, value in fields.items() if key != "sentences"}
    quotes = _quotes(fields["sentences"], terms)  # type: ignore[arg-type]
    return VisitView(**shown, emphasized=quotes, matches=hits, terms=terms,  # type: ignore[arg-type]
                     labels=labels)


def _source(stored: StoredVisit) -> SourceView:
    url, source = safe_url(stored.url), clean_text(stored.source)
    return SourceView(clean_text(stored.title), site_name(url, source), url)


def _with_sources(fields: dict[str, object], also: Sequence[StoredVisit]) -> dict[str, object]:
    """``fields`` listing the other reports of the event after its own source."""
    if not also:
        return fields
    own = cast(list[SourceView], fields["sources"])
    return {**fields, "sources": [*own, *map(_source, also)]}


def visit_view(item: DigestItem, labels: Labels = EN) -> VisitView:
    return _with_matches(_with_sources(_visit_fields(item.visit), item.also), item.matches, labels)


def group_visits(views: Sequence[VisitView], labels: Labels = EN) -> list[DayGroup]:
    """By date (newest first, undated last), then by lead official in order of appearance."""
    days: dict[str, DayGroup] = {}
    for view in sorted(views, key=lambda v: v.date or "", reverse=True):
        day = days.setdefault(view.date, DayGroup(view.date, day_label(view.date, labels)))
        lead = view.officials[0] if view.officials else Person("")
        group = next((g for g in day.officials if g.name == lead.name), None)
        if group is None:
            group = OfficialGroup(lead.name, lead.title)
            day.officials.append(group)
        group.visits.append(view)
    return list(days.values())


def short_name(name: str, regions: Sequence[str] = ()) -> str:
    """"Pingyin Longshan Carbon Co., Ltd." -> "Longshan Carbon" (company suffix and region stem dropped)."""
    short = _COMPANY.sub("", name).strip(" ,") or name
    for region in regions:
        for stem in (region, _REGION_SUFFIX.sub("", region).strip()):
            rest = short[len(stem):].strip() if stem and short.startswith(stem) else ""
            if len(rest.split()) >= 2 or (is_cjk(rest) and len(rest) >= 3):
                return rest
    return short


def _region_stem(region: str) -> str:
    return _REGION_SUFFIX.sub("", region).strip() or region


def _summary(view: VisitView) -> str:
    """"Liu Qiang inspected Longshan Carbon (Pingyin)": the lead, and the first stop a watch found
    (else the first enterprise, else the first stop, else the regions)."""
    found = Highlighter(view.terms)
    stop = (next((s for s in view.stops if found.search(s.name)), None)
            or next((s for s in view.stops if s.kind == "enterprise"), None)
            or next(iter(view.stops), None))
    if stop is not None:
        region = stop.region or (view.regions[0] if view.regions else "")
        what = short_name(stop.name, [r for r in (stop.region, *view.regions) if r])
        if region:
            what = (view.labels if is_cjk(what) else EN).place.format(name=what, region=_region_stem(region))
    else:
        what = view.labels.list_sep.join(view.regions[:2]) or view.title
    lead = view.officials[0].name if view.officials else ""
    return spaced(view.labels.inspected.format(lead=lead, what=what) if lead
                  else view.labels.inspection_at.format(what=what))


def make_subject(views: Sequence[VisitView], summary: Callable[[VisitView], str] = _summary,
                 left_out: int = 0) -> str:
    """ "Liu Qiang inspected Longshan Carbon (Pingyin) + 2 more": the first visit, and how many follow
    (``left_out`` counts the matching visits the digest does not show)."""
    if not views:
        return ""
    count = len(views) - 1 + left_out
    more = views[0].labels.more.format(count=count, total=count + 1) if count else ""
    return clean_text(spaced(summary(views[0]) + more))


class ViewCache:
    """What a run's digests share: each visit's fields, and summaries per (visit, matched terms).

    The fields (lists included) are shared between views, so nothing may change them; holding
    the visit keeps its ``id()`` from being reused while cached.
    """

    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self._fields: dict[int, tuple[StoredVisit, dict[str, object]]] = {}
        self._summaries: dict[tuple[object, ...], str] = {}

    def view(self, item: DigestItem, labels: Labels = EN) -> VisitView:
        found = self._fields.get(id(item.visit))
        if found is None or found[0] is not item.visit:
            if len(self._fields) >= self.limit:
                self._fields.clear()
            found = self._fields[id(item.visit)] = (item.visit, _visit_fields(item.visit))
        return _with_matches(_with_sources(found[1], item.also), item.matches, labels)

    def summary(self, view: VisitView) -> str:
        key = (view.title, tuple(view.regions), tuple(view.stops), tuple(view.officials), tuple(view.terms),
               view.labels.language)
        found = self._summaries.get(key)
        if found is None:
            if len(self._summaries) >= self.limit:
                self._summaries.clear()
            found = self._summaries[key] = _summary(view)
        return found


def digest_items(subscriber: SubscriberRow, rows: Sequence[Delivery], visits: dict[int, StoredVisit],
                 topics: Mapping[str, Sequence[str]], matcher: RunMatcher | None = None) -> list[DigestItem]:
    """The visits of ``rows`` with the subscriber's current watches re-matched for the terms found.

    ``matcher`` holds the watches of every subscriber of the run (it must include this one).
    """
    if matcher is None:
        matcher = RunMatcher([subscriber], topics)
    items = []
    for row in sorted(rows, key=lambda r: r.visit_id):
        stored = visits.get(row.visit_id)
        if stored is None:
            continue
        matches = matcher.match(subscriber, stored)
        if not matches:  # the watches changed since: say which watch queued it
            matches = [Match(subscriber.id, w, ()) for w in row.watch.splitlines() if w]
        items.append(DigestItem(stored, matches))
    return items


def newest_first(items: Sequence[DigestItem], limit: int | None) -> list[DigestItem]:
    """The ``limit`` most recent items (by visit date, else publication date); all when None."""
    ordered = sorted(items, key=lambda i: i.visit.visit.date or i.visit.published or "", reverse=True)
    return ordered if limit is None else ordered[:limit]


def build_context(*, email: str, frequency: str, timezone: str, watches: Sequence[str],
                  items: Sequence[DigestItem], now: datetime, unsubscribe_url: str,
                  unsubscribe_mailto: str, cache: ViewCache | None = None,
                  max_visits: int | None = None, language: str | None = None, manage_url: str = "",
                  feed_url: str = "") -> DigestContext:
    """The template context of one digest; ``cache`` shares views and summaries across a run.
    With ``max_visits``, only the newest that many are shown and the rest counted (``more``).
    ``language`` (en|zh) is the reader's; None takes it from the script of the first watch."""
    labels = labels_for(reader_language(language, watches))
    items = merge_events(items, labels.language)
    shown = newest_first(items, max_visits)
    more, items = len(items) - len(shown), shown
    if cache is None:
        days = group_visits([visit_view(item, labels) for item in items], labels)
        summary = _summary
    else:
        days = group_visits([cache.view(item, labels) for item in items], labels)
        summary = cache.summary
    views = [v for day in days for group in day.officials for v in group.visits]
    lines = [SummaryLine(v.anchor, short_day(v.date, labels), summary(v)) for v in views]
    return DigestContext(
        subject=make_subject(views, summary, more), email=email, frequency=frequency,
        watches=[clean_text(w) for w in watches],
        count=len(views), generated=local_time(now, timezone, labels), unsubscribe_url=unsubscribe_url,
        unsubscribe_mailto=unsubscribe_mailto, summary=lines, days=days, more=more, labels=labels,
        manage_url=manage_url, feed_url=feed_url)
