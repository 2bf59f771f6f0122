"""Regions in English text: pinyin gazetteer names where the visit took place.

A name counts in a visit sentence after "went to", "inspected", "a tour of",
or "in"/"at"; with its suffix ("Pingyin County") in a visit sentence or the
headline; or as the place "came to our county" means. A county named with
the city or province that holds it ("Daming county in Hebei province",
"Xingren County, southwest China's Guizhou Province") gives both. Names in
titles ("Secretary of Jinan"), organisations ("Pingyin County Party
Committee") and after a person's surname are not regions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.gazetteer import Region, gazetteer, is_ancestor
from crawler.visits.en.areas import TITLE_BEFORE, named_areas
from crawler.visits.en.datelines import dateline_region as dateline_region
from crawler.visits.en.names import pinyin_surnames
from crawler.visits.en.site_words import VILLAGE_NAMED
from crawler.visits.en.world import find_world, is_world

_EN_SUFFIX = re.compile(r"^[ ]+(?:[A-Z][a-z]+(?:[ ]+and[ ]+[A-Z][a-z]+)?[ ]+(?=[Aa]utonomous))?"
                        # "Liangshan Yi Autonomous Prefecture", "Xiangxi Tujia and Miao autonomous prefecture"
                        r"(County|District|City|Province|Prefecture|New District|New Area|Banner|"
                        # a county-level forestry district (Shennongjia Forestry District, 神农架林区)
                        r"Forestry District|forestry district|"
                        r"Municipality|municipality|Autonomous Region|Autonomous Prefecture|"
                        r"Autonomous County|autonomous region|autonomous prefecture|autonomous county|"
                        r"League|Zuoqi|Youqi|Qianqi|Houqi|Zhongqi|county|district|city|"
                        r"province|prefecture|banner)\b")
_EN_PLURAL = re.compile(r"^(?:(?:,[ ]*|[ ]+and[ ]+)[A-Z][\w'’]+)*[ ]+(?:counties|districts|cities|"
                        r"Counties|Districts|Cities)\b")
_EN_NOT_AFTER = re.compile(r"^(?:['’]s\b|[ ]+(?:[Tt]ownship|[Tt]own|[Vv]illage|[Ss]ubdistrict|[Ss]treet)\b|"
                           r"[ ]+(?:[Mm]unicipal|[Pp]rovincial|[Pp]arty|CPC|Committee|"
                           r"People|Daily|"
                           # "met the Jiangxi cadres working in Baima": the people's home province
                           r"cadres|officials|delegat\w+|talents|compatriots|investors|entrepreneurs|"
                           r"News|Government|government|Bureau|authorit|[A-Z][a-z]))")
# After "X County": the name is part of an organisation or a title ("X County Party Committee").
_EN_ORG_AFTER = re.compile(r"^[ ]+(?:[Mm]unicipal|[Pp]arty|CPC|[Cc]ommittee|"
                           r"People['’]s[ ]+(?:Government|Congress)|Government|government|Daily|News|Mayor|"
                           r"Magistrate|Bureau|Radio|Television|Media|Secretary|Chief|Head|Director|Governor|"
                           r"Leaders?|Committee|leaders|officials|cadres)\b"
                           # "Tianquan County Modern Agricultural Park": the county names a site
                           # "the X County Center for Disease Control", "X County Hospital"
                           r"|^[ ]+(?:Center|Centre|Hospital|School|College|Institute|Station|Museum|"
                           r"Library)\b"
                           r"|^[ ]+(?!(?:And|In|On|To|Of|For|With|The|During|From)\b)"
                           r"[A-Z][a-z]+(?:['’]s)?[ ]+[A-Z]")
# "The visit follows his inspection tour in Baoji on Monday": an earlier tour, not this visit's place.
_EN_EARLIER_TOUR = re.compile(r"\b(?:follows|followed|came after|comes after|on the heels of)\s+"
                              r"(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+){0,3}(?:tour|visit|trip|inspection)\b[^.;]*"
                              # "the instructions delivered by X during his research tour in Baima"
                              # "X's important instructions during his inspection tour in Baima": another's
                              # tour; not "he made the remarks during his inspection tour to Baima"
                              r"|(?:\b|(?P<poss>['’¯]s\s+(?:[a-z]+\s+){0,2}))(?:instructions|speech(?:es)?|remarks)\s+"
                              r"(?(poss)(?:(?:delivered|made|given)\s+(?:by\b[^.;]{0,80}?)?)?"
                              r"|(?:delivered|made|given)\s+by\b[^.;]{0,80}?)"
                              r"\b(?:during|in)"
                              r"\s+(?:his|her|their)"
                              r"\s+(?:[\w-]+\s+){0,2}(?:tour|visit|trip|inspection)\b[^.;,]*")
_EN_OUR = re.compile(r"\b(?:came|come|comes|went|go|goes|arrived)[ ]+(?:in)?to[ ]+our[ ]+"
                     r"(county|city|district)\b", re.I)
# The part of China a place is told in: "central China's Hunan", "southwest China's Guizhou".
_DIRECTION = r"(?:central|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)"
# "an inspection tour of Hunan, visiting Changsha and Yueyang": the participles too
_EN_STRONG_BEFORE = re.compile(r"(?:\bto|\binto|\binspect(?:s|ed|ing)?|\bvisit(?:s|ed|ing)?|"
                               r"\btour of|\btour(?:s|ed|ing)|"
                               r"\bsurvey(?:s|ed|ing)?|\binvestigat(?:es|ed|ing)|"
                               r"\b(?:inspection|research|study|working) tour|"
                               r"\btour to|\barriv\w+ (?:in|at)|\breach(?:ed|es|ing)?|"
                               # "the Mekong Delta province of Baima", "the state of Xinhe"
                               r"\b(?:cities|counties|districts|provinces|prefectures|regions|city|county|"
                               r"district|prefecture|province|state)"
                               r"(?: and (?:towns|townships|cities|counties))? of|"
                               # "counties and cities such as Fenghuang, Mayang, and Lianyuan"
                               r"\b(?:cities|counties|districts|provinces)"
                               r"(?: and (?:cities|counties|districts))? (?:such as|including|like)|"
                               # "entered hard-hit regions in the province, including the capital X"
                               r"\b(?:regions|areas|places|localities)\b[^.;]{0,30}?,? (?:such as|including)|"
                               r"\b(?:tour|visit|trip) (?:in|of|to) (?:the )?[A-Za-z-]+ China['’]s|"
                               # "The first stop of his tour was Jiaozuo"
                               r"\b(?:first|next|last|final)[ ]stop\b[^.;]{0,60}?[ ]was|"
                               # "a survey in Shadui Town of Xinhui": the county or city holding a town
                               r"\b(?:town|township)[ ]+of|"
                               # "inspected the flood control work of Baima": the place whose work is seen
                               r"\b(?:inspect|survey|investigat|check|review)\w*[ ]+(?:the[ ]+)?"
                               r"(?:[\w-]+[ ]+){0,4}?(?:work|efforts?|situation|progress)[ ]+of|"
                               # "flood-hit areas of Baima", "the area Hongqi of Baima": their holder
                               r"\bareas?[ ]+(?:(?-i:[A-Z])[\w'’-]*[ ]+){0,2}of|"
                               # "areas of district Baima", "a visit to the province Xinhe": kind first
                               r"\b(?:of|in|to|visit\w*|tour\w*)[ ]+(?:the[ ]+)?(?-i:[a-z-]+[ ]+)?"
                               r"(?-i:district|province|state)|"
                               # "visiting the famous red tourism destination of Xinhe": the place it is
                               r"\b(?:visit\w*|inspect\w*|tour\w*|to)[ ]+the[ ]+(?:[\w-]+[ ]+){0,4}?"
                               r"(?:destination|hub|capital|home(?:town)?|birthplace|cradle|base)[ ]+of|"
                               r"\bwent to|\bcame to|\bcome to)[ ]+(?:the[ ]+)?"
                               # "his visit to Qianhai, Shenzhen": the holder of a place gone to
                               r"(?:(?:(?-i:[A-Z])[\w'’-]*[ ]+){0,2}(?-i:[A-Z])[\w'’-]*,[ ]+)?"
                               # "flew to flooded Bozhou", "inspected the provincial capital Hefei"
                               r"(?:(?:provincial[ ]+)?capital(?:[ ]+city)?[ ]+|"
                               r"(?:(?:seriously|severely|badly)[ ]+)?"
                               r"(?:flooded|[a-z]+-(?:hit|stricken))[ ]+)?"
                               # "a tour of Anhui's Huainan and Bengbu": the place after its holder's;
                               # "inspected east China's Jiangxi Province", "central China's Hunan"
                               r"(?:(?:" + _DIRECTION + r"[ ]+)?"
                               r"China['’]s[ ]+|"
                               # "a tour of the country's northwestern Xishan Province"
                               r"country['’]s[ ]+(?:" + _DIRECTION + r"[ ]+)?)?"
                               r"(?:(?-i:[A-Z])[a-z]+['’]s[ ]+)?$", re.I)
# "the plenary session to be convened next month in Beijing": where an event still to come is held.
_EN_TO_BE_HELD = re.compile(r"\b(?:to be|will be)[ ]+(?:convened|held)\b[^.;,]{0,60}")
# Between a place in a title and its holder: "mayor of Baima city in east China's Xishan province".
_EN_TITLE_HOLDER = re.compile(r"(?:,?[ ]+(?:in|of)[ ]+|(?P<comma>,[ ]*))(?:the[ ]+)?"
                              r"(?:(?:[A-Za-z]+[ ]+)?China['’]s[ ]+)?")
# "A delegation of Anqing's Daguan District investigates in Wujiang": the visitors' home.
# "A delegation from the government of Baima New Area visited ...": the government's place, the same.
_EN_HOME = re.compile(r"\b[Dd]elegations?[ ]+(?:of|from)[ ]+(?:the[ ]+)?"
                      r"(?:(?:(?:[Pp]eople['’]s[ ]+)?[Gg]overnment|[Aa]uthorities|"
                      r"[Pp]arty[ ]+[Cc]ommittee)[ ]+of[ ]+)?"
                      r"(?:[A-Z][\w'’-]*[ ]*){1,5}")
# "a railway connecting the region with Sichuan province": places a route or a border links to.
_EN_LINKS = re.compile(r"\b(?:connecting|linking|bordering|borders)\b[^.;]{0,80}")
# "Xinyang, flood-hit Luoshan and the industrial hub of Zhumadian": the next place of a list gone to.
_EN_CHAIN = re.compile(r"(?:,|\band)[ ]+(?:the[ ]+)?(?:(?:provincial[ ]+)?capital(?:[ ]+city)?[ ]+|"
                       r"(?:[a-z]+[ ]+)?(?:flooded|[a-z]+-(?:hit|stricken|affected))[ ]+|"
                       r"(?:[a-z]+[ ]+){0,2}(?:hub|city|base|centre|center)[ ]+of[ ]+)?$")
# "sold to Shanghai", "moved from Zhengzhou to": things go there, not the official.
# "flew back to Lanzhou", "returned to Xining": the party goes home, not to the visit's place.
# "Consuls-general of 12 countries to Hong Kong": where diplomats are posted.
_EN_NOT_GOING = re.compile(r"\b(?:(?i:consuls?|ambassadors?|envoys?)(?:[- ][Gg]eneral)?"
                           r"(?:[ ]+of[ ]+[^.;]{0,40})?|"
                           r"sold|sells?|sell|export\w*|ship\w*|deliver\w*|suppl\w*|transport\w*|"
                           r"moved|relocated|compared|similar|close|next|adjacent|connect\w*|link\w*|"
                           r"back|return(?:ed|ing|s)?|"
                           r"from[ ]+[A-Z][\w'’-]*)[ ]+to[ ]+(?:the[ ]+)?$")
# ", who used to work in Luoyang,": what a person did elsewhere, not where the visit went; and what
# someone says ("We welcome you to visit Panzhihua").
# "..., saying that the city would help firms grow in Baima": the same, told by a participle.
# But ", who is on a two-day visit to Baima,": the visit itself, no aside.
_EN_WHO = re.compile(r",[ ]*who[ ](?!(?:is|was|are|were)[ ]+on[ ]+(?:a|an|his|her|their)[ ]+"
                     r"(?:[\w-]+[ ]+){0,2}(?:visit|tour|trip|inspection)\b)[^,;.]*|"
                     r"\b(?:said|says|stated|added|saying|adding|noting|stating|"
                     r"emphasi[sz]ed|stressed|pointed[ ]+out)[ ]+that\b"
                     r"[^;.]*")
_EN_QUOTE = re.compile(r"[\"“][^\"“”\n]{10,600}[\"”]")
# "listened to reports from Pengjiang District, ...", "The delegation was from Lixia district": the
# places the people come from, not where the visit went.
_EN_FROM = re.compile(r"(?:\b(?:reports?|leaders|officials|heads|representatives|delegates|"
                      r"persons? in charge)\b[^.;]{0,80}?\bfrom\b|\b(?:was|were|is|are)[ ]+from\b|"
                      r"\belected[ ]+(?:by|in|from)\b)"
                      r"(?:(?!\b(?:went|came|visited|inspected|toured|investigated|surveyed)\b)[^.;])*")
# "led a team from Zhengzhou to Xinyang": the party itself goes there.
_EN_PARTY_GOES = re.compile(r"\b(?:led|went|came|travell?ed|headed|rushed)\b[^.;,]{0,40}\bfrom[ ]+"
                            r"[A-Z][\w'’-]*[ ]+to[ ]+$")
_EN_ROUTE = re.compile(r"^-[A-Z]")
_EN_ROUTE_BEFORE = re.compile(r"[A-Za-z]-$")
_EN_WEAK_BEFORE = re.compile(r"\b(?:in|at|In|At)[ ]+(?:(?:suburban|rural|urban|downtown|central|northern|"
                             r"southern|eastern|western)[ ]+)?$"
                             # "in southwest China's Guizhou Province", "in northeastern Jilin Province"
                             r"|\b(?:in|In)[ ]+(?:(?i:" + _DIRECTION + r")"
                             r"[ ]+)?(?:China['’]s[ ]+)?$")
# Between a county and the city or province that holds it: "Daming county in Hebei province",
# "Pingnan county, Ningde city, in Fujian province", "Xingren County, southwest China's Guizhou".
_EN_CONTAINER_LINK = re.compile(
    r"^(?:[ ]+(?:County|District|City|Prefecture|county|district|city|prefecture|Banner|banner))?"
    r"[ ]*(?:,[ ]*(?:in[ ]+)?|[ ]+in[ ]+|[ ]+of[ ]+|,[ ]*(?:the[ ]+)?(?:provincial[ ]+)?capital[ ]+of[ ]+|"
    r"[ ]*[,–—-][ ]*(?:which[ ]+(?:is|are)[ ]+|both[ ]+)?located[ ]+in[ ]+|"
    r",[ ]*an?[ ]+(?:county|district|county-level[ ]+city|city)[ ]+(?:under|of|in|administered[ ]+by)[ ]+|"
    # "Jiaozuo, a city at the northern tip of Henan Province"
    r",[ ]*an?[ ]+(?:county|district|county-level[ ]+city|city)[ ]+(?:in|at|on)[ ]+the[ ]+"
    r"(?:[a-z-]+[ ]+){1,3}of[ ]+)"
    r"(?:the[ ]+)?"
    r"(?:(?:[A-Za-z]+[ ]+)?China['’]s[ ]+)?$")
_EN_SITE_AFTER = re.compile(
    # "the Hongda paper mill", not "Shenzhen to learn about the company"
    r"^[ ]+(?:(?!(?:to|the|a|an|and|or|of|for|in|on|at|with|about|from|by|as)\b)[a-z-]+[ ]+){0,4}"
    r"(?:mill|plant|factory|company|project|park|base|station|farm|mine|"
    r"village|community|school|hospital|workshop|market|center|centre|museum|port|pier|refinery|"
    r"warehouse|depot|orchard|airport|reservoir|dam|bridge|tunnel|expressway|railway|site|spot|harbou?r|"
    # "the Luliang secondary road construction works": a road or works named after its place
    r"road|highway|works|"
    r"business district|commercial district|business circle|materials|seaport)\b")
_EN_SITE_APPOSITIVE = re.compile(
    r"^,[ ]+(?:a|an|the)[ ]+(?:[\w-]+[ ]+){0,3}?(?:village|town|township|community|company|enterprise|firm|"
    r"factory|plant|project|park|school|hospital|farm|cooperative)\b")
_EN_HOLDER_BEFORE = re.compile(r"^['’]s[ ]+$")
_EN_VERB = re.compile(r"\b(?:visit\w*|inspect\w*|went|goes|going|tour\w*|came|comes|arriv\w*|travel\w*|"
                      r"head(?:ed|s)?(?![ ]+of\b))\b", re.I)
_EN_PERSON_BEFORE = re.compile(r"\b([A-Z][a-z]{1,5})[ ]$")
# "X commune (Y)" in Vietnamese news: Y is the district in brackets after a commune or ward.
# "inspected Xinyang's flood control": the place whose work or sites a visit inspects.
_EN_OWN_WORK = re.compile(r"['’]s[ ]+(?:[a-z-]+[ ]+){0,4}?(?:work|efforts?|construction|development|progress|"
                          r"projects?|sites?|villages?|enterprises?|industr(?:y|ies)|areas?)\b")
_EN_PAREN_DISTRICT = re.compile(r"\b(?:commune|ward|township)[ ]*\(([A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})\)")
_EN_NEW_AREA = re.compile(r"\b([A-Z][a-z]+(?:['’][a-z]+)?)[ ]+New[ ]+(?:District|Area)\b")


# Places in these spans are not where the visit went.
_ASIDES = (_EN_WHO, _EN_QUOTE, _EN_FROM, _EN_EARLIER_TOUR, _EN_LINKS, _EN_HOME, _EN_TO_BE_HELD)


def en_regions(text: str, visit_spans: list[tuple[int, int]]) -> list[str]:
    """Regions of an English article: pinyin gazetteer names in visit frames."""
    asides = [m.span() for pattern in _ASIDES for m in pattern.finditer(text)]

    def aside(pos: int) -> bool:
        return any(s <= pos < e for s, e in asides)

    def in_visit(pos: int) -> bool:
        return any(s <= pos < e for s, e in visit_spans) and not aside(pos)

    chosen: list[tuple[int, int, str, Region, bool]] = []
    our = {m.group(1).lower() for m in _EN_OUR.finditer(text)}
    villages = {m.group(1) for m in VILLAGE_NAMED.finditer(text)}
    last_strong_end = title_end = -100
    title_region: Region | None = None
    abroad_in: set[int] = set()  # towns abroad only "in": where a firm's branch is, beside China's places
    hits = _with_world(text, _with_split_names(text, gazetteer().find_en(text)))
    for start, end, region in hits:
        after = text[end:end + 40]
        before = text[max(0, start - 60):start]
        suffix = _EN_SUFFIX.match(after) or _EN_PLURAL.match(after)
        title = TITLE_BEFORE.search(before)
        if (title and not _EN_VERB.search(title.group(0))) or _title_holder(text, title_end, start, region,
                                                                           title_region):
            title_end = end + (suffix.end() if suffix else 0)  # "mayor of X city in Y province": both
            title_region = region
            continue
        goes = _EN_STRONG_BEFORE.search(before) and (not _EN_NOT_GOING.search(before)
                                                     or _EN_PARTY_GOES.search(before))
        if _no_place(text[start:end], before, after, suffix, bool(goes), villages):
            continue
        chain = _EN_CHAIN.search(before)
        chained = chain is not None and start - len(before) + chain.start() - last_strong_end <= 8
        strong = (bool(goes) or chained) and in_visit(start)
        weak = bool(_EN_WEAK_BEFORE.search(before)) and in_visit(start)
        if strong or weak:
            last_strong_end = end + (suffix.end() if suffix else 0)  # "Qianxinan prefecture and Anshun"
        single = _EN_SUFFIX.match(after)
        ours = single is not None and single.group(1).lower() in our
        headline = start < text.find("\n") and not aside(start)
        if (suffix and (in_visit(start) or headline or ours)) or strong or weak:
            name = text[start:end]
            if single:
                name += " " + single.group(1)
            chosen.append((start, end, name, region, strong or weak))
            if weak and not (strong or suffix) and is_world(region):
                abroad_in.add(start)
    if any(not is_world(c[3]) for c in chosen):  # "a plant in Suzhou, whose design centre is in Munich"
        chosen = [c for c in chosen if c[0] not in abroad_in]
    return _with_areas(text, _drop_containers(text, chosen, hits), in_visit)


def _no_place(name: str, before: str, after: str, suffix: re.Match[str] | None, goes: bool,
              villages: set[str]) -> bool:
    """Is a gazetteer name, by the words around it, no place of the visit: a person's given name,
    part of a body's or a site's name, the news agency, a village, a route?"""
    person = _EN_PERSON_BEFORE.search(before)
    if person and person.group(1) in pinyin_surnames():
        return True
    if _EN_ORG_AFTER.match(after[suffix.end():]) if suffix else (
            _EN_NOT_AFTER.match(after) and not (goes and _EN_OWN_WORK.match(after))):
        return True  # not "Jiangxi cadres", but "inspected Xinyang's work on ...": the place inspected
    if not suffix and (_EN_SITE_AFTER.match(after) or _EN_SITE_APPOSITIVE.match(after)):
        return True  # "the Hongda paper mill", "Xinhe, a village known for tea": a site's name
    if not suffix and (name == "Xinhua" or name in villages):
        return True  # the news agency ("According to Xinhua"); "Xinhe village ... visited Xinhe"
    return bool(_EN_ROUTE.match(after) or _EN_ROUTE_BEFORE.search(before))  # "the Beijing-Hong Kong Road"


def _with_areas(text: str, names: list[str], in_visit: Callable[[int], bool]) -> list[str]:
    """The regions and the areas named by their kind in the visit's sentences (a district in
    brackets, a new area, a zone, a foreign province)."""
    for m in _EN_PAREN_DISTRICT.finditer(text):
        if in_visit(m.start()) and m.group(1) not in names:
            names.append(m.group(1))
    for m in _EN_NEW_AREA.finditer(text):
        if TITLE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Party secretary of Baima New Area": the place in a title
        if in_visit(m.start()) and not any(m.group(1) in n for n in names):
            names.append(m.group(0))
    areas = named_areas(text, in_visit)
    areas = [n for n in areas if _KIND_TAIL.sub("", n) == n or _KIND_TAIL.sub("", n) not in areas]
    bare = {_KIND_TAIL.sub("", n) for n in names}  # "Ha Tinh" found by name, "Ha Tinh Province" by kind
    return names + [n for n in areas
                    if not any(n in have for have in names) and _KIND_TAIL.sub("", n) not in bare]


# "Quang Nam Province" beside "Quang Nam" (the province of Quang Nam): one region.
_KIND_TAIL = re.compile(r"[ ]+(?:[Pp]rovince|[Dd]istrict|[Cc]ounty|City|[Pp]refecture)$")


def _title_holder(text: str, after: int, start: int, region: Region, titled: Region | None) -> bool:
    """Is the place at ``start`` the holder of the place (``titled``) a title named just before it,
    ending at ``after`` ("mayor of X city in Y province", "mayor of X City, Y Province")?"""
    link = _EN_TITLE_HOLDER.fullmatch(text, after, start) if after >= 0 else None
    return link is not None and (not link.group("comma") or (
        titled is not None and is_ancestor(region.codes, titled.codes - region.codes)))


# "Ping Li County": a county's pinyin name split in two words by a translation.
_SPLIT_NAME = re.compile(r"\b([A-Z][a-z]{1,5})[ ]([A-Z][a-z]{1,5})"
                         r"(?=[ ]+(?:County|District|City|county|district|city)\b)")


def _with_split_names(text: str, hits: list[tuple[int, int, Region]]) -> list[tuple[int, int, Region]]:
    """The gazetteer's hits, and names it holds written as two words before their kind."""
    found = []
    for m in _SPLIT_NAME.finditer(text):
        joined = m.group(1) + m.group(2).lower()
        whole = [r for b, e, r in gazetteer().find_en(joined) if b == 0 and e == len(joined)]
        if whole:
            found.append((m.start(), m.end(), whole[0]))
    if not found:
        return hits
    kept = [h for h in hits if not any(s < h[1] and h[0] < e for s, e, _ in found)]
    return sorted(kept + found, key=lambda h: h[0])


