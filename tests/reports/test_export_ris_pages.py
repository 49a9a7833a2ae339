"""Pages in our RIS export (SP / EP), as reference managers and our own reader read them: a
range split at its one hyphen; a supplement's pages under its Roman numeral (MEDLINE's
'II-221-5', Circulation) written whole in SP, not cut at the numeral into 'SP II' / 'EP 221-5'."""

from __future__ import annotations

import io

from reviewkit.formats import ris
from reviewkit.records import Record


def _exported(pages: str) -> tuple[list[str], str]:
    rec = Record(
        title="A trial",
        authors=["Smith, J."],
        year=2001,
        journal="Circulation",
        volume="104",
        pages=pages,
        doi="10.1/x",
    )
    out = io.StringIO()
    ris.write([rec], out)
    text = out.getvalue()
    lines = [ln for ln in text.splitlines() if ln[:2] in ("SP", "EP")]
    return lines, next(ris.read(text, "out.ris")).pages


def test_a_range_is_split_at_its_hyphen():
    assert _exported("221-225") == (["SP  - 221", "EP  - 225"], "221-225")
    assert _exported("S14-S17") == (["SP  - S14", "EP  - S17"], "S14-S17")


def test_a_roman_numeral_supplement_range_is_written_whole():
    for pages in ("II-221-5", "II-221-II-225"):
        assert _exported(pages) == ([f"SP  - {pages}"], pages)


def test_medline_pages_with_a_labelled_piece_are_written_whole():
    # '1327-8; author reply 1328' split at its one hyphen had written EP '8; author reply
    # 1328', no last page to any reader (issue 14, dedup39)
    lines, back = _exported("1327-8; author reply 1328")
    assert len(lines) == 1 and lines[0].startswith("SP  - 1327-8;")
    assert back == Record(title="x", pages="1327-8; author reply 1328").pages
