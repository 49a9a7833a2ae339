"""`dedup merge A B`: a person joins two records that dedup did not pair, through the same
effect check as a split, refused where a person said they differ, undone by `dedup undo`, and
counted by PRISMA among the duplicates removed (by hand)."""

from __future__ import annotations

import csv
import io
import shlex

import pytest
from conftest import add_records
from dedup.helpers import other, screen_three

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.protocol.people import resolved_by
from reviewkit.store import duplicates as links
from reviewkit.tui import app as tui_app

TA, FT = "title-abstract", "full-text"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def merge(capsys, project, *args):
    return run(capsys, "dedup", "merge", "--project", str(project.folder), *args)


def test_the_merge_s_conflicts_line_opens_them_for_the_person_who_merged(
    screened, capsys, monkeypatch
):
    """A merge whose records' decisions disagree says to resolve them: its line had no
    --resolver, so typed as printed it opened the conflicts for $REVIEWKIT_RESOLVER or the
    login name, not the lead who merged. Run as printed, it opens them for the lead."""
    project, (r1, r2, _r3) = screened
    monkeypatch.chdir(project.folder)  # the line names no project: typed in its folder
    code, out, _ = run(capsys, "dedup", "merge", "--reviewer", "lead", "--yes", str(r2), str(r1))
    assert code == 0
    line = out.split("their decisions disagree: resolve with ")[1].splitlines()[0]
    opened = []
    monkeypatch.setattr(tui_app, "run_screen", lambda screen: opened.append(screen) or "")
    monkeypatch.setenv("REVIEWKIT_RESOLVER", "reviewer2")  # another person's shell default
    assert main(shlex.split(line)[1:]) == 0
    assert [(s.resolver, s.stage) for s in opened] == [("lead", TA)]


@pytest.mark.parametrize("stage_open", [True, False], ids=["stage open", "stage closed"])
def test_a_reviewer_s_merge_names_who_may_resolve_what_it_leaves_in_conflict(
    screened, capsys, monkeypatch, stage_open
):
    """A reviewer merges records decided apart while the stage is open (a record waits for
    votes): the line said 'conflicts --resolver reviewer1', which conflicts refuses (it would
    unblind them). It names a lead of the protocol; once the stage is closed, the reviewer
    may resolve, and it names them. Typed as printed, each line opens the conflicts."""
    project, (r1, r2, _r3) = screened
    if stage_open:
        add_records(project, [other(4)])  # not yet screened: title-abstract is open
    monkeypatch.chdir(project.folder)
    args = ("dedup", "merge", "--reviewer", "reviewer1", "--yes", str(r2), str(r1))
    code, out, err = run(capsys, *args)
    assert code == 0, err
    who = "lead" if stage_open else "reviewer1"
    line = f"reviewkit conflicts --resolver {who} --stage {TA}"
    said = f"a lead resolves it: {line}" if stage_open else f"resolve with {line}"
    assert f"their decisions disagree: {said}\n" in out
    opened = []
    monkeypatch.setattr(tui_app, "run_screen", lambda screen: opened.append(screen) or "")
    assert main(shlex.split(line)[1:]) == 0
    assert [(s.resolver, s.stage) for s in opened] == [(who, TA)]


def test_merge_before_screening_joins_the_two_and_is_a_duplicate_removed_by_hand(project_b, capsys):
    r1, r2, _r3 = add_records(project_b, [other(1, pmid="35000001"), other(2), other(3)])
    code, out, err = merge(capsys, project_b, "--reviewer", "reviewer1", "pmid:35000001", str(r2))
    assert code == 0, err
    assert f"records {r1} and {r2} merged by reviewer1" in out
    cmap = links.canonical_map(project_b.db)
    assert cmap[r1] == cmap[r2]
    (lk,) = links.current_links(project_b.db, "duplicate")
    assert lk.person == "reviewer1"  # a person's verdict, as the review's 's' writes it
    code, out, _ = run(capsys, "dedup", "report", "--project", str(project_b.folder))
    assert "duplicates removed by hand:       1" in out
    assert "studies after dedup:              2" in out
    # asked again: one record already, nothing written
    code, out, _ = merge(capsys, project_b, "--reviewer", "reviewer1", str(r2), str(r1))
    assert code == 0 and "one record already" in out
    assert len(links.current_links(project_b.db, "duplicate")) == 1


