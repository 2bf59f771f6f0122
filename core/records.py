"""The visit record: the one contract between crawler, store and notifier.

An :class:`Article` is what a news page says; its :class:`Visit` list is what
the visit extractor found in it. ``to_dict`` gives the JSON shape of
../shared/eval/FORMAT.md (extra keys such as ``kind`` and ``title`` are
allowed by that format).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

StopKind = Literal["enterprise", "project", "village", "community", "institution", "other"]
STOP_KINDS: tuple[str, ...] = ("enterprise", "project", "village", "community", "institution", "other")


@dataclass
class Official:
    """A named official and the title the article gives them."""

    name: str
    title: str = ""


@dataclass
class Stop:
    """One site visited: an enterprise, a project, a village..."""

    name: str
    kind: str = "other"
    region: str | None = None


@dataclass
class Visit:
    """One inspection visit reported by an article."""

    date: str | None = None
    end_date: str | None = None
    officials: list[Official] = field(default_factory=list)
    accompanying: list[Official] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    emphasized: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def days(self) -> list[str]:
        """Every day of the visit, ISO: one for a one-day visit, none when the date is unknown."""
        if not self.date:
            return []
        if not self.end_date or self.end_date <= self.date:
            return [self.date]
        day, last = date.fromisoformat(self.date), date.fromisoformat(self.end_date)
        out: list[str] = []
        while day <= last and len(out) < 31:
            out.append(day.isoformat())
            day += timedelta(days=1)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Visit:
        return cls(
            date=data.get("date"),
            end_date=data.get("end_date"),
            officials=[Official(**o) for o in data.get("officials", [])],
            accompanying=[Official(**o) for o in data.get("accompanying", [])],
            regions=list(data.get("regions", [])),
            stops=[Stop(**s) for s in data.get("stops", [])],
            topics=list(data.get("topics", [])),
            emphasized=list(data.get("emphasized", [])),
        )


@dataclass
class Article:
    """A news article as fetched and extracted (title, date, body text)."""

    url: str
    title: str
    text: str
    language: str = "en"
    published: str | None = None
    source: str = ""
    visits: list[Visit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
