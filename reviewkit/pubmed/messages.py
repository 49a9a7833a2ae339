"""NCBI's messages in esearch replies (ErrorList, WarningList), as the client keeps them."""

from __future__ import annotations

from dataclasses import dataclass


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
