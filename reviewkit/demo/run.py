"""`make demo`: the whole job, from stored searches to filled report tables, offline.

1. the snapshot index (built once next to the snapshot files, reused afterwards);
2. a local E-utilities server on 127.0.0.1 over it, and the real PubMed client;
3. the librarian's part: Review A's eight stored searches, a rerun and the PRISMA-S log;
4. the demo review (``protocols/demo-work-health.toml``): five stored searches, a second source
   imported from RIS, dedup, two simulated reviewers at both stages, a simulated lead for the
   conflicts, classification with a share of labels confirmed, extraction prefilled;
5. the full report of the demo review.

An existing demo project is kept (and its report rewritten from it as it stands) unless
``fresh`` is asked for, so what a person screened or confirmed in it is never lost by a rerun.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from reviewkit.demo import librarian, review, summary
from reviewkit.demo.reviewers import NOTE
from reviewkit.demo.source import DEMO_SEED
from reviewkit.demo.summary import rel
from reviewkit.errors import UserError
from reviewkit.project import DATABASE_FILE, PROTOCOL_FILE, Project, init_project, open_project
from reviewkit.protocol import load
from reviewkit.pubmed.client import PubMedClient
from reviewkit.pubmed.server import serve_in_thread
from reviewkit.pubmed.snapshot import Snapshot, build_index, index_path
from reviewkit.reports.report import write_report

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL_A = ROOT / "protocols" / "rtw-systematic-reviews.toml"
PROTOCOL_DEMO = ROOT / "protocols" / "demo-work-health.toml"
WORK_DIR, OUT_DIR = ROOT / "build" / "demo", ROOT / "exports"  # `make demo`'s folders
DEMO_EMAIL = "demo@reviewkit.invalid"  # the local server needs an address; NCBI would need yours
LOCAL_RATE = (
    50.0  # requests/s to the local server (the client keeps 3/s, 10/s with a key, for NCBI)
)
DONE_MARK = ".demo-complete"  # written last: a project without it was interrupted and is rebuilt


def _check_checkout() -> None:
    """The demo reads the shipped protocols and writes beside them (build/, exports/): both are
    a checkout's, not a `pip install .`'s (only the package is installed), where the demo
    ended in 'protocol file not found, check the path' after downloading the snapshot."""
    for protocol in (PROTOCOL_A, PROTOCOL_DEMO):
        if not protocol.is_file():
            raise UserError(
                "the demo's protocol is not here: the demo runs in a checkout of reviewkit",
                where=str(protocol),
                hint="clone the repository and run 'make demo' in it ('pip install .' installs"
                " the commands, not protocols/ nor the demo)",
            )


@dataclass
class DemoResult:
    """What the demo made (paths) and did (None for a part kept from an earlier run)."""

    review_a: Path
    demo: Path
    out_dir: Path
    snapshot_index: Path
    index_seconds: float | None = None  # None: the index was already there, or not needed
    index_by_other: bool = False  # another process built the index while this run waited
    librarian: librarian.LibrarianResult | None = None
    built: review.BuildResult | None = None
    report: list[Path] = field(default_factory=list)  # every file written in work-health/
    search_log: Path | None = None
    seconds: float = 0.0
    articles: int | None = None  # the snapshot's, as the local server counts them
    default_snapshot: bool = True  # the offline snapshot, not files given with --snapshot
    options: tuple[str, ...] = ()  # this run's options besides --fresh (summary.afresh)


def _complete(folder: Path) -> bool:
    return (folder / DONE_MARK).exists()


def _demo_protocol_id(folder: Path) -> str:
    """The review id in the folder's protocol copy ('' when there is none or it is unreadable)."""
    try:
        return load(folder / PROTOCOL_FILE).id
    except (OSError, UserError):
        return ""


def _prepare(folder: Path, protocol: Path, fresh: bool, console: Console) -> bool:
    """True when the project must be built; removes an earlier demo project first.

    Only a folder the demo made is removed: one it finished (its mark), or a project of the
    demo's own protocol that an interrupted run left; anything else is refused.
    """
    if _complete(folder) and not fresh:
        return False
    if folder.exists() and any(folder.iterdir()):
        ours = _complete(folder) or _demo_protocol_id(folder) == load(protocol).id
        if not ours or not (folder / DATABASE_FILE).exists():
            raise UserError(
                "not a project the demo made; refusing to replace it",
                where=str(folder),
                hint="move it away or pass another --work-dir",
            )
        why = "--fresh asked for" if _complete(folder) else "an earlier run did not finish"
        console.print(f"rebuilding {rel(folder)} ({why})")
    if folder.exists():
        shutil.rmtree(folder)
    return True


def article_count(index: Path) -> int | None:
    """The snapshot's articles as the local server counts and announces them (its index's),
    or None when the index is not built (a rerun that keeps the projects does not need it)."""
    if not index.exists():
        return None
    snapshot = Snapshot(index)
    try:
        return snapshot.article_count
    finally:
        snapshot.close()


