"""Report tables: one per label of the protocol's report scheme, in the protocol's column layout.

Built-in columns come from the record (``study`` "Surname et al. (Year)", ``reference`` the full
reference, ``year``, ``title``, ``journal``, ``doi``, ``pmid``); every other column is an
extraction field. A last column says whether the study's label was confirmed by a reviewer or
is still a suggestion (the rules', or a label confirmed on another report of the study:
:attr:`reviewkit.classify.Assigned.status`), and, when the layout has extraction fields, a
column names the fields whose value was prefilled from the record and not yet checked by a
person (every other value was given or checked by one), so each format (CSV, XLSX, Markdown,
DOCX) shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from reviewkit.author_names import cited_parts
from reviewkit.classify import Assigned, assigned_labels, none_id
from reviewkit.classify.study_labels import studies_of, study_labels
from reviewkit.dedup.merged_fields import filled_records
from reviewkit.errors import UserError
from reviewkit.extract import values_and_unchecked
from reviewkit.name_forms import vancouver_initials
from reviewkit.names_in_capitals import given_names_in_capitals
from reviewkit.project import Project
from reviewkit.protocol import Scheme
from reviewkit.records import Record
from reviewkit.reports import ties
from reviewkit.reports.imprint import work_reference
from reviewkit.reports.labels import citation_labels
from reviewkit.reports.writers import Cell, Table
from reviewkit.wording import quantity, verb

STATUS_COLUMN = "Label status"
REPORTS_COLUMN = "Reports"
NEW_COLUMN = "New since"  # an update's studies: "New since 2021 review"
# an included study's retractions, errata, expressions of concern (reports.notices)
NOTICES_COLUMN = "Retraction, erratum or concern"
UNCHECKED_COLUMN = "Prefilled, not checked"
UNCHECKED_NOTE = (
    f"'{UNCHECKED_COLUMN}' names the fields whose value was filled in from the record"
    " (affiliations, abstract, publication type) and not yet checked by a person; every other"
    " value was given or checked by one."
)


def _author(name: str, authors: list[str]) -> str:
    """Vancouver form, surname first, initials without periods: 'Andersen, Lars L' ->
    'Andersen LL'; 'Smith J.' -> 'Smith J'; 'A.G. de Boer' -> 'de Boer AG' (the surname found
    by author_names.cited_parts, the one place for it; 'Berg, J. van der' -> 'van der Berg J');
    a group author stays as written; capitals that read as a word ('SMITH, MAHA') initials or
    a given name as the rest of the list ``authors`` writes them (given_names_in_capitals)."""
    parts = cited_parts(name)
    if not parts.given:
        return name.strip().rstrip(".")
    initials = vancouver_initials(parts.given, given_names_in_capitals(name, authors))
    return " ".join(p for p in (parts.surname, initials, parts.suffix) if p)


def _sentence(text: str) -> str:
    """A reference element ending in exactly one full stop ('?' and '!' end it themselves)."""
    text = text.strip().rstrip(".").rstrip()
    return text if not text or text[-1] in "?!" else text + "."


def cited_journal(record: Record) -> str:
    """The journal as a reference names it: its title abbreviation without full stops
    ('J. Occup. Rehabil.', as Scopus and Web of Science write ISO's, -> 'J Occup Rehabil', as
    NLM's catalogue and PubMed write it), else its title as the record gives it.

    Citing Medicine (ch. 1, Journal Title, and its Box 'Abbreviation rules for journal titles')
    abbreviates every journal title and omits the punctuation of an abbreviation: words end
    without a full stop, a place after the title keeps its parentheses ('Clin Toxicol
    (Phila)'). Where we differ: only the full stops are dropped (a hyphen a source kept stays:
    the words are the source's, not NLM's); a journal with no abbreviation in its record is
    cited by its full title, not by one built word by word from Citing Medicine's list of title
    words (one made here could be an abbreviation no catalogue uses, and find nothing)."""
    if not record.journal_abbreviation:
        return record.journal
    # '.' between words or glued to the next ('Ann. N.Y. Acad. Sci.' -> 'Ann N Y Acad Sci')
    return " ".join(record.journal_abbreviation.replace(".", " ").split())


def reference(record: Record) -> str:
    """Full reference, as NLM's Citing Medicine writes it: 'Authors. Title. J Abbrev.
    Year;Vol(Issue):Pages. doi:…' (the journal by :func:`cited_journal`).

    Every element ends in one full stop, whatever punctuation the record brought with it
    (initials written 'J.', titles ending in '.'), so no '..' appears.
    """
    authors = [_author(a, record.authors) for a in record.authors]
    who = ", ".join(authors[:6]) + (", et al" if len(authors) > 6 else "")
    # a report, book, thesis …: 'Authors. Title. Place: Publisher; Year.' (reports.imprint)
    text = work_reference(record, who, _sentence)
    if text is None:  # a journal article: 'Authors. Title. Journal. Year;Vol(Issue):Pages.'
        place = record.journal_place  # 'Vol(Issue):Pages'; after the year a ';', or pages' ':'
        if not record.year:  # no year (in press, an import without one): no ';' or ':' to lead
            when = place.removeprefix(":")
        else:
            when = f"{record.year}{';' if place and not place.startswith(':') else ''}{place}"
        parts = (who, record.title, cited_journal(record), when)
        text = " ".join(_sentence(p) for p in parts if p and p.strip())
    if record.doi:
        text += f" doi:{record.doi}"
    elif record.pmid:
        text += f" PMID: {record.pmid}"
    return text.strip()


def cell(column: str, record: Record, values: dict[str, str], label: str = "") -> str | int:
    """The value of one report column for one study; ``label``: the study's label told apart
    from the report's other studies (:func:`.labels.citation_labels`), else its citation."""
    builtin = {
        "study": lambda: label or record.citation(),
        "reference": lambda: reference(record),
        "year": lambda: record.year or "",
        "title": lambda: record.title,
        "journal": lambda: record.journal,
        "doi": lambda: record.doi,
        "pmid": lambda: record.pmid,
    }
    if column in builtin:
        return builtin[column]()
    return values.get(column, "")


def _sort_key(sort: str, record: Record, rid: int, label: str = "") -> tuple:
    """A row's place: by year and first author as ``sort`` says, then by label, so that
    "Andersen et al. (2019a)" comes before "(2019b)" whatever their record ids."""
    year = record.year or 0
    name, label = record.first_author_surname.casefold(), label.casefold()
    if sort == "year-asc":
        return (year or 9999, name, label, rid)
    if sort == "author":
        return (name, year, label, rid)
    return (-year, name, label, rid)


def report_tables(
    project: Project,
    record_ids: Iterable[int],
    scheme_id: str | None = None,
    *,
    records: Mapping[int, Record] | None = None,
    reports: Mapping[int, Sequence[int]] | None = None,
    pending: Iterable[tuple[int, str, str]] = (),
    authors_columns: bool = False,
    new_since: tuple[str, Collection[int], Collection[int]] | None = None,
    labels: Mapping[int, str] | None = None,
    notices: Mapping[int, str] | None = None,
) -> list[Table]:
    """One table per label of the report scheme (plus "none of these" when a study has it).

    ``records``: the studies' records when the caller has read them already. ``reports``:
    study -> its reports among ``record_ids`` (the snapshot's grouping); one row per study, and,
    when a study has several reports, a "Reports" column lists every report's reference.
    ``pending``: prefilled values not stored yet, (record id, field id, value), shown as stored
    unchecked prefills would be (the report stores them once its files are written).
    ``authors_columns``: the protocol's columns only, as the review's authors publish them (no
    "Reports", "Label status" or "Prefilled, not checked"); a study's ``reference`` cell then
    lists each of its reports' references. ``new_since``: in an update, the version the
    update counts from, the reports included since it and of them the version's own records
    (:func:`~reviewkit.reports.versions.included_since`): a column "New since <version>" marks
    the update's studies (:func:`_new_cell`), as a team column (not in the authors' columns).
    ``labels``: study -> its label told apart over the whole report (the snapshot's); None:
    told apart among these studies. ``notices``: study -> what its retractions, errata and
    expressions of concern are (:func:`~reviewkit.reports.notices.study_notices`): a column
    when a study has one (not in the authors' columns: the report lists them apart)."""
    proto = project.protocol
    scheme, columns, names, sort = _layout(proto, scheme_id)
    rows = _read_rows(
        project,
        scheme,
        columns,
        names,
        record_ids,
        records,
        reports,
        pending,
        authors_columns,
        labels,
    )
    if new_since is not None and not authors_columns:
        version, fresh, of_version = new_since
        rows = replace(rows, new={version: (set(fresh), set(of_version))})
    if notices and not authors_columns:
        rows = replace(rows, notices=notices)
    header = _header(proto, columns, names, rows.several, bool(rows.checked), authors_columns)
    header += [f"{NEW_COLUMN} {version}" for version in rows.new]
    header += [NOTICES_COLUMN] if rows.notices else []
    members = _members(scheme, rows.assigned, rows.sort_key(sort))
    everyone = list(rows.assigned.values())  # the same for every table's note
    tables = []
    for lab in members:
        group = [rows.assigned[s] for s in members[lab]]
        n_reports = sum(len(rows.studies[s]) for s in members[lab]) if rows.several else None
        note = _table_note(scheme, group, everyone, n_reports, bool(rows.checked))
        if authors_columns:  # published with no column saying which: the note counts them
            note += _unchecked_count(sum(rows.unchecked_in_layout(s) for s in members[lab]))
        name = rows.label_names.get(lab, lab)
        title = f"{name} (n = {len(group)})"
        tables.append(
            Table(lab, title, header, [rows.row(s, lab) for s in members[lab]], note, name)
        )
    return tables


@dataclass(frozen=True)
class _Rows:
    """What the rows of every table show, read once: each study's reports, record, citation
    label ("2019a"), labels in the scheme and extraction values (with the fields whose value is
    an unchecked prefill); and the layout a row follows."""

    scheme: Scheme
    columns: list[str]
    studies: Mapping[int, Sequence[int]]
    records: Mapping[int, Record]
    labels: Mapping[int, str]
    assigned: Mapping[int, Assigned]
    merged: Mapping[int, tuple[dict[str, str], set[str]]]
    label_names: dict[str, str]
    in_layout: list[str]  # the layout's extraction fields
    field_names: dict[str, str]  # their column names
    several: bool  # a study has several reports: a "Reports" column lists them
    checked: list[str]  # the fields a column names when their value is an unchecked prefill
    authors_columns: bool  # the protocol's columns only (see report_tables)
    # an update: version -> (the reports included since it, of them the version's own records)
    new: dict[str, tuple[set[int], set[int]]] = field(default_factory=dict)
    notices: Mapping[int, str] = field(default_factory=dict)  # study -> its notices' lines

    def sort_key(self, sort: str) -> Callable[[int], tuple]:
        """A study's place in its table, by the protocol's ``sort`` (:func:`_sort_key`)."""
        return lambda s: _sort_key(sort, self.records[s], s, self.labels[s])

    def unchecked_in_layout(self, s: int) -> int:
        """How many of a study's values in the layout are unchecked prefills."""
        return len(self.merged[s][1] & set(self.in_layout))

    def row(self, s: int, lab: str) -> list[Cell]:
        """Study ``s``'s row in label ``lab``'s table: the layout's cells; unless the authors'
        columns only, then its reports (when a study has several), its label status and its
        unchecked prefilled fields (when the layout has extraction fields)."""
        studies, records, merged = self.studies, self.records, self.merged
        listed = _references(records, studies[s]) if len(studies[s]) > 1 else ""
        out = [
            listed
            if self.authors_columns and c == "reference" and listed  # no Reports column
            else cell(c, records[s], merged[s][0], self.labels[s])
            for c in self.columns
        ]
        if self.authors_columns:
            return out
        # a study of one report would repeat its Reference there: only several are listed
        out += [listed] if self.several else []
        out.append(ties.row_status(self.scheme, self.assigned[s], lab, self.label_names))
        if self.checked:
            unchecked = (self.field_names[c] for c in self.checked if c in merged[s][1])
            out.append(", ".join(unchecked))
        for fresh, of_version in self.new.values():
            out.append(_new_cell(studies[s], fresh, of_version))
        if self.notices:
            out.append(self.notices.get(s, ""))
        return out


def _new_cell(reports: Sequence[int], fresh: set[int], of_version: set[int]) -> str:
    """A study's cell in the update's "New since <version>" column, as the update diagram counts
    it: 'yes' for a new study (every report the update's), 'included since' for a study of the
    version's records included after it (the diagram's previous-version box counts it, not the
    new studies), 'a new report' for a study of before with a report added, else empty."""
    if not any(r in fresh for r in reports):
        return ""
    if all(r in fresh and r not in of_version for r in reports):
        return "yes"
    return "included since" if all(r in of_version for r in reports) else "a new report"


def _read_rows(
    project: Project,
    scheme: Scheme,
    columns: list[str],
    names: dict[str, str],
    record_ids: Iterable[int],
    records: Mapping[int, Record] | None,
    reports: Mapping[int, Sequence[int]] | None,
    pending: Iterable[tuple[int, str, str]],
    authors_columns: bool,
    labels: Mapping[int, str] | None,
) -> _Rows:
    """Read what the rows show: the layout's ``columns`` with their ``names``; the other
    arguments are :func:`report_tables`'."""
    proto = project.protocol
    ids = sorted(set(record_ids))
    studies = studies_of(ids, reports)
    if records is None:
        records = filled_records(project.db, ids)  # as the report reads them
    if labels is None:  # the report gives its own, told apart from its excluded studies too
        labels = citation_labels(records, studies)  # over every table's studies: one 2019a
    values, unchecked = values_and_unchecked(project, ids, list(pending))  # one read
    none = none_id(scheme)
    by_report = assigned_labels(project, scheme.id, ids)
    # extraction fields in the layout, whose unchecked prefills a column names (in the authors'
    # columns, with no such column, their tables' notes count them instead)
    in_layout = [c for c in columns if c in {f.id for f in proto.extraction}]
    unchecked = unchecked if in_layout else {}
    return _Rows(
        scheme=scheme,
        columns=columns,
        studies=studies,
        records=records,
        labels=labels,
        assigned={s: study_labels(by_report, reps, none) for s, reps in studies.items()},
        merged={s: study_values(values, unchecked, reps) for s, reps in studies.items()},
        label_names={x.id: x.name for x in scheme.labels} | {none: scheme.none_label_name},
        in_layout=in_layout,
        field_names={c: names.get(c, _default_name(proto, c)) for c in in_layout},
        several=any(len(reps) > 1 for reps in studies.values()),
        # the authors' columns only: no column names them (the tables' notes count them)
        checked=[] if authors_columns else in_layout,
        authors_columns=authors_columns,
    )


def _header(
    proto, columns: list[str], names: dict[str, str], several: bool, checked: bool, authors: bool
) -> list[str]:
    """The tables' header: the layout's column names (the protocol's [report] names, else each
    column's default); unless the ``authors``' columns only, then "Reports" when a study has
    several reports, "Label status" and, when the layout has extraction fields (``checked``),
    "Prefilled, not checked"."""
    header = [names.get(c, _default_name(proto, c)) for c in columns]
    if authors:
        return header
    header += [REPORTS_COLUMN] if several else []
    return header + [STATUS_COLUMN] + ([UNCHECKED_COLUMN] if checked else [])


def _layout(proto, scheme_id: str | None) -> tuple[Scheme, list[str], dict[str, str], str]:
    """The tables' scheme, columns, column names and sort, from the protocol's [report]."""
    report = proto.report
    if report is None and scheme_id is None:
        raise UserError(
            "the protocol has no [report] section",
            where=str(proto.path),
            hint="add [report] with scheme and columns",
        )
    scheme = proto.scheme(scheme_id or report.scheme)
    if report is None:
        return scheme, ["study", "reference"], {}, "year-desc"
    return scheme, list(report.columns), report.column_names, report.sort


def _members(
    scheme: Scheme, assigned: Mapping[int, Assigned], key: Callable[[int], tuple]
) -> dict[str, list[int]]:
    """label -> its studies in the table's order, for every label of the scheme in protocol
    order, and "none of these" last when a study has it."""
    none = none_id(scheme)
    label_ids = [lab.id for lab in scheme.labels]
    if any(none in a.labels for a in assigned.values()):
        label_ids.append(none)
    return {
        lab: sorted((s for s in assigned if lab in assigned[s].labels), key=key)
        for lab in label_ids
    }


def _table_note(
    scheme: Scheme,
    group: Sequence[Assigned],
    everyone: Sequence[Assigned],
    n_reports: int | None,
    unchecked_column: bool,
) -> str:
    """A table's note: its studies (and their reports, when a study has several), whose word
    their labels are, its ties and why the tables hold more rows than studies
    (:func:`.ties.table_note`), and what the unchecked-prefill column means; for an empty
    table, why it is empty."""
    if not group:  # an empty table says why, rather than "0 studies; 0 labels confirmed …"
        if not everyone:
            return "No study has been included yet: this table fills as studies are included."
        return f"No study has this label ({quantity(len(everyone), 'study')} included)."
    counted = quantity(len(group), "study")
    if n_reports is not None:
        counted += f" ({quantity(n_reports, 'report')})"
    parts = [f"{counted}; {_label_counts(group)}", ties.table_note(scheme, group, everyone)]
    if unchecked_column:
        parts.append(UNCHECKED_NOTE)
    return " ".join(p for p in parts if p)


def _unchecked_count(n: int) -> str:
    """The authors' tables' sentence on values prefilled from the records that no person has
    checked yet ('' when there are none)."""
    if not n:
        return ""
    return (
        f" {quantity(n, 'value')} in this table {verb(n, 'was', 'were')} filled in from the"
        " records (affiliations, abstract, publication type) and not yet checked by a person."
    )


def _label_counts(labels: Sequence[Assigned]) -> str:
    """A table note's count of confirmed and suggested labels; the suggestions that are a
    label a person confirmed on another report of the study are counted apart."""
    confirmed = sum(1 for a in labels if a.confirmed)
    text = f"{quantity(confirmed, 'label')} confirmed by a reviewer, {len(labels) - confirmed} suggested"
    offered = sum(1 for a in labels if a.method == "study")  # never confirmed here
    if offered:
        text += f" ({offered} confirmed on another report of the study)"
    return text + "."


def _references(records: Mapping[int, Record], reports: Sequence[int]) -> str:
    """A study's reports, one full reference a line (the study's own record first)."""
    return "\n".join(reference(records[r]) for r in reports)


def study_values(
    values: Mapping[int, Mapping[str, str]],
    unchecked: Mapping[int, set[str]],
    reports: Sequence[int],
) -> tuple[dict[str, str], set[str]]:
    """(field -> value, fields whose value is an unchecked prefill) of a study: per field, the
    first report (in id order) that has a value gives it, and whether that value is still an
    unchecked prefill comes from the same report."""
    out: dict[str, str] = {}
    prefilled: set[str] = set()
    for rid in reports:
        for name, value in values.get(rid, {}).items():
            if name not in out or (not str(out[name]).strip() and str(value).strip()):
                out[name] = value
                prefilled.discard(name)
                if name in unchecked.get(rid, ()):
                    prefilled.add(name)
    return out, prefilled


def _default_name(proto, column: str) -> str:
    for f in proto.extraction:
        if f.id == column:
            return f.name
    return column.capitalize()
