"""Thin exports (no DOI, no pages, no abstract): kinds the dedup-stress benchmark found merging
where the page told the two works apart, and a weaker field still does. Hand-made records;
with a page on both sides the rules decide as before."""

from __future__ import annotations

from dedup.helpers import NO_PLACE, keys, verdict

from reviewkit.records import AbstractSection

TITLE = "Can the retina be used to diagnose and follow the progression of Alzheimer's disease?"


def test_a_supplement_and_another_numbered_issue_without_pages_go_to_a_person_not_the_same_issue():
    # a meeting's abstract (in a supplement) and the team's article in issue 8 of one volume
    abstract = keys(1, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="Supplement 259")
    article = keys(2, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="8", pages="")
    assert verdict(abstract, article) == ("uncertain", "supplement_and_issue_no_page")
    assert verdict(article, abstract) == ("uncertain", "supplement_and_issue_no_page")
    # the pages settle it when both are there: the rules before decide as ever
    paged = keys(3, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="8", pages="768-777")
    abstract_paged = keys(
        4, title=TITLE, journal="Acta Ophthalmol", volume="95", issue="Supplement 259", pages="S61"
    )
    assert verdict(abstract_paged, paged)[1] != "supplement_and_issue_no_page"
    # databases write a supplement to issue 3 as '3 Suppl' or as plain '3': one place
    a = keys(1, title=TITLE, volume="74", issue="3 Suppl", pages="")
    b = keys(2, title=TITLE, volume="74", issue="3", pages="")
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # 'Supplement 9' written as issue 9 by another database: one number in common, one place
    c = keys(3, title=TITLE, volume="110", issue="SUPPL. 9", pages="")
    d = keys(4, title=TITLE, volume="110", issue="9", pages="")
    assert verdict(c, d) == ("duplicate", "biblio_match")
    # a supplement named only in the volume field gives no issue to compare: no say
    e = keys(5, title=TITLE, volume="83 (9 Supplement 1)", issue="", pages="")
    f = keys(6, title=TITLE, volume="83", issue="9", pages="")
    assert verdict(e, f) == ("duplicate", "biblio_match")


REPORT = "Periodontal bacterial invasion and infection: contribution to atherosclerotic pathology"


def test_one_report_printed_in_two_journals_goes_to_a_person():
    # a workshop's report printed in two journals at once: one title and range, two volumes
    a = keys(
        1, title=REPORT, journal="J Periodontol", volume="84", issue="4 Suppl", pages="S30-S50"
    )
    b = keys(2, title=REPORT, journal="J Clin Periodontol", volume="40 Suppl 14", pages="S30-S50")
    assert verdict(a, b) == ("uncertain", "one_range_two_journals")
    # an abbreviation that makes the names one leaves the two DOIs to say so
    c = keys(
        3,
        title=REPORT,
        journal="J Periodontol",
        volume="84",
        pages="S30-S50",
        doi="10.1902/jop.2013.1340012",
    )
    d = keys(
        4,
        title=REPORT,
        journal="J Periodontol",
        volume="40",
        pages="S30-S50",
        doi="10.1111/jcpe.12079",
    )
    assert verdict(c, d) == ("uncertain", "one_range_two_journals")
    # one journal, one DOI or none: a mistyped volume at one range still merges
    e = keys(5, title=REPORT, journal="J Periodontol", volume="84", pages="S30-S50")
    f = keys(6, title=REPORT, journal="J Periodontol", volume="48", pages="S30-S50")
    assert verdict(e, f)[0] == "duplicate"
    # a supplement series numbers its own volumes: left to the rules after
    g = keys(7, title=REPORT, journal="Acta Neurol Scand", volume="107", pages="52-76")
    h = keys(8, title=REPORT, journal="Acta Neurol Scand Suppl", volume="179", pages="52-76")
    assert verdict(g, h)[1] != "one_range_two_journals"
    # a journal numbering by year (Embase's '2015 (2)'): the year as volume is no second volume
    title = "Antidepressant effect of 3-oxypyridine and succinic acid derivatives"
    zh = "Zh.Nevrol.Psikhiatr.Im S.S.Korsakova"
    embase = "Zhurnal Nevrologii i Psihiatrii imeni S.S.Korsakova.2015 (2) ()(pp 48-52) 2015."
    i = keys(9, title=title, journal=zh, year=2015, volume="115", issue="2", pages="48-52")
    j = keys(10, title=title, journal=embase, year=2015, volume="", issue="2", pages="48-52")
    # the year in Ovid's place is no volume, as in the volume field (normalise.keys_for)
    assert (i.volume, j.volume) == ("115", "")
    assert verdict(i, j) == ("duplicate", "biblio_match")


