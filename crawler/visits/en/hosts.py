"""The people of the site visited: a title held in a body that the text names as a company.

"Li Ming, Chairman of Hengda Textiles" is the host of a visit to "Baima Hengda Textiles Co.,
Ltd.": the body in his title is named elsewhere with a company's suffix, so he is neither a
lead nor a companion, whatever frame he stands in. So is "A, President of Hengda" when the party
"visited Hengda": the body is the very place visited.
"""

from __future__ import annotations

import re

from core.gazetteer import gazetteer
from crawler.visits.literal import starts

_HEAD_OF = re.compile(r"^(?:(?:Deputy|Vice|Executive)[ -])?(?i:chairman|chairwoman|president|director|"
                      r"general manager|manager|head|secretary)\s+of\s+(?:the\s+)?"
                      r"((?:[A-Z][\w'’&-]*\s+){0,3}[A-Z][\w'’&-]*)$")
_SUFFIX = re.compile(r"\s+(?:Co\b|Company|Corp\b|Corporation|Ltd\b|Limited|Group|Inc\b|Holdings)")
_WORDISH = re.compile(r"[\w'’-]")


def company_title(text: str, title: str) -> bool:
    """Is the title a head's of a body the text names with a company suffix?"""
    m = _HEAD_OF.match(title.strip())
    if not m:
        return False
    body = m.group(1)
    # "President of Hongda Paper" after "visited the Hongda paper mill": the body in any case
    visited = re.search(_VISITED + "(?i:" + re.escape(body) + r")\b", text)
    if visited and not _AREA.search(body) and not _is_place(body):
        return True  # "President of X" when the party visited X (not "Deputy Head of X County")
    return any(not (at and _WORDISH.match(text, at - 1)) and _SUFFIX.match(text, at + len(body))
               for at in starts(body, text))


# An administrative area: its officials receive the party as officials, not as a site's people.
_AREA = re.compile(r"\b(?:County|City|District|Province|Prefecture|Municipality|Township|Town|Region|Area|"
                   r"Zone|Banner|League|Government|Committee|Congress|CPPCC)$")


def _is_place(body: str) -> bool:
    """A region named bare ("Deputy Head of Anji" after "went to Anji")."""
    return any(b == 0 and e == len(body) for b, e, _ in gazetteer().find_en(body))


# The place a party goes to: "visited Hengda", "Visit Hengda for research", "came to Hengda".
_VISITED = (r"\b(?:[Vv]isit(?:ed|s|ing)?|[Ii]nspect(?:ed|s|ing)?|(?:came|went|come|go|comes|goes) to)"
            r"\s+(?:the\s+)?")


# "Ms. A, president of the X Industrial Planning, Promotion, and Exchange Association, visited
# ...": the head of an association or a chamber of commerce is a business guest, not an official;
# an association of the state ("the Provincial Association for Science and Technology") is not.
_GUEST_HEAD = re.compile(r",\s+(?:the\s+)?(?:(?:honorary|executive|vice|deputy)[ -])?"
                         r"(?:president|chair(?:man|woman|person)?|head|founder)\s+of\s+(?:the\s+)?"
                         r"([^.;:]{2,120}?\b(?:Association|Chamber of Commerce|Society))\b", re.I)
_STATE_BODY = re.compile(r"\b(?:Provincial|Municipal|City|County|District|National|People['’]s|Party|CPC|"
                         r"CPPCC|Federation|Committee|Government)\b", re.I)


def association_head(text: str, name_end: int) -> bool:
    """Is the person named just before ``name_end`` introduced as the head of an association?"""
    m = _GUEST_HEAD.match(text, name_end)
    return m is not None and not _STATE_BODY.search(m.group(1))


# "The governor directed District Commissioner A to ...", "he will discuss with Chief Minister B": the
# one given orders or to be consulted is spoken to, not a companion of the visit.
_SPOKEN_TO = re.compile(r"\b(?:directed|instructed|ordered|urged|asked|told|requested|"
                        r"(?:had\s+)?(?:spoken|spoke|talked|phoned)\s+(?:to|with)|"
                        r"(?:will|would|to) (?:discuss|consult|meet) with)\s+(?:the\s+)?"
                        r"(?:(?-i:[A-Z])[\w-]*\s+){0,2}$", re.I)


def spoken_to(text: str, title_start: int) -> bool:
    """Is the official whose title starts at ``title_start`` the object of an order or a talk?"""
    return _SPOKEN_TO.search(text, max(0, title_start - 40), title_start) is not None


# "arrangements for Chief Minister A's scheduled visit on November 18": one whose visit is to come.
# "Chief Minister A will visit the project on Thursday": the same, told with the verb.
_VISIT_TO_COME = re.compile(r"(?:\s+[A-Z][\w-]*)?['’]s\s+(?:scheduled|planned|upcoming|proposed|forthcoming|"
                            r"expected)\s+(?:visit|tour|trip|arrival)\b|"
                            r"\s+(?:will|is (?:scheduled|expected|set|slated) to|is to|plans to)\s+"
                            r"(?:also\s+)?(?:visit|inspect|tour)\b")


def visit_to_come(text: str, name_end: int, title_start: int | None = None) -> bool:
    """Is the official named just before ``name_end`` the one whose visit is still ahead (also "for the
    upcoming visit of Union Minister A", given where the title starts)?"""
    if title_start is not None and _VISIT_OF_AHEAD.search(text, max(0, title_start - 60), title_start):
        return True
    return _VISIT_TO_COME.match(text, name_end) is not None


_VISIT_OF_AHEAD = re.compile(r"\b(?:upcoming|scheduled|planned|proposed|forthcoming|expected|impending)\s+"
                             r"(?:visit|tour|trip|arrival)\s+(?:of|by)\s+(?:the\s+)?(?:[\w&-]+\s+){0,4}$")
