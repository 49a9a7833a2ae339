"""A full text named .pdf that is no PDF (a publisher's sign-in page saved by a failed download)
or a PDF cut short (a download that did not finish) is refused by attach: exit 2, the file
named, what to do, nothing stored. A whole PDF, also with bytes after its %%EOF, is attached."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project
from conftest import dump_database

from reviewkit.cli import main

WHOLE = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _zip_of(*pdfs: bytes) -> bytes:
    """The PDFs in a zip archive, stored (not compressed), as 'download all' may save them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for i, pdf in enumerate(pdfs, start=1):
            archive.writestr(f"article-{i}.pdf", pdf)
    return out.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return imported_project(tmp_path / "project")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"<!DOCTYPE html>\n<html><body>Sign in to read this article</body></html>", "web page"),
        # a page saved by Internet Explorer's or Edge's 'Save as' (its first line a comment),
        # with a server's byte-order mark, or as XHTML: the kind was unnamed ('not a PDF')
        (b"<!-- saved from url=(0040)https://doi.org/10.1000/xyz -->\n<html>", "web page"),
        (b"\xef\xbb\xbf\r\n<!DOCTYPE html PUBLIC>\n<html lang='en'>", "web page"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "web page"),
        # a page whose text names the PDF header (a viewer's page) was 'a PDF cut short'
        (b"\n<html><body><pre>%PDF-1.4 header expected</pre></body></html>", "web page"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image"),
        (WHOLE[:40] + b"x" * 3000, "cut short"),  # the download stopped: no %%EOF at the end
        # a zip of two PDFs, stored: '%PDF-' and '%%EOF' within its ends (it was attached)
        (_zip_of(WHOLE, WHOLE), "a zip archive"),
    ],
    ids=[
        "sign-in-page",
        "saved-page",
        "page-with-bom",
        "xhtml",
        "page-naming-pdf",
        "png-image",
        "cut-short",
        "zip-of-pdfs",
    ],
)
def test_a_file_named_pdf_that_is_no_whole_pdf_is_refused(
    content: bytes, says: str, project: Path, tmp_path: Path, capsys
) -> None:
    pdf = tmp_path / "Smith 2020.PDF"
    pdf.write_bytes(content)
    db = project / "review.sqlite"
    before = dump_database(db)
    capsys.readouterr()
    code = main(["attach", "1", str(pdf), "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"{pdf}: " in err and says in err and "\n  hint: download the PDF again" in err, err
    assert dump_database(db) == before


def test_a_whole_pdf_is_attached_also_with_bytes_after_its_end(
    project: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "smith2020.pdf"
    pdf.write_bytes(b"\n" + WHOLE + b"\x00" * 100)  # a blank before the header, padding after
    assert main(["attach", "1", str(pdf), "--project", str(project)]) == 0


def test_a_file_url_is_attached_as_the_file_it_names(project: Path, tmp_path: Path, capsys) -> None:
    """A PDF's address in the browser that opened it: it was taken for a relative path and
    refused as 'file:/…' missing from the current folder."""
    pdf = tmp_path / "Smith 2020.pdf"
    pdf.write_bytes(WHOLE)
    url = "file://" + str(pdf).replace(" ", "%20")
    capsys.readouterr()
    assert main(["attach", "1", url, "--project", str(project)]) == 0
    assert f"attached file {pdf}" in capsys.readouterr().out


def test_a_file_url_of_another_machine_is_refused(project: Path, capsys) -> None:
    db = project / "review.sqlite"
    before = dump_database(db)
    code = main(["attach", "1", "file://fileserver/papers/a.pdf", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2 and "'fileserver'" in err and "\n  hint: copy the file here" in err, err
    assert dump_database(db) == before


@pytest.mark.parametrize(
    "form",
    ["file://localhost{path}", "file:{path}", "FILE://{path}#page=3"],
    ids=["localhost", "short", "fragment"],
)
def test_every_form_of_a_local_file_url_is_attached(
    project: Path, tmp_path: Path, form: str, capsys
) -> None:
    """RFC 8089: a local file's URL may name 'localhost' or no authority at all ('file:/…',
    as Java's File.toURI writes it); a browser's PDF viewer adds the page it shows."""
    pdf = tmp_path / "Smith 2020.pdf"
    pdf.write_bytes(WHOLE)
    url = form.format(path=str(pdf).replace(" ", "%20"))
    capsys.readouterr()
    assert main(["attach", "1", url, "--project", str(project)]) == 0
    assert f"attached file {pdf}" in capsys.readouterr().out


@pytest.mark.parametrize("url", ["file://", "file:///tmp/a%00.pdf"], ids=["no-path", "nul"])
def test_a_file_url_naming_no_file_is_refused(project: Path, url: str, capsys) -> None:
    db = project / "review.sqlite"
    before = dump_database(db)
    code = main(["attach", "1", url, "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2 and "names no file" in err and "\n  hint: " in err, err
    assert dump_database(db) == before


@pytest.mark.parametrize(
    "given",
    ["file:///C:/Users/me/Smith%202020.pdf", "file://C:/Users/me/a.pdf", r"C:\Users\me\a.pdf"],
    ids=["file-url", "file-url-drive-as-host", "windows-path"],
)
def test_a_windows_path_on_linux_says_so(project: Path, given: str, capsys) -> None:
    """What a Windows user pastes (the browser's address of a PDF, Explorer's path): it was
    looked for as a file '/C:/Users/…' here and called missing."""
    db = project / "review.sqlite"
    before = dump_database(db)
    code = main(["attach", "1", given, "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2 and "the Windows drive C:" in err and repr(given) in err, err
    assert "\n  hint: copy the file to this machine" in err, err
    assert dump_database(db) == before
