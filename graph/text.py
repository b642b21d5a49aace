"""Text rules shared by both stores: the search matching rule and evidence sentences.

The matching rule is defined here once; the embedded store applies :func:`matches` and the
Neo4j store runs the same rule in Cypher (see ``cypher/proposals_by_filter.cypher``)::

    every whitespace-separated token of q, lower-cased, occurs in the lower-cased name,
    an alias, name_en, or (for entities) the concept's name or name_en.

So ``"pilot fund"`` finds 重庆中试熟化基金 through its English gloss, and ``"中试"`` through
its Chinese name.
"""

from __future__ import annotations

from collections.abc import Iterable

SENTENCE_ENDS = "。！？；\n"


def tokens(q: str | None) -> list[str]:
    """Lower-cased whitespace-separated tokens of a query (empty for None or blank).

    >>> tokens("  Pilot  FUND ")
    ['pilot', 'fund']
    """
    return q.lower().split() if q else []


def candidate_token(toks: list[str]) -> str | None:
    """The token candidates are looked up by (an index, a joined text): the longest, which is the
    most selective; the others are then checked on the candidates. None without tokens.

    >>> candidate_token(["pilot", "基金"])
    'pilot'
    """
    return max(toks, key=len) if toks else None


def matches(fields: Iterable[str | None], toks: list[str]) -> bool:
    """True when every token occurs in at least one of the (non-null) fields.

    >>> matches(["重庆中试熟化基金", "Chongqing pilot-scale maturation fund"], ["pilot", "fund"])
    True
    >>> matches(["种子基金"], ["中试"])
    False
    """
    lowered = [f.lower() for f in fields if f]
    return all(any(t in f for f in lowered) for t in toks)


def sentence(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of `text` holding `text[start:end]`, split on 。！？； and newlines.

    >>> sentence("一是设立基金。二是建立平台；三是完善机制。", 9, 11)
    '二是建立平台；'
    """
    begin = max(text.rfind(mark, 0, start) for mark in SENTENCE_ENDS) + 1
    stops = [i for i in (text.find(mark, max(end, start + 1) - 1) for mark in SENTENCE_ENDS) if i >= 0]
    stop = min(stops) + 1 if stops else len(text)
    return text[begin:stop].strip()
