"""PRISMA 2020 flow: its numbers collected from the project (the only reading of it here).

:func:`collect_counts` fills a :class:`~.counts.PrismaCounts` from the project's searches,
imports, duplicate links and screening decisions (see :mod:`.counts` for where each number
comes from, and :mod:`.update` for an updated review's).
"""

from __future__ import annotations

from reviewkit.reports.prisma import update
from reviewkit.reports.prisma.counts import PrismaCounts
from reviewkit.reports.prisma.methods import other_methods_flow, other_only, stage_flow
from reviewkit.searches.source_kinds import is_other_method

__all__ = ["collect_counts", "is_other_method"]


def collect_counts(project, snapshot=None) -> PrismaCounts:
    """The flow's numbers from the project database (the only function here that reads it).

    ``snapshot``: the report's :class:`~reviewkit.reports.snapshot.ProjectSnapshot`, when the
    caller has read one (its canonical map, stages and included studies are used). After a
    recorded version and records added since, every box above "included" counts only the
    records stored after that version (PRISMA 2020's updated review; see :mod:`.update`)."""
    from reviewkit import screening
    from reviewkit.reports.snapshot import ProjectSnapshot
    from reviewkit.store import records as record_rows

    snapshot = snapshot or ProjectSnapshot.read(project)
    db = project.db
    c = PrismaCounts()
    version, new_ids = snapshot.update_from
    after = version.last_record_id if version else 0
    _identification(c, db, after)
    other_imports = []
    for imp in record_rows.list_imports(db):
        n = imp.record_count
        if after:  # an update counts only the records stored since its version
            n = sum(1 for r in record_rows.ids_of_imports(db, [imp.id]) if r > after)
            if not n:
                continue
        _add_source(c, imp.source, n)
        if is_other_method(imp.source):
            other_imports.append(imp.id)
    canon = snapshot.canon
    counted = {r for r in canon if r > after}  # every record, or the update's
    flow_studies = update.studies_of(canon, counted)
    proto = project.protocol
    for stage in proto.stages.values():
        c.reason_labels.update({r.code: r.label for r in stage.exclusion_reasons})
    stages = screening.stage_names(proto)
    c.flow = stage_flow(snapshot.stages, stages, flow_studies if version else None)
    _count_duplicates(c, db, canon, counted, len(flow_studies))
    kind_of = update.count_update(c, version, new_ids, snapshot) if version else None
    other_records = set(record_rows.ids_of_imports(db, other_imports)) & counted
    if other_imports:
        c.other = other_methods_flow(
            snapshot.stages, stages, canon, other_records, flow_studies, after
        )
    if any(len(reps) > 1 for reps in snapshot.reports.values()):
        update.count_studies(c, snapshot.reports, kind_of)
        _column_studies(c, snapshot.reports, other_only(canon, other_records, flow_studies))
    return c


def _column_studies(c: PrismaCounts, reports: dict[int, tuple[int, ...]], only: set[int]) -> None:
    """Each column's studies included, beside its reports (PRISMA 2020 counts studies): the
    other methods' are the studies whose every included report is one of its clusters
    (``only``); a study with a report found by a database is the databases' column's, so the
    two add up to the flow's studies (every study, or in an update the new ones).

    In an update a report is counted in the column that found it, a study only when it is new:
    a new report of a study the version included (found by citation searching, say, and linked
    to it with ``dedup study-link``) is among the other methods' reports and in no column's
    studies, as PRISMA 2020's update template counts new studies, and the reports beside them
    (``count_studies`` gives it a line of its own under the new studies)."""
    c.flow.studies = c.new_studies if c.update else c.studies_included
    if c.other is not None:
        c.other.studies = sum(1 for reps in reports.values() if all(r in only for r in reps))


def _count_duplicates(c: PrismaCounts, db, canon: dict[int, int], counted: set, kept: int) -> None:
    """Duplicates removed from the ``counted`` records (all, or an update's), of which ``kept``
    studies are screened: "automatically" is what the rule links alone would have removed (a
    record is kept by them only when its rule-linked group holds counted records alone, one
    record per group), "by hand" the rest (links made by a person)."""
    import networkx as nx

    from reviewkit.store import duplicates as dup

    rule_graph = nx.Graph()
    rule_graph.add_nodes_from(canon)
    rule_graph.add_edges_from(
        (lk.record_a, lk.record_b) for lk in dup.current_links(db, "duplicate") if lk.rule
    )
    if len(counted) == len(canon):
        by_rules = nx.number_connected_components(rule_graph)
    else:
        by_rules = sum(1 for group in nx.connected_components(rule_graph) if group <= counted)
    c.flow.duplicates = len(counted) - kept
    c.duplicates_automatic = len(counted) - by_rules


def _add_source(c: PrismaCounts, source: str, records: int) -> None:
    """Count an import under its database's line (names compared without case) or, for a
    source that is not a database, under the other methods."""
    target = c.other_sources if is_other_method(source) else c.databases
    name = next((k for k in target if k.casefold() == source.casefold()), source)
    target[name] = target.get(name, 0) + records
    if target is c.databases:
        c.imported[name] = c.imported.get(name, 0) + records


def _identification(c: PrismaCounts, db, after: int) -> None:
    """Per-database and per-search counts (of the records stored after ``after`` when set)."""
    from reviewkit.searches import identification_counts

    ident = identification_counts(db, after)
    # An update's box lists only the databases and searches that identified records since the
    # version. PRISMA 2020's box counts records identified (per database where feasible, its
    # footnote); every database and search run, with its date and count even when it found
    # nothing new, is PRISMA-S's to report, and is reported there (search-log.md, written with
    # every `reviewkit report`). In the box, "(n = 0)" cannot tell a search rerun that found
    # nothing new from one not run since the version (both count no records since), so a
    # reader took it for a search run.
    searches = [s for s in ident.searches if s.records or not after]
    c.databases = {k: v for k, v in ident.databases.items() if v or not after}
    c.searches = {s.search: s.records for s in searches}
    c.search_databases = {s.search: s.database for s in searches}
    c.retrieved = {s.search: s.count for s in searches}
