"""Round 29 of bad input: what real tools write, of shapes no round had tried (samples written
here in each tool's shape, with records of our own), through ``reviewkit import``.

OpenAlex's CSV (a Work's fields flattened, as its site exports them) writes a work's PMID and
PMCID only as links, in 'ids.pmid' and 'ids.pmcid' (its PMCID links with the number alone,
'…/pmc/articles/8000001', as its documentation's example Work does), and the work's type in
'type' ('article', 'preprint', 'dissertation', 'book-chapter', 'letter'): the identifiers were
left unread, so a record matched PubMed's copy only by its DOI, and the type was lost, a thesis
and a chapter read as journal articles. Read now: the identifiers by the one rule for links
(formats.identifier_urls), the type as a publication type named as the databases name theirs,
in OpenAlex's header only."""

from __future__ import annotations

from bad_input.protocol_helpers import imported_records

from reviewkit.formats.kinds import record_kind

OPENALEX_HEADER = (
    "id,doi,title,display_name,publication_year,publication_date,ids.openalex,ids.doi,ids.pmid,"
    "ids.pmcid,language,primary_location.source.display_name,type,type_crossref,"
    "authorships.author.display_name,biblio.volume,biblio.issue,biblio.first_page,"
    "biblio.last_page,is_retracted,cited_by_count\n"
)


def _work(n: int, title: str, kind: str, crossref: str, pmid: str = "", pmcid: str = "") -> str:
    ids = (
        f"https://pubmed.ncbi.nlm.nih.gov/{pmid}" if pmid else "",
        f"https://www.ncbi.nlm.nih.gov/pmc/articles/{pmcid}" if pmcid else "",
    )
    return (
        f"https://openalex.org/W30000000{n},https://doi.org/10.1000/oa.{n},{title},{title},2021,"
        f"2021-03-02,https://openalex.org/W30000000{n},https://doi.org/10.1000/oa.{n},{ids[0]},"
        f"{ids[1]},en,Journal of Occupational Rehabilitation,{kind},{crossref},"
        f"Kari Nordmann|Ola Berg,31,2,200,210,False,4\n"
    )


OPENALEX = OPENALEX_HEADER + "".join(
    [
        _work(1, "Graded return to work", "article", "journal-article", "33000001", "8000001"),
        _work(2, "Sick leave in a pandemic", "preprint", "posted-content", "", "PMC8000002"),
        _work(3, "Work ability after stroke", "dissertation", "dissertation"),
        _work(4, "Vocational rehabilitation", "book-chapter", "book-chapter"),
        _work(5, "Return to work: a reply", "letter", "journal-article", "33000005"),
    ]
)


def test_openalex_ids_columns_give_the_pmid_and_pmcid(tmp_path, capsys):
    path = tmp_path / "openalex.csv"
    path.write_text(OPENALEX, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [(r.pmid, r.pmcid) for r in records] == [
        ("33000001", "PMC8000001"),
        ("", "PMC8000002"),
        ("", ""),
        ("", ""),
        ("33000005", ""),
    ]
    assert [r.doi for r in records] == [f"10.1000/oa.{n}" for n in range(1, 6)]
    assert not any(r.url for r in records)  # the links were the identifiers, not the work's URL


def test_openalex_type_is_a_publication_type_naming_the_kind(tmp_path, capsys):
    path = tmp_path / "openalex.csv"
    path.write_text(OPENALEX, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [r.publication_types for r in records] == [
        ["Article"],
        ["Preprint"],
        ["Dissertation"],
        ["Book Chapter"],
        ["Letter"],  # a journal's letter, as Web of Science's and Scopus' 'Letter'
    ]
    assert [record_kind(r) for r in records] == ["", "", "thesis", "chapter", ""]


def test_a_type_column_elsewhere_is_not_read(tmp_path, capsys):
    """Guard: a column 'type' outside OpenAlex's header may mean anything (a study design, a
    reviewer's label): it is not read as publication types, as before."""
    path = tmp_path / "sheet.csv"
    path.write_text(
        "Title,Year,DOI,Type\nGraded return to work,2021,10.1000/oa.9,dissertation\n",
        encoding="utf-8",
    )
    (record,) = imported_records(tmp_path, capsys, path)
    assert (record.publication_types, record_kind(record)) == ([], "")


def test_a_pmc_link_with_the_number_alone_is_the_pmcid_in_any_reader(tmp_path, capsys):
    """The one rule for links: a RIS record's link to PMC by the number alone (as OpenAlex's
    links are written) is its PMCID; a link to another NCBI page names nothing."""
    path = tmp_path / "links.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Graded return to work\nUR  - https://www.ncbi.nlm.nih.gov/pmc/articles/"
        "8000001/\nER  - \n\nTY  - JOUR\nTI  - Sick leave\nUR  - https://www.ncbi.nlm.nih.gov/pmc/"
        "journals/1234/\nER  - \n",
        encoding="utf-8",
    )
    records = imported_records(tmp_path, capsys, path)
    assert [r.pmcid for r in records] == ["PMC8000001", ""]


RAYYAN = (
    "key,title,authors,journal,issn,volume,issue,pages,year,month,day,publisher,pmc_id,"
    "pubmed_id,url,abstract,notes,doi,keywords\n"
    '1,Graded return to work,"Berg, T and Lund, E",Journal of Occupational Rehabilitation,'
    "1053-0487,31,2,200-210,2021,3,2,,PMC8000001,33000001,,An abstract.,"
    '"RAYYAN-INCLUSION: {""Kari""=>""Included""}",10.1000/ray.1,return to work\n'
    '2,Sick leave in a pandemic,"Hansen, P",Work,,70,,,2021,,,,8000002,,,,'
    '"RAYYAN-INCLUSION: {""Kari""=>""Excluded""}",,\n'
)


def test_rayyan_pmc_id_is_the_pmcid(tmp_path, capsys):
    """Rayyan's CSV names its PMCID column 'pmc_id', beside its 'pubmed_id' (read before)."""
    path = tmp_path / "rayyan.csv"
    path.write_text(RAYYAN, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [(r.pmid, r.pmcid) for r in records] == [("33000001", "PMC8000001"), ("", "PMC8000002")]
