"""The evidence map: one classification scheme against another, each cell with its studies.

A study's labels are those a person confirmed, or else the rules' suggestion (see
:func:`reviewkit.classify.assigned_labels`); the map says how many of its studies rest on
confirmed labels. Outputs: a count matrix and a cell list (CSV, XLSX, Markdown), a bubble chart
(PNG and SVG) and the bipartite study–label graph (GraphML).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from reviewkit import figure_files, outputs
from reviewkit.classify import Assigned, assigned_labels, none_id
from reviewkit.classify.study_labels import studies_of, study_labels
from reviewkit.dedup.merged_fields import filled_records
from reviewkit.dedup.studies import reports_by_study
from reviewkit.errors import UserError, command_line
from reviewkit.project import Project
from reviewkit.protocol import Scheme
from reviewkit.records import Record
from reviewkit.reports.labels import citation_labels
from reviewkit.reports.writers import (
    NOTES_SUFFIX,
    Table,
    write_csv,
    write_markdown,
    write_xlsx,
    xml_text,
)
from reviewkit.store.duplicates import canonical_map
from reviewkit.wording import quantity


@dataclass
class EvidenceMap:
    """Studies per (row label, column label); labels in protocol order, "none" last when used."""

    rows_scheme: Scheme
    cols_scheme: Scheme
    row_labels: list[str]
    col_labels: list[str]
    cells: dict[tuple[str, str], list[int]]
    citations: dict[int, str]
    assigned: dict[str, dict[int, Assigned]] = field(
        default_factory=dict
    )  # scheme id -> study -> labels

    def count(self, row: str, col: str) -> int:
        return len(self.cells.get((row, col), []))

    def name(self, scheme: Scheme, label: str) -> str:
        return scheme.name_of(label)

    @property
    def studies(self) -> list[int]:
        return sorted(self.citations)

    @property
    def confirmed_studies(self) -> int:
        """Studies whose labels in both schemes were confirmed by a person."""
        return sum(
            1
            for rid in self.citations
            if all(
                self.assigned[s][rid].confirmed for s in (self.rows_scheme.id, self.cols_scheme.id)
            )
        )

    @property
    def offered_studies(self) -> int:
        """Studies not confirmed in both schemes whose labels in one rest on a label a person
        confirmed on another report of the study (method 'study')."""
        schemes = (self.rows_scheme.id, self.cols_scheme.id)
        return sum(
            1
            for rid in self.citations
            if not all(self.assigned[s][rid].confirmed for s in schemes)
            and any(
                self.assigned[s][rid].method == "study" and not self.assigned[s][rid].confirmed
                for s in schemes
            )
        )

    def _only_confirmed(self, scheme: Scheme) -> int:
        """Studies with this scheme's label confirmed by a person and the other scheme's on the
        rules' suggestion (not offered from another report: :attr:`offered_studies`)."""
        other = self.cols_scheme if scheme is self.rows_scheme else self.rows_scheme
        return sum(
            1
            for rid in self.citations
            if self.assigned[scheme.id][rid].confirmed
            and not self.assigned[other.id][rid].confirmed
            and self.assigned[other.id][rid].method != "study"
        )

    def note(self) -> str:
        if not self.citations:
            return "No study has been included yet: the map fills as studies are included."
        offered = self.offered_studies
        parts = [f"{self.confirmed_studies} with both labels confirmed by a reviewer"]
        if offered:
            parts.append(f"{offered} on a label confirmed on another report of the study")
        # a scheme confirmed before the other is named: a map of 15 studies whose model type a
        # lead had confirmed, each one, said "0 with both labels confirmed by a reviewer, the
        # others on the rules' suggestions", as if no label of theirs had been checked
        partial = 0
        for scheme in (self.rows_scheme, self.cols_scheme):
            if only := self._only_confirmed(scheme):
                parts.append(f"{only} with only their {scheme.name} label confirmed")
                partial += only
        # "the others" only when there are others: a map of confirmed studies said "13 with both
        # labels confirmed by a reviewer, the others on the rules' suggestions" of 13 studies
        if len(self.citations) > self.confirmed_studies + offered + partial:
            parts.append("the others on the rules' suggestions")
        return f"{quantity(len(self.citations), 'study')}; " + ", ".join(parts) + "."

    def studies_in(self, row: str | None = None, col: str | None = None) -> int:
        """Distinct studies in a row, a column (or, with neither, the whole map): a margin of
        the matrix. A study in two cells of a row (two labels of the other scheme, or a tie)
        counts once, so the totals are studies, not cells (a crosstab's margins count rows)."""
        return len(
            {
                rid
                for (r, c), ids in self.cells.items()
                if row in (None, r) and col in (None, c)
                for rid in ids
            }
        )

    def cells_note(self) -> str:
        """When the cells add up to more than the studies, both numbers and why ('' else)."""
        cells = sum(len(ids) for ids in self.cells.values())
        studies = self.studies_in()
        if cells <= studies:
            return ""
        return (
            f"The cells add up to {cells} for {quantity(studies, 'study')}: a study with several"
            " labels (or a tie not yet confirmed) counts in each of its cells; the totals count"
            " each study once."
        )

    def notes(self) -> str:
        """Every note of the map in one paragraph: what is counted, and cells vs studies."""
        return f"{self.note()} {self.cells_note()}".strip()

    def matrix_table(self) -> Table:
        cols = [self.name(self.cols_scheme, c) for c in self.col_labels]
        rows = []
        for r in self.row_labels:
            counts = [self.count(r, c) for c in self.col_labels]
            rows.append([self.name(self.rows_scheme, r), *counts, self.studies_in(row=r)])
        totals = [self.studies_in(col=c) for c in self.col_labels]
        rows.append(["Total", *totals, self.studies_in()])
        return Table(
            "evidence-map",
            f"Evidence map: {self.rows_scheme.name} × {self.cols_scheme.name}",
            [f"{self.rows_scheme.name} \\ {self.cols_scheme.name}", *cols, "Total"],
            rows,
            self.notes(),
            sheet="Evidence map",
            total_row=True,
        )

    def cells_table(self) -> Table:
        """A row per filled cell: the two labels' ids (for a program) and names (the matrix's
        words, for a reader), the count, and the studies in the order of their labels (a
        reference list's: "Ofei-Dodoo et al. (2021a)" before "(2021b)") with their record ids
        in the same order."""
        rows = []
        for r in self.row_labels:
            for c in self.col_labels:
                ids = sorted(
                    self.cells.get((r, c), []), key=lambda i: (self.citations[i].casefold(), i)
                )
                if ids:
                    rows.append(
                        [
                            r,
                            c,
                            self.name(self.rows_scheme, r),
                            self.name(self.cols_scheme, c),
                            len(ids),
                            "; ".join(self.citations[i] for i in ids),
                            " ".join(map(str, ids)),
                        ]
                    )
        ids = [self.rows_scheme.id, self.cols_scheme.id]
        names = [s.name if s.name not in ids else f"{s.name} (name)" for s in self._schemes]
        return Table(
            "evidence-map-cells",
            "Evidence map: studies per cell",
            [*ids, *names, "count", "studies", "record_ids"],
            rows,
            self.notes(),
            sheet="Studies per cell",
        )

    @property
    def _schemes(self) -> tuple[Scheme, Scheme]:
        return self.rows_scheme, self.cols_scheme


