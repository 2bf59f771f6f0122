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

from core.gazetteer import gazetteer
from core.records import Stop
from crawler.visits.en.detect import EN_FUTURE, EN_SAID
from crawler.visits.en.names import is_pinyin_word
from crawler.visits.en.openers import opener_places
from crawler.visits.en.site_words import CONTAINER, LOWER, SITE, SITE_END, VILLAGE_NAMED, protect
from crawler.visits.en.stop_lists import generic_tail, list_items
from crawler.visits.en.stop_names import clean_names
from crawler.visits.stops import dedupe, en_kind

# "Xishan Power 15th ...", "Hengda (Pingle) Textile", "Lanbo (SCO) Logistics Port"
_CAP_WORD = r"(?:[A-Z][\w'’&.-]*|\([A-Z][A-Za-z]+\)|\d+(?:st|nd|rd|th)?)"
_LINK = r"(?:of|and|for|de|&)"
_ENTITY = re.compile(
    rf"{_CAP_WORD}(?:[ ]+(?:{_CAP_WORD}|{_LINK}(?=[ ]+[A-Z])))*(?:[ ]+{LOWER}){{0,4}}?[ ]+(?:{SITE})\b"
    rf"(?:[ ]+of(?:[ ]+{_CAP_WORD})+"
    # "the Xinhe Academy for Marine Engineering", "the Baima Center for Disease Control"
    rf"|(?:(?<=Academy)|(?<=Institute)|(?<=Center)|(?<=Centre)|(?<=School)|(?<=College))[ ]+for"
    rf"(?:[ ]+{_CAP_WORD})+)?"
    rf"|{_CAP_WORD}(?:[ ]+{_CAP_WORD})*[ ]+(?:{SITE})\b"
    # "the Museum of Military History", "the College of Marine Sciences": the site word first
    rf"|\b(?:Museum|College|School|Institute|Academy|Library|Memorial Hall|Exhibition Hall)"
    rf"(?:[ ]+(?:for|of)[ ]+{_CAP_WORD}(?:[ ]+(?:{_CAP_WORD}|and(?=[ ]+[A-Z])))*)"
)
_AFFILIATION = re.compile(
    r"(?:head|leader|leaders|manager|director|chairman|president|secretary|member|members|staff|"
    r"person in charge|responsible person|employees|workers|representative|Head|"
    r"Director|Manager)\s+(?:of\s+)?(?:the\s+)?$"
)
_TITLE_BODY = re.compile(r"Party Committee|People'?s Congress|CPPCC|Standing Committee|"
                         r"Management Board|Department of")


_AND_AFTER_SITE = re.compile(rf"\b(?:{SITE}|County|District|City|Province)()\s+and\s+(?=[A-Z])"
                             r"(?!Prevention\b)")


_GOODS_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*[ ]+){0,4}([A-Z][a-z]{2,}s)),[ ]*$")
_ABBREVIATION = re.compile(r"\b(?:Co|Ltd|Inc|Corp|Bros|Dept|Govt)\.$")
_OF_HOLDER = re.compile(r"[ ]+of(?:[ ]+[A-Z][\w'’-]*)+$")
_HOLDER_KIND = re.compile(r"[ ]+(?:district|county|city|province|prefecture|town|township)\b")


def _entities(sentence: str, start: int = 0) -> list[tuple[int, int]]:
    spans = []
    for m in _ENTITY.finditer(sentence, start):
        s, e = m.start(), m.end()
        if sentence[e - 1] == "." and re.search(r"[a-z]{3}\.$", sentence[s:e]) and not _ABBREVIATION.search(
                sentence[s:e]):
            e -= 1  # "... of Luoshan County.": the sentence's full stop
        holder = _OF_HOLDER.search(sentence, s, e)
        if holder and _HOLDER_KIND.match(sentence, e):
            e = holder.start()  # "Qinghe village of Baima district": the village; the district is a region
        text = sentence[s:e]
        if re.search(r"\d\.$", sentence[:s]):
            continue  # "industry 4.0 model factory": no name starts inside a number
        goods = _GOODS_BEFORE.search(sentence, 0, s)
        if goods and re.match(r"[A-Z][a-z]{2,}s and ", text) and not is_pinyin_word(goods.group(2)):
            s = goods.start(1)  # "Mingfu Cereals, Oils and Foodstuffs Co., Ltd.": one firm's goods
            text = sentence[s:e]
        lead = re.match(r"(?:(?:The|A|An|In|At|On|During|After|Then)\s+)+", text)
        if lead:
            s += lead.end()
        place = re.match(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) and (?=[A-Z])", sentence[s:e])
        if place and _whole_place(place.group(1)):
            s += place.end()  # "in the city of Pingle and Qinghe Port": the city, then the site
        for cut in _AND_AFTER_SITE.finditer(sentence[s:e]):
            if generic_tail(sentence[s + cut.end():e]):
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
                or _NOT_A_PLACE_AFTER.match(sentence, spans[i - 1][1]) or _BESIDE.search(sentence, 0, s)
                or _LOCATED.search(sentence, 0, s) or _PLANNED.search(sentence, 0, s)
                or _PARENT_BEFORE.search(sentence[max(0, s - 60):s])):
            continue
        if "Academy" in name and re.search(r"Institute[\w ]*,\s*$", sentence[max(0, s - 60):s]):
            continue
        if CONTAINER.search(name) and (" in " not in name and " of " not in name or _places_only(name)):
            continue
        if CONTAINER.search(name.split(" of ")[0]) and " of " in name and _places_only(name):
            continue  # "Shadui Town of Xinhui": a town named with its holder
        if any(name.startswith(r) and CONTAINER.search(name) for r in regions):
            continue
        out.append(name)
    return out


