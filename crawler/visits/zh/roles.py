"""Who leads a Chinese visit and who comes along, read from the clauses around each mention.

The text is read through a same-length simplified view (``ZhDoc``); a mention leads when a verb of
leading or going follows it (率, 带队, 到, 来到…), and accompanies when 陪同/参加 follows it, when it
is named inside 在…的陪同下, after 陪同调研的有, or when a lead brings it along (甲带领乙、丙…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from crawler.visits.detect import in_prose
from crawler.visits.language import to_simplified
from crawler.visits.literal import starts
from crawler.visits.officials import Mention

_END_CHARS = "。！？!?\n◆■●"
_SENTENCE_END = re.compile("[" + re.escape(_END_CHARS) + "]")
_ACC_AFTER = re.compile(
    r"^(?:等|同志|等同志)?(?:先后|分别|也|还|共同|全程)?(?:陪同|一同|参加|参与|随同|随行|同行|列席|共同参加|全程陪同)")
# 省长甲、副省长乙在市委书记丙的陪同下来到…: 丙 accompanies, 甲 and 乙 lead.
_ESCORTED = re.compile(r"在([^。！？!?\n]{2,80}?)(?:的)?(?:陪同|陪伴)下")
# 陪同调研的有：市领导甲、乙 / 参加调研的还有…: the officials named after it come along.
_COMPANIONS_FOLLOW = re.compile(r"(?:陪同|参加|随同|一同|到访|同行)[^，,。；;]{0,12}?(?:的)?[^，,。；;]{0,6}?"
                                r"(?:还有|有|是|包括)[：:，,]?|(?:陪同|参加|随同)[^，,。；;：:]{0,8}?[：:]")
_ACC_ANY = re.compile(r"陪同|一同调研|一同|参加调研|参加活动|参加慰问|参加|"
                      r"参与(?:调研|视察|检查|考察|督导|活动)|随同|随行|列席")
_LEAD_AFTER = re.compile(
    r"^(?:同志|等(?:[省市县区]?领导|同志)?)?(?:一行|率|带领|带队|到|来|赴|前往|深入|走进|先后|在(?!电话|视频|会上)|实地|察看|调研|"
    r"考察|视察|走访|分别(?=深入|[到赴]|来到|前往|走进|带队|率)|"
    r"看望|慰问|检查|督导|开展|、|和|及|与|以(?![《“])|就|巡|观摩|专题|冒雨|冒着|利用|围绕|深入|"
    r"带着|"  # 甲等县领导带着党和政府的关怀走访慰问
    # 以副主席甲为第一视察分团团长的视察团…: the head of a visiting group leads it
    r"(?:为|担任)[^，,。；;]{0,8}?[组团队]长)"
)  # not 以《…》为题作讲座
_LEAD_STRICT = re.compile(
    r"^(?:同志|等(?:[省市县区]?领导|同志)?)?(?:一行|率|带领|带队|到|来|赴|前往|深入|走进|先后|实地|察看|调研|"
    r"考察|视察)")
_CHAIN = re.compile(r"^[，,、和及与]$")
LEAD_VERB = re.compile(r"率|带领|带队|来到|[到赴]|深入|走进|前往")
STRONG_VISIT = re.compile(r"调研|考察|视察|察看|查看|走访|慰问|看望|检查|督导|督查|巡河|巡查|暗访|"
                          r"巡视(?![组员办]|[^，,。]{0,8}?(?:情况|反馈|整改))|"
                          r"来到|走进")


@dataclass
class ZhDoc:
    """The text, its simplified view and sentence index per character."""

    text: str
    simple: str
    sentence_of: list[int]


def zh_doc(text: str) -> ZhDoc:
    simple = to_simplified(text)
    ends = [0] * (len(simple) + 1)
    for m in _SENTENCE_END.finditer(simple):
        ends[m.start() + 1] = 1
    return ZhDoc(text, simple, list(accumulate(ends)))


def sentence_bounds(doc: ZhDoc, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence at ``pos`` (its end is the end mark, or the text's end)."""
    simple = doc.simple
    start = max(simple.rfind(c, 0, pos) for c in _END_CHARS) + 1
    ends = [i for i in (simple.find(c, pos) for c in _END_CHARS) if i >= 0]
    return start, min(ends) if ends else len(simple)


