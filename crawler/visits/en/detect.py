"""Is an English article a visit? Meetings, courtesy calls, notices and discipline cases are not.

The first sentence naming an official decides the kind of event, as for Chinese
(:mod:`crawler.visits.detect`): a meeting there ("met with", "meeting") makes the
article a non-visit unless the party also inspected sites on the spot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_EN_VISIT = re.compile(
    r"\b(?:inspect\w*|investigat\w*|visit(?!ors?\b)\w*|went to|go to|goes to|"
    # not "was invited to come to the guidance" (of a meeting) nor "came to a conclusion"
    r"(?:came|come) to(?! (?:the |a |an )?(?:guidance|guide|attend|conclusion|agreement|consensus|"
    r"understand|know|realize|an end)\b)|"
    r"tour(?!is[mt])\w*|survey\w*|"
    # not a figure that "reached 20 million tonnes"
    r"research\w*|on-the-spot|spot investigation|walked into|went deep|arriv(?:e|es|ed|ing)\b|"
    # "entered severely affected regions", "personally assessed the progress of the construction"
    r"entered (?:the )?(?:[\w-]+ ){0,3}(?:regions|areas|villages|communities|enterprises|factories|workshops|"
    r"sites|counties|districts)|assess(?:ed|ing) the (?:progress|construction|works?|site|damage)|"
    r"reach(?:ed|es|ing)?\b(?!\s+(?:about\s+|nearly\s+|over\s+|more than\s+|a (?:total|record|high)\b|"
    r"an? (?:agreement|consensus)\b|agreement|consensus|\$?\d))|check\w*|"
    r"examin\w*|stop was|stops (?:were|included)|first to|then to|destination|patrol\w*|observ\w*|"
    r"(?:(?:talk\w*|chat\w*) (?:with|to)|met with) (?:(?:a|an|the|some) )?(?:local )?"
    r"(?:villagers?|workers?|residents?|farmers?|employees?|herdsm[ae]n|technicians?|staff)|"
    r"field (?:trip|visit|research|survey|study|guidance)|(?:trip|journey) to|"
    # "flew to flooded Xinyang", "rushed to quake-hit Baima": to the scene of a disaster
    r"(?:flew|rushed|hurried) to (?:the )?(?:[a-z]+ ){0,2}(?:flooded|[a-z]+-(?:hit|stricken|affected))|"
    r"greetings (?:to|in|at)|condolences|comfort\w*|dropped in|called on|stopped (?:by|at)|"
    r"head(?:ed|s)? (?:directly |straight )?(?:to|for)|(?:[Gg]oing|went|[Ll]ooking|looked) round|"
    r"field guidance to|"
    r"took a (?:close |closer )?look|spent (?:the|a|two|three|several) days? in|supervis(?:ed|ing|e)|"
    r"(?:was|were) in (?:[A-Z][\w'’-]+ )+(?:County|District|City|Village|Town|Province)?\s*(?:to|for)|"
    # not "led a delegation to participate in" a symposium or a fair
    r"led (?:a|an|the) [\w -]{0,30}(?:delegation|team|group)(?! to (?:participate|attend|take part)\b)|"
    # "led the heads of relevant departments to the Hongda Company" (带领…到)
    r"led (?:the )?[\w -]{0,40}?(?:heads|officials|leaders|comrades|persons in charge)(?: of [\w -]{0,40}?)? "
    r"to(?= (?:the |a )?(?-i:[A-Z])))\b",
    re.I)
_EN_MEETING = re.compile(
    r"\b(?:met with(?! (?:local )?(?:villagers|workers|residents|farmers|employees|herdsmen))|"
    r"received (?:a |the )?(?:delegation|visiting|guests?)|(?-i:received [A-Z])|"
    r"met|meets|meeting|session|conference|ceremony|presided|symposium|"
    # "attended the inspection" is taking part in a visit
    r"attend(?:ed|s)?(?!\s+(?:the\s+|this\s+|relevant\s+)?(?:inspection|investigation|survey|research|visit|"
    r"tour|activit))|"
    r"video|talks with(?! (?:villagers|workers|residents|farmers|staff|employees|locals|students|"
    r"teachers|doctors|patients|the elderly|children|technicians|researchers|herdsmen|fishermen))|"
    r"held an?|hosted (?:a|an|the) (?:[\w-]+ )?(?:reception|banquet|dinner|luncheon)|"
    # "to welcome a Chinese delegation from Baima": a reception of visitors
    r"welcom(?:e|ed|ing) (?:a|an|the) (?:[\w-]+ ){0,3}delegation|"
    r"signing|delivered a speech|deliberat\w+|interview\w*|speech|"
    r"mobili[sz]ation|presided over)\b", re.I)
_EN_BEFORE_MEETING = re.compile(
    r"\b(?:before|after) the (?:meeting|conference|forum|session|symposium|event)\b[^.]{0,80}"
    # not "After the meeting, he stated that neither came with an update": went or came somewhere
    r"\b(?:led|went (?:to|on|into)|visited|inspected|came to|observed|toured)\b", re.I)
_EN_ONSITE = re.compile(r"\b(?:on[- ]site (?:inspection|assessment|study|survey|investigation)\b|"
                        r"(?:after|before) (?:touring|visiting|inspecting) "
                        r"(?:the\b|its\b|(?-i:(?=[A-Z])))|"
                        # "attended the ceremony ... and then toured its production lines"
                        r"(?:and|,)\s+(?:then|later|afterwards)\s+"
                        r"(?:toured|visited|inspected|went to|came to)|"
                        r"inspected the (?:projects?|sites?)\b|"
                        r"visited the (?:projects?|sites?)\b)", re.I)
# Matched against lower-cased text (much faster than an IGNORECASE alternation).
_EN_DISCIPLINE = re.compile(
    r"discipline (?:inspection|violation)|anti-graft|corruption case|bribe|sacked|expelled|criminal|"
    r"investigating .{0,20}case|placed under investigation|(?<!newly )appointed|dismissed|"
    r"violations? of discipline|"
    r"disciplinary review|supervisory investigation|under investigation|suspected of|"
    r"removed from (?:office|(?:his|her) post)|deprived of (?:his|her) post|stripped of|discipline officials|"
    # "vowed to investigate wrongdoing", "a campaign against land-use violations"
    r"investigat\w*\s+(?:[\w-]+\s+){0,2}?(?:malpractices?|violations?|corruption|wrongdoings?|misconduct)|"
    r"(?:campaign|crackdown)\s+against\b|"
    r"(?<!'s )(?<!’s )inspection team")  # not "Mayor Du's inspection team"


def en_is_visit(sentences: list[str], first_mention_sentence: int | None,
                has_officials: bool, text: str, names: Sequence[str] = ()) -> bool:
    """Does this English article report a site visit by a named official? ``names``: the words
    of the officials' names; when given, a visit word counts only in a sentence about the party
    (naming an official, or he/she/they, the delegation, the leaders)."""
    if not has_officials or first_mention_sentence is None:
        return False
    sentence = main_clause(sentences[first_mention_sentence])
    lead_in = " ".join(sentences[max(0, first_mention_sentence - 1):first_mention_sentence + 1]
                       + _en_opening(sentences))
    if _EN_DISCIPLINE.search(_EN_TEAM_VISITING.sub("", _EN_DISCIPLINE_BODY.sub("", lead_in)).lower()):
        return False
    sentence = _EN_TITLE_BODY.sub("", _EN_PURPOSE.sub("", sentence))
    meeting = _EN_MEETING.search(sentence)
    visit = _done_visit(sentence)
    # an on-site look told of an earlier time ("Earlier, in May 2022, ... conducted an on-site
    # inspection") is background
    onsite = (any(_EN_ONSITE.search(s) and not _EN_BACKGROUND.search(s) for s in sentences)
              or _EN_BEFORE_MEETING.search(text)
              or any(_EN_LATER_VISIT.search(later) and not _EN_BACKGROUND.search(later)
                     for later in sentences[first_mention_sentence + 1:]))
    if meeting and (not visit or meeting.start() < visit.start()) and not onsite:
        return False
    named = set(names)
    # the lead or a sentence next to it tells a visit still ahead
    near = sentences[max(0, first_mention_sentence - 1):first_mention_sentence + 2]
    ahead = any(_told_ahead(s) for s in near)
    # with no name known, a headline ("Pingland Premier visits Baima") is no evidence of its own
    return bool(onsite) or any(
        (done := _done_visit(s)) and (not ahead or _EN_PAST_VERB.match(done.group(0)))
        and (not names or i == first_mention_sentence or _EN_PARTY.search(s)
             or named & set(_EN_WORD.findall(s)))
        and (names or i or s.rstrip().endswith((".", "!", "?")))
        for i, s in enumerate(sentences))


# "X will visit Y district on December 12", "X is scheduled to visit Y": the lead tells a visit
# still ahead; later "during his visit he is expected to ..." tells it no more done, only a
# verb of going in the past ("he visited", "went to") does.
_EN_PAST_VERB = re.compile(r"(?i)(?:[a-z]+ed|went|came|led|spent|took)\b")


def _told_ahead(sentence: str) -> bool:
    """Does the sentence tell a visit still to come, and none done?"""
    m = _EN_VISIT.search(sentence) or _EN_LEAD_TO.search(sentence)
    return (m is not None and _done_visit(sentence) is None
            and (EN_FUTURE.search(sentence, 0, m.start())
                 or _EN_EXPECTED.search(sentence, 0, m.start())) is not None)


# "X is expected to lead a delegation to the port on Thursday": a tour still ahead.
_EN_EXPECTED = re.compile(r"\b(?:is|are|was|were) expected to\b")
_EN_LEAD_TO = re.compile(r"\b(?:lead|head) (?:a|an|the) [\w -]{0,30}?(?:delegation|team|group) to\b")


# "an environmental protection inspection team led by X visited Y": a team on a visit, no case.
# "An inspection team under a congress's standing committee inspected ...", "the inspection team ...
# conducted on-site inspections": the team's own verb is a visit.
_EN_TEAM_VISITING = re.compile(r"(?i)inspection team(?=\s+led by\b|[^.;]{0,200}\b(?:visited|inspected|"
                               r"came to|went to|went deep|went into|arrived|toured|"
                               r"conducted (?:on-site |field )?inspections?)\b)")


# The body an official's title names ("vice-chairwoman of the National Committee of the Chinese
# People's Political Consultative Conference (CPPCC)"): a capitalised Conference there is no meeting,
# also where a translation writes part of the body's name in lower case ("Chinese people's political").
_EN_TITLE_BODY = re.compile(r"(?i:\b(?:(?:vice-|deputy )?chair(?:man|woman|person)|secretary(?:-general)?|"
                            r"member|president|director|head)(?:\s+and\s+[\w-]+)?\s+of\s+)"
                            r"(?:(?:the|of|and|[A-Z][\w'’-]*|(?i:people['’]s|political|consultative))\s+){0,12}"
                            r"Conference\b(?:\s*\([A-Z]+\))?")


# "To fully implement the spirit of A's speech, B inspected ...": the meeting is the purpose.
# "In the run-up to the opening of the X Session, A made a field tour": the meeting only dates the tour.
_EN_PURPOSE = re.compile(r"^\s*(?:(?:In order )?[Tt]o\s+(?:\w+ly\s+)?(?:carry out|implement|put into effect|"
                         r"act on|follow up)\b[^,;.]{0,120}|"
                         r"(?:In the (?:run|lead)-up to|Ahead of|On the eve of)\b[^,;.]{0,160}),\s*")


def _en_opening(sentences: list[str]) -> list[str]:
    """The article's first sentence of prose (the lead, after headline and page lines): a
    discipline case it tells is the article's subject, wherever an official is first named."""
    return [s for s in sentences if len(s.split()) >= 12][:1]


