"""The included studies with a retraction, an erratum or an expression of concern.

The Cochrane Handbook (5.1, 6.4.10) asks review authors to check their included studies for
retractions, errata and comments; a study's notices come from every record of each of its
reports (a PubMed copy carries PubMed's links, an Embase copy the publisher's 'RETRACTED:'
mark), by the rules of :mod:`reviewkit.dedup.concerns`. The report lists those studies in a
table of their own and gives the included studies' tables a column
(:data:`~reviewkit.reports.tables.NOTICES_COLUMN`). Comments are left out of both: most are
letters, shown on the screening screen. PRISMA 2020 has no box or item for them: the flow
diagram counts a retracted study as included until a person excludes it.
"""

from __future__ import annotations

from collections.abc import Mapping

from reviewkit.dedup.concerns import Concern, serious_concerns
from reviewkit.dedup.concerns_kept import project_concerns
from reviewkit.reports.snapshot import ProjectSnapshot
from reviewkit.reports.writers import Table
from reviewkit.wording import quantity

NAME = "notices-about-included-studies"
TITLE = "Included studies with a retraction, erratum or expression of concern"
COLUMNS = ["Study", "Title", "Year", "Notices"]


def study_notices(snap: ProjectSnapshot) -> dict[int, list[Concern]]:
    """Included study -> its retractions, errata and expressions of concern, over every record
    of its reports; studies with none left out."""
    groups = {s: snap.reports.get(s, (s,)) for s in snap.studies}
    return serious_concerns(project_concerns(snap.project.db), snap.canon, groups)


def notice_cells(notices: Mapping[int, list[Concern]]) -> dict[int, str]:
    """Study -> its notices' lines, one a line: the included tables' column."""
    return {s: "\n".join(c.line() for c in cs) for s, cs in notices.items()}


def notices_table(snap: ProjectSnapshot, notices: Mapping[int, list[Concern]]) -> Table | None:
    """The included studies with a notice, a row each in the order of their labels; None when
    no included study has one (the report then has no such table)."""
    if not notices:
        return None
    labels, records = snap.labels, snap.records
    rows: list[list] = [
        [labels[s], records[s].title, records[s].year or "", "\n".join(c.line() for c in cs)]
        for s, cs in sorted(notices.items(), key=lambda item: (labels[item[0]].casefold(), item[0]))
    ]
    note = (
        f"{quantity(len(rows), 'included study')} with a retraction, an erratum or an expression"
        " of concern, from PubMed's links, the 'Retracted Publication' type, a 'RETRACTED' title"
        " and the notices among the project's records. Check each before the analysis (Cochrane"
        " Handbook 5.1, 6.4.10); PRISMA 2020 counts them as included until a person excludes"
        " them."
    )
    return Table(NAME, f"{TITLE} (n = {len(rows)})", COLUMNS, rows, note, "Notices")