def _with_world(text: str, hits: list[tuple[int, int, Region]]) -> list[tuple[int, int, Region]]:
    """The gazetteer's hits, and the names of other countries' places where it has none."""
    found = [w for w in find_world(text) if not any(s < w[1] and w[0] < e for s, e, _ in hits)]
    return sorted(hits + found, key=lambda h: h[0]) if found else hits


def _drop_containers(text: str, chosen: list[tuple[int, int, str, Region, bool]],
                     hits: list[tuple[int, int, Region]]) -> list[str]:
    """Each region once; a city or province that only holds a named county is dropped
    unless the text frames it as the place or names it with the county it holds."""
    kept = [c for c in chosen if c[4] or not any(
        r is not c[3] and is_ancestor(c[3].codes, r.codes - c[3].codes) for *_, r, _ in chosen)]
    out: list[str] = []
    seen: list[set[str]] = []
    holders = _linked_holders(text, kept, hits)
    more = holders
    while more:  # "Shouxian county, Huainan city, east China's Anhui province": a chain
        more = [h for h in _linked_holders(text, more, hits) if all(h[3] is not x[3] for x in holders)]
        holders += more
    for _, _, name, region, _ in kept + holders:
        # "Bac Ninh city" in Bac Ninh province abroad: a town of its own
        town = is_world(region) and name.endswith(" city")
        codes = {c + "city" for c in region.codes} if town else region.codes
        if not any(codes & have for have in seen):
            out.append(name)
            seen.append(codes)
    return out


def _linked_holders(text: str, chosen: list[tuple[int, int, str, Region, bool]],
                    hits: list[tuple[int, int, Region]]) -> list[tuple[int, int, str, Region, bool]]:
    """Holders written right after or before a chosen region ("Daming county in Hebei province")."""
    out: list[tuple[int, int, str, Region, bool]] = []
    for c_start, c_end, _, region, _ in chosen:
        for start, end, holder in hits:
            if holder is region or not is_ancestor(holder.codes, region.codes - holder.codes):
                continue
            after = start > c_end and _EN_CONTAINER_LINK.match(text[c_end:start]) is not None
            before = end < c_start and _EN_HOLDER_BEFORE.match(text[end:c_start]) is not None
            if after or before:
                single = _EN_SUFFIX.match(text[end:end + 20])
                name = text[start:end] + (" " + single.group(1) if single else "")
                out.append((start, end, name, holder, True))
    return out
