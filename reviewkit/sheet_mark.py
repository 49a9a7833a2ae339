"""The mark an extraction sheet carries of what it showed (``extract export``'s last column,
``as_exported``), for ``extract import`` to tell a cell left as the sheet showed it (no change,
whatever it was: a prefill, a person's value, empty) from one a person typed, and to tell
whether the project's value changed since the sheet was written.

One cell per row, ``rk3``, five letters of a hash of the row's record id, and then, for each
field the sheet showed, nine letters: four that name the field (a hash of its id) and five of a
hash of the record id, the field id and the value shown. The field's name is 20 bits: two of a
protocol's fields share it with odds of n(n-1)/2 in 2**20, 0.004 % at 10 fields, 0.07 % at 40
(a field sharing a shown field's name reads as shown: its column, added by hand after the
protocol gained it, is read as typed over what the sheet showed). Older marks are read as they
were written: ``rk2`` names a field in two letters (10 bits: 4 % at 10 fields, 54 % at 40; the
first two of the four, the same hash), and ``rk1``, written for a day before the record's own
hash, does not say whose row it was. Why one column of hashes per row, and not a hidden
worksheet or the values shown:

- the export is a CSV (what Excel and LibreOffice open), which has no hidden sheet, and a
  workbook Excel saves from it keeps only the one worksheet;
- a cell of the row moves with the row when a spreadsheet sorts the rows, and goes with it
  when a row is deleted; a mark of the whole sheet (a hash of all rows, a hidden row of
  values) would be lost or misread by either;
- each field is named inside the mark, so moving, adding or deleting columns, or a protocol
  that gained or reordered fields since, leaves it readable (a field it does not name is read
  as a sheet without the mark reads it);
- the record id is in each hash and named on its own, so a mark copied or sorted onto another
  row (its cells pasted from another row, or the field columns sorted apart from the record
  ids and titles) is told: ``extract import`` refuses it naming both records
  (:meth:`RowMark.foreign`), as the title check refuses a row whose title moved;
- hashes, not the values: a copy of every sentence would double the sheet a person reads, and
  be edited by mistake; a spreadsheet leaves text starting with letters as it is (it turns
  no part of ``rk1 ab3k7qz`` into a number or a date).

A value is hashed in the form a spreadsheet's rewrite keeps (:func:`~reviewkit.sheet_values.
value_key`: ``1.50`` and ``1.5`` one number, line ends and accents as
:func:`~reviewkit.sheet_values.read_cell` reads them), so a cell Excel rewrote still shows what
it showed; a date or decimal comma in the locale's form is read back as the values it may be
(:meth:`RowMark.showed`). 25 bits of hash per cell: a value typed over the one shown is taken
for it (no change: the person's edit silently dropped) once in 2**25, about 33 million typed
cells, up to five times that for a cell that reads as a date or a decimal comma too.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reviewkit.errors import FormatError
from reviewkit.sheet_columns import EXTRACTION_MARK_COLUMN
from reviewkit.sheet_values import Locale, read_cell, rewritten_from, same_value, value_key

PREFIX = "rk3"  # the mark's version: another way of marking would be rk4
# base32 letters of a chunk's field tag by the mark's version (rk1, rk2: read, never written;
# rk1 has no record hash), and of its value hash
_TAGS = {PREFIX: 4, "rk2": 2, "rk1": 2}
_TAG, _VALUE = _TAGS[PREFIX], 5
_BASE32 = frozenset("abcdefghijklmnopqrstuvwxyz234567")


def _letters(text: str, n: int) -> str:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:n]


def _tag(field: str, size: int = _TAG) -> str:
    return _letters(f"field\x1f{field}", size)


def _hash(record_id: int, field: str, value: str) -> str:
    return _letters(f"{record_id}\x1f{field}\x1f{value_key(value)}", _VALUE)


def _record(record_id: int) -> str:
    return _letters(f"record\x1f{record_id}", _VALUE)


def row_mark(record_id: int, shown: Mapping[str, str]) -> str:
    """The ``as_exported`` cell of the row of ``record_id`` showing ``shown`` (field id ->
    the value in its cell)."""
    chunks = (_tag(f) + _hash(record_id, f, value) for f, value in shown.items())
    return " ".join((PREFIX, _record(record_id), *chunks))


@dataclass(frozen=True)
class RowMark:
    """What one row's mark says: which fields it showed, and whether it showed a value."""

    record_id: int  # the record of the row it is on
    chunks: frozenset[str]
    record: str | None = None  # the hash of the record it was written for (None: an rk1 mark)
    tag_size: int = _TAG  # letters that name a field in its chunks (by the mark's version)

    def foreign(self) -> bool:
        """Whether the mark was written for another record's row (copied or sorted onto this
        one): then it says nothing of this row's cells."""
        return self.record is not None and self.record != _record(self.record_id)

    def written_for(self, ids: Iterable[int]) -> int | None:
        """The record of ``ids`` whose row the mark was written for (None: none of them)."""
        return next((rid for rid in ids if _record(rid) == self.record), None)

    def covers(self, field: str) -> bool:
        """Whether the sheet showed ``field`` when it was written (a field the protocol gained
        since, its column added by hand, is not)."""
        return any(c.startswith(_tag(field, self.tag_size)) for c in self.chunks)

    def showed(self, field: str, value: str, locale: Locale | None = None) -> bool:
        """Whether ``field``'s cell showed ``value`` (as a spreadsheet's rewrite keeps it).
        With the sheet's ``locale``, ``value`` is a cell read back: one a spreadsheet rewrote
        in its locale's form (a date, a decimal comma) showed a value that
        :func:`~reviewkit.sheet_values.same_value` takes it for, which raises
        :class:`~reviewkit.sheet_values.Ambiguous` where that locale would tell and the sheet
        does not say."""
        if self._has(field, value):
            return True
        if locale is None:
            return False
        return any(
            self._has(field, shown) and same_value(shown, value, locale)
            for shown in rewritten_from(value)
        )

    def _has(self, field: str, value: str) -> bool:
        return _tag(field, self.tag_size) + _hash(self.record_id, field, value) in self.chunks


