"""The README is the manual: every command and option is in it, and its map of the code
matches the tree (as sqlite-utils checks its docs against its click commands)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from conftest import all_commands
from core.command_lines import examples, unknown_in_fragments, wrong_examples

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Documented once for every command (the Settings section and "A review, from protocol to report").
EVERYWHERE = {"--help", "--version", "--project"}


def commands() -> Iterator[tuple[str, click.Command]]:
    """('search run', command) for every command and group under ``reviewkit``."""
    return all_commands()


def _mentions(text: str, name: str) -> bool:
    """``reviewkit NAME`` or `` `NAME`` (a command, not a longer one) occurs in ``text``."""
    return re.search(rf"(reviewkit\s+|`){re.escape(name)}(?![\w-])", text) is not None


def missing_from(readme: str) -> list[str]:
    """Commands never shown as 'reviewkit NAME', and options never named in a paragraph (or
    code block) that names their command."""
    paragraphs = re.split(r"\n\s*\n", readme)
    missing = []
    for name, command in commands():
        if not re.search(rf"reviewkit\s+{re.escape(name)}(?![\w-])", readme):
            missing.append(f"reviewkit {name}")
        about = [p for p in paragraphs if _mentions(p, name)]
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            flags = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("--")]
            if not flags or set(flags) & EVERYWHERE:
                continue
            if not any(re.search(rf"{re.escape(f)}(?![\w-])", p) for p in about for f in flags):
                missing.append(f"reviewkit {name} {flags[0]}")
    return missing


def test_every_command_and_option_is_in_the_readme() -> None:
    assert len(list(commands())) > 30  # the walk sees every command, loaded or not
    assert missing_from(README) == []


def test_the_docs_check_finds_a_missing_option() -> None:
    without = README.replace("--no-rank", "--no-ranking")
    assert "reviewkit screen --rank" in missing_from(without)
    without = re.sub(r"reviewkit\s+agreement", "reviewkit agree", README)
    assert "reviewkit agreement" in missing_from(without)


def test_every_readme_example_parses() -> None:
    """The examples' arguments, positional ones too, are what the commands take."""
    assert len(list(examples(README))) > 50
    assert wrong_examples(README) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("reviewkit decisions import r2.jsonl", "reviewkit decisions import", "Missing argument"),
        ("reviewkit decisions import r2.jsonl", "reviewkit decisions import a b", "extra argument"),
        ("`reviewkit pubmed serve --port 8765`", "`reviewkit pubmed serve x`", "extra argument"),
    ],
)
def test_the_examples_check_finds_a_wrong_positional_argument(
    old: str, new: str, expected: str
) -> None:
    assert old in README
    found = wrong_examples(README.replace(old, new, 1))
    assert len(found) == 1 and expected in found[0], found


def test_every_option_the_prose_names_exists() -> None:
    """`search log --csv FILE`, written in a paragraph without `reviewkit`, names a real option."""
    assert unknown_in_fragments(README) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("`search log --csv FILE`", "`search log --csv-file FILE`", "no option --csv-file"),
        (
            "`conflicts --resolver NAME --list`",
            "`conflicts --resolver NAME --ls`",
            "no option --ls",
        ),
        ("study-link A B --same/--different`", "study-link A B --same/--other`", "--other"),
    ],
)
def test_the_prose_check_finds_an_option_that_is_gone(old: str, new: str, expected: str) -> None:
    assert old in README
    found = unknown_in_fragments(README.replace(old, new, 1))
    assert len(found) == 1 and expected in found[0], found


def _where_things_are() -> str:
    section = README.split("## Where things are", 1)[1]
    return section.split("```", 2)[1]


def top_level_names() -> list[str]:
    """'cli/' for each package and 'records.py' for each module directly under reviewkit/."""
    names = []
    for path in sorted((ROOT / "reviewkit").iterdir()):
        if path.name.startswith("_"):
            continue
        if path.is_dir() and (path / "__init__.py").exists():
            names.append(f"{path.name}/")
        elif path.suffix == ".py":
            names.append(path.name)
    return names


@pytest.mark.parametrize("name", top_level_names())
def test_where_things_are_names_every_module(name: str) -> None:
    stem = name.removesuffix("/").removesuffix(".py")
    # a module may become a package (or back) without the map going stale at once
    pattern = rf"(?<![\w/.]){re.escape(stem)}(\.py|/)"
    assert re.search(pattern, _where_things_are()), f"README 'Where things are' lacks {name}"


def test_where_things_are_names_nothing_that_is_gone() -> None:
    block = _where_things_are()
    listed = re.findall(r"^  ([a-z_]+(?:\.py|/))", block, flags=re.MULTILINE)
    stems = {n.removesuffix("/").removesuffix(".py") for n in top_level_names()}
    assert listed and all(n.removesuffix("/").removesuffix(".py") in stems for n in listed)


def shipped_protocols_left_out(readme: str) -> list[str]:
    """Files in protocols/ with no row of their own in the README's table of shipped protocols,
    and the count the sentence before the table gives when it is not the number of files."""
    files = sorted(p.name for p in (ROOT / "protocols").glob("*.toml"))
    rows = set(re.findall(r"^\| `protocols/([\w.-]+\.toml)` \|", readme, re.M))
    missing = [name for name in files if name not in rows]
    said = re.search(r"(\w+) ship with reviewkit:", readme)
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    words += ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
    if said is None or said.group(1).lower() != words[len(files)]:
        missing.append(f"the count before the table ({said.group(1) if said else 'none'})")
    return missing


def test_every_shipped_protocol_is_in_the_readme_table() -> None:
    assert shipped_protocols_left_out(README) == []


