"""A split or undo of a merge after full text: the full text attached and the notes written
go with the record whose full-text decision they served, as its votes do."""

from __future__ import annotations

import shlex

from conftest import add_records
from dedup.helpers import other

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.store.attachments import add_attachment
from reviewkit.store.decisions import list_decisions

TA, FT = "title-abstract", "full-text"


def _merged_at_full_text(project, tmp_path):
    """Two copies screened apart (the lower id excluded at title-abstract, the other
    included), merged; the study's PDF attached through the CLI and a full-text note written
    on the screen's queue, before the full-text votes."""
    low, high = add_records(project, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project.db, high, TA, who, "include")
    folder = str(project.folder)
    merge = ["dedup", "merge", str(low), str(high), "--project", folder, "--reviewer", "lead"]
    assert main([*merge, "--yes"]) == 0
    pdf = tmp_path / "smith2020.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert main(["attach", "--project", folder, str(low), str(pdf), "--by", "reviewer1"]) == 0
    scr.ReviewerQueue(project, FT, "reviewer1").note(low, "table 2 has the outcome")
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project, FT, who).decide(low, "include")
    return low, high, pdf


def _notes(project, record):
    return [d.note for d in list_decisions(project.db, record_ids=[record]) if d.note]


def test_a_split_leaves_the_included_record_its_pdf_and_notes(project_b, tmp_path, capsys):
    low, high, pdf = _merged_at_full_text(project_b, tmp_path)
    folder = str(project_b.folder)
    capsys.readouterr()
    split = ["dedup", "split", "--project", folder, "--reviewer", "lead", "--yes", str(high)]
    assert main(split) == 0
    out = capsys.readouterr().out
    assert f"full text {pdf} goes with record {high}" in out  # the preview names what moves
    assert scr.included(project_b) == [high]
    att = scr.study_attachment(project_b.db, high)
    assert att is not None and att.target == str(pdf)  # was None: it sat on the excluded copy
    assert scr.study_attachment(project_b.db, low) is None
    assert _notes(project_b, high) == ["table 2 has the outcome"]
    assert _notes(project_b, low) == []


def test_undoing_the_merge_leaves_the_included_record_its_pdf(project_b, tmp_path, capsys):
    low, high, pdf = _merged_at_full_text(project_b, tmp_path)
    folder = str(project_b.folder)
    capsys.readouterr()
    assert main(["dedup", "undo", "--project", folder, "--reviewer", "lead", "--yes"]) == 0
    assert f"full text {pdf} goes with record {high}" in capsys.readouterr().out
    att = scr.study_attachment(project_b.db, high)
    assert att is not None and att.target == str(pdf)
    assert scr.study_attachment(project_b.db, low) is None


def test_a_full_text_an_older_project_logged_on_the_excluded_copy_is_named(
    project_b, tmp_path, capsys
):
    """A project made before stop 37 logged the study's PDF on the study's id, here the copy
    excluded at title-abstract: the split's preview said it goes with that copy and no more.
    It names the record whose full-text decision it served and the attach line that gives it
    there; the line, run, does."""
    low, high = add_records(project_b, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project_b.db, high, TA, who, "include")
    folder = str(project_b.folder)
    merge = ["dedup", "merge", str(low), str(high), "--project", folder, "--reviewer", "lead"]
    assert main([*merge, "--yes"]) == 0
    pdf = tmp_path / "smith2020.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    add_attachment(project_b.db, low, str(pdf), "file", added_by="reviewer1")  # as before 37
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project_b, FT, who).decide(low, "include")
    capsys.readouterr()
    split = ["dedup", "split", "--project", folder, "--reviewer", "lead", "--yes", str(high)]
    assert main(split) == 0
    out = capsys.readouterr().out
    attach = f"reviewkit attach {high} {pdf} --project {folder}"
    assert f"full text {pdf} goes with record {low}, though it was read for record {high}'s" in out
    assert attach in " ".join(out.split())
    assert main([*shlex.split(attach)[1:], "--by", "lead"]) == 0
    att = scr.study_attachment(project_b.db, high)
    assert att is not None and att.target == str(pdf)
