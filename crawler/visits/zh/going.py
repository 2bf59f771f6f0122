"""Verbs of going that put the visit wherever the next named region is."""

from __future__ import annotations

import re

# 赴吉林省长春市农安县围绕…开展考察, 走进水城区地质灾害搬迁点: right after one of these verbs a
# region written with its suffix is the place gone to, whatever the clause goes on with.
_GOING = re.compile(r"(?:赴|前往|来到|走进|深入到?)$")


def after_going(before: str) -> bool:
    """Does the text before a region end with a verb of going?"""
    return bool(_GOING.search(before))
