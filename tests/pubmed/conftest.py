"""Fixtures: small snapshots of real PubMed articles, and a local E-utilities server on them.

Indexing all 50,788 article records (50,783 articles) takes too long for unit tests, so the tests serve a few hundred
real articles cut verbatim from the NLM files (plus every return-to-work article of the 2021
update file), and hand-made articles where a test needs exact control.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import PROTOCOL_A

from reviewkit.offline_data import PUBMED_BASELINE, PUBMED_UPDATE
from reviewkit.offline_data import path as data_path
from reviewkit.project import init_project
from reviewkit.pubmed.client import PubMedClient
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot

ARTICLE_RE = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
TOPIC_RE = re.compile(
    rb"return to work|sick leave|sickness absence|vocational rehabilitation", re.I
)
HEAD = b'<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n'
TAIL = b"\n</PubmedArticleSet>\n"
BOOK_PMID = "20301546"


def real_articles(path: Path, first: int, topical: int = 0) -> list[bytes]:
    """The first ``first`` articles of an NLM file, plus up to ``topical`` return-to-work ones."""
    out: list[bytes] = []
    extra: dict[int, bytes] = {}
    buf, offset = b"", 0  # offset: position of buf in the whole file
    with gzip.open(path, "rb") as stream:
        while chunk := stream.read(1 << 23):
            buf += chunk
            cut = buf.rfind(b"</PubmedArticle>")
            if cut < 0:
                continue
            cut += len(b"</PubmedArticle>")
            if len(out) < first:
                out += [m.group(0) for m in ARTICLE_RE.finditer(buf, 0, cut)][: first - len(out)]
            for m in TOPIC_RE.finditer(buf, 0, cut):
                if len(extra) >= topical:
                    break
                start = buf.rfind(b"<PubmedArticle>", 0, m.start())
                if start >= 0 and offset + start not in extra:
                    extra[offset + start] = buf[
                        start : buf.index(b"</PubmedArticle>", m.start()) + 16
                    ]
            buf, offset = buf[cut:], offset + cut
            if len(out) >= first and len(extra) >= topical:
                break
    firsts = {pmid_of(a) for a in out}
    return out + [a for a in extra.values() if pmid_of(a) not in firsts]


def write_set(path: Path, articles: list[bytes], extra: bytes = b"") -> Path:
    path.write_bytes(HEAD + b"\n".join(articles) + extra + TAIL)
    return path


def set_pmid(article: bytes, pmid: str) -> bytes:
    """A copy of an article under another PMID (MedlineCitation and ArticleIdList)."""
    article = re.sub(
        rb'(<PMID Version="\d+">)\d+(</PMID>)',
        rb"\g<1>" + pmid.encode() + rb"\g<2>",
        article,
        count=1,
    )
    return re.sub(
        rb'(<ArticleId IdType="pubmed">)\d+(</ArticleId>)',
        rb"\g<1>" + pmid.encode() + rb"\g<2>",
        article,
    )


def pmid_of(article: bytes) -> str:
    m = re.search(rb'<PMID Version="\d+">(\d+)</PMID>', article)
    assert m
    return m.group(1).decode()


@pytest.fixture(scope="session")
def nlm_articles() -> dict[str, list[bytes]]:
    """Real articles: 'update' (2021 file, first 200 + 8 return-to-work ones), 'baseline' (1976-80)."""
    update = data_path("pubmed-snapshot", PUBMED_UPDATE)
    baseline = data_path("pubmed-snapshot", PUBMED_BASELINE)
    return {
        "update": real_articles(update, 200, topical=8),
        "baseline": real_articles(baseline, 150),
    }


@pytest.fixture(scope="session")
def small_files(
    nlm_articles: dict[str, list[bytes]], tmp_path_factory: pytest.TempPathFactory
) -> list[Path]:
    folder = tmp_path_factory.mktemp("snapshot")
    return [
        write_set(folder / "update-part.xml", nlm_articles["update"]),
        write_set(folder / "baseline-part.xml", nlm_articles["baseline"]),
    ]


@pytest.fixture(scope="session")
def small_snapshot(small_files: list[Path]) -> Iterator[Snapshot]:
    snapshot = Snapshot.open(small_files)
    yield snapshot
    snapshot.close()


ServerFactory = Callable[..., EutilsServer]


@pytest.fixture
def make_server() -> Iterator[ServerFactory]:
    """Start servers on 127.0.0.1 (ephemeral ports); all are stopped after the test."""
    started: list[EutilsServer] = []

    def make(snapshot: Snapshot, **options: object) -> EutilsServer:
        options.setdefault("rate_limits", None)
        server = EutilsServer(snapshot, **options).start()  # type: ignore[arg-type]
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def server(make_server: ServerFactory, small_snapshot: Snapshot) -> EutilsServer:
    """A local E-utilities server on the small real snapshot, no rate limit, no faults."""
    return make_server(small_snapshot)


def book_article() -> bytes:
    """metapub's real efetch reply for PMID 20301546, a GeneReviews chapter: its
    ``<PubmedBookArticle>`` element."""
    fixture = data_path("metapub-fixtures", f"tests/fixtures/pmid_xml/{BOOK_PMID}.xml")
    found = re.search(rb"<PubmedBookArticle>.*</PubmedBookArticle>", fixture.read_bytes(), re.S)
    assert found
    return found.group(0)


@pytest.fixture(scope="module")
def book_snapshot(
    nlm_articles: dict[str, list[bytes]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Snapshot]:
    """Five 2021 articles and a real book chapter: metapub's efetch reply for PMID 20301546,
    a GeneReviews chapter (``PubmedBookArticle``)."""
    # 2021 articles, whose PMIDs are above the book's: a search lists it last (newest first)
    articles = [a for a in nlm_articles["update"] if int(pmid_of(a)) > int(BOOK_PMID)][:5]
    path = write_set(tmp_path_factory.mktemp("book") / "book.xml", [*articles, book_article()])
    snapshot = Snapshot.open([Path(path)])
    yield snapshot
    snapshot.close()


@pytest.fixture
def book_server(make_server: ServerFactory, book_snapshot: Snapshot) -> EutilsServer:
    return make_server(book_snapshot, rate_limits=None)


def fast_client(server: EutilsServer, **options: object) -> PubMedClient:
    """A client for tests: fast rate and short backoff (the real defaults are NCBI's)."""
    defaults: dict[str, object] = {
        "rate": 500,
        "backoff": 0.001,
        "max_backoff": 0.01,
        "timeout": 5,
        "email": "librarian@example.org",
    }
    defaults.update(options)
    return PubMedClient(server.base_url, **defaults)  # type: ignore[arg-type]


def real_delete_citation(path: Path) -> bytes:
    """The DeleteCitation block of an NLM update file, verbatim (it sits at the end)."""
    tail = b""
    with gzip.open(path, "rb") as stream:
        while chunk := stream.read(1 << 23):
            tail = (tail + chunk)[-(1 << 20) :]
    start = tail.rindex(b"<DeleteCitation>")
    return tail[start : tail.index(b"</DeleteCitation>", start) + len(b"</DeleteCitation>")]


def review_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, searches: str = "") -> Path:
    """A project folder of Review A's protocol (its eight searches, plus ``searches``: TOML
    [[searches]] tables), with an e-mail for NCBI and no API key in the environment."""
    protocol = PROTOCOL_A
    if searches:
        protocol = tmp_path / "protocol.toml"
        protocol.write_text(PROTOCOL_A.read_text() + searches)
    init_project(tmp_path / "p", protocol).close()
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    return tmp_path / "p"


def delete_block(*pmids: str) -> bytes:
    """An NLM update file's DeleteCitation block for these PMIDs."""
    listed = "".join(f'<PMID Version="1">{p}</PMID>' for p in pmids)
    return f"<DeleteCitation>{listed}</DeleteCitation>".encode()
