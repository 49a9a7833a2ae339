"""BibTeX is parsed a chunk of entries at a time (round 22, formats.bibtex_split), where the
whole file was one bibtexparser Library (over 1.5 GB for a 160 MB file). The records are
those of the whole read, '@' inside values, @comment and @preamble blocks notwithstanding;
damage in any chunk is named at its line as a whole read names it, and the import stays all
or nothing. The chunks are made small here so that a small file has many."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL, import_refused

from benchmarks.bench_import_text import export
from reviewkit import formats
from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.formats import bibtex_split
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

# between entries and inside values: what a cut at a line's '@' must not split wrongly
EXTRAS = (
    "@comment{exported by Zotero, with {braces} and an @ sign}\n\n"
    '@preamble{"\\newcommand{\\noop}[1]{}"}\n\n'
    "Text between entries, which BibTeX skips: mail me @ home.\n\n"
    "@misc{handles,\n  title = {Replies to\n  @someone on a line of its own},\n"
    '  note = "quoted, with\n @ an at sign",\n  doi = {10.1000/handles}\n}\n\n'
)


def _file(tmp_path: Path, entries: int = 40, damage: str = "", at: int = 0) -> tuple[Path, int]:
    """A generated BibTeX file with EXTRAS in its middle, and ``damage`` put as the
    ``at``-th entry's text from its end; the line where the damaged entry starts."""
    parts = export("bibtex", entries).decode().split("\n\n")
    parts = [p + "\n\n" for p in parts if p.strip()]
    parts.insert(entries // 2, EXTRAS)
    if damage:
        parts[at] = damage
    path = tmp_path / "export.bib"
    path.write_text("".join(parts), encoding="utf-8")
    return path, "".join(parts[:at]).count("\n") + 1


def _read(path: Path, chunk: int, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    return [dataclasses.asdict(r) for r in formats.read_file(path)]


def test_the_records_are_those_of_the_whole_read(tmp_path: Path, monkeypatch) -> None:
    path, _ = _file(tmp_path)
    whole = _read(path, 1 << 30, monkeypatch)
    assert len(whole) == 41 and any("@someone" in r["title"] for r in whole)
    for chunk in (1, 700, 5000):  # a chunk per entry, a few entries, half the file
        assert _read(path, chunk, monkeypatch) == whole


BROKEN = {
    "unclosed-brace": "@article{open,\n  title = {Never closed,\n  year = {2020}\n\n",
    "missing-comma": "@article{nocomma,\n  title = {A title}\n  year = {2020}\n}\n\n",
    "stray-at": "@inproce\n\n",
    "field-outside": "@article{early,\n  title = {T}},\n  year = {2020}\n}\n\n",
}


@pytest.mark.parametrize("damage", BROKEN.values(), ids=BROKEN)
@pytest.mark.parametrize("at", [3, 30])  # in the first chunks, in the last
@pytest.mark.parametrize("chunk", [1, 700], ids=["block-a-chunk", "entries-a-chunk"])
def test_damage_in_any_chunk_is_named_as_the_whole_read_names_it(
    tmp_path: Path, monkeypatch, capsys, damage: str, at: int, chunk: int
) -> None:
    path, _ = _file(tmp_path, damage=damage, at=at)
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", 1 << 30)
    with pytest.raises(FormatError) as whole:
        list(formats.read_file(path))
    assert whole.value.where.startswith(f"{path}:")
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"error: {whole.value.where}: {whole.value.args[0]}" in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0  # the chunks before it: none stored


def test_a_key_used_again_in_a_later_chunk_is_refused(tmp_path: Path, monkeypatch) -> None:
    again = "@article{study2,\n  title = {Another study},\n  year = {2020}\n}\n\n"
    path, line = _file(tmp_path, damage=again, at=30)
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", 700)
    with pytest.raises(FormatError, match="Duplicate entry key 'study2'") as refused:
        list(formats.read_file(path))
    assert refused.value.where == f"{path}:{line}"


@pytest.mark.parametrize("chunk", [1 << 30, 700], ids=["whole", "entries-a-chunk"])
def test_every_damage_of_the_file_is_named_in_one_run(
    tmp_path: Path, monkeypatch, capsys, chunk: int
) -> None:
    """Three kinds of damage far apart (an entry never closed, a missing comma, an entry cut
    after its '@type'): all are named, each by its line, and nothing is stored; the run
    before named only the first, so it took three fixes and four imports."""
    parts = export("bibtex", 40).decode().split("\n\n")
    damage = {3: BROKEN["unclosed-brace"], 20: BROKEN["missing-comma"], 36: BROKEN["stray-at"]}
    lines = {}
    for at, text in damage.items():
        lines[at] = "\n\n".join(parts[:at]).count("\n") + 3
        parts[at] = text.rstrip("\n")
    path = tmp_path / "export.bib"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"error: {path}:{lines[3]}: broken BibTeX entry" in err, err
    assert f"also {path}:{lines[20] + 2}: no comma between field 'title'" in err, err
    assert f"also {path}:{lines[36]}: '@inproce' starts an entry" in err, err
    assert "fix all 3 problems named" in err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0


def test_the_problems_named_stop_at_the_limit(tmp_path: Path) -> None:
    from reviewkit.formats.read_problems import MAX_PROBLEMS

    entry = "@article{kN,\n  title = {T}\n  year = {2020}\n}\n\n"  # no comma after title
    path = tmp_path / "commas.bib"
    path.write_text("".join(entry.replace("N", str(n)) for n in range(MAX_PROBLEMS + 5)), "utf-8")
    with pytest.raises(FormatError) as refused:
        list(formats.read_file(path))
    said = str(refused.value)
    assert said.count("no comma between") == MAX_PROBLEMS
    assert f"only the first {MAX_PROBLEMS} problems are named" in said


@pytest.mark.parametrize(
    "entry",
    [
        "@article{kN,\n  title = {T}\n  year = {2020}\n}\n\n",  # no comma: the chunk's damage
        "@article{kN,\n  title = {T},\n  journal = jor,\n  year = {2020}\n}\n\n",  # a value's
    ],
    ids=["damaged-entries", "value-problems"],
)
def test_a_stop_at_the_limit_before_the_end_says_there_may_be_more(
    tmp_path: Path, monkeypatch, capsys, entry: str
) -> None:
    """The limit reached at a chunk's end, or at an entry's value with entries left to check:
    the chunks or entries below were never read, and the message said nothing of them, as if
    the 20 named were all. Exactly 20 in the whole file: nothing more is said."""
    from reviewkit.formats.read_problems import MAX_PROBLEMS

    entries = [entry.replace("N", str(n)) for n in range(MAX_PROBLEMS + 5)]
    path = tmp_path / "export.bib"
    path.write_text("".join(entries), "utf-8")
    # the first chunk ends after the 20th entry (a chunk runs to the next entry after its size)
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", len("".join(entries[:MAX_PROBLEMS])) - 10)
    err = import_refused(tmp_path / "more", capsys, path)
    assert f"and maybe more: only the first {MAX_PROBLEMS} problems are named" in err, err
    path.write_text("".join(entries[:MAX_PROBLEMS]), "utf-8")
    err = import_refused(tmp_path / "exactly", capsys, path)
    assert "more" not in err.split("\n  hint")[0], err


# JabRef ends every file with '@Comment{jabref-meta: …}', and a .bib may end with @preamble:
# a chunk may then hold no entry, and a RIS export joined after it was dropped silently there
# (the joined check ran only in a chunk with entries of its own), where the whole read refused it
TAILS = {
    "jabref-comment": "@Comment{jabref-meta: databaseType:bibtex;}\n\n",
    "preamble": '@preamble{"\\newcommand{\\noop}[1]{}"}\n\n',
}
JOINED_RIS = "TY  - JOUR\nTI  - A RIS record appended\nPY  - 2020\nER  - \n"


@pytest.mark.parametrize("tail", TAILS.values(), ids=TAILS)
@pytest.mark.parametrize("chunk", [1 << 30, 1], ids=["whole", "block-a-chunk"])
def test_an_export_joined_after_a_chunk_without_entries_is_refused(
    tmp_path: Path, monkeypatch, capsys, tail: str, chunk: int
) -> None:
    text = export("bibtex", 6).decode() + tail
    path = tmp_path / "joined.bib"
    path.write_text(text + JOINED_RIS, encoding="utf-8")
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    line = text.count("\n") + 1
    assert f"error: {path}:{line}: a RIS record starts on this line of a BibTeX file" in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0


@pytest.mark.parametrize("chunk", [1 << 30, 1], ids=["whole", "block-a-chunk"])
def test_a_repeated_key_is_named_with_its_first_line_in_one_chunk_or_two(
    tmp_path: Path, monkeypatch, chunk: int
) -> None:
    """A key used twice gets one message and hint whether bibtexparser found it in one chunk
    (a file under 8 MB: before, 'check the braces and quotes', which are not wrong) or the
    chunks' check did."""
    again = "@article{study2,\n  title = {Another study},\n  year = {2020}\n}\n\n"
    path, line = _file(tmp_path, damage=again, at=30)
    first = path.read_text(encoding="utf-8").split("\n").index("@article{study2,") + 1
    monkeypatch.setattr(bibtex_split, "CHUNK_CHARS", chunk)
    with pytest.raises(FormatError) as refused:
        list(formats.read_file(path))
    assert refused.value.where == f"{path}:{line}"
    assert f"Duplicate entry key 'study2' (the entry at line {first} has it too)" in str(
        refused.value
    )
    assert refused.value.hint == "give one of the two entries another key, or delete the copy"
