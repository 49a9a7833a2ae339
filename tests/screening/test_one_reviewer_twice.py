"""One reviewer in two places at once (two terminals on one project, or two copies of it on two
machines) voting at full text on one merged study: the later vote replaced the earlier without a
word. "Two reviewers working at once lose nothing" holds for one reviewer twice: the second is
told, and nothing is replaced unread."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from conftest import PROTOCOL_B, add_records
from screening.helpers import make_records, screening_app

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.engine import merge_records
from reviewkit.project import init_project, open_project
from reviewkit.store.decisions import list_decisions

TA, FT = "title-abstract", "full-text"


def cli(folder, *args) -> int:
    return main([*args, "--project", str(folder)])


def _merged_at_full_text(project) -> int:
    """Records 1 and 2 merged, included at title-abstract by both reviewers: the study's id."""
    ids = add_records(project, make_records(3))
    merge_records(project.db, ids[0], ids[1], "lead")
    for reviewer in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project, TA, reviewer).decide(ids[0], "include")
    assert ids[0] in scr.DerivedStages(project).studies(FT)
    return ids[0]


def test_a_vote_from_a_second_terminal_is_told_of_the_first(project_b):
    """Both terminals showed the study with no vote of reviewer1's; the first said include,
    the second exclude, and the exclude replaced the include unread. The second is refused,
    naming the vote that stands; pressed again (now seen) it is a change, as any."""
    study = _merged_at_full_text(project_b)
    one, two = (scr.ReviewerQueue(project_b, FT, "reviewer1") for _ in range(2))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    first = one.decide(study, "include")
    with pytest.raises(scr.VotedMeanwhile) as told:
        two.decide(study, "exclude", reason)
    assert str(told.value).startswith(
        f"you voted include on record {study} at the full-text stage meanwhile (in another"
        " window or terminal)"
    )
    assert "press the key again to change it" in told.value.hint
    standing = scr.DerivedStages(project_b).states(FT)[study].votes["reviewer1"]
    assert standing.id == first.id
    assert two.votes[study].id == first.id  # the second screen now shows it
    again = two.decide(study, "exclude", reason)
    assert scr.DerivedStages(project_b).states(FT)[study].votes["reviewer1"].id == again.id
    # the first screen changing its own vote, unaware of the second's change, is told too
    with pytest.raises(scr.VotedMeanwhile):
        one.decide(study, "uncertain")


@pytest.mark.parametrize("first", ["laptop", "desktop"])
def test_a_log_from_a_second_copy_that_never_saw_the_first_s_vote_is_refused(
    tmp_path, capsys, first
):
    """reviewer1 screened full text in two copies of the lead's folder (two machines) and voted
    include on the merged study in one, exclude in the other. Imported one after the other,
    the later vote replaced the earlier without a word (or, imported in the other order, the
    older was dropped). The second log is refused, naming both votes, nothing imported."""
    lead = init_project(tmp_path / "lead", PROTOCOL_B)
    study = _merged_at_full_text(lead)
    reason = lead.protocol.stages[FT].exclusion_reasons[0].code
    lead.close()
    for name in ("laptop", "desktop"):
        shutil.copytree(tmp_path / "lead", tmp_path / name)
    for name, label in (("laptop", "include"), ("desktop", "exclude")):  # on the study's id
        copy = open_project(tmp_path / name)
        scr.ReviewerQueue(copy, FT, "reviewer1").decide(
            study, label, reason if label == "exclude" else ""
        )
        copy.close()
        log = tmp_path / f"{name}.jsonl"
        assert cli(tmp_path / name, "decisions", "export", "--reviewer", "reviewer1", str(log)) == 0
    second = "desktop" if first == "laptop" else "laptop"
    assert cli(tmp_path / "lead", "decisions", "import", str(tmp_path / f"{first}.jsonl")) == 0
    lead = open_project(tmp_path / "lead")
    before = list_decisions(lead.db)
    lead.close()
    capsys.readouterr()
    log = tmp_path / f"{second}.jsonl"
    assert cli(tmp_path / "lead", "decisions", "import", str(log)) == 2
    err = capsys.readouterr().err
    votes = {"laptop": "include", "desktop": f"exclude ({reason})"}
    assert (
        f"{log}:2: reviewer1 voted {votes[second]} on record {study} at the full-text stage"
        f" (PMID 1001 in the file), and {votes[first]} in another copy of the project" in err
    )
    assert "never saw" in err
    assert "nothing was imported" in err
    lead = open_project(tmp_path / "lead")
    try:
        assert list_decisions(lead.db) == before
    finally:
        lead.close()


