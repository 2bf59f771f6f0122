"""Officials named in lists, titled or not: "Wu Hai and Deng Qiming, leaders of Pingle County",
"Zhang Wei, Li Na and Sun Bo attended", "Accompanied by A and B", "Also present were A, the vice
mayor, and B", and bare names sharing a visit verb ("Li Jun, Wang Hua and Zhou Lin inspected")."""

from __future__ import annotations

import re

from crawler.visits.en.hosts import company_title
from crawler.visits.en.names import is_pinyin_name
from crawler.visits.officials import Mention

_PINYIN_NAME = r"[A-Z][a-zü]+(?:[ ][A-Z][a-zü]+){1,2}"
_LISTED_AFTER = re.compile(rf"(?:,[ ]*(?:and[ ]+)?|[ ]+and[ ]+)({_PINYIN_NAME})(?![\w'’])")


def listed_after(text: str, pos: int, title: str, title_start: int) -> list[Mention]:
    """'leaders of the district Ma Tao and Sun Bo': the pinyin names listed after the first."""
    out: list[Mention] = []
    while (m := _LISTED_AFTER.match(text, pos)) and is_pinyin_name(m.group(1)):
        out.append(Mention(m.group(1), title, m.start(1), m.end(1), title_start))
        pos = m.end()
    return out


_NAME_LIST_BEFORE = re.compile(rf"((?:{_PINYIN_NAME}(?:,[ ]*|[ ]+and[ ]+))+)$")
_TAKING_PART = (r"(?:also[ ]+|all[ ]+)?(?:accompanied|attended|participated|took[ ]+part|joined|"
                r"in[ ]+attendance|escort\w*|(?:went|came)[ ]+(?:together|along)|company(?=[ ]*[.;])|"
                r"were[ ]+(?:also[ ]+)?(?:present|in[ ]+company|on[ ]+hand|with[ ]+(?:him|her|them)))\b")
NAME_LIST = rf"(?:{_PINYIN_NAME}(?:,[ ]*(?:and[ ]+)?|[ ]+and[ ]+))*{_PINYIN_NAME}"
# Names without titles where only officials stand: before a taking-part verb ("A, B, etc.
# accompanied"), after a participation opener ("Accompanied by A and B, ..."), or listed after
# "leaders of the city, ..." / "leaders including ...".
_BARE_LIST = re.compile(
    r"(?:(?<=Comrades[ ])|(?<=Comrade[ ])|(?<=with[ ])|(?<=[a-z],[ ])|(?<=,[ ]and[ ])|(?<![\w,][ ]))"
    r"(?!Comrades?\b)"
    rf"({NAME_LIST})(?:,?[ ]+etc\.?)?"
    r"(?:,?[ ]+and[ ]+(?:others|(?:other|relevant)[ ]+[a-z -]{0,30}(?:leaders|officials|comrades|heads|"
    r"persons[ ]in[ ]charge))(?:[ ]+of[ ]+the[ ]+[a-z]+)?)?"
    # "..., as well as the main responsible comrades of the relevant departments, accompanied"
    r"(?:,[ ]+(?:as[ ]+well[ ]+as|together[ ]+with|and)[ ][^.;,]{0,80},)?"
    rf"[ ]+{_TAKING_PART}"
    rf"|\b(?:(?i:leaders|officials|comrades|delegation|entourage)|team|group)\b[^.;]{{0,40}}?"
    rf"(?:\b(?:including|such[ ]+as|included|includes|include)[ ]+|,[ ]+)"
    rf"({NAME_LIST})(?=[ ]*[.;]|,?[ ]+(?:etc\.?[ ]+)?{_TAKING_PART}|[ ]+were\b|"
    r"(?:,?[ ]+and[ ]+others)?,?[ ]+(?:also[ ]+)?(?:took[ ]+the[ ]+time[ ]+to[ ]+visit|inspected|visited|"
    r"toured|went|came|led)\b)"
    rf"|\b(?i:accompanied[ ]+by|along[ ]+with|together[ ]+with|joined[ ]+by|alongside|"
    rf"accompanying[ ]+(?:personnel|officials|leaders|staff)[ ]*:|participants[ ]*:)[ ]+"
    rf"(?:(?:municipal|provincial|city|county|district|relevant)[ ]+)?(?:leaders[ ]+)?"
    rf"({NAME_LIST})(?=[ ]*[,.;])")


