"""Areas named by their kind in English text: development zones, new areas and the divisions of
other countries ("in Suining Economic and Technological Development Zone", "in Dong Nai province"),
and the title words before a place that make it a title's place, not the visit's."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from core.gazetteer import gazetteer

TITLE_BEFORE = re.compile(
    r"(?i)(?:secretary|mayor|governor|director|chairman|head|member|leader|chief|deputy|committee|congress|"
    r"government|bureau|department|authorities)[\w '’-]{0,30}\bof[ ]+(?:the[ ]+)?(?:CPC[ ]+)?$"
    # "Deputy Secretary of Xicheng District Committee in Beijing": the body's holder, in a title
    r"|(?-i:Committee|Government|Congress|Bureau|Department|Commission|Office)"
    r"(?-i:[ ]+of(?:[ ]+[A-Z][\w'’-]*){1,3})?[ ]+in[ ]+$")


# Areas named with their kind where the visit goes: a development zone ("in Suining Economic and
# Technological Development Zone"), or a province or district of another country, which the
# gazetteer does not hold ("inspected the airport project in Dong Nai province").
_KIND_WORD = (r"(?:(?:Economic|Economy|Technological|Hi-[Tt]ech|High-?[Tt]ech|High[ ]tech|"
              r"Industrial|Free|Trade|Bonded|"
              r"Science|Technology|Education|Innovation|Development|Demonstration|Pilot|New|Zone|Area|City|and)"
              r"\b|&)")
# A site's name that is a zone ("Xinhe Economic Development Zone"): the area visited, a region.
# "Bonded Port Area", "Industrial Cluster District" (产业集聚区): an area or district named by its kind.
_AREA_KIND = r"(?:Bonded[ ]+Port|Port|Cluster|Agglomeration|Industrial|Bonded|Comprehensive[ ]+Bonded)"
_KIND_AREA = rf"{_AREA_KIND}[ ]+(?:Area|District)"
ZONE_NAME = re.compile(rf"^(?:[A-Z][\w'’-]*[ ]+){{0,3}}(?:(?:{_KIND_WORD}[ ]+)+Zone|{_KIND_AREA})$"
                       # "the Shanghai pilot free trade zone (FTZ)", "Qianhai special economic zone"
                       r"|^(?:[A-Z][\w'’-]*[ ]+){1,3}(?:(?:pilot|free|trade|special|economic|development|"
                       r"high-tech|bonded|industrial|demonstration|and)[ ]+)+zone(?:[ ]+\([A-Z]{2,6}\))?$")
# "China (Xishan) Pilot Free Trade Zone": a name word may be followed by its holder in brackets.
# "Qingling county", "Wyoming County": a place named by its county-level kind is a region, never a
# site, also where the gazetteer does not know it.
COUNTY_NAME = re.compile(r"^(?:[A-Z][\w'’-]*[ ]+){1,3}(?:[Cc]ounty|[Dd]istrict|[Pp]refecture)$")
_NAME_WORDS = (rf"(?:(?!{_KIND_WORD})[A-Z][a-z][\w'’-]*(?<!['’]s)[ ]+(?:\([A-Z][a-z]+\)[ ]+)?){{1,3}}?")
_POSSESSOR = r"(?:[A-Z][a-z]+['’]s[ ]+)?"  # "Vietnam's Lao Cai province": the name after it
# Not "Savanh Province Party Committee"; but "Savanh Province On April 5": a capitalised little word
_NOT_ORG = (r"\b(?![ ]+(?!(?:On|In|At|During|From|To|For|With|And|Last|This)\b)"
            r"(?:[A-Z]|[Pp]arty|[Gg]overnment|[Cc]ommittee|[Pp]eople))")
_EN_ZONE = re.compile(
    # "when investigating Xinhe Industrial Zone": the zone as what a visit verb's object
    rf"\b(?:in|to|visited|inspected|toured|visiting|inspecting|touring|investigat(?:ed|ing|ion)|surveyed|"
    rf"surveying"
    # "inspected the Customs Office of Xinhe Comprehensive Bonded Zone": a site of the zone, in it
    rf"|(?:Office|Center|Centre|Community|Station|Terminal|Park|Base|Port|Hospital|School|Village|"
    rf"[Pp]roject|[Ss]ite)[ ]+of)[ ]+(?:the[ ]+)?{_POSSESSOR}({_NAME_WORDS}"
    rf"(?:{_KIND_WORD}[ ]+)*(?:Zone|New[ ]+Area|Science[ ]+City|Technology[ ]+City|{_KIND_AREA}))"
    rf"{_NOT_ORG}"
    # "went to the Exhibition Center of High-Tech District": a city's own zone, by its kind alone
    rf"|\b(?:to|visited|inspected|(?:Office|Center|Centre|Station|Park|Base)[ ]+of)[ ]+(?:the[ ]+)?"
    rf"((?:Hi-[Tt]ech|High-[Tt]ech)[ ]+(?:Industrial[ ]+)?(?:Development[ ]+)?(?:Zone|District)){_NOT_ORG}")
# "... cooperative (Cao Loc district)": a district or city in brackets after a site.
_EN_DIVISION = re.compile(
    # "visited flood-hit Morigaon district": the place after a word of its plight
    rf"(?:\b(?:[Ii]n|to|visited|inspected|toured|of)[ ]+(?:the[ ]+)?{_POSSESSOR}"
    rf"(?:[a-z]+-(?:hit|stricken|affected)[ ]+)?|\((?:in[ ]+)?)"
    rf"({_NAME_WORDS}(?:[Pp]rovince|[Dd]istrict|City|city(?=\)))){_NOT_ORG}")
# "in Chau Doc and Tri Ton districts": two divisions sharing their kind word.
_EN_DIVISION_PAIR = re.compile(
    rf"\b(?:[Ii]n|to|visited|inspected|toured)[ ]+(?:the[ ]+)?({_NAME_WORDS})and[ ]+({_NAME_WORDS})"
    r"(?:districts|provinces|counties)\b")
# "the northern province of Quang Ninh", "the central city of Da Nang": the name after its kind;
# "his visit of drought-hit district of Tharparkar": the same after a visit, with or without "the".
_EN_OF_DIVISION = re.compile(
    r"\b(?:(?:in|to|visited|inspected|toured)[ ]+the[ ]+(?:[a-z]+(?:-[a-z]+)?[ ]+){1,2}"
    r"(?:province|city|state|prefecture|region)"
    r"|(?:visit|tour|trip)[ ]+(?:of|to)[ ]+(?:the[ ]+)?(?:[a-z]+(?:-[a-z]+)?[ ]+){0,2}"
    r"(?:province|state|prefecture|region|district))[ ]+of[ ]+([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})\b")
# "reviewed the works in Gajapati district. During his visit to the district, ...": the district
# a visit goes to by its kind alone is the one last named with that kind.
_EN_THE_KIND = re.compile(r"\b(?:visit|tour|trip)[ ]+(?:to|of)[ ]+the[ ]+"
                          r"(district|province|state|prefecture)\b(?![ ]+of\b)")
_NAMED_KIND = {kind: re.compile(rf"\b(?:[A-Z][a-z]+[ ]){{1,3}}(?i:{kind})\b")
               for kind in ("district", "province", "state", "prefecture")}


_THE_BEFORE = re.compile(r"\bthe[ ]+$")
_OF_NAME = re.compile(r"[ ]+of[ ]+((?:[A-Z][a-z]+[ ]){0,2}[A-Z][a-z]+)\b")


def named_areas(text: str, in_visit: Callable[[int], bool]) -> list[str]:
    out: list[str] = []
    for pattern, known_ok in ((_EN_ZONE, True), (_EN_DIVISION, False), (_EN_OF_DIVISION, False)):
        for m in pattern.finditer(text):
            group = 2 if pattern is _EN_ZONE and m.group(1) is None else 1
            name = m.group(group)
            named = _OF_NAME.match(text, m.end(group))
            if named and pattern is _EN_DIVISION:  # "the Mekong Delta province of Ca Mau"
                name = named.group(1)
            elif pattern is _EN_DIVISION and _THE_BEFORE.search(text, m.start(), m.start(group)):
                continue  # "a visit to the Red River Delta province": a description, not a name
            if (not known_ok and name.lower().endswith("city")
                    and not re.match(r"(?:in|to)[ ]+$|\(", m.group(0)[:3]) and not _abroad(text)):
                continue  # "inspected the Joy City", "the project of Sunshine City": a mall, an estate
            if TITLE_BEFORE.search(text, max(0, m.start(group) - 60), m.start(group)):
                continue  # "director of Wanbailin District": the place in a title
            if in_visit(m.start(group)) and name not in out and (known_ok or not gazetteer().find_en(name)):
                out.append(name)
    more = _named_by_kind(text, in_visit) + _resorts_among_counties(text, in_visit)
    out += [n for n in more if n not in out]
    for m in _EN_DIVISION_PAIR.finditer(text):
        for name in (m.group(1).strip(), m.group(2).strip()):
            if in_visit(m.start()) and name not in out and not gazetteer().find_en(name):
                out.append(name)
    return out


# "visited Yuelu District, Dawei Mountain Scenic Area and Kaifu District": a scenic area or tourist
# resort listed among county-level places is an area of that level gone to, not a site.
_RESORT = re.compile(r"(?:[A-Z][\w'’-]*[ ]){1,4}(?:Scenic[ ](?:Area|Zone)|(?:National[ ])?"
                     r"(?:Tourist|Tourism|Holiday)[ ]Resort|Resort[ ]Zone|(?:Tourist|Tourism)[ ]Zone)\b")
_COUNTY_KIND = r"(?:[A-Z][\w'’-]*[ ]){1,3}(?:District|County|New[ ]Area|Banner)"
_COUNTY_BEFORE = re.compile(rf"{_COUNTY_KIND}(?:,[ ]|[ ]and[ ])(?:the[ ])?$")
_COUNTY_AFTER = re.compile(rf"(?:,[ ]|[ ]and[ ])(?:the[ ])?{_COUNTY_KIND}")


def _resorts_among_counties(text: str, in_visit: Callable[[int], bool]) -> list[str]:
    """Scenic areas and tourist resorts listed beside a district or county the visit went to."""
    out = []
    for m in _RESORT.finditer(text):
        beside = _COUNTY_BEFORE.search(text, max(0, m.start() - 60), m.start()) or \
            _COUNTY_AFTER.match(text, m.end())
        if beside and in_visit(m.start()):
            out.append(m.group(0))
    return out


def _named_by_kind(text: str, in_visit: Callable[[int], bool]) -> list[str]:
    """The divisions a visit goes to by their kind alone ("his visit to the district"): each the one
    last named with that kind before, outside a title."""
    out = []
    for m in _EN_THE_KIND.finditer(text):
        named = list(_NAMED_KIND[m.group(1)].finditer(text, 0, m.start()))
        if not named or not in_visit(m.start()):
            continue
        last = named[-1]
        if not TITLE_BEFORE.search(text, max(0, last.start() - 60), last.start()) \
                and not gazetteer().find_en(last.group(0)):
            out.append(last.group(0))
    return out


_HOME = frozenset({"China", "Hong Kong", "Macao", "Macau", "Taiwan"})


def _abroad(text: str) -> bool:
    """Does the article name a country other than China (a city of the gazetteer's kind
    that the gazetteer does not hold is then one of that country)?"""
    return any(c in text for c in _countries())


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Countries by their English names (Babel's CLDR data), not continents ('Asia's largest')."""
    from babel import Locale  # loaded on the first unknown '... City', not with the module

    return frozenset(name for code, name in Locale("en").territories.items()
                     if code.isalpha() and len(name) > 3 and name not in _HOME)
