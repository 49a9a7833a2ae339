"""NCBI's messages in esearch replies (ErrorList, WarningList), as the client keeps them, and
the kinds of ours a search run stores beside them: what each kind is called, and which a run's
output and the search log say one to a line (:func:`one_per_line`). The one wording of every
message, on the screen and in the search log alike: :meth:`Message.describe`."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from reviewkit.query_nodes import BoolOp, Node, Term, fold, leaves

# The kinds of ours a search run stores as messages, beside NCBI's (ERROR, PhraseNotFound, …)
# and the count's drift during a sliced run (:mod:`reviewkit.pubmed.slicing`):
DELETED = "deleted"  # a PMID PubMed deleted (searches.deleted); its text: the PMID
NOT_CHECKED = "deleted-unchecked"  # PubMed refused that look-up; its text: NCBI's words
CATEGORIES = "categories"  # a record given NLM's categories (searches.categories); the PMID
LEFT_OUT = "left-out"  # a word PubMed found nowhere and searched without (:func:`left_out`)

# The kinds a run stores one message per PMID of, which would bury the others one to a line:
# `search run` and the search log say them together, the deleted PMIDs in one list beside
# "gone", the records given categories counted in one line (categories.completed_text).
SAID_TOGETHER = (DELETED, CATEGORIES)


@dataclass(frozen=True)
class Message:
    """One message of NCBI's: kind is the element's name (PhraseNotFound, FieldNotFound,
    QuotedPhraseNotFound, PhraseIgnored, OutputMessage, ERROR) or ours (drift,
    :data:`DELETED`, :data:`NOT_CHECKED`, :data:`CATEGORIES`, :data:`LEFT_OUT`)."""

    kind: str
    text: str

    def describe(self) -> str:
        """The message as ``search test``, ``search run``, ``search history`` and the search
        log all say it: what it means, NCBI's element's name for one of NCBI's (PRISMA-S
        reports the database's own words), and its text whole: ``not found (E-utilities
        PhraseNotFound): zzzqqq[ti]``."""
        label = MESSAGE_LABELS.get(self.kind, self.kind)
        note = MESSAGE_NOTES.get(self.kind, "")
        if self.kind == "QuotedPhraseNotFound" and self.text.endswith("]"):
            note = ""  # tagged: PubMed maps no words of it (Help, ATM)
        said = [f"E-utilities {self.kind}"] if self.kind in NCBI_KINDS else []
        said += [note] if note else []
        return f"{label} ({'; '.join(said)}): {self.text}" if said else f"{label}: {self.text}"


MESSAGE_LABELS = {
    "PhraseNotFound": "not found",
    "FieldNotFound": "field not found",
    "QuotedPhraseNotFound": "quoted phrase not found",
    "PhraseIgnored": "ignored by PubMed",
    "OutputMessage": "the server says",
    "ERROR": "PubMed error",
    "drift": "count changed during the run",
    DELETED: "gone because PubMed deleted it",
    NOT_CHECKED: "gone PMIDs not checked for deletion, PubMed refused the look-up",
    LEFT_OUT: "left out of the search",
}
MESSAGE_NOTES = {  # what a kind means for the search, said after its name
    "QuotedPhraseNotFound": "PubMed then ignores the quotes and maps the words",
    LEFT_OUT: "PubMed found the word nowhere and searched the rest of its term without it, "
    "so the search is broader than written",
}


def left_out(messages: list[Message], translation: str) -> list[Message]:
    """The words of ``messages``' PhraseNotFound that PubMed searched without: their words (a
    tag aside) absent from its QueryTranslation. Every recorded reply naming a word so left it
    out and searched the rest: ``Charles-rawlins J[au]`` -> ``J[au]``, PhraseNotFound
    ``Charles-rawlins`` (ReCiter #282); es.um.asio's title search (``'Homo``); Entrez in 2002
    named such a word with a tag, ``aswfgh[All Fields]`` of ``cancer and aswfgh``, its count
    cancer's (Biopython's old Bio.EUtils tests). A term PubMed kept, finding nothing, is in its
    translation: ``(abcXYZ[All Fields])`` (esearch8), ``(nonjournal[journal] AND
    nonyear[date])`` (biogo/ncbi), a quoted phrase's words (``qwertyu[All Fields]`` in
    ``"qwertyu pijngq"[All Fields]``, 2002). No translation: no rest searched. An apostrophe
    counts as a space (the index splits there: ``"alzheimer s"[All Fields]``). Only the
    translation's terms are read, not its field names: ``[Date - Publication]`` holds a ``-``
    that is no word of the query (a pasted title's ``-`` left out beside a date)."""
    written_out = _APOSTROPHE.sub(" ", _FIELD_NAMES.sub(_outside_quotes, translation))
    out = []
    for m in messages:
        word = " ".join(_APOSTROPHE.sub(" ", _TAG.sub("", m.text)).split())
        if m.kind != "PhraseNotFound" or not word or not translation.strip():
            continue
        if not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", written_out, re.I):
            out.append(Message(LEFT_OUT, m.text))
    return list(dict.fromkeys(out))  # one note a word, however often it is named


def _outside_quotes(found: re.Match[str]) -> str:
    """A translation's ``[Field Name]`` made a space; a quoted phrase kept whole, brackets and
    all (``"sick [leave]"[Title/Abstract]``: PubMed's User Guide gives square brackets no
    meaning but a field tag's, and the local server searches those inside quotes as spaces)."""
    return found.group() if found.group().startswith('"') else " "


_APOSTROPHE = re.compile("['\u2019]")
_TAG = re.compile(r"\[[^\[\]]*\]$")  # a trailing [field], as NCBI may name a term
_FIELD_NAMES = re.compile(r'"[^"]*"|\[[^\]"]*\]')  # a quoted phrase, or a [Field Name]


def one_per_line(messages: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A run's messages (kind, text) that ``search run`` and the search log say one to a line:
    all but those of :data:`SAID_TOGETHER`, in their order."""
    return [m for m in messages if m[0] not in SAID_TOGETHER]


# esearch.dtd: ErrorList (PhraseNotFound*, FieldNotFound*), WarningList (PhraseIgnored*,
# QuotedPhraseNotFound*, OutputMessage*).
MESSAGE_GROUPS = (
    ("ErrorList", ("PhraseNotFound", "FieldNotFound")),
    ("WarningList", ("PhraseIgnored", "QuotedPhraseNotFound", "OutputMessage")),
)
# NCBI's kinds, which the log names by their element (PRISMA-S: the database's own words):
# MESSAGE_GROUPS' and the <ERROR> of a refused search
NCBI_KINDS = (*(k for _, kinds in MESSAGE_GROUPS for k in kinds), "ERROR")


# A term found nowhere inside a larger query: PubMed names it (ErrorList/PhraseNotFound) and, in
# every recorded reply with a word found nowhere beside words it found, leaves that word out and
# searches the rest (`Charles-rawlins J[au]` -> `J[au]`, 264 records, ReCiter #282; a title
# search kept by es.um.asio's tests; hetio/medline #3); a quoted phrase found nowhere is kept (an
# EDirect log: "No items found."). The rule's reach (any operand, or only a term's own words;
# always, or only when the whole would find nothing, as ReCiter #134 describes it) is recorded
# nowhere, so the local server keeps the term, and says so (fidelity results, q44g).
NOT_FOUND_INSIDE = (
    "{terms} found nothing; the local server kept {it} in the query as written, so an AND with "
    "{it} finds nothing; PubMed's recorded replies leave an unquoted word they cannot find out "
    "of the query and search the rest, so PubMed may find more"
)


# A multi-word unquoted term of a field not word-indexed here (a name, a MeSH heading) found
# nowhere: every recorded reply left a word no record holds out of such a term and searched the
# rest (`Charles-rawlins J[au]` -> `J[au]`, 264 records, ReCiter #282; `Townes-Brocks-
# Branchiootorenal-Like Syndrome[MeSH Terms:noexp]` -> Syndrome on PubMed's web, hetio/medline
# #3). The local server looks such a term up whole, as the name and heading it is (text fields
# leave the word out: text_search), and says so.
NOT_FOUND_WHOLE = (
    "{term} found nothing; the local server looked it up whole; PubMed's recorded replies leave "
    "a word of such a term that no record holds out and search the rest (Charles-rawlins J[au] "
    "was searched as J[au]), so PubMed may find more"
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
    node: Node,
    not_found: list[str],
    *,
    nothing: bool = False,
    quoted: list[str] | None = None,
    noted: Collection[str] = (),
) -> tuple[str | None, str | None]:
    """(the QueryTranslation NCBI writes, a note for WarningList) when terms found nothing
    (``nothing``: the whole query found no record; ``quoted``: the QuotedPhraseNotFound names).
    A query whose every term is found nowhere NCBI translates as sent, in brackets, each term as
    written and no term's own translation: ``(nonjournal[journal] AND nonyear[date])`` (biogo/ncbi's
    recorded reply), ``(abcXYZ[All Fields])`` alone (esearch8; a bioproject reply has
    ``(PRJEB64534[All Fields])``), ``("Nonexistent Termxyz Qwerty"[mh])`` (a MeSH database reply
    recorded by a public project, with that quoted tagged phrase in QuotedPhraseNotFound); when
    some are found, the local server adds :data:`NOT_FOUND_INSIDE` on those not ``noted``
    already (:data:`NOT_FOUND_WHOLE`): one note a term."""
    missing = set(not_found) | set(quoted or ())
    if nothing and all(isinstance(t, Term) and written(t) in missing for t in leaves(node)):
        return f"({fold(node, _as_sent, _sent_op)})", None
    if isinstance(node, Term) and nothing:  # a lone term found nowhere but named otherwise
        return f"({_as_sent(node)})", None
    inside = [term for term in not_found if term not in noted]
    if not inside:
        return None, None
    if isinstance(node, BoolOp):
        it = "them" if len(inside) > 1 else "it"
        return None, NOT_FOUND_INSIDE.format(terms=", ".join(inside), it=it)
    return None, None


def _as_sent(node: Node) -> str:
    """A term found nowhere as a translation writes it: as typed, an untagged one in All Fields
    (the field PubMed searches it in: esearch8's ``abcXYZ[All Fields]``)."""
    assert isinstance(node, Term)
    untagged = node.field in ("", "all") and not node.tag
    return written(node) + ("[All Fields]" if untagged else "")


def _sent_op(node: BoolOp, left: str, right: str) -> str:
    """Two operands joined as sent: a group bracketed, a chain of one operator not (the
    translation's style, :func:`reviewkit.pubmed.translation.translate`)."""
    lhs = left if _top_op(node.left) in ("", node.op) else f"({left})"
    rhs = right if not _top_op(node.right) else f"({right})"
    return f"{lhs} {node.op} {rhs}"


def _top_op(node: Node) -> str:
    return node.op if isinstance(node, BoolOp) else ""
