"""What is exported of a merged study keeps what its copies knew: the kept (canonical)
record's empty fields are filled from the other records of its cluster, never overwriting a
field it has; the stored records stay as imported."""

from __future__ import annotations

import pytest
from conftest import add_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.records import Record
from reviewkit.store import records as record_rows

TA, FT = "title-abstract", "full-text"
TITLE = "Supported employment for people with severe mental illness: a randomised trial"


def copy(source: str, **kw) -> Record:
    base = dict(
        title=TITLE,
        authors=["Hansen, Kari", "Olsen, Per"],
        year=2021,
        journal="Psychiatric Services",
        doi="10.1176/appi.ps.2020001",
        source=source,
    )
    base.update(kw)
    return Record(**base)


def include(project, *ids: int) -> None:
    for rid in ids:
        for who in ("reviewer1", "reviewer2"):
            scr.decide(project.db, rid, TA, who, "include")
            scr.decide(project.db, rid, FT, who, "include")


def export(capsys, project, fmt: str = "ris") -> str:
    args = ["export", "--included", "--format", fmt, "--project", str(project.folder)]
    assert main(args) == 0
    return capsys.readouterr().out


@pytest.fixture
def merged(project_b):
    """The PubMed copy (kept: the lowest id) lacks volume, issue and pages; the Embase and
    Scopus copies give 69(2):439-453; a fourth copy garbled the place (another volume)."""
    ids = add_records(
        project_b,
        [
            copy("PubMed", pmid="34000123"),
            copy("Embase", volume="69", issue="2", pages="439-453", journal="Psychiatr Serv"),
            copy("Scopus", volume="69", issue="2", pages="439-453", language="eng"),
            copy("CINAHL", volume="96", issue="", pages="1-2"),
        ],
    )
    kept = ids[0]
    for other in ids[1:]:
        engine.decide_pair(project_b.db, kept, other, "duplicate", "lead")
    include(project_b, kept)
    return project_b, ids


def test_the_export_fills_the_kept_records_empty_fields_from_its_copies(merged, capsys):
    project, (kept, *_copies) = merged
    ris = export(capsys, project)
    assert "VL  - 69" in ris and "IS  - 2" in ris
    assert "SP  - 439" in ris and "EP  - 453" in ris  # two copies agree; the garbled one loses
    assert "VL  - 96" not in ris
    assert "T2  - Psychiatric Services" in ris  # the kept record's own journal is not replaced
    assert "LA  - eng" in ris  # a field only one copy has
    bib = export(capsys, project, "bibtex")
    assert "69" in bib and "439--453" in bib
    stored = record_rows.get_records(project.db, [kept])[kept]
    assert (stored.volume, stored.issue, stored.pages) == ("", "", "")  # stored as imported


def test_the_report_files_fill_them_too(merged, tmp_path):
    project, _ = merged
    out = tmp_path / "out"
    assert main(["report", "--project", str(project.folder), "--out", str(out)]) == 0
    ris = (out / "included.ris").read_text(encoding="utf-8")
    assert "VL  - 69" in ris and "SP  - 439" in ris


def test_pages_come_only_from_a_copy_of_the_kept_records_place(project_b, capsys):
    """The kept record gives volume 69: pages of a copy in volume 70 (even two such copies)
    would cite another place; those of the copy in volume 69 are taken."""
    kept, *others = add_records(
        project_b,
        [
            copy("PubMed", volume="69"),
            copy("Embase", volume="70", pages="1-9"),
            copy("CINAHL", volume="70", pages="1-9"),
            copy("Scopus", volume="69", pages="439-453"),
        ],
    )
    for other in others:
        engine.decide_pair(project_b.db, kept, other, "duplicate", "lead")
    include(project_b, kept)
    ris = export(capsys, project_b)
    assert "VL  - 69" in ris and "SP  - 439" in ris
    assert "VL  - 70" not in ris and "SP  - 1\n" not in ris


