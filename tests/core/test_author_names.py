"""Authors' surnames by the kind of name, and names and DOIs in exports as reference managers
read them (BibTeX through bibtexparser v2's name splitting, RIS through rispy)."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

from reviewkit import screening
from reviewkit.author_names import is_initials, split_name, surname
from reviewkit.cli import main
from reviewkit.name_forms import bibtex_name_parts, ris_name
from reviewkit.names_in_capitals import is_given_initials
from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.screening.lookup import find_record, read_record


@pytest.mark.parametrize(
    ("name", "family", "given"),
    [
        # surname, then initials (Embase, MEDLINE): everything before the trailing initials
        ("de Boer A.G.", "de Boer", "A.G."),
        ("van der Klink JJ", "van der Klink", "JJ"),
        ("Le Grand C", "Le Grand", "C"),
        ("Ruiz de la Torre AM", "Ruiz de la Torre", "AM"),
        ("Verbeek J. H.", "Verbeek", "J. H."),
        ("Müller-Ladner U", "Müller-Ladner", "U"),
        ("DE BOER AG", "DE BOER", "AG"),  # an upper-case surname is not initials
        ("de Groot LCPGM", "de Groot", "LCPGM"),  # Dutch authors' many initials
        ("Vladimirov IuA", "Vladimirov", "IuA"),  # NLM's romanised Cyrillic initials
        ("Smith J Jr", "Smith", "J"),
        ("Kennedy JF 3rd", "Kennedy", "JF"),  # MEDLINE's ordinal suffix
        ("Lee JH III", "Lee", "JH"),  # a Roman numeral after the initials
        ("Ivanov II", "Ivanov", "II"),  # initials (Ivan Ivanovich), not a suffix
        # a romanised two-letter initial spaced from the next (Embase's 'Iu B.' for 'IuB')
        ("Lishmanov Iu B.", "Lishmanov", "Iu B."),
        ("Kremastinos Th D.", "Kremastinos", "Th D."),
        # with a comma: everything before it
        ("de Boer, A.G.", "de Boer", "A.G."),
        ("Ruiz de la Torre, Ana María", "Ruiz de la Torre", "Ana María"),
        # initials first: everything after them
        ("A.G. de Boer", "de Boer", "A.G."),
        ("J.-P. Sartre", "Sartre", "J.-P."),
        # no initials: a group author stays whole, an acronym is no initials
        ("WHO Collaborating Centre", "WHO Collaborating Centre", ""),
        ("NICE Guideline Development Group", "NICE Guideline Development Group", ""),
        ("Smith", "Smith", ""),
        # a group names itself so, whatever acronym or comma it holds; a person named so not
        ("PROMISE GROUP", "PROMISE GROUP", ""),
        (
            "EORTC Quality of Life, Gastro-intestinal Groups",
            "EORTC Quality of Life, Gastro-intestinal Groups",
            "",
        ),
        ("Center EM", "Center", "EM"),
        # a group whose name holds a word with a capital inside is not names run together
        ("The EuroQol Group", "The EuroQol Group", ""),
        ("GlaxoSmithKline Study Group", "GlaxoSmithKline Study Group", ""),
        # a list whose separators were lost: the first name's surname
        ("Gomez L.Paillard M.Price M.", "Gomez", "L."),
        ("van Bilsen M.van der Vusse G. J.", "van Bilsen", "M."),
        ("Munck HolgerJorgensen Anders W.", "Munck", ""),
        ("VanderWeele TJ", "VanderWeele", "TJ"),  # a capital inside a surname is its own
        # particles: after the initials (a Dutch index's order), or initials without stops
        # before them (a byline); a surname ending in a capitalised word spelt as one stays
        ("Berg J van der", "van der Berg", "J"),
        ("Berg JH van den", "van den Berg", "JH"),
        ("J van der Berg", "van der Berg", "J"),
        ("A De Vries", "De Vries", "A"),
        ("Tran Van Le", "Tran Van Le", ""),
        ("Nguyen Van A", "Nguyen Van", "A"),
    ],
)
def test_split_name_finds_the_surname_by_where_the_initials_are(
    name: str, family: str, given: str
) -> None:
    assert split_name(name)[:2] == (family, given)
    assert surname(name) == family


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        # a suffix after the particles: the particles go to the surname, the suffix apart
        ("van der Berg J Jr", ("van der Berg", "J", "Jr")),
        ("Berg J van der Jr", ("van der Berg", "J", "Jr")),
        ("Berg JA van der 3rd", ("van der Berg", "JA", "3rd")),
        ("Smith JA 3rd", ("Smith", "JA", "3rd")),
        # after a comma: RIS's 'Surname, Given, Suffix', or the suffix after the given names
        ("Berg, J. van der, Jr", ("Berg", "J. van der", "Jr")),
        ("Smith, J.A., 3rd", ("Smith", "J.A.", "3rd")),
        ("Smith, J.A. Jr.", ("Smith", "J.A.", "Jr.")),
        ("Kennedy, John F., III", ("Kennedy", "John F.", "III")),
        # BibTeX's 'Last, Jr, First', as the BibTeX export writes a suffix
        ("Smith, Jr, J. A.", ("Smith", "J. A.", "Jr")),
        ("Kennedy, III, John F.", ("Kennedy", "John F.", "III")),
        ("Ivanov, II", ("Ivanov", "II", "")),  # initials alone, no suffix
    ],
)
def test_a_suffix_is_kept_apart_from_the_particles_and_the_initials(
    name: str, parts: tuple[str, str, str]
) -> None:
    assert split_name(name) == parts


def test_initials_are_read_by_one_rule_up_to_six() -> None:
    assert is_initials("LCPGM") and is_initials("IuA") and is_initials("J.-P.")
    assert not is_initials("ALHMWXY")  # seven capitals: a word, not initials
    assert not is_initials("Li") and not is_initials("de")
    # where a list writes given names in capitals, a word that reads as one is a given name
    assert not is_given_initials("SCOTT", given_names=True)
    assert is_given_initials("SCOTT") and is_given_initials("QM", given_names=True)
    assert split_name("de Groot LCPGM") == ("de Groot", "LCPGM", "")


def test_writers_keep_names_they_cannot_split_as_written() -> None:
    """A group, or names run together, is written as it came: nothing of it is dropped."""
    for name in ("WHO Collaborating Centre", "Gomez L.Paillard M.", "Munck HolgerJorgensen A."):
        assert ris_name(name) == name
    assert ris_name("Vladimirov IuA") == "Vladimirov, Iu.A."
    assert ris_name("Kennedy JF 3rd") == "Kennedy, J.F., 3rd"  # no initials made of '3rd'
    assert ris_name("Lee JH III") == "Lee, J.H., III"


def test_citation_keeps_the_particles_of_both_authors() -> None:
    one = Record(title="x", authors=["de Boer A.G.", "a", "b"], year=2015)
    two = Record(title="x", authors=["van der Klink JJ", "A.G. de Boer"], year=2016)
    group = Record(title="x", authors=["WHO Collaborating Centre"], year=2017)
    assert one.citation() == "de Boer et al. (2015)"
    assert two.citation() == "van der Klink and de Boer (2016)"
    assert group.citation() == "WHO Collaborating Centre (2017)"


EMBASE_RIS = """TY  - JOUR
T1  - Interventions to enhance return-to-work for cancer patients
AU  - de Boer A.G.
AU  - Taskila T.K.
AU  - Verbeek J.H.
AU  - WHO Collaborating Centre
PY  - 2015
JF  - Cochrane Database of Systematic Reviews
DO  - 10.1002/14651858.CD007569.pub3
ER  -

