"""A search run stored before records kept the journal's abbreviation: the next run of the
search reads every article's abbreviation (MedlineTA), and must not report each as changed."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from pubmed.conftest import ServerFactory, fast_client, write_set

import reviewkit.searches.run as search_run
from reviewkit.project import Project
from reviewkit.protocol import Search
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.records import Record
from reviewkit.searches import diff_runs, run_search
from reviewkit.searches.diff import changed_fields


def _store_as_before_the_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """Records stored and fingerprinted as a version without the field did: no key in their
    JSON, and a fingerprint of the other fields."""
    to_json, fingerprint = Record.to_json, search_run.fingerprint

    def old_json(record: Record) -> str:
        data = json.loads(to_json(record))
        assert data.pop("journal_abbreviation")  # PubMed gave every one of them
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    monkeypatch.setattr(Record, "to_json", old_json)
    monkeypatch.setattr(
        search_run,
        "fingerprint",
        lambda r: fingerprint(dataclasses.replace(r, journal_abbreviation="")),
    )


def test_a_rerun_reports_no_change_for_a_field_the_stored_records_predate(
    project_a: Project,
    make_server: ServerFactory,
    nlm_articles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    english = [a for a in nlm_articles["update"] if b"<Language>eng</Language>" in a][:30]
    snapshot = Snapshot.open([write_set(tmp_path / "one.xml", english)])
    search = Search("all-2021", "PubMed", "english[la]")
    with monkeypatch.context() as before:
        _store_as_before_the_field(before)
        first = run_search(project_a.db, search, fast_client(make_server(snapshot)))
    second = run_search(project_a.db, search, fast_client(make_server(snapshot)))
    assert first.count == second.count == 30
    assert second.new == [] and second.changed == {}
    assert diff_runs(project_a.db, "all-2021").changed == {}
    # a third run compares with the second's fingerprints, which hold the abbreviation
    third = run_search(project_a.db, search, fast_client(make_server(snapshot)))
    assert third.changed == {}


def test_a_field_stored_empty_and_given_now_is_a_change() -> None:
    # the stored copy holds the field (empty: PubMed gave none then), so it predates nothing:
    # an abbreviation PubMed adds later is a change, as any field filled in is
    stored = Record(title="Graded sick leave", journal="Work", pmid="31000001")
    now = dataclasses.replace(stored, journal_abbreviation="Work (Reading, Mass.)")
    assert changed_fields(stored.to_json(), now) == ["journal_abbreviation"]
    # and a stored copy without the key (stored before the field was read) is not compared
    old = json.loads(stored.to_json())
    del old["journal_abbreviation"]
    assert changed_fields(json.dumps(old), now) == []