# Words for the visiting party besides the officials' names.
_EN_PARTY = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Tt]heir|[Dd]elegation|[Tt]eam|[Gg]roup|"
                       r"[Rr]epresentatives|[Dd]eputies|"
                       r"[Ll]eaders?|[Oo]fficials|[Mm]ayor|[Gg]overnor|[Ss]ecretary|[Pp]remier|[Mm]inister|[Cc]hairman|"
                       r"[Dd]irector|[Pp]arty)\b")
_EN_WORD = re.compile(r"[\w'’-]+")


# What an official said (a site after it is one spoken of) and what is still to come.
EN_SAID = re.compile(r"\b(?:emphasi[sz]e[ds]?|stress(?:ed|es)|pointed out|points out|said|says|urged|"
                     r"called for|requested|noted|hoped|encouraged|demanded|required|"
                     r"(?:saying|adding|noting|stressing) that)\b")
EN_FUTURE = re.compile(r"\b(?:scheduled|will|plan(?:s|ned)? to|were to|are to|is to)\b")
# Besides those, words after which a visit is only spoken of or planned ("welcomes visitors to
# tour", "introduced the plan to visit 100 enterprises").
_EN_NOT_DONE = re.compile(r"\b(?:announced|introduced|told|called on|asked|welcomes?|plans?|planned|would|"
                          r"requiring|urging|asking|calling on|encouraging|"
                          r"should|must|to be)\b")


