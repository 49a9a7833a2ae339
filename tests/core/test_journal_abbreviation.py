"""The journal's abbreviation (Record.journal_abbreviation): read from each format's tag for it,
written back by the RIS export as J2, and a journal kept by a record that gives only the
abbreviation. The samples are in the shape of each system's export (formats.ris_journal lists
which system writes what)."""

from __future__ import annotations

import io
from pathlib import Path

import rispy

from reviewkit import formats, offline_data
from reviewkit.formats import (
    bibtex,
    csv_format,
    endnote_xml,
    medline,
    pubmed_xml,
    refworks,
    ris,
    wos,
)
from reviewkit.records import Record

FIXTURES = Path(__file__).parent / "fixtures"


def _ris(body: str) -> Record:
    (record,) = ris.read(f"TY  - JOUR\nTI  - Graded sick leave\n{body}ER  - \n", "t.ris")
    return record


def test_ris_reads_the_abbreviation_beside_the_full_name() -> None:
    # Scopus and Zotero: T2 and J2
    scopus = _ris("T2  - Journal of Occupational Rehabilitation\nJ2  - J Occup Rehabil\n")
    assert (scopus.journal, scopus.journal_abbreviation) == (
        "Journal of Occupational Rehabilitation",
        "J Occup Rehabil",
    )
    # Zotero's reading of JO beside T2: the abbreviation, T2 the journal
    zotero = _ris("JO  - J Occup Rehabil\nT2  - Journal of Occupational Rehabilitation\n")
    assert (zotero.journal, zotero.journal_abbreviation) == (
        "Journal of Occupational Rehabilitation",
        "J Occup Rehabil",
    )
    # Embase.com (its real export): JF the full name, JO the abbreviation
    embase = list(formats.read_file(FIXTURES / "real" / "embase.ris"))
    gastro = next(r for r in embase if r.journal == "World Journal of Gastroenterology")
    assert gastro.journal_abbreviation == "World J. Gastroenterol."
    # EBSCOhost: JF and JA
    ebsco = list(formats.read_file(FIXTURES / "ebsco_export.ris"))[0]
    assert (ebsco.journal, ebsco.journal_abbreviation) == (
        "Journal of Occupational Rehabilitation",
        "J OCCUP REHABIL",
    )


def test_ovid_ris_nl_trailer_is_its_record_s_abbreviation() -> None:
    # Ovid's real RIS: 'NL  - <NLM abbreviation>' after each record's ER, before the next TY
    records = list(formats.read_file(FIXTURES / "real" / "ovid_psycinfo.ris"))
    assert [(r.journal, r.journal_abbreviation) for r in records[:2]] == [
        ("Clinical Psychology & Psychotherapy", "Clin Psychol Psychother"),
        ("Journal of Health Psychology", "J Health Psychol"),
    ]
    # each record's own trailer, the last one's too
    names = [r.journal_abbreviation for r in records]
    assert len(set(names)) == len(records) == 6 and all(names)


def test_ris_ja_or_jo_alone_is_the_journal_not_an_abbreviation() -> None:
    # the Cochrane Library writes the full name alone as JA or JO; EBSCOhost's PsycInfo as JO
    for tag in ("JA", "JO"):
        record = _ris(f"{tag}  - Journal of occupational rehabilitation\n")
        assert (record.journal, record.journal_abbreviation) == (
            "Journal of occupational rehabilitation",
            "",
        )


def test_ris_record_with_only_j2_keeps_a_journal() -> None:
    record = _ris("J2  - J Occup Rehabil\n")
    assert (record.journal, record.journal_abbreviation) == ("J Occup Rehabil", "J Occup Rehabil")


def test_ris_j2_of_a_record_without_a_container_is_no_journal() -> None:
    # a book's or a report's J2 is its own title's alternate or short form (EndNote's
    # 'Alternate Title', the RIS specification's 'Abbreviation' of a BOOK): not a journal
    for kind in ("BOOK", "RPRT"):
        text = f"TY  - {kind}\nTI  - Sick leave in Norway\nJ2  - Sykefravaer i Norge\nER  - \n"
        (record,) = ris.read(text, "t.ris")
        assert (record.journal, record.journal_abbreviation) == ("", ""), kind
    # beside its book (T2), a chapter's J2 is the book's abbreviation, as a journal's is
    chapter = "TY  - CHAP\nTI  - Graded sick leave\nT2  - Handbook of Work Disability\n"
    (record,) = ris.read(chapter + "J2  - Handb Work Disabil\nER  - \n", "t.ris")
    assert record.journal_abbreviation == "Handb Work Disabil"


def _written(*records: Record) -> str:
    out = io.StringIO()
    ris.write(records, out)
    return out.getvalue()


