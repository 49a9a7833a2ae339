"""Every environment variable and user config file reviewkit reads, in one place.

:data:`VARIABLES` names each variable with its meaning and default (the README's table is
checked against it); the functions below read them at call time, so a variable set after
import (a test, a shell) counts. An empty variable counts as unset.

Command-line options that a variable can set take its name from here (click's ``envvar=``
with ``show_envvar=True``), so ``--help`` shows the variable beside the option; an option
given on the command line wins over the variable.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, what it sets, and what is used when it is unset."""

    name: str
    meaning: str
    default: str


PROJECT = Variable(
    "REVIEWKIT_PROJECT", "project folder of every command's --project", "the current folder"
)
REVIEWER = Variable(
    "REVIEWKIT_REVIEWER",
    "--reviewer of label, extract (import, edit, set), dedup (review, split, merge, undo,"
    " study-link, report) and decisions import",
    "your login name",
)
RESOLVER = Variable("REVIEWKIT_RESOLVER", "--resolver of conflicts", "your login name")
EUTILS_URL = Variable(
    "REVIEWKIT_EUTILS_URL",
    "--base-url of search run and search test: the E-utilities server",
    "NCBI (https://eutils.ncbi.nlm.nih.gov/entrez/eutils/)",
)
NCBI_EMAIL = Variable(
    "NCBI_EMAIL",
    "--email of search run and search test: sent to NCBI with every request",
    "none: NCBI is refused; a local server gets a placeholder",
)
REVIEWKIT_EMAIL = Variable("REVIEWKIT_EMAIL", "the email when NCBI_EMAIL is unset", "none")
NCBI_API_KEY = Variable(
    "NCBI_API_KEY", "NCBI API key: 10 requests/s instead of 3", "no key (3 requests/s)"
)
DATA = Variable(
    "REVIEWKIT_DATA",
    "folder of the offline data sets (PubMed snapshot, test fixtures, benchmark sets)",
    ".data/ in a checkout, else ~/.cache/reviewkit",
)
KEYS = Variable(
    "REVIEWKIT_KEYS", "the keymap file of the terminal screens", "~/.config/reviewkit/keys.toml"
)

VARIABLES: tuple[Variable, ...] = (
    PROJECT,
    REVIEWER,
    RESOLVER,
    EUTILS_URL,
    NCBI_EMAIL,
    REVIEWKIT_EMAIL,
    NCBI_API_KEY,
    DATA,
    KEYS,
)


def read(variable: Variable) -> str | None:
    """The variable's value, or None when it is unset or empty."""
    return os.environ.get(variable.name) or None


def login_name() -> str:
    """The reviewer and resolver when neither the option nor its variable is given; empty
    when the system has no name for this user (a container's user id without a passwd entry
    and no $USER), so the commands ask for --reviewer instead of failing with a traceback."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # KeyError up to Python 3.12, OSError from 3.13
        return ""


def terminal_type() -> str:
    """$TERM, the terminal's kind as the system sets it ('' when unset): not reviewkit's
    variable, read by the terminal screens to refuse one that cannot draw ('dumb')."""
    return os.environ.get("TERM", "")


def ncbi_email() -> str | None:
    """The email to send to NCBI: $NCBI_EMAIL, else $REVIEWKIT_EMAIL."""
    return read(NCBI_EMAIL) or read(REVIEWKIT_EMAIL)


def ncbi_api_key() -> str | None:
    """The NCBI API key, if one is set."""
    return read(NCBI_API_KEY)


def data_dir() -> Path | None:
    """The offline data folder when $REVIEWKIT_DATA sets one (see offline_data.data_root)."""
    value = read(DATA)
    return Path(value) if value else None


def keymap_file() -> Path | None:
    """The user's keymap file: $REVIEWKIT_KEYS, else ~/.config/reviewkit/keys.toml; None when
    neither is set nor a home folder known (no $HOME and no entry in the system's user list, as
    in a container started with a bare user id): no keymap can be there (Path.home() raised a
    RuntimeError, a traceback from every terminal screen)."""
    value = read(KEYS)
    if value:
        return Path(value)
    try:
        return Path.home() / ".config" / "reviewkit" / "keys.toml"
    except RuntimeError:
        return None
