"""Canonical names for entity mentions, and the within-speech coreference test.

A canonical name is the mention with line-break whitespace and every quotation mark removed,
full-width letters and digits made half-width, brackets made full-width, and known abbreviations
expanded (``extract/data/aliases.tsv``). Quotation marks go even around an inner modifier so
that “专精特新”企业 and 专精特新企业 are one entity; the quoted surface stays as an alias.

>>> canonical_name("5G 专网", "Platform")
('5G专网', ['5G 专网'])
>>> canonical_name("“产业链投资基金”", "Fund")
('产业链投资基金', [])
>>> canonical_name("国企", "Institution")
('国有企业', ['国企'])
>>> is_coreferent("领军企业", "科技领军企业")
True
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from policykg.extract.datafiles import read_tsv

_QUOTES = "“”‘’\"'「」『』〝〞＂＇"
_QUOTE_RE = re.compile(f"[{re.escape(_QUOTES)}]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_HALF_BRACKETS = str.maketrans({"(": "（", ")": "）"})


def fold_width(text: str) -> str:
    """Full-width ASCII letters, digits and symbols to half-width; the ideographic space to a space."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    code = ord(char)
    if char == "\u3000":
        return " "
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)
    return char


def squeeze_spaces(text: str) -> str:
    """Drop whitespace except a single space between two Latin letters or digits.

    >>> squeeze_spaces("工业 互联网\\n平台 AI Lab")
    '工业互联网平台AI Lab'
    """
    out: list[str] = []
    for match in re.finditer(r"\s+|\S+", text):
        piece = match.group()
        if not piece.isspace():
            out.append(piece)
        elif out and _ASCII_WORD.fullmatch(out[-1][-1]) and _next_is_ascii(text, match.end()):
            out.append(" ")
    return "".join(out)


def _next_is_ascii(text: str, index: int) -> bool:
    return index < len(text) and bool(_ASCII_WORD.fullmatch(text[index]))


def strip_quotes(text: str) -> str:
    """Remove every quotation mark (wrapping or inner)."""
    return _QUOTE_RE.sub("", text)


def clean(surface: str) -> str:
    """The surface with whitespace, quotes and width variants normalised (no abbreviations)."""
    return strip_quotes(squeeze_spaces(fold_width(surface))).translate(_HALF_BRACKETS).strip()


@cache
def _aliases() -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str, str]]]:
    """(whole-name table: alias → [(type, canonical)], suffix rules longest first)."""
    terms: dict[str, list[tuple[str, str]]] = {}
    suffixes: list[tuple[str, str, str]] = []
    for row in read_tsv("aliases.tsv"):
        alias, canonical, type_ = clean(row["alias"]), row["canonical"], row["type"] or "*"
        terms.setdefault(alias, []).append((type_, canonical))
        if row["scope"] == "suffix":
            suffixes.append((alias, canonical, type_))
    suffixes.sort(key=lambda rule: -len(rule[0]))
    return terms, suffixes


def expand_abbreviation(name: str, type_: str) -> str:
    """``name`` with a listed abbreviation expanded (whole name first, then a listed suffix)."""
    terms, suffixes = _aliases()
    for rule_type, canonical in terms.get(name, ()):
        if _type_fits(rule_type, type_):
            return canonical
    for alias, canonical, rule_type in suffixes:
        if _type_fits(rule_type, type_) and name.endswith(alias) and len(name) > len(alias):
            return name[: -len(alias)] + canonical
    return name


def _type_fits(rule_type: str, type_: str) -> bool:
    return "*" in (rule_type, type_) or rule_type == type_


def canonical_name(surface: str, type_: str) -> tuple[str, list[str]]:
    """The canonical name of a mention and its aliases (the surface, when it differs).

    >>> canonical_name("市属国企", "Institution")
    ('市属国有企业', ['市属国企'])
    >>> canonical_name("“专精特新”企业", "Institution")
    ('专精特新企业', ['“专精特新”企业'])
    """
    canonical = canonical_text(surface, type_)
    alias = display_form(surface)
    return canonical, [] if alias == canonical else [alias]


