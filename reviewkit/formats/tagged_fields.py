"""The fields of a tagged record (RIS, MEDLINE, Cochrane, RefWorks): its values by tag, a
wrapped line joined to the field above, and each record's raw text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator


def tag_values(
    fields: Iterable[tuple[str, str]], *, keep_empty: bool = False
) -> tuple[dict[str, list[str]], Callable[..., str]]:
    """A tagged record's (RIS, RefWorks, Cochrane, MEDLINE) fields as ``get`` (tag -> its
    values in order; empty values left out unless ``keep_empty``) and ``first(*tags)``: the
    first value of the first of ``tags`` that has one, '' when none has."""
    get: dict[str, list[str]] = {}
    for tag, value in fields:
        if value or keep_empty:
            get.setdefault(tag, []).append(value)

    def first(*tags: str) -> str:
        return next((get[t][0] for t in tags if get.get(t)), "")

    return get, first


def continue_field(fields: list[tuple[str, str]], line: str) -> None:
    """Join a wrapped ``line`` (one without a tag) to the last field of a tagged record: the
    one join of the RIS, MEDLINE, Cochrane and RefWorks readers.

    What the formats say of such lines: MEDLINE's continuation lines start with six spaces and
    go on with the value where the line above broke it, at a space (PubMed wraps at about 80
    columns and leaves that space at the end of the line above; a long MeSH heading breaks
    between its words too, 'adverse' / 'effects'), so the value is the lines' texts joined by
    one space (as Biopython's Bio.Medline joins them). RIS has no continuation lines in its
    specification, but exporters wrap long abstracts and notes onto lines without a tag, and
    rispy, the reference parser, joins them by one space too; Ovid's tagged text, the
    Cochrane Library's plain text and RefWorks' tagged format do the same. The indentation
    (six spaces, or any in Ovid's and others' exports) and the spaces at the break are layout,
    not text: each line's text is stripped, and the parts joined by one space. A field whose
    tag line held nothing ('AB  - ' with the text on the next line) takes the line's text
    alone, without a space before it; a line of spaces only adds nothing.

    No line break is kept in a MEDLINE abstract, because the format documents none: NLM's
    field description of AB is the abstract as one field, and PubMed writes a structured
    abstract as one paragraph with its labels inline ('…resources. RESULTS: We have…', as in
    Biopython's Tests/Medline files), wrapped at about 80 columns. Its sections are what a
    reader needs, and abstract_sections.plain_abstract finds them by those labels. The line of
    spaces PubMed writes inside some book abstracts (StatPearls, Biopython issue #4557) is not
    in the format's description, and those abstracts have no labels: plain_abstract would join
    their paragraphs into one section with a space anyway.
    """
    more = line.strip()
    if more:
        tag, value = fields[-1]
        fields[-1] = (tag, f"{value} {more}" if value else more)


def with_raw(
    records: list[tuple[int, list[tuple[str, str]]]], lines: list[str]
) -> Iterator[tuple[int, int, list[tuple[str, str]], str]]:
    """(position from 1, first line, fields, raw text) of each record of a tagged file whose
    records are (first line, fields): a record's text runs to the line before the next one."""
    for position, (start, fields) in enumerate(records, start=1):
        stop = records[position][0] - 1 if position < len(records) else len(lines)
        yield position, start, fields, "\n".join(lines[start - 1 : stop]).rstrip()
