"""Openers that place a visit at a site: "At X, he ...", "In X, Y and Z, the premier ...";
not "In addition, ..." nor "In the afternoon, ..." nor a region ("In Huainan, ...")."""

from __future__ import annotations

import re

from crawler.visits.en.site_words import CONTAINER, SITE, SITE_END
from crawler.visits.en.stop_lists import LEAD_WORDS, split_list

DAY_PART = "morning|afternoon|evening|night|noon"
_OPENER = re.compile(r"(?:(?:^|(?<=[,.]\s))"
                     r"(?:(?:Then|Later|Next|Afterwards|Finally),?\s+(?:at|in)|At|In|Along|"
                     # "On the construction site of X, he ..."
                     r"On(?=\s+the\s+(?:[a-z-]+\s+){0,2}site\s+of\b))"
                     r"|(?<=;\s)(?:at|in))"
                     r"\s+(?:the\s+)?"
                     r"((?:[^,.;]|\.(?=[a-z]{2,4}\b)){3,130}?(?:,\s*[A-Z][^,.;]{2,90}?){0,4}?),\s+"
                     # "At X, which makes ..., the premier ...", "At X, the country's leading maker, Li ..."
                     r"(?:(?:which|who|where|the|a|an)\s[^,;.]{0,120}?,\s+|"
                     # "In X, after hearing reports on A, B and C, the mayor ..."
                     r"(?:after|while|having)\s[^;.]{0,200}?,\s+)?"
                     r"(?=(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}|[Hh]e|[Ss]he|[Tt]hey|[Tt]he [a-z]+|"
                     r"[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+)"
                     # the verb after the subject, not a place word ("In A, Qinghe village, Zhou said")
                     r"\s+(?:[a-z]+ly\s+)?(?!(?:village|community|town|township|county|district|city)\b)"
                     r"[a-z]+(?:ed|s)?\b)")


_NOT_PLACE = re.compile(rf"^(?:addition|recent|(?:the )?(?:{DAY_PART})\b|homes? of\b|"
                        # "In an effort to ..., X did": an aim, no place
                        r"(?:an?\s+)?(?:effort|attempt|bid|order|move|drive|push)\s+to\b|"
                        r"(?:[\w-]+\s+)?(?:symposium|meeting|forum|conference|seminar|ceremony|session|"
                        r"briefing|discussion)\b|"
                        r"(?:January|February|March|April|May|"
                        r"June|July|August|September|October|November|December)\b|\d)")


def opener_places(sentence: str, regions: set[str]) -> list[str]:
    """The sites of the sentence's openers ("At A, he ...; at B, he ..."); none when its first
    opener is a region or no place ("In Huainan, ...", "In addition, ...")."""
    out: list[str] = []
    for k, opener in enumerate(_OPENER.finditer(sentence)):
        if _BACK_REFERENCE.fullmatch(opener.group(1)):
            continue  # "At the Terminal, he ...": the site named before, by its kind
        place = _KIND_OF_PLACE.sub("", opener.group(1))  # "In the city of Ningbo, ..."
        others = _AND_OTHERS.match(sentence, opener.end(1))
        if others:  # "In A, B, C and other project sites, the team ...": the list goes on past "A,"
            place += others.group(1)
        regional = place in regions or bool(
            CONTAINER.search(place.title()) and any(place.startswith(r) for r in regions))
        if not _opener_place(place) or regional:
            if k == 0:
                return []
            continue
        out.extend(_opener_items(place))
    return out


_AND_OTHERS = re.compile(r"((?:,\s*[^,;.]{3,90}?)+?)\s+and\s+other\s+(?:[a-z-]+\s+){0,2}"
                         r"(?:sites|projects|enterprises|companies|places|units|villages),")
_SITE_WORD = re.compile(rf"\b(?:{SITE})\b", re.I)
_WEB_NAME = re.compile(r"[\w-]+\.(?:com|cn|net|org)")
_BACK_REFERENCE = re.compile(rf"(?:the\s+)?(?:{SITE})", re.I)
_KIND_OF_PLACE = re.compile(r"^(?:the\s+)?(?:city|county|district|province|prefecture)\s+of\s+")


def _opener_place(place: str) -> bool:
    """Is 'At/In X,' about a site (not 'In addition,' or 'In June 2022,')?"""
    if _WEB_NAME.fullmatch(place):
        return True  # "At 88job.com, the job service provider, ..."
    if _NOT_PLACE.match(place) or not re.search(r"\b[A-Z]", place):
        return False
    return bool(_SITE_WORD.search(place)) or len(place.split()) <= 5


def _opener_items(text: str) -> list[str]:
    """'At A, B Co., Ltd. and C' -> three; 'At X Village, Y Town of Z County' -> one."""
    items = split_list(text)
    sited = [i for i in items if SITE_END.search(i) and not CONTAINER.search(i)]
    if len(sited) >= 2:
        return sited
    if len(sited) == 1 and len(items) >= 2 and all(_DESCRIPTOR.fullmatch(i) for i in items if i not in sited):
        return sited  # "In the poet's hometown, Qinghe village, ...": the named site, not its description
    return [_IN_PLACE.sub("", LEAD_WORDS.sub("", text.strip()))]


# "At Tieshan Port in Guangxi's Beihai City, ...": the site; where it is goes to the regions.
_IN_PLACE = re.compile(r"(?<=[a-z])\s+in\s+(?:[A-Z][\w-]*['’]s\s+)?(?:[A-Z][\w'’-]*\s+){1,3}"
                       r"(?:City|County|District|Province|city|county|district|province)$")


# A site told by what it is, not by name: "the poet's hometown", "the old market area".
_DESCRIPTOR = re.compile(r"(?:(?:the|a|an)\s+)?(?:[\w-]+['’]s\s+)?[a-z][a-z\s-]*")
