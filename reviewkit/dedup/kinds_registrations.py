"""Trial registrations as CENTRAL and the registers' portals export them.

CENTRAL's record of a registration has a title, a year and the register's address for a
source ('https://clinicaltrials.gov/show/NCT01234567', 'http://www.isrctn.com/ISRCTN12345678'),
no authors, volume or pages; WHO's portal (ICTRP) writes 'TrialID=NCT01234567'. The number is
the record's identifier, as a PMID is a PubMed record's: a register gives a trial one number,
so one number is one registration exported twice (CENTRAL's record and the portal's, their
titles perhaps the brief and the official one), and two numbers are two records: two trials
of one sponsor whose titles differ in a phase, an arm or an age group word, or the same
trial in two registers. The second is one study but not one record: as the Cochrane Handbook
(chapter 4.6.2, 'collating multiple reports of the same study') asks, records of one study are
linked as a study (`reviewkit dedup studies`, shared registration numbers), not merged as
copies. A registration and the trial's journal article are two reports of one study for the
same reason; the rules after this one keep them apart (the article has authors, a journal and
pages the registration lacks).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import TITLE_NEAR, Outcome, Pair
from reviewkit.dedup.score import DUPLICATE, NOT_DUPLICATE, UNCERTAIN

# A registration number as the folded source field holds it (one word, lower case): ClinicalTrials.gov,
# ISRCTN, ANZCTR, German (DRKS), Chinese (ChiCTR), Indian (CTRI, its slashes folded away),
# Japanese (UMIN, JPRN), Dutch (NTR, NL), Iranian (IRCT) and Pan African (PACTR) registers.
_NUMBER = re.compile(
    r"(?:nct\d{8}|isrctn\d{8}|actrn\d{14}|drks\d{8}|chictr[a-z]*\d{6,}|ctri\d{4}\d*|"
    r"umin\d{9}|jprn[a-z]*\d{6,}|ntr\d{3,}|nl\d{4,}|irct\d{6,}[a-z]*\d*|pactr\d{15})"
)


# The folded source words of a register's address or name, for a record without a number dedup
# can read (EU-CTR's 'eudract_number:2014-001234-12' loses its digits in the journal words).
_REGISTER_WORDS = frozenset(
    {"clinicaltrials", "isrctn", "clinicaltrialsregister", "anzctr", "trialsearch", "ictrp"}
)


# Asked for both records of every pair the rules compare (this rule comes fifth), and a set has
# few distinct journal fields: each is read once.
@lru_cache(maxsize=65536)
def _registration_of(journal: tuple[str, ...]) -> tuple[str, bool]:
    """(the registration number among a source field's folded words or '', whether the field
    is a register's: a number or a register's address)."""
    number = next((word for word in journal if _NUMBER.fullmatch(word)), "")
    return number, bool(number) or not _REGISTER_WORDS.isdisjoint(journal)


def registration_number(k: Keys) -> str:
    """The registration number in a record's source field (its folded journal words), '' if
    none: only a registry record carries one there (an article cites it in its abstract)."""
    return _registration_of(k.journal)[0]


def is_registration(k: Keys) -> bool:
    """A register's record: a registration number or a register's address as its source."""
    return _registration_of(k.journal)[1]


def registration_numbers(p: Pair) -> Outcome:
    """Both records are registrations with a number: one number is one registration
    (duplicate, whatever its two titles), two numbers are two records (not duplicates: two
    trials, or one trial in two registers, which a study link joins). A registration against a
    record that is none (the trial's article, its conference abstract) is another report of
    the study, never a copy of it: not duplicates either; against a bare title (no journal,
    volume or page) the later rules decide, a person at most."""
    a, registered_a = _registration_of(p.ka.journal)
    b, registered_b = _registration_of(p.kb.journal)
    if registered_a != registered_b:
        # A bare title (no journal, volume or page: Keys.thin) is no article: it may be the
        # registration exported without its source field (Zotero's ClinicalTrials.gov item,
        # a hand-made record); the rules after this one queue a bare title at most (one DOI
        # shared, as ISRCTN gives its records, is the one registration).
        other = p.kb if registered_a else p.ka
        return None if other.thin else (NOT_DUPLICATE, 0.0)
    if not registered_a:
        return None
    if a and b:
        return (DUPLICATE, 1.0) if a == b else (NOT_DUPLICATE, 0.0)
    # A number dedup cannot read (EU-CTR's address, 'ClinicalTrials.gov' alone): the title is
    # all there is, and sister trials' registrations share all but a word (a phase, an arm, an
    # age group), so as for any bare title (rules.title_only_record) a person decides at most.
    close = p.t >= TITLE_NEAR and not p.numbers_differ and p.ka.population == p.kb.population
    return (UNCERTAIN if close else NOT_DUPLICATE), p.score
