"""Notices about the project's records: retractions, errata, expressions of concern, comments.

A notice is no report of the study its article reports and joins no study
(:func:`reviewkit.dedup.follow_on.notice_about_a_paper`), but a review must know of it: the
Cochrane Handbook (5.1, 6.4.10) asks review authors to check included studies for retractions,
errata and comments, as MEDLINE marks them. So a notice *concerns* its article: it is attached
to the article's record, never merged with it nor counted among its study's reports, and shown
with it (the screening screen, ``status``, the report).

What says a notice concerns an article, strongest first:

- PubMed's own link, from either end: the article's CommentsCorrections 'RetractionIn',
  'ErratumIn', 'ExpressionOfConcernIn' … with the notice's PMID (known even when the notice is
  not among the project's records), or the notice's 'RetractionOf', 'ErratumFor' … with the
  PMID of a record in the project;
- the article's own mark: its publication type 'Retracted Publication' (PubMed's, Web of
  Science's) or 'Retracted' (Scopus's), or its publisher's 'RETRACTED:' before its title
  (:func:`reviewkit.dedup.titles.retracted_mark`);
- a DOI of a record in the project named in the notice's title, or in its abstract ('This
  article (doi:10.…) has been retracted') where its title names no record or the same one, and
  not after a retraction's words for the paper its article copied (:data:`_COPIED`);
- the notice's title naming its article's ('Erratum to: <title>', 'Retraction: <title>',
  '<title> – Erratum'): the title left once the heading is taken off is the article's, or
  close to it as dedup compares titles (:data:`~reviewkit.dedup.pair.TITLE_NEAR`), and at
  least four words long, since a notice titled 'Erratum' alone names nothing; or, where what
  is left is a citation alone ('Correction to Lancet Oncol 2021; 22: 872-82'), the one
  article at its journal, year, volume and first page (:mod:`~reviewkit.dedup.concern_citations`);
  so does the citation of PubMed's link whose PMID no record has (the article from another
  database).

But for PubMed's link, no rule attaches a notice to an article published in a later year than
the notice: a notice cannot concern what did not exist yet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from reviewkit.dedup.concern_citations import (
    Citation,
    Places,
    citation,
    cited_in,
    tail_citation,
)
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.notice_titles import (
    COMMENT,
    CONCERN,
    ERRATUM,
    PARTIAL_RETRACTION,
    RETRACTED_TYPES,
    RETRACTION,
    kind_by_title,
    named_title,
    read_heading,
    type_kind,
)
from reviewkit.dedup.pair import TITLE_NEAR
from reviewkit.dedup.score import title_similarity
from reviewkit.dedup.titles import match_title, retracted_mark
from reviewkit.records import Record, normalise_doi

# the kinds a review must act on, in the order shown: its report lists the included studies
# with one of these (comments are shown on the screening screen only: most are letters)
SERIOUS = (RETRACTION, PARTIAL_RETRACTION, CONCERN, ERRATUM)
# how each kind is said of its article, and NLM's type of its notice (said with a PMID only: a
# notice among the records may be Embase's or Scopus's, typed in their words or not at all)
_SAID = {
    RETRACTION: ("Retracted", "Retraction of Publication"),
    PARTIAL_RETRACTION: ("Partly retracted", "Retraction of Publication"),
    CONCERN: ("Expression of concern", "Expression of Concern"),
    ERRATUM: ("Erratum", "Published Erratum"),
    COMMENT: ("Comment", "Comment"),
}
# PubMed's RefTypes (reviewkit.formats.corrections.KEPT), on the article and on the notice
ARTICLE_SIDE = {
    "RetractionIn": RETRACTION,
    "PartialRetractionIn": PARTIAL_RETRACTION,
    "ExpressionOfConcernIn": CONCERN,
    "ErratumIn": ERRATUM,
    "CommentIn": COMMENT,
}
NOTICE_SIDE = {
    "RetractionOf": RETRACTION,
    "PartialRetractionOf": PARTIAL_RETRACTION,
    "ExpressionOfConcernFor": CONCERN,
    "ErratumFor": ERRATUM,
    "CommentOn": COMMENT,
}
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
# a retraction notice's words for the earlier paper its article copied, up to that paper's DOI
# ('… duplicates a paper that has already been published in J Pain 2010;11:1, doi:10.…'; COPE's
# and Elsevier's wording): the DOI after them is not the retracted article's
_COPIED = re.compile(
    r"\b(?:already\s+(?:been\s+)?(?:published|appeared)|previously\s+published|plagiari\w*"
    r"|duplicat\w*)\b.{0,200}?\b10\.\d{4,9}/[^\s\"<>]+",
    re.I,
)
_MIN_WORDS = 4


@dataclass(frozen=True)
class Concern:
    """A notice about a record: its ``kind`` (:data:`SERIOUS` or :data:`COMMENT`), the
    notice's PMID ('' when unknown), its record id in the project (None when it is not
    among the project's records) and what says so (``how``)."""

    kind: str
    pmid: str = ""
    notice: int | None = None
    how: str = ""

    def line(self) -> str:
        """'Retracted (PMID 123 — Retraction of Publication)': what a reviewer is shown."""
        said, notice_type = _SAID[self.kind]
        if self.pmid:
            return f"{said} (PMID {self.pmid} — {notice_type})"
        if self.notice is not None:
            return f"{said} (record {self.notice}, by {self.how})"
        return f"{said} ({self.how})"