def test_a_paper_and_its_longer_version_at_another_conference_go_to_a_person():
    title = "Effects of IT-enabled monitoring systems in online labor markets"
    icis = keys(
        1,
        title=title,
        journal="International Conference on Information Systems, ICIS",
        **NO_PLACE,
    )
    hicss = keys(
        2,
        title="Moral hazards and " + title,
        journal="Hawaii International Conference on System Sciences",
        **dict(NO_PLACE, pages="44-53"),
    )
    assert icis.conference and hicss.conference
    assert verdict(icis, hicss) == ("uncertain", "two_proceedings_no_page")
    # one proceedings paper indexed twice keeps its title and still merges
    again = keys(
        3,
        title="Moral hazards and " + title,
        journal="Proceedings of the Hawaii International Conference on System Sciences",
        **NO_PLACE,
    )
    assert verdict(hicss, again)[0] == "duplicate"


def test_titles_one_item_apart_without_pages_go_to_a_person():
    # a team's papers on two compounds (one prefix), or two cases of a series, in one issue
    chem = "Discovery of N-methyl-1-(1-phenylcyclohexyl){} a novel triple reuptake inhibitor"
    a = keys(1, title=chem.format("ethanamine"), journal="Bioorg Med Chem Lett", **NO_PLACE)
    b = keys(2, title=chem.format("methanamine"), journal="Bioorg Med Chem Lett", **NO_PLACE)
    assert verdict(a, b) == ("uncertain", "another_item_no_page")
    case_a = keys(3, title="International Multifoods - Case A", **NO_PLACE)
    case_b = keys(4, title="International Multifoods - Case B", **NO_PLACE)
    assert verdict(case_a, case_b) == ("uncertain", "another_item_no_page")
    # with the pages the first page decides, as before
    paged = [
        keys(5 + i, title=chem.format(w), pages=p)
        for i, (w, p) in enumerate([("ethanamine", "1438-1441"), ("methanamine", "1438-1441")])
    ]
    assert verdict(*paged)[1] != "another_item_no_page"
    # an export's lost 'M' of a word that is no ethyl compound is a typo: still merges
    for word in ("Methods", "Methodological", "Methotrexate"):
        full = keys(9, title=word + " in rheumatoid arthritis of the hand", **NO_PLACE)
        typo = keys(10, title=word[1:] + " in rheumatoid arthritis of the hand", **NO_PLACE)
        assert verdict(full, typo) == ("duplicate", "biblio_match")
    # British spelling ('aetiology' / 'etiology') is one word written two ways: still merges
    uk = keys(7, title="The aetiology of chronic fatigue in primary care", **NO_PLACE)
    us = keys(8, title="The etiology of chronic fatigue in primary care", **NO_PLACE)
    assert verdict(uk, us) == ("duplicate", "biblio_match")


def test_a_title_running_on_into_another_without_pages_goes_to_a_person():
    short = "Oxygen uptake by microsomal preparations from the housefly Musca domestica"
    longer = "The effect of enzymes and other reagents on NADPH oxidation and " + short
    a = keys(1, title=longer, **NO_PLACE)
    b = keys(2, title=short, **NO_PLACE)
    assert verdict(a, b) == ("uncertain", "longer_title_no_page")
    # a heading before the title ends on a noun: one article, still merged
    kicker = keys(3, title="The 75th annual meeting special lecture: " + short, **NO_PLACE)
    assert verdict(kicker, b) == ("duplicate", "biblio_match")
    # a dropped subtitle (the other end) is left to the rules
    subtitle = keys(4, title=short + ": a kinetic study of the oxidase", **NO_PLACE)
    assert verdict(subtitle, b) == ("duplicate", "biblio_match")


