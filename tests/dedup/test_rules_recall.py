"""Rules that recover duplicates hidden by messy exports, each with a near miss that must not merge."""

from __future__ import annotations

from dedup.helpers import TITLE, keys, verdict

from reviewkit.dedup.matching import match
from reviewkit.dedup.pages import first_page
from reviewkit.dedup.score import journal_match
from reviewkit.dedup.venue import journal_words


def test_pages_a_spreadsheet_turned_into_dates_give_the_first_page():
    assert first_page("01-Oct") == "1"  # pages 1-10
    assert first_page("10-Dec") == "10"  # pages 10-12
    assert first_page("Jan-78") == "1"  # pages 1-78
    assert first_page("12-15") == "12"
    # dates and article ids are no pages at all; supplement pages keep their number
    assert first_page("2010/04") == first_page("ddq316") == first_page("RRN1281") == ""
    assert first_page("S409") == "409"


def test_page_one_of_an_e_article_does_not_contradict_its_article_number():
    a = keys(1, pages="e12596")
    b = keys(2, pages="01-Oct")  # 'pp 1-10' read as a date by a spreadsheet
    assert b.page_weak and verdict(a, b) == ("duplicate", "biblio_match")
    # a lone two-digit 'page' is a page count
    assert verdict(a, keys(3, pages="16"))[0] == "duplicate"
    # near miss: with different DOIs (two notes in one journal) page 1 still contradicts
    c = keys(4, pages="1-4", doi="10.1287/isre.1.1")
    d = keys(5, pages="213-214", doi="10.1287/isre.1.2")
    assert verdict(c, d) == ("not_duplicate", "doi_differs")


def test_a_year_in_the_volume_field_is_no_volume():
    a = keys(1, volume="2016", year=2016, pages="")
    assert a.volume == ""
    assert verdict(a, keys(2, volume="94", year=2016, pages="35"))[0] == "duplicate"
    # near miss: a real volume that differs still contradicts
    b = keys(3, volume="2015", year=2016, pages="")
    assert b.volume == "2015"
    assert verdict(b, keys(4, volume="94", year=2016, pages="35"))[0] != "duplicate"


def test_embase_journal_with_volume_and_pages_but_no_issue():
    a = keys(
        1,
        journal="Die Medizinische Welt.10 ()(pp 535-536) 1967.Date of Publication: 1967",
        volume="",
        pages="",
    )
    assert (a.journal, a.volume, a.first_page) == (("medizinische", "welt"), "10", "535")
    b = keys(2, journal="J Clin Invest.()(pp 607-612) 1970", volume="", pages="")
    assert (b.journal, b.volume, b.first_page) == (("j", "clin", "invest"), "", "607")
    assert verdict(a, keys(3, journal="Med.Welt.", volume="10", pages="535-536"))[0] == "duplicate"


def test_journal_names_translated_abbreviated_or_as_acronym():
    assert journal_words("Daru : journal of Faculty of Pharmacy") == ("daru",)
    assert journal_words("Zhen ci yan jiu = Acupuncture research") == ("zhen", "ci", "yan", "jiu")
    assert journal_words("L'Encephale.21 Spec No 2 ()(pp 1-78) 1995") == ("encephale",)
    assert (
        journal_match(
            journal_words("Patol.Fiziol.Eksp.Ter."),
            journal_words("Patologicheskaia fiziologiia i eksperimental'naia terapiia"),
        )
        is True
    )
    assert (
        journal_match(("icis",), journal_words("International Conference on Information Systems"))
        is True
    )
    # near misses: a word skipped in a two-word name is another journal; a wrong acronym is none
    assert (
        journal_match(journal_words("J Periodontol"), journal_words("J Clin Periodontol"))
        is not True
    )
    assert (
        journal_match(("ics",), journal_words("International Conference on Information Systems"))
        is False
    )


def test_a_heading_before_the_title_still_matches():
    a = keys(1, title="How did it ... " + TITLE, pages="")
    assert verdict(a, keys(2))[0] == "duplicate"
    # near miss: a reply or comment whose title ends with the article's title
    b = keys(3, title="Author's response to: comment on " + TITLE, pages="")
    assert verdict(b, keys(4))[0] != "duplicate"
    for head in ("Discussion of ", "Invited discussion: ", "Rejoinder to "):
        c = keys(5, title=head + TITLE, pages="", authors=[])
        assert verdict(c, keys(6))[0] != "duplicate", head


def test_dotted_abbreviation_is_not_two_roman_numerals():
    a = keys(
        1,
        title='Low-dose i.v. acetylcholine acts as a "preconditioning-mimetic" in the canine model',
    )
    b = keys(
        2, title="Low-dose IV acetylcholine acts as a 'preconditioning-mimetic' in the canine model"
    )
    assert a.numbers == b.numbers == frozenset({"4"})  # read as a roman numeral, alike
    assert verdict(a, b)[0] == "duplicate"
    # near miss: part I and part II stay apart
    c = keys(3, title="Sick leave and return to work, part I: a cohort of nurses")
    d = keys(4, title="Sick leave and return to work, part II: a cohort of nurses")
    assert verdict(c, d)[0] != "duplicate"


