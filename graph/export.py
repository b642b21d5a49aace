"""Exports of a subgraph (the ``Subgraph`` shape of :mod:`policykg.graph.store`).

Formats
-------
graphml  GraphML via networkx. Node attributes: ``labels`` (``"Entity:Fund"``), ``label`` (a display
         name) and the node's properties; edge attributes: ``type`` and its properties. List
         values (aliases) are JSON strings, since GraphML attributes are scalars.
gexf     GEXF 1.2 via networkx, the same attributes, except that ``start``/``end`` (reserved by
         GEXF for time spans) are written as ``span_start``/``span_end`` and the relationship
         type (GEXF's edge ``type`` means directed/undirected) as ``rel_type`` and edge label.
json     networkx node-link JSON (``{"directed", "multigraph", "graph", "nodes", "edges"}``);
         lists stay lists. Read it back with ``networkx.node_link_graph(data, edges="edges")``.
cypher   A parameter-free Cypher script of ``MERGE`` statements that recreates the subgraph
         (run it with cypher-shell or paste it into Neo4j Browser; re-running it changes nothing).
csv      neo4j-admin import files: ``nodes_<Label>.csv`` per label (entity files per type
         label) and ``relationships_<TYPE>_<Source>_<Target>.csv``, typed headers
         (``id:ID(<Label>)``, ``aliases:string[]``, ``start:int``, ``:LABEL``, ``:START_ID(..)``,
         ``:END_ID(..)``, ``:TYPE``), plus ``import.sh`` with the ``neo4j-admin database import
         full`` command that reads them.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from policykg.errors import ValidationError
from policykg.graph import schema as S

FORMATS = ("graphml", "gexf", "json", "cypher", "csv")
ARRAY_DELIMITER = ";"
GEXF_RESERVED = {"start": "span_start", "end": "span_end"}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# == networkx formats ==============================================================================
def display_name(node: dict[str, Any]) -> str:
    """A node's name, title, heading or id, for viewers that show one label per node."""
    props = node["properties"]
    return str(props.get("name") or props.get("title") or props.get("heading") or node["id"])


