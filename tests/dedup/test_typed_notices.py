"""An erratum under its article's own title, told by its publication type (rd47f, after the
distinct probe of dedup47b): PubMed's 'Published Erratum', Embase's and Scopus's 'Erratum', Web of
Science's 'Correction'. Records read by the import's own readers (MEDLINE nbib, RIS) where the
type matters; PMIDs and DOIs left out, as another database exports them.
"""

from __future__ import annotations

from dedup.helpers import outcome

from reviewkit.formats import medline, ris
from reviewkit.records import Record

TITLE = (
    "Resolving organoid brain region identities by mapping single-cell genomic data to"
    " reference atlases."
)
AUTHORS = ["Fleck, Jonas Simon", "Sanchis-Calleja, Fatima", "He, Zhisong"]


def nbib(pages: str, types: list[str]) -> Record:
    """One MEDLINE (nbib) record of Cell Stem Cell 28(6), without its PMID."""
    lines = [
        f"TI  - {TITLE}",
        *(f"FAU - {a}" for a in AUTHORS),
        "TA  - Cell Stem Cell",
        "JT  - Cell stem cell",
        "DP  - 2021 Jun 3",
        "VI  - 28",
        "IP  - 6",
        f"PG  - {pages}",
        *(f"PT  - {t}" for t in types),
    ]
    return next(medline.read("\n".join(lines) + "\n\n", "cell.nbib"))


def risrec(pages: str, m3: str = "") -> Record:
    """The same citation in an RIS export (Embase, Scopus): its type in M3, when it gives one."""
    first, _, last = pages.partition("-")
    lines = [
        "TY  - JOUR",
        f"TI  - {TITLE}",
        *(f"AU  - {a}" for a in AUTHORS),
        "JO  - Cell Stem Cell",
        "PY  - 2021",
        "VL  - 28",
        "IS  - 6",
        f"SP  - {first}",
        *([f"EP  - {last}"] if last else []),
        *([f"M3  - {m3}"] if m3 else []),
        "ER  - ",
    ]
    return next(ris.read("\n".join(lines) + "\n", "cell.ris"))


def test_an_erratum_titled_as_its_article_is_not_merged_with_it():
    article = nbib("1148-1159.e8", ["Journal Article", "Research Support, Non-U.S. Gov't"])
    erratum = nbib("1177-1180", ["Published Erratum"])
    # was merged (same_issue_other_page: one issue, title and authors, a page 'slip')
    assert outcome(article, erratum) == ("apart", "")
    # Embase's and Scopus's type, and Web of Science's, against the article typed as such (the
    # Cell Press range with its e-pages, as exported: two whole ranges one after the other,
    # 1148-1159 / 1177-1180, are queued by two_printed_ranges before this rule is asked)
    assert outcome(risrec("1148-1159.e8", "Article"), risrec("1177-1180", "Erratum"))[0] == "apart"
    wos = Record(
        title=TITLE,
        authors=AUTHORS,
        journal="CELL STEM CELL",
        year=2021,
        volume="28",
        issue="6",
        pages="1177-1180",
        publication_types=["Correction"],
    )
    assert outcome(article, wos)[0] == "apart"
    # NLM types a retracted article itself 'Retracted Publication': no notice, it merges with
    # its own copy
    retracted = nbib("1148-1159.e8", ["Journal Article", "Retracted Publication"])
    assert outcome(retracted, risrec("1148-1159", "Article"))[0] == "merged"


def test_an_erratum_against_a_record_without_types_goes_to_a_person_its_copy_merges():
    erratum = nbib("1177-1180", ["Published Erratum"])
    # the other record's source gave no type: its article, or the erratum under a garbled page
    assert outcome(risrec("1148-1159.e8"), erratum) == ("queued", "typed_notice_and_article")
    # the erratum's page missing on one side: a person too
    assert outcome(risrec("1148-1159", "Article"), nbib("", ["Published Erratum"]))[0] == "queued"
    # one erratum in two databases, one typing it and the other not or otherwise: one page, one
    # notice, merged; the article's two copies are not touched by types
    assert outcome(erratum, risrec("1177-1180"))[0] == "merged"
    assert outcome(erratum, risrec("1177-1180", "Erratum"))[0] == "merged"
    assert outcome(erratum, risrec("1177", "Article"))[0] == "merged"
    assert outcome(nbib("1148-1159.e8", ["Journal Article"]), risrec("1148-1159"))[0] == "merged"
    # a title that says notice is a notice without its type: an erratum not yet paged, and its
    # copy from an export that gives no type, merge as before
    heading = Record(
        title="Correction to: " + TITLE, authors=AUTHORS, journal="Leukemia", year=2021
    )
    typed = Record(**{**vars_of(heading), "publication_types": ["Published Erratum"]})
    assert outcome(typed, heading)[0] == "merged"


def vars_of(rec: Record) -> dict:
    return dict(title=rec.title, authors=rec.authors, journal=rec.journal, year=rec.year)
