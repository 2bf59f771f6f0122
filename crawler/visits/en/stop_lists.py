"""Lists of sites after a verb of visiting: "visited A, B and C", "such enterprises as A and B",
"the villages of A, B and C", "A, B and other enterprises"; lower-case lists when no site is named."""

from __future__ import annotations

import re
from functools import lru_cache

from core.gazetteer import gazetteer
from crawler.visits.en.names import is_pinyin_name, is_pinyin_word, pinyin_surnames
from crawler.visits.en.site_words import CONTAINER, SITE_END, protect

_LIST_VERB = re.compile(
    # "the companies he visited included X, Y and Z"
    r"\b(?:(?:visited|inspected|toured|itinerary|stops) includ(?:ed|es)|"
    r"(?:visit|trip|tour) (?:to|of)|tour around|visited|visit|inspected|inspect|inspects|went to|"
    r"came to|arrived at|"
    r"[Ww]alk(?:ed|ing) into|toured|conduct(?:ed)? research on|reachs|reaches|reached|stop was|stops were|"
    r"went deep into|arrived|first to|then to|then went to|including|such as|stops? at|stopped at|"
    r"stops included|stops include|"
    r"stopping at|investigated|surveyed|examined|visiting|inspecting|touring|"
    # "headed straight to X", "going round X", "gave field guidance to X"
    r"head(?:ed|ing|s)? (?:directly |straight )?(?:to|for)|(?:[Gg]oing|went|goes|[Ll]ooked|[Ll]ooking) round|"
    r"(?:gave|giving|gives|provided|providing|provides) field guidance to|"
    # "learned details of projects like X, Y and Z"
    r"(?:projects|enterprises|companies|sites|places) like|"
    r"(?:on-the-spot |on-site |field )?inspections? (?:on|of|at)|"
    r"field (?:trips?|visits?|surveys?) (?:in|to|at))\s+")
_POSSESSIVE_REF = re.compile(r"^[A-Z]\w+ (?:County|District|City)['’]s|"
                             r"^(?:the\s+)?(?:enterprise|company|village|community|group|project|"
                             r"city|county|plant|factory|its|their)(?:['’]s)?\b", re.I)
LEAD_WORDS = re.compile(r"^(?:(?:the|a|an|some|such (?:enterprises|companies|projects|sites|villages) as|"
                         r"(?:progress|renovation|expansion|upgrading|upgrade|operation) of(?: the)?|"
                         # "the production lines of X", "the project sites of X": a part of X
                         r"(?:[a-z-]+ ){0,2}(?:sites?|lines?|workshops?|halls?) of(?: the)?|"
                         r"construction site of the|construction of the|construction of|"
                         r"site of|site of the|preparations for the groundbreaking of the|"
                         r"work at the site of|construction site of|site of)\s+)+", re.I)

def split_list(obj: str, lowercase: bool = False) -> list[str]:
    obj = protect(obj)
    # not inside a zone's name ("Economic and Technological Development Zone")
    # nor "Science and Technology" inside a park's or a college's name
    pattern = (r",\s*(?:and\s+)?|(?<!Science)\s+and\s+(?=(?:the\s+)?=?[A-Z])(?!Technolog\w+ Development)"
               r"(?!Prevention\b|Control\b)"
               # "... and the construction site of Jiuding Phase II": a part named before its site
               r"|\s+and\s+(?=the\s+(?:[a-z-]+\s+){1,3}of\s+(?:the\s+)?[A-Z])")
    parts = re.split(pattern + (r"|\s+and\s+(?=[a-z]+\s)" if lowercase else ""), obj)
    out: list[str] = []
    for part in (p.strip() for p in parts):
        if (out and part and generic_tail(part) and f"{out[-1]} and {part}" in obj
                and out[-1].split()[-1] != part.split()[-1]):  # not "A University and B University"
            out[-1] = f"{out[-1]} and {part}"  # "Examination and Approval Bureau"
        elif out and part and f"{out[-1]} and {part}" in obj and _goods_pair(out[-1], part):
            out[-1] = f"{out[-1]} and {part}"  # "Xinhe Fruits and Vegetables Wholesale Market"
        elif (out and part and f"{out[-1]}, {part}" in obj and _GOODS_LIST.match(part)
              and re.search(r"\b[A-Z][a-z]{2,}s$", out[-1]) and not is_pinyin_word(out[-1].split()[-1])):
            out[-1] = f"{out[-1]}, {part}"  # "Mingfu Cereals, Oils and Foodstuffs Co., Ltd.": one firm
        elif part:
            pair = _LOWER_PAIR.fullmatch(part)
            out.extend(pair.groups() if pair else [part])
    return out


