"""Stops in English text: named sites in the sentences that report the visit.

Three sources, merged and de-duplicated: "At/In X, <official> ..." openers
(X is the site; what follows are its facilities), names that end in a site
word ("... Co., Ltd.", "... Industrial Park", "... tourism project",
"... Village"), and lists after "visited", "inspected", "went to". Lower-case
lists ("visited refinery complex and ethylene construction site") are used
only when an article names no site at all.
"""

from __future__ import annotations

import re

from core.records import Stop
from crawler.visits.stops import dedupe, en_kind

SITE = (r"Co\.,? ?Ltd\.?|Company|Group|Corporation|Project|project|Village|Community|community|"
        r"Park|park|Base|base|Center|Centre|center|Museum|museum|University|Institute|College|School|"
        r"Hospital|Station|Zone|Complex|Road|Plant|Factory|Market|Homeland|Garden|Farm|Academy|"
        r"Headquarters|Library|Port|Pier|Mine|Cooperative|Reservoir|Hall|Street|Town|Township|"
        r"Subdistrict|Scenic Area|Scenic Spot|Industrial Park|Laboratory|Workshop|Mall|Hotel|Bank")
_CONTAINER = re.compile(r"\b(?:Street|Town|Township|Subdistrict|County|District|City|Province)$")
_SITE_END = re.compile(rf"(?:{SITE})$")
_CAP_WORD = r"(?:[A-Z][\w'’&.-]*|\([A-Z][a-z]+\)|\d+)"
_LINK = r"(?:of|and|for|de|&)"
_ENTITY = re.compile(
    rf"{_CAP_WORD}(?:[ ]+(?:{_CAP_WORD}|{_LINK}(?=[ ]+[A-Z])))*(?:[ ]+[a-z][\w-]*){{0,4}}?[ ]+(?:{SITE})\b"
    rf"(?:[ ]+of(?:[ ]+{_CAP_WORD})+)?"
    rf"|{_CAP_WORD}(?:[ ]+{_CAP_WORD})*[ ]+(?:{SITE})\b"
)
_AFFILIATION = re.compile(
    r"(?:head|leader|leaders|manager|director|chairman|president|secretary|member|members|staff|"
    r"person in charge|responsible person|employees|workers|representative|of the|Head|Director)\s+(?:of\s+)?(?:the\s+)?$"
)
_OPENER = re.compile(r"(?:^|(?<=[,.]\s))(?:At|In)\s+(?:the\s+)?([^,.;]{3,90}?(?:,\s*[^,.;]{3,90}?){0,4}),\s+"
                     r"(?=(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}|[Hh]e|[Ss]he|[Tt]hey|[Tt]he group|[Tt]he delegation)"
                     r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)?\b)")
_LIST_VERB = re.compile(
    r"\b(?:visited|visit|inspected|inspect|inspects|went to|came to|arrived at|walked into|toured|"
    r"conduct(?:ed)? research on|reachs|reaches|reached|stop was|stops were|went deep into)\s+")
_FUTURE = re.compile(r"\b(?:scheduled|will|plan(?:s|ned)? to|were to|are to|is to)\b")
_POSSESSIVE_REF = re.compile(r"^(?:the\s+)?(?:enterprise|company|village|community|group|project|city|county|plant|factory|its|their)(?:['’]s)?\b", re.I)
_LEAD_WORDS = re.compile(r"^(?:the|a|an|some|construction site of the|construction of the|construction of|"
                         r"site of|site of the|preparations for the groundbreaking of the|work at the site of)\s+", re.I)
_TITLE_BODY = re.compile(r"Party Committee|People'?s Congress|CPPCC|Standing Committee|Management Board|Department of")


def _entities(sentence: str, start: int = 0) -> list[tuple[int, int]]:
    spans = []
    for m in _ENTITY.finditer(sentence, start):
        s, e = m.start(), m.end()
        text = sentence[s:e]
        lead = re.match(r"(?:The|A|An)\s+", text)
        if lead:
            s += lead.end()
        spans.append((s, e))
    return spans


