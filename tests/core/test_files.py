"""One regular-file check (reviewkit/files.py) for import files and protocols: the same words
and hint for a folder or a pipe, each reader raising its own error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit import protocol as protocol_mod
from reviewkit.errors import FormatError, ProtocolError, UserError
from reviewkit.files import NotAFile, check_regular

HINT = "save the data to a file first and name that file"


def test_only_a_regular_file_passes(tmp_path: Path) -> None:
    plain = tmp_path / "refs.ris"
    plain.write_text("TY  - JOUR\n", encoding="utf-8")
    check_regular(plain)
    link = tmp_path / "link.ris"
    link.symlink_to(plain)
    check_regular(link)  # a link to a regular file is one
    with pytest.raises(NotAFile) as gone:
        check_regular(tmp_path / "gone.ris")
    assert gone.value.message == "no such file"
    with pytest.raises(NotAFile) as folder:
        check_regular(tmp_path, "protocol file")
    assert folder.value.message == "this is a folder, not a protocol file"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotAFile) as exc:
        check_regular(fifo)
    assert isinstance(exc.value, UserError) and exc.value.where == str(fifo)
    assert exc.value.message == "this is a pipe, socket or device, not a file"
    assert exc.value.hint == HINT


def test_import_files_and_protocols_say_the_same_about_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "in.toml"
    os.mkfifo(fifo)
    with pytest.raises(FormatError) as as_import:
        formats.read_bytes(fifo)
    with pytest.raises(ProtocolError) as as_protocol:
        protocol_mod.load(fifo)
    assert as_import.value.message == "this is a pipe, socket or device, not a file"
    assert as_protocol.value.message == "this is a pipe, socket or device, not a protocol file"
    assert as_import.value.hint == as_protocol.value.hint == HINT
    with pytest.raises(ProtocolError) as missing:
        protocol_mod.load(tmp_path / "missing.toml")
    assert missing.value.message == "protocol file not found"
