"""A review project: a folder with a copy of the protocol and one SQLite database."""

from __future__ import annotations

import shlex
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from reviewkit import errors
from reviewkit import protocol as protocol_mod
from reviewkit.errors import ProjectError
from reviewkit.store import Store

PROTOCOL_FILE = "protocol.toml"
DATABASE_FILE = "review.sqlite"


@dataclass
class Project:
    """An open project. ``db`` is opened on first use; close with :meth:`close`."""

    folder: Path

    @property
    def protocol_path(self) -> Path:
        return self.folder / PROTOCOL_FILE

    @property
    def database_path(self) -> Path:
        return self.folder / DATABASE_FILE

    @cached_property
    def protocol(self) -> protocol_mod.Protocol:
        return protocol_mod.load(self.protocol_path)

    @cached_property
    def db(self) -> Store:
        """The database, opened once its review id is known to match the protocol's."""
        store = Store.open(self.database_path)
        try:
            self._check_review_id(store)
        except BaseException:
            store.close()
            raise
        return store

    def _check_review_id(self, store: Store) -> None:
        """Refuse a protocol.toml copied in from another review (another [review] id): its
        searches, stages, reasons and schemes do not belong to this database's decisions.
        An edited protocol with the same id is this review's protocol, evolving: accepted.
        A database from before the id was recorded gets it at its first write (not here:
        opening never takes the write lock); until then any protocol is accepted."""
        review_id = self.protocol.id
        recorded = store.review_id()
        if recorded is None:
            store.record_review_id_at_first_write(review_id)
        elif recorded != review_id:
            raise ProjectError(
                f"the protocol of another review ('{review_id}'): {self.database_path}"
                f" holds review '{recorded}'; nothing was written",
                where=str(self.protocol_path),
                hint=f'put back this review\'s protocol (id = "{recorded}"; an edited one with'
                f" that id is fine), or start a new project for review '{review_id}' with"
                " 'reviewkit init NEWDIR --protocol FILE'",
            )

    def option(self) -> str:
        """' --project FOLDER' for a command line shown to the user, '' when the project is
        the current folder: a user who copies the line must reach the same project from the
        terminal they typed the first command in. :func:`open_project` hands it to
        :func:`reviewkit.errors.command_line`, which every hint and closing line that names a
        command goes through (one way: a line built here too named the project twice over)."""
        try:
            here = self.folder.resolve() == Path.cwd().resolve()
        except OSError:  # the current folder deleted under the shell: name the project
            here = False
        return "" if here else folder_option(self.folder)

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.close()
            del self.__dict__["db"]

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def folder_option(folder: Path) -> str:
    """' --project FOLDER' as a command line shown to the user names ``folder``, quoted for a
    shell: the one way, so a line that shortens it for display finds it (tui.short_paths)."""
    return f" --project {shlex.quote(str(folder))}"


def _protocol_only_hint(folder: Path) -> str:
    """What to do with a folder that holds a protocol file but no database (init and open)."""
    return (
        f"move {folder / PROTOCOL_FILE} out of the folder and run "
        f"'reviewkit init {folder} --protocol THAT-FILE'"
    )


def _orphan_log_error(folder: Path, *, init: bool) -> ProjectError | None:
    """A write-ahead log (review.sqlite-wal) with no review.sqlite beside it: the folder was
    copied while a command had the project open (a sync tool sends the small files first), or
    the database was moved or deleted. The log
    holds the last changes, not the project; SQLite deletes it when a new database is made
    there (init), so both are refused before they lose it. An empty log (checkpointed) holds
    nothing and is no sign."""
    wal = folder / f"{DATABASE_FILE}-wal"
    if (folder / DATABASE_FILE).exists() or not wal.is_file() or wal.stat().st_size == 0:
        return None
    put_back = (
        f"copy the project's {DATABASE_FILE} (from the folder or backup this one was copied"
        f" from) into {folder}, beside {wal.name}"
    )
    if init:
        return ProjectError(
            f"the folder holds the write-ahead log {wal.name} of a project database that is"
            f" not here; a new {DATABASE_FILE} would delete it with the changes it holds",
            where=str(folder),
            hint=f"{put_back}, and work in it with --project {folder}; or init a new folder",
        )
    return ProjectError(
        f"{DATABASE_FILE} is missing, but its write-ahead log {wal.name} is here: the project"
        " was copied (or its database moved or deleted) while a command had it open",
        where=str(folder),
        hint=f"{put_back}; the log holds only the last changes, not the project",
    )


