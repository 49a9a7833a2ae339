"""A parsed PubMed query's tree: its nodes (:class:`Term`, :class:`Range`, :class:`HistoryRef`,
:class:`BoolOp`) and the walks over it (:func:`leaves`, :func:`terms`, :func:`fold`).
:func:`reviewkit.query.parse` makes the tree; its readers import these from here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeGuard, TypeVar


@dataclass(frozen=True)
class Term:
    """One search term. ``text`` has no quotes and no trailing '*'; an unquoted term of several
    words before a tag (``breast cancer[tiab]``) is one term, as PubMed reads it."""

    text: str
    field: str = ""  # '' means all fields, as PubMed does for untagged terms
    phrase: bool = False  # written in double quotes
    truncated: bool = False  # ended with '*'
    noexp: bool = False  # [mh:noexp] and the like: MeSH not exploded
    proximity: int | None = None  # "a b"[tiab:~N]: the words at most N words apart
    # the tag as typed between its brackets ('Title/Abstract', 'PDAT'), '' when none or when
    # the term was made, not read: NCBI's messages echo it. No part of the term's meaning, so
    # neither compared nor in its repr (translation.same_translation compares reprs)
    tag: str = dataclasses.field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Range:
    start: str
    end: str
    field: str


@dataclass(frozen=True)
class HistoryRef:
    """``#3``: a line of the user's PubMed search history (not part of a stored query)."""

    number: int


@dataclass(frozen=True)
class BoolOp:
    op: str  # AND | OR | NOT
    left: Node
    right: Node
    # An AND of untagged words side by side (``smith j``; not across a parenthesis, tag, quote
    # or truncation), which PubMed's term mapping reads as one phrase first (the local server's
    # author step, pubmed/term_mapping.py). Equal to the written-out AND otherwise.
    adjacent: bool = field(default=False, compare=False)


Node = Term | Range | HistoryRef | BoolOp


def untagged_word(node: Node) -> TypeGuard[Term]:
    """Whether ``node`` is a term written without a tag, quotes or truncation (a word that may
    join its neighbours in one ATM phrase: :attr:`BoolOp.adjacent`)."""
    return isinstance(node, Term) and not (node.field or node.phrase or node.truncated)


def leaves(node: Node) -> list[Node]:
    """The operands of a query that are no operator (terms, ranges, history references), left
    to right. Walked with a stack, not recursion: a chain of 1,000+ ORed terms (a drug-name
    list) is a tree that deep."""
    out: list[Node] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, BoolOp):
            stack += [n.right, n.left]
        else:
            out.append(n)
    return out


def terms(node: Node) -> list[Term]:
    """All terms of a query, left to right (:func:`leaves` that are terms)."""
    return [n for n in leaves(node) if isinstance(n, Term)]


T = TypeVar("T")


def fold(node: Node, leaf: Callable[[Node], T], combine: Callable[[BoolOp, T, T], T]) -> T:
    """Fold a query tree bottom-up, left before right, with an explicit stack instead of
    recursion: ``leaf`` gives each non-operator node's value, ``combine`` an operator's from its
    two operands'. A chain of n terms is a left-deep tree n deep (``a OR b OR c`` is
    ``(a OR b) OR c``), so a written-out drug list of 5,000 names must not cost 5,000 frames."""
    stack: list[tuple[Node, bool]] = [(node, False)]
    values: list[T] = []
    while stack:
        n, operands_done = stack.pop()
        if not isinstance(n, BoolOp):
            values.append(leaf(n))
        elif operands_done:
            right = values.pop()
            values.append(combine(n, values.pop(), right))
        else:  # the left operand is popped, so evaluated, first
            stack += [(n, True), (n.right, False), (n.left, False)]
    return values[0]
