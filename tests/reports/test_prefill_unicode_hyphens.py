"""The extraction prefill reads a text's Unicode hyphens U+2010 and U+2011 as "-", as the
classifier reads them: a rule's word written with "-" finds them, and the cell holds the text so
read; the en dash, which marks ranges too, stays as written."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value, prefill_values
from reviewkit.protocol import ExtractionField
from reviewkit.records import AbstractSection, Record

NB = "\u2011"  # the non-breaking hyphen, as Word and publishers' XML write it inside words
HYPHEN = "\u2010"  # the hyphen


def _record(text: str) -> Record:
    return Record(title="Coordination", abstract_sections=[AbstractSection("", text)])


@pytest.mark.parametrize("dash", [NB, HYPHEN])
def test_a_rules_word_with_a_hyphen_finds_the_unicode_hyphens(dash):
    follow_up = ExtractionField("fu", "Follow-up", prefill=("sentence:follow-up",))
    years = ExtractionField("years", "Years", prefill=("sentence:2010",))
    text = f"Data of 2010\u20132015 were read. Follow{dash}up lasted one year."
    # the cell holds the sentence as every rule read it, with "-"; the en dash, which marks
    # ranges too, is left as written
    assert prefill_values(_record(text), [follow_up, years]) == {
        "fu": "Follow-up lasted one year.",
        "years": "Data of 2010\u20132015 were read.",
    }


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_of_a_meta_analysis_written_with_a_non_breaking_hyphen(which, request):
    aim = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    text = f"Sick leave is long. This meta{NB}analysis examines coordination. It helps."
    assert prefill_value(_record(text), aim) == "This meta-analysis examines coordination."
