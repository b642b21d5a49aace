"""The extraction pipeline: a blank Chinese spaCy pipeline with policykg's own components.

>>> nlp = build_nlp()
>>> nlp.pipe_names
['policykg_entity_ruler', 'policykg_relations']

``annotate`` fills ``entities`` and ``relations`` of speech records (see ``records.py``): entity
mentions come from the spaCy components, and resolution (first mention per speech, coreference,
canonical names, concepts, English names, recommendation ordinals) from ``resolve.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import tee

import spacy
from spacy.language import Language

from policykg.extract import factories
from policykg.extract.records import SpeechRecord
from policykg.extract.resolve import fill_record

DEFAULT_BATCH_SIZE = 16


def build_nlp() -> Language:
    """A fresh pipeline: ``spacy.blank("zh")`` with the jieba-rs tokenizer and our components."""
    factories.register()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": factories.TOKENIZER}}})
    nlp.add_pipe(factories.ENTITY_RULER, name="policykg_entity_ruler")
    nlp.add_pipe(factories.RELATIONS, name="policykg_relations")
    return nlp


@cache
def shared_nlp() -> Language:
    """One pipeline per process, built on first use."""
    return build_nlp()


def annotate(records: Iterable[SpeechRecord], n_process: int = 1,
             batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[SpeechRecord]:
    """Yield each record with ``entities`` and ``relations`` filled from its speech text."""
    for_texts, for_fill = tee(records)
    texts = (record.speech.text for record in for_texts)
    docs = shared_nlp().pipe(texts, n_process=n_process, batch_size=batch_size)
    for record, doc in zip(for_fill, docs):
        yield fill_record(record, doc)
