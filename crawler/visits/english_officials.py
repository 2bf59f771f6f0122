"""Officials in English text: "Name, Title," and "Title Name" mentions.

Machine translations write pinyin names ("Liu Qiang"), sometimes in odd
case ("Zhou jianguo"), and Vietnamese or Western names turn up too, so a
name is one to four name-like words next to a title word. Company people
("deputy general manager of X Construction") are not officials.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from crawler.visits.officials import SURNAMES, Mention, drop_overlaps

_TITLE_WORDS = (
    r"(?:secretary(?:-general)?|mayor|governor|director(?:-general)?|chairman|chairwoman|chairperson|"
    r"head|member|members|deputy|vice|minister|chief|administrator|aldermen|alderman|president|"
    r"commissioner|inspector|leader|party chief|party secretary|councillor|councilor|premier|"
    r"magistrate|executive|acting|standing|comrades?|section chief|counsel|officer|general secretary)"
)
_TITLE_START = re.compile(r"^(?:the\s+)?" + _TITLE_WORDS + r"\b", re.I)
_NOT_NAME = frozenset(
    [
        "On", "In", "At", "The", "During", "From", "To", "And", "Of", "For", "With", "By", "After",
        "Before", "Since", "While", "When", "This", "That", "These", "Those", "He", "She", "They",
        "It", "His", "Her", "Their", "We", "Our", "Mr", "Mrs", "Ms", "Dr", "Comrade", "Comrades",
        "City", "County", "District", "Province", "Municipal", "Provincial", "Committee", "Party",
        "CPC", "Communist", "Group", "Co", "Ltd", "Company", "Government", "People's", "Congress",
        "Standing", "Also", "Then", "Meanwhile", "However", "According", "Upon", "Only", "Secretary",
        "Mayor", "Governor", "Director", "Chairman", "Head", "Member", "Deputy", "Vice", "Chief",
        "Leaders", "Leader", "Report", "Open", "Home", "News", "China", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Xinhua", "Reuters", "Photo", "Bureau", "Science", "Technology", "Department", "Office",
        "Association", "Federation", "Commission", "Council", "Administration", "Zone", "Park",
        "Economic", "Development", "Industrial", "National", "Central", "Affairs", "Work",
        "Organization", "Security", "Public", "Recently", "Yesterday", "Today", "Earlier", "Later",
        "Festival", "Spring", "Autumn", "Summer", "Winter", "New", "Year", "Day", "Holiday", "Team"
    ]
)
_NAME_WORD = r"[A-Z][a-zA-Z]*(?:['’-][A-Za-z]+)?"
_NAME = rf"{_NAME_WORD}(?:[ ]+(?:{_NAME_WORD}|[a-z]{{2,10}}(?=,))){{0,3}}"
_NAME_TITLE = re.compile(
    rf"(?<![\w'’])({_NAME})(?:[ ]*,[ ]*|[ ]+(?=the[ ]+(?:deputy|vice|head|director|secretary|mayor)))"
    rf"(?=(?i:(?:the\s+)?{_TITLE_WORDS})\b)")
_TITLE_NAME = re.compile(
    rf"\b((?:(?:Acting|Vice|Deputy|Executive|Municipal|Provincial|Party|City|County|District|Standing|"
    rf"General|Executive|the|section|deputy|vice|party|executive)\s+)*"
    rf"(?:Mayor|Governor|Secretary|Director|Chairman|Administrator|Aldermen|Alderman|Commissioner|"
    rf"President|Premier|Magistrate|Councillor|Councilor|chief|director|mayor|secretary|governor|"
    rf"Mayors|Secretaries|Directors|Chairmen|[Ll]eaders?|Magistrates))"
    rf"[ ?]+({_NAME_WORD}(?:[ ]+{_NAME_WORD}){{1,2}})(?![\w'’])"
    rf"((?:[ ]*(?:,[ ]*(?:and[ ]+)?|and[ ]+){_NAME_WORD}(?:[ ]+{_NAME_WORD}){{1,2}}(?![\w'’]))*)"
)
_COMPANY = re.compile(
    r"\b(?:manager|general manager|ceo|responsible person|person in charge|chairman of the company|"
    r"co\.|ltd|company|group|construction|corporation|enterprise|factory|board of directors|"
    r"university|school|hospital|president of)\b", re.I)
_TITLE_END = re.compile(
    r"[;.]|,\s*(?=and\s+[A-Z])|,\s*(?![^,]{0,6}?\b(?:" + _TITLE_WORDS[3:-1] + r")\b)", re.I)


@lru_cache(maxsize=1)
def pinyin_surnames() -> frozenset[str]:
    """Surnames as they are romanised: Liu, Wang, Zhang, Ouyang..."""
    return frozenset(lazy_pinyin(c)[0].capitalize() for c in SURNAMES)


def _clean_name(raw: str, keep_surname: bool = False) -> str | None:
    words = raw.replace("?", " ").split()
    surnames = pinyin_surnames()
    while words and (words[0] in _NOT_NAME or words[0].lower() in ("and", "comrades", "comrade")):
        if keep_surname and words[0] in surnames and len(words) > 1:
            break
        words = words[1:]
    if not words or any((w in _NOT_NAME and not (i == 0 and keep_surname and w in surnames))
                        or w.endswith(("'s", "’s")) for i, w in enumerate(words)):
        return None
    if any(not w[:1].isupper() for w in words[:-1]):
        return None
    if not words[0][:1].isupper() or len(words) > 4:
        return None
    return " ".join(words)


def _title_after(text: str, pos: int) -> str:
    """The title phrase that starts at ``pos`` (up to the comma that closes it)."""
    end = _TITLE_END.search(text, pos)
    stop = end.start() if end else min(len(text), pos + 160)
    return text[pos:min(stop, pos + 160)].strip(" ,")


def en_mentions(text: str) -> list[Mention]:
    """Every official named with a title, in text order."""
    out: list[Mention] = []
    for m in _NAME_TITLE.finditer(text):
        raw = m.group(1)
        name = _clean_name(raw)
        if not name:
            continue
        start = m.start(1) + raw.rfind(name.split()[0]) if name.split()[0] in raw else m.start(1)
        title = _title_after(text, m.end())
        title = re.split(r"\s+and\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+\s*,)", title)[0]
        if _COMPANY.search(title):
            continue
        out.append(Mention(name, title, start, start + len(name), m.end()))
    for m in _TITLE_NAME.finditer(text):
        title = m.group(1)
        more = re.findall(rf"(?:,|and)\s*(?:and\s+)?({_NAME_WORD}(?:[ ]+{_NAME_WORD}){{1,2}})", m.group(3))
        for raw in [m.group(2)] + more:
            name = _clean_name(raw, keep_surname=True)
            if not name:
                continue
            after = text[m.end(2):m.end(2) + 2] if raw == m.group(2) else ""
            if after.startswith(("'s", "’s")):
                continue
            start = text.find(raw, m.start(2))
            out.append(Mention(name, title.strip(), start, start + len(raw), m.start(1)))
    out.sort(key=lambda x: x.start)
    return drop_overlaps(out)


_SUBJECT_VERB = re.compile(
    r"\b((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){1,2})\s+(?:points out|pointed out|emphasizes|emphasized|"
    r"emphasised|stresses|stressed|inspected|inspects|visited|visits|asks|asked|said|says|went|came)\b"
)


def subject_names(text: str) -> list[tuple[str, int]]:
    """Pinyin-looking names that are subjects of 'points out', 'inspected'...; with counts."""
    counts: dict[str, int] = {}
    surnames = pinyin_surnames()
    for m in _SUBJECT_VERB.finditer(text):
        words = m.group(1).split()
        while words and words[0] not in surnames:
            words = words[1:]
        if len(words) >= 2 and not any(w in _NOT_NAME for w in words):
            name = " ".join(words[:3])
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])
