"""How a title says it is a notice about another paper (an erratum, a retraction, an
expression of concern, a comment or a reply), what kind, and what it names: one reading of
notices' headings, for dedup (:func:`reviewkit.dedup.titles.is_notice` asks whether a title
heads a notice) and for the notices (:mod:`reviewkit.dedup.concerns`: the kind, and the title
or citation named: 'Erratum to: <title>', '<title> – Erratum', '<title> (vol 85, pg 553,
2010)', 'Correction to Lancet Oncol 2021; 22: 872-82').

Each pattern reads one kind of heading: before the title it names (:data:`_HEADS`, its match
ends where that title begins) or after it (:data:`_TAILS`, its match begins where it ends).
Some say by themselves that a title is a notice (``alone``: dedup reads them on any title);
the others only read the heading of a record known as a notice (by its publication type or by
a heading that says so alone), where a looser reading costs no article its place."""

from __future__ import annotations

import re
from dataclasses import dataclass

RETRACTION = "retraction"
PARTIAL_RETRACTION = "partial retraction"
CONCERN = "expression of concern"
ERRATUM = "erratum"
COMMENT = "comment"
# a notice's kind by its heading's words, where the pattern gives none: the first that names
# one ('Notice of retraction', 'Correction to', 'Corrigendum', 'Fe de erratas', German,
# French and Italian journals' 'Berichtigung', 'Korrektur', 'Rectificatif', 'Rettifica'); anything else
# dedup reads as a notice (a reply, 'Re: …') is a comment
_KIND_WORDS = (
    (RETRACTION, re.compile(r"\bretract|\bwithdraw", re.I)),
    (CONCERN, re.compile(r"\bconcern\b", re.I)),
    (
        ERRATUM,
        re.compile(
            r"\berrat|\bcorrigend|\bcorrection|\berrores\b|\bberichtigung|\bkorrektur|\brettific"
            r"|\brectificati",
            re.I,
        ),
    ),
)


@dataclass(frozen=True)
class _Heading:
    """One kind of heading: its pattern, whether it says alone that a title is a notice, and
    the kind it gives ('' for the kind its words say)."""

    pattern: re.Pattern[str]
    alone: bool
    kind: str = ""


