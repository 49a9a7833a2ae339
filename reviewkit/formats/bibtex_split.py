"""A BibTeX file split into bibtexparser's blocks, checked, a chunk of entries at a time.

bibtexparser v2 parses a whole string into one Library (its Splitter and ``parse_file`` read
all of it; there is no incremental parse), and the Library of a 160 MB file took 1.4 GB
(benchmarks/results/import-text.md). Its Splitter begins a block at every '@type{' or
'@type(' at a line start (after blanks) and aborts an open block there ("Unexpected block
start"), whatever braces or quotes are open: so the text cut before such lines parses into
the same blocks as the whole text. :func:`libraries` takes the file's lines as they are read
(formats.text_stream: the text is never held whole) and cuts them so, about every
:data:`CHUNK_CHARS`, and parses each chunk with its line numbers counted from its place in
the file; the next chunk's opening mark is put after each chunk, so that an entry left open
there fails as it does in the whole file (aborted by the next block), and the block it opens
is dropped. What spans the file is carried from chunk to chunk by the reader: the @string
macros (formats.bibtex_macros), the volumes that crossrefs name (formats.bibtex_crossref).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator

import bibtexparser
from bibtexparser.exceptions import ParsingException
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ImplicitComment, ParsingFailedBlock
from bibtexparser.splitter import Splitter

from reviewkit.errors import FormatError
from reviewkit.formats import joined
from reviewkit.formats.bibtex_values import top_level, unused_marks
from reviewkit.formats.read_problems import line_of

# about 650 entries of a database's export (1-2 KB each with its abstract). The Library of
# a chunk takes several times its text: 12,000 generated entries (17 MB) parsed in chunks of
# 8 MB grew the peak by 67 MB, of 2 MB by 10 MB, of 1 MB by 5 MB, at 3.4, 3.7 and 3.8 CPU-s;
# with each chunk let go before the next is read (round 26), 8,000 entries read in chunks of
# 2 MB grew the peak resident memory by 30 MB, of 1 MB by 20 MB (9.2 and 9.4 CPU-s); every
# BibTeX file larger than a chunk gains it, for no measurable time
CHUNK_CHARS = 1 << 20
# a line starting a block as bibtexparser's Splitter sees one (splitter._BLOCK_START)
_BLOCK_START = re.compile(r"[^\S\n]*(@\w*[ \t]*[{(])")
# where a chunk may end: before a line that opens a block as exporters write one, an entry
# '@type{key,' or an @string, @preamble or @comment; not before any other block start, such
# as a value's line '@WHO (World ...', which would part a failed entry from the rest of its
# text (bibtex_split names them together). Every such line is one of _BLOCK_START's.
_CUT = re.compile(
    r"[^\S\n]*(@(?:\w+[ \t]*[{(](?=[ \t]*[^\s,{}()\"=]+[ \t]*,)"
    r"|(?i:string|preamble|comment)[ \t]*[{(]))"
)


def libraries(
    lines: Iterable[str], name: str
) -> Iterator[tuple[bibtexparser.Library, list[str], int, list[FormatError], bool]]:
    """(library, its chunk's lines, the chunk's first line (0-based), the chunk's problems,
    whether it is the file's last chunk) for each chunk of the file. The problems, by line: the
    blocks bibtexparser could not read, a key used before (in any chunk), a stray '@', text
    outside entries, a field swallowed by a missing comma."""
    seen: dict[str, int] = {}
    for chunk, after, first in _chunks(lines):
        library = _parse("\n".join(chunk) + "\n", after, first, name)
        # the text outside entries is checked for another export once the file has an entry,
        # in this chunk or an earlier one (a chunk may hold none: a trailing @comment)
        has_entries = bool(seen or library.entries)
        problems = [
            *_block_problems(library, name, has_entries),
            *_comma_problems(library, chunk, first, name),
        ]
        for entry in library.entries:
            if (line := seen.setdefault(entry.key, entry.start_line)) != entry.start_line:
                problems.append(_repeated_key(entry.key, entry.start_line, line, name))
        problems.sort(key=line_of)
        yield library, chunk, first, problems, not after
        # let go of the chunk and its Library before the next chunk's lines are read and
        # parsed: held over, two chunks' worth were alive at the peak (see read_lines)
        del library, chunk, problems


def parsed(
    lines: Iterable[str], name: str, wanted: Callable[[list[str]], bool]
) -> Iterator[bibtexparser.Library]:
    """The libraries of the chunks whose lines ``wanted`` says are needed, unchecked (the
    reading pass checks them): a pass for what spans the file, which parses only the chunks
    that hold it (formats.bibtex_crossref.lent)."""
    for chunk, after, first in _chunks(lines):
        if wanted(chunk):
            yield _parse("\n".join(chunk) + "\n", after, first, name)


def echoes(library: bibtexparser.Library, problems: list[FormatError]) -> set[int]:
    """The first lines (0-based) of the entries of a chunk's ``library`` that its
    ``problems`` (:func:`libraries`) name or made, not to be read for more: an entry holding
    a problem's line (a field swallowed by a missing comma, a repeated key), and an entry
    that does not open as exporters write one ('@type{key,' on its line): a value's line
    starting '@word (' or '@word {' is a block start to bibtexparser, which aborts the entry
    there and reads the rest of the value as an entry of its own (its fields then outside any
    entry, in the next chunk when a chunk ends there)."""
    if not problems:
        return set()
    named = {line_of(problem) - 1 for problem in problems}
    return {
        entry.start_line
        for entry in library.entries
        if named & set(range(entry.start_line, entry.start_line + entry.raw.count("\n") + 1))
        or not OPENS_ENTRY.match(entry.raw)
    }


# an entry's opening line as exporters write it: '@article{key,' (its key in group 1; the
# crossref scan reads keys with it too)
ENTRY_KEY = r"[^\s,{}()\"=]+"
OPENS_ENTRY = re.compile(rf"[^\S\n]*@[ \t]*\w+[ \t]*[{{(][ \t]*({ENTRY_KEY})[ \t]*,")


def _repeated_key(key: str, line: int, before: int, name: str) -> FormatError:
    """An entry at ``line`` whose key the entry at ``before`` has (both 0-based): in one chunk
    (bibtexparser's DuplicateBlockKeyBlock) or in two, one message."""
    return FormatError(
        f"broken BibTeX entry: Duplicate entry key '{key}' (the entry at line {before + 1} "
        "has it too)",
        where=f"{name}:{line + 1}",
        hint="give one of the two entries another key, or delete the copy",
    )


def _chunks(lines: Iterable[str]) -> Iterator[tuple[list[str], str, int]]:
    """(a chunk's lines, the mark opening the next chunk or '', the chunk's first line,
    0-based): a chunk ends before the first line opening a block as exporters write one
    (:data:`_CUT`) after CHUNK_CHARS, or any block start after four times that."""
    chunk: list[str] = []
    size = first = 0
    for number, line in enumerate(lines):
        # past four chunks' size with no such line (a key on the line below '@type{'),
        # any block start ends one: the file is never parsed whole
        cut = _CUT if size < 4 * CHUNK_CHARS else _BLOCK_START
        if size >= CHUNK_CHARS and "@" in line and (start := cut.match(line)):
            yield chunk, start.group(1), first
            chunk, size, first = [], 0, number
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        yield chunk, "", first


def _parse(chunk: str, after: str, first: int, name: str) -> bibtexparser.Library:
    """bibtexparser's parse of a chunk (as ``parse_string`` with no middleware), with its log
    warnings silenced (we report the failed blocks) and lines counted from ``first``.

    The values are kept as written (with their braces and quotes): checked here, and turned
    into text by formats.bibtex_macros.
    """
    log = logging.getLogger("bibtexparser.splitter")
    previous = log.disabled
    log.disabled = True
    hidden, mark = _hide_backslashes(chunk)
    try:
        splitter = Splitter(hidden + "\n" + after if after else hidden)
        # its counters start at -1 for the line break it puts first (Splitter.__init__)
        splitter._current_line = splitter._implicit_comment_start_line = first - 1
        library = splitter.split()
    except ParsingException as exc:
        raise FormatError(f"broken BibTeX: {exc}", where=name) from None
    finally:
        log.disabled = previous
    if after:  # the next chunk's opening mark, open at the end: not this chunk's
        end = first + chunk.count("\n")
        library.remove([b for b in library.blocks if b.start_line >= end])
    if mark:
        _show_backslashes(library, mark)
    return library


# An escaped backslash '\\' (LaTeX's line break, or a backslash in a Windows path) before a brace
# or a quote: bibtexparser's Splitter takes any mark after a backslash for an escaped one
# (splitter._MARK_PATTERN, '(?<!\\)'), so the '{' of '\\{x}' is text to it and the value's
# braces no longer balance (the entry fails, its fields below fall outside it). BibTeX reads
# the pair as one escape and the brace as a brace, as formats.bibtex_values.top_level does:
# each pair is hidden from the Splitter as a noncharacter the chunk does not hold
# (bibtex_values.unused_marks: a file may hold one) and put back in what it read.
_PAIR = "\\\\"


def _hide_backslashes(chunk: str) -> tuple[str, str]:
    """The chunk with each escaped backslash hidden, and the mark hiding them; the chunk itself
    and '' when it has none (or holds every noncharacter, which no export does)."""
    if _PAIR not in chunk or not (mark := unused_marks(chunk, 1)):
        return chunk, ""
    return chunk.replace(_PAIR, mark[0]), mark[0]  # pairs from the left, as a backslash escapes


def _show_backslashes(library: bibtexparser.Library, mark: str) -> None:
    """Put the pairs hidden as ``mark`` back into every text the Splitter read (raw blocks,
    keys, values, comments)."""
    for block in library.blocks:
        for part in (block, *getattr(block, "fields", ())):
            for attr in ("_raw", "_key", "_value", "_comment"):
                if isinstance(text := getattr(part, attr, None), str) and mark in text:
                    setattr(part, attr, text.replace(mark, _PAIR))


# Outside braces and quotes a BibTeX value is numbers, @string names and '#': never 'name ='.
# When the comma after a value is missing, bibtexparser reads the next field into that value.
_SWALLOWED = re.compile(r"(?:^|(?<=\s))([A-Za-z_][\w:.+-]*)\s*=")


def _comma_problems(
    library: bibtexparser.Library, lines: list[str], first: int, name: str
) -> Iterator[FormatError]:
    """An entry whose fields are not separated by commas (they would merge silently), once
    each; ``lines`` are the chunk's, whose first is the file's line ``first`` (0-based)."""
    for entry in library.entries:
        for field in entry.fields:
            found = _SWALLOWED.search(top_level(field.value))
            if not found:
                continue
            swallowed = found.group(1)
            pattern = re.compile(rf"(?:^|[\s}}\"]){re.escape(swallowed)}\s*=")
            line = field.start_line - first  # the field's own line, then the lines after it
            own = lines[line].partition("=")[2] if line < len(lines) else ""
            if not pattern.search(own):
                line = next(
                    (n for n in range(line + 1, len(lines)) if pattern.search(lines[n])), line
                )
            yield FormatError(
                f"no comma between field '{field.key}' and field '{swallowed}' of entry "
                f"'{entry.key}' (they would be read as one value)",
                where=f"{name}:{first + line + 1}",
                hint=f"add ',' after the value of '{field.key}', before '{swallowed} =' "
                "(the fields of an entry are separated by commas)",
            )
            break


def _failure(block: object) -> str:
    """First line of what bibtexparser says is wrong with a failed block."""
    error = getattr(block, "error", None)
    detail = getattr(error, "abort_reason", "") or (str(error) if error else "")
    lines = [ln.strip() for ln in detail.splitlines() if ln.strip()]
    return lines[0] if lines else "syntax error"


_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)", re.MULTILINE)
_FIELD_OUTSIDE = re.compile(r"^[ \t,]*([A-Za-z][\w:.+-]*)[ \t]*=[ \t]*[{\"\w]", re.MULTILINE)


def _block_problems(
    library: bibtexparser.Library, name: str, has_entries: bool
) -> Iterator[FormatError]:
    """The blocks bibtexparser could not read, then stray '@'s and text outside entries
    (``has_entries``: whether the file has an entry up to this chunk's end)."""
    comments = {b.start_line: b for b in library.blocks if isinstance(b, ImplicitComment)}
    starts = {b.start_line: b for b in library.entries}
    covered: set[int] = set()  # the comments holding fields that a problem below names
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            before = block.previous_block.start_line
            yield _repeated_key(block.key, block.start_line, before, name)
            continue
        # an extra '}' inside a value, text after it ('{x} in [0, 1]}'): the entry failed and
        # closed there, its fields below left outside; one damage, named once, at its field
        end = block.start_line + block.raw.count("\n")
        after = comments.get(end)
        if after and _FIELD_OUTSIDE.search(after.raw) and (last := _last_field(block.raw)):
            covered.add(end)
            yield FormatError(
                f"broken BibTeX entry: a '}}' in the value of field '{last[0]}' (line "
                f"{block.start_line + last[1] + 1}) closes the entry early: the fields below it"
                " would be lost",
                where=f"{name}:{block.start_line + 1}",
                hint=f"remove the extra '}}' from the value of '{last[0]}', or add the '{{' it "
                "closes (every '{' needs one '}')",
            )
            continue
        if handle := _value_line_taken_for_entry(block, starts, name):
            # the rest of the value, and the entry's fields below it, fell outside entries
            covered |= _rest_of_entry(library, block)
            yield handle
            continue
        if unclosed := _unclosed_field(block.raw):
            field, line = unclosed
            yield FormatError(
                f"broken BibTeX entry: the value of field '{field}' (line "
                f"{block.start_line + line + 1}) opens a '{{' that is never closed",
                where=f"{name}:{block.start_line + 1}",
                hint=f"add the missing '}}' to the value of '{field}', or remove its stray '{{' "
                "(an abstract's formula or interval pasted in, as '[0, 1)')",
            )
            continue
        yield FormatError(
            f"broken BibTeX entry: {_failure(block)}",
            where=f"{name}:{block.start_line + 1}",
            hint="check the braces and quotes of this entry (every '{' needs a '}')",
        )
    yield from _stray_problems(library, name, has_entries, covered)


def _value_line_taken_for_entry(
    block: ParsingFailedBlock, starts: dict[int, Entry], name: str
) -> FormatError | None:
    """A failed entry whose value holds a line starting '@name (' or '@name {' (a handle, an
    address wrapped at its '@'), the line named; None when the block that aborted it opens as
    an exporter writes an entry ('@type{key,': the failed entry's own brace is missing). BibTeX
    reads an '@' inside a value as text; bibtexparser takes one at a line start for a new
    entry, whatever braces are open, and the entry's balanced value looked unclosed."""
    reason = getattr(block.error, "abort_reason", "")
    if not reason.startswith("Unexpected block start"):
        return None
    end = block.start_line + block.raw.count("\n")
    taken = starts.get(end + 1) or starts.get(end)
    if taken is None or OPENS_ENTRY.match(taken.raw):
        return None
    found = _BLOCK_START.match(taken.raw)
    mark = found.group(1) if found else taken.raw.split("\n")[0]
    last = _last_field(block.raw)
    where = f"in the value of field '{last[0]}'" if last else "inside the entry"
    line = taken.start_line + 1
    return FormatError(
        f"broken BibTeX entry: line {line}, {where}, starts with '{mark}', read as the start of"
        " a new entry",
        where=f"{name}:{block.start_line + 1}",
        hint=f"join line {line} to the line above it (BibTeX reads an '@' inside a value as "
        "text, but not one starting a line before '(' or '{')",
    )


def _rest_of_entry(library: bibtexparser.Library, failed: ParsingFailedBlock) -> set[int]:
    """The first lines of the comments after the ``failed`` entry, up to the next block that is
    no piece of it (one opening as exporters write an entry, or any block but an entry and a
    comment): the rest of its text, cut into blocks."""
    blocks = library.blocks
    rest = set()
    for block in blocks[next(i for i, b in enumerate(blocks) if b is failed) + 1 :]:
        if isinstance(block, ImplicitComment):
            rest.add(block.start_line)
        elif not isinstance(block, Entry) or OPENS_ENTRY.match(block.raw):
            break
    return rest


def _last_field(raw: str) -> tuple[str, int] | None:
    """(name, line within ``raw``) of the last field that starts a line of an entry's text."""
    found = None
    for number, line in enumerate(raw.split("\n")[1:], start=1):
        if start := _FIELD_START.match(line):
            found = (start.group(1), number)
    return found


# a field's name at a line start inside an entry ('  abstract = {', ',note={')
_FIELD_START = re.compile(r"[\s,]*([A-Za-z][\w:.+-]*)\s*=")
_BRACE = re.compile(r"\\.|[{}]")


def _unclosed_field(raw: str) -> tuple[str, int] | None:
    """(name, line within ``raw``) of the field of a failed entry's text whose value opens a
    '{' it never closes: Zotero and Mendeley write an abstract as it was typed, and one holding
    an interval ('[0, 1)') or a formula's lone brace swallows the fields below it (a line
    'name =' inside its value), its '}' taken for the entry's, and the next entry aborts it.
    bibtexparser names only the entry and what it met at the next '@'; the field is where
    the fix is. None when no field is open so (the entry's own '}' is what is missing)."""
    depth, field, opened = 0, "", None
    for number, line in enumerate(raw.split("\n")):
        start = _FIELD_START.match(line)
        if start and depth >= 2 and opened:  # a field inside the value above: swallowed
            return opened
        if start and depth == 1:
            field = start.group(1)
        for brace in _BRACE.findall(line):
            if brace in ("{", "}"):  # an escaped '\{' is text
                depth += 1 if brace == "{" else -1
            if depth >= 2 and opened is None and field:
                opened = (field, number)
            elif depth <= 1:
                opened = None
    return opened if depth >= 2 else None


def _stray_problems(
    library: bibtexparser.Library, name: str, has_entries: bool, covered: set[int]
) -> Iterator[FormatError]:
    """A stray '@type' at a line start with no '{' after it, which bibtexparser keeps as a
    comment: BibTeX itself reads it as an entry and fails, and at the end of a file it is an
    entry cut short (a download or copy that stopped), whose record would be lost silently.
    '@comment' is the exception: BibTeX skips it and what follows on its line without braces
    (btxdoc, "@COMMENT"), so a file that uses it bare is valid and keeps its entries.
    ``covered``: the lines where comments start whose fields outside entries are named."""
    for block in library.blocks:
        if not isinstance(block, ImplicitComment):
            continue
        starts = _ENTRY_START.finditer(block.raw)
        m = next((m for m in starts if m.group(1).lower() != "comment"), None)
        if m:
            line = block.start_line + 1 + block.raw.count("\n", 0, m.start())
            yield FormatError(
                f"'@{m.group(1)}' starts an entry that never opens with '{{'",
                where=f"{name}:{line}",
                hint="the file looks cut short (export it again), or remove the stray '@'",
            )
            continue
        # BibTeX skips text outside entries: a table or another format's records joined to the
        # file would be lost there (a field's value may hold such lines: not checked); a file
        # with no entry at all is no BibTeX file joined to another, it is said so below
        try:
            joined.check_no_table_row(block.raw, "bibtex", name, block.start_line + 1)
            if has_entries:
                joined.check_one_format(block.raw, "bibtex", name, block.start_line + 1)
        except FormatError as exc:
            yield exc
            continue
        # BibTeX skips text between entries as a comment; 'name = value' there is a field
        # whose entry an extra '}' closed early, and it would be lost silently
        if block.start_line not in covered and (field := _FIELD_OUTSIDE.search(block.raw)):
            line = block.start_line + 1 + block.raw.count("\n", 0, field.start(1))
            yield FormatError(
                f"field '{field.group(1)}' outside any entry: an extra '}}' closed the entry "
                "above it early",
                where=f"{name}:{line}",
                hint="remove the extra '}' (every '{' of an entry needs one '}')",
            )
