"""Extraction: prefill from the record, person edits, and the CSV round trip with bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reviewkit import extract, extract_import
from reviewkit.errors import UserError
from reviewkit.records import AbstractSection, Record
from reviewkit.reports.snapshot import ProjectSnapshot
from reviewkit.store import extraction as value_rows


def _named(project, ids) -> dict[int, str]:
    """The sheet's study names, as `extract export` gives them (the report's)."""
    return ProjectSnapshot.read(project).sheet_labels(ids)


def test_prefill_review_b_fields(b_included):
    project, ids = b_included
    written, withdrawn = extract.prefill(project, ids)
    vals = extract.values(project, ids)
    first = vals[ids[0]]
    assert first["country"] == "Denmark"
    assert first["design"] == "Randomized Controlled Trial"
    assert (
        first["intervention"] == "An employment specialist joined the mental health team."
    )  # section:METHODS:…, the sentence naming the intervention
    assert (
        first["effect"] == "More participants returned to work."
    )  # section:RESULTS before CONCLUSIONS
    assert vals[ids[1]]["country"] == "Norway"
    assert vals[ids[2]]["country"] == "Sweden; United Kingdom"
    assert vals[ids[2]]["design"] == ""
    assert written == sum(1 for v in vals.values() for x in v.values() if x) and withdrawn == 0
    # prefill again: nothing new
    assert extract.prefill(project, ids) == (0, 0)


def test_prefill_review_a_sentence_rule(project_a, store):
    rec = Record(
        title="A review",
        abstract_sections=[
            AbstractSection(
                "",
                "Sick leave is common. The aim was to summarise reviews. We conclude that coordination helps.",
            )
        ],
    )
    ids = store(project_a, [rec], "test")
    extract.prefill(project_a, ids)
    vals = extract.values(project_a, ids)[ids[0]]
    assert vals == {
        "aim": "The aim was to summarise reviews.",
        "conclusions": "We conclude that coordination helps.",
    }


def test_prefill_never_replaces_a_persons_value(b_included):
    project, ids = b_included
    extract.prefill(project, ids)
    extract.set_value(project, ids[0], "country", "Denmark and Norway", "ann")
    extract.prefill(project, ids)
    assert extract.values(project, ids)[ids[0]]["country"] == "Denmark and Norway"
    methods = [v.method for v in value_rows.field_history(project.db, ids[0], "country")]
    assert methods == ["prefill", "person"]
    with pytest.raises(UserError, match="no extraction field"):
        extract.set_value(project, ids[0], "colour", "blue", "ann")


def test_pending_prefills_read_as_they_will_be_stored(b_included):
    """values_and_unchecked() with pending prefills answers as after store_prefills (the
    report shows them before it stores them, with the same unchecked rule as stored ones)."""
    project, ids = b_included
    extract.set_value(project, ids[1], "country", "Norway and Sweden", "ann")  # a person's
    pending = extract.pending_prefills(project, ids)
    assert pending and all(rid != ids[1] or f != "country" for rid, f, _ in pending)
    before = extract.values_and_unchecked(project, ids, pending)
    assert extract.values_and_unchecked(project, ids)[1] == {ids[1]: set()}  # none stored
    extract.store_prefills(project, pending)
    assert before == extract.values_and_unchecked(project, ids)
    assert "country" not in before[1][ids[1]]  # the person's value is checked


def test_a_persons_value_given_after_the_prefills_were_read_is_not_replaced(b_included):
    """The report reads its prefills, writes its files, then stores them: a value a person
    gave in between (another process) was buried under the newer prefill."""
    project, ids = b_included
    pending = extract.pending_prefills(project, ids)
    assert any(rid == ids[0] and f == "country" for rid, f, _ in pending)
    extract.set_value(project, ids[0], "country", "Denmark and Norway", "ann")  # meanwhile
    stored = extract.store_prefills(project, pending)
    assert stored == (len(pending) - 1, 0)
    assert extract.values(project, ids)[ids[0]]["country"] == "Denmark and Norway"
    assert extract.values(project, ids)[ids[1]]["country"] == "Norway"  # the others stored


def test_csv_round_trip(b_included, tmp_path: Path):
    project, ids = b_included
    extract.prefill(project, ids)
    path = tmp_path / "extraction.csv"
    assert extract.export_csv(project, ids, path, labels=_named(project, ids)) == 3
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert list(rows[0]) == [
        "record_id",
        "study",
        "report",  # empty: no study of several reports
        "title",
        "country",
        "intervention",
        "population",
        "design",
        "effect",
        "as_exported",  # what each row shows (reviewkit.sheet_mark)
    ]
    assert rows[0]["study"] == "Hellström et al. (2017)" and rows[0]["country"] == "Denmark"
    rows[1]["population"] = "Employees on sick leave, back pain"
    rows[2]["intervention"] = "RTW coordinator\nwith coaching"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    result = extract_import.import_csv(project, path, ids, reviewer="ann")
    assert (result.rows, result.changed) == (3, 2)
    vals = extract.values(project, ids)
    assert vals[ids[1]]["population"] == "Employees on sick leave, back pain"
    assert vals[ids[2]]["intervention"] == "RTW coordinator\nwith coaching"
    assert value_rows.field_history(project.db, ids[1], "population")[-1].method == "csv"
    # importing the same file again changes nothing
    assert extract_import.import_csv(project, path, ids).changed == 0
    # export again: the file is what we imported
    again = tmp_path / "again.csv"
    extract.export_csv(project, ids, again, labels=_named(project, ids))
    written = list(csv.DictReader(again.open(encoding="utf-8")))
    # the mark of the rows edited is of what they show now; the rest is what we imported
    assert [
        r.pop("as_exported") != o.pop("as_exported") for r, o in zip(written, rows, strict=True)
    ] == [
        False,
        True,
        True,
    ]
    assert written == rows


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ("record_id,study,country\n1,x,Norway\n99,y,Sweden\n", ":3", "unknown record id 99"),
        ("record_id,colour\n1,blue\n", ":1", "unknown field 'colour'"),
        ("study,country\nx,Norway\n", ":1", "no record_id column"),
        ("record_id,country\n1,Norway\nabc,Sweden\n", ":3", "not a number"),
    ],
)
def test_import_refuses_bad_files_and_writes_nothing(
    b_included, tmp_path: Path, content, where, message
):
    project, ids = b_included
    content = content.replace("\n1,", f"\n{ids[0]},")
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as err:
        extract_import.import_csv(project, path, ids)
    assert err.value.where.endswith(where) and message in err.value.message
    assert value_rows.current_values(project.db) == {}


def test_country_aliases_and_word_boundaries():
    assert extract.countries(
        ["Dept of X, Leeds, England.", "Boston, MA, USA", "Utrecht, The Netherlands"]
    ) == ["United Kingdom", "United States", "Netherlands"]
    assert extract.countries(["Omansson Institute, Chadwick Street"]) == []


def test_import_of_an_export_cut_short_writes_nothing(b_included, tmp_path: Path):
    """A copy that stopped inside the last row ('…,RTW coordinator with coa') stored its half
    a value and left the row's other fields alone; it is refused as the record import refuses
    one, naming the row, and nothing is written."""
    project, ids = b_included
    path = tmp_path / "extraction.csv"
    extract.export_csv(project, ids, path, labels=_named(project, ids))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[2]["country"] = "Norway"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    whole = path.read_text(encoding="utf-8")
    path.write_text(whole[: whole.rindex("Norway") + 3], encoding="utf-8")  # '…,Nor'
    before = extract.values(project, ids)
    with pytest.raises(UserError) as err:
        extract_import.import_csv(project, path, ids, reviewer="ann")
    assert err.value.where == f"{path}:4" and "cut short" in (err.value.hint or "")
    assert extract.values(project, ids) == before


def test_sentence_prefill_takes_the_text_under_a_heading_run_into_the_abstract():
    """An unlabelled abstract that writes its headings as sentences ('Objectives. Stress …
    Conclusions. The results …') gave the report 'Objectives.' as the aim and 'Conclusions.' as
    the findings; the prefill takes the sentence the heading introduces."""
    text = (
        "Objectives. Stress maintained over time leads to burnout. Method. 523 drivers took "
        "part. Results. Fatigue predicted exhaustion. Conclusions. The results help design "
        "interventions. We found nothing."
    )
    assert (
        extract.first_sentence(text, ["aim", "objective", "purpose"])
        == "Stress maintained over time leads to burnout."
    )
    assert (
        extract.first_sentence(text, ["conclude", "conclusion"])
        == "The results help design interventions."
    )
    # a short sentence that does not start with the word is a sentence, not a heading
    assert extract.first_sentence(text, ["found"]) == "We found nothing."
    # a sentence that names its aim is taken as it is
    assert (
        extract.first_sentence("Background. Work matters. Our aim was to test a model.", ["aim"])
        == "Our aim was to test a model."
    )


def test_sentence_prefill_stops_at_a_heading_glued_to_the_full_stop():
    """'… employment status .Method: A retrospective …' (no space after the stop) made the aim
    run on through the methods into the next sentence."""
    text = (
        "Purpose: This study aims to describe the employment status .Method: A retrospective "
        "analysis of 370 reports.Results: Half returned to work."
    )
    assert (
        extract.first_sentence(text, ["aim", "objective", "purpose"])
        == "This study aims to describe the employment status ."
    )  # the heading heads the sentence and is no part of the aim
    assert extract.first_sentence(text, ["return"]) == "Half returned to work."


def _by_andersen(project, store, include_all, works: list[tuple[str, int]]) -> list[int]:
    """Studies of one author list, (title, year) each, stored and included by every reviewer at
    every stage: their labels differ only by the letters after the year."""
    authors = ["Andersen, Lars L", "Berg, Kari", "Clausen, Thomas"]
    records = [Record(title=title, authors=authors, year=year) for title, year in works]
    ids = store(project, records, "PubMed")
    include_all(project, ids)
    return ids


def _sheet_studies(project, out: Path) -> dict[int, str]:
    """record id -> the ``study`` cell of ``extract export``'s sheet, written to ``out``."""
    from reviewkit.cli import main

    assert main(["extract", "export", str(out), "--project", str(project.folder)]) == 0
    with out.open(encoding="utf-8") as fh:
        return {int(row["record_id"]): row["study"] for row in csv.DictReader(fh)}


def test_extract_export_tells_same_author_year_studies_apart(
    project_b, store, include_all, tmp_path: Path
):
    """The sheet names a study as the report tables do: two "Andersen et al. (2019)" rows get
    2019a and 2019b (in order of title), a study alone in its year none."""
    ids = _by_andersen(
        project_b,
        store,
        include_all,
        [
            ("Workplace dialogue for neck pain", 2019),
            ("The back pain trial at work", 2019),
            ("Another year", 2018),
        ],
    )
    assert _sheet_studies(project_b, tmp_path / "sheet.csv") == {
        ids[0]: "Andersen et al. (2019b)",
        ids[1]: "Andersen et al. (2019a)",
        ids[2]: "Andersen et al. (2018)",
    }


def test_prefill_splits_each_abstract_into_its_sections_once(b_included, monkeypatch):
    """Review B's protocol has four fields with section rules (a dozen rules in all): the
    abstract is split once per record for them all, not once per rule, and the values are
    those each field gets alone."""
    project, ids = b_included
    records = extract.records(project, ids)
    alone = {
        rid: {f.id: extract.prefill_value(records[rid], f) for f in project.protocol.extraction}
        for rid in ids
    }
    split = extract.sections
    seen: list[int] = []

    def spy(record):
        seen.append(record.title)
        return split(record)

    monkeypatch.setattr(extract, "sections", spy)
    pending = extract.pending_prefills(project, ids, records=records)
    assert sorted(seen) == sorted(records[rid].title for rid in ids)  # one split a record
    assert pending == [(rid, f, v) for rid in ids for f, v in alone[rid].items() if v]


def test_extract_export_letters_studies_not_reports(project_b, store, include_all, tmp_path: Path):
    """Two reports linked as one study are one study on the sheet, as in the report tables and
    the evidence map: both rows carry the study's label, and the letters tell the studies apart
    (among reports the two would be 2019a and 2019b, and the other study 2019c)."""
    from reviewkit.cli import main
    from reviewkit.dedup.studies import decide_study_link

    ids = _by_andersen(
        project_b,
        store,
        include_all,
        [
            ("Dialogue meetings at work: a trial", 2019),
            ("Dialogue meetings at work: follow-up", 2019),
            ("Neck pain and coordination", 2019),
        ],
    )
    decide_study_link(project_b.db, ids[0], ids[1], True, project_b.protocol.reviewers[0])
    assert _sheet_studies(project_b, tmp_path / "sheet.csv") == {
        ids[0]: "Andersen et al. (2019a)",
        ids[1]: "Andersen et al. (2019a)",
        ids[2]: "Andersen et al. (2019b)",
    }
    report = tmp_path / "report"
    assert main(["report", "--project", str(project_b.folder), "--out", str(report)]) == 0
    cells = (report / "evidence-map" / "evidence-map-cells.csv").read_text(encoding="utf-8")
    assert "Andersen et al. (2019a) [2 reports]; Andersen et al. (2019b)," in cells
