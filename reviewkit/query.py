"""PubMed query syntax: a tokenizer and parser shared by protocol validation and the local server.

PubMed evaluates Boolean operators strictly left to right (no precedence), groups with
parentheses, and accepts field tags after a term (``"back pain"[tiab]``), truncation
(``vocation*``) and ranges (``2011:2021[dp]``). :func:`parse` turns a query into a small
AST or raises :class:`QuerySyntaxError` with the character position of the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewkit.other_database_syntax import other_database_warnings
from reviewkit.pasted_history import pasted_history_warnings
from reviewkit.query_dates import DATE_TIME, RANGE, date_of, range_ends
from reviewkit.query_nodes import BoolOp, HistoryRef, Node, Range, Term, terms, untagged_word
from reviewkit.query_tags import Tag, read_tag
from reviewkit.quote_marks import CURLY_QUOTES, straight_quotes

# PubMed truncation needs at least four characters before the '*' (PubMed Help, "Truncation").
MIN_TRUNCATION = 4
# Deepest parenthesis nesting read. PubMed documents no nesting limit; real search strategies
# nest fewer than 10 deep, so 100 is far above any real search while keeping the recursive
# parser (two Python frames a level) well inside Python's recursion limit of 1,000.
MAX_NESTING = 100

OPERATORS = ("AND", "OR", "NOT")  # upper case only: PubMed reads 'and', 'or', 'not' as words
# PubMed's User Guide, "PubMed character conversions": "pipe | - Boolean operator OR", outside
# quotes and tags, glued to a word too (a|b is a OR b). It lists "ampersand & - Boolean operator
# AND" too, but '&' stays a word's sign here, warned (:func:`warnings`): NLM writes subheadings
# with it (``hospitals/organization & administration[mh]``), which reads as one pair here.
SIGN_OPERATORS = {"|": "OR"}


def has_curly_quotes(query: str) -> bool:
    """Whether a query holds curly quotes, which are read as straight ones (say so)."""
    return any(c in CURLY_QUOTES for c in query)


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

    def hint(self) -> str:
        """What an error message shows under it: :meth:`pointer`, then what else the query's
        text says (:func:`warnings`: a lower-case 'and', a pasted line number...), since the
        error names only the first problem and the others are often its cause."""
        also = warnings(self.query)
        return "\n".join([self.pointer(), *(f"also: {w}" for w in also)])


@dataclass(frozen=True)
class _Tok:
    kind: str  # LP RP OP (AND OR NOT |) TERM PHRASE TAG RANGE HISTORY COLON
    text: str
    pos: int


_TOKEN_RE = re.compile(
    rf"""
    (?P<ws>\s+)
  | (?P<lp>\()
  | (?P<rp>\))
  | (?P<tag>\[[^\]]*\])
  | (?P<phrase>"[^"]*")
  | (?P<quote>")
  | (?P<range>{RANGE}(?=[\s()\[|]|$))
  | (?P<history>\#\d+(?=[\s()|]|$))
  | (?P<colon>:)
  | (?P<open>\[)
  | (?P<close>\])
  | (?P<sign>\|)
  | (?P<word>[^\s()\[\]"|]+)
    """,
    re.VERBOSE,
)


def _tokenize(query: str) -> list[_Tok]:
    query = straight_quotes(query)  # one character for one: positions stay right
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN_RE.match(query, pos)
        assert m is not None  # the word alternative matches anything else
        kind = m.lastgroup or "word"
        text = m.group(0)
        if kind == "quote":
            raise QuerySyntaxError("unclosed double quote", query, pos)
        if kind == "open" or (kind == "tag" and "[" in text[1:]):
            raise QuerySyntaxError("unclosed field tag", query, pos)
        if kind == "close":
            raise QuerySyntaxError("']' without '['", query, pos)
        if (kind == "word" and text in OPERATORS) or kind == "sign":
            tokens.append(_Tok("OP", text, pos))
        elif kind != "ws":
            tokens.append(_Tok(kind.upper() if kind != "word" else "TERM", text, pos))
        pos = m.end()
    return _colons_as_text(tokens)


def _colons_as_text(tokens: list[_Tok]) -> list[_Tok]:
    """The tokens with each ':' that stands between no two dates made text: PubMed documents
    the colon as a range's only between two dates ("To enter a date range, insert a colon (:)
    between each date (e.g., 1996:1998 [dp] or 1998/01:1998/04 [dp])", PubMed Help, and its
    search details' ``"2011/01/01"[dp] : "2021/12/31"[dp]``), so a pasted title's ``TMA : New
    aspects`` holds a sign alone, searched as one (``reviewkit.pubmed.text_search.lone_sign``),
    not a range to refuse. A ':' glued to the word after it (``TMA :New``) is part of that word,
    as ``TMA:`` is of the word before it. No recorded reply holds such a colon: our reading."""
    out: list[_Tok] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "COLON" and not _between_dates(tokens, i):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.kind == "TERM" and nxt.pos == tok.pos + 1:
                tokens[i + 1] = _Tok("TERM", ":" + nxt.text, tok.pos)
                continue
            tok = _Tok("TERM", ":", tok.pos)
        out.append(tok)
    return out


def _between_dates(tokens: list[_Tok], i: int) -> bool:
    """Whether the ':' at ``tokens[i]`` has a date on each side (a time after it too), a tag
    after the first aside."""
    before = i - 2 if i >= 2 and tokens[i - 1].kind == "TAG" else i - 1
    ends = (tokens[before] if before >= 0 else None, tokens[i + 1] if i + 1 < len(tokens) else None)
    return all(
        end is not None
        and end.kind in ("TERM", "PHRASE")
        and DATE_TIME.fullmatch(end.text.strip('"').strip()) is not None
        for end in ends
    )


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokenize(query)
        self.i = 0
        self.depth = 0  # parentheses open at the current token

    def peek(self, ahead: int = 0) -> _Tok | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

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
        node = self.words()
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "RP":
                return node
            if tok.kind == "OP":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in ("OP", "RP"):
                    raise self.error(f"'{tok.text}' needs a term after it", nxt or tok)
                node = BoolOp(SIGN_OPERATORS.get(tok.text, tok.text), node, self.words())
            else:  # adjacent terms: PubMed combines them with AND (no ATM phrase: words())
                node = BoolOp("AND", node, self.words())

    def words(self) -> Node:
        """An operand, with the untagged words written right after it when it is an untagged
        word: PubMed's automatic term mapping reads words side by side as one phrase (ANDed
        when it maps nowhere; PubMed Help, "automatic term mapping"): ``stroke OR heart attack``
        is ``stroke OR (heart AND attack)``. A tag, quotes or parentheses keep the left-to-right
        reading (``stroke OR (heart) attack`` is ``(stroke OR heart) AND attack``); a truncated
        word ends the run, as truncation ends a phrase (NLM tutorial, Phrase Searching)."""
        run = (first := self.peek()) is not None and first.kind == "TERM"
        node = tail = self.operand()
        while run and untagged_word(tail) and (nxt := self.peek()) and nxt.kind == "TERM":
            tail = self.operand()
            node = BoolOp("AND", node, tail, adjacent=True)
        return node

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
        if tok.kind == "COLON":  # between two dates, but the first ends a term or a range
            raise self.error(
                "':' must stand between the two dates of one range, an operand of its own "
                "(join it to other terms with AND, e.g. cancer AND 2020:2021[dp])",
                tok,
            )
        if tok.kind == "LP":
            self.take()
            if self.peek() is not None and self.peek().kind == "RP":
                raise self.error("empty parentheses", tok)
            if self.depth >= MAX_NESTING:
                raise self.error(f"parentheses nested more than {MAX_NESTING} deep", tok)
            self.depth += 1
            node = self.expression()
            self.depth -= 1
            close = self.peek()
            if close is None or close.kind != "RP":
                raise self.error("'(' is never closed", tok)
            self.take()
            return node
        if tok.kind == "HISTORY":
            self.take()
            return HistoryRef(int(tok.text[1:]))
        if tok.kind == "RANGE":
            self.take()
            tag = self.tag()
            if tag is None:  # PubMed Help: ranges "must be searched using the format … [dp]"
                raise self.error(
                    "a date range needs a field tag such as [dp] (e.g. 2020:2021[dp])", tok
                )
            try:  # NCBI's printed date-times, unquoted, read as their days (query_dates)
                start, end = (date_of(e) for e in range_ends(tok.text))
            except ValueError as bad:
                raise self.error(str(bad), tok) from None
            return Range(start, end, tag.field)
        return self.term()

    def term(self) -> Node:
        first = self.take()
        words = [first]
        if first.kind == "TERM":  # words up to a tag are one term: breast cancer[tiab]
            n = 0
            while (nxt := self.peek(n)) is not None and nxt.kind == "TERM":
                n += 1
            if n and (tag_tok := self.peek(n)) is not None and tag_tok.kind == "TAG":
                words += [self.take() for _ in range(n)]
        tag = self.tag()
        colon = self.peek()
        if colon is not None and colon.kind == "COLON" and len(words) == 1:
            return self.spelled_range(first, tag)
        field, noexp, prox = (tag.field, tag.noexp, tag.proximity) if tag else ("", False, None)
        typed = tag.typed if tag else ""
        if first.kind == "PHRASE":
            text = first.text[1:-1].strip()
            if not text:
                raise self.error("empty quoted phrase", first)
            star = text.endswith("*")
            return Term(text.rstrip("*").strip(), field, True, star, noexp, prox, typed)
        for w in words:
            if w.text.strip("*") == "":
                raise self.error("'*' needs a word before it", w)
        if prox is not None:
            raise self.error("proximity [field:~N] needs a quoted phrase", first)
        text = " ".join(w.text for w in words)
        return Term(text.rstrip("*"), field, False, text.endswith("*"), noexp, None, typed)

    def spelled_range(self, first: _Tok, tag: Tag | None) -> Range:
        """'"2011/01/01"[dp] : "2021/12/31"[dp]', the form of PubMed's own search details."""
        self.take()  # the colon
        second = self.take()  # a date, or _colons_as_text would have made the colon text
        tag2 = self.tag()
        start, end = first.text.strip('"').strip(), second.text.strip('"').strip()
        field = (tag2 or tag).field if (tag2 or tag) else ""
        if not field or (tag and tag2 and tag.field != tag2.field):
            raise self.error("both ends of a range need the same field tag, e.g. [dp]", first)
        days = []  # NCBI's printed window: each bound the day of its time (query_dates)
        for end_tok, value in ((first, start), (second, end)):
            try:
                days.append(date_of(value))
            except ValueError as bad:
                raise self.error(str(bad), end_tok) from None
        return Range(days[0], days[1], field)

    def tag(self) -> Tag | None:
        tok = self.peek()
        if tok is None or tok.kind != "TAG":
            return None
        self.take()
        tag = read_tag(tok.text[1:-1])
        if tag is None:
            raise self.error(f"unknown field tag [{tok.text[1:-1]}]", tok)
        return tag


def parse(query: str) -> Node:
    """Parse a PubMed query; raises QuerySyntaxError."""
    return _Parser(query).parse()


def short_wildcard_stems(text: str, truncated: bool = False) -> list[str]:
    """The stems of ``text``'s wildcarded words with fewer than MIN_TRUNCATION characters
    before their first '*' (``truncated``: the term ends in '*', as :class:`Term` keeps it).

    [WC]: "Terms must have at least 4 characters before the first wildcard": counted on the
    word as written ('follow-up*', 'covid-19*'), not on the piece after a hyphen. The one rule
    behind the query warnings, the evaluator's refusal and the wildcard expansion's."""
    words = (text + ("*" if truncated else "")).split()
    stems = [word.split("*")[0] for word in words if "*" in word]
    return [stem for stem in stems if len(stem) < MIN_TRUNCATION]


def warnings(query: str) -> list[str]:
    """What a librarian should know about a query PubMed accepts but may not read as meant.

    A query that does not parse gets the warnings its text and words give all the same (curly
    quotes, lower-case operators, history references, a pasted history's line numbers and
    labels, :mod:`reviewkit.pasted_history`; another database's syntax,
    :mod:`reviewkit.other_database_syntax`): they are often why it does not parse, and the
    error names only the first problem (:meth:`QuerySyntaxError.hint`). Only the truncation
    check needs the parsed terms."""
    out: list[str] = []
    curly = [i for i, c in enumerate(query) if c in CURLY_QUOTES]
    if curly:
        out.append(
            f'curly quotes at character {curly[0] + 1} are read as straight quotes ("): '
            "PubMed documents only straight double quotes for a phrase; write them straight"
        )
    try:
        tokens = _tokenize(query)
    except QuerySyntaxError:  # an unclosed quote or tag: no words to look at
        tokens = []
    for tok in tokens:
        if tok.kind == "TERM" and tok.text in ("and", "or", "not", "And", "Or", "Not"):
            out.append(
                f"'{tok.text}' at character {tok.pos + 1} is a search word, not an operator: "
                f"PubMed reads only upper-case AND, OR, NOT as operators"
            )
        if tok.kind == "OP" and tok.text in SIGN_OPERATORS:  # a pasted title's '|'
            out.append(
                f"'{tok.text}' at character {tok.pos + 1} is read as OR, as PubMed's character "
                "conversions read it: quote the words around it to search them as written"
            )
        if tok.kind == "TERM" and "&" in tok.text:  # SIGN_OPERATORS: PubMed's AND, not ours
            out.append(
                f"'&' at character {tok.pos + tok.text.index('&') + 1} is AND to PubMed (its "
                "character conversions) but part of the words around it here (a subheading as "
                "NLM writes it, legislation & jurisprudence): quote them to be read alike"
            )
        if tok.kind == "HISTORY":
            out.append(
                f"{tok.text} refers to a line of a PubMed search history, which a stored search "
                "does not have; write that line out in parentheses"
            )
    try:
        node: Node | None = parse(query)
    except QuerySyntaxError:
        node = None
    for t in terms(node) if node is not None else []:
        # a wildcard ends a word or (since 2024) sits inside one
        for stem in short_wildcard_stems(t.text, t.truncated):
            out.append(
                f"'{stem}*' truncates fewer than {MIN_TRUNCATION} characters; PubMed needs"
                " at least four before '*'"
            )
    foreign = other_database_warnings(query)  # a strategy written for Ovid, Embase, Scopus...
    return list(dict.fromkeys(out + pasted_history_warnings(query) + foreign))