def _done_visit(sentence: str) -> re.Match[str] | None:
    """The first visit word of the sentence that reports a visit done, not one said or planned,
    nor a call on a person or a company's people going to the government."""
    for m in _EN_VISIT.finditer(sentence):
        before = sentence[:m.start()]
        if _named_or_ahead(sentence, m):
            continue
        if _EN_BODY_AFTER.match(sentence, m.end()) and _EN_OF_BEFORE.search(before):
            continue  # "head of the inspection and guidance group": a body named in a title
        call = m.group(0).lower().startswith(("visit", "called on")) and (
            _EN_CALL_ON.match(sentence, m.end()) or _EN_CALL_ON_TITLED.match(sentence, m.end()))
        call = call or (m.group(0).lower() == "called on" and _EN_CALL_ON_NAME.match(sentence, m.end()))
        sent = m.group(0).lower().startswith("greetings") and _EN_SENT.search(before)
        call = call or (m.group(0).lower().startswith("visit") and _EN_CITY_TO_MEET.match(sentence, m.end()))
        if m.group(0).lower() == "visiting" and _EN_GUEST_BEFORE.search(before) and _EN_GUEST_AFTER.match(
                sentence, m.end()):
            continue  # "a reception for visiting Chairman X", "the visiting delegation": the guests
        during = _EN_DURING.search(before)
        if during and _EN_EARLIER.search(during.group(0)):
            continue  # "during the previous visits of the Governor": an earlier visit, told as background
        if during and not (EN_FUTURE.search(before) or _EN_ENSURE.search(before)
                           or _EN_WOULD.search(sentence, m.end())):  # "During his visit, he would meet"
            return m  # "stressed during his survey in Baima that ...": the survey is done
        if _EN_ARRANGED.search(before) or _EN_VISIT_NOUN.search(before) and (
                _EN_VISIT_AHEAD.match(sentence, m.end()) or _EN_WOULD.search(sentence, m.end())):
            continue  # "the Governor's visit is scheduled for ...", "After the visits, he would reach ..."
        if _EN_TO_COME.search(before):
            continue  # a headline's "A to visit B", "the purpose of the visit": no visit told as done
        if _EN_UNDERGONE.search(before) and m.group(0).lower().startswith("investigat"):
            continue  # "have been investigated", "under investigation": a case against the person
        if not (EN_SAID.search(before) or EN_FUTURE.search(before) or _EN_NOT_DONE.search(before)
                or _EN_EXPECTED.search(before)
                or _EN_ENSURE.search(before)
                or _EN_RESTRICTIVE.search(before) or call or sent or _EN_COMPANY_SUBJECT.search(before)):
            return m
    return None


