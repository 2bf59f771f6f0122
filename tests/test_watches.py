"""The watch-expression parser: valid trees, errors with a caret, canonical round-trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notifier.watches import (
    MAX_DEPTH,
    And,
    Not,
    Or,
    Term,
    WatchSyntaxError,
    parse_watch,
    validate_watches,
)


@pytest.mark.parametrize(("expr", "root"), [
    ("carbon", Term("carbon")),
    ("Carbon Steel", And((Term("Carbon"), Term("Steel")))),
    ('"Longshan Carbon"', Term("Longshan Carbon", phrase=True)),
    ("carb*", Term("carb", prefix=True)),
    ("coal OR steel", Or((Term("coal"), Term("steel")))),
    ("carbon -coal", And((Term("carbon"), Not(Term("coal"))))),
    ("(coal OR steel) Pingyin", And((Or((Term("coal"), Term("steel"))), Term("Pingyin")))),
    ("official:刘强", Term("刘强", "official")),
    ('org:"Co., Ltd."', Term("Co., Ltd.", "org", phrase=True)),
    ("place:(Pingyin OR 平阴)", Or((Term("Pingyin", "place"), Term("平阴", "place")))),
    ("topic:carbon -place:Laiwu", And((Term("carbon", "topic"), Not(Term("Laiwu", "place"))))),
    ("a or b", And((Term("a"), Term("or"), Term("b")))),  # only upper-case OR is the operator
    ("炭素 OR 石墨", Or((Term("炭素"), Term("石墨")))),
])
def test_valid_expressions(expr, root):
    assert parse_watch(expr).root == root


@pytest.mark.parametrize(("expr", "position", "message"), [
    ("(carbon", 0, "unbalanced parenthesis"),
    ("carbon)", 6, "unbalanced parenthesis"),
    ("a (b OR c", 2, "unbalanced parenthesis"),
    ('"Longshan Carbon', 0, "unbalanced quote"),
    ("", 0, "empty watch"),
    ("a OR", 4, "expected a word"),
    ("OR a", 0, "expected a word"),
    ("()", 1, "empty parentheses"),
    ("org:", 4, "right after org:"),
    ("a*b", 0, "'*' may only end a word"),
    ("-coal", 0, "needs a word to look for"),
    ("carbon OR -coal", 0, "needs a word to look for"),
    ("place:(a org:b)", 9, "a field inside"),
])
def test_invalid_expressions(expr, position, message):
    with pytest.raises(WatchSyntaxError) as caught:
        parse_watch(expr)
    assert caught.value.position == position
    assert message in caught.value.message


def test_error_shows_expression_and_caret():
    with pytest.raises(WatchSyntaxError) as caught:
        parse_watch("topic:carbon (Pingyin OR Laiwu")
    lines = str(caught.value).splitlines()
    assert lines[0] == "unbalanced parenthesis: '(' is never closed at position 14"
    assert lines[1] == "  topic:carbon (Pingyin OR Laiwu"
    assert lines[2] == "  " + " " * 13 + "^"


def test_caret_counts_wide_characters_twice():
    with pytest.raises(WatchSyntaxError) as caught:
        parse_watch("龙山 (炭素")
    assert str(caught.value).splitlines()[2] == "  " + " " * 5 + "^"


def test_validate_watches_lists_every_problem():
    problems = validate_watches(["carbon", "(a", "topic:nope"], topics={"carbon": ["carbon"]})
    assert problems == [
        "watch '(a': unbalanced parenthesis: '(' is never closed at position 1",
        "watch 'topic:nope': unknown topic 'nope' (known: carbon)",
    ]
    assert validate_watches(["topic:nope"]) == []  # no topics given: syntax only



@pytest.mark.parametrize(("field", "opener"), [("", "("), ("", "-("), ("", "-"), ("org:", "(")])
def test_deep_nesting_is_a_caret_error_not_a_recursion_error(field, opener):
    expr = field + opener * 2000 + "carbon" + ")" * (2000 * opener.count("("))
    with pytest.raises(WatchSyntaxError) as caught:
        parse_watch(expr)
    assert "nested too deep" in caught.value.message
    assert caught.value.position < len(field) + len(opener) * (MAX_DEPTH + 1)  # the first level too many
    assert str(caught.value).splitlines()[1] == f"  {expr}"
    assert validate_watches([expr])[0].startswith(f"watch {expr!r}: nested too deep")


def test_nesting_up_to_the_limit_parses():
    parsed = parse_watch("(" * MAX_DEPTH + "carbon" + ")" * MAX_DEPTH)
    assert str(parsed) == "carbon"
    assert str(parse_watch("a -" + "-" * (MAX_DEPTH - 2) + "b")).startswith("a -")

words = st.text(alphabet="abcxyz炭素平阴", min_size=1, max_size=6).filter(lambda w: w != "OR")
fields = st.sampled_from(["any", "official", "place", "org", "topic"])
terms = st.builds(lambda text, field, kind: Term(text, field, phrase=kind == "phrase",
                                                 prefix=kind == "prefix" and text[-1] in "abcxyz"),
                  st.one_of(words, st.builds(lambda a, b: f"{a} {b}", words, words)), fields,
                  st.sampled_from(["word", "phrase", "prefix"]),
                  ).filter(lambda t: t.phrase or " " not in t.text)


def _trees(children):
    return st.one_of(
        st.builds(Not, children),
        st.builds(lambda xs: And(tuple(xs)), st.lists(children, min_size=2, max_size=3)),
        st.builds(lambda xs: Or(tuple(xs)), st.lists(children, min_size=2, max_size=3)),
    )


@settings(max_examples=300, deadline=None)
@given(st.recursive(terms, _trees, max_leaves=8))
def test_canonical_form_round_trips(tree):
    text = str(tree)
    try:
        parsed = parse_watch(text)
    except WatchSyntaxError as exc:
        assert "needs a word to look for" in exc.message  # purely negative trees are refused
        return
    assert str(parsed) == text or parse_watch(str(parsed)).root == parsed.root
    assert str(parse_watch(str(parsed))) == str(parsed)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab炭 ()"-*:OR', max_size=20))
def test_any_text_parses_or_fails_cleanly(text):
    try:
        parsed = parse_watch(text)
    except WatchSyntaxError as exc:
        assert 0 <= exc.position <= len(text)
        assert text in str(exc)
    else:
        assert str(parse_watch(str(parsed))) == str(parsed)
