"""Fixtures more than one bad-input test file uses."""

from __future__ import annotations

import os

import pytest
from bad_input.corpus_cases import FIXTURES, PROTOCOL, PROTOCOL_ONE
from bad_input.protocol_helpers import include_everything

from reviewkit.cli import main


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A project with included studies (so every output command gets to its writing step),
    plus the paths the argument lines refer to."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    base = tmp_path_factory.mktemp("corpus")
    project = base / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    for name in ("sample.ris", "sample.nbib"):
        assert main(["import", str(FIXTURES / name), "--project", str(project)]) == 0
    include_everything(project)
    one = base / "project-one"  # the first record of sample.ris screened by reviewer1 alone
    assert main(["init", str(one), "--protocol", str(PROTOCOL_ONE)]) == 0
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(one)]) == 0
    with open_project(one) as p:
        first = min(all_reports(p))
        screening.decide(p.db, first, "title-abstract", "reviewer1", "include", protocol=p.protocol)
    tmp = base / "scratch"
    tmp.mkdir()
    afile = base / "a-file.txt"
    afile.write_text("a plain file\n", encoding="utf-8")
    acsv = base / "a-sheet.csv"  # a file under the one ending a --csv may be written under
    acsv.write_text("a plain file\n", encoding="utf-8")
    full = base / "full-disk"  # a link, so a broken writer replaces the link, never the device
    full.symlink_to("/dev/full")
    fifo = base / "a-fifo"  # a named pipe: opening it to read waits for a writer forever
    os.mkfifo(fifo)
    good = base / "good.ris"
    good.write_text("TY  - JOUR\nTI  - A good record\nPY  - 2020\nER  - \n", encoding="utf-8")
    empty = base / "empty.pdf"  # a download or save that failed: 0 bytes
    empty.write_bytes(b"")
    return {
        "project": str(project),
        "project_one": str(one),
        "tmp": str(tmp),
        "afile": str(afile),
        "acsv": str(acsv),
        "good": str(good),
        "protocol": str(PROTOCOL),
        "full": str(full),
        "fifo": str(fifo),
        "base": str(base),
        "empty": str(empty),
    }
