"""MEDLINE's pagination of an article with a piece printed after it (issue 14, dedup37):
the article's range first, then the piece under a label ('1327-8; author reply 1328',
'555-63; discussion 563-4', '352-8; quiz 359'). Another database's record of the article
gives its range alone ('1327-1328'): the two are compared on the article's pages."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(
    ("pages", "first", "last", "count", "kind"),
    [
        ("e0094853", "94853", "", None, "e"),  # an electronic article number
        ("S12-8", "12", "18", 7, "s"),  # a supplement's pages
        ("A1-A8", "1", "8", 8, "s"),  # a range in a lettered section
        ("xii-xv", "", "", None, "r"),  # Roman numerals (a preface): front matter, no page
        ("i-iv", "", "", None, "r"),
        ("12-4, 16", "12", "14", None, "p"),  # goes on on another page (NLM's '34-6, 87-91')
        ("12-4, 16 passim", "12", "14", None, "p"),
        ("discussion 12-14", "", "", None, ""),  # the labelled piece alone: no article range
    ],
)
def test_page_fields_of_other_kinds_are_read_as_before(pages, first, last, count, kind):
    # none of these is an article's range with a piece or a note after it
    k = keys(1, pages=pages)
    assert (k.first_page, k.last_page, k.page_count, k.page_kind) == (first, last, count, kind)
    assert article_pages(pages.replace(" passim", "")) == pages.replace(" passim", "")


@pytest.mark.parametrize(
    ("pages", "first", "last", "count"),
    [
        # the article's abstract in the issue's table of contents (Anesth Analg, J Thorac
        # Cardiovasc Surg); exports cut it to 'table'
        ("384-91, table of contents", "384", "391", 8),
        ("1027-31 table", "1027", "1031", 5),
        ("168-72, inside back cover", "168", "172", 5),
        ("265-70, 1st contents page", "265", "270", 6),
        # NLM's indexing manual (ch. 10): continued or concluded in another issue
        ("31-7 contd", "31", "37", 7),
        ("176-8 concl", "176", "178", 3),
    ],
)
def test_a_note_after_the_articles_pages_names_no_page(pages, first, last, count):
    # MEDLINE writes where else the article is named or goes on after its range; the
    # range had read as ending on '91' (before its first page) or on '701'
    k = keys(1, pages=pages)
    assert (k.first_page, k.last_page, k.page_count) == (first, last, count)


def test_a_name_typo_pairs_when_the_table_of_contents_is_noted():
    # title_number_typo without the issue: MEDLINE's range and Embase's must be of one length
    medline = keys(
        1,
        title="Expression of p16INK4a in smears of women with atypical squamous cells",
        pages="384-91, table of contents",
        issue="",
    )
    embase = keys(
        2,
        title="Expression of p6INK4a in smears of women with atypical squamous cells",
        pages="384-391",
    )
    assert verdict(medline, embase) == ("duplicate", "title_number_typo")


def test_the_ris_writer_and_dedup_read_one_plain_range_alike():
    # one reading of a plain range (records.PAGE_RANGE): the RIS writer splits SP/EP where
    # dedup counts a range's pages; anything more is written whole and counted as none. A
    # plain range dedup will not count (backwards, '253-245', or 1,000 pages and more) is
    # still split: page_count refuses it after reading it
    from reviewkit.dedup.pages import page_count
    from reviewkit.formats.ris import to_ris_dict
    from reviewkit.records import Record

    for pages in ("245-253", "S12-8", "e8-e9", "II-221-5", "1327-8; author reply 1328", "c1804"):
        ris = to_ris_dict(Record(title="A title", pages=pages))
        assert ("end_page" in ris) == (page_count(Record(pages=pages).pages) is not None), pages
    for pages in ("253-245", "1-1200"):
        ris = to_ris_dict(Record(title="A title", pages=pages))
        assert (ris.get("end_page"), page_count(pages)) == (pages.split("-")[1], None), pages
