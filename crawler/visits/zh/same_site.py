"""One Chinese site named twice: with its city first and later with a shorter place
(洛阳市青松机械有限公司 … 河南青松机械有限公司), or again with a part of it (…有限公司装配车间)."""

from __future__ import annotations

import re

from core.gazetteer import gazetteer
from core.records import Stop
from crawler.visits.language import to_simplified

# The legal form ends a firm's name; what is left before it names the firm.
_LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$")
_PROVINCE_SHORT = re.compile(r"^(?:省|市|县|区|自治区)")


def _core(name: str) -> str:
    """The firm's own name: places before it and its legal form cut off."""
    simple = to_simplified(name)
    pos = 0
    for start, end, _region in gazetteer().find_zh(simple):
        if start != pos:
            break
        pos = end
        short = _PROVINCE_SHORT.match(simple, pos)
        pos = short.end() if short else pos
    return _LEGAL_FORM.sub("", simple[pos:])


def same_site_once(stops: list[Stop]) -> list[Stop]:
    """Drop a later stop that holds the whole core of a firm named before it."""
    out: list[Stop] = []
    cores: list[str] = []
    for stop in stops:
        simple = to_simplified(stop.name)
        if any(len(c) >= 4 and c in simple for c in cores):
            continue
        out.append(stop)
        if _LEGAL_FORM.search(simple) or simple.endswith("集团"):
            cores.append(_core(stop.name))
    return out
