"""The done line with a long project folder at 80x24 (s45, in tmux): 'Queue done … · next: …
(reviewkit conflicts --project /a/long/…/folder); full-text: 2 records wait for you (reviewkit
screen --reviewer maria --stage full-text --project' and the rest cut, for the folder written
out twice took the line past its five rows. The folder is shortened there now (the home folder
as ~, then the middle elided) only as far as the line needs; the command printed when the
screen closes names it whole."""

from __future__ import annotations

import asyncio
from pathlib import Path

from conftest import add_records
from screening.helpers import keys_only, make_records, until
from tui.conftest import PROTOCOL
from tui.helpers import TA, shown, unwrapped

from reviewkit import screening as scr
from reviewkit.project import init_project, open_project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.short_paths import fit_folder

DEEP = "shared-drive/department-of-occupational-health/systematic-reviews-2026/return-to-work"


def _project_in(folder: Path):  # noqa: ANN202
    """The team's review in ``folder``, opened as the command opens it (its --project words)."""
    protocol = folder.parent / "burnout-rtw.toml"
    protocol.parent.mkdir(parents=True, exist_ok=True)
    protocol.write_text(PROTOCOL, encoding="utf-8")
    init_project(folder, protocol).close()
    project = open_project(folder)
    ids = add_records(project, make_records(3))
    for study in ids[:2]:  # both include: two records wait for maria at full text
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "include")
    scr.decide(project.db, ids[2], TA, "tom", "exclude", "not-employees")
    return project


def _done_rows(project, size: tuple[int, int]) -> tuple[str, str]:  # noqa: ANN001
    """The done line as shown after maria's last vote (a conflict for the lead), and whole."""
    rows: dict[str, str] = {}

    async def go() -> None:
        screen = keys_only(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")))
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=size) as pilot:
            await pilot.press("i")

            def whole() -> bool:  # the done line, all of it in view (laid out)
                line = screen.rank_text
                return "full-text" in line and unwrapped(shown(app, "#rank")) == unwrapped(line)

            await until(pilot, whole, "the whole done line in view")
            rows["shown"], rows["line"] = shown(app, "#rank"), screen.rank_text
            await pilot.press("q")

    asyncio.run(go())
    return rows["shown"], rows["line"]


def test_a_long_project_folder_is_shortened_so_the_done_line_fits_its_rows(tmp_path):
    folder = tmp_path / DEEP
    project = _project_in(folder)
    try:
        seen, line = _done_rows(project, (80, 24))
        assert unwrapped(seen) == unwrapped(line), (seen, line)  # (as whole() waited for)
        assert line.endswith(f"{folder.name})") and "/…/" in line, line  # its name kept
        assert "1 conflict for a lead (reviewkit conflicts --project" in line, line
        assert str(folder) not in line, line
        # a wide screen has the rows for the folder written out
        _, wide = _done_rows(project, (200, 24))
        assert f"--project {folder})" in wide, wide
    finally:
        project.close()


def test_a_folder_in_the_home_folder_is_first_shortened_to_a_command_that_still_runs(
    tmp_path, monkeypatch
):
    """Under the home folder the first step is ~ (a shell expands it, the command runs); the
    middle is elided only when that is not enough."""
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "reviews" / "team a" / "return-to-work"
    words = f"next: full-text: 2 records wait for you (reviewkit screen --project '{folder}')"
    home = tmp_path.name
    width = len(words) - len(str(tmp_path)) + 2  # room for ~ in place of the home folder
    fitted = fit_folder(words, folder, width, rows=1)
    assert fitted.endswith("(reviewkit screen --project ~/'reviews/team a/return-to-work')")
    assert home not in fitted, fitted
    short = "next: full-text: 2 records wait for you (reviewkit screen --project ~/reviews/…/return-to-work)"
    assert fit_folder(words, folder, len(short), rows=1) == short
    assert fit_folder(words, folder, len(words), rows=1) == words  # it fits: as it is
