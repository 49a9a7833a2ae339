"""Decision logs between machines: portable record keys, idempotent import, conflicts refused."""

from __future__ import annotations

import json

import pytest
from conftest import PROTOCOL_A, PROTOCOL_B, add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.engine import merge_records
from reviewkit.project import init_project
from reviewkit.records import Record
from reviewkit.store import decisions as decision_rows
from reviewkit.store import records as record_rows
from reviewkit.store.decisions import Decision, add_decision, list_decisions

TA, FT = "title-abstract", "full-text"


@pytest.fixture
def two_machines(project_b, tmp_path):
    """Two projects with the same records imported in opposite orders."""
    records = make_records(6)
    records.append(Record(title="A record without identifiers: sick leave", year=2019))
    add_records(project_b, records)
    other = init_project(tmp_path / "other", PROTOCOL_B)
    add_records(
        other,
        list(
            reversed(
                make_records(6)
                + [Record(title="A record without identifiers: sick leave", year=2019)]
            )
        ),
    )
    yield project_b, other
    other.close()


def cli(project, group_and_cmd, *rest):
    return main([*group_and_cmd, "--project", str(project.folder), *rest])


def test_export_import_maps_records_and_is_idempotent(two_machines, tmp_path, capsys):
    here, there = two_machines
    ids = sorted(scr.stage_outcomes(here, TA))
    q = scr.ReviewerQueue(here, TA, "reviewer1")
    q.decide(ids[0], "include", note="clear")
    q.decide(ids[1], "exclude", "long-term")
    q.decide(ids[6], "uncertain")  # the record known only by title and year
    q.note(ids[2], "look again")
    q.decide(ids[3], "include")
    q.undo()
    scr.decide(here.db, ids[4], TA, "reviewer2", "include")  # not exported
    out = tmp_path / "r1.jsonl"
    assert cli(here, ["decisions", "export"], "--reviewer", "reviewer1", str(out)) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 6 and {e["reviewer"] for e in lines} == {"reviewer1"}
    assert all("record" in e and "record_id" not in e for e in lines)

    assert cli(there, ["decisions", "import"], str(out)) == 0
    assert "added 6 entries, 0 already present" in capsys.readouterr().out
    theirs = scr.ReviewerQueue(there, TA, "reviewer1")
    titles = {
        there_id: rec.title for there_id, rec in ((s, theirs.record(s)) for s in theirs.votes)
    }
    mine = {here_id: q.record(here_id).title for here_id in q.votes}
    assert sorted(titles.values()) == sorted(mine.values())
    assert {theirs.record(s).title: d.label for s, d in theirs.votes.items()} == {
        q.record(s).title: d.label for s, d in q.votes.items()
    }
    before = list_decisions(there.db)
    assert cli(there, ["decisions", "import"], str(out)) == 0
    assert "added 0 entries, 6 already present" in capsys.readouterr().out
    assert list_decisions(there.db) == before


def test_conflicting_file_is_refused_and_nothing_written(two_machines, tmp_path, capsys):
    here, there = two_machines
    ids = sorted(scr.stage_outcomes(here, TA))
    scr.decide(here.db, ids[0], TA, "reviewer1", "include")
    scr.decide(here.db, ids[1], TA, "reviewer1", "include")
    out = tmp_path / "r1.jsonl"
    cli(here, ["decisions", "export"], "--reviewer", "reviewer1", str(out))
    assert cli(there, ["decisions", "import"], str(out)) == 0
    lines = out.read_text().splitlines()
    changed = json.loads(lines[1])
    changed["label"] = "exclude"
    extra = json.loads(lines[0])
    extra["id"] = "f" * 32
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([json.dumps(extra), json.dumps(changed)]) + "\n")
    before = list_decisions(there.db)
    capsys.readouterr()
    assert cli(there, ["decisions", "import"], str(bad)) == 2
    err = capsys.readouterr().err
    assert "already in this project with different content" in err and "bad.jsonl:2" in err
    assert list_decisions(there.db) == before  # the new first line was not written either


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json\n", "not a JSON line"),
        ('{"format": "other"}\n', "not a reviewkit decision line"),
        (
            '{"format": "reviewkit-decisions/1", "id": "x", "stage": "title-abstract", "reviewer": "reviewer1",'
            ' "label": "include", "created_at": "2024-05-01T12:30:00.000000+00:00", "record": {"pmid": "999999"}}\n',
            "no record in this project matches the entry's record (PMID 999999 in the file)",
        ),
        (  # every key the line gives, as the vote-slot refusal names a record (file_key)
            '{"format": "reviewkit-decisions/1", "id": "x", "stage": "title-abstract", "reviewer": "reviewer1",'
            ' "label": "include", "created_at": "2024-05-01T12:30:00.000000+00:00",'
            ' "record": {"pmid": "999999", "doi": "10.1/none", "title": "no such title"}}\n',
            "(PMID 999999, DOI 10.1/none, title 'no such title' in the file)",
        ),
        (
            '{"format": "reviewkit-decisions/1", "id": "x", "stage": "title-abstract", "reviewer": "reviewer1",'
            ' "label": "undo", "undoes": "nope", "created_at": "2024-05-01T12:30:00.000000+00:00", "record": {"pmid": "1001"}}\n',
            "neither here nor earlier",
        ),
    ],
)
def test_bad_files_are_refused(two_machines, tmp_path, capsys, content, message):
    _, there = two_machines
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content)
    assert cli(there, ["decisions", "import"], str(bad)) == 2
    assert message in capsys.readouterr().err
    assert list_decisions(there.db) == []


