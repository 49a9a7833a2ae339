"""A stored search rerun against a PubMed that changed between runs, as the librarian sees it:
citations deleted or merged, dates revised, the translation changed, the query edited, more
records than the cap (9,999 in PubMed, lowered to 40 here), a run cut off or killed. Each test
serves snapshot files to the real local HTTP server and changes them (or its translation)
between the runs."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from pubmed.conftest import (
    ServerFactory,
    delete_block,
    fast_client,
    pmid_of,
    review_a_project,
    set_pmid,
    write_set,
)

from reviewkit.cli import main
from reviewkit.project import Project, open_project
from reviewkit.protocol import Search
from reviewkit.pubmed.evaluate import Evaluation, UnsupportedQuery
from reviewkit.pubmed.server import EutilsServer, Fault
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.query_nodes import Node
from reviewkit.searches import diff_runs, history, identification_counts, run_log, run_search
from reviewkit.searches.deleted import deleted_from_pubmed
from reviewkit.store import records as record_rows

ENGLISH = Search("all-2021", "PubMed", "english[la]")
RERUN = '\n[[searches]]\nname = "rerun"\nquery = "english[la]"\n'


def cli(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def english(nlm_articles: dict[str, list[bytes]]) -> list[bytes]:
    return [a for a in nlm_articles["update"] if b"<Language>eng</Language>" in a][:30]


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder of Review A's protocol plus the search 'rerun' (english[la])."""
    return review_a_project(tmp_path, monkeypatch, RERUN)


def snapshots(tmp_path: Path, first: list[bytes], update: bytes) -> tuple[list[Path], list[Path]]:
    """The files of PubMed at run 1, and at run 2 (run 1's plus an update file)."""
    one = write_set(tmp_path / "one.xml", first)
    two = write_set(tmp_path / "two.xml", [], extra=update)
    return [one], [one, two]


def serve(make_server: ServerFactory, files: Sequence[Path]) -> EutilsServer:
    return make_server(Snapshot.open(files))


def rerun(project_dir: Path, url: str) -> None:
    """'search run rerun' from the CLI against the server at ``url``; it must succeed."""
    assert cli("search", "run", "rerun", "--base-url", url, "--project", project_dir) == 0


def test_a_deleted_citation_is_gone_and_named_deleted_apart_from_one_no_longer_matched(
    project_a: Project, make_server: ServerFactory, english: list[bytes], tmp_path: Path
) -> None:
    deleted, unmatched = pmid_of(english[0]), pmid_of(english[1])
    french = english[1].replace(b"<Language>eng</Language>", b"<Language>fre</Language>")
    before, after = snapshots(tmp_path, english, french + delete_block(deleted))
    first = run_search(project_a.db, ENGLISH, fast_client(serve(make_server, before)))
    server = serve(make_server, after)
    second = run_search(project_a.db, ENGLISH, fast_client(server))
    assert first.count == 30 and second.count == 28
    assert sorted(second.gone) == sorted([deleted, unmatched])
    assert second.deleted == [deleted]  # the re-indexed one is in PubMed still
    # asked by [pmid] once, after the records were fetched
    asked = [r.params["term"] for r in server.requests("esearch") if "[pmid]" in r.params["term"]]
    assert len(asked) == 1 and f"{deleted}[pmid]" in asked[0] and f"{unmatched}[pmid]" in asked[0]
    d = diff_runs(project_a.db, ENGLISH.name)
    assert d.deleted == [deleted] and not d.translation_changed and not d.query_edited
    (_, entry) = run_log(project_a.db, history(project_a.db, ENGLISH.name))
    text = "\n".join(entry)
    assert f"since run {first.run_id}:" in text and "2 gone (1 deleted from PubMed)" in text
    assert f"deleted from PubMed: {deleted}" in text and "E-utilities deleted" not in text


