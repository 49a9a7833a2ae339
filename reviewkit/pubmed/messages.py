"""NCBI's messages in esearch replies (ErrorList, WarningList), as the client keeps them."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.query import BoolOp, Node, Term


@dataclass(frozen=True)
class Message:
    """One message of NCBI's: kind is the element's name (PhraseNotFound, FieldNotFound,
    QuotedPhraseNotFound, PhraseIgnored, OutputMessage, ERROR) or ours (drift)."""

    kind: str
    text: str

    def describe(self) -> str:
        return f"{MESSAGE_LABELS.get(self.kind, self.kind)}: {self.text}"


MESSAGE_LABELS = {
    "PhraseNotFound": "not found",
    "FieldNotFound": "field not found",
    "QuotedPhraseNotFound": "quoted phrase not found (PubMed then ignores the quotes and maps the words)",
    "PhraseIgnored": "ignored by PubMed",
    "OutputMessage": "the server says",
    "ERROR": "PubMed error",
    "drift": "count changed during the run",
}


# esearch.dtd: ErrorList (PhraseNotFound*, FieldNotFound*), WarningList (PhraseIgnored*,
# QuotedPhraseNotFound*, OutputMessage*).
MESSAGE_GROUPS = (
    ("ErrorList", ("PhraseNotFound", "FieldNotFound")),
    ("WarningList", ("PhraseIgnored", "QuotedPhraseNotFound", "OutputMessage")),
)


# A term found nowhere inside a larger query: PubMed says so (ErrorList/PhraseNotFound), but
# whether it then searches the rest without it is not documented (the recorded replies hold a
# not-found term only alone, Biopython's esearch8); the local server keeps it, and says so.
NOT_FOUND_INSIDE = (
    "{terms} found nothing; the local server kept {it} in the query as written, so an AND with "
    "{it} finds nothing; whether PubMed leaves a term it cannot find out of a larger query is "
    "not documented"
)


def not_found_reply(node: Node, not_found: list[str]) -> tuple[str | None, str | None]:
    """(the QueryTranslation NCBI writes, a note for WarningList) when terms found nothing.
    A lone untagged word NCBI translates unquoted in brackets: ``(abcXYZ[All Fields])``
    (esearch8; a bioproject reply has ``(PRJEB64534[All Fields])``); inside a larger query
    the local server adds :data:`NOT_FOUND_INSIDE`."""
    if not not_found:
        return None, None
    if isinstance(node, BoolOp):
        it = "them" if len(not_found) > 1 else "it"
        return None, NOT_FOUND_INSIDE.format(terms=", ".join(not_found), it=it)
    if isinstance(node, Term) and node.field in ("", "all") and not (node.phrase or node.truncated):
        return f"({node.text}[All Fields])", None
    return None, None
