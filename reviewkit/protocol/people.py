"""Who may put a name into the project: the one rule for --reviewer, --resolver and --by.

A name goes into an append-only log (a vote, a final decision, a confirmed label, an
extraction value, a duplicate verdict) and stays there. A name the protocol does not list is
a typo or a stranger: 'ana' beside 'anna' splits one person's work into two, agreement and
exports count them apart, and nothing can take it back out of the log. So every command that
records a name checks it here, against the protocol's ``[review]`` lists:

- ``reviewers`` screen: only they vote at a stage (and may resolve conflicts once the stage is
  closed, and do everything else);
- ``leads`` (optional) do not screen: they resolve conflicts, confirm labels, extract and
  settle duplicates.

Names are compared exactly, as the logs store them; a name that differs only in case is named
in the message (``--reviewer anna`` against ``Anna``), never silently taken for it.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from reviewkit import wording
from reviewkit.errors import UserError, command_line
from reviewkit.protocol.model import Protocol


def check_person(protocol: Protocol, name: str, *, screens: bool = False) -> str:
    """``name`` when the protocol lists it (``screens``: as a reviewer, who votes; otherwise as
    a reviewer or a lead); a UserError naming the protocol's lists and how to add one."""
    allowed = protocol.reviewers if screens else (*protocol.reviewers, *protocol.leads)
    if name in allowed:
        return name
    if screens and name in protocol.leads:  # not a stranger: the right person, the wrong command
        raise UserError(
            f"{_shown(name)} is a lead of this protocol, and leads do not screen (vote)",
            where=str(protocol.path),
            hint="a lead resolves the reviewers' conflicts: " + conflicts_line(name),
        )
    what = "a reviewer" if screens else "a reviewer or a lead"
    said, where = f"{_shown(name)} is not {what} of this protocol", str(protocol.path)
    if same := spelled(protocol, name, screens=screens):  # two spellings of one person
        raise NameInOtherCase(said, where=where, hint=exactly(same), name=name, listed=same)
    hint = listed(protocol) + "; " + _how_to_add(protocol, screens)
    raise UserError(said, where=where, hint=hint)


class NameInOtherCase(UserError):
    """The refusal of ``name``, which the protocol writes otherwise in case alone (``listed``):
    the CLI retypes the command with it where an option typed it (:func:`retyped`)."""

    def __init__(self, message: str, *, where: str, hint: str, name: str, listed: str) -> None:
        super().__init__(message, where=where, hint=hint)
        self.name, self.listed = name, listed


# the options that give a name the logs record (--reviewer, --resolver, --by)
PERSON_OPTIONS = ("--reviewer", "--resolver", "--by")


def retyped(words: Sequence[str], name: str, right: str) -> str:
    """The command line typed (``words``, after 'reviewkit') with ``right`` for ``name`` where
    a person's option gave it ('--reviewer ann', '--reviewer=ann'); '' where none did (the
    name came from an environment variable, the login name or a file's line)."""
    out = list(words)
    for i, word in enumerate(words):
        option, equals, value = word.partition("=")
        if equals and option in PERSON_OPTIONS and value == name:
            out[i] = f"{option}={right}"
        elif word == name and i and words[i - 1] in PERSON_OPTIONS:
            out[i] = right
    return command_line(shlex.join(out), opened=False) if out != list(words) else ""


def spelled(protocol: Protocol, name: str, *, screens: bool = False) -> str:
    """The name as the protocol writes it where ``name`` differs from it in case alone (of its
    reviewers; unless ``screens``, of its leads too); '' where none does."""
    allowed = protocol.reviewers if screens else (*protocol.reviewers, *protocol.leads)
    return next((n for n in allowed if n.casefold() == name.casefold() and n != name), "")


def exactly(name: str, line: str = "") -> str:
    """The hint for a name typed in another case than the protocol's ``name``: the command
    ``line`` retyped with it where the caller knows the command, else the name."""
    said = "names are compared exactly: give it as the protocol writes it"
    return f"{said}: {line}" if line else f"{said}, {name!r}"


