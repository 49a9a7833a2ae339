"""The values PubMed has for its Language [la] and Publication Type [pt] fields, with their
sources, and the nearest valid value to one it does not have.

A ``[la]`` or ``[pt]`` value PubMed does not have is not an error there: the term is simply
not found, and a limit such as ``"randomised controlled trial"[pt]`` ANDed onto a search makes
the whole search find nothing. ``protocol check`` and ``search run`` warn about such values
with the nearest one PubMed has (:func:`nearest`); the local E-utilities server evaluates
``[la]`` with :func:`language_code` and warns about ``[pt]`` values with narrower types
(:data:`NARROWER_PUBLICATION_TYPES`).

Sources (checked 2026-12-05; the lists are written out here, not downloaded at run time):

- Languages: NLM, "Languages" table of MEDLINE/PubMed (the codes of the <Language> element
  and their names), https://www.nlm.nih.gov/bsd/language_table.html . That page is not in the
  stored corpus this was checked against; its 61 code/name pairs were checked against two
  independent copies that say they are PubMed's: emacs-pubmed (emacsmirror/pubmed, pubmed.el,
  ``pubmed-language-codes``, "The language codes used by PubMed") and etalia's constants
  ("languages code are from pubmed"). They agree with each other and with this table, with
  NLM's own names ("Greek, Modern", "Persian, Iranian", "Romanian, Rumanian, Moldovan",
  "Multiple languages"). A third copy lacks Bengali (ben) and Urdu (urd); two copies have
  them, so they stay. Every code in the offline snapshot's records is in the table (a test).
- How [la] is searched: PubMed Help, "Language [la]": a language by its name or by its code
  (english[la] and eng[la] find the same records). Whether PubMed also takes the first word
  of NLM's longer names ("greek[la]", "persian[la]", "romanian[la]", "multiple[la]") no
  stored document settles; they are accepted (no warning) and mapped to the code.
- Publication types: PubMed Help, "Publication Types"
  (https://pubmed.ncbi.nlm.nih.gov/help/#publication-types), as copied in May 2021 into a
  public R script (0_publication_types.R, "from https://pubmed.ncbi.nlm.nih.gov/help/
  #publication-types"), the MeSH Publication Characteristics NLM assigns and [pt] searches,
  including the list's group headings (Publication Components, Publication Formats, Study
  Characteristics, Support of Research). Checked against it: "Collected Works" is spelt so
  there (this list had "Collected Work", kept as an accepted spelling: which one MeSH uses
  now no stored document settles). Two types here are not on that 2021 copy and no stored
  NLM document settles them; both stay, as a missing type would warn falsely: Corrected and
  Republished Article (on other public copies of NLM's list) and Randomized Controlled Trial,
  Veterinary (the copy has its sibling Observational Study, Veterinary). "Retraction Notice" (used by third-party code as a newer name of Retraction of
  Publication) is in no stored NLM document; the stored MeSH 2024 record still has
  "Retraction of Publication", so it is not added: a [pt] limit with it is warned about.
  Every publication type of the offline snapshot's records is in the list (a test).
- Narrower publication types: NLM, MEDLINE Indexing Online Training Course, "Category V -
  Publication Characteristics: Clinical Trial [PT]"
  (https://www.nlm.nih.gov/bsd/indexing/training/PUB_070.html): under Clinical Trial are
  Adaptive Clinical Trial, Clinical Trial Phase I-IV and Controlled Clinical Trial; under
  Controlled Clinical Trial, Randomized Controlled Trial; under that, Equivalence Trial and
  Pragmatic Clinical Trial. Clinical Study's MeSH scope note names clinical trials and
  observational studies as its two kinds. Whether ``review[pt]`` finds Systematic Review
  records no stored document settles (MeSH's 2019 Systematic Review record, as stored, shows
  no tree position; NLM's snapshot records carry Systematic Review without Review). No stored
  PubMed document says whether a [pt] search includes narrower types: the local server
  searches the type as written and says which narrower types it did not include.

A value missing here gives a warning, never a refusal: PubMed, not this list, decides.
"""

from __future__ import annotations

import difflib

from reviewkit.records import fold_text

