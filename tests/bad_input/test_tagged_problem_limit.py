"""The streamed RIS, MEDLINE and Web of Science readers name up to 20 problems and then say
whether the file holds more: 'and more' when it does, nothing when the 20 are its every one.
They read on past the 20th (a line costs little), so they never leave the user guessing with
'maybe more' as BibTeX must when it stops before chunks it never parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.tagged_files import nbib_record, refused_import, ris_record


def _ris(damaged: int, records: int) -> list[str]:
    lines: list[str] = []
    for n in range(1, records + 1):
        lines += ris_record(n, "kw  - sick leave") if n <= damaged else ris_record(n)
    return lines


def _medline(damaged: int, records: int) -> list[str]:
    lines: list[str] = []
    for n in range(1, records + 1):
        lines += nbib_record(n, "This line lost its tag") if n <= damaged else nbib_record(n)
    return lines


def _wos(damaged: int, records: int) -> list[str]:
    lines = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    for n in range(1, records + 1):
        lost = ["lost its tag"] if n <= damaged else []
        lines += ["PT J", f"TI A study numbered {n}", *lost, f"UT WOS:{n:015d}", "ER", ""]
    return [*lines, "EF"]


@pytest.mark.parametrize(
    ("make", "file"), [(_ris, "export.ris"), (_medline, "export.nbib"), (_wos, "savedrecs.txt")]
)
@pytest.mark.parametrize(
    ("damaged", "records", "said"), [(20, 20, ""), (20, 22, ""), (21, 22, "and more")]
)
def test_the_limit_says_more_only_when_there_is_more(
    tmp_path: Path, capsys, make, file: str, damaged: int, records: int, said: str
) -> None:
    err, _path = refused_import(tmp_path, capsys, make(damaged, records), file)
    assert "fix all 20 problems named" in err, err
    assert "maybe more" not in err, err
    assert ("and more: only the first 20 problems are named" in err) == bool(said), err
