"""What an abstract's opening sentence asks, said in the passive with what was asked as its
subject ("The effects of adrenaline on the Na+ influx were studied with the perfused head
technique.", "Thyroxine uptake from amniotic fluid was investigated in fetal sheep.", "Current
information on the enterotoxins is reviewed."), for the ``own-aim`` prefill
(:func:`reviewkit.prefill_sentences.opening_inquiry`): an unlabelled abstract that opens so
states its aim there, and in no other words.

Read in 100 of the snapshot's abstracts drawn at random (seed 47), the aim cell was right in 31
and rightly empty in 29; of the 36 left empty that had an aim, 14 (18 with "was observed",
"is reported" and the like) opened so, the commonest kind by far (the next: a paper's verb that
is no verb of inquiry, "This review traces ...", 8; a case report's "We report the case", 4).
3,426 of the snapshot's 26,447 unlabelled abstracts open so, most of them from the 1970s, 167
from 2021 (a chemist's, a physicist's, an ecologist's "... were investigated"); their Aim cells
(the demo's, Review A's) fill 3,388 (60 read: each the study's aim or scope, 4 of them alike, a
case's "A patient is described with ..."). Only the opening sentence: further on, the passive
tells the methods ("Survival was evaluated using the Kaplan-Meier approach"); and no "was
measured", which opens a cohort's methods too. Not a general statement: the present with an
adverb ("Amyloid
proteins are widely studied ...", "skills are ideally assessed through ...") or a description
("... are described by mathematical models"); not the literature's or the authors' earlier work
("was previously studied", "has been investigated": no "has been" is read), nor a clause
hanging on another ("Ever since the first structures were determined in the 1960s, ..."), nor
"It was determined that ..." (a finding) or "This was examined ..." (what the sentence before
said).
"""

from __future__ import annotations

import re

from reviewkit.classify.inquiry_verbs import E_STEMS, ES_STEMS, S_STEMS, Y_STEMS

# The verbs of inquiry (:data:`reviewkit.classify.inquiry_verbs.INQUIRY`'s, as participles),
# with "reviewed" (a review's scope: "The cases of 70 consecutive patients ... are reviewed");
# not "measured", which opens a cohort's methods as well ("In a cohort of 12,000 employees,
# pain and anxiety were measured at baseline and ...": a held-out record's, the one of the
# held-out sets' 676 abstracts it took), nor "described as" or "by" (what a thing is called)
_PARTICIPLE = (
    rf"(?!described\s+(?:as|by)\b)(?:(?:{E_STEMS}|{ES_STEMS}|{S_STEMS})ed|{Y_STEMS}ied|reviewed)"
)
# The paper presenting what it is about, in the present only ("A case of dysphagia lusoria in an
# adult is presented.", "Eight cases of infective keratitis are reported in wearers of soft
# contact lenses.", "An improved method of purification of DNA methylase is reported.": a case
# report's, a methods paper's opening; :mod:`reviewkit.classify.paper_verbs` reads "We report the
# case of ..."). 621 of the snapshot's unlabelled abstracts with no aim read open so, 30 read:
# each the paper's purpose or its case. Not the past ("was reported in 1990" is the
# literature's), nor "reported to" (hearsay), "as", "by", "in the literature" (another's),
# "but" ("are reported but rare complications", what is known), "with" (a patient's
# presenting complaint); nor evidence or data presented "which" or "that" ("Evidence is presented
# which suggests that ...", a finding, as "we present evidence that" is:
# :mod:`reviewkit.classify.paper_verbs`; 5 of the snapshot's openings), where a method, a study or
# cases presented "which" are the paper's ("A method is presented which makes it possible ...",
# "Five cases are presented which illustrate ...": 15)
_PRESENTED = (
    r"(?:here(?:in)?\s+|briefly\s+)?(?:presented|reported|proposed|outlined)"
    r"(?!\s+(?:to|as|by|with|but|in\s+(?:the\s+)?literature)\b)"
)
# An adverb of the past that says the work is not this study's ("previously", "first",
# "originally": "C. difficile was originally described in 1935 but ...", "... whose structures
# were originally determined by NMR", 2 of the snapshot's filled openings, both background) or
# of the present that says it is general practice ("widely", "commonly"). Not "initially",
# which is also the study's own first round ("... were initially studied in 2004-2005 and later
# revisited in 2010-2011")
_GENERAL = (
    r"(?:previously|first|already|recently|earlier|originally|formerly|historically|"
    r"widely|extensively|commonly|often|"
    r"frequently|usually|traditionally|generally|increasingly|intensively|heavily|well|ideally|"
    r"routinely|classically|mostly|mainly)"
)
# The same adverbs of the past after the participle: "The partial sequence of the chains was
# determined previously (Franek, 1970)." (the one of the snapshot's filled openings so written:
# earlier work, which "In the present study, ..." follows)
_EARLIER_AFTER = r"\s+(?:previously|earlier|already|formerly|originally)\b"
_PASSIVE_INQUIRY = re.compile(
    r"^(?!\W*(?:it|this|these|that|there|ever|since|as|when|while|although|though|because|if|"
    r"after|before|once|until|whereas|whether)\b)[^;:]*?\b"
    rf"(?:(?:(?:was|were)\s+(?:(?!{_GENERAL}\b)\w+ly\s+)?|(?:is|are)\s+){_PARTICIPLE}\b"
    rf"(?!{_EARLIER_AFTER})|(?:is|are)\s+{_PRESENTED}\b)",
    re.IGNORECASE,
)


# A general statement in the present: a cause ("Energy homeostasis is determined by food intake
# ...", "..., which is determined by the photoperiod": 3 of the snapshot's openings read so) or
# a subject of generality ("... is common in Norway and few interventions are tested", a
# held-out record's background)
_GENERAL_PRESENT = re.compile(
    rf"\b(?:is|are)\s+determined\s+by\b|\b(?:few|many|most|numerous|little)\s+(?:\S+\s+){{0,3}}?"
    rf"(?:is|are)\s+{_PARTICIPLE}\b",
    re.IGNORECASE,
)


_EVIDENCE_PRESENTED = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:evidence|data)\s+(?:is|are)\s+(?:here\s+)?presented\s+"
    r"(?:which|that)\b",
    re.IGNORECASE,
)


def opens_with_inquiry(sentence: str) -> bool:
    """Whether ``sentence``, an abstract's first, says what the study asked in the passive
    (:data:`_PASSIVE_INQUIRY`: "The effects of X on Y were studied in ten monkeys."), not a
    general statement (:data:`_GENERAL_PRESENT`) nor evidence presented as a finding
    (:data:`_EVIDENCE_PRESENTED`)."""
    sentence = sentence.strip()
    if _EVIDENCE_PRESENTED.search(sentence):
        return False
    return bool(_PASSIVE_INQUIRY.search(sentence)) and not _GENERAL_PRESENT.search(sentence)
