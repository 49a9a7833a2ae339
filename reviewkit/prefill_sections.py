"""The abstract section a prefill rule takes (``section:LABEL``): a record's sections split at the
headings run into their text (:func:`sections`), one found by its label as written, by NLM's
category of it (PubMed XML's NlmCategory) or by reviewkit's reading of it (:func:`exact_section`),
and the sentence stating the study's own aim (:func:`own_aim`, the ``own-aim`` rule's)."""

from __future__ import annotations

import re

from reviewkit.abstract_headings import category
from reviewkit.abstract_sections import plain_abstract
from reviewkit.classify.words import plain_hyphens
from reviewkit.copyright_trailer import without_copyright
from reviewkit.prefill_sentences import (
    aim_onwards,
    aim_sentence,
    inquiry_sentence,
    opening_inquiry,
    presenting_sentence,
)
from reviewkit.records import AbstractSection, Record

# Words around a heading's noun that do not change what it heads: Cochrane's "Main results"
# and "Authors' conclusions" are RESULTS and CONCLUSIONS, "Key findings" FINDINGS, "Study
# objective" OBJECTIVE, "Purpose of review" (Current Opinion) and "Aim of the study" PURPOSE and
# AIM, as NLM maps such labels to its categories ("Structured Abstracts in MEDLINE").
_HEADING_QUALIFIER = re.compile(
    r"^(?:MAIN|AUTHORS?'S?|KEY|STUDY|RECENT|PRINCIPAL|OVERALL)\s+|\s+OF\s+(?:THE\s+)?(?:REVIEW|STUDY)$"
)


def heading_key(label: str) -> str:
    """A section label as prefill rules name it: upper case, singular, without the words that
    qualify its noun ("Authors' conclusions" -> "CONCLUSION", "Main results" -> "RESULT")."""
    key = category(label).replace("’", "'").strip()  # "Resultater" is RESULTS
    key = _HEADING_QUALIFIER.sub("", key)
    return key.rstrip("S")


def sections(record: Record) -> list[AbstractSection]:
    """The record's abstract sections, each split again at the headings run into its text:
    a record stored before a heading was known (a one-line Cochrane abstract whose "Search
    methods:" and "Authors' conclusions:" stayed inside one section) gets its parts. A
    publisher's copyright statement that ends a part is left out (no finding: see
    :mod:`reviewkit.copyright_trailer`), and so is a part that was nothing else. The text is
    read with the hyphen U+2010 and the non-breaking hyphen U+2011 as "-", as the classifier
    reads a record (:func:`reviewkit.classify.words.plain_hyphens`, the one place for it), so
    every rule, and the cell it fills, sees "meta\u2011analysis" as "meta-analysis" (121 of the
    snapshot's 33,277 abstracts hold U+2011); not the en dash, which marks ranges and clauses
    too ("2010\u20132015")."""
    out = []
    for section in record.abstract_sections:
        text = plain_hyphens(section.text)
        parts = plain_abstract(text) or [AbstractSection(section.label, text, section.category)]
        if not parts[0].label:  # (NLM's category is the section's label's)
            parts[0] = AbstractSection(section.label, parts[0].text, section.category)
        for part in parts:
            if kept := without_copyright(part.text):
                out.append(AbstractSection(part.label, kept, part.category))
    return out


# Between the headings of a joined label: "AIMS AND OBJECTIVES", "AIMS/OBJECTIVES"
_HEADING_JOIN = re.compile(r"\s*,\s*(?:AND\s+)?|\s+AND\s+|\s*[&/]\s*")
# Heading words NLM maps to one category ("Structured Abstracts in MEDLINE"): a label joining
# only such words ("AIMS AND OBJECTIVES", the Journal of Clinical Nursing's; "PURPOSE AND
# AIMS") heads that category's text, and a rule naming any of them finds it. A label joining
# two categories is not read so: "BACKGROUND AND AIMS" starts with the background, and its aim
# is a sentence's. This reading serves a record without NLM's category (RIS, MEDLINE text, a
# PubMed record NLM has not indexed); one from PubMed XML is read by its NlmCategory first
# (:func:`exact_section`), which is OBJECTIVE for most such labels, and the aim is taken from
# the section's sentence stating it (:func:`_joins_kinds`). Measured on the
# snapshot's 33,277 abstracts: read so, 26 aim cells of the demo's protocol and 37 of Review
# A's moved (16 read: each from a background or another sentence to the stated aim), no other
# field nor protocol; reading every joined label by each of its words moved 314 of the demo's
# aim cells, most to a whole "BACKGROUND AND AIMS", and 866 intervention cells of each rtw-*
# protocol to "MATERIALS AND METHODS" sections.
_ONE_CATEGORY = dict.fromkeys(("AIM", "OBJECTIVE", "PURPOSE", "GOAL"), "OBJECTIVE")


