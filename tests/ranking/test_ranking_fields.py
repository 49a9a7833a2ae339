"""The ranker's texts read by ``ranking_fields`` (no Record built) are those of whole records."""

from __future__ import annotations

from conftest import add_records
from screening.helpers import make_topic_records

from reviewkit.ranking.ranker import record_text
from reviewkit.records import AbstractSection, Record
from reviewkit.store import records as record_rows


def _odd_records() -> list[Record]:
    """Records whose text has every shape the ranker meets."""
    spaced = Record(title="placeholder", keywords=["x"])
    spaced.title = "  Return\tto\u00a0work \n after  sick leave  "  # set after __post_init__
    return [
        spaced,
        Record(),  # no text at all
        Record(title="Só título, sem resumo"),
        Record(
            title="Structured",
            abstract_sections=[
                AbstractSection("BACKGROUND", "Sick leave is costly."),
                AbstractSection("", "An unlabelled paragraph."),
                AbstractSection("METHODS", "Cohort; 1\u20132 years \u2265 18."),
            ],
            mesh_terms=["Return to Work", "Humans"],
        ),
        Record(title="Keywords only", keywords=["employer", "vocational rehabilitation"]),
        Record(title='Quotes "and" back\\slashes', abstract_sections=[AbstractSection("", "")]),
    ]


def test_ranking_fields_give_the_texts_of_whole_records(project_b):
    topic, _ = make_topic_records(6, 9)
    ids = add_records(project_b, [*topic, *_odd_records()])
    wanted = [*ids, max(ids) + 1000, 2**70]  # a missing id, one SQLite cannot hold: left out
    whole = record_rows.get_records(project_b.db, wanted)
    fields = record_rows.ranking_fields(project_b.db, wanted)
    assert sorted(fields) == sorted(whole) == sorted(ids)
    for i, rec in whole.items():
        # field by field: the ranker's joined text could hide a shift between two fields
        assert fields[i] == (rec.title, rec.abstract, [*rec.keywords, *rec.mesh_terms])
        expected = record_text(rec.title, rec.abstract, [*rec.keywords, *rec.mesh_terms])
        assert record_text(*fields[i]) == expected
    assert fields[ids[len(topic)]].title == "Return to work after sick leave"
