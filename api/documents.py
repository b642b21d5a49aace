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
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from policykg.api.browse import Cursor, Limit, NodeId, page_of
from policykg.api.deps import StoreDep, WriteAccess
from policykg.api.models import Deleted, Ingested, NodeDetail, Page, Problem
from policykg.api.problems import UnsupportedMediaType
from policykg.errors import InputError
from policykg.extract.records import SpeechRecord
from policykg.graph.store import GraphStore

router = APIRouter(prefix="/documents", tags=["documents"])

TEXT_TYPES = ("text/plain",)
JSON_TYPES = ("application/json",)
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines")

_WRITE_ERRORS = {
    401: {"model": Problem, "description": "Missing or wrong X-API-Key."},
    403: {"model": Problem, "description": "Writes are disabled: no POLICYKG_API_KEY configured."},
    413: {"model": Problem, "description": "Body larger than POLICYKG_MAX_BODY_BYTES."},
    415: {"model": Problem, "description": "Unsupported Content-Type."},
    422: {"model": Problem, "description": "The body holds no readable speech or record (the detail "
                                           "names the record or line)."},
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


def _default_source(body: bytes) -> str:
    """A source name for an unnamed upload: stable per content, so re-posting is a no-op."""
    return f"upload-{hashlib.sha256(body).hexdigest()[:16]}"


def _one_error(errors: list[InputError]) -> InputError:
    """All problems of a body as one error (the first few, each naming its record or line)."""
    shown = "; ".join(str(e) for e in errors[:5])
    more = f"; and {len(errors) - 5} more" if len(errors) > 5 else ""
    return InputError(shown + more)


def _contract_records(text: str, lines: bool, source: str) -> list[SpeechRecord] | None:
    """Full extraction records (with ``document`` and ``speech``), or None when the body holds speeches."""
    try:
        items = [json.loads(x) for x in text.splitlines() if x.strip()] if lines else json.loads(text)
    except json.JSONDecodeError:
        return None  # the ingest reader reports it, with its line
    items = items if isinstance(items, list) else [items]
    if not items or not all(isinstance(i, dict) and "document" in i and "speech" in i for i in items):
        return None
    try:
        return [SpeechRecord.from_dict(item) for item in items]
    except (TypeError, KeyError, AttributeError) as exc:
        raise InputError(f"not an extraction record: {exc}", source=source) from exc


def _records(body: bytes, media: str, source: str, proposer: str | None) -> list[SpeechRecord]:
    """Speech records with entities, from the body (runs in a worker thread: spaCy is sync).

    Extraction is imported here, not at module level: spaCy loads only when a document is
    posted, so a read-only server starts fast and stays small.
    """
    from policykg.extract import ingest
    from policykg.extract.pipeline import annotate
    from policykg.extract.proposer import parse_proposer_text

    text = ingest.decode(body, source)
    default = parse_proposer_text(proposer) if proposer else None
    ids = {"document_id": ingest.document_id_for(source), "digest": ingest.sha256(body)}
    if media in TEXT_TYPES:
        return list(annotate(ingest.parse_text(text, source, default, **ids)))
    lines = media in JSONL_TYPES
    complete = _contract_records(text, lines, source)
    if complete is not None:
        return complete
    parse = ingest.parse_jsonl if lines else ingest.parse_json
    records, errors = parse(text, source, default, **ids)
    if errors:
        raise _one_error(errors)
    return list(annotate(records))


def _load(lock: threading.Lock, store: GraphStore, records: list[SpeechRecord]) -> dict[str, Any]:
    """Load under the app's write lock: one write at a time (the embedded store rewrites its file)."""
    with lock:
        return store.load(records)


def _documents(records: list[SpeechRecord], loaded: dict[str, Any]) -> list[dict[str, Any]]:
    """Each document of the body with its speech count and outcome (from the store's answer)."""
    speeches: dict[str, int] = {}
    for record in records:
        speeches[record.document.id] = speeches.get(record.document.id, 0) + 1
    outcome = {doc: name for name in ("loaded", "replaced", "unchanged") for doc in loaded.get(name, [])}
    return [{"id": doc, "speeches": n, "outcome": outcome.get(doc, "loaded")} for doc, n in speeches.items()]


@router.get("", summary="List documents", response_model=Page)
def list_documents(store: StoreDep, limit: Limit = 50, cursor: Cursor = None) -> dict:
    """Stored documents (pages, speeches) by id, with source, date and publication."""
    return page_of(store, "documents", limit, cursor)


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
                                        description="Name of the document (its id is doc:<name without "
                                                    "suffix>); default: derived from the content.")] = None,
    proposer: Annotated[str | None, Query(max_length=300, description="Proposer line for speeches whose "
                                          "text names none, e.g. 市政协委员，重庆理工大学校长 张三.")] = None,
) -> dict:
    """Read a page, a speech or JSON records from the body, extract, and load them; needs X-API-Key."""
    media = _media_type(request)
    if media not in TEXT_TYPES + JSON_TYPES + JSONL_TYPES:
        raise UnsupportedMediaType(f"cannot read Content-Type {media!r}; send text/plain, application/json "
                                   "or application/x-ndjson")
    body = await request.body()
    records = await run_in_threadpool(_records, body, media, source or _default_source(body), proposer)
    if not records:
        raise InputError("no speech found in the body", source=source or "body")
    loaded = await run_in_threadpool(_load, request.app.state.write_lock, store, records)
    return {"documents": _documents(records, loaded), "rows": loaded.get("rows", 0)}


@router.delete("/{id:path}", summary="Delete a document", response_model=Deleted, dependencies=[WriteAccess],
               responses={**{k: v for k, v in _WRITE_ERRORS.items() if k in (401, 403)},
                          404: {"model": Problem, "description": "No document has this id."}})
def delete_document(request: Request, store: StoreDep, id: NodeId) -> dict:
    """Delete a document, its speeches and whatever only they produced; needs X-API-Key."""
    with request.app.state.write_lock:
        return store.delete_document(id)
