"""EndNote XML (EndNote: File > Export, 'XML'; also what Covidence and many teams move records in).

Its shape, as EndNote writes it: ``<xml><records><record>…</record></records></xml>``; each
record holds ``<ref-type name="Journal Article">``, ``<contributors><authors><author>``,
``<titles><title>`` and ``<secondary-title>`` (the journal), ``<periodical><full-title>``,
``<pages>``, ``<volume>``, ``<number>`` (the issue), ``<dates><year>``,
``<electronic-resource-num>`` (the DOI), ``<abstract>``, ``<keywords><keyword>``,
``<accession-num>``, ``<remote-database-name>``, ``<urls><related-urls><url>``,
``<language>``, ``<auth-address>``. Text may be wrapped in ``<style>`` elements (fonts), so each
field is the text of all its descendants.

The journal's abbreviation: the record's Alternate Journal (RIS's J2, EndNote's field for the
abbreviated name), written as ``<alt-periodical><full-title>`` and, in a journal article,
``<titles><alt-title>`` (in other types 'Alternate Title', any other title); failing it,
``<periodical><abbr-1>``, the first abbreviation of EndNote's Journals term list.

The file is parsed whole (a text export's size limit applies) with entity expansion and
network access turned off; a file with a DTD (``<!DOCTYPE``), which EndNote never writes, is
refused, as its entities could expand without limit or read other files (as the PubMed XML
reader does). A record with neither a title nor an identifier (DOI, accession number) nor a
citation is refused, as every reader refuses one (formats.findable): there is nothing to screen
or to find it by. Its sniff is :func:`reviewkit.formats.xml_sniff.is_endnote_xml` (no lxml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree as ET

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats.accession import accession_pmid
from reviewkit.formats.cr_line_ends import cr_line_ends
from reviewkit.formats.findable import require_findable
from reviewkit.formats.read_warnings import Warn, check_year
from reviewkit.formats.xml_lines import element_line
from reviewkit.records import Record

FORMAT = "endnote-xml"


def _text(elem: ET._Element | None) -> str:
    if elem is None:
        return ""
    return " ".join("".join(elem.itertext()).split())


def _all(record: ET._Element, path: str) -> list[str]:
    return [t for e in record.iterfind(path) if (t := _text(e))]


def _pmid(record: ET._Element) -> str:
    """The accession number when it is a PMID, decided as the RIS reader decides for AN."""
    databases = [
        _text(record.find("remote-database-name")),
        _text(record.find("remote-database-provider")),
    ]
    return accession_pmid(_text(record.find("accession-num")), [d for d in databases if d])


def _to_record(record: ET._Element, source: str, name: str, position: int) -> Record:
    def first(*paths: str) -> str:
        return next((t for p in paths if (t := _text(record.find(p)))), "")

    ref_type = record.find("ref-type")
    kind = ref_type.get("name", "") if ref_type is not None else ""
    doi = first("electronic-resource-num")
    return Record(
        title=first("titles/title"),
        abstract_sections=plain_abstract("\n".join(_all(record, "abstract"))),
        authors=_all(record, "contributors/authors/author"),
        year=first("dates/year", "dates/pub-dates/date"),
        journal=first("periodical/full-title", "titles/secondary-title", "periodical/abbr-1"),
        journal_abbreviation=first(
            "alt-periodical/full-title",
            *(["titles/alt-title"] if kind == "Journal Article" else []),
            "periodical/abbr-1",
        ),
        volume=first("volume"),
        issue=first("number"),
        pages=first("pages"),
        doi=doi if "10." in doi else "",
        pmid=_pmid(record),
        language=first("language"),
        publication_types=[kind] if kind else [],
        keywords=_all(record, "keywords/keyword"),
        url=first("urls/related-urls/url", "urls/web-urls/url"),
        affiliations=_all(record, "auth-address"),
        publisher=first("publisher"),
        place=first("pub-location"),
        source=source,
        origin=name,
        position=position,
        raw=ET.tostring(record, encoding="unicode"),
    )


_DTD = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# the same in UTF-16, which EndNote may write (its XML declaration says so): searched for in
# the bytes, so that a file in UTF-16 with a DTD is refused for it before parsing, not with
# libxml2's 'Maximum entity amplification factor exceeded' after expanding its entities
_DTD_WIDE = ("<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def _holds_dtd(head: bytes) -> bool:
    return _DTD.search(head) is not None or any(d in head for d in _DTD_WIDE)


def _dtd_line(data: bytes) -> int:
    """The line of the first '<!DOCTYPE' (in UTF-8 or UTF-16), 1 when none is found: the
    refusal named line 1 wherever the DTD stood (after a 5 KB comment, line 80)."""
    if m := _DTD.search(data):
        return data.count(b"\n", 0, m.start()) + 1
    for wide, encoding in zip(_DTD_WIDE, ("utf-16-le", "utf-16-be"), strict=True):
        if (at := data.find(wide)) >= 0:
            return data[:at].decode(encoding, errors="replace").count("\n") + 1
    return 1


_DTD_MSG = (
    "the XML holds a DTD (<!DOCTYPE …>), which EndNote never writes: refused, as its entities"
    " could expand without limit or read other files"
)


def _parse(data: bytes, name: str) -> ET._Element:
    parser = ET.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    if cr_line_ends(data[:65536]):  # libxml2 counts lines at LF: the same XML, with LFs
        data = data.replace(b"\r", b"\n")
    if _holds_dtd(data[:65536]):
        raise FormatError(_DTD_MSG, where=f"{name}:{_dtd_line(data[:65536])}", hint=_HINT)
    try:
        root = ET.fromstring(data, parser)
    except ET.XMLSyntaxError as exc:
        line = exc.lineno or 1
        if control := _CONTROL_CHAR.search(exc.msg):  # raw, or as a reference ('&#x0B;')
            raise FormatError(
                f"a control character (U+{int(control.group(1)):04X}) in a record's text, which"
                f" XML cannot hold ({' '.join(exc.msg.split())}): nothing was read",
                where=f"{name}:{line}",
                hint=_CONTROL_HINT,
            ) from None
        raise FormatError(
            f"broken XML: {' '.join(exc.msg.split())}", where=f"{name}:{line}", hint=_hint(exc.msg)
        ) from None
    if root.getroottree().docinfo.doctype:  # a DOCTYPE past the first 64 KB
        raise FormatError(_DTD_MSG, where=f"{name}:{_dtd_line(data)}", hint=_HINT)
    return root


_HINT = "export the library from EndNote again (File > Export, 'XML')"
# libxml2's words for a C0 control character, raw ('PCDATA invalid Char value 11') or as a
# character reference ('xmlParseCharRef: invalid xmlChar value 11'): text pasted into a record
# (Word's line break is U+000B), which another XML export would hold again; a RIS export holds
# it and the import takes it out (formats.control_chars)
_CONTROL_CHAR = re.compile(r"invalid (?:xml)?Char value ([0-9]|[12][0-9]|3[01])\b")
_CONTROL_HINT = (
    "export the library from EndNote as RIS (File > Export, 'RefMan (RIS) Export') and import"
    " that file, or delete the character from the record in EndNote"
)


def _hint(msg: str) -> str:
    """What to do about libxml2's error ``msg``."""
    if any(w in msg for w in ("depth", "too long", "amplification", "limit")):
        return f"nesting or text beyond what an EndNote export holds; {_HINT[0].lower()}{_HINT[1:]}"
    if "encoding" in msg.lower():
        return "the bytes do not match the encoding the XML declaration names; re-save it as UTF-8"
    return "the file may be cut short or edited by hand; export it from EndNote again"


