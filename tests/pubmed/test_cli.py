"""The search and pubmed commands, through reviewkit's CLI entry point."""

from __future__ import annotations

import shlex
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import into_closed_pipe
from pubmed.conftest import review_a_project, write_set

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer, serve_in_thread
from reviewkit.pubmed.snapshot import index_path
from reviewkit.searches import history


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Review A's protocol plus one broad search, so that runs store records on the small snapshot."""
    english = '\n[[searches]]\nname = "english"\nquery = "english[la]"\n'
    return review_a_project(tmp_path, monkeypatch, english)


def run(*args: str) -> int:
    return main([str(a) for a in args])


def test_run_history_diff(
    project_dir: Path, server: EutilsServer, capsys: pytest.CaptureFixture
) -> None:
    url = server.base_url
    assert run("search", "run", "--all", "--base-url", url, "--project", project_dir) == 0
    out = capsys.readouterr().out
    assert "a1-mental-health: " in out and "english: " in out
    assert run("search", "run", "english", "--base-url", url, "--project", project_dir) == 0
    assert "since run 9: 0 new, 0 gone, 0 changed" in capsys.readouterr().out
    assert run("search", "history", "--project", project_dir) == 0
    assert capsys.readouterr().out.count("complete") == 10
    assert run("search", "history", "english", "--project", project_dir) == 0
    out = capsys.readouterr().out
    # every run in full (PRISMA-S), not only the latest: its end time and three forms of query
    for run_id in (9, 10):
        assert f"run {run_id} (complete): PubMed via E-utilities {url}" in out
    assert out.count('query as translated: "english"[Language]') == 2
    assert out.count("query as written:    english[la]") == 2 and out.count("ended:") == 2
    assert run("search", "diff", "english", "--project", project_dir) == 0
    assert "english: run 9 -> run 10: 0 new, 0 gone, 0 changed" in capsys.readouterr().out
    assert run("search", "diff", "english", "10", "9", "--project", project_dir) == 0


