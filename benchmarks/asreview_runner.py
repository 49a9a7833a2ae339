"""Run ``asreview simulate`` (ASReview LAB's default model) on a labelled CSV and cache the result.

ASReview lives in its own venv (``benchmarks/.work/asreview-venv``, created on first use with
``pip install asreview==ASREVIEW_VERSION`` from the package registry) so that its pinned
dependencies never touch reviewkit's. Every run is cached under ``benchmarks/.work/asreview/``:
the project file (``.asreview``, a zip holding a SQLite database) and a small JSON with the
label sequence, the wall time, the CPU time (user + sys of the ``asreview`` process and any
children it waited for) and its peak resident memory (``os.wait4``'s rusage of that one process),
so reruns are instant.
``ASREVIEW_NICE`` (e.g. 10) runs it under ``nice``: on a shared machine CPU time is the fair
comparison, and niceness does not change it.

Protocol (the same as reviewkit's ``simulate``, which reads the very same reduced file): the
dataset is reduced to one of two inputs (:data:`INPUTS`), written once and given to both tools:

* ``title_abstract``: ``title``, ``abstract`` and ``label_included``;
* ``with_keywords``: the same, with the MeSH ``keywords`` appended to the abstract text
  (ASReview's default feature extractor reads only title and abstract, so the keywords must be
  in one of those columns for it to see them; reviewkit joins title, abstract and keywords the
  same way). A set without a ``keywords`` column has no second variant: its ``with_keywords``
  runs are its ``title_abstract`` runs.

One prior include and one prior exclude are drawn with ``--prior-seed SEED`` and the model is
seeded with ``--seed SEED``; the simulation stops when the last include is found (ASReview's
default).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks.measure import ChildPeak

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
VENV = WORK / "asreview-venv"
CACHE = WORK / "asreview"
DATA = Path("/work/shared/data/screening")
ASREVIEW_VERSION = "3.0.8"  # the version of the committed results; change both together
INPUTS = ("title_abstract", "with_keywords")


def asreview_bin() -> Path:
    return VENV / "bin" / "asreview"


def ensure_installed(log=print) -> Path:
    """Create ASReview's venv and ``pip install asreview==ASREVIEW_VERSION`` unless it is there."""
    if asreview_bin().exists():
        return asreview_bin()
    log(f"asreview: installing asreview=={ASREVIEW_VERSION} into {VENV}")
    shutil.rmtree(VENV, ignore_errors=True)
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [
            str(VENV / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            f"asreview=={ASREVIEW_VERSION}",
        ],
        check=True,
    )
    return asreview_bin()


class TimedOut(subprocess.TimeoutExpired):
    """A run stopped by its time box, with the CPU seconds it had used and its stderr."""

    def __init__(self, cmd: list[str], timeout_s: float, cpu_s: float, stderr: str) -> None:
        super().__init__(cmd, timeout_s)
        self.cpu_s = cpu_s
        self.stderr_text = stderr


# asreview simulate's progress bar: 'Records labeled : 39%|███▉ | 2336/5969 [...]'
_PROGRESS = re.compile(r"Records labeled\s*:.*?\|\s*(\d+)/(\d+)")


def labelled_so_far(stderr: str) -> int | None:
    """The label actions a stopped ``asreview simulate`` had made (its last progress line)."""
    found = _PROGRESS.findall(stderr)
    return int(found[-1][0]) if found else None


