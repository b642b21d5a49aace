"""The OpenAPI document: every route has a summary, a response model and an example."""

from __future__ import annotations

import pytest

from policykg.api.app import create_app
from policykg.api.settings import Settings

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(spec: dict):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _resolve(spec: dict, schema: dict) -> dict:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    name = ref.rsplit("/", 1)[-1]
    return spec["components"]["schemas"][name]


def _success(operation: dict) -> dict:
    codes = [code for code in operation["responses"] if code.startswith("2")]
    assert codes, "no 2xx response documented"
    return operation["responses"][codes[0]]


def _has_example(spec: dict, media: dict) -> bool:
    if "example" in media or media.get("examples"):
        return True
    return bool(_resolve(spec, media.get("schema", {})).get("examples"))


@pytest.fixture(scope="module")
def spec() -> dict:
    return create_app(Settings(api_key="k")).openapi()


def test_the_document_lists_the_stable_paths(spec):
    expected = {"/health", "/who-proposed", "/overlap", "/overlap/matrix", "/export", "/search",
                "/speeches", "/speeches/{id}", "/proposers", "/proposers/{id}", "/entities",
                "/entities/{id}", "/concepts", "/concepts/{id}", "/documents", "/documents/{id}", "/subgraph"}
    assert expected <= set(spec["paths"])


def test_every_route_has_a_summary_a_response_model_and_an_example(spec):
    checked = 0
    for path, method, operation in _operations(spec):
        where = f"{method.upper()} {path}"
        assert operation.get("summary"), f"{where}: no summary"
        content = _success(operation).get("content")
        assert content, f"{where}: no response content"
        for media_type, media in content.items():
            schema = media.get("schema")
            assert schema and (schema.get("$ref") or schema.get("type")), \
                f"{where} {media_type}: no response model"
            assert _has_example(spec, media), f"{where} {media_type}: no example"
        checked += 1
    assert checked >= 17


def test_errors_are_documented_as_problems(spec):
    for path, method, operation in _operations(spec):
        invalid = operation["responses"].get("422")
        if invalid is not None:
            schema = next(iter(invalid["content"].values()))["schema"]
            assert schema["$ref"].endswith("/Problem"), f"{method.upper()} {path}: 422 is not a Problem"


def test_writes_declare_the_api_key(spec):
    schemes = spec["components"]["securitySchemes"]
    assert any(s.get("name") == "X-API-Key" and s.get("in") == "header" for s in schemes.values())
    for path, method, operation in _operations(spec):
        if method in ("post", "delete"):
            assert operation.get("security"), f"{method.upper()} {path}: no security requirement"
