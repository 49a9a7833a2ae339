"""The document type Ovid writes in its OpenURL: a record's type where its export drops it.

Ovid writes, in each record it exports, an OpenURL to the library's link resolver
('sfx.….nl/utrecht?sid=OVID:psycdb&id=doi:…&pid=<author>…</author><AN>…</AN><DT>Erratum/
Correction</DT>', encoded), which ends with the record's document type, its DT field (left
empty when the record has none; formats.ovid_cut reads that ending too). For some records it
is the only place the type reaches us: Ovid's APA PsycInfo RIS writes its classification in M3,
where RIS has the type of work (formats.ris_vendors.publication_types leaves it out), and an
EndNote library keeps only its own reference type ('Journal Article') of what Ovid gave it, but
both keep the link (bib-dedupe's stroke set: 423 PsycInfo records so, among them three
'Erratum/Correction' and three 'Comment/Reply'). So PsycInfo's notice types would never reach
the notices (dedup.notice_titles.PUBLICATION_TYPES).

The type is read from an OpenURL whose source (sid) is Ovid's ('OVID:psycdb', 'OVID:embase',
'OVID:medline'); each database writes its own field there: PsycInfo its document type
('Journal Article', 'Comment/Reply'), MEDLINE one of NLM's publication types, Embase its source
and publication types as Ovid's Embase writes them ('Journal: Erratum'), of which only the
publication type ('Erratum', the name Embase.com's own exports and Ovid's Embase RIS write in
M3) is read, as the source type is what the record's reference type already says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote_plus

from reviewkit.records import Record

_DT = re.compile(r"<DT>([^<]*)</DT>", re.IGNORECASE)
# the OpenURL's source, Ovid's; searched in the text, not parsed from one link's query: an
# EndNote library exported to CSV may join a record's links with nothing between them
# ('…&AN=2001080803http://sfx.….nl/sfx_local?sid=OVID:embase&…': bib-dedupe's cardiac set)
_OVID_SID = re.compile(r"[?&]sid=OVID:(\w*)", re.IGNORECASE)


def link_types(url: str) -> list[str]:
    """The document type an Ovid OpenURL names ([] for any other link, or an empty DT)."""
    if not (sid := _OVID_SID.search(url)):
        return []
    found = [m.group(1).strip() for m in _DT.finditer(unquote_plus(url[sid.end() :]))]
    if sid.group(1).casefold() != "embase":
        return [t for t in found if t]
    # Embase's 'Journal: Article', 'Book Series: Conference Paper': its publication type; a
    # source type alone ('Journal', 18 records of the stroke and cardiac sets) names none
    return [t.split(": ", 1)[1].strip() for t in found if ": " in t and t.split(": ", 1)[1].strip()]


def take_link_types(record: Record, urls: Iterable[str] = ()) -> Record:
    """``record`` with the document types its Ovid OpenURLs name added to its own types (each
    once, compared folded): the database's type of the record beside a reference manager's."""
    have = {t.strip().casefold() for t in record.publication_types}
    for value in (record.url, *urls):
        for url in value.split():  # a field holding several links, one per line or space
            for name in link_types(url):
                if name.casefold() not in have:
                    have.add(name.casefold())
                    record.publication_types.append(name)
    return record
