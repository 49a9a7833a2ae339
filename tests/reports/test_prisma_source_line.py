"""Every PRISMA 2020 flow diagram template ends in the line that says where it is from ("From:
Page MJ, McKenzie JE, Bossuyt PM, et al. The PRISMA 2020 statement … BMJ 2021;372:n71 …"); the
diagram reviewkit drew had none, in any of its formats, so a journal's checker found the
template's attribution missing under the figure."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image
from reports.conftest import review_a_counts

from reviewkit.reports import prisma

SOURCE = (
    "From: Page MJ, McKenzie JE, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD, et al. The PRISMA"
    " 2020 statement: an updated guideline for reporting systematic reviews. BMJ 2021;372:n71."
    " doi: 10.1136/bmj.n71. For more information, visit: http://www.prisma-statement.org/"
)


def _svg_words(path: Path) -> str:
    """The SVG's text elements in the order drawn, as one line of words."""
    svg = path.read_text(encoding="utf-8").replace("\u00a0", " ")
    return " ".join(" ".join(re.findall(r">([^<>]*)</text>", svg)).split())


def _svg_ratio(path: Path) -> float:
    """Height over width of the SVG's page (in points)."""
    svg = path.read_text(encoding="utf-8")
    w, h = (float(re.search(rf'{a}="([\d.]+)pt"', svg).group(1)) for a in ("width", "height"))
    return h / w


def test_the_template_source_line_is_under_the_diagram_in_every_format(tmp_path):
    note = "Screening was simulated."
    update = {"update": True, "version": "v1", "previous_included": 2, "still_included": 2}
    layouts = (
        review_a_counts(),
        review_a_counts(other_sources={"snowballing": 0}),
        # the update templates (previous studies' column; with other methods, five columns)
        review_a_counts(**update, total_included=69),
        review_a_counts(**update, total_included=69, other_sources={"snowballing": 5}),
    )
    for counts in layouts:
        svg = prisma.draw(counts, tmp_path / "prisma.svg", note)
        png = prisma.draw(counts, tmp_path / "prisma.png", note)
        words = _svg_words(svg)
        # after the note (who screened), as the template's last line
        assert f"{note} {SOURCE}" in words
        # the PNG is the same page: as tall for its width as the SVG with the line in it
        with Image.open(png) as image:
            assert abs(image.height / image.width - _svg_ratio(svg)) < 0.01
    assert SOURCE in _svg_words(prisma.draw(review_a_counts(), tmp_path / "bare.svg"))