def test_the_undo_line_printed_takes_the_merge_back_as_copied(project_b, capsys, monkeypatch):
    """The line said '(undo: reviewkit dedup undo)': dedup undo takes $REVIEWKIT_REVIEWER or
    the login name by default, so the line copied after a merge with --reviewer undid nothing of
    theirs ('nothing to undo') or another person's last action. It names who merged."""
    r1, r2 = add_records(project_b, [other(1), other(2)])
    monkeypatch.setenv("REVIEWKIT_REVIEWER", "reviewer2")  # the terminal's default: another
    code, out, err = merge(capsys, project_b, "--reviewer", "reviewer1", str(r1), str(r2))
    assert code == 0, err
    line = out.split("(undo: ", 1)[1].split(")", 1)[0]
    assert line.startswith("reviewkit dedup undo --reviewer reviewer1")
    code, out, err = run(capsys, *shlex.split(line)[1:])
    assert code == 0 and f"undone: the merge of records {r1} and {r2}" in out, out + err
    cmap = links.canonical_map(project_b.db)
    assert cmap[r1] != cmap[r2]


def test_dedup_undo_takes_the_merge_back(project_b, capsys):
    r1, r2 = add_records(project_b, [other(1), other(2)])
    assert merge(capsys, project_b, "--reviewer", "reviewer1", str(r1), str(r2))[0] == 0
    folder = str(project_b.folder)
    code, out, _ = run(capsys, "dedup", "undo", "--project", folder, "--reviewer", "reviewer2")
    assert code == 0 and "nothing to undo" in out  # reviewer2 did nothing: the merge stands
    code, out, _ = run(capsys, "dedup", "undo", "--project", folder, "--reviewer", "reviewer1")
    assert code == 0 and f"undone: the merge of records {r1} and {r2}" in out
    cmap = links.canonical_map(project_b.db)
    assert cmap[r1] != cmap[r2]
    # never paired by dedup: the pair now waits for a person like any open pair
    assert [(p.a, p.b) for p in engine.review_queue(project_b.db)] == [(r1, r2)]


@pytest.fixture
def screened(project_b):
    """r1 included at both stages, r2 (a copy dedup missed) excluded at title-abstract."""
    return screen_three(project_b)


def test_merge_after_screening_shows_the_change_asks_and_keeps_the_furthest_decision(
    screened, capsys, monkeypatch
):
    project, (r1, r2, _r3) = screened
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _ = merge(capsys, project, "--reviewer", "lead", str(r2), str(r1))
    assert code == 0
    assert f"merging records {r2} and {r1} changes screening:" in out
    assert "title-abstract: studies 3 -> 2" in out and "decisions disagree" in out
    assert "nothing changed" in out
    assert links.current_links(project.db, "duplicate") == []
    code, out, _ = merge(capsys, project, "--reviewer", "lead", "--yes", str(r2), str(r1))
    assert code == 0 and "reviewkit conflicts --resolver lead --stage title-abstract" in out
    assert scr.included(project) == [r1]  # the full-text inclusion is kept
    code, out, _ = run(capsys, "dedup", "report", "--project", str(project.folder))
    assert "merged studies whose decisions disagree: 1" in out
    # undoing it splits screened records: shown and asked first, as a split is
    folder = str(project.folder)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _ = run(capsys, "dedup", "undo", "--project", folder, "--reviewer", "lead")
    assert code == 0 and "undoing your last dedup action changes screening:" in out
    assert "title-abstract: studies 2 -> 3" in out and "nothing changed" in out
    assert links.canonical_map(project.db)[r2] == r1
    code, out, _ = run(capsys, "dedup", "undo", "--project", folder, "--reviewer", "lead", "--yes")
    assert code == 0 and "undone: the merge" in out
    assert links.canonical_map(project.db)[r2] == r2


def test_merge_is_refused_where_a_person_said_the_clusters_differ(project_b, capsys):
    r1, r2, r3 = add_records(project_b, [other(1), other(2), other(3)])
    engine.decide_pair(project_b.db, r1, r2, "duplicate", "reviewer1")
    engine.decide_pair(project_b.db, r2, r3, "not_duplicate", "reviewer2")
    # r1 was never judged against r3, but r1 is one record with r2, which reviewer2 said differs
    code, _out, err = merge(capsys, project_b, "--reviewer", "reviewer1", "--yes", str(r1), str(r3))
    assert code == 2
    assert f"reviewer2 said records {r2} and {r3} differ" in err and "Traceback" not in err
    assert len(links.current_links(project_b.db, "duplicate")) == 1


