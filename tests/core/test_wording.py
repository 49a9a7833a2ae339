"""Counts in words: one rule for every message ('1 record', '2 records', '1 study')."""

from __future__ import annotations

import pytest

from reviewkit.wording import listed, listed_lines, numbered, plural, quantity, verb


@pytest.mark.parametrize(
    ("n", "noun", "said"),
    [
        (1, "record", "1 record"),
        (0, "record", "0 records"),
        (2, "record", "2 records"),
        (1, "study", "1 study"),
        (3, "study", "3 studies"),
        (2, "entry", "2 entries"),
        (2, "key", "2 keys"),  # a vowel before the y
        (2, "new suggestion batch", "2 new suggestion batches"),
        (5, "PMID", "5 PMIDs"),
        (2, "analysis", "2 analyses"),
    ],
)
def test_quantity_puts_the_noun_in_the_right_number(n, noun, said):
    form = "analyses" if noun == "analysis" else None
    assert quantity(n, noun, form) == said


def test_plural_of_a_phrase_is_that_of_its_last_word():
    assert plural("included study") == "included studies"
    assert plural("exclusion reason") == "exclusion reasons"


@pytest.mark.parametrize(("n", "said"), [(0, "are"), (1, "is"), (2, "are")])
def test_a_verb_agrees_with_its_count_by_the_rule_of_nouns(n, said):
    assert verb(n, "is", "are") == said
    assert verb(n, "has", "have") == ("has" if n == 1 else "have")


@pytest.mark.parametrize(
    ("numbers", "said"),
    [
        ([3], "study 3"),
        ([3, 5], "studies 3 and 5"),
        ([3, 5, 7, 9, 11], "studies 3, 5, 7, 9 and 11"),
        ([3, 5, 7, 9, 11, 13, 15], "studies 3, 5, 7, 9, 11 and 2 more"),
    ],
)
def test_numbers_are_named_up_to_five_and_the_rest_counted(numbers, said):
    """2,000 studies are told in a line, not 2,000 (decisions import, the conflicts screen)."""
    assert numbered("study", numbers) == said


@pytest.mark.parametrize(
    ("items", "said"),
    [
        (["a.ris"], "a.ris"),
        (["a.ris", "b.ris"], "a.ris and b.ris"),
        (list("abcde"), "a, b, c, d and e"),
        (list("abcdefg"), "a, b, c, d, e and 2 more"),
    ],
)
def test_names_are_listed_as_numbers_are(items, said):
    """The files a zip archive or a folder holds, the records a PMID matches: one rule with
    :func:`numbered` (their own lists had 'a, b' for two, and one cut ten without a sign)."""
    assert listed(items) == said


@pytest.mark.parametrize(
    ("items", "said"),
    [
        (["Smith, J.ris", "a.ris", "b.ris"], "'Smith, J.ris', a.ris and b.ris"),
        (["a.ris", "pubmed and embase.ris"], "a.ris and 'pubmed and embase.ris'"),
        (["a", "And b"], "a and 'And b'"),  # 'and' in any case, at an end too
        (["a", "b and"], "a and 'b and'"),
        (["O'Brien.ris", "b.ris"], "O'Brien.ris and b.ris"),  # a quote alone is not ambiguous
        (["O'Brien, J.ris", "b.ris"], '"O\'Brien, J.ris" and b.ris'),  # quoted as repr does
        (["a", "", "b"], "a, '' and b"),  # an empty name is seen
        ([" title", "b"], "' title' and b"),  # as are spaces at its ends
        (["a,b", "c"], "a,b and c"),  # a comma without its space is not the separator
        (["a, b", "c", "d", "e", "f", "g"], "'a, b', c, d, e, f and 1 more"),
    ],
)
def test_an_item_that_would_read_as_two_is_quoted(items, said):
    """'holding Smith, J.ris, a.ris and b.ris' read as four files or three: an item holding the
    separator or the word 'and', or none to see, is quoted as messages quote a name."""
    assert listed(items) == said


def test_an_item_is_quoted_for_its_lists_own_separator():
    assert listed(["1,5", "2; 3", "4"], sep="; ") == "1,5; '2; 3' and 4"


def test_items_quoting_their_own_names_are_taken_as_they_are():
    """Phrases that quote the names they hold (a cell's place) and numbered's items are not
    quoted again: the quotes inside already delimit the name."""
    cells = ["line 3 ('x': 'a and b')", "line 4 ('x': 'c')"]
    assert listed(cells, sep="; ", quote=False) == f"{cells[0]} and {cells[1]}"
    assert numbered("column", ["'a, b'", "'c'"]) == "columns 'a, b' and 'c'"


def test_lines_past_those_shown_are_counted_on_a_line_of_their_own():
    lines = [f"c.csv:{i}: no such record" for i in range(2, 6)]
    assert listed_lines(lines, 4) == lines
    assert listed_lines(lines, 2) == [*lines[:2], "… and 2 more"]


def test_items_holding_commas_are_parted_by_semicolons():
    cells = ["line 3 ('dose': '1,5')", "line 4 ('dose': '2,5')", "line 5 ('dose': '3,5')"]
    assert listed(cells, 2, sep="; ") == f"{cells[0]}; {cells[1]} and 1 more"
    assert listed(cells, sep="; ") == f"{cells[0]}; {cells[1]} and {cells[2]}"


def test_an_empty_list_is_none() -> None:
    assert listed([]) == "none"