def notice_kind(rec: Record) -> str:
    """A notice's kind, by NLM's publication types, then PubMed's links, then another
    database's type (where its title's heading names no kind of its own: Scopus's 'Erratum'
    on 'Retraction notice to: <title>' is a retraction, :func:`~reviewkit.dedup.notice_titles.
    type_kind`), then its title's heading or the notice word after its title."""
    kind, nlm = type_kind(rec.publication_types)
    linked = next(
        (NOTICE_SIDE[c.ref_type] for c in rec.comments_corrections if c.ref_type in NOTICE_SIDE),
        "",
    )
    if nlm:
        # NLM types a partial retraction 'Retraction of Publication' too (_SAID); PubMed's
        # PartialRetractionOf link is the more specific of the two
        return PARTIAL_RETRACTION if (kind, linked) == (RETRACTION, PARTIAL_RETRACTION) else kind
    if linked:
        return linked
    if kind:
        heading = read_heading(rec.title or "")
        return heading.kind if heading and heading.kind != COMMENT else kind
    return kind_by_title(rec.title or "")


def own_marks(rec: Record, by_pmid: Mapping[str, list[int]]) -> list[Concern]:
    """What an article says of itself: PubMed's links to its notices, its 'Retracted
    Publication' type, its publisher's 'RETRACTED:' mark."""
    out = [
        Concern(kind, c.pmid, _first(by_pmid.get(c.pmid)), "PubMed's link")
        for c in rec.comments_corrections
        if (kind := ARTICLE_SIDE.get(c.ref_type))
    ]
    if not any(c.kind == RETRACTION for c in out):
        marked = [
            t.strip() for t in rec.publication_types if t.strip().casefold() in RETRACTED_TYPES
        ]
        if marked:
            out.append(Concern(RETRACTION, how=f"publication type '{marked[0]}'"))
        elif retracted_mark(rec.title or ""):
            out.append(Concern(RETRACTION, how="title marked 'RETRACTED'"))
    return out


def _first(ids: list[int] | None) -> int | None:
    return min(ids) if ids else None


# how many words at each end of a folded title key it (TitleIndex, and the keys kept of each
# record: concerns_stored.record_keys): one end stays when a subtitle is dropped or a heading
# added
_END_WORDS = 3


def title_ends(folded: str) -> tuple[str, str]:
    """The first and the last :data:`_END_WORDS` words of a folded title, each joined by a
    blank: what :class:`TitleIndex` finds the close titles among (and the store keeps)."""
    words = folded.split()
    return " ".join(words[:_END_WORDS]), " ".join(words[-_END_WORDS:])


