"""Defects the Review B walk-through found in classifying reports of one study (two reports
linked with `dedup study-link`): how a sibling's confirmation reads, the "why" line in
`confirm`, counting studies rather than reports, the filled records, and capital headings
without colons."""

from __future__ import annotations

import asyncio
import csv

from reports.conftest import store_records, trial_reports

from reviewkit import classify
from reviewkit.abstract_sections import plain_abstract
from reviewkit.cli import main as cli
from reviewkit.dedup import engine
from reviewkit.dedup.studies import decide_study_link
from reviewkit.records import AbstractSection, Record


def _trial() -> list[Record]:
    """A trial's main paper, its follow-up, and another study (conftest.trial_reports)."""
    return trial_reports("Dialogue meetings with the employer for back pain")


def _args(project, *args: str) -> list[str]:
    return [*args, "--project", str(project.folder)]


# 1. a sibling's confirmation reads "confirmed on record N by NAME" ----------------------------


def test_classify_csv_says_who_confirmed_the_label_on_the_sibling(project_b, tmp_path, capsys):
    main, follow, _ = store_records(project_b, _trial(), "snowballing")
    decide_study_link(project_b.db, main, follow, True, "ann")
    classify.confirm(project_b, main, "model-type", ["multidisciplinary-team"], "kari")
    out = tmp_path / "suggestions.csv"
    args = _args(project_b, "classify", "--all", "--scheme", "model-type", "--csv", str(out))
    assert cli(args) == 0
    rows = {int(r["record_id"]): r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows[follow]["evidence"] == f"confirmed on record {main} by kari"


# 2. the "why" line: one piece per term, strongest first --------------------------------------


def _ips_everywhere() -> Record:
    """IPS in the title and in four sections; the employment specialist in one."""
    return Record(
        title="IPS for sick-listed people with depression",
        abstract_sections=[
            AbstractSection("BACKGROUND", "IPS helps people with severe illness."),
            AbstractSection("METHODS", "IPS was given by an employment specialist."),
            AbstractSection("RESULTS", "IPS shortened sick leave."),
            AbstractSection("CONCLUSIONS", "IPS works."),
        ],
    )


def test_the_strongest_piece_of_each_term_first():
    scheme_b = _scheme_b()
    scores = classify.score_labels(_ips_everywhere(), scheme_b)
    job = next(s for s in scores if s.label == "job-specialist")
    shown = [e.short() for e in classify.strongest_terms(job.evidence)]
    # IPS in the title (1 x 2) before the employment specialist in the methods (1.5 x 1)
    assert shown == ["IPS@title", '"employment specialist*"@abstract:METHODS']


def _scheme_b():
    from conftest import PROTOCOL_B

    from reviewkit import protocol as protocol_mod

    return protocol_mod.load(PROTOCOL_B).scheme("model-type")


def _confirm_screen(project, ids: list[int], presses: tuple[str, ...] = ()) -> tuple[str, str]:
    """The status and label lines of `confirm` on ``ids`` (after ``presses``)."""
    from textual.widgets import Static

    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.classify import ConfirmScreen

    shown: dict[str, str] = {}

    async def scenario() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            for key in presses:
                await pilot.press(key)
                await pilot.pause()
            screen = app.screen
            shown["status"] = str(screen.query_one("#status", Static).render())
            shown["labels"] = str(screen.query_one("#labels", Static).render())

    asyncio.run(scenario())
    return shown["status"], shown["labels"]


def test_the_why_line_shows_each_term_once(project_b):
    (rid,) = store_records(project_b, [_ips_everywhere()], "snowballing")
    _, labels = _confirm_screen(project_b, [rid])
    flat = " ".join(labels.split())  # the row may break under the label's name
    job = flat[flat.index("Job specialist") : flat.index("Sick-leave")]
    assert 'why: IPS@title, "employment specialist*"@abstract:METHODS' in job
    assert job.count("IPS@") == 1


# 3. studies, not reports, are counted -------------------------------------------------------


def test_classify_counts_two_reports_of_one_study_once(project_b, include_all, capsys):
    main, follow, other = ids = store_records(project_b, _trial(), "snowballing")
    include_all(project_b, ids)
    decide_study_link(project_b.db, main, follow, True, "ann")
    assert cli(_args(project_b, "classify", "--scheme", "model-type")) == 0
    out = capsys.readouterr().out
    assert "model-type\tjob-specialist\t1\n" in out
    assert "3 reports of 2 studies classified" in out
    assert "2 studies given new suggestions (model-type: 2)" in out


def test_classify_all_counts_two_reports_of_one_study_once(project_b, capsys):
    # --all (nothing screened yet): the line counts studies as the label counts above it do
    main, follow, _ = store_records(project_b, _trial(), "snowballing")
    decide_study_link(project_b.db, main, follow, True, "ann")
    assert cli(_args(project_b, "classify", "--all", "--scheme", "model-type")) == 0
    assert "3 reports of 2 studies classified" in capsys.readouterr().out


def test_the_confirm_screen_counts_studies(project_b):
    main, follow, other = ids = store_records(project_b, _trial(), "snowballing")
    decide_study_link(project_b.db, main, follow, True, "ann")
    status, _ = _confirm_screen(project_b, ids)
    assert status.startswith("confirmed 0 of 2 studies (3 reports)")
    # a study counts once each of its reports has a confirmed label (the walk stops at each)
    status, _ = _confirm_screen(project_b, ids, ("1",))
    assert status.startswith("confirmed 0 of 2 studies")
    status, _ = _confirm_screen(project_b, ids, ("enter",))
    assert status.startswith("confirmed 1 of 2 studies")


def _twins(n_studies: int) -> list[Record]:
    """Each study two reports of the same words, no word shared with another study."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    out = []
    for k in range(n_studies):
        title = f"{words[k]} {words[k]}stone {words[k]}field programme"
        out += [Record(title=title, year=2010), Record(title=title, year=2011)]
    return out


def test_the_model_holds_out_a_studys_reports_together(project_b):
    ids = store_records(project_b, _twins(4), "snowballing")
    answers = ["coordinator", "coordinator", "workplace", "workplace"]
    for k, label in enumerate(answers):
        a, b = ids[2 * k], ids[2 * k + 1]
        decide_study_link(project_b.db, a, b, True, "ann")
        classify.confirm(project_b, a, "model-type", [label], "ann")
        classify.confirm(project_b, b, "model-type", [label], "ann")
    model = classify.train_model(project_b, project_b.protocol.scheme("model-type"))
    assert model is not None
    status = classify.status_of(model).describe()
    assert "cross-validated on 4 confirmed studies" in status
    # with a twin in training each report would be "predicted" by its own words: 100%
    assert model.cv_accuracy is not None and model.cv_accuracy < 1.0


def test_two_reports_of_one_study_do_not_make_an_answer_learnable(project_b):
    ids = store_records(project_b, _twins(3), "snowballing")
    answers = ["coordinator", "workplace", "workplace"]  # coordinator: one study, two reports
    for k, label in enumerate(answers):
        a, b = ids[2 * k], ids[2 * k + 1]
        decide_study_link(project_b.db, a, b, True, "ann")
        classify.confirm(project_b, a, "model-type", [label], "ann")
        classify.confirm(project_b, b, "model-type", [label], "ann")
    assert classify.train_model(project_b, project_b.protocol.scheme("model-type")) is None


# 4. a study is classified on its filled record ----------------------------------------------


def test_a_study_is_classified_on_the_abstract_of_its_duplicate(project_b):
    title = "A randomised trial for sick-listed people"
    kept, copy = store_records(
        project_b,
        [
            Record(title=title, year=2018, source="PubMed"),
            Record(
                title=title,
                year=2018,
                abstract_sections=[
                    AbstractSection("METHODS", "Individual placement and support was given.")
                ],
            ),
        ],
        "snowballing",
    )
    engine.decide_pair(project_b.db, kept, copy, "duplicate", "lead")
    result = classify.classify_project(project_b, [kept], ["model-type"])
    assert [s.label for s in result.rules[(kept, "model-type")]] == ["job-specialist"]


# 5. capital headings without colons --------------------------------------------------------

CINAHL = (
    "BACKGROUND Sick leave with depression is common. AIM To test a programme. "
    "METHODS 134 workers were randomised. INTERVENTION An employment specialist met the "
    "employer. RESULTS More returned to work. CONCLUSIONS It helped."
)


def test_capital_headings_without_colons_are_sections():
    sections = plain_abstract(CINAHL)
    assert [s.label for s in sections] == [
        "BACKGROUND",
        "AIM",
        "METHODS",
        "INTERVENTION",
        "RESULTS",
        "CONCLUSIONS",
    ]
    assert sections[0].text == "Sick leave with depression is common."
    assert sections[2].text == "134 workers were randomised."


def test_capital_headings_of_several_words_and_other_capitals():
    text = (
        "STUDY DESIGN AND SETTING A cohort of 200 workers. MAIN RESULTS IPS helped. "
        "CONCLUSIONS IPS and TAU differ."
    )
    assert [(s.label, s.text) for s in plain_abstract(text)] == [
        ("STUDY DESIGN AND SETTING", "A cohort of 200 workers."),
        ("MAIN RESULTS", "IPS helped."),
        ("CONCLUSIONS", "IPS and TAU differ."),
    ]
    # an acronym at a sentence start, one heading word alone, a record in capitals only: no
    # structure
    for text in (
        "IPS helps. RTW was faster with IPS.",
        "RESULTS were mixed in a study of sick leave. We conclude little.",
        "The METHODS section. BACKGROUND noise was low.",
        "BACKGROUND SICK LEAVE IS COMMON. METHODS WE RANDOMISED 134 WORKERS.",
    ):
        assert [s.label for s in plain_abstract(text)] == [""], text


def test_an_intervention_heading_without_a_colon_weighs_as_the_section(project_b):
    rec = Record(title="A trial", abstract_sections=plain_abstract(CINAHL))
    scores = classify.score_labels(rec, project_b.protocol.scheme("model-type"))
    job = next(s for s in scores if s.label == "job-specialist")
    assert {e.where for e in job.evidence} == {"abstract:INTERVENTION"}


def test_a_record_stored_as_one_section_is_read_at_its_capital_headings(project_b):
    """A record imported before the headings were known keeps one unlabelled section: the
    rules read its sections all the same."""
    rec = Record(title="A trial", abstract_sections=[AbstractSection("", CINAHL)])
    scores = classify.score_labels(rec, project_b.protocol.scheme("model-type"))
    job = next(s for s in scores if s.label == "job-specialist")
    assert {e.where for e in job.evidence} == {"abstract:INTERVENTION"}
