"""Write the whole report: tables per label, the evidence map, PRISMA 2020, agreement, exports.

Before screening has ended there are no included studies yet: the tables are written empty
(headers only), and the PRISMA diagram shows the flow so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

from reviewkit import agreement as agreement_mod
from reviewkit import agreement_tables, outputs
from reviewkit.classify import none_id
from reviewkit.errors import UserError
from reviewkit.evidence import build_map, map_files, write_map
from reviewkit.extract import pending_prefills, store_prefills
from reviewkit.project import Project
from reviewkit.reports import prisma, versions
from reviewkit.reports.excluded import excluded_table
from reviewkit.reports.exporter import SUFFIX, export_to_file
from reviewkit.reports.notices import notice_cells, notices_table, study_notices
from reviewkit.reports.snapshot import ProjectSnapshot
from reviewkit.reports.tables import report_tables
from reviewkit.reports.writers import (
    NOTES_SUFFIX,
    Cell,
    Rounded,
    Table,
    slug,
    write_csv,
    write_docx,
    write_markdown,
    write_xlsx,
)
from reviewkit.screening import DerivedStages
from reviewkit.wording import quantity, verb

FORMATS = ("csv", "xlsx", "md", "docx")


def agreement_table(project: Project, derived: DerivedStages | None = None) -> Table:
    """Agreement per stage and reviewer pair: n, percent agreement, kappa with its CI, PABAK.

    Cells are numbers (rounded for reading), not text, so a spreadsheet can compute with them;
    a statistic that cannot be computed yet is an empty cell.
    """

    def num(v: float | None, digits: int = 3) -> float | str:
        return "" if v is None else Rounded(v, digits)

    results = agreement_mod.agreement(project, derived=derived)
    rows: list[list[Cell]] = [
        [
            a.stage,
            a.reviewer_a,
            a.reviewer_b,
            a.n,
            num(a.percent, 1),
            num(a.kappa),
            num(a.ci_low),
            num(a.ci_high),
            num(a.pabak),
            *agreement_tables.include_exclude_cells(a, num),
        ]
        for a in results
    ]
    # a degenerate kappa (one reviewer gave one answer to everything) is 0 or undefined: say so
    # ...and at a stage without two reviewers to compare, who voted there (no names in its row)
    notes = [a.named_note for a in results if a.note]
    return Table(
        "agreement",
        "Agreement between reviewers",
        [
            "Stage",
            "Reviewer A",
            "Reviewer B",
            "Studies both screened",
            "Agreement %",
            "Cohen's kappa",
            "Kappa 95% CI low",
            "Kappa 95% CI high",
            "PABAK",
            "Kappa include vs exclude",
            "Include vs exclude 95% CI low",
            "Include vs exclude 95% CI high",
        ],
        rows,
        " ".join(
            [
                *EMPTY_NOTE[: any(v == "" for row in rows for v in row)],
                *[INCLUDE_EXCLUDE_NOTE][: any(a.compared for a in results)],
                *(left_out for a in results if (left_out := _uncertain_left_out(a))),
                *notes,
            ]
        ),
        sheet="Agreement",
    )


# said only when a cell is empty: "not computable yet" under a full table misled the reader
EMPTY_NOTE = [
    "Empty cells: not computable (no study screened by both reviewers yet, or no confidence"
    " interval where they agree on every study or on none)."
]


INCLUDE_EXCLUDE_NOTE = f"Kappa include vs exclude is {agreement_mod.INCLUDE_EXCLUDE_RULE}."


def _uncertain_left_out(a: agreement_mod.Agreement) -> str:
    """How many studies a stage's include-vs-exclude kappa leaves out for an 'uncertain' vote,
    and its n (the table's "Studies both screened" is the other kappa's n); '' where it leaves
    none out."""
    if a.binary is None or a.uncertain_as != "left out" or not a.uncertain_pairs:
        return ""
    studies = quantity(a.uncertain_pairs, "study", "studies")
    return (
        f"{a.stage}: kappa include vs exclude is over {a.binary.n} of the {a.n} studies;"
        f" {studies} with an 'uncertain' vote {verb(a.uncertain_pairs, 'is', 'are')} left out."
    )


def prisma_table(counts: prisma.PrismaCounts) -> Table:
    """The PRISMA numbers as a table, with a note on which identification rows add up: the
    table lists a database's line, its searches and the searches' latest runs one under the
    other, and a reader who adds them all does not get "records identified"."""
    notes = [
        "'records identified' is the sum of the 'database: <name>' and 'other method:' rows;"
        " under a database, its 'search:' rows and its '(imported files)' row break its line"
        " down."
    ]
    if counts.retrieved:
        notes.append(
            "A '(retrieved by its latest run)' row is what that search's last run found, records"
            " an earlier run stored among them (as the search log gives it): it is not added."
        )
    return Table(
        "prisma",
        "PRISMA 2020 flow: numbers",
        ["Section", "Item", "Count"],
        [list(r) for r in counts.rows()],
        " ".join(notes),
        sheet="PRISMA 2020 flow",
    )


def evidence_schemes(project: Project) -> tuple[str, str] | None:
    """The two schemes the evidence map crosses: the report scheme and the next ordinary scheme."""
    proto = project.protocol
    ordinary = [s.id for s in proto.schemes.values() if s.kind == "scheme"]
    first = proto.report.scheme if proto.report else (ordinary[0] if ordinary else None)
    others = [s for s in ordinary if s != first]
    if first is None or not others:
        return None
    return first, others[0]


def write_report(
    project: Project,
    out_dir: Path,
    formats: Sequence[str] = FORMATS,
    note: str = "",
    new_version: str = "",
    authors_columns: bool = False,
) -> list[Path]:
    """Write every part of the report into ``out_dir``; returns the files written.

    The project is read once (:class:`ProjectSnapshot`) and the snapshot handed to each part.
    ``note`` (e.g. that the screening was simulated) goes under the PRISMA diagram and with
    the agreement and PRISMA tables of the Markdown, DOCX and XLSX reports. ``new_version``:
    record this report's review as a version of that name once every file is written (a later
    update's PRISMA "studies included in previous version"; see :mod:`.versions`).
    ``authors_columns``: the report tables in the protocol's columns only
    (:func:`~reviewkit.reports.tables.report_tables`).
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UserError(
            f"unknown report format {unknown[0]!r}", hint=f"formats: {', '.join(FORMATS)}"
        )
    _check_targets(out_dir, formats, with_map=evidence_schemes(project) is not None)
    snap = ProjectSnapshot.read(project)
    studies, records = snap.included, snap.records
    # The extraction prefills (never replacing a value a person gave) go into the tables now
    # and into the database with the files (below): a failed write changes nothing.
    prefills = pending_prefills(project, studies, records=records)
    counts = prisma.collect_counts(project, snap)
    since = versions.included_since(project, snap) if counts.update else None
    notices = study_notices(snap)  # retractions, errata, expressions of concern
    tables = report_tables(
        project,
        studies,
        records=records,
        reports=snap.reports,
        pending=prefills,
        authors_columns=authors_columns,
        new_since=(since.version, since.reports, since.of_version) if since else None,
        labels=snap.labels,  # one reference list: letters over included and excluded studies
        notices=notice_cells(notices),
    )
    listed = notices_table(snap, notices)  # after the included studies' tables
    tables += [listed] if listed else []
    excluded = excluded_table(snap)  # PRISMA 16b: after the included studies' tables
    tables += [excluded] if excluded else []
    problems = prisma.check(counts)
    if problems:
        raise UserError(
            "the PRISMA numbers do not add up: " + "; ".join(problems),
            hint="this is a bug; please report it with the project",
        )
    extra = _agreement_and_prisma(project, snap, counts, note)
    # What the report stores (the prefills, the version) is stored in one transaction whose
    # write lock is taken before the first file is written: a project another process is
    # writing to is refused as busy with no file written (it wrote every file, then failed at
    # the store), and a failed file write rolls the store back. Nothing to store, no lock.
    stores = bool(prefills) or bool(new_version)
    with project.db.transaction() if stores else nullcontext():
        if new_version:  # refused before any file is written; checked under the lock, so
            # that a report running at the same time cannot record it after this check
            new_version = versions.check_name(project, new_version)
        out_dir = outputs.output_folder(out_dir)  # not even the folder when refused as busy
        paths = _write_files(project, out_dir, formats, snap, tables, counts, extra, note)
        store_prefills(project, prefills)
        if new_version:
            versions.record_version(project, new_version, snap)
    return paths


