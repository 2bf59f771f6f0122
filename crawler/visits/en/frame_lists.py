"""Companions listed in an accompanying frame, in any language: "accompanied by Irrigation Minister
A B, other ministers C D, E F and district Collector G H" or "A B, Federal Minister for X C D and
Adviser E F also accompanied the Prime Minister". Each item of the list is a title (maybe none)
and a name; the name is the run of capitalised words after the item's last title word."""

from __future__ import annotations

import re

from crawler.visits.en.hosts import company_title
from crawler.visits.en.name_words import _NOT_NAME
from crawler.visits.en.names import is_pinyin_name
from crawler.visits.en.title_first import COMPANY
from crawler.visits.officials import Mention

# "accompanied by LIST." and "LIST also accompanied the Prime Minister."
_AFTER_FRAME = re.compile(r"\b(?:[Aa]ccompanied by|[Jj]oined by)\s+([^.;:]{5,400}?)"
                          r"(?=\s*(?:[.;:]\s|[.;:]?$|\n))")
_BEFORE_FRAME = re.compile(r"(?:^|(?<=[.;\n]))\s*([A-Z][^.;:\n]{5,400}?)\s+(?:also\s+|all\s+)?accompanied\s+"
                           r"(?:the|him|her|them)\b")
# An item's title words: an office, an elected seat, or its short form ("MLA", "MPs", "CM").
_TITLE_WORD = re.compile(
    r"\b(?:[Mm]inisters?|[Ss]ecretar(?:y|ies)|[Gg]overnors?|[Mm]ayors?|[Dd]irectors?|[Cc]hairman|"
    r"[Cc]hairwoman|[Cc]hairperson|[Cc]ommissioners?|[Cc]ollectors?|[Aa]dvis[eo]rs?|[Ss]pokes(?:person|man)|"
    r"[Pp]resident|[Ss]peaker|[Ss]enators?|[Mm]embers?|[Dd]eputy|[Cc]hief|MLAs?|MPs?|MNAs?|MPAs?|CM|PM|"
    # an office's short form ("SSP", "ADGP", "DC") or a body's ("NEC"): no part of a name
    r"[A-Z]{3,6})\b")
# A name: initials or a short honorific, then two to four capitalised words ("P Anil Kumar", "Engr
# Amir Muqam"), or initials and one word ("T Vanitha").
_NAME_RUN = re.compile(r"(?:(?:[A-Z]{1,2}|Ch|Dr|Engr)\.?[ ]+)*[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+){1,3}$|"
                       r"(?:[A-Z]{1,2}\.?[ ]+)+[A-Z][a-z]+$")
# A body named after the title and closed by its acronym: "members of the National Assembly (NA)".
_BODY_ACRONYM = re.compile(r"^(?:of|for)\s+[^()]{2,80}\([A-Z][\w-]{0,8}\)\s+|^\([^()]{1,30}\)\s+")


def frame_people(text: str) -> list[Mention]:
    """The people of every accompanying frame's list (a name for each item that has one)."""
    out: list[Mention] = []
    for frame in list(_AFTER_FRAME.finditer(text)) + list(_BEFORE_FRAME.finditer(text)):
        at = frame.start(1)
        items = _items(frame.group(1))
        found = [_item(part, at + start) for part, start in items]
        for i, mention in enumerate(found):
            if mention is None or is_pinyin_name(mention.name):
                continue  # pinyin names have list rules of their own (name_lists), hosts excluded there
            # a bare name's title is the item alone next to it ("the head of X Corporation, A" or
            # "A, President of Lantai"): the head of the company or of the place visited is a host
            said = [items[j][0] for j in (i - 1, i + 1) if 0 <= j < len(items) and found[j] is None]
            if not mention.title and any(COMPANY.search(d) or company_title(text, d) for d in said):
                continue
            out.append(mention)
    return out


def _items(chunk: str) -> list[tuple[str, int]]:
    """The list's items with their offsets: split at commas, and at 'and' only where the piece
    before it ends in a name ("Minister for Information and Broadcasting A" stays one item)."""
    out: list[tuple[str, int]] = []
    for piece in re.finditer(r"[^,]+", chunk):
        text, start = piece.group(0), piece.start()
        for joint in re.finditer(r"\s+and\s+", text):
            left = text[:joint.start()].strip()
            if left and _item(re.sub(r"^and\s+", "", left), 0):
                out.append((text[:joint.start()], start))
                text, start = text[joint.end():], start + joint.end()
                break
        out.append((text, start))
    cleaned = []
    for part, start in out:
        lead = len(part) - len(part.lstrip(" ")) + (4 if part.lstrip().startswith("and ") else 0)
        cleaned.append((part[lead:].rstrip(), start + lead))
    return cleaned


def _item(part: str, offset: int) -> Mention | None:
    """The person of one list item ("other ministers Perni Venkat", "Alla Kali Krishna Srinivas")."""
    titles = list(_TITLE_WORD.finditer(part))
    cut = titles[-1].end() if titles else 0
    rest = _BODY_ACRONYM.sub("", part[cut:].strip())
    if re.search(r"\b(?:of|for|in|at)\s*$", part[:cut + 1] if titles else ""):
        return None
    if titles and re.match(r"(?:of|for|in|at)\b", rest):
        return None  # "Central Ameer of Jamait Ulema Islam": a body, no name
    name = _NAME_RUN.search(rest)
    if not name or name.start() != 0 or COMPANY.search(part):
        return None
    words = name.group(0).split()
    if any(w in _NOT_NAME for w in words) or len(words) > 5:
        return None
    begin = offset + part.find(rest) + name.start()
    title = part[:cut].strip()
    return Mention(name.group(0), title, begin, begin + len(name.group(0)), offset)
