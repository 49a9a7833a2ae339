"""Export the included studies for reference managers (RIS, BibTeX, CSV) with the format writers.

RIS and BibTeX carry the text as stored but for a title's final full stop, which MEDLINE adds
to every title (:func:`cited_title`); the CSV, the records as found, keeps it and neutralises
formula-looking cells (see :mod:`reviewkit.outputs`). Files are written atomically.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from reviewkit import formats, output_kinds, outputs
from reviewkit.dedup.merged_fields import filled_records
from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.reports.fates import every_record, fate_csv
from reviewkit.reports.imprint import cited_title

EXPORT_FORMATS = ("ris", "bibtex", "csv")
SUFFIX = {"ris": ".ris", "bibtex": ".bib", "csv": ".csv"}
# Other endings each format is known by. A reference manager (EndNote, and Zotero or Mendeley
# by a file dialog's filter) picks its importer by the ending, so RIS written into 'refs.bib'
# is read as broken BibTeX. Endings no format here claims (.txt) are not checked.
_ALSO = {"bibtex": ".bibtex", "csv": ".tsv"}


def export_records(
    project: Project, record_ids: list[int], fmt: str, *, records: dict[int, Record] | None = None
) -> str:
    """The given studies (canonical ids, in that order) as text in ``fmt``; ``records``: their
    records when the caller has read them already (filled as
    :func:`~reviewkit.dedup.merged_fields.filled_records` fills them)."""
    if fmt not in EXPORT_FORMATS:
        raise UserError(f"cannot export {fmt!r}", hint=f"formats: {', '.join(EXPORT_FORMATS)}")
    if records is None:  # each study's kept record, its empty fields filled from its copies
        records = filled_records(project.db, record_ids)
    if fmt == "csv":  # a sheet: each study's screening outcomes in its first columns
        return fate_csv(project, records, [rid for rid in record_ids if rid in records])
    buf = io.StringIO()
    cited = [
        replace(records[rid], title=cited_title(records[rid].title))
        for rid in record_ids
        if rid in records
    ]
    formats.write(cited, fmt, buf)
    return buf.getvalue()


def export_to_file(
    project: Project,
    record_ids: list[int],
    fmt: str,
    path: Path,
    *,
    records: dict[int, Record] | None = None,
) -> Path:
    """Write the export to ``path`` atomically (a failure leaves no half file; the folder must
    exist). A file name whose ending names another of the export's formats is refused."""
    _check_suffix(fmt, path)
    outputs.check_output(path)
    return outputs.write_text(path, export_records(project, record_ids, fmt, records=records))


def export_every_record(project: Project, path: Path | None) -> tuple[str, int]:
    """Every record of the project, duplicates too, each as it was found, with its fate (the
    CSV's first columns, :mod:`reviewkit.reports.fates`): the text, written atomically to
    ``path`` when one is given, and the number of records."""
    records, ids = every_record(project)
    text = fate_csv(project, records, ids)
    if path is not None:
        _check_suffix("csv", path)
        outputs.check_output(path)
        outputs.write_text(path, text)
    return text, len(ids)


def _check_suffix(fmt: str, path: Path) -> None:
    """UserError when ``path``'s ending names another export format than ``fmt``; a CSV is
    named .csv or nothing, as every --csv (cli/_common.csv_file: a .txt opens as one column)."""
    suffix = path.suffix.lower()
    meant = next(
        (f for f in EXPORT_FORMATS if suffix in (SUFFIX[f], _ALSO.get(f)) and f != fmt), None
    )
    if meant:
        # a CSV is named .csv alone (below): '.tsv' does not send the user to --format csv
        switch = f"pass --format {meant}, or " if meant != "csv" or suffix == ".csv" else ""
        raise UserError(
            f"--out {path} ends in {suffix}, a {meant} file, but --format is {fmt}",
            hint=f"{switch}name the file {path.with_suffix(SUFFIX[fmt]).name}",
        )
    if fmt == "csv":
        output_kinds.check_ending(path, "CSV", (".csv",))
