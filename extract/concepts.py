"""The concept lexicon: classes such as guidance fund (引导基金) or pilot-scale platform (中试平台).

Concepts live in ``extract/data/concepts.tsv`` with their patterns; an entity is linked to the
most specific concept whose pattern matches its canonical name (see the file header for the
pattern language and the tie-breaking order).

>>> concept_for("市级科技成果转化引导基金", "Fund").id
'concept:guidance-fund'
>>> concept_for("重庆中试熟化基金", "Fund").name_en
'pilot-scale maturation fund'
>>> concept_for("“专精特新”中小企业", "Institution").id
'concept:specialised-innovative-enterprise'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from policykg.errors import InputError, NotFoundError
from policykg.extract.datafiles import read_tsv
from policykg.extract.normalize import clean
from policykg.extract.records import ENTITY_TYPES


@dataclass(frozen=True)
class Concept:
    """A class of entities, e.g. ``concept:guidance-fund`` 引导基金 "guidance fund" (Fund)."""

    id: str
    name: str
    name_en: str
    type: str
    broader: str | None = None
    priority: int = 0
    patterns: tuple[str, ...] = ()


def pattern_score(pattern: str, name: str) -> int:
    """Literal characters of ``pattern`` when it matches ``name``, else 0.

    >>> pattern_score("引导基金", "产业引导基金"), pattern_score("中试*平台", "小试/中试熟化平台")
    (4, 4)
    >>> pattern_score("专精特新*", "专精特新中小企业"), pattern_score("基金", "基金会")
    (4, 0)
    """
    pieces = pattern.split("*")
    tail = pieces.pop()
    if tail:
        if not name.endswith(tail):
            return 0
        name = name[: -len(tail)]
    position = 0
    for piece in pieces:
        found = name.find(piece, position)
        if found < 0:
            return 0
        position = found + len(piece)
    return sum(len(piece) for piece in pattern.split("*"))


@cache
def all_concepts() -> tuple[Concept, ...]:
    """Every concept of the lexicon, in file order."""
    concepts = tuple(_concept(row) for row in read_tsv("concepts.tsv"))
    _check(concepts)
    return concepts


def _concept(row: dict[str, str]) -> Concept:
    return Concept(id=row["id"], name=row["name"], name_en=row["name_en"], type=row["type"],
                   broader=row["broader"] or None, priority=int(row["priority"] or 0),
                   patterns=tuple(p for p in row["patterns"].split("|") if p))


def _check(concepts: tuple[Concept, ...]) -> None:
    ids = {c.id for c in concepts}
    for concept in concepts:
        if concept.type not in ENTITY_TYPES:
            raise InputError(f"{concept.id}: unknown type {concept.type!r}", source="concepts.tsv")
        if concept.broader and concept.broader not in ids:
            raise InputError(f"{concept.id}: unknown broader concept {concept.broader!r}",
                             source="concepts.tsv")
    if len(ids) != len(concepts):
        raise InputError("duplicate concept ids", source="concepts.tsv")


def get_concept(concept_id: str) -> Concept:
    """The concept with this id; :class:`NotFoundError` when there is none."""
    for concept in all_concepts():
        if concept.id == concept_id:
            return concept
    raise NotFoundError(f"no concept {concept_id!r}")


@lru_cache(maxsize=65536)
def concept_for(canonical: str, type_: str) -> Concept | None:
    """The most specific concept of ``type_`` whose pattern matches the name, or None.

    Specificity is the matched pattern's literal length, then the length it anchors at the end
    of the name (the head: 增长机制 beats 支持*机制), then the concept's priority, then file
    order. Quotes and spaces in the name are ignored. Only the patterns that can match are
    tried: those whose anchored tail ends the name (looked up by the name's endings) and those
    with a trailing ``*``.
    """
    name = clean(canonical)
    best: tuple[int, ...] = (0,)
    found = None
    for pattern, order, concept in _candidates(name, type_):
        key = (pattern_score(pattern, name), _tail_length(pattern), concept.priority, -order)
        if key[0] and key > best:
            best, found = key, concept
    return found


Candidate = tuple[str, int, Concept]
"""A pattern, its concept's place in the file and the concept."""


def _candidates(name: str, type_: str) -> list[Candidate]:
    """The patterns of ``type_`` that may match ``name``: by the name's endings, plus the
    unanchored ones (a trailing ``*``)."""
    by_tail, unanchored, longest = _pattern_index(type_)
    out = list(unanchored)
    for n in range(1, min(len(name), longest) + 1):
        out.extend(by_tail.get(name[-n:], ()))
    return out


@cache
def _pattern_index(type_: str) -> tuple[dict[str, list[Candidate]], tuple[Candidate, ...], int]:
    """The patterns of ``type_`` indexed by the tail they anchor at the end of a name."""
    by_tail: dict[str, list[Candidate]] = {}
    unanchored: list[Candidate] = []
    for order, concept in enumerate(all_concepts()):
        if concept.type != type_:
            continue
        for pattern in concept.patterns:
            tail = pattern.rsplit("*", 1)[-1]
            target = by_tail.setdefault(tail, []) if tail else unanchored
            target.append((pattern, order, concept))
    return by_tail, tuple(unanchored), max(map(len, by_tail), default=0)


def _tail_length(pattern: str) -> int:
    """Length of the part a pattern anchors at the end of the name (0 for a trailing ``*``)."""
    return len(pattern.rsplit("*", 1)[-1])


def broader_chain(concept: Concept) -> list[Concept]:
    """The concept and its broader concepts up to the top, nearest first."""
    chain = [concept]
    while chain[-1].broader and len(chain) < 16:
        chain.append(get_concept(chain[-1].broader))
    return chain