# The rest of a participation clause ("Also present at the inspection were A, the city's vice mayor,
# and B"): every pinyin name in it comes along, titled or not, up to a verb of its own.
_PARTICIPATION_CLAUSE = re.compile(
    r"\b(?i:accompanied[ ]+by|joined[ ]+by|(?:accompanying|joining)\b[^.;]{0,40}?\b(?:were|was)|"
    r"(?:also[ ]+)?(?:present|attending|participating|joining)\b[^.;]{0,60}?\b(?:were|was)|"
    r"(?:also[ ]+)?on[ ]+the[ ]+(?:tour|trip|visit|inspection)[ ]+(?:were|was))\b"
    r"((?:(?!\b(?:inspected|visited|went|toured|led|came|said|stressed|called)\b)[^.;]){3,300})")


def clause_names(text: str) -> list[Mention]:
    """Pinyin names anywhere in a participation clause, then those opening the items of a list told
    before its taking-part verb; a name described by a company's title ("A, General Manager of X")
    is a host of the site, not one taking part."""
    out = [n for m in _PARTICIPATION_CLAUSE.finditer(text) for n in names_in(m.group(1), m.start(1), True)
           if not _host_described(text, n)]
    return out + frame_list(text)


def _host_described(text: str, mention: Mention) -> bool:
    """Is the name followed by a description (no clause of its own) that a host holds?"""
    said = _DESCRIPTION.match(text, mention.end)
    if not said or _OWN_VERB.search(said.group(1)):
        return False
    return bool(_HOST.search(said.group(1)) or company_title(text, said.group(1)))


# A participation frame told after its list ("A, inspection team member, B, vice governor of X,
# municipal leaders C and D accompanied the inspection"): every pinyin name opening an item of the
# list comes along, whatever its description says (a member, a captain, a title not known here).
_FRAME_END = re.compile(
    rf"[ ]+{_TAKING_PART}(?=[ ]*[.;]|[ ]+(?:him|her|them)\b|[ ]+(?:in[ ]+)?the[ ]+(?:[\w-]+[ ]+){{0,3}}?"
    r"(?:inspection|investigation|research|visit|survey|activities|activity|event|tour|trip|team|group|"
    r"delegation|members)\b)")
_OWN_VERB = re.compile(r"\b(?:inspected|visited|went|came|toured|led|investigated|surveyed|said|stressed|"
                       r"met|presided|chaired|listened|introduced|briefed|reported|explained|received|"
                       r"welcomed|delivered|hosted|gave|made|held|is|are|was|were)\b")


def frame_list(text: str) -> list[Mention]:
    """Pinyin names that open the items of a list before a taking-part verb, in a clause with no
    verb of its own before that one."""
    out: list[Mention] = []
    for m in _FRAME_END.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in ".;:\n") + 1
        span = text[start:m.start()]
        if "," not in span or _OWN_VERB.search(span) or _RELATIVE.search(span):
            continue
        listed = names_in(span, start, bare_only=True)
        if len(listed) < 2:
            continue
        for n in listed:
            said = _DESCRIPTION.match(text, n.end, m.start())
            title = said.group(1).strip() if said else ""
            if (not _OFFICE_WORD.search(title) or _PERSON_KIND.search(title) or _HOST.search(title)
                    or company_title(text, title)):
                continue
            out.append(Mention(n.name, title, n.start, n.end, n.end + 2))
    return out


