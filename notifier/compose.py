"""From matched visits to a :class:`~notifier.context.DigestContext`: grouping, subject, safe links."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from core.records import Official
from core.store import StoredVisit
from notifier.context import DayGroup, DigestContext, OfficialGroup, Person, StopView, VisitView, WatchHit
from notifier.matching import Match
from notifier.text import Highlighter, is_cjk

MAX_SENTENCE = 280
SUBJECT_ITEMS = 60  # characters of names in the subject before "..."
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Bidirectional controls (embeddings, overrides, isolates, marks) would let scraped text reorder
# what is shown around it ("gpj.exe" read as "exe.jpg"); they are dropped, not spaced.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_COMPANY = re.compile(r"(,?\s*(co\.?|company|corp\.?|corporation|ltd\.?|limited|inc\.?|group|llc)\b\.?)+\s*$"
                      r"|(股份)?有限(责任)?公司$|集团$", re.IGNORECASE)
_REGION_SUFFIX = re.compile(r"\s*(county|district|city|province|new area|县|区|市|省)$", re.IGNORECASE)


@dataclass(frozen=True)
class DigestItem:
    """One pending visit of a digest and the subscriber's watches that matched it."""

    visit: StoredVisit
    matches: Sequence[Match]


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
    out = []
    for text in texts[:2]:
        text = clean_text(text)
        out.append(text if len(text) <= MAX_SENTENCE else text[: MAX_SENTENCE - 1].rstrip() + "…")
    return [t for t in out if t]


def _people(people: Sequence[Official]) -> list[Person]:
    return [Person(clean_text(p.name), clean_text(p.title)) for p in people]


def _visit_fields(stored: StoredVisit) -> dict[str, object]:
    """What a view shows of the visit itself (everything but the matches)."""
    visit = stored.visit
    return dict(
        title=clean_text(stored.title), url=safe_url(stored.url), source=clean_text(stored.source),
        date=visit.date or stored.published or "", language=stored.language,
        officials=_people(visit.officials), accompanying=_people(visit.accompanying),
        regions=[clean_text(r) for r in visit.regions],
        stops=[StopView(clean_text(s.name), s.kind, clean_text(s.region or "")) for s in visit.stops],
        emphasized=_sentences(visit.emphasized))


def _with_matches(fields: dict[str, object], matches: Sequence[Match]) -> VisitView:
    hits = [WatchHit(clean_text(m.watch), m.terms) for m in matches]
    terms = list(dict.fromkeys(t for m in matches for t in m.terms))
    return VisitView(**fields, matches=hits, terms=terms)  # type: ignore[arg-type]


def visit_view(item: DigestItem) -> VisitView:
    return _with_matches(_visit_fields(item.visit), item.matches)


def _day_label(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return "Date not given"
    return f"{day:%A}, {day.day} {day:%B %Y}"


def group_visits(views: Sequence[VisitView]) -> list[DayGroup]:
    """By date (newest first, undated last), then by lead official in order of appearance."""
    days: dict[str, DayGroup] = {}
    for view in sorted(views, key=lambda v: v.date or "", reverse=True):
        day = days.setdefault(view.date, DayGroup(view.date, _day_label(view.date)))
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
        stem = _REGION_SUFFIX.sub("", region).strip()
        rest = short[len(stem):].strip() if stem and short.startswith(stem) else ""
        if len(rest.split()) >= 2 or (is_cjk(rest) and len(rest) >= 3):
            return rest
    return short


def _headline(view: VisitView) -> list[str]:
    regions = view.regions + [s.region for s in view.stops if s.region]
    found = Highlighter(view.terms)
    hit = [s.name for s in view.stops if found.search(s.name)]
    hit += [r for r in view.regions if found.search(r)]
    names = [short_name(n, regions) for n in hit if n not in view.regions]
    names += [r for r in hit if r in view.regions]
    names += [o.name for o in view.officials if found.search(o.name)]
    names = names or view.regions[:1]
    return names or [o.name for o in view.officials[:1]] or [view.title[:40]]


def make_subject(views: Sequence[VisitView],
                 headline: Callable[[VisitView], list[str]] = _headline) -> str:
    """ "3 new inspections: Longshan Carbon, Pingyin County, ..." """
    names = list(dict.fromkeys(n for v in views for n in headline(v) if n))
    shown: list[str] = []
    for name in names:
        if shown and len(", ".join([*shown, name])) > SUBJECT_ITEMS:
            break
        shown.append(name)
    more = ", ..." if len(shown) < len(names) else ""
    noun = "inspection" if len(views) == 1 else "inspections"
    return clean_text(f"{len(views)} new {noun}: {', '.join(shown)}{more}")


def local_time(now: datetime, timezone: str) -> str:
    local = now.replace(tzinfo=UTC).astimezone(ZoneInfo(timezone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


class ViewCache:
    """What a run's digests share: each visit's fields, and headlines per (visit, matched terms).

    The fields (lists included) are shared between views, so nothing may change them; holding
    the visit keeps its ``id()`` from being reused while cached.
    """

    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self._fields: dict[int, tuple[StoredVisit, dict[str, object]]] = {}
        self._headlines: dict[tuple[object, ...], list[str]] = {}

    def view(self, item: DigestItem) -> VisitView:
        found = self._fields.get(id(item.visit))
        if found is None or found[0] is not item.visit:
            if len(self._fields) >= self.limit:
                self._fields.clear()
            found = self._fields[id(item.visit)] = (item.visit, _visit_fields(item.visit))
        return _with_matches(found[1], item.matches)

    def headline(self, view: VisitView) -> list[str]:
        key = (view.title, tuple(view.regions), tuple(view.stops), tuple(view.officials), tuple(view.terms))
        found = self._headlines.get(key)
        if found is None:
            if len(self._headlines) >= self.limit:
                self._headlines.clear()
            found = self._headlines[key] = _headline(view)
        return found


def build_context(*, email: str, frequency: str, timezone: str, watches: Sequence[str],
                  items: Sequence[DigestItem], now: datetime, unsubscribe_url: str,
                  unsubscribe_mailto: str, cache: ViewCache | None = None) -> DigestContext:
    """The template context of one digest; ``cache`` shares views and headlines across a run."""
    if cache is None:
        days = group_visits([visit_view(item) for item in items])
        headline = _headline
    else:
        days = group_visits([cache.view(item) for item in items])
        headline = cache.headline
    views = [v for day in days for group in day.officials for v in group.visits]
    return DigestContext(
        subject=make_subject(views, headline), email=email, frequency=frequency,
        watches=[clean_text(w) for w in watches],
        count=len(views), generated=local_time(now, timezone), unsubscribe_url=unsubscribe_url,
        unsubscribe_mailto=unsubscribe_mailto, days=days)