def test_the_same_vote_from_two_copies_comes_in(tmp_path):
    """Two copies that agree lose nothing: the second log comes in."""
    lead = init_project(tmp_path / "lead", PROTOCOL_B)
    study = _merged_at_full_text(lead)
    lead.close()
    for name in ("laptop", "desktop"):
        shutil.copytree(tmp_path / "lead", tmp_path / name)
        copy = open_project(tmp_path / name)
        scr.ReviewerQueue(copy, FT, "reviewer1").decide(study, "include")
        copy.close()
        log = tmp_path / f"{name}.jsonl"
        assert cli(tmp_path / name, "decisions", "export", "--reviewer", "reviewer1", str(log)) == 0
        assert cli(tmp_path / "lead", "decisions", "import", str(log)) == 0


def test_one_reviewer_s_votes_on_two_copies_of_a_merged_study_that_differ_go_to_the_lead(
    tmp_path,
):
    """One copy had seen the lead's merge, the other not: reviewer1 voted include on the
    merged study in one and exclude on its other record in the other. Each comes in (a vote
    on a record of its own there), and the study counted the newer alone: one of the
    reviewer's two decisions on one study dropped without a word. They go to the lead."""
    lead = init_project(tmp_path / "lead", PROTOCOL_B)
    ids = add_records(lead, make_records(2))
    for reviewer in ("reviewer1", "reviewer2"):
        for record in ids:
            scr.decide(lead.db, record, TA, reviewer, "include")
    reason = lead.protocol.stages[FT].exclusion_reasons[0].code
    lead.close()
    shutil.copytree(tmp_path / "lead", tmp_path / "unmerged")
    lead = open_project(tmp_path / "lead")
    merge_records(lead.db, ids[0], ids[1], "lead")
    lead.close()
    shutil.copytree(tmp_path / "lead", tmp_path / "merged")
    for name, record, label in (("merged", ids[0], "include"), ("unmerged", ids[1], "exclude")):
        copy = open_project(tmp_path / name)
        scr.ReviewerQueue(copy, FT, "reviewer1").decide(
            record, label, reason if label == "exclude" else ""
        )
        copy.close()
        log = tmp_path / f"{name}.jsonl"
        assert cli(tmp_path / name, "decisions", "export", "--reviewer", "reviewer1", str(log)) == 0
        assert cli(tmp_path / "lead", "decisions", "import", str(log)) == 0
    lead = open_project(tmp_path / "lead")
    try:
        assert ids[0] in {c.study_id for c in scr.conflicts(lead, FT, "lead")}
        # a vote changed where the change was seen is no disagreement: reviewer1 in the lead's
        # project, changing their vote on the merged study, changes the one they see
        scr.resolve(lead, ids[0], FT, "lead", "exclude", reason)
        assert ids[0] not in {c.study_id for c in scr.conflicts(lead, FT, "lead") if c.open}
    finally:
        lead.close()


def test_a_reviewer_changing_their_vote_on_a_merged_study_changes_that_vote(project_b):
    """reviewer1 voted on a copy before the lead merged it into a study with the other copy;
    changed on the merged study, the new vote replaces theirs (on the same record), not a
    second vote on another record that would disagree with it."""
    ids = add_records(project_b, make_records(2))
    for reviewer in ("reviewer1", "reviewer2"):
        for record in ids:
            scr.decide(project_b.db, record, TA, reviewer, "include")
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    first = scr.ReviewerQueue(project_b, FT, "reviewer1").decide(ids[1], "exclude", reason)
    merge_records(project_b.db, ids[0], ids[1], "lead")
    again = scr.ReviewerQueue(project_b, FT, "reviewer1").decide(ids[0], "include")
    assert again.record_id == first.record_id == ids[1]
    assert scr.conflicts(project_b, FT, "lead") == []


