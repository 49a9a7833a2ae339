"""Kappa's 95% CI on few studies: its limits are clipped to [-1, 1], and the note says so and
that the interval says little there (the command's text, its CSV's note column)."""

from __future__ import annotations

import csv

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main

TA = "title-abstract"
CLIPPED = (
    "kappa's 95% CI is clipped to [-1, 1]; on 7 studies the interval reached past those limits"
)


def test_a_clipped_interval_on_seven_studies_gets_a_note(project_b, tmp_path, capsys):
    ids = add_records(project_b, make_records(7))
    # table [[2, 1], [1, 3]]: kappa 0.417 ± 0.684, so the upper limit (1.10) is clipped to 1
    votes = [("include", "include")] * 2 + [("include", "exclude"), ("exclude", "include")]
    votes += [("exclude", "exclude")] * 3
    for study, (first, second) in zip(ids, votes, strict=True):
        for reviewer, label in (("reviewer1", first), ("reviewer2", second)):
            reason = "long-term" if label == "exclude" else ""
            scr.decide(project_b.db, study, TA, reviewer, label, reason)
    sheet = tmp_path / "agreement.csv"
    args = ["agreement", "--project", str(project_b.folder), "--stage", TA, "--csv", str(sheet)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "(95% CI -0.267 to 1.000)" in out
    assert f"note: {TA}: {CLIPPED} and says little" in out
    with open(sheet, newline="", encoding="utf-8") as fh:
        notes = {row["note"] for row in csv.DictReader(fh)}
    assert notes == {f"{TA}: {CLIPPED} and says little"}
