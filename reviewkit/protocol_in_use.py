"""A protocol edited after screening began must keep what the logs use.

Decisions, labels and extraction values are append-only logs that store a stage's name, a
reviewer's name, a reason's code, a scheme's and a label's id and a field's id. When an edit
removes one the logs hold, what the log holds under it drops silently out of the report, the
PRISMA counts and the exchange with other machines (a stage's decisions left the flow diagram,
a confirmed study was in no report table, a renamed reviewer screened everything again). So
opening the project refuses such a protocol, naming what went, how much of the log uses it,
and what to do. Everything else stays free: a reason's or a label's wording, the order of
reasons, a stage's settings, new searches, stages, reviewers, schemes and fields, and a removed
search (its runs stay in the search log, PRISMA-S, under "no longer in the protocol").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from reviewkit.errors import ProtocolError
from reviewkit.project import Project
from reviewkit.protocol import Protocol
from reviewkit.protocol.reading import read_text
from reviewkit.store import Store, in_use
from reviewkit.store import searches as search_rows
from reviewkit.wording import quantity, verb


def check_protocol_keeps_what_is_used(project: Project, protocol: Protocol | None = None) -> None:
    """Raise ProtocolError for the first stage, reviewer, renamed search, reason code, scheme,
    label id or extraction field that the project's logs use and the protocol (``protocol``,
    an edited copy to check before it goes in, else the project's own) no longer has."""
    proto = protocol or project.protocol
    for key, table, message, hint in _losses(project, proto):
        raise ProtocolError(
            f"{key}: {message}",
            where=_where(proto.path, table),
            hint=hint,
        )


Loss = tuple[str, str, str, str]  # key, table to point at, message, hint


def _losses(project: Project, proto: Protocol) -> Iterator[Loss]:
    """Everything the logs use that the protocol lacks, stages first (a gone stage would
    otherwise be reported reason by reason)."""
    yield from _stages(project, proto)
    yield from _reviewers(project, proto)
    yield from _recased(project, proto)
    yield from _searches(project, proto)
    yield from _reasons(project, proto)
    yield from _schemes(project, proto)
    yield from _fields(project, proto)


def _stages(project: Project, proto: Protocol) -> Iterator[Loss]:
    db = project.db
    for stage, (n, people) in sorted(in_use.decisions_per_stage(db).items()):
        if stage in proto.stages:
            continue
        who = quantity(people, "reviewer") if people > 1 else "1 person"
        yield (
            f"stages.{stage}",
            "stages",
            f"the stage is gone from the protocol, but {quantity(n, f'{stage} decision')}"
            f" by {who} {verb(n, 'exists', 'exist')} in {project.database_path} (PRISMA and the"
            f" reports would leave {_them(n)} out)",
            f"keep the stage: put [stages.{stage}] back (its settings may change; the log"
            " stores the stage's name). Decisions are never deleted, so a stage that was"
            " screened stays in the protocol",
        )


def _reviewers(project: Project, proto: Protocol) -> Iterator[Loss]:
    """A reviewer with votes gone from the reviewers (removed, made a lead, or written in
    another case). When the logs already hold the name in the protocol's spelling as well
    (both were used, before names were checked), no edit can list both: left alone."""
    voters = in_use.votes_per_reviewer(project.db)
    for name, stages in voters.items():
        if name in proto.reviewers:
            continue
        votes = ", ".join(f"{quantity(n, 'vote')} at {stage}" for stage, n in stages.items())
        listed = (*proto.reviewers, *proto.leads)  # the name itself as a lead is not "another"
        now = [r for r in listed if r != name and r.casefold() == name.casefold()]
        if now and now[0] in voters:
            continue
        if now:  # the log compares names exactly: 'anna' would screen Anna's studies again
            what = f"the reviewer {name!r} is written {now[0]!r} now, but {name!r} has {votes}"
            what += f" in {project.database_path}"
            hint = f"write the name back as {name!r} (names are compared exactly, as the log"
            hint += " stores them)"
        else:
            what = f"the reviewer {name!r} is gone from the protocol, but has {votes} in"
            what += f" {project.database_path}"
            hint = f"keep {name!r} in [review] reviewers: a reviewer who left may stay listed"
            hint += " (their votes still count; nobody has to screen as them)"
            if name in proto.leads:
                what = f"{name!r} is a lead now (leads do not vote), but has {votes} in"
                what += f" {project.database_path}"
                hint = f"move {name!r} back from [review] leads to [review] reviewers: a"
                hint += " reviewer may also resolve conflicts once the stage is closed, confirm"
                hint += " labels and extract"
        yield "review.reviewers", "review", what, hint


