"""Errors as ``application/problem+json`` (RFC 9457), from one set of exception handlers.

Every error a client can see goes through ``install_problem_handlers``: policykg's own errors
(``policykg.errors``), the API's edge errors defined here (authentication, body size), FastAPI's
request validation, Starlette's HTTP errors (unknown route, wrong method) and, last, anything
unexpected, which becomes a bare 500 problem without internals (the traceback goes to the log).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from policykg.errors import (
    InputError,
    NotFoundError,
    PolicykgError,
    StoreError,
    StoreUnavailableError,
    ValidationError,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("policykg.api")


class ApiProblem(Exception):
    """An error raised at the HTTP edge, with its status, title and a detail naming the problem."""

    status: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}


class Unauthorized(ApiProblem):
    """No or a wrong API key on a write."""

    status, slug, title = 401, "unauthorized", "Unauthorized"

    def __init__(self, detail: str):
        super().__init__(detail, headers={"WWW-Authenticate": 'ApiKey header="X-API-Key"'})


class Forbidden(ApiProblem):
    """Writes are disabled because the server has no API key configured."""

    status, slug, title = 403, "forbidden", "Forbidden"


class PayloadTooLarge(ApiProblem):
    """The request body is larger than POLICYKG_MAX_BODY_BYTES."""

    status, slug, title = 413, "payload-too-large", "Payload too large"


class UnsupportedMediaType(ApiProblem):
    """The request body has a content type the endpoint does not read."""

    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


def problem_type(slug: str) -> str:
    """A stable URI naming the kind of problem (RFC 9457 ``type``)."""
    return f"urn:policykg:problem:{slug}"


def problem_response(request: Request | None, status: int, slug: str, title: str, detail: str,
                     headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    """A problem+json response; ``instance`` is the request path (with its query)."""
    body = {"type": problem_type(slug), "title": title, "status": status, "detail": detail}
    if request is not None:
        body["instance"] = _instance(request)
    body.update(extra)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _instance(request: Request) -> str:
    """The request target as sent (still percent-encoded), e.g. /entities/fund%3A%E7%A7%8D."""
    raw = request.scope.get("raw_path") or request.url.path.encode()
    query = request.scope.get("query_string") or b""
    return raw.decode("latin-1") + (f"?{query.decode('latin-1')}" if query else "")


def _retry_after(request: Request) -> dict[str, str]:
    settings = getattr(request.app.state, "settings", None)
    seconds = settings.retry_after_seconds if settings is not None else 10
    return {"Retry-After": str(seconds)}


async def _api_problem(request: Request, exc: ApiProblem) -> JSONResponse:
    return problem_response(request, exc.status, exc.slug, exc.title, exc.detail, exc.headers)


async def _not_found(request: Request, exc: NotFoundError) -> JSONResponse:
    return problem_response(request, 404, "not-found", "Not found", str(exc))


async def _invalid(request: Request, exc: ValidationError) -> JSONResponse:
    return problem_response(request, 422, "invalid-parameter", "Invalid parameter", str(exc))


async def _bad_input(request: Request, exc: InputError) -> JSONResponse:
    return problem_response(request, 422, "unreadable-input", "Unreadable input", str(exc))


async def _unavailable(request: Request, exc: StoreUnavailableError) -> JSONResponse:
    backend = getattr(getattr(request.app.state, "store", None), "backend", None)
    return problem_response(request, 503, "store-unavailable", "Graph store unavailable", str(exc),
                            _retry_after(request), backend=backend)


async def _store_failed(request: Request, exc: StoreError) -> JSONResponse:
    log.error("store error on %s: %s", request.url.path, exc)
    return problem_response(request, 500, "store-error", "Graph store error", str(exc))


async def _other_policykg(request: Request, exc: PolicykgError) -> JSONResponse:
    return problem_response(request, 400, "bad-request", "Bad request", str(exc))


def _location(loc: tuple[Any, ...]) -> str:
    """('query', 'level') → "query parameter 'level'"; ('body', 0, 'x') → "body field '0.x'"."""
    if not loc:
        return "request"
    where, *rest = loc
    name = ".".join(str(part) for part in rest)
    kind = {"query": "query parameter", "path": "path parameter", "header": "header",
            "body": "body field", "cookie": "cookie"}.get(str(where), str(where))
    return f"{kind} '{name}'" if name else kind


async def _request_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{"location": _location(tuple(e.get("loc", ()))), "message": e.get("msg", "")}
              for e in exc.errors()]
    detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors) or "invalid request"
    return problem_response(request, 422, "invalid-parameter", "Invalid parameter", detail,
                            errors=errors)


def _http_detail(request: Request, status: int, detail: object, phrase: str) -> str:
    if status == 404 and detail == phrase:
        return f"no such path: {request.url.path}"
    if status == 405:
        return f"method {request.method} is not allowed on {request.url.path}"
    return detail if isinstance(detail, str) else phrase


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "Error"
    detail = _http_detail(request, exc.status_code, exc.detail, phrase)
    slug = phrase.lower().replace(" ", "-")
    return problem_response(request, exc.status_code, slug, phrase.capitalize(), detail,
                            dict(exc.headers or {}))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem_response(request, 500, "internal-error", "Internal server error",
                            "The server failed to answer this request; the error has been logged.")


def install_problem_handlers(app: FastAPI) -> None:
    """Register every handler; more specific classes first is not needed (MRO decides)."""
    app.add_exception_handler(ApiProblem, _api_problem)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(ValidationError, _invalid)
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(StoreUnavailableError, _unavailable)
    app.add_exception_handler(StoreError, _store_failed)
    app.add_exception_handler(PolicykgError, _other_policykg)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
