"""Where in a protocol file a key is: the line an error names (file:line: key: what is wrong)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from reviewkit.errors import ProtocolError


def toml_lines(text: str) -> list[str]:
    """Lines as TOML counts them (\\n or \\r\\n); ``str.splitlines`` would also split at form
    feeds and U+2028 inside strings and comments, and shift the line numbers of errors."""
    lines = re.split(r"\r?\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


class Located:
    """A protocol file's path and lines, and errors that name the line of a dotted key."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = toml_lines(text)

    def fail(self, key: str, message: str, hint: str = "") -> ProtocolError:
        """The error at ``key``'s line; where no hint more particular is given, what every
        protocol error asks for (its message says what the key must be)."""
        line = self.line_of(key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ProtocolError(f"{key}: {message}", where=where, hint=hint or self._check_again)

    @property
    def _check_again(self) -> str:
        return (
            "correct it as the message says, then check the file again: reviewkit protocol"
            f" check {shlex.quote(str(self.path))} (README, '1. The protocol', shows every key)"
        )

    def fail_at_value(
        self, key: str, value: str, nth: int, message: str, hint: str = ""
    ) -> ProtocolError:
        """Like :meth:`fail`, at the line of the ``nth`` quoted ``value`` from ``key`` on (the
        second of two equal codes in an inline array, say)."""
        seen = 0
        for no in range(max(self.line_of(key), 1), len(self.lines) + 1):
            line = self.lines[no - 1]
            seen += line.count(f'"{value}"') + line.count(f"'{value}'")
            if seen >= nth:
                where = f"{self.path}:{no}"
                return ProtocolError(
                    f"{key}: {message}", where=where, hint=hint or self._check_again
                )
        return self.fail(key, message, hint)

    def line_of(self, key: str) -> int:
        """Line of a dotted key such as 'searches[2].limits.date_from'.

        When the key is not in the file (a missing key), the line of the deepest table on its
        path, e.g. the '[[searches]]' header of that search.
        """
        parts = re.findall(r"[^.\[\]]+|\[\d+\]", key)
        table: list[str] = []
        counts: dict[str, int] = {}
        best, best_depth = 0, -1.0
        for no, raw in enumerate(self.lines, start=1):
            line = raw.strip()
            m = re.match(r"^\[\[([^\]]+)\]\]", line) or re.match(r"^\[([^\]]+)\]", line)
            if m:
                names = [n.strip().strip('"') for n in m.group(1).split(".")]
                if line.startswith("[["):
                    counts[".".join(names)] = counts.get(".".join(names), -1) + 1
                table = []
                for i, name in enumerate(names):  # arrays of tables on the path get their index
                    table.append(name)
                    if ".".join(names[: i + 1]) in counts:
                        table.append(f"[{counts['.'.join(names[: i + 1])]}]")
                # a key without an index names an array of tables as a whole ('extraction'
                # unknown, misspelt as [[etxraction]]): its first header
                if table in (parts, [*parts, "[0]"]):
                    return no
                # a dotted header below the key defines it ('schqmes', misspelt in
                # [schqmes.model-type], has no header of its own): its first such header
                if len(table) > len(parts) and table[: len(parts)] == parts:
                    return no
                if table == parts[: len(table)] and len(table) > best_depth:
                    best, best_depth = no, len(table)
                continue
            km = re.match(r'^"?([A-Za-z0-9_-]+)"?\s*=', line)
            if km and table == parts[: len(table)] and len(table) < len(parts):
                if table == parts[:-1] and km.group(1) == parts[-1]:
                    return no
                if km.group(1) == parts[len(table)] and len(table) + 0.5 > best_depth:
                    best, best_depth = (
                        no,
                        len(table) + 0.5,
                    )  # an inline table or array holding the key
        return best
