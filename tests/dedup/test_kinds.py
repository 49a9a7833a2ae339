"""The kinds of record the general fixes serve: pages in other forms, number typos, bare
titles and population words (issue 14, point 2). Each test is one kind, not one row."""

from __future__ import annotations

from dedup.helpers import NO_PLACE, TITLE, keys, verdict

from reviewkit.dedup.matching import match
from reviewkit.dedup.pages import first_page, page_range
from reviewkit.dedup.populations import population_words
from reviewkit.dedup.rules import RULES
from reviewkit.dedup.score import pages_conflict

TRIAL = "Sertraline for depression with chronic back pain: a randomised controlled trial"


def test_a_printed_page_and_an_electronic_article_number_are_not_a_conflict():
    # BMJ prints page 1014 of an article whose online number is c1804
    a = keys(1, journal="BMJ", volume="340", pages="1014")
    b = keys(2, journal="BMJ", volume="340", pages="c1804")
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # supplement pages with a letter ('A486', 'S321') are printed pages: still compared
    c = keys(3, journal="BMJ", volume="340", pages="A486")
    d = keys(4, journal="BMJ", volume="340", pages="S321")
    assert verdict(c, d)[0] != "duplicate"


def test_only_the_last_page_in_one_record_agrees_with_the_range():
    assert verdict(keys(1, pages="488"), keys(2, pages="487-488")) == ("duplicate", "biblio_match")
    # (in another issue: in the same one, title and authors alike, same_issue_other_page)
    assert verdict(keys(1, pages="410"), keys(2, pages="487-488", issue="4"))[0] != "duplicate"


def test_pages_a_spreadsheet_made_dates_and_ranges_in_another_order():
    assert page_range("01-Oct") == ("1", "10")  # pages 1-10 read as 1 October
    assert page_range("Jan-78") == ("1", "78")
    assert page_range("487-8") == ("487", "488")
    assert first_page("260, 245-253") == first_page("245-253; 260") == "245"
    a, b = keys(1, pages="S12-S14, S8"), keys(2, pages="S8, S12-S14")
    assert a.first_page == b.first_page == "8"
    # one range in common when a record lists a discussion as well
    c, d = keys(3, pages="E14; discussion 328-9"), keys(4, pages="328-329")
    assert verdict(c, d) == ("duplicate", "biblio_match")


def test_a_one_digit_page_typo_is_tolerated_only_when_all_else_agrees():
    a = keys(1, volume="45", pages="2297-2305")
    assert verdict(a, keys(2, volume="45", pages="2097-2105")) == ("duplicate", "biblio_match")
    assert verdict(a, keys(3, volume="45", pages="2298"))[0] == "duplicate"  # one page given
    # another volume, another year, or another range length: two articles
    assert verdict(a, keys(4, volume="46", pages="2097-2105"))[0] != "duplicate"
    assert verdict(a, keys(5, volume="45", pages="2097-2099", year=2020))[0] != "duplicate"
    # (the issue unknown: in the same issue, title and authors alike, same_issue_other_page)
    assert verdict(a, keys(6, volume="45", issue="", pages="2097-2120"))[0] != "duplicate"
    # neighbouring abstracts of a congress share title and authors
    congress = "European Congress of Psychiatry"
    b = keys(7, journal=congress, pages="2297")
    assert verdict(b, keys(8, journal=congress, pages="2298"))[0] != "duplicate"


def test_a_number_typo_in_the_title_is_no_veto_where_the_place_agrees_exactly():
    title = "Loss of p16(INK4a) expression in sick-listed workers with chronic pain"
    a = keys(1, title=title, issue="3", pages="245-253")
    b = keys(2, title=title.replace("p16(INK4a)", "p6INK4a"), issue="3", pages="245-253")
    assert verdict(a, b) == ("duplicate", "title_number_typo")
    # another issue, or another page: the numbers tell two works apart
    c = keys(3, title=title.replace("p16(INK4a)", "p6INK4a"), issue="4", pages="245-253")
    assert verdict(a, c)[1] == "title_numbers_differ"
    d = keys(4, title=title.replace("p16(INK4a)", "p6INK4a"), issue="3", pages="255-263")
    assert verdict(a, d)[0] != "duplicate"


def bare(i: int, title: str, **kw):
    """A record with nothing but a title, authors and a year (a trial registration)."""
    return keys(i, title=title, journal="", **NO_PLACE, **kw)


