"""A BibTeX file with a broken entry and damage in other entries: the entries of a chunk
(2 MB, about 1,300 entries: formats.bibtex_split) that held a broken block were not read at
all, so their problems (a PMID that is no number, a crossref to no entry) were learnt an
import later, and whether they were named at once hung on where the chunks fell. They are
named in one run now; only what the damage itself makes (a line of a value taken for an
entry) is left unread."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import import_refused

from reviewkit.formats import bibtex_split

BROKEN = "@article{b1,\n  title = {Broken {one},\n  author = {Berg, Tor},\n  year = {2020}\n}\n\n"
BAD_PMID = "@article{b2,\n  title = {Good},\n  author = {Berg, Tor},\n  pmid = {abc},\n}\n\n"
NO_VOLUME = "@article{b3,\n  title = {Third},\n  crossref = {nowhere},\n  year = {2020}\n}\n"
# an abstract's wrapped line that starts '@WHO (' is taken by bibtexparser for a block start:
# the entry fails there, and the rest of the value is read as an entry keyed 'World Health ...'
HANDLE = (
    "@article{h1,\n  title = {Tweets},\n  abstract = {We followed\n"
    "@WHO (World Health Organization) on Twitter.},\n  year = {2020}\n}\n\n"
)


def _refused(tmp_path: Path, capsys, text: str) -> str:
    path = tmp_path / "export.bib"
    path.write_text(text, encoding="utf-8")
    return import_refused(tmp_path, capsys, path).replace(str(path), "FILE")


@pytest.mark.parametrize("chunk", [1 << 30, 1], ids=["one-chunk", "block-a-chunk"])
def test_a_broken_entry_and_other_entries_damage_are_named_together(
    tmp_path: Path, capsys, monkeypatch, chunk: int
) -> None:
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    text = BROKEN + BAD_PMID + NO_VOLUME
    err = _refused(tmp_path, capsys, text)
    lines = text.split("\n")
    assert "error: FILE:1: broken BibTeX entry: the value of field 'title'" in err, err
    assert f"also FILE:{lines.index('  pmid = {abc},') + 1}: PMID 'abc'" in err, err
    assert f"also FILE:{lines.index('  crossref = {nowhere},') + 1}: crossref 'nowhere'" in err
    assert "fix all 3 problems named" in err, err


@pytest.mark.parametrize("chunk", [1 << 30, 1], ids=["one-chunk", "block-a-chunk"])
def test_a_value_line_taken_for_an_entry_is_not_named_as_one(
    tmp_path: Path, capsys, monkeypatch, chunk: int
) -> None:
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    err = _refused(tmp_path, capsys, HANDLE + BAD_PMID)
    assert "error: FILE:1: broken BibTeX entry" in err, err
    assert "World Health" not in err, err
    assert "PMID 'abc'" in err, err


# a chunk's size past which the '@WHO (' line is the first block start, below four times it
@pytest.mark.parametrize("chunk", [1 << 30, 40], ids=["one-chunk", "cut-at-the-handle"])
def test_a_value_line_starting_with_an_at_handle_is_named_as_such(
    tmp_path: Path, capsys, monkeypatch, chunk: int
) -> None:
    """The abstract's braces are balanced: its line 4 '@WHO (World ...' is what bibtexparser
    took for a new entry (BibTeX reads '@' inside a value as text). It was named 'the value of
    field 'abstract' opens a '{' that is never closed', which sends the user looking for a
    brace that is not missing. A chunk never ends before such a line (it would part the
    entry from the rest of its value: named otherwise)."""
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    err = _refused(tmp_path, capsys, HANDLE)
    assert "error: FILE:1: broken BibTeX entry: line 4, in the value of field 'abstract'" in err
    assert "starts with '@WHO (', read as the start of a new entry" in err, err
    assert "join line 4 to the line above it" in err, err
    assert "never closed" not in err, err
    assert "outside any entry" not in err, err  # the rest of its value and fields: the same damage


@pytest.mark.parametrize("chunk", [1 << 30, 1], ids=["one-chunk", "block-a-chunk"])
def test_the_uses_of_a_broken_string_are_not_named_again(
    tmp_path: Path, capsys, monkeypatch, chunk: int
) -> None:
    """An @string whose braces are unbalanced fails to parse and is named; each entry using
    its name was named again, 'used but not defined', up to the limit of problems."""
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    uses = "".join(
        f"@article{{a{n},\n  title = {{Study {n}}},\n  journal = jor,\n  year = {{2020}}\n}}\n\n"
        for n in range(3)
    )
    err = _refused(tmp_path, capsys, "@string{jor = {Journal of {Occ Rehab}}\n\n" + uses + BAD_PMID)
    assert "error: FILE:1: broken BibTeX entry" in err, err
    assert "not defined" not in err, err
    assert "PMID 'abc'" in err and "fix all 2 problems named" in err, err


def test_a_file_whose_entries_open_otherwise_is_still_cut(tmp_path: Path, monkeypatch) -> None:
    """Entries whose key is not on their opening line ('@article{' then 'key,') offer no cut
    where exporters' entries do: past four chunks' size, any block start ends one, so such a
    file is never parsed whole."""
    from reviewkit import formats

    sizes: list[int] = []

    class Splitter(bibtex_split.Splitter):
        def __init__(self, text: str) -> None:
            sizes.append(len(text))
            super().__init__(text)

    monkeypatch.setattr(bibtex_split, "Splitter", Splitter)
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", 200)
    entry = "@article{\n  kN,\n  title = {Study N},\n  author = {Berg, Tor},\n  year = {2020}\n}\n"
    path = tmp_path / "keys.bib"
    path.write_text("\n".join(entry.replace("N", str(n)) for n in range(100)), "utf-8")
    assert len(list(formats.read_file(path))) == 100
    assert max(sizes) < path.stat().st_size / 5, sizes
