"""A project folder given as a symbolic link that leads nowhere: a loop of links, or a link to a
drive not mounted. --project said 'not a review project (no review.sqlite)' and init said
'File exists' with nothing to do; both now say what the link is, and nothing is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

PROTOCOL = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"


def _links(tmp_path: Path) -> dict[str, Path]:
    loop_a, loop_b, gone = tmp_path / "loop-a", tmp_path / "loop-b", tmp_path / "review"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    gone.symlink_to(tmp_path / "unmounted" / "review")
    return {"loop": loop_a, "gone": gone}


@pytest.mark.parametrize(
    ("link", "says"),
    [("loop", "in a loop of links"), ("gone", "which does not exist (a drive not mounted")],
)
@pytest.mark.parametrize("command", ["status", "init"])
def test_a_project_link_that_leads_nowhere_is_named(
    link: str, says: str, command: str, tmp_path: Path, capsys
) -> None:
    path = _links(tmp_path)[link]
    argv = (
        ["init", str(path), "--protocol", str(PROTOCOL)]
        if command == "init"
        else [command, "--project", str(path)]
    )
    before = sorted(p.name for p in tmp_path.iterdir())
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"'{path}' is a symbolic link" in err and says in err, err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
