"""The bibliographic Record and the normalisation of its fields.

A Record is what every reader produces and what the store keeps, unchanged, for ever. Fields
are normalised on the way in (DOI without resolver prefix, pages expanded, year an int), so
that dedup, screening and reports can rely on them. The DOI keeps the source's spelling, which
exports carry; matching compares its case-folded form (:func:`normalise_doi`). An abstract
given as text is split into its labelled sections by :mod:`reviewkit.abstract_sections`.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from reviewkit.author_names import cited_surname

# --- normalisation -----------------------------------------------------------------------

# a DOI runs to white space, or to a ';', ',' or '|' that starts the next one: exports glue
# two DOIs in one cell ('10.1000/a;10.1000/b'), while a DOI may hold ';' itself (SICI DOIs,
# '…3.0.CO;2-O'), never followed by '10.nnnn/'
_DOI_RE = re.compile(r"10\.\d{4,9}/(?:(?![;,|]\s*10\.\d{4,9}/)\S)+", re.IGNORECASE)


def clean_doi(value: str | None) -> str:
    """The DOI in a value as the source spelled it: 'https://doi.org/10.1000/ABC.' ->
    '10.1000/ABC'; '' when there is no DOI. What a record keeps and exports write."""
    if not value:
        return ""
    m = _DOI_RE.search(value.strip())
    if not m:
        return ""
    return m.group(0).rstrip(".,;)]}>")


def normalise_doi(value: str | None) -> str:
    """The DOI for matching: 'https://doi.org/10.1000/ABC.' -> '10.1000/abc'; '' when there
    is no DOI. Lower case because DOIs are case-insensitive (DOI Handbook, 2.4), so sources
    spell one DOI in either case; the store's doi column holds this form."""
    return clean_doi(value).lower()


# A PMID, one rule for every reader (MEDLINE, BibTeX, an accession number, a spreadsheet cell)
# and for a reference a person types (screening.lookup.find_record): ASCII digits, optionally
# after 'PMID' or 'PMID:' ('PMID :' too), blanks around. Nothing else is read as one: stripping
# other characters made 'PMID 3123-4567' the PMID 31234567 and 'l23' (a letter l for a 1) 23,
# other articles' PMIDs, which then merged records or matched decisions. Leading zeros are
# padding ('0012345' is 12345); 0 is no PMID. At most 8 digits after them: NLM numbers PubMed
# records in sequence and is near 41,000,000, so a 9-digit number is another database's
# accession number (EBSCOhost's CINAHL numbers), not a PMID. Only ASCII digits: Python's \d also
# matches '３' or '٣', which no export writes in a PMID.
_PMID_RE = re.compile(r"(?:PMID\s*:?\s*)?0*([1-9][0-9]{0,7})", re.IGNORECASE)


def normalise_pmid(value: str | int | None) -> str:
    """'PMID: 12345' -> '12345'; '' for anything that is not a PMID by the rule above
    ('3123-4567', 'l23', '0', '123456789')."""
    if value is None or isinstance(value, bool):
        return ""
    m = _PMID_RE.fullmatch(str(value).strip())
    return m.group(1) if m else ""


def normalise_pmcid(value: str | None) -> str:
    """'pmc123' / '123' under a PMCID field -> 'PMC123'."""
    if not value:
        return ""
    m = re.search(r"(?:PMC)?\s*(\d+)", str(value), re.IGNORECASE)
    return f"PMC{m.group(1)}" if m else ""


# A plain range: a first and a last page, each digits under an optional section letter ('S12-8',
# 'e8-e9'). The one reading of it: the import's expansion here, the RIS writer's SP/EP split,
# dedup's page count.
PAGE_RANGE = re.compile(r"([A-Za-z]?)(\d+)-([A-Za-z]?)(\d+)")


def normalise_pages(value: str | None) -> str:
    """'123-9' -> '123-129'; '123--129' -> '123-129'; keeps e-locators like 'e0123'."""
    if not value:
        return ""
    # every dash a source writes between two pages: the en and em dashes, and the Unicode
    # hyphens U+2010-U+2012 and minus U+2212 (the Cochrane Library writes '43\u201058')
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", re.sub(r"\s+", "", str(value)))
    text = re.sub(r"-+", "-", text).strip("-")
    m = PAGE_RANGE.fullmatch(text)
    if m:
        prefix, first, prefix2, last = m.groups()
        if len(last) < len(first):
            last = first[: len(first) - len(last)] + last
        return f"{prefix}{first}-{prefix2 or prefix}{last}"
    return text


# A year stands as its own number: no digit just before or after it, so '20201' (a typo, a page
# or an id) is no year rather than 2020. Letters may touch it ('2019a' BibTeX, 'c2019'), and
# a compact YYYYMMDD date (MEDLINE DEP and DA, '20190301') is read for its year.
_YEAR_RE = re.compile(
    r"(?<!\d)(1[5-9]\d\d|20\d\d)(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))?(?!\d)"
)