# what may stand before a notice word: quotes, brackets, and 'Editorial', 'Notice of',
# "Publisher's", "Author's" ('Author Correction:', Nature's)
_LEAD = (
    r"[\s\[(\"'“«]*(?:(?:editorial|notice|statement|publisher['’]?s?|authors?['’]?s?)\s+"
    r"(?:of\s+)?)?"
)
_NOTICE_WORD = (
    r"(?:retract\w*|expression\s+of\s+concern|concern|errat\w*|corrigend\w*|corrections?"
    r"|fe\s+de\s+err\w+|withdraw\w*|berichtigung|korrektur|rectificatif|rettifica)"
)
# a heading's end: the title's, a colon, a stop, a dash set off by a blank ('Response-rate' is
# a word)
_HEAD_END = r"(?:\s*(?:$|[:.–—])|\s+-)"
# What 'Correction(s) to' opens in an article's title, not a notice's: the subject corrected
# ('Corrections to megavoltage depth-dose values due to reduced backscatter thickness', Med
# Phys). A notice names the item it corrects after a colon, in quotes, as a citation
# ('Correction to Lancet Oncol 2021; 22: 581-83', 'Correction to Fox Meyer and Vogt (2015)')
# or as 'the article', 'our paper'. Of the 58 titles of the ten labelled sets and the PubMed
# snapshot opening 'Correction(s) to', 57 are notices and none of them goes on in lower case;
# the one article does. So a subject is an article's where it opens in lower case (but for a
# determiner or a pronoun), or, in Title Case ('Correction To The Deformity: …', where every
# word has its capital and the case says nothing), with a capital after any determiner; in
# either, not where a word naming a publication or its part is among its first five words,
# nor with a year or 'et al' later (a citation). All capitals show no case: a notice.
# Title Case that keeps its small words small ('Correction to the Deformity of the Spine':
# APA's and Chicago's) reads as one title too: a determiner in lower case joins the capital
# after it to 'to' (a notice naming a title opens it with its own capital, 'Correction to The
# Structure of …'). What goes on after 'Correction(s) to' in the snapshot's 51 notices: a
# colon (43) or a citation with its year (8); in the labelled sets' 4 (bib-dedupe's), a
# citation, a dash or a quote; none a determiner in lower case and a capital: of the 246,777
# titles of the snapshot and the labelled sets, none is read otherwise than before. Only where
# the words after it are in Title Case too (up to a colon, a stop or a dash, no word of four
# letters or more in lower case but the small words Title Case keeps so): in sentence case, as
# PubMed's titles are, a capital after 'the' is a name's, and the notice names what it
# corrects by it ('Correction to the Lancet Commission on global mental health').
_TITLE_CASE_SMALL = (
    r"(?:with|from|into|onto|upon|over|than|that|this|when|then|versus|about|after|among"
    r"|between|through|during|without|within|under|until|while|like|near|past|along|across"
    r"|against|toward|towards|around|before|behind|below|beyond|despite|except|since|unlike)"
)
_DETERMINER = r"(?:the|a|an|this|that|these|those|our|my|his|her|their|its)"
_PUBLICATION_WORD = (
    r"(?:article|paper|letter|report|study|manuscript|abstract|figure|fig|table|erratum"
    r"|authors?|vol|volume|pg|pp|p|et|editorial|review|commentary|comment|publication"
    r"|chapter|version)"
)
_CORRECTED_SUBJECT = rf"""(?:\s+(?!{_DETERMINER}\b)(?=(?-i:[a-z]))|(?-i:(?<=To))\s+
    (?=(?:{_DETERMINER}\s+)?(?-i:[A-Z][a-z]))|(?-i:(?<=to)\s+(?={_DETERMINER}\s+[A-Z][a-z])
    (?!{_DETERMINER}\s+[^:.–—]*?(?<![\w'’-])(?!{_TITLE_CASE_SMALL}\b)[a-z]{{4,}})))
    (?!(?:[^\s:.–—]+\s+){{0,4}}{_PUBLICATION_WORD}\b)(?!.*\b(?:(?:19|20)\d\d|et\s+al)\b)"""