def test_a_person_may_merge_two_records_they_had_said_differ(project_b, capsys):
    """Their own 'different' on the very pair is replaced by their merge; another person's
    stands, and the refusal says who may change it (a split would leave it standing)."""
    r1, r2 = add_records(project_b, [other(1), other(2)])
    engine.decide_pair(project_b.db, r1, r2, "not_duplicate", "reviewer1")
    code, _out, err = merge(capsys, project_b, "--reviewer", "reviewer2", "--yes", str(r1), str(r2))
    assert code == 2 and "reviewer1" in err and "split" not in err
    assert links.members_of(project_b.db, (r1,)) == {r1}
    code, out, _err = merge(capsys, project_b, "--reviewer", "reviewer1", "--yes", str(r1), str(r2))
    assert code == 0 and f"records {r1} and {r2} merged by reviewer1" in out
    assert links.members_of(project_b.db, (r1,)) == {r1, r2}


def test_merge_of_an_unknown_record_is_refused(project_b, capsys):
    (r1,) = add_records(project_b, [other(1)])
    for ref in ("999999", "pmid:1"):
        code, _out, err = merge(capsys, project_b, "--reviewer", "reviewer1", str(r1), ref)
        assert code == 2 and "no record matches" in err
    code, _out, err = merge(capsys, project_b, "--reviewer", "reviewer1", str(r1), str(r1))
    assert code == 2 and "give two different records" in err


def _prisma(folder, out) -> dict[str, str]:
    assert main(["report", "--project", str(folder), "--out", str(out), "--format", "csv"]) == 0
    with (out / "prisma.csv").open(encoding="utf-8") as fh:
        return {row[1]: row[2] for row in csv.reader(fh) if len(row) > 2}


def test_prisma_counts_a_hand_merge_among_the_duplicates_removed(screened, tmp_path, capsys):
    project, (r1, r2, _r3) = screened
    before = _prisma(project.folder, tmp_path / "before")
    assert before["duplicate records removed"] == "0"
    assert merge(capsys, project, "--reviewer", "lead", "--yes", str(r1), str(r2))[0] == 0
    after = _prisma(project.folder, tmp_path / "after")
    assert after["duplicate records removed"] == "1"
    assert after["duplicates removed by hand"] == "1"
    assert after["duplicates removed automatically"] == "0"
    assert int(after["records screened"]) == int(before["records screened"]) - 1


def test_a_reviewer_s_merge_in_a_protocol_without_leads_says_none_may_resolve_yet(screened, capsys):
    """The protocol lists no lead and the logs hold none: the line said 'a lead resolves it:
    reviewkit conflicts --resolver NAME', which no one can type (no one is called NAME, and
    the reviewer who merged is refused while the stage is open). It says, as `conflicts`
    would, that a lead is needed (where to add one), or the stage finished first, then the
    line for the reviewer."""
    project, (r1, r2, _r3) = screened
    add_records(project, [other(4)])  # not yet screened: title-abstract is open
    protocol = project.folder / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    (leads,) = [line for line in text.splitlines(keepends=True) if line.startswith("leads =")]
    protocol.write_text(text.replace(leads, "\n"), encoding="utf-8")
    code, out, err = merge(capsys, project, "--reviewer", "reviewer1", "--yes", str(r2), str(r1))
    assert code == 0, err
    said = " ".join(out.split())
    assert "NAME" not in said
    assert (
        "their decisions disagree: a lead resolves it while the stage is open, and none may"
        f" (add one to [review] leads in {protocol}; leads do not screen); or finish screening"
        f" the stage, then reviewkit conflicts --resolver reviewer1 --stage {TA}"
    ) in said


def test_the_lead_named_to_resolve_is_never_the_reviewer_refused():
    """One name given as the reviewer who may not resolve (the stage open) and as the first
    lead: the line named them, which `conflicts` refuses. The next lead is named; with none,
    that none may while the stage is open."""
    line = f"reviewkit conflicts --resolver lead --stage {TA}"
    said = resolved_by("anna", ["anna", "lead"], TA, may=False, protocol_path="p.toml")
    assert said == f"a lead resolves it: {line}"
    said = resolved_by("anna", ["anna"], TA, may=False, protocol_path="p.toml")
    assert said.startswith("a lead resolves it while the stage is open, and none may")
    assert "--resolver anna" in said.split("; or finish screening the stage, then ")[1]
