"""Graph benchmarks: Neo4j load rows/s against row-by-row MERGE, PROFILE of every load statement,
embedded store size and load time, and ``who_proposed`` latency on both stores at 1×, 100×, 1000×.

Records: 1× is one synthetic page (``benchmarks/synth.py``, the sample's sentence patterns)
run through the full extraction (``parse_page`` + ``annotate``). Larger scales replicate those
records instead of extracting 1000 pages: copy k gets its own document, speech and proposer ids,
and the names of its funds, mechanisms and platforms get a suffix (institutions such as 政府 stay
shared), so the graph grows like a corpus of k pages with recurring institutions.

The Neo4j part **empties the database it is given** (``--wipe`` is required to run it); point it
at a scratch instance::

    NEO4J_URI=bolt://127.0.0.1:7688 python benchmarks/graph_bench.py --wipe

Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from policykg import cypher
from policykg.extract.ingest import parse_page
from policykg.extract.pipeline import annotate
from policykg.extract.records import SpeechRecord, entity_id
from policykg.graph import schema as S
from policykg.graph.cache import DEFAULT_SIZE, AnswerCache, ranking_cache
from policykg.graph.embedded import EmbeddedStore
from policykg.graph.model import document_rows, group_by_document
from policykg.graph.neo4j_store import Neo4jStore, load_statements, merge_shared

HERE = Path(__file__).resolve().parent
QUERIES: list[dict[str, Any]] = [
    {"type": "Fund", "q": "pilot"}, {"type": "Fund"}, {"q": "平台"}, {"type": "Mechanism", "q": "科技"},
    {"concept": "guidance fund"}, {"q": "government"},
]
"""Broad questions: at scale k each matches the entities of all k copies."""
NARROW_QUERIES: list[dict[str, Any]] = [
    {"q": "引导基金·417"}, {"type": "Fund", "q": "·417"}, {"q": "平台·58"}, {"type": "Mechanism", "q": "·9"},
]
"""Narrow questions: one named entity or one page's entities (copy k's names end in ·k; at 1x they match nothing)."""
PAGE = {"limit": 50, "evidence_limit": 20}
"""The page who_proposed is timed with: the API's default page."""


