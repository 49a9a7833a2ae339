"""A field finds a term's first word through its index of word forms (``Field.places``), not by
testing every word: the places must be exactly those the word test itself gives, for every
term of every shipped scheme, in English and Scandinavian texts (stems, noun endings,
prefixes, suffixes, acronyms)."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.classify.fields import record_fields
from reviewkit.classify.term_syntax import parse_term
from reviewkit.records import AbstractSection, Record

FIXTURES = Path(__file__).parent / "fixtures"
NORDIC = (
    "Sykmeldte arbeidstakere med muskel- og skjelettlidelser og psykiske lidelser fikk "
    "tverrfaglig oppfølging; arbeidsgiverne og jobbspesialisten i NAV samarbeidet. "
    "Arbetsgivarna och arbetsspecialisten i IPS-teamet; MSDs, IAPT and GPs; burn-out."
)


def _records() -> list[Record]:
    out = [Record(title="Nordic", abstract_sections=[AbstractSection("METHODS", NORDIC)])]
    for name in ("heldout_rtw_abstracts.csv", "heldout_review_a_abstracts.csv"):
        with open(FIXTURES / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out.append(
                    Record(
                        title=row["title"], abstract_sections=[AbstractSection("", row["abstract"])]
                    )
                )
    return out


def test_places_are_the_words_the_part_matches(review_a, review_b, demo) -> None:
    fields = [f for record in _records() for f in record_fields(record)]
    checked = found = 0
    for protocol in (review_a, review_b, demo):
        for scheme in protocol.schemes.values():
            for label in scheme.labels:
                for term in (*label.terms, *label.negative_terms):
                    for parts in parse_term(term.text, term.language):
                        for f in fields:
                            want = [i for i, w in enumerate(f.words) if parts[0].matches(w.word)]
                            assert f.places(parts[0]) == want, (term.text, f.text[:60])
                            checked += 1
                            found += bool(want)
    assert checked > 10_000 and found > 500  # the comparison covered terms that are found
