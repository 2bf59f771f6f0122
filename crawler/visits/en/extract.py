"""English articles, machine-translated ones included: officials, date,
regions, stops and what was stressed."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from core.records import Visit
from crawler.visits.dates import Reference
from crawler.visits.en.areas import COUNTY_NAME, ZONE_NAME
from crawler.visits.en.dates import MONTH, en_date
from crawler.visits.en.detect import en_is_visit, en_unnamed_lead, en_visit_sentence
from crawler.visits.en.honorifics import honored_subject
from crawler.visits.en.hosts import association_head, spoken_to, visit_to_come
from crawler.visits.en.officials import en_mentions, subject_list, subject_names
from crawler.visits.en.regions import dateline_region, en_regions
from crawler.visits.en.roles import PUBLISHER, WORDS_OF, met_host, roles, sentence_index
from crawler.visits.en.stop_lists import country_names
from crawler.visits.en.stops import en_stops
from crawler.visits.officials import Mention
from crawler.visits.quotes import cut_quote
from crawler.visits.record import make_visit

# A sentence ends at a stop before a capital, or at a line break; scraped text runs sentences
# together without a space ("...to the entrepreneurs.District Party committee member ...").
_SENTENCE = re.compile(r"(?<=[.!?。])(?:[\"”’]?\s+(?=[\"“‘]?[A-Z])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))|\n+")
_STRESS = re.compile(r"\b(?:emphasi[sz]ed|stressed|pointed out|said|urged|called for|noted|asked|requested|"
                     r"emphasi[sz]es|stresses|points out|says|asks)\b(?:\s+that)?\s*")


def normalise(text: str) -> str:
    """Join one-word-per-line and hard-wrapped text; '?' used as a space becomes a space."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) > 20 and sum(len(ln.strip()) for ln in lines) / len(lines) < 14:
        text = " ".join(ln.strip() for ln in lines)
    text = re.sub(r"(?<=[\w,])\?(?=\w)", " ", text)
    text = _RUN_TOGETHER.sub(r"\1 ", text)  # "OnJuly 4th", "working inPhu Yen", "comradeTran"
    text = text.translate(_FULL_WIDTH)  # "Zhou Ming，Secretary of ...。"
    text = _join_colon_list(_join_wrapped(text))
    return text.replace("\u00a0", " ").replace("¡¯", "’")  # a right quote read as GBK: "Wang Yi¡¯ou"


# A short word run together with the capitalised word after it by a careless scrape.
_RUN_TOGETHER = re.compile(r"\b(On|on|In|in|At|at|Of|of|To|to|By|by|and|the|comrade|Comrade)(?=[A-Z][a-z])")
# Also the typographic hyphens of some editors ("flood\u2010hit", "post\u2011disaster"): a plain hyphen.
_FULL_WIDTH = str.maketrans({"，": ", ", "。": ". ", "；": "; ", "：": ": ", "（": " (", "）": ") ",
                             "\u2010": "-", "\u2011": "-"})
# "Accompanying him were:" and then one official a line: the lines are one list.
_COLON_LIST = re.compile(r":[ \t]*\n((?:[ \t]*[^\n.:]{3,120}\n){1,11}[ \t]*[^\n.:]{3,120}(?:\n|$))")


def _join_colon_list(text: str) -> str:
    return _COLON_LIST.sub(lambda m: ": " + "; ".join(ln.strip() for ln in m.group(1).split("\n")
                                                      if ln.strip()) + ".\n", text)


# A line break inside a sentence (hard-wrapped text): after a comma or a joining word, or
# before a word in lower case. The break is found first and its neighbours checked after.
_BREAK = re.compile(r"[ \t]*\n(?=[ \t]*(\w))")
_JOINING_END = re.compile(r"(?:[^\w]|^)(?:by|and|of|the|to|with|in|at|for|from)\Z")


def _join_wrapped(text: str) -> str:
    """The text with its hard-wrapped line breaks turned into spaces."""
    parts: list[str] = []
    pos = 0
    wrapped = _hard_wrapped(text)
    for m in _BREAK.finditer(text):
        before = text[max(0, m.start() - 5):m.start()]
        lower_next = "a" <= m.group(1) <= "z"
        end = before[-1:]
        if ((lower_next and end in _WRAP_ENDS) or (wrapped and (end.isalnum() or end in ",;"))
                or _JOINING_END.search(before)):
            parts += [text[pos:m.start()], " "]
            pos = m.end()
    return "".join(parts) + text[pos:] if parts else text


def _hard_wrapped(text: str) -> bool:
    """Is the text broken into lines of about one length, most of them mid-sentence?"""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 3:
        return False
    mid = [ln for ln in lines if 40 <= len(ln) <= 120 and ln[-1] not in ".!?:\"”"]
    return len(mid) >= 0.5 * len(lines)


