"""English article text made ready to read: scraped and hard-wrapped text joined into
sentences, and the sentences with their offsets."""

from __future__ import annotations

import re

# A sentence ends at a stop before a capital, or at a line break; scraped text runs sentences
# together without a space ("...to the entrepreneurs.District Party committee member ...").
_SENTENCE = re.compile(r"(?<=[.!?。])(?:[\"”’]?\s+(?=[\"“‘]?[A-Z])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))|\n+")


def normalise(text: str) -> str:
    """Join one-word-per-line and hard-wrapped text; '?' used as a space becomes a space."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) > 20 and sum(len(ln.strip()) for ln in lines) / len(lines) < 14:
        text = " ".join(ln.strip() for ln in lines)
    text = re.sub(r"(?<=[\w,])\?(?=\w)", " ", text)
    text = _RUN_TOGETHER.sub(r"\1 ", text)  # "OnJuly 4th", "working inPhu Yen", "comradeTran"
    text = text.translate(_FULL_WIDTH)  # "Zhou Ming，Secretary of ...。"
    text = _join_colon_list(_join_wrapped(text))
    return text.replace("\u00a0", " ").replace("¡¯", "’")  # a right quote read as GBK: "Wang Yi¡¯ou"


# A short word run together with the capitalised word after it by a careless scrape.
_RUN_TOGETHER = re.compile(r"\b(On|on|In|in|At|at|Of|of|To|to|By|by|and|the|comrade|Comrade)(?=[A-Z][a-z])")
# Also the typographic hyphens of some editors ("flood\u2010hit", "post\u2011disaster"): a plain hyphen.
_FULL_WIDTH = str.maketrans({"，": ", ", "。": ". ", "；": "; ", "：": ": ", "（": " (", "）": ") ",
                             "\u2010": "-", "\u2011": "-"})
# "Accompanying him were:" and then one official a line: the lines are one list.
_COLON_LIST = re.compile(r":[ \t]*\n((?:[ \t]*[^\n.:]{3,120}\n){1,11}[ \t]*[^\n.:]{3,120}(?:\n|$))")


def _join_colon_list(text: str) -> str:
    return _COLON_LIST.sub(lambda m: ": " + "; ".join(ln.strip() for ln in m.group(1).split("\n")
                                                      if ln.strip()) + ".\n", text)


# A line break inside a sentence (hard-wrapped text): after a comma or a joining word, or
# before a word in lower case. The break is found first and its neighbours checked after.
_BREAK = re.compile(r"[ \t]*\n(?=[ \t]*(\w))")
_JOINING_END = re.compile(r"(?:[^\w]|^)(?:by|and|of|the|to|with|in|at|for|from)\Z")


def _join_wrapped(text: str) -> str:
    """The text with its hard-wrapped line breaks turned into spaces."""
    parts: list[str] = []
    pos = 0
    wrapped = _hard_wrapped(text)
    for m in _BREAK.finditer(text):
        before = text[max(0, m.start() - 5):m.start()]
        lower_next = "a" <= m.group(1) <= "z"
        end = before[-1:]
        if ((lower_next and end in _WRAP_ENDS) or (wrapped and (end.isalnum() or end in ",;"))
                or _JOINING_END.search(before)):
            parts += [text[pos:m.start()], " "]
            pos = m.end()
    return "".join(parts) + text[pos:] if parts else text


def _hard_wrapped(text: str) -> bool:
    """Is the text broken into lines of about one length, most of them mid-sentence?"""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 3:
        return False
    mid = [ln for ln in lines if 40 <= len(ln) <= 120 and ln[-1] not in ".!?:\"”"]
    return len(mid) >= 0.5 * len(lines)


_WRAP_ENDS = frozenset("abcdefghijklmnopqrstuvwxyz,;")


# "... Trade Co., Ltd. Also, they met ...": after a company's "Ltd." an adverb or a pronoun opens a sentence.
_OPENS_SENTENCE = re.compile(r"(?:Also|Then|Later|Afterwards|Meanwhile|Besides|Moreover|Finally|"
                             r"In addition),|(?:He|She|They|We)\b")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; 'Co., Ltd.' and a middle initial do not end a sentence."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE.finditer(text):
        # "Co.", "Mr.", and a middle initial ("the Andrew L. Hale Museum")
        if re.search(r"(?:Co|Ltd|Mr|Dr|No|St|[A-Z][a-z]+ [A-Z])\.$", text[pos:m.start()]) and not (
                text[m.start() - 4:m.start()] == "Ltd." and _OPENS_SENTENCE.match(text, m.end())):
            continue
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(p, s) for p, s in out if s.strip()]
