"""A share below 100% of one kind of participant names a combination only where the kinds it
joins make up everyone (``complementary``: women and men). In a scheme of diagnoses, sectors or
countries the rest may be of none of the kinds joined: "45% musculoskeletal disorders" says
nothing of mental ones, "45% Norwegian" nothing of another welfare system."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("protocol", "scheme", "text", "label"),
    [
        ("work-health-collaboration", "diagnosis",
         "Participants were 120 sick-listed workers, of whom 45% were musculoskeletal patients.",
         "musculoskeletal"),
        ("work-health-collaboration", "diagnosis",
         "Participants were 120 sick-listed workers (mean age 44; 45% musculoskeletal "
         "disorders).", "musculoskeletal"),
        ("rtw-workplace-sick-leave", "condition",
         "Participants were 300 employees on sick leave (mean age 44; 45% musculoskeletal "
         "disorders).", "musculoskeletal"),
        ("rtw-coordination", "condition",
         "Participants were 300 employees on sick leave (mean age 44; 45% musculoskeletal "
         "disorders).", "musculoskeletal"),
        ("rtw-systematic-reviews", "diagnosis-group",
         "Participants were 300 employees on sick leave (mean age 44; 45% musculoskeletal "
         "disorders).", "musculoskeletal"),
        ("rtw-providers-occupations", "sector",
         "Participants were 300 employees (mean age 44; 45% health care workers).", "health-care"),
        ("rtw-welfare-systems", "system", "Participants were 300 employees (45% Norwegian).",
         "nordic"),
    ],
)  # fmt: skip
def test_a_share_of_one_kind_names_that_kind_where_the_rest_may_be_any(
    protocol, scheme, text, label
):
    assert labels(protocol_mod.load(ROOT / "protocols" / f"{protocol}.toml"), scheme, text) == [
        label
    ]
