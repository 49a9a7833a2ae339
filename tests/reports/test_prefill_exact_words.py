"""A prefill word in double quotes is that word as written, as a quoted classification term is
and as PubMed's quotes turn its term mapping off; and the inflections a plain word gets are the
word's own, not another word's: 'found' took "The clinic was founded in 1990." (13 cells of the
snapshot's abstracts), 'rat' "Response rates were high.", 'not' "It was noted that …"."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.prefill_sentences import first_sentence, naming_sentence

REVIEW_B = Path(__file__).resolve().parents[2] / "protocols" / "work-health-collaboration.toml"


@pytest.mark.parametrize(
    ("text", "words", "taken"),
    [
        # quoted: the word as written, case aside, nothing more
        ("Nurses help. Two nurses helped.", ['"helped"'], "Two nurses helped."),
        ("It helps. It helped.", ['"help"'], ""),
        ("The AIM was clear.", ['"aim"'], "The AIM was clear."),
        # curly quotes, as a word processor types them, are read as straight ones
        ("It helps. It helped.", ["\u201chelp\u201d"], ""),
        ("Nurses help. Two nurses helped.", ["\u201chelped\u201d"], "Two nurses helped."),
        # a '*' keeps its meaning inside the quotes, as in a quoted classification term
        ("A purposeful sample.", ['"purpos*"'], "A purposeful sample."),
    ],
)
def test_a_quoted_sentence_word_is_the_word_as_written(text, words, taken):
    assert first_sentence(text, words) == taken


def test_quotes_around_nothing_are_no_word():
    """Refused by protocol check; were one read, it matched at every word (the first
    sentence of any abstract)."""
    assert first_sentence("Work matters. We aimed to map it.", ['" "']) == ""
    assert naming_sentence("Work matters. We aimed to map it.", ['" "']) == ""


def test_a_quoted_section_word_is_a_whole_word():
    """section:LABEL:word|word reads its words as starts of words; a quoted one is a word."""
    text = "An IPS worker helped. IPSWICH clinics took part."
    assert naming_sentence("IPSWICH clinics took part.", ["IPS"]) == "IPSWICH clinics took part."
    assert naming_sentence(text[22:], ['"IPS"']) == ""
    assert naming_sentence(text, ['"IPS"']) == "An IPS worker helped."


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a word written as the irregular past of another verb is read as written: its own
        # -ed and -ing are another verb's (found a clinic, bound, fell a tree)
        ("The clinic was founded in 1990.", "found"),
        ("A founding member spoke.", "found"),
        ("Values were bounded.", "bound"),
        # -es follows a hissing sound or an o (boxes, goes); after any other it is another
        # word's -s: rates are no rat's, notes no not's, states no stat's
        ("Response rates were high.", "rat"),
        ("Notes were kept.", "not"),
        ("Two states took part.", "stat"),
        # a word of one syllable ending in one vowel and a consonant doubles it before -ed
        # and -ing (plan: planned): plain, they are another word's (noted, rated, coding)
        ("It was noted.", "not"),
        ("Pain was rated.", "rat"),
        ("Coding was done.", "cod"),
    ],
)
def test_a_plain_word_does_not_take_another_word_s_forms(text, word):
    assert first_sentence(text, [word]) == ""


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Results were found.", "found"),
        ("Boxes were packed.", "box"),
        ("It goes well.", "go"),
        ("Two rats died.", "rat"),
        ("It was planned.", "plan"),
        ("Planning helped.", "plan"),
        ("It was visited.", "visit"),  # two syllables: no doubling (visited)
        ("It was layered.", "layer"),  # two syllables: its y stands before a vowel
        ("Searches were run.", "search"),
        ("Two were studied.", "study"),
    ],
)
def test_a_plain_word_keeps_its_own_forms(text, word):
    assert first_sentence(text, [word]) == text


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ('sentence:aim|"found', "has a '\"' that does not enclose a word"),
        ('section:METHODS:team|coordinat"', "has a '\"' that does not enclose a word"),
        ('sentence:aim|""', "has a '\"' that does not enclose a word"),
        ("sentence:aim|\u201cfound", "has a '\"' that does not enclose a word"),
    ],
)
def test_a_quote_at_one_end_is_refused(tmp_path, capsys, rule, said):
    text = REVIEW_B.read_text(encoding="utf-8").replace('"section:INTERVENTION",', f"'{rule}',", 1)
    protocol = tmp_path / "protocol.toml"
    protocol.write_text(text, encoding="utf-8")
    assert main(["protocol", "check", str(protocol)]) == 2
    err = capsys.readouterr().err
    assert f"the prefill rule {rule!r} {said}" in err and "protocol.toml:" in err


def test_a_quoted_word_passes_protocol_check(tmp_path, capsys):
    rule = 'sentence:conclude|"found"'
    text = REVIEW_B.read_text(encoding="utf-8").replace('"section:INTERVENTION",', f"'{rule}',", 1)
    protocol = tmp_path / "protocol.toml"
    protocol.write_text(text, encoding="utf-8")
    assert main(["protocol", "check", str(protocol)]) == 0, capsys.readouterr().err