# "visited Lahore where he met the Governor": a trip to call on an official, no site seen.
_EN_CITY_TO_MEET = re.compile(r"\s+(?:[A-Z][\w'’-]*\s*){1,3},?\s+where\s+(?:he|she|they)\s+"
                              r"(?:met|called on|held talks|held a meeting)\b")
# A quoted name ("launches 'CM on Field Visit'"): a scheme's or event's name, no visit.
_EN_QUOTED = re.compile(r"[“\"‘]([^“”\"‘’]{1,60})[”\"’]|(?:^|(?<=\s))'([^']{1,60})'")
# "to visit four districts next month", "will tour X tomorrow": a visit still ahead.
_EN_AHEAD_TIME = re.compile(r"[^.;]{0,60}?\b(?:next (?:week|month|year)|tomorrow|"
                            r"later this (?:week|month|year))\b", re.I)
# "Kenya is ready for Clinton visit": the visit a name before it makes, as a noun.
_EN_FOR_NAME = re.compile(r"\bfor\s+(?:[A-Z][\w'’-]*\s+){1,3}$")
# "went to the state-run X Hospital for some clinical tests": the official's own health.
_EN_OWN_HEALTH = re.compile(r"[^.;]{0,80}?\bfor\s+(?:some\s+|a\s+|routine\s+)?(?:clinical\s+|medical\s+)?"
                            r"(?:tests?|treatment|check-?ups?|surgery)\b", re.I)


