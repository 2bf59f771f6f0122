"""The date of an English visit: month-day expressions resolved against the article's date.

"On March 29", "from June 3 to 6", "Dec 14-15", "the 9th of June", "on Tuesday",
"yesterday"; a Xinhua dateline ("JINAN, April 19 (Xinhua) --") is the report's
date and the reference for the rest, not the visit's date; page lines
("Updated: ...") are skipped.
"""

from __future__ import annotations

import re
from datetime import date as date_type
from datetime import timedelta

from crawler.visits.dates import DateSpan, Reference, last_weekday, month_number, month_of_day, resolve, shift
from crawler.visits.en.detect import EN_SAID, en_visit_sentence

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug[a-z]*|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_DATE = re.compile(
    rf"\b({MONTH})(?:\.[ ?]*|[ ?]+){_DAY}(?:[ ]*,[ ]*(\d{{4}}))?"  # also "Sep.8"
    rf"(?:(?:[ ]+(?:to|and)[ ]+|[ ]*[-–][ ]*)(?:({MONTH})\.?[ ]+)?{_DAY})?"
)
_DAY_FIRST = re.compile(
    # "From 21 to 23 June 2017", "between 25-27 July": a range of days before their month
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?(?:[ ]*[-–][ ]*|[ ]+(?:to|and)[ ]+))?"
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[ ]+(?:(?:morning|afternoon|evening)[ ]+)?(?:of[ ]+)?({MONTH})\b\.?"
    rf"(?:[ ]*,?[ ]*(\d{{4}}))?"
)
_DAY_NAME = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = re.compile(
    # "from Wednesday afternoon to Thursday morning": the parts of the days name both days
    rf"\b(?:[Oo]n|[Ll]ast|[Tt]his|[Ff]rom) {_DAY_NAME}\b(?:\s+(?:morning|afternoon|evening|night))?"
    rf"(?:\s+(?:to|through|and)\s+{_DAY_NAME}\b)?")
_DATE_AFTER = re.compile(rf"(?:\s+(?:morning|afternoon|evening))?\s*[(,]?\s*{MONTH}\b")
# "On the 4th", "the morning of the 4th": a day of the month of publication (or the one before).
# "on the afternoon of the 4th and the morning of the 5th": both days.
_DAY_ONLY = re.compile(r"\b(?:[Oo]n|(?:morning|afternoon|evening) of) the (\d{1,2})(?:st|nd|rd|th)\b"
                       r"(?:\s+(?:and|to)\s+(?:on\s+)?(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?"
                       r"the\s+(\d{1,2})(?:st|nd|rd|th)\b)?")
