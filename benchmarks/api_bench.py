"""API benchmark: ``/who-proposed`` over HTTP against the same query called on the store directly.

For each store (embedded, Neo4j) and corpus size (1x, 1000x the sample) it

1. loads the corpus into the store,
2. calls ``store.who_proposed_page`` directly from a pool of ``--concurrency`` threads (the
   baseline), with the page the API serves by default (``PAGE``),
3. starts a real server (``policykg serve``, uvicorn, a separate process) on loopback over the
   same store and sends the same queries over ``--concurrency`` keep-alive connections (a bare
   asyncio client: see :class:`Connection`), one request in flight on each, ``--requests`` in all,

and prints requests/s, p50 and p99 of both and the ratio API/direct — once with every ask
computed (``POLICYKG_CACHE_SIZE=0``) and once with answers kept while the graph is unchanged (the
default; ``policykg.graph.cache``), where it also prints the first ask of each question, which
computes. ``--drivers`` also compares,
on Neo4j, the sync driver called from a thread pool with the async driver for the same Cypher
(the choice made in ``policykg.api.app``).

    python benchmarks/api_bench.py --scales 1 1000 --stores embedded      # no Neo4j needed

Neo4j is reached through NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD. The Neo4j runs **empty the
database they are given**, so they need ``--wipe`` and an explicit NEO4J_URI; point them at a
scratch instance::

    NEO4J_URI=bolt://127.0.0.1:7689 python benchmarks/api_bench.py --wipe
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from policykg.data import sample_corpus
from policykg.extract.ingest import read_paths
from policykg.extract.pipeline import annotate
from policykg.extract.records import SpeechRecord
from policykg.graph.cache import DEFAULT_SIZE as DEFAULT_CACHE_SIZE
from policykg.graph.cache import AnswerCache
from policykg.graph.embedded import EmbeddedStore
from policykg.graph.store import GraphStore

QUERIES = [
    {"q": "引导基金"},
    {"type": "Fund", "q": "pilot"},
    {"type": "Fund", "q": "种子基金"},
    {"concept": "guidance fund"},
    {"type": "Platform", "q": "中试"},
]
"""The questions asked in turn (the same for the direct calls and the HTTP requests)."""
PAGE = {"limit": 50, "evidence_limit": 20}
"""The page of both: /who-proposed's defaults, written out so that direct calls and requests agree."""


@dataclass
class Figures:
    """Latencies (seconds) of one run and its wall time."""

    latencies: list[float]
    wall: float

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.wall

    def pct(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def row(self) -> str:
        return f"{self.rps:9.1f} req/s  p50 {self.pct(50) * 1e3:8.2f} ms  p99 {self.pct(99) * 1e3:8.2f} ms"


# -- corpus -----------------------------------------------------------------------------------------
def sample_records() -> list[SpeechRecord]:
    result = read_paths([sample_corpus()])
    return list(annotate(result.records))


def scaled(records: list[SpeechRecord], factor: int) -> list[SpeechRecord]:
    """`factor` copies of the sample, grown the way ``graph_bench.py`` grows it (one definition).

    Copy k is its own document with its own proposers, and its funds, mechanisms and platforms
    get a suffix (institutions stay shared), like a corpus of k pages.
    """
    from graph_bench import scaled as graph_scaled  # benchmarks/ is on sys.path when run as a script

    return graph_scaled(records, factor)


# -- stores -----------------------------------------------------------------------------------------
@contextlib.contextmanager
def embedded(records: list[SpeechRecord], folder: Path) -> Iterator[tuple[GraphStore, dict[str, str]]]:
    path = folder / "graph.json"
    store = EmbeddedStore(path)
    store.load(records)
    yield store, {"POLICYKG_BACKEND": "embedded", "POLICYKG_STORE": str(path)}


@contextlib.contextmanager
def neo4j(records: list[SpeechRecord], folder: Path) -> Iterator[tuple[GraphStore, dict[str, str]]]:
    from neo4j import GraphDatabase

    from policykg.graph.neo4j_store import Neo4jStore

    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "policykg-local"))
    with GraphDatabase.driver(uri, auth=auth) as driver:
        with driver.session(database="neo4j") as session:
            # relationships first, in batches: a node with thousands of them would not fit one transaction
            session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
            session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        store = Neo4jStore(driver, database="neo4j")
        store.ensure_schema()
        store.load(records)
        yield store, {"POLICYKG_BACKEND": "neo4j", "NEO4J_URI": uri, "NEO4J_USER": auth[0],
                      "NEO4J_PASSWORD": auth[1], "NEO4J_DATABASE": "neo4j"}


STORES: dict[str, Callable] = {"embedded": embedded, "neo4j": neo4j}


