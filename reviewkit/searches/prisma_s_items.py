"""The PRISMA-S checklist, item by item, as the search log opens with it: for each of the 16
items of Rethlefsen et al. 2021 (Systematic Reviews 10:39, Table 1), what the project's store
and protocol record, and for what reviewkit cannot know (registries, browsing, citation
searching, contacts: work done outside it) a line saying so, so the team reports it.

The items' words, from the checklist: 1 "Name each individual database searched, stating the
platform for each"; 2 databases "searched simultaneously on a single platform"; 3 study
registries; 4 online resources and browsing; 5 citation searching; 6 contacts; 7 other methods;
8 "the search strategies for each database ... copied and pasted exactly as run"; 9 limits,
"and provide justification for their use"; 10 search filters, cited; 11 prior work; 12 "the
methods used to update the search(es)"; 13 "For each search strategy, provide the date when the
last search occurred"; 14 "Describe any search peer review process"; 15 "the total number of
records identified from each database and other information sources"; 16 "the processes and
any software used to deduplicate records ..." (with the counts, as PRISMA 2020's flow asks).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

from reviewkit.markdown import Written, heading, paragraph, text
from reviewkit.nlm_files import nlm_order
from reviewkit.protocol import Protocol, Search
from reviewkit.searches.edits import limits_text
from reviewkit.searches.identification import identification_counts
from reviewkit.searches.published_filters import filters_in
from reviewkit.searches.source_kinds import is_other_method
from reviewkit.store import Store
from reviewkit.store import duplicates as dup
from reviewkit.store import records as record_rows
from reviewkit.store import searches as rows
from reviewkit.store.records import ImportRow
from reviewkit.store.searches import SearchRun
from reviewkit.wording import quantity

NOT_KNOWN = (
    "not known to reviewkit: report it yourself (a file of what it found, once imported, "
    "is under 7)"
)


def checklist(db: Store, protocol: Protocol) -> list[str]:
    """The checklist's Markdown lines: a heading, then one bullet per item."""
    runs = rows.list_runs(db)  # in start order
    complete = [r for r in runs if r.status == "complete"]
    imports = record_rows.list_imports(db)
    queries = [s.query for s in protocol.searches] + [r.query for r in runs]
    sources = list(dict.fromkeys(imp.source for imp in imports))  # each imported source once
    # as the PRISMA 2020 diagram sorts them: a database's (or register's) file is item 1's and
    # 2's, a citation search's, website's or expert's file item 7's (other methods); items 8
    # and 13 ask for every information source's strategy and date
    databases = [source for source in sources if not is_other_method(source)]
    others = [imp for imp in imports if is_other_method(imp.source)]
    gone = {r.search_name for r in runs} - {s.name for s in protocol.searches}
    items = [
        ("1 Database name", _databases(runs, databases)),
        (
            "2 Multi-database searching",
            _per_import(
                ["none: each search run here ran on one database"] if runs else [],
                databases,
                "whether it was searched together with other databases is not recorded",
            ),
        ),
        ("3 Study registries", [NOT_KNOWN]),
        ("4 Online resources and browsing", [NOT_KNOWN]),
        ("5 Citation searching", [NOT_KNOWN]),
        ("6 Contacts", [NOT_KNOWN]),
        ("7 Other methods", _imports(others)),
        (
            "8 Full search strategies",
            _per_import(
                [
                    "each run below: the query as written, as sent with its "
                    "limits, and as PubMed translated it"
                ],
                sources,
                "its strategy is not recorded: give it as run",
            ),
        ),
        ("9 Limits and restrictions", _limits(protocol, complete, gone)),
        ("10 Search filters", _filters(queries)),
        ("11 Prior work", _prior(protocol, gone)),
        ("12 Updates", _updates(complete)),
        (
            "13 Dates of searches",
            _per_import(
                _dates(protocol, complete, gone),
                sources,
                "the day it was searched is not recorded (only the day its file was imported)",
            ),
        ),
        ("14 Peer review", _peer_review(protocol)),
        ("15 Total records", _totals(db, imports)),
        ("16 Deduplication", _dedup(db)),
    ]
    lines = [
        heading(2, "PRISMA-S checklist"),
        "",
        "Rethlefsen ML et al. PRISMA-S: an extension to the PRISMA Statement for Reporting "
        "Literature Searches in Systematic Reviews. Syst Rev. 2021;10:39. What this project "
        "records for each item:",
        "",
    ]
    for name, said in items:
        # an item's name is the checklist's; what it says names the project's searches, files
        # and limits, written as text that renders as written (its own commands as code)
        lines.append(f"- **{name}**: {paragraph(said[0])}")
        lines += [f"  - {paragraph(line)}" for line in said[1:]]
    return [*lines, ""]