def test_export_needs_a_known_reviewer(two_machines, tmp_path, capsys):
    here, _ = two_machines
    assert (
        cli(here, ["decisions", "export"], "--reviewer", "nobody", str(tmp_path / "x.jsonl")) == 2
    )
    assert "not a reviewer" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()
    assert cli(here, ["decisions", "import"], str(tmp_path / "missing.jsonl")) == 2


@pytest.fixture
def one_reviewer_machines(project_a, tmp_path):
    """Two Review A projects (title-abstract: one reviewer per record), the same records."""
    add_records(project_a, make_records(3))
    other = init_project(tmp_path / "other-a", PROTOCOL_A)
    add_records(other, make_records(3))
    yield project_a, other
    other.close()


def _export(project, reviewer, path):
    assert cli(project, ["decisions", "export"], "--reviewer", reviewer, str(path)) == 0
    return path


def test_a_second_vote_in_a_one_reviewer_stage_is_refused(one_reviewer_machines, tmp_path, capsys):
    """Each machine's reviewer screened the same record alone: merging would give it two votes."""
    here, there = one_reviewer_machines
    first = sorted(scr.stage_outcomes(here, TA))[0]
    scr.decide(here.db, first, TA, "reviewer1", "include", protocol=here.protocol)
    theirs = sorted(scr.stage_outcomes(there, TA))
    scr.decide(there.db, theirs[0], TA, "reviewer2", "exclude", protocol=there.protocol)
    scr.decide(there.db, theirs[1], TA, "reviewer2", "include", protocol=there.protocol)
    out = _export(there, "reviewer2", tmp_path / "r2.jsonl")
    before = list_decisions(here.db)
    capsys.readouterr()
    assert cli(here, ["decisions", "import"], str(out)) == 2
    err = capsys.readouterr().err
    # judged per record: the refusal names it, by this project's id and the file's key
    assert (
        f"{out}:1: a vote by 'reviewer2' on record {first} (PMID 1001 in the file), which no"
        " longer waited for it: the title-abstract stage needs 1 vote per record and the record"
        " has them" in err
    )
    assert "'exclude'" not in err  # blinded
    assert list_decisions(here.db) == before  # the file's vote on another record neither


def test_a_file_voting_twice_on_one_record_is_refused_at_its_second_vote(
    one_reviewer_machines, tmp_path, capsys
):
    here, there = one_reviewer_machines
    study = sorted(scr.stage_outcomes(there, TA))[2]
    scr.decide(there.db, study, TA, "reviewer1", "include")  # no protocol: nothing checked
    scr.decide(there.db, study, TA, "reviewer2", "include")
    log = tmp_path / "both.jsonl"
    lines = _export(there, "reviewer1", tmp_path / "r1.jsonl").read_text()
    log.write_text(lines + _export(there, "reviewer2", tmp_path / "r2.jsonl").read_text())
    assert cli(here, ["decisions", "import"], str(log)) == 2
    assert f"{log}:2: a vote by 'reviewer2' on record {study} (PMID 1003" in capsys.readouterr().err
    assert list_decisions(here.db) == []
    # a key without a PMID is named as the file names it: by its DOI, else its title
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    for gone, named in (("pmid", "DOI 10.1000/test.3"), ("doi", "title 'study 3 return to")):
        for entry in entries:
            entry["record"][gone] = None
        log.write_text("".join(json.dumps(e) + "\n" for e in entries))
        assert cli(here, ["decisions", "import"], str(log)) == 2
        assert f"on record {study} ({named}" in capsys.readouterr().err


