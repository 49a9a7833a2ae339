"""The same decision given again after a later stage's votes is no change: a lead's final
include repeated (`conflicts resolve` typed twice, a sheet imported twice, a lead's log holding
both) was refused as a change once the full-text votes came, as a final exclude in its place
is. A final given again must not free the decision from those votes either: a different
final after it is still refused."""

from __future__ import annotations

from conftest import PROTOCOL_B, add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import init_project
from reviewkit.store.decisions import Decision, add_decision, list_decisions

TA, FT = "title-abstract", "full-text"
HELD = "its title-abstract final decision cannot change"


def _resolve(project, study, *decision: str) -> int:
    return main(
        ["conflicts", "resolve", str(study), "--resolver", "lead", "--decision", *decision]
        + ["--project", str(project.folder)]
    )


def _full_text_votes(project, study) -> None:
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project.db, study, FT, reviewer, "include", protocol=project.protocol)


def test_the_same_final_given_again_after_full_text_votes_is_no_change(project_b, capsys):
    study = add_records(project_b, make_records(1))[0]
    conflict_on(project_b, [study], TA, "no-collaboration", checked=True)
    assert _resolve(project_b, study, "include") == 0
    _full_text_votes(project_b, study)
    capsys.readouterr()
    written = len(list_decisions(project_b.db))
    assert _resolve(project_b, study, "include") == 0  # was: refused as a change
    out = capsys.readouterr().out
    assert f"record {study}: final include at title-abstract by lead" in out
    assert "(given before: nothing written)" in out and "replacing" not in out
    assert len(list_decisions(project_b.db)) == written  # the log did not grow by a copy
    # the full-text votes still hold the decision the two finals gave
    before = list_decisions(project_b.db)
    assert _resolve(project_b, study, "exclude", "--reason", "no-collaboration") == 2
    assert HELD in capsys.readouterr().err
    assert list_decisions(project_b.db) == before
    assert scr.DerivedStages(project_b).outcomes(FT)[study].status == "include"


def test_the_same_vote_given_again_after_full_text_votes_is_no_change(project_b):
    study = add_records(project_b, make_records(1))[0]
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, study, TA, reviewer, "include", protocol=project_b.protocol)
    _full_text_votes(project_b, study)
    scr.decide(project_b.db, study, TA, "reviewer1", "include", protocol=project_b.protocol)
    assert scr.DerivedStages(project_b).outcomes(FT)[study].status == "include"


def test_a_lead_log_giving_the_same_final_twice_is_imported(project_b, tmp_path, capsys):
    """On the lead's machine the final include was given again after the full-text votes (a
    sheet imported twice, from a version that wrote it); their log comes in, and a final
    exclude after it is still refused."""
    study = add_records(project_b, make_records(1))[0]
    conflict_on(project_b, [study], TA, "no-collaboration", checked=True)
    add_decision(project_b.db, Decision(study, TA, "lead", "final-include"))
    for reviewer in ("reviewer1", "reviewer2"):
        add_decision(project_b.db, Decision(study, FT, reviewer, "include"))
    add_decision(project_b.db, Decision(study, TA, "lead", "final-include", note="again"))
    logs = {}
    for person in ("reviewer1", "reviewer2", "lead"):
        logs[person] = tmp_path / f"{person}.jsonl"
        assert (
            main(
                ["decisions", "export", "--reviewer", person, str(logs[person])]
                + ["--project", str(project_b.folder)]
            )
            == 0
        )
    other = init_project(tmp_path / "lead-copy", PROTOCOL_B)
    add_records(other, make_records(1))
    try:
        for person in ("reviewer1", "reviewer2", "lead"):
            assert (
                main(["decisions", "import", str(logs[person]), "--project", str(other.folder)])
                == 0
            )
        assert len(list_decisions(other.db)) == 6
        add_decision(project_b.db, Decision(study, TA, "lead", "final-exclude", "no-collaboration"))
        again = tmp_path / "lead2.jsonl"
        main(
            [
                "decisions",
                "export",
                "--reviewer",
                "lead",
                str(again),
                "--project",
                str(project_b.folder),
            ]
        )
        capsys.readouterr()
        assert main(["decisions", "import", str(again), "--project", str(other.folder)]) == 2
        assert f"{again}:3: " in (err := capsys.readouterr().err) and HELD in err
        assert len(list_decisions(other.db)) == 6
    finally:
        other.close()


def test_a_conflicts_sheet_imported_twice_writes_its_finals_once(project_b, tmp_path, capsys):
    """The lead imports the filled sheet again (the same file, or a copy sent twice): the
    finals it gives are theirs already, so nothing is written, and the line says so; it wrote
    a second final for every row."""
    ids = add_records(project_b, make_records(3))
    conflict_on(project_b, ids, TA, "no-collaboration", checked=True)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "record,decision,reason\n"
        f"{ids[0]},include,\n{ids[1]},exclude,no-collaboration\n{ids[2]},,\n",
        encoding="utf-8",
    )
    args = ["conflicts", "import", str(sheet), "--resolver", "lead"]
    assert main([*args, "--project", str(project_b.folder)]) == 0
    written = len(list_decisions(project_b.db))
    capsys.readouterr()
    assert main([*args, "--project", str(project_b.folder)]) == 0
    out = capsys.readouterr().out
    assert "2 final decisions from" in out and "(2 given before: nothing written for them)" in out
    assert len(list_decisions(project_b.db)) == written
