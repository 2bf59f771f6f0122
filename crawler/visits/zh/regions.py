"""Regions: county-level or higher divisions named as where a visit happened.

A gazetteer name counts when the text puts the visit there: after 到/赴/在,
with its suffix before a visit verb ("到平阴县调研", "went to Pingyin County"),
or as the place 来我县/来我市 refers to. Names inside titles (济南市委书记),
organisations (济阳街道) and companies are not regions; a province or city
that only contains a named county is dropped.
"""

from __future__ import annotations

import re

from core.gazetteer import Region, gazetteer, is_ancestor
from crawler.visits.language import to_simplified
from crawler.visits.literal import starts
from crawler.visits.stops import ZH_DEVELOPMENT_ZONES, ZH_ZONES
from crawler.visits.zh.going import after_going
from crawler.visits.zh.short_names import abbreviated, add_generic_districts

ZH_NOT_AFTER = re.compile(
    r"^(?:委|政府|人大|政协|纪委|党|公安|财政|人民|第[一二三四五六七八九十\d]{1,3}|实验|日报|电视|广播|新闻|融媒|职业|技术|科技|大学|学院|"
    r"中学|小学|(?:党政|经贸|友好)?代表团|(?:考察|调研|督查|督导|检查|视察|观摩|学习|参观)[组团]|籍|民(?!营)|局|厅|街道|镇|乡|村|社区|路|大道|街|公司|集团|有限|经济|[东西南北]?站|要闻|"
    r"机场|港|银行|医院|城区|师范|农商|供电|[一-龥]{0,4}(?:公司|集团|协会|商会)|[一-龥]{1,3}局|工作|发展|方面|市场|"
    # 新乡市副市长, 东阳市领导: titles
    r"(?:常务)?副?(?:市长|县长|区长|省长|州长|旗长|盟长|书记|主任|主席|秘书长)|领导)"
)
_ZH_DEST_BEFORE = re.compile(
    r"(?:到|赴|来|在|莅临|莅|抵达|抵|深入|走进|前往|暗访|检查|督导|督查|调研|考察|视察|踏查|踏勘|位于|联系点|、|和|及|与|"
    r"观摩了|考察了|视察了)$")
# 督导检查武侯区节前安全生产工作: a region written with its suffix after a verb of inspecting is
# the area inspected, whatever the work named after it.
_ZH_INSPECT_BEFORE = re.compile(r"(?:检查|督导|督查|暗访|巡查|调研|考察|视察|踏查|踏勘)$")
# 调研津市工业发展情况: a place right after such a verb and before the work or state looked into is the
# area studied, also when written short.
_ZH_TOPIC_AFTER = re.compile(r"^[^，,。；;、]{0,12}?(?:情况|工作)")
# 对青山区安全生产工作进行督查: the place an inspection is carried out on.
_ZH_INSPECTED = re.compile(r"[^，,。；;]{0,24}?(?:进行|开展)了?(?:[^，,。；;]{0,6}?)"
                           r"(?:督查|督导|检查|调研|视察|暗访|巡查)")
# 前往周宁县康养中心项目: a project named for its county, gone to; the county is its name's, not the visit's.
_OWN_PROJECT = re.compile(r"[^，,。；;、\s]{2,24}?(?:项目|工程)(?:[（(][^）)]{1,6}[）)])?"
                          r"(?=[，,。；;、\s]|$)")
_ZH_TOWN_AFTER = re.compile(r"^[一-龥]{1,5}(?:镇|乡|街道)")
# "来到东宝区中天燃气门站": a county or district right before a named site in a move frame.
_ZH_SITE_AFTER = re.compile(r"^[一-龥]{2,14}?(?:有限公司|公司|集团|项目|工程|产业园|园区|基地|门站|广场|"
                            r"市场|社区|村|景区|医院|学校|中心)(?=[、，,。和及]|调研|考察|视察|检查|$)")
_ZH_MOVE_BEFORE = re.compile(
    r"(?:来到|[到赴在]|走进|深入|先后|暗访|检查|督导|(?:观摩|察看|查看|考察|视察|参观|走访)了?)$")
