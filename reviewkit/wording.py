"""Counts in words, one rule for every message and report: '1 record', '2 records', '1 study'.

English takes the singular for exactly one and the plural otherwise (also for 0). The plural of
a noun phrase is that of its last word, by the regular rules (study → studies, batch → batches,
key → keys); a noun they get wrong passes its plural. A verb agrees with a count by the same rule
(:func:`verb`: '1 run is', '2 runs are'). A list a message names is cut at a few and the rest
counted, in one form (:func:`listed`: 'a.ris and b.ris', 'a, b, c, d, e and 4 more').
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


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


def numbered(noun: str, numbers: Sequence[int | str], shown: int = 5) -> str:
    """The noun and the first ``shown`` of ``numbers`` (or names the caller quoted; one or
    more), the rest counted: 'study 3', 'records 3 and 5', 'studies 3, 5, 7, 9, 11 and 4 more',
    'columns record_a and verdict' (a line per number told 2,000 studies in 2,000 lines, and a
    message line cut them without a sign). Taken as they are: a number reads one way."""
    shown_numbers = listed(map(str, numbers), shown, quote=False)
    return f"{noun if len(numbers) == 1 else plural(noun)} {shown_numbers}"


def listed(items: Iterable[str], shown: int = 5, sep: str = ", ", *, quote: bool = True) -> str:
    """The first ``shown`` of ``items`` in a sentence, the rest counted: 'a.ris',
    'a.ris and b.ris', 'a, b, c, d, e and 4 more' (:func:`numbered` for numbers after a noun).
    Every list a message names is cut so, with a sign of how many it left out. Items that may
    hold a comma themselves (a cell's text) are parted by ``sep`` '; '. An item that would read
    as two or as none is quoted (:func:`_quoted`): "holding 'Smith, J.ris', a.ris and b.ris";
    ``quote`` False takes items that quote their own names as they are. No items: 'none' (a
    header row of empty names listed its columns so, and raised IndexError)."""
    names = [_quoted(n, sep) if quote else n for n in items]
    if not names:
        return "none"
    if len(names) > shown:
        return f"{sep.join(names[:shown])} {_rest(len(names) - shown)}"
    return names[0] if len(names) == 1 else f"{sep.join(names[:-1])} and {names[-1]}"


def _quoted(item: str, sep: str) -> str:
    """``item`` as repr quotes it (the quotes messages put round a name: {name!r}) where
    unquoted it would read ambiguously in a list parted by ``sep`` and a last 'and' — it holds
    the separator, or the word 'and' in any case ('Smith, J.ris', 'pubmed and embase.ris'), or
    nothing to see (empty, or spaces at an end: a CSV header's ' title') — else as it is: a
    file or column name is nearly always plain, and a quote inside one alone misreads nothing.
    Quoting only these keeps a list of plain names as every message showed it."""
    words = f" {item.casefold()} "
    if sep in item or " and " in words or item != item.strip() or not item:
        return repr(item)
    return item


def listed_lines(lines: Sequence[str], shown: int) -> list[str]:
    """The first ``shown`` of ``lines`` (a message naming a problem a line), and a line '… and
    N more' for the rest (:func:`listed` for a list in a sentence)."""
    return [*lines[:shown], f"… {_rest(len(lines) - shown)}"] if len(lines) > shown else [*lines]


def _rest(n: int) -> str:
    """How many a list left out, in every list's words."""
    return f"and {n} more"
