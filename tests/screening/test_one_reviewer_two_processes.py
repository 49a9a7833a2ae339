"""One reviewer in two processes on one project file (real SQLite, WAL), writing at once: two
terminals voting on the same merged studies at full text, and a copy's log imported while the
reviewer votes. Whatever the order the processes reach the write lock in, one vote lands on each
study and the other process is told: nothing is replaced unread."""

from __future__ import annotations

import multiprocessing
import shutil

from conftest import PROTOCOL_B, add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.engine import merge_records
from reviewkit.project import init_project, open_project
from reviewkit.store.decisions import list_decisions

TA, FT = "title-abstract", "full-text"
CTX = multiprocessing.get_context("fork")  # each child opens its own connection


def _merged_studies(folder) -> list[int]:
    """Six records merged in pairs, each study included at title-abstract by both reviewers."""
    project = init_project(folder, PROTOCOL_B)
    ids = add_records(project, make_records(6))
    studies = []
    for a, b in zip(ids[::2], ids[1::2], strict=True):
        merge_records(project.db, a, b, "lead")
        for reviewer in ("reviewer1", "reviewer2"):
            scr.ReviewerQueue(project, TA, reviewer).decide(a, "include")
        studies.append(a)
    project.close()
    return studies


def _terminal(folder, studies, label, start, out) -> None:
    """reviewer1's screen: its queue read, then a vote on each study as the other's comes."""
    project = open_project(folder)
    queue = scr.ReviewerQueue(project, FT, "reviewer1")  # both screens read before any vote
    reason = project.protocol.stages[FT].exclusion_reasons[0].code if label == "exclude" else ""
    for study in studies:
        start.wait()
        try:
            out.put((study, "saved", queue.decide(study, label, reason).id))
        except scr.VotedMeanwhile as exc:
            out.put((study, "told", exc.vote.id))
    project.close()


def _run(*procs) -> None:
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0


def test_two_terminals_of_one_reviewer_voting_at_once_lose_no_vote_unread(tmp_path):
    folder = tmp_path / "lead"
    studies = _merged_studies(folder)
    start, out = CTX.Barrier(2), CTX.Queue()
    _run(
        *(
            CTX.Process(target=_terminal, args=(folder, studies, label, start, out))
            for label in ("include", "exclude")
        )
    )
    said = [out.get(timeout=10) for _ in range(2 * len(studies))]
    project = open_project(folder)
    try:
        states = scr.DerivedStages(project).states(FT)
        for study in studies:
            got = sorted((what, vote) for s, what, vote in said if s == study)
            assert [what for what, _ in got] == ["saved", "told"]  # one lands, one is told
            (_, saved), (_, shown) = got
            assert shown == saved == states[study].votes["reviewer1"].id  # told of that one
        assert len(list_decisions(project.db, stage=FT)) == len(studies)
    finally:
        project.close()


def _importer(folder, log, start, out) -> None:
    start.wait()
    out.put(("import", main(["decisions", "import", str(log), "--project", str(folder)])))


def test_a_copy_s_log_imported_while_the_reviewer_votes_lands_or_is_refused_whole(tmp_path):
    """reviewer1 voted include on a merged study at full text in a copy (another machine);
    the lead imports that copy's log while reviewer1, at the lead's machine, votes exclude on
    it. The import that comes second is refused (the copy never saw the vote), the vote that
    comes second is told of the imported one; never both, never one replaced unread."""
    folder = tmp_path / "lead"
    (study, *_rest) = _merged_studies(folder)
    shutil.copytree(folder, tmp_path / "copy")
    copy = open_project(tmp_path / "copy")
    scr.ReviewerQueue(copy, FT, "reviewer1").decide(study, "include")
    copy.close()
    log = tmp_path / "copy.jsonl"
    assert main(["decisions", "export", "--reviewer", "reviewer1", str(log), "--project",
                 str(tmp_path / "copy")]) == 0  # fmt: skip
    start, out = CTX.Barrier(2), CTX.Queue()
    _run(
        CTX.Process(target=_importer, args=(folder, log, start, out)),
        CTX.Process(target=_terminal, args=(folder, [study], "exclude", start, out)),
    )
    said = dict(out.get(timeout=10)[-2:] for _ in range(2))
    imported, voted = said["import"] == 0, "saved" in said
    assert imported != voted  # exactly one of the two lands
    project = open_project(folder)
    try:
        standing = scr.DerivedStages(project).states(FT)[study].votes["reviewer1"]
        assert standing.label == ("include" if imported else "exclude")
        if imported:
            assert said["told"] == standing.id
    finally:
        project.close()