_ZH_DEST_AFTER = re.compile(r"^(?:召开|观摩|调度|指导|暗访|巡查|夜查|现场|"
                            r"的(?=[^，,。]{0,20}(?:公司|集团|项目|园|基地|村|厂|企业|工地|车间|社区))|"
                            r"调研|考察|视察|检查|督导|督查|开展|就|走访|慰问|看望|学习(?!贯彻|宣传|领会)|[，,、。和及]|"
                            r"进行|实地|部分|重点|境内|(?:有关|相关)部门|"
                            r"(?:等|(?=[二三四五六七八九十两几多\d]))(?:[一二三四五六七八九十两几多\d]+个?)?[市县区省州地旗])")
# Words that end a zone's name (a zone that addresses a site: see site_regions.py).
_ZH_ZONE_REGION = re.compile(r"^(.{0,6}?(?:" + ZH_ZONES + r"|高新技术产业园区))$")
_ZH_FUNCTION_BEFORE = re.compile(r"(?:^|[^一-龥]|[就在对的了为是和、与及到赴来])$")
_OUR = re.compile(r"(?:来|到|赴|在)我(县|市|区|州)")
# 分别到峨山、山前等村委会: names on a list of villages are villages, whatever else they name.
_VILLAGE_LIST = re.compile(r"(?:[、和及][一-龥]{2,4})*等(?:[\d一二三四五六七八九十几多]+个)?"
                           r"(?:村委会|村|社区|居委会)")
# Short names of regions that are also everyday words ("交流与合作", "延长产业链", "城东片区"):
# they name a region only with their suffix (合作市, 延长县).
EVERYDAY_WORDS = frozenset(re.findall(r"\S+",
    "合作 和平 延长 新华 红旗 新城 白云 青山 江北 江南 河东 河西 城北 城南 城东 城西 东方 安宁 大同 向阳 "
    "前进 友谊 富裕 兴业 共和 民权 平安 新兴 光明 桥东 桥西 站前 铁西 铁东 城关 南城 北城 东城 西城 上城 "
    "下城 东风 红星 新民 安定 太平 永和 和顺 长寿 永新 中原 东港 西湖 东湖 海港 江城 港口 山城 东山 南山 "
    "西山 平原 同心 平和 大方 临江 江口 全州"))

# 在大同调研: a short name that is also an everyday word, gone to for a visit and nothing else.
_ZH_PLAIN_VISIT = re.compile(r"[到赴在]\s*[一-龥]{2}(?:调研|考察|视察|检查|督导|走访|慰问)")

# 赴太原、大同等地: such a short name listed last among places, before 等地.
_ZH_LISTED_PLAIN = re.compile(r"、[一-龥]{2}等(?:地|市|县)")



def _with_suffix(name: str) -> bool:
    """Is the name written with its suffix (黔东南州, 庆元县), not a short name that only ends like
    one (温州, short for 温州市)?"""
    return name[-1] in "市县区省旗州盟" and name + "市" not in gazetteer().zh


# 邀请投资方尽快来我区考察: others asked to come some day, not where the visit is.
_INVITED = re.compile(r"邀请|欢迎|希望|期待|尽快|择机")


def _level_of_our(word: str) -> int:
    return 1 if word in ("市", "州") else 2


def zh_regions(text: str, simple: str, frame_items: list[str],
               taken: list[tuple[int, int]], titles: tuple[tuple[int, int], ...] = ()) -> list[str]:
    """Regions of a Chinese article, as the article writes them.

    ``taken`` are spans already used by officials' names (a person named like a city).
    """
    ours = {_level_of_our(m.group(1)) for m in _OUR.finditer(simple) if not _INVITED.search(
        simple, max(simple.rfind(c, 0, m.start()) for c in "，,。；;\n") + 1, m.start())}
    chosen, ours_named = _gone_to(text, simple, taken, ours, titles)
    if ours and not any(region.levels & ours for _, region, _ in chosen):
        chosen += _the_one_of_ours(ours_named) or ([] if chosen else _of_the_source(text, simple))
    names = _drop_containers(chosen)
    add_generic_districts(text, simple, names)
    names += [n for n in abbreviated(text, simple) if not any(n in have or have in n for have in names)]
    names += [text[pos:pos + len(item)] for pos, item in _listed_with_regions(simple)
              if not any(to_simplified(n) in item or item in to_simplified(n) for n in names)]
    _add_frame_items(text, simple, frame_items, names)
    for m in [*_AT_ZONE_DOING.finditer(simple), *_ZONE_COME_TO.finditer(simple)]:
        if not any(to_simplified(n) in m.group(1) or m.group(1) in to_simplified(n) for n in names):
            names.append(text[m.start(1):m.end(1)])
    return names


