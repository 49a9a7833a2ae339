"""The dedup benchmark's tables per rule: merges and queued pairs on each labelled set, and
the audit of rules over every set measured (:mod:`benchmarks.bench_dedup` writes both)."""

from __future__ import annotations

import re


def _rules_fired(sets: dict) -> list[str]:
    """The rules that decided a pair on any set: in the table's order, then chain_guard:R."""
    from reviewkit.dedup.rules import RULES

    fired = {r for row in sets.values() for r in row["reviewkit"].get("rule_pairs", {})}
    return [r.name for r in RULES if r.name in fired] + sorted(fired - {r.name for r in RULES})


def rule_table(sets: dict) -> list[str]:
    """Per rule (in the table's order, then chaining-guard refusals), per set: merges / queued
    pairs. A rule that fires on one set only is flagged: it may fit that set, not a kind."""
    order = _rules_fired(sets)
    lines = [
        "",
        "## Per rule: merges / queued pairs on each set",
        "",
        "Rules in the order they are asked; `chain_guard:R` = merges by rule R that the chaining",
        "guard sent to review. A rule that fires on one set only is flagged (a warning sign: it",
        "may fit that set rather than a kind of record).",
        "",
        "| rule | " + " | ".join(sets) + " | note |",
        "|---|" + "---:|" * len(sets) + "---|",
    ]
    for rule in order:
        cells = [sets[n]["reviewkit"].get("rule_pairs", {}).get(rule, [0, 0]) for n in sets]
        on = sum(1 for m, q, *_ in cells if m or q)
        note = "fires on one set only" if on == 1 and len(sets) > 1 else ""
        lines.append(
            f"| {rule} | " + " | ".join(f"{m} / {q}" for m, q, *_ in cells) + f" | {note} |"
        )
    return lines


def can_merge(test) -> bool:
    """Whether a rule's test can return a merge (DUPLICATE appears in its code, not only
    NOT_DUPLICATE): a rule that cannot only queues or keeps apart, so it makes no false
    merge on any set, seen or not."""
    import inspect

    return bool(re.search(r"(?<![A-Z_])DUPLICATE\b", inspect.getsource(test)))


def rules_by_set(sets: dict) -> list[str]:
    """The audit table over every labelled set measured (dev and held-out): per rule, the sets
    it fires on, its merges, the share of its largest set, merged pairs labelled apart and
    queued pairs. Flagged: a rule firing on one set only, or taking most of its merges from
    one set; each flagged rule is accounted for in :data:`benchmarks.dedup_notes.AUDIT_NOTES`."""
    from reviewkit.dedup.rules import RULES

    why = {r.name: r.why for r in RULES}
    merging = {r.name: can_merge(r.test) for r in RULES}
    order = _rules_fired(sets)
    lines = [
        "",
        f"## Rules by set ({len(sets)} labelled sets)",
        "",
        "Per rule over the dev and held-out sets: the sets it merges or queues on, its merges,",
        "the share of them from its largest set, merged pairs that the labels keep apart (before",
        "clustering: a pair can be labelled apart yet its records end in one true cluster) and",
        "queued pairs. Flagged: fires on one set only, or more than half its merges from one set.",
        "'can merge': whether the rule's code can merge at all (no: it queues or keeps apart, and",
        "cannot make a false merge on an unseen set).",
        "",
        "| rule | sets | merges | largest set (share) | merged, labelled apart | queued | flag"
        " | can merge | kind |",
        "|---|---:|---:|---|---:|---:|---|---|---|",
    ]
    for rule in order:
        cells = {n: sets[n]["reviewkit"].get("rule_pairs", {}).get(rule, [0, 0, 0]) for n in sets}
        on = [n for n, c in cells.items() if c[0] or c[1]]
        merges = sum(c[0] for c in cells.values())
        top = max(cells, key=lambda n: cells[n][0])
        share = cells[top][0] / merges if merges else 0.0
        apart = sum(c[2] if len(c) > 2 else 0 for c in cells.values())
        queued = sum(c[1] for c in cells.values())
        flag = "one set" if len(on) == 1 else "mostly one set" if share > 0.5 else ""
        largest = f"{top} ({share:.0%})" if merges else "–"
        lines.append(
            f"| {rule} | {len(on)} | {merges} | {largest} | {apart} | {queued} | {flag}"
            f" | {'yes' if merging.get(rule) else 'no'}"
            f" | {why.get(rule, 'merges the chaining guard held back')} |"
        )
    return lines
