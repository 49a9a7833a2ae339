"""Writing output files: all at once or not at all, one clear error, safe to open in a spreadsheet.

Every file reviewkit writes (reports, exports, CSVs, figures, decision logs) goes through
:func:`atomic_path` or :func:`write_text`: the content is written to a hidden temporary file in
the target's own folder and renamed over the target only when it is complete, so a failure
(a full disk, a killed process) never leaves a half-written, empty or ``.part`` file behind.
Any ``OSError`` becomes an :class:`~reviewkit.errors.OutputError` naming the path.

Rule for paths, one for every output: a *folder* the user names (``--out DIR``) is created when
missing, and so is the folder of a *file* the user names (``--csv exports/x.csv``), as ``mkdir
-p`` would. The folder of a file is created only when the file is written (by
:func:`atomic_path`), so a command that fails first (bad input, an unknown reviewer) leaves no
new folder behind, and a write that fails removes the folders it created. :func:`check_output`
checks such a path without creating anything. An existing target that is not a regular file
(``/dev/null``, a named pipe) is written in place, never replaced.

CSV cells safe in a spreadsheet: :mod:`reviewkit.safe_csv`; the columns of the sheets of a
project's records: :mod:`reviewkit.sheet_columns`; an output name that would replace what it
must not: :mod:`reviewkit.output_kinds`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from reviewkit.errors import OutputError
from reviewkit.files import SQLITE
from reviewkit.safe_csv import csv_writer
from reviewkit.temp_files import new_beside

# --- errors ----------------------------------------------------------------------------------

_MESSAGES = {
    errno.ENOENT: "the folder it goes into does not exist",
    errno.ENOTDIR: "a part of this path is a file, not a folder",
    errno.EISDIR: "this is a folder; give a file name",
    errno.EACCES: "permission denied: cannot write here",
    errno.EPERM: "permission denied: cannot write here",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENAMETOOLONG: "the file name is too long",
}


def output_error(path: str | Path, exc: OSError) -> OutputError:
    """An OSError met while writing ``path`` as the one-line error users see (exit 2)."""
    message = _MESSAGES.get(exc.errno or 0, exc.strerror or str(exc))
    hint = "nothing was written; choose another path or fix the folder and run the command again"
    if exc.errno == errno.ENOENT:
        # output folders are created before the write, so a missing one went away in between
        hint = (
            f"the folder {Path(path).parent} was removed or renamed while the file was being"
            " written; nothing was written; run the command again"
        )
    return OutputError(f"cannot write the file: {message}", where=str(path), hint=hint)


# --- folders and atomic files ----------------------------------------------------------------


def given_path(path: str | Path) -> Path:
    """``path`` as a Path; an empty one (``--out ''``, an unset shell variable) is refused with
    OutputError: ``Path('')`` is the current folder, where the output would land unasked for."""
    if not str(path).strip():
        raise OutputError(
            "an empty output path",
            where="''",
            hint="name the file or folder to write",
        )
    return Path(path)


def output_folder(path: str | Path) -> Path:
    """Make sure the folder ``path`` exists (created with its parents); refuses a file there."""
    path = given_path(path)
    _refuse_file_as_folder(path)
    _mkdir(path, path)
    return path


def _refuse_file_as_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise OutputError(
            "cannot write into this folder: it is a file",
            where=str(path),
            hint="give a folder name with --out",
        )


def _mkdir(folder: Path, where: Path) -> None:
    """Create ``folder`` with its parents; an error names ``where`` (the path the user gave)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a part of it is a file
        raise output_error(where, OSError(errno.ENOTDIR, "not a folder")) from None
    except OSError as exc:
        raise output_error(where, exc) from None


def check_folder(path: str | Path) -> Path:
    """Fail now if the folder ``path`` could not be created or written into (without creating
    it): it, or the nearest part of it that exists, must be a folder."""
    path = given_path(path)
    _refuse_file_as_folder(path)
    _check_creatable(path, path)
    return path


def check_output(path: str | Path) -> Path:
    """Fail now, before any work, if ``path`` cannot be written (by creating and removing a
    temporary file next to it; when its folder is missing, by checking that the folder could
    be created, without creating it). Commands that also change the database call this first."""
    path = given_path(path)
    _check_target(path)
    if not path.parent.exists():
        return path
    if not path.exists() or stat.S_ISREG(path.stat().st_mode):
        _temp_next_to(path).unlink()
    return path


