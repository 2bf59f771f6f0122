"""Who leads an English visit and who comes along.

The first sentence naming officials gives the leads (the subjects of "went
to", "inspected", "led a delegation"); officials in a participation frame
("accompanied by ...", "Accompanying him were ...", "... took part",
"... attended relevant activities") accompany, wherever they stand.
"""

from __future__ import annotations

import re

from crawler.visits.en.detect import en_visit_sentence, main_clause
from crawler.visits.en.hosts import company_title
from crawler.visits.en.officials import REPORT_OF
from crawler.visits.literal import starts
from crawler.visits.officials import Mention

# After the names: "... accompanied", "... took part", "... were also present".
_ACC_BEFORE = re.compile(
    r"\b(?:participated|took part|also attended|joined(?!\s+by)|"
    r"attended the(?! (?:[\w-]+ ){0,3}(?:ceremony|meeting|conference|forum|symposium|session|expo|fair)\b)|"
    r"able to accompany|in attendance|"
    r"attended(?=\s*[.;]|\s+(?:the )?(?:event|relevant|activit\w+|inspection|investigation|research))|"
    r"accompan\w+\b(?!\s+by)|"
    r"(?:was|were) (?:also )?(?:present|at the|on hand|in attendance|in company|with (?:him|her|them)|"
    r"along|on the (?:trip|tour|visit|inspection))|went along|came along|(?:went|came) together|escort\w*|"
    # "... watched the activity together": a party's companions (陪同观摩)
    r"(?:observed|attended|joined|watched)\s+(?:(?:the|this)\s+)?(?:(?:event|activit(?:y|ies)|visit|"
    r"inspection|tour)\s+)?together|"
    r"(?-i:company)(?=\s*[.;]))",
    re.I)
# Before the names: "accompanied by ...", "Also attending were ...", "The delegation included ...".
_ACC_AFTER = re.compile(
    r"\b(?:accompanied by|accompany(?:ing)?\b(?!\s+with\b)[^.;]{0,40}?\b(?:were|was|are|is)|along with|"
    r"together with|alongside|"
    r"joined by|in the company of|accompaniment of|"
    r"(?:toured|visited|inspected)\b[^;]{0,80}?\bwith(?=\s+(?:(?:the\s+)?[A-Z][^.;,]{0,40})?$)|"
    r"led(?=\s*$|\s+(?:(?-i:[A-Z])|vice\b|deputy\b|the\s+(?:vice|deputy|secretary|mayor|director|head)\b))|"
    r"(?:also\s+)?(?:attending|participating|present|joining|taking part)\b[^.;]{0,60}?"
    r"\b(?:were|was|included)|"
    r"(?:also\s+)?on the (?:tour|trip|visit|inspection) (?:were|was)|(?:next to|beside) (?:him|her) are|"
    r"(?:accompanying (?:personnel|officials|leaders|staff)|participants)(?=\s*:)|"
    # "The following guests were also present at the site: Title, Mr. A; Title, Mr. B"
    r"following (?:guests|officials|leaders|comrades|persons|people)\b[^.;:]{0,60}(?=\s*:)|"
    r"(?:members|group|delegation|team|entourage)\s+(?:also\s+)?included|including|"
    # "Leaders of the visiting side include A, B and C"
    r"(?:leaders|officials|members)\b[^.;]{0,40}?\binclude[sd]?)\b", re.I)
# "without ... accompanying", "no local leaders accompanied by": a frame denied.
_NEGATED = re.compile(r"\b(?:[Nn]o|[Ww]ithout|not|nor)\s+(?:[\w-]+\s+){0,3}$")
# "accompany with" / "accompanying with" (machine translation): the officials after it are the ones
# accompanied, up to the clause's verb.
_ACCOMPANYING_WITH = re.compile(r"\baccompany(?:ing)? with\b"
                                r"(?![^.;]*\b(?:survey|inspect|visit|went|came)\w*\b)")
_LEAD_VERB = re.compile(r"\b(?:led|went|came|visited|inspected|investigated|made|conducted|toured|"
                        r"surveyed|paid|carried)\b")
