"""Importing reference files into a project: all files or nothing, with a short write.

Every file is parsed first, into a private staging database (``reviewkit.store.staging``);
only then are all of them published in one transaction, so the project's write lock is held
for the copy (about a second for 50,788 PubMed records), never while parsing. If any file
fails, nothing of any file is stored and the error names the file and line. A file already
imported (same SHA-256) is skipped unless ``again`` is set, so rerunning an import command is
harmless.

A record without a title but with an identifier (DOI, PMID, accession number), a citation
(journal, volume or year, pages) or an abstract is imported (a database export is what it is, and the user can
look the article up) but never silently: its summary names each one by the line it starts at
(a worksheet's row), as its reader told it (formats.findable.Untitled), and the CLI prints them
as warnings; those with no abstract either are counted in one more warning (nothing to screen
them on). A record with none of these is refused by its reader
(formats.findable: one rule for every format). A value a reader could not read (a year field or
spreadsheet cell '20201', in any format: formats.read_warnings) is in the summary too, by file
and line.
"""

from __future__ import annotations

import contextvars
import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import TypeVar

from reviewkit import formats
from reviewkit.errors import FormatError
from reviewkit.formats import not_export
from reviewkit.formats.control_chars import Starts
from reviewkit.formats.findable import NothingToScreen, Untitled
from reviewkit.formats.read_warnings import Placed, ReadWarning, Warn, line_noun, record_at
from reviewkit.formats.text import REPLACEMENT, check_regular, check_size, lines_holding
from reviewkit.store import Store
from reviewkit.store import records as record_rows
from reviewkit.store.records import RecordRow
from reviewkit.store.staging import Published, Staging
from reviewkit.wording import numbered, quantity, verb

Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class ImportSummary:
    path: str
    format: str
    source: str
    records: int
    import_id: int | None  # None when skipped
    skipped_reason: str = ""
    # 'record at line N (PMID …)' for each untitled one (a worksheet's 'row N')
    untitled: tuple[str, ...] = field(default=())
    # each record holding U+FFFD by its line ('record at line 8': formats.read_warnings.
    # record_at), and the first lines of the file holding it (_replaced)
    replaced: tuple[str, ...] = field(default=())
    replaced_lines: tuple[int, ...] = field(default=())
    # values the reader could not read, the records imported without them (a year '20201')
    warnings: tuple[ReadWarning, ...] = field(default=())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _skipped(path: Path, previous: record_rows.ImportRow) -> ImportSummary:
    return ImportSummary(
        str(path),
        previous.format,
        previous.source,
        0,
        None,
        f"already imported as import #{previous.id} on {previous.imported_at[:10]}",
    )


