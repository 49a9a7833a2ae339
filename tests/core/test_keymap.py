"""The action table's keymap file: dotted and quoted keys, bad files, effective keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.errors import UserError
from reviewkit.tui.actions import Action, check_keymap, effective_keys, help_rows, load_keymap

ACTIONS = (
    Action("screening.include", "i", "decide('include')", "Include", group="Decide"),
    Action("screening.next", "j,down", "move(1)", "Next record", group="Move"),
)


def test_dotted_and_quoted_keys_mean_the_same(tmp_path: Path) -> None:
    dotted = tmp_path / "dotted.toml"
    dotted.write_text('[keys]\nscreening.include = "y"\n')
    quoted = tmp_path / "quoted.toml"
    quoted.write_text('[keys]\n"screening.include" = "y"\n')
    assert load_keymap(dotted) == load_keymap(quoted) == {"screening.include": "y"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_keymap_saved_by_notepad_is_read(tmp_path: Path, encoding: str) -> None:
    """Notepad saves 'Unicode' as UTF-16 and 'UTF-8 with BOM' with a byte-order mark; the keys
    are read from either (a UTF-16 keymap was a UnicodeDecodeError traceback)."""
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\n"screening.include" = "y"\n', encoding=encoding)
    assert load_keymap(path) == {"screening.include": "y"}


def test_keymap_overrides_defaults_in_help(tmp_path: Path) -> None:
    keymap = {"screening.include": "y"}
    assert effective_keys(ACTIONS, keymap) == {"screening.include": "y", "screening.next": "j,down"}
    assert help_rows(ACTIONS, keymap) == [
        ("Decide", "y", "Include"),
        ("Move", "j / ↓", "Next record"),
    ]


def test_help_names_page_keys_as_keyboards_do() -> None:
    page = (Action("screening.page_down", "pagedown,space", "page(1)", "Page", group="Move"),)
    assert help_rows(page) == [("Move", "PgDn / Space", "Page")]
    assert help_rows(page, {"screening.page_down": "pageup"}) == [("Move", "PgUp", "Page")]


def test_the_shipped_key_tables_have_no_clash_and_only_valid_keys(tmp_path: Path) -> None:
    check_keymap({}, tmp_path / "keys.toml")  # a new action on a taken key fails here


def test_missing_keymap_file_means_defaults(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "absent.toml") == {}


@pytest.mark.parametrize("text", ["[keys]\nscreening.include = 3\n", "[keys\n", 'keys = "y"\n'])
def test_bad_keymap_file_is_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(text)
    with pytest.raises(UserError) as err:
        load_keymap(path)
    assert str(path) in str(err.value)


def test_a_keymap_that_is_a_pipe_or_a_folder_is_refused_not_waited_on(tmp_path: Path) -> None:
    """REVIEWKIT_KEYS naming a FIFO: reading it would wait for a writer forever. Run in a
    subprocess with a time limit, so a regression fails instead of hanging the suite."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "keys.toml"
    os.mkfifo(fifo)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reviewkit.errors import UserError\n"
        "from reviewkit.tui.actions import load_keymap\n"
        "try:\n"
        "    load_keymap(Path(sys.argv[1]))\n"
        "except UserError as exc:\n"
        "    print(exc.where, exc.message)\n"
        "    sys.exit(2)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2 and proc.stdout.startswith(str(fifo)), proc.stderr
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(UserError, match="folder"):
        load_keymap(folder)
