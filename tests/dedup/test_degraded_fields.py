"""Journal fields as other exporters degrade them: lower-cased without punctuation, an Ovid
place after a space, proceedings abbreviated to ISO 4."""

from __future__ import annotations

from dedup.helpers import NO_PLACE, keys, verdict

# an Embase conference abstract, no page (the journal field names the congress)
ABSTRACT = dict(
    title="Sitagliptin reduces plaque macrophage content and stabilizes arteriosclerotic lesions",
    authors=["Burgmaier, M.", "Liberman, A.", "Vasic, D.", "Ostertag, R."],
    year=2011,
    volume="124",
    issue="21",
    pages="",
)


def test_a_congress_named_after_the_journal_without_punctuation_is_the_journal():
    # a Scopus/CSV export lower-cases the field and drops the period and colon:
    # 'Circulation. Conference: ...' -> 'circulation conference ...'
    a = keys(1, journal="Circulation", **ABSTRACT)
    b = keys(
        2, journal="circulation conference american heart association s scientific", **ABSTRACT
    )
    assert verdict(a, b) == ("duplicate", "biblio_match")


def test_an_ovid_place_written_after_a_space_is_not_part_of_the_name():
    # 'NEUROPHARMACOLOGY 13 (7) ()(pp 591-594) 1974' (Embase, a space for Ovid's period),
    # beside MEDLINE's abbreviation of the same one-word journal, no volume on either side
    art = dict(
        title="Effects of taurine on psychomotor activity in the rat",
        authors=["Baskin, S. I.", "Hinkamp, D. L.", "Marquis, W. J.", "Tilson, H. A."],
        year=1974,
        volume="",
        issue="7",
        pages="591-594",
    )
    a = keys(1, journal="Neur.", **art)
    b = keys(2, journal="NEUROPHARMACOLOGY 13 (7) ()(pp 591-594) 1974.Date of Publication", **art)
    assert verdict(a, b) == ("duplicate", "biblio_match")


def test_an_iso_abbreviated_proceedings_keeps_the_words_after_its_edition_number():
    # 'Proc. 33rd Annu. ACM Conf. ...' is no Ovid field ('Name.33 ()(pp ...)'): the name goes on
    paper = dict(
        title="Success and scale in a data-producing organization",
        authors=["Palen, Leysia", "Soden, Robert", "Anderson, T. Jennings", "Barrenechea, Mario"],
        year=2015,
        **dict(NO_PLACE, pages="4113-4122"),
    )
    a = keys(1, journal="Proc. 33rd Annu. ACM Conf. Huma. Fact. Comp. Syst.", **paper)
    b = keys(
        2,
        journal="Proceedings of the 33rd Annual ACM Conference on Human Factors in Computing Systems",
        **paper,
    )
    assert verdict(a, b) == ("duplicate", "biblio_match")


def test_an_iso_abbreviated_proceedings_with_its_acronym_in_brackets_keeps_its_name():
    # '(ICIS 2019)' is a bracket after the edition number, yet no Ovid place ('()(pp ...)'):
    # cut there, the name was 'proc' alone, the same as every other abbreviated proceedings
    paper = dict(
        title="Digital nudging with recommender systems",
        authors=["Schneider, Christoph", "Weinmann, Markus", "vom Brocke, Jan"],
        year=2019,
        **dict(NO_PLACE, pages="1-17"),
    )
    a = keys(1, journal="Proc. 40th Int. Conf. Inf. Syst. (ICIS 2019)", **paper)
    b = keys(
        2,
        journal="Proceedings of the 40th International Conference on Information Systems",
        **paper,
    )
    assert verdict(a, b) == ("duplicate", "biblio_match")
    c = keys(3, journal="Proc. 41st Int. Conf. Softw. Eng. (ICSE 2019)", **paper)
    assert a.journal != c.journal


# --- years one apart: online first or the meeting's year beside the year of print ----------

CHAPTER = dict(
    title="Causes of changes in brain noradrenaline systems and later effects on responses",
    authors=["Kraemer, G. W."],
    volume="123",
    issue="",
    pages="216-233",
)


def test_a_symposium_chapter_a_year_apart_on_one_page_range_is_one_publication():
    # MEDLINE's 'Ciba Found Symp' 1987 (print) and Embase's 'Ciba Foundation symposium' 1986
    # (the meeting): one chapter, the same pages; not a meeting's abstract and a later article
    a = keys(1, journal="Ciba Found.Symp.", year=1987, **CHAPTER)
    b = keys(2, journal="Ciba Foundation symposium", year=1986, **CHAPTER)
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # on other pages (the abstract in the congress supplement, the article in an issue) the
    # two are a meeting's abstract and a later article: a person looks
    c = keys(3, journal="Ciba Foundation symposium", year=1986, **{**CHAPTER, "pages": "12"})
    assert verdict(a, c) == ("uncertain", "meeting_abstract_and_article")


TRANSLATED = dict(
    authors=["Strasser, R.", "Vogt, A.", "Schaper, W."],
    journal="Z Kardiol",
    volume="85",
    issue="2",
    pages="79-89",
)


def test_a_translated_title_a_year_apart_on_one_page_range_goes_to_a_person():
    # MEDLINE's English title and another database's, online first 1996 / print 1997, the
    # same volume, issue and pages: a person checks it as in one year
    a = keys(1, title="Myocardial protection by preconditioning", year=1996, **TRANSLATED)
    b = keys(2, title="Ischemic preconditioning: experimental results", year=1997, **TRANSLATED)
    assert verdict(a, b) == ("uncertain", "same_place_titles_differ")
    # two years apart the years disagree
    c = keys(3, title="Ischemic preconditioning: experimental results", year=1998, **TRANSLATED)
    assert verdict(a, c)[0] == "not_duplicate"


ISSUE = dict(
    title="The evolution of depressive phenomena in man and animals in general practice",
    authors=["Watts, C. A. H."],
    journal="Practitioner",
    volume="225",
    issue="1351",
)


def test_a_year_apart_in_one_issue_counts_as_the_year_agreeing():
    # no page, no author list and one journal field empty: title, volume and issue agree, and
    # the year a year apart in one issue is the second field that agrees
    art = dict(title=ISSUE["title"], volume="45", issue="3", pages="", authors=[])
    a = keys(1, year=2019, journal="Scand J Work Environ Health", **art)
    b = keys(2, year=2018, journal="", **art)
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # without the issue on one side the year is one apart and no more: a person looks
    c = keys(3, year=2018, journal="", **{**art, "issue": ""})
    assert verdict(a, c)[0] == "uncertain"
