"""Identifiers in URLs: a link that names one article's DOI, PMID or PMCID gives that identifier.

Reference managers often keep an article's identifier only as a link: EndNote stores
'http://www.ncbi.nlm.nih.gov/pubmed/12345678' in a record imported from PubMed, Zotero and
Google Scholar a 'https://doi.org/10.…' link in the URL field, RIS exports put either in UR
or L2. A link is read as an identifier only on the resolver and database hosts whose paths *are*
the identifier (doi.org and its older name dx.doi.org, PubMed, PMC, Europe PMC's MED and PMC
articles, and Entrez's old single-id 'list_uids' link), and on any host an OpenURL (ANSI/NISO
Z39.88, the link to a library's link resolver that Embase.com, Ovid and ProQuest write in each
record: 'sfx.….nl/utrecht?sid=EMBASE&id=doi:10.1002%2Fcncr.20369&atitle=…'), whose 'id=doi:'
(version 0.1) or 'rft_id=info:doi/' (1.0) names the article the link describes, as do
'pmid:' and 'info:pmid/'; the resolver's host varies by library, so its parameters, not its
host, tell it. A publisher's page ('…/doi/10.1002/…') is not read: its path may name a
supplement, a figure or another work (the Cochrane Library's link to a CENTRAL entry,
'…/central/doi/10.1002/central/CN-01234567/full', holds the DOI of the CENTRAL entry, not of
the trial's article), and a wrong DOI merges records in dedup. A preprint server's page is
read where its address gives the preprint's DOI (medRxiv's and bioRxiv's '/content/10.1101/…',
arXiv's id, SSRN's abstract id: :func:`reviewkit.formats.preprint_servers.preprint_page`), for
a record that may be that preprint only (a journal's article linked to its preprint keeps its
own DOI). Any other URL names nothing we know and stays only a URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from reviewkit.formats.kinds import may_be_preprint
from reviewkit.formats.preprint_servers import PAGE_HOSTS, preprint_page
from reviewkit.records import Record, clean_doi, normalise_doi, normalise_pmcid, normalise_pmid

_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
_NCBI_HOSTS = {"www.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov"}
_PUBMED_PATH = re.compile(r"/(\d{1,9})/?")  # pubmed.ncbi.nlm.nih.gov/12345678/
_NCBI_PUBMED_PATH = re.compile(r"/(?:m/)?pubmed/(\d{1,9})/?", re.IGNORECASE)
# the article's PMCID, or its number alone: OpenAlex writes its PMCID links so
# ('https://www.ncbi.nlm.nih.gov/pmc/articles/5815332', a Work's ids.pmcid), which PMC serves as
# PMC5815332
_PMC_PATH = re.compile(r"/(?:pmc/)?articles/((?:PMC)?\d+)/?(?:pdf(?:/.*)?)?", re.IGNORECASE)
_EUROPEPMC_PATH = re.compile(r"/(?:article|abstract)/(MED|PMC)/(\w+)/?", re.IGNORECASE)
_ENTREZ_PATHS = ("/entrez/query.fcgi", "/sites/entrez")


def url_identifiers(url: str, *, preprint: bool = True) -> dict[str, str]:
    """The identifiers one URL names: {'doi': …} / {'pmid': …} / {'pmcid': …}, or {}. With
    ``preprint`` False (a journal's article: :func:`reviewkit.formats.kinds.may_be_preprint`)
    a preprint server's page names nothing: it is the page of the article's preprint."""
    text = url.strip().rstrip(".,;")
    if not re.match(r"https?://", text, re.IGNORECASE):
        return {}
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:  # a malformed host ('http://[x'): names nothing
        return {}
    path = unquote(parts.path)
    if host in _DOI_HOSTS:
        # a SICI DOI may end in its check character '#' (Wiley's '…3.0.CO;2-#'), which a link
        # copied as printed leaves unescaped: it is the DOI's end, not a fragment (a DOI link
        # has none; the DOI Handbook asks '#' in a DOI link to be escaped, not every link is)
        doi = path.lstrip("/") + (f"#{unquote(parts.fragment)}" if "#" in text else "")
        return {"doi": clean_doi(doi)} if doi.startswith("10.") else {}
    if host == "pubmed.ncbi.nlm.nih.gov":
        return _pmid(_PUBMED_PATH.fullmatch(path))
    if host == "pmc.ncbi.nlm.nih.gov" or (host in _NCBI_HOSTS and path.lower().startswith("/pmc/")):
        m = _PMC_PATH.fullmatch(path)
        return {"pmcid": normalise_pmcid(m.group(1))} if m else {}
    if host in _NCBI_HOSTS and path.lower().startswith(_ENTREZ_PATHS):
        return _entrez(parts.query)
    if host in _NCBI_HOSTS:
        return _pmid(_NCBI_PUBMED_PATH.fullmatch(path))
    if found := _openurl(parts.query):
        return found
    if host in ("europepmc.org", "www.europepmc.org"):
        m = _EUROPEPMC_PATH.fullmatch(path)
        if m and m.group(1).upper() == "MED":
            return _pmid(m, 2)
        if m and m.group(2).upper().startswith("PMC"):
            return {"pmcid": normalise_pmcid(m.group(2))}
    if preprint and host.removeprefix("www.") in PAGE_HOSTS:  # a preprint's page: its DOI
        _server, doi = preprint_page(text)
        return {"doi": doi} if doi else {}
    return {}


def _pmid(match: re.Match[str] | None, group: int = 1) -> dict[str, str]:
    """A PMID by the one rule (records.normalise_pmid: at most 8 digits), or {}."""
    pmid = normalise_pmid(match.group(group)) if match else ""
    return {"pmid": pmid} if pmid else {}


def _entrez(query: str) -> dict[str, str]:
    """Entrez's old link to one PubMed record ('query.fcgi?cmd=Retrieve&db=PubMed&
    list_uids=12345'): a PMID only when the link names PubMed and one id."""
    params = {k.lower(): v for k, v in parse_qs(query).items()}
    if [d.lower() for d in params.get("db", [])] != ["pubmed"]:
        return {}
    uids = params.get("list_uids", [])
    return _pmid(re.fullmatch(r"(\d+)", uids[0].strip())) if len(uids) == 1 else {}


# an OpenURL's identifier of its referent: 0.1's 'id=doi:…', 1.0's 'rft_id=info:doi/…'
_OPENURL_ID = re.compile(r"(?:info:(doi|pmid)/|(doi|pmid):)(.+)", re.IGNORECASE)


def _openurl(query: str) -> dict[str, str]:
    """The DOI and PMID an OpenURL's query names (each only when it names one), or {}."""
    params = {k.lower(): v for k, v in parse_qs(query).items()}
    found: dict[str, set[str]] = {}
    for value in (*params.get("id", []), *params.get("rft_id", [])):
        if m := _OPENURL_ID.fullmatch(value.strip()):
            kind = (m.group(1) or m.group(2)).lower()
            ident = clean_doi(m.group(3)) if kind == "doi" else normalise_pmid(m.group(3))
            if ident and (kind != "doi" or ident.startswith("10.")):
                found.setdefault(kind, set()).add(ident)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def take_url_identifiers(record: Record, urls: Iterable[str] = ()) -> Record:
    """``record`` with the DOI, PMID and PMCID its URLs name (its own ``url`` and ``urls``,
    a reader's other link fields), each only where the record has none: a record's own
    identifier is kept when a link names another (the link may be to a commentary or an
    erratum), without a word. Links naming two different DOIs (or PMIDs, PMCIDs) give none of
    that kind: one of them is another work's (a commentary, an erratum), and a wrong
    identifier would merge the record with that work in dedup. A preprint server's page names
    the record only where the record may be that preprint (its journal none or a server)."""
    preprint = may_be_preprint(record.journal)
    # per kind, each identifier by its folded form (one DOI linked in two cases is one DOI)
    found: dict[str, dict[str, str]] = {}
    for value in (record.url, *urls):
        for url in value.split():  # a field holding several links, one per line or space
            for key, ident in url_identifiers(url, preprint=preprint).items():
                folded = normalise_doi(ident) if key == "doi" else ident
                found.setdefault(key, {}).setdefault(folded, ident)
    for key, idents in found.items():
        if len(idents) == 1 and not getattr(record, key):
            setattr(record, key, next(iter(idents.values())))
    return record