def test_same_title_volume_pages_and_year_merge_despite_romanised_authors_and_journal():
    title = "Protective effects of sevoflurane pretreatment on myocardial ischemia-reperfusion injury in rabbits"
    a = dict(
        title=title,
        authors=["Xu J. M.", "Chang Y. T.", "Hu D. X."],
        journal="Hunan Yi Ke Da Xue Xue Bao",
        volume="26",
        pages="79-82",
        year=2001,
    )
    b = dict(
        title=title + ". Chinese",
        authors=["Jun-Mei X.", "Ye-Tian C.", "Don-Xu H."],
        journal="Bulletin of Hunan Medical University",
        volume="26",
        pages="79-82",
        year=2001,
    )
    # the second list is the first read given name first ('Xu Junmei' taken for given name
    # 'Xu'): the lists agree (names.letters_swapped) and the bibliographic rule merges
    assert verdict(keys(1, **a), keys(2, **b)) == ("duplicate", "biblio_match")
    # names in another script agree with nothing: the title at one place decides
    b_script = {**b, "authors": ["徐俊梅", "常业田", "胡东旭"]}
    assert verdict(keys(1, **a), keys(2, **b_script)) == ("duplicate", "same_title_and_place")
    # near misses, names agreeing with nothing: another year, or abstracts in conference
    # proceedings (one page holds many)
    assert verdict(keys(1, **a), keys(2, **{**b_script, "year": 2002}))[0] != "duplicate"
    meeting = "Heart.Conference: Annual Meeting of the Chinese Society of Cardiology"
    assert (
        verdict(keys(1, **{**a, "journal": meeting}), keys(2, **{**b_script, "journal": meeting}))[
            0
        ]
        != "duplicate"
    )


def test_same_title_authors_and_volume_merge_despite_a_translated_journal_name():
    title = (
        "Rating prediction for software developers by integrating OSS community and crowd sourcing"
    )
    authors = ["Ohsawa, Shohei", "Matsuo, Yutaka"]
    a = keys(
        1,
        title=title,
        authors=authors,
        journal="Jinko Chino Gakkai Ronbunshi",
        volume="31",
        pages="",
    )
    b = keys(
        2,
        title=title,
        authors=authors,
        journal="Transactions of the Japanese Society for Artificial Intelligence",
        volume="31",
        pages="A-F24_1-10",
    )
    assert verdict(a, b) == ("duplicate", "same_title_authors_volume")
    # near miss: abstracts in two journals' supplements, both 'volume 1'
    c = keys(
        3,
        title=title,
        authors=authors,
        journal="Gastroenterology",
        volume="Suppl 1)",
        pages="S-647",
    )
    d = keys(
        4,
        title=title,
        authors=authors,
        journal="Journal of Crohn's and Colitis",
        volume="Suppl 1)",
        pages="S344-S345",
    )
    assert verdict(c, d)[0] != "duplicate"


def test_translated_title_at_the_same_place_needs_the_whole_author_list():
    a = keys(
        1,
        title="Role of the amygdala in animal model of depression",
        authors=["Sortino M.A.", "Patti F.", "Rampello L."],
        journal="Boll Soc Ital Biol Sper",
        volume="59",
        pages="686-689",
        year=1983,
    )
    b = keys(
        2,
        title="Role of the amygdala in the sedation induced by low doses of apomorphine",
        authors=["Sortino M.A.", "Patti F.", "Rampello L.", "Foti D.", "Tigano G."],
        journal="Boll Soc Ital Biol Sper",
        volume="59",
        pages="686-689",
        year=1983,
    )
    assert verdict(a, b)[0] != "duplicate"  # near miss: one list is the start of the other
    c = keys(
        3,
        title="Ischemic preconditioning: a phenomenon from animal studies or clinical reality?",
        authors=["Reffelmann T.", "Schwarz E. R.", "Skobel C. E."],
        journal="Med Klin",
        volume="95",
        pages="559-567",
        year=2000,
    )
    d = keys(
        4,
        title="Ischemic preconditioning. Does this animal experiment phenomenon have clinical relevance?",
        authors=["Reffelmann T.", "Schwarz E. R.", "Skobel C. E."],
        journal="Medizinische Klinik",
        volume="95",
        pages="559-567",
        year=2000,
    )
    assert verdict(c, d) == ("duplicate", "same_place_and_authors")


