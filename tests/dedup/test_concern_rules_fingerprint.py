"""The kept notices' fingerprint (reviewkit.dedup.concerns_kept.rules_fingerprint) covers every
module whose rules find the notices: the modules of reviewkit.dedup, reviewkit.records,
reviewkit.store.records and reviewkit.store.concerns (the kept keys' hashing) that reviewkit.dedup.concerns_kept imports, and those they import in
turn. The modules are found by the standard library's own reading of imports (modulefinder,
from the compiled code: relative imports and imports within functions too), not by the walk
of imports the fingerprint itself makes, so that a blind spot of that walk is not shared. A
module left out would leave kept notices standing after its rules changed (status and the
report then show notices the rules no longer find)."""

from __future__ import annotations

import importlib
import modulefinder
from pathlib import Path

from reviewkit.dedup import concerns_kept

# with the store's kept keys: hashed otherwise, the kept lookups would find nothing
RULES = (
    "reviewkit.dedup.",
    "reviewkit.records",
    "reviewkit.store.records",
    "reviewkit.store.concerns",
)


class _ReviewkitFinder(modulefinder.ModuleFinder):
    """modulefinder that follows reviewkit's imports only (the rest is not read: faster)."""

    def import_hook(
        self,
        name: str,
        caller: modulefinder.Module | None = None,
        fromlist: list[str] | None = None,
        level: int = -1,
    ) -> modulefinder.Module | None:
        if level <= 0 and not name.startswith("reviewkit"):
            return None
        return super().import_hook(name, caller, fromlist, level)


def _rules_modules() -> set[str]:
    """The rules modules reached from reviewkit.dedup.concerns_kept by imports."""
    finder = _ReviewkitFinder()
    finder.run_script(concerns_kept.__file__)
    return {n for n in finder.modules if n.startswith(RULES)} | {concerns_kept.__name__}


def test_the_modules_are_found() -> None:
    """The finder reads the imports the notices' rules make (a check of the check)."""
    found = _rules_modules()
    for name in ("concerns", "concerns_added", "notice_titles", "titles", "journals"):
        assert f"reviewkit.dedup.{name}" in found
    assert {"reviewkit.records", "reviewkit.store.records", "reviewkit.store.concerns"} <= found


def test_every_rules_module_is_in_the_fingerprint(monkeypatch) -> None:
    rules = concerns_kept.rules_fingerprint.__wrapped__
    before = rules()
    real = Path.read_bytes
    left_out = []
    for name in sorted(_rules_modules()):
        changed = Path(importlib.import_module(name).__file__).resolve()
        monkeypatch.setattr(
            Path,
            "read_bytes",
            lambda p, changed=changed: real(p) + (b"\n# changed" if p == changed else b""),
        )
        if rules() == before:
            left_out.append(name)
    monkeypatch.setattr(Path, "read_bytes", real)
    assert not left_out, (
        f"modules whose rules the kept notices read, not in the fingerprint: {left_out}"
    )