def test_ris_export_writes_j2_that_our_reader_and_rispy_read_back() -> None:
    record = Record(
        title="Graded sick leave",
        journal="Journal of Occupational Rehabilitation",
        journal_abbreviation="J Occup Rehabil",
        year=2019,
    )
    text = _written(record)
    assert "J2  - J Occup Rehabil" in text.splitlines()
    (back,) = ris.read(text, "export.ris")
    assert (back.journal, back.journal_abbreviation) == (record.journal, "J Occup Rehabil")
    (theirs,) = rispy.loads(text)  # ASReview's reader
    assert theirs["secondary_title"] == "Journal of Occupational Rehabilitation"
    assert theirs["alternate_title1"] == "J Occup Rehabil"


def test_a_record_given_only_the_abbreviation_keeps_a_journal_through_export() -> None:
    record = Record(title="Graded sick leave", journal_abbreviation="Scand J Work Environ Health")
    assert record.journal == "Scand J Work Environ Health"
    (back,) = ris.read(_written(record), "export.ris")
    assert back.journal == back.journal_abbreviation == "Scand J Work Environ Health"


def test_a_cluster_fills_an_empty_abbreviation_from_a_copy() -> None:
    from reviewkit.dedup.merged_fields import filled_record

    kept = Record(title="Graded sick leave", journal="Journal of Occupational Rehabilitation")
    copy = Record(title="Graded sick leave", journal_abbreviation="J Occup Rehabil")
    assert filled_record(kept, [(2, copy)]).journal_abbreviation == "J Occup Rehabil"
    # the kept record's own abbreviation is never replaced
    own = Record(title="Graded sick leave", journal_abbreviation="J. Occup. Rehabil.")
    assert filled_record(own, [(2, copy)]).journal_abbreviation == "J. Occup. Rehabil."


def test_medline_reads_ta_and_writes_it_back() -> None:
    record = next(
        r
        for r in formats.read_file(FIXTURES / "pubmed_book_last.nbib")
        if r.journal == "Journal of occupational rehabilitation"
    )
    assert record.journal_abbreviation == "J Occup Rehabil"
    out = io.StringIO()
    medline.write([record], out)
    assert "TA  - J Occup Rehabil" in out.getvalue().splitlines()
    (back,) = medline.read(out.getvalue(), "export.nbib")
    assert (back.journal, back.journal_abbreviation) == (record.journal, "J Occup Rehabil")
    # a record giving only TA keeps it as its journal, as before
    (only,) = medline.read("PMID- 31000001\nTI  - Graded sick leave\nTA  - Work\n", "t.nbib")
    assert only.journal == only.journal_abbreviation == "Work"


def test_ovid_medline_with_ta_and_jn_keeps_the_full_name_as_the_journal() -> None:
    # Ovid's tagged MEDLINE names the journal in JN and NLM's abbreviation in TA, with no JT:
    # the journal is JN's full name, TA its abbreviation (Zotero's OVID Tagged reads TA so)
    text = (FIXTURES / "ovid_medline.txt").read_text(encoding="utf-8")
    text = text.replace(
        "JN  - Journal of Occupational Rehabilitation\n",
        "JN  - Journal of Occupational Rehabilitation\nTA  - J Occup Rehabil\n",
        1,
    )
    first = next(medline.read(text, "ovid.txt"))
    assert (first.journal, first.journal_abbreviation) == (
        "Journal of Occupational Rehabilitation",
        "J Occup Rehabil",
    )


def test_pubmed_xml_reads_medline_ta_of_a_real_efetch_reply() -> None:
    folder = offline_data.dataset_dir("metapub-fixtures") / "tests" / "fixtures" / "pmid_xml"
    with (folder / "10440612.xml").open("rb") as stream:
        (record,) = pubmed_xml.read(stream, "10440612.xml")
    assert (record.journal, record.journal_abbreviation) == (
        "Scandinavian journal of gastroenterology",
        "Scand J Gastroenterol",
    )


def test_pubmed_xml_takes_the_iso_abbreviation_without_medline_ta() -> None:
    # an in-process or publisher-supplied citation may come without MedlineJournalInfo
    text = (FIXTURES / "sample.xml").read_text(encoding="utf-8")
    text = text.replace(
        "</Title>\n      </Journal>",
        "</Title>\n        <ISOAbbreviation>Scand J Work Environ Health</ISOAbbreviation>"
        "\n      </Journal>",
        1,
    )
    first = next(pubmed_xml.read(io.BytesIO(text.encode()), "sample.xml"))
    assert first.journal_abbreviation == "Scand J Work Environ Health"


def test_bibtex_reads_and_writes_biblatex_shortjournal() -> None:
    text = (
        "@article{hansen2021,\n  title = {Coordinated return to work},\n"
        "  journaltitle = {Journal of Occupational Rehabilitation},\n"
        "  shortjournal = {J Occup Rehabil},\n  date = {2021},\n}\n"
    )
    (record,) = bibtex.read(text, "zotero.bib")  # Better BibLaTeX's shape
    assert (record.journal, record.journal_abbreviation) == (
        "Journal of Occupational Rehabilitation",
        "J Occup Rehabil",
    )
    out = io.StringIO()
    bibtex.write([record], out)
    (back,) = bibtex.read(out.getvalue(), "export.bib")
    assert (back.journal, back.journal_abbreviation) == (record.journal, "J Occup Rehabil")