# 莅临高新区，实地考察… / 深入经开区企业走访: a zone come to, named bare or with a short name of its own.
_ZONE_COME_TO = re.compile(r"(?:来到|莅临|[到赴]|深入|走进|前往)"
                           r"((?:[一-龥]{2,4}?)?" + ZH_DEVELOPMENT_ZONES + r")"
                           r"(?=[，,。、]|调研|考察|视察|检查|督导|督查|开展|实地|走访|企业)")


# 并在东岭工业园区北片区听取汇报: a zone or industrial park where the party hears or sees something.
_AT_ZONE_DOING = re.compile(r"在([一-龥]{2,8}?(?:工业园区|工业园|" + ZH_ZONES + r"))"
                            r"(?:[一-龥]{1,3}片区)?(?:听取|察看|查看|实地)")


# 在南城区、丁店镇、高蓬镇、长安路街道: a 区 listed among towns and streets is one of their level.
_TOWN_AFTER_IN_LIST = re.compile(r"[、，,]{1,2}[一-龥]{1,5}?(?:镇|乡|街道)(?=[、，,。和及])")
_TOWN_BEFORE_IN_LIST = re.compile(r"(?:镇|乡|街道)[、，,]{1,2}$")


def _among_towns(simple: str, start: int, end: int) -> bool:
    """Is the 区 at [start, end) an item of a list whose neighbours are towns or streets?"""
    return simple[end - 1] == "区" and bool(_TOWN_AFTER_IN_LIST.match(simple, end)
                                            or _TOWN_BEFORE_IN_LIST.search(simple, max(0, start - 3), start))


_ZONE_GONE_TO = re.compile(ZH_DEVELOPMENT_ZONES + r"(?:(?![一-龥])|(?=调研|考察|视察|检查))")
_RUN_INTO_SITE = re.compile(r"^[一-龥][^，,。、；;\s]{1,15}?(?:公司|集团|项目|工程|基地|产业园|厂)")
_LISTED_BODY = re.compile(r"(?:政协|人大)(?!常委会?(?:副?主任|委员)|副?主席|秘书长|委员|代表)")
# 华兴(泉州)实业有限公司: a place in brackets inside a firm's name.
_IN_FIRM_BRACKETS = re.compile(r"[（(][一-龥]{2,4}[）)][一-龥]{0,6}?"
                               r"(?:实业|科技|有限|公司|集团|股份|项目|工程)")