def test_a_refused_deletion_look_up_is_said_and_the_run_still_completes(
    project_a: Project, make_server: ServerFactory, english: list[bytes], tmp_path: Path
) -> None:
    before, after = snapshots(tmp_path, english, delete_block(pmid_of(english[0])))
    run_search(project_a.db, ENGLISH, fast_client(serve(make_server, before)))
    server = serve(make_server, after)
    evaluate = server.evaluate

    def refuse_pmids(term: str | Node, history: Sequence[Sequence[int]] = ()) -> Evaluation:
        result = evaluate(term, history)
        if "[PMID]" in result.translation.upper():
            raise UnsupportedQuery("PMID look-ups refused here")
        return result

    server.evaluate = refuse_pmids  # type: ignore[method-assign]
    second = run_search(project_a.db, ENGLISH, fast_client(server))
    assert history(project_a.db, ENGLISH.name)[-1].status == "complete"
    assert len(second.gone) == 1 and second.deleted == []
    assert ("deleted-unchecked", "Invalid query: PMID look-ups refused here") in second.messages
    # the log words it as the run's output does: ours, not an E-utilities message
    entry = run_log(project_a.db, history(project_a.db, ENGLISH.name))[-1]
    said = "gone PMIDs not checked for deletion, PubMed refused the look-up: Invalid query"
    assert any(line.startswith(f"  {said}") for line in entry)
    assert not any("E-utilities deleted" in line for line in entry)


def _merged_rerun(
    tmp_path: Path, project_dir: Path, make_server: ServerFactory, english: list[bytes]
) -> str:
    """Run 'rerun' twice, NLM having merged an article's PMID into 99000123 between the runs
    (new under it, deleted under the old); returns the old PMID."""
    old = pmid_of(english[2])
    kept = set_pmid(english[2], "99000123")
    before, after = snapshots(tmp_path, english, kept + delete_block(old))
    for files in (before, after):
        rerun(project_dir, serve(make_server, files).base_url)
    return old