def test_a_bare_title_never_merges_on_title_similarity():
    a, b = bare(1, TRIAL), bare(2, TRIAL)
    assert verdict(a, b) == ("uncertain", "title_only_record")
    full = keys(3, title=TRIAL)
    assert verdict(a, full) == ("uncertain", "title_only_record")
    # an identifier still decides
    assert verdict(bare(4, TRIAL, pmid="123"), bare(5, TRIAL, pmid="123"))[0] == "duplicate"


def test_a_differing_population_arm_age_group_or_sex_word_keeps_records_apart():
    kid = "Pediatric " + TRIAL
    adult = "Adult " + TRIAL
    assert verdict(bare(1, kid), bare(2, adult)) == ("not_duplicate", "population_differs")
    # full records: a word swapped ('men' / 'women') keeps them apart too
    men, women = TRIAL + " in men", TRIAL + " in women"
    assert verdict(keys(3, title=men), keys(4, title=women)) == (
        "not_duplicate",
        "population_differs",
    )
    # a bare title: a group named in one title only is enough
    assert verdict(bare(5, TRIAL + " in children"), bare(6, TRIAL))[0] == "not_duplicate"
    # a full record that names a group the other omits is judged on its other fields
    assert verdict(keys(7, title=TRIAL + " in adults"), keys(8, title=TRIAL))[0] == "duplicate"
    # spelling of one group is no difference
    assert verdict(keys(9, title="Paediatric " + TRIAL), keys(10, title=kid))[0] == "duplicate"


def test_older_and_younger_adults_inpatients_and_outpatients_are_other_people():
    # groups a trial register splits studies by: age bands of adults and the care setting
    for one, two in (
        ("older adults", "younger adults"),
        ("elderly patients", "young adults"),
        ("aged people", "adults"),
        ("inpatients", "outpatients"),
        ("hospitalised patients", "outpatients"),
    ):
        a, b = keys(1, title=f"{TRIAL} in {one}"), keys(2, title=f"{TRIAL} in {two}")
        assert verdict(a, b) == ("not_duplicate", "population_differs"), (one, two)
        # a bare title naming the group against one naming none: other people too
        assert verdict(bare(3, f"{TRIAL} in {one}"), bare(4, TRIAL))[0] == "not_duplicate"
    # the true copy: one group in two spellings still merges
    for one, two in (
        ("older adults", "older people"),
        ("elderly people", "older persons"),
        ("inpatients", "hospitalized patients"),
    ):
        a, b = keys(1, title=f"{TRIAL} in {one}"), keys(2, title=f"{TRIAL} in {two}")
        assert verdict(a, b) == ("duplicate", "biblio_match"), (one, two)
    # the words name no group away from a person: older drugs, children aged 6 to 12
    assert population_words(["older", "drugs", "for", "children", "aged", "6", "to", "12"]) == {
        "child"
    }
    assert population_words(["young", "adult", "mice"]) == {"adult"}
    # 'young adults' is that band, not adults at large (tests/dedup/test_population_ages.py)
    assert population_words(["adolescents", "and", "young", "adults"]) == {"adolescent", "young"}


def test_every_rule_has_a_unique_name_and_a_reason():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)) and all(r.why for r in RULES)
    assert names[-1] == "biblio_differs"  # the last rule always applies


def test_a_comment_titled_as_its_article_plus_editorial_comment_is_kept_apart():
    # databases give a comment its article's title and a label, and often the article's last page
    article = keys(1, pages="245-253")
    comment = keys(2, title=TITLE + " Editorial Comment", authors=["Dahl, Eva"], pages="253")
    assert verdict(article, comment)[0] == "not_duplicate"
    assert keys(3, title=TITLE + ": invited commentary").notice
    # an ordinary title ending in one of those words alone is no notice
    assert not keys(4, title="Return to work: a commentary").notice
    # two copies of the same comment are still compared as records
    copy = keys(5, title=TITLE + " Editorial Comment", authors=["Dahl, Eva"], pages="253")
    assert verdict(comment, copy)[0] == "duplicate"