# "announced on the 12th that ...": the day of the report, not of the visit.
_REPORTED_ON = re.compile(r"\b(?:announced|said|reported|stated|disclosed|released)\s+$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATELINE_PLACE = r"(?:[A-Z][A-Z .'’-]+|[A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+){0,2})"
# "JINAN, April 19 (Xinhua) --", "Xinyang, May 8 --", "(May 8, 2024)" opening a line.
_DATELINE = re.compile(
    # "LANZHOU, Gansu/BAOJI, Shaanxi, Sept. 14 (Xinhua) --": places with their provinces, then the date
    rf"^\s*(?:(?:{_DATELINE_PLACE}(?:,[ ]*[A-Z][a-z]+)?(?:/{_DATELINE_PLACE}(?:,[ ]*[A-Z][a-z]+)?)*)"
    # "Polavaram (Andhra Pradesh) [India], June 20 (ANI):": the state and country in brackets
    rf"(?:[ ]*\([A-Z][A-Za-z ]+\))?(?:[ ]*\[[A-Z][A-Za-z ]+\])?,\s+"
    rf"(?P<month>{MONTH})\.?\s+"
    rf"(?P<day>\d{{1,2}})(?:,\s*(?P<year1>\d{{4}}))?\s*(?:\([A-Za-z ]+\))?\s*(?:--|—|–|-(?!\d)|(?<=\)):)"
    rf"|\(\s*(?P<month2>{MONTH})\.?\s+(?P<day2>\d{{1,2}}),?\s*(?P<year>\d{{4}})?\s*\))", re.M)
_RELATIVE = re.compile(r"\b(yesterday|today|this (?:morning|afternoon|evening))\b", re.I)
# "Today the ministry reports on the minister's survey ...": the time of the report, not of the visit.
_REPORTING = re.compile(r"([^.;\n]{0,60}?)\b(?:reports?|reported|tells? of|told of|announced|released|"
                        r"published)\b", re.I)
_RECENT = re.compile(r"\b(?:recently|a few days ago|the other day)\b", re.I)
_META = re.compile(r"(?i)(?:updated|release time|date|published|time)\s*:")
# A weekday without "on" soon after the verb of going (news-agency style): "arrived in X Monday".
_BARE_WEEKDAY = re.compile(rf"\b(?:arrived|inspected|visited|toured|surveyed|flew over|"
                           rf"made an inspection tour|"
                           rf"went on (?:an? )?(?:[a-z]+ )?(?:tour|trip|visit))\b"
                           rf"[^.;\n]{{0,80}}?"
                           rf"(?<!\b[Oo]n)(?<!\b[Tt]o)(?<!\b[Ff]rom)(?<!\b[Tt]his)(?<!\b[Ll]ast)(?<!\bthrough)"
                           rf"(?<!\band)"
                           rf"[ ]{_DAY_NAME}\b(?![ ]*[(,]?[ ]*{MONTH})"
                           # "toured Xinyang Tuesday and Wednesday": both days
                           rf"(?:[ ]+(?:and|to|through)[ ]+{_DAY_NAME}\b)?")
# A weekday told right at the verb: "Xi Sunday inspected ...", "spent Tuesday touring businesses".
_DAYS_AT = rf"{_DAY_NAME}(?:[ ]+(?:and|to|through)[ ]+{_DAY_NAME})?(?:[ ]+(?:morning|afternoon|evening))?[ ]+"
_WEEKDAY_AT_VERB = (
    re.compile(rf"(?<=[a-z,] )(?<!\b[Oo]n )(?<!\b[Ll]ast )(?<!\b[Tt]his )(?<!\b[Ff]rom )(?<!\bspent )"
               rf"{_DAYS_AT}(?:inspected|visited|toured|surveyed|investigated|went|came|arrived|paid|made)\b"),
    re.compile(rf"(?<=\bspent ){_DAYS_AT}(?:touring|visiting|inspecting|in|at)\b"))
# "on 2024-06-09": a numeric date in the running text (a page's own date line has no "on").
_ON_NUMERIC = re.compile(r"\b[Oo]n\s+((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_PAGE_LINE = re.compile(r"(?i)\b(?:updated|published|posted|released|release time|date)\b")
_QUOTED = re.compile(r"[\"“‘']$")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_NEXT_DAY = re.compile(r"\b(?:[Tt]he (?:next|following) (?:day|morning|afternoon|evening)|"
                       r"[Oo]n the (?:next|following|second) (?:day|morning|afternoon))\b")
# "a two-day inspection tour starting on May 2", "a three-day tour beginning on Thursday".
_DAYS_LONG = re.compile(r"\b(two|three|four|five|2|3|4|5)-day\b")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def date_of(iso: str) -> date_type:
    return date_type.fromisoformat(iso)


# "Panchkula, June 13" alone on its line above the report: a newspaper's dateline.
_DATELINE_LINE = re.compile(rf"^[ \t]*{_DATELINE_PLACE},[ \t]+(?P<month>{MONTH})\.?[ \t]+(?P<day>\d{{1,2}})"
                            rf"(?:,[ \t]*(?P<year1>\d{{4}}))?[ \t]*$", re.M)


def _dateline(text: str, ref: Reference | None) -> tuple[int, str | None]:
    """'JINAN, April 19 (Xinhua) --': the report's date, not the visit's. (end, ISO)"""
    m = _DATELINE.search(text[:300]) or _DATELINE_LINE.search(text[:300])
    if not m:
        return -1, None
    groups = m.groupdict()
    month = month_number(groups["month"] or groups.get("month2") or "")
    day = int(groups["day"] or groups.get("day2") or 0)
    year_text = groups.get("year") or groups["year1"]  # "ZHENGZHOU, Aug. 4, 2021 --"
    year = int(year_text) if year_text else None
    return m.end(), resolve(month, day, ref, year) if month else None


# A page's own date in words on a short line of the page's head ("Date: August 3, 2023",
# "07:42, September 14, 2012", "February 10, 2019 |", "Xinhua, September 25, 2015 Adjust font size:").
_WORD_DATE = re.compile(rf"\b(?:({MONTH})\.?[ ]+(\d{{1,2}})(?:,[ ]*|[ ]+)|(\d{{1,2}})[ ]+({MONTH})\.?,?[ ]+)"
                        r"((?:19|20)\d{2})\b")
_SHORT_LINE = 60


def _line_of(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left:right if right >= 0 else len(text)].strip()


def _chrome(text: str, start: int, end: int) -> bool:
    """Is the date at start:end on a short line of its own (the page's date), not in a sentence?"""
    line = _line_of(text, start, end)
    return len(line) <= _SHORT_LINE and not line.endswith(".") and not en_visit_sentence(line)


def head_reference(text: str) -> Reference | None:
    """The page's date on a short line of its first lines, in words or numeric ("2017-05-09 20:12")."""
    for m in _WORD_DATE.finditer(text, 0, 600):
        if _chrome(text, m.start(), m.end()):
            month = month_number(m.group(1) or m.group(4))
            day = int(m.group(2) or m.group(3))
            if month and resolve(month, day, None, int(m.group(5))):
                return Reference(int(m.group(5)), month, day)
    for m in _ISO_DATE.finditer(text, 0, 600):
        year, month, day = (int(g) for g in m.groups())
        if (_chrome(text, m.start(), m.end()) and resolve(month, day, None, year)
                and not _line_of(text, m.start(), m.end()).lower().startswith("today")):
            return Reference(year, month, day)  # not "Today is 2021-3-5": the day the page was seen
    return None


_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")
# A numeric date labelled as the page's ("Date: 2011-04-02", "Release time: 2012-09-14") or set in
# brackets ("【2013-06-21】"), on a line of page fields however long.
_LABELLED_ISO = re.compile(r"(?:(?i:\b(?:date(?: add(?:ed)?(?: in)?)?|release time|published|posted|"
                           r"updated))\s*:\s*|[【\[])"
                           r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")


_PROSE = re.compile(r"[a-z]{2}[.!?](?:\s|$)")


def _labelled_stamp(text: str) -> Reference | None:
    """The page's own labelled or bracketed numeric date in its first lines, before any sentence."""
    m = _LABELLED_ISO.search(text, 0, 1000)
    if not m or "." in _line_of(text, m.start(), m.end()).rstrip(". ") or _PROSE.search(text, 0, m.start()):
        return None  # not a date after the report has begun
    year, month, day = (int(g) for g in m.groups())
    return Reference(year, month, day) if resolve(month, day, None, year) else None


def _text_year(text: str, pos: int) -> int | None:
    """The year of the last full date written before ``pos`` ("... on July 9, 2017. ... on July 16")."""
    years = [m.group(5) for m in _WORD_DATE.finditer(text, 0, pos) if not _chrome(text, m.start(), m.end())]
    return int(years[-1]) if years else None


# "during his three-day visit, which ended Wednesday": the visit's days up to that weekday.
# "as he wrapped up an inspection tour to the eastern province on Friday": the tour, then its last day.
_ENDED = re.compile(rf"\b(?:ended|ending|concluded|concluding|wrapped up)(?:[ ]+on|"
                    rf"[ ]+(?:an?|the|his|her|their)[ ]+(?:[\w-]+[ ]+){{0,3}}(?:tour|trip|visit)\b"
                    rf"[^.;\n]{{0,50}}?[ ]+on)?[ ]+{_DAY_NAME}\b")


def _ended_span(text: str, m: re.Match[str], ref: Reference | None) -> DateSpan:
    end = last_weekday(ref, _WEEKDAYS.index(m.group(1).lower()))
    if end is None:
        return DateSpan(None)
    left = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    # "... wrapped up an inspection tour on Friday. The three-day trip brought him to ...": the next
    # sentence may tell how long the tour was
    after = text.find(".", m.end())
    after = text.find(".", after + 1) if after >= 0 else -1
    days = _DAYS_LONG.search(text, left, after if after >= 0 else len(text))
    back = _COUNTS[days.group(1)] - 1 if days else 0
    return DateSpan((date_of(end) - timedelta(days=back)).isoformat(), end)


def en_date(text: str, ref: Reference | None) -> DateSpan:
    """The visit's date: the first month-day expression, a range when it starts there."""
    if ref is None or ref.day is None:
        ref = head_reference(text) or ref
    own = _labelled_stamp(text)
    if own and (ref is None or ref.day is None or (own.year, own.month or 0, own.day or 0)
                < (ref.year, ref.month or 0, ref.day)):
        ref = own  # the page's own "Date: 2011-04-02" bounds the visit; a later URL date is a mirror's
    dateline_end, dateline = _dateline(text, ref)
    if dateline:
        stamp = date_of(dateline)
        ref = Reference(stamp.year, stamp.month, stamp.day)
    found = sorted(_month_days(text, ref, dateline_end) + _other_dates(text, ref), key=lambda f: f[0])
    rel = next((r for r in _RELATIVE.finditer(text) if not _chrome(text, r.start(), r.end())
                and not _report_time(text, r.end())), None)
    recent = _RECENT.search(text)
    first = _governing(text, found) or (found[0] if found else None)
    if rel and (first is None or rel.start() < first[0] - 40):
        word = rel.group(1).lower()
        return DateSpan(shift(ref, -1 if word == "yesterday" else 0))
    if recent and (first is None or recent.start() < first[0]):
        return DateSpan(None)
    if first is None:
        return DateSpan(dateline)
    for _, span in found:
        if span.end and span.start and first[1].start and span.start <= first[1].start <= span.end:
            return span  # a caption's "on Dec 15" inside the text's "on Dec 14-15"
    return _later_days(text, found, _days_long(text, first[0], _next_day(text, first[0], first[1]), ref))


def _report_time(text: str, pos: int) -> bool:
    """Is the day word ending at ``pos`` the subject's time of reporting ("Today the ministry
    reports on ...")? Not when the visit comes first ("Yesterday he inspected X, Xinhua reported")."""
    m = _REPORTING.match(text, pos)
    return m is not None and not en_visit_sentence(m.group(1))


def _month_days(text: str, ref: Reference | None, dateline_end: int) -> list[tuple[int, DateSpan]]:
    """The first six "May 5" / "May 5-7" / "May 30 to June 2" dates outside page chrome and quotes."""
    found: list[tuple[int, DateSpan]] = []
    for m in _DATE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if (_page_line(text[line_start:m.start()]) or m.start() < dateline_end
                or _chrome(text, m.start(), m.end())):
            continue
        month = month_number(m.group(1))
        if (not month or _QUOTED.search(text[max(0, m.start() - 1):m.start()]) or _to_come(text, m.start())
                or _event_name(text, m.start(), m.end())
                or _REPORTED_ON.search(text[max(0, m.start() - 30):m.start()])):
            continue
        year = int(m.group(3)) if m.group(3) else _sentence_year(text, m.start(), m.end(), ref)
        if year is None and ref is None:
            year = _text_year(text, m.start())
        start = resolve(month, int(m.group(2)), ref, year)
        end = None
        if m.group(5):
            month2 = month_number(m.group(4)) if m.group(4) else month
            end = resolve(month2 or month, int(m.group(5)), ref, year)
        found.append((m.start(), DateSpan(start, end)))
        if len(found) >= 6:
            break
    return found


def _other_dates(text: str, ref: Reference | None) -> list[tuple[int, DateSpan]]:
    """Day-first and numeric dates, weekdays, "which ended Wednesday" and a day alone ("on the 5th")."""
    found: list[tuple[int, DateSpan]] = []
    for m in _DAY_FIRST.finditer(text):
        month = month_number(m.group(3))
        if month and not _chrome(text, m.start(), m.end()):
            year = int(m.group(4)) if m.group(4) else None
            first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(2), None)
            end = resolve(month, int(last), ref, year) if last and int(last) > int(first) else None
            found.append((m.start(), DateSpan(resolve(month, int(first), ref, year), end)))
            break
    for m in _ON_NUMERIC.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _PAGE_LINE.search(text[line_start:m.start()]):
            continue
        found.append((m.start(), DateSpan(resolve(int(m.group(2)), int(m.group(3)), ref, int(m.group(1))))))
        break
    for weekday in _WEEKDAY.finditer(text):  # "On Thursday ... On Friday, he visited ..."
        # not "On Thursday (May 2)" (the date follows), nor "will visit X on Friday" (still ahead)
        if not _DATE_AFTER.match(text, weekday.end()) and not _to_come(text, weekday.start()):
            found.append((weekday.start(), _weekday_span(weekday, ref)))
    for bare in _BARE_WEEKDAY.finditer(text):  # "arrived in Baima Monday for a field trip"
        found.append((bare.start(1), _weekday_span(bare, ref)))
    for at_verb in (m for pattern in _WEEKDAY_AT_VERB for m in pattern.finditer(text)):
        found.append((at_verb.start(), _weekday_span(at_verb, ref)))  # "Sunday inspected"
    for ended in _ENDED.finditer(text):
        found.append((ended.start(), _ended_span(text, ended, ref)))
    return found + _days_alone(text, ref)


def _days_alone(text: str, ref: Reference | None) -> list[tuple[int, DateSpan]]:
    """'On the 4th', 'the afternoon of the 4th and the morning of the 5th': days of the month of
    publication (or the one before), not the day a report was announced on."""
    found: list[tuple[int, DateSpan]] = []
    if ref is None:
        return found
    for day in _DAY_ONLY.finditer(text):
        if _REPORTED_ON.search(text[max(0, day.start() - 30):day.start()]):
            continue
        number = int(day.group(1))
        month = month_of_day(number, ref)
        last = int(day.group(2)) if day.group(2) else 0
        end = resolve(month, last, ref) if last > number else None
        found.append((day.start(), DateSpan(resolve(month, number, ref), end)))
    return found


def _governing(text: str, found: list[tuple[int, DateSpan]]) -> tuple[int, DateSpan] | None:
    """The first date that stands in a sentence of the visit, outside a ', who ...,' aside and a
    'Since ...' opener ('The flood season began on May 1. On May 4, the mayor inspected ...')."""
    for pos, span in found:
        left = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
        ends = [i for i in (text.find(".", pos), text.find("\n", pos)) if i >= 0]
        sentence = text[left:min(ends) if ends else len(text)]
        if (en_visit_sentence(sentence) and not _ASIDE.search(text, left, pos)
                and not _SINCE.match(text, left)):
            return pos, span
    return None


# ", who took office on March 1,": a date of the person, not of the visit.
_ASIDE = re.compile(r",[ ]*(?:who|which)[ ][^,;.]*$")
_SINCE = re.compile(r"\s*(?:Since|Starting|Beginning|As of|Previously|In the past)\b")


# "the June 23 tornado", "the May 12 earthquake": a date that names an event, before its noun.
_EVENT_NOUN = re.compile(r"[ ]+(?!(?:to|and|or|through|till|until|in|at|of|for|when|with|this|last|"
                         r"morning|afternoon|evening|night)\b)[a-z]{3,}\b")


def _event_name(text: str, start: int, end: int) -> bool:
    """Is the date at start:end, after 'the' and before a common noun, the name of an event?"""
    return text[max(0, start - 4):start].lower() == "the " and _EVENT_NOUN.match(text, end) is not None


# "which will start production on June 1", "is expected to open on June 1": a date still to come.
_TO_COME = re.compile(r"\b(?:will|would|scheduled|expected to|plans? to|planned to|due to|to be held|"
                      r"tomorrow)\b")


def _to_come(text: str, pos: int) -> bool:
    """Is the date at ``pos`` in a clause about what is still to come?"""
    start = max(text.rfind(c, 0, pos) for c in ".,;\n") + 1
    return _TO_COME.search(text, start, pos) is not None


def _weekday_span(m: re.Match[str], ref: Reference | None) -> DateSpan:
    """'on Tuesday' -> the latest Tuesday; 'from Tuesday to Thursday' -> the days up to the latest
    Thursday."""
    if not m.group(2):
        return DateSpan(last_weekday(ref, _WEEKDAYS.index(m.group(1).lower())))
    end = last_weekday(ref, _WEEKDAYS.index(m.group(2).lower()))
    if end is None:
        return DateSpan(None)
    back = (_WEEKDAYS.index(m.group(2).lower()) - _WEEKDAYS.index(m.group(1).lower())) % 7
    return DateSpan((date_of(end) - timedelta(days=back)).isoformat(), end)


def _page_line(prefix: str) -> bool:
    """Is a date after ``prefix`` (its line's start) the page's own ("Updated:", "Posted Date")?"""
    return bool(_META.search(prefix) or _PAGE_HEAD.match(prefix))


# A line that is nothing but a page word before the date ("Posted Date May 12").
_PAGE_HEAD = re.compile(r"(?i)\s*(?:posted|published|updated|released|release)(?:\s+(?:date|time|on))?"
                        r"\s*:?\s*$")


def _sentence_year(text: str, start: int, end: int, ref: Reference | None) -> int | None:
    """'On January 4 ... the first working day of 2016': a year in the date's own sentence,
    used only when the article has no reference date of its own."""
    if ref is not None:
        return None
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    m = _YEAR.search(text, left, min(stops) if stops else len(text))
    return int(m.group(1)) if m else None


_LATER_GAP = 2  # days: "inspected A on May 3 and visited B on May 5" is one tour


def _later_days(text: str, found: list[tuple[int, DateSpan]], span: DateSpan) -> DateSpan:
    """The span run on to later dates, each at most two days after the last, that stand in a
    sentence of visiting ("... on May 3 and visited Xinhe Village on May 5")."""
    if not span.start:
        return span
    last = date_type.fromisoformat(span.last_day() or span.start)
    for pos, later in found[1:]:
        if not later.start or later.end:
            continue
        day = date_type.fromisoformat(later.start)
        left = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
        right = min((i for i in (text.find(".", pos), text.find("\n", pos)) if i >= 0), default=len(text))
        spoken = EN_SAID.search(text, left, pos) or _to_come(text, pos)  # "said ... starts on Sunday"
        near = last < day <= last + timedelta(days=_LATER_GAP)
        if near and en_visit_sentence(text[left:right]) and not spoken:
            last = day
    return DateSpan(span.start, last.isoformat()) if last.isoformat() > (span.end or span.start) else span


def _days_long(text: str, pos: int, span: DateSpan, ref: Reference | None) -> DateSpan:
    """'a two-day inspection tour starting on May 2': the tour's days from its first; only the day
    told while the tour is still on at the report's date ("arrived on Thursday on a three-day visit"
    in Friday's paper)."""
    if span.end or not span.start:
        return span
    left = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find(".", pos), text.find("\n", pos)) if i >= 0]
    m = _DAYS_LONG.search(text, left, min(ends) if ends else len(text))
    if not m:
        return span
    last = date_type.fromisoformat(span.start) + timedelta(days=_COUNTS[m.group(1)] - 1)
    report = ref.as_date() if ref else None
    if report is not None and date_type.fromisoformat(span.start) <= report < last:
        return span
    return DateSpan(span.start, last.isoformat())


def _next_day(text: str, pos: int, span: DateSpan) -> DateSpan:
    """'On Jan 23 ... The next day, he visited ...': the visit runs into the next day."""
    if span.end or not span.start or not _NEXT_DAY.search(text, pos):
        return span
    nxt = date_type.fromisoformat(span.start) + timedelta(days=1)
    return DateSpan(span.start, nxt.isoformat())