def _gone_to(text: str, simple: str, taken: list[tuple[int, int]], ours: set[int],
             titles: tuple[tuple[int, int], ...] = ()) -> tuple[list[tuple[str, Region, bool]],
                                                                list[tuple[str, Region]]]:
    """The gazetteer's hits named as where the visit went (each with whether a frame says so),
    and the hits of the article's own level (我市, 我县) named with their suffix."""
    chosen: list[tuple[str, Region, bool]] = []
    ours_named: list[tuple[str, Region]] = []
    last_framed_end = -2
    hits = [h for h in gazetteer().find_zh(simple)
            if h[2].name not in EVERYDAY_WORDS or _ZH_PLAIN_VISIT.match(simple, h[0] - 1)
            or _ZH_LISTED_PLAIN.match(simple, h[0] - 1)]
    chain_end = _chain_ends(hits)
    for i, (start, end, region) in enumerate(hits):
        tail = simple[chain_end[i]:chain_end[i] + 16]
        after = tail[:8]
        bracketed = _IN_FIRM_BRACKETS.match(simple, max(0, start - 1))
        before = simple[max(0, start - 3):start]
        # 考察了甲县、乙市政协工作: a body of the next place on a list gone to, not a title
        body_listed = (before[-1:] in ("、", "和", "及") and last_framed_end == start - 1
                       and _LISTED_BODY.match(after))
        title_word = ZH_NOT_AFTER.match(after) and not body_listed
        town_level = _among_towns(simple, start, end)
        if title_word or _VILLAGE_LIST.match(simple, end) or bracketed or town_level or any(
                s < end and start < e for s, e in taken):
            continue
        name = text[start:end]
        # 来江州高新区调研: a city's short name run into a zone gone to names the zone (in
        # 江州开发区规划馆 the zone is a site's address, and the city stays)
        zone_after = _ZONE_GONE_TO.match(simple, end) if simple[end - 1] not in "市县区旗州盟省" else None
        suffixed = _with_suffix(region.name)
        if i and chain_end[i - 1] == chain_end[i]:
            dest_before = last_framed_end == start
        elif before[-1:] in ("、", "和", "及", "与"):
            # 与 joins a list, or names the places met with (分别与丽水市、云和县有关部门座谈)
            dest_before = last_framed_end == start - 1 or before[-1:] == "与"
        else:
            dest_before = bool(_ZH_DEST_BEFORE.search(before))
        # 隴縣、鳳縣和扶風縣民營企業: a suffixed name that goes on a list of places gone to is one,
        # whatever the list is followed by.
        continues = suffixed and last_framed_end == start - 1 and before[-1:] in ("、", "和", "及")
        chained = bool(i) and chain_end[i - 1] == chain_end[i]
        inspected = before[-1:] == "对" and suffixed and bool(_ZH_INSPECTED.match(simple, end))
        framed = inspected or dest_before and bool(
            _ZH_DEST_AFTER.match(tail) or continues
            or (_ZH_INSPECT_BEFORE.search(before) and _ZH_TOPIC_AFTER.match(tail))
            or (suffixed and (not re.match(r"[一-龥]", after) or _ZH_TOWN_AFTER.match(after)
                              or _ZH_INSPECT_BEFORE.search(before) or chained
                              or (after_going(before, after) and not _OWN_PROJECT.match(simple, end)))))
        county = region.name[-1] in "区县旗" or (region.name[-1] == "市" and 1 not in region.levels)
        if not framed and (county or chain_end[i] != end) and _ZH_SITE_AFTER.match(tail):
            listed = before[-1:] in ("、", "和", "及") and 0 <= start - last_framed_end <= 30
            framed = listed or (chained and dest_before) or bool(_ZH_MOVE_BEFORE.search(before))
        if framed:
            last_framed_end = end
        # 我市 is not the city of a companion's title (济宁市农业农村局局长甲陪同)
        in_title = any(s <= start < e for s, e in titles)
        # 来我区 … 先后到青山某某汽车项目: a short name run into a site's name is not 我区's place
        run_in = not suffixed and bool(_RUN_INTO_SITE.match(tail))
        # 为我县和青山区合作搭建平台: the place paired with 我县 is the other party, not 我县
        paired = bool(re.search(r"我[县市区州旗](?:和|与|同|及|、)$", simple[max(0, start - 3):start]))
        ours_hit = bool(region.levels & ours) and not in_title and not run_in and not paired and bool(
            _ZH_FUNCTION_BEFORE.search(simple[max(0, start - 1):start]))
        # 值得遂宁市学习借鉴: the place named as the one that learns is no place gone to
        learner = re.search(r"(?:值得|供|让|使)$", before)
        before_verb = (suffixed and _ZH_DEST_AFTER.match(after) and not re.match(r"^[，,、。和及]", after)
                       and not learner)
        if framed or ours_hit or before_verb:
            chosen.append((text[start:zone_after.end()] if zone_after else name, region, framed or ours_hit))
        # 青山区派员来我县调研: the place that sends people is where they come from
        sender = after.startswith(("派员", "派出", "派遣"))
        if suffixed and region.levels & ours and not in_title and not paired and not sender:
            ours_named.append((name, region))
    return chosen, ours_named


