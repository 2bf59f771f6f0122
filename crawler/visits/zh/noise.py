"""Scrape noise in Chinese articles, removed before extraction.

Pages copied through reading aids or converters carry inline pinyin after
characters ("市委书(shū)记", "县长(zhǎng)") and stray commas before other
punctuation ("陈业鹏,、赵建斌"), and social-media copies put an @ before a
person ("市委书记@李明"). Both split titles and names, so they are
removed before any pattern is matched. A bracket counts as inline pinyin only
when it follows a Chinese character and holds one pinyin syllable, with or
without its tone mark ("(xian)"), so "(二期)" or "(ASEM)" stay.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from crawler.visits.language import to_simplified
from crawler.visits.officials import SURNAMES, ZH_TITLE_ENDS

_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|"
          r"iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)")
_SYLLABLE = re.compile(rf"^{_INITIAL}{_FINAL}$")
_BRACKET = re.compile(r"(?<=[\u3400-\u9fff])[(（]([a-zA-Z\u00c0-\u01dc\u0300-\u036f1-5 ]{1,30})[)）]")
# Characters of no width that scrapes leave inside words (王\u200b海).
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_AT_NAME = re.compile(r"(?<=[\u3400-\u9fff])\s*@\s*(?=[\u3400-\u9fff])")
# A two-character name padded to the width of three (市长王  强, 部长 刘 洋、李  明): a surname after a
# title's last character or a list mark, spaces, and one character that ends the name.
_PADDED_NAME = re.compile(
    r"(?<=[记长任席员导理事官、，,：: ])[ \t\u3000]?([" + "".join(sorted(SURNAMES)) + r"])[ \t\u3000]{1,3}"
    r"([\u4e00-\u9fff])(?=[^\u4e00-\u9fff]|[到赴在率等一带陪参先来深走前主出同])")
# A photo caption's place of a person (陈刚（左二）, 王强(前排右一)): not part of the sentence.
_CAPTION_PLACE = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(](?:[前后中]排)?(?:[左右][一二三四五六七八九十\d]|中)起?[）)]")
# A converter's stray comma before other punctuation: 陈业鹏,、赵建斌 / 调研,。
_STRAY_COMMA = re.compile(r"[,，](?=[、，,。；;！？!?])")


def _plain(syllable: str) -> str:
    """Tone marks off, ü as v: 'zhǎng' -> 'zhang', 'lǜ' -> 'lv'."""
    decomposed = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_pinyin(text: str) -> bool:
    """One or more pinyin syllables, split by spaces or by tone numbers (shū jì, shu1ji4)."""
    words = [w for w in re.split(r"[ 1-5]+", text) if w]
    return bool(words) and len(words) <= 4 and all(is_pinyin_syllable(w) for w in words)


def is_pinyin_syllable(word: str) -> bool:
    """One Mandarin syllable in pinyin, tone marks optional."""
    return bool(_SYLLABLE.match(_plain(word)))


def strip_noise(text: str) -> str:
    """The text without inline pinyin brackets, caption places (左二), @ marks before names,
    characters of no width, padding inside names and stray commas."""
    if "(" in text or "（" in text:
        text = _BRACKET.sub(lambda m: "" if is_pinyin(m.group(1)) else m.group(0), text)
        text = _CAPTION_PLACE.sub("", text)
    if "@" in text:
        text = _AT_NAME.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    if " " in text or "\u3000" in text:
        text = _PADDED_NAME.sub(r"\1\2", text)
    return _STRAY_COMMA.sub("", text)


# Hard-wrapped text (old gazetteers, e-paper copies) breaks every line after one number of
# characters, in the middle of titles and names. Lines this long or longer may be wrapped ones.
_WRAP_MIN_CHARS = 20
_SENTENCE_END = ("。", "！", "？", "：", ":", "!", "?", "”")


# 市政协副主席赵\n长安参加调研: a line break between a title's surname and the rest of the name.
_SPLIT_NAME = re.compile("(?:" + "|".join(t for t in ZH_TITLE_ENDS if "(" not in t) + ")["
                         + "".join(sorted(SURNAMES)) + r"][ \t]*(\n)"
                         r"(?=[一-龥]{1,2}[，,、；;]|[一-龥]{1,2}(?:参|陪|一同|等))")


def _join_split_names(text: str) -> str:
    breaks: list[int] = []
    at = text.find("\n")
    while at > 0:
        start = max(0, at - 8)
        m = _SPLIT_NAME.search(to_simplified(text[start:at + 6]))  # only around a break
        if m and start + m.start(1) == at:
            breaks.append(at)
        at = text.find("\n", at + 1)
    for at in reversed(breaks):
        text = text[:at] + text[at + 1:]
    return text


def join_hard_wraps(text: str) -> str:
    """The text with hard-wrapped lines joined: when most long lines have one length, a line of
    that length not ending a sentence runs on into the next. A name broken after its title's
    surname is joined too."""
    text = _join_split_names(text)
    lines = [line.rstrip() for line in text.split("\n")]
    long = [len(line) for line in lines if len(line) >= _WRAP_MIN_CHARS]
    if len(long) < 3:
        return text
    width, count = Counter(long).most_common(1)[0]
    if count < 3 or count * 2 < len(long):
        return text
    out: list[str] = []
    for line in lines:
        out.append(line)
        out.append("" if len(line) == width and not line.endswith(_SENTENCE_END) else "\n")
    return "".join(out[:-1])
