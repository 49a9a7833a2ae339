"""The values PubMed has for its Language [la] and Publication Type [pt] fields, with their
sources, and the nearest valid value to one it does not have.

A ``[la]`` or ``[pt]`` value PubMed does not have is not an error there: the term is simply
not found, and a limit such as ``"randomised controlled trial"[pt]`` ANDed onto a search makes
the whole search find nothing. ``protocol check`` and ``search run`` warn about such values
with the nearest one PubMed has (:func:`nearest`).

Both lists are written out from the pages they cite (not downloaded at run time); every
language and publication type of the NLM records of the offline snapshot is in them (a test).
A value missing here gives a warning, never a refusal: PubMed, not this list, decides.
"""

from __future__ import annotations

import difflib

# NLM, "Languages" table of MEDLINE/PubMed (the codes of the <Language> element, and the
# names PubMed searches with [la]), https://www.nlm.nih.gov/bsd/language_table.html .
# PubMed searches a language by its name or its code: english[la] and eng[la] are the same.
# Name -> code. The names are folded to lower case, as PubMed matches them.
LANGUAGES = {
    "afrikaans": "afr",
    "albanian": "alb",
    "amharic": "amh",
    "arabic": "ara",
    "armenian": "arm",
    "azerbaijani": "aze",
    "bengali": "ben",
    "bosnian": "bos",
    "bulgarian": "bul",
    "catalan": "cat",
    "chinese": "chi",
    "croatian": "hrv",
    "czech": "cze",
    "danish": "dan",
    "dutch": "dut",
    "english": "eng",
    "esperanto": "epo",
    "estonian": "est",
    "finnish": "fin",
    "french": "fre",
    "georgian": "geo",
    "german": "ger",
    "greek": "gre",
    "hebrew": "heb",
    "hindi": "hin",
    "hungarian": "hun",
    "icelandic": "ice",
    "indonesian": "ind",
    "italian": "ita",
    "japanese": "jpn",
    "kinyarwanda": "kin",
    "korean": "kor",
    "latin": "lat",
    "latvian": "lav",
    "lithuanian": "lit",
    "macedonian": "mac",
    "malay": "may",
    "malayalam": "mal",
    "maori": "mao",
    "multiple": "mul",
    "norwegian": "nor",
    "persian": "per",
    "polish": "pol",
    "portuguese": "por",
    "pushto": "pus",
    "romanian": "rum",
    "russian": "rus",
    "sanskrit": "san",
    "scottish gaelic": "gla",
    "serbian": "srp",
    "slovak": "slo",
    "slovenian": "slv",
    "spanish": "spa",
    "swedish": "swe",
    "thai": "tha",
    "turkish": "tur",
    "ukrainian": "ukr",
    "undetermined": "und",
    "urdu": "urd",
    "vietnamese": "vie",
    "welsh": "wel",
}

# PubMed Help, "Publication Types" (https://pubmed.ncbi.nlm.nih.gov/help/#publication-types),
# the MeSH Publication Characteristics PubMed assigns and searches with [pt]. Spelled as PubMed
# spells them (American English: "Randomized Controlled Trial").
PUBLICATION_TYPES = (
    "Adaptive Clinical Trial",
    "Address",
    "Autobiography",
    "Bibliography",
    "Biography",
    "Case Reports",
    "Classical Article",
    "Clinical Conference",
    "Clinical Study",
    "Clinical Trial",
    "Clinical Trial Protocol",
    "Clinical Trial, Phase I",
    "Clinical Trial, Phase II",
    "Clinical Trial, Phase III",
    "Clinical Trial, Phase IV",
    "Clinical Trial, Veterinary",
    "Collected Work",
    "Comment",
    "Comparative Study",
    "Congress",
    "Consensus Development Conference",
    "Consensus Development Conference, NIH",
    "Controlled Clinical Trial",
    "Corrected and Republished Article",
    "Dataset",
    "Dictionary",
    "Directory",
    "Duplicate Publication",
    "Editorial",
    "Electronic Supplementary Materials",
    "English Abstract",
    "Equivalence Trial",
    "Evaluation Study",
    "Expression of Concern",
    "Festschrift",
    "Government Publication",
    "Guideline",
    "Historical Article",
    "Interactive Tutorial",
    "Interview",
    "Introductory Journal Article",
    "Journal Article",
    "Lecture",
    "Legal Case",
    "Legislation",
    "Letter",
    "Meta-Analysis",
    "Multicenter Study",
    "News",
    "Newspaper Article",
    "Observational Study",
    "Observational Study, Veterinary",
    "Overall",
    "Patient Education Handout",
    "Periodical Index",
    "Personal Narrative",
    "Portrait",
    "Practice Guideline",
    "Pragmatic Clinical Trial",
    "Preprint",
    "Published Erratum",
    "Randomized Controlled Trial",
    "Randomized Controlled Trial, Veterinary",
    "Research Support, American Recovery and Reinvestment Act",
    "Research Support, N.I.H., Extramural",
    "Research Support, N.I.H., Intramural",
    "Research Support, Non-U.S. Gov't",
    "Research Support, U.S. Gov't",
    "Research Support, U.S. Gov't, Non-P.H.S.",
    "Research Support, U.S. Gov't, P.H.S.",
    "Retracted Publication",
    "Retraction of Publication",
    "Review",
    "Scientific Integrity Review",
    "Systematic Review",
    "Technical Report",
    "Twin Study",
    "Validation Study",
    "Video-Audio Media",
    "Webcast",
)
_PT_FOLDED = {pt.lower(): pt for pt in PUBLICATION_TYPES}
_LANGUAGE_VALUES = {*LANGUAGES, *LANGUAGES.values()}


def _fold(value: str) -> str:
    return " ".join(value.lower().split())


def is_language(value: str) -> bool:
    """Whether PubMed has this [la] value (a language's name or its code, any case)."""
    return _fold(value) in _LANGUAGE_VALUES


def is_publication_type(value: str) -> bool:
    """Whether PubMed has this [pt] value (any case, as PubMed matches it)."""
    return _fold(value) in _PT_FOLDED


def nearest_language(value: str) -> str | None:
    """The language name nearest to a misspelt one ('englsh' -> 'english'), or None."""
    return nearest(_fold(value), sorted(LANGUAGES))


def nearest_publication_type(value: str) -> str | None:
    """The publication type nearest to a value PubMed does not have, in PubMed's spelling
    ('randomised controlled trial' -> 'Randomized Controlled Trial'), or None."""
    found = nearest(_fold(value), sorted(_PT_FOLDED))
    return _PT_FOLDED[found] if found else None


def nearest(value: str, choices: list[str]) -> str | None:
    """The closest of ``choices`` by difflib's ratio, if it is at least 0.6 (difflib's own
    default cut-off: below it a suggestion is more often wrong than helpful)."""
    found = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return found[0] if found else None
