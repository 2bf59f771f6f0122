"""The digest template context: the one place that says what templates may use.

``digest.html.j2`` and ``digest.txt.j2`` are rendered with one variable,
``digest``, a :class:`DigestContext`; the environment has StrictUndefined,
so a misspelt name is an error, not an empty string. HTML templates are
autoescaped; every string below is raw text (scraped, never trusted) except
where a field says otherwise.

    digest.subject            str: Subject, "Liu Qiang inspected Longshan Carbon (Pingyin) + 2 more"
    digest.email              str: the subscriber's address
    digest.frequency          "immediate" | "daily" | "weekly"
    digest.watches            list[str]: the subscriber's watches as written
    digest.count              int: number of visits shown in the digest
    digest.more               int: matching visits left out (digest.max_visits, or the 100 KB
                              HTML limit): shown as "and N more"; 0 when none was
    digest.generated          str: "30 March 2023 08:00 Asia/Shanghai (UTC+8)", zone by name and offset
    digest.unsubscribe_url    str: https (or http) link; GET confirms, POST unsubscribes
    digest.unsubscribe_mailto str: mailto: link for the same
    digest.manage_url         str: link to the subscriber's settings page ("" when not served)
    digest.feed_url           str: link to the subscriber's Atom feed ("" when not served)
    digest.summary            list[SummaryLine]: one line per visit, in the order of the cards
      line.anchor             str: the card's id, for href="#..."
      line.day                str: the day's label
      line.text               str: "Liu Qiang inspected Longshan Carbon (Pingyin)"
    digest.labels             Labels (notifier.labels): the words in the reader's language, e.g.
                              labels.accompanied_by, labels.kind("village"), labels.language
    digest.days               list[DayGroup], newest date first
      day.date                str: ISO date, or "" when the visit has none
      day.label               str: "Wednesday, 29 March 2023", "2023年3月29日 星期三", or no date
      day.officials           list[OfficialGroup]
        group.name            str: lead official's name ("" when none was named)
        group.title           str: their title
        group.visits          list[VisitView]
          visit.anchor        str: the card's id ("visit-12"), the same in every digest
          visit.heading       str: the card's heading, the regions ("Pingyin County, Changqing District")
          visit.title         str: the article's headline
          visit.url           str | None: article link, http/https only (None if the scraped URL was not)
          visit.source        str: the source name
          visit.date          str: ISO visit date or publication date, "" when unknown
          visit.language      "en" | "zh"
          visit.officials     list[Person]: lead officials (name, title)
          visit.accompanying  list[Person]: accompanying officials
          visit.regions       list[str]
          visit.stops         list[StopView]: name, kind (enterprise, project, village, ...), region
          visit.places        list[PlaceView]: the stops by region (region "" for stops without one)
          visit.co_leads      list[Person]: lead officials after the first (the group's heading)
          visit.sources       list[SourceView]: title, site ("jinan.gov.cn") and url of each report
          visit.emphasized    list[str]: the sentences a watch found something in (at most three), else
                              the first two; each at most 280 characters, cut at a sentence or word
                              boundary with an ellipsis
          visit.matches       list[WatchHit]: watch (as written), label (as a reader says it: topic
                              slugs become words) and terms (what was found, as the visit writes it)
          visit.terms         list[str]: every matched term, for the ``highlight`` filter
          visit.labels        Labels: the reader's words (the same as digest.labels)

Filters: ``text | highlight(visit.terms)`` escapes ``text`` and wraps each
matched term in ``<mark>`` (HTML only); ``text | wrap(indent, first)`` wraps plain
text at 78 columns (Chinese characters count two), the first line starting with ``first``.

Besides ``digest``, the page templates get one callable each, which draws a visit
(:mod:`notifier.render` may reuse one visit's drawing across the digests of a run):

    visit_html(visit)         digest.html.j2: Markup, the visit drawn by digest_visit.html.j2
    visit_text(visit)         digest.txt.j2: str, the visit drawn by digest_visit.txt.j2

``digest_visit.*.j2`` get ``visit`` (a VisitView) and ``matched_html(visit.matches, visit.labels)``
or ``matched_text(visit.matches, visit.labels)``, which draw the matched watches with
``digest_matched.*.j2`` (given ``matches``, a list[WatchHit]).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from notifier.labels import EN, Labels


@dataclass(frozen=True)
class Person:
    name: str
    title: str = ""


@dataclass(frozen=True)
class StopView:
    name: str
    kind: str
    region: str = ""


@dataclass(frozen=True)
class PlaceView:
    region: str
    stops: tuple[StopView, ...]


@dataclass(frozen=True)
class SourceView:
    title: str
    site: str
    url: str | None


@dataclass(frozen=True)
class SummaryLine:
    anchor: str
    day: str
    text: str


@dataclass(frozen=True)
class WatchHit:
    watch: str
    terms: tuple[str, ...]
    label: str = ""


@dataclass(frozen=True)
class VisitView:
    anchor: str
    heading: str
    title: str
    url: str | None
    source: str
    date: str
    language: str
    officials: list[Person]
    accompanying: list[Person]
    regions: list[str]
    stops: list[StopView]
    places: list[PlaceView]
    co_leads: list[Person]
    sources: list[SourceView]
    emphasized: list[str]
    matches: list[WatchHit]
    terms: list[str]
    labels: Labels = EN


@dataclass
class OfficialGroup:
    name: str
    title: str
    visits: list[VisitView] = field(default_factory=list)


@dataclass
class DayGroup:
    date: str
    label: str
    officials: list[OfficialGroup] = field(default_factory=list)


@dataclass(frozen=True)
class DigestContext:
    subject: str
    email: str
    frequency: str
    watches: list[str]
    count: int
    generated: str
    unsubscribe_url: str
    unsubscribe_mailto: str
    summary: list[SummaryLine]
    days: list[DayGroup]
    more: int = 0
    labels: Labels = EN
    manage_url: str = ""
    feed_url: str = ""