def _check_year(record: Record, elem: ET._Element, name: str, warn: Warn | None) -> None:
    """Warn when the record was read without a year, its <dates><year> holding text. EndNote's
    Year field holds a year; its Date field (<pub-dates><date>, read when there is no Year) is
    free text such as 'Mar 15', a year or not, never warned of."""
    year = elem.find("dates/year")
    if warn is not None and record.year is None and year is not None:
        check_year(_text(year), "element dates/year", f"{name}:{element_line(year) or 1}", warn)


def read(
    data: bytes, name: str, *, source: str = "EndNote XML", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of an EndNote XML export (the file's bytes); ``warn`` is told of a <year> that
    holds no year."""
    root = _parse(data, name)
    if root.tag != "xml" or root.find("records") is None:
        raise FormatError(f"not EndNote XML: the root element is <{root.tag}>", where=f"{name}:1")
    # every <records> (joined exports hold several), every <record> in them
    records = list(root.iterfind("records/record"))
    for position, record in enumerate(records, start=1):
        read_record = _to_record(record, source, name, position)
        _check_year(read_record, record, name, warn)
        yield require_findable(
            read_record,
            f"record {position}",
            f"{name}:{element_line(record) or 1}",
            _text(record.find("accession-num")),
            hint="fill in the record's title in EndNote, or delete it, and export again",
            urls=_all(record, "urls//url"),  # a DOI or PubMed link (EndNote keeps PubMed's)
            warn=warn,
        )
