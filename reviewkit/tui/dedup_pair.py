"""The two records of a duplicate pair as ``dedup review`` shows them: one table, a row per
field, the words one record has and the other lacks marked, and the rule that queued the pair
in words (the pane's borders)."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from reviewkit.dedup.engine import PAIR_FIELDS
from reviewkit.dedup.pair_queue import record_type
from reviewkit.dedup.rule_why import rule_why
from reviewkit.dedup.score import ABSTRACT_OPENING
from reviewkit.records import Record, fold_text
from reviewkit.tui.widgets import journal_shown

DIFF_STYLE = "bold black on #f4d03f"


# the abstract's opening the screen shows: twice what the rules compare (dedup.score's
# ABSTRACT_OPENING), enough to tell one text from another without pushing the pane's rows away;
# the queue sheet (`dedup review --csv`) has it whole
ABSTRACT_SHOWN = 2 * ABSTRACT_OPENING


def field_text(rec: Record, name: str) -> str:
    """One field of ``rec`` as shown (authors: the first 12, then '…'; the abstract: its
    opening, then '…'; the journal with its abbreviation when that says more, as the two
    copies of one article often give the journal one by its name, one by its abbreviation
    (:func:`~reviewkit.tui.widgets.journal_shown`); a missing value: '')."""
    if name == "journal":
        return journal_shown(rec)
    value = getattr(rec, name)
    if name == "authors":
        return "; ".join(value[:12]) + (" …" if len(value) > 12 else "")
    if name == "abstract" and len(value) > ABSTRACT_SHOWN:
        return value[:ABSTRACT_SHOWN].rsplit(" ", 1)[0] + " …"
    return "" if value is None else str(value)


def marked(text: str, other: str) -> Text:
    """``text`` with the words that ``other`` lacks highlighted (compared folded)."""
    out = Text()
    theirs = set(fold_text(other).split())
    for i, word in enumerate(text.split(" ")):
        if i:
            out.append(" ")
        folded = fold_text(word)
        out.append(word, style=DIFF_STYLE if folded and not set(folded.split()) <= theirs else "")
    return out


def cell(rec: Record, other: Record, name: str) -> Text:
    """One field of ``rec`` as a cell, marked where it differs from ``other``."""
    mine, theirs = field_text(rec, name), field_text(other, name)
    if name in ("title", "authors", "journal", "abstract") and mine:
        return marked(mine, theirs)
    differs = fold_text(mine) != fold_text(theirs)
    return Text(mine or "—", style=DIFF_STYLE if differs and mine else "")


def record_cell(rec: Record, other: Record, record_id: int, typed: bool) -> Text:
    """The record's id, then (``typed``: when either record of the pair says what kind it is)
    its types, the words the other's lack marked ('—' when it has none)."""
    out = Text(str(record_id), style="bold")
    if typed:
        mine = record_type(rec)
        out.append("  ")
        out.append_text(marked(mine, record_type(other)) if mine else Text("—"))
    return out


def rule_titles(rule: str, guard: str = "") -> tuple[str, str]:
    """Why the pair waits for a person, as one can read it (the rule's one-line reason, with
    the chaining guard's own reason when it held the merge back), and the rule's name as the
    README and ``dedup report --rules`` give it (to look it up there): the pane's top and
    bottom borders, so they take no row from the records."""
    why = rule_why(rule, guard)
    if why is None:  # a rule no longer in the table (an older link): its name only
        return f"queued by rule {rule}", ""
    return f"why: {why}", f"rule {rule}"


def pair_table(a: Record, b: Record, id_a: int, id_b: int) -> Table:
    """The two records as one table, a row per field: a row takes the height of its taller
    cell, so a title that wraps to more lines on one side keeps the fields below side by side.
    The first row gives each record's id and, when either record says what kind it is, its
    type: settling "a meeting's abstract or the article" needs it (beside the id, so the
    fields below keep their rows at 80x24, where the lower ones need PgDn)."""
    table = Table(box=box.MINIMAL, show_header=False, show_edge=False, padding=(0, 1), expand=True)
    table.add_column("field", style="dim", no_wrap=True, width=8)
    table.add_column("left", ratio=1)
    table.add_column("right", ratio=1)
    typed = bool(record_type(a) or record_type(b))
    table.add_row("record", record_cell(a, b, id_a, typed), record_cell(b, a, id_b, typed))
    for name in PAIR_FIELDS:
        table.add_row(name, cell(a, b, name), cell(b, a, name))
    return table
