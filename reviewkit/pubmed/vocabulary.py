"""The values PubMed has for its Language [la] and Publication Type [pt] fields, with their
sources, and the nearest valid value to one it does not have.

A ``[la]`` or ``[pt]`` value PubMed does not have is not an error there: the term is simply
not found, and a limit such as ``"randomised controlled trial"[pt]`` ANDed onto a search makes
the whole search find nothing. ``protocol check`` and ``search run`` warn about such values
with the nearest one PubMed has (:func:`nearest`); the local E-utilities server evaluates
``[la]`` with :func:`language_code` and ``[pt]`` with :func:`publication_type_names` (the type,
the types under it and a renamed type's other name), and warns about ``review[pt]``
(:func:`unsettled_narrower`).

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
  Veterinary (the copy has its sibling Observational Study, Veterinary).
- Types added since that copy (pm25): Network Meta-Analysis and Scoping Review, MeSH 2025's
  new publication types (NLM Technical Bulletin 2024 Nov-Dec, "Annual MeSH Processing for
  2025": "exceptions made for Publication Types, 'Network Meta-Analysis' and 'Scoping
  Review'"; a librarians' summary, Rayyan's "What's new in MeSH 2025", says the same).
- Retraction Notice and Retraction of Publication: the MeSH 2024 record (meshb D016440) has
  "Retraction of Publication", as every NLM file of the snapshot does. Two independent public
  projects that count live PubMed records say PubMed now labels a retraction notice
  "Retraction Notice" and no live record "Retraction of Publication" (one: 32,967 against 0 on
  2026-08-15); no stored NLM document records the renaming. Both names are accepted, and a
  [pt] search with either finds records labelled with either (:data:`FORMER_NAMES`), so a
  search written today finds the snapshot's notices as PubMed finds its relabelled ones.
- Narrower publication types, searched with the broader one: NLM, MEDLINE Indexing Online
  Training Course, "Category V - Publication Characteristics: Clinical Trial [PT]"
  (https://www.nlm.nih.gov/bsd/indexing/training/PUB_070.html): under Clinical Trial are
  Adaptive Clinical Trial, Clinical Trial Phase I-IV and Controlled Clinical Trial; under
  Controlled Clinical Trial, Randomized Controlled Trial; under that, Equivalence Trial and
  Pragmatic Clinical Trial. Clinical Study's MeSH scope note names clinical trials and
  observational studies as its two kinds. That a [pt] search includes them: NCBI's einfo for
  pubmed gives the Publication Type field (PTYP) ``Hierarchy Y``, as MeSH Terms (recorded
  reply, Biopython's einfo2.xml, 2025), and PubMed's Clinical Trial filter
  (``Clinical Trial[ptyp]``) "will limit your search to records tagged with ... Clinical Trial,
  Controlled Clinical Trial, or Randomized Controlled Trial" (University of Pittsburgh HSLS,
  "Filtering by Article Type in PubMed", 2020). The local server therefore explodes [pt]
  through :data:`NARROWER_PUBLICATION_TYPES` (pm25; it searched the type alone before).
  Whether ``review[pt]`` finds Systematic Review records no stored document settles (MeSH's
  2019 Systematic Review record, as stored, shows no tree position; NLM's snapshot records
  carry Systematic Review without Review): that pair is in :data:`UNSETTLED_NARROWER`, not
  searched, and the server says so.

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
    "Network Meta-Analysis",
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
    "Retraction Notice",
    "Retraction of Publication",
    "Review",
    "Scientific Integrity Review",
    "Scoping Review",
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

# Publication type -> the narrower types under it, which a [pt] search includes (sources:
# module docstring).
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
}
# A type that PubMed may file under another one, which no stored document settles: not
# searched with it; the local server says that PubMed may find it.
UNSETTLED_NARROWER = {"Review": ("Systematic Review",)}
# Current name -> its former names: a [pt] search with any of them finds all (docstring).
FORMER_NAMES = {"Retraction Notice": ("Retraction of Publication",)}


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
    """Every publication type under a [pt] value, at any depth (sources: module docstring),
    () if none: 'Controlled Clinical Trial' -> Randomized Controlled Trial, Equivalence
    Trial, Pragmatic Clinical Trial."""
    found: list[str] = []
    todo = list(NARROWER_PUBLICATION_TYPES.get(_PT_FOLDED.get(_fold(value), ""), ()))
    while todo:
        name = todo.pop(0)
        if name not in found:
            found.append(name)
            todo += NARROWER_PUBLICATION_TYPES.get(name, ())
    return tuple(found)


def unsettled_narrower(value: str) -> tuple[str, ...]:
    """Types PubMed may file under this [pt] value, which the local server does not search."""
    return UNSETTLED_NARROWER.get(_PT_FOLDED.get(_fold(value), ""), ())


def publication_type_names(value: str, *, noexp: bool = False) -> tuple[str, ...]:
    """The names a [pt] search for ``value`` finds: the value, its narrower types (not with
    ``noexp``, [pt:noexp]), and the former or current name of each (sources: module
    docstring)."""
    canonical = _PT_FOLDED.get(_fold(value), value)
    names = [canonical, *(() if noexp else narrower_publication_types(canonical))]
    renamed = {old: new for new, olds in FORMER_NAMES.items() for old in olds}
    for name in list(names):
        names += FORMER_NAMES.get(name, ()) + ((renamed[name],) if name in renamed else ())
    return tuple(dict.fromkeys(names))


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
