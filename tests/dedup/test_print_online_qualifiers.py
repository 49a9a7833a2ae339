"""One article under two databases' conventions (issue 14, dedup34): the NLM Catalog's
bracketed qualifier on a journal's name ('Lancet (London, England)') against WoS's or
Scopus's name without it, and a journal's printed summary against the whole article online
under 'E' pages in the same issue ('2556-2558' / 'E1924-E1934')."""

from __future__ import annotations

import pytest
from dedup.helpers import keys, verdict

from reviewkit.dedup.score import journal_match, journals_match
from reviewkit.dedup.venue import journal_qualifier, journal_words


@pytest.mark.parametrize(
    ("nlm", "other"),
    [
        ("Lancet (London, England)", "LANCET"),
        ("BMJ (Clinical research ed.)", "BMJ"),
        ("Obesity (Silver Spring, Md.)", "Obesity"),
        ("Journal of immunology (Baltimore, Md. : 1950)", "J Immunol"),
        ("Cerebral cortex (New York N.Y", "Cereb Cortex"),  # cut short with its qualifier
        ("Card. (Swi.", "Cardiology (Switzerland)"),
    ],
)
def test_the_nlm_qualifier_is_no_part_of_the_journal_name(nlm, other):
    assert journal_match(journal_words(nlm), journal_words(other)) is True


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Medicine (Baltimore)", "Medicine (Abingdon, England : UK ed.)"),  # Elsevier's
        ("Nursing (Lond)", "Nursing (Jenkintown)"),
        ("Chinese medical journal (Taipei)", "Chinese medical journal (Beijing)"),
        ("Medicine (Baltimore)", "Medicine (United Kingdom)"),
    ],
)
def test_two_qualifiers_that_name_two_places_say_nothing_either_way(a, b):
    assert journals_match(keys(1, journal=a), keys(2, journal=b)) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lancet (London, England)", "Lancet (Lond)"),
        ("Journal of immunology (Baltimore, Md. : 1950)", "J Immunol (Baltimore)"),
        ("BMJ (Clinical research ed.)", "BMJ (Online)"),  # a medium names no journal
        ("Physiology (Bethesda, Md.)", "Physiology"),  # one side only
    ],
)
def test_qualifiers_that_agree_or_one_alone_are_one_journal(a, b):
    assert journals_match(keys(1, journal=a), keys(2, journal=b)) is True


TWINS = dict(
    title="Nurse-led clinics for chronic wound care in the community: a survey of practice",
    authors=["Hughes, Anne", "Patel, Ravi"],
    year=1989,
    volume="3",
    issue="12",
)


def test_two_journals_of_one_name_need_more_than_the_name_to_merge():
    # same title and authors, one issue number, pages apart: only the journal's name made
    # these one place, and NLM's qualifiers say the names are two journals'
    uk = keys(1, journal="Nursing (Lond)", pages="552-555", **TWINS)
    us = keys(2, journal="Nursing (Jenkintown)", pages="41-44", **TWINS)
    assert verdict(uk, us)[0] != "duplicate"


@pytest.mark.parametrize(
    ("bare", "same_pages"),
    [("Nursing", False), ("NURSING", False), ("Nursing", True)],
)
def test_a_one_word_name_qualified_on_one_side_makes_no_place_of_two_ranges(bare, same_pages):
    # 'Nursing' names the London edition, the Jenkintown one or another: with the pages apart
    # the pair is a person's; with one page range the place is one whatever the journal
    uk = keys(1, journal="Nursing (Lond)", pages="552-555", **TWINS)
    other = keys(2, journal=bare, pages="552-555" if same_pages else "41-44", **TWINS)
    assert verdict(uk, other)[0] == ("duplicate" if same_pages else "uncertain")


def test_a_longer_name_qualified_on_one_side_still_joins_two_ranges():
    # a page slip in one issue under a name of several words: same_issue_other_page as before
    a = keys(1, journal="Journal of immunology (Baltimore, Md. : 1950)", pages="552-555", **TWINS)
    b = keys(2, journal="J Immunol", pages="525-555", **TWINS)
    assert verdict(a, b) == ("duplicate", "same_issue_other_page")


@pytest.mark.parametrize(
    ("capitals", "other"),
    [
        ("LANCET (LONDON, ENGLAND)", "Lancet"),
        ("JOURNAL OF IMMUNOLOGY (BALTIMORE, MD. : 1950)", "J Immunol"),
        ("BMJ (CLINICAL RESEARCH ED.)", "BMJ"),
        ("CEREBRAL CORTEX (NEW YORK, N.Y", "Cereb Cortex"),  # cut short
    ],
)
def test_the_nlm_qualifier_in_capitals_is_read_by_its_punctuation(capitals, other):
    assert journal_match(journal_words(capitals), journal_words(other)) is True
    assert journal_qualifier(capitals)  # read as NLM's, so it tells two journals apart


def test_two_qualifiers_in_capitals_that_name_two_places_say_nothing():
    a, b = keys(1, journal="MEDICINE (BALTIMORE, MD.)"), keys(2, journal="Medicine (Abingdon)")
    assert journals_match(a, b) is None