def test_a_list_written_given_name_first_still_matches_its_authors():
    title = "We don't need no education: required abilities in online labour markets"
    a = keys(
        1,
        title=title,
        authors=["Carignani, Andrea", "Negri, Lorenzo"],
        year=2010,
        volume="",
        pages="1-15",
        journal="International Conference on Information Systems",
    )
    b = keys(
        2,
        title=title,
        authors=["Andrea, C.", "Lorenzo, N."],
        year=2010,
        volume="",
        pages="",
        journal="ICIS - Thirty First International Conference on Information Systems",
    )
    assert (a.given_names, b.given_names) == ("andrealorenzo", "")
    assert verdict(a, b) == ("duplicate", "biblio_match")
    # near miss: other people's names in the family-name field are still other authors
    c = keys(
        3,
        title=title,
        authors=["Rossi, C.", "Bianchi, N."],
        year=2010,
        volume="",
        pages="",
        journal="ICIS - Thirty First International Conference on Information Systems",
    )
    assert verdict(a, c)[0] != "duplicate"
    # initials only ('Carignani A'): no given names to swap
    assert keys(4, authors=["Carignani A", "Negri L"]).given_names == ""


ABSTRACT = (
    "Project sponsorship is assumed to be critical to the success of information systems development. "
    "However, there is limited research on the effect of vendor-based sponsorship on the management of "
    "information technology projects. This paper contributes to that body of research by testing a model "
    "of sponsorship with survey data from 120 projects delivered by one vendor. The results show that "
    "sponsorship improves quality, but not the cost or timeliness, of vendor delivery of projects."
)
OTHER_ABSTRACT = (
    "We study how requirements of enterprise software evolve after implementation, in a case study "
    "of three organisations that sourced cloud-based software, and find that business divisions, "
    "upgrade procedures and the vendor's ecosystem shape which requirements change and when. "
    "Implications for sourcing decisions and for research on requirements engineering are drawn."
)


def test_an_erratum_whose_record_carries_the_articles_abstract_goes_to_a_person():
    # a copy of the article's record under the erratum's title, or the erratum (its own DOI
    # and page) with the article's abstract attached: a person says which, never a rule
    article = dict(
        title=TITLE,
        abstract_sections=[{"label": "", "text": ABSTRACT}],
        volume="45",
        pages="245-253",
        doi="10.1000/sjweh.3790",
    )
    erratum = dict(article, title="Erratum to - " + TITLE, pages="254", doi="10.1000/sjweh.3811")
    a, b = keys(1, **article), keys(2, **erratum)
    assert verdict(a, b) == ("uncertain", "notice_with_article_abstract")
    result = match({1: a, 2: b})
    assert not result.accepted
    assert [u.rule for u in result.uncertain] == ["notice_with_article_abstract"]
    # near misses: an erratum with its own (or no) abstract, and a commentary, stay notices
    assert verdict(
        a, keys(3, **{**erratum, "abstract_sections": [{"label": "", "text": OTHER_ABSTRACT}]})
    ) == ("not_duplicate", "notice_veto")
    assert verdict(a, keys(4, **{**erratum, "abstract_sections": []})) == (
        "not_duplicate",
        "notice_veto",
    )
    assert verdict(a, keys(5, **{**erratum, "title": "Commentary on " + TITLE}))[0] != "duplicate"


def test_an_article_printed_again_in_the_next_volume_page_for_page_is_one_record():
    first = dict(
        abstract_sections=[{"label": "", "text": ABSTRACT}],
        year=2019,
        volume="45",
        issue="3",
        pages="245-253",
        doi="10.1000/sjweh.3790",
    )
    again = dict(first, year=2020, volume="46", pages="112-120", doi="10.1000/sjweh.3902")
    a, b = keys(1, **first), keys(2, **again)
    assert (a.page_count, b.page_count) == (9, 9)
    assert verdict(a, b) == ("duplicate", "printed_again_next_volume")
    # the cluster guard lets this rule join two DOIs
    assert [(e.a, e.b) for e in match({1: a, 2: b}).accepted] == [(1, 2)]
    # other republications of one text, which the labelled sets disagree about, go to review:
    # a page more, two volumes on, an author added, a conference abstract printed twice
    for change in (
        dict(pages="112-121"),
        dict(year=2021, volume="47"),
        dict(authors=["Hansen, Kari", "Olsen, Per", "Berg, Anne", "Lie, Tor"]),
        dict(journal="Scandinavian Journal of Work, Environment and Health. Conference: NOS"),
    ):
        near = keys(3, **{**again, **change})
        assert verdict(a, near) == ("uncertain", "same_abstract_published_twice"), change
    # near miss: the same title and authors a year later with another abstract (a new paper)
    other_text = {**again, "abstract_sections": [{"label": "", "text": OTHER_ABSTRACT}]}
    assert verdict(a, keys(4, **other_text)) == ("not_duplicate", "doi_differs")


