"""What names no Chinese site: generic words (企业, 重点项目), kinds of places (商超, 场所),
parts of a site seen (食堂, 文化长廊), homes (老党员李奶奶家), unnamed sites (有关企业) and times
or aspects of a visit (在调研过程中, 在乡村振兴方面) that visit frames also pick up."""

from __future__ import annotations

import re

from crawler.visits.officials import SURNAMES

_GENERIC_PREFIX = re.compile(
    r"^(?:包挂|挂钩|包联|分包|辖区|重点|全县|全市|全区|多家|多个|附近|[一二三四]季度|上半年|下半年|今年|年度|"
    r"大型|中型|小型|大中型|中小型|沿街|临街|"
    r"\d{4}(?:[-—~至]\d{4})?年(?:度)?)+")  # 2022-2025年老旧小区改造: works of those years
_UNNAMED = re.compile(r"^(?:有关|相关|部分|一些|该|这些|此|各|其|"
                      r"[一二两三四五六七八九十几多每]+(?:个|[所家处座](?![村镇店]))|学校|企业|"
                      r"近年来?|近几年|今年以来|"  # 近年来在…村建设: a time phrase, no site
                      r"[一二三四五六七八九十\d]+楼|"  # 二楼党员活动中心: a floor of the building
                      r"公司|项目|车间|园区|村里|"
                      # 调度考古遗址公园建设: a work told by its verb, no site named
                      r"(?:调度|推进|部署|督促|协调)(?=[一-龥]{2})|"
                      # 来我公司调研: the publisher, never named
                      r"[我本](?:公司|司|厂|单位|院|校|集团|企业)|"
                      r"社区内|原来|已|景区|街区|"
                      r"村(?=[党委民级集“\"])|社区(?=[党服卫邻活养日])|(?:校|院|园|厂|村|区)内|新建|新改造|沿河|沿途|周边|当地|田间)")
_GENERIC = frozenset(
    [
        "企业", "项目", "重点项目", "村", "社区", "车间", "基层", "一线", "现场", "农村", "工地",
        "教师", "群众", "职工", "困难群众", "学校", "医院", "单位", "部门", "乡镇", "街道", "园区",
        "村庄", "农户", "贫困户", "家庭", "基地", "市场", "公司", "集团", "工厂", "生产车间",
        "施工现场", "工作", "情况", "我县", "我市", "我区", "我镇", "全县", "全市", "全区", "一期项目",
        "二期项目", "农业园区", "产业园区", "工业园区",
        "工业园", "田间地头", "项目现场", "重点企业", "现代农业",
        "重点建设项目", "建设项目", "乡村社区", "基础设施", "生产建设现场", "建设现场",
        "配套基础设施建设项目", "乡村", "农村社区", "城乡社区", "县城", "城区", "主城区", "市区",
        "老城区", "中心城区", "交通枢纽", "商超", "商场超市", "商场", "超市", "农贸市场", "商贸市场",
        "发展", "运行", "生态保护区", "保护区", "自然保护区", "火车站", "高铁站", "汽车站", "客运站",
        "环卫站", "消防站", "加油站", "派出所", "门店", "商铺", "店铺", "餐饮店", "公园", "广场", "商业街",
        "道路", "路口", "工程", "重点工程", "城中村", "城郊村", "老旧小区", "安置小区",
        "城市", "棚户区", "棚户区改造", "棚改", "建设工地", "项目工地", "排水工程", "管网工程", "配套工程",
        "附属工程", "绿化工程", "学生餐厅", "职工餐厅", "门卫室", "溢洪道", "大坝", "坝体", "物资仓库",
        "仓库", "备用电源", "启闭机房",
        "值班室", "小区", "车站", "酒店", "宾馆", "指挥中心", "岗亭", "卡口", "卡点", "执勤点", "检查点",
        "街道办事处", "办事处", "居委会", "村委会", "生产现场", "改造", "整治", "提升", "教育", "卫生",
        "医疗", "文化", "旅游", "农业农村", "示范项目", "便民服务中心", "中小学",
        "暗访现场",
    ]
)
_GENERIC_WORDS = re.compile("^(?:" + "|".join(sorted(_GENERIC, key=len, reverse=True)) + ")+$")
_BAD = re.compile(r"会议|代表团|座谈|会场|同志|领导|负责人|书记|市长|县长|主任|群众|代表|教师|职工|"
                  r"[部局厅处]长|【|】")

