"""The Cypher files: loaded by name, labels and types only from the schema, one per loading step."""

from __future__ import annotations

import re

import pytest

from policykg import cypher
from policykg.errors import NotFoundError
from policykg.graph import schema as S
from policykg.graph.model import group_by_document, document_rows
from policykg.graph.neo4j_store import load_statements

NAMES = re.compile(r":\s*([A-Z][A-Za-z_]*(?:\s*\|\s*[A-Z][A-Za-z_]*)*)")


def schema_names_in(text: str) -> set[str]:
    """Labels and relationship types written in a statement (after `(x:` or `[r:` or `SET n:`)."""
    code = "\n".join(line.split("//")[0] for line in text.splitlines())
    code = re.sub(r"'[^']*'", "''", code)
    code = re.sub(r"`[^`]*`", "``", code)
    return {name.strip() for group in NAMES.findall(code) for name in group.split("|")}


@pytest.mark.parametrize("name", cypher.names())
def test_every_file_names_only_schema_labels_and_types(name):
    used = schema_names_in(cypher.load(name))
    assert used <= set(S.LABELS) | set(S.REL_TYPE_NAMES), used - set(S.LABELS) - set(S.REL_TYPE_NAMES)


def test_every_loading_step_has_its_file(records):
    needed = {f"load_node_{label}" for label in S.BASE_LABELS}
    needed |= {f"load_rel_{t}_{a}_{b}" for t, rt in S.REL_TYPES.items() for a, b in rt.endpoints}
    assert needed <= set(cypher.names())
    for group in group_by_document(records).values():
        for name, _ in load_statements(document_rows(group)):
            assert name in needed


def test_load_statements_bind_values_and_write_their_label():
    entities = cypher.load("load_node_Entity")
    for label in S.ENTITY_LABELS:
        assert f"WHEN row.label = '{label}' THEN [1] ELSE [] END | SET n:{label})" in entities
    for name in cypher.names():
        if name.startswith("load_"):
            assert cypher.load(name).count("UNWIND $rows AS row") == 1, name


def test_count_statements_cover_the_schema():
    assert schema_names_in(cypher.load("count_nodes")) == set(S.LABELS)
    assert schema_names_in(cypher.load("count_relationships")) == set(S.REL_TYPE_NAMES)


def test_multi_statement_files_split_and_drop_comments():
    steps = cypher.statements("remove_document")
    assert len(steps) == 8 and not any(s.startswith("//") for s in steps)
    assert len(cypher.statements("schema")) == len(S.LABELS) + 10


def test_unknown_or_malformed_names_are_refused():
    with pytest.raises(NotFoundError):
        cypher.load("no_such_statement")
    with pytest.raises(NotFoundError):
        cypher.load("../schema")
