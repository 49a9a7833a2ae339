"""A structured abstract whose heading joins two of one category ("AIMS AND OBJECTIVES", the
Journal of Clinical Nursing's): a prefill rule naming either finds its section (a
section headed by that word alone first). Before, the aim of such an abstract fell back to its
Background. A heading joining two categories ("BACKGROUND AND AIMS") is not read as either:
its aim is the sentence that says it."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.cli import main

AIMS_AND_OBJECTIVES = "To describe the substance use of nurses who complete suicide."
BACKGROUND_AND_AIMS = (
    "Sick leave is common among nurses. We aimed to assess a return-to-work programme."
)
ABSTRACTS = {
    "Substance use of nurses": (
        f"AIMS AND OBJECTIVES: {AIMS_AND_OBJECTIVES} BACKGROUND: Nurses are at higher risk"
        " of suicide than the general population. METHODS: Data were analysed."
        " CONCLUSION: Substance use differs."
    ),
    "A return-to-work programme for nurses": (
        f"BACKGROUND AND AIMS: {BACKGROUND_AND_AIMS} METHODS: A cohort of 200 nurses."
        " RESULTS: Sick leave fell. CONCLUSIONS: It helped."
    ),
}


def test_a_joined_heading_is_found_by_either_of_its_words(project_a, tmp_path: Path):
    ris = tmp_path / "joined.ris"
    ris.write_text(
        "".join(
            f"TY  - JOUR\nAU  - Nilsen, Ola\nTI  - {title}\nPY  - 2021\nT2  - J Clin Nurs\n"
            f"AB  - {abstract}\nER  - \n"
            for title, abstract in ABSTRACTS.items()
        ),
        encoding="utf-8",
    )
    folder = str(project_a.folder)
    assert main(["import", str(ris), "--project", folder]) == 0
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--all", "--project", folder]) == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = {row["title"]: row for row in csv.DictReader(fh)}
    assert rows["Substance use of nurses"]["aim"] == AIMS_AND_OBJECTIVES  # not its Background
    joined = rows["A return-to-work programme for nurses"]
    assert joined["aim"] == "We aimed to assess a return-to-work programme."
