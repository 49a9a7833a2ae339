"""An "adjustment of work tasks" is a change at work even after "after" or "further": the word's
object says which sense it has ("after adjustment for age" is the analysis)."""

from __future__ import annotations

from classify.helpers import suggested

from reviewkit import protocol as protocol_mod


def labels(protocol: protocol_mod.Protocol, abstract: str) -> list[str]:
    return suggested(protocol, "domain", abstract)


def test_an_adjustment_of_the_work_counts_after_after(domains):
    text = "After adjustment of work tasks, workers returned earlier."
    assert labels(domains, text) == ["work-modification"]
