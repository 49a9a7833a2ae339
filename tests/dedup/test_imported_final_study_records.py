"""A final's 'study_records' (the records its study held in the copy it was given in) at the
edges `decisions import` left: a key of them that fits two studies here, and a final first
brought in from an export that did not say, then again from one that does."""

from __future__ import annotations

import json
import shutil

from conftest import add_records
from dedup.helpers import cli, conflicts_listed, copies, final_from_copy, pairs_apart

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.records import Record
from reviewkit.store import duplicates as links

TA = "title-abstract"
PMID = "31000001"


def _said(capsys) -> str:
    return " ".join(capsys.readouterr().out.split())


def test_a_study_records_key_fitting_two_studies_names_its_key_and_what_to_do(
    project_b, tmp_path, capsys
):
    """One PMID on two records here that dedup kept apart (an erratum), and a final whose
    study_records key has that PMID with a DOI and title neither has: the file is refused
    (which record its study held would be a guess). Was: the hint said to put a DOI or title
    in the line's "record", which was found; it names study_records[0] of that line."""
    add_records(
        project_b,
        [
            Record(title="Dialogue meetings with the employer", pmid=PMID, year=2020),
            Record(title="Workplace dialogue and absence", pmid=PMID, year=2020),
        ],
    )
    assert main(["dedup", "--project", str(project_b.folder)]) == 0
    here, copy, a, _b = copies(project_b, tmp_path)
    log = tmp_path / "lead.jsonl"
    final_from_copy(copy, a, log, 0)
    entry = json.loads(log.read_text(encoding="utf-8"))
    held = {"pmid": PMID, "doi": None, "title": "a title neither record has", "year": 2020}
    log.write_text(json.dumps({**entry, "study_records": [held]}) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(log)) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"{log}:1: the entry's study_records[0] has PMID {PMID}, which is on records" in err
    assert "tells which one the final's study held" in err
    assert 'in the line\'s "study_records[0]"' in err
    assert "or take that key out of the line's study_records" in err
    assert 'line\'s "record"' not in err and "Traceback" not in err
    assert f"{a}\topen" in conflicts_listed(here, capsys)  # nothing written


def _imported_twice(
    project_b, tmp_path, capsys, merged_before_copy: bool, hours: float = 0
) -> tuple:
    """The lead's final on a made in a copy, brought in from its export without
    study_records (an older reviewkit), the lead having merged a and b here (before the copy
    was taken, or after; its clock ``hours`` off); then the same final from a new export of that copy, which says
    what its study held. Returns (here, a, b, what the second import printed)."""
    a, b = pairs_apart(project_b, 1)[0]
    here, copy = project_b.folder, tmp_path / "copy"
    merge = ("dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes")
    if merged_before_copy:
        assert cli(here, *merge) == 0
    project_b.close()
    shutil.copytree(here, copy)
    if not merged_before_copy:
        assert cli(here, *merge) == 0
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    final_from_copy(copy, a, new, hours)
    old.write_text(
        "".join(
            json.dumps({k: v for k, v in json.loads(line).items() if k != "study_records"}) + "\n"
            for line in new.read_text(encoding="utf-8").splitlines()
        ),
        encoding="utf-8",
    )
    assert cli(here, "decisions", "import", str(old), "--reviewer", "lead") == 0
    capsys.readouterr()
    assert cli(here, "decisions", "import", str(new), "--reviewer", "lead") == 0
    return here, a, b, _said(capsys)


def test_a_final_brought_in_again_with_study_records_keeps_them_and_says_nothing_new(
    project_b, tmp_path, capsys
):
    """The copy was taken after the merge: its final held b, as its time said already.
    Was: the second import counted it 'already present' and kept no study_records (what the
    final settled stayed a guess by that machine's clock); they are kept, and nothing new is
    said (what it settles is what it settled)."""
    here, a, b, said = _imported_twice(project_b, tmp_path, capsys, merged_before_copy=True)
    assert said == "added 0 entries, 1 already present"
    with open_project(here) as project:
        ids = [
            r["id"] for r in project.db.query("SELECT id FROM decisions WHERE label LIKE 'final-%'")
        ]
        assert [links.held_in_copy(project.db, i) for i in ids] == [{a, b}]
    assert f"{a}\tresolved" in conflicts_listed(here, capsys)


def test_a_final_brought_in_again_whose_copy_held_apart_what_it_was_taken_to_settle(
    project_b, tmp_path, capsys
):
    """The copy was taken before the merge (it held b apart), and the first import, of an
    export that did not say, took the final to settle b by its time (made after the merge by
    that clock). The new export says its study held a alone: what it settles changes, the
    conflict is open again, and the lead is told so, with the line to resolve it."""
    here, a, b, said = _imported_twice(project_b, tmp_path, capsys, merged_before_copy=False)
    assert said.startswith("added 0 entries, 1 already present")
    assert (
        f"lead's final on study {a} at {TA}, from another copy, does not settle record {b},"
        " which that copy held apart: the conflict is open again; resolve the study again"
        f" (reviewkit conflicts --resolver lead --stage {TA}"
    ) in said
    assert f"{a}\topen" in conflicts_listed(here, capsys)


def test_a_final_brought_in_again_whose_copy_held_what_it_was_taken_not_to_settle(
    project_b, tmp_path, capsys
):
    """The copy was taken after the merge (it held b), on a machine whose clock runs 2 h
    behind: by its time the final came before the merge, and the first import took it not to
    settle b. The new export says its study held b: it settles b now, and the import says so
    (nothing to do), not again the votes told the first time."""
    here, a, b, said = _imported_twice(project_b, tmp_path, capsys, True, hours=-2)
    assert said == (
        f"added 0 entries, 1 already present lead's final on study {a} at {TA}, from another"
        f" copy, settles record {b}, which this file says that copy held (taken before, by its"
        " time, not to)"
    )
