"""The watch-expression language: parse a watch into a small tree.

Grammar (``OR`` binds looser than the implicit AND between neighbours)::

    watch   := or
    or      := and ("OR" and)*
    and     := unary+
    unary   := "-" unary | primary
    primary := "(" or ")" | [FIELD ":"] (WORD | "PHRASE" | "(" or ")")
    FIELD   := official | place | org | topic

Words and phrases without a field look everywhere in a visit. A word may end
in ``*`` (a Latin prefix). Every branch of the watch must look for something
(``-word`` alone would match nearly every visit), so ``-a`` and ``a OR -b``
are errors. Parentheses and ``-`` nest at most :data:`MAX_DEPTH` deep (a deeper
watch is an error at the first level too many, not a RecursionError).
``str(parse_watch(x))`` is a canonical form that parses back to the same tree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, cast

FIELDS = ("official", "place", "org", "topic")
MAX_DEPTH = 20  # levels of '(' and '-' in one watch; people write two or three
Field = Literal["any", "official", "place", "org", "topic", "topics"]  # topics: internal, see matching

_WORD = re.compile(r'[^\s()"]+')
_SPACE = re.compile(r"\s*")
_OR = re.compile(r"OR(?=[\s()\"]|$)")
_FIELD = re.compile(r"(official|place|org|topic):", re.IGNORECASE)


class WatchSyntaxError(ValueError):
    """A watch that does not parse; ``str()`` shows the expression with a caret under the position."""

    def __init__(self, expr: str, position: int, message: str) -> None:
        self.expr, self.position, self.message = expr, position, message
        super().__init__(str(self))

    def __str__(self) -> str:
        caret = " " * _display_width(self.expr[: self.position]) + "^"
        return f"{self.message} at position {self.position + 1}\n  {self.expr}\n  {caret}"


def _display_width(text: str) -> int:
    """Columns a terminal gives ``text``: CJK characters take two."""
    return sum(2 if "\u2e80" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uff60" else 1 for ch in text)


@dataclass(frozen=True)
class Term:
    """A word (``prefix`` when written ``word*``) or a quoted phrase, in one field."""

    text: str
    field: Field = "any"
    phrase: bool = False
    prefix: bool = False

    def __str__(self) -> str:
        body = f'"{self.text}"' if self.phrase else self.text + ("*" if self.prefix else "")
        return body if self.field == "any" else f"{self.field}:{body}"


@dataclass(frozen=True)
class Not:
    child: Node

    def __str__(self) -> str:
        return f"-{_wrap(self.child)}"


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]

    def __str__(self) -> str:
        return " ".join(_wrap(c) if isinstance(c, Or) else str(c) for c in self.children)


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]

    def __str__(self) -> str:
        return " OR ".join(str(c) for c in self.children)


Node = Term | Not | And | Or


def _wrap(node: Node) -> str:
    return str(node) if isinstance(node, Term) else f"({node})"


@dataclass(frozen=True)
class WatchExpr:
    """A parsed watch: the text as written and its tree."""

    text: str
    root: Node

    def __str__(self) -> str:
        return str(self.root)

    def terms(self) -> list[Term]:
        """Every term of the watch, left to right (negated ones included)."""
        found: list[Term] = []
        _collect(self.root, found)
        return found


def _collect(node: Node, found: list[Term]) -> None:
    if isinstance(node, Term):
        found.append(node)
    elif isinstance(node, Not):
        _collect(node.child, found)
    else:
        for child in node.children:
            _collect(child, found)


def is_positive(node: Node) -> bool:
    """True when a visit can only match ``node`` by containing one of its terms."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(is_positive(c) for c in node.children)
    return all(is_positive(c) for c in node.children)


