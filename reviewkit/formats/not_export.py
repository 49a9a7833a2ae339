"""Files that are no reference export, named for what they are, so the message says what to do.

Without this a PDF saved under a .ris name, a bzip2 archive or a list of PMIDs was "a binary
file (a NUL byte)" or "cannot tell the format", and an E-utilities error reply saved as .nbib
was "broken CSV row". Each kind is told by its content, never by its name: binary kinds by
the magic numbers their specifications define (:func:`refuse`, before any reader is chosen);
zip archives by the names inside (:func:`zip_refusal`); text exports no reader reads only after
every reader's sniff said no (:func:`refuse_text`); other XML by its root element
(:func:`xml_refusal`, for the PubMed XML reader). A file that is none of these goes on to
format detection as before.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from reviewkit.errors import FormatError, command_line
from reviewkit.files import DOCUMENT_HINT, GZIP, PDF, SAVE_AS_CSV, SQLITE
from reviewkit.formats import vendor_text, zip_contents
from reviewkit.sheet_columns import (
    CLUSTERS_SHEET_COLUMNS,
    EXTRACTION_SHEET_COLUMNS,
    QUEUE_SHEET_COLUMNS,
)
from reviewkit.wording import listed

_EXPORT = "export the references as RIS, MEDLINE/nbib, BibTeX, PubMed XML or CSV"
# compressed formats other than gzip (the only one read), by their magic numbers: bzip2
# ('BZh' and the block size 1-9), xz, Zstandard, 7-Zip, RAR (4 and 5)
_COMPRESSED = (
    (re.compile(rb"BZh[1-9]"), "a bzip2 (.bz2)"),
    (re.compile(rb"\xfd7zXZ\x00"), "an xz (.xz)"),
    (re.compile(rb"\x28\xb5\x2f\xfd"), "a Zstandard (.zst)"),
    (re.compile(rb"7z\xbc\xaf\x27\x1c"), "a 7-Zip (.7z)"),
    (re.compile(rb"Rar!\x1a\x07"), "a RAR (.rar)"),
)
# JSON: an object, or an array of objects or strings (CSL-JSON, Zotero's export, or the JSON
# error reply E-utilities sends, '{"error":"API rate limit exceeded",...}'); no reference
# export starts so (a CSV header cell does not start with '{"')
_JSON = re.compile(r'\s*(?:\{\s*"|\[\s*(?:\{|"|\]))')
_JSON_ERROR = re.compile(r'"error"\s*:\s*"([^"]{1,200})"')
# CSL-JSON (the Citation Style Language's data schema, which Zotero's and Mendeley's 'CSL JSON'
# export and citation tools write): items with a CSL 'type' and its date or container fields
_CSL = re.compile(
    r'"(?:issued|container-title|citation-key|author)"\s*:|"type"\s*:\s*"(?:article'
    r'-journal|paper-conference|chapter|report|thesis|book|webpage|article)"'
)
# Rich Text Format, by its first bytes '{\rtf1' (RTF 1.9.1 specification: the file opens
# with the RTF control word): a reference list saved from a word processor, or a database's
# 'RTF' download (ProQuest, EBSCOhost offer one), written to read
_RTF = b"{\\rtf"
# PubMed's 'PMID' save format: one PMID a line, nothing else
PMID_LIST_HINT = (
    "in PubMed, save the records with Format 'PubMed' (a .nbib file), or 'Send to: Citation"
    " manager', and import that file"
)
_PMID_LINE = re.compile(r"\s*\d{1,8}\s*")


def refuse(head: bytes, name: str) -> None:
    """FormatError when the file's first bytes (gzip already undone) show it is a PDF, an
    SQLite database, a compressed archive, a gzip file inside a gzip file, a tar archive, JSON,
    or a bare list of PMIDs."""
    if head.startswith(SQLITE):  # a reference manager's own library (Zotero keeps its library
        # in zotero.sqlite) or a project's review.sqlite: its records are read from an export
        raise FormatError(
            "this is an SQLite database (a reference manager's library file, such as Zotero's"
            " zotero.sqlite, or a project's review.sqlite), not a reference export",
            where=name,
            hint=f"{_EXPORT}: in Zotero, File > Export Library… as RIS; in EndNote, File >"
            " Export as XML",
        )
    if head.startswith(PDF):
        raise FormatError(
            "this is a PDF document (a full text or a printed list), not a reference export",
            where=name,
            hint=f"{_EXPORT}; a study's full text is added with '{command_line('attach')}'",
        )
    if head.startswith(GZIP):
        raise FormatError(
            "this is a gzip file inside a gzip file (compressed twice)",
            where=name,
            hint="decompress it once (gunzip) and import the file it holds",
        )
    for magic, kind in _COMPRESSED:
        if magic.match(head):
            raise FormatError(
                f"this is {kind} compressed file; only gzip (.gz) files are read compressed",
                where=name,
                hint="decompress it and import the file it holds",
            )
    if head[257:262] == b"ustar":  # a tar archive's magic, at offset 257 (POSIX.1 ustar)
        member = head[:100].split(b"\x00")[0].decode("utf-8", errors="replace")
        raise FormatError(
            f"this is a tar archive (.tar or .tar.gz) holding {member!r} (and maybe more)",
            where=name,
            hint="unpack it (tar -xf FILE) and import the files it holds",
        )
    _refuse_stand_in(head, name)
    text = head[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")
    if _JSON.match(text):
        _refuse_json(text, name)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_RTF):
        raise FormatError(
            "this is a Rich Text Format (RTF) document (a reference list saved from a word"
            " processor, or a database's 'RTF' download), not a reference export",
            where=name,
            hint=DOCUMENT_HINT,
        )
    lines = [ln for ln in text.splitlines()[:-1] or text.splitlines() if ln.strip()]
    if lines and all(_PMID_LINE.fullmatch(ln) for ln in lines):
        raise FormatError(
            "this is a list of PMIDs (PubMed's 'PMID' save format), not the records",
            where=name,
            hint=PMID_LIST_HINT,
        )


# Files that stand in for an export, of a kind no export is. A Git LFS pointer: a repository
# keeps a large file on its LFS server and this text in its place (Git LFS specification,
# docs/spec.md: the lines 'version https://git-lfs.github.com/spec/v1', 'oid sha256:…',
# 'size N'), what a clone without git-lfs or a download of the 'raw' link gives. A macOS
# AppleDouble file ('._export.ris'): the Finder's metadata of a file, written beside it on a
# disk, share or zip that cannot keep it (RFC 1740: magic number 0x00051607; AppleSingle,
# 0x00051600, holds the file itself with its metadata).
_LFS_POINTER = re.compile(rb"version https://git-lfs\.github\.com/spec/v\d+\r?\n")
_LFS_SIZE = re.compile(rb"^size (\d+)", re.MULTILINE)
_APPLE_DOUBLE = b"\x00\x05\x16\x07"
_APPLE_SINGLE = b"\x00\x05\x16\x00"
# Windows' mark of a downloaded file ('Mark of the Web'): an NTFS alternate data stream,
# 'export.ris:Zone.Identifier', of a '[ZoneTransfer]' section ('ZoneId=3', the site it came
# from), which a copy to WSL's or Linux's file system, or to a zip, makes a file of its own
# beside the export ('export.ris:Zone.Identifier', or '_Zone.Identifier' where ':' cannot be)
_ZONE = re.compile(rb"(?:\xef\xbb\xbf)?\[ZoneTransfer\]\s*\r?\n")
_ZONE_NAME = re.compile(r"(.+)[:_]Zone\.Identifier$", re.IGNORECASE)


def _refuse_stand_in(head: bytes, name: str) -> None:
    """FormatError when the file is a Git LFS pointer, a macOS AppleDouble/AppleSingle file
    or Windows' Zone.Identifier, each in the place of the export: what it is, and where the
    export is."""
    if _ZONE.match(head):
        real = _ZONE_NAME.match(Path(name).name)
        beside = f" ({real.group(1)!r}, beside it)" if real else ""
        raise FormatError(
            "this is Windows' Zone.Identifier, its note of the site a file was downloaded from"
            " ('[ZoneTransfer]'), copied out as a file of its own: no export",
            where=name,
            hint=f"import the downloaded file it belongs to{beside}; files named"
            " '…:Zone.Identifier' can be deleted",
        )
    if _LFS_POINTER.match(head):
        size = _LFS_SIZE.search(head[:1024])
        of = f" of {int(size.group(1)):,} bytes" if size else ""
        raise FormatError(
            f"this is a Git LFS pointer, a few lines standing for the real file{of}, which is"
            " kept on the repository's Git LFS server, not the export",
            where=name,
            hint="fetch the real file (git lfs install, then git lfs pull in the repository), or"
            " download it from the repository's web page, and import that",
        )
    if head.startswith((_APPLE_DOUBLE, _APPLE_SINGLE)):
        own = Path(name).name
        real = own[2:] if own.startswith("._") else ""
        beside = f" ({real!r}, beside it)" if real else ""
        raise FormatError(
            "this is a macOS AppleDouble file, the Finder's record of another file's icon and"
            " attributes, left on a disk, share or zip that cannot keep them: no export",
            where=name,
            hint=f"import the file it belongs to{beside}; files named '._…' can be deleted",
        )


def _refuse_json(text: str, name: str) -> None:
    """FormatError for JSON: an E-utilities error reply, CSL-JSON or other JSON."""
    error = _JSON_ERROR.search(text)
    if error:
        what, hint = f"an error reply ({error.group(1)!r})", "fetch the records again"
    elif _CSL.search(text):
        what = "JSON: CSL-JSON (Zotero's or Mendeley's 'CSL JSON' export, or a citation tool's)"
        hint = (
            "export RIS instead: in Zotero, File > Export Library… (or a collection's Export"
            " Collection…) with the format 'RIS'; in Mendeley, export RIS or BibTeX"
        )
    else:
        what, hint = "JSON", f"{_EXPORT} (Zotero and Mendeley: export RIS or BibTeX)"
    raise FormatError(
        f"this is {what}, not a reference export reviewkit reads", where=name, hint=hint
    )


# Text exports of a kind no reader reads, told only after every reader's sniff said no (so a
# real export is never taken for one). PubMed's 'Summary (text)' and 'Abstract (text)' save
# formats: numbered citations ('1. ' or, in the legacy PubMed, '1: ') each with a 'PMID: N'
# line or ending; MEDLINE writes 'PMID- N', so the colon tells them apart.
_FIRST_CITATION = re.compile(r"\s*1[.:] \S")
_PMID_COLON = re.compile(r"\bPMID: ?\d{1,8}\b")


# A RIS or MEDLINE file opened and saved in a word processor: its autocorrect turns the ' - '
# after each tag into an en or em dash ('TY  – JOUR'), and a space may become a no-break space
# (U+00A0): no reader's sniff takes such a line, which was 'cannot tell the format'. Told on
# the file's first line, which opens a record in both (RIS 'TY', MEDLINE 'PMID'), and its next,
# a field's, rewritten too: a spreadsheet's header row may begin so ('PMID – PubMed ID,Title',
# 'HIV‐related'), its next line a row, and the CSV is read.
_TYPESET_TAG = re.compile(
    r"\s*([A-Z][A-Z0-9]{1,3})([ \u00a0]{0,3})([\u2010-\u2015\u2212-])([ \u00a0]?)\S"
)
_OPENING_TAGS = frozenset({"TY", "PMID"})
_DASHES = {"\u2013": "an en dash '–'", "\u2014": "an em dash '—'", "\u2212": "a minus sign '−'"}


def _rewritten(line: str) -> tuple[str, list[str]]:
    """(tag, what a word processor put after it: a dash, a no-break space) of a tag line whose
    ' - ' was rewritten; ('', []) for any other line."""
    found = _TYPESET_TAG.match(line)
    if not found:
        return "", []
    tag, before, dash, after = found.group(1, 2, 3, 4)
    wrong = [_DASHES.get(dash, f"the dash {dash!r}")] if dash != "-" else []
    if "\u00a0" in before + after:
        wrong.append("a no-break space")
    return tag, wrong


def _refuse_typeset_tags(text: str, name: str) -> None:
    """FormatError when the first two lines of ``text`` are a RIS or MEDLINE record's opening
    tag line and a field's, whose ' - ' a word processor rewrote (see above): which
    character, and how to mend it."""
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1) if ln.strip()][:2]
    if len(lines) < 2:
        return
    (number, first), (_, second) = lines
    tag, wrong = _rewritten(first)
    if tag not in _OPENING_TAGS or not wrong or not _rewritten(second)[1]:
        return
    raise FormatError(
        f"the tag of line {number} ({first.strip()[:30]!r}) is followed by"
        f" {' and '.join(wrong)} where RIS and MEDLINE/nbib have a hyphen and plain spaces"
        " ('TY  - JOUR', 'PMID- 123'): the file was saved by a word processor, whose"
        " autocorrect rewrote it",
        where=f"{name}:{number}",
        hint="export the file again and import it without opening it in a word processor (or"
        " replace each dash after a tag with '-', and no-break spaces with spaces, in a"
        " plain-text editor)",
    )


def refuse_text(text: str, name: str) -> None:
    """FormatError when ``text`` (a file's head, which no reader took) is PubMed's Summary or
    Abstract text, a RIS or MEDLINE file a word processor rewrote, or a vendor's text export no
    reader reads (:mod:`vendor_text`): they name what to save instead."""
    _refuse_typeset_tags(text, name)
    if _FIRST_CITATION.match(text) and _PMID_COLON.search(text):
        raise FormatError(
            "this is PubMed's 'Summary (text)' or 'Abstract (text)' save format: citations"
            " written out to read, not records",
            where=name,
            hint=PMID_LIST_HINT,
        )
    vendor_text.refuse(text, name)  # EndNote's .enw, Ovid's display, ProQuest's, Scopus' text


# The sheets reviewkit writes of a project's own records (outputs), by their first columns:
# what each is and what to do with it (made when said: its command names the project opened).
# A database's export never starts so; the extraction sheet and the clusters have a title
# column, so the CSV reader took their rows for records.
_OWN_SHEETS = (
    (
        EXTRACTION_SHEET_COLUMNS,
        "reviewkit's extraction sheet ('extract export'): the project's own studies",
        lambda: f"read it back with '{command_line('extract import FILE --reviewer NAME')}'",
    ),
    (
        QUEUE_SHEET_COLUMNS[:2],
        "reviewkit's dedup review sheet ('dedup review --csv'): pairs of the project's own records",
        lambda: (
            f"read it back with '{command_line('dedup review --read-csv FILE --reviewer NAME')}'"
        ),
    ),
    (
        CLUSTERS_SHEET_COLUMNS[:3],
        "reviewkit's list of duplicate clusters ('dedup report --csv'): the project's own records",
        lambda: "it is a report to read; import the databases' exports instead",
    ),
)
_CELL = re.compile(r'\s*"?([^",;\t]*)"?\s*(?:[,;\t]|$)')


def refuse_own_sheet(text: str, name: str) -> None:
    """FormatError when ``text`` (a file's head) is a sheet reviewkit wrote of a project's own
    records: importing it would copy them into a project as new records (in a spreadsheet's
    separator: ',', ';' or a tab)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    if first.startswith("sep="):  # Excel's separator line, then the header
        first = text.split("\n", 2)[1].strip().lower() if text.count("\n") > 1 else ""
    cells = tuple(m.group(1).strip() for m in _CELL.finditer(first))
    for columns, what, hint in _OWN_SHEETS:
        if cells[: len(columns)] == columns:
            raise FormatError(f"this is {what}, not a reference export", where=name, hint=hint())


# XML that is no PubMed XML, by its root element (lower case): what it is and what to do
_EFETCH = (
    "fetch the records themselves (efetch with rettype=medline, or retmode=xml), or in PubMed"
    " save them with Format 'PubMed'"
)
_OTHER_XML = {
    "html": (
        "a web page (HTML), not an export: a sign-in or error page saved in the export's"
        " place, or a database's 'Excel' download that is a web page",
        "sign in and export again; a table of references: open it in Excel and save it as"
        " .xlsx or 'CSV UTF-8'",
    ),
    "rdf:rdf": (
        "Zotero RDF, which reviewkit does not read",
        "in Zotero, export the references as RIS or BibTeX",
    ),
    "workbook": (  # SpreadsheetML, Excel 2003's 'XML Spreadsheet'
        "an Excel 2003 XML spreadsheet, which reviewkit does not read",
        "open it in Excel and save it as .xlsx or 'CSV UTF-8'",
    ),
    "esearchresult": ("an E-utilities search reply (a list of PMIDs), not the records", _EFETCH),
    "esummaryresult": ("E-utilities document summaries (esummary), not the records", _EFETCH),
}


# how a refusal of XML that is not PubMed XML opens, where the file is named as XML
NOT_PUBMED_XML = "not PubMed XML"


class XmlRefusal(FormatError):
    """XML that is not PubMed XML ('pubmed serve' tells it by its class, to say what
    --snapshot takes)."""


def xml_refusal(root: str, name: str) -> FormatError:
    """The FormatError for XML whose root element ``root`` is not PubMed XML's. What it is
    opens the message where we know it; 'not PubMed XML' only where the file is named as XML
    (a sign-in page saved as 'export.bib' is a web page to its user, who chose no XML)."""
    what, hint = _OTHER_XML.get(root.lower(), ("", ""))
    if not what:
        return XmlRefusal(
            f"{NOT_PUBMED_XML}: the root element is <{root or '?'}>",
            where=name,
            hint="PubMed XML starts with <PubmedArticleSet>; pass --format to choose another"
            " reader",
        )
    named_xml = ".xml" in (s.lower() for s in Path(name).suffixes)
    return XmlRefusal(
        f"{NOT_PUBMED_XML}: this is {what}" if named_xml else f"this is {what}",
        where=name,
        hint=hint,
    )


# what a zip archive that is no Excel workbook holds, by the names inside it: a Word document
# (a reference list typed or pasted into a document: Office Open XML's word/document.xml), an
# OpenDocument text, or exports zipped for download (databases zip large exports)
_EXPORT_SUFFIXES = {".ris", ".nbib", ".txt", ".bib", ".xml", ".csv", ".tsv", ".xlsx", ".enw"}


def zip_refusal(path: str) -> FormatError:
    """The FormatError for a zip archive that is not an Excel workbook, naming what it is
    (:mod:`~reviewkit.formats.zip_contents`)."""
    found = zip_contents.inside(path)
    if found is None:
        return FormatError(
            "this is a binary file: a zip archive (an Excel workbook?) cut short or corrupt",
            where=path,
            hint="download or save the file again; nothing was imported",
        )
    if sheet := found.sheet():  # an Excel workbook is read; this is another program's
        return FormatError(
            f"this is {sheet}, which reviewkit does not read",
            where=path,
            hint=f"save it as .xlsx or CSV: {SAVE_AS_CSV[sheet]}",
        )
    if document := found.document():
        return FormatError(
            f"this is {document}, not a reference export",
            where=path,
            hint=DOCUMENT_HINT,
        )
    if found.files({".enl"}):  # EndNote's .enlx: its
        # library file (NAME.enl) and NAME.Data folder zipped together
        return FormatError(
            "this is an EndNote compressed library (.enlx), not a reference export",
            where=path,
            hint="open it in EndNote and export the references: File > Export… with the output"
            " style 'RefMan (RIS) Export', or as XML",
        )
    if exports := found.files(_EXPORT_SUFFIXES):
        return FormatError(
            f"this is a zip archive holding {listed(exports)}",
            where=path,
            hint="unzip it and import the files it holds; nothing was imported",
        )
    return FormatError(
        "this is a zip archive that holds no reference export (nor an Excel workbook)",
        where=path,
        hint=_EXPORT,
    )


def refuse_folder(path: Path) -> None:
    """FormatError for a folder given as a file to import, naming the exports it holds (a
    download unpacked into a folder, or the folder of a team's exports) and how to name them."""
    if not path.is_dir():
        return
    try:
        inside = sorted(  # a '._' file beside an export is its AppleDouble (see above): none
            p.name
            for p in path.iterdir()
            if p.suffix.lower() in _EXPORT_SUFFIXES and not p.name.startswith("._") and p.is_file()
        )
    except OSError:
        inside = []
    if not inside:
        return  # said by files.check_regular: a folder, not a file
    first = path / inside[0]
    raise FormatError(
        f"this is a folder, not a file; it holds {listed(inside)}",
        where=str(path),
        hint=f"name the files to import ({command_line(f'import {shlex.quote(str(first))} …')});"
        " one import takes several files, all or nothing",
    )
