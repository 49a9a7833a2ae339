"""Import the real NLM update file (20,788 article records) into a fresh project: speed and memory.

Run with ``python -m benchmarks import``. The import goes through ``importer.import_files``,
as ``reviewkit import`` does, in a fresh process (so peak RSS is this job's alone).
Targets on a 2-core machine: under 15 s and under 400 MB.
"""

from __future__ import annotations

import io
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from benchmarks.measure import TreeMemory, high_water_kb, load_note, run_isolated

TARGET_SECONDS = 15.0
TARGET_MB = 400.0


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_PARTS = {
    "[Content_Types].xml": f'<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>",
    "_rels/.rels": f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
    "xl/styles.xml": f'<styleSheet xmlns="{_MAIN}"><fonts count="2"><font/><font><b/></font>'
    '</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
    '<xf numFmtId="0" fontId="1" applyFont="1"/></cellXfs><cellStyles count="1">'
    '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
}


def excel_workbook(
    rows: list[list[str | int]], *, extent: tuple[int, int] = (0, 0), unused_strings: int = 0
) -> bytes:
    """An .xlsx laid out as Excel saves one: text in the shared strings table, numbers in the
    cells. ``extent`` (rows, columns) imitates whole rows and columns formatted in Excel: every
    row up to that many holds a styled empty cell in that column, and the sheet's recorded range
    (<dimension>) spans them. ``unused_strings`` adds short strings no cell uses to the table."""
    import zipfile
    from xml.sax.saxutils import escape

    from openpyxl.utils import get_column_letter

    strings: list[str] = []
    last_row, last_column = max(len(rows), extent[0]), max([extent[1], *map(len, rows)])
    far = get_column_letter(extent[1]) if extent[1] else ""
    sheet = [
        f'<worksheet xmlns="{_MAIN}"><dimension ref="A1:{get_column_letter(last_column)}{last_row}"/><sheetData>'
    ]
    for r in range(1, last_row + 1):
        cells = []
        for c, value in enumerate(rows[r - 1] if r <= len(rows) else [], start=1):
            ref = f"{get_column_letter(c)}{r}"
            if isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        if r <= extent[0]:
            cells.append(f'<c r="{far}{r}" s="1"/>')
        style = ' s="1" customFormat="1"' if r <= extent[0] else ""
        sheet.append(f'<row r="{r}"{style}>{"".join(cells)}</row>')
    sheet.append("</sheetData></worksheet>")
    table = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
    table += "".join(f"<si><t>s{i}</t></si>" for i in range(unused_strings))
    parts = dict(_PARTS)
    parts["xl/worksheets/sheet1.xml"] = "".join(sheet)
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{_MAIN}">{table}</sst>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text)
    return out.getvalue()


def reference_rows(records: int) -> list[list[str | int]]:
    """A header and ``records`` rows of references: title, year, a ~1.5 KB abstract."""
    rows: list[list[str | int]] = [["Title", "Year", "Abstract"]]
    for i in range(records):
        words = " ".join(f"word{(i * 7 + k) % 997}" for k in range(150))
        rows.append([f"Return to work study {i}", 2000 + i % 25, f"Background: {words}."])
    return rows


# The Excel cases: a sheet whose recorded range is 3,000 rows x 16,000 columns around 20
# records; 20,000 records with ~1.5 KB abstracts; a shared strings table of 500,000 strings.
XLSX_CASES = {
    "wide range, 20 records": ("wide", 20),
    "20,000 records": ("records", 20_000),
    "500,000 unused shared strings": ("strings", 500_000),
}
# The same cases measured at commit 5eafd9c (before the reader skipped the recorded range and
# held the shared strings compactly), on the same machine at load 6.8: wall s (a fresh process:
# start, imports and the read), CPU s of the read, peak memory growth of the read in MB.
XLSX_BEFORE = {
    "wide range, 20 records": (8.71, 2.69, 93.2),
    "20,000 records": (6.71, 1.94, 77.7),
    "500,000 unused shared strings": (29.26, 8.31, 76.5),
}


