"""The search log's PRISMA-S items sort imported sources as the PRISMA 2020 diagram does: a
database's export is item 1's (a database) and a citation search's or a website's is item 7's
(other methods). Item 1 named 'citation searching' and 'Google Scholar' databases "imported from
a file", and item 7 listed Embase among the other methods, while prisma.png of the same report
put them the other way round."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"


def _item(text: str, number: int) -> str:
    start = text.index(f"- **{number} ")
    end = text.find("\n- **", start + 1)
    return text[start:end]


def _ris(path: Path, title: str) -> Path:
    path.write_text(f"TY  - JOUR\nTI  - {title}\nPY  - 2019\nER  - \n", encoding="utf-8")
    return path


def test_items_one_and_seven_sort_sources_as_the_flow_diagram(tmp_path: Path, capsys) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    for source, title in (
        ("Embase", "Sick leave in a cohort"),
        ("citation searching", "Return to work after a coordinator"),
        ("Google Scholar", "Dialogue meetings with the employer"),
    ):
        ris = _ris(tmp_path / f"{title[:6]}.ris", title)
        assert main(["import", str(ris), "--source", source, "--project", str(project)]) == 0
    out = tmp_path / "exports"
    assert main(["report", "--project", str(project), "--out", str(out), "--format", "csv"]) == 0
    log = (out / "search-log.md").read_text(encoding="utf-8")
    prisma = (out / "prisma.csv").read_text(encoding="utf-8")
    assert "database: Embase,1" in prisma and "other method: citation searching,1" in prisma
    one, two, seven = _item(log, 1), _item(log, 2), _item(log, 7)
    assert "Embase, imported from a file" in one and "Embase" in two
    for other in ("citation searching", "Google Scholar"):
        assert other not in one and other not in two, other
        assert f"imported: {other} (" in seven, other
    assert "Embase" not in seven
    # items 8 and 13 ask for every source's strategy and date, other methods' too
    for number in (8, 13):
        assert "citation searching, imported from a file" in _item(log, number)


def test_only_other_methods_imported_is_no_database(tmp_path: Path, capsys) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    ris = _ris(tmp_path / "refs.ris", "Return to work after a coordinator")
    assert main(["import", str(ris), "--source", "snowballing", "--project", str(project)]) == 0
    log = tmp_path / "search-log.md"
    assert main(["search", "log", "--out", str(log), "--project", str(project)]) == 0
    text = log.read_text(encoding="utf-8")
    for number in (1, 2):  # a snowballed file is no database's: neither item names one
        assert "no search run and no database's file imported yet" in _item(text, number)
    assert "imported: snowballing (" in _item(text, 7)
