"""A protocol edited after screening began must keep what the logs use.

Decisions and labels are append-only logs that store a reason's code and a label's id. When an
edit removes a code or an id the logs hold, those decisions and confirmed labels drop silently
out of the report, the PRISMA counts and the exchange with other machines (a confirmed study
was in no report table). So opening the project refuses such a protocol, naming what went and
how often the log uses it. Renaming a reason's label or a label's name stays free.
"""

from __future__ import annotations

import re

from reviewkit.errors import ProtocolError
from reviewkit.project import Project
from reviewkit.store.in_use import confirmed_labels_in_use, reasons_in_use
from reviewkit.wording import quantity


def check_protocol_keeps_what_is_used(project: Project) -> None:
    """Raise ProtocolError when the protocol lacks a reason code or a label id that the
    project's decisions or confirmed labels use (stages and schemes it no longer has at all
    are left to the commands that name them)."""
    proto = project.protocol
    for (stage, code), n in sorted(reasons_in_use(project.db).items()):
        rule = proto.stages.get(stage)
        if rule is None or any(r.code == code for r in rule.exclusion_reasons):
            continue
        raise ProtocolError(
            f"stages.{stage}.exclusion_reasons: the reason {code!r} is gone from the protocol,"
            f" but {quantity(n, 'decision')} in {project.database_path} give it",
            where=_where(project, f"stages.{stage}"),
            hint=f'put it back ({{ code = "{code}", label = "…" }}; the label may change, the'
            " code is what the decision log stores)",
        )
    for (scheme_id, label), n in sorted(confirmed_labels_in_use(project.db).items()):
        scheme = proto.schemes.get(scheme_id)
        if scheme is None or label == scheme.none_id or any(x.id == label for x in scheme.labels):
            continue
        raise ProtocolError(
            f"schemes.{scheme_id}.labels: the label {label!r} is gone from the protocol, but"
            f" {quantity(n, 'study')} in {project.database_path} {'has' if n == 1 else 'have'} it"
            " confirmed (the report would leave them out)",
            where=_where(project, f"schemes.{scheme_id}"),
            hint=f'put it back (id = "{label}"; its name and terms may change); to retire it,'
            " first give those studies another label with 'reviewkit label', then remove it",
        )


def _where(project: Project, table: str) -> str:
    """'protocol.toml:N' at the [table] header (or its first [[table.…]] one), else the file."""
    path = project.protocol_path
    pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}[\].]")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    for no, line in enumerate(lines, start=1):
        if pattern.match(line):
            return f"{path}:{no}"
    return str(path)
