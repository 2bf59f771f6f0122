"""English articles, machine-translated ones included: officials, date,
regions, stops and what was stressed."""

from __future__ import annotations

import re

from core.records import Visit
from crawler.visits.dates import Reference
from crawler.visits.en.areas import COUNTY_NAME, ZONE_NAME
from crawler.visits.en.companions import (
    accompanying_names,
    companions,
    headline_companions,
    named_companions,
    not_denied,
)
from crawler.visits.en.dates import MONTH, en_date
from crawler.visits.en.detect import en_is_visit, en_unnamed_lead, en_visit_sentence
from crawler.visits.en.honorifics import honored_subject
from crawler.visits.en.hosts import association_head, visit_to_come
from crawler.visits.en.officials import en_mentions, subject_list, subject_names
from crawler.visits.en.prose import normalise, split_sentences
from crawler.visits.en.regions import dateline_region, en_regions
from crawler.visits.en.roles import roles, sentence_index
from crawler.visits.en.stop_lists import country_names
from crawler.visits.en.stops import en_stops
from crawler.visits.officials import Mention
from crawler.visits.quotes import cut_quote
from crawler.visits.record import make_visit

_STRESS = re.compile(r"\b(?:emphasi[sz]ed|stressed|pointed out|said|urged|called for|noted|asked|requested|"
                     r"emphasi[sz]es|stresses|points out|says|asks)\b(?:\s+that)?\s*")


def _emphasized(sentences: list[str], names: list[str]) -> list[str]:
    keys = {n.split()[0] for n in names} | {n.split()[-1] for n in names} | {"He", "She", "he", "she"}
    out: list[str] = []
    for sentence in sentences:
        m = _STRESS.search(sentence)
        if m and keys & set(re.findall(r"[\w'’-]+", sentence[:m.start()])):
            said = sentence[m.end():].strip()
            if len(said) > 20:
                out.append(cut_quote(said, 200))
        if len(out) >= 3:
            break
    return out


_HEADLINE = re.compile(
    r"\n[ \t]*([A-Z][^\n.!?]{8,90})[ \t]*\n+(?=[ \t]*(?:On|In the (?:morning|afternoon))\b[^\n]{0,40}\d)")


def digest_items(text: str) -> list[str]:
    """A news digest's items: headline lines each followed by a dated paragraph."""
    heads = list(_HEADLINE.finditer(text))
    if len(heads) < 2:
        return [text]
    return [text[h.start():heads[i + 1].start() if i + 1 < len(heads) else len(text)]
            for i, h in enumerate(heads)]


_DATED_PARAGRAPH = re.compile(
    # a day, not a year ("In December 2017, A visited ..." is background, not a dated item)
    rf"^[ \t]*(?:On|In)[ ]+(?:the[ ]+(?:morning|afternoon|evening)[ ]+of[ ]+)?{MONTH}\.?[ ]+"
    rf"\d{{1,2}}(?!\d)", re.M)


def dated_visits(text: str) -> list[str]:
    """Paragraphs that each open with their own date and their own leading official
    ("On June 23, A visited ..." / "On June 28, B came to ..."): one visit each."""
    starts = [m.start() for m in _DATED_PARAGRAPH.finditer(text)]
    if len(starts) < 2:
        return [text]
    cuts = [0] + starts[1:] + [len(text)]
    parts = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    leads = [_opening_leads(p) for p in parts[1:]]
    leads.insert(0, {m.name for m in roles(parts[0], split_sentences(parts[0]), en_mentions(parts[0]))[0]})
    if not all(leads) or any(a & b for a, b in zip(leads, leads[1:], strict=False)):
        return [text]
    return parts


def _opening_leads(paragraph: str) -> set[str]:
    """Leading officials named in a paragraph's first sentence."""
    sentences = split_sentences(paragraph)
    first_end = sentences[1][0] if len(sentences) > 1 else len(paragraph)
    leads = roles(paragraph, sentences, en_mentions(paragraph))[0]
    return {m.name for m in leads if m.start < first_end}


def extract_en(text: str, ref: Reference | None, title: str | None = None) -> list[Visit]:
    """Visits of an English article; a digest of dated items gives each item's visits."""
    text = normalise(text)
    items = digest_items(text)
    if len(items) == 1:
        items = dated_visits(text)
    if len(items) > 1:
        return [v for item in items for v in _extract_one(item, ref)]
    visits = _extract_one(text, ref)
    if not visits and title and title not in text and not en_mentions(text):
        visits = _extract_one(title + "\n\n" + text, ref)
    return visits


