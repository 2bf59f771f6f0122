"""Stops in English text: named sites in the sentences that report the visit.

Three sources, merged and de-duplicated: "At/In X, <official> ..." openers
(X is the site; what follows are its facilities), names that end in a site
word ("... Co., Ltd.", "... Industrial Park", "... tourism project",
"... Village"), and lists after "visited", "inspected", "went to". Lower-case
lists ("visited the cement plant and wharf construction site") are used
only when an article names no site at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.gazetteer import gazetteer
from core.records import Stop
from crawler.visits.detect import EN_FUTURE, EN_SAID
from crawler.visits.en.names import is_pinyin_name, is_pinyin_word, pinyin_surnames
from crawler.visits.stops import dedupe, en_kind

# Words a site's name ends with: legal forms, site kinds, and common industry tails
# of company names ("X Textile", "X Bearing", "X Pharmaceutical").
SITE = (r"Co~Ltd|Co\.,? ?Ltd\.?|Limited Liability Company|Limited Company|Co\b|Company|Group|"
        r"Corporation|Project|project|Village|village|Community|community|"
        r"Textiles?|Bearings?|Moulds?|Molds?|Steel|Machinery|Electronics|Pharmaceuticals?|"
        r"Motors|Logistics|Dairy|Manufacturing|Technology|Technologies|Equipment|Packaging|Food|Glass|"
        r"Brewery|Winery|Foods|Parts|Auto|Biotech|Materials|Shipyard|Semiconductors?|Robotics|"
        r"Optoelectronics|"
        r"Park|park|Base|base|Center|Centre|center|Museum|museum|University|Institute|College|School|"
        r"Hospital|Station|Zone|Complex|Road|Plant|Factory|Market|Homeland|Garden|Farm|Academy|"
        r"Headquarters|Library|Port|Pier|Mine|Cooperative|Reservoir|Hall|Street|Town|Township|"
        r"Subdistrict|Scenic Area|Scenic Spot|Industrial Park|Laboratory|Workshop|Mall|Hotel|Bank|"
        r"Bridge|Tunnel|Dam|Dike|Dyke|Wharf|limited company|company limited|Square|Plaza|Lane|Alley|"
        r"station|dyke|dike|reservoir|sluice|wharf|plant|factory|farm|mine|school|hospital|mill|Mill|Works|"
        r"Border Gate|border gate|Checkpoint|checkpoint|Airport|airport|Terminal|terminal|Power Plant|"
        r"Clinic|clinic|Kindergarten|kindergarten|Nursing Home|nursing home|Greenhouse|greenhouse|"
        r"Refinery|refinery|Warehouse|warehouse|Depot|depot|Orchard|orchard|Substation|substation|"
        r"port|pier|Quarry|quarry|Hub|Welfare Home|Care Home|site|Expressway|Highway|Railway|"
        r"Theater|Theatre|Stadium|Gymnasium|Arena|Temple|Memorial|"
        # a project told by the work done on it ("the Beihu Wetland restoration")
        r"renovation|restoration|reconstruction")
_CONTAINER = re.compile(r"\b(?:Street|Town|Township|Subdistrict|County|District|City|Province)$")
_SITE_END = re.compile(rf"(?:{SITE})$")
_CAP_WORD = r"(?:[A-Z][\w'’&.-]*|\([A-Z][a-z]+\)|\d+)"
_LINK = r"(?:of|and|for|de|&)"
_LOWER = (r"(?!(?:the|a|an|to|in|at|on|of|and|with|for|from|into|by|is|are|was|were|has|have|"
          r"will)\b)(?![a-z]+ed\b)[a-z][\w-]*")
_ENTITY = re.compile(
    rf"{_CAP_WORD}(?:[ ]+(?:{_CAP_WORD}|{_LINK}(?=[ ]+[A-Z])))*(?:[ ]+{_LOWER}){{0,4}}?[ ]+(?:{SITE})\b"
    rf"(?:[ ]+of(?:[ ]+{_CAP_WORD})+)?"
    rf"|{_CAP_WORD}(?:[ ]+{_CAP_WORD})*[ ]+(?:{SITE})\b"
)
_AFFILIATION = re.compile(
    r"(?:head|leader|leaders|manager|director|chairman|president|secretary|member|members|staff|"
    r"person in charge|responsible person|employees|workers|representative|Head|"
    r"Director)\s+(?:of\s+)?(?:the\s+)?$"
)
_OPENER = re.compile(r"(?:(?:^|(?<=[,.]\s))"
                     r"(?:(?:Then|Later|Next|Afterwards|Finally),?\s+(?:at|in)|At|In|Along)"
                     r"|(?<=;\s)(?:at|in))"
                     r"\s+(?:the\s+)?"
                     r"([^,.;]{3,90}?(?:,\s*[A-Z][^,.;]{2,90}?){0,4}?),\s+"
                     r"(?=(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}|[Hh]e|[Ss]he|[Tt]hey|[Tt]he [a-z]+|"
                     r"[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+)"
                     r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)?\b)")
_LIST_VERB = re.compile(
    r"\b(?:(?:visit|trip|tour) (?:to|of)|visited|visit|inspected|inspect|inspects|went to|came to|arrived at|"
    r"walked into|toured|conduct(?:ed)? research on|reachs|reaches|reached|stop was|stops were|"
    r"went deep into|arrived|first to|then to|then went to|including|such as|stops? at|stopped at|"
    r"stops included|stops include|"
    r"stopping at|investigated|surveyed|examined|visiting|inspecting|touring)\s+")
_POSSESSIVE_REF = re.compile(r"^[A-Z]\w+ (?:County|District|City)['’]s|"
                             r"^(?:the\s+)?(?:enterprise|company|village|community|group|project|"
                             r"city|county|plant|factory|its|their)(?:['’]s)?\b", re.I)
_LEAD_WORDS = re.compile(r"^(?:(?:the|a|an|some|such (?:enterprises|companies|projects|sites|villages) as|"
                         r"(?:progress|renovation|expansion|upgrading|upgrade|operation) of(?: the)?|"
                         # "the production lines of X", "the project sites of X": a part of X
                         r"(?:[a-z-]+ ){0,2}(?:sites?|lines?|workshops?|halls?) of(?: the)?|"
                         r"construction site of the|construction of the|construction of|"
                         r"site of|site of the|preparations for the groundbreaking of the|"
                         r"work at the site of|construction site of|site of)\s+)+", re.I)
_TITLE_BODY = re.compile(r"Party Committee|People'?s Congress|CPPCC|Standing Committee|"
                         r"Management Board|Department of")


_AND_AFTER_SITE = re.compile(rf"\b(?:{SITE})()\s+and\s+(?=[A-Z])")


def _entities(sentence: str, start: int = 0) -> list[tuple[int, int]]:
    spans = []
    for m in _ENTITY.finditer(sentence, start):
        s, e = m.start(), m.end()
        text = sentence[s:e]
        lead = re.match(r"(?:(?:The|A|An|In|At|On|During|After|Then)\s+)+", text)
        if lead:
            s += lead.end()
        for cut in _AND_AFTER_SITE.finditer(sentence[s:e]):
            if _generic_tail(sentence[s + cut.end():e]):
                continue  # "Fengtai Machinery and Equipment Manufacturing" is one name
            spans.append((s, s + cut.end(1)))
            s = s + cut.end()
        spans.append((s, e))
    return spans


def _joined(sentence: str, spans: list[tuple[int, int]], regions: set[str]) -> list[str]:
    """Join "X in Y Village" / "X in Y Zone"; drop bare containers and affiliations."""
    out: list[str] = []
    i = 0
    while i < len(spans):
        s, e = spans[i]
        name = sentence[s:e]
        between = sentence[e:spans[i + 1][0]] if i + 1 < len(spans) else ""
        if i + 1 < len(spans) and re.fullmatch(r"\s+(?:in|"
                                               r"at)\s+(?:the\s+)?(?:[A-Z][\w'’]+\s+(?:[Dd]istrict|"
                                               r"[Cc]ounty)\s+)?", between):
            nxt = sentence[spans[i + 1][0]:spans[i + 1][1]]
            if nxt not in regions and not re.search(r"\b(?:County|District|City|Province|Zone)$", nxt):
                name = sentence[s:spans[i + 1][1]]
                i += 1
        i += 1
        if (_AFFILIATION.search(sentence[max(0, s - 40):s]) or _TITLE_BODY.search(name)
                or _PEOPLE_FROM.search(sentence[:s]) or _PARTNER.search(sentence[max(0, s - 80):s])
                or _NOT_A_PLACE_AFTER.match(sentence, spans[i - 1][1])):
            continue
        if "Academy" in name and re.search(r"Institute[\w ]*,\s*$", sentence[max(0, s - 60):s]):
            continue
        if _CONTAINER.search(name) and " in " not in name and " of " not in name:
            continue
        if any(name.startswith(r) and _CONTAINER.search(name) for r in regions):
            continue
        out.append(name)
    return out


# "the Belt and Road Initiative", "the Tea Culture Festival": a name that goes on as a policy or an
# event is no site.
_NOT_A_PLACE_AFTER = re.compile(r"\s+(?:Initiative|Strategy|Plan|Program|Programme|Policy|Campaign|Action|"
                                r"Forum|Festival|Conference|Summit|Expo|Fair|Week|Award|Prize)\b")
# "signed a deal with X", "developed with Y", "built by Z": a partner of the site, not one visited.
_PARTNER = re.compile(r"\b(?:signed|developed|built|produced|invested|funded|cooperat\w*|partner\w*|"
                      r"deal|agreement|contract|jointly|supplied|sold|acquired|owned)\b[^,.;]{0,40}?"
                      r"\b(?:with|by|for|to|from)\s+(?:the\s+)?$"
                      # "Hengtai Group, a supplier of Huawei Technologies": the site's customer or owner
                      r"|\b(?:supplier|subsidiary|customer|client|partner|vendor)s?\s+(?:of|to)\s+(?:the\s+)?$")
# "Relevant leaders from the Bureau of Industry, the ... accompanied": the units people come from.
_PEOPLE_FROM = re.compile(r"\b(?:leaders|officials|heads|comrades|persons? in charge)\s+(?:from|of)\b"
                          r"(?:(?!\b(?:went|came|visited|inspected|toured|inspect)\b)[^.;])*$")
_CONTAINER_WORD = re.compile(r" in (?:[A-Z][\w'’-]* ){1,3}(?:Street|Town|Township|Subdistrict)\b")
_LOWER_SITE_IN = re.compile(rf"(?:the\s+)?((?:{_LOWER}\s+){{1,5}}(?:center|centre|hall|base|museum|station))"
                            r"\s+in\s+((?:[A-Z][\w'’-]*\s+){1,3}(?:Street|Town|Township|Subdistrict))")


def _lower_site(sentence: str) -> list[str]:
    """'the community service center in Xiaoli Street' -> one stop."""
    if not _CONTAINER_WORD.search(sentence):
        return []
    return [f"{m.group(1)} in {m.group(2)}" for m in _LOWER_SITE_IN.finditer(sentence)]


def _split_list(obj: str, lowercase: bool = False) -> list[str]:
    obj = _protect(obj)
    # not inside a zone's name ("Economic and Technological Development Zone")
    pattern = (r",\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])(?!Technolog\w+ Development)"
               # "... and the construction site of Jiuding Phase II": a part named before its site
               r"|\s+and\s+(?=the\s+(?:[a-z-]+\s+){1,3}of\s+(?:the\s+)?[A-Z])")
    parts = re.split(pattern + (r"|\s+and\s+(?=[a-z]+\s)" if lowercase else ""), obj)
    out: list[str] = []
    for part in (p.strip() for p in parts):
        if out and part and _generic_tail(part) and f"{out[-1]} and {part}" in obj:
            out[-1] = f"{out[-1]} and {part}"  # "Examination and Approval Bureau"
        elif part:
            out.append(part)
    return out


def _generic_tail(part: str) -> bool:
    """'Approval Bureau', 'Equipment Manufacturing': the end of the name before 'and'."""
    words = part.split()
    tail = _SITE_END.search(part) or re.search(r"\b(?:Bureau|Office|Administration)$", part)
    return (1 <= len(words) <= 2 and bool(tail) and not is_pinyin_word(words[0])
            and words[0][:1].isupper())


_LOWER_SITE = re.compile(r"\b(complex|site|park|market|center)\b")
_SINGLE_FRAME = re.compile(r"(?:first|next|last) stop was\s+$")
# Lower-case sites kept beside named ones: "visited a health center and a school in Shahe township".
_STRONG_LOWER = re.compile(r"\b(?:museum|base|complex|school|hospital|clinic|health cent(?:er|re)|"
                           r"kindergarten|nursing home|factory|plant|farm|mine)$")
# Lower-case objects that are no site: plural kinds ("villages", "rural villages"), people
# ("locals lifted out of poverty", "cadres"), manner ("listened carefully").
_GENERIC = re.compile(
    r"^(?:(?:some|several|many|local|rural|urban|key|major|relevant|various|the|all)\s+)*[a-z-]+s"
    r"(?:\s+(?:in|of|at)\s+.*)?$|"
    r"^(?:visited\s+)?(?:locals|cadres|households|residents|workers|party members|farmers|villagers|staff|"
    r"families|the elderly|the poor)\b|^[a-z]+ed\s+[a-z]+ly$")


_LIST_END = re.compile(
    r"\s+(?:to|for|where|which|during|on (?:the )?(?:morning|afternoon)|on [A-Z][a-z]+day|"
    r"and (?:learn|listen|ask|inspect|visit)|(?:and\s+)?[a-z]+ed\s+the)\s+|[.;:]|"
    r",\s*(?:examine|learn|listen|and\s+[a-z]+ed|accompanied|along with|together with|[a-z]+ing\b)|"
    r"\s+on\s+(?:[A-Z][a-z]+day|(?:the\s+)?(?:morning|afternoon|evening))\b|"
    r"\s+(?:on|from|in)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
    r"\s+(?:one after another|successively|respectively|in turn|in succession)\b")
_LOWER_VERB = re.compile(r"(?:visited|visit|toured|reachs|reaches|reached|went to|came to|stop was)\s+$")


def _list_items(sentence: str, lowercase: bool) -> list[str]:
    out: list[str] = []
    for m in _LIST_VERB.finditer(sentence):
        if lowercase and not _LOWER_VERB.search(m.group(0)):
            continue
        tail = sentence[m.end():]
        end = _LIST_END.search(tail)
        obj = tail[:end.start()] if end else tail
        kinds = _KIND_OF.match(obj)
        if kinds and not lowercase:  # "the villages of Hongxing, Dongshuang and Xiaowan"
            out.extend(_IN_HOLDER.sub("", p) for p in _split_list(obj[kinds.end():]) if p[:1].isupper())
            continue
        others = _OTHER_KIND.search(obj)
        if others and not lowercase:  # "Hengtai, Jiuding and other enterprises": a kind said after
            out.extend(p for p in (_LEAD_WORDS.sub("", x) for x in _split_list(obj[:others.start()]))
                       if p[:1].isupper() and not _person(p) and not gazetteer().find_en(p))
            continue
        items = [_LEAD_WORDS.sub("", p) for p in _drop_appositives(_split_list(obj, lowercase))]
        items = [p for p in items if p and not _POSSESSIVE_REF.match(p) and len(p) < 90]
        items = _without_holders(items)
        if lowercase:
            items = [re.sub(r"^[A-Z][a-z]+['’]s\s+", "", p) for p in items]
            items = [p for p in items if p[:1].islower() and not _GENERIC.search(p)]
            enough = len(items) >= 2 or bool(items and _LOWER_SITE.search(items[0]))
            if enough and len(items) > len(out):
                out = items[:8]
            continue
        named = [p for j, p in enumerate(items) if (p[:1].isupper() or p.startswith("="))
                 and not ("Academy" in p and j and "Institute" in items[j - 1])]
        sited = [p for p in named if _SITE_END.search(p)]
        if len(sited) >= 2 or (sited and len(named) <= 4 and all(len(p.split()) <= 7 for p in named)):
            out.extend(p for p in named if not _CONTAINER.search(p) and not _person(p))
        elif _SINGLE_FRAME.search(sentence[:m.end()]) and named:
            out.append(named[0])
        elif len(named) == 1 and (_named_object(named[0]) or (len(items) == 1 and _one_word_name(named[0]))):
            out.append(named[0])  # "he visited Yunnan Baiyao in Kunming", "visited Gengli for"
        elif 2 <= len(named) == len(items) and all(
                _named_object(p) or _one_word_name(re.split(r"\s+in\s+", p)[0]) for p in named):
            out.extend(named)  # "went to Hongfeng Boiler Room and Linhe Chemicals", "Yutong Bus, Zoomlion"
        if not m.group(0).endswith(("ing ", "ing\n")):  # "While visiting a tree farm": unnamed
            out.extend("~" + p for p in _lower_strong_sites(obj))
    return out


# A list's kind said once before its names, and a name's holder after it ("... in Luoshan County").
_KIND_OF = re.compile(r"(?:the\s+)?(?:villages|communities|companies|enterprises|firms|factories|plants|"
                      r"projects|schools|hospitals)\s+of\s+(?=[A-Z])")
_OTHER_KIND = re.compile(r"(?:,\s*|\s+)(?:and|as well as)\s+(?:many\s+|some\s+)?other\s+(?:[a-z-]+\s+){0,2}"
                         r"(?:enterprises|companies|firms|projects|villages|communities|sites|units|factories|"
                         r"plants|schools|places)\b")
_IN_HOLDER = re.compile(r"\s+in\s+(?:[A-Z][\w'’-]*\s+)+(?:County|District|City|Province|Town|Township)$")


def _one_word_name(item: str) -> bool:
    """'Zoomlion' beside 'Yutong Bus': one capitalised word that is no place, person or body."""
    return (re.fullmatch(r"[A-Z][a-z]{3,}|[A-Z]{2,6}", item) is not None and not gazetteer().find_en(item)
            and item not in pinyin_surnames() and not _NOT_SITE.search(item) and item not in country_names())


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries and territories by their English names (Babel's CLDR data): 'visited Singapore'."""
    from babel import Locale  # loaded on the first one-word name, not with the module

    return frozenset(Locale("en").territories.values())


