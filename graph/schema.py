"""The one graph schema: node labels, their keys and properties, relationship types and endpoints.

Stores, the row model, the Cypher files, exports, queries and the API take every label,
relationship type and property name from here; nothing else names them.

Nodes are keyed by ``id`` (unique per label). Entity nodes carry the label ``Entity`` and
exactly one type label from :data:`ENTITY_LABELS` (taken from the record contract).

Provenance
----------
Nodes shared between documents (Body, Person, Entity, Concept) keep ``documents``: the ids of
the documents whose records produced them. Entities keep ``alias_sources`` (``"<document
id>\\t<alias>"``) from which ``aliases``, ``aliases_text`` and ``match_text`` are derived, so that removing a
document removes exactly the aliases only it contributed. HOLDS_ROLE and IS_A relationships keep
``documents`` the same way. Everything else a document produced (its Document, Speech and
Recommendation nodes and every relationship carrying ``speech_id``) belongs to that document
alone. These bookkeeping properties are :data:`INTERNAL_PROPERTIES`: stored, never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.extract.records import (
    ENTITY_ENTITY_RELATIONS,
    ENTITY_RELATIONS,
    ENTITY_TYPES,
    EXTRA_ENTITY_TYPES,
)

# -- node labels ------------------------------------------------------------------------------
DOCUMENT = "Document"
SPEECH = "Speech"
BODY = "Body"
PERSON = "Person"
RECOMMENDATION = "Recommendation"
ENTITY = "Entity"
CONCEPT = "Concept"

ENTITY_LABELS: tuple[str, ...] = ENTITY_TYPES + EXTRA_ENTITY_TYPES
"""Type labels an Entity node carries exactly one of."""

BASE_LABELS: tuple[str, ...] = (DOCUMENT, SPEECH, BODY, PERSON, RECOMMENDATION, ENTITY, CONCEPT)
LABELS: tuple[str, ...] = BASE_LABELS + ENTITY_LABELS
"""Every label a node may carry."""

SHARED_LABELS: tuple[str, ...] = (BODY, PERSON, ENTITY, CONCEPT)
"""Labels of nodes shared between documents (they carry ``documents`` provenance)."""

PROPOSER_LABELS: tuple[str, ...] = (BODY, PERSON)
SEARCHABLE_LABELS: tuple[str, ...] = (ENTITY, BODY, PERSON, CONCEPT)

KEY = "id"

# -- relationship types -----------------------------------------------------------------------
CONTAINS = "CONTAINS"
DELIVERED = "DELIVERED"
HOLDS_ROLE = "HOLDS_ROLE"
MAKES = "MAKES"
PROPOSES, MENTIONS = ENTITY_RELATIONS
IS_A = "IS_A"
FUNDED_BY, OPERATED_BY, HOSTED_BY, PART_OF = ENTITY_ENTITY_RELATIONS

INTERNAL_PROPERTIES = frozenset({"documents", "alias_sources", "aliases_text", "match_text"})
"""Bookkeeping properties: stored for exact replacement and full-text search, never shown."""


@dataclass(frozen=True)
class NodeType:
    """A node label with its properties (``id`` first)."""

    label: str
    properties: tuple[str, ...]
    shared: bool = False


@dataclass(frozen=True)
class RelType:
    """A relationship type, the (source label, target label) pairs it joins, and its properties."""

    type: str
    endpoints: tuple[tuple[str, str], ...]
    properties: tuple[str, ...] = ()
    shared: bool = False  # kept with ``documents`` provenance, merged across documents

    @property
    def from_text(self) -> bool:
        """True when each relationship carries provenance into a speech text."""
        return "speech_id" in self.properties


_ENTITY_PROPS = ("id", "type", "name", "name_en", "aliases", "concept")
_SPAN = ("speech_id", "start", "end")

NODE_TYPES: dict[str, NodeType] = {
    DOCUMENT: NodeType(DOCUMENT, ("id", "source", "sha256", "publication", "date", "page", "topic")),
    SPEECH: NodeType(SPEECH, ("id", "order", "title", "text", "document")),
    BODY: NodeType(BODY, ("id", "name", "name_en"), shared=True),
    PERSON: NodeType(PERSON, ("id", "name", "name_en"), shared=True),
    RECOMMENDATION: NodeType(RECOMMENDATION, ("id", "ordinal", "heading", "text", "start", "end", "speech_id")),
    ENTITY: NodeType(ENTITY, _ENTITY_PROPS, shared=True),
    CONCEPT: NodeType(CONCEPT, ("id", "name", "name_en"), shared=True),
}

_PROPOSAL_SOURCES = ((RECOMMENDATION, ENTITY), (SPEECH, ENTITY))
REL_TYPES: dict[str, RelType] = {
    CONTAINS: RelType(CONTAINS, ((DOCUMENT, SPEECH),)),
    DELIVERED: RelType(DELIVERED, ((BODY, SPEECH), (PERSON, SPEECH))),
    HOLDS_ROLE: RelType(HOLDS_ROLE, ((PERSON, BODY),), ("role",), shared=True),
    MAKES: RelType(MAKES, ((SPEECH, RECOMMENDATION),)),
    PROPOSES: RelType(PROPOSES, _PROPOSAL_SOURCES, ("action", "action_en") + _SPAN),
    MENTIONS: RelType(MENTIONS, _PROPOSAL_SOURCES, _SPAN),
    IS_A: RelType(IS_A, ((ENTITY, CONCEPT),), shared=True),
    **{t: RelType(t, ((ENTITY, ENTITY),), _SPAN) for t in ENTITY_ENTITY_RELATIONS},
}
"""Relationship types. PROPOSES/MENTIONS start at the Recommendation holding the entity, or at
the Speech itself for an entity outside every recommendation."""

REL_TYPE_NAMES: tuple[str, ...] = tuple(REL_TYPES)
ENTITY_ENTITY_TYPES: tuple[str, ...] = ENTITY_ENTITY_RELATIONS
PROPOSAL_TYPES: tuple[str, ...] = (PROPOSES, MENTIONS)

NODE_KINDS: dict[str, tuple[str, ...]] = {
    "documents": (DOCUMENT,),
    "speeches": (SPEECH,),
    "proposers": PROPOSER_LABELS,
    "entities": (ENTITY,),
    "concepts": (CONCEPT,),
}
"""Listing kinds of the API and the labels they cover."""


def check_label(label: str) -> str:
    """Return `label` if the schema knows it; ValueError naming the allowed labels otherwise."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}; known labels: {', '.join(LABELS)}")
    return label


def check_entity_type(type_: str) -> str:
    """Return `type_` if it is an entity type label; ValueError otherwise."""
    if type_ not in ENTITY_LABELS:
        raise ValueError(f"unknown entity type {type_!r}; known types: {', '.join(ENTITY_LABELS)}")
    return type_


def check_rel_type(type_: str) -> str:
    """Return `type_` if the schema knows it; ValueError otherwise."""
    if type_ not in REL_TYPES:
        raise ValueError(f"unknown relationship type {type_!r}; known: {', '.join(REL_TYPES)}")
    return type_


def primary_label(labels: list[str] | tuple[str, ...]) -> str:
    """The base label of a node given all its labels (Entity for typed entities)."""
    for label in BASE_LABELS:
        if label in labels:
            return label
    raise ValueError(f"no schema label among {list(labels)!r}")


def public(properties: dict) -> dict:
    """Properties without the internal bookkeeping ones."""
    return {k: v for k, v in properties.items() if k not in INTERNAL_PROPERTIES}
