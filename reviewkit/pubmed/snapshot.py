"""A PubMed snapshot's index, read: the local server's searches and the articles' XML.

The index is built by :mod:`.snapshot_build` (``index-<hash>.sqlite`` next to the first NLM
file); :class:`Snapshot` opens it read-only, one SQLite connection per thread.
"""

from __future__ import annotations

import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree as ET

from reviewkit.pubmed.index_rows import author_forms, may_be_initials, names_author
from reviewkit.pubmed.snapshot_build import (
    DATE_COLUMNS,
    FTS_TABLES,
    SORT_KINDS,
    VOCABULARIES,
    ProgressFn,
    build_index,
)
from reviewkit.pubmed.snapshot_build import index_path as index_path  # the CLI's import
from reviewkit.records import fold_text


class Snapshot:
    """A read-only view of a built index; one SQLite connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._ranks: dict[str, dict[int, int]] = {}  # sort kind -> PMID -> place (loaded once)
        self._abbreviations: dict[str, set[str]] | None = None  # folded -> MedlineTA (once)
        self.article_count = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    @classmethod
    def open(
        cls,
        files: Iterable[str | Path],
        *,
        cache_dir: Path | None = None,
        progress: ProgressFn | None = None,
    ) -> Snapshot:
        """Build the index if needed and open it."""
        return cls(build_index(files, cache_dir=cache_dir, progress=progress))

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def articles_xml(self, pmids: Sequence[int]) -> list[bytes]:
        """Original XML of the articles, in the order asked (unknown PMIDs left out)."""
        found = self.articles_by_pmid(pmids)
        return [found[p] for p in pmids if p in found]

    def articles_by_pmid(self, pmids: Sequence[int]) -> dict[int, bytes]:
        """PMID -> original XML of those of ``pmids`` the snapshot holds."""
        return {pmid: zlib.decompress(blob) for pmid, blob in self._rows("xml", pmids)}

    def _rows(self, columns: str, pmids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
        """(pmid, *columns) of these articles, 900 PMIDs a query (below SQLite's limit of
        host parameters)."""
        for start in range(0, len(pmids), 900):
            chunk = list(pmids[start : start + 900])
            marks = ",".join("?" * len(chunk))
            yield from self.conn.execute(
                f"SELECT pmid, {columns} FROM articles WHERE pmid IN ({marks})", chunk
            )

    def sorted_pmids(self, pmids: Sequence[int], kind: str) -> list[int]:
        """The PMIDs in esearch's ``sort`` order (:data:`SORT_KINDS`), by each article's place
        precomputed in the index: one read of the narrow ``sort_rank`` table per kind, then a
        sort of integers (no article is read or parsed)."""
        if kind not in SORT_KINDS:
            raise ValueError(kind)
        ranks = self._ranks.get(kind)
        if ranks is None:  # two threads may both load it: the same dict, harmless
            ranks = dict(self.conn.execute(f"SELECT pmid, {kind} FROM sort_rank"))
            self._ranks[kind] = ranks
        last = len(ranks) + 1
        return sorted(pmids, key=lambda p: ranks.get(p, last))

    def mesh_pairs(
        self, pmids: Iterable[int], descriptor: str, qualifier: str, *, major: bool
    ) -> set[int]:
        """Of these articles, those indexed with the heading/subheading pair (folded text), as
        ``depression/therapy[mh]``; ``major``: the descriptor or that qualifier is major."""
        found: set[int] = set()
        chunk = sorted(pmids)
        for pmid, blob in zip(chunk, self.articles_xml(chunk), strict=True):
            for heading in ET.fromstring(blob).iterfind(".//MeshHeadingList/MeshHeading"):
                name = heading.find("DescriptorName")
                if name is None or fold_text(name.text or "") != descriptor:
                    continue
                for q in heading.findall("QualifierName"):
                    if fold_text(q.text or "") == qualifier and (
                        not major or "Y" in (name.get("MajorTopicYN"), q.get("MajorTopicYN"))
                    ):
                        found.add(pmid)
        return found

    def all_pmids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT pmid FROM articles ORDER BY pmid DESC")]

    def fts(self, expression: str, table: str = "fts") -> set[int]:
        """The articles an FTS5 expression matches in one of :data:`FTS_TABLES`."""
        if table not in FTS_TABLES:
            raise ValueError(table)
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
        if table == "fts_ad":  # a row per affiliation: its article's PMID
            sql = f"SELECT pmid FROM affiliations WHERE rowid IN ({sql})"
        return {r[0] for r in self.conn.execute(sql, (expression,))}

    def fts_texts(self, expression: str, table: str, column: str) -> dict[int, str]:
        """The articles an FTS5 expression matches in ``table`` (not ``fts_ad``), each with
        the text of one of its columns, for a check FTS5 cannot make (index_text's entries)."""
        if table not in FTS_TABLES or table == "fts_ad" or column not in FTS_TABLES[table]:
            raise ValueError((table, column))
        sql = f"SELECT rowid, {column} FROM {table} WHERE {table} MATCH ?"
        return {r[0]: r[1] or "" for r in self.conn.execute(sql, (expression,))}

    def vocabulary(self, prefix: str, limit: int, table: str = "fts") -> list[str]:
        """Tokens of one of :data:`FTS_TABLES` starting with ``prefix`` (at most ``limit`` + 1,
        to detect overflow)."""
        vocab = VOCABULARIES[table]
        rows = self.conn.execute(
            f"SELECT term FROM {vocab} WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
            (prefix, prefix + "\uffff", limit + 1),
        )
        return [r[0] for r in rows]

    def term(self, field: str, value: str, *, prefix: bool = False) -> set[int]:
        if prefix:
            rows = self.conn.execute(
                "SELECT pmid FROM terms WHERE field = ? AND value >= ? AND value < ?",
                (field, value, value + "\uffff"),
            )
        else:
            rows = self.conn.execute(
                "SELECT pmid FROM terms WHERE field = ? AND value = ?", (field, value)
            )
        return {r[0] for r in rows}

    def author(self, name: str, kind: str = "au") -> set[int]:
        """PubMed-like author match: 'smith' finds every Smith; 'smith j' finds Smith J and
        Smith JA (initials match as a prefix); 'smith john' finds Smith John A. ``kind``: the
        name list (index_rows.NAME_LISTS: 'au' authors, 'ir' investigators, 'ps' personal
        names as subject), searched alike."""
        words = name.split()
        initials_prefix = len(words) > 1 and may_be_initials(words[-1])
        # One indexed lookup per form, joined: written as one WHERE with OR, SQLite searched the
        # index by field alone and read every name of the list (about 18 ms a name, 0.5 s for a
        # search of Review A's that runs 24 of them through All Fields' persons).
        rows = self.conn.execute(
            "SELECT pmid FROM terms WHERE field IN (?5, ?5 || 'f') AND value = ?1"
            " UNION ALL SELECT pmid FROM terms WHERE field IN (?5, ?5 || 'f')"
            " AND value >= ?2 AND value < ?3"
            " UNION ALL SELECT pmid FROM terms WHERE ?4 AND field = ?5"
            " AND value >= ?1 AND value < ?6",
            (name, name + " ", name + " \uffff", initials_prefix, kind, name + "\uffff"),
        )
        return {r[0] for r in rows}

    def dates(self, start: int, end: int, kind: str = "dp", *, single: bool = False) -> set[int]:
        """Articles dated start..end (YYYYMMDD). ``dp``: the print or the electronic date, as
        PubMed's [dp]; the others (:data:`DATE_COLUMNS`) one date per article. ``single``: a
        single date ('2020[dp]', '2020/03[dp]'), not a range: PubMed's User Guide (2024,
        Publication Date [dp]): "The electronic date will not be searchable if it is later than
        the print date, except when range searching" (a print date without a day or month is
        its first, as the Guide sets it and the index stores it)."""
        if kind == "dp":
            sql = "SELECT pmid FROM articles WHERE pdate BETWEEN ?1 AND ?2"
            sql += " UNION SELECT pmid FROM articles WHERE edate BETWEEN ?1 AND ?2"
            sql += " AND edate <= pdate" if single else ""
        elif kind in ("epdat", "ppdat"):  # [dp]'s two dates apart (PubMed's User Guide)
            column = "edate" if kind == "epdat" else "pdate"
            sql = f"SELECT pmid FROM articles WHERE {column} BETWEEN ?1 AND ?2"
        elif kind in DATE_COLUMNS:
            sql = f"SELECT pmid FROM articles WHERE {kind} BETWEEN ?1 AND ?2"
        else:
            raise ValueError(kind)
        return {r[0] for r in self.conn.execute(sql, (start, end))}

    def newest_entry(self) -> int:
        """The snapshot's newest Entry date (YYYYMMDD; 0 when none): PubMed enters records
        after it that the snapshot cannot hold."""
        row = self.conn.execute("SELECT max(edat) FROM articles").fetchone()
        return (row[0] or 0) if row else 0

    @property
    def files(self) -> list[str]:
        """The names of the snapshot's NLM files, in the order they were applied."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'files'").fetchone()
        return row[0].split("\n") if row else []

    def exact_author(self, name: str, kind: str = "au") -> set[int]:
        """A quoted author: the name as written, no truncation of initials ("smith j"[au])."""
        rows = self.conn.execute(
            "SELECT pmid FROM terms WHERE field IN (?2, ?2 || 'f') AND value = ?1", (name, kind)
        )
        return {r[0] for r in rows}

    def full_author(self, name: str, *, exact: bool = False, kind: str = "au") -> set[int]:
        """[fau] (``kind`` 'ir': [fir]): a full form ('smith john a'), or (not ``exact``) a full
        form that starts with ``name``'s words ('smith john' of 'smith john a')."""
        rows = self.conn.execute(
            "SELECT pmid FROM terms WHERE field = ?3 || 'f' AND (value = ?1"
            " OR (NOT ?2 AND value >= ?1 || ' ' AND value < ?1 || ' \uffff'))",
            (name, exact, kind),
        )
        return {r[0] for r in rows}

    def listed_author(
        self,
        name: str,
        *,
        exact: bool = False,
        last: bool = False,
        among: set[int] | None = None,
    ) -> set[int]:
        """[1au] (or, ``last``, [lastau]): the articles whose first (last) author matches
        ``name`` as :meth:`author` (or, with ``exact``, :meth:`exact_author`) matches any
        author; or, given ``among``, those of ``among`` whose first (last) author does.
        ``sort_keys.fau`` and ``lau`` hold that author's two forms joined by a space
        ('smith ja smith john a'), without a suffix."""
        if among is None:
            among = self.exact_author(name) if exact else self.author(name)
        words = name.split()
        initials = not exact and len(words) > 1 and may_be_initials(words[-1])
        column = "lau" if last else "fau"
        out = set()
        for pmid, fau in self.conn.execute(f"SELECT pmid, {column} FROM sort_keys"):
            if pmid in among and any(
                names_author(form, name, exact=exact, initials=initials)
                for form in author_forms(fold_text(fau))
            ):
                out.add(pmid)
        return out

    def has_abstract(self) -> set[int]:
        """Articles with an abstract (PubMed's hasabstract, fha[filter])."""
        return self.filled("ab")

    def filled(self, column: str) -> set[int]:
        """Articles whose ``column`` of the articles table (ab, kw, cois) is not empty."""
        if column not in ("ab", "kw", "cois"):
            raise ValueError(column)
        rows = self.conn.execute(f"SELECT pmid FROM articles WHERE length({column}) > 0")
        return {r[0] for r in rows}

    def journal(self, journal: str, *, prefix: bool = False) -> set[int]:
        """Articles of a journal by its NLM title abbreviation (MedlineTA), any case, its full
        title or an ISSN (folded as :func:`~reviewkit.records.fold_text` folds)."""
        folded = fold_text(journal)
        found = self.term("jt", folded, prefix=prefix) | self.term("issn", folded, prefix=prefix)
        return found | self._abbreviated(journal, prefix=prefix)

    def _abbreviated(self, abbreviation: str, *, prefix: bool) -> set[int]:
        """By the abbreviation folded on both sides (:func:`~reviewkit.records.fold_text`:
        case, diacritics and special characters aside). PubMed's User Guide, Searching by
        journal: "If a journal title or abbreviation includes a special character (e.g.,
        parentheses, brackets, &), enter the title or abbreviation without the special
        characters. For example, to search by the journal abbreviation j hand surg [am], enter
        j hand surg am": ``Abdom Radiol NY`` finds ``Abdom Radiol (NY)``, ``clin biomech
        bristol avon`` ``Clin Biomech (Bristol, Avon)``, ``curr hiv aids rep`` ``Curr HIV/AIDS
        Rep``, as the full title is folded. 208 of the full snapshot's 4,323 abbreviations hold
        such a character; no two of them are one once folded."""
        name = fold_text(abbreviation)
        if self._abbreviations is None:
            folded: dict[str, set[str]] = {}
            for (ta,) in self.conn.execute("SELECT DISTINCT ta FROM sort_keys"):
                folded.setdefault(fold_text(ta), set()).add(ta)
            self._abbreviations = folded
        wanted = {
            ta
            for key, tas in self._abbreviations.items()
            if name and (key.startswith(name) if prefix else key == name)
            for ta in tas
        }
        if not wanted:
            return set()
        rows = self.conn.execute("SELECT pmid, ta FROM sort_keys")
        return {pmid for pmid, ta in rows if ta in wanted}

    def has_pmid(self, pmid: int) -> set[int]:
        if pmid >= 2**63:  # past SQLite's integers (a UID may reach 2^64 - 1): no such article
            return set()
        row = self.conn.execute("SELECT pmid FROM articles WHERE pmid = ?", (pmid,)).fetchone()
        return {row[0]} if row else set()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