# "A, a tour operator who participated": a person described, not a list of officials.
_RELATIVE = re.compile(r"\b(?:who|which|whose)\b")
# A person described, not an office: "a villager", "an expert", "the owner".
_PERSON_KIND = re.compile(r"^(?:an?|the)\b|\b(?:representatives?|experts?|professor|teacher|doctor|"
                          r"villagers?|residents?|workers?|farmers?|owner|household|volunteers?|reporter|"
                          r"staff)\b", re.I)
# A title held at the site visited (its hosts are never companions): "chairman of Hongda group".
_HOST = re.compile(r"\b(?:company|(?<!leading )(?<!party )(?<!inspection )(?<!working )group|co\.|ltd|"
                   r"corporation|enterprise|factory|plant|firm|cooperative|manager|founder|village|community|"
                   r"school|principal|hospital|university|farm|base|kindergarten|clinic|cent(?:er|re)|station|"
                   r"park|museum|association|party branch|board)\b", re.I)
# Any word of an office or a rank, known title or not ("inspection team member", "captain of the ...").
_OFFICE_WORD = re.compile(r"\b(?:secretary|director|mayor|governor|head|chief|members?|leaders?|captain|"
                          r"commissioner|inspector|chairman|chairwoman|deputy|vice|minister|magistrate|"
                          r"officer|cadres?|researcher|investigator|commander|procurator|judge)\b", re.I)
# What follows a listed name up to the next item: "Sun Dehai, inspection team member,".
_DESCRIPTION = re.compile(r",[ ]*([^,]{3,120})")


def shared_title(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Wu Hai and Deng Qiming, leaders of Pingle County': earlier names share the title."""
    out: list[Mention] = []
    for m in mentions:
        head = _NAME_LIST_BEFORE.search(text, max(0, m.start - 120), m.start)
        if not head:
            continue
        out += [Mention(n.name, m.title, n.start, n.end, m.title_start)
                for n in names_in(head.group(1), head.start(1))]
    return out


def bare_lists(text: str) -> list[Mention]:
    """'Zhang Wei, Li Na and Sun Bo attended': names without titles before a taking-part verb."""
    out: list[Mention] = []
    for m in _BARE_LIST.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        out += [n for n in names_in(m.group(group), m.start(group)) if not _host_described(text, n)]
    return out


def names_in(chunk: str, offset: int, bare_only: bool = False) -> list[Mention]:
    """The pinyin names in ``chunk`` (which starts at ``offset`` of the text), without titles;
    ``bare_only``: only those not written after a title ("the Director Xue Yang" is not one)."""
    out: list[Mention] = []
    for x in re.finditer(_PINYIN_NAME, chunk):
        bare = re.search(r"(?:^|,|\band|\bby|\bwere|\bwas)[ ]*$", chunk[:x.start()])
        if is_pinyin_name(x.group(0)) and (bare or not bare_only):
            start = offset + x.start()
            out.append(Mention(x.group(0), "", start, start + len(x.group(0)), start))
    return out



_SUBJECT_LIST = re.compile(
    rf"(?:^|(?<=[.\n])|(?<=,))[ ]*({NAME_LIST})"
    r"(?P<others>,?[ ]+and[ ]+other[ ]+[a-z -]{0,30}(?:leaders|officials))?[ ]+(?:also[ ]+|jointly[ ]+)?"
    r"(?:inspected|visited|went|came|toured|investigated|surveyed|led)\b", re.M)


def subject_list(text: str) -> list[Mention]:
    """'Li Jun, Wang Hua and Zhou Lin inspected...', 'Li Jun and other city leaders visited...':
    bare pinyin names that share a visit verb."""
    for m in _SUBJECT_LIST.finditer(text):
        names = names_in(m.group(1), m.start(1))
        if (len(names) >= 2 or m.group("others")) and len(names) == len(re.split(r",|\band\b", m.group(1))):
            return names
    return []
