"""`make demo`: the shipped protocol of Review A run end to end on the local PubMed snapshot.

1. a fresh project from ``protocols/rtw-systematic-reviews.toml`` under ``build/demo/``;
2. a local E-utilities server on 127.0.0.1 over the real NLM snapshot (50,788 articles);
3. the eight stored searches run through the real client, then rerun to show the delta;
4. deduplication across the searches;
5. the report (PRISMA so far, search counts, empty tables until screening) written to ``exports/``.
No network but the package registry (for the snapshot download at setup).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from reviewkit.dedup.engine import run_dedup
from reviewkit.errors import UserError
from reviewkit.project import init_project
from reviewkit.pubmed.client import PubMedClient
from reviewkit.pubmed.server import serve_in_thread
from reviewkit.reports.report import write_report
from reviewkit.searches import identification_counts, run_searches

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"
DEMO_EMAIL = "demo@reviewkit.invalid"  # the local server needs an address; NCBI would need yours

console = Console()


def _bar() -> Progress:
    return Progress(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def run_demo(work_dir: Path = ROOT / "build" / "demo", out_dir: Path = ROOT / "exports") -> int:
    started = time.time()
    folder = work_dir / "review-a"
    if folder.exists():
        shutil.rmtree(folder)
    project = init_project(folder, PROTOCOL)
    console.print(f"[bold]reviewkit demo[/] — {project.protocol.title}")
    console.print(f"project: {folder}")

    with _bar() as bar:
        task = bar.add_task("indexing PubMed snapshot", total=None)
        base_url, stop = serve_in_thread(
            progress=lambda done, total: bar.update(task, completed=done, total=total or None)
        )
    console.print(f"local E-utilities server: {base_url}")
    try:
        client = PubMedClient(base_url, email=DEMO_EMAIL)
        with _bar() as bar:
            tasks: dict[str, int] = {}

            def progress(name: str, done: int, total: int) -> None:
                if name not in tasks:
                    tasks[name] = bar.add_task(f"search {name}", total=total or None)
                bar.update(tasks[name], completed=done, total=total or None)

            reports = run_searches(project, None, client, progress)
        table = Table(
            "search",
            "records",
            "new",
            "query as PubMed translated it (start)",
            title="Stored searches, run 1",
        )
        for r in reports:
            table.add_row(r.search, str(r.count), str(len(r.new)), (r.translation or "")[:60] + "…")
        console.print(table)

        reruns = run_searches(project, None, client)
        console.print(
            "rerun of all eight searches: "
            f"{sum(len(r.new) for r in reruns)} new PMIDs, {sum(len(r.gone) for r in reruns)} gone, "
            f"{sum(len(r.changed) for r in reruns)} changed records"
        )
    finally:
        stop()

    with _bar() as bar:
        task = bar.add_task("deduplicating", total=None)
        dedup = run_dedup(
            project.db,
            progress=lambda done, total: bar.update(task, completed=done, total=total or None),
        )
    ident = identification_counts(project.db)
    console.print(
        f"PRISMA identification: {ident.retrieved} records retrieved by {len(ident.searches)} searches; "
        f"{dedup.records} stored, {dedup.duplicates} duplicate links by rule, "
        f"{dedup.uncertain} pairs for a person to check, {dedup.studies} studies to screen"
    )

    paths = write_report(project, out_dir)
    project.close()
    console.print(f"\nreport written to {out_dir}/ ({len(paths)} files), e.g.:")
    for p in sorted(paths)[:12]:
        console.print(f"  {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}")
    console.print(
        f"\nnext: reviewkit screen --project {folder} --reviewer reviewer1   "
        f"(done in {time.time() - started:.0f} s)"
    )
    return 0


def main() -> int:
    try:
        return run_demo()
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
