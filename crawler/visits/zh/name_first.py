"""Officials written name first, title after (张鸿铭副主任一行, 习近平总书记来到, 王洪涛、陈畴镛委员),
or listed by name alone as companions (陪同调研的领导有：毛生武、俞成辉).

News copy names most officials title first (市委书记刘强), which ``officials.zh_mentions``
reads. Delegation and CPPCC reports often turn it round. A name is read before a title
word only where a boundary stands before the name (punctuation, 的, or the end of an
organisation's name: 省咨询委张鸿铭副主任) and something that follows a person stands after
the title (一行, 带队, 陪同, a comma...).
"""

from __future__ import annotations

import re

from crawler.visits.officials import COMPOUND_SURNAMES, SURNAMES, ZH_TITLE_ENDS, Mention, zh_name_at

_TITLE = re.compile(
    r"(?:常务|专职|特邀|特约)?(?:副|总)?(?:书记|主任|主席|部长|委员|市长|县长|区长|省长|州长|镇长|乡长|局长|厅长|"
    r"秘书长|总理|组长|院长|检察长|巡视员|研究员|主委)")
_BOUNDARY = re.compile(r"[，,、。；;：:\s（(“\"的委局厅办部会院府在由]")
_FOLLOWS = re.compile(r"[，,、。；;）)]|一行|带队|带领|率|来到|来|到|赴|前往|深入|等|陪同|的陪同|参加|分别|"
                      r"和[^，,。；;]{0,12}?陪同|"  # 在王强镇长和国土所负责同志陪同下
                      r"一同|同志|在|指出|强调|表示|说|先后|实地|调研|考察|视察")
# Characters no given name has in this position: they end organisations and titles (区委, 县府).
_NOT_GIVEN = set("委党局厅部办室市县区省镇乡村政府会院组员记协司处队所站团长级主副总")


def _name_before(simple: str, end: int) -> int:
    """Length of a person's name ending at ``end`` (0 when none): three characters, else two."""
    for length in (3, 2):
        start = end - length
        if start < 0:
            continue
        name = simple[start:end]
        surname = 2 if name[:2] in COMPOUND_SURNAMES else 1
        if surname == 1 and name[0] not in SURNAMES:
            continue
        if any(not "\u4e00" <= c <= "\u9fff" or c in _NOT_GIVEN for c in name[surname:]):
            continue
        if start == 0 or _BOUNDARY.match(simple, start - 1) and not _in_title_chain(simple, start):
            return length
    return 0


_TITLE_END_BEFORE = re.compile("(?:" + "|".join(sorted(ZH_TITLE_ENDS, key=len, reverse=True)) + ")、$")


def _in_title_chain(simple: str, start: int) -> bool:
    """总书记、国家主席: after a title and 、 comes the next title of the chain, not a name."""
    return bool(_TITLE_END_BEFORE.search(simple, max(0, start - 8), start))


def name_first_mentions(text: str, simple: str) -> list[Mention]:
    """Mentions written name first; each spans the name and its title."""
    out: list[Mention] = []
    for m in _TITLE.finditer(simple):
        if not _FOLLOWS.match(simple, m.end()):
            continue
        length = _name_before(simple, m.start())
        if not length:
            continue
        title = text[m.start():m.end()]
        start = m.start() - length
        found = [Mention(text[start:m.start()], title, start, m.end(), start)]
        while simple[start - 1:start] == "、" and (prior := _name_before(simple, start - 1)):
            start -= 1 + prior
            found.insert(0, Mention(text[start:start + prior], title, start, start + prior, start))
        out += found
    return out + _names_then_leaders(text, simple)


# 5月6日，王海一行先后来到… (the title only in the page's header): a name that opens a clause, right
# after punctuation or the date, and is followed by 一行 or 同志 and a verb of going.
_BARE_PARTY = re.compile(
    r"(?:^|(?<=[，,。\n日午]))([一-龥]{2,4}?)(?=(?:一行|同志)(?:首先|先后|深入|来到|[到赴]|前往|走进|实地))")


def bare_parties(text: str, simple: str) -> list[Mention]:
    """Names that open a clause of going with their party (王海一行先后来到…), titled nowhere."""
    out: list[Mention] = []
    for m in _BARE_PARTY.finditer(simple):
        name = m.group(1)
        if zh_name_at(simple, m.start(1)) == len(name) and not any(c in _NOT_GIVEN for c in name[1:]):
            out.append(Mention(text[m.start(1):m.end(1)], "", m.start(1), m.end(1), m.start(1)))
    return out


# 王海、张伟、李华等市领导到…调研: names listed before 等 and the word for leaders, which is their
# title; what follows it (到, 陪同) tells whether they lead or come along.
_NAMES_THEN_TITLE = re.compile(
    r"(?:^|(?<=[，,、。；;：:\s]))((?:[一-龥]{2,3}、)*[一-龥]{2,3})等((?:[省市县区州]|[省市县区]委)?领导)(?:同志)?")


