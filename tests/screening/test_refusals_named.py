"""A refusal on a screen's message line names what it refused and what to do: an attach that
failed read "not attached: no such file" (a walk-through typed a path relative to another
folder and could not tell where it had been looked for), and `g` dropped the hint."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records, prompt, screening_app

from reviewkit import screening as scr

TA, FT = "title-abstract", "full-text"


def test_a_missing_full_text_is_named_by_its_whole_path(project_a, tmp_path, monkeypatch):
    (study,) = add_records(project_a, make_records(1))
    scr.decide(project_a.db, study, TA, "reviewer1", "include", protocol=project_a.protocol)
    monkeypatch.chdir(tmp_path)  # the folder the screen runs in, which the prompt does not show

    async def go():
        app = screening_app(project_a, FT)
        async with app.run_test(size=(80, 24)) as pilot:
            await prompt(pilot, app, "a", "papers/smith2020.pdf")
            said = app.first_screen.message
            assert said.startswith(f"not attached: {tmp_path / 'papers' / 'smith2020.pdf'}: ")
            assert "no such file (give the path of a PDF" in said

    asyncio.run(go())


def test_go_to_a_bad_reference_says_what_one_looks_like(project_b):
    add_records(project_b, make_records(2))

    async def go():
        app = screening_app(project_b, TA)
        async with app.run_test(size=(80, 24)) as pilot:
            await prompt(pilot, app, "g", "pmid:abc")
            said = app.first_screen.message
            assert "'pmid:abc' is not a PMID" in said and "a PMID is a number" in said

    asyncio.run(go())
