"""NCBI's messages in esearch replies (ErrorList, WarningList), as the client keeps them."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.query import BoolOp, Node, Term


@dataclass(frozen=True)
class Message:
    """One message of NCBI's: kind is the element's name (PhraseNotFound, FieldNotFound,
    QuotedPhraseNotFound, PhraseIgnored, OutputMessage, ERROR) or ours (drift, deleted,
    deleted-unchecked)."""

    kind: str
    text: str

    def describe(self) -> str:
        label = MESSAGE_LABELS.get(self.kind, self.kind)
        if self.kind == "QuotedPhraseNotFound" and self.text.endswith("]"):
            label = "quoted phrase not found"  # tagged: PubMed maps no words of it (Help, ATM)
        return f"{label}: {self.text}"


MESSAGE_LABELS = {
    "PhraseNotFound": "not found",
    "FieldNotFound": "field not found",
    "QuotedPhraseNotFound": "quoted phrase not found (PubMed then ignores the quotes and maps the words)",
    "PhraseIgnored": "ignored by PubMed",
    "OutputMessage": "the server says",
    "ERROR": "PubMed error",
    "drift": "count changed during the run",
    "deleted": "gone because PubMed deleted it",
    "deleted-unchecked": "gone PMIDs not checked for deletion, PubMed refused the look-up",
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


def phrase_written(term: Term) -> str:
    """A term's words as the user wrote them, without its tag: a truncated phrase with its
    '*' inside the quotes (``"dialogue meeting*"``), where the query reader found it."""
    star = "*" if term.truncated else ""
    return f'"{term.text}{star}"' if term.phrase else term.text + star


def written(term: Term) -> str:
    """A term as a reply names it: quoted if it was, its tag as the user typed it (NCBI echoes
    ``[journal]``, ``[MeSH Terms:noexp]``, ``[mh]`` as sent, q44c) if it has one:
    ``"stem cell"[Title/Abstract]``; a term the server made, not read, with its short form."""
    text = phrase_written(term)
    if term.field in ("", "all") and not term.tag:
        return text
    if term.tag:
        return f"{text}[{term.tag}]"
    # ~0 is a proximity too (the words side by side: NCBI echoes [Title/Abstract:~0], LR1 in
    # the audit), so the test is "given", not "non-zero"
    proximity = f":~{term.proximity}" if term.proximity is not None else ""
    options = ":noexp" if term.noexp else proximity
    return f"{text}[{term.field}{options}]"


def not_found_reply(
    node: Node, not_found: list[str], *, nothing: bool = False
) -> tuple[str | None, str | None]:
    """(the QueryTranslation NCBI writes, a note for WarningList) when terms found nothing
    (``nothing``: the whole query found no record). A lone term found nowhere NCBI translates
    as written, in brackets: ``(abcXYZ[All Fields])`` (esearch8; a bioproject reply has
    ``(PRJEB64534[All Fields])``), ``("Nonexistent Termxyz Qwerty"[mh])`` (a MeSH database reply
    recorded by a public project, with that quoted tagged phrase in QuotedPhraseNotFound);
    inside a larger query the local server adds :data:`NOT_FOUND_INSIDE`."""
    if isinstance(node, Term) and nothing:
        untagged = node.field in ("", "all") and not node.tag
        return f"({written(node)}{'[All Fields]' if untagged else ''})", None
    if not not_found:
        return None, None
    if isinstance(node, BoolOp):
        it = "them" if len(not_found) > 1 else "it"
        return None, NOT_FOUND_INSIDE.format(terms=", ".join(not_found), it=it)
    return None, None
