"""Evaluate a parsed PubMed query over a snapshot index, or refuse it.

Supported: quoted phrases, truncation ``*`` (at the end of a word, also inside phrases, e.g.
``"vocation* rehabilitation"``), AND/OR/NOT left to right, parentheses, and the field tags
[tiab] [ti] [ab] [au] [mh] [pt] [la] [dp] (dates and date ranges), [pmid], [all] and
``systematic[sb]``. Untagged terms search title, abstract, MeSH, keywords, publication types
and authors. Without PubMed's automatic term mapping or the MeSH tree, [mh] matches the
descriptor itself (no explosion); the translation says so (``[MeSH Terms:noexp]``).
Anything else raises :class:`UnsupportedQuery` rather than giving a wrong answer.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from reviewkit.errors import UserError
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.query import BoolOp, Node, QuerySyntaxError, Range, Term, parse
from reviewkit.records import fold_text

MAX_VARIANTS = 600  # PubMed also stops expanding a truncated term after 600 variants
TEXT_COLUMNS = {
    "": "ti ab mh kw pt au",
    "all": "ti ab mh kw pt au",
    "tiab": "ti ab kw",  # PubMed's [tiab] includes author keywords
    "ti": "ti",
    "ab": "ab",
}
FIELD_NAMES = {
    "": "All Fields",
    "all": "All Fields",
    "tiab": "Title/Abstract",
    "ti": "Title",
    "ab": "Abstract",
    "au": "Author",
    "mh": "MeSH Terms:noexp",
    "pt": "Publication Type",
    "la": "Language",
    "dp": "Date - Publication",
    "sb": "Filter",
    "pmid": "UID",
}
LANGUAGES = {
    "english": "eng",
    "french": "fre",
    "german": "ger",
    "russian": "rus",
    "japanese": "jpn",
    "italian": "ita",
    "polish": "pol",
    "spanish": "spa",
    "czech": "cze",
    "romanian": "rum",
    "danish": "dan",
    "slovak": "slo",
    "dutch": "dut",
    "chinese": "chi",
    "portuguese": "por",
    "norwegian": "nor",
    "swedish": "swe",
    "finnish": "fin",
    "hungarian": "hun",
    "serbian": "srp",
    "croatian": "hrv",
    "turkish": "tur",
    "korean": "kor",
    "hebrew": "heb",
    "greek": "gre",
    "arabic": "ara",
    "persian": "per",
    "icelandic": "ice",
    "ukrainian": "ukr",
}
_WORD_RE = re.compile(r"\S+")


class UnsupportedQuery(UserError):
    """A query the local server cannot evaluate faithfully."""


@dataclass
class Evaluation:
    pmids: list[int]  # newest PMID first, as PubMed's default order roughly is
    translation: str
    not_found: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.pmids)


def parse_or_fail(query: str) -> Node:
    """Parse a query, turning a syntax error into a UserError that shows where."""
    try:
        return parse(query)
    except QuerySyntaxError as exc:
        raise UserError(f"bad PubMed query: {exc}", hint="\n" + exc.pointer()) from None


class Evaluator:
    """Evaluates queries over one snapshot; keeps the truncation expansions it has made."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._expansions: dict[str, list[str]] = {}

    def evaluate(self, query: str | Node) -> Evaluation:
        node = parse_or_fail(query) if isinstance(query, str) else query
        not_found: list[str] = []
        hits = self._eval(node, not_found)
        return Evaluation(sorted(hits, reverse=True), translate(node), not_found)

    # --- nodes ---------------------------------------------------------------------------

    def _eval(self, node: Node, not_found: list[str]) -> set[int]:
        if isinstance(node, BoolOp):
            left = self._eval(node.left, not_found)
            right = self._eval(node.right, not_found)
            if node.op == "AND":
                return left & right
            if node.op == "OR":
                return left | right
            return left - right
        hits = self._range(node) if isinstance(node, Range) else self._term(node)
        if not hits and isinstance(node, Term):
            not_found.append(node.text + ("*" if node.truncated else ""))
        return hits

    def _range(self, node: Range) -> set[int]:
        if node.field != "dp":
            raise UnsupportedQuery(
                f"date ranges on [{node.field}] are not supported by the local server",
                hint="use [dp] (publication date)",
            )
        return self.snapshot.dates(
            date_bound(node.start, end=False), date_bound(node.end, end=True)
        )

    def _term(self, term: Term) -> set[int]:
        f = term.field
        if f in TEXT_COLUMNS:
            return self._text(term, TEXT_COLUMNS[f])
        value = fold_text(term.text)
        if f == "dp":
            if not re.fullmatch(r"\d{4}(/\d{1,2}(/\d{1,2})?)?", term.text) or term.truncated:
                raise UnsupportedQuery(
                    f"cannot read {term.text!r} as a publication date",
                    hint="write YYYY, YYYY/MM, YYYY/MM/DD or a range A:B[dp]",
                )
            return self.snapshot.dates(
                date_bound(term.text, end=False), date_bound(term.text, end=True)
            )
        if f == "sb":
            if value != "systematic" or term.truncated:
                raise UnsupportedQuery(
                    f"the subset [sb] {term.text!r} is not supported", hint="only systematic[sb] is"
                )
            return self.snapshot.term("sb", "systematic")
        if f in ("mh", "pt"):
            return self.snapshot.term(f, value, prefix=term.truncated)
        if f == "la":
            if term.truncated:
                raise UnsupportedQuery("truncation is not supported on [la]")
            return self.snapshot.term("la", LANGUAGES.get(value, value))
        if f == "au":
            if term.truncated:
                raise UnsupportedQuery(
                    "truncation is not supported on [au]",
                    hint="'smith j[au]' already matches every Smith J…",
                )
            return self.snapshot.author(value)
        if f == "pmid":
            if not term.text.isdigit():
                raise UnsupportedQuery(f"{term.text!r} is not a PMID")
            return self.snapshot.has_pmid(int(term.text))
        supported = ", ".join(f"[{k}]" for k in FIELD_NAMES if k)
        raise UnsupportedQuery(
            f"the field tag [{f}] is not supported by the local server",
            hint=f"supported: {supported} and systematic[sb]",
        )

    def _text(self, term: Term, columns: str) -> set[int]:
        """A word or phrase in text columns, via FTS5; truncated words are expanded."""
        words = _WORD_RE.findall(term.text + ("*" if term.truncated else ""))
        tokens: list[tuple[str, bool]] = []  # (token, truncated)
        for word in words:
            trunc = word.endswith("*")
            if "*" in word.rstrip("*"):
                raise UnsupportedQuery(
                    f"'*' inside a word is not supported: {word!r}",
                    hint="truncate at the end of a word, e.g. vocation*",
                )
            parts = fold_text(word.rstrip("*")).split()
            if not parts:
                if trunc:
                    raise UnsupportedQuery(f"nothing to truncate in {word!r}")
                continue
            tokens += [(p, False) for p in parts[:-1]] + [(parts[-1], trunc)]
        if not tokens:
            raise UnsupportedQuery(f"the term {term.text!r} has no searchable words")
        last_prefix = tokens[-1][1]
        choices = [self._expand(tok) if trunc else [tok] for tok, trunc in tokens[:-1]]
        choices.append([tokens[-1][0]])
        variants = 1
        for c in choices:
            variants *= len(c)
        if variants == 0:
            return set()
        if variants > MAX_VARIANTS:
            raise UnsupportedQuery(
                f"the truncated phrase {term.text!r} has more than {MAX_VARIANTS} variants",
                hint="truncate a longer stem",
            )
        star = " *" if last_prefix else ""
        phrases = [f'"{" ".join(combo)}"{star}' for combo in itertools.product(*choices)]
        return self.snapshot.fts(f"{{{columns}}} : ({' OR '.join(phrases)})")

    def _expand(self, prefix: str) -> list[str]:
        if prefix not in self._expansions:
            found = self.snapshot.vocabulary(prefix, MAX_VARIANTS)
            if len(found) > MAX_VARIANTS:
                raise UnsupportedQuery(
                    f"{prefix}* has more than {MAX_VARIANTS} variants",
                    hint="truncate a longer stem",
                )
            self._expansions[prefix] = found
        return self._expansions[prefix]


