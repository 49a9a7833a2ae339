"""An age word names the older band only where it is not part of another age: 'middle-aged',
'reproductive-aged' and '18-23-year-old' name their own ages, not old age."""

from __future__ import annotations

from dedup.helpers import NO_PLACE, keys, verdict

TRIAL = "Sertraline for depression with chronic back pain: a randomised controlled trial"


def bare(i: int, title: str):
    """A registration: a title, authors and a year, no journal or place."""
    return keys(i, title=title, journal="", **NO_PLACE)


def test_middle_aged_is_not_older():
    # sister registrations: one for middle-aged women, one for older women (other people)
    middle, older = bare(1, f"{TRIAL} in middle-aged women"), bare(2, f"{TRIAL} in older women")
    assert verdict(middle, older) == ("not_duplicate", "population_differs")
    assert "older" not in keys(3, title=f"{TRIAL} in middle aged adults").population


def test_an_age_given_in_years_or_by_a_compound_names_no_older_group():
    # one registration retitled: the age in years or by a compound, then as a phrase; both
    # name women and no older group, so the population does not decide (the titles do)
    for one, two in (
        ("18-23-year-old women", "women aged 18 to 23 years"),
        ("65 year old men", "men aged 65 years"),
        ("reproductive-aged women", "women of reproductive age"),
        ("premenopausal aged women", "premenopausal women"),
    ):
        a, b = bare(1, f"{TRIAL} in {one}"), bare(2, f"{TRIAL} in {two}")
        assert a.population == b.population, (one, two)
        assert verdict(a, b)[1] != "population_differs", (one, two)


def test_aged_and_old_alone_still_name_older_people():
    for words in ("aged people", "aged individuals", "old adults", "healthy old adults"):
        assert "older" in keys(1, title=f"{TRIAL} in {words}").population, words


def test_older_adults_and_the_elderly_are_one_group():
    # one registration retitled in the register's newer word: the same people
    for one, two in (("the elderly", "older adults"), ("geriatric patients", "older adults")):
        a, b = bare(1, f"{TRIAL} in {one}"), bare(2, f"{TRIAL} in {two}")
        assert a.population == b.population == {"older"}, (one, two)
        assert verdict(a, b)[1] != "population_differs", (one, two)
    # an age band of adults is another group than adults at large, as 'elderly' always was
    a, b = keys(3, title=f"{TRIAL} in older adults"), keys(4, title=f"{TRIAL} in adults")
    assert verdict(a, b) == ("not_duplicate", "population_differs")