# "paid a working visit to Saboba", "a trip to Qinghe": one word after a trip is a place, not a firm
_TRIP_TO = re.compile(r"^(?:visit|trip|tour) (?:to|of)\s+$")
_GOODS_LIST = re.compile(r"[A-Z][a-z]{2,}s and [A-Z]")
# "the Xinhe health centre and old-age home in Baima": a named site, then one of another kind
_LOWER_KIND = r"(?:cent(?:re|er)|hospital|school|clinic|station|museum|market|kindergarten|home)"
_LOWER_PAIR = re.compile(rf"((?:the\s+)?[A-Z].*?\b{_LOWER_KIND})\s+and\s+"
                         rf"((?:[a-z-]+\s+){{0,2}}{_LOWER_KIND}\b.*)")


def _goods_pair(before: str, after: str) -> bool:
    """'... Fruits' and 'Vegetables Wholesale Market': two plural goods joined inside one name."""
    last, first = before.split()[-1], after.split()[0]
    plural = all(re.fullmatch(r"[A-Z][a-z]{2,}s", w) is not None and not is_pinyin_word(w)
                 for w in (last, first))
    # "Seikwa Nursing and Midwifery Training College", "Hengda Printing and Dyeing Co": two trades, one name
    plural = plural or (re.fullmatch(r"[A-Z][a-z]{2,}ing", last) is not None and not is_pinyin_word(last)
                        and not is_pinyin_word(first))
    # "Zhongyuan Gold and Silver Products Co., Ltd.": two goods, one name
    plural = plural or (_GOODS_WORD.fullmatch(last) is not None and _GOODS_WORD.fullmatch(first) is not None)
    sited = SITE_END.search(after) is not None and not SITE_END.search(before)
    return plural and sited and len(after.split()) > 1


_GOODS_WORD = re.compile(r"(?:Gold|Silver|Iron|Steel|Copper|Aluminum|Aluminium|Oil|Gas|Coal|Grain|Cotton|"
                         r"Rice|Tea|Wine|Salt|Sugar|Paper|Glass|Rubber|Plastic|Leather|Wood|Bamboo|Silk)s?")


def generic_tail(part: str) -> bool:
    """'Approval Bureau', 'Equipment Manufacturing': the end of the name before 'and'."""
    words = part.split()
    tail = SITE_END.search(part) or re.search(r"\b(?:Bureau|Office|Administration)$", part)
    return (1 <= len(words) <= 2 and bool(tail) and not is_pinyin_word(words[0])
            and words[0][:1].isupper() and "-" not in words[0])  # not "HK-Zhuhai-Macao Bridge"


_LOWER_SITE = re.compile(r"\b(complex|site|park|market|center)\b")
_SINGLE_FRAME = re.compile(r"(?:first|next|last) stop was\s+$")
# Lower-case sites kept beside named ones: "visited a clinic and a school in Lishu township".
_STRONG_LOWER = re.compile(r"\b(?:museum|base|complex|school|hospital|clinic|health cent(?:er|re)|"
                           r"(?:old-age|elderly|welfare) home|"
                           r"kindergarten|nursing home|factory|plant|farm|mine)$")
# Lower-case objects that are no site: plural kinds ("villages", "rural villages"), people
# ("locals lifted out of poverty", "cadres"), manner ("listened carefully").
_GENERIC = re.compile(
    r"^(?:(?:some|several|many|local|rural|urban|key|major|relevant|various|the|all)\s+)*[a-z-]+s"
    r"(?:\s+(?:in|of|at)\s+.*)?$|"
    r"^(?:visited\s+)?(?:locals|cadres|households|residents|workers|party members|farmers|villagers|staff|"
    r"families|the elderly|the poor)\b|^[a-z]+ed\s+[a-z]+ly$|"
    # kinds joined ("shopping malls and roads"), a verb run on ("examined hidden dangers")
    r"^(?:[a-z-]+\s+)?[a-z-]+s\s+and\s+(?:[a-z-]+\s+)?[a-z-]+s$|^[a-z]+ed\b|"
    # "came to visit the research": a verb again, no object
    r"^(?:visit|inspect|investigate|research|survey|tour|guide|see|check|study)\b")


