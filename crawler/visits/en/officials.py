"""Officials in English text: "Name, Title," and "Title Name" mentions.

Machine translations write pinyin names ("Liu Qiang"), sometimes in odd
case ("Zhou jianguo"), and Vietnamese or Western names turn up too, so a
name is one to four name-like words next to a title word. Company people
("deputy general manager of X Construction") are not officials.
"""

from __future__ import annotations

import re
from dataclasses import replace

from core.gazetteer import gazetteer
from crawler.visits.en.frame_lists import frame_people
from crawler.visits.en.honorifics import honorific_mentions
from crawler.visits.en.hosts import company_title
from crawler.visits.en.name_lists import bare_lists, clause_names, shared_title, subject_list
from crawler.visits.en.name_words import _NOT_NAME, _TITLE_WORDS
from crawler.visits.en.names import is_pinyin_name, is_pinyin_word, join_split_given, pinyin_surnames
from crawler.visits.en.title_first import COMPANY, title_then_name
from crawler.visits.officials import Mention, drop_overlaps

__all__ = ["REPORT_OF", "en_mentions", "pinyin_surnames", "subject_list", "subject_names"]

# "the Chinese Ambassador in X", "Vietnamese Minister of ...": a nationality before the title word.
_TITLE_START = re.compile(r"^(?:the\s+)?(?:(?-i:[A-Z][a-z]+(?:ese|an|ian))\s+)?" + _TITLE_WORDS + r"\b", re.I)
_NAME_WORD = r"[A-Z][a-zA-Zü]*(?:['’-][A-Za-z]+)?"
# a lower-case given name before a comma ("Zhou jianhua,"), not "and,"; particles inside a name
# ("Khalid bin Saeed Al-Harbi")
_NAME = (rf"{_NAME_WORD}(?:[ ]+(?:{_NAME_WORD}|(?:bin|binti|ibn|al|el)(?=[ ]+[A-Z])|"
         rf"(?!and\b|or\b)[a-z]{{2,10}}(?=,))){{0,3}}")
# "Name, Title", "Name (2nd L), Title", "Name (Title)", "Name, Zhonglou District Secretary".
_CAPTION = (r"(?:[ ]*\((?:(?:\d\w*[ ]+)?(?:[LRC]|left|right|front|centre|center|middle)|"
            r"[\u4e00-\u9fff·]{2,6})\))?")
_NAME_TITLE = re.compile(
    rf"(?<![\w'’])({_NAME}){_CAPTION}(?:[ ]*,[ ]*|[ ]*(\()[ ]*|"
    rf"[ ]+(?=the[ ]+(?:deputy|vice|head|director|secretary|mayor))|"
    # "Xiang Lili- Secretary of ...", "Wu Hai Director-General of ..." (no comma)
    rf"[ ]*[-–—][ ]+|[ ]+(?=(?:Deputy[ ]+|Vice[ ]+)?(?:Director|Secretary|Chairman|Mayor|Governor|Head|"
    rf"President)(?:-[Gg]eneral)?[ ]+of\b))"
    rf"(?=(?i:(?:who\s+is\s+(?:also\s+)?)?(?:the\s+|an?\s+|its\s+|both\s+)?(?:newly\s+(?:appointed|elected)\s+)?(?:(?:the\s+)?(?:city|county|province|district|town)['’]s\s+)?(?:(?-i:[A-Z][\w'’]+|party|committee|municipal|provincial|county|district|city|"
    rf"managing|first|former|permanent|leading|[a-z]+-level)"
    rf"[ ]+){{0,4}}{_TITLE_WORDS})\b)")
# "vice mayor Li Xiao dong": a given name's second syllable split off in lower case.
_SPLIT_SYLLABLE = (r"(?!(?:and|or|to|the|of|in|at|on|as|he|she|also|was|were|is|are|has|had)\b)"
                   r"[a-z]{2,12}(?=[ ,.;])")