# NLM's language table: name (NLM's, lower case) -> code.
_NLM_LANGUAGES = {
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
    "greek, modern": "gre",
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
    "multiple languages": "mul",
    "norwegian": "nor",
    "persian, iranian": "per",
    "polish": "pol",
    "portuguese": "por",
    "pushto": "pus",
    "romanian, rumanian, moldovan": "rum",
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
# The first word of NLM's longer names, as librarians write them: accepted, not settled by a
# stored document (see the module docstring).
_SHORT_NAMES = {"greek": "gre", "persian": "per", "romanian": "rum", "multiple": "mul"}
# Name -> code, every name accepted (NLM's and the short ones). PubMed searches a language by
# its name or its code: english[la] and eng[la] are the same.
LANGUAGES = {**_NLM_LANGUAGES, **_SHORT_NAMES}

# PubMed Help's list of publication types ([pt]), spelt as PubMed spells them (American
# English: "Randomized Controlled Trial"). Sources and unsettled entries: module docstring.
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
    "Collected Works",
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
    "Publication Components",
    "Publication Formats",
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
    "Study Characteristics",
    "Support of Research",
    "Systematic Review",
    "Technical Report",
    "Twin Study",
    "Validation Study",
    "Video-Audio Media",
    "Webcast",
)
# Spellings accepted without a warning whose current form no stored document settles.
_OTHER_SPELLINGS = ("Collected Work",)

# Publication type -> the narrower types under it (sources: module docstring). Review's
# Systematic Review is listed because PubMed may find it with review[pt]; the local server
# says so rather than deciding.
NARROWER_PUBLICATION_TYPES = {
    "Clinical Study": ("Clinical Trial", "Observational Study"),
    "Clinical Trial": (
        "Adaptive Clinical Trial",
        "Clinical Trial, Phase I",
        "Clinical Trial, Phase II",
        "Clinical Trial, Phase III",
        "Clinical Trial, Phase IV",
        "Controlled Clinical Trial",
    ),
    "Controlled Clinical Trial": ("Randomized Controlled Trial",),
    "Randomized Controlled Trial": ("Equivalence Trial", "Pragmatic Clinical Trial"),
    "Review": ("Systematic Review",),
}


def _fold(value: str) -> str:
    """A value folded as PubMed matches [la] and [pt] terms and as the local server indexes
    them: case, punctuation and spacing aside ('Meta-Analysis' = 'meta analysis')."""
    return fold_text(value)


_PT_FOLDED = {_fold(pt): pt for pt in (*PUBLICATION_TYPES, *_OTHER_SPELLINGS)}
_LANGUAGE_CODES = {_fold(name): code for name, code in LANGUAGES.items()} | {
    code: code for code in LANGUAGES.values()
}


def language_code(value: str) -> str | None:
    """NLM's code of a [la] value written as a language's name or code, any case
    ('English', 'eng', 'Greek, Modern' -> 'eng', 'eng', 'gre'); None when PubMed has no such
    language."""
    return _LANGUAGE_CODES.get(_fold(value))


def is_language(value: str) -> bool:
    """Whether PubMed has this [la] value (a language's name or its code, any case)."""
    return language_code(value) is not None


def is_publication_type(value: str) -> bool:
    """Whether PubMed has this [pt] value (any case, as PubMed matches it)."""
    return _fold(value) in _PT_FOLDED


def narrower_publication_types(value: str) -> tuple[str, ...]:
    """The publication types under a [pt] value (sources: module docstring), () if none."""
    canonical = _PT_FOLDED.get(_fold(value))
    return NARROWER_PUBLICATION_TYPES.get(canonical or "", ())


_NLM_NAMES_FOLDED = {_fold(name): name for name in _NLM_LANGUAGES}


def nearest_language(value: str) -> str | None:
    """NLM's language name nearest to a misspelt one ('englsh' -> 'english'), or None."""
    found = nearest(_fold(value), sorted(_NLM_NAMES_FOLDED))
    return _NLM_NAMES_FOLDED[found] if found else None


def nearest_publication_type(value: str) -> str | None:
    """The publication type nearest to a value PubMed does not have, in PubMed's spelling
    ('randomised controlled trial' -> 'Randomized Controlled Trial'), or None."""
    found = nearest(_fold(value), sorted(_fold(pt) for pt in PUBLICATION_TYPES))
    return _PT_FOLDED[found] if found else None


def nearest(value: str, choices: list[str]) -> str | None:
    """The closest of ``choices`` by difflib's ratio, if it is at least 0.6 (difflib's own
    default cut-off: below it a suggestion is more often wrong than helpful)."""
    found = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return found[0] if found else None
