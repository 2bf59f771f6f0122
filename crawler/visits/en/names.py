"""Chinese personal names written in Latin letters: surnames and pinyin syllables.

Machine translations spell a name in many ways ("Li Xiaodong", "Li Xiao dong",
"LI Xiaodong", "Zhou jianguo"); what they share is that every word splits into
Mandarin syllables and the first is a surname. These checks let a bare name
("Wang Bo", "Shen Dong") be told from a place or company word next to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from crawler.visits.officials import SURNAMES

# Every Mandarin syllable without tones (from pypinyin's table), longest tried first.
_SYLLABLE_TABLE = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai
can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di
dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng
fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha
hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo
long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan
nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou
shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong
you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng
zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
"""
# ü is written ü, v or yu: Lü, Lv, Lyu; Nüe, Nve.
_U_SYLLABLES = "lü lüe nü nüe lv lve nv nve lyu nyu"
_SYLLABLES = _SYLLABLE_TABLE.split() + _U_SYLLABLES.split()
_SYLLABLE_SET = frozenset(_SYLLABLES)
_SYLLABLE_RUN = re.compile(
    "(?:" + "|".join(sorted(_SYLLABLES, key=len, reverse=True)) + ")+")


# Rarer surnames of the Hundred Family Surnames (百家姓) that the shared list leaves out (it is also
# read in Chinese text, where 怀 or 洪 would start words); in Latin letters they only name people.
_LATIN_ONLY_SURNAMES = "怀荀贝苍双寿洪"


# Two-character surnames (复姓), written as one word: "Ouyang Xiaofeng", "Sima Jun".
_COMPOUND_SURNAMES = ("Ouyang", "Sima", "Shangguan", "Zhuge", "Huangfu", "Yuchi", "Gongsun", "Murong",
                      "Linghu", "Xiahou", "Zhangsun", "Yuwen", "Situ", "Duanmu", "Xuanyuan", "Huyan",
                      "Nangong", "Tantai")


@lru_cache(maxsize=1)
def pinyin_surnames() -> frozenset[str]:
    """Surnames as they are romanised: Liu, Wang, Zhang, Ouyang..."""
    plain = {lazy_pinyin(c)[0].capitalize() for c in SURNAMES | set(_LATIN_ONLY_SURNAMES)}
    umlaut = {n.replace("v", spelling) for n in plain if "v" in n for spelling in ("ü", "yu")}
    return frozenset(plain | umlaut | set(_COMPOUND_SURNAMES))


@lru_cache(maxsize=4096)
def is_pinyin_word(word: str) -> bool:
    """Does the word split into Mandarin syllables ("Guozhong", "xiao", "Xi'an")?"""
    plain = word.lower().replace("'", "").replace("’", "").replace("-", "")
    return bool(plain) and _SYLLABLE_RUN.fullmatch(plain) is not None and len(plain) <= 12


def is_pinyin_name(name: str) -> bool:
    """A surname and one or two given-name words, all pinyin: "Wang Bo", "Li Xiao dong"."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0].capitalize() not in pinyin_surnames():
        return False
    return all(is_pinyin_word(w) for w in words) and sum(len(w) for w in words[1:]) <= 12


def join_split_given(name: str) -> str:
    """'Li Xiao dong' -> 'Li Xiaodong' (a lower-case syllable split off the given name)."""
    words = name.split()
    if (len(words) == 3 and words[2][:1].islower() and is_pinyin_name(name)
            and words[1].lower() in _SYLLABLE_SET and words[2] in _SYLLABLE_SET):
        return f"{words[0]} {words[1]}{words[2]}"
    return name
