"""Preprints and the journal articles they became.

A preprint server's record (medRxiv or bioRxiv, Research Square, SSRN, PsyArXiv and the other
OSF servers, Preprints.org, arXiv …: formats.preprint_servers) and the journal article of the same title are two versions
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

from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import AUTHORS_AGREE, TITLE_CLOSE, Outcome, Pair
from reviewkit.dedup.score import UNCERTAIN
from reviewkit.dedup.venue import journal_words
from reviewkit.formats.preprint_servers import PREPRINT_DOI, SERVERS

# The servers' names as journal_words reads a record's source ('Research Square' ->
# ('research', 'square')), by their first word; their DOIs as doi_key writes them match
# PREPRINT_DOI too (the one list of servers: formats.preprint_servers)
_SERVER_WORDS: dict[str, list[tuple[str, ...]]] = {}
for _words in sorted({journal_words(s) for s in SERVERS}):
    _SERVER_WORDS.setdefault(_words[0], []).append(_words)


def is_preprint(k: Keys) -> bool:
    """The record is a preprint server's: by its DOI or the server's name as its source."""
    if PREPRINT_DOI.match(k.doi):
        return True
    names = _SERVER_WORDS.get(k.journal[0], ()) if k.journal else ()
    return any(k.journal[: len(words)] == words for words in names)


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
