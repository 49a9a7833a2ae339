"""Typed messages the screens post after a stage function has written (and committed).

A screen posts one only once the write returned, so a message means "this is in the
database". Nothing in reviewkit handles them today; they bubble to :class:`ReviewkitApp`, and
tests catch them with ``app.run_test(message_hook=...)`` instead of reading the message line.
Textual initialises dataclass messages itself (``Message.__post_init__``).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass(eq=False)
class Decided(Message):
    """A screening decision (``label``: include, exclude, uncertain) on a study."""

    study: int
    label: str
    reason: str = ""
    decision_id: str = ""


@dataclass(eq=False)
class Undone(Message):
    """A reviewer's last decision at a stage (screening or conflicts) was undone."""

    study: int
    label: str


@dataclass(eq=False)
class Resolved(Message):
    """A conflict got its final decision."""

    study: int
    label: str
    reason: str
    resolver: str


@dataclass(eq=False)
class Confirmed(Message):
    """A study's labels in a classification scheme were confirmed."""

    study: int
    scheme: str
    labels: list[str]


@dataclass(eq=False)
class PairJudged(Message):
    """Two records were judged the same record (``duplicate``) or not (``not_duplicate``)."""

    a: int
    b: int
    verdict: str


@dataclass(eq=False)
class FieldSaved(Message):
    """An extraction field of a study was saved."""

    study: int
    field: str
    value: str
