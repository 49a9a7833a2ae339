"""Large PubMed XML files are parsed by worker processes: same records, same errors."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reviewkit import offline_data
from reviewkit.errors import FormatError
from reviewkit.formats import pubmed_xml

FIXTURE = Path(__file__).parent / "fixtures" / "sample.xml"


def _serial(path: Path) -> list:
    with open(path, "rb") as fh:
        return list(pubmed_xml.read(fh, str(path), source="PubMed"))


def _metapub_file(tmp_path: Path, count: int) -> Path:
    """Several real efetch replies joined into one <PubmedArticleSet>, gzipped."""
    folder = offline_data.dataset_dir("metapub-fixtures") / "tests" / "fixtures" / "pmid_xml"
    articles = []
    for file in sorted(folder.glob("*.xml"))[:count]:
        text = file.read_bytes()
        start, end = text.find(b"<PubmedArticle>"), text.rfind(b"</PubmedArticle>")
        if start >= 0 and end > start:
            articles.append(text[start : end + len(b"</PubmedArticle>")])
    body = (
        b'<?xml version="1.0"?>\n<PubmedArticleSet>\n'
        + b"\n".join(articles)
        + b"\n</PubmedArticleSet>\n"
    )
    path = tmp_path / "joined.xml.gz"
    path.write_bytes(gzip.compress(body))
    return path


def test_parallel_reader_gives_the_serial_records(tmp_path: Path) -> None:
    path = _metapub_file(tmp_path, 40)
    serial = _serial(path)
    parallel = list(pubmed_xml.read_parallel(str(path), str(path), workers=2, batch=7))
    assert len(serial) >= 30
    assert [r.to_json() for r in parallel] == [r.to_json() for r in serial]
    assert [r.raw for r in parallel] == [r.raw for r in serial]
    assert [r.position for r in parallel] == list(range(1, len(serial) + 1))


def test_delete_citations_are_not_records() -> None:
    serial = _serial(FIXTURE)
    parallel = list(pubmed_xml.read_parallel(str(FIXTURE), str(FIXTURE), workers=2, batch=1))
    assert [r.pmid for r in parallel] == [r.pmid for r in serial]


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    cut = text[: text.rfind("</PubmedArticle>") - 40]
    path = tmp_path / "cut.xml"
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(FormatError) as err:
        list(pubmed_xml.read_parallel(str(path), str(path), workers=2, batch=1))
    line = cut[: cut.rfind("<PubmedArticle>")].count("\n") + 1
    assert err.value.where == f"{path}:{line}"
    assert "truncated" in err.value.message


def test_malformed_article_names_the_file_line(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    at = text.find("<ArticleTitle>")
    broken = (
        text[:at]
        + "<ArticleTitle>unclosed <i>italic</ArticleTitle>"
        + text[text.find("</ArticleTitle>", at) + 15 :]
    )
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(FormatError) as serial_err:
        _serial(path)
    with pytest.raises(FormatError) as parallel_err:
        list(pubmed_xml.read_parallel(str(path), str(path), workers=2, batch=1))
    assert parallel_err.value.where == serial_err.value.where


def test_a_large_import_makes_its_rows_in_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parallel path (prepare=record_row in the workers) stores what the serial path stores."""
    from reviewkit import importer
    from reviewkit.project import init_project
    from reviewkit.store import records as record_rows

    path = _metapub_file(tmp_path, 40)
    protocol = Path(__file__).resolve().parents[2] / "protocols" / "rtw-systematic-reviews.toml"
    stored = {}
    for name, threshold in (("serial", 1 << 40), ("parallel", 0)):
        monkeypatch.setattr(pubmed_xml, "PARALLEL_MIN_BYTES", threshold)
        project = init_project(tmp_path / name, protocol)
        importer.import_files(project.db, [path], source="PubMed")
        stored[name] = [
            record_rows.get_record(project.db, rid, with_raw=True)
            for rid, _ in record_rows.iter_records(project.db)
        ]
        project.close()
    assert len(stored["serial"]) >= 30
    assert [r.to_json() for r in stored["parallel"]] == [r.to_json() for r in stored["serial"]]
    assert [r.raw for r in stored["parallel"]] == [r.raw for r in stored["serial"]]
    assert all(r.raw.startswith("<PubmedArticle>") for r in stored["parallel"])


def test_a_message_quotes_file_lines_as_the_serial_reader_does(tmp_path: Path) -> None:
    """libxml2's messages name lines too ('tag mismatch: X line 12 and Y'); a worker parses a
    batch, so those lines are mapped to the file's, and the trailing position is left out."""
    text = FIXTURE.read_text(encoding="utf-8")
    second = text.find("<ArticleTitle>", text.find("</PubmedArticle>"))
    assert second > 0
    broken = text[:second] + "<ArtiwleTitle>" + text[second + len("<ArticleTitle>") :]
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(FormatError) as serial_err:
        _serial(path)
    with pytest.raises(FormatError) as parallel_err:
        list(pubmed_xml.read_parallel(str(path), str(path), workers=2, batch=1))
    line = broken[:second].count("\n") + 1
    assert f"ArtiwleTitle line {line} and ArticleTitle" in serial_err.value.message
    assert parallel_err.value.message == serial_err.value.message
    assert parallel_err.value.where == serial_err.value.where


def test_a_utf16_file_is_read_by_the_serial_reader(tmp_path: Path) -> None:
    """The batch cutter searches bytes for ASCII tags, so UTF-16 files are read serially."""
    text = FIXTURE.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = tmp_path / "wide.xml"
    path.write_bytes(text.encode("utf-16"))
    parallel = list(pubmed_xml.read_parallel(str(path), str(path), workers=2, batch=1))
    assert [r.title for r in parallel] == [r.title for r in _serial(FIXTURE)]
