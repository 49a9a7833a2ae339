"""Preprint servers, one list for the readers and for dedup: their names, as a record gives its
server (a reference manager's Repository, a source or journal field), and their DOIs.

A reader takes a Zotero preprint exported as a generic RIS item for the preprint it is by
these (:func:`reviewkit.formats.kinds.zotero_preprint`), and a link to a server's page for its
DOI and server (:func:`preprint_page`); dedup sends a preprint and the journal article of the
same title to a person (:mod:`reviewkit.dedup.kinds_preprints`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

# The servers by name: medRxiv and bioRxiv, Research Square, SSRN, arXiv, OSF's servers
# (PsyArXiv, SocArXiv, EdArXiv, OSF Preprints), Preprints.org (also named 'Preprints'),
# ChemRxiv, TechRxiv, EarthArXiv, Authorea, JMIR Preprints, SciELO Preprints; and as NLM's
# catalogue abbreviates them, the source of a preprint's PubMed record (the NIH Preprint
# Pilot's servers): 'Res Sq' (PubMed cites 'Res Sq. 2022 Jun 29:rs.3.rs-1800050'); NLM writes
# the others' as their names ('medRxiv', 'bioRxiv', 'ArXiv', 'SSRN', 'ChemRxiv'), which are
# these names as they are compared (case and punctuation aside: formats.kinds)
SERVERS = (
    *("medRxiv", "bioRxiv", "Research Square", "Res Sq", "SSRN", "arXiv"),
    *("PsyArXiv", "SocArXiv", "EdArXiv", "OSF Preprints", "Preprints.org", "Preprints"),
    *("ChemRxiv", "TechRxiv", "EarthArXiv", "Authorea", "JMIR Preprints", "SciELO Preprints"),
)

# Their DOIs' starts, matched as a DOI is written ('10.1101/2021.03.01.21252700') and as
# dedup.identifiers.doi_key writes it (the suffix without punctuation: '10.1101/20210301…'):
# medRxiv and bioRxiv (10.1101 and a date or a six-digit number: Cold Spring Harbor's journals
# under the same prefix start with letters, 'gr.087698'), Research Square, SSRN, PsyArXiv and
# SocArXiv (10.31234, 10.31235), OSF Preprints (10.31219), Preprints.org, arXiv, JMIR
# Preprints, Authorea; and openRxiv's prefix, every bioRxiv and medRxiv DOI since 1 December
# 2025 ('10.64898/2026.01.01.123456': bioRxiv's news of 18 November 2025, 'Understanding DOIs
# for preprints'), which names nothing else
PREPRINT_DOI = re.compile(
    r"10\.1101/\d{4}\.?\d\d|10\.64898/|10\.21203/rs|10\.2139/ssrn|10\.3123[45]/|10\.31219/|"
    r"10\.20944/preprints|10\.48550/arxiv|10\.2196/preprints|10\.22541/au",
    re.IGNORECASE,
)


def preprint_doi(doi: str) -> bool:
    """Whether ``doi`` (as written or as dedup's key) is a preprint server's."""
    return PREPRINT_DOI.match(doi.strip()) is not None


# A preprint's page on medRxiv and bioRxiv: '/content/', its DOI, its version and the page
# ('/content/10.1101/2020.04.01.20050542v1.full', '….full.pdf', '…v2.supplementary-material');
# one DOI for all versions (bioRxiv's 'bioRxiv DOIs'); bioRxiv's DOIs before 11 December 2019
# are six digits ('10.1101/099994v1'), medRxiv's of 2019 eight ('10.1101/19001222v1')
_RXIV_HOSTS = {"medrxiv.org": "medRxiv", "biorxiv.org": "bioRxiv"}
_RXIV_PATH = re.compile(
    r"/content/(10\.(?:1101|64898)/(?:\d{4}\.\d\d\.\d\d\.)?\d{6,8})(?:v\d+)?(?:[./].*)?"
)
# arXiv's abstract, PDF and HTML pages ('/abs/2101.00001v2', '/pdf/2101.00001v2.pdf'), also by
# an old id ('/abs/hep-th/9901001'; a subject class, 'math.GT/0309136', is no part of it): the
# DOI arXiv registers for every article, one for all versions, is 10.48550/arXiv.<id>
_ARXIV_PATH = re.compile(
    r"/(?:abs|pdf|html)/(?:(\d{4}\.\d{4,5})|([a-z-]+)(?:\.[A-Z]{2})?/(\d{7}))(?:v\d+)?(?:\.pdf)?/?"
)
# SSRN's abstract page ('papers.ssrn.com/sol3/papers.cfm?abstract_id=3557504') and the short
# link printed on its papers ('ssrn.com/abstract=3557504'): its DOI is 10.2139/ssrn.<that id>
_SSRN_SHORT = re.compile(r"/abstract=(\d+)/?")
# Pages whose address holds an id but not the DOI, named by their server alone: Research
# Square's ('/article/rs-1800050/v1': its DOI, '10.21203/rs.3.rs-1800050/v1', has a part the
# link lacks), OSF's servers' ('osf.io/preprints/psyarxiv/abc12', the older 'psyarxiv.com/abc12':
# their DOIs have taken versions since 2024, '…/osf.io/abc12_v1', which a link may not name)
_RESEARCH_SQUARE_PATH = re.compile(r"/article/rs-\d+(?:/v\d+)?(?:/.*)?")
_OSF_SERVERS = {"psyarxiv": "PsyArXiv", "socarxiv": "SocArXiv", "edarxiv": "EdArXiv"}
_OSF_PATH = re.compile(r"/preprints/(psyarxiv|socarxiv|edarxiv|osf)/[a-z0-9]{5}(?:_v\d+)?/?")
_OSF_ID = re.compile(r"/[a-z0-9]{5}/?")


# the hosts above, for a caller that has parsed a link already ('www.' taken off)
PAGE_HOSTS = frozenset(
    (*_RXIV_HOSTS, "arxiv.org", "export.arxiv.org", "papers.ssrn.com", "ssrn.com")
    + ("researchsquare.com", "osf.io", *(f"{s}.com" for s in _OSF_SERVERS))
)
# a word of each of them ('medrxiv.org' holds 'rxiv'): a link without one anywhere (nearly every
# link: a DOI's, a publisher's) is no server's page, told without parsing it (ris.read asks of
# every link of a record)
_HOST_WORDS = ("rxiv", "ssrn", "researchsquare", "osf.io")
assert all(any(w in h for w in _HOST_WORDS) for h in PAGE_HOSTS)


def preprint_page(url: str) -> tuple[str, str]:
    """(server, DOI) of a link to a preprint's page on its server: ('medRxiv',
    '10.1101/2020.04.01.20050542'); ('Research Square', '') where the link names the preprint
    but not its DOI; ('', '') for any other link."""
    low = url.lower()
    if not any(word in low for word in _HOST_WORDS):
        return "", ""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:  # a malformed host ('http://[x'): names nothing
        return "", ""
    path = unquote(parts.path)
    if host in _RXIV_HOSTS and (m := _RXIV_PATH.fullmatch(path)):
        return _RXIV_HOSTS[host], m.group(1)
    if host in ("arxiv.org", "export.arxiv.org") and (m := _ARXIV_PATH.fullmatch(path)):
        return "arXiv", "10.48550/arXiv." + (m.group(1) or f"{m.group(2)}/{m.group(3)}")
    if host in ("papers.ssrn.com", "ssrn.com"):
        ids = parse_qs(parts.query).get("abstract_id", [])
        m = _SSRN_SHORT.fullmatch(path)
        number = m.group(1) if m else (ids[0].strip() if len(ids) == 1 else "")
        return ("SSRN", f"10.2139/ssrn.{number}") if number.isdigit() else ("", "")
    if host == "researchsquare.com" and _RESEARCH_SQUARE_PATH.fullmatch(path):
        return "Research Square", ""
    if host == "osf.io" and (m := _OSF_PATH.fullmatch(path)):
        return _OSF_SERVERS.get(m.group(1), "OSF Preprints"), ""
    if host.removesuffix(".com") in _OSF_SERVERS and _OSF_ID.fullmatch(path):
        return _OSF_SERVERS[host.removesuffix(".com")], ""
    return "", ""
