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


def spaced_place(journal: str) -> str:
    """The Ovid place written after a space ('NEUROPHARMACOLOGY 13 (7) ()(pp 591-594) 1974' ->
    '13 (7) ()(pp 591-594) 1974'); '' without one."""
    m = _SPACED_PLACE.search(journal)
    return journal[m.end() :] if m else ""


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


# Web of Science writes a journal's name and its subtitle as one field joined by a hyphen, in
# capitals: 'JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION', 'ARTHROSCOPY-THE JOURNAL OF
# ARTHROSCOPIC AND RELATED SURGERY', where PubMed and Scopus give 'JAMA', 'Arthroscopy'. It
# writes a sister journal the same way ('NEUROIMAGE-CLINICAL', 'JACC-CARDIOVASCULAR
# INTERVENTIONS', 'NEUROLOGY-GENETICS'): another journal. Two subtitles name the first word's
# own journal: the words its letters stand for (JAMA, BMJ, JNCI, JAVMA, MLTJ), and a
# description opening with 'journal' ('The Journal of ...', 'An International Journal of ...').
# A sister journal's subtitle is its field, never either. The words are journal_words' (small
# words such as 'of', 'the' already gone). A subtitle in another language ('ENCEPHALE-REVUE DE
# PSYCHIATRIE ...') is not read: on srsr full it made one place of a pair the labels keep
# apart (Cottraux 1996, Encephale 22, 54-60, under two titles; same_place_and_authors merged
# it, a false merge where there was none), so 'revue' and its kin stay unread.
_DESCRIPTION_OPENERS = frozenset({"a", "an", "international", "official"})
_ARTICLES = frozenset({"a", "an"})


def subtitle_of_name(name: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``full`` is the one word of ``name`` followed by a subtitle that spells the word out or
    describes the journal ('jama' / 'jama journal american medical association'; 'arthroscopy'
    / 'arthroscopy journal arthroscopic related surgery'), not a sister journal's field
    ('neuroimage' / 'neuroimage clinical')."""
    if len(name) != 1 or len(full) < 3 or full[0] != name[0]:
        return False
    rest = full[1:]
    if len(name[0]) >= 2 and "".join(w[0] for w in rest) == name[0]:
        return True  # the initials, 'and' dropped: 'muscles ligaments tendons journal' (MLTJ)
    k = 0
    while k < len(rest) - 1 and rest[k] in _DESCRIPTION_OPENERS:
        k += 1
    # 'journal' with what it is of after it, two words or more: 'The Surgery Journal' is not
    # 'Surgery', 'Cell Journal (Yakhteh)' not 'Cell' ('Journal of Medicine' after QJM is lost).
    # Both near misses name a journal '<word> Journal ...', whose 'the' journal_words drops; an
    # article kept before 'journal' ('BRAIN-A JOURNAL OF NEUROLOGY', 'CORTEX-A JOURNAL ...')
    # opens a description, never a name, so one word of what it is of is enough after it.
    least = 2 if rest[0] in _ARTICLES else 3
    return rest[k] == "journal" and len(rest) - k >= least


def runs_into_subtitle(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """``long_`` reads as one word's journal with its subtitle (:func:`subtitle_of_name`) and
    ``short``, more than that word, stops inside the subtitle without being the word with a
    subtitle itself: 'cancer journal' (The Cancer Journal) against 'cancer journal american
    cancer society' (WoS's CANCER-JOURNAL OF THE AMERICAN CANCER SOCIETY, the journal Cancer).
    Such a start names another journal, '<word> Journal', not a truncated field; the whole
    name's own start ('american journal public health' / '... nations health') is not this."""
    return (
        1 < len(short) < len(long_)
        and subtitle_of_name(long_[:1], long_)
        and not subtitle_of_name(short[:1], short)
    )
