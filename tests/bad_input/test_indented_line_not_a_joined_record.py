"""A MEDLINE/nbib or Web of Science field continues on lines indented with spaces (6 and 3);
such a line is the field's text, never the start of another export joined to the file. An
abstract wrapped before a handle, '      @WHO (WHO, 2020) and others', looked like a BibTeX
entry's opening ('@type(key,', which may be indented) and refused a valid PubMed file as
'a BibTeX record starts on this line' (and, since round 23, blanked the rest of the record,
its SO line with it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

NBIB = (
    "PMID- 31234567\nTI  - A study of tweets.\n"
    "AB  - We followed the accounts of public health agencies on Twitter, such as\n"
    "      @WHO (WHO, 2020) and others, for a year.\nDP  - 2020\nSO  - J Health. 2020;1:1-2.\n\n"
    "PMID- 31234568\nTI  - Another study.\nDP  - 2020\nSO  - J Health. 2020;1:3-4.\n"
)
WOS = (
    "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Berg, T\nTI A study of tweets\n"
    "SO J HEALTH\nAB We followed the accounts of public health agencies on Twitter, such as\n"
    "   @WHO (WHO, 2020) and others, for a year.\nPY 2020\nUT WOS:000000000000001\nER\n\n"
    "PT J\nAU Olsen, A\nTI Another study\nSO J HEALTH\nPY 2020\nUT WOS:000000000000002\nER\n\nEF\n"
)


@pytest.mark.parametrize("name, text", [("pubmed.nbib", NBIB), ("savedrecs.txt", WOS)])
def test_an_indented_line_starting_with_a_handle_is_the_fields_text(
    tmp_path: Path, capsys, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr().err
    with open_project(project) as p:
        abstracts = [r.abstract for _, r in record_rows.iter_records(p.db)]
    assert len(abstracts) == 2, abstracts
    assert "@WHO (WHO, 2020) and others" in abstracts[0], abstracts
