"""The same command run twice (a shell's history, a script rerun): the second run changes
nothing that the first did not, or is refused; here, attach, label and dedup study-link."""

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


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(SAMPLE), "--project", str(project)]) == 0
    return project


def _rows(db: Path, table: str) -> list[str]:
    return [line for line in dump_database(db) if line.startswith(f'INSERT INTO "{table}"')]


def test_confirming_the_same_labels_twice_stores_them_once(tmp_path: Path, capsys) -> None:
    """The second 'label 1 model-type=…' appended a second, equal batch to the labels log;
    it now says the study has those labels already and exits 0. Other labels still append,
    and so does a return to the first ones."""
    project = _project(tmp_path)
    db = project / "review.sqlite"
    label = ["label", "1", "--project", str(project), "--reviewer", "lead"]
    first, other = "model-type=job-specialist", "model-type=coordinator"
    assert main([*label[:2], first, *label[2:]]) == 0
    once = dump_database(db)
    capsys.readouterr()
    assert main([*label[:2], first, *label[2:]]) == 0
    assert "already" in capsys.readouterr().out
    assert dump_database(db) == once
    assert main([*label[:2], other, *label[2:]]) == 0
    assert main([*label[:2], first, *label[2:]]) == 0
    assert len(_rows(db, "labels")) == 3


def test_the_same_study_link_twice_is_logged_once(tmp_path: Path, capsys) -> None:
    """The second 'dedup study-link --same 1 2' appended a second, equal row to the study
    links log; it now says so and exits 0. The other verdict, and back, still append."""
    project = _project(tmp_path)
    db = project / "review.sqlite"
    link = ["dedup", "study-link", "--project", str(project), "--reviewer", "lead"]
    assert main([*link, "--same", "1", "2"]) == 0
    once = dump_database(db)
    capsys.readouterr()
    assert main([*link, "--same", "2", "1"]) == 0  # the pair either way round
    assert "already" in capsys.readouterr().out
    assert dump_database(db) == once
    assert main([*link, "--different", "1", "2"]) == 0
    assert main([*link, "--same", "1", "2"]) == 0
    assert len(_rows(db, "study_links")) == 3
