"""Extract and score the held-out documents: layouts no rule was written from.

Each text in ``heldout/`` was written in a layout or register the fixtures do not use, and its
gold (``heldout/gold.jsonl``) records title, proposer, affiliations and recommendation count (no
entities). The floors sit a little below the figures reached, so that a change that loses a
layout fails here.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main

HELDOUT = Path(__file__).parent / "heldout"
FLOORS = {"proposer": 0.99, "affiliation_f1": 0.99, "max_mae": 0.02}  # reached: 1.0, 1.0, 0 on 106 speeches


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout") / "out.jsonl"
    texts = sorted(str(p) for p in HELDOUT.glob("*.txt"))
    extracted = CliRunner().invoke(main, ["extract", "--no-entities", *texts])
    assert extracted.exit_code == 0, extracted.stderr
    out.write_text(extracted.stdout, encoding="utf-8")
    scored = CliRunner().invoke(main, ["eval", "--json", str(HELDOUT / "gold.jsonl"), str(out)])
    assert scored.exit_code == 0, scored.stderr
    return json.loads(scored.stdout)


def test_every_heldout_speech_is_found(report):
    assert report["speeches"]["missing"] == []


def test_proposers_and_affiliations_hold_their_floors(report):
    assert report["proposer"]["accuracy"] >= FLOORS["proposer"]
    assert report["affiliations"]["f1"] >= FLOORS["affiliation_f1"]


def test_recommendation_counts_hold_their_floor(report):
    assert report["recommendations"]["mae"] <= FLOORS["max_mae"]
