"""`reviewkit conflicts resolve`: a final decision without the screen (over ssh, in a script),
through the screen's core function, its checks and its refusals (exit 2, nothing written)."""

from __future__ import annotations

from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.store.decisions import list_decisions

TA, FT = "title-abstract", "full-text"


def cli(project, *args):
    return main([*args[:1], "--project", str(project.folder), *args[1:]])


def _finals(project) -> list[tuple[int, str, str, str, str, str]]:
    return [
        (d.record_id, d.stage, d.reviewer, d.label, d.reason, d.note)
        for d in list_decisions(project.db)
        if d.label.startswith("final-")
    ]


def test_a_lead_resolves_a_conflict_by_its_record_and_list_shows_it(project_b, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    assert (
        cli(
            project_b,
            "conflicts",
            "resolve",
            "pmid:1001",  # a record reference, as attach and label take
            "--decision",
            "exclude",
            "--reason",
            "health-only",
            "--note",
            "CBT only",
            "--resolver",
            "lead",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"record {a}: final exclude (Work focus inside health care only) at {TA} by lead" in out
    assert "1 conflict open at title-abstract" in out
    assert _finals(project_b) == [(a, TA, "lead", "final-exclude", "health-only", "CBT only")]
    assert cli(project_b, "conflicts", "--list", "--resolver", "lead") == 0
    listed = capsys.readouterr().out
    assert f"{a}\tresolved" in listed and f"{b}\topen" in listed
    assert "final by lead: exclude (Work focus inside health care only) — CBT only" in listed
    # the group's options count for the subcommand: 'conflicts --resolver lead resolve …'
    assert (
        cli(
            project_b, "conflicts", "--resolver", "lead", "resolve", str(b), "--decision", "include"
        )
        == 0
    )
    assert "0 conflicts open" in capsys.readouterr().out
    assert _finals(project_b)[-1] == (b, TA, "lead", "final-include", "", "")


def test_reasons_are_checked_against_the_protocol_and_nothing_is_written(project_b, capsys):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study], checked=True)
    scr.resolve(project_b, study, TA, "lead", "include")
    conflict_on(project_b, [study], FT, checked=True)
    before = list_decisions(project_b.db)
    base = ("conflicts", "resolve", str(study), "--resolver", "lead")
    assert cli(project_b, *base, "--decision", "exclude") == 2  # full text requires a reason
    assert "a reason is required to exclude at the full-text stage" in capsys.readouterr().err
    assert cli(project_b, *base, "--decision", "exclude", "--reason", "too-old") == 2
    err = capsys.readouterr().err
    assert "unknown exclusion reason 'too-old'" in err and "no-full-text" in err
    assert cli(project_b, *base, "--decision", "include", "--reason", "long-term") == 2
    assert "a reason goes with an exclusion only" in capsys.readouterr().err
    assert list_decisions(project_b.db) == before
    # the open conflict is at full text: found there, the title-abstract final left alone
    assert cli(project_b, *base, "--decision", "exclude", "--reason", "long-term") == 0
    assert f"at {FT} by lead" in capsys.readouterr().out
    assert _finals(project_b)[-1] == (study, FT, "lead", "final-exclude", "long-term", "")


def test_another_resolvers_final_stands_unless_replaced(project_b, capsys):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study], checked=True)
    # the stage is screened: a reviewer may resolve, as on the screen
    assert (
        cli(
            project_b,
            "conflicts",
            "resolve",
            str(study),
            "--decision",
            "include",
            "--resolver",
            "reviewer1",
        )
        == 0
    )
    capsys.readouterr()
    args = ("conflicts", "resolve", str(study), "--decision", "exclude", "--resolver", "lead")
    assert cli(project_b, *args) == 2
    err = capsys.readouterr().err
    assert (
        f"record {study} already has a final decision at the {TA} stage: include by reviewer1"
        in err
    )
    assert "--replace" in err
    assert [f[2:4] for f in _finals(project_b)] == [("reviewer1", "final-include")]
    assert cli(project_b, *args, "--replace") == 0
    assert ", replacing the final include by reviewer1" in capsys.readouterr().out
    # a resolver changes their own without it
    assert (
        cli(
            project_b,
            "conflicts",
            "resolve",
            str(study),
            "--decision",
            "include",
            "--resolver",
            "lead",
        )
        == 0
    )
    assert [f[2:4] for f in _finals(project_b)] == [
        ("reviewer1", "final-include"),
        ("lead", "final-exclude"),
        ("lead", "final-include"),
    ]