_WRAP_ENDS = frozenset("abcdefghijklmnopqrstuvwxyz,;")


# "... Trade Co., Ltd. Also, they met ...": after a company's "Ltd." an adverb or a pronoun opens a sentence.
_OPENS_SENTENCE = re.compile(r"(?:Also|Then|Later|Afterwards|Meanwhile|Besides|Moreover|Finally|"
                             r"In addition),|(?:He|She|They|We)\b")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; 'Co., Ltd.' does not end a sentence."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE.finditer(text):
        if re.search(r"(?:Co|Ltd|Mr|Dr|No|St)\.$", text[pos:m.start()]) and not (
                text[m.start() - 4:m.start()] == "Ltd." and _OPENS_SENTENCE.match(text, m.end())):
            continue
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(p, s) for p, s in out if s.strip()]


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
    mentions = en_mentions(text)
    leads, acc = roles(text, sentences, mentions)
    leads = [m for m in leads if not visit_to_come(text, m.end)] or leads  # A's scheduled visit: not yet
    acc = [m for m in acc if not spoken_to(text, m.title_start) and not (
        _HOST_TITLE.fullmatch(m.title) and not _body_before(text, m)
        and not _GOVERNMENT_BODY_AFTER.match(text, m.end))]
    if not leads:
        leads = subject_list(text)
    if not leads:  # a name already said to accompany never leads by default
        fallback = [f for f in subject_names(text) if f[0] not in _accompanying_names(text, acc)]
        if fallback:
            pos = text.find(fallback[0][0])
            leads = [Mention(fallback[0][0], "", pos, pos + len(fallback[0][0]), pos)]
    if not leads:
        honored = honored_subject(text)
        leads = [honored] if honored else []
    if leads and all(association_head(text, m.start + len(m.name)) for m in leads):
        return []  # an association's head tours the place; officials who come along are hosts
    acc += _present_officials(mentions, leads, acc, sentences, text)
    acc = [m for m in acc if not _lead_again(m, leads) and not visit_to_come(text, m.end)]
    if PUBLISHER.search(text):  # "our school": its Party committee's people are its hosts
        acc = [m for m in acc if not (_OWN_BODY.search(m.title) and not _GOVERNMENT_LEVEL.search(m.title))]
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


def _accompanying_names(text: str, acc: list[Mention]) -> set[str]:
    """Companions whose own sentence says they accompany (not only 'attended')."""
    return {m.name for m in acc
            if "accompan" in text[text.rfind(".", 0, m.start) + 1:text.find(".", m.end) + 1]}


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


# A title alone that a company's people hold as well ("accompanied by Chairman Zhou Bin", "the
# Director Xue Yang"): with no body named, the host of the site visited, not a companion.
_HOST_TITLE = re.compile(r"(?i:the\s+)?(?:[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Dd]irector|"
                         r"[Gg]eneral [Mm]anager)")


def _lead_again(m: Mention, leads: list[Mention]) -> bool:
    """Is the mention a lead named again: by surname alone ("Xi, General Secretary of ..."), by a
    title word read as a name ("General"), or misspelt ("Zhang Caifeng" after "Zhang Cafang")?"""
    words = m.name.split()
    if all(w in _TITLE_WORDS for w in words):
        return True
    for lead in leads:
        surname = lead.name.split()[0]
        if words == [surname]:
            return True
        lead_words = lead.name.split()
        if len(words) > len(lead_words) and words[-len(lead_words):] == lead_words and all(
                w in _TITLE_WORDS or w in _NATIONALITY for w in words[:-len(lead_words)]):
            return True  # "Chinese President Zhou Hua" after "Zhou Hua": the title read into the name
        given, lead_given = " ".join(words[1:]), " ".join(lead.name.split()[1:])
        if (words[0] == surname and min(len(given), len(lead_given)) >= 5  # not "Wang Jun" / "Wang Jin"
                and SequenceMatcher(None, given.lower(), lead_given.lower()).ratio() >= 0.75):
            return True
    return False


_NATIONALITY = frozenset({"Chinese", "Provincial", "Municipal", "State", "National"})
_TITLE_WORDS = frozenset({"General", "Secretary", "Vice", "Deputy", "Executive", "Director", "Chairman",
                          "Mayor", "Governor", "President", "Premier", "Minister", "Member"})


# "Director A of the Xuanwei Works Office": the body after the name is a government one.
_GOVERNMENT_BODY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[^,.;()]{0,60}?\b(?:Office|Bureau|Administration|"
                                    r"Department|Commission|Committee|Government|Congress|CPPCC)\b")