# "The inspection tour ... has been postponed": no visit made.
_EN_CALLED_OFF = re.compile(r"\b(?:postponed|cancell?ed|called off|put off|deferred)\b")
# "visited Laos to attend a foundation-laying ceremony": a trip to an event, not to look at sites.
_EN_TO_ATTEND = re.compile(r"[^.;]{0,40}?\bto attend (?:a|an|the) [^.;]{0,60}?(?:ceremony|summit|forum|"
                           r"conference|meeting|session|fair|expo|celebrations?|anniversary|festival)\b")


def _named_or_ahead(sentence: str, m: re.Match[str]) -> bool:
    """Is the visit word inside a quoted name, told with a time still ahead, a noun after
    'for <Name>', or a trip for the official's own medical tests?"""
    if any(q.start() < m.start() and m.end() < q.end() for q in _EN_QUOTED.finditer(sentence)):
        return True
    word = m.group(0).lower()
    if word in ("visit", "visits") and _EN_FOR_NAME.search(sentence, 0, m.start()):
        return True
    return bool(_EN_AHEAD_TIME.match(sentence, m.end()) or _EN_OWN_HEALTH.match(sentence, m.end())
                or _EN_CALLED_OFF.search(sentence) or _EN_TO_ATTEND.match(sentence, m.end()))


# "visiting" as the guests' word: "for visiting Chairman X", "the visiting delegation".
_EN_GUEST_BEFORE = re.compile(r"\b(?:the|a|an|for|with)\s+$", re.I)
_EN_GUEST_AFTER = re.compile(r"\s+(?:(?:[A-Z][\w'’-]*|vice|deputy)\s+)*?"
                             r"(?:Chairman|Chairwoman|President|Minister|Governor|Mayor|Secretary|Premier|Ambassador|[Dd]elegation|[Gg]uests?|[Tt]eam)\b")
# "visit" as a noun ("the Governor's visit", "the temple visits", "arrangements for the visit"),
# told as still ahead: "is scheduled for", "is expected", or a "would"/"will" later in the sentence.
_EN_VISIT_NOUN = re.compile(r"\b(?:the|a|his|her|their|this|[\w-]+['’]s)\s+(?:[\w-]+\s+)?$", re.I)
_EN_ARRANGED = re.compile(r"\b(?:arrangements?|preparations?|preparedness)\b[^.;]{0,40}?\bfor\s+"
                          r"(?:the\s+)?(?:[\w-]+['’]s\s+)?$", re.I)
_EN_VISIT_AHEAD = re.compile(r"\s+(?:is|was|has been)\s+"
                             r"(?:(?:believed|said|understood|reported|likely)\s+to\s+be\s+)?"
                             r"(?:scheduled|planned|expected|slated|set)\b")