class TitleIndex:
    """The folded titles of the records that are no notice, to find the one a notice's title
    names: the same title, or one close to it as dedup compares titles
    (:data:`~reviewkit.dedup.pair.TITLE_NEAR`: a dropped subtitle or an added heading) among
    those that share its first or its last three words (one of the two stays when a subtitle
    is dropped or a heading added; comparing every title took 29 CPU seconds over the
    50,788 records of the PubMed snapshot)."""

    def __init__(self) -> None:
        self.exact: dict[str, list[int]] = defaultdict(list)
        # ('^', first words) and ('$', last words) -> the titles (:func:`title_ends`)
        self.ends: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.places = Places()  # for a notice that cites its article (concern_citations)

    def add(self, record_id: int, rec: Record, folded: str) -> None:
        self.places.add(record_id, rec, folded)
        if not folded:
            return
        self.exact[folded].append(record_id)
        head, tail = title_ends(folded)
        self.ends[("^", head)].add(folded)
        self.ends[("$", tail)].add(folded)

    @staticmethod
    def names_a_title(notice: Record) -> bool:
        """Whether the notice's title names a title of :data:`_MIN_WORDS` words or more."""
        return len(match_title(named_title(notice.title or "").title).split()) >= _MIN_WORDS

    def named_by(self, notice: Record) -> list[int]:
        """The records whose title the notice's names once its heading (or the notice word
        after it) is taken off; none for a notice that names no title of four words or more
        ('Erratum'), nor for a title with no such heading (a reply titled as its article)."""
        raw = notice.title or ""
        named = named_title(raw)
        if named.title == raw:
            # PubMed titles some errata with their article's own title ('Published Erratum'
            # and the title word for word; Embase's and Scopus's 'Erratum', Web of Science's
            # 'Correction' alike): a notice by its type names the record of its very title;
            # a title alone does not (a reply titled as its article). With
            # Nature's 'Author Correction:' heading, the snapshot's pairs PubMed links as a
            # retraction, erratum or concern found without the links: 90 -> 96 of 154
            typed = type_kind(notice.publication_types)[0] not in ("", COMMENT)
            folded = match_title(raw) if typed else ""
            return self.exact.get(folded, []) if len(folded.split()) >= _MIN_WORDS else []
        folded = match_title(named.title)
        if len(folded.split()) < _MIN_WORDS:
            return []
        if folded in self.exact:
            return self.exact[folded]
        head, tail = title_ends(folded)
        near = self.ends.get(("^", head), set()) | self.ends.get(("$", tail), set())
        serious = notice_kind(notice) in SERIOUS
        return [
            i
            for t in sorted(near)
            if title_similarity(folded, t) >= TITLE_NEAR
            and not (serious and _part_of(t, folded, named.bounded))
            for i in self.exact[t]
        ]


def _part_of(title: str, named: str, bounded: bool) -> bool:
    """Whether a record's ``title`` is only the end of the title a notice names, or only its
    start where quotes bound the named title. Dedup counts either as one title
    (:func:`~reviewkit.dedup.score.title_similarity`: a heading put before it, a subtitle
    dropped), and so may a comment ('Commentary on Weick's "<title>"' names its article's
    authors first); but a retraction, erratum or concern names its article's title right after
    its heading: words before a record's title name another article ('Erratum to: Tai chi
    compared with <title>'). Words after it are another article's too where the named title
    is quoted ('Corrigendum to "<title>". J Neurosci Methods 221 (2014) 92-102': what follows
    the quotes is the citation); unquoted, a citation after the title cannot be told from a
    subtitle (both are words after a stop or a colon: 'Title. J Neurosci Methods 221 (2014)'
    and 'Title. A randomised trial'), and the start stays."""
    if len(title) >= len(named):
        return False
    return named.endswith(" " + title) or (bounded and named.startswith(title + " "))


