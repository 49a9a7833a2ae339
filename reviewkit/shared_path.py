"""An imported file as a sheet that goes to the team names it.

Imports store each record's file as an absolute path (``import ../embase.ris`` stores
``/home/sara/review/embase.ris``), so the importer's own screens and the cluster list name it
from any folder. A sheet goes to colleagues, on whose disks that path is nothing
('/home/anna/Downloads/embase.ris' told them whose disk it was on, and nothing they could
open): ``export --format csv``'s 'found in' and the dedup queue sheet's ``a_origin`` and
``b_origin`` name it with :func:`shared_path`.
"""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath


def shared_path(origin: str, folder: Path) -> str:
    """A file in the project's ``folder`` named from there ('sources/embase.ris'), one
    elsewhere by its name ('embase.ris'). Any other origin (a search run, a path typed before
    imports stored absolute ones) is kept as it is."""
    path = Path(origin)
    if not path.is_absolute():
        # a project imported on Windows and read here: 'C:\\Users\\anna\\embase.ris' is a
        # path on a disk no colleague has, as a POSIX one is
        windows = PureWindowsPath(origin)
        return windows.name if windows.drive and windows.root else origin
    # the import keeps links as typed (os.path.abspath) and the folder may be named through
    # another link (/home/anna/review -> /mnt/data/review): compare as written, then resolved
    for inside, base in ((path, Path(os.path.abspath(folder))), (path.resolve(), folder.resolve())):
        if inside.is_relative_to(base):
            return inside.relative_to(base).as_posix()
    return path.name
