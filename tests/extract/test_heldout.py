"""Extraction scored on made-up held-out speeches of other domains and layouts (``heldout/``).

The texts run through the real ingest and pipeline and are scored by the code behind
``policykg eval``. The floors sit just below the figures reached when they were set
(strict micro-F1 0.997, relaxed 0.999 over 23 speeches and 362 gold entities), so they catch
regressions without pinning every entity. After the third blind batch and the checks that followed
it, 58 speeches and 1032 gold entities scored strict 0.996, relaxed 0.997; with the fourth blind
batch and the eleventh to seventeenth checks, 83 speeches and 1363 gold entities score strict
0.997, relaxed 0.997; the floors sit at or just below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from heldout_scoring import score_folder

HELDOUT = Path(__file__).parent / "heldout"
STRICT_FLOOR = 0.996
RELAXED_FLOOR = 0.997


@pytest.fixture(scope="module")
def report():
    return score_folder(HELDOUT)


def test_every_heldout_speech_is_found(report):
    assert report["speeches"]["missing"] == []
    assert report["speeches"]["aligned"] == report["speeches"]["gold"] == 83


def test_heldout_entity_scores_stay_above_the_floor(report):
    micro = report["entities"]
    assert micro["strict"]["micro"]["f1"] >= STRICT_FLOOR
    assert micro["relaxed"]["micro"]["f1"] >= RELAXED_FLOOR


def test_every_heldout_type_is_found(report):
    for type_, counts in report["entities"]["relaxed"].items():
        assert counts["f1"] >= 0.9, type_


def test_heldout_speech_level_scores(report):
    assert report["proposer"]["accuracy"] >= 57 / 58
    assert report["recommendations"]["mae"] <= 0.3
