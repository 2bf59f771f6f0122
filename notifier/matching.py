"""Matching visits against every subscriber's watches at once.

:meth:`WatchIndex.build` parses each distinct watch once, expands ``topic:``
terms into their keywords, and puts every term's normalised pattern into one
Aho-Corasick automaton. Matching a visit scans each of its text segments
once; a watch is only evaluated when one of its *trigger* terms was found
(one required term of an AND, every branch of an OR), so the cost follows
the number of plausible watches, not the number of subscribers.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, cast

import ahocorasick

from core.stored_visits import StoredVisit
from notifier.romanize import person_keys, place_keys
from notifier.text import normalize, term_pattern
from notifier.watches import And, Node, Not, Or, Term, WatchSyntaxError, parse_watch

log = logging.getLogger(__name__)

SEGMENTS = ("official", "region", "org", "stop", "title", "emphasized", "topics", "official-key", "place-key")
_FIELD_SEGMENTS: dict[str, tuple[int, ...]] = {
    # A plain word looks only where the digest shows text: not in the topic tags (the crawler sets
    # them from the article's body, which the digest does not show), not through a transliteration.
    "any": tuple(range(6)),
    "official": (0,),
    "place": (1, 2, 3),
    "org": (2,),
    "topics": (6,),
    "official-key": (7,),
    "place-key": (8,),
}
# Field terms that also match across scripts, and the keys they use (see notifier.romanize).
_CROSS: dict[str, tuple[str, Callable[[str], tuple[str, ...]]]] = {
    "official": ("official-key", person_keys),
    "place": ("place-key", place_keys),
}


class HasWatches(Protocol):
    """What the index needs of a subscriber (a SubscriberRow fits)."""

    @property
    def id(self) -> int: ...

    @property
    def watches(self) -> list[str]: ...


@dataclass(frozen=True)
class Match:
    """One watch of one subscriber that matched a visit, with the terms that were found."""

    subscriber_id: int
    watch: str
    terms: tuple[str, ...]


def _people_names(stored: StoredVisit) -> list[str]:
    return [p.name for p in (*stored.visit.officials, *stored.visit.accompanying)]


def _place_names(stored: StoredVisit) -> list[str]:
    visit = stored.visit
    return list(dict.fromkeys([*visit.regions, *(s.region for s in visit.stops if s.region)]))


def _keyed(names: Iterable[str], keys: Callable[[str], tuple[str, ...]]) -> str:
    """Every key of ``names``, each between spaces, so a pattern " key " matches a whole key."""
    return " " + " ".join(k for name in names for k in keys(name)) + " "


_KEYED = ("official-key", "place-key")


def visit_segments(stored: StoredVisit, *, crossed: tuple[str, ...] = _KEYED) -> list[str]:
    """The normalised text of a visit, one string per entry of :data:`SEGMENTS`; of the cross-script
    key segments only those named in ``crossed`` are filled (place keys need the gazetteer)."""
    visit = stored.visit
    people = [*visit.officials, *visit.accompanying]
    return [
        normalize([p for o in people for p in (o.name, o.title)]),
        normalize([*visit.regions, *(s.region or "" for s in visit.stops)]),
        normalize([s.name for s in visit.stops if s.kind == "enterprise"]),
        normalize([s.name for s in visit.stops if s.kind != "enterprise"]),
        normalize([stored.title]),
        normalize(visit.emphasized),
        normalize(visit.topics),
        _keyed(_people_names(stored), person_keys) if "official-key" in crossed else "",
        _keyed(_place_names(stored), place_keys) if "place-key" in crossed else "",
    ]


def crossed_names(stored: StoredVisit, field_name: str, pattern: str) -> list[str]:
    """The visit's names behind a cross-script hit (the 刘强 that ``official:"Liu Qiang"`` found)."""
    names, keys = ((_people_names(stored), person_keys) if field_name == "official-key"
                   else (_place_names(stored), place_keys))
    return [name for name in names if pattern.strip() in keys(name)]


Evaluator = Callable[[set[int]], bool]
Shown = tuple[int, str, int]  # a positive term id, the term as written, the id of its literal form


