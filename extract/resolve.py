"""Resolution: from the mentions of one speech to its entities and relations.

Within a speech each entity appears once, at its first mention; a later mention that names the
same thing (国企 after 国有企业, 领军企业 after 科技领军企业) is folded into the earlier entity
and kept as an alias, and so is a short name the speech introduces with 简称 (…基金（以下简称
“振兴基金”）) wherever it recurs. A bare class that only heads a list (孵化器、中试平台等服务体系) is no entity
of its own, but refers back to an earlier one when it can (…全流程服务体系), for PART_OF. The
speech's own proposer is not an entity of that speech; a person's organisations are (a member's
own institute named as the base of a centre is acted on like any other body). Across speeches, entity ids are ``<type>:<canonical name>``, so the same
canonical name from two speeches is one graph node.

Canonical names, aliases, concepts and English names come from ``normalize``, ``concepts`` and
``gloss``. A speech printed in traditional characters was read through its simplified folding
(``pipeline.reading_text``): its entities keep the printed surface (``speech.text[start:end] ==
text`` holds), their canonical names are the simplified ones, so one entity is one node whichever
script printed it, and the printed form is kept as an alias.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from policykg.extract import concepts, gloss, normalize
from policykg.extract.entity_ruler import MENTIONS
from policykg.extract.layout import fold_characters, fold_traditional, restore_characters
from policykg.extract.records import Entity, Relation, SpeechRecord, entity_id
from policykg.extract.relations import RELATIONS


def fill_record(record: SpeechRecord, doc: Doc) -> SpeechRecord:
    """``record`` with ``entities`` and ``relations`` built from the doc of its speech text."""
    mentions = doc._.get(MENTIONS) or []
    folded = doc.text != record.speech.text
    if folded:
        mentions = printed_mentions(mentions, record.speech.text)
    excluded = _proposer_names(record)
    ids: dict[int, str] = {}
    entities: dict[str, Entity] = {}
    short_names: dict[str, str] = {}  # entity id a short name (简称) stands for, by its own id
    for n in sorted(range(len(mentions)), key=lambda k: (mentions[k]["start"], mentions[k]["end"])):
        m = mentions[n]
        canonical, aliases = _canonical(m.get("read", m["text"]), m["type"])
        if folded:
            aliases = _printed_alias(m["text"], canonical)
        if canonical in excluded or not canonical:
            continue
        if m.get("refers_only"):
            referent = _referent(m, canonical, entities)
            if referent is not None:
                ids[n] = referent
            continue
        named = ids.get(m.get("alias_of", -1))
        if named is not None:
            short_names[entity_id(m["type"], canonical)] = named
        key = short_names.get(entity_id(m["type"], canonical))
        if key is not None:
            _add_aliases(entities[key], [m["text"]])
            ids[n] = key
            continue
        ids[n] = _place(record, m, canonical, list(aliases), entities)
    record.entities = list(entities.values())
    record.relations = _relations(doc._.get(RELATIONS) or [], ids)
    return record


@lru_cache(maxsize=65536)
def _canonical(surface: str, type_: str) -> tuple[str, list[str]]:
    """``normalize.canonical_name``, memoised: names repeat across speeches."""
    return normalize.canonical_name(surface, type_)


@lru_cache(maxsize=262144)
def _coreferent(short: str, long: str, type_: str) -> bool:
    """``normalize.is_coreferent``, memoised."""
    return normalize.is_coreferent(short, long, type_)


def _proposer_names(record: SpeechRecord) -> set[str]:
    names = {record.proposer.name}
    return {normalize.clean(n) for n in names if n} | {normalize.clean(fold_characters(n))
                                                       for n in names if n}


def printed_mentions(mentions: list[dict], printed: str) -> list[dict]:
    """Mentions found in the one-for-one folding of the ``printed`` text, with their
    surfaces in the printed characters (``text``) and the folded ones kept as ``read``: offsets
    hold, so a surface is the printed text at its offsets; an expansion over a shared head
    (not a literal span) has the printed characters put back (``layout.restore_characters``)."""
    back = fold_traditional(printed)[1]
    out = []
    for m in mentions:
        text = restore_characters(m["text"], back) if m["expanded"] else printed[m["start"]:m["end"]]
        out.append(m | {"text": text, "read": m["text"]})
    return out


def _printed_alias(surface: str, canonical: str) -> list[str]:
    alias = normalize.display_form(surface)
    return [] if alias == canonical else [alias]


def _place(record: SpeechRecord, m: dict, canonical: str, aliases: list[str],
           entities: dict[str, Entity]) -> str:
    """Add the mention as a new entity, or fold it into the earlier one it refers to."""
    key = entity_id(m["type"], canonical)
    if key in entities:
        _add_aliases(entities[key], aliases)
        return key
    referent = _referent(m, canonical, entities)
    if referent is not None:
        _add_aliases(entities[referent], [m["text"]])
        return referent
    entities[key] = make_entity(record, m, canonical, aliases)
    return key


def _referent(m: dict, canonical: str, entities: dict[str, Entity]) -> str | None:
    """Id of the earliest entity of the speech that the mention refers back to, if any."""
    return next((key for key, e in entities.items() if e.type == m["type"]
                 and (e.canonical == canonical or _coreferent(canonical, e.canonical, m["type"]))),
                None)


def _add_aliases(entity: Entity, aliases: list[str]) -> None:
    for alias in aliases:
        alias = normalize.display_form(alias)
        if alias != entity.canonical and alias not in entity.aliases:
            entity.aliases.append(alias)


def make_entity(record: SpeechRecord, m: dict, canonical: str, aliases: list[str]) -> Entity:
    """An Entity from a mention, with concept, English name and recommendation ordinal."""
    concept = concepts.concept_for(canonical, m["type"])
    return Entity(
        id=entity_id(m["type"], canonical), type=m["type"], text=m["text"], start=m["start"],
        end=m["end"], canonical=canonical, name_en=gloss.english_name(canonical, m["type"]),
        concept=concept.id if concept else None, recommendation=_ordinal(record, m["start"]),
        relation=m.get("relation", "MENTIONS"), action=m.get("action"),
        action_en=m.get("action_en"), aliases=list(aliases),
        concept_name=concept.name if concept else None,
        concept_en=concept.name_en if concept else None)


def _ordinal(record: SpeechRecord, start: int) -> int | None:
    for rec in record.recommendations:
        if rec.start <= start < rec.end:
            return rec.ordinal
    return None


def _relations(found: list[dict], ids: dict[int, str]) -> list[Relation]:
    out: dict[tuple, Relation] = {}
    for r in found:
        source, target = ids.get(r["source"]), ids.get(r["target"])
        if source and target and source != target:
            key = (r["type"], source, target)
            out.setdefault(key, Relation(r["type"], source, target, r["start"], r["end"]))
    return list(out.values())
