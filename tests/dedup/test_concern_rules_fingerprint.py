"""The kept notices' fingerprint (reviewkit.dedup.concerns_kept.rules_fingerprint) covers every
module whose rules find the notices: the dedup modules that reviewkit.dedup.concerns_kept
imports, and those they import in turn, read from the source (not listed by hand, so that a module a rule comes
to import is asked for too). A module left out would leave kept notices standing after its
rules changed (status and the report then show notices the rules no longer find)."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect

from reviewkit.dedup import concerns_kept

PACKAGE = "reviewkit.dedup"


def _imported(name: str) -> set[str]:
    """The modules of reviewkit a module's source imports."""
    source = inspect.getsource(importlib.import_module(name))
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reviewkit"):
            for alias in node.names:  # 'from reviewkit.dedup import pages' imports a module
                full = f"{node.module}.{alias.name}"
                out.add(
                    full
                    if importlib.util.find_spec(node.module).submodule_search_locations
                    and importlib.util.find_spec(full)
                    else node.module
                )
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("reviewkit")}
    return out


def _rules_modules() -> set[str]:
    """The dedup modules reached from reviewkit.dedup.concerns_kept by imports."""
    seen: set[str] = set()
    todo = [concerns_kept.__name__]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(m for m in _imported(name) if m.startswith(PACKAGE + "."))
    return seen


def test_every_rules_module_is_in_the_fingerprint(monkeypatch) -> None:
    rules = concerns_kept.rules_fingerprint.__wrapped__
    before = rules()
    real = inspect.getsource
    left_out = []
    for name in sorted(_rules_modules()):
        changed = importlib.import_module(name)
        monkeypatch.setattr(
            inspect,
            "getsource",
            lambda m, changed=changed: real(m) + ("\n# changed" if m is changed else ""),
        )
        if rules() == before:
            left_out.append(name)
    monkeypatch.setattr(inspect, "getsource", real)
    assert not left_out, (
        f"modules whose rules the kept notices read, not in the fingerprint: {left_out}"
    )
