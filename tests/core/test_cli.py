"""The command line: --help everywhere, init / import / status, repeated imports, detection."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reviewkit import formats
from reviewkit.cli import cli, main
from reviewkit.project import open_project
from reviewkit.status import project_status
from reviewkit.store import records as record_rows

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PROTOCOL_A = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path, loading the lazy ones (the top-level group imports on demand)."""
    ctx = click.Context(group)
    paths = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, (*prefix, name)))
    return paths


COMMANDS = _command_paths(cli)


def test_core_commands_are_registered() -> None:
    assert {("init",), ("import",), ("status",), ("protocol",), ("protocol", "check")} <= set(
        COMMANDS
    )


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "reviewkit")
def test_help_works_everywhere(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="reviewkit")
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_init_import_status(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL_A)]) == 0
    out = capsys.readouterr().out
    assert "8 stored searches" in out
    assert (folder / "protocol.toml").read_bytes() == PROTOCOL_A.read_bytes()
    assert (folder / "review.sqlite").exists()

    files = [
        FIXTURES / n
        for n in ("sample.xml", "sample.nbib", "sample.ris", "sample.bib", "scopus.csv")
    ]
    assert main(["import", *map(str, files), "--project", str(folder)]) == 0
    out = capsys.readouterr().out
    for path, fmt in zip(files, ("pubmed-xml", "medline", "ris", "bibtex", "csv"), strict=True):
        assert f"{path}: 2 records ({fmt}" in out
    assert (
        main(
            [
                "import",
                str(FIXTURES / "wos.txt"),
                "--source",
                "Web of Science",
                "--project",
                str(folder),
            ]
        )
        == 0
    )
    assert "source 'Web of Science'" in capsys.readouterr().out

    assert main(["status", "--project", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "records: 11" in out and "imports: 6" in out and "stored searches: 8" in out
    with open_project(folder) as project:
        status = project_status(project)
        assert dict(status.by_source) == {
            "PubMed": 4,
            "RIS import": 2,
            "BibTeX import": 2,
            "CSV import": 2,
            "Web of Science": 1,
        }


def test_project_from_the_environment(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL_A)]) == 0
    monkeypatch.setenv("REVIEWKIT_PROJECT", str(folder))
    assert main(["import", str(FIXTURES / "sample.ris")]) == 0
    assert main(["status"]) == 0
    assert "records: 2" in capsys.readouterr().out


def test_the_same_file_twice_is_skipped_unless_again(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "review"
    main(["init", str(folder), "--protocol", str(PROTOCOL_A)])
    copy = Path(
        shutil.copy(FIXTURES / "sample.ris", tmp_path / "renamed.txt")
    )  # same content, other name
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(folder)]) == 0
    capsys.readouterr()
    assert main(["import", str(copy), "--project", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "skipped, already imported as import #1" in out and "--again" in out
    with open_project(folder) as project:
        assert record_rows.record_count(project.db) == 2
    assert main(["import", str(copy), "--again", "--project", str(folder)]) == 0
    assert "2 records (ris" in capsys.readouterr().out
    with open_project(folder) as project:
        assert record_rows.record_count(project.db) == 4
        assert len(record_rows.list_imports(project.db)) == 2


# --- format detection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("sample.ris", "ris"),
        ("sample.nbib", "medline"),
        ("sample.bib", "bibtex"),
        ("scopus.csv", "csv"),
        ("wos.txt", "csv"),
        ("asreview.csv", "csv"),
        ("sample.xml", "pubmed-xml"),
    ],
)
def test_format_comes_from_the_content_not_the_name(tmp_path: Path, name: str, fmt: str) -> None:
    anonymous = Path(shutil.copy(FIXTURES / name, tmp_path / "export.dat"))
    assert formats.detect(anonymous) == fmt
    misleading = Path(
        shutil.copy(FIXTURES / name, tmp_path / ("refs.ris" if fmt != "ris" else "refs.bib"))
    )
    assert formats.detect(misleading) == fmt
    assert [r.title for r in formats.read_file(misleading)] == [
        r.title for r in formats.read_file(FIXTURES / name)
    ]


@pytest.mark.parametrize(
    "name", ["sample.ris", "sample.nbib", "sample.bib", "scopus.csv", "sample.xml"]
)
def test_gzip_is_read_transparently(tmp_path: Path, name: str) -> None:
    packed = tmp_path / (name + ".gz")
    packed.write_bytes(gzip.compress((FIXTURES / name).read_bytes()))
    assert formats.detect(packed) == formats.detect(FIXTURES / name)
    plain = list(formats.read_file(FIXTURES / name))
    unpacked = list(formats.read_file(packed))
    assert [r.bibliographic_fields() for r in unpacked] == [r.bibliographic_fields() for r in plain]
    assert [r.raw for r in unpacked] == [r.raw for r in plain]


def test_format_option_forces_a_reader(tmp_path: Path, capsys) -> None:
    # a one-column list of titles: detection cannot tell it is CSV, --format can
    titles = tmp_path / "titles.txt"
    titles.write_text(
        "title\nReturn to work after sick leave\nSick leave and the GP\n", encoding="utf-8"
    )
    with pytest.raises(Exception, match="cannot tell the format"):
        formats.detect(titles)
    assert [r.title for r in formats.read_file(titles, fmt="csv")] == [
        "Return to work after sick leave",
        "Sick leave and the GP",
    ]
    folder = tmp_path / "review"
    main(["init", str(folder), "--protocol", str(PROTOCOL_A)])
    assert main(["import", str(titles), "--project", str(folder)]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["import", str(titles), "--format", "csv", "--project", str(folder)]) == 0
    assert "2 records (csv" in capsys.readouterr().out
    # aliases: nbib for medline
    assert [r.pmid for r in formats.read_file(FIXTURES / "sample.nbib", fmt="nbib")] == [
        "33000001",
        "33000002",
    ]