# The mention is the subject of the clause ("Accompanied by A, Mayor B inspected..."): B leads.
_SUBJECT_OF = re.compile(r"\s*(?:,[^,]{0,80},\s*)?(?:also\s+|then\s+)?"
                         r"(?:led|went|came|visited|inspected|investigated|toured|surveyed)\b")

# The verb a second subject shares with the lead, after its title and a participle frame
# ("A, title, and B, title, together with the heads of X and Y, went to").
_CO_SUBJECT = re.compile(r"\s*(?:,[^,.;]{0,80},\s*)?(?:(?:accompanied by|together with|along with)\b"
                         r"[^.;]{0,160}?,\s*)?(?:also\s+)?"
                         r"(?:led|went|came|visited|inspected|investigated|toured|surveyed)\b")

# "Mayor Li Hua and his party, accompanied by A, secretary of X, came": the clause has its subject
# before the participle, so the verb after A is the subject's, not A's.
# Also with the subject's title after the name: "A, director of X, and B, second-level investigator,
# accompanied by C, visited": C comes along.
_SUBJECT_BEFORE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+and\s+(?:his|her|their)\s+"
                             r"(?:party|delegation|team|entourage)|,\s*[^,.;]{2,80})?,\s*$")


def sentence_index(offsets: list[int], pos: int) -> int:
    """Index of the sentence (by start offsets) that holds ``pos``."""
    idx = 0
    for i, off in enumerate(offsets):
        if off <= pos:
            idx = i
    return idx


