"""The citation fields the local server searches in the snapshot's index rows: [si], [gr],
[rn], [vi], [ip], [pg], [pl], [jid], [lid] and [aid] (the values of the MEDLINE field of the
same tag, :func:`reviewkit.pubmed.index_rows.citation_fields`), [fau] and [lastau].

Each term is folded as the index rows are (case, diacritics, punctuation), so that
``NCT01234567[si]``, ``clinicaltrials.gov/nct01234567[si]`` and the pieces of a grant
(``wellcome trust[gr]``) match as PubMed documents them. A truncated term (``nct0123*[si]``) is
a prefix of the folded value. [fau] and [lastau] match names as [au] and [1au] do: no
truncation, a quoted name exactly."""

from __future__ import annotations

from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.unsupported import UnsupportedQuery
from reviewkit.query import Term
from reviewkit.records import fold_text

# Looked up in the index's rows of the same tag (index_rows.citation_fields).
CITATION_TAGS = frozenset({"si", "gr", "rn", "vi", "ip", "pg", "pl", "jid", "lid", "aid"})
NAME_TAGS = frozenset({"fau", "lastau"})
# The suffixes NLM writes in an author's <Suffix> (Jr, Sr, 2nd, 3rd, 4th in the snapshot's
# records), which PubMed Help's author format puts last ('o'brien jc jr'[au]) and NLM's full
# name searching too ('herron bruce j jr'). The index's names have no suffix; 'ii' and 'iii'
# are left out of the check, since they may be initials.
_SUFFIXES = frozenset({"jr", "sr", "2nd", "3rd", "4th"})


def refuse_suffix(term: Term) -> None:
    """Refuse an author term ([au], [1au], [lastau], [fau]) that ends in a suffix: the index's
    names have none, so it would find nothing where PubMed finds the author."""
    words = fold_text(term.text).split()
    if len(words) > 1 and words[-1] in _SUFFIXES:
        rest = " ".join(term.text.split()[:-1]).rstrip(",")
        raise UnsupportedQuery(
            f"the local server does not search an author's suffix ({words[-1]!r} in "
            f"{term.text!r}[{term.field}]): its names are indexed without one",
            hint=f"leave the suffix out: '{rest}[{term.field}]' finds the author with or "
            "without it",
        )


def citation_term(snapshot: Snapshot, term: Term) -> set[int]:
    """The articles of one [si], [gr], [rn], [vi], [ip], [pg], [pl], [jid], [lid], [aid],
    [fau] or [lastau] term."""
    f, value = term.field, fold_text(term.text)
    if f in CITATION_TAGS:
        if not value:
            raise UnsupportedQuery(f"the term {term.text!r}[{f}] has nothing to search")
        return snapshot.term(f, value, prefix=term.truncated)
    if f not in NAME_TAGS:
        raise ValueError(f)
    if term.truncated:
        raise UnsupportedQuery(
            f"truncation is not supported on [{f}]",
            hint=f"'smith j[{f}]' already matches every Smith J…"
            if f == "lastau"
            else f"'smith john[{f}]' already matches Smith, John A",
        )
    if f == "lastau":
        return snapshot.listed_author(value, exact=term.phrase, last=True)
    # [fau]: "Smith, John A" as 'smith john a' (the index's full form); without quotes a name
    # also finds the longer full names it begins ('smith john' finds Smith, John A), as [au]
    # finds the longer initials. NLM (Tech Bull 2005 May-Jun, full author name searching):
    # "full author searching can be in either natural or inverted order" ('julia s wong',
    # 'wong julia s'), and a comma after the last name tells which name is the last name: a
    # name without a comma is read both ways ('julia s wong' also as 'wong julia s').
    names = {value}
    words = value.split()
    if "," not in term.text and len(words) > 1:
        names.add(" ".join([words[-1], *words[:-1]]))
    return set().union(*(snapshot.full_author(name, exact=term.phrase) for name in names))
