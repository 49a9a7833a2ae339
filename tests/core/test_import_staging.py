"""Imports parse without the write lock and publish all files at once; untitled records warn."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.app import App

from reviewkit import formats, importer
from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.formats import text
from reviewkit.project import init_project, open_project
from reviewkit.store import records as record_rows
from reviewkit.tui.app import AppCrashed, run_app

PROTOCOL_A = Path(__file__).resolve().parents[2] / "protocols" / "rtw-systematic-reviews.toml"
RIS = "TY  - JOUR\nTI  - {title}\nAU  - Hansen, K\nPY  - 2021\nDO  - 10.1000/{n}\nER  - \n\n"


def ris_file(path: Path, titles: list[str]) -> Path:
    path.write_text("".join(RIS.format(title=t, n=i) for i, t in enumerate(titles, 1)))
    return path


def lock_is_free(database: Path) -> bool:
    conn = sqlite3.connect(database, isolation_level=None, timeout=0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def test_parsing_never_holds_the_write_lock(tmp_path, monkeypatch):
    project = init_project(tmp_path / "review", PROTOCOL_A)
    files = [
        ris_file(tmp_path / "a.ris", [f"Sick leave study {i}" for i in range(30)]),
        ris_file(tmp_path / "b.ris", [f"Return to work study {i}" for i in range(30)]),
    ]
    seen_free: list[bool] = []
    real_read = formats.read_file

    def read_and_probe(path, **kw):  # another process tries to write while each file is read
        for n, row in enumerate(real_read(path, **kw)):
            if n == 10:
                seen_free.append(lock_is_free(project.database_path))
            yield row

    monkeypatch.setattr(formats, "read_file", read_and_probe)
    summaries = importer.import_files(project.db, files)
    assert seen_free == [True, True]
    assert [s.records for s in summaries] == [30, 30]
    assert record_rows.record_count(project.db) == 60
    project.close()


def test_a_bad_second_file_stores_nothing_of_the_first(tmp_path, capsys):
    folder = tmp_path / "review"
    init_project(folder, PROTOCOL_A).close()
    good = ris_file(tmp_path / "good.ris", ["Sick leave and work"])
    bad = tmp_path / "bad.ris"
    bad.write_text("TY  - JOUR\nTI  - cut off here\n")  # no ER line
    assert main(["import", str(good), str(bad), "--project", str(folder)]) == 2
    assert "bad.ris" in capsys.readouterr().err
    with open_project(folder) as project:
        assert record_rows.record_count(project.db) == 0
        assert record_rows.list_imports(project.db) == []


def test_the_same_file_twice_in_one_command_is_imported_once(tmp_path, capsys):
    folder = tmp_path / "review"
    init_project(folder, PROTOCOL_A).close()
    one = ris_file(tmp_path / "one.ris", ["Sick leave and work"])
    assert main(["import", str(one), str(one), "--project", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "1 record (" in out and f"skipped, same file as {one}" in out
    with open_project(folder) as project:
        assert record_rows.record_count(project.db) == 1


# --- records without a title ----------------------------------------------------------------


def test_untitled_records_are_imported_with_a_warning_naming_each(tmp_path, capsys):
    folder = tmp_path / "review"
    init_project(folder, PROTOCOL_A).close()
    path = ris_file(tmp_path / "export.ris", ["Sick leave", "", "Return to work", " "])
    assert main(["import", str(path), "--project", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "4 records" in captured.out
    warnings = [line for line in captured.err.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {path}: record at line 8 (DOI 10.1000/2) has no title (imported as is)",
        f"warning: {path}: record at line 22 (DOI 10.1000/4) has no title (imported as is)",
        f"warning: {path}: 2 records (at lines 8 and 22) have neither title nor abstract: imported"
        " (they count in PRISMA's records), but there is nothing to screen them on; look each"
        " up by its identifier or citation, or screen it on its full text",
    ]


def test_a_medline_record_with_only_a_vernacular_title_uses_it(tmp_path):
    path = tmp_path / "vernacular.nbib"
    path.write_text(
        "PMID- 33000009\nDP  - 2021\nTT  - Retour au travail apres un arret maladie.\nLA  - fre\n\n"
    )
    (rec,) = formats.read_file(path)
    assert rec.title == "Retour au travail apres un arret maladie."


# --- a crashed terminal app -----------------------------------------------------------------


class _Broken(App):
    TITLE = "broken app"

    def on_mount(self) -> None:
        raise RuntimeError("boom")


def test_a_crashed_terminal_app_ends_with_a_non_zero_exit(capsys):
    with pytest.raises(AppCrashed) as caught:
        run_app(_Broken(), headless=True)
    assert caught.value.exit_code == 1
    assert "broken app stopped on an unexpected error" in str(caught.value)


def test_a_file_larger_than_any_reader_takes_is_refused_before_it_is_hashed(tmp_path, monkeypatch):
    """Hashing a file of gigabytes takes seconds before the reader refuses it: the size is
    checked first, and nothing is stored."""
    project = init_project(tmp_path / "review", PROTOCOL_A)
    path = ris_file(tmp_path / "big.ris", [f"Sick leave study {i}" for i in range(30)])
    monkeypatch.setattr(text, "MAX_XML_BYTES", 1000)

    def hashed(_path):
        raise AssertionError("the file was hashed")

    monkeypatch.setattr(importer, "sha256_of", hashed)
    with pytest.raises(FormatError, match="larger than"):
        importer.import_files(project.db, [path])
    assert record_rows.record_count(project.db) == 0
    project.close()
