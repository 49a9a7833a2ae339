"""Subprocess driver for the reliability tests (run as a script, not collected by pytest).

tui MODE: python driver.py tui PROJECT REVIEWER SEED
    screens through the Textual app under Pilot, pressing seeded random keys for ever, and
    prints 'confirmed <decision id>' once the screen reports a decision as saved.
core MODE: python driver.py core PROJECT REVIEWER N START_FILE
    waits for START_FILE to exist, then records N decisions through reviewkit.screening.
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from pathlib import Path

from reviewkit import screening
from reviewkit.project import open_project


async def tui(folder: str, reviewer: str, seed: int) -> None:
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.screening import ScreeningScreen

    rng = random.Random(seed)
    project = open_project(folder)
    app = ReviewkitApp(
        ScreeningScreen(screening.ReviewerQueue(project, "title-abstract", reviewer, seed=seed)),
        keymap={},
    )
    keys = [["i"], ["u"], ["e", "1"], ["e", "2"], ["e", "0"], ["z"], ["k"], ["j"]]
    async with app.run_test(size=(100, 34)) as pilot:
        s = app.first_screen
        print("ready", flush=True)
        while True:
            before = s.last_committed
            await pilot.press(*rng.choice(keys))
            if s.last_committed and s.last_committed != before:
                print(f"confirmed {s.last_committed}", flush=True)


def core(folder: str, reviewer: str, n: int, start_file: str) -> None:
    project = open_project(folder)
    studies = sorted(screening.stage_outcomes(project, "title-abstract"))
    while not Path(start_file).exists():
        time.sleep(0.001)
    for i in range(n):
        d = screening.decide(
            project.db,
            studies[i % len(studies)],
            "title-abstract",
            reviewer,
            # each pass over the studies changes every vote: the same vote given again is
            # no change, and writes nothing (screening.decide)
            "include" if (i % 3 != 0) != (i // len(studies) % 2 == 1) else "exclude",
            protocol=project.protocol,
        )
        print(f"confirmed {d.id}", flush=True)
    project.close()


if __name__ == "__main__":
    mode, folder, reviewer = sys.argv[1:4]
    if mode == "tui":
        asyncio.run(tui(folder, reviewer, int(sys.argv[4])))
    else:
        core(folder, reviewer, int(sys.argv[4]), sys.argv[5])
