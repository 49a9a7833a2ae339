"""``decisions import`` in a project whose protocol was written before ``[review] leads``
existed (it lists none): its lead is a name the logs hold, as every command takes it
(``protocol_in_use.lead_from_before_leads``: ``conflicts --resolver lead`` is accepted there),
and as ``protocol_in_use.leads`` tells who is told what to resolve. The lead's finals from a
copy were refused ("'lead' is not a reviewer or a lead of this protocol", exit 2): the team's
lead locked out of bringing their own work in. A name the logs do not hold is still refused."""

from __future__ import annotations

import shutil

import pytest
from dedup.helpers import cli, pairs_apart

TA = "title-abstract"
RESOLVE = ("conflicts", "resolve", "--decision", "include", "--stage", TA, "--resolver", "lead")


def _without_leads(folder) -> None:
    """The protocol as written before ``[review] leads`` existed."""
    protocol = folder / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    leads = [line for line in text.splitlines(keepends=True) if line.startswith("leads =")]
    protocol.write_text(text.replace(leads[0], "\n"), encoding="utf-8")


@pytest.mark.parametrize("logged", [True, False], ids=["the lead in the logs", "a name new here"])
def test_the_leads_finals_from_a_copy(project_b, tmp_path, capsys, logged) -> None:
    """Two conflicts; the lead settles the first here (or not: then the logs here do not hold
    the name), a copy is taken, the lead settles the second there, and their log is imported
    here, whose protocol lists no leads."""
    (a1, _), (a2, _) = pairs_apart(project_b, 2)
    here, copy = project_b.folder, tmp_path / "copy"
    if logged:
        assert cli(here, *RESOLVE, str(a1)) == 0
    project_b.close()
    shutil.copytree(here, copy)
    assert cli(copy, *RESOLVE, str(a2)) == 0
    _without_leads(here)
    log = tmp_path / "log.jsonl"
    assert cli(copy, "decisions", "export", str(log), "--reviewer", "lead") == 0
    capsys.readouterr()
    code = cli(here, "decisions", "import", str(log))
    err = capsys.readouterr().err
    if not logged:
        assert code == 2 and "'lead' is not a reviewer or a lead of this protocol" in err
        return
    assert code == 0, err
    assert cli(here, "conflicts", "--list", "--resolver", "lead", "--stage", TA) == 0
    assert f"{a2}\tresolved" in capsys.readouterr().out
