"""Extraction fields of the report tables: prefilled from the record, edited by people, CSV round trip.

Prefill rules, from each field's ``prefill`` list in the protocol (the first that yields text wins):

- ``section:LABEL`` — the text of the structured-abstract section whose label starts with LABEL;
- ``section:LABEL:word|word`` — the sentence of that section naming most of the words, outside a
  comparator arm (:mod:`reviewkit.prefill_sentences`: the intervention, not METHODS' first);
- ``sentence:word|word`` — the first abstract sentence holding one of the words or one of its
  inflections ('aim': aims, aimed; ``word*``: any word starting with it; ``"word"``: the word
  as written);
- ``own-aim`` — the first sentence stating the study's aim with an aim word used as its aim
  ("The aim of this study was ..."; not "Objective response rates were ..."), else the first of
  the abstract's background, aim or unlabelled text in which the study is the subject of a verb
  of inquiry ("We investigated whether ...": :func:`reviewkit.prefill_sections.own_aim`), else
  an unlabelled abstract's first sentence saying what was asked in the passive ("The effects of
  X on Y were studied in ten monkeys.");
- ``affiliation-country`` — the countries of the authors' affiliations (named, or of the state or
  province an address ends with: :mod:`reviewkit.countries`), in order of appearance;
- ``publication-type`` — the study design among PubMed's publication types.

Values are appended to the ``extraction`` table; the newest value wins. A prefill never replaces
a value a person or a CSV import gave; a prefilled value the rules no longer give (a rule
changed, or the protocol's) is withdrawn by an empty prefilled row, the old one kept below it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from reviewkit import outputs, sheet_columns
from reviewkit.classify.fields import record_fields
from reviewkit.classify.rules import none_id, suggest
from reviewkit.classify.untested import tests_no_intervention
from reviewkit.countries import affiliation_countries
from reviewkit.dedup.merged_fields import filled_records
from reviewkit.dedup.studies import reports_by_study
from reviewkit.errors import UserError, no_record
from reviewkit.prefill_sections import exact_section, own_aim, sections
from reviewkit.prefill_sentences import first_sentence, naming_sentence
from reviewkit.project import Project
from reviewkit.protocol import ExtractionField, Scheme
from reviewkit.records import AbstractSection, Record
from reviewkit.sheet_mark import row_mark
from reviewkit.store import extraction as values_rows
from reviewkit.store import records as record_rows
from reviewkit.store.duplicates import canonical_map

# PubMed publication types that name a study design, most specific first.
DESIGN_PUBLICATION_TYPES = (
    "Randomized Controlled Trial",
    "Pragmatic Clinical Trial",
    "Controlled Clinical Trial",
    "Clinical Trial, Phase III",
    "Clinical Trial, Phase II",
    "Clinical Trial",
    "Systematic Review",
    "Meta-Analysis",
    "Scoping Review",
    "Observational Study",
    "Comparative Study",
    "Evaluation Study",
    "Multicenter Study",
    "Validation Study",
    "Case Reports",
    "Practice Guideline",
    "Guideline",
    "Review",
)
# ``report``: which report of its study a row is, when a person linked several reports as one
# study ("2 of 2 (study 41)"; empty for a study of one report): each report keeps a row
# (the protocol refuses extraction fields of these ids: reviewkit.protocol.validate)
READ_ONLY_COLUMNS = sheet_columns.EXTRACTION_SHEET_COLUMNS
MARK_COLUMN = sheet_columns.EXTRACTION_MARK_COLUMN  # last: what each row showed (sheet_mark)


def countries(affiliations: Iterable[str]) -> list[str]:
    """Countries named in affiliations, or of the state or province that ends one ("Atlanta,
    Georgia" is in the United States), each once, in order of appearance."""
    return affiliation_countries(affiliations)


def design(record: Record) -> str:
    for pt in DESIGN_PUBLICATION_TYPES:
        if any(p.casefold() == pt.casefold() for p in record.publication_types):
            return pt
    return ""


def prefill_value(record: Record, spec: ExtractionField) -> str:
    """The prefilled value of one field for one record ('' when no rule finds anything)."""
    return prefill_values(record, [spec])[spec.id]


def prefill_values(
    record: Record,
    specs: Iterable[ExtractionField],
    *,
    abstract_sections: list[AbstractSection] | None = None,
) -> dict[str, str]:
    """Field id -> the prefilled value of each of ``specs`` for one record ('' when no rule
    finds anything). The abstract is split into its sections (:func:`sections`) at most once
    for all the fields, not once per field and rule: on a structured abstract that split is
    most of a prefill's work. ``abstract_sections``: that split, when the caller made it
    already (one prefilling the fields of several protocols, whose ids may be the same)."""
    parts = abstract_sections

    def abstract() -> list[AbstractSection]:
        nonlocal parts
        if parts is None:
            parts = sections(record)
        return parts

    untested: bool | None = None

    def tests_nothing(spec: ExtractionField) -> bool:
        nonlocal untested
        if untested is None:
            untested = tests_no_intervention(record_fields(record))
        return untested and not any(finds_tested(record, s) for s in spec.tested_schemes)

    # a field of the intervention (``none_if_untested``) is left empty for a study that tests
    # none (a register cohort, a survey, interviews: the classifier's reading, the one place
    # for it) in which no scheme of what was tested finds a model: its METHODS sentence is the
    # design's ("We used the registration data of ..."), and the reviewer writes "none" or the
    # exposure. A protocol without such a scheme has the design's words alone decide (a
    # programme studied in a register study that names it by no programme's word is left empty
    # too; a meeting, team or plan arranged for the sick-listed is such a word: untested.ARRANGED).
    return {
        spec.id: ""
        if spec.none_if_untested and tests_nothing(spec)
        else _prefill_field(record, spec, abstract)
        for spec in specs
    }


def finds_tested(record: Record, scheme: Scheme) -> bool:
    """Whether a scheme of what was tested, read for a study that names no programme
    (``none_if_untested``: more than one plain mention), still finds what the study tested
    (a register study of dialogue meetings, interviews about a team's joint assessments)."""
    return any(s.label != none_id(scheme) and not s.fallback for s in suggest(record, scheme))


def _prefill_field(
    record: Record, spec: ExtractionField, abstract: Callable[[], list[AbstractSection]]
) -> str:
    """The first of ``spec``'s rules that yields text; ``abstract()``: the record's sections."""
    for rule in spec.prefill:
        kind, _, arg = rule.partition(":")
        value = ""
        if kind == "section":
            label, _, words = arg.partition(":")  # section:METHODS:team|coordinat: a sentence
            value = exact_section(abstract(), label)
            value = naming_sentence(value, words.split("|")) if words else value
        elif kind == "sentence":
            value = first_sentence(" ".join(s.text for s in abstract()), arg.split("|"))
        elif kind == "own-aim":
            value = own_aim(abstract())
        elif kind == "affiliation-country":
            value = "; ".join(countries(record.affiliations))
        elif kind == "publication-type":  # (protocol validation refuses any other rule)
            value = design(record)
        if value.strip():
            return value.strip()
    return ""


class Prefilled(NamedTuple):
    """What a prefill stored: values written, and unchecked prefilled values withdrawn (an
    empty prefilled row) because the rules no longer give anything for them."""

    written: int
    withdrawn: int


def prefill(
    project: Project, record_ids: Iterable[int], *, records: dict[int, Record] | None = None
) -> Prefilled:
    """Prefill every extraction field of the given studies; returns how many values were
    written and withdrawn.

    Fields that already hold a value from a person or a CSV import are left alone; a prefilled
    value is rewritten only when the record now yields a different one, and withdrawn when it
    yields none. ``records``: the studies' records when the caller has read them already.
    """
    return store_prefills(project, pending_prefills(project, record_ids, records=records))


def pending_prefills(
    project: Project, record_ids: Iterable[int], *, records: dict[int, Record] | None = None
) -> list[tuple[int, str, str]]:
    """(record id, field id, value) of what :func:`prefill` would store now; nothing is stored.
    A value '' withdraws a prefilled value the rules no longer give.

    For a caller that writes files from these values and stores them only once the files are
    written (:func:`store_prefills`), so a failed write leaves the database as it was.
    """
    ids = list(record_ids)
    if records is None:
        records = filled_records(project.db, ids)
    fields = project.protocol.extraction
    current = values_rows.current_values(project.db, ids)
    new = []
    for rid in ids:
        # the fields a person or a CSV import gave a value are left alone (not even prefilled)
        olds = current.get(rid, {})
        open_fields = [f for f in fields if f.id not in olds or olds[f.id].method == "prefill"]
        for field_id, value in prefill_values(records[rid], open_fields).items():
            # a prefilled value the rules no longer give (a project prefilled before a rule
            # changed) is withdrawn, not left standing as if the record said it: the same
            # record in a new project would have nothing there
            if value != (olds[field_id].value if field_id in olds else ""):
                new.append((rid, field_id, value))
    return new


def store_prefills(project: Project, new: Iterable[tuple[int, str, str]]) -> Prefilled:
    """Store prefilled values from :func:`pending_prefills`; returns how many were written and
    withdrawn. A field a person gave a value since they were read (another process, while a
    report wrote its files) keeps it: a prefill never replaces a person's value."""
    new = list(new)
    with project.db.transaction():  # the check and the write under one lock
        now = values_rows.current_values(project.db, {rid for rid, _, _ in new})
        kept = [
            (rid, fid, value)
            for rid, fid, value in new
            if (old := now.get(rid, {}).get(fid)) is None or old.method == "prefill"
        ]
        values_rows.add_values(project.db, kept, method="prefill")
    withdrawn = sum(1 for _, _, value in kept if not value)
    return Prefilled(len(kept) - withdrawn, withdrawn)


def study_reports(project: Project, record_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """report id -> the reports among ``record_ids`` of its study (ascending, the study's own id
    first), from the confirmed study links (``dedup study-link --same``); a report without
    links is a study of one report. The report tables take a study's field from its first
    report that has it (:func:`reviewkit.reports.tables.study_values`)."""
    groups = reports_by_study(project.db, canonical_map(project.db), list(record_ids))
    return {r: reps for reps in groups.values() for r in reps}


def records(project: Project, record_ids: Iterable[int]) -> dict[int, Record]:
    """The records of the given studies, by id (ids with no record are left out), as the
    report reads them: each kept record's empty fields filled from its duplicates
    (:mod:`reviewkit.dedup.merged_fields`), so that a prefill, a label or a sheet here says
    what the report tables say of the study (the kept copy alone may lack its abstract)."""
    return filled_records(project.db, list(record_ids))


Pending = Iterable[tuple[int, str, str]]  # (record id, field id, value) not stored yet


def values(
    project: Project, record_ids: Iterable[int], pending: Pending = ()
) -> dict[int, dict[str, str]]:
    """record id -> field id -> current value ('' when empty); ``pending`` prefills (from
    :func:`pending_prefills`) as they will be once stored."""
    ids = list(record_ids)
    return _values(project, ids, values_rows.current_values(project.db, ids), pending)


def values_and_unchecked(
    project: Project, record_ids: Iterable[int], pending: Pending = ()
) -> tuple[dict[int, dict[str, str]], dict[int, set[str]]]:
    """:func:`values`, and record id -> the fields whose value is still the prefilled one (no
    person or CSV import has given or confirmed a value since; empty values are not counted),
    from one read of the stored values. ``pending`` prefills count as they will once stored."""
    ids, pending = list(record_ids), list(pending)
    rows = values_rows.current_values(project.db, ids)
    return _values(project, ids, rows, pending), _unchecked_fields(rows, pending)


def _values(
    project: Project,
    ids: list[int],
    current: Mapping[int, Mapping[str, values_rows.Value]],
    pending: Pending,
) -> dict[int, dict[str, str]]:
    out = {}
    for rid in ids:
        cur = current.get(rid, {})
        out[rid] = {
            f.id: cur[f.id].value if f.id in cur else "" for f in project.protocol.extraction
        }
    for rid, field_id, value in pending:
        out.setdefault(rid, {})[field_id] = value
    return out


def _unchecked(method: str, value: str) -> bool:
    """Whether a field's value is an unchecked prefill: prefilled and not empty (no person or
    CSV import has given or confirmed a value since)."""
    return method == "prefill" and bool(value.strip())


def _unchecked_fields(
    current_rows: Mapping[int, Mapping[str, values_rows.Value]], pending: Pending
) -> dict[int, set[str]]:
    out = {
        rid: {f for f, v in fields.items() if _unchecked(v.method, v.value)}
        for rid, fields in current_rows.items()
    }
    for rid, field_id, value in pending:
        if _unchecked("prefill", value):
            out.setdefault(rid, set()).add(field_id)
        else:
            out.get(rid, set()).discard(field_id)
    return out


def current(project: Project, record_ids: Iterable[int]) -> dict[int, dict[str, values_rows.Value]]:
    """record id -> field id -> its current value with where it came from; a field that never
    had a value is left out (one a person cleared is there, with value '')."""
    return values_rows.current_values(project.db, list(record_ids))


def set_value(project: Project, record_id: int, field_id: str, value: str, reviewer: str) -> None:
    """A person's value for one field (commits at once)."""
    known = {f.id for f in project.protocol.extraction_fields()}
    if field_id not in known:
        raise UserError(
            f"no extraction field {field_id!r}", hint=f"known: {', '.join(sorted(known))}"
        )
    try:
        record_rows.get_record(project.db, record_id)
    except KeyError:
        raise no_record(record_id) from None
    values_rows.add_values(
        project.db, [(record_id, field_id, value.strip())], method="person", reviewer=reviewer
    )


def export_csv(
    project: Project,
    record_ids: Iterable[int],
    path: str | Path,
    *,
    labels: Mapping[int, str],
    prefill: bool = False,
) -> int:
    """Write record_id, study, title, every field's current value and, last, the mark of what
    the row shows (:mod:`reviewkit.sheet_mark`); returns the row count.

    With ``prefill``, empty fields show their prefilled value, and those values are stored
    only once the file is written (a failed export changes nothing). The file is written
    atomically, with formula-looking cells neutralised (:mod:`reviewkit.outputs`).
    ``labels``: record id -> its study's name in the ``study`` column, as the report gives it
    ("2019a": :meth:`reviewkit.reports.snapshot.ProjectSnapshot.sheet_labels`, the one place
    for the report's letters)."""

    ids = list(record_ids)
    records = filled_records(project.db, ids)
    new = pending_prefills(project, ids, records=records) if prefill else []
    current = values(project, ids, new)
    fields = [f.id for f in project.protocol.extraction]
    # two reports of one study (a confirmed link) are one study in the report, and here too
    groups = reports_by_study(project.db, canonical_map(project.db), ids)
    of_study = {r: reps for reps in groups.values() for r in reps}
    rows = (
        [rid, labels[rid], _report_of(rid, of_study[rid]), records[rid].title]
        + [current[rid][f] for f in fields]
        + [row_mark(rid, {f: current[rid][f] for f in fields})]
        for rid in ids
    )
    outputs.write_csv(path, [*READ_ONLY_COLUMNS, *fields, MARK_COLUMN], rows)
    store_prefills(project, new)
    return len(ids)


def _report_of(rid: int, reports: tuple[int, ...]) -> str:
    """The sheet's ``report`` cell: '2 of 2 (study 41)', or '' for a study of one report."""
    if len(reports) == 1:
        return ""
    return f"{reports.index(rid) + 1} of {len(reports)} (study {reports[0]})"
