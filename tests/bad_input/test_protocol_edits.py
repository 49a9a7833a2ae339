"""A protocol edited by hand, and names given on the command line, as users do.

Every command that records a name follows one rule (reviewkit.protocol.people): a vote takes a
reviewer of the protocol, everything else a reviewer or a lead; any other name is refused with
exit 2, the protocol's lists and where to add one, and the database unchanged. Every edit of the
protocol either works with the data kept, or is refused with what it would lose and the fix.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL, REPO, SAMPLE, edit, imported_project
from conftest import dump_database

from reviewkit.cli import main


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Sample.ris imported; the first study included by both reviewers at both stages."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    folder = imported_project(tmp_path / "project")
    with open_project(folder) as p:
        first = min(all_reports(p))
        for reviewer in ("reviewer1", "reviewer2"):
            for stage in ("title-abstract", "full-text"):
                screening.decide(p.db, first, stage, reviewer, "include", protocol=p.protocol)
    return folder


def first_study(project: Path) -> int:
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    with open_project(project) as p:
        return min(all_reports(p))


def run(project: Path, argv: list[str], capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main([*argv, "--project", str(project)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def refused(project: Path, argv: list[str], capsys, says: list[str]) -> None:
    before = dump_database(project / "review.sqlite")
    code, text = run(project, argv, capsys)
    assert code == 2, text
    for part in says:
        assert part in text, text
    assert dump_database(project / "review.sqlite") == before


def name_commands(study: int, name: str) -> list[list[str]]:
    """Every command that records a name other than a vote, given ``name``."""
    return [
        ["label", str(study), "model-type=workplace", "--reviewer", name],
        ["extract", "set", str(study), "country=Norway", "--reviewer", name],
        ["conflicts", "--stage", "title-abstract", "--list", "--resolver", name],
        ["dedup", "split", str(study), "--reviewer", name],
        ["dedup", "study-link", str(study), str(study + 1), "--same", "--reviewer", name],
        ["attach", str(study), "https://example.org/paper.pdf", "--by", name],
    ]


def test_a_name_the_protocol_does_not_list_is_refused_by_every_command(
    project: Path, capsys
) -> None:
    study = first_study(project)
    for argv in name_commands(study, "stranger"):
        refused(
            project,
            argv,
            capsys,
            [
                f"{project / 'protocol.toml'}: 'stranger' is not a reviewer or a lead",
                "[review] reviewers: reviewer1 and reviewer2; leads: lead",
                "put the name in [review] reviewers (who screen) or [review] leads",
            ],
        )


@pytest.mark.parametrize("typed", [["--reviewer", "Reviewer1"], ["--reviewer=Reviewer1"]])
def test_a_name_in_another_case_is_refused_with_the_command_retyped(
    project: Path, capsys, typed: list[str]
) -> None:
    """The hint gave the name alone ('reviewer1'): the command is retyped with it, a line to
    copy, as the other hints give one; run as printed, it records the label."""
    study = first_study(project)
    argv = ["label", str(study), "model-type=workplace", *typed]
    right = [w.replace("Reviewer1", "reviewer1") for w in argv]
    line = shlex.join(["reviewkit", *right, "--project", str(project)])
    refused(
        project,
        argv,
        capsys,
        [
            "'Reviewer1' is not a reviewer or a lead",
            f"names are compared exactly: give it as the protocol writes it: {line}",
        ],
    )
    assert main(shlex.split(line)[1:]) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["screen", "--reviewer", "Reviewer1", "--stage", "title-abstract"],
        ["decisions", "export", "--reviewer", "Lead", "lead.jsonl"],
    ],
    ids=["screen", "decisions export"],
)
def test_a_name_refused_further_in_is_retyped_too(project: Path, capsys, argv) -> None:
    """A name refused by the stage function, not on opening the project (screen's reviewer,
    the exporter): the command is retyped all the same."""
    line = shlex.join(
        ["reviewkit", *(w.replace("Reviewer1", "reviewer1").replace("Lead", "lead") for w in argv)]
    )
    refused(project, argv, capsys, [f"give it as the protocol writes it: {line} --project"])


def test_a_name_in_another_case_not_typed_is_named_as_the_protocol_writes_it(
    project: Path, capsys, monkeypatch
) -> None:
    """A name that came from $REVIEWKIT_REVIEWER is on no line to retype: the hint names it."""
    monkeypatch.setenv("REVIEWKIT_REVIEWER", "Reviewer1")
    study = first_study(project)
    refused(
        project,
        ["label", str(study), "model-type=workplace"],
        capsys,
        [
            "'Reviewer1' comes from $REVIEWKIT_REVIEWER",
            "give it as the protocol writes it, 'reviewer1'",
        ],
    )


def test_a_lead_records_but_does_not_vote(project: Path, capsys) -> None:
    study = first_study(project)
    code, text = run(
        project, ["label", str(study), "model-type=workplace", "--reviewer", "lead"], capsys
    )
    assert code == 0, text
    code, text = run(
        project, ["conflicts", "--stage", "full-text", "--list", "--resolver", "lead"], capsys
    )
    assert code == 0, text
    # a vote takes a reviewer: the lead is refused by the screen, before it opens, and told
    # what a lead does instead (not 'not a reviewer … to add a reviewer', as for a stranger)
    refused(
        project,
        ["screen", "--reviewer", "lead"],
        capsys,
        [
            "'lead' is a lead of this protocol, and leads do not screen",
            "reviewkit conflicts --resolver lead",
        ],
    )


def test_export_by_an_unknown_name_says_a_reviewer_or_a_lead(
    project: Path, tmp_path: Path, capsys
) -> None:
    """A lead with final decisions may export them, so the refusal of a name with none names
    both lists; a lead without decisions is told they have none."""
    out = tmp_path / "x.jsonl"
    for name, says in (
        ("stranger", ["'stranger' is not a reviewer or a lead", "leads: lead"]),
        ("lead", ["lead has no decisions in this project"]),
    ):
        refused(project, ["decisions", "export", str(out), "--reviewer", name], capsys, says)
        assert not out.exists()


def test_a_reviewer_refused_an_open_stage_conflicts_is_told_the_leads(
    project: Path, capsys
) -> None:
    """'resolve as someone who is not a reviewer' left the user to guess who: the protocol's
    leads are named, with the option that takes them."""
    refused(
        project,
        ["conflicts", "--stage", "title-abstract", "--list", "--resolver", "reviewer1"],
        capsys,
        ["unblind", "resolve as a lead of the protocol (lead: --resolver lead)"],
    )


def test_the_leads_named_to_a_refused_reviewer_read_one_way_and_as_typed(
    project: Path, capsys
) -> None:
    """'(Lee, K, lead: --resolver Lee, K)' named three leads or two, and its option, pasted,
    gave --resolver 'Lee,' and a stray 'K': the leads are listed as every list of a message
    is (a name holding a comma quoted) and the option's name is quoted for the shell."""
    edit(project, 'leads = ["lead"]', 'leads = ["Lee, K", "lead"]')
    refused(
        project,
        ["conflicts", "--stage", "title-abstract", "--list", "--resolver", "reviewer1"],
        capsys,
        ["resolve as a lead of the protocol ('Lee, K' and lead: --resolver 'Lee, K')"],
    )