def _lower_strong_sites(obj: str) -> list[str]:
    """'a health center and a school in Shahe township' -> ['health center', 'school']."""
    out: list[str] = []
    for part in _split_list(obj, lowercase=True):
        if re.match(r"(?:its|their)\s", part):
            continue  # "the Hengtai Group's headquarters and its new plant": a part of the named site
        part = re.sub(r"\s+(?:in|at)\s+.*$", "", re.sub(r"^(?:a|an|the|its|one)\s+", "", part))
        if part[:1].islower() and _STRONG_LOWER.search(part) and len(part.split()) <= 4:
            out.append(part)
    return out


def _without_holders(items: list[str]) -> list[str]:
    """'Linhe Chemicals in Xiangyang, Hubei': the one word after a place is its holder."""
    return [p for j, p in enumerate(items)
            if not (j and " in " in items[j - 1] and re.fullmatch(r"[A-Z][a-z]+", p))]


_APPOSITIVE = re.compile(r"^(?:a|an|one of|the (?:largest|biggest|leading|first))\s")


def _drop_appositives(items: list[str]) -> list[str]:
    """'Hengda, a new energy vehicle maker, and Lanbo, ...': the description names no site,
    it tells that the name before it is one."""
    out: list[str] = []
    for item in items:
        if _APPOSITIVE.match(item) and out and out[-1][:1].isupper():
            if not _person(out[-1].lstrip("=")):  # "visited Zhang Wei, a retired veteran": a person
                out[-1] = "=" + out[-1].lstrip("=")  # marked: a site, whatever its words
            continue
        out.append(item)
    return out


