"""Put report tables on disk: CSV (a file per table), XLSX (a sheet per table), Markdown, DOCX.

Every writer takes the same :class:`Table` objects, so every format shows the same numbers.
Every file is written atomically (:mod:`reviewkit.outputs`); CSV and XLSX cells that look
like formulas are neutralised, so a title such as ``=HYPERLINK(…)`` stays text in Excel.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reviewkit import markdown, outputs, safe_csv
from reviewkit.text_width import width


class Rounded(float):
    """A statistic rounded for reading, shown with all its decimals in every format (kappa
    0.500 beside 0.496, not 0.5): a column of one statistic reads alike. Still a number, so a
    spreadsheet computes with it."""

    digits: int

    def __new__(cls, value: float, digits: int) -> Rounded:
        self = super().__new__(cls, round(value, digits))
        self.digits = digits
        return self

    def __str__(self) -> str:
        return f"{float(self):.{self.digits}f}"


Cell = str | int | float  # a float may be a Rounded


@dataclass
class Table:
    """A titled table: column names, rows of cells and an optional note printed with it."""

    name: str  # short id, used for file and sheet names
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    # the XLSX sheet's name, when the short id is no name for a reader (a report table's label
    # id "team-coordinator": its name "Team plus coordinator"; "agreement": "Agreement"), as
    # every table of a workbook gives one: a tab of ids among a reader's names looks left over
    sheet: str = ""
    # the last row adds up the others (the evidence map's 'Total'): kept out of the sheet's
    # filter, so a sort leaves it under them
    total_row: bool = False


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "table"


# A CSV file is data only: a title or note row in it would be read as a study (pandas, R, a
# spreadsheet's filter). So each CSV gets its table's title and note in a text file of the same
# name beside it ("musculoskeletal.csv", "musculoskeletal.notes.txt"): a file listing shows them
# together, and a folder copied takes both. One README for the whole export folder was the
# other choice; it sits a folder away from tables/*.csv and goes stale when one file is copied.
NOTES_SUFFIX = ".notes.txt"


def notes_text(t: Table, data_file: str) -> str:
    """What a CSV's notes file says: which file, the table's title (with its n) and its note."""
    # Lines break at spaces only: a hyphenated word ("full-text", "RTW-plan") or a long DOI split
    # at its hyphen would read back as two words ("full- text").
    note = (
        textwrap.fill(t.note, 100, break_on_hyphens=False, break_long_words=False)
        if t.note
        else "No notes."
    )
    return f"{data_file}: {t.title}\n\n{note}\n"


def notes_path(csv_path: Path) -> Path:
    """The notes file that goes beside a CSV ('a.csv' -> 'a.notes.txt')."""
    return csv_path.with_name(csv_path.name.removesuffix(".csv") + NOTES_SUFFIX)


def write_notes(t: Table, csv_path: Path) -> Path:
    """The notes file beside ``csv_path`` (written every time, so none is left from an
    earlier report); returns its path."""
    return outputs.write_text(notes_path(csv_path), notes_text(t, csv_path.name))


def write_csv(tables: Sequence[Table], out_dir: Path, prefix: str = "") -> list[Path]:
    """One UTF-8 CSV per table (header row, then the rows), each with its notes file
    (:func:`write_notes`); returns the paths."""
    outputs.output_folder(out_dir)
    paths = []
    for t in tables:
        path = outputs.write_csv(out_dir / f"{prefix}{slug(t.name)}.csv", t.columns, t.rows)
        paths += [path, write_notes(t, path)]
    return paths


def _sheet_title(name: str, used: set[str]) -> str:
    """A sheet name Excel takes (31 characters, none of []:*?/\\), unique in the workbook
    (without case): a long name is cut at a word and ends in '…', so it reads as cut."""
    # nor may it begin or end with an apostrophe, nor be "History" (Excel's own sheet): Excel
    # refuses such a workbook as corrupt and "repairs" it (a label named "'Other' services")
    base = " ".join(re.sub(r"[\[\]:*?/\\]", " ", name).split()).strip("' ") or "Sheet"
    if len(base) > 31:
        base = base[:30].rsplit(" ", 1)[0].rstrip(" -,'") + "…"
    if base.lower() == "history":
        base += " (table)"
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def write_xlsx(tables: Sequence[Table], path: Path, heading: str = "") -> Path:
    """A workbook with a sheet per table, named for it (``Table.sheet``, else its id): its title
    in row 1, the header in row 2 (both bold; frozen, repeated on every printed page, with
    Excel's filter over the rows, a total row left out), the note below the rows; ``heading``
    (the review's title) is its title in Excel's File > Info, as the Word report's."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = WRITER  # openpyxl wrote its own name: Excel's Info showed it
    wb.properties.title = heading or None
    used: set[str] = set()
    for t in map(_for_xml, tables):
        ws = wb.create_sheet(_sheet_title(t.sheet or t.name, used))
        ws.append([t.title])
        ws.append(t.columns)
        for cell in (*ws[1], *ws[2]):
            cell.font = Font(bold=True)
        for row in t.rows:
            ws.append([_within_cell_limit(value) for value in row])
        if t.note:
            ws.append([])
            ws.append([_within_cell_limit(t.note)])
        ws.freeze_panes = "A3"
        ws.print_title_rows = "1:2"  # printed, every page shows them, as Word repeats its header
        filtered = len(t.rows) - (1 if t.total_row else 0)
        if filtered > 0 and t.columns:  # Excel's filter and sort buttons on the header row
            last = ws.cell(row=2, column=len(t.columns)).column_letter
            ws.auto_filter.ref = f"A2:{last}{2 + filtered}"
        for i in range(len(t.columns)):
            letter = ws.cell(row=2, column=i + 1).column_letter
            ws.column_dimensions[letter].width = min(60, max(10, _longest(t, i) + 2))
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, Rounded):  # shown as the other formats show it
                    cell.number_format = "0." + "0" * cell.value.digits
        for row in ws.iter_rows():
            for cell in row:
                _text_not_formula(cell)
    if not tables:
        wb.create_sheet("empty")
    with outputs.atomic_path(path) as tmp:
        wb.save(tmp)
    return path


# Excel holds at most 32,767 characters in a cell (Excel's specifications and limits), and
# openpyxl cuts a longer text there without a word: an evidence map's cell listing 1,500
# studies ended mid-name, the rest gone unseen (the CSV and Markdown tables keep it whole)
XLSX_CELL_LIMIT = 32_767
_CUT = (
    " … [cut here: Excel holds 32,767 characters in a cell; the report's CSV or Markdown has all]"
)


# the characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; two
# non-characters): a record's text may carry one (an escape, a vertical tab, from a terminal or a
# PDF), and openpyxl, python-docx and networkx's GraphML refuse it, ending the report. A space
# stands for it, as the readers read a form feed or vertical tab between words.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: Cell) -> Cell:
    """``value`` with each character an XML file cannot hold (:data:`_NOT_XML`) as a space."""
    return _NOT_XML.sub(" ", value) if isinstance(value, str) else value


def _for_xml(t: Table) -> Table:
    """The table as an XML file (an XLSX sheet, a Word table) can hold its text."""
    return replace(
        t,
        title=xml_text(t.title),
        columns=[xml_text(c) for c in t.columns],
        rows=[[xml_text(v) for v in row] for row in t.rows],
        note=xml_text(t.note),
    )


def _within_cell_limit(value: Cell) -> Cell:
    """``value``, a text longer than a cell holds cut to fit with a note at its end saying so."""
    if isinstance(value, str) and len(value) > XLSX_CELL_LIMIT:
        return value[: XLSX_CELL_LIMIT - len(_CUT)] + _CUT
    return value


def _longest(t: Table, i: int) -> int:
    """The width of column ``i``'s widest cell, its header's too, as a sheet or a page shows
    it: a cell's longest line (a 'Reports' cell has a reference a line), a wide CJK character
    counting two (:func:`reviewkit.text_width.width`)."""
    cells = [t.columns[i], *(r[i] for r in t.rows if i < len(r))]
    return max(width(line) for cell in cells for line in str(cell).split("\n"))


def _text_not_formula(cell) -> None:  # noqa: ANN001 (an openpyxl cell)
    """openpyxl makes every string starting with '=' a formula; a formula-looking text becomes
    a text cell with Excel's quote prefix: shown unchanged, never evaluated (OWASP)."""
    if safe_csv.looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def markdown_table(t: Table) -> str:
    lines = [
        "| " + " | ".join(markdown.cell(c) for c in t.columns) + " |",
        "|" + "|".join(" --- " for _ in t.columns) + "|",
    ]
    lines += ["| " + " | ".join(markdown.cell(c) for c in row) + " |" for row in t.rows]
    if not t.rows:
        lines.append("| " + " | ".join(["—"] + [""] * (len(t.columns) - 1)) + " |")
    return "\n".join(lines)


def write_markdown(
    tables: Sequence[Table], path: Path, heading: str = "", images: Sequence[tuple[str, Path]] = ()
) -> Path:
    """One Markdown file: a section per table, then the images (linked relative to the file)."""
    parts = [markdown.heading(1, heading) + "\n"] if heading else []
    for t in tables:
        parts.append(markdown.heading(2, t.title) + "\n")
        if t.note:
            parts.append(f"{markdown.text(t.note)}\n")
        parts.append(markdown_table(t) + "\n")
    for caption, image in images:
        rel = os.path.relpath(image, path.parent)
        parts.append(f"## {caption}\n\n![{caption}]({rel})\n")
    return outputs.write_text(path, "\n".join(parts))


def _column_weights(t: Table) -> list[int]:
    """Each column's share of the width: its longest cell (at least 12, at most 40 characters: a
    page is narrower than a sheet), so an Aim column is not as narrow as a Study column."""
    return [min(40, max(12, _longest(t, i) + 2)) for i in range(len(t.columns))]


def _fit_columns(table, t: Table, text_width: int) -> None:  # noqa: ANN001 (a docx table)
    """Column widths in proportion to their text (python-docx leaves every column equal)."""
    weights = _column_weights(t)
    table.autofit = False
    for column, weight in zip(table.columns, weights, strict=True):
        w = int(text_width * weight / sum(weights))
        column.width = w  # the grid (LibreOffice reads it) and each cell (Word reads those)
        for cell in column.cells:
            cell.width = w


def _repeat_as_header(row) -> None:  # noqa: ANN001 (a docx table row)
    """Word repeats this row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement

    flag = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(flag)


WRITER = outputs.WRITER  # a Word or Excel file's author (File > Info)


def _describe(doc, title: str) -> None:  # noqa: ANN001 (a python-docx Document)
    """The document's properties as Word shows them (File > Info). python-docx's template
    carries its own: author 'python-docx', comments 'generated by python-docx' and 23 December
    2013 as the date created and modified, so every report said it was made in 2013."""
    from datetime import UTC, datetime

    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.author = props.last_modified_by = WRITER
    props.title = title
    props.comments = ""
    props.created = props.modified = now
    props.revision = 1


# A4, the paper the PRISMA figure is drawn for and that nearly every country outside North
# America prints on (python-docx's template is US Letter, 21.59 x 27.94 cm)
_A4_CM = (21.0, 29.7)
# room a figure leaves on its page for its heading (Heading 2: 13 pt and the space above it), so
# the heading is not left alone at the foot of the page before
_HEADING_CM = 2.0


def _a4(section, landscape: bool) -> None:  # noqa: ANN001 (a python-docx Section)
    """An A4 page, turned when the tables are wide, with 2 cm side margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    width, height = Cm(_A4_CM[0]), Cm(_A4_CM[1])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.left_margin = section.right_margin = Cm(2)


def _add_figures(doc, images: Sequence[tuple[str, Path]]) -> None:  # noqa: ANN001 (a Document)
    """The figures on portrait pages (a new section after turned table pages), each as large as
    its page allows: on a page turned for a wide table the PRISMA diagram (A4 portrait, 17 x 24
    cm at text width) ran 7 cm past the page's foot, where Word cuts an inline picture off."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm, Emu

    section = doc.sections[-1]
    if section.orientation == WD_ORIENT.LANDSCAPE:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        _a4(section, landscape=False)
    room_w = min(section.page_width - section.left_margin - section.right_margin, Cm(17))
    room_h = section.page_height - section.top_margin - section.bottom_margin - Cm(_HEADING_CM)
    for caption, image in images:
        doc.add_heading(caption, level=2)
        picture = doc.add_picture(str(image), width=room_w)
        # its alternative text (Word's accessibility checker flagged it missing; a screen
        # reader said "Picture 1"), as the Markdown report's image text
        picture._inline.docPr.set("descr", caption)
        if picture.height > room_h:  # a tall figure: as high as the page allows, width in step
            picture.width = Emu(int(picture.width * room_h / picture.height))
            picture.height = Emu(room_h)


def write_docx(
    tables: Sequence[Table], path: Path, heading: str = "", images: Sequence[tuple[str, Path]] = ()
) -> Path:
    """A Word document on A4: a heading and a grid table per table (on turned pages when a table
    has more than four columns), then the images, each whole on portrait pages."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    _describe(doc, heading)
    section = doc.sections[0]
    _a4(section, landscape=any(len(t.columns) > 4 for t in tables))
    doc.styles["Normal"].font.size = Pt(9)
    width = section.page_width - section.left_margin - section.right_margin  # the text's width
    if heading:
        doc.add_heading(heading, level=1)
    for t in map(_for_xml, tables):
        doc.add_heading(t.title, level=2)
        if t.note:
            doc.add_paragraph(t.note)
        table = doc.add_table(rows=1, cols=len(t.columns))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, t.columns, strict=True):
            cell.text = str(name)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        _repeat_as_header(table.rows[0])
        for row in t.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=False):
                cell.text = str(value)
        _fit_columns(table, t, width)
    if images:
        _add_figures(doc, images)
    with outputs.atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path
