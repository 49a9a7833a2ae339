"""The report's files as their readers see them: a printed sheet of report.xlsx repeats its
title and header rows on every page, as report.docx repeats a table's header row; a cell of
report.md renders as the text it holds (a GitHub-flavoured Markdown reader, markdown-it's
table rule), a backslash before a pipe included."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from openpyxl import load_workbook

from reviewkit.reports.writers import Table, markdown_table, write_markdown, write_xlsx

TEXTS = [
    "Work | health",  # a pipe in a study's title
    "Return\\|work",  # a backslash before it (a title as a database exported it)
    "C:\\data\\",  # a backslash at the end of the cell
    "Long-term sick leave \\ disability",  # one between words
    # what Markdown reads as emphasis, code, strikethrough or HTML, in a title or a value a
    # reviewer typed: shown as they are (they were rendered as italics, code, a struck-out
    # span, or as a tag the browser hides)
    "*Staphylococcus aureus* carriage among nurses",
    "Exposure in 2*3*4 shift rotas",
    "_Sick leave_ after surgery",
    "The `work ability` index",
    "~~Sick leave~~ Work participation",
    "Work <i>and</i> health",
    "Ages <sixty-five> at work",
]
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # GitHub's: CommonMark + GFM


def _shown(text: str) -> str:
    """``text`` as a browser shows it: the HTML a Markdown reader should make of a text shown
    as written."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _cells(markdown: str) -> list[str]:
    """Each table cell of ``markdown`` rendered to HTML (as a reader sees it)."""
    tokens = MD.parse(markdown)
    inline = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "td_open"]
    return [MD.renderer.renderInline(cell.children or [], MD.options, {}) for cell in inline]


def test_a_markdown_cell_shows_the_text_it_holds() -> None:
    table = Table("t", "Titles", ["Title", "Year"], [[text, 2020] for text in TEXTS])
    assert _cells(markdown_table(table)) == [_shown(c) for text in TEXTS for c in (text, "2020")]


def test_a_markdown_note_and_heading_show_the_text_they_hold(tmp_path: Path) -> None:
    """A table's title (a label's name in the protocol) and its note are written as Markdown
    text too: the report's PRISMA note says "the 'database: <name>' rows", and the reader saw
    "the 'database: ' rows" (<name> read as a tag)."""
    note = "the sum of the 'database: <name>' rows; *not* counted twice"
    tables = [Table("t", "Mental *and* physical", ["Title"], [["x"]], note)]
    html = MD.render(
        write_markdown(tables, tmp_path / "r.md", "Work_and_health *review*").read_text(
            encoding="utf-8"
        )
    )
    for text in (note, "Mental *and* physical", "Work_and_health *review*"):
        assert _shown(text) in html, html


def test_a_printed_sheet_repeats_its_title_and_header_rows(tmp_path: Path) -> None:
    """Excel's 'Rows to repeat at top': a table printed over several pages shows what each
    column is on every page (it did on the first only)."""
    rows = [[f"Study {i}", 2000 + i % 20] for i in range(200)]
    tables = [Table("a", "A (n = 200)", ["Study", "Year"], rows), Table("b", "B", ["X"], [])]
    book = load_workbook(write_xlsx(tables, tmp_path / "report.xlsx"))
    assert [ws.print_title_rows for ws in book.worksheets] == ["$1:$2", "$1:$2"]
