"""The extraction record: the JSONL contract between extraction, stores, evaluation and outside tools.

One record per speech. Field names and meanings are stable (see DESIGN.md); offsets index
``speech.text`` and ``speech.text[start:end] == entity.text`` for every entity that is not an
expanded coordination (for those, the offsets cover the coordination the entity came from).

Identifiers are stable functions of content so that re-extraction gives the same ids:

- document: ``doc:<source stem>`` (the source, not its hash: a changed file replaces the old one)
- speech: ``<document id>/s<order>``; recommendation: ``<speech id>/r<ordinal>``
- entity: ``<type lower>:<canonical name>`` (shared across speeches: that is resolution)
- body: ``body:<name>``; person: ``person:<name>@<first affiliation>``; concept: ``concept:<slug>``
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_TYPES = ("Fund", "Mechanism", "Platform", "Institution")
"""The four scored entity types."""

EXTRA_ENTITY_TYPES = ("Pilot", "Program", "Policy")
"""Types extraction may add for users; never scored."""

PROPOSER_KINDS = ("organization", "person")
ENTITY_RELATIONS = ("PROPOSES", "MENTIONS")
ENTITY_ENTITY_RELATIONS = ("FUNDED_BY", "OPERATED_BY", "HOSTED_BY", "PART_OF")


def entity_id(type_: str, canonical: str) -> str:
    return f"{type_.lower()}:{canonical}"


def body_id(name: str) -> str:
    return f"body:{name}"


def person_id(name: str, affiliations: list[str]) -> str:
    return f"person:{name}@{affiliations[0]}" if affiliations else f"person:{name}"


def speech_id(document_id: str, order: int) -> str:
    return f"{document_id}/s{order}"


def recommendation_id(speech_id_: str, ordinal: int) -> str:
    return f"{speech_id_}/r{ordinal}"


@dataclass
class Document:
    id: str
    source: str
    sha256: str
    publication: str | None = None
    date: str | None = None  # ISO 8601, e.g. 2025-07-03
    page: str | None = None
    topic: str | None = None


@dataclass
class Speech:
    id: str
    order: int
    title: str
    text: str


@dataclass
class Proposer:
    name: str
    kind: str  # organization | person
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        if self.kind == "person":
            return person_id(self.name, self.affiliations)
        return body_id(self.name)


@dataclass
class Recommendation:
    id: str
    ordinal: int
    heading: str
    start: int
    end: int


@dataclass
class Entity:
    id: str
    type: str
    text: str
    start: int
    end: int
    canonical: str
    name_en: str = ""
    concept: str | None = None  # concept id, e.g. concept:guidance-fund
    recommendation: int | None = None  # ordinal of the recommendation it lies in
    relation: str = "MENTIONS"  # PROPOSES | MENTIONS
    action: str | None = None  # the proposing verb, e.g. 设立
    action_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    concept_name: str | None = None
    concept_en: str | None = None


@dataclass
class Relation:
    type: str  # FUNDED_BY | OPERATED_BY | HOSTED_BY | PART_OF
    source: str  # entity id
    target: str  # entity id
    start: int
    end: int


@dataclass
class SpeechRecord:
    document: Document
    speech: Speech
    proposer: Proposer
    recommendations: list[Recommendation] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.speech.title

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": asdict(self.document),
            "speech": asdict(self.speech),
            "title": self.speech.title,
            "proposer": asdict(self.proposer),
            "recommendations": [asdict(r) for r in self.recommendations],
            "entities": [asdict(e) for e in self.entities],
            "relations": [asdict(r) for r in self.relations],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpeechRecord:
        return cls(
            document=Document(**data["document"]),
            speech=Speech(**data["speech"]),
            proposer=Proposer(**data["proposer"]),
            recommendations=[Recommendation(**r) for r in data.get("recommendations", [])],
            entities=[Entity(**e) for e in data.get("entities", [])],
            relations=[Relation(**r) for r in data.get("relations", [])],
        )
