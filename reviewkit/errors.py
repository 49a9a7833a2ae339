"""The one error type users see: where it happened, what is wrong, what to do.

Every stage raises :class:`UserError` (or a subclass) for bad input; the CLI prints it as one
line (plus a hint) and exits with code 2. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any


class UserError(Exception):
    """Bad input or a state the user can fix.

    ``where`` is 'file', 'file:line' or 'file: record N'; ``hint`` says what to do.
    ``said_before``: the warnings of reading the file refused (formats.read_warnings'
    ReadWarning: a sheet's header read below title rows), which the CLI says before the
    error, as it says them after a file read whole (formats.filled_sheet.FilledSheet.refusing).
    """

    exit_code = 2

    def __init__(self, message: str, *, where: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint
        self.said_before: tuple[Any, ...] = ()

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class FormatError(UserError):
    """A file that cannot be read as the format it claims to be."""


class ProtocolError(UserError):
    """A protocol file that does not validate."""


class ProjectError(UserError):
    """A missing or incompatible review project."""


class OutputError(UserError):
    """An output file that cannot be written (missing folder, no permission, full disk)."""


class Interrupted(UserError):
    """The user pressed Ctrl-C; what was committed stays, and the hint says how to go on."""

    exit_code = 130


# ' --project FOLDER' of the project this process opened, '' when it is the current folder
# (Project.option): set by project.open_project, read by every hint that names a command.
# Whose it is: the project opened last in this context. A CLI command opens one, and
# cli.main runs each command in a copy of the context, so a later command starts afresh; the
# terminal screens run in it (asyncio copies it into their tasks); a thread starts with an
# empty context, so a thread that may raise a hint is started in a copy (importer.read_ahead).
# A caller that opens projects itself (a script, a test) gets the last one's, and a Project
# made without open_project (init_project) sets nothing: tests start with '' (conftest).
_PROJECT_OPTION: ContextVar[str] = ContextVar("project_option", default="")


# what to do with a file a newer reviewkit wrote (a database's schema, a decision log's format)
UPGRADE_HINT = (
    "upgrade reviewkit: 'pip install -U reviewkit', or in a checkout 'git pull && make"
    " .venv/.installed'"
)


def project_opened(option: str) -> None:
    """Remember the opened project's ``--project`` words for :func:`command_line`."""
    _PROJECT_OPTION.set(option)


def command_line(words: str, *, opened: bool = True) -> str:
    """'reviewkit WORDS' for a hint or a closing line to type, with ' --project FOLDER' after
    them when the opened project is not the current folder: a line without it, copied into the
    terminal the user typed the command in, opens another project or none (people.py's
    'reviewkit conflicts --resolver NAME' did). Click takes an option after the arguments.
    ``opened=False``: a line for another project's folder (a reviewer's copy), which names
    none, for it would act on this one; the hint says in words where to type it."""
    return f"reviewkit {words}{_PROJECT_OPTION.get() if opened else ''}"


# Where a user finds the record ids of a project: every refusal of an id or reference that
# matches no record gives this hint (find_record's, and a stage function's own check), but a
# dedup queue sheet's row, whose ids the sheet was written with (dedup.queue_csv says so).
def record_ids_hint() -> str:
    """Where the record ids are listed: the hint of every refusal of an unknown record."""
    return (
        f"record ids are the record_id column of '{command_line('extract export FILE')}'"
        f" and '{command_line('dedup report --csv FILE')}'"
    )


def no_record_text(record_ids: Iterable[int]) -> str:
    """'no record with id …', naming the ids the project does not hold (comma-separated)."""
    return f"no record with id {', '.join(str(i) for i in record_ids)}"


def no_record(*record_ids: int) -> UserError:
    """The refusal of record ids the project does not hold, with where to find the ids."""
    return UserError(no_record_text(record_ids), hint=record_ids_hint())


class DatabaseBusy(ProjectError):
    """Another process held the project's write lock for longer than we waited.

    Nothing was written; the same action can be tried again (the screening app retries it).
    ``held_here``: what this process's own write holding the lock writes, where it is one of
    this process's (a screen's thread keeping the notices it found), else ''.
    """

    def __init__(
        self, message: str, *, where: str = "", hint: str = "", held_here: str = ""
    ) -> None:
        super().__init__(message, where=where, hint=hint)
        self.held_here = held_here


# Translators from a library's exception to the UserError it means, registered by the module
# that knows the library (store.db for SQLite's damaged file or full disk); the CLI asks them
# about an exception no stage caught, and prints the UserError instead of a traceback.
_TRANSLATORS: list[Callable[[BaseException], UserError | None]] = []


def register_translator(
    translate: Callable[[BaseException], UserError | None],
) -> Callable[[BaseException], UserError | None]:
    """Add ``translate`` (a decorator): it returns the UserError an exception means, or None."""
    _TRANSLATORS.append(translate)
    return translate


def as_user_error(exc: BaseException) -> UserError | None:
    """The UserError a registered translator gives for ``exc``, or None (then it is a bug)."""
    for translate in _TRANSLATORS:
        error = translate(exc)
        if error is not None:
            return error
    return None


# What to do when the system refuses a path the user gave (a file to read, a project folder, a
# file to write): by the reason the system gives, whatever the command. Writing has its own
# words for the same reasons (reviewkit.outputs).
_PATH_HINTS = {
    # 255 bytes a name on ext4, APFS, NTFS; a title pasted as a name, or letters of two bytes
    errno.ENAMETOOLONG: "a name in this path is longer than the file system allows (255 bytes;"
    " a letter such as ø or é takes 2): give a shorter name",
    errno.EACCES: "you may not use this path: check the permissions of the file and its folder",
    errno.EPERM: "you may not use this path: check the permissions of the file and its folder",
    errno.ELOOP: "the path goes round a loop of symbolic links: point the link at a real file",
    errno.EROFS: "the file system is read-only: work on a copy in a place you can write to",
    errno.ENOSPC: "the disk is full: free some space and run the command again",
}


def os_error_hint(exc: OSError) -> str:
    """What to do about an OSError on a path the user gave, by its reason ('' if none fits)."""
    return _PATH_HINTS.get(exc.errno or 0, "")