def build_map(
    project: Project,
    rows_scheme: str,
    cols_scheme: str,
    record_ids: Iterable[int],
    *,
    records: Mapping[int, Record] | None = None,
    reports: Mapping[int, Sequence[int]] | None = None,
    labels: Mapping[int, str] | None = None,
) -> EvidenceMap:
    """The evidence map of the given studies (canonical ids); ``records``: their records when
    the caller has read them already; ``reports``: study -> its reports among ``record_ids``
    (the snapshot's grouping; None: read from the confirmed study links), so a study of several
    reports counts once, under its own id, with its reports' labels together
    (:mod:`reviewkit.classify.study_labels`); ``labels``: study -> its label told apart over
    the whole report (the snapshot's; None: among these studies)."""
    proto = project.protocol
    rs, cs = proto.scheme(rows_scheme), proto.scheme(cols_scheme)
    if rs.id == cs.id:
        # A scheme against itself fills only the diagonal (a multi-label study adds cells off
        # it): a user who asks for it wants the studies per label, which the map does not show
        others = [s for s in proto.schemes if s != rs.id]
        raise UserError(
            f"--rows and --cols both name the scheme {rs.id!r}: an evidence map crosses two"
            " schemes, and a scheme against itself would only fill its diagonal",
            where=str(proto.path),
            hint=(
                f"pass another scheme to --cols ({', '.join(others)})"
                if others
                else "the protocol has one scheme: add a second [schemes.ID] to cross it with"
            )
            + f"; '{command_line(f'classify --scheme {rs.id}')}' prints the studies per label",
        )
    ids = sorted(set(record_ids))
    if reports is None:  # a caller without a snapshot (`evidence-map --all`): the same grouping
        reports = reports_by_study(project.db, canonical_map(project.db), ids)
    studies = studies_of(ids, reports)
    if records is None:
        records = filled_records(project.db, ids)  # as the report reads them
    assigned = {}
    for scheme in (rs, cs):
        by_report = assigned_labels(project, scheme.id, ids)
        assigned[scheme.id] = {
            s: study_labels(by_report, reps, none_id(scheme)) for s, reps in studies.items()
        }
    cells: dict[tuple[str, str], list[int]] = {}
    for rid in sorted(studies):
        for r in assigned[rs.id][rid].labels:
            for c in assigned[cs.id][rid].labels:
                cells.setdefault((r, c), []).append(rid)

    def order(scheme: Scheme, axis: int) -> list[str]:
        labels = [lab.id for lab in scheme.labels]
        extra = sorted({key[axis] for key in cells} - set(labels))
        return labels + extra

    return EvidenceMap(
        rs,
        cs,
        order(rs, 0),
        order(cs, 1),
        cells,
        _citations(records, studies, labels),
        assigned,
    )


