"""A Cochrane Library plain-text export cut inside its last record ('Record #N of N' is there,
the rest of the record is not): refused through `reviewkit import`, naming file, line and record."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"
FIXTURE = Path(__file__).parent / "fixtures" / "cochrane_central.txt"


def _import(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    folder, path = tmp_path / "review", tmp_path / "central.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(folder)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("cut_after", "end"),
    [
        ("AB: A trial", "AB"),  # inside the abstract, mid-line
        ("AU: Lee K\n", "AU"),  # after the author list, at a line break
    ],
)
def test_cochrane_export_cut_inside_its_last_record_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cut_after: str, end: str
) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    cut = text[: text.index(cut_after) + len(cut_after)]
    code, err = _import(tmp_path, cut, capsys)
    assert code == 2 and "Traceback" not in err
    line = len(cut.splitlines())
    assert f"central.txt:{line}" in err
    assert f"record 2, the last, ends at its {end} field without the US field" in err
    assert "export it from the Cochrane Library again" in err
    # (a whole last record without the first one's optional CC and SN is read: the fixture's
    # own test in test_readers_vendors.py)


@pytest.mark.parametrize(
    "cut_after",
    ["US: https://www.cochranelibrary.com/cent", "US: ht", "/central/CN-0200000", "CN-02000002/fu"],
)
def test_cochrane_export_cut_inside_its_last_link_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cut_after: str
) -> None:
    """A cut inside the last record's US link, the export's last line (it was read as a
    shorter link): the Library writes a CENTRAL record's link from its ID."""
    text = FIXTURE.read_text(encoding="utf-8")
    end = text.index("CN-02000002/full") + len("CN-02000002/full")
    start = text.index("US: ", text.index("Record #2 of 2"))
    cut = text[: text.index(cut_after, start) + len(cut_after)]
    code, err = _import(tmp_path, cut, capsys)
    assert code == 2 and "inside its last record's link" in err, err
    assert f"central.txt:{len(cut.splitlines())}" in err
    (tmp_path / "whole").mkdir()
    assert _import(tmp_path / "whole", text[:end], capsys)[0] == 0  # whole, no line break
