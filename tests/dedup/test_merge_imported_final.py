"""A lead's final made in another copy of the project and brought in by `decisions import`,
and a dedup merge made here (issue 14, item 4: two clocks). A final settles the records its
study held when it was given; links are not exchanged, but the exported final names the
records its study held there ('study_records'), whatever either clock says. A log exported
before it did: what the final held is told by the order of events in this file where it can
be: a merge made here after the final came in was not seen by it, whatever the other
machine's clock says (`decisions import` lets it run a day ahead, and the final had been taken
to have seen the merge). A merge made here before the final came in: only the final's time
(that machine's clock) can say whether its copy held the record, and `decisions import` says
so where a record decided otherwise is taken as settled."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from conftest import add_records
from dedup.helpers import cli, conflicts_listed, copies, final_from_copy, other, pairs_apart

from reviewkit import screening as scr
from reviewkit.project import open_project

TA = "title-abstract"
AS_LEAD = ("--reviewer", "lead")  # who imports: a lead is told what to do


def _said(capsys) -> str:
    return " ".join(capsys.readouterr().out.split())


def _screened_apart(project) -> tuple[int, int]:
    """One pair of :func:`~dedup.helpers.pairs_apart`."""
    return pairs_apart(project, 1)[0]


@pytest.mark.parametrize("hours", [0, 2], ids=["same clock", "its clock 2 h ahead"])
def test_a_merge_made_after_the_final_came_in_opens_the_conflict_whatever_its_clock(
    project_b, tmp_path, capsys, monkeypatch, hours
):
    """Was, the other machine's clock ahead: the final's time came after the merge here, so it
    was taken to have seen record b, and b's exclusion by both reviewers was dropped unseen."""
    here, copy, a, b = copies(project_b, tmp_path)
    final_from_copy(copy, a, tmp_path / "lead.jsonl", hours)
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl")) == 0
    assert f"{a}\tresolved" in conflicts_listed(here, capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead") == 0
    assert (
        f"{TA}: record {b}, excluded by both reviewers, joins study {a} settled include by"
        " lead's final: the conflict opens again for the lead"
    ) in _said(capsys)
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    listed = conflicts_listed(here, capsys)
    assert f"{a}\topen" in listed and "open again: a dedup merge joined records" in listed
    with open_project(here) as project:
        assert scr.stage_outcomes(project, TA)[a].status == "include"  # the final counts


@pytest.mark.parametrize("hours", [-1, 1], ids=["made before the merge", "made after it"])
def test_a_final_coming_in_after_a_merge_made_here_is_told_by_its_time(
    project_b, tmp_path, capsys, hours
):
    """The merge is made here first; the final, made in a copy without it, comes in after, in
    a log that does not say what its study held (exported before 'study_records').
    Its time alone can say whether its copy held record b: made before the merge (by that
    clock) it did not, and the conflict is open; made after, it is taken to settle b: the
    import says which, with what to do if that copy held b (apart)."""
    here, copy, a, b = copies(project_b, tmp_path)
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    final_from_copy(copy, a, tmp_path / "lead.jsonl", hours, held=False)
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), *AS_LEAD) == 0
    said = _said(capsys)
    listed = conflicts_listed(here, capsys)
    told = (
        f"lead's final on study {a} at {TA}, from another copy, is taken to settle record {b}"
        " merged here before it by its time (that machine's clock)"
    )
    if hours < 0:  # open again by that clock: said so too
        assert f"{a}\topen" in listed and told not in said
        assert f"is taken not to settle record {b}, merged here before it came in" in said
    else:
        assert f"{a}\tresolved" in listed and told in said
        assert "if that copy held it apart, resolve the study again" in said


def test_a_final_logged_before_the_order_was_kept_is_told_by_its_time(project_b, tmp_path, capsys):
    """A project file from before schema 99 has no mark of when its entries came in: a final
    there is judged by its time alone, as before (here its clock ahead hides the merge)."""
    here, copy, a, b = copies(project_b, tmp_path)
    final_from_copy(copy, a, tmp_path / "lead.jsonl", 2, held=False)  # a log of that time
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl")) == 0
    with open_project(here) as project, project.db.transaction():
        project.db.conn.execute("DELETE FROM decision_link_marks")
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    assert f"{a}\tresolved" in conflicts_listed(here, capsys)


