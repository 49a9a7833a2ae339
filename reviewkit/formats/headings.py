"""Subject headings that exports write among a record's keywords, marked as an indexer's."""

from __future__ import annotations


def unstarred(keywords: list[str]) -> list[str]:
    """Keywords without the '*' that marks an indexer's major heading.

    Ovid's RIS writes a record's subject headings in KW with a '*' before the major ones (APA
    PsycInfo's index terms, '*Body Image'; MEDLINE's MeSH), and the Cochrane Library's CENTRAL
    its MeSH so, in its RIS KW and its plain text's KY ('*Return to Work'): the keyword is the
    heading. Whether it was major is not kept, as no reader keeps it (MEDLINE's MH '*' and
    PubMed XML's MajorTopicYN are dropped too); the record's original text has it. A '*' inside
    a term is left: EndNote's MeSH from PubMed marks a major subheading so
    ('Boswellia/*chemistry'), in headings its RIS does not tell from the authors' keywords
    (both are its Keywords, under KW), so they stay keywords as written. A star alone names
    no heading and is left out, not kept as an empty keyword."""
    terms = (k[1:].lstrip() if k.startswith("*") else k for k in keywords)
    return [t for t in terms if t]
