"""The review queue as a spreadsheet: write the open pairs, read the settled ones back.

:func:`write_queue_csv` writes one row per open pair with both records' fields side by side
and an empty ``verdict`` column. A reviewer fills it with ``same`` or ``different`` (rows
left empty stay in the queue) and :func:`read_queue_csv` reads the file back: every row is
checked first (file, line, what is wrong), then all verdicts are written in one transaction
under the reviewer's name, as if given in ``dedup review``, as one action (``z`` there undoes
the sheet's verdicts together); a merge that a person's
'different' forbids, or a 'different' the file's own 'same' rows contradict, is refused with
its lines, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from reviewkit import outputs, sheet_columns
from reviewkit.dedup.follow_ups import FOLLOWS, action_tag, closing_rows
from reviewkit.dedup.pair_queue import PAIR_FIELDS, questions, record_type, review_queue
from reviewkit.dedup.review import person_id
from reviewkit.errors import UserError, command_line, no_record_text
from reviewkit.formats.filled_sheet import sheet_rows
from reviewkit.formats.read_warnings import ReadWarning, said_first
from reviewkit.records import Record
from reviewkit.shared_path import shared_path
from reviewkit.sheet_titles import refuse_other_title
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store
from reviewkit.wording import numbered

# guard_reason: why the chaining guard held back a merge the rule wanted ('' for other rules)
PAIR_COLUMNS = sheet_columns.QUEUE_SHEET_COLUMNS
VERDICT_WORDS = {
    "same": "duplicate",
    "duplicate": "duplicate",
    "different": "not_duplicate",
    "not_duplicate": "not_duplicate",
}
# the columns read back, which find the sheet's header row (below a title a person typed)
_NEEDED = ("record_a", "record_b", "verdict")


# the sheet's fields of each record: the screen's, the journal's abbreviation beside its name
# (the screen shows both in one cell, 'Journal of … (J Occup Rehabil)': a record that gives
# only the abbreviation, as MEDLINE's TA or an RIS JO does, is told from another journal by it)
# and the record's type (a person settling a meeting abstract against its article, or a letter
# against its reply, needs to see it). The sheet is read back by its record_a, record_b,
# verdict and title columns alone, so a sheet written before these columns reads as well.
_AT_JOURNAL = PAIR_FIELDS.index("journal") + 1
SHEET_FIELDS = (
    *PAIR_FIELDS[:_AT_JOURNAL],
    "journal_abbreviation",
    *PAIR_FIELDS[_AT_JOURNAL:],
    "type",
)


def _value(rec: Record, name: str, folder: Path) -> str:
    if name == "type":
        return record_type(rec)
    if name == "origin":  # the sheet is shared: no importer's own path
        return shared_path(rec.origin, folder)
    value = getattr(rec, name)
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def write_queue_csv(db: Store, path: Path, folder: Path) -> int:
    """Write the open questions, one pair each (:func:`~reviewkit.dedup.pair_queue.questions`,
    strongest first), with both records' fields; returns the count. An imported file is named
    from the project's ``folder``, or by its name when it lies elsewhere
    (:func:`~reviewkit.shared_path.shared_path`)."""
    queue = questions(review_queue(db))
    recs = record_rows.get_records(db, [x for q in queue for x in (q.a, q.b)])
    header = [*PAIR_COLUMNS, *(f"a_{f}" for f in SHEET_FIELDS), *(f"b_{f}" for f in SHEET_FIELDS)]
    rows = (
        [
            q.a,
            q.b,
            "" if q.score is None else f"{q.score:.2f}",
            q.rule,
            "",
            q.guard,
            *(_value(recs[q.a], f, folder) for f in SHEET_FIELDS),
            *(_value(recs[q.b], f, folder) for f in SHEET_FIELDS),
        ]
        for q in queue
    )
    outputs.write_csv(path, header, rows)  # atomic; formula-looking titles neutralised
    return len(queue)


@dataclass
class CsvVerdicts:
    applied: int  # verdicts written
    left_open: int  # rows without a verdict
    already_settled: int  # rows whose pair is no longer in the queue (settled since)
    followed: int = 0  # other open pairs closed as following from a 'different'
    # settled rows whose verdict the database now contradicts: (line, a, b, the row's verdict)
    disagreed: list[tuple[int, int, int, str]] = field(default_factory=list)
    warnings: tuple[ReadWarning, ...] = ()  # of reading the sheet (its header below titles)


def _rows(
    path: Path,
) -> tuple[list[tuple[int, int, int, str]], dict[int, dict[int, str]], tuple[ReadWarning, ...]]:
    """(line, a, b, verdict or '') of every row, checked (a UserError on the first bad one),
    the titles the sheet shows by line (record id -> its a_title or b_title cell), and the
    warnings of reading it."""
    # read as every CSV sheet is (formats.csv_read), or the .xlsx Excel saves it as:
    # errors name their lines (a workbook's: its rows)
    # a spreadsheet's error value refused in the columns read back, not in the records' fields
    # shown beside them (a title the project holds as '#NAME?', from a RIS file)
    found = sheet_rows(path, "the queue's rows", _NEEDED, filled=_NEEDED.__contains__)
    with found.refusing():  # the sheet's warnings said before a refusal
        fieldnames, reader = found.header, found.rows
        missing = [c for c in _NEEDED if c not in fieldnames]
        if missing:
            raise UserError(
                f"missing {numbered('column', missing)}",
                where=f"{path}:{found.header_line}",
                hint=found.hint(
                    "the queue's rows",
                    "read back the file 'dedup review --csv' wrote, with its header",
                ),
            )
        out, titles = [], {}
        for line, row in reader:
            word = (row.get("verdict") or "").strip().lower()
            if word and word not in VERDICT_WORDS:
                raise UserError(
                    f"verdict {word!r} is not 'same' or 'different'",
                    where=f"{path}:{line}",
                    hint="write same, different, or leave the cell empty",
                )
            try:
                a, b = int(row.get("record_a", "")), int(row.get("record_b", ""))
            except (TypeError, ValueError):
                raise UserError(
                    "record_a and record_b must be record ids",
                    where=f"{path}:{line}",
                    hint="keep the ids as 'dedup review --csv' wrote them (whole numbers);"
                    " nothing was written",
                ) from None
            out.append((line, a, b, VERDICT_WORDS.get(word, "")))
            titles[line] = {
                x: row[f"{s}_title"] for x, s in ((a, "a"), (b, "b")) if f"{s}_title" in row
            }
        _refuse_conflicts(out, path)
    return out, titles, found.warnings


def _refuse_conflicts(rows: list[tuple[int, int, int, str]], path: Path) -> None:
    """Refuse a pair given two different verdicts (rows copied in a spreadsheet, in either
    order of the records): which one the reviewer meant cannot be guessed."""
    first: dict[tuple[int, int], tuple[int, str]] = {}
    for line, a, b, verdict in rows:
        if not verdict:
            continue
        key = (min(a, b), max(a, b))
        seen = first.setdefault(key, (line, verdict))
        if seen[1] != verdict:
            raise UserError(
                f"records {a} and {b} are 'same' here but 'different' on line {seen[0]}"
                if verdict == "duplicate"
                else f"records {a} and {b} are 'different' here but 'same' on line {seen[0]}",
                where=f"{path}:{line}",
                hint="keep one verdict per pair (delete or empty the other row); nothing was written",
            )


def read_queue_csv(db: Store, path: Path, person: str) -> CsvVerdicts:
    """Write the verdicts of a filled-in queue CSV as ``person``'s, all or nothing.

    The file is judged as a whole, in any row order: its 'same' rows are joined first, and
    a 'different' (the file's or a person's before it) between two records those joins put in
    one cluster is refused, naming the rows. A 'different' closes the open pairs between the
    two clusters (as in ``dedup review``) unless the file gives such a pair its own verdict.
    """
    made_by = person_id(person)
    rows, said = _checked_rows(db, path)
    # judged and written under the write lock: another reviewer's verdicts cannot come in
    # between reading the queue and writing the file's verdicts (two terminals, one project);
    # the sheet's warnings said before a refusal naming a line
    with said_first(said), db.transaction():
        before = links.canonical_map(db)
        open_pairs, result, todo = _sorted_rows(db, before, rows)
        after = _joined(before, todo)
        _refuse_split_differents(db, before, after, todo, path)
        between = _open_between(db, after, open_pairs, todo)
        tag = action_tag()  # the sheet is one action: undo takes its verdicts back together
        for (a, b), (_line, verdict) in todo.items():
            links.add_link(db, a, b, verdict, made_by=made_by, reason=f"review csv {tag}")
            result.applied += 1
            if verdict == "not_duplicate":  # closes the other pairs between the clusters
                closed = between.pop(frozenset((after[a], after[b])), [])
                result.followed += links.add_links(db, closing_rows(closed, a, b, made_by, tag))
        # pairs the file's merges put between clusters a person said differ before it
        for lk in links.current_links(db, "not_duplicate"):
            x, y = lk.record_a, lk.record_b
            if lk.person and not lk.reason.startswith(FOLLOWS):
                closed = between.pop(frozenset((after[x], after[y])), [])
                result.followed += links.add_links(db, closing_rows(closed, x, y, made_by, tag))
    result.warnings = said
    return result


def _checked_rows(
    db: Store, path: Path
) -> tuple[list[tuple[int, int, int, str]], tuple[ReadWarning, ...]]:
    """:func:`_rows` and its warnings, each record id checked to name a record, and the title
    the sheet shows for it to be that record's (:func:`_refuse_other_titles`)."""
    rows, titles, said = _rows(path)
    with said_first(said):  # said before a refusal naming a line
        known = record_rows.get_records(db, [x for _l, a, b, _v in rows for x in (a, b)])
        for line, a, b, _v in rows:
            missing = [x for x in (a, b) if x not in known]
            if missing or a == b:
                if missing:
                    what = no_record_text(missing)
                    hint = f"keep the record ids '{command_line('dedup review --csv')}' wrote in this sheet"
                else:
                    what, hint = "a pair of one record", "a record is not paired with itself"
                raise UserError(what, where=f"{path}:{line}", hint=hint)
        _refuse_other_titles(titles, known, path)
    return rows, said


