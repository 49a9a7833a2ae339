"""Control characters in a record's text, taken out at import, one place for every format.

C0 control characters other than tab, line feed and carriage return (U+0001-U+0008,
U+000B, U+000C, U+000E-U+001F) and DEL (U+007F) are never text: XML 1.0 allows none of them
(so PubMed never serves one, and an XML export cannot hold one), and no database writes them.
They reach an export from a record typed or pasted by hand into a reference manager: Word's
manual line break is U+000B and its page break U+000C, a PDF's text copied out leaves others.
Kept, they print as nothing or as boxes, split a word in two for the screening's matches,
and go out in every export (the report's .docx and .xlsx put a space for each:
:func:`reviewkit.reports.writers.xml_text`). An Excel workbook's '_x000B_' is read as the
character (:mod:`reviewkit.formats.xlsx`), and so taken out here too. They hold no words, so a
record is not refused for one (a file of thousands would be refused for what no one can see):
each is taken out where the records are read (:func:`cleaned`), those that stand between words
(U+000B, U+000C and the separators U+001C-U+001F, which Python counts as whitespace) as a space,
the others removed, and the import's summary names how many records held them and the first
of them. NUL is refused with its line before any reader runs (:mod:`reviewkit.formats.text`).

C1 controls (U+0080-U+009F) are no mark without meaning but a character lost in a wrong
decoding, and are not taken out: where reviewkit decodes bytes itself, a file read as UTF-8
cannot hold one as a byte (it is refused, not UTF-8), and one declared Latin-1 (or another
ISO-8859 part) holding those bytes is refused as the Windows-1252 (1250, 1251 …) text it is
(:mod:`~reviewkit.formats.declared_encoding`). One that arrives as a character was decoded wrongly before the file was saved: UTF-8 read as
Latin-1 ('â\x80\x99' for '’'), as is text decoded twice as Windows-1252 ('Ã©' for 'é',
'â€™' for '’', mojibake). Such text is warned of once per file, naming the first record and
what it would read (:func:`_garbled`), and imported as it is: repairing it is certain only
for the sequences matched, the rest of the record may have lost characters (U+FFFD) or be
right, and the fix is the export saved as UTF-8 again.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from reviewkit.formats.read_warnings import Placed, ReadWarning, Warn, record_at
from reviewkit.records import AbstractSection, Record
from reviewkit.wording import quantity

CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_AS_SPACE = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
# what a record says of where it came from, not the file's text; raw is the file's text as it was
_NOT_TEXT = frozenset({"source", "origin", "raw"})


def _clean(text: str, seen: Counter[str]) -> str:
    if not CONTROL.search(text):
        return text
    seen.update(CONTROL.findall(text))
    text = CONTROL.sub(lambda m: " " if m.group() in _AS_SPACE else "", text)
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", text).strip(" ")


def _clean_record(rec: Record, seen: Counter[str]) -> Record:
    """``rec`` with its text fields' control characters taken out (counted into ``seen``)."""
    changes: dict[str, object] = {}
    for f in dataclasses.fields(rec):
        if f.name in _NOT_TEXT:
            continue
        value = getattr(rec, f.name)
        if isinstance(value, str):
            new: object = _clean(value, seen)
        elif f.name == "abstract_sections":
            new = [
                AbstractSection(_clean(s.label, seen), _clean(s.text, seen), s.category)
                for s in value
            ]
        elif isinstance(value, list):
            new = [_clean(v, seen) if isinstance(v, str) else v for v in value]
        else:
            continue
        if new != value:
            changes[f.name] = new
    return dataclasses.replace(rec, **changes) if changes else rec


# UTF-8 decoded as Windows-1252 or Latin-1: a lead byte (U+00C2-U+00EF as those read it)
# followed by one or two continuation bytes (0x80-0xBF: U+0080-U+00BF in Latin-1, or
# Windows-1252's characters for 0x80-0x9F); what is matched is confirmed by decoding it back
_CONTINUATION = "\u0080-\u00bf" + bytes(range(0x80, 0xA0)).decode("cp1252", "ignore")
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}")


# what garbled reference text reads as, decoded back: accented Latin letters, Greek (a
# statistic's α, β, μ), punctuation (’ – “ …), currency and letterlike signs (€, ™), and
# mathematical signs (≤, ≥). A sign before a no-break space or a symbol reads as a Hebrew,
# Arabic or Cyrillic letter ('×\xa0', 'Ð…'): text of its own, not garbled (PubMed's 2021
# update file flagged 115 articles, mostly '×\xa0', before this; see the commit of round 21)
_READS = re.compile("[\u00a0-\u03ff\u2000-\u214f\u2190-\u22ff]+")
# a word of another script garbled (a Russian, Chinese or Arabic title: 'Ð”ÐµÐ¿' for 'Деп'):
# two garbled sequences or more in a row, each one a letter of any script, which no text of
# its own writes (one letter alone may be a sign before a no-break space, '×\xa0', as above)
_RUN = re.compile(f"(?:{_MOJIBAKE.pattern})+")
# where a garbled sequence may start: a lead character and a continuation, which every one
# begins with; searched for first, as one character class is scanned for ten times faster than
# _RUN's alternation is tried at every character (the 2021 update file's 233 MB of articles:
# 0.9 s against 6.8 s of CPU, the same runs found)
_PAIR = re.compile(f"[\u00c2-\u00ef][{_CONTINUATION}]")
_LETTERS_IN_A_ROW = 2
_SHOWN = 6