# The fourth syllable of a Vietnamese name ("Le Thi Minh Hoa paid"): short, then a verb or a stop.
_VIET_LAST = r"[A-Z][a-z]{1,4}(?=[ ]+[a-z]+\b|[,.])"
_PORTFOLIO = r"(?:[ ]*\([a-z][a-z ]{1,20}\))?"
_TITLE_NAME = re.compile(
    rf"\b((?:(?:Acting|Vice|Deputy|Executive|Municipal|Provincial|Party|City|County|District|Standing|"
    rf"General|Executive|the|section|deputy|vice|party|executive)(?:\s+|-))*"
    rf"(?:(?:Secretary|Director|secretary|director)[- ][Gg]eneral|[Cc]ommittee member|vice chairman|"
    rf"Chief Executive|Chief Officers?|"
    # ranks of the civil service: "Inspector Wu Hai", "district three-level researcher Liu Jian"
    rf"(?:[\w]+-level[ ]+)?(?:[Ii]nspector|researcher|investigator)|"
    rf"(?:Politburo|Council|Assembly)[ ][Mm]ember|Assemblymember|"
    rf"(?:[Cc]ounty|[Dd]istrict|[Cc]ity|[Tt]ownship|[Tt]own|[Pp]refecture)[ ]+"
    rf"(?:[Hh]ead|Executive|Manager|Chief)|"
    rf"Mayor|Governor|Gov\.|Secretary|Director|Chairman|Chairwoman|Chairperson|Administrator|Collector|Aldermen|Alderman|Commissioner|"
    # offices told by their short form in South Asian reports, and military ranks ("Lt. Gen. A B")
    rf"DC|SP|SSP|ASP|DGP|IGP|DIG|SDM|ADC|MLA|MLC|MNA|MPA|(?:Lt\.?[ ]+)?Gen\.|(?:Lieutenant|Major)[ ]+General|"
    rf"(?:Senior[ ]+)?Colonel|"
    rf"President|Premier|Magistrate|Procurator|Prosecutor|Councillor|Councilor|chief|director|mayor|secretary|governor|"
    rf"[Mm]ayors|[Ss]ecretaries|[Dd]irectors|[Cc]hairmen|[Gg]overnors|[Ll]eaders?|[Oo]fficials|Magistrates|magistrate|premier|president|"
    rf"(?:Prime )?Ministers?|minister|Ambassador|Councilmembers?|Councilman|Councilwoman|Senator|MPs?|"
    rf"Congressman|Congresswoman|Representative|Corporator|"
    rf"chairman|commissioner))(?:[ ]+(?:including|such as))?"
    rf"(?:[ ]*[-–—][ ]+|[ ?]+)((?:[A-Z]\.[ ]?){{1,2}}[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+)?(?![\w'’])|"
    rf"{_NAME_WORD}(?:[ ]+[A-Z]\.(?=[ ]+[A-Z][a-z]))?(?:[ ]+{_NAME_WORD}){{0,2}}"
    rf"(?:[ ]+{_VIET_LAST})?"
    rf"(?:[ ]+{_SPLIT_SYLLABLE})?)"
    rf"(?![\w'’])"
    # "Chief Officers A (water) and B (roads)": a portfolio in brackets after each name
    rf"((?:{_PORTFOLIO}[ ]*(?:,[ ]*(?:and[ ]+)?|and[ ]+){_NAME_WORD}(?:[ ]+{_NAME_WORD}){{1,2}}(?![\w'’]))*)"
)
_SITE_AFTER = re.compile(r"[ ]+(?:Factory|factory|Co\b|Company|company|Group|Corporation|Technology|"
                         r"Industr\w+|Machinery|Plant|plant|Electronics|Materials)\b")
_GOVERNMENT_PREFIX = frozenset({
    "Vice", "Deputy", "Executive", "Acting", "Chinese", "Provincial", "Municipal", "City", "County",
    "District", "Party", "State", "National", "the", "The", "Honorary", "Former", "General"})
_TITLE_END = re.compile(
    r"[;.]|,\s*(?=and\s+[A-Z])|,\s*(?![^,]{0,6}?\b(?:" + _TITLE_WORDS[3:-1] + r")\b)", re.I)