_EN_EARLIER = re.compile(r"\b(?:previous|last|earlier|past|prior)\b", re.I)
_EN_WOULD = re.compile(r"\b(?:would|will)\b")
# "to ensure that no incidents occur during the visit": a visit still to come.
_EN_ENSURE = re.compile(r"\b(?:ensure|make sure|so that)\b", re.I)
# "Zhou Hua to visit Baima" (a headline's future), "The purpose of the visit is ...".
_EN_TO_COME = re.compile(r"(?:^|[A-Z][\w'’-]*\s+)to\s+$|(?i:\b(?:aim|purpose|goal|objective)s?\s+of\s+"
                         r"(?:the|this|his|her|their)\s+$)")
_EN_UNDERGONE = re.compile(r"\b(?:been|being|be|is|are|was|were|under)\s+(?:\w+ly\s+)?$", re.I)
_EN_BODY_AFTER = re.compile(r"(?:\s+and\s+[\w-]+)?\s+(?:team|group|commission|office|department|bureau|"
                            r"institute|center|centre|committee|division|section)\b", re.I)
_EN_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
# "during his survey", "during the two-day inspection": the occasion a remark was made on.
_EN_DURING = re.compile(r"\b(?:during|in the course of) (?:his|her|their|the|an?) (?:[\w-]+ ){0,2}$", re.I)
# "... and his entourage visited Zhang Hua, member of the ... Committee": a call on an official.
_EN_CALL_ON = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}[A-Z]?[a-z]+,\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}"
                         r"(?i:member|secretary|mayor|governor|director|chairman|head|minister|president)\b")
# "Li Hua called on Zhou at the Governor's House": a call on a person named by the surname alone.
_EN_CALL_ON_NAME = re.compile(r"\s+(?!The\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:at|in|on|and)\b")
# "... called on the Punjab Governor Ali Khan at the Governor's House": a courtesy call.
_EN_CALL_ON_TITLED = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}"
                                r"(?:Governor|Mayor|Minister|Secretary|Chairman|President|Premier|Ambassador|"
                                r"Consul(?: General)?)\s+[A-Z][a-z]+")
# "sent festive greetings to the villagers": greetings from afar (a letter, a video link).
_EN_SENT = re.compile(r"\bsen(?:t|ds?)\s+(?:\S+\s+){0,3}$", re.I)
# "Liu Ming, president of the group, headed for Tianjin": the subject is a company's man.
_EN_COMPANY_SUBJECT = re.compile(
    r"^[^.;]*,\s*(?:the\s+)?(?:[\w-]+\s+){0,3}(?:president|chairman|general manager|ceo)\s+of\s+(?:the\s+)?"
    # not "... group member" of a Party group, nor a "leading group": a Party body in an official's title
    r"(?:[\w-]+\s+){0,3}?(?:(?<!party )(?<!leading )group|company|corporation|board)\b[^,;]{0,40},\s*$", re.I)


# "entrepreneurs who visited Xinyang": a relative clause without a comma tells what other people did.
_EN_RESTRICTIVE = re.compile(r"[a-z]s\s+(?:who|that)\s+(?:had\s+|have\s+|[a-z]+ly\s+)?$")


# A later sentence in which the official goes to a named site: "He then visited the Hongda
# paper mill", "Wang also toured Xinhe Village" (a meeting first does not end the visit).
# The subject may be a full name ("Zhou Hua visited Qinghe town") and the verb a party led
# somewhere ("Zhou led the delegation to visit Baima", "On May 21, Li led the team to Baima").
_EN_LATER_VISIT = re.compile(
    r"^(?:[A-Z][^,]{0,40},\s*)?(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|"
    r"[Tt]he\s+[A-Z]{2,5}|"  # "the CS", "the DGP": the lead's office told short
    # "Earlier that day, the Pingle City delegation visited the Baima Museum"
    r"[Tt]he\s+(?:[A-Z][\w'’-]*\s+){0,4}(?:delegation|team|group))\s+"
    r"(?:also\s+|then\s+|later\s+)?(?:visited|inspected|toured|went to|came to|investigated|surveyed|"
    r"checked|examined|stopped at|called at|"
    r"(?:led|headed) (?:a|an|the|his|her) (?:[\w-]+ ){0,3}(?:delegation|team|group) to"
    r"(?: visit| inspect| tour)?)\s+"
    r"(?:the\s+)?[A-Z][\w'’-]+")


