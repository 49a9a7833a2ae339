"""The steps of PubMed's automatic term mapping (ATM) the local server takes: names.

PubMed Help, "How PubMed works: automatic term mapping" (the appendix as archived, 2016-2017):
"Untagged terms that are entered in the search box are matched (in this order) against a MeSH
(Medical Subject Headings) translation table, a Journals translation table, the Full Author
translation table, Author index, the Full Investigator (Collaborator) translation table and an
Investigator (Collaborator) index. When a match is found for a term or phrase in a translation
table the mapping process is complete". Words written side by side are one phrase to it, split
only when the whole finds no match (NLM PubMed tutorial, "Automatic Term Mapping").

The local server has no MeSH translation table (no entry terms, no MeSH tree) nor NLM's journal
table, so it maps no subject and no journal. It takes the author and investigator index steps:
untagged words side by side in PubMed's author format, "last name followed by a space and up to
the first two initials followed by a space and a suffix abbreviation" (PubMed Help, Search
Field Descriptions and Tags, [au]; ``smith j``, ``o'brien jc jr``), are searched as ``[au]``
when the author index has the name, else as ``[ir]`` when the investigator index has it, else
as written in All Fields (as before). A phrase the earlier steps would have taken (a MeSH
heading, subheading, publication type or substance of the snapshot's records, or one of its
journals: ``vitamin d``, ``hepatitis c``) is left to them: PubMed maps it there and never
reaches the author index. Not imitated: the Full Author and Full Investigator translation
tables (``john smith``): without PubMed's MeSH table in front, two ordinary words that happen to
be someone's full name (``hong kong``, ``rose bengal``) would turn into an author search
(rd37a built it and measured: ``san francisco`` 248 articles -> 1 author, ``von hippel`` 14 -> 2;
pubmed-fidelity.md, section rd37a); and the splitting of a longer phrase into a name and other
words (``smith j cancer``).

PMIDs: "You can search for several PMIDs by entering each number in the search box separated by
a space (e.g., 17170002 16381840); PubMed will OR the PMIDs together" (PubMed's User Guide,
2024, PMID [pmid]). Numbers side by side, and nothing else, are ORed, each searched in All
Fields, which holds the PMID (:meth:`reviewkit.pubmed.evaluate.Evaluator._term`); a comma
between them is a space, as PubMed converts it.

A sign alone among untagged words side by side (a pasted title, ``work - sick``,
``Pleuroscopy - a review``) is a piece of that one operand found nowhere: left out and named,
the words searched, as a tagged term's sign is (:func:`without_lone_signs`). Our reading: no
recorded reply holds a sign alone; PubMed's User Guide turns a comma into a space. So is a word
of such a run that no record holds (:func:`without_words`; ``cancer and aswfgh``, Entrez's
recorded reply of 2002, counted cancer's records and named ``aswfgh``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from reviewkit.pubmed.citation_terms import SUFFIXES
from reviewkit.pubmed.index_rows import MAX_INITIALS
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.text_search import lone_sign
from reviewkit.pubmed.uids import uid
from reviewkit.query_nodes import BoolOp, Node, Term, fold, leaves, untagged_word
from reviewkit.records import fold_text

# A last name of one or more words, 1-2 initials, an optional suffix (PubMed Help's [au] format;
# the suffixes NLM writes, as citation_terms reads them), folded ('o'brien j' is 'o brien j').
_AUTHOR_FORMAT = re.compile(
    rf"(?:[a-z]+ )+[a-z]{{1,{MAX_INITIALS}}}(?: (?:{'|'.join(sorted(SUFFIXES))}))?"
)
# The fields of the earlier steps (MeSH translation table, Journals translation table), as far
# as the snapshot's records hold them.
_EARLIER_TABLES = ("mh", "sh", "pt", "nm")

_Mapped = tuple[Node, list[str] | None]  # the node, and its words if it is plain side-by-side words
_Signed = tuple[
    Node | None, list[Term]
]  # the node without its lone signs (None: signs only), those


def map_names(node: Node, snapshot: Snapshot) -> Node:
    """The query with each run of untagged words written side by side that is a name in
    PubMed's author format replaced by that name's ``[au]`` (or ``[ir]``) term, when the
    snapshot's author (investigator) index has it and no earlier ATM table takes the words."""

    def leaf(n: Node) -> _Mapped:
        plain = untagged_word(n) and not ("*" in n.text or "-" in n.text)
        return n, [n.text] if plain else None

    def op(n: BoolOp, left: _Mapped, right: _Mapped) -> _Mapped:
        if n.op == "AND" and n.adjacent and left[1] is not None and right[1] is not None:
            return n, left[1] + right[1]
        lhs, rhs = _finish(left, snapshot), _finish(right, snapshot)
        if lhs is n.left and rhs is n.right:
            return n, None
        return BoolOp(n.op, lhs, rhs, adjacent=n.adjacent), None

    return _finish(fold(node, leaf, op), snapshot)


