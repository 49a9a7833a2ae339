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


def test_a_column_named_as_the_scheme_holding_no_labels_is_the_rows_text(tmp_path: Path) -> None:
    # Review B's 'intervention' is the authors' description of each arm: --evaluate refuses
    # it as the gold ('unknown label'), so it is no answer to leave out, and was left out
    described = "Patients were seen in primary care practices by their general practitioner"
    got = _cells(tmp_path / "described.csv", f"title,abstract,setting\n{ROW},{described}\n")
    assert got["rtw-care-settings|setting|F|1"] != NOT_STATED


def test_a_column_coding_the_scheme_in_part_is_left_out(tmp_path: Path) -> None:
    # Review B's 'design': 'RCT', 'qualitative' beside 'cohort', 'controlled' (no labels):
    # the authors' coding, whose labels would be their own evidence, in every row
    described = "Patients were seen in primary care practices by their general practitioner"
    text = f"title,abstract,setting\n{ROW},primary care\n{ROW},{described}\n"
    got = _cells(tmp_path / "coded.csv", text)
    assert got["rtw-care-settings|setting|F|2"] == NOT_STATED
