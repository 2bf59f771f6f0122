"""Verbs of going that put the visit wherever the next named region is."""

from __future__ import annotations

import re

# 赴吉林省长春市农安县围绕…开展考察, 走进水城区地质灾害搬迁点: right after one of these verbs a
# region written with its suffix is the place gone to, whatever the clause goes on with.
_GOING = re.compile(r"(?:赴|前往|来到|走进|深入到?|(?<![得达受遇看感做提收报直迟找想周回])到)$")
# 赴东阳市青松区考察: a division the gazetteer does not hold follows, so where the visit went is
# left to the rules that read the rest of the clause.
_UNKNOWN_DIVISION = re.compile(r"^[一-龥]{1,4}[区县旗]")


def after_going(before: str, after: str) -> bool:
    """Does the text before a region end with a verb of going, with no further division after it?"""
    return bool(_GOING.search(before)) and not _UNKNOWN_DIVISION.match(after)