def test_one_page_in_two_volumes_and_years_goes_to_a_person():
    # a recurring section's heading opening each year's section on page 7
    title = "Special Section: Competitive Strategy, Economics, and Information Systems"
    journal = "Journal of Management Information Systems"
    a = keys(1, title=title, journal=journal, year=2009, volume="26", issue="2", pages="7-13")
    b = keys(2, title=title, journal=journal, year=2010, volume="27", issue="3", pages="7-10")
    assert verdict(a, b) == ("uncertain", "one_page_two_volumes")
    # one range: a volume mistyped at the same place still merges
    c = keys(3, title=title, journal=journal, year=2009, volume="62", issue="2", pages="7-13")
    assert verdict(a, c)[0] == "duplicate"


def test_a_debate_under_one_doi_and_title_goes_to_a_person():
    # pro and con under one supplement DOI; the '(CON)' bracket folds away
    doi = "10.1002/ppul.23066"
    title = "Allergen immunotherapy is useful in the treatment of childhood asthma"
    pro_text = (
        "Allergen specific immunotherapy can be considered an evidence based intervention for"
        " seasonal allergic rhinitis with pollen extracts applied subcutaneously or sublingually,"
        " and children with asthma may benefit as well when the allergen is identified."
    ) * 2  # an abstract's length (the keys read 300 characters or more)
    con_text = (
        "Although numerous trials have assessed the efficacy of allergen immunotherapy for"
        " allergic rhinitis, few have been designed specifically to determine its effect on"
        " asthma in children, and the evidence for its use in childhood asthma remains weak."
    ) * 2

    def piece(i: int, title: str, author: str, text: str):
        return keys(
            i,
            title=title,
            authors=[author],
            doi=doi,
            abstract_sections=[AbstractSection("", text)],
            **NO_PLACE,
        )

    pro = piece(1, title, "Wahn U.", pro_text)
    con = piece(2, title + " (CON)", "Saglani S.", con_text)
    assert verdict(pro, con) == ("uncertain", "same_doi_no_page")
    # one of the two fields alike: one article's two copies, merged on the DOI
    assert verdict(pro, piece(3, title, "Wahn U.", con_text))[0] == "duplicate"
    assert verdict(pro, piece(4, title, "Saglani S.", pro_text))[0] == "duplicate"


def test_one_abstract_at_two_meetings_editions_goes_to_a_person():
    title = "Status of vitamin D in patients diagnosed with depression"
    journal = "Clinical Chemistry and Laboratory Medicine.Conference: {}"
    first = keys(
        1,
        title=title,
        authors=["Subedee S."],
        year=2014,
        journal=journal.format("22nd International Congress of Clinical Chemistry"),
        **NO_PLACE,
    )
    second = keys(
        2,
        title=title,
        authors=["Subedee S."],
        year=2015,
        journal=journal.format("21st IFCC-EFLM European Congress of Clinical Chemistry"),
        **NO_PLACE,
    )
    assert (first.editions, second.editions) == ("22", "21")
    assert verdict(first, second) == ("uncertain", "two_editions_no_page")
    # two databases' names of one meeting keep its edition: one abstract, merged
    again = keys(
        3,
        title=title,
        authors=["Subedee S."],
        year=2014,
        journal=journal.format("22nd International Congress of Clinical Chemistry and Lab Med"),
        **NO_PLACE,
    )
    assert verdict(first, again)[0] == "duplicate"
    # a journal names no meeting: no edition ('1st' in a journal's title is no meeting's)
    assert keys(4, journal="The 1st Journal of Things").editions == ""
    # a joint meeting names both partners' editions; a database that names one partner only
    # names the same meeting: one edition in common, merged; none in common, a person
    joint = keys(
        5,
        title=title,
        authors=["Subedee S."],
        year=2015,
        journal=journal.format(
            "22nd International Congress of Clinical Chemistry joint with the 21st IFCC-EFLM"
            " European Congress, Paris, June 21st-25th"
        ),
        **NO_PLACE,
    )
    assert joint.editions == "22 21"
    assert verdict(joint, second)[0] == "duplicate"
    third = keys(
        6,
        title=title,
        authors=["Subedee S."],
        year=2015,
        **NO_PLACE,
        journal=journal.format("23rd International Congress of Clinical Chemistry"),
    )
    assert verdict(joint, third) == ("uncertain", "two_editions_no_page")


