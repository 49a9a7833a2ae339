"""Evaluate a parsed PubMed query over a snapshot index: exactly, with a warning, or not at all.

The local server must never answer differently from PubMed without saying so. For each form
it either evaluates it as PubMed does on the same records, or refuses it (:class:`UnsupportedQuery`,
sent as an ``<ERROR>`` reply), or evaluates it and adds a PubMed-style ``WarningList`` entry
saying what it did differently. Exact: quoted phrases (within one entry of a field of several),
truncation (4+ characters before ``*``), AND/OR/NOT left to right (upper case only; lower-case
``and``/``or``/``not`` are words, as in PubMed), parentheses, the text fields
(:mod:`reviewkit.pubmed.text_search`: [tiab] [ti] [ab] [ot] [ad] [cois] [tt] [cn], proximity
``"a b"[tiab:~N]``), the names (:mod:`reviewkit.pubmed.citation_terms`: [au] [1au] [lastau]
[fau] [ir] [fir] [ps], a suffix last), [mh:noexp] [majr:noexp] [sh:noexp], [nm], [pt] (with
its narrower types), [la], [pmid], [ta] (abbreviation, full title, ISSN), the citation fields
[si] [gr] [rn] [vi] [ip] [pg] [pl] [jid] [lid] [aid], [dp] (print or electronic date), [edat],
[crdt], [mhda], [dcom] (dates and ranges), ``systematic[sb]``, ``hasabstract`` and the has…
words (``hasretractionin``, ``hasdatabanklist``, ...). Warned: [lr] (the NLM file's
DateRevised), untagged terms (automatic term mapping's author steps only, :mod:`term_mapping`:
``smith j`` is ``smith j[au]``; no MeSH or journal mapping), [all] (no dates, language, volume,
issue, pages), [mh]/[majr]/[sh] (not exploded: no MeSH tree in the snapshot), review[pt]
(Systematic Review unsettled), a multi-word unquoted term that is no phrase of the snapshot
(its words ANDed and so translated, a word found nowhere or a sign alone left out as PubMed
does; so is a word no record holds among untagged words side by side), quoted phrases found
nowhere.
``#N`` is the request's WebEnv search N (refused without one).
Refused: everything else (other tags, saying why for those PubMed Help lists, other ranges,
short truncation, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewkit.errors import UserError
from reviewkit.pubmed.citation_terms import CITATION_TAGS, NAME_TAGS, citation_term, name_term
from reviewkit.pubmed.dates import date_bound, day_text
from reviewkit.pubmed.fields import (
    CURLY_READ,
    DATE_KINDS,
    FIELD_NAMES,
    HAS_ABSTRACT,
    HAS_FILLED,
    HAS_PREFIXED,
    HAS_WORDS,
    PAST_SNAPSHOT,
    REFUSED_TAGS,
    REVISED_AS_FILED,
    TEXT_FIELDS,
    WHOLE_VALUES,
)
from reviewkit.pubmed.filters import filter_hint
from reviewkit.pubmed.messages import NOT_FOUND_WHOLE, not_found_reply, phrase_written, written
from reviewkit.pubmed.qualifiers import qualifier_name
from reviewkit.pubmed.relative_dates import (
    DOCUMENTED_FIELDS,
    OTHER_FIELD,
    is_relative,
    window_bounds,
)
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.term_mapping import map_names, runs, without_lone_signs, without_words
from reviewkit.pubmed.text_search import TextSearch
from reviewkit.pubmed.translation import is_stopword, translate
from reviewkit.pubmed.uids import is_number, uid
from reviewkit.pubmed.unsupported import UnsupportedQuery
from reviewkit.pubmed.vocabulary import (
    language_code,
    publication_type_names,
    unsettled_narrower,
)
from reviewkit.query import (
    MIN_TRUNCATION,
    QuerySyntaxError,
    has_curly_quotes,
    parse,
    short_wildcard_stems,
)
from reviewkit.query_dates import date_of
from reviewkit.query_nodes import BoolOp, HistoryRef, Node, Range, Term, fold
from reviewkit.records import fold_text


@dataclass
class Evaluation:
    pmids: list[int]  # newest PMID first, as PubMed's default order roughly is
    translation: str
    not_found: list[str] = field(default_factory=list)  # ErrorList/PhraseNotFound
    warnings: list[tuple[str, str]] = field(default_factory=list)  # WarningList (kind, text)
    # a term some of whose words were found nowhere -> its words PubMed keeps (text_search);
    # those words, named in not_found
    left_out: dict[Term, list[Term]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    # every term searched as its words (text_search), a word left out or not -> the words searched
    split: dict[Term, list[Term]] = field(default_factory=dict)
    # the untagged words of runs side by side, looked up before the rest (a copy is used)
    probed: dict[Term, set[int]] = field(default_factory=dict, repr=False)
    noted: list[str] = field(default_factory=list)  # terms given a note of their own

    @property
    def count(self) -> int:
        return len(self.pmids)


def parse_or_fail(query: str) -> Node:
    """Parse a query, turning a syntax error into a UserError that shows where."""
    try:
        return parse(query)
    except QuerySyntaxError as exc:
        raise UserError(f"bad PubMed query: {exc}", hint="\n" + exc.hint()) from None


class Evaluator:
    """Evaluates queries over one snapshot; keeps the truncation expansions it has made."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.text = TextSearch(snapshot)

    def evaluate(self, query: str | Node, history: Sequence[Sequence[int]] = ()) -> Evaluation:
        """The query's PMIDs; ``history``: the searches of the request's WebEnv, which ``#N``
        refers to (query_key N), as esearch reads them with usehistory=y and a WebEnv."""
        node = parse_or_fail(query) if isinstance(query, str) else query
        node = map_names(node, self.snapshot)  # ATM's author and investigator index steps
        node, signs = without_lone_signs(node)  # 'work - sick': the '-' found nowhere
        out = Evaluation([], "")
        node, nowhere = self._without_words_found_nowhere(node, out)  # 'cancer zzqqx'
        out.translation = translate(node)
        out.not_found += [s.text for s in signs] + [written(w) for w in nowhere]
        out.dropped += [s.text for s in signs] + [written(w) for w in nowhere]
        if isinstance(query, str) and has_curly_quotes(query):
            out.warnings.append(("OutputMessage", CURLY_READ))
        hits = self._eval(node, out, history)
        out.pmids = sorted(hits or (), reverse=True)
        quoted = [text for kind, text in out.warnings if kind == "QuotedPhraseNotFound"]
        if out.split:  # translated as searched: its words ANDed, without those left out
            out.translation = translate(node, split=out.split)
        split_alone = isinstance(node, Term) and node in out.left_out  # its rest found nothing
        named = list(out.not_found)  # the terms kept, found nothing: each word left out once
        for word in out.dropped:  # (a term of its own may have the word's text: still kept)
            named.remove(word)
        translation, note = not_found_reply(
            node,
            named,
            nothing=hits is not None and not hits and not split_alone,
            quoted=quoted,
            noted=out.noted,
        )
        out.translation = translation or out.translation
        out.warnings += [("OutputMessage", note)] if note else []
        out.warnings = list(dict.fromkeys(out.warnings))
        return out

    def _without_words_found_nowhere(self, node: Node, out: Evaluation) -> tuple[Node, list[Term]]:
        """The query without the untagged words of a run of words side by side that no record
        holds, when others of that run are found (:func:`term_mapping.without_words`), and
        those words, to be named in PhraseNotFound. The one recorded reply to such a run
        (Entrez, 2002, in Biopython's old Bio.EUtils tests): ``cancer and aswfgh`` counted
        cancer's records, ``aswfgh`` in PhraseNotFound, ``and`` ignored; every recorded reply
        to a tagged term with such a word did the same (``Charles-rawlins J[au]``, ReCiter
        #282; es.um.asio's title search), and text_search leaves such a word of a tagged term
        out. The words of a run searched here (``out.probed``) are not looked up again."""
        nowhere: set[int] = set()  # the words left out, by identity: one run's, not another's
        for run in runs(node):
            searched = [w for w in run if not is_stopword(w)]  # 'of zzqqx' is zzqqx alone
            for word in searched:
                if word not in out.probed:
                    out.probed[word] = self._term(word, out)
            missing = [w for w in searched if not out.probed[w]]
            if len(missing) < len(searched):  # every searched word found nowhere: kept whole
                nowhere.update(id(w) for w in missing)
        return without_words(node, lambda w: id(w) in nowhere)

    def dates(self, start: str, end: str, kind: str) -> set[int]:
        """mindate/maxdate with datetype (pdat = [dp], edat, crdt), as esearch applies them."""
        return self.snapshot.dates(date_bound(start, end=False), date_bound(end, end=True), kind)

    def say_past_snapshot(self, end: str, out: Evaluation) -> None:
        """:data:`PAST_SNAPSHOT` added to ``out``'s warnings (once) when a date range's ``end``
        lies after the snapshot's newest Entry date: a query's range, or esearch's date limit
        (the server's)."""
        newest = self.snapshot.newest_entry()
        if not newest or date_bound(end, end=True) <= newest:
            return
        note = ("OutputMessage", PAST_SNAPSHOT.format(day=day_text(newest)))
        if note not in out.warnings:
            out.warnings.append(note)

    # --- nodes ---------------------------------------------------------------------------

    def _eval(
        self, node: Node, out: Evaluation, history: Sequence[Sequence[int]]
    ) -> set[int] | None:
        """The node's PMIDs; None for a stopword PubMed ignores (it drops out of its operator).
        Walked with :func:`fold` (no recursion), combining sets in place: every leaf's set is
        a new one, used once, so a chain of 5,000 ORed terms costs 5,000 unions, not copies."""

        def leaf(n: Node) -> set[int] | None:
            return self._leaf(n, out, history)

        return fold(node, leaf, _combine)

    def _leaf(
        self, node: Node, out: Evaluation, history: Sequence[Sequence[int]]
    ) -> set[int] | None:
        if isinstance(node, HistoryRef):
            if not 1 <= node.number <= len(history):
                raise UnsupportedQuery(
                    f"#{node.number} is not in the search history of this WebEnv",
                    hint="send usehistory=y with the WebEnv whose query_key it is",
                )
            return set(history[node.number - 1])
        if isinstance(node, Range):
            return self._range(node, out)
        assert isinstance(node, Term)
        if is_stopword(node):
            out.warnings.append(("PhraseIgnored", node.text))
            return None
        hits = set(out.probed[node]) if node in out.probed else self._term(node, out)
        if not hits and node.phrase:  # any quoted term, as a recorded [mh] reply has it
            out.warnings.append(("QuotedPhraseNotFound", written(node)))
            if node.field in TEXT_FIELDS:
                out.warnings.append(
                    (
                        "OutputMessage",
                        f"The local server kept the quotes of {phrase_written(node)} (no hits); PubMed, "
                        "when a phrase is in none of its records, ignores the quotes",
                    )
                )
        elif not hits and node not in out.left_out:  # else its words are named
            # named with its tag as typed when it has one (``zzzz[MeSH Terms:noexp]``,
            # ``nonjournal[journal]`` in recorded replies), bare when untagged (``abcXYZ``)
            out.not_found.append(written(node))
            if node.field not in TEXT_FIELDS and " " in node.text.strip():
                note = NOT_FOUND_WHOLE.format(term=written(node))
                out.warnings.append(("OutputMessage", note))
                out.noted.append(written(node))
        return hits

    def _range(self, node: Range, out: Evaluation) -> set[int]:
        if node.field not in DATE_KINDS:
            raise UnsupportedQuery(
                f"ranges on [{node.field}] are not supported by the local server",
                hint="use a date field: " + ", ".join(f"[{k}]" for k in DATE_KINDS),
            )
        if node.field == "lr":
            out.warnings.append(("OutputMessage", REVISED_AS_FILED))
        start, end = date_bound(node.start, end=False), date_bound(node.end, end=True)
        if end < start:
            # PubMed documents a range as start:end (PubMed Help, "Date - Publication") and
            # not what it does with one written backwards; refused rather than answered with
            # nothing, which is what a stored search would otherwise log without a word.
            raise UnsupportedQuery(
                f"the range {node.start}:{node.end}[{node.field}] ends before it starts; PubMed "
                "documents ranges as start:end and not what it does with one written backwards",
                hint=f"write {node.end}:{node.start}[{node.field}]",
            )
        self.say_past_snapshot(node.end, out)
        return self.snapshot.dates(start, end, node.field)

    def _date_term(self, term: Term, out: Evaluation) -> set[int]:
        """A date ('2020/03[dp]') or a relative date ('"last 7 days"[crdt]', open-ended:
        :mod:`.relative_dates`) on one of the date fields."""
        f = term.field
        if f == "lr":
            out.warnings.append(("OutputMessage", REVISED_AS_FILED))
        if is_relative(term.text) and not term.truncated:
            lo, hi = window_bounds(term.text)
            if f not in DOCUMENTED_FIELDS:
                out.warnings.append(("OutputMessage", OTHER_FIELD.format(text=term.text, field=f)))
            self.say_past_snapshot("3000", out)  # the window reaches today, past the snapshot
            return self.snapshot.dates(lo, hi, f)
        try:  # a day with NCBI's printed time ('2023/04/29 00:00') is that day (query_dates)
            day = date_of(term.text) if not term.truncated else ""
        except ValueError:
            day = ""
        if not day:
            raise UnsupportedQuery(
                f"cannot read {term.text!r} as a date ({FIELD_NAMES[f].lower()})",
                hint=f"write YYYY, YYYY/MM, YYYY/MM/DD (a day with a time HH:MM), a range A:B[{f}]"
                f' or "last N days"[{f}] (or months, years)',
            )
        lo, hi = date_bound(day, end=False), date_bound(day, end=True)
        self.say_past_snapshot(day, out)
        return self.snapshot.dates(lo, hi, f, single=True)  # not its range's set on [dp]

    def _term(self, term: Term, out: Evaluation) -> set[int]:
        f = term.field
        _check_wildcards(term)
        value = fold_text(term.text)
        if (f, value) in HAS_ABSTRACT and not (term.phrase or term.truncated):
            return self.snapshot.has_abstract()
        if f in ("", "all") and value in HAS_FILLED and not (term.phrase or term.truncated):
            return self.snapshot.filled(HAS_FILLED[value])  # hascois, haskeyword
        if f in ("", "all") and value in HAS_PREFIXED and not (term.phrase or term.truncated):
            return self.snapshot.term(WHOLE_VALUES, HAS_PREFIXED[value], prefix=True)
        if f in ("", "all") and value in HAS_WORDS and not (term.phrase or term.truncated):
            return self.snapshot.term("has", value)  # hasretractionin, hasdatabanklist, ...
        if f in ("", "all") and not term.truncated and (pmid := uid(term.text)):
            # All Fields holds the PMID: "enter the ID with or without the search field tag
            # [pmid]" (PubMed's User Guide, 2024, PMID [pmid]; its All Fields leaves the PMID
            # in). A number is also a word of the text fields, as before.
            return self.text.field(term, out) | self.snapshot.has_pmid(pmid)
        if f in TEXT_FIELDS:
            return self.text.field(term, out)
        if f == "ta":
            return self.snapshot.journal(term.text, prefix=term.truncated)
        if f in NAME_TAGS:
            return name_term(self.snapshot, term)
        if f in CITATION_TAGS:
            return citation_term(self.snapshot, term)
        if f in DATE_KINDS:
            return self._date_term(term, out)
        if f == "sb":
            if value != "systematic" or term.truncated:
                raise UnsupportedQuery(  # a sidebar filter pasted from the search details
                    f"the subset [sb] {term.text!r} is not supported", hint=filter_hint(value)
                )
            return self.snapshot.term("sb", "systematic")
        if f in ("mh", "majr") and "/" in term.text:
            return self._mesh_pair(term, out)
        if f in ("mh", "majr", "sh"):
            return self._heading(term, value, out)
        if f == "pt" and not term.truncated:  # exploded, renamed types too: vocabulary.py
            unsettled = () if term.noexp else unsettled_narrower(value)
            if unsettled:
                out.warnings.append(
                    (
                        "OutputMessage",
                        f"{term.text}[pt]: the local server does not include "
                        f"{'; '.join(unsettled)}, which PubMed may find",
                    )
                )
            names = publication_type_names(term.text, noexp=term.noexp)
            return set().union(*(self.snapshot.term("pt", fold_text(n)) for n in names))
        return self._indexed_term(term, value)

    def _heading(self, term: Term, value: str, out: Evaluation) -> set[int]:
        """A MeSH heading or subheading ([mh], [majr], [sh]), not exploded: the snapshot has
        no MeSH tree (the warning says so unless the query asked for :noexp)."""
        f = term.field
        if not term.noexp:
            out.warnings.append(
                (
                    "OutputMessage",
                    f"{term.text}[{f}] not exploded: the snapshot has no MeSH tree, so "
                    f"narrower headings and entry terms are not included (exact: [{f}:noexp])",
                )
            )
        return self.snapshot.term(f, value, prefix=term.truncated)

    def _indexed_term(self, term: Term, value: str) -> set[int]:
        """[nm], [la], [pmid] and truncated [pt]: looked up in the index."""
        f = term.field
        if f in ("pt", "nm"):
            return self.snapshot.term(f, value, prefix=term.truncated)
        if f == "la":
            if term.truncated:
                raise UnsupportedQuery("truncation is not supported on [la]")
            return self.snapshot.term("la", language_code(value) or value)
        if f == "pmid":
            if term.truncated:  # was read as the whole PMID, finding nothing without a word
                raise UnsupportedQuery(
                    "truncation is not supported on [pmid]", hint="list the PMIDs in full"
                )
            if not is_number(term.text):
                raise UnsupportedQuery(f"{term.text!r} is not a PMID")
            return self.snapshot.has_pmid(int(term.text))
        supported = ", ".join(f"[{k}]" for k in FIELD_NAMES if k)
        why = f": {REFUSED_TAGS[f]}" if f in REFUSED_TAGS else ""
        raise UnsupportedQuery(
            f"the field tag [{f}] is not supported by the local server{why}",
            hint=f"supported: {supported} and systematic[sb]",
        )

    def _mesh_pair(self, term: Term, out: Evaluation) -> set[int]:
        """``heading/subheading[mh]`` (PubMed Help, "Searching MeSH: subheadings"): the
        articles indexed with that pair; neither part is exploded here (no MeSH tree)."""
        descriptor, _, qualifier = (fold_text(part) for part in term.text.partition("/"))
        if len(qualifier) == 2:  # PubMed reads /dt as /drug therapy (qualifiers.py)
            name = qualifier_name(qualifier)
            if name is None:
                raise UnsupportedQuery(
                    f"{term.text}[{term.field}]: /{qualifier} is no MeSH subheading's abbreviation",
                    hint="write the subheading in full (depression/therapy[mh]) or by a known"
                    " abbreviation (depression/th[mh])",
                )
            qualifier = fold_text(name)
        if term.truncated or not descriptor or len(qualifier) <= 2 or "/" in qualifier:
            raise UnsupportedQuery(
                f"{term.text}[{term.field}]: write one heading and one subheading, the "
                "subheading in full or by its two-letter abbreviation",
                hint="e.g. depression/therapy[mh] or depression/th[mh]",
            )
        if not term.noexp:
            out.warnings.append(
                (
                    "OutputMessage",
                    f"{term.text}[{term.field}] not exploded: the snapshot has no MeSH tree, so "
                    "narrower headings and subheadings are not included "
                    f"(exact: [{term.field}:noexp])",
                )
            )
        candidates = self.snapshot.term(term.field, descriptor) & self.snapshot.term(
            "sh", qualifier
        )
        return self.snapshot.mesh_pairs(
            candidates, descriptor, qualifier, major=term.field == "majr"
        )