def _clean_name(raw: str, keep_surname: bool = False) -> str | None:
    words = raw.replace("?", " ").split()
    surnames = pinyin_surnames()
    while words and (words[0] in _NOT_NAME or words[0].lower() in ("and", "comrades", "comrade")
                     or _TITLE_START.match(words[0].split("-")[0])):
        if keep_surname and words[0] in surnames and len(words) > 1:
            break
        words = words[1:]
    joined = " ".join(words)
    if (keep_surname and words and words[-1][:1].islower() and join_split_given(joined) == joined
            and not (len(words) == 2 and _lower_given(words[1]))):
        words = words[:-1]
    if keep_surname:
        cut = next((i for i, w in enumerate(words) if i and (w in _NOT_NAME or w.endswith(("'s", "’s")))),
                   len(words))
        words = words[:cut]
    if not words or any((w in _NOT_NAME and not (i == 0 and keep_surname and w in surnames))
                        or w.endswith(("'s", "’s")) for i, w in enumerate(words)):
        return None
    if any(not w[:1].isupper() and w not in _PARTICLES for w in words[:-1]):
        return None
    if not words[0][:1].isupper() or len(words) > 4:
        return None
    if words[-1][:1].islower() and not is_pinyin_word(words[-1]):
        return None  # "As usual, the leader ...": a lower-case word ends no name unless it is pinyin
    return join_split_given(" ".join(words))


_PARTICLES = frozenset({"bin", "binti", "ibn", "al", "el"})
# English words that also split into pinyin syllables ("change" = chang-e).
_ENGLISH_PINYIN = frozenset({"change", "longer", "manage", "shaping", "sharing", "hanger", "banner"})


def _lower_given(word: str) -> bool:
    """'jianguo' in 'Mayor Zhou jianguo': a given name of two syllables or more in lower case."""
    return len(word) >= 5 and is_pinyin_word(word) and word not in _ENGLISH_PINYIN


_CLAUSE_VERB = re.compile(r"\b(?:inspected|visited|toured|went|came|investigated|surveyed|stressed|said|"
                          r"took|led|made|paid|conducted|carried)\b")


def _title_after(text: str, pos: int, bracketed: bool = False) -> str:
    """The title phrase that starts at ``pos`` (up to the comma that closes it)."""
    end = _TITLE_END.search(text, pos)
    stop = end.start() if end else min(len(text), pos + 160)
    title = text[pos:min(stop, pos + 160)]
    if bracketed and ")" in title:
        title = title[:title.index(")")]
    return title.strip(" ,")


def _company_host(text: str, title: str) -> bool:
    """'Dajin President Nie Yingwu' where the text also names 'the Dajin factory'."""
    words = title.split()
    if len(words) < 2 or words[-1].lower() not in ("president", "chairman", "director"):
        return False
    org = words[-2]
    if org in _GOVERNMENT_PREFIX or not org[:1].isupper():
        return False
    pos = text.find(org)
    while pos >= 0:
        boundary = pos == 0 or not text[pos - 1].isalnum()
        if boundary and _SITE_AFTER.match(text, pos + len(org)):
            return True
        pos = text.find(org, pos + 1)
    return False


_WHO_IS = re.compile(r"^who\s+is\s+(?:also\s+)?", re.I)
# "under the leadership of A, title, a delegation went": A leads the party, no body's name ends there
_OF_BEFORE = re.compile(r"(?<!\bleadership )\b(?:of|for|in|at|from|near)\s+(?:the\s+)?$")
_DASHED = re.compile(r"[ ]*[-–—][ ]+")


