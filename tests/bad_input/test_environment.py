"""The environment a command runs in, when it is not what reviewkit expects: a user the
system has no name for (a container started with a bare user id, no $USER) gets a request
for --reviewer, exit 2, not a traceback; an environment variable with a bad value is named."""

from __future__ import annotations

import pwd
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RIS = "TY  - JOUR\nTI  - A record\nPY  - 2020\nER  -\n"


@pytest.fixture
def nameless_user(monkeypatch) -> None:
    """No login-name variable, and no passwd entry for this user id (getpass falls back to
    pwd.getpwuid, which raises KeyError for an unknown id)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME", "REVIEWKIT_REVIEWER"):
        monkeypatch.delenv(name, raising=False)

    def unknown(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", unknown)


@pytest.mark.parametrize(
    "argv",
    [
        ["label", "1", "model-type=workplace"],
        ["dedup", "split", "1", "--yes"],
        ["extract", "set", "1", "country=Norway"],
    ],
    ids=["label", "dedup-split", "extract-set"],
)
def test_no_login_name_asks_for_reviewer(
    argv: list[str], nameless_user: None, tmp_path: Path, capsys
) -> None:
    project = tmp_path / "project"
    (tmp_path / "one.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "one.ris"), "--project", str(project)]) == 0
    capsys.readouterr()
    code = main([*argv, "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert "--reviewer" in out + err or "reviewer name" in out + err, out + err


def test_data_variable_naming_a_file(tmp_path: Path, monkeypatch, capsys) -> None:
    """REVIEWKIT_DATA set to a file: the message names the variable (it said only
    'FILE: File exists', after trying to download the snapshot into it)."""
    afile = tmp_path / "data.txt"
    afile.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("REVIEWKIT_DATA", str(afile))
    code = main(["pubmed", "serve", "--port", "0"])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert "REVIEWKIT_DATA names a file" in err and str(afile) in err, err
    assert afile.read_text(encoding="utf-8") == "not a folder\n"


def test_no_home_folder_runs_without_a_keymap(
    nameless_user: None, tmp_path: Path, monkeypatch, capsys
) -> None:
    """No $HOME and no entry in the user list (a container started with a bare user id and a
    cleared environment): the keymap's place ~/.config/… cannot be named, so there is no user
    keymap. Path.home() raised a RuntimeError traceback from every terminal screen; now the
    screen goes on (and stops here only because the test has no terminal)."""
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("REVIEWKIT_KEYS", raising=False)
    project = tmp_path / "project"
    (tmp_path / "one.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "one.ris"), "--project", str(project)]) == 0
    capsys.readouterr()
    code = main(["screen", "--reviewer", "reviewer1", "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert "reviewkit screen opens a screen in the terminal, but" in err, err


def test_data_variable_naming_a_missing_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    """REVIEWKIT_DATA naming a folder that does not exist (a typo, a drive not mounted): said,
    with the folder and what to do; it started a download of the data sets into it."""
    import subprocess

    from reviewkit import offline_data

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a download was started: {args}")

    monkeypatch.setattr(subprocess, "run", no_download)
    missing = tmp_path / "reviewkit-dta"
    monkeypatch.setenv("REVIEWKIT_DATA", str(missing))
    for run in (
        lambda: main(["pubmed", "serve", "--port", "0"]),
        lambda: offline_data.main(["fetch"]),  # what `make data` runs
    ):
        code = run()
        out, err = capsys.readouterr()
        assert code == 2, out + err
        assert f"error: {missing}: REVIEWKIT_DATA names a folder that does not exist" in err, err
        assert "\n  hint: correct REVIEWKIT_DATA" in err and "mkdir -p" in err, err
        assert not missing.exists()
