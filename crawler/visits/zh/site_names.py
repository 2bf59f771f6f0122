"""The name of a Chinese site in a visit frame's object: the words trimmed off it (先后, 我县的,
…建设情况), a category that declares it (等企业), and what a name says of the place: a site word
(公司, 村, 中心…), a region or a town, a facility of a site (生产车间)."""

from __future__ import annotations

import re

from core.gazetteer import gazetteer
from crawler.visits.stops import ZH_STOP_SUFFIX, is_zone
from crawler.visits.zh.site_lists import SCHOOL_SHORT
from crawler.visits.zh.unnamed_sites import generic

# X、Y等企业 declares every item a site; 等点位 does not (村容村貌、河道治理等点位 are topics).
# 等地 and 等处 too, but not 地 as an adverb's (等进行大力地宣传).
CATEGORY = re.compile(r"等(.{0,8}?)(?:企业|项目|单位|村|社区|学校|医院|园区|基地|场所|点(?!位)|"
                       r"工程|现场)|等(?:[\d一二三四五六七八九十几多]+[个处])?[地处]")
FACILITY = re.compile(r"(?:车间|现场|一线|地头|田间|工地|设施|设备|系统|大厅|[室间线处台点馆口]|"
                       r"(?<![林景矿])区|情况|工作|中心)$")

_LEAD_TRIM = re.compile(r"^(?:了|先后|分别|随后|然后|接着|最后|实地|深入|到|在(?!建)|来到|走进|前往|对|位于|"
                        r"以及|、|我[县市区镇]的?|县(?!城)|市(?![场区民])|区(?!域)|园区(?=[一-龥]{4,}区$)|"
                        r"[一-龥]{0,4}联系点|包联企业|包抓企业|挂钩联系的?|[一-龥]{1,5}?境内)+")
_ORG_CUT = re.compile(r"^(.+?(?:股份有限公司|有限责任公司|有限公司|集团(?:股份)?(?:有限)?公司|集团))(.+)$")
ACTIVITY_TAIL = re.compile(r"(?:的.*|实施情况|建设情况|生产情况|进展情况|推进情况|运行情况|发展情况|"
                            r"运营情况|情况|建设进度|建设进展|进展|生产经营|"
                            r"生产|建设|工作|现场)$")
_MODIFIER = re.compile(r"^[^的，,]{1,10}的(?=[^的]{2,}(?:" + ZH_STOP_SUFFIX.pattern[1:-2] + r")$)")
_HOME = re.compile(r"^(.{2,}?(?:村|社区))(?:的)?(?:困难|贫困|低保|孤寡|独居|五保|老党员|老|村民|农户|"
                   r"群众|党员|退役|退伍|参战|残疾|伤残|复员|优抚|烈属|军属)[一-龥]*$")
# 杨家村村容村貌整治: a village told with the work seen in it.
_VILLAGE_WORK = re.compile(r"^(.{2,}?(?:村|社区))(?:村容村貌|人居环境|环境|河道|道路|庭院|厕所|污水)"
                           r"[一-龥]{0,4}(?:整治|治理|改造|提升|清淤|清理|修复|建设)$")
TOWN = re.compile(r"((?<![小古])镇|乡|街道|街道办事处)$")
# 甲街道、乙镇部分项目施工现场: towns sharing the unnamed sites told after the last of them.
_TOWN_THEN_UNNAMED = re.compile(r"^(.{2,10}?(?:(?<![小古])镇|乡|街道))(?:部分|有关|相关|一些|多个|"
                                r"[\d一二三四五六七八九十几]+[个家处])[^，,。]{0,12}$")


_DURING = re.compile(r"(?:时|期间|过程中|之际)$")


_DESCRIBED_AS = re.compile(r"^(?:[省市县区]级)?(?:重点|重大)(?:[一-龥]{2}工程)?(?:项目|工程)(?=[一-龥]{4,})")
_INSIDE = re.compile(r"(?<=[园区村馆院校厂])(?:内|里)$")


