"""Where a record was published, as dedup compares it: journal words, volume, living-review
journals, conference proceedings, and volume and pages an export put into the journal."""

from __future__ import annotations

import re
from functools import lru_cache

from reviewkit.dedup.journals import cut_spaced_place, spaced_place
from reviewkit.protocol.term_words import HYPHENS
from reviewkit.records import fold_text, normalise_pages

# Ovid/Embase exports put volume, issue and pages into the journal: 'Obesity.18 (6) ()(pp 1260-1265) 2010'
# (also without volume or issue: 'Die Medizinische Welt.10 ()(pp 535-536)', 'J Clin Invest.()(pp 607-612)')
# A number after the period starts Ovid's place only when Ovid's brackets follow it (Ovid always
# writes '()(pp ...)', '(p. ...)' or '(no pagination)', after groups such as '(6)'): 'Proc. 33rd
# Annu. ACM Conf. ...', 'Proc. 2016 CHI Conf. ...', 'Proc. 17th Int. Conf. Inf. Syst. (ICIS
# 2019)' (ISO abbreviations of proceedings, an acronym in brackets) keep their name. Also
# "L'Encephale.21 Spec No 2 ()(pp 1-78)". Without volume or issue Ovid writes its group right
# after the period, '()' or '(no pagination)': "Parkinson's Disease.(no pagination)
# 2010.Article Number: 238491.Date of Publication: 2010." (Embase's e-only articles), whose
# year, article number and date are no journal words either.
_OVID_GROUP = r"\(\s*(?:\)|pp?\b|no pagination)"  # '()', '(pp 1-2)', '(p. 1-6)', '(no pagination)'
# Groups may come before Ovid's without a volume: an issue alone ('Norwegian medical news.(182)
# (pp 68-71) 2010.'), Frontiers' month ('Frontiers in Behavioral Neuroscience.(JANUARY 2012) (no
# pagination) 2012.Article Number: 2.'): 31 depression lines whose place went unread. A volume
# may be written 'Vol.281' (a series' volume: 'Annals of the New York Academy of Sciences.Vol.281
# ()(pp 171-189)', 10 depression lines): the name ends before 'Vol', which is no journal word.
_EMBEDDED = re.compile(rf"\.\s*(?=(?:vol\.?\s*)?(?:\d[^()]*)?(?:\([^)]*\)\s*)*{_OVID_GROUP})", re.I)
# Ovid's place after the name, read in parts (measured on the ten labelled sets: 479 depression
# lines, one stroke line, had no place read when one regex had to match the whole of it):
# - the volume, first: '18 (6) ()(pp ...)', 'vol.17 ()(pp ...)', also with words before the
#   groups: a supplement or a part ('CNS drugs.23 Suppl 2 ()(pp 1-2)', '15 Suppl 1 Pt A ()(pp
#   292A-293A)'), a section's letter ('131 B (1) ()(pp 16-19)', American Journal of Medical
#   Genetics Part B), a double volume ('66-67 ()(pp 75-83)'); its first number is the volume, as
#   volume_key reads a volume field;
# - the pages, in Ovid's closed page group only ('()(pp 1260-1265)'). EndNote cuts a field at
#   255 characters, and a meeting's abstract's line ('Neuropsychopharmacology.Conference: ...
#   Conference Publication: (var.pagings).39 ()(pp S618-S61') loses the page group's end there:
#   a cut range ('S618-S61', 'pp 5' of 596) is no page, the volume before it is read all the same;
# - an e-only article's number after '(no pagination)', below. Without one nothing is read:
#   Embase's record of an article online before its issue says '(no pagination)' under a
#   volume that is not yet the article's ('International Journal of Neuropsychopharmacology.29
#   (4) (no pagination) 2014.' and '...755 (no pagination) 2014.' for articles of its volume
#   17): read, it set 3 true depression pairs apart (5 merges), and gained none.
_NO_PAGINATION = re.compile(r"\(\s*no pagination\s*\)", re.I)
_PLACE_VOLUME = re.compile(r"\s*(?:vol\.?\s*)?(\d+)", re.I)
_PLACE_PAGES = re.compile(r"\(\s*pp?\b\.?\s*([^)]*)\)", re.I)
# Embase's e-only article in the same line: 'PLoS ONE.11 (4) (no pagination) 2016.Article Number:
# e0152328.Date of Publication: ...'. The article number stands where the pages would (an
# article's number is unique within its volume, as a first page is); Ovid's own export is read
# so too (formats.ovid_source), and other databases write the same number as the pages ('e0152328'
# in PubMed's citation, Scopus's 'Art. No.', Web of Science's AR). Frontiers' number is written
# 'Article Number: Article 94', and its month after the volume bare ('Frontiers in
# Pharmacology.4 AUG (no pagination) 2013.Article Number: Article 98.': 14 lines in depression).
_PLACE_ARTICLE = re.compile(
    r"\(\s*no pagination\s*\)[^:]*?Article Number:\s*(?:Article\s+)?([^.\s]+)", re.I
)
_JOURNAL_STOP = frozenset(
    [
        "the",
        "of",
        "and",
        "in",
        "for",
        "on",
        "de",
        "der",
        "die",
        "und",
        "la",
        "le",
        "l",
        "les",
        "des",
        "du",
        "del",
        "della",
        "il",
        "el",
        "i",
        "y",
        "et",
        "&",
    ]
)
# The NLM Catalog's title qualifier: NLM adds the place of publication, an edition or a start
# year in brackets to tell journals of one name apart ('Lancet (London, England)', 'BMJ
# (Clinical research ed.)', 'Journal of immunology (Baltimore, Md. : 1950)'), and MEDLINE's
# full journal title (JT) carries it; WoS, Scopus and the NLM abbreviation (TA: 'Lancet')
# do not. The qualifier is a word in mixed case at the name's end; an acronym in brackets
# ('Proc. ... Conf. Inf. Syst. (ICIS 2019)', 'ACM (JACM)') is part of the name and stays.
# An export that cuts the name short may cut the qualifier too ('Cerebral cortex (New York
# N.Y', 'Card. (Swi.'): an unclosed bracket at the end is the qualifier as well. A bracket
# that names a supplement or abstracts ('Acta neurologica Scandinavica (Supplement)', 'Chest
# (Meeting Abstracts)') is no place or edition: a supplement series numbers its own volumes
# and is another journal, so it stays part of the name.
_NLM_QUALIFIER = re.compile(r"\s+\((?![^()]*\b(?i:suppl|abstract))[A-Z][a-z][^()]*\)?\s*$")
# A field in capitals ('LANCET (LONDON, ENGLAND)': an export or a person that upper-cases the
# whole name) has no mixed case to tell NLM's qualifier from an acronym: there the qualifier is
# read only by NLM's punctuation, a comma, a period or ' : ' inside the brackets ('(LONDON,
# ENGLAND)', '(BALTIMORE, MD. : 1950)', '(CLINICAL RESEARCH ED.)'). One word in capitals
# ('(LOND)', '(BERL)') is as likely an acronym ('(ICIS)', '(ALLERTON)', '(SPIE)') and stays
# part of the name, as does a meeting's acronym and year ('(MALTA 2012)', '(ICIS 2019)'),
# its place after a comma too ('(ICIS 2019, MUNICH)'): NLM's qualifier names its place first
# and writes a year only after ' : ' ('(BALTIMORE, MD. : 1950)'), so no digit may come before
# the punctuation that reads it. An acronym without a year before a comma ('(CVPR, LONG
# BEACH)') cannot be told from a place by its letters; after a meeting's name it is the
# meeting's (:func:`_nlm_qualifier`).
_NLM_QUALIFIER_CAPS = re.compile(
    r"\s+\((?![^()]*\b(?i:suppl|abstract))[A-Z][A-Z]+[^()\d]*?(?:,|\.|\s:\s)[^()]*\)?\s*$"
)
# Words of a qualifier that name a medium or say 'edition', never which journal: NLM's 'BMJ
# (Clinical research ed.)' is Scopus's 'BMJ (Online)'.
_QUALIFIER_NEUTRAL = frozenset(["online", "print", "internet", "electronic", "ed", "edition"])
# A journal's subtitle or translated name: 'Daru : journal of ...', 'Zhen ci yan jiu = Acupuncture research'
_JOURNAL_SUBTITLE = re.compile(r"\s+[:=/]\s+")
# An issue field that is an issue number of one volume: a bare number ('2', 'No. 2', '02').
# A volume has at most 53 issues (a weekly journal, one volume a year, 53 weeks in some years);
# a larger number is a record or article number an export put there (BMC's '143', a
# database's running record number), or an issue numbered across volumes (Nature, BMJ);
# 'Suppl 1', '1-2', '01-Feb' (a spreadsheet's date) name no single issue either.
_ISSUE_NUMBER = re.compile(r"^\s*(?:no\.?\s*)?0*(\d{1,2})\s*$", re.I)
MAX_ISSUES = 53
# a conference's name in the journal field ('proceedings' alone is no sign: Proceedings of the
# National Academy of Sciences, Mayo Clinic Proceedings)
_CONFERENCE = re.compile(r"\b(?:conference|congress|meeting|symposium)\b", re.I)


