"""Every command's --help says what it does, its arguments and an example (a new user's first
look at a command, before the README): the example is a whole command line that parses, and it
stays on one line at 80 columns, where click rewraps a docstring's paragraphs, or goes on to a
next line with a backslash as a shell does (a line of a '\\b' block is not rewrapped: past 80
columns a terminal breaks it where it may)."""

from __future__ import annotations

import inspect
import re
import shlex
from pathlib import Path

import click
import pytest
from conftest import all_commands
from core.command_lines import ACTING, one_per_line, wrong_examples

from reviewkit.protocol import load

ROOT = Path(__file__).resolve().parents[2]


def help_examples(name: str, command: click.Command) -> tuple[list[str], str]:
    """The ``reviewkit NAME …`` lines of the command's --help at 80 columns, and the help."""
    ctx = click.Context(command, info_name=f"reviewkit {name}", terminal_width=80)
    text = command.get_help(ctx)
    lines = [re.sub(r"^Examples?:\s+", "", line.strip()) for line in one_per_line(text)]
    return [line for line in lines if re.match(rf"reviewkit {re.escape(name)}(\s|$)", line)], text


@pytest.mark.parametrize(("name", "command"), ACTING, ids=[name for name, _ in ACTING])
def test_every_command_s_help_gives_an_example_that_parses(name, command) -> None:
    examples, text = help_examples(name, command)
    assert examples, f"reviewkit {name} --help gives no example:\n{text}"
    block = "```sh\n" + "\n".join(examples) + "\n```\n"
    assert wrong_examples(block) == []
    # written on one line in the docstring, shown on one line: not wrapped into two (init's
    # was cut inside the protocol's name, search run's before its URL)
    doc = "\n".join(one_per_line(inspect.getdoc(command.callback) or ""))
    for written in re.findall(r"^(?:Example: |\s*)(reviewkit .+)$", doc, flags=re.MULTILINE):
        if written.startswith(f"reviewkit {name} "):
            assert written.strip() in examples, f"{written!r} is wrapped in --help:\n{text}"
    # nor past 80 columns, where a terminal breaks it (conflicts resolve's ran to 95)
    for line in text.splitlines():
        if "reviewkit " in line:
            assert len(line) <= 80, f"{line!r} runs past 80 columns in --help:\n{text}"


def test_the_example_check_finds_a_command_without_one() -> None:
    (command,) = [cmd for name, cmd in all_commands() if name == "screen"]
    bare = click.Command("screen", params=command.params, help="Screen records.")
    assert help_examples("screen", bare)[0] == []


# Whose names an example gives, and their protocol: the demo project's, where every example
# runs as written (test_help_examples_run.py); a new user's own project names its schemes,
# searches and fields otherwise, so the help says whose.
REVIEWS = {"the demo's": "demo-work-health.toml"}
NAMED_BY = {  # command: where its example names a scheme, search or field, and which
    "confirm": {"--scheme": "scheme"},
    "evidence-map": {"--rows": "scheme", "--cols": "scheme"},
    "label": {1: "scheme"},  # SCHEME=LABEL, the second argument
    "extract set": {1: "field"},
    "search history": {0: "search"},
    "search diff": {0: "search"},
}


def protocol_names(path: Path) -> dict[str, set[str]]:
    """The schemes, searches, fields, people and labels (``scheme=label``) a protocol names."""
    p = load(path)
    return {
        "scheme": set(p.schemes),
        "search": {s.name for s in p.searches},
        "field": {f.id for f in p.extraction},
        "person": set(p.reviewers) | set(p.leads),
        "label": {f"{k}={label.id}" for k, scheme in p.schemes.items() for label in scheme.labels},
    }


@pytest.mark.parametrize(("name", "command"), ACTING, ids=[name for name, _ in ACTING])
def test_every_help_example_names_what_the_review_it_names_names(name, command) -> None:
    """A new user's walk: `confirm --scheme SCHEME`, `label 12 SCHEME=LABEL`, `extract set 12
    FIELD=VALUE`, `evidence-map --rows SCHEME --cols OTHER-SCHEME`, `search history
    SEARCH-NAME` and `search diff SEARCH-NAME 3 7` were no examples that run: placeholders
    where a protocol's names go. Each names a shipped review's scheme, field or search, and
    says which review's: on another project (the README's own protocol) they are not found,
    and confirm's and extract set's help had lost the line saying whose they were."""
    examples, text = help_examples(name, command)
    for example in examples:
        argv = shlex.split(example)[1 + len(name.split()) :]
        for arg in argv:  # no PLACEHOLDER as an argument, nor either side of an '='
            for part in arg.split("="):
                assert not re.fullmatch(r"[A-Z][A-Z0-9_-]{2,}", part), (example, part)
        if name not in NAMED_BY:
            continue
        whose = [review for review in REVIEWS if review in " ".join(text.split())]
        assert len(whose) == 1, f"reviewkit {name} --help does not say whose names it gives"
        names = protocol_names(ROOT / "protocols" / REVIEWS[whose[0]])
        for where, kind in NAMED_BY[name].items():
            if isinstance(where, str):
                value = argv[argv.index(where) + 1]
            else:
                value = [a for a in argv if not a.startswith("-")][where]
                if name == "label":
                    assert value in names["label"], f"{example}: not {whose[0]}'s label"
                value = value.split("=")[0]
            assert value in names[kind], f"{example}: {whose[0]} has no {kind} {value!r}"
        if "--reviewer" in argv:
            reviewer = argv[argv.index("--reviewer") + 1]
            assert reviewer in names["person"], f"{example}: not {whose[0]}'s reviewer"


# where a project of one's own names what the demo's examples name: its protocol's tables
OWN = {"scheme": "[schemes.", "field": "[[extraction]]", "search": "[[searches]]"}
NAMING = [(name, cmd) for name, cmd in ACTING if name in NAMED_BY]


@pytest.mark.parametrize(("name", "command"), NAMING, ids=[name for name, _ in NAMING])
def test_a_help_that_gives_the_demo_s_names_says_where_your_own_are(name, command) -> None:
    """For a user who did not make the demo (their own project): label's and evidence-map's
    help named only the demo's protocol, and all four named it by its path in the source tree
    (protocols/demo-work-health.toml), found neither in the demo project (its protocol.toml,
    where the help sends the user) nor in theirs."""
    _, text = help_examples(name, command)
    flat = " ".join(text.split())
    for kind in set(NAMED_BY[name].values()):
        assert OWN[kind] in flat, f"reviewkit {name} --help: where is a {kind} of mine?"
    assert "protocols/" not in flat, f"reviewkit {name} --help names a file of the source tree"


@pytest.mark.parametrize(("name", "command"), ACTING, ids=[name for name, _ in ACTING])
def test_no_example_answers_a_question_for_the_reader(name, command) -> None:
    """A command that asks before a change (dedup merge and split show what screening would
    lose, then ask) is shown asking: the examples passed --yes, so run as written in the demo
    project they merged two different papers and split a duplicate of one PMID unseen. Asked,
    the reader sees the change and can answer n."""
    examples, _ = help_examples(name, command)
    for example in examples:
        assert "--yes" not in shlex.split(example), example