def _read_workbook(path: str) -> dict:
    """In a fresh process: read the workbook at ``path`` as text (what the importer parses)."""
    import openpyxl  # noqa: F401 - loaded before the baseline is taken

    from reviewkit.formats import xlsx

    data = Path(path).read_bytes()
    baseline = high_water_kb()
    started = time.process_time()
    text = xlsx.to_text(data, Path(path).name)
    cpu = time.process_time() - started
    growth = (high_water_kb() - baseline) / 1024
    return {"cpu": cpu, "growth_mb": growth, "lines": text.count("\n")}


def measure_xlsx() -> dict:
    """Wall and CPU time and peak memory growth of reading each Excel case."""
    build = {
        "wide": lambda n: excel_workbook(reference_rows(n), extent=(3000, 16000)),
        "records": lambda n: excel_workbook(reference_rows(n)),
        "strings": lambda n: excel_workbook(reference_rows(1), unused_strings=n),
    }
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case, (kind, n) in XLSX_CASES.items():
            path = Path(tmp) / "case.xlsx"
            path.write_bytes(build[kind](n))
            wall, _peak, result = run_isolated(_read_workbook, str(path))
            figures[case] = {
                "file_kb": round(path.stat().st_size / 1024),
                "wall_seconds": round(wall, 2),
                "cpu_seconds": round(result["cpu"], 2),
                "peak_growth_mb": round(result["growth_mb"], 1),
                "csv_lines": result["lines"],
            }
    return figures


def _xlsx_table(figures: dict) -> str:
    rows = []
    for case, now in figures.items():
        wall, cpu, growth = XLSX_BEFORE[case]
        rows.append(
            f"| {case} | {now['file_kb']:,} KB | {wall} s, {cpu} s CPU, +{growth} MB | "
            f"{now['wall_seconds']} s, {now['cpu_seconds']} s CPU, +{now['peak_growth_mb']} MB | "
            f"{now['csv_lines']:,} |"
        )
    return "\n".join(rows)


def import_measured(data_file: str, folder: str) -> dict:
    """Import ``data_file`` into a new project under ``folder`` as ``reviewkit import`` does
    (run it in a fresh process: :func:`main`); its records, CPU and the parser workers' peak."""
    from reviewkit import importer
    from reviewkit.project import init_project
    from reviewkit.store import records as record_rows

    started = time.process_time()
    root = Path(__file__).resolve().parents[1]
    project = init_project(
        Path(folder) / "review", root / "protocols" / "rtw-systematic-reviews.toml"
    )
    try:
        # the parser workers' own peak: each one's VmHWM, read while it runs (TreeMemory; no
        # PSS, whose reads would add to this process's CPU); not their ru_maxrss, which
        # carries this process's peak at their spawn (the importing process's size whenever
        # that was the larger)
        with TreeMemory(pss=False) as memory:
            (summary,) = importer.import_files(project.db, [data_file], source="PubMed")
        stored = record_rows.record_count(project.db)
    finally:
        project.close()
    size = (Path(folder) / "review" / "review.sqlite").stat().st_size
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers' CPU (ended)
    return {
        "records": summary.records,
        "stored": stored,
        "database_mb": round(size / 2**20, 1),
        "cpu_seconds": round(
            time.process_time() - started + children.ru_utime + children.ru_stime, 2
        ),
        # None: no worker seen (a file below PARALLEL_MIN_BYTES is read in this process)
        "worker_peak_mb": None
        if memory.largest_child_mb is None
        else round(memory.largest_child_mb, 1),
        "workers": os.cpu_count() or 2,
    }