def _refuse_other_titles(
    titles: dict[int, dict[int, str]], known: dict[int, Record], path: Path
) -> None:
    """Refuse a sheet whose a_title or b_title is another record's than the id beside it
    (:mod:`reviewkit.sheet_titles`; a 'same' would merge two records nobody compared). A sheet
    without the title columns is not checked (columns may be deleted)."""
    for line, shown in titles.items():
        for rid, cell in shown.items():
            refuse_other_title(
                rid,
                cell,
                known[rid].title,
                f"{path}:{line}",
                f"write this project's sheet with '{command_line('dedup review --csv FILE')}' and fill"
                " that one",
            )


def _sorted_rows(
    db: Store, before: dict[int, int], rows: list[tuple[int, int, int, str]]
) -> tuple[set[tuple[int, int]], CsvVerdicts, dict[tuple[int, int], tuple[int, str]]]:
    """The open pairs, the counts so far, and the rows to write (pair -> (line, verdict), the
    first row of a pair): rows left empty and pairs settled since the sheet are counted."""
    open_pairs = {(q.a, q.b) for q in review_queue(db, before)}
    result = CsvVerdicts(0, 0, 0)
    todo: dict[tuple[int, int], tuple[int, str]] = {}
    for line, a, b, verdict in rows:
        key = (min(a, b), max(a, b))
        if not verdict:
            result.left_open += 1
        elif key not in open_pairs:
            result.already_settled += 1
            # settled since the sheet was written, maybe the other way (another reviewer's
            # 'different' on the cluster): kept as settled, but the reviewer is told
            if (verdict == "duplicate") != (before[a] == before[b]):
                result.disagreed.append((line, a, b, verdict))
        elif key not in todo:
            todo[key] = (line, verdict)
        # a repeated row (same verdict: _rows refused a different one) is not written twice
    return open_pairs, result, todo


