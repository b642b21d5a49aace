"""Reading the tab-separated lexicons shipped under ``extract/data/``.

Each file starts with ``#`` comment lines explaining it, then a header row naming the columns,
then one row per entry; blank lines and lines starting with ``#`` are skipped anywhere.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from policykg.errors import InputError


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``extract/data/<name>`` as dicts keyed by the header; cached after the first read."""
    text = (files("policykg.extract") / "data" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        raise InputError("lexicon has no header row", source=name)
    header = lines[0].split("\t")
    return tuple(_row(header, line, name) for line in lines[1:])


def _row(header: list[str], line: str, name: str) -> dict[str, str]:
    cells = line.split("\t")
    if len(cells) > len(header):
        raise InputError(f"row has {len(cells)} columns, header has {len(header)}: {line!r}",
                         source=name)
    if len(cells) < len(header):
        cells += [""] * (len(header) - len(cells))
    return dict(zip(header, map(str.strip, cells)))


def preload(names: tuple[str, ...]) -> None:
    """Read these lexicons now (each is cached), so that no document pays for reading them."""
    for name in names:
        read_tsv(name)
