"""Kappa, its confidence interval and PABAK against values computed by hand."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import agreement as ag
from reviewkit import agreement_tables as tables
from reviewkit import screening as scr


def pairs_from(table, cats):
    return [
        (cats[i], cats[j])
        for i, row in enumerate(table)
        for j, n in enumerate(row)
        for _ in range(n)
    ]


def test_two_by_two_by_hand():
    # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5 = 0.4
    # SE = sqrt(0.7*0.3 / (50*0.25)) = 0.129615; CI = 0.4 ± 1.96*SE; PABAK = 2*0.7 - 1 = 0.4
    r = ag.compute(
        "title-abstract", "r1", "r2", pairs_from([[20, 5], [10, 15]], ["include", "exclude"])
    )
    assert r.categories == ("include", "exclude")
    assert r.table == ((20, 5), (10, 15))
    assert r.percent == pytest.approx(70.0)
    assert r.kappa == pytest.approx(0.4)
    assert r.ci_low == pytest.approx(0.4 - 1.959964 * 0.1296148, abs=1e-5)
    assert r.ci_high == pytest.approx(0.4 + 1.959964 * 0.1296148, abs=1e-5)
    assert r.pabak == pytest.approx(0.4)


def test_three_categories_by_hand():
    # n = 30, diagonal 23: p_o = 0.766667; marginals 13/10/7 both: p_e = 318/900
    # kappa = (23/30 - 318/900) / (1 - 318/900) = 0.639175; PABAK = (3*23/30 - 1)/2 = 0.65
    cats = ["include", "exclude", "uncertain"]
    r = ag.compute("full-text", "r1", "r2", pairs_from([[10, 2, 1], [1, 8, 1], [2, 0, 5]], cats))
    assert r.categories == tuple(cats)
    assert r.kappa == pytest.approx(0.639175, abs=1e-6)
    assert r.pabak == pytest.approx(0.65)
    assert r.percent == pytest.approx(76.6667, abs=1e-4)


def test_undefined_kappa_and_empty():
    r = ag.compute("title-abstract", "a", "b", [("include", "include")] * 4)
    assert r.kappa is None and r.percent == 100.0 and r.pabak == 1.0
    empty = ag.compute("title-abstract", "a", "b", [])
    assert empty.n == 0 and empty.kappa is None
    assert "no study was screened by both" in tables.to_text([empty])


def test_agreement_from_a_project_text_and_csv(project_b, tmp_path):
    ids = add_records(project_b, make_records(10))
    labels1 = ["include"] * 5 + ["exclude"] * 5
    labels2 = ["include"] * 4 + ["exclude"] * 4 + ["include"] * 2
    for study, l1, l2 in zip(ids, labels1, labels2, strict=True):
        scr.decide(project_b.db, study, "title-abstract", "reviewer1", l1)
        scr.decide(project_b.db, study, "title-abstract", "reviewer2", l2)
    (r, ft) = ag.agreement(project_b)
    # table [[4,1],[2,3]]: p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4
    assert r.table == ((4, 1), (2, 3))
    assert r.kappa == pytest.approx(0.4) and r.pabak == pytest.approx(0.4)
    assert ft.stage == "full-text" and ft.n == 0
    text = tables.to_text([r])
    assert "percent agreement  70.0%" in text and "Cohen's kappa      0.400" in text
    rows = list(csv.DictReader(io.StringIO(tables.to_csv([r]))))
    assert len(rows) == 4 and rows[1]["label_a"] == "include" and rows[1]["label_b"] == "exclude"
    assert rows[1]["count"] == "1" and float(rows[0]["kappa"]) == pytest.approx(0.4)


def test_no_interval_where_the_standard_error_is_zero():
    """Agreement 0 % (two studies, each voted the other way) or 100 %: Cohen's large-sample
    standard error is 0, so no zero-width '0.000 to 0.000' interval is reported."""
    none_agree = ag.compute("title-abstract", "a", "b", [("include", "exclude")] * 2)
    assert none_agree.kappa == pytest.approx(0.0)
    assert none_agree.ci_low is None and none_agree.ci_high is None
    all_agree = ag.compute(
        "title-abstract", "a", "b", pairs_from([[3, 0], [0, 5]], ["include", "exclude"])
    )
    assert all_agree.kappa == pytest.approx(1.0) and all_agree.ci_low is None
    text = tables.to_text([none_agree])
    assert "0.000 to 0.000" not in text and "no 95% CI" in text


def test_a_degenerate_kappa_gets_a_note_with_the_percent_agreement():
    """One reviewer included everything: p_e = p_o, so kappa is 0 with a wide interval
    however often the other agreed; the text and CSV say so and give the percent agreement."""
    # reviewer a: include x 20; b: include 18, exclude 2 -> p_o = 0.9, p_e = 0.9, kappa 0
    r = ag.compute(
        "title-abstract", "a", "b", pairs_from([[18, 2], [0, 0]], ["include", "exclude"])
    )
    assert r.kappa == pytest.approx(0.0) and r.percent == pytest.approx(90.0)
    assert r.note == (
        "title-abstract: a answered 'include' for all 20 studies, so kappa is 0 whatever the "
        "agreement and not informative; read the percent agreement (90.0%)"
    )
    assert f"note: {r.note}" in tables.to_text([r])
    rows = list(csv.DictReader(io.StringIO(tables.to_csv([r]))))
    assert rows[0]["note"] == r.note
    # both gave one answer: kappa undefined, said so; an ordinary table: no note
    same = ag.compute("title-abstract", "a", "b", [("include", "include")] * 4)
    assert "a answered 'include' and b answered 'include'" in same.note
    assert "kappa is undefined" in same.note
    ordinary = ag.compute(
        "title-abstract", "a", "b", pairs_from([[20, 5], [10, 15]], ["include", "exclude"])
    )
    assert ordinary.note == "" and "note:" not in tables.to_text([ordinary])


def test_an_undefined_kappa_says_one_thing():
    """Both reviewers included all four: kappa is n/a because it is undefined (the note says
    why), not because of a standard error of 0, which the text used to say beside it."""
    same = ag.compute("title-abstract", "a", "b", [("include", "include")] * 4)
    text = tables.to_text([same])
    assert "Cohen's kappa      n/a  (undefined: see the note)" in text
    assert "standard error" not in text and "kappa is undefined" in text
    # kappa 1 at 100 %: the interval is the one thing missing, and the text says why
    all_agree = ag.compute(
        "title-abstract", "a", "b", pairs_from([[3, 0], [0, 5]], ["include", "exclude"])
    )
    assert "1.000  (no 95% CI: with agreement of 100% its standard error is 0)" in tables.to_text(
        [all_agree]
    )


def four_full_text_reports(project, not_retrieved: str) -> None:
    """Four reports both reviewers included on title and abstract; at full text both could not
    get the first (reason ``not_retrieved``), one the second, both include the third and they
    disagree on the fourth."""
    ids = add_records(project, make_records(4))
    full_text = {
        ids[0]: (("exclude", not_retrieved), ("exclude", not_retrieved)),
        ids[1]: (("exclude", not_retrieved), ("include", "")),
        ids[2]: (("include", ""), ("include", "")),
        ids[3]: (("include", ""), ("exclude", "wrong-population")),
    }
    for study, votes in full_text.items():
        for reviewer, (label, reason) in zip(("reviewer1", "reviewer2"), votes, strict=True):
            scr.decide(project.db, study, "title-abstract", reviewer, "include")
            scr.decide(project.db, study, "full-text", reviewer, label, reason)


def test_full_text_agreement_leaves_out_reports_not_retrieved(project_b):
    """A report both reviewers (or one) excluded for no full text was never judged: PRISMA 2020
    counts it as not retrieved, not assessed, and the agreement does not compare its votes."""
    four_full_text_reports(project_b, "no-full-text")
    (ta, ft) = ag.agreement(project_b)
    assert ta.n == 4 and ta.not_retrieved == 0
    assert ft.n == 2 and ft.not_retrieved == 2 and ft.table == ((1, 1), (0, 0))
    assert "2 reports not retrieved (excluded for no full text) are left out" in ft.note
    # the pair where only reviewer1 could not get the report: out too (kappa over the reports
    # both could assess), and the note says the team's copies differ there
    assert ft.not_retrieved_by_one == 1
    assert "; 1 of them by one reviewer only, the other judging it" in ft.note
    assert "are left out" in tables.to_text([ft])


def test_a_protocols_own_not_retrieved_reason_counts_as_not_retrieved(tmp_path, capsys):
    """A protocol words its own not-retrieved reason ("no-access") and marks it
    ``not_retrieved = true``: agreement leaves its votes out and PRISMA counts its reports as
    not retrieved, as for the built-in 'no-full-text'; an unmarked reason is a judgement."""
    from conftest import PROTOCOL_B

    from reviewkit.cli import main
    from reviewkit.project import init_project
    from reviewkit.reports import prisma
    from reviewkit.reports.snapshot import ProjectSnapshot

    text = PROTOCOL_B.read_text(encoding="utf-8").replace(
        '  { code = "no-full-text", label = "Full text not available" },',
        '  { code = "no-full-text", label = "Full text not available" },\n'
        '  { code = "no-access", label = "No access to the full text", not_retrieved = true },',
    )
    protocol = tmp_path / "protocol.toml"
    protocol.write_text(text, encoding="utf-8")
    project = init_project(tmp_path / "review", protocol)
    try:
        four_full_text_reports(project, "no-access")
        ft = ag.agreement(project, "full-text")[0]
        assert ft.n == 2 and ft.not_retrieved == 2
        flow = prisma.collect_counts(project, ProjectSnapshot.read(project)).flow
        assert (flow.sought, flow.not_retrieved, flow.assessed) == (4, 1, 3)
    finally:
        project.close()
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("not_retrieved = true", 'not_retrieved = "yes"'), encoding="utf-8")
    assert main(["protocol", "check", str(bad)]) == 2
    assert "not_retrieved" in capsys.readouterr().err
