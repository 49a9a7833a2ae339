"""BibTeX, read and written with bibtexparser v2.

Non-standard fields we write so a round trip keeps everything: pmid, pmcid, mesh, pubtype,
affiliation (one per line). LaTeX escapes and accents in values are decoded on reading.

The journal's abbreviation is biblatex's ``shortjournal`` ('a short version or an acronym of
the journaltitle', biblatex manual 2.2.2; Better BibTeX's biblatex export writes it). Our
entries are classic BibTeX (journal, number, address, @techreport), which BibTeX reads and
biblatex too, through its aliases (journal for journaltitle, address for location: biblatex
manual 2.2.5). BibTeX has no field for the abbreviation and ignores one it does not know, as it
ignores pmid or mesh; so it is written as ``shortjournal``, kept on a round trip and there for
a biblatex style that prints it, as the other non-standard fields are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

import bibtexparser
from bibtexparser.model import Entry, Field, ParsingFailedBlock, String

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats import bibtex_crossref, bibtex_split
from reviewkit.formats.bibtex_macros import Macros
from reviewkit.formats.bibtex_values import (
    check_entry_year,
    check_pmid,
    top_level,
    unused_marks,
    year_value,
)
from reviewkit.formats.findable import require_findable
from reviewkit.formats.kinds import (
    BIBTEX_PUBLISHER,
    BIBTEX_TYPES,
    bibtex_kind,
    kept_kind,
    record_kind,
)
from reviewkit.formats.read_problems import Problems
from reviewkit.formats.read_warnings import Warn
from reviewkit.formats.text import split_lines
from reviewkit.name_forms import bibtex_name_parts, written_apart
from reviewkit.records import Record, fold_text

FORMAT = "bibtex"
_ESCAPES = [
    ("\\", r"\textbackslash{}"),
    ("{", r"\{"),
    ("}", r"\}"),
    ("&", r"\&"),
    ("%", r"\%"),
    ("$", r"\$"),
    ("#", r"\#"),
    ("_", r"\_"),
    ("~", r"\textasciitilde{}"),
    ("^", r"\textasciicircum{}"),
    ("@", "{@}"),
]  # '{@}': an '@' at a line start would otherwise open a new entry for parsers
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "r": "\u030a",
}
_SPECIAL = {
    r"\o": "ø",
    r"\O": "Ø",
    r"\ae": "æ",
    r"\AE": "Æ",
    r"\aa": "å",
    r"\AA": "Å",
    r"\ss": "ß",
    r"\l": "ł",
    r"\L": "Ł",
    r"\oe": "œ",
    r"\OE": "Œ",
    r"\i": "ı",
}


def escape(text: str) -> str:
    """Plain text -> a BibTeX value that reads back as the same text."""
    out = []
    for ch in text:
        for plain, esc in _ESCAPES:
            if ch == plain:
                out.append(esc)
                break
        else:
            out.append(ch)
    return "".join(out)


# Placeholders for the escapes decoded last: Unicode's noncharacters (U+FDD0-U+FDD4 when the
# value holds none), set aside for a program's internal use. Control characters were used, and
# a file's own U+0001 (pasted from Word or a PDF) came out as '~', U+0003 as '{'; a value's
# own noncharacter is kept as it is (bibtex_values.unused_marks skips it).


def unescape(value: str) -> str:
    """A BibTeX value -> plain text: LaTeX accents and escapes decoded, grouping braces removed."""
    marks = unused_marks(value, 5)
    if marks is None:  # a value of 28 noncharacters or more: no export's, read as written
        return value
    backslash, tilde, caret, opened, closed = marks
    text = value.replace(r"\textbackslash{}", backslash).replace(r"\textasciitilde{}", tilde)
    text = text.replace(r"\textasciicircum{}", caret)

    def accent(m: re.Match) -> str:
        mark, letter = m.group(1), m.group(2)
        letter = _SPECIAL.get("\\" + letter, letter) if letter in ("i",) else letter
        return unicodedata.normalize("NFC", letter + _ACCENTS[mark])

    text = re.sub(r"\{?\\([\'`^\"~=.cvuHr])\s*\{?\\?([A-Za-z])\}?\}?", accent, text)
    for macro, char in _SPECIAL.items():
        text = re.sub(r"\{?" + re.escape(macro) + r"(?![A-Za-z])\s?\}?", char, text)
    # an escaped backslash '\\' is kept as written (LaTeX's line break has no text), and read
    # as a pair: the brace after it is a brace ('\\{x}' is '\\x'), not an escaped '\{'
    escaped = {"{": opened, "}": closed, "\\": "\\\\"}
    text = re.sub(r"\\([\\&%$#_{}])", lambda m: escaped.get(m.group(1), m.group(1)), text)
    text = text.replace("{", "").replace("}", "")
    text = text.replace(opened, "{").replace(closed, "}")
    return text.replace(backslash, "\\").replace(tilde, "~").replace(caret, "^")


def _split(value: str, *seps: str) -> list[str]:
    for sep in seps:
        if sep in value:
            return [v.strip() for v in value.split(sep) if v.strip()]
    return [value.strip()] if value.strip() else []


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def _names(value: str) -> list[str]:
    """Author names: split on 'and' outside braces (BibTeX matches it in any case), so a
    corporate author in braces ('{Agency for Healthcare Research and Quality}') stays one."""
    # letters inside braces become 'x' (not blanks, which '\s+' would take as spacing)
    top = "".join(t if t == v else "x" for t, v in zip(top_level(value), value, strict=True))
    names, begin = [], 0
    for m in _AND.finditer(top):
        names.append(value[begin : m.start()])
        begin = m.end()
    names.append(value[begin:])
    found = [n for n in (unescape(n).strip() for n in names) if n]
    # 'and others' at the end means more authors not named (btxdoc, "et al."): not a name
    return found[:-1] if len(found) > 1 and found[-1].lower() == "others" else found


# who issued the work: a book's publisher, a report's institution, a conference's organization,
# a thesis' school (BibTeX's fields for each kind; the first given is kept)
_ISSUERS = ("publisher", "institution", "organization", "school")


def read(
    text: str, name: str, *, source: str = "BibTeX", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a BibTeX file's whole text (one read with --encoding, or in UTF-16), read
    as :func:`read_lines` reads its lines."""
    yield from read_lines(split_lines(text), name, source=source, warn=warn)


