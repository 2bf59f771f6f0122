"""The people of the site visited: a title held in a body that the text names as a company.

"Li Ming, Chairman of Hengda Textiles" is the host of a visit to "Baima Hengda Textiles Co.,
Ltd.": the body in his title is named elsewhere with a company's suffix, so he is neither a
lead nor a companion, whatever frame he stands in.
"""

from __future__ import annotations

import re

from crawler.visits.literal import starts

_HEAD_OF = re.compile(r"^(?:(?:Deputy|Vice|Executive)[ -])?(?:Chairman|Chairwoman|President|Director|"
                      r"General Manager|Manager|Head|Secretary)\s+of\s+(?:the\s+)?"
                      r"((?:[A-Z][\w'’&-]*\s+){0,3}[A-Z][\w'’&-]*)$")
_SUFFIX = re.compile(r"\s+(?:Co\b|Company|Corp\b|Corporation|Ltd\b|Limited|Group|Inc\b|Holdings)")
_WORDISH = re.compile(r"[\w'’-]")


def company_title(text: str, title: str) -> bool:
    """Is the title a head's of a body the text names with a company suffix?"""
    m = _HEAD_OF.match(title.strip())
    if not m:
        return False
    body = m.group(1)
    return any(not (at and _WORDISH.match(text, at - 1)) and _SUFFIX.match(text, at + len(body))
               for at in starts(body, text))
