"""The ``reviewkit`` command. Each subcommand parses its arguments and calls one stage function.

Subcommands live in the modules of this package; each module lists its click commands in
``COMMANDS``. ``COMMAND_TABLE`` below names them, so that a command's module (and the stages
it imports) loads only when that command runs; a new command adds one row there (a test checks
that the table and the modules agree).
"""

from __future__ import annotations

import codecs
import contextvars
import sys
import warnings
from typing import Any

import click

from reviewkit import __version__, reader_gone
from reviewkit.cli.lazy_group import LazyCommand, LazyGroup
from reviewkit.errors import Interrupted, UserError, as_user_error, os_error_hint
from reviewkit.figure_fonts import MissingGlyphs

# name: (module in this package, attribute, the first sentence of the command's docstring)
COMMAND_TABLE: dict[str, LazyCommand] = {
    "init": LazyCommand(
        "core", "init_command", "Create a review project in FOLDER from a protocol file."
    ),
    "import": LazyCommand(
        "core",
        "import_command",
        "Import reference files into the project: RIS, nbib, BibTeX, PubMed XML, CSV, Excel … (see --format).",
    ),
    "status": LazyCommand(
        "core",
        "status_command",
        "Show what the project holds: records per source, studies after dedup, decisions.",
    ),
    "protocol": LazyCommand("core", "protocol_group", "Work with protocol files."),
    "search": LazyCommand(
        "search",
        "search_group",
        "Run the protocol's stored PubMed searches, rerun them, and compare runs.",
    ),
    "pubmed": LazyCommand(
        "pubmed_serve",
        "pubmed_group",
        "The local E-utilities server over a PubMed snapshot (for tests, demos, offline work).",
    ),
    "dedup": LazyCommand(
        "dedup",
        "dedup",
        "Find duplicate records and link them into clusters (incremental; nothing is deleted).",
    ),
    "screen": LazyCommand(
        "screen",
        "screen",
        "Screen records one at a time in the terminal (blinded; every key commits at once).",
    ),
    "conflicts": LazyCommand(
        "conflicts",
        "conflicts",
        "Resolve disagreements: both reviewers' labels, reasons and notes side by side.",
    ),
    "agreement": LazyCommand(
        "screen",
        "agreement",
        "Inter-rater agreement: counts table, percent agreement, Cohen's kappa (95% CI), PABAK.",
    ),
    "decisions": LazyCommand(
        "screen",
        "decisions",
        "Exchange decision logs between machines (JSON lines).",
    ),
    "attach": LazyCommand(
        "screen",
        "attach",
        "Attach a full text to RECORD (id, pmid:N or doi:…): a PDF path or an http(s) URL.",
    ),
    "classify": LazyCommand(
        "classify",
        "classify_command",
        "Suggest labels for the included studies, each with its score and evidence.",
    ),
    "label": LazyCommand(
        "classify",
        "label_command",
        "Confirm a study's label(s) in a scheme (RECORD: id, pmid:N or doi:10.…).",
    ),
    "confirm": LazyCommand(
        "classify",
        "confirm_command",
        "Confirm or change the suggested labels in the terminal, a key per label.",
    ),
    "extract": LazyCommand(
        "extract",
        "extract_group",
        "Extraction fields of the report tables: edit in the terminal, or export to CSV and "
        "import back.",
    ),
    "evidence-map": LazyCommand(
        "classify",
        "evidence_map_command",
        "The matrix of one scheme against another: CSV, XLSX, Markdown, PNG, SVG and GraphML.",
    ),
    "report": LazyCommand(
        "report",
        "report_command",
        "Write the report: tables per label, evidence map, PRISMA 2020, agreement, exports.",
    ),
    "export": LazyCommand(
        "report",
        "export_command",
        "Export the included studies for a reference manager (CSV: with their screening outcomes).",
    ),
    "prisma": LazyCommand(
        "report",
        "prisma_command",
        "Draw the PRISMA 2020 flow diagram (PNG, SVG) and write its numbers (CSV).",
    ),
    "simulate": LazyCommand(
        "simulate",
        "simulate_command",
        "Simulate screening DATASET.csv (title, abstract, label column) in ranked order.",
    ),
}


# Where every command's example runs as written: the project the README has a new user make
# first (tests/core/test_help_examples_run.py runs each in a copy of it).
EXAMPLES_NOTE = (
    "Examples run as written in the demo project: after 'make demo', 'cd build/demo/work-health'"
    " (the README's first step). In a project of your own, give its own: the schemes, labels,"
    " fields, reasons, searches and people its protocol.toml names, its record ids and files."
)


