"""Rows of the records and imports tables. Records are written once and never changed.

A record's original text (``raw``) is stored zlib-compressed (schema 50 on; older rows hold
it as text): PubMed XML is most of a project's size and compresses about fourfold.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from reviewkit.records import AbstractSection, Record, abstract_text, clean_space, normalise_doi
from reviewkit.store.db import Store, holds_integer, now, rows_in

_INSERT = (
    "INSERT INTO records (import_id, search_run_id, source, origin, position, title, year,"
    " doi, pmid, pmcid, data, raw, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


@dataclass(frozen=True)
class ImportRow:
    id: int
    source: str
    path: str
    format: str
    sha256: str
    record_count: int
    imported_at: str


def add_import(db: Store, *, source: str, path: str, fmt: str, sha256: str) -> int:
    """Start an import batch (call inside a transaction); returns its id."""
    cur = db.conn.execute(
        "INSERT INTO imports (source, path, format, sha256, record_count, imported_at)"
        " VALUES (?, ?, ?, ?, 0, ?)",
        (source, path, fmt, sha256, now()),
    )
    return int(cur.lastrowid)


def finish_import(db: Store, import_id: int, count: int) -> None:
    db.conn.execute("UPDATE imports SET record_count = ? WHERE id = ?", (count, import_id))


def find_import_by_hash(db: Store, sha256: str) -> ImportRow | None:
    row = db.conn.execute("SELECT * FROM imports WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone()
    return ImportRow(**dict(row)) if row else None


def list_imports(db: Store) -> list[ImportRow]:
    return [ImportRow(**dict(r)) for r in db.query("SELECT * FROM imports ORDER BY id")]


class RecordRow(NamedTuple):
    """A record as its row is stored: made by :func:`record_row`, anywhere (no database)."""

    source: str
    origin: str
    position: int
    title: str
    year: int | None
    doi: str  # folded for matching (normalise_doi); the record's data keeps the source's case
    pmid: str
    pmcid: str
    data: str  # JSON of the Record without raw
    raw: bytes  # the original text, zlib-compressed


def record_row(rec: Record) -> RecordRow:
    """The row of a record. Costs about as much as parsing it, so large imports make rows
    in their parser processes (``formats.read_file(prepare=record_row)``)."""
    return RecordRow(
        rec.source,
        rec.origin,
        rec.position,
        rec.title,
        rec.year,
        normalise_doi(rec.doi),
        rec.pmid,
        rec.pmcid,
        rec.to_json(),
        zlib.compress(rec.raw.encode("utf-8"), 1),
    )


def _raw_text(value: str | bytes) -> str:
    return zlib.decompress(value).decode("utf-8") if isinstance(value, bytes) else value


def add_records(
    db: Store,
    records: Iterable[Record | RecordRow],
    *,
    import_id: int | None = None,
    search_run_id: int | None = None,
) -> list[int]:
    """Insert records, or rows made by :func:`record_row`, inside the caller's transaction;
    returns their new ids in order."""
    stamp = now()
    execute = db.conn.execute
    return [
        int(
            execute(
                _INSERT,
                (
                    import_id,
                    search_run_id,
                    *(rec if isinstance(rec, RecordRow) else record_row(rec)),
                    stamp,
                ),
            ).lastrowid
        )
        for rec in records
    ]


def get_record(db: Store, record_id: int, *, with_raw: bool = False) -> Record:
    """One stored record; KeyError when there is none with that id."""
    cols = "data, raw" if with_raw else "data, '' AS raw"
    if not holds_integer(record_id):
        raise KeyError(record_id)
    row = db.conn.execute(f"SELECT {cols} FROM records WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise KeyError(record_id)
    rec = Record.from_json(row["data"], raw=_raw_text(row["raw"]))
    return _with_categories(rec, _categories(db, [record_id]).get(record_id))


def get_records(db: Store, record_ids: Iterable[int]) -> dict[int, Record]:
    """Several records by id (missing ids are left out)."""
    ids = [i for i in record_ids if holds_integer(i)]
    sql = "SELECT id, data FROM records WHERE id IN ({marks})"
    later = _categories(db, ids)
    return {
        row["id"]: _with_categories(Record.from_json(row["data"]), later.get(row["id"]))
        for row in rows_in(db, sql, ids)
    }


def add_section_categories(
    db: Store, search_run_id: int, categories: Iterable[tuple[int, list[str]]]
) -> None:
    """Keep NLM's categories of stored records' abstract sections (record id, a category or ''
    per section) a run of their search brought (:mod:`reviewkit.searches.categories`); a record
    that has them keeps the first. In the caller's transaction."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO record_section_categories"
        " (record_id, categories, search_run_id, added_at) VALUES (?, ?, ?, ?)",
        [(rid, json.dumps(cats), search_run_id, now()) for rid, cats in categories],
    )


def _categories(db: Store, ids: Iterable[int]) -> dict[int, list[str]]:
    """Record id -> NLM's categories of its sections brought after it was stored."""
    sql = "SELECT record_id, categories FROM record_section_categories WHERE record_id IN ({marks})"
    return {r[0]: json.loads(r[1]) for r in rows_in(db, sql, ids)}


def _with_categories(rec: Record, categories: list[str] | None) -> Record:
    """``rec`` with ``categories`` laid over its abstract sections (those of a record stored
    without them, the same number: :func:`add_section_categories`)."""
    if not categories or len(categories) != len(rec.abstract_sections):
        return rec
    rec.abstract_sections = [
        AbstractSection(s.label, s.text, s.category or c)
        for s, c in zip(rec.abstract_sections, categories, strict=True)
    ]
    return rec


