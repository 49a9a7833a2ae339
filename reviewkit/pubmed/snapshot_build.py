"""Building a PubMed snapshot's index: NLM XML files loaded into SQLite FTS5 tables.

The files are applied in NLM's order whatever order they are given in (:func:`nlm_order`), as NLM
applies its baseline and update files: a later version of an article replaces the earlier one
and ``DeleteCitation`` blocks remove PMIDs. The index is built once into ``index-<hash>.sqlite``
next to the first file read (the hash covers the index's format, :data:`INDEX_VERSION`, and the
files' names, sizes and modification times, in the order read) and reused
afterwards; a build removes the older indexes of the same files (:mod:`.stale_indexes`). It is
the server's own store, not a review project, so this module keeps its SQL here; reading the
index is :mod:`.snapshot`'s.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from pathlib import Path

from lxml import etree as ET

from reviewkit.errors import UserError
from reviewkit.file_locks import one_at_a_time
from reviewkit.formats import pubmed_xml
from reviewkit.nlm_files import nlm_order
from reviewkit.pubmed.article_dates import (
    electronic_date,
    entry_dates,
    indexing_dates,
    publication_date,
)
from reviewkit.pubmed.fields import WHOLE_VALUES
from reviewkit.pubmed.index_rows import authors as index_authors
from reviewkit.pubmed.index_rows import (
    citation_fields,
    has_rows,
    is_systematic,
    mesh_rows,
    name_rows,
)
from reviewkit.pubmed.index_text import (
    EXTRA_COLUMNS,
    entries,
    extra_text,
    mesh_text,
    whole_values,
)
from reviewkit.pubmed.stale_indexes import (
    hold_build,
    remove_abandoned_builds,
    remove_stale_indexes,
)
from reviewkit.records import fold_text
from reviewkit.temp_files import new_beside
from reviewkit.wording import quantity

# pubfid4: entries apart (index_text.ENTRY_GAP), the extra table; rd33b: All Fields' whole values,
# a suffixed name's rows with the suffix only (index_rows.name_rows); pubfid7: no authors' and
# investigators' words in the FTS5 tables (names are searched on the terms rows alone)
# pubfid8: a season's month in the publication date; sort=pub_date by the earliest date
# pubfid9: the PMCID and NIH manuscript id among All Fields' whole values (index_text)
# pubfid10: the has-word rows of eight more comment/correction types (fields.HAS_REFTYPES)
INDEX_VERSION = "17-more-has-words"
# The text columns of the first FTS5 table (whose vocabulary the wildcards expand through) and of
# the others, [cois] and [ad], kept apart so that their words do not enter the wildcard
# variants of the title, abstract and other fields (nor their 600-variant limit). [ad] has a
# row per affiliation (the table ``affiliations``), so that a phrase or NEAR group never runs
# from one author's affiliation into the next one's ("..., China." "Department of ...").
# ``fts_extra`` holds the fields only All Fields, [tw] and their own tags search (index_text).
# No table holds the words of authors' or investigators' names: every name tag and All Fields
# match a name whole on the terms rows (fields.ALL_FIELDS_NAMES, einfo's SingleToken), so those
# words were read by no search, yet they were 100,238 of the 219,812 words of ``fts``'s
# vocabulary (the full snapshot), counted among a wildcard's variants and its 600-variant limit.
FTS_TABLES = {
    "fts": ("ti", "ab", "mh", "kw", "pt"),
    "fts_more": ("cois",),
    "fts_ad": ("ad",),
    "fts_extra": EXTRA_COLUMNS,
}
VOCABULARIES = {
    "fts": "vocab",
    "fts_more": "vocab_more",
    "fts_ad": "vocab_ad",
    "fts_extra": "vocab_extra",
}

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    pmid INTEGER PRIMARY KEY, pdate INTEGER NOT NULL, edate INTEGER NOT NULL,
    edat INTEGER NOT NULL, crdt INTEGER NOT NULL,
    mhda INTEGER NOT NULL, dcom INTEGER NOT NULL, lr INTEGER NOT NULL,
    ti TEXT, ab TEXT, mh TEXT, kw TEXT, pt TEXT, cois TEXT, xml BLOB NOT NULL);
CREATE TABLE affiliations (pmid INTEGER NOT NULL, ad TEXT NOT NULL);
CREATE TABLE extra (pmid INTEGER PRIMARY KEY, {", ".join(f"{c} TEXT" for c in EXTRA_COLUMNS)});
CREATE TABLE terms (field TEXT NOT NULL, value TEXT NOT NULL, pmid INTEGER NOT NULL);
CREATE TABLE sort_keys (
    pmid INTEGER PRIMARY KEY, fau TEXT NOT NULL, ta TEXT NOT NULL, lau TEXT NOT NULL);
"""
_INDEXES = f"""
CREATE INDEX articles_pdate ON articles(pdate);
CREATE INDEX articles_edate ON articles(edate);
CREATE INDEX articles_edat ON articles(edat);
CREATE INDEX articles_crdt ON articles(crdt);
CREATE INDEX articles_mhda ON articles(mhda);
CREATE INDEX articles_dcom ON articles(dcom);
CREATE INDEX articles_lr ON articles(lr);
CREATE INDEX terms_field_value ON terms(field, value, pmid);  -- covering: no table lookups
CREATE VIRTUAL TABLE fts USING fts5(ti, ab, mh, kw, pt, content='articles',
    content_rowid='pmid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'row');
CREATE VIRTUAL TABLE fts_more USING fts5(cois, content='articles',
    content_rowid='pmid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_more(fts_more) VALUES ('rebuild');
CREATE VIRTUAL TABLE vocab_more USING fts5vocab(fts_more, 'row');
CREATE VIRTUAL TABLE fts_ad USING fts5(ad, content='affiliations',
    content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_ad(fts_ad) VALUES ('rebuild');
CREATE VIRTUAL TABLE vocab_ad USING fts5vocab(fts_ad, 'row');
CREATE VIRTUAL TABLE fts_extra USING fts5({", ".join(EXTRA_COLUMNS)}, content='extra',
    content_rowid='pmid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts_extra(fts_extra) VALUES ('rebuild');
CREATE VIRTUAL TABLE vocab_extra USING fts5vocab(fts_extra, 'row');
CREATE TABLE sort_rank AS SELECT pmid,
    ROW_NUMBER() OVER (ORDER BY CASE WHEN edate > 0 AND edate < pdate THEN edate ELSE pdate END
        DESC, pmid DESC) AS pub_date,
    ROW_NUMBER() OVER (ORDER BY fau = '', fau, pmid DESC) AS author,
    ROW_NUMBER() OVER (ORDER BY ta = '', ta, pmid DESC) AS journal
    FROM articles JOIN sort_keys USING (pmid);
"""
# esearch's sort= orders (NBK25499, ESearch "sort"), each article's place computed once when the
# index is built: pub_date newest publication date first, an article's earliest of its print
# and electronic dates (PubMed's User Guide, the Publication Date sort: "Citations with more
# than one publication date, such as electronic and print, are sorted by their earliest");
# author by first author A-Z; journal by MedlineTA A-Z; articles without an author or journal
# last; ties newest PMID first. Text keys are casefolded; SQLite compares them as UTF-8 bytes,
# which is code point order, as Python does.
SORT_KINDS = ("pub_date", "author", "journal")
# The date fields stored as one YYYYMMDD column each ([dp] has two: print and electronic).
DATE_COLUMNS = ("edat", "crdt", "mhda", "dcom", "lr")

