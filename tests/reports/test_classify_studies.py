"""A study is classified as a study: reports joined by a confirmed study link share their
evidence, and a label a person confirmed on one report is offered for the others. Hand-made
reports of one trial, in Review B's protocol."""

from __future__ import annotations

from reports.conftest import store_records, trial_reports

from reviewkit import classify
from reviewkit.dedup.studies import decide_study_link
from reviewkit.records import Record
from reviewkit.store import labels as label_rows


def _trial() -> list[Record]:
    """A trial's main paper, its follow-up, and another study (conftest.trial_reports)."""
    return trial_reports("Two-year follow-up of another randomised trial")


def _labels(result, rid: int, scheme: str = "model-type") -> list[str]:
    return [s.label for s in result.rules[(rid, scheme)]]


def test_a_follow_up_is_scored_with_the_evidence_of_its_trial(project_b):
    main, follow, other = ids = store_records(project_b, _trial(), "snowballing")
    before = classify.classify_project(project_b, ids, ["model-type"])
    assert _labels(before, follow) == ["none"]  # its own words name no model
    decide_study_link(project_b.db, main, follow, False, "ann")  # a rejected link joins nothing
    rejected = classify.classify_project(project_b, ids, ["model-type"])
    assert _labels(rejected, follow) == ["none"]

    decide_study_link(project_b.db, main, follow, True, "ann")
    after = classify.classify_project(project_b, ids, ["model-type"])
    assert _labels(after, follow) == _labels(after, main) == ["job-specialist"]
    assert _labels(after, other) == ["none"]  # not linked: still its own words only
    sugg = after.rules[(follow, "model-type")][0]
    assert {e.report for e in sugg.evidence} == {f"record {main}"}
    stored = label_rows.current(project_b.db, "model-type", "rules")[follow][0]
    assert stored.evidence[0]["report"] == f"record {main}"
    # the main paper's own evidence names no report
    assert all(
        "report" not in e
        for e in label_rows.current(project_b.db, "model-type", "rules")[main][0].evidence
    )


def test_a_label_confirmed_on_one_report_is_offered_for_its_siblings(project_b):
    main, follow, other = ids = store_records(project_b, _trial(), "snowballing")
    decide_study_link(project_b.db, main, follow, True, "ann")
    # the reviewer sorts the main paper against the rules' word
    classify.confirm(project_b, main, "model-type", ["multidisciplinary-team"], "bob")
    result = classify.classify_project(project_b, ids, ["model-type"])
    offered = result.rules[(follow, "model-type")]
    assert [(s.label, s.method) for s in offered] == [("multidisciplinary-team", "study")]
    assert offered[0].evidence[0].term == f"confirmed on record {main}"
    assert offered[0].evidence[0].text == "bob"
    by_record = {r["record_id"]: r["suggested_by"] for r in result.rows()}  # the --csv columns
    assert (by_record[follow], by_record[other]) == ("study", "rules")
    assigned = classify.assigned_labels(project_b, "model-type", ids)
    assert assigned[follow] == classify.Assigned(("multidisciplinary-team",), False, "", "study")
    assert assigned[main].method == "person" and assigned[other].method == "rules"
    assert _labels(result, other) == ["none"]
    # stored under its own method; the rules' slot keeps the rules' own answer
    assert [r.label for r in label_rows.current(project_b.db, "model-type", "study")[follow]] == [
        "multidisciplinary-team"
    ]
    assert [r.label for r in label_rows.current(project_b.db, "model-type", "rules")[follow]] == [
        "job-specialist"
    ]
    # a report confirmed on its own keeps the rules' suggestion beside its confirmation
    classify.confirm(project_b, follow, "model-type", ["job-specialist"], "ann")
    again = classify.classify_project(project_b, ids, ["model-type"])
    assert _labels(again, follow) == ["job-specialist"]


