"""Trial registrations as CENTRAL and the registers' portals export them.

CENTRAL's record of a registration has a title, a year and the register's address for a
source ('https://clinicaltrials.gov/show/NCT01234567', 'http://www.isrctn.com/ISRCTN12345678'),
no authors, volume or pages; WHO's portal (ICTRP) writes 'TrialID=NCT01234567'; an export of
the register's own record may give its address as the URL (Zotero). Every register's numbers
are read as the catalogue of registers (:mod:`reviewkit.dedup.registers`) writes them. The
number is the record's identifier, as a PMID is a PubMed record's: a register gives a trial
one number, so one number is one registration exported twice (CENTRAL's record and the
portal's, their titles perhaps the brief and the official one), and two numbers are two
records: two trials of one sponsor whose titles differ in a phase, an arm or an age group
word, or the same trial in two registers. The second is one study but not one record: as
the Cochrane Handbook (chapter 4.6.2, 'collating multiple reports of the same study') asks,
records of one study are linked as a study (`reviewkit dedup studies`, shared registration
numbers), not merged as copies. A registration and the trial's journal article are two
reports of one study for the same reason; the rules after this one keep them apart (the
article has authors, a journal and pages the registration lacks).
"""

from __future__ import annotations

from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import TITLE_NEAR, Outcome, Pair
from reviewkit.dedup.populations import groups_apart
from reviewkit.dedup.score import DUPLICATE, NOT_DUPLICATE, UNCERTAIN

# The folded source words of a register's address, for a record without a number dedup can
# read (EU-CTR's search address, a register's home page). A register's name alone ('ISRCTN',
# 'ClinicalTrials.gov') is no registration: normalise reads it as no journal at all (a bare
# title; registers.is_register_name). Not derived from registers.py's catalogue on purpose:
# its hosts folded into journal words (dots and hyphens cut) give 60-odd words, among them
# 'trials' (controlled-trials.com: BMC's journal Trials), 'eu', 'gov', 'med' and 'who', which
# would make articles registrations; their first labels give 26 words, of every register; the
# portal's paths ('trialsearch', 'ictrp') are the only part that matches
# (registers._PORTAL_PATHS). These six are the words of the registrations' sources the
# registration rule was written for (ClinicalTrials.gov, ISRCTN, ANZCTR, EU CTR, WHO's portal);
# widening them to every register's first label would change what dedup merges.
_REGISTER_WORDS = frozenset(
    {"clinicaltrials", "isrctn", "clinicaltrialsregister", "anzctr", "trialsearch", "ictrp"}
)


def is_registration(k: Keys) -> bool:
    """A register's record: a registration number (:attr:`Keys.registration`, read from its
    source field, its register's address or its ISRCTN DOI; an article cites its trial's number
    in its abstract, never there) or a register's address as its source."""
    return bool(k.registration) or not _REGISTER_WORDS.isdisjoint(k.journal)


def registration_numbers(p: Pair) -> Outcome:
    """Both records are registrations with a number: one number is one registration
    (duplicate, whatever its two titles), two numbers are two records (not duplicates: two
    trials, or one trial in two registers, which a study link joins). A registration against a
    record that is none (the trial's article, its conference abstract) is another report of
    the study, never a copy of it: not duplicates either; against a bare title (no journal,
    volume or page) the later rules decide, a person at most."""
    a, registered_a = p.ka.registration, is_registration(p.ka)
    b, registered_b = p.kb.registration, is_registration(p.kb)
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
    # No number to read (a register's address without one): the title is all there is, and
    # sister trials' registrations share all but a word (a phase, an arm, an age group), so
    # as for any bare title (rules.title_only_record) a person decides at most, and the
    # groups part them as they part bare titles (population_differs): an age group, sex or
    # arm on one side, or two countries; a country on one side only is a sister trial (the
    # Japan study beside the global one) or one registration exported with and without it,
    # which the title cannot tell: a person sees it (it was kept apart, groups unequal).
    close = (
        p.t >= TITLE_NEAR
        and not p.numbers_differ
        and not groups_apart(p.ka.population, p.kb.population, thin=True)
    )
    return (UNCERTAIN if close else NOT_DUPLICATE), p.score
