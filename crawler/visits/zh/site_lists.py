"""Chinese lists of sites: where an object is cut into items, a kind that its last item gives
every item (A、B两个考点, A考点和B考点), where a list told with commas ends, each village once,
and sites introduced as the topic of a sentence before the party comes to them."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.gazetteer import gazetteer
from core.records import Stop
from crawler.visits.language import to_simplified
from crawler.visits.literal import starts
from crawler.visits.officials import SURNAMES
from crawler.visits.stops import ZH_STOP_SUFFIX, is_zone

_TOWN = re.compile(r"((?<![小古])镇|乡|街道|街道办事处)$")
_PLACE_WORD = "村路街巷"


_BEFORE_DASH = re.compile(r"[^、，,和及]{2,20}?(?:——|--)")
# Words that open a description of works, never a site's own name (工业机器人项目, 特色机械装备…综合体).
_DESCRIBED = re.compile(r"(?:工业|特色|智能|现代|新型|配套|标准化|规模化)"
                        r"[^、，,]{2,20}?(?:项目|基地|综合体|工程)")


def split_list(obj: str) -> list[tuple[str, int]]:
    """Cut an object at 、 / 和 / 以及, keeping offsets; not at a 和 three characters into a
    name (浙江三和电器有限公司) unless what comes before is a region or a town (东湖镇和八里镇)."""
    parts: list[tuple[str, int]] = []
    start = 0
    for m in re.finditer(r"[、，,]|以及|(?<=[站所院馆村园厂场库])和|和(?![平谐美睦兴])|及(?=[^应发生])|与",
                         obj):
        piece = obj[start:m.start()]
        short_piece = (m.group(0) == "和" and len(piece) <= 3 and piece not in gazetteer().zh
                       and not ZH_STOP_SUFFIX.search(piece) and not _TOWN.search(piece))
        # 青石街道丰和村: a 和 right before a place word (村, 路, 园) ends the name of that place,
        # unless what comes before is a site or place of its own (甲村和村委会)
        name_inside = (m.group(0) == "和" and obj[m.end():m.end() + 1] in _PLACE_WORD
                       and not ZH_STOP_SUFFIX.search(piece) and not _TOWN.search(piece))
        # 甲集团和乙集团——丙项目: owners joined before a dash that names their one project
        joint = m.group(0) in ("和", "及", "与") and bool(_BEFORE_DASH.match(obj, m.end()))
        # 甲日产万只电池及配套储能设备项目: products joined by 及 inside one project's name
        joint = joint or (m.group(0) == "及" and not (ZH_STOP_SUFFIX.search(piece) or _TOWN.search(piece))
                          and bool(ZH_STOP_SUFFIX.search(obj[m.end():].split("、")[0])))
        # A馆与B项目: 与 joins two sites' names, not a site and whom the party meets there (A中心与老人们聊天)
        joint = joint or (m.group(0) == "与" and not (
            (ZH_STOP_SUFFIX.search(piece) or _TOWN.search(piece))
            and ZH_STOP_SUFFIX.search(obj[m.end():].split("、")[0])))
        # A公司和工业机器人项目基地: what is joined names no site of its own, only more of A's works
        joint = joint or (m.group(0) in ("和", "及", "与") and bool(_DESCRIBED.match(obj, m.end())))
        # 北干渠路一、二、三标段: numbered sections of one site, not a list of sites
        numbered = m.group(0) == "、" and re.match(r"[一二三四五六七八九十]、[一二三四五六七八九十]",
                                                  obj[m.start() - 1:m.end() + 1]) is not None
        joint = joint or numbered
        # 调研“百企帮百村、同走小康路”工作: a quoted slogan is one name, whatever it lists
        quoted = piece.count("“") > piece.count("”")
        if m.start() - start >= 2 and len(obj) - m.end() >= 2 and not (
                short_piece or name_inside or joint or quoted):
            parts.append((obj[start:m.start()], start))
            start = m.end()
    parts.append((obj[start:], start))
    return parts


# …C村，通过听取汇报…: a list of sites told with commas ends where a clause of how the party saw
# them begins.
HOW_NEXT = re.compile(r"[，,](?:通过|详细|认真|仔细|实地|现场|听取|了解|察看|查看|并)")


# 一中, 职高: a school named by its rank or kind only, which its county's name completes (县一中).
SCHOOL_SHORT = re.compile(r"(?:[一二三四五六七八九十][中小高]|职高|职中)$")
# A、B两个考点 / A、B考点 / A考点和B考点: a list whose last item says what every item is.
_LIST_KIND = re.compile(r"(?:[\d两二三四五六七八九十]+[个所处家])?(?:高考|中考)?考[点场]$|"
                        r"[\d两二三四五六七八九十]+[个所处家][一-龥]{0,6}?"
                        r"(?:项目|企业|村|社区|学校|基地|园区|单位|现场|室|站|中心)$")
_AREA_END = re.compile(r"(?:[省市县镇乡]|(?<![社小园])区|街道)$")
_EXAM_SITE = re.compile(r"(?:高考|中考)?考[点场]$")


def list_kind(parts: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], bool]:
    """Parts without the kind that their list's last item gives them all, and whether it did."""
    last, offset = parts[-1]
    kind = _LIST_KIND.search(last)
    if len(parts) < 2 or not kind or kind.start() < 2 or _AREA_END.search(last, 0, kind.start()):
        return parts, False  # 青松区3个高考考点: sites counted in an area, not the list's last item
    out = [(_EXAM_SITE.sub("", part) if len(_EXAM_SITE.sub("", part)) >= 2 else part, at)
           for part, at in parts[:-1]]
    return [*out, (last[:kind.start()], offset)], True


