"""A record id the project does not hold, given to a stage function (the terminal screens and
scripts call them with ids; the CLI resolves RECORD arguments first): each refusal names the id
and says where the ids are listed, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import add_records, dump_database

from reviewkit import classify, extract, screening
from reviewkit.dedup.engine import merged_view
from reviewkit.dedup.review import decide_pair
from reviewkit.dedup.studies import decide_study_link
from reviewkit.errors import UserError, record_ids_hint
from reviewkit.project import Project
from reviewkit.records import Record

MISSING = 9999

REFUSALS: dict[str, Callable[[Project], object]] = {
    "attach": lambda p: screening.attach(p.db, MISSING, "https://doi.org/10.1000/x"),
    "decide": lambda p: screening.decide(
        p.db, MISSING, "title-abstract", "reviewer1", "include", protocol=p.protocol
    ),
    "note": lambda p: screening.add_note(p.db, MISSING, "title-abstract", "reviewer1", "a note"),
    "confirm": lambda p: classify.confirm(p, MISSING, "model-type", ["workplace"], "reviewer1"),
    "extract": lambda p: extract.set_value(p, MISSING, "country", "Norway", "reviewer1"),
    "dedup-view": lambda p: merged_view(p.db, MISSING),
    "dedup-pair": lambda p: decide_pair(p.db, 1, MISSING, "duplicate", "reviewer1"),
    "study-link": lambda p: decide_study_link(p.db, 1, MISSING, True, "reviewer1"),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_unknown_record_id_is_refused_with_a_hint(name: str, project_b: Project) -> None:
    add_records(project_b, [Record(title="One record", year=2020)])
    before = dump_database(project_b.db.path)
    with pytest.raises(UserError) as caught:
        REFUSALS[name](project_b)
    assert f"no record with id {MISSING}" in str(caught.value)
    assert caught.value.hint == record_ids_hint(), caught.value  # one hint for every refusal
    assert dump_database(project_b.db.path) == before


@pytest.mark.parametrize(
    ("ref", "says"),
    [
        ("doi:", "'doi:' is not a DOI"),  # was 'no record matches', as if the project lacked it
        ("doi:abc", "'doi:abc' is not a DOI"),
        ("https://doi.org/", "is not a DOI"),
    ],
)
def test_a_doi_reference_without_a_doi_says_so(ref: str, says: str, project_b: Project) -> None:
    add_records(project_b, [Record(title="One record", year=2020, doi="10.1000/xyz123")])
    with pytest.raises(UserError) as caught:
        screening.find_record(project_b.db, ref)
    assert says in str(caught.value) and "10.1000/xyz123" in (caught.value.hint or "")


@pytest.mark.parametrize(
    "ref",
    [
        "https://doi.org/10.1000/XYZ123",
        "http://dx.doi.org/10.1000/xyz123",
        "doi.org/10.1000/xyz123",
    ],
)
def test_a_doi_link_finds_its_record(ref: str, project_b: Project) -> None:
    """A DOI pasted as doi.org's link (from a paper or a reference manager) is the DOI: it was
    'not a record reference'."""
    [rid] = add_records(project_b, [Record(title="One record", year=2020, doi="10.1000/xyz123")])
    assert screening.find_record(project_b.db, ref) == rid
