"""Subprocess driver for the reliability tests (run as a script, not collected by pytest).

tui MODE: python driver.py tui PROJECT REVIEWER SEED
    screens through the Textual app under Pilot, pressing seeded random keys for ever, and
    prints 'confirmed <decision id>' once the screen reports a decision as saved.
core MODE: python driver.py core PROJECT REVIEWER N START_FILE [STAGE]
    waits for START_FILE to exist, then records N decisions through reviewkit.screening at
    STAGE (title-abstract by default) on the studies that entered it, printing
    'confirmed <decision id> <study> <label>' once each is committed.
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


def core(folder: str, reviewer: str, n: int, start_file: str, stage: str) -> None:
    project = open_project(folder)
    studies = sorted(screening.stage_outcomes(project, stage))
    rule = project.protocol.stages[stage]
    # an exclusion reason that judges the text (not one of 'not retrieved', which agreement
    # leaves out), where the stage asks for one
    skip = rule.not_retrieved_codes()
    reason = next((r.code for r in rule.exclusion_reasons if r.code not in skip), "")
    while not Path(start_file).exists():
        time.sleep(0.001)
    for i in range(n):
        # each pass over the studies changes every vote: the same vote given again is
        # no change, and writes nothing (screening.decide)
        label = "include" if (i % 3 != 0) != (i // len(studies) % 2 == 1) else "exclude"
        study = studies[i % len(studies)]
        d = screening.decide(
            project.db,
            study,
            stage,
            reviewer,
            label,
            reason if label == "exclude" and rule.reason_required else "",
            protocol=project.protocol,
        )
        print(f"confirmed {d.id} {study} {label}", flush=True)
    project.close()


if __name__ == "__main__":
    mode, folder, reviewer = sys.argv[1:4]
    if mode == "tui":
        asyncio.run(tui(folder, reviewer, int(sys.argv[4])))
    else:
        stage = sys.argv[6] if len(sys.argv) > 6 else "title-abstract"
        core(folder, reviewer, int(sys.argv[4]), sys.argv[5], stage)
