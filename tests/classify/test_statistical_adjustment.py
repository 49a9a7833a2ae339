"""The "adjustment" of an analysis is no adjustment at work, in any scheme: the domain review's
work-modification label lists the word (weak), and register studies write "after adjustment"
and "adjustment for age and sex"."""

from __future__ import annotations

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod


def labels(protocol: protocol_mod.Protocol, abstract: str) -> list[str]:
    return suggested(protocol, "domain", abstract)


@pytest.mark.parametrize(
    "text",
    [
        "The register recorded the workers' tasks. After adjustment, return was earlier.",
        "The register recorded the workers' tasks. With adjustment for age and sex, return "
        "was earlier.",
    ],
)
def test_the_analysis_is_no_work_change(domains, text):
    assert labels(domains, text) == ["none"]


def test_adjustments_for_workers_still_count(domains):
    text = "The manager agreed adjustments for workers with back pain and changed their tasks."
    assert labels(domains, text) == ["work-modification"]