def _targets(
    notice: Record,
    by_pmid: Mapping[str, list[int]],
    by_doi: Mapping[str, list[int]],
    titles: TitleIndex,
) -> tuple[list[int], str]:
    """The records a notice concerns and what says so (the module's list, strongest first)."""
    linked = [
        i
        for c in notice.comments_corrections
        if c.ref_type in NOTICE_SIDE
        for i in by_pmid.get(c.pmid, ())
    ]
    if linked:
        return linked, "PubMed's link"
    own = normalise_doi(notice.doi)
    in_title = _named_dois(notice.title or "") - {own}
    by_named = [i for d in sorted(in_title) for i in by_doi.get(d, ())]
    if by_named:
        return by_named, "the DOI it names"
    # a citation alone names the article at its place, or a Web of Science tail ('<title>
    # (vol 85, pg 553, 2010)') in the notice's journal, or the citation PubMed's link gives
    # where its PMID names no record ('Lancet. 2021 Mar 27;397(10280):1195-1203': the article
    # from another database, without its PMID; The Lancet's 'Department of Error.' names its
    # article by nothing else); where none is, the title rule (a title without digits or
    # colons before a citation reads as a journal's name); a notice whose title names nothing
    # by a citation in its text
    linked_places = (
        citation(c.ref_source) for c in notice.comments_corrections if c.ref_type in NOTICE_SIDE
    )
    cited = [
        c
        for c in (
            citation(named_title(notice.title or "").title),
            tail_citation(notice),
            *linked_places,
        )
        if c
    ]
    by_title, how = _cited(titles, cited), "the citation it gives"
    if not by_title:
        by_title, how = titles.named_by(notice), "its title"
    if not by_title and not titles.names_a_title(notice):
        by_title, how = _cited(titles, cited_in(notice.abstract)), "the citation it gives"
    # a DOI in the abstract only where the title names no record, or names this one: an
    # abstract cites other papers too, and a retraction's names the paper its article copied
    # ('plagiarized part of a paper that had already appeared in …, doi:…'), which the review
    # may hold: that paper is not the retracted one
    in_abstract = _named_dois(_COPIED.sub(" ", notice.abstract)) - {own}
    by_named = [i for d in sorted(in_abstract) for i in by_doi.get(d, ())]
    if by_named and (not by_title or set(by_named) & set(by_title)):
        agreed = [i for i in by_named if not by_title or i in by_title]
        return agreed, "the DOI it names"
    return by_title, how


def _cited(titles: TitleIndex, cited: Iterable[Citation]) -> list[int]:
    """The records of the first of the citations that names one article."""
    return next((found for c in cited if (found := titles.places.cited_by(c))), [])


def _published_after(year: int | None, notice: Record) -> bool:
    """Whether an article of ``year`` was published in a later year than ``notice``: a notice
    cannot concern an article that did not exist yet, so the one its DOI or title names is
    another (a later report titled as the earlier one, a reprint). Of the snapshot's 349 pairs PubMed
    links, none has its article a year after its notice (an erratum is printed in its
    article's issue or later). Unknown years refuse nothing."""
    return year is not None and notice.year is not None and year > notice.year


def _named_dois(text: str) -> set[str]:
    """The DOIs a text names, folded."""
    return {normalise_doi(d.rstrip(".,;)]")) for d in _DOI.findall(text)}


def concerns_among(
    records: Mapping[int, Record], notices: Iterable[int] | None = None
) -> dict[int, list[Concern]]:
    """Record id -> the notices about it among ``records`` or named by it (the module's
    rules); records with none are left out. A notice concerns no other notice. ``notices``:
    the ids of the records that are notices (:func:`~reviewkit.dedup.follow_on.
    notice_about_a_paper`) where the caller has read them already, else read here."""
    return concerns_and_targets(records, notices)[0]


# a notice's concern and the records it concerns, ascending
NoticeTargets = tuple[Concern, list[int]]


def concerns_and_targets(
    records: Mapping[int, Record],
    notices: Iterable[int] | None = None,
    folded: Mapping[int, str] | None = None,
) -> tuple[dict[int, list[Concern]], dict[int, NoticeTargets]]:
    """:func:`concerns_among`, and what each notice concerns (:func:`notice_targets`; one a
    notice, those concerning none too). ``folded``: the records' titles as
    :func:`~reviewkit.dedup.titles.match_title` folds them, where the caller has them."""
    if notices is None:
        notices = (i for i, r in records.items() if notice_about_a_paper(r))
    notices = set(notices)
    by_pmid: dict[str, list[int]] = defaultdict(list)
    by_doi: dict[str, list[int]] = defaultdict(list)
    titles = TitleIndex()
    for i, r in records.items():
        if r.pmid:
            by_pmid[r.pmid].append(i)
        if i in notices:
            continue
        if r.doi:
            by_doi[normalise_doi(r.doi)].append(i)
        titles.add(i, r, folded[i] if folded is not None else match_title(r.title or ""))
    targets = notice_targets(
        {n: records[n] for n in notices},
        notices,
        Lookups(by_pmid, by_doi, titles, lambda i: records[i].year),
    )
    found: dict[int, list[Concern]] = {}
    for i, r in records.items():
        if i not in notices and (own := own_marks(r, by_pmid)):
            found[i] = own
    for t, concerns in concerning(targets).items():
        found[t] = joined_concerns(found.get(t, []), concerns)
    return found, targets