@dataclass
class _Watch:
    text: str
    evaluate: Evaluator
    shown: list[Shown]  # positive term ids and how to show them
    owners: list[tuple[int, str]] = field(default_factory=list)  # subscriber id, watch as written


class _Compiler:
    """Turns watch trees into term ids, evaluators and trigger sets."""

    def __init__(self, topics: Mapping[str, Sequence[str]]) -> None:
        self.topics = {name.lower(): list(words) for name, words in topics.items()}
        self.term_ids: dict[tuple[str, str], int] = {}
        self.patterns: list[str] = []
        self.fields: list[str] = []
        self.problems: list[str] = []
        self._found: dict[Term, tuple[int, ...]] = {}  # a term -> its id and its cross-script keys' ids
        self._topics: dict[Term, Node] = {}  # a topic: term -> its expansion

    def term_id(self, field_name: str, pattern: str) -> int:
        key = (field_name, pattern)
        if key not in self.term_ids:
            self.term_ids[key] = len(self.patterns)
            self.patterns.append(pattern)
            self.fields.append(field_name)
        return self.term_ids[key]

    def expand(self, term: Term) -> Node:
        if term.field != "topic":
            return term
        known = self._topics.get(term)
        if known is not None:
            return known
        words = self.topics.get(term.text.lower())
        if words is None:
            self.problems.append(f"unknown topic {term.text!r}; matching it as a word")
            return Term(term.text, "any", term.phrase, term.prefix)
        options: list[Node] = [Term(w, "any", phrase=" " in w) for w in words]
        options.append(Term(term.text, "topics", term.phrase, term.prefix))
        expanded = self._topics[term] = Or(tuple(options))
        return expanded

    def found_by(self, term: Term) -> tuple[int, ...]:
        """The ids ``term`` is found by: its own first, then its cross-script keys' (none: no letters).
        Worked out once per distinct term of the index."""
        ids = self._found.get(term)
        if ids is None:
            pattern = term_pattern(term.text, prefix=term.prefix)
            ids = () if pattern is None else (self.term_id(term.field, pattern), *self.crossed(term))
            self._found[term] = ids
        return ids

    def compile(self, node: Node, shown: list[Shown], positive: bool) -> tuple[Evaluator, set[int]]:
        """An evaluator for ``node`` and the term ids that can trigger it."""
        if isinstance(node, Term):
            expanded = self.expand(node)
            if expanded is not node:
                return self.compile(expanded, shown, positive)
            ids = self.found_by(node)
            if not ids:
                return (lambda hits: False), set()
            tid = ids[0]
            if positive and node.field != "topics":  # a topic's tag is no text a reader can see
                shown.extend((i, node.text + ("*" if node.prefix else ""), tid) for i in ids)
            if len(ids) == 1:
                return (lambda hits: tid in hits), {tid}
            frozen = frozenset(ids)
            return (lambda hits: not frozen.isdisjoint(hits)), set(ids)
        if isinstance(node, Not):
            inner, _ = self.compile(node.child, shown, not positive)
            return (lambda hits: not inner(hits)), set()
        parts = [self.compile(c, shown, positive) for c in node.children]
        funcs = [f for f, _ in parts]
        if isinstance(node, Or):
            return (lambda hits: any(f(hits) for f in funcs)), set().union(*(t for _, t in parts))
        triggers = min((t for _, t in parts if t), key=self.cost, default=set())
        return (lambda hits: all(f(hits) for f in funcs)), triggers

    def crossed(self, term: Term) -> list[int]:
        """The term ids of a field term's cross-script keys (none for a prefix or a plain word)."""
        cross = _CROSS.get(term.field)
        if cross is None or term.prefix:
            return []
        field_name, keys = cross
        return [self.term_id(field_name, f" {key} ") for key in keys(term.text)]

    def cost(self, trigger_ids: Iterable[int]) -> tuple[int, int]:
        """Fewer, longer, non-prefix trigger patterns make fewer candidates (a cross-script key adds
        none: it is a whole name, found only where its literal form would mostly be)."""
        patterns = [self.patterns[tid] for tid in trigger_ids if self.fields[tid] not in _KEYED]
        return len(patterns), -min((len(p) - 4 * (not p.endswith(" ")) for p in patterns), default=0)

    def ids_of(self, term: Term, shown: list[Shown] | None) -> set[int]:
        """The ids ``term`` is found by (a topic: its keywords' and its tag's); with ``shown``, how
        each found term is shown, as :meth:`compile` records a positive term."""
        expanded = self.expand(term)
        ids: set[int] = set()
        for option in expanded.children if isinstance(expanded, Or) else (expanded,):
            assert isinstance(option, Term)  # a topic expands to an OR of terms
            found = self.found_by(option)
            if shown is not None and found and option.field != "topics":
                shown.extend((i, option.text + ("*" if option.prefix else ""), found[0]) for i in found)
            ids.update(found)
        return ids

    def compile_root(self, root: Node, shown: list[Shown]) -> tuple[Evaluator, set[int]]:
        """Like :meth:`compile`; for the usual shape (an AND of terms, ORs of terms and -terms) the
        evaluator is set operations, and each term is looked at once."""
        children = root.children if isinstance(root, And) else (root,)
        groups: list[frozenset[int]] = []
        excluded: set[int] = set()
        for child in children:
            negated = isinstance(child, Not)
            inner = child.child if isinstance(child, Not) else child
            options = inner.children if isinstance(inner, Or) else (inner,)
            if not all(isinstance(o, Term) for o in options):
                return self.compile(root, shown, True)
        for child in children:
            negated = isinstance(child, Not)
            inner = child.child if isinstance(child, Not) else child
            options = inner.children if isinstance(inner, Or) else (inner,)
            ids = set().union(*(self.ids_of(cast(Term, o), None if negated else shown) for o in options))
            if negated:
                excluded.update(ids)
            else:
                groups.append(frozenset(ids))
        found = [g for g in groups if g]
        triggers = set(min(found, key=self.cost)) if found else set()
        exclude = frozenset(excluded)
        if len(groups) == 1 and not exclude:
            only = groups[0]
            return (lambda hits: not only.isdisjoint(hits)), triggers
        return (lambda hits: exclude.isdisjoint(hits)
                and all(not g.isdisjoint(hits) for g in groups)), triggers