_LIST_END = re.compile(
    # not the "for" inside a name ("the Centers for Disease Control")
    r"\s+(?:to|(?<!Center )(?<!Centers )(?<!Centre )(?<!Centres )(?<!Institute )for|where|which|during|"
    r"on (?:the )?(?:morning|afternoon)|on [A-Z][a-z]+day|"
    r"and (?:learn|listen|ask|inspect|visit)|(?:and\s+)?[a-z]+ed\s+the)\s+|[;:]|"
    # a full stop, not the one inside a name ('"Asia No.1" Logistics Park', 'No. 3 Middle School')
    r"\.(?!\w)(?<!\bNo\.)|"
    r",\s*(?:examine|learn|listen|and\s+[a-z]+ed|accompanied|along with|together with|[a-z]+ing\b)|"
    r"\s+on\s+(?:[A-Z][a-z]+day|(?:the\s+)?(?:morning|afternoon|evening))\b|"
    r"\s+(?:on|from|in)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
    r"\s+(?:one after another|successively|respectively|in turn|in succession)\b|"
    # "X near the airport", "X associated with ...", "X under the Y Group": what is said of X after it
    r"\s+(?:near|next to|beside|associated with|under)\s+|"
    # "X and Y - all are leading makers": a dash says what they are
    r"\s+[-–—]\s+|"
    r"\s+and\s+(?:were|was|had|has|is|are)\b|"
    # "visited X and interacted with ...", "went to Y wherein he inspected ...": the list is over
    r"\s+and\s+(?:then\s+)?[a-z]+ed\b|\s+(?:wherein|whereby)\b|"
    r",\s+(?=(?:[A-Z][a-z]+\s+){1,3}(?:also\s+|then\s+)?[a-z]+ed\b)")
_PRONOUN = re.compile(r"(?:him|her|them|us|me|you|it)\b")
_LOWER_VERB = re.compile(r"(?:visited|visit|toured|reachs|reaches|reached|went to|came to|stop was)\s+$")


