"""Edges of round 27's readers for databases' exports (tests/core/test_exporter_variants.py):
an Embase journal without issue numbers, an Ovid tag left without its value, and a line too
long for an export in a file whose lines end in CR alone. Read through formats.read_file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError
from reviewkit.formats.text import MAX_LINE_CHARS

OVID_EMBASE = """<1. >
VN  - Ovid Technologies
DB  - Embase
UI  - 2004000003
TI  - Early contact and return to work.
SO  - Annals of Internal Medicine. 170 (pp 12-20), 2019. Date of Publication: 2019.
AU  - Hansen P.
AB  - Background: Back pain keeps people off work.
ST  -
LG  - English
YR  - 2019

<2. >
VN  - Ovid Technologies
DB  - Embase
UI  - 2004000004
TI  - Graded sick leave.
SO  - Annals of Internal Medicine. 171 (no pagination), 2019. Article Number: e55.
AU  - Lie K.
YR  - 2019

"""


def _read(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return list(formats.read_file(path))


def test_embase_source_without_an_issue_keeps_its_pages(tmp_path: Path) -> None:
    # many journals have volumes only: Embase's SO then goes from the volume to '(pp …)'
    paged, numbered = _read(tmp_path, "embase.ovd", OVID_EMBASE)
    assert (paged.journal, paged.volume, paged.issue, paged.pages) == (
        "Annals of Internal Medicine",
        "170",
        "",
        "12-20",
    )
    assert (numbered.volume, numbered.issue, numbered.pages) == ("171", "", "e55")


def test_ovid_tag_without_a_value_is_not_text_of_the_field_above(tmp_path: Path) -> None:
    (record, _) = _read(tmp_path, "embase.ovd", OVID_EMBASE)
    assert record.abstract == "Background: Back pain keeps people off work."
    assert record.language == "English"


def test_too_long_line_is_named_by_its_number_when_lines_end_in_cr(tmp_path: Path) -> None:
    # classic Mac line ends, which every text reader splits at (text.split_lines)
    text = "TY  - JOUR\rTI  - A\rAB  - " + "x" * (MAX_LINE_CHARS + 1) + "\rER  -\r"
    with pytest.raises(FormatError) as raised:
        _read(tmp_path, "mac.ris", text)
    assert raised.value.where.endswith("mac.ris:3")
