"""An abstract given as text, split into its labelled sections (:func:`plain_abstract`): the
structured-abstract labels of NLM's list in capitals or Title case, and the Norwegian, Swedish,
Danish and Dutch headings of :mod:`reviewkit.abstract_headings`."""

from __future__ import annotations

import re

from reviewkit import abstract_headings
from reviewkit.records import AbstractSection

# A database's placeholder written in the abstract field of a record that has none: Scopus'
# '[No abstract available]' (its CSV, RIS and BibTeX exports alike; tools that read Scopus
# exports drop it too), and the same words without its brackets or with a full stop (a copy
# retyped, a tool that fills the field). Kept, it was shown to the screeners as the record's
# abstract and weighed as its words; only the whole field is one. No other database's
# phrase is listed: none was found among the 184,288 abstracts of bib-dedupe's sets and the
# ASReview sets (benchmarks), a short field that says it has none searched for
_NO_ABSTRACT = re.compile(r"\[?\s*no abstract available\s*\.?\s*\]?", re.IGNORECASE)

# Structured-abstract labels in Title case ('Background: … Methods: …', as EBSCO, Ovid and many
# journals write them): the words of the labels NLM lists and maps to its categories
# (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS; NLM, "Structured Abstracts in MEDLINE").
# A Title-case label is read only when every word of it is one of these: 'Results of the trial:'
# at a sentence start is a sentence, not a label. Upper-case labels need no list.
_LABEL_WORDS = (
    "aim aims analysis background clinical conclusion conclusions context data design discussion "
    "evidence exposure exposures extraction findings goal goals hypothesis implications "
    "importance interpretation intervention interventions introduction limitations main "
    "materials measure measurements measures method methodology methods objective objectives "
    "outcome outcomes participants patients population practice primary purpose rationale "
    "registration relevance research results review sample selection setting settings "
    "significance sources study subjects summary synthesis trial "
    + " ".join(abstract_headings.CATEGORIES)  # Norwegian, Swedish, Danish, Dutch ("Bakgrunn")
)
_TITLE_WORD = "|".join(sorted(_LABEL_WORDS.split(), key=len, reverse=True))
_JOIN = "|".join(f" {j} " for j in ("and", *abstract_headings.JOINS))  # "Materiale og metode"
_TITLE_LABEL = rf"(?:{_TITLE_WORD.title()})(?:(?:,?(?:{_JOIN})|, | & |/| )(?:{_TITLE_WORD}|{_TITLE_WORD.title()})){{0,5}}"
# Headings of several words that are not all label words, named whole: a Cochrane review's
# (Cochrane Handbook, "Abstract": Background, Objectives, Search methods, Selection criteria,
# Data collection and analysis, Main results, Authors' conclusions), PRISMA 2020 for
# Abstracts' items and common journal forms (BMJ's Data sources, Current Opinion's Purpose of
# review and Recent findings). Title case or upper case; the words after the first in any case.
_PHRASE_LABELS = (
    "Authors' conclusions",
    "Author's conclusions",
    "Search methods",
    "Search strategy",
    "Selection criteria",
    "Data collection and analysis",
    "Main results",
    "Eligibility criteria",
    "Study eligibility criteria",
    "Information sources",
    "Risk of bias",
    "Synthesis of results",
    "Included studies",
    "Limitations of evidence",
    "Study selection",
    "Data sources",
    "Data extraction",
    "Data synthesis",
    "Review methods",
    "Purpose of review",
    "Purpose of the review",
    "Purpose of the study",
    "Aim of the study",
    "Aims of the study",
    "Aim of the review",
    "Objective of the study",
    "Objective of the review",
    "Recent findings",
    "Key findings",
    "Funding",
)
_PHRASE_LABEL = "|".join(
    re.escape(p[0]) + "(?i:" + re.escape(p[1:]).replace("'", "['’]") + ")"
    for p in sorted(_PHRASE_LABELS, key=len, reverse=True)
)
# A label starts the paragraph or a sentence (after '. ', '? ', '! '); never inside a sentence
# ('the results: a …'), and it is followed by a colon and a blank. An upper-case label may hold
# an apostrophe (Cochrane's "AUTHORS' CONCLUSIONS").
# A line that is a heading and nothing else, in any case, with or without its colon: the
# label words must make up the whole line, so a short sentence or a title is never one.
_HEADING_LINE = re.compile(rf"(?:{_PHRASE_LABEL}|{_TITLE_LABEL})\s*:?", re.IGNORECASE)
_INLINE_LABEL = re.compile(
    rf"(?:^|(?<=[.?!] ))({_PHRASE_LABEL}|[A-Z][A-Z /&,'’-]{{2,40}}|{_TITLE_LABEL}):\s"
)


