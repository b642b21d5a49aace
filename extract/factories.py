"""Every spaCy registration of policykg in one place, with versioned names.

spaCy forbids dots in component factory names, so components are versioned with an underscore
(``policykg_entity_ruler_v1``); the tokenizer lives in a registry that allows dots.
Nothing registers as an import side effect: ``register()`` does it once, and the pipeline calls it.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.util import registry

TOKENIZER = "policykg.rjieba_tokenizer.v1"
ENTITY_RULER = "policykg_entity_ruler_v1"
RELATIONS = "policykg_relations_v1"


@cache
def register() -> None:
    """Register the tokenizer and the components under their versioned names."""
    from policykg.extract.entity_ruler import make_entity_ruler
    from policykg.extract.relations import make_relation_finder

    registry.tokenizers.register(TOKENIZER, func=_tokenizer_factory)
    Language.factory(ENTITY_RULER, func=make_entity_ruler)
    Language.factory(RELATIONS, func=make_relation_finder)


def _tokenizer_factory():
    from policykg.extract.lexicon import lexicon
    from policykg.extract.tokenizer import RJiebaTokenizer

    def create(nlp: Language) -> RJiebaTokenizer:
        lex = lexicon()
        return RJiebaTokenizer(nlp.vocab, lex.segmenter_words(), lex.unwanted_words(),
                               lex.opening_prepositions())

    return create
