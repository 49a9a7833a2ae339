"""report.docx on paper: A4 pages (python-docx's template is US Letter), the tables within the
text width of their turned pages, and each figure whole on a portrait page of its own. The
walk-through's Review B report turned its pages for the nine-column tables, and the PRISMA
diagram, set 17 cm wide, stood 24 cm tall on a page with 16.5 cm of text height: Word cut it."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from PIL import Image

from reviewkit.cli import main

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
