"""Import a large generated text export (RIS, MEDLINE/nbib, Web of Science): time and memory.

Run with ``python -m benchmarks import_text [CODE_DIR]`` (niced: ``nice -n 10``). Each file is
generated here (:func:`export`, the same bytes every run) and imported through
``importer.import_files``, as ``reviewkit import`` does, in a fresh process: CPU seconds of
that process (the text readers use no workers) and its peak resident memory (VmHWM), with
the peak before the import (Python, the libraries, the project opened) taken as its
baseline. ``CODE_DIR``: the reviewkit tree to import from (a checkout of an older commit, for
the 'before' figures), by default this one. Writes results/import-text.json, and
results/import-text.md from the figures of this run and the 'before' ones in the JSON; each
figure keeps the load of the run that measured it (a run of some cases keeps the others'
figures, measured at another load). ``--table`` writes the markdown from the JSON alone.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import high_water_kb, load_note, run_isolated

RESULTS = Path(__file__).resolve().parent / "results"
# (case, records): the RIS file is about 200 MB, the size the brief of round 21 named (a
# database's whole export of a broad search, ten times PubMed's 10,000-record limit), BibTeX
# as many records (160 MB, round 22); the others about 50 MB. bibtex-dblp (round 23): as many
# BibTeX records, with DBLP's shape 'with crossref' and a hand-kept file's @string macros
CASES = {
    "ris": 113_000,
    "medline": 26_000,
    "wos": 26_000,
    "bibtex": 113_000,
    "bibtex-dblp": 113_000,
}
_SUFFIX = {"ris": "ris", "medline": "nbib", "wos": "txt", "bibtex": "bib", "bibtex-dblp": "bib"}
# where the files are generated, one at a time: the benchmarks' work directory
WORK = Path(__file__).resolve().parent / ".work" / "import-text"


def _words(i: int, n: int) -> str:
    return " ".join(f"word{(i * 7 + k) % 997}" for k in range(n))


def _ris(i: int) -> str:
    authors = "".join(f"AU  - Author{(i + k) % 5000}, A. B.\n" for k in range(5))
    keywords = "".join(f"KW  - keyword {(i + k) % 300}\n" for k in range(5))
    return (
        f"TY  - JOUR\nTI  - Return to work after sick leave: study {i}\n{authors}"
        f"PY  - {2000 + i % 25}\nJO  - Journal of Occupational Rehabilitation\nVL  - {i % 40}\n"
        f"IS  - {i % 4 + 1}\nSP  - {i % 300}\nEP  - {i % 300 + 9}\nDO  - 10.1000/jor.{i}\n"
        f"AB  - Background: {_words(i, 130)}.\n{keywords}ER  - \n\n"
    )


def _medline(i: int) -> str:
    abstract = f"Background: {_words(i, 130)}."
    wrapped = "\n      ".join(abstract[k : k + 80] for k in range(0, len(abstract), 80))
    authors = "".join(
        f"FAU - Author{(i + k) % 5000}, Anna\nAU  - Author{(i + k) % 5000} A\n" for k in range(5)
    )
    return (
        f"PMID- {30000000 + i}\nOWN - NLM\nSTAT- MEDLINE\nDP  - {2000 + i % 25} Jan\n"
        f"TI  - Return to work after sick leave: study {i}.\nAB  - {wrapped}\n{authors}"
        f"LA  - eng\nPT  - Journal Article\nTA  - J Occup Rehabil\n"
        f"JT  - Journal of Occupational Rehabilitation\nEDAT- 2020/01/01 06:00\n"
        f"CRDT- 2020/01/01 06:00\nAID - 10.1000/jor.{i} [doi]\n"
        f"SO  - J Occup Rehabil. {2000 + i % 25} Jan;{i % 40}({i % 4 + 1}):{i % 300}-{i % 300 + 9}."
        "\n\n"
    )


def _wos(i: int) -> str:
    authors = "\n   ".join(f"Author{(i + k) % 5000}, A" for k in range(5))
    return (
        f"PT J\nAU {authors}\nTI Return to work after sick leave: study {i}\n"
        f"SO JOURNAL OF OCCUPATIONAL REHABILITATION\nLA English\nDT Article\n"
        f"AB Background: {_words(i, 130)}.\nPY {2000 + i % 25}\nVL {i % 40}\n"
        f"BP {i % 300}\nEP {i % 300 + 9}\nDI 10.1000/jor.{i}\nUT WOS:{i:015d}\nER\n\n"
    )


def _bibtex(i: int) -> str:
    authors = " and ".join(f"Author{(i + k) % 5000}, A. B." for k in range(5))
    keywords = "; ".join(f"keyword {(i + k) % 300}" for k in range(5))
    return (
        f"@article{{study{i},\n  title = {{Return to work after sick leave: study {i}}},\n"
        f"  author = {{{authors}}},\n  year = {{{2000 + i % 25}}},\n"
        f"  journal = {{Journal of Occupational Rehabilitation}},\n  volume = {{{i % 40}}},\n"
        f"  number = {{{i % 4 + 1}}},\n  pages = {{{i % 300}--{i % 300 + 9}}},\n"
        f"  doi = {{10.1000/jor.{i}}},\n  abstract = {{Background: {_words(i, 130)}.}},\n"
        f"  keywords = {{{keywords}}},\n}}\n\n"
    )


# papers per volume of bibtex-dblp (a conference's proceedings)
_PAPERS = 100


def _dblp(i: int) -> str:
    """A paper as DBLP's 'with crossref' BibTeX gives it: the year and venue on its volume,
    the journal of the other entries an @string."""
    paper = _bibtex(i).replace("@article{", "@inproceedings{", 1)
    paper = paper.replace(f"  year = {{{2000 + i % 25}}},\n", "")
    paper = paper.replace("{Journal of Occupational Rehabilitation}", "jor")
    return paper.replace("  doi = ", f"  crossref = {{conf/rtw/{i // _PAPERS}}},\n  doi = ", 1)


def _dblp_volumes(records: int) -> str:
    """The volumes bibtex-dblp's papers name, after all of them (DBLP's order)."""
    return "".join(
        f"@proceedings{{conf/rtw/{v},\n  title = {{Proceedings of RTW {v}}},\n"
        f"  booktitle = rtw # {{ {v}}},\n  year = {{{2000 + v % 25}}},\n  publisher = acm,\n}}\n\n"
        for v in range((records + _PAPERS - 1) // _PAPERS)
    )


def export(fmt: str, records: int) -> bytes:
    """A text export of ``records`` generated records in ``fmt`` ('ris', 'medline', 'wos',
    'bibtex', 'bibtex-dblp'), each with a title, five authors, a ~1 KB abstract, a DOI and its
    citation."""
    one = {"ris": _ris, "medline": _medline, "wos": _wos, "bibtex": _bibtex, "bibtex-dblp": _dblp}
    body = "".join(one[fmt](i) for i in range(records))
    if fmt == "wos":
        body = f"FN Clarivate Analytics Web of Science\nVR 1.0\n{body}EF\n"
    if fmt == "bibtex-dblp":
        macros = (
            "@string{jor = {Journal of Occupational Rehabilitation}}\n"
            "@string{rtw = {Return to Work Conference}}\n@string{acm = {ACM}}\n\n"
        )
        body = macros + body + _dblp_volumes(records)
    return body.encode("utf-8")


def _import(code: str, path: str, folder: str) -> dict:
    """In a fresh process: import the file at ``path`` into a new project, with reviewkit
    imported from ``code``."""
    sys.path.insert(0, code)
    from reviewkit import importer
    from reviewkit.project import init_project

    root = Path(__file__).resolve().parents[1]
    project = init_project(
        Path(folder) / "review", root / "protocols" / "rtw-systematic-reviews.toml"
    )
    baseline = high_water_kb()
    started = time.process_time()
    try:
        (summary,) = importer.import_files(project.db, [path])
    finally:
        project.close()
    return {
        "records": summary.records,
        "cpu_seconds": round(time.process_time() - started, 2),
        "baseline_mb": round(baseline / 1024, 1),
        "peak_mb": round(high_water_kb() / 1024, 1),
        "reviewkit": importer.__file__,
    }


def measure(code: Path, cases: list[str]) -> dict:
    """The figures of each of ``cases``, imported with the reviewkit tree at ``code``."""
    figures = {}
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        for fmt in cases:
            records = CASES[fmt]
            path = Path(tmp) / f"export.{_SUFFIX[fmt]}"
            path.write_bytes(export(fmt, records))
            _wall, _peak, got = run_isolated(_import, str(code), str(path), tmp + f"/{fmt}")
            assert got["records"] == records, got
            figures[fmt] = {"file_mb": round(path.stat().st_size / 2**20, 1), **got}
            path.unlink()
    return figures


def main(
    results_dir: Path = RESULTS, code: Path | None = None, cases: list[str] | None = None
) -> dict:
    """Measure ``cases`` (all by default) and merge their figures into the results: a case
    not measured keeps its recorded figures."""
    code = code or Path(__file__).resolve().parents[1]
    load = round(os.getloadavg()[0], 2)
    measured = measure(code, cases or list(CASES))
    figures = {fmt: {**got, "load_average_at_start": load} for fmt, got in measured.items()}
    store = results_dir / "import-text.json"
    saved = json.loads(store.read_text()) if store.exists() else {}
    key = "before" if code != Path(__file__).resolve().parents[1] else "after"
    kept = saved.get(key, {}).get("figures", {}) if cases else {}
    saved[key] = {
        "code": str(code),
        "load_average_at_start": load,
        "figures": {**kept, **figures},
    }
    results_dir.mkdir(parents=True, exist_ok=True)
    store.write_text(json.dumps(saved, indent=1) + "\n")
    write_table(results_dir)
    return figures


def write_table(results_dir: Path = RESULTS) -> None:
    """Write results/import-text.md from results/import-text.json, measuring nothing."""
    saved = json.loads((results_dir / "import-text.json").read_text(encoding="utf-8"))
    (results_dir / "import-text.md").write_text(table(saved), encoding="utf-8")


def _cell(got: dict | None) -> str:
    """A figure as the table gives it, with the load at the start of the run that took it (a
    figure recorded without one: its note gives it)."""
    if not got:
        return "not measured"
    load = got.get("load_average_at_start")
    return (
        f"{got['cpu_seconds']} CPU-s, peak {got['peak_mb']} MB"
        f" (+{round(got['peak_mb'] - got['baseline_mb'], 1)}),"
        + (f" load {load}" if load is not None else " load in its note")
    )


def table(saved: dict) -> str:
    """The markdown of the figures ``saved`` (the JSON's 'before' and 'after' runs)."""
    rows = []
    for fmt, records in CASES.items():
        cells = [
            _cell(saved.get(key, {}).get("figures", {}).get(fmt)) for key in ("before", "after")
        ]
        size = next(
            (s["figures"][fmt]["file_mb"] for s in saved.values() if fmt in s["figures"]), 0
        )
        rows.append(f"| {fmt} | {records:,} | {size} MB | {cells[0]} | {cells[1]} |")
    loads = [
        got["load_average_at_start"]
        for s in saved.values()
        for got in s["figures"].values()
        if got.get("load_average_at_start") is not None
    ]
    notes = "".join(
        f"{fmt} {key}: {got['note']}\n"
        for key, s in saved.items()
        for fmt, got in s["figures"].items()
        if "note" in got
    )
    return (
        "# Import of large text exports (benchmarks/bench_import_text.py)\n\n"
        "A generated export of each format imported into a new project in a fresh process\n"
        "(`importer.import_files`): CPU seconds of the import, peak resident memory of the\n"
        "process (VmHWM) and, in brackets, its growth over the peak before the import.\n"
        "Before: the readers holding the file whole (bytes, text, lines); after: read line by\n"
        "line (`reviewkit.formats.text_stream`). BibTeX: before, its text parsed whole into\n"
        "one bibtexparser Library (round 22's 'before'); after, read from its lines as they\n"
        "come and parsed a chunk of entries at a time (`reviewkit.formats.bibtex_split`,\n"
        "round 23: round 22 still held the text whole, notes below). bibtex-dblp: as many\n"
        "records in DBLP's 'with crossref' shape (a volume per 100 papers, at the end) with\n"
        "@string macros; before (main at 9772938a), such a file was parsed whole; after,\n"
        "its @strings carried from chunk to chunk and its volumes found by a first pass.\n\n"
        "| format | records | file | before | after |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\nEach figure's load: the 1-minute load average at the start of the run that"
        " measured it (runs of some cases keep the others' figures)"
        + (f"; {load_note(max(loads))}.\n" if loads else ".\n")
        + (f"\n{notes}" if notes else "")
    )


if __name__ == "__main__":
    # python -m benchmarks.bench_import_text [CODE_DIR] [CASE ...], or --table
    args = sys.argv[1:]
    if args == ["--table"]:  # the markdown from the JSON, measuring nothing
        write_table()
        sys.exit(0)
    given = Path(args[0]).resolve() if args and args[0] not in CASES else None
    main(code=given, cases=[a for a in args if a in CASES] or None)
