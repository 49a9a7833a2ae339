"""The two columns of PRISMA 2020's template: databases and registers, and other methods.

PRISMA 2020's flow diagram for reviews that searched databases, registers *and* other sources
(Page et al. 2021, BMJ 372:n71, fig. 1) runs two columns side by side: "Identification of
studies via databases and registers" and "Identification of studies via other methods"
(websites, organisations, citation searching), each down to its own reports sought, not
retrieved, assessed and excluded, both ending in one "Studies included in review" box.

reviewkit deduplicates and screens every record in one flow, so the columns are cut out of
that flow by study: a study with at least one record from a database or register (a stored
search, or an import from a database) runs down the databases' column; a study found by other
methods only runs down the other methods' column. An other-method record of a study a database
found too is counted in its own column as identified, then as removed before screening
("already identified via databases and registers"), where the template has nothing; so is a
second record of one study among the other methods (a duplicate). In an update, an other-method
record of a study found before its version (by a database or by other methods then) is removed
as "identified before version …", a line of its own: it is not one the databases found. Where
we differ from the template: the other methods' column also has "Records screened" and
"Records excluded", since reviewkit screens those records at title/abstract like the others
(the template starts that column at "Reports sought for retrieval").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from reviewkit.reports.prisma.update import members_of


@dataclass
class Flow:
    """One column's numbers below identification (studies, records where so named)."""

    also_in_databases: int = 0  # other methods only: records of studies a database found too
    duplicates: int = 0  # records removed as duplicates within the column
    screened: int = 0
    excluded_screening: dict[str, int] = field(default_factory=dict)
    awaiting_screening: int = 0
    sought: int = 0
    not_retrieved: int = 0
    assessed: int = 0
    excluded_full_text: dict[str, int] = field(default_factory=dict)
    awaiting_full_text: int = 0
    included: int = 0
    # other methods in an update only: records of studies found before its version (by any
    # source: a study snowballed for the previous version and snowballed again is one of them)
    found_before: int = 0
    # set only when a person linked reports into studies: the studies the column's included
    # reports make up (``included`` then counts reports, as PRISMA 2020's "Reports of included
    # studies"); a study with a report in the databases' column is that column's
    studies: int | None = None

    @property
    def removed(self) -> int:
        return self.also_in_databases + self.found_before + self.duplicates

    def minus(self, other: Flow) -> Flow:
        """This flow without ``other``'s studies (the databases' column = all - other methods)."""

        def less(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
            return {k: v - b.get(k, 0) for k, v in a.items() if v - b.get(k, 0)}

        return Flow(
            0,
            self.removed - other.removed,
            self.screened - other.screened,
            less(self.excluded_screening, other.excluded_screening),
            self.awaiting_screening - other.awaiting_screening,
            self.sought - other.sought,
            self.not_retrieved - other.not_retrieved,
            self.assessed - other.assessed,
            less(self.excluded_full_text, other.excluded_full_text),
            self.awaiting_full_text - other.awaiting_full_text,
            self.included - other.included,
            studies=None
            if self.studies is None or other.studies is None
            else self.studies - other.studies,
        )

    def problems(self, identified: int, what: str) -> list[str]:
        """Every way the column fails to add up, each named with ``what`` (the column)."""
        sums = [
            ("identified - removed = screened", identified - self.removed, self.screened),
            *self.screening_sums(),
        ]
        out = [f"{what}: {name}: {a} != {b}" for name, a, b in sums if a != b]
        for name, value in self.rows():
            if value < 0:
                out.append(f"{what}: {name} is negative ({value})")
        return out

    def screening_sums(self) -> list[tuple[str, int, int]]:
        """(what, left, right) of each sum from records screened down to included."""
        return [
            (
                "screened = excluded + awaiting + sought",
                self.screened,
                sum(self.excluded_screening.values()) + self.awaiting_screening + self.sought,
            ),
            ("sought = not retrieved + assessed", self.sought, self.not_retrieved + self.assessed),
            (
                "assessed = excluded + awaiting + included",
                self.assessed,
                sum(self.excluded_full_text.values()) + self.awaiting_full_text + self.included,
            ),
        ]

    def rows(self, label: Callable[[str], str] = str) -> list[tuple[str, int]]:
        """(item, count) for the CSV, in the diagram's order (``label``: a reason's words)."""
        return [
            ("records removed: already identified via databases", self.also_in_databases),
            ("records removed: identified before the version", self.found_before),
            ("records removed: duplicates", self.duplicates),
            *self.screening_rows(label),
            *self.included_rows(),
        ]

    def included_rows(self) -> list[tuple[str, int]]:
        """Studies included and their reports beside (one number while no report is linked
        to another: each study is then one report)."""
        studies = self.included if self.studies is None else self.studies
        return [("studies included", studies), ("reports of included studies", self.included)]

    def screening_rows(self, label: Callable[[str], str] = str) -> list[tuple[str, int]]:
        """The rows from records screened down to the full-text decisions awaited."""
        return [
            ("records screened", self.screened),
            ("records excluded", sum(self.excluded_screening.values())),
            *((f"excluded: {label(k)}", v) for k, v in self.excluded_screening.items()),
            ("awaiting title-abstract decision", self.awaiting_screening),
            ("reports sought for retrieval", self.sought),
            ("reports not retrieved", self.not_retrieved),
            ("reports assessed for eligibility", self.assessed),
            ("reports excluded", sum(self.excluded_full_text.values())),
            *((f"full text excluded: {label(k)}", v) for k, v in self.excluded_full_text.items()),
            ("awaiting full-text decision", self.awaiting_full_text),
        ]


def stage_flow(stages, stage_names: list[str], studies: Collection[int] | None = None) -> Flow:
    """A column's numbers from records screened down to included, from the stages' counts
    (:meth:`~reviewkit.screening.DerivedStages.counts`) of ``studies`` (every study when None).

    Screened: the studies at the first stage; sought: those it included; not retrieved: the
    last stage's excludes whose reason says so (:meth:`~reviewkit.protocol.Stage.not_retrieved_codes`:
    ``NOT_RETRIEVED_REASONS`` and the protocol's ``not_retrieved`` reasons); assessed: the rest
    sought. With one stage, every study sought is assessed and included."""
    first = stages.counts(stage_names[0], studies)
    flow = Flow(
        screened=first.total,
        excluded_screening=dict(first.excluded_by_reason),
        awaiting_screening=first.pending + first.conflicts,
        sought=first.included,
    )
    if len(stage_names) == 1:
        flow.assessed = flow.included = flow.sought
        return flow
    last = stages.counts(stage_names[-1], studies)
    excluded = dict(last.excluded_by_reason)
    unseen = stages.protocol.stages[stage_names[-1]].not_retrieved_codes()
    flow.not_retrieved = sum(excluded.pop(code, 0) for code in sorted(unseen))
    flow.assessed = flow.sought - flow.not_retrieved
    flow.excluded_full_text = excluded
    flow.awaiting_full_text = last.pending + last.conflicts
    flow.included = last.included
    return flow


def other_only(
    canon: dict[int, int], other_records: Collection[int], studies: Collection[int] | None = None
) -> set[int]:
    """The duplicate clusters (canonical ids, among ``studies`` when given) whose every record
    came from other methods: the other methods' column."""
    members = members_of(canon)
    counted = members.keys() if studies is None else set(studies)
    return {
        s for s, rids in members.items() if s in counted and all(r in other_records for r in rids)
    }


def other_methods_flow(
    stages,
    stage_names: list[str],
    canon: dict[int, int],
    other_records: Iterable[int],
    studies: Collection[int] | None = None,
    after: int = 0,
) -> Flow:
    """The other methods' column: the studies whose every record came from other methods.

    ``stages``: the project's :class:`~reviewkit.screening.DerivedStages`; ``canon``: record ->
    study; ``other_records``: the records imported from other-method sources (in an update,
    those stored since its version); ``studies``: the studies the flow counts (an update's
    new studies; every study when None); ``after``: an update's version's last record id.

    An other-method record of a study with other records is removed before screening: as
    found before the version when a record of its study was stored up to ``after`` (whatever
    its source), else as already identified via databases (a record of its study came from
    one)."""
    other = set(other_records) & canon.keys()
    members = members_of(canon)
    only = other_only(canon, other, studies)
    in_only = sum(len(members[s]) for s in only)
    flow = stage_flow(stages, stage_names, only)
    earlier = {s for s, rids in members.items() if s not in only and min(rids) <= after}
    flow.found_before = sum(1 for r in other if canon[r] in earlier)
    flow.also_in_databases = len(other) - in_only - flow.found_before
    flow.duplicates = in_only - len(only)
    return flow