# -- measuring --------------------------------------------------------------------------------------
def direct(store: GraphStore, requests: int, concurrency: int) -> Figures:
    """The baseline: store.who_proposed_page from `concurrency` threads."""

    def one(i: int) -> float:
        start = time.perf_counter()
        store.who_proposed_page(**QUERIES[i % len(QUERIES)], **PAGE)
        return time.perf_counter() - start

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(concurrency * 2)))  # warm up
        start = time.perf_counter()
        latencies = list(pool.map(one, range(requests)))
    return Figures(latencies, time.perf_counter() - start)


async def timed(call: Callable[[int], Awaitable[object]], requests: int, concurrency: int) -> Figures:
    """The one measurement loop: `requests` calls ``call(i)``, `concurrency` in flight.

    A sequential warm-up of ``2 * concurrency`` calls comes first and is not counted.
    """
    for i in range(concurrency * 2):
        await call(i)
    latencies: list[float] = []
    counter = iter(range(requests))

    async def worker() -> None:
        for i in counter:
            start = time.perf_counter()
            await call(i)
            latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Figures(latencies, time.perf_counter() - start)


class Connection:
    """One keep-alive HTTP/1.1 connection sending GETs and reading whole answers.

    The measurement client is this bare loop over asyncio streams rather than httpx: httpx costs
    about 2 ms of Python per request on this machine (a request to the floor endpoint took 2.9 ms
    through httpx, 0.9 ms through this client), which would be counted as the API's.
    """

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, base: str) -> Connection:
        host, port = base.removeprefix("http://").split(":")
        return cls(*await asyncio.open_connection(host, int(port)))

    async def get(self, path: str) -> bytes:
        """The body of ``GET path``; RuntimeError unless the answer is 200 with a Content-Length."""
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("ascii"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status, *fields = head.decode("latin-1").split("\r\n")
        lengths = [int(f.split(":", 1)[1]) for f in fields if f.lower().startswith("content-length:")]
        if not status.startswith("HTTP/1.1 200") or not lengths:
            raise RuntimeError(f"GET {path}: {status} (Content-Length {lengths or 'missing'})")
        return await self.reader.readexactly(lengths[0])

    def close(self) -> None:
        self.writer.close()


def _path(i: int, floor: bool = False) -> str:
    if floor:
        return "/guide/policykg.grass"
    return "/who-proposed?" + urlencode({**QUERIES[i % len(QUERIES)], **PAGE})


async def _http(base: str, requests: int, concurrency: int, floor: bool = False) -> Figures:
    """``/who-proposed`` over HTTP, `concurrency` keep-alive connections with one request each in
    flight; with `floor`, instead a request that never touches the store
    (``/guide/policykg.grass``: routing, a thread-pool hop, a small body) — the fixed cost of any
    request on this machine, measured in the same run."""
    connections = [await Connection.open(base) for _ in range(concurrency)]
    idle: asyncio.Queue[Connection] = asyncio.Queue()
    for connection in connections:
        idle.put_nowait(connection)

    async def call(i: int) -> None:
        connection = await idle.get()
        try:
            await connection.get(_path(i, floor))
        finally:
            idle.put_nowait(connection)

    try:
        return await timed(call, requests, concurrency)
    finally:
        for connection in connections:
            connection.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def server(env: dict[str, str]) -> Iterator[str]:
    """`policykg serve` in a child process on a free loopback port; yields its base URL."""
    port = _free_port()
    command = [sys.executable, "-c", "from policykg.cli import main; main()", "serve", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_healthy(base: str, process: subprocess.Popen, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("server did not become healthy")


def run(store_name: str, factor: int, base_records: list[SpeechRecord], args: argparse.Namespace) -> None:
    records = scaled(base_records, factor)
    with tempfile.TemporaryDirectory() as folder, STORES[store_name](records, Path(folder)) as (store, env):
        hits = store.who_proposed_page(**QUERIES[0], limit=1)["count"]
        print(f"{store_name:8} {factor:>5}x ({len(records)} speeches, {hits} hits for q=引导基金)", flush=True)
        for mode in args.answers:
            size = 0 if mode == "computed" else DEFAULT_CACHE_SIZE
            store.answer_cache = AnswerCache(size)
            first = [timed_call(lambda q=q: store.who_proposed_page(**q, **PAGE)) for q in QUERIES]
            baseline = direct(store, args.requests, args.concurrency)
            with server({**env, "POLICYKG_CACHE_SIZE": str(size)}) as base:
                first_api = asyncio.run(_first_asks(base))
                api = asyncio.run(_http(base, args.requests, args.concurrency))
                floor = asyncio.run(_http(base, args.requests, args.concurrency, floor=True))
            print(f"  answers {mode} (POLICYKG_CACHE_SIZE={size})\n"
                  f"    first asks   direct {_ms(first)}  api {_ms(first_api)}\n"
                  f"    direct {baseline.row()}\n    api    {api.row()}\n    floor  {floor.row()}\n"
                  f"    api/direct: p50 {api.pct(50) / baseline.pct(50):.2f}x  p99 {api.pct(99) / baseline.pct(99):.2f}x  "
                  f"throughput {baseline.rps / api.rps:.2f}x; (api - floor)/direct p50 "
                  f"{max(api.pct(50) - floor.pct(50), 0) / baseline.pct(50):.2f}x", flush=True)


def timed_call(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _ms(latencies: list[float]) -> str:
    return "/".join(f"{s * 1e3:.1f}" for s in latencies) + " ms"


async def _first_asks(base: str) -> list[float]:
    """Each question asked once, in turn, of a server that has just started: with answers kept,
    these are the asks that compute."""
    connection = await Connection.open(base)
    try:
        latencies = []
        for i in range(len(QUERIES)):
            start = time.perf_counter()
            await connection.get(_path(i))
            latencies.append(time.perf_counter() - start)
        return latencies
    finally:
        connection.close()


# -- driver choice ----------------------------------------------------------------------------------
DRIVER_QUERY = "who_proposed_hits"
"""The Cypher behind ``who_proposed``'s ranking, run through both drivers with the same parameters."""


def _driver_params(i: int) -> dict:
    from policykg.graph.text import candidate_token, tokens

    query = QUERIES[i % len(QUERIES)]
    toks = tokens(query.get("q"))
    return {"type": query.get("type"), "tokens": toks, "first": candidate_token(toks),
            "concept": query.get("concept"), "limit": PAGE["limit"], "offset": 0}


async def _async_driver(uri: str, auth: tuple[str, str], query: str, requests: int, concurrency: int) -> Figures:
    """The async driver, awaited from the event loop."""
    from neo4j import AsyncGraphDatabase

    async with AsyncGraphDatabase.driver(uri, auth=auth, max_connection_pool_size=concurrency) as driver:

        async def call(i: int) -> None:
            await driver.execute_query(query, _driver_params(i), database_="neo4j")

        return await timed(call, requests, concurrency)


async def _sync_driver_in_threads(uri: str, auth: tuple[str, str], query: str, requests: int,
                                  concurrency: int) -> Figures:
    """The sync driver called from anyio's thread pool, as FastAPI runs a `def` endpoint."""
    import anyio.to_thread
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=auth, max_connection_pool_size=concurrency) as driver:

        def call(i: int) -> None:
            driver.execute_query(query, _driver_params(i), database_="neo4j")

        return await timed(lambda i: anyio.to_thread.run_sync(call, i), requests, concurrency)


def drivers(base_records: list[SpeechRecord], args: argparse.Namespace, rounds: int = 4) -> None:
    """Alternate the two drivers `rounds` times (a shared machine is noisy); print each and the medians."""
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "policykg-local"))
    from policykg import cypher

    query = cypher.load(DRIVER_QUERY)
    runs: dict[str, list[Figures]] = {"sync+threads": [], "async": []}
    with tempfile.TemporaryDirectory() as folder, neo4j(base_records, Path(folder)):
        for _ in range(rounds):
            runs["sync+threads"].append(asyncio.run(
                _sync_driver_in_threads(uri, auth, query, args.requests, args.concurrency)))
            runs["async"].append(asyncio.run(_async_driver(uri, auth, query, args.requests, args.concurrency)))
    for name, figures in runs.items():
        for f in figures:
            print(f"driver {name:13} {f.row()}")
        print(f"driver {name:13} median {statistics.median(f.rps for f in figures):9.1f} req/s  "
              f"p50 {statistics.median(f.pct(50) for f in figures) * 1e3:8.2f} ms  "
              f"p99 {statistics.median(f.pct(99) for f in figures) * 1e3:8.2f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 1000])
    parser.add_argument("--stores", nargs="+", choices=sorted(STORES), default=["embedded", "neo4j"])
    parser.add_argument("--requests", type=int, default=1000, help="Requests per run (bounded).")
    parser.add_argument("--concurrency", type=int, default=8, help="Requests in flight.")
    parser.add_argument("--answers", nargs="+", choices=["computed", "kept"], default=["computed", "kept"],
                        help="computed: POLICYKG_CACHE_SIZE=0, every ask computes; kept: the default answer cache.")
    parser.add_argument("--drivers", action="store_true", help="Only compare the sync and async Neo4j drivers.")
    parser.add_argument("--wipe", action="store_true", help="Allow emptying the Neo4j database at NEO4J_URI.")
    args = parser.parse_args()
    if ("neo4j" in args.stores or args.drivers) and not (args.wipe and os.environ.get("NEO4J_URI")):
        parser.error("the Neo4j runs empty the database: set NEO4J_URI to a scratch instance and pass --wipe "
                     "(or use --stores embedded)")
    print(f"machine: {os.cpu_count()} cores, {_memory_gib():.0f} GiB, Python {platform.python_version()}; "
          f"{args.requests} requests, {args.concurrency} in flight", flush=True)
    base_records = sample_records()
    if args.drivers:
        drivers(base_records, args)
        return
    for factor in args.scales:
        for store_name in args.stores:
            run(store_name, factor, base_records, args)


def _memory_gib() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


if __name__ == "__main__":
    main()
