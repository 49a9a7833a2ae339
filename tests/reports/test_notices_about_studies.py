"""Retractions, errata, expressions of concern and comments about the project's records
(reviewkit.dedup.concerns): nothing told a team that an included study had been retracted or
corrected, though PubMed writes it (CommentsCorrections, the 'Retracted Publication' type)
and the Cochrane Handbook (5.1, 6.4.10) asks review authors to check. Each way of knowing,
through the CLI: PubMed XML's and MEDLINE's links (RIN/EIN/ECI/CIN and the notice's ROF),
RIS and BibTeX notices by their titles, a DOI a notice names, the 'RETRACTED:' mark; shown by
`status`, in the report's included-studies table and its list of such studies."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reviewkit import formats
from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.concerns import concerns_of
from reviewkit.dedup.concerns_kept import project_concerns
from reviewkit.store.records import get_record, iter_records

STAGES = ("title-abstract", "full-text")
ARTICLE = "Graded activity and sick leave in workers with low back pain: a randomised trial"
OTHER = "Case management for workers on sick leave with depression: a cluster trial"


def _links(*links: tuple[str, str]) -> str:
    refs = "".join(
        f'<CommentsCorrections RefType="{ref}"><RefSource>Lancet. 2020;1:2</RefSource>'
        f'<PMID Version="1">{pmid}</PMID></CommentsCorrections>'
        for ref, pmid in links
    )
    return f"<CommentsCorrectionsList>{refs}</CommentsCorrectionsList>" if refs else ""


def _article(pmid: str, title: str, types: tuple[str, ...], links: str = "") -> str:
    pts = "".join(f"<PublicationType>{t}</PublicationType>" for t in types)
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}'
        "</PMID><Article><Journal><JournalIssue><Volume>1</Volume><PubDate><Year>2020</Year>"
        "</PubDate></JournalIssue><Title>Occupational medicine</Title></Journal>"
        f"<ArticleTitle>{title}</ArticleTitle><AuthorList><Author><LastName>Smith</LastName>"
        "<Initials>J</Initials></Author></AuthorList><Language>eng</Language>"
        f"<PublicationTypeList>{pts}</PublicationTypeList></Article>{links}"
        "</MedlineCitation></PubmedArticle>"
    )


def _pubmed_xml(path: Path) -> Path:
    articles = [
        _article(
            "31000001",
            ARTICLE,
            ("Journal Article", "Retracted Publication"),
            _links(
                ("RetractionIn", "31000009"),
                ("ErratumIn", "31000008"),
                ("ExpressionOfConcernIn", "31000007"),
                ("CommentIn", "31000006"),
                ("Cites", "12345"),  # a reference: no notice
            ),
        ),
        # the retraction notice itself, in the project: joined by its RetractionOf link
        _article(
            "31000009",
            f"Retraction Note: {ARTICLE}",
            ("Retraction of Publication",),
            _links(("RetractionOf", "31000001")),
        ),
        _article("31000002", OTHER, ("Journal Article",)),
    ]
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>'
        + "".join(articles)
        + "</PubmedArticleSet>\n",
        encoding="utf-8",
    )
    return path


def _cli(project, *args: str) -> int:
    return main([args[0], "--project", str(project.folder), *args[1:]])


def _ids(project) -> dict[str, int]:
    return {r.title: i for i, r in iter_records(project.db)}


def _include(project, record_id: int) -> None:
    for stage in STAGES:
        for reviewer in ("reviewer1", "reviewer2"):
            scr.decide(project.db, record_id, stage, reviewer, "include", protocol=project.protocol)


def test_pubmed_links_reach_status_and_the_report(project_b, tmp_path: Path, capsys) -> None:
    project = project_b
    assert _cli(project, "import", str(_pubmed_xml(tmp_path / "pubmed.xml"))) == 0
    ids = _ids(project)
    article, notice = ids[ARTICLE], ids[f"Retraction Note: {ARTICLE}"]
    lines = [c.line() for c in concerns_of(project_concerns(project.db), [article])]
    # one line per notice, the serious first; the retraction notice found among the records
    # is the one PubMed's RetractionIn names (not a second retraction for the type)
    assert lines == [
        "Retracted (PMID 31000009 — Retraction of Publication)",
        "Expression of concern (PMID 31000007 — Expression of Concern)",
        "Erratum (PMID 31000008 — Published Erratum)",
        "Comment (PMID 31000006 — Comment)",
    ]
    found = project_concerns(project.db)
    assert found[article][0].notice == notice
    assert notice not in found and ids[OTHER] not in found  # a notice concerns no notice

    _include(project, article)
    _include(project, ids[OTHER])
    capsys.readouterr()
    assert _cli(project, "status") == 0
    out = capsys.readouterr().out
    assert "included with a retraction, erratum or expression of concern: 1" in out
    assert f"record {article}: Retracted (PMID 31000009" in out
    assert "Comment (PMID" not in out  # comments are the screen's, not a check to make

    exports = tmp_path / "exports"
    assert _cli(project, "report", "--out", str(exports), "--format", "csv,md") == 0
    with (exports / "tables" / "notices-about-included-studies.csv").open(encoding="utf-8") as f:
        listed = list(csv.DictReader(f))
    assert [r["Title"] for r in listed] == [ARTICLE]
    assert listed[0]["Notices"].splitlines()[0].startswith("Retracted (PMID 31000009")
    md = (exports / "report.md").read_text(encoding="utf-8")
    assert "Included studies with a retraction, erratum or expression of concern (n = 1)" in md
    cells = {
        r["Title"] if "Title" in r else r.get("Reference", ""): r.get(
            "Retraction, erratum or concern"
        )
        for f in sorted((exports / "tables").glob("*.csv"))
        if f.name != "notices-about-included-studies.csv"
        for r in csv.DictReader(f.open(encoding="utf-8"))
    }
    assert any(v and v.startswith("Retracted (PMID 31000009") for v in cells.values())
    assert "" in cells.values()  # the other included study: an empty cell


def test_medline_links_read_and_written(project_b, tmp_path: Path) -> None:
    """MEDLINE's RIN, EIN, ECI and CIN lines (as PubMed writes them, 'PMID: n' last) are read,
    and the MEDLINE writer writes them back."""
    text = (
        f"PMID- 32000001\nTI  - {ARTICLE}\nPT  - Journal Article\nDP  - 2020\n"
        "RIN - Lancet. 2021 Jan;397(1):1. doi: 10.1016/x. PMID: 32000009\n"
        "EIN - Lancet. 2020;396:2. PMID: 32000008\n"
        "ECI - Lancet. 2020;396:3. PMID: 32000007\nCIN - Lancet. 2020;396:4\n\n"
        f"PMID- 32000002\nTI  - {OTHER}\nPT  - Journal Article\nDP  - 2020\n\n"
    )
    source = tmp_path / "pubmed.nbib"
    source.write_text(text, encoding="utf-8")
    assert _cli(project_b, "import", str(source)) == 0
    article = _ids(project_b)[ARTICLE]
    lines = [c.line() for c in concerns_of(project_concerns(project_b.db), [article])]
    assert lines == [
        "Retracted (PMID 32000009 — Retraction of Publication)",
        "Expression of concern (PMID 32000007 — Expression of Concern)",
        "Erratum (PMID 32000008 — Published Erratum)",
        "Comment (PubMed's link)",
    ]
    stored = get_record(project_b.db, article)
    buf = io.StringIO()
    formats.write([stored], "medline", buf)
    assert "RIN - Lancet. 2021 Jan;397(1):1. doi: 10.1016/x. PMID: 32000009" in buf.getvalue()
    assert "CIN - Lancet. 2020;396:4" in buf.getvalue()
    back = tmp_path / "back.nbib"
    back.write_text(buf.getvalue(), encoding="utf-8")
    assert [r.comments_corrections for r in formats.read_file(back)] == [
        stored.comments_corrections
    ]


def test_ris_and_bibtex_notices_by_title_doi_and_mark(project_b, tmp_path: Path) -> None:
    """Without PubMed's links: an 'Erratum to: <title>' in RIS, a BibTeX 'Retraction:
    "<title>"', an expression of concern naming the article's DOI in its abstract, and the
    publisher's 'RETRACTED:' mark. A reply titled with its article and an article whose
    title opens with 'Correction of' point at nothing."""
    marked = "Yoga at the workplace for office workers with neck pain: a cluster trial"
    ris = tmp_path / "embase.ris"
    ris.write_text(
        "".join(
            f"TY  - JOUR\nTI  - {title}\n{extra}PY  - 2020\nER  - \n\n"
            for title, extra in (
                (ARTICLE, "DO  - 10.1000/occmed.2020.1\n"),
                (f"Erratum to: {ARTICLE}", ""),
                (
                    "Expression of concern",
                    "AB  - Concerns were raised about 10.1000/OCCMED.2020.1.\n",
                ),
                (f"RETRACTED: {marked}", ""),
                (OTHER, ""),
                (f"{OTHER} - Reply", ""),
                ("Correction of posture in office workers with neck pain: a trial", ""),
            )
        ),
        encoding="utf-8",
    )
    bib = tmp_path / "scopus.bib"
    bib.write_text(
        f'@article{{r1, title = {{Retraction: "{OTHER}"}}, year = {{2021}},'
        " journal = {Occupational medicine}}\n",
        encoding="utf-8",
    )
    assert _cli(project_b, "import", str(ris)) == 0
    assert _cli(project_b, "import", str(bib)) == 0
    ids = _ids(project_b)
    found = project_concerns(project_b.db)
    said = {t: [c.line() for c in concerns_of(found, [i])] for t, i in ids.items()}
    erratum, concern = ids[f"Erratum to: {ARTICLE}"], ids["Expression of concern"]
    assert said[ARTICLE] == [
        f"Expression of concern (record {concern}, by the DOI it names)",
        f"Erratum (record {erratum}, by its title)",
    ]
    retraction = ids[f'Retraction: "{OTHER}"']
    assert said[OTHER] == [f"Retracted (record {retraction}, by its title)"]
    assert said[f"RETRACTED: {marked}"] == ["Retracted (title marked 'RETRACTED')"]
    posture = "Correction of posture in office workers with neck pain: a trial"
    assert not said[posture] and not said[f"{OTHER} - Reply"]