def _recased(project: Project, proto: Protocol) -> Iterator[Loss]:
    """A lead (or a resolver, or anyone the logs name) whose name the protocol now writes in
    another case: the logs compare names exactly, so their next final decision, label or
    value would be a second person's. (A name the protocol no longer lists at all is left
    alone, unless it has votes: a resolver's decisions count whoever gave them.)"""
    listed = (*proto.reviewers, *proto.leads)
    logged = in_use.names_in_logs(project.db)
    for name in sorted(logged):
        if name in listed:
            continue
        now = [n for n in listed if n.casefold() == name.casefold()]
        if now and now[0] not in logged:  # both spellings logged: no edit can list both
            yield (
                "review.leads" if now[0] in proto.leads else "review.reviewers",
                "leads" if now[0] in proto.leads else "review",
                f"{name!r} is written {now[0]!r} now, but the logs in {project.database_path}"
                f" record {name!r}",
                f"write the name back as {name!r} (names are compared exactly, as the log"
                " stores them)",
            )


def _searches(project: Project, proto: Protocol) -> Iterator[Loss]:
    """A stored search renamed after it ran (a search with no runs that has the query of one
    with runs that the protocol no longer names): runs are stored under the search's name, so
    its next run would store every record again as new, count them twice in PRISMA's
    identification, and report nothing new or gone since the last run. A search removed
    without a successor is free: its runs stay in the search log (PRISMA-S)."""
    ran: dict[str, list[str]] = {}  # query as written -> names it ran under, gone from protocol
    counts: dict[str, int] = {}
    names = {s.name for s in proto.searches}
    for run in search_rows.list_runs(project.db):
        counts[run.search_name] = counts.get(run.search_name, 0) + 1
        if run.search_name not in names:
            old = ran.setdefault(" ".join(run.query.split()), [])
            if run.search_name not in old:
                old.append(run.search_name)
    for i, search in enumerate(proto.searches):
        old_names = ran.get(" ".join(search.query.split()), [])
        if search.name in counts or not old_names:
            continue
        old = old_names[-1]
        yield (
            f"searches[{i}].name",
            f"name:{search.name}",
            f"the search {old!r} is named {search.name!r} now, but its"
            f" {quantity(counts[old], 'run')} in {project.database_path} {verb(counts[old], 'is', 'are')}"
            f" stored under {old!r} (a run as {search.name!r} would store all its records again"
            " and count them twice in PRISMA)",
            f'write the name back (name = "{old}"; the description may change), or, for a new'
            " search, change its query",
        )


def _reasons(project: Project, proto: Protocol) -> Iterator[Loss]:
    for (stage, code), n in sorted(in_use.reasons_in_use(project.db).items()):
        rule = proto.stages.get(stage)
        if rule is None or any(r.code == code for r in rule.exclusion_reasons):
            continue
        yield (
            f"stages.{stage}.exclusion_reasons",
            f"stages.{stage}",
            f"the reason {code!r} is gone from the protocol, but {quantity(n, 'decision')}"
            f" in {project.database_path} {verb(n, 'gives', 'give')} it",
            f'put it back ({{ code = "{code}", label = "…" }}; the label may change, the'
            " code is what the decision log stores)",
        )