# Capital headings without colons ('BACKGROUND Sick leave … METHODS 134 workers …'), as CINAHL
# and Embase exports and many conference abstracts give them. Without the colon, capitals at a
# sentence start may be an acronym ("IPS was …", "RTW"), so only a run of the label words above
# (and the phrase labels), written in capitals, is a heading: "STUDY DESIGN AND SETTING",
# "MAIN RESULTS", "AUTHORS' CONCLUSIONS". A structured abstract has several headings, so the
# text is split only when it starts with one and has another (one capital word in a paragraph
# is a shout, not a structure), and never in a paragraph written mostly in capitals (old
# records in upper case only), where every sentence start would read as a heading.
_CAPS_WORD = "|".join(w.upper() for w in sorted(_LABEL_WORDS.split(), key=len, reverse=True))
_CAPS_PHRASE = "|".join(
    re.escape(p.upper()).replace("'", "['’]") for p in sorted(_PHRASE_LABELS, key=len, reverse=True)
)
_CAPS_LABEL = re.compile(
    rf"(?:^|(?<=[.?!] ))((?:{_CAPS_PHRASE}|(?:{_CAPS_WORD})(?:(?:,? AND |, | & |/| )(?:{_CAPS_WORD}))"
    r"{0,5})\b) +(?=\S)"
)


def _capital_marks(line: str) -> list[re.Match[str]]:
    """The capital headings without colons of a paragraph (see :data:`_CAPS_LABEL`), or none."""
    marks = list(_CAPS_LABEL.finditer(line))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    # the text outside the headings: mostly capitals means a record in upper case only
    letters = [c for c in _CAPS_LABEL.sub(" ", line) if c.isalpha()]
    return marks if sum(c.isupper() for c in letters) <= len(letters) / 2 else []


def _line_sections(line: str) -> list[AbstractSection]:
    """'BACKGROUND: x. METHODS: y.' -> two sections. One label in mid-text is not enough.
    Capital headings without colons ('BACKGROUND x. METHODS y.') split too (:data:`_CAPS_LABEL`)."""
    marks = list(_INLINE_LABEL.finditer(line))
    if not marks or (len(marks) == 1 and marks[0].start() > 0):
        marks = _capital_marks(line)
    if not marks:
        return [AbstractSection("", line)]
    sections = []
    if marks[0].start() > 0:
        sections.append(AbstractSection("", line[: marks[0].start()].strip()))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
        sections.append(AbstractSection(m.group(1).strip(), line[m.end() : end].strip()))
    return sections


def plain_abstract(text: str) -> list[AbstractSection]:
    """An abstract given as text; 'OBJECTIVE: ...' labels (at line starts, or after a full stop
    when a paragraph holds several, as MEDLINE, Scopus and Web of Science write them), and
    Title-case NLM labels ('Background: ... Methods: ...', as EBSCO writes them), become
    sections. Unlabelled lines are joined into one section."""
    text = (text or "").strip()
    if not text or _NO_ABSTRACT.fullmatch(text):
        return []
    # spaces inside a line as one: a label is known after a sentence's end and one space
    # ('. METHODS'), and exports also put two (typewriter spacing) or a no-break space there
    lines = [" ".join(ln.split()) for ln in re.split(r"\n+", text) if ln.strip()]
    sections: list[AbstractSection] = []
    heading = (
        ""  # a heading alone on its line ("Objectives", "AUTHORS' CONCLUSIONS:") heads the next
    )
    for line in lines:
        if _HEADING_LINE.fullmatch(line):
            if heading:  # a heading of nothing (another heading follows) is kept as text
                sections.append(AbstractSection("", heading))
            heading = line.rstrip(":").strip()
            continue
        parts = _line_sections(line)
        if heading and not parts[0].label:
            parts[0] = AbstractSection(heading, parts[0].text)
        elif heading:  # the line brings its own label: the heading is kept as text
            sections.append(AbstractSection("", heading))
        heading = ""
        sections += parts
    if heading:  # the last line: a heading of nothing is text (an abstract of one word)
        sections.append(AbstractSection("", heading))
    if len(sections) > 1 and not any(s.label for s in sections):
        return [AbstractSection("", " ".join(s.text for s in sections))]
    return sections