def test_an_offer_is_withdrawn_when_the_link_no_longer_stands(project_b):
    main, follow, other = ids = store_records(project_b, _trial(), "snowballing")
    decide_study_link(project_b.db, main, follow, True, "ann")
    classify.confirm(project_b, main, "model-type", ["multidisciplinary-team"], "bob")
    classify.classify_project(project_b, ids, ["model-type"])
    assert classify.assigned_labels(project_b, "model-type", [follow])[follow].method == "study"

    decide_study_link(project_b.db, main, follow, False, "ann")  # not one study after all
    result = classify.classify_project(project_b, ids, ["model-type"])
    assert result.rules[(follow, "model-type")][0].method == "rules"
    withdrawn = label_rows.current(project_b.db, "model-type", "study")[follow]
    assert [(r.label, r.status) for r in withdrawn] == [("multidisciplinary-team", "rejected")]
    assigned = classify.assigned_labels(project_b, "model-type", [follow])[follow]
    assert assigned == classify.Assigned(("none",), False, "", "rules")
    before = len(label_rows.history(project_b.db, follow, "model-type"))
    classify.classify_project(project_b, ids, ["model-type"])  # nothing more to withdraw
    assert len(label_rows.history(project_b.db, follow, "model-type")) == before


def test_siblings_confirmed_differently_are_offered_as_a_tie(project_b):
    reports = _trial()
    reports.append(Record(title="Cost-effectiveness of the trial's programme", year=2021))
    main, follow, _, cost = ids = store_records(project_b, reports, "snowballing")
    decide_study_link(project_b.db, main, follow, True, "ann")
    decide_study_link(project_b.db, follow, cost, True, "ann")
    classify.confirm(project_b, main, "model-type", ["job-specialist"], "ann")
    classify.confirm(project_b, follow, "model-type", ["coordinator"], "bob")
    result = classify.classify_project(project_b, ids, ["model-type"])
    offered = result.rules[(cost, "model-type")]
    assert sorted(s.label for s in offered) == ["coordinator", "job-specialist"]
    assert all(s.tie for s in offered)


def test_the_confirm_screen_offers_a_siblings_confirmed_label(project_b):
    """In ``confirm``, a label just given to one report is the suggestion on the next report of
    its study, and Enter accepts it."""
    import asyncio

    from textual.widgets import Static

    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.classify import ConfirmScreen

    main, follow, _ = store_records(project_b, _trial(), "snowballing")
    decide_study_link(project_b.db, main, follow, True, "ann")

    async def scenario() -> None:
        app = ReviewkitApp(ConfirmScreen(project_b, "model-type", [main, follow], "ann"), keymap={})
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("1")  # multidisciplinary team on the main paper
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ConfirmScreen) and screen.current == follow
            shown = str(screen.query_one("#labels", Static).render())
            assert f"confirmed on record {main}" in shown
            # marked S (a person's word on another report), not R (the rules')
            team = next(line for line in shown.splitlines() if "Multidisciplinary team" in line)
            assert team.split()[1] == "S"
            await pilot.press("enter")  # accept the suggestion: the sibling's label
            await pilot.pause()

    asyncio.run(scenario())
    assert classify.confirmed_labels(project_b, "model-type")[follow] == ["multidisciplinary-team"]


def test_the_report_says_a_label_was_confirmed_on_another_report(project_b, include_all, tmp_path):
    """`reviewkit report`: a report whose label a person confirmed on its (not included) main
    paper shows "suggested (confirmed on another report)", not the rules' plain "suggested"."""
    import csv

    from reviewkit.cli import main as cli

    main, follow, other = ids = store_records(project_b, _trial(), "snowballing")
    include_all(project_b, [follow, other])  # the main paper is not among the included
    decide_study_link(project_b.db, main, follow, True, "ann")
    classify.confirm(project_b, main, "model-type", ["multidisciplinary-team"], "bob")
    classify.classify_project(project_b, ids)
    out = tmp_path / "out"
    assert cli(["report", "--project", str(project_b.folder), "--out", str(out)]) == 0
    tables = out / "tables"
    team = list(csv.DictReader((tables / "multidisciplinary-team.csv").open(encoding="utf-8")))
    assert [r["Label status"] for r in team] == ["suggested (confirmed on another report)"]
    assert "Two-year follow-up of a randomised trial" in team[0]["Reference"]
    rest = [
        r
        for f in tables.glob("*.csv")
        if f.stem != "multidisciplinary-team"
        for r in csv.DictReader(f.open(encoding="utf-8"))
    ]
    assert [r["Label status"] for r in rest] == ["suggested"]  # the other study: the rules'
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "1 suggested (1 confirmed on another report of the study)." in md
    emap = (out / "evidence-map" / "evidence-map.md").read_text(encoding="utf-8")
    assert "1 on a label confirmed on another report of the study" in emap
    graph = (out / "evidence-map" / "study-labels.graphml").read_text(encoding="utf-8")
    assert "suggested (confirmed on another report)" in graph
