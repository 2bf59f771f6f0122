"""Stops: the sites a visit went to, their kind, and list clean-up.

Kinds come from name suffixes (有限公司 / "Co., Ltd." -> enterprise,
项目 / "Project" -> project, 村 / "Village" -> village, ...). Duplicates are
merged by containment, so "X Co., Ltd." and "X" give one stop.
"""

from __future__ import annotations

import re
import unicodedata

from core.records import Stop

_ZH_KINDS: tuple[tuple[str, str], ...] = (
    ("community", r"(社区|小区|家园)$"),
    ("village", r"(村|庄|屯|寨)$"),
    ("project", r"(项目|工程|工地|现场|基地|地块|园区|产业园|科技园|产业区|集聚区|改造|治理|段)$"),
    ("enterprise", r"(公司|集团|厂|企业|科技|股份|实业|电子|环保|水泥|药业|制造|"
                   r"材料|能源|装备|生物|电力|化工|银行|商场|超市|酒店|合作社)$"),
    ("institution", r"(学院|学校|大学|中学|小学|幼儿园|医院|卫生院|局|馆|中心|研究院|研究所|实验室|"
                    r"卫生室|工作室|所|站|院|委|办公室|法院|检察院|党校|服务中心|养老院|敬老院)$"),
    ("other", r"(景区|公园|广场|市场|码头|港|口岸|湿地|河|湖|渠|水库|街|路|桥|镇|乡|街道)$"),
)
_EN_KINDS: tuple[tuple[str, str], ...] = (
    ("enterprise", r"\b(co\.?,? ?ltd\.?|company|group|corporation|corp\.?|inc\.?|factory|plant|"
                   r"technology|industries|enterprise)\b"),
    ("project", r"\b(project|base|site|park|zone|complex|program|road)\b"),
    ("community", r"\b(community|residential quarter|homeland)\b"),
    ("village", r"\b(village|hamlet)\b"),
    ("institution", r"\b(school|university|institute|college|hospital|museum|center|centre|"
                    r"academy|station|library|department|bureau|office|headquarters)\b"),
)
ZH_STOP_SUFFIX = re.compile(
    r"(有限公司|公司|集团|厂|项目|工程|工地|基地|地块|产业园|科技园|园区|集聚区|社区|小区|村|学院|学校|"
    r"大学|中学|小学|幼儿园|医院|卫生院|局|馆|中心|研究院|研究所|站|景区|公园|广场|市场|码头|"
    r"合作社|段|家园|旅游区|酒店|店|超市|现场|园|城|厂|院|校区|院区|示范点|示范区|闸|泵站|堤|水库|大坝|电站|湿地|隧道|大桥|枢纽|"
    r"口岸|机场|港区|农场|牧场|林场|渔场|矿|大厦|中心校|服务点|驿站|营地|仓库|物流园|实验室|卫生室|工作室|"
    r"派出所|司法所|供电所|财政所|检查站|消防站|救援站|居委会|村委会|居民委员会|村民委员会|公墓|陵园|"
    # checkpoints: 交通卡口, 防疫卡点, 执勤点, 高速出入口; and local offices ending in 所 (环卫所, 工商所)
    r"卡口|卡点|执勤点|检查点|值守点|防控点|出入口|高速口|(?:整治|观摩|教学|项目)点|"
    r"(?<![村山农饭])庄|"
    r"(?:环卫|工商|税务|林业|水利|畜牧|兽医|国土|城管|运管|农技|农经|水管|管理|养护|看守|戒毒|拘留)所)$"
)
# The words that end a Chinese zone's name, written once for every rule: the development zones
# proper (新区, 开发区, 高新区, 经开区) and the other kinds of zone.
ZH_DEVELOPMENT_ZONES = r"(?:新区|开发区|高新区|经开区)"
ZH_ZONES = (r"(?:新区|开发区|高新区|经开区|集聚区|集中区|经济区|自贸区|保税区|综保区|试验区|合作区|示范区|"
            r"工业区)")
_ZH_ZONE = re.compile(ZH_ZONES + "$")


def zh_kind(name: str) -> str:
    """Kind of a Chinese stop name, by its last word."""
    for kind, pattern in _ZH_KINDS:
        if re.search(pattern, name):
            return kind
    return "enterprise" if re.search(r"(公司|集团)", name) else "other"


def en_kind(name: str) -> str:
    """Kind of an English stop name, by the words it holds (last one wins)."""
    lowered = name.lower()
    best, best_pos = "other", -1
    for kind, pattern in _EN_KINDS:
        for m in re.finditer(pattern, lowered):
            if m.start() > best_pos:
                best, best_pos = kind, m.start()
    return best


def is_zone(name: str) -> bool:
    """A development zone or cluster area, which holds more specific stops."""
    return bool(_ZH_ZONE.search(name))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(?<=[a-z])['’]s\b", "", text)  # "Lanbo's Technology Center" is "Lanbo Technology Center"
    text = re.sub(r"\b(co|ltd|the|limited|company|group|project)\b", " ", text)
    return re.sub(r"[\W_]+", "", text)


def dedupe(stops: list[Stop]) -> list[Stop]:
    """Drop a stop whose normalised name is inside another's (or equal to it)."""
    out: list[Stop] = []
    keys: list[str] = []
    for stop in stops:
        key = _norm(stop.name)
        if len(key) < 2:
            continue
        clash = next((i for i, k in enumerate(keys) if key in k or k in key), None)
        if clash is None:
            out.append(stop)
            keys.append(key)
    return out


def assign_regions(text: str, stops: list[Stop], regions: list[str]) -> list[Stop]:
    """Give each stop the region it lies in: the only one, or the nearest named before it
    in its paragraph ("In Gangcheng District, ... inspected X"; "X in Pingyin County")."""
    if not regions:
        return stops
    out: list[Stop] = []
    for stop in stops:
        inside = [r for r in regions if r.split()[0] in stop.name]
        if inside:
            region: str | None = inside[0]
        else:
            region = regions[0] if len(regions) == 1 else _nearest_region(text, stop.name, regions)
        out.append(Stop(stop.name, stop.kind, stop.region or region))
    return out


_PLACED_IN = re.compile(r"\s*(?:in|at|of)\s+")  # "Hongda Foundry in Pingle": the region right after a site


def _nearest_region(text: str, name: str, regions: list[str]) -> str | None:
    pos = text.find(name)
    if pos < 0:
        return None
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    paragraph_end = end if end >= 0 else len(text)
    after = text[pos + len(name):pos + len(name) + 40]
    placed = _PLACED_IN.match(after)
    for region in regions:
        if placed and after.startswith(region.split()[0], placed.end()):
            return region
    best: tuple[int, str] | None = None
    for region in regions:
        key = region.split()[0]
        hit = text.rfind(key, start, pos)
        if hit >= 0 and (best is None or hit > best[0]):
            best = (hit, region)
    if best is None:
        for region in regions:
            if text.find(region.split()[0], pos, paragraph_end) >= 0:
                return region
        return None
    hit, region = best
    window = text[max(0, hit - 12):hit + len(region) + 12]
    if any(other.split()[0] in window for other in regions if other != region):
        return None  # "went to A and B": which one holds the stop is not said here
    return region
