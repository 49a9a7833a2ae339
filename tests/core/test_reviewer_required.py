"""screen, confirm and decisions export take no default name: without --reviewer they say so
with the names the protocol lists and that $REVIEWKIT_REVIEWER is not read there (click's bare
'Missing option' named neither); the other commands' --reviewer still defaults to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    return folder


@pytest.mark.parametrize(
    "argv",
    [["screen"], ["confirm"], ["decisions", "export", "out.jsonl"]],
    ids=["screen", "confirm", "decisions-export"],
)
def test_a_missing_reviewer_names_the_protocols_people(
    argv: list[str], project: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("REVIEWKIT_REVIEWER", "reviewer1")  # not read by these commands
    capsys.readouterr()
    code = main([*argv, "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert (
        f"'reviewkit {' '.join(argv[:2] if argv[0] == 'decisions' else argv[:1])}' needs --reviewer"
        in err
    )
    assert "reviewers: reviewer1 and reviewer2; leads: lead" in err, err
    assert "$REVIEWKIT_REVIEWER" in err and "is not read here" in err, err
    assert "Usage:" not in err and "Traceback" not in err


def test_a_missing_reviewer_outside_a_project_says_where_names_are(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["screen"])
    err = capsys.readouterr().err
    assert code == 2
    assert "needs --reviewer" in err and "[review] reviewers or leads" in err, err


def test_reviewer_from_the_variable_elsewhere(project: Path, capsys, monkeypatch) -> None:
    """label's --reviewer (one definition with the required ones) still takes the variable."""
    monkeypatch.setenv("REVIEWKIT_REVIEWER", "nobody-listed")
    code = main(["label", "1", "x=y", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2
    assert "'nobody-listed' comes from $REVIEWKIT_REVIEWER" in err, err


def test_a_name_holding_a_comma_is_quoted_among_the_protocols_people(
    tmp_path: Path, capsys
) -> None:
    """'reviewers: Smith, J, reviewer2' named three people or two: the names are listed as every
    list of a message is (``wording.listed``, all of them: one must be typed exactly), a name
    holding the list's comma or 'and' quoted."""
    protocol = tmp_path / "protocol.toml"
    text = PROTOCOL.read_text(encoding="utf-8")
    protocol.write_text(text.replace('"reviewer1"', '"Smith, J"', 1), encoding="utf-8")
    folder = tmp_path / "project"
    assert main(["init", str(folder), "--protocol", str(protocol)]) == 0
    capsys.readouterr()
    assert main(["screen", "--project", str(folder)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "reviewers: 'Smith, J' and reviewer2; leads: lead" in err, err
