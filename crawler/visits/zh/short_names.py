"""Regions named short or by a name many places share: one-character forms of cities and provinces
(来锡调研, 赴甬考察) and districts several cities have (市中区, 城区, 郊区, 矿区)."""

from __future__ import annotations

import re

from core.gazetteer import gazetteer
from crawler.visits.language import to_simplified

# One-character names of cities and provinces in news copy (来锡调研, 赴甬考察, 在宁期间).
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "京": ("北京",), "沪": ("上海",), "津": ("天津",), "渝": ("重庆",), "宁": ("南京", "宁夏"),
    "锡": ("无锡",), "苏": ("苏州", "江苏"), "常": ("常州", "常熟"), "镇": ("镇江",), "扬": ("扬州",),
    "泰": ("泰州",), "通": ("南通",), "盐": ("盐城",), "淮": ("淮安",), "徐": ("徐州",),
    "连": ("连云港", "大连"), "宿": ("宿迁",), "杭": ("杭州",), "甬": ("宁波",), "温": ("温州",),
    "嘉": ("嘉兴",), "湖": ("湖州",), "绍": ("绍兴",), "婺": ("金华",), "衢": ("衢州",), "舟": ("舟山",),
    "台": ("台州",), "丽": ("丽水",), "榕": ("福州",), "厦": ("厦门",), "泉": ("泉州",), "莆": ("莆田",),
    "漳": ("漳州",), "穗": ("广州",), "深": ("深圳",), "莞": ("东莞",), "佛": ("佛山",), "珠": ("珠海",),
    "汕": ("汕头",), "邕": ("南宁",), "筑": ("贵阳",), "蓉": ("成都",), "昆": ("昆明", "昆山"),
    "汉": ("武汉",), "襄": ("襄阳",), "郑": ("郑州",), "洛": ("洛阳",), "汴": ("开封",), "漯": ("漯河",),
    "许": ("许昌",), "宛": ("南阳",), "济": ("济南",), "青": ("青岛",), "烟": ("烟台",), "潍": ("潍坊",),
    "淄": ("淄博",), "威": ("威海",), "并": ("太原",), "哈": ("哈尔滨",), "长": ("长春", "长沙"),
    "沈": ("沈阳",), "石": ("石家庄",), "唐": ("唐山",), "保": ("保定",), "廊": ("廊坊",), "邯": ("邯郸",),
    "肥": ("合肥",), "芜": ("芜湖",), "蚌": ("蚌埠",), "榆": ("榆林",), "延": ("延安",), "咸": ("咸阳",),
    "宝": ("宝鸡",), "兰": ("兰州",), "银": ("银川",), "桂": ("桂林",), "柳": ("柳州",), "赣": ("江西",),
    "皖": ("安徽",), "鲁": ("山东",), "豫": ("河南",), "冀": ("河北",), "晋": ("山西",), "陕": ("陕西",),
    "黔": ("贵州",), "滇": ("云南",), "闽": ("福建",), "粤": ("广东",), "浙": ("浙江",), "湘": ("湖南",),
    "鄂": ("湖北",), "琼": ("海南",), "川": ("四川",), "蜀": ("四川",), "陇": ("甘肃",), "甘": ("甘肃",),
    "藏": ("西藏",), "疆": ("新疆",), "吉": ("吉林",), "辽": ("辽宁",), "黑": ("黑龙江",), "蒙": ("内蒙古",),
    "港": ("香港",), "澳": ("澳门",),
}
_ABBREVIATED = re.compile(
    "(?:来|莅|赴|到|抵|在)([" + "".join(k for k in _ABBREVIATIONS if len(k) == 1) + "])"
    r"(?=调研|考察|视察|检查|督导|指导|期间|参观|学习|交流|走访|慰问|开展|拜访|招商|对接|洽谈|[，,。])")


def abbreviated(text: str, simple: str) -> list[str]:
    """Cities named by their one-character form after a verb of coming (来锡调研 -> 无锡), when the
    article also writes the full name somewhere (so 来镇调研 in a town's news is not 镇江); a
    character of no usual form (莅腾调研, 来奉调研) is the region the article names that begins with it
    (腾冲, 奉贤)."""
    out: list[str] = []
    for m in [*_ABBREVIATED.finditer(simple), *_FIRST_CHARACTER.finditer(simple)]:
        fulls = _ABBREVIATIONS.get(m.group(1)) or _named_from(simple, m.group(1), m.start(1))
        for full in fulls:
            pos = simple.find(full)
            if pos >= 0:
                name = text[pos:pos + len(full)]
                if name not in out:
                    out.append(name)
                break
    return out


# 莅腾调研 / 来奉调研: coming to a place written with its first character only.
_FIRST_CHARACTER = re.compile(
    r"(?:来|莅临|莅|赴|抵)([^省市县区镇乡村我此该本这各其校厂院所馆站" + "".join(_ABBREVIATIONS) + r"])"
    r"(?=调研|考察|视察|检查|督导|指导|[，,](?:就|围绕|专题|实地|先后))")  # 来腾，围绕…开展调研


def _named_from(simple: str, first: str, at: int) -> tuple[str, ...]:
    """The region names elsewhere in the text that begin with ``first``, the most named first."""
    counts: dict[str, int] = {}
    for start, end, _region in gazetteer().find_zh(simple):
        if start != at and simple[start] == first and end - start >= 2:
            counts[simple[start:end]] = counts.get(simple[start:end], 0) + 1
    return tuple(sorted(counts, key=lambda n: -counts[n]))


# Names several cities give a district (市中区): a region only as the place gone to or come to (来市中区
# 开展视察), maybe after its city's short name (济南市中区: 济南 and 市中区).
_ZH_GENERIC_DISTRICT = re.compile(
    r"(?:来到|[到赴]|来(?![自源说看])|深入|走进|前往)((?:[一-龥]{2,3}?(?=市中区))?)(市中区|城中区|郊区|矿区)"
    r"(?=调研|考察|视察|检查|督导|开展|[，,、])")
# 前往阳泉城区和盂县: a city's district named 城区 (or 郊区, 矿区) right after the city, gone to.
_ZH_CITY_DISTRICT = re.compile(r"(?:来到|[到赴]|深入|走进|前往)([一-龥]{2,3}?(?:城区|郊区|矿区))"
                               r"(?=调研|考察|视察|检查|督导|开展|[，,、和及])")


def add_generic_districts(text: str, simple: str, names: list[str]) -> None:
    """A district name many cities share (市中区), with its city when written before it."""
    for m in _ZH_CITY_DISTRICT.finditer(simple):
        city = m.group(1)[:-2]
        if city + "市" in gazetteer().zh and not any(city in to_simplified(n) for n in names):
            names.append(text[m.start(1):m.end(1)])
    for m in _ZH_GENERIC_DISTRICT.finditer(simple):
        city = [m.group(1)] if m.group(1) and m.group(1) + "市" in gazetteer().zh else []
        names += [text[s:e] for s, e in [*([m.span(1)] if city else []), m.span(2)] if text[s:e] not in names]