def _journal_name(journal: str) -> str:
    """The journal's name without the volume, pages or meeting an export put after it."""
    journal = _EMBEDDED.split(journal, maxsplit=1)[0]  # 'Neuroscience.169 (1) ()(pp 171-181) 2010'
    journal = cut_spaced_place(journal)  # 'NEUROPHARMACOLOGY 13 (7) ()(pp 591-594) 1974'
    return re.split(
        r"\.\s*(?:conference|meeting|congress|supplement)\b", journal, maxsplit=1, flags=re.I
    )[0]


def _nlm_qualifier(name: str) -> re.Match[str] | None:
    """NLM's qualifier at the end of a journal's name (:data:`_NLM_QUALIFIER`; in a name
    written all in capitals, :data:`_NLM_QUALIFIER_CAPS`); None without one, and None after a
    meeting's name. The NLM Catalog qualifies the titles of serials; a bracket after a
    conference's or congress's name holds the meeting's own acronym or place ('... Conference
    on Computer Vision and Pattern Recognition (CVPR, LONG BEACH)', '... Hawaii International
    Conference on System Sciences (Hicss)', an export's recasing of HICSS), in capitals or not.
    None of the PubMed snapshot's 145 qualified journal titles names a meeting; on the ten
    sets the brackets so read were 5 meetings' names on 8 digital_work records."""
    if is_conference(name):
        return None
    pattern = _NLM_QUALIFIER_CAPS if name.isupper() else _NLM_QUALIFIER
    found = pattern.search(name)
    return found if found and found.start() > 0 else None


