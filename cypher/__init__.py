"""Every Cypher statement the Neo4j store runs, one ``.cypher`` file per named statement.

Statements are read with :mod:`importlib.resources` and typed ``LiteralString``: they are
constants of the package, never formatted with values (values are ``$parameters``; labels and
relationship types are written into the files, from the schema in ``policykg.graph.schema``).
A file may hold several statements separated by ``;`` at the end of a line; ``//`` comment
lines are allowed anywhere.

>>> "MERGE (n:Document {id: row.id})" in load("load_node_Document")
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import LiteralString, cast

from policykg.errors import NotFoundError

_NAME = re.compile(r"^[A-Za-z0-9_]+$")
_SPLIT = re.compile(r";[ \t]*(?:\n|$)")


@lru_cache(maxsize=None)
def load(name: str) -> LiteralString:
    """The text of ``cypher/<name>.cypher``; NotFoundError if there is no such file."""
    if not _NAME.match(name):
        raise NotFoundError(f"not a Cypher statement name: {name!r}")
    resource = files(__name__).joinpath(f"{name}.cypher")
    if not resource.is_file():
        raise NotFoundError(f"no Cypher file named {name!r} in policykg.cypher")
    return cast(LiteralString, resource.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def statements(name: str) -> tuple[LiteralString, ...]:
    """The statements of a file, without comment-only parts, in order."""
    parts = (_strip_comments(part) for part in _SPLIT.split(load(name)))
    return tuple(cast(LiteralString, part) for part in parts if part)


def names() -> list[str]:
    """Names of every statement file shipped."""
    return sorted(p.name[: -len(".cypher")] for p in files(__name__).iterdir() if p.name.endswith(".cypher"))


def _strip_comments(text: str) -> str:
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()
