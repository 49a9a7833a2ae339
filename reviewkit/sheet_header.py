"""The header row of an extraction sheet read back (``extract import``): the record_id column
and the protocol's field ids, each column one of them or a column ``extract export`` wrote.

A column that is none of them is refused (its values would be lost). It was named with the
list of fields; a column renamed in a spreadsheet ('country' retitled 'Country of study', or
'Country' by a spreadsheet's autocorrect) is now named with the field it was: the one field the
header lacks, or the field it spells with other capitals, spaces or '_' for '-'.
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
    if was := _renamed_from(col, unknown, header, fields):
        hint = (
            f"was it the field {was!r}, renamed? The sheet lacks that column: name it {was!r}"
            f" again (the columns are the protocol's field ids); {hint}"
        )
    raise UserError(f"unknown field {col!r}", where=where, hint=hint)


def _key(name: str) -> str:
    return "".join(name.casefold().replace("_", "-").split())


def _renamed_from(
    col: str, unknown: Sequence[str], header: Sequence[str], fields: Sequence[str]
) -> str:
    """The field ``col`` was before a rename, or '': the field it spells another way, or the
    only field the header lacks when ``col`` is the only unknown column (one renamed; with
    more, which was which cannot be told)."""
    missing = [f for f in fields if f not in header]
    same = [f for f in missing if _key(f) == _key(col)]
    if same:
        return same[0]
    return missing[0] if len(missing) == 1 and len(unknown) == 1 else ""