def date_bound(text: str, *, end: bool) -> int:
    """'2011' -> 20110101 (start) or 20111231 (end); '2021/3' -> 20210301 / 20210331."""
    parts = [int(p) for p in text.strip().split("/")]
    if not 1000 <= parts[0] <= 9999 or any(not 1 <= p <= 31 for p in parts[1:]):
        raise UnsupportedQuery(
            f"cannot read {text!r} as a date", hint="write YYYY, YYYY/MM or YYYY/MM/DD"
        )
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    day = parts[2] if len(parts) > 2 else (31 if end else 1)
    if month > 12:
        raise UnsupportedQuery(f"cannot read {text!r} as a date: month {month}")
    return year * 10000 + month * 100 + day


def translate(node: Node, top: bool = True) -> str:
    """The query as the local server understood it, in PubMed's translation style."""
    if isinstance(node, Term):
        name = FIELD_NAMES.get(node.field, node.field)
        if node.field == "sb":
            return f"{node.text}[{name}]"
        text = node.text + ("*" if node.truncated else "")
        return f'"{text}"[{name}]'
    if isinstance(node, Range):
        return f"{node.start}:{node.end}[{FIELD_NAMES.get(node.field, node.field)}]"
    inner = f"{translate(node.left, False)} {node.op} {translate(node.right, False)}"
    return inner if top else f"({inner})"
