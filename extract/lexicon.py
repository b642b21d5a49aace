"""The extraction lexicons (``extract/data/*.tsv``) loaded once into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from policykg.extract.datafiles import read_tsv


@dataclass(frozen=True)
class Head:
    """A type head: the word that ends a noun phrase and decides its entity type."""

    text: str
    type: str
    bare: bool
    rule: str


@dataclass(frozen=True, eq=False)
class Lexicon:
    heads: dict[str, Head]
    max_head: int
    verbs: dict[str, tuple[str, str, bool]]  # verb -> (english, kind, inside)
    words: dict[str, str]  # boundary word -> the kind that decides its token class
    institutions: frozenset[str]
    rows: tuple[tuple[str, str], ...] = ()  # every (word, kind) row: a word may have several

    def kinds(self, kind: str) -> frozenset[str]:
        """Boundary words of one kind (generic, scope, nongov, capital …)."""
        return _kinds(self, kind)

    def proposes(self, word: str) -> bool:
        """Whether ``word`` is a proposing verb."""
        return word in self.verbs and self.verbs[word][1] == "propose"

    def segmenter_words(self) -> list[tuple[str, str]]:
        """(word, POS tag) pairs added to the segmenter so segmentation agrees with the rules."""
        pairs = [(h, "n") for h in self.heads if len(h) > 1]
        pairs += [(name, "nt") for name in self.institutions]
        pairs += [(v, "v") for v, (_, kind, _) in self.verbs.items()
                  if kind != "modifier" and len(v) > 1]
        pairs += [(w, _TAGS.get(k, "n")) for w, k in self.words.items()
                  if len(w) > 1 and k != "split" and w not in self.verbs]
        pairs += [(w, "n") for w in self.kinds("stage")]
        return pairs

    def opening_prepositions(self) -> list[tuple[str, str]]:
        """(character, POS tag) of the one-character prepositions and conjunctions that the
        segmenter must not fuse with the word after them (向智算 → 向 / 智算): the ``opener``
        kind, tagged as a conjunction (c) or a preposition (p)."""
        conj = self.kinds("conj")
        return sorted((w, "c" if w in conj else "p") for w in self.kinds("opener"))

    def unwanted_words(self) -> list[str]:
        """Dictionary words the segmenter must not form (联合政府 in 联合政府基金)."""
        return sorted(self.kinds("split"))


@cache
def _kinds(lex: Lexicon, kind: str) -> frozenset[str]:
    return frozenset(w for w, k in lex.rows if k == kind)


_CLASS_KINDS = frozenset({"prep", "conj", "quant", "locative", "adverb", "clause"})
_ROLE_KINDS = frozenset({"coverb", "prefix", "level", "stage", "alias", "np_head", "joining",
                         "serial", "opener", "partner", "staff", "predicate", "serve", "operate",
                         "bound", "unit"})
"""Kinds that only describe a word's role in a phrase (read through ``Lexicon.kinds``): they
neither decide a token class nor make the word a boundary word of ``Lexicon.words``."""
_TAGS = {"prep": "p", "conj": "c", "quant": "m", "locative": "s", "adverb": "d", "clause": "c"}


@cache
def lexicon() -> Lexicon:
    """All lexicons, read once per process."""
    heads = {r["head"]: Head(r["head"], r["type"], r["bare"] == "yes", r["rule"])
             for r in read_tsv("heads.tsv")}
    institutions = frozenset(r["name"] for r in read_tsv("institutions.tsv"))
    for name in institutions:
        heads.setdefault(name, Head(name, "Institution", True, ""))
    verbs = {r["verb"]: (r["english"], r["kind"], r["inside"] == "yes")
             for r in read_tsv("verbs.tsv")}
    rows = tuple((r["word"], r["kind"]) for r in read_tsv("boundaries.tsv"))
    words: dict[str, str] = {}
    for word, kind in rows:  # a kind that makes a token class wins over a descriptive one
        if kind in _ROLE_KINDS:
            continue
        if word not in words or kind in _CLASS_KINDS:
            words[word] = kind
    return Lexicon(heads, max(map(len, heads)), verbs, words, institutions, rows)