def _joined_category(label: str) -> str:
    """The category of a label joining headings of one category ('' for any other label)."""
    parts = [heading_key(p) for p in _HEADING_JOIN.split(label.upper().strip()) if p]
    found = {_ONE_CATEGORY.get(p, "") for p in parts}
    return found.pop() if len(parts) > 1 and len(found) == 1 else ""


# Where NLM's category is no reading of the text: NLM files a trial's registration, the funding,
# abbreviations and the availability of data or software under BACKGROUND ("TRIAL REGISTRATION":
# 61 sections of the snapshot's two PubMed files, "FUNDING" 39), which stand at an abstract's end
# and say nothing of what led to the study; such a label is read as written only
_BACK_MATTER = re.compile(
    r"\b(?:REGISTRATION|REGISTRY|REGISTERED|FUNDING|ABBREVIATIONS|AVAILABILITY|SUPPLEMENTARY)\b"
)


def _nlm_category(section: AbstractSection) -> str:
    """NLM's category of a section's label, singular ('CONCLUSION'), where the record gives one
    (PubMed XML's NlmCategory); '' where it gives none or UNASSIGNED (NLM could not map it), and
    for back matter (:data:`_BACK_MATTER`)."""
    if section.category in ("", "UNASSIGNED") or _BACK_MATTER.search(section.label.upper()):
        return ""
    return section.category.rstrip("S")


# The kind of text each of NLM's five categories names, by the heading words that name it, to
# tell a label joining two kinds ("BACKGROUND AND AIMS", "METHODS AND RESULTS") from one joining
# two words of one kind ("MATERIALS AND METHODS", "DISCUSSION AND CONCLUSIONS")
_KIND_OF_HEADING = {
    **dict.fromkeys(("BACKGROUND", "INTRODUCTION", "CONTEXT", "RATIONALE"), "BACKGROUND"),
    **_ONE_CATEGORY,
    "METHOD": "METHODS",
    **dict.fromkeys(("RESULT", "FINDING"), "RESULTS"),
    **dict.fromkeys(("CONCLUSION", "DISCUSSION"), "CONCLUSIONS"),
}


def _joins_kinds(label: str) -> bool:
    """Whether ``label`` joins headings of two kinds (:data:`_KIND_OF_HEADING`). NLM gives such a
    label one category: OBJECTIVE for most of those joining a background with an aim (191 of
    the 302 sections so labelled in the snapshot's two PubMed files, the others unassigned or
    without one), RESULTS for "METHODS AND RESULTS". It is right that the aim is there; the
    label's order is right that the text opens with the background (in each of the 16 kinds of
    label read, the aim is its last sentences or all of it) or the methods."""
    parts = [p for p in _HEADING_JOIN.split(label.upper().strip()) if p]
    return len({k for p in parts if (k := _KIND_OF_HEADING.get(heading_key(p)))}) > 1


