"""Every reader of the offline snapshot's NLM files takes them in NLM's order from
``offline_data.pubmed_snapshot_files`` (``nlm_files.nlm_order``: the baseline, then the update
file whose later records replace the earlier), or one of them by its name there: none globs
the snapshot's folder, names its files itself or picks one by its position in the list."""

from __future__ import annotations

import re
from pathlib import Path

from reviewkit import offline_data
from reviewkit.nlm_files import nlm_order

ROOT = Path(__file__).resolve().parents[2]
HOME = ROOT / "reviewkit" / "offline_data.py"  # the one place that names the files
# what a reader that finds the files itself writes
OWN_WAYS = {
    "a glob of PubMed XML files": re.compile(
        r"glob\(\s*f?[\"'][^\"']*(?:pubmed|medline|\.xml\.gz)", re.I
    ),
    "the snapshot's folder": re.compile(r"dataset_dir\(\s*[\"']pubmed-snapshot"),
    "a member's path": re.compile(r"[\"']data/(?:pubmed|medline)"),
    "a file by its position": re.compile(
        r"pubmed_snapshot_files\(\)\s*\[|(?:\w+\s*,\s*)+\w+\s*=\s*(?:offline_data\.)?pubmed_snapshot_files\(\)"
    ),
}


def _sources() -> list[Path]:
    found = []
    for folder in ("reviewkit", "benchmarks", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            inside = path.relative_to(ROOT).parts
            if ".work" not in inside and path not in (HOME, Path(__file__).resolve()):
                found.append(path)
    return found


def test_no_reader_finds_the_snapshot_s_files_itself() -> None:
    own = [
        f"{path.relative_to(ROOT)}:{text[: m.start()].count(chr(10)) + 1}: {way}"
        for path in _sources()
        for text in [path.read_text(encoding="utf-8")]
        for way, pattern in OWN_WAYS.items()
        for m in pattern.finditer(text)
    ]
    assert not own, "read the files from offline_data.pubmed_snapshot_files:\n" + "\n".join(own)


def test_the_snapshot_s_files_come_in_nlm_s_order_baseline_first() -> None:
    files = offline_data.pubmed_snapshot_files()
    assert files == nlm_order(reversed(files))
    assert [f.name for f in files] == ["pubmed20n0014.xml.gz", "pubmed21n1298.xml.gz"]
