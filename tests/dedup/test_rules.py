"""Each matching rule and veto on hand-made pairs; blocking; the chaining guard."""

from __future__ import annotations

from dedup.helpers import TITLE, keys, other, verdict

from reviewkit.dedup.block import candidate_pairs
from reviewkit.dedup.cluster import components
from reviewkit.dedup.identifiers import doi_key
from reviewkit.dedup.matching import match, shared_dois
from reviewkit.dedup.normalise import keys_for
from reviewkit.dedup.rules import compare
from reviewkit.dedup.score import Context, journal_match
from reviewkit.dedup.titles import match_title


def test_same_pmid_is_a_duplicate_even_with_other_differences():
    a = keys(1, pmid="31234567", journal="Scand J Work Environ Health")
    b = keys(2, pmid="PMID: 31234567", title=TITLE + " (abstract)", pages="")
    assert verdict(a, b) == ("duplicate", "same_pmid")


def test_two_different_pmids_are_never_the_same_record():
    a, b = keys(1, pmid="111"), keys(2, pmid="222")  # everything else identical
    assert verdict(a, b) == ("not_duplicate", "pmid_veto")


def test_doi_with_different_case_and_resolver_prefix_is_the_same():
    a = keys(1, doi="https://doi.org/10.5271/SJWEH.3801", journal="Scand J Work Environ Health")
    b = keys(2, doi="doi:10.5271/sjweh.3801.", pages="", volume="")
    assert a.doi == b.doi == "10.5271/sjweh3801"  # the comparison key: punctuation dropped
    assert verdict(a, b) == ("duplicate", "same_doi")


def test_a_doi_with_its_punctuation_changed_or_a_figures_doi_is_the_articles():
    a = keys(1, doi="10.3402/fnr.v57i0.21245", pages="")
    b = keys(2, doi="10.3402/fnrv57i0.21245", pages="")  # an export that dropped a dot
    assert verdict(a, b) == ("duplicate", "same_doi")
    article = keys(3, doi="10.1371/journal.pone.0094853", pages="e94853")
    for component in ("10.1371/journal.pone.0094853.g001", "10.1371/journal.pone.0094853.t002"):
        assert verdict(article, keys(4, doi=component, pages="")) == ("duplicate", "same_doi")
    assert keys(5, doi="10.7554/elife.06487.001").doi == keys(6, doi="10.7554/elife.06487").doi
    assert doi_key("10.1000/ABC.12") == doi_key("10.1000/abc12") == "10.1000/abc12"
    # near misses: a DOI ending in three digits is not a component outside PLoS and eLife,
    # and a PLoS article number differs from its neighbour's
    assert (
        keys(7, doi="10.1016/j.yjmcc.2010.02.013").doi != keys(8, doi="10.1016/j.yjmcc.2010.02").doi
    )
    neighbour = keys(9, doi="10.1371/journal.pone.0094854", pages="e94854")
    assert verdict(article, neighbour)[0] != "duplicate"


def test_doi_shared_by_many_records_is_not_proof():
    doi = "10.1016/s0924-9338(19)30001-1"  # a supplement of conference abstracts
    titles = [
        "Sleep in nurses on night shifts",
        "Burnout among general practitioners in Norway",
        "Vocational rehabilitation after stroke",
        "Neck pain in office workers: a survey",
    ]
    recs = [keys(i, doi=doi, title=t, pages=str(100 + i)) for i, t in enumerate(titles, start=1)]
    ctx = Context(shared_dois(recs))
    assert recs[0].doi in ctx.shared_dois
    v = compare(recs[0], recs[1], ctx)
    assert v.verdict == "not_duplicate" and v.rule != "same_doi"
    # the same DOI on a few copies of one paper still decides
    assert shared_dois([keys(1, doi=doi), keys(2, doi=doi)]) == frozenset()