def _write_files(
    project: Project,
    out_dir: Path,
    formats: Sequence[str],
    snap: ProjectSnapshot,
    tables: list[Table],
    counts: prisma.PrismaCounts,
    extra: list[Table],
    note: str,
) -> list[Path]:
    """Write the report's files (diagram, map, tables, exports, search log); returns them."""
    studies, records = snap.included, snap.records
    paths: list[Path] = []
    png = prisma.draw(counts, out_dir / "prisma.png", note)
    paths += [png, prisma.draw(counts, out_dir / "prisma.svg", note)]
    # prisma.csv is the PRISMA table (its header the other formats'), its notes what the rows
    # cannot say; written whatever the formats, as the diagram is
    paths += write_csv(extra[1:], out_dir)
    images = [("PRISMA 2020 flow diagram", png)]
    pair = evidence_schemes(project)
    if pair:
        emap = build_map(
            project,
            pair[0],
            pair[1],
            studies,
            records=records,
            reports=snap.reports,
            labels=snap.labels,
        )
        map_paths = write_map(project, emap, out_dir / "evidence-map", formats, records=records)
        paths += map_paths
        images.append(("Evidence map", out_dir / "evidence-map" / "evidence-map.png"))
        tables_all = [*tables, emap.matrix_table(), *extra]
    else:
        tables_all = [*tables, *extra]
    title = project.protocol.title
    if "csv" in formats:
        table_paths = write_csv(tables, out_dir / "tables")
        paths += table_paths
        _drop_stale_none_table(project, tables, out_dir / "tables")
        _drop_stale_tables(out_dir / "tables", table_paths)
        paths += write_csv(extra[:1], out_dir)  # agreement.csv; prisma.csv is written above
    if "xlsx" in formats:
        paths.append(write_xlsx(tables_all, out_dir / "report.xlsx", title))
    if "md" in formats:
        paths.append(write_markdown(tables_all, out_dir / "report.md", title, images))
    if "docx" in formats:
        paths.append(write_docx(tables_all, out_dir / "report.docx", title, images))
    for fmt in ("ris", "bibtex"):
        path = out_dir / f"included{SUFFIX[fmt]}"
        paths.append(export_to_file(project, studies, fmt, path, records=records))
    paths.append(_search_log(project, out_dir / "search-log.md"))
    return paths