def parse_year(value: str | int | float | None) -> int | None:
    """First plausible four-digit year standing as its own number in the value ('1995.0',
    '2021 Jan', 'Spring 2019', '20190301', 2021); None for '20201'."""
    if value is None:
        return None
    if isinstance(value, int | float):
        value = str(int(value)) if value == value else ""  # NaN check
    m = _YEAR_RE.search(str(value))
    return int(m.group(1)) if m else None


# compiled once: fold_text runs on every title, author and journal of a collection (dedup
# keys read 79,880 records' fields several times each), where re.sub's cache lookup showed
_TAG = re.compile(r"<[^>]+>")
_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+\{([^}]*)\}")
_BRACES = re.compile(r"[{}]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def strip_markup(text: str) -> str:
    """Remove HTML/XML tags and entities and common LaTeX markup."""
    text = html.unescape(text or "")
    text = _TAG.sub("", text)
    text = _LATEX_COMMAND.sub(r"\1", text)  # \emph{x} -> x
    return _BRACES.sub("", text)


def fold_text(text: str) -> str:
    """Lower case, no diacritics, no markup, punctuation to spaces, single spaces."""
    text = strip_markup(text)
    if not text.isascii():  # plain ASCII has nothing to decompose (fast path for dedup)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l")
    text = _PUNCTUATION.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# A title that opens with a bracketed name running on into its first word: a labelled compound
# ('[11C]raclopride', '[18F]FDG', '[N-methyl-3H3]AZ10419369'), a residue ('[Leu]enkephalin',
# '[Phe1psi(CH2-NH)Gly2]-nociceptin'). One word in the brackets and a letter, digit or hyphen
# right after them: a translated title is several words and its bracket closes the title.
_BRACKETED_NAME = re.compile(r"\[[^\s\[\]]+\][\w-]")


def normalise_title(title: str) -> str:
    """Title for matching: folded, without a bracketed translated-title marker.

    PubMed marks translated titles with square brackets: '[Return to work after ...].' A title
    that only opens with a bracketed name ('[11C]raclopride binding ...') keeps all its words.
    """
    t = strip_markup(title or "").strip()
    if t.startswith("[") and "]" in t and not _BRACKETED_NAME.match(t):
        t = t[1 : t.rindex("]")]
    return fold_text(t)


def clean_space(value: str | None) -> str:
    r"""Runs of whitespace to one space, none at the ends. str.split() splits on the Unicode
    whitespace that r"\s" matches (both ask str.isspace), at a fifth of the regex's cost."""
    return " ".join((value or "").split())


# --- the record --------------------------------------------------------------------------


def abstract_text(sections: Iterable[tuple[str, str]]) -> str:
    """An abstract's (label, text) sections as one text: 'LABEL: text' per labelled section,
    one per line (:attr:`Record.abstract`, and the ranker's read of the stored sections)."""
    return "\n".join(f"{label}: {text}" if label else text for label, text in sections)


@dataclass
class AbstractSection:
    label: str  # e.g. 'OBJECTIVE', '' for an unstructured abstract
    text: str
    # NLM's category of the label (PubMed XML's NlmCategory: BACKGROUND, OBJECTIVE, METHODS,
    # RESULTS, CONCLUSIONS or UNASSIGNED; NLM, "Structured Abstracts in MEDLINE"), '' where the
    # source gives none (every other format). NLM's reading of the label, not the abstract's
    # text: it takes no part in comparing sections nor in their repr, so a search run's
    # fingerprint and a rerun's "changed" stay those of records stored before it was kept.
    category: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Correction:
    """One of PubMed's CommentsCorrections links that says a notice concerns an article: its
    RefType ('RetractionIn' on the article, 'RetractionOf' on the notice; the kinds kept are
    :data:`reviewkit.formats.corrections.KEPT`), the other's citation as PubMed writes it
    (RefSource) and its PMID ('' when PubMed gives none)."""

    ref_type: str
    ref_source: str = ""
    pmid: str = ""


@dataclass
class Record:
    """One bibliographic record as read from a file or a search run.

    ``source`` names where it came from (e.g. 'PubMed', 'Embase', 'snowballing'); ``origin`` the
    file or search run; ``position`` its place there (1-based); ``raw`` the original text.
    """

    title: str = ""
    abstract_sections: list[AbstractSection] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # 'Last, First' or 'Last FM' as given
    year: int | None = None
    journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    language: str = ""
    publication_types: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    mesh_terms: list[str] = field(default_factory=list)
    url: str = ""
    affiliations: list[str] = field(default_factory=list)
    # what kind of work, when its source named one the publication types do not (one of
    # formats.kinds.KINDS; '' a journal article or not said: formats.kinds.record_kind)
    kind: str = ""
    publisher: str = ""  # publisher or issuing body (a report's institute, a thesis' school)
    place: str = ""  # place of publication (RIS CY, BibTeX address)
    # the journal's abbreviated title as the source gave it ('J Occup Rehabil', NLM's for
    # MEDLINE records), which the report's references print as Citing Medicine and Vancouver
    # do (reports.tables.cited_journal); each reader's tags for it are in its module. A record
    # given only the abbreviation has it as its journal too
    journal_abbreviation: str = ""
    # the title in the article's own language when ``title`` is its English translation
    # (PubMed's VernacularTitle, MEDLINE's TT: NLM gives every article an English title);
    # '' when the title is the original
    vernacular_title: str = ""
    # PubMed's links between an article and the notices about it (retraction, erratum,
    # expression of concern, comment), from PubMed XML's CommentsCorrections and MEDLINE's
    # RIN/ROF, EIN/EFR, ECI/ECF, CIN/CON lines (reviewkit.dedup.concerns reads them)
    comments_corrections: list[Correction] = field(default_factory=list)
    source: str = ""
    origin: str = ""
    position: int = 0
    raw: str = ""

    def __post_init__(self) -> None:
        self.title = clean_space(self.title)
        self.journal_abbreviation = clean_space(self.journal_abbreviation)
        self.vernacular_title = clean_space(self.vernacular_title)
        if self.vernacular_title and fold_text(self.vernacular_title) == fold_text(self.title):
            # the title itself, not its original: a source that gives the original as the only
            # title, or a merged copy whose original is the kept record's title
            self.vernacular_title = ""
        if not self.journal.strip():  # the abbreviation names the journal when nothing else does
            self.journal = self.journal_abbreviation
        self.doi = clean_doi(self.doi)
        self.pmid = normalise_pmid(self.pmid)
        self.pmcid = normalise_pmcid(self.pmcid)
        self.pages = normalise_pages(self.pages)
        if not isinstance(self.year, int) or isinstance(self.year, bool):
            self.year = parse_year(self.year)
        self.abstract_sections = [
            s if isinstance(s, AbstractSection) else AbstractSection(**s)
            for s in self.abstract_sections
        ]
        self.comments_corrections = [
            c if isinstance(c, Correction) else Correction(**c) for c in self.comments_corrections
        ]

    @property
    def abstract(self) -> str:
        """Abstract as plain text, with 'LABEL: ' before each structured section."""
        return abstract_text((s.label, s.text) for s in self.abstract_sections)

    def section(self, *labels: str) -> str:
        """Text of the first structured section whose label starts with one of ``labels``."""
        wanted = tuple(label.upper() for label in labels)
        for s in self.abstract_sections:
            if s.label.upper().startswith(wanted):
                return s.text
        return ""

    @property
    def first_author_surname(self) -> str:
        """The first author's surname with its particles ('de Boer' from 'de Boer A.G.',
        'de Boer, A.G.' or 'A.G. de Boer'; 'van der Berg' from 'Berg, J. van der'); a group
        author whole; '' without authors."""
        return cited_surname(self.authors[0]) if self.authors else ""

    def citation(self) -> str:
        """Short 'Surname et al. (Year)' label for tables."""
        name = self.first_author_surname or "Anon."
        if len(self.authors) > 2:
            name += " et al."
        elif len(self.authors) == 2:
            name += " and " + cited_surname(self.authors[1])
        return f"{name} ({self.year})" if self.year else name

    @property
    def journal_place(self) -> str:
        """Where in its journal the record stands, 'Volume(Issue):Pages' ('' when unknown): the
        part that the report's references and the screen's citation line share. As NLM's
        Citing Medicine writes it, an issue without a volume keeps its parentheses."""
        place = self.volume + (f"({self.issue})" if self.issue else "")
        return place + (f":{self.pages}" if self.pages else "")

    # serialisation used by the store and the round-trip tests
    def as_dict(self) -> dict:
        """The record as plain data, like ``dataclasses.asdict`` but without its deep copies
        (which took a third of the time of a large import)."""
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        for name in _LIST_FIELDS:
            data[name] = list(data[name])
        data["abstract_sections"] = [
            {"label": s.label, "text": s.text, **({"category": s.category} if s.category else {})}
            for s in self.abstract_sections
        ]
        data["comments_corrections"] = [
            {"ref_type": c.ref_type, "ref_source": c.ref_source, "pmid": c.pmid}
            for c in self.comments_corrections
        ]
        return data

    def to_json(self) -> str:
        data = self.as_dict()
        data.pop("raw")
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, raw: str = "") -> Record:
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known}, raw=raw)

    def bibliographic_fields(self) -> dict:
        """The descriptive fields only (no provenance): what writers must preserve. A section's
        NLM category is left out: it is NLM's reading of the label, which no other format
        writes, and a rerun that finds it on a record stored without it has found no change."""
        data = self.as_dict()
        for key in ("source", "origin", "position", "raw"):
            data.pop(key)
        for section in data["abstract_sections"]:
            section.pop("category", None)
        return data


_FIELD_NAMES = tuple(f.name for f in fields(Record))
_LIST_FIELDS = tuple(
    f.name
    for f in fields(Record)
    if f.name not in ("abstract_sections", "comments_corrections") and "list" in str(f.type)
)
