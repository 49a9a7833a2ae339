"""Finding a record by reference, and attaching full texts to records."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from reviewkit.errors import UserError, command_line, no_record, record_ids_hint
from reviewkit.files import PDF, SQLITE, NotAFile, binary_kind, check_regular, is_web_page
from reviewkit.protocol import Protocol, Stage
from reviewkit.records import Record, normalise_doi, normalise_pmid
from reviewkit.screening.merges import carrier
from reviewkit.screening.rules import stage_names
from reviewkit.store import Store, lookup
from reviewkit.store import attachments as attachment_rows
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.wording import listed

Attachment = attachment_rows.Attachment  # a full text attached to a record (for the faces)


def find_record(db: Store, ref: str) -> int:
    """A record id from 'ID', 'pmid:N' (or 'PMID N', 'PMID: N', 'PMIDN') or 'doi:10.x/y' (or a
    doi.org link); UserError when none matches, or when a PMID or DOI matches several records that
    dedup has not joined (the candidates are named)."""
    ref = ref.strip()
    low = ref.lower()
    if low.startswith("pmid"):
        # read by the one rule every file's PMID is read by (records.normalise_pmid: 'PMID
        # 1001', 'PMID: 1001' and 'PMID1001', as a cell of a spreadsheet or a CSV export holds
        # it), after the stop a citation ends with ('PMID: 31978945.'); 'pmid:abc', 'pmid:' and
        # 'PMIDx' name no PMID (they had matched the first record without one)
        pmid = normalise_pmid(ref.rstrip(".,;"))
        if not pmid:
            raise UserError(
                f"{ref!r} is not a PMID",
                hint="a PMID is a number of at most 8 digits, e.g. pmid:34000001",
            )
        hits = record_rows.ids_by_pmid(db, [pmid])
        ids = next(iter(hits.values()), [])
    elif low.startswith(("doi:", "10.")) or _DOI_LINK.match(ref):
        # a DOI as a link ('https://doi.org/10.…', copied from a paper or a reference manager)
        # is the DOI; 'doi:' with nothing or no DOI after it ('doi:', 'doi:abc') said 'no
        # record matches', as if the project lacked it
        doi = normalise_doi(ref[4:] if low.startswith("doi:") else ref)
        if not doi:
            raise UserError(
                f"{ref!r} is not a DOI",
                hint="a DOI starts with '10.' and holds a '/', e.g. doi:10.1000/xyz123",
            )
        ids = lookup.ids_by_doi(db, doi)
    elif ref.isdigit():
        ids = [int(ref)] if lookup.record_exists(db, int(ref)) else []
    else:
        raise UserError(
            f"{ref!r} is not a record reference", hint="give a record id, pmid:N or doi:10.…"
        )
    if not ids:
        raise UserError(
            f"no record matches {ref!r} in this project",
            hint=record_ids_hint(),
        )
    if len(ids) > 1 and not _one_cluster(db, ids):
        # two imports may share a PMID (the PubMed search and a file exported from PubMed,
        # before dedup merges them), and a supplement's abstracts a DOI: taking the first of
        # them would decide or merge a record the person did not mean. Copies dedup already
        # joined (PubMed's and Embase's, by the DOI or PMID rule) are one record, named as
        # before: the first
        # the ids are named: the hint asks for one of them (it pointed to the record_id column
        # of an export, a file a screener on `g` does not have open); the export only for the
        # ids the list leaves out
        left_out = len(ids) - _LISTED
        raise UserError(
            f"{ref!r} matches {len(ids)} records ({listed(map(str, sorted(ids)), _LISTED)});"
            " which one is meant?",
            hint="give one of these ids"
            + (
                f", or one of the {left_out} not listed (the record_id column of"
                f" '{command_line('dedup report --csv FILE')}')"
                if left_out > 0
                else ""
            ),
        )
    return ids[0]


# how many of the records a reference matches its refusal names (the rest counted)
_LISTED = 10

# a DOI as doi.org's resolver writes its link (dx.doi.org is the older name of the resolver)
_DOI_LINK = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/", re.IGNORECASE)


def _one_cluster(db: Store, ids: list[int]) -> bool:
    """The records ``ids`` are all in one duplicate cluster (the first one's cluster, followed
    link by link: not the whole project's cluster map for one lookup)."""
    return set(ids) <= links.members_of(db, ids[:1])


def read_record(db: Store, record_id: int) -> Record:
    """One record by id, as the reviewer sees it; KeyError when there is none with that id."""
    return record_rows.get_record(db, record_id)


_URL_RE = re.compile(r"^(https?|ftp)://", re.IGNORECASE)


def attach(
    db: Store,
    record_id: int,
    target: str,
    *,
    added_by: str = "",
    protocol: Protocol | None = None,
) -> attachment_rows.Attachment:
    """Attach a full text (an existing file, stored as an absolute path, or an http(s) URL)
    to the study of ``record_id``; with ``protocol``, on the record of it that its last
    stage's votes go on (:func:`full_text_record`), else on ``record_id``."""
    given = target.strip()
    target = _file_url_path(given)
    _refuse_windows_path(target, given)
    if not lookup.record_exists(db, record_id):
        raise no_record(record_id)
    if _URL_RE.match(target):
        _check_url(target)
        kind = "url"
    else:
        # absolute: a refusal names the folder a relative path was looked for in (the screen's
        # `a` prompt does not show where it runs)
        path = readable_file(Path(target).expanduser().absolute())
        _check_not_the_project(path, Path(db.path))
        target, kind = str(path), "file"
    if protocol is not None:
        record_id = full_text_record(db, protocol, record_id)
    current = attachment_rows.current_attachment(db, [record_id])
    if current is not None and (current.target, current.kind) == (target, kind):
        return current  # the same command run twice: the log gains no second, equal row
    attachment_id = attachment_rows.add_attachment(db, record_id, target, kind, added_by=added_by)
    return attachment_rows.Attachment(attachment_id, record_id, target, kind, added_by, "")


def full_text_record(db: Store, protocol: Protocol, record_id: int) -> int:
    """The record of ``record_id``'s study a full text attached to it is logged on: the one
    the study's votes at the protocol's last stage (full text) go on (merges.carrier). Two
    copies screened apart and merged are one paper to the reviewers, who read this file for
    the study's full-text decision; a split says they were two papers, and the file is the
    one they read for the record that reached full text, so it goes with that record's votes
    (on the study's id, the excluded copy's, the included record lost its PDF)."""
    members = sorted(links.members_of(db, [record_id]))
    log = decision_rows.list_decisions(db, record_ids=members)
    return carrier(protocol, log, record_id, stage_names(protocol)[-1])


def _file_url_path(target: str) -> str:
    """The path a file URL names ('file:///home/me/Smith%202020.pdf', a PDF's address in the
    browser that opened it; RFC 8089's 'file://localhost/…' and short 'file:/…' too), else
    ``target`` as given. Such a URL was taken for a relative path and refused as a missing
    file 'file:/home/…' in the current folder. One on another machine (file://host/…) is
    refused: only its host can open it; so is one naming no file, or a NUL ('%00'), which no
    file name holds (the system's ValueError was a traceback)."""
    if target[:6].lower() != "file:/":
        return target
    parts = urlparse(target)
    if _DRIVE.match(parts.netloc + "/"):  # 'file://C:/…', the drive where the host goes
        return f"{parts.netloc}{url2pathname(parts.path)}"
    if parts.netloc not in ("", "localhost"):
        raise UserError(
            f"{target!r} names a file on the machine {parts.netloc!r}",
            hint="copy the file here and give its path",
        )
    path = url2pathname(parts.path)
    if not path or "\x00" in path:
        raise UserError(
            f"{target!r} names no file" + (" (it holds %00, a NUL)" if path else ""),
            hint="give the file's path, or its address as the browser shows it",
        )
    return path


# a Windows drive: 'C:\\…', 'C:/…', and '/C:/…' (file:///C:/… read as a path on Linux or macOS)
_DRIVE = re.compile(r"^/?([A-Za-z]):[\\/]")


def _refuse_windows_path(target: str, given: str) -> None:
    """UserError for a path on a Windows drive (a Windows user's 'file:///C:/Users/…' or
    'C:\\Users\\…') where this runs on Linux or macOS: it was looked for as a file named
    '/C:/Users/…' and called missing. Windows' own paths are left to Windows to open. Under
    WSL the drive is /mnt/c: the hint names the file there when that folder exists."""
    drive = _DRIVE.match(target)
    if os.name == "nt" or not drive:
        return
    rest = target[drive.end() :].replace("\\", "/")
    wsl = Path("/mnt") / drive.group(1).lower()
    there = f"; under WSL it is {wsl / rest}" if wsl.is_dir() else ""
    raise UserError(
        f"{given!r} names a file on the Windows drive {drive.group(1).upper()}:, and this"
        " machine has no such drive",
        hint=f"copy the file to this machine and give its path here{there}",
    )


# the form attach takes: scheme, host (an IPv6 address in brackets), path; no blanks
_URL_HINT = (
    "give the whole address, e.g. https://doi.org/10.1000/xyz or http://[::1]:8080/a.pdf"
    " (spaces as %20)"
)


def _check_url(target: str) -> None:
    """UserError unless the URL has a host, a valid port and no blanks (a URL with a space is
    two words pasted together; '[::1' is an IPv6 address never closed: urlparse's ValueError
    was a traceback)."""
    try:
        parts = urlparse(target)
        usable = bool(parts.hostname) and (parts.port or 0) >= 0  # .port checks the range
    except ValueError as exc:  # 'Invalid IPv6 URL', 'Port out of range 0-65535'
        raise UserError(f"{target!r} is not a usable URL ({exc})", hint=_URL_HINT) from None
    if not usable or any(ch.isspace() for ch in target):
        raise UserError(
            f"{target!r} is not a usable URL",
            hint=_URL_HINT,
        )


def readable_file(path: Path) -> Path:
    """The absolute path of a regular file this process can read; a UserError saying what the
    path is otherwise (missing, a folder, a device or pipe, or not readable)."""
    hint = "give the path of a PDF (or other full-text file) or an http(s) URL"
    try:
        check_regular(path)
    except NotAFile as exc:
        raise UserError(exc.message, where=str(path), hint=hint) from None
    try:
        with open(path, "rb") as fh:
            head = fh.read(_PDF_SPAN)
            fh.seek(max(fh.seek(0, 2) - _PDF_SPAN, 0))
            tail = fh.read(_PDF_SPAN)
    except OSError as exc:
        raise UserError(
            f"cannot read the file ({exc.strerror or exc})", where=str(path), hint=hint
        ) from None
    # A full text is a PDF, a Word file, a scan, a web page: never empty (a failed download or
    # save leaves 0 bytes), never an SQLite database (a project's review.sqlite, named by a
    # slip of the tab key); either was stored as the full text and opened as nothing.
    if not head:
        raise UserError("the file is empty (0 bytes), not a full text", where=str(path), hint=hint)
    if head.startswith(SQLITE):
        raise UserError(
            "this is an SQLite database (a project's review.sqlite?), not a full text",
            where=str(path),
            hint=hint,
        )
    if path.suffix.lower() == ".pdf":
        _check_pdf(path, head, tail)
    return path.resolve()


# A PDF starts with its header '%PDF-' and its last line is '%%EOF' (ISO 32000-1, 7.5.2 and
# 7.5.5); Adobe's readers look for each only within the file's first and last 1,024 bytes
# (PDF Reference 1.7, appendix H, implementation notes), and so does this check.
_PDF_SPAN = 1024
_PDF_HINT = "download the PDF again (signed in, or through the library) and attach that file"


def _check_pdf(path: Path, head: bytes, tail: bytes) -> None:
    """UserError for a file named .pdf that is no PDF (a publisher's sign-in or error page
    that a failed download saved under the paper's name) or a PDF cut short (a download or copy
    that did not finish): stored, either opened later as nothing."""
    page = is_web_page(head)  # a page whose text names '%PDF-' (a viewer's) is no PDF
    # nor is a file that opens with another kind's signature: a zip archive of PDFs stored
    # uncompressed holds '%PDF-' and '%%EOF' within its first and last bytes (it was attached)
    other = not head.startswith(PDF) and binary_kind(head)
    if PDF not in head or page or other:
        kind = other or ("a web page (HTML)" if page else "")
        raise UserError(
            f"the file is named .pdf but is not a PDF{f': it is {kind}' if kind else ''}"
            " (a sign-in or error page saved by a download that failed?)",
            where=str(path),
            hint=_PDF_HINT,
        )
    if b"%%EOF" not in tail:
        raise UserError(
            "the PDF is cut short: it does not end with %%EOF (a download or copy that did not"
            " finish)",
            where=str(path),
            hint=_PDF_HINT,
        )


_PROJECT_FILES = ("protocol.toml", "review.sqlite", "review.sqlite-wal", "review.sqlite-shm")


def _check_not_the_project(path: Path, database: Path) -> None:
    """UserError when ``path`` is one of the project's own files (its protocol, its database
    or the database's WAL files): a full text is never one of them."""
    if path.name in _PROJECT_FILES and path.parent == database.resolve().parent:
        raise UserError(
            f"this is the project's own {path.name}, not a full text",
            where=str(path),
            hint="give the path of the study's PDF (or other full-text file) or an http(s) URL",
        )


def study_attachment(db: Store, study_id: int) -> attachment_rows.Attachment | None:
    """The full text attached to a study: the newest attachment of any record of its cluster
    (a full text attached to a duplicate counts for the study, as its votes do)."""
    return attachment_rows.current_attachment(db, sorted(links.members_of(db, [study_id])))


def attached_yet_not_retrieved(db: Store, rule: Stage, study_id: int, reason: str) -> str:
    """A word for the message line when ``reason`` says the study's report was not retrieved
    (``Stage.not_retrieved_codes``: PRISMA's "reports not retrieved") while a full text is
    attached to it; '' otherwise. A warning, not a refusal: the attached file may be the wrong
    paper or an abstract, but a reason one row from another is also easily pressed, and the
    flow diagram would count a report the team holds as never retrieved."""
    if not reason or reason not in rule.not_retrieved_codes():
        return ""
    if study_attachment(db, study_id) is None:
        return ""
    return "a full text is attached, yet this reason counts the report as not retrieved"


def replaced_words(
    before: attachment_rows.Attachment | None, now: attachment_rows.Attachment
) -> str:
    """What attaching ``now`` replaced as the study's full text (``before``: its attachment
    until then), for the message that says it was attached: '' when there was none or it was
    the same. A second attach replaces the first (the newest counts; the log keeps both), and
    the messages said only "attached", so a reviewer replacing a colleague's PDF was not told."""
    if before is None or (before.target, before.kind) == (now.target, now.kind):
        return ""
    by = f", attached by {before.added_by}" if before.added_by else ""
    return f" (replaces {before.target}{by})"


def attachment_url(attachment: attachment_rows.Attachment) -> str:
    """A URL a browser or PDF viewer can open."""
    return attachment.target if attachment.kind == "url" else Path(attachment.target).as_uri()