class _Cli(LazyGroup):
    """The top group: a write to a closed pipe raises ReaderGone, which click does not catch
    (it catches EPIPE itself and exits 1, even with standalone_mode off); main ends it."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with reader_gone.noticed():  # --help, --version
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with reader_gone.noticed():
            return super().invoke(ctx)


@click.group(
    cls=_Cli,
    lazy=COMMAND_TABLE,
    examples_note=EXAMPLES_NOTE,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="reviewkit")
def cli() -> None:
    """reviewkit: systematic reviews from stored PubMed searches to report tables.

    Start with 'reviewkit init DIR --protocol protocols/NAME.toml'; every other command works
    on a project folder given with --project (default: the current folder).
    """


_python_shows = warnings.showwarning


def _show_warning(message: Warning | str, category: type[Warning], *args: Any, **kw: Any) -> None:
    """reviewkit's own warnings as one line in its words (``warning: …``); others as Python shows."""
    if issubclass(category, MissingGlyphs):
        click.echo(f"warning: {message}", err=True)
    else:
        _python_shows(message, category, *args, **kw)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; bad input ends with one readable message and exit code 2, never a traceback."""
    # in a copy of the context: the project a command opens (errors.project_opened, for the
    # --project of the command lines its hints name) is that command's, not a later call's
    try:  # the error messages of _main's handlers, written to a closed pipe, too
        with reader_gone.noticed():
            code = contextvars.copy_context().run(_main, argv)
            reader_gone.flush()  # now, not at exit: a short output meets a closed pipe only here
    except reader_gone.ReaderGone:  # `reviewkit report | head`: as `cat` and `git` end there
        return reader_gone.leave_quietly()
    return code


def _main(argv: list[str] | None) -> int:
    _escape_what_stdout_cannot_encode()
    warnings.showwarning = _show_warning
    # said every time, whatever PYTHONWARNINGS says: Python's default shows a message once per
    # process ('error' ended the command in a traceback, 'ignore' hid the characters missing)
    warnings.filterwarnings("always", category=MissingGlyphs)
    try:
        cli.main(args=argv, prog_name="reviewkit", standalone_mode=False)
    except Interrupted as exc:  # Ctrl-C: not the user's error, but what to do next
        click.echo(str(exc), err=True)
        return exc.exit_code
    except UserError as exc:
        from reviewkit.protocol.people import NameInOtherCase, exactly, retyped

        if isinstance(exc, NameInOtherCase):  # the command as typed, the name put right
            words = sys.argv[1:] if argv is None else argv
            if line := retyped(words, exc.name, exc.listed):
                exc.hint = exactly(exc.listed, line)
        if exc.said_before:  # the warnings of reading a sheet, said before its refusal
            from reviewkit.cli._common import say_warnings  # loaded only then: startup

            say_warnings(exc.where, exc.said_before)
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except UnicodeEncodeError as exc:  # see _not_utf8: a name in another system's encoding
        message = _not_utf8(exc)
        if message is None:
            raise
        click.echo(message, err=True)
        return 2
    except OSError as exc:  # a file a command could not read or write: its path and the reason
        where = f"{exc.filename}: " if exc.filename else ""
        hint = os_error_hint(exc)
        click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        if hint:
            click.echo(f"  hint: {hint}", err=True)
        return 2
    except Exception as exc:  # a library's error that a stage registered as the user's
        error = as_user_error(exc)  # (a damaged database page, a full disk: store.db)
        if error is None:
            raise
        click.echo(f"error: {error}", err=True)
        return error.exit_code
    return 0


def _escape_what_stdout_cannot_encode() -> None:
    """Let standard output take every character: in its own encoding where it can, else as an
    escape.

    A locale or console that is not UTF-8 (a Latin-1 locale, Windows' code page when the output
    goes to a file) cannot encode a name such as 'Łukasz', nor the arrows and dots reviewkit
    prints, and Python's standard output refuses them: 'dedup' ended in a UnicodeEncodeError
    traceback, and 'label' after storing the label. Such characters are now written as
    escapes (\\u0141), as Python's standard error always writes them. A UTF-8 output is left as
    it is (a name that is not UTF-8 is told apart there: see _not_utf8). Data written to
    standard output (export) is UTF-8 bytes whatever the locale, as its files are.
    """
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        unicode = codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        unicode = False
    if not unicode and getattr(stream, "errors", "") == "strict" and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="backslashreplace")


def _not_utf8(exc: UnicodeEncodeError) -> str | None:
    """The message for text that holds bytes which are not UTF-8, or None for another error.

    Python reads a file name, an argument or an environment variable with such bytes (a name
    from a Latin-1 disk) as lone surrogates ('\\udcff'), which SQLite refuses: the statement
    fails with UnicodeEncodeError and its transaction is rolled back (import, label, attach
    stored such a name; the others print it, which works, or write it nowhere).
    """
    if not isinstance(exc.object, str) or not any(
        "\udc80" <= ch <= "\udcff" for ch in exc.object[exc.start : exc.end]
    ):
        return None
    raw = exc.object.encode("utf-8", "surrogateescape")
    shown = raw.decode("utf-8", "backslashreplace")[:200]
    return (
        f"error: {shown}: not UTF-8 (a file name, argument or variable with bytes of another "
        "encoding); nothing was stored\n"
        "  hint: rename the file, or give the text in UTF-8, and run the command again"
    )
