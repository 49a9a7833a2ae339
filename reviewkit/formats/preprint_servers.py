"""Preprint servers, one list for the readers and for dedup: their names, as a record gives its
server (a reference manager's Repository, a source or journal field), and their DOIs.

A reader takes a Zotero preprint exported as a generic RIS item for the preprint it is by
these (:func:`reviewkit.formats.kinds.zotero_preprint`); dedup sends a preprint and the
journal article of the same title to a person (:mod:`reviewkit.dedup.kinds_preprints`).
"""

from __future__ import annotations

import re

# The servers by name: medRxiv and bioRxiv, Research Square, SSRN, arXiv, OSF's servers
# (PsyArXiv, SocArXiv, EdArXiv, OSF Preprints), Preprints.org (also named 'Preprints'),
# ChemRxiv, TechRxiv, EarthArXiv, Authorea, JMIR Preprints, SciELO Preprints
SERVERS = (
    *("medRxiv", "bioRxiv", "Research Square", "SSRN", "arXiv"),
    *("PsyArXiv", "SocArXiv", "EdArXiv", "OSF Preprints", "Preprints.org", "Preprints"),
    *("ChemRxiv", "TechRxiv", "EarthArXiv", "Authorea", "JMIR Preprints", "SciELO Preprints"),
)

# Their DOIs' starts, matched as a DOI is written ('10.1101/2021.03.01.21252700') and as
# dedup.identifiers.doi_key writes it (the suffix without punctuation: '10.1101/20210301…'):
# medRxiv and bioRxiv (10.1101 and a date or a six-digit number: Cold Spring Harbor's journals
# under the same prefix start with letters, 'gr.087698'), Research Square, SSRN, PsyArXiv and
# SocArXiv (10.31234, 10.31235), OSF Preprints (10.31219), Preprints.org, arXiv, JMIR
# Preprints, Authorea
PREPRINT_DOI = re.compile(
    r"10\.1101/\d{4}\.?\d\d|10\.21203/rs|10\.2139/ssrn|10\.3123[45]/|10\.31219/|"
    r"10\.20944/preprints|10\.48550/arxiv|10\.2196/preprints|10\.22541/au",
    re.IGNORECASE,
)


def preprint_doi(doi: str) -> bool:
    """Whether ``doi`` (as written or as dedup's key) is a preprint server's."""
    return PREPRINT_DOI.match(doi.strip()) is not None
