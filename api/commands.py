"""``policykg serve``: run the API under uvicorn."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

import click
import pydantic

from policykg.api.settings import Settings

if TYPE_CHECKING:
    import uvicorn


def _settings(host: str | None, port: int | None, neo4j: bool, store: Path | None) -> Settings:
    """Environment settings, with the command line's options taking precedence."""
    overrides: dict = {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    if neo4j:
        overrides["backend"] = "neo4j"
    if store is not None:
        overrides["store_path"] = store
        overrides["backend"] = "embedded"
    try:
        return Settings(**overrides)
    except pydantic.ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise click.UsageError(f"bad settings: {problems}") from exc


@click.command("serve")
@click.option("--host", default=None, help="Interface to listen on [env POLICYKG_HOST; default 127.0.0.1].")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Port to listen on [env POLICYKG_PORT; default 8000].")
@click.option("--neo4j", is_flag=True, help="Serve the Neo4j store (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).")
@click.option("--store", "store", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Serve the embedded store in this file [env POLICYKG_STORE].")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(host: str | None, port: int | None, neo4j: bool, store: Path | None, log_level: str) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) over the embedded store or Neo4j."""
    import uvicorn

    from policykg.api.app import create_app

    if neo4j and store is not None:
        raise click.UsageError("--neo4j and --store choose different backends; give one")
    settings = _settings(host, port, neo4j, store)
    config = uvicorn.Config(create_app(settings), host=settings.host, port=settings.port, log_level=log_level)
    config.load()
    click.echo(f"policykg API on http://{settings.host}:{settings.port} ({settings.backend} store; "
               f"uvicorn with {server_stack(config)})", err=True)
    server = uvicorn.Server(config)
    server.run()
    if not server.started:
        raise SystemExit(3)  # as uvicorn.run: the server could not start (the port taken, …)


def server_stack(config: uvicorn.Config) -> str:
    """The HTTP parser and event loop a loaded ``config`` resolved, e.g. "httptools and uvloop".

    uvicorn's "auto" picks httptools and uvloop when they are installed (``uvicorn[standard]``,
    a dependency: the benchmark figures were measured with them), else h11 and asyncio.
    """
    http = config.http_protocol_class.__module__.rsplit(".", 1)[-1].removesuffix("_impl")
    loop = config.get_loop_factory()
    return f"{http} and {loop.__module__.split('.')[0] if loop else 'asyncio'}"
