"""A mode word beside a format word names the mode (protocols/rtw-delivery-modes.toml): "online
group sessions" are digital, not in person, as a "video visit" already was; the format scheme
still reads the group."""

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
        ("Participants attended eight online group sessions.", ["digital"]),
        ("The programme gave six weekly video group sessions led by a psychologist.", ["digital"]),
        ("Workers joined web-based group sessions and online workshops.", ["digital"]),
        ("Coaches held virtual meetings with each worker.", ["digital"]),
        ("The nurse led weekly telephone group sessions.", ["telephone"]),
        ("Supervisors and workers had telephone meetings every month.", ["telephone"]),
        # no mode word beside the format: in person, as before
        ("Participants attended eight group sessions at the clinic.", ["in-person"]),
        # a mode named elsewhere in the sentence leaves the group sessions in person too
        ("Eight group sessions were followed by online modules.", ["in-person", "digital"]),
    ],
)
def test_a_mode_word_beside_the_format_names_the_mode(delivery, text, mode):
    assert labels(delivery, "mode", text) == mode


@pytest.mark.parametrize(
    "text",
    [
        "Participants attended eight online group sessions.",
        "The nurse led weekly telephone group sessions.",
    ],
)
def test_the_format_still_reads_the_group(delivery, text):
    assert labels(delivery, "format", text) == ["group"]
