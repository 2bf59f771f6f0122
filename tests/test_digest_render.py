"""Rendering the digest: golden files, escaping, safe links, subjects and headers.

Regenerate the golden files after an intended template change, then look at the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_digest_render.py
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import datetime
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from samples import SAMPLE_TOPICS, sample_articles

from core.config import DigestSettings, SmtpSettings
from core.stored_visits import StoredVisit
from notifier.compose import (
    DigestItem,
    build_context,
    make_subject,
    safe_url,
    short_name,
    site_name,
    visit_view,
)
from notifier.matching import Match, WatchIndex
from notifier.message import build_message, header_value
from notifier.render import highlight, render_digest
from notifier.unsubscribe import make_token, unsubscribe_links

GOLDEN = Path(__file__).parent / "fixtures" / "digest"
NOW = datetime(2023, 3, 30, 0, 0)
WATCHES = ["topic:carbon", "place:Pingyin", 'official:"Yu Haitian"']


def sample_items() -> list[DigestItem]:
    visits = [StoredVisit(i + 1, a.visits[0], a.url, a.title, a.published, a.source, a.language, NOW)
              for i, a in enumerate(sample_articles())]

    class Sub:
        id, watches = 1, WATCHES

    index = WatchIndex.build([Sub()], SAMPLE_TOPICS)
    return [DigestItem(v, index.match(v)) for v in visits]


def sample_context(items=None, language=None):
    links = unsubscribe_links(DigestSettings(base_url="https://iw.example.org"),
                              SmtpSettings(sender="inspectwatch <digest@iw.example.org>"),
                              make_token("golden-secret", 1, "ana@example.org"), language or "en")
    return build_context(email="ana@example.org", frequency="daily", timezone="Asia/Shanghai",
                         watches=WATCHES, items=sample_items() if items is None else items, now=NOW,
                         unsubscribe_url=links.https, unsubscribe_mailto=links.mailto,
                         language=language), links


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_rendered_digest_matches_golden_file(suffix, language):
    rendered = render_digest(sample_context(language=language)[0])
    output = rendered.html if suffix == "html" else rendered.text
    path = GOLDEN / f"sample-digest{'' if language == 'en' else '-zh'}.{suffix}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8"), f"regenerate with UPDATE_GOLDEN=1 if intended: {path}"


def test_grouping_by_date_then_official():
    context = sample_context()[0]
    assert [d.date for d in context.days] == ["2023-03-29", "2023-03-27"]
    assert [g.name for g in context.days[0].officials] == ["Liu Qiang", "刘强"]
    assert context.subject == "Liu Qiang inspected Longshan Carbon (Pingyin) + 2 more"
    assert context.generated == "30 March 2023 08:00 Asia/Shanghai (UTC+8)"  # not "CST": China or US?


def test_highlight_escapes_everything_else():
    marked = highlight("<script>carbon</script> & Carbonate, 龙山炭素", ["carbon", "炭素"])
    assert str(marked) == ("&lt;script&gt;<mark>carbon</mark>&lt;/script&gt; &amp; Carbonate, "
                           "龙山<mark>炭素</mark>")
    assert str(highlight("Carbonate", ["carb*"])) == "<mark>Carbonate</mark>"


@pytest.mark.parametrize(("url", "safe"), [
    ("https://www.jinan.gov.cn/art/1.html", True), ("http://example.org/a?b=c", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("data:text/html,<b>x</b>", False),
    ("//evil.example/x", False), ("https://ex.example/a\r\nb", False), ("vbscript:msgbox", False),
    ("", False),
])
def test_only_http_links_survive(url, safe):
    assert (safe_url(url) is not None) == safe


def test_short_names_for_the_subject():
    assert short_name("Pingyin Longshan Carbon Co., Ltd.", ["Pingyin County"]) == "Longshan Carbon"
    assert short_name("平阴龙山炭素有限公司", ["平阴县"]) == "龙山炭素"
    assert short_name("Laiwu Steel Group", ["Laiwu District"]) == "Laiwu Steel"
    assert short_name("Jiyang District Flood Control Command Center", ["Jiyang District"]) == (
        "Flood Control Command Center")


@pytest.mark.parametrize(("url", "source", "site"), [
    ("https://www.jinan.gov.cn/art/1.html", "jinan-en", "jinan.gov.cn"),
    ("http://127.0.0.1:8080/art/1.html", "jinan-en", "jinan-en"),  # no domain name: the source's name
    ("http://localhost/a", "jinan-zh", "jinan-zh"),
    (None, "jinan-zh", "jinan-zh"),
])
def test_sources_are_named_by_site(url, source, site):
    assert site_name(url, source) == site


def test_long_subjects_are_cut_and_folded_and_headers_stay_single_lines():
    view = visit_view(sample_items()[1])
    many = [replace(view, regions=[f"Region number {i}"], stops=[], terms=[]) for i in range(20)]
    subject = make_subject(many)
    assert subject == "Yu Haitian inspected Region number 0 + 19 more"
    context, links = sample_context()
    rendered = render_digest(context)
    evil = rendered.__class__("Visit\r\nBcc: x@y.example\x00\x1b[31m " + "很长的标题" * 60,
                              rendered.text, rendered.html)
    message = build_message(evil, sender="inspectwatch <digest@iw.example.org>", to="ana@example.org",
                            links=links, now=NOW)
    raw = message.as_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    lines = head.split(b"\r\n")
    assert all(len(line) <= 998 for line in lines)
    assert all(len(line) <= 78 for line in lines if not line.startswith((b" <", b"List-Unsubscribe:")))
    assert len([line for line in lines if line.startswith(b" =?utf-8?")]) > 5  # the subject was folded
    assert b"\r\nBcc:" not in head
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"].startswith("Visit Bcc: x@y.example [31m 很长的标题")
    assert parsed["Bcc"] is None
    assert header_value("a\r\nb\tc\u2028d") == "a b c d"


def test_make_subject_singular():
    view = visit_view(DigestItem(sample_items()[1].visit, [Match(1, "steel", ("steel",))]))
    assert make_subject([view]) == "Yu Haitian inspected Laiwu Steel (Laiwu)"


def test_summary_links_each_card_in_order():
    context = sample_context()[0]
    html = render_digest(context).html
    assert [line.text for line in context.summary] == [
        "Liu Qiang inspected Longshan Carbon (Pingyin)", "刘强 inspected 龙山炭素 (平阴)",
        "Yu Haitian inspected Laiwu Steel (Laiwu)"]
    for line in context.summary:
        assert f'href="#{line.anchor}"' in html and f'id="{line.anchor}"' in html
    cards = [v.anchor for day in context.days for group in day.officials for v in group.visits]
    assert [line.anchor for line in context.summary] == cards


def test_cards_do_not_repeat_what_their_headings_say():
    rendered = render_digest(sample_context()[0])
    html = re.sub(' style="[^"]*"', "", rendered.html)
    for label in ("Date:", "Led by:", "Where:"):
        assert label not in rendered.text and label not in rendered.html
    # the region heads the card and its stops, not every stop
    stops = "  Laiwu Steel Group (enterprise), Jinan International Logistics Park (project)\n"
    assert "\n* Laiwu District\n" + stops in rendered.text
    assert "  平阴县: 平阴龙山炭素有限公司 (enterprise), 泉福小江南项目 (project)\n" in rendered.text
    # links are named by the article's title and site, not shown as raw URLs
    assert ('href="https://www.jinan.gov.cn/art/2023/3/28/art_1_2.html">'
            "Mayor <mark>Yu Haitian</mark> inspects steel and logistics projects in Laiwu District</a>"
            " · jinan.gov.cn") in html
    assert ">https://" not in html


def test_plain_text_is_wrapped_at_78_columns():
    from notifier.prose import columns

    long_zh = replace(sample_items()[2].visit, id=7, visit=replace(
        sample_items()[2].visit.visit, emphasized=["他强调，要延伸炭素产业链条，推动高质量发展。" * 15]))
    items = [*sample_items(), DigestItem(long_zh, sample_items()[2].matches)]
    text = render_digest(sample_context(items)[0]).text
    for line in text.splitlines():
        assert columns(line) <= 78 or line.strip().startswith("https://"), line
    assert "\n  > 他强调" in text and "…" in text


def test_each_card_shows_the_sentences_that_matched():
    """A term found in the fourth quote shows that quote, highlighted; a Chinese keyword behind an
    English topic is highlighted in the Chinese quote."""
    en, _, zh = sample_items()
    said = ["Work must go on.", "Plans were made.", "Roads were built.", "Graphite output must double."]
    deep = replace(en.visit, visit=replace(en.visit.visit, emphasized=said))
    index = WatchIndex.build([type("Sub", (), {"id": 1, "watches": ["graphite"]})()], SAMPLE_TOPICS)
    view = visit_view(DigestItem(deep, index.match(deep)))
    assert view.emphasized == ["Graphite output must double."]
    unmatched = visit_view(DigestItem(deep, []))
    assert unmatched.emphasized == said[:2]
    html = re.sub(' style="[^"]*"', "", render_digest(sample_context()[0]).html)
    assert "他强调，要延伸<mark>炭素</mark>产业链条" in html


def test_the_reason_is_written_for_people():
    items = sample_items()
    topical = [DigestItem(items[0].visit, [Match(1, "topic:new-energy OR topic:carbon", ("graphite",))])]
    rendered = render_digest(sample_context(topical)[0])
    html = re.sub(' style="[^"]*"', "", rendered.html)
    assert "Matches your watch <code>new energy OR carbon</code>: <mark>graphite</mark>" in html
    assert "Matches your watch “new energy OR carbon”: graphite" in rendered.text
    cards_html, cards_text = html.split('<td class="foot">')[0], rendered.text.split("\n--")[0]
    assert "new-energy" not in cards_html and "topic:" not in cards_text


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_whole_page_path_matches_golden_file(suffix, language):
    from notifier.render import _render_page

    rendered = _render_page(sample_context(language=language)[0])
    output = rendered.html if suffix == "html" else rendered.text
    name = f"sample-digest{'' if language == 'en' else '-zh'}.{suffix}"
    assert output == (GOLDEN / name).read_text(encoding="utf-8")


def test_shared_visit_blocks_give_the_whole_page_bytes():
    """The renderer's per-visit cache and highlight pass equal inlining each page whole, for many digests."""
    import random

    from notifier.render import DigestRenderer, _render_page

    base = sample_items()
    odd = replace(base[0].visit, title="O'Brien & \"Sons\" <b>carbon</b>\xa0Pingyin 39 amp", url=None)
    items = [*base, DigestItem(odd, [Match(1, 'carbon "x" & <y>', ("carbon", "39", "amp", "Pingyin"))])]
    rng = random.Random(7)
    renderer = DigestRenderer()
    renderer.render(sample_context()[0])
    assert renderer._html, "the sample digest takes the shared-block path"
    for _ in range(30):
        chosen = [DigestItem(i.visit, rng.sample(list(i.matches), rng.randint(0, len(i.matches))))
                  for i in rng.sample(items, rng.randint(1, len(items)))]
        context = sample_context(chosen)[0]
        assert renderer.render(context) == _render_page(context)


