"""Officials named in an article: who they are, what title they hold.

A mention is a name joined to a title: 市委书记刘强, "Mayor Zhao Ming",
"Liu Qiang, Secretary of the Municipal Party Committee". Whether a mention
leads the visit or accompanies it is decided by the language modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.gazetteer import gazetteer
from core.records import Official
from crawler.visits.literal import starts

# Common single and compound surnames (百家姓 order of frequency, abridged).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "閆劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸範賈鄒龔嚴錢戴薛閻顏聶魯詹歐關蘭俞趙阎蔺祁窦"
    "傅缑远宰禄郗訾逄蒯仉邴厍郦隗璩禚佴习習郇滑凃笪茆苌钭郏巢蹇睢甯矫眭宓贲麴糜蓟产蔚萧"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                     "令狐", "宇文", "司徒", "夏侯", "端木", "歐陽")

# What a Chinese title ends with, longest first.
ZH_TITLE_ENDS = (
    "党组书记", "副书记", "书记", "市长", "县长", "区长", "镇长", "乡长", "省长", "州长", "旗长", "盟长",
    "主任", "主席", "部长", "局长", "厅长", "(?<!公)司长", "处长", "科长", "院长", "巡视员", "调研员", "科员",
    "秘书长",
    "常委", "委员", "组长", "队长", "司令员", "政委", "检察长", "庭长", "所长", "署长", "专员",
    "总经济师", "总工程师", "关长", "主任委员", "总河长", "河长", "湖长", "林长", "街长", "领导",
    "链长", "总理", "会长", "理事长", "大使", "总领事", "督学", "助理", "参事", "总规划师", "级干部",
    "成员", "指挥长", "总指挥", "主委", "委员长", "候选人", "提名人选", "行政长官", "特首", "负责人", "顾问",
    "院士", "人大代表",
)
_ZH_TITLE_END = re.compile("(?:" + "|".join(sorted(ZH_TITLE_ENDS, key=len, reverse=True)) + ")")
# Characters that always end a name of two, and verbs whose first character may
# also be a name's third (李国强 vs 刘强强调).
_ZH_AFTER_NAME = set("率到赴在一等和与及说也还又是的为向对就了于来、,，。；;：:（(　 ")
_ZH_VERBS_AFTER = re.compile(
    r"^(?:强调|表示|指出|主持|出席|参加|参与|陪同|带领|带队|深入|实地|先后|来到|来|察看|考察|走访|看望|调研|视察|全程|"
    r"检查|督导|听取|前往|要求|希望|分别|随同|随行|同行|专题|专程|汇报|列席|代表|同志|一行|走进|巡[查河视]|观摩|慰问|主讲|"
    r"介绍|召开|会见|接受|对[该此这]|就[该此这有]|同[意时]|关于|对于|带着|领导|深入|详细|实地|先到|现场|"
    r"致辞|讲话|发言|宣布|接见|批示|部署|点评|总结|提出|充分|通报|宣读|传达|签署|揭牌|作[了出]?(?:讲话|报告)|担任|座谈|会谈|"
    # adverbs of how or when an official goes (王海亲自带队, 王海冒雨察看, 王海连夜赶赴)
    r"亲自|亲临|认真|仔细|高度|首先|随即|随后|再次|多次|专门|冒雨|冒着|顶着|不顾|连夜|轻车|当天|当日|"
    r"主动|逐一|沿途|俯身|走访|踏勘|暗访|督查|督办|调度|赶赴|抵达|莅临|乘车|步行)"
)
_ZH_TITLE_STOP = re.compile(r"[，,。；;：:！!？?\s（）()“”\"'《》\d在]|上午|下午|晚上|日讯|日|前往|"
                            r"带领|率领|陪同|(?<![督统])率(?!先)")


# Words after a title that begin with a surname character but are verbs (总书记来到…).
_VERB_NOT_NAME = re.compile(r"来到|前往|深入|走进|参加|陪同|出席|主持|先后|一行|带队|带领|实地|考察|调研|"
                            r"干部|班子|成员|小组|单位|产[业品值能量区权]|进行|关于|"
                            r"全程|全力|全面|共同|一同|"  # 班子成员全程陪同: how they came along
                            r"包[靠联抓保挂]|简要")  # 市级领导包靠的项目: the leaders in charge of it


@dataclass
class Mention:
    """An official named in the text, at [start, end), with a title."""

    name: str
    title: str
    start: int
    end: int
    title_start: int


def zh_name_at(simple: str, pos: int) -> int:
    """Length of the Chinese name starting at ``pos`` (0 when none)."""
    head = simple[pos:pos + 2]
    surname = 2 if head in COMPOUND_SURNAMES else 1
    if surname == 1 and simple[pos:pos + 1] not in SURNAMES or _VERB_NOT_NAME.match(simple, pos):
        return 0
    places = gazetteer().zh
    if simple[pos] in "来到赴" and (simple[pos + 1:pos + 3] in places or simple[pos + 1:pos + 4] in places
                                  or simple[pos + 1:pos + 2] in "我此"
                                  or re.match(r"[一-龥]{1,2}[县区旗]", simple[pos + 1:pos + 4])):
        return 0  # 领导来东湖开展…, 来我市调研, 代表来市中区: coming to a place, not a person named 来东湖
    given = simple[pos + surname:pos + surname + 2]
    if given.startswith(("委", "纪委", "工委", "县")):
        return 0  # 党委副书记, 区纪委常委: a committee before a title, not 党 or 区 as a surname;
        # 陕西省长武县: a county's name after 省, not a governor named 武县…
    if not given or not all("\u4e00" <= c <= "\u9fff" for c in given[:1]):
        return 0
    if any(c in "局厅" for c in given[:2]):
        return 0  # 交通局长王强、公安局政委赵敏: a bureau, not a person named 公安局
    two = simple[pos:pos + surname + 1]
    three = simple[pos:pos + surname + 2]
    if len(given) < 2 or not "\u4e00" <= given[1] <= "\u9fff":
        return len(two)
    joint_name = given[1] in "和与" and simple[pos + len(three):pos + len(three) + 1] in "、，,"
    if given[1] in _ZH_AFTER_NAME and not joint_name and not (
            given[1] == "来" and _NAME_END.match(simple, pos + len(three))):
        return len(two)  # but 史忠和、贾文: a joint is never followed by a list mark, so 和 ends the name
    if given[1] in "以用按把从对就" and simple[pos + len(three):pos + len(three) + 1] in _OPENING_MARKS:
        return len(two)  # 王芳以“四不两直”方式: a preposition before a quotation follows the name
    alone_three = _standalone(simple, three)
    if not alone_three and _standalone(simple, two):
        return len(two)
    if not alone_three and simple.count(two) > simple.count(three):
        return len(two)
    if _ZH_VERBS_AFTER.match(simple[pos + len(two):pos + len(two) + 2]) and not _NAME_END.match(
            simple, pos + len(three)):
        return len(two)
    return len(three) if alone_three else _longer_name(simple, pos, len(three))


def _longer_name(simple: str, pos: int, three: int) -> int:
    """A name of four or five characters (巴特尔朝鲁, 乌兰其其格: a Mongolian or Tibetan name whose
    first character is also a surname), when only the longer run ever ends like a name."""
    for length in (three + 1, three + 2):
        longer = simple[pos:pos + length]
        if len(longer) == length and all(c in _TRANSLITERATION for c in longer[2:]) and _standalone(
                simple, longer) and not _ZH_TITLE_END.search(longer):
            return length
    return three


# Characters Mongolian and Tibetan names are written in (毕力格, 巴特尔, 朝鲁, 扎西, 次仁, 多吉).
_TRANSLITERATION = frozenset("巴特尔格图吉日勒其木乌兰斯琴毕力孟和苏嘎拉达赛音朝鲁扎布多杰次仁旺堆"
                             "珠措卓玛央宗姆德桑丹增顿觉罗尼洛平江白玉曲旦加那仓热呼哈胡敖包宝金银花根沁夫莫额希查干")


_OPENING_MARKS = frozenset("“‘\"《「『")
# What may follow a whole name: punctuation, or a word that never continues one.
_NAME_END = re.compile(r"[，,、。；;：:！!？?）)\s]|同志|等[同人]|一行|在|率|带")


def _standalone(simple: str, name: str) -> bool:
    """Does ``name`` occur somewhere followed by what ends a name (刘强，/ 刘强一行 / 刘强强调)?"""
    for at in starts(name, simple):
        after = simple[at + len(name):at + len(name) + 2]
        if _NAME_END.match(after) or _ZH_VERBS_AFTER.match(after) or after[:1] in _ZH_AFTER_NAME:
            return True
    return False


_SYSTEM_AFTER_TITLE = frozenset("制令")


# (not 区领导甲、乙 or 党委书记: a unit's one character before a title is no surname)
_SURNAME_ONLY_BEFORE = re.compile(r"(?:^|[，,。、；;：:！？!?\n\s“（(])["
                                  + "".join(sorted(SURNAMES - set("区市县省州镇乡村党团"))) + r"]$")


def zh_mentions(text: str, simple: str) -> list[Mention]:
    """Title-name mentions in Chinese text (``simple`` is its simplified view)."""
    out: list[Mention] = []
    last_end = 0
    for m in _ZH_TITLE_END.finditer(simple):
        if simple[m.end():m.end() + 1] in _SYSTEM_AFTER_TITLE:
            continue  # 河长制, 总林长令: a system or an order named for a title, no person
        if m.group(0) != "领导" and _SURNAME_ONLY_BEFORE.search(simple, max(0, m.start() - 2), m.start()):
            continue  # ，林书记提到…: the person is named by surname and title; no name follows
        gap = _TITLE_GAP.match(simple, m.end())
        pos = gap.end() if gap else m.end()
        # 领导和个人: a 和 right after a title joins words, it is no surname.
        # 负责人询问…: a name after 负责人 needs a Han surname (verbs follow that word too often)
        bare = _name_without_surname(simple, pos) if m.group(0) != "负责人" else 0
        length = (zh_name_at(simple, pos) or bare) if simple[pos:pos + 1] != "和" else 0
        length += _second_part(simple, pos + length) if length else 0
        if not length or m.start() < last_end:
            continue
        title_start = max(_title_start(simple, m.start()), last_end)
        if title_start == last_end and simple[title_start:title_start + 1] in ("和", "及", "与"):
            title_start += 1  # 副县长甲和县政协副主席乙: the second title begins after 和
        title_start = _after_unlisted_person(simple, title_start, m.end())
        last_end = pos + length
        clause = simple.rfind("了", title_start, m.start())
        if clause >= 0:  # 听取了市考试院院长甲: the title begins after the verb
            title_start = clause + 1
        title = text[title_start:m.end()].strip("、")
        if not title or title.endswith("同志") or (clause >= 0 and simple[title_start:m.end()] == "委员"):
            continue  # 乙回应了委员关切: what members raise, no member named 关切
        out.append(Mention(text[pos:pos + length], title, pos, pos + length, title_start))
        last_end = _listed_names(text, simple, out, title)
    return drop_overlaps(out)


# A name without a Han surname (州长洛桑江村到…, 县长买买提江·吐尔逊带队…): a short run between a
# title and what follows a person.
_AFTER_PERSON = (r"(?=[，,、；; \u3000]|[到赴在率]|带队|带领|一行|同志|等|陪同|参加|先后|深入|来到|前往|实地|"
                 r"主持|出席|[·•・])")
_BARE_NAME = re.compile(r"[一-龥]{2,4}" + _AFTER_PERSON)
_NOT_NAME_START = set("在到赴的了和与及是为对向从将已正也还都就把被让给一各全该本我其等同率带会们组第")
_NOT_IN_NAME = re.compile(r"调研|考察|视察|检查|主持|召开|出席|强调|指出|表示|要求|讲话|会见|一行|同志|领导|"
                          r"干部|群众|部门|单位|代表|人员|负责|工作|参加|陪同|带队|带领|随同|会议|职务|责任|"
                          r"职责|身份|任务|情况|问题|活动|力量|办公|进行|关于|根据|按照|针对|通过|结合|围绕|"
                          r"关切|诉求|意见|建议|作用|履职|风采|"  # 回应了委员关切: what members raise
                          r"[省市县区州镇不没很最更再次首已曾正被把将\n]")


def _name_without_surname(simple: str, pos: int) -> int:
    """Length of a name right after a title that has no Han surname (0 when none): not a word
    that follows titles (书记责任, 河长身份), a verb, another title, or after 领导."""
    m = _BARE_NAME.match(simple, pos)
    if not m or simple.endswith("领导", 0, pos) or simple[pos] in _NOT_NAME_START:
        return 0
    word = m.group(0)
    if _NOT_IN_NAME.search(word) or _ZH_VERBS_AFTER.match(word) or _ZH_TITLE_END.search(word):
        return 0
    if m.group(0).endswith("村") and not re.match(r"[一-龥·•・]", simple[m.end():m.end() + 1]):
        return 0  # 建平乡长发村、东屏镇…: a village after a town's name, not 乡长 and a name
    return len(m.group(0))


_SECOND_PART = re.compile(r"[·•・][一-龥]{2,6}?" + _AFTER_PERSON.replace("|[·•・])", ")"))


def _second_part(simple: str, end: int) -> int:
    """The rest of a name written in two parts (艾尔肯·吐尼亚孜)."""
    m = _SECOND_PART.match(simple, end)
    return len(m.group(0)) if m else 0


# Between a title and its name: an acting, seconded or rank mark (区长（代）刘伟, 副市长（挂职）刘文斌,
# 副局长（正处级）), a typesetter's space or a scrape's line break (市委书记\n王海).
_TITLE_GAP = re.compile(
    r"[（(](?:代|挂职|兼|兼职|[正副]?[厅处局科部]级)[）)]|[ \u3000\n]{1,3}(?=[\u4e00-\u9fff])")


_ORG_CHARS = ("", "局", "委", "厅", "办", "区", "县", "市", "镇", "乡", "部")


def _listed_names(text: str, simple: str, out: list[Mention], title: str) -> int:
    """市领导高杰、邱林: names listed after a titled one share its title."""
    end = out[-1].end
    # 县领导甲和乙参加: a collective title's last name joined by 和
    joined = "、和" if title.endswith("领导") or title.endswith("領導") else "、"
    while simple[end:end + 1] and simple[end:end + 1] in joined:
        length = zh_name_at(simple, end + 1)
        after = end + 1 + length
        follower = simple[after:after + 1]
        # 甲、区卫生健康局局长乙: a listed name ends where names end, or it heads the next title
        ends = _NAME_END.match(simple, after) or _ZH_VERBS_AFTER.match(simple[after:after + 4]) or (
            follower in _ZH_AFTER_NAME)
        if not length or _ZH_TITLE_END.match(simple, end + 1) or follower in _ORG_CHARS or not ends:
            break
        out.append(Mention(text[end + 1:end + 1 + length], title, end + 1, end + 1 + length, end + 1))
        end += 1 + length
    return end


# 华兴集团总经理钱进、东山街道党工委书记: a person no title word marks (a host) before the title.
_PERSON_BEFORE = re.compile(r"(?:经理|董事长|总裁|总监|厂长|院长|校长|主任|书记|长)[一-龥]{2,3}、")


def _after_unlisted_person(simple: str, start: int, end: int) -> int:
    """Where a title begins once any person named before it in its run is left out."""
    ends = [m.end() for m in _PERSON_BEFORE.finditer(simple, start, end)]
    return ends[-1] if ends else start


def _title_start(simple: str, end: int) -> int:
    """Walk back from a title's last word to where the title chain begins."""
    start = max(0, end - 30)
    window = simple[start:end]
    stops = list(_ZH_TITLE_STOP.finditer(window))
    if stops:
        start += stops[-1].end()
    return start


def to_officials(mentions: list[Mention]) -> list[Official]:
    """Officials in order of first mention, each name once with its first title."""
    seen: dict[str, Official] = {}
    for m in mentions:
        seen.setdefault(m.name, Official(m.name, m.title))
    return list(seen.values())


def drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Mentions sorted by start, without any that overlaps the one before."""
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
