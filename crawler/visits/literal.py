"""Where a literal string occurs in a text, found without the re module: an official's or a
place's name is new in every article, and a pattern per name would be compiled per article."""

from __future__ import annotations

from collections.abc import Iterator


def starts(needle: str, text: str, start: int = 0) -> Iterator[int]:
    """The start of every non-overlapping occurrence of ``needle`` in ``text`` from ``start``,
    as ``re.finditer(re.escape(needle), text)`` finds them; an empty needle occurs nowhere."""
    if not needle:
        return
    at = text.find(needle, start)
    while at >= 0:
        yield at
        at = text.find(needle, at + len(needle))