# -- machine and corpus ---------------------------------------------------------------------------
def machine() -> str:
    """Cores and memory of this machine."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        mem_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
    return f"cores {os.cpu_count()}, memory {mem_kb / 1024 / 1024:.1f} GiB, Python {sys.version.split()[0]}"


def synth_pages(scale: int, seed: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("policykg_bench_synth", HERE / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.generate(scale, seed)


def base_records(seed: int) -> list[SpeechRecord]:
    """One synthetic page through the full extraction."""
    [page] = synth_pages(1, seed)
    return list(annotate(parse_page(page, "synth-0.txt", document_id="doc:synth-0")[1]))


def _copy(record: SpeechRecord, k: int) -> SpeechRecord:
    """Record of copy k: its own document, speech, recommendation and proposer ids and entity names."""
    doc = f"{record.document.id}-x{k}"
    sid = f"{doc}/s{record.speech.order}"
    entities = [_renamed(e, k) for e in record.entities]
    ids = {old.id: new.id for old, new in zip(record.entities, entities)}
    return replace(
        record,
        document=replace(record.document, id=doc, source=f"{record.document.source}#{k}",
                         sha256=f"{record.document.sha256[:56]}{k:08d}"),
        speech=replace(record.speech, id=sid),
        proposer=replace(record.proposer, name=f"{record.proposer.name}{k}",
                         affiliations=[f"{a}{k}" for a in record.proposer.affiliations]),
        recommendations=[replace(r, id=f"{sid}/r{r.ordinal}") for r in record.recommendations],
        entities=entities,
        relations=[replace(r, source=ids[r.source], target=ids[r.target]) for r in record.relations],
    )


def _renamed(entity, k: int):
    if entity.type == "Institution":
        return entity
    canonical = f"{entity.canonical}·{k}"
    return replace(entity, canonical=canonical, id=entity_id(entity.type, canonical))


def scaled(records: list[SpeechRecord], factor: int) -> list[SpeechRecord]:
    """`factor` copies (copy 0 is the original)."""
    return [r if k == 0 else _copy(r, k) for k in range(factor) for r in records]


def row_count(records: list[SpeechRecord]) -> int:
    return sum(document_rows(g).count() for g in group_by_document(records).values())


# -- timing ---------------------------------------------------------------------------------------
def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def latencies(store, rounds: int, queries: list[dict[str, Any]] = QUERIES) -> dict[str, float]:
    """p50/p99 (ms) of who_proposed_page (the API's default page) over `queries` repeated `rounds`
    times, after one warm-up round; also the largest number of hits one question had."""
    hits = max(store.who_proposed_page(**query, **PAGE)["count"] for query in queries)
    samples = []
    for _ in range(rounds):
        for query in queries:
            seconds, _ = timed(lambda: store.who_proposed_page(**query, **PAGE))
            samples.append(seconds * 1000)
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": cuts[49], "p99": cuts[98], "n": len(samples), "hits": hits}


def paging(store, rounds: int, query: dict[str, Any] = QUERIES[1]) -> dict[str, float]:
    """p50 (ms) of pages 2-6 of `query` (the API's page size), each page a first ask: ranked anew
    for every page (no cache), then sliced from the ranking kept after one page past the first
    (the answer cache is emptied before each page, so only the ranking is reused)."""
    offsets = [PAGE["limit"] * k for k in range(1, 6)]
    computed = [timed(lambda: store.who_proposed_page(**query, **PAGE, offset=offset))[0]
                for _ in range(min(rounds, 3)) for offset in offsets]
    saved = store.answer_cache, store.ranking_cache
    store.answer_cache, store.ranking_cache = AnswerCache(DEFAULT_SIZE), ranking_cache(DEFAULT_SIZE)
    try:
        store.who_proposed_page(**query, **PAGE, offset=offsets[0])  # ranks once
        kept = []
        for _ in range(rounds):
            for offset in offsets:
                store.answer_cache.clear()
                kept.append(timed(lambda: store.who_proposed_page(**query, **PAGE, offset=offset))[0])
    finally:
        store.answer_cache, store.ranking_cache = saved
    return {"computed": statistics.median(computed) * 1000, "kept": statistics.median(kept) * 1000}


def both_latencies(store, rounds: int) -> dict[str, Any]:
    """Latencies of the broad and of the narrow questions, and of paging on."""
    return {"broad": latencies(store, rounds, QUERIES), "narrow": latencies(store, rounds, NARROW_QUERIES),
            "paging": paging(store, rounds)}


def describe(f: dict[str, Any]) -> str:
    paged = f["paging"]
    return "; ".join(f"who_proposed {kind} p50 {f[kind]['p50']:.1f} ms, p99 {f[kind]['p99']:.1f} ms "
                     f"(up to {f[kind]['hits']} hits)" for kind in ("broad", "narrow")) + (
        f"; pages 2-6 of type=Fund p50 {paged['computed']:.1f} ms ranked anew, {paged['kept']:.1f} ms "
        f"from the kept ranking ({paged['computed'] / paged['kept']:.1f}x)")


# -- Neo4j ----------------------------------------------------------------------------------------
def server_ceiling(driver, rows: int = 80_000) -> float:
    """Rows/s of the simplest write this server does: UNWIND CREATE of one-property nodes that no
    index or constraint covers, batches of 5000, 20 000 rows per transaction (best of three).

    The nodes take a schema label (labels come only from the schema) but no ``id``, the only
    property its constraint indexes, so nothing indexes them; they are deleted at once (the
    benchmark runs only on a scratch database it empties)."""
    batch = [{"n": i} for i in range(rows)]
    best = 0.0
    for _ in range(3):
        with driver.session(database="neo4j") as session:
            start = time.perf_counter()
            for first in range(0, rows, 20_000):
                with session.begin_transaction() as tx:
                    for lo in range(first, first + 20_000, 5000):
                        tx.run(f"UNWIND $rows AS row CREATE (:{S.RECOMMENDATION} {{ceiling: row.n}})",
                               rows=batch[lo:lo + 5000]).consume()
            best = max(best, rows / (time.perf_counter() - start))
            while session.run(f"MATCH (n:{S.RECOMMENDATION}) WHERE n.ceiling IS NOT NULL WITH n LIMIT 20000 "
                              "DELETE n RETURN count(*) AS n").single()["n"]:
                pass
    return best


def wipe(driver) -> None:
    """Empty the database in small transactions, relationships first (keeps the schema)."""
    with driver.session(database="neo4j") as session:
        for statement in ("MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS n",
                          "MATCH (n) WITH n LIMIT 20000 DELETE n RETURN count(*) AS n"):
            while session.run(statement).single()["n"]:
                pass


def operators(plan: dict[str, Any]) -> Iterator[str]:
    yield plan["operatorType"].split("@")[0]
    for child in plan.get("children", []):
        yield from operators(child)


def profile_load_statements(driver, records: list[SpeechRecord]) -> None:
    """PROFILE every load statement on real rows inside a transaction that is rolled back."""
    first = document_rows(next(iter(group_by_document(records).values())))
    print("\nPROFILE of each load statement (rolled back); operators from the root down:")
    eager = 0
    with driver.session(database="neo4j") as session:
        tx = session.begin_transaction()
        try:
            rows = merge_shared(tx, [first])
            for name, statement_rows in load_statements(rows):
                if not statement_rows:
                    continue
                summary = tx.run("PROFILE " + cypher.load(name), rows=statement_rows).consume()
                ops = list(operators(summary.profile))
                eager += sum(op.startswith("Eager") for op in ops)
                print(f"  {name:<44} {' > '.join(ops)}")
        finally:
            tx.rollback()
    print(f"  Eager operators: {eager}")


def row_by_row(driver, records: list[SpeechRecord]) -> None:
    """The naive loader: the same statements, one row each, each its own auto-commit transaction."""
    with driver.session(database="neo4j") as session:
        for group in group_by_document(records).values():
            rows = session.execute_read(lambda tx: merge_shared(tx, [document_rows(group)]))
            for name, statement_rows in load_statements(rows):
                for row in statement_rows:
                    session.run(cypher.load(name), rows=[row]).consume()


def repeats(scale: int) -> int:
    """Loads timed per scale: a 1x load takes tens of milliseconds, so one run is mostly noise."""
    return 5 if scale <= 10 else 1


def _load_into_empty(driver, store: Neo4jStore, records: list[SpeechRecord]) -> float:
    wipe(driver)
    seconds, _ = timed(lambda: store.load(records))
    return seconds


def neo4j_figures(driver, base: list[SpeechRecord], args) -> dict[int, Any]:
    # cache_size=0: the latencies are of answers computed, not of answers kept between rounds
    store = Neo4jStore(driver, batch_size=args.batch_size, transaction_rows=args.transaction_rows, cache_size=0)
    wipe(driver)
    store.ensure_schema()
    ceiling = server_ceiling(driver)
    print(f"server ceiling: UNWIND CREATE of bare nodes (no index), best of 3: {ceiling:,.0f} rows/s")
    profile_load_statements(driver, base)
    baseline_records = scaled(base, args.baseline_scale)
    rows = row_count(baseline_records)
    seconds, _ = timed(lambda: row_by_row(driver, baseline_records))
    baseline = rows / seconds
    print(f"\nbaseline, row-by-row MERGE (one auto-commit statement per row), {args.baseline_scale}x: "
          f"{rows} rows in {seconds:.2f} s = {baseline:,.0f} rows/s")
    wipe(driver)
    seconds, _ = timed(lambda: Neo4jStore(driver, batch_size=1).load(baseline_records))
    print(f"for reference, one row per statement inside one transaction per document: {rows / seconds:,.0f} rows/s")
    wipe(driver)
    seconds, _ = timed(lambda: store.load(baseline_records))
    print(f"UNWIND batches of {args.batch_size}, packs of {args.transaction_rows} rows, same "
          f"{args.baseline_scale}x rows: {rows / seconds:,.0f} rows/s ({rows / seconds / baseline:.1f}x the row-by-row baseline)")
    figures = {}
    for scale in args.scales:
        records = scaled(base, scale)
        rows = row_count(records)
        seconds = statistics.median(_load_into_empty(driver, store, records) for _ in range(repeats(scale)))
        with driver.session(database="neo4j") as session:
            session.run("CALL db.awaitIndexes(600)").consume()
        figures[scale] = {"rows": rows, "load_s": seconds, "rows_per_s": rows / seconds,
                          "ratio": rows / seconds / baseline, **both_latencies(store, args.rounds)}
        f = figures[scale]
        print(f"neo4j {scale:>5}x: load {rows} rows in {seconds:.2f} s (median of {repeats(scale)}) = {f['rows_per_s']:,.0f} rows/s "
              f"({f['ratio']:.1f}x baseline, {f['rows_per_s'] / ceiling:.0%} of the server ceiling); {describe(f)}")
    wipe(driver)
    return figures


# -- embedded -------------------------------------------------------------------------------------
def embedded_figures(base: list[SpeechRecord], args) -> dict[int, Any]:
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            path = Path(folder) / f"graph-{scale}.json"
            records = scaled(base, scale)
            store = EmbeddedStore(path, cache_size=0)  # latencies of answers computed, not kept
            seconds, _ = timed(lambda: store.load(records))
            edges = store.graph.number_of_edges()
            size = path.stat().st_size
            figures[scale] = {"load_s": seconds, "bytes": size, "edges": edges, "bytes_per_edge": size / edges,
                              **both_latencies(store, args.rounds)}
            f = figures[scale]
            print(f"embedded {scale:>5}x: load {seconds:.2f} s, file {size / 1e6:.1f} MB, {edges} edges, "
                  f"{f['bytes_per_edge']:.0f} bytes/edge; {describe(f)}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--baseline-scale", type=int, default=10, help="scale of the row-by-row baseline run")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--transaction-rows", type=int, default=20_000, help="rows per loading transaction")
    parser.add_argument("--rounds", type=int, default=20, help="repetitions of the query set per store and scale")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--wipe", action="store_true", help="run the Neo4j part (it empties the database)")
    parser.add_argument("--skip-embedded", action="store_true")
    args = parser.parse_args(argv)
    print(machine())
    base = base_records(args.seed)
    print(f"1x = one synthetic page: {len(base)} speeches, {row_count(base)} rows")
    if not args.skip_embedded:
        embedded_figures(base, args)
    if args.wipe:
        from neo4j import GraphDatabase

        uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
        auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "policykg-local"))
        with GraphDatabase.driver(uri, auth=auth) as driver:
            print(f"Neo4j {driver.get_server_info().agent} at {uri}")
            neo4j_figures(driver, base, args)
    else:
        print("Neo4j part skipped (give --wipe to run it against the NEO4J_URI database, which it empties)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
