"""References have one full stop after each element, whatever punctuation the record brought."""

from __future__ import annotations

from reviewkit.records import Record
from reviewkit.reports.tables import reference


def test_initials_with_periods_give_no_double_period():
    rec = Record(
        title="Sick leave and return to work.",
        authors=["Smith J.", "Doe A.B.", "Berg, K.L."],
        journal="BMJ.",
        year=2020,
        volume="3",
        pages="1-9",
        pmid="123",
    )
    assert reference(rec) == (
        "Smith J, Doe AB, Berg KL. Sick leave and return to work. BMJ. 2020;3:1-9. PMID: 123"
    )
    assert ".." not in reference(rec)


def test_a_title_ending_in_a_question_mark_gets_no_period():
    rec = Record(title="Does coordination work?", authors=["Andersen, Lars L"], year=2019)
    assert reference(rec) == "Andersen LL. Does coordination work? 2019."


def test_an_issue_without_a_volume_keeps_its_parentheses():
    """Citing Medicine: no volume, the issue in parentheses after the year's ';'."""
    rec = Record(title="A supplement", journal="Scand J Work", year=2021, issue="2", pages="5-9")
    assert reference(rec) == "A supplement. Scand J Work. 2021;(2):5-9."
    assert reference(Record(title="Pages only", year=2021, pages="5-9")) == (
        "Pages only. 2021:5-9."
    )


def test_without_a_year_the_place_has_no_leading_separator():
    """No year to follow: 'J. 12(3):4-5.', not 'J. ;12(3):4-5.' (nor ';(3)', ':4-5')."""
    assert reference(Record(title="T", journal="J", volume="12", issue="3", pages="4-5")) == (
        "T. J. 12(3):4-5."
    )
    assert reference(Record(title="T", journal="J", issue="3")) == "T. J. (3)."
    assert reference(Record(title="T", journal="J", pages="4-5")) == "T. J. 4-5."
    assert reference(Record(title="T", journal="J")) == "T. J."


def test_initials_first_names_are_written_surname_first():
    """'A.G. de Boer' (a byline's order) was left as it was; Vancouver writes 'de Boer AG'."""
    rec = Record(title="T", authors=["A.G. de Boer", "Smith J Jr", "RTW Study Group"], year=2020)
    assert reference(rec) == "de Boer AG, Smith J Jr, RTW Study Group. T. 2020."


def test_a_particle_among_given_names_gives_no_initial():
    """PubMed writes FAU 'Barroso, Bárbara Iansã de Lima' as AU 'Barroso BIL'; the reference
    read 'Barroso BIdL' (found walking the README, task walk). A lower-case initial stays."""
    rec = Record(
        title="T",
        authors=["Barroso, Bárbara Iansã de Lima", "Santos, Maria da Silva", "Berg, K.l."],
        year=2021,
    )
    assert reference(rec) == "Barroso BIL, Santos MS, Berg Kl. T. 2021."