def import_files(
    db: Store,
    paths: Sequence[str | Path],
    *,
    source: str | None = None,
    fmt: str | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    again: bool = False,
    progress: Progress | None = None,
) -> list[ImportSummary]:
    """Read every file and store its records, all or nothing. Returns one summary per file.

    The files are parsed without holding the project's write lock; the records are written
    in one short transaction at the end.
    """
    # stored as an absolute path (its folder's '..' worked out, links kept as typed): the import
    # row and each record's origin then mean the same file from any folder; rows imported
    # before this keep the path as it was typed (no migration)
    files = [Path(os.path.abspath(p)) for p in paths]
    for path in files:
        not_export.refuse_folder(path)  # a folder of exports: they are named
        check_regular(path)  # a folder or a FIFO is refused before anything is opened
        check_size(path)  # and a file larger than any reader takes, before it is hashed
    summaries: dict[int, ImportSummary] = {}  # by position in ``files``
    staged_from: dict[int, int] = {}  # staged file number -> position in ``files``
    replaced: dict[int, list[str]] = {}
    warned: dict[int, _Said] = {}
    seen: dict[str, Path] = {}
    done = 0

    def counted(
        stream: Iterator[RecordRow], lost: list[str], said: _Said, fmt: str
    ) -> Iterator[RecordRow]:
        nonlocal done
        for row in stream:
            done += 1
            start = said.starts.take(row.position)  # placed before it was given
            # the record's fields as JSON (not ASCII-escaped); read whole only when it holds it
            if REPLACEMENT in row.data and _text_lost(row.data):
                lost.append(record_at(start, fmt, row.position))
            if progress and done % 250 == 0:
                progress(done, 0)
            yield row

    with Staging(db) as staging:
        for index, path in enumerate(files):
            digest = sha256_of(path)
            previous = record_rows.find_import_by_hash(db, digest)
            if previous and not again:
                summaries[index] = _skipped(path, previous)
                continue
            if digest in seen and not again:
                summaries[index] = ImportSummary(
                    str(path), "", "", 0, None, f"same file as {seen[digest]} in this command"
                )
                continue
            seen.setdefault(digest, Path(paths[index]))  # as typed: the command's lines say so
            lost = replaced[index] = []
            said = warned[index] = _Said()  # the file's warnings, said once read
            rows = _read_rows(path, fmt, source, mapping, encoding, said)
            staged = staging.add_file(
                counted(
                    said.gathered(read_ahead(rows.rows), path, rows.format), lost, said, rows.format
                ),
                path=str(path),
                fmt=rows.format,
                sha256=digest,
            )
            staged_from[staged.number] = index
        for result in staging.publish(again=again):
            index = staged_from[result.staged.number]
            said = warned[index]
            summary = _published(result, tuple(said.untitled), tuple(said.notes))
            if replaced[index] and summary.import_id is not None:
                summary = _replaced(summary, files[index], replaced[index], encoding)
            summaries[index] = summary
    if progress:
        progress(done, done)
    return [summaries[i] for i in sorted(summaries)]


class _Said:
    """The ``warn`` of one file's reader: each warning kept in ``notes`` to be said as it is,
    but a record without a title (formats.findable.Untitled), whose place is kept in
    ``places`` to be named in ``untitled``, and gathered in ``unscreenable`` for one warning
    naming them all when it has no abstract either (:meth:`gathered`)."""

    def __init__(self) -> None:
        self.notes: list[ReadWarning] = []
        self.places: list[tuple[str, str, int]] = []  # (where it starts, PMID and DOI, number)
        self.unscreenable: list[str] = []
        self.untitled: list[str] = []
        self.starts = Starts(None)  # where each record that may hold U+FFFD starts

    def __call__(self, warning: ReadWarning) -> None:
        if isinstance(warning, Placed):
            self.starts(warning)
            return
        if not isinstance(warning, Untitled):
            self.notes.append(warning)
            return
        self.places.append((warning.where, warning.message, warning.position))
        if isinstance(warning, NothingToScreen):
            self.unscreenable.append(warning.where.rpartition(":")[2])

    def gathered(
        self, rows: Iterator[RecordRow], path: Path, file_format: str
    ) -> Iterator[RecordRow]:
        """``rows`` as they are; once read whole, one warning in ``notes`` for those with
        neither title nor abstract (a database's stub, an export cut to its identifiers), as
        their reader told them: they are imported, being part of the search's result and of
        PRISMA's counts, but a reviewer has nothing to screen them on, and a ranker can place
        them only by chance. Named by the line each starts at (a worksheet's row), where the
        user finds it."""
        yield from rows
        noun = line_noun(file_format)
        self.untitled = [
            record_at(where, file_format, position) + (f" ({ids})" if ids else "")
            for where, ids, position in self.places
        ]
        places = self.unscreenable
        if not places:
            return
        what = f"{quantity(len(places), 'record')} (at {numbered(noun, places, 10)})"
        self.notes.append(
            ReadWarning(
                str(path),
                f"{what} {verb(len(places), 'has', 'have')} neither title nor abstract: imported"
                " (they count in PRISMA's records), but there is nothing to screen them on; look"
                " each up by its identifier or citation, or screen it on its full text",
            )
        )


