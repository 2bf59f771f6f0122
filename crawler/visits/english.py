"""English articles, machine-translated ones included: officials, date,
regions, stops and what was stressed."""

from __future__ import annotations

import re
from datetime import date as date_type

from core.records import Visit
from crawler.visits.dates import DateSpan, Reference, last_weekday, month_number, resolve, shift
from crawler.visits.detect import en_is_visit, en_unnamed_lead, en_visit_sentence
from crawler.visits.english_officials import en_mentions, subject_names
from crawler.visits.english_regions import en_regions
from crawler.visits.english_roles import roles, sentence_index
from crawler.visits.english_stops import en_stops
from crawler.visits.officials import Mention
from crawler.visits.record import make_visit

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug[a-z]*|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_DATE = re.compile(
    rf"\b({_MONTH})\.?[ ?]+{_DAY}(?:[ ]*,[ ]*(\d{{4}}))?"
    rf"(?:(?:[ ]+(?:to|and)[ ]+|[ ]*[-–][ ]*)(?:({_MONTH})\.?[ ]+)?{_DAY})?"
)
_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[ ]+(?:(?:morning|afternoon|evening)[ ]+)?(?:of[ ]+)?({_MONTH})\b\.?"
    rf"(?:[ ]*,?[ ]*(\d{{4}}))?"
)
_WEEKDAY = re.compile(
    r"\b(?:[Oo]n|[Ll]ast|[Tt]his|[Ff]rom) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]+,\s+({_MONTH})\.?\s+(\d{{1,2}})\s*(?:\([A-Za-z ]+\))?\s*(?:--|—|–|-)", re.M)
_RELATIVE = re.compile(r"\b(yesterday|today|this (?:morning|afternoon|evening))\b", re.I)
_RECENT = re.compile(r"\b(?:recently|a few days ago|the other day)\b", re.I)
_META = re.compile(r"(?i)(?:updated|release time|date|published|time)\s*:")
_SENTENCE = re.compile(r"(?<=[.!?。])[\"”’]?\s+(?=[\"“‘]?[A-Z])|\n+")
_STRESS = re.compile(r"\b(?:emphasi[sz]ed|stressed|pointed out|said|urged|called for|noted|asked|requested|"
                     r"emphasi[sz]es|stresses|points out|says|asks)\b(?:\s+that)?\s*")


def normalise(text: str) -> str:
    """Join one-word-per-line text; '?' used as a space becomes a space."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) > 20 and sum(len(ln.strip()) for ln in lines) / len(lines) < 14:
        text = " ".join(ln.strip() for ln in lines)
    text = re.sub(r"(?<=[\w,])\?(?=\w)", " ", text)
    return text.replace("\u00a0", " ")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; 'Co., Ltd.' does not end a sentence."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE.finditer(text):
        if re.search(r"(?:Co|Ltd|Mr|Dr|No|St)\.$", text[pos:m.start()]):
            continue
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(p, s) for p, s in out if s.strip()]


def date_of(iso: str) -> date_type:
    return date_type.fromisoformat(iso)


def _dateline(text: str, ref: Reference | None) -> tuple[int, str | None]:
    """'JINAN, April 19 (Xinhua) --': the report's date, not the visit's. (end, ISO)"""
    m = _DATELINE.search(text[:300])
    if not m:
        return -1, None
    month = month_number(m.group(1))
    return m.end(), resolve(month, int(m.group(2)), ref) if month else None


def en_date(text: str, ref: Reference | None) -> DateSpan:
    """The visit's date: the first month-day expression, a range when it starts there."""
    found: list[tuple[int, DateSpan]] = []
    dateline_end, dateline = _dateline(text, ref)
    if dateline:
        stamp = date_of(dateline)
        ref = Reference(stamp.year, stamp.month, stamp.day)
    for m in _DATE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _META.search(text[line_start:m.start()]) or m.start() < dateline_end:
            continue
        month = month_number(m.group(1))
        if not month:
            continue
        year = int(m.group(3)) if m.group(3) else None
        start = resolve(month, int(m.group(2)), ref, year)
        end = None
        if m.group(5):
            month2 = month_number(m.group(4)) if m.group(4) else month
            end = resolve(month2 or month, int(m.group(5)), ref, year)
        found.append((m.start(), DateSpan(start, end)))
        if len(found) >= 3:
            break
    for m in _DAY_FIRST.finditer(text):
        month = month_number(m.group(2))
        if month:
            year = int(m.group(3)) if m.group(3) else None
            found.append((m.start(), DateSpan(resolve(month, int(m.group(1)), ref, year))))
            break
    weekday = _WEEKDAY.search(text)
    if weekday:
        index = _WEEKDAYS.index(weekday.group(1).lower())
        found.append((weekday.start(), DateSpan(last_weekday(ref, index))))
    found.sort(key=lambda f: f[0])
    rel = _RELATIVE.search(text)
    recent = _RECENT.search(text)
    first = found[0] if found else None
    if rel and (first is None or rel.start() < first[0] - 40):
        word = rel.group(1).lower()
        return DateSpan(shift(ref, -1 if word == "yesterday" else 0))
    if recent and (first is None or recent.start() < first[0]):
        return DateSpan(None)
    if first is None:
        return DateSpan(dateline)
    for _, span in found:
        if span.end and span.start == first[1].start:
            return span
    return first[1]


