"""benchmarks.dedup_verdicts: what moved between two dumps of the labelled sets' pair verdicts."""

import json

from benchmarks.dedup_verdicts import main, moves, summary

BEFORE = {
    "cardiac": {
        "a|b": ["merged", "biblio_match", True],
        "c|d": ["queued", "biblio_partial", False],
        "e|f": ["merged", "same_doi", True],
        "g|h": ["merged", "biblio_match", False],
    },
    "stroke": {"x|y": ["queued", "title_only_record", True]},
}
AFTER = {
    "cardiac": {
        "a|b": ["queued", "same_issue_other_page", True],  # a true pair lost to the queue
        "e|f": ["merged", "same_doi", True],  # unchanged
        "g|h": ["merged", "biblio_partial", False],  # same state, another rule
        "i|j": ["merged", "biblio_match", False],  # a new false merge
    },  # c|d left the queue: apart now
    "stroke": {"x|y": ["queued", "title_only_record", True]},
}


def test_moves_lists_each_pair_whose_state_or_rule_changed():
    moved = moves(BEFORE, AFTER)
    assert [m[0] for m in moved["cardiac"]] == ["a|b", "c|d", "g|h", "i|j"]
    assert moved["stroke"] == []
    c_d = moved["cardiac"][1]
    assert c_d[2][0] == "apart" and c_d[3] is False
    i_j = moved["cardiac"][3]
    assert i_j[1][0] == "apart" and i_j[3] is False


def test_summary_counts_true_and_false_moves_per_set():
    lines = summary(moves(BEFORE, AFTER))
    assert lines[0] == (
        "cardiac: 4 moved: 1 true merged -> queued, 1 false apart -> merged, "
        "1 false merged -> merged, 1 false queued -> apart"
    )
    assert lines[1] == "stroke: 0 moved"


def test_diff_on_the_command_line(tmp_path, capsys):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(BEFORE))
    b.write_text(json.dumps(AFTER))
    assert main(["diff", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "cardiac: 4 moved: 1 true merged -> queued" in out
    assert main(["diff", str(a)]) == 2
    assert "usage" in capsys.readouterr().out