def _person(name: str) -> bool:
    """A pinyin name ('Zhang Wei') or a surname alone ('Wang')."""
    return is_pinyin_name(name) or name in pinyin_surnames()


def _named_object(item: str) -> bool:
    """A proper name of two to four words as the object of a visit verb, no place or person."""
    name = re.split(r"\s+in\s+", item)[0]
    words = name.split()
    if name.startswith("="):
        return True
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w in ("of", "and") for w in words):
        return False
    return not _CONTAINER.search(name) and not is_pinyin_name(name) and not _NOT_SITE.search(name)


_NOT_SITE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                       r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                       r"Party|Committee|Government|Congress|CPPCC|Bureau|Department|Office)\b")


_INTRO_REF = re.compile(r"\b(?:the|this)\s+(project|enterprise|company|village|community|park|base|"
                        r"museum|school|center)\b|\b(its|there)\b", re.I)


def _introduced(sentence: str, following: str) -> list[str]:
    """'The X project makes...' followed by 'He inspected the project' -> X project."""
    ref = _INTRO_REF.search(following)
    if not ref:
        return []
    word = (ref.group(1) or "").lower()  # "its workshop", "there": whatever the site's kind
    firm = word in ("company", "enterprise")  # "Hengtai Group is ... He visited the company"
    return [sentence[s:e] for s, e in _entities(sentence)
            if (sentence[s:e].lower().endswith(word) or (firm and en_kind(sentence[s:e]) == "enterprise"))
            and s < 40]


