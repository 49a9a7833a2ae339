"""Whether an Ovid tagged export (read by the MEDLINE reader) was cut inside its last record.

Ovid closes a record with nothing (a blank line, then '<2. >'), and its exports come without a
final line break (tests/core/fixtures/ovid_no_final_newline.txt), so neither the missing closing
line that tells a cut nbib file nor a missing line break tells a cut Ovid file. Two signals do,
measured on every good Ovid file we have (the two fixtures, and the four BIOSIS records of
Zotero's Ovid translator tests, two of International Political Science Abstracts and four of
Journals@Ovid, each file also cut after every whole record, with and without
its final line break: none fires; benchmarks/results/mutation-sweep.md):

- the last line, in a file without its final line break, holds a value of a shape Ovid always
  writes whole, and this one is not whole: a tag with no value ('MH  - '), a DO that is no DOI
  ('https://dx.do'), Ovid's own link (XL, 'ovidweb.cgi?…') without the '&AN=' accession it
  ends with, a YR that is no four-digit year, a VN that is not 'Ovid Technologies';
- or a value that does not end as the file's other values of its tag (of the same database)
  all do, or, with none, as the database's always do (_WHOLE_ENDS): an SO (the citation)
  without its final period, a title or an abstract that stops inside a sentence (round 17); an
  XL link before its query ('?'), or to a link resolver without the document type Ovid closes
  its OpenURL with (_link_cut);
- or (round 18) a last line that only opens a tag ('AU', 'LG  -') or the next record's mark
  ('<24'), which the reader took as words of the field above; or a value of a field Ovid
  writes one way in a database (at least two other records of it agree): an identifier of one
  shape with digits (BIOSIS' 'PREV200400474164', Journals@Ovid's accession, an ISSN) that it
  only begins, or a value without the period all the others end with (Journals@Ovid's
  'English.', 'DEPARTMENTS.'; _ends_unlike_others);
- the last record ends on a field after which every other record of the file goes on to one
  of the fields Ovid writes in every record whatever the reference (the title, the citation,
  the year: :mod:`~reviewkit.formats.last_record`), and lacks it.

Round 17 told 59% of the mid-line cuts of those five files (5,448 of 9,258; 46% before), still
none of the 42 good variants; but whole last abstracts that end without a stop were refused
(a registration number, a rights line, a web address: read since as whole by kind,
_WHOLE_LAST), and one whose last sentence ends in a word or a number still is, as a cut there
cannot be told from it: the refusal says to add the final line break Ovid never writes, which
says the file is whole (_UNSURE_HINT). Round 18 told 63% (5,877), still none of the 42 good
variants: BIOSIS' cuts 2,561 -> 2,706 of 4,067, Journals@Ovid's 1,195 -> 1,368 of 2,432.
What cannot be told: a cut after a period inside a sentence, or inside free text whose
database's values end in no one way (BIOSIS' and Embase's titles have no period) in the only
record of a file, a cut inside a link's last parameter, or inside a heading, a keyword, an
author.
"""

from __future__ import annotations

import re

from reviewkit.copyright_trailer import ends_in_copyright
from reviewkit.errors import FormatError
from reviewkit.formats.last_record import check_last_record
from reviewkit.trial_registers import ends_on_whole_number

# fields Ovid writes in every record of MEDLINE, Embase, PsycINFO and BIOSIS when the export's
# field choice holds them, whatever the reference (a DOI, an abstract or a link may be missing)
_ALWAYS = ("VN", "DB", "TI", "SO", "YR")
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+")
_HINT = "the file looks cut short; export the records from Ovid again"
# A title, an abstract or a citation is judged by how such values end, and a whole one may end
# otherwise (an abstract's last sentence in a word or a number, a question without '?'): the
# same export again is refused again, so the user who sees the record whole in Ovid is told
# how to import it. Ovid writes no final line break, so one added says the file ends there.
_FREE_TEXT = {"TI": "title", "AB": "abstract", "SO": "citation"}
_UNSURE_HINT = (
    _HINT + "; if the last record's {} is whole as Ovid shows it, add a line break at the end"
    " of the file and import it again (the ending of a file Ovid wrote is then not checked)"
)


