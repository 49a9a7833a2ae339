"""A dedup merge made after the lead's final, joining a record decided apart before that final
(issue 14, item 4): the final settled the votes of the records its study held when it was
given (the duplicate links standing then), not every vote older than it. A record brought in
later whose own decision disagrees with the final opens the conflict again for the lead, and
the preview says so before the merge is made; one that agrees opens nothing. The final counts
(the study's outcome and PRISMA stay) until the lead acts; a split before the lead acts closes
it again."""

from __future__ import annotations

import io

from conftest import add_records
from dedup.helpers import other
from dedup.review_setup import fill_verdicts, six_records

from reviewkit import screening as scr
from reviewkit.cli import main

TA = "title-abstract"


def cli(project, *args: str) -> int:
    return main([*args[:2], "--project", str(project.folder), *args[2:]])


def _said(capsys) -> str:
    return " ".join(capsys.readouterr().out.split())


def _settle(project, record: int, label: str = "include") -> None:
    """reviewer1 include, reviewer2 exclude on ``record``; the lead's final ``label``."""
    scr.decide(project.db, record, TA, "reviewer1", "include")
    scr.decide(project.db, record, TA, "reviewer2", "exclude", "long-term")
    resolve = ["conflicts", "resolve", str(record), "--decision", label, "--resolver", "lead"]
    assert cli(project, *resolve, *(["--reason", "long-term"] if label == "exclude" else [])) == 0


def _settled_and_decided(project, how: str = "exclude") -> tuple[int, int]:
    """Record ``a`` in conflict at title-abstract, settled include by the lead's final;
    record ``b`` decided ``how`` by both reviewers before it, screened apart (not yet known
    as a copy of ``a``)."""
    a, b = add_records(project, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, b, TA, who, how, "long-term" if how == "exclude" else "")
    _settle(project, a)
    return a, b


def _prisma(project, capsys, out: str) -> dict[str, int]:
    """The PRISMA numbers `reviewkit prisma` prints, by item."""
    capsys.readouterr()
    assert (
        main(["prisma", "--project", str(project.folder), "--out", str(project.folder / out)]) == 0
    )
    rows = [line.rsplit(None, 1) for line in capsys.readouterr().out.splitlines()]
    return {item.strip(): int(n) for item, n in (r for r in rows if len(r) == 2 and r[1].isdigit())}


def _listed(project, capsys) -> str:
    capsys.readouterr()
    assert cli(project, "conflicts", "--list", "--resolver", "lead") == 0
    return capsys.readouterr().out


def test_a_merge_after_the_final_bringing_in_an_exclusion_opens_the_conflict_again(
    project_b, capsys, monkeypatch
):
    """Was: the study stayed settled include and record b's exclusion by both reviewers was
    dropped without a word (the final was older than its votes)."""
    a, b = _settled_and_decided(project_b)
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead") == 0
    said = _said(capsys)
    assert (  # shown before it is made
        f"title-abstract: record {b}, excluded by both reviewers, joins study {a} settled"
        " include by lead's final: the conflict opens again for the lead"
    ) in said
    assert "nothing changed" in said
    before = _prisma(project_b, capsys, "before")
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    assert "their decisions disagree: resolve with" in _said(capsys)
    listed = _listed(project_b, capsys)
    assert f"{a}\topen" in listed
    assert "open again: a dedup merge joined records decided apart" in listed
    assert cli(project_b, "status") == 0
    assert "1 merged study whose records disagree: 1 conflict open for the lead" in _said(capsys)
    # the final counts until the lead acts: the merge took one record out, no decision moved
    merged = _prisma(project_b, capsys, "merged")
    assert merged["duplicates removed by hand"] == before["duplicates removed by hand"] + 1
    assert merged["records screened"] == before["records screened"] - 1
    assert merged["records excluded"] == before["records excluded"] - 1  # b's, now a's study
    assert merged["reports sought for retrieval"] == before["reports sought for retrieval"] == 1
    assert scr.stage_outcomes(project_b, TA)[a].status == "include"
    resolve = ["conflicts", "resolve", str(a), "--decision", "exclude", "--reason", "long-term"]
    assert cli(project_b, *resolve, "--resolver", "lead", "--replace") == 0
    acted = _prisma(project_b, capsys, "acted")
    assert (acted["records excluded"], acted["reports sought for retrieval"]) == (1, 0)
    assert f"{a}\tresolved" in _listed(project_b, capsys)


