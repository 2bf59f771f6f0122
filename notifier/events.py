"""A digest shows each event once: the visits of one event (core.visit_events) become one item.

The reports of an event (a Chinese original, its English edition, republished copies) arrive as
separate pending visits. :func:`merge_events` makes them one :class:`DigestItem`:
the report in the reader's language leads (its names, quotes and headline are shown), the others
are listed as further sources, and the watches that matched any of them are joined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.stored_visits import StoredVisit
from notifier.matching import Match


@dataclass(frozen=True)
class DigestItem:
    """One pending visit of a digest and the subscriber's watches that matched it; ``also`` holds
    the other reports of the same event (:func:`merge_events`), shown as further sources."""

    visit: StoredVisit
    matches: Sequence[Match]
    also: Sequence[StoredVisit] = ()


def _joined(matches: Sequence[Match]) -> list[Match]:
    """One match per watch, its terms in the order they were first found."""
    by_watch: dict[tuple[int, str], list[str]] = {}
    for match in matches:
        by_watch.setdefault((match.subscriber_id, match.watch), []).extend(match.terms)
    return [Match(sid, watch, tuple(dict.fromkeys(terms))) for (sid, watch), terms in by_watch.items()]


def merge_events(items: Sequence[DigestItem], language: str) -> list[DigestItem]:
    """One item per event, in the order of each event's first item."""
    groups: dict[int, list[DigestItem]] = {}
    for item in items:
        groups.setdefault(item.visit.event, []).append(item)
    merged: list[DigestItem] = []
    for group in groups.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        lead = next((i for i in group if i.visit.language == language), group[0])
        others = [i.visit for i in group if i is not lead]
        matches = _joined([m for i in (lead, *(i for i in group if i is not lead)) for m in i.matches])
        merged.append(DigestItem(lead.visit, matches, tuple(others)))
    return merged