def test_refusals_name_what_is_wrong(project_b, capsys):
    conflicted, agreed, pending = add_records(project_b, make_records(3))
    conflict_on(project_b, [conflicted], checked=True)
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, agreed, TA, reviewer, "include", protocol=project_b.protocol)
    scr.decide(project_b.db, pending, TA, "reviewer1", "include", protocol=project_b.protocol)
    before = list_decisions(project_b.db)
    resolve = ("conflicts", "resolve")
    assert cli(project_b, *resolve, str(agreed), "--decision", "include", "--resolver", "lead") == 2
    err = capsys.readouterr().err
    assert f"record {agreed} is not in conflict at any stage" in err and "--list" in err
    # a reviewer while the stage is open: blinding, as the screen refuses them
    assert (
        cli(
            project_b, *resolve, str(conflicted), "--decision", "include", "--resolver", "reviewer2"
        )
        == 2
    )
    assert "'reviewer2' screens this stage, which is still open" in capsys.readouterr().err
    assert (
        cli(project_b, *resolve, str(conflicted), "--decision", "include", "--resolver", "mallory")
        == 2
    )
    assert "'mallory' is not a reviewer or a lead" in capsys.readouterr().err
    assert cli(project_b, *resolve, "999", "--decision", "include", "--resolver", "lead") == 2
    assert "no record matches '999'" in capsys.readouterr().err
    assert (
        cli(project_b, *resolve, str(conflicted), "--decision", "maybe", "--resolver", "lead") == 2
    )
    assert list_decisions(project_b.db) == before


def test_the_groups_list_flag_is_refused_with_resolve(project_b, capsys):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study], checked=True)
    before = list_decisions(project_b.db)
    args = ("resolve", str(study), "--decision", "include", "--resolver", "lead")
    # '--list' prints and writes nothing: with resolve it was dropped and the final written
    assert cli(project_b, "conflicts", "--list", *args) == 2
    err = capsys.readouterr().err
    assert "--list" in err and "resolve" in err
    assert list_decisions(project_b.db) == before


def test_a_stage_named_where_the_record_has_no_conflict_names_where_it_has(project_b, capsys):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study], checked=True)
    args = ("conflicts", "resolve", str(study), "--decision", "include", "--resolver", "lead")
    assert cli(project_b, *args, "--stage", FT) == 2
    err = capsys.readouterr().err
    assert f"record {study} is not in conflict at the {FT} stage; it is at {TA}" in err
    assert f"--stage {TA}" in err
    assert _finals(project_b) == []


def test_a_record_merged_into_the_study_is_named_with_the_study(project_b, capsys):
    from reviewkit.store.duplicates import canonical_map

    a, b, other = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, other], checked=True)
    assert cli(project_b, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    study = canonical_map(project_b.db)[b]
    given = b if study == a else a  # the record of the study that is not its id
    assert study != given
    capsys.readouterr()
    resolve = ("conflicts", "resolve", str(given), "--resolver", "lead")
    assert cli(project_b, *resolve, "--decision", "include") == 0
    named = f"record {given} (merged into record {study} by dedup)"
    assert f"{named}: final include at {TA} by lead" in capsys.readouterr().out
    assert [(f[0], f[3]) for f in _finals(project_b)] == [(study, "final-include")]
    assert cli(project_b, *resolve, "--decision", "exclude", "--stage", FT) == 2
    assert f"{named} is not in conflict at the {FT} stage; it is at {TA}" in capsys.readouterr().err


def test_the_line_says_where_work_waits_next(project_b, monkeypatch, capsys):
    """The line named the conflicts open and nothing more, where `conflicts import`, the
    conflicts screen's quit line and every other command say what comes next."""
    a, b, c = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, b, c], checked=True)
    monkeypatch.chdir(project_b.folder)  # working in the project: no --project to name
    args = ["conflicts", "resolve", str(a), "--decision", "include", "--resolver", "lead"]
    assert main(args) == 0
    assert capsys.readouterr().out == (
        f"record {a}: final include at {TA} by lead; 2 conflicts open at {TA}; next: {TA}: 2"
        f" conflicts for a lead (reviewkit conflicts --resolver lead); {FT}: 1 record for the"
        " reviewers\n"
    )