def test_a_merge_after_the_final_bringing_in_a_record_decided_its_way_opens_nothing(
    project_b, capsys
):
    a, b = _settled_and_decided(project_b, "include")
    capsys.readouterr()
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    said = _said(capsys)
    assert "opens again" not in said and "disagree" not in said
    assert f"{a}\tresolved" in _listed(project_b, capsys)
    assert scr.stage_outcomes(project_b, TA)[a].status == "include"


def test_a_merge_before_the_final_stays_settled_by_it(project_b, capsys):
    """The lead saw both records (merged first): their final settles the records' disagreement."""
    a, b = add_records(project_b, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, b, TA, who, "exclude", "long-term")
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    _settle(project_b, a)
    listed = _listed(project_b, capsys)
    assert f"{a}\tresolved" in listed and "open again" not in listed


def test_a_split_before_the_lead_acts_closes_the_conflict_again(project_b, capsys, monkeypatch):
    a, b = _settled_and_decided(project_b)
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    before = _prisma(project_b, capsys, "merged")
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert cli(project_b, "dedup", "split", str(b), "--reviewer", "lead") == 0
    assert (
        f"title-abstract: record {b}, excluded by both reviewers, leaves study {a}: the conflict"
        " the merge opened again closes, the study stays settled include by lead's final"
    ) in _said(capsys)
    assert cli(project_b, "dedup", "split", str(b), "--reviewer", "lead", "--yes") == 0
    listed = _listed(project_b, capsys)
    assert f"{a}\tresolved" in listed and "open again" not in listed
    outcomes = scr.stage_outcomes(project_b, TA)
    assert (outcomes[a].status, outcomes[b].status) == ("include", "exclude")
    split = _prisma(project_b, capsys, "split")
    assert split["records excluded"] == before["records excluded"] + 1
    assert split["reports sought for retrieval"] == before["reports sought for retrieval"]


def test_a_split_after_the_lead_acted_leaves_each_record_its_own(project_b, capsys):
    """The lead's exclusion of the merged study agrees with record b's votes and is logged
    there (``merges.carrier``): split, b stays excluded with it and a keeps the final it had."""
    a, b = _settled_and_decided(project_b)
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    resolve = ["conflicts", "resolve", str(a), "--decision", "exclude", "--reason", "long-term"]
    assert cli(project_b, *resolve, "--resolver", "lead", "--replace") == 0
    capsys.readouterr()
    assert cli(project_b, "dedup", "split", str(b), "--reviewer", "lead", "--yes") == 0
    assert "closes" not in _said(capsys)
    outcomes = scr.stage_outcomes(project_b, TA)
    assert (outcomes[a].status, outcomes[b].status) == ("include", "exclude")
    assert "open again" not in _listed(project_b, capsys)


def test_confirming_a_queued_pair_after_the_final_shows_the_conflict_first(
    project_b, tmp_path, capsys, monkeypatch
):
    """`dedup review --read-csv`, a 'same' row joining an excluded record to a study the lead
    settled include after the dedup run merged its other copies (which the final saw)."""
    r1, _r2, r3, *_rest = six_records(project_b)  # r1 included, r3 excluded by both
    scr.decide(project_b.db, r1, TA, "reviewer2", "exclude", "long-term")
    resolve = ["conflicts", "resolve", str(r1), "--decision", "include", "--resolver", "lead"]
    assert cli(project_b, *resolve) == 0
    sheet = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--project", str(project_b.folder), "--csv", str(sheet)]) == 0
    fill_verdicts(sheet, {(r1, r3): "same"})
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    args = ["dedup", "review", "--reviewer", "lead", "--read-csv", str(sheet)]
    assert cli(project_b, *args) == 0
    assert (
        f"record {r3}, excluded by both reviewers, joins study {r1} settled include by lead's"
        " final: the conflict opens again for the lead"
    ) in _said(capsys)
    assert cli(project_b, *args, "--yes") == 0
    assert f"{r1}\topen" in _listed(project_b, capsys)


