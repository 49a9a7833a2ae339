"""`dedup report` under blinding, the rule the merge preview and `conflicts` follow
(dedup.effects.Blinding): while a stage is open, a reviewer (or a name the protocol does not
list) is told that a merged study's records were decided apart there, not how; a lead, or
anyone once the stage is closed, sees how each record was decided."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import other

from reviewkit import screening as scr
from reviewkit import settings
from reviewkit.cli import main

TA = "title-abstract"


def _merged_apart(project) -> tuple[int, int]:
    """Record a included, record b excluded, each by both reviewers; then merged by the lead."""
    a, b = add_records(project, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, a, TA, who, "include")
        scr.decide(project.db, b, TA, who, "exclude", "long-term")
    folder = str(project.folder)
    assert (
        main(["dedup", "merge", "--project", folder, str(a), str(b), "--reviewer", "lead", "--yes"])
        == 0
    )
    return a, b


def _report(project, capsys, *who: str) -> str:
    capsys.readouterr()
    assert main(["dedup", "report", "--project", str(project.folder), *who]) == 0
    return " ".join(capsys.readouterr().out.split())


def test_a_reviewer_of_an_open_stage_is_told_records_were_decided_apart_not_how(project_b, capsys):
    """Was: 'record 2 exclude' to anyone, a reviewer of the open stage too."""
    a, b = _merged_apart(project_b)
    add_records(project_b, [other(3)])  # not yet screened: title-abstract is open
    for who in (["--reviewer", "reviewer2"], []):  # named, or the login name by default
        said = _report(project_b, capsys, *who)
        assert "merged studies whose decisions disagree: 1 (for the lead)" in said
        assert f"study {a} at {TA}: records {a} and {b} were decided apart;" in said
        assert "a lead sees it (--reviewer lead)" in said
        assert "exclude" not in said and "include" not in said and "kept record" not in said
    lead = _report(project_b, capsys, "--reviewer", "lead")
    assert f"study {a} at {TA}: record {a} include, record {b} exclude; kept record {a}'s" in lead
    # the line to resolve with names the lead who reads (conflicts' default is the login name)
    assert f"(resolve: reviewkit conflicts --resolver lead --stage {TA} --project" in lead


def test_a_reviewer_who_sees_how_is_given_the_lead_s_line_with_a_name_to_fill(project_b, capsys):
    """Once the stage is closed a reviewer reads how; the line is the lead's, with NAME."""
    a, _ = _merged_apart(project_b)
    said = _report(project_b, capsys, "--reviewer", "reviewer2")
    assert f"(resolve: reviewkit conflicts --resolver NAME --stage {TA} --project" in said


def test_once_the_stage_is_closed_a_reviewer_sees_how(project_b, capsys):
    a, b = _merged_apart(project_b)  # every study decided: title-abstract is closed
    said = _report(project_b, capsys, "--reviewer", "reviewer2")
    assert f"study {a} at {TA}: record {a} include, record {b} exclude" in said
    assert "decided apart" not in said


def test_a_typed_name_the_protocol_does_not_list_is_refused(project_b, capsys):
    """Was: `--reviewer stranger` (or 'Lead') read the blinded report, exit 0: a lead's typo
    looked like all there was to see. Refused as every name option refuses it."""
    _merged_apart(project_b)
    protocol = project_b.folder / "protocol.toml"
    for name, says in (
        ("stranger", "[review] reviewers: reviewer1 and reviewer2; leads: lead"),
        ("Lead", "give it as the protocol writes it: reviewkit dedup report --project"),
    ):
        capsys.readouterr()
        argv = ["dedup", "report", "--project", str(project_b.folder), "--reviewer", name]
        assert main(argv) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert f"{protocol}: {name!r} is not a reviewer or a lead of this protocol" in err
        assert says in " ".join(err.split())


def test_left_out_anyone_reads_the_report_blinded(project_b, capsys, monkeypatch):
    """A login name (or $REVIEWKIT_REVIEWER) the protocol does not list still reads it, as a
    reviewer reads it while a stage is open."""
    a, b = _merged_apart(project_b)
    add_records(project_b, [other(3)])  # title-abstract is open
    monkeypatch.setattr(settings, "login_name", lambda: "librarian")
    for env in ("", "visitor"):
        if env:
            monkeypatch.setenv("REVIEWKIT_REVIEWER", env)
        else:
            monkeypatch.delenv("REVIEWKIT_REVIEWER")
        said = _report(project_b, capsys)
        assert f"records {a} and {b} were decided apart;" in said
        assert f"how each was stays hidden from {env or 'librarian'} while {TA} is open" in said
        assert "exclude" not in said and "include" not in said
