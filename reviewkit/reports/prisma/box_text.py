"""What each box of the PRISMA 2020 flow diagram says: the lines of every cell, row by row.

:func:`box_rows` gives the diagram's rows as (phase, cells), one cell per column, each a list of
lines (a line indented under its heading line); :mod:`.layout` wraps and places them and
:mod:`.figure` draws them. The words are the template's (Page et al. 2021, BMJ 372:n71, fig. 1);
where reviewkit adds a line (awaiting a decision, automatically / by hand, the lines under an
update's previous version) the docstrings below say why.
"""

from __future__ import annotations

from reviewkit.reports.prisma.counts import PrismaCounts
from reviewkit.reports.prisma.methods import Flow

NBSP = "\u00a0"


DATABASES_HEADING = "Identification of studies via databases and registers"


OTHER_HEADING = "Identification of studies via other methods"


# the update template's headings: its flow identifies *new* studies, and a column on the left,
# "Previous studies", holds the previous version's box (grey, as other methods' heading)
NEW_DATABASES_HEADING = "Identification of new studies via databases and registers"


NEW_OTHER_HEADING = "Identification of new studies via other methods"


PREVIOUS_HEADING = "Previous studies"


# The line under every PRISMA 2020 flow diagram template (Page et al. 2021, fig. 1 and the
# templates at prisma-statement.org), which a review keeps under its own diagram: the source
# of the template, with its licence's attribution (CC BY 4.0)
TEMPLATE_SOURCE = (
    "From: Page MJ, McKenzie JE, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD, et al. The"
    " PRISMA 2020 statement: an updated guideline for reporting systematic reviews."
    " BMJ 2021;372:n71. doi: 10.1136/bmj.n71. For more information, visit:"
    " http://www.prisma-statement.org/"
)


def _n(value: int) -> str:
    """'(n = 5)' that never breaks across lines."""
    return f"(n{NBSP}={NBSP}{value})"


