"""Write the whole report: tables per label, the evidence map, PRISMA 2020, agreement, exports.

Before screening has ended there are no included studies yet: the tables are written empty
(headers only), and the PRISMA diagram shows the flow so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reviewkit import agreement as agreement_mod
from reviewkit import outputs
from reviewkit.errors import UserError
from reviewkit.evidence import build_map, write_map
from reviewkit.extract import prefill
from reviewkit.project import Project
from reviewkit.reports import prisma
from reviewkit.reports.exporter import SUFFIX, export_to_file
from reviewkit.reports.studies import included_studies
from reviewkit.reports.tables import report_tables
from reviewkit.reports.writers import Table, write_csv, write_docx, write_markdown, write_xlsx

FORMATS = ("csv", "xlsx", "md", "docx")


def agreement_table(project: Project) -> Table:
    """Agreement per stage and reviewer pair: n, percent agreement, kappa with its CI, PABAK."""
    rows = []
    for a in agreement_mod.agreement(project):

        def fmt(v: float | None, digits: int = 3) -> str:
            return "" if v is None else f"{v:.{digits}f}"

        rows.append(
            [
                a.stage,
                a.reviewer_a,
                a.reviewer_b,
                a.n,
                fmt(a.percent, 1),
                fmt(a.kappa),
                f"{fmt(a.ci_low)} to {fmt(a.ci_high)}" if a.kappa is not None else "",
                fmt(a.pabak),
            ]
        )
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
            "95% CI",
            "PABAK",
        ],
        rows,
        "Empty cells: not computable yet.",
    )


def prisma_table(counts: prisma.PrismaCounts) -> Table:
    return Table(
        "prisma",
        "PRISMA 2020 flow: numbers",
        ["Section", "Item", "Count"],
        [list(r) for r in counts.rows()],
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


def write_report(project: Project, out_dir: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write every part of the report into ``out_dir``; returns the files written."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UserError(
            f"unknown report format {unknown[0]!r}", hint=f"formats: {', '.join(FORMATS)}"
        )
    out_dir = outputs.output_folder(out_dir)  # before prefill writes: a bad folder changes nothing
    studies = included_studies(project)
    prefill(project, studies)  # never replaces a value a person gave
    tables = report_tables(project, studies)
    counts = prisma.collect_counts(project)
    problems = prisma.check(counts)
    if problems:
        raise UserError(
            "the PRISMA numbers do not add up: " + "; ".join(problems),
            hint="this is a bug; please report it with the project",
        )
    extra = [agreement_table(project), prisma_table(counts)]
    paths: list[Path] = []
    png = prisma.draw(counts, out_dir / "prisma.png")
    paths += [
        png,
        prisma.draw(counts, out_dir / "prisma.svg"),
        prisma.write_csv(counts, out_dir / "prisma.csv"),
    ]
    images = [("PRISMA 2020 flow diagram", png)]
    pair = evidence_schemes(project)
    if pair:
        emap = build_map(project, pair[0], pair[1], studies)
        map_paths = write_map(project, emap, out_dir / "evidence-map", formats)
        paths += map_paths
        images.append(("Evidence map", out_dir / "evidence-map" / "evidence-map.png"))
        tables_all = [*tables, emap.matrix_table(), *extra]
    else:
        tables_all = [*tables, *extra]
    title = project.protocol.title
    if "csv" in formats:
        paths += write_csv(tables, out_dir / "tables")
        paths += write_csv(extra[:1], out_dir)  # the PRISMA numbers are prisma.csv already
    if "xlsx" in formats:
        paths.append(write_xlsx(tables_all, out_dir / "report.xlsx"))
    if "md" in formats:
        paths.append(write_markdown(tables_all, out_dir / "report.md", title, images))
    if "docx" in formats:
        paths.append(write_docx(tables_all, out_dir / "report.docx", title, images))
    for fmt in ("ris", "bibtex"):
        paths.append(export_to_file(project, studies, fmt, out_dir / f"included{SUFFIX[fmt]}"))
    return paths