def test_one_page_two_volumes_needs_two_volumes_and_two_ranges():
    # a year written as the volume is no second volume; several ranges give no one last page
    title = "The periodontal-cardiovascular link"
    journal = "Compend Contin Educ Dent"
    a = keys(1, title=title, journal=journal, year=2005, volume="25", issue="9", pages="681-685")
    b = keys(2, title=title, journal=journal, year=2004, volume="1995", issue="9", pages="681-682")
    assert verdict(a, b)[1] != "one_page_two_volumes"
    c = keys(3, title=title, journal=journal, year=2004, volume="26", pages="681-2, 685, 692")
    assert verdict(a, c)[1] != "one_page_two_volumes"
    d = keys(4, title=title, journal=journal, year=2004, volume="26", issue="9", pages="681-682")
    assert verdict(a, d) == ("uncertain", "one_page_two_volumes")
    # a year missing on one side is not two years: the guard's three fields are not all there
    e = keys(5, title=title, journal=journal, year=None, volume="26", issue="9", pages="681-682")
    assert verdict(a, e)[1] != "one_page_two_volumes"


def test_a_date_or_an_era_in_a_meetings_name_is_no_edition():
    # one abstract: one database adds the meeting's dates to its name, another its edition;
    # '3rd' of a date is no third meeting, and the pair merges as before the guard
    title = "Status of vitamin D in patients diagnosed with depression"
    dated = keys(
        1,
        title=title,
        journal="Conference: Annual Meeting of the American Psychiatric Association, May 3rd-7th",
        **NO_PLACE,
    )
    numbered = keys(
        2,
        title=title,
        journal="Conference: 167th Annual Meeting of the American Psychiatric Association",
        **NO_PLACE,
    )
    assert (dated.editions, numbered.editions) == ("", "167")
    assert verdict(dated, numbered)[0] == "duplicate"
    era = keys(3, journal="Conference: XXII World Congress: psychiatry for the 21st century")
    assert era.editions == ""
    assert keys(4, journal="Conference: Annual Meeting, 3rd of June").editions == ""
    # a date range's dash is any hyphen a publisher writes: U+2010, the non-breaking U+2011
    for dash in "-\u2010\u2011\u2013":
        ranged = keys(5, journal=f"Conference: Annual Meeting of the APA, May 3rd{dash}7th Toronto")
        assert ranged.editions == ""


def test_a_greek_letter_written_in_latin_is_no_other_item():
    # one export keeps the Greek letter, another writes a Latin one: one article, merged
    title = "Interferon-{} levels in patients with major depression"
    for greek, latin in (("\u03b3", "g"), ("\u03b3", "y"), ("\u03b1", "a"), ("\u03b2", "b")):
        a = keys(1, title=title.format(greek), **NO_PLACE)
        b = keys(2, title=title.format(latin), **NO_PLACE)
        assert verdict(a, b) == ("duplicate", "biblio_match")
    # two Greek letters are two items (receptor alpha / beta), as two Latin letters are
    alpha = keys(3, title=title.format("\u03b1"), **NO_PLACE)
    beta = keys(4, title=title.format("\u03b2"), **NO_PLACE)
    assert verdict(alpha, beta) == ("uncertain", "another_item_no_page")


