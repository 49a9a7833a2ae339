"""PubMed XML's NlmCategory, NLM's category of each structured-abstract label ("BACKGROUND AND
AIMS" is OBJECTIVE), kept with the section from the reader to the store; records stored without
it (before, or from a format that gives none) read as they did, and a search rerun that finds it
on a record stored without it has found no change."""

from __future__ import annotations

import io
import json

from conftest import add_records
from core.pubmed_articles import pubmed_article

from reviewkit.formats import pubmed_xml
from reviewkit.records import Record
from reviewkit.searches import fingerprint
from reviewkit.searches.diff import changed_fields
from reviewkit.store import records as record_rows

SECTIONS = (
    ("BACKGROUND AND AIMS", "OBJECTIVE", "Sick leave is common. We aimed to assess a programme."),
    ("METHODS", "METHODS", "A cohort of 200 nurses."),
    ("CONCLUSIONS AND RELEVANCE", "CONCLUSIONS", "The programme helped."),
    ("NOTE", "UNASSIGNED", "Registered as NCT01234567."),
    ("", "", "An unlabelled part."),
)


def read_one(xml: bytes) -> Record:
    (rec,) = pubmed_xml.read(io.BytesIO(xml), "test.xml")
    return rec


def test_the_reader_keeps_each_sections_nlm_category():
    rec = read_one(pubmed_article(SECTIONS))
    assert [(s.label, s.category) for s in rec.abstract_sections] == [
        (label, nlm) for label, nlm, _ in SECTIONS
    ]


def test_the_store_keeps_the_category_and_a_record_stored_without_it_reads_as_before(project_a):
    rec = read_one(pubmed_article(SECTIONS))
    (rid,) = add_records(project_a, [rec])
    stored = record_rows.get_records(project_a.db, [rid])[rid]
    assert [s.category for s in stored.abstract_sections] == [nlm for _, nlm, _ in SECTIONS]
    # a record's JSON from before the category was kept: its sections have none
    data = json.loads(rec.to_json())
    for section in data["abstract_sections"]:
        section.pop("category", None)
    old = Record.from_json(json.dumps(data))
    assert [s.category for s in old.abstract_sections] == [""] * len(SECTIONS)
    assert old.abstract_sections == rec.abstract_sections  # the same label and text


def test_a_rerun_finding_categories_on_a_record_stored_without_them_finds_no_change():
    now = read_one(pubmed_article(SECTIONS))
    before = read_one(pubmed_article([(label, "", text) for label, _, text in SECTIONS]))
    assert fingerprint(before) == fingerprint(now)
    assert changed_fields(before.to_json(), now) == []
    # a label PubMed changed is a change still
    relabelled = read_one(pubmed_article([("AIMS", "OBJECTIVE", SECTIONS[0][2]), *SECTIONS[1:]]))
    assert changed_fields(before.to_json(), relabelled) == ["abstract_sections"]
