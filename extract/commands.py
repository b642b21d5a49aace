"""`policykg extract`: read pages, speeches, JSON/JSONL or folders and print the record contract."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import click
from policykg.data import sample_corpus
from policykg.extract.ingest import IngestResult, read_paths
from policykg.extract.proposer import parse_proposer_text
from policykg.extract.records import SpeechRecord


def annotated(records: list[SpeechRecord], entities: bool) -> Iterator[SpeechRecord]:
    """The records, with entities and relations filled by the extraction pipeline unless disabled."""
    if not entities:
        return iter(records)
    from policykg.extract.pipeline import annotate  # spaCy loads only when entities are wanted

    return annotate(records)


def write_records(records: Iterable[SpeechRecord], out: TextIO, fmt: str) -> int:
    """Write records as JSONL (one object a line) or as one JSON array; returns how many."""
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(record.to_json() + "\n")
            count += 1
        return count
    items = [record.to_dict() for record in records]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(items)


def write_file(records: Iterable[SpeechRecord], target: Path, fmt: str) -> int:
    """Write to a temporary file beside the target and rename it: never a half-written file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            count = write_records(records, out, fmt)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count


def report(result: IngestResult) -> None:
    """Errors, one a line, then the summary, on stderr."""
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(result.summary(), err=True)


@click.command("extract")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="One JSON object a line, or one JSON array.",
)
@click.option(
    "--proposer",
    "proposer_text",
    metavar="NAME",
    help='Proposer of speeches whose text names none: a body, a name, or "roles name".',
)
@click.option(
    "--entities/--no-entities",
    default=True,
    show_default=True,
    help="Fill entities and relations with the extraction pipeline (spaCy).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (atomically) instead of standard output.",
)
def extract_command(
    paths: tuple[Path, ...], fmt: str, proposer_text: str | None, entities: bool, output: Path | None
) -> None:
    """Read PATH… (pages, speeches, .json/.jsonl, folders) and print one record per speech.

    With no PATH the sample page shipped with policykg is read. Files that fail are reported on
    stderr with file and line, the others are still printed; a summary ends the run and the exit
    code is 1 when anything failed.
    """
    proposer = parse_proposer_text(proposer_text) if proposer_text else None
    result = read_paths(list(paths) or [sample_corpus()], proposer)
    records = annotated(result.records, entities)
    if output is not None:
        write_file(records, output, fmt)
    else:
        write_records(records, sys.stdout, fmt)
    report(result)
    if not result.ok:
        sys.exit(1)
