"""A PubMed record a search stored before reviewkit kept NLM's category of each abstract section
(schema 101): the next run of the search fetches the same record with them. The record has not
changed (the same labels and texts), so the run counts it seen, as before, and gives the stored
record the categories a fresh import would give it, saying so in one line of its output and of
the search log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pubmed.conftest import ServerFactory, review_a_project, write_set

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.records import AbstractSection, Record
from reviewkit.searches.categories import completed
from reviewkit.store import records as record_rows

RERUN = '\n[[searches]]\nname = "rerun"\nquery = "english[la]"\n'
GIVEN = "stored records given NLM's categories of their abstract sections"


def cli(*args: object) -> int:
    return main([str(a) for a in args])


def _without_categories(article: bytes) -> bytes:
    """The article as a version before schema 101 stored it: its sections without NlmCategory."""
    return re.sub(rb'\s+NlmCategory="[A-Z]+"', b"", article)


def test_a_rerun_gives_stored_records_nlms_categories_as_no_change(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_server: ServerFactory,
    nlm_articles: dict[str, list[bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    articles = [
        a
        for a in nlm_articles["update"]
        if b"<Language>eng</Language>" in a and b"NlmCategory=" in a
    ][:8]
    assert len(articles) == 8
    project_dir = review_a_project(tmp_path, monkeypatch, RERUN)
    old = write_set(tmp_path / "old.xml", [_without_categories(a) for a in articles])
    now = write_set(tmp_path / "now.xml", articles)
    for files in ([old], [now], [now]):
        url = make_server(Snapshot.open(files)).base_url
        assert cli("search", "run", "rerun", "--base-url", url, "--project", project_dir) == 0
    out = capsys.readouterr().out.splitlines()
    runs = [i for i, line in enumerate(out) if line.startswith("rerun: 8 records (run")]
    second = out[runs[1] : runs[2]]
    assert "0 new, 0 gone, 0 changed" in second[0]
    assert f"  8 {GIVEN}" in [line[: len(GIVEN) + 4] for line in second]
    assert not any(GIVEN in line for line in out[runs[2] :])  # the third run: nothing to give
    project = open_project(project_dir)
    records = record_rows.get_records(project.db, range(1, 9))
    assert len(records) == 8
    # every way of reading a stored record reads it with them: several, one, all in turn
    read = [*records.values(), record_rows.get_record(project.db, 1)]
    read += [rec for _, rec in record_rows.iter_records(project.db)]
    for rec in read:
        assert all(s.category for s in rec.abstract_sections if s.label)
    project.close()
    log = tmp_path / "log.md"
    assert cli("search", "log", "--out", log, "--project", project_dir) == 0
    assert f"8 {GIVEN}" in log.read_text(encoding="utf-8")


def test_a_changed_abstract_is_not_completed_but_left_to_the_rerun_to_report() -> None:
    stored = Record(title="Sick leave", abstract_sections=[AbstractSection("AIMS", "To test.")])
    fetched = Record(
        title="Sick leave", abstract_sections=[AbstractSection("AIMS", "To test.", "OBJECTIVE")]
    )
    assert completed(stored, fetched) == ["OBJECTIVE"]
    edited = Record(
        title="Sick leave", abstract_sections=[AbstractSection("AIMS", "To try.", "OBJECTIVE")]
    )
    assert completed(stored, edited) is None
    # one stored with its categories already is not given them again
    assert completed(fetched, fetched) is None