@lru_cache(maxsize=65536)
def journal_words(journal: str) -> tuple[str, ...]:
    """'The Journal of Clinical Psychiatry' -> ('journal', 'clinical', 'psychiatry')."""
    journal = _journal_name(journal)
    found = _nlm_qualifier(journal)  # before ' : 1950)' reads as a subtitle
    journal = journal[: found.start()] if found else journal
    journal = _JOURNAL_SUBTITLE.split(journal, maxsplit=1)[0] or journal
    words = [w for w in fold_text(journal).split() if w not in _JOURNAL_STOP and not w.isdigit()]
    return tuple(words[:8])


@lru_cache(maxsize=65536)
def journal_qualifier(journal: str) -> tuple[str, ...]:
    """The words of the NLM Catalog's qualifier that :func:`journal_words` leaves out, the
    ones that say which journal ('Medicine (Baltimore)' -> ('baltimore',); 'BMJ (Online)' and
    'Lancet' -> ())."""
    found = _nlm_qualifier(_journal_name(journal))
    if not found:
        return ()
    words = fold_text(found.group()).split()
    return tuple(
        w
        for w in words
        if len(w) > 1 and w not in _JOURNAL_STOP and w not in _QUALIFIER_NEUTRAL and not w.isdigit()
    )


def is_living_review_journal(journal: tuple[str, ...]) -> bool:
    """A journal of reviews kept up to date, each version a new record of one review: the
    Cochrane Database of Systematic Reviews, BMJ Clinical Evidence (:func:`journal_words`)."""
    return journal[:2] == ("cochrane", "database") or (
        len(journal) >= 3
        and journal[0] == "bmj"
        and journal[1].startswith("clin")
        and journal[2].startswith("evid")
    )


def is_conference(journal: str) -> bool:
    """Published in conference proceedings (one page may hold several abstracts)."""
    return bool(_CONFERENCE.search(journal))