def en_stops(sentences: list[str], visit_sentence: list[bool], regions: set[str],
             title_spans: list[str], leads: tuple[str, ...] = ()) -> list[Stop]:
    """Stops of an English article (``regions`` are region names found in it; ``leads`` the
    names of the officials leading the visit)."""
    sentences = [_protect(s) for s in sentences]
    names: list[str] = []
    for i, (sentence, is_visit) in enumerate(zip(sentences, visit_sentence, strict=False)):
        if not is_visit and _lead_is_subject(sentence, leads):
            names.extend(_places_at(sentence))
            continue
        if not is_visit and i + 1 < len(sentences) and visit_sentence[i + 1]:
            names.extend(_introduced(sentence, sentences[i + 1]))
        places = _opener_places(sentence, regions)
        if places:
            names.extend(places)
            continue
        if not is_visit or EN_FUTURE.search(sentence):
            continue
        said = EN_SAID.search(sentence)
        if said:
            sentence = sentence[:said.start()]
        names.extend(_joined(sentence, _entities(sentence), regions))
        names.extend(_lower_site(sentence))
        names.extend(_list_items(sentence, lowercase=False))
    names = [n.lstrip("=") for n in names]
    lower = [n[1:] for n in names if n.startswith("~")]
    names = [n for n in names if not n.startswith("~")]
    if not names:
        best: list[str] = []
        for sentence, is_visit in zip(sentences, visit_sentence, strict=False):
            if is_visit and not EN_FUTURE.search(sentence):
                items = _list_items(sentence, lowercase=True)
                if len(items) > len(best):
                    best = items
        names = best
    names += lower
    names = [n for n in names if not _two_listed(n, names) and not _all_places(n)]
    joined = " ".join(sentences)
    names = [n for n in names if not _part_of(n, names, joined)]
    names = [_restore(n) for n in names if not any(n in t for t in title_spans) and n not in regions]
    return dedupe([Stop(n, en_kind(n)) for n in _same_described(names)])


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


