"""A publisher's copyright statement that ends an abstract is no finding: the walk-through's
report table gave a study's Findings as "… outcome measures used. (PsycInfo Database Record (c)
2021 APA, all rights reserved)." The kinds found at the end of abstracts in the offline
PubMed snapshot (reviewkit/copyright_trailer.py), through import and `extract export`."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.cli import main

APA = (
    "Employee stress is costly. This study aims to evaluate occupational health interventions."
    " It also suggests that effectiveness varies with the outcome measures used."
    " (PsycInfo Database Record (c) 2021 APA, all rights reserved)."
)
WILEY = (
    "OBJECTIVES: To review sick leave after surgery. CONCLUSIONS: Return to work came sooner"
    " with a graded plan. This article is protected by copyright. All rights reserved."
)
SIGN = (
    "OBJECTIVE: To map return to work in pathology staff. CONCLUSIONS: Workplace contact"
    " helped. © 2021 The Authors. The Journal of Pathology published by John Wiley & Sons,"
    " Ltd. on behalf of The Pathological Society of Great Britain and Ireland."
)
# Elsevier's statement as Embase and Ovid MEDLINE carry it: the word and a year, no sign
ELSEVIER = (
    "OBJECTIVE: To follow nurses back to work. CONCLUSIONS: Early contact shortened sick leave."
    " Copyright (C) 2020 Elsevier B.V. All rights reserved."
)
# a publisher's fixed notice after a sentence left without its stop (as one of the snapshot's
# 50 Wiley notices stands: '… broth of D. officinale This article is protected by copyright.')
WILEY_NO_STOP = (
    "OBJECTIVES: To review sick leave. CONCLUSIONS: Return to work came sooner with D."
    " officinale This article is protected by copyright. All rights reserved."
)
APA_NO_STOP = (
    "Employee stress is costly. It also suggests that effectiveness varies with the measures"
    " (PsycINFO Database Record (c) 2016 APA, all rights reserved)"
)
# a copyright word inside a sentence is the study's own words, kept
OWN = (
    "OBJECTIVE: To review authors' rights. CONCLUSIONS: We conclude that the copyright of"
    " their article is transferred to the publishers."
)


def _ris(tmp_path: Path) -> Path:
    ris = tmp_path / "refs.ris"
    ris.write_text(
        "".join(
            f"TY  - JOUR\nAU  - Author{i}, A\nTI  - Study {i} of work and health\nPY  - 2021\n"
            f"T2  - Journal of Occupational Health\nDO  - 10.1000/copy.{i}\nAB  - {text}\nER  - \n\n"
            for i, text in enumerate(
                (APA, WILEY, SIGN, OWN, ELSEVIER, WILEY_NO_STOP, APA_NO_STOP), start=1
            )
        ),
        encoding="utf-8",
    )
    return ris


def test_copyright_statements_are_left_out_of_prefilled_conclusions(project_a, tmp_path):
    folder = str(project_a.folder)
    assert main(["import", str(_ris(tmp_path)), "--project", folder]) == 0
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--all", "--project", folder]) == 0
    with out.open(encoding="utf-8") as fh:
        conclusions = {row["title"]: row["conclusions"] for row in csv.DictReader(fh)}
    assert conclusions == {
        "Study 1 of work and health": (
            "It also suggests that effectiveness varies with the outcome measures used."
        ),
        "Study 2 of work and health": "Return to work came sooner with a graded plan.",
        "Study 3 of work and health": "Workplace contact helped.",
        "Study 4 of work and health": (
            "We conclude that the copyright of their article is transferred to the publishers."
        ),
        "Study 5 of work and health": "Early contact shortened sick leave.",
        "Study 6 of work and health": "Return to work came sooner with D. officinale",
        "Study 7 of work and health": "It also suggests that effectiveness varies with the measures",
    }