def _combine(node: BoolOp, left: set[int] | None, right: set[int] | None) -> set[int] | None:
    """An operator over its operands' PMIDs, in place (each set is used once). A stopword
    (None) drops out: ``x AND the`` is ``x``; ``the NOT x`` is nothing to subtract from."""
    if left is None or right is None:
        return right if left is None and node.op != "NOT" else left
    if node.op == "AND":
        left &= right
    elif node.op == "OR":
        left |= right
    else:
        left -= right
    return left


def _check_wildcards(term: Term) -> None:
    """UnsupportedQuery for the wildcards PubMed refuses or that are not indexed here.

    The trailing '*' truncates the term's last word; a word with a '*' inside is the wildcard
    expansion's to check, which names its short stem (text fields), or refused here (other
    fields: organi*ation*[mh] is not indexed so)."""
    if term.truncated and term.field in NAME_TAGS:  # refused whatever the stem, with the
        return  # hint a name needs (citation_terms.name_term): 'smith j[au]' finds Smith JA
    last = term.text.split()[-1] if term.text.split() else ""
    if term.truncated and "*" not in last and short_wildcard_stems(last, truncated=True):
        raise UnsupportedQuery(
            f"'{term.text}*': PubMed needs at least {MIN_TRUNCATION} characters before '*'",
            hint="truncate a longer stem",
        )
    if "*" in term.text and term.field not in TEXT_FIELDS:
        raise UnsupportedQuery(
            f"a wildcard inside a term is searched in text fields only here: {term.text!r}",
            hint="end the term with '*', or search it in [tiab]",
        )
