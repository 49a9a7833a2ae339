"""PubMed query syntax: a tokenizer and parser shared by protocol validation and the local server.

PubMed evaluates Boolean operators strictly left to right (no precedence), groups with
parentheses, and accepts field tags after a term (``"back pain"[tiab]``), truncation
(``vocation*``) and ranges (``2011:2021[dp]``). :func:`parse` turns a query into a small
AST or raises :class:`QuerySyntaxError` with the character position of the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Long field names PubMed accepts, mapped to their short tags.
FIELD_ALIASES = {
    "tiab": "tiab",
    "title/abstract": "tiab",
    "ti": "ti",
    "title": "ti",
    "ab": "ab",
    "abstract": "ab",
    "au": "au",
    "author": "au",
    "1au": "1au",
    "lastau": "lastau",
    "mh": "mh",
    "mesh": "mh",
    "mesh terms": "mh",
    "mh:noexp": "mh:noexp",
    "majr": "majr",
    "mesh major topic": "majr",
    "pt": "pt",
    "publication type": "pt",
    "la": "la",
    "language": "la",
    "dp": "dp",
    "pdat": "dp",
    "publication date": "dp",
    "edat": "edat",
    "crdt": "crdt",
    "sb": "sb",
    "subset": "sb",
    "filter": "sb",
    "ta": "ta",
    "journal": "ta",
    "jour": "ta",
    "tw": "tw",
    "text word": "tw",
    "all fields": "all",
    "all": "all",
    "pmid": "pmid",
    "uid": "pmid",
    "ot": "ot",
    "other term": "ot",
    "kw": "ot",
    "ad": "ad",
    "affiliation": "ad",
    "lid": "lid",
    "aid": "lid",
    "doi": "lid",
}

OPERATORS = ("AND", "OR", "NOT")


class QuerySyntaxError(ValueError):
    """A query PubMed would reject or misread; ``position`` is a 0-based character offset."""

    def __init__(self, message: str, query: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.query = query
        self.position = position

    def __str__(self) -> str:
        return f"{self.message} at character {self.position + 1}"

    def pointer(self) -> str:
        """The query with a caret under the problem, for error messages."""
        return f"{self.query}\n{' ' * self.position}^"


@dataclass(frozen=True)
class Term:
    text: str  # without quotes and without the trailing '*'
    field: str = ""  # '' means all fields, as PubMed does for untagged terms
    phrase: bool = False  # written in double quotes
    truncated: bool = False  # ended with '*'


@dataclass(frozen=True)
class Range:
    start: str
    end: str
    field: str


@dataclass(frozen=True)
class BoolOp:
    op: str  # AND | OR | NOT
    left: Node
    right: Node


Node = Term | Range | BoolOp


@dataclass(frozen=True)
class _Tok:
    kind: str  # LP RP OP TERM PHRASE TAG RANGE
    text: str
    pos: int


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lp>\()
  | (?P<rp>\))
  | (?P<tag>\[[^\]]*\])
  | (?P<phrase>"[^"]*")
  | (?P<quote>")
  | (?P<range>\d{4}(?:/\d{1,2}(?:/\d{1,2})?)?\s*:\s*\d{4}(?:/\d{1,2}(?:/\d{1,2})?)?)
  | (?P<open>\[)
  | (?P<close>\])
  | (?P<word>[^\s()\[\]"]+)
    """,
    re.VERBOSE,
)


def _tokenize(query: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN_RE.match(query, pos)
        assert m is not None  # the word alternative matches anything else
        kind = m.lastgroup
        text = m.group(0)
        if kind == "quote":
            raise QuerySyntaxError("unclosed double quote", query, pos)
        if kind == "open" or (kind == "tag" and "[" in text[1:]):
            raise QuerySyntaxError("unclosed field tag", query, pos)
        if kind == "close":
            raise QuerySyntaxError("']' without '['", query, pos)
        if kind == "word" and text in OPERATORS:
            tokens.append(_Tok("OP", text, pos))
        elif kind != "ws":
            tokens.append(_Tok(kind.upper() if kind != "word" else "TERM", text, pos))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokenize(query)
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def error(self, message: str, tok: _Tok | None) -> QuerySyntaxError:
        return QuerySyntaxError(message, self.query, tok.pos if tok else len(self.query))

    def parse(self) -> Node:
        if not self.tokens:
            raise QuerySyntaxError("the query is empty", self.query, 0)
        node = self.expression()
        tok = self.peek()
        if tok is not None:
            raise self.error("')' without a matching '('", tok)
        return node

    def expression(self) -> Node:
        node = self.operand()
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "RP":
                return node
            if tok.kind == "OP":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in ("OP", "RP"):
                    raise self.error(f"'{tok.text}' needs a term after it", nxt or tok)
                node = BoolOp(tok.text, node, self.operand())
            else:  # adjacent terms: PubMed combines them with AND
                node = BoolOp("AND", node, self.operand())

    def operand(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise self.error("the query ends where a term is expected", None)
        if tok.kind == "OP":
            raise self.error(f"'{tok.text}' needs a term before it", tok)
        if tok.kind == "RP":
            raise self.error("')' without a matching '('" if self.i else "empty group", tok)
        if tok.kind == "TAG":
            raise self.error("a field tag must follow a term", tok)
        self.take()
        if tok.kind == "LP":
            if self.peek() is not None and self.peek().kind == "RP":
                raise self.error("empty parentheses", tok)
            node = self.expression()
            close = self.peek()
            if close is None or close.kind != "RP":
                raise self.error("'(' is never closed", tok)
            self.take()
            return node
        field = self.field()
        if tok.kind == "RANGE":
            start, end = (s.strip() for s in tok.text.split(":"))
            if not field:
                raise self.error("a date range needs a field tag such as [dp]", tok)
            return Range(start, end, field)
        if tok.kind == "PHRASE":
            text = tok.text[1:-1].strip()
            if not text:
                raise self.error("empty quoted phrase", tok)
            truncated = text.endswith("*")
            return Term(text.rstrip("*").strip(), field, phrase=True, truncated=truncated)
        text = tok.text
        if text.strip("*") == "":
            raise self.error("'*' needs a word before it", tok)
        if "*" in text.rstrip("*"):
            raise self.error("'*' may only end a term", tok)
        return Term(text.rstrip("*"), field, phrase=False, truncated=text.endswith("*"))

    def field(self) -> str:
        tok = self.peek()
        if tok is None or tok.kind != "TAG":
            return ""
        self.take()
        name = tok.text[1:-1].strip().lower()
        if name not in FIELD_ALIASES:
            raise self.error(f"unknown field tag [{tok.text[1:-1]}]", tok)
        return FIELD_ALIASES[name]


def parse(query: str) -> Node:
    """Parse a PubMed query; raises QuerySyntaxError."""
    return _Parser(query).parse()


def to_string(node: Node) -> str:
    """Render the AST back to PubMed syntax, fully parenthesised (left-to-right order kept)."""
    if isinstance(node, Term):
        text = (
            f'"{node.text}' + ('*"' if node.truncated else '"')
            if node.phrase
            else node.text + ("*" if node.truncated else "")
        )
        return text + (f"[{node.field}]" if node.field else "")
    if isinstance(node, Range):
        return f"{node.start}:{node.end}[{node.field}]"
    return f"({to_string(node.left)} {node.op} {to_string(node.right)})"


def terms(node: Node) -> list[Term]:
    """All terms of a query, left to right."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Range):
        return []
    return terms(node.left) + terms(node.right)
