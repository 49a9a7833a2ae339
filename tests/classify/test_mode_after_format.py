"""A phrase term's first word named after the rest, in the same clause (reviewkit.classify
.named_after): "group sessions held online" is the term "online group sessions", so the longer,
mode-naming reading wins over the in-person "group sessions" as it does in the first order
(protocols/rtw-delivery-modes.toml); only a verb of delivery, a preposition of means, an
auxiliary and an article join them."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod
from reviewkit.classify import find_term, record_fields
from reviewkit.protocol import SignalTerm
from reviewkit.records import AbstractSection, Record

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-delivery-modes.toml"


@pytest.fixture(scope="module")
def delivery():
    return protocol_mod.load(PROTOCOL)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Participants attended eight group sessions held online.", ["digital"]),
        ("Group sessions were held online by a psychologist.", ["digital"]),
        ("Workers attended six group sessions online.", ["digital"]),
        ("The nurse gave six group sessions delivered by telephone.", ["telephone"]),
        ("Workers attended group sessions conducted over the telephone.", ["telephone"]),
        ("Coaches held group meetings by video.", ["digital"]),
        ("Coaches held group meetings via Zoom.", ["digital"]),
        ("Workers attended group sessions via Zoom.", ["digital"]),
        ("The group meetings were held by videoconference.", ["digital"]),
        # the mode word names something else: another verb, or past the clause's end
        ("Eight group sessions were followed by online modules.", ["in-person", "digital"]),
        ("Group sessions were held at the clinic; online modules followed.", ["in-person", "digital"]),
    ],
)  # fmt: skip
def test_a_mode_after_the_format_names_the_mode(delivery, text, mode):
    assert labels(delivery, "mode", text) == mode


def test_the_format_still_reads_the_group(delivery):
    assert labels(delivery, "format", "Group sessions were held online.") == ["group"]


def _found(term: str, text: str) -> list[str]:
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
    return [e.text for e in find_term(SignalTerm(term), record_fields(rec), "x")]


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("telephone coaching", "Coaching was delivered by telephone.", ["Coaching was delivered by telephone"]),
        ("telephone coaching", "Coaching over the telephone was offered.", ["Coaching over the telephone"]),
        ("telephone coaching", "Coaching was followed by telephone calls.", []),
        ("telephone coaching", "Coaching was given, by telephone or in person.", []),
        ("telephone coaching", "Coaching was not delivered by telephone.", []),
        # an auxiliary joins only with a verb of delivery
        ("telephone coaching", "The coaching is telephone.", []),
        ("no treatment", "Operative treatment is no better than physiotherapy.", []),
        ("no treatment", "Treatment was given by no more than two therapists.", []),
        # side by side the words are another compound; a word that qualifies the next is not
        # the phrase's
        ("group exercise", "Workers in the exercise group improved.", []),
        ("physical exercise", "Exercise was delivered by physical therapists.", []),
    ],
)  # fmt: skip
def test_a_phrase_is_found_with_its_first_word_after_the_rest(term, text, found):
    assert _found(term, text) == found
