"""Valid files damaged the way real files are, fed to every reader: ``python -m
benchmarks.mutation_sweep [WORD] [--seed N]``.

One valid file of each kind a user gives the tool (every import format, the protocol TOML,
the decisions exchange file, the dedup queue sheet, the extraction sheet, the evaluation CSV,
simulate's labelled set, a PubMed XML snapshot) is damaged by each mutation of ``MUTATIONS``
(the place in the file drawn from a ``random.Random`` seeded with the seed, the file and the
mutation, so a run is repeatable) and run through the command that reads it, in a fresh copy of
the small project of :mod:`benchmarks.bad_input_sweep` (whose runner and judge are reused).

A mutation is either one the file cannot survive (``MUST``: a record cut mid-way, an unclosed
brace, an XML entity bomb ...: exit 0 is a flag, "exit 0 where data was lost silently", unless
a warning names the file: then it is counted as 'warned (exit 0)', not flagged) or
one a reader may take or refuse (a line swapped, a BOM in mid-file ...). Either way the sweep
flags a traceback, a refusal whose exit is not 2, that does not name the file or say what to
do, a failed command that changed the database or a file, and a hang (60 s; 20 s for the
server) or, for the XML attacks, a run of over 15 CPU seconds (``slow``: an entity expanded
without limit; CPU time, the sweep's and its child processes', since wall time at a load of 10
flagged a refusal that took 1 s alone). It also flags ``leaked``: the output of an XML file
whose external entity names a local file shows that file's text (XXE).

A whole run writes results/mutation-sweep-last-run.md (committed with the code it ran, as
bad-input-sweep-last-run.md is: benchmarks/__main__.py; the rounds are kept by hand in
results/mutation-sweep.md, never written over); WORD limits it to the kinds whose name holds
it, and writes no file.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from benchmarks import bad_input_sweep as sweep

FIXTURES = sweep.FIXTURES
RESULTS = sweep.RESULTS
# the last whole run's counts and flagged trials (the rounds: mutation-sweep.md, by hand)
LAST_RUN = "mutation-sweep-last-run.md"
SECRET = "reviewkit-xxe-secret-7f3a"  # the local file an external entity names holds this

# kind -> (the good file: a fixture, or a capital of the sweep's good files; the command line
# with '@' for the file; the kind of text, which picks the mutations that apply to it)
KINDS: dict[str, tuple[str, str, str]] = {
    "ris": ("sample.ris", "import @ --project P", "tagged"),
    "nbib": ("sample.nbib", "import @ --project P", "tagged"),
    "bib": ("sample.bib", "import @ --project P", "bibtex"),
    "pubmed.xml": ("sample.xml", "import @ --project P", "xml"),
    "endnote.xml": ("endnote_export.xml", "import @ --project P", "xml"),
    "scopus.csv": ("scopus.csv", "import @ --project P", "csv"),
    "embase.csv": ("embase_export.csv", "import @ --project P", "csv"),
    "pubmed.csv": ("pubmed_export.csv", "import @ --project P", "csv"),
    "rayyan.csv": ("rayyan_export.csv", "import @ --project P", "csv"),
    "covidence.csv": ("covidence_export.csv", "import @ --project P", "csv"),
    "asreview.csv": ("asreview.csv", "import @ --project P", "csv"),
    "wos.txt": ("wos.txt", "import @ --project P", "tagged"),
    "refworks.txt": ("refworks_export.txt", "import @ --project P", "tagged"),
    "cochrane.txt": ("cochrane_central.txt", "import @ --project P", "tagged"),
    "ovid.txt": ("ovid_medline.txt", "import @ --project P", "tagged"),
    "protocol.toml": ("PROTOCOL", "protocol check @", "toml"),
    "decisions.jsonl": ("JSONL", "decisions import @ --project P", "jsonl"),
    "queue.csv": ("QUEUE", "dedup review --read-csv @ --reviewer reviewer1 --project P", "csv"),
    "sheet.csv": ("SHEET", "extract import @ --reviewer reviewer1 --project P", "csv"),
    "evaluate.csv": ("EVALUATE", "classify --evaluate @ --scheme model-type --project P", "csv"),
    "dataset.csv": ("DATASET", "simulate @ --label-column included", "csv"),
    "snapshot.xml": ("PUBMEDXML", "pubmed serve --snapshot @ --port 0", "xml"),
}


# --- the mutations ------------------------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _body_line(lines: list[bytes], rng: random.Random) -> int:
    """A line past the first (a CSV's header, an XML declaration), not blank."""
    choices = [i for i, ln in enumerate(lines) if i > 0 and ln.strip()]
    return rng.choice(choices) if choices else 0


def _boundaries(data: bytes, text: str) -> list[int]:
    """Where each record after the first starts (the byte offset a cut there leaves whole)."""
    pattern = {
        "tagged": rb"\n\s*\n(?=\S)",  # a blank line between records
        "bibtex": rb"\n(?=@)",
        "xml": rb"\n(?=\s*<(?:PubmedArticle|record)>)",
        "csv": rb"\n(?=.)",
        "jsonl": rb"\n(?=.)",
        "toml": rb"\n(?=\[)",
    }[text]
    return [m.end() for m in re.finditer(pattern, data)]


def cut_boundary(data: bytes, rng: random.Random, text: str) -> bytes:
    spots = _boundaries(data, text)
    return data[: rng.choice(spots)] if spots else data[: len(data) // 2]


def cut_mid_record(data: bytes, rng: random.Random, text: str) -> bytes:
    """Cut inside a line in the second half (no final line break: a download stopped)."""
    lines = _lines(data)
    i = rng.randrange(len(lines) // 2, len(lines)) if len(lines) > 1 else 0
    while i > 0 and len(lines[i].strip()) < 4:
        i -= 1
    start = sum(len(ln) for ln in lines[:i])
    return data[: start + max(2, len(lines[i].rstrip()) // 2)]


def line_deleted(data: bytes, rng: random.Random, text: str) -> bytes:
    lines = _lines(data)
    del lines[_body_line(lines, rng)]
    return b"".join(lines)


def line_duplicated(data: bytes, rng: random.Random, text: str) -> bytes:
    lines = _lines(data)
    i = _body_line(lines, rng)
    lines.insert(i, lines[i])
    return b"".join(lines)


def lines_swapped(data: bytes, rng: random.Random, text: str) -> bytes:
    lines = _lines(data)
    i = _body_line(lines, rng)
    j = min(i + 1, len(lines) - 1)
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def tag_renamed(data: bytes, rng: random.Random, text: str) -> bytes:
    """A field's name changed: a tag, a BibTeX field, an XML element, a CSV column, a TOML key."""
    pattern = {
        "tagged": rb"(?m)^([A-Z][A-Z0-9]{1,3})(?= |\s*-)",
        "bibtex": rb"(?m)^(\s+)([a-z]+)(?=\s*=)",
        "xml": rb"<(ArticleTitle|title|PMID|Year)>",
        "csv": rb"\A[^,\n;]+",
        "jsonl": rb'"(record|stage|decision|reviewer)"',
        "toml": rb"(?m)^([a-z_]+)(?= =)",
    }[text]
    spots = list(re.finditer(pattern, data))
    if not spots:
        return data
    m = rng.choice(spots) if text != "csv" else spots[0]
    if text == "xml":  # the closing tag too, so the file stays well-formed
        name = m.group(1)
        return data.replace(b"<" + name + b">", b"<X" + name + b">").replace(
            b"</" + name + b">", b"</X" + name + b">"
        )
    return data[: m.end() - 2] + b"QQ" + data[m.end() :]


def field_100k(data: bytes, rng: random.Random, text: str) -> bytes:
    """100,000 letters added to a value (end of a line before its line break)."""
    lines = _lines(data)
    i = _body_line(lines, rng)
    body = lines[i].rstrip(b"\r\n")
    if text == "csv" and body.endswith(b'"'):
        body = body[:-1] + b"x" * 100_000 + b'"'
    elif text in ("jsonl", "toml", "xml") and re.search(rb'"[^"]*"', body):
        m = list(re.finditer(rb'"[^"]*"', body))[-1]
        body = body[: m.end() - 1] + b"x" * 100_000 + body[m.end() - 1 :]
    else:
        body += b"x" * 100_000
    lines[i] = body + lines[i][len(lines[i].rstrip(b"\r\n")) :]
    return b"".join(lines)


def required_emptied(data: bytes, rng: random.Random, text: str) -> bytes:
    """The title (or a record's id) left empty."""
    pattern = {
        "tagged": rb"(?m)^(TI|T1|PMID|UT)(  - | - | )[^\r\n]+",
        "bibtex": rb"(?m)^(\s+title\s*=\s*)[^\r\n]+",
        "xml": rb"<(ArticleTitle|title)>.*?</(ArticleTitle|title)>",
        "csv": rb"(?m)^[0-9]+(?=,)",
        "jsonl": rb'"record": ?[^,}]+',
        "toml": rb"(?m)^(id|name|reviewers) = [^\r\n]+",
    }[text]
    spots = list(re.finditer(pattern, data, re.S if text == "xml" else 0))
    if not spots:
        return data
    m = rng.choice(spots)
    if text == "tagged":
        empty = m.group(0)[: m.end(2) - m.start()]
    elif text == "bibtex":
        empty = m.group(0)[: m.end(1) - m.start()] + b"{},"
    elif text == "xml":
        empty = b"<%s></%s>" % (m.group(1), m.group(1))
    elif text == "jsonl":
        empty = b'"record": ""'
    elif text == "toml":
        empty = m.group(0).split(b"=")[0] + b'= ""'
    else:
        empty = b""
    return data[: m.start()] + empty + data[m.end() :]


def impossible_year(data: bytes, rng: random.Random, text: str) -> bytes:
    """A year of five digits, or a date of month 13 and day 45."""
    spots = list(re.finditer(rb"(?<![0-9])(19|20)[0-9]{2}(?![0-9])", data))
    if not spots:
        return data
    m = rng.choice(spots)
    bad = m.group(0) + b"1" if rng.random() < 0.5 else m.group(0) + b"-13-45"
    return data[: m.start()] + bad + data[m.end() :]


def unbalanced(data: bytes, rng: random.Random, text: str) -> bytes:
    """A closing brace, quote or tag taken away (a CSV's or TOML's closing quote of a quoted
    value; where a CSV quotes nothing, a quote opened at a cell's start: a quote inside an
    unquoted cell is text to every CSV reader, Excel's too)."""
    if text in ("csv", "toml"):
        opener = rb',"' if text == "csv" else rb'(?m)^[a-z_]+ = "'
        starts = [m.end() for m in re.finditer(opener, data)]
        starts = [i for i in starts if data.find(b'"', i) > 0]
        if not starts:
            commas = [m.end() for m in re.finditer(rb",(?=[^,\r\n])", data)]
            i = rng.choice(commas[len(commas) // 4 :] or commas)
            return data[:i] + b'"' + data[i:]
        i = rng.choice(starts[len(starts) // 4 :] or starts)
        end = data.index(b'"', i)
        return data[:end] + data[end + 1 :]
    closer = {"bibtex": rb"\}", "xml": rb"</[A-Za-z]+>", "jsonl": rb"\}"}.get(text, rb'"')
    spots = list(re.finditer(closer, data))
    if not spots:
        return data[: len(data) // 2] + b'"' + data[len(data) // 2 :]
    m = rng.choice(spots[len(spots) // 4 :] or spots)
    return data[: m.start()] + data[m.end() :]


def mixed_line_ends(data: bytes, rng: random.Random, text: str) -> bytes:
    lines = data.replace(b"\r\n", b"\n").split(b"\n")
    ends = (b"\n", b"\r\n", b"\r")
    return b"".join(ln + rng.choice(ends) for ln in lines[:-1]) + lines[-1]


def bom_mid_file(data: bytes, rng: random.Random, text: str) -> bytes:
    """A UTF-8 byte-order mark at the start of a line in mid-file (two files joined)."""
    lines = _lines(data)
    i = _body_line(lines, rng)
    lines[i] = b"\xef\xbb\xbf" + lines[i]
    return b"".join(lines)


def latin1_bytes(data: bytes, rng: random.Random, text: str) -> bytes:
    """A value with Latin-1 letters in a UTF-8 file (a line pasted from an old file)."""
    lines = _lines(data)
    i = _body_line(lines, rng)
    body = lines[i].rstrip(b"\r\n")
    cut = len(body) // 2
    lines[i] = body[:cut] + "Ørsted café".encode("latin-1") + lines[i][cut:]
    return b"".join(lines)


def _after_declaration(data: bytes, doctype: bytes) -> bytes:
    """``data`` with its DOCTYPE (if any) replaced by ``doctype``."""
    data = re.sub(rb"<!DOCTYPE[^>]*>\s*", b"", data, count=1)
    if data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        return data[:end] + b"\n" + doctype + data[end:]
    return doctype + b"\n" + data


def _root(data: bytes) -> bytes:
    body = re.sub(rb"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", b"", data)
    m = re.search(rb"<([A-Za-z]+)", body)
    return m.group(1) if m else b"x"


def _into_title(data: bytes, entity: bytes) -> bytes:
    return re.sub(rb"(<(?:ArticleTitle|title)>)", rb"\1" + entity, data, count=1)


def xml_undefined_entity(data: bytes, rng: random.Random, text: str) -> bytes:
    return _into_title(data, b"&nosuchentity;")


def xml_xxe_file(data: bytes, rng: random.Random, text: str) -> bytes:
    doctype = b'<!DOCTYPE %s [<!ENTITY xxe SYSTEM "file://%s">]>' % (
        _root(data),
        str(_SECRET_FILE[0]).encode(),
    )
    return _into_title(_after_declaration(data, doctype), b"&xxe;")


def xml_xxe_network(data: bytes, rng: random.Random, text: str) -> bytes:
    """An external entity on a host that never answers (10.255.255.1): must not be fetched."""
    doctype = b'<!DOCTYPE %s [<!ENTITY xxe SYSTEM "http://10.255.255.1/x">]>' % _root(data)
    return _into_title(_after_declaration(data, doctype), b"&xxe;")


def xml_parameter_entity(data: bytes, rng: random.Random, text: str) -> bytes:
    """An external DTD loaded through a parameter entity (the blind-XXE form)."""
    doctype = b'<!DOCTYPE %s [<!ENTITY %% ext SYSTEM "file://%s"> %%ext;]>' % (
        _root(data),
        str(_SECRET_FILE[0]).encode(),
    )
    return _after_declaration(data, doctype)


def xml_billion_laughs(data: bytes, rng: random.Random, text: str) -> bytes:
    ents = [b'<!ENTITY l0 "lol">']
    for k in range(1, 10):
        ents.append(b'<!ENTITY l%d "%s">' % (k, b"".join(b"&l%d;" % (k - 1) for _ in range(10))))
    doctype = b"<!DOCTYPE %s [%s]>" % (_root(data), b"".join(ents))
    return _into_title(_after_declaration(data, doctype), b"&l9;")


def xml_quadratic_blowup(data: bytes, rng: random.Random, text: str) -> bytes:
    """One 50 KB entity used 20,000 times (1 GB: no nesting for a depth limit to catch)."""
    doctype = b'<!DOCTYPE %s [<!ENTITY a "%s">]>' % (_root(data), b"a" * 50_000)
    return _into_title(_after_declaration(data, doctype), b"&a;" * 20_000)


def toml_duplicate_key(data: bytes, rng: random.Random, text: str) -> bytes:
    m = re.search(rb"(?m)^title = [^\n]+\n", data)
    return data[: m.end()] + m.group(0) if m else data


def toml_wrong_type(data: bytes, rng: random.Random, text: str) -> bytes:
    return re.sub(rb"(?m)^reviewers = \[[^\]]*\]", b'reviewers = "reviewer1"', data, count=1)


def toml_unknown_section(data: bytes, rng: random.Random, text: str) -> bytes:
    return data + b'\n[eligibilty]\ninclude = ["misspelt section"]\n'


Mutation = Callable[[bytes, random.Random, str], bytes]
# name -> (mutation, the kinds of text it applies to ('' every), must be refused). A cut at a
# record boundary leaves a valid, shorter file; an entity the reader must not expand is also
# refused when the kind's reader is a server (it never starts)
MUTATIONS: dict[str, tuple[Mutation, str, bool]] = {
    "cut-at-record-boundary": (cut_boundary, "", False),
    "cut-mid-record": (cut_mid_record, "tagged bibtex xml jsonl toml csv", True),
    "line-deleted": (line_deleted, "", False),
    "line-duplicated": (line_duplicated, "", False),
    "lines-swapped": (lines_swapped, "", False),
    "tag-renamed": (tag_renamed, "", False),
    "field-100k": (field_100k, "", False),
    "required-emptied": (required_emptied, "", False),
    "impossible-year": (impossible_year, "", False),
    "unbalanced": (unbalanced, "bibtex xml jsonl toml csv", True),
    "mixed-line-ends": (mixed_line_ends, "", False),
    "bom-mid-file": (bom_mid_file, "", False),
    "latin1-bytes": (latin1_bytes, "", True),
    "xml-undefined-entity": (xml_undefined_entity, "xml", True),
    "xml-xxe-file": (xml_xxe_file, "xml", True),
    "xml-xxe-network": (xml_xxe_network, "xml", True),
    "xml-parameter-entity": (xml_parameter_entity, "xml", True),
    "xml-billion-laughs": (xml_billion_laughs, "xml", True),
    "xml-quadratic-blowup": (xml_quadratic_blowup, "xml", True),
    "toml-duplicate-key": (toml_duplicate_key, "toml", True),
    "toml-wrong-type": (toml_wrong_type, "toml", True),
    "toml-unknown-section": (toml_unknown_section, "toml", True),
}
_SECRET_FILE: list[Path] = [Path("/nonexistent")]


def mutants(kind: str, good: Path, folder: Path, seed: int) -> list[tuple[str, Path, bool]]:
    """(mutation, damaged file, must be refused) for every mutation that applies to ``kind``."""
    text = KINDS[kind][2]
    data = good.read_bytes()
    out = []
    for name, (mutate, texts, must) in MUTATIONS.items():
        if texts and text not in texts.split():
            continue
        rng = random.Random(zlib.crc32(f"{seed}/{kind}/{name}".encode()))
        damaged = mutate(data, rng, text)
        if damaged == data:  # the mutation found nothing to damage in this file
            continue
        path = folder / f"{name}.{kind.rsplit('.', 1)[-1]}"
        path.write_bytes(damaged)
        out.append((name, path, must))
    return out


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its waited-for children (a trial in a real process)."""
    user, system, children_user, children_system, _ = os.times()
    return user + system + children_user + children_system


def main(argv: list[str]) -> int:
    seed = 15
    if "--seed" in argv:
        seed = int(argv[argv.index("--seed") + 1])
        argv = [a for a in argv if a not in ("--seed", str(seed))]
    word = argv[0] if argv else ""
    kinds = [k for k in KINDS if word in k]
    base = Path(tempfile.mkdtemp(prefix="mutate-"))
    os.chmod(base, 0o777)
    os.environ["REVIEWKIT_KEYS"] = str(base / "no-keymap.toml")
    _SECRET_FILE[0] = base / "secret.txt"
    _SECRET_FILE[0].write_text(SECRET + "\n", encoding="utf-8")
    started = time.monotonic()
    template, goods = sweep.make_template(base)
    by_flag: Counter[str] = Counter()
    found: list[str] = []
    tried = 0
    for kind in kinds:
        source, line, _text = KINDS[kind]
        good = Path(goods[source]) if source.isupper() else FIXTURES / source
        folder = base / "in" / kind
        folder.mkdir(parents=True)
        slot_name = line.split(" @")[0] + " @"
        process = line.startswith("pubmed serve")
        for name, path, must in mutants(kind, good, folder, seed):
            if process and not must:  # a server that starts serves until its time limit (20 s)
                continue
            tried += 1
            argv_ = [str(path) if tok == "@" else tok for tok in line.split(" ")]
            trial = sweep.Trial(slot_name, name, argv_, must, False, str(path), None)
            if process:
                trial.slot = "pubmed serve --snapshot"
            started_one = _cpu_seconds()
            flags = sweep.run_trial(trial, template, goods, base)
            said = sweep._LAST_OUTPUT[0]
            if must and not flags and sweep._LAST_CODE[0] == 0:  # the judge let it pass: a
                by_flag["warned (exit 0)"] += 1  # warning named the file (said, not silent)
            if SECRET in said:
                flags.append("leaked")
            if name.startswith("xml-") and _cpu_seconds() - started_one > 15:
                flags.append("slow")
            for flag in flags:
                by_flag[flag] += 1
            if flags:
                last = " / ".join(said.strip().splitlines()[-3:])[:300]
                found.append(f"| {kind} | {name} | {', '.join(flags)} | {last} |")
                print(f"{kind} [{name}]: {', '.join(flags)}: {last}", flush=True)
    sweep._unlock(base)
    shutil.rmtree(base, ignore_errors=True)
    commands = len({KINDS[k][1].split(" @")[0] for k in kinds})
    lines = sweep.results(
        "Mutation sweep (benchmarks/mutation_sweep.py)",
        f"seed {seed}: {len(kinds)} files × {len(MUTATIONS)} mutations (those that apply) × "
        f"{commands} commands: {tried} trials, {len(found)} flagged, "
        f"{time.monotonic() - started:.0f} s.",
        by_flag,
        ["file", "mutation"],
        found,
    )
    if not word:  # the rounds, kept by hand in mutation-sweep.md, are not written over
        (RESULTS / LAST_RUN).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[: 6 + len(by_flag)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
