"""Counts in words, one rule for every message and report: '1 record', '2 records', '1 study'.

English takes the singular for exactly one and the plural otherwise (also for 0). The plural of
a noun phrase is that of its last word, by the regular rules (study → studies, batch → batches,
key → keys); a noun they get wrong passes its plural. A verb agrees with a count by the same rule
(:func:`verb`: '1 run is', '2 runs are').
"""

from __future__ import annotations

from collections.abc import Sequence


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


def verb(n: int, singular: str, plural_form: str) -> str:
    """The verb that agrees with a count ``n``: ``singular`` for exactly one, else
    ``plural_form`` ('is'/'are', 'has'/'have'; English verbs have no regular rule to derive
    one from the other, so both are given)."""
    return singular if n == 1 else plural_form


def numbered(noun: str, numbers: Sequence[int], shown: int = 5) -> str:
    """The noun and the first ``shown`` of ``numbers`` (one or more), the rest counted: 'study
    3', 'records 3 and 5', 'studies 3, 5, 7, 9, 11 and 4 more' (a line per number told 2,000
    studies in 2,000 lines, and a message line cut them without a sign)."""
    ids = [str(n) for n in numbers]
    if len(ids) == 1:
        return f"{noun} {ids[0]}"
    if len(ids) > shown:
        return f"{plural(noun)} {', '.join(ids[:shown])} and {len(ids) - shown} more"
    return f"{plural(noun)} {', '.join(ids[:-1])} and {ids[-1]}"
