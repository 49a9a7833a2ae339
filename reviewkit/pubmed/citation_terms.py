"""The citation fields the local server searches in the snapshot's index rows: [si], [gr],
[rn], [vi], [ip], [pg], [pl], [jid], [lid] and [aid] (the values of the MEDLINE field of the
same tag, :func:`reviewkit.pubmed.index_rows.citation_fields`), and the names: [au], [1au],
[lastau], [fau], [ir], [fir] and [ps] (:func:`reviewkit.pubmed.index_rows.name_rows`).

Each term is folded as the index rows are (case, diacritics, punctuation), so that
``NCT01234567[si]``, ``clinicaltrials.gov/nct01234567[si]`` and the pieces of a grant
(``wellcome trust[gr]``) match as PubMed documents them. A truncated term (``nct0123*[si]``) is
a prefix of the folded value. Names match as PubMed's author format says: no truncation, a
quoted name exactly, a suffix last ('o'brien jc jr[au]')."""

from __future__ import annotations

from lxml import etree as ET

from reviewkit.pubmed.index_rows import may_be_forename
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.unsupported import UnsupportedQuery
from reviewkit.query_nodes import Term
from reviewkit.records import fold_text

# Looked up in the index's rows of the same tag (index_rows.citation_fields).
CITATION_TAGS = frozenset({"si", "gr", "rn", "vi", "ip", "pg", "pl", "jid", "lid", "aid"})
# Names, matched in PubMed's author format: [au] and its first and last author, full names
# ([fau], [fir]), investigators ([ir]) and personal names as subject ([ps]), the last two as
# PubMed Help says, "following the Author field format" (index_rows.NAME_LISTS).
NAME_TAGS = frozenset({"au", "1au", "lastau", "fau", "ir", "fir", "ps"})
_LIST = {"ir": "ir", "fir": "ir", "ps": "ps"}  # the name list of a tag; 'au' for the others
# The suffixes NLM writes in an author's <Suffix> (Jr, Sr, 2nd, 3rd, 4th in the snapshot's
# records), which PubMed Help's author format puts last ('o'brien jc jr'[au]) and NLM's full
# name searching too ('herron bruce j jr'). The index has each name with and without its
# suffix (index_rows.name_rows); 'ii' and 'iii' are left out here, since they may be initials.
SUFFIXES = frozenset({"jr", "sr", "2nd", "3rd", "4th"})


def citation_term(snapshot: Snapshot, term: Term) -> set[int]:
    """The articles of one [si], [gr], [rn], [vi], [ip], [pg], [pl], [jid], [lid] or [aid]
    term."""
    f, value = term.field, fold_text(term.text)
    if f not in CITATION_TAGS:
        raise ValueError(f)
    if not value:
        raise UnsupportedQuery(f"the term {term.text!r}[{f}] has nothing to search")
    return snapshot.term(f, value, prefix=term.truncated)


def name_term(snapshot: Snapshot, term: Term) -> set[int]:
    """The articles of one name term (:data:`NAME_TAGS`). No truncation: PubMed already
    truncates the initials ('smith j[au]' finds Smith JA); quoted, the name exactly."""
    f, value = term.field, fold_text(term.text)
    if f not in NAME_TAGS:
        raise ValueError(f)
    if term.truncated:
        raise UnsupportedQuery(
            f"truncation is not supported on [{f}]",
            hint=f"'smith john[{f}]' already matches Smith, John A"
            if f in ("fau", "fir")
            else f"'smith j[{f}]' already matches every Smith J…",
        )
    kind = _LIST.get(f, "au")
    # [au] (and [1au], [lastau], [ir], [ps], "matched as [au]") and a full name in natural
    # order ('adele wong', 'wei li'): PubMed's User Guide (2024) says of [au] "Searching by
    # full author name for articles published from 2002 forward is also possible", and of the
    # Author index, which [au] and ATM's author step search, "Enter a full author name in
    # natural or inverted order, e.g., julia s wong or wong julia s" (of the Investigator
    # index, "harry janes or janes harry"). A last word of two letters may be a full forename
    # or last name (Li, Xu, Ng: 5,214 full names of the snapshot have a two-letter last name):
    # the Guide reads 'peterson do' as initials and as a full name alike ("To distinguish author
    # initials that may match a full author name use the [fau] search tag, e.g., peterson
    # do[fau]"). A single letter is an initial only ('smith j'); three letters or more a name
    # only (index_rows.MAX_INITIALS: the one rule, which snapshot.author's truncation follows).
    natural = _natural_order(term.text, value) if _full_name(value) else None
    if f in ("1au", "lastau"):
        found = _listed(snapshot, value, exact=term.phrase, last=f == "lastau")
        if natural:
            found |= _listed(snapshot, natural, exact=term.phrase, last=f == "lastau")
        return found
    if f in ("au", "ir", "ps"):
        search = snapshot.exact_author if term.phrase else snapshot.author
        found = search(value, kind)
        if natural:
            found |= snapshot.full_author(natural, exact=term.phrase, kind=kind)
        return found
    return _full_names(snapshot, term, value, kind)


def _full_name(value: str) -> bool:
    """Whether a folded name value may be a full name in natural order: its last word (the
    suffix aside) may be a forename (index_rows.may_be_forename)."""
    words = [w for w in value.split() if w not in SUFFIXES]
    return len(words) > 1 and may_be_forename(words[-1])


def _natural_order(text: str, value: str) -> str | None:
    """A name without a comma read in natural order, as the index's full form has it: its
    last word first, a suffix still last ('bruce j herron jr' as 'herron bruce j jr'). NLM (Tech
    Bull 2005 May-Jun, full author name searching): "full author searching can be in either
    natural or inverted order", and a comma after the last name tells which name is the last
    name, so a name with one is read as written only."""
    words = value.split()
    suffix = words[-1:] if len(words) > 2 and words[-1] in SUFFIXES else []
    words = words[: len(words) - len(suffix)]
    if "," in text or len(words) < 2:
        return None
    return " ".join([words[-1], *words[:-1], *suffix])


def _full_names(snapshot: Snapshot, term: Term, value: str, kind: str) -> set[int]:
    """[fau], [fir]: "Smith, John A" as 'smith john a' (the index's full form); without quotes
    a name also finds the longer full names it begins ('smith john' finds Smith, John A), as
    [au] finds the longer initials; in natural order too (:func:`_natural_order`)."""
    names = {value} | ({n} if (n := _natural_order(term.text, value)) else set())
    found = (snapshot.full_author(n, exact=term.phrase, kind=kind) for n in names)
    return set().union(*found)


def _listed(snapshot: Snapshot, name: str, *, exact: bool, last: bool) -> set[int]:
    """[1au] or [lastau]. The first and last authors' forms kept for them (sort_keys) have no
    suffix: a name with one is matched without it there, and the candidates' XML is read to
    check that that author carries the suffix."""
    words = name.split()
    if len(words) < 3 or words[-1] not in SUFFIXES:
        return snapshot.listed_author(name, exact=exact, last=last)
    base = " ".join(words[:-1])
    among = snapshot.exact_author(name) if exact else snapshot.author(name)  # the suffix's rows
    candidates = snapshot.listed_author(base, exact=exact, last=last, among=among)
    position = -1 if last else 0
    found = set()
    for pmid, xml in snapshot.articles_by_pmid(sorted(candidates)).items():
        people = ET.fromstring(xml).findall(".//Article/AuthorList/Author")
        if people and fold_text(people[position].findtext("Suffix") or "") == words[-1]:
            found.add(pmid)
    return found