def list_items(sentence: str, lowercase: bool) -> list[str]:
    out: list[str] = []
    for m in _LIST_VERB.finditer(sentence):
        if lowercase and not _LOWER_VERB.search(m.group(0)):
            continue
        tail = sentence[m.end():]
        if not lowercase:  # "sportswear maker Hengda", "a park named Lanbo": what follows is a site
            tail = _DESCRIBED.sub(lambda d: ", =" if d.group(0).startswith(",") else "=", tail)
        end = _LIST_END.search(tail)
        obj = tail[:end.start()] if end else tail
        kinds = _KIND_OF.match(obj)
        if kinds and not lowercase:  # "the villages of Hongxing, Dongshuang and Xiaowan"
            out.extend(_IN_HOLDER.sub("", p) for p in split_list(obj[kinds.end():]) if p[:1].isupper())
            continue
        others = _OTHER_KIND.search(obj)
        if others and not lowercase:  # "Hengtai, Jiuding and other enterprises": a kind said after
            out.extend(p for p in (LEAD_WORDS.sub("", x) for x in split_list(obj[:others.start()]))
                       if p[:1].isupper() and not _person(p) and not _whole_place(p)
                       and not CONTAINER_WORD.search(p))
            continue
        shared = _SHARED_HEAD.search(obj)
        names = split_list(obj[:shared.start()]) if shared else []
        if shared and not lowercase and 2 <= len(names) <= 5 and all(
                re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", p) and not _person(p) for p in names):
            head = shared.group(1)[:-3] + "y" if shared.group(1).endswith("ies") else shared.group(1)[:-1]
            out.extend(f"{p} {head}" for p in names)  # "Jiawei and Trust-Mart supermarkets": one kind
            continue
        if _PRODUCING.match(obj) and not re.search(r"\b[A-Z]", re.sub(r"\s+in\s+[A-Z].*$", "", obj)):
            continue  # "enterprises producing cement, glass and paper": products, no sites
        raw = _drop_appositives(split_list(obj, lowercase))
        if re.match(r"(?:the\s+)?(?:famil(?:y|ies)|homes?|houses?)\s+of\b", obj):
            continue  # "visited the family of A and B": people at home, no list of sites
        if raw and _PRONOUN.match(raw[0]):
            continue  # "came to visit him, ...": a person visited, no list of sites
        if lowercase:  # "a factory", "poor families", "resettlement sites": kinds, no specific site
            raw = _specific(raw)
        items = [LEAD_WORDS.sub("", p) for p in raw]
        items = [p for p in items if p and not _POSSESSIVE_REF.match(p) and len(p) < 90]
        items = [_IN_THE_AREA.sub("", _OF_HOLDER.sub("", p)) for p in _without_holders(items)]
        if lowercase:
            items = [re.sub(r"^[A-Z][a-z]+['’]s\s+", "", p) for p in items]
            items = [p for p in items if p[:1].islower() and not _GENERIC.search(p)]
            enough = len(items) >= 2 or bool(items and _LOWER_SITE.search(items[0]))
            if enough and len(items) > len(out):
                out = items[:8]
            continue
        named = [p for j, p in enumerate(items) if (p[:1].isupper() or p.startswith("=") or _lower_named(p)
                                                    or _work_of_named(p) or _site_of_owner(p))
                 and not ("Academy" in p and j and "Institute" in items[j - 1])]
        sited = [p for p in named if SITE_END.search(p) or _work_of_named(p) or _site_of_owner(p)]
        if len(sited) >= 2 or (sited and len(named) <= 4
                               and all(len(p.split()) <= 7 or _FIRM_NAMED.search(p) for p in named)):
            out.extend(p for p in named if (_site_of_owner(p) or not _container(p)) and not _person(p)
                       and not (_LOWER_TOWN.search(p) and not _work_of_named(p)))
        elif _SINGLE_FRAME.search(sentence[:m.end()]) and named:
            out.append(named[0])
        elif len(named) == 1 and (_named_object(named[0]) or (len(items) == 1 and _one_word_name(named[0])
                                                               and not _TRIP_TO.search(m.group(0)))):
            out.append(named[0])  # "he visited Yunnan Baiyao in Kunming", "visited Gengli for"
        elif 2 <= len(named) == len(items) and all(
                _named_object(p) or _one_word_name(re.split(r"\s+in\s+", p)[0]) for p in named):
            out.extend(named)  # "went to Hongfeng Boiler Room and Linhe Chemicals", "Yutong Bus, Zoomlion"
        if not m.group(0).endswith(("ing ", "ing\n")) and not (  # "While visiting a tree farm": unnamed
                # "visited Hengda Co., Ltd. and inspected the bottling plant": a part of the firm
                obj.startswith("the ") and _FIRM_NAMED.search(sentence, 0, m.start())):
            out.extend("~" + p for p in _lower_strong_sites(obj))
    return out


# A mirror's lower-case place named in pinyin ("baishiping village", "shuangliyu community"): a name
# all the same; a town after the villages of a list ("..., Xiajie street, Lanting town") holds them.
_LOWER_PLACE = re.compile(r"([a-z]{5,}) (?:village|community)")
_LOWER_TOWN = re.compile(r"\b(?:town|township|street|subdistrict)$")


# A word for what a site is, right before its name: "sportswear manufacturer Hengda", "tech firms
# like battery maker Lanbo", "the cloud services provider Tengxin", "an innovation park named Kaiyun".
_DESCRIBED = re.compile(r"(?:\b(?:a|an|the)\s+)?"
                        r"(?:\b(?!(?:and|or|with|to|at|in)\b)[a-z-]+\s+(?:[a-z-]+\s+){0,4}?)?"
                        r"(?:manufacturer|maker|producer|provider|supplier|developer|operator|giants?|firms|"
                        r"companies|brand|cluster|(?:park|base|center|company|enterprise|firm|project) "
                        r"(?:named|called))\s+(?:(?:such as|like|including)\s+)?(?=[A-Z])"
                        # "a border port with Pingle, named the Qinghe Pass"
                        r"|,?\s*\b(?:named|called)\s+(?:the\s+)?(?=[A-Z])")


_PRODUCING = re.compile(r"(?:(?:the|some|several|many|local|key|an array of|[a-z-]+)\s+){0,3}"
                        r"(?:enterprises|companies|firms|factories|plants|businesses)\s+(?:producing|making|"
                        r"manufacturing|engaged in|in the (?:fields?|sectors?|industr(?:y|ies)) of)\b")


def _container(item: str) -> bool:
    """'Hongqi Town', 'Pingle City': a place that holds sites; 'Lanbo City' (no place of that name),
    a mall or an estate, is a site."""
    town_of = _TOWN_OF.match(item)  # "Shadui Town of Xinhui": a town named with its holder
    if town_of and [h[:2] for h in gazetteer().find_en(town_of.group(1))] == [(0, len(town_of.group(1)))]:
        return True
    return bool(CONTAINER.search(item)) and not (item.endswith(" City")
                                                 and not gazetteer().find_en(item.lstrip("=")))


_TOWN_OF = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}(?:Town|Township|Subdistrict)\s+of\s+([A-Z][\w'’-]*)$")


_FIRM_NAMED = re.compile(r"\b(?:Co~Ltd|Co\.|Ltd\.?|Group|Company|Corporation)(?=\W|$)")
# A site told by its kind and the named place it belongs to: "tobacco base of Haotang town",
# "reconstruction of Chengui road" (not "the development of Xinhe county": a region's work).
_WORK_OF_NAMED = re.compile(r"(?:[a-z-]+ ){0,3}([a-z-]+) of (?:[A-Z][\w'’-]+ ){1,2}"
                            r"(?:town|township|village|road|street|river|lake)")


def _work_of_named(item: str) -> bool:
    m = _WORK_OF_NAMED.fullmatch(item)
    return m is not None and (SITE_END.search(m.group(1)) is not None or m.group(1) == "construction")


# "the Pingle project of Hengda Land", "the new base of Lanbo Foods": a site told by its owner's name.
_SITE_OF_OWNER = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,3}(?:[a-z-]+\s+){0,2}"
                            r"(?:project|base|plant|factory)\s+of\s+"
                            r"((?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*){0,4})")


