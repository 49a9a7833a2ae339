"""Groups a register splits by (issue 14, dedup41): reports and registrations of one programme
split by country or ethnic group keep apart, beside their true copies that still merge; 'young
people' overlaps adolescents and young adults. Outcomes as in test_kept_apart.py."""

from __future__ import annotations

from dedup.helpers import outcome, verdict

from reviewkit.dedup.normalise import keys_for, match_title
from reviewkit.dedup.populations import population_words
from reviewkit.records import Record

TEAM = ["Tanaka, Hiro", "Wang, Li", "Smith, Anne"]
TRIAL = "Efficacy and safety of dapagliflozin added to metformin in {} with type 2 diabetes"


def journal(title: str, **kw) -> Record:
    """A journal record as a thin export gives it: journal, year and authors, no page or DOI."""
    base = dict(title=title, authors=TEAM, year=2016, journal="Diabetes Obes Metab")
    base.update(kw)
    return Record(source="Embase", **base)


def groups(title: str) -> list[str]:
    return sorted(population_words(match_title(title).split()))


def test_reports_split_by_country_or_ethnic_group_stay_apart():
    for one, two in (
        ("Japanese patients", "Chinese patients"),
        ("patients in Japan", "patients in China"),
        ("adults in the UK", "adults in Canada"),
        ("Black women", "White women"),
        ("African Americans", "Hispanics"),
    ):
        # was queued (title_word_swapped): a person was asked about two trials
        got = verdict(
            keys_for(1, journal(TRIAL.format(one))), keys_for(2, journal(TRIAL.format(two)))
        )
        assert got == ("not_duplicate", "population_differs"), (one, two, got)
        # with the register's name only (a bare title) too
        got = outcome(Record(title=TRIAL.format(one)), Record(title=TRIAL.format(two)))
        assert got[0] != "merged", (one, two, got)


def test_one_report_written_two_ways_still_merges():
    full = journal(TRIAL.format("Japanese patients"), volume="18", issue="6", pages="590-597")
    for copy in (
        journal(TRIAL.format("Japanese patients")),  # the page dropped
        journal(TRIAL.format("Japanese patients") + " [Article in Japanese]"),
    ):
        assert outcome(full, copy)[0] == "merged", copy.title
    uk = journal(TRIAL.format("adults in the U.K."), volume="18", pages="590-597")
    assert outcome(uk, journal(TRIAL.format("adults in the UK")))[0] == "merged"


def test_a_country_or_colour_word_read_as_a_group_only_as_one():
    assert groups("Efficacy in Japanese patients in Japan") == ["place:japan"]
    assert groups("Outcomes in England and Great Britain") == ["place:united kingdom"]
    assert groups("White matter lesions in older adults") == ["older"]
    assert groups("Infection in guinea pigs") == ["named:place:guinea"]  # a thing's place
    assert groups("Hypertension in African Americans") == ["ethnic:black"]
    assert groups("Diabetes in American Indians") == ["ethnic:american indian"]


def test_young_people_overlaps_adolescents_and_young_adults():
    title = "Online cognitive behavioural therapy for depression in {} in primary care"
    for other in ("adolescents", "young adults"):
        # a report for one band may be titled for young people: a person decides (it was kept
        # apart by population_differs)
        got = outcome(journal(title.format("young people")), journal(title.format(other)))
        assert got[0] == "queued", (other, got)
        bare = verdict(keys_for(1, Record(title=title.format("young people"))),
                       keys_for(2, Record(title=title.format(other))))  # fmt: skip
        assert bare[1] != "population_differs", (other, bare)
    for other in ("children", "older people", "adults"):
        got = verdict(
            keys_for(1, journal(title.format("young people"))),
            keys_for(2, journal(title.format(other))),
        )
        assert got == ("not_duplicate", "population_differs"), (other, got)
    assert groups(title.format("Young People")) == ["young_people"]
    assert groups(title.format("Young Adults")) == ["young"]


