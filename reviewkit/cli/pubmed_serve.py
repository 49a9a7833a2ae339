"""``reviewkit pubmed serve``: the local E-utilities server over a PubMed snapshot."""

from __future__ import annotations

from pathlib import Path

import click

from reviewkit.cli._common import Given, err_console, progress_bar
from reviewkit.errors import FormatError, Interrupted


@click.group("pubmed")
def pubmed_group() -> None:
    """The local E-utilities server over a PubMed snapshot (for tests, demos, offline work)."""


# serve reads PubMed XML only: it has no --format to choose another reader
_SNAPSHOT_HINT = (
    "--snapshot takes NLM PubMed XML files (<PubmedArticleSet>, as efetch with retmode=xml"
    " or the NLM FTP site gives them, .xml or .xml.gz); without --snapshot the offline"
    " snapshot is served"
)


@pubmed_group.command("serve")
@click.option(
    "--snapshot",
    "files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="NLM PubMed XML file(s) (default: the offline snapshot), applied as NLM applies them:"
    " files NLM names pubmedYYnNNNN by year and number, baseline before update files, whatever"
    " the order given (a later record replaces the earlier, a DeleteCitation removes); other"
    " files in the order given.",
)
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port on 127.0.0.1 (0: any free port).",
)
@click.option(
    "--faults",
    default=None,
    type=Given("fault list"),
    metavar="SPEC",
    help="Random faults, e.g. '500@0.1,cut@0.05,slow@0.05:1.5,drop@0.02,429@0.05'.",
)
@click.option("--seed", default=0, show_default=True, help="Seed of the random faults.")
@click.option(
    "--no-rate-limit", is_flag=True, help="Do not enforce NCBI's 3 (10 with a key) requests/s."
)
def serve_command(
    files: tuple[Path, ...], port: int, faults: str | None, seed: int, no_rate_limit: bool
) -> None:
    """Serve einfo/esearch/efetch on 127.0.0.1 over a PubMed snapshot until Ctrl-C.

    Example: reviewkit pubmed serve --port 8765 --faults 500@0.05
    """
    from reviewkit.files import check_regular
    from reviewkit.pubmed.server import NCBI_RATE, NCBI_RATE_WITH_KEY, parse_faults, serve_forever
    from reviewkit.pubmed.snapshot import index_path

    plan = parse_faults(faults or "", seed=seed)
    if not files:
        from reviewkit.offline_data import pubmed_snapshot_files

        files = tuple(pubmed_snapshot_files())
    for f in files:  # a folder was 'not found'; a FIFO would wait for a writer forever
        check_regular(f, "PubMed XML file", missing="snapshot file not found")

    served: list[str] = []  # the server's URL once it listens

    def ready(server) -> None:  # type: ignore[no-untyped-def]
        served.append(server.base_url)
        click.echo(
            f"serving {server.snapshot.article_count} articles at {server.base_url}", err=True
        )
        click.echo(f"  e.g. reviewkit search run --all --base-url {server.base_url}", err=True)

    index = index_path(list(files))
    if index.exists():  # nothing to index: a bar here sat at "0/?" while the server started
        click.echo(f"reusing the snapshot index {index} (built before)", err=True)
    else:
        _index_snapshot(files, index)
    try:
        serve_forever(
            list(files),
            port=port,
            faults=plan,
            ready=ready,
            rate_limits=None if no_rate_limit else (NCBI_RATE, NCBI_RATE_WITH_KEY),
        )
    except KeyboardInterrupt:  # Ctrl-C is how the server ends: say so (exit 130, as elsewhere)
        raise Interrupted(
            f"stopped the local server at {served[0]} (Ctrl-C)"
            if served
            else "interrupted before the local server started; nothing was served"
        ) from None


def _index_snapshot(files: tuple[Path, ...], index: Path) -> None:
    """Build the snapshot's index (or wait for another process's build of it), saying so."""
    from reviewkit.formats.not_export import XmlRefusal
    from reviewkit.pubmed.snapshot import build_index

    # the bar draws nothing when stderr is no terminal (`serve > serve.log 2>&1 &`, a
    # service's log): the build then says each stage in plain lines, as the demo's does.
    # Its opening two (it starts; the count) wait for a third: a file that is no PubMed XML
    # fails before any article is indexed, and its error then stands alone (bad input).
    opening: list[str] | None = []
    waited: list[str] = []  # another process's build waited for: its index is used
    built: list[int] = []  # this process built it (the one waited for was killed, or failed)

    def lines(line: str) -> None:
        nonlocal opening
        if opening is not None:  # held until the build is past its opening two lines
            opening.append(line)
            if len(opening) < 3:
                return
            line, opening = "\n".join(opening), None
        click.echo(line, err=True)

    def waiting(line: str) -> None:
        waited.append(line)
        click.echo(line, err=True)

    with progress_bar("indexing the snapshot (once)") as update:

        def progress(done: int, total: int) -> None:  # a build here calls it, from its start
            built.append(done)
            update(done, total)

        try:
            build_index(
                files,
                progress=progress,
                stages=None if err_console.is_terminal else lines,
                waiting=waiting,
            )
        except FormatError as exc:  # the XML reader's hint may name import's --format,
            # or what to export instead of a file of another kind: serve takes PubMed XML
            if "--format" in exc.hint or isinstance(exc, XmlRefusal):
                exc.hint = _SNAPSHOT_HINT
            raise
    if waited and not built:
        click.echo(f"using the snapshot index {index} (the other process built it)", err=True)
    else:
        click.echo(f"indexed the snapshot into {index} (later runs reuse it)", err=True)


COMMANDS = [pubmed_group]
