"""The CLI: build (default sample corpus, failed files reported), query, export — through click."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from policykg.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An embedded store built by `policykg build` from the sample corpus."""
    path = tmp_path_factory.mktemp("cli") / "graph.json"
    result = CliRunner().invoke(main, ["build", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 loaded" in result.output and "Fund" in result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_building_again_changes_nothing(built):
    assert "0 loaded, 0 replaced, 1 unchanged" in run("build", "--store", str(built))


def test_a_failed_file_is_reported_and_nothing_from_it_is_written(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("设立种子基金\n民建重庆市委会\n\n为此，建议：\n一是设立市级种子基金，支持企业创新。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage\x00")
    store = tmp_path / "g.json"
    result = CliRunner().invoke(main, ["build", str(good), str(bad), "--store", str(store)])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "1 failed" in result.stdout
    documents = [n["id"] for n in json.loads(store.read_text(encoding="utf-8"))["nodes"] if "Document" in n["labels"]]
    assert documents == ["doc:good"]


def test_who_proposed_as_table_and_json(built):
    table = run("query", "who-proposed", "--type", "Fund", "--q", "pilot", "--store", str(built))
    assert "刘小康" in table.splitlines()[2] + table and "proposer" in table.splitlines()[0]
    hits = json.loads(run("query", "who-proposed", "--type", "Fund", "--q", "pilot", "--json", "--store", str(built)))
    assert {h["proposer"]["name"] for h in hits} >= {"刘小康", "重庆理工大学"}
    assert all(h["evidence"] for h in hits)
    result = CliRunner().invoke(main, ["query", "who-proposed", "--q", "基金", "--limit", "1", "--offset", "1",
                                       "--json", "--store", str(built)])
    everything = json.loads(run("query", "who-proposed", "--q", "基金", "--json", "--store", str(built)))
    assert json.loads(result.stdout) == everything[1:2]
    assert f"hits 2–2 of {len(everything)}" in result.stderr


def test_overlap_and_search(built):
    overlap = json.loads(run("query", "overlap", "民建重庆市委会", "民进重庆市委会", "--level", "concept",
                             "--json", "--store", str(built)))
    assert overlap["level"] == "concept" and 0 <= overlap["jaccard"] <= 1
    assert "Jaccard" in run("query", "overlap", "民建重庆市委会", "民进重庆市委会", "--store", str(built))
    assert "重庆中试熟化基金" in run("query", "search", "pilot fund", "--store", str(built))


def test_unknown_concept_is_a_clean_error_with_close_concepts(built):
    result = CliRunner().invoke(main, ["query", "who-proposed", "--concept", "seed funds", "--store", str(built)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "no concept with id, name or English name 'seed funds'" in result.output and "种子基金" in result.output


def test_unknown_proposer_is_a_clean_error(built):
    result = CliRunner().invoke(main, ["query", "overlap", "nobody", "民建重庆市委会", "--store", str(built)])
    assert result.exit_code == 1 and "nobody" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("format_, suffix", [("graphml", ".graphml"), ("gexf", ".gexf"), ("json", ".json"),
                                              ("cypher", ".cypher"), ("csv", ".zip")])
def test_export_formats(built, tmp_path, format_, suffix):
    out = tmp_path / f"sub{suffix}"
    text = run("export", "--format", format_, "--center", "fund:重庆中试熟化基金", "--hops", "2",
               "--types", "Fund,Body,Speech,Recommendation", "-o", str(out), "--store", str(built))
    assert out.exists() and "nodes" in text
    if format_ == "graphml":
        assert "fund:重庆中试熟化基金" in nx.read_graphml(out)


def test_export_refuses_unknown_labels(built, tmp_path):
    result = CliRunner().invoke(main, ["export", "--format", "json", "--types", "Gadget", "-o",
                                       str(tmp_path / "x.json"), "--store", str(built)])
    assert result.exit_code == 2 and "Gadget" in result.output


@pytest.mark.neo4j
def test_build_into_neo4j(neo4j_clean, monkeypatch):
    result = CliRunner().invoke(main, ["build", "--neo4j", "--batch-size", "100", "--transaction-rows", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("neo4j store: 1 loaded")
    hits = json.loads(run("query", "who-proposed", "--q", "pilot", "--json", "--neo4j"))
    assert any(h["proposer"]["name"] == "刘小康" for h in hits)