@dataclass(frozen=True)
class Lookups:
    """What a notice's rules look its articles up in: record ids by PMID (notices too) and
    by folded DOI, the titles and places of the records that are no notice, and a record's
    year."""

    by_pmid: Mapping[str, list[int]]
    by_doi: Mapping[str, list[int]]
    titles: TitleIndex
    year: Callable[[int], int | None]


def notice_targets(
    notices: Mapping[int, Record], every_notice: set[int], lookups: Lookups
) -> dict[int, NoticeTargets]:
    """Each of ``notices``' concern and the records it concerns (the module's rules), none of
    ``every_notice`` (the ids of all the records that are notices)."""
    out: dict[int, NoticeTargets] = {}
    for n in sorted(notices):
        notice = notices[n]
        targets, how = _targets(notice, lookups.by_pmid, lookups.by_doi, lookups.titles)
        if how != "PubMed's link":
            targets = [t for t in targets if not _published_after(lookups.year(t), notice)]
        concern = Concern(notice_kind(notice), notice.pmid, n, how)
        out[n] = concern, sorted(set(targets) - every_notice)
    return out


def concerning(targets: Mapping[int, NoticeTargets]) -> dict[int, list[Concern]]:
    """Record id -> the concerns of the notices that concern it, in the notices' order."""
    out: dict[int, list[Concern]] = defaultdict(list)
    for n in sorted(targets):
        concern, records = targets[n]
        for t in records:
            out[t].append(concern)
    return out


def joined_concerns(own: list[Concern], notices: Iterable[Concern]) -> list[Concern]:
    """A record's own marks (:func:`own_marks`) and the concerns of the notices about it, in
    the notices' order: one concern a notice (:func:`_joined`)."""
    out = own
    for c in notices:
        out = _joined(out, [c])
    return out


def _joined(have: list[Concern], more: Iterable[Concern]) -> list[Concern]:
    """``have`` and ``more``, one concern per notice: a notice known by its PMID from the
    article's link and found among the records is one, with its record id; a mark (the
    'Retracted Publication' type, the 'RETRACTED:' title) gives way to the notice it marks."""
    out = list(have)
    for c in more:
        same = next((k for k, h in enumerate(out) if _same_notice(h, c)), None)
        if same is None:
            out.append(c)
        elif _mark(out[same]):
            out[same] = c
        elif out[same].notice is None and c.notice is not None:
            out[same] = replace(out[same], notice=c.notice)
    return out


def _mark(c: Concern) -> bool:
    """A concern known from the article's own mark, its notice unknown."""
    return not c.pmid and c.notice is None


def _same_notice(a: Concern, b: Concern) -> bool:
    if a.pmid and b.pmid:
        return a.pmid == b.pmid
    if a.notice is not None and b.notice is not None:
        return a.notice == b.notice
    return a.kind == b.kind and (_mark(a) or _mark(b))


def concerns_of(found: Mapping[int, list[Concern]], record_ids: Iterable[int]) -> list[Concern]:
    """The concerns of several records (a duplicate cluster, a study's reports), one per
    notice, the serious kinds first (:data:`SERIOUS`)."""
    out: list[Concern] = []
    for i in sorted(set(record_ids)):
        out = _joined(out, found.get(i, ()))
    order = (*SERIOUS, COMMENT)
    return sorted(out, key=lambda c: order.index(c.kind))


def serious_concerns(
    found: Mapping[int, list[Concern]],
    canon: Mapping[int, int],
    groups: Mapping[int, Iterable[int]],
) -> dict[int, list[Concern]]:
    """Group (a study, a report) -> the retractions, errata and expressions of concern
    (:data:`SERIOUS`) on any record of its canonical ids, ``canon`` mapping each record to its
    canonical id; groups with none left out."""
    members: dict[int, list[int]] = defaultdict(list)
    for rid, canonical in canon.items():
        members[canonical].append(rid)
    out = {}
    for group, reports in groups.items():
        records = [m for r in reports for m in members.get(r, [r])]
        serious = [c for c in concerns_of(found, records) if c.kind in SERIOUS]
        if serious:
            out[group] = serious
    return out
