"""A DOI that several records share names a record only when the person says which."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.errors import UserError


def test_a_doi_shared_by_two_records_is_refused_with_the_candidates(project_a):
    first, second, other = make_records(3)
    shared = replace(second, doi=first.doi)  # two imports, or a supplement's abstracts
    a, b, c = add_records(project_a, [first, shared, other])
    with pytest.raises(UserError) as err:
        scr.find_record(project_a.db, f"doi:{first.doi}")
    assert f"({a}, {b})" in str(err.value) and "2 records" in str(err.value)
    with pytest.raises(UserError):
        scr.find_record(project_a.db, first.doi)  # a bare '10.' reference too
    # a DOI of one record, and the record id, still name it
    assert scr.find_record(project_a.db, f"doi:{other.doi}") == c
    assert scr.find_record(project_a.db, str(b)) == b
