"""What the local server searches in each field, how PubMed names the fields in its query
translation, and the messages that say where the local server differs from PubMed."""

from __future__ import annotations

# PubMed once searched only the first 600 variants of a truncated term and said so (NLM PubMed
# tutorial, 2019; NCBI's EDirect still reads that OutputMessage); no current NLM document gives
# a limit. The local server refuses past it rather than answer with a cut list unnoticed.
MAX_VARIANTS = 600
TEXT_COLUMNS = {
    "": "ti ab mh kw pt au",
    "all": "ti ab mh kw pt au",
    "tiab": "ti ab kw",  # PubMed's [tiab] includes author keywords
    "ti": "ti",
    "ab": "ab",
    "tw": "ti ab mh kw pt",
    "ot": "kw",  # Other Term: the records' keyword lists (author keywords and others)
    "ad": "ad",  # Affiliation: every author's affiliations (an FTS5 row each)
    "cois": "cois",  # Conflict of Interest Statements (an FTS5 table of its own)
}
# The FTS5 table of the text fields not in the first one (snapshot.FTS_TABLES).
OWN_TABLE = {"ad": "fts_ad", "cois": "fts_more"}
FIELD_NAMES = {
    "": "All Fields",
    "all": "All Fields",
    "tiab": "Title/Abstract",
    "ti": "Title",
    "ab": "Abstract",
    "tw": "Text Word",
    "ot": "Other Term",
    "au": "Author",
    "1au": "Author - First",
    "mh": "MeSH Terms",
    "majr": "MeSH Major Topic",
    "sh": "MeSH Subheading",
    "nm": "Supplementary Concept",
    "pt": "Publication Type",
    "la": "Language",
    "dp": "Date - Publication",
    "edat": "Date - Entry",
    "crdt": "Date - Create",
    "sb": "Filter",
    "ta": "Journal",
    "pmid": "UID",
    # pubfid3. Each as einfo names it (Biopython's einfo2.xml, NCBI 2025: AFFL, LAUT, SI,
    # GRNT, CNTY, VOL, ISS, PAGE, LID, ECNO, COIS, MHDA, CDAT, MDAT); [fau], [aid] and
    # [jid], which einfo does not list, by PubMed Help's names ("Author - Full" as the
    # translation's long form, query.py).
    "ad": "Affiliation",
    "lastau": "Author - Last",
    "fau": "Author - Full",
    "si": "Secondary Source ID",
    "gr": "Grants and Funding",
    "pl": "Place of Publication",
    "vi": "Volume",
    "ip": "Issue",
    "pg": "Pagination",
    "lid": "Location ID",
    "aid": "Article Identifier",
    "rn": "EC/RN Number",
    "cois": "Conflict of Interest Statements",
    "jid": "NLM Unique ID",
    "mhda": "Date - MeSH",
    "dcom": "Date - Completion",
    "lr": "Date - Modification",
}
DATE_KINDS = ("dp", "edat", "crdt", "mhda", "dcom", "lr")
# PubMed's stopwords (PubMed Help, "Stopwords"): a single-word term that is one of them is
# ignored, and esearch says so in WarningList/PhraseIgnored. Inside a quoted phrase they count.
_STOPWORDS = """a about again all almost also although always among an and another any are as at be
    because been before being between both but by can could did do does done due during each
    either enough especially etc for found from further had has have having here how however i
    if in into is it its itself just kg km made mainly make may mg might ml mm most mostly must
    nearly neither no nor obtained of often on our overall perhaps pmid quite rather really
    regarding seem seen several should show showed shown shows significantly since so some such
    than that the their theirs them then there therefore these they this those through thus to
    upon use used using various very was we were what when which while with within without
    would"""
STOPWORDS = frozenset(_STOPWORDS.split())
NO_ATM = (
    "No automatic term mapping in the local server: untagged terms are searched as written "
    "in title, abstract, MeSH, keywords, publication types and authors"
)
NARROW_ALL_FIELDS = (
    "All Fields in the local server: title, abstract, MeSH, keywords, publication types and "
    "authors; PubMed's All Fields also covers journal, affiliation, substance and other fields"
)
CURLY_READ = (
    'Curly quotes read as straight quotes: PubMed documents only straight double quotes (") '
    "for a phrase and not what it does with curly ones; write them straight"
)
# PubMed Help (limits; quoted 2008): "hasabstract" finds the citations that include an abstract,
# "No search field tag is required". fha[filter] is the Abstract filter's tag in PubMed's search
# details (no stored document quotes it). A filter word, not a text word.
HAS_ABSTRACT = {("", "hasabstract"), ("all", "hasabstract"), ("sb", "fha")}
# NLM Tech Bull 2022 Nov-Dec: "N = The maximum number of words that may appear between your
# search terms"; for three or more words NLM does not say whether N bounds each gap or the
# whole span (one library guide reads it "between each"). FTS5's NEAR bounds the whole span.
NEAR_SPAN = (
    '"{text}"[{field}:~{n}] has more than two words: the local server finds them with at most {n} '
    "words between the first and the last of them; PubMed documents N as the words between "
    "the search terms and may allow {n} between each of them"
)
# [lr]: the MEDLINE LR field, DateRevised of the snapshot's NLM file; PubMed's record may have
# been revised since that file was written, and einfo calls the field "Date of last
# modification" (MDAT), which may also move when PubMed changes its own record.
REVISED_AS_FILED = (
    "[lr] searched on the DateRevised of the snapshot's NLM files (the MEDLINE LR field); "
    "PubMed's Date - Modification is the record's latest, which may be later"
)
