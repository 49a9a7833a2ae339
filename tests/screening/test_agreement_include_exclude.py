"""Kappa for include versus exclude alone, through `reviewkit agreement` and the report:
'uncertain' counts as include where the stage sends it on (Review B's title/abstract), and the
pairs with an 'uncertain' vote are left out, and counted, where it does not (its full text)."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main

TA, FT = "title-abstract", "full-text"


def cli(project, *args):
    return main([args[0], "--project", str(project.folder), *args[1:]])


def vote(project, stage, ids, pairs):
    for study, (a, b) in zip(ids, pairs, strict=True):
        scr.decide(project.db, study, stage, "reviewer1", a, "long-term" if a == "exclude" else "")
        scr.decide(project.db, study, stage, "reviewer2", b, "long-term" if b == "exclude" else "")


def csv_rows(text: str, stage: str) -> list[dict[str, str]]:
    return [row for row in csv.DictReader(io.StringIO(text)) if row["stage"] == stage]


def test_uncertain_counts_as_include_where_the_stage_sends_it_on(project_b, tmp_path, capsys):
    ids = add_records(project_b, make_records(10))
    i, e, u = "include", "exclude", "uncertain"
    pairs = [(i, i)] * 3 + [(u, i)] * 2 + [(e, e)] * 3 + [(e, u), (i, e)]
    vote(project_b, TA, ids, pairs)
    out_csv = tmp_path / "agreement.csv"
    assert cli(project_b, "agreement", "--stage", TA, "--csv", str(out_csv)) == 0
    out = capsys.readouterr().out
    # as include/exclude: [[5, 1], [1, 3]], p_o = 0.8, p_e = 0.6*0.6 + 0.4*0.4 = 0.52,
    # kappa = 0.28 / 0.48 = 0.583; the 3x3 kappa is lower: (i,u) pairs disagree there
    assert "kappa, include vs exclude  0.583" in out
    assert "'uncertain' counted as include, as this stage sends it on: 3 studies" in out
    assert "Cohen's kappa      0.583" not in out
    (row, *_) = csv_rows(out_csv.read_text(encoding="utf-8"), TA)
    assert float(row["kappa_include_exclude"]) == pytest.approx(0.28 / 0.48, abs=1e-6)
    assert row["uncertain_counted_as"] == "include"
    notes = (tmp_path / "agreement.notes.txt").read_text(encoding="utf-8")
    assert "kappa_include_exclude is Cohen's kappa for include versus exclude" in notes


def test_uncertain_left_out_and_counted_where_the_stage_does_not_send_it_on(project_b, capsys):
    ids = add_records(project_b, make_records(8))
    i, e, u = "include", "exclude", "uncertain"
    vote(project_b, TA, ids, [(i, i)] * 8)
    vote(project_b, FT, ids, [(i, i)] * 3 + [(u, i), (e, e), (e, e), (i, e), (u, u)])
    assert cli(project_b, "agreement", "--stage", FT) == 0
    out = capsys.readouterr().out
    # left out: (u,i) and (u,u); the rest [[3, 1], [0, 2]]: p_o = 5/6, p_e = (4*3 + 2*3)/36 = 0.5
    assert "kappa, include vs exclude  0.667" in out
    assert "2 studies with an 'uncertain' vote left out: this stage does not send" in out


def test_the_report_table_has_the_include_exclude_kappa(project_b, capsys):
    ids = add_records(project_b, make_records(10))
    i, e, u = "include", "exclude", "uncertain"
    vote(project_b, TA, ids, [(i, i)] * 3 + [(u, i)] * 2 + [(e, e)] * 3 + [(e, u), (i, e)])
    assert cli(project_b, "report", "--format", "csv,md") == 0
    exports = project_b.folder / "exports"
    rows = list(csv.DictReader(io.StringIO((exports / "agreement.csv").read_text("utf-8"))))
    (ta,) = [row for row in rows if row["Stage"] == TA]
    assert float(ta["Kappa include vs exclude"]) == pytest.approx(0.583, abs=1e-3)
    assert float(ta["Cohen's kappa"]) != pytest.approx(0.583, abs=1e-3)
    report = (exports / "report.md").read_text(encoding="utf-8")
    assert "Kappa include vs exclude is Cohen's kappa for include versus exclude alone" in report


def test_the_report_says_how_many_studies_the_include_exclude_kappa_left_out(project_b):
    """The report's note sent the reader to `reviewkit agreement` for the count: its table gives
    "Studies both screened" (the 3x3 kappa's n), and the include-vs-exclude kappa's n was not
    in the report at all."""
    ids = add_records(project_b, make_records(8))
    i, e, u = "include", "exclude", "uncertain"
    vote(project_b, TA, ids, [(i, i)] * 8)
    vote(project_b, FT, ids, [(i, i)] * 3 + [(u, i), (e, e), (e, e), (i, e), (u, u)])
    assert cli(project_b, "report", "--format", "csv,md") == 0
    exports = project_b.folder / "exports"
    said = (
        "full-text: kappa include vs exclude is over 6 of the 8 studies;"
        " 2 studies with an 'uncertain' vote are left out."
    )
    notes = " ".join((exports / "agreement.notes.txt").read_text(encoding="utf-8").split())
    assert said in notes
    assert said in (exports / "report.md").read_text(encoding="utf-8")
    # title-abstract sends 'uncertain' on: nothing is left out there, nothing is said
    assert "title-abstract: kappa include vs exclude is over" not in notes
