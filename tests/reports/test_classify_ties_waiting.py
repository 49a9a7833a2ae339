"""`classify` printed 'topic<tab>tie<tab>1' still after a person had confirmed the tied study:
its summary now says how many of the rules' ties still wait for a person. The tab-separated
lines keep counting the rules' suggestions (a scheme's lines add up to its studies)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports.conftest import TEST_PROTOCOL, store_records

from reviewkit import classify, screening
from reviewkit.cli import main
from reviewkit.project import Project, init_project
from reviewkit.records import Record

TIE, MENTAL = "Depression and back pain at work", "Depression after a workplace injury"


def _included(tmp_path: Path, titles: list[str]) -> tuple[Project, list[int]]:
    """A project on the tests' protocol with a study per title, each included."""
    path = tmp_path / "protocol.toml"
    path.write_text(TEST_PROTOCOL, encoding="utf-8")
    project = init_project(tmp_path / "project", path)
    ids = store_records(project, [Record(title=t, year=2020) for t in titles], "PubMed")
    for rid in ids:
        screening.decide(
            project.db, rid, "title-abstract", "ann", "include", protocol=project.protocol
        )
    return project, ids


@pytest.fixture
def tied(tmp_path: Path):
    """Two included studies: a tie between Mental and Musculoskeletal (a term of each in its
    title), and one with Mental alone."""
    project, ids = _included(tmp_path, [TIE, MENTAL])
    yield project, ids
    project.close()


def test_the_summary_counts_the_ties_still_waiting_for_a_person(tied, capsys) -> None:
    project, ids = tied
    args = ["classify", "--project", str(project.folder), "--scheme", "topic"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "topic\ttie\t1\n" in out and "topic\tmental\t1\n" in out
    assert "ties waiting for a person: 1 of 1 (topic: 1 of 1)" in out
    # confirm takes no name by default: the bare 'reviewkit confirm' was refused as copied
    # ('needs --reviewer'), and opened the report's scheme, not the ties' (the protocol has two)
    line = f"reviewkit confirm --reviewer NAME --scheme topic --project {project.folder}"
    assert f"'{line}' shows each with its evidence" in out
    classify.confirm(project, ids[0], "topic", ["mental"], "ann")
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "topic\ttie\t1\n" in out  # the rules' count, as before: the columns are stable
    assert "ties waiting for a person: none (all 1 settled by a confirmed label)" in out
    assert "1 of 1" not in out


def test_without_a_tie_no_line_is_said(tmp_path: Path, capsys) -> None:
    project, _ = _included(tmp_path, [MENTAL])
    try:
        assert main(["classify", "--project", str(project.folder), "--scheme", "topic"]) == 0
    finally:
        project.close()
    out = capsys.readouterr().out
    assert "topic\tmental\t1\n" in out and "tie" not in out
