"""Text decoded in a wrong encoding (round 21). A Windows-1252 file declared Latin-1 was
imported with its curly quotes and dashes as invisible C1 control codes (U+0091-U+0097); it
is refused, naming the line and --encoding cp1252. An export that was decoded wrongly before
it was saved as UTF-8 ('Ã©' for 'é', 'â€™' for '’') was imported without a word; it is
warned of once, naming the first record by its line. Accented text that is right says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

RIS = (
    "TY  - JOUR\nTI  - Return to work in São Paulo and Åland: a naïve model\nAU  - Ñandú, A.\n"
    "PY  - 2020\nER  - \n\n"
    "TY  - JOUR\nTI  - {title}\nAU  - Berg, B.\nPY  - 2021\nER  - \n"
)


def _import(tmp_path: Path, capsys, path: Path, *more: str) -> tuple[int, str, Path]:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    code = main(["import", str(path), *more, "--project", str(project)])
    return code, capsys.readouterr().err, project


def test_windows_1252_declared_latin_1_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.ris"
    path.write_bytes(
        RIS.format(title="Workers\u2019 \u201cvoice\u201d \u2013 a study").encode("cp1252")
    )
    code, err, project = _import(tmp_path, capsys, path, "--encoding", "latin-1")
    assert code == 2, err
    assert f"{path}:8: byte 0x92 is no character in Latin-1" in err and "cp1252" in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0


def test_windows_1252_read_as_such(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.ris"
    path.write_bytes(RIS.format(title="Workers\u2019 voice").encode("cp1252"))
    code, err, _ = _import(tmp_path, capsys, path, "--encoding", "cp1252")
    assert code == 0 and "warning" not in err, err


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("CafÃ© workers", "'Ã©' for 'é'"),
        ("Workersâ€™ voice", "'â€™' for '’'"),
        ("Workers\u00e2\u0080\u0099 voice", "for '’'"),
    ],
    ids=["twice-cp1252", "quote-cp1252", "quote-latin-1"],
)
def test_text_decoded_twice_is_warned_of(tmp_path: Path, capsys, title: str, shown: str) -> None:
    path = tmp_path / "export.ris"
    path.write_text(RIS.format(title=title), encoding="utf-8")
    code, err, _ = _import(tmp_path, capsys, path)
    assert code == 0, err
    assert f"warning: {path}: 1 record held text" in err and shown in err, err
    assert "first: record at line 7" in err and "UTF-8" in err, err


def test_accented_text_says_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.ris"
    path.write_text(RIS.format(title="Été, “quoted” – and Ðórr’s 5 × 2"), encoding="utf-8")
    code, err, _ = _import(tmp_path, capsys, path)
    assert code == 0 and "warning" not in err, err


WORDS = ["Депрессия у подростков", "抑郁症的患病率", "الاكتئاب لدى المراهقين"]


@pytest.mark.parametrize("title", WORDS, ids=["cyrillic", "cjk", "arabic"])
def test_a_title_in_another_script_decoded_twice_is_warned_of(
    tmp_path: Path, capsys, title: str
) -> None:
    """A Russian, Chinese or Arabic title garbled as Latin-1 (each letter two or three
    signs: 'Ð”Ðµ…'), as a database's export of such a journal is: its run of garbled letters
    is certain, where one sign before a no-break space ('×\\xa0') is not."""
    path = tmp_path / "export.ris"
    path.write_text(RIS.format(title=title.encode().decode("latin-1")), encoding="utf-8")
    code, err, _ = _import(tmp_path, capsys, path)
    assert code == 0, err
    assert f"warning: {path}: 1 record held text" in err and "first: record at line 7" in err, err
    assert f"for '{title.split()[0][:3]}" in err, err


@pytest.mark.parametrize("title", WORDS, ids=["cyrillic", "cjk", "arabic"])
def test_a_title_in_another_script_says_nothing(tmp_path: Path, capsys, title: str) -> None:
    path = tmp_path / "export.ris"
    path.write_text(RIS.format(title=f"{title} (2×\xa0daily)"), encoding="utf-8")
    code, err, _ = _import(tmp_path, capsys, path)
    assert code == 0 and "warning" not in err, err


@pytest.mark.parametrize(
    ("title", "windows", "declared", "said"),
    [
        ("Powrót do pracy: „badanie” – wyniki", "cp1250", "latin2", "ISO-8859-2"),
        ("Возвращение к работе: «исследование» – итоги", "cp1251", "iso-8859-5", "ISO-8859-5"),
        ("Workers\u2019 \u201cvoice\u201d \u2013 \u20ac5", "cp1252", "latin9", "ISO-8859-15"),
    ],
    ids=["polish-latin2", "russian-iso-8859-5", "latin9"],
)
def test_windows_text_declared_its_iso_8859_part_is_refused(
    tmp_path: Path, capsys, title: str, windows: str, declared: str, said: str
) -> None:
    """Every ISO-8859 part, not Latin-1 alone, gives the bytes 0x80-0x9F no character (C1
    controls); the Windows code page of the same letters puts its quotes and dashes there.
    A Polish file saved by Windows (cp1250) declared Latin-2 is the same mistake as a
    Western one (cp1252) declared Latin-1, and is named with its own code page."""
    path = tmp_path / "export.ris"
    text = "TY  - JOUR\nTI  - A first record\nAU  - Berg, A.\nPY  - 2020\nER  - \n\n"
    text += f"TY  - JOUR\nTI  - {title}\nAU  - Berg, B.\nPY  - 2021\nER  - \n"
    path.write_bytes(text.encode(windows))
    code, err, project = _import(tmp_path, capsys, path, "--encoding", declared)
    assert code == 2, err
    assert f"{path}:8: byte 0x" in err and f"no character in {said}" in err, err
    assert f"--encoding {windows}" in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0
