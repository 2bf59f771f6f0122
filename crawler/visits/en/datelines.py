"""The place a report is filed from, told by its dateline: "BEIJING -", "XINYANG, May 8 (Xinhua) --",
"KOCHI:", "Madurai (Tamil Nadu), Nov 9 (PTI)". With no other place named, the visit was there."""

from __future__ import annotations

import re

from core.gazetteer import gazetteer
from crawler.visits.en.world import world_names

# "BEIJING - Vice-President X ..." / "XINYANG, May 8 (Xinhua) --" / "KOCHI:" on a line of its own
_DATELINE_CITY = re.compile(r"^[ \t]*([A-Z]{4,}(?:[ ][A-Z]{3,})?)(?:(?:,[ ][A-Z][a-z]+\.?[ ]\d{1,2})?"
                            r"(?:[ ]\([A-Za-z]+\))?[ ]+(?:-|–|—|--)[ ]|:[ ]*$|:[ ]+(?=[A-Z]))", re.M)
# "Chandigarh, Aug. 27 --", "Madurai (Tamil Nadu), Nov 9 (PTI)", "Raipur (Chhattisgarh) [India], July 23
# (ANI):": the town, and its state in brackets
_DATELINE_TOWN = re.compile(r"^[ \t]*([A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+)?)"
                            r"(?:[ ]\(([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)\))?(?:[ ]\[[A-Z][a-z]+\])?"
                            r",[ ][A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?"
                            r"(?:[ ]\([A-Z][A-Za-z]+\)[ ]*(?:-|–|—|--|:)?|[ ]*(?:-|–|—|--|:))", re.M)


def _known(name: str) -> bool:
    """A gazetteer region by its whole name, or a place of another country."""
    return name in world_names() or any(e - b == len(name) for b, e, _ in gazetteer().find_en(name))


def dateline_region(text: str) -> list[str]:
    """The dateline's place (and the state it names in brackets), when the tables know it."""
    m = _DATELINE_CITY.search(text, 0, 1500)
    if m:
        name = m.group(1).title()
        colon = m.group(0).rstrip().endswith(":")  # "KOCHI:" of a city desk: the place itself
        return [name] if _known(name) and (colon or _told_again(text, name, m.end())) else []
    m = _DATELINE_TOWN.search(text, 0, 400)
    if not m:
        return []
    return [n for n in (m.group(1), m.group(2)) if n and _known(n)]


def _told_again(text: str, name: str, after: int) -> bool:
    """A town abroad before a dash ("KARACHI - ") is where the report was filed, often the capital the
    official left: it is the visit's place only when the report names it again ("visited ... here").
    China's own datelines stand."""
    home = any(e - b == len(name) for b, e, _ in gazetteer().find_en(name))
    return home or re.search(rf"\b(?:{re.escape(name)}|here)\b", text[after:]) is not None
