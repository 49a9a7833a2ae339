"""What a command says after writing a file, and the one rule for a file with nothing in it.

The rule (README, section 7, "A file with nothing in it"): a command asked to write a file
writes it even when there is nothing to put in it, in its format's empty form (a CSV or XLSX
sheet its header row, the search log its headings, RIS and BibTeX an empty file: the formats
have no header), says ``0 … written to FILE (why: what to do)`` and exits 0. A script or a
Makefile that expects the file finds it, and the person reads why it is empty instead of
opening a file that looks broken (Zotero's RIS importer tells a file by its first ``TY  -``
line, zotero/translators RIS.js detectImport, and calls an empty one "not in a supported
format"; bibtexparser and rispy read an empty file as no entries). A command refuses (exit 2, nothing written)
only when what was asked for cannot exist: an unknown reviewer, scheme, stage or search; and
the decision log of a person with no decisions, whose empty file ``decisions import`` takes
for a failed copy (see :func:`reviewkit.decisions.exchange.export_decisions`).
"""

from __future__ import annotations

import click

from reviewkit.errors import command_line


def nothing_included() -> str:
    """Why a file of the included studies is empty: the same words for export, classify, extract."""
    return (
        f"nothing is included yet: finish screening ('{command_line('status')}' shows what waits)"
    )


def nothing_included_all() -> str:
    """:func:`nothing_included`, for classify and extract, which take every study with --all."""
    return f"{nothing_included()}, or pass --all to take every study"


def no_records() -> str:
    """Why a file of the project's records is empty."""
    return f"the project has no records yet: import records first ('{command_line('import FILE')}')"


def written(said: str, n: int, why_none: str) -> str:
    """``said`` ('3 included studies written to x.ris'); when ``n`` is 0, with why the file is
    empty and what to do in brackets after it."""
    return said if n else f"{said} ({why_none})"


def nothing_to_stdout(what: str, n: int, why_none: str) -> None:
    """An output sent to standard output with nothing in it prints nothing there: say so on
    stderr (``0 included studies written (…)``), so a person at the terminal is not left with a
    silent empty line and a pipe still gets the format's empty form."""
    if not n:
        click.echo(written(f"0 {what} written", 0, why_none), err=True)