# "Zhou visited Baima this July", "... last year", "in 2014": an earlier visit told as background.
_EN_BACKGROUND = re.compile(r"\b(?:this|last)\s+(?:year|month|spring|summer|autumn|winter|January|February|"
                            r"March|April|May|June|July|August|September|October|November|December)\b|"
                            r"\b(?:years|months) ago\b|\bin (?:(?:January|February|March|April|May|June|July|"
                            r"August|September|October|November|December) )?(?:19|20)\d{2}\b")
_EN_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*(?=,)|\([^)]*\)")
# The commission's name in a title ("secretary of the Commission for Discipline Inspection").
_EN_DISCIPLINE_BODY = re.compile(r"(?i)(?:commission|committee) for discipline inspection|"
                                 r"discipline inspection(?: and supervision)? (?:commission|committee)")


def main_clause(sentence: str) -> str:
    """The sentence without relative clauses and brackets ("X, who attended the session, led...")."""
    return _EN_RELATIVE.sub("", sentence)


def en_visit_sentence(sentence: str) -> bool:
    """Does this sentence report going somewhere or inspecting something?"""
    return bool(_EN_VISIT.search(sentence))


# "Government officials inspected two projects", "the mayor visited...": no name, still a visit.
_EN_UNNAMED_LEAD = re.compile(
    r"\b(?:(?:city|county|district|municipal|provincial|government|party|local|the)\s+)*"
    r"(?:officials|leaders|authorities|(?:the|a) delegation|parliamentarians|lawmakers|legislators|"
    r"(?:a|the) group of (?:parliamentarians|lawmakers|legislators|deputies|officials)|"
    # "The inspection team went deep into shops", "the supervision group inspected ..."
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?:inspection|supervision|inspecting|supervisory)\s+(?:team|group)|"
    r"(?:the )?(?:deputy |vice )?minister|"
    r"the (?:mayor|governor|secretary|magistrate|premier|vice (?:mayor|governor)))"
    r"\b(?:\s+(?:of|from|for)\s+[^.,;]{0,50}(?:,\s*[A-Z][^.,;]{0,30})?)?"
    # "the mayor of X City, Y Province and five other people came to" ("and other five people")
    r"(?:\s+and\s+(?:\w+\s+){0,2}other\s+(?:\w+\s+)?(?:people|persons|officials|members))?"
    r"(?:,\s*accompanied by[^.;]{0,120},)?"
    r"\s+(?:also\s+|then\s+|first\s+)?"
    r"(?:inspected|visited|went to|came to|went deep into|toured|investigated|surveyed|"
    r"conducted (?:an? )?(?:on-site |field |surprise )?inspections?)\b", re.I)


def en_unnamed_lead(sentences: Sequence[str]) -> int | None:
    """The first of the opening sentences whose subject is an unnamed official or group, or an
    official's title whose name is not known as one ("Minister of State for Health X today inspected")."""
    for i, sentence in enumerate(sentences[:4]):
        if _EN_UNNAMED_LEAD.search(sentence) or _EN_TITLED_SUBJECT.match(sentence):
            return i
    return None


# A sentence opening with an official's title, any words of a body and a name, then a verb of going.
_EN_TITLED_SUBJECT = re.compile(
    # "HÀ NỘI – Prime Minister X visited", "KADAPA: Commissioner X IAS visited"
    r"^(?:\w[\w .'’]{0,30}?\s*[:—–-]+\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}"
    r"(?:Minister|Commissioner|President|Governor|Mayor|Secretary|Premier|Chairman|Chairwoman|Director|"
    r"Collector|Magistrate|Ambassador|Consul|leader|PM|CM|DC)\b(?:\s+(?:of|for|and|the|to|[A-Z][\w'’.-]*)){0,10}\s+"
    # a headline's present tense: "Chinese Ambassador to Pingland visits Baima factory"
    r"(?:today\s+|on\s+[A-Z]\w+\s+)?(?:visit(?:ed|s)?|inspect(?:ed|s)|tour(?:ed|s)|surveyed|"
    r"paid an? (?:[\w-]+ )?visit to)\b")
