"""shared_path: what a sheet for the team says of a record's file (export's 'found in', the
dedup queue sheet's origins). The CLI tests cover files in and out of the project's folder
(tests/dedup/test_sheet_origins.py, tests/reports/test_export_fates.py)."""

from __future__ import annotations

from reviewkit.shared_path import shared_path


def test_a_windows_path_in_a_project_read_elsewhere_is_named_by_its_file(tmp_path):
    """A project imported on Windows and exported on a Mac or Linux: the path is on a disk no
    colleague has, as a POSIX one is; it was written whole."""
    origin = "C:\\Users\\anna\\Downloads\\embase.ris"
    assert shared_path(origin, tmp_path) == "embase.ris"


def test_an_origin_that_is_no_path_is_kept(tmp_path):
    for origin in ("PubMed search run 3", "sources/embase.ris", ""):
        assert shared_path(origin, tmp_path) == origin
