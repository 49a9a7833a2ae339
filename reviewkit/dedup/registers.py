"""Trial registration numbers read in text, source fields and addresses, each in the one
canonical form it is compared in.

One list for every reader of registration numbers: dedup's registration rule (a register's
record carries its number in its source field, its address or, for ISRCTN, its DOI) and the
study links (numbers cited in abstracts, PubMed's DataBankList and secondary source IDs).

The registers and their numbers' forms are :mod:`reviewkit.trial_registers`' (the one catalogue,
below dedup and the formats, which read it too).

Canonical form: upper case, no spaces, and the register's own separators written the way the
register documents them (ChiCTR's hyphens, CTRI's and SLCTR's slashes, EudraCT's hyphens),
whether the text had them or not: 'ChiCTR-IOR-17011234', 'ChiCTRIOR17011234' and
'chictr ior 17011234' (a folded source field) are one number, 'CHICTR-IOR-17011234'. A number
is the same number written with or without its separators; the register's prefix is part of
it ('NCT01234567', not '01234567'), so two registers' numbers never compare equal.

What is not read, on purpose: a bare EudraCT number ('2014-001234-12') without 'EudraCT' or
'EUCTR' before it (grant and protocol numbers share its shape), PROSPERO's CRD numbers (a
register of reviews, not trials), WHO's Universal Trial Number (U1111-…, given to a trial
before any register's number, never a register's record), and a register's name alone
('ISRCTN', 'ChiCTR' as a whole source field): it names no trial (:func:`is_register_name`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

from reviewkit.trial_registers import CONTEXT, REGISTERS, Form, Register

# WHO's portal (ICTRP), which shows every primary register's records: its old addresses
# (apps.who.int/trialsearch/Trial2.aspx?TrialID=…, www.who.int/ictrp/…) and its new one
# (trialsearch.who.int/Trial2.aspx?TrialID=…)
_PORTAL_HOST = "who.int"
_PORTAL_PATHS = ("trialsearch", "ictrp")


def _compile(exact_case: bool) -> tuple[re.Pattern[str], dict[int, tuple[Form, Register]]]:
    """One pattern of the forms of one kind (each in a group of its own), and per form its
    group's index, so a text is read in one pass. The forms in any case are matched on the
    text in lower case, as lower-case patterns: a pattern of many alternatives runs several
    times faster so than with re.IGNORECASE (measured on 20,000 abstracts)."""
    parts, index, group = [], {}, 1
    for register in REGISTERS:
        for form in register.forms:
            if form.exact_case != exact_case:
                continue
            assert not re.search(r"\\[A-Z]", form.pattern), form.pattern  # \D, \S … upper
            parts.append(f"({form.pattern if exact_case else form.pattern.lower()})")
            index[group] = (form, register)
            group += 1 + re.compile(form.pattern).groups
    # a number stands on its own: no letter or digit touches it on either side
    pattern = rf"(?<![A-Za-z0-9])(?:{'|'.join(parts)})(?![A-Za-z0-9])"
    return re.compile(pattern), index


_ANY_CASE, _ANY_CASE_FORMS = _compile(exact_case=False)
_EXACT, _EXACT_FORMS = _compile(exact_case=True)
_HOSTS = frozenset(h for r in REGISTERS for h in r.hosts)
_SUBDOMAINS = tuple("." + h for h in sorted(_HOSTS))  # www.isrctn.com, apps.who.int …
_ISRCTN_DOI = re.compile(r"10\.1186/(ISRCTN\d{8})$", re.I)
# a markup tag ('<AccessionNumber>', '</DataBank>'): a letter right after '<', so an
# abstract's '< 0.05 … >' is left as it is (stripping it once took a cited NCT number away)
_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
# PubMed's DataBank: a register's name once, then each of its accession numbers ('EudraCT',
# '2004-000446-20', '2005-001234-56'); a number whose register is named only before it (EudraCT's
# numbers are digits alone) is read under that name, so each is given it (_plain)
_DATABANK = re.compile(
    r"<DataBankName>([^<]*)</DataBankName>\s*<AccessionNumberList>(.*?)</AccessionNumberList>",
    re.S,
)
_ACCESSION = re.compile(r"<AccessionNumber>([^<]*)</AccessionNumber>")


def _found(m: re.Match[str], forms: dict[int, tuple[Form, Register]]) -> tuple[str, Register]:
    """The canonical number a match of :func:`_compile`'s pattern is, and its register."""
    group = m.lastindex or 0  # the form's own group: it closes after the parts inside it
    form, register = forms[group]
    parts = m.groups()[group : group + form.shape.count("{}")]
    # a blank inside the digits (trial_registers._digits) is no part of the number
    return form.shape.format(*(p.replace(" ", "").upper() for p in parts)), register


def _in_context(m: re.Match[str], forms: dict[int, tuple[Form, Register]]) -> bool:
    """Whether a match stands where its form may be read (:attr:`Form.context`)."""
    context = forms[m.lastindex or 0][0].context
    if not context or (m.start() == 0 and m.end() == len(m.string.rstrip())):
        return True
    return bool(re.search(context, m.string[max(0, m.start() - CONTEXT) : m.start()], re.I))


def _matches(text: str) -> list[tuple[str, Register]]:
    """(canonical number, register) of every number in a plain text, in the order they stand.
    The forms' pattern is tried only where a form's mark starts a word (:attr:`Form.marks`):
    the marks alone are found faster than the whole pattern (an abstract holds 'nct' in
    'function', but rarely at a word's start)."""
    found = []
    for pattern, forms, marks, plain in (
        (_ANY_CASE, _ANY_CASE_FORMS, _ANY_CASE_MARKS, text.lower()),
        (_EXACT, _EXACT_FORMS, _EXACT_MARKS, text),
    ):
        for start in marks.finditer(plain):
            if (m := pattern.match(plain, start.start())) and _in_context(m, forms):
                found.append((m.start(), *_found(m, forms)))
    return [(number, register) for _, number, register in sorted(found, key=lambda f: f[0])]


