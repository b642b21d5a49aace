"""The concept index (patterns looked up by the name's endings) gives exactly what a scan of
every pattern of every concept gives, on every name extraction produces from the sample page
and the held-out speeches, under every entity type."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.data import sample_corpus
from policykg.extract.concepts import Concept, _tail_length, all_concepts, concept_for, pattern_score
from policykg.extract.normalize import clean
from policykg.extract.records import ENTITY_TYPES

HELDOUT = Path(__file__).resolve().parents[1] / "extract" / "heldout"


def scanned_concept(canonical: str, type_: str) -> Concept | None:
    """The reference: every pattern of every concept of the type, scored in file order."""
    name, best, found = clean(canonical), (0,), None
    for order, concept in enumerate(all_concepts()):
        for pattern in concept.patterns if concept.type == type_ else ():
            key = (pattern_score(pattern, name), _tail_length(pattern), concept.priority, -order)
            if key[0] and key > best:
                best, found = key, concept
    return found


@pytest.fixture(scope="module")
def extracted_names() -> set[str]:
    pytest.importorskip("spacy")
    from policykg.extract.evaluate import extract_records  # noqa: PLC0415 - needs spaCy

    inputs = [Path(sample_corpus()), *sorted(HELDOUT.glob("*.txt"))]
    names = {e["canonical"] for r in extract_records(inputs) for e in r["entities"]}
    assert len(names) > 300
    return names


def test_index_agrees_with_a_scan_of_every_pattern(extracted_names):
    for name in sorted(extracted_names):
        for type_ in ENTITY_TYPES:
            assert concept_for(name, type_) == scanned_concept(name, type_), (name, type_)


def test_index_agrees_on_unanchored_and_short_names():
    for name in ("专精特新", "专精特新中小企业", "基金", "中心", "小试/中试熟化平台", "", "会"):
        for type_ in ENTITY_TYPES:
            assert concept_for(name, type_) == scanned_concept(name, type_), (name, type_)
