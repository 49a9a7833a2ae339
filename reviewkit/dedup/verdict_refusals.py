"""Why a person's verdict on a pair is refused: another reviewer settled it meanwhile
(:class:`SettledMeanwhile`), a person's 'different' forbids the merge (:func:`merge_refusal`),
or the two records are one cluster through others (:func:`apart_refusal`). Nothing is written
for a refused verdict (:func:`reviewkit.dedup.review.judge_pair` asks these first).
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.dedup.follow_ups import FOLLOWS_RE, own_different
from reviewkit.dedup.pair_queue import QueuePair
from reviewkit.errors import UserError, command_line
from reviewkit.protocol.people import typed_name
from reviewkit.store import duplicates as links
from reviewkit.store.db import Store


class SettledMeanwhile(UserError):
    """The pair a reviewer answered was settled by someone else since it was shown."""


def refuse_anothers(db: Store, a: int, b: int, made_by: str) -> None:
    """Refuse a verdict on a pair another person settled (their verdict stands until they, or
    a split, change it): two reviewers never settle one pair in contradicting ways."""
    history = links.link_history(db, a, b)
    last = history[-1] if history else None
    mine = last is None or last.made_by == made_by
    if not mine and last.person and last.verdict != "uncertain":
        _settled(a, b, last)


def _settled(a: int, b: int, last: links.Link) -> None:
    who = last.person or last.rule or last.made_by
    word = "same record" if last.verdict == "duplicate" else "different records"
    follows = FOLLOWS_RE.match(last.reason)
    if follows:  # closed with a 'different' on another pair of the two clusters
        word += f", as following from a 'different' on {follows[1]}–{follows[2]}"
    raise SettledMeanwhile(
        f"records {a} and {b} were settled meanwhile by {who}: {word}; nothing was written",
        hint="the next pair is shown; to change it, agree with them (dedup split, or undo)",
    )


def refuse_settled(
    db: Store, shown: QueuePair, cmap: dict[int, int], different: list[links.Link]
) -> None:
    """Refuse a verdict on a pair that left the queue since it was shown (another reviewer's
    verdict on it, a merge that made it one record, a 'different' that holds it apart).
    ``different``: the current 'not_duplicate' links."""
    a, b = shown.a, shown.b
    history = links.link_history(db, a, b)
    last = history[-1] if history else None
    if last is not None and last.id != shown.link_id and last.verdict != "uncertain":
        _settled(a, b, last)
    if cmap.get(a, a) == cmap.get(b, b):
        raise SettledMeanwhile(
            f"records {a} and {b} were made one record meanwhile (a merge of their clusters);"
            " nothing was written",
            hint="the next pair is shown",
        )
    ends = {cmap.get(a, a), cmap.get(b, b)}
    for lk in different:
        if (
            lk.person
            and lk.id != shown.link_id
            and {cmap.get(lk.record_a, lk.record_a), cmap.get(lk.record_b, lk.record_b)} == ends
        ):
            raise SettledMeanwhile(
                f"records {a} and {b} were held apart meanwhile:"
                f" {lk.person} said records {lk.record_a} and"
                f" {lk.record_b} differ; nothing was written",
                hint="the next pair is shown",
            )


def merge_refusal(
    db: Store, a: int, b: int, different: Iterable[links.Link], made_by: str | None = None
) -> tuple[str, str] | None:
    """Why the clusters of ``a`` and ``b`` may not become one ((message, hint)), or None:
    a person said a record of the one and a record of the other differ. ``different``: the
    current 'not_duplicate' links. ``made_by``: who asks; their own 'different' on a-b itself
    does not hold: the new verdict on that pair replaces it (a person may change their mind
    about the two records they judged; another person's verdict is refused before this, see
    :func:`refuse_anothers`)."""
    side_a = links.members_of(db, (a,))
    if b in side_a:
        return None  # one cluster already
    side_b = links.members_of(db, (b,))
    different = list(different)
    # their own verdict on this pair and the pairs closed with it, which the merge replaces
    replaced = {lk.id for lk in own_different(different, a, b, made_by)}
    for lk in different:
        if not lk.person or lk.id in replaced:
            continue
        x, y = lk.record_a, lk.record_b
        if (x in side_a and y in side_b) or (x in side_b and y in side_a):
            who = lk.person
            if {x, y} == {a, b}:  # a split would leave this verdict standing
                return (
                    f"records {a} and {b} cannot be merged: {who} said they differ",
                    f"only {who} can change that verdict (dedup merge or dedup review as"
                    f" {who}, or their undo)",
                )
            return (
                f"records {a} and {b} cannot be merged: {who} said records {x} and {y} differ,"
                f" and they would end up in one cluster",
                f"undo that verdict, or split {x} or {y} from its cluster first",
            )
    return None


def split_line(record: int, person: str) -> str:
    """The line that splits ``record`` from its cluster as ``person``'s action, for a refusal
    told to them to give: dedup split takes $REVIEWKIT_REVIEWER or the login name by default,
    under which the line copied without the name was logged (and undone) as another's."""
    return command_line(f"dedup split {record} --reviewer {typed_name(person)}")


def apart_refusal(
    db: Store, a: int, b: int, cmap: dict[int, int], person: str
) -> tuple[str, str] | None:
    """Why ``a`` and ``b`` may not be said to differ ((message, hint)), or None: they are one
    cluster through other records, not merged directly (split one of them first: the split's
    line names ``person``, who was refused, as dedup split takes the login name by default)."""
    direct = [lk for lk in links.current_links_of(db, a) if {lk.record_a, lk.record_b} == {a, b}]
    joined_directly = any(lk.verdict == "duplicate" for lk in direct)
    if cmap.get(a) == cmap.get(b) and not joined_directly:
        return (
            f"records {a} and {b} are in one cluster through other records",
            f"split one of them first: {split_line(b, person)}",
        )
    return None
