"""Is a Chinese article a visit? Meetings, receptions, notices and discipline cases are not.
(English articles: :mod:`crawler.visits.en.detect`.)

An article reports a visit when a named official goes somewhere to inspect,
investigate or visit. The first sentence naming an official decides the kind
of event: a meeting there (会见, 召开, 常委会) makes
the article a non-visit unless participants also inspected sites on the spot
(现场/实地查看, "inspected ... on site").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# 访问/拜访 a body or a firm (访问某商会, 拜访某公司) is a call at the place; 访问美国 is no site.
_ZH_CALL_AT = (r"(?:访问|拜访|到访)(?=[^，,。；;]{0,20}?(?:商会|协会|公司|集团|企业|大学|学院|学校|医院|"
               r"研究院|研究所|基地|中心|总部))")
# 莅临我司参观指导: honouring a place with one's presence to look at it (not 莅临会议).
_ZH_GRACED = r"莅临(?=[^，,。；;]{0,12}?(?:参观|视察|调研|考察|检查|指导|走访))"
_ZH_VISIT = re.compile(r"调研|考察|视察|察看|查看|走访|慰问|看望|检查|督导|督查|巡河|巡查|暗访|来到|"
                       + _ZH_CALL_AT + "|" + _ZH_GRACED + "|"
                       r"巡视(?![组员办]|[^，,。]{0,8}?(?:情况|反馈|整改))|"
                       # 深入学习贯彻, 深入推进: deeply, not going deep into a place
                       r"走进|深入(?!学习|贯彻|推进|实施|宣传|研究|落实|推动|分析|思考|交流|合作|人心|浅出)|"
                       r"观摩|(?:赴|前往)[^，,。；;]{1,30}学习|"
                       # going to a named place (到东阳县指导防汛工作, 赴青松村现场办公)
                       r"(?:[到赴](?![会场任位期岗达])|前往)[^，,。；;]{1,12}?"
                       r"(?:[县区镇乡村]|街道|开发区|新区|社区|园区|公司|企业|项目|基地|现场|一线)"
                       r"(?![委政长])")
# A visit word that names a kind of meeting or document (调研座谈会, 考察报告) is no visit.
# 联合调研开题会, 调研推进会: a visit word that names a meeting of its kind is the meeting's.
_ZH_STRONG = re.compile(r"(?:调研|考察|视察|察看|查看|走访|慰问|看望|巡河|巡查|暗访|督导|观摩|"
                        + _ZH_CALL_AT + "|" + _ZH_GRACED + "|"
                        r"巡视(?![组员办]|[^，,。]{0,8}?(?:情况|反馈|整改)))"
                        r"(?!座谈会|会议|会上|会|成果|报告|汇报|课题|材料|文章|工作会|"
                        r"(?:开题|推进|协调|调度|动员|部署|总结|启动|评审|论证|交流)会)")
_ZH_MEETING = re.compile(
    r"接受[^，,。]{0,10}?(?:采访|专访)|会见|会谈|召开|(?<!人大)常委会(?!副?主任|委员|秘书长|党组)|常务会议|审议|出席|主持|座谈会|接见|会议(?!精神)|视频|签约|开幕|闭幕|颁奖|"
    r"报告会|辅导报告|专题报告|讲座|培训班|讨论|授课|宣讲|党课|接待(?![站点处])|推介会|发布会|博览会|论坛|仪式|"
    r"生活会"  # 组织生活会, 民主生活会
)
# 走访了政协会议各讨论组: the groups of a session called on belong to the meeting, not to a place.
_ZH_SESSION_GROUPS = re.compile(r"(?:会议|大会|全会)[^，,。；;]{0,12}?(?:讨论组|小组|代表团)")
# 现场观摩推进会 names a meeting, not a look on the spot.
_ZH_ONSITE = re.compile(r"(?:现场|实地)(?:查看|察看|考察|调研|检查|踏勘|观摩)"
                        r"(?!(?:推进|交流|点评|讲评)?(?:大?会|会议))|会[前后].{0,16}(?:查看|察看|考察|参观|观摩)")
# Business people coming to look at the place (企业负责人来我县考察, 客商来…进行考察, 商会会长带领考察团来…):
# officials who only join them are hosts, not on a visit of their own.
_ZH_BUSINESS_GUESTS = re.compile(
    r"(?:(?:企业|公司|集团|商会)(?:[^，,。；;]{0,6}?(?:负责人|代表|高管|董事长|总经理|老总|会长)|组团)|客商|企业家|投资商|"
    # 由某商会会长甲率队的投资考察团来我区…: a business delegation, whoever heads it
    r"由[^，,。；;]{2,40}?(?:率队|带队|率领|带领)的[^，,。；;]{0,20}?(?:投资|经贸|商务|招商)考察团)"
    r"[^。；;]{0,30}?(?:来|莅临|到|抵达)[^。；;]{0,20}?(?:考察|参观|洽谈|对接)")
_ZH_DISCIPLINE = re.compile(r"纪律审查|监察调查|审查调查|巡视组|巡察组|涉嫌|违纪|违法|双开|任免|免去|任命|"
                            r"违规|查处|"
                            r"收受|纪委监委|通报")


_ZH_INSTRUCTION = re.compile(r"要求|(?<![重主需只纲])要(?![闻素点])|应当|(?<![响反供适相])应(?![急用])|"
                             r"必须|务必|(?<![必无])须")


_ZH_GUEST_SUBJECT = re.compile(r"客商|企业家|嘉宾|客人|投资商|外商")


def _zh_onsite(simple: str) -> bool:
    """Participants inspected on site (not an instruction that others should: 要…实地察看)."""
    for m in _ZH_ONSITE.finditer(simple):
        start = max(simple.rfind(c, 0, m.start()) for c in "。\n!?！？") + 1
        if _ZH_GUEST_SUBJECT.search(simple, start, m.end()):
            continue  # 会前，客商们来到…参观: the guests looked around, not the officials
        if not _ZH_INSTRUCTION.search(simple, start, m.start()):
            return True
    return False


class _Located(Protocol):
    start: int
    end: int
    title_start: int


# A meeting word that is the topic of the visit (围绕…座谈会举办形式开展调研), not the event.
_ZH_TOPIC_BEFORE = re.compile(r"(?:围绕|就|关于|对)[^，,。；;]*$")
# Inspection teams (巡察组) also go on ordinary visits; a case needs a word of wrongdoing.
_ZH_TEAM = re.compile(r"巡视组|巡察组")


# A "title" that runs over a verb is a clause, not a title (在东阳会见了省政协常委).
# 会议邀请…处长甲作报告; 在市行政中心会见越南驻沪总领事甲: a meeting verb inside a "title" is the event
_CLAUSE_IN_TITLE = re.compile(r"[在了并将向与对]|邀请|会见|会谈|接见")


def _masked(simple: str, mentions: Sequence[_Located], acc: Sequence[_Located]) -> str:
    """The text with meeting words inside officials' titles blanked, and discipline words inside
    accompanying officials' titles (纪委监委主任甲陪同调研 is no discipline case)."""
    chars = list(simple)
    for m in mentions:
        if _CLAUSE_IN_TITLE.search(simple, m.title_start, m.start):
            continue
        for pattern in (_ZH_DISCIPLINE, _ZH_MEETING) if m in acc else (_ZH_MEETING,):
            for hit in pattern.finditer(simple, m.title_start, m.start):
                chars[hit.start():hit.end()] = "□" * (hit.end() - hit.start())
    return "".join(chars)


