"""Matching is done once per record text: a record's fields are made once and shared by every
scheme and run, and a term whose first word is nowhere in the record is not searched for field
by field. Neither may change what is found."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.classify.fields import record_fields
from reviewkit.classify.terms import find_term
from reviewkit.records import AbstractSection, Record

FIXTURES = Path(__file__).parent / "fixtures"


def _records() -> list[Record]:
    out = []
    for name in ("heldout_rtw_abstracts.csv", "heldout_rtw_abstracts_5.csv"):
        with open(FIXTURES / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out.append(
                    Record(
                        title=row["title"],
                        abstract_sections=[AbstractSection("METHODS", row["abstract"])],
                        keywords=["return-to-work", "sick leave", "burn-out"],
                        mesh_terms=["Return to Work*", "Depression/therapy"],
                    )
                )
    return out


def test_a_records_fields_are_made_once():
    first = Record(title="Sick-listed workers", abstract_sections=[AbstractSection("", "Pain.")])
    again = Record(title="Sick-listed workers", abstract_sections=[AbstractSection("", "Pain.")])
    assert record_fields(first) is record_fields(again)
    assert record_fields(Record(title="Other workers")) is not record_fields(first)


def test_skipping_absent_terms_finds_the_same(review_a, review_b, demo):
    checked = found = 0
    for record in _records():
        shared = record_fields(record)
        # the record-wide index holds every word of every field
        assert len(shared.whole.words) >= sum(len(f.words) for f in shared)
        plain = list(shared)  # no record-wide index: every field searched
        assert not hasattr(plain, "whole")
        for protocol in (review_a, review_b, demo):
            for scheme in protocol.schemes.values():
                for label in scheme.labels:
                    for term in (*label.terms, *label.negative_terms):
                        want = find_term(term, plain, label.id)
                        assert find_term(term, shared, label.id) == want, term.text
                        checked += 1
                        found += bool(want)
    assert checked > 10_000 and found > 500