def test_a_page_in_a_lettered_section_is_another_place_than_a_plain_page():
    # ACP Journal Club prints its summary of an article on page 'JC6' of the same volume;
    # another export gives the summary's page as 8 (a spreadsheet's '08-Aug')
    title = "Intrapleural t-PA plus DNase improved outcomes in patients with pleural infection"
    summary = keys(
        1,
        title=title,
        authors=["Mathur, P. N."],
        journal="Annals of Internal Medicine",
        volume="155",
        issue="4",
        pages="JC6-9",
    )
    other = keys(
        2,
        title=title,
        authors=["Mathur, Praveen N."],
        journal="ACP Journal Club",
        volume="155",
        issue="5",
        pages="08-Aug",
    )
    assert summary.page_kind == "s" and other.page_kind == "p"
    assert keys(9, pages="ddq316").page_kind == ""  # a manuscript id, not a section page
    assert verdict(summary, other)[0] != "duplicate"
    # the same number with and without its section letter is one page ('S345' / '345')
    a = keys(3, volume="24", pages="S345-S353")
    b = keys(4, volume="24", pages="345-353")
    assert verdict(a, b)[0] == "duplicate"
    # without page numbers to compare, title, authors and volume still merge
    c = keys(5, journal="Journal A", volume="31", pages="")
    d = keys(6, journal="Transactions of B", volume="31", pages="A-F24_1-10")
    assert verdict(c, d) == ("duplicate", "same_title_authors_volume")


def test_a_page_typo_with_a_heading_added_merges_when_issue_and_last_page_agree():
    title = "Liver transplantation in a child with atypical haemolytic uraemic syndrome"
    a = keys(1, title=title + ": brief communication", volume="10", issue="9", pages="2141-2147")
    b = keys(2, title=title, volume="10", issue="9", pages="2142-2147")
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # the issue unknown, or another last page: the heading and the slip together are too much
    c = keys(3, title=title, volume="10", issue="", pages="2142-2147")
    assert verdict(a, c)[0] != "duplicate"
    d = keys(4, title=title, volume="10", issue="9", pages="2142-2148")
    assert verdict(a, d)[0] != "duplicate"


def test_a_half_translated_title_at_the_same_place_goes_to_a_person():
    # the same place, year and author: one title translated word by word, the other freely
    a = keys(
        1,
        title="Indications and contraindications for living kidney donations",
        authors=["Andres, A."],
        journal="Nefrologia",
        volume="30",
        issue="",
        pages="30-38",
    )
    b = keys(
        2,
        title="[Indications and contraindications of living-donor kidney transplantation]",
        authors=["Andres, A."],
        journal="Nefrologia",
        volume="30",
        issue="2",
        pages="30-38",
    )
    assert verdict(a, b) == ("uncertain", "same_place_titles_differ")
    # another first page: not asked
    c = keys(
        3, title=b.title, authors=["Andres, A."], journal="Nefrologia", volume="30", pages="40-48"
    )
    assert verdict(a, c)[0] == "not_duplicate"


def test_a_correction_titled_with_its_articles_place_is_a_notice():
    wos = "Eculizumab for atypical hemolytic-uremic syndrome (vol 360, pg 542, 2009)"
    embase = (
        "Eculizumab for atypical hemolytic-uremic syndrome "
        "(New England Journal of Medicine (2009) 360 (542-544))"
    )
    a = keys(1, title=wos, authors=["Philipp, T."], volume="360", issue="23", pages="2487")
    b = keys(2, title=embase, authors=["Philipp, T."], volume="360", issue="23", pages="2487")
    assert a.notice and b.notice
    assert a.title == b.title == "eculizumab for atypical hemolytic uremic syndrome"
    assert verdict(a, b)[0] == "duplicate"  # two records of one correction
    article = keys(
        3,
        title="Eculizumab for atypical hemolytic-uremic syndrome",
        authors=["Philipp, T."],
        volume="360",
        issue="5",
        pages="542-544",
    )
    assert verdict(a, article) == ("not_duplicate", "notice_veto")
    # a year or a volume in brackets is no correction
    assert not keys(4, title="Sick leave in Norway (2009)").notice


def test_one_issue_title_and_author_list_with_another_page_is_one_article():
    # an abstract page garbled by one export ('e8-e9' / 'e3'), a cover page for the range
    a = keys(1, volume="91", issue="10", pages="e8-e9")
    b = keys(2, volume="91", issue="10", pages="e3")
    assert verdict(a, b) == ("duplicate", "same_issue_other_page")
    c, d = keys(3, issue="3", pages="278-286"), keys(4, issue="3", pages="224")
    assert verdict(c, d) == ("duplicate", "same_issue_other_page")
    # another issue, another author list, a congress or numbered parts: not one article
    assert verdict(a, keys(5, volume="91", issue="11", pages="e3"))[0] != "duplicate"
    assert verdict(a, keys(6, volume="91", issue="", pages="e3"))[0] != "duplicate"
    other_team = keys(7, volume="91", issue="10", pages="e3", authors=["Dahl, Eva", "Lie, Ola"])
    assert verdict(a, other_team)[0] != "duplicate"
    congress = dict(journal="Congress of the European Society", volume="91", issue="10")
    assert verdict(keys(8, pages="e8", **congress), keys(9, pages="e3", **congress))[0] != (
        "duplicate"
    )
    part = dict(volume="91", issue="10")
    p1 = keys(10, title=TITLE + ": part 1", pages="100-110", **part)
    p2 = keys(11, title=TITLE + ": part 2", pages="111-120", **part)
    assert verdict(p1, p2)[0] != "duplicate"


