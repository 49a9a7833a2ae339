"""Notices kept in the project (migrations 096, 097): found once by ``import``, ``search run``
and ``dedup``, read by ``status``, the report and the screening screen, brought up to date where
records were only added since (:mod:`~reviewkit.dedup.concerns_added`), and found again when the
records changed otherwise or the rules did (:func:`rules_fingerprint`). What the rules are:
:mod:`reviewkit.dedup.concerns`."""

from __future__ import annotations

import hashlib
import re
from contextlib import suppress
from functools import cache
from pathlib import Path

from reviewkit.dedup.concerns import Concern, concerns_and_targets
from reviewkit.dedup.concerns_added import Finding, as_found, concerns_with_added
from reviewkit.dedup.concerns_stored import record_keys
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.titles import match_title
from reviewkit.errors import DatabaseBusy
from reviewkit.store.concerns import keep_concerns, kept_concerns, records_state
from reviewkit.store.db import Store
from reviewkit.store.records import get_records, link_fields

# The modules whose source makes the fingerprint are those this module reaches by imports
# within these packages: dedup's (the rules and what they read titles, pages and names with),
# the record model (DOI folding), the store's ``link_fields`` (which fields the rules read) and
# the store's kept keys (how each key is hashed and looked up: kept by other code, a key's hash
# would find nothing). Found from the imports, not listed by hand, so that a module a rule
# comes to import counts.
_RULES_PACKAGES = (
    "reviewkit.dedup.",
    "reviewkit.records",
    "reviewkit.store.records",
    "reviewkit.store.concerns",
)


# what a screen's thread keeping the notices is doing, said to a key that waits for its lock
KEEPING_NOTICES = "keeping the retractions, errata and comments it found"


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
    process's lock, or for another process keeping its own meanwhile, leaves them to be found
    again when read; records added by another process meanwhile are brought up to date then."""
    kept = kept_project_concerns(db)
    if kept is not None:
        return kept
    rules, state = rules_fingerprint(), records_state(db)
    made = _found(db)
    rows = [(rid, c.kind, c.pmid, c.notice, c.how) for rid, cs in made.found.items() for c in cs]
    with suppress(DatabaseBusy):
        keep_concerns(
            db,
            rules,
            state,
            rows,
            made.notices,
            made.target_rows(),
            made.keys,
            made.every_key,
            made.based_on,
        )
    return made.found


def keep_project_concerns_at(path: Path) -> dict[int, list[Concern]]:
    """:func:`keep_project_concerns` on a connection of its own to the project database at
    ``path``: for a screen's thread, so that its first record is drawn without waiting."""
    db = Store.open(path)
    db.writer = KEEPING_NOTICES  # what a key of the screen waits for meanwhile
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
    """A fingerprint of the rules that find the notices: the bytes of every module's file
    reached from this one by imports within :data:`_RULES_PACKAGES`. Notices kept by other
    rules (an upgrade of reviewkit) are found again, once."""
    try:
        files = _rules_files()
        text = b"".join(name.encode() + b"\0" + files[name].read_bytes() for name in sorted(files))
    except OSError:  # installed without its source: the version stands for the rules
        from reviewkit import __version__

        text = __version__.encode()
    return hashlib.sha256(text).hexdigest()[:16]


# an import statement, at any indent (within a function too): 'import reviewkit.<module>' or
# 'from <module> import <names>', the names in brackets over several lines or to the line's end
_IMPORT = re.compile(
    rb"^[ \t]*(?:import[ \t]+(?P<module>[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*)"
    rb"|from[ \t]+(?P<source>\.*[\w.]*)[ \t]+import[ \t]*(?P<names>\([^)]*\)|[^\n]*))",
    re.M,
)


def _rules_files() -> dict[str, Path]:
    """The source files of the modules reached from this one by imports within
    :data:`_RULES_PACKAGES`, by module name: its import statements read by a pattern, not
    parsed (parsing the 23 modules cost 0.06-0.12 CPU-s a process: ``status``, the screen)."""
    root = Path(__file__).resolve().parents[1]  # the reviewkit package
    seen: dict[str, Path] = {}
    todo = [__name__]
    while todo:
        name = todo.pop()
        if name in seen or not (path := _module_file(root, name)):
            continue
        seen[name] = path
        imported = _imported(name, path.name == "__init__.py", path.read_bytes())
        todo.extend(m for m in imported if m.startswith(_RULES_PACKAGES))
    return seen


def _module_file(root: Path, name: str) -> Path | None:
    """The source file of reviewkit's module ``name`` (None for another package's)."""
    parts = name.split(".")
    if parts[0] != "reviewkit":
        return None
    base = root.joinpath(*parts[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imported(name: str, package: bool, source: bytes) -> set[str]:
    """The names of the modules a module's ``source`` imports ('from reviewkit.dedup import
    pages' imports the module pages and the package; 'from reviewkit.dedup.pages import x' the
    module reviewkit.dedup.pages; 'from . import pages' as written in full). A name that is no
    module finds no file (:func:`_module_file`) and is left."""
    here = name if package else name.rpartition(".")[0]
    out: set[str] = set()
    for m in _IMPORT.finditer(source):
        if m["module"]:
            out |= {n.strip() for n in m["module"].decode().split(",")}
            continue
        written = m["source"].decode()
        dots = len(written) - len(written.lstrip("."))
        if dots:
            up = here.rsplit(".", dots - 1)[0] if dots > 1 else here
            written = ".".join(p for p in (up, written[dots:]) if p)
        names = re.sub(r"#[^\n]*", "", m["names"].decode())
        out.add(written)
        for alias in re.split(r"[\s,()]+", names):
            if alias and alias not in ("as", "*"):
                out.add(f"{written}.{alias}")
    return out