def test_same_doi_with_contradicting_pages_is_judged_on_the_rest():
    a = keys(1, doi="10.1/x", volume="45", pages="245-253")
    b = keys(
        2, doi="10.1/x", volume="12", pages="S88", journal="Occupational and Environmental Medicine"
    )
    assert verdict(a, b)[0] != "duplicate"


def test_bracketed_translated_title_and_language_note_match_the_plain_title():
    assert match_title("[Return to work after sick leave]. [Norwegian]") == match_title(
        "Return to work after sick leave"
    )
    a = keys(1, title=f"[{TITLE}].", source="Embase")
    b = keys(2, title=TITLE)
    assert verdict(a, b) == ("duplicate", "biblio_match")


def test_html_latex_and_diacritics_do_not_hide_a_duplicate():
    a = keys(1, title="<i>Sjögren</i>'s syndrome &amp; return to work in Tromsø: a cohort")
    b = keys(2, title="Sjogren's syndrome & return to work in Tromso: a cohort")
    c = keys(3, title=r"Sj\"{o}gren's syndrome \& return to work in \emph{Tromsø}: a cohort")
    assert a.title == b.title
    assert verdict(a, b) == ("duplicate", "biblio_match")
    assert compare(a, c).verdict == "duplicate"


def test_journal_abbreviations_match_full_names():
    fold = lambda j: keys_for(1, other(1, journal=j)).journal  # noqa: E731
    assert journal_match(fold("Curr Opin Lipidol"), fold("Current Opinion in Lipidology"))
    assert journal_match(
        fold("Circulation. Conference: American Heart Association"), fold("Circulation")
    )
    assert journal_match(fold("Occupational Medicine"), fold("Journal of Hepatology")) is False


def test_missing_fields_send_an_identical_title_to_review_not_to_a_merge():
    a = keys(1, authors=[], year=None, journal="", volume="", pages="")
    b = keys(2, authors=[], year=None, journal="", volume="", pages="")
    assert verdict(a, b)[0] == "uncertain"
    no_title = keys(3, title="", pages=""), keys(4, title="", pages="")
    assert verdict(*no_title) == ("not_duplicate", "no_title")


def test_an_erratum_is_not_its_article():
    a = keys(1, title="Erratum: " + TITLE, pages="400")
    assert verdict(keys(2), a) == ("not_duplicate", "notice_veto")


def test_a_letter_or_an_authors_reply_headed_by_the_title_is_not_the_article():
    # a reply by the article's own authors, no pages given: everything else agrees
    for heading in ("Re: ", "RE: ", "Author reply: ", "In response to: ", "A comment on "):
        letter = keys(2, title=heading + TITLE, pages="")
        assert letter.notice, heading
        assert verdict(keys(1), letter) == ("not_duplicate", "notice_veto"), heading
    # two copies of one letter are still one record
    assert verdict(keys(3, title="Re: " + TITLE), keys(4, title="RE: " + TITLE))[0] == "duplicate"
    # near miss: a title that starts with 're-' is no letter
    assert not keys(5, title="Re-examining return to work after sick leave").notice


def test_part_one_and_part_two_differ():
    a = keys(1, title="Work disability prevention, part 1: concepts")
    b = keys(2, title="Work disability prevention, part 2: concepts")
    assert compare(a, b).verdict != "duplicate"
    # 'Part II' is part 2, not another part
    roman = keys(3, title="Work disability prevention, part II: concepts")
    assert verdict(b, roman) == ("duplicate", "biblio_match")
    assert compare(a, roman).verdict != "duplicate"