def _site_of_owner(item: str) -> bool:
    m = _SITE_OF_OWNER.fullmatch(item)
    return m is not None and not _container(m.group(1)) and not _person(m.group(1))


def _lower_named(item: str) -> bool:
    m = _LOWER_PLACE.fullmatch(item)
    return m is not None and is_pinyin_word(m.group(1))


# Names sharing one plural site noun after the last ("Jiawei and Trust-Mart supermarkets").
_SHARED_HEAD = re.compile(r"(?<=[A-Za-z])\s+(supermarkets|companies|enterprises|factories|plants|mills|"
                          r"stores|hospitals|schools|farms|mines|villages|communities|"
                          # "the Kumdang and Unha Farms"
                          r"Farms|Factories|Mines|Villages|Schools|Hospitals)$")


# A list's kind said once before its names, and a name's holder after it ("... in Luoshan County").
_KIND_OF = re.compile(r"(?:the\s+)?(?:villages|communities|companies|enterprises|firms|factories|plants|"
                      r"projects|schools|hospitals)\s+of\s+(?=[A-Z])")
_OTHER_KIND = re.compile(r"(?:,\s*|\s+)(?:and|as well as)\s+(?:many\s+|some\s+)?other\s+(?:[a-z-]+\s+){0,2}"
                         r"(?:enterprises|companies|firms|projects|villages|communities|sites|units|factories|"
                         r"plants|schools|places)\b")
# "Qinghe Subdistrict Office of Pingqiao District": the site; its district is a region.
_OF_HOLDER = re.compile(r"(?<=[a-z])\s+of\s+(?:[A-Z][\w'’-]*\s+)+(?:County|District)$")
# "Qinghe Garden in the temporary closure area": where the named site lies, told in common words
_IN_THE_AREA = re.compile(r"(?<=[\w.])\s+(?:in|at|inside)\s+the\s+(?:(?:[a-z-]+\s+){0,4}"
                          r"(?:area|zone|region|district)"
                          # "Shekou Port in the city of Lanbo": its city, a region
                          r"|(?:city|county|district|province|town)\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)$")
