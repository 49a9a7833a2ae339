"""Rows for a narrow area (reviewkit.tui.word_breaks): at spaces, a word wider than the row at
its hyphen, slash, colon or before its '@', mid-word only where it has none that fits. Rich
folded such a word at the row's edge ('Workplace-cen' | 'tred'); the confirm screen's names
and terms and the extraction screen's values are wrapped so."""

from __future__ import annotations

from rich.text import Text

from reviewkit.tui.word_breaks import wrap_text, wrap_words


def test_a_long_word_breaks_at_its_hyphen_slash_or_place():
    assert wrap_words("Workplace-centred collaboration", 13) == [
        "Workplace-",
        "centred",
        "collaboration",
    ]
    assert wrap_words("doi:10.1136/oemed-2016-104248", 26) == ["doi:10.1136/oemed-2016-", "104248"]
    assert wrap_words("https://example.org/trials/return-to-work", 24) == [
        "https://example.org/",
        "trials/return-to-work",
    ]
    assert wrap_words("specialist*@abstract", 15) == ["specialist*", "@abstract"]


def test_a_word_that_fits_a_row_stays_whole_and_one_without_break_points_is_folded():
    # the whole term on a row of its own, not split to fill the row before
    assert wrap_words("employment specialist*@abstract:METHODS,", 32) == [
        "employment",
        "specialist*@abstract:METHODS,",
    ]
    assert wrap_words("Multidisciplinary team", 10) == ["Multidisci", "plinary", "team"]
    assert wrap_words("a minus -5 and --flag", 7) == ["a minus", "-5 and", "--flag"]


def test_rows_count_columns_keep_newlines_and_styles():
    assert wrap_words("精神健康 精神健康", 5) == [
        "精神",
        "健康",
        "精神",
        "健康",
    ]  # two columns each
    assert wrap_words("one two\nthree", 20) == ["one two", "three"]
    text = Text.assemble(("Setting: ", "bold"), "Occupational-health-service clinic")
    rows = wrap_text(text, 20)
    assert [row.plain for row in rows] == ["Setting:", "Occupational-health-", "service clinic"]
    assert rows[0].spans and rows[0].spans[0].style == "bold"  # the name's bold kept


def test_a_long_word_breaks_after_an_en_or_em_dash_as_after_a_hyphen():
    """A compound joined by an en dash (a name pair, a range: 'Mann–Whitney', '18–65') or an
    em dash was folded mid-word ('Mann–Whi' | 'tney'): Unicode's line breaking allows a break
    after either, as after a hyphen."""
    assert wrap_words("Mann–Whitney U test", 8) == ["Mann–", "Whitney", "U test"]
    assert wrap_words("aged 18–65 years", 7) == ["aged", "18–65", "years"]  # fits: whole
    assert wrap_words("work—life balance", 6) == ["work—", "life", "balanc", "e"]


def test_a_link_or_doi_breaks_before_a_dot_where_no_slash_fits_and_other_words_do_not():
    # folded, the DOI's number read as two ('j.jpsychores.2' | '019.109784'); the dot starts
    # the next row, as the Chicago Manual breaks a URL, and a sentence's full stop stays on
    assert wrap_words("See https://doi.org/10.1016/j.jpsychores.2019.109784.", 14) == [
        "See",
        "https://",
        "doi.org/",
        "10.1016/",
        "j.jpsychores",
        ".2019.109784.",
    ]
    assert wrap_words("doi:10.1016/j.jpsychores.2019.109784", 20) == [
        "doi:10.1016/",
        "j.jpsychores.2019",
        ".109784",
    ]
    # a slash that fits is taken before a dot: 'https://example.org/' whole
    assert wrap_words("see https://example.org/a.b.", 21) == ["see", "https://example.org/", "a.b."]
    # a number is no link: folded at the row's edge, not broken before its decimal point
    assert wrap_words("P 0.0000000000000000000001234.5678", 14) == [
        "P",
        "0.000000000000",
        "0000000001234.",
        "5678",
    ]
