"""English officials named after their title: "mayor of Panzhihua Wang Bo", "Ambassador to Pelora
Zhou Hua", "the deputy secretary of the Committee, Sun Haoran, went"; and the titles that a
company or the site visited gives (its people are hosts, never officials)."""

from __future__ import annotations

import re

from crawler.visits.en.name_lists import listed_after
from crawler.visits.en.name_words import _NOT_NAME
from crawler.visits.en.names import is_pinyin_name, is_pinyin_word, join_split_given
from crawler.visits.officials import Mention

# A title held in a company or at the site visited (its hosts are never officials).
COMPANY = re.compile(
    r"\b(?:manager|general manager|ceo|responsible person|person in charge|founder|"
    r"legal representative|board of directors|party branch|secretary of the branch|"
    r"chairman of the (?:company|board|group)|"
    r"co\.|ltd|company|corporation|inc|enterprise|factory|plant|mill|firm|cooperative|university|school|"
    r"hospital|scientist|professor|academician|(?<!level )researcher|"
    # a Party body is no company: "leading party group", "Leading Party Members Group"
    r"(?<!leading )(?<!leadership )(?<!party )(?<!members )(?<!working )(?<!work )(?<!inspection )"
    r"(?<!research )(?<!survey )(?<!study )group)\b", re.I)


# Words that end the body in "Minister of Industry and Trade Nguyen Van A" (never a name's first).
_ORG_END = frozenset({
    "Trade", "Industry", "Committee", "Commission", "Works", "Affairs", "Province", "City", "Council",
    "Ministry", "Department", "Government", "Development", "Planning", "Investment", "Finance",
    "Defence", "Defense", "Security", "Construction", "Transport", "Agriculture", "Health",
    "Education", "Environment", "Resources", "Energy", "Culture", "Tourism", "Labour", "Labor",
    "Justice", "Interior", "Office", "Bureau", "Assembly", "Congress", "Front", "Union", "CPPCC",
    "County", "District", "Region", "State", "Technology", "Science", "Communications", "Commerce",
    "Transportation", "Treasury", "Housing", "Veterans", "Homeland", "Food", "Water", "Power", "Information",
    "Railways", "Law", "Sports", "Youth", "Revenue", "Irrigation", "Livestock", "Fisheries", "Forestry",
    "Forests", "Mines", "Minerals", "Excise", "Taxation", "Welfare", "Women", "Services",
    "Shipping", "Chemicals", "Fertilisers", "Fertilizers", "Industries", "Enterprises", "Steel", "Textiles",
    "Petroleum", "Aviation", "Ports", "Empowerment", "Coal", "Gas", "Police"})
# The same words in lower case, as a translation may write a body ("joint secretary of the
# ministry of rural development Amit Shukla"), with the adjectives such bodies take.
_ORG_LOWER = "|".join(sorted({w.lower() for w in _ORG_END} | {"ministry", "rural", "urban", "public", "home",
                                                                "external", "foreign", "road", "roads"}))


# A weekday after a name ("Minister for Power A B Monday paid a visit") does not go on the name.
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_TITLE_OF_NAME = re.compile(
    r"\b((?:[Dd]eputy |[Vv]ice |[Ff]irst |[Jj]oint |[Aa]dditional |[Pp]rincipal )?"
    r"(?:[Mm]ayor|[Gg]overnor|[Ss]ecretary(?:-[Gg]eneral)?|[Dd]irector(?:[- ][Gg]eneral)?|[Cc]hairman|"
    r"[Cc]hairwoman|[Hh]ead|"
    r"[Mm]agistrate|[Ll]eaders?|[Hh]eads|[Mm]inister|[Pp]resident|[Cc]hief|[Mm]ember)\s+(?:of|for)\s+(?:the\s+)?|"
    # "Chinese Ambassador to Pelora Zhou Hua", "Consul General in Dorsa Li Ming"
    r"(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul(?: [Gg]eneral)?|[Cc]ounsell?or)\s+(?:to|in|of)\s+(?:the\s+)?)"
    r"((?:(?:[A-Z][\w'’-]*(?:,(?=[ ]+[A-Z][\w'’-]*[ ]+and[ ]))?|\([A-Z][\w&-]{0,8}\)|and|&|of|the|for|"
    r"provincial|municipal|city|state|"
    r"county|district|government|"
    r"party|committee|standing|people['’]s|congress|" + _ORG_LOWER + r")[ ]+){1,9}?"
    # the name: "Wang Bo", "Mansukh L. Mandaviya" (a middle initial), "HD Kumaraswamy" (initials first)
    r"(?:[A-Z]{1,3}[ ]+[A-Z][a-z]+|(?:[A-Z]\.[ ]?){1,2}[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+)?|"
    r"[A-Z][a-z]+(?:[ ]+[A-Z]\.)?(?:[ ]+(?!" + _WEEKDAY + r")[A-Z][a-z]+"
    r"(?:-[a-z]+)?){1,3}))"
    r"(?![\w'’-])(?![ ]+(?:of[ ]+)?(?!" + _WEEKDAY + r")[A-Z])")
_TITLE_COMMA_NAME = re.compile(
    r"\b((?:[Dd]eputy[ -]|[Vv]ice[ -]|[Ee]xecutive )?(?:[Ss]ecretary|[Mm]ayor|[Gg]overnor|[Dd]irector|"
    r"[Cc]hairman|[Hh]ead|[Mm]agistrate|[Pp]resident|[Cc]hief|[Mm]inister)\b(?:[^,.;()]|\([A-Z][\w&-]{0,8}\)){0,80}),"
    r"[ ]+([A-Z][a-z]+(?:[ ]+[A-Za-z][a-z]+(?:-[a-z]+)?){1,3}?)(?=[ ]*[,.;]|[ ]+[a-z])")


