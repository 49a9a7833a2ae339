"""Agreement results written out: the table `reviewkit agreement` prints, its CSV and the
CSV's note, and the include-versus-exclude cells the report's agreement table shows."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reviewkit import outputs, safe_csv
from reviewkit.agreement import INCLUDE_EXCLUDE_RULE, Agreement
from reviewkit.wording import quantity

T = TypeVar("T")


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def to_text(results: list[Agreement]) -> str:
    """A readable report: the counts table and the statistics, per stage and pair."""
    lines = []
    for r in results:
        if not r.compared:
            lines += [f"Stage {r.stage}: {r.note.split(': ', 1)[1]}", ""]
            continue
        lines.append(
            f"Stage {r.stage}: {r.reviewer_a} (rows) vs {r.reviewer_b} (columns), n = {r.n}"
        )
        width = max(10, *(len(c) for c in r.categories)) + 2
        lines.append(
            " " * width + "".join(c.rjust(width) for c in r.categories) + "total".rjust(width)
        )
        for cat, row in zip(r.categories, r.table, strict=True):
            lines.append(
                cat.ljust(width)
                + "".join(str(v).rjust(width) for v in row)
                + str(sum(row)).rjust(width)
            )
        cols = [sum(row[i] for row in r.table) for i in range(len(r.categories))]
        lines.append(
            "total".ljust(width)
            + "".join(str(v).rjust(width) for v in cols)
            + str(r.n).rjust(width)
        )
        if r.n == 0:
            lines.append("  no study was screened by both reviewers")
        else:
            lines.append(f"  percent agreement  {_fmt(r.percent, 1)}%")
            lines.append(f"  Cohen's kappa      {_fmt(r.kappa)}{_interval(r)}")
            lines += _binary_lines(r)
            lines.append(f"  PABAK              {_fmt(r.pabak)}")
        if r.note:
            lines.append(f"  note: {r.note}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _binary_lines(r: Agreement) -> list[str]:
    """Kappa for include versus exclude alone, and how 'uncertain' was taken for it."""
    b = r.binary
    if b is None:
        return []
    if not b.n:
        value = "n/a (no study has an include or exclude vote from both)"
    else:
        value = _fmt(b.kappa) + _interval(b, "one answer throughout from both reviewers")
    lines = [f"  kappa, include vs exclude  {value}"]
    if r.uncertain_pairs:
        studies = quantity(r.uncertain_pairs, "study", "studies")
        lines.append(
            f"    'uncertain' counted as include, as this stage sends it on: {studies}"
            if r.uncertain_as == "include"
            else f"    {studies} with an 'uncertain' vote left out: this stage does not send"
            " 'uncertain' on, so it is neither include nor exclude"
        )
    return lines


def _interval(r: Agreement, undefined: str = "see the note") -> str:
    """What follows kappa: its 95% CI, or why there is none. An undefined kappa (both
    reviewers gave one answer throughout) has no interval to speak of: the note says why."""
    if r.kappa is None:
        return f"  (undefined: {undefined})"
    if r.ci_low is None:
        return f"  (no 95% CI: with agreement of {_fmt(r.percent, 0)}% its standard error is 0)"
    return f"  (95% CI {_fmt(r.ci_low)} to {_fmt(r.ci_high)})"


CSV_COLUMNS = (
    "stage",
    "reviewer_a",
    "reviewer_b",
    "label_a",
    "label_b",
    "count",
    "n",
    "percent_agreement",
    "kappa",
    "kappa_ci_low",
    "kappa_ci_high",
    "pabak",
    # include versus exclude alone, and how 'uncertain' was taken for it: 'include' or 'left out'
    "kappa_include_exclude",
    "kappa_include_exclude_ci_low",
    "kappa_include_exclude_ci_high",
    "uncertain_counted_as",
    "note",  # why kappa is not informative, when one reviewer gave one answer to every study
)


def to_csv(results: list[Agreement]) -> str:
    """One row per cell of each counts table, with the statistics repeated on every row."""
    buf = io.StringIO()
    writer = safe_csv.csv_writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in results:
        stats = [
            r.n,
            _num(r.percent),
            _num(r.kappa),
            _num(r.ci_low),
            _num(r.ci_high),
            _num(r.pabak),
            *include_exclude_cells(r, _num),
            r.uncertain_as,
            r.note,
        ]
        if not r.compared:  # one row saying why there is no table (no reviewer names)
            writer.writerow([r.stage, "", "", "", "", 0, *stats])
            continue
        for i, la in enumerate(r.categories):
            for j, lb in enumerate(r.categories):
                writer.writerow(
                    [r.stage, r.reviewer_a, r.reviewer_b, la, lb, r.table[i][j], *stats]
                )
    return buf.getvalue()


def include_exclude_cells(r: Agreement, num: Callable[[float | None], T]) -> list[T]:
    """Kappa for include versus exclude alone and its 95% CI, each written by ``num``."""
    b = r.binary
    return [num(None)] * 3 if b is None else [num(b.kappa), num(b.ci_low), num(b.ci_high)]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}"


def write_csv(results: list[Agreement], path: Path) -> None:
    outputs.write_text(path, to_csv(results))


CSV_TITLE = "Agreement between reviewers"


def csv_note(results: list[Agreement]) -> str:
    """What the CSV's notes file says beside its title: how its rows are laid out, and each
    stage's note (the same words as its ``note`` column)."""
    layout = (
        "One row per cell of each stage's counts table (label_a given by reviewer_a, label_b by"
        " reviewer_b, count), with the stage's statistics repeated on every row; an empty"
        f" statistic is not computable. kappa_include_exclude is {INCLUDE_EXCLUDE_RULE}"
        " (uncertain_counted_as)."
    )
    # every part of a note names its stage already ('full-text: 1 report not retrieved …')
    notes = list(dict.fromkeys(r.named_note for r in results if r.note))
    return " ".join([layout, *notes])
