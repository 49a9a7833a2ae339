"""Another review's own scheme through the CLI: the intervention-domain review's protocol
(protocols/rtw-intervention-domains.toml, its labels, descriptions and terms written from the
definitions alone) on 20 abstracts labelled by those definitions before the classifier read
them. First reading (commit a4e244b): domain 17/20, setting 20/20; after the protocol's terms for
a meeting of the parties and changed hours, and the statistical "adjustment" rule: 19/20 and
20/20 (benchmarks/results/classify.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli

from reviewkit.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-intervention-domains.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_domains_abstracts.csv"


@pytest.mark.parametrize(
    ("scheme", "gold", "correct"), [("domain", "domain", 19), ("setting", "care_setting", 20)]
)
def test_the_domain_reviews_scheme_through_the_cli(tmp_path, capsys, scheme, gold, correct):
    matrix = tmp_path / "confusion.csv"
    more = ("--csv", str(matrix))
    assert correct_through_cli(capsys, PROTOCOL, FIXTURE, scheme, gold, 20, *more) >= correct
    assert matrix.read_text(encoding="utf-8").startswith("gold")


def test_multi_domain_is_two_domains_of_one_intervention(tmp_path, capsys):
    # the combination label of another scheme: treatment and changed duties in one programme
    path = tmp_path / "one.csv"
    path.write_text(
        "title,abstract,domain\n"
        '"A programme","Physiotherapists gave exercise therapy, and the manager agreed modified '
        'duties and reduced hours.",multi-domain\n',
        encoding="utf-8",
    )
    args = ["classify", "--evaluate", str(path), "--protocol", str(PROTOCOL), "--scheme", "domain"]
    assert cli_main([*args, "--gold", "domain"]) == 0
    assert "accuracy 1.000" in capsys.readouterr().out
