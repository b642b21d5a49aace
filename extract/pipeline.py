"""The extraction pipeline: a blank Chinese spaCy pipeline with policykg's own components.

>>> nlp = build_nlp()
>>> nlp.pipe_names
['policykg_entity_ruler', 'policykg_relations']

``annotate`` fills ``entities`` and ``relations`` of speech records (see ``records.py``): entity
mentions come from the spaCy components, and resolution (first mention per speech, coreference,
canonical names, concepts, English names, recommendation ordinals) from ``resolve.py``. A speech
printed in traditional characters is read through its one-for-one simplified folding
(``reading_text``); its entities keep the printed surface and offsets, and get simplified
canonical names, so both scripts name one graph node.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import tee

import spacy
from spacy.language import Language

from policykg.extract import concepts, datafiles, factories, gloss
from policykg.extract.entity_ruler import without_gc
from policykg.extract.layout import fold_traditional, traditional_table
from policykg.extract.records import SpeechRecord
from policykg.extract.resolve import fill_record

DEFAULT_BATCH_SIZE = 16
RESOLUTION_LEXICONS = ("aliases.tsv", "coreference.tsv")
"""Lexicons read by resolution (besides the glossary and concepts), loaded with the pipeline."""


def build_nlp() -> Language:
    """A fresh pipeline: ``spacy.blank("zh")`` with the jieba-rs tokenizer and our components."""
    factories.register()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": factories.TOKENIZER}}})
    nlp.add_pipe(factories.ENTITY_RULER, name="policykg_entity_ruler")
    nlp.add_pipe(factories.RELATIONS, name="policykg_relations")
    load_resolution_data()
    return nlp


def load_resolution_data() -> None:
    """Read what resolution needs (glossary, concepts, aliases) now, when the pipeline is built,
    as spaCy components load their data at construction: the first document pays only for
    its own work."""
    datafiles.preload(RESOLUTION_LEXICONS)
    concepts.all_concepts()
    gloss.load()


@cache
def shared_nlp() -> Language:
    """One pipeline per process, built on first use."""
    return build_nlp()


def annotate(records: Iterable[SpeechRecord], n_process: int = 1,
             batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[SpeechRecord]:
    """Yield each record, in order, with ``entities`` and ``relations`` filled from its text.

    With ``n_process > 1`` records are spread over forked worker processes that each run the
    whole extraction (pipeline and resolution) and send back only the filled records; that
    ships far less between processes than ``nlp.pipe(n_process=…)``, which sends whole Docs.
    Where ``fork`` is unavailable, it falls back to ``nlp.pipe(n_process=…)``.
    """
    nlp = shared_nlp()
    if n_process > 1 and "fork" in mp.get_all_start_methods():
        yield from _annotate_forked(records, n_process, batch_size)
        return
    for_texts, for_fill = tee(records)
    texts = (reading_text(record.speech.text) for record in for_texts)
    for record, doc in zip(for_fill, nlp.pipe(texts, n_process=n_process, batch_size=batch_size)):
        with without_gc():
            filled = fill_record(record, doc)
        yield filled


def _annotate_one(record: SpeechRecord) -> SpeechRecord:
    return fill_record(record, shared_nlp()(reading_text(record.speech.text)))


def reading_text(text: str) -> str:
    """The text the pipeline reads: a text in traditional characters folded to simplified ones,
    one character for one (the lexicons and the segmenter know simplified words), so every
    offset found in it is an offset into the printed text too; any other text as it is.
    Resolution puts the printed characters back into the surfaces (see ``resolve``). A text
    without a single traditional form, the usual case, is passed on after one quick scan."""
    if _traditional_forms().isdisjoint(text):
        return text
    return fold_traditional(text)[0]


@cache
def _traditional_forms() -> frozenset[str]:
    return frozenset(traditional_table())


def _annotate_forked(records: Iterable[SpeechRecord], n_process: int,
                     batch_size: int) -> Iterator[SpeechRecord]:
    with mp.get_context("fork").Pool(n_process) as pool:
        yield from pool.imap(_annotate_one, records, chunksize=max(1, batch_size))
