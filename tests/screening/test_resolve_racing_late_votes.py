"""The lead resolving conflicts while a reviewer's vote on them comes in (real SQLite, WAL,
two processes): the reviewer changing it in their screen, or their copy's log imported with
votes cast there before. Whichever reaches the write lock first, each study ends one of two
ways: the vote first, the votes agree and the final is refused (no conflict left); the final
first, it counts and the study is open for the lead again (the lead decided without that
vote). Nothing is lost or written twice."""

from __future__ import annotations

import multiprocessing
import shutil

from conftest import PROTOCOL_B, add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.errors import UserError
from reviewkit.project import init_project, open_project
from reviewkit.store.decisions import list_decisions

TA, FT = "title-abstract", "full-text"
CTX = multiprocessing.get_context("fork")  # each child opens its own connection


def _conflicts(folder) -> list[int]:
    """Six studies at full text, reviewer1 include, reviewer2 exclude: in conflict."""
    project = init_project(folder, PROTOCOL_B)
    studies = add_records(project, make_records(6))
    reason = project.protocol.stages[FT].exclusion_reasons[0].code
    for rec in studies:
        for who in ("reviewer1", "reviewer2"):
            scr.decide(project.db, rec, TA, who, "include")
        scr.decide(project.db, rec, FT, "reviewer1", "include")
        scr.decide(project.db, rec, FT, "reviewer2", "exclude", reason)
    project.close()
    return studies


def _lead(folder, studies, start, out, each: bool) -> None:
    """The lead's conflicts screen: a final exclude on each study (``each``: the other
    process starts with every study too)."""
    project = open_project(folder)
    reason = project.protocol.stages[FT].exclusion_reasons[0].code
    for i, study in enumerate(studies):
        if each or i == 0:
            start.wait()
        try:
            out.put((study, "final", scr.resolve(project, study, FT, "lead", "exclude", reason).id))
        except UserError as exc:
            out.put((study, "refused", exc.message))
    project.close()


def _reviewer(folder, studies, start, out) -> None:
    """reviewer2's screen: their exclusion changed to include on each study."""
    project = open_project(folder)
    for study in studies:
        start.wait()
        d = scr.decide(project.db, study, FT, "reviewer2", "include", protocol=project.protocol)
        out.put((study, "vote", d.id))
    project.close()


def _importer(folder, log, start, out) -> None:
    start.wait()
    out.put((0, "import", main(["decisions", "import", str(log), "--project", str(folder)])))


def _run(*procs) -> None:
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0


def _check(folder, studies, said) -> None:
    """Each study ended one of the two ways, and the log holds what each process was told."""
    finals = {s: entry for s, what, entry in said if what == "final"}
    project = open_project(folder)
    try:
        outcomes = scr.stage_outcomes(project, FT)
        reopened = [c.study_id for c in scr.conflicts(project, FT, "lead") if c.open]
        for study in studies:
            if study in finals:  # the final first: it counts, and the lead is asked again
                assert outcomes[study].status == "exclude" and study in reopened
            else:  # the vote first: nothing left to settle
                assert outcomes[study].status == "include" and study not in reopened
        log = list_decisions(project.db, stage=FT)
        assert set(finals.values()) <= {d.id for d in log}
        assert len(log) == 2 * len(studies) + len(studies) + len(finals)  # none twice
    finally:
        project.close()


def test_the_lead_resolving_while_a_reviewer_changes_their_vote(tmp_path):
    folder = tmp_path / "lead"
    studies = _conflicts(folder)
    start, out = CTX.Barrier(2), CTX.Queue()
    _run(
        CTX.Process(target=_lead, args=(folder, studies, start, out, True)),
        CTX.Process(target=_reviewer, args=(folder, studies, start, out)),
    )
    said = [out.get(timeout=10) for _ in range(2 * len(studies))]
    assert sum(1 for _, what, _ in said if what == "vote") == len(studies)
    _check(folder, studies, said)


def test_the_lead_resolving_while_a_copy_s_earlier_votes_are_imported(tmp_path):
    """reviewer2 changed their votes in a copy before the lead began; the copy's log is
    imported while the lead resolves: a final that came first had been made without them."""
    folder, copy = tmp_path / "lead", tmp_path / "copy"
    studies = _conflicts(folder)
    shutil.copytree(folder, copy)
    with open_project(copy) as theirs:
        for study in studies:
            scr.decide(theirs.db, study, FT, "reviewer2", "include", protocol=theirs.protocol)
    log = tmp_path / "reviewer2.jsonl"
    assert main(["decisions", "export", "--reviewer", "reviewer2", str(log), "--project",
                 str(copy)]) == 0  # fmt: skip
    start, out = CTX.Barrier(2), CTX.Queue()
    _run(
        CTX.Process(target=_lead, args=(folder, studies, start, out, False)),
        CTX.Process(target=_importer, args=(folder, log, start, out)),
    )
    said = [out.get(timeout=10) for _ in range(len(studies) + 1)]
    assert (0, "import", 0) in said
    _check(folder, studies, said)
