"""Recommendations: the distinct proposals a speech lists after "为此，建议：" or its equivalents.

Items are found in one of two shapes, decided by what follows the trigger:

- **numbered**: the first thing after the trigger is an ordinal marker (一是, 一、, （一）, 1.,
  第一，, ①, Ⅰ．, ⑴, ㈠); every later marker of the same kind with the next number starts the next item, so
  markers of other kinds inside an item (sub-items) are not counted;
- **lead paragraphs**: otherwise every paragraph is one item ("加强专利保护机制。一是……二是……"
  counts once, with its sub-items inside).

A speech with no trigger takes the sub-items of a numbered section whose heading speaks of
建议/对策 ("三、对策建议"), or else its top-level numbered items, or else its last run of
paragraphs that each open with a word of obligation ("要建立……。 / 要完善……。"). The heading of an item is its
first sentence without the marker and the closing punctuation; start and end index the speech text
and cover the whole item, marker included.

>>> text = "现状如此。为此，建议：\\n一是设立基金。细则。\\n二是建立机制。"
>>> [(r.ordinal, r.heading) for r in split_recommendations(text, "doc:x/s1")]
[(1, '设立基金'), (2, '建立机制')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from policykg.extract.records import Recommendation, recommendation_id

NUMERALS = "〇零一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
SMALL_ROMAN = "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOTTED_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
PAREN_HAN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
SYMBOL_NUMERALS = {"circled": CIRCLED, "roman": ROMAN, "small_roman": SMALL_ROMAN,
                   "paren_symbol": PAREN_DIGITS, "dotted_symbol": DOTTED_DIGITS, "paren_han": PAREN_HAN}
"""Numbering systems printed as one symbol each (① Ⅰ ⅰ ⑴ ⒈ ㈠): the n-th symbol numbers item n."""
BEFORE_INLINE = "。；;：:，,！？!?\n"
"""Characters after which an inline marker (一是, 第一，) may start an item."""

MARKER_KINDS: dict[str, re.Pattern[str]] = {
    "shi": re.compile(rf"([{NUMERALS}]{{1,3}})是(?![的否为])"),
    "yao": re.compile(rf"([{NUMERALS}]{{1,3}})要(?![求素点件是])"),
    "di": re.compile(rf"第([{NUMERALS}]{{1,3}})[，,、：:]"),
    "dun": re.compile(rf"([{NUMERALS}]{{1,3}})[、．.]"),
    "paren": re.compile(rf"[（(]([{NUMERALS}]{{1,3}})[）)]"),
    "arabic": re.compile(r"(\d{1,2})(?:[．、]|\.(?!\d))"),
    "arabic_paren": re.compile(r"[（(](\d{1,2})[）)]"),
    "arabic_close": re.compile(r"(\d{1,2})[）)]"),
    "circled": re.compile(rf"([{CIRCLED}])"),
    "roman": re.compile(rf"([{ROMAN}])(?:[．.、，,：:]|[ \u3000]+)"),
    "small_roman": re.compile(rf"([{SMALL_ROMAN}])(?:[．.、，,：:]|[ \u3000]+)"),
    "paren_symbol": re.compile(rf"([{PAREN_DIGITS}])"),
    "dotted_symbol": re.compile(rf"([{DOTTED_DIGITS}])"),
    "paren_han": re.compile(rf"([{PAREN_HAN}])"),
    "named": re.compile(rf"(?:建议|对策|措施|举措)([{NUMERALS}]{{1,3}}|\d{{1,2}})[：:、，,]"),
}
"""Ordinal markers by kind; group 1 is the number. Sequence words (首先, 其次 …) are another kind,
built from ``ingest_ordinal_words.txt`` (see ``marker_patterns``)."""

NEXT = -1
"""The number of a word that continues any list it follows (最后)."""

INLINE_KINDS = frozenset({"shi", "yao", "di", "paren", "arabic_paren", "circled", "paren_symbol", "paren_han",
                          "words", "english"})
"""Kinds that may start an item inside a paragraph; the others only at a paragraph's start."""
AFTER_PAUSE_KINDS = frozenset({"arabic", "arabic_close", "dun", "roman", "small_roman", "dotted_symbol"})
BEFORE_LISTED = "；;：:"
"""Kinds that may start an item inside a paragraph only right after a colon or a semicolon
("建议：1．……；2．……"), where a number cannot be a quantity or a decimal ("增长2．5%")."""

SENTENCE_END = re.compile(r"[。！？!?；;\n]|(?<=[\u4e00-\u9fff])\.(?!\d)")
"""The end of a sentence; in mixed copy a half-width full stop after a Han character ends one too."""
SECTION_HEADING_MAX = 24


@dataclass(frozen=True)
class Marker:
    """An ordinal marker found in text."""

    kind: str
    number: int
    start: int
    end: int


