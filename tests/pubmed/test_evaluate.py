"""The query evaluator on hand-made articles: one test per syntax element, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.errors import UserError
from reviewkit.pubmed.evaluate import Evaluator, UnsupportedQuery
from reviewkit.pubmed.snapshot import Snapshot


def article(
    pmid: int,
    title: str,
    *,
    abstract: str = "",
    authors: tuple[tuple[str, str, str], ...] = (),
    mesh: tuple[str, ...] = (),
    types: tuple[str, ...] = ("Journal Article",),
    lang: str = "eng",
    date: str = "<Year>2015</Year><Month>Mar</Month>",
    keywords: tuple[str, ...] = (),
    journal: str = "Test Journal",
) -> str:
    au = "".join(
        f"<Author><LastName>{a}</LastName><ForeName>{f}</ForeName><Initials>{i}</Initials></Author>"
        for a, f, i in authors
    )
    mh = "".join(f"<MeshHeading><DescriptorName>{m}</DescriptorName></MeshHeading>" for m in mesh)
    pt = "".join(f"<PublicationType>{t}</PublicationType>" for t in types)
    kw = "".join(f"<Keyword>{k}</Keyword>" for k in keywords)
    return (
        f'<PubmedArticle><MedlineCitation><PMID Version="1">{pmid}</PMID><Article>'
        f"<Journal><JournalIssue><PubDate>{date}</PubDate></JournalIssue><Title>{journal}</Title></Journal>"
        f"<ArticleTitle>{title}</ArticleTitle><Abstract><AbstractText>{abstract}</AbstractText></Abstract>"
        f"<AuthorList>{au}</AuthorList><Language>{lang}</Language><PublicationTypeList>{pt}</PublicationTypeList>"
        f"</Article><MeshHeadingList>{mh}</MeshHeadingList><KeywordList>{kw}</KeywordList></MedlineCitation>"
        "<PubmedData><ArticleIdList/></PubmedData></PubmedArticle>"
    )


ARTICLES = [
    article(
        1,
        "Return to work after sick leave",
        abstract="Vocational rehabilitation helps.",
        authors=(("Smith", "John A", "JA"),),
        mesh=("Return to Work", "Humans"),
        date="<Year>2011</Year><Month>Jan</Month><Day>5</Day>",
    ),
    article(
        2,
        "Work and health",
        abstract="We studied the return of patients to work.",
        authors=(("Smithson", "Anna", "A"),),
        mesh=("Employment",),
        date="<Year>2021</Year><Month>Dec</Month><Day>31</Day>",
    ),
    article(
        3,
        "Vocations rehabilitation in Norway",
        abstract="Sickness certification by GPs, not sick leave.",
        authors=(("Hansen", "Kari", "K"),),
        types=("Systematic Review",),
        lang="nor",
        date="<Year>2019</Year><Month>06</Month>",
    ),
    article(
        4,
        "Motivational interviewing for employment",
        abstract="Worker's compensation claims.",
        types=("Journal Article", "Meta-Analysis"),
        date="<MedlineDate>2010 Nov-Dec</MedlineDate>",
        keywords=("return to work",),
    ),
    article(
        5,
        "Cancer survivors",
        abstract="Cancer and employment.",
        mesh=("Neoplasms",),
        authors=(("Smith", "Jane", "J"),),
        lang="ger",
        date="<Year>2020</Year>",
    ),
    article(6, "No date here", abstract="employment"),
]


@pytest.fixture(scope="module")
def evaluator(tmp_path_factory: pytest.TempPathFactory) -> Evaluator:
    folder = tmp_path_factory.mktemp("handmade")
    path = folder / "handmade.xml"
    path.write_text(
        "<PubmedArticleSet>"
        + "".join(ARTICLES).replace("<Year>2015</Year><Month>Mar</Month>", "", 1)
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    return Evaluator(Snapshot.open([Path(path)]))


def hits(evaluator: Evaluator, query: str) -> list[int]:
    return sorted(evaluator.evaluate(query).pmids)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            '"return to work"',
            [1, 4],
        ),  # phrase: title of 1, keyword of 4; not 2 ("return of patients to work")
        ("return AND work", [1, 2, 4]),
        ("return work", [1, 2, 4]),  # adjacent terms are ANDed
        ("vocation*", [1, 3]),
        ('"vocation* rehabilitation"', [1, 3]),  # truncation inside a phrase
        ('"motivational interview*"', [4]),
        ('"sick* certification"', [3]),
        ('"worker\'s compensation"', [4]),
        ("cancer OR employment", [2, 4, 5, 6]),
        ("employment NOT cancer", [2, 4, 6]),
        ("employment OR cancer NOT work", [5, 6]),  # left to right: (employment OR cancer) NOT work
        ("employment OR (cancer NOT work)", [2, 4, 5, 6]),
        ("(employment OR cancer) AND health", [2]),
    ],
)
def test_text_syntax(evaluator: Evaluator, query: str, expected: list[int]) -> None:
    assert hits(evaluator, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("work[ti]", [1, 2]),
        ("rehabilitation[ab]", [1]),
        ('"return to work"[tiab]', [1, 4]),  # [tiab] includes author keywords
        ('"return to work"[ti]', [1]),
        ("smith[au]", [1, 5]),  # every Smith, not Smithson
        ("smith j[au]", [1, 5]),  # initials match as a prefix: Smith JA and Smith J
        ('"smith j"[au]', [5]),  # quotes turn author truncation off: Smith J only
        ('"smith ja"[au]', [1]),
        ('"smith john a"[au]', [1]),
        ('"return to work"[mh]', [1]),
        ("employment[mh]", [2]),
        ('"systematic review"[pt]', [3]),
        ("meta-analysis[pt]", [4]),
        ("english[la]", [1, 2, 4, 6]),
        ("nor[la]", [3]),
        ("2011:2019[dp]", [1, 3]),
        ("2011/01/06:2021/12/31[dp]", [2, 3, 5]),
        ("2010/11[dp]", [4]),
        ("2021[dp]", [2]),
        ("systematic[sb]", [3, 4]),
        ("employment AND 2010:2011[dp]", [4]),
    ],
)
def test_field_tags(evaluator: Evaluator, query: str, expected: list[int]) -> None:
    assert hits(evaluator, query) == expected


def test_translation_and_not_found(evaluator: Evaluator) -> None:
    result = evaluator.evaluate('"return to work" AND zzzqqq[ti] AND systematic[sb]')
    assert result.count == 0
    assert result.not_found == ["zzzqqq[ti]"]  # its tag as typed, as NCBI names it
    # a chain of one operator unbracketed, as NCBI writes it ("a"[All Fields] OR "b"[All
    # Fields] OR ... in Biopython's recorded esearch replies); a group inside stays bracketed
    assert (
        result.translation
        == '"return to work"[All Fields] AND "zzzqqq"[Title] AND systematic[Filter]'
    )
    grouped = evaluator.evaluate("(pain OR ache[ti]) AND work[tiab] NOT (back[ti] AND neck[ti])")
    assert grouped.translation == (
        '(("pain"[All Fields] OR "ache"[Title]) AND "work"[Title/Abstract]) NOT '
        '("back"[Title] AND "neck"[Title])'
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("nature[pa]", "[pa] is not supported"),
        ('"wom*n health"', "at least 4 characters before the first '*'"),
        ("medline[sb]", "[sb]"),
        ("2011:2020[vi]", "ranges on [vi]"),
        ("smith*[au]", "truncation is not supported on [au]"),
        # a name's initials truncated: the name's refusal and hint, not the stem's length
        ("smith j*[au]", "'smith j[au]' already matches every Smith J"),
        ("smith j*[ir]", "'smith j[ir]' already matches every Smith J"),
        ("smith jo*[fau]", "'smith john[fau]' already matches Smith, John A"),
        ("abc[dp]", "as a date (date - publication)"),
        ("2011/13:2012[dp]", "month 13"),
    ],
)
def test_refuses_what_it_cannot_evaluate(evaluator: Evaluator, query: str, message: str) -> None:
    with pytest.raises(UnsupportedQuery, match=None) as info:
        evaluator.evaluate(query)
    assert message in str(info.value)


def test_refuses_truncation_with_too_many_variants(
    evaluator: Evaluator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reviewkit.pubmed.wildcards.MAX_VARIANTS", 1)
    fresh = Evaluator(evaluator.snapshot)
    with pytest.raises(UnsupportedQuery, match="more than 1 variants"):
        fresh.evaluate('"work* rehabilitation"')


def test_a_word_of_a_name_alone_is_no_wildcard_variant(
    evaluator: Evaluator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Smith and Smithson are authors' names and in no title or abstract: 'smith*' inside a
    [tiab] phrase has no variant, so even a limit of one variant is not reached (when the
    index held the names' words, their two variants refused the search)."""
    monkeypatch.setattr("reviewkit.pubmed.wildcards.MAX_VARIANTS", 1)
    fresh = Evaluator(evaluator.snapshot)
    assert fresh.evaluate('"smith* rehabilitation"[tiab]').pmids == []
    assert fresh.evaluate("smith[au]").pmids  # the names are still searched, on their rows


def test_syntax_errors_are_user_errors(evaluator: Evaluator) -> None:
    with pytest.raises(UserError, match="bad PubMed query") as info:
        evaluator.evaluate('"return to work" AND (cancer')
    assert "^" in info.value.hint


def test_truncated_phrase_found_nowhere_is_named_as_written(evaluator: Evaluator) -> None:
    """'"dialogue meeting*"[tiab]' (Review B's workplace dialogue meetings): the '*' stays
    inside the quotes, where it was written, in the warning and in the note."""
    result = evaluator.evaluate('"dialogue meeting*"[tiab]')
    assert result.count == 0
    assert ("QuotedPhraseNotFound", '"dialogue meeting*"[tiab]') in result.warnings
    notes = [text for kind, text in result.warnings if kind == "OutputMessage"]
    assert any('quotes of "dialogue meeting*" (no hits)' in n for n in notes), notes
