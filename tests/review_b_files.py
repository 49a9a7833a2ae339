"""Review B's two source files and its expected report, shared by the end-to-end tests through
the commands (test_end_to_end.py) and through the terminal app (test_end_to_end_tui.py)."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.cli import main

PROTOCOL_B = Path(__file__).resolve().parents[1] / "protocols" / "work-health-collaboration.toml"


RIS = """TY  - JOUR
TI  - Individual placement and support for people on sick leave with common mental disorders: a randomised trial
AB  - OBJECTIVE: To test IPS with employment specialists in mental health treatment for sick-listed people with depression and anxiety.
AB  - RESULTS: More participants returned to work.
AU  - Hansen, Anna
AU  - Berg, Ola
PY  - 2019
JO  - Scandinavian Journal of Work
DO  - 10.1234/ips.2019.1
ER  -
TY  - JOUR
TI  - A return-to-work coordinator for employees on sick leave with back pain
AB  - A rehabilitation coordinator organised dialogue with the employer and a return-to-work plan for musculoskeletal sick leave.
AU  - Svensson, Karin
PY  - 2021
JO  - Occupational Rehabilitation
DO  - 10.1234/coord.2021.7
ER  -
TY  - JOUR
TI  - Work-focused cognitive behavioural therapy in primary care
AB  - Therapists added work focus to CBT; the employer took no part.
AU  - Larsen, Per
PY  - 2018
JO  - Psychotherapy Today
ER  -
TY  - JOUR
TI  - Sickness absence among nurses: a survey
AB  - A survey of absence rates.
AU  - Olsen, Kari
PY  - 2017
JO  - Nursing Work
ER  -
"""


CSV_ROWS = [
    ["Title", "Abstract", "Authors", "Year", "Source title", "DOI"],
    [
        "A return-to-work coordinator for employees on sick leave with back pain",
        "A rehabilitation coordinator organised dialogue with the employer.",
        "Svensson, Karin",
        "2021",
        "Occupational Rehabilitation",
        "https://doi.org/10.1234/COORD.2021.7",
    ],
    [
        "Multidisciplinary team assessment with the welfare agency for sick-listed workers",
        "A team of physiotherapists, psychologists and caseworkers followed each person.",
        "Nilsen, Eva",
        "2020",
        "Work and Health",
        "",
    ],
]


def run(*args: str) -> None:
    """Run reviewkit with ``args``; it must exit 0."""
    assert main(list(args)) == 0, args


def report_of_review_b(folder: Path, out: Path) -> dict[str, int]:
    """Run ``report`` and check what both end-to-end tests expect of it (five records screened,
    two studies included, one in the job-specialist table); the PRISMA counts by item."""
    run("report", "--out", str(out), "--project", str(folder))
    with open(out / "prisma.csv", newline="", encoding="utf-8") as fh:
        prisma = {row["Item"]: int(row["Count"]) for row in csv.DictReader(fh)}
    assert prisma["records screened"] == 5
    assert prisma["records excluded"] == 2
    assert prisma["reports assessed for eligibility"] == 3
    assert prisma["reports excluded"] == 1
    assert prisma["studies included"] == 2
    with open(out / "tables" / "job-specialist.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and "Hansen" in rows[0]["Reference"]
    return prisma
