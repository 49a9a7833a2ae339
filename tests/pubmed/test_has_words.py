"""The comment/correction filter words beyond Pitt HSLS's fourteen (fields.HAS_REFTYPES): each
finds the records with a CommentsCorrections link of its RefType, and no other, through the local
server's esearch, as the fourteen do (test_all_fields.test_comment_correction_filter_words)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pubmed.conftest import ServerFactory, set_pmid, write_set
from pubmed.eutils_get import ids, reply, warnings_of

from reviewkit import formats
from reviewkit.formats import pubmed_xml
from reviewkit.pubmed.fields import HAS_REFTYPES
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.records import Record

# The RefTypes of NLM's DTD (pubmed_250101) that the small snapshot's records do not carry,
# each with the word PubMed searches it by.
MORE = {
    "ExpressionOfConcernIn": "hasexpressionofconcernin",
    "ExpressionOfConcernFor": "hasexpressionofconcernfor",
    "AssociatedPublication": "hasassociatedpublication",
    "AssociatedDataset": "hasassociateddataset",
    "RetractedandRepublishedIn": "hasretractedandrepublishedin",
    "RetractedandRepublishedFrom": "hasretractedandrepublishedfrom",
    "SummaryForPatientsIn": "hassummaryforpatientsin",
    "OriginalReportIn": "hasoriginalreportin",
}


def _linked(article: bytes, reftype: str) -> bytes:
    """A real article with one more comment/correction link, as NLM writes it."""
    link = (
        f'<CommentsCorrectionsList><CommentsCorrections RefType="{reftype}">'
        f'<RefSource>J Test. 2020;1:1</RefSource><PMID Version="1">1</PMID>'
        "</CommentsCorrections></CommentsCorrectionsList>"
    ).encode()
    return article.replace(b"</MedlineCitation>", link + b"</MedlineCitation>", 1)


@pytest.fixture(scope="module")
def linked_snapshot(nlm_articles: dict[str, list[bytes]], tmp_path_factory: pytest.TempPathFactory):
    plain = [a for a in nlm_articles["update"][:40] if b"<CommentsCorrections " not in a][:20]
    made = [
        set_pmid(_linked(plain[i], reftype), str(99_000_001 + i)) for i, reftype in enumerate(MORE)
    ]
    path = write_set(tmp_path_factory.mktemp("has") / "linked.xml", plain + made)
    snapshot = Snapshot.open([Path(path)])
    yield snapshot
    snapshot.close()


@pytest.fixture
def linked_server(make_server: ServerFactory, linked_snapshot: Snapshot) -> EutilsServer:
    return make_server(linked_snapshot, rate_limits=None)


def test_every_word_is_a_has_word() -> None:
    assert {HAS_REFTYPES[t] for t in MORE} == set(MORE.values())


@pytest.mark.parametrize("reftype", sorted(MORE))
def test_each_link_type_finds_its_record_alone(linked_server: EutilsServer, reftype: str) -> None:
    word = MORE[reftype]
    assert ids(linked_server, word) == {str(99_000_001 + list(MORE).index(reftype))}
    reply = warnings_of(linked_server, word)
    assert f"<QueryTranslation>{word}[All Fields]</QueryTranslation>" in reply
    assert "PhraseNotFound" not in reply


# The MEDLINE tag of each link type, as PubMed Help's "PubMed Format" table names them (RRI,
# RRF, ECI, ECF, SPIN, ORI); DDIN ("Dataset described in") and DRIN ("Dataset use reported
# in") paired with AssociatedDataset and AssociatedPublication by the same labels as the
# has-words above (our reading: no NCBI document pairs the RefType with the tag).
TAGS = {
    "ExpressionOfConcernIn": "ECI",
    "ExpressionOfConcernFor": "ECF",
    "AssociatedPublication": "DRIN",
    "AssociatedDataset": "DDIN",
    "RetractedandRepublishedIn": "RRI",
    "RetractedandRepublishedFrom": "RRF",
    "SummaryForPatientsIn": "SPIN",
    "OriginalReportIn": "ORI",
}


@pytest.mark.parametrize("reftype", sorted(MORE))
def test_each_link_type_has_its_medline_tag(linked_server: EutilsServer, reftype: str) -> None:
    pmid = str(99_000_001 + list(MORE).index(reftype))
    status, body = reply(
        linked_server, "efetch", db="pubmed", id=pmid, rettype="medline", retmode="text"
    )
    assert status == 200
    tag = TAGS[reftype]
    assert f"\n{tag:<4}- J Test. 2020;1:1. PMID: 1\n" in body.decode()


def test_the_nbib_reader_keeps_the_links_a_review_checks_and_reads_the_others(
    linked_server: EutilsServer, tmp_path: Path
) -> None:
    """ECI/ECF are notices a review must check (formats.corrections.KEPT): read as the XML
    reader reads them. The other tags are read and not kept, as the XML reader does not keep
    their RefTypes: each record reads as it does with their lines taken out (a tag taken for a
    line of the field above it, or kept somewhere, would change it). It checked that the
    reader did not warn, which it cannot about a tag: it warns of years alone."""
    made = ",".join(str(99_000_001 + i) for i in range(len(MORE)))
    _, body = reply(
        linked_server, "efetch", db="pubmed", id=made, rettype="medline", retmode="text"
    )
    path = tmp_path / "links.nbib"
    path.write_bytes(body)
    read = {r.pmid: r for r in formats.read_file(path)}
    assert read.keys() == {str(99_000_001 + i) for i in range(len(MORE))}
    dropped = "|".join(TAGS[t] for t in MORE if TAGS[t] not in ("ECI", "ECF"))
    links = re.compile(rf"(?m)^(?:{dropped}) *- .*\n")
    text = body.decode()
    assert len(links.findall(text)) == len(MORE) - 2  # each record's link line, but ECI's, ECF's
    # NLM puts them after SB, a tag no record keeps: moved under the title too, where a link
    # read as a line of the field above would change the title
    under_title = "\n\n".join(_under_title(one, links) for one in text.split("\n\n"))
    without = _read(tmp_path / "without.nbib", links.sub("", text))
    for name, given in (
        ("as sent", read),
        ("under the title", _read(tmp_path / "moved.nbib", under_title)),
    ):
        for pmid, record in given.items():  # its file and raw lines aside: what it came from
            assert replace(record, raw="", origin="") == replace(
                without[pmid], raw="", origin=""
            ), (name, pmid)
    _, xml = reply(linked_server, "efetch", db="pubmed", id=made)
    for record in pubmed_xml.read(io.BytesIO(xml), "efetch"):
        assert read[record.pmid].comments_corrections == record.comments_corrections
    kept = {c.ref_type for r in read.values() for c in r.comments_corrections}
    assert kept == {"ExpressionOfConcernIn", "ExpressionOfConcernFor"}


def _under_title(record: str, links: re.Pattern[str]) -> str:
    """A MEDLINE record's ``links`` lines moved from where they are to under its title."""
    moved = "".join(links.findall(record))
    return re.sub(
        r"(?m)^TI  - .*\n(?: {6}.*\n)*",
        lambda m: m.group(0) + moved,
        links.sub("", record),
        count=1,
    )


def _read(path: Path, text: str) -> dict[str, Record]:
    """The records of MEDLINE ``text`` written at ``path``, by PMID."""
    path.write_text(text, encoding="utf-8")
    return {r.pmid: r for r in formats.read_file(path)}