def _databases(runs: Sequence[SearchRun], imported: Sequence[str]) -> list[str]:
    """Each database with the platform it was searched on: PubMed through the E-utilities at
    the run's base URL (the local server over a snapshot named as such); each database whose
    files were imported (``imported``: their source names), whose platform a file does not
    say."""
    seen: dict[tuple[str, str, str], None] = {}
    for run in runs:
        snapshot = _in_nlm_order(run.snapshot)
        interface = _any_port(run.interface) if snapshot else run.interface
        seen[(run.database, interface, snapshot)] = None
    said = []
    for database, interface, snapshot in seen:  # interface: 'E-utilities <base URL>'
        by = "NCBI's" if not snapshot else "reviewkit's local server:"
        line = f"{database}, searched through {by} {interface}"
        if snapshot:
            line += f", over the offline snapshot {snapshot} (not PubMed itself)"
        said.append(line)
    for source in imported:
        said.append(f"{source}, imported from a file: its platform is not recorded, name it")
    return _first(said, "no search run and no database's file imported yet")


def _any_port(interface: str) -> str:
    """A local server's interface ('E-utilities http://127.0.0.1:41234/entrez/eutils/') with
    its port left out: the server binds a free port each session (``pubmed serve --port 0``,
    an offline run, the demo), so the port says nothing of the platform searched, and runs of
    one snapshot on two ports are one database; nor does the name of this machine a run used
    ('localhost', '[::1]', any 127.x address: :func:`_loopback`), written as the address the
    server listens on. Each run's entry keeps its own URL."""
    kind, _, url = interface.partition(" ")
    parts = urlsplit(url)
    host = parts.hostname
    if not host or (parts.port is None and not _loopback(host)):
        return interface
    host = "127.0.0.1" if _loopback(host) else host
    host = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
    return f"{kind} {parts._replace(netloc=host).geturl()} (each run's own URL in its entry)"


