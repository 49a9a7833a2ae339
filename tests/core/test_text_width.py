"""Columns of text as a terminal draws them (reviewkit.text_width): a CJK character or a wide
emoji takes two, a combining accent none. Listings that pad or cut titles and names by it keep
their columns: ``prisma``'s counts beside a source named in Japanese."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from reviewkit.cli import main
from reviewkit.text_width import cut, pad, width

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
FIXTURES = Path(__file__).parent / "fixtures"


def test_wide_and_zero_width_characters() -> None:
    assert width("Return to work") == 14
    assert width("職場復帰") == 8  # four ideographs, two columns each
    assert width("ｗｏｒｋ") == 8  # full-width Latin letters
    assert width("🙂 ok") == 5
    assert width(unicodedata.normalize("NFD", "Tromsø, Malmö")) == 13  # accents combined
    assert width("a\u200db") == 2  # a zero-width joiner


def test_emoji_sequences_take_the_columns_of_one_picture() -> None:
    """A terminal draws an emoji sequence as one picture of two columns: a symbol asked for as
    emoji (U+FE0F) was counted one column, a skin tone or a joined family four or six, so a
    padded row came out one column short or several long (wcwidth 0.2.9/0.2.10's rules)."""
    assert width("\u26a0\ufe0f ok") == 5  # warning sign + VS16: two columns, then ' ok'
    assert width("\u2764\ufe0f") == 2 and width("\u2764") == 1  # text presentation: one
    assert width("1\ufe0f\u20e3") == 2  # a keycap
    assert width("\U0001f44d\U0001f3fd") == 2  # thumbs up, medium skin tone
    assert width("\U0001f468\u200d\U0001f469\u200d\U0001f467") == 2  # a family
    assert width("\U0001f469\u200d\u2695\ufe0f") == 2  # health worker: the VS16 adds none
    assert width("a\ufe0f") == 1  # no letter has an emoji picture
    assert pad("\u26a0\ufe0f", 4) == "\u26a0\ufe0f  "
    assert width(cut("Return \U0001f468\u200d\U0001f469\u200d\U0001f467 to work", 10)) <= 10


def test_pad_counts_columns() -> None:
    assert pad("職場", 6) == "職場  "
    assert pad("職場", 6, ">") == "  職場"
    assert pad("longer than that", 4) == "longer than that"


def test_cut_never_takes_more_columns_than_given() -> None:
    title = "職場復帰支援プログラムの無作為化比較試験"
    for columns in range(1, 45):
        shown = cut(title, columns)
        assert width(shown) <= columns
        assert shown == title or shown.endswith("…")
    assert cut(title, 10) == "職場復帰…"  # a wide character at the edge is left out whole
    assert cut("Return to work", None) == "Return to work"
    assert cut("Return to work", 14) == "Return to work"


def test_prisma_counts_stay_a_column_beside_a_japanese_source(tmp_path: Path, capsys) -> None:
    project = tmp_path / "review"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    ris, nbib = FIXTURES / "sample.ris", FIXTURES / "sample.nbib"
    assert main(["import", str(ris), "--source", "医中誌 Web", "--project", str(project)]) == 0
    assert main(["import", str(nbib), "--source", "PubMed", "--project", str(project)]) == 0
    capsys.readouterr()
    assert main(["prisma", "--out", str(tmp_path / "out"), "--project", str(project)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line[-1:].isdigit()]
    assert any("医中誌" in row for row in rows)
    assert len({width(row) for row in rows}) == 1, rows  # every count ends in one column


def test_conflicts_list_cuts_a_japanese_title_to_70_columns(tmp_path: Path, capsys) -> None:
    from reviewkit import screening
    from reviewkit.project import open_project

    title = "職場復帰支援プログラムの効果：多職種連携による無作為化比較試験とその長期追跡調査の結果報告書"
    ris = tmp_path / "jp.ris"
    ris.write_text(f"TY  - JOUR\nTI  - {title}\nPY  - 2021\nER  - \n", encoding="utf-8")
    project = tmp_path / "review"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(ris), "--project", str(project)]) == 0
    with open_project(project) as p:
        votes = (("reviewer1", "include", ""), ("reviewer2", "exclude", "wrong-population"))
        for who, vote, reason in votes:
            screening.decide(p.db, 1, "title-abstract", who, vote, reason, protocol=p.protocol)
    capsys.readouterr()
    assert main(["conflicts", "--list", "--resolver", "lead", "--project", str(project)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("1\topen\t"))
    shown = line.split("\t")[2]
    assert width(title) > 70 and width(shown) <= 70 and shown.endswith("…")
    assert title.startswith(shown[:-1])