def run_measured(cmd: list[str], cwd: Path | None = None, timeout_s: float | None = None) -> dict:
    """Run ``cmd`` to its end; its own wall s, CPU s (user + sys) and peak resident memory (MB).

    ``os.wait4`` gives the rusage of this one child (and the children it waited for), so the
    figures do not mix with other runs of the same benchmark process. Its ``ru_maxrss`` can be
    this process's peak at the spawn, so the peak is :class:`benchmarks.measure.ChildPeak`'s
    (reviewkit's small ranking sets had said 100-102 MB, this process's, not their own). Raises
    ``subprocess.TimeoutExpired`` (the child killed) after ``timeout_s`` wall seconds.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        memory = ChildPeak(proc.pid)
        while True:
            memory.sample()
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if timeout_s is not None and time.perf_counter() - started > timeout_s:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                err.seek(0)
                raise TimedOut(
                    cmd,
                    timeout_s,
                    usage.ru_utime + usage.ru_stime,
                    err.read().decode("utf-8", "replace"),
                )
            time.sleep(0.05)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        err.seek(0)
        return {
            "returncode": proc.returncode,
            "wall_s": wall,
            "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": memory.kb(usage.ru_maxrss) / 1024,  # Linux: kilobytes
            "stderr": err.read().decode("utf-8", "replace"),
        }


def asreview_version() -> str:
    """``asreview --version`` of the benchmark's venv (e.g. ``asreview 3.0.8``)."""
    out = subprocess.run(
        [str(asreview_bin()), "--version"], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def has_keywords(dataset: Path) -> bool:
    """True when the CSV has a ``keywords`` column (the Cohen ``local`` files: MeSH terms)."""
    with dataset.open(newline="", encoding="utf-8") as f:
        return "keywords" in (csv.DictReader(f).fieldnames or [])


def effective_input(dataset: Path, inputs: str) -> str:
    """``inputs``, or ``title_abstract`` when the set has no keywords to add."""
    if inputs not in INPUTS:
        raise ValueError(f"inputs must be one of {INPUTS}")
    return inputs if inputs == "title_abstract" or has_keywords(dataset) else "title_abstract"


def reduced_csv(
    dataset: Path, label_column: str = "label_included", inputs: str = INPUTS[0]
) -> Path:
    """The file both tools read: title, abstract (+ keywords appended) and ``label_included``."""
    inputs = effective_input(dataset, inputs)
    target = CACHE / "data" / inputs / dataset.name
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # a name of this process's own: two runs building the same file at once (two simulations of
    # one set) must not write, or rename away, each other's half-written copy
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with (
        dataset.open(newline="", encoding="utf-8") as src,
        tmp.open("w", newline="", encoding="utf-8") as dst,
    ):
        writer = csv.writer(dst)
        writer.writerow(["title", "abstract", "label_included"])
        for row in csv.DictReader(src):
            abstract = row.get("abstract") or ""
            if inputs == "with_keywords" and row.get("keywords"):
                abstract = f"{abstract} {row['keywords']}".strip()
            writer.writerow([row.get("title") or "", abstract, row[label_column]])
    tmp.replace(target)
    return target


def _label_sequence(project_file: Path) -> list[int]:
    """Labels in the order ASReview screened them (priors first), read from the project's SQLite db."""
    with zipfile.ZipFile(project_file) as zf, tempfile.TemporaryDirectory() as tmp:
        names = [n for n in zf.namelist() if n.endswith("results.db")]
        if not names:
            raise RuntimeError(f"{project_file}: no results.db inside")
        zf.extract(names[0], tmp)
        conn = sqlite3.connect(Path(tmp) / names[0])
        try:
            rows = conn.execute("SELECT label FROM results ORDER BY rowid").fetchall()
        finally:
            conn.close()
    return [int(r[0]) for r in rows]


def cache_key(dataset: Path, seed: int, label_column: str, inputs: str) -> str:
    inputs = effective_input(dataset, inputs)
    return f"{dataset.stem}_{inputs}_{label_column}_seed{seed}"


def run(
    dataset: Path,
    seed: int,
    label_column: str = "label_included",
    timeout_s: float | None = None,
    inputs: str = INPUTS[0],
    n_stop: int | None = None,
) -> dict | None:
    """Simulate ``dataset`` with ASReview's default model; cached. Labels in screening order, wall and CPU s.

    Returns None when the run takes longer than ``timeout_s``; then ``KEY.partial.json`` holds
    the CPU seconds it had used and the label actions it had made (a lower bound). ``n_stop``:
    stop after that many label actions (``asreview simulate --n-stop``), not at the last include.
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    key = cache_key(dataset, seed, label_column, inputs) + (f"_stop{n_stop}" if n_stop else "")
    meta_file = CACHE / f"{key}.json"
    if meta_file.exists():
        return json.loads(meta_file.read_text())
    data = reduced_csv(dataset, label_column, inputs)
    project_file = CACHE / f"{key}.asreview"
    project_file.unlink(missing_ok=True)
    leftover = project_file.with_suffix(
        ".asreview.tmp"
    )  # asreview's work folder of a run that was stopped
    shutil.rmtree(leftover, ignore_errors=True)
    ensure_installed()
    nice = os.environ.get("ASREVIEW_NICE")
    cmd = ["nice", "-n", nice] if nice else []
    cmd += [
        str(asreview_bin()),
        "simulate",
        str(data),
        "--n-prior-included",
        "1",
        "--n-prior-excluded",
        "1",
        "--prior-seed",
        str(seed),
        "--seed",
        str(seed),
        "-o",
        str(project_file),
    ]
    cmd += ["--n-stop", str(n_stop)] if n_stop else []
    try:  # cwd: asreview drops a cache file in its working folder
        done = run_measured(cmd, cwd=WORK, timeout_s=timeout_s)
    except TimedOut as stopped:  # what it had done: a lower bound of a whole run's CPU
        project_file.unlink(missing_ok=True)
        shutil.rmtree(leftover, ignore_errors=True)
        partial = {
            "cpu_s": stopped.cpu_s,
            "wall_s": timeout_s,
            "labelled": labelled_so_far(stopped.stderr_text),
            "nice": int(nice) if nice else 0,
            "command": " ".join(cmd[1:]),
        }
        (CACHE / f"{key}.partial.json").write_text(json.dumps(partial))
        return None
    if done["returncode"] != 0:
        raise RuntimeError(f"asreview simulate failed on {dataset.name}: {done['stderr'][-2000:]}")
    wall, cpu = done["wall_s"], done["cpu_s"]
    meta = {
        "dataset": dataset.name,
        "seed": seed,
        "label_column": label_column,
        "inputs": effective_input(dataset, inputs),
        "wall_s": wall,
        "cpu_s": cpu,
        "nice": int(nice) if nice else 0,
        "n_prior": 2,
        "labels_in_order": _label_sequence(project_file),
        "command": " ".join(cmd[1:]),
        "n_stop": n_stop,
        "peak_rss_mb": done["peak_rss_mb"],
    }
    meta_file.write_text(json.dumps(meta))
    return meta


def datasets() -> list[Path]:
    """The labelled CSVs in :data:`DATA`, smallest file first."""
    return sorted(DATA.glob("*.csv"), key=lambda p: p.stat().st_size)


def run_all(
    seeds: list[int], budget_s: float, log=print, inputs: str = INPUTS[0]
) -> dict[tuple[str, int], dict]:
    """Cached runs, then new ones within ``budget_s`` (a run that would overrun it is stopped).

    Order: the first seed on every set (smallest first), then the other seeds, so the budget
    covers as many sets as it can.
    """
    ensure_installed(log)
    done: dict[tuple[str, int], dict] = {}
    spent = 0.0
    # a set without keywords has one input only: the title_abstract pass runs it
    sets = [ds for ds in datasets() if effective_input(ds, inputs) == inputs]
    plan = [(ds, seed) for seed in seeds[:1] for ds in sets]
    plan += [(ds, seed) for ds in sets for seed in seeds[1:]]
    for ds, seed in plan:
        cached = (CACHE / f"{cache_key(ds, seed, 'label_included', inputs)}.json").exists()
        if not cached and spent >= budget_s - 1:
            log(f"asreview: {ds.name} seed {seed} not run (time budget spent)")
            continue
        started = time.perf_counter()
        meta = run(ds, seed, timeout_s=None if cached else budget_s - spent, inputs=inputs)
        if not cached:
            spent += time.perf_counter() - started
        if meta is None:
            log(f"asreview: {ds.name} seed {seed} stopped: it would overrun the time budget")
            continue
        done[(ds.name, seed)] = meta
        cpu = f", CPU {meta['cpu_s']:.1f} s" if "cpu_s" in meta else ""
        log(
            f"asreview: {ds.name} [{inputs}] seed {seed}: {meta['wall_s']:.1f} s{cpu}{' (cached)' if cached else ''}"
        )
    return done


def main(argv: list[str]) -> int:
    """``python -m benchmarks.asreview_runner [BUDGET_MIN [INPUTS]]``: fill the cache (seeds 0, 1, 2)."""
    budget = float(argv[0]) * 60 if argv else 40 * 60
    inputs = argv[1] if len(argv) > 1 else INPUTS[0]
    run_all([0, 1, 2], budget, log=lambda m: print(m, flush=True), inputs=inputs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
