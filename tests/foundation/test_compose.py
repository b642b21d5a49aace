"""docker-compose.yml and Dockerfile: parsed and checked, since Docker does not run in CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> list[str]:
    """The Dockerfile's instructions, without comments and blank lines, continuations joined."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _published(service: dict) -> set[str]:
    """Container ports the service publishes."""
    return {str(port).rsplit(":", 1)[-1] for port in service.get("ports", [])}


def test_neo4j_service(compose):
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert _published(neo4j) == {"7474", "7687"}
    env = neo4j["environment"]
    assert env["NEO4J_AUTH"] == "${NEO4J_USER:-neo4j}/${NEO4J_PASSWORD:-policykg-local}"
    assert env["NEO4J_browser_post__connect__cmd"] == "play http://127.0.0.1:${POLICYKG_PORT:-8000}/guide"
    assert compose["services"]["api"]["ports"] == ["127.0.0.1:${POLICYKG_PORT:-8000}:8000"]  # the same port
    assert env["NEO4J_browser_remote__content__hostname__whitelist"].split(",") == ["127.0.0.1", "localhost"]


def test_neo4j_data_lives_in_a_named_volume(compose):
    volumes = compose["services"]["neo4j"]["volumes"]
    named = [entry.split(":")[0] for entry in volumes if entry.endswith(":/data")]
    assert named and named[0] in compose["volumes"]


def test_neo4j_healthcheck_runs_a_query(compose):
    check = compose["services"]["neo4j"]["healthcheck"]
    command = " ".join(check["test"])
    assert check["test"][0] == "CMD-SHELL" and "cypher-shell" in command and "RETURN 1" in command
    assert "$${NEO4J_AUTH" in command  # escaped for compose, expanded by the container's shell
    assert check["retries"] >= 10


def test_api_waits_for_healthy_neo4j_and_uses_it(compose):
    api = compose["services"]["api"]
    assert api["build"] in (".", {"context": "."})
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert _published(api) == {"8000"}
    env = api["environment"]
    assert env["POLICYKG_BACKEND"] == "neo4j"
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["NEO4J_USER"] == "${NEO4J_USER:-neo4j}"
    assert env["NEO4J_PASSWORD"] == "${NEO4J_PASSWORD:-policykg-local}"


def test_dockerfile_is_slim_and_runs_as_non_root(dockerfile):
    assert dockerfile[0] == "FROM python:3.11-slim"
    users = [line.split(None, 1)[1] for line in dockerfile if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert any(re.search(r"\bpip install \.(\s|$)", line) for line in dockerfile)
    assert dockerfile[-1].startswith("CMD ") and '"serve", "--host", "0.0.0.0"' in dockerfile[-1]


def test_dockerfile_copies_every_package_directory(dockerfile):
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    sources = {path.split("/")[0] for path in project["tool"]["setuptools"]["package-dir"].values()}
    copied = {line.split()[1].rstrip("/") for line in dockerfile if line.startswith("COPY ")}
    assert sources <= copied, f"not copied into the image: {sorted(sources - copied)}"
