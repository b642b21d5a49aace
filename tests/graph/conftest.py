"""Fixtures of the graph tests: hand-made records and one `store` fixture over both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.extract.records import SpeechRecord

FIXTURES = Path(__file__).parent / "fixtures"


def read_records(name: str) -> list[SpeechRecord]:
    """Records of a JSONL fixture file."""
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return [SpeechRecord.from_dict(json.loads(line)) for line in handle if line.strip()]


@pytest.fixture()
def records() -> list[SpeechRecord]:
    """Two documents, four speeches: every relationship type, persons with roles, shared nodes."""
    return read_records("records.jsonl")


@pytest.fixture()
def records_v2() -> list[SpeechRecord]:
    """doc:alpha changed: speech 2 gone, speech 1 with fewer entities and relations."""
    return read_records("records-alpha-v2.jsonl")


def make_store(kind: str, request, tmp_path):
    """An empty store of the given backend."""
    if kind == "embedded":
        from policykg.graph.embedded import EmbeddedStore

        return EmbeddedStore(tmp_path / "graph.json")
    from policykg.graph.neo4j_store import Neo4jStore

    driver = request.getfixturevalue("neo4j_clean")
    store = Neo4jStore(driver, batch_size=7)
    store.ensure_schema()
    return store


BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """An empty store, once per backend (Neo4j tests need a server; see tests/conftest.py)."""
    made = make_store(request.param, request, tmp_path)
    yield made
    made.close()


@pytest.fixture()
def loaded(store, records):
    """The store holding the fixture records."""
    store.load(records)
    return store


@pytest.fixture()
def fresh_embedded(tmp_path):
    """A factory of empty embedded stores in their own files (a reference to compare with)."""
    from policykg.graph.embedded import EmbeddedStore

    made = iter(range(1_000))
    return lambda: EmbeddedStore(tmp_path / f"reference-{next(made)}.json")
