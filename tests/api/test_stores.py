"""One way to open a store: the API's options (timeouts, retry, pool, tolerated outage) through graph.connect."""

from __future__ import annotations

import pytest

from policykg.api.stores import driver_options, open_store
from policykg.errors import StoreUnavailableError
from policykg.graph import connect


def test_the_api_passes_its_timeouts_retry_time_and_pool_size(settings_for):
    options = driver_options(settings_for(neo4j_retry_seconds=1.5))
    assert options.driver_kwargs() == {"connection_timeout": 3.0, "connection_acquisition_timeout": 5.0,
                                       "max_connection_pool_size": 64, "max_transaction_retry_time": 1.5}
    assert connect.DriverOptions().driver_kwargs() == {}, "unset options keep the driver's defaults"


def test_the_driver_accepts_every_option(settings_for):
    # the driver refuses unknown keyword arguments (ConfigurationError), so this checks the names
    with connect.neo4j_driver(settings_for(), driver_options(settings_for())) as driver:
        assert driver.encrypted is False


def test_an_unreachable_neo4j_fails_opening_unless_tolerated(closed_port):
    settings = connect.StoreSettings(backend="neo4j", neo4j_uri=f"bolt://127.0.0.1:{closed_port}")
    quick = connect.DriverOptions(connection_timeout=1.0, retry_seconds=0.2)
    with pytest.raises(StoreUnavailableError, match="unavailable"):
        with connect.open_store(settings, ensure_schema=True, driver_options=quick):
            pytest.fail("the store opened although Neo4j is unreachable")
    with connect.open_store(settings, ensure_schema=True, driver_options=quick, tolerate_unavailable=True) as store:
        assert store.backend == "neo4j"
        with pytest.raises(StoreUnavailableError):
            store.counts()


def test_the_api_opens_the_embedded_store_it_is_configured_with(settings_for, tmp_path):
    with open_store(settings_for(store_path=tmp_path / "graph.json")) as store:
        assert store.backend == "embedded" and store.counts()["nodes"].get("Speech", 0) == 0


@pytest.mark.neo4j
def test_the_api_opens_neo4j_with_its_schema(settings_for, neo4j_login, neo4j_driver):
    uri, user, password = neo4j_login
    with open_store(settings_for(backend="neo4j", neo4j_uri=uri, neo4j_user=user, neo4j_password=password)) as store:
        assert store.backend == "neo4j" and "Speech" in store.counts()["nodes"]
    names = {r["name"] for r in neo4j_driver.execute_query("SHOW INDEXES YIELD name", database_="neo4j").records}
    assert "entity_names" in names