def test_after_uncertain_a_second_reviewer_may_vote(one_reviewer_machines, tmp_path, capsys):
    """'uncertain' calls in a second reviewer: their vote imports; a reviewer may change theirs."""
    here, there = one_reviewer_machines
    ids = sorted(scr.stage_outcomes(here, TA))
    scr.decide(here.db, ids[0], TA, "reviewer1", "uncertain", protocol=here.protocol)
    _export(here, "reviewer1", tmp_path / "r1.jsonl")
    assert cli(there, ["decisions", "import"], str(tmp_path / "r1.jsonl")) == 0
    scr.decide(there.db, ids[0], TA, "reviewer2", "include", protocol=there.protocol)
    scr.decide(here.db, ids[0], TA, "reviewer1", "include", protocol=here.protocol)  # own change
    out = _export(there, "reviewer2", tmp_path / "r2.jsonl")
    assert cli(here, ["decisions", "import"], str(out)) == 0
    assert "added 1 entry," in capsys.readouterr().out
    assert scr.stage_outcomes(here, TA)[ids[0]].status == "include"


def test_an_import_reads_the_duplicate_clusters_once(two_machines, tmp_path, capsys, monkeypatch):
    """A file with entries already here and new votes: the clusters (which study a record is
    in) are read once, under the write lock, for both checks (they were read twice)."""
    import reviewkit.decisions.exchange as exchange

    here, there = two_machines
    ids = sorted(scr.stage_outcomes(here, TA))
    scr.decide(here.db, ids[0], TA, "reviewer1", "include")
    first = _export(here, "reviewer1", tmp_path / "first.jsonl")
    assert cli(there, ["decisions", "import"], str(first)) == 0
    scr.decide(here.db, ids[1], TA, "reviewer1", "exclude", "long-term")
    both = _export(here, "reviewer1", tmp_path / "both.jsonl")  # one entry there, one new
    reads = []
    real = exchange.canonical_map
    monkeypatch.setattr(exchange, "canonical_map", lambda db: reads.append(1) or real(db))
    capsys.readouterr()
    assert cli(there, ["decisions", "import"], str(both)) == 0
    assert "added 1 entry, 1 already present" in capsys.readouterr().out
    assert len(reads) == 1


def _one_vote_exported(project, tmp_path, label: str):
    """reviewer1's vote ``label`` on the first study, exported to r1.jsonl."""
    first = sorted(scr.stage_outcomes(project, TA))[0]
    scr.ReviewerQueue(project, TA, "reviewer1").decide(first, label)
    out = tmp_path / "r1.jsonl"
    assert cli(project, ["decisions", "export"], "--reviewer", "reviewer1", str(out)) == 0
    return out


def test_a_log_from_another_review_is_refused_naming_both_ids(two_machines, tmp_path, capsys):
    here, _ = two_machines
    out = _one_vote_exported(here, tmp_path, "include")
    assert {json.loads(line)["review"] for line in out.read_text().splitlines()} == {
        here.protocol.id
    }
    elsewhere = init_project(tmp_path / "review-a", PROTOCOL_A)
    add_records(elsewhere, make_records(6))
    elsewhere.close()
    capsys.readouterr()
    assert main(["decisions", "import", str(out), "--project", str(tmp_path / "review-a")]) == 2
    err = capsys.readouterr().err
    assert f"{out}:1" in err and "Traceback" not in err
    assert repr(here.protocol.id) in err and repr(elsewhere.protocol.id) in err


def test_an_older_log_without_a_review_id_is_still_read(two_machines, tmp_path, capsys):
    here, there = two_machines
    out = _one_vote_exported(here, tmp_path, "include")
    old = [json.loads(line) for line in out.read_text().splitlines()]
    out.write_text(
        "".join(json.dumps({k: v for k, v in e.items() if k != "review"}) + "\n" for e in old)
    )
    assert cli(there, ["decisions", "import"], str(out)) == 0
    assert "added 1 entry" in capsys.readouterr().out


