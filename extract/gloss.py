"""English names for entities: a curated glossary first, then composition of its parts.

A name is segmented into the fewest entries of ``extract/data/glossary.tsv`` (longest entries
win ties, so the segmentation is deterministic), each part is translated, and the parts are
joined in order: Chinese modifier–head noun phrases read in English order too. Two adjacent
…化 modifiers are coordinated with "and" (数智化绿色化转型 → "digital-intelligent and green
transformation"); quotes, brackets, slashes and plus signs are kept; Latin letters and digits
pass through. Han text the glossary does not know (usually a proper name such as 广仁) is
romanised with pypinyin when it is installed, else left as it is.

>>> english_name("重庆中试熟化基金", "Fund")
'Chongqing pilot-scale maturation fund'
>>> english_name("市级数智化绿色化转型专项基金", "Fund")
'municipal digital-intelligent and green transformation special fund'
>>> english_name("“险资入渝”平台", "Platform")
'"insurance capital into Chongqing" platform'
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from policykg.extract.datafiles import read_tsv
from policykg.extract.normalize import display_form, fold_width, squeeze_spaces, strip_quotes

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-&]*")
_PUNCT = {"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', '"': '"',
          "‘": "'", "’": "'", "'": "'", "、": ",", "，": ",", ",": ",", "；": ";", "：": ":",
          "（": "(", "）": ")", "(": "(", ")": ")", "/": "/", "／": "/", "+": "+", "＋": "+",
          "—": "-", "-": "-", "－": "-", "·": " ", "・": " ", "《": '"', "》": '"', " ": " "}
_UNKNOWN_COST = 10


@dataclass(frozen=True)
class Part:
    """One segment of a name: its Chinese text, its English, and what kind of thing it is."""

    zh: str
    en: str
    kind: str  # word | latin | punct | unknown


@cache
def _glossary() -> tuple[dict[tuple[str, str], str], int]:
    """(entries keyed by (zh, type) with type "*" for any, longest key length)."""
    entries: dict[tuple[str, str], str] = {}
    for row in read_tsv("glossary.tsv"):
        entries[(row["zh"], row.get("type") or "*")] = row["en"]
    return entries, max(len(zh) for zh, _ in entries)


def lookup(term: str, type_: str = "*") -> str | None:
    """The glossary English of a whole term (type-specific entry first), or None."""
    entries, _ = _glossary()
    found = entries.get((term, type_))
    return found if found is not None else entries.get((term, "*"))


def segment(text: str) -> list[Part]:
    """The fewest glossary entries covering ``text``; unknown Han characters cost most.

    >>> [p.zh for p in segment("产业链投资基金")]
    ['产业链', '投资基金']
    """
    best: list[tuple[int, int, Part] | None] = [None] * (len(text) + 1)
    best[len(text)] = (0, 0, Part("", "", "punct"))
    for i in range(len(text) - 1, -1, -1):
        for part in _options(text, i):
            cost = best[i + len(part.zh)][0] + _cost(part)
            if best[i] is None or cost < best[i][0]:
                best[i] = (cost, len(part.zh), part)
    return _collect(best, len(text))


def _options(text: str, i: int) -> Iterable[Part]:
    """Candidate parts starting at ``i``, longest first (so ties keep the longest)."""
    char = text[i]
    latin = _LATIN.match(text, i)
    if latin:
        yield Part(latin.group(), latin.group(), "latin")
        return
    if char in _PUNCT or char.isspace():
        yield Part(char, _PUNCT.get(char, " "), "punct")
        return
    entries, longest = _glossary()
    for j in range(min(len(text), i + longest), i, -1):
        en = entries.get((text[i:j], "*"))
        if en is not None:
            yield Part(text[i:j], en, "word")
    yield Part(char, char, "unknown")


def _cost(part: Part) -> int:
    if part.kind == "unknown":
        return _UNKNOWN_COST
    return 1 if part.kind == "word" else 0


def _collect(best: list, end: int) -> list[Part]:
    parts, i = [], 0
    while i < end:
        _, length, part = best[i]
        parts.append(part)
        i += length
    return _merge_unknown(parts)


def _merge_unknown(parts: list[Part]) -> list[Part]:
    merged: list[Part] = []
    for part in parts:
        if part.kind == "unknown" and merged and merged[-1].kind == "unknown":
            merged[-1] = Part(merged[-1].zh + part.zh, merged[-1].en + part.en, "unknown")
        else:
            merged.append(part)
    return merged


def romanise(text: str) -> str:
    """Pinyin of a proper name written as one capitalised word (广仁 → Guangren), if possible.

    Text without Han characters (emoji, Greek letters) passes through unchanged.
    """
    if not has_han(text):
        return text
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return text
    return "".join(lazy_pinyin(text)).capitalize()


def render(parts: list[Part]) -> str:
    """Join translated parts into English text with sensible spacing (linear in the parts)."""
    out: list[str] = []
    quote_open = {'"': False, "'": False}
    for index, part in enumerate(parts):
        en = romanise(part.en) if part.kind == "unknown" else part.en
        if part.kind == "punct":
            _add_punct(out, en, quote_open)
        elif en:
            _add_word(out, en, _coordinated(parts, index))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _coordinated(parts: list[Part], index: int) -> bool:
    """Whether this part and the previous one are both X化 modifiers (数智化 绿色化, not 转化)."""
    if index == 0:
        return False
    previous, current = parts[index - 1], parts[index]
    return (previous.kind == current.kind == "word" and len(previous.zh) > 2 < len(current.zh)
            and previous.zh.endswith("化") and current.zh.endswith("化") and bool(previous.en))


def _trim(out: list[str]) -> None:
    """Drop trailing spaces from the pieces written so far."""
    while out and out[-1] == " ":
        out.pop()


def _ends_with(out: list[str], chars: str) -> bool:
    return bool(out) and out[-1][-1] in chars


def _add_word(out: list[str], en: str, coordinated: bool) -> None:
    if en.startswith("-") and out:
        _trim(out)
    elif coordinated:
        _trim(out)
        out += [" ", "and", " "]
    elif out and not _ends_with(out, " \"'(/-"):
        out.append(" ")
    out.append(en)


def _add_punct(out: list[str], mark: str, quote_open: dict[str, bool]) -> None:
    if mark in quote_open:
        quote_open[mark] = not quote_open[mark]
        if quote_open[mark]:
            if out and not _ends_with(out, " ("):
                out.append(" ")
            out.append(mark)
        else:
            _trim(out)
            out += [mark, " "]
    elif mark in ",;:)":
        _trim(out)
        out += [mark, " "]
    elif mark == "(":
        _trim(out)
        out += [" ", "("]
    elif mark == "+":
        _trim(out)
        out += [" ", "+", " "]
    elif mark in "/-":
        _trim(out)
        out.append(mark)
    else:
        out.append(mark)


@lru_cache(maxsize=65536)
def english_name(name: str, type_: str = "*") -> str:
    """The English name of an entity name (canonical or surface; quotes are honoured).

    >>> english_name("专精特新企业", "Institution")
    'specialised, refined, distinctive and innovative enterprise'
    >>> english_name("小试/中试熟化平台", "Platform")
    'small-scale trial/pilot-scale maturation platform'
    """
    text = squeeze_spaces(display_form(fold_width(name)))
    whole = lookup(strip_quotes(text).replace(" ", ""), type_)
    if whole:
        return whole
    return render(segment(text))


def unknown_parts(name: str, type_: str = "*") -> list[str]:
    """Han parts of a name the glossary does not know (romanised or left as they are).

    >>> unknown_parts("重庆广仁能源装备股份有限公司", "Institution")
    ['广仁']
    """
    text = squeeze_spaces(display_form(fold_width(name)))
    if lookup(strip_quotes(text).replace(" ", ""), type_):
        return []
    return [part.zh for part in segment(text) if part.kind == "unknown"]


def has_han(text: str) -> bool:
    """Whether ``text`` still contains Han characters."""
    return bool(_HAN.search(text))


# ---------------------------------------------------------------- coverage measurement


def entity_names(rows: Iterable[dict]) -> list[tuple[str, str, str | None]]:
    """(name, type, name_en or None) for each entity in extraction records or gold rows."""
    found = []
    for row in rows:
        for entity in row.get("entities", []):
            name = entity.get("canonical") or entity.get("text", "")
            found.append((name, entity.get("type", "*"), entity.get("name_en") or None))
    return found


def coverage(names: Iterable[tuple[str, str, str | None]], recompute: bool = False) -> dict:
    """Share of entities whose English name has no Han characters, and the ones that still do.

    ``glossed_share`` is stricter: the share whose name the glossary covers entirely, without
    romanising any part; ``romanised`` lists the parts it did not know.
    """
    total, missing, romanised = 0, [], {}
    for name, type_, name_en in names:
        total += 1
        english = english_name(name, type_) if recompute or name_en is None else name_en
        if has_han(english):
            missing.append({"name": name, "type": type_, "name_en": english})
        unknown = unknown_parts(name, type_)
        if unknown:
            romanised[name] = unknown
    return {"entities": total, "han_free": total - len(missing),
            "share": round((total - len(missing)) / total, 4) if total else 1.0,
            "glossed_share": round((total - len(romanised)) / total, 4) if total else 1.0,
            "with_han": missing, "romanised": romanised}


def main(argv: list[str] | None = None) -> int:
    """``python -m policykg.extract.gloss [--recompute] [FILE.jsonl …]`` (stdin without files).

    Reads extraction records (or gold rows) and prints the English-name coverage as JSON.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    recompute = "--recompute" in args
    files = [a for a in args if a != "--recompute"]
    streams = [open(f, encoding="utf-8") for f in files] if files else [sys.stdin]
    rows = [json.loads(line) for stream in streams for line in stream if line.strip()]
    print(json.dumps(coverage(entity_names(rows), recompute), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
