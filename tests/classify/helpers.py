"""Helpers shared by the classification tests (here and in tests/reports): the labels a scheme
suggests for one abstract."""

from __future__ import annotations

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record


def suggested(
    protocol: protocol_mod.Protocol, scheme: str, abstract: str, title: str = ""
) -> list[str]:
    """The labels ``scheme`` suggests for a record of ``abstract`` as its METHODS section,
    titled ``title`` ("A study" when none)."""
    rec = Record(title=title or "A study", abstract_sections=[AbstractSection("METHODS", abstract)])
    return [s.label for s in classify.suggest(rec, protocol.scheme(scheme))]
