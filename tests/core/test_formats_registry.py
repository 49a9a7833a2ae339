"""The formats registry: a format's module loads when the format is asked for, and
``reviewkit.formats.X`` names any module of the package as before."""

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


def test_importing_the_package_loads_no_reader() -> None:
    out = _in_fresh_interpreter(
        f"print(json.dumps({{'loaded': {_readers_loaded()}, 'lxml': 'lxml' in sys.modules}}))"
    )
    assert not out["lxml"]
    assert not any(m.split(".")[-1] in {"pubmed_xml", "bibtex", "medline"} for m in out["loaded"])
    assert set(out["loaded"]) <= {
        f"reviewkit.formats.{m}" for m in ("text", "joined", "not_export", "xml_sniff")
    }


def test_detecting_a_text_export_loads_no_xml_reader(tmp_path) -> None:
    """detect() tells XML from its bytes (formats.xml_sniff): RIS and CSV files cost no lxml
    and load no XML reader."""
    (tmp_path / "a.ris").write_text("TY  - JOUR\nTI  - A title\nER  - \n")
    (tmp_path / "a.csv").write_text("title,abstract\nA title,Some text\n")
    out = _in_fresh_interpreter(
        "from pathlib import Path\n"
        f"kinds = [f.detect(Path({str(tmp_path)!r}) / n) for n in ('a.ris', 'a.csv')]\n"
        f"print(json.dumps({{'kinds': kinds, 'loaded': {_readers_loaded()}, "
        "'lxml': 'lxml' in sys.modules}))"
    )
    assert out["kinds"] == ["ris", "csv"]
    assert not out["lxml"]
    assert not {"reviewkit.formats.pubmed_xml", "reviewkit.formats.endnote_xml"} & set(
        out["loaded"]
    )


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
