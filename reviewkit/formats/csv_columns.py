"""The columns of a CSV reference list: the names each field is known by in the exports read
(Scopus, Web of Science, Embase.com, Covidence, Rayyan, Zotero, ASReview, Dimensions …), found
in a header, and the fields read from columns of their own (pages in parts, Web of Science's
full names and group authors, Zotero's Extra). The rows are read by
:mod:`reviewkit.formats.csv_format`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewkit.errors import FormatError
from reviewkit.formats.csv_lists import split_list
from reviewkit.formats.csv_read import duplicate_columns
from reviewkit.safe_csv import restore
from reviewkit.wording import listed

# a header without a title column: a workbook's reader adds where else the records may be
NO_TITLE_COLUMN = "no title column among the headers"
ALIASES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "ti",
        "article title",
        "document title",
        "primary title",
        "article_title",
        "name",
        "title primary",  # RefWorks' tab-delimited export
    ),
    "abstract": ("abstract", "ab", "abstract note", "abstract_note", "summary"),
    "authors": (
        "authors",
        "author",
        "au",
        "author full names",
        "author names",
        "creators",
        "author(s)",
        "author/s",  # Lens.org
        "authors, primary",  # RefWorks
        "authorships.author.display_name",  # OpenAlex, names separated by '|'
    ),
    "year": (
        "year",
        "py",
        "publication year",
        "pubyear",
        "publication_year",
        "published year",  # Covidence's export (its 'Published Month' is left out)
        "create date",
        "date",
        "publication date",
        "year published",
        "pub year",  # RefWorks
    ),
    "journal": (
        "journal",
        "journal/book",
        "source title",
        "publication title",
        "secondary title",
        "so",
        "jo",
        "journal title",
        "source",
        "publication",  # Google Scholar's CSV (Publish or Perish)
        "periodical full",  # RefWorks
        "primary_location.source.display_name",  # OpenAlex
    ),
    # the journal's abbreviation: Zotero's CSV and ours ('Journal Abbreviation'), Scopus'
    # 'Abbreviated Source Title'; Web of Science's JI (its ISO Source Abbreviation, 'J. Occup.
    # Rehabil.', ISO 4 as NLM's abbreviations are) before J9 (its own 29-character one in
    # capitals, 'J OCCUP REHABIL'). PubMed's CSV has none apart: its 'Journal/Book' is the
    # abbreviation itself, read as the journal
    "journal_abbreviation": (
        "journal abbreviation",
        "abbreviated source title",
        "journal_abbreviation",
        "ji",
        "j9",
    ),
    # the title in the article's own language beside its English one (PubMed's
    # VernacularTitle): our CSV's column, so an export read back keeps it
    "vernacular_title": ("vernacular title",),
    "volume": ("volume", "vl", "vol", "biblio.volume"),
    "issue": ("issue", "number", "is", "no", "issue number", "biblio.issue"),  # Lens, OpenAlex
    # not 'pg': Web of Science's PG is the page count. 'pagination': Dimensions' CSV ('1-9',
    # 'e0239123'), as MEDLINE names the pages (MedlinePgn in its XML's Pagination)
    "pages": ("pages", "page", "page range", "pagination"),
    "doi": ("doi", "di"),
    "pmid": (
        "pmid",
        "pubmed id",
        "pubmedid",
        "pubmed_id",
        "medline pmid",
        "accession number",
        "pm",
    ),
    # 'pmc_id': Rayyan's CSV (beside its 'pubmed_id'), as its import and export write it
    "pmcid": ("pmcid", "pmc id", "pmc", "pmc_id"),
    # 'article language': Embase.com (its 'Summary Language' is the abstract's)
    "language": ("language", "la", "language of original document", "article language"),
    "publication_types": (
        "publication types",
        "publication_types",
        "publication type",
        "document type",
        "dt",
        "pt",
        "item type",  # Zotero's: its item types are read as the kind (csv_format)
    ),
    "keywords": (
        "keywords",
        "author keywords",
        "kw",
        "de",
        "manual tags",
        "keywords.display_name",  # OpenAlex
    ),
    "mesh_terms": ("mesh terms", "mesh_terms", "mesh", "mh"),
    "url": ("url", "link", "ur"),
    # 'author addresses': Embase.com's, every author's (formats.embase_addresses), before its
    # 'correspondence address' (CORRESPONDENCE below), the one author's an export may give alone
    "affiliations": (
        *("affiliations", "affiliation", "addresses", "c1"),
        *("author addresses", "correspondence address"),
    ),
    # 'pu': Web of Science's publisher; 'record type': ours (formats.kinds), as written below
    "publisher": ("publisher", "pu"),
    "place": ("place published", "place of publication", "publisher city", "pi"),
    "kind": ("record type", "entrytype"),  # 'ENTRYTYPE': BibTeX's, in CoLRev's CSV
}
# Web of Science's Early Access Year: a record published online before its issue has no
# publication year (PY) yet, only this; used when the year column is empty
EARLY_ACCESS_YEAR = "ey"
# BibTeX's 'booktitle' (CoLRev's and bib-dedupe's CSVs keep BibTeX's field names): the name of
# the proceedings (or book) an inproceedings/incollection entry appeared in. Such an entry has
# no 'journal', so the proceedings' name is its venue; used only on a row whose journal is
# empty, since in a book chapter with a journal too the journal is the venue
BOOK_TITLE = "booktitle"
# Web of Science's Group Authors (a trial's study group): kept in the author list, after the
# persons, as the PubMed XML and MEDLINE readers keep a collective name
GROUP_AUTHORS = "ca"
# Web of Science's Author Full Names ('Nilsen, Ola'), preferred to its AU ('Nilsen, O') when a
# record has them, as the plain-text reader (wos.py) does
FULL_NAMES = "af"
# first and last page in two columns (Scopus, Web of Science, Embase.com); Scopus' article
# number otherwise
PAGE_COLUMNS = {
    # 'first page': Embase.com; 'biblio.…': OpenAlex
    "start": ("page start", "start page", "first page", "bp", "sp", "biblio.first_page"),
    # 'other pages': RefWorks' tab-delimited export (its end page, or an e-locator alone)
    "end": ("page end", "end page", "last page", "ep", "biblio.last_page", "other pages"),
    "article": ("art. no.", "article number", "ar"),
    # EBSCOhost's CSV gives 'First Page' and 'Page Count' (11 pages from 924: 924-934), so the
    # same article has the pages its RIS export gives (SP 924, EP 934). Not Web of Science's
    # PG, a page count too: its BP and EP are always given with it
    "count": ("page count",),
}
# links read only for the identifiers they name (formats.identifier_urls), not kept as the URL:
# Embase.com's OpenURL to the library's link resolver, its CSV's only place for the DOI;
# OpenAlex's PMID and PMCID, which its CSV writes as links to PubMed and PMC (a Work's ids)
LINK_COLUMNS = ("open url link", "ids.pmid", "ids.pmcid")
# Zotero keeps the identifiers it has no field for in an item's Extra, one 'Label: value' a line
# ('PMID: 31000001', 'PMCID: PMC6000001': its PubMed import writes them so, and its BibTeX
# export writes them as the 'pmid' and 'pmcid' fields); its CSV export writes the Extra column
# with the line breaks as spaces (zotero/translators, CSV.js's replaceNewlinesWith). Read only
# from a column named 'Extra' and only where the row has no PMID (or PMCID) of its own: no such
# column, or an empty cell in it.
ZOTERO_EXTRA = "extra"
_EXTRA_IDS = {
    "pmid": re.compile(r"(?:^|\s)PMID:\s*(\d{1,8})(?!\S)"),
    "pmcid": re.compile(r"(?:^|\s)PMCID:\s*(PMC\d+)(?!\S)"),
}

# OpenAlex's CSV (a Work's fields flattened): its 'type' is the work's type, one of OpenAlex's
# identifiers ('article', 'book-chapter', 'dissertation', 'preprint', 'letter', 'erratum'),
# read as a publication type named as the databases name theirs ('Book Chapter', 'Letter': its
# kind from the name, formats.kinds), in OpenAlex's header only (one holding a column named as
# only its Work's fields are: 'ids.openalex', 'authorships.author.display_name'): elsewhere a
# column 'type' may mean anything
OPENALEX_TYPE = "type"
OPENALEX_MARKS = ("ids.openalex", "authorships.author.display_name")

# every column name read (the page columns' and the book title's too), in lower case
KNOWN_COLUMNS = frozenset(
    [a for aliases in (*ALIASES.values(), *PAGE_COLUMNS.values()) for a in aliases] + [BOOK_TITLE]
)


def fill_from_extra(kwargs: dict, row: list[str], extra: int | None) -> None:
    """A row's PMID and PMCID from Zotero's Extra column, where the row gives none."""
    if extra is None or extra >= len(row):
        return
    for field, pattern in _EXTRA_IDS.items():
        if not kwargs.get(field) and (found := pattern.search(row[extra])):
            kwargs[field] = found.group(1)


def resolve_columns(
    header: list[str], mapping: dict[str, str] | None, name: str, line: int = 1
) -> dict[str, int]:
    """field -> column index; raises when the title column cannot be found. ``line``: the
    header's (2 after Excel's 'sep=' line)."""
    duplicate_columns(header, [*KNOWN_COLUMNS, *(mapping or {}).values()], name, line)
    lower: dict[str, int] = {}
    for i, h in enumerate(header):
        lower.setdefault(h.strip().lower(), i)
    columns: dict[str, int] = {}
    for field, column in (mapping or {}).items():
        if field not in ALIASES:
            raise FormatError(
                f"--map names an unknown field {field!r}",
                where=name,
                hint=f"fields: {', '.join(ALIASES)}",
            )
        if column.strip().lower() not in lower:
            raise FormatError(
                f"--map {field}={column!r}: no such column",
                where=f"{name}:{line}",
                hint=f"columns are: {listed(header, len(header))}",  # any may be the one
            )
        columns[field] = lower[column.strip().lower()]
    for field, aliases in ALIASES.items():
        if field in columns:
            continue
        for alias in aliases:
            if alias in lower and lower[alias] not in columns.values():
                columns[field] = lower[alias]
                break
    if "title" not in columns:
        raise FormatError(
            f"{NO_TITLE_COLUMN}: {listed([h for h in header if h.strip()], len(header))}",
            where=f"{name}:{line}",
            hint='name the columns with --map, e.g. --map title="Article Name" --map abstract=Summary',
        )
    return columns


def wos_columns(
    header: list[str], columns: dict[str, int], mapping: dict[str, str] | None, wos: bool
) -> dict[str, int]:
    """``columns``, in Web of Science's tab-delimited header (``wos``) without its PT: PT is
    the source's kind code there (J journal, B book, S series, P patent) and DT the document
    type, so a file without DT has no publication type, as in the plain-text reader
    (formats.wos reads DT alone); --map may still name PT."""
    typed = "publication_types" in (mapping or {})
    if not wos or typed or named(header, columns, "publication_types") != "pt":
        return columns
    return {f: i for f, i in columns.items() if f != "publication_types"}


def names_a_column(cells: list[str], mapping: dict[str, str] | None = None) -> bool:
    """Whether a row names a column the reader reads (:data:`KNOWN_COLUMNS`, or one --map
    names): a reference list's header row does, whichever tool wrote it; a line of text or of
    values does not (formats.text_sniff._table_name_above, csv_read.below_table_name)."""
    known = KNOWN_COLUMNS | {c.strip().lower() for c in (mapping or {}).values()}
    return any(c.strip().lower() in known for c in cells)


def names_title(cells: list[str], mapping: dict[str, str] | None) -> bool:
    """Whether a row is a header: it names the title column (by --map, or by an alias)."""
    wanted = {(mapping or {}).get("title", "").strip().lower()} - {""} or set(ALIASES["title"])
    return any(c.strip().lower() in wanted for c in cells)


def named(header: list[str], columns: dict[str, int], field: str) -> str:
    """The name of the column read as ``field``, in lower case; '' when none is."""
    return header[columns[field]].strip().lower() if field in columns else ""


def column(header: list[str], name: str) -> int | None:
    """The index of the column called ``name`` (any case), or None."""
    return next((i for i, h in enumerate(header) if h.strip().lower() == name), None)


def page_columns_of(header: list[str], columns: dict[str, int]) -> dict[str, int]:
    """Columns of first page, last page and article number, when there is no pages column."""
    if "pages" in columns:
        return {}
    lower = {h.strip().lower(): i for i, h in enumerate(header)}
    found = {}
    for part, aliases in PAGE_COLUMNS.items():
        index = next((lower[a] for a in aliases if a in lower), None)
        if index is not None:
            found[part] = index
    return found


def pages_of(row: list[str], page_columns: dict[str, int]) -> str:
    cell = {part: (row[i].strip() if i < len(row) else "") for part, i in page_columns.items()}
    first, last = cell.get("start", ""), cell.get("end", "")
    count = cell.get("count", "")
    if first.isdigit() and not last and count.isdigit() and int(count) > 1:
        last = str(int(first) + int(count) - 1)
    if first:
        return f"{first}-{last}" if last and last != first else first
    # no first page: the article number, else the one page given (RefWorks: 'e0144626')
    return cell.get("article", "") or last


@dataclass(frozen=True)
class OwnColumns:
    """The columns of a header read for a field of their own, beside those of :data:`ALIASES`
    (their indexes, None where the header has none)."""

    pages: dict[str, int]  # first and last page, article number, page count (pages_of)
    early_year: int | None  # Web of Science's EY: its header only, like the two below
    group_authors: int | None
    full_names: int | None
    book_title: int | None
    extra: int | None  # Zotero's Extra
    work_type: int | None = None  # OpenAlex's type

    @classmethod
    def of(cls, header: list[str], columns: dict[str, int], wos: bool) -> OwnColumns:
        """Those of ``header``, whose :func:`resolve_columns` are ``columns``; ``wos``: in Web
        of Science's own header (its tags, PT first) only: elsewhere a column 'CA' or 'EY' may
        mean anything."""
        early, group, full = (
            column(header, tag) if wos else None
            for tag in (EARLY_ACCESS_YEAR, GROUP_AUTHORS, FULL_NAMES)
        )
        book = column(header, BOOK_TITLE)
        if book is not None and columns.get("journal") == book:
            book = None  # mapped as the journal with --map
        pages = page_columns_of(header, columns)
        extra = column(header, ZOTERO_EXTRA)
        openalex = any(column(header, mark) is not None for mark in OPENALEX_MARKS)
        work_type = column(header, OPENALEX_TYPE) if openalex else None
        if work_type is not None and work_type in columns.values():
            work_type = None  # mapped to a field with --map
        return cls(pages, early, group, full, book, extra, work_type)

    def fill(self, kwargs: dict, row: list[str]) -> None:
        """A row's fields (``kwargs``, as read from :data:`ALIASES`' columns) from these."""
        if self.pages:
            kwargs["pages"] = pages_of(row, self.pages)
        if not kwargs.get("year") and self.early_year is not None and self.early_year < len(row):
            kwargs["year"] = row[self.early_year].strip()
        _fill_from_columns(kwargs, row, self.book_title, self.full_names, self.group_authors)
        fill_from_extra(kwargs, row, self.extra)
        at = self.work_type
        if at is not None and at < len(row) and not kwargs.get("publication_types"):
            kwargs["publication_types"] = [openalex_type_name(row[at])] if row[at].strip() else []


def openalex_type_name(work_type: str) -> str:
    """OpenAlex's type identifier as a type name: 'book-chapter' -> 'Book Chapter'."""
    return " ".join(word.capitalize() for word in work_type.strip().split("-"))


def _fill_from_columns(
    kwargs: dict,
    row: list[str],
    book_title: int | None,
    full_names: int | None,
    group_authors: int | None,
) -> None:
    """A row's fields from the columns that stand in for another: a chapter's book title as its
    journal where no journal is given, Web of Science's full names (AF) for the authors, and its
    group authors (CA) after the persons."""
    if not kwargs.get("journal") and book_title is not None and book_title < len(row):
        kwargs["journal"] = restore(row[book_title].strip())
    if full_names is not None and full_names < len(row) and row[full_names].strip():
        kwargs["authors"] = split_list("authors", row[full_names])
    if group_authors is not None and group_authors < len(row):
        groups = [g.strip() for g in row[group_authors].split(";") if g.strip()]
        kwargs["authors"] = [*kwargs.get("authors", []), *groups]
