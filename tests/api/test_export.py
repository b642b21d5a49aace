"""Every export format downloads with its content type and file name, and reads back."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import networkx as nx
import pytest

EXPECTED = {"graphml": ("application/graphml+xml", ".graphml"), "gexf": ("application/gexf+xml", ".gexf"),
            "json": ("application/json", ".json"), "cypher": ("text/plain", ".cypher"),
            "csv": ("application/zip", ".zip")}


def _download(client, fmt: str, **params):
    response = client.get("/export", params={"format": fmt, **params})
    assert response.status_code == 200, response.text
    media, extension = EXPECTED[fmt]
    assert response.headers["content-type"].startswith(media)
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and re.search(rf'filename="[\w.-]+{re.escape(extension)}"', disposition)
    return response


@pytest.fixture()
def whole(client) -> dict:
    """The whole graph's node and relationship counts, from the JSON export."""
    data = _download(client, "json").json()
    return {"nodes": len(data["nodes"]), "edges": len(data.get("edges", data.get("links", [])))}


def _node_link(data: dict) -> nx.Graph:
    return nx.node_link_graph(data, edges="edges" if "edges" in data else "links")


def test_json_is_node_link_and_matches_the_store(client, store, whole):
    counts = store.counts()
    assert whole["nodes"] == sum(n for label, n in counts["nodes"].items() if label in
                                 ("Document", "Speech", "Body", "Person", "Recommendation", "Entity", "Concept"))
    graph = _node_link(_download(client, "json").json())
    assert graph.number_of_nodes() == whole["nodes"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_formats_read_back_with_networkx(client, whole, fmt):
    content = _download(client, fmt).content
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(content))
    assert graph.number_of_nodes() == whole["nodes"]
    assert graph.number_of_edges() == whole["edges"]


def test_cypher_script_is_well_formed(client, whole):
    script = _download(client, "cypher").text
    statements = [s.strip() for s in script.split(";\n") if s.strip() and not s.strip().startswith("//")]
    assert statements, "empty script"
    keywords = ("CREATE", "MERGE", "MATCH", "UNWIND", "WITH", "CALL", "//", ":")
    for statement in statements:
        assert statement.lstrip().upper().startswith(keywords), statement[:80]
        assert statement.count("(") == statement.count(")") and statement.count("{") == statement.count("}")
    assert script.rstrip().endswith(";")


def test_csv_is_a_zip_of_node_and_relationship_files(client, whole):
    archive = zipfile.ZipFile(io.BytesIO(_download(client, "csv").content))
    assert "import.sh" in archive.namelist()
    assert archive.getinfo("import.sh").external_attr >> 16 & 0o111, "import.sh is not executable"
    rows = {"nodes": 0, "edges": 0}
    for name in (n for n in archive.namelist() if n.endswith(".csv")):
        table = list(csv.reader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))
        header = table[0]
        if any(h.startswith(":START_ID") for h in header):
            assert any(h.startswith(":END_ID") for h in header) and ":TYPE" in header, f"{name}: {header}"
            rows["edges"] += len(table) - 1
        else:
            assert any(":ID" in h for h in header), f"{name}: no :ID column in {header}"
            rows["nodes"] += len(table) - 1
    assert rows == whole


def test_a_centred_subgraph_limited_to_types(client):
    fund = client.get("/entities", params={"type": "Fund", "limit": 1}).json()["items"][0]
    response = _download(client, "json", center=fund["id"], hops=2, types="Fund,Recommendation")
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    graph = _node_link(response.json())
    assert fund["id"] in graph and graph.number_of_nodes() > 1
    for node, attrs in graph.nodes(data=True):
        labels = set(attrs["labels"].split(":"))
        assert node == fund["id"] or labels & {"Fund", "Recommendation"}, (node, labels)