# A participation frame whose officials are each told by their title first, then a comma and the name
# ("accompanied by the governor of the state, Ana Ruiz, and the Minister of State (MoS) for Ports,
# K Lal Varma"): in such a frame a name of any language is a person's.
_FRAMED = re.compile(r"\b(?:accompanied by|joined by|along with|together with|alongside)\s+([^.;]{10,300})")
_FRAMED_ITEM = re.compile(
    r"(?:^|,[ ]*(?:and[ ]+)?|[ ]+and[ ]+)(?:the[ ]+)?((?:[\w'’-]+[ ]+){0,3}?(?:[Mm]inister|[Gg]overnor|"
    r"[Mm]ayor|[Ss]ecretary|[Dd]irector|[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Cc]ommissioner|[Mm]ember|"
    r"[Hh]ead|[Cc]hief)\b[^,.;]{0,90}),[ ]+((?:[A-Z]\.?[ ]+){0,2}[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+){1,3})"
    r"(?=[ ]*[,.;]|[ ]+and\b|$)")


def framed_titles(text: str) -> list[Mention]:
    """'accompanied by the governor of the state, Ana Ruiz': every titled item of the frame whose
    title is no company's."""
    out: list[Mention] = []
    for frame in _FRAMED.finditer(text):
        for m in _FRAMED_ITEM.finditer(frame.group(1)):
            if COMPANY.search(m.group(1)) or any(w in _NOT_NAME for w in m.group(2).split()):
                continue
            at = frame.start(1)
            out.append(Mention(m.group(2), m.group(1).strip(), at + m.start(2), at + m.end(2),
                               at + m.start(1)))
    return out


def title_then_name(text: str) -> list[Mention]:
    """'mayor of Panzhihua Wang Bo', 'the deputy secretary of the Committee, Sun Haoran, went'."""
    out: list[Mention] = []
    for m in _TITLE_OF_NAME.finditer(text):
        split = _body_and_name(m.group(2))
        if split:
            start = m.start(2) + split
            name = text[start:m.end(2)]
            title = (m.group(1) + text[m.start(2):start]).strip()
            if COMPANY.search(title) or _PLACE_WORDS & set(title.split()):
                continue  # the head of the company or village visited is its host
            if _BODY_GOES_ON.match(text, m.end(2)):
                continue  # "director of the State Forest Fire and Drought Relief Headquarters"
            out.append(Mention(name, title, start, m.end(2), m.start(1)))
            out += listed_after(text, m.end(2), title, m.start(1))
    for m in _TITLE_COMMA_NAME.finditer(text):
        # "the Secretary for Commerce and Economic Development, Algernon Yau,": a titled office
        office = _OFFICE.fullmatch(m.group(1).strip()) and all(w[:1].isupper() for w in m.group(2).split())
        if (is_pinyin_name(m.group(2)) or office) and not COMPANY.search(m.group(1)):
            name = join_split_given(m.group(2))
            out.append(Mention(name, m.group(1).strip(), m.start(2), m.end(2), m.start(1)))
    return out + [f for f in framed_titles(text) if not any(o.start < f.end and f.start < o.end for o in out)]


# The end of a body's name, never of a person's ("Development Research Center"); a two-word name
# after a department ("Secretary of Transportation Pete Buttigieg") must not end so.
_BODY_WORD = re.compile(r"^(?:Center|Centre|Institute|Research|Park|Zone|Bureau|Office|Station|Hospital|"
                        r"School|University|College|Academy|Group|Company|Corporation|Committee|Association|"
                        r"Federation|Agency|Authority|Administration|Service|Services|Fund|Bank)$")
# A Hong Kong or Macao office before its holder's name: capitalised words only.
_OFFICE = re.compile(r"(?:(?:[A-Z][\w'’]*|[Pp]rovincial|[Ff]ederal) )*(?:Secretary|Minister) (?:for|of)"
                     r"(?: (?:[A-Z][\w'’]*|and|&|of|the))+(?: \([A-Z][\w&-]{0,8}\))?")
_BODY_GOES_ON = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w'’-]*\s+){0,4}(?:Headquarters|Commission|Committee|"
                           r"Office|Bureau|Department|Administration|Agency|Center|Centre|Council)\b")
_PLACE_WORDS = frozenset({"Town", "Township", "Village", "Street", "Community", "Park", "Zone", "Area"})


_ACRONYM = re.compile(r"\([A-Z][\w&-]{0,8}\)")  # "Director General of Police (DGP) A B": the body ends


def _body_and_name(words_text: str) -> int | None:
    """Where the name starts in 'Panzhihua Wang Bo' / 'Industry and Trade Nguyen Hong Dien'."""
    words = words_text.split(" ")
    for k in range(1, len(words) - 1):
        name = words[k:]
        if len(name) > 4 or any(w in _NOT_NAME or w in _ORG_END or w in _PLACE_WORDS or not w[:1].isupper()
                                for w in name):
            continue
        body_end = words[k - 1].capitalize() in _ORG_END or _ACRONYM.fullmatch(words[k - 1]) is not None
        foreign = (body_end and not all(is_pinyin_word(w) for w in name)
                   and (len(name) >= 3 or (k == len(words) - 2 and not _BODY_WORD.search(name[1]))))
        if is_pinyin_name(" ".join(name)) or foreign:
            return len(" ".join(words[:k])) + 1
    return None