_IN_HOLDER = re.compile(r"\s+in\s+(?:[A-Z][\w'’-]*\s+)+(?:County|District|City|Province|Town|Township)$")


CONTAINER_WORD = re.compile(r"\b(?:County|District|City|Province|Town|Township)\b")


def _whole_place(item: str) -> bool:
    """'Jiuding' a place, and nothing else ('Kunyu New Energy' is a firm named after one)."""
    return any(start == 0 and end == len(item) for start, end, _ in gazetteer().find_en(item))


def _one_word_name(item: str) -> bool:
    """'Zoomlion' beside 'Yutong Bus': one capitalised word that is no place, person or body."""
    return (re.fullmatch(r"[A-Z][a-z]{3,}|[A-Z]{2,6}", item) is not None and not gazetteer().find_en(item)
            and item not in pinyin_surnames() and not _NOT_SITE.search(item) and item not in country_names())


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries and territories by their English names (Babel's CLDR data): 'visited Singapore'."""
    from babel import Locale  # loaded on the first one-word name, not with the module

    return frozenset(Locale("en").territories.values())


_DESCRIBED_PROJECT = re.compile(r"(?:[a-z][\w-]*\s+){3,9}project")


# A lower-case item told by its kind alone: with "a"/"an", in the plural (head before "in"/"of"),
# or a time ("from Sunday").
_UNSPECIFIC = re.compile(r"^(?:an?\s|(?:from|on|until)\s+[A-Z]|"
                         r"[a-z][\w\s-]*?[a-rt-z]s(?:\s+(?:in|of|at)\b|$))")


def _specific(items: list[str]) -> list[str]:
    """The items not told by kind alone; bare items after "a factory" share its article ("a
    factory, school, and hospital")."""
    out: list[str] = []
    indefinite = False
    for p in items:
        if p.startswith(("the ", "The ")) or p[:1].isupper():
            indefinite = False
        elif re.match(r"an?\s", p):
            indefinite = True
        if not (_UNSPECIFIC.search(p) or (indefinite and p[:1].islower())):
            out.append(p)
    return out


def _lower_strong_sites(obj: str) -> list[str]:
    """'a clinic and a school in Lishu township' -> ['clinic', 'school']."""
    whole = re.sub(r"\s+(?:in|at)\s+.*$", "", re.sub(r"^(?:a|an|the)\s+", "", obj.strip()))
    if _DESCRIBED_PROJECT.fullmatch(whole):
        return [whole]  # "the caprolactam relocation and upgrading project in Yueyang": one project
    out: list[str] = []
    for part in split_list(obj, lowercase=True):
        if re.match(r"(?:its|their)\s", part):
            continue  # "the Hengtai Group's headquarters and its new plant": a part of the named site
        part = re.sub(r"\s+(?:in|at)\s+.*$", "", re.sub(r"^(?:a|an|the|its|one)\s+", "", part))
        if part[:1].islower() and _STRONG_LOWER.search(part) and len(part.split()) <= 4:
            out.append(part)
        elif part[:1].islower() and _DESCRIBED_PROJECT.fullmatch(part):
            out.append(part)  # "the caprolactam relocation and upgrading project": one project described
    return out


def _without_holders(items: list[str]) -> list[str]:
    """'Linhe Chemicals in Xiangyang, Hubei': the one word after a place is its holder."""
    return [p for j, p in enumerate(items)
            if not (j and " in " in items[j - 1] and re.fullmatch(r"[A-Z][a-z]+", p))]


# "..., the site of a pumping station", "..., home to a tea market": a description of the name before.
_APPOSITIVE = re.compile(r"^(?:a|an|one of|the (?:largest|biggest|leading|first)|"
                         r"the (?:site|seat|location) of|home to)\s")


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
    return not CONTAINER.search(name) and not is_pinyin_name(name) and not _NOT_SITE.search(name)


_NOT_SITE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                       r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                       r"Party|Committee|Government|Congress|CPPCC|Bureau|Department|Office)\b")