def test_same_doi_year_volume_and_page_outweigh_a_note_in_the_title_or_unreadable_authors():
    doi = dict(doi="10.1902/jop.2013.1340018", volume="84", pages="S1-S7", year=2013)
    article = keys(1, title="Infection and inflammatory mechanisms", **doi)
    reprint = keys(
        2,
        title="Infection and inflammatory mechanisms (Reprinted from J Clin Periodontol 2013; 40 Suppl 14: S1-7)",
        authors=["Van Dyke Thomas E.van Winkelhoff Arie Jan"],  # an export that ran names together
        **doi,
    )
    assert verdict(article, reprint) == ("duplicate", "same_doi")
    # near misses under the same DOI: another page of the issue, or another abstract on the
    # same supplement page (another title, other authors)
    assert verdict(article, keys(3, **{**doi, "pages": "S8-S9"}, title=reprint.title))[0] != (
        "duplicate"
    )
    neighbour = keys(4, **doi, title="Periodontal bacteria in atheromas", authors=["Lee, Min"])
    assert verdict(article, neighbour)[0] != "duplicate"
    # ... even when its author list ends with the other's (another first author)
    first = dict(doi, authors=["Hassannejad, Z.", "Rahimi-Movaghar, V."])
    abstract = keys(5, title="Efficacy of hydrogels for repair of spinal cord injuries", **first)
    longer = ["Shakouri-Motlagh, A.", "Mokhatab, M.", "Hassannejad, Z.", "Rahimi-Movaghar, V."]
    other = keys(
        6, **{**first, "authors": longer}, title="Myelinating cells after spinal cord injury"
    )
    assert verdict(abstract, other) == ("uncertain", "same_doi_titles_differ")
    # while a translated title with the same authors is the article
    spanish = keys(7, **first, title="Eficacia de los hidrogeles en la lesión medular")
    assert verdict(abstract, spanish) == ("duplicate", "same_doi")


def test_a_translated_title_joins_a_cluster_under_its_doi_and_counts_as_one_title():
    doi = dict(doi="10.24875/gmm.18004928", volume="155", pages="307-312")
    english = keys(1, title="Therapeutic applications by cannabinoid action", **doi)
    copy = keys(2, title="Therapeutic applications by cannabinoid action.", **doi)
    spanish = keys(3, title="Aplicaciones terapéuticas por acción de los cannabinoides", **doi)
    ks = {1: english, 2: copy, 3: spanish}
    result = match(ks)
    assert components(ks, ((e.a, e.b) for e in result.accepted)) == [{1, 2, 3}]
    # a record without the DOI whose title agrees with the English one joins: the Spanish
    # title and its translation, accepted as one work under one DOI, are one title for the
    # chaining guard (it refused this record for the Spanish title until issue 14, dd24)
    undated = keys(4, title=english.title.replace("by", "through"), volume="155", pages="307-312")
    ks[4] = undated
    result = match(ks)
    assert components(ks, ((e.a, e.b) for e in result.accepted)) == [{1, 2, 3, 4}]
    assert not any(u.rule.startswith("chain_guard") for u in result.uncertain)


def test_different_years_and_pages_keep_a_same_title_apart():
    a = keys(1)
    b = keys(2, year=2015, pages="10-19", volume="41")
    assert compare(a, b).verdict != "duplicate"


def test_blocking_is_not_all_pairs_but_finds_the_duplicates():
    ks = [keys_for(i, other(i)) for i in range(300)]
    ks += [
        keys_for(1000, other(5, source="PubMed")),
        keys_for(1001, other(77, title=other(77).title.upper())),
    ]
    pairs = set(candidate_pairs(ks))
    assert (5, 1000) in pairs and (77, 1001) in pairs
    assert len(pairs) < 300 * 299 / 2 / 20
    only_new = set(candidate_pairs(ks, new={1000}))
    assert only_new and all(1000 in p for p in only_new)


def test_chaining_guard_keeps_two_pmids_apart():
    a = keys(1, pmid="111")
    b = keys(2)  # no PMID: looks like both
    c = keys(3, pmid="222")
    result = match({k.id: k for k in (a, b, c)})
    clusters = components([1, 2, 3], ((e.a, e.b) for e in result.accepted))
    together = next(c for c in clusters if 2 in c)
    assert len(together) == 2 and {1, 3} - together  # b joined one of them, never both
    assert any(u.rule.startswith("chain_guard:") for u in result.uncertain)


