"""``reviewkit simulate``: replay a labelled dataset in ranked order and report WSS@95 and recall."""

from __future__ import annotations

from pathlib import Path

import click

from reviewkit import output_kinds, outputs
from reviewkit.cli._common import Given, OutputPath, csv_option, progress_bar, say_warnings
from reviewkit.errors import UserError
from reviewkit.wording import quantity


# its own note where every other command's says its examples run in the demo project
# (cli.EXAMPLES_NOTE): simulate reads no project
@click.command(
    "simulate",
    epilog="DATASET is another review's labelled set, not a project: the README's 'Screening"
    " prioritisation and simulation' says where the sets of the example are.",
)
@click.argument("dataset", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--label-column",
    default="label_included",
    show_default=True,
    type=Given("column name"),
    help="Column holding 1 (include) / 0.",
)
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=click.IntRange(0, 2**32 - 1),  # numpy's RandomState takes these seeds only
    help="Seed for the prior include/exclude.",
)
@click.option(
    "--plot",
    "plot_path",
    type=OutputPath(dir_okay=False, figure=True),
    help="Write the recall curve (PNG).",
)
@csv_option("csv_path", "Write the screening order (CSV).")
@click.option(
    "--from-zero",
    is_flag=True,
    help="No priors: screen from the top of the queue, the model from 5 includes and 5 excludes.",
)
@click.option(
    "--protocol",
    "protocol_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --from-zero: order the queue by this protocol's terms before the model.",
)
def simulate_command(
    dataset: Path,
    label_column: str,
    seed: int,
    plot_path: Path | None,
    csv_path: Path | None,
    from_zero: bool,
    protocol_path: Path | None,
) -> None:
    """Simulate screening DATASET.csv (title, abstract, label column) in ranked order.

    Starts from one random include and one random exclude (as ASReview does), retrains as
    labels are revealed, stops at the last include. Reports WSS@95, recall after 10 % and
    20 % screened, and the time the simulation took (reading the set not counted).

    With --from-zero it starts as the screen does: no priors, the queue in the seeded random
    order (or, with --protocol, the protocol's cold-start order) until 5 includes and 5
    excludes, then the model; every record counts in the figures.

    Example: reviewkit simulate Cohen_2006_ADHD.csv --seed 1 --plot adhd.png
    """
    from reviewkit.ranking.simulate import (
        load_labelled_set,
        plot_recall,
        simulate,
        simulate_from_zero,
    )

    if plot_path is not None and plot_path.suffix.lower() != ".png":
        raise UserError(
            "the plot must be a .png file",
            where=str(plot_path),
            hint=f"name it {plot_path.with_suffix('.png')}: the recall curve is drawn as PNG",
        )
    if csv_path is not None:  # the labelled set was replaced by the screening order
        output_kinds.check_not_input(csv_path, dataset, "--csv")
    if protocol_path is not None and not from_zero:
        raise UserError("--protocol needs --from-zero", hint="the priors leave no cold start")
    protocol = _protocol_text(protocol_path) if protocol_path is not None else None
    data = load_labelled_set(dataset, label_column)  # fail fast, before any progress bar or output
    say_warnings(dataset, data.warnings)
    if from_zero:
        result = simulate_from_zero(data, label_column, seed, protocol=protocol)
    else:
        with progress_bar("includes found") as update:
            result = simulate(data, label_column, seed, progress=update)
    zero = (
        f"from zero, {result.cold_start} order before the model: 1st include after "
        f"{result.screened_until(1)}, 5th after {result.screened_until(5)} records\n"
        if from_zero
        else ""
    )
    click.echo(
        f"{result.dataset}: {quantity(result.n_records, 'record')}, "
        f"{quantity(result.n_includes, 'include')} ({label_column}), seed {seed}\n"
        f"{zero}"
        f"WSS@95      {result.wss95:.3f}\n"
        f"recall@10%  {result.recall_at_10:.3f}\n"
        f"recall@20%  {result.recall_at_20:.3f}\n"
        f"time        {result.seconds:.2f} s wall, {result.cpu_seconds:.2f} s CPU ({result.n_fits} model fits)"
    )
    if csv_path is not None:
        curve = [0.0] * result.n_prior + result.recall_curve().tolist()  # priors: no recall
        outputs.write_csv(
            csv_path,
            ["position", "row", "label", "recall"],
            (
                [pos, row + 1, label, f"{curve[pos - 1]:.4f}"]
                for pos, (row, label) in enumerate(
                    zip(result.order, result.labels_in_order, strict=True), start=1
                )
            ),
        )
        click.echo(f"order written to {csv_path}")
    if plot_path is not None:
        plot_recall(result, plot_path)
        click.echo(f"recall curve written to {plot_path}")


def _protocol_text(path: Path):  # -> reviewkit.ranking.cold_start.ProtocolText
    """The cold start's text of a protocol file (ProtocolError, exit 2, when it is not one)."""
    from reviewkit.protocol.validate import load
    from reviewkit.ranking.cold_start import ProtocolText
    from reviewkit.ranking.queue import protocol_text

    return ProtocolText(**protocol_text(load(path)))


COMMANDS = [simulate_command]
