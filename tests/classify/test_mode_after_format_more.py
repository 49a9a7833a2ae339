"""A mode word after a format phrase (reviewkit.classify.named_after) also where a verb follows
it ("group sessions over the telephone helped"), where a noun of the channel follows it ("by
video link", "by telephone call"), and for a platform named as Zoom is ("via Skype")
(protocols/rtw-delivery-modes.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-delivery-modes.toml"


@pytest.fixture(scope="module")
def delivery():
    return protocol_mod.load(PROTOCOL)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # a verb after the mode word: the mode word ends its noun phrase
        ("Group sessions over the telephone helped workers return.", ["telephone"]),
        ("Group sessions delivered by telephone improved adherence.", ["telephone"]),
        ("Group sessions held online reduced sick leave.", ["digital"]),
        # a noun of the channel after the mode word: still the means
        ("Group sessions were delivered by video link.", ["digital"]),
        ("Group meetings were held by telephone call.", ["telephone"]),
        ("Coaching was given by video link.", ["digital"]),
        # a platform named as Zoom is
        ("Workers attended group sessions via Skype.", ["digital"]),
        ("Group meetings were held via Skype.", ["digital"]),
        # not past the noun phrase: the word after qualifies another thing
        ("Group sessions were delivered by video link and home visits followed.", ["in-person", "digital"]),
        ("Eight group sessions were followed by online modules.", ["in-person", "digital"]),
    ],
)  # fmt: skip
def test_a_mode_word_after_the_format_names_the_mode(delivery, text, mode):
    assert labels(delivery, "mode", text) == mode


@pytest.mark.parametrize(
    "text",
    [
        # a word that qualifies the next one is still not the phrase's: an agent, not a channel
        "Group sessions were delivered by telephone counsellors at the clinic.",
    ],
)
def test_a_mode_word_that_qualifies_another_noun_is_not_the_phrases(delivery, text):
    assert "in-person" in labels(delivery, "mode", text)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # an auxiliary other than "be" after the mode word ends its phrase, as "were" does
        ("Group sessions via Zoom had high attendance.", ["digital"]),
        ("Group sessions held online can reduce sick leave.", ["digital"]),
        ("Group sessions delivered by telephone may improve adherence.", ["telephone"]),
        ("Group sessions over the telephone have helped workers.", ["telephone"]),
        # an irregular past verb, as a regular one ("helped") does
        ("Group sessions over the telephone led to fewer absences.", ["telephone"]),
        ("Group sessions over the telephone took place weekly.", ["telephone"]),
        ("Group sessions over the telephone met weekly.", ["telephone"]),
    ],
)  # fmt: skip
def test_an_auxiliary_or_irregular_verb_after_the_mode_word_ends_its_phrase(delivery, text, mode):
    assert labels(delivery, "mode", text) == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # more than one auxiliary before the verb of delivery: a protocol's future tense, a
        # perfect, a progressive ("sessions will be delivered by telephone")
        ("Group sessions will be delivered by telephone.", ["telephone"]),
        ("Group sessions will be held online.", ["digital"]),
        ("Group sessions have been delivered by telephone.", ["telephone"]),
        ("Group sessions are being held online.", ["digital"]),
        # an auxiliary still joins only with its verb: "were followed by" names something else
        ("Eight group sessions will be followed by online modules.", ["in-person", "digital"]),
    ],
)  # fmt: skip
def test_a_mode_word_after_several_auxiliaries_and_the_verb(delivery, text, mode):
    assert labels(delivery, "mode", text) == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # the telephone by its short name, before the format or after it
        ("Workers attended phone group sessions.", ["telephone"]),
        ("Group sessions were delivered by phone.", ["telephone"]),
        ("Group meetings were held over the phone.", ["telephone"]),
    ],
)  # fmt: skip
def test_phone_names_the_telephone_beside_a_format(delivery, text, mode):
    assert labels(delivery, "mode", text) == mode
