"""Records to graph rows: the single place that maps extraction records onto the schema.

:func:`document_rows` turns the :class:`SpeechRecord` s of one document into node rows per
label and relationship rows per (type, source label, target label). Both stores load these
rows and the exports read graphs made of them, so the mapping exists once.

Rows
----
node row          ``{"id", "props": {...}}``; Entity rows also ``"label"`` (the type label) and
                  ``"alias_sources"`` (``"<document id>\\t<alias>"``, see :mod:`schema`).
relationship row  ``{"source", "target", "props": {...}}``.

Properties whose value is None are left out of ``props`` (so a later document never erases
a value with a missing one, on either store).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policykg.errors import ValidationError
from policykg.extract.records import SpeechRecord, body_id
from policykg.graph import schema as S

RelKey = tuple[str, str, str]  # (type, source label, target label)


@dataclass
class DocumentRows:
    """Everything one document contributes to the graph, as rows ready to load."""

    document_id: str
    sha256: str
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    rels: dict[RelKey, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def count(self) -> int:
        """Number of node and relationship rows."""
        return sum(map(len, self.nodes.values())) + sum(map(len, self.rels.values()))


def group_by_document(records: Iterable[SpeechRecord]) -> dict[str, list[SpeechRecord]]:
    """Records grouped by document id, documents in order of first appearance."""
    groups: dict[str, list[SpeechRecord]] = {}
    for record in records:
        groups.setdefault(record.document.id, []).append(record)
    return groups


def document_rows(records: list[SpeechRecord]) -> DocumentRows:
    """Rows of one document's records; ValidationError naming the problem if they are inconsistent."""
    if not records:
        raise ValidationError("a document needs at least one speech record")
    builder = _Builder(records[0])
    for record in records:
        builder.add(record)
    return builder.finish()


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}


def role_bodies(roles: list[str], affiliations: list[str]) -> list[tuple[str, str]]:
    """(role, affiliation) pairs: each role goes to the longest affiliation named in it, else to
    the affiliation of the role before it, else to the first affiliation; an affiliation no role
    names still gets one pair with an empty role.

    >>> role_bodies(["市政协常委", "教科卫体委副主任", "重庆开放大学校长"], ["市政协", "重庆开放大学"])
    [('市政协常委', '市政协'), ('教科卫体委副主任', '市政协'), ('重庆开放大学校长', '重庆开放大学')]
    """
    if not affiliations:
        return []
    pairs: list[tuple[str, str]] = []
    previous = affiliations[0]
    for role in roles:
        named = [a for a in affiliations if a in role]
        previous = max(named, key=len) if named else previous
        pairs.append((role, previous))
    covered = {a for _, a in pairs}
    pairs += [("", a) for a in affiliations if a not in covered]
    return pairs


