"""RIS: read with our own line-aware parser (so errors name the line), written with rispy
(:mod:`reviewkit.formats.ris_write`).

Fields kept on a round trip: title, abstract (one AB line; structured sections as 'LABEL: text'),
authors, year, journal (T2) and its abbreviation (J2; formats.ris_journal), volume, issue,
pages, DOI, PMID (AN, with DB PubMed; read from where Scopus, the Cochrane Library and
Embase.com write it too: formats.ris_vendors), PMCID (C2), language, publication types (M3),
keywords (KW), MeSH (KW prefixed 'MeSH: '), URL, affiliations (AD).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

import rispy

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats import read_problems, ris_vendors
from reviewkit.formats.accession import accession_pmid
from reviewkit.formats.findable import require_findable
from reviewkit.formats.identifier_urls import url_identifiers
from reviewkit.formats.kinds import (
    ZOTERO_TYPE_NAMES,
    kept_kind,
    may_be_preprint,
    names_preprint_server,
    ris_kind,
    zotero_preprint,
)
from reviewkit.formats.preprint_servers import preprint_page
from reviewkit.formats.read_problems import Problems
from reviewkit.formats.read_warnings import Warn, check_tagged_year, tag_line
from reviewkit.formats.record_numbers import RisNumbering
from reviewkit.formats.ris_journal import journal_names
from reviewkit.formats.ris_unended import Unended
from reviewkit.formats.ris_write import MESH_PREFIX
from reviewkit.formats.ris_write import to_ris_dict as to_ris_dict  # the format's writer
from reviewkit.formats.ris_write import write as write  # (formats.module('ris').write)
from reviewkit.formats.tagged_fields import continue_field, tag_values
from reviewkit.formats.text import split_lines
from reviewkit.formats.text_sniff import RIS_OUTSIDE, RIS_TAG, ris_tag_line
from reviewkit.records import Record, normalise_doi

FORMAT = "ris"
_TAG = RIS_TAG  # a tag line in either case (text_sniff.ris_tag_line: a tab after the hyphen too)
_UPPER_TAG = re.compile(rf"^{ris_tag_line('[A-Z][A-Z0-9]')}$")  # RIS's own, nearly all files
# the tags RIS (and rispy's table of it) names, for telling a tag in lower case from text
_RIS_TAGS = frozenset(rispy.TAG_KEY_MAPPING)
# Ovid's RIS export (PsycINFO, asreview's tests/demo_data/ovid_psycinfo.ris) writes each
# record's NLM journal abbreviation 'NL  - ' after its 'ER  - ', then a 'Link to the Ovid Full
# Text or citation:' line: a trailer of the record above, not a record cut from its TY. Its NL
# is read as that record's (formats.ris_journal); any other tag there is refused
_TRAILER_TAGS = frozenset({"NL"})
# Ovid writes 'No pagination specified' for an article without pages, split into 'SP  - No'
# and 'EP  - Specified' in its RIS (and so in Zotero's, read from it): no pages at all
_NO_PAGES = ("no", "specified")
# the year: PY (RIS's year, 'YYYY/MM/DD/other info' in RefMan's specification) or Y1 (its
# older primary date, the same form), each holding a year by definition, so one that holds none
# is warned of (formats.read_warnings); failing both, DA, EndNote's free-text Date field
# ('Mar 15', a year or not), never warned of
YEAR_TAGS = ("PY", "Y1")


_Read = tuple[int, list[tuple[str, str]], str]  # a record's first line, fields and raw text


def _records(lines: Iterable[str], name: str, problems: Problems) -> Iterator[_Read]:
    """(first line, fields, raw text) of each record of the file's ``lines``, read one after
    another (a file streamed: formats.text_stream); the lines before the first TY line are
    held until it is found, which tells how the file writes its tags (:class:`_TagStyle`).
    Each problem is added to ``problems``, up to the limit: a damaged record's lines are then
    skipped to the next TY or ER line, so that one damage is named once."""
    style, lines = _TagStyle.of(lines)
    reader = _Reader(name, style, problems)
    no = 0
    for no, line in enumerate(lines, start=1):
        if problems.stops_here():  # past the limit: 'and more' (read on to it: a line costs little)
            return
        if done := reader.line(no, line):
            yield done
    if done := reader.end(no):
        yield done


class _Reader:
    """The state of :func:`_records` between two lines: the open record, the one closed by
    its ER (given at the next TY or the file's end: Ovid's trailer after the ER belongs to it,
    _TRAILER_TAGS), and whether a damaged record's lines are being skipped."""

    def __init__(self, name: str, style: _TagStyle, problems: Problems) -> None:
        self.name, self.style, self.problems = name, style, problems
        self.fields: list[tuple[str, str]] = []
        self.held: list[str] = []  # the open record's lines, for its raw text
        self.start = self.number = 0  # the open record's first line, its number for messages
        self.ty_lines = 0  # the lines so far that are a TY tag line (in any case and spacing)
        self.done: _Read | None = None
        self.numbering = RisNumbering(name)
        self.skipping = False  # after a damaged record's problem, up to its ER or the next TY
        self.skipped = False  # the last record was skipped to its ER: its trailer goes with it
        self.unended = Unended(name, problems)  # the records found without their ER line

    def _problem(self, what: str, line: int, hint: str = "", skip: bool = False) -> None:
        self.problems.add(FormatError(what, where=f"{self.name}:{line}", hint=hint))
        if skip:
            self._skip()

    def _skip(self) -> None:
        """Skip the damaged record's lines to its ER or the next TY. Damaged before its TY was
        read, it still stands for a record: a 'Record #n' line above it is followed by one."""
        if not self.fields:
            self.numbering.damaged()
        self.fields, self.skipping = [], True

    def line(self, no: int, line: str) -> _Read | None:
        """Read line ``no``; the record closed before it when it opens the next."""
        if line[:2] in _TY_STARTS and _is_ty_line(line):
            self.ty_lines += 1
        if self.fields:
            self.held.append(line)
        try:
            m = self.style.tag(line, bool(self.fields), f"{self.name}:{no}")
        except FormatError as exc:  # a tag in lower case
            m = None
            if not self.skipping:
                self.problems.add(exc)
                self._skip()
        if self.skipping:  # the damaged record's lines, to its ER (which ends it) or next TY
            if m is None or m.group(1).upper() not in ("TY", "ER"):
                return None
            self.skipping = False
            if m.group(1).upper() == "ER":
                self.skipped = True
                return None
        if m:
            return self._tagged(no, line, m.group(1).upper(), (m.group(3) or "").strip())
        if line.strip():
            try:
                _untagged(line, self.fields, self.numbering, self.name, no)
            except FormatError as exc:
                self.problems.add(exc)
                # text where a record should start: skipped to the next (a 'Record #n' line
                # with no record after the one before is named alone)
                if not RIS_OUTSIDE.fullmatch(line):
                    self._skip()
        return None

    def _tagged(self, no: int, line: str, tag: str, value: str) -> _Read | None:
        fields, closed = self.fields, None
        if tag == "TY":
            closed, self.done, self.skipped = self.done, None, False
            if fields:
                self.unended.record(self.start and self.number, self.start, no)
            self.start, self.number, self.held = no, self.ty_lines, [line]
            self.fields = [(tag, value)]
            self.numbering.record()
        elif tag == "ER":
            self.unended.er()
            if not fields:
                self._problem("'ER' without a record ('TY') before it", no)
            # nothing but TY: no reference manager writes such a record; a file joined
            # or generated badly does (thousands of them were imported as untitled)
            elif not any(value for _tag, value in fields[1:]):
                self._problem(
                    f"record {self.number} starting at line {self.start} is empty: "
                    "nothing between its TY and ER lines",
                    self.start,
                    "remove the empty record, or export the references again; nothing was imported",
                )
            else:
                self.done = (self.start, fields, "\n".join(self.held))
            self.fields = []
        elif not fields and tag in _TRAILER_TAGS and self.skipped:
            pass  # Ovid's trailer of a damaged record, skipped with it
        elif not fields and tag in _TRAILER_TAGS and self.done:
            self.done[1].append((tag, value))  # Ovid's trailer after a record's ER
        elif not fields:
            self._problem(
                f"field {tag} outside a record", no, "a record starts with 'TY  - '", skip=True
            )
        else:
            fields.append((tag, value))
        return closed

    def end(self, lines: int) -> _Read | None:
        """The last record, at the file's end after ``lines`` lines; a record left open or a
        numbering cut short are problems."""
        if self.fields:
            self.unended.last(self.start)
        self.unended.end()
        try:
            self.numbering.end(lines)
        except FormatError as exc:
            self.problems.add(exc)  # past the limit: 'and more'
        return self.done


