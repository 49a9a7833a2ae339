"""Text exports no reader reads are named for what they are (formats.vendor_text), also as the
vendor writes them with what it may put before the records."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError

CASES = Path(__file__).parents[1] / "bad_input" / "cases" / "import"
# Ovid's search history, as it writes it before the records when the export includes it
# (the same lines as before the tagged export's records, tests/core/fixtures/ovid_medline.txt)
HISTORY = (
    "Database: Ovid MEDLINE(R) ALL <1946 to December 04, 2026>\n"
    "Search Strategy:\n"
    + "-"
    * 80
    + "\n1     exp Sick Leave/ (9000)\n2     return to work.tw. (8000)\n3     1 and 2 (700)\n\n"
    "***************************\n\n"
)


@pytest.mark.parametrize("history", ["", HISTORY], ids=["alone", "after-search-history"])
def test_ovid_display_is_named_with_or_without_its_search_history(
    history: str, tmp_path: Path
) -> None:
    """With its search history, whose first line holds a comma ('December 04, 2026'), Ovid's
    labelled display was read as a CSV: 'no title column among the headers: Database: …'."""
    path = tmp_path / "ovid.txt"
    display = (CASES / "b16_ovid-display-labels.txt").read_text(encoding="utf-8")
    path.write_text(history + display, encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        formats.detect(path)
    assert "Ovid's display text" in exc.value.message
    assert "RIS" in exc.value.hint
