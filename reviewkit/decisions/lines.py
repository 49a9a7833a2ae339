"""Reading and checking the lines of a decision log (:mod:`reviewkit.decisions.exchange`).

Each line carries the review id (the protocol's ``[review] id``, recorded in the database) so a
log exported from one review is refused by the project of another, naming both ids. A line
without it is still read: an export made before the id was written, or from a database made
before schema 80 that no command has written to since (the id is recorded at the first write;
export, a read, does not write it).

Every field of every line is checked before anything is written (against the protocol when
one is given): the format tag, no unknown keys, the types, a known stage, label and exclusion
reason (but for an exclusion the file also undoes), a reviewer the protocol names (for votes and notes; a final decision a
reviewer or a lead: of a protocol from before ``[review] leads``, a name the logs hold), a ``created_at`` in the log's own ISO 8601 UTC form and not in the future
(the newest entry decides a study, so a bad date would decide it), and a record key with a
PMID, DOI or title. The first wrong line refuses the whole file, naming its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reviewkit.decisions.keys import key_problem
from reviewkit.decisions.replay import CONTENT
from reviewkit.decisions.studies import STUDY_RECORDS, study_records_problem
from reviewkit.errors import UPGRADE_HINT, UserError, command_line
from reviewkit.formats.text import read_text, split_lines
from reviewkit.protocol import STAGES, Protocol
from reviewkit.protocol.names import did_you_mean
from reviewkit.protocol.people import check_person
from reviewkit.screening import FINAL, NOTE, UNDO, VOTES

__all__ = ["FORMAT", "read_lines"]

FORMAT = "reviewkit-decisions/1"
LABELS = (*VOTES, NOTE, UNDO, *FINAL)
_KEYS = {"format", "id", "record", "review", STUDY_RECORDS, *CONTENT}
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_FIX = "nothing was imported; fix or re-export the file"
_CLOCK_SKEW = timedelta(days=1)  # machines' clocks differ; a day ahead is still a mistake


def _bad(where: str, message: str, hint: str = "") -> UserError:
    return UserError(message, where=where, hint=hint or _FIX)


def _unknown(where: str, what: str, value: str, known: tuple[str, ...]) -> UserError:
    """The refusal of a ``value`` none of ``known`` is, naming the nearest one."""
    near = did_you_mean(value, known)
    return _bad(where, f"unknown {what} {value!r}{near}", hint=f"{what}s: {', '.join(known)}")


def _check_types(entry: dict, where: str) -> None:
    unknown = sorted(set(entry) - _KEYS)
    if unknown:  # a typo, or a field a newer reviewkit writes (as 'study_records' once was)
        newer = f"or if a newer reviewkit wrote it, {UPGRADE_HINT}"
        raise _bad(where, f"unknown field {unknown[0]!r}", f"{_FIX}, {newer}")
    for key in ("id", "stage", "reviewer", "label", "created_at"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _bad(where, f"{key} must be a non-empty string, not {entry.get(key)!r}")
    for key in ("reason", "note", "undoes", "review"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise _bad(where, f"{key} must be a string or null, not {entry[key]!r}")
    if not _ID.match(entry["id"]) or (entry.get("undoes") and not _ID.match(entry["undoes"])):
        raise _bad(where, "an entry id is letters, digits, '-' or '_' (at most 64)")
    if problem := key_problem(entry.get("record")) or study_records_problem(entry):
        raise _bad(where, problem)


def _check_format(entry: object, where: str) -> None:
    """Refuse a line that is no object tagged :data:`FORMAT`; one tagged with a later version
    ('reviewkit-decisions/2') as a newer reviewkit's, to upgrade for. A field added that an
    older reader refuses but never misreads keeps the version ('study_records': its logs
    without the field, every reviewer's votes, stay readable by any reviewkit)."""
    tag = entry.get("format") if isinstance(entry, dict) else None
    name, _, version = FORMAT.rpartition("/")
    newer = re.fullmatch(re.escape(name) + r"/(\d{1,6})", tag) if isinstance(tag, str) else None
    if newer and int(newer[1]) > int(version):
        raise UserError(
            f"written by a newer reviewkit (format {tag!r}; this one reads {FORMAT!r})",
            where=where,
            hint=f"{UPGRADE_HINT}; nothing was imported",
        )
    if tag != FORMAT:
        raise UserError(
            "not a reviewkit decision line", where=where, hint="use a file from 'decisions export'"
        )


def _check_time(value: str, where: str) -> None:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        when = None
    if when is None or when.tzinfo is None or when.utcoffset() != timedelta(0):
        raise _bad(
            where,
            f"created_at {value!r} is not a UTC time such as 2024-05-01T12:30:00.000000+00:00",
        )
    if when.isoformat(timespec="microseconds") != value:
        raise _bad(
            where,
            f"created_at {value!r} is not in the log's form "
            f"{when.isoformat(timespec='microseconds')!r} (the log sorts by this text)",
        )
    if when > datetime.now(UTC) + _CLOCK_SKEW:
        raise _bad(where, f"created_at {value} is in the future")


def _check_meaning(
    entry: dict,
    where: str,
    protocol: Protocol | None,
    allow_missing_reasons: bool = False,
    undone: Callable[[str], bool] = lambda _id: False,
    logged: frozenset[str] = frozenset(),
) -> None:
    """UserError for an entry the protocol does not allow; ``logged``: the names taken for a
    lead's besides those it lists (:func:`reviewkit.protocol_in_use.logged_leads`)."""
    label, stage, reason = entry["label"], entry["stage"], entry.get("reason") or ""
    if label not in LABELS:
        raise _unknown(where, "label", label, LABELS)
    if stage not in STAGES:
        raise _unknown(where, "stage", stage, STAGES)
    if label == UNDO and not entry.get("undoes"):
        raise _bad(where, "an undo entry must name the entry it undoes")
    if label != UNDO and entry.get("undoes"):
        raise _bad(where, f"a {label!r} entry cannot undo another entry")
    if label == NOTE and not (entry.get("note") or "").strip():
        raise _bad(where, "a note entry has no note text")
    excludes = label in ("exclude", "final-exclude")
    if reason and not excludes:
        raise _bad(where, f"a reason goes with an exclusion only, not with {label!r}")
    if protocol is None:
        return
    if stage not in protocol.stages:
        raise _bad(where, f"the protocol has no stage {stage!r}", hint=str(protocol.path))
    if label in (*VOTES, NOTE, *FINAL):  # votes take a reviewer, final decisions a lead too
        try:
            check_person(protocol, entry["reviewer"], screens=label not in FINAL)
        except UserError as exc:
            # a protocol from before [review] leads: its lead is a name the logs hold, as
            # every command takes it (their finals from a copy had been refused here alone)
            if label not in FINAL or entry["reviewer"] not in logged:
                raise _bad(where, exc.message, hint=exc.hint) from None
    codes = [r.code for r in protocol.stages[stage].exclusion_reasons]
    # an exclusion the file also undoes decides nothing: its reason may have left the protocol
    # (as reviewkit.protocol_in_use allows), and the pair still carries the log across
    if excludes and reason and reason not in codes and not undone(entry["id"]):
        raise _bad(  # a log of another protocol version names a code renamed or removed since
            where,
            f"unknown exclusion reason {reason!r} for stage {stage}" + did_you_mean(reason, codes),
            hint=f"reasons: {', '.join(codes) or '(none defined)'}; if the log was exported under"
            " another version of the protocol, put the code back in its [stages."
            f"{stage}] exclusion_reasons (in {protocol.path}), or change it in the log",
        )
    required = protocol.stages[stage].reason_required and not allow_missing_reasons
    if excludes and not reason and required:
        # the same rule as a vote or a final decision given here (screening refuses it), unless
        # the team says these entries were made before the protocol came to require a reason
        raise _bad(
            where,
            f"an exclusion at the {stage} stage without a reason (the protocol requires one)",
            hint=f"reasons: {', '.join(codes) or '(none defined)'}; if the file's exclusions were "
            "made before the protocol required a reason, import with --allow-missing-reasons",
        )


def _check_review(entry: dict, where: str, review: str | None) -> None:
    """Refuse a line exported from another review (a line without a review id is read)."""
    theirs = entry.get("review")
    if theirs is None or review is None or theirs == review:
        return
    raise _bad(
        where,
        f"this decision log was exported from review {theirs!r}, not from this project's "
        f"review {review!r}",
        hint=f"import it into the project of review {theirs!r}; nothing was imported",
    )


def _strict_object(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object of a decision line: a key given twice (json keeps the last silently: an
    edited 'label' decided the vote) and a string with a lone surrogate ('\\ud800', valid JSON
    but no text: storing it was a UnicodeEncodeError traceback) or a NUL are refused."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the field {key!r} is given twice")
        for text in (key, value) if isinstance(value, str) else (key,):
            if "\x00" in text or not text.isascii() and not _encodes(text):
                raise ValueError(f"the field {key!r} holds a NUL or a lone surrogate (no text)")
        out[key] = value
    return out


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Undone:
    """Whether the file holds an undo entry for an entry id; the file's undo entries are read
    only when first asked (an exclusion whose reason the protocol lacks), not for every file."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._targets: set[str] | None = None

    def __call__(self, entry_id: str) -> bool:
        if self._targets is None:
            self._targets = set()
            for line in self._lines:
                if f'"{UNDO}"' not in line:
                    continue
                try:
                    entry = json.loads(line)
                except (ValueError, RecursionError):
                    continue  # the line is refused where the file is read in order
                if isinstance(entry, dict) and entry.get("label") == UNDO:
                    self._targets.add(str(entry.get("undoes")))
        return entry_id in self._targets


# what to do with a log a program reformatted: 'decisions export' writes JSON Lines
# (jsonlines.org: one JSON value a line), which JSON editors and tools reformat on save
_UNEDITED = (
    "import the file 'decisions export' wrote, unedited (or join each entry onto one line:"
    " jq -c '.[]' for an array, jq -c . for pretty-printed entries)"
)


# a spreadsheet's header row of decisions ('record;decision;reason', a BOM and ';' from a
# European Excel, tabs, commas): a record column and a decision or label column
_SHEET_CELLS = re.compile(r"[,;\t]")


def _decision_sheet_header(line: str) -> bool:
    """Whether ``line`` is the header row of a sheet of decisions (conflicts import's sheet)."""
    cells = {c.strip().strip('"').lower() for c in _SHEET_CELLS.split(line.lstrip("\ufeff"))}
    return (
        len(cells) > 1
        and bool(cells & {"record", "record_id"})
        and bool(cells & {"decision", "label", "vote"})
    )


def read_lines(
    path: Path,
    protocol: Protocol | None = None,
    review: str | None = None,
    allow_missing_reasons: bool = False,
    logged: frozenset[str] = frozenset(),
) -> list[tuple[int, dict]]:
    lines = split_lines(read_text(path))
    undone = _Undone(lines)
    entries = []
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{no}"
        try:
            entry = json.loads(line, object_pairs_hook=_strict_object)
        except json.JSONDecodeError as exc:
            if line.strip() in ("{", "["):  # an editor's 'format document' spread the entries
                raise UserError(
                    "the decision log was reformatted: its entries are spread over several"
                    " lines (pretty-printed JSON), not one JSON object a line",
                    where=where,
                    hint=_UNEDITED,
                ) from None
            if _decision_sheet_header(line):
                raise UserError(
                    "this is a sheet of decisions (a CSV header row naming record and"
                    " decision columns), not a decision log, which has one JSON object a line",
                    where=where,
                    hint="a sheet of final decisions is read by"
                    f" '{command_line('conflicts import SHEET --resolver NAME')}'; a reviewer's votes come as the .jsonl file"
                    " 'decisions export' wrote",
                ) from None
            raise UserError(  # a sheet, a protocol, a note: a file of another kind
                f"not a JSON line ({exc.msg}): a decision log has one JSON object a line",
                where=where,
                hint="use a file from 'decisions export' (a .jsonl file)",
            ) from None
        except (ValueError, RecursionError) as exc:  # a number of 4,300+ digits; deep nesting
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
            raise _bad(where, f"not a decision line: {reason.split(';')[0]}") from None
        if isinstance(entry, list) and entry and all(isinstance(e, dict) for e in entry):
            raise UserError(
                "the decision log was rewritten as one JSON array, not one JSON object a line",
                where=where,
                hint=_UNEDITED,
            )
        _check_format(entry, where)
        missing = [
            k
            for k in ("id", "record", "stage", "reviewer", "label", "created_at")
            if entry.get(k) in (None, "")
        ]
        if missing:
            raise _bad(where, f"missing fields: {', '.join(missing)}")
        _check_types(entry, where)
        _check_review(entry, where, review)
        _check_meaning(entry, where, protocol, allow_missing_reasons, undone, logged)
        _check_time(entry["created_at"], where)
        entries.append((no, entry))
    if not entries:
        raise _bad(str(path), "the file holds no decision lines")
    return entries
