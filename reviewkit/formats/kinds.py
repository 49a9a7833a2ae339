"""What kind of work a record is (report, thesis, book, conference paper …), across formats.

A record's :attr:`~reviewkit.records.Record.kind` holds one of :data:`KINDS`; '' is a journal
article, or a record whose source did not say (as every reader read them before kinds were
kept). Formats that name the kind in a type field of their own (RIS ``TY``, BibTeX's entry
type, Zotero's CSV 'Item Type') set it; formats that list publication types (MEDLINE ``PT``,
PubMed XML, EndNote's ``ref-type`` name, a CSV's 'Document Type') keep the types, and
:func:`record_kind` reads the kind from them, so records stored before kinds were kept have
theirs too. Grey literature (Review B's reports of welfare agencies and research
institutes) is told from journal articles by it: its reference names the publisher, and RIS
and BibTeX exports give it its own type (``TY  - RPRT``, ``@techreport``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reviewkit.formats import preprint_servers
from reviewkit.records import Record

# kind -> what dedup review and the README call it
KINDS = {
    "report": "report",
    "conference": "conference paper",
    "thesis": "thesis",
    "book": "book",
    "chapter": "book chapter",
    "web": "web page",
    "dataset": "dataset",
    "unpublished": "unpublished work",
    "generic": "generic",
}

# RIS reference types (RIS format specification, Research Information Systems / Clarivate,
# 'Reference Type Field') -> kind. The journal family is ''. A type not listed (MAP, PAT,
# LEGAL …) is 'generic': not a journal article, and no kind of ours says more.
_RIS_READ = {
    **dict.fromkeys(("JOUR", "JFULL", "EJOUR", "INPR", "ABST", "MGZN", "NEWS", ""), ""),
    **dict.fromkeys(("RPRT", "GOVDOC", "PAMP", "STAND"), "report"),
    **dict.fromkeys(("CONF", "CPAPER"), "conference"),
    "THES": "thesis",
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK"), "book"),
    **dict.fromkeys(("CHAP", "ECHAP"), "chapter"),
    **dict.fromkeys(("ELEC", "BLOG", "WEB"), "web"),
    **dict.fromkeys(("DATA", "DBASE"), "dataset"),
    **dict.fromkeys(("UNPB", "MANSCPT"), "unpublished"),
    "GEN": "generic",
}
# written: one code per kind, the one Zotero, EndNote and Mendeley all read as it
RIS_TYPES = {
    "": "JOUR",
    "report": "RPRT",
    "conference": "CONF",
    "thesis": "THES",
    "book": "BOOK",
    "chapter": "CHAP",
    "web": "ELEC",
    "dataset": "DATA",
    "unpublished": "UNPB",
    "generic": "GEN",
}

# Zotero's item types (its schema's itemTypes, the 'Item Type' of its CSV export) -> the RIS
# type Zotero's own RIS export writes for each (zotero/translators RIS.js, 2023: exportTypeMap
# with its degenerate types), read by _RIS_READ: an item has one kind whichever of Zotero's
# exports is read. Zotero writes GEN (generic) for a type it has no code for, 'document' among
# them. Differs: 'standard' (in Zotero 7's schema, after that RIS.js) is read as STAND, RIS's own
# type for it (a report here); 'preprint', for which Zotero writes GEN too, is the journal kind
# (JOUR), as a preprint is read from every other source: NLM's publication type 'Preprint'
# (PubMed's preprints, their server as the journal), OpenAlex's type, and the servers' own
# exports (bioRxiv's and medRxiv's RIS 'TY  - JOUR' with 'JF  - bioRxiv', their BibTeX
# 'journal = {bioRxiv}'), so one preprint is one kind whichever source gave it; Zotero's RIS
# export of one (GEN) is told from its other generic items by the server in its Repository (PB)
# or its DOI (:func:`zotero_preprint`). Zotero's notes, attachments and annotations are not
# works: not listed here, but in ZOTERO_NOT_WORKS.
_ZOTERO_RIS = {
    **{"journalArticle": "JOUR", "magazineArticle": "MGZN", "newspaperArticle": "NEWS"},
    **{"report": "RPRT", "standard": "STAND", "conferencePaper": "CONF", "thesis": "THES"},
    **{"book": "BOOK", "bookSection": "CHAP", "webpage": "ELEC", "blogPost": "BLOG"},
    **{"dataset": "DATA", "manuscript": "MANSCPT", "preprint": "JOUR", "document": "GEN"},
    **{"artwork": "ART", "audioRecording": "SOUND", "bill": "BILL", "case": "CASE"},
    **{"computerProgram": "COMP", "dictionaryEntry": "DICT", "email": "ICOMM", "film": "MPCT"},
    **{"encyclopediaArticle": "ENCYC", "forumPost": "ICOMM", "hearing": "HEAR", "map": "MAP"},
    **{"instantMessage": "ICOMM", "interview": "PCOMM", "letter": "PCOMM", "patent": "PAT"},
    **{"podcast": "SOUND", "presentation": "SLIDE", "radioBroadcast": "SOUND", "statute": "STAT"},
    **{"tvBroadcast": "MPCT", "videoRecording": "VIDEO"},
}

# Zotero's item types kept as a publication type beside their kind, named as NLM names it: a
# preprint is the journal kind, and without its type it could not be told from an article
ZOTERO_TYPE_NAMES = {"preprint": "Preprint"}


def _folded(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold())


# Preprint servers by the name a reference manager keeps as a preprint's repository, folded
# as type names are (the one list: formats.preprint_servers)
_PREPRINT_SERVERS = frozenset(_folded(s) for s in preprint_servers.SERVERS)


def zotero_preprint(ris_type: str, repository: str, doi: str) -> bool:
    """Whether an RIS record is a Zotero preprint: Zotero's RIS export writes its item type
    'preprint' as GEN (zotero/translators RIS.js: no RIS type of its own, DEFAULT_EXPORT_TYPE),
    its Repository in PB (the field's base field, publisher) and its DOI in DO; a preprint
    server named there, or its DOI a server's, tells it from Zotero's other generic items
    (a 'document'). Read as the preprint it is, as from every other source
    (:data:`_ZOTERO_RIS`)."""
    if ris_type.strip().upper() != "GEN":
        return False
    return names_preprint_server(repository) or preprint_servers.preprint_doi(doi)


def names_preprint_server(name: str) -> bool:
    """Whether ``name`` (a repository, a publisher) is a preprint server's ('medRxiv'); its
    host's ('Cold Spring Harbor Laboratory') is not."""
    return _folded(name) in _PREPRINT_SERVERS


def may_be_preprint(journal: str) -> bool:
    """Whether a record whose journal is ``journal`` may be a preprint: none, or a server's name
    (NLM's long title of one too, 'medRxiv : the preprint server for health sciences'). A
    journal's article linked to a server's page is linked to its preprint: another version
    under another DOI, which would merge the article with its preprint in dedup."""
    return not journal.strip() or names_preprint_server(journal.split(":")[0])


# Zotero's item types that are no work but a user's note, a file (a PDF, a snapshot) or a
# highlight in one: its CSV export writes them as rows of their own when they stand alone;
# its RIS and Refer exports leave them out (RIS.js: "can't store independent notes in RIS"),
# and so does the CSV reader (formats.csv_format), saying how many.
ZOTERO_NOT_WORKS = frozenset(("note", "attachment", "annotation"))

# BibTeX (Patashnik, BibTeXing) and biblatex (its manual, §2.1) entry types -> kind;
# an entry type not listed is 'generic', as BibTeX's styles treat it as @misc
_BIBTEX_READ = {
    "article": "",
    **dict.fromkeys(("techreport", "report"), "report"),
    **dict.fromkeys(("inproceedings", "conference", "proceedings"), "conference"),
    **dict.fromkeys(("phdthesis", "mastersthesis", "thesis"), "thesis"),
    **dict.fromkeys(("book", "mvbook", "booklet"), "book"),
    **dict.fromkeys(("incollection", "inbook"), "chapter"),
    **dict.fromkeys(("online", "electronic", "www"), "web"),
    "dataset": "dataset",
    "unpublished": "unpublished",
    "misc": "generic",
}
BIBTEX_TYPES = {
    "": "article",
    "report": "techreport",
    "conference": "inproceedings",
    "thesis": "phdthesis",
    "book": "book",
    "chapter": "incollection",
    "web": "online",  # biblatex; BibTeX's own styles print it as @misc
    "dataset": "dataset",
    "unpublished": "unpublished",
    "generic": "misc",
}
# BibTeX's field for the issuing body, by kind: a report's institution, a thesis' school
BIBTEX_PUBLISHER = {"report": "institution", "thesis": "school"}

# Publication or document type names -> kind, compared without case, blanks or punctuation:
# NLM's publication types ('Technical Report', 'Congress', 'Academic Dissertation', 'Government
# Publication', 'Dataset'), EndNote's reference type names, Scopus' and Web of Science's
# document types ('Conference Paper', 'Proceedings Paper', 'Meeting Abstract', 'Book
# Chapter'), and Zotero's item types ('report', 'conferencePaper', 'bookSection', 'webpage':
# records stored before its CSV's were read as kinds, _ZOTERO_RIS).
# A journal's types (Journal Article, Review, Letter …) name no kind.
_TYPE_NAMES = {
    # 'Standard' and 'Pamphlet': EndNote's reference types (RIS STAND and PAMP), OpenAlex's
    # work type 'standard', Zotero's item type: a report, as RIS's codes for them are read
    # Lens.org's 'working paper': an institute's or a department's series, a report's kind
    "report": (
        "technicalreport report governmentpublication governmentdocument standard pamphlet "
        "workingpaper"
    ),
    # Lens.org's 'conference proceedings article' and Crossref's 'proceedings-article' (the
    # type OpenAlex's CSV gives as 'type_crossref'): a paper in a conference's proceedings
    "conference": (
        "congress conferencepaper conferenceproceedings conferenceproceeding proceedingspaper "
        "meetingabstract conferenceabstract conferenceproceedingsarticle proceedingsarticle"
    ),
    "thesis": "thesis academicdissertation dissertation",
    "book": "book editedbook electronicbook",
    "chapter": "booksection bookchapter electronicbooksection",
    # a library's subject guide (Lens.org's 'libguide', OpenAlex's 'libguides'): a web page
    "web": "webpage blogpost libguide libguides",
    "dataset": "dataset",
    "unpublished": "unpublishedwork manuscript",
    # no journal article, and no kind of ours says more, as RIS's ENCYC and DICT are read: an
    # encyclopaedia's or a dictionary's entry (Lens.org's and OpenAlex's 'reference entry'), a
    # part of a work deposited with its own DOI (Lens.org's 'component', OpenAlex's
    # 'supplementary-materials'), a journal issue's front or back matter (OpenAlex's
    # 'paratext'), a referee's published report (OpenAlex's 'peer-review'). Their 'other' and
    # Lens.org's 'unknown' say nothing of the work: no kind ('')
    "generic": (
        "generic document referenceentry component supplementarymaterials paratext peerreview"
    ),
}
# Type names that say only "a journal article", the kind every record has that names none ('':
# NLM's and EndNote's 'Journal Article', Scopus' and Web of Science's 'Article'). Beside a kind
# the source named in a type field of its own they tell nothing of what the work is: RIS's TY is
# the reference type, M3 the 'Type of Work' (RIS specification, Research Information Systems),
# and a record written TY CONF with M3 'Journal Article' is a conference paper printed in a
# journal (the journal is in its own field), not two kinds. A type that says more (Review,
# Letter, Meeting Abstract) is kept.
_JOURNAL_ARTICLE = frozenset({"journalarticle", "article"})
# written in MEDLINE as NLM's publication type, for the kinds NLM has one for
NLM_TYPES = {
    "report": "Technical Report",
    "conference": "Congress",
    "thesis": "Academic Dissertation",
    "dataset": "Dataset",
}
_BY_TYPE_NAME = {name: kind for kind, names in _TYPE_NAMES.items() for name in names.split()}


def ris_kind(code: str) -> str:
    """The kind of an RIS ``TY`` code ('RPRT' -> 'report'; 'JOUR' -> '')."""
    return _RIS_READ.get(code.strip().upper(), "generic")


def bibtex_kind(entry_type: str) -> str:
    """The kind of a BibTeX entry type ('techreport' -> 'report'; 'article' -> '')."""
    return _BIBTEX_READ.get(entry_type.strip().lower(), "generic")


def zotero_kind(item_type: str) -> str | None:
    """The kind of a Zotero item type, as written ('conferencePaper' -> 'conference';
    'journalArticle' -> ''); None for a name that is not one (its case too: 'Book')."""
    code = _ZOTERO_RIS.get(item_type.strip())
    return None if code is None else ris_kind(code)


def kind_of_types(types: Iterable[str]) -> str:
    """The kind the first type naming one names ('Technical Report' -> 'report'), else ''."""
    return next((k for t in types if (k := _BY_TYPE_NAME.get(_folded(t)))), "")


def kind_named(name: str) -> str:
    """The kind a type column names: one of ours ('report'), a BibTeX entry type (a CSV of
    CoLRev's or bib-dedupe's 'ENTRYTYPE': 'inproceedings'), or a type name ('Book Chapter')."""
    name = name.strip()
    if name in KINDS:
        return name
    if name.lower() in _BIBTEX_READ:
        return _BIBTEX_READ[name.lower()]
    return kind_of_types([name])


def kept_kind(kind: str, types: Iterable[str]) -> str:
    """The kind to store beside ``types``: '' when the types say it already, so a record
    written and read again holds what it held (:func:`record_kind` reads it back)."""
    return "" if kind == kind_of_types(types) else kind


def types_beside(kind: str, types: Iterable[str]) -> list[str]:
    """The ``types`` worth naming beside ``kind`` (one of :data:`KINDS`, or ''): with a kind
    named, those saying only "journal article" are left out (a conference paper is not two
    kinds of work: :data:`_JOURNAL_ARTICLE`)."""
    if not kind:
        return list(types)
    return [t for t in types if _folded(t) not in _JOURNAL_ARTICLE]


def record_kind(rec: Record) -> str:
    """The record's kind: the one its source named, else the one its types name, else the one
    its only type names as Zotero's item type (:func:`stored_item_type`), else ''."""
    types = rec.publication_types
    return rec.kind or kind_of_types(types) or stored_item_type(types)


def stored_item_type(types: Sequence[str]) -> str:
    """The kind of a record's only publication type when it is one of Zotero's item types, as
    its schema spells them ('preprint', 'presentation', 'audioRecording'), else ''.

    Before q45b a Zotero CSV's Item Type was stored as the record's one publication type, no
    kind; records are immutable, so those are read here as a fresh import reads them
    (:func:`zotero_kind`), the same records in a project imported before or after. Spelled as
    Zotero writes them, case and all: the databases' and reference managers' type names start
    with a capital ('Preprint', NLM's; 'Letter', Web of Science's, a journal's letter) and keep
    the kind :func:`kind_of_types` gives them; a type among others is never an item type."""
    if len(types) != 1 or types[0].strip() in _JOURNAL_ITEM_WORDS:
        return ""
    return zotero_kind(types[0]) or ""


# Zotero's item types whose word is also a journal's article type in the databases' own
# vocabularies, written in lower case by some (OpenAlex's work type 'letter', Lens.org's
# publication types; NLM's 'Letter', 'Interview'): Zotero's letter and interview are personal
# communications (PCOMM, generic), a database's a journal's letter or interview (''), the far
# likelier of the two in a review's import, so a stored one keeps the journal kind
_JOURNAL_ITEM_WORDS = frozenset({"letter", "interview"})