def read_lines(
    lines: Iterable[str], name: str, *, source: str = "BibTeX", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a BibTeX file given as its ``lines`` (a list, or formats.text_stream.Lines,
    which reads the file again each time: never held whole), parsed a chunk of entries at a
    time (formats.bibtex_split), each entry with the @strings above it (formats.
    bibtex_macros); a file with crossrefs is read first for its volumes (formats.
    bibtex_crossref.lent). ``warn`` is told of a year field that holds no year."""
    names = bibtex_crossref.named(lines)
    lent = bibtex_crossref.lent(lines, name, names) if names else {}
    volumes = bibtex_crossref.Volumes(lent, names, name)
    macros = Macros()
    entries = 0
    problems = Problems()  # every problem of the file, each by its line: one fix suffices
    for library, chunk, first, found, last in bibtex_split.libraries(lines, name):
        problems.add(*found)
        # every entry's values, but those the chunk's damage made or cut (named already:
        # bibtex_split.echoes); records only while the file has no problem
        told = warn if not problems else None  # no warnings of records never stored
        part = _Chunk(library, chunk, first, entries, name, source, told)
        for record in part.records(macros, volumes, problems, bibtex_split.echoes(library, found)):
            if not problems:
                yield record
        if problems.full:
            if not last:  # the chunks below, never read, may hold more
                problems.stop()
            break
        entries += len(library.entries)
        # the chunk's lines and Library (several times its text) let go before the next chunk
        # is read: held until the loop rebound them, the peak held two chunks (tracemalloc,
        # 8,000 generated entries: a 2 MB chunk's lines, its Library's raw texts and values)
        del library, chunk, part
    if not problems:  # every entry read: a volume none took fields from was no volume
        problems.add(*volumes.unlent())
    problems.raise_any()
    if not entries:
        raise FormatError(
            "no BibTeX entries found", where=name, hint="entries start with '@article{key,'"
        )


@dataclass
class _Chunk:
    """One chunk's ``library``, whose ``lines`` start at the file's line ``first`` (0-based),
    after ``before`` entries of the chunks above it."""

    library: bibtexparser.Library
    lines: list[str]
    first: int
    before: int
    name: str
    source: str
    warn: Warn | None

    def records(
        self,
        macros: Macros,
        volumes: bibtex_crossref.Volumes,
        problems: Problems,
        skipped: set[int],
    ) -> Iterator[Record]:
        """The chunk's records, its blocks read in the file's order (an @string defined
        where it stands); each entry's problem (a value, a PMID, a crossref, no title) is
        added to ``problems``, and the next entry read, up to the limit. ``volumes``: the
        entries a crossref names, which are no records (their fields); ``skipped``: the first
        lines (0-based) of the entries not read (their damage is named)."""
        index = 0
        for block in self.library.blocks:
            if isinstance(block, String):
                try:
                    macros.define(block, self.name)
                except FormatError as exc:
                    problems.add(exc)
                continue
            if isinstance(block, ParsingFailedBlock):  # named by bibtex_split
                macros.broken(block.raw)
                continue
            if not isinstance(block, Entry):
                continue
            index += 1
            if block.start_line in skipped:  # its damage is named already
                continue
            if problems.full:
                problems.stop()  # this entry and those below it are not checked
                return
            try:
                own = macros.fields(block.fields_dict, self.name)
                if volumes.taken_for_one(block, own):  # lending its papers its fields
                    continue
                raw = getattr(block, "raw", None) or self.lines[block.start_line - self.first]
                at = self.before + index
                record = _record(
                    block, own, volumes.fields, raw, at, self.name, self.source, self.warn
                )
            except FormatError as exc:
                problems.add(exc)
            else:
                yield record


def _record(
    entry: Entry,
    own: dict[str, str],
    by_key: dict[str, dict[str, str]],
    raw: str,
    position: int,
    name: str,
    source: str,
    warn: Warn | None,
) -> Record:
    """The record of one ``entry`` (its fields ``own``, as written, and its text ``raw``)."""
    values = bibtex_crossref.resolve(entry, own, by_key, name)
    f = {k: unescape(v) for k, v in values.items()}
    pubtypes = _split(f.get("pubtype", ""), "; ") or _scopus_type(f)
    # Scopus' BibTeX names its fields as its CSV does: 'author_keywords' (its 'keywords' are
    # its Index Keywords: the CSV's and RIS's keywords are the authors'), 'abbrev_source_title'
    # (the CSV's 'Abbreviated Source Title'), 'affiliations' (one per author group, '; ').
    # Web of Science's BibTeX names the PMID 'PubMed-ID' (Zotero, Mendeley, Scopus 'pmid')
    pmid = (
        f.get("pmid", "")
        or f.get("pubmed-id", "")
        or (f.get("eprint", "") if f.get("eprinttype", "").lower() == "pubmed" else "")
    )
    check_pmid(pmid, entry, name)
    record = Record(
        title=f.get("title", ""),
        abstract_sections=plain_abstract(f.get("abstract", "")),
        authors=_names(values.get("author", "")),
        year=year_value(f),
        journal=f.get("journal", "") or f.get("journaltitle", "") or f.get("booktitle", ""),
        journal_abbreviation=f.get("shortjournal", "") or f.get("abbrev_source_title", ""),
        volume=f.get("volume", ""),
        issue=f.get("number", "") or f.get("issue", ""),
        pages=_pages(f),
        doi=f.get("doi", ""),
        pmid=pmid,
        pmcid=f.get("pmcid", ""),
        language=f.get("language", ""),
        publication_types=pubtypes,
        keywords=_split(f.get("author_keywords", "") or f.get("keywords", ""), ";", ","),
        mesh_terms=_split(f.get("mesh", ""), "; "),
        url=f.get("url", ""),
        affiliations=_split(f.get("affiliation", ""), "\n")
        or _split(f.get("affiliations", ""), "; "),
        kind=kept_kind(bibtex_kind(entry.entry_type), pubtypes),
        publisher=next((f[k] for k in _ISSUERS if f.get(k)), ""),
        place=f.get("address", "") or f.get("location", ""),
        source=source,
        origin=name,
        position=position,
        raw=raw,
    )
    check_entry_year(record, f, entry, name, warn)
    where = f"{name}:{entry.start_line + 1}"
    # an eprint (arXiv, a PMID with eprinttype pubmed) identifies the work too
    return require_findable(record, f"entry {entry.key!r}", where, f.get("eprint", ""), warn=warn)


def _scopus_type(fields: dict[str, str]) -> list[str]:
    """Scopus' document type ('Article', 'Review', 'Conference paper'), its BibTeX's ``type``
    as its CSV's 'Document Type', kept as a publication type as that is: only in Scopus' own
    entries (``source = {Scopus}``, which it writes in every one). Elsewhere ``type`` is BibTeX's
    field for a thesis' or report's own type ('PhD thesis', 'Working paper'), no publication
    type: the entry type gives its kind."""
    if fields.get("source", "").strip().lower() != "scopus":
        return []
    return _split(fields.get("type", ""))


# an article without pages is cited by its number: Web of Science's 'Article-Number', Scopus'
# 'art_number' (e0239123), ACM Digital Library's 'articleno' (its journals' and proceedings'
# papers are numbered, written with 'numpages', no 'pages'), biblatex's 'eid' (the electronic
# identifier of an @article, as the NASA ADS and APS write it)
_ARTICLE_NUMBERS = ("article-number", "art_number", "articleno", "eid")


def _pages(fields: dict[str, str]) -> str:
    """An entry's pages, else its article number."""
    return next((v for k in ("pages", *_ARTICLE_NUMBERS) if (v := fields.get(k, ""))), "")


def _key(rec: Record, used: set[str]) -> str:
    word = next((w for w in fold_text(rec.title).split() if len(w) > 3), "ref")
    base = re.sub(r"\W", "", fold_text(rec.first_author_surname).replace(" ", "")) or "anon"
    key = f"{base}{rec.year or ''}{word}"
    candidate, n = key, 1
    while candidate in used:
        n += 1
        candidate = f"{key}{chr(ord('a') + n - 2)}" if n < 28 else f"{key}{n}"
    used.add(candidate)
    return candidate


def _author(name: str, authors: list[str]) -> str:
    """One author, escaped, as BibTeX reads it unambiguously: 'Last, First' ('de Boer, A. G.',
    'Nieuwenhuijsen, K.'; bare 'Nieuwenhuijsen K.' is read as last name 'K.'), 'Last, Jr,
    First' with a suffix; a name with no initials (a group author) in braces, one last name
    ('{WHO Collaborating Centre}'), which BibTeX would otherwise split into first and last
    names, or at an 'and' into two authors ('Society of X and Y, Writing Committee'): so a
    group is braced before its comma is looked at. A person's name written with a comma keeps
    its given names as written ('Smith, John A.'), its suffix moved to BibTeX's place: RIS's
    'Kennedy, John F., III' as it stands is read with 'John F.' the suffix, 'III' the given
    name. ``authors``, the record's list, tells capitals that read as a word ('SMITH, MAHA')
    as initials or a given name (name_forms.bibtex_name_parts)."""
    parts = bibtex_name_parts(name, authors)
    if parts is None:
        name = written_apart(name)  # 'CarlezonJr' -> '{Carlezon Jr.}'
        return "{" + escape(name) + "}" if " " in name.strip() else escape(name)
    return ", ".join(escape(p) for p in parts if p)


def write(records: Iterable[Record], out: TextIO) -> None:
    """Write records as entries of their kind's type (@article, @techreport …; formats.kinds)
    with unique citation keys."""
    library = bibtexparser.Library()
    used: set[str] = set()
    for rec in records:
        kind = record_kind(rec)
        values = {
            "title": rec.title,
            "author": " and ".join(_author(a, rec.authors) for a in rec.authors),  # _author escapes
            "year": str(rec.year or ""),
            "journal": rec.journal,
            "shortjournal": rec.journal_abbreviation,
            "volume": rec.volume,
            "number": rec.issue,
            "pages": rec.pages.replace("-", "--", 1)
            if re.fullmatch(r"\w+-\w+", rec.pages)
            else rec.pages,
            "doi": rec.doi,
            "pmid": rec.pmid,
            "pmcid": rec.pmcid,
            "language": rec.language,
            "abstract": rec.abstract,
            "keywords": "; ".join(rec.keywords),
            "mesh": "; ".join(rec.mesh_terms),
            "pubtype": "; ".join(rec.publication_types),
            "url": rec.url,
            "affiliation": "\n".join(rec.affiliations),
            BIBTEX_PUBLISHER.get(kind, "publisher"): rec.publisher,
            "address": rec.place,
        }
        if kind in ("conference", "chapter"):  # the proceedings' or book's title
            values["booktitle"] = values.pop("journal")
        # the writer adds the outer braces
        fields = [Field(k, v if k == "author" else escape(v)) for k, v in values.items() if v]
        library.add(Entry(BIBTEX_TYPES.get(kind, "misc"), _key(rec, used), fields))
    out.write(bibtexparser.write_string(library))
