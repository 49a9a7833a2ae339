"""Studies shown in more than one report table, and the words the tables use for them.

A report table is one label of the report scheme. A study sits in each table whose label it
carries (:func:`reviewkit.classify.study_labels.study_labels`), so the tables can hold more rows
than there are included studies. Two kinds of study do that:

* a **tie**: labels that may not stand together in the scheme (a one-label scheme) and that no
  person confirmed: the rules found as much evidence for each (every tied label, flagged, as
  ``classify`` reports it), the study's reports were confirmed differently and offer their labels
  as a tie, or its reports got different suggestions. The study stays in each of its tied groups
  until a reviewer confirms one: the tool never breaks a tie silently;
* a study with **several labels** the scheme allows together (a multi-label scheme, or topic
  labels beside one other label), confirmed or not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reviewkit.classify import Assigned, allowed_together
from reviewkit.protocol import Scheme
from reviewkit.wording import quantity


def is_tie(scheme: Scheme, assigned: Assigned) -> bool:
    """Whether a study's labels are a tie still open: labels the scheme does not allow together
    (:func:`reviewkit.classify.allowed_together`), not confirmed by a person."""
    return not assigned.confirmed and not allowed_together(scheme, list(assigned.labels))


def row_status(scheme: Scheme, assigned: Assigned, label: str, names: Mapping[str, str]) -> str:
    """The "Label status" of a study's row in the table of ``label``: whose word the label is
    ('confirmed by ann', 'suggested', …), and for a tie 'tie: suggested, not confirmed; also in <the
    other tied groups>', so that a table read on its own (a CSV file) says why the study is
    there and where else it is."""
    if not is_tie(scheme, assigned):
        return assigned.status
    others = [names.get(lab, lab) for lab in assigned.labels if lab != label]
    return f"tie: {assigned.status}, not confirmed; also in {', '.join(others)}"


def table_note(scheme: Scheme, group: Sequence[Assigned], everyone: Sequence[Assigned]) -> str:
    """What a table's note says about studies shown in other tables too: how many of this
    table's studies (``group``) are ties, and, when one of them is shown in another table too,
    how many rows the tables together hold for how many studies (``everyone``), and why. A
    table none of whose studies is in another table says nothing of the others' rows."""
    parts = []
    tied = sum(1 for a in group if is_tie(scheme, a))
    if tied == 1:
        parts.append("1 of these studies is a tie: it appears in each of its tied groups")
    elif tied:
        parts.append(f"{tied} of these studies are ties: each appears in each of its tied groups")
    if tied:
        parts[-1] += " (its \"Label status\" starts with 'tie') until a reviewer confirms one."
    rows = sum(len(a.labels) for a in everyone)
    if any(len(a.labels) > 1 for a in group):
        n_tied = sum(1 for a in everyone if is_tie(scheme, a))
        n_several = sum(1 for a in everyone if len(a.labels) > 1 and not is_tie(scheme, a))
        why = []
        if n_tied:
            why.append(
                f"{quantity(n_tied, 'tied study', 'tied studies')} shown once per tied group"
            )
        if n_several:
            why.append(f"{quantity(n_several, 'study')} with several labels shown once per label")
        parts.append(
            f"The tables hold {rows} rows for {quantity(len(everyone), 'included study')}: "
            + " and ".join(why)
            + "."
        )
    return " ".join(parts)