def test_ctrl_c_during_a_run_says_how_to_resume(
    project_dir: Path, server: EutilsServer, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reviewkit.searches.run as searches  # where the fetch pipeline stores each batch

    real_store, calls = searches._store_batch, []

    def store_then_interrupt(*args, **kw):
        calls.append(1)
        real_store(*args, **kw)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as Ctrl-C arrives while the run stores its batches

    monkeypatch.setattr(searches, "_store_batch", store_then_interrupt)
    url = server.base_url
    assert (
        run(
            "search",
            "run",
            "english",
            "--batch-size",
            "50",
            "--base-url",
            url,
            "--project",
            project_dir,
        )
        == 130
    )
    err = capsys.readouterr().err
    assert err.startswith("interrupted during search english; every batch fetched so far is stored")
    # the server typed and the project (not the current folder): a run resumes only against
    # the server it ran on, so the line without --base-url went to NCBI and began new runs
    resume = f"reviewkit search run english --base-url {url} --project {project_dir}"
    assert f"run '{resume}' again to resume" in err and "Traceback" not in err
    monkeypatch.setattr(searches, "_store_batch", real_store)
    assert main(shlex.split(resume)[1:]) == 0  # the hint's line, typed as it is
    assert "(run 1, resumed)" in capsys.readouterr().out


def test_search_test_stores_nothing(
    server: EutilsServer, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NCBI_EMAIL", raising=False)
    assert run("search", "test", "cancer OR abcXYZ", "--base-url", server.base_url) == 0
    out = capsys.readouterr().out
    assert "count: " in out and 'translation: "cancer"[All Fields] OR "abcXYZ"[All Fields]' in out
    assert "not found (E-utilities PhraseNotFound): abcXYZ" in out
    assert server.requests()[0].params["email"]  # a placeholder is sent to local servers


def test_search_test_answers_a_written_out_list_of_3000_names(
    server: EutilsServer, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a drug list written out: the local server used to refuse a chain of ~1,000+ terms
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    assert run("search", "test", "english[la]", "--base-url", server.base_url) == 0
    english = capsys.readouterr().out.split("count: ")[1].split()[0]
    names = " OR ".join(f"zzdrug{i}[tiab]" for i in range(2999))
    query = f"{names} OR english[la]"
    assert run("search", "test", query, "--base-url", server.base_url) == 0
    out = capsys.readouterr().out
    assert f"count: {english}\n" in out and int(english) > 0
    assert 'translation: "zzdrug0"[Title/Abstract] OR "zzdrug1"[Title/Abstract] OR' in out
    assert server.requests("esearch")[-1].method == "POST"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search", "run"), "name the searches to run, or pass --all"),
        (("search", "run", "no-such-search"), "no stored search named 'no-such-search'"),
        (("search", "diff", "english"), "has 0 complete runs"),
        (("search", "diff", "english", "1"), "1 run number given; a diff compares two runs"),
        (("search", "diff", "english", "1", "2"), "run 1 is not a run of search 'english'"),
        (("search", "history", "nope"), "no stored search named 'nope'"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    project_dir: Path, server: EutilsServer, capsys, args, message
) -> None:
    assert run(*args, "--project", project_dir) == 2
    assert message in capsys.readouterr().err
    from reviewkit.project import open_project

    with open_project(project_dir) as project:
        assert history(project.db) == []
    assert server.requests() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search", "test", '"return to work" AND (cancer'), "'(' is never closed"),
        (
            (
                "search",
                "test",
                "cancer",
                "--base-url",
                "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/",
            ),
            "email",
        ),
        (("pubmed", "serve", "--snapshot", "/no/such/file.xml"), "snapshot file not found"),
        (("pubmed", "serve", "--faults", "boom@1"), "cannot read fault 'boom@1'"),
    ],
)
def test_bad_arguments(args, message, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NCBI_EMAIL", "REVIEWKIT_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    assert run(*args) == 2
    assert message in capsys.readouterr().err


def test_serve_in_thread(small_files: list[Path], capsys) -> None:
    url, stop = serve_in_thread(small_files, rate_limits=None)
    try:
        assert run("search", "test", "english[la]", "--base-url", url) == 0
        assert "count: " in capsys.readouterr().out
    finally:
        stop()


def _serve_until_ready(files: list[Path]) -> tuple[str, int]:
    """Run ``reviewkit pubmed serve`` on any free port until it serves, then press Ctrl-C:
    its stderr and exit code."""
    argv = [sys.executable, "-m", "reviewkit", "pubmed", "serve", "--port", "0"]
    for f in files:
        argv += ["--snapshot", str(f)]
    # Ctrl-C as a terminal sends it: a suite started in the background (`make test &`,
    # nohup) ignores SIGINT, and a child inherits that, so the server never saw the signal
    # and the test hung; the child is given the default handling a terminal's command has.
    proc = subprocess.Popen(
        argv,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.default_int_handler),
    )
    lines: list[str] = []
    assert proc.stderr is not None
    try:
        for line in proc.stderr:  # ends when the process does (an error) or once it serves
            lines.append(line)
            if line.startswith("serving "):
                break
    finally:
        proc.send_signal(signal.SIGINT)
        lines.append(proc.stderr.read())
        code = proc.wait(timeout=60)
    assert any(line.startswith("serving ") for line in lines), "".join(lines)
    return "".join(lines), code


def test_serve_says_when_it_reuses_the_index(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """A second start reuses the index and says so; it showed an 'indexing (once) 0/?' bar."""
    snapshot = write_set(tmp_path / "part.xml", nlm_articles["update"][:40])
    first, _ = _serve_until_ready([snapshot])
    index = index_path([snapshot])
    assert f"indexed the snapshot into {index}" in first and "reusing" not in first
    again, _ = _serve_until_ready([snapshot])
    assert f"reusing the snapshot index {index}" in again and "indexed" not in again


def test_serve_to_a_log_says_the_index_build_in_plain_lines(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """`pubmed serve > serve.log 2>&1 &` printed nothing while the first start built the index
    (a minute and a half on the snapshot, the bar drawing nothing on a pipe), then all at once
    (found walking the README, task walk): it says each stage as the demo does."""
    snapshot = write_set(tmp_path / "part.xml", nlm_articles["update"][:30])
    stderr, _ = _serve_until_ready([snapshot])
    started = stderr.index("indexing the PubMed snapshot (1 file) once; later runs reuse it")
    assert started < stderr.index("  snapshot index ready: 30 articles") < stderr.index("serving ")


def test_ctrl_c_on_the_server_says_it_stopped(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """Ctrl-C is how the local server ends: it said 'aborted', as if something had failed."""
    snapshot = write_set(tmp_path / "part.xml", nlm_articles["update"][:20])
    stderr, code = _serve_until_ready([snapshot])
    assert code == 130  # as every command interrupted by Ctrl-C
    assert "stopped the local server at http://127.0.0.1:" in stderr and "aborted" not in stderr


def test_serve_refusing_a_snapshot_says_what_serve_takes(tmp_path: Path, capsys) -> None:
    """A snapshot file that is not PubMed XML: the hint said 'pass --format', an option serve
    does not have; it says what --snapshot takes."""
    snapshot = tmp_path / "search.xml"
    snapshot.write_text('<?xml version="1.0"?>\n<eSearchResult></eSearchResult>\n')
    assert main(["pubmed", "serve", "--snapshot", str(snapshot), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "not PubMed XML" in err and "Traceback" not in err
    assert "--format" not in err and "--snapshot takes NLM PubMed XML" in err


def test_a_run_into_a_closed_pipe_exits_141_and_resumes(
    project_dir: Path, server: EutilsServer, capsys
) -> None:
    """`search run --all | head` with head gone: the run's first line is rich's, which exited 1
    on the closed pipe; it ends as the other commands do (exit 141, nothing said), its run
    logged as not finished, and the same command with a reader resumes it."""
    url = server.base_url
    args = ("search", "run", "english", "--base-url", url, "--project", str(project_dir))
    assert into_closed_pipe(*args) == (141, "")
    assert run("search", "history", "--project", project_dir) == 0
    assert "complete" not in capsys.readouterr().out
    assert run(*args) == 0
    assert "(run 1, resumed)" in capsys.readouterr().out
