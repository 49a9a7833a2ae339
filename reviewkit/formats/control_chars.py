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
of them. NUL is refused with its line before any reader runs (:mod:`reviewkit.formats.text`); C1
controls (U+0080-U+009F) are left alone: they are Windows-1252 punctuation read as Latin-1,
a character lost in a wrong decoding, not a mark without meaning.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from reviewkit.formats.read_warnings import ReadWarning, Warn
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
            new = [AbstractSection(_clean(s.label, seen), _clean(s.text, seen)) for s in value]
        elif isinstance(value, list):
            new = [_clean(v, seen) if isinstance(v, str) else v for v in value]
        else:
            continue
        if new != value:
            changes[f.name] = new
    return dataclasses.replace(rec, **changes) if changes else rec


def cleaned(records: Iterable[Record], name: str, warn: Warn | None) -> Iterator[Record]:
    """``records`` with the control characters of their text taken out (module docstring);
    when any held one, ``warn`` is told once, after the last record, how many did and which
    characters. A record whose ``raw`` text holds none is passed on untouched (most files)."""
    seen: Counter[str] = Counter()
    held: list[int] = []
    for rec in records:
        if rec.raw and not CONTROL.search(rec.raw):
            yield rec
            continue
        before = sum(seen.values())
        rec = _clean_record(rec, seen)
        if sum(seen.values()) > before:
            held.append(rec.position)
        yield rec
    if held and warn is not None:
        chars = ", ".join(f"U+{ord(c):04X} ×{n}" for c, n in sorted(seen.items()))
        count = quantity(len(held), "record")
        warn(
            ReadWarning(
                name,
                f"{count} held control characters, which are no text ({chars}; first: record"
                f" {held[0]}): taken out (a line or page break or a separator as a space)",
            )
        )
