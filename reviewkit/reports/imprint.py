"""The reference of a work that is not a journal article (a report, a book, a thesis, a web
page, a chapter or conference paper with its publisher), as NLM's Citing Medicine (2nd ed.)
writes it: 'Authors. Title. Place: Publisher; Year.'

Grey literature, which Review B depends on, is mostly such works: a welfare agency's or a
research institute's report has a publisher (its issuing body) and no journal, so the
journal article's form would give it neither. Where we differ from Citing Medicine: an
unknown place or publisher is left out, not written '[place unknown]'; a report's series (an
RIS T2) follows the year in parentheses without its number; a thesis is '[thesis]', whatever
its degree.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewkit.formats.kinds import record_kind
from reviewkit.records import Record

# works that stand alone: the title is followed by the imprint, a journal name is their series
_ALONE = {"report", "book", "thesis", "web", "dataset", "unpublished"}
# parts of a larger work: 'In: <book or proceedings>.' before the imprint
_PART = {"chapter", "conference"}
_MEDIUM = {"thesis": " [thesis]", "web": " [Internet]"}  # after the title, as Citing Medicine


# A title's last word that ends in its own full stop, which stays: an abbreviation written with
# one ('et al.', 'Inc.', 'vs.'; in its case: 'CO.' is a gas; taxonomy's 'sp. nov.', 'subsp.',
# 'var.'), letters dotted within ('U.S.', 'e.g.', 'Ph.D.'), or Linnaeus's 'L.' naming a
# binomial's author ('Portulaca oleracea L.': 16 of the snapshot's 50,788 PubMed titles). Any
# other single letter ('aurovertin B.', 'vitamin D.', 'Part I.') is not: MEDLINE's stop follows.
_OWN_STOP = re.compile(
    r"(?:\b(?:al|etc|vs|Inc|Ltd|Co|Corp|Jr|Sr|spp|ssp|subsp|sp|nov|var)\."
    r"|\b(?:[^\W\d_]{1,3}\.){2,}|\b[A-Z][a-z]+\s+[a-z]+\s+L\.)$"
)


def cited_title(title: str) -> str:
    """``title`` without the one full stop MEDLINE ends every title with ('Return to work after
    sick leave.'; '[Translated title].'), as a reference manager wants it (the RIS and BibTeX
    exports): its styles put their own punctuation after a title, and Zotero's PubMed XML
    import drops that stop too; and as Citing Medicine puts a medium after it ('[thesis]').
    A title ending in '?', '!', an ellipsis or an abbreviation's own stop ('et al.', 'U.S.')
    is kept whole. Other databases' titles rarely end in a stop (Scopus, Web of Science), and
    where one does (Ovid's Embase follows MEDLINE) it is the catalogue's, not the author's."""
    if not title.endswith(".") or title.endswith("..") or _OWN_STOP.search(title):
        return title
    return title[:-1].rstrip()


def imprint(record: Record) -> str:
    """'Place: Publisher; Year' with what the record has ('Oslo: NAV; 2018', 'NAV; 2018')."""
    where = ": ".join(p for p in (record.place.strip(), record.publisher.strip()) if p)
    return "; ".join(p for p in (where, str(record.year or "")) if p)


def work_reference(record: Record, who: str, sentence: Callable[[str], str]) -> str | None:
    """The reference of a work that is no journal article, without its DOI or PMID; None for
    a journal article (and for a conference paper in a journal: with a volume, or with no
    publisher, it is cited as the article it is). ``sentence`` ends an element in one full
    stop."""
    kind = record_kind(record)
    issued = bool(record.publisher or record.place)
    journal = record.journal.strip()
    # a part with a volume is in a journal (a meeting abstract in a supplement, which Embase
    # and Scopus type CONF with the journal's publisher): cited as the article it is
    if kind in _PART and journal and record.volume:
        return None
    if kind in _PART and journal and issued:
        pages = f"p. {record.pages}" if record.pages else ""
        parts = (who, record.title, f"In: {journal}", imprint(record), pages)
        return " ".join(sentence(p) for p in parts if p)
    alone = kind in _ALONE or (not journal and (issued or kind))
    if not alone:
        return None
    title = record.title.strip()
    if title and kind in _MEDIUM:  # 'Title [thesis].'
        title = cited_title(title) + _MEDIUM[kind]  # 'the U.S. [thesis]', an abbreviation's
    series = f"({journal})" if journal else ""  # a report's series
    text = " ".join(sentence(p) for p in (who, title, imprint(record), series) if p)
    if record.url and not record.doi:  # grey literature is found by its link
        text += f" Available from: {record.url}"
    return text