def _add_frame_items(text: str, simple: str, frame_items: list[str], names: list[str]) -> None:
    """The items of a visit frame (到X、Y调研) that are suffixed regions or zones, unless named already."""
    taken_simple = [to_simplified(n) for n in names]
    parks = _listed_parks(frame_items)
    for item in frame_items:
        item = item.rsplit("的", 1)[-1]  # 对口帮扶的黔东南州
        containers, item = _zone_containers(item)
        zone = bool(_ZH_ZONE_REGION.match(item)) or item in parks
        if zone:
            for place in containers:  # 浙江慈溪市杭州湾新区: the province and the city hold the zone
                at = simple.find(place)
                if at >= 0 and not any(place in n or n in place for n in taken_simple):
                    names.append(text[at:at + len(place)])
                    taken_simple.append(place)
        if zone:
            item = _zone_with_city(simple, item)
        elif not (item in gazetteer().zh and item[-1] in "市县区省州旗盟"):
            continue
        clash = any(item in n for n in taken_simple) if zone else any(
            item in n or n in item for n in taken_simple)
        pos = simple.find(item)
        if not clash and pos >= 0 and not _among_towns(simple, pos, pos + len(item)):
            names.append(text[pos:pos + len(item)])
            taken_simple.append(item)


def _zone_containers(item: str) -> tuple[list[str], str]:
    """The provinces and suffixed regions written before a zone (浙江慈溪市杭州湾新区 -> 浙江, 慈溪市)
    and the zone with the last of them (慈溪市杭州湾新区); for anything but a zone, no regions and
    the item unchanged."""
    peeled: list[tuple[int, int, Region]] = []
    at = 0
    for start, end, region in gazetteer().find_zh(item):
        if start != at or _ONE_CHARACTER_ZONE.fullmatch(item[end:]):
            break  # 杭州湾新区 is no zone 湾新区 of 杭州
        peeled.append((start, end, region))
        at = end
    if not peeled or not _ZH_ZONE_REGION.match(item[peeled[-1][0]:]) or len(item) - at < 3:
        return [], item
    # 镇江经开区, 东台经济开发区: a short name before a zone is part of the zone's own name
    return ([item[s:e] for s, e, region in peeled if 0 in region.levels or _with_suffix(item[s:e])],
            item[peeled[-1][0]:])


# 来源：掌上临湘 / 丹江口市融媒体中心: a line that names the outlet (the place's own news service).
_SOURCE_LINE = re.compile(r"^[^\n]{0,12}?(?:来源|稿源)[：:][^\n]{0,20}$|"
                          r"^\s*[一-龥]{2,8}?(?:融媒体中心|融媒|新闻中心|新闻网|政府网|日报社?|电视台)\s*$",
                          re.MULTILINE)


def _of_the_source(text: str, simple: str) -> list[tuple[str, Region, bool]]:
    """来我市调研 in an article that names no place of its own but whose source line names a city or
    county (来源：掌上临湘): that place is the one 我市 means."""
    for line in _SOURCE_LINE.finditer(simple):
        hits = [h for h in gazetteer().find_zh(line.group(0)) if h[2].level > 0]
        if hits:
            start, end, region = hits[0]
            return [(text[line.start() + start:line.start() + end], region, True)]
    return []


def _the_one_of_ours(named: list[tuple[str, Region]]) -> list[tuple[str, Region, bool]]:
    """来我县调研 in an article that names one county of that level, wherever (借鉴延津县的经验):
    that county is the place 我县 means."""
    codes = {frozenset(region.codes) for _, region in named}
    return [(named[0][0], named[0][1], True)] if len(codes) == 1 else []


# 深入大荔县、澄城县、蒲城县、卤阳湖督查: a list of places gone to, one of them named without a suffix.
_PLACE_LIST = re.compile(r"(?:深入|[赴到]|前往|来到)((?:[一-龥]{2,8}?、)+[一-龥]{2,8}?)"
                         r"(?=进行|调研|考察|视察|检查|督查|督导|开展|[，,。])")