def _scalar(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def to_networkx(subgraph: dict[str, Any], scalar: bool = False, rename: dict[str, str] | None = None,
                type_key: str = "type") -> nx.MultiDiGraph:
    """The subgraph as a MultiDiGraph; `scalar` turns lists into JSON strings, `rename` renames
    property keys, `type_key` names the edge attribute holding the relationship type."""
    rename = rename or {}
    fix = (lambda v: _scalar(v)) if scalar else (lambda v: v)
    graph = nx.MultiDiGraph()
    for node in subgraph["nodes"]:
        attrs = {rename.get(k, k): fix(v) for k, v in node["properties"].items() if v is not None}
        attrs |= {"labels": ":".join(node["labels"]), "label": display_name(node)}
        graph.add_node(node["id"], **attrs)
    for i, rel in enumerate(subgraph["relationships"]):
        attrs = {rename.get(k, k): fix(v) for k, v in rel["properties"].items() if v is not None}
        attrs[type_key] = rel["type"]
        if type_key != "type":
            attrs["label"] = rel["type"]
        graph.add_edge(rel["source"], rel["target"], key=f"e{i}", **attrs)
    return graph


def to_graphml(subgraph: dict[str, Any]) -> str:
    """GraphML text of the subgraph."""
    return "\n".join(nx.generate_graphml(to_networkx(subgraph, scalar=True))) + "\n"


def to_gexf(subgraph: dict[str, Any]) -> str:
    """GEXF text of the subgraph (``start``/``end`` written as ``span_start``/``span_end``)."""
    return "\n".join(nx.generate_gexf(to_networkx(subgraph, scalar=True, rename=GEXF_RESERVED, type_key="rel_type"))) + "\n"


def to_json(subgraph: dict[str, Any]) -> str:
    """networkx node-link JSON of the subgraph."""
    data = nx.node_link_data(to_networkx(subgraph), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# == Cypher script =================================================================================
def cypher_literal(value: Any) -> str:
    """A Cypher literal for a property value: strings single-quoted with escapes, lists, numbers.

    >>> cypher_literal("it's 中试\\n")
    "'it\\\\'s 中试\\\\n'"
    >>> cypher_literal([1, "a"])
    "[1, 'a']"
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(f"cannot write the number {value!r} as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return "'" + "".join(_escape_char(c) for c in value) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise ValidationError(f"cannot write a {type(value).__name__} as a Cypher property value")


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    return f"\\u{ord(char):04x}" if ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 else char


def _key(name: str) -> str:
    return name if _IDENT.match(name) else "`" + name.replace("`", "``") + "`"


def _map(props: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in sorted(props.items())
                           if v is not None) + "}"


def _labels_of(node: dict[str, Any]) -> tuple[str, list[str]]:
    labels = [S.check_label(label) for label in node["labels"]]
    base = S.primary_label(labels)
    return base, sorted(label for label in labels if label != base)


def to_cypher(subgraph: dict[str, Any]) -> str:
    """A Cypher script (one statement per line, ``;``-terminated) that recreates the subgraph."""
    base_of = {n["id"]: _labels_of(n)[0] for n in subgraph["nodes"]}
    lines = [f"// policykg subgraph: {len(subgraph['nodes'])} nodes, "
             f"{len(subgraph['relationships'])} relationships. Idempotent: MERGE by id."]
    for node in subgraph["nodes"]:
        base, extra = _labels_of(node)
        props = {k: v for k, v in node["properties"].items() if k != "id"}
        set_labels = "".join(f", n:{label}" for label in extra)
        lines.append(f"MERGE (n:{base} {{id: {cypher_literal(node['id'])}}}) SET n += {_map(props)}{set_labels};")
    for rel in subgraph["relationships"]:
        type_ = S.check_rel_type(rel["type"])
        a, b = base_of[rel["source"]], base_of[rel["target"]]
        lines.append(f"MATCH (a:{a} {{id: {cypher_literal(rel['source'])}}}), (b:{b} {{id: "
                     f"{cypher_literal(rel['target'])}}}) MERGE (a)-[:{type_} {_map(rel['properties'])}]->(b);")
    return "\n".join(lines) + "\n"


# == neo4j-admin import CSV ========================================================================
def _csv_type(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {bool} and kinds:
        return ":boolean"
    if kinds <= {int} and kinds:
        return ":int" if all(-2**31 <= v < 2**31 for v in values if v is not None) else ":long"
    if kinds <= {int, float} and kinds:
        return ":double"
    if kinds <= {list, tuple} and kinds:
        return ":string[]"
    return ""


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        for item in value:
            if ARRAY_DELIMITER in str(item):
                raise ValidationError(f"the list value {item!r} holds the array delimiter {ARRAY_DELIMITER!r}")
        return ARRAY_DELIMITER.join(str(v) for v in value)
    return str(value)


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _typed_columns(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    keys = sorted({k for r in records for k in r})
    return [(k, _csv_type([r.get(k) for r in records])) for k in keys]


def to_csv_files(subgraph: dict[str, Any]) -> dict[str, str]:
    """{file name: CSV text} for ``neo4j-admin database import full``, plus ``import.sh``."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    base_of: dict[str, str] = {}
    for node in subgraph["nodes"]:
        base, extra = _labels_of(node)
        base_of[node["id"]] = base
        groups[(base, extra[0] if extra else base)].append(node)
    files = {f"nodes_{name}.csv": _node_file(base, nodes) for (base, name), nodes in sorted(groups.items())}
    rels: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel in subgraph["relationships"]:
        rels[(S.check_rel_type(rel["type"]), base_of[rel["source"]], base_of[rel["target"]])].append(rel)
    for (type_, a, b), group in sorted(rels.items()):
        files[f"relationships_{type_}_{a}_{b}.csv"] = _rel_file(a, b, group)
    files["import.sh"] = import_script(sorted(files))
    return files


def _node_file(base: str, nodes: list[dict[str, Any]]) -> str:
    props = [{k: v for k, v in n["properties"].items() if k != "id"} for n in nodes]
    columns = _typed_columns(props)
    header = [f"id:ID({base})", *(f"{k}{t}" for k, t in columns), ":LABEL"]
    rows = [[n["id"], *(_csv_value(p.get(k)) for k, _ in columns), ARRAY_DELIMITER.join(n["labels"])]
            for n, p in zip(nodes, props)]
    return _csv_text(header, rows)


def _rel_file(source: str, target: str, rels: list[dict[str, Any]]) -> str:
    columns = _typed_columns([r["properties"] for r in rels])
    header = [f":START_ID({source})", f":END_ID({target})", ":TYPE", *(f"{k}{t}" for k, t in columns)]
    rows = [[r["source"], r["target"], r["type"], *(_csv_value(r["properties"].get(k)) for k, _ in columns)]
            for r in rels]
    return _csv_text(header, rows)


def import_script(names: list[str]) -> str:
    """A shell script running neo4j-admin over the CSV files (into an empty, stopped database)."""
    args = [f"  --nodes={n} \\" for n in names if n.startswith("nodes_")]
    args += [f"  --relationships={n} \\" for n in names if n.startswith("relationships_")]
    return "\n".join([
        "#!/bin/sh",
        "# Import these files into an empty, stopped database (default: neo4j) with neo4j-admin 5.",
        "# Speech texts span lines, hence --multiline-fields; lists use the ';' array delimiter;",
        "# empty strings and empty lists are not stored (neo4j-admin reads empty fields as absent).",
        'cd "$(dirname "$0")"',
        'neo4j-admin database import full "${1:-neo4j}" --multiline-fields=true \\',
        f"  --array-delimiter='{ARRAY_DELIMITER}' --id-type=string \\",
        *args,
    ]).rstrip(" \\") + "\n"


# == writing files =================================================================================
RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "graphml": to_graphml, "gexf": to_gexf, "json": to_json, "cypher": to_cypher,
}
"""Single-file formats: format name → function of a subgraph returning the file's text."""


def write_export(subgraph: dict[str, Any], format: str, path: Path) -> list[Path]:
    """Write a subgraph in `format` to `path` (for csv: a .zip file, or else a directory).

    Files are written whole or not at all (temporary name, then rename). Returns the paths written.
    """
    if format not in FORMATS:
        raise ValidationError(f"unknown export format {format!r}; known: {', '.join(FORMATS)}")
    if format != "csv":
        return [_write_atomic(path, RENDERERS[format](subgraph).encode("utf-8"))]
    files = to_csv_files(subgraph)
    if path.suffix == ".zip":
        return [_write_atomic(path, _zip(files))]
    path.mkdir(parents=True, exist_ok=True)
    return [_write_atomic(path / name, text.encode("utf-8")) for name, text in files.items()]


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(files.items()):
            archive.writestr(name, text)
    return buffer.getvalue()


def _write_atomic(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