def test_a_meeting_abstract_and_an_article_a_year_apart_without_pages_go_to_a_person():
    # a citation list without pages: the 2015 meeting's abstract and the team's 2014 article
    # in a regular volume of the journal (depression, dedup-stress i_minimal)
    title = "Mice selected for extremes in stress reactivity reveal key endophenotypes"
    team = dict(title=title, authors=["Heinzmann, J M", "Kloiber, S", "Touma, C"], pages="")
    meeting = "Psychoneuroendocrinology. Conference: 45th Annual Meeting of the ISPNE"
    abstract = keys(1, journal=meeting, volume="", issue="var.pagings", year=2015, **team)
    article = keys(2, journal="Psychoneuroendocrinology", volume="49", issue="", year=2014, **team)
    assert verdict(abstract, article) == ("uncertain", "meeting_abstract_no_page")
    # the meeting's own supplement, a year's slip between two databases: one record
    supplement = keys(
        3, journal="Psychoneuroendocrinology", volume="61", issue="Suppl 1", year=2014, **team
    )
    assert verdict(abstract, supplement) == ("duplicate", "biblio_match")
    # in the meeting's year the two are more often one record indexed twice
    same_year = keys(4, journal="Psychoneuroendocrinology", volume="61", year=2015, **team)
    assert verdict(abstract, same_year) == ("duplicate", "biblio_match")


def test_an_abstract_on_a_supplement_page_and_a_record_in_a_numbered_issue_go_to_a_person():
    # Embase's meeting abstract on 'S84-S85' of the supplement, the case report in issue 2 of
    # the volume, its page dropped by a thin export (depression, dedup-stress i_minimal)
    team = dict(title="A rare case of fish odor syndrome presenting as depression", year=2014)
    meeting = "Indian Journal of Psychiatry. Conference: 66th Annual National Conference"
    abstract = keys(1, journal=meeting, volume="56", issue="var.pagings", pages="S84-S85", **team)
    report = keys(2, journal="Indian J Psychiatry", volume="56", issue="2", pages="", **team)
    assert verdict(abstract, report) == ("uncertain", "supplement_and_issue_no_page")
    # near misses: the supplement of issue 2 written '2' on both records is one place; and a
    # record naming the supplement is the abstract indexed in the journal
    same_issue = keys(3, journal=meeting, volume="56", issue="2", pages="S84-S85", **team)
    assert verdict(same_issue, report)[0] == "duplicate"
    indexed = keys(4, journal="Indian J Psychiatry", volume="56", issue="Suppl 1", pages="", **team)
    assert verdict(abstract, indexed)[0] == "duplicate"
    # the abstract's issue naming the number the other record gives: a supplement to issue 2
    # written '2 Suppl 1' and '2', or 'Suppl 1' written as issue 1, one place as ever
    for issue, other_issue in (("2 SUPPL. 1", "2"), ("SUPPL. 1", "1")):
        numbered = keys(7, journal=meeting, volume="56", issue=issue, pages="S84-S85", **team)
        plain = keys(
            8, journal="Indian J Psychiatry", volume="56", issue=other_issue, pages="", **team
        )
        assert verdict(numbered, plain)[0] == verdict(plain, numbered)[0] == "duplicate"
    # an article (no meeting) on a supplement's pages, MEDLINE's issue '2' for the supplement
    # to issue 2 and Embase's pages without an issue: one article
    paper = dict(title="Integrating cannabis into clinical cancer care", year=2016)
    medline = keys(5, journal="Curr Oncol", volume="23", issue="2", pages="", **paper)
    embase = keys(6, journal="Current Oncology", volume="23", issue="", pages="S8-S14", **paper)
    assert verdict(medline, embase)[0] == "duplicate"


def test_a_meeting_abstract_and_the_journal_record_in_its_volume_a_year_apart_stay_one():
    # FASEB J 25, issue 'Meeting Abstracts' on both records, one dated a year later
    team = dict(title="Plasticity of GIP receptor expression in the vasculature", pages="")
    meeting = "FASEB Journal. Conference: Experimental Biology"
    abstract = keys(1, journal=meeting, volume="25", issue="Meeting Abstracts", year=2012, **team)
    journal = keys(
        2, journal="FASEB Journal", volume="25", issue="Meeting Abstracts", year=2011, **team
    )
    assert verdict(abstract, journal)[0] == "duplicate"
