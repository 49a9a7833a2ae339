"""The XLSX sheets' column widths are measured as the text shows: a Chinese or Japanese
character takes two widths of a Latin one (a column of 'Wang (2020)' labels in Chinese was set
half as wide as its text and wrapped every label), and a cell of several lines (a study's
'Reports', one reference a line) is as wide as its longest line, not its lines laid end to end."""

from __future__ import annotations

from openpyxl import load_workbook

from reviewkit.reports.writers import Table, write_xlsx


def test_widths_count_wide_characters_twice_and_lines_apart(tmp_path):
    study = "王小明和李华 (2020)"  # 6 wide characters and 7 narrow: 19 widths, 13 characters
    reports = "\n".join(["Wang X. Short one. 2020.", "Li H. Another. 2021."])
    t = Table("t", "A table", ["Study", "Reports"], [[study, reports]])
    ws = load_workbook(write_xlsx([t], tmp_path / "t.xlsx"))["t"]
    assert ws.column_dimensions["A"].width == 19 + 2
    assert ws.column_dimensions["B"].width == len("Wang X. Short one. 2020.") + 2