# "Standing on the dike of the Nanwan Reservoir, Li asked...", "He learned about ... at Huarui Auto":
# where the leading official is, said by a preposition before a site's name.
_PARTICIPLE_OPENER = re.compile(r"^(?:[A-Z][a-z]+ing\b[^,]{0,80},\s*)?")
_AT = re.compile(r"\b(?:at|on|in|inside)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?$")


def _lead_is_subject(sentence: str, leads: tuple[str, ...]) -> bool:
    opener = _PARTICIPLE_OPENER.match(sentence)
    rest = sentence[opener.end() if opener else 0:]
    words = {"He", "She", "They"} | {name.split()[0] for name in leads} | set(leads)
    return any(rest.startswith(word + " ") for word in words)


def _places_at(sentence: str) -> list[str]:
    return [sentence[s:e] for s, e in _entities(sentence)
            if _AT.search(sentence[max(0, s - 30):s]) and _SITE_END.search(sentence[s:e])
            and not _CONTAINER.search(sentence[s:e])]


def _same_described(names: list[str]) -> list[str]:
    """'ZTC's high-end cable expansion project' and 'Tengenchi high-end cable expansion project':
    one site named twice (the same description of three lower-case words or more)."""
    out: list[str] = []
    tails: set[str] = set()
    for name in names:
        tail = re.search(r"(?:\s[a-z][\w-]*){3,}$", name)
        key = tail.group(0) if tail else None
        if key and key in tails:
            continue
        if key:
            tails.add(key)
        out.append(name)
    return out