def main(results_dir: Path) -> dict:
    from reviewkit import offline_data

    data_file = offline_data.path("pubmed-snapshot", offline_data.PUBMED_UPDATE)
    with tempfile.TemporaryDirectory() as tmp:
        wall, peak_mb, result = run_isolated(import_measured, str(data_file), tmp)
    figures = {
        "file": offline_data.PUBMED_UPDATE,
        "records": result["records"],
        "wall_seconds": round(wall, 2),
        "cpu_seconds": result["cpu_seconds"],  # less sensitive than wall time to other jobs
        "records_per_second": round(result["records"] / wall),
        "peak_rss_mb": round(peak_mb, 1),  # the importing process
        # the largest parser worker's own peak (its VmHWM: measure.TreeMemory)
        "worker_peak_rss_mb": result["worker_peak_mb"],
        # upper bound of the job's total: importing process + every worker at its peak at once
        "total_peak_mb_upper_bound": round(
            peak_mb + result["workers"] * result["worker_peak_mb"], 1
        ),
        "database_mb": result["database_mb"],
        "target_seconds": TARGET_SECONDS,
        "target_mb": TARGET_MB,
        "meets_targets": wall < TARGET_SECONDS
        and peak_mb + result["workers"] * result["worker_peak_mb"] < TARGET_MB,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": round(os.getloadavg()[0], 2),
    }
    assert result["stored"] == result["records"] == 20_788, result
    figures["xlsx"] = measure_xlsx()
    results_dir.mkdir(parents=True, exist_ok=True)
    rows = [
        ("records", f"{figures['records']:,}", ""),
        ("wall time", f"{figures['wall_seconds']} s", f"< {TARGET_SECONDS:g} s"),
        ("CPU time (all processes)", f"{figures['cpu_seconds']} s", ""),
        ("records / s", f"{figures['records_per_second']:,}", ""),
        ("peak RSS, importing process", f"{figures['peak_rss_mb']} MB", ""),
        ("peak RSS, largest parser worker (its own)", f"{figures['worker_peak_rss_mb']} MB", ""),
        (
            "peak RSS, all processes (upper bound)",
            f"{figures['total_peak_mb_upper_bound']} MB",
            f"< {TARGET_MB:g} MB",
        ),
        ("database size", f"{figures['database_mb']} MB", ""),
    ]
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    (results_dir / "import.md").write_text(
        "# Import benchmark\n\n"
        f"Importing `{offline_data.PUBMED_UPDATE}` (a real 2021 NLM update file) into a new project with\n"
        "`reviewkit.importer.import_files`, in a fresh process.\n\n"
        "| measure | value | target |\n|---|---|---|\n"
        f"{table}\n\n"
        "The parser workers' peak is each worker's own: its high-water mark (VmHWM), read from\n"
        "/proc every 50 ms while it runs (`benchmarks.measure.TreeMemory`); not its `ru_maxrss`,\n"
        "which carries the importing process's peak at the worker's spawn (before stop 44; the\n"
        "figure was theirs only because they start before the import grows). The upper bound\n"
        "adds the importing process's peak and every worker at the largest one's.\n\n"
        f"Machine: {figures['machine']}; 1-minute load average at start {figures['load_average_at_start']}"
        f" ({load_note(figures['load_average_at_start'])}).\n\n"
        "## Excel workbooks\n\n"
        "Reading a workbook's first sheet as text (`reviewkit.formats.xlsx.to_text`, what the\n"
        "importer then parses as CSV) in a fresh process, for workbooks made by\n"
        "`benchmarks.bench_import.excel_workbook` as Excel lays them out (text in the shared\n"
        "strings table). 'Wide range': a header and 20 records in a sheet whose recorded range\n"
        "is 3,000 rows x 16,000 columns (a styled empty cell ending every row, as after\n"
        "formatting whole rows and columns). Each cell: wall time of the fresh process, CPU time\n"
        "of the read, growth of peak memory during the read. Before: commit 5eafd9c (every row\n"
        "padded to the recorded range; openpyxl's shared strings list), measured at load 6.8.\n\n"
        "| workbook | size | before | now | CSV lines now |\n|---|---|---|---|---|\n"
        f"{_xlsx_table(figures['xlsx'])}\n",
        encoding="utf-8",
    )
    return figures