def test_a_lead_s_final_from_a_second_copy_that_never_saw_the_first_is_refused(tmp_path, capsys):
    """The lead settled a conflict in two copies (a laptop and the office machine), include in
    one and exclude in the other: imported one after the other, the later final replaced the
    earlier without a word. The second is refused; the same final from both comes in."""
    lead = init_project(tmp_path / "lead", PROTOCOL_B)
    (study,) = add_records(lead, make_records(1))
    scr.decide(lead.db, study, TA, "reviewer1", "include")
    scr.decide(lead.db, study, TA, "reviewer2", "exclude", "no-collaboration")
    lead.close()
    finals = {"laptop": "include", "desktop": "exclude", "office": "include"}
    for name, label in finals.items():
        shutil.copytree(tmp_path / "lead", tmp_path / name)
        copy = open_project(tmp_path / name)
        scr.resolve(
            copy, study, TA, "lead", label, "no-collaboration" if label == "exclude" else ""
        )
        copy.close()
        log = tmp_path / f"{name}.jsonl"
        assert cli(tmp_path / name, "decisions", "export", "--reviewer", "lead", str(log)) == 0
    assert cli(tmp_path / "lead", "decisions", "import", str(tmp_path / "laptop.jsonl")) == 0
    capsys.readouterr()
    assert cli(tmp_path / "lead", "decisions", "import", str(tmp_path / "desktop.jsonl")) == 2
    err = capsys.readouterr().err
    assert (
        f"lead gave final exclude (no-collaboration) on record {study} at the title-abstract"
        " stage (PMID 1001 in the file), and final include in another copy" in err
    )
    assert cli(tmp_path / "lead", "decisions", "import", str(tmp_path / "office.jsonl")) == 0


def test_the_screen_of_the_second_terminal_says_so_and_shows_the_vote(project_b):
    """At the keyboard: the second terminal's key is not saved, the message line says why and
    the vote from the first terminal shows; the key again changes it. The first terminal's
    vote given again there loses nothing, and is saved (nothing written: it stands)."""
    (study, *_rest) = add_records(project_b, make_records(2))
    app = screening_app(project_b)

    async def go():
        async with app.run_test(size=(100, 30)) as pilot:
            s = app.first_screen
            assert s.current == study
            scr.ReviewerQueue(project_b, TA, "reviewer1").decide(study, "uncertain")  # terminal 1
            await pilot.press("i")
            assert s.message.startswith(
                f"not saved: you voted uncertain on record {study} at the title-abstract stage"
                " meanwhile (in another window or terminal): that vote stands"
            )
            assert s.queue.votes[study].label == "uncertain"
            await pilot.press("i")  # the same key again: a vote seen, changed
            assert s.message.startswith(f"saved: include on record {study}")
            assert s.queue.votes[study].label == "include"
            first = scr.ReviewerQueue(project_b, TA, "reviewer1")  # terminal 1, include too
            assert first.decide(study, "include").id == s.queue.votes[study].id

    asyncio.run(go())


def test_a_second_lead_s_final_made_on_a_copy_that_held_the_first_comes_in(tmp_path, capsys):
    """Two leads: lead settled a conflict include in the lead's project; lead2, on a copy taken
    after it (the screen showed them lead's final, which a resolver may replace), settled it
    exclude and sent their log. Their log holds their own entries only, never lead's: judged
    as a copy that never saw lead's final it was refused, and so was every later log of
    lead2's (a new copy does not put lead's entries into lead2's log). It comes in; the same
    resolver's final from two copies is still judged (the test above)."""
    text = PROTOCOL_B.read_text()
    assert 'leads = ["lead"]' in text
    protocol = tmp_path / "protocol.toml"
    protocol.write_text(text.replace('leads = ["lead"]', 'leads = ["lead", "lead2"]'))
    main_project = init_project(tmp_path / "lead", protocol)
    (study,) = add_records(main_project, make_records(1))
    scr.decide(main_project.db, study, TA, "reviewer1", "include")
    scr.decide(main_project.db, study, TA, "reviewer2", "exclude", "no-collaboration")
    first = scr.resolve(main_project, study, TA, "lead", "include")
    main_project.close()
    shutil.copytree(tmp_path / "lead", tmp_path / "lead2")
    copy = open_project(tmp_path / "lead2")
    scr.resolve(copy, study, TA, "lead2", "exclude", "no-collaboration", seen=first)
    copy.close()
    log = tmp_path / "lead2.jsonl"
    assert cli(tmp_path / "lead2", "decisions", "export", "--reviewer", "lead2", str(log)) == 0
    capsys.readouterr()
    assert cli(tmp_path / "lead", "decisions", "import", str(log)) == 0, capsys.readouterr().err
    lead = open_project(tmp_path / "lead")
    try:
        final = scr.DerivedStages(lead).states(TA)[study].final
        assert (final.reviewer, final.label) == ("lead2", "final-exclude")
    finally:
        lead.close()
