"""Hand-made records for the dedup tests."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta

from conftest import add_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.matching import match
from reviewkit.dedup.normalise import Keys, keys_for
from reviewkit.dedup.rules import compare
from reviewkit.dedup.score import Context
from reviewkit.project import Project
from reviewkit.records import Record

TITLE = "Return to work after sick leave for common mental disorders: a randomised trial"
# no place in a journal: a proceedings paper, a preprint, a registration or a thin export
NO_PLACE = dict(volume="", issue="", pages="")


def rec(**kw) -> Record:
    """A journal article with every field filled; override any with keywords."""
    base = dict(
        title=TITLE,
        authors=["Hansen, Kari", "Olsen, Per", "Berg, Anne"],
        year=2019,
        journal="Scandinavian Journal of Work, Environment and Health",
        volume="45",
        issue="3",
        pages="245-253",
        doi="",
        pmid="",
        source="PubMed",
    )
    base.update(kw)
    return Record(**base)


def keys(i: int, **kw) -> Keys:
    return keys_for(i, rec(**kw))


def verdict(ka: Keys, kb: Keys, ctx: Context | None = None) -> tuple[str, str]:
    """(verdict, rule) of the first rule that decides the pair (``ctx``: facts about the set)."""
    v = compare(ka, kb, ctx or Context())
    return v.verdict, v.rule


def other(n: int, **kw) -> Record:
    """An unrelated article number n (distinct title, authors, pages)."""
    words = [
        "alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "hotel",
        "india",
        "juliet",
    ]
    title = f"Study {words[n % 10]} {words[(n // 10) % 10]} of sleep quality in shift workers cohort {n * 7919}"
    name = "".join(chr(97 + (n // 26**k) % 26) for k in range(3))
    base = dict(
        title=title,
        authors=[f"{name}sen, A", f"{name}berg, B"],
        year=2000 + n % 20,
        journal="Occupational Medicine",
        volume=str(10 + n),
        pages=f"{100 + n}-{110 + n}",
        source="Embase",
    )
    base.update(kw)
    return Record(**base)


def screen_three(project: Project) -> tuple[Project, tuple[int, int, int]]:
    """Three unrelated records screened by both reviewers of Review B: r1 included at both
    stages, r2 (a copy nobody linked yet) and r3 excluded at title-abstract; for the tests of
    merges and splits after screening."""
    r1, r2, r3 = add_records(project, [other(1), other(2), other(3)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, r1, "title-abstract", who, "include")
        scr.decide(project.db, r1, "full-text", who, "include")
        scr.decide(project.db, r2, "title-abstract", who, "exclude", "long-term")
        scr.decide(project.db, r3, "title-abstract", who, "exclude", "long-term")
    return project, (r1, r2, r3)


def outcome(a: Record, b: Record) -> tuple[str, str]:
    """('merged' | 'queued' | 'apart', the rule that decided) for two records matched alone."""
    res = match({1: keys_for(1, a), 2: keys_for(2, b)})
    for v in res.accepted:
        return "merged", v.rule
    for v in res.uncertain:
        return "queued", v.rule
    return "apart", ""


def dedup_central_and_portal(project: Project, capsys, tmp_path, central: str, portal: str) -> str:
    """Import two RIS texts (CENTRAL's records, WHO portal's) through `reviewkit import`, run
    `reviewkit dedup`, and return what it printed. The project is closed first (the CLI opens it)."""
    folder = str(project.folder)
    project.close()
    for name, text, source in (("central", central, "CENTRAL"), ("portal", portal, "ICTRP")):
        path = tmp_path / f"{name}.ris"
        path.write_text(text, encoding="utf-8")
        assert main(["import", str(path), "--source", source, "--project", folder]) == 0
    capsys.readouterr()
    assert main(["dedup", "--project", folder]) == 0
    return capsys.readouterr().out


def cli(folder, *args: str) -> int:
    """``reviewkit WORD WORD --project folder ARGS…`` through the CLI's main: its exit code."""
    return main([*args[:2], "--project", str(folder), *args[2:]])


def pairs_apart(project: Project, n: int, stage: str = "title-abstract") -> list[tuple[int, int]]:
    """``n`` pairs (a, b): record a in conflict (reviewer1 include, reviewer2 exclude), record
    b excluded by both; not yet known as copies of one study."""
    ids = add_records(project, [other(i) for i in range(1, 2 * n + 1)])
    pairs = list(zip(ids[::2], ids[1::2], strict=True))
    for a, b in pairs:
        scr.decide(project.db, a, stage, "reviewer1", "include")
        scr.decide(project.db, a, stage, "reviewer2", "exclude", "long-term")
        for who in ("reviewer1", "reviewer2"):
            scr.decide(project.db, b, stage, who, "exclude", "long-term")
    return pairs


def final_from_copy(copy, a: int | list[int], log, hours: float, held: bool = True) -> None:
    """The lead settles a include (each of them) in ``copy``; their log written to ``log``, its
    times moved ``hours`` (that machine's clock); not ``held``: as exported before the finals
    said what their studies held (no 'study_records')."""
    for study in a if isinstance(a, list) else [a]:
        resolve = ("conflicts", "resolve", str(study), "--decision", "include")
        assert cli(copy, *resolve, "--resolver", "lead") == 0
    assert cli(copy, "decisions", "export", str(log), "--reviewer", "lead") == 0
    lines = []
    for line in log.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        when = datetime.fromisoformat(entry["created_at"]) + timedelta(hours=hours)
        entry["created_at"] = when.isoformat(timespec="microseconds")
        if not held:
            entry.pop("study_records", None)
        lines.append(json.dumps(entry))
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")


def copies(project_b, tmp_path):
    """Record a in conflict and b excluded by both (:func:`pairs_apart`), the project closed
    and copied to ``tmp_path``/copy: (here, copy, a, b)."""
    a, b = pairs_apart(project_b, 1)[0]
    here, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(here, copy)
    return here, copy, a, b


def conflicts_listed(folder, capsys) -> str:
    """What `conflicts --list` prints for the lead at title-abstract."""
    capsys.readouterr()
    assert (
        cli(folder, "conflicts", "--list", "--resolver", "lead", "--stage", "title-abstract") == 0
    )
    return capsys.readouterr().out
