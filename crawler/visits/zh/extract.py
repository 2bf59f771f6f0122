"""Chinese articles: officials, date, stops, regions and what was stressed.

Works on a same-length simplified view of the text (so traditional
characters match the same patterns) and cuts every name from the original.

Names, places and sites come from clause structure (the subject and object list
of a visit verb, titles, lists after 陪同…的领导有) and the region gazetteer, not
from a word segmenter: jieba's part-of-speech tagger finds unknown names only
with its HMM, which reads about 3,000 characters a second here (a few articles a
second) and takes over 1 s of CPU to load, against the extractor's 200 articles
a second and 1 s load budget (benchmarks/extract.py).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from core.records import Stop, Visit
from crawler.visits.dates import DateSpan, Reference
from crawler.visits.detect import in_prose, zh_is_visit, zh_tour_after_meeting
from crawler.visits.language import to_simplified
from crawler.visits.literal import starts
from crawler.visits.officials import Mention, drop_overlaps, zh_mentions
from crawler.visits.quotes import cut_quote
from crawler.visits.record import make_visit
from crawler.visits.stops import ZH_ZONES
from crawler.visits.zh.dates import chronicle_reference, sentence_date, tour_days, with_months, zh_date
from crawler.visits.zh.name_first import bare_parties, listed_companions, name_first_mentions, surname_titled
from crawler.visits.zh.noise import join_hard_wraps, strip_noise
from crawler.visits.zh.regions import in_village_list, region_names, zh_regions
from crawler.visits.zh.roles import LEAD_VERB, STRONG_VISIT, ZhDoc, roles, sentence_bounds, zh_doc
from crawler.visits.zh.site_regions import site_address_regions, zone_regions
from crawler.visits.zh.stop_choice import zh_stops
from crawler.visits.zh.stops import candidate_items

# Going out to places: with no site or region found, a visit still needs one of these (落到实处 is
# an idiom of carrying out, no going).
_GOES_OUT = re.compile(r"来(?![自源说看])|(?<!落)[到赴](?!会)|前往|深入|走进|实地|现场|一线|基层|村|"
                       r"社区|莅临|企业|项目|车间|工地|暗访|四不两直|巡查|巡视(?![组员办]|[^，,。]{0,8}?(?:情况|反馈|整改))|巡河|"
                       r"带队(?:开展|进行)?[^，,。]{0,20}?(?:检查|督查|排查)")  # 带队开展…安全检查
# 来到市政府总值班室, 在市委会议室: a room of the officials' own seat of government is no place gone out to.
_OWN_ROOM = re.compile(r"(?:来到|[到赴在]|前往|走进)[省市县区州](?:委|政府)[^，,。；;]{0,8}?"
                       r"(?:值班室|会议室|会商室|办公室)")
_OUR_PLACE = re.compile(r"[来到赴在]我[县市区镇乡州]")
# People of the site visited (企业董事长, 村党支部书记) are hosts, never officials of the visit.
_HOST_TITLE = re.compile(r"公司|集团|企业|股份|银行|合作社|(?:^|[^乡农])村|社区|工厂|厂长|董事|经理|"
                         r"医院|卫生院|学校|中学|小学|幼儿园")
_STRESS = re.compile(r"(?:强调|指出|要求|表示|希望)[，,:：]?")


def _new_regions(have: list[str], found: list[str]) -> list[str]:
    """Regions of ``found`` that neither hold nor sit inside one already had."""
    simple = [to_simplified(n) for n in have]
    out: list[str] = []
    for name in found:
        key = to_simplified(name)
        if not any(key in n or n in key for n in simple):
            out.append(name)
            simple.append(key)
    return out


def _name_spans(simple: str, names: set[str]) -> list[tuple[int, int]]:
    """Every place an official's name occurs (a person named like a city is not that city)."""
    return [(at, at + len(name)) for name in names for at in starts(name, simple)]