class WatchIndex:
    """Every watch of every subscriber, ready to match visits."""

    def __init__(self, compiler: _Compiler, watches: list[_Watch], triggers: dict[int, list[int]],
                 canonical: dict[str, str] | None = None) -> None:
        self._watches, self._triggers = watches, triggers
        self._crossed = {tid: (name, compiler.patterns[tid]) for tid, name in enumerate(compiler.fields)
                         if name in _KEYED}
        self._crossed_fields = tuple({name for name, _ in self._crossed.values()})
        self.problems = compiler.problems
        self.canonical = canonical or {}  # each watch as written that parsed -> its canonical text
        self._segment_terms: dict[str, list[tuple[int, ...]]] = defaultdict(lambda: [()] * len(SEGMENTS))
        for (field_name, pattern), tid in compiler.term_ids.items():
            per_segment = self._segment_terms[pattern]
            for seg in _FIELD_SEGMENTS[field_name]:
                per_segment[seg] = (*per_segment[seg], tid)
        self._automaton = ahocorasick.Automaton()
        for pattern in self._segment_terms:
            self._automaton.add_word(pattern, pattern)
        if self._segment_terms:
            self._automaton.make_automaton()

    @classmethod
    def build(cls, subscribers: Iterable[HasWatches], topics: Mapping[str, Sequence[str]]) -> WatchIndex:
        """Index the watches of ``subscribers``; watches that do not parse are skipped and reported."""
        compiler = _Compiler(topics)
        by_text: dict[str, _Watch] = {}
        triggers: dict[int, list[int]] = defaultdict(list)
        canonical: dict[str, str] = {}
        for subscriber in subscribers:
            for text in subscriber.watches:
                key = canonical.get(text, "")
                if not key:
                    try:
                        expr = parse_watch(text)
                    except WatchSyntaxError as exc:
                        compiler.problems.append(f"subscriber {subscriber.id}: {exc.message} in {text!r}")
                        continue
                    key = canonical[text] = str(expr)
                if key not in by_text:
                    shown: list[Shown] = []
                    evaluate, trigger_ids = compiler.compile_root(expr.root, shown)
                    by_text[key] = _Watch(key, evaluate, shown)
                    for tid in trigger_ids:
                        triggers[tid].append(len(by_text) - 1)
                by_text[key].owners.append((subscriber.id, text))
        return cls(compiler, list(by_text.values()), triggers, canonical)

    def __len__(self) -> int:
        return len(self._watches)

    def hits(self, stored: StoredVisit) -> set[int]:
        """The term ids found in ``stored``."""
        found: set[int] = set()
        if not self._segment_terms:
            return found
        for seg, text in enumerate(visit_segments(stored, crossed=self._crossed_fields)):
            for _end, pattern in self._automaton.iter(text):
                found.update(self._segment_terms[pattern][seg])
        return found

    def _matching(self, hits: set[int]) -> Iterator[_Watch]:
        """The watches that the term ids ``hits`` satisfy, in index order."""
        candidates = {w for tid in hits for w in self._triggers.get(tid, ())}
        for position in sorted(candidates):
            watch = self._watches[position]
            if watch.evaluate(hits):
                yield watch

    def match(self, stored: StoredVisit) -> list[Match]:
        """Every (subscriber, watch) that matches ``stored``, with the terms found."""
        hits = self.hits(stored)
        matches: list[Match] = []
        for watch in self._matching(hits):
            terms = tuple(dict.fromkeys(found for tid, text, literal in watch.shown
                                        if tid in hits and (tid == literal or literal not in hits)
                                        for found in self._shown(stored, tid, text)))
            matches.extend(Match(sid, written, terms) for sid, written in watch.owners)
        return matches

    def owners(self, stored: StoredVisit) -> list[tuple[int, str]]:
        """(subscriber id, watch as written) of every watch matching ``stored``, in the order of
        :meth:`match`, without the terms found: what queueing needs."""
        return [owner for watch in self._matching(self.hits(stored)) for owner in watch.owners]

    def _shown(self, stored: StoredVisit, tid: int, text: str) -> list[str]:
        """How a found term is shown: as written, or for a cross-script hit the visit's own name."""
        crossed = self._crossed.get(tid)
        return [text] if crossed is None else crossed_names(stored, *crossed)


