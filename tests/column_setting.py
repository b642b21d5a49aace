"""Setting text in a newspaper column, as the ingest tests need it (shared test helper)."""

from __future__ import annotations

NO_LINE_START = "，。、；：？！”’）》」』…"
"""Marks that may not open a line: they hang at the end of the line before."""


def wrap(paragraph: str, width: int, indent: int) -> list[str]:
    """A paragraph set in a column ``width`` characters wide, its first line ``indent`` short;
    a mark that may not open a line hangs at the end of the line before."""
    lines, at, first = [], 0, True
    while at < len(paragraph):
        line = paragraph[at : at + width - (indent if first else 0)]
        at += len(line)
        while at < len(paragraph) and paragraph[at] in NO_LINE_START:
            line, at = line + paragraph[at], at + 1
        lines.append(line)
        first = False
    return lines
