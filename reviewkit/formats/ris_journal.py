"""Which RIS tags name a record's journal, and which its abbreviation, as readers and exporters
use them; the tags our RIS export writes for both.

The journal (a chapter's book, a paper's conference, a report's series) is written as T2, the
one tag the readers we checked all take as the journal's full name in a JOUR record:
- RIS specification (RefMan/Thomson Reuters 2011, EndNote's maker; its JOUR column):
  T2 'Journal', J2 'Alternate Journal'; JO, JF and JA are not in its tag list (the older RIS
  specification, RefMan 2004, names JF and JO 'Periodical name: full format', JA 'standard
  abbreviation', J1 and J2 'user abbreviation'). EndNote writes its Journal field as T2 and its
  Alternate Journal, where PubMed's import puts the abbreviation, as J2 (its RIS export, mapped
  by the University of Michigan library's 'Mapping EndNote to RIS', 2010); how its import
  treats JO we could not find written down.
- Zotero (zotero/translators RIS.js): T2 is the publicationTitle of an article (bookTitle of a
  bookSection, conferenceName, a report's seriesTitle), JF the publicationTitle, and JO and JA
  the journalAbbreviation (the full name only when nothing else names the journal); J2 the
  journalAbbreviation. Zotero's own export writes T2 and J2.
- Mendeley (the RIS fields it takes, in the table of the customcommander/ris converter,
  customcommander.github.io/ris/manual/mendeley; not Mendeley's own word): T2 is the source;
  JO and JF are not among them.
- JabRef (RisImporter): JO, JF or J1 is the journal; T2 (or J2, JA) when none of them is.
- rispy (ASReview's reader): JO journal_name, T2 secondary_title, JF alternate_title3, J2
  alternate_title1, JA alternate_title2.
We wrote JO before: Zotero filed the full name as the abbreviation, Mendeley dropped it. JF
as well as T2 gains no reader above and would give one field twice to a reader that joins
repeated tags. The abbreviation is written as J2, the tag the specification, EndNote and Zotero
agree on (JA and JO they do not: see below).

What exporters write (tests/core/fixtures and their real/ files):
- Embase.com: JF the full name, JO the abbreviation ('JF  - World Journal of Gastroenterology',
  'JO  - World J. Gastroenterol.'), as Zotero reads JO.
- EBSCOhost: JF the full name, JA the abbreviation ('J OCCUP REHABIL'); its PsycInfo RIS writes
  the full name as JO, with no JF.
- The Cochrane Library: the full name alone as JO, or as JA ('JA  - Journal of occupational
  rehabilitation'), with no JF or T2.
- Scopus and Zotero: T2 and J2; EndNote: T2 and, when filled, J2. EndNote's records from PubMed
  hold the abbreviation in T2 itself (its Journal field): nothing marks it as one.
- Ovid: JF the full name, and NLM's abbreviation as NL in its trailer after the record's ER
  (formats.ris gives the trailer to the record above it); no other exporter writes NL, which
  no RIS specification names.
So JA and JO are read as the abbreviation only beside a full name in JF or T2 (Zotero's rule);
alone they are the journal, its full name in the Cochrane Library's and EBSCOhost's exports.
J2 is the abbreviation beside a full name; alone it is the journal too (records.Record), in
an article only: a book's or a report's J2 alone is its own title's alternate or short form.
Ovid's NL is read after them.
"""

from __future__ import annotations

from collections.abc import Callable

JOURNAL_KEY = "secondary_title"  # rispy's name for T2
ABBREVIATION_KEY = "alternate_title1"  # rispy's name for J2


def journal_names(first: Callable[..., str], ris_type: str, title: str) -> tuple[str, str]:
    """A record's journal (container) and the journal's abbreviation ('' when not given), by
    the rules above. ``first`` gives the first value of the tags named; ``title`` is the
    record's own title (a book's BT is its own title when it has no TI: no container)."""
    article = ris_type in ("JOUR", "")
    full = first("JF", "T2") if article else first("T2", "JF")
    # J2 alone names a journal only in an article: a book's or a report's J2 is its own
    # title's alternate or short form (EndNote's Alternate Title), and it has no container
    alone = first("J2") if article else ""
    abbreviation = (first("J2", "JA", "JO") if full else alone) or first("NL")
    if full:
        return full, abbreviation
    book = first("BT") if ris_type not in ("JOUR", "") and first("BT") != title else ""
    return first("JO", "JA") or book, abbreviation