def _names_then_leaders(text: str, simple: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _NAMES_THEN_TITLE.finditer(simple):
        entries = m.group(1).split("、")
        starts = [m.start(1) + sum(len(e) + 1 for e in entries[:i]) for i in range(len(entries))]
        if not all(zh_name_at(simple, s) == len(e) for s, e in zip(starts, entries, strict=True)):
            continue
        title = text[m.start(2):m.end(2)]
        for i, (at, entry) in enumerate(zip(starts, entries, strict=True)):
            end = m.end() if i == len(entries) - 1 else at + len(entry)
            out.append(Mention(text[at:at + len(entry)], title, at, end, at))
    return out


# 陪同调研的州上领导有：毛生武、俞成辉、杨继军: companions listed by name alone.
_COMPANIONS = re.compile(
    r"(?:陪同|参加)[^。！？!?\n]{0,24}?((?:领导|同志|人员|负责人))(?:有|还有|是)[：:，,]?\s*")


# 甲、乙等市领导陪同 / 甲、乙等陪同: names listed before the word for leaders that come along.
_NAMES_THEN_LEADERS = re.compile(r"((?:[一-龥]{2,3}、)*[一-龥]{2,3})等"
                                 r"(?:[一-龥]{0,4}?[省市县区州]|[省市县区]委)?"
                                 r"(?:领导|同志)?(?:同志)?(?:陪同|参加|一同|随同)|"
                                 # 王强、赵敏陪同。: names alone that come along, in a sentence of their own
                                 # or ending a list of titled companions (区长甲，乙、丙先后陪同。)
                                 r"(?:^|(?<=[。！？\n，,]))\s*((?:[一-龥]{2,3}、)*[一-龥]{2,3})"
                                 r"(?:先后|分别|一同|全程)?(?:陪同|参加)"
                                 r"(?:调研|考察|视察|检查|督查|督导)?[。！？]")


_TITLE_ENDING = re.compile("(?:" + "|".join(t for t in ZH_TITLE_ENDS if "(" not in t) + ")$")


def _names_before_leaders(text: str, simple: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _NAMES_THEN_LEADERS.finditer(simple):
        group = 1 if m.group(1) else 2
        pos = m.start(group)
        entries = m.group(group).split("、")
        if _TITLE_ENDING.search(simple, max(0, pos - 6), pos + 1):
            continue  # 副主任徐晨等参加: the first entry would start inside a title (任徐晨)
        if not all(zh_name_at(simple, simple.index(e, pos)) == len(e) for e in entries):
            continue
        for entry in entries:
            at = simple.index(entry, pos)
            out.append(Mention(text[at:at + len(entry)], "领导", at, at + len(entry), at))
            pos = at + len(entry)
    return out


def listed_companions(text: str, simple: str) -> list[Mention]:
    """Officials named without titles after 陪同…的领导有：, or before 等市领导陪同."""
    out: list[Mention] = _names_before_leaders(text, simple)
    for m in _COMPANIONS.finditer(simple):
        pos = m.end()
        while length := zh_name_at(simple, pos) or _listed_name(simple, pos):
            out.append(Mention(text[pos:pos + length], text[m.start(1):m.end(1)], pos, pos + length, pos))
            pos += length
            if simple[pos:pos + 1] not in ("、", "，", ","):
                break
            pos += 1
    return out


_LIST_ENTRY = re.compile(r"([一-龥]{2,3})(?=[、，,。；;！？\n]|等|$)")


def _listed_name(simple: str, pos: int) -> int:
    """An entry of two or three characters in the list itself (才智、徐强): the list says it is a
    name even where the surname or the given name is also an everyday word."""
    entry = _LIST_ENTRY.match(simple, pos)
    if not entry or any(c in _NOT_GIVEN for c in entry.group(1)):
        return 0
    return len(entry.group(1))


# 党委邵书记、许镇长一行来到我司: officials named by surname and title alone, as company news and
# town reports often write them; used only where no official is named in full.
_SURNAME_TITLE = re.compile(
    r"(?:^|(?<=[委府、，,。\s]))([" + "".join(sorted(SURNAMES)) + r"])"
    r"((?:副)?(?:书记|镇长|乡长|县长|区长|市长|主任|局长))"
    r"(?=一行|、|[，,]|等|带队|率队|来到|[到赴来]|深入|先后|在)")


def surname_titled(text: str, simple: str) -> list[Mention]:
    """Officials written as surname and title (邵书记, 许镇长), each once, in text order."""
    out: list[Mention] = []
    seen: set[str] = set()
    for m in _SURNAME_TITLE.finditer(simple):
        name = simple[m.start(1):m.end(2)]
        if name not in seen:
            seen.add(name)
            out.append(Mention(text[m.start(1):m.end(2)], text[m.start(2):m.end(2)], m.start(1), m.end(2),
                               m.start(1)))
    return out