def _schemes(project: Project, proto: Protocol) -> Iterator[Loss]:
    db = project.db
    for scheme_id, n in sorted(in_use.confirmed_schemes_in_use(db).items()):
        if scheme_id not in proto.schemes:
            yield (
                f"schemes.{scheme_id}",
                "schemes",
                f"the scheme is gone from the protocol, but {quantity(n, 'study')} in"
                f" {project.database_path} {verb(n, 'has', 'have')} labels confirmed in it (the reports and the evidence map would"
                f" leave {_them(n)} out)",
                f"keep the scheme: put [schemes.{scheme_id}] back (its name, labels' names and"
                " terms may change; the log stores the ids)",
            )
    for (scheme_id, label), n in sorted(in_use.confirmed_labels_in_use(db).items()):
        scheme = proto.schemes.get(scheme_id)
        if scheme is None or label == scheme.none_id or any(x.id == label for x in scheme.labels):
            continue
        yield (
            f"schemes.{scheme_id}.labels",
            f"schemes.{scheme_id}",
            f"the label {label!r} is gone from the protocol, but {quantity(n, 'study')} in"
            f" {project.database_path} {verb(n, 'has', 'have')} it confirmed (the report would leave {_them(n)} out)",
            f'put it back (id = "{label}"; its name and terms may change); to retire it,'
            " first give those studies another label with 'reviewkit label', then remove it",
        )


def _fields(project: Project, proto: Protocol) -> Iterator[Loss]:
    known = {f.id for f in proto.extraction}
    for field_id, n in sorted(in_use.typed_fields_in_use(project.db).items()):
        if field_id in known:
            continue
        yield (
            "extraction",
            "extraction",
            f"the extraction field {field_id!r} is gone from the protocol, but"
            f" {quantity(n, 'study')} in {project.database_path} {verb(n, 'has', 'have')} a value typed for it (the report tables"
            " would leave it out)",
            f'put it back ([[extraction]] with id = "{field_id}"; its name and prefill may'
            " change, the id is what the log stores)",
        )


def _them(n: int) -> str:
    """The pronoun for ``n`` decisions or studies: 'it' for one, 'them' for more."""
    return "it" if n == 1 else "them"


def _where(path: Path, table: str) -> str:
    """'protocol.toml:N' at the [table] header (or its first [[table.…]] one; for 'review'
    its reviewers line; for 'name:NAME' the line name = "NAME"), else the file."""
    if table in ("review", "leads"):
        pattern = re.compile(rf"^\s*{'reviewers' if table == 'review' else 'leads'}\s*=")
    elif table.startswith("name:"):
        pattern = re.compile(rf"^\s*name\s*=\s*[\"']{re.escape(table[5:])}[\"']")
    else:
        pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}[\].]")
    try:  # read as the protocol was (a UTF-16 file, its BOM, from Notepad is a protocol too)
        lines = read_text(path).splitlines()
    except (OSError, ProtocolError):
        return str(path)
    for no, line in enumerate(lines, start=1):
        if pattern.match(line):
            return f"{path}:{no}"
    return str(path)


def lead_from_before_leads(project: Project, name: str) -> bool:
    """Whether ``name``, which the protocol does not list, is a lead of a protocol written
    before ``[review] leads`` existed: the protocol lists no leads and the logs already hold
    the name (the team's resolver, its final decisions given). The one rule for names catches
    a typo before it enters the logs; a name the logs hold is no new typo, and refusing it
    locked a project out of its own lead's work."""
    return name in logged_leads(project.protocol, project.db)


def logged_leads(protocol: Protocol | None, db: Store) -> frozenset[str]:
    """The names :func:`lead_from_before_leads` takes for a lead's of ``protocol``, though it
    does not list them: for a protocol written before ``[review] leads`` existed (it lists
    none), every name the logs of ``db`` hold; none for one that lists its leads (or none
    given: nothing is checked against it)."""
    if protocol is None or protocol.leads:
        return frozenset()
    return frozenset(in_use.names_in_logs(db))


def leads(project: Project) -> frozenset[str]:
    """Who leads the review (resolves, is told what to resolve, reads past blinding): the
    protocol's ``[review] leads``; for a protocol written before they existed (it lists none),
    the names its logs hold that are no reviewer's (:func:`lead_from_before_leads`)."""
    if project.protocol.leads:
        return frozenset(project.protocol.leads)
    return logged_leads(project.protocol, project.db) - frozenset(project.protocol.reviewers)
