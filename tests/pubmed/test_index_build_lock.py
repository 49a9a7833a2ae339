"""Two first starts at once build the snapshot index once: the second waits for the first's
build and serves its index (three `pubmed serve` started together each built their own,
~80 CPU-seconds apiece on the full snapshot)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from pubmed.conftest import write_set

from reviewkit.pubmed.snapshot import index_path

ROOT = Path(__file__).resolve().parents[2]
# a waiter that never ends (a lock never let go) is killed then, so that the test fails on
# what it said rather than hanging the suite: a guard against a hang, not a measure of speed
HANG_GUARD_SECONDS = 300

# A first start whose build holds at its first article until the file `go` exists: the
# second is started while the first builds, whatever the machine's speed.
FIRST = """
import sys, time
from pathlib import Path
from reviewkit.pubmed.snapshot import build_index

go = Path(sys.argv[1])

def progress(done, total):
    if done == 0:
        print("building", flush=True)
        while not go.exists():
            time.sleep(0.02)

print(build_index(sys.argv[2:], progress=progress), flush=True)
"""


def _lines_until(stream, *marks: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines read from ``stream`` until one holding any of ``marks`` (or its end)."""
    lines = []
    for line in stream:
        lines.append(line)
        if any(mark in line for mark in marks):
            break
    return lines


def _builder_and_waiter(
    go: Path, snapshot: Path, demo: Path | None = None
) -> tuple[subprocess.Popen, subprocess.Popen, threading.Timer]:
    """A first start building (held until ``go`` exists), and a `pubmed serve` started while
    it builds (or the demo, its folders in ``demo``, whose output and error are one stream),
    with the hang guard started on it: (builder, waiter, guard)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(go), str(snapshot)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert first.stdout is not None and first.stdout.readline() == "building\n"
    waiter = ["reviewkit", "pubmed", "serve", "--snapshot", str(snapshot), "--port", "0"]
    if demo is not None:
        waiter = ["reviewkit.demo", "--snapshot", str(snapshot), "--work-dir", str(demo)]
        waiter += ["--out", str(demo / "out")]
    second = subprocess.Popen(
        [sys.executable, "-m", *waiter],
        # serve's messages are on its standard error, the demo's on its output (both read)
        stdout=None if demo is None else subprocess.PIPE,
        stderr=subprocess.PIPE if demo is None else subprocess.STDOUT,
        text=True,
        env=env,
        # Ctrl-C's handling, which a suite started in the background (nohup) takes away
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.default_int_handler),
    )
    guard = threading.Timer(HANG_GUARD_SECONDS, second.kill)
    guard.start()
    return first, second, guard


def test_a_second_first_start_waits_for_the_build_and_serves_its_index(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    snapshot = write_set(tmp_path / "part.xml", nlm_articles["update"][:40])
    go = tmp_path / "go"
    first, second, guard = _builder_and_waiter(go, snapshot)
    try:
        said = _lines_until(second.stderr, "waiting", "serving ")
        waited = f"another process is building the snapshot index (process {first.pid}, started "
        assert waited in said[-1], "".join(said)
        go.touch()  # the first build goes on and ends; the second serves its index
        said += _lines_until(second.stderr, "serving ")
    finally:
        guard.cancel()
        go.touch()
        second.send_signal(signal.SIGINT)
        said_after = second.stderr.read()
        second.wait(timeout=60)
        built, _ = first.communicate(timeout=60)
    err = "".join(said) + said_after
    assert "serving 40 articles" in err, err
    assert "indexing the PubMed snapshot" not in err  # the second built nothing
    index = index_path([snapshot])
    assert f"using the snapshot index {index} (the other process built it)" in err
    assert built.strip() == str(index) and first.returncode == 0
    assert not list(tmp_path.glob(".index-*.tmp"))  # no second build begun beside the first
    assert not list(tmp_path.glob("*.lock"))  # the lock's file goes with the build


def test_a_waiter_builds_the_index_itself_when_the_builder_is_killed(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """`kill -9` of the first build: its lock ends with it, and the waiting `pubmed serve`
    builds the index itself, saying so (it said 'the other process built it')."""
    snapshot = write_set(tmp_path / "part.xml", nlm_articles["update"][:40])
    first, second, guard = _builder_and_waiter(tmp_path / "never", snapshot)
    try:
        said = _lines_until(second.stderr, "waiting", "serving ")
        assert "waiting to use it" in said[-1], "".join(said)
        first.kill()  # SIGKILL: no finally, no unlock but the system's
        first.wait(timeout=60)
        said += _lines_until(second.stderr, "serving ")
    finally:
        guard.cancel()
        first.kill()
        second.send_signal(signal.SIGINT)
        said_after = second.stderr.read()
        second.wait(timeout=60)
    err = "".join(said) + said_after
    assert "serving 40 articles" in err, err
    assert "indexing the PubMed snapshot" in err  # the second built it
    assert f"indexed the snapshot into {index_path([snapshot])}" in err
    assert "the other process built it" not in err


def test_a_demo_beside_another_first_start_says_the_index_was_built_by_it(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """The demo that waited for another process's build said 'snapshot index built in N s',
    N its wait: it built nothing."""
    snapshot = write_set(tmp_path / "part.xml", nlm_articles["update"][:40])
    go = tmp_path / "go"
    first, demo, guard = _builder_and_waiter(go, snapshot, demo=tmp_path / "demo")
    try:
        said = _lines_until(demo.stdout, "waiting", "snapshot index")
        assert "waiting to use it" in said[-1], "".join(said)
        go.touch()  # the first build goes on and ends; the demo uses its index
        said += _lines_until(demo.stdout, "snapshot index")
    finally:
        guard.cancel()
        go.touch()
        demo.send_signal(signal.SIGINT)  # the rest of the demo is not this test's
        said_after = demo.stdout.read()
        demo.wait(timeout=60)
        first.communicate(timeout=60)
    out = "".join(said) + said_after
    index = index_path([snapshot])
    assert "indexing the PubMed snapshot" not in out  # the demo built nothing
    assert "snapshot index built in" not in out, out
    assert f"snapshot index: {index} (built by another process meanwhile, reused)" in out, out
