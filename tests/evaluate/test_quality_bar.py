"""The quality bar of extraction on the development gold (speeches 1, 3 and 8 of the sample page).

This runs the real ingest and pipeline on the shipped sample page and scores it with the same
code as `policykg eval`. The bar (relaxed micro-F1 ≥ 0.90, strict ≥ 0.75) is the project's;
figures well above it are expected, so a failure here means extraction regressed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.data import sample_corpus
from policykg.extract.evaluate import evaluate, load_gold, load_predictions

GOLD = Path(__file__).parent / "data" / "dev-seed.jsonl"


@pytest.fixture(scope="module")
def report():
    pytest.importorskip("spacy")
    return evaluate(load_gold(GOLD), load_predictions([sample_corpus()]))


def test_every_gold_speech_is_found(report):
    assert report["speeches"]["aligned"] == report["speeches"]["gold"] == 3


def test_entity_scores_meet_the_bar(report):
    assert report["entities"]["relaxed"]["micro"]["f1"] >= 0.90
    assert report["entities"]["strict"]["micro"]["f1"] >= 0.75


def test_speech_level_scores(report):
    assert report["proposer"]["accuracy"] == 1.0
    assert report["affiliations"]["f1"] == 1.0
    assert report["recommendations"]["mae"] <= 0.5


def test_entities_have_english_names_and_concepts(report):
    assert report["names"]["english_share"] >= 0.95
    assert report["names"]["concept_share"] >= 0.95