# A meeting's edition in its name ('22nd International Congress of Clinical Chemistry', '66th
# Annual National Conference'): an ordinal of a conference's journal field that opens the
# meeting's name, a word after it. Meetings number their editions, and two databases' names of
# one meeting keep its number. A joint meeting names each partner's edition ('23rd Congress of
# the ISTH 57th Annual SSC Meeting', '22nd Annual Meeting ... and the 2nd Bi-national ...
# Meeting'), and one database may keep only one partner's name: every edition is read, and two
# records are at two meetings only when their names share none. An ordinal of a date ('May
# 3rd-7th', '3rd of June', 'June 3rd, 2014', which some exports add to the meeting's name and
# others leave out) or of an era ('for the 21st century') is no edition; a date range's dash is
# any of the project's hyphens (term_words.HYPHENS: '3rd\u20117th', the non-breaking one, too).
# An edition in words or Roman numerals ('Twenty-second', 'XXII') is not read: such a name
# gives '' and the guard that compares editions stays silent.
_EDITION = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.I)
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    r"|july|august|september|october|november|december)\b"
)
_DATE_BEFORE = re.compile(rf"(?:\b{_MONTH}\.?\s*|[{re.escape(HYPHENS)}]\s*)$", re.I)
_NAME_AFTER = re.compile(rf"\s+(?!(?:of\s+)?{_MONTH}|centur)[a-z]", re.I)


@lru_cache(maxsize=65536)
def meeting_editions(journal: str) -> str:
    """The editions a conference's name gives, in order, one space between ('...Conference:
    21st IFCC-EFLM European Congress ...' -> '21'; '23rd Congress of the ISTH 57th Annual SSC
    Meeting' -> '23 57'); '' for a journal that names no conference, or no ordinal that opens
    a meeting's name (a date's 'May 3rd-7th' is none)."""
    if not is_conference(journal):
        return ""
    return " ".join(
        m.group(1).lstrip("0")
        for m in _EDITION.finditer(journal)
        if _NAME_AFTER.match(journal, m.end()) and not _DATE_BEFORE.search(journal[: m.start()])
    )


def _ovid_place(journal: str) -> str:
    """The text of Ovid's place after the journal's name: after the period ('Obesity.18 (6)
    ()(pp 1260-1265) 2010' -> '18 (6) ()(pp 1260-1265) 2010'), else after a space
    (:func:`reviewkit.dedup.journals.spaced_place`); '' without one."""
    m = _EMBEDDED.search(journal)
    return journal[m.end() :] if m else spaced_place(journal)


def embedded_place(journal: str) -> tuple[str, str] | None:
    """(volume, pages) an Ovid/Embase export put into the journal ('Obesity.18 (6) ()(pp
    1260-1265) 2010' -> ('18', '1260-1265'); an e-only article's number for the pages, 'PLoS
    ONE.11 (4) (no pagination) 2016.Article Number: e0152328.' -> ('11', 'e0152328'); a line
    cut inside its page group, '...(var.pagings).39 ()(pp S618-S61' -> ('39', '')), '' for a
    part it does not give; None when it gives neither, or says '(no pagination)' without an
    article number (an online-first record's volume may not be the article's)."""
    place = _ovid_place(journal)
    volume = _PLACE_VOLUME.match(place)
    pages = _PLACE_PAGES.search(place) or _PLACE_ARTICLE.search(place)
    if not (volume or pages) or (_NO_PAGINATION.search(place) and not pages):
        return None
    # as a Record's pages field is read (records.normalise_pages: no blanks, '1260-5' expanded)
    return (volume.group(1) if volume else "", normalise_pages(pages.group(1)) if pages else "")


def issue_number(issue: str) -> str:
    """The issue as a number of one volume ('2', 'No. 02' -> '2'); '' for anything else:
    no issue, a supplement, a double issue, a date, or a number over :data:`MAX_ISSUES`
    (a record or article number, or an issue numbered across volumes)."""
    m = _ISSUE_NUMBER.match(issue or "")
    return m.group(1) if m and 1 <= int(m.group(1)) <= MAX_ISSUES else ""


def volume_key(volume: str) -> str:
    """Digits of the first number of a volume ('Vol. 012' -> '12'), an issue, or a section
    page ('JC6-9' -> '6', 'II387' -> '387'; :func:`reviewkit.dedup.pages.page_kind` 's');
    '' without any."""
    m = re.search(r"\d+", volume or "")
    return m.group(0).lstrip("0") if m else ""