class RankingFields(NamedTuple):
    """What the screening ranker reads of a record (:func:`reviewkit.ranking.ranker.record_text`)."""

    title: str
    abstract: str  # as Record.abstract writes it (records.abstract_text)
    terms: list[str]  # the keywords, then the MeSH terms


# the four fields in one JSON array per row: SQLite picks them out of the record's JSON, so
# Python parses a few hundred characters, not the whole record (authors, affiliations …)
_RANKING_SQL = (
    "SELECT id, json_extract(data, '$.title', '$.abstract_sections', '$.keywords',"
    " '$.mesh_terms') FROM records WHERE id IN ({marks})"
)


def ranking_fields(db: Store, record_ids: Iterable[int]) -> dict[int, RankingFields]:
    """Title, abstract and keywords + MeSH terms of several records by id (missing ids left
    out): the same text as :func:`get_records`' records give, about four times faster, since
    no :class:`Record` is built (the ranker reads every record of a queue before its first
    pick)."""
    ids = [i for i in record_ids if holds_integer(i)]
    out: dict[int, RankingFields] = {}
    loads = json.loads
    for record_id, fields in rows_in(db, _RANKING_SQL, ids):
        title, sections, keywords, mesh = loads(fields)
        abstract = abstract_text((s["label"], s["text"]) for s in sections or ())
        out[record_id] = RankingFields(  # the title cleaned as Record cleans it
            clean_space(title), abstract, [*(keywords or ()), *(mesh or ())]
        )
    return out


def link_fields(db: Store, after: int = 0, ids: Iterable[int] | None = None) -> dict[int, Record]:
    """Every record (of id above ``after``, or of ``ids``) with only what tells a notice from its
    article: title, year, PMID, DOI (folded), journal, volume, issue, pages, publication types and
    PubMed's comment and correction links, read in SQL without parsing the whole record
    (:func:`reviewkit.dedup.concerns_kept.project_concerns`)."""
    sql = (
        "SELECT id, title, year, pmid, doi, json_extract(data, '$.journal') AS journal,"
        " json_extract(data, '$.journal_abbreviation') AS abbreviation,"
        " json_extract(data, '$.volume') AS volume, json_extract(data, '$.issue') AS issue,"
        " json_extract(data, '$.pages') AS pages,"
        " json_extract(data, '$.publication_types') AS types,"
        " json_extract(data, '$.comments_corrections') AS links FROM records WHERE "
    )
    if ids is None:
        rows = db.query(sql + "id > ?", (after,))
    else:
        rows = list(rows_in(db, sql + "id IN ({marks})", [i for i in ids if holds_integer(i)]))
    return {
        row["id"]: Record(
            title=row["title"] or "",
            year=row["year"],
            pmid=row["pmid"] or "",
            doi=row["doi"] or "",
            journal=row["journal"] or "",
            journal_abbreviation=row["abbreviation"] or "",
            volume=row["volume"] or "",
            issue=row["issue"] or "",
            pages=row["pages"] or "",
            publication_types=json.loads(row["types"] or "[]"),
            comments_corrections=json.loads(row["links"] or "[]"),
        )
        for row in rows
    }


def iter_records(db: Store, *, where: str = "", params: tuple = ()) -> Iterator[tuple[int, Record]]:
    """(id, Record) for every record in id order, optionally filtered by a WHERE clause."""
    sql = "SELECT id, data FROM records" + (f" WHERE {where}" if where else "") + " ORDER BY id"
    later = dict(db.conn.execute("SELECT record_id, categories FROM record_section_categories"))
    for row in db.conn.execute(sql, params):
        cats = later.get(row["id"])
        yield row["id"], _with_categories(Record.from_json(row["data"]), cats and json.loads(cats))


def search_names(db: Store) -> dict[int, str]:
    """record id -> the stored search whose run found it (records a search run stored)."""
    rows = db.conn.execute(
        "SELECT r.id, s.search_name FROM records r JOIN search_runs s ON r.search_run_id = s.id"
    )
    return {int(row[0]): str(row[1]) for row in rows}


def record_count(db: Store) -> int:
    return db.conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]


def ids_by_pmid(db: Store, pmids: Iterable[str]) -> dict[str, list[int]]:
    """Record ids per PMID for the given PMIDs."""
    out: dict[str, list[int]] = {}
    sql = "SELECT pmid, id FROM records WHERE pmid IN ({marks}) ORDER BY id"
    for row in rows_in(db, sql, pmids):  # one PMID's ids are in one chunk: in id order
        out.setdefault(row["pmid"], []).append(row["id"])
    return out


def source_counts(db: Store) -> list[tuple[str, int]]:
    """(source, number of records) in first-seen order."""
    rows = db.query(
        "SELECT source, COUNT(*) AS n, MIN(id) AS first FROM records GROUP BY source ORDER BY first"
    )
    return [(r["source"], r["n"]) for r in rows]


def ids_of_imports(db: Store, import_ids: Iterable[int]) -> list[int]:
    """The ids of the records the given imports stored, ascending (PRISMA's other methods)."""
    # import ids read from the imports table, not typed by hand
    sql = "SELECT id FROM records WHERE import_id IN ({marks})"
    return sorted(row["id"] for row in rows_in(db, sql, import_ids))


def ids_after(db: Store, record_id: int) -> list[int]:
    """The ids of the records stored after ``record_id`` (ids only grow), ascending."""
    rows = db.conn.execute("SELECT id FROM records WHERE id > ? ORDER BY id", (record_id,))
    return [row[0] for row in rows]