# What an inspection looks for (检查…，要求严厉查处违法违规行为), not a case against the official.
_ZH_WRONGS_SOUGHT = re.compile(r"违法|违规|查处|通报")


# 进行暗访，县政府办、纪委监委等单位负责同志参加: a discipline body among those who come along.
_ZH_BODY_ALONG = re.compile(r"纪委监委(?=[^。；;]{0,30}?(?:参加|陪同))")


def _discipline(text: str) -> bool:
    visit = _ZH_VISIT.search(text)
    if visit:  # wrongs named after the visit word are what the visit looks for, bodies after it come along
        after = _ZH_BODY_ALONG.sub(lambda w: "□" * len(w.group(0)), text[visit.end():])
        text = text[:visit.end()] + _ZH_WRONGS_SOUGHT.sub(lambda w: "□" * len(w.group(0)), after)
    hit = _ZH_DISCIPLINE.search(text)
    if hit and _ZH_TEAM.fullmatch(hit.group(0)) and _ZH_STRONG.search(text):
        return bool(_ZH_DISCIPLINE.search(_ZH_TEAM.sub("", text)))
    return bool(hit)


def _meeting(sentence: str) -> re.Match[str] | None:
    for m in _ZH_MEETING.finditer(sentence):
        if not _ZH_TOPIC_BEFORE.search(sentence, 0, m.start()):
            return m
    return None