TY  - JOUR
T1  - Interventions to improve return to work in depressed people
AU  - Nieuwenhuijsen K.
AU  - Verbeek J.H.
PY  - 2020
DO  - https://doi.org/10.1002/14651858.CD006237.pub4
ER  -
"""


@pytest.fixture
def exported(project_a: Project, tmp_path: Path) -> Path:
    """Review A's project with the Embase file imported and both records included."""
    source = tmp_path / "embase.ris"
    source.write_text(EMBASE_RIS, encoding="utf-8")
    folder = str(project_a.folder)
    assert main(["import", str(source), "--project", folder]) == 0
    for record_id in (1, 2):
        for stage in ("title-abstract", "full-text"):
            for reviewer in ("reviewer1", "reviewer2"):
                screening.decide(project_a.db, record_id, stage, reviewer, "include")
    for fmt, name in (("bibtex", "included.bib"), ("ris", "included.ris")):
        out = str(tmp_path / name)
        assert (
            main(["export", "--included", "--format", fmt, "--out", out, "--project", folder]) == 0
        )
    return tmp_path


def test_bibtex_export_writes_last_comma_first_that_bibtex_splits_right(exported: Path) -> None:
    library = bibtexparser.parse_string(
        (exported / "included.bib").read_text(encoding="utf-8"),
        append_middleware=[SeparateCoAuthors(), SplitNameParts()],
    )
    entries = {e["year"]: e for e in library.entries}
    names = [(" ".join(n.von + n.last), " ".join(n.first)) for n in entries["2015"]["author"]]
    assert names == [
        ("de Boer", "A. G."),
        ("Taskila", "T. K."),
        ("Verbeek", "J. H."),
        ("{WHO Collaborating Centre}", ""),  # braced: one name, as BibTeX reads a group
    ]
    names = [(" ".join(n.von + n.last), " ".join(n.first)) for n in entries["2020"]["author"]]
    assert names == [("Nieuwenhuijsen", "K."), ("Verbeek", "J. H.")]
    assert entries["2015"].key == "deboer2015interventions"  # the surname, not 'de'
    # the DOI as the source wrote it; the resolver prefix dropped
    assert entries["2015"]["doi"] == "10.1002/14651858.CD007569.pub3"
    assert entries["2020"]["doi"] == "10.1002/14651858.CD006237.pub4"


