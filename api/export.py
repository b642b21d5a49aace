"""``GET /export``: a subgraph as a file download (GraphML, GEXF, JSON, Cypher script, CSV zip)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.responses import Response

from policykg.api.deps import StoreDep
from policykg.api.models import Problem
from policykg.graph import export as graph_export

router = APIRouter(tags=["export"])

Format = Literal["graphml", "gexf", "json", "cypher", "csv"]


@dataclass(frozen=True)
class _Kind:
    media_type: str
    extension: str
    example: str


KINDS: dict[str, _Kind] = {
    "graphml": _Kind("application/graphml+xml", "graphml",
                     '<?xml version="1.0" encoding="utf-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">…'),
    "gexf": _Kind("application/gexf+xml", "gexf",
                  '<?xml version="1.0" encoding="utf-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3">…'),
    "json": _Kind("application/json", "json", '{"directed": true, "multigraph": true, "nodes": […], "edges": […]}'),
    "cypher": _Kind("text/plain; charset=utf-8", "cypher",
                    "CREATE (:Fund {id: 'fund:种子基金', name: '种子基金'});"),
    "csv": _Kind("application/zip", "zip", "PK… (nodes_Fund.csv, relationships_PROPOSES.csv, …)"),
}


def _content(kind: _Kind) -> dict:
    schema = {"type": "string"} if kind.extension in ("cypher", "json") else {"type": "string", "format": "binary"}
    return {"schema": schema, "example": kind.example}


_RESPONSES = {
    200: {"description": "The subgraph as a file; `Content-Disposition` names it.",
          "content": {k.media_type: _content(k) for k in KINDS.values()}},
    404: {"model": Problem, "description": "`center` names no node."},
}


Types = Annotated[list[str] | None, Query(description="Keep only nodes with these labels (comma-separated "
                                                     "or repeated); the centre is always kept.",
                                         examples=["Fund,Body,Speech"])]


def split_types(types: list[str] | None) -> list[str] | None:
    """`types=Fund,Body` and `types=Fund&types=Body` mean the same."""
    if not types:
        return None
    return [t.strip() for value in types for t in value.split(",") if t.strip()] or None


def _zip(files: dict[str, str | bytes]) -> bytes:
    """The files as one zip; shell scripts (the neo4j-admin import script) stay executable."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o755 if name.endswith(".sh") else 0o644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _render(subgraph: dict, format: str) -> bytes:
    if format == "csv":
        return _zip(graph_export.to_csv_files(subgraph))
    data = graph_export.RENDERERS[format](subgraph)
    return data.encode("utf-8") if isinstance(data, str) else data


def _disposition(center: str | None, extension: str) -> str:
    """An attachment named policykg-graph.<ext>, or after the centre node (UTF-8 via filename*)."""
    if center is None:
        return f'attachment; filename="policykg-graph.{extension}"'
    name = f"policykg-{center.replace('/', '_').replace(':', '_')}.{extension}"
    return f"attachment; filename=\"policykg-subgraph.{extension}\"; filename*=UTF-8''{quote(name)}"


@router.get("/export", summary="Download a subgraph", response_class=Response, responses=_RESPONSES)
def export(
    store: StoreDep,
    format: Annotated[Format, Query(description="graphml, gexf, json (node-link), cypher (script) or csv "
                                                "(zip of neo4j-admin import files)")] = "graphml",
    center: Annotated[str | None, Query(max_length=300, description="Node id at the centre; whole graph if absent.",
                                        examples=["fund:种子基金"])] = None,
    hops: Annotated[int, Query(ge=0, le=6, description="Distance from `center`.")] = 1,
    types: Types = None,
) -> Response:
    """The nodes within ``hops`` of ``center`` (or the whole graph), limited to ``types``, as a file."""
    subgraph = store.subgraph(center=center, hops=hops, types=split_types(types))
    kind = KINDS[format]
    return Response(_render(subgraph, format), media_type=kind.media_type,
                    headers={"Content-Disposition": _disposition(center, kind.extension)})
