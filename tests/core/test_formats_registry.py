"""The formats registry: a format's module loads when the format is asked for, and
``reviewkit.formats.<module>`` names any module of the package as before."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reviewkit import formats


def _in_fresh_interpreter(code: str) -> dict:
    """Run ``code`` after ``import reviewkit.formats``; it prints one JSON line, returned."""
    result = subprocess.run(
        [sys.executable, "-c", "import json, sys\nimport reviewkit.formats as f\n" + code],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _readers_loaded() -> str:
    return "sorted(m for m in sys.modules if m.startswith('reviewkit.formats.'))"


# what importing the package and telling a file's format load: the sniffs and what they use
_NOT_READERS = {
    f"reviewkit.formats.{m}"
    for m in (
        "text",
        "joined",
        "detection",
        "not_export",
        "vendor_text",
        "xml_sniff",
        "text_sniff",
        "workbook_sniff",
        "zip_contents",  # what a zip holds, for not_export's refusal: no reader
    )
} | {"reviewkit.formats.record_numbers"}  # 'Record #1 of N' (the Cochrane Library's sniff)


def test_importing_the_package_loads_no_reader() -> None:
    out = _in_fresh_interpreter(
        f"print(json.dumps({{'loaded': {_readers_loaded()}, 'lxml': 'lxml' in sys.modules}}))"
    )
    assert not out["lxml"]
    assert not any(m.split(".")[-1] in {"pubmed_xml", "bibtex", "medline"} for m in out["loaded"])
    assert set(out["loaded"]) <= _NOT_READERS


# one small file of each text format, as its exporter writes the head
_TEXT_FILES = {
    "ris": "TY  - JOUR\nTI  - A title\nER  - \n",
    "csv": "title,abstract\nA title,Some text\n",
    "medline": "PMID- 1\nTI  - A title\n",
    "bibtex": "@article{a,\n  title = {A title}\n}\n",
    "wos": "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A title\nER\n",
    "cochrane": "Record #1 of 1\nID: CN-00000001\nTI: A title\n",
    "refworks": "RT Journal Article\nSR Electronic(1)\nT1 A title\n",
}


def test_detecting_a_text_export_loads_no_reader(tmp_path) -> None:
    """detect() tells XML from its bytes (formats.xml_sniff) and the text formats from their
    first lines (formats.text_sniff): no reader is imported, nor lxml, rispy, bibtexparser or
    the record model."""
    for fmt, text in _TEXT_FILES.items():
        (tmp_path / fmt).write_text(text, encoding="utf-8")
    out = _in_fresh_interpreter(
        "from pathlib import Path\n"
        f"kinds = [f.detect(Path({str(tmp_path)!r}) / n) for n in {list(_TEXT_FILES)!r}]\n"
        f"print(json.dumps({{'kinds': kinds, 'loaded': {_readers_loaded()}, 'libraries': "
        "sorted(m for m in ('lxml', 'rispy', 'bibtexparser', 'reviewkit.records')"
        " if m in sys.modules)}))"
    )
    assert out["kinds"] == list(_TEXT_FILES)
    assert out["libraries"] == []
    assert set(out["loaded"]) <= _NOT_READERS


def test_a_format_loads_its_module_only() -> None:
    out = _in_fresh_interpreter(
        "m = f.module('ris')\n"
        f"print(json.dumps({{'name': m.__name__, 'loaded': {_readers_loaded()}}}))"
    )
    assert out["name"] == "reviewkit.formats.ris"
    assert "reviewkit.formats.bibtex" not in out["loaded"]
    assert "reviewkit.formats.pubmed_xml" not in out["loaded"]


def test_package_attribute_names_a_module_loaded_on_first_use() -> None:
    out = _in_fresh_interpreter(
        "before = 'reviewkit.formats.medline' in sys.modules\n"
        "read = f.medline.read\n"
        "print(json.dumps({'before': before, 'after': 'reviewkit.formats.medline' in sys.modules}))"
    )
    assert out == {"before": False, "after": True}


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_reader"):
        formats.no_such_reader  # noqa: B018
    assert not hasattr(formats, "_private")


@pytest.mark.parametrize("fmt", formats.READ_FORMATS)
def test_every_format_has_a_reader(fmt: str) -> None:
    module = formats.module(fmt)
    assert callable(module.read)
    if fmt in formats.WRITE_FORMATS:
        assert callable(module.write)