class RunMatcher:
    """The watches of a run's subscribers in one :class:`WatchIndex`; each visit is matched once.

    A subscriber's matches come out in the order its own index would give them (its watches by
    first appearance of their canonical text), so sharing the index changes nothing in a digest.
    """

    def __init__(self, subscribers: Iterable[HasWatches], topics: Mapping[str, Sequence[str]]) -> None:
        self.index = WatchIndex.build(subscribers, topics)
        self._by_visit: dict[int, dict[int, list[Match]]] = {}
        self._rank: dict[int, dict[str, int]] = {}

    def _ranks(self, subscriber: HasWatches) -> dict[str, int]:
        ranks = self._rank.get(subscriber.id)
        if ranks is None:
            canonical = self.index.canonical
            order: dict[str, int] = {}
            for text in subscriber.watches:
                if text in canonical:
                    order.setdefault(canonical[text], len(order))
            ranks = self._rank[subscriber.id] = {text: order[canonical[text]]
                                                 for text in subscriber.watches if text in canonical}
        return ranks

    def match(self, subscriber: HasWatches, stored: StoredVisit) -> list[Match]:
        per_subscriber = self._by_visit.get(stored.id)
        if per_subscriber is None:
            per_subscriber = self._by_visit[stored.id] = defaultdict(list)
            for match in self.index.match(stored):
                per_subscriber[match.subscriber_id].append(match)
        matches = per_subscriber.get(subscriber.id, [])
        if len(matches) > 1:
            ranks = self._ranks(subscriber)
            matches = sorted(matches, key=lambda m: ranks[m.watch])
        return matches


@dataclass(frozen=True)
class _One:
    id: int
    watches: list[str]


def filter_visits(visits: Iterable[StoredVisit], expression: str,
                  topics: Mapping[str, Sequence[str]]) -> list[StoredVisit]:
    """The visits matching one watch expression (raises WatchSyntaxError when it does not parse)."""
    parse_watch(expression)
    index = WatchIndex.build([_One(0, [expression])], topics)
    return [v for v in visits if index.match(v)]