# 在调研过程中，/ 在考察期间，/ 村容村貌等点位: times and aspects of the visit, not sites.
_FRAME_TIME = re.compile(r"^(?:调研|考察|视察|检查|走访|督导|督查|暗访|巡查|观摩|参观|察看|查看|听取|"
                         r"座谈|此)|"
                         r"(?:过程中|期间|之际|途中|以来|村容村貌|环境面貌|点位|[^一-龥]?时|"
                         # 在乡村振兴方面，/ 在…背景下，/ 在…的基础上: an aspect or a frame of the talk
                         r"之?后|方面|背景下|基础上|情况下|前提下|领域|当中|之中|"
                         # 在检查中发现，…: what the inspection found, told after it
                         r"中(?:发现|了解到?|看到|得知)|"
                         # 在与社区干部交谈中，他…: while talking with people, no place
                         r"(?:交谈|座谈|交流|谈话|攀谈|对话)中)$")
# 北线重点项目: a short qualifier before key projects or firms names none of them.
_KIND_TAIL = re.compile(r"^[一-龥]{1,3}(?:重点项目|重点工程|重点企业)$")
# 东姚镇重点项目: a place before a generic word names no site either.
_PLACE_PREFIX = re.compile(r"^[一-龥]{1,6}?(?:镇|乡(?!村)|街道|县|(?<![灌校厂矿景])区|市(?!场))"
                           r"(?=[一-龥]{2})")  # 灌区工程: an irrigation district's works, no place


# 人流密集场所, 燃气站点, 建筑工地, 老党员李奶奶家: kinds of places and homes, not named sites.
# Parts of a school or site seen (文化长廊, 学生食堂, 教室和实验楼) too, and places told by what they
# do or hold (培训机构, 居民小区, 运输业公司: a trade named as one, where a firm's name says 茶业公司).
_KIND_OF_PLACE = re.compile(r"(?:场所|站点|网点|建筑工地|在建工地|长廊|操作间|食堂|教室|宿舍|操场|教学楼|"
                            r"机构|(?:居民|住宅|老旧)小区|行业|业态|(?:运输|服务|制造|餐饮|批发|零售)业(?:公司|企业)|"
                            r"实验楼|(?:规划)?沙盘|(?:指挥|服务|信息|管理)平台|(?:旅游|文化|消费|劳动力|房地产|节日|假日|金融)市场|"
                            r"(?:大爷|大娘|大妈|奶奶|爷爷|老人|群众|党员|户|职工)家(?:中|里)?)$")


# 道德模范王立军家, 离休干部刘志敬、高岚亭家: a person's home, not a site (张记酒家 is one).
_HOME_OF = re.compile(r"(?:^|[模范劳员部人户属师生士])[" + "".join(sorted(SURNAMES)) + r"][一-龥]{1,2}"
                      r"(?<![酒农人之世管国大专商东作画])家(?:中|里)?$")

# 危化企业, 规上企业, 涉农单位: firms or units told by their trade or size, none named.
_TRADE_KIND = re.compile(r"^(?:危化品?|危险化学品|化工|工业|工矿|规上|规模以上|涉农|涉危|外贸|民营|国有|"
                         r"中小|小微|科技型|高新技术|龙头|骨干|食品|生产经营|商贸|物流|建筑|建筑施工|餐饮|"
                         r"养殖|种植|加工|"
                         r"出口|外资|上市|新入规|在建|停产|重点)+(?:企业|单位|公司|工厂)$")
# 新农村建设示范村, 乡村振兴示范点: a kind of model site told by its cause, none named.
_MODEL_KIND = re.compile(r"^(?:乡村振兴|新农村建设|美丽乡村|和美乡村|人居环境(?:整治)?)"
                         r"(?:示范点|示范村|示范片)$")
