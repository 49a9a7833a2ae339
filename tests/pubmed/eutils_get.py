"""Calls to the local E-utilities server over real HTTP, shared by the tests of what it
answers (they lived in test_fidelity.py and test_strategies.py, and test modules imported them
from there: a helper belongs to no one test module)."""

from __future__ import annotations

import io
import urllib.request
from urllib.error import HTTPError
from urllib.parse import urlencode

from Bio import Entrez
from lxml import etree

from reviewkit.formats import pubmed_xml
from reviewkit.pubmed.server import EutilsServer

# A stalled local server fails a test rather than hanging it; the time allowed is no measure
# (tests never assert timings): efetch of the whole test snapshot as MEDLINE text took over 5 s
# on the 2-core machine at a load of 12, and two tests failed for it alone.
_STALLED = 120


def reply(server: EutilsServer, utility: str, **params: str) -> tuple[int, bytes]:
    """(HTTP status, body) of one GET; an HTTP error's body too (efetch's <ERROR>: 400)."""
    url = f"{server.base_url}{utility}.fcgi?" + urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=_STALLED) as answer:
            return answer.status, answer.read()
    except HTTPError as exc:
        return exc.code, exc.read()


def get(server: EutilsServer, utility: str, **params: str) -> bytes:
    """The body of one GET (of an HTTP error's reply too)."""
    return reply(server, utility, **params)[1]


def esearch(server: EutilsServer, **params: str) -> dict:
    """An esearch of PubMed's reply as Biopython's Entrez reads it."""
    return Entrez.read(io.BytesIO(get(server, "esearch", db="pubmed", **params)))


def ids(server: EutilsServer, term: str) -> set[str]:
    """The PMIDs an esearch of ``term`` finds (up to 9,999)."""
    return set(esearch(server, term=term, retmax="9999")["IdList"])


def warnings_of(server: EutilsServer, term: str) -> str:
    """An esearch's reply as text: its warnings and errors, to look for one in."""
    return get(server, "esearch", db="pubmed", term=term).decode()


def fetched(server: EutilsServer, ids: list[str]) -> list:
    """The records efetch sends for ``ids``, as reviewkit's PubMed XML reader reads them."""
    body = get(server, "efetch", db="pubmed", id=",".join(ids))
    return list(pubmed_xml.read(io.BytesIO(body), "efetch"))


def mesh_pairs(xml: bytes) -> dict[str, set[tuple[str, str]]]:
    """PMID -> its (descriptor, qualifier) pairs, lower case, read from efetch XML."""
    out: dict[str, set[tuple[str, str]]] = {}
    for article in etree.fromstring(xml).iterfind("PubmedArticle"):
        pairs = out.setdefault(article.findtext(".//PMID") or "", set())
        for heading in article.iterfind(".//MeshHeading"):
            name = (heading.findtext("DescriptorName") or "").lower()
            pairs |= {(name, (q.text or "").lower()) for q in heading.findall("QualifierName")}
    return out