def _citations(
    records: Mapping[int, Record],
    studies: Mapping[int, Sequence[int]],
    labels: Mapping[int, str] | None = None,
) -> dict[int, str]:
    """Study -> 'Surname et al. (Year)', told apart as the report tables tell them
    ('2019a', :func:`reviewkit.reports.labels.citation_labels`); a study of several reports
    adds how many."""
    labels = citation_labels(records, studies) if labels is None else labels
    return {
        s: labels[s] if len(reps) == 1 else f"{labels[s]} [{len(reps)} reports]"
        for s, reps in studies.items()
    }


def study_label_graph(
    project: Project,
    scheme_ids: Sequence[str],
    record_ids: Iterable[int],
    *,
    records: Mapping[int, Record] | None = None,
    assigned: Mapping[str, Mapping[int, Assigned]] | None = None,
    citations: Mapping[int, str] | None = None,
) -> nx.Graph:
    """Bipartite graph: study nodes (bipartite=0) linked to label nodes (bipartite=1) of each scheme.

    ``assigned``: scheme id -> study -> labels, when the caller has them (an evidence map's,
    with the labels of a study's several reports together); ``citations``: study -> its label
    (the map's), else the studies' labels told apart among ``record_ids``."""
    ids = sorted(set(record_ids))
    if records is None:
        records = filled_records(project.db, ids)  # as the report reads them
    if citations is None:
        citations = citation_labels(records, ids)
    g = nx.Graph()
    for rid in ids:
        rec = records[rid]
        g.add_node(
            f"study:{rid}",
            bipartite=0,
            kind="study",
            record_id=rid,
            citation=xml_text(citations[rid]),  # GraphML is XML: no control character
            title=xml_text(rec.title),
            year=rec.year or 0,
        )
    for sid in scheme_ids:
        scheme = project.protocol.scheme(sid)
        given = assigned.get(sid) if assigned else None
        for rid, a in (given or assigned_labels(project, sid, ids)).items():
            for lab in a.labels:
                node = f"label:{sid}:{lab}"
                if node not in g:
                    name = scheme.name_of(lab)
                    g.add_node(node, bipartite=1, kind="label", scheme=sid, label=lab, name=name)
                g.add_edge(
                    f"study:{rid}",
                    node,
                    scheme=sid,
                    status=a.status,
                )
    return g


# Column-label styles tried in turn: (font size in points, rotation in degrees). Horizontal
# labels read best, so smaller type comes first; when the longest word of a label does not fit
# its column even at 6.5 pt (ten columns of "Musculoskeletal ..." on an A4 page), the labels
# stand upright, where a column's width limits only the lines, not the words.
_COL_STYLES = ((8.0, 0), (7.0, 0), (6.5, 0), (7.0, 90))
# The width of an average character of the default sans-serif font (DejaVu Sans), in ems: to
# turn a column's width into a wrap width. Measured below, so an estimate that is off only
# moves to the next style.
_EM_PER_CHAR = 0.6
_ROW_WRAP = 26  # row labels: characters per line (the rows have the page's height to grow)
_UPRIGHT_WRAP = 22  # upright column labels: characters per line (the label area's height)
_LABEL_GAP_PT = 3.0  # the least white space between two neighbouring column labels


def draw_map(emap: EvidenceMap, path: Path) -> Path:
    """Bubble chart of the matrix (area ∝ count, count printed), A4 width; format from the suffix."""
    return figure_files.save_figure(map_figure(emap), path, title="Evidence map")


