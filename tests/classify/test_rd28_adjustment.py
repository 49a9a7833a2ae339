"""An "adjustment of work tasks" is a change at work even after "after" or "further": the word's
object says which sense it has ("after adjustment for age" is the analysis)."""

from __future__ import annotations

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record


def labels(protocol: protocol_mod.Protocol, abstract: str) -> list[str]:
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", abstract)])
    return [s.label for s in classify.suggest(rec, protocol.scheme("domain"))]


def test_an_adjustment_of_the_work_counts_after_after(domains):
    text = "After adjustment of work tasks, workers returned earlier."
    assert labels(domains, text) == ["work-modification"]
