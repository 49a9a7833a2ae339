"""The query warnings of a strategy written for another database, measured on every PubMed
search string this repository holds, where none may fire.

``python -m benchmarks.query_warning_corpus``

The strings: the stored searches of ``protocols/*.toml`` and of the cold-start protocols; the
queries and translations of NCBI's recorded replies (Biopython's ``Tests/Entrez``, metapub's
fixtures, the relative-date translation of ``reviewkit.pubmed.relative_dates``); every
backticked search of ``results/pubmed-fidelity.md`` that holds a PubMed tag (the pm26 rounds'
pasted strategies among them); every string literal of ``tests/`` that holds a PubMed tag
(but the tests of these warnings, which write other databases' syntax on purpose). Prints how
many strings each source gave and every warning of
:func:`reviewkit.other_database_syntax.other_database_warnings`, to read; the count of
warnings is the figure (0 is the bar).

Then, apart from that bar, text a librarian may paste as PubMed words: every title of the
PubMed snapshot (its index, when built) as an untagged search, where acronyms, stages, gene and
strain names, currencies and slashes look like other databases' signs; the titles warned are
printed, to read (rd47a: 4 of 50,782, each an EBSCOhost N/W operator between two plain words).
"""

from __future__ import annotations

import ast
import re
import sqlite3
import sys
import tomllib
from pathlib import Path

from reviewkit.offline_data import dataset_dir, pubmed_snapshot_files
from reviewkit.other_database_syntax import other_database_warnings
from reviewkit.pubmed.snapshot_build import index_path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
_TAGGED = re.compile(r"\w\]|\w\s?\[[A-Za-z][\w /:~-]*\]")  # a term with a PubMed tag


def _toml_queries(path: Path) -> list[str]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = [s["query"] for s in data.get("searches", []) if isinstance(s, dict) and "query" in s]
    for table in data.values():  # the cold-start protocols: one table a review
        if isinstance(table, dict):
            out += [q for q in table.get("searches", []) if isinstance(q, str)]
    return out


def _recorded(root: Path) -> list[str]:
    """<Term>, <QueryTranslation> and JSON querytranslation of recorded replies under root."""
    out: list[str] = []
    pattern = re.compile(
        r"<(?:Term|QueryTranslation)>([^<]+)</|\"querytranslation\"\s*:\s*\"((?:[^\"\\]|\\.)*)\""
    )
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".xml", ".json", ".yml", ".yaml", ".txt", ".py"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for m in pattern.finditer(text):
                value = m[1] or m[2].encode().decode("unicode_escape", errors="replace")
                out.append(value.replace("&quot;", '"').replace("&amp;", "&"))
    return out


def _fidelity() -> list[str]:
    text = (HERE / "results" / "pubmed-fidelity.md").read_text(encoding="utf-8")
    text = text.split("\n## pubmed47:")[0]  # that section writes other databases' syntax
    return [s for s in re.findall(r"`([^`\n]+)`", text) if _TAGGED.search(s)]


def _test_literals() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == "test_other_database_syntax.py":  # other databases' syntax, on purpose
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and _TAGGED.search(text) and len(text) < 2000:
                out.append(text)
    return out


def sources() -> dict[str, list[str]]:
    """Each source's search strings, deduplicated within it."""
    protocols = [q for p in sorted((ROOT / "protocols").glob("*.toml")) for q in _toml_queries(p)]
    cold = [
        q for p in sorted((HERE / "cold_start_protocols").glob("*.toml")) for q in _toml_queries(p)
    ]
    recorded = _recorded(dataset_dir("biopython-tests")) + _recorded(
        dataset_dir("metapub-fixtures")
    )
    recorded += _recorded(ROOT / "reviewkit" / "pubmed")
    found = {
        "protocols/*.toml": protocols,
        "cold-start protocols": cold,
        "recorded NCBI queries and translations": recorded,
        "pubmed-fidelity.md searches": _fidelity(),
        "tests/ string literals": _test_literals(),
    }
    return {name: list(dict.fromkeys(strings)) for name, strings in found.items()}


def snapshot_titles() -> list[str]:
    """Every title of the PubMed snapshot's index; none when the index is not built."""
    index = index_path(pubmed_snapshot_files())
    if not index.exists():
        return []
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        return [t for (t,) in db.execute("SELECT ti FROM articles WHERE ti <> ''")]


def main(argv: list[str]) -> int:
    total = warned = 0
    for name, strings in sources().items():
        hits = [(q, w) for q in strings for w in other_database_warnings(q)]
        total += len(strings)
        warned += len(hits)
        print(f"{name}: {len(strings)} strings, {len(hits)} warnings")
        for query, warning in hits:
            print(f"    {query[:120]!r}\n      {warning}")
    print(f"all: {total} strings, {warned} warnings")
    titles = snapshot_titles()
    hits = [(t, w) for t in titles for w in other_database_warnings(t)]
    print(
        f"snapshot titles as untagged words (text, apart from the bar): {len(titles)} titles, "
        f"{len({t for t, _ in hits})} warned"
    )
    for title, warning in hits:
        print(f"    {title[:120]!r}\n      {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