def _garbled(text: str) -> tuple[str, str] | None:
    """The first text in ``text`` that is UTF-8 decoded as Windows-1252 or Latin-1, and what
    it reads as UTF-8: ('Ã©', 'é'), or a run of another script's letters ('Ð”Ðµ', 'Де');
    None when there is none."""
    for run in _runs(text):
        letters: list[tuple[str, str]] = []  # the run's garbled letters of another script
        for m in _MOJIBAKE.finditer(run.group()):
            reads = _decoded_back(m.group())
            if reads is not None and _READS.fullmatch(reads):
                return m.group(), reads
            if reads is not None and reads.isalpha():
                letters.append((m.group(), reads))
                continue
            if len(letters) >= _LETTERS_IN_A_ROW:
                break
            letters = []
        if len(letters) >= _LETTERS_IN_A_ROW:
            shown = letters[:_SHOWN]  # a long title's first letters: enough to see it by
            return "".join(g for g, _ in shown), "".join(r for _, r in shown)
    return None


def _runs(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_RUN` in ``text``, as ``_RUN.finditer`` gives them: each tried
    only where :data:`_PAIR` finds one may start."""
    pos = 0
    while (pair := _PAIR.search(text, pos)) is not None:
        run = _RUN.match(text, pair.start())
        if run is None:  # a three-byte lead followed by one continuation only
            pos = pair.start() + 1
            continue
        yield run
        pos = run.end()


def _decoded_back(garbled: str) -> str | None:
    """``garbled`` (one sequence :data:`_MOJIBAKE` matched) as UTF-8 once more; None when its
    bytes are no UTF-8."""
    raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in garbled)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


# what a record's text holds when it may be warned of after reading: a control character, a
# lead character of UTF-8 decoded as Windows-1252 (:data:`_MOJIBAKE`), U+FFFD (the importer's)
_MAY_WARN = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u00c2-\u00ef\ufffd]")


def may_be_warned_of(record: Record) -> bool:
    """Whether ``record``'s text (its ``raw`` text, else its title, abstract and authors) may
    hold what the import warns of after reading it: a reader then tells where it starts
    (:class:`~reviewkit.formats.read_warnings.Placed`), so that the warning names its line. A
    quick look, not the judgement: an 'é' is looked at too (most records hold none)."""
    text = record.raw or f"{record.title} {record.abstract} {' '.join(record.authors)}"
    return _MAY_WARN.search(text) is not None


@dataclasses.dataclass
class Garbled:
    """The records of one file holding text decoded in a wrong encoding (:func:`_garbled`): how
    many, and the first ((its place as :func:`record_at` says it, the text, what it reads)),
    told once when the file is read (:meth:`tell`). A parallel reader's batches each keep one,
    added up in file order (:meth:`add`): the warning is the serial reader's."""

    count: int = 0
    first: tuple[str, str, str] | None = None

    def see(self, rec: Record, where: str, file_format: str) -> None:
        """Count ``rec`` (starting at ``where``, 'file:line', or '') when its text is garbled."""
        if found := _garbled(rec.raw or f"{rec.title} {rec.abstract}"):
            self.count += 1
            self.first = self.first or (record_at(where, file_format, rec.position), *found)

    def add(self, later: Garbled) -> None:
        """The records of ``later`` (a batch after these) counted with these."""
        self.count += later.count
        self.first = self.first or later.first

    def tell(self, name: str, warn: Warn) -> None:
        """The one warning of file ``name``, when a record held such text."""
        if self.first is None:
            return
        first, text, reads = self.first
        warn(
            ReadWarning(
                name,
                f"{quantity(self.count, 'record')} held text decoded in a wrong encoding before"
                f" the file was saved ('{text}' for '{reads}'; first: {first}):"
                " imported as it is; where the database shows it right, export the records"
                " again as UTF-8",
            )
        )


class Starts:
    """The ``warn`` given to a reader: each warning passed on to ``warn``, and the start of
    each record it places (:class:`~reviewkit.formats.read_warnings.Placed`) kept by position
    until :meth:`take` takes it (a record is placed before it is given)."""

    def __init__(self, warn: Warn | None) -> None:
        self.warn = warn
        self.starts: dict[int, str] = {}

    def __call__(self, warning: ReadWarning) -> None:
        if isinstance(warning, Placed):
            self.starts[int(warning.message)] = warning.where
        if self.warn is not None:
            self.warn(warning)

    def take(self, position: int) -> str:
        """Where the record at ``position`` starts ('file:line'); '' when it was not placed."""
        return self.starts.pop(position, "")


def cleaned(
    read: Callable[[Warn], Iterable[Record]], name: str, warn: Warn | None, file_format: str
) -> Iterator[Record]:
    """The records ``read(warn)`` gives, with the control characters of their text taken out
    (module docstring); when any held one, ``warn`` is told once, after the last record, how
    many did and which characters, naming the first by its line (a worksheet's row). A record
    whose ``raw`` text holds none is passed on untouched (most files)."""
    starts = Starts(warn)
    seen: Counter[str] = Counter()
    held: list[str] = []  # the first record holding a control character, by its line
    garbled = Garbled()
    held_count = 0  # records holding control characters
    for rec in read(starts):
        where = starts.take(rec.position)
        garbled.see(rec, where, file_format)
        if rec.raw and not CONTROL.search(rec.raw):
            yield rec
            continue
        before = sum(seen.values())
        rec = _clean_record(rec, seen)
        if sum(seen.values()) > before:
            held_count += 1
            held = held or [record_at(where, file_format, rec.position)]
        yield rec
    if warn is None:
        return
    garbled.tell(name, warn)
    if held:
        chars = ", ".join(f"U+{ord(c):04X} ×{n}" for c, n in sorted(seen.items()))
        warn(
            ReadWarning(
                name,
                f"{quantity(held_count, 'record')} held control characters, which are no text"
                f" ({chars}; first: {held[0]}): taken out (a line or page"
                " break or a separator as a space)",
            )
        )
