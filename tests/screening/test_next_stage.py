"""A reviewer with nothing left at a stage is told where work waits: the next stage's records
for them (``screen`` opens title-abstract unless given --stage), the other reviewer's, the
lead's conflicts. A team's walk-through found "all done at this stage" the only word, and a
reopened finished stage showed its first record with none."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records, screening_app, until
from tui.helpers import shown

from reviewkit import errors
from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.studies import decide_study_link
from reviewkit.status import where_next

TA, FT = "title-abstract", "full-text"
AT_TOP = "next: see 'Queue done' at the top"  # the message: the steps are said once (tui44)


async def _done_line(pilot) -> str:  # noqa: ANN001
    """The order line once it says the queue is done (the steps are said there)."""
    app = pilot.app
    await until(pilot, lambda: shown(app, "#rank").startswith("Queue done"), "the done line")
    return shown(app, "#rank")


def _vote_all(project, ids, reviewer, labels) -> None:
    for study, label in zip(ids, labels, strict=True):
        reason = "" if label != "exclude" else project.protocol.stages[TA].exclusion_reasons[0].code
        scr.decide(project.db, study, TA, reviewer, label, reason, protocol=project.protocol)


def test_the_last_vote_names_the_next_stage_and_the_leads_conflicts(project_b, monkeypatch):
    monkeypatch.chdir(project_b.folder)  # the commands named need no --project (see below)
    ids = add_records(project_b, make_records(4))
    _vote_all(project_b, ids, "reviewer2", ["include", "include", "exclude", "include"])
    _vote_all(project_b, ids[:3], "reviewer1", ["include", "include", "include"])

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            assert s.current == ids[3]
            await pilot.press("i")
            assert s.message.endswith(f"all done at this stage; {AT_TOP}"), s.message
            line = await _done_line(pilot)
            assert (
                "full-text: 3 records wait for you"
                " (reviewkit screen --reviewer reviewer1 --stage full-text)" in line
            )
            assert "title-abstract: 1 conflict for a lead (reviewkit conflicts)" in line

    asyncio.run(go())


def test_a_reviewer_is_not_told_the_conflicts_of_a_stage_still_open(project_b):
    """reviewer2 has voted on one record, an exclude; reviewer1's last vote, an include, made
    a conflict of it, and the line said '1 conflict for a lead (reviewkit conflicts)': the
    other's one vote, told (a command that refuses them while records are pending there)."""
    ids = add_records(project_b, make_records(3))
    _vote_all(project_b, ids[:1], "reviewer2", ["exclude"])
    _vote_all(project_b, ids[:2], "reviewer1", ["include", "include"])

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            assert s.current == ids[2]
            await pilot.press("i")
            assert s.message.endswith(f"all done at this stage; {AT_TOP}"), s.message
            line = await _done_line(pilot)
            assert line.endswith("next: title-abstract: 2 records for another reviewer"), line
            lead = where_next(project_b, "lead", TA)  # a lead screens nothing: told
            assert "title-abstract: 2 records for the reviewers, 1 conflict for a lead" in lead

    asyncio.run(go())


def test_a_finished_stage_reopened_says_so_and_where_to_go(project_b):
    ids = add_records(project_b, make_records(3))
    _vote_all(project_b, ids, "reviewer1", ["include"] * 3)

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(80, 24)):
            s = app.first_screen
            assert s.queue.remaining == 0
            # nothing at full text yet: the other reviewer has every record still to screen;
            # said on the order line (it stays), not twice with the message line (q43b)
            rank = s.query_one("#rank")
            line = " ".join(rank.render_line(y).text.strip() for y in range(rank.size.height))
            assert line == (
                "Queue done: every record here has your decision · next: title-abstract: "
                "3 records for another reviewer"
            )
            assert s.message == ""

    asyncio.run(go())


def test_an_empty_later_stage_names_the_records_that_wait_at_the_first(project_b, monkeypatch):
    monkeypatch.chdir(project_b.folder)
    add_records(project_b, make_records(2))

    async def go():
        app = screening_app(project_b, FT)
        async with app.run_test(size=(80, 24)):
            s = app.first_screen
            assert s.current is None
            assert s.message == (
                "next: title-abstract: 2 records wait for you"
                " (reviewkit screen --reviewer reviewer1 --stage title-abstract)"
            )

    asyncio.run(go())


def test_tab_when_every_record_is_decided_says_where_next(project_b, monkeypatch):
    monkeypatch.chdir(project_b.folder)
    ids = add_records(project_b, make_records(2))
    _vote_all(project_b, ids, "reviewer2", ["include", "include"])
    _vote_all(project_b, ids, "reviewer1", ["include", "include"])

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await pilot.press("tab")
            assert s.message == f"every record here has your decision; {AT_TOP}"
            assert (await _done_line(pilot)).endswith(
                "next: full-text: 2 records wait for you"
                " (reviewkit screen --reviewer reviewer1 --stage full-text)"
            )

    asyncio.run(go())


