"""Whether an accession number is a PMID: one rule for the RIS, RefWorks, EndNote XML and CSV
readers. An export's accession number (RIS AN, EndNote's accession-num, an 'Accession Number'
column) belongs to the database the record came from; it is the PMID only in PubMed or MEDLINE.
"""

from __future__ import annotations

import re

from reviewkit.records import normalise_pmid

# names of PubMed/MEDLINE in DB and DP: PubMed, NLM, Ovid's 'Ovid MEDLINE(R) ALL', EBSCOhost's
# MEDLINE codes (mdc MEDLINE Complete, cmedm MEDLINE, mnh MEDLINE with Full Text)
_MEDLINE_DB = re.compile(r"pubmed|medline|\bnlm\b|^(?:mdc|cmedm|mnh)$", re.IGNORECASE)


def accession_pmid(an: str, databases: list[str]) -> str:
    """The PMID in an accession number (AN). AN is the accession number of the database the
    record came from: the PMID only in PubMed or MEDLINE. When the record names another
    database (EBSCOhost's a9h or ccm, ProQuest Central, Embase) in DB or DP, its AN is that
    database's, and an 8-digit Academic Search number taken as a PMID would merge unrelated
    records in deduplication; 'PMID: n' says what it is wherever it comes from. A record that
    names no database (Zotero, Mendeley) keeps a number-only AN as the PMID."""
    pmid = normalise_pmid(an)  # the one rule of what a PMID is (records.py)
    if not pmid:
        return ""
    named = an.strip().upper().startswith("PMID")
    if named or not databases or any(_MEDLINE_DB.search(d.strip()) for d in databases):
        return pmid
    return ""


def cell_pmid(value: str, row: list[str], accession: bool, database: int | None) -> str:
    """The PMID of a row's PMID column: a PMID by records.normalise_pmid (at most 8 digits: a
    longer number is another database's accession number, as EBSCOhost's 9-digit CINAHL
    numbers), a spreadsheet's '12345.0' too, and from an 'Accession Number' column only when
    the row's database column, if there is one, names PubMed or MEDLINE."""
    text = value.strip()
    text = text[:-2] if text.endswith(".0") else text
    if accession and database is not None and database < len(row) and row[database].strip():
        return accession_pmid(text, [row[database].strip()])
    return normalise_pmid(text)
