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

Spreadsheet safety (OWASP "CSV injection"): a text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is a formula to Excel and LibreOffice. :func:`neutralise`
puts an apostrophe in front of such a cell in every CSV reviewkit writes; :func:`restore`
takes it off again when reviewkit reads its own CSV back, so a round trip changes nothing.
Plain numbers (``-0.35``, ``+2``) are left alone: they cannot be formulas. The database, RIS
and BibTeX keep the text exactly as it was. XLSX cells are written as text cells with Excel's
own "quote prefix" flag instead, so the cell shows the text unchanged and is never evaluated.
"""

from __future__ import annotations

import csv
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from reviewkit.errors import OutputError
from reviewkit.files import NUMBERS_KIND, ODS_KIND, PNG, SQLITE, XLSX_KIND, binary_kind

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The columns of the sheets reviewkit writes of a project's own records, for a person and for
# another command to read back: the extraction sheet ('extract export', its fields after
# these), dedup's queue ('dedup review --csv', each record's fields after these) and its
# clusters ('dedup report --csv'). import tells them from a database's CSV export by their
# first columns (formats.not_export): importing one copies the project's records into it.
EXTRACTION_SHEET_COLUMNS = ("record_id", "study", "report", "title")
# the extraction sheet's last column, after its fields: what each row showed when it was
# written, for 'extract import' to tell a cell left alone from one typed (reviewkit.sheet_mark)
EXTRACTION_MARK_COLUMN = "as_exported"
QUEUE_SHEET_COLUMNS = ("record_a", "record_b", "score", "rule", "verdict", "guard_reason")
CLUSTERS_SHEET_COLUMNS = (
    "cluster",
    "record_id",
    "canonical",
    "source",
    "origin",
    "title",
    "year",
    "doi",
    "pmid",
    "linked_by",
)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


# --- spreadsheet safety ----------------------------------------------------------------------


def looks_like_formula(value: object) -> bool:
    """True for a text that Excel or LibreOffice would evaluate when the file is opened."""
    return (
        isinstance(value, str)
        and value[:1] in FORMULA_START
        and not _NUMBER.fullmatch(value.strip())
    )


def neutralise(value: Any) -> Any:
    """The cell as it goes into a CSV: formula-looking text gets a leading apostrophe (OWASP)."""
    return "'" + value if looks_like_formula(value) else value


def restore(value: str) -> str:
    """Undo :func:`neutralise` on a cell read back from a CSV reviewkit wrote."""
    if value[:1] == "'" and looks_like_formula(value[1:]):
        return value[1:]
    return value


class SafeCsvWriter:
    """``csv.writer`` whose cells go through :func:`neutralise`; the one CSV writer for output."""

    def __init__(self, fh: TextIO, **kwargs: Any) -> None:
        self._writer = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(c) for c in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(fh: TextIO, **kwargs: Any) -> SafeCsvWriter:
    """A CSV writer safe to open in a spreadsheet (see the module docstring)."""
    return SafeCsvWriter(fh, **kwargs)


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


# Endings of kinds of file that are never text. A text output (CSV, RIS, BibTeX, JSON lines,
# Markdown) named so is opened by the program the ending names, which refuses it or shows it
# garbled (Excel: "the file format and extension don't match"; reviewkit's readers too take a
# '.xlsx' for a workbook), so a sheet meant for Excel is written as .csv, which Excel opens.
_XLS_KIND = "an Excel 97-2003 workbook (.xls)"
_SHEET_KINDS = {XLSX_KIND, ODS_KIND, NUMBERS_KIND, _XLS_KIND}  # for these Excel opens a .csv
_NOT_TEXT_ENDINGS = {
    ".xlsx": XLSX_KIND,
    ".xlsm": XLSX_KIND,
    ".xls": _XLS_KIND,
    ".ods": ODS_KIND,
    ".numbers": NUMBERS_KIND,
    ".docx": "a Word document (.docx)",
    ".doc": "a Word 97-2003 document (.doc)",
    ".odt": "an OpenDocument text (.odt)",
    ".pdf": "a PDF document",
    ".png": "a PNG image",
    ".jpg": "a JPEG image",
    ".jpeg": "a JPEG image",
    ".gif": "a GIF image",
    ".zip": "a zip archive",
    ".gz": "a gzip-compressed file",
    ".sqlite": "an SQLite database",
    ".db": "a database",
}


def check_text_output(path: str | Path, writes: str, endings: tuple[str, ...]) -> None:
    """OutputError when a text output (``writes``: 'CSV', 'JSON lines', …) is named with the
    ending of a kind that is never text, or names an existing file of such a kind (by its
    signature, :func:`reviewkit.files.binary_kind`), which the text would replace: a figure,
    a PDF, a workbook. ``endings``: what the file may be named instead ('.csv')."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            there = binary_kind(fh.read(4096))
    except OSError:  # missing (the usual case), or not readable: nothing of it to lose
        there = ""
    suffix = path.suffix.lower()
    kind = _NOT_TEXT_ENDINGS.get(suffix, "")
    if not there and not kind:
        return
    if there:
        what = f"{path} is {there}, which {writes} written here would replace"
    else:
        what = f"{path.name} ends in {suffix}, the ending of {kind}, but this writes {writes}"
    names = [str(path.with_suffix(e)) for e in endings]  # in the folder given: a name alone
    # would be written to the current folder
    better = " or ".join(filter(None, (", ".join(names[:-1]), names[-1])))
    spreadsheet = " (Excel opens a .csv)" if ".csv" in endings and kind in _SHEET_KINDS else ""
    raise OutputError(
        what, where=str(path), hint=f"nothing was written; name the file {better}{spreadsheet}"
    )


def check_figure_output(path: str | Path) -> None:
    """OutputError when a PNG figure's ``path`` is an existing file that is no PNG image (a
    PDF, a sheet, any text): the figure would replace it. An existing PNG is the figure of an
    earlier run and is drawn again; an empty file holds nothing to lose."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:  # missing (the usual case), or not readable: nothing of it to lose
        return
    if not head or head.startswith(PNG):
        return
    there = binary_kind(head) or "a file that is no PNG image"
    raise OutputError(
        f"{path} is {there}, which the PNG figure written here would replace",
        where=str(path),
        hint="nothing was written; name another file, e.g."
        f" {path.with_name(path.with_suffix('').name + '-recall.png')}",  # in the folder given
    )


def check_not_input(path: str | Path, given: str | Path, option: str) -> None:
    """OutputError when the output ``path`` is the file the command reads (``given``, a
    dataset or a gold set; the same file by another name or link too): the output replaced it
    once the command had read it, and the labelled set was lost."""
    try:
        same = Path(path).resolve() == Path(given).resolve() or os.path.samefile(path, given)
    except OSError:  # the output does not exist yet (the usual case)
        same = False
    if same:
        raise OutputError(
            f"{option} names {given}, the file this command reads: writing would replace it",
            where=str(path),
            hint=f"nothing was written; name another file, e.g. {_beside(Path(path))}",
        )


def _beside(path: Path) -> str:
    """A name for an output next to ``path``: 'set-out.csv' for 'set.csv'."""
    return str(path.with_name(f"{path.stem}-out{path.suffix}"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temp_next_to(path: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name[:80]}.", suffix=f".part{path.suffix}", dir=path.parent
        )
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
        os.chmod(tmp, 0o666 & ~_umask())
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
