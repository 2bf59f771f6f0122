"""Is it a visit? Meetings, receptions, notices and discipline cases are not.

An article reports a visit when a named official goes somewhere to inspect,
investigate or visit. The first sentence naming an official decides the kind
of event: a meeting there (会见, 召开, 常委会, "met with", "meeting") makes
the article a non-visit unless participants also inspected sites on the spot
(现场/实地查看, "inspected ... on site").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_ZH_VISIT = re.compile(r"调研|考察|视察|察看|查看|走访|慰问|看望|检查|督导|督查|巡河|巡查|暗访|来到|"
                       r"走进|深入|观摩|(?:赴|前往)[^，,。；;]{1,30}学习|"
                       # going to a named place (到东阳县指导防汛工作, 赴青松村现场办公)
                       r"(?:[到赴](?![会场任位期岗达])|前往)[^，,。；;]{1,12}?"
                       r"(?:[县区镇乡村]|开发区|新区|社区|园区|公司|企业|项目|基地|现场|一线)"
                       r"(?![委政长])")
# A visit word that names a kind of meeting or document (调研座谈会, 考察报告) is no visit.
# 联合调研开题会, 调研推进会: a visit word that names a meeting of its kind is the meeting's.
_ZH_STRONG = re.compile(r"(?:调研|考察|视察|察看|查看|走访|慰问|看望|巡河|巡查|暗访|督导|观摩)"
                        r"(?!座谈会|会议|会上|会|成果|报告|汇报|课题|材料|文章|工作会|"
                        r"(?:开题|推进|协调|调度|动员|部署|总结|启动|评审|论证|交流)会)")
_ZH_MEETING = re.compile(
    r"接受[^，,。]{0,10}?(?:采访|专访)|会见|会谈|召开|(?<!人大)常委会(?!副?主任|委员|秘书长|党组)|常务会议|审议|出席|主持|座谈会|接见|会议(?!精神)|视频|签约|开幕|闭幕|颁奖|"
    r"报告会|辅导报告|专题报告|讲座|培训班|讨论|授课|宣讲|党课|接待(?![站点处])|推介会|发布会|博览会|论坛|仪式"
)
# 现场观摩推进会 names a meeting, not a look on the spot.
_ZH_ONSITE = re.compile(r"(?:现场|实地)(?:查看|察看|考察|调研|检查|踏勘|观摩)"
                        r"(?!(?:推进|交流|点评|讲评)?(?:大?会|会议))|会[前后].{0,16}(?:查看|察看|考察|参观|观摩)")
# Business people coming to look at the place (企业负责人来我县考察, 客商来…进行考察): officials who
# only join them are hosts, not on a visit of their own.
_ZH_BUSINESS_GUESTS = re.compile(
    r"(?:(?:企业|公司|集团|商会)(?:[^，,。；;]{0,6}?(?:负责人|代表|高管|董事长|总经理|老总)|组团)|客商|企业家|投资商)"
    r"[^。；;]{0,30}?(?:来|莅临|到)[^。；;]{0,20}?(?:考察|参观|洽谈|对接)")
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


# A "title" that runs over a verb is a clause, not a title (在济南会见了全国政协常委).
_CLAUSE_IN_TITLE = re.compile(r"[在了并将向与对]|邀请")  # 会议邀请…处长甲作报告


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


def _discipline(text: str) -> bool:
    visit = _ZH_VISIT.search(text)
    if visit:  # wrongs named after the visit word are what the visit looks for
        text = text[:visit.end()] + _ZH_WRONGS_SOUGHT.sub(lambda w: "□" * len(w.group(0)), text[visit.end():])
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
            r"(?:来到|深入|走进|前往|[到赴](?!会|场)|实地|察看|查看|考察|调研|视察|走访|观摩|检查|督导)")
_ZH_GOES_RE = re.compile(_ZH_GOES)
# 主持召开调度会，随后深入…检查 / 宣讲…，并到东湖村看望: the clause after the meeting goes out, its
# subject left out.
_ZH_THEN_GOES = re.compile(r"[，,](?:随后|接着|之后|会后|会前|并)(?:又|还|便|先后)?"
                           r"(?:来到|深入|走进|前往|[到赴](?!会|场)|实地)")


def _zh_later_visit(simple: str, names: Sequence[str], after: int) -> int | None:
    """A working session first, then the tour: after ``after``, an official named before (or 他,
    一行) opens a clause of going out or inspecting (随后，李明先后来到…; 当天下午，李明到…调研)."""
    subjects = "|".join([re.escape(n) for n in names if n] + ["[他她]", "一行"])
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


# A sentence whose subject is the visiting party without a name: 他来到…, 一行先后…, 调研组…
_ZH_PARTY = re.compile(r"\s*(?:[^，,。]{0,12}[，,])?"
                       r"(?:[他她]|[^，,。]{0,8}一行|[^，,。]{0,6}?(?:调研组|考察团|检查组|督导组)|与会人员|参会人员)")


# A visit word after these is one spoken of or planned (李明强调，干部要深入一线调研; 将赴…考察).
_ZH_SAID = re.compile(r"强调|指出|表示|说|希望|号召|计划|拟|将(?!军|至|近|临|到来)")


def _zh_visit_by_official(simple: str, title: str, mentions: Sequence[_Located]) -> bool:
    """A visit word in the title, in a sentence naming an official, or in one whose subject is
    the visiting party (not 企业纷纷前来考察 in a report of a speech)."""
    if _ZH_STRONG.search(title) or _zh_onsite(simple):
        return True
    names = {simple[x.start:x.end] for x in mentions}  # named again later without the title
    for m in _ZH_VISIT.finditer(simple):
        # sentences end at 。！？ only: scraped text breaks lines inside sentences
        start = max(max(simple.rfind(c, 0, m.start()) for c in "。!?！？") + 1, m.start() - 200)
        end = simple.find("。", m.end())
        end = end if end >= 0 else len(simple)
        said = _ZH_INSTRUCTION.search(simple, start, m.start()) or _ZH_SAID.search(simple, start, m.start())
        if not said and (any(start <= x.start < end for x in mentions) or _ZH_PARTY.match(simple, start)
                         or any(n in simple[start:end] for n in names)):
            return True
    return False


_EN_VISIT = re.compile(
    r"\b(?:inspect\w*|investigat\w*|visit(?!ors?\b)\w*|went to|go to|goes to|"
    # not "was invited to come to the guidance" (of a meeting) nor "came to a conclusion"
    r"(?:came|come) to(?! (?:the |a |an )?(?:guidance|guide|attend|conclusion|agreement|consensus|"
    r"understand|know|realize|an end)\b)|"
    r"tour(?!is[mt])\w*|survey\w*|"
    # not a figure that "reached 20 million tonnes"
    r"research\w*|on-the-spot|spot investigation|walked into|went deep|arriv(?:e|es|ed|ing)\b|"
    r"reach(?:ed|es|ing)?\b(?!\s+(?:about\s+|nearly\s+|over\s+|more than\s+|a (?:total|record|high)\b|"
    r"an? (?:agreement|consensus)\b|agreement|consensus|\$?\d))|check\w*|"
    r"examin\w*|stop was|stops (?:were|included)|first to|then to|destination|patrol\w*|observ\w*|"
    r"(?:(?:talk\w*|chat\w*) (?:with|to)|met with) (?:(?:a|an|the|some) )?(?:local )?"
    r"(?:villagers?|workers?|residents?|farmers?|employees?|herdsm[ae]n|technicians?|staff)|"
    r"field (?:trip|visit|research|survey|study)|(?:trip|journey) to|"
    r"greetings to|condolences|comfort\w*|dropped in|called on|stopped (?:by|at)|head(?:ed|s)? (?:to|for)|"
    r"took a (?:close |closer )?look|spent (?:the|a|two|three|several) days? in|supervis(?:ed|ing|e)|"
    r"(?:was|were) in (?:[A-Z][\w'’-]+ )+(?:County|District|City|Village|Town|Province)?\s*(?:to|for)|"
    r"led (?:a|an|the) [\w -]{0,30}(?:delegation|team|group))\b",
    re.I)
_EN_MEETING = re.compile(
    r"\b(?:met with(?! (?:local )?(?:villagers|workers|residents|farmers|employees|herdsmen))|"
    r"received (?:a |the )?(?:delegation|visiting|guests?)|(?-i:received [A-Z])|"
    r"met|meets|meeting|session|conference|ceremony|presided|symposium|"
    # "attended the inspection" is taking part in a visit
    r"attend(?:ed|s)(?!\s+(?:the\s+|this\s+|relevant\s+)?(?:inspection|investigation|survey|research|visit|"
    r"tour|activit))|"
    r"video|talks with(?! (?:villagers|workers|residents|farmers|staff|employees|locals|students|"
    r"teachers|doctors|patients|the elderly|children|technicians|researchers|herdsmen|fishermen))|"
    r"held an?|signing|delivered a speech|deliberat\w+|interview\w*|speech|"
    r"mobili[sz]ation|presided over)\b", re.I)
_EN_BEFORE_MEETING = re.compile(
    r"\b(?:before|after) the (?:meeting|conference|forum|session|symposium|event)\b[^.]{0,80}"
    r"\b(?:led|went|visited|inspected|came|observed|toured)\b", re.I)
_EN_ONSITE = re.compile(r"\b(?:on[- ]site inspection\b|(?:after|before) (?:touring|visiting|inspecting) "
                        r"(?:the\b|its\b|(?-i:(?=[A-Z])))|"
                        # "attended the ceremony ... and then toured its production lines"
                        r"(?:and|,)\s+(?:then|later|afterwards)\s+"
                        r"(?:toured|visited|inspected|went to|came to)|"
                        r"inspected the (?:projects?|sites?)\b|"
                        r"visited the (?:projects?|sites?)\b)", re.I)
# Matched against lower-cased text (much faster than an IGNORECASE alternation).
_EN_DISCIPLINE = re.compile(
    r"discipline (?:inspection|violation)|anti-graft|corruption case|bribe|sacked|expelled|criminal|"
    r"investigating .{0,20}case|placed under investigation|(?<!newly )appointed|dismissed|"
    r"violations? of discipline|"
    r"disciplinary review|supervisory investigation|under investigation|suspected of|"
    r"removed from (?:office|(?:his|her) post)|deprived of (?:his|her) post|stripped of|discipline officials|"
    r"(?<!'s )(?<!’s )inspection team")  # not "Mayor Du's inspection team"


def en_is_visit(sentences: list[str], first_mention_sentence: int | None,
                has_officials: bool, text: str, names: Sequence[str] = ()) -> bool:
    """Does this English article report a site visit by a named official? ``names``: the words
    of the officials' names; when given, a visit word counts only in a sentence about the party
    (naming an official, or he/she/they, the delegation, the leaders)."""
    if not has_officials or first_mention_sentence is None:
        return False
    sentence = main_clause(sentences[first_mention_sentence])
    lead_in = " ".join(sentences[max(0, first_mention_sentence - 1):first_mention_sentence + 1]
                       + _en_opening(sentences))
    if _EN_DISCIPLINE.search(_EN_TEAM_VISITING.sub("", _EN_DISCIPLINE_BODY.sub("", lead_in)).lower()):
        return False
    sentence = _EN_PURPOSE.sub("", sentence)
    meeting = _EN_MEETING.search(sentence)
    visit = _done_visit(sentence)
    onsite = (_EN_ONSITE.search(text) or _EN_BEFORE_MEETING.search(text)
              or any(_EN_LATER_VISIT.search(later) for later in sentences[first_mention_sentence + 1:]))
    if meeting and (not visit or meeting.start() < visit.start()) and not onsite:
        return False
    named = set(names)
    return bool(onsite) or any(
        _done_visit(s) and (not names or i == first_mention_sentence or _EN_PARTY.search(s)
                            or named & set(_EN_WORD.findall(s)))
        for i, s in enumerate(sentences))


# "an environmental protection inspection team led by X visited Y": a team on a visit, no case.
_EN_TEAM_VISITING = re.compile(r"(?i)inspection team(?=[^.;]{0,80}\b(?:visited|inspected|came to|went to|"
                               r"toured)\b)")


# "To fully implement the spirit of A's speech, B inspected ...": the meeting is the purpose.
_EN_PURPOSE = re.compile(r"^\s*(?:In order )?[Tt]o\s+(?:\w+ly\s+)?(?:carry out|implement|put into effect|"
                         r"act on|follow up)\b[^,;.]{0,120},\s*")


def _en_opening(sentences: list[str]) -> list[str]:
    """The article's first sentence of prose (the lead, after headline and page lines): a
    discipline case it tells is the article's subject, wherever an official is first named."""
    return [s for s in sentences if len(s.split()) >= 12][:1]