def _name_titles(text: str) -> list[Mention]:
    """'Name, Title', 'Name (2nd L), Title', 'Name (Title)'."""
    out: list[Mention] = []
    for m in _NAME_TITLE.finditer(text):
        raw = m.group(1)
        name = _clean_name(raw)
        if (not name or _place_word(name) or _PLACE_TAIL.search(name)
                or (" " not in name != raw and name not in pinyin_surnames())):
            continue  # "... in charge of Public Health, the Member ...": a word left of a phrase
        if _OF_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1)):
            continue  # "... Party of Norland, vice-chairman of ...": the end of a body's name
        if " " not in name and _DASHED.match(text, m.end(1)):
            continue  # "ELYRIA, Ohio – President A": a dateline's place before the dash
        if {"General", "Manager"} & set(name.split()):
            continue  # "General Manager Jiang, Secretary A and his delegation": a title, then the next one
        words = name.split()
        if len(words) == 3 and _place_word(words[0]) and is_pinyin_name(" ".join(words[1:])):
            name = " ".join(words[1:])  # "Party secretary of Yulin Jin Xiangjun, mayor ...": the place
        start = m.start(1) + raw.rfind(name.split()[0]) if name.split()[0] in raw else m.start(1)
        title = _WHO_IS.sub("", _title_after(text, m.end(), bracketed=bool(m.group(2))))
        title = re.split(r"\s+and\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+\s*,)", title)[0]
        verb = _CLAUSE_VERB.search(title)
        if verb:  # "B, Vice Chairman of X inspected the...": the title ends at the verb
            title = title[:verb.start()].strip()
            last = title.split()[-2:]
            if is_pinyin_name(" ".join(last)) or (len(last) == 2 and last[1] in pinyin_surnames()):
                continue  # "accompanied by A and B, Mayor C inspected...": C's clause, not B's title
        if COMPANY.search(title) or not title or company_title(text, title):
            continue
        out.append(Mention(name, title, start, start + len(name), m.end()))
    return out


# "At Qinghe port, Comrade A ...": a place with its kind in lower case, no person's name.
_PLACE_TAIL = re.compile(r"[ ](?:port|village|town|county|district|city|park|road|street|station)$")


def _place_word(name: str) -> bool:
    """A one-word 'name' that is a region ("Zhaotong, Premier Li ...")."""
    if " " in name:
        return False
    return any(e - b == len(name) for b, e, _ in gazetteer().find_en(name))


def _needs_pinyin(text: str, pos: int, title: str) -> bool:
    """Title-case headlines and 'leaders' lists: only a pinyin name is a name there."""
    if title.startswith(("leader", "Leaders")):  # not "Majority Leader Chuck Schumer"
        return not _NATION_BEFORE.search(text, max(0, pos - 30), pos)  # but "North Korean leader A"
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = re.findall(r"[A-Za-z]{4,}", line)
    if len(line) > 150 or line.endswith((".", "。")) or len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# A nationality before a title ("North Korean leader", "the Chinese leader"): a state's leader,
# whatever the language of the name after it.
_NATION_BEFORE = re.compile(r"\b[A-Z][a-z]+(?:an|ese|ish)\s+$")


def _surname_only(title: str, name: str, text: str, end: int) -> str | None:
    """'Mayor Zu', 'Premier Li', 'county magistrate Ma': a title and a surname alone."""
    if len(name.split()) != 1 or len(name) < 2 or name not in pinyin_surnames():
        return None  # "Managing Director A.B. Khare": an initial is no surname
    if re.match(r"[ ]+[A-Z]", text[end:end + 2]) or name in _NOT_NAME:
        return None
    return f"{title.split()[-1]} {name}"