def test_a_duplicate_merged_into_another_pmid_is_new_under_it_and_deleted_under_the_old(
    tmp_path: Path,
    project_dir: Path,
    make_server: ServerFactory,
    english: list[bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """NLM deletes one PMID of an article entered twice; the other, kept, is the article."""
    old = _merged_rerun(tmp_path, project_dir, make_server, english)
    out = capsys.readouterr().out
    assert "since run 1: 1 new, 1 gone (1 deleted from PubMed), 0 changed" in out
    assert re.search(rf"gone because PubMed deleted them .*: {old}\n", out)
    assert cli("search", "diff", "rerun", "--project", project_dir) == 0
    out = capsys.readouterr().out
    assert "run 1 -> run 2: 1 new, 1 gone (1 deleted from PubMed)" in out
    assert "new: 99000123" in out and f"gone: {old}" in out


def test_diff_names_each_new_and_gone_pmid_by_its_title(
    tmp_path: Path,
    project_dir: Path,
    make_server: ServerFactory,
    english: list[bytes],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A librarian reading `search diff` saw bare PMIDs; each now has its stored title, cut to
    the terminal's width, and --pmids keeps the bare lines for scripts."""
    old = _merged_rerun(tmp_path, project_dir, make_server, english)
    with open_project(project_dir) as project:
        ids = record_rows.ids_by_pmid(project.db, [old, "99000123"])
        title = {p: record_rows.get_record(project.db, ids[p][0]).title for p in ids}
    capsys.readouterr()
    assert cli("search", "diff", "rerun", "--project", project_dir) == 0  # piped: whole titles
    out = capsys.readouterr().out
    assert f"  new: 99000123  {title['99000123']}\n" in out
    assert f"  gone: {old}  {title[old]}\n" in out
    assert cli("search", "diff", "rerun", "--pmids", "--project", project_dir) == 0
    out = capsys.readouterr().out
    assert "  new: 99000123\n" in out and f"  gone: {old}\n" in out and title[old] not in out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # a terminal 40 columns wide
    monkeypatch.setenv("COLUMNS", "40")
    assert cli("search", "diff", "rerun", "--project", project_dir) == 0
    new = next(x for x in capsys.readouterr().out.splitlines() if "99000123" in x)
    assert len(new) == 40 and new.endswith("…")
    assert new[:-1] == f"  new: 99000123  {title['99000123']}"[:39]


def test_a_record_whose_dates_move_is_changed_not_new(
    project_a: Project, make_server: ServerFactory, english: list[bytes], tmp_path: Path
) -> None:
    """An ahead-of-print record gets its issue: the print date (and so [dp]) moves, its
    Entry date stays. A rerun compares PMIDs, not dates: nothing new, nothing lost."""
    moved_pmid = pmid_of(english[3])
    issued = re.sub(
        rb"<PubDate>.*?</PubDate>",
        b"<PubDate><Year>2023</Year><Month>Mar</Month></PubDate>",
        english[3],
        count=1,
        flags=re.S,
    )
    assert issued != english[3]
    before, after = snapshots(tmp_path, english, issued)
    run_search(project_a.db, ENGLISH, fast_client(serve(make_server, before)))
    second = run_search(project_a.db, ENGLISH, fast_client(serve(make_server, after)))
    assert second.new == [] and second.gone == [] and second.stored == 0
    assert list(second.changed) == [moved_pmid] and "year" in second.changed[moved_pmid]
    assert len(identification_counts(project_a.db).new_record_ids) == 0  # nothing counted twice


def _translated_otherwise(server: EutilsServer, translation: str = "{} OR {}") -> None:
    """The server's translation changes as PubMed's does when its mapping changes (the
    records found stay the same): ``translation`` with the MeSH term and the server's own."""
    evaluate = server.evaluate

    def mapped(term: str | Node, history: Sequence[Sequence[int]] = ()) -> Evaluation:
        result = evaluate(term, history)
        result.translation = translation.format(
            '"english language"[MeSH Terms]', result.translation
        )
        return result

    server.evaluate = mapped  # type: ignore[method-assign]


def _run_twice_translated(
    tmp_path: Path,
    project_dir: Path,
    make_server: ServerFactory,
    english: list[bytes],
    *translations: str | None,
) -> None:
    """Run 'rerun' once per translation on the same records, each run's server translating
    as ``_translated_otherwise`` with it (None: the server's own translation)."""
    files = [write_set(tmp_path / "one.xml", english)]
    for translation in translations:
        server = serve(make_server, files)
        if translation is not None:
            _translated_otherwise(server, translation)
        rerun(project_dir, server.base_url)


def test_a_changed_translation_of_the_same_query_is_said_and_logged(
    tmp_path: Path,
    project_dir: Path,
    make_server: ServerFactory,
    english: list[bytes],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the client hears no snapshot header, as from NCBI: the runs are PubMed's
    monkeypatch.setattr("reviewkit.pubmed.client.SNAPSHOT_HEADER", "X-Not-Sent")
    _run_twice_translated(tmp_path, project_dir, make_server, english, None, "{} OR {}")
    out = capsys.readouterr().out
    assert "PubMed translated the same query differently in run 2 than in run 1" in out
    with open_project(project_dir) as project:
        runs = history(project.db, "rerun")
        assert [r.query_translation for r in runs] == [
            '"english"[Language]',
            '"english language"[MeSH Terms] OR "english"[Language]',
        ]  # each run keeps its own translation
        (_, entry) = run_log(project.db, runs)
    assert any(line.startswith("  translation changed: the same query as run 1") for line in entry)
    assert any(
        line.endswith("by PubMed (automatic term mapping follows MeSH, updated yearly)")
        for line in entry
    )


def test_a_translation_changed_by_the_local_server_is_not_blamed_on_pubmed(
    tmp_path: Path,
    project_dir: Path,
    make_server: ServerFactory,
    english: list[bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Runs answered by the local server keep its snapshot's files; its translation is
    reviewkit's own reading (pubfid5 read 'stroke OR heart attack' anew: a run before it and
    one after translate the same query differently), never a MeSH update of PubMed's. Until
    rd34a the rerun said PubMed had translated it differently."""
    _run_twice_translated(tmp_path, project_dir, make_server, english, None, "({} OR {})")
    out = capsys.readouterr().out
    assert "PubMed translated" not in out
    assert "the local server translated the same query differently in run 2 than in run 1" in out
    assert "new and gone may be the new reading's, not PubMed's" in out
    with open_project(project_dir) as project:
        d = diff_runs(project.db, "rerun")
        assert d.translation_changed and d.translated_locally
        (_, entry) = run_log(project.db, history(project.db, "rerun"))
    said = [line for line in entry if line.startswith("  translation changed:")]
    assert said and "by the local server (a newer reviewkit or another snapshot" in said[0]
    assert "MeSH" not in said[0]


def test_an_edited_query_is_named_as_the_edit_not_as_a_translation_change(
    project_dir: Path,
    server: EutilsServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rerun(project_dir, server.base_url)
    protocol = project_dir / "protocol.toml"
    protocol.write_text(protocol.read_text().replace('"english[la]"', '"english[la] AND 2021[dp]"'))
    rerun(project_dir, server.base_url)
    out = capsys.readouterr().out
    assert "(the query was edited between run 1 and run 2" in out
    assert "translated the same query differently" not in out
    with open_project(project_dir) as project:
        runs = history(project.db, "rerun")
        assert [r.query for r in runs] == ["english[la]", "english[la] AND 2021[dp]"]
        entries = run_log(project.db, runs)
    assert "  query as written:    english[la]" in entries[0]
    assert "  query as written:    english[la] AND 2021[dp]" in entries[1]
    assert any(line.startswith("  query edited:") for line in entries[1])


def test_above_the_cap_the_log_counts_what_pubmed_counts(
    project_a: Project, make_server: ServerFactory, small_snapshot: Snapshot
) -> None:
    server = make_server(small_snapshot, cap=40)
    client = fast_client(server, cap=40, id_page=40, batch_size=100)
    report = run_search(project_a.db, ENGLISH, client)
    expected = server.evaluator.evaluate(ENGLISH.full_query()).count
    assert expected > 40 and report.count == expected
    (run,) = history(project_a.db, ENGLISH.name)
    (entry,) = run_log(project_a.db, [run])
    found = next(line for line in entry if line.startswith("  records found:"))
    assert re.fullmatch(rf"  records found:\s+{expected} \(in \d+ Entry-date slices\)", found)
    assert f"  records fetched:     {expected}" in entry


def test_a_rerun_cut_off_is_not_logged_complete_and_its_resume_compares_with_the_last_complete(
    project_a: Project, make_server: ServerFactory, english: list[bytes], tmp_path: Path
) -> None:
    deleted = pmid_of(english[4])
    before, after = snapshots(tmp_path, english, delete_block(deleted))
    first = run_search(project_a.db, ENGLISH, fast_client(serve(make_server, before)))
    server = serve(make_server, after)
    server.faults.script(Fault("ok", "efetch"), *[Fault("503", "efetch")] * 2)
    with pytest.raises(Exception, match="efetch failed"):
        run_search(project_a.db, ENGLISH, fast_client(server, batch_size=10, max_attempts=2))
    cut = history(project_a.db, ENGLISH.name)[-1]
    assert cut.status == "failed"
    (entry,) = run_log(project_a.db, [cut])
    assert entry[0].startswith(f"run {cut.id} (failed)")
    assert not any("since run" in line for line in entry)  # no comparison for a cut run
    assert "the run stopped before fetching" in "\n".join(entry)
    assert [s.run_id for s in identification_counts(project_a.db).searches] == [first.run_id]
    resumed = run_search(project_a.db, ENGLISH, fast_client(server, batch_size=10))
    assert resumed.resumed and resumed.run_id == cut.id
    assert resumed.previous_run == first.run_id and resumed.deleted == [deleted]


def test_a_run_killed_without_a_word_is_logged_neither_complete_nor_as_going_on(
    project_dir: Path, make_server: ServerFactory, small_snapshot: Snapshot
) -> None:
    """kill -9 during the fetch: the run cannot write its end; the log says what it may be."""
    server = make_server(small_snapshot)
    server.faults.script(Fault("slow", "efetch", seconds=30))
    argv = [sys.executable, "-m", "reviewkit", "search", "run", "rerun"]
    argv += ["--base-url", server.base_url, "--project", str(project_dir)]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not server.requests("efetch") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.requests("efetch"), "the run never reached efetch"
    finally:
        proc.kill()
        proc.wait(timeout=30)
    with open_project(project_dir) as project:
        (run,) = history(project.db, "rerun")
        (entry,) = run_log(project.db, [run])
    assert run.status == "running"
    assert entry[0].startswith(
        f"run {run.id} (running, or stopped without a word: 'search run' again resumes it)"
    )
    rerun(project_dir, server.base_url)
    with open_project(project_dir) as project:
        (run,) = history(project.db, "rerun")
        assert run_log(project.db, [run])[0][0].startswith(f"run {run.id} (complete)")


def test_a_pmid_deleted_then_back_then_unmatched_is_not_called_deleted_across_the_runs(
    project_a: Project, make_server: ServerFactory, english: list[bytes], tmp_path: Path
) -> None:
    """Run 2 finds P deleted, run 3 finds it again (PubMed restored the citation), run 4 no
    longer matches it though PubMed has it: from run 1 to run 4, P is gone, not deleted (the
    last word on it, run 4's own look-up, found it in PubMed)."""
    pmid = pmid_of(english[5])
    french = english[5].replace(b"<Language>eng</Language>", b"<Language>fre</Language>")
    one = write_set(tmp_path / "one.xml", english)
    two = write_set(tmp_path / "two.xml", [], extra=delete_block(pmid))
    three = write_set(tmp_path / "three.xml", [english[5]])
    four = write_set(tmp_path / "four.xml", [french])
    reports = [
        run_search(project_a.db, ENGLISH, fast_client(serve(make_server, files)))
        for files in ([one], [one, two], [one, two, three], [one, two, three, four])
    ]
    assert [r.deleted for r in reports] == [[], [pmid], [], []]
    assert reports[3].gone == [pmid]
    first, last = reports[0].run_id, reports[3].run_id
    d = diff_runs(project_a.db, ENGLISH.name, first, last)
    assert d.gone == [pmid] and d.deleted == []
    # still named deleted from run 1 to run 2, and to run 3 nothing is gone
    assert diff_runs(project_a.db, ENGLISH.name, first, reports[1].run_id).deleted == [pmid]
    assert diff_runs(project_a.db, ENGLISH.name, first, reports[2].run_id).gone == []


def test_the_same_translation_in_another_order_is_no_changed_translation(
    tmp_path: Path,
    project_dir: Path,
    make_server: ServerFactory,
    english: list[bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'(a OR b)' and 'b OR a' search the same records: no reason to blame the mapping."""
    _run_twice_translated(tmp_path, project_dir, make_server, english, "({} OR {})", "{1}  OR {0}")
    out = capsys.readouterr().out
    assert "since run 1: 0 new, 0 gone, 0 changed" in out and "translated" not in out
    with open_project(project_dir) as project:
        runs = history(project.db, "rerun")
        assert runs[0].query_translation != runs[1].query_translation  # each kept as sent
        assert not diff_runs(project.db, "rerun").translation_changed
        entries = run_log(project.db, runs)
    assert not any(line.startswith("  translation changed") for line in entries[1])


def test_gone_pmids_are_looked_up_200_to_a_request_posted_as_ncbi_asks(
    server: EutilsServer,
) -> None:
    """250 PMIDs of PubMed's length (8 digits) make a term of about 4,500 characters per 200:
    NCBI asks for POST above about 2,000 (a GET that long is refused by some proxies)."""
    client = fast_client(server)
    held = client.esearch("english[la]", retmax=50, usehistory=False).ids
    absent = [str(99000000 + i) for i in range(250 - len(held))]
    asked = [p for pair in zip(held, absent, strict=False) for p in pair] + absent[len(held) :]
    assert deleted_from_pubmed(client, asked) == absent
    looked = [r for r in server.requests("esearch") if "[pmid]" in r.params["term"]]
    assert [r.method for r in looked] == ["POST", "POST"]
    assert [r.params["term"].count("[pmid]") for r in looked] == [200, 50]


def _dated_translation(server: EutilsServer, old: str, new: str) -> None:
    """The server translates ``old`` in its translation as ``new`` (the records found stay)."""
    evaluate = server.evaluate

    def translated(term: str | Node, history: Sequence[Sequence[int]] = ()) -> Evaluation:
        result = evaluate(term, history)
        result.translation = result.translation.replace(old, new)
        return result

    server.evaluate = translated  # type: ignore[method-assign]


def test_a_rerun_reads_the_old_and_new_date_forms_as_one_search_and_a_moved_date_as_changed(
    tmp_path: Path,
    project_dir: Path,
    make_server: ServerFactory,
    english: list[bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Run 1 translated as before pubfid6 (``2011:3000[Date - Publication]``), run 2 as NCBI
    prints it (``2011/01/01:3000/12/31[…]``): the same search, no translation change said. Run
    3's translation reads the range on the Entry date: a change, said."""
    protocol = project_dir / "protocol.toml"
    protocol.write_text(
        protocol.read_text().replace('"english[la]"', '"english[la] AND 2011:3000[dp]"')
    )
    files = [write_set(tmp_path / "one.xml", english)]
    days = "2011/01/01:3000/12/31[Date - Publication]"
    for old, new in ((days, "2011:3000[Date - Publication]"), (days, days)):
        server = serve(make_server, files)
        _dated_translation(server, old, new)
        rerun(project_dir, server.base_url)
    assert "translated the same query differently" not in capsys.readouterr().out
    with open_project(project_dir) as project:
        translations = [r.query_translation for r in history(project.db, "rerun")]
        assert (
            translations[0] != translations[1]
            and not diff_runs(project.db, "rerun").translation_changed
        )
    server = serve(make_server, files)
    _dated_translation(server, days, "2011/01/01:3000/12/31[Date - Entry]")
    rerun(project_dir, server.base_url)
    assert "translated the same query differently in run 3 than in run 2" in capsys.readouterr().out
    with open_project(project_dir) as project:
        assert diff_runs(project.db, "rerun").translation_changed