def test_pages_in_two_sections_conflict_for_every_rule():
    # the one page test (score.pages_conflict) sees sections: a 'JC6-9' summary has no plain
    # page number to compare, yet it is another place than page 8 of the volume
    summary = keys(1, volume="155", pages="JC6-9")
    assert pages_conflict(summary, keys(2, volume="155", pages="812"))
    assert pages_conflict(summary, keys(2, volume="155", pages="8"), strict=True)
    assert pages_conflict(keys(3, pages="A486"), keys(4, pages="S321"))
    assert not pages_conflict(keys(5, pages="S345-S353"), keys(6, pages="345-353"))
    assert not pages_conflict(keys(7, pages="e8-e9"), keys(8, pages="e8"))
    # Circulation's supplement page 'II387' against '387' with 'II' in the issue: one page
    assert not pages_conflict(keys(13, pages="II387-94"), keys(14, pages="387-394"))
    # a year in the pages field is no page, of any section
    assert not pages_conflict(keys(9, pages="2019"), keys(10, pages="S214"))
    # so one issue, title and author list on two sections' pages stays two records
    a, b = keys(11, pages="A486"), keys(12, pages="S321")
    assert verdict(a, b)[0] != "duplicate"


def test_a_bracketed_translation_at_the_same_place_goes_to_a_person():
    # MEDLINE's '[Title]' (translated, the original elsewhere) and Embase's English title of
    # one article: same journal, volume, page, year and author list, titles sharing nothing
    place = dict(journal="Tidsskr Nor Laegeforen", volume="128", issue="4", pages="437-440")
    medline = keys(1, title="[Sick leave certificates written by general practitioners]", **place)
    embase = keys(2, title="Doctors and the certification of absence from work", **place)
    assert medline.translated and not embase.translated
    assert keys(3, title="[Title of the article]. [Norwegian]").translated
    assert not keys(4, title="Return to work [a review]").translated
    assert verdict(medline, embase) == ("uncertain", "translated_title_same_place")
    ks = {1: medline, 2: embase}
    result = match(ks)
    assert not result.accepted
    assert [u.rule for u in result.uncertain] == ["translated_title_same_place"]
    # another author list or another page: no question to ask
    other_team = keys(5, title=embase.title, authors=["Dahl, Eva"], **place)
    assert verdict(medline, other_team)[1] != "translated_title_same_place"
    moved = keys(6, title=embase.title, **{**place, "pages": "441-445"})
    assert verdict(medline, moved)[0] == "not_duplicate"


def test_a_title_with_words_beyond_a_heading_is_not_generic():
    # 'News', 'Response', 'Introduction' head their own piece when a subject follows them
    for title in (
        "Affective disorders: News in chronobiological models",
        "Sex differences in the stress response of WKY rats",
        "Good laboratory practice: preventing introduction of bias at the bench",
    ):
        a = keys(1, title=title, pages="", authors=["Lee, A"])
        b = keys(2, title=title, pages="", authors=["Lee, A"])
        assert not a.generic
        assert verdict(a, b) == ("duplicate", "biblio_match")
    # a heading alone, with the words that go with it or its journal's name, recurs
    for title, journal in (
        ("Editorial", "BMJ"),
        ("Guest editorial", "BMJ"),
        ("From the editor's desk", "BMJ"),
        ("Editorial: volume 10, issue 1", "BMJ"),
        ("Remarks from MIS Quarterly editor: Editor's comments", "MIS Quarterly"),
    ):
        a = keys(1, title=title, journal=journal, pages="", authors=["Lee, A"])
        b = keys(2, title=title, journal=journal, pages="", authors=["Lee, A"])
        assert a.generic, title
        assert verdict(a, b) == ("uncertain", "generic_title")