def _untagged(
    line: str, fields: list[tuple[str, str]], numbering: RisNumbering, name: str, no: int
) -> None:
    """Line ``no``, with text and no tag: a keyword or a wrapped line inside a record, a line
    outside the records that exporters write, or an error."""
    if fields and fields[-1][0] == "KW" and not line[0].isspace():
        # EndNote's RIS writes a record's keywords under one 'KW  - ', the second and
        # later each on its own line at column 0 (asreview's pubmed_endnote.txt): a
        # keyword, not a wrapped one (no exporter wraps a keyword; one indents a wrap)
        fields.append(("KW", line.strip()))
    elif fields:  # a wrapped line continues the previous field
        continue_field(fields, line)
    elif RIS_OUTSIDE.fullmatch(line):
        numbering.header(line, no)
    else:
        raise FormatError(
            f"expected 'TY  - ' to start a record, found {line.strip()[:40]!r}",
            where=f"{name}:{no}",
            hint="is this an RIS file? pass --format to choose another reader",
        )


_TY_STARTS = frozenset({"TY", "ty", "Ty", "tY"})


def _is_ty_line(line: str) -> bool:
    """Whether ``line`` is a TY tag line in any case and spacing (counted for messages)."""
    return (m := _TAG.match(line.rstrip())) is not None and _is_ty(m)


