"""Parameters and URLs NBK25499 documents that the local server refused or did not know:
EFetch's sequence-only parameters (a PubMed record has no sequence to shape) and ECitMatch's
own URL, ecitmatch.cgi (reviewkit.pubmed.efetch, http_handler)."""

from __future__ import annotations

from pubmed.eutils_get import get, reply

from reviewkit.pubmed.server import EutilsServer


def test_efetch_answers_a_pubmed_request_with_sequence_parameters_as_without(
    server: EutilsServer,
) -> None:
    plain = reply(server, "efetch", db="pubmed", id="33756032")
    shaped = reply(
        server, "efetch", db="pubmed", id="33756032",
        strand="1", seq_start="1", seq_stop="10", complexity="1",
    )  # fmt: skip
    assert plain[0] == 200 and b"<PMID" in plain[1]
    assert shaped == plain
    # a parameter NBK25499 does not document for EFetch is still refused, named
    status, body = reply(server, "efetch", db="pubmed", id="33756032", seqstart="1")
    assert status == 400 and b"seqstart" in body


def test_ecitmatch_at_its_documented_url_is_said_not_served(server: EutilsServer) -> None:
    url = f"{server.base_url}ecitmatch.cgi?db=pubmed&rettype=xml&bdata=science|1987|235|182||k|"
    import urllib.error
    import urllib.request

    try:
        urllib.request.urlopen(url)
        raise AssertionError("ecitmatch answered")
    except urllib.error.HTTPError as exc:
        assert exc.code == 501
        assert exc.read().startswith(b"ecitmatch is not served by the local server")
    assert get(server, "esearch", term="cancer").startswith(b"<?xml")  # the others unchanged