def _finish(mapped: _Mapped, snapshot: Snapshot) -> Node:
    """The node, the PMIDs its side-by-side numbers are, or the name term its side-by-side
    words map to."""
    node, words = mapped
    # each number in All Fields, which holds the PMID; a comma between them is a space to
    # PubMed ("Characters converted to spaces in search queries: … comma", the User Guide's
    # character conversions), as in a pasted list of ids, '17170002,16381840'
    numbers = [n for w in words or () for n in w.split(",") if n]
    several = len(numbers) > 1 or numbers != words  # one number with a comma is one id too
    if numbers and several and all(uid(n) for n in numbers):
        return functools.reduce(lambda a, b: BoolOp("OR", a, b), (Term(n) for n in numbers))
    if not words or len(words) < 2:
        return node
    written, name = " ".join(words), fold_text(" ".join(words))
    if not _AUTHOR_FORMAT.fullmatch(name) or _earlier_table(name, snapshot):
        return node
    for kind in ("au", "ir"):  # the Author index, then the Investigator index
        if snapshot.author(name, kind):
            return Term(written, kind)  # as written: the translation shows o'brien j[Author]
    return node


def _earlier_table(name: str, snapshot: Snapshot) -> bool:
    """Whether MeSH or journal mapping, which come first, would take the words."""
    return any(snapshot.term(f, name) for f in _EARLIER_TABLES) or bool(snapshot.journal(name))


def without_lone_signs(node: Node) -> tuple[Node, list[Term]]:
    """The query with each sign standing alone among untagged words side by side left out
    (``work - sick`` is ``work sick``), and those signs, to be named in PhraseNotFound: the
    words side by side are one operand to PubMed's term mapping, so the sign is a piece of it
    found nowhere, as in a tagged term (:func:`reviewkit.pubmed.text_search.lone_sign`). A run
    of signs alone, or a sign that is an operand of its own (``-``, ``work OR -``), is kept, for
    the search to refuse: nothing in it to search."""
    return without_words(node, lone_sign)


def without_words(node: Node, drop: Callable[[Term], bool]) -> tuple[Node, list[Term]]:
    """The query with each untagged word of a run of words side by side for which ``drop`` holds
    left out of its run, and those words, each once a run (a word written twice in one operand
    is one piece of it, named once). A run whose every word is dropped is kept whole, and so is
    such a word standing alone (an operand of its own): nothing else of that operand to search.
    :func:`without_lone_signs`, and the words of a run found nowhere (``Evaluator``)."""

    def leaf(n: Node) -> _Signed:
        return (None, [n]) if untagged_word(n) and drop(n) else (n, [])

    def op(n: BoolOp, left: _Signed, right: _Signed) -> _Signed:
        (lhs, left_signs), (rhs, right_signs) = left, right
        if n.op == "AND" and n.adjacent:  # within one run: a side of dropped words drops out
            signs = list(dict.fromkeys(left_signs + right_signs))
            if lhs is None or rhs is None:
                return (rhs if lhs is None else lhs), signs
            left_signs, right_signs = signs, []
        else:  # a run's end: a run of dropped words alone stays as written, its words unnamed
            left_signs = left_signs if lhs is not None else []
            right_signs = right_signs if rhs is not None else []
            lhs = n.left if lhs is None else lhs
            rhs = n.right if rhs is None else rhs
        same = lhs is n.left and rhs is n.right
        return (
            n if same else BoolOp(n.op, lhs, rhs, adjacent=n.adjacent)
        ), left_signs + right_signs

    kept, signs = fold(node, leaf, op)
    return (kept, signs) if kept is not None else (node, [])


def runs(node: Node) -> list[list[Term]]:
    """The query's runs of untagged words side by side (:attr:`BoolOp.adjacent`), each its
    untagged words left to right, as written (a word written twice is there twice); a word
    standing alone is in none."""
    out: list[list[Term]] = []
    stack: list[tuple[Node, bool]] = [(node, False)]  # (node, inside a run already)
    while stack:
        n, inside = stack.pop()
        if not isinstance(n, BoolOp):
            continue
        if n.adjacent and not inside:
            out.append([w for w in leaves(n) if untagged_word(w)])  # a truncated one ends it
        stack += [(n.right, inside or n.adjacent), (n.left, inside or n.adjacent)]
    return out
