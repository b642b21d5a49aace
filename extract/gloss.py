"""English names for entities: a curated glossary first, then composition of its parts.

A name is segmented into the fewest entries of ``extract/data/glossary.tsv`` (longest entries
win ties, so the segmentation is deterministic), each part is translated, and the parts are
joined in order: Chinese modifier–head noun phrases read in English order too. Two adjacent
…化 modifiers are coordinated with "and" (数智化绿色化转型 → "digital-intelligent and green
transformation"); the word that ends the name takes its head form (城乡一体化 → "urban-rural
integration"); a verb opening the name follows its one-word object (促进就业基金 → "employment
promotion fund"); quotes, brackets, slashes and plus signs are kept; Latin letters and digits
pass through. Han text the glossary does not know is read as a place name before a place
ending (白马县 → "Baima County"), else composed from character glosses when every character has
one (氢储 → "hydrogen storage"), else taken for a proper name (广仁) and romanised from
pypinyin's character table when pypinyin is installed, else left as it is.

>>> english_name("重庆中试熟化基金", "Fund")
'Chongqing pilot-scale maturation fund'
>>> english_name("市级数智化绿色化转型专项基金", "Fund")
'municipal digital-intelligent and green transformation special fund'
>>> english_name("“险资入渝”平台", "Platform")
'"insurance capital into Chongqing" platform'
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from policykg.extract.datafiles import read_tsv
from policykg.extract.normalize import display_form, fold_width, squeeze_spaces, strip_quotes

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-&]*")
_PUNCT = {"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', '"': '"',
          "‘": "'", "’": "'", "'": "'", "、": ",", "，": ",", ",": ",", "；": ";", "：": ":",
          "（": "(", "）": ")", "(": "(", ")": ")", "/": "/", "／": "/", "+": "+", "＋": "+",
          "—": "-", "-": "-", "－": "-", "·": " ", "・": " ", "《": '"', "》": '"', " ": " "}
_COSTS = {"unknown": 10, "word": 1, "latin": 0, "punct": 0}
"""Segmentation cost of a part by kind: unknown Han characters cost most, words one each."""
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Part:
    """One segment of a name: its Chinese text, its English, and what kind of thing it is."""

    zh: str
    en: str
    kind: str  # word | char | latin | punct | unknown (a proper name, romanised when rendered)


@dataclass(frozen=True)
class Glossary:
    """The glossary file as lookup tables (see the header of ``glossary.tsv`` for the kinds)."""

    words: dict[tuple[str, str], str]  # (zh, type) -> en; type "*" for any
    heads: dict[tuple[str, str], str]  # (zh, type) -> en where the word ends a name (一体化)
    prefixes: frozenset[str]  # every prefix of an any-type word, to stop a lookup early
    chars: dict[str, str]  # character glosses, only for compounds the words do not cover
    places: frozenset[str]  # place-name endings (区 县 镇 岛 …)
    verbs: frozenset[str]  # verbs that take the next word as their object (促进 就业)
    readings: dict[str, str]  # pinyin of a character in place names (长 cháng, 都 dū)


@cache
def _glossary() -> Glossary:
    """The glossary, read once."""
    words: dict[tuple[str, str], str] = {}
    heads: dict[tuple[str, str], str] = {}
    by_kind: dict[str, dict[str, str]] = {"char": {}, "place": {}, "verb": {}, "reading": {}}
    for row in read_tsv("glossary.tsv"):
        kind = row.get("kind") or ""
        if kind in ("char", "reading"):
            by_kind[kind][row["zh"]] = row["en"]
            continue
        key = (row["zh"], row.get("type") or "*")
        words[key], _, head = row["en"].partition("|")
        if head:
            heads[key] = head
        if kind:
            by_kind[kind][row["zh"]] = row["en"]
    prefixes = frozenset(zh[:n] for zh, type_ in words if type_ == "*"
                         for n in range(1, len(zh) + 1))
    return Glossary(words, heads, prefixes, by_kind["char"], frozenset(by_kind["place"]),
                    frozenset(by_kind["verb"]), by_kind["reading"])


def load() -> None:
    """Read the glossary now (the pipeline calls this when it is built)."""
    _glossary()


def lookup(term: str, type_: str = "*") -> str | None:
    """The glossary English of a whole term (type-specific entry first), or None.

    A whole term is its own head, so a word with a head form takes it (一体化 → integration).
    """
    glossary = _glossary()
    for key in ((term, type_), (term, "*")):
        found = glossary.heads.get(key, glossary.words.get(key))
        if found is not None:
            return found
    return None


def segment(text: str) -> list[Part]:
    """The fewest glossary entries covering ``text``; unknown Han characters cost most.

    Han text no entry covers is then read as a proper name when a place ending follows it
    (白马 | 县), else composed from character glosses when it has one for every character
    (氢储 → hydrogen storage), else kept as an unknown (proper) name.

    >>> [p.zh for p in segment("产业链投资基金")]
    ['产业链', '投资基金']
    >>> [(p.zh, p.kind) for p in segment("白马县氢储基金")]
    [('白马', 'unknown'), ('县', 'word'), ('氢', 'char'), ('储', 'char'), ('基金', 'word')]
    """
    best: list[tuple[int, int, str, str]] = [(0, 0, "", "")] * (len(text) + 1)
    for i in range(len(text) - 1, -1, -1):
        found = None
        for length, kind, en in _options(text, i):
            cost = best[i + length][0] + _COSTS[kind]
            if found is None or cost < found[0]:
                found = (cost, length, kind, en)
        best[i] = found
    return _resolve_unknown(_merge_unknown(_collect(text, best)))


def _options(text: str, i: int) -> Iterable[tuple[int, str, str]]:
    """Candidate (length, kind, English) of parts starting at ``i``, longest first (so ties
    keep the longest)."""
    char = text[i]
    latin = _LATIN.match(text, i)
    if latin:
        yield len(latin.group()), "latin", latin.group()
        return
    if char in _PUNCT or char.isspace():
        yield 1, "punct", _PUNCT.get(char, " ")
        return
    yield from reversed(_words_at(text, i))
    yield 1, "unknown", char


def _words_at(text: str, i: int) -> list[tuple[int, str, str]]:
    """Glossary words starting at ``i``, shortest first; stops once no entry can continue."""
    glossary = _glossary()
    found, j = [], i + 1
    while j <= len(text) and text[i:j] in glossary.prefixes:
        en = glossary.words.get((text[i:j], "*"))
        if en is not None:
            found.append((j - i, "word", en))
        j += 1
    return found


def _collect(text: str, best: list[tuple[int, int, str, str]]) -> list[Part]:
    """The cheapest path through ``best`` as parts."""
    parts, i = [], 0
    while i < len(text):
        _, length, kind, en = best[i]
        parts.append(Part(text[i:i + length], en, kind))
        i += length
    return parts


def _merge_unknown(parts: list[Part]) -> list[Part]:
    merged: list[Part] = []
    for part in parts:
        if part.kind == "unknown" and merged and merged[-1].kind == "unknown":
            merged[-1] = Part(merged[-1].zh + part.zh, merged[-1].en + part.en, "unknown")
        else:
            merged.append(part)
    return merged


def _resolve_unknown(parts: list[Part]) -> list[Part]:
    """Read each unknown run as a place name, a compound of glossed characters, or a name."""
    out: list[Part] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part.kind != "unknown":
            out.append(_after_name(part, out))
            i += 1
            continue
        endings = _place_endings(parts, i + 1)
        name = part.zh + "".join(p.zh for p in endings[:-1])
        if endings and len(name) > 1:  # 秀 | 山 | 县: all endings but the last are the name's
            out += [Part(name, name, "unknown"), _titled(endings[-1])]
            i += len(endings) + 1
        else:
            out.extend(_characters(part))
            i += 1
    return out


def _place_endings(parts: list[Part], start: int) -> list[Part]:
    """The place-name endings that follow position ``start`` (区, 山 | 县, …)."""
    places = _glossary().places
    endings = []
    while start + len(endings) < len(parts) and parts[start + len(endings)].zh in places:
        endings.append(parts[start + len(endings)])
    return endings


def _after_name(part: Part, out: list[Part]) -> Part:
    """A place ending after a known place name is part of that name: Wanzhou District."""
    previous = out[-1] if out else None
    if (part.zh in _glossary().places and previous is not None and previous.kind == "word"
            and previous.en[:1].isupper()):
        return _titled(part)
    return part


def _titled(part: Part) -> Part:
    return Part(part.zh, " ".join(w[:1].upper() + w[1:] for w in part.en.split(" ")), part.kind)


def _characters(part: Part) -> list[Part]:
    """The run composed from character glosses, if every character has one; else the run."""
    chars = _glossary().chars
    if all(c in chars for c in part.zh):
        return [Part(c, chars[c], "char") for c in part.zh]
    return [part]


def romanise(text: str) -> str:
    """Pinyin of a proper name written as one capitalised word (广仁 → Guangren), if possible.

    Text without Han characters (emoji, Greek letters) passes through unchanged. Each
    character takes its place-name reading from the glossary (长 cháng, 都 dū) or else its
    first reading in pypinyin's character table; pypinyin's phrase dictionaries are never
    loaded, so the first romanisation costs a few milliseconds rather than most of a second.
    """
    if not has_han(text):
        return text
    table = _pinyin_table()
    if table is None:
        return text
    readings = _glossary().readings
    syllables = [_plain(readings.get(c) or _first_reading(table, c)) for c in text]
    return _join_syllables(syllables).capitalize()


def _first_reading(table: dict[str, str], char: str) -> str:
    found = table.get(str(ord(char)))
    return found.split(",", 1)[0] if found else char


def _plain(syllable: str) -> str:
    """A pinyin syllable without tone marks (ü kept): zhōng → zhong, lǜ → lü."""
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


def _join_syllables(syllables: list[str]) -> str:
    """Syllables run together, with an apostrophe before a, o or e (Xi'an, Nan'an)."""
    out = syllables[:1]
    for syllable in syllables[1:]:
        out.append(("'" if syllable[:1] in ("a", "o", "e") else "") + syllable)
    return "".join(out)


@cache
def _pinyin_table() -> dict[str, str] | None:
    """pypinyin's character table (decimal code point → readings), read from its data file.

    Importing ``pypinyin`` itself loads its phrase dictionaries and trains a segmenter, which
    takes most of a second; the character table is all a proper name needs.
    """
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).with_name("pinyin_dict.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def render(parts: list[Part]) -> str:
    """Join translated parts into English text with sensible spacing (linear in the parts).

    Parts are first put in English order (see ``english_order``); the word that ends the name
    takes its head form where it has one (城乡一体化 → "urban-rural integration").
    """
    parts = english_order(parts)
    out: list[str] = []
    quote_open = {'"': False, "'": False}
    last = _last_word(parts)
    for index, part in enumerate(parts):
        en = _english(part, index == last)
        if part.kind == "punct":
            _add_punct(out, en, quote_open)
        elif en:
            _add_word(out, en, _coordinated(parts, index))
    return _SPACES.sub(" ", "".join(out)).strip()


def _english(part: Part, is_head: bool) -> str:
    if part.kind == "unknown":
        return romanise(part.en)
    if is_head and part.kind == "word":
        return _glossary().heads.get((part.zh, "*"), part.en)
    return part.en


def _last_word(parts: list[Part]) -> int:
    """Index of the last part that is not punctuation, or -1."""
    return next((i for i in range(len(parts) - 1, -1, -1) if parts[i].kind != "punct"), -1)


def _opens_name(parts: list[Part], index: int) -> bool:
    """Whether only proper names and punctuation come before ``parts[index]``."""
    return all(p.kind in ("punct", "unknown") or p.en[:1].isupper() for p in parts[:index])


def english_order(parts: list[Part]) -> list[Part]:
    """Parts in English order: a verb and its one-word object before a final head swap.

    Only a verb that opens the name (after proper names) is read as taking an object; after a
    common noun it is that noun's action (财政支持 "fiscal support") and stays where it is.

    >>> [p.zh for p in english_order(segment("促进就业基金"))]
    ['就业', '促进', '基金']
    """
    verbs = _glossary().verbs
    out = list(parts)
    i = _last_word(out) - 2
    if i >= 0 and out[i].kind == "word" and out[i].zh in verbs and _opens_name(out, i):
        obj = out[i + 1]
        if obj.kind in ("word", "char") and obj.zh not in verbs and obj.en:
            out[i], out[i + 1] = obj, out[i]
    return out


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
    return [part.zh for part in _parts(name, type_) if part.kind == "unknown"]


def character_parts(name: str, type_: str = "*") -> list[str]:
    """Characters of a name glossed one by one because no glossary word covers them.

    >>> character_parts("氢储交易平台", "Platform")
    ['氢', '储']
    """
    return [part.zh for part in _parts(name, type_) if part.kind == "char"]


def _parts(name: str, type_: str) -> list[Part]:
    text = squeeze_spaces(display_form(fold_width(name)))
    if lookup(strip_quotes(text).replace(" ", ""), type_):
        return []
    return segment(text)


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