def test_pages_from_an_embase_journal_field_can_be_weak_too():
    a = keys(1, journal="J Med Internet Res.12 ()(pp 1-10) 2010", volume="", pages="")
    assert (a.volume, a.first_page, a.page_weak) == ("12", "1", True)
    assert (
        keys(2, journal="J Med Internet Res.12 ()(pp 535-540) 2010", volume="", pages="").page_weak
        is False
    )


def test_proceedings_journals_are_not_conferences():
    assert not keys(
        1, journal="Proceedings of the National Academy of Sciences of the United States of America"
    ).conference
    assert not keys(2, journal="Mayo Clinic Proceedings").conference
    assert keys(
        3, journal="Proceedings of the 12th International Conference on Information Systems"
    ).conference


def test_a_wos_journal_with_its_subtitle_after_a_hyphen_is_the_journal_not_a_sister():
    def same(a: str, b: str) -> bool | None:
        return journal_match(journal_words(a), journal_words(b))

    # the subtitle spells the name out, or describes the journal
    assert same("Jama", "JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION") is True
    assert same("BMJ-BRITISH MEDICAL JOURNAL", "BMJ") is True
    assert same("Arthroscopy", "ARTHROSCOPY-THE JOURNAL OF ARTHROSCOPIC AND RELATED SURGERY")
    assert same("BJOG", "BJOG-AN INTERNATIONAL JOURNAL OF OBSTETRICS AND GYNAECOLOGY") is True
    # near misses: a sister journal written the same way, or a journal named '... Journal'
    assert same("NeuroImage", "NEUROIMAGE-CLINICAL") is not True
    assert same("Circulation", "CIRCULATION-CARDIOVASCULAR GENETICS") is not True
    assert same("Diabetes", "DIABETES-METABOLISM RESEARCH AND REVIEWS") is not True
    assert same("Cell", "Cell Journal (Yakhteh)") is not True
    assert same("JAMA", "JAMA Internal Medicine") is not True
    # a citation without volume or page: the journal is what the year has beside it
    thin = dict(pages="", issue="", volume="", year=2009)
    a = keys(1, journal="JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION", **thin)
    assert verdict(a, keys(2, journal="Jama", **thin)) == ("duplicate", "biblio_match")


def test_a_wos_name_with_a_subtitle_stays_apart_from_its_sister_journals():
    def same(a: str, b: str) -> bool | None:
        return journal_match(journal_words(a), journal_words(b))

    # the volume of one name is another journal: American and British JBJS
    jbjs_am = "JOURNAL OF BONE AND JOINT SURGERY-AMERICAN VOLUME"
    assert same(jbjs_am, "J Bone Joint Surg Am") is True
    assert same(jbjs_am, "J Bone Joint Surg Br") is False
    # a subtitle that spells the name out is not a licence for the family's other titles
    assert same("BMJ-BRITISH MEDICAL JOURNAL", "BMJ Open") is False
    assert same("JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION", "JAMA Psychiatry") is False
    assert same("ANNALS OF ONCOLOGY", "ANNALS-ACADEMY OF MEDICINE SINGAPORE") is False
    # a field after the hyphen names a sister journal, whatever the first word's journal
    for sister, parent in (
        ("LANCET-ONCOLOGY", "Lancet"),
        ("CIRCULATION-HEART FAILURE", "Circulation"),
    ):
        assert same(sister, parent) is not True
    # a description opening 'A Journal ...' is the journal's own subtitle
    assert same("Cortex", "CORTEX-A JOURNAL DEVOTED TO THE STUDY OF THE NERVOUS SYSTEM") is True
    # after an article one word of what it is a journal of is enough: 'A Journal' opens a
    # description, while 'Brain Journal' without one would name another journal
    assert same("Brain", "BRAIN-A JOURNAL OF NEUROLOGY") is True
    assert same("Brain", "Brain Journal") is not True


def test_a_journal_named_word_journal_is_not_the_start_of_a_wos_name_with_a_subtitle():
    def same(a: str, b: str) -> bool | None:
        return journal_match(journal_words(a), journal_words(b))

    cancer = "CANCER-JOURNAL OF THE AMERICAN CANCER SOCIETY"  # WoS's name for Cancer
    # The Cancer Journal is another journal, however its name is abbreviated
    assert same(cancer, "Cancer Journal") is False
    assert same("Cancer J", cancer) is False
    # Cancer itself, and the WoS name without its hyphen (a Scopus export), stay the journal
    assert same(cancer, "Cancer") is True
    assert same("CANCER", "Cancer Journal of the American Cancer Society") is True
    assert same(cancer, "cancer journal of the american cancer society") is True
    # a whole name that starts another still counts: a journal's longer former name
    aph = "American Journal of Public Health"
    assert same(aph, "American Journal of Public Health and the Nation's Health") is True
