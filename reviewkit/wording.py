"""Counts in words, one rule for every message and report: '1 record', '2 records', '1 study'.

English takes the singular for exactly one and the plural otherwise (also for 0). The plural of
a noun phrase is that of its last word, by the regular rules (study → studies, batch → batches,
key → keys); a noun they get wrong passes its plural.
"""

from __future__ import annotations


def plural(noun: str) -> str:
    """The regular plural of a noun phrase's last word: 'record' → 'records', 'study' →
    'studies', 'suggestion batch' → 'suggestion batches', 'PMID' → 'PMIDs'."""
    head, space, last = noun.rpartition(" ")
    if last.endswith("y") and len(last) > 1 and last[-2].lower() not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return head + space + last


def quantity(n: int, noun: str, plural_form: str | None = None) -> str:
    """``n`` and the noun in the right number: '1 record', '0 records', '3 studies'
    (``plural_form`` for a noun whose plural is not regular)."""
    return f"{n} {noun if n == 1 else plural_form or plural(noun)}"
