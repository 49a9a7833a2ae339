"""The query as the local server understood it, written as PubMed writes its
QueryTranslation; the stopwords PubMed ignores, which the translation leaves out; and whether
two QueryTranslations (of two runs) search the same."""

from __future__ import annotations

import dataclasses
import re

from reviewkit.pubmed.citation_terms import NAME_TAGS
from reviewkit.pubmed.dates import day_range
from reviewkit.pubmed.fields import (
    DATE_KINDS,
    FIELD_NAMES,
    HAS_ABSTRACT,
    HAS_FILLED,
    HAS_PREFIXED,
    HAS_WORDS,
    STOPWORDS,
    TEXT_FIELDS,
)
from reviewkit.pubmed.qualifiers import qualifier_name
from reviewkit.pubmed.relative_dates import is_relative, moving_window, window_text
from reviewkit.query import parse
from reviewkit.query_dates import date_of
from reviewkit.query_nodes import BoolOp, HistoryRef, Node, Range, Term, fold


def is_stopword(term: Term) -> bool:
    """A single unquoted text word PubMed ignores."""
    return (
        not term.phrase
        and not term.truncated
        and term.field in TEXT_FIELDS
        and term.text.lower() in STOPWORDS
    )


def _date_days(leaf: Node) -> str | None:
    """A date term or range on a date field (``2020/03[dp]``, ``2020:2021[dp]``) as its range
    of days (dates.day_range), else None."""
    if isinstance(leaf, Range):
        return day_range(leaf.start, leaf.end) if leaf.field in DATE_KINDS else None
    if not isinstance(leaf, Term) or leaf.field not in DATE_KINDS or leaf.truncated:
        return None
    if is_relative(leaf.text):  # NCBI's form: '"2023/04/29 00:00":"3000/01/01 05:00"'
        return window_text(leaf.text)
    try:  # a day with NCBI's printed time is that day (query_dates)
        day = date_of(leaf.text)
    except ValueError:
        return None
    return day_range(day, day)


# NCBI's word index splits a word at an apostrophe, and a translation writes the index's term:
# Biopython's recorded esearch2 (2025) lists "cancer s"[All Fields] (cancer's) among cancer's
# variants, and PubMed's Search Details for alzheimer's disease, quoted in public projects (2023),
# hold "alzheimer s"[All Fields] and "alzheimer s disease"[All Fields]. The local index splits
# there too (the same records are found), so only the written term changes: "worker's
# compensation" is "worker s compensation"[All Fields]; "workers' compensation" is "workers
# compensation". Names, journals and the other whole-value fields keep theirs (o'brien[au]:
# no recorded translation shows NCBI's). An apostrophe that does not stand between two word
# characters (a prime before a hyphen, 3'-untranslated; a plural's, workers') is dropped, not
# made a space: "3 -untranslated" would be a word that begins with a hyphen (our reading: no
# recorded translation of a prime).
_APOSTROPHE = re.compile("['\u2019]")
_BETWEEN_WORDS = re.compile(r"(?<=\w)['\u2019](?=\w)")


def index_words(text: str, truncated: bool = False) -> str:
    """A word-indexed term's text as NCBI's index holds it, an apostrophe between two word
    characters a break between words, any other dropped (_BETWEEN_WORDS). ``truncated``
    (``text`` ends in its ``*``): the truncated last word keeps its apostrophe, as its stem is
    counted on the word as written (query.short_wildcard_stems): ``worker's*`` written
    ``"worker s*"`` would be a stem of one letter, a query PubMed and the local server refuse,
    not the one that was run."""
    words = text.split()
    last = [words.pop()] if truncated and words else []
    split = _APOSTROPHE.sub("", _BETWEEN_WORDS.sub(" ", " ".join(words)))
    return " ".join(split.split() + last)


def translate(node: Node, split: dict[Term, list[Term]] | None = None) -> str:
    """The query as the local server understood it, in PubMed's translation style (ignored
    stopwords left out, as PubMed leaves them out; a chain of one operator unbracketed,
    ``"a"[Title] OR "b"[Title] OR "c"[Title]``, a group inside another bracketed). ``split``:
    the terms searched as their words (no phrase of the snapshot; a word found nowhere left
    out: text_search), each written as the words searched ANDed, a group bracketed inside a
    larger query, as a recorded title search has them, a group whose every word was found
    among them: ``(Building[Title] AND genomic[Title] AND nation[Title]) AND (Brasilis'[Title]
    AND …)`` (es.um.asio's tests); one word alone, ``J[au]`` (ReCiter #282). Each word in the
    form of a found term today (``"stem"[All Fields] AND "cells"[All Fields]``, Biopython's
    recorded esearch of stem cells)."""

    def leaf(n: Node) -> tuple[str, str]:
        words = split.get(n) if split and isinstance(n, Term) else None
        if not words:
            return _translate_leaf(n)
        texts = [_translate_leaf(w)[0] for w in words]
        return " AND ".join(texts), "GROUP" if len(texts) > 1 else ""

    return fold(node, leaf, _translate_op)[0]


