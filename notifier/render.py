"""Rendering templates: the Jinja2 environment, the ``highlight`` filter, CSS inlining.

HTML templates are autoescaped (every name but ``*.txt.j2``); undefined
names raise (StrictUndefined). The HTML digest keeps its stylesheet in a
``<style>`` block for editing; :func:`render_digest` inlines it into
``style=""`` attributes (css_inline), which is what Gmail and Outlook honour.

``digest.*.j2`` draw each visit with ``digest_visit.*.j2`` and its matched
watches with ``digest_matched.*.j2``. A run sends the same visits to many
subscribers, so :class:`DigestRenderer` renders and inlines each visit once,
with numbered stand-ins where the subscriber's highlighting and matched
watches go, and fills them in per message (escaped text and ``<mark>`` tags
need no parser). The page around the visits is inlined per message. The
result is byte for byte what inlining the whole page gives
(tests/test_digest_render.py); text that could parse differently (control
characters, the stand-ins' private-use characters) takes the whole-page path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import css_inline
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from notifier.context import DigestContext, VisitView, WatchHit
from notifier.labels import EN, Labels
from notifier.prose import wrap
from notifier.text import Highlighter

TEMPLATES = Path(__file__).with_name("templates")


def highlight(text: str, terms: list[str]) -> Markup:
    """``text`` escaped, with each of ``terms`` wrapped in ``<mark>``."""
    escaped = str(escape(text))
    return Markup(Highlighter([str(escape(t)) for t in terms]).sub(escaped, "<mark>", "</mark>"))


def _autoescape(name: str | None) -> bool:
    return not (name or "").endswith(".txt.j2")


def _new_environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=_autoescape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["highlight"] = highlight
    env.filters["wrap"] = wrap
    return env


def _new_inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(keep_style_tags=False, keep_at_rules=True, load_remote_stylesheets=False)


environment = lru_cache(maxsize=1)(_new_environment)  # digests: used by one digest run at a time
_inliner = lru_cache(maxsize=1)(_new_inliner)
# The unsubscribe pages have their own: the HTTP server's threads never hold a lock (Jinja2's
# template cache) that a digest worker forked from the digest thread would then wait for.
_page_environment = lru_cache(maxsize=1)(_new_environment)
_page_inliner = lru_cache(maxsize=1)(_new_inliner)


def render_page(name: str, **context: Any) -> str:
    """A plain page (the unsubscribe pages), CSS inlined; ``labels`` (English unless given) has its words."""
    context.setdefault("labels", EN)
    return str(_page_inliner().inline(_page_environment().get_template(name).render(**context)))


@dataclass(frozen=True)
class RenderedDigest:
    subject: str
    text: str
    html: str


_HIGHLIGHT = re.compile("\ue000([0-9]+)\ue001")  # stand-in for the i-th highlighted text of a visit
_MATCHED = "\ue002"  # stand-in for the matched watches
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ue000-\ue002]")
_TAG = re.compile("(</?(?:mark|code)>)")
_ESCAPED = re.compile(r"(?:[^&<>]|&(?:amp|lt|gt|#34|#39);)*")
_PLACEHOLDER = re.compile("<!--iw:visit:([0-9]+)-->")
_BLOCK = re.compile("<!--iw:start-->(.*)<!--iw:end-->", re.DOTALL)


class _NotPlain(Exception):
    """Highlighting that splits an escape: that message takes the whole-page path."""


def _stylesheet() -> str:
    source = (TEMPLATES / "digest.html.j2").read_text(encoding="utf-8")
    match = re.search(r"<style>.*?</style>", source, re.DOTALL)
    assert match is not None, "digest.html.j2 has no <style> block"
    return match.group(0)


def _in_page(fragment: str) -> str:
    """``fragment`` inlined where visits sit in digest.html.j2 (same ancestors, same stylesheet)."""
    page = (f"<!DOCTYPE html><html><head>{_stylesheet()}</head><body><table class=\"outer\"><tr><td>"
            f"<table class=\"wrap\"><tr><td class=\"body\"><!--iw:start-->{fragment}<!--iw:end-->"
            "</td></tr></table></td></tr></table></body></html>")
    match = _BLOCK.search(str(_inliner().inline(page)))
    assert match is not None
    return match.group(1)


def _view_key(view: VisitView) -> tuple[object, ...]:
    return (view.anchor, view.heading, view.title, view.url, view.source, view.date, view.language,
            tuple(view.officials), tuple(view.accompanying), tuple(view.regions), tuple(view.stops),
            tuple(view.places), tuple(view.co_leads), tuple(view.sources), tuple(view.emphasized),
            view.labels.language)


def _strings(digest: DigestContext) -> list[str]:
    found = [digest.subject, digest.email, digest.generated, *digest.watches]
    found += [x for line in digest.summary for x in (line.anchor, line.day, line.text)]
    for day in digest.days:
        for group in day.officials:
            for v in group.visits:
                found += [v.anchor, v.heading, v.title, v.url or "", v.source, v.date, v.language,
                          *v.regions, *v.emphasized]
                found += [x for s in v.sources for x in (s.title, s.site, s.url or "")]
                found += v.terms
                found += [x for p in (*v.officials, *v.accompanying) for x in (p.name, p.title)]
                found += [x for s in v.stops for x in (s.name, s.kind, s.region)]
                found += [x for m in v.matches for x in (m.watch, *m.terms)]
    return found


class DigestRenderer:
    """Renders digests, each visit (and each list of matched watches) once per renderer."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._html: dict[tuple[object, ...], tuple[str, list[str]]] = {}
        self._text: dict[tuple[object, ...], str] = {}
        self._matched: dict[tuple[object, ...], tuple[str, str]] = {}
        self._marked: dict[tuple[object, ...], str] = {}  # (visit, terms) -> block with its highlighting
        mark, code = re.findall("<(?:mark|code)[^>]*>", _in_page(
            '<div class="visit"><p class="matched"><mark>m</mark><code>c</code></p></div>'))
        self._tags = {"<mark>": mark, "</mark>": "</mark>", "<code>": code, "</code>": "</code>"}
        self._deferred = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=_autoescape,
                                     undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                     keep_trailing_newline=True)
        self._texts: list[str] = []
        self._deferred.filters["highlight"] = self._stand_in
        self._deferred.filters["wrap"] = wrap

    def _stand_in(self, text: str, terms: Sequence[str]) -> Markup:
        self._texts.append(str(escape(text)))
        return Markup(f"\ue000{len(self._texts) - 1}\ue001")

    def render(self, digest: DigestContext) -> RenderedDigest:
        if _UNSAFE.search(" ".join(_strings(digest))):
            return _render_page(digest)
        if len(self._html) + len(self._matched) + len(self._marked) > self.limit:
            for cache in (self._html, self._text, self._matched, self._marked):
                cache.clear()
        views: list[VisitView] = []

        def placeholder(view: VisitView) -> Markup:
            views.append(view)
            return Markup(f"<!--iw:visit:{len(views) - 1}-->")

        env = environment()
        page = env.get_template("digest.html.j2").render(digest=digest, visit_html=placeholder)
        try:
            blocks = [self._visit_html(v) for v in views]
        except _NotPlain:
            return _render_page(digest)
        html = _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], str(_inliner().inline(page)))
        text = env.get_template("digest.txt.j2").render(digest=digest, visit_text=self._visit_text)
        return RenderedDigest(digest.subject, text, html)

    def _matched_pair(self, matches: Sequence[WatchHit], labels: Labels) -> tuple[str, str]:
        key: tuple[object, ...] = (*matches, labels.language)
        if key not in self._matched:
            env = environment()
            html = env.get_template("digest_matched.html.j2").render(matches=matches, labels=labels)
            text = env.get_template("digest_matched.txt.j2").render(matches=matches, labels=labels)
            self._matched[key] = (self._serialise(html), text)
        return self._matched[key]

    def _serialise(self, html: str) -> str:
        """What inlining makes of escaped text with <mark> and <code> tags (html5ever's serialiser)."""
        out = []
        for piece in _TAG.split(html):
            if piece in self._tags:
                out.append(self._tags[piece])
            elif not _ESCAPED.fullmatch(piece):
                raise _NotPlain(piece)
            else:
                out.append(piece.replace("&#34;", '"').replace("&#39;", "'").replace("\xa0", "&nbsp;"))
        return "".join(out)

    def _visit_html(self, view: VisitView) -> str:
        key = _view_key(view)
        if key not in self._html:
            self._texts = []
            block = self._deferred.get_template("digest_visit.html.j2").render(
                visit=view, matched_html=lambda matches, labels: _MATCHED)
            self._html[key] = (_in_page(block[:-1]), self._texts)
        terms = tuple(view.terms)
        marked_block = self._marked.get((key, terms))
        if marked_block is None:
            block, texts = self._html[key]
            found = Highlighter([str(escape(t)) for t in terms])
            marked = [self._serialise(found.sub(t, "<mark>", "</mark>")) for t in texts]
            marked_block = _HIGHLIGHT.sub(lambda m: marked[int(m.group(1))], block)
            self._marked[(key, terms)] = marked_block
        return marked_block.replace(_MATCHED, self._matched_pair(view.matches, view.labels)[0])

    def _visit_text(self, view: VisitView) -> str:
        key = _view_key(view)
        if key not in self._text:
            block = environment().get_template("digest_visit.txt.j2").render(
                visit=view, matched_text=lambda matches, labels: _MATCHED)
            self._text[key] = block[:-1]
        return self._text[key].replace(_MATCHED, self._matched_pair(view.matches, view.labels)[1])


