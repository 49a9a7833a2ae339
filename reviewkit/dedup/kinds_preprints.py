"""Preprints and the journal articles they became.

A preprint server's record (medRxiv or bioRxiv, Research Square, SSRN, PsyArXiv and the other
OSF servers, Preprints.org, arXiv) and the journal article of the same title are two versions
of one work under two DOIs, a year or so apart. The labelled sets (bib-dedupe 0.7.2's ten)
hold no medRxiv, bioRxiv or Research Square record: their 10.1101 DOIs are Cold Spring
Harbor's journals (Genome Research, Learning & Memory), not preprints; their one working
paper, an SSRN copy of an ICIS paper in the same year under the same name, is labelled one
record with it. We follow that convention only as far as a person: the two are never merged
by themselves (the DOIs, the years and the venue differ, and a preprint's findings may change
before print), but where the rules would otherwise say 'two works' on the two DOIs alone, a
close title under agreeing authors goes to the queue for a person to join or keep apart.
"""

from __future__ import annotations

import re

from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import AUTHORS_AGREE, TITLE_CLOSE, Outcome, Pair
from reviewkit.dedup.score import UNCERTAIN

# DOIs as dedup.identifiers.doi_key writes them (suffix without punctuation): medRxiv and
# bioRxiv (10.1101 and a date or a number, digits only: Cold Spring Harbor's journals carry
# letters, 'gr87698'), Research Square, SSRN, OSF's servers (PsyArXiv 10.31234, OSF Preprints
# 10.31219, SocArXiv 10.31235), Preprints.org, arXiv, JMIR Preprints, Authorea.
_PREPRINT_DOI = re.compile(
    r"^(?:10\.1101/\d{6,}|10\.21203/rs|10\.2139/ssrn|10\.3123[45]/|10\.31219/|"
    r"10\.20944/preprints|10\.48550/arxiv|10\.2196/preprints|10\.22541/au)"
)
# Folded source names of the same servers (journal_words drops 'electronic journal' in part)
_PREPRINT_SERVERS = frozenset(
    {"medrxiv", "biorxiv", "ssrn", "psyarxiv", "socarxiv", "arxiv", "preprints", "authorea"}
)


def is_preprint(k: Keys) -> bool:
    """The record is a preprint server's: by its DOI or the server's name as its source."""
    return bool(_PREPRINT_DOI.match(k.doi)) or bool(
        k.journal and (k.journal[0] in _PREPRINT_SERVERS or k.journal[:2] == ("research", "square"))
    )


def preprint_and_article(p: Pair) -> Outcome:
    """One record a preprint, the other not, under two DOIs, the venues not one, a close
    title, authors that agree (or one list missing) and years at most two apart: a person
    decides. Asked just before doi_differs, which would keep them apart."""
    ka, kb = p.ka, p.kb
    if not p.doi_differs or is_preprint(ka) == is_preprint(kb) or p.jm is True:
        return None
    years_close = not (ka.year and kb.year) or abs(ka.year - kb.year) <= 2
    if p.t >= TITLE_CLOSE and years_close and (p.au is None or p.au >= AUTHORS_AGREE):
        return UNCERTAIN, p.score
    return None