_ZONE_HEAD = re.compile(r"^(.{2,12}?区)(?=[一-龥]{2})")


def zone_head(simple: str, item: str, generic: Callable[[str], bool]) -> int:
    """Length of the zone an unnamed item opens with (开发区重点项目 -> 3), when the text names the
    zone no more fully (临港经济开发区 for 开发区); else 0."""
    zone = _ZONE_HEAD.match(item)
    if not zone or not is_zone(zone.group(1)) or not generic(item[zone.end():]):
        return 0
    named_more = any(simple[at - 1:at] not in "到来赴在研察市区县的了、，, \n"
                     for at in starts(zone.group(1), simple) if at > 0)
    return 0 if named_more else zone.end()


# 武清区韩村 and 武清区白古屯镇韩村: one village, named with more or fewer of its places.
_PLACES_BEFORE = re.compile(r"^(?:[一-龥]{1,6}?(?:省|市|县|区|镇|乡|街道))+(?=[一-龥]{2})")
_VILLAGE = re.compile(r"(?:村|社区|小区)$")


def one_per_village(stops: list[Stop]) -> list[Stop]:
    """Each village once, whether named with more or fewer of its places."""
    seen: set[str] = set()
    out: list[Stop] = []
    for stop in stops:
        simple = to_simplified(stop.name)
        places = _PLACES_BEFORE.match(simple)
        key = simple[places.end():] if places else simple
        if _VILLAGE.search(key) and len(key) >= 2 and key in seen:
            continue
        seen.add(key)
        out.append(stop)
    return out


# 华辰电子有限公司始建于1998年，…。王强察看了生产线: a company that opens a sentence about itself
# just before one where the official looks around is the site.
TOPIC_SITE = re.compile(
    r"(?:^|(?<=[。！？\n]))([^，,。；;！？\n]{2,24}?(?:有限公司|集团|公司))(?:始建于|成立于|创建于|位于|是一家|"
    r"主要从事|主要生产|专业从事|占地)[^\n]{0,200}?[。！？]\s*[^。！？\n]{0,30}?(?:察看|查看|参观|观看|走进|了解)")
# 青石县红岭水库是以防洪为主的中型水库…。刘伟首先来到该水库…: a site of another kind introduced the
# same way, just before the party comes to it (also 建于1972年的青石水库，是…).
TOPIC_PLACE = re.compile(
    r"(?:^|(?<=[。！？\n]))(?:(?:始建于|建于|建成于|位于)[^，,。；;！？\n的]{1,20}的)?"
    r"([^，,。；;！？\n的]{2,20}?(?:水库|电站|医院|学校|景区|产业园|园区|基地|合作社|大桥|"
    r"码头|港区|泵站|水闸))[，,]?是[^\n]{0,200}?[。！？]\s*[^。！？\n]{0,30}?(?:来到|走进|走上|察看|查看|参观)")
# 华宇电子是一家…企业。王芳走进展厅: a firm named without a site word, introduced the same way.
TOPIC_FIRM = re.compile(
    r"(?:^|(?<=[。！？\n]))([一-龥]{4,10})(?=是一家[^\n]{0,200}?[。！？]\s*[^。！？\n]{0,30}?"
    r"(?:察看|查看|参观|观看|走进|了解))")


# 大寨牛丰先、罗村王天太等群众家中 / 甲村参战军人王某: homes told by their village and the person;
# the village is the site gone to.
_PERSON_AT_HOME = re.compile(
    r"^(?P<place>[一-龥]{2,8}?)(?:困难|贫困|低保|五保|退役|参战|残疾|伤残|复员|退伍|孤寡|独居)?"
    r"(?:群众|老党员|党员|军人|老人|老兵|户|职工)?[" + "".join(sorted(c for c in SURNAMES if len(c) == 1))
    + r"][一-龥]{1,2}$")


# 老党员王强, 退伍军人赵敏: a person told by what they are, no village.
_ROLE = re.compile(r"^(?:老|困难|贫困|低保|五保|退役|退伍|参战|残疾|伤残|复员|孤寡|独居|优抚|军属|烈属|"
                   r"离任|离休|退休)|(?:群众|党员|军人|老人|老兵|户|职工|干部)$")


_HOME_PLACE = re.compile(r"(?:村|社区|组|庄|屯|寨|湾|居委会)$")


def home_villages(obj: str, homes_at: int) -> list[tuple[str, int]]:
    """The villages of the homes listed before 等…家中 (大寨牛丰先 -> 大寨), with their offsets."""
    out: list[tuple[str, int]] = []
    for part, offset in split_list(obj[:homes_at]):
        home = _PERSON_AT_HOME.match(part)
        place = home.group("place") if home else ""
        # a village is named with its place word (罗村, 李家园社区) or by two or three characters (大寨)
        if place and not (_TOWN.search(place) or _ROLE.search(place)) and (
                len(place) <= 3 or _HOME_PLACE.search(place)):
            out.append((place, offset))
    return out
