"""Answers kept while the graph is unchanged: the cache itself, and that no write goes unseen.

The store tests run on both backends; on Neo4j they also write through a second client, which
the first store must notice (its revision is the database's last committed transaction).
"""

from __future__ import annotations

import threading

import pytest

from policykg.errors import NotFoundError
from policykg.graph.cache import AnswerCache


# -- the cache --------------------------------------------------------------------------------------
def test_an_answer_is_kept_for_its_revision_only():
    cache, calls = AnswerCache(4), []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert cache.answer("q", 1, compute) == 1
    assert cache.answer("q", 1, compute) == 1
    assert cache.answer("q", 2, compute) == 2  # the graph changed: computed again
    assert cache.answer("q", 2, compute) == 2
    assert (cache.hits, cache.misses) == (2, 2)


def test_the_least_recently_used_answer_goes_first():
    cache = AnswerCache(2)
    for question in ("a", "b"):
        cache.answer(question, 0, lambda q=question: q.upper())
    cache.answer("a", 0, lambda: "never")  # a is now the most recently used
    cache.answer("c", 0, lambda: "C")  # evicts b
    assert cache.answer("a", 0, lambda: "recomputed") == "A"
    assert cache.answer("b", 0, lambda: "recomputed") == "recomputed"
    assert len(cache) == 2


def test_size_zero_keeps_nothing_and_a_negative_size_is_refused():
    cache, calls = AnswerCache(0), []
    for _ in range(3):
        cache.answer("q", 0, lambda: calls.append(1))
    assert len(calls) == 3 and len(cache) == 0
    with pytest.raises(ValueError, match="cache size must be at least 0, got -1"):
        AnswerCache(-1)


def test_a_very_large_answer_is_given_but_not_kept(monkeypatch):
    from policykg.graph import cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_ITEMS", 10)
    cache = AnswerCache()
    small = {"hits": [{"id": i} for i in range(4)]}  # 1 + 4 + 4 values
    large = {"hits": [{"id": i, "evidence": [i]} for i in range(4)]}  # 1 + 4 + 8 + 4 values
    assert cache.answer("small", 0, lambda: small) is small
    assert cache.answer("large", 0, lambda: large) is large
    assert cache.answer("small", 0, lambda: "recomputed") is small
    assert cache.answer("large", 0, lambda: "recomputed") == "recomputed"


def test_max_items_sets_what_a_cache_keeps():
    cache = AnswerCache(4, max_items=3)
    assert cache.answer("three", 0, lambda: [1, 2, 3]) == [1, 2, 3]
    assert cache.answer("four", 0, lambda: [1, 2, 3, 4]) == [1, 2, 3, 4]
    assert list(cache._answers) == ["three"]


def test_a_kept_answer_is_rendered_once_per_form_and_forgotten_with_it():
    cache, renders = AnswerCache(1), []

    def render(text):
        renders.append(text)
        return text.encode()

    first = cache.answer("q", 0, lambda: {"hits": []})
    assert cache.rendered(first, "json", lambda: render("a")) == b"a"
    assert cache.rendered(first, "json", lambda: render("again")) == b"a"  # kept with its answer
    assert cache.rendered(first, "other form", lambda: render("b")) == b"b"
    cache.answer("r", 0, lambda: {"hits": [1]})  # evicts q's answer, and its renderings with it
    assert cache.rendered(first, "json", lambda: render("c")) == b"c"
    assert cache.rendered(first, "json", lambda: render("d")) == b"d"  # an answer no longer kept
    assert renders == ["a", "b", "c", "d"]


def test_concurrent_asks_of_one_question_compute_it_once():
    cache, calls = AnswerCache(), []
    started, release = threading.Event(), threading.Event()

    def compute():
        calls.append(1)
        started.set()
        release.wait(5)
        return "answer"

    answers: list[str] = []
    threads = [threading.Thread(target=lambda: answers.append(cache.answer("q", 0, compute))) for _ in range(6)]
    threads[0].start()
    started.wait(5)
    for thread in threads[1:]:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(5)
    assert answers == ["answer"] * 6 and len(calls) == 1


def test_an_error_reaches_every_waiter_and_is_not_kept():
    cache = AnswerCache()
    started, release = threading.Event(), threading.Event()

    def failing():
        started.set()
        release.wait(5)
        raise NotFoundError("no proposer named 'x'")

    errors: list[BaseException] = []

    def ask():
        try:
            cache.answer("q", 0, failing)
        except NotFoundError as error:
            errors.append(error)

    first = threading.Thread(target=ask)
    first.start()
    started.wait(5)
    waiter = threading.Thread(target=ask)
    waiter.start()
    release.set()
    first.join(5)
    waiter.join(5)
    assert [str(e) for e in errors] == ["no proposer named 'x'"] * 2
    assert cache.answer("q", 0, lambda: "now it works") == "now it works"


# -- stores ----------------------------------------------------------------------------------------
def _of(records, document_id):
    return [r for r in records if r.document.id == document_id]


def _reference(fresh_embedded, records):
    """A store holding `records` that keeps no answers: what a correct answer is."""
    reference = fresh_embedded()
    reference.answer_cache = reference.ranking_cache = AnswerCache(0)
    reference.load(records)
    return reference


QUESTIONS = [
    ("who_proposed_page", {}),
    ("who_proposed_page", {"type": "Fund", "limit": 2}),
    ("who_proposed_page", {"limit": 3, "offset": 2}),  # past the first page: a slice of the kept ranking
    ("overlap_matrix_page", {"level": "concept"}),
    ("search", {"q": "基金"}),
]


def _answers(store):
    return [getattr(store, name)(**kwargs) for name, kwargs in QUESTIONS]


