"""Answers to named questions kept while the graph is unchanged.

A broad question on a large graph (``who_proposed(type="Fund")`` ranks every proposer of every
fund) costs what the whole answer costs, however small the page; the graph changes only when
documents are loaded or deleted. So each store keeps the answers it gave, keyed by the question
(method and arguments, defaults filled in) and tagged with the **revision** of the graph they
were computed on. A question is answered from the cache only while the store reports the same
revision; any write — by this process, another process or a user in Neo4j Browser — changes the
revision, and the next ask recomputes.

- The embedded store's revision is a counter bumped by each of its writes (the file is read once,
  when the store opens).
- Neo4j's revision is the bookmark a read transaction returns: it names the last transaction
  committed to the database, whoever committed it (see ``Neo4jStore.revision``).

Concurrent asks of the same question on the same revision compute it once; the others wait for
that answer (or its error). Answers are shared, not copied: callers must not mutate them. The
cache holds at most ``size`` answers, least recently used dropped first; size 0 turns it off.
An answer larger than ``max_items`` values (:data:`MAX_ITEMS` by default) is given but never kept.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

DEFAULT_SIZE = 256
"""Answers kept by default (a who-proposed page with evidence is tens of kilobytes)."""

MAX_ITEMS = 50_000
"""Answers holding more values than this (dict entries and list items, counted through every
level) are given but not kept: a page of 1000 hits with 1000 evidence items each would hold
hundreds of megabytes. The API's default pages hold a few thousand."""

RANKINGS_KEPT = 8
"""Whole who_proposed rankings kept apart from the pages (see ``GraphStore.ranking_cache``)."""

RANKING_MAX_ITEMS = 1_000_000
"""A ranking holds about 9 values a hit: up to some 110,000 hits (tens of megabytes) are kept."""

T = TypeVar("T")


@dataclass
class _Pending:
    """An answer being computed by one thread, awaited by the others asking the same question."""

    done: threading.Event = field(default_factory=threading.Event)
    value: Any = None
    error: BaseException | None = None


class AnswerCache:
    """A bounded LRU map from (question, revision) to answer, computing each answer once."""

    def __init__(self, size: int = DEFAULT_SIZE, max_items: int | None = None):
        if size < 0:
            raise ValueError(f"cache size must be at least 0, got {size}")
        self.size = size
        self.max_items = MAX_ITEMS if max_items is None else max_items
        self._answers: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._pending: dict[tuple[Hashable, Hashable], _Pending] = {}
        self._forms: dict[int, tuple[Any, dict[Hashable, Any]]] = {}  # id(kept answer) -> (it, its forms)
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def answer(self, question: Hashable, revision: Hashable, compute: Callable[[], T]) -> T:
        """The answer to `question` on `revision`: kept, being computed by another thread, or computed now."""
        if self.size == 0:
            return compute()
        with self._lock:
            kept = self._answers.get(question)
            if kept is not None and kept[0] == revision:
                self._answers.move_to_end(question)
                self.hits += 1
                return kept[1]
            self.misses += 1
            pending = self._pending.get((question, revision))
            owner = pending is None
            if owner:
                pending = self._pending[(question, revision)] = _Pending()
        if not owner:
            pending.done.wait()
            if pending.error is not None:
                raise pending.error
            return pending.value
        try:
            pending.value = compute()
        except BaseException as error:
            pending.error = error
            raise
        else:
            if _small(pending.value, self.max_items):
                with self._lock:
                    self._keep(question, revision, pending.value)
            return pending.value
        finally:
            with self._lock:
                del self._pending[(question, revision)]
            pending.done.set()

    def _keep(self, question: Hashable, revision: Hashable, value: Any) -> None:
        """Keep `value` as the answer to `question` on `revision` (the lock held)."""
        replaced = self._answers.pop(question, None)
        if replaced is not None:
            self._forms.pop(id(replaced[1]), None)
        self._answers[question] = (revision, value)
        self._forms[id(value)] = (value, {})
        while len(self._answers) > self.size:
            _, (_, dropped) = self._answers.popitem(last=False)
            self._forms.pop(id(dropped), None)

    def rendered(self, answer: Any, form: Hashable, render: Callable[[], T]) -> T:
        """``render()`` of `answer` (e.g. its JSON body), made once per `form` while the answer is kept.

        The API serves a kept answer as bytes rendered the first time instead of validating and
        encoding it on every request. An answer that is not (or no longer) kept is rendered anew.
        """
        with self._lock:
            slot = self._forms.get(id(answer))
            if slot is not None and slot[0] is answer and form in slot[1]:
                return slot[1][form]
        made = render()
        with self._lock:
            slot = self._forms.get(id(answer))
            if slot is not None and slot[0] is answer:
                slot[1][form] = made
        return made

    def clear(self) -> None:
        """Forget every answer (the counters are kept)."""
        with self._lock:
            self._answers.clear()
            self._forms.clear()

    def __len__(self) -> int:
        return len(self._answers)


