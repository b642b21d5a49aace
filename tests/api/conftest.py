"""API tests run through HTTP against both stores loaded with the sample corpus.

``client`` is parametrised over the embedded store and the real Neo4j (marked ``neo4j``); each
store is built once per session from the sample page. Tests that write (ingest, delete) leave
the graph as they found it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from live_server import free_port

from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.embedded import EmbeddedStore
from policykg.graph.neo4j_store import Neo4jStore

API_KEY = "test-key-7f3a9c"
MAX_BODY = 64 * 1024


@pytest.fixture(scope="session")
def embedded_store(sample_records, tmp_path_factory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("api") / "graph.json")
    store.load(sample_records)
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_store(sample_records, neo4j_driver, neo4j_sample_store) -> Iterator[Neo4jStore]:
    """A Neo4jStore over an emptied database, loaded with the sample."""
    store = neo4j_sample_store(neo4j_driver, sample_records)
    yield store
    store.close()


def api_settings(**overrides) -> Settings:
    values = {"api_key": API_KEY, "max_body_bytes": MAX_BODY, "retry_after_seconds": 7}
    return Settings(**(values | overrides))


@pytest.fixture()
def settings_for():
    """Settings of the test API (key, body limit, Retry-After 7 s), with overrides."""
    return api_settings


@pytest.fixture()
def api_key() -> str:
    return API_KEY


@pytest.fixture()
def max_body() -> int:
    return MAX_BODY


@pytest.fixture()
def speech_text() -> str:
    return SPEECH_TEXT


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    """Each test runs once per store."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture()
def client(store) -> Iterator[TestClient]:
    """An HTTP client of the API over `store`, with an API key configured."""
    with TestClient(create_app(api_settings(), store=store)) as test_client:
        yield test_client


@pytest.fixture()
def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    return free_port()


SPEECH_TEXT = """\
设立天使投资引导基金 支持初创科技企业
市政协委员，重庆测试大学校长 王测试

科技型初创企业融资难的问题依然突出。为此，建议：
一是设立天使投资引导基金，由政府、企业和社会资本共同出资，重点支持种子期企业。
二是建立科技成果转化风险补偿机制，对合作银行的贷款损失给予补偿。
"""
