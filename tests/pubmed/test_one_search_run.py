"""Two `search run --all` at once on one project: each ran every search, the PRISMA-S log held
two runs of each, and searches run side by side stored their records twice. The second is now
refused while the first runs (PRISMA-S logs each time a search was run); once the first has
ended, a search run runs again as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history
from reviewkit.store import Store


def test_a_second_search_run_while_one_runs_is_refused(
    tmp_path: Path, server: EutilsServer, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reviewkit.searches.run as searches

    project_dir = review_a_project(tmp_path, monkeypatch)
    args = ["search", "run", "--all", "--base-url", server.base_url, "--project", str(project_dir)]
    real_fetch, second = searches._fetch, []

    def fetch_while_another_starts(db, name, *a, **kw):
        if not second:  # another terminal types the same command while the first fetches
            second.append(main(args))
            second.append(capsys.readouterr().err)
        return real_fetch(db, name, *a, **kw)

    monkeypatch.setattr(searches, "_fetch", fetch_while_another_starts)
    assert main(args) == 0
    code, err = second
    assert code == 2, err
    assert "another 'reviewkit search run' is running on this project (process " in err
    assert "hint: wait for it to end" in err and "Traceback" not in err
    runs = history(Store.open(project_dir / "review.sqlite"))
    names = [r.search_name for r in runs]
    assert len(names) == 8 and len(set(names)) == 8  # one run of each search

    monkeypatch.setattr(searches, "_fetch", real_fetch)
    assert main(args) == 0  # the first has ended: the lock went with it
    assert len(history(Store.open(project_dir / "review.sqlite"))) == 16


def test_a_search_run_on_a_folder_that_cannot_lock_runs_unguarded(
    tmp_path: Path, server: EutilsServer, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network drive or FUSE mount whose file system has no locks (flock: ENOLCK on some NFS
    and SMB mounts, EOPNOTSUPP on others) ran searches before the lock came; it still does."""
    import errno
    import fcntl

    project_dir = review_a_project(tmp_path, monkeypatch)

    def no_locks(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    args = ["search", "run", "--all", "--base-url", server.base_url, "--project", str(project_dir)]
    assert main(args) == 0, capsys.readouterr().err
    assert "keeps no file locks" in capsys.readouterr().err
    assert len(history(Store.open(project_dir / "review.sqlite"))) == 8
