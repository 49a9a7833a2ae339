"""Pagination MEDLINE writes with a prefix or a note (issue 14, dedup38): a supplement's pages
under its Roman numeral ('II-221-5', Circulation), pages without numbers after a page ('quiz 2 p
following 359', NLM's indexing manual ch. 10), and the kept record's place filled from copies
that give its first page in another form."""

from __future__ import annotations

from dedup.helpers import keys, rec, verdict

from reviewkit.dedup.merged_fields import filled_record
from reviewkit.dedup.normalise import (
    SUPPLEMENT_NUMBER_LOST,
    UNNUMBERED_SUPPLEMENT,
    supplements_agree,
)
from reviewkit.dedup.pages import first_page
from reviewkit.dedup.score import pages_conflict


def test_unnumbered_pages_after_a_page_are_no_range_start():
    # '2 p following 359': two pages without numbers after page 359, not page 2359
    medline = keys(1, pages="352-8; quiz 2 p following 359")
    assert (medline.first_page, medline.last_page) == ("352", "358")
    assert "2359" not in medline.page_starts
    assert keys(2, pages="2 p following 359").first_page == ""


def test_a_roman_numeral_supplement_page_reads_its_number():
    for pages in ("II-221-5", "II221-5", "II221-II225", "II-221-II-225"):
        k = keys(1, pages=pages, issue="19 Suppl")
        assert (k.first_page, k.last_page, k.page_kind, k.page_section) == (
            "221",
            "225",
            "s",
            "ii",
        ), pages
    assert keys(1, pages="iii613-iii614").first_page == "613"
    assert keys(1, pages="ddq316").first_page == ""  # a manuscript id, no numeral


def test_one_supplement_article_in_two_pagination_forms_is_one_record():
    # MEDLINE 'II-221-5' against another database's 'II221-II225', no DOI on either
    medline = keys(1, pages="II-221-5", issue="19 Suppl", doi="")
    embase = keys(2, pages="II221-II225", issue="19 Suppl", doi="")
    assert verdict(medline, embase)[0] == "duplicate"


def test_the_kept_record_takes_its_place_from_a_copy_of_one_first_page():
    # MEDLINE's record without the issue against an Embase copy that writes the supplement's
    # pages another way: one place (volume 45, page 221), so the copy's issue fills the gap,
    # and the first page reads the article's own range, not a piece printed with it
    kept = rec(issue="", pages="II-221-5")
    embase = rec(issue="19 Suppl", pages="II221-II225", source="Embase")
    assert filled_record(kept, [(2, embase)]).issue == "19 Suppl"
    assert first_page("623-9; discussion 5A-6A") == first_page("623-629") == "623"


def test_the_same_number_in_two_lettered_sections_is_two_places():
    # page 221 of supplement I and page 221 of supplement II (Circulation prints both in one
    # volume), or abstract A14 and poster S14 of one congress supplement: the letters name two
    # sections, so their one number is two places; one number with and without its letters
    # ('II387' / '387', 'S345' / '345') is still one page
    assert pages_conflict(keys(1, pages="I221-5"), keys(2, pages="II221-5"))
    assert pages_conflict(keys(3, pages="A14"), keys(4, pages="S14"))
    assert not pages_conflict(keys(5, pages="II221-5"), keys(6, pages="ii221-ii225"))
    assert not pages_conflict(keys(7, pages="II387-94"), keys(8, pages="387-394"))
    assert verdict(keys(9, pages="I221-5"), keys(10, pages="II221-5"))[0] != "duplicate"
    # an 'S' for the supplement written before the section's own letter: one section
    assert not pages_conflict(keys(11, pages="B13-B26"), keys(12, pages="SB13-SB26"))
    # or a letter before the section's own: Life Sciences' Pharmacology Letters, 'PL279' / 'L279'
    assert not pages_conflict(keys(13, pages="PL279-PL284"), keys(14, pages="L279-L284"))


def test_medline_supplement_label_before_the_pages_is_no_page():
    # MEDLINE's 'Suppl 2:S12-8' (the supplement named in the pages when the issue field does
    # not) against Embase's pages alone, supplement in the issue: one place, S12-S18; the
    # label's number is not a page ('Suppl 2:S12-8' had read as first page 212)
    medline = keys(1, issue="", pages="Suppl 2:S12-8")
    embase = keys(2, issue="SUPPL. 2", pages="S12-S18")
    assert (medline.first_page, medline.last_page, medline.page_kind) == ("12", "18", "s")
    assert not pages_conflict(medline, embase)
    assert verdict(medline, embase)[0] == "duplicate"
    assert first_page("Suppl:171-4") == "171"  # a supplement paginated with its volume
    assert first_page("Spec No 2:R187-93") == first_page("Pt 2:187-93") == "187"
    # another article in that supplement is another place
    assert pages_conflict(medline, keys(3, issue="SUPPL. 2", pages="S19-S24"))


def test_supplement_numerals_past_ten_read_their_page():
    # Oxford journals number supplements past x: 'xi221', 'xii12-xii15' are pages 221 and 12
    # of a lettered section, as 'iii613' is; a numeral alone ('xii', a preface) is no page
    k = keys(1, pages="xi221")
    assert (k.first_page, k.page_kind, k.page_section) == ("221", "s", "xi")
    k = keys(2, pages="xii12-xii15")
    assert (k.first_page, k.last_page, k.page_section) == ("12", "15", "xii")
    assert keys(3, pages="xii").first_page == ""
    # one page in supplements xi and xii is two places
    assert pages_conflict(keys(4, pages="xi221"), keys(5, pages="xii221"))


