"""Rendering templates: the Jinja2 environment, the ``highlight`` filter, CSS inlining.

HTML templates are autoescaped (every name but ``*.txt.j2``); undefined
names raise (StrictUndefined). The HTML digest keeps its stylesheet in a
``<style>`` block for editing; :func:`render_digest` inlines it into
``style=""`` attributes (css_inline), which is what Gmail and Outlook honour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import css_inline
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from notifier.context import DigestContext
from notifier.text import highlight_regex

TEMPLATES = Path(__file__).with_name("templates")


def highlight(text: str, terms: list[str]) -> Markup:
    """``text`` escaped, with each of ``terms`` wrapped in ``<mark>``."""
    escaped = str(escape(text))
    pattern = highlight_regex([str(escape(t)) for t in terms])
    if pattern is None:
        return Markup(escaped)
    return Markup(pattern.sub(r"<mark>\g<0></mark>", escaped))


def _autoescape(name: str | None) -> bool:
    return not (name or "").endswith(".txt.j2")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=_autoescape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["highlight"] = highlight
    return env


@lru_cache(maxsize=1)
def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(keep_style_tags=False, keep_at_rules=True, load_remote_stylesheets=False)


def render_page(name: str, **context: Any) -> str:
    """A plain page (the unsubscribe pages), CSS inlined."""
    return str(_inliner().inline(environment().get_template(name).render(**context)))


@dataclass(frozen=True)
class RenderedDigest:
    subject: str
    text: str
    html: str


def render_digest(digest: DigestContext) -> RenderedDigest:
    env = environment()
    html = env.get_template("digest.html.j2").render(digest=digest)
    text = env.get_template("digest.txt.j2").render(digest=digest)
    return RenderedDigest(digest.subject, text, str(_inliner().inline(html)))