def test_chaining_guard_splits_a_chain_of_drifting_titles():
    t1 = "Effects of a workplace dialogue meeting on return to work for employees on sick leave"
    t2 = "Effects of a workplace dialogue meeting on return to work"
    t3 = "A workplace dialogue meeting on return to work"
    ks = {
        i: keys(i, title=t, authors=[], journal="", volume="", pages="")
        for i, t in enumerate((t1, t2, t3), 1)
    }
    result = match(ks)
    clusters = components(ks, ((e.a, e.b) for e in result.accepted))
    assert not any({1, 3} <= c for c in clusters)


def test_versions_of_one_cochrane_review_are_one_study_but_other_dois_are_not():
    a = keys(1, doi="10.1002/14651858.CD009622.pub2", year=2013)
    b = keys(2, doi="10.1002/14651858.CD009622.pub3", year=2014, pages="")
    assert verdict(a, b) == ("duplicate", "doi_versions")
    c = keys(3, doi="10.1002/14651858.CD001234.pub2", year=2013, pages="300-310")
    assert compare(a, c).verdict != "duplicate"


COCHRANE = "Cochrane Database Syst Rev"


def review(i, doi="", year=2006, journal=COCHRANE, authors=("Joshi, V. H.", "Bhuta, T."), **kw):
    """A review in a journal of living reviews: no volume or pages, as such records come."""
    return keys(
        i, doi=doi, year=year, journal=journal, authors=list(authors), volume="", pages="", **kw
    )


def test_a_cochrane_update_by_a_new_team_or_withdrawn_or_reworded_is_the_same_review():
    first = review(1, "10.1002/14651858.CD000437.pub2", 2006)
    update = review(2, "10.1002/14651858.CD000437.pub3", 2015, authors=("Rojas-Reyes, M. X.",))
    assert verdict(first, update) == ("duplicate", "doi_versions")
    withdrawn = review(3, "10.1002/14651858.CD000437.pub4", 2019, title="WITHDRAWN: " + TITLE)
    assert verdict(first, withdrawn) == ("duplicate", "doi_versions")
    reworded = review(
        4, "10.1002/14651858.CD000437.pub5", 2020, title=TITLE.replace("a ", "a cluster ")
    )
    assert verdict(first, reworded) == ("duplicate", "doi_versions")
    # near misses: a reworded title by a new team; the same title under another review's number
    renamed = review(
        5,
        "10.1002/14651858.CD000437.pub6",
        2021,
        title=TITLE.replace("a ", "a cluster "),
        authors=("Matino, D.", "Makris, M."),
    )
    assert verdict(first, renamed)[0] != "duplicate"
    other_review = review(6, "10.1002/14651858.CD000438.pub2", 2015)
    assert verdict(first, other_review)[0] != "duplicate"


def test_versions_of_a_living_review_without_dois_are_one_review_and_are_blocked_together():
    def chapter(i, year, authors, journal="BMJ Clin Evid", title="Head lice"):
        return review(i, year=year, authors=authors, journal=journal, title=title)

    old = chapter(1, 2009, ["Burgess, I. F."])
    new = chapter(2, 2015, ["Burgess, I. F.", "Silverston, P."])
    assert verdict(old, new) == ("duplicate", "living_review_versions")
    assert (1, 2) in set(candidate_pairs([old, new]))  # a short title, six years apart
    cochrane = review(
        3,
        year=2000,
        journal="Cochrane Database of Systematic Reviews (Online)",
        authors=["Wang, E."],
    )
    withdrawn = review(
        4, "10.1002/14651858.CD001725.pub2", 2007, authors=["Tang, F."], title="Withdrawn: " + TITLE
    )
    assert verdict(cochrane, withdrawn) == ("duplicate", "living_review_versions")
    # near misses: the same short title in an ordinary journal; a title that differs a little
    assert (
        verdict(
            chapter(5, 2009, ["Burgess, I. F."], journal="Lancet"),
            chapter(6, 2015, ["Smith, J."], journal="Lancet"),
        )[0]
        != "duplicate"
    )
    assert (
        verdict(old, chapter(7, 2015, ["Burgess, I. F."], title="Head lice in adults"))[0]
        != "duplicate"
    )