# How a whole value of a free-text field ends, and the databases known to end every one so
# when the file holds no other record of theirs to ask (module docstring):
# - SO, the citation: a period in Ovid MEDLINE and Embase ('Journal. 10(2):100-110, 2019
#   Mar.'); not in Journals@Ovid ('… January/February 2010;14(1):56'), nor known in BIOSIS;
# - TI and AB: a sentence's end, or a bracket or quote closing one ('[Article]'). Ovid MEDLINE's
#   abstracts are PubMed's, and of the 50,788 records of the PubMed snapshot (.data) 99.91% of
#   abstracts end so (the rest in a trial registration number or a word; 99.99% of titles do,
#   but whether Ovid keeps a title's final period no export we hold shows, so a title is judged
#   by its file's other titles only); Embase's and BIOSIS' titles have no period.
#   A sentence ends so in the scripts of the non-English abstracts the databases hold too
#   ('。' in Chinese and Japanese, full-width '．！？）'), or with '…' where a conference
#   abstract was cut by its database;
_SENTENCE_ENDS = ".?!)]\"'…。．！？）」"
_WHOLE_ENDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "SO": (".", ("MEDLINE", "Embase")),
    "TI": (_SENTENCE_ENDS, ()),
    "AB": (_SENTENCE_ENDS, ("MEDLINE",)),
}
# - and, by kind, the last sentences a whole title or abstract ends without a stop: a trial
#   registration number of a form whose digits are of a fixed count ('Trial registration:
#   NCT01234567'; one cut short has fewer digits: trial_registers, the catalogue dedup reads
#   too), or a review's in PROSPERO (CRD and 11 digits: a register of reviews, not in that
#   catalogue), a publisher's rights line (Ovid MEDLINE and Embase append it to the abstract,
#   with or without a stop, and a cut inside it loses none of the abstract:
#   copyright_trailer, the statement the extraction prefill leaves out), a web address ('Data:
#   https://osf.io/abcd1'; a cut inside one cannot be told from a shorter one, and loses none
#   of the abstract's sentences).
_WHOLE_LAST = re.compile(r"(?:\bCRD\d{11}|\bhttps?://[^\s/]+\.[^\s]+)$", re.IGNORECASE)


def _ends_whole(value: str) -> bool:
    """Whether a title or an abstract ends whole without a stop, by kind (the comment above)."""
    return bool(
        _WHOLE_LAST.search(value) or ends_on_whole_number(value) or ends_in_copyright(value)
    )


def _cjk(char: str) -> bool:
    """Whether ``char`` is of a script written without spaces or Latin stops: CJK ideographs,
    kana, hangul (their blocks from U+2E80, and the full-width forms)."""
    return bool(char) and ("\u2e80" <= char <= "\ud7ff" or "\uff00" <= char <= "\uffef")


def _in_cjk_script(text: str) -> bool:
    """Whether ``text`` is written in such a script: more of its characters are of it than are
    Latin letters. A Chinese title may end on a Latin term ('2型糖尿病患者血清IL-6') and an
    English one name a Chinese term, so the last character does not tell (one CJK character
    stands for a word or a syllable, a Latin letter for a part of one)."""
    cjk = sum(map(_cjk, text))
    return cjk > sum(c.isascii() and c.isalpha() for c in text)


def _ends_cut(records: list[list[tuple[str, str]]], tag: str, value: str) -> bool:
    """Whether the last record's ``value`` of ``tag`` (one of _WHOLE_ENDS) ends as no whole one
    does: every other record's value of that tag in the same database ends with one of its
    characters (at least one other), or, with none, its database is one known to end them so.
    A search of several databases exports them in one file, so only the same database's
    values say how the last one ends; and only those that end in the same script: a Chinese or
    Japanese title takes no final stop where the file's English ones have one (round 18: 3 of
    rd35d's 27 hand-made whole files refused were such titles)."""
    ends, known = _WHOLE_ENDS[tag]
    if value.endswith(tuple(ends)) or tag != "SO" and _ends_whole(value):
        return False
    script = _in_cjk_script(value)
    others = [v for v in _same_database(records, tag) if v and _in_cjk_script(v) == script]
    if others:
        return all(v.endswith(tuple(ends)) for v in others)
    return any(name in _database(records[-1]) for name in known)


