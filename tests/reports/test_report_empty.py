"""An empty report table says why it is empty, in every format, rather than "0 studies; 0
labels confirmed by a reviewer, 0 suggested" over a header (or, before any study is included,
a column explained for a table without rows)."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from reviewkit import classify
from reviewkit.cli import main


def _report(project, out: Path) -> str:
    assert main(["report", "--project", str(project.folder), "--out", str(out)]) == 0
    return (out / "report.md").read_text(encoding="utf-8")


def test_before_any_study_is_included_every_table_says_so(project_b, tmp_path: Path):
    out = tmp_path / "out"
    md = _report(project_b, out)
    section = md.split("## Multidisciplinary team (n = 0)\n\n", 1)[1]
    assert section.startswith("No study has been included yet: this table fills as studies")
    assert "0 studies; 0 labels" not in md and "'Prefilled, not checked' names" not in md
    words = [p.text for p in Document(str(out / "report.docx")).paragraphs]
    assert "No study has been included yet: the map fills as studies are included." in words
    notes = (out / "evidence-map" / "evidence-map.notes.txt").read_text(encoding="utf-8")
    assert "No study has been included yet" in notes


def test_an_empty_group_beside_full_ones_says_how_many_were_included(b_included, tmp_path):
    project, ids = b_included
    classify.classify_project(project, ids)
    for rid in ids:  # every study in one group: the others are empty
        classify.confirm(project, rid, "model-type", ["workplace"], "reviewer1")
    md = _report(project, tmp_path / "out")
    section = md.split("## Sick-leave / rehabilitation coordinator", 1)[0].split(
        "## Job specialist in mental health"
    )[1]
    assert "No study has this label (3 studies included)." in section
    assert "## Workplace-centred collaboration (n = 3)\n\n3 studies; 3 labels confirmed" in md


def test_a_none_of_these_table_no_longer_needed_is_not_left_behind(b_included, tmp_path):
    project, ids = b_included
    classify.classify_project(project, ids)
    classify.confirm(project, ids[0], "model-type", ["none"], "reviewer1")
    out = tmp_path / "out"
    assert "## None of these (n = 1)" in _report(project, out)
    assert (out / "tables" / "none.csv").is_file()
    # the study is given a model: the next report has no "None of these" table, nor its files
    classify.confirm(project, ids[0], "model-type", ["workplace"], "reviewer1")
    assert "## None of these" not in _report(project, out)
    assert not (out / "tables" / "none.csv").exists()
    assert not (out / "tables" / "none.notes.txt").exists()
    assert (out / "tables" / "workplace.csv").is_file()
