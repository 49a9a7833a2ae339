"""The local server's efetch replies: records by id or from a history set, and NCBI's
``<ERROR>`` envelope with HTTP 400.

Sources. A PubMed efetch reply as Biopython's recorded ones have it (Tests/Entrez/pubmed1.xml,
pubmed2.xml, 2025): the XML declaration, the PubMedArticle DOCTYPE, ``<PubmedArticleSet>``, a
newline, the articles one after the other and ``</PubmedArticleSet>``. An efetch error is an
``eFetchResult`` envelope with HTTP 400, not 200 as esearch's: NCBI's reply to a retstart past
the end of a history set (``Cannot retrieve history data: OUT OF RANGE …``, HTTP 400, quoted in
pubmedR issue #7, massimoaria/pubmedR) and "EFetch's HTTP 400 ``<ERROR>`` envelopes"
(cyanheads/pubmed-mcp-server issue #155, whose tests keep NCBI's reply to ``id=00000000``
verbatim: ``<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch 20131226//EN" …>`` (NCBI's own
spelling of the root's name in the DOCTYPE), ``<eFetchResult>``, a tab, ``<ERROR>ID list is
empty! Possibly it has no correct IDs.</ERROR>``). The same envelope with other texts is quoted
by several public projects (``Unable to obtain query #1``, ``Cannot retrieve history data …``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from reviewkit.pubmed.medline_text import medline_text, uilist_text
from reviewkit.pubmed.replies import ESEARCH_HEAD, ReplyError
from reviewkit.pubmed.uids import uid

EFETCH_HEAD = (
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st '
    'January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
EFETCH_ERROR_STATUS = 400  # NCBI's status for every efetch <ERROR> envelope (module docstring)
NO_CORRECT_IDS = "ID list is empty! Possibly it has no correct IDs."
# NCBI's words for an efetch whose id is empty, as a live reply quoted in a public project's
# tests has them; whether NCBI sends them in the envelope is not recorded (ours does).
EMPTY_ID = "Supplied id parameter is empty."


TEXT = "text/plain; charset=UTF-8"
# NBK25499's EFetch "Optional Parameters – Sequence Databases": strand, seq_start, seq_stop,
# complexity. They shape a sequence record and mean nothing to a PubMed record, so a PubMed
# efetch sent with them answers as without (our reading: NCBI documents them for sequence
# databases and no refusal); the local server refused them as unknown parameters.
SEQUENCE_ONLY = frozenset({"strand", "seq_start", "seq_stop", "complexity"})
# NBK25499's Table 1, valid values of retmode and rettype for EFetch. All databases: Document
# summary (rettype=docsum, retmode=xml, the default), List of UIDs in XML (uilist, xml), List
# of UIDs in plain text (uilist, text). PubMed: text ASN.1 (retmode=asn.1), XML (retmode=xml,
# rettype null), MEDLINE (medline, text), PMID list (uilist, text), Abstract (abstract, text).
# Layouts: the document summary is ESummary's (a client written for NCBI, intermine's
# EntrezPublicationsRetriever, reads efetch's rettype=docsum with the same DocSum/Item reader
# as its esummary); the UID list in XML is ESearch's IdList (the one NCBI DTD with a list of
# UIDs; clients read its <Id> elements: NCBI2R's getListFromXML, PHP clients' '<Id>(.*)</Id>'),
# its root and DOCTYPE as esearch's: no recorded reply shows them (the audit says so). The
# abstract text's and ASN.1's layouts are documented nowhere NCBI writes (no recorded reply
# either): refused, saying so.
TEXT_FORMATS = ("medline", "uilist")
XML_FORMATS = {
    "": "xml",
    "xml": "xml",
    "abstract": "xml",
    "uilist": "uilist_xml",
    "docsum": "docsum",
}
SERVED = "XML, rettype=uilist or docsum as XML, rettype=medline or uilist with retmode=text"
ABSTRACT_REFUSED = (
    "rettype 'abstract' with retmode=text is not served by the local server: NCBI documents no "
    f"layout for it (served: {SERVED})"
)


def efetch_format(params: dict[str, str]) -> str:
    """'xml', 'uilist_xml', 'docsum', 'medline' or 'uilist' for this request's rettype and
    retmode (NBK25499's Table 1); others refused, naming what is served."""
    rettype, retmode = params.get("rettype", ""), params.get("retmode", "") or "xml"
    if retmode == "xml":
        if rettype in XML_FORMATS:  # abstract with XML: the XML (pm27)
            return XML_FORMATS[rettype]
        hint = "; use retmode=text" if rettype in TEXT_FORMATS else ""
        raise ReplyError(f"rettype {rettype!r} is not served as XML by the local server{hint}")
    if retmode != "text":
        raise ReplyError(
            f"retmode {retmode!r} is not supported by the local server; use xml or text"
        )
    if rettype in TEXT_FORMATS:
        return rettype
    if rettype == "abstract":
        raise ReplyError(ABSTRACT_REFUSED)
    raise ReplyError(
        f"rettype {rettype!r} with retmode=text is not served by the local server (use medline "
        "or uilist)"
    )


def efetch_text(kind: str, pmids: Sequence[int], found: dict[int, bytes]) -> bytes:
    """The text reply of :func:`efetch_format`'s ``kind`` ('medline' or 'uilist') for the
    ``pmids`` the snapshot holds (``found``: PMID -> XML), in the order asked."""
    pmids = [p for p in pmids if p in found]
    if kind == "medline":
        return medline_text(found[p] for p in pmids)
    return uilist_text(pmids)


def uilist_xml(pmids: Sequence[int], found: Collection[int]) -> bytes:
    """``rettype=uilist`` as XML: the ``pmids`` the snapshot holds (``found``), in the order
    asked, as ESearch's IdList (sources above; unknown ids left out, as the text list leaves
    them out)."""
    ids = "".join(f"<Id>{p}</Id>\n" for p in pmids if p in found)
    return f"{ESEARCH_HEAD}<eSearchResult>\n<IdList>\n{ids}</IdList>\n</eSearchResult>\n".encode()


def article_set(articles: Iterable[bytes]) -> bytes:
    """A PubmedArticleSet as NCBI frames it (pubmed1.xml): no whitespace between articles (an
    article keeps its own indentation, as the snapshot's file has it)."""
    body = b"".join(article.strip() for article in articles)
    return EFETCH_HEAD.encode() + b"<PubmedArticleSet>\n" + body + b"</PubmedArticleSet>"


def parse_ids(value: str) -> list[int]:
    """The PMIDs of efetch's ``id`` (comma-separated). A value that is no PMID (not ASCII
    digits, 0, past NCBI's maximum UID: :func:`reviewkit.pubmed.uids.uid`, EPost's rule too)
    is left out, as NCBI leaves out ids it cannot read; none left is NCBI's refusal. That NCBI
    drops a bad id beside good ones, rather than refusing the list, is our assumption:
    only the all-bad reply is recorded."""
    tokens = [t.strip() for t in value.split(",") if t.strip()]
    if not tokens:
        raise ReplyError(EMPTY_ID)
    pmids = [p for t in tokens if (p := uid(t)) is not None]
    if not pmids:
        raise ReplyError(NO_CORRECT_IDS)
    return pmids


def history_window(pmids: list[int], retstart: int, retmax: int, cap: int) -> list[int]:
    """Records retstart.. of a history set, as efetch serves them. Past the set's end:
    NCBI's reply (recorded in pubmedR issue #7). Past record ``cap`` (9,999): refused, and a
    window reaching past it ends there. NCBI documents the 10,000 limit for ESearch only
    (NBK25499; "&retstart + &retmax <= 10,000", NCBI Insights 2022-09-13); that efetch
    from a PubMed history set stops at the same place is our assumption, the one NCBI's
    EDirect makes (it reads a PubMed history set to record 9,999 and no further)."""
    if pmids and retstart >= len(pmids):
        raise ReplyError(
            f"Cannot retrieve history data: OUT OF RANGE. Parameter retstart={retstart} + 1 "
            "is greater than number of records available in history. History includes "
            f"{len(pmids)} IDs."
        )
    if retstart >= cap:
        raise ReplyError(
            f"Cannot fetch beyond record {cap} of a PubMed history set: 'retstart' "
            f"cannot be larger than {cap - 1} (the local server, as ESearch's limit; "
            "split the search into date ranges)"
        )
    return pmids[retstart : min(retstart + retmax, cap)]
