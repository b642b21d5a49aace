"""CLI commands of the graph: ``policykg build``, ``policykg query …`` and ``policykg export``.

Backend: ``--neo4j`` or ``POLICYKG_BACKEND=neo4j`` (driver settings from ``NEO4J_URI``,
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``); otherwise the embedded file
(``--store PATH``, ``POLICYKG_STORE``, default ``~/.local/share/policykg/graph.json``).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from policykg.errors import PolicykgError
from policykg.extract.records import SpeechRecord
from policykg.graph import export as graph_export
from policykg.graph.connect import StoreSettings, open_store
from policykg.graph.model import document_rows, group_by_document
from policykg.graph.schema import ENTITY_LABELS, LABELS


# == shared options ================================================================================
def backend_options(command: Callable) -> Callable:
    """``--neo4j`` and ``--store PATH``."""
    command = click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path),
                           help="Embedded store file (default $POLICYKG_STORE or "
                                "~/.local/share/policykg/graph.json).")(command)
    return click.option("--neo4j", "use_neo4j", is_flag=True,
                        help="Use Neo4j (NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE) "
                             "instead of the embedded store; also POLICYKG_BACKEND=neo4j.")(command)


def settings_of(use_neo4j: bool, store_path: Path | None, **extra: Any) -> StoreSettings:
    """Store settings from the environment and the command's options."""
    return StoreSettings.from_env(backend="neo4j" if use_neo4j else None, store_path=store_path, **extra)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value: Any, limit: int = 48) -> str:
    text = " ".join(str("" if value is None else value).split())
    while _width(text) > limit:
        text = text[:-2] + "…"
    return text


