"""Quoted remarks cut to a length for a record: at the end of a sentence when one ends in
the part kept, otherwise at the last word or clause boundary, and marked with an ellipsis."""

from __future__ import annotations

import re

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?。！？；;](?=[\s\"”’」』)）]|$)|[。！？；]")
_WORD_BREAK = re.compile(r"\s|[，、,：:]")


def cut_quote(text: str, limit: int) -> str:
    """``text`` as it is when it fits in ``limit`` characters; else its longest head of whole
    sentences (or whole words, for a long first sentence) that fits, followed by an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    room = text[:limit - 2]
    ends = [m.end() for m in _SENTENCE_END.finditer(room) if m.end() >= limit // 3]
    if ends:
        head = text[:ends[-1]]
        return head + (" " + ELLIPSIS if head[-1].isascii() else ELLIPSIS)
    breaks = [m.start() for m in _WORD_BREAK.finditer(room, 1)]
    cut = breaks[-1] if breaks and breaks[-1] >= limit // 3 else limit - 1
    return text[:cut].rstrip(" ,，、:：;；") + ELLIPSIS