# 'Retracted: Title' in a capital and small letters heads Hindawi's retraction notices (a
# title its publisher marks 'RETRACTED: Title' is the retracted article: titles.py)
RETRACTED_NOTICE = re.compile(r"\s*Retracted\s*:")
# 'Response', 'Correction' and 'Retraction' open ordinary articles' titles too ('Response to
# placebo among bipolar I disorder patients …', 'Correction of arterial structure …',
# 'Retraction of anesthesia publications: a systematic review'): of the 341 titles of the
# screening and bib-dedupe sets read as notices when any title opening so was one, 137 open so
# and 117 of them are articles. So these make a notice only as a notice's heading: the word
# alone or before a colon, a stop or a dash, 'Correction(s) to …', 'Retraction note',
# 'Retraction of:', 'Retraction and republication:' (NEJM's notice beside a trial it
# republished), a response to a letter, a comment, the editor or a quoted title. A reply to an
# author named bare ('Response to Clarke: …') reads as an article: 2 of the 117.
ARTICLE_OPENING = re.compile(r"[\s\[(\"'“]*(?:responses?|corrections?|retractions?)\b", re.I)
# a title of four words or more in quotes ('Retraction of "<title>"', without a colon): a quoted
# word or two after 'Retraction of' is an article's ('Retraction of "sham" surgery …'), and a
# notice names no title of fewer words (concerns._MIN_WORDS). In double quotes or guillemets an
# apostrophe closes nothing ("Patients' views of …"); in single quotes one closes the title
# where it ends a word, but not inside one ('don’t') nor after a plural's s ('Patients’ views')
# where a later quote closes it
_IN_SINGLE_QUOTES = r"(?:[^'’]|['’](?=\w)|(?<=s)['’](?=\s))"
_QUOTED_TITLE = (
    r"(?=[\"“«](?:[^\"”»\s]+\s+){3}[^\"”»]*[\"”»]"
    rf"|['‘](?:(?!\s){_IN_SINGLE_QUOTES})+\s+(?:(?:(?!\s){_IN_SINGLE_QUOTES})+\s+){{2}}"
    rf"{_IN_SINGLE_QUOTES}*?['’](?!\w))"
)
_ANSWERED = r"(?:letters?|comments?|commentary|editor|reviewers?|critics?|criticisms?|drs?)"
# the words of a heading in Title Case that name the article, not its title ('Erratum For The
# Article: <title>'): a heading is read to its colon over these, in any case, where a word in
# a capital and small letters opens the named title
_HEADING_WORD = (
    r"(?:for|to|of|on|in|regarding|the|this|an?|our|article|paper|manuscript|report|letter"
    r"|entitled|titled|published)"
)
_HEADS = (
    # 'Notice of retraction' (IEEE, PubMed), '(Editorial) Expression of concern' (COPE's name,
    # PubMed's type), 'Retraction of:', "Publisher's note:", 'Addendum:', a reply with the
    # possessive ("Author's reply", "Authors' response"), Spanish journals' 'Fe de erratas',
    # German journals' 'Korrektur zu:', 'Berichtigung zu:', 'Korrektur:' and 'Berichtigung:'
    # (with its colon: 'Korrektur' alone opens surgical articles' titles, a correction of a
    # deformity, 'Korrektur zu kurzer Beinlänge …')
    _Heading(
        re.compile(
            r"\s*(?:fe\s+de\s+(?:erratas?|errores)\b|(?:korrektur|berichtigung)(?:\s+zu)?\s*:"
            r"|notice\s+of\s+(?:retraction|concern"
            r"|duplicate\s+publication)|(?:editorial\s+)?expression\s+of\s+concern|statement\s+of"
            r"\s+retraction|retraction\s+of\s*:|publisher['’]?s\s+note\s*:|addendum\s*:"
            r"|authors?['’]?s?\s+(?:reply|response)\b)",
            re.I,
        ),
        alone=True,
    ),
    _Heading(re.compile(r"\s*re\s*:", re.I), alone=True, kind=COMMENT),  # not 'Re-examining'
    _Heading(RETRACTED_NOTICE, alone=True, kind=RETRACTION),
    # 'Response', 'Correction', 'Retraction' as a heading (ARTICLE_OPENING)
    _Heading(
        re.compile(
            rf"""[\s\[("'“]*(?:
            responses?(?:\s+to)?(?:{_HEAD_END}|(?=\s*["'“‘])|\s+(?:the\s+)?{_ANSWERED}\b)
          | corrections?(?:\s+to\b(?!{_CORRECTED_SUBJECT})|\s+(?:note|notice)\b|{_HEAD_END})
          | retractions?(?:\s+(?:note|notice)\b|\s+(?:of|to)\s*:|\s+(?:of|on)\s+{_QUOTED_TITLE}
                |\s+and\s+re(?:publication|placement)\b|{_HEAD_END}))""",
            re.I | re.X,
        ),
        alone=True,
    ),
    # The Lancet's errata column, 'Department of Error.': the corrected article is cited in
    # the notice's text, not in its title
    _Heading(re.compile(r"\s*department\s+of\s+error\b", re.I), alone=True, kind=ERRATUM),
    # a known notice's heading: the notice word and what follows it up to a colon (no digits:
    # 'Correction to Lancet Oncol 2021; 22: 872-82' cites its article; no quote and no word in
    # a capital and small letters, which open the named title: "Corrigendum to 'Making
    # epistemic citizens: Young people …'", 'Correction to Graded activity: a trial' name
    # their title's colon; of the snapshot's and the sets' 1,069 notices, the words before a
    # heading's colon are '', 'to', 'TO', 'in', 'of' but for that one), or up to 'to', 'for',
    # 'zu', 'à' ('Correction to <title>', 'Berichtigung zu'), 'in' ('Erratum in: <citation>'),
    # or 'of', 'on' before a quote ('Retraction of "<title>"': unquoted, 'Withdrawal of
    # antidepressants …' opens an article's title); the word standing alone before a stop or a
    # dash; a comment's or a reply's ('Comment on "<title>"', 'Response to: <title>')
    _Heading(
        re.compile(
            rf"{_LEAD}(?:{_NOTICE_WORD}(?:\s+(?:note|notice|statement))?"
            rf"(?:(?:\s+{_HEADING_WORD}\b|(?!\s(?-i:[A-Z][a-z]))[^:\d\"'“‘«]){{0,30}}?:"
            r"|\s+(?:note\s+|notice\s+)?(?:(?:to|for|zu|à|in)\b"
            r"|(?:of|on)\s+(?=[\"'“‘«]))|\s*(?:$|[.–—])|\s+-)"
            r"|(?:comments?|commentary)\s+on\b:?|(?:in\s+)?(?:response|reply)\s+to\b:?"
            r"|authors?['’]?s?\s+(?:reply|response)\s*:)",
            re.I,
        ),
        alone=False,
    ),
)
# A correction titled with the article it corrects and that article's place at the end: Web of
# Science 'Title (vol 85, pg 553, 2010)', Embase 'Title (New England Journal of Medicine (2009)
# 360 (542-544))'; also with an article number for the page and the commas lost ('(VOL 9
# E98734 2014)'). Three parts, each set off by a comma or a space, the page with a digit: a
# book's or a report's own volume in its title ('Handbook (vol 12, 2014)') is no notice.
CORRECTION_TAIL = re.compile(
    r"\s*\((?:\s*vol(?:\.\s*|\s+)(?P<volume>\w+)(?:\s*,\s*|\s+)(?:pg\.?\s*)?(?P<page>[a-z]*\d\w*)"
    r"(?:\s*,\s*|\s+)(?P<year>(?:19|20)\d\d)\s*"
    r"|[A-Z][^()]*\((?:19|20)\d\d\)\s*\w+\s*(?:\([^()]*\)\s*)+)\)\s*\.?\s*$",
    re.I,
)
_TAILS = (
    _Heading(CORRECTION_TAIL, alone=True, kind=ERRATUM),
    # APA's correction notices: the article's title, then 'Correction to Lee et al. (2014)', or
    # in quotes with ': Correction' alone (PsycINFO)
    _Heading(
        re.compile(
            r"[\"”]?\s*:?\s*\b(?i:correction to) [A-Z][\w'’-]*(?: (?i:et al)\.?| (?i:and|&)"
            r" [A-Z][\w'’-]*)?\s*\((?:19|20)\d\d\)\s*\.?\s*$|[\"”]\s*:\s*(?i:correction)\s*\.?\s*$"
        ),
        alone=True,
        kind=ERRATUM,
    ),
    # Cambridge University Press's 'Title – ERRATUM', and 'Title: Erratum', 'Title (Erratum)',
    # 'Title [Corrigendum]': only the words that name nothing else (an article may end ':
    # correction', a surgical one); a bracket must close, so that Ovid's erratum note cut short
    # by an export ('...[added]].[Erratum') stays the article's
    _Heading(
        re.compile(
            r"[\"'”’»]*(?:\s+[-–—]|[:.])\s*(?:erratum|errata|corrigendum)\s*\.?\s*$"
            r"|[\"'”’»]*\s*[\[(]\s*(?:erratum|errata|corrigendum)\s*[\])]\s*\.?\s*$",
            re.I,
        ),
        alone=True,
    ),
    # ... and on a known notice, 'correction', 'retraction', a reply ('<title> - Authors'
    # reply'), and the notice words after a dash without a blank ('<title> 2020-Corrigendum.')
    _Heading(
        re.compile(
            r"[\"'”’»]*\s*(?:[-–—:.]\s*|[\[(]\s*)(?:erratum|errata|corrigendum|correction"
            r"|retraction|retracted"
            r"|(?:authors?['’]?s?\s+)?(?:reply|response))\s*[\])]?\s*\.?\s*$",
            re.I,
        ),
        alone=False,
    ),
)