# Words for the visiting party besides the officials' names.
_EN_PARTY = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Tt]heir|[Dd]elegation|[Tt]eam|[Gg]roup|"
                       r"[Rr]epresentatives|[Dd]eputies|"
                       r"[Ll]eaders?|[Oo]fficials|[Mm]ayor|[Gg]overnor|[Ss]ecretary|[Pp]remier|[Mm]inister|[Cc]hairman|"
                       r"[Dd]irector|[Pp]arty)\b")
_EN_WORD = re.compile(r"[\w'’-]+")


# What an official said (a site after it is one spoken of) and what is still to come.
EN_SAID = re.compile(r"\b(?:emphasi[sz]e[ds]?|stress(?:ed|es)|pointed out|points out|said|says|urged|"
                     r"called for|requested|noted|hoped|encouraged|demanded|required)\b")
EN_FUTURE = re.compile(r"\b(?:scheduled|will|plan(?:s|ned)? to|were to|are to|is to)\b")
# Besides those, words after which a visit is only spoken of or planned ("welcomes visitors to
# tour", "introduced the plan to visit 100 enterprises").
_EN_NOT_DONE = re.compile(r"\b(?:announced|introduced|told|called on|asked|welcomes?|plans?|planned|would|"
                          r"requiring|urging|asking|calling on|encouraging|"
                          r"should|must|to be)\b")


