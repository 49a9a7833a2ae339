"""The ``reviewkit`` command. Each subcommand parses its arguments and calls one stage function.

Subcommands live in the modules of this package; each module lists its click commands in
``COMMANDS`` and is picked up here, so adding a stage never means editing this file.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from reviewkit import __version__
from reviewkit.errors import Interrupted, UserError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="reviewkit")
def cli() -> None:
    """reviewkit: systematic reviews from stored PubMed searches to report tables.

    Start with 'reviewkit init DIR --protocol protocols/NAME.toml'; every other command works
    on a project folder given with --project (default: the current folder).
    """


def _register() -> None:
    package = sys.modules[__name__]
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; bad input ends with one readable message and exit code 2, never a traceback."""
    try:
        cli.main(args=argv, prog_name="reviewkit", standalone_mode=False)
    except Interrupted as exc:  # Ctrl-C: not the user's error, but what to do next
        click.echo(str(exc), err=True)
        return exc.exit_code
    except UserError as exc:
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
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file a command could not read or write: its path and the reason
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        return 2
    return 0