@pytest.mark.parametrize("held", [True, False], ids=["log says what they held", "log from before"])
def test_an_import_of_several_finals_names_the_studies_in_one_sentence(
    project_b, tmp_path, capsys, held
):
    """Two studies merged here, each resolved in a copy without the merge, one log brought in:
    one sentence names them, in the order of the studies (they came in the order of the
    entries' ids; and each final read the whole log again: 4,000 finals, 4 CPU-s). Was: a
    sentence each, 2,000 for 2,000 finals. The log says their copy held the records apart:
    the conflicts are open again; a log from before: taken by their time."""
    a, b = _screened_apart(project_b)
    c, d = add_records(project_b, [other(3), other(4)])
    scr.decide(project_b.db, c, TA, "reviewer1", "exclude", "long-term")
    scr.decide(project_b.db, c, TA, "reviewer2", "include")
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, d, TA, who, "include")
    here, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(here, copy)
    for x, y in ((a, b), (c, d)):
        assert cli(here, "dedup", "merge", str(x), str(y), "--reviewer", "lead", "--yes") == 0
    resolve = ("conflicts", "resolve", str(c), "--decision", "exclude", "--reason", "long-term")
    assert cli(copy, *resolve, "--resolver", "lead") == 0
    final_from_copy(copy, a, tmp_path / "lead.jsonl", 1, held)  # the final on a, the log
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), *AS_LEAD) == 0
    said = _said(capsys)
    line = f"reviewkit conflicts --resolver lead --stage {TA}"
    assert (
        f"2 finals at {TA} from another copy (studies {a} and {c}) do not settle records that"
        f" copy held apart: the conflicts are open again; resolve those studies again ({line}"
        if held
        else f"2 finals at {TA} from another copy (studies {a} and {c}) are taken to settle"
        " records merged here before them by their time (that machine's clock): if that copy"
        f" held them apart, resolve those studies again ({line}"
    ) in said
    assert said.count("from another copy") == 1
    listed = conflicts_listed(here, capsys)
    status = "open" if held else "resolved"
    assert f"{a}\t{status}" in listed and f"{c}\t{status}" in listed


@pytest.mark.parametrize("who", ["lead", "reviewer1"])
def test_a_final_whose_clock_is_behind_a_merge_made_before_it_came_in_is_told(
    project_b, tmp_path, capsys, who
):
    """The merge is made here, the copy taken after it (it holds record b), and the lead
    settles the study there on a machine whose clock runs 2 h behind; the log does not say
    what the study held (exported before 'study_records'). Its time comes before
    the merge's, so the final is taken not to have seen b and the study is open again: that
    too rests on that machine's clock alone. Was: the import said nothing ('added 1 entry'),
    and the lead's settled study was open again without a word of why at the import. A lead
    importing is told to give the final again; a reviewer, that a lead sees the conflict."""
    a, b = _screened_apart(project_b)
    here, copy = project_b.folder, tmp_path / "copy"
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    project_b.close()
    shutil.copytree(here, copy)
    final_from_copy(copy, a, tmp_path / "lead.jsonl", -2, held=False)
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), "--reviewer", who) == 0
    said = _said(capsys)
    where = f"reviewkit conflicts --stage {TA}"
    todo = {
        "lead": f"give the final again (reviewkit conflicts --resolver lead --stage {TA}",
        "reviewer1": f"a lead gives the final again (they see it in {where}",
    }
    assert (
        f"lead's final on study {a} at {TA}, from another copy, is taken not to settle record"
        f" {b}, merged here before it came in but after its time (that machine's clock): the"
        f" conflict is open again; if that copy held it, {todo[who]}"
    ) in said
    assert "is taken to settle" not in said
    assert f"{a}\topen" in conflicts_listed(here, capsys)


@pytest.mark.parametrize("who", ["reviewer1", "lead", None], ids=["reviewer", "lead", "left out"])
def test_finals_of_a_copy_taken_after_the_merge_are_told_once_to_whoever_imports(
    project_b, tmp_path, capsys, monkeypatch, who
):
    """The team's way: the lead merged, a reviewer's copy was taken after it, and the lead's
    log (their finals on the merged conflicts), exported before finals said what their
    studies held, is brought into it. Each final is taken to
    settle the records merged before its time: one sentence says so for all, naming five
    studies and counting the rest. Was: a sentence a final (2,000 finals, 2,000 lines), each
    telling the reviewer to resolve the study again, which a reviewer cannot do. A lead is
    told to; anyone else (a name left out is $REVIEWKIT_REVIEWER, else the login name) that
    a lead sees them in conflicts."""
    pairs = pairs_apart(project_b, 7)
    studies = [a for a, _ in pairs]
    here, copy = project_b.folder, tmp_path / "copy"
    for a, b in pairs:
        assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    project_b.close()
    shutil.copytree(here, copy)
    final_from_copy(copy, studies, tmp_path / "lead.jsonl", 0, held=False)
    capsys.readouterr()
    if who is None:
        monkeypatch.delenv("REVIEWKIT_REVIEWER")
        monkeypatch.setattr("reviewkit.settings.login_name", lambda: "librarian")
    given = ("--reviewer", who) if who else ()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), *given) == 0
    said = _said(capsys)
    first = ", ".join(map(str, studies[:5]))
    todo = {
        "lead": "resolve those studies again",
        "reviewer1": "a lead resolves those studies again (they see them in",
    }[who or "reviewer1"]
    assert (
        f"7 finals at {TA} from another copy (studies {first} and 2 more) are taken to settle"
        " records merged here before them by their time (that machine's clock): if that copy"
        f" held them apart, {todo}"
    ) in said
    assert said.count("from another copy") == 1


