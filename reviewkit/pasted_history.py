"""What a query pasted from PubMed's search history carries that is no part of the query: the
numbers of a numbered strategy's lines, and the labels of a row of the Advanced Search History
("Search:", "Filters: …", "Sort by: …"). PubMed searches each of them as words, so a stored
search with them finds less than meant, or nothing; :func:`reviewkit.query.warnings` names them.
"""

from __future__ import annotations

import re

from reviewkit.quote_marks import masked_phrases

# A row of PubMed's Advanced Search History ("History and Search Details") reads "Search: QUERY",
# then the filters picked beside the results as "Filters: English, from 2015 - 2021" and the
# order as "Sort by: Most Recent". A librarian copying that row copies the labels too; PubMed,
# given them back, searches "Search:", "Filters:", "Sort" and "by:" as words (ANDed: the search
# finds less or nothing) and the filters' words with them. Only as the History writes them
# (capitalised, with the colon, outside a quoted phrase): "search" or "filters" as a word of a
# query stays a word.
_HISTORY_LABELS = {
    "Search:": "the label of a row of PubMed's search history, not part of the query: PubMed"
    " would search it as a word; copy the query without it",
    "Filters:": "how PubMed's search history names the filters picked beside the results"
    " (language, years, article types), not part of the query: PubMed would search those words;"
    " delete them and put the filters in [searches.limits] (languages, date_from, date_to,"
    " publication_types)",
    "Sort by:": "the sort order PubMed's search history notes, not part of the query: PubMed"
    " would search those words; delete them (a search's records are stored whatever the order)",
}
_LABEL_RE = re.compile(r"(?<![\w\"])(Search:|Filters:|Sort by:)")

# A line number of a strategy pasted from a numbered search history ("1. exp Sick Leave/",
# "2) absenteeism[tiab]"): PubMed reads line breaks as spaces and searches the number as a word.
# A '.' followed by a digit is a decimal point ("2.5 mg[tiab]"), not the end of a line number.
_LINE_NUMBER_RE = re.compile(r"[ \t]*(\d{1,3}(?:[.)](?!\d)|(?=[ \t])))[ \t]*\S")


def pasted_history_warnings(query: str) -> list[str]:
    """The history's labels and line numbers found in ``query``, each with what to do."""
    return _label_warnings(query) + _line_number_warnings(query)


def _label_warnings(query: str) -> list[str]:
    return [  # outside the quoted phrases, masked (positions kept)
        f"'{m.group(1)}' at character {m.start() + 1} is {_HISTORY_LABELS[m.group(1)]}"
        for m in _LABEL_RE.finditer(masked_phrases(query))
    ]


def _line_number_warnings(query: str) -> list[str]:
    lines = [line for line in query.splitlines() if line.strip()]
    out = []
    for n, line in enumerate(lines, 1):
        m = _LINE_NUMBER_RE.match(line)
        if m and (len(lines) > 1 or not m.group(1)[-1].isdigit()):
            out.append(
                f"line {n} begins with '{m.group(1)}', a line number of a pasted search "
                "history: PubMed searches it as a word; remove the numbers and combine the "
                "lines with AND/OR and parentheses"
            )
    return out