# A clause of guests coming to this place (…一行来我市考察, 莅临我县考察).
_ZH_GUESTS = re.compile(r"[^，,。；;]*(?:来我|莅临?我?)[市县区州镇乡][^，,。；;]*")


_PROSE_MARK = re.compile(r"[，,。；;]")


def in_prose(simple: str, pos: int) -> bool:
    """Is ``pos`` on a line of prose (one with a comma or a full stop), not a headline's line?"""
    start = simple.rfind("\n", 0, pos) + 1
    end = simple.find("\n", pos)
    return bool(_PROSE_MARK.search(simple, start, end if end >= 0 else len(simple)))


def _first_sentence(simple: str, mentions: Sequence[_Located], acc: Sequence[_Located]) -> tuple[int, str]:
    """Where the first sentence naming an official starts, and its text with titles masked. A
    sentence of prose counts before a line of headlines (a page's list of other stories: 市长甲会见
    客商\n县委书记乙主持召开常委会\n…) when one names an official."""
    prose = [m for m in mentions if in_prose(simple, m.start)]
    first = min(m.start for m in (prose or mentions))
    start = max(simple.rfind(c, 0, first) for c in "。\n!?！？") + 1
    ends = [i for i in (simple.find(c, first) for c in "。\n") if i >= 0]
    end = min(ends) if ends else len(simple)
    return start, _masked(simple, mentions, acc)[start:end]


_ZH_GOING_TO_CHECK = re.compile(r"(?:[赴到](?!会)|前往|深入)[^，,。；;]{1,30}?(?:检查|督查|督导)")


def _meeting_end(simple: str, mentions: Sequence[_Located], acc: Sequence[_Located]) -> int | None:
    """Where the meeting word ends, when the first sentence naming an official reports a meeting
    before any visit word of the official's."""
    start, sentence = _first_sentence(simple, mentions, acc)
    first = min(m.start for m in mentions) - start
    meeting = _meeting(sentence)
    # 客商一行来我市考察，市长甲会见了…: the guests' visit word is not the official's.
    hosted = _ZH_GUESTS.sub(lambda g: "□" * len(g.group(0)), sentence[:first]) + sentence[first:]
    strong = _ZH_STRONG.search(hosted)
    # 赴青石区、东湖化工基地检查…，并作专题党课: going out to inspect comes before the talk
    going = _ZH_GOING_TO_CHECK.search(hosted)
    if going and (not strong or going.start() < strong.start()):
        strong = going
    if meeting and (not strong or meeting.start() < strong.start()):
        return start + meeting.end()
    session = _ZH_SESSION_GROUPS.search(hosted)
    if strong and session and not _PROSE_MARK.search(hosted, strong.end(), session.start()):
        return start + session.end()  # the visit verb's object is the session's groups
    return None


def zh_tour_after_meeting(simple: str, mentions: Sequence[_Located], acc: Sequence[_Located]) -> int | None:
    """Where the tour is told, when the report opens with a working session and an official named
    in it goes out afterwards (随后，李明先后来到…); None otherwise."""
    end = _meeting_end(simple, mentions, acc) if mentions else None
    return None if end is None else _zh_later_visit(simple, [simple[m.start:m.end] for m in mentions], end)


