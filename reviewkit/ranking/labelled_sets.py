"""Reading a labelled screening set for ``reviewkit simulate``: CSV, TSV, Excel or RIS.

What ``asreview simulate`` reads, we read the same way where it matters for the figures:

* **CSV / TSV** (separator from the header line, :mod:`reviewkit.formats.csv_read`): the text is
  ``title`` (required), ``abstract`` and ``keywords`` (optional), the label in one column
  (default ``label_included``, as in the SYNERGY and ASReview benchmark sets; other columns such
  as ``doi``, ``openalex_id`` or ``publication_year`` are ignored).
* **Excel** (.xlsx): the first worksheet, read as a CSV table, its rows numbered as Excel
  shows them (:func:`reviewkit.formats.xlsx.dict_rows`).
  ASReview reads the worksheet whose columns fit best; we read the first.
* **RIS** with ASReview's labels: ``ASReview_relevant`` / ``ASReview_irrelevant`` in a note
  (``N1``), as ASReview exports them and reads them back; ``--label-column`` does not apply.
* **Missing values.** A cell that is exactly a missing-value marker a program writes (pandas'
  ``nan``, ``NaN``, ``None``, ``<NA>``; R's ``NA``; Excel's ``#N/A``; ``null``) is empty, as
  pandas (ASReview's reader) reads it: an abstract saved as ``nan`` must not become the word
  "nan" that every record without an abstract shares.
* **Labels**: 1 / 0 (also 1.0 / 0.0, a spreadsheet's numbers), yes / no, y / n (ASReview's
  ``standardize_included_label``) and true / false (a pandas bool column saved as CSV), in any
  case. ASReview takes only lower-case yes / no / y / n. Every record must be labelled; a set
  needs at least two includes (one is the prior, one is left to find) and one exclude.
* Rows are kept as they are: a record given twice is two records (``asreview simulate``
  groups identical records only with ``--group-similar-records``).
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reviewkit.errors import UserError
from reviewkit.files import check_regular
from reviewkit.formats.csv_read import read_sheet
from reviewkit.formats.filled_sheet import FilledSheet, sheet_rows, text_rows
from reviewkit.formats.read_warnings import ReadWarning
from reviewkit.formats.text_sniff import sniff
from reviewkit.formats.workbook_sniff import is_workbook, is_zip, refuse_xls
from reviewkit.ranking.ranker import record_text
from reviewkit.wording import listed

__all__ = ["LabelledSet", "label_value", "load_labelled_set", "missing"]


@dataclass(frozen=True)
class LabelledSet:
    """Texts and 0/1 labels of a labelled screening dataset."""

    name: str
    texts: list[str]
    labels: np.ndarray  # int8, 1 = include
    warnings: tuple[ReadWarning, ...] = ()  # of reading it (a header below title rows)


# whole cells that programs write for a missing value (pandas' default na_values among them)
_MISSING = frozenset({"nan", "-nan", "none", "null", "na", "n/a", "<na>", "#n/a", "#na"})
# ASReview's standardize_included_label (yes/no/y/n) and a saved pandas bool column (True/False)
_LABELS = {"1": 1, "0": 0, "yes": 1, "no": 0, "y": 1, "n": 0, "true": 1, "false": 0}
# a note's tag as the RIS reader takes it: 'N1  - ' (two spaces) or, from a few exporters, one
_ASREVIEW_NOTE = re.compile(r"^N1 {1,2}- .*?ASReview_(relevant|irrelevant|not_seen)", re.M)


def missing(cell: str | None) -> str:
    """``cell`` stripped, or "" when it is empty or a missing-value marker (see module doc)."""
    text = (cell or "").strip()
    return "" if text.lower() in _MISSING else text


def label_value(cell: str | None) -> int | None:
    """1 (include), 0 (exclude) or None (empty or not a label) of a label cell."""
    text = missing(cell).lower()
    if text in _LABELS:
        return _LABELS[text]
    try:  # 1.0, 0.0 (a spreadsheet's numbers); not 0.6, inf or nan
        number = float(text)
    except ValueError:
        return None
    return int(number) if number in (0.0, 1.0) and math.isfinite(number) else None


def _label_error(value: str, where: str) -> UserError:
    empty = not missing(value)
    return UserError(
        f"label '{value}' is not 0 or 1" if not empty else "the record has no label",
        where=where,
        hint="a simulation needs every record labelled (1 include, 0 exclude);"
        " an export with records nobody screened yet cannot be simulated"
        if empty
        else "use 1 (or yes, true) for an include and 0 (or no, false) for an exclude",
    )


def _used(label_column: str) -> tuple[str, ...]:
    """The columns a labelled set is read by, named in any case, as ASReview finds them
    (asreview.io.utils.type_from_column lowers the name): Excel users and exports write 'Title'
    and 'Abstract'; 'Title' was refused as no 'title' column, and 'Abstract' beside 'title' was
    ignored without a word, every record ranked by its title alone."""
    return ("title", "abstract", "keywords", label_column)


def _csv_rows(
    found: FilledSheet, where: str, label_column: str
) -> tuple[list[str], list[int], str, tuple[ReadWarning, ...]]:
    """Texts and labels of a CSV sheet's or an Excel worksheet's rows (their names in lower
    case, each numbered by its line or worksheet row), the label's name in messages, and the
    warnings of reading the sheet (said before a refusal too: FilledSheet.refusing)."""
    with found.refusing():
        return _labelled(found, where, label_column)


def _labelled(
    found: FilledSheet, where: str, label_column: str
) -> tuple[list[str], list[int], str, tuple[ReadWarning, ...]]:
    columns, rows = found.header, found.rows
    label_name = label_column.lower()
    header = f"{where}:{found.header_line}"  # a missing column is named at the header's line
    if "title" not in columns:
        raise UserError(
            "no 'title' column",
            where=header,
            hint=f"the columns are: {listed(columns, 12)}; the records need titles to be ranked",
        )
    if label_name not in columns:
        label_like = [c for c in columns if "label" in c.lower() or "includ" in c.lower()]
        raise UserError(
            f"no label column '{label_column}'",
            where=header,
            hint=f"choose one with --label-column: {', '.join(label_like) or 'none looks like a label'}",
        )
    texts, labels = [], []
    for line, row in rows:
        value = row.get(label_name) or ""
        label = label_value(value)
        if label is None:
            raise _label_error(value.strip(), f"{where}:{line}")
        texts.append(record_text(*(missing(row.get(c)) for c in ("title", "abstract", "keywords"))))
        labels.append(label)
    return texts, labels, f"'{label_column}'", found.warnings


def _ris_rows(text: str, where: str) -> tuple[list[str], list[int]]:
    """Texts and labels of a RIS text whose notes hold ASReview's labels."""
    from reviewkit.formats import ris  # rispy and the record model: for a RIS file only

    texts, labels = [], []
    for record in ris.read(text, where):
        note = _ASREVIEW_NOTE.search(record.raw)
        if note is None or note.group(1) == "not_seen":
            raise UserError(
                f"record {record.position} ({record.title[:60] or 'no title'}) has no label",
                where=where,
                hint="label every record with a note (N1) 'ASReview_relevant' or"
                " 'ASReview_irrelevant', as ASReview exports them; records nobody screened"
                " ('ASReview_not_seen') cannot be simulated",
            )
        keywords = "; ".join(record.keywords + record.mesh_terms)
        texts.append(record_text(missing(record.title), missing(record.abstract), keywords))
        labels.append(1 if note.group(1) == "relevant" else 0)
    return texts, labels


