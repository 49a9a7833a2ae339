"""simulate --plot PATH where PATH is an existing file of another kind (a PDF, notes, a sheet
named .png): refused before the simulation, the file left as it was (it was replaced by the
figure, exit 0; found by benchmarks/bad_input_sweep.py's 'over-a-pdf' value). An existing PNG,
an earlier run's figure, is drawn again."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

DATASET = "title,abstract,included\n" + "".join(
    f"Study {i} on {'return to work' if i % 3 == 0 else f'topic {i}'},An abstract,{int(i % 3 == 0)}\n"
    for i in range(9)
)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "is a PDF document"),
        (b"my notes on the curve\n", "is a file that is no PNG image"),
    ],
    ids=["pdf", "text"],
)
def test_plot_over_a_file_of_another_kind_is_refused(
    tmp_path: Path, content: bytes, said: str, capsys
) -> None:
    dataset = tmp_path / "set.csv"
    dataset.write_text(DATASET, encoding="utf-8")
    plot = tmp_path / "curve.png"
    plot.write_bytes(content)
    argv = ["simulate", str(dataset), "--label-column", "included", "--plot", str(plot)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and str(tmp_path / "curve-recall.png") in err, err  # in its folder
    assert plot.read_bytes() == content


def test_plot_over_an_earlier_figure_is_drawn_again(tmp_path: Path, capsys) -> None:
    dataset = tmp_path / "set.csv"
    dataset.write_text(DATASET, encoding="utf-8")
    plot = tmp_path / "curve.png"
    argv = ["simulate", str(dataset), "--label-column", "included", "--plot", str(plot)]
    assert main(argv) == 0
    plot.write_bytes(plot.read_bytes()[:-1])  # an earlier figure, not the one drawn now
    assert main(argv) == 0, capsys.readouterr().err
    assert plot.read_bytes().endswith(b"IEND\xaeB`\x82")  # a whole PNG again