@pytest.mark.parametrize(
    "journal",
    [
        "PROC. 17TH INT. CONF. INF. SYST. (ICIS 2019)",
        "5TH EUROPEAN CONFERENCE ON PUBLIC HEALTH (MALTA 2012)",  # a meeting's place and year
        "55TH ANNUAL ALLERTON CONFERENCE ON COMMUNICATION, CONTROL, AND COMPUTING (ALLERTON)",
        "PSYCHOPHARMACOLOGY (BERL)",  # one word in capitals: an acronym as likely
    ],
)
def test_one_word_or_an_acronym_in_capitals_stays_part_of_the_name(journal):
    last = journal.rsplit("(", 1)[1].split()[0].strip(")").lower()
    assert journal_words(journal)[-1] == last


@pytest.mark.parametrize(
    "journal",
    [
        "Proc. 17th Int. Conf. Inf. Syst. (ICIS 2019, Munich)",
        "AMIA Annu Symp Proc (AMIA 2010, Washington, DC)",
    ],
)
def test_a_meetings_acronym_year_and_place_in_capitals_read_as_in_mixed_case(journal):
    """A meeting's acronym and year before a comma is no NLM qualifier, whose place comes
    first ('(London, England)', '(Baltimore, Md. : 1950)'): in capitals as in mixed case it
    stays part of the name."""
    assert journal_words(journal.upper()) == journal_words(journal)
    assert journal_qualifier(journal.upper()) == journal_qualifier(journal) == ()


@pytest.mark.parametrize(
    "journal",
    [
        "IEEE CONFERENCE ON COMPUTER VISION AND PATTERN RECOGNITION (CVPR, LONG BEACH)",
        "Annual Hawaii International Conference On System Sciences (Hicss)",  # HICSS recased
        "European Symposium on Pain Research (Vienna, Austria)",
    ],
)
def test_a_bracket_after_a_meetings_name_is_the_meetings_not_nlms(journal):
    """NLM qualifies serials' titles; after a conference's, congress's or symposium's name the
    bracket is the meeting's acronym or place, in capitals or not, and stays in the name."""
    assert journal_qualifier(journal) == ()
    last = journal.rsplit("(", 1)[1].split()[0].strip("),").lower()
    assert last in journal_words(journal)


def test_a_meetings_bracket_is_read_the_same_in_capitals():
    journal = "IEEE Conference on Computer Vision and Pattern Recognition (CVPR, Long Beach)"
    assert journal_words(journal.upper()) == journal_words(journal)


def test_a_journals_qualifier_before_a_meetings_name_is_still_nlms():
    # Embase puts the meeting after the journal: the journal's own qualifier is read as before
    journal = "Medicine (Baltimore).Conference: 12th Annual Meeting of the Society"
    assert journal_qualifier(journal) == ("baltimore",)


def test_an_acronym_in_brackets_stays_part_of_the_name():
    assert "icis" in journal_words("Proc. 17th Int. Conf. Inf. Syst. (ICIS 2019)")


@pytest.mark.parametrize(
    "journal",
    [
        "Acta neurologica Scandinavica (Supplement)",  # a supplement series: its own volumes
        "Journal of Clinical Psychiatry (Suppl)",
        "Chest (Meeting Abstracts)",
    ],
)
def test_a_supplement_or_abstracts_in_brackets_stays_part_of_the_name(journal):
    assert journal_words(journal)[-1] in ("supplement", "suppl", "abstracts")


FASEB = dict(journal="FASEB J", volume="20", issue="14")


def test_a_printed_summary_and_the_article_online_in_one_issue_merge():
    printed = keys(1, pages="2556-2558", **FASEB)
    online = keys(2, pages="E1924-E1934", **FASEB)
    assert verdict(printed, online) == ("duplicate", "same_issue_other_page")


def test_an_abstract_page_against_its_article_range_stays_apart():
    # an 'E' page of an abstracts section is shorter than the article: two places
    article = keys(1, pages="2556-2566", **FASEB)
    abstract = keys(2, pages="E19", **FASEB)
    assert verdict(article, abstract)[0] != "duplicate"


def test_online_pages_in_another_issue_stay_apart():
    printed = keys(1, pages="2556-2558", **FASEB)
    online = keys(2, pages="E1924-E1934", journal="FASEB J", volume="20", issue="15")
    assert verdict(printed, online)[0] != "duplicate"


PAPER = dict(
    title="Mitochondrial uncoupling protein two protects neurons against oxidative injury",
    authors=["Smith, John", "Jones, Kate", "Brown, Lee"],
    year=2012,
    journal="J Am Coll Cardiol",
    volume="59",
)


def test_a_meeting_abstract_in_a_supplement_to_the_issue_stays_apart():
    # a meeting's abstract on 'E' pages of the issue's supplement and the article in the issue
    abstract = keys(1, pages="E1234-E1236", issue="13 Suppl 1", **PAPER)
    article = keys(2, pages="2556-2557", issue="13", **PAPER)
    assert verdict(abstract, article)[0] != "duplicate"


def test_a_meeting_abstract_printed_in_the_issue_stays_apart():
    # the abstract's record names the meeting: neighbours in an abstracts section share titles
    meeting = "J Am Coll Cardiol. Conference: American College of Cardiology 61st Annual Session"
    abstract = keys(1, pages="2556-2557", issue="13", **{**PAPER, "journal": meeting})
    article = keys(2, pages="E1924-E1934", issue="13", **PAPER)
    assert verdict(abstract, article)[0] != "duplicate"