def zh_is_visit(simple: str, title: str, mentions: Sequence[_Located],
                leads: Sequence[_Located], acc: Sequence[_Located]) -> bool:
    """Does this Chinese article report a site visit by a named official?"""
    if not mentions or not (leads or acc):
        return False
    _start, sentence = _first_sentence(simple, mentions, acc)
    if _discipline(sentence) or _discipline(title):
        return False
    if (_meeting_end(simple, mentions, acc) is not None and not _zh_onsite(simple)
            and zh_tour_after_meeting(simple, mentions, acc) is None):
        return False
    if title and _ZH_MEETING.search(title) and not _ZH_STRONG.search(title) and not _zh_onsite(simple):
        return False
    guests = _ZH_BUSINESS_GUESTS.search(simple)
    if guests and (not leads or guests.start() < min(m.start for m in mentions)):
        return False  # the firms' tour is told before any official is named: the officials host it
    hosting = _ZH_GUESTS_VISIT.sub(lambda g: "□" * len(g.group(0)), simple)
    return _zh_visit_by_official(hosting, title, mentions)


# 向来我市考察的客商介绍…: a visit word describing the guests the official meets is theirs.
_ZH_GUESTS_VISIT = re.compile(
    r"(?:来|莅临|到)我[市县区州镇乡](?:考察|调研|参观|视察|检查|指导|交流)[^，,。；;]{0,8}?的")


_ZH_GOES = (r"(?:随后|接着|之后|此后|会后|会前|此前|还|又|也|先后|分别|一行|等|专程|带队|率队|"
            r"(?:带领|率领)[^，,。；;]{1,20}?)*"
            r"(?:来到|深入|走进|前往|[到赴](?!会|场)|实地|察看|查看|考察|调研|视察|走访|观摩|检查|督导|"
            # 一行人对…活动室、…农场进行了调研视察
            r"对[^，,。；;]{2,40}?进行了?(?:调研|视察|考察|检查|督查))")
_ZH_GOES_RE = re.compile(_ZH_GOES)
# 主持召开调度会，随后深入…检查 / 宣讲…，并到东湖村看望: the clause after the meeting goes out, its
# subject left out.
_ZH_THEN_GOES = re.compile(r"[，,](?:随后|接着|之后|会后|会前|并)(?:又|还|便|先后)?"
                           r"(?:来到|深入|走进|前往|[到赴](?!会|场)|实地)")


def _zh_later_visit(simple: str, names: Sequence[str], after: int) -> int | None:
    """A working session first, then the tour: after ``after``, an official named before (or 他,
    一行) opens a clause of going out or inspecting (随后，李明先后来到…; 当天下午，李明到…调研)."""
    subjects = "|".join([re.escape(n) for n in names if n] + ["[他她]", "一行人?"])
    # the article's own subjects are compiled into a short pattern; the verbs of going are compiled once
    head = re.compile(rf"(?:^|[。！？\n，,])\s*(?:[^，,。！？\n]{{0,10}}[，,])?(?:{subjects})")
    clauses: list[tuple[int, int]] = []
    pos = after
    while (h := head.search(simple, pos)) is not None:
        goes = _ZH_GOES_RE.match(simple, h.end())
        if goes:
            clauses.append((h.start(), goes.end()))
        pos = goes.end() if goes else h.start() + 1
    for m_start, m_end in [*clauses, *((m.start(), m.end()) for m in _ZH_THEN_GOES.finditer(simple, after))]:
        start = max(simple.rfind(c, 0, m_start + 1) for c in "。！？\n") + 1
        if not (_ZH_INSTRUCTION.search(simple, start, m_end) or _ZH_SAID.search(simple, start, m_end)):
            return m_end
    return None


