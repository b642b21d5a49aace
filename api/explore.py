"""The explorer page (``GET /explore``) and the Neo4j Browser guide (``GET /guide``).

The explorer is static HTML, CSS and plain JavaScript modules under ``static/`` (served by the
app's ``/static`` mount), with Cytoscape.js vendored: it works offline and asks the API only
for what it shows (one search, one neighbourhood, one page of proposers at a time).

The guide is generated at request time from the named ``.cypher`` files of ``policykg.cypher``,
so the queries a researcher clicks in Neo4j Browser are the files in ``cypher/``, never copies.
Neo4j Browser fetches it cross-origin (``:play http://host:port/guide``) with ``pragma`` and
``cache-control`` headers, hence a CORS preflight; the guide and the style file are public,
read-only documents, so they allow any origin.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from policykg import __version__, cypher
from policykg.errors import NotFoundError

router = APIRouter(include_in_schema=False)

STATIC_DIR = Path(__file__).parent / "static"
STYLE_FILE = STATIC_DIR / "policykg.grass"
"""The Neo4j Browser style (a colour, size and caption per label)."""

GUIDE_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "pragma, cache-control, content-type, x-ajax-browser-auth, x-stream",
    "Access-Control-Max-Age": "600",
}
NO_CACHE = {"Cache-Control": "no-cache"}


@dataclass(frozen=True)
class Slide:
    """One guide slide: a question, the parameters to set and the named query that answers it."""

    title: str
    lead: str
    query: str
    params: dict[str, object] = field(default_factory=dict)
    note: str = ""


SLIDES: tuple[Slide, ...] = (
    Slide("What is in the graph", "Nodes per label: speeches, proposers, recommendations, entities, concepts.",
          "guide_overview"),
    Slide("Who proposed a kind of fund",
          "Bodies and persons whose speeches propose a fund of this kind. Change <code>kind</code> to "
          "种子基金, 中试, guidance or any part of a fund's or concept's name.",
          "guide_who_proposed_kind", {"kind": "引导基金"},
          "Switch to the Table view for proposer, bodies (for persons), fund, concept and speech."),
    Slide("A proposer's proposals, with evidence",
          "Every entity one body or person proposed or mentioned, the recommendation it is in, and the "
          "sentence it comes from (<code>mention</code> is the exact text).",
          "guide_proposer_proposals", {"proposer": "民建重庆市委会"}),
    Slide("Where two proposers overlap",
          "Entities both proposed or mentioned, those only one did, and the Jaccard index.",
          "guide_overlap", {"a": "民建重庆市委会", "b": "民进重庆市委会"}),
    Slide("An entity's neighbourhood",
          "An entity with its concept, related entities, the recommendations naming it and their proposers. "
          "Double-click a node to expand it further.",
          "guide_neighbourhood", {"entity": "种子基金"}),
    Slide("Full-text search in Chinese",
          "The full-text index uses the <code>cjk</code> analyzer, so Chinese substrings match "
          "without word segmentation; English names match too.",
          "guide_fulltext", {"q": "中试"}),
)


def cypher_text(name: str) -> str:
    """The text of ``cypher/<name>.cypher``, through the package's loader."""
    return cypher.load(name)


def fulltext_index_name() -> str:
    """Name of the full-text index declared in ``cypher/schema.cypher`` (the one with the cjk analyzer)."""
    match = re.search(r"CREATE\s+FULLTEXT\s+INDEX\s+`?(\w+)`?", cypher_text("schema"), re.IGNORECASE)
    if match is None:
        raise NotFoundError("cypher/schema.cypher declares no full-text index")
    return match.group(1)


def _query_body(text: str) -> str:
    """The statement without its leading ``//`` comment lines (the slide says the same in words)."""
    lines = text.strip().splitlines()
    while lines and lines[0].lstrip().startswith("//"):
        lines.pop(0)
    return "\n".join(lines).strip().rstrip(";")


def _comment(text: str) -> str:
    lines = [line.lstrip()[2:].strip() for line in text.strip().splitlines() if line.lstrip().startswith("//")]
    return " ".join(lines)


def _runnable(command: str) -> str:
    return f'<pre class="pre-scrollable code runnable">{escape(command)}</pre>'


