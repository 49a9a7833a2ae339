"""How a notice's title says what it is and what it names (:mod:`reviewkit.dedup.concerns`):
its heading ('Erratum to: <title>', 'Notice of retraction'), or the notice word after the title
it names ('<title> – Erratum'), and the citation after a heading ('Correction to Lancet Oncol
2021; 22: 872-82')."""

from __future__ import annotations

import re

RETRACTION = "retraction"
PARTIAL_RETRACTION = "partial retraction"
CONCERN = "expression of concern"
ERRATUM = "erratum"
COMMENT = "comment"
# a notice's kind by its heading, where it has no publication type (RIS, BibTeX, Embase):
# the first that names one ('Notice of retraction', 'Correction to', 'Corrigendum', 'Fe de
# erratas'); anything else dedup reads as a notice (a reply, 'Re: …') is a comment
_KIND_WORDS = (
    (RETRACTION, re.compile(r"\bretract|\bwithdraw", re.I)),
    (CONCERN, re.compile(r"\bconcern\b", re.I)),
    (ERRATUM, re.compile(r"\berrat|\bcorrigend|\bcorrection|\berrores\b", re.I)),
)
# the heading before the article's title in a notice's title: the notice word and what
# follows it up to a colon, or up to 'to', 'for' ('Correction to <title>'), or 'of', 'on',
# 'in' before a quote ('Retraction of "<title>"': unquoted, 'Correction of hyperbilirubinemia
# …', 'Withdrawal of antidepressants …' open articles' titles, and a reply titled '<such a
# title> - Authors' reply' would be read as a retraction of another); a comment's or a
# reply's ('Comment on "<title>"', 'Response to: <title>', 'Re: <title>'); and the quotes
# around the title
_LEAD = (
    r"^[\s\[(\"'“«]*(?:(?:editorial|notice|statement|publisher['’]?s?|authors?['’]?s?)\s+"
    r"(?:of\s+)?)?"
)
_NOTICE_WORD = (
    r"(?:retract\w*|expression\s+of\s+concern|concern|errat\w*|corrigend\w*|corrections?"
    r"|fe\s+de\s+err\w+|withdraw\w*)"
)
_HEADING = re.compile(
    rf"{_LEAD}(?:{_NOTICE_WORD}"
    r"(?:[^:]{0,30}?:|\s+(?:note\s+|notice\s+)?(?:(?:to|for)\b|(?:of|on|in)\s+(?=[\"'“‘«])))"
    r"|(?:comments?|commentary)\s+on\b:?|(?:in\s+)?(?:response|reply)\s+to\b:?|re\s*:"
    r"|authors?['’]?s?\s+(?:reply|response)\s*:)\s*[\"'“‘«]*",
    re.I,
)
# the notice word standing as a heading, whatever follows it: alone, before a colon, a stop or a
# dash set off by a blank, as dedup reads a heading (reviewkit.dedup.titles: 'Notice of
# retraction', 'Correction', 'ERRATUM - <title>', 'RETRACTION. <title>', 'Editorial expression
# of concern'), with 'note', 'notice' or 'statement' after it ('Retraction note.'); a notice
# word opening an article's title ('Withdrawal of …', 'Concern about falling …') is none
_STANDING = re.compile(
    rf"{_LEAD}{_NOTICE_WORD}(?:\s+(?:note|notice|statement))?(?:\s*(?:$|[:.–—])|\s+-)", re.I
)
# the heading before a citation alone ('Correction to Lancet Oncol 2021; 22: 872-82', 'Erratum
# in: J Occup Rehabil. 2019;29(2):456'): the notice word and a preposition, no colon after it
# looked for (:data:`_HEADING` would take the citation's own colon for the heading's)
_CITING = re.compile(
    rf"{_LEAD}{_NOTICE_WORD}(?:\s+(?:note|notice))?(?:\s+(?:to|in|of|for|on)\b)?\s*:?\s*", re.I
)
# ... or the notice word after it ('<title> – Erratum', '<title> [Corrigendum]', '<title> -
# Authors' reply'), with the quotes around the title
_TAIL = re.compile(
    r"[\"'”’»]*\s*(?:[-–—:.]\s*|[\[(]\s*)(?:erratum|errata|corrigendum|correction|retraction"
    r"|retracted|(?:authors?['’]?s?\s+)?(?:reply|response))\s*[\])]?\s*\.?\s*$",
    re.I,
)


def kind_by_title(title: str) -> str:
    """A notice's kind by its title's own words, where it has no publication type or link."""
    # the notice's own words, its heading or the notice word after its title ('<title> –
    # ERRATUM'), not the article's title they name: a comment on 'Withdrawal of
    # antidepressants …' or a reply to 'Correction of scoliosis …' is no retraction or erratum;
    # without them, only a notice word standing as a heading (:data:`_STANDING`) is read: any
    # word of the title's first 60 characters was, and a letter titled 'Letter: Withdrawal of
    # …' named by its DOI was shown as a retraction
    marks = (_HEADING.match(title), _TAIL.search(title), _STANDING.match(title))
    said = " ".join(m.group() for m in marks if m)
    return next((kind for kind, words in _KIND_WORDS if words.search(said)), COMMENT)


def named_title(title: str) -> str:
    """What a notice's title names: the title without its heading or the notice word after it
    (the title itself where it has neither)."""
    return _TAIL.sub("", _HEADING.sub("", title, count=1), count=1)


def cited_part(title: str) -> str:
    """A notice's title without the heading before a citation (:data:`_CITING`)."""
    return _CITING.sub("", title, count=1)
