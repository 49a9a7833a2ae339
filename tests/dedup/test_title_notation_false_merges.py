"""The title notations dedup32 reads past (a radionuclide label, Ovid MEDLINE's erratum note
and review tag, a title opening with a bracketed name) checked for false merges (issue 14):
hand-made pairs of two works whose titles the notation might make one."""

from __future__ import annotations

from dedup.helpers import keys, outcome, rec

from reviewkit.dedup.titles import is_translated, match_title

TITLE = "White matter microstructure and molecular markers in fragile X premutation females"
NOTED = TITLE + ".[Erratum appears in Neurology. 2017 Sep 26;89(13):1430; PMID: 28947586]"
AUTHORS = ["Wang J", "Hessl D"]


def test_an_erratum_titled_with_its_article_and_what_it_is_stays_apart_without_a_place():
    # Cambridge University Press's '– ERRATUM' / '– CORRIGENDUM' after the article's title, and
    # the forms like it; once the note is dropped from the article's title the two titles met
    article = rec(title=NOTED, authors=AUTHORS, journal="Neurology", year=2017)
    for tail in (" - ERRATUM", " – CORRIGENDUM", ": Erratum", " (Erratum)", " [Corrigendum]"):
        assert keys(1, title=TITLE + tail).notice
        notice = rec(title=TITLE + tail, authors=AUTHORS, journal="Neurology", year=2017)
        assert outcome(article, notice)[0] == "apart", tail
    # Ovid's note cut short by an export is still the article's, and a title ending in a
    # correction of another kind is an article
    assert not keys(
        1, title=TITLE + ".[Erratum appears in Am J Transplant. [added]].[Erratum"
    ).notice
    assert not keys(1, title="Hallux valgus: correction by osteotomy").notice
    assert not keys(1, title="Scoliosis in adolescents: Correction").notice


def test_an_erratums_own_record_stays_apart_from_its_noted_article():
    article = rec(title=NOTED, authors=AUTHORS, journal="Neurology", year=2017)
    for head in ("Erratum: ", "Correction to: ", "Correction: "):
        notice = rec(title=head + TITLE, authors=AUTHORS, journal="Neurology", year=2017)
        assert outcome(article, notice)[0] == "apart", head


def test_a_review_and_another_article_of_its_title_stay_apart():
    title = "Vitamin D supplementation and fracture risk in older adults"
    review = rec(
        title=title + ". [Review] [57 refs]", authors=["Smith J"], journal="BMJ", year=2010
    )
    primary = rec(title=title, authors=["Jones K"], journal="Osteoporos Int", year=2011)
    assert outcome(review, primary)[0] != "merged"


def test_a_hyphen_and_number_that_label_no_nuclide_keep_their_number():
    # a T cell antigen, a cluster of differentiation, a list number: not labels
    assert match_title("T-11 and CD-11b on lymphocytes") == "t 11 and cd 11b on lymphocytes"
    assert match_title("Item (11) Cohort data") == "item 11 cohort data"
    place = dict(journal="J Nucl Med", volume="50", issue="3", pages="")
    a = rec(title="T-11 and CD-11 expression in lymphocytes", **place)
    b = rec(title="T-12 and CD-12 expression in lymphocytes", **place)
    assert outcome(a, b)[0] != "merged"


def test_two_tracers_stay_two():
    place = dict(journal="J Nucl Med", volume="50", issue="3", pages="")
    c11 = rec(title="[11C]choline PET in prostate cancer", **place)
    f18 = rec(title="F-18 choline PET in prostate cancer", **place)
    assert outcome(c11, f18)[0] != "merged"
    # two tracers compared, in the other order: another comparison's title
    a = "Comparison of [11C]choline and [18F]choline PET in prostate cancer"
    b = "Comparison of F-18 choline and C-11 choline PET in prostate cancer"
    assert match_title(a) != match_title(b)
    assert outcome(rec(title=a, **place), rec(title=b, **place))[0] != "merged"


def test_a_translated_title_opening_with_a_bracketed_name_is_still_a_translation():
    assert is_translated("[[Leu]enkephalin levels in cerebrospinal fluid in depression].")
    assert is_translated("[[11C]raclopride PET in Parkinson disease]. [German]")
    assert match_title("[[Leu]enkephalin levels in cerebrospinal fluid]") == (
        "leu enkephalin levels in cerebrospinal fluid"
    )
    # a title that only opens with the name is not one
    assert not is_translated("[Leu]enkephalin levels in cerebrospinal fluid")
    assert not is_translated("[11C]raclopride binding [corrected]")