def _described_place(item: str) -> bool:
    """'capital city Xinyang', 'flood-hit Luoshan': a region told with its rank or plight, no site."""
    return any(end == len(item) for _, end, _ in gazetteer().find_en(item))


def _to_come(sentence: str) -> bool:
    """Does the sentence tell a visit still to come ('will visit X'), not only people who will do
    something ('greeted the officers who will remain at their posts')?"""
    future = EN_FUTURE.search(sentence)
    return future is not None and not _WHO_BEFORE.search(sentence, 0, future.start())


# "Since 2012, he has visited ports including X": earlier visits told as background
_EARLIER = re.compile(r"\b[Ss]ince\b[^.;]*\b(?:has|have)\s+(?:\w+\s+){0,2}"
                      r"(?:visited|inspected|toured|been to)\b")
_WHO_BEFORE = re.compile(r"\b(?:who|that|which)\b[^,;]*$")


def _places_only(name: str) -> bool:
    """'Hongqi Town of Pingle District': a town named with its holder, every part a place."""
    return all(CONTAINER.search(part) or _whole_place(part) for part in re.split(r"\s+(?:of|in)\s+", name))


def _whole_place(part: str) -> bool:
    """'Xinhui' in 'Shadui Town of Xinhui': a gazetteer name and nothing more."""
    hits = gazetteer().find_en(part)
    return len(hits) == 1 and hits[0][:2] == (0, len(part))


_AREA_OPENER = re.compile(r"^(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}"
                          r"(?:Town|Township|Subdistrict|County|District|New Area|Zone)"
                          r"(?:\s+of\s+[A-Z][\w'’-]*)?$")
# Who took part in a visit and the units they come from: a sentence naming no site.
_TAKING_PART = re.compile(r"\b(?:participated in|took part in|joined|accompanied)\s+(?:the\s+)?(?:survey|"
                          r"investigation|inspection|research|visit|tour)\b")
_GOING = re.compile(r"\b(?:visited|went|came|inspected|toured|arrived|walked)\b")
# "the Lanbo Tea Estate adjacent to the Xinhe Forest Park": a landmark that tells where the site is.
_BESIDE = re.compile(r"\b(?:adjacent to|next to|close to|near|beside)\b[^,.;]{0,50}$")
# "the proposed components of the Xinhe River project", "proposed to build a new Sewage Treatment Plant":
# a site planned, not one gone to.
_PLANNED = re.compile(r"\b(?:proposed|planned|planning)\b[^,.;]{0,40}$|"
                      r"\bto (?:build|construct|set up|establish)\s+(?:a|an|the)?\s*(?:new\s+)?$")
# "the Qinghe Branch Institute of the Rice Research Institute under the Academy of Sciences": the bodies
# a branch belongs to, not sites gone to.
_PARENT_BEFORE = re.compile(r"\bBranch\s+(?:Institute|Office|Cent(?:er|re)|School|Station|Company|Hospital)"
                            r"\s+of\s+the\s+$|\bunder\s+the\s+$")
# "Hengda Co., Ltd., a maker of valves located in the Xinhe Industrial Complex": where a site is.
_LOCATED = re.compile(r"\b(?:located|situated|based|sited|headquartered)\s+(?:in|at|on|inside)\s+"
                      r"(?:the\s+)?$")
# "the Belt and Road Initiative", "the Tea Culture Festival", "the Xinhe Science and Technology Awards
# Ceremony": a name that goes on as a policy or an event is no site.
_NOT_A_PLACE_AFTER = re.compile(r"\s+(?:Initiative|Strategy|Plan|Program|Programme|Policy|Campaign|Action|"
                                r"Forum|Festival|Conference|Summit|Expo|Fair|Week|Awards?|Prizes?|Ceremony|"
                                r"Meetings?|Sessions?|Competition|Contest|Band|Orchestra|Choir|Chorus|Troupe)\b"
                                # "the Xinhe Trade Corporation's board meeting": a body that met
                                r"|['’]s\s+(?:\([A-Z]+\)\s+)?(?:[a-z]+\s+){0,4}(?:meeting|session|conference)\b")