def _lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file shipped in extract/data."""
    text = (files("policykg.extract") / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def triggers() -> tuple[re.Pattern[str], ...]:
    """The patterns that introduce a list of recommendations."""
    return tuple(re.compile(line, re.M) for line in _lines("ingest_recommendation_triggers.txt"))


@cache
def ordinal_words() -> dict[str, int]:
    """Sequence words and the item they open (首先 → 1, 其次 → 2, 最后 → the next one)."""
    words = {}
    for line in _lines("ingest_ordinal_words.txt"):
        word, number = line.split("\t")
        words[word] = NEXT if number == "next" else int(number)
    return words


@cache
def english_labels() -> tuple[tuple[str, ...], dict[str, int]]:
    """Item label words printed in English (Suggestion, Recommendation …) and number words with
    their values (one → 1), from ingest_english_labels.txt."""
    labels: list[str] = []
    numbers: dict[str, int] = {}
    section = ""
    for line in _lines("ingest_english_labels.txt"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "labels":
            labels.append(line)
        elif section == "numbers":
            word, value = line.split("\t")
            numbers[word.lower()] = int(value)
    return tuple(labels), numbers


def english_number() -> str:
    """A pattern for an item's number in English copy: digits or a number word ("2", "Two")."""
    words = "|".join(sorted(english_labels()[1], key=len, reverse=True))
    return rf"\d{{1,2}}|(?i:{words})\b"


def english_label() -> str:
    """A pattern for an English item label: a label word and its number, the number as group 1
    ("Suggestion One", "Recommendation 2")."""
    labels = "|".join(sorted(english_labels()[0], key=len, reverse=True))
    return rf"(?i:{labels})(?:[ \t]+|(?=\d))(?:(?i:no)\.?[ \t]*)?({english_number()})"


@cache
def marker_patterns() -> dict[str, re.Pattern[str]]:
    """Every marker kind: the fixed ones, the sequence words followed by a pause (首先，, First,)
    and English item labels ("Suggestion One:", "Recommendation 2.")."""
    words = "|".join(sorted(map(re.escape, ordinal_words()), key=len, reverse=True))
    english = re.compile(rf"{english_label()}[ \t]*(?:[:：,，.．、](?!\d)|[—–-]+)")
    return {**MARKER_KINDS, "words": re.compile(rf"({words})[，,、：:]"), "english": english}


@cache
def section_words() -> tuple[str, ...]:
    """Words that mark a section heading as the recommendations section."""
    return tuple(_lines("ingest_recommendation_sections.txt"))