def test_a_part_label_is_no_page_in_any_range_of_the_field():
    # the label read off the first range only: each range of a field with several still read
    # 'Suppl 2:S12-8' as page 212 ('Pt 2:30-5' as 230), a start another article's page 212 of
    # the volume would share (score.pages_not_comparable: one range in common)
    k = keys(1, pages="Suppl 2:S12-8; author reply S19")
    assert (k.first_page, k.page_starts) == ("12", frozenset({"12", "19"}))
    assert keys(2, pages="Pt 1:12-8; Pt 2:30-5").page_starts == frozenset({"12", "30"})
    assert pages_conflict(keys(3, pages="Suppl 2:S12-8; author reply S19"), keys(4, pages="212-20"))


def test_the_supplement_medline_names_in_the_pages_is_the_records_supplement():
    # MEDLINE names the supplement before the pages when the issue field does not ('Suppl
    # 2:17-8', 'Suppl:171-4', 'suppl 7-8': NLM's indexing manual ch. 10); Embase's copy names
    # it in the issue. Both records are in supplement 2: the label no longer differs silently
    medline = keys(1, issue="", pages="Suppl 2:S12-8")
    embase = keys(2, issue="SUPPL. 2", pages="S12-S18")
    assert medline.supplement == embase.supplement == "2"
    assert keys(3, issue="", pages="Suppl:171-4").supplement == UNNUMBERED_SUPPLEMENT
    unnumbered = keys(4, issue="", pages="suppl 7-8")  # no colon: the pages follow the word
    assert (unnumbered.supplement, unnumbered.first_page, unnumbered.last_page) == (
        UNNUMBERED_SUPPLEMENT,
        "7",
        "8",
    )
    # the issue's or the volume's supplement comes first; another part of the issue is none
    assert keys(5, issue="Suppl 1", pages="Suppl 2:S12-8").supplement == "1"
    assert keys(6, issue="", pages="Pt 2:221-5").supplement == ""
    assert keys(7, issue="", pages="S12-S18").supplement == ""  # a section's page names none


def test_a_lettered_supplement_label_is_no_page_and_names_the_supplement():
    # MEDLINE's 'Suppl A:A12-9' (a supplement lettered, not numbered), blanks gone in a Record
    # ('SupplA:A12-9'): pages A12-A19 of a supplement, as Embase's 'A12-A19' under 'SUPPL. A'
    medline = keys(1, issue="", pages="Suppl A:A12-9")
    embase = keys(2, issue="SUPPL. A", pages="A12-A19")
    assert (medline.first_page, medline.last_page) == (embase.first_page, embase.last_page)
    assert medline.supplement == embase.supplement == UNNUMBERED_SUPPLEMENT
    assert not pages_conflict(medline, embase)
    # a word that only begins like the label is none ('Supplementary', 'Partial')
    assert keys(3, issue="", pages="Supplementary:1-2").supplement == ""


def test_a_converters_supplement_remnant_names_a_numbered_supplement_its_number_lost():
    # 'Suppl-29' is what a converter left of MEDLINE's 'Suppl 3:S417-29' (cytology's 18 and
    # depression's 42 page fields): a numbered supplement whose number is lost, not one printed
    # without a number ('16 Supplement'), and its '29' no page
    remnant = keys(1, issue="", volume="45", pages="Suppl-29")
    assert (remnant.supplement, remnant.first_page) == (SUPPLEMENT_NUMBER_LOST, "")
    assert remnant.supplement != UNNUMBERED_SUPPLEMENT
    assert supplements_agree(remnant.supplement, keys(2, issue="Suppl 3").supplement)
    assert not supplements_agree(remnant.supplement, keys(3, issue="3").supplement)
    assert not supplements_agree(UNNUMBERED_SUPPLEMENT, "3")
    # the true copy, which names the supplement and its pages, still merges
    full = keys(4, issue="", volume="45 Suppl 3", pages="S417-S429")
    assert verdict(remnant, full)[0] == "duplicate"


def test_suppl_and_a_number_alone_is_medlines_page_unless_the_issue_names_that_supplement():
    # MEDLINE's 'suppl 7' is page 7 of a supplement without a number (the PubMed snapshot:
    # 'suppl 7' in six issues of one volume); an export that copies the supplement into the
    # pages beside the issue's 'Suppl 12' gives no page, and its copy with the pages merges
    medline = keys(1, issue="", pages="Suppl 12")
    assert (medline.supplement, medline.first_page) == (UNNUMBERED_SUPPLEMENT, "12")
    repeated = keys(2, issue="Suppl 12", pages="Suppl 12")
    assert (repeated.supplement, repeated.first_page) == ("12", "")
    assert verdict(repeated, keys(3, issue="Suppl 12", pages="S45-S50"))[0] == "duplicate"


def test_a_range_after_suppl_is_pages_even_beside_that_supplement():
    # 'Suppl 1-2' beside issue 'Suppl 1' is a range (MEDLINE's 'suppl 7-8' is pages 7-8), not
    # the supplement written again: only a lone number repeats it (rd41h; the range was lost)
    ranged = keys(1, issue="Suppl 1", pages="Suppl 1-2")
    assert (ranged.supplement, ranged.first_page, ranged.last_page) == ("1", "1", "2")
    # the supplement the volume names, written again, is no page either
    repeated = keys(2, issue="", volume="45 Suppl 3", pages="Suppl. 3")
    assert (repeated.supplement, repeated.first_page) == ("3", "")