def _slide(slide: Slide, index: int, total: int) -> str:
    text = cypher_text(slide.query)
    params = dict(slide.params)
    if slide.query == "guide_fulltext":
        params["index"] = fulltext_index_name()
    steps = []
    if params:
        steps.append("<p>1. Set the parameters (click ▶ to run, or click the text to edit it first):</p>")
        steps.append(_runnable(":params " + json.dumps(params, ensure_ascii=False)))
        steps.append(f"<p>2. Run <code>cypher/{escape(slide.query)}.cypher</code>:</p>")
    else:
        steps.append(f"<p>Run <code>cypher/{escape(slide.query)}.cypher</code>:</p>")
    steps.append(_runnable(_query_body(text)))
    if slide.note:
        steps.append(f"<p><small>{escape(slide.note)}</small></p>")
    body = "\n    ".join(steps)
    return (
        '<slide class="row-fluid">\n'
        f'  <div class="col-sm-3"><h3>{escape(slide.title)}</h3>\n'
        f'    <p class="lead">{slide.lead}</p>\n'
        f'    <p><small>{index}/{total} · {escape(_comment(text))}</small></p></div>\n'
        f'  <div class="col-sm-9">\n    {body}\n  </div>\n'
        "</slide>"
    )


def _intro(base_url: str, total: int) -> str:
    style_url = f"{base_url}guide/policykg.grass"
    return (
        '<slide class="row-fluid">\n'
        '  <div class="col-sm-3"><h3>policykg 政策建议图谱</h3>\n'
        '    <p class="lead">Who proposed which funds, mechanisms, platforms and institutions in '
        "policy consultation speeches — no Cypher knowledge needed: click ▶ on a grey block to run it.</p></div>\n"
        '  <div class="col-sm-9">\n'
        "    <p>First apply the policykg style (colours per label, names as captions; proposers large, "
        "speeches and recommendations small):</p>\n"
        f"    {_runnable(':style ' + style_url)}\n"
        f"    <p>Then step through the next {total} slides with the arrows. Each slide sets its parameters "
        "with <code>:params</code> — change the values (Chinese or English) and run again.</p>\n"
        f'    <p>An interactive explorer of the same graph: <a href="{escape(base_url)}explore" '
        'target="_blank">/explore</a>.</p>\n'
        "  </div>\n</slide>"
    )


def guide_html(base_url: str) -> str:
    """The whole guide, in the HTML form Neo4j Browser's ``:play <url>`` renders as slides."""
    slides = [_slide(slide, i, len(SLIDES)) for i, slide in enumerate(SLIDES, start=1)]
    return (
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join([_intro(base_url, len(SLIDES)), *slides])
        + "\n</carousel>\n</article>\n"
    )


@router.get("/", summary="Where to start", response_model=None)
def root(request: Request) -> RedirectResponse | dict[str, object]:
    """A browser (``Accept: text/html``) is sent to the explorer; any other client gets the
    service's name and version and the addresses of its explorer, documentation and health."""
    if "text/html" in request.headers.get("accept", ""):
        return RedirectResponse("/explore", status_code=307)
    return {"name": "policykg", "version": __version__,
            "links": {"explorer": "/explore", "docs": "/docs", "openapi": "/openapi.json",
                      "health": "/health", "neo4j_browser_guide": "/guide"}}


@router.get("/explore", summary="The explorer page")
def explore() -> FileResponse:
    """The explorer: search, neighbourhood graph, evidence, overlap and export."""
    return FileResponse(STATIC_DIR / "explore.html", media_type="text/html; charset=utf-8", headers=NO_CACHE)


@router.get("/guide", summary="Neo4j Browser guide")
def guide(request: Request) -> HTMLResponse:
    """The Neo4j Browser guide (``:play <this url>``), built from the ``.cypher`` files."""
    return HTMLResponse(guide_html(str(request.base_url)), headers={**GUIDE_CORS, **NO_CACHE})


@router.get("/guide/policykg.grass", summary="Neo4j Browser style")
def guide_style() -> Response:
    """The style file, for ``:style <this url>`` in Neo4j Browser (or download and drag it in)."""
    return Response(STYLE_FILE.read_text(encoding="utf-8"), media_type="text/plain; charset=utf-8",
                    headers={**GUIDE_CORS, **NO_CACHE})


@router.options("/guide")
@router.options("/guide/policykg.grass")
def guide_preflight() -> Response:
    """Answer Neo4j Browser's CORS preflight (it sends ``pragma`` and ``cache-control``)."""
    return Response(status_code=204, headers=GUIDE_CORS)
