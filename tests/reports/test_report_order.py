"""`reviewkit report` stores the extraction prefills with its files: all of it or nothing."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import write_lock

from reviewkit import classify, extract
from reviewkit.cli import main
from reviewkit.store import db as store_db


def dump(folder: Path) -> list[str]:
    conn = sqlite3.connect(folder / "review.sqlite")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return list(conn.iterdump())
    finally:
        conn.close()


def _block_with_a_folder(path: Path) -> None:
    path.mkdir()


def _block_with_a_full_disk(path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    path.symlink_to("/dev/full")  # a link in the temp dir: a writer fills it, never replaces it


@pytest.mark.parametrize("block", [_block_with_a_folder, _block_with_a_full_disk])
def test_a_failed_report_leaves_the_database_as_it_was(b_included, tmp_path, capsys, block):
    project, ids = b_included
    classify.classify_project(project, ids)
    assert extract.current(project, ids) == {}  # nothing prefilled yet
    out = tmp_path / "exports"
    out.mkdir()
    last = out / "search-log.md"  # the last file the report writes
    block(last)
    before = dump(project.folder)
    argv = ["report", "--out", str(out), "--project", str(project.folder)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"error: {last}" in err and "Traceback" not in err
    assert dump(project.folder) == before

    if last.is_dir():
        shutil.rmtree(last)
    else:
        last.unlink()
    assert main(argv) == 0
    stored = extract.current(project, ids)
    assert {v.method for fields in stored.values() for v in fields.values()} == {"prefill"}
    rows = [
        row
        for table in sorted((out / "tables").glob("*.csv"))
        for row in csv.DictReader(table.open(encoding="utf-8"))
    ]
    countries = {row["Country"] for row in rows}  # the tables show what was stored
    assert countries == {stored[i]["country"].value for i in ids if "country" in stored[i]}
    assert all("Country" in row["Prefilled, not checked"] for row in rows if row["Country"])


def test_a_report_refused_as_busy_writes_no_file(b_included, tmp_path, capsys, monkeypatch):
    """Another process holding the write lock: exit 2 'busy' with no file and nothing stored
    (the report wrote every file, then failed when storing its prefills); once free, exit 0."""
    project, ids = b_included
    classify.classify_project(project, ids)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)  # no 30 s wait in the test suite
    out = tmp_path / "exports"
    argv = ["report", "--out", str(out), "--project", str(project.folder)]
    with write_lock(project):
        assert main(argv) == 2
    err = capsys.readouterr().err
    assert "busy" in err and "Traceback" not in err
    assert not out.exists()
    assert extract.current(project, ids) == {}
    assert main(argv) == 0
    assert (out / "search-log.md").is_file() and extract.current(project, ids)


def test_a_version_name_another_report_recorded_meanwhile_is_refused(
    b_included, tmp_path, capsys, monkeypatch
):
    """Two reports with --new-version at once: the name was checked before the work only,
    so the one whose lock came second recorded 'V1' beside the other's 'v1' (names are one
    when they differ in case only). Checked again under the lock: exit 2, no file written."""
    from reviewkit.project import open_project
    from reviewkit.reports import snapshot, versions

    project, _ids = b_included
    real = snapshot.ProjectSnapshot.read.__func__
    others: list[str] = []

    def read_while_another_report_records_v1(cls, p):
        if not others:  # the other process, between this report's check and its lock
            others.append("v1")
            other = open_project(project.folder)
            try:
                versions.record_version(other, "v1")
            finally:
                other.close()
        return real(cls, p)

    monkeypatch.setattr(
        snapshot.ProjectSnapshot, "read", classmethod(read_while_another_report_records_v1)
    )
    out = tmp_path / "exports"
    argv = ["report", "--out", str(out), "--project", str(project.folder), "--new-version", "V1"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "recorded already" in err and "Traceback" not in err
    assert not out.exists()
    assert [v.name for v in versions.version_rows.list_versions(project.db)] == ["v1"]
