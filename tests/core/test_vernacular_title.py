"""A PubMed article's original-language title (VernacularTitle, MEDLINE's TT) beside its English
title: kept, written back, shown, and read for a trial's name and the kind of report."""

from __future__ import annotations

import io

from rich.console import Console

from reviewkit import formats
from reviewkit.dedup.study_cues import cue_links, study_cues
from reviewkit.formats import pubmed_xml
from reviewkit.records import Record
from reviewkit.tui.widgets import record_renderable

ARTICLE = """<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article>
{titles}
<AuthorList><Author><LastName>Müller</LastName><Initials>H</Initials></Author>
<Author><LastName>Hansen</LastName><Initials>K</Initials></Author></AuthorList>
<Language>ger</Language></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""
GERMAN = "<VernacularTitle>Kosten-Nutzen-Analyse der SPINE-Studie.</VernacularTitle>"


def _read(titles: str, tmp_path, pmid: str = "1") -> Record:
    path = tmp_path / f"pubmed-{pmid}.xml"
    path.write_text(ARTICLE.format(pmid=pmid, titles=titles), encoding="utf-8")
    with open(path, "rb") as fh:
        (record,) = pubmed_xml.read(pubmed_xml.open_binary(fh), path.name)
    return record


def test_the_original_title_is_kept_beside_the_english_one(tmp_path) -> None:
    english = "<ArticleTitle>[Costs and benefits of surgery for sciatica].</ArticleTitle>"
    record = _read(english + GERMAN, tmp_path)
    assert record.title == "[Costs and benefits of surgery for sciatica]."
    assert record.vernacular_title == "Kosten-Nutzen-Analyse der SPINE-Studie."
    # the only title: it is the title, not kept twice
    alone = _read(GERMAN, tmp_path, "2")
    assert alone.title == "Kosten-Nutzen-Analyse der SPINE-Studie." and not alone.vernacular_title


def test_medline_reads_and_writes_the_original_title(tmp_path) -> None:
    record = Record(title="[Costs of surgery].", vernacular_title="Kosten der Chirurgie.", pmid="1")
    out = io.StringIO()
    formats.write([record], "medline", out)
    assert "TT  - Kosten der Chirurgie." in out.getvalue()
    path = tmp_path / "back.nbib"
    path.write_text(out.getvalue(), encoding="utf-8")
    (back,) = formats.read_file(path)
    assert (back.title, back.vernacular_title) == (record.title, record.vernacular_title)


def test_a_records_details_show_the_original_title() -> None:
    record = Record(title="[Costs of surgery].", vernacular_title="Kosten der Chirurgie.")
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(record_renderable(record))
    assert "Kosten der Chirurgie." in console.export_text()


def test_the_original_title_names_the_trial_and_the_kind_of_report(tmp_path) -> None:
    """PubMed's English title of a German economic evaluation names no trial; its original
    does ('der SPINE-Studie', 'Kosten-Nutzen-Analyse'): linked to the SPINE trial's main
    paper by that name and one author."""
    english = "<ArticleTitle>[Costs and benefits of surgery for sciatica].</ArticleTitle>"
    evaluation = _read(english + GERMAN, tmp_path)
    cues = study_cues([evaluation])
    assert cues.names == {"SPINE"} and cues.follow_on
    main_paper = Record(title="Surgery for sciatica: the SPINE trial", authors=["Hansen K"])
    ((_, link),) = cue_links({1: cues, 2: study_cues([main_paper])}).items()
    assert link.names == ("SPINE",) and link.authors == ("hansen k",)


def test_an_original_equal_to_the_title_is_no_original() -> None:
    """A merged duplicate fills the kept record's empty original title from a PubMed copy:
    when the kept record's title is that original (an Embase copy of the German article), the
    same title twice is no original; nor is one that differs in case and punctuation only."""
    from reviewkit.dedup.merged_fields import filled_record

    kept = Record(title="Kosten-Nutzen-Analyse der SPINE-Studie", pmid="1")
    pubmed = Record(
        title="[Costs and benefits of the SPINE trial].",
        vernacular_title="Kosten-Nutzen-Analyse der SPINE-Studie.",
        pmid="1",
    )
    assert filled_record(kept, [(2, pubmed)]).vernacular_title == ""
    assert (
        Record(
            title="[Kosten der Chirurgie].", vernacular_title="kosten der chirurgie"
        ).vernacular_title
        == ""
    )
    assert Record(
        title="[Costs of surgery].", vernacular_title="Kosten der Chirurgie."
    ).vernacular_title