@dataclass(frozen=True)
class Reading:
    """What a title's heading says: the notice's kind and the title it names ('' where none)."""

    kind: str
    named: str


@dataclass(frozen=True)
class NoticeType:
    """A publication type (folded) that names a piece about another paper: the ``kind`` it
    names and whether it is NLM's (PubMed XML, MEDLINE PT) or another database's."""

    name: str
    kind: str
    nlm: bool


# The one list of the publication types that name a notice or a comment about another paper,
# folded, as the databases name them, by what each names. NLM's (its definitions): 'Published
# Erratum'; 'Retraction of Publication' and its older name 'Retraction Notice'; 'Expression of
# Concern'; 'Comment', a work that comments on another (a letter or an editorial on an
# article). The other databases': Embase's and Scopus's 'Erratum'; Web of Science's
# 'Correction' (errata and additions, and retractions before 2016: Clarivate's document
# types), 'Correction, Addition' (its older name), 'Retraction' and 'Expression of Concern'
# (NLM's name too); APA PsycInfo's 'Erratum/Correction' and 'Comment/Reply' (its document
# types, as Ovid writes them in DT: three of each among the stroke set's PsycInfo records).
# Not listed: 'Retracted Publication' and 'Corrected and Republished Article' (the article
# itself), 'Letter' and 'Editorial' alone (a research letter reports a trial), nor another
# database's name for a comment ('Letter', 'Note', 'Editorial': they name more than comments).
PUBLICATION_TYPES = (
    NoticeType("published erratum", ERRATUM, nlm=True),
    NoticeType("erratum", ERRATUM, nlm=False),
    NoticeType("correction", ERRATUM, nlm=False),
    NoticeType("correction, addition", ERRATUM, nlm=False),
    NoticeType("erratum/correction", ERRATUM, nlm=False),
    NoticeType("retraction of publication", RETRACTION, nlm=True),
    NoticeType("retraction notice", RETRACTION, nlm=True),
    NoticeType("retraction", RETRACTION, nlm=False),
    NoticeType("expression of concern", CONCERN, nlm=True),
    NoticeType("comment", COMMENT, nlm=True),
    NoticeType("comment/reply", COMMENT, nlm=False),
)
# The types that mark an article as retracted itself (no notice: concerns.own_marks): NLM's
# and Web of Science's 'Retracted Publication', Scopus's 'Retracted' (an article whose
# retraction notice is published is typed so: Scopus's Content Coverage Guide)
RETRACTED_TYPES = frozenset({"retracted publication", "retracted"})
# Every database's types by name: what a record's types say of a notice, read alike from
# PubMed, Embase, Scopus, Web of Science and PsycInfo (concerns.notice_kind,
# follow_on.notice_about_a_paper): an Embase 'Erratum' titled as its article is a notice, kept
# out of its study's reports, as PubMed's 'Published Erratum' is.
TYPES = {t.name: t for t in PUBLICATION_TYPES}
# Every database's types of a notice, comments aside: dedup's key ``typed_notice``. A comment
# is typed so by PubMed and PsycInfo only (another database types it 'Letter', 'Note' or
# 'Editorial'), so typing it so would say nothing of its copies from elsewhere (a reply under
# its article's title is kinds_notices.reply_titled_as_article's kind).
NOTICE_TYPES = frozenset(t.name for t in PUBLICATION_TYPES if t.kind != COMMENT)