def _loopback(host: str) -> bool:
    """Whether a URL's host names this machine: 'localhost' (and a name under it, RFC 6761),
    an IPv4 address in 127.0.0.0/8 or IPv6's ::1."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:  # a name, not an address
        return False


def _in_nlm_order(snapshot: str) -> str:
    """A run's snapshot files ('a; b', the local server's header) in NLM's order: a run before
    stop 40 recorded them as they were given (the offline snapshot's update file first), a
    later run in the order the server reads them; the same files are one database."""
    return "; ".join(nlm_order(snapshot.split("; "))) if snapshot else ""


def _imports(imports: Sequence[ImportRow]) -> list[str]:
    """Every file imported from other methods: source, file, format, records, date (UTC)."""
    said = [
        f"imported: {imp.source} ({Path(imp.path).name}, {imp.format}): "
        f"{quantity(imp.record_count, 'record')}, "
        f"{imp.imported_at[:10]}"
        for imp in imports
    ]
    return _first(
        said,
        "no file of other methods imported (a citation search's, a website's: its records"
        " would be listed here); any other method is not known to reviewkit: report it yourself",
    )


def _per_import(said: list[str], sources: Sequence[str], unknown: str) -> list[str]:
    """An item's lines for the searches, then a line per imported database saying what of it
    reviewkit cannot know (a file holds records, not how they were searched)."""
    said = said + [f"{source}, imported from a file: {unknown}" for source in sources]
    return _first(said, "no search run and no database's file imported yet")


def _limits(protocol: Protocol, complete: Sequence[SearchRun], gone: set[str]) -> list[str]:
    """Each search's limits as its last complete run sent them (the protocol's when it has
    not run), with the protocol's reason for them (``limits_reason``); a search removed from
    the protocol after it ran too, as its last run sent them (PRISMA-S: every search as run)."""
    last = {run.search_name: run for run in complete}
    alike: dict[str, list[str]] = {}  # searches of the same limits and reason on one line
    for search in protocol.searches:
        run = last.get(search.name)
        limits = limits_text(run.limits) if run else _protocol_limits(search)
        reason = search.limits_reason or (
            "no reason given (limits_reason in the search's protocol table)"
            if limits != "none"
            else ""
        )
        alike.setdefault(limits + (f"; why: {reason}" if reason else ""), []).append(search.name)
    said = [f"{', '.join(names)}: {limits}" for limits, names in alike.items()]
    said += [
        f"{name} (no longer in the protocol): {limits_text(run.limits)}"
        for name, run in last.items()
        if name in gone
    ]
    return _first(said, "no stored search")


def _protocol_limits(search: Search) -> str:
    """The protocol's limits of a search not run yet, in the log's words."""
    return limits_text(json.dumps(search.limits.describe()))


def _filters(queries: Sequence[str]) -> list[str]:
    """The published filters of the stored searches and of every query run (a search since
    removed included), each cited, as item 10 asks."""
    found = {f.name: f for q in queries for f in filters_in(q)}
    if not found:
        return ["none recognised in the searches"]
    return [
        f"used: {f.name}. {f.citation} (verbatim under the searches using it)"
        for f in found.values()
    ]


def _prior(protocol: Protocol, gone: set[str]) -> list[str]:
    """Item 11, a strategy adapted or reused from another review, as each search's protocol
    table cites it (``adapted_from``); a published filter is item 10's, not prior work. A
    search without the key, or removed from the protocol, says not recorded: reviewkit cannot
    tell an adapted strategy from a new one."""
    said = [f"{s.name}: adapted from {s.adapted_from}" for s in protocol.searches if s.adapted_from]
    bare = [s.name for s in protocol.searches if not s.adapted_from]
    bare += [f"{name} (no longer in the protocol)" for name in sorted(gone)]
    if bare:
        said.append(
            f"{', '.join(bare)}: not recorded (adapted_from in a search's protocol table cites "
            "the review whose strategy it adapts or reuses)"
        )
    return said or ["no searches"]


def _updates(complete: Sequence[SearchRun]) -> list[str]:
    """How the searches were updated: rerunning the stored searches, each rerun with what it
    found new and gone since the run before it (in its entry below)."""
    per = Counter(run.search_name for run in complete)
    reruns = {name: n - 1 for name, n in per.items() if n > 1}
    if not reruns:
        return ["none yet: each search has run once (or not at all)"]
    listed = ", ".join(f"{name} {n}" for name, n in reruns.items())
    return [
        Written(
            "the stored searches rerun with `reviewkit search run` (the same query and limits "
            "sent again); each rerun's entry below gives what was new and gone since the run "
            f"before it. Reruns: {text(listed)}"
        )
    ]


def _dates(protocol: Protocol, complete: Sequence[SearchRun], gone: set[str]) -> list[str]:
    """Each search's last complete run: its day (UTC), a search removed from the protocol
    named so; a stored search not run says so."""
    last = {run.search_name: run for run in complete}
    said = [
        f"{name}: {run.started_at[:10]} (run {run.id}"
        + ("; no longer in the protocol)" if name in gone else ")")
        for name, run in last.items()
    ]
    said += [f"{s.name}: not run yet" for s in protocol.searches if s.name not in last]
    return _first(said, "no stored search")


def _peer_review(protocol: Protocol) -> list[str]:
    said = [f"{s.name}: {s.peer_review}" for s in protocol.searches if s.peer_review]
    return _first(said, "none recorded (peer_review in a search's protocol table)")


def _totals(db: Store, imports: Sequence[ImportRow]) -> list[str]:
    """Records identified per database, before deduplication, as PRISMA 2020 counts them:
    what the searches' runs stored (a PMID two searches found counted twice) and each import's
    records; then each search's last complete run's count."""
    ident = identification_counts(db)
    per_source = Counter(ident.databases)
    for imp in imports:
        per_source[imp.source] += imp.record_count
    said = [f"{source}: {quantity(n, 'record')}" for source, n in per_source.items()]
    said += [
        f"{s.search}: {s.count} found by its last run ({s.records} stored by its "
        f"{quantity(s.runs, 'run')})"
        for s in ident.searches
    ]
    return _first(said, "no records yet")


def _dedup(db: Store) -> list[str]:
    """The software and its counts: records, studies after deduplication, the links by rule
    (named) and by a person, the pairs left for a person."""
    runs = dup.dedup_run_count(db)
    if not runs:
        return [Written("not run yet (`reviewkit dedup`)")]
    canon = dup.canonical_map(db)
    studies = len(set(canon.values()))
    links = dup.current_links(db, "duplicate")
    by_rule = Counter(lk.rule for lk in links if lk.rule)
    by_person = sum(1 for lk in links if not lk.rule)
    open_pairs = len(dup.current_links(db, "uncertain"))
    rules = ", ".join(f"{rule} {n}" for rule, n in by_rule.most_common()) or "none"
    return [
        Written(
            f"reviewkit dedup ({quantity(runs, 'run')}): record pairs compared by its rules, "
            "each link naming the rule that made it; a pair no rule settles goes to a person "
            "(`reviewkit dedup review`)"
        ),
        f"{quantity(len(canon), 'record')}, {quantity(studies, 'study')}: "
        f"{quantity(len(canon) - studies, 'duplicate')} removed",
        f"duplicate links by rule: {sum(by_rule.values())} ({rules}); by a person: {by_person}",
        f"pairs marked uncertain, for a person: {open_pairs}",
    ]


def _first(said: list[str], otherwise: str) -> list[str]:
    return said or [otherwise]
