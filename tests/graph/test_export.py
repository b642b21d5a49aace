"""Exports read back: networkx for GraphML/GEXF/JSON, Neo4j for the Cypher script, neo4j-admin for CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from policykg.graph import export as X
from policykg.graph.embedded import EmbeddedStore

REPO = Path(__file__).resolve().parents[2]
CLASSPATH = REPO / "scripts" / "neo4j-local" / "target" / "classpath.txt"


@pytest.fixture()
def graph(tmp_path, records):
    store = EmbeddedStore(tmp_path / "g.json")
    store.load(records)
    return store


def expected_nodes(subgraph):
    return {n["id"]: {**n["properties"], "labels": ":".join(n["labels"])} for n in subgraph["nodes"]}


def expected_edges(subgraph):
    return sorted((r["source"], r["target"], r["type"], json.dumps(r["properties"], sort_keys=True))
                  for r in subgraph["relationships"])


def read_back(graph: nx.MultiDiGraph, type_key="type", rename=None, lists_as_json=True):
    """Nodes and edges of a read-back graph in the shapes of expected_nodes/expected_edges."""
    rename = rename or {}

    def decode(key, value):
        return json.loads(value) if key == "aliases" and lists_as_json else value

    nodes = {n: {rename.get(k, k): decode(k, v) for k, v in d.items() if k != "label"} | {"id": n}
             for n, d in graph.nodes(data=True)}
    edges = []
    for u, v, d in graph.edges(data=True):
        props = {rename.get(k, k): val for k, val in d.items() if k not in (type_key, "label", "id", "networkx_key")}
        edges.append((u, v, d[type_key], json.dumps(props, sort_keys=True)))
    return nodes, sorted(edges)


@pytest.mark.parametrize("center, hops, types", [(None, 1, None), ("fund:重庆中试熟化基金", 2, None),
                                                 ("doc:alpha", 3, ["Speech", "Fund", "Body"])])
def test_graphml_gexf_and_json_read_back_equal(graph, tmp_path, center, hops, types):
    sub = graph.subgraph(center, hops=hops, types=types)
    graphml = nx.read_graphml(io.BytesIO(X.to_graphml(sub).encode()), force_multigraph=True)
    assert read_back(graphml) == (expected_nodes(sub), expected_edges(sub))
    gexf = nx.read_gexf(io.BytesIO(X.to_gexf(sub).encode()))
    renamed = {v: k for k, v in X.GEXF_RESERVED.items()}
    assert read_back(gexf, type_key="rel_type", rename=renamed) == (expected_nodes(sub), expected_edges(sub))
    node_link = nx.node_link_graph(json.loads(X.to_json(sub)), edges="edges")
    assert read_back(node_link, lists_as_json=False) == (expected_nodes(sub), expected_edges(sub))


def test_cypher_literals_escape_quotes_backslashes_and_controls():
    assert X.cypher_literal("a'b\\c\n\x01") == "'a\\'b\\\\c\\n\\u0001'"
    assert X.cypher_literal(["中试", 3, True, 1.5]) == "['中试', 3, true, 1.5]"


@pytest.mark.neo4j
def test_the_cypher_script_recreates_the_subgraph_in_an_empty_neo4j(graph, neo4j_clean):
    from policykg.graph.neo4j_store import Neo4jStore

    script = X.to_cypher(graph.subgraph())
    with neo4j_clean.session(database="neo4j") as session:
        for statement in re.split(r";\n", script):
            body = "\n".join(line for line in statement.splitlines() if not line.startswith("//")).strip()
            if body:
                session.run(body).consume()
        session.run(script.splitlines()[1].rstrip(";")).consume()  # idempotent: MERGE again
    recreated = Neo4jStore(neo4j_clean)
    assert recreated.counts() == graph.counts()
    assert recreated.subgraph() == graph.subgraph()


HEADER = re.compile(r"^(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)?:(?P<kind>ID|START_ID|END_ID)\((?P<space>[A-Za-z]+)\)"
                    r"|:(?P<special>LABEL|TYPE)"
                    r"|(?P<prop>[A-Za-z_][A-Za-z0-9_]*)(?::(?P<type>int|long|double|boolean|string)(?P<array>\[\])?)?)$")


def parse_csv(text: str):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def test_csv_files_follow_the_neo4j_admin_header_format(graph):
    sub = graph.subgraph()
    files = X.to_csv_files(sub)
    ids: dict[str, set[str]] = {}
    node_count = rel_count = 0
    for name, text in sorted(files.items()):
        if not name.endswith(".csv"):
            continue
        header, rows = parse_csv(text)
        fields = [HEADER.match(h) for h in header]
        assert all(fields), (name, header)
        assert all(len(r) == len(header) for r in rows)
        for field, column in zip(fields, zip(*rows)):
            check_column(field, column)
        if name.startswith("nodes_"):
            node_count += len(rows)
            assert fields[0]["kind"] == "ID" and header[-1] == ":LABEL"
            ids.setdefault(fields[0]["space"], set()).update(r[0] for r in rows)
        else:
            rel_count += len(rows)
            assert [f["kind"] or f["special"] for f in fields[:3]] == ["START_ID", "END_ID", "TYPE"]
            assert {r[0] for r in rows} <= ids[fields[0]["space"]] and {r[1] for r in rows} <= ids[fields[1]["space"]]
    assert (node_count, rel_count) == (len(sub["nodes"]), len(sub["relationships"]))
    assert "neo4j-admin database import full" in files["import.sh"]


def check_column(field: re.Match, column: tuple[str, ...]) -> None:
    """Values of a typed column parse as its type."""
    kind = field["type"]
    values = [v for v in column if v != ""]
    if kind in ("int", "long"):
        assert all(re.fullmatch(r"-?\d+", v) for v in values)
    elif kind == "boolean":
        assert set(values) <= {"true", "false"}
    elif kind == "double":
        assert all(float(v) is not None for v in values)


def test_csv_export_writes_a_zip_or_a_directory(graph, tmp_path):
    sub = graph.subgraph("fund:重庆中试熟化基金", hops=1)
    [archive] = X.write_export(sub, "csv", tmp_path / "out.zip")
    with zipfile.ZipFile(archive) as z:
        assert "import.sh" in z.namelist() and "nodes_Fund.csv" in z.namelist()
    written = X.write_export(sub, "csv", tmp_path / "dir")
    assert {p.name for p in written} == set(X.to_csv_files(sub))


@pytest.mark.neo4j
@pytest.mark.skipif(not CLASSPATH.exists(), reason="the local Neo4j build (scripts/neo4j-local) is absent")
def test_neo4j_admin_imports_the_csv_files(graph, tmp_path):
    sub = graph.subgraph()
    folder = tmp_path / "csv"
    X.write_export(sub, "csv", folder)
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    names = sorted(p.name for p in folder.glob("*.csv"))
    command = ["java", "-Xmx512m", "-cp", CLASSPATH.read_text().strip(), "org.neo4j.cli.AdminTool",
               "database", "import", "full", "neo4j", "--multiline-fields=true", f"--array-delimiter={X.ARRAY_DELIMITER}",
               *(f"--nodes={n}" for n in names if n.startswith("nodes_")),
               *(f"--relationships={n}" for n in names if n.startswith("relationships_"))]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    stored = sum(1 for n in sub["nodes"] for v in n["properties"].values() if v not in ("", [], None))
    stored += sum(1 for r in sub["relationships"] for v in r["properties"].values() if v not in ("", [], None))
    report = re.search(r"(\d+) nodes\s+(\d+) relationships\s+(\d+) properties", done.stdout)
    assert report and tuple(map(int, report.groups())) == (len(sub["nodes"]), len(sub["relationships"]), stored)
