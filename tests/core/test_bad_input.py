"""Bad input through the CLI: exit 2, one clear message naming the file and the line or record,
no traceback, and the project database exactly as it was."""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewkit.cli import main

FIXTURES = Path(__file__).parent / "fixtures"

GOOD_RIS = """TY  - JOUR
TI  - A good record
AU  - Smith, John
PY  - 2020
ER  -
"""


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def run_bad(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI, expect exit 2 and one error line (plus an optional hint); return the message."""
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert lines and lines[0].startswith("error: "), err
    assert all(ln.lstrip().startswith("hint:") or ln.startswith(" ") for ln in lines[1:]), err
    return err


def assert_import_fails(
    project: Path,
    files: list[Path],
    capsys: pytest.CaptureFixture[str],
    snapshot: Callable[[Path], list[str]],
    *,
    where: str,
    says: str,
    extra: list[str] | None = None,
) -> str:
    before = snapshot(project)
    err = run_bad(["import", *map(str, files), "--project", str(project), *(extra or [])], capsys)
    assert where in err, err
    assert re.search(says, err, re.IGNORECASE | re.DOTALL), err
    assert snapshot(project) == before  # nothing written, not even an imports row
    return err


def test_truncated_xml(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    text = (FIXTURES / "sample.xml").read_text(encoding="utf-8")
    cut = write(tmp_path / "cut.xml", text[: text.index("</PubmedArticle>") + 40])
    line = text[: text.index("</PubmedArticle>") + 40].count("\n") + 1
    assert_import_fails(
        cli_project, [cut], capsys, snapshot, where=f"{cut}:{line}", says="malformed XML"
    )


def test_malformed_xml(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    text = (FIXTURES / "sample.xml").read_text(encoding="utf-8")
    bad = write(tmp_path / "bad.xml", text.replace("<Volume>47</Volume>", "<Volume>47</Issue>"))
    line = text[: text.index("<Volume>47")].count("\n") + 1
    assert_import_fails(
        cli_project, [bad], capsys, snapshot, where=f"{bad}:{line}", says="mismatch"
    )


def test_xml_that_is_not_pubmed(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    other = write(tmp_path / "feed.xml", '<?xml version="1.0"?>\n<rss><channel/></rss>\n')
    assert_import_fails(
        cli_project, [other], capsys, snapshot, where=str(other), says="not PubMed XML.*<rss>"
    )


@pytest.mark.parametrize("keep", [3000, 60_000])
def test_truncated_gzip(cli_project: Path, tmp_path: Path, capsys, snapshot, keep: int) -> None:
    """Cut inside the first 64 kB (found by format detection) and later (found while parsing)."""
    body = (FIXTURES / "sample.xml").read_bytes()
    articles = body[body.index(b"<PubmedArticle>") : body.index(b"<DeleteCitation>")]
    whole = body.replace(articles, articles * 60)  # big enough to cut past 64 kB of compressed data
    data = gzip.compress(whole, compresslevel=0)
    assert len(data) > keep
    cut = write(tmp_path / "cut.xml.gz", data[:keep])
    assert_import_fails(
        cli_project, [cut], capsys, snapshot, where=str(cut), says="compressed file is truncated"
    )


def test_ris_record_without_er_in_the_middle(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    text = GOOD_RIS + "\nTY  - JOUR\nTI  - Lost its end\n\n" + GOOD_RIS
    bad = write(tmp_path / "mid.ris", text)
    # record 2 starts at line 7; the next TY (line 10) shows its ER is missing
    err = assert_import_fails(
        cli_project, [bad], capsys, snapshot, where=f"{bad}:10", says="record 2 .*no ER line"
    )
    assert "line 7" in err


def test_ris_record_without_er_at_the_end(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    bad = write(tmp_path / "end.ris", GOOD_RIS + "\nTY  - JOUR\nTI  - Cut off\nAU  - Doe, J\n")
    assert_import_fails(
        cli_project, [bad], capsys, snapshot, where=f"{bad}:7", says="last record .*no ER line"
    )


def test_broken_bibtex(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    text = "@article{ok1, title = {Fine}, year = 2020}\n\n@article{bad,\n  title = {Unclosed brace,\n  year = 2020\n}\n\n@article{ok2, title={Also fine}}\n"
    bad = write(tmp_path / "broken.bib", text)
    err = assert_import_fails(
        cli_project, [bad], capsys, snapshot, where=f"{bad}:3", says="broken BibTeX entry"
    )
    assert "Parsing of" not in err  # bibtexparser's own log lines are not shown


def test_bibtex_duplicate_key(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    bad = write(tmp_path / "dup.bib", "@article{a1, title={One}}\n\n@article{a1, title={Two}}\n")
    assert_import_fails(
        cli_project, [bad], capsys, snapshot, where=f"{bad}:3", says="duplicate entry key 'a1'"
    )


def test_csv_with_unknown_headers_and_the_map_fix(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    data = write(
        tmp_path / "odd.csv",
        "Paper,Summary Text,Published\nSick leave and work,An abstract.,2019\n",
    )
    assert_import_fails(
        cli_project, [data], capsys, snapshot, where=f"{data}:1", says="no title column.*Paper"
    )
    # a --map naming a column that does not exist is refused too
    assert_import_fails(
        cli_project,
        [data],
        capsys,
        snapshot,
        where=f"{data}:1",
        says="no such column",
        extra=["--map", "title=Article Name"],
    )
    code = main(
        [
            "import",
            str(data),
            "--project",
            str(cli_project),
            "--map",
            "title=Paper",
            "--map",
            "abstract=Summary Text",
            "--map",
            "year=Published",
        ]
    )
    assert code == 0
    assert "1 record (" in capsys.readouterr().out
    from reviewkit.project import open_project
    from reviewkit.store import records as record_rows

    with open_project(cli_project) as project:
        rec = [r for _, r in record_rows.iter_records(project.db)][-1]
    assert (rec.title, rec.abstract, rec.year) == ("Sick leave and work", "An abstract.", 2019)


def test_bad_map_syntax(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    data = write(tmp_path / "odd.csv", "Paper\nx\n")
    before = snapshot(cli_project)
    err = run_bad(["import", str(data), "--project", str(cli_project), "--map", "title"], capsys)
    assert "FIELD=COLUMN" in err and snapshot(cli_project) == before


def test_csv_in_latin1(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    data = write(
        tmp_path / "latin1.csv",
        "Title,Year\nFirst,2020\nSykefrav\u00e6r og arbeid,2021\n".encode("latin-1"),
    )
    assert_import_fails(
        cli_project, [data], capsys, snapshot, where=f"{data}:3", says="not UTF-8.*--encoding"
    )
    assert main(["import", str(data), "--project", str(cli_project), "--encoding", "latin-1"]) == 0
    assert "2 records" in capsys.readouterr().out
    from reviewkit.project import open_project
    from reviewkit.store import records as record_rows

    with open_project(cli_project) as project:
        titles = [r.title for _, r in record_rows.iter_records(project.db)]
    assert titles[-1] == "Sykefravær og arbeid"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_utf8_file_declared_cp1252_is_refused_not_garbled(
    cli_project: Path, tmp_path: Path, capsys, snapshot, encoding: str
) -> None:
    """A UTF-8 file imported with --encoding cp1252 was stored with 'Ã¸' for 'ø' (records are
    never changed afterwards); it is refused with the word it would garble, and imports as
    UTF-8 without the option."""
    data = write(
        tmp_path / "utf8.ris", "TY  - JOUR\nTI  - Sykefravær i Tromsø\nPY  - 2021\nER  - \n"
    )
    err = assert_import_fails(
        cli_project,
        [data],
        capsys,
        snapshot,
        where=f"{data}:2",
        says=f"the file is UTF-8, not {encoding}.*'Sykefravær' would be stored as 'SykefravÃ¦r'"
        ".*leave out --encoding",
        extra=["--encoding", encoding],
    )
    assert "Traceback" not in err
    assert main(["import", str(data), "--project", str(cli_project)]) == 0
    from reviewkit.project import open_project
    from reviewkit.store import records as record_rows

    with open_project(cli_project) as project:
        titles = [r.title for _, r in record_rows.iter_records(project.db)]
    assert titles[-1] == "Sykefravær i Tromsø"


def test_utf8_file_with_bytes_cp1252_lacks_is_refused_as_utf8(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    """'Á' in UTF-8 is C3 81, and cp1252 has no character 0x81: --encoding cp1252 on such a
    file said only "cannot decode" (no line, no next step); it is the UTF-8 refusal instead."""
    data = write(tmp_path / "utf8.ris", "TY  - JOUR\nAU  - Álvarez, M\nPY  - 2021\nER  - \n")
    assert_import_fails(
        cli_project,
        [data],
        capsys,
        snapshot,
        where=f"{data}:2",
        says="the file is UTF-8, not cp1252.*leave out --encoding",
        extra=["--encoding", "cp1252"],
    )


def test_byte_the_encoding_lacks_names_its_line(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    """A byte the given encoding leaves undefined (0x81 in cp1252) names its line and says
    what to do, in a file that is not UTF-8 either."""
    data = write(tmp_path / "odd.ris", b"TY  - JOUR\nTI  - Sykefrav\xe6r\nAU  - A\x81\nER  - \n")
    assert_import_fails(
        cli_project,
        [data],
        capsys,
        snapshot,
        where=f"{data}:3",
        says="cannot decode as cp1252.*0x81.*another --encoding",
        extra=["--encoding", "cp1252"],
    )


def test_unknown_encoding_says_what_to_name(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    data = write(tmp_path / "one.ris", "TY  - JOUR\nTI  - A record\nPY  - 2021\nER  - \n")
    assert_import_fails(
        cli_project,
        [data],
        capsys,
        snapshot,
        where=str(data),
        says="unknown encoding: cp-1252.*e.g. cp1252, latin-1",
        extra=["--encoding", "cp-1252"],
    )


def test_ascii_file_with_an_encoding_imports(cli_project: Path, tmp_path: Path, capsys) -> None:
    """Plain ASCII reads the same in every encoding: --encoding cp1252 on it is not refused."""
    data = write(tmp_path / "ascii.ris", "TY  - JOUR\nTI  - Sick leave\nER  - \n")
    assert main(["import", str(data), "--project", str(cli_project), "--encoding", "cp1252"]) == 0


def test_pubmed_xml_in_utf32_is_refused_clearly(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    """UTF-32 XML (with its byte-order mark) failed as "malformed XML: Start tag expected":
    libxml2 does not read UTF-32. It is refused as such, for import and the local server."""
    text = (FIXTURES / "sample.xml").read_text(encoding="utf-8")
    data = write(tmp_path / "u32.xml", text.replace('"UTF-8"', '"UTF-32"').encode("utf-32"))
    err = assert_import_fails(
        cli_project,
        [data],
        capsys,
        snapshot,
        where=f"{data}:",
        says="PubMed XML in UTF-32 is not read.*re-save the file as UTF-8",
    )
    assert "malformed" not in err
    err = run_bad(["pubmed", "serve", "--port", "0", "--snapshot", str(data)], capsys)
    assert "PubMed XML in UTF-32 is not read" in err


def test_empty_file(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    for name, content in (("empty.ris", ""), ("blank.csv", "\n  \n")):
        empty = write(tmp_path / name, content)
        assert_import_fails(
            cli_project, [empty], capsys, snapshot, where=str(empty), says="the file is empty"
        )


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(40)),
    ],
    ids=["png", "zip"],
)
def test_binary_file(cli_project: Path, tmp_path: Path, capsys, snapshot, data: bytes) -> None:
    binary = write(tmp_path / "refs.ris", data)  # the name says RIS; the content decides
    assert_import_fails(
        cli_project, [binary], capsys, snapshot, where=str(binary), says="binary file"
    )


def test_nonexistent_file(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    missing = tmp_path / "nowhere.ris"
    assert_import_fails(
        cli_project, [missing], capsys, snapshot, where=str(missing), says="no such file"
    )


def test_file_with_no_records(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    empty_set = write(
        tmp_path / "none.xml", '<?xml version="1.0"?>\n<PubmedArticleSet>\n</PubmedArticleSet>\n'
    )
    assert_import_fails(
        cli_project, [empty_set], capsys, snapshot, where=str(empty_set), says="no records"
    )


def test_unrecognisable_text(cli_project: Path, tmp_path: Path, capsys, snapshot) -> None:
    prose = write(
        tmp_path / "notes.txt", "Just some notes about the review\nwithout any structure\n"
    )
    assert_import_fails(
        cli_project, [prose], capsys, snapshot, where=str(prose), says="cannot tell the format"
    )


def test_forced_format_that_does_not_fit(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    ris = write(tmp_path / "refs.txt", GOOD_RIS)
    assert_import_fails(
        cli_project,
        [ris],
        capsys,
        snapshot,
        where=str(ris),
        says="no BibTeX entries",
        extra=["--format", "bibtex"],
    )
    assert_import_fails(
        cli_project,
        [ris],
        capsys,
        snapshot,
        where=str(ris),
        says="not PubMed XML",
        extra=["--format", "pubmed-xml"],
    )


def test_multi_file_import_is_all_or_nothing(
    cli_project: Path, tmp_path: Path, capsys, snapshot
) -> None:
    good = shutil.copy(FIXTURES / "sample.nbib", tmp_path / "good.nbib")
    bad = write(tmp_path / "bad.ris", GOOD_RIS + "TY  - JOUR\nTI  - no end\n")
    third = shutil.copy(FIXTURES / "sample.bib", tmp_path / "third.bib")
    assert_import_fails(
        cli_project,
        [Path(good), bad, Path(third)],
        capsys,
        snapshot,
        where=f"{bad}:6",
        says="no ER line",
    )
    # the good file was not recorded as imported either: importing it alone now works
    assert main(["import", str(good), "--project", str(cli_project)]) == 0
    assert "2 records" in capsys.readouterr().out


def test_project_that_does_not_exist(tmp_path: Path, capsys) -> None:
    err = run_bad(
        ["import", str(FIXTURES / "sample.ris"), "--project", str(tmp_path / "nothing")], capsys
    )
    assert "not a review project" in err and str(tmp_path / "nothing") in err
    assert not (tmp_path / "nothing").exists()