def _body_before(text: str, m: Mention) -> bool:
    """Is a bare title preceded by a government body's word ("CPPCC Chairman Zhou Hua", "the county
    foreign affairs office director Feng Lei")?"""
    words = re.split(r"[,.;:]|\b(?:the|by|was|were|is|of|to|and|with|from)\b",
                     text[max(0, m.title_start - 40):m.title_start])[-1].split()
    return any(_GOVERNMENT_TITLE.fullmatch(w) for w in words[-4:])


# A title held in government or the Party (a bare "Director" may be a company's).
_GOVERNMENT_TITLE = re.compile(
    r"\b(?:secretary|mayor|governor|magistrate|premier|minister|party|committee|cpc|cppcc|npc|congress|"
    r"government|municipal|provincial|county|district|city|prefecture|township|bureau|department|"
    r"commission|people['’]s|standing|commissioner|ministry|administration|state council|leaders?)\b",
    re.I)


def _present_officials(mentions: list[Mention], leads: list[Mention], acc: list[Mention],
                       sentences: list[tuple[int, str]], text: str) -> list[Mention]:
    """Officials named with a government title in a visit article who neither lead it nor
    were already found accompanying, in a sentence of the visit (one that reports going or
    inspecting, names a lead, or refers to the party by pronoun): they take part in it."""
    known = {m.name for m in leads + acc}
    offsets = [p for p, _ in sentences]
    surnames = {m.name.split()[-1] for m in leads}
    out: list[Mention] = []
    for m in mentions:
        governed = _GOVERNMENT_TITLE.search(m.title) or _body_before(text, m)  # "Congress Chairman A"
        if (m.name in known or not leads or not governed
                or met_host(sentences, m, leads, text, mentions) or _OF_THE_SITE.search(m.title)):
            continue
        if not all(w[:1].isupper() for w in m.name.split()):
            continue
        s_off, sentence = sentences[sentence_index(offsets, m.start)]
        if WORDS_OF.search(sentence[:m.start - s_off]):
            continue  # "the instructions of General Secretary X": whose words the visit carries out
        if spoken_to(text, m.title_start):
            continue
        hosting = _HOSTING.search(sentence)
        others = sentence.replace(m.name, " ")  # a lead's name, not the mention's own words
        if not (en_visit_sentence(sentence) or _party_pronoun(sentence, m.start - s_off) or hosting
                or surnames & set(_WORD.findall(others))
                or _LISTED_ONLY.fullmatch(sentence.strip())):
            continue
        known.add(m.name)
        out.append(m)
    return out


# A sentence that only lists officials, its verb lost ("County leaders A, B and C and so on."):
# those listed take part (a translation of "...等陪同").
_PERSON = r"[A-Z][a-zü]+(?:\s+[A-Z][a-zü]+){1,2}"
_LISTED_ONLY = re.compile(rf"(?:[A-Z][a-z]+\s+){{0,3}}(?:leaders|officials|comrades)\s+{_PERSON}"
                          rf"(?:(?:,\s*(?:and\s+)?|\s+and\s+){_PERSON})*"
                          r"(?:,?\s+(?:and so on|etc|and others))?\.?")
def _party_pronoun(sentence: str, at: int) -> bool:
    """Does the sentence refer to the party by a pronoun: before the mention, or 'they/them' after
    it (not the mention's own 'his', as in "Governor A reiterated his commitment")?"""
    return bool(_PRONOUN.search(sentence, 0, at) or _PLURAL_PRONOUN.search(sentence, at))


_PLURAL_PRONOUN = re.compile(r"\b(?:they|them|their)\b", re.I)
# Offices a school or a company holds itself ("Deputy Secretary of the Party Committee and Vice President")
# and the words that put an office in a government instead.
_OWN_BODY = re.compile(r"\b(?:Party Committee|Youth League Committee|Vice President|President|Chairman|"
                       r"Board)\b", re.I)
_GOVERNMENT_LEVEL = re.compile(r"\b(?:mayor|governor|magistrate|minister|municipal|provincial|county|"
                               r"district|city|prefecture|township|town|bureau|department|commission|congress|cppcc|"
                               r"government|state|national)\b", re.I)
# An official of the place visited (not of the site) who briefs or receives the party takes part.
_HOSTING = re.compile(r"\b(?:introduced|briefed|reported to|welcomed|explained|showed|"
                      r"(?:extended|expressed|gave)\s+(?:a\s+)?(?:warm\s+|hearty\s+)?welcome)\b")
# An official of the village, community or company visited ("Party secretary of the village",
# "secretary of the X Community Party Committee") is its host, not one taking part.
_OF_THE_SITE = re.compile(r"\b(?:village|community|company|enterprise|plant|factory)\b", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they|them|their)\b", re.I)
_WORD = re.compile(r"[\w'’-]+")
