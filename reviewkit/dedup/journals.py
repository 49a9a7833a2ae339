"""Journal names as exporters degrade them: lower-cased without punctuation, an Ovid place
written after a space.

:func:`reviewkit.dedup.venue.journal_words` reads the punctuation of a journal field to find
where the journal's own name ends ('Circulation. Conference: American Heart Association ...',
'Obesity.18 (6) ()(pp 1260-1265) 2010'). Scopus, Web of Science and spreadsheet exports often
lower-case the field and strip its punctuation ('circulation conference american heart
association'), and some Embase exports put a space where Ovid puts the period
('NEUROPHARMACOLOGY 13 (7) ()(pp 591-594) 1974'); the helpers here find the same ends without
the punctuation.
"""

from __future__ import annotations

import re

# The word that opens a meeting's name after the journal's in an Embase field: 'Circulation.
# Conference: ...', 'Heart. Conference: British Atherosclerosis Society ...'. Stripped of
# punctuation the journal is still the words before it; 'supplement' opens a supplement's name.
MEETING_WORDS = frozenset({"conference", "congress", "meeting", "symposium", "supplement"})

# Ovid's place after the journal's name written with a space instead of the period: a volume
# number, then groups in brackets, then '(pp ...' or '(p. ...' ('NEUROPHARMACOLOGY 13 (7)
# ()(pp 591-594)', 'PSYC. 37 ()(p. 1-6)'). A journal's name never holds a bracketed page group.
_SPACED_PLACE = re.compile(r"\s+(?=\d+\s*(?:\([^)]*\)\s*)*\(\s*pp?\b)", re.I)


def cut_spaced_place(journal: str) -> str:
    """The journal's name before an Ovid place written after a space ('NEUROPHARMACOLOGY 13
    (7) ()(pp 591-594) 1974' -> 'NEUROPHARMACOLOGY'); the field unchanged without one."""
    return _SPACED_PLACE.split(journal, maxsplit=1)[0]


def meeting_name_added(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One journal's words are the other's followed by a meeting's or supplement's name
    (('circulation',) / ('circulation', 'conference', 'american', 'heart', ...)): the same
    journal, one record naming the congress whose abstracts it printed. A name that merely
    starts the other ('circulation' / 'circulation research') is not this."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return (
        0 < len(short) < len(long_)
        and long_[: len(short)] == short
        and long_[len(short)] in MEETING_WORDS
    )