def _render_page(digest: DigestContext) -> RenderedDigest:
    """The reference path: every visit drawn with its highlighting, then the whole page inlined."""
    env = environment()

    def visit_html(view: VisitView) -> Markup:
        block = env.get_template("digest_visit.html.j2").render(visit=view, matched_html=matched_html)
        return Markup(block[:-1])

    def matched_html(matches: Sequence[WatchHit], labels: Labels) -> Markup:
        return Markup(env.get_template("digest_matched.html.j2").render(matches=matches, labels=labels))

    def visit_text(view: VisitView) -> str:
        return env.get_template("digest_visit.txt.j2").render(visit=view, matched_text=matched_text)[:-1]

    def matched_text(matches: Sequence[WatchHit], labels: Labels) -> str:
        return env.get_template("digest_matched.txt.j2").render(matches=matches, labels=labels)

    html = env.get_template("digest.html.j2").render(digest=digest, visit_html=visit_html)
    text = env.get_template("digest.txt.j2").render(digest=digest, visit_text=visit_text)
    return RenderedDigest(digest.subject, text, str(_inliner().inline(html)))


@lru_cache(maxsize=1)
def _default_renderer() -> DigestRenderer:
    return DigestRenderer()


def render_digest(digest: DigestContext, renderer: DigestRenderer | None = None) -> RenderedDigest:
    """The digest's subject, text and CSS-inlined HTML (``renderer`` keeps its visits across calls)."""
    return (renderer or _default_renderer()).render(digest)
