"""A command whose reader goes away (``reviewkit report | head``, ``make demo | head``) ends as
a Unix filter does.

``head`` closes the pipe after its lines; the next write fails with EPIPE. ``cat``, ``grep``
and ``sort`` are then killed by SIGPIPE, and ``git`` raises SIGPIPE on itself when a write
fails with EPIPE (its check_pipe): the shell reports 128 + 13 = 141 for each, and says
nothing. reviewkit exits 141 the same way, with no message: not 0, which would tell a script
that all was written when the rest was lost (`set -o pipefail` treats ``git log | head`` the
same), and not 1, a failure of reviewkit's own (what click's and rich's own handling of EPIPE
exit with). It exits rather than re-raising the signal on itself, so that an in-process
caller of ``main`` lives on; Python's docs advise against SIGPIPE's default action, which
would kill ``pubmed serve`` when a client closes its socket early (Note on SIGPIPE, in the
signal module's docs).

Here, below both faces that print (cli and demo, sibling layers that may not import each
other), and free of click and rich: each face's rich console calls :func:`rich_console_gone`.
"""

from __future__ import annotations

import errno
import os
import select
import sys
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_CODE = 128 + 13  # 128 + SIGPIPE, as the shell reports a filter SIGPIPE killed


class ReaderGone(Exception):
    """Standard output (or error) was a pipe whose reader closed it.

    Not an OSError: click's own handling of EPIPE (which exits 1) lets it through."""


@contextmanager
def noticed() -> Iterator[None]:
    """Turn a write's EPIPE into ReaderGone (the exception click does not catch) when it is
    standard output's or error's: not a socket's, which is the network's error."""
    try:
        yield
    except OSError as exc:
        if exc.errno != errno.EPIPE or not _a_reader_gone():
            raise
        raise ReaderGone from exc


def rich_console_gone(console: object) -> None:
    """What a rich console's ``on_broken_pipe`` does here: rich's own exits 1, as if reviewkit
    had failed; this one quiets the console (nothing more it writes fails) and raises
    ReaderGone, which the entry point ends with EXIT_CODE. ``console``: rich's Console, by
    duck type (the core imports no rich)."""
    console.quiet = True  # type: ignore[attr-defined]
    raise ReaderGone


def _a_reader_gone() -> bool:
    """Whether standard output or error is a pipe its reader closed: poll reports an error on
    such a pipe (POLLERR on Linux, POLLHUP on BSDs); True where it cannot be told (Windows)."""
    if not hasattr(select, "poll"):
        return True
    poll = select.poll()
    for fd in (1, 2):  # the descriptors: a progress bar may stand in for sys.stdout meanwhile
        poll.register(fd, 0)  # errors and hang-ups are reported whatever is asked
    return any(events & (select.POLLERR | select.POLLHUP) for _, events in poll.poll(0))


def flush() -> None:
    """Write out what the standard streams still buffer (an EPIPE if a reader is gone).

    Output to a pipe is buffered: a short one meets the closed pipe only at this flush, which
    the interpreter would otherwise do at exit ('Exception ignored … BrokenPipeError', exit 120).
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # pythonw has none
            stream.flush()


def leave_quietly() -> int:
    """Point the standard streams whose pipe is closed at the null device, so that nothing left
    in their buffers fails again at exit, and return EXIT_CODE."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except OSError:
            _to_null(stream)
        except ValueError:  # closed
            pass
    return EXIT_CODE


def _to_null(stream: object) -> None:
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # a stream without a file (a test's capture)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