def clean_name(item: str) -> tuple[str, int, bool]:
    """Trimmed item, its offset shift, and whether a category (等企业) declares it."""
    declared = False
    shift = 0
    lead = _LEAD_TRIM.match(item)
    if lead:
        shift = lead.end()
        own = item[shift - 1] in "县市区" and item[shift - 2:shift - 1] != "我"  # not 我区部分重点项目
        park = item[shift:].endswith(("园区", "工业园"))  # 县工业园: the county's own zone
        if own and not park and (generic(item[shift:]) or SCHOOL_SHORT.match(item[shift:])):
            shift -= 1  # 县医院, 县一中: the county's own hospital or school, named by its county
        item = item[shift:]
    described = _DESCRIBED_AS.match(item)  # 重点项目深汕中心医院: the name after what it is to the area
    if described and ZH_STOP_SUFFIX.search(item):
        shift += described.end()
        item = item[described.end():]
    item = _INSIDE.sub("", item)  # 在青石遗址公园内: the park itself
    cat = CATEGORY.search(item)
    if cat:
        declared = True
        item = item[:cat.start()]
    elif "等" in item:
        item = item[:item.index("等")]
    cut = None if _MODIFIER.match(item) else _ORG_CUT.match(item)  # 城投集团实施的青石街项目: the project
    if cut and not ZH_STOP_SUFFIX.search(ACTIVITY_TAIL.sub("", cut.group(2))):  # …公司下河村湿地工程实施情况
        item = cut.group(1)
    item = item.rstrip("和及与")
    during = _DURING.search(item)
    if during and ZH_STOP_SUFFIX.search(item[:during.start()]):
        item = item[:during.start()]  # 在调研东阳县中医院时: the site, not the time
    modifier = _MODIFIER.match(item)
    if modifier:
        shift += modifier.end()
        item = item[modifier.end():]
    home = _HOME.match(item) or _VILLAGE_WORK.match(item)
    if home:
        item = home.group(1)
    town = _TOWN_THEN_UNNAMED.match(item)
    if town and generic(item[town.end(1):]):
        item = town.group(1)
    trimmed = ACTIVITY_TAIL.sub("", item)
    if trimmed != item and (ZH_STOP_SUFFIX.search(trimmed) or declared):
        item = trimmed
    return item, shift, declared


# 市行政审批局(市政务服务中心): a site's other name in brackets after its own.
_OTHER_NAME = re.compile(r"[（(][^（()）]{1,12}[）)]$")


def site_word(name: str) -> bool:
    """Does the name end in a site word (公司, 村, 中心…) or a school's rank (青州五中), before any
    bracketed other name?"""
    name = _OTHER_NAME.sub("", name)
    return bool(ZH_STOP_SUFFIX.search(name)) or (len(name) >= 3 and bool(SCHOOL_SHORT.search(name)))


def is_region(item: str) -> bool:
    """A county-level or higher name with its suffix (对口帮扶的黔东南州)."""
    name = item.rsplit("的", 1)[-1]
    return name[-1:] in ("市", "县", "区", "省", "州", "旗", "盟") and name in gazetteer().zh


def is_place(item: str) -> bool:
    """A region (平阴县, 我县) or a town: a container, not a site."""
    return bool(re.match(r"^我[县市区镇]$", item) or TOWN.search(item) or item in gazetteer().zh
                or is_zone(item))


# A part of a site seen (华宇电子生产车间, 新源精密展厅): the site is the name before it.
FACILITY_TAIL = re.compile(r"(?:的)?(?:生产车间|车间|厂区|展厅|展示厅|生产线|施工现场|在建工地|"
                            r"大坝|坝体|溢洪道|"
                            r"(?:高考|中考)?(?:考点|考场))$")


def facility_owner(name: str) -> str | None:
    """The site a facility belongs to, when the name is a proper name and a facility word."""
    tail = FACILITY_TAIL.search(name)
    if not tail or (site_word(name) and not generic(name)):
        return None
    owner = name[:tail.start()]
    return owner if 4 <= len(owner) <= 12 and not generic(owner) and not FACILITY.search(owner) else None


def shared_facility(listed: tuple[list[tuple[str, int]], bool]) -> tuple[list[tuple[str, int]], bool]:
    """走进华辰食品、新源精密科技生产车间: a facility word after the last of several names is each
    one's; the last name stands without it, like the others."""
    parts, counted = listed
    last, offset = parts[-1]
    tail = FACILITY_TAIL.search(last)
    if len(parts) < 2 or not tail or tail.start() < 2 or any(FACILITY_TAIL.search(p) for p, _ in parts[:-1]):
        return listed
    return [*parts[:-1], (last[:tail.start()], offset)], counted
