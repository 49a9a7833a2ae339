"""`agreement --csv`'s notes file names each stage once before its note: the
note names its stage already, so the file does not read 'full-text: full-text: …'."""

from __future__ import annotations

from pathlib import Path

from reviewkit import screening
from reviewkit.cli import main


def test_agreement_csv_notes_name_the_stage_once(project_b, store, make_record, tmp_path: Path):
    ids = store(project_b, [make_record(f"Study {i}", year=2020) for i in range(3)], "PubMed")
    for rid in ids:
        for reviewer in project_b.protocol.reviewers:
            screening.decide(project_b.db, rid, "title-abstract", reviewer, "include")
            if rid == ids[0]:  # not retrieved: a note on the full-text stage
                screening.decide(
                    project_b.db, rid, "full-text", reviewer, "exclude", "no-full-text"
                )
            else:
                screening.decide(project_b.db, rid, "full-text", reviewer, "include")
    out = tmp_path / "agreement.csv"
    args = ["agreement", "--project", str(project_b.folder), "--csv", str(out)]
    assert main(args) == 0
    # the file is wrapped (at hyphens too): compare without the white space
    notes = "".join((tmp_path / "agreement.notes.txt").read_text(encoding="utf-8").split())
    assert "full-text:1reportnotretrieved" in notes
    assert "full-text:full-text:" not in notes and "title-abstract:title-abstract:" not in notes
