"""BibTeX cross-references: an entry's ``crossref`` names the entry it takes missing fields from.

DBLP's 'with crossref' BibTeX, and many .bib files kept by hand, give a conference paper or a
chapter only its own fields (title, authors, pages) and put the volume's (year, booktitle,
publisher) on an @proceedings or @book entry that the paper's ``crossref`` names; BibTeX fills
the paper's missing fields from it (Patashnik, BibTeXing, "Cross references"). Without this the
papers were stored without their year or venue, silently.

Where we differ from BibTeX: only the fields that say where and when the work appeared are
taken (:data:`INHERITED`): a volume's DOI, ISBN, URL, abstract or keywords are the volume's,
not the paper's, and a DOI shared by every paper of a volume would make dedup join them. The
parent's title becomes the child's booktitle when the parent has no booktitle, as biblatex's
default inheritance does for a proceedings or a book (biblatex manual, appendix B). The parent
may come before or after the child (BibTeX wants it after), and the key is matched without
case, as BibTeX matches it (it warns about a case mismatch, and still uses the entry). A
crossref naming no entry of the file is refused, where BibTeX warns and goes on: the year and
venue would be lost. An entry some other entry's crossref names is the volume (a proceedings, a
book) lending its fields, not a record of its own (:class:`Volumes`): DBLP adds one to its
export for the papers the user chose. BibTeX lists such a volume only when it is cited itself or
two entries cross-reference it (min-crossrefs); in an export it is there for its papers, so here
it is never a record (where we differ). A 'crossref =' inside a value's braces or quotes, or
outside entries, is text, as BibTeX reads it; an entry taken for a volume that no entry's crossref
field names (text the first pass could not tell from a field named it) is refused, never
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from bibtexparser.model import Entry, String

from reviewkit.errors import FormatError
from reviewkit.formats import bibtex_split
from reviewkit.formats.bibtex_macros import Macros
from reviewkit.formats.bibtex_values import field_line

# the fields of the volume a paper or chapter takes when it lacks them
INHERITED = (
    "year",
    "date",
    "booktitle",
    "journal",
    "journaltitle",
    "volume",
    "number",
    "issue",
    "series",
    "publisher",
    "institution",
    "organization",
    "school",
    "address",
    "location",
)


def resolve(
    entry: Entry, values: Mapping[str, str], by_key: Mapping[str, Mapping[str, str]], name: str
) -> dict[str, str]:
    """``values`` (the fields of ``entry`` of file ``name``, field names in lower case) with
    the fields its ``crossref`` entry lends it; ``by_key`` maps the key, lower case, of every
    entry a crossref names to its fields (:func:`lent`)."""
    key = values.get("crossref", "").strip()
    if not key or key.lower() == entry.key.lower():  # naming itself, it lends itself nothing
        return dict(values)
    parent = by_key.get(key.lower())
    if parent is None:
        raise FormatError(
            f"crossref {key!r} names no entry in this file (the year and venue it would"
            " give this entry would be lost)",
            where=field_line(entry, ("crossref",), name),
            hint="export the entries together with the volumes they cross-reference (DBLP:"
            " 'BibTeX with crossref'), or write the year and booktitle into this entry",
        )
    lent = {field: parent[field] for field in INHERITED if parent.get(field)}
    if "booktitle" not in lent and parent.get("title"):
        lent["booktitle"] = parent["title"]
    return {**lent, **{k: v for k, v in values.items() if v}}


# an entry's opening line ('@inproceedings{DBLP:conf/x/Smith20,'), a crossref field's name,
# and the start of its value: '{key}', '"key"', or a bare word, an @string's name ('vol20')
_KEY = bibtex_split.ENTRY_KEY
_OPEN = bibtex_split.OPENS_ENTRY
_BLOCK = re.compile(r"[^\S\n]*@[ \t]*(\w+)[ \t]*[{(]")  # a block's opening line, its type
# the blocks with no key: an @string's name is read by _STRING
_KEYLESS = frozenset({"string", "preamble", "comment"})
# a field named crossref: its whole name, after a line's start, a blank, a comma or the opening
_CROSSREF = re.compile(r"(?<![^\s,{(])crossref\s*=", re.IGNORECASE)
_VALUE = re.compile(r"\s*([{\"]?)\s*([^\s,{}\"#]*)")
# an @string defined on one line, as exporters and hand-kept files write them
_STRING = re.compile(
    r"[^\S\n]*@[ \t]*string[ \t]*[{(][ \t]*([^\s=#{}()\"]+)[ \t]*=[ \t]*[{\"]([^{}\"]*)[}\"]",
    re.IGNORECASE,
)


def named(lines: Iterable[str]) -> dict[str, int]:
    """The keys, lower case, that the crossref fields of a file's ``lines`` name, other than
    their own entry's, each with the line (1-based) of the first naming it: a first pass
    over the lines, with no parse. A volume comes after its papers (BibTeX wants it so; DBLP
    puts them all at the file's end), so a paper is read before its volume is: the volumes
    are found first (:func:`lent`), the file never held whole. A value may start on a line
    below 'crossref =' (a value may span lines), and a bare word is an @string's name (a
    field's value may be a macro): its one-line definition gives the key. An entry's own key
    is read where its opening puts it, on the '@type{' line or below it: a crossref naming its
    own entry, taken for another's, made the entry a volume, dropped. A 'crossref =' is a
    field only among an entry's fields (:class:`_Nesting`): inside a value's braces or quotes
    (an abstract or note quoting BibTeX) or outside entries (a '%' line, text after an entry
    opened with '(' closes) it is text, and one read as a field made the entry it named a
    volume, the valid file refused. One the nesting cannot tell from a field (an entry opened
    after text on its line: its own key is not read) may add a key no entry has (it lends
    nothing) or an entry's, which is then refused (:class:`Volumes`), never dropped."""
    names: dict[str, int] = {}
    macros: dict[str, str] = {}  # @string name -> its value, lower case
    bare: list[tuple[str, str, int]] = []  # (an @string's name as a crossref, entry key, line)
    key, waiting = "", False  # waiting: for the value of a 'crossref =' ending its line
    opening: str | None = None  # an entry's text after its brace while its key is not read
    nesting = _Nesting()
    for no, line in enumerate(lines, start=1):
        start = 0  # where the line's text after an entry's opening mark starts
        if "@" in line and (block := _BLOCK.match(line)):
            waiting, opening, start = False, None, block.end()
            nesting.open(block.group(1), line[block.end() - 1])
            if opened := _OPEN.match(line):
                key = opened.group(1).lower()
            elif defined := _STRING.match(line):
                macros[defined.group(1).lower()] = defined.group(2).strip().lower()
            elif block.group(1).lower() not in _KEYLESS:  # '@article{', its key below
                key, opening = "", line[block.end() :]
        elif opening is not None:
            opening += line
        if opening is not None and "," in opening:
            key, opening = _key(opening), None
        found = nesting.field(line, start)
        if waiting:
            rest = line
        elif found is not None:
            rest = line[found:]
        else:
            continue
        value = _VALUE.match(rest)
        enclosed, word = (value.group(1), value.group(2)) if value else ("", "")
        waiting = not word and not enclosed and not rest.strip()
        if word and not enclosed and not word.isdigit():
            bare.append((word.lower(), key, no))
        elif word and word.lower() != key:
            names.setdefault(word.lower(), no)
    for macro, own, no in bare:
        named_key = macros.get(macro, macro)
        if named_key and named_key != own:
            names.setdefault(named_key, no)
    return names


class _Nesting:
    """Where the text of a BibTeX file stands, line after line: inside a block (``depth`` 1:
    among an entry's fields), inside a value's braces (2 and more) or quotes (``quoted``), or
    outside blocks (0), as bibtexparser's Splitter reads it (bibtex_split). Outside blocks
    text is skipped, its braces and quotes too (a '% {…}' line), up to an '@type{' or
    '@type(' anywhere (no '%' comments it); a block opened with '(' closes at a ')' among its
    fields. A backslash escapes the next character (bibtex_values.top_level); an '@type{' at a
    line start opens a block whatever is open (:meth:`open`)."""

    _TOKEN = re.compile(
        rf'\\.|[{{}}")]|@\w*[ \t]*[{{(]|{_CROSSREF.pattern}', re.IGNORECASE
    )  # an '@type{' as the Splitter's _BLOCK_START

    def __init__(self) -> None:
        self.depth, self.quoted, self.entry, self.paren = 0, False, False, False

    def open(self, kind: str, mark: str) -> None:
        """A block of type ``kind`` opened by ``mark`` ('{' or '('): an entry, or an @string,
        @preamble or @comment, whose text is no field."""
        self.depth, self.quoted = 1, False
        self.entry, self.paren = kind.lower() not in _KEYLESS, mark == "("

    def field(self, line: str, start: int) -> int | None:
        """Where the value of the first 'crossref =' of ``line`` (from ``start``) that is a
        field of an entry starts; None without one. The nesting is read to the line's end."""
        closes = line.count("}", start)
        if (
            self.depth > closes  # the block stays open: no text outside it on this line
            and not (self.paren and ")" in line)
            and '"' not in line
            and "\\" not in line
            and not _CROSSREF.search(line, start)
        ):  # most lines: their braces alone move the nesting (counted, not walked)
            self.depth += line.count("{", start) - closes
            return None
        found = None
        for token in self._TOKEN.finditer(line, start):
            mark = token.group()
            if not self.depth:  # outside blocks: text, up to a block's opening
                if mark[0] == "@":
                    self.open(mark[1:-1].strip(), mark[-1])
            elif mark[0] == "\\":  # an escaped character ('\{', '\"') is text
                continue
            elif mark[-1] == "{":  # a brace, or an '@…{' inside a value: text and a brace
                self.depth += 1
            elif mark == "}":
                self.depth -= 1
            elif mark == '"':
                self.quoted = self.quoted != (self.depth == 1)  # a '"' in braces is text
            elif self.depth > 1 or self.quoted:  # a ')' or 'crossref =' in a value: text
                continue
            elif mark == ")":  # closes a block opened with '(' (only a ')' among its fields)
                self.depth = 0 if self.paren else 1
            elif found is None and mark[0] != "@" and self.entry:
                found = token.end()
        return found


def _key(opening: str) -> str:
    """The key, lower case, that an entry's text after its brace (``opening``, to a comma at
    least) starts with: '' where that text starts otherwise (no key: the entry is refused by
    the parse, and a crossref in it names no entry of its own)."""
    written = opening.split(",", 1)[0].strip()
    return written.lower() if re.fullmatch(_KEY, written) else ""


def lent(lines: Iterable[str], name: str, names: Collection[str]) -> dict[str, dict[str, str]]:
    """The fields (values as written, macros expanded) of the entries of file ``name`` whose
    keys ``names`` holds (:func:`named`): the volumes, which lend their papers their fields
    and are no records. A second pass over the file, which parses only the chunks holding an
    @string or one of these entries (DBLP's volumes are all at the end: the others are only
    cut into chunks); its damage is named by the reading pass, and a volume whose value is
    refused lends nothing ({}: named once, where its value is)."""

    def wanted(chunk: list[str]) -> bool:
        """Whether a chunk holds an @string, a volume, or an entry whose key is not on its
        opening line (it may be a volume: parsed to be sure)."""
        for line in chunk:
            if "@" not in line or not (block := _BLOCK.match(line)):
                continue
            opened = _OPEN.match(line)
            if block.group(1).lower() == "string" or opened is None:
                return True
            if opened.group(1).lower() in names:
                return True
        return False

    macros, volumes = Macros(), {}
    for library in bibtex_split.parsed(lines, name, wanted):
        for block in library.blocks:
            try:
                if isinstance(block, String):
                    macros.define(block, name)
                elif isinstance(block, Entry) and (key := block.key.lower()) in names:
                    volumes[key] = {}
                    volumes[key] = macros.fields(block.fields_dict, name)
            except FormatError:
                continue
    return volumes


class Volumes:
    """The volumes of file ``name``: the fields of each entry a crossref names (``fields``,
    :func:`lent`; ``names``: :func:`named`), and which of them the entries read took fields
    from. The first pass reads lines, not fields: text it cannot tell from a field
    (:func:`named`) may name an entry too, which would be taken for a volume and dropped; an
    entry taken for a volume that no entry's crossref field names is refused (:meth:`unlent`),
    named."""

    def __init__(
        self, fields: dict[str, dict[str, str]], names: Mapping[str, int], name: str
    ) -> None:
        self.fields, self.names, self.name = fields, names, name
        self.taken: dict[str, int] = {}  # the key of each entry taken for a volume: its line
        self.lent: set[str] = set()  # the keys the entries' crossref fields name

    def taken_for_one(self, entry: Entry, values: Mapping[str, str]) -> bool:
        """Whether ``entry`` (its fields ``values``) is a volume, no record; its crossref
        field is noted either way."""
        self.lent.add(values.get("crossref", "").strip().lower())
        if (key := entry.key.lower()) not in self.fields:
            return False
        self.taken.setdefault(key, entry.start_line + 1)
        return True

    def unlent(self) -> list[FormatError]:
        """The entries taken for volumes whose key no entry's crossref field names, once the
        file is read: each named where the text naming it is."""
        return [
            FormatError(
                f"the entry {key!r} (line {line}) would be left out: the text 'crossref ="
                f" {key}' here, no entry's crossref field (a value's text, a comment), made it"
                " read as the volume of another entry",
                where=f"{self.name}:{self.names[key]}",
                hint="reword that text (not 'crossref =') so that the entry is imported",
            )
            for key, line in self.taken.items()
            if key not in self.lent
        ]
