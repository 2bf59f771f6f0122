"""Officials named after an honorific ("the Health Minister, Mr. Kofi Mensah Boateng", "the District
Chief Executive Madam Grace Owusu", "Regional Director Alhaji Ibrahim Sule"): whatever
the name's language, the words after Mr., Dr., Madam or Alhaji are a person's name."""

from __future__ import annotations

import re

from crawler.visits.officials import Mention

_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Madam|Madame|Alhaji|Hajia|Hon)\.?[ ]+"
    r"((?:[A-Z][a-z'’-]+,?[ ]+){1,3}[A-Z][a-z'’-]+)\b(?![ ]*[.,]?[ ]*(?:Co|Ltd|Company)\b)")
# Where a title before the honorific begins: after a stop, a comma, "by" or "and".
_BOUNDARY = re.compile(r"[.;:(\n]|,|\bby\b|\band\b")
_HARD_BOUNDARY = re.compile(r"[.;:(\n]|,(?=[ ]*(?:Mr|Mrs|Ms|Dr|Madam)\b)")
_TITLE_WORD = re.compile(r"(?i)\b(?:minister|director|secretary|governor|mayor|chief|executive|commissioner|"
                         r"member of parliament|chairman|chairperson|president|head|deputy|officer|mp)\b")
_NOT_NAME = frozenset({"The", "And", "Of", "For", "In", "On", "At", "Has", "Had", "Was", "Is",
                       "Mr", "Mrs", "Ms", "Dr", "Madam", "Madame", "Alhaji", "Hajia", "Hon"})


def honorific_mentions(text: str) -> list[Mention]:
    """Officials named after an honorific whose title (before it) is a government one."""
    out: list[Mention] = []
    for m in _HONORIFIC.finditer(text):
        words = [w.rstrip(",") for w in m.group(1).split()]
        words = words[:next((i for i, w in enumerate(words) if _TITLE_WORD.fullmatch(w)), len(words))]
        while words and words[-1] in _NOT_NAME:  # "Dr. Yaw Mensah, Deputy ...": the title is not his name
            words.pop()
        if len(words) < 2 or any(w in _NOT_NAME for w in words):
            continue  # "Mr. Nie": a surname alone is left to the other forms
        title, title_start = _title_before(text, m.start())
        if not _TITLE_WORD.search(title):  # "Director of the development and reform commission, Mr. X"
            title, title_start = _title_before(text, m.start(), _HARD_BOUNDARY)
        if not _TITLE_WORD.search(title):
            continue
        name = " ".join(words)
        start = m.start(1)
        end = text.index(words[-1], start) + len(words[-1])
        out.append(Mention(name, title, start, end, title_start))
    return out


def _title_before(text: str, pos: int, boundary: re.Pattern[str] = _BOUNDARY) -> tuple[str, int]:
    """The words before an honorific back to a boundary; when only a comma stands there ("the
    Health Minister, Mr. X"), the words before that comma."""
    left = max(0, pos - 90)
    cuts = [left] + [b.end() for b in boundary.finditer(text, left, pos)]
    for a, b in zip(reversed(cuts), [pos] + list(reversed(cuts[1:])), strict=False):
        piece = text[a:b].strip(" ,")
        if piece:
            return piece, a
    return "", pos
