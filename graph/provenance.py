"""Provenance bookkeeping of shared nodes and relationships, as pure functions.

The embedded store applies these to property dicts; the Neo4j store runs the same rules in
Cypher (``cypher/load_entity_*.cypher``, ``cypher/remove_document.cypher``). Keeping the rules
in one small module makes the two easy to compare.

- ``documents``: ids of the documents that produced a shared node or relationship, in order of
  their (latest) load; the document being loaded moves to the end.
- ``alias_sources``: ``"<document id>\\t<alias>"``; ``aliases`` are their distinct aliases in
  order; ``aliases_text`` joins them with ``" | "`` for the full-text index.
- ``match_text``: the entity's lower-cased name, English name and aliases joined by newlines,
  for the matching rule of :mod:`policykg.graph.text` (a query token never holds whitespace, so
  it occurs in ``match_text`` exactly when it occurs in one of those fields); the Neo4j store
  finds candidates through a text index on it.
"""

from __future__ import annotations

from typing import Any

ALIAS_JOIN = " | "
MATCH_JOIN = "\n"


def add_document(documents: list[str] | None, document_id: str) -> list[str]:
    """`documents` with `document_id` moved to (or added at) the end.

    >>> add_document(["a", "b"], "a")
    ['b', 'a']
    """
    return [d for d in documents or [] if d != document_id] + [document_id]


def drop_document(documents: list[str] | None, document_id: str) -> list[str]:
    """`documents` without `document_id`."""
    return [d for d in documents or [] if d != document_id]


def merge_alias_sources(old: list[str] | None, document_id: str, new: list[str]) -> list[str]:
    """Alias sources with the document's previous contribution replaced by `new`."""
    prefix = document_id + "\t"
    return [s for s in old or [] if not s.startswith(prefix)] + list(new)


def aliases(alias_sources: list[str]) -> list[str]:
    """Distinct aliases of the sources, in order.

    >>> aliases(["d1\\t中试基金", "d2\\t中试基金", "d2\\t熟化基金"])
    ['中试基金', '熟化基金']
    """
    out: list[str] = []
    for source in alias_sources:
        alias = source.split("\t", 1)[1]
        if alias not in out:
            out.append(alias)
    return out


def set_aliases(props: dict[str, Any], alias_sources: list[str]) -> None:
    """Store alias sources and the properties derived from them."""
    props["alias_sources"] = alias_sources
    props["aliases"] = aliases(alias_sources)
    props["aliases_text"] = ALIAS_JOIN.join(props["aliases"])
    props["match_text"] = match_text(props)


def match_text(props: dict[str, Any]) -> str:
    """The lower-cased name, name_en and aliases of an entity, one per line.

    >>> match_text({"name": "中试基金", "name_en": "Pilot Fund", "aliases": ["中试熟化基金"]})
    '中试基金\\npilot fund\\n中试熟化基金'
    """
    return MATCH_JOIN.join(f.lower() for f in [props.get("name"), props.get("name_en"),
                                                 *(props.get("aliases") or [])] if f)


def merged_node(label_props: dict[str, Any] | None, row: dict[str, Any], is_entity: bool,
                document_id: str) -> dict[str, Any]:
    """Final properties of a shared node after loading a document's row into it.

    `label_props` are the node's stored properties (None when new); the row's properties win,
    the document moves to the end of ``documents`` and, for entities, the document's aliases
    replace its previous ones. Both stores call this, so they merge alike.
    """
    props = {**(label_props or {}), **row["props"]}
    props["documents"] = add_document(props.get("documents"), document_id)
    if is_entity:
        set_aliases(props, merge_alias_sources(props.get("alias_sources"), document_id, row["alias_sources"]))
    return props
