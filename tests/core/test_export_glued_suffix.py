"""RIS and BibTeX exports write what readers read of a suffix an export ran into a surname
whose initials it lost ('CarlezonJr', Ovid; issue 14, dedup39)."""

from __future__ import annotations

import io

import bibtexparser
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

from reviewkit.author_names import split_name
from reviewkit.formats import bibtex, ris
from reviewkit.records import Record

GLUED = Record(
    title="Kappa opioid receptors and depressive behaviour",
    authors=["CarlezonJr", "Nestler E.J."],
    year=2006,
    journal="Neuropsychopharmacology",
)


def _written(module) -> str:
    out = io.StringIO()
    module.write([GLUED], out)
    return out.getvalue()


def test_ris_writes_a_glued_suffix_apart():
    text = _written(ris)
    assert rispy.loads(text)[0]["authors"][0] == "Carlezon Jr."
    back = next(ris.read(text, "back.ris"))
    assert split_name(back.authors[0]) == split_name("CarlezonJr")


def test_bibtex_writes_a_glued_suffix_as_one_last_name():
    text = _written(bibtex)
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    first = library.entries[0]["author"][0]
    # BibTeX's own reading: one last name 'Carlezon Jr.', no first name made of the surname
    assert (" ".join(first.first), " ".join(first.last)) == ("", "{Carlezon Jr.}")
    back = next(bibtex.read(text, "back.bib"))
    assert split_name(back.authors[0]) == split_name("CarlezonJr")
