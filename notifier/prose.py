"""Cutting and wrapping text for readers: quotes cut at a sentence or word boundary, plain text
wrapped at 78 columns.

A quote longer than its room ends at the last sentence end that fits, else at the last word
(Latin) or clause (Chinese) boundary, and gets an ellipsis; a quote that reached us already cut
mid-word ("work hard, acce") loses the broken word. Wrapping counts display columns, so a Chinese
character takes two, and breaks Chinese text between characters but never before closing
punctuation; a word longer than a line (a URL) stays whole on its own line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from notifier.text import is_cjk

ELLIPSIS = "…"
WIDTH = 78
_SENTENCE_END = re.compile(r"[.!?。！？;；][\"'”’）)]*(?=\s|$)|[。！？；][\"'”’）)]*")
_CLAUSE_END = re.compile(r"[，、,：:。！？；;]")
_FINISHED = re.compile(r"[.!?。！？\"'”’)）…]$")
_NO_LINE_START = frozenset("，。、；：！？）》」』”’,.;:!?)…")


def _ellipsis(text: str, last_word_whole: bool) -> str:
    """``text`` (which goes on beyond its end) ended with an ellipsis at a word or clause boundary."""
    if is_cjk(text[-1]):
        ends = [m.start() for m in _CLAUSE_END.finditer(text) if m.start() > len(text) // 2]
        keep = text[: ends[-1]] if ends else text
    else:
        keep = text if last_word_whole or " " not in text.strip() else text.rsplit(None, 1)[0]
    return keep.rstrip(" ,;:，、；：") + ELLIPSIS


@lru_cache(maxsize=1 << 14)
def cut_quote(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut where a reader expects a cut.

    A quote that does not end a sentence was cut before it reached us: its last word may be a
    fragment, so it goes, and an ellipsis says the quote went on.
    """
    text = text.strip()
    if len(text) <= limit:
        return text if not text or _FINISHED.search(text) else _ellipsis(text, last_word_whole=False)
    room = text[: limit - 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(room) if m.end() >= limit // 2]
    if ends:
        kept = room[: ends[-1]].rstrip()
        return kept + (ELLIPSIS if is_cjk(kept[-1]) or kept[-1] in "。！？；" else " " + ELLIPSIS)
    return _ellipsis(room, last_word_whole=text[limit - 1].isspace() or not room[-1].isalnum())


def columns(text: str) -> int:
    """Columns a terminal or a plain-text mail client gives ``text``."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _chunks(text: str) -> list[str]:
    """Pieces that may start a line: words with their trailing space, single CJK characters
    (closing punctuation stays with the character before it)."""
    out: list[str] = []
    for piece in re.findall(r"\S+\s*", text):
        for part in re.findall(r"[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+\s*|.\s*", piece):
            if out and part[0] in _NO_LINE_START:
                out[-1] += part
            elif out and not is_cjk(part[0]) and is_cjk(out[-1][-1]):
                out[-1] += part  # Latin glued to Chinese ("2023年") stays with it
            else:
                out.append(part)
    return out


def wrap(text: str, indent: str = "", first: str | None = None, width: int = WIDTH) -> str:
    """``text`` wrapped at ``width`` columns; the first line starts with ``first`` (default
    ``indent``), the others with ``indent``."""
    lead = indent if first is None else first
    lines: list[str] = []
    line, empty = lead, True
    for chunk in _chunks(" ".join(text.split())):
        if not empty and columns(line + chunk.rstrip()) > width:
            lines.append(line.rstrip())
            line = indent
        line, empty = line + chunk, False
    lines.append(line.rstrip())
    return "\n".join(lines)