def test_reasonless_exclusions_from_before_a_protocol_change_need_a_flag(
    two_machines, tmp_path, capsys
):
    here, _ = two_machines
    out = _one_vote_exported(here, tmp_path, "exclude")  # no reason: allowed here
    stricter = tmp_path / "stricter.toml"  # the same review, now requiring a reason
    stricter.write_text(
        PROTOCOL_B.read_text(encoding="utf-8").replace(
            "[stages.title-abstract]\nreviewers_per_record = 2\nadvance_on = "
            '["include", "uncertain"]\nreason_required = false',
            "[stages.title-abstract]\nreviewers_per_record = 2\nadvance_on = "
            '["include", "uncertain"]\nreason_required = true',
        ),
        encoding="utf-8",
    )
    lead = init_project(tmp_path / "lead", stricter)
    assert lead.protocol.stages[TA].reason_required
    add_records(lead, make_records(6))
    lead.close()
    capsys.readouterr()
    project = ["--project", str(tmp_path / "lead")]
    assert main(["decisions", "import", str(out), *project]) == 2
    err = capsys.readouterr().err
    assert "without a reason" in err and "--allow-missing-reasons" in err
    assert main(["decisions", "import", "--allow-missing-reasons", str(out), *project]) == 0
    assert "added 1 entry" in capsys.readouterr().out


@pytest.mark.parametrize("change", ["uncertain", "undo"])
def test_a_title_abstract_vote_changed_after_full_text_votes_is_refused(
    two_machines, tmp_path, capsys, change
):
    """The rule of the screen's z and of a changed vote (a study that reached full text is
    decided there) holds for a file too: reviewer1's title-abstract include changed or undone
    after their full-text include was imported and took the study out of full text and the
    report without a word. (A log from before the rule, or edited by hand, holds it.)"""
    here, there = two_machines
    study = sorted(scr.stage_outcomes(there, TA))[0]
    ta = Decision(study, TA, "reviewer1", "include")
    add_decision(there.db, ta)
    add_decision(there.db, Decision(study, "full-text", "reviewer1", "include"))
    if change == "undo":
        add_decision(there.db, Decision(study, TA, "reviewer1", "undo", undoes=ta.id))
    else:
        add_decision(there.db, Decision(study, TA, "reviewer1", change))
    out = _export(there, "reviewer1", tmp_path / "r1.jsonl")
    capsys.readouterr()
    assert cli(here, ["decisions", "import"], str(out)) == 2
    err = capsys.readouterr().err
    assert f"{out}:3: " in err and "has votes at the full-text stage" in err
    assert "excludes the study at that stage" in err
    assert list_decisions(here.db) == []  # all or nothing


def test_a_title_abstract_vote_changed_before_full_text_votes_is_imported(
    two_machines, tmp_path, capsys
):
    """The same entries in another order, the change before full text: the history of a study
    that was screened, changed, then went on to full text, which an export carries whole."""
    here, there = two_machines
    study = sorted(scr.stage_outcomes(there, TA))[0]
    add_decision(there.db, Decision(study, TA, "reviewer1", "uncertain"))
    add_decision(there.db, Decision(study, TA, "reviewer1", "include"))
    add_decision(there.db, Decision(study, "full-text", "reviewer1", "include"))
    out = _export(there, "reviewer1", tmp_path / "r1.jsonl")
    assert cli(here, ["decisions", "import"], str(out)) == 0
    assert len(list_decisions(here.db)) == 3


def test_a_final_decision_undone_after_full_text_votes_is_refused(two_machines, tmp_path, capsys):
    """The lead's log undoes a title-abstract final include that the full-text votes came
    after (they were cast on the study it included), as the conflicts screen's z is refused."""
    here, there = two_machines
    study = sorted(scr.stage_outcomes(there, TA))[0]
    add_decision(there.db, Decision(study, TA, "reviewer1", "include"))
    add_decision(there.db, Decision(study, TA, "reviewer2", "exclude", "no-collaboration"))
    final = Decision(study, TA, "lead", "final-include")
    add_decision(there.db, final)
    add_decision(there.db, Decision(study, "full-text", "reviewer1", "include"))
    add_decision(there.db, Decision(study, TA, "lead", "undo", undoes=final.id))
    for reviewer in ("reviewer1", "reviewer2"):
        assert (
            cli(here, ["decisions", "import"], str(_export(there, reviewer, tmp_path / reviewer)))
            == 0
        )
    out = _export(there, "lead", tmp_path / "lead.jsonl")
    capsys.readouterr()
    assert cli(here, ["decisions", "import"], str(out)) == 2
    err = capsys.readouterr().err
    assert f"{out}:2: " in err and "its title-abstract final decision cannot change" in err
    assert len(list_decisions(here.db)) == 3  # the reviewers' entries alone


def _by_pmid(project) -> dict[str, int]:
    return {
        p: ids[0]
        for p, ids in record_rows.ids_by_pmid(project.db, ["1001", "1002", "1003", "1004"]).items()
    }