def _is_ty(m: re.Match[str]) -> bool:
    return m.group(1).upper() == "TY"


class _TagStyle:
    """How a file writes its tags, taken from its first TY line (an exporter writes all its
    tags one way), and which lines are tags by it.

    Spacing: RIS writes a tag as 'XX  - ' (two spaces); a few exporters write one. In a file
    whose first TY has two spaces a wrapped line that happens to start like 'MD - 2.50' (a mean
    difference in an abstract) is text, not a tag.

    Case: RIS's tags are upper case, and every exporter we know writes them so; a file typed or
    edited by hand, or written by a small tool, may write 'ty  - JOUR'. A tag means the same in
    either case (RIS has no two tags that differ only by it), so a file whose first TY is in
    lower case is read with its tags in either case. (rispy, ASReview's reader, reads upper-case
    tags only and finds no record in such a file.) In a file whose TY is upper case, a line
    inside a record that is one of RIS's tags in lower case with RIS's two spaces ('kw  - sick
    leave', added by hand) is refused by its line: the only other reading, a wrapped line of
    the field above, would put that keyword into the abstract unseen; a two-letter word, two
    spaces and a hyphen starts no sentence."""

    @classmethod
    def of(cls, lines: Iterable[str]) -> tuple[_TagStyle, Iterator[str]]:
        """The style of the file's ``lines`` and the lines again, all of them: those up to
        its first TY line are read ahead and held (a file without one, all of them)."""
        lines = iter(lines)
        ahead: list[str] = []
        for line in lines:
            ahead.append(line)
            if (m := _TAG.match(line.rstrip())) and _is_ty(m):
                return cls(m), chain(ahead, lines)
        return cls(None), iter(ahead)

    def __init__(self, first: re.Match[str] | None) -> None:
        self.two_spaces = first is not None and first.group(2) == "  "
        self.upper_case = first is not None and first.group(1).isupper()
        self.any_case = first is not None and not self.upper_case

    def tag(self, line: str, inside: bool, where: str) -> re.Match[str] | None:
        """The tag line ``line`` is (its tag, spacing and value), or None for text."""
        text = line.rstrip()
        m = (_TAG if self.any_case else _UPPER_TAG).match(text)
        if m is None:  # text, unless a tag in lower case where the file's are upper case
            lower = _TAG.match(text) if self.upper_case else None
            if lower and lower.group(2) == "  " and lower.group(1).upper() in _RIS_TAGS:
                tag = lower.group(1)
                raise FormatError(
                    f"'{tag}  - ' is an RIS tag written in lower case, in a file whose tags"
                    " are upper case",
                    where=where,
                    hint=f"write it '{tag.upper()}  - ' (RIS's tags are upper case), then"
                    " import the file again; nothing was imported",
                )
            return None
        if inside and self.two_spaces and m.group(2) == " ":
            return None  # a wrapped line of the field above
        return m


