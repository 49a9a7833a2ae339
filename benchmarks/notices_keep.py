"""What keeping the notices costs an import, on a 50,000-record project (issue 14).

``nice -n 10 .venv/bin/python -m benchmarks.notices_keep [LABEL]`` — the first 50,000
articles of the real PubMed snapshot (the project of :mod:`benchmarks.bench_tui`, built once
in ``.work/notices-keep-project-nlm``), each measurement in a fresh process on a fresh copy:

* the first find: :func:`~reviewkit.dedup.concerns_kept.keep_project_concerns` with nothing kept;
* then an import of the next 10 articles of the snapshot (stored as an import stores them)
  and :func:`keep_project_concerns` again, as ``import`` runs it: CPU seconds of that call;
* the same with 10 records of which one is a notice (an erratum about the project's first
  article, with the next 9 articles).

CPU seconds (process time), so that a loaded machine moves them little. ``LABEL`` (default
``after``) names the code measured; for ``before``, run it from a folder holding the earlier
``reviewkit`` (``python -m`` puts the current folder first) with this checkout after it on
``PYTHONPATH``, and before any newer code has migrated the built project. Writes
``results/notices-keep.json`` (one entry a label) and ``results/notices-keep.md``.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
import time
from pathlib import Path

from benchmarks.bench_tui import build_project, snapshot_records
from benchmarks.measure import load_note, run_isolated

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work" / "notices-keep-project-nlm"  # the files in NLM's order
RUN = HERE / ".work" / "notices-keep-run"
N_RECORDS = 50_000
N_NEW = 10


def _next_records() -> tuple[list, list]:
    """The snapshot's next 10 articles after the project's, and 9 of them with an erratum
    about the project's first article (the snapshot has no notice after its first 50,000)."""
    from reviewkit.dedup.follow_on import notice_about_a_paper
    from reviewkit.records import Record

    records = snapshot_records()
    first = next(records)
    after = itertools.islice(records, N_RECORDS - 1, N_RECORDS + 2000)
    articles = [r for r in after if not notice_about_a_paper(r)][:N_NEW]
    notice = Record(title=f"Erratum to: {first.title}", year=first.year)
    return articles, [*articles[: N_NEW - 1], notice]


def _measure(folder: str, records: list) -> dict:
    """CPU seconds of the first find, then of the find after an import of ``records``."""
    from reviewkit.dedup.concerns_kept import keep_project_concerns
    from reviewkit.project import open_project
    from reviewkit.store.records import add_import, add_records, finish_import

    project = open_project(folder)
    db = project.db
    started = time.process_time()
    first = keep_project_concerns(db)
    first_cpu = time.process_time() - started
    with db.transaction():
        made = add_import(db, source="PubMed", path="next.xml", fmt="pubmed-xml", sha256="next")
        ids = add_records(db, records, import_id=made)
        finish_import(db, made, len(ids))
    started = time.process_time()
    after = keep_project_concerns(db)
    import_cpu = time.process_time() - started
    project.close()
    return {
        "first_find_cpu_s": round(first_cpu, 2),
        "import_find_cpu_s": round(import_cpu, 2),
        "records_with_notices_before": len(first),
        "records_with_notices_after": len(after),
    }


def _fresh_copy() -> str:
    shutil.rmtree(RUN, ignore_errors=True)
    RUN.mkdir(parents=True)
    for name in ("protocol.toml", "review.sqlite"):
        shutil.copyfile(WORK / name, RUN / name)
    return str(RUN)


def main(argv: list[str]) -> int:
    label = argv[0] if argv else "after"
    load = os.getloadavg()[0]
    build_project(WORK, N_RECORDS)
    articles, with_notice = _next_records()
    figures = {
        "articles": run_isolated(_measure, _fresh_copy(), articles)[2],
        "with_a_notice": run_isolated(_measure, _fresh_copy(), with_notice)[2],
        "load_average_1min_before": round(load, 2),
        "cores": os.cpu_count(),
    }
    shutil.rmtree(RUN, ignore_errors=True)
    out = HERE / "results" / "notices-keep.json"
    every = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    every[label] = figures
    out.write_text(json.dumps(every, indent=2) + "\n", encoding="utf-8")
    write_markdown(out.with_suffix(".md"), every)
    print(json.dumps(figures, indent=2))
    return 0


def write_markdown(path: Path, every: dict) -> None:
    """The results page at ``path``: one row a label of ``every`` (the JSON's entries)."""
    lines = [
        "# Keeping the notices: what an import pays (benchmarks/notices_keep.py)",
        "",
        "`nice -n 10 .venv/bin/python -m benchmarks.notices_keep LABEL` — the first 50,000 "
        "articles of the real PubMed snapshot, Review B's protocol; in a fresh process on a "
        "fresh copy each: the first find of the notices (nothing kept), then an import of the "
        "snapshot's next 10 articles, or of 9 of them and an erratum about the project's first article, and the find the "
        "import runs. CPU seconds. `before`: main at 9772938a (kept notices brought up to date "
        "for added records, but every record read again for a batch holding a notice); "
        "`after`: the batch's notices, and kept ones naming a new record, looked up by the keys "
        "kept of every record (`reviewkit/dedup/concerns_stored.py`, migration 098); the first "
        "find writes those keys; both on the project read update file first. `merged`: main "
        "after this change and pubfid12, the project's 50,000 records read in NLM's order "
        "(the baseline chunk, then the update file).",
        "",
        "| code | load (1 min) | first find | import of 10 articles | of 9 and a notice |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, f in every.items():
        lines.append(
            f"| {label} | {f['load_average_1min_before']:.2f} "
            f"| {f['articles']['first_find_cpu_s']:.2f} / {f['with_a_notice']['first_find_cpu_s']:.2f} "
            f"| {f['articles']['import_find_cpu_s']:.2f} | {f['with_a_notice']['import_find_cpu_s']:.2f} |"
        )
    lines += ["", load_note(max(f["load_average_1min_before"] for f in every.values())), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
