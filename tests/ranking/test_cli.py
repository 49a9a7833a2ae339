"""``reviewkit simulate`` through the CLI: report, plot, CSV, and bad input (exit 2, nothing written)."""

from __future__ import annotations

import csv

import pytest
from ranking.conftest import write_csv

from reviewkit.cli import main


def test_simulate_reports_and_writes(labelled_csv, tmp_path, capsys):
    plot, order = tmp_path / "curve.png", tmp_path / "order.csv"
    code = main(
        ["simulate", str(labelled_csv), "--seed", "2", "--plot", str(plot), "--csv", str(order)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "WSS@95" in out and "recall@10%" in out and "recall@20%" in out and "time" in out
    assert plot.read_bytes()[:4] == b"\x89PNG"
    with order.open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 200 and rows[0]["position"] == "1"
    assert sorted(int(r["row"]) for r in rows) == list(range(1, 201))
    assert float(rows[-1]["recall"]) == 1.0


def test_other_label_column(tmp_path, records, capsys):
    path = write_csv(
        tmp_path / "s.csv", records, header=("title", "abstract", "label_abstract_screening")
    )
    assert main(["simulate", str(path), "--label-column", "label_abstract_screening"]) == 0
    assert "label_abstract_screening" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "nolabel.csv",
            "title,abstract,label_abstract_screening\nA,b,1\nC,d,0\n",
            "no label column 'label_included'",
        ),
        ("notitle.csv", "abstract,label_included\nb,1\nd,0\n", "no 'title' column"),
        ("noinc.csv", "title,label_included\nA,0\nB,0\n", "no includes"),
        ("records.txt", "TY  - JOUR\nTI  - A title\nER  - \n", "record 1 (A title) has no label"),
        ("missing.csv", None, "no such file"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    plot, order = tmp_path / "out.png", tmp_path / "out.csv"
    code = main(["simulate", str(path), "--plot", str(plot), "--csv", str(order)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not plot.exists() and not order.exists()


def test_a_csv_not_named_csv_is_read_by_its_content(tmp_path, records, capsys):
    """A labelled CSV saved as .txt was refused as 'not a CSV file'; it is read as a CSV."""
    path = write_csv(tmp_path / "labelled.txt", records)
    assert main(["simulate", str(path), "--seed", "2"]) == 0
    assert "WSS@95" in capsys.readouterr().out


def test_hint_lists_label_like_columns(tmp_path, capsys):
    path = tmp_path / "s.csv"
    path.write_text("title,label_abstract_screening\nA,1\n")
    assert main(["simulate", str(path)]) == 2
    assert "--label-column: label_abstract_screening" in capsys.readouterr().err


def test_plot_must_be_png(labelled_csv, tmp_path, capsys):
    assert main(["simulate", str(labelled_csv), "--plot", str(tmp_path / "c.jpg")]) == 2
    assert ".png" in capsys.readouterr().err
