"""The header row of an extraction sheet read back (``extract import``): the record_id column
and the protocol's field ids, each column one of them or a column ``extract export`` wrote.

A column that is none of them is refused (its values would be lost). It was named with the
list of fields; a column renamed in a spreadsheet ('country' retitled 'Country of study', or
'Country' by a spreadsheet's autocorrect) is now named with the column it was: the one it
spells with other capitals, spaces or '_' for '-' (a field, or a column the export wrote), or
the one field the header lacks when the column stands where the export put that field.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reviewkit.errors import UserError


def check_header(
    header: Sequence[str], fields: Sequence[str], read_only: Collection[str], where: str
) -> None:
    """UserError at ``where`` (the sheet's line 1) for a header without record_id or with a
    column that is neither a field of ``fields`` nor one of ``read_only``."""
    if "record_id" not in header:
        raise UserError(
            "no record_id column",
            where=where,
            hint="export first with 'reviewkit extract export'",
        )
    unknown = [col for col in header if col not in read_only and col not in fields]
    if not unknown:
        return
    col = unknown[0]
    hint = f"fields: {', '.join(fields)}"
    if was := _renamed_from(col, unknown, header, fields, read_only):
        what = f"the field {was!r}" if was in fields else f"the column {was!r} the export wrote"
        # a guess: the column may be one of the user's own, whose values no field would take
        hint = (
            f"was it {what}, renamed? The sheet lacks that column: name it {was!r} again;"
            f" a column of your own, delete it (only the protocol's fields are read); {hint}"
        )
    raise UserError(f"unknown field {col!r}", where=where, hint=hint)


def _key(name: str) -> str:
    return "".join(name.casefold().replace("_", "-").split())


def _renamed_from(
    col: str,
    unknown: Sequence[str],
    header: Sequence[str],
    fields: Sequence[str],
    read_only: Collection[str],
) -> str:
    """The column ``col`` was before a rename, or '': the field or export column it spells
    another way, or the only field the header lacks when ``col`` is the only unknown column
    (one renamed; with more, which was which cannot be told) and stands where the export put
    that field, between the fields before and after it in the protocol's order (a column added
    at the end of a sheet exported before the protocol gained a field was taken for it)."""
    missing = [f for f in (*fields, *read_only) if f not in header]
    same = [f for f in missing if _key(f) == _key(col)]
    if same:
        return same[0]
    missing = [f for f in missing if f in fields]
    if len(missing) != 1 or len(unknown) != 1:
        return ""
    order = {f: i for i, f in enumerate(fields)}
    place, at = order[missing[0]], header.index(col)
    before = [order[h] for h in header[:at] if h in order]
    after = [order[h] for h in header[at + 1 :] if h in order]
    return missing[0] if all(i < place for i in before) and all(i > place for i in after) else ""
