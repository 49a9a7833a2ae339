"""PRISMA 2020 flow: its numbers (:class:`PrismaCounts`) and a check that they add up.

:func:`.collect.collect_counts` is the only function that reads the project; :func:`check`,
:func:`.figure.draw` and the report's PRISMA table (:func:`reviewkit.reports.report.prisma_table`,
which is prisma.csv too) work on a :class:`PrismaCounts`, so all can be tested on numbers made
by hand.

Where each number comes from:

- records identified: per database and per stored search, the records its runs stored
  (``reviewkit.searches.identification_counts``; what each latest run retrieved is in the CSV);
  the records of imported files by their source name: a database's export joins that
  database's line (one line per database, whether its records came from a stored search or a
  file), and sources that are not databases (citation searching, websites, organisations; see
  :func:`reviewkit.searches.source_kinds.is_other_method`) go to PRISMA 2020's "other methods";
- duplicates removed: records minus studies (duplicate clusters); "automatically" is what the
  rule links alone would have removed, "by hand" the rest (links made by a person);
- records screened: every study at the title-abstract stage; excluded there, per reason;
  studies still awaiting a decision (pending or in conflict) are shown, not hidden;
- reports sought: studies sent on to full text; not retrieved: full-text excludes whose reason
  code says so (:meth:`reviewkit.protocol.Stage.not_retrieved_codes`); assessed: the rest;
  excluded per reason; included.

The update variant (PRISMA 2020 "updated review", Page et al. 2021 fig. 1) is drawn only after
the team recorded a version of the review (``reviewkit report --new-version``, see
:mod:`reviewkit.reports.versions`) and records were added after it. Then every box above
"New studies included" counts only the records stored since that version and the studies made
of them alone; "Studies included in previous version of review" are the counts recorded with
the version, and the total every study included now (see :mod:`.update`, also for where we
differ from the template).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewkit.reports.prisma.methods import Flow

__all__ = ["PrismaCounts", "check"]


@dataclass
class PrismaCounts:
    """Every number of the flow diagram."""

    databases: dict[str, int] = field(default_factory=dict)  # records per database (one line each)
    searches: dict[str, int] = field(
        default_factory=dict
    )  # records stored per search (all its runs)
    retrieved: dict[str, int] = field(
        default_factory=dict
    )  # hits of each search's latest run (CSV only)
    search_databases: dict[str, str] = field(default_factory=dict)  # search -> its database
    other_sources: dict[str, int] = field(default_factory=dict)  # records per other method
    # records imported from files per database line: shown under a database that also has stored
    # searches, so its searches and its files add up to its line (PubMed 21 = 11 + 9 + 1 file)
    imported: dict[str, int] = field(default_factory=dict)
    # records screened down to the flow's end, every source: one Flow, the only place these
    # numbers are held (its duplicates: every duplicate removed; its included: every study
    # included, or in an update the new studies, PRISMA's "New studies included in review")
    flow: Flow = field(default_factory=Flow)
    duplicates_automatic: int = 0  # of flow.duplicates, those the rule links alone removed
    reason_labels: dict[str, str] = field(default_factory=dict)  # reason code -> label
    update: bool = False
    version: str = ""  # the recorded version the update is counted from
    new_records: int = 0  # records stored after that version
    previous_included: int = 0  # as recorded with the version
    # an update's reports included now, counted apart from the flow so that check() can tell
    # that total_included = still_included + since_included + flow.included
    total_included: int = 0
    # the previous version's included reports that are included now (previous_included unless
    # one was excluded or merged since)
    still_included: int = 0
    # reports of the version's records it did not include (screened then), included since
    since_included: int = 0
    # Set only when a person linked included reports into studies (``dedup studies``): then
    # ``included`` (and previous/new) count reports, these the studies they make up, and the
    # diagram gives both, as PRISMA 2020 asks ("Studies included in review (n = S)",
    # "Reports of included studies (n = R)").
    studies_included: int | None = None
    previous_studies: int = 0
    new_studies: int = 0
    still_studies: int = 0  # as still_included, in studies
    since_studies: int = 0  # as since_included, in studies
    new_reports_of_earlier: int = 0  # of the flow's included: new reports of earlier studies
    # PRISMA 2020's second column: the studies found by other methods only (set by
    # collect_counts when there are other methods; see reviewkit.reports.prisma.methods). The
    # flow above stays that of all sources; the databases' column is it minus these.
    other: Flow | None = None

    @property
    def included(self) -> int:
        """Every report included now: the flow's, or in an update the total."""
        return self.total_included if self.update else self.flow.included

    def columns(self) -> tuple[Flow, Flow | None]:
        """The databases' column and the other methods' (None when there are none)."""
        if not self.other_sources:
            return self.flow, None
        other = self.other or Flow()  # counts made by hand may leave it out
        return self.flow.minus(other), other

    @property
    def identified(self) -> int:
        return sum(self.databases.values()) + sum(self.other_sources.values())

    @property
    def duplicates(self) -> int:
        return self.flow.duplicates

    @property
    def duplicates_manual(self) -> int:
        """Duplicates removed by links a person made (all but the rules' own)."""
        return self.flow.duplicates - self.duplicates_automatic

    def rows(self) -> list[tuple[str, str, int]]:
        """(section, item, count) for the CSV; the same numbers as the diagram."""
        out = [("identification", f"database: {k}", v) for k, v in self.databases.items()]
        out += [("identification", f"search: {k}", v) for k, v in self.searches.items()]
        out += [
            ("identification", f"database: {k} (imported files)", v)
            for k, v in self.imported_beside_searches().items()
        ]
        out += [
            ("identification", f"search: {k} (retrieved by its latest run)", v)
            for k, v in self.retrieved.items()
        ]
        out += [("identification", f"other method: {k}", v) for k, v in self.other_sources.items()]
        out += [
            ("identification", "records identified", self.identified),
            # records removed before screening, in the PRISMA 2020 template's words; reviewkit
            # removes duplicates only (no automation tool marks records ineligible)
            ("identification", "duplicate records removed", self.duplicates),
            ("identification", "duplicates removed automatically", self.duplicates_automatic),
            ("identification", "duplicates removed by hand", self.duplicates_manual),
            ("identification", "records marked as ineligible by automation tools", 0),
            ("identification", "records removed for other reasons", 0),
        ]
        out += [("screening", k, v) for k, v in self.flow.screening_rows(self.reason_label)]
        databases, other = self.columns()
        if other is not None:  # PRISMA 2020's column for other methods, and the databases'
            out += [
                ("databases and registers", k, v)
                for k, v in databases.rows(self.reason_label)
                if not k.startswith("records removed: already")  # the other methods' row only
            ]
            out += [
                ("other methods", k, v)
                for k, v in other.rows(self.reason_label)
                if self.update or not k.startswith("records removed: identified before")
            ]
        return out + self._included_rows()

    def _included_rows(self) -> list[tuple[str, str, int]]:
        """The diagram's included boxes, each as studies then their reports (PRISMA 2020's two
        lines). While no report is linked to another (``studies_included`` None) each study is
        one report: the two lines give one number, and a change since an update's version
        (still included, included since) is one row, not a row of studies and one of reports."""
        linked = self.studies_included is not None

        def pair(before: str, after: str, studies: int, reports: int) -> list[tuple[str, str, int]]:
            if not linked:
                return [("included", f"{before} {after}", reports)]
            return [
                ("included", f"{before} studies {after}", studies),
                ("included", f"{before} reports {after}", reports),
            ]

        out = [
            (
                "included",
                "studies included",
                self.included if self.studies_included is None else self.studies_included,
            ),
            ("included", "reports of included studies", self.included),
        ]
        if not self.update:
            return out
        out += [
            ("included", f"new records since version {self.version}", self.new_records),
            # as the diagram's box: counts made by hand may give only the reports
            (
                "included",
                "studies included in previous version",
                self.previous_studies or self.previous_included,
            ),
            ("included", "reports of studies in previous version", self.previous_included),
            *pair("of which", "still included", self.still_studies, self.still_included),
            *pair(
                "of the version's records,",
                "included since",
                self.since_studies,
                self.since_included,
            ),
            (
                "included",
                "new studies included",
                self.new_studies if linked else self.flow.included,
            ),
            ("included", "reports of new studies included", self.flow.included),
        ]
        if linked:
            out.append(
                ("included", "of which new reports of earlier studies", self.new_reports_of_earlier)
            )
        return out

    def imported_beside_searches(self) -> dict[str, int]:
        """Records imported from files into a database whose line also counts stored searches
        (alone, a database's line is its imports and needs no breakdown)."""
        searched = {self.search_databases.get(s, "").casefold() for s in self.searches}
        return {k: v for k, v in self.imported.items() if v and k.casefold() in searched}

    def reason_label(self, code: str) -> str:
        """The protocol's label of an exclusion reason code (the code when it has none)."""
        return self.reason_labels.get(code, code)


def check(c: PrismaCounts) -> list[str]:
    """Every way the numbers fail to add up (an empty list when they do)."""
    problems = []

    def same(what: str, left: int, right: int) -> None:
        if left != right:
            problems.append(f"{what}: {left} != {right}")

    f = c.flow
    same("identified - duplicates = screened", c.identified - c.duplicates, f.screened)
    for what, left, right in f.screening_sums():  # the sums each column's check makes too
        same(what, left, right)
    since = " + included since" if c.since_included else ""
    if c.update:
        same(
            f"included = previous still included{since} + new",
            c.included,
            c.still_included + c.since_included + f.included,
        )
    if c.studies_included is not None:
        if not 0 < c.studies_included <= c.included:
            problems.append(f"studies included ({c.studies_included}) not within 1..reports")
        if c.update:
            same(
                f"studies included = previous still included{since} + new",
                c.studies_included,
                c.still_studies + c.since_studies + c.new_studies,
            )
    databases, other = c.columns()
    if other is not None:
        problems += databases.problems(sum(c.databases.values()), "databases and registers")
        problems += other.problems(sum(c.other_sources.values()), "other methods")
    for _, name, value in c.rows():
        if value < 0:
            problems.append(f"{name} is negative ({value})")
    return problems
