"""An extraction sheet's header (sheet_header.check_header): a column that is no field is
refused, named with the column it was renamed from only where that can be told."""

from __future__ import annotations

import pytest

from reviewkit.errors import UserError
from reviewkit.extract import READ_ONLY_COLUMNS
from reviewkit.sheet_header import check_header

FIELDS = ("country", "intervention", "population", "design", "effect")
EXPORTED = ["record_id", "study", "title"]


def _hint(header: list[str], fields: tuple[str, ...] = FIELDS) -> str:
    with pytest.raises(UserError) as exc:
        check_header(header, fields, READ_ONLY_COLUMNS, "sheet.csv:1")
    return exc.value.hint


def test_a_field_renamed_in_its_place_is_named() -> None:
    hint = _hint([*EXPORTED, "Country of study", *FIELDS[1:]])
    assert "was it the field 'country', renamed?" in hint
    assert "a column of your own, delete it" in hint  # the guess may be wrong: both said


def test_a_column_added_at_the_end_is_not_taken_for_a_field_the_sheet_lacks() -> None:
    """Exported before the protocol gained 'country' (its first field), then a 'notes' column
    added at the end: 'notes' is no renamed 'country' (the hint said to name it so, which would
    have imported the notes as countries)."""
    hint = _hint([*EXPORTED, *FIELDS[1:], "notes"])
    assert "renamed" not in hint
    assert hint.startswith("fields: country, intervention")


def test_an_export_column_spelt_another_way_is_named_as_that_column() -> None:
    """'Title' is the export's 'title' capitalised, not the one field the sheet lacks."""
    hint = _hint(["record_id", "study", "Title", *FIELDS[1:]])
    assert "was it the column 'title' the export wrote, renamed?" in hint
    assert "'country'" not in hint.split(";")[0]


def test_a_whole_header_is_read() -> None:
    check_header([*EXPORTED, *FIELDS], FIELDS, READ_ONLY_COLUMNS, "sheet.csv:1")
    check_header([*EXPORTED, *FIELDS[1:]], FIELDS, READ_ONLY_COLUMNS, "sheet.csv:1")
