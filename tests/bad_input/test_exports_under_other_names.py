"""Exports that arrive under another format's name or encoding, as reference managers and
Excel write them, are read by their content (round 23 looked for the kinds of damage their
exporters make; these two are read right, and are kept so): an EndNote XML export saved with
a .ris name, and a sheet saved by Excel as 'Unicode text' (UTF-16 with its byte-order mark,
tab-separated, CRLF) under a .csv or .txt name."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats

ENDNOTE = (
    '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record>'
    '<database name="My.enl" path="C:\\My.enl">My.enl</database>'
    '<ref-type name="Journal Article">17</ref-type><contributors><authors><author>'
    '<style face="normal" font="default" size="100%">Berg, T.</style></author></authors>'
    "</contributors><titles><title>"
    '<style face="normal" font="default" size="100%">Return to work</style></title></titles>'
    '<dates><year><style face="normal" font="default" size="100%">2020</style></year></dates>'
    "</record></records></xml>"
)
UNICODE_TEXT = "Title\tAuthors\tYear\tDOI\r\nReturn to work\tBerg T\t2020\t10.1000/x\r\n"


def test_endnote_xml_saved_as_ris_is_read_as_endnote_xml(tmp_path: Path) -> None:
    path = tmp_path / "library.ris"
    path.write_text(ENDNOTE, encoding="utf-8")
    (record,) = formats.read_file(path)
    assert (record.title, record.year, record.authors) == ("Return to work", 2020, ["Berg, T."])


@pytest.mark.parametrize("suffix", ["csv", "txt"])
def test_excel_unicode_text_is_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"sheet.{suffix}"
    path.write_bytes("\ufeff".encode("utf-16-le") + UNICODE_TEXT.encode("utf-16-le"))
    (record,) = formats.read_file(path)
    assert (record.title, record.year, record.doi) == ("Return to work", 2020, "10.1000/x")
