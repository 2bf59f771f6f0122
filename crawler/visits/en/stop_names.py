"""The names found for an English article's stops, cleaned: a headline or a post is no site, nor a name
that lists two sites found apart, a part of a site named with its owner, a quoted campaign, a time of day
or a festival; one site described twice is kept once."""

from __future__ import annotations

import re

from core.gazetteer import gazetteer
from crawler.visits.en.openers import DAY_PART
from crawler.visits.en.site_words import restore


def clean_names(names: list[str], text: str, regions: set[str], title_spans: list[str],
                leads: tuple[str, ...]) -> list[str]:
    """``names`` as found in the article's sentences (``text`` joined); what is left are its stops."""
    # "Mayor Zhou Hua Inspects X Co.": a caption naming the lead, not a site
    names = [n for n in names if not any(lead in n for lead in leads) and not _NO_SITE_NAME.search(n)]
    names = [n for n in names if not _two_listed(n, names) and not _all_places(n)]
    names = [n for n in names if not _part_of(n, names, text)]
    names = [n for n in names if not _other_name(n, names, text)]
    unquoted = _QUOTED.sub(" ", text)  # 'the implementation of the "X Development Project"': a campaign
    quotes = [q.group(0) for q in _QUOTED.finditer(text)]
    names = [n for n in names if n in unquoted or not any(n in q for q in quotes)]
    names = [restore(n) for n in names if not any(n in t for t in title_spans) and n not in regions]
    names = [_SUCH_AS.sub("", n) for n in names if not _TIME_OF_DAY.match(n) and not _EVENT.search(n)]
    return _same_described(names)


_QUOTED = re.compile(r"[\"“][^\"“”]{3,200}[\"”]")

# Names that are no site: a headline naming the lead by title and surname ("Secretary Zhou Visited
# Hengda Project") or with a visit verb ("Provincial Official Inspects Construction of X Project",
# "MPs inspect Port"); the village a person is paired with ("Minister Zhou's Village"); a post
# ("GM of Hengda Group"); an office ("Khyber Pakhtunkhwa Minister for Food"); a body of officials
# ("the Xishan Survey Research Group", "a Township Liaison Group").
_NO_SITE_NAME = re.compile(
    r"^(?:Secretary|Mayor|Governor|Director|Chairman|Premier|President)\s+[A-Z][a-z]+\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:Visit|Inspect|Investigat|Research|Survey|Went|Came)\w*\b"
    r"|\b(?:Inspects?|Inspected|Visits|Visited|Investigates|Investigated|Surveys|Surveyed|Tours|Toured|"
    r"Examines?|Examined)\b"
    r"|^[A-Z]\w*\s+(?:inspects?|visits?|tours?|examines?)\s+[A-Z]"
    # a headline's verb before what it does to a project ("...: Advances Project Construction")
    r"|^(?:Advances|Promotes|Pushes|Boosts|Accelerates|Speeds|Urges|Stresses|Calls|Vows|Pledges)\b"
    r"|^(?:Secretary|Mayor|Governor|Director|Chairman|Premier|President|Minister)\s+[A-Z][a-z]+['’]s\s+"
    r"[Vv]illage\b"
    r"|^(?:GM|CEO|CFO|President|Chairman|Director|Head)\s+of\b|^Chief\s+[A-Z]\w+\s+Officer\b"
    # "President Lu Hai and Vice-President Chen Bo of Xinhe Port Group": people, then their firm
    r"|^(?:Vice-?\s?)?(?:President|Chairman|Director|Manager|General Manager)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b"
    r"|\b(?:Minister|Secretary|Governor|Mayor)\s+(?:for|of)\b"
    r"|\b(?:Research|Liaison|Working|Work|Leading|Inspection|Steering|Survey|Study|Supervision|"
    r"Investigation|Coordination|Task) Group$")
# "In the morning of February 11th, ...", "In the afternoon he went to ...": a time, not a place.
_TIME_OF_DAY = re.compile(rf"(?:the\s+)?(?:(?i:{DAY_PART})\s+of\b|(?:{DAY_PART})\b)")
# "the Spring Festival", "the Belt and Road": a festival or an initiative, no site.
_EVENT = re.compile(r"\b(?:Festival|Holiday|New Year)$|^(?:the\s+)?Belt and Road$")
# "projects in Hequ such as the profession education center": the site is what follows.
_SUCH_AS = re.compile(r"^.*?\bsuch as\s+(?:the\s+)?")


def _other_name(name: str, names: list[str], text: str) -> bool:
    """'B' in 'A (B)' where A is a stop of the same kind ('... industrial park (... industrial park)'):
    the same site's other name (not 'A (High tech Zone)', the zone it is in)."""
    kind = name.split()[-1].lower()
    return any(other != name and other.split()[-1].lower() == kind and f"{other} ({name})" in text
               for other in names)


def _two_listed(name: str, names: list[str]) -> bool:
    """'Huaihe Energy and Xinji Coal Mine' where the list gave 'Huaihe Energy' and 'Xinji Coal Mine'."""
    parts = name.split(" and ", 1)
    return len(parts) == 2 and all(part in names for part in parts)


def _part_of(name: str, names: list[str], text: str) -> bool:
    """'Party Activity Center' where the text says 'the Zhongyi Machinery Party Activity Center' and
    'Zhongyi Machinery' is a stop: a part of that site, named again without its owner."""
    return any(other != name and f"{other} {name}" in text for other in names)


def _all_places(name: str) -> bool:
    """'Jiangxi's Ganzhou': nothing but region names (a region, never a stop)."""
    hits = gazetteer().find_en(name)
    rest = name
    for start, end, _ in reversed(hits):
        rest = rest[:start] + rest[end:]
    return len(hits) >= 2 and not re.sub(r"['’]s\b|\s", "", rest)


def _same_described(names: list[str]) -> list[str]:
    """'HYF's new fibre spinning line project' and 'Hengyu new fibre spinning line project':
    one site named twice (the same description of four lower-case words or more; "X scenic spot
    project" and "Y scenic spot project" are two sites)."""
    out: list[str] = []
    tails: set[str] = set()
    for name in names:
        tail = re.search(r"(?:\s[a-z][\w-]*){4,}$", name)
        key = tail.group(0) if tail else None
        if key and key in tails:
            continue
        if key:
            tails.add(key)
        out.append(name)
    return out