def _title_names(text: str) -> list[Mention]:
    """'Mayor Huang Qiu', 'Vice Mayors A and B', 'Premier Li'."""
    out: list[Mention] = []
    pos = 0
    while (m := _TITLE_NAME.search(text, pos)) is not None:
        pos = m.end()
        title = m.group(1)
        org = _ORG_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1))
        held = (org.group(0) if org else "") + title
        kind = text[max(0, m.start(1) - 20):m.start(1)].split()[-1:]  # "senior hospital officials"
        if _company_host(text, held) or COMPANY.search(held) or (kind and COMPANY.fullmatch(kind[0])):
            continue
        more = [(m.start(3) + x.start(1), x.group(1)) for x in re.finditer(
            rf"(?:,|and)\s*(?:and\s+)?({_NAME_WORD}(?:[ ]+{_NAME_WORD}){{1,2}})", m.group(3))]
        for at, raw in [(m.start(2), m.group(2))] + more:
            if at != m.start(2) and _KIND_AFTER.match(text, at + len(raw)):
                break  # "MPs A and B, West Godavari district Collector C": a place opens the next title
            tail = raw.split()[-1]
            if tail[:1].islower() and not is_pinyin_word(tail):  # "Du Jiahao's inspection"
                raw = raw[:raw.rfind(" ")]
            if raw.endswith(("'s", "’s")) and (_VISIT_OF.match(text, at + len(raw))
                                              or REPORT_OF.match(text, at + len(raw))):
                raw = raw[:-2]  # "Governor Wang Hua's inspection tour"
            name = _clean_name(raw, keep_surname=True)
            titled = (raw.split()[0] in _GOVERNMENT_PREFIX or any(_TITLE_START.match(w) for w in raw.split())
                      or (at != m.start(2) and any(_SHORT_TITLE.fullmatch(w) for w in raw.split())))
            if at != m.start(2) and titled:
                name = None  # "Mayor A and Vice Mayor B": B has a title of its own
            if name and not (_needs_pinyin(text, m.start(), title) and not is_pinyin_name(name)):
                mention = _title_mention(text, title, name, at + raw.find(name.split()[0]), m.start(1))
                if mention:
                    out.append(mention)
                    continue
            if at != m.start(2) or titled:
                pos = at  # "..., Yueyang Mayor Liu Hesheng", "officials including Party chief A": a new
                break     # title starts in the list
    return out


_SHORT_TITLE = re.compile(r"[A-Z]{2,5}s?")  # "MLA A, MPs B and C, Leparada DC D": each short form a title
_KIND_AFTER = re.compile(r"\s+(?:district|county|city|province|state|prefecture|municipal)\b")
_VISIT_OF = re.compile(r"[ ]+(?:[a-z-]+[ ]+){0,2}(?:inspection|visit|tour|trip|research|investigation|"
                       r"survey)\b")
# "the township secretary Li Ming's report": the official who briefs the party (he takes part).
REPORT_OF = re.compile(r"[ ]+(?:work[ ]+)?(?:report|briefing|introduction|explanation)\b")
_ORG_BEFORE = re.compile(r"(?:[A-Z][\w'’]*[ ]+){1,3}$")


_BODY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’&.-]*[ ]?){1,6})")


def _title_mention(text: str, title: str, name: str, start: int, title_start: int) -> Mention | None:
    """The mention of a name found after its title (None for a possessive or a bare word)."""
    end = start + len(name)
    told = _VISIT_OF.match(text, end + 2) or REPORT_OF.match(text, end + 2)
    if text[end:end + 2] in ("'s", "’s") and not told:
        return None  # "Mayor Li's office"; but "Governor Wang Hua's inspection tour took him to"
    body = _BODY_AFTER.match(text, end)
    if body and COMPANY.search(body.group(1)):
        return None  # "President Zhang Wei of Xinyang Normal University"
    if len(name.split()) > 1:
        return Mention(name, title.strip(), start, end, title_start)
    short = _surname_only(title, name, text, end)
    return Mention(short, title.strip(), start, end, title_start) if short else None


_UNIT_END = re.compile(r"[ ](?:Squad|Brigade|Team|Street|Road|Avenue|Flyover|Overpass|Bridge|Station|"
                       r"Center|Centre|Office|Village|Community|Town|Township|Province|Hospital|School|"
                       r"Park|Zone|Project|Site|Plant|Area|Region|Committee|Commission|Bureau|Congress)$")


def en_mentions(text: str) -> list[Mention]:
    """Every official named with a title, in text order."""
    out = _name_titles(text) + _title_names(text) + title_then_name(text)
    out += shared_title(text, out) + bare_lists(text)
    out += [m for m in clause_names(text) if not any(o.start < m.end and m.start < o.end for o in out)]
    out += [m for m in frame_people(text) if not any(o.start < m.end and m.start < o.end for o in out)
            and not _company_host(text, m.title)]
    out = [m for m in out if not m.name.isupper()]  # "LAHORE - Minister ...": a dateline's place
    out = [m for m in out if not _UNIT_END.search(m.name)]  # a unit or a structure is no person
    honored = honorific_mentions(text)  # "the Health Minister, Mr. Kofi Mensah Boateng"
    out = [o for o in out if not any(o.start < m.end and m.start < o.end for m in honored)] + honored
    out = [m for m in out if not company_title(text, m.title)]  # "A, President of X" when X is visited
    out = [m for m in out if not _site_titled_elsewhere(text, m.name)]
    full = {m.name.split()[0] for m in out if not _is_short(m)}
    out = [m for m in out if not (_is_short(m) and m.name.split()[-1] in full)]
    out.sort(key=lambda x: x.start)
    return _one_spelling(drop_overlaps(out), text)