def typed_name(person: str) -> str:
    """``person`` as a line to copy gives --reviewer or --resolver: shell-quoted ('anne marie'
    is one word to the shell), or the placeholder NAME where no one person types the line."""
    return shlex.quote(person) if person else "NAME"


def conflicts_line(person: str, stage: str = "") -> str:
    """The line that opens the conflicts for ``person`` (NAME for ''), at ``stage`` where
    given: conflicts takes the login name by default, under which a final would be recorded
    unseen, so the line names the person who types it."""
    at = f" --stage {stage}" if stage else ""
    return command_line(f"conflicts --resolver {typed_name(person)}{at}")


def confirm_line(person: str, scheme: str, *, every: bool = False) -> str:
    """The line that opens the confirm screen on ``scheme`` for ``person`` (NAME for ''):
    confirm takes no name by default (a label is never recorded under a guessed one) and
    opens the report's scheme, so the line names both; ``every``: with --all (every study,
    not only the included ones)."""
    every_study = " --all" if every else ""
    return command_line(f"confirm --reviewer {typed_name(person)} --scheme {scheme}{every_study}")


def screen_line(person: str, stage: str, *, opened: bool = True) -> str:
    """The line that opens ``stage``'s screen for ``person`` (NAME for '': the reviewers):
    screen takes no name by default (a vote is never recorded under a guessed one), so a
    line without --reviewer was refused as copied ('needs --reviewer'). ``opened=False``: to
    be typed in another project's folder (:func:`errors.command_line`)."""
    words = f"screen --reviewer {typed_name(person)} --stage {stage}"
    return command_line(words, opened=opened)


def resolved_by(
    person: str, leads: Sequence[str], stage: str, *, may: bool, protocol_path: object
) -> str:
    """Who resolves ``stage``'s conflicts, with the line to type: ``person`` where ``conflicts``
    opens them to them (``may``: a lead, or a reviewer once the stage is closed), else a lead,
    named (the first of ``leads`` other than ``person``: a reviewer of a stage still open is
    refused, listed as a lead or not): the line naming ``person`` was refused as printed. With
    no such lead, that none may while the stage is open, as ``conflicts`` says (a line with
    NAME was refused as typed: no one is called NAME)."""
    if may:
        return "resolve with " + conflicts_line(person, stage)
    if others := [name for name in leads if name != person]:
        return "a lead resolves it: " + conflicts_line(others[0], stage)
    return (
        f"a lead resolves it while the stage is open, and none may ({add_a_lead(protocol_path)});"
        f" or finish screening the stage, then {conflicts_line(person, stage)}"
    )


def add_a_lead(protocol_path: object) -> str:
    """Where a lead is added to a protocol that has none, and why one is the person to ask."""
    return f"add one to [review] leads in {protocol_path}; leads do not screen"


def _shown(name: str) -> str:
    """The name quoted; one read with bytes that are not UTF-8 (a Latin-1 terminal: Python
    holds them as lone surrogates) shows those bytes, and says so."""
    raw = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return repr(name) if raw == name else f"'{raw}' (not UTF-8: bytes of another encoding)"


def listed(protocol: Protocol) -> str:
    """'[review] reviewers: a and b; leads: c' (or 'leads: none'): who may give a name, every
    one (a name must be typed exactly), listed as every list of a message is ('Smith, J'
    quoted: unquoted it read as two people)."""
    reviewers, leads = (wording.listed(n, len(n)) for n in (protocol.reviewers, protocol.leads))
    return f"[review] reviewers: {reviewers}; leads: {leads}"


def _how_to_add(protocol: Protocol, screens: bool) -> str:
    if screens:
        return f"to add a reviewer, put the name in [review] reviewers in {protocol.path}"
    return (
        f"to add someone, put the name in [review] reviewers (who screen) or [review] leads"
        f" (who resolve conflicts, confirm labels and extract, but do not screen) in"
        f" {protocol.path}"
    )
