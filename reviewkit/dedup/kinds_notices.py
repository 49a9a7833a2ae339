"""Replies titled with the article they answer.

Web of Science and Embase title a reply with the title it answers and the word after it
('Graded activity for back pain - Reply', '... AUTHORS REPLY', '... Response'); the reply is
often by the article's own authors, in the same journal and volume, on a page of its own.
titles.is_notice does not read a single trailing word as a notice (an ordinary title may end
in 'response': '... and treatment response'), so when an export drops the reply's page the
merging rules would take it for its article. The labelled sets keep such pairs apart in 11 of
13 (srsr, depression, digital_work, haematology); the 2 they join (haematology, a letter and
its reply by other authors) are queued now as before. A person decides.
"""

from __future__ import annotations

import re

from reviewkit.dedup.pair import TITLE_NEAR, Outcome, Pair
from reviewkit.dedup.score import title_similarity
from reviewkit.dedup.unplaced import to_person

# the last words of a folded title: 'reply', 'response', 'author(s) reply'
_REPLY_TAIL = re.compile(r"\s+(?:authors?\s+)?(?:reply|response)$")


def _reply_to(reply: str, article: str) -> bool:
    """The folded ``reply`` title is ``article``'s (or close to it) with a reply word after."""
    m = _REPLY_TAIL.search(reply)
    return (
        bool(m)
        and not _REPLY_TAIL.search(article)
        and (title_similarity(reply[: m.start()], article) >= TITLE_NEAR)
    )


def reply_titled_as_article(p: Pair) -> Outcome:
    """One title is the other's with 'Reply' or 'Response' after it, and a merging rule would
    take the pair: a reply and the article it answers (or the letter it answers); a person."""
    a, b = p.ka.title, p.kb.title
    if _reply_to(a, b) or _reply_to(b, a):
        return to_person(p)
    return None