def test_a_country_named_in_one_bare_title_only_goes_to_a_person():
    # a subtitle naming where the study ran ('…: the Norwegian multicentre study') is no other
    # population: two bare titles alike are queued, as before the country was read
    title = "Return to work after sick leave for common mental disorders: a randomised trial"
    got = outcome(
        Record(title=title + ": the Norwegian multicentre study", year=2019),
        Record(title=title, year=2020),
    )
    assert got == ("queued", "title_only_record"), got
    # an age group named on one side only still parts two bare titles
    got = outcome(Record(title=title + " in children"), Record(title=title))
    assert got[0] == "apart", got


def test_a_state_named_for_a_country_is_its_own_countrys():
    # 'New Mexico', 'New South Wales', 'New England' are parts of the United States and
    # Australia, not Mexico or the United Kingdom; 'North Korean' is not South Korea's (rd41h)
    assert groups("Opioid deaths in New Mexico") == ["place:united states"]
    assert groups("Injury in New South Wales") == ["place:australia"]
    assert groups("Lyme disease in New England") == ["place:united states"]
    assert groups("Lyme disease in New Jersey") == ["place:united states"]
    assert groups("Depression among North Korean defectors") == ["place:north korea"]
    assert groups("Suicide in Northern Irish adults") == ["adult", "place:united kingdom"]
    # 'Central American' is no American's, 'Native Americans' are the American Indians
    assert groups("Remittances of Central American migrants") == ["place:central america"]
    assert groups("Diabetes among Native Americans") == groups("Diabetes in American Indians")
    for one, two in (
        ("adults in New Mexico", "adults in Mexico"),  # was merged (biblio_match)
        ("adults in New South Wales", "adults in Wales"),
    ):
        got = verdict(
            keys_for(1, journal(TRIAL.format(one))), keys_for(2, journal(TRIAL.format(two)))
        )
        assert got == ("not_duplicate", "population_differs"), (one, two, got)


def test_youth_spans_adolescents_and_young_adults_as_young_people_does():
    # UN and WHO: youth are 15 to 24, young people 10 to 24: neither parts from adolescents or
    # young adults, both part from children and older people (rd41h; was apart from young
    # adults by population_differs)
    title = "Online cognitive behavioural therapy for depression in {} in primary care"
    assert groups(title.format("youth")) == groups(title.format("young people"))
    got = outcome(journal(title.format("youth")), journal(title.format("young adults")))
    assert got[0] == "queued", got
    for other in ("children", "older people"):
        got = verdict(
            keys_for(1, journal(title.format("youth"))),
            keys_for(2, journal(title.format(other))),
        )
        assert got == ("not_duplicate", "population_differs"), (other, got)


def test_registrations_without_a_number_read_groups_as_bare_titles_do():
    # a register's address without a number (EU-CTR's search page): the title is all there is.
    # A country named on one side only is a sister registration (the Japan study beside the
    # global one) or the one registration exported with and without its country: a person
    # decides, as for two bare titles (it was kept apart: the groups had to be equal)
    search = "https://www.clinicaltrialsregister.eu/ctr-search/search?query=dapagliflozin"

    def reg(title: str) -> Record:
        return Record(title=title, journal=search, year=2015, source="CENTRAL")

    adults = TRIAL.format("adults")
    for one in ("Japanese adults", "adults in Japan", "Black adults"):
        got = outcome(reg(TRIAL.format(one)), reg(adults))
        assert got == ("queued", "registration_numbers"), (one, got)
    # each naming another country, or an age group, sex or arm on one side: two trials
    for one, two in (
        ("Japanese adults", "Chinese adults"),
        ("adults", "children"),
        ("adults", "adults and children"),
        ("women", "adults"),
    ):
        got = outcome(reg(TRIAL.format(one)), reg(TRIAL.format(two)))
        assert got == ("apart", ""), (one, two, got)
    # the true copy: one registration exported twice goes to a person, as it did
    assert outcome(reg(adults), reg(adults)) == ("queued", "registration_numbers")