def echo_table(headers: list[str], rows: Iterable[list[Any]]) -> None:
    """A plain text table whose columns line up for Chinese (double-width) text too."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    click.echo(line(headers))
    click.echo(line(["-" * w for w in widths]))
    for row in cells:
        click.echo(line(row))


# == build =========================================================================================
@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@backend_options
@click.option("--batch-size", type=click.IntRange(min=1), help="Rows per UNWIND batch on Neo4j (default 5000).")
@click.option("--transaction-rows", type=click.IntRange(min=1),
              help="Rows per Neo4j transaction (default 20000): consecutive documents share one, a document is "
                   "never split; 1 gives every document its own transaction.")
def build_command(paths: tuple[Path, ...], use_neo4j: bool, store_path: Path | None, batch_size: int | None,
                  transaction_rows: int | None) -> None:
    """Extract PATHs (default: the sample corpus) and load them into the graph.

    Each document is loaded whole or not at all; a file that fails to read, extract or validate
    is reported and nothing from it is written. Exit code 1 when any file failed.
    """
    from policykg.data import sample_corpus
    from policykg.extract.ingest import read_paths

    result = read_paths(list(paths) or [sample_corpus()])
    failures = [str(e) for e in result.errors]
    records = _annotate(result.records, failures)
    settings = settings_of(use_neo4j, store_path, batch_size=batch_size, transaction_rows=transaction_rows)
    with open_store(settings, ensure_schema=True) as store:
        summary = _load(store, records)
        counts = store.counts()
    _report(store.backend, summary, counts, failures)
    if failures:
        raise click.exceptions.Exit(1)


def _annotate(records: list[SpeechRecord], failures: list[str]) -> list[SpeechRecord]:
    """Records with entities, one document at a time; a failed document is reported and left out."""
    from policykg.extract.pipeline import annotate

    kept: list[SpeechRecord] = []
    groups = group_by_document(records)
    with tqdm(total=len(records), desc="extract", unit="speech", disable=None) as bar:
        for document_id, group in groups.items():
            try:
                annotated = list(annotate(group))
                document_rows(annotated)
            except PolicykgError as exc:
                failures.append(f"{group[0].document.source}: {exc}")
            else:
                kept += annotated
            bar.update(len(group))
    return kept


def _load(store, records: list[SpeechRecord]) -> dict[str, Any]:
    documents = len(group_by_document(records))
    with tqdm(total=documents, desc="load", unit="doc", disable=None) as bar:
        return store.load(records, on_document=lambda _doc, _outcome: bar.update(1))


def _report(backend: str, summary: dict[str, Any], counts: dict[str, dict[str, int]], failures: list[str]) -> None:
    for failure in failures:
        click.echo(f"failed: {failure}", err=True)
    click.echo(f"{backend} store: {len(summary['loaded'])} loaded, {len(summary['replaced'])} replaced, "
               f"{len(summary['unchanged'])} unchanged documents; {summary['rows']} rows written; "
               f"{len(failures)} failed")
    nodes = ", ".join(f"{k} {v}" for k, v in counts["nodes"].items() if v)
    rels = ", ".join(f"{k} {v}" for k, v in counts["relationships"].items() if v)
    click.echo(f"nodes: {nodes or 'none'}")
    click.echo(f"relationships: {rels or 'none'}")


# == query =========================================================================================
@click.group("query")
def query_group() -> None:
    """Ask the graph: who proposed what, overlaps between proposers, search."""


@query_group.command("who-proposed")
@click.option("--type", "type_", type=click.Choice(ENTITY_LABELS), help="Entity type, e.g. Fund.")
@click.option("--q", help="Words or a Chinese substring of the entity's names, e.g. 'pilot' or 中试.")
@click.option("--concept", help="Concept id, name or English name, e.g. 'guidance fund'.")
@click.option("--limit", type=click.IntRange(1), help="Most hits shown (all by default), most entities first.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Hits skipped before the first shown.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@backend_options
def who_proposed_command(type_, q, concept, limit, offset, as_json, use_neo4j, store_path) -> None:
    """Bodies and persons who proposed matching entities (a person's speech also counts for the
    bodies they hold roles in: path 'role')."""
    with open_store(settings_of(use_neo4j, store_path)) as store:
        page = store.who_proposed_page(type=type_, q=q, concept=concept, limit=limit, offset=offset)
    hits = page["hits"]
    if len(hits) < page["count"]:
        click.echo(f"hits {offset + 1}–{offset + len(hits)} of {page['count']}", err=True)
    if as_json:
        return echo_json(hits)
    echo_table(["proposer", "path", "via", "entities", "evidence"], (
        [h["proposer"]["name"], h["path"], (h["via"] or {}).get("name", ""),
         "、".join(e["name"] for e in h["entities"]), h["evidence"][0]["sentence"] if h["evidence"] else ""]
        for h in hits))


@query_group.command("overlap")
@click.argument("a")
@click.argument("b")
@click.option("--level", type=click.Choice(["entity", "concept"]), default="entity", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@backend_options
def overlap_command(a, b, level, as_json, use_neo4j, store_path) -> None:
    """What proposers A and B (ids or names) both propose or mention, and what only one does."""
    with open_store(settings_of(use_neo4j, store_path)) as store:
        result = store.overlap(a, b, level=level)
    if as_json:
        return echo_json(result)
    click.echo(f"{result['a']['name']} × {result['b']['name']} ({level}): "
               f"{len(result['shared'])} shared, Jaccard {result['jaccard']:.3f}")
    rows = [[side, i["type"], i["name"], i["name_en"]] for side, key in
            (("shared", "shared"), ("only A", "only_a"), ("only B", "only_b")) for i in result[key]]
    echo_table(["", "type", "name", "name_en"], rows)


@query_group.command("search")
@click.argument("q")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@backend_options
def search_command(q, limit, as_json, use_neo4j, store_path) -> None:
    """Entities, bodies, persons and concepts whose names, aliases or English names match Q."""
    with open_store(settings_of(use_neo4j, store_path)) as store:
        items = store.search(q, limit=limit)
    if as_json:
        return echo_json(items)
    echo_table(["id", "type", "name", "name_en"], ([i["id"], i["type"], i["name"], i["name_en"]] for i in items))


# == export ========================================================================================
@click.command("export")
@click.option("--format", "format_", type=click.Choice(graph_export.FORMATS), required=True)
@click.option("--center", help="Id of the centre node (default: the whole graph).")
@click.option("--hops", type=click.IntRange(0, 6), default=1, show_default=True)
@click.option("--types", help="Keep only nodes with these labels, comma-separated, e.g. Fund,Body.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file (csv: a .zip file, or else a directory).")
@backend_options
def export_command(format_, center, hops, types, output, use_neo4j, store_path) -> None:
    """Write the graph, or the neighbourhood of --center, as GraphML, GEXF, JSON, Cypher or CSV."""
    labels = [t.strip() for t in types.split(",") if t.strip()] if types else None
    for label in labels or []:
        if label not in LABELS:
            raise click.BadParameter(f"unknown label {label!r}; known: {', '.join(LABELS)}", param_hint="--types")
    with open_store(settings_of(use_neo4j, store_path)) as store:
        subgraph = store.subgraph(center, hops=hops, types=labels)
    written = graph_export.write_export(subgraph, format_, output)
    click.echo(f"{len(subgraph['nodes'])} nodes, {len(subgraph['relationships'])} relationships → "
               f"{', '.join(str(p) for p in written[:3])}{' …' if len(written) > 3 else ''}")