def roles(doc: ZhDoc, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Split mentions into leads and accompanying officials."""
    leads: list[Mention] = []
    acc: list[Mention] = []
    lead_sentence: int | None = None
    under_lead = -1
    others: list[Mention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        between = doc.simple[m.end:nxt.title_start] if nxt else "?"
        if nxt and len(between) <= 1 and (not between or _CHAIN.match(between)):
            after = _after(doc.simple, nxt.end)
            m_end = nxt.end
        else:
            after = _after(doc.simple, m.end)
            m_end = m.end
        s_start, s_end = sentence_bounds(doc, m.start)
        sentence_text = _ESCORTED.sub(lambda e: "□" * len(e.group(0)), doc.simple[s_start:s_end])
        rest = sentence_text[max(0, m_end - s_start):]
        if any(e.start(1) <= m.start < e.end(1) for e in _ESCORTED.finditer(doc.simple, s_start, s_end)) or (
                _COMPANIONS_FOLLOW.search(doc.simple, s_start, m.start)):
            acc.append(m)
            continue
        if _HEARD.search(doc.simple, max(0, m.start - 30), m.start):
            acc.append(m)  # 听取管委会副主任甲就…作情况汇报: the one heard reports, not leads
            continue
        if _REPORTS_ON.match(doc.simple, m.end):
            acc.append(m)  # 副省长甲就推动…作汇报: one who reports on a matter takes part, leads nothing
            continue
        if _CALLS_ON_PARTY.match(after):
            continue  # 市委书记甲到驻地看望检查组: a courtesy call on the visitors, not their visit
        if _STUDIED_SPEECH.match(doc.simple, m.end) and _STUDYING.search(
                doc.simple, max(0, m.title_start - 8), m.start):
            continue  # 贯彻落实省委书记甲在…上的讲话精神: one whose speech is studied, not on the visit
        if _UNDER_LEAD.match(after):  # 在市委书记甲的带领下，乙、丙到…: 甲 leads, the rest come along
            leads.append(m)
            lead_sentence = under_lead = doc.sentence_of[m.start]
        elif doc.sentence_of[m.start] == under_lead or _accompanies(after, rest) or (
                leads and _led_by(doc, leads[-1], m, after)):
            acc.append(m)
        elif _LEAD_AFTER.match(after) and not _SPOKEN_OF.search(doc.simple, s_start, m.start):
            sentence = doc.sentence_of[m.start]
            visit_here = STRONG_VISIT.search(doc.simple[s_start:s_end])
            if lead_sentence is None or sentence == lead_sentence or visit_here:
                leads.append(m)
                lead_sentence = sentence if lead_sentence is None else lead_sentence
        else:
            others.append(m)
    return _settled(doc, mentions, leads, acc, others)


def _settled(doc: ZhDoc, mentions: list[Mention], leads: list[Mention], acc: list[Mention],
             others: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The leads and companions once every mention is placed: officials chained to a lead lead too;
    with no lead, the first in a chain or the first companion leads; others who report take part."""
    if leads and others:
        co_leads = _chained_into(doc, mentions, leads, others)
        leads = sorted(leads + co_leads, key=lambda m: m.start)
        others = [m for m in others if m not in co_leads]
    if not leads and others:
        leads = _chained(doc, others)
        leads, attending = _party_of_one(doc, leads)
        acc += attending
    elif not leads and acc and (party := _delegation(doc, acc)):
        leads, acc = party, [m for m in acc if m not in party]
    elif not leads and acc and (re.match(r"^(?:等|及[^，,。]{0,30}?)?参加", doc.simple[acc[0].end:])
                                or _ATTEND_CHAIN.match(doc.simple, _chained(doc, acc)[-1].end)):
        # 副主任甲及部分委员参加视察 / 主席甲，副县长乙，副主席丙、丁参加活动: nobody else leads the visit
        leads = [acc.pop(0)]
    elif not leads and acc and (together := _going_together(doc, acc)):
        leads, acc = together, [m for m in acc if m not in together]
    # 县委书记乙主持… in a line of other stories' headlines is none of this visit's party
    # 区委书记甲汇报了有关情况: a local official who reports to the visitors takes part in the visit
    acc += [m for m in others if m is not leads[0] and in_prose(doc.simple, m.start) and (
        _TAKES_PART.match(doc.simple, m.end) or _reports(doc, m))]
    lead_names = {m.name for m in leads}
    return leads, [m for m in acc if m.name not in lead_names]


# 遂宁市党政代表团来泸考察。遂宁市委书记甲，市长乙；泸州市长丙参加活动: the delegation's officials lead.
_DELEGATION = re.compile(r"([一-龥]{2,4}?)[省市县区州]?(?:党政|经贸|友好|政府)?(?:代表团|考察团)(?:一行)?"
                         r"(?:来|赴|到|莅)")


def _delegation(doc: ZhDoc, acc: list[Mention]) -> list[Mention]:
    """With nobody leading, the officials of a place's delegation that comes: the one titled with its
    place and those chained to it."""
    d = _DELEGATION.search(doc.simple)
    first = next((m for m in acc if d and doc.simple.startswith(d.group(1), m.title_start)), None)
    return _chained(doc, acc[acc.index(first):]) if first else []


_ATTEND_CHAIN = re.compile(r"(?:、[一-龥]{2,3})*(?:等)?参加")


_STUDIED_SPEECH = re.compile(r"(?:同志)?(?:在[^，,。；;]{1,40}?)?的?(?:重要)?(?:讲话|指示|批示|报告)")
_STUDYING = re.compile(r"贯彻|落实|学习|传达|践行|领会")
# 乙表示欢迎后说，近日甲来澳考察…: one named inside what someone says is spoken of, not on this visit.
_SPOKEN_OF = re.compile(r"(?:说|表示|介绍|指出|强调)[，,:：]")
_TAKES_PART = re.compile(r"主持|出席|参加|汇报|表示|致辞|致欢迎辞|"
                         r"对[^，,。；;]{0,30}?表示(?:欢迎|感谢)")  # 乙对甲一行来调研表示欢迎
# 乙同志通报了…, 丙对…作了说明: an official who reports to the visitors; 听取了甲关于…的汇报: one heard.
_REPORTS = re.compile(r"(?:同志)?(?:通报|介绍|作了?(?:说明|介绍|汇报)|"
                      r"对[^，,。；;]{0,24}?作了?(?:说明|介绍|汇报))")
_REPORTS_ON = re.compile(r"(?:同志)?就[^，,。；;]{2,40}?(?:作|进行)了?(?:说明|介绍|汇报)")
_HEARD = re.compile(r"听取了?[^，,。；;]{0,24}$")
_HEARD_ABOUT = re.compile(r"[^，,。；;]{0,40}?(?:汇报|介绍)")


def _reports(doc: ZhDoc, m: Mention) -> bool:
    """Does the official report to the visitors, or is the official's report heard?"""
    return bool(_REPORTS.match(doc.simple, m.end) or (
        _HEARD.search(doc.simple, max(0, m.start - 30), m.start)
        and _HEARD_ABOUT.match(doc.simple, m.end)))
_ATTEND = re.compile(r"(?:等[^，,。]{0,8}?)?(?:出席|参加)")


def _party_of_one(doc: ZhDoc, chain: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """甲，乙，丙出席活动。…甲一行视察了…: of officials listed as attending, the one whose party then
    goes leads and the rest come along; otherwise the list is left as it is."""
    if len(chain) < 2 or not _ATTEND.match(doc.simple, chain[-1].end):
        return chain, []
    for m in chain:
        name = to_simplified(m.name)
        for hit in starts(name, doc.simple, chain[-1].end):
            at = hit + len(name)
            if _LEAD_STRICT.match(doc.simple[at:at + 12]):
                return [m], [o for o in chain if o is not m]
    return chain, []
# How a lead goes, between the name and the verb (刘伟不打招呼、轻车简从，深入…).
_MANNER = re.compile(r"(?:(?:不打招呼|轻车简从|不发通知|不听汇报|直奔现场|冒雨|冒雪|冒着[^，,、]{1,4}|"
                     r"顶着[^，,、]{1,4}|一早|利用周末)[、，,]?)+")


def _after(simple: str, end: int) -> str:
    """The ten characters after a mention, past any words of how the lead goes."""
    manner = _MANNER.match(simple, end)
    at = manner.end() if manner else end
    return simple[at:at + 10]
_CALLS_ON_PARTY = re.compile(r"(?:等|同志)?(?:到|赴|前往)?(?:驻地|住地|宾馆|酒店)?(?:看望|迎接|会见)了?"
                             r"(?:[^，,。；;]{0,6}?(?:检查组|督导组|督查组|调研组|考察组|工作组|考察团|代表团)|"
                             r"[^，,。；;]{0,4}?一行)")


# 甲…进行暗访，县政府办等单位负责同志参加: after the official's own visit, a clause whose people
# come along has its own subject.
_OTHERS_COME_ALONG = re.compile(r"(?:调研|考察|视察|检查|督查|督导|暗访|察看|走访|慰问)[^。；;]*?[，,]"
                                r"[^，,。；;]{0,30}?(?:负责同志|负责人|同志|干部|人员|代表)等?$")


def _accompanies(after: str, rest: str) -> bool:
    """陪同/参加 right after the mention, or later in its sentence before any verb of leading."""
    marker = _ACC_ANY.search(rest)
    if marker and _OTHERS_COME_ALONG.search(rest, 0, marker.start()):
        marker = None
    lead_verb = LEAD_VERB.search(rest)
    return bool(_ACC_AFTER.match(after) or (marker and not _LEAD_STRICT.match(after)
                                            and not (lead_verb and lead_verb.start() < marker.start())))


_UNDER_LEAD = re.compile(r"(?:同志)?的?(?:带领|率领|带队|领导)下")
_LEADING = re.compile(r"(?:同志)?(?:带领|率领|率(?!先)|带着)")


def _led_by(doc: ZhDoc, lead: Mention, m: Mention, after: str) -> bool:
    """甲带领乙、丙，丁…: officials the lead brings along in the same sentence accompany, unless
    they lead a group of their own (甲带领A组，乙带领B组)."""
    between = doc.simple[lead.end:m.start]
    return (len(between) < 40 and not _SENTENCE_END.search(between) and bool(_LEADING.search(between))
            and not _LEADING.match(after))


_TOGETHER = re.compile(
    r"(?:同志)?(?:一同|一起|共同)(?:来到|[到赴]|前往|深入|走进|调研|考察|视察|检查|督导|察看)")


def _going_together(doc: ZhDoc, acc: list[Mention]) -> list[Mention]:
    """市委书记甲，市长乙一同到…调研, with nobody else leading: the officials chained before 一同
    lead together."""
    chain = _chained(doc, acc)
    return chain if _TOGETHER.match(doc.simple, chain[-1].end) else []


def _joined(doc: ZhDoc, a: Mention, b: Mention) -> bool:
    between = doc.simple[a.end:b.title_start]
    return len(between) <= 1 and (not between or bool(_CHAIN.match(between)))


def _chained_into(doc: ZhDoc, mentions: list[Mention], leads: list[Mention],
                  others: list[Mention]) -> list[Mention]:
    """市委书记甲，市长乙，市政协主席丙等市领导到…: officials joined by commas to a lead lead too."""
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        if m not in others:
            continue
        j = i
        while j + 1 < len(mentions) and _joined(doc, mentions[j], mentions[j + 1]):
            j += 1
            if mentions[j] in leads:
                out.append(m)
                break
            if mentions[j] not in others:
                break
    return out


def _chained(doc: ZhDoc, mentions: list[Mention]) -> list[Mention]:
    """The first mention and those joined to it by a comma or 和 (市长甲，常务副市长乙采取…)."""
    out = [mentions[0]]
    for m in mentions[1:]:
        between = doc.simple[out[-1].end:m.title_start]
        if len(between) > 1 or (between and not _CHAIN.match(between)):
            break
        out.append(m)
    return out