def _plain(text: str) -> str:
    """The text as a number is read in it: markup tags to spaces (a DataBankList's
    '<DataBankName>EudraCT</DataBankName>…<AccessionNumber>'), URL escapes decoded
    ('eudract_number%3A2014-001234-12'); each of a DataBank's accession numbers after the
    register's name (_DATABANK)."""
    if "<" in text:
        text = _DATABANK.sub(_named_accessions, text)
        text = _TAG.sub(" ", text)
    return unquote(text) if "%" in text else text


def _named_accessions(m: re.Match[str]) -> str:
    """A DataBank's accession numbers, each after the register's name ('EudraCT 2004-…')."""
    return " ".join(f"{m.group(1)} {a} ;" for a in _ACCESSION.findall(m.group(2)))


def _marks(forms: dict[int, tuple[Form, Register]]) -> re.Pattern[str]:
    """The marks of some forms where they start a word, one pattern."""
    marks = sorted(
        {m for form, _ in forms.values() for m in form.literals()}, key=len, reverse=True
    )
    return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(map(re.escape, marks))})")


_ANY_CASE_MARKS = _marks(_ANY_CASE_FORMS)
_EXACT_MARKS = _marks(_EXACT_FORMS)


def numbers_in_text(text: str) -> list[str]:
    """The registration numbers in a text (an abstract, a source field, an address, a
    DataBankList), canonical, each once, in the order they appear."""
    if not text:
        return []
    return list(dict.fromkeys(number for number, _ in _matches(_plain(text))))


def _full(text: str) -> tuple[str, Form, Register] | None:
    """(canonical number, form, register) of a text that is one number and nothing else."""
    text = _plain(text.strip())
    for pattern, forms, plain in (
        (_ANY_CASE, _ANY_CASE_FORMS, text.lower()),
        (_EXACT, _EXACT_FORMS, text),
    ):
        if m := pattern.fullmatch(plain):
            number, register = _found(m, forms)
            return number, forms[m.lastindex or 0][0], register
    return None


def canonical_number(text: str) -> str:
    """The canonical form of one registration number ('ChiCTRIOR17011234' ->
    'CHICTR-IOR-17011234'); '' when the text is not one number of a register."""
    found = _full(text)
    return found[0] if found else ""


@lru_cache(maxsize=65536)  # asked of every number of every study of a project
def number_series(number: str) -> str:
    """The series a canonical number belongs to: its register's name, or for a register that
    gives one trial numbers of several series, the series' ('NTR', 'NL', 'NL-OMON': the
    Netherlands' old and new IDs of one trial, kept side by side); '' for no register's number.
    One trial has one number per series: two numbers of one series are two trials (a protocol
    naming its pilot), numbers of two series may be one trial registered twice."""
    found = _full(number)
    return (found[1].series or found[2].name) if found else ""


def _folded_name(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


# WHO's portal goes by its own names beside the registers'
_PORTAL_NAMES = ("ICTRP", "WHO ICTRP", "International Clinical Trials Registry Platform")
_NAMES = frozenset(_folded_name(n) for r in REGISTERS for n in (*r.names, *_PORTAL_NAMES))


@lru_cache(maxsize=65536)  # asked of every record's source field, of which a set has few
def is_register_name(text: str) -> bool:
    """Whether a text is only a register's name (or WHO portal's), in any case and punctuation:
    'ISRCTN', 'ChiCTR', 'ClinicalTrials.gov', 'EU Clinical Trials Register'. A source field
    that holds nothing else names where a record was found, not which trial it registers, and
    is no journal either."""
    # the longest name is under 60 characters: a longer text (a journal's name) is not read
    return _folded_name(text) in _NAMES if text and len(text) <= 60 else False


def is_register_address(url: str) -> bool:
    """Whether an address is a register's or WHO's portal's (ICTRP): a record whose URL it
    is, is that register's record of a trial. Its host is compared (a register's name in a
    query, pubmed.ncbi.nlm.nih.gov/?term=NCT…, is no register's address)."""
    low = (url or "").strip().lower()
    host = low.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split(":", 1)[0]
    if host in _HOSTS or host.endswith(_SUBDOMAINS):
        return True
    portal = host == _PORTAL_HOST or host.endswith("." + _PORTAL_HOST)
    return portal and any(p in low for p in _PORTAL_PATHS)


# Asked for every record of a dedup run, and a set has few distinct source fields: each is
# read once.
@lru_cache(maxsize=65536)
def _first_number(text: str) -> str:
    return next(iter(numbers_in_text(text)), "")


def record_number(source: str, url: str = "", doi: str = "") -> str:
    """The registration number a register's record carries, canonical; '' for none. Read from
    its source field (CENTRAL writes the register's address there, ICTRP its number), its URL
    when that is a register's address (an article's URL may be anything), and an ISRCTN DOI
    (10.1186/ISRCTN12345678: ISRCTN gives each record one). An article names its trial's
    number in its abstract, which is not read here: that is a study link, not this record."""
    if number := _first_number(source or ""):
        return number
    if url and is_register_address(url) and (numbers := numbers_in_text(url)):
        return numbers[0]
    m = _ISRCTN_DOI.match(doi or "")
    return canonical_number(m.group(1)) if m else ""