# Ovid's OpenURL for a library's link resolver, written as an XL after its own link, ends
# with the reference's document type as an encoded tag
# ('…&aulast=Walsdorf&%3CDT%3EPatent%3C%2FDT%3E', '<DT>Patent</DT>'), the type left empty when unknown ('%3CDT%3E%3C%2FDT%3E'): its other
# parameters vary with the reference (an empty volume or issue is left out), this ending not
_LINK_TYPE = "%3CDT%3E"
_OVID_LINK = "http://ovidsp.ovid.com/ovidweb.cgi?"  # Ovid's own link, as its exports write it
_LINK_END = "%3C%2FDT%3E"


def _link_cut(records: list[list[tuple[str, str]]], value: str) -> bool:
    """Whether the file's last XL link was cut: before its query ('?'), which Ovid's own link
    ('…/ovidweb.cgi?T=JS&…&AN=…') and a resolver's OpenURL both have, as every other XL of
    the file (at least one: the same record's own link before a resolver's) does; or after
    opening its document type (_LINK_END), or without the document type that every other
    record's link to the same resolver (at least one) ends with."""
    links = [v for record in records for t, v in record if t == "XL"][:-1]
    if "?" not in value:
        return bool(links) and all("?" in v for v in links) or _OVID_LINK.startswith(value)
    if value.rfind(_LINK_TYPE) > value.rfind(_LINK_END):  # opened, never closed
        return True
    if value.endswith(_LINK_END):
        return False
    base = value.split("?", 1)[0] + "?"
    others = [v for record in records[:-1] for t, v in record if t == "XL" and v.startswith(base)]
    return bool(others) and all(_LINK_TYPE in v and v.endswith(_LINK_END) for v in others)


def _database(record: list[tuple[str, str]]) -> str:
    """The record's DB ('Ovid MEDLINE(R) ALL', 'Embase'), '' when the export left it out."""
    return " ".join(v for tag, v in record if tag == "DB")


def _same_database(records: list[list[tuple[str, str]]], tag: str) -> list[str]:
    """The values of ``tag`` in the file's records before the last of the last one's database:
    a search of several databases exports them in one file, each writing a field its own way."""
    database = _database(records[-1])
    return [
        v for record in records[:-1] if _database(record) == database for t, v in record if t == tag
    ]


# The opening of a line Ovid writes, cut short: a tag ('A', 'AU', 'AU  -') or the next record's
# mark ('<', '<24', '<5.'). The MEDLINE reader takes a line that is not a tag as going on with
# the field above (_continues: Ovid's EndNote-style export breaks an abstract at column 0), so
# the cut read as words added to the last value, or a whole record lost.
_LINE_OPENING = re.compile(r"[A-Z][A-Z0-9]{0,3} {0,2}-?|<\s*\d*\.?\s*")


def _cut_line_opening(text: str) -> bool:
    """Whether the file's last line is the opening of a tag or of a record's mark, cut short.
    A line Ovid breaks at column 0 goes on with a paragraph's words ('Method(s): We …'), never
    with a word of up to four capitals alone."""
    return bool(_LINE_OPENING.fullmatch(text.rsplit("\n", 1)[-1].rstrip("\r")))


def _shape(value: str) -> str:
    """The value's characters by class (a digit '9', a letter 'A' or 'a', others as they are)."""
    return "".join(
        "9" if c.isdigit() else ("A" if c.isupper() else "a") if c.isalpha() else c for c in value
    )


