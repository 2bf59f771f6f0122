"""English companions: who of the officials named takes part in a visit, and who is a host,
the lead named again, or only spoken to."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from crawler.visits.en.detect import en_visit_sentence
from crawler.visits.en.hosts import spoken_to, visit_to_come
from crawler.visits.en.roles import PUBLISHER, WORDS_OF, met_host, sentence_index
from crawler.visits.officials import Mention


def not_denied(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions less those a clause denies are there ("nor did he summon Premier A and other top
    officials"): no one named so leads or comes along."""
    return [m for m in mentions if not _DENIED.search(text, max(0, m.title_start - 60), m.title_start)]


# A clause that denies the official is there: "did not meet ... nor did he summon A" (not "not only").
_DENIED = re.compile(r"\b(?:not(?! only)|nor|never|without)\b[^,.;:\n]{0,60}$")


def named_companions(text: str, acc: list[Mention]) -> list[Mention]:
    """Those named as accompanying, less any only spoken to and any bare title a site's host
    holds as well ("accompanied by Chairman A") with no government body named around it."""
    return [m for m in acc if not spoken_to(text, m.title_start) and not (
        _HOST_TITLE.fullmatch(m.title) and not _body_before(text, m)
        and not _GOVERNMENT_BODY_AFTER.match(text, m.end))]


def companions(text: str, sentences: list[tuple[int, str]], mentions: list[Mention],
               leads: list[Mention], acc: list[Mention], year: str = "") -> list[Mention]:
    """The companions of a visit: those named as accompanying and the officials present in its
    sentences, less the leads named again, those of a visit still to come and those told in a
    sentence of the past (``year``: the visit's)."""
    acc = acc + _present_officials(mentions, leads, acc, sentences, text)
    acc = [m for m in acc if not _lead_again(m, leads) and not visit_to_come(text, m.end, m.title_start)
           and not _told_before(_sentence_of(text, m), year) and not _WHO_CAME.match(text, m.end)]
    if PUBLISHER.search(text):  # "our school": its Party committee's people are its hosts
        acc = [m for m in acc if not (_OWN_BODY.search(m.title) and not _GOVERNMENT_LEVEL.search(m.title))]
    return acc


def headline_companions(text: str, mentions: list[Mention], leads: list[Mention],
                        acc: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """A headline's lead whom the body names only as taking part ("Mayor A and vice mayor B went to
    our plant" over "A inspected the plant ... B attended") comes along: the body tells the roles."""
    line_end = text.find("\n")
    if line_end < 0 or text[:line_end].rstrip().endswith((".", "!", "?")):
        return leads, acc
    told = {m.name for m in leads if m.start > line_end}
    moved = []
    for lead in leads:
        later = [m for m in mentions if m.name == lead.name and m.start > line_end]
        if lead.start < line_end and lead.name not in told and later and all(
                _TAKING_PART.search(_sentence_of(text, m)) for m in later):
            moved.append(later[0])
    names = {m.name for m in moved}
    if not moved or all(m.name in names for m in leads):
        return leads, acc
    return [m for m in leads if m.name not in names], sorted(acc + moved, key=lambda m: m.start)


_TAKING_PART = re.compile(r"\b(?:accompan\w+|attended|took part|participated|"
                          r"(?:was|were) (?:also )?present)\b")


def _sentence_of(text: str, m: Mention) -> str:
    start = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start)) + 1
    end = text.find(".", m.end)
    return text[start:end if end >= 0 else len(text)]


# A sentence that tells an earlier time ("Previously, on April 2, ...", "In December 2017, ..."): the
# officials in it were at an earlier visit, not at this one.
_BACKGROUND = re.compile(r"^\W*(?:(?:Previously|Formerly|In the past|Back in|Last year)\b|"
                         r"(?:In|On|Since|By)\s+(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d{2})\b)")


def _told_before(sentence: str, year: str) -> bool:
    m = _BACKGROUND.match(sentence)
    return m is not None and (not m.group(1) or bool(year) and m.group(1) != year)


def accompanying_names(text: str, acc: list[Mention]) -> set[str]:
    """Companions whose own sentence says they accompany (not only 'attended')."""
    return {m.name for m in acc
            if "accompan" in text[text.rfind(".", 0, m.start) + 1:text.find(".", m.end) + 1]}


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
        if m.name.replace(" ", "").lower() == lead.name.replace(" ", "").lower():
            return True  # "Indrasena Nallu" after "Indra Sena Nallu": one name spaced two ways
        surname = lead.name.split()[0]
        if words == [surname]:
            return True
        lead_words = lead.name.split()
        if len(words) > len(lead_words) and words[-len(lead_words):] == lead_words and all(
                w in _TITLE_WORDS or w in _NATIONALITY for w in words[:-len(lead_words)]):
            return True  # "Chinese President Zhou Hua" after "Zhou Hua": the title read into the name
        if words[0] == surname and _same_office(m.title, lead.title):
            return True  # "Huang Feng, deputy secretary of X" after "Huang Fen, Deputy Secretary of X"
        given, lead_given = " ".join(words[1:]), " ".join(lead.name.split()[1:])
        if (words[0] == surname and min(len(given), len(lead_given)) >= 5  # not "Wang Jun" / "Wang Jin"
                and SequenceMatcher(None, given.lower(), lead_given.lower()).ratio() >= 0.75):
            return True
    return False


def _same_office(title: str, other: str) -> bool:
    """Are two long titles one office written twice ("Secretary of the Party Leadership Group of the
    Municipal Government", "secretary of the party group of the municipal government")?"""
    a, b = title.lower(), other.lower()
    return min(len(a), len(b)) >= 20 and SequenceMatcher(None, a, b).ratio() >= 0.8


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


# "A, who visited the project recently, is firm on ...": his own earlier visit, told aside.
_WHO_CAME = re.compile(r"[^.;]{0,120}?,\s*who\s+(?:had\s+)?(?:also\s+)?"
                       r"(?:visited|inspected|toured|came|went)\b")


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
_HOSTING = re.compile(r"\b(?:introduced|briefed|reported (?:to|on)|welcomed|explained|showed|"
                      r"(?:extended|expressed|gave)\s+(?:a\s+)?(?:warm\s+|hearty\s+)?welcome)\b")
# An official of the village, community or company visited ("Party secretary of the village",
# "secretary of the X Community Party Committee") is its host, not one taking part.
_OF_THE_SITE = re.compile(r"\b(?:village|community|company|enterprise|plant|factory)\b", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they|them|their)\b", re.I)
_WORD = re.compile(r"[\w'’-]+")