def notice_by_type(types: list[str]) -> bool | None:
    """Whether a record's publication types say it is a notice (:data:`NOTICE_TYPES`): True,
    False when it has types and none says so, None when it has none (its source gave no
    type, so it says nothing either way)."""
    folded = [t.strip().casefold() for t in types if t.strip()]
    if not folded:
        return None
    return any(t in NOTICE_TYPES for t in folded)


def type_kind(types: list[str]) -> tuple[str, bool]:
    """The kind a record's publication types name ('' where none does) and whether it is
    NLM's, first NLM's: NLM's types name one kind each, another database's erratum type may
    name a retraction too (Scopus's 'Erratum' is 'a report of an error, correction or
    retraction', Web of Science typed retractions 'Correction' before 2016: Clarivate's and
    Elsevier's lists of document types), so its notice's heading may say more (concerns)."""
    typed = [t for name in types if (t := TYPES.get(name.strip().casefold()))]
    first = min(typed, key=lambda t: not t.nlm, default=None)
    return (first.kind, first.nlm) if first else ("", False)


def says_notice(title: str) -> bool:
    """Whether a heading of its own makes ``title`` a notice's (the ``alone`` patterns)."""
    return any(h.pattern.match(title) for h in _HEADS if h.alone) or any(
        h.pattern.search(title) for h in _TAILS if h.alone
    )


