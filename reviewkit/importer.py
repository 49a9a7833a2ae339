"""Importing reference files into a project: one transaction for the whole command.

If any file fails, nothing of any file is stored and the error names the file and line. A file
already imported (same SHA-256) is skipped unless ``again`` is set, so rerunning an import
command is harmless.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import TypeVar

from reviewkit import formats
from reviewkit.errors import FormatError
from reviewkit.store import Store
from reviewkit.store import records as record_rows
from reviewkit.store.records import RecordRow

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


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


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
    """Read every file and store its records, all or nothing. Returns one summary per file."""
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise FormatError("no such file", where=str(path))
    summaries: list[ImportSummary] = []
    done = 0
    with db.transaction():
        for path in files:
            digest = sha256_of(path)
            previous = record_rows.find_import_by_hash(db, digest)
            if previous and not again:
                summaries.append(
                    ImportSummary(
                        str(path),
                        previous.format,
                        previous.source,
                        0,
                        None,
                        f"already imported as import #{previous.id} on {previous.imported_at[:10]}",
                    )
                )
                continue
            file_format = formats.normalise_format(fmt) if fmt else formats.detect(path)
            # rows are made where the records are read (worker processes for large XML files)
            rows = formats.read_file(
                path,
                fmt=file_format,
                source=source,
                mapping=mapping,
                encoding=encoding,
                prepare=record_rows.record_row,
            )
            first = next(rows, None)
            if first is None:
                raise FormatError(
                    "the file holds no records",
                    where=str(path),
                    hint="leave it out of the command (nothing of the other files was stored)",
                )
            import_id = record_rows.add_import(
                db, source=first.source, path=str(path), fmt=file_format, sha256=digest
            )

            def counted(stream: Iterator[RecordRow]) -> Iterator[RecordRow]:
                nonlocal done
                for rec in stream:
                    done += 1
                    if progress and done % 250 == 0:
                        progress(done, 0)
                    yield rec

            stream = read_ahead(chain([first], rows))
            ids = record_rows.add_records(db, counted(stream), import_id=import_id)
            record_rows.finish_import(db, import_id, len(ids))
            summaries.append(
                ImportSummary(str(path), file_format, first.source, len(ids), import_id)
            )
    if progress:
        progress(done, done)
    return summaries


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

    worker = Thread(target=work, name="reviewkit-read-ahead", daemon=True)
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
