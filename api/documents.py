"""Documents: list and read them; add one (``POST``) or remove one (``DELETE``) with the API key.

``POST /documents`` reads the request body as

- ``text/plain``: a newspaper page or a single speech (the layouts ``policykg extract`` reads);
- ``application/json``: one record or a list of records;
- ``application/x-ndjson`` / ``application/jsonl``: one record a line.

A record is either a full extraction record (the JSONL contract, with ``document`` and ``speech``:
loaded as is) or a speech to extract (``title``, ``proposer``, ``text``, optional ``source``,
``date``: extracted first). Re-posting the same content is a no-op; posting changed content under
the same ``source`` replaces that document.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from policykg.api.browse import Cursor, Limit, NodeId, Q, _page
from policykg.api.deps import StoreDep, WriteAccess
from policykg.api.models import Deleted, Ingested, NodeDetail, Page, Problem
from policykg.api.problems import MalformedBody, UnsupportedMediaType
from policykg.errors import InputError
from policykg.extract.records import SpeechRecord

router = APIRouter(prefix="/documents", tags=["documents"])

TEXT_TYPES = ("text/plain",)
JSON_TYPES = ("application/json",)
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines")

_WRITE_ERRORS = {
    400: {"model": Problem, "description": "The body cannot be parsed (broken JSON, bad encoding)."},
    401: {"model": Problem, "description": "Missing or wrong X-API-Key."},
    403: {"model": Problem, "description": "Writes are disabled: no POLICYKG_API_KEY configured."},
    413: {"model": Problem, "description": "Body larger than POLICYKG_MAX_BODY_BYTES."},
    415: {"model": Problem, "description": "Unsupported Content-Type."},
}
_BODY_DOC = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"},
                   "example": "加快科技成果转化\n民建重庆市委会\n……为此，建议：一是设立种子基金……"},
    "application/json": {"schema": {"type": "object"},
                         "example": {"title": "加快科技成果转化", "proposer": "民建重庆市委会",
                                     "text": "……为此，建议：一是设立种子基金……", "source": "speech-1"}},
    "application/x-ndjson": {"schema": {"type": "string"},
                             "example": '{"title": "…", "proposer": "…", "text": "…"}\n'},
}}}


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()


def _charset(request: Request) -> str:
    for part in request.headers.get("content-type", "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return "utf-8"


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset).removeprefix("\ufeff")
    except (LookupError, UnicodeDecodeError) as exc:
        raise MalformedBody(f"the body is not valid {charset} text: {exc}") from exc


def _json_items(text: str, lines: bool) -> list[dict[str, Any]]:
    """Parse a JSON body (object or list) or a JSONL body into a list of objects."""
    try:
        if lines:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            parsed = json.loads(text)
            items = parsed if isinstance(parsed, list) else [parsed]
    except json.JSONDecodeError as exc:
        raise MalformedBody(f"the body is not valid JSON{'L' if lines else ''}: {exc}") from exc
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InputError(f"record {number} is a {type(item).__name__}, not a JSON object", source="body")
    return items


def _default_source(body: bytes) -> str:
    """A source name for an unnamed upload: stable per content, so re-posting is a no-op."""
    return f"upload-{hashlib.sha256(body).hexdigest()[:16]}"


def _records(body: bytes, media: str, charset: str, source: str) -> list[SpeechRecord]:
    """Speech records with entities, from the body (runs in a worker thread: spaCy is sync).

    Extraction is imported here, not at module level: spaCy loads only when a document is
    posted, so a read-only server starts fast and stays small.
    """
    from policykg.extract import ingest
    from policykg.extract.pipeline import annotate

    text = _decode(body, charset)
    if not text.strip():
        raise InputError("the body is empty: send a page, a speech or JSON records", source=source)
    if media in TEXT_TYPES:
        return list(annotate(ingest.read_text(text, source=source)))
    items = _json_items(text, lines=media in JSONL_TYPES)
    complete = [SpeechRecord.from_dict(i) for i in items if "speech" in i and "document" in i]
    if complete and len(complete) != len(items):
        raise InputError("mix of full extraction records and speeches to extract; send one kind", source=source)
    return complete or list(annotate(ingest.read_records(items, source=source)))


def _documents(records: list[SpeechRecord], loaded: dict[str, Any]) -> list[dict[str, Any]]:
    """Each document of the body with its speech count and outcome (from the store's answer)."""
    speeches: dict[str, int] = {}
    for record in records:
        speeches[record.document.id] = speeches.get(record.document.id, 0) + 1
    outcome = {doc: name for name in ("loaded", "replaced", "unchanged") for doc in loaded.get(name, [])}
    return [{"id": doc, "speeches": n, "outcome": outcome.get(doc, "loaded")} for doc, n in speeches.items()]


@router.get("", summary="List documents", response_model=Page)
def list_documents(store: StoreDep, limit: Limit = 50, cursor: Cursor = None, q: Q = None) -> dict:
    """Stored documents (pages, speeches) by id, with source, date and publication."""
    return _page(store, "documents", limit, cursor, q=q)


@router.get("/{id:path}", summary="One document", response_model=NodeDetail,
            responses={404: {"model": Problem, "description": "No document has this id."}})
def get_document(store: StoreDep, id: NodeId) -> dict:
    """A document with its metadata and speeches."""
    return store.node("documents", id)


@router.post("", summary="Add a document", response_model=Ingested, status_code=201,
             dependencies=[WriteAccess], responses=_WRITE_ERRORS, openapi_extra=_BODY_DOC)
async def post_document(
    request: Request, store: StoreDep,
    source: Annotated[str | None, Query(min_length=1, max_length=300, pattern=r"^[^\x00-\x1f]+$",
                                        description="Name of the document (its id is doc:<name>); "
                                                    "default: derived from the content.")] = None,
) -> dict:
    """Read a page, a speech or JSON records from the body, extract, and load them; needs X-API-Key."""
    media = _media_type(request)
    if media not in TEXT_TYPES + JSON_TYPES + JSONL_TYPES:
        raise UnsupportedMediaType(f"cannot read Content-Type {media!r}; send text/plain, application/json "
                                   "or application/x-ndjson")
    body = await request.body()
    records = await run_in_threadpool(_records, body, media, _charset(request), source or _default_source(body))
    if not records:
        raise InputError("no speech found in the body", source=source or "body")
    loaded = await run_in_threadpool(store.load, records)
    return {"documents": _documents(records, loaded), "rows": loaded.get("rows", 0)}


@router.delete("/{id:path}", summary="Delete a document", response_model=Deleted, dependencies=[WriteAccess],
               responses={**{k: v for k, v in _WRITE_ERRORS.items() if k in (401, 403)},
                          404: {"model": Problem, "description": "No document has this id."}})
def delete_document(store: StoreDep, id: NodeId) -> dict:
    """Delete a document, its speeches and whatever only they produced; needs X-API-Key."""
    return store.delete_document(id)