def test_ris_export_writes_surname_comma_initials_and_the_doi_as_written(exported: Path) -> None:
    refs = rispy.loads((exported / "included.ris").read_text(encoding="utf-8"))
    by_year = {r["year"]: r for r in refs}
    assert by_year["2015"]["authors"] == [
        "de Boer, A.G.",
        "Taskila, T.K.",
        "Verbeek, J.H.",
        "WHO Collaborating Centre",
    ]
    assert by_year["2020"]["authors"] == ["Nieuwenhuijsen, K.", "Verbeek, J.H."]
    assert by_year["2015"]["doi"] == "10.1002/14651858.CD007569.pub3"


def test_a_doi_is_found_in_any_case_and_kept_as_written(project_a: Project, tmp_path: Path) -> None:
    """DOIs are case-insensitive (DOI Handbook): the store matches the folded form, the
    record keeps the source's spelling."""
    source = tmp_path / "embase.ris"
    source.write_text(EMBASE_RIS, encoding="utf-8")
    assert main(["import", str(source), "--project", str(project_a.folder)]) == 0
    for ref in ("doi:10.1002/14651858.cd007569.pub3", "10.1002/14651858.CD007569.PUB3"):
        assert find_record(project_a.db, ref) == 1
    assert read_record(project_a.db, 1).doi == "10.1002/14651858.CD007569.pub3"


def test_a_search_rerun_sees_no_change_in_a_doi_only_recased() -> None:
    """Stored runs fingerprinted the lower-cased DOI; PubMed's own spelling of it (kept now)
    is no metadata change, so a rerun does not store every record with a capital in its DOI
    again."""
    from reviewkit.searches import fingerprint

    upper = Record(title="Return to work", pmid="1", doi="10.1056/NEJMoa1715274")
    lower = Record(title="Return to work", pmid="1", doi="10.1056/nejmoa1715274")
    assert fingerprint(upper) == fingerprint(lower)


def test_bibtex_export_keeps_a_group_with_a_comma_one_author(tmp_path: Path) -> None:
    """A group's name holding a comma (PubMed's collective names) is braced like any group's:
    bare, BibTeX splits it at its comma into last and first name, and at its 'and' into two
    authors."""
    from reviewkit import formats

    group = "Society of Thoracic Surgeons and the American College, Writing Committee"
    comma_group = "EORTC Quality of Life, Gastro-intestinal Groups"
    out = tmp_path / "g.bib"
    with out.open("w", encoding="utf-8") as f:
        rec = Record(title="x", authors=[group, comma_group, "Smith, J."], year=2020)
        formats.write([rec], "bibtex", f)
    library = bibtexparser.parse_string(
        out.read_text(encoding="utf-8"), append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    names = [(" ".join(n.von + n.last), " ".join(n.first)) for n in library.entries[0]["author"]]
    assert names == [("{" + group + "}", ""), ("{" + comma_group + "}", ""), ("Smith", "J.")]


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        # given names in full as the record has them, not spelt out as initials
        ("Smith, John A.", ("Smith", "", "John A.")),
        ("Smith, Mary-Jane", ("Smith", "", "Mary-Jane")),
        ("Ruiz de la Torre, Ana María", ("Ruiz de la Torre", "", "Ana María")),
        ("GRAESSLEY, SCOTT", ("GRAESSLEY", "", "SCOTT")),  # five capitals: a name in full
        ("Kennedy, John F., III", ("Kennedy", "III", "John F.")),
        ("Smith, M.-J.", ("Smith", "", "M.-J.")),
        # initials after the surname: a full stop each and spaced; hyphenated ones joined
        ("Smith JA Jr", ("Smith", "Jr", "J. A.")),
        ("Sartre J-P", ("Sartre", "", "J.-P.")),
        ("Vladimirov IuA", ("Vladimirov", "", "Iu. A.")),
        ("WHO Collaborating Centre", None),
    ],
)
def test_bibtex_name_parts_keep_given_names_and_space_initials(
    name: str, parts: tuple[str, str, str] | None
) -> None:
    assert bibtex_name_parts(name) == parts


