"""PRISMA 2020's included boxes always say studies *and* reports, as its templates do (Page et
al. 2021, fig. 1: "Studies included in review (n = )" over "Reports of included studies
(n = )"; in an update, the previous version's, the new and the total boxes alike). Without a
person linking reports into studies the diagram left the reports line out, so a PRISMA checker
found a box of the template missing; prisma.csv lacked the number too."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from reports.update_versions import decide_by_all, search_run, versioned_update

from reviewkit.cli import main


def _prisma(project, out: Path) -> tuple[dict[str, int], str]:
    """The numbers of prisma.csv by item (section 'included' and the columns' own), and the
    words of prisma.svg, as `reviewkit prisma` writes them."""
    assert main(["prisma", "--project", str(project.folder), "--out", str(out)]) == 0
    with (out / "prisma.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    items = {item: int(n) for section, item, n in rows if section == "included"}
    svg = (out / "prisma.svg").read_text(encoding="utf-8").replace("\u00a0", " ")
    # each line of a box is a text element of its own: the words in the order drawn
    return items, " ".join(" ".join(re.findall(r">([^<>]*)</text>", svg)).split())


def test_reports_of_included_studies_without_linked_reports(project_b, tmp_path):
    search_run(project_b, 3)
    for pmid in ("500", "501"):
        decide_by_all(project_b, pmid, "title-abstract")
        decide_by_all(project_b, pmid, "full-text")
    decide_by_all(project_b, "502", "title-abstract", "exclude")
    items, svg = _prisma(project_b, tmp_path / "p")
    # each study is one report when no report is linked to another: one number, both lines
    assert items["studies included"] == items["reports of included studies"] == 2
    assert "Studies included in review (n = 2) Reports of included studies (n = 2)" in svg


def test_update_boxes_give_reports_without_linked_reports(project_b, tmp_path):
    versioned_update(project_b, tmp_path)
    items, svg = _prisma(project_b, tmp_path / "p")
    for box in (
        "Studies included in previous version of review (n = 1)"
        " Reports of studies included in previous version of review (n = 1)",
        "New studies included in review (n = 1) Reports of new included studies (n = 1)",
        "Total studies included in review (n = 3) Reports of total included studies (n = 3)",
    ):
        assert box in svg, box
    assert items["reports of studies in previous version"] == 1
    assert items["reports of new studies included"] == 1
    assert items["studies included"] == items["reports of included studies"] == 3