def _done_visit(sentence: str) -> re.Match[str] | None:
    """The first visit word of the sentence that reports a visit done, not one said or planned,
    nor a call on a person or a company's people going to the government."""
    for m in _EN_VISIT.finditer(sentence):
        before = sentence[:m.start()]
        call = m.group(0).lower().startswith(("visit", "called on")) and (
            _EN_CALL_ON.match(sentence, m.end()) or _EN_CALL_ON_TITLED.match(sentence, m.end()))
        sent = m.group(0).lower().startswith("greetings") and _EN_SENT.search(before)
        if not (EN_SAID.search(before) or EN_FUTURE.search(before) or _EN_NOT_DONE.search(before)
                or _EN_RESTRICTIVE.search(before) or call or sent or _EN_COMPANY_SUBJECT.search(before)):
            return m
    return None


# "... and his entourage visited Zhang Hua, member of the ... Committee": a call on an official.
_EN_CALL_ON = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}[A-Z]?[a-z]+,\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}"
                         r"(?i:member|secretary|mayor|governor|director|chairman|head|minister|president)\b")
# "... called on the Punjab Governor Ali Khan at the Governor's House": a courtesy call.
_EN_CALL_ON_TITLED = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}"
                                r"(?:Governor|Mayor|Minister|Secretary|Chairman|President|Premier|Ambassador|"
                                r"Consul(?: General)?)\s+[A-Z][a-z]+")