def _index(files: Sequence[Path], console: Console) -> tuple[Path, float | None, bool]:
    """The snapshot's index, built here if no process has: (its path, the seconds this run
    built it in or None, whether another process built it meanwhile, a demo or `pubmed serve`
    started beside this one, whose build this run waited for and reused)."""
    target = index_path(list(files))
    if target.exists():
        return target, None, False
    started = time.perf_counter()
    built: list[int] = []  # the build's progress, from its start: this run built the index
    with summary.bar(console) as bar:
        task = bar.add_task("indexing the snapshot (once)", total=None)

        # a bar draws nothing until it ends when stdout is no terminal (tee, CI): lines then
        def lines(line: str) -> None:
            console.print(line, markup=False, highlight=False, soft_wrap=True)

        def progress(done: int, _total: int) -> None:
            built.append(done)
            bar.update(task, completed=done)

        build_index(
            files,
            progress=progress,
            stages=None if console.is_terminal else lines,
            waiting=lines,  # another demo or server building the same index: said, not a hang
        )
    if not built:  # the wait was not a build: not said as one ("built in 40 s")
        return target, None, True
    return target, time.perf_counter() - started, False


def run_demo(
    work_dir: Path = WORK_DIR,
    out_dir: Path = OUT_DIR,
    *,
    fresh: bool = False,
    snapshot_files: Sequence[Path] | None = None,
    seed: int = DEMO_SEED,
    console: Console | None = None,
) -> DemoResult:
    """Build (or keep) the two demo projects and write the report; returns what was made.

    ``snapshot_files``: PubMed XML files for the local server (default: the offline snapshot);
    a test passes a small slice of it for a quicker but complete run.
    """
    console = console or summary.demo_console()
    started = time.perf_counter()
    _check_checkout()
    console.print("[bold]reviewkit demo[/] — from stored searches to filled report tables")
    default_snapshot = snapshot_files is None
    if snapshot_files is None:
        from reviewkit.offline_data import pubmed_snapshot_files

        snapshot_files = pubmed_snapshot_files()
    files = [Path(f) for f in snapshot_files]
    for f in files or [Path("(none given)")]:
        if not f.is_file():
            raise UserError(
                "snapshot file not found",
                where=str(f),
                hint="run 'make data' (python -m reviewkit.offline_data fetch), or give PubMed XML files",
            )
    work_dir, out_dir = Path(work_dir), Path(out_dir)
    folder_a, folder_demo = work_dir / "review-a", work_dir / "work-health"
    build_a = _prepare(folder_a, PROTOCOL_A, fresh, console)
    build_demo = _prepare(folder_demo, PROTOCOL_DEMO, fresh, console)
    result = DemoResult(folder_a, folder_demo, out_dir, index_path(files))
    result.default_snapshot = default_snapshot
    result.options = _options(work_dir, out_dir, None if default_snapshot else files, seed)
    if build_a or build_demo:  # the server (and so the index) is needed only to build
        result.snapshot_index, result.index_seconds, result.index_by_other = _index(files, console)
    result.articles = article_count(result.snapshot_index)
    summary.intro(console, result, kept=not (build_a or build_demo))
    if build_a or build_demo:
        # NCBI's 3 requests/s protect NCBI's servers; this one is ours, on loopback.
        base_url, stop = serve_in_thread(files, rate_limits=None)
        try:
            client = PubMedClient(base_url, email=DEMO_EMAIL, rate=LOCAL_RATE)
            if build_a:
                _librarian(folder_a, client, result, console)
            if build_demo:
                _demo_review(folder_demo, client, seed, result, console)
        finally:
            stop()
    with open_project(folder_a) as project_a:
        result.search_log = librarian.write_search_log(
            project_a, out_dir / "review-a" / "search-log.csv"
        )
    with open_project(folder_demo) as project:
        log = librarian.write_search_log(project, out_dir / "work-health" / "search-log.csv")
        report = write_report(project, out_dir / "work-health", note=NOTE)
        words = summary.snapshot_words(result.articles, default_snapshot)
        readme = summary.mark_exports(report, out_dir / "work-health", words)
        # every file the folder holds for its reader (the count the summary prints): the report's,
        # the search log and the README beside it
        result.report = [log, *report, readme]
        result.seconds = time.perf_counter() - started
        summary.finish(console, project, result)
    return result


def _options(
    work_dir: Path, out_dir: Path, snapshot_files: Sequence[Path] | None, seed: int
) -> tuple[str, ...]:
    """The options that reach this run's folders, files and seed again, as the user types
    them: those not at their defaults (a rerun with --fresh alone rebuilds build/demo)."""
    options: list[str] = []
    if work_dir.resolve() != WORK_DIR.resolve():
        options += ["--work-dir", rel(work_dir)]
    if out_dir.resolve() != OUT_DIR.resolve():
        options += ["--out", rel(out_dir)]
    for file in snapshot_files or ():
        options += ["--snapshot", rel(file)]
    if seed != DEMO_SEED:
        options += ["--seed", str(seed)]
    return tuple(options)


def _librarian(folder: Path, client: PubMedClient, result: DemoResult, console: Console) -> None:
    project = init_project(folder, PROTOCOL_A)
    with project:
        result.librarian = librarian.run_and_rerun(project, client)
        summary.librarian_part(console, result.librarian)
    (folder / DONE_MARK).write_text("built by make demo\n", encoding="utf-8")


def _demo_review(
    folder: Path, client: PubMedClient, seed: int, result: DemoResult, console: Console
) -> None:
    project: Project = init_project(folder, PROTOCOL_DEMO)
    with project:
        result.built = review.build(project, client, seed, lambda s: console.print(f"… {s}"))
        summary.review_part(console, project, result.built)
    (folder / DONE_MARK).write_text("built by make demo\n", encoding="utf-8")