def test_a_record_brought_in_still_in_conflict_opens_the_conflict_again(
    project_b, capsys, monkeypatch
):
    """Record b's reviewers disagreed (its conflict open for the lead) before the lead's final
    on a: merged after it, b's conflict went out of the lead's list ('conflict 1 -> 0') and
    reviewer2's exclusion of b, unseen, was settled by a final made on a alone."""
    a, b = add_records(project_b, [other(1), other(2)])
    scr.decide(project_b.db, b, TA, "reviewer1", "include")
    scr.decide(project_b.db, b, TA, "reviewer2", "exclude", "wrong-design")
    _settle(project_b, a)
    before = _prisma(project_b, capsys, "before")
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead") == 0
    assert (
        f"title-abstract: record {b}, left in conflict by reviewer1 and reviewer2, joins study"
        f" {a} settled include by lead's final: the conflict opens again for the lead"
    ) in _said(capsys)
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    listed = _listed(project_b, capsys)
    assert f"{a}\topen" in listed and f"reviewer2 (record {b}): exclude" in listed
    assert cli(project_b, "status") == 0
    assert "1 merged study whose records disagree: 1 conflict open for the lead" in _said(capsys)
    merged = _prisma(project_b, capsys, "merged")  # b's conflict waited; a's final counts
    assert (
        merged["awaiting title-abstract decision"] == before["awaiting title-abstract decision"] - 1
    )
    assert merged["reports sought for retrieval"] == before["reports sought for retrieval"] == 1
    resolve = ["conflicts", "resolve", str(a), "--decision", "include", "--resolver", "lead"]
    assert cli(project_b, *resolve) == 0
    assert "open again" not in _listed(project_b, capsys)


def test_a_merge_that_agreed_is_not_named_for_votes_changed_after_the_final(project_b, capsys):
    """Record b included by both joins study a settled include (nothing opens); then reviewer1
    changes their vote on a to exclude: the conflict opens again by that vote, and the lead
    was told a dedup merge had opened it."""
    a, b = _settled_and_decided(project_b, "include")
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    assert "open again" not in _listed(project_b, capsys)
    scr.decide(project_b.db, a, TA, "reviewer1", "exclude", "long-term")
    listed = _listed(project_b, capsys)
    assert f"{a}\topen" in listed
    assert "open again: a vote came after the final" in listed
    assert "dedup merge" not in listed


def test_a_reviewer_merging_while_the_stage_is_open_is_not_told_how_records_were_decided(
    project_b, capsys, monkeypatch
):
    """`conflicts` refuses a protocol reviewer a stage still open (blinding); the merge preview
    told reviewer1 that record b was excluded by both reviewers (reviewer2's vote) and that
    study a had a conflict the lead settled (reviewer2 voted against them there)."""
    a, b = _settled_and_decided(project_b)
    add_records(project_b, [other(3)])  # not yet screened: title-abstract is open
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\nn\n"))
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "reviewer1") == 0
    said = _said(capsys)
    assert "both reviewers" not in said and "final" not in said  # the counts say no record
    assert (
        f"title-abstract: records of study {a} were decided apart: the lead gets a conflict to"
        " resolve (how each was decided stays hidden while you screen title-abstract)"
    ) in said
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead") == 0
    assert f"record {b}, excluded by both reviewers, joins study {a}" in _said(capsys)


def test_a_dedup_run_after_the_final_says_the_conflict_it_opened(project_b, capsys):
    """Screened before dedup ran (status says so): the run merged record b, excluded by both
    reviewers, into study a settled include, and said only how many records became studies:
    the conflict it opened for the lead went unsaid."""
    a, b = add_records(project_b, [other(1), other(1)])  # one article imported twice
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, b, TA, who, "exclude", "long-term")
    _settle(project_b, a)
    capsys.readouterr()
    assert main(["dedup", "--project", str(project_b.folder)]) == 0
    said = _said(capsys)
    assert "2 records → 1 study" in said
    assert (
        "1 merged study whose records were decided differently waits for the lead"
        f" (reviewkit conflicts --project {project_b.folder})"
    ) in said
    assert f"{a}\topen" in _listed(project_b, capsys)


def test_after_the_lead_s_new_final_the_list_shows_every_record_s_votes(project_b, capsys):
    """The merge after the final opened the conflict; the lead settles it again. Was: the
    resolved study listed its kept record's votes alone (record b's exclusions, which the lead
    had just weighed, were gone from the list; the screen shows the same views)."""
    a, b = _settled_and_decided(project_b)
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    resolve = ["conflicts", "resolve", str(a), "--decision", "include", "--resolver", "lead"]
    assert cli(project_b, *resolve, "--replace") == 0
    listed = _listed(project_b, capsys)
    assert f"{a}\tresolved" in listed and "open again" not in listed
    for who, record, how in (
        ("reviewer1", a, "include"),
        ("reviewer2", a, "exclude"),
        ("reviewer1", b, "exclude"),
        ("reviewer2", b, "exclude"),
    ):
        assert f"{who} (record {record}): {how}" in listed