def exact_section(parts: list[AbstractSection], label: str) -> str:
    """Text of the first of a record's sections (``parts``) whose label is ``label``, singular or
    plural ('OBJECTIVE' finds 'OBJECTIVES'): the label as written first, so that "RESULTS"
    prefers a "Results" section over "Main results". Then a section by what its label stands for:
    NLM's category where the record has one (:func:`_nlm_category`: "CONCLUSIONS AND RELEVANCE"
    is CONCLUSIONS, and a rule naming an aim word finds NLM's OBJECTIVE; not for a label joining
    two kinds, :func:`_joins_kinds`), or our reading of the label: a qualified form of it
    (:func:`heading_key`), or one joining it with a heading of its category ("AIMS AND
    OBJECTIVES": :func:`_joined_category`)."""
    want = label.upper().rstrip("S")
    for s in parts:
        if s.label.upper().rstrip("S") == want:
            return s.text
    category = _ONE_CATEGORY.get(want, want)
    # a category NLM gives several sections (DESIGN, SETTING, PARTICIPANTS, INTERVENTIONS are
    # all METHODS) has no one section that is it: a rule naming it finds none by it, and the
    # rules naming the parts find those (section:METHODS took a DESIGN for 52 comparator cells)
    shared = sum(_nlm_category(s) == category for s in parts) > 1
    for s in parts:
        nlm = "" if shared else _nlm_category(s)
        if nlm and _joins_kinds(s.label):  # one category for text of two kinds
            if nlm == category == "OBJECTIVE":
                return aim_onwards(s.text)  # "BACKGROUND AND AIMS": the aim, not the background
            nlm = ""  # "METHODS AND RESULTS" opens with the methods: no Results section
        # NLM's category is coarser than a rule may name ("STUDY DESIGN" is METHODS to NLM,
        # DESIGN to section:DESIGN): either reading finds it
        if (nlm and nlm == category) or heading_key(s.label) == want:
            return s.text
    joined = _ONE_CATEGORY.get(want)
    found = (s.text for s in parts if not _nlm_category(s) and _joined_category(s.label) == joined)
    return next(found, "") if joined else ""


# The sections an abstract says its own aim in: its background and its aim (NLM's BACKGROUND
# and OBJECTIVE, whose labels include INTRODUCTION, CONTEXT, RATIONALE and IMPORTANCE, and
# PURPOSE, GOAL and HYPOTHESIS), and an unlabelled abstract; not its methods, results or
# conclusions, where "we compared" and "we examined" tell what was done or found
_AIM_PLACES = frozenset(
    ("BACKGROUND", "INTRODUCTION", "CONTEXT", "RATIONALE", "IMPORTANCE", "OBJECTIVE", "AIM",
     "PURPOSE", "GOAL", "HYPOTHESI")
)  # fmt: skip


def states_aims(section: AbstractSection) -> bool:
    """Whether ``section`` is one an abstract says its aim in (:data:`_AIM_PLACES`): by NLM's
    category where the record has one, else by the first heading of its label."""
    first = _HEADING_JOIN.split(section.label.upper().strip())[0]
    return not section.label or (_nlm_category(section) or heading_key(first)) in _AIM_PLACES


def own_aim(parts: list[AbstractSection]) -> str:
    """The ``own-aim`` rule's sentence of a record's sections (``parts``): the first anywhere in
    the abstract stating the study's aim with an aim word used as its aim (:func:`aim_sentence`:
    "The aim of this study was ...", which may stand in its methods), else the first of its
    background, aim or unlabelled text with the study as the subject of a verb of inquiry
    (:func:`inquiry_sentence`: "We investigated whether ..."; a methods' "we compared" is what
    was done). The aim word first: "We compared ..." opening a background is no aim where "The
    purpose of our study was ..." follows. Else an unlabelled abstract's first sentence saying
    what was asked in the passive (:func:`opening_inquiry`: "The effects of X on Y were studied
    in ten monkeys."). Last, the first of its background, aim or unlabelled text in which the
    paper presents itself with its own verb (:func:`presenting_sentence`: "This review traces
    ...", "Here we report the case of ..."; a trial's RESULTS "We report the results of ..." is
    no place of its aim): read after the others, it fills an empty cell and moves none."""
    whole = " ".join(s.text for s in parts)
    in_aim_places = " ".join(s.text for s in parts if states_aims(s))
    aim = aim_sentence(whole) or inquiry_sentence(in_aim_places)
    if not aim and parts and not parts[0].label:
        aim = opening_inquiry(parts[0].text)
    return aim or presenting_sentence(in_aim_places)
