"""Every NCBI message reaches the librarian and the log: ErrorList, WarningList, <ERROR>.

Recorded real replies (Biopython's Tests/Entrez) where they exist: esearch8.xml (PhraseNotFound
and OutputMessage), epost2.xml and esummary8.xml (<ERROR> bodies). FieldNotFound, PhraseIgnored
and QuotedPhraseNotFound have no recorded reply there: that reply is synthesised from
esearch8.xml's shape with the elements of NCBI's esearch DTD, and says so below.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from Bio import Entrez
from pubmed.conftest import fast_client, review_a_project
from pubmed.eutils_get import get
from pubmed.replay import Replay

from reviewkit import offline_data
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.pubmed.client import EntrezRefused, Message
from reviewkit.pubmed.server import EutilsServer, Fault
from reviewkit.searches import history, run_pmids

NCBI_RETSTART_ERROR = (  # the text NCBI sends for retstart past the cap (shape of its reply)
    "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
    "ESearch can only retrieve the first 9,999 records matching the query. To obtain more "
    "than that, please use EDirect."
)


def real(name: str) -> bytes:
    return offline_data.path("biopython-tests", f"Tests/Entrez/{name}").read_bytes()


def every_kind() -> bytes:
    """SYNTHESISED: esearch8.xml with an ErrorList and a WarningList holding every element
    NCBI's esearch DTD allows there, in the DTD's order."""
    body = real("esearch8.xml")
    start, end = body.index(b"<ErrorList>"), body.index(b"</eSearchResult>")
    return (
        body[:start]
        + b"<ErrorList><PhraseNotFound>abcXYZ</PhraseNotFound><FieldNotFound>xyz</FieldNotFound>"
        b"</ErrorList><WarningList><PhraseIgnored>and</PhraseIgnored>"
        b'<QuotedPhraseNotFound>"abc xyz"</QuotedPhraseNotFound>'
        b'<QuotedPhraseNotFound>"abc xyz"[mh]</QuotedPhraseNotFound>'
        b"<OutputMessage>No items found.</OutputMessage></WarningList>" + body[end:]
    )


def error_body(text: str) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" ?>\n<eSearchResult><ERROR>'
        + text.replace("'", "&apos;").encode()
        + b"</ERROR></eSearchResult>\n"
    )


@pytest.fixture
def replay() -> Iterator[list[bytes]]:
    """Replies to send, in order (the last one repeats); the server is ``replies.server``."""
    replies: list[bytes] = []
    server = Replay(lambda _e, _p: replies.pop(0) if len(replies) > 1 else replies[0])
    replies_server = _Replies(replies, server)
    yield replies_server
    server.close()


class _Replies(list):
    def __init__(self, replies: list[bytes], server: Replay) -> None:
        super().__init__()
        self.replies = replies
        self.server = server

    def client(self):  # type: ignore[no-untyped-def]
        from reviewkit.pubmed.client import PubMedClient

        return PubMedClient(
            self.server.base_url, email="x@example.org", rate=500, backoff=0.001, max_backoff=0.01
        )


def test_real_phrase_not_found_reply(replay) -> None:  # type: ignore[no-untyped-def]
    replay.replies.append(real("esearch8.xml"))
    result = replay.client().count("abcXYZ")
    assert result.messages == [
        Message("PhraseNotFound", "abcXYZ"),
        Message("OutputMessage", "No items found."),
    ]


def test_every_message_kind_is_read(replay) -> None:  # type: ignore[no-untyped-def]
    replay.replies.append(every_kind())
    kinds = [m.kind for m in replay.client().count("abcXYZ").messages]
    assert kinds == [
        "PhraseNotFound",
        "FieldNotFound",
        "PhraseIgnored",
        "QuotedPhraseNotFound",
        "QuotedPhraseNotFound",
        "OutputMessage",
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("epost2.xml", "Invalid db name specified: nothing"),
        ("esummary8.xml", "Neither query_key nor id specified"),
    ],
)
def test_real_error_bodies_are_refused_whole(replay, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    replay.replies.append(real(name))
    with pytest.raises(EntrezRefused) as info:
        replay.client().count("cancer")
    assert info.value.text == text
    assert len(replay.server.requests) == 1  # not retried


def test_retstart_error_is_not_retried_and_kept_whole(replay) -> None:  # type: ignore[no-untyped-def]
    replay.replies.append(error_body(NCBI_RETSTART_ERROR))
    with pytest.raises(EntrezRefused) as info:
        replay.client().esearch("cancer", retstart=9999)
    assert info.value.text == NCBI_RETSTART_ERROR  # every line
    assert len(replay.server.requests) == 1


def test_search_backend_failed_is_retried_like_a_5xx(replay) -> None:  # type: ignore[no-untyped-def]
    replay.replies += [
        error_body("Search Backend failed: read error: Connection reset by peer"),
        real("esearch1.xml"),
    ]
    assert replay.client().count("biopython").count == 63
    assert len(replay.server.requests) == 2


@pytest.mark.parametrize("endpoint", ["esearch", "efetch"])
def test_local_server_backend_fault_is_retried(server: EutilsServer, endpoint: str) -> None:
    server.faults.script(Fault("backend", endpoint=endpoint))
    client = fast_client(server)
    pmids = client.esearch("english[la]", retmax=5).ids
    assert [r.pmid for r in client.efetch_ids(pmids)] == pmids
    assert [r.fault for r in server.requests(endpoint)] == ["backend", ""]


def cli(*args: object) -> int:
    return main([str(a) for a in args])


def test_search_test_prints_every_kind(replay, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NCBI_EMAIL", "x@example.org")
    replay.replies.append(every_kind())
    assert cli("search", "test", "abcXYZ", "--base-url", replay.server.base_url) == 0
    out = capsys.readouterr().out
    for line in (
        "not found (E-utilities PhraseNotFound): abcXYZ",
        "field not found (E-utilities FieldNotFound): xyz",
        "ignored by PubMed (E-utilities PhraseIgnored): and",
        "quoted phrase not found (E-utilities QuotedPhraseNotFound; PubMed then ignores the"
        ' quotes and maps the words): "abc xyz"',
        # tagged, as NCBI names one: no mapping
        'quoted phrase not found (E-utilities QuotedPhraseNotFound): "abc xyz"[mh]',
        "the server says (E-utilities OutputMessage): No items found.",
    ):
        assert line in out


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return review_a_project(
        tmp_path,
        monkeypatch,
        '\n[[searches]]\nname = "warned"\nquery = "humans[mh] OR zzzqqq[ti]"\n'
        '\n[[searches]]\nname = "refused"\nquery = "nature[pa]"\n',
    )


def test_run_prints_stores_and_logs_every_message(
    project_dir: Path, server: EutilsServer, capsys: pytest.CaptureFixture
) -> None:
    """One wording of each message on the screen, in the run's history and in the search log:
    what it means, NCBI's element's name (PRISMA-S: the database's own words), its text."""
    url = server.base_url
    said = (
        "not found (E-utilities PhraseNotFound): zzzqqq[ti]\n",
        "the server says (E-utilities OutputMessage): humans[mh] not exploded",
    )
    assert cli("search", "run", "warned", "--base-url", url, "--project", project_dir) == 0
    out = capsys.readouterr().out
    assert all(line in out for line in said)
    assert cli("search", "run", "refused", "--base-url", url, "--project", project_dir) == 2
    capsys.readouterr()
    assert cli("search", "history", "warned", "--project", project_dir) == 0
    out = capsys.readouterr().out
    assert all(f"  {line}" in out for line in said)
    assert "ended:" in out and "local snapshot:      update-part.xml; baseline-part.xml" in out
    assert cli("search", "history", "refused", "--project", project_dir) == 0
    out = capsys.readouterr().out
    refused = "PubMed error (E-utilities ERROR): Invalid query: the field tag [pa] is not supported"
    assert refused in out
    assert "(supported: " in out  # the whole text, not its first part
    log = project_dir / "search-log.md"
    assert cli("search", "log", "--out", log, "--project", project_dir) == 0
    text = log.read_text()
    assert all(f"  {line}" in text for line in said) and refused in text
    assert "Adapted from: not recorded (adapted_from in the search's protocol table)" in text
    # each run's PMIDs, in rank order, as the CSV log had them (a refused run stored none)
    with open_project(project_dir) as project:
        (run,) = history(project.db, "warned")
        pmids = run_pmids(project.db, run.id)
    assert pmids and f"PMIDs in rank order ({len(pmids)}):" in text
    assert " ".join(text.split()).count(" ".join(pmids)) == 1
    assert "PMIDs:               none stored" in text


def test_a_term_found_nowhere_is_named_alone_as_ncbi_translates_it_and_inside_a_query(
    server: EutilsServer, capsys: pytest.CaptureFixture
) -> None:
    """Alone, NCBI's recorded reply (esearch8) translates the word unquoted in brackets; inside
    a larger query the term is named, and the server says what it did with it (PubMed does not
    document whether it drops such a term)."""
    real_reply = Entrez.read(io.BytesIO(real("esearch8.xml")))
    ours = Entrez.read(io.BytesIO(get(server, "esearch", term="abcXYZ")))
    assert ours["QueryTranslation"] == real_reply["QueryTranslation"] == "(abcXYZ[All Fields])"
    assert cli("search", "test", "english[la] AND zzzqqq[ti]", "--base-url", server.base_url) == 0
    out = capsys.readouterr().out
    # named with its tag as typed, as NCBI's recorded replies name a tagged term (q44c)
    assert "count: 0" in out and "not found (E-utilities PhraseNotFound): zzzqqq[ti]\n" in out
    assert "zzzqqq[ti] found nothing; the local server kept it in the query as written" in out


# efetch's own passing fault, as NCBI sent it (manubot/manubot#374, 2024-10: the same efetch
# answered whole on the next try), with HTTP 200 or 400 (cyanheads/pubmed-mcp-server#153)
NCBI_VIEWER_TIMEOUT = (
    b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch'
    b' 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n'
    b"<eFetchResult>\n\t<ERROR> Error: External viewer error: Empty Response. Bytes read: 0"
    b" Status: Timeout</ERROR>\n</eFetchResult>\n"
)


@pytest.mark.parametrize("status", [200, 400])
def test_efetch_viewer_timeout_is_retried_like_a_5xx(replay, status: int) -> None:  # type: ignore[no-untyped-def]
    replay.replies += [(status, NCBI_VIEWER_TIMEOUT), real("pubmed2.xml")]
    pmids = ["11748933", "11700088"]  # pubmed2.xml's two articles
    assert [r.pmid for r in replay.client().efetch_ids(pmids)] == pmids
    assert len(replay.server.requests) == 2