def _extract_one(text: str, ref: Reference | None) -> list[Visit]:
    """Visits of one English article or digest item (none when it reports no visit)."""
    sentences = split_sentences(text)
    mentions = not_denied(text, en_mentions(text))
    leads, acc = roles(text, sentences, mentions)
    leads = [m for m in leads if not visit_to_come(text, m.end, m.title_start)] or leads  # not yet
    acc = named_companions(text, acc)
    leads, acc = headline_companions(text, mentions, leads, acc)
    if not leads:
        leads = subject_list(text)
    if not leads:  # a name already said to accompany never leads by default
        fallback = [f for f in subject_names(text) if f[0] not in accompanying_names(text, acc)]
        if fallback:
            pos = text.find(fallback[0][0])
            leads = [Mention(fallback[0][0], "", pos, pos + len(fallback[0][0]), pos)]
    if not leads:
        honored = honored_subject(text)
        leads = [honored] if honored else []
    if leads and all(association_head(text, m.start + len(m.name)) for m in leads):
        return []  # an association's head tours the place; officials who come along are hosts
    acc = companions(text, sentences, mentions, leads, acc, (en_date(text, ref).start or "")[:4])
    offsets = [p for p, _ in sentences]
    first = min((m.start for m in leads + acc), default=None)
    first_idx = sentence_index(offsets, first) if first is not None else None
    if first_idx is None:
        first_idx = en_unnamed_lead([s for _, s in sentences])
    names = [w for m in leads + acc for w in m.name.split()]
    if not en_is_visit([s for _, s in sentences], first_idx, first_idx is not None, text, names):
        return []
    visit_flags = [en_visit_sentence(s) for _, s in sentences]
    visit_spans = [(p, p + len(s)) for (p, s), v in zip(sentences, visit_flags, strict=False) if v]
    visit_spans += _located(sentences, leads)
    regions = en_regions(text, visit_spans) or dateline_region(text)
    titles = [m.title for m in mentions]
    region_words = set(regions) | {r.split()[0] for r in regions}
    stops = en_stops([s for _, s in sentences], visit_flags, region_words, titles,
                     tuple(m.name for m in leads))
    zones = [stop.name for stop in stops if ZONE_NAME.search(stop.name) or COUNTY_NAME.search(stop.name)]
    # a zone beside its city ("Shanghai" and "the Shanghai free trade zone"), but each zone once
    regions += [z for z in zones if not any(z in r or (r in z and ZONE_NAME.search(r)) for r in regions)]
    zones += [r for r in regions if ZONE_NAME.search(r)]  # "Yangshan Bonded Port" of "... Port Area"
    zones += [m.group(1) for m in _ZONE_ACRONYM.finditer(text)]  # "... Innovation Zone (QIZ)", then "QIZ"
    stops = [stop for stop in stops if not any(stop.name in zone for zone in zones)]
    if not stops and (_foreign_guests(text, leads) or (not regions and _study_only(text))):
        return []
    emphasized = _emphasized([s for _, s in sentences], [m.name for m in leads])
    return [make_visit(text, en_date(text, ref), leads, acc, regions, stops, emphasized)]


# A verb of going somewhere or a tour: "an investigation" told only as reports heard at a
# symposium names no place and goes nowhere.
_GOING = re.compile(r"\b(?:went|go|goes|came|come|comes|visit\w*|inspected|toured|tour|trip|arriv\w+|"
                    r"walked|patroll?\w*|checked|stopped|on-(?:the-)?site|on the spot|field|"
                    r"condolences|greetings)\b", re.I)
_ONLY_HEARD = re.compile(r"\b(?:listened to (?:the )?reports?|symposium|forum|meeting)\b", re.I)


_ZONE_ACRONYM = re.compile(r"\b(?:Zone|Area)\s*\(([A-Z]{2,8})\)")


def _study_only(text: str) -> bool:
    """Does the article tell a study without going anywhere (no site, no region, no verb of
    going, but reports heard or a symposium)?"""
    return not _GOING.search(text) and _ONLY_HEARD.search(text) is not None


def _located(sentences: list[tuple[int, str]], leads: list[Mention]) -> list[tuple[int, int]]:
    """Openers that place the leading official ("In Yujiadachong village in suburban Zhaotong,
    Premier Li brought ..."): the place is where the visit went, whatever the verb."""
    words = {"He", "She", "They"} | {w for m in leads for w in (m.name.split()[0], m.name.split()[-1])}
    out = []
    for pos, sentence in sentences:
        m = _PLACING.match(sentence)
        if m and (m.group(1) in words or m.group(2) in words):
            out.append((pos, pos + m.start(1)))
    return out


_PLACING = re.compile(r"(?:In|At)\s[^,.;]{3,80},\s+(?:the\s+)?([A-Z]\w+)(?:\s+([A-Z]\w+))?")


# "A delegation from Germany's Bavaria, led by State Minister X, visited Xinyang": guests of the city.
_GUESTS = re.compile(r"\b(?:delegation|team|group)\s+from\s+((?:[A-Z][\w'’]*\s*)+)[^.;]{0,40}?"
                     r"\b(?:led|headed)\s+by\s+[^.;]{0,60}$")


def _foreign_guests(text: str, leads: list[Mention]) -> bool:
    """Is the leading party a delegation from another country, seen only in the city (no site)?
    The city receives it: a meeting, not an inspection visit."""
    if not leads:
        return False
    start = max(text.rfind(".", 0, leads[0].start), text.rfind("\n", 0, leads[0].start)) + 1
    guests = _GUESTS.search(text, start, leads[0].title_start)
    words = set(re.findall(r"[A-Z][\w]*(?: [A-Z][\w]*)?", guests.group(1))) if guests else set()
    return bool(words & country_names())


