"""The journal in our RIS export, as reference managers read it: T2, the journal's full name in
a JOUR record for the RIS specification, Zotero, EndNote and Mendeley (JO, which we wrote before,
is Zotero's journal abbreviation and Mendeley reads no journal from it); a chapter's book is
its T2 as well; the journal's abbreviation is J2. Our own reader reads the export back with the
same journal and abbreviation."""

from __future__ import annotations

from pathlib import Path

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.formats import ris
from reviewkit.store import records as record_rows

# an Embase-style article (JF the full name, JO the abbreviation) and a book chapter (T2 its book)
SOURCE = """TY  - JOUR
TI  - Return to work after sick leave
AU  - Nilsen, O.
PY  - 2019
JF  - Scandinavian Journal of Work, Environment & Health
JO  - Scand J Work Environ Health
VL  - 45
SP  - 12
EP  - 20
DO  - 10.5271/sjweh.3800
ER  -
TY  - CHAP
TI  - Vocational rehabilitation in practice
AU  - Dahl, K.
PY  - 2018
T2  - Handbook of Work Disability
PB  - Springer
CY  - New York
DO  - 10.1007/978-1-4614-6214-9_3
ER  -
"""


def test_the_journal_is_written_as_t2_and_read_back(project_b, tmp_path: Path):
    source = tmp_path / "source.ris"
    source.write_text(SOURCE, "utf-8")
    assert main(["import", str(source), "--project", str(project_b.folder)]) == 0
    stored = record_rows.get_records(project_b.db, [1, 2])
    for rid in stored:
        for who in ("reviewer1", "reviewer2"):
            scr.decide(project_b.db, rid, "title-abstract", who, "include")
            scr.decide(project_b.db, rid, "full-text", who, "include")
    out = tmp_path / "included.ris"
    args = ["export", "--included", "--project", str(project_b.folder)]
    assert main([*args, "--format", "ris", "--out", str(out)]) == 0
    text = out.read_text("utf-8")
    lines = text.splitlines()
    assert "T2  - Scandinavian Journal of Work, Environment & Health" in lines
    assert "T2  - Handbook of Work Disability" in lines
    # the abbreviation (the source's JO beside JF) once, as J2, the tag the specification,
    # EndNote and Zotero read it from; no second copy of the journal
    assert [line for line in lines if line[:2] in ("JO", "JF", "JA", "J2", "BT")] == [
        "J2  - Scand J Work Environ Health"
    ]
    back = {r.title: (r.journal, r.journal_abbreviation) for r in ris.read(text, out.name)}
    assert back == {r.title: (r.journal, r.journal_abbreviation) for r in stored.values()}
    assert {journal for journal, _abbreviation in back.values()} == {
        "Scandinavian Journal of Work, Environment & Health",
        "Handbook of Work Disability",
    }
