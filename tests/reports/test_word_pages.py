"""report.docx on paper: A4 pages (python-docx's template is US Letter), the tables within the
text width of their turned pages, and each figure whole on a portrait page of its own. The
walk-through's Review B report turned its pages for the nine-column tables, and the PRISMA
diagram, set 17 cm wide, stood 24 cm tall on a page with 16.5 cm of text height: Word cut it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from PIL import Image

from reviewkit.cli import main
from reviewkit.reports.writers import Table, write_docx

A4 = (Cm(21.0), Cm(29.7))


def _text_area(section) -> tuple[int, int]:  # noqa: ANN001 (a python-docx Section)
    width = section.page_width - section.left_margin - section.right_margin
    return width, section.page_height - section.top_margin - section.bottom_margin


def test_word_report_pages_are_a4_and_hold_the_tables_and_figures_whole(b_included, tmp_path):
    project, _ids = b_included
    out = tmp_path / "exports"
    argv = ["report", "--project", str(project.folder), "--out", str(out), "--format", "docx"]
    assert main(argv) == 0
    doc = docx.Document(str(Path(out / "report.docx")))
    tables_page, figures_page = doc.sections[0], doc.sections[-1]
    for section in doc.sections:
        size = sorted([section.page_width, section.page_height])
        assert all(abs(got - a4) < Cm(0.01) for got, a4 in zip(size, A4, strict=True))  # twips
    assert tables_page.orientation == WD_ORIENT.LANDSCAPE  # Review B's tables have 9 columns
    width, _height = _text_area(tables_page)
    for table in doc.tables:
        assert sum(column.width for column in table.columns) <= width + Cm(0.01)  # twips
    assert figures_page.orientation == WD_ORIENT.PORTRAIT
    width, height = _text_area(figures_page)
    pictures = list(doc.inline_shapes)
    assert len(pictures) == 2  # the PRISMA diagram and the evidence map
    for picture in pictures:
        assert picture.width <= width and picture.height <= height
    for picture, png in zip(pictures, ("prisma.png", "evidence-map/evidence-map.png"), strict=True):
        with Image.open(out / png) as image:  # the figure's shape kept when it was made smaller
            assert abs(picture.height / picture.width - image.height / image.width) < 0.01


def _table(n_columns: int) -> Table:
    columns = [f"Column {i}" for i in range(n_columns)]
    return Table("t", f"{n_columns} columns", columns, [[f"cell {i}" for i in range(n_columns)]])


@pytest.mark.parametrize("n_columns", [3, 12])
@pytest.mark.parametrize("with_figures", [False, True])
def test_word_pages_for_narrow_and_wide_tables_with_and_without_figures(
    tmp_path, n_columns, with_figures
):
    """A report of narrow tables (Review A's four columns or fewer) stays on portrait pages,
    its figures after the tables in that one section; one of wide tables turns its pages and
    adds a portrait section only when it has figures. Each figure, tall (as PRISMA) or wide
    (as the map), fits the text area of the section it is in, its shape kept."""
    shapes = {"tall.png": (1700, 2400), "wide.png": (2400, 1500), "strip.png": (500, 3000)}
    images = []
    for name, size in shapes.items() if with_figures else ():
        Image.new("RGB", size, "white").save(tmp_path / name)
        images.append((name, tmp_path / name))
    path = write_docx([_table(n_columns)], tmp_path / "report.docx", "Report", images)
    doc = docx.Document(str(path))
    wide = n_columns > 4
    orientations = [s.orientation for s in doc.sections]
    if not wide:
        assert orientations == [WD_ORIENT.PORTRAIT]
    else:
        assert orientations == [WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT][: 1 + with_figures]
    width, height = _text_area(doc.sections[-1])
    assert len(doc.inline_shapes) == len(images)
    for picture, (_name, image) in zip(doc.inline_shapes, images, strict=True):
        assert picture.width <= width and picture.height <= height - Cm(1.5)  # the heading's room
        w, h = shapes[image.name]
        assert abs(picture.height / picture.width - h / w) < 0.01
