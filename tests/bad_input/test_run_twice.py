"""The same command run twice (a shell's history, a script rerun): the second run changes
nothing that the first did not, or is refused; here, attach."""

from __future__ import annotations

from pathlib import Path

from conftest import dump_database

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
SAMPLE = REPO / "tests" / "core" / "fixtures" / "sample.ris"


def test_attaching_the_same_full_text_twice_stores_it_once(tmp_path: Path, capsys) -> None:
    """The second 'attach 1 paper.pdf' added a second, equal row to the attachments log;
    attaching another file and then the first again still makes the first the newest."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(SAMPLE), "--project", str(project)]) == 0
    pdf, other = tmp_path / "paper.pdf", tmp_path / "other.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    attach = ["attach", "1", "--project", str(project), "--by", "reviewer1"]
    assert main([*attach[:2], str(pdf), *attach[2:]]) == 0
    db = project / "review.sqlite"
    once = dump_database(db)
    assert main([*attach[:2], str(pdf), *attach[2:]]) == 0
    assert dump_database(db) == once
    assert main([*attach[:2], str(other), *attach[2:]]) == 0
    assert main([*attach[:2], str(pdf), *attach[2:]]) == 0  # back to the first: a new row
    rows = [line for line in dump_database(db) if line.startswith('INSERT INTO "attachments"')]
    assert len(rows) == 3 and str(pdf) in rows[-1]
    capsys.readouterr()