def chinese_number(text: str) -> int:
    """Value of a small Chinese numeral (一 … 九十九).

    >>> chinese_number("十二"), chinese_number("二十"), chinese_number("七")
    (12, 20, 7)
    """
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if "十" not in text:
        return digits.get(text, 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _number(kind: str, raw: str) -> int:
    """The integer a marker's number group stands for."""
    if kind in ("arabic", "arabic_paren", "arabic_close") or (kind in ("named", "english") and raw.isdecimal()):
        return int(raw)  # also "建议2：", a named item numbered in digits
    if kind == "english":
        return english_labels()[1][raw.lower()]
    if kind in SYMBOL_NUMERALS:
        return SYMBOL_NUMERALS[kind].index(raw) + 1
    if kind == "words":
        return ordinal_words()[raw]
    return chinese_number(raw)


def _at_paragraph_start(text: str, pos: int) -> bool:
    """True when only spaces separate pos from the start of its paragraph."""
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _valid_position(text: str, kind: str, pos: int, floor: int) -> bool:
    """Where a marker of this kind may start an item (floor: the region start counts as a start)."""
    if pos == floor or _at_paragraph_start(text, pos):
        return True
    before = text[floor:pos].rstrip(" \u3000")
    if kind in AFTER_PAUSE_KINDS:
        return bool(before) and before[-1] in BEFORE_LISTED
    return kind in INLINE_KINDS and bool(before) and before[-1] in BEFORE_INLINE


def markers_at(text: str, pos: int) -> Marker | None:
    """The ordinal marker starting exactly at pos, if any (the longest kind wins)."""
    found = None
    for kind, pattern in marker_patterns().items():
        match = pattern.match(text, pos)
        if match and (found is None or match.end() > found.end):
            found = Marker(kind, _number(kind, match.group(1)), match.start(), match.end())
    return found if found and found.number > 0 else None


def starts_with_marker(text: str) -> Marker | None:
    """The ordinal marker a paragraph or line begins with, if any."""
    stripped = text.lstrip(" \u3000")
    return markers_at(stripped, 0)


def marker_sequence(
    text: str, kind: str, start: int, end: int, *, paragraphs_only: bool = False
) -> list[Marker]:
    """Markers of one kind numbered 1, 2, 3 … in order between start and end."""
    found: list[Marker] = []
    for match in marker_patterns()[kind].finditer(text, start, end):
        pos = match.start()
        number = _number(kind, match.group(1))
        if number == NEXT and found:
            number = len(found) + 1
        if paragraphs_only and pos != start and not _at_paragraph_start(text, pos):
            continue
        if number == len(found) + 1 and _valid_position(text, kind, pos, start):
            found.append(Marker(kind, number, pos, match.end()))
    return found


def list_markers(text: str, first: Marker, end: int) -> list[Marker]:
    """The markers of the list that ``first`` opens.

    A list whose first item opens a paragraph continues at paragraph starts ("…，二是…" inside
    an item is then a sub-item), unless only inline markers continue it.
    """
    inline = marker_sequence(text, first.kind, first.start, end)
    if not _at_paragraph_start(text, first.start):
        return inline
    strict = marker_sequence(text, first.kind, first.start, end, paragraphs_only=True)
    return strict + _continued_inline(text, strict, end) if len(strict) > 1 else inline


CONTINUING = "。；;！？!?"
"""Marks after which a list's next number may go on inside the last paragraph ("……；三是……")."""


def _continued_inline(text: str, strict: list[Marker], end: int) -> list[Marker]:
    """Markers that go on numbering a paragraph-level list inside its last paragraph, where the
    column ran the last items together ("二是……；三是……"): the next numbers, each after the end
    of a sentence or clause. A list inside that paragraph starts again at one, so none is taken
    once a marker numbered one of the same kind appears there."""
    last = strict[-1]
    found: list[Marker] = []
    for match in marker_patterns()[last.kind].finditer(text, last.end, end):
        number = _number(last.kind, match.group(1))
        if number == 1:
            return []
        if number == NEXT:  # "最后，" goes on any list
            number = len(strict) + len(found) + 1
        before = text[last.end : match.start()].rstrip(" \u3000")
        if number == len(strict) + len(found) + 1 and before and before[-1] in CONTINUING and last.kind in INLINE_KINDS:
            found.append(Marker(last.kind, number, match.start(), match.end()))
    return found


def _skip_space(text: str, pos: int) -> int:
    """First position at or after pos that is not whitespace."""
    while pos < len(text) and text[pos] in " \u3000\n\t":
        pos += 1
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    """End moved back over trailing whitespace."""
    while end > start and text[end - 1] in " \u3000\n\t":
        end -= 1
    return end


BRACKET_HEADING_RE = re.compile(r"[【［\[]([^】］\]\n]{2,30})[】］\]](?=\S)")
"""A heading set in brackets before an item's text ("【完善某某机制】具体做法……")."""


def _heading(text: str, start: int, end: int) -> str:
    """The first sentence of text[start:end], without the closing punctuation; for an item that
    opens with a bracketed heading, that heading."""
    bracketed = BRACKET_HEADING_RE.match(text, start, end)
    if bracketed is not None:
        return bracketed.group(1).strip(" \u3000")
    match = SENTENCE_END.search(text, start, end)
    return text[start : match.start() if match else end].strip(" \u3000")


def _numbered(text: str, first: Marker, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, heading start, end) of each item of a numbered list."""
    sequence = list_markers(text, first, end)
    spans = []
    for index, marker in enumerate(sequence):
        stop = sequence[index + 1].start if index + 1 < len(sequence) else end
        spans.append((marker.start, marker.end, _trim_end(text, marker.start, stop)))
    return spans


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, heading start, end) of each non-empty paragraph."""
    spans = []
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        first = _skip_space(text, pos)
        if first < stop:
            spans.append((first, first, _trim_end(text, first, stop)))
        pos = stop + 1
    return spans


def _items(text: str, start: int, end: int, *, numbered_only: bool) -> list[tuple[int, int, int]]:
    """Items in a region: a numbered list when one starts it, else lead paragraphs."""
    start = _skip_space(text, start)
    if numbered_only:
        return _first_numbered_list(text, start, end)
    first = markers_at(text, start)
    if first is not None and first.number == 1:
        return _numbered(text, first, start, end)
    return _with_sub_items_joined(text, _paragraphs(text, start, end))


def _with_sub_items_joined(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Lead paragraphs with a paragraph that goes on numbering the sub-items of the one before
    ("加强专利保护机制。一是……三是……。" / "四是……") joined to it: the column broke the item
    where a sub-item happened to open a line."""
    joined: list[tuple[int, int, int]] = []
    for span in spans:
        marker = markers_at(text, span[0])
        if joined and marker is not None and _sub_items_of(text, joined[-1], marker):
            joined[-1] = (joined[-1][0], joined[-1][1], span[2])
        else:
            joined.append(span)
    return joined


def _sub_items_of(text: str, before: tuple[int, int, int], marker: Marker) -> bool:
    """True when a paragraph opening with ``marker`` holds sub-items of the paragraph ``before``:
    it goes on that paragraph's numbering, or starts one under a bare lead sentence ("完善某某
    机制。" / "一是……")."""
    if marker.number > 1:
        return _numbers_before(text, before, marker)
    lead = text[before[0] : before[2]]
    return marker.number == 1 and SENTENCE_END.search(lead) is not None and SENTENCE_END.search(lead).end() == len(lead)


def _numbers_before(text: str, span: tuple[int, int, int], marker: Marker) -> bool:
    """True when the paragraph ``span`` holds the marker of the same kind numbered just before."""
    return any(_number(marker.kind, found.group(1)) == marker.number - 1
               for found in marker_patterns()[marker.kind].finditer(text, span[0], span[2]))


def _first_numbered_list(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The items of the first paragraph-level numbered list of two or more items, if any.

    Without a trigger, a lone "首先，" or "1." opening a paragraph is not a list of proposals.
    """
    pos = start
    while pos < end:
        first = markers_at(text, pos)
        if first is not None and first.number == 1:
            items = _numbered(text, first, pos, end)
            if len(items) > 1:
                return items
        nxt = text.find("\n", pos, end)
        if nxt < 0:
            return []
        pos = _skip_space(text, nxt + 1)
    return []


def find_trigger(text: str) -> re.Match[str] | None:
    """The earliest trigger phrase in the text."""
    matches = [m for pattern in triggers() if (m := pattern.search(text))]
    return min(matches, key=lambda m: m.start(), default=None)


def _recommendation_section(text: str) -> tuple[int, int] | None:
    """Span of the sub-items of a numbered section headed like "三、对策建议"."""
    for heading in _paragraphs(text, 0, len(text)):
        marker = markers_at(text, heading[0])
        line = text[heading[0] : heading[2]]
        if marker is None or len(line) > SECTION_HEADING_MAX:
            continue
        if any(word in text[marker.end : heading[2]] for word in section_words()):  # not 建议一：
            following = marker_sequence(text, marker.kind, heading[0], len(text))
            after = [m for m in following if m.number == marker.number + 1]
            return heading[2], after[0].start if after else len(text)
    return None


@cache
def conclusion_openers() -> tuple[str, ...]:
    """Words that open a closing paragraph after the recommendations (总之, 综上所述)."""
    return tuple(_lines("ingest_conclusions.txt"))


def conclusion_start(text: str, start: int, end: int) -> int:
    """Where a closing paragraph ("总之，……") begins between start and end, else end.

    Such a paragraph sums up; it is neither a recommendation nor part of the last one.
    """
    pos = text.find("\n", start, end)
    while pos >= 0:
        first = _skip_space(text, pos + 1)
        if text.startswith(conclusion_openers(), first):
            return _trim_end(text, start, pos)
        pos = text.find("\n", pos + 1, end)
    return end


def item_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, heading start, end) of each recommendation in a speech text."""
    trigger = find_trigger(text)
    if trigger is not None:
        start = trigger.end()
        return _items(text, start, conclusion_start(text, start, len(text)), numbered_only=False)
    section = _recommendation_section(text)
    if section is not None:
        start, end = section
        return _items(text, start, conclusion_start(text, start, end), numbered_only=False)
    end = conclusion_start(text, 0, len(text))
    return _items(text, 0, end, numbered_only=True) or _parallel_paragraphs(text, end)


@cache
def item_openers() -> tuple[str, ...]:
    """Words of obligation that open each paragraph of an untriggered list (要, 应当 …)."""
    return tuple(_lines("ingest_item_openers.txt"))


def _parallel_paragraphs(text: str, end: int) -> list[tuple[int, int, int]]:
    """The last run of two or more paragraphs, after the first, that each open with a word of
    obligation ("要建立……。 / 要完善……。"): a list of proposals set without trigger or numbers."""
    runs: list[list[tuple[int, int, int]]] = [[]]
    for start, _, stop in _paragraphs(text, 0, end)[1:]:
        opener = max((w for w in item_openers() if text.startswith(w, start)), key=len, default=None)
        if opener is not None:
            runs[-1].append((start, start + len(opener), stop))  # the heading follows the opener
        elif runs[-1]:
            runs.append([])
    found = [run for run in runs if len(run) > 1]
    return found[-1] if found else []


def split_recommendations(text: str, speech_id: str) -> list[Recommendation]:
    """The recommendations of a speech, numbered from 1, with offsets into text."""
    return [
        Recommendation(
            id=recommendation_id(speech_id, ordinal),
            ordinal=ordinal,
            heading=_heading(text, heading_start, end),
            start=start,
            end=end,
        )
        for ordinal, (start, heading_start, end) in enumerate(item_spans(text), start=1)
    ]
