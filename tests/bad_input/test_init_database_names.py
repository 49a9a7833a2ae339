"""A project folder named as one of a project's database files (review.sqlite-wal, -shm,
-journal: a name the shell's Tab completes from a project's listing). `init` made it, and the
project it was made in then failed to open ('unable to open database file'); now `init`
refuses the name, and a project with such a folder beside its database names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

PROTOCOL = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"


@pytest.mark.parametrize(
    "name", ["review.sqlite", "review.sqlite-wal", "review.sqlite-shm", "review.sqlite-journal"]
)
def test_init_refuses_a_folder_named_as_a_database_file(name: str, tmp_path: Path, capsys) -> None:
    """In a project (the log's place) or in a folder made a project later (the database's)."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    for folder in (project, tmp_path / "later"):
        code = main(["init", str(folder / name), "--protocol", str(PROTOCOL)])
        err = capsys.readouterr().err
        assert code == 2, err
        assert "Traceback" not in err
        if not (folder / name).is_file():  # a project's own review.sqlite: 'is a file'
            assert f"a project folder may not be named {name}" in err and "hint: " in err
            assert not (folder / name).exists()  # nothing made
    assert main(["status", "--project", str(project)]) == 0  # the project still opens


def test_a_folder_where_the_log_goes_is_named(tmp_path: Path, capsys) -> None:
    """Made by hand or by a copy: the command names the folder and what to do."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    (project / "review.sqlite-wal").mkdir()
    capsys.readouterr()
    code = main(["status", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "review.sqlite-wal beside it is a folder" in err
    assert "hint: move the folder" in err


@pytest.mark.parametrize("name", ["Review.sqlite-wal", "REVIEW.SQLITE-SHM"])
def test_init_refuses_the_name_in_another_case(name: str, tmp_path: Path, capsys) -> None:
    """macOS and Windows file systems ignore case by default: there the folder takes the place
    of the file SQLite writes, so the name is refused in any case (on Linux too, the same rule
    everywhere: a project folder copied to a laptop must still open)."""
    code = main(["init", str(tmp_path / name), "--protocol", str(PROTOCOL)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"a project folder may not be named {name}" in err
    assert not (tmp_path / name).exists()