def _ends_unlike_others(records: list[list[tuple[str, str]]], tag: str, value: str) -> bool:
    """Whether the last value of ``tag`` ends unlike the file's other values of that tag (at
    least two, of the same database) where they all agree: an identifier all of one shape of
    digits and letters or separators ('PREV200400474164', '00135124-201001000-00018.', an
    ISSN) that this one only begins,
    or values that all end with a period (Journals@Ovid's 'DEPARTMENTS.', 'English.',
    'Clinical Medicine, Health Professions.') where this one has none. Ovid writes such a field
    one way in every record of a database."""
    others = _same_database(records, tag)
    if len(others) < 2:
        return False
    shapes = {_shape(v) for v in others}
    shape = shapes.pop() if len(shapes) == 1 else ""
    # an identifier's form has letters or separators besides its digits; a bare number (a
    # volume, an issue, a PMID, Embase's accession) and a page or a range of pages ('12',
    # '100-110') have as many digits as they need, so one shorter is no cut (a cut of an
    # 8-digit update date, 'UP  - 2019061', cannot be told so)
    if "9" in shape and not shape.isdigit() and tag != "PG":
        return len(value) < len(shape) and shape.startswith(_shape(value))
    return all(v.endswith(".") for v in others) and not value.endswith(".")


def _cut_value(records: list[list[tuple[str, str]]]) -> str:
    """Why the last value of the file (of its last record) is not whole ('' when it may be)."""
    tag, value = records[-1][-1]
    if not value:
        return "a field with no value"
    if tag in ("DO", "DI") and not _DOI.fullmatch(value):
        return "a DOI field that holds no whole DOI"
    if tag == "XL" and "ovidweb.cgi" in value and "&AN=" not in value:
        return "Ovid's link without the '&AN=' accession it ends with"
    if tag == "XL" and _link_cut(records, value):
        return "a link (XL) cut short, without the query or the end such links have"
    if tag == "SO" and _ends_cut(records, tag, value):
        return "the citation (SO) without the period Ovid ends it with"
    if tag in ("TI", "AB") and _ends_cut(records, tag, value):
        return f"{'a title' if tag == 'TI' else 'an abstract'} ({tag}) that ends inside a sentence"
    if tag == "YR" and not re.fullmatch(r"\d{4}", value):
        return "a year (YR) that is not four digits"
    if tag == "VN" and value != "Ovid Technologies":
        return "a VN line that is not 'Ovid Technologies'"
    if tag not in _FREE_TEXT and tag != "XL" and _ends_unlike_others(records, tag, value):
        return _UNLIKE.format(tag=tag)
    return ""


# why a value judged by the file's other values of its field (_ends_unlike_others) is cut
_UNLIKE = "a {tag} value that ends unlike the file's other {tag} values"


def _judged(tag: str, why: str) -> str:
    """What the last value is called in _UNSURE_HINT when ``why`` judges it by how the file's
    other values end, which a whole one may not ('' when the value is cut for certain: empty,
    no whole DOI or year)."""
    if tag in _FREE_TEXT:
        return _FREE_TEXT[tag]
    # an identifier that only begins the others' one form may have fewer letters or digits
    # itself: a register's number ('NL7891' after 'NL78912'), a series' older numbers
    return f"{tag} value" if why == _UNLIKE.format(tag=tag) else ""


def check_complete(records: list[list[tuple[str, str]]], text: str, name: str) -> None:
    """FormatError when the Ovid export ``text``, whose records' (tag, value) fields (their
    continuation lines joined, as the MEDLINE reader reads them) are ``records``, looks cut
    inside its last record."""
    if not records or not records[-1]:
        return
    last_line = text.rstrip("\r\n").count("\n") + 1  # the line an error names
    if not text.endswith(("\n", "\r")):
        tag, value = records[-1][-1]
        if _cut_line_opening(text):
            raise FormatError(
                "the file ends inside its last line, the opening of a field or of a record"
                f" ('{text.rsplit(chr(10), 1)[-1][:10]}'), without a final line break",
                where=f"{name}:{last_line}",
                hint=_HINT,
            )
        why = _cut_value(records)
        if why:
            raise FormatError(
                f"the file ends inside its last record, without a final line break, on {why}"
                f" ('{tag}  - {value[-40:]}')",
                where=f"{name}:{last_line}",
                hint=_UNSURE_HINT.format(judged) if (judged := _judged(tag, why)) else _HINT,
            )
    check_last_record(records, _ALWAYS, name, last_line, hint=_HINT)
