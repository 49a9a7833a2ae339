"""What the local server searches in each field, how PubMed names the fields in its query
translation, and the messages that say where the local server differs from PubMed."""

from __future__ import annotations

from reviewkit.query_tags import DATE_FIELDS

# PubMed once searched only the first 600 variants of a truncated term and said so (NLM PubMed
# tutorial, 2019; NCBI's EDirect still reads that OutputMessage); no current NLM document gives
# a limit. The local server refuses past it rather than answer with a cut list unnoticed.
MAX_VARIANTS = 600
# All Fields: "Terms that do not map are searched in all search fields except for Place of
# Publication, Create Date, Completion Date, Entry Date, MeSH Date, and Modification Date"
# (PubMed's User Guide, 2024, All Fields [all]; einfo's ALL: "All terms from all searchable
# fields"). PubMed Help of 2008 also left out the Transliterated Title; the 2024 Guide leaves it
# out of Text Word only ("Transliterated title is not included in Text Word [TW] retrieval"), so
# it is in All Fields since pubfid8. Here, by their words: title, abstract and other abstract,
# MeSH headings and subheadings, keywords, publication types, group authors, affiliations,
# conflict of interest statements, substances, personal names as subject (a Text Word field,
# PubMed Help), databanks, comment/correction notes and the transliterated title. By their whole
# values
# (:data:`WHOLE_VALUES`): the journal's names and ISSNs, grants, registry numbers and article
# ids (DOI, pii). Persons' names as [au] finds them (:data:`ALL_FIELDS_NAMES`). Left out:
# [pl] and the five processing dates, as PubMed leaves them; and the publication date,
# language, volume, issue and pages, which PubMed's All Fields does search (the Guide's list
# leaves them in) but no NCBI document says how (whole values or words; a bare '2020' or
# 'english' would match whole years and languages; the Guide documents each only with its tag:
# [dp] as yyyy/mm/dd, [la] by name or its first three letters, [pg] by the first page alone):
# said in :data:`NARROW_ALL_FIELDS`. The PMID is in (pubfid9): the Guide documents a PMID
# searched "with or without the search field tag [pmid]" (evaluate.Evaluator._term).
_ALL_FIELDS = (
    ("fts", "ti ab mh kw pt"),
    ("fts_ad", "ad"),
    ("fts_more", "cois"),
    ("fts_extra", "oab nm ps cn si cc tt"),
)
# The names All Fields matches as [au] matches them (pubfid6), not by their words: authors,
# investigators, personal names as subject. einfo flags their fields (FULL "Full Author
# Name(s)", FINV, PS) SingleToken: PubMed indexes each name whole, and Text Word holds no
# author. A word is a last name, which PubMed's truncation of names extends to every
# initial ('smith' finds Smith J, Smith JA, Smith John A), never an author's forename: by the
# names' words, untagged 'john' found 547 articles of the full snapshot, 509 of them by an
# author's forename only; 'maria' 712, all but 11 by forenames. Personal names as subject are
# by their words too (above), as PubMed Help's Text Word fields list them and All Fields holds
# every field's terms: 'sigmund' finds the articles about Freud, Sigmund, as 'sigmund[tw]'.
ALL_FIELDS_NAMES = ("au", "ir", "ps")
# The terms rows (field 'all') of the values All Fields matches whole, never by their words
# (index_text.whole_values): journal (MedlineTA, title, ISSN), grant (number, acronym, agency,
# country, all four), registry number, location and article ids. einfo flags their fields
# JOUR, GRNT, ECNO, LID SingleToken: PubMed indexes each value as one term, and they are in no
# word field ([tw] holds none of them). By their words, the DOIs' '10' found 31,635 more
# articles of the full snapshot, 'medicine' 2,975 by journal titles, 'nih' 1,222 by grants.
WHOLE_VALUES = "all"
# Each text field's (FTS5 table, columns) (snapshot_build.FTS_TABLES; index_text has what each
# column holds). [tiab]: "title, abstract, and other abstract" (PubMed Help 2004) and author
# keywords (PubMed Help). [tw]: "title, abstract, other abstract, MeSH terms, MeSH Subheadings,
# Publication Types, Substance Names, Personal Name as Subject, Corporate Author, Secondary
# Source, Comment/Correction Notes, and Other Terms" (PubMed Help, quoted in 2022).
TEXT_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "": _ALL_FIELDS,
    "all": _ALL_FIELDS,
    "tiab": (("fts", "ti ab kw"), ("fts_extra", "oab")),
    "ti": (("fts", "ti"),),
    "ab": (("fts", "ab"),),
    "tw": (("fts", "ti ab mh kw pt"), ("fts_extra", "oab nm ps cn si cc")),
    "ot": (("fts", "kw"),),  # Other Term: the records' keyword lists (author keywords and others)
    "ad": (("fts_ad", "ad"),),  # Affiliation: every author's affiliations (an FTS5 row each)
    "cois": (("fts_more", "cois"),),  # Conflict of Interest Statements
    "tt": (("fts_extra", "tt"),),  # Transliterated Title: einfo TT "Words in ... title"
    "cn": (("fts_extra", "cn"),),  # einfo COLN "Author - Corporate": words (SingleToken N)
}
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
    # pubfid4, as einfo names them (einfo2.xml: TT, COLN, FINV, PS); [ir] by the Help's name
    "tt": "Transliterated Title",
    "cn": "Author - Corporate",
    "ir": "Investigator",
    "fir": "Full Investigator Name",
    "ps": "Subject - Personal Name",
} | {short: date.name for short, date in DATE_FIELDS.items()}  # the dates: query_tags' list
DATE_KINDS = tuple(DATE_FIELDS)
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
    "No automatic term mapping in the local server but its author steps: untagged terms are "
    "searched as written in All Fields, not mapped to MeSH or journals (a name in the author "
    "format, smith j, is searched as an author, as PubMed's author index step does)"
)
NARROW_ALL_FIELDS = (
    "All Fields in the local server: every field of the snapshot's records but dates, language, "
    "volume, issue, pages and place of publication; PubMed's All Fields also searches the "
    "publication date, language, volume, issue and pages (its User Guide leaves out only "
    "Place of Publication, Create Date, Completion Date, Entry Date, MeSH Date and Modification "
    "Date), so PubMed may find more"
)
# The tags PubMed Help lists that the local server refuses, and why: the snapshot's NLM files do
# not hold what they search. A book (PubmedBookArticle) in a --snapshot file is indexed and
# served as XML, but not by its book fields: the offline snapshot holds none.
_NO_BOOK_FIELDS = (
    "the local server does not index books' fields (the offline snapshot holds no book)"
)
REFUSED_TAGS = {
    "pa": "pharmacological actions come from MeSH's own records, which the snapshot does not "
    "hold (the NLM article files list substances, not their actions)",
    "pubn": f"[pubn] searches books' publishers; {_NO_BOOK_FIELDS}",
    "ed": f"[ed] searches books' editors; {_NO_BOOK_FIELDS}",
    "book": f"[book] searches book records; {_NO_BOOK_FIELDS}",
    "isbn": f"[isbn] searches books; {_NO_BOOK_FIELDS}",
}
CURLY_READ = (
    'Curly quotes read as straight quotes: PubMed documents only straight double quotes (") '
    "for a phrase and not what it does with curly ones; write them straight"
)
# PubMed Help (limits; quoted 2008): "hasabstract" finds the citations that include an abstract,
# "No search field tag is required". fha[filter] is the Abstract filter's tag in PubMed's search
# details (no stored document quotes it). A filter word, not a text word.
HAS_ABSTRACT = {("", "hasabstract"), ("all", "hasabstract"), ("sb", "fha")}
# The filter words PubMed searches without a tag for the records that carry a kind of link or
# list: a comment/correction of each type (the "Comment Correction Type" field: hascommentin,
# haserratumin, hasretractionin, ..., listed by Pitt HSLS, 2013, from PubMed's records; NLM's
# XML writes them as CommentsCorrections RefType) and an SI value ("To retrieve all citations
# with an SI value, search hasdatabanklist", PubMed Help's [si] text as a public project copies
# it). hasabstract, the other, is read from the abstract column (snapshot.has_abstract); the
# rows of these are index_rows.has_rows'.
# pubfid10: the other RefTypes of NLM's DTD (pubmed_250101) whose PubMed word a public source
# names: hasexpressionofconcernin/for, hasassociatedpublication ("Dataset use reported in"),
# hasassociateddataset ("Dataset described in"), hasretractedandrepublishedin/from,
# hassummaryforpatientsin and hasoriginalreportin, as an Ovid-to-PubMed translator lists them
# beside the fourteen above (its words for those fourteen are HSLS's). Our reading: no NCBI
# document lists these words. Each word is kept as its source spells it (HSLS's
# hascorrectedrepublishedin drops the 'and' of NLM's CorrectedandRepublishedIn, the
# translator's hasretractedandrepublishedin keeps it), so no word is made by a rule. Left out:
# ReprintIn/Of and Cites (no source names a word for them). PartialRetractionIn/Of were in
# NLM's DTDs up to nlmmedlinecitationset_150101 and are in none since pubmed_180101: the
# snapshot's records hold none.
HAS_REFTYPES = {
    "CommentIn": "hascommentin",
    "CommentOn": "hascommenton",
    "ErratumIn": "haserratumin",
    "ErratumFor": "haserratumfor",
    "CorrectedandRepublishedIn": "hascorrectedrepublishedin",
    "CorrectedandRepublishedFrom": "hascorrectedrepublishedfrom",
    "PartialRetractionIn": "haspartialretractionin",
    "PartialRetractionOf": "haspartialretractionof",
    "RepublishedIn": "hasrepublishedin",
    "RepublishedFrom": "hasrepublishedfrom",
    "RetractionIn": "hasretractionin",
    "RetractionOf": "hasretractionof",
    "UpdateIn": "hasupdatein",
    "UpdateOf": "hasupdateof",
    "ExpressionOfConcernIn": "hasexpressionofconcernin",
    "ExpressionOfConcernFor": "hasexpressionofconcernfor",
    "AssociatedPublication": "hasassociatedpublication",
    "AssociatedDataset": "hasassociateddataset",
    "RetractedandRepublishedIn": "hasretractedandrepublishedin",
    "RetractedandRepublishedFrom": "hasretractedandrepublishedfrom",
    "SummaryForPatientsIn": "hassummaryforpatientsin",
    "OriginalReportIn": "hasoriginalreportin",
}
HAS_WORDS = frozenset([*HAS_REFTYPES.values(), "hasdatabanklist"])
# Filter words for a field's presence, answered from the article's own column
# (Snapshot.filled): "To retrieve all citations that contain conflict of interest statements,
# use the query hascois"; "To retrieve all citations that have keywords, use the query
# haskeyword" (PubMed's User Guide, 2024, [cois] and Other Term [ot]).
HAS_FILLED = {"hascois": "cois", "haskeyword": "kw"}
# "To retrieve all NIH manuscript citations, use the query hasnihmsid" (PubMed's User Guide,
# 2024, PMCID and MID): the records with an NIH manuscript id ('NIHMS…') among All Fields' whole
# values (index_text.whole_values, index version 16), read as a prefix of them.
HAS_PREFIXED = {"hasnihmsid": "nihms"}

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
# A date range reaching past the snapshot's newest Entry date (a rerun's reldate, mindate/maxdate
# or [dp]/[edat] range up to today, PubMed's open end ':3000'): PubMed has records entered
# since, which the snapshot's NLM files cannot hold, so a count there (0 for a rerun's last 30
# days) says nothing about PubMed's. One text per snapshot, naming what it lacks rather than the
# range, so that a reply, and a run's log, says it once however many dates the search has (a
# query's [dp] range and a reldate, or a sliced search's requests).
PAST_SNAPSHOT = (
    "The snapshot holds the records PubMed entered up to {day} (its newest Entry date): a date "
    "range reaching past that day finds none of those PubMed entered since, so the local "
    "server's count there is the snapshot's, not PubMed's"
)
