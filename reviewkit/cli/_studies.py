"""What the classification and extraction commands share: the studies they work on (--all),
the reviewer option, a study named by RECORD, KEY=VALUE arguments and the warnings about them."""

from __future__ import annotations

import click

from reviewkit.cli._project import reviewer_option_with
from reviewkit.cli._written import no_records, nothing_included_all
from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.wording import quantity

all_option = click.option(
    "--all",
    "all_studies",
    is_flag=True,
    help="Every study, not only those included at the last screening stage.",
)


reviewer_option = reviewer_option_with(
    "Your name as the protocol lists it (a reviewer or a lead), recorded with each label"
    " or value you give."
)


def chosen_studies(project: Project, all_studies: bool) -> list[int]:
    """The included studies (at the last screening stage), or with --all every study."""
    from reviewkit.reports.studies import all_reports as every
    from reviewkit.reports.studies import included_reports

    return every(project) if all_studies else included_reports(project)


def why_none(all_studies: bool) -> str:
    """Why :func:`chosen_studies` found none, and what to do (with --all: the project has no records)."""
    return no_records() if all_studies else nothing_included_all()


def counted(ids: list[int], study: dict[int, int]) -> str:
    """'6 studies', or '6 reports of 5 studies' when a person linked reports of one study
    (``study``: record id -> its study, :func:`reviewkit.classify.study_map`): classify and the
    extraction sheet take each report (as the study), and `status` counts the studies.
    The same with --all: the counts per label above the line count studies too."""
    studies = len({study.get(r, r) for r in ids})
    if studies == len(ids):
        return quantity(len(ids), "study")
    return f"{quantity(len(ids), 'report')} of {quantity(studies, 'study')}"


def warn_unless_included(project: Project, rid: int, shown: str) -> None:
    """A value or label stored for a study not included at the last stage (a typo in its id,
    or a study excluded since) is kept, but no report shows it yet: say so on stderr."""
    if rid not in chosen_studies(project, False):
        click.echo(
            f"warning: study {rid} is not among the included studies; {shown} once it is included",
            err=True,
        )


def key_value(text: str, form: str, hint: str = "") -> tuple[str, str]:
    """'KEY=VALUE' as (KEY, VALUE); a UserError naming ``form`` when there is no '='."""
    if "=" not in text:
        raise UserError(f"{text!r} is not {form}", hint=hint)
    key, _, value = text.partition("=")
    return key, value


def study_named(project: Project, record: str) -> int:
    """The study (canonical record id) a RECORD argument names: id, pmid:N or doi:10.…"""
    from reviewkit.reports.studies import canonical_id
    from reviewkit.screening import find_record

    return canonical_id(project, find_record(project.db, record))
