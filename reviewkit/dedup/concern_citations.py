"""A notice that names its article by a citation alone (:mod:`reviewkit.dedup.concerns`).

Some notices' titles, once their heading is taken off, give no title but the article's place:
journal, year, volume, (issue,) first page ('Correction to Lancet Oncol 2021; 22: 872-82',
The Lancet's form; 'Erratum in: J Occup Rehabil. 2019;29(2):456', MEDLINE's citation form). No
title rule can find their article. The place can: the article is the project's record of that
year, volume and first page, in a journal the cited one names as dedup compares journals
(abbreviations, :func:`~reviewkit.dedup.score.journal_match`), and only where one article
fits: several records of one title are one article (the same from two databases), two titles
at one place (a supplement's abstracts, a page misread) attach the notice to neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from reviewkit.dedup.normalise import record_supplement, supplement_number
from reviewkit.dedup.notice_titles import CORRECTION_TAIL
from reviewkit.dedup.pages import first_page
from reviewkit.dedup.score import journal_match
from reviewkit.dedup.venue import journal_words, volume_key
from reviewkit.records import Record

# the whole of what is left: a journal's name (words, stops; no digits), a year (a month and
# day may follow, 'J Infect Chemother. 2021 Feb;27(2):38'), ';' or ',', a volume, an issue in
# brackets, ':' or ',', and the first page (a letter before it, 'e239', 'S12'), with or
# without the last; a title, or anything after the pages, is no citation alone. The issue is
# kept for the supplement it may name (:func:`_in_cited_part`)
_CITATION = re.compile(
    r"^\s*(?P<journal>[^\W\d][^\d;:\[\]\"“”]*?)[.,]?\s+"
    r"(?P<year>(?:18|19|20)\d\d)(?:\s+[A-Za-z]{3,9}\.?(?:\s+\d{1,2})?)?\s*[;,]\s*"
    r"(?:vol\.?\s*)?(?P<volume>\d+)\s*(?:\((?P<issue>[^)]{1,20})\))?\s*[:,]\s*(?:pp?\.?\s*)?"
    r"(?P<page>[A-Za-z]?\d+)(?:\s*[-–]\s*[A-Za-z]?\d+)?[\s.\])]*$",
)


@dataclass(frozen=True)
class Citation:
    """Where a notice says its article was published (folded as dedup compares them)."""

    journal: tuple[str, ...]
    year: int
    volume: str
    page: str
    # the supplement its issue names (:func:`~reviewkit.dedup.normalise.supplement_number`;
    # '' for a plain issue, '(17)'), None where it names no issue
    supplement: str | None = None


def _supplement(issue: str | None) -> str | None:
    """The supplement a cited issue names ('' for a plain one; None for no issue cited)."""
    return None if issue is None else supplement_number(issue)


def citation(named: str) -> Citation | None:
    """The citation that is the whole of what a notice's title names (its heading taken off);
    None for anything else."""
    m = _CITATION.match(named)
    if not m:
        return None
    journal, page = journal_words(m["journal"]), first_page(m["page"])
    volume = volume_key(m["volume"])
    if not (journal and page and volume):
        return None
    return Citation(journal, int(m["year"]), volume, page, _supplement(m["issue"]))


# a citation within a text, The Lancet's form ('… a randomised trial. Lancet 2020; 395:
# 1234–45—In this Article, …', its errata's text, 'Department of Error'): the capitalised
# words before the year (the journal, perhaps with the end of the title before it), the year,
# ';', the volume, an issue in brackets, ':' and the first page
_IN_TEXT = re.compile(
    r"(?P<journal>(?:[A-Z][\w&-]*\.?\s+){1,6})(?P<year>(?:19|20)\d\d)\s*;\s*(?P<volume>\d+)"
    r"\s*(?:\((?P<issue>[^)]{1,20})\))?\s*:\s*(?P<page>[A-Za-z]?\d+)"
)


def cited_in(text: str) -> list[Citation]:
    """The citations a text (a notice's abstract) gives in The Lancet's form, each read with
    the last one to six of the capitalised words before its year as the journal, fewest
    first (the words before the journal's may end the cited title)."""
    out = []
    for m in _IN_TEXT.finditer(text):
        words, page, volume = m["journal"].split(), first_page(m["page"]), volume_key(m["volume"])
        for k in range(1, len(words) + 1):
            journal = journal_words(" ".join(words[-k:]))
            if journal and page and volume:
                out.append(Citation(journal, int(m["year"]), volume, page, _supplement(m["issue"])))
    return out


def tail_citation(notice: Record) -> Citation | None:
    """The place a Web of Science correction gives its article after its title ('<title> (vol
    85, pg 553, 2010)'), in the notice's own journal: a correction is printed in the journal
    of the article it corrects. None where it has no such tail or no journal."""
    m = CORRECTION_TAIL.search(notice.title or "")
    journal = journal_words(notice.journal or notice.journal_abbreviation or "")
    if not (m and m["volume"] and journal):
        return None
    page, volume = first_page(m["page"]), volume_key(m["volume"])
    return Citation(journal, int(m["year"]), volume, page) if page and volume else None


class Places:
    """The records that are no notice by year and volume, indexed when a notice first cites
    one, their first pages read only in the cited volume (reading every record's pages cost
    0.5 CPU s on the PubMed snapshot, which has 4 such notices; most projects have none)."""

    def __init__(self) -> None:
        self.held: list[tuple[int, Record, str]] = []
        self.at: dict[tuple[int, str], list[tuple[int, Record, str]]] | None = None

    def add(self, record_id: int, rec: Record, folded_title: str) -> None:
        """Hold a record (``folded_title``: its title as dedup folds it, one article's)."""
        self.held.append((record_id, rec, folded_title))

    def _index(self) -> dict[tuple[int, str], list[tuple[int, Record, str]]]:
        if self.at is None:
            self.at = defaultdict(list)
            for record_id, rec, title in self.held:
                if rec.year is not None and (volume := volume_key(rec.volume or "")):
                    self.at[rec.year, volume].append((record_id, rec, title))
        return self.at

    def cited_by(self, cited: Citation) -> list[int]:
        """The records of the one article at the cited place in the cited journal; none where
        no article or several fit."""
        fits = [
            (i, title)
            for i, rec, title in self._index().get((cited.year, cited.volume), ())
            if first_page(rec.pages or "") == cited.page
            and _same_journal(cited.journal, rec)
            and _in_cited_part(cited, rec)
        ]
        articles = {title or f"record {i}" for i, title in fits}
        return [i for i, _ in fits] if len(articles) == 1 else []


def _in_cited_part(cited: Citation, rec: Record) -> bool:
    """Whether the record may be printed in the part of its volume the citation names: not a
    record of a supplement (its issue's, volume's or pages' label, :func:`~reviewkit.dedup.
    normalise.record_supplement`) where the citation names a plain issue ('J Clin Oncol.
    2019;37(17):1500'). A supplement is an issue of its own, its meeting abstracts numbered
    from 1 beside the volume's pages (ASCO's abstract 1500 in '37 (15 Supplement 1)'), so an
    article cited by PubMed's link that the project lacks would be given to an abstract at
    its page. A citation naming a supplement, or no issue, refuses nothing: databases write a
    supplement to issue 3 as '3 Suppl' or as plain '3'."""
    return cited.supplement != "" or not record_supplement(
        rec.issue or "", rec.volume or "", rec.pages or ""
    )


def _same_journal(cited: tuple[str, ...], rec: Record) -> bool:
    """The cited journal is the record's, by its name or its abbreviation."""
    names = {rec.journal, rec.journal_abbreviation} - {""}
    return any(journal_match(cited, journal_words(n)) is True for n in names)