def roles(text: str, sentences: list[tuple[int, str]],
          mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Leading officials and accompanying ones, by the frame each mention stands in."""
    offsets = [p for p, _ in sentences]
    leads: list[Mention] = []
    acc: list[Mention] = []
    lead_sentence = _first_visit_sentence(sentences, offsets, mentions)
    prev: Mention | None = None
    host: Mention | None = None
    chained: set[int] = set()  # starts of the officials listed with a lead up to their shared verb
    guest: Mention | None = None  # the last of the visiting party met by the publisher's own people
    publisher = PUBLISHER.search(text) is not None
    for m in mentions:
        idx = sentence_index(offsets, m.start)
        s_off, sentence = sentences[idx]
        before = sentence[:m.start - s_off]
        after = main_clause(sentence[m.end - s_off:])
        if text[m.end:m.end + 2] in ("'s", "’s") and REPORT_OF.match(text, m.end + 2):
            acc.append(m)  # "listened to the township secretary A's report": A briefs the party
            prev = m
            continue
        if publisher and _met_host(before, after, leads) and m.name in {lead.name for lead in leads}:
            prev = guest = m  # "our school's secretary met with A (the lead), B and C": the visitors
            continue
        if publisher and guest is not None and prev is guest and _coordinated(text, prev, m):
            acc.append(m)
            prev = guest = m
            continue
        if (_met_host(before, after, leads) or _INTRODUCED_BY.search(before) or WORDS_OF.search(before)
                or (prev is not None and prev is host and _coordinated(text, prev, m))):
            prev = host = m  # "met with A, B and C": every official listed after the one met is a host
            continue
        if _ACCOMPANYING_WITH.search(before):  # "A and B, accompany with C, survey ...": C leads
            leads.append(m)
            lead_sentence = idx if lead_sentence is None else lead_sentence
            prev = m
            continue
        acc_after = _ACC_AFTER.search(before)
        if acc_after and _NEGATED.search(before, 0, acc_after.start()):
            acc_after = None  # "with no local officials accompanied by ...": nobody came along
        if acc_after and _with_site_head(before, leads, text):
            prev = host = m
            continue
        if acc_after and _GROUP_INCLUDING.match(before) and _LIST_TO_VERB.match(text, m.end):
            leads.append(m)  # "The city leaders, including A, B and others, visited": the subject
            lead_sentence = idx if lead_sentence is None else lead_sentence
            prev = m
            continue
        chain = _verb_chain(text, m, mentions)
        if (not acc_after and prev is not None and prev.name in {lead.name for lead in leads}
                and (_coordinated(text, prev, m) or m.start in chained)
                and (_CO_SUBJECT.match(after) or chain)):
            leads.append(m)  # "A, title, and B, title, accompanied by C, visited": B leads with A
            chained.update(o.start for o in chain)
            prev = m
            continue
        acc_marker = _ACC_BEFORE.search(after)
        verb_between = _LEAD_VERB.search(after[:acc_marker.start()] if acc_marker else "")
        own_verb = acc_after and (_LEAD_VERB.search(before[acc_after.end():])
                                  or (m.title and _SUBJECT_OF.match(after)
                                      and not _SUBJECT_BEFORE.search(before[:acc_after.start()])))
        if (acc_after and not own_verb) or (acc_marker and not verb_between) or (
                acc and acc[-1] is prev and not own_verb and _coordinated(text, prev, m)):
            acc.append(m)
            prev = m
            continue
        prev = m
        if lead_sentence is None:
            lead_sentence = idx
        if idx < lead_sentence:
            continue  # named in a speech or meeting before the visit
        if idx == lead_sentence or (leads and _own_visit(sentence, before, leads)):
            leads.append(m)
        elif leads and en_visit_sentence(sentence) and (any(
                lead.name.split()[-1] in sentence for lead in leads) or _subject_of_visit(sentence, before)):
            acc.append(m)
    leads += _joint_leads(text, leads, mentions)
    leads, acc = _attendee_leads(sentences, offsets, leads, acc)
    lead_names = {m.name for m in leads}
    return leads, [m for m in acc if m.name not in lead_names]


# A sentence that opens with a group of officials "including" named ones ("The city leaders, including
# A, B, and others, took the time to visit"): those named are the subject, up to its verb.
_GROUP_INCLUDING = re.compile(r"\s*(?:[A-Z][\w'’-]*\s+)?(?:(?:the|city|municipal|provincial|county|district|"
                              r"party|government|local|senior)\s+){0,3}(?:leaders|officials)\s*,?\s*"
                              r"(?:including|such as)\s+[^.;]*$", re.I)
_LIST_TO_VERB = re.compile(r"(?:\s*,\s*(?:and\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})*"
                           r"(?:,?\s+and\s+others)?,?\s+(?:also\s+)?(?:took the time to\s+)?"
                           r"(?:visit(?:ed)?|inspected|toured|went|came|investigated)\b")


# A report written by the place visited ("came to our school", "our company"): its own people meet
# the visiting party, so those met are the visitors, not hosts.
PUBLISHER = re.compile(r"\b(?:our|Our)\s+(?:school|company|factory|college|university|hospital|group|plant|"
                       r"institute|enterprise|firm)\b")


# The head of the site visited, by a title that only a site's people hold.
_SITE_HEAD = re.compile(r"\b(?:[Ss]choolmaster|[Hh]eadmaster|[Pp]rincipal|[Gg]eneral [Mm]anager|CEO|"
                        r"[Pp]resident of (?:the )?(?:[A-Z][\w'’-]*\s+){0,4}(?:[Uu]niversity|[Cc]ollege|"
                        r"[Cc]ompany|[Gg]roup|[Cc]orporation))\b")


def _with_site_head(before: str, leads: list[Mention], text: str = "") -> bool:
    """Is the last participation frame before the mention one whose subject is the head of the site
    visited, with no lead beside him ("Principal A, accompanied by the school's B and C, ...")? Who
    comes along with the site's own head is one of its people, a host. The head may be named by the
    place visited ("A, President of X, attended, accompanied by B" after "visited X")."""
    frames = list(_ACC_AFTER.finditer(before))
    if not frames:
        return False
    subject = before[:frames[-1].start()]
    head = _SITE_HEAD.search(subject) is not None or any(
        company_title(text, h.group(0)) for h in _HEAD_OF_BODY.finditer(subject))
    return head and not any(lead.name in subject for lead in leads)


_HEAD_OF_BODY = re.compile(r"\b(?:President|Chairman|Chairwoman|General Manager)\s+of\s+(?:the\s+)?"
                           r"(?:[A-Z][\w'’&-]*\s+){0,3}[A-Z][\w'’&-]*")


def _attendee_leads(sentences: list[tuple[int, str]], offsets: list[int], leads: list[Mention],
                    acc: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """A party's visit that no one is said to lead ("the delegation went to X. A, title, attended
    the inspection. B and C unveiled a plaque."): the first official taking part leads it, and those
    named later in a sentence of no visit come along."""
    if not leads or not acc or acc[0].start > leads[0].start:
        return leads, acc
    first = sentences[sentence_index(offsets, acc[0].start)][1]
    if _ACCOMPANIED.search(first) or any(en_visit_sentence(main_clause(
            sentences[sentence_index(offsets, m.start)][1])) for m in leads):
        return leads, acc
    rest = sorted(acc[1:] + leads, key=lambda m: m.start)
    return [acc[0]], rest


_ACCOMPANIED = re.compile(r"\baccompan", re.I)


def _first_visit_sentence(sentences: list[tuple[int, str]], offsets: list[int],
                          mentions: list[Mention]) -> int | None:
    """When the first sentence naming an official reports a speech or a meeting and no visit, and a
    later sentence of visiting names other officials, that later sentence leads ("A delivered a
    speech on May 1. To carry it out, B and C inspected ..." is led by B and C). None otherwise:
    the first naming sentence leads."""
    if not mentions:
        return None
    first = sentence_index(offsets, mentions[0].start)
    opening = main_clause(sentences[first][1])
    if en_visit_sentence(opening) or not _SPEECH.search(opening):
        return None
    earlier = {m.name for m in mentions if sentence_index(offsets, m.start) == first}
    for m in mentions:
        idx = sentence_index(offsets, m.start)
        s_off, sentence = sentences[idx]
        if (idx <= first or m.name in earlier or not en_visit_sentence(main_clause(sentence))
                or en_visit_sentence(sentence[:m.start - s_off])):  # named after the verb: no subject
            continue
        framed = _ACC_AFTER.search(sentence[:m.start - s_off]) or _ACC_BEFORE.search(sentence[m.end - s_off:])
        if not framed:
            return idx
    return None


_SPEECH = re.compile(r"\b(?:speech|meeting|conference|presided|session|symposium|forum)\b", re.I)


# "where they met with Hebei governor A", "A (2nd R), governor of X, meets with President B": the
# official met is the party's host, neither leading nor accompanying.
_MET_WITH = re.compile(r"\b(?:met|meets|meeting)\s+with\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}$")
# "called on the Secretary of the X Committee, Mr A", "held a meeting with the Governor, Mr B", "met
# Mayor C": a courtesy call names the party's host (its subject, not the one called on, is on the visit).
_CALLED_ON = re.compile(r"\b(?:called on|calls on|call on|calling on|courtesy call on|met|meets|"
                        r"held (?:a meeting|talks|a talk) with)\s+(?:the\s+)?(?:[\w'’&-]+,?\s+){0,14}$")
# "The delegation was warmly received by A, title, and B, title": who receives the party hosts it.
# A dot inside "Mr.Lin" or at the cut before a name ("..., Ms.") ends no sentence.
_RECEIVED_BY = re.compile(r"\b(?:received|welcomed|hosted|greeted)\s+by\b(?![^.;]*\baccompan)"
                          r"(?:[^.;]|\.(?=\w)|\.$)*$")
# The one who calls, when no lead is known yet: "Mr Fang called on ...", "He then met ...".
_CALLER = re.compile(r"^(?:[^,.;]{0,60},\s*)?(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-Z][\w'’-]+|He|She|They)\s+"
                     r"(?:\w+ly\s+|first\s+|also\s+|then\s+|later\s+)?(?:called on|met|held)\b")
_MEETS = re.compile(r"^[^.;]{0,80}?\b(?:(?:met|meets)\s+with|called on|calls on|"
                    r"paid a (?:courtesy )?call on)\b([^.;]*)")


def met_host(sentences: list[tuple[int, str]], m: Mention, leads: list[Mention],
             text: str = "", mentions: list[Mention] | None = None) -> bool:
    """Is the mention the official the visiting party met (its host)? Also when listed right after
    one who is ("met with A, B and C"), given the ``text`` and its ``mentions``."""
    s_off, sentence = sentences[sentence_index([p for p, _ in sentences], m.start)]
    before = sentence[:m.start - s_off]
    if _met_host(before, main_clause(sentence[m.end - s_off:]), leads):
        return True
    if _with_site_head(before, leads, text):
        return True
    earlier = [o for o in mentions or [] if o.end <= min(m.start, m.title_start) and o.start >= s_off]
    return bool(earlier) and _coordinated(text, earlier[-1], m) and met_host(
        sentences, earlier[-1], leads, text, mentions)


def _met_host(before: str, after: str, leads: list[Mention]) -> bool:
    if not any(w in before or w in after for w in ("met ", "meets ", "meeting ", "call on ", "calls on ",
                                                   "called on ", "calling on ", "held ", " by ")):
        return False
    if leads and _MET_WITH.search(before):
        return True
    if _CALLED_ON.search(before) and (leads or _CALLER.match(before)):
        return True
    if _RECEIVED_BY.search(before):
        return True
    meets = _MEETS.match(after)
    return bool(meets and any(lead.name in meets.group(1) for lead in leads))


def _own_visit(sentence: str, before: str, leads: list[Mention]) -> bool:
    """Does a later sentence open with another official going somewhere on his own ("Xu Ming, deputy
    director of X, came to Y community"), naming no lead? He leads a visit of the same day too."""
    after = sentence[len(before):]
    return (_OPENER.fullmatch(before) is not None and _GOING_TO.match(after) is not None
            and not any(lead.name.split()[-1] in sentence for lead in leads))


# An opening time or place before the subject: "On May 3, ", "In the afternoon, ".
_OPENER = re.compile(r"\s*(?:(?:On|In|At|During)\b[^,.;]{0,60},\s*)?")
# The subject's own verb of going, after its name and title: "Xu Ming, deputy director of X, came to".
_GOING_TO = re.compile(r"[\w'’ -]{0,40}?(?:,[^,.;]{0,120},)?\s*(?:came|went) to\b")


# "Under the guidance and introduction of A, ... and B, ..., they visited": who shows the site round
# is its host (up to the party's own verb: "Guided by A, they visited B, where Mayor C ...").
# "the important speeches made by A", "the instructions of General Secretary A", "Entrusted by A, ...":
# the one whose words the visit carries out, or who sent the party, is not on it.
WORDS_OF = re.compile(r"(?:\b(?:speech(?:es)?|instructions?|remarks|thoughts?|directives?|requirements|"
                       r"spirit)\s+(?:(?:made|delivered|given|issued)\s+)?(?:by|of)|"
                       # "the Thought ... put forward by President A": whose ideas, not who is there
                       r"\b(?:put forward|proposed|advocated|raised)\s+by|"
                       r"\b(?:[Ee]ntrusted|[Cc]ommissioned|[Ss]ent)\s+by|\bon behalf of|"
                       # "should implement the governor Zhou Hua's speech": whose words are carried out
                       r"\b(?:implement(?:s|ed|ing)?|carry out|carried out|study|studied|learn)\s+(?:the\s+)?"
                       r"(?:[a-z]+\s+)?(?:governor|mayor|secretary|premier|president|chairman|minister))\s+"
                       r"(?:(?:the\s+)?(?:General\s+Secretary|President|Chairman|Premier|[A-Z][a-z]+\s+Minister)\s+)?$")
_INTRODUCED_BY = re.compile(r"\b(?:introduction|explanation|introduced|explained|guided)\s+(?:of|by)\b"
                            r"(?![^.;]*\b(?:they|he|she|the (?:group|delegation|team))\s+"
                            r"(?:visited|inspected|went|came|toured)\b[^.;]*$)[^.;]*$")


def _subject_of_visit(sentence: str, before: str) -> bool:
    """Does the official stand before the sentence's visit verb ("deputy director A, inspector B
    visited condolences"): one of its subjects?"""
    return not _LEAD_VERB.search(before) and not _ACC_AFTER.search(before) and _LEAD_VERB.search(
        sentence, len(before)) is not None


# Nothing but a list's joint between two officials: ", ", " and ", ", as well as ", a caption's "(L)".
# The next title may open with its place ("A and Hexi Vice Mayor B").
_JOINT = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:,\s*)?(?:(?:and|as well as)\s+)?(?:the\s+)?"
                    r"(?:[A-Z][a-z]+\s+)?")


def _title_end(text: str, m: Mention) -> int:
    """Where the mention ends with its title when the title follows the name ("Name, Title")."""
    if m.title_start >= m.start and m.title:
        at = text.find(m.title, m.end, m.end + 12 + len(m.title))
        return at + len(m.title) if at >= 0 else m.end
    return m.end


def _coordinated(text: str, prev: Mention | None, m: Mention) -> bool:
    """Is ``m`` listed right after ``prev`` ("with Councilmember A and Deputy Mayor B")? Then it
    stands in the same frame."""
    if prev is None:
        return False
    gap = text[_title_end(text, prev):min(m.start, m.title_start)]
    return 0 < len(gap) <= 30 and _JOINT.fullmatch(gap) is not None


def _verb_chain(text: str, m: Mention, mentions: list[Mention]) -> list[Mention]:
    """'A, title, B, long title, C, title visited X': the chain of officials, each given with his
    title and joined by commas, that runs from ``m`` to the visit verb with no frame in between
    (each is then its subject); empty when none does."""
    cur, chain = m, [m]
    while True:
        end = _title_end(text, cur)
        nxt = next((o for o in mentions if o.start >= end), None)
        gap = text[end:nxt.start if nxt else min(len(text), end + 200)]
        verb = _LIST_VERB.match(gap)
        if verb or _ACC_AFTER.search(gap) or _ACC_BEFORE.search(gap):
            framed = verb is None or any(f.search(gap, 0, verb.end()) for f in (_ACC_AFTER, _ACC_BEFORE))
            return [] if framed else chain
        if nxt is None or not _TITLE_REST.fullmatch(gap) or _LEAD_VERB.search(gap):
            return []
        cur = nxt
        chain.append(nxt)


# The rest of a long title, up to the comma before the next listed name; the verb after the last.
_TITLE_REST = re.compile(r"[^.;]{0,160}?,\s*(?:and\s+)?")
_LIST_VERB = re.compile(r"[^.;,]{0,80}?\b(?:led|went|came|visited|inspected|investigated|toured|surveyed)\b")


def _joint_leads(text: str, leads: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """'A and B led the participants to...': B leads too when A does (A a lead, or one named again
    by surname: "Mr Zhou and Counsellor in Dorsa Li Ming inspected")."""
    out: list[Mention] = []
    lead_names = {m.name for m in leads}
    if not lead_names:
        return out
    surnames = {lead.split()[0] for lead in lead_names}
    for m in mentions:
        if m.name in lead_names or m.name in {o.name for o in out}:
            continue
        for at in starts(m.name, text):
            end = at + len(m.name)
            both = _AND.match(text, end)
            if ((_JOINT_VERB.match(text, end) and _lead_and_before(text, at, lead_names, surnames))
                    or (both and _lead_goes_at(text, both.end(), lead_names, surnames))):
                out.append(m)
                break
    return out


def _lead_and_before(text: str, at: int, names: set[str], surnames: set[str]) -> bool:
    """Does 'A and ' (maybe with up to 60 more words' characters, e.g. a title) end at ``at``?"""
    window = text[max(0, at - 200):at]
    for link in _AND.finditer(window):
        gap = window[link.end():]
        if gap and not (gap[-1].isspace() and len(gap) <= 61 and not _STOPS.search(gap[:-1])):
            continue
        before = window[:link.start()]
        honorific = _HONORIFIC_END.search(before)
        if any(before.endswith(name) for name in names) or (honorific and honorific.group(1) in surnames):
            return True
    return False


def _lead_goes_at(text: str, pos: int, names: set[str], surnames: set[str]) -> bool:
    """Does a lead ('A' or 'Mr A') start at ``pos`` and go ('led', 'visited', ...)?"""
    ends = [pos + len(name) for name in names if text.startswith(name, pos)]
    honorific = _HONORIFIC.match(text, pos)
    if honorific and honorific.group(1) in surnames:
        ends.append(honorific.end())
    return any(_JOINT_VERB.match(text, e) for e in ends)


_JOINT_VERB = re.compile(r"\s+(?:led|went|inspected|visited|came|toured|jointly)\b")
_AND = re.compile(r"\s+and\s+")
_STOPS = re.compile(r"[.;,]")
_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Dr)\.?\s+(\w+)")
_HONORIFIC_END = re.compile(r"(?:Mr|Ms|Mrs|Dr)\.?\s+(\w+)$")