def _to_record(
    fields: list[tuple[str, str]], raw: str, source: str, name: str, position: int
) -> Record:
    get, first = tag_values(fields)

    ris_type = first("TY")
    title = first("TI", "T1", "CT", "BT")
    journal, abbreviation = journal_names(first, ris_type, title)  # formats.ris_journal
    sp, ep = first("SP"), first("EP")
    if (sp.lower(), ep.lower()) == _NO_PAGES:
        sp = ep = ""
    # 'SP 42, EP 42' (Lens, Zotero for an article number) is page 42, as a CSV's first and last
    # page columns are read: one article, one pages value, whichever export it came from
    pages = (
        f"{sp}-{ep}" if sp and ep and ep != sp and "-" not in sp else sp
    ) or ris_vendors.article_number(get)
    pmid = accession_pmid(
        first("AN"), get.get("DB", []) + get.get("DP", [])
    ) or ris_vendors.vendor_pmid(get)
    kws = ris_vendors.keywords(get)  # without Web of Science's Keywords Plus
    # a DOI link in UR is the DOI, taken by the one rule for links (findable.require_findable
    # gives it to the record: identifier_urls), and not kept as the URL when it names the DOI
    # the record has; any other UR is kept: a page on doi.org naming no DOI, a link to another
    # DOI than the record's own (a commentary's), or links to two DOIs, which give the record
    # none (dropping them too left it with neither the DOI nor the links)
    ur = get.get("UR", [])
    # each link parsed once; its DOI folded, as DOIs are compared (records.normalise_doi)
    # (a preprint's page names the record only where it may be that preprint: kinds)
    pre = may_be_preprint(journal)
    ur_dois = [normalise_doi(url_identifiers(u, preprint=pre).get("doi")) for u in ur]
    doi = first("DO") or ris_vendors.vendor_doi(get)
    l2_dois = (
        normalise_doi(url_identifiers(u, preprint=pre).get("doi")) for u in get.get("L2", [])
    )
    dois = {d for d in [*ur_dois, *l2_dois] if d}
    own = normalise_doi(doi) if doi else (next(iter(dois)) if len(dois) == 1 else "")
    # (a preprint's page on its server is kept: it names the version read, the DOI the latest)
    urls = [
        u for u, d in zip(ur, ur_dois, strict=True) if not own or d != own or preprint_page(u)[0]
    ]
    pub_types = ris_vendors.publication_types(get)  # not PsycInfo's classification
    publisher, place = ris_vendors.publisher_place(get, first)
    kind = ris_kind(ris_type)
    server = _linked_server(ris_type, [*ur, *get.get("L2", [])])
    if zotero_preprint(ris_type, publisher, own) or zotero_preprint(ris_type, server, ""):
        kind, pub_types = "", [*pub_types, ZOTERO_TYPE_NAMES["preprint"]]
        if not journal and names_preprint_server(publisher):  # as its journal, as PubMed has it
            journal, publisher = publisher, ""  # (a host, 'Cold Spring Harbor', stays publisher)
        journal = journal or server  # its Repository empty: the server its link names
    return Record(
        title=title,
        abstract_sections=plain_abstract("\n".join(ris_vendors.abstract_lines(get))),
        authors=get.get("AU", []) or get.get("A1", []),
        year=first(*YEAR_TAGS, "DA"),
        journal=journal,
        journal_abbreviation=abbreviation,
        volume=first("VL"),
        issue=first("IS"),
        pages=pages,
        doi=doi,
        pmid=pmid,
        pmcid=first("C2") if first("C2").upper().startswith("PMC") else "",
        language=first("LA"),
        publication_types=pub_types,
        keywords=[k for k in kws if not k.startswith(MESH_PREFIX)],
        mesh_terms=[k[len(MESH_PREFIX) :] for k in kws if k.startswith(MESH_PREFIX)],
        url=urls[0] if urls else "",
        affiliations=ris_vendors.affiliations(get),  # also Embase.com's M1
        kind=kept_kind(kind, pub_types),
        publisher=publisher,
        place=place,
        source=source,
        origin=name,
        position=position,
        raw=raw,
    )


def _linked_server(ris_type: str, links: list[str]) -> str:
    """The preprint server a generic item's link is a page of ('medRxiv'), or '': Zotero
    exports a preprint whose Repository is empty with its server's link alone."""
    if ris_type.strip().upper() != "GEN":  # (kinds.zotero_preprint: only GEN is one)
        return ""
    return next((server for link in links if (server := preprint_page(link)[0])), "")


def read(
    text: str, name: str, *, source: str = "RIS", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of an RIS file; ``warn`` is told of a PY or Y1 that holds no year."""
    return read_lines(split_lines(text), name, source=source, warn=warn)


def read_lines(
    lines: Iterable[str], name: str, *, source: str = "RIS", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of an RIS file given as its ``lines`` (read as they come: formats.text_stream
    holds one record at a time), as :func:`read` reads its text. Every problem of the file is
    named in one FormatError at the end (formats.read_problems); records are given only while
    there is none (the import is all or nothing)."""
    problems = read_problems.of(lines)  # with a joined export's records the lines found
    for position, (start, fields, raw) in enumerate(_records(lines, name, problems), start=1):
        try:
            record = _to_record(fields, raw, source, name, position)
        except ValueError as exc:
            problems.add(FormatError(str(exc), where=f"{name}:{start}"))
            continue
        told = warn if not problems else None  # no warnings of records never stored
        check_tagged_year(record, fields, YEAR_TAGS, tag_line(name, raw, start, _TAG), told)
        accession = next((v for tag, v in fields if tag == "AN" and v), "")
        urls = [v for tag, v in fields if tag in ("UR", "L2")]  # a DOI or PubMed link: its id
        try:
            record = require_findable(
                record, f"record {position}", f"{name}:{start}", accession, urls=urls, warn=told
            )
        except FormatError as exc:
            problems.add(exc)
        if not problems:
            yield record
    problems.raise_any()