# What a record says of where it came from, not text of the file: the file's name (which may
# hold U+FFFD when it was mangled, as zip archives' names are) and the user's --source label.
_NOT_TEXT = ("origin", "source")


def _text_lost(data: str) -> bool:
    """Whether a record's fields read from the file (its JSON ``data``) hold U+FFFD."""
    fields = json.loads(data)
    return any(
        REPLACEMENT in json.dumps(v, ensure_ascii=False)
        for k, v in fields.items()
        if k not in _NOT_TEXT
    )


def _replaced(
    summary: ImportSummary, path: Path, records: list[str], encoding: str | None
) -> ImportSummary:
    """The summary with the records holding U+FFFD and the file's first lines holding it.

    U+FFFD is what a program writes for bytes it could not decode: text in a file that holds
    it was lost before the file was saved (an export read in the wrong encoding, then saved as
    UTF-8), and no reading of this file gets it back. Such records are imported as they are
    (PubMed itself serves a few with it; refusing them would refuse whole exports), but never
    silently: the CLI warns, naming the line. The file is read again for the lines only when
    a record holds the character, so other imports cost nothing more."""
    lines = tuple(lines_holding(path, REPLACEMENT, encoding))
    return dataclasses.replace(summary, replaced=tuple(records), replaced_lines=lines)


@dataclass
class _Rows:
    format: str
    rows: Iterator[RecordRow]


def _read_rows(
    path: Path,
    fmt: str | None,
    source: str | None,
    mapping: dict[str, str] | None,
    encoding: str | None,
    warn: Warn,
) -> _Rows:
    """The file's format and its rows; a file without records is refused here."""
    file_format = formats.normalise_format(fmt) if fmt else formats.detect(path, encoding)
    # rows are made where the records are read (worker processes for large XML files)
    rows = formats.read_file(
        path,
        fmt=file_format,
        source=source,
        mapping=mapping,
        encoding=encoding,
        prepare=record_rows.record_row,
        warn=warn,
    )
    first = next(rows, None)
    if first is None:
        raise FormatError(
            "the file holds no records",
            where=str(path),
            hint="leave it out of the command (nothing of the other files was stored)",
        )
    return _Rows(file_format, chain([first], rows))


def _published(
    result: Published, untitled: tuple[str, ...], warnings: tuple[ReadWarning, ...]
) -> ImportSummary:
    staged = result.staged
    if result.import_id is None:  # another process imported this file meanwhile
        return ImportSummary(
            staged.path,
            staged.format,
            staged.source,
            0,
            None,
            f"already imported as import #{result.previous_import}",
        )
    return ImportSummary(
        staged.path,
        staged.format,
        staged.source,
        staged.records,
        result.import_id,
        untitled=untitled,
        warnings=warnings,
    )


_DONE = object()


def read_ahead(items: Iterator[T], depth: int = 512) -> Iterator[T]:
    """Iterate ``items`` in a worker thread, ``depth`` items ahead of the consumer.

    Parsing (lxml, gzip) and storing (SQLite) both release the GIL for part of their work, so
    reading the next records while the current ones are written uses the second core. An
    exception in the reader is raised in the consumer at the same point of the stream.
    """
    queue: Queue = Queue(maxsize=depth)
    stop = False

    def work() -> None:
        try:
            for item in items:
                if stop:
                    return
                queue.put(item)
        except BaseException as exc:  # handed to the consumer, re-raised there
            queue.put(exc)
            return
        queue.put(_DONE)

    # in the caller's context: a reader's refusal names its commands with the project's
    # --project (errors.command_line), which a new thread's empty context has not
    worker = Thread(
        target=contextvars.copy_context().run,
        args=(work,),
        name="reviewkit-read-ahead",
        daemon=True,
    )
    worker.start()
    try:
        while True:
            item = queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop = True
        while worker.is_alive():  # unblock a reader waiting on a full queue
            while not queue.empty():
                queue.get_nowait()
            worker.join(timeout=0.05)
