"""The rule for one article under two DOIs that differ only in the publisher's prefix.

A journal that changes publisher often has its back issues registered again under the new
publisher's prefix with the suffix kept ('10.3109/15622970903131597' at Informa,
'10.1080/15622970903131597' at Taylor & Francis), and databases indexed the article under
either. Two DOIs are otherwise two works (:func:`reviewkit.dedup.rules.doi_differs`); one
long suffix is the same article's (:func:`reviewkit.dedup.identifiers.moved_doi`), so the
pair is judged as if it had one DOI whose record lacks a field: title and the other fields
must agree. DOIs one character apart are not of this kind: consecutive items of one issue
('…222230100' / '…222230200', three editorials) differ in just that way.
"""

from __future__ import annotations

from reviewkit.dedup.identifiers import moved_doi
from reviewkit.dedup.pair import TITLE_NEAR, Outcome, Pair
from reviewkit.dedup.score import DUPLICATE


def doi_moved_publisher(p: Pair) -> Outcome:
    """Merge two records whose DOIs share one long suffix under two prefixes when the titles
    agree (a subtitle or heading aside) and no other field contradicts: not two numbered
    parts, not a notice against its article. Otherwise the later rules judge the pair."""
    ka, kb = p.ka, p.kb
    if not (p.doi_differs and moved_doi(ka.doi, kb.doi)):
        return None
    if p.t >= TITLE_NEAR and p.conflicts == 0 and not p.numbers_differ and ka.notice == kb.notice:
        return DUPLICATE, max(p.score, 0.9)
    return None
