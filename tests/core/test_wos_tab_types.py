"""Web of Science's tab-delimited export ('Tab delimited file', its 'Fast 5000' too): its DT is
the document type ('Article', 'Letter'), its PT the source's one-letter kind code (J journal,
B book, S series, P patent), never a publication type, as the plain-text reader reads it."""

from __future__ import annotations

from pathlib import Path

HEADER = "PT\tAU\tTI\tSO\tPY\tDI\tUT"
ROW = "J\tLarsen, M\tCoordinated return to work\tJ OCCUP REHABIL\t2017\t10.1000/w1\tWOS:1"


def _read(tmp_path: Path, text: str, **kwargs) -> list:
    from reviewkit import formats

    path = tmp_path / "savedrecs.txt"
    path.write_text(text, encoding="utf-8")
    return list(formats.read_file(path, **kwargs))


def test_a_tab_delimited_file_without_dt_stores_no_publication_type(tmp_path: Path) -> None:
    from reviewkit.formats.kinds import record_kind

    book = ROW.replace("J\t", "B\t", 1).replace("w1", "w2")
    first, second = _read(tmp_path, f"{HEADER}\n{ROW}\n{book}\n")
    assert first.title == "Coordinated return to work"  # read as Web of Science's
    assert first.publication_types == [] and second.publication_types == []
    assert record_kind(first) == record_kind(second) == ""


def test_dt_is_the_publication_type_beside_pt(tmp_path: Path) -> None:
    (rec,) = _read(tmp_path, f"{HEADER}\tDT\n{ROW}\tLetter\n")
    assert rec.publication_types == ["Letter"]


def test_map_may_still_name_pt(tmp_path: Path) -> None:
    (rec,) = _read(tmp_path, f"{HEADER}\n{ROW}\n", mapping={"publication_types": "PT"})
    assert rec.publication_types == ["J"]


def test_a_pt_column_elsewhere_is_still_the_publication_type(tmp_path: Path) -> None:
    """Outside Web of Science's header (its tags, PT first) 'PT' is MEDLINE's tag."""
    (rec,) = _read(tmp_path, "Title,PT\nA trial of work,Randomized Controlled Trial\n")
    assert rec.publication_types == ["Randomized Controlled Trial"]