def test_an_import_by_a_name_the_protocol_does_not_list_is_refused(project_b, tmp_path, capsys):
    """A --reviewer typed for the import is checked as every name is (a typo of the lead's
    name was told as a reviewer), before anything is written."""
    here, copy, a, b = copies(project_b, tmp_path)
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    final_from_copy(copy, a, tmp_path / "lead.jsonl", 1)
    capsys.readouterr()
    given = ("--reviewer", "laed")
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), *given) == 2
    assert "'laed' is not a reviewer or a lead of this protocol" in capsys.readouterr().err
    assert f"{a}\topen" in conflicts_listed(here, capsys)  # the final was not brought in


@pytest.mark.parametrize("hours", [0, 2], ids=["same clock", "2 h ahead"])
def test_finals_of_a_copy_taken_after_the_merge_settle_what_it_held_and_say_nothing(
    project_b, tmp_path, capsys, hours
):
    """The lead merged, the copy was taken after it (it held the merges), and the lead's finals
    made there come back: each names the records its study held, so it settles them, and the
    import says nothing of them. Was: 'taken to settle records merged here before them by
    their time', a false alarm."""
    pairs = pairs_apart(project_b, 3)
    here, copy = project_b.folder, tmp_path / "copy"
    for a, b in pairs:
        assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    project_b.close()
    shutil.copytree(here, copy)
    final_from_copy(copy, [a for a, _ in pairs], tmp_path / "lead.jsonl", hours)
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), *AS_LEAD) == 0
    said = _said(capsys)
    assert said == "added 3 entries, 0 already present"
    listed = conflicts_listed(here, capsys)
    assert all(f"{a}\tresolved" in listed for a, _ in pairs)
    with open_project(here) as project:
        outcomes = scr.stage_outcomes(project, TA)
        assert all(outcomes[a].status == "include" for a, _ in pairs)


@pytest.mark.parametrize("who", ["lead", "reviewer1"])
@pytest.mark.parametrize("hours", [-1, 1], ids=["made before the merge", "made after it"])
def test_a_final_of_a_copy_taken_before_the_merge_opens_the_conflict_whatever_its_clock(
    project_b, tmp_path, capsys, hours, who
):
    """The copy was taken before the lead merged a and b here; the lead's final on a made
    there names no record b in its study: it does not settle b (excluded by both reviewers),
    and the import says so, whatever that machine's clock says. Was, made after the merge by
    that clock: taken to settle b, the study resolved and b's exclusion dropped unseen."""
    here, copy, a, b = copies(project_b, tmp_path)
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    final_from_copy(copy, a, tmp_path / "lead.jsonl", hours)
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), "--reviewer", who) == 0
    said = _said(capsys)
    todo = {
        "lead": f"resolve the study again (reviewkit conflicts --resolver lead --stage {TA}",
        "reviewer1": f"a lead resolves the study again (they see it in reviewkit conflicts"
        f" --stage {TA}",
    }[who]
    assert (
        f"lead's final on study {a} at {TA}, from another copy, does not settle record {b},"
        f" which that copy held apart: the conflict is open again; {todo}"
    ) in said
    assert "taken to settle" not in said and "taken not to settle" not in said
    assert f"{a}\topen" in conflicts_listed(here, capsys)