@lru_cache(maxsize=65536)
def canonical_text(surface: str, type_: str) -> str:
    """The canonical name alone, memoised: coreference checks compare each name with every
    earlier one, so the same names are canonicalised again and again.

    >>> canonical_text("国企", "Institution")
    '国有企业'
    """
    return expand_abbreviation(clean(surface), type_)


_OPENING, _CLOSING = "“‘「『\"'", "”’」』\"'"


def display_form(surface: str) -> str:
    """The surface as a reader would write it: no line breaks, no quotes wrapping the whole name.

    >>> display_form("“产业链投资\\n基金”")
    '产业链投资基金'
    >>> display_form("“险资入渝”平台")
    '“险资入渝”平台'
    """
    text = re.sub(r"\s*\n\s*", "", surface).strip()
    while len(text) > 2 and text[0] in _OPENING and text[-1] in _CLOSING and \
            not _QUOTE_RE.search(text[1:-1]):
        text = text[1:-1].strip()
    return text


# ---------------------------------------------------------------- coreference


@cache
def _coreference_data() -> dict[str, tuple[str, ...]]:
    data: dict[str, list[str]] = {"bare": [], "class": [], "contrast": [], "function": [],
                                  "threshold": []}
    for row in read_tsv("coreference.tsv"):
        data.setdefault(row["kind"], []).append(row["value"])
    return {kind: tuple(values) for kind, values in data.items()}


def is_coreferent(short: str, long: str, type_: str = "*") -> bool:
    """Whether ``short``, met after ``long`` in the same speech, refers to the same thing.

    True when both have the same canonical name (国企 / 国有企业), or when ``short`` is a proper
    suffix of ``long`` that is more than a bare head (企业, 基金, 机制 …) and the dropped prefix
    is a modifier that narrows rather than changes the class: at most ten characters, no
    function words or punctuation, not starting with a contrastive prefix (非, 副, 分, 二级 …).

    >>> is_coreferent("激励机制", "考核激励机制")
    True
    >>> is_coreferent("企业", "科技型企业")
    False
    >>> is_coreferent("国有企业", "非国有企业")
    False
    >>> is_coreferent("金融机构", "银行业金融机构")
    False
    >>> is_coreferent("政府基金", "联合政府基金的产业基金")
    False

    A level followed by a threshold (二级以上医院) selects members of the class by rank, so the
    class met alone afterwards refers back to them; a level alone (二级节点) contrasts.

    >>> is_coreferent("医院", "二级以上医院")
    True
    >>> is_coreferent("节点", "二级节点")
    False
    """
    short_c, long_c = canonical_text(short, type_), canonical_text(long, type_)
    if short_c == long_c:
        return True
    if len(short_c) >= len(long_c) or not long_c.endswith(short_c):
        return False
    return _is_referring_head(short_c) and _is_narrowing_modifier(long_c[: -len(short_c)])


def _is_referring_head(short: str) -> bool:
    data = _coreference_data()
    return len(short) >= 2 and short not in data["bare"] and short not in data["class"]


def _is_narrowing_modifier(prefix: str) -> bool:
    data = _coreference_data()
    if len(prefix) > 10 or any(token in prefix for token in data["function"]):
        return False
    contrast = next((c for c in data["contrast"] if prefix.startswith(c)), None)
    return contrast is None or prefix[len(contrast):].startswith(data["threshold"])


def resolve_short_form(short: str, earlier: list[str], type_: str = "*") -> str | None:
    """The one earlier name ``short`` refers back to, or None when there is none or it is ambiguous.

    >>> resolve_short_form("激励机制", ["考核激励机制", "投资激励机制"]) is None
    True
    >>> resolve_short_form("领军企业", ["科技领军企业", "科技型企业"])
    '科技领军企业'
    """
    candidates = {name for name in earlier if name != short and is_coreferent(short, name, type_)}
    return candidates.pop() if len(candidates) == 1 else None
