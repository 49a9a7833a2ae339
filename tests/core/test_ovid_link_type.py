"""The document type Ovid writes in its OpenURL (formats.ovid_link_type): Ovid's PsycInfo RIS
writes its classification in M3, an EndNote library exported from Ovid keeps only its own
reference type, so a PsycInfo 'Erratum/Correction' or 'Comment/Reply' reaches the notices
through the link only. Records are made up in the shape of Ovid's exports (the resolver link
as tests/core/fixtures/real/ovid_psycinfo.ris and bib-dedupe's Stroke.xml write it)."""

from __future__ import annotations

from pathlib import Path

from core.cli_imports import imported_text

from reviewkit.dedup.concerns import notice_kind

TITLE = "Self-criticism and depression in inflammatory bowel disease"


def openurl(sid: str, doc_type: str) -> str:
    """Ovid's link to a library's resolver, its document type encoded at the end."""
    return (
        f"http://sfx.library.uu.nl/utrecht?sid=OVID:{sid}&id=pmid:&id=doi:10.1002%2Fcpp.2398"
        "&issn=1063-3995&date=2019&title=Clinical+Psychology+%26+Psychotherapy"
        "&aulast=Trindade&pid=%3Cauthor%3ETrindade%2C+Ines+A%3C%2Fauthor%3E"
        f"%3CAN%3E2019-65183-001%3C%2FAN%3E%3CDT%3E{doc_type}%3C%2FDT%3E"
    )


def ovid_ris(
    sid: str,
    doc_type: str,
    m3: str = "Health & Mental Health Treatment & Prevention [3300]",
    title: str = f"Correction to: {TITLE}",
) -> str:
    return (
        "TY  - JOUR\nID  - 2019-65183-001\n"
        f"T1  - {title}.\nA1  - Trindade, Ines A\nY1  - 2019//\n"
        f"M3  - {m3}\nJF  - Clinical Psychology & Psychotherapy\nSN  - 1063-3995\n"
        "L2  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&D=psyc16&NEWS=N"
        "&AN=2019-65183-001\n"
        f"UR  - {openurl(sid, doc_type)}\nER  - \n"
    )


def test_psycinfo_erratum_type_in_ovid_ris_link_makes_a_notice(tmp_path: Path) -> None:
    (rec,) = imported_text(tmp_path, "psyc.ris", ovid_ris("psycdb", "Erratum%2FCorrection"))
    assert rec.publication_types == ["Erratum/Correction"]  # M3's classification still left out
    assert notice_kind(rec) == "erratum"
    # an empty type, or another resolver's link of the same shape, gives none
    (empty,) = imported_text(tmp_path / "b", "psyc.ris", ovid_ris("psycdb", ""))
    other = ovid_ris("psycdb", "Erratum%2FCorrection").replace("sid=OVID:psycdb", "sid=EMBASE")
    (unknown,) = imported_text(tmp_path / "c", "other.ris", other)
    assert empty.publication_types == unknown.publication_types == []


def test_psycinfo_comment_reply_in_ovid_ris_link(tmp_path: Path) -> None:
    (rec,) = imported_text(
        tmp_path,
        "psyc.ris",
        ovid_ris("psycdb", "Comment%2FReply", title=f"Reply to Smith: {TITLE}"),
    )
    assert rec.publication_types == ["Comment/Reply"]
    assert notice_kind(rec) == "comment"


ENDNOTE_XML = """<?xml version="1.0" encoding="UTF-8" ?><xml><records><record>
<rec-number>1</rec-number><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author>Trindade, Ines A</author></authors></contributors>
<titles><title>{title}</title><secondary-title>Clinical Psychology &amp; Psychotherapy</secondary-title></titles>
<dates><year>2019</year></dates>
<urls><related-urls><url>http://ovidsp.ovid.com/ovidweb.cgi?T=JS&amp;NEWS=N&amp;D=psyc7&amp;AN=2019-65183-001</url>
<url>{link}</url></related-urls></urls></record></records></xml>
"""


def test_endnote_library_from_ovid_keeps_the_link_type(tmp_path: Path) -> None:
    link = openurl("psycdb", "Erratum%2FCorrection").replace("&", "&amp;")
    text = ENDNOTE_XML.format(title=f"Correction to: {TITLE}", link=link)
    (rec,) = imported_text(tmp_path, "stroke.xml", text)
    assert rec.publication_types == ["Journal Article", "Erratum/Correction"]
    assert notice_kind(rec) == "erratum"


def test_embase_link_gives_its_publication_type_not_its_source_type(tmp_path: Path) -> None:
    link = openurl("embase", "Journal%3A+Erratum").replace("&", "&amp;")
    text = ENDNOTE_XML.format(title=f"Erratum: {TITLE}", link=link)
    (rec,) = imported_text(tmp_path, "embase.xml", text)
    assert rec.publication_types == ["Journal Article", "Erratum"]
    source_only = ENDNOTE_XML.format(
        title=TITLE, link=link.replace("Journal%3A+Erratum", "Journal")
    )
    (alone,) = imported_text(tmp_path / "b", "embase.xml", source_only)
    assert alone.publication_types == ["Journal Article"]
