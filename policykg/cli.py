"""The `policykg` command line. Errors of the package become clean messages here and only here."""

from __future__ import annotations

import click

from policykg import __version__
from policykg.errors import PolicykgError


class _Group(click.Group):
    """A group that turns any PolicykgError into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicykgError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def main() -> None:
    """policykg: a knowledge graph of Chinese policy recommendations."""


# Commands are defined next to what they drive and registered here, in one place.
from policykg.extract.evaluate import eval_command  # noqa: E402

main.add_command(eval_command)
from policykg.api.commands import serve  # noqa: E402

main.add_command(serve)
from policykg.extract.commands import extract_command  # noqa: E402

main.add_command(extract_command)
from policykg.graph.commands import build_command, export_command, query_group  # noqa: E402

main.add_command(build_command)
main.add_command(query_group)
main.add_command(export_command)