# "sent festive greetings to the villagers": greetings from afar (a letter, a video link).
_EN_SENT = re.compile(r"\bsen(?:t|ds?)\s+(?:\S+\s+){0,3}$", re.I)
# "Liu Ming, president of the group, headed for Tianjin": the subject is a company's man.
_EN_COMPANY_SUBJECT = re.compile(
    r"^[^.;]*,\s*(?:the\s+)?(?:[\w-]+\s+){0,3}(?:president|chairman|general manager|ceo)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:group|company|corporation|board)\b[^,;]{0,40},\s*$", re.I)


# "entrepreneurs who visited Xinyang": a relative clause without a comma tells what other people did.
_EN_RESTRICTIVE = re.compile(r"[a-z]s\s+(?:who|that)\s+(?:had\s+|have\s+|[a-z]+ly\s+)?$")


# A later sentence in which the official goes to a named site: "He then visited the Hongda
# paper mill", "Wang also toured Xinhe Village" (a meeting first does not end the visit).
_EN_LATER_VISIT = re.compile(
    r"^(?:[A-Z][^,]{0,40},\s*)?(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+)\s+"
    r"(?:also\s+|then\s+|later\s+)?(?:visited|inspected|toured|went to|came to|investigated|surveyed|"
    r"checked|examined|stopped at|called at)\s+"
    r"(?:the\s+)?[A-Z][\w'’-]+")


_EN_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*(?=,)|\([^)]*\)")
# The commission's name in a title ("secretary of the Commission for Discipline Inspection").
_EN_DISCIPLINE_BODY = re.compile(r"(?i)(?:commission|committee) for discipline inspection|"
                                 r"discipline inspection(?: and supervision)? (?:commission|committee)")


def main_clause(sentence: str) -> str:
    """The sentence without relative clauses and brackets ("X, who attended the session, led...")."""
    return _EN_RELATIVE.sub("", sentence)


def en_visit_sentence(sentence: str) -> bool:
    """Does this sentence report going somewhere or inspecting something?"""
    return bool(_EN_VISIT.search(sentence))


# "Government officials inspected two projects", "the mayor visited...": no name, still a visit.
_EN_UNNAMED_LEAD = re.compile(
    r"\b(?:(?:city|county|district|municipal|provincial|government|party|local|the)\s+)*"
    r"(?:officials|leaders|authorities|(?:the|a) delegation|parliamentarians|lawmakers|legislators|"
    r"(?:a|the) group of (?:parliamentarians|lawmakers|legislators|deputies|officials)|"
    r"(?:the )?(?:deputy |vice )?minister|"
    r"the (?:mayor|governor|secretary|magistrate|premier|vice (?:mayor|governor)))"
    r"\b(?:\s+(?:of|from|for)\s+[^.,;]{0,50}(?:,\s*[A-Z][^.,;]{0,30})?)?"
    # "the mayor of X City, Y Province and five other people came to"
    r"(?:\s+and\s+(?:\w+\s+){0,2}other\s+(?:people|persons|officials|members))?"
    r"(?:,\s*accompanied by[^.;]{0,120},)?"
    r"\s+(?:also\s+|then\s+|first\s+)?"
    r"(?:inspected|visited|went to|came to|toured|investigated|surveyed)\b", re.I)


def en_unnamed_lead(sentences: Sequence[str]) -> int | None:
    """The first of the opening sentences whose subject is an unnamed official or group."""
    for i, sentence in enumerate(sentences[:4]):
        if _EN_UNNAMED_LEAD.search(sentence):
            return i
    return None
