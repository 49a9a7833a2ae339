"""The local server's EPost: a list of PMIDs stored on the history server, as NCBI's replies.

NBK25499, EPost: ``db`` and ``id`` (a comma-separated UID list) are required; ``WebEnv`` is
optional and names the environment that receives the list as a new query_key, otherwise EPost
makes a new WebEnv whose query_key 1 is the list. The set is then used by efetch and esummary
(``WebEnv`` + ``query_key``) and by esearch (``query_key``, ``#N``). NCBI Insights,
2022-09-13: "EPost will only be able to accept up to 10,000 PMIDs in a single URL request".

The replies as NCBI writes them, recorded by Biopython (Tests/Entrez): epost1.xml
(``epost(db="pubmed", id="11237011")``: the DOCTYPE of the epost 20090526 DTD with
``<ePostResult>`` on its line, a tab before ``QueryKey`` and ``WebEnv``), epost2.xml
(``db="nothing"``: :func:`reviewkit.pubmed.replies.error_reply`) and epost3.xml
(``id=99999999999999999999999999999999``: two ``ERROR`` elements, ``Empty ID list; Nothing to
store`` and ``Some IDs have invalid value and were omitted. Maximum ID value
18446744073709551615``, no newline before ``</ePostResult>``). Biopython reads
them from an ordinary ``Entrez.epost`` call, so NCBI sends them with HTTP 200.

Not recorded, our choices: an id that is not a number from 1 to 2^64 - 1 is invalid (the
message names the maximum; 0 is no PMID; :func:`reviewkit.pubmed.uids.uid`, as efetch reads
it); valid ids beside invalid ones are stored and the ``Some IDs …`` error follows
``WebEnv`` (the DTD's order: ``(QueryKey, WebEnv)?, ERROR?``); a PMID posted twice is kept
once (a history entry is a set of UIDs); a PMID the snapshot lacks is stored, and efetch and
esummary treat it as they treat one asked by ``id``; more than 10,000 PMIDs are refused, saying why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reviewkit.pubmed.uids import MAX_UID, uid

EPOST_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE ePostResult PUBLIC "-//NLM//DTD epost '
    '20090526//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20090526/epost.dtd">'
)
EMPTY_LIST = "Empty ID list; Nothing to store"
INVALID_IDS = f"Some IDs have invalid value and were omitted. Maximum ID value {MAX_UID}"
POST_CAP = 10_000  # NCBI Insights, 2022-09-13
TOO_MANY = (
    f"{{n:,}} PMIDs posted: EPost accepts up to {POST_CAP:,} PMIDs in one request (NCBI "
    "Insights, 2022-09-13), and what PubMed does with more is not documented, so the local "
    "server refuses them; post them in parts"
)


def epost_reply(ids: str, store: Callable[[list[int]], tuple[str, int]]) -> bytes:
    """EPost's reply to ``id`` = ``ids``; ``store`` keeps the PMIDs on the history server and
    returns (WebEnv, query_key)."""
    pmids, omitted = _posted_pmids(ids)
    if not pmids:
        return _refused([EMPTY_LIST] + ([INVALID_IDS] if omitted else []))
    if len(pmids) > POST_CAP:
        return _refused([TOO_MANY.format(n=len(pmids))])
    webenv, query_key = store(pmids)
    return _stored(query_key, webenv, omitted)


def _posted_pmids(value: str) -> tuple[list[int], bool]:
    """The PMIDs of EPost's ``id`` in the order given, each once, and whether an invalid id
    was left out (module docstring)."""
    pmids: dict[int, None] = {}
    omitted = False
    for token in value.split(","):
        if (pmid := uid(token)) is not None:
            pmids[pmid] = None
        elif token.strip():
            omitted = True
    return list(pmids), omitted


def _stored(query_key: int, webenv: str, omitted: bool) -> bytes:
    """The reply naming the stored set (epost1.xml), with NCBI's error after it when invalid
    ids were left out."""
    error = f"\n\t<ERROR>{INVALID_IDS}</ERROR>" if omitted else ""
    return (
        f"{EPOST_HEAD}<ePostResult>\n\t<QueryKey>{query_key}</QueryKey>\n"
        f"\t<WebEnv>{escape(webenv)}</WebEnv>{error}\n</ePostResult>\n"
    ).encode()


def _refused(errors: Sequence[str]) -> bytes:
    """A reply that stored nothing (epost3.xml's layout)."""
    body = "".join(f"\n\t<ERROR>{escape(text)}</ERROR>" for text in errors)
    return f"{EPOST_HEAD}<ePostResult>{body}</ePostResult>\n".encode()


def epost_error(text: str) -> bytes:
    """An <ERROR> reply to a request EPost cannot read (epost2.xml: ``Invalid db name``)."""
    return (
        f"{EPOST_HEAD}\n<ePostResult>\n\t<ERROR>{escape(text)}</ERROR>\n</ePostResult>\n".encode()
    )