def test_view_cache_gives_the_same_contexts():
    """Views and headlines shared across a run's digests: the same context as building each alone."""
    import random

    from notifier.compose import ViewCache

    items = sample_items()
    rng = random.Random(11)
    cache = ViewCache(limit=5)  # small: the cache is also emptied along the way
    links = sample_context()[1]
    for _ in range(40):
        chosen = [DigestItem(i.visit, rng.sample(list(i.matches), rng.randint(0, len(i.matches))))
                  for i in rng.sample(items, rng.randint(1, len(items)))]
        args = dict(email="ana@example.org", frequency="daily", timezone="Asia/Shanghai", watches=WATCHES,
                    items=chosen, now=NOW, unsubscribe_url=links.https, unsubscribe_mailto=links.mailto)
        cached = build_context(**args, cache=cache)
        assert cached == build_context(**args)
        assert render_digest(cached) == render_digest(build_context(**args))


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_never_reach_subject_text_or_html():
    """Scraped text with bidi overrides (U+202E makes "gpj.exe" read "exe.jpg") shows in logical order."""
    items = sample_items()
    first = items[0].visit
    visit = replace(first.visit, regions=[f"\u202e{r}\u202c" for r in first.visit.regions],
                    stops=[replace(s, name=f"{s.name}\u2067evil\u2069") for s in first.visit.stops],
                    officials=[replace(o, name=f"\u200f{o.name}") for o in first.visit.officials],
                    emphasized=[f"\u061c{e}\u202d" for e in first.visit.emphasized])
    odd = replace(first, title=f"\u202b{first.title}\u200e", source=f"\u2066{first.source}", visit=visit)
    matches = [replace(m, watch=f"\u202e{m.watch}") for m in items[0].matches]
    links = sample_context()[1]
    context = build_context(email="ana@example.org", frequency="daily", timezone="Asia/Shanghai",
                            watches=[f"\u2068{w}" for w in WATCHES],
                            items=[DigestItem(odd, matches), *items[1:]], now=NOW,
                            unsubscribe_url=links.https, unsubscribe_mailto=links.mailto)
    rendered = render_digest(context)
    message = build_message(rendered, sender="inspectwatch <digest@iw.example.org>", to="ana@example.org",
                            links=links, now=NOW)
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    shown = [rendered.subject, rendered.text, rendered.html, str(parsed["Subject"]),
             parsed.get_body(("plain",)).get_content(), parsed.get_body(("html",)).get_content()]
    for text in shown:
        assert not set(BIDI) & set(text), f"bidi control in {text[:80]!r}"
    assert "evil" in rendered.html  # the text around the controls is kept
    assert header_value("a\u202eb\u2066c") == "abc"
