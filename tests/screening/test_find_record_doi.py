"""A PMID or DOI that several records share names a record only when the person says which."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.errors import UserError
from reviewkit.store import duplicates as links


def test_a_doi_shared_by_two_records_is_refused_with_the_candidates(project_a):
    first, second, other = make_records(3)
    shared = replace(second, doi=first.doi)  # two imports, or a supplement's abstracts
    a, b, c = add_records(project_a, [first, shared, other])
    with pytest.raises(UserError) as err:
        scr.find_record(project_a.db, f"doi:{first.doi}")
    assert f"({a} and {b})" in str(err.value) and "2 records" in str(err.value)
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
    assert f"({a}, {b} and {d})" in str(err.value)


def test_a_pmid_shared_by_two_records_is_refused_with_the_candidates(project_a):
    first, second, other = make_records(3)
    # the PubMed search's record and the same article in a file exported from PubMed
    again = replace(second, pmid=first.pmid)
    a, b, c = add_records(project_a, [first, again, other])
    with pytest.raises(UserError) as err:
        scr.find_record(project_a.db, f"pmid:{first.pmid}")
    assert f"({a} and {b})" in str(err.value) and "2 records" in str(err.value)
    assert scr.find_record(project_a.db, f"pmid:{other.pmid}") == c


def test_attach_by_a_shared_pmid_exits_2_naming_the_records(project_a, capsys, tmp_path):
    first, second = make_records(2)
    a, b = add_records(project_a, [first, replace(second, pmid=first.pmid)])
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4 a full text\n%%EOF\n")
    args = ["attach", "--project", str(project_a.folder), f"pmid:{first.pmid}", str(pdf)]
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert f"({a} and {b})" in err and "Traceback" not in err
    assert scr.study_attachment(project_a.db, a) is None  # nothing attached to either
    assert scr.study_attachment(project_a.db, b) is None