class _Parser:
    def __init__(self, expr: str) -> None:
        self.expr, self.pos, self.depth = expr, 0, 0

    def fail(self, message: str, position: int | None = None) -> WatchSyntaxError:
        return WatchSyntaxError(self.expr, self.pos if position is None else position, message)

    def skip(self) -> None:
        if self.pos < len(self.expr) and self.expr[self.pos].isspace():
            self.pos = _SPACE.match(self.expr, self.pos).end()  # type: ignore[union-attr]

    def peek(self) -> str:
        self.skip()
        return self.expr[self.pos] if self.pos < len(self.expr) else ""

    def at_or(self) -> bool:
        self.skip()
        return self.expr.startswith("OR", self.pos) and _OR.match(self.expr, self.pos) is not None

    def parse(self) -> Node:
        if not self.peek():
            raise self.fail("empty watch: expected a word, a \"phrase\" or a field such as org:")
        node = self.parse_or()
        if self.peek() == ")":
            raise self.fail("unbalanced parenthesis: ')' without '('")
        return node

    def parse_or(self, field: Field = "any") -> Node:
        branches = [self.parse_and(field)]
        while self.at_or():
            self.pos += 2
            branches.append(self.parse_and(field))
        return branches[0] if len(branches) == 1 else Or(tuple(branches))

    def parse_and(self, field: Field) -> Node:
        items: list[Node] = []
        while (char := self.peek()) and char != ")" and not self.at_or():
            items.append(self.parse_unary(field))
        if not items:
            what = "end of watch" if not self.peek() else repr(self.expr[self.pos:self.pos + 2].strip())
            raise self.fail(f"expected a word, a \"phrase\" or '(' but found {what}")
        return items[0] if len(items) == 1 else And(tuple(items))

    def nest(self) -> None:
        """Enter one level of '(' or '-' at the current position; too deep is an error here."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"nested too deep: at most {MAX_DEPTH} levels of '(' and '-'")

    def parse_unary(self, field: Field) -> Node:
        if self.peek() == "-":
            self.nest()
            self.pos += 1
            if self.peek() in ("", ")") or self.expr[self.pos].isspace():
                raise self.fail("'-' must be followed by a word, a \"phrase\" or '('")
            node = Not(self.parse_unary(field))
            self.depth -= 1
            return node
        return self.parse_primary(field)

    def parse_primary(self, field: Field) -> Node:
        start = self.pos
        match = _FIELD.match(self.expr, self.pos)
        if match:
            if field != "any":
                raise self.fail(f"a field inside {field}:(...) is not allowed")
            field = cast(Field, match.group(1).lower())
            self.pos = match.end()
            if self.pos >= len(self.expr) or self.expr[self.pos].isspace():
                raise self.fail(f"expected a word, a \"phrase\" or '(' right after {match.group(0)}")
        char = self.expr[self.pos]
        if char == "(":
            return self.parse_group(field, start)
        if char == '"':
            return self.parse_phrase(field)
        return self.parse_word(field)

    def parse_group(self, field: Field, start: int) -> Node:
        self.nest()
        self.pos += 1
        if self.peek() == ")":
            raise self.fail("empty parentheses")
        node = self.parse_or(field)
        if self.peek() != ")":
            raise self.fail("unbalanced parenthesis: '(' is never closed", start)
        self.pos += 1
        self.depth -= 1
        return node

    def parse_phrase(self, field: Field) -> Node:
        end = self.expr.find('"', self.pos + 1)
        if end < 0:
            raise self.fail("unbalanced quote: '\"' is never closed")
        text = " ".join(self.expr[self.pos + 1:end].split())
        if not text:
            raise self.fail("empty phrase \"\"")
        self.pos = end + 1
        return Term(text, field, phrase=True)

    def parse_word(self, field: Field) -> Node:
        match = _WORD.match(self.expr, self.pos)
        assert match is not None  # peek() saw a character that is no space, quote or parenthesis
        word, start = match.group(0), self.pos
        self.pos = match.end()
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if not word or "*" in word:
            raise self.fail("'*' may only end a word, as in carb*", start)
        return Term(word, field, prefix=prefix)


def parse_watch(expr: str) -> WatchExpr:
    """Parse one watch; raise :class:`WatchSyntaxError` pointing at the problem."""
    root = _Parser(expr).parse()
    if not is_positive(root):
        raise WatchSyntaxError(expr, 0, "a watch needs a word to look for, not only '-word' exclusions")
    return WatchExpr(expr, root)


def validate_watches(watches: list[str], topics: Mapping[str, object] | None = None) -> list[str]:
    """The problems of ``watches`` (one message each); ``topics`` (a mapping) also checks topic: names."""
    problems: list[str] = []
    for watch in watches:
        try:
            parsed = parse_watch(watch)
        except WatchSyntaxError as exc:
            problems.append(f"watch {watch!r}: {exc.message} at position {exc.position + 1}")
            continue
        if topics is not None:
            for term in parsed.terms():
                if term.field == "topic" and term.text.lower() not in topics:
                    known = ", ".join(sorted(topics)) or "none"
                    problems.append(f"watch {watch!r}: unknown topic {term.text!r} (known: {known})")
    return problems