def _emphasized(sentences: list[str], names: list[str]) -> list[str]:
    keys = {n.split()[0] for n in names} | {n.split()[-1] for n in names} | {"He", "She", "he", "she"}
    out: list[str] = []
    for sentence in sentences:
        m = _STRESS.search(sentence)
        if m and any(re.search(rf"\b{re.escape(k)}\b", sentence[:m.start()]) for k in keys):
            said = sentence[m.end():].strip()
            if len(said) > 20:
                out.append(said[:200])
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


def extract_en(text: str, ref: Reference | None, title: str | None = None) -> list[Visit]:
    """Visits of an English article; a digest of dated items gives each item's visits."""
    text = normalise(text)
    items = digest_items(text)
    if len(items) > 1:
        return [v for item in items for v in _extract_one(item, ref)]
    visits = _extract_one(text, ref)
    if not visits and title and title not in text and not en_mentions(text):
        visits = _extract_one(title + "\n\n" + text, ref)
    return visits


def _extract_one(text: str, ref: Reference | None) -> list[Visit]:
    """Visits of one English article or digest item (none when it reports no visit)."""
    sentences = split_sentences(text)
    mentions = en_mentions(text)
    leads, acc = roles(text, sentences, mentions)
    if not leads:
        fallback = subject_names(text)
        if fallback:
            pos = text.find(fallback[0][0])
            leads = [Mention(fallback[0][0], "", pos, pos + len(fallback[0][0]), pos)]
    offsets = [p for p, _ in sentences]
    first = min((m.start for m in leads + acc), default=None)
    first_idx = sentence_index(offsets, first) if first is not None else None
    if first_idx is None:
        first_idx = en_unnamed_lead([s for _, s in sentences])
    if not en_is_visit([s for _, s in sentences], first_idx, first_idx is not None, text):
        return []
    visit_flags = [en_visit_sentence(s) for _, s in sentences]
    visit_spans = [(p, p + len(s)) for (p, s), v in zip(sentences, visit_flags, strict=False) if v]
    regions = en_regions(text, visit_spans)
    titles = [m.title for m in mentions]
    region_words = set(regions) | {r.split()[0] for r in regions}
    stops = en_stops([s for _, s in sentences], visit_flags, region_words, titles)
    emphasized = _emphasized([s for _, s in sentences], [m.name for m in leads])
    return [make_visit(text, en_date(text, ref), leads, acc, regions, stops, emphasized)]
