"""A command whose reader goes away (`reviewkit report | head`) ends as `cat` and `git` do there:
exit 141 (128 + SIGPIPE, what the shell reports for them), nothing said, no traceback."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from conftest import into_closed_pipe

from reviewkit import reader_gone


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["search", "--help"]])
def test_click_s_own_output_into_a_closed_pipe_exits_141(args: list[str]) -> None:
    """click caught the EPIPE itself and exited 1, as if reviewkit had failed."""
    assert into_closed_pipe(*args) == (141, "")


@pytest.mark.parametrize("args", [["status"], ["dedup", "report", "--rules"], ["report"]])
def test_a_command_s_output_into_a_closed_pipe_exits_141(
    cli_project: Path, args: list[str]
) -> None:
    """The commands the README walk saw exit 1 in `| head`."""
    code, err = into_closed_pipe(*args, "--project", str(cli_project))
    assert (code, err) == (141, ""), err


def test_an_error_into_a_closed_pipe_exits_141_too() -> None:
    """`reviewkit statsu 2>&1 | head`: the error message itself meets the closed pipe (it
    ended in a BrokenPipeError traceback, written nowhere, and exit 1)."""
    assert into_closed_pipe("statsu", stderr_too=True) == (141, "")


@pytest.mark.parametrize("stderr_too", [False, True])
def test_the_demo_into_a_closed_pipe_exits_141(tmp_path: Path, stderr_too: bool) -> None:
    """`make demo | head` (and `2>&1 | head`): the demo's own console exited 1 (rich's handling
    of EPIPE), where the commands exit 141. Its first line meets the pipe: the snapshot named
    is never read, so the run ends there whatever it holds."""
    folders = ["--work-dir", str(tmp_path / "demo"), "--out", str(tmp_path / "out")]
    args = ["--snapshot", str(tmp_path / "none.xml"), *folders]
    code, err = into_closed_pipe(*args, stderr_too=stderr_too, module="reviewkit.demo")
    assert (code, err) == (141, ""), err
    assert not (tmp_path / "demo").exists()  # nothing begun


def test_a_broken_pipe_while_the_output_is_open_stays_an_error() -> None:
    """A socket's EPIPE (a server that closed the connection) while standard output and error
    are open (here pytest's files) is the network's error, not a reader gone: not exit 141."""
    with pytest.raises(BrokenPipeError), reader_gone.noticed():
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")
