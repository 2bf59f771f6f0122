"""Chinese regions told by a visited site's own name: the county and containers a site is addressed
in (黔东南州雷山县西江小学) and the zone that addresses a village or a site (顶效开发区楼纳村)."""

from __future__ import annotations

import re

from core.gazetteer import gazetteer
from crawler.visits.language import to_simplified
from crawler.visits.stops import ZH_ZONES
from crawler.visits.zh.regions import EVERYDAY_WORDS, ZH_NOT_AFTER

_SUFFIXED = "市县区州旗盟省"
# What follows a region's name when the name is part of a company's, not the site's address.
_FIRM_NAME = re.compile(r"公司|集团|有限|股份|代表团")


# 顶效开发区楼纳村: a zone that addresses a village, community, town or project visited is the area
# gone to (in 南湖新区智能产业园 the zone is part of the park's own name).
_ZONE_THEN_SITE = re.compile(r"^([一-龥]{2,8}?" + ZH_ZONES + r")(?:[一-龥]{1,6}?(?:村|社区|镇|乡|街道)|"
                             # 城南新区青石街项目: a project is built in the zone, not named for it
                             r"[一-龥]{2,12}?(?:项目|工程)$)")
# 汉滨区五里工业集中区苏陕产业园: a zone between its county and a site is the site's address.
_COUNTY_ZONE_SITE = re.compile(r"^([一-龥]{1,5}?[县区市旗])([一-龥]{2,8}?" + ZH_ZONES + r")(?=[一-龥]{3,})")


# Parks and port zones that are areas before a firm: 青禾工业园, 石湾港区 (科技园区 and 产业园区 are
# parks named for what they hold).
_AREA_ZONES = r"(?:" + ZH_ZONES[3:-1] + r"|工业园区?|港区)"
# 白鹭高新区恒达精工: a zone written before a firm's short name, on a list of sites, is the firm's
# address; a park, centre or office after the zone (南湖新区智能产业园, 高新区管委会) is the zone's own.
_ZONE_THEN_FIRM = re.compile(r"^([一-龥]{2,8}?" + _AREA_ZONES + r")(?![一-龥]*(?:园|园区|基地|中心|管委会|"
                             r"办公室|片区|大道|路|街|广场|馆|站|码头|"
                             # 延安新区第二小学: a school or hospital named for its zone
                             r"小学|中学|学校|幼儿园|医院|学院))[一-龥A-Za-z]{2,8}$")
# 在石湾港区: a port zone listed among the sites is an area, not a site (a firm's own 工业园 is a site).
_WHOLE_ZONE = re.compile(r"^[一-龥]{2,6}?港区$")


def zone_regions(stop_names: list[str]) -> list[str]:
    """Zones named as the address of a visited village, community, town or firm, and port zones
    listed among the sites."""
    out: list[str] = []
    for name in stop_names:
        simple = to_simplified(name)
        whole = _WHOLE_ZONE.match(simple)
        firm = _ZONE_THEN_FIRM.match(simple)
        if whole or firm:
            zone = name if whole else name[:firm.end(1)] if firm else ""
            if zone not in out:
                out.append(zone)
            continue
        m = _ZONE_THEN_SITE.match(simple)
        if m and name[:m.end(1)] not in out:
            out.append(name[:m.end(1)])
        addressed = _COUNTY_ZONE_SITE.match(simple)
        if addressed and not m and name[addressed.start(2):addressed.end(2)] not in out:
            out.append(name[addressed.start(2):addressed.end(2)])
    return out


_PROJECT_END = re.compile(r"(?:项目|工程)(?:[（(][^）)]{1,6}[）)])?$")


def _short_zhou(name: str, start: int, end: int, text: str) -> bool:
    """Is the 州 ending a hit part of a city's short name (郑州, never written 郑州市 in the text)?"""
    return name[end - 1] == "州" and name[start:end - 1] not in gazetteer().zh and (
        name[start:end] + "市") not in text


def site_address_regions(stop_names: list[str], text: str = "") -> list[str]:
    """Regions a visited site is addressed in: 庆元县黄坛水果园区, 黔东南州雷山县西江小学 give the
    county and its containers. Only names written with their suffix (县, 市, 州…) and followed
    by a town or, for a county or prefecture, by more of the site count: in 青岛华兴装备科技有限公司
    the city is part of a firm's name, and 邳州市实验中学 is the city's own school."""
    out: list[str] = []
    for name in stop_names:
        simple = to_simplified(name)
        if _FIRM_NAME.search(simple):
            continue
        chain: list[str] = []
        at = 0
        for start, end, _region in gazetteer().find_zh(simple):
            if start != at or simple[end - 1] not in _SUFFIXED or simple[start:end] in EVERYDAY_WORDS or (
                    _short_zhou(simple, start, end, text)):
                break  # 红旗坡产业园: an everyday word; 郑州技师学院: 州 of the city's own short name
            chain.append(name[start:end])
            at = end
        town = bool(re.match(r"[一-龥]{1,5}(?:镇|乡|街道)", simple[at:]))
        county = any(to_simplified(c)[-1] in "县区旗州" for c in chain)  # 縣 is 县
        # 周宁县康养中心项目, 镇安县天麻示范园产业园项目: a project named for its county, no address
        own_project = bool(_PROJECT_END.search(simple))
        if chain and (town or (county and at < len(simple) - 1 and not ZH_NOT_AFTER.match(simple[at:])
                               and not own_project)):
            out += [c for c in chain if c not in out]
    return out