def sheet_merges(db: Store, path: Path) -> tuple[dict[int, int], list[int]]:
    """The clusters once a filled-in sheet is read (record -> cluster id; the ids tell
    clusters apart only) and the records of its 'same' rows, nothing written: what those rows
    would change in screening is shown before the sheet is read
    (:func:`reviewkit.dedup.effects.clusters_effect`)."""
    rows, _ = _checked_rows(db, path)  # its warnings are said once, by read_queue_csv
    before = links.canonical_map(db)
    todo = _sorted_rows(db, before, rows)[2]
    joined = sorted({x for pair, (_l, v) in todo.items() if v == "duplicate" for x in pair})
    return _joined(before, todo), joined


def _open_between(
    db: Store,
    after: dict[int, int],
    open_pairs: set[tuple[int, int]],
    todo: dict[tuple[int, int], tuple[int, str]],
) -> dict[frozenset[int], list[links.Link]]:
    """The open pairs the file gives no verdict, by the two clusters they join once the
    file's merges are made (a 'different' between the clusters closes them: follow_ups)."""
    out: dict[frozenset[int], list[links.Link]] = {}
    for lk in links.current_links(db, "uncertain"):
        pair = (lk.record_a, lk.record_b)
        ends = frozenset((after[lk.record_a], after[lk.record_b]))
        if pair in open_pairs and pair not in todo and len(ends) == 2:
            out.setdefault(ends, []).append(lk)
    return out