def test_authors_and_abstract_come_from_the_copies_when_the_kept_record_has_none(project_b, capsys):
    """A list field (authors, the abstract) filled the same way: what most copies give."""
    from reviewkit.records import AbstractSection

    text = [AbstractSection("", "Employment rose in the supported group.")]
    kept, *others = add_records(
        project_b,
        [
            copy("PubMed", authors=[]),
            copy("Embase", authors=["Hansen, K.", "Olsen, P."], abstract_sections=text),
            copy("Scopus", authors=["Hansen, Kari", "Olsen, Per"], abstract_sections=text),
            copy("CINAHL", authors=["Hansen, Kari", "Olsen, Per"]),
        ],
    )
    for other in others:
        engine.decide_pair(project_b.db, kept, other, "duplicate", "lead")
    include(project_b, kept)
    ris = export(capsys, project_b)
    assert "AU  - Hansen, Kari" in ris and "Hansen, K." not in ris
    assert "AB  - Employment rose in the supported group." in ris


def test_copies_giving_one_place_in_two_formats_outvote_a_place_two_copies_share(project_b, capsys):
    """Three copies give volume 69, first page 439 (as '69', '69 (2)', '439-53', '439'); two
    give 70:1-9 to the letter. The place of the three is taken."""
    kept, *others = add_records(
        project_b,
        [
            copy("PubMed"),
            copy("Embase", volume="70", pages="1-9"),
            copy("CINAHL", volume="70", pages="1-9"),
            copy("Scopus", volume="69", pages="439-453"),
            copy("PsycINFO", volume="69 (2)", pages="439-53"),
            copy("WoS", volume="69", pages="439"),
        ],
    )
    for other in others:
        engine.decide_pair(project_b.db, kept, other, "duplicate", "lead")
    include(project_b, kept)
    ris = export(capsys, project_b)
    assert "SP  - 439" in ris and "VL  - 69" in ris and "VL  - 70" not in ris


def test_a_copy_without_the_issue_still_gives_the_pages_of_the_kept_records_place(
    project_b, capsys
):
    """The kept record gives 69(2) and no pages; the one copy with pages gives volume 69 with
    no issue (many exports leave it out): a volume and a first page fix the place, so its
    pages are taken; a copy of issue 3 of that volume gives none."""
    kept, *others = add_records(
        project_b,
        [
            copy("PubMed", volume="69", issue="2"),
            copy("Scopus", volume="69", pages="439-453"),
            copy("CINAHL", volume="69", issue="3", pages="1-9"),
        ],
    )
    for other in others:
        engine.decide_pair(project_b.db, kept, other, "duplicate", "lead")
    include(project_b, kept)
    ris = export(capsys, project_b)
    assert "VL  - 69" in ris and "IS  - 2" in ris and "SP  - 439" in ris
    assert "SP  - 1\n" not in ris and "IS  - 3" not in ris


def test_extraction_and_the_map_read_the_filled_record_as_the_report_does(project_b, tmp_path):
    """The kept PubMed copy has no year, abstract or affiliations; the Embase copy has them.
    The extraction sheet (its study label and prefills) and `evidence-map --all` say what the
    report tables say of the study, not what the kept copy alone has."""
    import csv

    from reviewkit.records import AbstractSection

    ids = add_records(
        project_b,
        [
            copy("PubMed", pmid="34000123", year=None),
            copy(
                "Embase",
                abstract_sections=[
                    AbstractSection("METHODS", "A trial in Aarhus. A coordinator met each worker."),
                    AbstractSection("RESULTS", "More returned to work."),
                ],
                affiliations=["Aarhus University, Aarhus, Denmark"],
                publication_types=["Randomized Controlled Trial"],
            ),
        ],
    )
    engine.decide_pair(project_b.db, ids[0], ids[1], "duplicate", "lead")
    include(project_b, ids[0])
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project_b.folder)]) == 0
    with sheet.open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["study"] == "Hansen and Olsen (2021)"  # not "(n.d.)"
    assert (row["country"], row["design"]) == ("Denmark", "Randomized Controlled Trial")
    assert (row["intervention"], row["effect"]) == (
        "A coordinator met each worker.",
        "More returned to work.",
    )
    out = tmp_path / "map"
    args = ["evidence-map", "--rows", "model-type", "--cols", "diagnosis", "--all"]
    assert main([*args, "--out", str(out), "--project", str(project_b.folder)]) == 0
    cells = (out / "evidence-map-cells.csv").read_text(encoding="utf-8")
    assert "Hansen and Olsen (2021)" in cells and "n.d." not in cells
