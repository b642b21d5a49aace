"""The embedded store's file: documented format, atomic writes, refusal of corrupt or foreign files."""

from __future__ import annotations

import json

import pytest

from policykg.errors import CorruptStoreError
from policykg.graph.embedded import EmbeddedStore, default_store_path


def test_the_file_has_the_format_marker_and_reopens_equal(tmp_path, records):
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.load(records)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("policykg-graph", 1)
    assert {"id", "labels", "properties"} == set(data["nodes"][0])
    assert {"key", "type", "source", "target", "properties"} == set(data["edges"][0])
    assert EmbeddedStore(path).subgraph() == store.subgraph()
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]  # no temporary file left behind


@pytest.mark.parametrize("content, reason", [
    ("{not json", "not a readable policykg graph file"),
    ('{"nodes": [], "edges": []}', "not a policykg graph file"),
    ('{"format": "policykg-graph", "version": 99, "nodes": [], "edges": []}', "unsupported policykg graph version"),
    ('{"format": "policykg-graph", "version": 1, "nodes": [{"id": "x"}], "edges": []}', "malformed"),
])
def test_corrupt_or_foreign_files_are_refused_and_left_untouched(tmp_path, content, reason):
    path = tmp_path / "g.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorruptStoreError, match=reason) as info:
        EmbeddedStore(path)
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == content


def test_a_failed_load_leaves_the_file_and_the_graph_unchanged(tmp_path, records):
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.load(records[:2])
    before, graph_before = path.read_bytes(), store.subgraph()
    bad = records[2:]
    bad[0].entities[0].start = -1
    with pytest.raises(Exception, match="offsets"):
        store.load(bad)
    assert path.read_bytes() == before and store.subgraph() == graph_before


def test_default_location_is_overridable(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICYKG_STORE", str(tmp_path / "here.json"))
    assert default_store_path() == tmp_path / "here.json"
    monkeypatch.delenv("POLICYKG_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "policykg" / "graph.json"
