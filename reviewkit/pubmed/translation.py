"""The query as the local server understood it, written as PubMed writes its
QueryTranslation; the stopwords PubMed ignores, which the translation leaves out; and whether
two QueryTranslations (of two runs) search the same."""

from __future__ import annotations

from reviewkit.pubmed.citation_terms import NAME_TAGS
from reviewkit.pubmed.fields import FIELD_NAMES, HAS_ABSTRACT, HAS_WORDS, STOPWORDS, TEXT_FIELDS
from reviewkit.pubmed.qualifiers import qualifier_name
from reviewkit.query import BoolOp, HistoryRef, Node, Range, Term, fold, parse


def is_stopword(term: Term) -> bool:
    """A single unquoted text word PubMed ignores."""
    return (
        not term.phrase
        and not term.truncated
        and term.field in TEXT_FIELDS
        and term.text.lower() in STOPWORDS
    )


def translate(node: Node) -> str:
    """The query as the local server understood it, in PubMed's translation style (ignored
    stopwords left out, as PubMed leaves them out; a chain of one operator unbracketed,
    ``"a"[Title] OR "b"[Title] OR "c"[Title]``, a group inside another bracketed)."""
    return fold(node, _translate_leaf, _translate_op)[0]


def _translate_leaf(node: Node) -> tuple[str, str]:
    """(text, '') of a term, range or #N: a leaf needs no brackets."""
    if isinstance(node, Range):
        return f"{node.start}:{node.end}[{FIELD_NAMES.get(node.field, node.field)}]", ""
    if isinstance(node, HistoryRef):
        return f"#{node.number}", ""
    assert isinstance(node, Term)
    if is_stopword(node):
        return "", ""
    name = FIELD_NAMES.get(node.field, node.field)
    if node.noexp:
        name += ":noexp"
    elif node.proximity is not None:
        name += f":~{node.proximity}"
    plain = node.field in ("", "all") and not (node.phrase or node.truncated)
    plain = plain and node.text.lower() in HAS_WORDS  # hasretractionin, as evaluate reads it
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


def same_translation(a: str, b: str) -> bool:
    """Whether two QueryTranslations search the same: equal once AND and OR chains are read
    as the sets they are (``"a"[MeSH Terms] OR "b"[All Fields]`` is ``("b"[All Fields] OR
    "a"[MeSH Terms])``; brackets and spaces aside). NOT keeps its order. A translation the
    query reader cannot read is compared as written, its runs of spaces aside."""
    try:
        return _canonical(parse(a)) == _canonical(parse(b))
    except ValueError:  # QuerySyntaxError: a form PubMed may write that we do not read
        return a.split() == b.split()


def _canonical(node: Node) -> str:
    """One text for every ordering of the node's AND and OR operands."""
    return _text(fold(node, lambda leaf: ("", (repr(leaf),)), _chain))


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
