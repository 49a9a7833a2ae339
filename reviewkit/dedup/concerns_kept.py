"""Notices kept in the project (migrations 096, 097): found once by ``import``, ``search run``
and ``dedup``, read by ``status``, the report and the screening screen, brought up to date where
records were only added since (:mod:`~reviewkit.dedup.concerns_added`), and found again when the
records changed otherwise or the rules did (:func:`rules_fingerprint`). What the rules are:
:mod:`reviewkit.dedup.concerns`."""

from __future__ import annotations

import ast
import hashlib
import importlib
import importlib.util
import inspect
import sys
from contextlib import suppress
from functools import cache
from pathlib import Path
from types import ModuleType

from reviewkit.dedup.concerns import Concern, as_found, concerns_and_targets
from reviewkit.dedup.concerns_added import Finding, concerns_with_added
from reviewkit.dedup.concerns_stored import record_keys
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.titles import match_title
from reviewkit.errors import DatabaseBusy
from reviewkit.store.concerns import keep_concerns, kept_concerns, records_state
from reviewkit.store.db import Store
from reviewkit.store.records import get_records, link_fields

# The modules whose source makes the fingerprint are those this module reaches by imports
# within these packages: dedup's (the rules and what they read titles, pages and names with),
# the record model (DOI folding) and the store's ``link_fields`` (which fields the rules read).
# Found from the imports, not listed by hand, so that a module a rule comes to import counts.
_RULES_PACKAGES = ("reviewkit.dedup.", "reviewkit.records", "reviewkit.store.records")


def project_concerns(db: Store) -> dict[int, list[Concern]]:
    """:func:`~reviewkit.dedup.concerns.concerns_among` over every record of the project: as kept by
    :func:`keep_project_concerns` while the records and the rules are the same (status and the
    report then read a few rows, not every title), brought up to date where records were only
    added since; otherwise found again (not kept: a reading command writes nothing)."""
    kept = kept_project_concerns(db)
    return _found(db).found if kept is None else kept


def kept_project_concerns(db: Store) -> dict[int, list[Concern]] | None:
    """The notices kept for the records as they are and the rules as they are; None when
    there are none such (records added since, other rules, a project from before them)."""
    kept = kept_concerns(db, rules_fingerprint())
    return None if kept is None else as_found(kept)


def keep_project_concerns(db: Store) -> dict[int, list[Concern]]:
    """The notices about the project's records, found and kept (migrations 096, 097) unless
    kept for the records as they are: after an import, a search run, a dedup run. Where
    records were only added since they were kept, only what the new records change is found
    (:mod:`~reviewkit.dedup.concerns_added`); otherwise all again, about 6 CPU seconds on
    50,000 records (``benchmarks/results/notices-keep.md``). A write refused for another
    process's lock, or for records added by another process meanwhile, leaves them to be found
    again when read."""
    kept = kept_project_concerns(db)
    if kept is not None:
        return kept
    rules, state = rules_fingerprint(), records_state(db)
    made = _found(db)
    rows = [(rid, c.kind, c.pmid, c.notice, c.how) for rid, cs in made.found.items() for c in cs]
    with suppress(DatabaseBusy):
        keep_concerns(
            db, rules, state, rows, made.notices, made.target_rows(), made.keys, made.every_key
        )
    return made.found


def keep_project_concerns_at(path: Path) -> dict[int, list[Concern]]:
    """:func:`keep_project_concerns` on a connection of its own to the project database at
    ``path``: for a screen's thread, so that its first record is drawn without waiting."""
    db = Store.open(path)
    try:
        return keep_project_concerns(db)
    finally:
        db.close()


def _found(db: Store) -> Finding:
    """:func:`~reviewkit.dedup.concerns.concerns_among` over every record, with what is kept
    of it: from what was kept where records were only added since, else found again."""
    updated = concerns_with_added(db, rules_fingerprint())
    return _find(db) if updated is None else updated


def _find(db: Store) -> Finding:
    """:func:`~reviewkit.dedup.concerns.concerns_among` over every record, with what is kept
    of it. What the rules read of an article (title, PMID, DOI, publication types, PubMed's
    links) is read without parsing its record (:func:`~reviewkit.store.records.link_fields`);
    a notice's whole record (its abstract may name a DOI) only for the notices."""
    records = link_fields(db)
    notices = [i for i, r in records.items() if notice_about_a_paper(r)]
    if notices:  # none in most projects: no read at all
        records.update(get_records(db, notices))
    are_notices = set(notices)
    folded = {i: match_title(r.title or "") for i, r in records.items() if i not in are_notices}
    found, targets = concerns_and_targets(records, notices, folded)
    keys = [record_keys(i, records[i], title) for i, title in folded.items()]
    return Finding(found, notices, targets, keys, every_key=True)


@cache
def rules_fingerprint() -> str:
    """A fingerprint of the rules that find the notices: the source of every module reached
    from this one by imports within :data:`_RULES_PACKAGES`. Notices kept by other rules (an
    upgrade of reviewkit) are found again, once."""
    try:
        text = "".join(inspect.getsource(m) for m in _rules_modules())
    except OSError:  # installed without its source: the version stands for the rules
        from reviewkit import __version__ as text
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _rules_modules() -> list[ModuleType]:
    """The modules reached from this one by imports within :data:`_RULES_PACKAGES`, by name."""
    seen: dict[str, ModuleType] = {}
    todo = [__name__]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen[name] = module = sys.modules.get(name) or importlib.import_module(name)
        todo.extend(m for m in _imported(module) if m.startswith(_RULES_PACKAGES))
    return [seen[n] for n in sorted(seen)]


def _imported(module: ModuleType) -> set[str]:
    """The names of the reviewkit modules a module's source imports ('from reviewkit.dedup
    import pages' imports the module pages; 'from reviewkit.dedup.pages import x' the module
    reviewkit.dedup.pages; 'from . import pages' as written in full)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if isinstance(node, ast.ImportFrom):
            named = "." * node.level + (node.module or "")
            source = importlib.util.resolve_name(named, module.__package__) if node.level else named
            if not source.startswith("reviewkit"):
                continue
            package = importlib.util.find_spec(source).submodule_search_locations
            for alias in node.names:
                full = f"{source}.{alias.name}"
                out.add(full if package and importlib.util.find_spec(full) else source)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("reviewkit")}
    return out
