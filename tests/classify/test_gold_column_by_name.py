"""``classify --evaluate`` takes a column named as the scheme ('intervention', 'design') as its
gold labels when no --gold names one; Review B's own 'intervention' column is the authors'
description of each arm, no label. Its refusal named the value alone ("unknown label 'CTWR –
Coordinated …'"), not the column nor why it was read as the gold: it names both now, and
--gold as the way to name the gold column."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-cmd-psychological.toml"
SHEET = (
    "title,abstract,intervention,gold\n"
    'Return to work,Workers on sick leave.,"CTWR – a team of an occupational physician, a'
    ' psychologist and a case manager",workplace\n'
)


def _evaluate(tmp_path: Path, capsys, *more: str) -> tuple[int, str]:
    sheet = tmp_path / "review.csv"
    sheet.write_text(SHEET.replace(",gold", "", 1).replace(",workplace", "") if not more else SHEET)
    argv = ["classify", "--evaluate", str(sheet), "--protocol", str(PROTOCOL)]
    code = main([*argv, "--scheme", "intervention", *more])
    got = capsys.readouterr()
    return code, " ".join((got.out + got.err).split())


def test_a_description_column_named_as_the_scheme_is_refused_naming_it(tmp_path, capsys) -> None:
    code, said = _evaluate(tmp_path, capsys)
    assert code == 2, said
    assert "review.csv:2: unknown label 'CTWR" in said
    assert "in the column 'intervention', read as the gold labels by its name" in said, said
    assert "--gold COLUMN" in said and "known: psychological, workplace" in said
    assert "Traceback" not in said


def test_a_gold_column_named_with_gold_is_read_beside_it(tmp_path, capsys) -> None:
    code, said = _evaluate(tmp_path, capsys, "--gold", "gold")
    assert code == 0, said