def test_a_final_s_study_records_that_are_no_list_refuse_the_file(project_b, tmp_path, capsys):
    """The field is checked as every field is: the line named, nothing written."""
    here, copy, a, _b = copies(project_b, tmp_path)
    log = tmp_path / "lead.jsonl"
    final_from_copy(copy, a, log, 0)
    entry = json.loads(log.read_text(encoding="utf-8"))
    assert entry["study_records"] == []  # a study of one record in that copy
    log.write_text(json.dumps({**entry, "study_records": "none"}) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(log)) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"{log}:1: study_records must be a list of records" in err
    assert f"{a}\topen" in conflicts_listed(here, capsys)


def _copies_of_one_article(project, **b_differs) -> tuple[int, int]:
    """Records a and b of one article as two databases give it (b: Embase's copy, without the
    PMID, and ``b_differs``), kept apart by dedup, screened as :func:`pairs_apart` screens."""
    a, b = add_records(
        project,
        [other(1, pmid="34000001", doi="10.1000/sleep.1"), other(1, source="Embase", **b_differs)],
    )
    scr.decide(project.db, a, TA, "reviewer1", "include")
    scr.decide(project.db, a, TA, "reviewer2", "exclude", "long-term")
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, b, TA, who, "exclude", "long-term")
    return a, b


@pytest.mark.parametrize(
    "b_differs",
    [{"doi": "10.1000/sleep.1"}, {"doi": None}],
    ids=["b with a's DOI", "b with a's title alone"],
)
def test_a_copy_taken_after_the_merge_of_two_copies_of_one_article_says_nothing(
    project_b, tmp_path, capsys, b_differs
):
    """The records a lead merges by hand are most often two databases' copies of one article:
    b's key (its DOI, or its title and year) finds record a too. The copy taken after the
    merge held b; its final names b in 'study_records', and the import is silent, the study
    settled. Was: b's key was taken for a, b 'held apart', the conflict open again."""
    a, b = _copies_of_one_article(project_b, **b_differs)
    here, copy = project_b.folder, tmp_path / "copy"
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    project_b.close()
    shutil.copytree(here, copy)
    final_from_copy(copy, a, tmp_path / "lead.jsonl", 0)
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), *AS_LEAD) == 0
    assert _said(capsys) == "added 1 entry, 0 already present"
    assert f"{a}\tresolved" in conflicts_listed(here, capsys)


def test_a_copy_taken_before_the_merge_of_two_copies_of_one_article_opens_it(
    project_b, tmp_path, capsys
):
    """The same records, the copy taken before the merge: its final held a alone; b, whose
    key finds a too, is held apart and the conflict opens (b's key finding a must not make a
    study of one record hold b)."""
    a, b = _copies_of_one_article(project_b, doi="10.1000/sleep.1")
    here, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(here, copy)
    assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    final_from_copy(copy, a, tmp_path / "lead.jsonl", 0)
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), *AS_LEAD) == 0
    assert f"does not settle record {b}, which that copy held apart" in _said(capsys)
    assert f"{a}\topen" in conflicts_listed(here, capsys)


@pytest.mark.parametrize("merged", [True, False], ids=["merged before the copy", "no merge"])
@pytest.mark.parametrize("who", ["lead", "reviewer1"])
def test_a_final_whose_clock_is_behind_the_votes_its_copy_held_is_told(
    project_b, tmp_path, capsys, merged, who
):
    """The copy is taken after the reviewers voted (and, merged, after the lead's merge); the
    lead settles the conflict there on a machine whose clock runs 2 h behind. Brought back,
    the final's time comes before the votes cast here before it came in: the study is open
    again by them (its time is all that says whether its copy held them), and the import
    says so, with what to do. Was: 'added 1 entry', the settled study open again unsaid (the
    case merges43 left out: its copy's study_records say nothing of votes)."""
    pairs = pairs_apart(project_b, 1)
    a, b = pairs[0]
    here, copy = project_b.folder, tmp_path / "copy"
    if merged:
        assert cli(here, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    project_b.close()
    shutil.copytree(here, copy)
    final_from_copy(copy, a, tmp_path / "lead.jsonl", -2)
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(tmp_path / "lead.jsonl"), "--reviewer", who) == 0
    said = _said(capsys)
    votes = 4 if merged else 2
    todo = {
        "lead": f"give the final again (reviewkit conflicts --resolver lead --stage {TA}",
        "reviewer1": f"a lead gives the final again (they see it in reviewkit conflicts"
        f" --stage {TA}",
    }[who]
    assert (
        f"lead's final on study {a} at {TA}, from another copy, is taken not to settle {votes}"
        " votes cast here before it came in but after its time (that machine's clock): the"
        f" conflict is open again; if that copy held them, {todo}"
    ) in said
    assert f"{a}\topen" in conflicts_listed(here, capsys)