def ranking_cache(size: int) -> AnswerCache:
    """The cache of whole who_proposed rankings for a store whose answer cache holds `size`
    answers: at most :data:`RANKINGS_KEPT` of them, off when `size` is 0."""
    return AnswerCache(min(size, RANKINGS_KEPT), max_items=RANKING_MAX_ITEMS)


@dataclass
class _Round:
    """Callers sharing one probe: all of them asked before it started."""

    done: threading.Event = field(default_factory=threading.Event)
    value: Any = None
    error: BaseException | None = None
    members: int = 0


class SharedProbe:
    """A revision probe that concurrent callers share, without ever reading a stale revision.

    Callers who ask while a probe is running join the next round; the round's first caller runs
    its probe once the running one is done, and every member gets that result. Each member asked
    before its round's probe started, so the result is as fresh as a probe of its own; with
    eight questions in flight, one or two probes are sent instead of eight.
    """

    def __init__(self, probe: Callable[[], T]):
        self._probe = probe
        self._lock = threading.Lock()  # guards _open
        self._running = threading.Lock()  # held while a probe runs: one at a time
        self._open: _Round | None = None  # the round still taking members
        self.probes = 0

    def __call__(self) -> Any:
        with self._lock:
            leader = self._open is None
            if leader:
                self._open = _Round()
            round_ = self._open
            round_.members += 1
        if leader:
            with self._running:
                with self._lock:
                    self._open = None  # later callers form the next round
                try:
                    self.probes += 1
                    round_.value = self._probe()
                except BaseException as error:
                    round_.error = error
                finally:
                    round_.done.set()
        round_.done.wait()
        if round_.error is not None:
            raise round_.error
        return round_.value


def _small(value: Any, budget: int) -> bool:
    """Whether `value` holds at most `budget` values in its dicts and lists, all levels counted
    (the walk stops as soon as the budget is spent)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            budget -= len(item)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            budget -= len(item)
            stack.extend(item)
        else:
            continue
        if budget < 0:
            return False
    return True


def _hashable(value: Any) -> Hashable:
    """A question argument as a cache key part: lists and sets become tuples, dicts sorted item tuples."""
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(_hashable(v) for v in value))
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def cached_answer(method: Callable[..., T]) -> Callable[..., T]:
    """Answer a store method from the store's ``answer_cache`` (see the module docstring).

    The key is the method's name and its bound arguments with defaults applied, so that
    ``who_proposed_page("Fund")`` and ``who_proposed_page(type="Fund", offset=0)`` share an answer.
    Errors (a bad parameter, an unknown proposer, Neo4j away) are raised, never kept.
    """
    signature = inspect.signature(method)

    @functools.wraps(method)
    def answered(self, *args: Any, **kwargs: Any) -> T:
        cache: AnswerCache | None = self.answer_cache
        if cache is None or cache.size == 0:
            return method(self, *args, **kwargs)
        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        question = (method.__name__, *(_hashable(v) for k, v in bound.arguments.items() if k != "self"))
        return cache.answer(question, self.revision(), lambda: method(self, *args, **kwargs))

    return answered