def map_figure(emap: EvidenceMap) -> Any:
    """The bubble chart as a matplotlib figure, its column labels fitted (see
    :func:`_fit_column_labels`) so that no two overlap, at any number of columns."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows, cols = emap.row_labels, emap.col_labels
    height = max(3.5, 1.2 + 0.55 * len(rows))
    fig, ax = plt.subplots(figsize=(8.27, height), dpi=150)
    biggest = max([emap.count(r, c) for r in rows for c in cols] + [1])
    for y, r in enumerate(rows):
        for x, c in enumerate(cols):
            n = emap.count(r, c)
            if n:
                ax.scatter(
                    x,
                    y,
                    s=120 + 1100 * n / biggest,
                    color="#4C78A8",
                    alpha=0.75,
                    edgecolors="#1F3B5A",
                )
                ax.annotate(
                    str(n),
                    (x, y),
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=9,
                    fontweight="bold",
                )
    ax.set_xticks(range(len(cols)))
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(
        [
            textwrap.fill(emap.name(emap.rows_scheme, r), _ROW_WRAP, break_long_words=False)
            for r in rows
        ],
        fontsize=8,
    )
    ax.set_xlim(-0.6, len(cols) - 0.4)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(True, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(emap.cols_scheme.name, fontsize=9)
    ax.set_ylabel(emap.rows_scheme.name, fontsize=9)
    ax.set_title(f"Evidence map ({quantity(len(emap.citations), 'study')})", fontsize=10)
    note = emap.cells_note()
    if note:  # the figure travels alone: it says why its bubbles add up to more than the title
        fig.text(0.01, 0.01, textwrap.fill(note, 150), fontsize=6.5, va="bottom", ha="left")
    rect = (0, 0.05 if note else 0, 1, 1)
    _fit_column_labels(fig, ax, [emap.name(emap.cols_scheme, c) for c in cols], rect)
    return fig


def _fit_column_labels(fig: Any, ax: Any, names: list[str], rect: tuple[float, ...]) -> None:
    """Give the column labels the first style of :data:`_COL_STYLES` in which, wrapped to their
    column's width, they are drawn side by side without touching (measured on the renderer);
    the last style (upright) is kept when none fits."""
    renderer = fig.canvas.get_renderer()
    for fontsize, rotation in _COL_STYLES:
        fig.tight_layout(rect=rect)
        column_pt = ax.get_window_extent(renderer).width / len(names) * 72 / fig.dpi
        width = _UPRIGHT_WRAP if rotation else int(column_pt / (fontsize * _EM_PER_CHAR))
        labels = [textwrap.fill(n, max(width, 1), break_long_words=False) for n in names]
        ax.set_xticklabels(labels, fontsize=fontsize, rotation=rotation)
        fig.tight_layout(rect=rect)
        if rotation or _apart(ax.get_xticklabels(), renderer, fig.dpi):
            return


def _apart(texts: Sequence[Any], renderer: Any, dpi: float) -> bool:
    """Whether neighbouring texts, left to right, leave at least the gap between them."""
    gap = _LABEL_GAP_PT * dpi / 72
    boxes = [t.get_window_extent(renderer) for t in texts]
    return all(a.x1 + gap <= b.x0 for a, b in zip(boxes, boxes[1:], strict=False))


def map_files(formats: Sequence[str] = ("csv", "xlsx", "md")) -> list[str]:
    """The names of the files :func:`write_map` writes in ``formats`` (checked before the first
    is written, so that a folder in the place of one does not leave the others replaced)."""
    names = ["evidence-map.csv", "evidence-map-cells.csv"] if "csv" in formats else []
    names += [n.replace(".csv", NOTES_SUFFIX) for n in names]
    names += [f"evidence-map.{fmt}" for fmt in ("xlsx", "md") if fmt in formats]
    return [*names, "evidence-map.png", "evidence-map.svg", "study-labels.graphml"]


def write_map(
    project: Project,
    emap: EvidenceMap,
    out_dir: Path,
    formats: Sequence[str] = ("csv", "xlsx", "md"),
    *,
    records: Mapping[int, Record] | None = None,
) -> list[Path]:
    """Write the map as tables (in ``formats``), PNG, SVG and GraphML into ``out_dir``."""
    for name in map_files(formats):
        outputs.check_output(out_dir / name)
    outputs.output_folder(out_dir)
    tables = [emap.matrix_table(), emap.cells_table()]
    paths: list[Path] = []
    if "csv" in formats:
        paths += write_csv(tables, out_dir)
    if "xlsx" in formats:
        paths.append(write_xlsx(tables, out_dir / "evidence-map.xlsx"))
    if "md" in formats:
        paths.append(write_markdown(tables, out_dir / "evidence-map.md"))
    paths.append(draw_map(emap, out_dir / "evidence-map.png"))
    paths.append(draw_map(emap, out_dir / "evidence-map.svg"))
    schemes = [emap.rows_scheme.id, emap.cols_scheme.id]
    graph = study_label_graph(
        project,
        schemes,
        emap.studies,
        records=records,
        assigned=emap.assigned,
        citations=emap.citations,
    )
    graphml = out_dir / "study-labels.graphml"
    with outputs.atomic_path(graphml) as tmp:
        nx.write_graphml(graph, tmp)
    paths.append(graphml)
    return paths
