"""A decision log round trip when two records carry one PMID and dedup kept them apart."""

from __future__ import annotations

import json

from conftest import add_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.records import Record
from reviewkit.store.decisions import list_decisions

PMID = "31000001"


def _export(project, log, capsys) -> None:
    folder = str(project.folder)
    argv = ["decisions", "export", "--reviewer", "reviewer2", str(log), "--project", folder]
    assert main(argv) == 0
    capsys.readouterr()


def test_votes_on_two_records_sharing_a_pmid_export_and_import_back(project_b, tmp_path, capsys):
    """One PMID on two records with other DOIs and titles (an erratum or a database that
    copied a PMID: dedup's chaining guard keeps them apart). Each vote is found again by its
    record's DOI, not taken for the first record with that PMID; importing one's own log
    used to be refused as 'already in this project with different content'."""
    ids = add_records(
        project_b,
        [
            Record(title="Dialogue meetings with the employer", pmid=PMID, doi="10.1/a", year=2020),
            Record(title="Workplace dialogue and absence", pmid=PMID, doi="10.1/b", year=2020),
        ],
    )
    queue = scr.ReviewerQueue(project_b, "title-abstract", "reviewer2")
    queue.decide(ids[0], "include")
    queue.decide(ids[1], "exclude", "long-term")
    log = tmp_path / "r2.jsonl"
    _export(project_b, log, capsys)
    folder = str(project_b.folder)
    assert main(["decisions", "import", str(log), "--project", folder]) == 0, (
        capsys.readouterr().err
    )
    assert "added 0 entries, 2 already present" in capsys.readouterr().out
    assert len(list_decisions(project_b.db)) == 2


def test_a_pmid_two_records_share_without_a_telling_doi_or_title_is_refused(
    project_b, tmp_path, capsys
):
    """When neither DOI nor title tells the records of one PMID apart, the import names the
    line and the records instead of putting the vote on the first of them."""
    ids = add_records(
        project_b,
        [
            Record(title="Dialogue meetings with the employer", pmid=PMID, year=2020),
            Record(title="Workplace dialogue and absence", pmid=PMID, year=2020),
        ],
    )
    scr.ReviewerQueue(project_b, "title-abstract", "reviewer2").decide(ids[0], "include")
    log = tmp_path / "r2.jsonl"
    _export(project_b, log, capsys)
    entry = json.loads(log.read_text())
    entry["id"] = "from-elsewhere-1"
    entry["record"]["title"] = "a title neither record has"
    log.write_text(json.dumps(entry) + "\n")
    assert main(["decisions", "import", str(log), "--project", str(project_b.folder)]) == 2
    err = capsys.readouterr().err
    assert f"{log}:1" in err
    assert f"PMID {PMID} is on records {ids[0]} and {ids[1]}" in err
    assert "Traceback" not in err
    assert len(list_decisions(project_b.db)) == 1


def test_a_copy_dedup_has_not_compared_yet_says_to_run_dedup(project_b, tmp_path, capsys):
    """A search rerun stores another copy of a screened record; importing the project's own
    log was refused with 'neither its DOI nor its title tells which one' and a hint to edit
    the line, when `reviewkit dedup` was what it needed (found walking the README, task walk)."""
    folder = str(project_b.folder)
    article = Record(title="Dialogue meetings with the employer", pmid=PMID, doi="10.1/a")
    (first,) = add_records(project_b, [article])
    assert main(["dedup", "--project", folder]) == 0
    scr.ReviewerQueue(project_b, "title-abstract", "reviewer2").decide(first, "include")
    log = tmp_path / "r2.jsonl"
    _export(project_b, log, capsys)
    (copy,) = add_records(project_b, [article], source="a search rerun")
    assert main(["decisions", "import", str(log), "--project", folder]) == 2
    err = capsys.readouterr().err
    assert f"PMID {PMID} is on records {first} and {copy}" in err
    assert f"dedup has not compared record {copy} yet" in err
    assert "type `reviewkit dedup`" in err
    assert main(["dedup", "--project", folder]) == 0
    assert main(["decisions", "import", str(log), "--project", folder]) == 0
    assert "added 0 entries, 1 already present" in capsys.readouterr().out