ProgressFn = Callable[[int, int], None]
StageFn = Callable[[str], None]  # build_index's plain line per stage: a bar draws none on a pipe


def index_path(files: Sequence[Path], cache_dir: Path | None = None) -> Path:
    """Where the index of these files lives: ``index-<hash>.sqlite`` next to the first file read
    (:func:`nlm_order`: the same index whatever the order NLM's files are given in)."""
    files = nlm_order(files)
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for f in files:
        st = f.stat()
        digest.update(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    folder = cache_dir or files[0].resolve().parent
    return folder / f"index-{digest.hexdigest()[:16]}.sqlite"


def build_index(
    files: Iterable[str | Path],
    *,
    cache_dir: Path | None = None,
    progress: ProgressFn | None = None,
    stages: StageFn | None = None,
    waiting: StageFn | None = None,
) -> Path:
    """Build (or reuse) the FTS5 index of the snapshot files; returns its path.

    One process builds it: another that needs it meanwhile (three `pubmed serve` started at
    once each built their own, ~80 CPU-seconds apiece on the full snapshot) waits for that
    build and opens its index; ``waiting`` is told once that it waits, and for whom."""
    paths = nlm_order(Path(f) for f in files)
    if not paths:
        raise UserError("a snapshot needs at least one PubMed XML file")
    for p in paths:
        if not p.is_file():
            raise UserError("snapshot file not found", where=str(p))
    target = index_path(paths, cache_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    # on reuse too: a build killed and run again at once found the dead file under an hour old
    remove_abandoned_builds(target.parent)
    if target.exists():
        return target

    def say(who: str) -> None:
        if waiting is not None:
            waiting(f"another process is building the snapshot index ({who}): waiting to use it")

    with one_at_a_time(target.with_suffix(".lock"), say):  # index-<hash>.lock
        if not target.exists():  # built by the process waited for (unless it failed or ended)
            _build_into(target, paths, progress, stages)
    remove_stale_indexes(target, [p.name for p in paths], _indexed_files)
    return target


def _build_into(
    target: Path, paths: list[Path], progress: ProgressFn | None, stages: StageFn | None
) -> None:
    """Build the index into a file beside ``target``, then rename it ``target``."""
    # a new file's mode, not mkstemp's 0600: another user's `pubmed serve` reads a shared index
    fd, tmp_name = new_beside(target, prefix=".index-", suffix=".tmp")
    try:
        try:
            hold_build(fd)  # another build, meanwhile, takes it for no dead one's
            _build(paths, Path(tmp_name), progress, stages)
        finally:
            os.close(fd)  # and the lock: Windows renames no file open in the process
        os.replace(tmp_name, target)  # atomic: two builders never leave a half-written index
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def _indexed_files(path: Path) -> list[str] | None:
    """The file names an index's ``meta`` holds, in the order a build reads them now (an index
    built before :func:`nlm_order` holds them as they were given); None for a file that is not
    an index."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:  # not SQLite, or no meta table
        return None
    return nlm_order(meta["files"].split("\n")) if {"version", "files"} <= meta.keys() else None


# the longest opening tag pubmed_xml.RECORD_START matches, for the chunks' overlap
_LONGEST_START = len(b"<PubmedBookArticle ")


def count_articles(files: Iterable[str | Path]) -> int:
    """How many article records the snapshot files hold (the progress bar's total while
    indexing), by counting their opening tags in the decompressed bytes: one pass without
    parsing, a few per cent of the build. A file that cannot be read stops the count (the
    build then names the error); a later version of an article or a DeleteCitation is not
    subtracted."""
    total = 0
    for path in files:
        try:
            with open(path, "rb") as raw:
                stream = pubmed_xml.open_binary(raw)  # open(..., "rb") is buffered: it peeks
                tail = b""
                while chunk := stream.read(1 << 20):
                    buf = tail + chunk
                    ends = [m.end() for m in pubmed_xml.RECORD_START.finditer(buf)]
                    total += len(ends)
                    # keep the bytes a tag may start in, but none of a tag counted already
                    tail = buf[max(len(buf) - _LONGEST_START + 1, ends[-1] if ends else 0) :]
        except (OSError, EOFError, zlib.error, UserError):
            break
    return total


def _build(
    paths: list[Path], out: Path, progress: ProgressFn | None, stages: StageFn | None
) -> None:
    say = stages or (lambda _line: None)
    say(f"indexing the PubMed snapshot ({quantity(len(paths), 'file')}) once; later runs reuse it")
    conn = sqlite3.connect(out)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    done = 0  # the total first, so a bar shows "0/20788", not "0/?", until the first 500
    total = count_articles(paths) if progress or stages else 0
    say(f"  {total:,} article records to index")
    if progress:
        progress(0, total)
    seen: set[int] = set()  # PMIDs stored so far: only these need deleting (no index yet)
    replaced = deleted = 0  # why the index holds fewer articles than the files hold records
    with conn:
        for path in paths:
            with open(path, "rb") as stream:
                for tag, elem in pubmed_xml.iter_elements(stream, str(path)):
                    if tag == "DeleteCitation":
                        for p in elem.findall("PMID"):
                            pmid = int((p.text or "0").strip())
                            if pmid in seen:
                                _delete(conn, pmid)
                                seen.discard(pmid)
                                deleted += 1
                        continue
                    replaced += _insert(conn, elem, path.name, seen)
                    done += 1
                    if progress and done % 500 == 0:
                        progress(done, max(total, done))
                    if done % 10_000 == 0:  # a line about every 30 s on the demo's machine
                        say(f"  {done:,} of {max(total, done):,} article records")
            say(f"  {path.name}: indexed ({done:,} of {max(total, done):,} article records)")
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("version", INDEX_VERSION), ("files", "\n".join(p.name for p in paths))],
        )
    say("  building the search indexes")
    conn.executescript(_INDEXES)
    conn.commit()
    conn.close()
    say(f"  snapshot index ready: {_articles_of(len(seen), done, replaced, deleted)}")
    if progress:
        progress(done, done)


def _articles_of(articles: int, records: int, replaced: int, deleted: int) -> str:
    """The index's articles (what ``pubmed serve`` serves and searches count) and, where they
    differ, the files' article records (what the progress counts) with what made them fewer,
    each cause only when it happened: the NLM files of the offline snapshot hold 50,788 records
    of 50,783 articles, 5 of them a later record of an article already read."""
    if articles == records:
        return f"{articles:,} articles"
    causes = []
    if replaced:
        causes.append(f"{replaced:,} a later record of an article read before, which replaces it")
    if deleted:
        causes.append(f"{deleted:,} removed by a DeleteCitation")
    why = f": {'; '.join(causes)}" if causes else ""
    return f"{articles:,} articles ({records:,} article records{why})"


def _delete(conn: sqlite3.Connection, pmid: int) -> None:
    conn.execute("DELETE FROM articles WHERE pmid = ?", (pmid,))
    conn.execute("DELETE FROM terms WHERE pmid = ?", (pmid,))
    conn.execute("DELETE FROM sort_keys WHERE pmid = ?", (pmid,))
    conn.execute("DELETE FROM affiliations WHERE pmid = ?", (pmid,))
    conn.execute("DELETE FROM extra WHERE pmid = ?", (pmid,))


def _insert(conn: sqlite3.Connection, elem: ET._Element, name: str, seen: set[int]) -> bool:
    """Store one article record; True when it replaced an earlier record of its article."""
    raw = ET.tostring(elem, encoding="utf-8")
    rec = pubmed_xml.article_to_record(elem, source="PubMed", origin=name, position=0, raw="")
    if not rec.pmid:
        return False
    pmid = int(rec.pmid)
    replaces = pmid in seen
    if replaces:  # a later version replaces the earlier one
        _delete(conn, pmid)
    seen.add(pmid)
    authors = index_authors(elem)
    edat, crdt = entry_dates(elem)
    citation = citation_fields(elem)
    cit = elem.find("MedlineCitation")
    conn.execute(
        "INSERT INTO articles (pmid, pdate, edate, edat, crdt, mhda, dcom, lr, ti, ab, mh, kw,"
        " pt, cois, xml) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            pmid,
            publication_date(elem),
            electronic_date(elem),
            edat,
            crdt,
            *indexing_dates(elem, edat),
            rec.title,
            rec.abstract,
            mesh_text(cit, rec.mesh_terms),
            entries(rec.keywords),
            entries(rec.publication_types),
            citation.conflicts,
            zlib.compress(raw, 1),
        ),
    )
    conn.executemany(
        "INSERT INTO affiliations VALUES (?, ?)", [(pmid, ad) for ad in citation.affiliations]
    )
    marks = ",".join("?" * (len(EXTRA_COLUMNS) + 1))
    conn.execute(f"INSERT INTO extra VALUES ({marks})", (pmid, *extra_text(elem, citation)))
    first_author, last_author = (
        (" ".join(authors[k]).casefold() if authors else "") for k in (0, -1)
    )
    journal = (elem.findtext(".//MedlineJournalInfo/MedlineTA") or "").casefold()
    conn.execute(
        "INSERT INTO sort_keys VALUES (?, ?, ?, ?)", (pmid, first_author, journal, last_author)
    )
    rows = {("pt", fold_text(p)) for p in rec.publication_types}
    rows |= {("mh", fold_text(m)) for m in rec.mesh_terms}
    rows |= name_rows(cit) | has_rows(cit) if cit is not None else set()
    rows |= {("la", lang.strip().lower()) for lang in elem.xpath(".//Article/Language/text()")}
    rows |= mesh_rows(elem) | citation.rows
    rows |= {(WHOLE_VALUES, fold_text(v)) for v in whole_values(elem, citation)}
    if is_systematic(rec.publication_types, rec.journal, rec.title):
        rows.add(("sb", "systematic"))
    conn.executemany("INSERT INTO terms VALUES (?, ?, ?)", [(f, v, pmid) for f, v in rows if v])
    return replaces
