"""Stops in Chinese text: the objects of 来到/走进/察看/到…调研 and 在X，某某….

A frame's object is cut into items at 、 and 和; ``X、Y等企业`` declares the
kind of every item before it. Items need a site suffix (公司, 项目, 村, 社区,
学院...) unless a category declares them; generic words (企业, 重点项目) and
unnamed sites (有关房地产项目) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.gazetteer import gazetteer
from crawler.visits.language import to_simplified
from crawler.visits.stops import ZH_STOP_SUFFIX, ZH_ZONES, is_zone, zh_kind
from crawler.visits.zh.site_lists import (
    HOW_NEXT,
    TOPIC_FIRM,
    TOPIC_PLACE,
    TOPIC_SITE,
    home_villages,
    list_kind,
    split_list,
    zone_head,
)
from crawler.visits.zh.site_names import (
    ACTIVITY_TAIL,
    CATEGORY,
    FACILITY,
    TOWN,
    clean_name,
    facility_owner,
    is_place,
    is_region,
    shared_facility,
    site_word,
)
from crawler.visits.zh.stop_choice import Item
from crawler.visits.zh.unnamed_sites import generic, time_of_visit

_FRAME = re.compile(
    r"(?:(?<=先后)|(?<=一行)|(?<=分别)|(?<=组)|(?<=队)|(?<=团))来(?!到)|来到|走进|(?:拜访|访问)(?!团|学者)|(?<=[，,])具体包括|"
    r"深入(?!推进|实施|学习|贯彻|宣传|开展|研究|落实|推动|分析|挖掘|调查|细致|了解|交流|思考|基层|一线|群众)到?|(?<!以)赴|前往|直奔|(?<![得达受遇看感做提收报直迟找想周回])到(?![位达期了底])|"
    r"(?:察看|查看|考察|视察|参观|走访|调研|检查|督导|督察|督查|暗访|慰问|观摩|巡查|巡视|巡河|踏访|踏勘|踏查)(?![团组会点员的旨室座办局])了?"
)
# An object ends at punctuation, a verb, or a bracket that is not a short one (今麦郎(食品)产业园).
_END = re.compile(r"[，,。；;：:！!？?\n|]|[（(](?![^（()）]{1,12}[）)])|"
                  # 深入青山区对重点项目推进情况开展督导: the place gone to, then what about
                  r"(?<=[省市县区镇乡])对(?=[^，,。；;]{2,40}?(?:进行|开展))|"
                  r"调研|开展|进行|了解|听取|检查(?![站组])|督导(?!组)|走访|慰问|看望|察看|"
                  r"查看|考察|视察|暗访|实地|详细|参加|出席|召开|并(?:主持|走访|看望|慰问|召开|出席|听取|实地|察看|查看|调研|了解|检查|参加|指出|强调|向|与|对|就)|就|，|观摩|巡查|巡视(?![组员办]|[^，,。]{0,8}?(?:情况|反馈|整改))|"
                  r"巡河|督查|指导|宣讲|参观(?![点团])|学习(?=考察|交流|调研|观摩|借鉴|[，,。；;])|指出|强调|表示(?!范)|"
                  # 到温泉开发区对两处遗址作了考察: what 对 introduces is the matter looked into
                  r"对(?=[^，,。；;]{2,40}?(?:作了?|进行了?|开展了?)[^，,。；;]{0,6}?(?:考察|调研|了解|检查|视察))")
_VERB_INSIDE = re.compile(r"调研|察看|查看|考察|视察|了解|听取|详细|强调|指出|要求|表示|座谈|召开|主持|"
                          r"出席|参加|陪同|走访|看望|慰问|并|就")
_AT = re.compile(r"在(?![岗职册编售])([^，,。；;：:！？\n就]{2,120})(?:[，,]|就(?![业近地读医诊]))")
# 陈刚在华宇电子有限公司察看生产线: a site right before a verb of looking, with no comma between.
_SITE_THEN = (r"在([^，,。；;：:！？\n在]{2,40}?(?:" + ZH_STOP_SUFFIX.pattern[:-1] + r"|"
              + ZH_ZONES[3:-1] + r"))")
_LOOK_VERB = (r"(?=实地|察看|查看|调研|考察|视察|检查|督导|走访|慰问|看望|参观|观摩|"
              r"详细|仔细|认真|了解|听取|询问|与[^，,。]{1,12}?(?:交流|交谈|座谈))")
_AT_SITE_VERB = re.compile(_SITE_THEN + _LOOK_VERB)
_AT_SITE_NAME_VERB = re.compile(_SITE_THEN + r"(?P<name>[一-龥]{2,3}?)" + _LOOK_VERB)
_LOOK_NEXT = re.compile(r"了解|听取|察看|查看|详细|仔细|认真|实地|参观|观看|慰问|看望")
_EACH_PLACE = re.compile(r"(?:每到一处|每至一处|所到之处)[，,]?")
_SUBJECT = re.compile(r"^(?:[他她]|委员们|代表们|调研组|检查组|督导组|督查组|考察团|考察组|观摩团|代表团|"
                      r"调研团|视察组|工作组|慰问组|慰问团|巡查组|暗访组|与会人员|一行)")
# 出席了青石州民族文化馆奠基仪式: the site whose ceremony the party attends or holds.
_CEREMONY = re.compile(r"(?:出席|参加|举行|见证)了?([^，,。；;、“”]{4,30}?)"
                       r"(?:奠基|开工|揭牌|竣工|投产|开业|启用)(?:仪式|活动|典礼)")
_MOVE = re.compile(r"(?:来到|赴|先后到|前往|直奔|拜访|访问)$")
_LOOK = re.compile(r"(?:察看|查看|参观|走进|考察|视察|观摩)了?$")
_STRONG_SITE = re.compile(r"(?:有限公司|集团|公司|[^该本全]村|社区)$")
_ABOUT = re.compile(r"就([^，,。；;]{2,40}?)(?:进展情况|建设情况|情况|工作)?进行(?:调研|考察|视察)|"
                    r"对([^，,。；;]{2,40}?)(?:开展|进行)[^，,。；;]{0,10}?(?:调研|考察|视察|检查|督导|督查|巡视|巡查|巡河)")
# 对A村的乡村振兴工作，B产业园的运营情况等进行了详细询问: sites told each with what was asked
# about them, over commas, up to 等 and the verb.
_ASKED_ABOUT = re.compile(r"对((?:[^，,。；;！？]{2,60}?(?:情况|工作)[，,、]?){2,8})"
                          r"等?(?:进行|开展)了?(?:详细|深入|实地)?(?:询问|了解|调研|考察|察看|检查)")

# A site named with its owner or a quoted name (东方园林集团公司下河村湿地工程, A公司“十里荷花”项目).
_OWNED = re.compile(r"公司|集团|“")
# 等项目 declares sites; 等重点场所 or 等部位 declares parts of one.
_SITE_CATEGORY = re.compile(r"等[^，,。]{0,8}?(?:项目|企业|工程|单位|村|社区|学校|医院|园区|基地)|"
                            r"等(?:[\d一二三四五六七八九十几多]+处)?现场")  # …、临港大道等多处现场



# 节日期间全市安全生产情况: the affairs of the whole area, not a site.
_WHOLE_AREA = re.compile(r"(?:[^，,。]{0,8}期间)?全[省市县区镇乡]")
# 区委办、区发改委等主要负责同志参加: units whose heads take part, not sites.
# 河道治理、茶叶产业、生态渔业等乡村振兴项目: works and trades declared as projects, no sites.
_WORKS_DECLARED = re.compile(r"等[^，,。；;]{0,8}?(?:项目|工程)$")
# 水土保持、果树培植等项目: works declared as projects
_WORK_TOPIC = re.compile(r"(?:整治|治理|修复|产业|渔业|农业|牧业|储运|改造|保护|提升|振兴|发展|"
                         r"保持|培植|培育|灌溉|种植|养殖|防治|绿化|商贸|文旅|物流|电商)$")
# 老党员甲、退伍军人乙等困难户家中: the homes of people listed, not sites.
_HOMES = re.compile(r"等[^，,。；;]{0,6}?(?:户|群众|党员|老人|家庭|职工|人)?家[中里]?(?=[一-龥]{0,2}$)")
_HEADS_OF_UNITS = re.compile(r"等[^，,。；;]{0,6}?(?:负责同志|负责人|同志|领导|干部)")
# 调研A建设、B处置和C项目建设等工作情况: a list of works, not of sites.
_WORKS = re.compile(r"等?(?:工作)?(?:情况|进展)$")
# 对建筑、燃气等重点行业领域进行检查: a list of trades, not of sites (sites listed so keep their site word).
_TRADES = re.compile(r"等[^，,。]{0,6}?(?:行业|领域)|"
                     r"等(?:[\d一二三四五六七八九十几多]+个)?点位")  # 甲村、河道清淤等点位: works, no sites


# 先后到甲镇A村、B村，乙镇C村、D村，丙县E村等地: a list runs on over commas to its 等 + category,
# or through segments that each open with a town or county (…杨梅基地，中桥乡富硒水稻示范片，…).
_LIST_ITEM = r"[^，,。；;！？!?\n、]{2,40}?"
_RUN_ON_TO_CATEGORY = re.compile(
    r"(?:[，,](?:" + _LIST_ITEM + "、){0,8}" + _LIST_ITEM + "){1,8}?(?=" + CATEGORY.pattern + ")")
_PLACE_SEGMENT = re.compile(
    r"[，,]([一-龥]{1,6}?(?:镇|乡|街道|县|区|市))[^，,。；;！？!?\n]{2,30}?(?=[，,。；;]|$)")


# …B有限公司，乙市C有限公司、D有限公司开展实地调研: a list that closes with the verb of the visit.
_SITES_THEN_VERB = r"(?:开展|进行)?(?:实地)?(?:调研|考察|视察|检查|走访)"
_SITE_SEGMENT = re.compile(
    r"[，,]([^，,。；;！？!?\n]{2,40}?(?:有限公司|公司|集团|(?<![该本全])村|社区|项目|基地|学校|医院|(?<![家田])园|园区))"
    r"(?=[，,。；;]|$|" + _SITES_THEN_VERB + ")")


# 甲镇A村、B村，乙镇C庄、D庄等实地调研: the last town's group of a nested list, up to 等 and the verb.
_TOWN_OPENS = re.compile(r"[一-龥]{1,6}?(?:镇|乡|街道)(?=[一-龥]{2})")
_LAST_TOWN_GROUP = re.compile(
    r"[，,][一-龥]{1,6}?(?:镇|乡|街道)(?:[^，,。；;！？!?\n、]{1,12}、){0,8}[^，,。；;！？!?\n、]{1,12}?"
    r"(?=等(?:地|处)?(?:实地|进行|开展)?(?:调研|走访|察看|查看|考察|检查|督导))")


def _run_on(simple: str, stop: int, start: int) -> int | None:
    """Where a list that goes on past the comma at ``stop`` really ends (None: it does not)."""
    if simple[stop:stop + 1] not in ("，", ","):
        return None
    last_group = _LAST_TOWN_GROUP.match(simple, stop)
    if last_group and _TOWN_OPENS.match(simple, start) and not _VERB_INSIDE.search(last_group.group(0)):
        return last_group.end()
    to_category = _RUN_ON_TO_CATEGORY.match(simple, stop)
    if to_category and not (_VERB_INSIDE.search(simple, stop, to_category.end())
                            or _FRAME.search(simple, stop, to_category.end())):  # a new verb of going
        return to_category.end()
    ends: list[int] = []
    while (seg := _PLACE_SEGMENT.match(simple, ends[-1] if ends else stop)) and not _VERB_INSIDE.search(
            seg.group(0)):
        ends.append(seg.end())
    if len(ends) >= 2:
        return ends[-1]
    sites: list[int] = []  # 调研了A有限公司，B有限公司，C村。: sites listed with commas to the sentence's end
    while (seg := _SITE_SEGMENT.match(simple, sites[-1] if sites else stop)) and not (
            _VERB_INSIDE.search(seg.group(0)) or _FRAME.search(seg.group(0))):
        sites.append(seg.end())
    last = sites[-1] if sites else -1
    closed = last >= 0 and (simple[last:last + 1] in ("。", "；", ";", "") or bool(
        HOW_NEXT.match(simple, last)) or bool(re.match(_SITES_THEN_VERB, simple[last:])))
    return last if closed else None


def _at_run_on(simple: str, stop: int, names: set[str]) -> int | None:
    """在甲镇A村示范点，乙镇B村、C馆，王强察看…: where a list of places after 在 that runs on over
    segments opening with a town or county ends, when the visiting party follows it."""
    end = stop
    while seg := _PLACE_SEGMENT.match(simple, end):
        if _VERB_INSIDE.search(seg.group(0)):
            return None
        end = seg.end()
        after = simple[end + 1:end + 5]
        party = _SUBJECT.match(after) or any(after.startswith(n) for n in names)
        if simple[end:end + 1] in ("，", ",") and party:
            return end
    return None


# 双方到市民活动中心召开座谈会: a place gone to for a meeting is where it was held, no site seen.
_MEETING_NEXT = re.compile(r"(?:召开|举行)[^，,。；;]{0,10}?(?:座谈会|会议|见面会|交流会)")


# 在考察红星食品厂房时，…: the site the lead was seeing when he spoke (not 在视察防洪工作时, a line of work).
_WHILE_SEEING = re.compile(r"在(?:考察|察看|查看|视察|走访|参观)([^，,。；;、]{2,20}?)(?<!工作|情况|建设)"
                           r"(?:时|期间)[，,]")
_DURING_VERB = re.compile(r"(?:中|时|期间|过程中|之?后)(?:[，,]|发现|了解|看到|得知)")


def _at_places(simple: str) -> Iterator[re.Match[str]]:
    """Each 在X， of the text; not 在建项目 or 在营企业, what is being built or run (在营山县 is a
    place: a region's name that opens with such a character)."""
    pos = 0
    while m := _AT.search(simple, pos):
        pos = m.start() + 1
        if m.group(1)[0] in "建营产" and not any(
                start == 0 for start, _end, _region in gazetteer().find_zh(m.group(1)[:8])):
            continue
        pos = m.end()
        yield m


def _objects(simple: str, names: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind of frame): 'move' (来到X), 'look' (察看X), 'at' (在X，), 'other'."""
    spans: list[tuple[int, int, str]] = []
    for m in _at_places(simple):
        if time_of_visit(m.group(1)):
            continue  # 在检查中发现，各乡镇、街道…: what the visit found, no list of places
        each = _EACH_PLACE.match(simple, m.end())  # 在A、B，每到一处，王强…
        after = simple[each.end() if each else m.end():][:4]
        strong = re.search(r"(?:有限公司|集团|公司)$", m.group(1))
        named = any(after.startswith(n) for n in names)
        place_then_about = m.group(0).endswith("就") and re.search(r"[市县区]$", m.group(1))
        # 督导组先后在甲镇林业站、乙村等地，对…: a party that goes from place to place
        went = simple[max(0, m.start() - 2):m.start()] in ("先后", "分别")
        # 王强在华宇公司，听取…；在阳光花园，了解…: a named site where the lead does something
        lead_at = any(simple.endswith(n, 0, m.start()) for n in names) or _LOOK_NEXT.match(after)
        sited = (lead_at and not m.group(0).endswith("就") and not _VERB_INSIDE.search(m.group(1))
                 and site_word(clean_name(m.group(1))[0]))
        if place_then_about or _SUBJECT.match(after) or named or strong or went or sited:
            spans.append((m.start(1), m.end(1), "at"))
        elif (longer := _at_run_on(simple, m.end(1), names)) is not None:
            spans.append((m.start(1), longer, "at"))
    # 在华青医药有限公司林川实地察看了…: the lead's name may stand between the site and the verb
    # (在董事长的陪同下到车间现场视察: an escort's phrase, the going told inside it, is no site)
    lead_named = [m for m in _AT_SITE_NAME_VERB.finditer(simple) if m.group("name") in names]
    spans += [(m.start(1), m.end(1), "at") for m in [*_AT_SITE_VERB.finditer(simple), *lead_named]
              if "陪同下" not in m.group(1)]
    # 王继周到区…: a name ending in a character that makes a word with 到 (周到) still goes there
    framed = simple
    for name in names:
        framed = framed.replace(name + "到", "□" * len(name) + "到")
    for m in _FRAME.finditer(framed):
        if _DURING_VERB.match(simple, m.end()):
            continue  # 在检查中发现，…: a time of the visit, no object of its verb
        end = _END.search(simple, m.end())
        while end and end.group(0) in "，," and simple.startswith(("以及", "及"), end.end()):
            end = _END.search(simple, end.end() + 1)
        stop = end.start() if end else len(simple)
        longer = _run_on(simple, stop, m.end())
        if stop - m.end() >= 2 and not _MEETING_NEXT.match(simple, stop):
            kind = "move" if _MOVE.search(m.group(0)) else "look" if _LOOK.search(m.group(0)) else "other"
            # a list of many sites (A、B、C…) may run long; other objects stop at 80 characters
            cap = 200 if simple.count("、", m.end(), stop) >= 3 else 80
            spans.append((m.end(), longer or min(stop, m.end() + cap), kind))
    for m in _ABOUT.finditer(simple):
        group = 1 if m.group(1) else 2
        if not simple.startswith("工作", m.end(group)):  # 就乡村建设和茶叶产业工作进行视察: lines of work
            spans.append((m.start(group), m.end(group), "other"))
    spans += [(m.start(1), m.end(1), "other") for m in _ASKED_ABOUT.finditer(simple)]
    spans += [(m.start(1), m.end(1), "at") for m in _CEREMONY.finditer(simple)]
    spans += [(m.start(1), m.end(1), "at") for m in _WHILE_SEEING.finditer(simple)]
    for m in [*TOPIC_SITE.finditer(simple), *TOPIC_PLACE.finditer(simple)]:
        spans.append((m.start(1), m.end(1), "other"))
    spans += [(m.start(1), m.end(1), "at") for m in TOPIC_FIRM.finditer(simple)]
    return spans



_CLAUSE_BREAK = re.compile(r"[；;]")
# 到罗青河巡河调研: in a river chief's patrol or a flood check, a river gone to is a site.
_RIVER_WORK = re.compile(r"巡河|巡湖|河长|湖长|治水|防汛")
_RIVER = re.compile(r"^[一-龥]{1,8}?(?<![小大护母])(?:河|江|溪|湖|渠)(?:[（(][^（()）]{1,8}[）)])?$")
_STUDY_BEFORE = re.compile(r"(?:调研|检查|督导|督查|视察|考察)了?$")  # right before the object
_NAMED_STREET = re.compile(r"^(?!道路|街道|城市|背街|农村|乡村)[一-龥]{1,5}(?:大街|大道|[路街巷])"
                           r"(?:[（(][^（()）]{1,12}[）)])?$")  # 乐文街(东路-西路): the section in brackets


def _places_listed(obj: str) -> str:
    """观摩了甲市、乙市等地煤炭储运、智慧城市…项目: the places listed, not the kinds of works seen in them."""
    places_end = obj.find("等地")
    return obj[:places_end + 2] if places_end >= 2 and len(obj) - places_end > 4 else obj


# What ends a firm named without its legal form (祥明仪表, 动力源科技); two of them make a list of sites.
_FIRM_END = re.compile(r"(?:机械|仪表|科技|电子|药业|实业|食品|纸业|鞋业|股份|新材料|能源|装备|生物|化工|"
                       r"制药|医疗|塑胶|汽车|服饰|纺织|建材|电器|电气|包装)$")


def _listed(simple: str, start: int, kind: str, obj: str, names: list[str]) -> bool:
    """Does the list of names declare each a site: several, one with a site word or all named after
    a verb of going (走进华辰食品包装、新源精密科技 need no site word), and not a list of works?"""
    suffixed = sum(1 for name in names if site_word(name) and not generic(name))
    suffixed += sum(1 for name in names if _FIRM_END.search(name)) // 2  # 霍比斯机械、祥明仪表: firms
    going = kind == "move" or simple[max(0, start - 2):start] == "走进"
    named_list = going and len(names) >= 2 and all(
        4 <= len(name) <= 12 and not FACILITY.search(name) and not generic(name) for name in names)
    return len(names) >= 2 and (suffixed >= 1 or named_list) and not _WORKS.search(obj)


def _no_site(name: str, obj: str, trades: bool, work_line: bool) -> bool:
    """Is the item no site: generic, a trade, a work declared as a project, or a line of work (检查了
    渭河大街、金水路等工程建设情况: named streets declared works are the sites)?"""
    works = _WORKS_DECLARED.search(obj) and _WORK_TOPIC.search(name) and not site_word(name)
    street_work = _NAMED_STREET.match(name) and CATEGORY.search(obj)
    return bool(generic(name) or (trades and not site_word(name)) or works or (
        work_line and not _STRONG_SITE.search(name) and not street_work))


def candidate_items(text: str, simple: str, sentence_of: list[int], names: set[str]) -> list[Item]:
    """Every site-like item in the frames of the text, in order."""
    items: list[Item] = []
    river_work, rivers = bool(_RIVER_WORK.search(simple)), []
    sited: dict[int, int] = {}  # sentence -> where its last site was named
    many: set[int] = set()  # sentences whose last sites were several listed together
    for start, end, kind in sorted(set(_objects(simple, names))):
        obj = simple[start:end]
        if homes := _HOMES.search(obj):  # 甲村王某、乙村李某等群众家中: the villages, not the homes
            items += [Item(text[start + at:start + at + len(v)], start + at, True, sentence_of[start + at])
                      for v, at in home_villages(obj, homes.start())]
        if homes or _WHOLE_AREA.match(obj) or _HEADS_OF_UNITS.search(obj):
            continue
        trades = bool(_TRADES.search(obj))
        # 调研道路改造、河道整治工作: lines of work, not sites, unless a firm or village is among them
        work_line = obj.endswith(("工作", "建设情况")) and bool(_STUDY_BEFORE.search(simple, 0, start))
        sentence = sentence_of[start]
        # 第一组视察了A；第二组视察了B: a clause after a semicolon goes on to sites of its own
        inside_site = kind == "look" and sentence in sited and not _CLAUSE_BREAK.search(
            simple, sited[sentence], start)
        obj = _places_listed(obj)
        parts, counted = shared_facility(list_kind(split_list(obj)))
        names_in = [clean_name(p)[0] for p, _ in parts]
        if kind in ("at", "move") and not all(is_place(n) or generic(n) for n in names_in):
            sited[sentence] = start  # not by a time (在潍期间) or a kind of place
        any_declared = counted or any(CATEGORY.search(p) for p, _ in parts)
        cleaned = [(clean_name(part), offset) for part, offset in parts]
        listed = _listed(simple, start, kind, obj, [name for (name, _, _), _ in cleaned])
        for (name, shift, declared), offset in cleaned:
            pos = start + offset + shift
            if generic(name) and (owner := facility_owner(name)):
                name, declared = owner, True  # 华宇科技在建工地: a kind of place, but the firm's
            if _no_site(name, obj, trades, work_line):
                if zone := zone_head(simple, name, generic):  # 调研开发区重点项目: the area gone to
                    items.append(Item(text[pos:pos + zone], pos, False, sentence_of[pos]))
                continue
            if not (declared or any_declared) and ACTIVITY_TAIL.search(name) and not name.endswith("现场"):
                continue
            # 在华宇公司，王强察看了生产线: parts of the site, not named sites (…等项目, A公司“B”项目)
            # 走访了A、B等企业，察看了C项目: a project seen after several sites is no part of one of them
            named_site = _STRONG_SITE.search(name) or _SITE_CATEGORY.search(obj) or _OWNED.search(name) or (
                sentence in many and zh_kind(name) == "project")
            if inside_site and not named_site:
                continue
            if len(parts) == 1 and (owner := facility_owner(name)):
                name, declared = owner, True  # 来到华宇电子生产车间: the firm whose workshop it is
            single_move = (kind in ("move", "at") and len(parts) == 1 and 3 <= len(name) <= 12
                           and not FACILITY.search(name))
            declared = declared or any_declared or (listed and len(name) >= 2) or single_move
            if not (declared or site_word(name) or TOWN.search(name) or is_zone(name)
                    or is_region(name)):
                if river_work and _RIVER.match(name):
                    rivers.append(Item(text[pos:pos + len(name)], pos, False, sentence_of[pos]))
                continue
            items.append(Item(text[pos:pos + len(name)], pos, declared, sentence_of[pos]))
            if not is_place(name):
                sited[sentence] = pos
                (many.add if len(parts) >= 2 else many.discard)(sentence)
    # 沿甲河巡查，先后来到A、B: the river is the way along the sites; alone, it is the site
    return items if any(not is_place(to_simplified(i.name)) for i in items) else items + rivers