# "signed a deal with X", "developed with Y", "built by Z": a partner of the site, not one visited.
_PARTNER = re.compile(r"\b(?:signed|developed|built|produced|invested|funded|cooperat\w*|partner\w*|"
                      r"deal|agreement|contract|jointly|supplied|sold|acquired|owned)\b[^,.;]{0,40}?"
                      r"\b(?:with|by|for|to|from)\s+(?:the\s+)?$"
                      # "Hengtai Group, a supplier of Huawei Technologies": the site's customer or owner
                      r"|\b(?:supplier|subsidiary|customer|client|partner|vendor)s?\s+(?:of|to)\s+(?:the\s+)?$")
# "Relevant leaders from the Bureau of Industry, the ... accompanied": the units people come from.
_PEOPLE_FROM = re.compile(r"\b(?:leaders|officials|heads|comrades|persons? in charge|delegation|"
                          r"delegates|team|group)\s+(?:from|of)\b"
                          r"(?:(?!\b(?:went|came|visited|inspected|toured|inspect)\b)[^.;])*$")
_CONTAINER_WORD = re.compile(r" in (?:[A-Z][\w'’-]* ){1,3}(?:Street|Town|Township|Subdistrict)\b")
_LOWER_SITE_IN = re.compile(rf"(?:the\s+)?((?:{LOWER}\s+){{1,5}}(?:center|centre|hall|base|museum|station))"
                            r"\s+in\s+((?:[A-Z][\w'’-]*\s+){1,3}(?:Street|Town|Township|Subdistrict))")


def _lower_site(sentence: str) -> list[str]:
    """'the community service center in Xiaoli Street' -> one stop."""
    if not _CONTAINER_WORD.search(sentence):
        return []
    return [f"{m.group(1)} in {m.group(2)}" for m in _LOWER_SITE_IN.finditer(sentence)]


_INTRO_REF = re.compile(r"\b(?:the|this)\s+(project|enterprise|company|village|community|park|base|"
                        r"museum|school|center)\b|\b(its|there)\b", re.I)


def _introduced(sentence: str, following: str) -> list[str]:
    """'The X project makes...' followed by 'He inspected the project' -> X project."""
    ref = _INTRO_REF.search(following)
    if not ref:
        return []
    word = (ref.group(1) or "").lower()  # "its workshop", "there": whatever the site's kind
    firm = word in ("company", "enterprise")  # "Hengtai Group is ... He visited the company"
    spans = _entities(sentence)
    return [sentence[s:e] for s, e in spans
            if (sentence[s:e].lower().endswith(word) or (firm and en_kind(sentence[s:e]) == "enterprise"))
            and s < 40
            # "The premier praised Hengda Electronics for ... During his visit to the company, ...": the one
            # firm the sentence names, wherever it stands
            or (firm and len(spans) == 1 and en_kind(sentence[s:e]) in ("enterprise", "other")
                and not _AFFILIATION.search(sentence[max(0, s - 40):s]))]


def en_stops(sentences: list[str], visit_sentence: list[bool], regions: set[str],
             title_spans: list[str], leads: tuple[str, ...] = ()) -> list[Stop]:
    """Stops of an English article (``regions`` are region names found in it; ``leads`` the
    names of the officials leading the visit)."""
    sentences = [protect(s) for s in sentences]
    villages = {m.group(1) for s in sentences for m in VILLAGE_NAMED.finditer(s)}
    names: list[str] = []
    for i, (sentence, is_visit) in enumerate(zip(sentences, visit_sentence, strict=False)):
        if not is_visit and _lead_is_subject(sentence, leads):
            names.extend(_places_at(sentence))
            continue
        if not is_visit and i + 1 < len(sentences) and visit_sentence[i + 1]:
            names.extend(_introduced(sentence, sentences[i + 1]))
        # "In Shadui Town, the team visited X": a town or zone opening the sentence holds the sites named
        # after it, it is none of them
        places = opener_places(sentence, regions)
        if (places and all(_AREA_OPENER.search(p) for p in places) and is_visit
                and list_items(sentence, False)):
            places = []
        if places:  # "At A, he learnt about ...; carried out inspection on B and C": both clauses
            names.extend(places)
            rest = sentence.find(";")
            if rest >= 0 and is_visit:
                names.extend(list_items(sentence[rest + 1:], lowercase=False))
            continue
        if not is_visit:
            continue
        said = EN_SAID.search(sentence)
        if said:  # "said ... during a visit to X": the occasion after the remark names the site
            during = _DURING_VISIT.search(sentence, said.end())
            sentence = sentence[:said.start()] + (" " + sentence[during.start():] if during else "")
        if _to_come(sentence) or _EARLIER.search(sentence):  # "will visit X", "since 2012 he has visited Y"
            continue
        if _TAKING_PART.search(sentence) and not _GOING.search(sentence):
            continue  # "Leaders A, B, the Finance Bureau and the Project Center participated in the survey"
        names.extend(_joined(sentence, _entities(sentence), regions))
        names.extend(_lower_site(sentence))
        names.extend(list_items(sentence, lowercase=False))
        names.extend(_shared_kind(sentence))
        names.extend(_villages_gone_to(sentence, villages))
    names = [n.lstrip("=") for n in names]
    lower = [n[1:] for n in names if n.startswith("~")]
    names = [n for n in names if not n.startswith("~")]
    if not names:
        best: list[str] = []
        for sentence, is_visit in zip(sentences, visit_sentence, strict=False):
            if is_visit and not _to_come(sentence):
                items = [i for i in list_items(sentence, lowercase=True) if not _described_place(i)]
                if len(items) > len(best):
                    best = items
        names = best
    names += lower
    names = clean_names(names, " ".join(sentences), regions, title_spans, leads)
    return dedupe([Stop(n, en_kind(n)) for n in names])


