"""A team on several machines as README's section 5 tells it: each person screens in a copy of
the lead's project folder and only decision logs travel. Before full text a reviewer brings in
the other reviewer's log and the lead's (the final decisions on the title-abstract conflicts),
and their full-text queue is then the studies the lead's project sends to full text."""

from __future__ import annotations

import shutil

from conftest import PROTOCOL_A, PROTOCOL_B, add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import init_project, open_project

TA, FT = "title-abstract", "full-text"


def cli(folder, *args) -> int:
    return main([*args, "--project", str(folder)])


def test_reviewers_copies_reach_full_text_with_the_lead_s_and_partner_s_logs(tmp_path, capsys):
    lead = init_project(tmp_path / "lead", PROTOCOL_B)
    add_records(lead, make_records(6))
    lead.close()  # copied while no command runs on it
    for name in ("r1", "r2"):
        shutil.copytree(tmp_path / "lead", tmp_path / name)
    # the two reviewers on their machines: study 1 both include, 2 both exclude, 3 and 4
    # disagree (a conflict for the lead), 5 include and uncertain (sent on), 6 both exclude
    votes = {
        "reviewer1": ["include", "exclude", "include", "exclude", "include", "exclude"],
        "reviewer2": ["include", "exclude", "exclude", "include", "uncertain", "exclude"],
    }
    for folder, reviewer in (("r1", "reviewer1"), ("r2", "reviewer2")):
        copy = open_project(tmp_path / folder)
        queue = scr.ReviewerQueue(copy, TA, reviewer)
        for study, label in zip(sorted(queue.index), votes[reviewer], strict=True):
            queue.decide(study, label, "wrong-population" if label == "exclude" else "")
        copy.close()
        log = tmp_path / f"{reviewer}.jsonl"
        assert cli(tmp_path / folder, "decisions", "export", "--reviewer", reviewer, str(log)) == 0
        assert cli(tmp_path / "lead", "decisions", "import", str(log)) == 0
    lead = open_project(tmp_path / "lead")
    conflicts = [s for s, o in scr.stage_outcomes(lead, TA).items() if o.status == "conflict"]
    assert len(conflicts) == 2
    for study in conflicts:
        scr.resolve(lead, study, TA, "lead", "include")
    lead_ft = sorted(scr.stage_outcomes(lead, FT))
    lead.close()
    assert len(lead_ft) == 4  # 1, 5 and the two conflicts included by the lead
    finals = tmp_path / "lead.jsonl"
    assert cli(tmp_path / "lead", "decisions", "export", "--reviewer", "lead", str(finals)) == 0
    # reviewer1 brings in their partner's log and the lead's: any order
    for log in (finals, tmp_path / "reviewer2.jsonl"):
        assert cli(tmp_path / "r1", "decisions", "import", str(log)) == 0
    capsys.readouterr()
    r1 = open_project(tmp_path / "r1")
    queue = scr.ReviewerQueue(r1, FT, "reviewer1")
    titles = sorted(queue.record(s).title for s in queue.studies)
    r1.close()
    lead = open_project(tmp_path / "lead")
    assert titles == sorted(
        scr.ReviewerQueue(lead, FT, "reviewer1").record(s).title for s in lead_ft
    )
    lead.close()
    assert cli(tmp_path / "r1", "status") == 0
    assert "full-text: 0 decisions (0 votes) · 4 records" in capsys.readouterr().out


def test_votes_on_records_the_lead_merged_meanwhile_come_in_as_a_local_merge_keeps_them(
    tmp_path, capsys
):
    """Review A screens one reviewer per record. While the reviewers screen in their copies
    the lead merges records 1 and 2 (settling dedup's queue); reviewer1 had voted on one and
    reviewer2 on the other, each a study of its own in their copy. The lead's import keeps
    both, as a merge keeps votes cast on one machine: a disagreement is a conflict for the lead.
    The second log was refused ('a vote … on a study that no longer waited for it'), naming
    its line."""
    lead = init_project(tmp_path / "lead", PROTOCOL_A)
    add_records(lead, make_records(4))
    lead.close()
    for name in ("r1", "r2", "here"):  # 'here': the same votes cast on one machine
        shutil.copytree(tmp_path / "lead", tmp_path / name)
    votes = {"reviewer1": (1, "include"), "reviewer2": (2, "exclude")}
    for folder, reviewer in (("r1", "reviewer1"), ("r2", "reviewer2")):
        record, label = votes[reviewer]
        for where in (folder, "here"):
            copy = open_project(tmp_path / where)
            reason = (
                copy.protocol.stages[TA].exclusion_reasons[0].code if label == "exclude" else ""
            )
            scr.decide(copy.db, record, TA, reviewer, label, reason, protocol=copy.protocol)
            copy.close()
        log = tmp_path / f"{reviewer}.jsonl"
        assert cli(tmp_path / folder, "decisions", "export", "--reviewer", reviewer, str(log)) == 0
    for folder in ("lead", "here"):
        merge = ("dedup", "merge", "1", "2", "--reviewer", "lead", "--yes")
        assert cli(tmp_path / folder, *merge) == 0
    for reviewer in votes:
        assert (
            cli(tmp_path / "lead", "decisions", "import", str(tmp_path / f"{reviewer}.jsonl")) == 0
        )
    outcomes = {}
    for folder in ("lead", "here"):
        project = open_project(tmp_path / folder)
        outcomes[folder] = {s: o.status for s, o in scr.stage_outcomes(project, TA).items()}
        project.close()
    assert outcomes["lead"] == outcomes["here"]
    listed = {}
    for folder in ("lead", "here"):
        capsys.readouterr()
        assert cli(tmp_path / folder, "conflicts", "--list", "--resolver", "lead") == 0
        listed[folder] = capsys.readouterr().out
    assert listed["lead"] == listed["here"]
    assert "reviewer1 (record 1): include" in listed["lead"]
    assert "reviewer2 (record 2): exclude" in listed["lead"]
