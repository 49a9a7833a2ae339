"""Whether Web of Science's tab-delimited export was cut inside the last cell of its last row.

The CSV reader tells a last row cut short by its cells (fewer than the header names), but a cut
inside the row's last cell leaves the count whole, and a shorter value reads as a whole one.
Web of Science writes the columns at a row's end in fixed forms (Clarivate, "Web of Science Core
Collection field tags"; the full record's columns end '… GA UT PM OA HC HP DA'): UT, the
accession number ('WOS:' and 15 digits in the Core Collection, or for its records up to 1997
'A', the year and ten letters and digits, 'WOS:A1994PG77100437'; another collection's prefix
before its own: 'MEDLINE:27700001'), DA, the date the export was made ('2018-02-07'), and the
year, the ISSNs and the DOI (PY, SN, EI, DI). So in a file without its final line break, a last
cell of one of those columns that is not whole by its form is a cut. A cell of free text (an
abstract, a title, the cited references) or of a number of no fixed length (PM, the PMID)
cannot be told from a shorter one, nor an empty year, ISSN or DOI (a record may have none; UT
and DA it always has). A row that ends with an empty cell beyond the header's (Web of Science
ends its rows with a tab) was not cut inside a value.
"""

from __future__ import annotations

import re

from reviewkit.errors import FormatError

# each column's whole value (fullmatch): a cut inside one matches none
_FORMS = {
    # the older form seen in the bib-dedupe sets' exports (30 of 890 distinct, 1987-1997)
    "UT": re.compile(r"WOS:(?:\d{15}|A\d{4}[A-Z0-9]{10})|(?!WOS:)[A-Z]+:[\w./-]+"),
    "DA": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "PY": re.compile(r"\d{4}"),
    "SN": re.compile(r"\d{4}-\d{3}[\dX]"),
    "EI": re.compile(r"\d{4}-\d{3}[\dX]"),
    "DI": re.compile(r"10\.\d{4,9}/\S+"),
}
# written in every record (its accession, the export's date): empty, the cell was cut before it
_ALWAYS = ("UT", "DA")


def check_last_cell(header: list[str], row: list[str], where: str) -> None:
    """FormatError when the last row ``row`` (of a file without its final line break, read
    under Web of Science's ``header``) ends inside a cell of a column of a fixed form."""
    last = len(row) - 1
    if last < 0 or last >= len(header):
        return
    tag, value = header[last].strip().lstrip("\ufeff"), row[last].strip()
    form = _FORMS.get(tag)
    if form and (value or tag in _ALWAYS) and not form.fullmatch(value):
        raise FormatError(
            f"the file ends inside the last row's {tag} cell ('{value}'), which Web of Science"
            " writes whole in a fixed form, and without a final line break",
            where=where,
            hint="the file looks cut short: export it from Web of Science again",
        )
