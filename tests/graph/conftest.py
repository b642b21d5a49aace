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


def make_store(kind: str, request, folder: Path):
    """An empty store of the given backend: a new file, or the test database emptied of data.

    The Neo4j schema (constraints, indexes) is kept between tests: ``ensure_schema`` is
    idempotent, and dropping and re-creating the full-text index for every test is slow.
    """
    if kind == "embedded":
        from policykg.graph.embedded import EmbeddedStore

        return EmbeddedStore(folder / "graph.json")
    from policykg.graph.neo4j_store import Neo4jStore

    driver = request.getfixturevalue("neo4j_driver")
    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
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


@pytest.fixture(scope="module", params=BACKENDS)
def queried(request, tmp_path_factory):
    """A store holding the fixture records, shared by a module's read-only tests, once per backend."""
    made = make_store(request.param, request, tmp_path_factory.mktemp("queried"))
    made.load(read_records("records.jsonl"))
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