# 海原县县长、东港开发区管委会主任甲: a zone whose office is one of the official's posts.
_ZONE_POST = re.compile(r"[一-龥]{2,8}?(?:" + ZH_ZONES + r"|园区)"
                        r"(?:党工委|管委会|工委)")


def _title_spans(simple: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Zones named only as a post in an official's title: no region of the visit."""
    return [z.span() for m in mentions for z in _ZONE_POST.finditer(simple, m.title_start, m.start)]


def _emphasized(doc: ZhDoc, names: set[str]) -> list[str]:
    out: list[str] = []
    for m in _STRESS.finditer(doc.simple):
        s_start, s_end = sentence_bounds(doc, m.start())
        head = doc.simple[s_start:m.start()]
        if not any(n in head for n in names) and not re.search(r"[他她]|调研组|一行", head):
            continue
        said = doc.text[m.end():s_end].strip(" ，,:：")
        if len(said) >= 6:
            out.append(cut_quote(said, 160))
        if len(out) >= 3:
            break
    return out


# Items of a digest (◆…) or of a chronicle (△…, and a line that opens with its day: 5月6日\n…,
# 5月8日【…】).
_BULLET = re.compile(r"(?:^|\n)\s*(?:[◆■●▲★△]|(?=\d{1,2}月\d{1,2}日(?:\s*\n|[【\[])))")
# A digest item opens with its own date (◆11月15日，...); section marks inside one report do not.
_DATED_ITEM = re.compile(r"\s*(?:\d{1,2}月)?\d{1,2}[日号]|\s*(?:今天|昨天|今日|昨日)")


# News reports a visit within days; one dated this long before the article is recalled.
_RECALLED_AFTER = timedelta(days=180)


# 10年前，总书记来到花茂村…: a sentence that opens by placing its visit years back tells a memory, and
# one that counts visits over a span (十八大以来，总书记三次来到…) sums up many.
_YEARS_AGO = re.compile(r"\s*[^，,。]{0,8}?(?:(?:\d{1,2}|[一二三四五六七八九十两几多]{1,3})年前|当年|那年|"
                        r"以来[，,]?[^。，,]{0,16}?(?:[二三四五六七八九十两几多\d]|多)次)")


# 2023年8月，王海曾到郫都区调研 / 去年，…: a sentence of an earlier visit, told as background.
_EARLIER = re.compile(r"曾(?:经)?(?:于[^，,。]{0,12}?)?(?:来到|[到来赴]|前往|深入|走进|考察|调研|视察)|"
                      r"^\s*(?:去年|前年|此前|以前|当年|那年)")


_YEAR = re.compile(r"(?:19|20)\d{2}年")


def _past_sentences(doc: ZhDoc, ref: Reference | None) -> list[tuple[int, int]]:
    """Sentences about an earlier visit: dated long before the article, or told with 曾/去年…."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^。！？!?\n]+", doc.simple):
        recalled = bool(_YEAR.search(m.group(0))) and _recalled(
            sentence_date(doc.simple, ref, m.start()) or DateSpan(None), ref, doc, None)
        if recalled or _EARLIER.search(m.group(0)):
            out.append(m.span())
    return out


# 刘伟强调，要学习…总理在潜山看望慰问…时的讲话: what the lead says, to the end of its sentence.
_SAYS = re.compile(r"(?:强调|指出|要求|表示|希望)[，,:：]")


def _said(simple: str) -> list[tuple[int, int]]:
    """Spans of what is said: from a verb of saying to the end of its sentence."""
    out: list[tuple[int, int]] = []
    for m in _SAYS.finditer(simple):
        ends = [i for i in (simple.find(c, m.end()) for c in "。！？\n") if i >= 0]
        out.append((m.start(), min(ends) if ends else len(simple)))
    return out


def _said_by_party(doc: ZhDoc, names: set[str]) -> list[tuple[int, int]]:
    """What an official of the visit or the party says (not what a notice 要求)."""
    out: list[tuple[int, int]] = []
    for start, end in _said(doc.simple):
        head = doc.simple[sentence_bounds(doc, start)[0]:start]
        if any(n in head for n in names) or re.search(r"[他她]|调研组|一行", head):
            out.append((start, end))
    return out


# 探讨在青松区建设…基地: a place where something is planned, to the end of its clause.
_PLANNED = re.compile(r"(?:探讨|计划|拟|谋划|筹划|打算|准备|争取)(?=在)[^，,。；;！？\n]*")


def _not_said(simple: str, regions: list[str]) -> list[str]:
    """The regions not named only as a place gone to inside what someone says (…总理在潜山看望…时的讲话)."""
    said = _said(simple)
    out: list[str] = []
    for name in regions:
        hits = list(starts(to_simplified(name), simple))
        framed_in_speech = hits and all(any(s <= h < e for s, e in said) and simple[h - 1:h] in "在到赴"
                                        for h in hits)
        if not framed_in_speech:
            out.append(name)
    return out


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + "□" * (end - start) + text[end:]
    return text


def _recalled(span: DateSpan, ref: Reference | None, doc: ZhDoc, anchor: int | None) -> bool:
    """Is the visit dated long before the article's own full date, or told as years back?"""
    today = (ref.as_date() or (date(ref.year, ref.month, 1) if ref.month else None)) if ref else None
    if today and span.start and today - date.fromisoformat(span.start) > _RECALLED_AFTER:
        return True
    return anchor is not None and bool(_YEARS_AGO.match(doc.simple, sentence_bounds(doc, anchor)[0]))


def extract_zh(text: str, ref: Reference | None, title: str | None = None) -> list[Visit]:
    """Visits of a Chinese article; a digest of ◆ items gives each item's visits."""
    text = with_months(join_hard_wraps(strip_noise(text)))
    title = strip_noise(title) if title else title
    ref = chronicle_reference(to_simplified(text), title) or ref
    starts = [m.end() for m in _BULLET.finditer(text)]
    dated = [s for s in starts if _DATED_ITEM.match(text, s)]
    if len(dated) < 2:
        return _dated_paragraphs(text, ref) or _extract_one(text, ref, title)
    visits: list[Visit] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        visits += _extract_one(_DAY_LINE.sub(r"\1，", text[start:end], count=1), ref, None)
    return visits


# A chronicle entry's own day on a line of its own (5月6日\n…): the date of the entry's first sentence.
_DAY_LINE = re.compile(r"^(\s*\d{1,2}月\d{1,2}日)[ \t]*\n")


# A paragraph or sentence that opens with its own date: 11月16日，… / 16日上午，…
_DATED_PARAGRAPH = re.compile(r"(?:^|[\n。！？])\s*(?=(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?[，,])")


def _dated_paragraphs(text: str, ref: Reference | None) -> list[Visit]:
    """Paragraphs (or sentences) that each open with their own date and report a visit led by
    someone else are separate visits (11月15日，市委书记甲到…调研。\n11月16日，副市长乙带队检查…); a later day
    of the same lead stays one visit (empty list: read the article whole)."""
    starts = [m.end() for m in _DATED_PARAGRAPH.finditer(text)]
    if len(starts) < 2:
        return []
    bounds = [0, *starts[1:], len(text)]
    visits: list[Visit] = []
    leads: set[str] = set()
    for start, end in zip(bounds, bounds[1:], strict=False):
        found = _extract_one(text[start:end], ref, None)
        names = {o.name for v in found for o in v.officials}
        if names & leads or (found and not names):
            return []  # the same lead on a later day, or a day whose lead is only 他: one tour
        leads |= names
        visits += found
    return visits if len(visits) >= 2 else []


def _mentions(doc: ZhDoc) -> list[Mention]:
    """Officials named title first (市委书记刘强) and name first (张鸿铭副主任), in text order, and
    one named nowhere with a title who opens a clause of going with a party (王海一行来到…)."""
    both = zh_mentions(doc.text, doc.simple) + name_first_mentions(doc.text, doc.simple)
    titled = [m for m in drop_overlaps(sorted(both, key=lambda m: m.start))
              if not _HOST_TITLE.search(to_simplified(m.title))]
    names = {m.name for m in both}
    bare = [m for m in bare_parties(doc.text, doc.simple) if m.name not in names]
    if not titled and not bare:
        return surname_titled(doc.text, doc.simple)  # 邵书记、许镇长一行来到…: no full name anywhere
    return drop_overlaps(sorted(titled + bare, key=lambda m: m.start)) if bare else titled


def _visit_positions(doc: ZhDoc, leads: list[Mention]) -> list[int]:
    """Where a lead is named in a sentence that goes or inspects, in text order; a photo caption
    (▲6月5日，王海在东湖村察看…) comes after the report's own sentences."""
    names = {to_simplified(m.name) for m in leads}
    out: list[int] = []
    for pos in sorted(at for n in names for at in starts(n, doc.simple)):
        s_start, s_end = sentence_bounds(doc, pos)
        if STRONG_VISIT.search(doc.simple, s_start, s_end) or LEAD_VERB.search(doc.simple, pos, s_end):
            out.append(pos)
    captions = [p for p in out if _CAPTION_LINE.match(doc.simple, doc.simple.rfind("\n", 0, p) + 1)]
    # a headline (刘伟在调研…时强调, a line without a comma or a full stop) comes after the report too
    later = captions + [p for p in out if p not in captions and not in_prose(doc.simple, p)]
    return [p for p in out if p not in later] + later


_CAPTION_LINE = re.compile(r"\s*(?:[▲↑]|图为|图：|图:|上图|下图)")


# 来市政协围绕…开展调研: the officials of a body of the state gone to are its hosts.
_BODY_GONE_TO = re.compile(
    r"(?:来到|[来到赴]|走进)([省市县区州](?:政协|人大常委会|人大|人民法院|法院|人民检察院|检察院|[一-龥]{1,6}?局))"
    r"(?=[，,。、]|调研|考察|视察|检查|督导|围绕|就|开展|走访|指导)")


def _host_bodies(simple: str) -> dict[str, int]:
    """Bodies gone to (市政协, 市财政局) and where each is first named."""
    out: dict[str, int] = {}
    for m in _BODY_GONE_TO.finditer(simple):
        out.setdefault(m.group(1), m.start(1))
    return out


# 市长到东阳县调研，察看了… / 市委主要领导到… / 镇主要领导带队开展督查 / 省执法检查组到…: an official or a
# team named by title alone opens a sentence of going to inspect.
_UNNAMED_LEAD = re.compile(
    r"(?:^|[，,。\n]|日|上午|下午)\s*(?:[省市县区州]委?(?:常委|副书记|书记)|副?[省市县区州]长|"
    r"(?:[省市县区]|[一-龥]{1,4}?[镇乡](?:党委)?)委?(?:主要|四大班子|四套班子|党政)?领导|"
    r"[省市县区][^，,。！？\n]{0,12}?(?:检查组|督导组|督查组|巡察组|调研组|考察团|视察组))"
    r"(?:一行|带队|率队|先后)?(?:(?:来到|[到赴]|前?来(?![自源说看])|深入|前往|走进)(?!会)[^，,。！？\n]{2,40}?"
    r"[，,]?(?:调研|考察|视察|检查|督导|督查|察看|走访)|观摩|视察|考察|"
    # 寨里镇主要领导带队开展督查指导: heading an inspection carried out
    r"(?<=带队|率队)(?:开展|进行)[^，,。！？\n]{0,8}?(?:督查|督导|检查|巡查))")


# Words after which a visit is asked for or planned (会议要求，县长到一线检查), not reported.
_ASKED = re.compile(r"要求|强调|指出|提出|希望|号召|计划|拟|将(?!至|近|临|到来)|(?<![主重需只纲])要|"
                    r"应(?![急用])|须")


def _unnamed_lead(simple: str) -> int | None:
    """Where an official named only by title goes to inspect, if one does."""
    for m in _UNNAMED_LEAD.finditer(simple):
        start = max(simple.rfind(c, 0, m.start() + 1) for c in "。！？\n") + 1
        if not _ASKED.search(simple, start, m.end()):
            return m.end()
    return None


def _extract_one(text: str, ref: Reference | None, title: str | None = None) -> list[Visit]:
    """Visits of one Chinese article or digest item (none when it reports no visit)."""
    doc = zh_doc(text)
    mentions = _mentions(doc)
    if not mentions and title and title not in text:
        doc = zh_doc(title + "\n" + text)
        mentions = _mentions(doc)
    leads, acc = roles(doc, mentions)
    known = {m.name for m in mentions}
    acc += [m for m in listed_companions(doc.text, doc.simple) if m.name not in known]
    unnamed = _unnamed_lead(doc.simple) if not (leads or acc) else None
    if unnamed is None and not zh_is_visit(doc.simple, to_simplified(title or ""), mentions, leads, acc):
        return []
    names = {to_simplified(m.name) for m in mentions}
    past = _past_sentences(doc, ref)
    said = _said_by_party(doc, names)  # 刘伟强调，要在河道、水库等水域…: places asked of, not gone to
    items = [i for i in candidate_items(doc.text, doc.simple, doc.sentence_of, names)
             if not any(s <= i.start < e for s, e in past + said)]
    region_items = region_names([to_simplified(i.name) for i in items
                                 if not in_village_list(doc.simple, i.start + len(i.name))])
    stops: list[Stop] = zh_stops([i for i in items if to_simplified(i.name) not in region_items], set(),
                                 doc.simple)
    unsaid = past + [m.span() for m in _PLANNED.finditer(doc.simple)]
    regions = zh_regions(_blanked(doc.text, unsaid), _blanked(doc.simple, unsaid),
                         [to_simplified(i.name) for i in items],
                         _name_spans(doc.simple, {to_simplified(m.name) for m in mentions})
                         + _title_spans(doc.simple, mentions),
                         tuple((m.title_start, m.start) for m in mentions))
    regions = _not_said(doc.simple, regions)
    regions += _new_regions(regions, site_address_regions([s.name for s in stops], doc.simple))
    regions += _new_regions(regions, zone_regions([s.name for s in stops]))
    stops = [s for s in stops if s.name not in regions]  # 新港园区 listed among the districts gone to
    hosts = _host_bodies(doc.simple)
    acc = [m for m in acc if not any(to_simplified(m.title).startswith(h) for h in hosts)]
    went_out = _GOES_OUT.search(_OWN_ROOM.sub("□", doc.simple)) or _OUR_PLACE.search(doc.simple)
    if not stops and not regions and not went_out:
        return []  # 走访了政协会议各讨论组: nowhere was gone to
    emphasized = _emphasized(doc, {to_simplified(n) for n in names})
    visiting = _visit_positions(doc, leads)
    # 市委书记甲作报告。\n5月7日，甲到…调研: the visit is told where the lead goes or inspects.
    anchor = zh_tour_after_meeting(doc.simple, mentions, acc) or (
        (visiting[0] if visiting else leads[0].start) if leads else unnamed)
    span = tour_days(doc.simple, zh_date(doc.simple, ref, anchor, visiting), anchor)
    if _recalled(span, ref, doc, anchor):
        return []  # 2017年11月19日，总书记来到… in a 2025 article: a memory, not news of a visit
    return [make_visit(doc.text, span, leads, acc, regions, stops, emphasized)]