def _joined(sentence: str, spans: list[tuple[int, int]], regions: set[str]) -> list[str]:
    """Join "X in Y Village" / "X in Y Zone"; drop bare containers and affiliations."""
    out: list[str] = []
    i = 0
    while i < len(spans):
        s, e = spans[i]
        name = sentence[s:e]
        if i + 1 < len(spans) and re.fullmatch(r"\s+in\s+(?:the\s+)?", sentence[e:spans[i + 1][0]]):
            nxt = sentence[spans[i + 1][0]:spans[i + 1][1]]
            if not any(nxt.startswith(r) for r in regions):
                name = sentence[s:spans[i + 1][1]]
                i += 1
        i += 1
        if _AFFILIATION.search(sentence[max(0, s - 40):s]) or _TITLE_BODY.search(name):
            continue
        if _CONTAINER.search(name) and " in " not in name and " of " not in name:
            continue
        if any(name.startswith(r) and _CONTAINER.search(name) for r in regions):
            continue
        out.append(name)
    return out


def _lower_site(sentence: str) -> list[str]:
    """'the community service center in Xiaoli Street' -> one stop."""
    out = []
    for m in re.finditer(r"(?:the\s+)?((?:[a-z][\w-]*\s+){1,5}(?:center|centre|hall|base|museum|station))\s+in\s+"
                         r"((?:[A-Z][\w'’-]*\s+){1,3}(?:Street|Town|Township|Subdistrict))", sentence):
        out.append(f"{m.group(1)} in {m.group(2)}")
    return out


def _split_list(obj: str) -> list[str]:
    obj = re.sub(r"Co\.,\s?Ltd\.?", "Co~Ltd", obj)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])|\s+and\s+(?=[a-z]+\s)", obj)
    return [p.replace("Co~Ltd", "Co., Ltd.").strip() for p in parts if p.strip()]


def _list_items(sentence: str, lowercase: bool) -> list[str]:
    out: list[str] = []
    for m in _LIST_VERB.finditer(sentence):
        tail = sentence[m.end():]
        end = re.search(r"\s+(?:to|for|where|which|during|on (?:the )?(?:morning|afternoon)|and (?:learn|listen|ask|inspect|visit)|"
                        r"[a-z]+ed\s+the)\s+|[.;:]|,\s*(?:examine|learn|listen|and\s+[a-z]+ed)", tail)
        obj = tail[:end.start()] if end else tail
        items = [_LEAD_WORDS.sub("", p) for p in _split_list(obj)]
        items = [p for p in items if p and not _POSSESSIVE_REF.match(p) and len(p) < 90]
        if lowercase:
            if len(items) >= 2 or (items and re.search(r"\b(complex|site|park|market|center)\b", items[0])):
                return items[:8]
            continue
        named = [p for p in items if p[:1].isupper()]
        sited = [p for p in named if _SITE_END.search(p)]
        if len(sited) >= 2:
            out.extend(p for p in named if not _CONTAINER.search(p))
    return out


def en_stops(sentences: list[str], visit_sentence: list[bool], regions: set[str],
             title_spans: list[str]) -> list[Stop]:
    """Stops of an English article (``regions`` are region names found in it)."""
    names: list[str] = []
    for sentence, is_visit in zip(sentences, visit_sentence):
        opener = _OPENER.search(sentence)
        if opener and not any(opener.group(1).startswith(r) and _CONTAINER.search(opener.group(1)) for r in regions):
            names.extend(_opener_items(opener.group(1)))
            continue
        if not is_visit or _FUTURE.search(sentence):
            continue
        names.extend(_joined(sentence, _entities(sentence), regions))
        names.extend(_lower_site(sentence))
        names.extend(_list_items(sentence, lowercase=False))
    if not names:
        for sentence, is_visit in zip(sentences, visit_sentence):
            if is_visit and not _FUTURE.search(sentence):
                names.extend(_list_items(sentence, lowercase=True))
                if names:
                    break
    names = [n for n in names if not any(n in t for t in title_spans) and n not in regions]
    return dedupe([Stop(n, en_kind(n)) for n in names])


def _opener_items(text: str) -> list[str]:
    """'At A, B Co., Ltd. and C' -> three; 'At X Village, Y Town of Z County' -> one."""
    items = _split_list(text)
    sited = [i for i in items if _SITE_END.search(i) and not _CONTAINER.search(i)]
    if len(sited) >= 2:
        return sited
    return [text.strip()]
