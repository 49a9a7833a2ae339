"""One rule for every reader: a record that can never be screened or matched is refused.

A record is screened on its title (and abstract) and found again, by deduplication, by
decisions exchanged between machines and by the user, through its identifiers: DOI, PMID,
PMCID, or the accession number of the database it came from (the Cochrane Library's CN- ID,
an RIS or RefWorks AN, EndNote's accession-num, Web of Science's UT). A record with none of
these holds nothing a reviewer could judge and nothing that ties it to an article: a file cut
short, a row half filled in, a generated file. It is refused, naming the file and the
record's line, so that the user fixes the file; storing it would put an unscreenable record
in every queue and PRISMA count for good, since records are never deleted. A record with an
identifier but no title is imported, with a warning (the importer's), since the user can
look the article up; so is one with a citation but no title (journal, volume or year, and
pages: the reference a library finds an article by, and the place dedup matches records on;
a reference list or an EndNote library holds such records, as bib-dedupe's haematology set
does, and a whole file was refused for one of them); so is one with an abstract but no title
(a proceedings volume exported as "Anonymous", journal and volume but no title or pages, as in
bib-dedupe's srsr set: the abstract is what a reviewer screens, and dedup compares it). A wholly blank row or record (a spreadsheet's empty rows) is no record
at all, and the readers skip it.

A URL that names an identifier is that identifier (:mod:`reviewkit.formats.identifier_urls`:
'https://doi.org/10.…', a PubMed or PMC link), so a record whose only identifier is such a link
is found again like one with the identifier in its own field.

A record kept without a title is told to the reader's ``warn`` with where it starts
(:class:`Untitled`, by the record's line, an XML element's line, a sheet's row), and so is
one with neither title nor abstract, a database's stub or an export cut to its identifiers,
which has nothing to screen it on (:class:`NothingToScreen`): the importer names them by the
lines the user finds them at. A title or abstract is judged as the import keeps it, without
control characters (:mod:`reviewkit.formats.control_chars`, which takes them out after the
readers): a title of Word's line breaks alone is no title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewkit.errors import FormatError
from reviewkit.formats.control_chars import CONTROL, may_be_warned_of
from reviewkit.formats.identifier_urls import take_url_identifiers
from reviewkit.formats.ovid_link_type import take_link_types
from reviewkit.formats.read_warnings import Placed, ReadWarning, Warn
from reviewkit.records import Record

# CSV columns holding a database's own accession number, which identifies a row without a
# title or other id: Covidence's and EBSCOhost's 'Accession Number', Web of Science's UT,
# Scopus's EID
ACCESSION_COLUMNS = ("accession number", "ut", "eid")
WHAT_IS_MISSING = (
    "neither a title nor an identifier (DOI, PMID, PMCID or accession number) nor a citation"
    " (journal, volume or year, pages) nor an abstract"
)


@dataclass(frozen=True)
class Untitled(ReadWarning):
    """A record read without a title, at ``where`` ('file:line' of its start); ``message``
    names its PMID and DOI as the record wrote them ('PMID 1, DOI 10.1000/A'), '' when it has
    neither: not said as it is, but gathered by the importer, which names each by its line
    (:func:`~reviewkit.formats.read_warnings.record_at`; ``position``: its number in the file,
    said too where records share a line)."""

    position: int = 0


@dataclass(frozen=True)
class NothingToScreen(Untitled):
    """An untitled record with no abstract either: the importer counts them in one warning
    for the file."""


def tell_untitled(record: Record, where: str, warn: Warn | None) -> Record:
    """``record``, ``warn`` told of it (starting at ``where``) when it has no title
    (:class:`Untitled`), or neither a title nor an abstract's text (:class:`NothingToScreen`;
    a labelled section without text is none); and of where it starts (:class:`Placed`) when
    its text may be warned of after reading."""
    if warn is None:
        return record
    if may_be_warned_of(record):
        warn(Placed(where, str(record.position)))
    if has_text(record.title):
        return record
    ids = ", ".join(f"{name} {v}" for name, v in (("PMID", record.pmid), ("DOI", record.doi)) if v)
    screenable = any(has_text(s.text) for s in record.abstract_sections)
    warn((Untitled if screenable else NothingToScreen)(where, ids, record.position))
    return record


def has_text(text: str) -> bool:
    """Whether ``text`` holds more than blanks and control characters, which the import takes
    out (:mod:`reviewkit.formats.control_chars`, after the readers): what is judged here is
    what is kept."""
    return bool(CONTROL.sub("", text).strip())


def is_findable(record: Record, *accessions: str) -> bool:
    """Whether ``record`` has a title, an identifier, a citation or an abstract; ``accessions``:
    the source database's own accession numbers for the record, which the Record does not keep."""
    return bool(
        has_text(record.title)
        or has_text(record.abstract)
        or record.doi
        or record.pmid
        or record.pmcid
        or any(a.strip() for a in accessions)
        or has_citation(record)
    )


def has_citation(record: Record) -> bool:
    """Journal, volume or year, and pages: enough to find the article in a library; each
    judged as the import keeps it (:func:`has_text`: a journal of control characters is none)."""
    return bool(
        has_text(record.journal)
        and has_text(record.pages)
        and (has_text(record.volume) or record.year)
    )


def require_findable(
    record: Record,
    what: str,
    where: str,
    *accessions: str,
    hint: str = "",
    urls: Iterable[str] = (),
    warn: Warn | None = None,
) -> Record:
    """``record`` itself, with the identifiers its URLs name (its ``url`` and ``urls``, the
    reader's other link fields) where it has none and the document types an Ovid OpenURL among
    them names (:mod:`~reviewkit.formats.ovid_link_type`), or FormatError when it has neither a title
    nor an identifier.

    ``what`` names it as the user sees it ('record 3', 'row 12'); ``where`` is 'file:line' of
    its start, told to ``warn`` when the record has no title
    (:func:`tell_untitled`).
    """
    urls = list(urls)
    take_url_identifiers(record, urls)
    take_link_types(record, urls)  # the document type Ovid's OpenURL names
    if is_findable(record, *accessions):
        tell_untitled(record, where, warn)
        return record
    raise FormatError(
        f"{what} has {WHAT_IS_MISSING}: it could never be screened or found",
        where=where,
        hint=(hint or "fill in its title or DOI, or delete it, and import the file again")
        + "; nothing was imported",
    )
