"""Serving the named questions' answers as JSON encoded once while the store keeps them.

A kept answer (see :mod:`policykg.graph.cache`) is the same object on every ask until the
graph changes, so its response body is validated against the route's model and encoded the
first time and sent as those bytes afterwards: at 1000x the sample, validating and encoding a
who-proposed page was most of a kept answer's cost on the server. Answers the store computes
afresh (its cache off, or too large to keep) are validated and encoded on every request, as
FastAPI would.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from fastapi import Response
from pydantic import BaseModel

from policykg.graph.store import GraphStore


def answer_response(store: GraphStore, answer: Any, model: type[BaseModel], body: dict[str, Any],
                    form: Hashable = ()) -> Response:
    """`body` (built from the store's `answer` and the request's `form`) as a JSON response of `model`.

    `form` holds whatever in `body` does not come from `answer` (echoed parameters), so that one
    answer served in two forms keeps two bodies.
    """
    def render() -> bytes:
        return model.model_validate(body).model_dump_json(by_alias=True).encode()

    cache = store.answer_cache
    content = cache.rendered(answer, (model.__name__, form), render) if cache is not None else render()
    return Response(content=content, media_type="application/json")
