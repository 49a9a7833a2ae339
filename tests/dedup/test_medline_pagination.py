"""MEDLINE's pagination of an article with a piece printed after it (issue 14, dedup37):
the article's range first, then the piece under a label ('1327-8; author reply 1328',
'555-63; discussion 563-4', '352-8; quiz 359'). Another database's record of the article
gives its range alone ('1327-1328'): the two are compared on the article's pages."""

from __future__ import annotations

from dedup.helpers import keys, verdict

from reviewkit.dedup.pages import article_pages


def test_the_labelled_piece_is_not_the_articles_first_page():
    # the discussion printed in the front section of the volume, before the article
    k = keys(1, pages="623-9; discussion 5A-6A")
    assert (k.first_page, k.last_page, k.page_count) == ("623", "629", 7)


def test_a_colon_before_the_label_ends_the_articles_range():
    # '25-9: discussion 39-40' had read as pages 25 to 93940
    k = keys(1, pages="25-9: discussion 39-40")
    assert (k.first_page, k.last_page) == ("25", "29")


def test_a_reply_run_together_with_its_label():
    # an export that drops the spaces: respiratory's 'NEJM 2243-5;authorreply2243-5'
    k = keys(1, pages="2243-5;authorreply2243-5")
    assert (k.first_page, k.last_page, k.page_count) == ("2243", "2245", 3)


def test_a_field_of_the_labelled_piece_alone_is_kept_whole():
    # nothing before the label: the record is of the piece itself, not of an article
    assert article_pages("discussion 12-14") == "discussion 12-14"
    assert article_pages("S12-S14, S8") == "S12-S14, S8"  # no label: ranges as written


def test_a_record_of_the_reply_alone_is_no_page_conflict():
    # a database that records the reply's page: one of the field's ranges, as before
    medline = keys(1, pages="1327-8; author reply 1328")
    reply = keys(2, pages="1328")
    assert medline.page_starts >= {reply.first_page}


def test_a_translated_record_with_a_discussion_pairs_with_the_article():
    # same_place_and_authors needs the whole range on both sides: '25-29' in both
    french = keys(
        1,
        title="Retour au travail apres un arret maladie (Return to work after sick leave) [French]",
        pages="25-9: discussion 39-40",
    )
    english = keys(2, pages="25-29")
    assert verdict(french, english) == ("duplicate", "same_place_and_authors")


def test_a_name_typo_pairs_when_the_ranges_agree_without_the_issue():
    # title_number_typo: one record lacks the issue, so the ranges must be of one length
    medline = keys(
        1,
        title="Expression of p16INK4a in smears of women with atypical squamous cells",
        pages="1327-8; author reply 1328",
        issue="",
    )
    embase = keys(
        2,
        title="Expression of p6INK4a in smears of women with atypical squamous cells",
        pages="1327-1328",
    )
    assert verdict(medline, embase) == ("duplicate", "title_number_typo")