def _agreement_and_prisma(
    project: Project, snap: ProjectSnapshot, counts: prisma.PrismaCounts, note: str
) -> list[Table]:
    """The agreement and PRISMA tables, the report's ``note`` before each one's own."""
    extra = [agreement_table(project, snap.stages), prisma_table(counts)]
    for t in extra:
        t.note = f"{note} {t.note}".strip()
    return extra


def _drop_stale_none_table(project: Project, tables: Sequence[Table], folder: Path) -> None:
    """The "None of these" table is written only while a study has that label; once no study
    has, the CSV and notes an earlier report wrote for it would stay in ``tables/`` beside the
    new tables, listing studies that are now in other tables. Every other table is written on
    each report (one per label of the scheme), so only this one can be left over."""
    proto = project.protocol
    if proto.report is None:
        return
    none = none_id(proto.scheme(proto.report.scheme))
    if any(t.name == none for t in tables):
        return
    for suffix in (".csv", NOTES_SUFFIX):
        (folder / f"{slug(none)}{suffix}").unlink(missing_ok=True)


# In tables/: the names of the files the last report wrote there, so that the next one removes
# those it does not write again (a table of a label gone when report.scheme changed, or a label
# renamed). Only files named in it are ever removed: a file a user put in the folder is not.
WRITTEN_LIST = ".written-by-reviewkit"


def _drop_stale_tables(folder: Path, written: Sequence[Path]) -> None:
    """Remove the table files (CSV and notes) the last report wrote in ``folder`` that this
    one did not write, then list the ones it did for the next report."""
    listing = folder / WRITTEN_LIST
    names = {p.name for p in written}
    before = listing.read_text(encoding="utf-8", errors="replace") if listing.is_file() else ""
    for name in before.splitlines():
        # a plain file name of a table, never a path: the list is a file a person can edit
        table_file = name.endswith((".csv", NOTES_SUFFIX)) and Path(name).name == name
        if table_file and name not in names and not name.startswith("."):
            (folder / name).unlink(missing_ok=True)
    outputs.write_text(listing, "".join(f"{n}\n" for n in sorted(names)))


def report_targets(formats: Sequence[str], *, with_map: bool) -> tuple[list[str], list[str]]:
    """The folders and files (relative to the output folder) a report with these formats
    writes; the files inside ``tables/`` (a CSV and its notes file per table) are named by the
    protocol's tables and not listed.
    Kept in step with :func:`write_report` by a test that compares it with what was written."""
    names = ["prisma.png", "prisma.svg", "prisma.csv", "prisma.notes.txt"]
    names += ["included.ris", "included.bib"]
    names += [f"report.{fmt}" for fmt in formats if fmt != "csv"] + ["search-log.md"]
    folders = ["tables"] if "csv" in formats else []
    names += ["agreement.csv", "agreement.notes.txt"] if "csv" in formats else []
    folders += ["evidence-map"] if with_map else []
    names += [f"evidence-map/{name}" for name in map_files(formats)] if with_map else []
    return folders, names


def _check_targets(out_dir: Path, formats: Sequence[str], *, with_map: bool) -> None:
    """Fail before the first file is written when one of the report's files or folders could
    not be (a folder where a file goes, a file where a folder goes, no permission): a report
    stopped halfway left the last run's files mixed with new ones, and said nothing was written.
    A disk that fills up halfway can still stop it."""
    folders, names = report_targets(formats, with_map=with_map)
    for folder in folders:
        outputs.check_folder(out_dir / folder)
    for name in names:
        outputs.check_output(out_dir / name)


def _search_log(project: Project, path: Path) -> Path:
    """The PRISMA-S search log (every run, NCBI's messages, filters cited) beside the report."""
    from reviewkit.searches import search_log

    return outputs.write_text(path, search_log(project.db, project.protocol) + "\n")
