"""Output files are written whole or not at all, keep normal permissions, never replace a
device, and oversized (gzip bomb) inputs are refused before they fill memory."""

from __future__ import annotations

import gzip
import os
import shutil
import stat
from pathlib import Path

import pytest

from reviewkit import outputs, safe_csv
from reviewkit.errors import FormatError, OutputError
from reviewkit.formats import pubmed_xml, read_file, text

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n", encoding="utf-8")

    class DiskFull(OSError):
        pass

    with pytest.raises(OutputError) as err, outputs.open_atomic(target) as fh:
        fh.write("half a new")
        raise DiskFull(28, "No space left on device")
    assert str(target) in str(err.value) and "disk is full" in str(err.value)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_written_files_get_the_usual_permissions(tmp_path: Path) -> None:
    path = outputs.write_text(tmp_path / "a.txt", "x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_a_device_is_written_in_place_never_replaced(tmp_path: Path) -> None:
    link = tmp_path / "null"  # through a link: a broken writer would replace it, not /dev/null
    link.symlink_to("/dev/null")
    outputs.write_text(link, "nothing\n")
    assert link.is_symlink() and stat.S_ISCHR(link.stat().st_mode)


def test_a_missing_folder_of_a_file_is_created(tmp_path: Path) -> None:
    path = outputs.write_csv(tmp_path / "a" / "b" / "x.csv", ["a"], [["=1+1"]])
    assert path.read_text(encoding="utf-8").splitlines() == ["a", "'=1+1"]


def test_a_failed_write_removes_the_folders_it_created(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    with pytest.raises(ValueError), outputs.open_atomic(tmp_path / "a" / "b" / "c" / "x.csv"):
        raise ValueError("bad input met while writing")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a"]


def test_a_folder_removed_while_writing_is_named_as_that_not_as_one_to_create(
    tmp_path: Path,
) -> None:
    # output folders are created, so a missing folder at the write means something removed
    # it in between: the hint says so, and that nothing was written
    out = tmp_path / "out" / "x.csv"
    with pytest.raises(OutputError) as err, outputs.atomic_path(out) as tmp:
        tmp.write_text("a\n", encoding="utf-8")
        shutil.rmtree(tmp_path / "out")
    assert "create the folder" not in err.value.hint
    assert "removed" in err.value.hint and "nothing was written" in err.value.hint
    assert str(tmp_path / "out") in err.value.hint
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_made_leaves_none_of_the_folders_above_it(
    tmp_path: Path,
) -> None:
    # 'new' can be made, the folder in it cannot (a name over 255 bytes): the write fails
    # while the folders are being made, and 'new' goes too, as after any failed write
    out = tmp_path / "new" / ("x" * 300) / "x.csv"
    with pytest.raises(OutputError) as err:
        outputs.write_text(out, "a\n")
    assert str(out) in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_check_output_creates_nothing_and_refuses_a_folder_below_a_file(tmp_path: Path) -> None:
    outputs.check_output(tmp_path / "new" / "x.csv")
    assert not (tmp_path / "new").exists()
    (tmp_path / "f").write_text("a file\n", encoding="utf-8")
    with pytest.raises(OutputError, match="a part of this path is a file"):
        outputs.check_output(tmp_path / "f" / "new" / "x.csv")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("-0.35", "-0.35"),
        ("+2", "+2"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_neutralise_and_restore(cell: str, written: str) -> None:
    assert safe_csv.neutralise(cell) == written
    assert safe_csv.restore(written) == cell


def test_gzipped_pubmed_xml_over_the_limit_is_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.xml.gz"
    path.write_bytes(gzip.compress((FIXTURES / "sample.xml").read_bytes()))
    assert len(list(read_file(path))) > 0
    monkeypatch.setattr(text, "MAX_XML_BYTES", 1000)
    with pytest.raises(FormatError, match="decompresses to more than"), open(path, "rb") as fh:
        list(pubmed_xml.read(fh, str(path)))


@pytest.mark.parametrize("path", ["", "  "])
def test_an_empty_output_path_is_refused_not_the_current_folder(path: str) -> None:
    with pytest.raises(OutputError, match="an empty output path"):
        outputs.write_text(path, "x")
    with pytest.raises(OutputError, match="an empty output path"):
        outputs.output_folder(path)
