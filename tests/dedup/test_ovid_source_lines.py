"""Ovid's source line kept whole as the journal ('Obesity.18 (6) ()(pp 1260-1265) 2010.'):
its volume and pages read in parts, so that a supplement or a part before the groups, a
line EndNote cut at 255 characters, or groups without a volume still give the place other
exports write in their own fields."""

from __future__ import annotations

from dedup.helpers import keys

# a meeting's abstract in Embase, the line cut inside Ovid's page group
CUT_LINE = (
    "Neuropsychopharmacology.Conference: 53rd Annual Meeting of the American College of"
    " Neuropsychopharmacology ACNP 2014 Phoenix AZ United States.Conference Start: 20141207"
    " Conference End: 20141211.Conference Publication: (var.pagings).39 ()(pp S618-S61"
)


def _place(**kw) -> tuple[str, str, str]:
    k = keys(1, **kw)
    return k.volume, k.first_page, k.last_page


def test_a_volume_with_a_supplement_part_or_letter_before_ovids_groups_is_read():
    for line, volume, pages in [
        ("CNS drugs.23 Suppl 2 ()(pp 1-2) 2009.Date of Publication: 2009.", "23", ("1", "2")),
        (
            "Clinical neuropharmacology.15 Suppl 1 Pt A ()(pp 292A-293A) 1992.",
            "15",
            ("292", "293"),
        ),
        (
            "American Journal of Medical Genetics - Neuropsychiatric Genetics.131 B (1) ()(pp"
            " 16-19) 2004.Date of Publication: 15 Nov 2004.",
            "131",
            ("16", "19"),
        ),
        ("Journal of Psychiatric Research.66-67 ()(pp 75-83) 2015.", "66", ("75", "83")),
        ("Proceedings of the Western Pharmacology Society.vol.17 ()(pp 33-36) 1974.", "17", None),
    ]:
        read = _place(journal=line, volume="", issue="", pages="")
        assert read[0] == volume, line
        if pages:
            assert read[1:] == pages, line


def test_the_name_written_with_a_space_before_the_place_gives_the_volume_too():
    line = "PSYCHOPHARMACOLOGIA 40 (3) ()(pp 269-277) 1974.Date of Publication: 1974."
    assert _place(journal=line, volume="", issue="3", pages="269-277") == ("40", "269", "277")


def test_a_line_cut_inside_its_page_group_gives_its_volume_and_no_cut_page():
    # the pages field keeps the whole range; the line's 'S618-S61' is no range
    assert _place(journal=CUT_LINE, volume="", issue="var.pagings", pages="S618-S619") == (
        "39",
        "618",
        "619",
    )
    # without a pages field nothing of the cut group is read as a page ('pp 5' of page 596)
    cut_short = CUT_LINE.replace("S618-S61", "5")
    assert _place(journal=cut_short, volume="", issue="var.pagings", pages="") == ("39", "", "")


def test_groups_before_ovids_group_without_a_volume_end_the_journals_name():
    nursing = keys(
        1, journal="Nursing.(19) ()(pp 810-814) 1980.Date of Publication: Nov 1980.", pages=""
    )
    assert nursing.journal == ("nursing",)
    assert (nursing.first_page, nursing.last_page) == ("810", "814")
    frontiers = keys(
        2,
        journal="Frontiers in Behavioral Neuroscience.(JANUARY 2012) (no pagination) 2012."
        "Article Number: 2.Date of Publication: 2012.",
        volume="",
        issue="Jan-12",
        pages="",
    )
    assert frontiers.journal == ("frontiers", "behavioral", "neuroscience")
    assert frontiers.first_page == "2"


def test_no_pagination_without_an_article_number_gives_no_volume():
    # a guard (read so before too): Embase's record of an article online before its issue: its volume is not the article's
    online_first = "International Journal of Neuropsychopharmacology.29 (4) (no pagination) 2014."
    assert _place(journal=online_first, volume="", issue="4", pages="")[:2] == ("", "")


def test_the_lines_pages_are_read_as_a_pages_field_is():
    label = "Journal of the American Veterinary Medical Association.158 (6) ()(pp Suppl 2:981-986)"
    assert _place(journal=label, volume="", pages="")[1:] == _place(pages="Suppl 2:981-986")[1:]
    unit = "Current Protocols in Neuroscience.Chapter 5 ()(pp Unit 5.65) 2013."
    assert _place(journal=unit, volume="", pages="")[1] == _place(pages="Unit 5.65")[1]


def test_a_volume_written_vol_ends_the_journals_name_before_it():
    # a series' volume: 'Vol.281' is no word of the journal's name, as '281' is not
    line = "Annals of the New York Academy of Sciences.Vol.281 ()(pp 171-189) 1976."
    written = keys(1, journal=line, volume="", pages="")
    plain = keys(2, journal="Annals of the New York Academy of Sciences", volume="281")
    assert written.journal == plain.journal
    assert (written.volume, written.first_page) == ("281", "171")
