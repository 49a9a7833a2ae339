"""The screening screen loads what its first record needs, not the whole project's status:
reviewkit.status (where work waits, read when a reviewer has none left or quits) imports the
classifier, the searches and PubMed's readers, which took the first screen's peak memory of the
TUI benchmark's 50,000-record project from 84 to 95 MB (stop 41). The screens import it when
they use it."""

from __future__ import annotations

import json
import subprocess
import sys

# read only once a screen has nothing left or closes: never needed for the first record
NOT_WITH_THE_SCREEN = ("reviewkit.status", "reviewkit.classify")


def _modules_after(imports: str) -> list[str]:
    """The modules a fresh interpreter holds after ``imports``."""
    code = f"import json, sys\n{imports}\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_screens_do_not_load_the_projects_status():
    modules = _modules_after(
        "import reviewkit.tui.screening, reviewkit.tui.conflicts, reviewkit.tui.dedup_review"
    )
    assert "reviewkit.tui.screening" in modules
    assert [m for m in NOT_WITH_THE_SCREEN if m in modules] == []