def test_a_cluster_of_one_review_takes_its_next_version():
    ks = {
        1: review(1, "10.1002/14651858.CD000437.pub2", 2006),
        2: review(2, year=2006, journal="Cochrane Database of Systematic Reviews"),
        3: review(3, "10.1002/14651858.CD000437.pub3", 2015, authors=["Rojas-Reyes, M. X."]),
    }
    result = match(ks)
    assert components(ks, ((e.a, e.b) for e in result.accepted)) == [{1, 2, 3}]
    assert not result.refused


def test_same_doi_but_different_numbers_in_title_is_not_merged():
    a = keys(
        1,
        doi="10.3390/ph11010013",
        title="Haemodynamic effects of delta(8)-tetrahydrocannabinol",
        pages="",
    )
    b = keys(
        2,
        doi="10.3390/ph11010013",
        title="Haemodynamic effects of delta<sup>9</sup>-tetrahydrocannabinol",
        pages="",
    )
    assert compare(a, b).verdict != "duplicate"


def test_volume_and_pages_inside_the_journal_field_are_used():
    k = keys(
        1, journal="Obesity.18 (6) ()(pp 1260-1265) 2010.Date of Publication", volume="", pages=""
    )
    assert (k.journal, k.volume, k.first_page) == (("obesity",), "18", "1260")
    assert keys(2, pages="2019", year=2019).first_page == ""  # a year in the pages field


def test_ovid_source_without_volume_keeps_only_the_journal_words():
    """Ovid writes an e-only article without volume as 'Journal.(no pagination) 2010.Article
    Number: N': its year, article number and date are no journal words."""
    for source, journal in [
        (
            "Parkinson's Disease.(no pagination) 2010.Article Number: 238491.Date of Publication: 2010.",
            "Parkinson's Disease",
        ),
        (
            "International Journal of Alzheimer's Disease.(no pagination) 2011.Article Number: 690305.",
            "International Journal of Alzheimer's Disease",
        ),
        ("J Clin Invest.()(pp 607-612) 1970", "J Clin Invest"),  # guard: read before too
    ]:
        assert keys(1, journal=source).journal == keys(2, journal=journal).journal
    assert keys(3, journal="Parkinsons Dis.(no pagination) 2010").journal == ("parkinsons", "dis")


def test_recurring_generic_titles_need_the_same_volume_and_page():
    a = keys(1, title="Editor's comments", pages="", authors=["Lee, A"])
    b = keys(2, title="Editor's comments", pages="", authors=["Lee, A"])
    assert a.generic and verdict(a, b) == ("uncertain", "generic_title")
    assert verdict(keys(3, title="Editorial"), keys(4, title="Editorial")) == (
        "duplicate",
        "biblio_match",
    )


def test_spreadsheet_error_is_no_title():
    assert keys(1, title="#NAME?").title == ""
    assert verdict(keys(1, title="#NAME?", pages=""), keys(2, title="#NAME?", pages="")) == (
        "not_duplicate",
        "no_title",
    )


def test_author_list_cut_to_the_first_author_still_agrees():
    a = keys(1, authors=["Park, J"], pages="")
    b = keys(2, authors=["Park, J", "Lee, K", "Kim, S"], pages="")
    assert compare(a, b).verdict == "duplicate"


def test_the_dedup_core_does_not_import_textual():
    import subprocess
    import sys

    code = "import sys, reviewkit.dedup.engine, reviewkit.store.duplicates; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
