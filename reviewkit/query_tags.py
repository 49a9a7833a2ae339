"""PubMed's field tags as the query reader knows them: the short and long forms of each tag,
the modifiers some take (``:noexp``, ``:~N``), and :func:`read_tag`."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

# Field tags PubMed accepts, short and long forms (PubMed Help, "Search Field Descriptions and
# Tags"; the long forms are those PubMed writes in its query translation), mapped to short tags.
# [is]/[issn] (the MEDLINE IS field: the ISSN) is in neither PubMed Help's list nor einfo's
# fields; strategies use it for an ISSN, which PubMed Help says [ta] finds: read as [ta].
_FIELDS = """
ad: affiliation
lid: location id, doi
aid: article identifier
all: all fields
au: author, auth
1au: author - first, first author name
lastau: author - last, last author name, last author
fau: author - full, full author name
cn: corporate author, author - corporate
ir: investigator
fir: full investigator name
mh: mesh, mesh terms, mesh term
majr: mesh major topic
sh: subheading, mesh subheading, mesh subheadings
nm: supplementary concept, substance name
pa: pharmacological action
rn: ec/rn number
pt: publication type, ptyp
la: language, lang
sb: subset, filter
ta: journal, jour, is, issn
jid: nlm unique id
ti: title
tt: transliterated title
ab: abstract
tiab: title/abstract
tw: text word, text words
ot: other term, kw, keyword
pmid: uid
pg: pagination
vi: volume
ip: issue
gr: grant number, grants and funding
si: secondary source id
pl: place of publication
pubn: publisher
ps: personal name as subject, subject - personal name
cois: conflict of interest statement, conflict of interest statements
ed: editor
book
isbn
"""


@dataclass(frozen=True)
class DateField:
    """A date field: its einfo name (lower case; esearch's ``field=`` and, for some,
    ``datetype=`` value), the long form PubMed writes in its query translation (einfo's
    FullName), and the other names a query may tag it with."""

    einfo: str
    name: str
    aliases: tuple[str, ...]


# The date fields, the one list of them: the query reader's aliases (:data:`FIELD_ALIASES`),
# the evaluator's date kinds (``pubmed.fields.DATE_KINDS``), the translation's long forms
# (``pubmed.fields.FIELD_NAMES``), einfo's names for ``field=`` (``pubmed.replies.EINFO_TAGS``)
# and esearch's ``datetype`` (``pubmed.dates.DATETYPES``) are read from it. Names: einfo
# (Biopython's einfo2.xml, NCBI 2025: PDAT, EDAT, CRDT, MHDA, CDAT, MDAT, PPDT, EPDT) and
# PubMed Help; [pdat] is [dp] ("The search field tags [dp] and [pdat] may be used
# interchangeably", PubMed's User Guide, 2024).
DATE_FIELDS = {
    "dp": DateField("pdat", "Date - Publication", ("pdat", "publication date")),
    "edat": DateField("edat", "Date - Entry", ("entry date", "entrez date", "date - entrez")),
    "crdt": DateField("crdt", "Date - Create", ("create date",)),
    "mhda": DateField("mhda", "Date - MeSH", ("mesh date",)),
    "dcom": DateField("cdat", "Date - Completion", ("completion date",)),
    "lr": DateField("mdat", "Date - Modification", ("modification date", "date - last revision")),
    "epdat": DateField("epdt", "Electronic Publication Date", ("epdt",)),
    "ppdat": DateField("ppdt", "Print Publication Date", ("ppdt",)),
}
FIELD_ALIASES = {
    alias.strip(): short
    for line in _FIELDS.strip().splitlines()
    for short, _, rest in [line.partition(":")]
    for alias in [short, *rest.split(",")]
    if alias.strip()
} | {
    alias: short
    for short, date in DATE_FIELDS.items()
    for alias in (short, date.name.lower(), *date.aliases)
}
# Tags that take ':noexp' (no explosion of the MeSH tree, or of the publication types: "To turn
# off this automatic feature, use the search syntax [pt:noexp], e.g., review [pt:noexp]",
# PubMed's User Guide, 2024, Publication Type [pt]) and tags that take proximity ':~N'.
NOEXP_FIELDS = {"mh", "majr", "sh", "pa", "pt"}
PROXIMITY_FIELDS = {"ti", "tiab", "ad"}


@dataclass(frozen=True)
class Tag:
    """A field tag as read: its short form, ``:noexp``, and the ``:~N`` of a proximity search;
    ``typed``: the text between the brackets as the user typed it (``Title/Abstract``, ``PDAT``,
    ``mh:NoExp``), which NCBI echoes in its messages. Not part of the tag's meaning."""

    field: str
    noexp: bool = False
    proximity: int | None = None
    typed: str = dataclasses.field(default="", compare=False, repr=False)


def read_tag(inner: str) -> Tag | None:
    """'MeSH Terms:noexp' -> Tag('mh', noexp=True); 'tiab:~2' -> Tag('tiab', proximity=2);
    None when PubMed has no such field (or the modifier does not fit the field)."""
    # NCBI echoes a tag as typed (case and inner spaces kept: ``[journal]``, ``[MeSH
    # Terms:noexp]``, ``[mh]`` in recorded replies); spaces around it inside the brackets are
    # read as nothing and no recorded reply shows them echoed, so they are left out.
    typed = inner.strip()
    name, _, modifier = inner.partition(":")
    name = " ".join(name.lower().split())
    modifier = "".join(modifier.lower().split())
    short = FIELD_ALIASES.get(name)
    if short is None:
        return None
    if not modifier:
        return Tag(short, typed=typed)
    if modifier == "noexp" and short in NOEXP_FIELDS:
        return Tag(short, noexp=True, typed=typed)
    if re.fullmatch(r"~\d+", modifier) and short in PROXIMITY_FIELDS:
        return Tag(short, proximity=int(modifier[1:]), typed=typed)
    return None
