"""Ctrl-C in `search run --all`: resuming finishes the interrupted command without running
again the searches it had finished; worker processes start with Ctrl-C blocked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history
from reviewkit.store import Store
from reviewkit.workers import process_pool


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return review_a_project(tmp_path, monkeypatch)


def test_resuming_all_does_not_rerun_finished_searches(
    project_dir: Path, server: EutilsServer, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reviewkit.searches.run as searches

    real_fetch, fetched = searches._fetch, []

    def fetch_then_interrupt(db, name, *args, **kw):
        fetched.append(name)
        if len(fetched) == 3:
            raise KeyboardInterrupt  # Ctrl-C while the third search fetches
        return real_fetch(db, name, *args, **kw)

    monkeypatch.setattr(searches, "_fetch", fetch_then_interrupt)
    args = ["search", "run", "--all", "--base-url", server.base_url, "--project", str(project_dir)]
    assert main(args) == 130
    assert "searches already finished are not run again" in capsys.readouterr().err
    monkeypatch.setattr(searches, "_fetch", real_fetch)
    first, second = fetched[:2]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"{first}: " in out and "finished before the interruption; not run again" in out
    assert f"{fetched[2]}: " in out and "resumed" in out
    runs = history(Store.open(project_dir / "review.sqlite"))
    per_search = {r.search_name: 0 for r in runs}
    for r in runs:
        per_search[r.search_name] += 1
    assert per_search[first] == per_search[second] == 1  # not run a second time
    assert len(per_search) == 8 and all(r.status == "complete" for r in runs)
    assert main(args) == 0  # a later, complete command runs every search afresh
    assert "not run again" not in capsys.readouterr().out


def _signal_masks() -> dict[str, int]:
    with open("/proc/self/status") as fh:
        return {
            k: int(v, 16)
            for k, v in (line.split(":\t") for line in fh)
            if k in ("SigBlk", "SigIgn")
        }


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_workers_start_with_ctrl_c_blocked():
    with process_pool(1) as pool:
        masks = pool.submit(_signal_masks).result()
    sigint = 1 << (2 - 1)
    assert masks["SigBlk"] & sigint  # blocked from the first instruction, before any import
    assert _signal_masks()["SigBlk"] & sigint == 0  # the parent's own mask is restored
