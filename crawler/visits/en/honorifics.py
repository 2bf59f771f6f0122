"""Officials named after an honorific ("the Health Minister, Mr. Kofi Mensah Boateng", "the District
Chief Executive Madam Grace Owusu", "Regional Director Alhaji Ibrahim Sule"): whatever
the name's language, the words after Mr., Dr., Madam or Alhaji are a person's name."""

from __future__ import annotations

import re

from crawler.visits.officials import Mention

_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Madam|Madame|Alhaji|Hajia|Hon)(?:\.[ ]*|[ ]+)"  # "Dr.Mara Teo" run together
    r"((?:[A-Z][a-z'’-]+,?[ ]+|[A-Z]\.?[ ]+(?=[A-Z][a-z]))(?:[A-Z][a-z'’-]+,?[ ]+|[A-Z]\.?[ ]+){0,2}"
    # the surname may be in capitals ("Mr Michael WONG")
    r"(?:[A-Z][a-z'’-]+|[A-Z]{2,}(?![a-z])))\b(?![ ]*[.,]?[ ]*(?:Co|Ltd|Company)\b)")
# Where a title before the honorific begins: after a stop, a comma, "by" or "and".
_BOUNDARY = re.compile(r"[.;:(\n]|,|\bby\b|\band\b")
_HARD_BOUNDARY = re.compile(r"[.;:(\n]|,(?=[ ]*(?:Mr|Mrs|Ms|Dr|Madam)\b)")
_TITLE_WORD = re.compile(r"(?i)\b(?:minister|director|secretary|governor|mayor|chief|executive|commissioner|"
                         r"consul|ambassador|"
                         r"member of parliament|chairman|chairperson|president|head|deputy|officer|mp)\b")
_NOT_NAME = frozenset({"The", "And", "Of", "For", "In", "On", "At", "Has", "Had", "Was", "Is",
                       "Mr", "Mrs", "Ms", "Dr", "Prof", "Madam", "Madame", "Alhaji", "Hajia", "Hon",
                       # "Dr. A B, Vice President": the rank opens the title
                       "Vice", "Deputy", "Executive", "Assistant"})


def honorific_mentions(text: str) -> list[Mention]:
    """Officials named after an honorific whose title (before it) is a government one."""
    out: list[Mention] = []
    for m in _HONORIFIC.finditer(text):
        words = [w.rstrip(",") for w in m.group(1).split()]
        words = words[:next((i for i, w in enumerate(words) if _TITLE_WORD.fullmatch(w.split("-")[0])),
                            len(words))]  # "Mr. A B, Secretary-General": the title's first part ends it
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
    left = max(0, pos - 150)
    cuts = [left] + [b.end() for b in boundary.finditer(text, left, pos)]
    for a, b in zip(reversed(cuts), [pos] + list(reversed(cuts[1:])), strict=False):
        piece = text[a:b].strip(" ,")
        if piece:
            return piece, a
    return "", pos


# "Mr Chan visited ...", "Prof Sun toured ...": a release that names its lead by honorific and
# surname only (the title stands in the headline, abbreviated).
_HONORED_SUBJECT = re.compile(
    r"\b(?:Mr|Mrs|Ms|Madam|Dr|Prof)\.?[ ]+([A-Z][a-z]+)[ ]+(?:(?:also|then|first|later|today)[ ]+)?"
    r"(?:visited|toured|inspected|called on|went to|paid (?:a )?visits?|arrived in|started his|"
    r"started her)\b")


def honored_subject(text: str) -> Mention | None:
    """The person most often the subject of a visit verb after an honorific and a surname."""
    counts: dict[str, list[int]] = {}
    for m in _HONORED_SUBJECT.finditer(text):
        if m.group(1) not in _NOT_NAME:
            counts.setdefault(m.group(1), []).append(m.start(1))
    if not counts:
        return None
    name, starts = max(counts.items(), key=lambda kv: len(kv[1]))
    return Mention(name, "", starts[0], starts[0] + len(name), starts[0])
