"""A RIS file in which no record ends with ER (a converter or script that leaves the tag out)
is one damage, named once with what to do; each record was named ('record 1 … has no ER
line', up to the limit, then 'and more'). Where the file's other records have ER, a record
without is named by its line, as before."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import import_refused


def _import(tmp_path: Path, capsys, text: str) -> str:
    path = tmp_path / "export.ris"
    path.write_text(text, encoding="utf-8")
    return import_refused(tmp_path, capsys, path).replace(str(path), "FILE")


def _record(n: int, er: bool) -> str:
    return f"TY  - JOUR\nTI  - Study {n}\nPY  - 2020\n" + ("ER  - \n" if er else "") + "\n"


def test_a_file_whose_records_have_no_er_is_named_once(tmp_path: Path, capsys) -> None:
    err = _import(tmp_path, capsys, "".join(_record(n, False) for n in range(30)))
    assert "error: FILE:1: no record of this file ends with an ER line (30 records" in err, err
    assert "also" not in err and "and more" not in err, err
    assert "add that line after each one" in err, err


def test_one_record_without_er_among_others_is_named_by_its_line(tmp_path: Path, capsys) -> None:
    records = [_record(n, n != 3) for n in range(6)]
    err = _import(tmp_path, capsys, "".join(records))
    line = "".join(records[:4]).count("\n") + 1  # the TY that closes record 4
    assert f"error: FILE:{line}: record 4 starting at line" in err and "no ER line" in err, err
    assert "no record of this file" not in err, err


def test_the_first_records_without_er_before_records_with_it_are_named_once(
    tmp_path: Path, capsys
) -> None:
    """An export written without ER with another joined below it: its records were held until
    the first ER, then each named (20 lines and 'and more' for one damage). Each record's
    PY is no year: the records read meanwhile (those with ER) warn of nothing, the import
    being refused, so the user reads one error."""
    records = [_record(n, n >= 25).replace("PY  - 2020", "PY  - 20x0") for n in range(30)]
    err = _import(tmp_path, capsys, "".join(records))
    last = "".join(records[:24]).count("\n") + 1  # the line record 25 starts at
    assert err.startswith(
        f"error: FILE:1: the first 25 records of this file (starting at lines 1 to {last})"
        " have no ER line, though the records after them end with one\n"
    ), err
    assert "also" not in err and "and more" not in err and "warning" not in err, err
    assert err.count("\n") == 2, err  # the error and its hint
