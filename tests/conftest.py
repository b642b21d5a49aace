"""Root test wiring: the `neo4j` and `browser` markers and the Neo4j fixtures.

Neo4j tests run against a real server reached through ``NEO4J_URI``/``NEO4J_USER``/
``NEO4J_PASSWORD`` (start one with ``scripts/neo4j-local/neo4j start``). Without a
server they are skipped with a message saying how to start one; with
``POLICYKG_REQUIRE_NEO4J=1`` (as in CI) a missing server fails the run instead, and
no ``neo4j``-marked test may be skipped for any reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "policykg-local"
DEFAULT_HTTP_URL = "http://127.0.0.1:7474"
START_HINT = "start one with `scripts/neo4j-local/neo4j start` (or run `scripts/test`)"


def _flag(name: str) -> bool:
    """True when the environment variable is set to a yes-like value."""
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def neo4j_required() -> bool:
    """True when a missing Neo4j must fail the run (CI)."""
    return _flag("POLICYKG_REQUIRE_NEO4J")


def browser_required() -> bool:
    """True when a missing headless Chromium must fail the run (CI)."""
    return _flag("POLICYKG_REQUIRE_BROWSER")


def neo4j_settings() -> tuple[str, str, str]:
    """URI, user and password of the Neo4j the tests use."""
    return (
        os.environ.get("NEO4J_URI", DEFAULT_URI),
        os.environ.get("NEO4J_USER", DEFAULT_USER),
        os.environ.get("NEO4J_PASSWORD", DEFAULT_PASSWORD),
    )


def _unavailable(message: str) -> None:
    """Skip, or fail when Neo4j is required."""
    if neo4j_required():
        pytest.fail(f"{message} (POLICYKG_REQUIRE_NEO4J=1, so this is a failure)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def neo4j_login() -> tuple[str, str, str]:
    """(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) with their defaults."""
    return neo4j_settings()


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator["neo4j.Driver"]:  # noqa: F821
    """One driver for the session, connected and verified; skips (or fails) without a server."""
    try:
        import neo4j
    except ImportError as exc:  # the driver is a runtime dependency; this is a broken install
        _unavailable(f"the neo4j Python driver is not installed ({exc})")
    uri, user, password = neo4j_settings()
    driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
    try:
        driver.verify_connectivity()
    except Exception as exc:  # any failure to reach or log in means: no usable server
        driver.close()
        _unavailable(f"no Neo4j at {uri} as user {user!r}: {type(exc).__name__}: {exc}; {START_HINT}")
    yield driver
    driver.close()


def empty_database(driver, database: str = "neo4j") -> None:
    """Delete every relationship, then every node, in batches (a node with thousands of
    relationships would not fit one transaction)."""
    with driver.session(database=database) as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def clean_database(driver, database: str = "neo4j") -> None:
    """Delete every node and relationship, then drop every constraint and every index
    except the built-in token lookup indexes."""
    empty_database(driver, database)
    with driver.session(database=database) as session:
        for record in session.run("SHOW CONSTRAINTS YIELD name").data():
            session.run("DROP CONSTRAINT $name IF EXISTS", name=record["name"]).consume()
        for record in session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name").data():
            session.run("DROP INDEX $name IF EXISTS", name=record["name"]).consume()


@pytest.fixture(scope="session")
def neo4j_wipe():
    """The function `neo4j_clean` uses to empty a database: `neo4j_wipe(driver)`."""
    return clean_database


def sample_store(driver, records: list) -> "Neo4jStore":  # noqa: F821
    """A Neo4jStore over the emptied database, with its schema, loaded with `records`."""
    from policykg.graph.neo4j_store import Neo4jStore

    empty_database(driver)
    store = Neo4jStore(driver, database="neo4j")
    store.ensure_schema()
    store.load(records)
    return store


@pytest.fixture(scope="session")
def neo4j_sample_store():
    """`neo4j_sample_store(driver, records)`: the database emptied, then loaded (API and browser suites)."""
    return sample_store


@pytest.fixture()
def neo4j_clean(neo4j_driver) -> Iterator["neo4j.Driver"]:  # noqa: F821
    """The session driver over an empty database: no nodes, relationships, constraints or indexes."""
    clean_database(neo4j_driver)
    yield neo4j_driver


@pytest.fixture(scope="session")
def neo4j_http_url() -> str:
    """Base URL of the Neo4j HTTP server (Neo4j Browser lives under /browser/)."""
    return os.environ.get("NEO4J_HTTP_URL", DEFAULT_HTTP_URL).rstrip("/")


_OUTCOMES: dict[str, dict[str, str]] = {"neo4j": {}, "browser": {}}


def _tally(item: pytest.Item, report: pytest.TestReport) -> None:
    """Remember the outcome of each `neo4j`/`browser` test for the closing summary."""
    if report.when != "call" and report.passed:
        return
    for marker, outcomes in _OUTCOMES.items():
        if item.get_closest_marker(marker) is not None and outcomes.get(item.nodeid) != "failed":
            outcomes[item.nodeid] = "skipped" if report.skipped else report.outcome


def pytest_terminal_summary(terminalreporter) -> None:
    """Say what the `neo4j` and `browser` tests ran against and how many of them really ran."""
    where = {"neo4j": neo4j_settings()[0], "browser": "headless Chromium"}
    for marker, outcomes in _OUTCOMES.items():
        if outcomes:
            counts = {state: list(outcomes.values()).count(state) for state in ("passed", "failed", "skipped")}
            terminalreporter.write_line(
                f"policykg: `{marker}` tests against {where[marker]}: "
                + ", ".join(f"{count} {state}" for state, count in counts.items())
            )


def _skip_reason(report: pytest.TestReport) -> str:
    """The message of a skipped report."""
    if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
        return str(report.longrepr[2])
    return str(report.longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Where a marker is required (CI), turn a skip of a `neo4j`/`browser` test into a failure."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    _tally(item, report)
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    required = [
        name
        for name, needed in (("neo4j", neo4j_required()), ("browser", browser_required()))
        if needed and item.get_closest_marker(name) is not None
    ]
    if required:
        report.outcome = "failed"
        variables = ", ".join(f"POLICYKG_REQUIRE_{name.upper()}=1" for name in required)
        report.longrepr = f"skipped although {variables}: {_skip_reason(report)}"


@pytest.fixture(scope="session")
def sample_records() -> list:
    """Extraction records of the sample page (ingest + the spaCy pipeline), made once per run
    and shared by the API, browser and graph parity tests. Tests must not mutate them."""
    from policykg.data import sample_corpus
    from policykg.extract.ingest import read_paths
    from policykg.extract.pipeline import annotate

    result = read_paths([sample_corpus()])
    assert result.errors == [], result.errors
    return list(annotate(result.records))
