"""The mutation sweep's count of a damage that is read with a warning naming the file: it is
'warned (exit 0)', neither flagged nor lost from the table (RefWorks' cut value, seed 1)."""

from __future__ import annotations

from benchmarks import mutation_sweep
from benchmarks.bad_input_sweep import Outcome, judge


def test_a_warned_exit_0_is_counted_as_warned(monkeypatch, capsys) -> None:
    monkeypatch.setenv("REVIEWKIT_KEYS", "")  # the sweep sets it; put back after the test
    assert mutation_sweep.main(["refworks", "--seed", "1"]) == 0
    said = capsys.readouterr().out
    assert "| warned (exit 0) | 1 |" in said and "0 flagged" in said, said


def test_a_must_refuse_mutation_read_silently_is_flagged() -> None:
    """The judge: exit 0 on a file that cannot survive its damage, nothing said; with a warning
    naming the file it passes (and the sweep counts it as warned)."""
    silent = Outcome(code=0, output="f.txt: 2 records")
    assert judge(silent, True, False, "f.txt", "cut-mid-record") == ["exit 0"]
    warned = Outcome(code=0, output="f.txt: 2 records\nwarning: f.txt:3: if it was cut short …")
    assert judge(warned, True, False, "f.txt", "cut-mid-record") == []


def test_only_a_warning_of_the_damage_excuses_it() -> None:
    """A warning naming the file but saying something else (a year, a U+FFFD), or naming no
    line, or a damage no warning excuses (Latin-1 bytes, a NUL): flagged as silent."""
    cut = "cut-mid-record"
    year = Outcome(code=0, output="f.txt: 2 records\nwarning: f.txt:3: field PY: '20' is no year")
    assert judge(year, True, False, "f.txt", cut) == ["exit 0"]
    no_line = Outcome(code=0, output="warning: f.txt: the last record may be cut short")
    assert judge(no_line, True, False, "f.txt", cut) == ["exit 0"]
    other_file = Outcome(code=0, output="warning: g.txt:3: the last value may be cut short")
    assert judge(other_file, True, False, "f.txt", cut) == ["exit 0"]
    latin1 = Outcome(code=0, output="warning: f.txt:7: 1 record holds U+FFFD; was it cut?")
    assert judge(latin1, True, False, "f.txt", "latin1-bytes") == ["exit 0"]