def test_a_repeated_question_is_answered_from_the_cache(loaded):
    first = loaded.who_proposed_page("Fund")
    hits = loaded.answer_cache.hits
    assert loaded.who_proposed_page(type="Fund", offset=0) is first  # the same question, spelled differently
    assert loaded.answer_cache.hits == hits + 1
    assert loaded.who_proposed_page(type="Fund", offset=1) is not first


def test_answers_follow_loads_replacements_and_deletions(store, records, records_v2, fresh_embedded):
    alpha, beta = _of(records, "doc:alpha"), _of(records, "doc:beta")
    store.load(alpha)
    before = _answers(store)
    assert before == _answers(_reference(fresh_embedded, alpha))
    store.load(beta)
    assert _answers(store) == _answers(_reference(fresh_embedded, records))
    store.load(records_v2)  # replaces doc:alpha, after doc:beta (aliases keep the order documents came in)
    assert _answers(store) == _answers(_reference(fresh_embedded, beta + records_v2))
    store.delete_document("doc:alpha")
    assert _answers(store) == _answers(_reference(fresh_embedded, beta))
    store.delete_document("doc:beta")
    assert _answers(store) == _answers(_reference(fresh_embedded, []))


def test_pages_past_the_first_are_slices_of_one_kept_ranking(loaded, records, fresh_embedded):
    whole = loaded.who_proposed_page()
    assert whole["count"] >= 6
    pages = [loaded.who_proposed_page(limit=2, offset=offset) for offset in range(0, whole["count"], 2)]
    assert [hit for page in pages for hit in page["hits"]] == whole["hits"]
    assert {page["count"] for page in pages} == {whole["count"]}
    assert (len(loaded.ranking_cache), loaded.ranking_cache.misses) == (1, 1)  # ranked once for every later page
    assert loaded.who_proposed_page(limit=2, offset=whole["count"]) == {"count": whole["count"], "hits": []}
    reference = _reference(fresh_embedded, records)
    for offset in (1, 3):
        for query in ({"type": "Fund"}, {"q": "基金"}, {"concept": "风险补偿"}):
            page = loaded.who_proposed_page(**query, limit=2, offset=offset)
            assert page == reference.who_proposed_page(**query, limit=2, offset=offset)


def test_a_kept_ranking_follows_writes(store, records, fresh_embedded):
    alpha = _of(records, "doc:alpha")
    store.load(alpha)
    assert store.who_proposed_page(limit=1, offset=1) == _reference(fresh_embedded, alpha).who_proposed_page(limit=1, offset=1)
    store.load(records)
    assert store.who_proposed_page(limit=1, offset=1) == _reference(fresh_embedded, records).who_proposed_page(limit=1, offset=1)
    assert store.ranking_cache.misses == 2


def test_an_unchanged_reload_keeps_the_answers(loaded, records):
    revision = loaded.revision()
    answer = loaded.who_proposed_page()
    loaded.load(records)  # same ids and hashes: nothing written
    assert loaded.revision() == revision
    assert loaded.who_proposed_page() is answer


@pytest.mark.neo4j
def test_neo4j_answers_follow_writes_by_other_clients(neo4j_clean, records, fresh_embedded):
    from policykg.graph.neo4j_store import Neo4jStore

    ours = Neo4jStore(neo4j_clean)
    ours.ensure_schema()
    ours.load(_of(records, "doc:alpha"))
    assert ours.who_proposed_page() == _reference(fresh_embedded, _of(records, "doc:alpha")).who_proposed_page()
    theirs = Neo4jStore(neo4j_clean)  # another client of the same database, with its own cache
    theirs.load(_of(records, "doc:beta"))
    assert ours.who_proposed_page() == _reference(fresh_embedded, records).who_proposed_page()
    renamed = ours.who_proposed_page()["hits"][0]["proposer"]
    neo4j_clean.execute_query("MATCH (p {id: $id}) SET p.name = $name", id=renamed["id"], name="改名之后",
                              database_="neo4j")  # a user editing in Neo4j Browser
    assert ours.who_proposed_page()["hits"][0]["proposer"]["name"] == "改名之后"


def test_a_shared_probe_serves_only_callers_who_asked_before_it_started():
    from policykg.graph.cache import SharedProbe

    state = {"revision": 0}
    first_started, release = threading.Event(), threading.Event()

    def probe():
        seen = state["revision"]
        if not first_started.is_set():
            first_started.set()
            release.wait(5)
        return seen

    shared = SharedProbe(probe)
    results: dict[str, int] = {}
    early = threading.Thread(target=lambda: results.setdefault("early", shared()))
    early.start()
    first_started.wait(5)
    state["revision"] = 1  # a write lands while the first probe runs
    late = [threading.Thread(target=lambda i=i: results.setdefault(f"late{i}", shared())) for i in range(4)]
    for thread in late:
        thread.start()
    for _ in range(5000):  # until the late callers have formed the next round (at most 5 s)
        if shared._open is not None and shared._open.members == 4:
            break
        threading.Event().wait(0.001)
    release.set()
    for thread in [early, *late]:
        thread.join(5)
    assert results["early"] == 0
    assert [results[f"late{i}"] for i in range(4)] == [1] * 4  # never the probe that started before them
    assert shared.probes == 2


def test_a_failed_probe_raises_for_its_round_and_the_next_ask_probes_again():
    from policykg.errors import StoreUnavailableError
    from policykg.graph.cache import SharedProbe

    outcomes = iter([StoreUnavailableError("Neo4j is unreachable"), "bookmark-2"])

    def probe():
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    shared = SharedProbe(probe)
    with pytest.raises(StoreUnavailableError, match="unreachable"):
        shared()
    assert shared() == "bookmark-2" and shared.probes == 2
