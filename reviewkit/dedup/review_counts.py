"""What the duplicate review counts as decided: the pairs whose standing verdict a person gave.

The review screen said "decided" of its own session's verdicts (0 when reopened, whatever the
team had settled), while the conflicts screen's "resolved" counts every final decision at the
stage, every session's and every lead's. Both now count the project's state: what people have
settled, beside what is open, so the two screens' counts mean the same kind of thing and agree
with the project (``dedup report``, ``conflicts --list``) whoever reads them and whenever.
"""

from __future__ import annotations

from reviewkit.dedup.follow_ups import FOLLOWS_RE
from reviewkit.dedup.review import PERSON_VERDICTS
from reviewkit.store import duplicates as links
from reviewkit.store.db import Store


def decided_pairs(db: Store) -> int:
    """Pairs whose standing verdict (same or different) a person gave: in the review, its
    sheet, ``dedup merge`` or ``split``, by anyone, in any session; not the pairs a verdict
    closed with it (their link says whose it follows), and not a verdict undone since."""
    return sum(
        1
        for lk in links.current_person_links(db, PERSON_VERDICTS)
        if not FOLLOWS_RE.match(lk.reason)
    )