def test_the_last_vote_of_screening_names_what_comes_after_it(project_b, monkeypatch):
    """A new user's walk-through: the last full-text vote (or the lead's last final decision)
    said 'all done at this stage' and nothing more, though screening was over and the included
    studies waited to be classified; 'reviewkit status' had to be asked."""
    monkeypatch.chdir(project_b.folder)
    ids = add_records(project_b, make_records(3))
    for reviewer in ("reviewer1", "reviewer2"):
        _vote_all(project_b, ids, reviewer, ["include", "include", "exclude"])
    for study in ids[:2]:
        scr.decide(project_b.db, study, FT, "reviewer2", "include", protocol=project_b.protocol)
    scr.decide(project_b.db, ids[0], FT, "reviewer1", "include", protocol=project_b.protocol)

    async def go():
        app = screening_app(project_b, FT)
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            assert s.current == ids[1]
            await pilot.press("i")
            assert s.message.endswith(f"all done at this stage; {AT_TOP}"), s.message
            assert (await _done_line(pilot)).endswith(
                "next: screening is done, 2 records included (reviewkit classify)"
            )
        assert where_next(project_b, "lead", FT) == (
            "screening is done, 2 records included (reviewkit classify)"
        )

    asyncio.run(go())


def test_screening_done_counts_the_included_as_status_does(project_b, monkeypatch, capsys):
    """'screening is done, 2 studies included' counted the included records as studies: two
    reports a person linked as one study (`dedup study-link --same`) were two there, while
    `reviewkit status`, the report and PRISMA say 1 study (2 reports); before any dedup run
    status calls them records, not studies, and so does this line."""
    monkeypatch.chdir(project_b.folder)
    ids = add_records(project_b, make_records(3))
    for reviewer in ("reviewer1", "reviewer2"):
        _vote_all(project_b, ids, reviewer, ["include", "include", "exclude"])
        for study in ids[:2]:
            scr.decide(project_b.db, study, FT, reviewer, "include", protocol=project_b.protocol)
    assert where_next(project_b, "lead", FT) == (
        "screening is done, 2 records included (reviewkit classify)"
    )
    decide_study_link(project_b.db, ids[0], ids[1], True, "lead")
    said = where_next(project_b, "lead", FT)
    assert said == "screening is done, 1 study (2 reports) included (reviewkit classify)"
    assert main(["status"]) == 0
    assert "included studies: 1 (2 reports)" in capsys.readouterr().out


def _include_two(project, ids) -> None:
    for reviewer in ("reviewer1", "reviewer2"):
        _vote_all(project, ids, reviewer, ["include", "include", "exclude"])
        for study in ids[:2]:
            scr.decide(project.db, study, FT, reviewer, "include", protocol=project.protocol)


def test_screening_done_names_confirm_then_the_report_once_every_label_is(
    project_b, monkeypatch, capsys
):
    """Screening done said '(reviewkit classify)' after classify had run and after every label
    was confirmed: the suggestions wait for a person (confirm), then the report comes next."""
    monkeypatch.chdir(project_b.folder)
    ids = add_records(project_b, make_records(3))
    _include_two(project_b, ids)
    assert main(["classify"]) == 0
    said = where_next(project_b, "lead", FT)
    schemes = list(project_b.protocol.schemes)
    first = schemes[0]  # status lists the schemes in the protocol's order
    assert said == (
        f"screening is done, 2 records included (reviewkit confirm --reviewer lead --scheme {first})"
    )
    # a name the protocol does not list is not offered: confirm would refuse it
    assert f"(reviewkit confirm --reviewer NAME --scheme {first})" in where_next(
        project_b, "someone", FT
    )
    for sid in schemes:
        label = project_b.protocol.schemes[sid].label_ids[0]
        for rid in ids[:2]:
            assert main(["label", str(rid), f"{sid}={label}", "--reviewer", "lead"]) == 0
    assert where_next(project_b, "lead", FT) == (
        "screening is done, 2 records included (reviewkit report)"
    )


def test_screening_done_with_none_included_names_the_report(project_b, monkeypatch):
    """Every record excluded: nothing waits, and the report (PRISMA with 0 included) is next;
    the line said nothing. Before any record is screened it still says nothing."""
    monkeypatch.chdir(project_b.folder)
    assert where_next(project_b, "reviewer1", TA) == ""  # no record yet
    ids = add_records(project_b, make_records(2))
    for reviewer in ("reviewer1", "reviewer2"):
        _vote_all(project_b, ids, reviewer, ["exclude", "exclude"])
    assert where_next(project_b, "reviewer1", TA) == (
        "screening is done, 0 records included (reviewkit report)"
    )
    errors.project_opened(" --project review-b")  # as open_project sets it outside the folder
    assert where_next(project_b, "lead", TA).endswith("(reviewkit report --project review-b)")
