"""Fixtures building speech records from made-up text and running them through the pipeline."""

from __future__ import annotations

import pytest

from policykg.extract.pipeline import annotate
from policykg.extract.records import (Document, Proposer, Recommendation, Speech, SpeechRecord)


def record(text: str, proposer: str = "某某委员会", recommendations=()) -> SpeechRecord:
    """A one-speech record over ``text``; ``recommendations`` are (start, end) spans."""
    doc = Document(id="doc:test", source="test.txt", sha256="0")
    speech = Speech(id="doc:test/s1", order=1, title="测试", text=text)
    recs = [Recommendation(f"doc:test/s1/r{n}", n, "", s, e)
            for n, (s, e) in enumerate(recommendations, 1)]
    return SpeechRecord(doc, speech, Proposer(proposer, "organization"), recs)


def extract(text: str, **kwargs) -> SpeechRecord:
    """The annotated record of one made-up speech."""
    return next(annotate([record(text, **kwargs)]))


def found(text: str) -> set[tuple[str, str]]:
    """(type, surface) pairs extracted from ``text``."""
    return {(e.type, e.text) for e in extract(text).entities}


def texts(text: str) -> set[str]:
    """Surfaces extracted from ``text``."""
    return {e.text for e in extract(text).entities}


@pytest.fixture(name="record")
def record_fixture():
    return record


@pytest.fixture(name="extract")
def extract_fixture():
    return extract


@pytest.fixture(name="found")
def found_fixture():
    return found


@pytest.fixture(name="texts")
def texts_fixture():
    return texts