class _Builder:
    """Accumulates rows of one document, merging nodes shared by several of its speeches."""

    def __init__(self, first: SpeechRecord):
        self.doc = first.document
        self.rows = DocumentRows(self.doc.id, self.doc.sha256)
        self.shared: dict[str, dict[str, dict[str, Any]]] = {label: {} for label in S.SHARED_LABELS}
        self.entity_types: dict[str, str] = {}
        self.rel_seen: set[tuple] = set()
        self.speech_ids: set[str] = set()
        self.rows.nodes[S.DOCUMENT].append({"id": self.doc.id, "props": _clean(vars(self.doc).copy())})

    # -- nodes ------------------------------------------------------------------------------
    def shared_node(self, label: str, id_: str, props: dict[str, Any]) -> dict[str, Any]:
        row = self.shared[label].setdefault(id_, {"id": id_, "props": {"id": id_}})
        row["props"].update(_clean(props))
        return row

    def rel(self, type_: str, src: tuple[str, str], tgt: tuple[str, str], props: dict[str, Any]) -> None:
        key = (type_, src[1], tgt[1], tuple(sorted(_clean(props).items())))
        if key in self.rel_seen:
            return
        self.rel_seen.add(key)
        self.rows.rels[(type_, src[0], tgt[0])].append({"source": src[1], "target": tgt[1], "props": _clean(props)})

    # -- one record -------------------------------------------------------------------------
    def add(self, record: SpeechRecord) -> None:
        self.check_document(record)
        speech = record.speech
        where = f"document {self.doc.id!r}, speech {speech.id!r}"
        if speech.id in self.speech_ids:
            raise ValidationError(f"{where}: speech id appears twice")
        self.speech_ids.add(speech.id)
        self.rows.nodes[S.SPEECH].append({"id": speech.id, "props": {
            "id": speech.id, "order": speech.order, "title": speech.title, "text": speech.text,
            "document": self.doc.id}})
        self.rel(S.CONTAINS, (S.DOCUMENT, self.doc.id), (S.SPEECH, speech.id), {})
        self.add_proposer(record, where)
        ordinals = self.add_recommendations(record, where)
        self.add_entities(record, ordinals, where)
        self.add_relations(record, where)

    def check_document(self, record: SpeechRecord) -> None:
        doc = record.document
        if doc.id != self.doc.id or doc.sha256 != self.doc.sha256:
            raise ValidationError(
                f"document {self.doc.id!r}: records disagree on the document id or sha256 "
                f"({doc.id!r}, {doc.sha256!r})")

    def add_proposer(self, record: SpeechRecord, where: str) -> None:
        proposer = record.proposer
        if not proposer.name or proposer.kind not in ("organization", "person"):
            raise ValidationError(f"{where}: proposer needs a name and kind organization|person, "
                                  f"got {proposer.name!r}/{proposer.kind!r}")
        label = S.PERSON if proposer.kind == "person" else S.BODY
        self.shared_node(label, proposer.id, {"name": proposer.name})
        self.rel(S.DELIVERED, (label, proposer.id), (S.SPEECH, record.speech.id), {})
        if label == S.PERSON:
            for role, affiliation in role_bodies(proposer.roles, proposer.affiliations):
                self.shared_node(S.BODY, body_id(affiliation), {"name": affiliation})
                self.rel(S.HOLDS_ROLE, (S.PERSON, proposer.id), (S.BODY, body_id(affiliation)), {"role": role})

    def add_recommendations(self, record: SpeechRecord, where: str) -> dict[int, str]:
        text, ordinals = record.speech.text, {}
        for rec in record.recommendations:
            self.check_span(rec.start, rec.end, text, f"{where}, recommendation {rec.id!r}")
            if rec.ordinal in ordinals:
                raise ValidationError(f"{where}: recommendation ordinal {rec.ordinal} appears twice")
            ordinals[rec.ordinal] = rec.id
            self.rows.nodes[S.RECOMMENDATION].append({"id": rec.id, "props": {
                "id": rec.id, "ordinal": rec.ordinal, "heading": rec.heading, "text": text[rec.start:rec.end],
                "start": rec.start, "end": rec.end, "speech_id": record.speech.id}})
            self.rel(S.MAKES, (S.SPEECH, record.speech.id), (S.RECOMMENDATION, rec.id), {})
        return ordinals

    def add_entities(self, record: SpeechRecord, ordinals: dict[int, str], where: str) -> None:
        for ent in record.entities:
            what = f"{where}, entity {ent.id!r}"
            self.check_entity(ent, record.speech.text, ordinals, what)
            aliases = [a for a in [ent.text, *ent.aliases] if a and a != ent.canonical]
            row = self.shared_node(S.ENTITY, ent.id, {
                "type": ent.type, "name": ent.canonical, "name_en": ent.name_en or None, "concept": ent.concept})
            row["label"] = ent.type
            sources = row.setdefault("alias_sources", [])
            sources += [s for s in (f"{self.doc.id}\t{a}" for a in aliases) if s not in sources]
            self.add_concept(ent)
            source = ((S.RECOMMENDATION, ordinals[ent.recommendation]) if ent.recommendation is not None
                      else (S.SPEECH, record.speech.id))
            props = {"speech_id": record.speech.id, "start": ent.start, "end": ent.end}
            if ent.relation == S.PROPOSES:
                props |= {"action": ent.action, "action_en": ent.action_en}
            self.rel(ent.relation, source, (S.ENTITY, ent.id), props)

    def check_entity(self, ent, text: str, ordinals: dict[int, str], what: str) -> None:
        if ent.type not in S.ENTITY_LABELS:
            raise ValidationError(f"{what}: unknown type {ent.type!r}; known: {', '.join(S.ENTITY_LABELS)}")
        if ent.relation not in S.PROPOSAL_TYPES:
            raise ValidationError(f"{what}: relation must be PROPOSES or MENTIONS, got {ent.relation!r}")
        if not ent.canonical:
            raise ValidationError(f"{what}: empty canonical name")
        if self.entity_types.setdefault(ent.id, ent.type) != ent.type:
            raise ValidationError(f"{what}: typed {ent.type} here but {self.entity_types[ent.id]} elsewhere")
        if ent.recommendation is not None and ent.recommendation not in ordinals:
            raise ValidationError(f"{what}: refers to recommendation {ent.recommendation}, which is absent")
        self.check_span(ent.start, ent.end, text, what)

    def add_concept(self, ent) -> None:
        if not ent.concept:
            return
        slug = ent.concept.split(":", 1)[-1]
        self.shared_node(S.CONCEPT, ent.concept, {"name": ent.concept_name or slug, "name_en": ent.concept_en})
        self.rel(S.IS_A, (S.ENTITY, ent.id), (S.CONCEPT, ent.concept), {})

    def add_relations(self, record: SpeechRecord, where: str) -> None:
        ids = {e.id for e in record.entities}
        for rel in record.relations:
            what = f"{where}, relation {rel.type} {rel.source!r}->{rel.target!r}"
            if rel.type not in S.ENTITY_ENTITY_TYPES:
                raise ValidationError(f"{what}: unknown type; known: {', '.join(S.ENTITY_ENTITY_TYPES)}")
            if rel.source not in ids or rel.target not in ids:
                raise ValidationError(f"{what}: both ends must be entities of the same speech")
            self.check_span(rel.start, rel.end, record.speech.text, what)
            self.rel(rel.type, (S.ENTITY, rel.source), (S.ENTITY, rel.target),
                     {"speech_id": record.speech.id, "start": rel.start, "end": rel.end})

    @staticmethod
    def check_span(start: int, end: int, text: str, what: str) -> None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise ValidationError(f"{what}: offsets {start}..{end} outside the speech text (length {len(text)})")

    # -- result -----------------------------------------------------------------------------
    def finish(self) -> DocumentRows:
        for label, rows in self.shared.items():
            self.rows.nodes[label].extend(rows.values())
        for row in self.rows.nodes[S.ENTITY]:
            row.setdefault("alias_sources", [])
        return self.rows