def _joined(cmap: dict[int, int], todo: dict[tuple[int, int], tuple[int, str]]) -> dict[int, int]:
    """The clustering once the file's 'same' rows are joined (record id -> cluster id)."""
    graph = nx.Graph()
    graph.add_nodes_from(cmap.values())
    graph.add_edges_from((cmap[a], cmap[b]) for (a, b), (_l, v) in todo.items() if v == "duplicate")
    root = {c: min(comp) for comp in nx.connected_components(graph) for c in comp}
    return {r: root[c] for r, c in cmap.items()}


def _refuse_split_differents(
    db: Store,
    before: dict[int, int],
    after: dict[int, int],
    todo: dict[tuple[int, int], tuple[int, str]],
    path: Path,
) -> None:
    """Refuse the file when its 'same' rows put two records in one cluster that the file, or
    a person before it, says differ; names the 'different' and the 'same' rows that join them."""
    said = [(a, b, line, "") for (a, b), (line, v) in todo.items() if v == "not_duplicate"]
    said += [
        (lk.record_a, lk.record_b, 0, lk.person)
        for lk in links.current_links(db, "not_duplicate")
        if lk.person
    ]
    for x, y, line, who in said:
        if after[x] != after[y] or before[x] == before[y]:
            continue  # apart after the file, or together before it (not this file's doing)
        joins = _joining_lines(db, todo, x, y)
        if who:
            raise UserError(
                f"records {x} and {y} cannot be merged: {who} said records {x} and {y} differ,"
                f" and 'same' on {numbered('line', joins)} would put them in one cluster;"
                " nothing was written",
                where=f"{path}:{joins[0]}",
                hint=f"undo that verdict, or split {x} or {y} from its cluster first",
            )
        raise UserError(
            f"records {x} and {y} are 'different' here, but 'same' on {numbered('line', joins)}"
            " would put them in one cluster; nothing was written",
            where=f"{path}:{line}",
            hint="a record that differs from one record of a cluster differs from all of it:"
            " change one of these rows",
        )


def _joining_lines(
    db: Store, todo: dict[tuple[int, int], tuple[int, str]], x: int, y: int
) -> list[int]:
    """The file's 'same' lines on a path of merges from ``x`` to ``y``, in order."""
    graph = nx.Graph()
    for lk in links.current_links(db, "duplicate"):
        graph.add_edge(lk.record_a, lk.record_b, line=None)
    for (a, b), (line, v) in todo.items():
        if v == "duplicate":
            graph.add_edge(a, b, line=line)
    path = nx.shortest_path(graph, x, y)
    return sorted(
        {graph.edges[u, v]["line"] for u, v in zip(path, path[1:], strict=False)} - {None}
    )
