"""Titles in the RIS and BibTeX exports, as reference managers want them: without the full stop
MEDLINE ends every title with (Zotero's PubMed XML import drops it too; a citation style puts
its own punctuation after the title), but with a title's own last mark kept: '?', an
abbreviation's stop ('et al.', 'U.S.'). The CSV export, the records as found, keeps them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.store import records as record_rows

TITLES = {  # as MEDLINE writes them -> as the export writes them
    "Return to work after sick leave for common mental disorders.": (
        "Return to work after sick leave for common mental disorders"
    ),
    "[Work-focused treatment of common mental disorders in Norway].": (
        "[Work-focused treatment of common mental disorders in Norway]"
    ),
    "Does collaboration between health and welfare services help?": (
        "Does collaboration between health and welfare services help?"
    ),
    "A reply to Hansen et al.": "A reply to Hansen et al.",
    "Sick leave in Norway and the U.S.": "Sick leave in Norway and the U.S.",
    # taxonomy's own abbreviations: a new species ('sp. nov.'), a binomial's authority ('L.',
    # Linnaeus); a single letter after another name is MEDLINE's stop ('Bacillus cereus T.')
    "Pseudomonas foliumensis sp. nov.": "Pseudomonas foliumensis sp. nov.",
    "Alkaloids isolated from Portulaca oleracea L.": "Alkaloids isolated from Portulaca oleracea L.",
    "Sporulation of Bacillus cereus T.": "Sporulation of Bacillus cereus T",
    "Sick leave and vitamin D.": "Sick leave and vitamin D",
}


def _medline(titles) -> str:
    records = [
        f"PMID- {30000001 + i}\nTI  - {title}\nFAU - Nilsen, Ola\nAU  - Nilsen O\n"
        f"DP  - 2019\nTA  - Scand J Work Environ Health\nPT  - Journal Article\n"
        for i, title in enumerate(titles)
    ]
    return "\n".join(records)


def _export(project_b, tmp_path: Path, fmt: str) -> str:
    args = ["export", "--included", "--project", str(project_b.folder), "--format", fmt]
    out = tmp_path / f"included.{ {'ris': 'ris', 'bibtex': 'bib', 'csv': 'csv'}[fmt] }"
    assert main([*args, "--out", str(out)]) == 0
    return out.read_text("utf-8-sig")


def _included(project_b, tmp_path: Path) -> None:
    source = tmp_path / "pubmed.txt"
    source.write_text(_medline(TITLES), "utf-8")
    assert main(["import", str(source), "--project", str(project_b.folder)]) == 0
    for rid in record_rows.get_records(project_b.db, list(range(1, len(TITLES) + 1))):
        for who in ("reviewer1", "reviewer2"):
            scr.decide(project_b.db, rid, "title-abstract", who, "include")
            scr.decide(project_b.db, rid, "full-text", who, "include")


def test_ris_and_bibtex_titles_lose_only_medlines_final_stop(project_b, tmp_path: Path):
    _included(project_b, tmp_path)
    ris = _export(project_b, tmp_path, "ris").splitlines()
    assert sorted(line[6:] for line in ris if line.startswith("TI  - ")) == sorted(TITLES.values())
    bib = _export(project_b, tmp_path, "bibtex")
    for exported in TITLES.values():
        assert f"title = {{{exported}}}" in bib.replace("\\&", "&"), exported
    sheet = list(csv.DictReader(io.StringIO(_export(project_b, tmp_path, "csv"))))
    assert sorted(row["title"] for row in sheet) == sorted(TITLES)
