"""A BibTeX value turned into its text, and the @string macros it may use, carried forward from
chunk to chunk of a file read a part at a time (formats.bibtex_split).

BibTeX reads a file once, top to bottom: an @string is defined where it stands, and a value
may use only the macros defined above it (btxdoc, section 2.1: "you must define a string
before using it"). So a file read in chunks needs nothing of the chunks below: :class:`Macros`
holds the definitions read so far (a few hundred short strings in a real file: journal names,
months, publishers), and each entry is read with those above it, in the file's order.
"""

from __future__ import annotations

import re

from bibtexparser.model import String

from reviewkit.errors import FormatError
from reviewkit.formats.bibtex_values import top_level

# BibTeX's standard styles define the month macros (btxdoc, section 2.1); written bare, they
# are valid without an @string. Month is not a Record field: they stay as written.
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
# An expanded value longer than a whole abstract many times over is an @string "bomb" (each
# macro ten copies of the one before): refused before it takes the memory, as a CSV cell is.
MAX_VALUE = 1_000_000
# Braces in a value nest a few levels in real entries ('{{COVID}-19}', an accent in a
# protected word); thousands deep is a generated or damaged file, refused as XML and TOML
# nested thousands deep are
MAX_DEPTH = 100


def _depth(raw: str) -> int:
    """How deep the braces of a value nest."""
    depth = deepest = 0
    for brace in re.findall(r"[{}]", raw):
        depth += 1 if brace == "{" else -1
        deepest = max(deepest, depth)
    return deepest


def expand(raw: str, strings: dict[str, str], where: str = "") -> str:
    """A value as written -> its text, by BibTeX's rules (btxdoc, section 2.1): parts joined
    by '#', each a {braced} or "quoted" string, a number, or an @string name (names are
    case-insensitive and must be defined above their use, so a loop of @strings is a name
    used before it is defined). An undefined name is refused (BibTeX warns and reads it as
    empty: the value would be lost), except the month macros, which stay as written.
    The grouping braces inside a part are kept here; bibtex.unescape removes them."""
    if _depth(raw) > MAX_DEPTH:
        raise FormatError(
            f"braces nested more than {MAX_DEPTH} deep in one value (real entries nest a few)",
            where=where,
            hint="the file is damaged or generated; export the references again",
        )
    top = top_level(raw)
    cuts = [i for i, ch in enumerate(top) if ch == "#"]
    out = []
    for begin, end in zip([-1, *cuts], [*cuts, len(raw)], strict=True):
        part = raw[begin + 1 : end].strip()
        enclosed = len(part) >= 2 and (part[0], part[-1]) in (("{", "}"), ('"', '"'))
        if enclosed:
            out.append(part[1:-1])
        elif part.lower() in strings:
            out.append(strings[part.lower()])
        elif part.isdigit() or not part or part.lower() in _MONTHS:
            out.append(part)
        else:
            raise FormatError(
                f"@string '{part}' is used but not defined above this line",
                where=where,
                hint=f"define it first, e.g. @string{{{part} = {{...}}}}, or put the value in "
                "braces; nothing was imported",
            )
        if sum(map(len, out)) > MAX_VALUE:
            raise FormatError(
                f"a value that expands to over {MAX_VALUE:,} characters (@strings that repeat "
                "one another)",
                where=where,
                hint="no reference has such a field: the file is damaged or hostile; "
                "nothing was imported",
            )
    return "".join(out)


# the name an @string block defines, read from its text ('@string{jor = {...')
_STRING_NAME = re.compile(r"\s*@\s*string\s*[{(]\s*([^\s=#{}()\",]+)\s*=", re.IGNORECASE)


class Macros:
    """The @string definitions of a file read so far, as text, by name (lower case)."""

    def __init__(self) -> None:
        self.defined: dict[str, str] = {}

    def define(self, block: String, name: str) -> None:
        """Define ``block``'s macro (of file ``name``), which may use the ones above it. A
        definition whose value is refused is defined as empty after the FormatError is
        raised: each use of it below would be refused again, and the damage is one line."""
        try:
            text = expand(str(block.value), self.defined, f"{name}:{block.start_line + 1}")
        except FormatError:
            self.defined[block.key.lower()] = ""
            raise
        self.defined[block.key.lower()] = text

    def broken(self, raw: str) -> None:
        """An @string block that could not be parsed (``raw``, its text; its damage is named):
        its name, where it can be read, is defined as empty, as a refused value's is
        (:meth:`define`), so that each use below is not named again as undefined."""
        if found := _STRING_NAME.match(raw):
            self.defined[found.group(1).lower()] = ""

    def fields(self, entry_fields: dict, name: str) -> dict[str, str]:
        """An entry's ``fields_dict`` as text, field names in lower case."""
        return {
            k.lower(): expand(str(v.value), self.defined, f"{name}:{v.start_line + 1}")
            for k, v in entry_fields.items()
        }