# Sites, not places (园区 is left out: a park listed among counties is the area gone to).
_SITE_WORD_END = re.compile(r"(?:公司|集团|村|社区|项目|学校|中学|小学|医院|厂|站|馆|中心|基地)$")


def _listed_with_regions(simple: str) -> list[tuple[int, str]]:
    """(position, name) of the one item in a list of regions that the gazetteer does not hold."""
    out: list[tuple[int, str]] = []
    for m in _PLACE_LIST.finditer(simple):
        items = m.group(1).split("、")
        others = [i for i in items if not (i in gazetteer().zh and i[-1] in "市县区州旗盟")]
        if len(items) - len(others) >= 2 and len(others) == 1 and not _SITE_WORD_END.search(others[0]):
            out.append((m.start(1) + m.group(1).index(others[0]), others[0]))
    return out


def _zone_with_city(simple: str, zone: str) -> str:
    """A bare zone word (开发区) as the article names it elsewhere with its city (烟台开发区)."""
    if len(zone) > 3:
        return zone
    for at in starts(zone, simple):
        city = next((h for h in gazetteer().find_zh(simple[max(0, at - 6):at])
                     if h[1] == min(6, at)), None)
        if city:
            return city[2].name + zone
    return zone


def _chain_ends(hits: list[tuple[int, int, Region]]) -> list[int]:
    """Where each hit's address chain ends: 黔东南州雷山县 is one place, named with its container,
    so the container stands or falls with the county it holds."""
    ends = [end for _, end, _ in hits]
    for i in range(len(hits) - 2, -1, -1):
        _, end, region = hits[i]
        nxt_start, _, nxt = hits[i + 1]
        # 贵州省贵阳: a province's city written short right after it is on the chain too
        held = nxt.name[-1] in "市县区旗州盟" or (region.name[-1] == "省" and 1 in nxt.levels)
        if end == nxt_start and region.name[-1] in "市省州盟" and held and is_ancestor(
                region.codes, nxt.codes):
            ends[i] = ends[i + 1]
    return ends


def _drop_containers(chosen: list[tuple[str, Region, bool]]) -> list[str]:
    """Keep each region once; drop provinces/cities that only contain another."""
    out: list[str] = []
    seen_codes: list[set[str]] = []
    for name, region, strong in chosen:
        if any(region.codes & codes for codes in seen_codes):
            continue
        if not strong and any(r is not region and is_ancestor(region.codes, r.codes - region.codes)
                              for _, r, _ in chosen):
            continue
        out.append(name)
        seen_codes.append(region.codes)
    return out


def in_village_list(simple: str, end: int) -> bool:
    """Does a list of villages (…、山前等村委会) go on from ``end``?"""
    return bool(_VILLAGE_LIST.match(simple, end))


def region_names(simple_items: list[str]) -> set[str]:
    """Which frame items are region names or chains of them (江苏省泰州市靖江市), so not stops."""
    table = gazetteer().zh
    return _listed_parks(simple_items) | {i for i in simple_items
                    if i.rsplit("的", 1)[-1] in table or _ZH_ZONE_REGION.match(i) or _all_regions(i)}


# 青溪园区: a park named by a place (产业园区 and 科技园区 are named for what they hold).
_PLACE_PARK = re.compile(r"^[一-龥]{2,4}(?<![业技])园区$")


def _listed_parks(simple_items: list[str]) -> set[str]:
    """赴市经开区、市青溪园区、市高新区: a place's 园区 listed next to zones is one of them."""
    zones = [bool(_ZH_ZONE_REGION.match(i)) for i in simple_items]
    return {i for n, i in enumerate(simple_items) if _PLACE_PARK.match(i)
            and any(zones[m] for m in (n - 1, n + 1) if 0 <= m < len(zones))}


def _all_regions(item: str) -> bool:
    hits = gazetteer().find_zh(item)
    return bool(hits) and hits[0][0] == 0 and hits[-1][1] == len(item) and all(
        a[1] == b[0] for a, b in zip(hits, hits[1:], strict=False))


_ONE_CHARACTER_ZONE = re.compile(r"[一-龥]" + ZH_ZONES)