def test_a_protocol_naming_one_person_as_reviewer_and_lead_is_refused(
    tmp_path: Path, capsys
) -> None:
    protocol = tmp_path / "p.toml"
    text = PROTOCOL.read_text(encoding="utf-8")
    protocol.write_text(text.replace('leads = ["lead"]', 'leads = ["Reviewer2"]', 1), "utf-8")
    code = main(["protocol", "check", str(protocol)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{protocol}:12: review.leads: 'Reviewer2' is also a reviewer ('reviewer2')" in err


# --- protocol edits after screening began ------------------------------------------------------


def cut(project: Path, start: str, end: str) -> None:
    """Remove the protocol's text from ``start`` up to (not including) ``end``."""
    path = project / "protocol.toml"
    text = path.read_text(encoding="utf-8")
    i = text.index(start)
    path.write_text(text[:i] + text[text.index(end, i) :], encoding="utf-8")


def refused_by_commands(project: Path, capsys, says: list[str]) -> None:
    """status, report and screen refuse the project, naming what the edit loses."""
    for argv in (
        ["status"],
        ["report", "--out", str(project.parent / "out")],
        ["screen", "--reviewer", "reviewer2"],
    ):
        refused(project, argv, capsys, says)
    assert not (project.parent / "out").exists()


def test_a_stage_with_decisions_removed_is_refused_with_the_count(project: Path, capsys) -> None:
    cut(project, "[stages.full-text]", "[highlight]")
    refused_by_commands(
        project,
        capsys,
        [
            f"{project / 'protocol.toml'}:44: stages.full-text: the stage is gone from the protocol,"
            " but 2 full-text decisions by 2 reviewers exist in",
            "hint: keep the stage: put [stages.full-text] back",
        ],
    )


def test_a_reviewer_written_in_another_case_is_refused(project: Path, capsys) -> None:
    edit(
        project, 'reviewers = ["reviewer1", "reviewer2"]', 'reviewers = ["Reviewer1", "reviewer2"]'
    )
    refused_by_commands(
        project,
        capsys,
        [
            f"{project / 'protocol.toml'}:11: review.reviewers: the reviewer 'reviewer1' is written"
            " 'Reviewer1' now, but 'reviewer1' has 1 vote at full-text, 1 vote at title-abstract",
            "hint: write the name back as 'reviewer1'",
        ],
    )


def test_a_reviewer_with_votes_removed_is_refused(project: Path, capsys) -> None:
    edit(project, 'reviewers = ["reviewer1", "reviewer2"]', 'reviewers = ["reviewer1", "kari"]')
    refused_by_commands(
        project,
        capsys,
        [
            "review.reviewers: the reviewer 'reviewer2' is gone from the protocol, but has 1 vote",
            "hint: keep 'reviewer2' in [review] reviewers: a reviewer who left may stay listed",
        ],
    )


def test_a_scheme_with_confirmed_labels_removed_is_refused(project: Path, capsys) -> None:
    study = first_study(project)
    code, text = run(project, ["label", str(study), "severe-mental-illness=smi"], capsys)
    assert code == 0, text
    cut(project, "[schemes.severe-mental-illness]", "# ------")
    refused_by_commands(
        project,
        capsys,
        [
            ":87: schemes.severe-mental-illness: the scheme is gone from the protocol, but 1 study"
            " in",
            "has labels confirmed in it",
            "hint: keep the scheme: put [schemes.severe-mental-illness] back",
        ],
    )


def test_an_extraction_field_with_typed_values_removed_is_refused(project: Path, capsys) -> None:
    study = first_study(project)
    code, text = run(project, ["extract", "set", str(study), "country=Norway"], capsys)
    assert code == 0, text
    cut(project, '[[extraction]]\nid = "country"', '[[extraction]]\nid = "intervention"')
    edit(project, 'columns = ["country", ', "columns = [")
    edit(project, 'country = "Country", ', "")
    refused_by_commands(
        project,
        capsys,
        [
            "extraction: the extraction field 'country' is gone from the protocol, but 1 study in",
            "has a value typed for it",
            'hint: put it back ([[extraction]] with id = "country"',
        ],
    )


def test_edits_that_keep_the_data_work(project: Path, capsys) -> None:
    """Reordered and reworded reasons, a new reviewer and lead, a new stage setting and a
    stage, scheme or field nobody used yet removed: every command goes on."""
    edit(project, '"Work focus inside health care only"', '"Only work focus in health care"')
    edit(
        project,
        'reviewers = ["reviewer1", "reviewer2"]',
        'reviewers = ["reviewer2", "reviewer1", "kari"]',
    )
    edit(project, 'leads = ["lead"]', 'leads = ["lead", "ola"]')
    cut(project, "[schemes.severe-mental-illness]", "# ------")  # no label confirmed in it
    for argv in (["status"], ["agreement"], ["report", "--out", str(project.parent / "out")]):
        code, text = run(project, argv, capsys)
        assert code == 0, text
    code, text = run(
        project,
        ["label", str(first_study(project)), "model-type=workplace", "--reviewer", "ola"],
        capsys,
    )
    assert code == 0, text


@pytest.fixture
def offline_pubmed(tmp_path_factory: pytest.TempPathFactory):
    """A local E-utilities server on the PubMed XML fixture, as `reviewkit pubmed serve`."""
    import shutil

    from reviewkit.pubmed.server import EutilsServer
    from reviewkit.pubmed.snapshot import Snapshot

    folder = tmp_path_factory.mktemp("snapshot")
    shutil.copy(REPO / "tests" / "core" / "fixtures" / "sample.xml", folder / "sample.xml")
    snapshot = Snapshot.open([folder / "sample.xml"])
    server = EutilsServer(snapshot, rate_limits=None).start()
    yield server.base_url
    server.stop()
    snapshot.close()


def test_a_search_renamed_after_it_ran_is_refused(
    project: Path, offline_pubmed: str, capsys
) -> None:
    """Runs are stored under the search's name: under a new name the next run stored every
    record again (PRISMA counted them twice). A search removed outright keeps its runs in the
    search log, and the project works."""
    code, text = run(project, ["search", "run", "--all", "--base-url", offline_pubmed], capsys)
    assert code == 0, text
    edit(project, 'name = "b1-collaboration-models"', 'name = "b1-models"')
    says = [
        "searches[0].name: the search 'b1-collaboration-models' is named 'b1-models' now, but its"
        " 1 run in",
        'hint: write the name back (name = "b1-collaboration-models"',
    ]
    refused(project, ["search", "run", "--all", "--base-url", offline_pubmed], capsys, says)
    refused(project, ["status"], capsys, says)
    # protocol check says so too, for the project's protocol.toml
    code = main(["protocol", "check", str(project / "protocol.toml")])
    assert code == 2 and says[0] in capsys.readouterr().err


def test_protocol_check_checks_an_edited_copy_against_a_project(
    project: Path, tmp_path: Path, capsys
) -> None:
    copy = tmp_path / "edited.toml"
    text = (project / "protocol.toml").read_text(encoding="utf-8")
    copy.write_text(text.replace('"reviewer1", "reviewer2"]', '"reviewer1", "kari"]', 1), "utf-8")
    assert main(["protocol", "check", str(copy)]) == 0  # valid as a file
    capsys.readouterr()
    assert main(["protocol", "check", str(copy), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"{copy}:11: review.reviewers: the reviewer 'reviewer2' is gone from the protocol" in err


def test_a_lead_written_in_another_case_is_refused(project: Path, capsys) -> None:
    study = first_study(project)
    code, text = run(
        project, ["label", str(study), "model-type=workplace", "--reviewer", "lead"], capsys
    )
    assert code == 0, text
    edit(project, 'leads = ["lead"]', 'leads = ["Lead"]')
    refused_by_commands(
        project,
        capsys,
        [
            ":12: review.leads: 'lead' is written 'Lead' now, but the logs in",
            "hint: write the name back as 'lead'",
        ],
    )


def test_a_lead_who_only_linked_reports_of_one_study_is_in_the_logs(project: Path, capsys) -> None:
    """A person's verdict on two reports (dedup study-link) logs their name as a settled
    duplicate does (made_by 'person:NAME'): the study links were not read for names, so
    recasing such a lead was let through and their next verdict was a second person's."""
    code, text = run(
        project, ["dedup", "study-link", "--same", "1", "2", "--reviewer", "lead"], capsys
    )
    assert code == 0, text
    edit(project, 'leads = ["lead"]', 'leads = ["Lead"]')
    refused(
        project,
        ["status"],
        capsys,
        [":12: review.leads: 'lead' is written 'Lead' now, but the logs in"],
    )


def test_a_name_logged_in_two_spellings_before_names_were_checked_still_opens(
    project: Path, capsys
) -> None:
    """No edit can list both spellings (protocol check refuses two names that differ only in
    case), so a log that holds both (written before this rule) is left alone."""
    from reviewkit.classify import confirm
    from reviewkit.project import open_project

    study = first_study(project)
    with open_project(project) as p:
        confirm(p, study, "model-type", ["workplace"], "lead")
        confirm(p, study, "model-type", ["workplace"], "Lead")  # as a stage function took it
    code, text = run(project, ["status"], capsys)
    assert code == 0, text


def test_a_final_decision_by_a_name_the_protocol_does_not_list_is_not_imported(
    project: Path, tmp_path: Path, capsys
) -> None:
    """decisions import follows the rule of conflicts --resolver: a reviewer or a lead (it took
    a final decision from anyone)."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    with open_project(project) as p:
        second = sorted(all_reports(p))[1]
        for reviewer, label in (("reviewer1", "include"), ("reviewer2", "exclude")):
            reason = "wrong-population" if label == "exclude" else ""
            screening.decide(
                p.db, second, "title-abstract", reviewer, label, reason=reason, protocol=p.protocol
            )
        screening.resolve(p, second, "title-abstract", "stranger", "include")  # a stage function
    exported = tmp_path / "stranger.jsonl"
    code, text = run(
        project, ["decisions", "export", str(exported), "--reviewer", "stranger"], capsys
    )
    assert code == 0, text
    other = tmp_path / "other"
    assert main(["init", str(other), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(SAMPLE), "--project", str(other)]) == 0
    refused(
        other,
        ["decisions", "import", str(exported)],
        capsys,
        [f"{exported}", "'stranger' is not a reviewer or a lead of this protocol", "leads: lead"],
    )


def test_a_refused_name_the_user_did_not_type_says_where_it_came_from(
    project: Path, capsys, monkeypatch
) -> None:
    """--resolver and --reviewer default to the login name and read an environment variable:
    a user who typed no name is told which it was and how to give their own."""
    from reviewkit import settings

    monkeypatch.delenv("REVIEWKIT_RESOLVER", raising=False)
    monkeypatch.delenv("REVIEWKIT_REVIEWER", raising=False)
    monkeypatch.setattr(settings, "login_name", lambda: "loginname")
    study = first_study(project)
    says = "'loginname' is your login name, the default of --resolver: give --resolver NAME"
    refused(project, ["conflicts", "--stage", "title-abstract", "--list"], capsys, [says])
    says = "'loginname' is your login name, the default of --reviewer: give --reviewer NAME"
    refused(project, ["label", str(study), "model-type=workplace"], capsys, [says])
    monkeypatch.setenv("REVIEWKIT_RESOLVER", "envname")
    says = "'envname' comes from $REVIEWKIT_RESOLVER: set it to your name or give --resolver NAME"
    refused(project, ["conflicts", "--stage", "title-abstract", "--list"], capsys, [says])
    # a name typed is named as before, without a word on where it came from
    code, text = run(project, ["conflicts", "--list", "--resolver", "typed"], capsys)
    assert code == 2 and "login name" not in text and "comes from" not in text, text


def test_a_reviewer_with_votes_made_a_lead_is_refused(project: Path, capsys) -> None:
    """A lead does not vote: the reviewer's votes would stop counting as a reviewer's."""
    edit(project, 'reviewers = ["reviewer1", "reviewer2"]', 'reviewers = ["reviewer2", "kari"]')
    edit(project, 'leads = ["lead"]', 'leads = ["lead", "reviewer1"]')
    refused_by_commands(
        project,
        capsys,
        [
            f"{project / 'protocol.toml'}:11: review.reviewers: 'reviewer1' is a lead now (leads"
            " do not vote), but has 1 vote at full-text, 1 vote at title-abstract",
            "hint: move 'reviewer1' back from [review] leads to [review] reviewers",
        ],
    )


def test_a_misspelt_array_of_tables_is_named_at_its_first_header(tmp_path: Path, capsys) -> None:
    """'[[etxraction]]': the unknown key is an array of tables, found at its first header."""
    protocol = tmp_path / "p.toml"
    text = PROTOCOL.read_text(encoding="utf-8")
    protocol.write_text(text.replace("[[extraction]]", "[[etxraction]]"), "utf-8")
    line = text.splitlines().index("[[extraction]]") + 1
    code = main(["protocol", "check", str(protocol)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{protocol}:{line}: etxraction: unknown key (did you mean 'extraction'?)" in err


def test_a_protocol_from_before_leads_keeps_its_lead(project: Path, capsys) -> None:
    """A protocol written before `[review] leads` existed lists no leads, and its team's lead
    (already in the logs: final decisions, labels) was refused by every command, locked out of
    the project's own work. A name the logs hold is no new typo; a new name is still refused."""
    study = first_study(project)
    label = ["label", str(study), "model-type=workplace", "--reviewer"]
    assert run(project, [*label, "lead"], capsys)[0] == 0
    protocol = project / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if line.startswith("leads =")]
    protocol.write_text(text.replace(lines[0], "\n"), encoding="utf-8")  # as written before
    assert run(project, [*label, "lead"], capsys)[0] == 0
    refused(project, [*label, "leed"], capsys, ["'leed' is not a reviewer or a lead"])
