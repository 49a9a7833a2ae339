"""A DOI that several records share names a record only when the person says which."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.errors import UserError
from reviewkit.store import duplicates as links


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


def test_a_doi_shared_by_records_dedup_made_one_names_that_record(project_a):
    # the usual case of a shared DOI: PubMed's and Embase's copies of one article, which dedup's
    # DOI rule joins; attach, classify and the screen's 'go to' name them by that DOI afterwards
    first, second, other = make_records(3)
    a, b, c = add_records(project_a, [first, replace(second, doi=first.doi), other])
    links.add_link(project_a.db, a, b, "duplicate", made_by="rule:doi")
    assert scr.find_record(project_a.db, f"doi:{first.doi}") == a
    # a third record with the DOI outside that cluster: two works again, refused
    d = add_records(project_a, [replace(other, title="Another work", doi=first.doi)])[0]
    with pytest.raises(UserError) as err:
        scr.find_record(project_a.db, f"doi:{first.doi}")
    assert f"({a}, {b}, {d})" in str(err.value)
