"""BibTeX's crossref: a paper takes the year, venue and publisher its volume's entry gives, never
the volume's identifiers; a crossref naming no entry is refused (the year would be lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError

VOLUMES = """\
@inproceedings{Smith2020,
  author   = {Smith, John and Hansen, Kari},
  title    = {Return to work after sick leave},
  pages    = {1--10},
  doi      = {10.1000/paper.1},
  crossref = {dblp:conf/rtw/2020}
}

@Proceedings{DBLP:conf/rtw/2020,
  editor    = {Berg, Tor},
  title     = {Proceedings of the Return to Work Conference},
  booktitle = {RTW 2020},
  year      = {2020},
  publisher = {ACM},
  address   = {Oslo},
  doi       = {10.1000/volume},
  isbn      = {978-1-4503-0000-0}
}

@incollection{Olsen2019,
  author   = {Olsen, Anne},
  title    = {Coordinated services},
  crossref = {Handbook}
}

@book{Handbook,
  title     = {Handbook of Work and Health},
  year      = {2019},
  publisher = {Springer},
  doi       = {10.1000/book}
}
"""


def _read(tmp_path: Path, text: str) -> dict[str, object]:
    path = tmp_path / "refs.bib"
    path.write_text(text, encoding="utf-8")
    return {r.title: r for r in formats.read_file(path)}


def test_a_paper_takes_its_volumes_year_venue_and_publisher(tmp_path: Path) -> None:
    records = _read(tmp_path, VOLUMES)
    paper = records["Return to work after sick leave"]
    assert (paper.year, paper.journal, paper.publisher, paper.place) == (
        2020,
        "RTW 2020",
        "ACM",
        "Oslo",
    )
    assert paper.doi == "10.1000/paper.1"  # its own identifier, not the volume's
    chapter = records["Coordinated services"]  # the parent after the child, no booktitle
    assert (chapter.year, chapter.journal, chapter.publisher) == (
        2019,
        "Handbook of Work and Health",
        "Springer",
    )
    assert chapter.doi == ""  # the book's identifiers stay the book's


def test_a_volume_lending_its_fields_is_no_record(tmp_path: Path) -> None:
    # DBLP's export adds the proceedings for the papers chosen: screening it would count a
    # record no one asked for; an entry that names itself is no volume
    assert sorted(_read(tmp_path, VOLUMES)) == [
        "Coordinated services",
        "Return to work after sick leave",
    ]
    own = _read(tmp_path, VOLUMES.replace("crossref = {Handbook}", "crossref = {Olsen2019}"))
    assert "Coordinated services" in own and "Handbook of Work and Health" in own


def test_a_crossref_to_no_entry_is_refused_at_its_line(tmp_path: Path) -> None:
    text = VOLUMES.replace("crossref = {Handbook}", "crossref = {Handbok}")
    with pytest.raises(FormatError) as caught:
        _read(tmp_path, text)
    assert (
        caught.value.where
        == f"{tmp_path / 'refs.bib'}:{text[: text.index('Handbok')].count(chr(10)) + 1}"
    )
    assert "'Handbok'" in caught.value.message and caught.value.hint
