"""Command lines as the docs give them, shared by the docs and --help tests: the README's example
lines and those click refuses, a --help text's lines joined as a shell reads them, and the
commands whose --help must give an example (ACTING)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

import click
from conftest import all_commands


def examples(readme: str) -> Iterator[tuple[str, bool]]:
    """(command line, complete?) for every ``reviewkit …`` line of a code block (complete: it
    can be run as it stands) and every inline `` `reviewkit … ` `` span with arguments (only a
    part of a command line, such as `reviewkit screen --stage full-text`, may be shown)."""
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", readme, flags=re.DOTALL | re.MULTILINE):
        for line in block.replace("\\\n", " ").splitlines():
            # `$ ` of a shown session; `.venv/bin/` of the demo's next commands (make demo's venv)
            line = re.sub(r"^(\$\s+)?(\.venv/bin/)?", "", line.strip())
            if line.startswith("reviewkit "):
                yield re.split(r"\s+#", line, maxsplit=1)[0], True
    for span in re.findall(r"(?<!`)`(reviewkit [^`]+)`(?!`)", readme):
        yield " ".join(span.split()), False


def fragments(readme: str) -> Iterator[str]:
    """Every inline span that writes a command without ``reviewkit`` before it, with words after
    the command's name (`search log --csv FILE`, `conflicts --resolver NAME --list`): the prose's
    own way of naming an option, which `examples` does not see. Spans offering alternatives
    (`extract edit|import|set`) are left out."""
    firsts = sorted({name.split()[0] for name, _ in all_commands()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in firsts)
    for span in re.findall(rf"(?<![`\w])`((?:{alternatives}) [^`]+)`(?!`)", readme):
        if "|" not in span:
            yield " ".join(span.split())


def unknown_in_fragments(readme: str) -> list[str]:
    """The prose's command fragments whose option click does not know (a fragment leaves out
    values and arguments, so only a name is checked): a renamed or removed option that the
    README's paragraphs still name. A fragment that is no command (a quoted message such as
    `decisions disagree (…)`) is left alone."""
    from reviewkit.cli import cli

    wrong = []
    for span in fragments(readme):
        words, command = shlex.split(span, posix=False), cli
        while isinstance(command, click.Group) and words and not words[0].startswith("-"):
            command = command.get_command(click.Context(command), words.pop(0))
        if command is None or isinstance(command, click.Group) and not command.params:
            continue
        known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)} | {"--help"}
        for word in words:
            # `--same/--different`: either name; `--map title=TI`'s value is no option
            names = word.split("=", 1)[0].split("/") if word.startswith("--") else []
            wrong += [f"{span}: no option {n}" for n in names if n not in known]
    return wrong


def wrong_examples(readme: str) -> list[str]:
    """README command lines that click refuses: an unknown command or option, a positional
    argument too many, or of the wrong kind; and, in a complete line, one missing."""
    from reviewkit.cli import cli

    wrong = []
    for line, complete in examples(readme):
        argv, command, path = shlex.split(line)[1:], cli, []
        while isinstance(command, click.Group) and argv and not argv[0].startswith("-"):
            command = command.get_command(click.Context(command), argv[0])
            if command is None:
                break
            path.append(argv.pop(0))
        if command is None:
            wrong.append(f"{line}: no such command")
            continue
        if not complete and not argv:
            continue  # a command named in the text, not an example
        try:
            command.make_context(" ".join(path), argv)
        except click.exceptions.Exit:
            pass
        except click.MissingParameter as exc:
            if complete:
                wrong.append(f"{line}: {exc.format_message()}")
        except click.UsageError as exc:
            wrong.append(f"{line}: {exc.format_message()}")
    return wrong


# Groups that only gather subcommands: their help lists them, each with its own example.
GATHERING = {"decisions", "extract", "protocol", "pubmed", "search"}


def one_per_line(text: str) -> list[str]:
    """The lines of ``text``, a line ending in a backslash joined to the next (as a shell reads
    a command line), white space folded."""
    return [" ".join(line.split()) for line in re.sub(r"\\\n\s*", " ", text).splitlines()]


ACTING = [(name, cmd) for name, cmd in all_commands() if name not in GATHERING]