def _translate_leaf(node: Node) -> tuple[str, str]:
    """(text, '') of a term, range or #N: a leaf needs no brackets."""
    if isinstance(node, Range):
        days = _date_days(node) or f"{node.start}:{node.end}"
        return f"{days}[{FIELD_NAMES.get(node.field, node.field)}]", ""
    if isinstance(node, HistoryRef):
        return f"#{node.number}", ""
    assert isinstance(node, Term)
    if is_stopword(node):
        return "", ""
    days = _date_days(node)
    if days:  # a date is the range of its days, as NCBI prints 2024[PDAT] (dates.day_range)
        return f"{days}[{FIELD_NAMES[node.field]}]", ""
    name = FIELD_NAMES.get(node.field, node.field)
    if node.noexp:
        name += ":noexp"
    elif node.proximity is not None:
        name += f":~{node.proximity}"
    plain = node.field in ("", "all") and not (node.phrase or node.truncated)
    plain = plain and any(node.text.lower() in w for w in (HAS_WORDS, HAS_FILLED, HAS_PREFIXED))
    # A name unquoted: quotes on a name turn PubMed's truncation of its initials off ('"smith
    # j"[au]' is not Smith JA), so a translation must keep them apart, as PubMed prints them:
    # esearch's reply to the untagged 'ydenberg ca' is 'ydenberg ca[Author]' (count 8).
    name_unquoted = node.field in NAME_TAGS and not node.phrase
    if (
        node.field == "sb"
        or (node.field, node.text.lower()) in HAS_ABSTRACT
        or plain
        or name_unquoted
    ):
        return f"{node.text}[{name}]", ""
    text = node.text + ("*" if node.truncated else "")
    if node.field in TEXT_FIELDS:  # a word-indexed field: the index's term
        text = index_words(text, node.truncated)
    heading, slash, sub = text.rpartition("/")
    full = qualifier_name(sub) if slash and node.field in ("mh", "majr") else None
    if full:  # /th as /therapy
        text = f"{heading}/{full}"
    return f'"{text}"[{name}]', ""


def _translate_op(node: BoolOp, left: tuple[str, str], right: tuple[str, str]) -> tuple[str, str]:
    """(text, its outer operator): the left operand keeps no brackets when it is a chain of
    the same operator (read left to right, ``(a OR b) OR c`` is ``a OR b OR c``)."""
    if not left[0]:  # an ignored stopword drops out of its operator (as in _combine)
        return ("", "") if node.op == "NOT" else right
    if not right[0]:
        return left
    lhs = left[0] if left[1] in ("", node.op) else f"({left[0]})"
    rhs = right[0] if not right[1] else f"({right[0]})"
    return f"{lhs} {node.op} {rhs}", node.op


def with_date_limit(translation: str, kind: str, start: str, end: str) -> str:
    """A translation with esearch's date limit (datetype, mindate/maxdate or reldate) ANDed
    after it, as NCBI writes it: the query bracketed only when it is an OR or NOT at its top
    (Biopython's esearch2, reldate: ``("cancer s"[All Fields] OR …) AND 2025/09/27:2025/11/26[Date
    - Entry]``; a live reply quoted in a public project, mindate/maxdate: ``"momo
    syndrome"[Title/Abstract:~0] AND 1970/01/01:2025/12/31[Date - Entry]``)."""
    days = day_range(start, end) or f"{start}:{end}"
    query = f"({translation})" if _top_level_or_not(translation) else translation
    return f"{query} AND {days}[{FIELD_NAMES[kind]}]"


def _top_level_or_not(translation: str) -> bool:
    """Whether a translation has OR or NOT outside its brackets and quotes."""
    depth, quoted = 0, False
    for i, ch in enumerate(translation):
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
        elif not quoted and depth == 0 and translation.startswith((" OR ", " NOT "), i):
            return True
    return False


def same_translation(a: str, b: str) -> bool:
    """Whether two QueryTranslations search the same: equal once AND and OR chains are read
    as the sets they are (``"a"[MeSH Terms] OR "b"[All Fields]`` is ``("b"[All Fields] OR
    "a"[MeSH Terms])``; brackets and spaces aside), a relative date's window by its field
    alone (relative_dates.moving_window: its start moves by the day, the query does not). NOT
    keeps its order. A translation the query reader cannot read is compared as written, its
    runs of spaces aside."""
    a, b = moving_window(a), moving_window(b)
    try:
        return _canonical(parse(a)) == _canonical(parse(b))
    except ValueError:  # QuerySyntaxError: a form PubMed may write that we do not read
        return a.split() == b.split()


def _canonical(node: Node) -> str:
    """One text for every ordering of the node's AND and OR operands."""
    return _text(fold(node, lambda leaf: ("", (_leaf_key(leaf),)), _chain))


def _leaf_key(leaf: Node) -> str:
    """A leaf's text for comparing; a date or range as its days, so that a run translated
    before pubfid6 (``2020:2021[Date - Publication]``, ``"2020"[Date - Publication]``) and one
    after (``2020/01/01:2021/12/31[...]``, NCBI's form) are the same search; a word-indexed
    term as the index's words (:func:`index_words`), so that ``"alzheimer's"[All Fields]``,
    written so before pubfid15, and ``"alzheimer s"[All Fields]`` are too."""
    days = _date_days(leaf)
    if days:
        return f"{days}[{leaf.field}]"
    if isinstance(leaf, Term) and leaf.field in TEXT_FIELDS:
        leaf = dataclasses.replace(leaf, text=index_words(leaf.text))
    return repr(leaf)


_Chain = tuple[str, tuple[str, ...]]  # (operator, its operands' texts); ("", (leaf,)) for a leaf


def _chain(node: BoolOp, left: _Chain, right: _Chain) -> _Chain:
    """(operator, operands' texts): an AND or OR takes in the operands of its own operator's
    chain; NOT keeps its two operands in order."""
    if node.op == "NOT":
        return "NOT", (_text(left), _text(right))
    same = [v[1] if v[0] == node.op else (_text(v),) for v in (left, right)]
    return node.op, same[0] + same[1]


def _text(value: _Chain) -> str:
    op, operands = value
    if not op:
        return operands[0]
    listed = operands if op == "NOT" else sorted(set(operands))
    return f"{op}({', '.join(listed)})"