ENDNOTE_XML = """<?xml version="1.0" encoding="UTF-8" ?><xml><records><record>\
<ref-type name="{kind}">17</ref-type>\
<contributors><authors><author>Hansen, P.</author></authors></contributors>\
<titles><title>Coordinated return to work</title>\
<secondary-title>Journal of Occupational Rehabilitation</secondary-title>\
<alt-title>{alt}</alt-title></titles>\
<periodical><full-title>Journal of Occupational Rehabilitation</full-title>{abbr}</periodical>\
{alt_periodical}<dates><year>2021</year></dates></record></records></xml>"""


def _endnote(kind: str, alt: str, abbr: str = "", alt_periodical: str = "") -> Record:
    text = ENDNOTE_XML.format(kind=kind, alt=alt, abbr=abbr, alt_periodical=alt_periodical)
    (record,) = endnote_xml.read(text.encode(), "endnote.xml")
    return record


def test_endnote_xml_reads_the_alternate_journal() -> None:
    alternate = "<alt-periodical><full-title>J Occup Rehabil</full-title></alt-periodical>"
    record = _endnote("Journal Article", "J Occup Rehabil", alt_periodical=alternate)
    assert record.journal_abbreviation == "J Occup Rehabil"
    # without the Alternate Journal, the Journals term list's first abbreviation
    listed = _endnote("Journal Article", "", abbr="<abbr-1>J. Occup. Rehabil.</abbr-1>")
    assert listed.journal_abbreviation == "J. Occup. Rehabil."
    # a book section's alt-title is its Alternate Title, no journal's abbreviation
    assert _endnote("Book Section", "Arbeid og helse").journal_abbreviation == ""


SCOPUS_CSV = (
    '"Authors","Title","Year","Source title","Volume","Abbreviated Source Title","DOI"\n'
    '"Hansen P.","Coordinated return to work","2021","Journal of Occupational Rehabilitation",'
    '"31","J. Occup. Rehabil.","10.1007/s10926-021-09999-1"\n'
)


def test_csv_reads_scopus_abbreviated_source_title_and_writes_it_back() -> None:
    (record,) = csv_format.read(SCOPUS_CSV, "scopus.csv")
    assert record.journal_abbreviation == "J. Occup. Rehabil."
    out = io.StringIO()
    csv_format.write([record], out)
    (back,) = csv_format.read(out.getvalue(), "export.csv")
    assert (back.journal, back.journal_abbreviation) == (record.journal, "J. Occup. Rehabil.")


def test_web_of_science_reads_ji_before_j9() -> None:
    text = (FIXTURES / "wos_plain.txt").read_text(encoding="utf-8-sig")
    text = text.replace(
        "SO JOURNAL OF OCCUPATIONAL REHABILITATION\n",
        "SO JOURNAL OF OCCUPATIONAL REHABILITATION\nJ9 J OCCUP REHABIL\nJI J. Occup. Rehabil.\n",
    )
    first = next(wos.read(text, "savedrecs.txt"))
    assert (first.journal, first.journal_abbreviation) == (
        "JOURNAL OF OCCUPATIONAL REHABILITATION",
        "J. Occup. Rehabil.",
    )
    # the tab-delimited export: its columns are the same tags
    tab = "PT\tTI\tSO\tJ9\tJI\tPY\nJ\tCoordinated return to work\tWORK\tWORK\tWork\t2020\n"
    (row,) = csv_format.read(tab, "savedrecs.txt")
    assert (row.journal, row.journal_abbreviation) == ("WORK", "Work")


def test_refworks_reads_jo_as_the_abbreviation() -> None:
    text = (
        "RT Journal Article\nA1 Hansen, P.\nT1 Coordinated return to work\n"
        "JF Journal of Occupational Rehabilitation\nJO J Occup Rehabil\nYR 2021\n"
    )
    (record,) = refworks.read(text, "refworks.txt")
    assert (record.journal, record.journal_abbreviation) == (
        "Journal of Occupational Rehabilitation",
        "J Occup Rehabil",
    )
    # JO alone may hold the full name (a database's 'Export to RefWorks', a user's entry):
    # it is the journal, and no abbreviation, as RIS's JO alone is (formats.ris_journal)
    (alone,) = refworks.read(
        "RT Journal Article\nT1 Coordinated return to work\n"
        "JO Journal of Occupational Rehabilitation\nYR 2021\n",
        "refworks.txt",
    )
    assert (alone.journal, alone.journal_abbreviation) == (
        "Journal of Occupational Rehabilitation",
        "",
    )