def _protect(sentence: str) -> str:
    return re.sub(r"Co\.\s?,\s?Ltd\.?|Co\.\s+Ltd\.?", "Co~Ltd", sentence)


def _restore(name: str) -> str:
    return name.replace("Co~Ltd", "Co., Ltd.").strip(" ,")


_NOT_PLACE = re.compile(r"^(?:addition|recent|the (?:morning|afternoon|evening)|"
                        r"(?:January|February|March|April|May|"
                        r"June|July|August|September|October|November|December)\b|\d)")


def _opener_places(sentence: str, regions: set[str]) -> list[str]:
    """The sites of the sentence's openers ("At A, he ...; at B, he ..."); none when its first
    opener is a region or no place ("In Huainan, ...", "In addition, ...")."""
    out: list[str] = []
    for k, opener in enumerate(_OPENER.finditer(sentence)):
        place = opener.group(1)
        regional = place in regions or bool(
            _CONTAINER.search(place.title()) and any(place.startswith(r) for r in regions))
        if not _opener_place(place) or regional:
            if k == 0:
                return []
            continue
        out.extend(_opener_items(place))
    return out


def _opener_place(place: str) -> bool:
    """Is 'At/In X,' about a site (not 'In addition,' or 'In June 2022,')?"""
    if _NOT_PLACE.match(place) or not re.search(r"\b[A-Z]", place):
        return False
    return bool(re.search(rf"\b(?:{SITE})\b", place, re.I)) or len(place.split()) <= 5


def _opener_items(text: str) -> list[str]:
    """'At A, B Co., Ltd. and C' -> three; 'At X Village, Y Town of Z County' -> one."""
    items = _split_list(text)
    sited = [i for i in items if _SITE_END.search(i) and not _CONTAINER.search(i)]
    if len(sited) >= 2:
        return sited
    return [_LEAD_WORDS.sub("", text.strip())]