def _check_target(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        _check_creatable(parent, path)
    elif not parent.is_dir():
        raise output_error(path, OSError(errno.ENOTDIR, "not a folder"))
    if path.is_dir():
        raise output_error(path, OSError(errno.EISDIR, "is a folder"))
    _refuse_project_file(path)


def _check_creatable(folder: Path, where: Path) -> None:
    """``folder`` could be created or written into: the nearest part of it that exists is a
    folder we may write into. An error names ``where`` (the path the user gave)."""
    existing = next((p for p in (folder, *folder.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        raise output_error(where, OSError(errno.ENOTDIR, "not a folder"))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise output_error(where, OSError(errno.EACCES, "permission denied"))


def _make_parents(path: Path) -> list[Path]:
    """Create the missing folders above ``path``; returns them, the deepest first. When one
    cannot be made, those made before it are removed again."""
    missing, folder = [], path.parent
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    try:
        for folder in reversed(missing):  # the outermost first, to know which were made
            _mkdir(folder, path)
            made.insert(0, folder)
    except OutputError:
        _remove_folders(made)
        raise
    return missing


def _remove_folders(folders: list[Path]) -> None:
    """Remove the folders a failed write created (deepest first), if they are still empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE)) == SQLITE
    except OSError:
        return False


def _refuse_project_file(path: Path) -> None:
    """Refuse to replace a database (a project's review.sqlite, or its -wal/-shm file) or an
    existing TOML file (a protocol, a keymap) with an export: no output of reviewkit is either,
    so such a path is a slip of the keyboard or of tab completion that would destroy the
    project (the atomic rename would put the export in the database's place)."""
    companion = next((s for s in _SQLITE_COMPANIONS if path.name.endswith(s)), "")
    if companion and _is_sqlite(path.with_name(path.name.removesuffix(companion))):
        what = f"the {companion[1:]} file of an SQLite database"  # there or not: SQLite reads it
    elif path.is_file() and _is_sqlite(path):
        what = "an SQLite database (a project's review.sqlite?)"
    elif path.is_file() and path.suffix.lower() == ".toml":
        what = "a TOML file (a protocol or a keymap?)"
    else:
        return
    raise OutputError(
        f"will not write over {what}",
        where=str(path),
        hint="nothing was written; give the output file another name",
    )


def _temp_next_to(path: Path) -> Path:
    """An empty file beside ``path`` with a new file's mode (what the rename gives ``path``)."""
    try:
        fd, name = new_beside(path, prefix=f".{path.name[:80]}.", suffix=f".part{path.suffix}")
        os.close(fd)
    except OSError as exc:
        raise output_error(path, exc) from None
    return Path(name)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path next to ``path``; renamed onto ``path`` when the block ends without
    an error, removed when it fails. Errors become :class:`OutputError`. The temporary name
    keeps the suffix, so libraries that choose the format from it (matplotlib) still work.
    A missing folder of ``path`` is created, and removed again when the block fails."""
    path = given_path(path)
    _check_target(path)
    created = _make_parents(path)
    try:
        with _atomic_in_place_or_renamed(path) as target:
            yield target
    except BaseException:
        _remove_folders(created)
        raise


@contextmanager
def _atomic_in_place_or_renamed(path: Path) -> Iterator[Path]:
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        try:  # a device or a pipe: written in place, never replaced
            yield path
        except OSError as exc:
            raise output_error(path, exc) from None
        return
    tmp = _temp_next_to(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise output_error(path, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def open_atomic(path: str | Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """A UTF-8 text file opened for writing through :func:`atomic_path`."""
    with atomic_path(path) as tmp:
        try:
            fh = open(tmp, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
        except OSError as exc:
            raise output_error(path, exc) from None
        with fh:
            yield fh


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; returns the path."""
    with open_atomic(path, newline="") as fh:
        fh.write(text)
    return Path(path)


# the program named as a file's author or creator (Word's and Excel's File > Info, an SVG's
# or a PNG's properties): no person wrote the file, and the libraries named themselves
WRITER = "reviewkit"


def write_csv(path: str | Path, header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> Path:
    """A UTF-8 CSV file, written atomically, with formula-looking cells neutralised."""
    with open_atomic(path, newline="") as fh:
        w = csv_writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return Path(path)