FULL_NAMES_RIS = """TY  - JOUR
T1  - Return to work after a heart attack
AU  - Smith, John A.
AU  - Kennedy, John F., III
AU  - Smith, Mary-Jane
AU  - Lee JA
PY  - 2019
ER  -
"""


def test_bibtex_export_writes_given_names_in_full_and_a_suffix_as_bibtex_reads_it(
    project_a: Project, tmp_path: Path
) -> None:
    """Through the CLI: given names as the record has them, RIS's 'Surname, Given, Suffix'
    rewritten to BibTeX's 'Last, Jr, First'; the RIS export keeps them as written."""
    source = tmp_path / "full.ris"
    source.write_text(FULL_NAMES_RIS, encoding="utf-8")
    folder = str(project_a.folder)
    assert main(["import", str(source), "--project", folder]) == 0
    for stage in ("title-abstract", "full-text"):
        for reviewer in ("reviewer1", "reviewer2"):
            screening.decide(project_a.db, 1, stage, reviewer, "include")
    bib, ris = tmp_path / "included.bib", tmp_path / "included.ris"
    for fmt, out in (("bibtex", bib), ("ris", ris)):
        args = ["export", "--format", fmt, "--out", str(out), "--project", folder]
        assert main(args) == 0
    library = bibtexparser.parse_string(
        bib.read_text(encoding="utf-8"), append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    names = [
        (" ".join(n.last), " ".join(n.jr), " ".join(n.first)) for n in library.entries[0]["author"]
    ]
    assert names == [
        ("Smith", "", "John A."),
        ("Kennedy", "III", "John F."),
        ("Smith", "", "Mary-Jane"),
        ("Lee", "", "J. A."),
    ]
    assert rispy.loads(ris.read_text(encoding="utf-8"))[0]["authors"] == [
        "Smith, John A.",
        "Kennedy, John F., III",
        "Smith, Mary-Jane",
        "Lee, J.A.",
    ]


def test_a_bibtex_export_read_back_keeps_the_suffix_apart(tmp_path: Path) -> None:
    """A name with a suffix, written in BibTeX's 'Last, Jr, First' and imported again, reads
    as the same person: its reference label is 'Smith JA Jr', not 'Smith JJA'."""
    from reviewkit import formats
    from reviewkit.reports.tables import reference

    out = tmp_path / "suffix.bib"
    with out.open("w", encoding="utf-8") as f:
        formats.write([Record(title="x", authors=["Smith JA Jr"], year=2020)], "bibtex", f)
    (back,) = formats.read_file(out)
    assert back.authors == ["Smith, Jr, J. A."]
    assert split_name(back.authors[0]) == ("Smith", "J. A.", "Jr")
    assert reference(back).startswith("Smith JA Jr.")


def test_labels_put_particles_after_the_given_names_back_before_the_surname() -> None:
    """'Berg, J. van der' (an index sorted on the surname's body) is cited as NLM writes the
    name, 'van der Berg J'; given names that hold a particle inside stay as they are."""
    from reviewkit.reports.tables import reference

    rec = Record(title="Sick leave", authors=["Berg, J. van der", "Santos, Maria dos"], year=2015)
    assert rec.citation() == "van der Berg and dos Santos (2015)"
    assert reference(rec).startswith("van der Berg J, dos Santos M.")
    assert bibtex_name_parts("Berg, J. van der") == ("van der Berg", "", "J.")
    barroso = Record(title="x", authors=["Barroso, Bárbara Iansã de Lima"], year=2015)
    assert reference(barroso).startswith("Barroso BIL.")
    # dedup's reading keeps the name as the record has it
    assert split_name("Berg, J. van der") == ("Berg", "J. van der", "")


def test_ris_and_medline_write_a_bibtex_suffix_after_the_given_names() -> None:
    """A name read from BibTeX ('Smith, Jr, J. A.') is written in RIS's 'Surname, Given,
    Suffix' and MEDLINE's 'Surname, Given Suffix': as it stands RIS reads 'Jr' as the given
    name. Names with a comma and no suffix are kept as written."""
    from reviewkit.name_forms import medline_full_name

    assert ris_name("Smith, Jr, J. A.") == "Smith, J. A., Jr"
    assert medline_full_name("Smith, Jr, J. A.") == "Smith, J. A. Jr"
    assert ris_name("Kennedy, John F., III") == "Kennedy, John F., III"
    for name in ("Smith, John A.", "Berg, J. van der", "Ivanov, II", "Ruiz, de la Torre, Ana"):
        assert ris_name(name) == name and medline_full_name(name) == name


def test_a_given_name_in_capitals_and_a_lower_case_suffix_are_read_so() -> None:
    """'SMITH, JOHN' is a given name written in capitals (its initial 'J'), as 'SCOTT' is, in a
    name written in capitals throughout; three capitals stay initials ('JAM': the letters
    cannot tell); 'jr' in lower case is a suffix, not part of the surname."""
    from reviewkit.reports.tables import reference

    assert reference(Record(title="x", authors=["SMITH, JOHN"], year=2020)).startswith("SMITH J.")
    assert reference(Record(title="x", authors=["GRAESSLEY, SCOTT"], year=2020)).startswith(
        "GRAESSLEY S."
    )
    assert reference(Record(title="x", authors=["SMITH, JAM"], year=2020)).startswith("SMITH JAM.")
    # without a comma the given part is the initials split_name found the surname by
    assert reference(Record(title="x", authors=["Smith MAHA"], year=2020)).startswith("Smith MAHA.")
    assert split_name("Smith J jr") == ("Smith", "J", "jr")
    assert split_name("Smith, J., jr") == ("Smith", "J.", "jr")
    assert split_name("SMITH, JOHN, JR") == ("SMITH", "JOHN", "JR")
    assert split_name("Smith JR") == ("Smith", "JR", "")  # initials J R, no suffix
    assert bibtex_name_parts("SMITH, JOHN") == ("SMITH", "", "JOHN")


def test_capitals_after_a_surname_in_mixed_case_are_initials() -> None:
    """Web of Science's AU field writes initials in capitals after a comma ('Smith, JA'): four of
    them that read as a word ('MAHA', 'JAMB') are still four initials, in references, dedup's
    first-author key (the same person as MEDLINE's 'Smith MAHA') and BibTeX. RIS's third part
    is a suffix in any case (its spec: 'Lastname, Firstname, Suffix')."""
    from reviewkit.dedup.names import first_person_key
    from reviewkit.reports.tables import reference

    for name, initials in (("Smith, MAHA", "MAHA"), ("Smith, JAMB", "JAMB")):
        rec = Record(title="x", authors=[name], year=2020)
        assert reference(rec).startswith(f"Smith {initials}."), name
        assert first_person_key([name]) == first_person_key([f"Smith {initials}"]), name
        assert bibtex_name_parts(name) == ("Smith", "", " ".join(c + "." for c in initials))
    assert split_name("Smith, John, JR") == ("Smith", "John", "JR")
    assert split_name("Smith, J.A., Jr").suffix == "Jr"


def test_initials_written_together_after_a_comma_are_two_bibtex_tokens() -> None:
    """BibTeX splits given names into tokens at blanks and hyphens and abbreviates each: 'Smith,
    J.A.' as written is one first name 'J.A.', cited 'J.'; written 'J. A.' it is two."""
    text = "@article{a, author = {%s}, title = {x}, year = {2020}}"
    for name in ("Smith, J.A.", "Smith,J.A.", "Smith, JA"):
        (surname_, suffix, given) = bibtex_name_parts(name)
        library = bibtexparser.parse_string(
            text % f"{surname_}, {given}", append_middleware=[SeparateCoAuthors(), SplitNameParts()]
        )
        (parsed,) = library.entries[0]["author"]
        assert (parsed.last, parsed.first) == (["Smith"], ["J.", "A."]), name


@pytest.mark.parametrize(
    "fmt, suffix", [("ris", "ris"), ("bibtex", "bib"), ("medline", "nbib"), ("csv", "csv")]
)
def test_every_export_read_back_splits_the_names_alike(
    fmt: str, suffix: str, tmp_path: Path
) -> None:
    """Each writer's names, imported again, are the same people: surname, initials, suffix."""
    from reviewkit import formats
    from reviewkit.reports.tables import reference

    names = ["Smith, J.A.", "Brown, JOHN", "Lee J jr", "de Boer AG", "Berg, J. van der"]
    rec = Record(title="Return to work", authors=names, year=2020, journal="J Occup Rehabil")
    out = tmp_path / f"names.{suffix}"
    with out.open("w", encoding="utf-8", newline="") as f:
        formats.write([rec], fmt, f)
    (back,) = formats.read_file(out)
    assert reference(back).split(".")[0] == reference(rec).split(".")[0], fmt
    assert [split_name(a).suffix for a in back.authors] == ["", "", "jr", "", ""], fmt