def heads_a_notice(title: str) -> bool:
    """Whether a title opening with a notice word heads a notice: always, but for 'Response',
    'Correction' and 'Retraction', which must stand as a heading (:data:`ARTICLE_OPENING`)."""
    return not ARTICLE_OPENING.match(title) or says_notice(title)


def read_heading(title: str) -> Reading | None:
    """A notice's title read: the kind its heading (the longest read) or the words after its
    title say, and the title it names, without them; None where it has neither."""
    heads = [(m, h) for h in _HEADS if (m := h.pattern.match(title))]
    head = max(heads, key=lambda mh: mh[0].end(), default=None)
    start = head[0].end() if head else 0
    tail = next(((m, h) for h in _TAILS if (m := h.pattern.search(title, start))), None)
    if head is None and tail is None:
        return None
    end = tail[0].start() if tail else len(title)
    said = [(m.group(), h.kind) for m, h in (mh for mh in (head, tail) if mh)]
    kind = next((k for _, k in said if k), "") or _kind_of(" ".join(w for w, _ in said))
    return Reading(kind, title[start:end])


def _kind_of(words: str) -> str:
    return next((kind for kind, pattern in _KIND_WORDS if pattern.search(words)), COMMENT)


# what stands between a heading and the title it names: a colon, a stop, a dash, blanks
_BETWEEN = re.compile(r"^[\s:.,–—-]+")
# the title named in quotes, and what follows the closing quote ('Corrigendum to "<title>". J
# Neurosci Methods 221 (2014) 92-102', '… "<title>": [Annals of Oncology 31 (2020) …]'): the
# quotes bound the title where nothing follows them but a stop, or a citation (a bracket, or a
# digit before any word in lower case: a volume, a year, pages); words after them are the
# subtitle of a title that opens with a quotation ('"Nobody told me what to expect":
# experiences of women after stroke', qualitative studies' titles), not bounded
_QUOTED = re.compile(
    r"^[\"“«‘']\s*(?P<title>.+?)\s*[\"”»’']"
    r"(?=\s*\.?\s*$|\s*[.,;:]?\s*[\[(]|\s*[.,;:](?:(?!\b[a-z]{3,}\b)\D)*\d)"
)
_OPENING_QUOTES = re.compile(r"^[\"'“‘«]+\s*")


@dataclass(frozen=True)
class Named:
    """What a notice's title names: the ``title`` (the whole title where no heading is read)
    and whether quotes bound it (``bounded``: a held title that is only its start is another
    article's, not the same one with a citation after it)."""

    title: str
    bounded: bool = False


# an erratum word among a title's first four words, as dedup reads a notice by it
# (titles.is_notice: 'Erratum regarding the article by …', 'An erratum on …'): these words name
# nothing but an erratum, where no heading is read
_ERRATUM_OPENING = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:errat(?:um|a)|corrigend(?:um|a))\b", re.I)


def kind_by_title(title: str) -> str:
    """A notice's kind by its title's own words, where it has no publication type or link: its
    heading or the notice word after its title, not the article's title they name (a comment
    on 'Withdrawal of antidepressants …' is no retraction); else an erratum where an erratum
    word is among its first four words; a comment where it has none of these."""
    reading = read_heading(title)
    if reading:
        return reading.kind
    return ERRATUM if _ERRATUM_OPENING.match(title) else COMMENT


def named_title(title: str) -> Named:
    """What a notice's title names: the title without its heading or the notice word after it
    (the title itself where it has neither)."""
    reading = read_heading(title)
    if reading is None:
        return Named(title)
    rest = _BETWEEN.sub("", reading.named)
    quoted = _QUOTED.match(rest)
    if quoted:
        return Named(quoted["title"], bounded=True)
    return Named(_OPENING_QUOTES.sub("", rest).rstrip("\"'”’» "))
