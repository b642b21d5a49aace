"""English-name coverage on lists of made-up policy entity names: how often gloss falls back to pinyin.

Each list is a TSV (``name``, ``type``, ``proper``) such as ``tests/extract/gloss_names/dev.tsv``;
``proper`` names the Han parts that are proper names (places), for which pinyin is right. A name
*falls back* when some other Han part of it is romanised because the glossary, the character
glosses and the rules do not know it. Printed per list: names, names that fall back (the rate),
names composed from character glosses, and the parts that fell back, most frequent first.

Usage::

    python benchmarks/gloss_coverage.py [LIST.tsv …] [--show N] [--names]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from policykg.extract import gloss

LISTS = Path(__file__).resolve().parent.parent / "tests" / "extract" / "gloss_names"
DEFAULT_LISTS = (LISTS / "dev.tsv", LISTS / "held_out.tsv", LISTS / "held_out_2.tsv")


def read_names(path: Path) -> list[tuple[str, str, set[str]]]:
    """(name, type, proper parts) rows of a name list; ``#`` lines are comments."""
    with path.open(encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip() and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return [(row["name"], row["type"] or "*", _proper(row.get("proper"))) for row in rows]


def _proper(cell: str | None) -> set[str]:
    return {part.strip() for part in (cell or "").split(",") if part.strip()}


def fallbacks(name: str, type_: str, proper: set[str]) -> list[str]:
    """Han parts of ``name`` romanised although they are not among its proper names."""
    return [part for part in gloss.unknown_parts(name, type_)
            if not any(part in p for p in proper)]


def measure(rows: list[tuple[str, str, set[str]]]) -> dict:
    """Counts over a list: names, names falling back, names using character glosses, parts."""
    parts: Counter[str] = Counter()
    failing, composed = [], 0
    for name, type_, proper in rows:
        missed = fallbacks(name, type_, proper)
        parts.update(missed)
        if missed:
            failing.append((name, gloss.english_name(name, type_)))
        composed += bool(gloss.character_parts(name, type_))
    total = len(rows)
    return {"names": total, "fallback": len(failing), "composed": composed,
            "rate": len(failing) / total if total else 0.0, "parts": parts, "failing": failing}


def report(path: Path, result: dict, show: int, names: bool) -> None:
    print(f"{path.name}: {result['names']} names, {result['fallback']} fall back to pinyin "
          f"({result['rate']:.1%}), {result['composed']} use character glosses")
    common = ", ".join(f"{part}×{n}" for part, n in result["parts"].most_common(show))
    if common:
        print(f"  parts: {common}")
    for name, english in result["failing"] if names else ():
        print(f"  {name} → {english}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lists", nargs="*", type=Path, default=list(DEFAULT_LISTS))
    parser.add_argument("--show", type=int, default=40, help="how many fallback parts to print")
    parser.add_argument("--names", action="store_true", help="print each name that falls back")
    args = parser.parse_args(argv)
    for path in args.lists:
        report(path, measure(read_names(path)), args.show, args.names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
