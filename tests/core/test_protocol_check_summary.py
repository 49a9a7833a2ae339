"""`protocol check`'s summary of a long stored search: its start and end around '…', cut
between words (a new user read '… D (employment' where the query says AND)."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

LONG = (
    '(schizophreni*[tiab] OR psychosis[tiab] OR "severe mental illness"[tiab]) AND '
    '(employment[tiab] OR "vocational rehabilitation"[tiab])'
)


def test_a_long_query_is_shortened_between_words(tmp_path: Path, capsys) -> None:
    protocol = tmp_path / "ips.toml"
    protocol.write_text(
        '[review]\nid = "ips"\ntitle = "IPS"\nquestion = "Q?"\nreviewers = ["kari", "ola"]\n'
        f"[[searches]]\nname = \"s2\"\nquery = '''{LONG}'''\n"
        '[stages.title-abstract]\nexclusion_reasons = [{ code = "x", label = "X" }]\n',
        encoding="utf-8",
    )
    assert main(["protocol", "check", str(protocol)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("  search s2:"))
    shown = line.removeprefix("  search s2: ")
    start, end = shown.split(" … ")
    assert LONG.startswith(start) and LONG.endswith(end)
    words = LONG.split()
    assert start.split() == words[: len(start.split())]  # whole words only, at both ends
    assert end.split() == words[len(words) - len(end.split()) :]
    assert len(shown) <= 100
