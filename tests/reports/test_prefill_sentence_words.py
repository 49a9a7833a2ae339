"""The words of a ``sentence:`` prefill are words with their inflections, not the start of any
word: "purpose" took "A purposeful sample of eleven …" (a qualitative study's sampling, the
demo's Aceros et al. 2021) for the study's aim."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.prefill_sentences import first_sentence, naming_sentence
from reviewkit.records import AbstractSection, Record

AIM = ["aim", "objective", "purpose"]
FINDINGS = ["conclude", "conclusion", "suggest", "found"]


@pytest.mark.parametrize(
    ("text", "words", "taken"),
    [
        # a sampling term of qualitative methods is no aim ...
        (
            "A purposeful sample of eleven women was interviewed. The purpose was to explore work.",
            AIM,
            "The purpose was to explore work.",
        ),
        (
            "A purposive sample took part. Purposes of work were discussed.",
            AIM,
            "Purposes of work were discussed.",
        ),
        # ... nor an adverb, nor a noun made from the verb
        (
            "Sleep was objectively measured. Our objectives were two.",
            AIM,
            "Our objectives were two.",
        ),
        ("Results were suggestive. Data suggested harm.", FINDINGS, "Data suggested harm."),
        ("It was inconclusive. Suggestions were made.", FINDINGS, ""),
        # the word's inflections all count: -s, -ed, -d, -ing (a final e dropped)
        ("Work matters. This study aimed to map it.", AIM, "This study aimed to map it."),
        ("Work matters. Aiming to map it, we searched.", AIM, "Aiming to map it, we searched."),
        ("Work matters. We concluded that it helps.", FINDINGS, "We concluded that it helps."),
        ("Work matters. Concluding, it helps.", FINDINGS, "Concluding, it helps."),
        (
            "Work matters. The review concludes it helps.",
            FINDINGS,
            "The review concludes it helps.",
        ),
        # a heading glued to its text (as some abstracts reach PubMed) ends a word
        ("Flu spread.AimWe analysed cases.", AIM, "Flu spread.AimWe analysed cases."),
        ("Aimal Khan took part. Aim2 rose.", AIM, ""),
        # a word written with '*' is the start of any word, as in a classification term
        ("A purposeful sample was taken. It ended.", ["purpos*"], "A purposeful sample was taken."),
    ],
)
def test_a_sentence_word_is_the_word_and_its_inflections(text, words, taken):
    assert first_sentence(text, words) == taken


def test_the_y_and_doubled_consonant_inflections():
    assert first_sentence("Two were studied.", ["study"]) == "Two were studied."
    assert first_sentence("Two studies.", ["study"]) == "Two studies."
    assert first_sentence("It was planned.", ["plan"]) == "It was planned."
    assert first_sentence("A planet.", ["plan"]) == ""


def test_a_star_alone_is_no_word_of_any_sentence():
    """'*' alone, left once the start of a word is taken off, matched at every word: the
    abstract's first sentence, whatever it says."""
    assert first_sentence("Work matters. We aimed to map it.", ["*"]) == ""
    assert (
        first_sentence("Work matters. We aimed to map it.", ["*", "aim"]) == "We aimed to map it."
    )


def test_a_section_word_written_with_a_star_is_the_start_of_a_word_too():
    """section:LABEL:word|word reads its words as starts of words already: 'coordinat*' (as a
    sentence: rule or a classification term writes it) is 'coordinat', not a word no abstract
    holds."""
    text = "Patients were randomised. A coordinator called the employer."
    assert naming_sentence(text, ["coordinat*", "employer"]) == naming_sentence(
        text, ["coordinat", "employer"]
    )
    assert naming_sentence(text, ["coordinat*"]) == "A coordinator called the employer."


def test_extract_export_takes_the_aim_not_the_sample(project_a, store, tmp_path: Path):
    """Through `reviewkit extract export` on Review A's protocol (sentence:aim|objective|purpose)."""
    abstract = (
        "Migrant domestic workers organise to claim their rights. A purposeful sample of eleven"
        " activist women was interviewed in depth. The study aimed to describe how they organise."
    )
    record = Record(title="Domestic workers", abstract_sections=[AbstractSection("", abstract)])
    store(project_a, [record], "snowballing")
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project_a.folder), "--all"]) == 0
    with sheet.open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["aim"] == "The study aimed to describe how they organise."
