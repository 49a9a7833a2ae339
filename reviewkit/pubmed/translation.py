"""The query as the local server understood it, written as PubMed writes its
QueryTranslation; and the stopwords PubMed ignores, which the translation leaves out."""

from __future__ import annotations

from reviewkit.pubmed.fields import FIELD_NAMES, HAS_ABSTRACT, STOPWORDS, TEXT_COLUMNS
from reviewkit.pubmed.qualifiers import qualifier_name
from reviewkit.query import BoolOp, HistoryRef, Node, Range, Term, fold


def is_stopword(term: Term) -> bool:
    """A single unquoted text word PubMed ignores."""
    return (
        not term.phrase
        and not term.truncated
        and term.field in TEXT_COLUMNS
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
    if node.field == "sb" or (node.field, node.text.lower()) in HAS_ABSTRACT:
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
