"""Scoring a held-out folder (``gold.jsonl`` plus the ``*.txt`` it annotates), shared by the
entity and relation held-out tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policykg.extract.evaluate import evaluate, load_gold, load_predictions


def score_folder(folder: Path) -> dict[str, Any]:
    """The evaluation report of every text in `folder` against its ``gold.jsonl``."""
    pytest.importorskip("spacy")
    return evaluate(load_gold(folder / "gold.jsonl"), load_predictions(sorted(folder.glob("*.txt"))))
