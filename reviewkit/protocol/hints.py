"""What to do about a protocol's bad query or broken TOML: the parsers say what is wrong, these
say how to fix it (a message that named the fault but not the fix left the user guessing)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from reviewkit.protocol.keys import HOMES
from reviewkit.protocol.names import ID_RE
from reviewkit.query import QuerySyntaxError

# the query parser's messages (reviewkit.query), by their start, and the fix for each
_QUERY_FIXES = (
    (
        "unclosed double quote",
        "every phrase needs its closing '\"'; the caret shows the quote left over, so look"
        " for the phrase before it that lost its closing quote",
    ),
    ("'(' is never closed", "add the missing ')' (or delete this '(')"),
    ("')' without a matching '('", "delete this ')' or add the '(' it closes"),
    ("unclosed field tag", "close the field tag with ']', e.g. [tiab]"),
    ("']' without '['", "open the field tag with '[', e.g. [tiab]"),
    ("empty parentheses", "put a term between the parentheses, or delete them"),
    ("empty quoted phrase", "put words between the quotes, or delete them"),
    ("unknown field tag", "use a PubMed field tag such as [tiab], [mh], [dp] or [pt]"),
)


def query_fix(exc: QuerySyntaxError) -> str:
    """One line saying how to fix the query, then (from the caller) the query with a caret."""
    for start, fix in _QUERY_FIXES:
        if exc.message.startswith(start):
            return f"{fix}; the query as read:"
    return "correct the query as PubMed would read it; the query as read:"


# A protocol written in another configuration language (converted by a script, or a tool's
# JSON or YAML copied): its first line that is no comment opens a JSON object ('{'), or is a
# YAML document start ('---') or a YAML mapping key ('review:'), which TOML writes '[review]'.
_YAML_KEY = re.compile(r"[A-Za-z_][\w-]*:(\s|$)")


def other_language(text: str) -> str:
    """'JSON' or 'YAML' when a file that is no valid TOML opens as one of them, else ''."""
    lines = (ln.strip() for ln in text.splitlines())
    first = next((ln for ln in lines if ln and not ln.startswith("#")), "")
    if first.startswith("{"):
        return "JSON"
    if first == "---" or _YAML_KEY.match(first):
        return "YAML"
    return ""


def toml_where(message: str, path: str | Path, text: str) -> str:
    """'path:N', the line tomllib's error ``message`` on ``text`` names ('(at line N, …)'), or
    the file's last line for an error at its end ('(at end of document)', a file cut short or
    a bracket never closed); 'Expected newline or end of document after a statement (at line
    N …)', two keys on one line, is no cut."""
    if _at_end(message):
        return f"{path}:{text.rstrip().count(chr(10)) + 1}"
    m = re.search(r"line (\d+)", message)
    return f"{path}:{m.group(1)}" if m else str(path)


def _at_end(message: str) -> bool:
    """Whether tomllib's error ``message`` is at the end of the text (it names no line)."""
    return "(at end of document)" in message


def toml_fix(message: str, text: str = "") -> str:
    """What to do about tomllib's error ``message`` on the protocol ``text`` ('' when nothing
    more useful can be said)."""
    if _at_end(message):
        return "the file ends inside a value: cut short, or a quote or bracket never closed"
    if table := _array_after_table(message, text):
        return table
    if m := re.search(r"Cannot declare \(([^)]*)\) twice", message):
        table = ".".join(part.strip(" '\"") for part in m.group(1).split(","))
        return (
            f"the table [{table}] is declared twice: merge the two, or give the second an id of"
            " its own (a scheme, stage or table needs one header)"
        )
    if "Cannot overwrite a value" in message or "Cannot mutate" in message:
        return "a key is set twice in one table: keep one of the two lines"
    if "Expected ']' at the end of a table declaration" in message:
        return "close the table header with ']' (an array of tables with ']]'), e.g. [review]"
    if "Invalid value" in message:
        return 'put text in quotes (name = "…"); numbers, true/false and [lists] go without'
    if "'\\r'" in message or _char_at(message, text) == "\r":
        # a lone carriage return (CR), an old Mac's line end, among LF ones: TOML ends a line
        # with LF or CRLF only (a file ended by CR alone throughout is read: protocol.reading)
        return (
            "this line ends with a carriage return alone (CR, an old Mac's line end, pasted"
            " in): save the file with Unix (LF) or Windows (CRLF) line ends"
        )
    if "Illegal character '\\n'" in message:  # a quoted string broken over two lines
        return (
            "a text in quotes ends on its own line: close the quote, or write a text of"
            ' several lines in triple quotes ("""…""")'
        )
    if "Expected newline or end of document after a statement" in message:
        return (
            "more follows a value on this line: give each key = value a line of its own, and"
            " put a text with a quote in it in single quotes ('…\"…')"
        )
    return "see protocols/*.toml for a protocol written correctly"


def _char_at(message: str, text: str) -> str:
    """The character of ``text`` where tomllib's ``message`` says '(at line L, column C)'."""
    m = re.search(r"at line (\d+), column (\d+)", message)
    lines = text.split("\n")
    if not m or not 0 < int(m.group(1)) <= len(lines):
        return ""
    line, column = lines[int(m.group(1)) - 1], int(m.group(2))
    return line[column - 1] if 0 < column <= len(line) else ""


def _array_after_table(message: str, text: str) -> str:
    """The fix when tomllib's 'Cannot overwrite a value' stands at a '[[NAME]]' header after a
    '[NAME]' one: the first search, label or extraction field written as one table (single
    brackets), the next as one of a list of them; tomllib's words suggest a key set twice."""
    m = re.search(r"Cannot overwrite a value \(at line (\d+)", message)
    lines = text.splitlines()
    if not m or not 0 < int(m.group(1)) <= len(lines):
        return ""
    header = re.fullmatch(r"\s*\[\[\s*([^\]]+?)\s*\]\]\s*(?:#.*)?", lines[int(m.group(1)) - 1])
    if not header:
        return ""
    name = header.group(1)
    single = re.compile(rf"\s*\[\s*{re.escape(name)}\s*\]\s*(?:#.*)?")
    first = next((n for n, ln in enumerate(lines, 1) if single.fullmatch(ln)), 0)
    if not first:
        return ""
    return (
        f"[{name}] on line {first} is one table, and [[{name}]] here one of a list of them:"
        f" write [[{name}]] on line {first} too (each of the list has double brackets)"
    )


def home_of(key: str, allowed: frozenset[str]) -> str:
    """ "; 'reason_required' belongs in a [stages.NAME] table" for a key, or its near
    misspelling, that another table holds and this one (``allowed``) does not; '' otherwise."""
    folded = key.casefold().replace("-", "_")
    for home, keys in HOMES:
        near = difflib.get_close_matches(folded, sorted(keys), n=1, cutoff=0.8)
        if near and near[0] not in allowed:
            return f"; {near[0]!r} belongs in a {home} table"
    return ""


def id_hint(value: str) -> str:
    """What a valid id looks like, with ``value`` made into one when it can be."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", value.strip().lower()).strip("-_")
    example = f", e.g. {slug!r}" if ID_RE.match(slug) else ""
    return f"use lower case, digits, '-' or '_', starting with a letter or digit{example}"