# the names SQLite gives a project's database and the files it makes beside it while a command
# has it open (the write-ahead log, its index, a rollback journal)
_DATABASE_NAMES = tuple(DATABASE_FILE + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def _refuse_database_name(folder: Path) -> None:
    """A project folder named as a database file (``init p/review.sqlite-wal``, a name
    completed by the shell's Tab from a listing of a project): inside a project, or a folder
    that becomes one, it takes the place SQLite writes that file to, and every command there
    then fails to open the database. Compared without case: on the file systems macOS and
    Windows use by default, ``Review.sqlite-wal`` is the same name as ``review.sqlite-wal``."""
    if folder.name.casefold() in _DATABASE_NAMES:
        raise ProjectError(
            f"a project folder may not be named {folder.name}: SQLite writes a file of that"
            " name beside a project's database, and a folder there stops the project in"
            f" {folder.parent} from opening",
            where=str(folder),
            hint="name the folder for the review, e.g. my-review",
        )


def init_project(folder: str | Path, protocol_file: str | Path) -> Project:
    """Create a project folder from a protocol file (validated first); refuses to overwrite."""
    folder = Path(folder)
    protocol = protocol_mod.load(protocol_file)  # raise before touching the disk
    _refuse_database_name(folder)
    orphan = _orphan_log_error(folder, init=True)
    if orphan:
        raise orphan
    if (folder / PROTOCOL_FILE).exists() and not (folder / DATABASE_FILE).exists():
        # a protocol written (or copied) into the folder first: 'init' said a project was
        # here while every other command said there was none
        raise ProjectError(
            f"the folder holds a {PROTOCOL_FILE} but no {DATABASE_FILE}: not a project yet, and "
            "its protocol is not replaced",
            where=str(folder),
            hint=_protocol_only_hint(folder),
        )
    if (folder / DATABASE_FILE).exists() or (folder / PROTOCOL_FILE).exists():
        raise ProjectError(
            "a review project already exists here",
            where=str(folder),
            hint=f"work in it with --project {folder} (or cd there), or name a new folder",
        )
    made = [] if folder.exists() else [folder]
    names = (PROTOCOL_FILE, DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm")
    there = {name for name in names if (folder / name).exists() or (folder / name).is_symlink()}
    _make_folder(folder)
    try:
        shutil.copyfile(protocol_file, folder / PROTOCOL_FILE)
        Store.create(folder / DATABASE_FILE, review_id=protocol.id).close()
    except BaseException:  # nothing half-made left: a protocol alone would block the next init
        for name in set(names) - there:
            if (folder / name).is_file() and not (folder / name).is_symlink():
                (folder / name).unlink()
        for made_folder in made:
            if not any(made_folder.iterdir()):
                made_folder.rmdir()
        raise
    return Project(folder)


def _make_folder(folder: Path) -> None:
    """Create the project folder and the folders above it; a ProjectError saying why not (a
    folder above it that is a file, no permission, a read-only or special place)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        above = next((p for p in folder.parents if p.is_file()), None)
        raise ProjectError(
            f"cannot create the project folder ({exc.strerror or exc})",
            where=str(folder),
            hint=f"{above} is a file, not a folder: name a folder elsewhere, e.g. my-review"
            if above
            else "name a folder in a place you can write to, e.g. ~/reviews/my-review",
        ) from None


def open_project(folder: str | Path) -> Project:
    """Open an existing project; validates its protocol and that it is this database's review
    (the same [review] id)."""
    folder = Path(folder)
    database, protocol = folder / DATABASE_FILE, folder / PROTOCOL_FILE
    if database.is_symlink() and not database.exists():  # said 'no review.sqlite', hint: init
        raise ProjectError(
            "review.sqlite is a link that leads nowhere (its file is gone, or a loop of links)",
            where=str(database),
            hint="point the link at the project's database, or put the file in its place",
        )
    if database.exists() and not protocol.exists() and not protocol.is_symlink():
        raise ProjectError(
            "the project's protocol.toml is missing",
            where=str(protocol),
            hint="copy the protocol the project was made with into the folder as protocol.toml"
            " (its [review] id must be the database's)",
        )
    orphan = _orphan_log_error(folder, init=False)
    if orphan:
        raise orphan
    if not database.exists():
        raise ProjectError(
            "not a review project (no review.sqlite)",
            where=str(folder),
            hint=_protocol_only_hint(folder)
            if (folder / PROTOCOL_FILE).is_file()
            else "run 'reviewkit init DIR --protocol protocols/NAME.toml' or pass --project DIR",
        )
    project = Project(folder)
    _ = project.protocol
    # The review ids are compared now, before a command writes anything (a report folder), by
    # opening the database the command then uses (Project.db), not a second connection.
    _ = project.db
    errors.project_opened(project.option())
    return project