def _site_titled_elsewhere(text: str, name: str) -> bool:
    """Is the name given elsewhere with a title held at a company or site ("A, secretary of the X
    Village Party Branch, gave a talk" and later "Secretary A")? He is a host wherever he stands."""
    for m in re.finditer(re.escape(name) + r"\s*,\s*([^.;,\n]{3,200})", text):
        said = _DESCRIBED_UNTIL.split(m.group(1), maxsplit=1)[0]
        words = said.split()
        if (_LIST_JOINT.match(said) or is_pinyin_name(" ".join(words[:2]))
                or is_pinyin_name(" ".join(words[:3]))):
            continue  # "A, B company", "A, as well as chairman of X": another item listed, not A's title
        if COMPANY.search(said):
            return True
    return False


_LIST_JOINT = re.compile(r"(?:and|or|as well as|together with|along with|with|accompan\w*)\b")
# Where a description after "Name," ends: its clause's verb.
_DESCRIBED_UNTIL = re.compile(r"\b(?:[a-z]{3,}ed|brought|went|came|made|gave|took|led|met|said|saw|is|was|"
                              r"were|has|had|accompan\w*|survey|visit|inspect|come|go)\b|"
                              # "A, Governor of X District and other responsible persons": the list goes on
                              r"\s+and\s+(?:other|others|relevant)\b")


def _one_spelling(mentions: list[Mention], text: str) -> list[Mention]:
    """A name written again in odd case ('Chen long' after 'Chen Long', 'shao Xudong' after 'Shao
    Xudong') is the same person: every mention takes the spelling whose words are all capitalised."""
    proper = {m.name.lower(): m.name for m in mentions if all(w[:1].isupper() for w in m.name.split())}
    out = []
    for m in mentions:
        name = proper.get(m.name.lower(), m.name)
        surname = _LOWER_SURNAME.search(text, 0, m.start) if " " not in m.name else None
        if surname and f"{surname.group(1)} {m.name}".lower() in proper:  # "On May 3, shao Xudong, ..."
            name = proper[f"{surname.group(1)} {m.name}".lower()]
            m = replace(m, start=surname.start(1))
        out.append(replace(m, name=name))
    return out


_LOWER_SURNAME = re.compile(r"\b([a-z]{1,6})[ ]$")


def _is_short(mention: Mention) -> bool:
    """A title and a surname alone ('Mayor Zu'): its name starts with the title's last word."""
    return mention.name.split()[0] == (mention.title.split() or [""])[-1]


# Also "A and his party came to", "A investigated", and a headline's "A's inspection tour of X".
_SUBJECT_VERB = re.compile(
    r"\b((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){1,2})(?:\s+and\s+(?:his|her)\s+(?:party|entourage|delegation))?"
    r"\s+(?:points out|pointed out|emphasizes|emphasized|emphasised|stresses|stressed|inspected|inspects|"
    r"visited|visits|asks|asked|said|says|went|came|investigated|surveyed|toured)\b|"
    r"\b((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){1,2})['’]s\s+(?:[a-z-]+\s+)?(?:inspection|visit|tour|trip)\b"
)


def subject_names(text: str) -> list[tuple[str, int]]:
    """Pinyin-looking names that are subjects of 'points out', 'inspected'...; with counts."""
    counts: dict[str, int] = {}
    surnames = pinyin_surnames()
    for m in _SUBJECT_VERB.finditer(text):
        words = (m.group(1) or m.group(2)).split()
        while words and words[0] not in surnames:
            words = words[1:]
        if len(words) >= 2 and not any(w in _NOT_NAME for w in words):
            name = " ".join(words[:3])
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])