def _reasons(c: PrismaCounts, reasons: dict[str, int]) -> list[str]:
    return [
        f"  {c.reason_label(k)} {_n(v)}"
        for k, v in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _database_lines(c: PrismaCounts) -> list[str]:
    """A line per database, each followed by the stored searches run in it and, beside them,
    the records imported from files into it (so the lines under a database add up to it)."""
    db_of = {s: c.search_databases.get(s, "").casefold() for s in c.searches}
    files = c.imported_beside_searches()
    lines: list[str] = []
    for name, n in c.databases.items():
        lines.append(f"  {name} {_n(n)}")
        lines += [
            f"    search {s} {_n(v)}" for s, v in c.searches.items() if db_of[s] == name.casefold()
        ]
        if files.get(name):
            lines.append(f"    imported files {_n(files[name])}")
    known = {name.casefold() for name in c.databases}
    lines += [f"    search {s} {_n(v)}" for s, v in c.searches.items() if db_of[s] not in known]
    return lines


Cell = list[str] | None


Row = tuple[str, list[Cell]]  # (phase, one cell per column)


def _excluded(c: PrismaCounts, f: Flow) -> tuple[list[str], list[str]]:
    """The excluded boxes of a column: at title/abstract, and at full text."""
    return (
        _excluded_box(c, "Records", f.excluded_screening, f.awaiting_screening),
        _excluded_box(c, "Reports", f.excluded_full_text, f.awaiting_full_text),
    )


def _excluded_box(c: PrismaCounts, what: str, reasons: dict[str, int], awaiting: int) -> list[str]:
    """'Records excluded (n = 7):' with a line per reason, and those awaiting a decision."""
    box = [f"{what} excluded {_n(sum(reasons.values()))}" + (":" if reasons else "")]
    box += _reasons(c, reasons)
    if awaiting:
        box.append(f"Awaiting a decision {_n(awaiting)}")
    return box


def _flow_rows(c: PrismaCounts, f: Flow) -> list[tuple[str, list[str], list[str]]]:
    """(phase, main box, box beside it) from records screened down to reports assessed."""
    excl, ft_excl = _excluded(c, f)
    return [
        ("Screening", [f"Records screened {_n(f.screened)}"], excl),
        (
            "Screening",
            [f"Reports sought for retrieval {_n(f.sought)}"],
            [f"Reports not retrieved {_n(f.not_retrieved)}"],
        ),
        ("Screening", [f"Reports assessed for eligibility {_n(f.assessed)}"], ft_excl),
    ]


def box_rows(c: PrismaCounts) -> list[Row]:
    """(phase, cells) per row of the diagram: two columns (the flow and the boxes beside it),
    or four when there are other methods (PRISMA 2020's second column, its own two); in an
    update, a last cell for the "Previous studies" column (its one box, in the first row)."""
    databases, other = c.columns()
    # an update's flow counts only the records stored since its version (see .update)
    since = f" since version {c.version}" if c.update else ""
    ident = [f"Records identified{since} from:", *_database_lines(c)]
    if not c.databases and not c.other_sources:
        ident.append("  no records yet (n = 0)")
    ident.append(f"Total {_n(sum(c.databases.values()))}" if other else f"Total {_n(c.identified)}")
    # the template's three lines; reviewkit's dedup (rules, then persons) is the only removal
    removed = ["Records removed before screening:"]
    removed.append(f"  Duplicate records removed {_n(databases.duplicates)}")
    if other is None:  # the split is of all duplicates; prisma.csv has it in both layouts
        removed += [
            f"    automatically {_n(c.duplicates_automatic)}",
            f"    by hand {_n(c.duplicates_manual)}",
        ]
    removed += [
        f"  Records marked as ineligible by automation tools {_n(0)}",
        f"  Records removed for other reasons {_n(0)}",
    ]
    flow = _flow_rows(c, databases)
    if other is None:
        rows: list[Row] = [("Identification", [ident, removed])]
        rows += [(phase, [main, side]) for phase, main, side in flow]
    else:
        other_ident = [f"Records identified{since} from:"]
        other_ident += [f"  {k} {_n(v)}" for k, v in c.other_sources.items()]
        other_ident.append(f"Total {_n(sum(c.other_sources.values()))}")
        other_removed = [
            "Records removed before screening:",
            f"  Already identified via databases and registers {_n(other.also_in_databases)}",
            # an update's record of a study found before its version (also by other methods)
            *([f"  Identified before version {c.version} {_n(other.found_before)}"] * c.update),
            f"  Duplicate records removed {_n(other.duplicates)}",
        ]
        rows = [("Identification", [ident, removed, other_ident, other_removed])]
        rows += [
            (phase, [main, side, o_main, o_side])
            for (phase, main, side), (_, o_main, o_side) in zip(
                flow, _flow_rows(c, other), strict=True
            )
        ]
    width = len(rows[0][1])
    rows += [(p, [*cells, *[None] * width][:width]) for p, cells in _included_rows(c)]
    if c.update:  # the template's "Previous studies" column: its box beside identification
        rows = [
            (p, [*cells, _previous(c) if i == 0 else None]) for i, (p, cells) in enumerate(rows)
        ]
    return rows


def _included_rows(c: PrismaCounts) -> list[tuple[str, list[Cell]]]:
    """The included boxes: one for every source, as in the template (both columns end in it);
    in an update the new studies, then the total (the previous version's box points into it).
    Each box says studies, then the reports of those studies, as every template does (with
    no reports linked into studies each study is one report: both lines give one number)."""
    linked = c.studies_included is not None
    total = [
        f"{'Total s' if c.update else 'S'}tudies included in review "
        + _n(c.studies_included if linked else c.included),
        f"Reports of {'total ' if c.update else ''}included studies {_n(c.included)}",
    ]
    if not c.update:
        return [("Included", [total])]
    new = [
        f"New studies included in review {_n(c.new_studies if linked else c.flow.included)}",
        f"Reports of new included studies {_n(c.flow.included)}",
    ]
    if c.new_reports_of_earlier:
        new.append(
            f"  of which new reports of studies included before {_n(c.new_reports_of_earlier)}"
        )
    return [("Included", [new]), ("Included", [total])]


def _previous(c: PrismaCounts) -> list[str]:
    """The update's "Previous studies" box: the counts recorded with the version (studies, and
    their reports, as the template has both), and lines for what changed since."""
    # the studies as recorded with the version (a version records them however its reports
    # are linked now; counts made by hand may give only the reports)
    studies = c.previous_studies or c.previous_included
    box = [
        f"Studies included in previous version of review {_n(studies)}",
        f"Reports of studies included in previous version of review {_n(c.previous_included)}",
    ]
    if c.studies_included is None:  # a study is a report now: one line each says it
        return [
            *box,
            *_still(c.previous_included, c.still_included, "studies"),
            *_since(c.since_included, "studies"),
        ]
    return [
        *box,
        *_still(c.previous_studies, c.still_studies, "studies"),
        *_still(c.previous_included, c.still_included, "reports"),
        *_since(c.since_studies, "studies"),
        *_since(c.since_included, "reports"),
    ]


def _since(n: int, what: str) -> list[str]:
    """A line under the previous version's box for the studies of its records that it did not
    include (still being screened then) and that are included now: in the total, not the flow."""
    return [f"  {what} of its records included since {_n(n)}"] if n else []


def _still(recorded: int, now: int, what: str) -> list[str]:
    """A line under the previous version's box when some of its studies are no longer included
    (excluded or merged since it was recorded): the recorded count stays PRISMA's number."""
    return [] if recorded == now else [f"  of these {what} still included {_n(now)}"]
