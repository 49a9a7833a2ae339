"""How a shared sheet names the file a record was imported from (one place for every sheet)."""

from __future__ import annotations

from pathlib import Path


def shared_path(origin: str, folder: Path) -> str:
    """An imported file as a shared sheet names it (``export --format csv``'s 'found in', the
    dedup queue sheet's origins): imports store the absolute path, and a sheet goes to the
    team, so a file in the project's folder is named from there and one elsewhere by its name
    ('/home/anna/Downloads/embase.ris' told a colleague whose disk it was on, and nothing they
    could open). Any other origin (a search run) is kept as it is."""
    path = Path(origin)
    if not path.is_absolute():
        return origin
    try:
        return path.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return path.name