# A sentence whose subject is the visiting party without a name: 他来到…, 一行先后…, 调研组…, 委员们视察…
_ZH_PARTY = re.compile(r"\s*(?:[^，,。]{0,12}[，,])?"
                       r"(?:[他她]|[^，,。]{0,8}一行|[^，,。]{0,6}?(?:调研组|考察团|考察组|检查组|督导组|督查组|暗访组|巡查组|"
                       r"视察组|代表团)|与会人员|参会人员|委员们|代表们)")


# A visit word after these is one spoken of or planned (李明强调，干部要深入一线调研; 将赴…考察), or
# one only set off on or begun (22日启程赴青州进行学习考察; 今天抵达青州，开始为期六天的学习考察).
_ZH_SAID = re.compile(r"强调|指出|表示|说|希望|号召|计划|(?<![模虚])拟|将(?!军|至|近|临|到来)|启程|"
                      r"抵达[^，,。；;]{1,10}[，,]开始")


_ZH_TALKS_THERE = re.compile(r"[^，,。；;]{0,20}?[，,]与[^。；;]{1,60}?(?:座谈|会谈|交流)")
_ZH_SEES = re.compile(r"参观|走进|实地|现场")
_ZH_WITH_THEM = re.compile(r"(?:随同|陪同|参加)[^，,。；;]{0,6}$")


# 街道开展节前安全检查。本次行动由书记甲带队: officials who head the inspection told just before.
_ZH_LED_BY = re.compile(r"由([^。；;]{2,60}?)(?:带队|率队)")
_ZH_CHECK_WORD = re.compile(r"检查|督查|排查")


def _zh_heads_inspection(simple: str, mentions: Sequence[_Located]) -> bool:
    """Officials named as heading (由…带队) an inspection the sentence before tells of."""
    for m in _ZH_LED_BY.finditer(simple):
        if not any(m.start(1) <= x.start < m.end(1) for x in mentions):
            continue
        start = max(simple.rfind(c, 0, m.start()) for c in "。!?！？\n") + 1
        before = max(simple.rfind(c, 0, max(start - 1, 0)) for c in "。!?！？\n") + 1
        words = [*_ZH_STRONG.finditer(simple, before, m.start()),
                 *_ZH_CHECK_WORD.finditer(simple, before, m.start())]
        if not words:
            continue
        last = max(w.start() for w in words)  # the inspection told last before the lead, in its own clause
        clause = max(simple.rfind(c, 0, last) for c in "，,") + 1
        if not _ZH_SAID.search(simple, max(clause, before), last):
            return True
    return False


def _zh_visit_by_official(simple: str, title: str, mentions: Sequence[_Located]) -> bool:
    """A visit word in the title, in a sentence naming an official, or in one whose subject is
    the visiting party (not 企业纷纷前来考察 in a report of a speech)."""
    if _ZH_STRONG.search(title) or _zh_onsite(simple) or _zh_heads_inspection(simple, mentions):
        return True
    names = {simple[x.start:x.end] for x in mentions}  # named again later without the title
    for m in _ZH_VISIT.finditer(simple):
        # sentences end at 。！？ only: scraped text breaks lines inside sentences
        start = max(max(simple.rfind(c, 0, m.start()) for c in "。!?！？") + 1, m.start() - 200)
        end = simple.find("。", m.end())
        end = end if end >= 0 else len(simple)
        if _ZH_TALKS_THERE.match(simple, m.end()) and not (
                _ZH_STRONG.search(m.group(0)) or _ZH_SEES.search(simple)):
            continue  # 代表团来到华县，与…座谈交流: a trip to hold talks, no place seen
        if simple[m.end():m.end() + 1] == "的" and _ZH_WITH_THEM.search(simple, start, m.start()):
            continue  # 随同学习考察的还有…: who comes along names the visit, it does not report it
        if simple.startswith("期间", m.end()):
            continue  # 学习考察期间，代表团将…: a time frame; what is done in it is told after
        said = _ZH_INSTRUCTION.search(simple, start, m.start()) or _ZH_SAID.search(simple, start, m.start())
        if not said and (any(start <= x.start < end for x in mentions) or _ZH_PARTY.match(simple, start)
                         or any(n in simple[start:end] for n in names)):
            return True
    return False
