"""The protocol validator's typed getters: a key's value as a table, a string, a list of strings
or a boolean, an id, and the refusals of unknown keys and of one thing listed twice, each
naming the key's line (:class:`~reviewkit.protocol.located.Located`)."""

from __future__ import annotations

import datetime

from reviewkit.protocol.hints import home_of, id_hint
from reviewkit.protocol.located import Located
from reviewkit.protocol.names import ID_RE, did_you_mean, toml_date_problem


class Getters(Located):
    """A key's value of the type the protocol needs, or a ProtocolError naming its line."""

    def table(self, data: dict, key: str, where: str, required: bool = True) -> dict:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(
                    f"{where}{key}", "missing table", hint=f"add a [{where}{key}] table"
                )
            return {}
        if not isinstance(value, dict):
            raise self.fail(
                f"{where}{key}", "must be a table", hint=f"write it as a [{where}{key}] table"
            )
        return value

    def string(
        self, data: dict, key: str, where: str, required: bool = True, default: str = ""
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}{key}", "missing key", hint=f'add {key} = "…"')
            return default
        if isinstance(value, datetime.date | datetime.time):  # TOML reads 2010-01-01 as a date
            raise self.fail(f"{where}{key}", *toml_date_problem(key, value))
        if not isinstance(value, str):
            raise self.fail(
                f"{where}{key}",
                f"must be a string, not {type(value).__name__}",
                hint=f'put the value in quotes: {key} = "…"',
            )
        if required and not value.strip():
            raise self.fail(
                f"{where}{key}", "must not be empty", hint=f'give it a value: {key} = "…"'
            )
        return value.strip()

    def strings(self, data: dict, key: str, where: str, required: bool = False) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}{key}", "missing key", hint=f'add {key} = ["…"]')
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(
                f"{where}{key}",
                "must be a list of strings",
                hint=f'write it in brackets, each item in quotes: {key} = ["…", "…"]',
            )
        return tuple(v.strip() for v in value if v.strip())

    def boolean(self, data: dict, key: str, where: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(
                f"{where}{key}",
                "must be true or false",
                hint=f"write {key} = true or false, unquoted",
            )
        return value

    def known_keys(self, data: dict, allowed: frozenset[str], where: str) -> None:
        """Refuse a key the protocol does not know (a misspelt key would be silently ignored,
        and its setting with it), naming the nearest known key."""
        for key in data:
            if key not in allowed:
                raise self.fail(
                    f"{where}{key}",
                    f"unknown key{did_you_mean(key, allowed)}{home_of(key, allowed)}",
                    hint=f"allowed here: {', '.join(sorted(allowed))}",
                )

    def unique(self, values: tuple[str, ...] | list[str], key: str, what: str) -> None:
        """Refuse a list naming one thing twice (compared case-insensitively, as people read)."""
        seen: list[str] = []
        for v in values:
            if v.casefold() in (s.casefold() for s in seen):
                raise self.fail_at_value(
                    key, v, seen.count(v) + 1, f"the {what} {v!r} is listed twice", "remove one"
                )
            seen.append(v)

    def ident(self, value: str, key: str) -> str:
        if not ID_RE.match(value):  # named on the value's own line (a reason code in a list)
            raise self.fail_at_value(key, value, 1, f"{value!r} is not a valid id", id_hint(value))
        return value