def read_mark(record_id: int, cell: str | None) -> RowMark | None:
    """The mark of the row of ``record_id`` in its ``as_exported`` ``cell``; None for an empty
    cell or one that is no mark ``extract export`` writes (typed over, cut short)."""
    parts = read_cell(cell).split()
    if not parts or parts[0] not in _TAGS:
        return None
    record, chunks, tag = (parts[1:2] or [""])[0], parts[2:], _TAGS[parts[0]]
    if parts[0] == "rk1":  # no record hash
        record, chunks = None, parts[1:]
    elif not _letters_of(record, _VALUE):
        return None
    if not all(_letters_of(c, tag + _VALUE) for c in chunks):
        return None
    return RowMark(record_id, frozenset(chunks), record, tag)


def _letters_of(chunk: str, size: int) -> bool:
    return len(chunk) == size and set(chunk) <= _BASE32


def cut_short(cell: str) -> bool:
    """Whether ``cell`` (as the file holds it) is the start of a mark ``extract export``
    writes and not a whole one ('rk', 'rk3 lnlq5 idsk', 'rk3 lnlq5 '): in the last row of a
    file that ends without its line break, a file cut inside the mark. The mark has a fixed
    form (its version, then letters in fixed counts one space apart, no space after the last),
    which a cut inside its letters breaks; a cut right after a whole chunk leaves a whole mark
    of fewer fields, which cannot be told. An empty cell (a mark emptied on purpose) and text
    typed over the mark ('checked') are no start of one, nor is a cell cleared with the space
    bar (' '); spaces before a mark are read past, as :func:`read_mark` reads them."""
    cell = cell.lstrip()  # ' ' had split into the version '', the start of every one
    version, *rest = cell.split(" ")
    if not cell or not any(v.startswith(version) for v in _TAGS):
        return False
    if version not in _TAGS:
        return True  # 'r', 'rk': cut inside the version
    if not rest:
        return version != "rk1"  # 'rk3' alone: cut before the record's letters
    chunk = _TAGS[version] + _VALUE
    # rk2 and rk3 name the row's record first (five letters); rk1 has chunks alone
    sizes = [chunk] * len(rest) if version == "rk1" else [_VALUE, *[chunk] * (len(rest) - 1)]
    if not all(_letters_of(part, size) for part, size in zip(rest[:-1], sizes, strict=False)):
        return False  # typed over
    last, size = rest[-1], sizes[-1]
    return len(last) < size and set(last) <= _BASE32


def check_last_cell(header: list[str], row: list[str], where: str) -> None:
    """FormatError when the last row ``row`` of a sheet that ends without its line break ends
    inside its mark (:func:`cut_short`; the column 'extract export' writes last): a file cut
    short (a download, copy or sync that stopped), whose cut row would be read as typed over.
    The CSV reader refuses a last row short of cells (:class:`~reviewkit.formats.csv_read.
    RowShape`); a cut inside the last cell leaves the count whole."""
    last = len(row) - 1
    if last < 0 or last >= len(header) or header[last] != EXTRACTION_MARK_COLUMN:
        return
    if cut_short(row[last]):
        raise FormatError(
            f"the file ends inside the last row's {EXTRACTION_MARK_COLUMN!r} cell"
            f" ({row[last]!r}), which 'extract export' writes whole, and without a final line"
            " break",
            where=where,
            hint="the file looks cut short (a download, copy or sync that stopped): import the"
            " whole file (copy it again from where you saved it); without one, export the sheet"
            " again and type your changes into it; nothing was imported",
        )