_GONE_TO = re.compile(r"\b(?:visited|toured|went to|came to|arrived (?:in|at))[ ]+([A-Z][a-z]+)\b"
                      r"(?![ ]+(?:[A-Z]|[Vv]illage|[Tt]own|[Tt]ownship|[Cc]ommunity))")


def _villages_gone_to(sentence: str, villages: set[str]) -> list[str]:
    """'visited Xinhe' where the text elsewhere says 'Xinhe village': that village, a stop."""
    return [m.group(1) for m in _GONE_TO.finditer(sentence) if m.group(1) in villages]


# "the service centers in Qinghe and Lanbo communities": names sharing one plural kind after them.
_NAME2 = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_SHARED_KIND = re.compile(rf"\bin\s+((?:{_NAME2},\s*)*{_NAME2}"
                          r"\s+and\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(communities|villages)\b")


def _shared_kind(sentence: str) -> list[str]:
    out: list[str] = []
    for m in _SHARED_KIND.finditer(sentence):
        head = "community" if m.group(2) == "communities" else "village"
        out.extend(f"{name} {head}" for name in re.split(r",\s*|\s+and\s+", m.group(1)))
    for m in _TWO_OF_A_KIND.finditer(sentence):  # "the Kumdang and Unha Farms": a farm each
        kind = m.group(3)[:-3] + "y" if m.group(3).endswith("ies") else m.group(3)[:-1]
        out.extend(f"{m.group(i)} {kind}" for i in (1, 2) if not _whole_place(m.group(i)))
    return out


_TWO_OF_A_KIND = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) "
                            r"(Farms|Factories|Mines|Schools|Hospitals|Plants)\b")


_DURING_VISIT = re.compile(r"\b(?:during|while on|in the course of)\s+(?:(?:a|an|his|her|their|the)\s+)?"
                           r"(?:[\w-]+\s+)?(?:visit|tour|inspection|trip)\s+(?:to|of)\b")
# "Standing on the dike of the Nanwan Reservoir, Li asked...", "He learned about ... at Huarui Auto":
# where the leading official is, said by a preposition before a site's name.
_PARTICIPLE_OPENER = re.compile(r"^(?:[A-Z][a-z]+ing\b[^,]{0,80},\s*|"
                                r"(?:Meanwhile|Then|Later|Afterwards|Also|Next|Finally),\s*)?")
_AT = re.compile(r"\b(?:at|on|in|inside)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?$")


def _lead_is_subject(sentence: str, leads: tuple[str, ...]) -> bool:
    opener = _PARTICIPLE_OPENER.match(sentence)
    rest = sentence[opener.end() if opener else 0:]
    words = {"He", "She", "They"} | {name.split()[0] for name in leads} | set(leads)
    return any(rest.startswith(word + " ") for word in words)


def _places_at(sentence: str) -> list[str]:
    return [sentence[s:e] for s, e in _entities(sentence)
            if _AT.search(sentence[max(0, s - 30):s]) and SITE_END.search(sentence[s:e])
            and not CONTAINER.search(sentence[s:e]) and not _NOT_A_PLACE_AFTER.match(sentence, e)
            and not _INSIDE_THE_SITE.match(sentence, e) and not re.match(r"[ ]+[A-Z]", sentence[e:])]


# "the books in the Lu Xun Library in the school": a part of the site just visited
_INSIDE_THE_SITE = re.compile(r"\s+(?:in|of|at|inside)\s+(?:the|its|their)\s+"
                              r"(?:school|hospital|company|factory|plant|village|community|park|cent(?:re|er)|"
                              r"campus|museum)\b")
