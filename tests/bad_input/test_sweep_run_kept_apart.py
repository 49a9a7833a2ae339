"""The bad-input sweep's whole run (``python -m benchmarks.bad_input_sweep``, no WORD) wrote its
table over ``results/bad-input-sweep.md``, the rounds kept by hand (rounds 1-27 wiped), and the
mutation sweep's over ``mutation-sweep.md``; each writes its own file now. And its local PubMed server was stopped only when the run ended
normally: an error or ^C in a trial left it running."""

from __future__ import annotations

import pytest

from benchmarks import bad_input_sweep as sweep
from benchmarks import mutation_sweep


class _Server:
    stopped = False

    def terminate(self) -> None:
        self.stopped = True

    def wait(self) -> int:
        return 0


@pytest.fixture
def server(tmp_path, monkeypatch) -> _Server:
    """The sweep made to run no trials, writing into ``tmp_path``, over a stand-in server."""
    fake = _Server()
    monkeypatch.setattr(sweep, "RESULTS", tmp_path)
    monkeypatch.setattr(sweep, "SLOTS", sweep.SLOTS[:1])
    monkeypatch.setattr(sweep, "_serve", lambda snapshot: (fake, "http://127.0.0.1:9"))
    monkeypatch.setattr(sweep, "trials", lambda *args: [])
    return fake


def test_a_whole_run_leaves_the_rounds_written_by_hand(tmp_path, server) -> None:
    rounds = tmp_path / "bad-input-sweep.md"
    rounds.write_text("# Bad-input sweep\n\n## Round 27\n", encoding="utf-8")
    assert sweep.main([]) == 0
    assert rounds.read_text(encoding="utf-8") == "# Bad-input sweep\n\n## Round 27\n"
    assert "0 trials, 0 flagged" in (tmp_path / sweep.LAST_RUN).read_text(encoding="utf-8")
    assert server.stopped


def test_the_server_is_stopped_when_a_trial_fails(monkeypatch, server) -> None:
    def broken(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(sweep, "trials", broken)
    with pytest.raises(KeyboardInterrupt):
        sweep.main([])
    assert server.stopped


def test_a_whole_mutation_run_leaves_its_rounds_written_by_hand(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(mutation_sweep, "RESULTS", tmp_path)
    monkeypatch.setattr(mutation_sweep, "KINDS", {})
    rounds = tmp_path / "mutation-sweep.md"
    rounds.write_text("# Mutation sweep\n\n## Round 19\n", encoding="utf-8")
    assert mutation_sweep.main([]) == 0
    assert rounds.read_text(encoding="utf-8") == "# Mutation sweep\n\n## Round 19\n"
    assert "0 trials, 0 flagged" in (tmp_path / mutation_sweep.LAST_RUN).read_text("utf-8")