# 交通卡口, 集中隔离点: a kind of checkpoint or quarantine site, none named.
_CHECKPOINT_KIND = re.compile(r"^(?:交通|防疫|疫情防控|高速|道路)?(?:卡口|卡点|检查点|执勤点|值守点)$|"
                              r"^(?:集中|医学|集中医学)?(?:隔离|观察|隔离医学观察)点$")
# 本市的超市, 沿线的加油站: a kind of place told with whose or where it is, still unnamed.
_OF_KIND = re.compile(r"^[^的]{1,8}的(?P<kind>[^的]{2,8})$")


# A site word inside what looks like a place before a generic word (人民医院新院区建设现场): a site.
_SITE_IN_PREFIX = re.compile(r"医院|学校|公司|集团|[^农]村|社区|园|中心|项目|工程")


_AREA = re.compile(r"^(?:中心城区|主城区|老城区|城区|市区|县城)")
# 某电器集团, 佛山市某陶瓷有限公司: a site whose name the report withholds.
_WITHHELD = re.compile(r"^[一-龥]{0,5}?某(?=[一-龥]{2})")
# 隆阳区3个高考考点: sites counted, not named.
_COUNTED = re.compile(r"[\d两二三四五六七八九十几多]+个|\d+[家处所座]")
# 试卷分发室, 保密室: a room of the site seen, not a site (村卫生室 and named ones are longer).
_ROOM = re.compile(r"^[^村镇乡社]{1,4}室$|"
                   r"^(?!指挥|俱乐|司令|总)[一-龥]{2}部$")  # 来到品管部: a department of the firm visited


# “两镇六村”示范项目: a programme's quoted name before a generic word names no site.
_QUOTED_PROGRAMME = re.compile(r"^“[^”]{2,12}”")


def generic(item: str) -> bool:
    """Does the item name no site: a kind of place, a home, a time or aspect of the visit, a
    generic word (企业, 重点项目) maybe after a place (东姚镇重点项目), an unnamed one (有关企业)?"""
    if (quoted := _QUOTED_PROGRAMME.match(item)) and item[quoted.end():] in _GENERIC:
        return True
    place = _PLACE_PREFIX.match(item)
    rest = _GENERIC_PREFIX.sub("", item[place.end():] if place and not _SITE_IN_PREFIX.search(
        place.group(0)) else item)
    return (len(rest) < 2 or rest in _GENERIC or bool(_GENERIC_WORDS.match(rest))
            or bool(_KIND_OF_PLACE.search(rest)) or bool(_HOME_OF.search(rest))
            or rest.startswith(("一期", "二期"))
            or bool(_UNNAMED.match(item)) or bool(_UNNAMED.match(_AREA.sub("", item)))  # 中心城区部分医院
            or bool(_UNNAMED.match(rest)) or bool(_KIND_TAIL.match(rest))  # 下坪乡各级学校, 北线重点项目
            or bool(_BAD.search(item[place.end():] if place else item))
            or bool(_FRAME_TIME.search(item))  # 凤凰县长潭岗水库: no 县长 in it
            or bool(_COUNTED.search(item)) or bool(_ROOM.match(rest)) or bool(_WITHHELD.match(item))
            or bool(_TRADE_KIND.match(rest)) or bool(_MODEL_KIND.match(rest)) or _kind_of_whose(item)
            or bool(_CHECKPOINT_KIND.match(item)))  # 东岭乡防疫卡口: named by its town


# 卫生有关重点项目: a line of work, then an unnamed kind of site.
_ABOUT_KIND = re.compile(r"^[一-龥]{1,6}?(?:有关|相关)(?P<kind>[一-龥]{2,8})$")


def _kind_of_whose(item: str) -> bool:
    """本市的超市, 卫生有关重点项目: a generic kind after a modifier with 的 or after a line of work."""
    of = _OF_KIND.match(item) or _ABOUT_KIND.match(item)
    return of is not None and of.group("kind") in _GENERIC


def time_of_visit(item: str) -> bool:
    """Is the item a time or aspect of the visit (调研过程中, 检查中发现), never a place?"""
    return bool(_FRAME_TIME.search(item))