def test_the_held_check_judges_what_a_change_changes_by_its_record(
    two_machines, tmp_path, capsys, monkeypatch
):
    """The held check (a study that reached full text is decided there) judges what an entry
    changes by its record, as the vote-slot check does: a title-abstract vote cast in a copy
    that had not seen the lead's merge is a first vote on a study of its own there, not a
    change to the reviewer's vote on the record the full-text votes are on. It was refused
    (judged by the merged study), and the reviewer's whole log with it."""
    here, there = two_machines
    mine = _by_pmid(here)
    one, two, other = mine["1001"], mine["1002"], mine["1003"]
    merge_records(here.db, one, two, "lead")  # one study: its votes are on record `two`
    for reviewer in ("reviewer1", "reviewer2"):  # included at title-abstract by both
        add_decision(here.db, Decision(two, TA, reviewer, "include"))
    add_decision(here.db, Decision(two, FT, "reviewer1", "include"))
    study = scr.DerivedStages(here).canon[two]
    # another study's past the screen would refuse now (a log from before the rule): not the
    # file's, so not judged, and not read
    add_decision(here.db, Decision(other, TA, "reviewer2", "include"))
    add_decision(here.db, Decision(other, FT, "reviewer2", "include"))
    add_decision(here.db, Decision(other, TA, "reviewer2", "uncertain"))
    theirs = _by_pmid(there)
    # in the copy, without the merge, reviewer1 votes on record 1001 (a study of its own
    # there) after the full-text votes here
    add_decision(there.db, Decision(theirs["1001"], TA, "reviewer1", "uncertain"))
    out = _export(there, "reviewer1", tmp_path / "r1.jsonl")
    read = []
    real = decision_rows.list_decisions

    def reading(db, **kwargs):
        read.append(kwargs)
        return real(db, **kwargs)

    monkeypatch.setattr(decision_rows, "list_decisions", reading)
    capsys.readouterr()
    assert cli(here, ["decisions", "import"], str(out)) == 0
    assert "added 1 entry" in capsys.readouterr().out
    # the file's record's study, both its records (what holds a change is the study's), not
    # the whole log
    assert read == [{"record_ids": {one, two}}]
    monkeypatch.undo()
    # the study keeps its furthest record's decisions: still at full text, as it was
    derived = scr.DerivedStages(here)
    assert study in derived.studies(FT)
    assert derived.states(FT)[study].votes["reviewer1"].label == "include"
    # a change to reviewer1's vote on the record the full-text votes are on is still refused
    add_decision(there.db, Decision(theirs["1002"], TA, "reviewer1", "include"))
    add_decision(there.db, Decision(theirs["1002"], TA, "reviewer1", "exclude", "long-term"))
    out = _export(there, "reviewer1", tmp_path / "r1b.jsonl")
    before = list_decisions(here.db)
    capsys.readouterr()
    assert cli(here, ["decisions", "import"], str(out)) == 2
    err = capsys.readouterr().err
    assert f"{out}:3: record {two} is merged here into study {one}, which has votes at" in err
    assert list_decisions(here.db) == before


def test_a_log_a_newer_reviewkit_wrote_is_refused_saying_to_upgrade(two_machines, tmp_path, capsys):
    """A log whose format tag is a later version of this one (a newer reviewkit's export) or
    whose line has a field this reviewkit does not know is refused, saying to upgrade, as a
    database a newer reviewkit wrote is; not 'not a reviewkit decision line', nor only 'fix
    or re-export the file' (the re-exported file is the same)."""
    here, there = two_machines
    scr.decide(here.db, sorted(scr.stage_outcomes(here, TA))[0], TA, "reviewer1", "include")
    log = tmp_path / "r1.jsonl"
    assert cli(here, ["decisions", "export"], "--reviewer", "reviewer1", str(log)) == 0
    entry = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    for changed, said in (
        ({"format": "reviewkit-decisions/2"}, "written by a newer reviewkit"),
        ({"seen_votes": []}, "unknown field 'seen_votes'"),
    ):
        log.write_text(json.dumps({**entry, **changed}) + "\n", encoding="utf-8")
        capsys.readouterr()
        assert cli(there, ["decisions", "import"], str(log)) == 2
        err = " ".join(capsys.readouterr().err.split())
        assert f"{log}:1: {said}" in err and "upgrade reviewkit: 'pip install -U reviewkit'" in err
    assert list_decisions(there.db) == []
