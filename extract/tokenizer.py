"""A fast spaCy tokenizer for Chinese: jieba-rs (``rjieba``) segmentation with part-of-speech tags.

``spacy.blank("zh")`` with the pure-Python jieba segmenter runs at about half the speed of
``jieba.lcut`` alone; ``rjieba`` (the Rust port) segments and tags many times faster, so the
whole extraction pipeline can stay faster than raw ``jieba.lcut``.

Every word of the project's lexicons (type heads, verbs, institution categories, boundary words)
is added to the segmenter's dictionary so that segmentation agrees with the rules reading it
(设立并做大 → 设立 / 并 / 做大, not 做 / 大). Tokens are exactly the characters of the text:
whitespace and line breaks become their own tokens, so ``doc.text == text`` always.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

import rjieba
from spacy.tokens import Doc
from spacy.vocab import Vocab

TOKENS_KEY = "policykg_tokens"
"""``doc.user_data`` key holding the (words, tags) lists, so components need not rebuild them."""

_WORD_FREQ = 200_000
"""Dictionary frequency given to lexicon words: high enough to win over shorter splits."""


def make_segmenter(words: Iterable[tuple[str, str]] = (),
                   unwanted: Iterable[str] = ()) -> rjieba.Jieba:
    """A jieba-rs segmenter with the default dictionary plus ``(word, tag)`` pairs, and with the
    ``unwanted`` dictionary words made so rare that the segmenter splits them."""
    segmenter = rjieba.Jieba()
    for word, tag in words:
        segmenter.add_word(word, _WORD_FREQ, tag)
    for word in unwanted:
        segmenter.add_word(word, 1, "x")
    return segmenter


class RJiebaTokenizer:
    """Callable turning text into a Doc of jieba-rs words tagged with jieba POS tags.

    ``openers`` are (character, tag) pairs of one-character prepositions and conjunctions (向,
    由, 和 …) that the segmenter must not fuse with the word after them: see ``split_openers``."""

    def __init__(self, vocab: Vocab, words: Iterable[tuple[str, str]] = (),
                 unwanted: Iterable[str] = (), openers: Iterable[tuple[str, str]] = ()):
        self.vocab = vocab
        self.words, self.unwanted = tuple(words), tuple(unwanted)
        self.openers = dict(openers)
        self.segmenter = make_segmenter(self.words, self.unwanted)

    def __call__(self, text: str) -> Doc:
        gc_was_enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small tuples: no cyclic GC passes over them
        try:
            return self._doc(text)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _doc(self, text: str) -> Doc:
        pairs = self.segmenter.tag(text, True) if text else []
        if self.openers:
            pairs = split_openers(pairs, self.openers, self.segmenter)
        words = [word for word, _ in pairs]
        if "".join(words) != text:  # never expected; keep the Doc aligned with the text anyway
            words, pairs = _char_fallback(text)
        tags = [tag for _, tag in pairs]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags)
        doc.user_data[TOKENS_KEY] = (words, tags)
        return doc

    def __reduce__(self):
        return (RJiebaTokenizer, (self.vocab, self.words, self.unwanted,
                                 tuple(self.openers.items())))

    # spaCy calls these when saving or loading a pipeline; the state lives in the lexicon files.
    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> RJiebaTokenizer:
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> RJiebaTokenizer:
        return self


def split_openers(pairs: list[tuple[str, str]], openers: dict[str, str],
                  segmenter: rjieba.Jieba) -> list[tuple[str, str]]:
    """``pairs`` with a preposition or conjunction split off the word it was fused into: a word
    the hidden Markov model made up (no dictionary word) that opens with one (数据中心/向智算/
    中心 → 向 / 智算), a dictionary entry read as a personal name that is one of them before
    a dictionary word (和适航/nr → 和 / 适航), or one ending a two-character "preposition" that
    opens with a noun (局在/p → 局 / 在). Other personal names stay whole (向明, 于洋).
    Decisions are memoised per (word, tag): vocabularies repeat."""
    firsts = openers.keys()
    candidates = [i for i, (w, _) in enumerate(pairs)
                  if len(w) > 1 and (w[0] in firsts or w[-1] in firsts)]
    changes: list[tuple[int, tuple[tuple[str, str], ...]]] = []
    for index in candidates:
        pair = pairs[index]
        parts = _SPLITS.get(pair)
        if parts is None:
            if len(_SPLITS) > _SPLITS_SIZE:
                _SPLITS.clear()
            parts = _SPLITS[pair] = _split(pair, openers, segmenter)
        if len(parts) > 1:
            changes.append((index, parts))
    if not changes:
        return pairs
    out = list(pairs)
    for index, parts in reversed(changes):
        out[index:index + 1] = parts
    return out


_SPLITS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
_SPLITS_SIZE = 200_000
"""Most decisions kept before the memo starts afresh: bounded memory on any corpus."""


def _split(pair: tuple[str, str], openers: dict[str, str],
           segmenter: rjieba.Jieba) -> tuple[tuple[str, str], ...]:
    word, tag = pair
    if word[0] in openers and _fused(word, tag, segmenter):
        return (word[0], openers[word[0]]), (word[1:], "n" if tag.startswith("nr") else tag)
    if len(word) == 2 and tag == "p" and word[1] in openers and word[0] not in openers:
        return (word[0], "n"), (word[1], openers[word[1]])  # 促进/局在 → 局 / 在
    return (pair,)


def _fused(word: str, tag: str, segmenter: rjieba.Jieba) -> bool:
    if tag.startswith("nr"):
        return len(word) > 2 and segmenter.has_word(word[1:])
    return not segmenter.has_word(word)


def _char_fallback(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    words = list(text)
    return words, [(w, "x") for w in words]
