"""The report's files as their readers see them: a printed sheet of report.xlsx repeats its
title and header rows on every page, as report.docx repeats a table's header row; a cell of
report.md renders as the text it holds (a GitHub-flavoured Markdown reader, markdown-it's
table rule), a backslash before a pipe included."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from openpyxl import load_workbook

from reviewkit.reports.writers import Table, markdown_table, write_xlsx

TEXTS = [
    "Work | health",  # a pipe in a study's title
    "Return\\|work",  # a backslash before it (a title as a database exported it)
    "C:\\data\\",  # a backslash at the end of the cell
    "Long-term sick leave \\ disability",  # one between words
]


def _cells(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    inline = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "td_open"]
    return ["".join(c.content for c in cell.children or []) for cell in inline]  # as rendered


def test_a_markdown_cell_shows_the_text_it_holds() -> None:
    table = Table("t", "Titles", ["Title", "Year"], [[text, 2020] for text in TEXTS])
    assert _cells(markdown_table(table)) == [c for text in TEXTS for c in (text, "2020")]


def test_a_printed_sheet_repeats_its_title_and_header_rows(tmp_path: Path) -> None:
    """Excel's 'Rows to repeat at top': a table printed over several pages shows what each
    column is on every page (it did on the first only)."""
    rows = [[f"Study {i}", 2000 + i % 20] for i in range(200)]
    tables = [Table("a", "A (n = 200)", ["Study", "Year"], rows), Table("b", "B", ["X"], [])]
    book = load_workbook(write_xlsx(tables, tmp_path / "report.xlsx"))
    assert [ws.print_title_rows for ws in book.worksheets] == ["$1:$2", "$1:$2"]
