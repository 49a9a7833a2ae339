"""``benchmarks.classify_cells`` reads a row's text as ``classify --evaluate`` does: every column
but the scheme's gold column, also one named like an abstract section ('setting'), whose labels
read as the row's SETTING section were their own evidence (a held-out set's gold column had to
be renamed 'study_setting' for it)."""

from __future__ import annotations

from pathlib import Path

from benchmarks import classify_cells

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "protocols" / "rtw-care-settings.toml"
NOT_STATED = [["->", ["not-stated"]]]  # no label scored
ROW = "Return to work after sick leave,Workers on sick leave were followed for a year."


def _cells(path: Path, text: str) -> dict[str, object]:
    path.write_text(text, encoding="utf-8")
    got = classify_cells.cells([path], [SETTINGS])
    return {key.replace(path.name, "F"): cell for key, cell in got.items()}


def test_the_schemes_gold_column_is_not_the_rows_text(tmp_path: Path) -> None:
    plain = _cells(tmp_path / "plain.csv", f"title,abstract\n{ROW}\n")
    gold = _cells(tmp_path / "gold.csv", f"title,abstract,setting\n{ROW},primary care\n")
    assert plain["rtw-care-settings|setting|F|1"] == NOT_STATED
    assert gold == plain


def test_a_section_column_that_is_no_gold_of_the_scheme_is_read(tmp_path: Path) -> None:
    # as --evaluate reads it for a scheme whose gold is another column
    gold = _cells(tmp_path / "other.csv", f"title,abstract,setting,gold\n{ROW},primary care,x\n")
    assert gold["rtw-care-settings|setting|F|1"] != NOT_STATED
