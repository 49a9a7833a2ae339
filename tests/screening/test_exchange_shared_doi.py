"""A decision log round trip when two records carry one DOI and dedup kept them apart."""

from __future__ import annotations

from conftest import add_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.records import Record
from reviewkit.store.decisions import list_decisions

DOI = "10.1136/bmjopen-2019-033000"


def test_votes_on_two_records_sharing_a_doi_export_and_import_back(project_b, tmp_path, capsys):
    """One DOI on two records with other titles (a journal's companion items, or an export
    that copied a DOI: dedup queues such a pair for a person, `same_doi_titles_differ`). Each
    vote is keyed by its record's title as well, so importing the log back finds each record,
    not the first with that DOI; it used to refuse the file as 'different content'."""
    ids = add_records(
        project_b,
        [
            Record(title="Dialogue meetings with the employer", doi=DOI, year=2020),
            Record(title="Workplace dialogue meetings and sickness absence", doi=DOI, year=2020),
        ],
    )
    queue = scr.ReviewerQueue(project_b, "title-abstract", "reviewer2")
    queue.decide(ids[0], "include")
    queue.decide(ids[1], "exclude", "long-term")
    log = tmp_path / "r2.jsonl"
    folder = str(project_b.folder)
    assert (
        main(["decisions", "export", "--reviewer", "reviewer2", str(log), "--project", folder]) == 0
    )
    capsys.readouterr()
    assert main(["decisions", "import", str(log), "--project", folder]) == 0, (
        capsys.readouterr().err
    )
    assert "added 0 entries, 2 already present" in capsys.readouterr().out
    assert len(list_decisions(project_b.db)) == 2


def test_a_reviewer_without_decisions_gets_no_empty_log(project_b, tmp_path, capsys):
    """An empty file is what `decisions import` refuses ('the file is empty'); export wrote
    one for a reviewer who had not voted yet, and the lead's import then failed."""
    log = tmp_path / "r2.jsonl"
    argv = ["decisions", "export", "--reviewer", "reviewer2", str(log)]
    assert main([*argv, "--project", str(project_b.folder)]) == 2
    assert "reviewer2 has no decisions in this project; nothing was written" in (
        capsys.readouterr().err
    )
    assert not log.exists()
