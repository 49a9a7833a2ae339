"""The file an atomic write fills beside its target before renaming it onto the target.

tempfile.mkstemp makes its file mode 0600, whatever the umask, and the rename keeps the mode:
the snapshot's index, built that way, could not be read by another user's `pubmed serve` on a
shared REVIEWKIT_DATA folder, where every other file is as readable as the umask makes it.
This file is made as any other new file (``os.open`` with 0666, less the umask, applied by the
system: no reading of the umask, which changes it for every thread of the process meanwhile),
with a name no other process takes (O_EXCL), chosen as mkstemp chooses one: 8 characters of
``[a-z0-9_]`` between the prefix and the suffix (pubmed.stale_indexes knows the build's
temporary files by that name).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_TRIES = 10_000  # as tempfile's: a folder with that many names taken is not one to write to
# O_BINARY: Windows would translate line ends; O_NOINHERIT: a child process keeps no handle
# (mkstemp's flags, less O_NOFOLLOW, which O_EXCL makes needless on a new name)
_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_FLAGS |= getattr(os, "O_NOINHERIT", 0) | getattr(os, "O_CLOEXEC", 0)


def new_beside(path: str | Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new empty file in ``path``'s folder named ``prefix`` + 8 characters + ``suffix``,
    open for reading and writing, with the mode a new file gets (0666 less the umask): its
    descriptor and path. The caller closes the descriptor and renames or removes the file."""
    folder = os.path.dirname(os.path.abspath(path))
    choose = random.Random()  # noqa: S311 (a name, not a secret: O_EXCL makes it safe)
    for _ in range(_TRIES):
        name = os.path.join(folder, prefix + "".join(choose.choices(_LETTERS, k=8)) + suffix)
        try:
            return os.open(name, _FLAGS, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free name for a temporary file in {folder}")
