"""The columns of the sheets reviewkit writes of a project's own records, for a person and for
another command to read back: the extraction sheet ('extract export', its fields after these),
dedup's queue ('dedup review --csv', each record's fields after these) and its clusters ('dedup
report --csv'). import tells them from a database's CSV export by their first columns
(formats.not_export): importing one copies the project's records into it.
"""

from __future__ import annotations

EXTRACTION_SHEET_COLUMNS = ("record_id", "study", "report", "title")
# the extraction sheet's last column, after its fields: what each row showed when it was
# written, for 'extract import' to tell a cell left alone from one typed (reviewkit.sheet_mark)
EXTRACTION_MARK_COLUMN = "as_exported"

QUEUE_SHEET_COLUMNS = ("record_a", "record_b", "score", "rule", "verdict", "guard_reason")
CLUSTERS_SHEET_COLUMNS = (
    "cluster",
    "record_id",
    "canonical",
    "source",
    "origin",
    "title",
    "year",
    "doi",
    "pmid",
    "linked_by",
)


def extraction_cell_filled(column: str) -> bool:
    """Whether a column of the extraction sheet is read as a person filled it (a record's id, a
    field), not one showing the project's own value beside it (the study, report and title,
    which may hold a spreadsheet's error value as the project does: a RIS file's '#NAME?')."""
    return column == "record_id" or column not in (
        *EXTRACTION_SHEET_COLUMNS,
        EXTRACTION_MARK_COLUMN,
    )
