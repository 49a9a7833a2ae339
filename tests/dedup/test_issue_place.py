"""Exports without pages: one plain issue number stands in for the first page when journal,
volume, year and authors agree (reviewkit.dedup.issue_place). Hand-made records."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.matching import match

DIABETOLOGIA = dict(
    title="Sulphonylurea treatment of NIDDM patients with cardiovascular disease",
    journal="Diabetologia",
    volume="39",
    issue="5",
    year=1996,
    authors=["Leibowitz, G.", "Cerasi, E."],
)
OLD_DOI, NEW_DOI = "10.1007/bf00403296", "10.1007/s001250050472"


def test_one_article_under_two_dois_without_pages_merges_on_its_issue():
    # Springer's old 'BF' DOI and the new one: with pages biblio_match_doi_differs merges it
    a = keys(1, **DIABETOLOGIA, pages="", doi=OLD_DOI)
    b = keys(2, **DIABETOLOGIA, pages="", doi=NEW_DOI)
    assert verdict(a, b) == ("duplicate", "two_dois_same_issue")
    # a page on one side only: the issue still places both
    c = keys(3, **DIABETOLOGIA, pages="503-514", doi=NEW_DOI)
    assert verdict(a, c) == ("duplicate", "two_dois_same_issue")
    # with pages on both sides the page decides, as before
    d = keys(4, **DIABETOLOGIA, pages="503-514", doi=OLD_DOI)
    assert verdict(c, d) == ("duplicate", "biblio_match_doi_differs")
    # two issues: a person decides
    other_issue = keys(2, **{**DIABETOLOGIA, "issue": "6"}, pages="", doi=NEW_DOI)
    assert verdict(a, other_issue) == ("uncertain", "doi_differs")
    # a supplement or a double issue names no single issue: nothing stands in for the page
    for issue in ("", "Suppl 1", "5-6"):
        b = keys(3, **{**DIABETOLOGIA, "issue": issue}, pages="", doi=NEW_DOI)
        c = keys(4, **{**DIABETOLOGIA, "issue": issue}, pages="", doi=OLD_DOI)
        assert verdict(b, c) == ("uncertain", "doi_differs"), issue
    # other authors under one title in one issue: a reply, a commentary
    d = keys(5, **{**DIABETOLOGIA, "authors": ["Groop, L."]}, pages="", doi=NEW_DOI)
    assert verdict(a, d)[0] != "duplicate"


def test_a_shortened_or_marked_title_without_pages_merges_on_its_issue_not_a_companion():
    # MEDLINE's bracketed translation '(author's transl)', a subtitle one export dropped
    pairs = [
        (
            "Psychopharmacology of tryptophan",
            "[Psychopharmacology of tryptophan (author's transl)]",
        ),
        (
            "Diminished control in crowdsourcing: an investigation of crowdworker multitasking",
            "Diminished control in crowdsourcing",
        ),
    ]
    for one, two in pairs:
        a = keys(1, title=one, pages="", issue="8")
        b = keys(2, title=two, pages="", issue="8")
        assert verdict(a, b) == ("duplicate", "close_title_same_issue"), one
        # in two issues, or without an issue, a person decides as before
        c = keys(3, title=two, pages="", issue="9")
        assert verdict(a, c)[0] == "uncertain", one
        e, f = keys(5, title=one, pages="", issue=""), keys(6, title=two, pages="", issue="")
        assert verdict(e, f)[0] == "uncertain", one
    # companion papers (the kind the page told apart): one team, one issue, a word swapped
    a = keys(1, title="Sulphonylurea treatment of NIDDM patients with heart disease", pages="")
    b = keys(2, title="Sulphonylurea treatment of NIDDM patients with kidney disease", pages="")
    assert verdict(a, b) == ("uncertain", "biblio_partial")
    # other authors in one issue under a shortened title: not one article
    c = keys(3, title="Sulphonylurea treatment of NIDDM patients", pages="", authors=["Ruiz, M."])
    d = keys(4, title="Sulphonylurea treatment of NIDDM patients: a trial", pages="")
    assert verdict(c, d)[0] != "duplicate"


def test_the_chaining_guard_keeps_the_merge_of_two_dois():
    # the guard refuses 'different DOIs' in one cluster unless the rule read them as one article
    a = keys(0, **DIABETOLOGIA, pages="", doi=OLD_DOI)
    b = keys(1, **DIABETOLOGIA, pages="", doi=NEW_DOI)
    result = match({0: a, 1: b})
    assert [(e.a, e.b, e.rule) for e in result.accepted] == [(0, 1, "two_dois_same_issue")]
    assert result.uncertain == []


def test_a_word_inserted_inside_a_title_is_a_companion_paper_not_a_shortened_title():
    # one team's papers in one issue name their own factor, population or organ inside the
    # shared words; an export shortens or marks a title at its ends only
    companions = [
        (
            "Effects of insulin on hepatic glucose output in rats",
            "Effects of insulin on hepatic glucose output in diabetic rats",
        ),
        (
            "Effects of insulin on hepatic glucose output in man",
            "Effects of insulin and glucagon on hepatic glucose output in man",
        ),
        (
            "Surgical treatment of hepatocellular carcinoma",
            "Surgical treatment of recurrent hepatocellular carcinoma",
        ),
    ]
    for one, two in companions:
        a, b = keys(1, title=one, pages="", issue="8"), keys(2, title=two, pages="", issue="8")
        assert verdict(a, b)[0] == "uncertain", two
    # a Greek letter an export lost inside the title is no word of another paper (cardiac)
    lost = "Ischemic preconditioning in the intact rat heart is mediated by but not mu or opioid receptors"
    kept = (
        "Ischemic preconditioning in the intact rat heart is mediated by delta1- "
        "but not mu- or kappa-opioid receptors"
    )
    a, b = keys(1, title=lost, pages="", issue="8"), keys(2, title=kept, pages="", issue="8")
    assert verdict(a, b) == ("duplicate", "close_title_same_issue")
    # a piece of a chemical name with its locants, lost with its brackets (depression)
    opening = (
        "Anxiolytic-like and antidepressant-like activities of MCL0129 (1-[(S)-2-(4-fluorophenyl)"
        "-2-(4-isopropylpiperadin-1-yl)ethyl]-4-"
    )
    end = "piperazine), a novel and potent nonpeptide antagonist of the melanocortin-4 receptor"
    whole, cut = opening + "[4-(2-methoxynap hthalen-1-yl)butyl]" + end, opening + end
    a, b = keys(1, title=whole, pages="", issue="8"), keys(2, title=cut, pages="", issue="8")
    assert verdict(a, b) == ("duplicate", "close_title_same_issue")
    # a heading before the title, as an export adds it (haematology's 'MEDICAL PROGRESS')
    a = keys(1, title="Atypical hemolytic uremic syndrome", pages="", issue="8")
    b = keys(2, title="MEDICAL PROGRESS: Atypical hemolytic uremic syndrome", pages="", issue="8")
    assert verdict(a, b) == ("duplicate", "close_title_same_issue")


def test_a_number_inserted_with_a_companions_qualifier_is_no_chemical_names_piece():
    # a team's papers on two ages of one strain, in one issue (dedup46a): the inserted words
    # hold a number but no substituent's name ('-yl'), so they are the paper's own qualifier
    companions = [
        (
            "Insulin resistance of skeletal muscle glucose transport in obese Zucker rats",
            "Insulin resistance of skeletal muscle glucose transport in 12 week old obese Zucker rats",
        ),
        (
            "Glucose transport in the obese Zucker rat: effects of training",
            "Glucose transport in the 6 month old obese Zucker rat: effects of training",
        ),
    ]
    for one, two in companions:
        a, b = keys(1, title=one, pages="", issue="8"), keys(2, title=two, pages="", issue="8")
        assert verdict(a, b)[0] == "uncertain", two


def test_a_heading_that_repeats_a_title_word_is_no_reordering():
    # 'Study of' before the title holds an 'of' the title holds later (depression)
    title = "2 new GABA-ergics, GABA-linoleamide and GABA-steatamide, on 2 experimental models of depression"
    headed = (
        "Study of two new GABA-ergics, GABA-linoleamide and GABA-steatamide, on two experimental "
        "models of depression"
    )
    a, b = keys(1, title=title, pages="", issue="8"), keys(2, title=headed, pages="", issue="8")
    assert verdict(a, b) == ("duplicate", "close_title_same_issue")


def test_a_record_without_a_page_does_not_join_two_paged_articles_under_two_dois():
    # the page-less copy reads as one article with each; the two paged records, whose pages
    # and DOIs differ, are two articles: the rule vouches for the pair it judged, not a third
    base = {**DIABETOLOGIA}
    bare = keys(0, **base, pages="", doi=OLD_DOI)
    first = keys(1, **base, pages="503-514", doi=NEW_DOI)
    second = keys(2, **base, pages="601-609", doi="10.1007/s001250050999")
    assert verdict(first, second)[0] == "not_duplicate"
    result = match({0: bare, 1: first, 2: second})
    merged = {(e.a, e.b) for e in result.accepted}
    assert not ({(0, 1), (1, 0)} & merged and {(0, 2), (2, 0)} & merged)
    assert result.uncertain  # the pair the guard refused waits for a person
