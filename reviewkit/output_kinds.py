"""An output named as, or over, a file it must not replace: a text output with the ending of
a kind that is never text or over such a file, a CSV under another ending, a figure over a
file that is no PNG, an output over the very file the command reads. Each refuses with an
OutputError before anything is written; the writing itself: :mod:`reviewkit.outputs`.
"""

from __future__ import annotations

import os
from pathlib import Path

from reviewkit.errors import OutputError
from reviewkit.files import NUMBERS_KIND, ODS_KIND, PNG, XLSX_KIND, binary_kind

# Endings of kinds of file that are never text. A text output (CSV, RIS, BibTeX, JSON lines,
# Markdown) named so is opened by the program the ending names, which refuses it or shows it
# garbled (Excel: "the file format and extension don't match"; reviewkit's readers too take a
# '.xlsx' for a workbook), so a sheet meant for Excel is written as .csv, which Excel opens.
_XLS_KIND = "an Excel 97-2003 workbook (.xls)"
# A spreadsheet opens a text file by its ending: .txt and .tsv as tab-separated (Excel saves
# "Text (Tab delimited)" as .txt, and its import wizard starts set to tabs), so a CSV named so
# shows every row in one column.
_TEXT_READ_AS = dict.fromkeys((".txt", ".tsv", ".tab"), "tab-separated text, each row in one cell")
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


def check_ending(path: str | Path, writes: str, endings: tuple[str, ...]) -> None:
    """OutputError when ``path`` has an ending that is none of ``endings`` (a text output
    whose name must say its kind: a CSV sheet). A name with no ending (a bare name, a device
    such as /dev/full) claims no kind and passes; ``endings`` are lower case."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not suffix or suffix in endings:
        return
    names = " or ".join(str(path.with_suffix(e)) for e in endings)
    read_as = _TEXT_READ_AS.get(suffix, "") if ".csv" in endings else ""
    why = f" (a spreadsheet opens a {suffix} as {read_as})" if read_as else ""
    raise OutputError(
        f"{path} ends in {suffix}, but this writes {writes}{why}",
        where=str(path),
        hint=f"nothing was written; name the file {names}",
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
