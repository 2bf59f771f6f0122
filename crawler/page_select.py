"""One page parsed once, and the selectors of a CMS family or a source's config applied to it.

The page is a BeautifulSoup tree built by lxml's parser (``BeautifulSoup(html, "lxml")``);
CSS selectors run through ``soup.select`` (soupsieve), with parsel's ``::attr(name)`` and
``::text`` endings understood. BeautifulSoup cannot evaluate XPath, so a selector that
starts with ``/``, ``(`` or ``./`` (the README's "XPath when it starts with /") is evaluated
by lxml on the same HTML, parsed the first time such a selector is asked, so pages read with
CSS selectors only are parsed once.
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup, CData, NavigableString, Tag
from bs4.element import PreformattedString

Node: TypeAlias = Tag | str | lxml.etree._Element  # what a selector yields: an element or a string

_ENDING = re.compile(r"::(?:text|attr\(\s*([^)\s]+)\s*\))\s*$")
_META = re.compile(r'meta:is\(\[name="([^"]+)" i\], \[property="\1" i\]\)')
_SIMPLE = re.compile(r"([a-zA-Z][\w-]*)((?:[.#]-?[^\W\d][\w-]*)*)")  # a type with classes and ids
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_PART = re.compile(r"([.#])(-?[^\W\d][\w-]*)")  # a class or id: a CSS identifier


def meta(name: str) -> str:
    """A CSS selector for the content of ``<meta name|property=name>``, any letter case."""
    return f'meta:is([name="{name}" i], [property="{name}" i])::attr(content)'


def is_xpath(expr: str) -> bool:
    """Selectors from config are XPath when they look like one, CSS otherwise."""
    return expr.startswith(("/", "(", "./"))


def is_text(node: Any) -> bool:
    """A string of the page's text: not a comment, processing instruction or declaration."""
    return isinstance(node, NavigableString) and (not isinstance(node, PreformattedString)
                                                  or isinstance(node, CData))


class ParsedPage:
    """A page's HTML as a BeautifulSoup tree; as an lxml tree too once an XPath asks for it."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.soup = BeautifulSoup(html.replace("\x00", ""), "lxml")
        self._tree: lxml.etree._Element | None = None
        self._by_name: dict[str, list[Tag]] | None = None

    def tree(self) -> lxml.etree._Element:
        if self._tree is None:
            parser = lxml.html.HTMLParser(recover=True, encoding="utf8")
            markup = self.html.strip().replace("\x00", "").encode("utf8")
            self._tree = lxml.etree.fromstring(markup or b"<html/>", parser=parser)
            if self._tree is None:  # lxml finds no element in markup of comments or blanks only
                self._tree = lxml.html.Element("html")
        return self._tree

    def close(self) -> None:
        """Free the trees now: a BeautifulSoup tree is a web of references that would otherwise wait
        for the garbage collector, which then walks every long-lived object of the process."""
        self.soup.decompose()
        self._by_name, self._tree = None, None

    def tags_named(self, name: str) -> list[Tag]:
        """The page's elements of one tag name, in document order (the tree is walked once)."""
        if self._by_name is None:
            self._by_name = {}
            for tag in self.soup.descendants:
                if isinstance(tag, Tag):
                    self._by_name.setdefault(tag.name, []).append(tag)
        return self._by_name.get(name.lower(), [])

    def css(self, expr: str) -> list[Tag]:
        """The elements a CSS selector matches, in document order. A type with classes or ids, and a
        :func:`meta` selector, are answered from :meth:`tags_named` (the same elements soupsieve gives)."""
        if simple := _SIMPLE.fullmatch(expr):
            parts = _PART.findall(simple[2])
            return [tag for tag in self.tags_named(simple[1]) if all(
                value in tag.get_attribute_list("class") if kind == "." else tag.get("id") == value
                for kind, value in parts)]
        if named := _META.fullmatch(expr):
            key = named[1].translate(_ASCII_LOWER)
            return [tag for tag in self.tags_named("meta") if key in (
                str(tag.get("name", "")).translate(_ASCII_LOWER),
                str(tag.get("property", "")).translate(_ASCII_LOWER))]
        return list(self.soup.select(expr))

    def select(self, expr: str) -> list[Node]:
        """What ``expr`` matches, in document order."""
        if is_xpath(expr):
            found = self.tree().xpath(expr)
            return [n if isinstance(n, lxml.etree._Element) else str(n)
                    for n in (found if isinstance(found, list) else [found])]
        ending = _ENDING.search(expr)
        tags = self.css(expr[:ending.start()] if ending else expr)
        if ending is None:
            return list(tags)
        if ending[1] is None:  # ::text, the element's own text nodes
            return [str(s) for tag in tags for s in tag.children if is_text(s)]
        values = (tag.get(ending[1]) for tag in tags)
        return [" ".join(v) if isinstance(v, list) else v for v in values if v is not None]

    def first_text(self, *exprs: str) -> str:
        """The first non-empty string any of ``exprs`` yields (an element's text content),
        its whitespace collapsed."""
        for expr in exprs:
            for found in self.select(expr):
                text = " ".join(node_string(found).split())
                if text:
                    return text
        return ""


def node_string(node: Node) -> str:
    """An element's text content (every text node under it, as XPath's ``string()``), or the string."""
    if isinstance(node, str):
        return node
    if isinstance(node, Tag):
        return "".join(str(s) for s in node.descendants if is_text(s))
    return str(node.xpath("string()"))
