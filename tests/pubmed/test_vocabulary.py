"""PubMed's [la] and [pt] vocabularies as NLM documents them (sources: the docstring of
reviewkit.pubmed.vocabulary): every value of the offline NLM records is known, a language is
found by NLM's name or code, publication types match in any case, a [pt] search includes its
narrower types and a renamed type's other name, and the local server says which type PubMed
may file under review[pt] that it did not include."""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from Bio import Entrez
from pubmed.conftest import ServerFactory, set_pmid, write_set
from pubmed.eutils_get import get

from reviewkit import offline_data
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.vocabulary import (
    LANGUAGES,
    is_language,
    is_publication_type,
    language_code,
    narrower_publication_types,
    nearest_language,
    unsettled_narrower,
)

LANGUAGE_RE = re.compile(rb"<Language>([^<]+)</Language>")
TYPE_RE = re.compile(rb"<PublicationType[^>]*>([^<]+)</PublicationType>")


def _chunks(path: Path) -> Iterator[bytes]:
    """The file in pieces cut at line ends (the elements sit on one line each)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as stream:
        tail = b""
        while chunk := stream.read(1 << 24):
            buf = tail + chunk
            cut = buf.rfind(b"\n") + 1
            yield buf[:cut]
            tail = buf[cut:]
        yield tail


@pytest.mark.slow
def test_every_language_and_type_of_every_offline_record_is_known() -> None:
    """Both NLM files of the snapshot (50,788 article records), its single-record file and metapub's
    216 efetch replies: every <Language> code and <PublicationType> is in the lists."""
    fixtures = offline_data.dataset_dir("metapub-fixtures") / "tests" / "fixtures" / "pmid_xml"
    sample = offline_data.path("pubmed-snapshot", offline_data.PUBMED_SAMPLE)
    files = [*offline_data.pubmed_snapshot_files(), sample]
    files += sorted(fixtures.glob("*.xml"))
    assert len(files) > 200, "metapub's fixtures are missing: reviewkit.offline_data fetch"
    codes: set[str] = set()
    types: set[str] = set()
    for path in files:
        for chunk in _chunks(path):
            codes.update(c.decode() for c in LANGUAGE_RE.findall(chunk))
            types.update(t.decode() for t in TYPE_RE.findall(chunk))
    assert {"eng", "ger", "rus", "jpn", "bul"} <= codes and len(types) > 30
    assert sorted(c for c in codes if c.lower() not in set(LANGUAGES.values())) == []
    assert sorted(t for t in types if not is_publication_type(t)) == []


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("english", "eng"),
        ("English", "eng"),
        ("ENG", "eng"),
        ("Greek, Modern", "gre"),  # NLM's table spells it so
        ("greek modern", "gre"),
        ("greek", "gre"),
        ("Persian, Iranian", "per"),
        ("Romanian, Rumanian, Moldovan", "rum"),
        ("Multiple languages", "mul"),
        ("norwegian", "nor"),
        ("nor", "nor"),
    ],
)
def test_a_language_is_known_by_nlm_name_or_code(written: str, code: str) -> None:
    assert language_code(written) == code and is_language(written)


def test_not_a_language_and_the_suggestion_is_nlm_spelling() -> None:
    assert language_code("englsh") is None and not is_language("norsk")
    assert nearest_language("greek modren") == "greek, modern"


@pytest.mark.parametrize(
    "value",
    [
        "Randomized Controlled Trial",
        "randomized controlled trial",
        "RANDOMIZED CONTROLLED TRIAL",
        "meta analysis",  # PubMed matches Meta-Analysis with the hyphen as a space
        "Collected Works",  # PubMed Help's 2021 list spells it so
        "Collected Work",
        "Publication Components",  # group headings of PubMed Help's list
        "Study Characteristics",
        "Support of Research",
    ],
)
def test_publication_types_pubmed_help_lists(value: str) -> None:
    assert is_publication_type(value)


@pytest.mark.parametrize(
    "value",
    ["Retraction Notice", "Retraction of Publication", "Scoping Review", "Network Meta-Analysis"],
)
def test_current_and_former_names_and_mesh_2025_types_are_known(value: str) -> None:
    assert is_publication_type(value)


def test_narrower_types_follow_nlm_indexing_course_at_any_depth() -> None:
    assert narrower_publication_types("randomized controlled trial") == (
        "Equivalence Trial",
        "Pragmatic Clinical Trial",
    )
    under_trial = narrower_publication_types("Clinical Trial")
    assert "Controlled Clinical Trial" in under_trial and "Equivalence Trial" in under_trial
    assert narrower_publication_types("review") == ()  # not settled: said, not searched
    assert unsettled_narrower("review") == ("Systematic Review",)
    assert narrower_publication_types("Systematic Review") == ()


def _with(article: bytes, pmid: str, *, language: str = "", types: tuple[str, ...] = ()) -> bytes:
    out = set_pmid(article, pmid)
    if language:
        out = re.sub(rb"<Language>\w+</Language>", f"<Language>{language}</Language>".encode(), out)
    if types:
        listed = "".join(f'<PublicationType UI="D0">{t}</PublicationType>' for t in types)
        out = re.sub(
            rb"<PublicationTypeList>.*?</PublicationTypeList>",
            f"<PublicationTypeList>{listed}</PublicationTypeList>".encode(),
            out,
            flags=re.S,
        )
    return out


def _search(server, term: str) -> tuple[list[str], str]:  # type: ignore[no-untyped-def]
    """(the ids, and every warning text of the reply)."""
    body = get(server, "esearch", term=term, retmax="100")
    reply = Entrez.read(io.BytesIO(body))
    return sorted(reply["IdList"]), body.decode()


@pytest.fixture
def vocab_server(
    make_server: ServerFactory, nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> Iterator[object]:
    """Seven records: English journal article, Greek, an RCT, a Review, a Systematic Review,
    an Equivalence Trial (under RCT), a Retraction of Publication (its name in NLM's files)."""
    article = nlm_articles["update"][0]
    records = [
        _with(article, "99000001", language="eng", types=("Journal Article",)),
        _with(article, "99000002", language="gre", types=("Journal Article",)),
        _with(article, "99000003", types=("Journal Article", "Randomized Controlled Trial")),
        _with(article, "99000004", types=("Journal Article", "Review")),
        _with(article, "99000005", types=("Journal Article", "Systematic Review")),
        _with(article, "99000006", types=("Journal Article", "Equivalence Trial")),
        _with(article, "99000007", types=("Retraction of Publication",)),
    ]
    snapshot = Snapshot.open([write_set(tmp_path / "vocab.xml", records)])
    try:
        yield make_server(snapshot)
    finally:
        snapshot.close()


def test_a_language_by_nlm_name_or_code_finds_the_same_records(vocab_server) -> None:  # type: ignore[no-untyped-def]
    english = _search(vocab_server, "english[la]")[0]
    assert english == _search(vocab_server, "eng[la]")[0] == _search(vocab_server, "ENG[la]")[0]
    assert "99000002" not in english and "99000001" in english
    for term in ('"greek, modern"[la]', "greek[la]", "gre[la]", "Greek, Modern[Language]"):
        assert _search(vocab_server, term)[0] == ["99000002"], term


def test_a_publication_type_in_any_case_finds_the_same_records(vocab_server) -> None:  # type: ignore[no-untyped-def]
    found = [
        _search(vocab_server, f"{t}[pt]")
        for t in (
            "randomized controlled trial",
            '"Randomized Controlled Trial"',
            "RANDOMIZED CONTROLLED TRIAL",
        )
    ]
    # with its narrower types (NLM's indexing course), as PubMed's Hierarchy Y field searches
    assert all(ids == ["99000003", "99000006"] for ids, _ in found)
    assert _search(vocab_server, "clinical trial[pt]")[0] == ["99000003", "99000006"]
    assert _search(vocab_server, "equivalence trial[pt]")[0] == ["99000006"]


def test_either_name_of_a_renamed_type_finds_its_records(vocab_server) -> None:  # type: ignore[no-untyped-def]
    """NLM's files say Retraction of Publication; PubMed now labels such records Retraction
    Notice (the vocabulary's docstring): a search with either name finds them."""
    assert _search(vocab_server, '"retraction notice"[pt]')[0] == ["99000007"]
    assert _search(vocab_server, "retraction of publication[pt]")[0] == ["99000007"]


def test_review_pt_says_it_left_out_systematic_reviews(vocab_server) -> None:  # type: ignore[no-untyped-def]
    """Which records review[pt] finds in PubMed no stored document settles (the vocabulary's
    docstring): the local server finds the records typed Review and says that PubMed may also
    find Systematic Review records, which it did not include."""
    ids, body = _search(vocab_server, "review[pt]")
    assert ids == ["99000004"]
    assert "does not include Systematic Review, which PubMed may find" in body
    ids, body = _search(vocab_server, '"systematic review"[pt]')
    assert ids == ["99000005"] and "may find" not in body