def _read_rows(
    path: Path, label_column: str
) -> tuple[list[str], list[int], str, tuple[ReadWarning, ...]]:
    """Texts, labels, the label's name in messages and the warnings of reading the set. The
    header of a sheet is its first row naming the title and label columns, below a note or a
    title typed above it (:func:`~reviewkit.formats.filled_sheet.sheet_rows`)."""
    where = str(path)
    with path.open("rb") as fh:
        head = fh.read(4096)
    refuse_xls(head, where)  # .xls and password-protected workbooks: named, with the fix
    needed, used = ("title", label_column), _used(label_column)
    if is_zip(head) and is_workbook(where):
        # rows numbered as Excel shows them (the text's lines were named: a blank row above the
        # header or a cell of three lines put a bad label two lines off)
        found = sheet_rows(path, "the labelled records", needed, used=used)
        return _csv_rows(found, where, label_column)
    if is_zip(head) and _asreview_project(path):
        raise UserError(
            "this is an ASReview project file (.asreview), not a labelled dataset",
            where=where,
            hint="in ASReview, download the project's dataset with its labels (CSV, TSV, Excel"
            " or RIS) and simulate that file",
        )
    # read by content, whatever the file's name (a CSV saved as .txt is a CSV), as every CSV
    # sheet is (formats.csv_read): another binary file named by its kind, byte-order marks,
    # not UTF-8, NUL bytes, an empty file, Excel's 'sep=' line, a repeated header, a ragged
    # row, a quote never closed: errors with lines
    text = read_sheet(path)
    if sniff("ris", text):
        return *_ris_rows(text, where), "the RIS notes' label", ()
    return _csv_rows(text_rows(text, where, needed, used=used), where, label_column)


def _asreview_project(path: Path) -> bool:
    """Whether a zip archive is an ASReview project file: ASReview's export of a project is a
    zip with its 'project.json' at the top, beside the data and the reviews' state."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "project.json" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def load_labelled_set(path: Path, label_column: str = "label_included") -> LabelledSet:
    """Read a labelled set (CSV, TSV, Excel or RIS; see the module docstring); UserError
    (file, line or record, what to do) on bad input."""
    where = str(path)
    # a folder, or a pipe that would wait forever: refused
    check_regular(path, "labelled CSV, TSV, Excel or RIS file")
    texts, labels, named, said = _read_rows(path, label_column)
    y = np.asarray(labels, dtype=np.int8)
    if not y.any():
        raise UserError(
            f"no includes: {named} is never 1",
            where=where,
            hint="nothing to find; check the label column",
        )
    if y.all():
        raise UserError(
            f"no excludes: {named} is always 1",
            where=where,
            hint="a simulation measures how early the includes come among excludes: check"
            " the label column (--label-column), and give a set with excludes (0)",
        )
    if int(y.sum()) < 2:
        raise UserError(
            "only one include: recall after the prior include is undefined",
            where=where,
            hint="a simulation needs two includes or more: one is given as the prior, the"
            " others are to be found",
        )
    return LabelledSet(path.name, texts, y, said)