def test_the_protocol_table_check_finds_a_row_left_out() -> None:
    """The check fails when a protocol's row goes (and so the count no longer matches)."""
    row = re.search(r"^\| `protocols/rtw-cmd-psychological\.toml` \|.*\n", README, re.M)
    assert row is not None
    assert shipped_protocols_left_out(README.replace(row.group(0), "")) == [
        "rtw-cmd-psychological.toml"
    ]


def test_every_keymap_action_is_in_the_readme() -> None:
    """A keymap names actions by id; the README lists each screen and action, so a reviewer can
    remap a key without first writing a wrong id to see the list."""
    from reviewkit.tui import classify, conflicts, dedup_review, extract, screening

    missing = []
    for screen in (screening, conflicts, dedup_review, extract, classify):
        for action in screen.ACTIONS:
            prefix, name = action.id.split(".", 1)
            numbered = re.sub(r"\d$", "1", name)  # reason1–reason9 are written as a range
            if f"`{prefix}`" not in README or f"`{numbered}`" not in README:
                missing.append(action.id)
    assert missing == []


def names_required() -> set[str]:
    """The commands whose --reviewer (or --resolver) has no default: the person must say who
    they are (the others default to REVIEWKIT_REVIEWER/RESOLVER, else the login name)."""
    return {
        name
        for name, command in commands()
        for param in command.params
        if isinstance(param, click.Option)
        and {"--reviewer", "--resolver"} & set(param.opts)
        and param.required
    }


def readme_names_required(readme: str) -> set[str]:
    """The commands the README says need --reviewer ('`screen`, … and `…` need `--reviewer`')."""
    found = re.search(r"((?:`[a-z ]+`(?:,\s+|\s+and\s+))*`[a-z ]+`)\s+need\s+`--reviewer`", readme)
    return set(re.findall(r"`([a-z ]+)`", found.group(1))) if found else set()


def test_the_readme_names_the_commands_that_need_a_reviewer() -> None:
    """A user whose login name is not in the protocol reads which commands take it by default
    and which ask for --reviewer ('Missing option'), as the commands do."""
    assert names_required() >= {"screen", "confirm"}
    assert readme_names_required(README) == names_required()


def test_the_names_check_finds_a_command_left_out() -> None:
    assert "`screen`, `confirm` and `decisions export` need" in README
    wrong = README.replace("`screen`, `confirm` and `decisions export` need", "`screen` needs")
    assert readme_names_required(wrong) != names_required()


def name_options_without_the_rule() -> list[str]:
    """Options that take a person's name whose help does not say the name must be the
    protocol's: `--help` is where a user whose login name was refused looks next."""
    return [
        f"{name} {flag}"
        for name, command in commands()
        for param in command.params
        if isinstance(param, click.Option)
        for flag in set(param.opts) & {"--reviewer", "--resolver", "--by"}
        if "protocol" not in (param.help or "")
    ]


def test_every_name_option_says_the_protocol_lists_the_name() -> None:
    assert name_options_without_the_rule() == []


# Example lines that name no person on purpose: writing the duplicate sheet records nobody, and
# reading the report records nobody (its --reviewer only says who reads: blinding).
RECORDS_NOBODY = {"reviewkit dedup review --csv queue.csv", "reviewkit dedup report --rules"}


def examples_without_a_name(readme: str) -> list[str]:
    """Complete example lines of a command that records a person (`--reviewer`, `--resolver`,
    `--by`) without that option: copied as they stand they store the login name, which the
    shipped protocols do not list, so they are refused ('root' is not a reviewer or a lead)."""
    from reviewkit.cli import cli

    found = []
    for line, complete in examples(readme):
        argv, command = shlex.split(line)[1:], cli
        while isinstance(command, click.Group) and argv and not argv[0].startswith("-"):
            command = command.get_command(click.Context(command), argv.pop(0))
        if not complete or command is None or line in RECORDS_NOBODY:
            continue
        flags = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
        names = flags & {"--reviewer", "--resolver", "--by"}
        if names and not names & set(argv):
            found.append(line)
    return found


def test_every_example_that_records_a_person_names_one() -> None:
    """Review B's lead typed `extract import extraction.csv` from section 6 and was refused as
    'root': the examples name the shipped protocols' people, as `extract edit` already did."""
    assert examples_without_a_name(README) == []


def test_the_person_check_finds_an_example_without_a_name() -> None:
    old = "reviewkit extract set 12 country=Norway --reviewer reviewer1"
    assert old in README
    wrong = README.replace(old, "reviewkit extract set 12 country=Norway", 1)
    assert examples_without_a_name(wrong) == ["reviewkit extract set 12 country=Norway"]


def commands_without_a_row(readme: str) -> list[str]:
    """Commands a user can run (a group only when it runs on its own) with no row in the
    README's 'Every command' table giving `` `NAME` `` and an example `` `reviewkit NAME …` ``."""
    table = readme.split("## Every command\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z -]+)` \|.*?\| `reviewkit ([^`]+)` \|", table, re.M)
    shown = {name for name, example in rows if f"{example} ".startswith(f"{name} ")}
    runnable = [
        name
        for name, command in commands()
        if not isinstance(command, click.Group) or command.invoke_without_command
    ]
    return [name for name in runnable if name not in shown]


def test_every_command_has_a_row_with_an_example() -> None:
    """A new user finds each command, with an example and its section, in one table."""
    assert commands_without_a_row(README) == []


def test_the_row_check_finds_a_command_left_out() -> None:
    row = re.search(r"^\| `agreement` \|.*\n", README, re.M)
    assert row is not None
    assert commands_without_a_row(README.replace(row.group(0), "")) == ["agreement"]
