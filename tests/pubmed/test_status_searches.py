"""`status` said nothing of the searches beyond how many the protocol stores: a librarian back
after a lost connection, or after adding a search to protocol.toml, could not see that a run
had not finished or that a search had never run. It now gives the runs logged, when the last
ended, and those searches with what to type."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer


def test_status_names_searches_not_finished_and_never_run(
    tmp_path: Path, server: EutilsServer, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reviewkit.searches.run as searches

    folder = str(review_a_project(tmp_path, monkeypatch))
    monkeypatch.chdir(folder)  # the commands named need no --project there
    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "search runs: 0\n" in out
    assert "  never run: a1-mental-health, a2-musculoskeletal," in out  # all eight: --all
    assert "type 'reviewkit search run --all'" in out  # none has run yet

    real_fetch = searches._fetch

    def cut_off(db, name, *args, **kw):
        if name == "a2-musculoskeletal":
            raise KeyboardInterrupt  # Ctrl-C, or the connection lost, while it fetches
        return real_fetch(db, name, *args, **kw)

    monkeypatch.setattr(searches, "_fetch", cut_off)
    run = ["search", "run", "--base-url", server.base_url, "--project", folder]
    assert main([*run, "a1-mental-health", "a2-musculoskeletal"]) == 130
    capsys.readouterr()

    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "search runs: 2 (the last ended " in out
    # the server the run began on: a run resumes only there, and the line without it went to
    # NCBI (REVIEWKIT_EUTILS_URL unset) and began new runs
    resume = f"reviewkit search run --all --base-url {server.base_url}"
    assert f"  not finished: a2-musculoskeletal (run 2, failed); '{resume}' resumes it" in out
    never = next(line for line in out.splitlines() if "never run:" in line)
    assert "a1-mental-health" not in never and "a2-musculoskeletal" not in never
    assert never.startswith("  never run: a3-chronic-pain, ")
    assert never.endswith("type 'reviewkit search run a3-chronic-pain a4-cancer a5-brain-injury"
                          " a6-general-practice a7-organisation-level a8-implementation'")  # fmt: skip

    monkeypatch.setenv("REVIEWKIT_EUTILS_URL", server.base_url)  # the terminal names it already
    assert main(["status", "--project", folder]) == 0
    assert "(run 2, failed); 'reviewkit search run --all' resumes it" in capsys.readouterr().out
    monkeypatch.delenv("REVIEWKIT_EUTILS_URL")
    monkeypatch.setattr(searches, "_fetch", real_fetch)
    assert main(shlex.split(resume)[1:]) == 0  # the line typed as status gives it
    assert "a2-musculoskeletal: 0 records (run 2, resumed)" in capsys.readouterr().out


def test_a_search_edited_since_its_unfinished_run_is_not_said_to_resume(
    tmp_path: Path, server: EutilsServer, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run cut off, then the dates widened in protocol.toml: the next run sends another
    query, so it starts anew (a run resumes only the query it sent). Status said both 'not
    finished: …; search run --all resumes it' and 'edited since the last run: … runs it as
    edited'; it names the search once, as edited."""
    import reviewkit.searches.run as searches

    folder = review_a_project(tmp_path, monkeypatch)
    monkeypatch.chdir(folder)  # the commands named need no --project there
    real_fetch = searches._fetch

    def cut_off(db, name, *args, **kw):
        if name == "a2-musculoskeletal":
            raise KeyboardInterrupt
        return real_fetch(db, name, *args, **kw)

    monkeypatch.setattr(searches, "_fetch", cut_off)
    run = ["search", "run", "--base-url", server.base_url, "--project", str(folder)]
    assert main([*run, "a1-mental-health", "a2-musculoskeletal"]) == 130
    protocol = folder / "protocol.toml"
    protocol.write_text(protocol.read_text().replace('"2021/12/31"', '"2022/12/31"'))
    capsys.readouterr()

    assert main(["status", "--project", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "not finished" not in out
    assert (
        "  edited since the last run: a1-mental-health, a2-musculoskeletal: the limits"
        " (publication date to 2021/12/31 → 2022/12/31); the next 'reviewkit search run' runs"
        " them as edited"
    ) in out
