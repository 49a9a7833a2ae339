"""RIS written with rispy: a Record as rispy's dictionary, the whole abstract on one AB line,
MeSH headings as keywords marked 'MeSH: ' (read back as MeSH by :mod:`reviewkit.formats.ris`,
which offers :func:`write` as every format's module does)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import rispy

from reviewkit.formats.kinds import RIS_TYPES, record_kind
from reviewkit.formats.ris_journal import ABBREVIATION_KEY, JOURNAL_KEY
from reviewkit.name_forms import ris_name
from reviewkit.records import PAGE_RANGE, Record

MESH_PREFIX = "MeSH: "  # a KW holding a MeSH heading, as written and as read back


class _NoHeaderWriter(rispy.RisWriter):
    """rispy's writer without the '1.' counter line before each reference."""

    def set_header(self, count: int) -> str:
        return ""


def to_ris_dict(rec: Record) -> dict:
    """A Record as rispy's dictionary (tag names per rispy.TAG_KEY_MAPPING)."""
    ref: dict = {"type_of_reference": RIS_TYPES.get(record_kind(rec), "GEN")}
    if rec.title:
        ref["title"] = rec.title
    if rec.abstract_sections:
        # One AB per record (RefMan's RIS spec), sections joined as MEDLINE writes a structured
        # abstract: 'BACKGROUND: … METHODS: …' on one line. rispy (ASReview's reader) keeps only
        # the first of several AB tags; our reader splits the labels again after each full stop.
        ref["abstract"] = " ".join(rec.abstract.split("\n"))
    if rec.authors:
        # 'Surname, Initials' as RIS asks ('de Boer, A.G.'), whatever form the source used
        ref["authors"] = [ris_name(a) for a in rec.authors]
    simple = {
        "year": str(rec.year or ""),
        JOURNAL_KEY: rec.journal,
        ABBREVIATION_KEY: rec.journal_abbreviation,
        "volume": rec.volume,
        "number": rec.issue,
        "doi": rec.doi,
        "language": rec.language,
        "custom2": rec.pmcid,
        "publisher": rec.publisher,
        "place_published": rec.place,
    }
    ref.update({k: v for k, v in simple.items() if v})
    if rec.pages:
        # a plain range at its hyphen; anything more ('II-221-5', MEDLINE's supplement pages
        # under a Roman numeral; '1327-8; author reply 1328', a piece printed after the article)
        # whole in SP, the pages as readers take them back: split, EP had been '8; author reply
        # 1328', a last page no reader can use
        plain = PAGE_RANGE.fullmatch(rec.pages)  # a Record's pages: no blanks
        sp, _, ep = rec.pages.partition("-") if plain else (rec.pages, "", "")
        ref["start_page"] = sp
        if ep:
            ref["end_page"] = ep
    if rec.pmid:
        ref["accession_number"] = rec.pmid
        ref["name_of_database"] = "PubMed"
    if rec.publication_types:
        ref["type_of_work"] = "; ".join(rec.publication_types)
    kws = list(rec.keywords) + [MESH_PREFIX + m for m in rec.mesh_terms]
    if kws:
        ref["keywords"] = kws
    if rec.url:
        ref["urls"] = [rec.url]
    if rec.affiliations:
        ref["author_address"] = rec.affiliations
    return ref


def write(records: Iterable[Record], out: TextIO) -> None:
    """Write records as RIS; the whole abstract on one AB line."""
    refs = [to_ris_dict(r) for r in records]
    out.write(
        rispy.dumps(refs, implementation=_NoHeaderWriter, list_tags=[*rispy.LIST_TYPE_TAGS, "AD"])
    )
