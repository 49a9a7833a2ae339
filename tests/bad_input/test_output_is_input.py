"""An output named as the file the command reads (simulate's dataset, classify --evaluate's
gold set) is refused before anything is read or written: the output replaced the labelled set
(cases/cli/r13_*-onto-*.args run the same refusal on a plain file)."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
LABELLED = "title,abstract,included\n" + "".join(
    f"Study {i} of return to work,Sick leave and {'work' if i % 2 else 'heart'},{i % 2}\n"
    for i in range(12)
)


def test_simulate_csv_onto_its_dataset_keeps_it(tmp_path: Path, capsys, monkeypatch) -> None:
    data = tmp_path / "set.csv"
    data.write_text(LABELLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the same file by a relative name
    argv = ["simulate", str(data), "--label-column", "included", "--csv", "set.csv"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--csv names" in err and "set-out.csv" in err
    assert data.read_text(encoding="utf-8") == LABELLED


def test_evaluate_csv_onto_its_gold_set_by_a_link_keeps_it(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "gold.csv"
    text = "title,abstract,gold\nA team,A multidisciplinary team,multidisciplinary-team\n"
    gold.write_text(text, encoding="utf-8")
    link = tmp_path / "matrix.csv"
    link.symlink_to(gold)
    protocol = REPO / "protocols" / "work-health-collaboration.toml"
    argv = ["classify", "--evaluate", str(gold), "--scheme", "model-type", "--csv", str(link)]
    assert main([*argv, "--protocol", str(protocol)]) == 2
    assert "the file this command reads" in capsys.readouterr().err
    assert gold.read_text(encoding="utf-8") == text
