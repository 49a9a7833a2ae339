"""Schwartz and Hearst's long forms, where this reading differs from theirs as
reviewkit.dedup.abbreviations states."""

from __future__ import annotations

from reviewkit.dedup.abbreviations import acronyms, initials, long_form, spelt_out
from reviewkit.dedup.study_names import names_several_trials


def test_the_long_form_starts_at_the_first_letter_not_the_word() -> None:
    # S&H go back to the blank: 'mental/musculoskeletal disorders'; here the slash splits
    assert long_form("MSD", "in mental/musculoskeletal disorders") == "musculoskeletal disorders"
    assert long_form("PTSD", "Treatment of post-traumatic stress disorder") == (
        "post-traumatic stress disorder"
    )


def test_the_first_letter_starts_a_word_and_digits_are_not_looked_for() -> None:
    assert long_form("SL", "a trial of sick leave") == "sick leave"
    assert long_form("SL", "a trial of unsickly leave") == ""  # 's' inside a word: no start
    assert long_form("GAD-7", "Generalized Anxiety Disorder") == "Generalized Anxiety Disorder"


def test_two_forms_sharing_their_last_word_stay_two_names() -> None:
    """'common mental and musculoskeletal disorders (CMD/MSD)': CMD's 'd' is in the word the two
    share, so its long form is not found, and the pair is read as two names where the design
    stands against it (the side that links less); written out, the pair is two abbreviations;
    with no design word beside it, a bracketed list names no trials either way."""
    shared = "Return to work in common mental and musculoskeletal disorders (CMD/MSD)"
    assert names_several_trials(shared + ": a randomised trial", set())
    assert not names_several_trials(shared, set())
    full = "Return to work in common mental disorders and musculoskeletal disorders (CMD/MSD)"
    assert not names_several_trials(full + ": a randomised trial", set())


def test_an_acronym_spelt_out_in_another_title_is_read_word_by_word() -> None:
    """Without a bracket each letter is a word's initial, the words one run (function words
    skipped or read), an acronym joined by hyphens part by part, a plural's 's' no initial."""
    trial = initials("Individual Placement and Support modified for people with mood and anxiety")
    assert spelt_out("IPS-MA", trial) == (
        "individual", "placement", "and", "support", "mood", "and", "anxiety",
    )  # fmt: skip
    assert spelt_out("QoL", initials("Health-related quality of life")) == ("quality", "of", "life")
    assert spelt_out("RCTs", initials("Two randomised controlled trials")) == (
        "randomised", "controlled", "trials",
    )  # fmt: skip
    # the letters inside words (Schwartz and Hearst's reading) are not enough here
    assert spelt_out("CORE", initials("A controlled trial of exercise")) == ()
    assert spelt_out("IPS-MA", initials("Individual placement and support")) == ()  # no 'MA'
    assert acronyms("the IPS-MA intervention, QoL and the WorkUp trial (HbA1c)") == {
        "IPS-MA", "QoL",
    }  # fmt: skip
