"""The one interface both stores implement; the API, the CLI and the exports talk only to it.

Results are plain JSON-ready dicts (shapes below) so that both stores can be compared for
equality in the parity tests and served by the API without translation.

Shapes
------
ProposerRef   {"id", "name", "kind": "organization"|"person"}
EntityRef     {"id", "type", "name", "name_en", "concept"}            concept: concept id or None
Evidence      {"speech_id", "speech_title", "recommendation", "sentence", "start", "end",
               "entity_id", "relation": "PROPOSES"|"MENTIONS", "action"}
               start/end index Speech.text; sentence is the sentence of Speech.text holding them.
Hit           {"proposer": ProposerRef, "path": "direct"|"role", "via": ProposerRef|None,
               "entities": [EntityRef], "evidence": [Evidence]}
               path "role": a person's speech counted for a body the person holds a role in;
               via is then that person.
Overlap       {"a": ProposerRef, "b": ProposerRef, "level": "entity"|"concept",
               "shared": [Item], "only_a": [Item], "only_b": [Item], "jaccard": float}
               Item: {"id", "name", "name_en", "type"} (type is "Concept" at concept level);
               shared items also carry "evidence": [Evidence] from both sides.
Subgraph      {"nodes": [{"id", "labels": [..], "properties": {..}}],
               "relationships": [{"type", "source", "target", "properties": {..}}]}
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Any

from policykg.extract.records import SpeechRecord


class GraphStore(ABC):
    """A policykg graph. Implementations: EmbeddedStore (networkx, file) and Neo4jStore (Bolt)."""

    backend: str = "abstract"

    # -- writing -----------------------------------------------------------------------------
    @abstractmethod
    def load(self, records: Iterable[SpeechRecord]) -> dict[str, Any]:
        """Load extraction records, one document at a time, each all-or-nothing.

        Same document id and sha256 as stored: no-op. Same id, new sha256: its speeches and
        whatever only they produced are replaced. Returns counts of what happened.
        """

    @abstractmethod
    def delete_document(self, document_id: str) -> dict[str, Any]:
        """Delete a document, its speeches and whatever only they produced; NotFoundError if absent."""

    # -- reading -----------------------------------------------------------------------------
    @abstractmethod
    def counts(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: n}, "relationships": {type: n}}."""

    @abstractmethod
    def who_proposed(self, type: str | None = None, q: str | None = None,
                     concept: str | None = None) -> list[dict[str, Any]]:
        """Proposers (bodies and persons) of entities matching type/q/concept, as Hits."""

    @abstractmethod
    def proposer_entities(self, proposer: str) -> list[dict[str, Any]]:
        """Entities a proposer (id or name) proposed or mentioned, each with its evidence."""

    @abstractmethod
    def overlap(self, a: str, b: str, level: str = "entity") -> dict[str, Any]:
        """Overlap of two proposers' proposals (ids or names)."""

    @abstractmethod
    def overlap_matrix(self, level: str = "entity") -> list[dict[str, Any]]:
        """Every proposer pair with shared count and Jaccard, sorted by Jaccard descending."""

    @abstractmethod
    def subgraph(self, center: str | None = None, hops: int = 1,
                 types: list[str] | None = None) -> dict[str, Any]:
        """Nodes within `hops` of `center` (whole graph when None), limited to labels `types`."""

    @abstractmethod
    def entity(self, entity_id: str) -> dict[str, Any]:
        """One entity with aliases, concept, relations and evidence; NotFoundError if absent."""

    @abstractmethod
    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """Nodes whose name, aliases or English name match q (Chinese substring or English words)."""

    def close(self) -> None:
        """Release resources held by the store (not the driver: its owner closes it)."""
