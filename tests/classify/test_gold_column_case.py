"""``classify --evaluate``'s gold sheet headed as a spreadsheet user heads it ('Title',
'Abstract', 'Gold'): read as the lower-case names, since 'Abstract' beside 'title' was left
out unseen (every study scored by its title alone) and 'Title' refused."""

from __future__ import annotations

import pytest

from reviewkit.classify import read_gold
from reviewkit.errors import UserError

ROW = (
    "Return to work with a coordinator",
    "A return-to-work coordinator met the employer and the GP; a job specialist placed workers.",
)


def _gold(path, header: str) -> list:
    path.write_text(f'{header}\n"{ROW[0]}","{ROW[1]}",none\n', encoding="utf-8")
    return path


def test_gold_sheet_columns_in_any_case(review_b, tmp_path):
    scheme = review_b.schemes["model-type"]
    lower = read_gold(scheme, _gold(tmp_path / "lower.csv", "title,abstract,gold"))
    for header in ("Title,Abstract,Gold", "title,Abstract,gold", "TITLE,ABSTRACT,GOLD"):
        records, golds, lines = read_gold(scheme, _gold(tmp_path / "cased.csv", header))
        assert [r.abstract for r in records] == [r.abstract for r in lower[0]] != [""]
        assert (golds, lines) == (lower[1], lower[2])
    records, _, _ = read_gold(scheme, _gold(tmp_path / "g.csv", "Title,Abstract,Model"), "model")
    assert records[0].title == ROW[0]


def test_a_gold_workbook_is_read_by_its_worksheet_rows(review_b, tmp_path):
    """A gold sheet kept in Excel (.xlsx) is read as its CSV is, its rows named as Excel numbers
    them: it was refused, 'not a CSV sheet'."""
    from openpyxl import Workbook

    scheme = review_b.schemes["model-type"]
    rows = [[], ["Title", "Abstract", "Gold"], [*ROW, "none"]]  # the header on row 2
    for extra in ([], [["Another study", "No model.", "no-such-label"]]):
        book = Workbook()
        for row in rows + extra:
            book.active.append(row)
        book.save(tmp_path / "gold.xlsx")
        if not extra:
            records, golds, lines = read_gold(scheme, tmp_path / "gold.xlsx")
    assert lines == [3] and golds == [["none"]]
    csv = read_gold(scheme, _gold(tmp_path / "gold.csv", "title,abstract,gold"))
    assert [r.abstract for r in records] == [r.abstract for r in csv[0]]
    with pytest.raises(UserError) as refused:
        read_gold(scheme, tmp_path / "gold.xlsx")
    assert refused.value.where == f"{tmp_path / 'gold.xlsx'}:4"


def test_a_refused_gold_sheet_carries_its_warnings_once(review_b, tmp_path):
    """A gold sheet read below a title row and refused for a row: the error carries the
    sheet's warning (said first by the CLI); ``warn`` hears it only of a sheet read, so a
    caller given both says it once."""
    path = tmp_path / "gold.csv"
    path.write_text(f'Checked 3 May\ntitle,gold\n"{ROW[0]}",no-such-label\n', encoding="utf-8")
    said = []
    with pytest.raises(UserError) as refused:
        read_gold(review_b.schemes["model-type"], path, "gold", said.append)
    assert [w.where for w in refused.value.said_before] == [f"{path}:2"] and said == []
    path.write_text(f'Checked 3 May\ntitle,gold\n"{ROW[0]}",none\n', encoding="utf-8")
    read_gold(review_b.schemes["model-type"], path, "gold", said.append)
    assert [w.where for w in said] == [f"{path}:2"]
