"""Page layout: masthead, speech boundaries, headlines, proposer lines and de-wrapping.

A newspaper page as extracted from PDF arrives as column-wrapped lines, often with a blank line
after every line, words split across lines, a masthead (editors, telephone, date, the page number
fused with the banner headline), a section banner, and then speeches: a headline line followed
directly by a proposer line, then the body.

Speech boundaries come from that pairing: a proposer line (see ``proposer.parse_proposer_line``),
bare or in brackets, directly under a headline-like line, or one line holding both
("王建国委员的发言：标题", "标题（民革中央）"); in a round-up, a subhead over a paragraph that opens by
naming its speaker ("委员张三：…", "张三委员认为，…"), the subhead numbered or not (minutes:
"一、……" over "张三（roles）提出，…"). A group heading set apart between speeches
("某某界联组会") belongs to neither. A date or byline may stand between headline and proposer line; a
digest's entry may be numbered ("1．关于……的提案") over a "提案人：…" field; where blank lines
are noise, a headline may cross them (two lines at most). A headline that the layout sets off (an
ornament such as ■ ★ ◆, or a drawn rule above it) opens a speech without a proposer line when its
text closes with an attribution ("——某某委会"); so does each of two or more numbered headlines set
apart ("一、关于……的提案") whose entry closes with a proposer field ("提案单位：…"). Everything before
the first headline is masthead. A transcript's speaker tags ("【主持人】", "【张三】") are read as
the "name：" lines of an interview.

A single speech is read by ``speech_layout.single_speech``; the pieces both readers share (header
fields, dates, bylines, attributions, subtitles) live here.

What belongs to the speaker: the speech's own paragraphs, an interview's answers (without the
"姓名：" prefix), and, from a reporter's paragraph (a news opener, a byline, or the speaker in the
third person with a verb of saying), the quotations it attributes to the speaker and, before the
proposals, what it reports the speaker as saying or finding after the frame ("张委员在调研中发现，
……"). Questions, interviewers' turns, datelines, bylines, labels, editor's notes, someone else's
words in a report and web page furniture are left out. Lines holding two columns run together
are read column by column, and a listing set out in columns under a row of field keys is dropped.

De-wrapping joins the lines of a paragraph without inserting anything. A paragraph ends where the
layout shows it: a blank line (when blank lines are not merely line separators), an indented next
line, a bracketed label, or a line that ends a sentence and is either short (the last line of a
paragraph) or followed by an ordinal marker or an indented-width line (first lines of paragraphs
are set two characters in), or that ends a sentence before a lead sentence like the speech's
items' ("完善……机制。……", see ``split_run_on_leads``): a paragraph whose last line fills the
column shows its end in nothing else. Column width is estimated per speech, since columns differ.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files

from policykg.extract.proposer import (
    AUTHOR_MARK,
    has_role,
    is_bare_name,
    is_name,
    membership_titles,
    name_markers,
    parse_proposer_line,
    parse_proposer_text,
    role_titles,
    split_title,
    surnames,
)
from policykg.extract.recommendations import chinese_number, english_number, find_trigger, ordinal_words, starts_with_marker
from policykg.extract.records import Proposer

TERMINAL = "。！？!?：:；;…"
CLOSERS = "”’」』）)》"
SPACE_CHARS = " \t\u3000\u00a0"
SPACES_RE = re.compile(r"[\s\u3000\u00a0]+")
HALF_STOP_RE = re.compile(r"[\u4e00-\u9fff][\"”’」）)]*\.$")
"""A half-width full stop closing Han text: a sentence's end in mixed copy."""
LABEL_RE = re.compile(r"^[【\[［]([^】\]］]{1,20})[】\]］]")
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
PAGE_RE = re.compile(r"(?:第\s*)?(\d{1,3})\s*版")
HEADLINE_MAX_WIDTH = 48
MAX_HEADLINE_LINES = 3
MAX_BANNER_LINES = 2
MAX_FRONT_LINES = 2
MAX_NOISY_HEADLINE_LINES = 2
NOTE_MAX_WIDTH = 40
BLANK_NOISE_SHARE = 0.6
INDENT_MIN, INDENT_MAX = 1.5, 3.5
SHORT_LINE = 2.0
UNWRAPPED_WIDTH = 48
WRAP_SLACK = 2.5
WRAPPED_SHARE = 0.5
NARRATION_REACH = 3
SAYING_FRAME = 12
ORNAMENTS = "\u2580-\u259f\u25a0-\u25ff\u2600-\u26ff\u2700-\u27bf\u2b1b-\u2b55\U0001f300-\U0001faff\ufe0f"
ORNAMENT_RE = re.compile(rf"^[{ORNAMENTS}]+[\s\u3000]*")
"""Ornaments that open a line (■ ★ ◆ ● ▲ ☆ ✦, and pictographs such as 📌 ✅ 👉 in copies of
social-media posts): typographic marks, never part of its text."""
TRAILING_ORNAMENT_RE = re.compile(rf"[\s\u3000]*[{ORNAMENTS}]+$")
"""Ornaments that close a line ("▶ 委员建言 ◀"): the other half of a framing pair."""
KEYCAP_RE = re.compile(r"([0-9])\ufe0f?\u20e3\s*")
"""A keycap numeral (1️⃣ 2️⃣) numbering items in a social-media post: read as "1．"."""
MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t\u3000]+(?=\S)")
"""A Markdown heading ("# 标题", "## 一、基本情况"): its level, and a line set off by the layout."""
MD_BULLET_RE = re.compile(r"^[-*+][ \t\u3000]+(?=[^\s\-—])(?!.*[-—–][ \t\u3000]*$)")
"""A Markdown bullet ("- 运营成本高……"): a list mark, never text; a line framed by dashes on both
sides ("- 3 -", a folio) is not one."""
MD_STRONG_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
"""Markdown emphasis (**…**, __…__): the words without their marks."""
RULE_RE = re.compile(r"^[—\-–―_＿=＝~～*＊·•.．…\s\u3000]{3,}$")
"""A line drawn across the column (————, ＝＝＝, * * *): a separator, never text."""


@dataclass
class Line:
    """A non-empty source line: its number (1-based), text without indentation, and layout cues."""

    number: int
    text: str
    indent: bool = False
    blank_before: bool = False
    marked: bool = False
    """Set off by the layout: an ornament opened it (■, ★, ◆) or a rule line (————) stood above it."""
    level: int = 0
    """The level of a Markdown heading ("# …" is 1), else 0."""


@dataclass
class SpeechLayout:
    """One speech as laid out: headline, proposer (if printed) and body lines."""

    title: str
    proposer: Proposer | None
    body: list[Line] = field(default_factory=list)
    first_line: int = 0
    date: str | None = None


@dataclass
class Masthead:
    """Page metadata read from the masthead."""

    publication: str | None = None
    date: str | None = None
    page: str | None = None
    topic: str | None = None


def _lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file shipped in extract/data."""
    text = (files("policykg.extract") / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def sections(name: str) -> dict[str, tuple[str, ...]]:
    """A data file of [section] headers followed by entries."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return {key: tuple(values) for key, values in found.items()}


@cache
def publications() -> tuple[tuple[str, str], ...]:
    """(normalised alias, publication) pairs, longest alias first."""
    pairs = []
    for line in _lines("ingest_publications.tsv"):
        name, *aliases = line.split("\t")
        pairs += [(_squash(alias), name) for alias in aliases]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


@cache
def masthead_cues() -> tuple[str, ...]:
    """Words of editorial masthead lines."""
    return tuple(_lines("ingest_masthead_cues.txt"))


@cache
def banner_endings() -> tuple[str, ...]:
    """Endings of section banners."""
    return tuple(_lines("ingest_section_banners.txt"))


@cache
def narration_cues() -> dict[str, tuple[str, ...]]:
    """Openers, bylines, person words and verbs of reporter's narration."""
    return sections("ingest_narration.txt")


def _squash(text: str) -> str:
    """Lower case without spaces, for matching romanised mastheads."""
    return re.sub(r"\s+", "", text).lower()


def char_width(char: str, ascii_width: float = 0.5) -> float:
    """Printed width of a character in ems: CJK and full-width 1, quotes 1, other (ASCII) ½."""
    if unicodedata.east_asian_width(char) in "WF" or char in "“”‘’—…·":
        return 1.0
    return 0.5 if char.isspace() else ascii_width


def width(text: str, ascii_width: float = 0.5) -> float:
    """Printed width of a line in ems (``ascii_width``: the width given to digits and letters)."""
    return sum(char_width(char, ascii_width) for char in text)


def ends_sentence(text: str) -> bool:
    """True when the line ends a sentence (closing quotes and brackets looked through); in mixed
    copy a half-width full stop after a Han character ends one too ("……突出.")."""
    stripped = text.rstrip(SPACE_CHARS + CLOSERS + '"')
    return bool(stripped) and (stripped[-1] in TERMINAL or HALF_STOP_RE.search(stripped) is not None)


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of a text with indentation and blank-line cues."""
    lines: list[Line] = []
    blank = ruled = False
    raws = text.splitlines()
    listing = index_table_rows(raws)
    form = form_table_rows(raws)
    for number, raw in proposal_table_entries(side_by_side_columns(raws)):
        content = raw.strip(SPACE_CHARS + "\r\f\v")
        if number in listing:
            blank = True  # a list of contents set out in columns separates like a blank line
            continue
        if number in form:
            if form[number] is None:
                continue  # the values' row, read with the keys above it
            content = form[number]
        if is_table_rule(content) or (number < len(raws) and is_table_rule(raws[number].strip())):
            continue  # a Markdown table's rule, and the header row above it, are not text
        content = HASHTAG_RE.sub("", glossed_label_re().sub("", table_row(content))).strip(SPACE_CHARS)
        if RULE_RE.match(content) or ORNAMENT_RE.fullmatch(content):
            blank = ruled = True  # a drawn rule (or a row of pictographs) separates like a blank line
            continue
        if not content:
            blank = True
            continue
        content = speaker_tag(KEYCAP_RE.sub(r"\1．", DASHED_TURN_RE.sub("", content)))
        content, level = markdown_marks(content)
        ornament = ORNAMENT_RE.match(content)
        if ornament is not None and ornament.end() < len(content):
            content = content[ornament.end() :]
        closing = TRAILING_ORNAMENT_RE.search(content)
        if closing is not None and closing.start() > 0:
            content = content[: closing.start()]
        indent = raw[: len(raw) - len(raw.lstrip(SPACE_CHARS))]
        marked = ruled or ornament is not None or level > 0
        lines.append(Line(number, content, width(indent) >= 1.0, blank and bool(lines), marked, level))
        blank = ruled = False
    return lines


COLUMN_GAP_RE = re.compile(r"(?<=\S) {4,}(?=\S|\u3000)")
"""The gap between two columns set side by side on one line by a PDF-to-text copy."""
COLUMN_BLOCK_MIN = 3
COLUMN_SHARE = 2 / 3
COLUMN_TOLERANCE = 1.5
COLUMN_TEXT_MIN = 8.0


def _column_split(raw: str) -> tuple[str, str, float] | None:
    """(left part, right part with the spaces that follow the gap, where the gap ends, in
    widths) of a line holding one wide gap between text, or None."""
    gaps = list(COLUMN_GAP_RE.finditer(raw.rstrip()))
    if len(gaps) != 1:
        return None
    gap = gaps[0]
    return raw[: gap.start()], raw[gap.end() :].rstrip(), width(raw[: gap.end()])


COLUMN_INDENT_MAX = 3.0
"""How much wider than the column's start a gap may end: the right column's own indentation."""


def side_by_side_columns(raws: list[str]) -> list[tuple[int, str]]:
    """The lines (numbered from 1) with every block of two columns run together read column by
    column: the left column's lines, then the right one's.

    A PDF-to-text copy may print two columns side by side, each line holding a line of both
    parted by a wide gap. A block (lines between blank lines) is such a pair when at least three
    lines, two thirds of it, hold one wide gap each where the right column starts at the same
    width (or a little further, indented), and both columns hold text of some length (fields such
    as "界别：经济界" are short); a line without the gap belongs to the column its indentation
    places it in.
    """
    numbered = list(enumerate(raws, start=1))
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(numbered):
        end = start
        while end < len(numbered) and numbered[end][1].strip():
            end += 1
        block = numbered[start:end]
        out.extend(_read_columns(block) if block else [])
        if end < len(numbered):
            out.append(numbered[end])  # the blank line
        start = end + 1
    return out


def _read_columns(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A block read column by column when it is two columns run together, else as it is."""
    splits = [_column_split(raw) for _, raw in block]
    found = [split for split in splits if split is not None]
    if len(found) < COLUMN_BLOCK_MIN or len(found) < COLUMN_SHARE * len(block):
        return block
    at = min(split[2] for split in found)
    if any(split[2] - at > COLUMN_INDENT_MAX for split in found):
        return block
    if min(statistics.median(width(split[0].strip()) for split in found),
           statistics.median(width(split[1].strip()) for split in found)) < COLUMN_TEXT_MIN:
        return block
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for (number, raw), split in zip(block, splits):
        if split is not None:
            indent = " " * round((split[2] - at) * 2)  # the right column's own indentation
            left.append((number, split[0]))
            right.append((number, indent + split[1]))
        elif (lead := width(raw[: len(raw) - len(raw.lstrip(" "))])) >= at - COLUMN_TOLERANCE:
            right.append((number, " " * max(0, round((lead - at) * 2)) + raw.lstrip(" ")))
        else:
            left.append((number, raw))
    return [*left, (left[-1][0], ""), *right] if left and right else [*left, *right]


DASHED_TURN_RE = re.compile(r"^[—\-–―]{1,2}[ \u3000]*(?=[^：:，,。！？“”\s]{1,12}[：:][^\s])")
"""A dash opening a transcript's turn ("——记者：……", "——张三：……"): a mark, not an attribution."""


HASHTAG_RE = re.compile(r"#[^#\s]{1,30}#")
"""A social-media topic tag ("#两会好声音#"): the post's furniture, never its text."""


CELL_GAP_RE = re.compile(r"[ ]{2,}|\t+|\u3000{2,}")
"""The gap between cells of a table set out in columns by spaces or tabs."""
INDEX_MIN_CELLS = 3
INDEX_MIN_KEYS = 2


def _cells(raw: str) -> list[str]:
    """The cells of a line set out in columns (parted by two or more spaces, or tabs)."""
    return [cell for cell in CELL_GAP_RE.split(raw.strip(SPACE_CHARS + "\r")) if cell]


def _is_index_header(raw: str) -> bool:
    """True for the header row of a listing set out in columns: three or more cells, two or more
    of them field keys ("序号　提案号　案由　提案人"), and no colon."""
    cells = _cells(raw)
    if len(cells) < INDEX_MIN_CELLS or COLON_RE.search(raw):
        return False
    return sum(field_of(f"{cell}：…") is not None for cell in cells) >= INDEX_MIN_KEYS


def _column_table_runs(raws: list[str]) -> list[tuple[int, int]]:
    """(header index, end index) of every table set out in columns under a header row of field
    keys: its rows hold about as many cells, up to a blank line."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(raws):
        if not _is_index_header(raws[index]):
            index += 1
            continue
        width_ = len(_cells(raws[index]))
        end = index + 1
        while end < len(raws) and raws[end].strip() and len(_cells(raws[end])) >= width_ - 1 >= 2:
            end += 1
        if end > index + 1:
            runs.append((index, end))
        index = end
    return runs


def index_table_rows(raws: list[str]) -> set[int]:
    """Line numbers (1-based) of listings set out in columns: a header row of field keys and two
    or more rows under it. A digest's list of contents ("1　0117　关于……的提案　某某委会") names
    what follows; it is neither headline nor text."""
    return {number for index, end in _column_table_runs(raws) if end - index > 2 for number in range(index + 1, end + 1)}


def form_table_rows(raws: list[str]) -> dict[int, str | None]:
    """A form set out in columns, one row of keys over one row of values ("提案人　界别" over
    "张三　经济界"): the keys' line number mapped to the fields as "key：value" pairs, the values'
    to None."""
    found: dict[int, str | None] = {}
    for index, end in _column_table_runs(raws):
        keys, values = _cells(raws[index]), _cells(raws[index + 1])
        if end - index == 2 and len(keys) == len(values):
            found[index + 1] = "\u3000\u3000".join(f"{key}：{value}" for key, value in zip(keys, values))
            found[index + 2] = None
    return found


def speaker_tag(content: str) -> str:
    """A transcript's line opened by its speaker's tag in brackets, as the "speaker：" line an
    interview prints ("【主持人】欢迎……" → "主持人：欢迎……", "[张三]谢谢。" → "张三：谢谢。"); the tag
    must be a word of that kind ([tag], [guest] in ingest_narration.txt) or a bare name, so that a
    bracketed heading ("【完善某某机制】…") stays as it is. A tag naming the part and the person
    ("【主持人 李某】", "【嘉宾 张三】") gives the interviewer's part or the guest's name."""
    match = LABEL_RE.match(content)
    if match is None or match.end() == len(content):
        return content
    tag, words = SPACES_RE.sub("", match.group(1)), content[match.end() :].lstrip(SPACE_CHARS)
    if is_bare_name(tag):
        return f"{tag}：{words}"
    cues = narration_cues()
    for word in sorted((*cues.get("tag", ()), *cues.get("guest", ())), key=len, reverse=True):
        rest = tag[len(word) :] if tag.startswith(word) else None
        if rest == "" or (rest and is_name(rest)):  # "主持人", "主持人李某", "嘉宾张三"
            speaker = rest if rest and word in cues.get("guest", ()) else word
            return f"{speaker}：{words}"
    return content


TABLE_RULE_RE = re.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*:?-{0,}:?\s*\|?$")
TABLE_ROW_RE = re.compile(r"^[|｜│](.+)[|｜│]$")
TABLE_BAR_RE = re.compile(r"[|｜│]")
"""A table's cell bar: ASCII, full-width (a table pasted from a word processor) or box-drawing."""
@cache
def glossed_label_re() -> re.Pattern[str]:
    """An item's label in English before its Chinese one ("Recommendation 2 / 建议二：…",
    "Suggestion Three / 建议三：…", "Second / 第二，…"): the Chinese label numbers the item."""
    words = "|".join(sorted((w for w in ordinal_words() if w.isascii()), key=len, reverse=True))
    number = english_number()
    return re.compile(
        rf"^(?:[A-Za-z][A-Za-z .]{{1,30}}?(?:[ \t]+|(?=\d))(?:{number})|{words})[ \t]*[/／|｜][ \t]*(?=[\u4e00-\u9fff])"
    )


def is_table_rule(content: str) -> bool:
    """True for the rule under a Markdown table's header row ("| --- | --- |")."""
    return "|" in content and TABLE_RULE_RE.match(content) is not None


def table_row(content: str) -> str:
    """A table's row (Markdown, or bars pasted from a word processor) as a line of text: two cells
    as "key：value" ("| 提案人 | 张三 |" → "提案人：张三"), a row of keys each followed by its value
    as those fields side by side ("｜提案人｜张三｜界别｜经济界｜"), other rows' cells set apart by
    spaces; other lines as they are."""
    match = TABLE_ROW_RE.match(content)
    if match is None:
        return content
    cells = [cell.strip(SPACE_CHARS) for cell in TABLE_BAR_RE.split(match.group(1))]
    if len(cells) == 2:
        return f"{cells[0]}：{cells[1]}"
    if len(cells) % 2 == 0 and all(field_of(f"{key}：…") for key in cells[::2]):
        return "\u3000\u3000".join(f"{key}：{value}" for key, value in zip(cells[::2], cells[1::2]))
    return "\u3000".join(cells)


PROPOSAL_TABLE_MIN_ROWS = 2


def _row_cells(raw: str) -> list[str] | None:
    """The cells of a table row with bars at both ends, or None for any other line."""
    match = TABLE_ROW_RE.match(raw.strip(SPACE_CHARS + "\r"))
    return [cell.strip(SPACE_CHARS) for cell in TABLE_BAR_RE.split(match.group(1))] if match else None


def _proposal_table_keys(cells: list[str]) -> list[str | None] | None:
    """The field kind of each header cell, when the header names a title and a proposer column."""
    kinds = [(field_of(f"{cell}：…") or (None,))[0] for cell in cells]
    if "title" in kinds and ("proposer" in kinds or "author" in kinds):
        return kinds
    return None


def proposal_table_entries(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A table listing several proposals, one a row, under a header naming a title column and a
    proposer column ("| 序号 | 提案标题 | 提案人 | 主要建议 |"), set out as a digest's entries:
    each row a numbered headline, its proposer field, its other field cells as fields and the
    rest as text, entries set apart by blank lines. Tables of fields (one proposal, "| 提案人 |
    张三 |") and other lines are left as they are; two rows or more are needed.
    """
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(rows):
        cells = _row_cells(rows[index][1])
        kinds = _proposal_table_keys(cells) if cells and index + 1 < len(rows) and is_table_rule(rows[index + 1][1].strip()) else None
        end = index + 2
        while kinds and end < len(rows) and (row := _row_cells(rows[end][1])) is not None and len(row) == len(kinds):
            end += 1
        if kinds is None or end - index - 2 < PROPOSAL_TABLE_MIN_ROWS:
            out.append(rows[index])
            index += 1
            continue
        for ordinal, (number, raw) in enumerate(rows[index + 2 : end], start=1):
            out += [(number, line) for line in _table_entry(ordinal, cells, kinds, _row_cells(raw))]
        index = end
    return out


def _table_entry(ordinal: int, keys: list[str], kinds: list[str | None], cells: list[str]) -> list[str]:
    """One row of a proposals table as a digest entry's lines (see ``proposal_table_entries``)."""
    title = next(cell for cell, kind in zip(cells, kinds) if kind == "title")
    roles = "、".join(cell for cell, kind in zip(cells, kinds) if kind == "roles" and cell)
    lines = ["", f"{ordinal}．{title}"]
    for key, cell, kind in zip(keys, cells, kinds):
        if kind in ("proposer", "author") and cell:
            who = f"{roles}\u3000{cell}" if roles and is_bare_name(cell) else cell  # roles before a person's name
            lines.append(f"{key}：{who}")
    lines += [f"{key}：{cell}" for key, cell, kind in zip(keys, cells, kinds)
              if kind not in (None, "title", "proposer", "author", "roles", "skip") and cell]
    lines += [cell for cell, kind in zip(cells, kinds) if kind is None and cell and not cell.isdigit()]
    return [*lines, ""]


def markdown_marks(content: str) -> tuple[str, int]:
    """A line of a Markdown copy without its marks (heading hashes, a bullet, emphasis), and its
    heading level (0 for a line that is no heading).

    >>> markdown_marks("## 三、对策建议"), markdown_marks("- **完善补贴机制。** 按人次补贴。")
    (('三、对策建议', 2), ('完善补贴机制。 按人次补贴。', 0))
    """
    heading = MD_HEADING_RE.match(content)
    level = len(heading.group(1)) if heading else 0
    content = content[heading.end() :] if heading else MD_BULLET_RE.sub("", content)
    return MD_STRONG_RE.sub(lambda m: m.group(1) or m.group(2), content), level


CARRIER_MIN_FIELDS = 2


def without_carrier(lines: list[Line]) -> list[Line]:
    """Lines without the message that carried the document: above a Markdown copy's first
    top-level heading ("# …"), everything (an e-mail's header and covering note); else a block of
    e-mail header fields at the top ("发件人：…", "收件人：…", two or more; see [carrier] in
    ingest_fields.txt) up to the first blank line."""
    first = next((index for index, line in enumerate(lines) if line.level == 1), None)
    if first is not None:
        return lines[first:]
    end = next((index for index, line in enumerate(lines) if index and line.blank_before), len(lines))
    keys = [COLON_RE.split(line.text, maxsplit=1)[0].strip(SPACE_CHARS) for line in lines[:end]]
    if sum(key in header_fields().get("carrier", ()) for key in keys) >= CARRIER_MIN_FIELDS:
        return lines[end:]
    return lines


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them."""
    runs: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not runs:
            runs.append([])
        runs[-1].append(line)
    return runs


@cache
def column_labels() -> frozenset[str]:
    """Names of columns printed as a line of their own without brackets (委员视点)."""
    return frozenset(_lines("ingest_column_labels.txt"))


@cache
def letter_closings() -> frozenset[str]:
    """Formulas closing a letter ("此致", "敬礼"; ingest_letter_closings.txt)."""
    return frozenset(_lines("ingest_letter_closings.txt"))


def is_letter_closing(text: str) -> bool:
    """True for a line that is only a letter's closing formula ("此致", "敬礼！")."""
    return text.strip(SPACE_CHARS + "！!。，,") in letter_closings()


BILINGUAL_LABEL_RE = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9 &'.-]{1,40}\s*[|｜/／]\s*[\u4e00-\u9fff]{2,8}"
    r"|[\u4e00-\u9fff]{2,8}\s*[|｜/／]\s*[A-Za-z][A-Za-z0-9 &'.-]{1,40})$"
)
"""A column's name printed in English and Chinese on a line of its own ("CPPCC Voices | 委员声音")."""


def is_label(text: str) -> bool:
    """True for a line that is only a section label: bracketed (【会内声音】), a known column name,
    or a column's name given in English and Chinese ("Member Voices | 委员声音")."""
    match = LABEL_RE.match(text)
    if match is not None and match.end() == len(text):
        return COLON_RE.search(match.group(1)) is None or split_proposer_colon(match.group(1)) is None
    if text in column_labels():
        return True  # "【全国政协委员张三：标题】" above: a post's headline in brackets, not a label
    return BILINGUAL_LABEL_RE.match(text) is not None


def is_masthead_line(text: str) -> bool:
    """True for an editorial line: editors, telephone, date."""
    return any(cue in text for cue in masthead_cues()) or bool(DATE_RE.search(text))


FURNITURE_RE = re.compile(r"(?:责任编辑|编辑|校对|美编|电话)\s*[/／:：]|\d{1,2}\s*日\s*星期")


def is_page_furniture(text: str) -> bool:
    """True for a masthead line met inside a body (a following page's editors, date or "N 版")."""
    return bool(FURNITURE_RE.search(text)) or bool(publication_in(text) and PAGE_RE.search(text))


def without_furniture(lines: list[Line]) -> list[Line]:
    """Body lines without section banners and without a following page's masthead.

    A masthead line ("责任编辑 / …", "… 日 星期四", "… bao 3 版…") is dropped with the
    headline lines that continue the banner fused to it (same block, at most two).
    """
    kept: list[Line] = []
    banner_left = 0
    for line in lines:
        if banner_left and not line.blank_before and is_headline(line.text):
            banner_left -= 1
            continue
        banner_left = 0
        if is_jump_line(line.text) or is_caption(line.text):
            continue
        if is_page_furniture(line.text):
            banner_left = MAX_BANNER_LINES if PAGE_RE.search(line.text) else 0
        elif not is_banner(line.text):
            kept.append(line)
    return kept


JUMP_RE = re.compile(r"^[（(]\s*(?:下转|上接|转|接|紧接|续)\s*第?\s*[\d一二三四五六七八九十]{1,3}\s*[版页]\s*[）)]$")
CAPTION_OPEN_RE = re.compile(r"^(?:图为|图片为|上图为|下图为|左图为|右图为|图：|图:)")
PHOTO_CREDIT_RE = re.compile(r"(?:^|[\s\u3000。])(?:(?:本报|特约)?(?:记者|通讯员))?[\s\u3000]*[\u4e00-\u9fff]{2,4}(?:[\s\u3000]+[\u4e00-\u9fff]{2,4})*[\s\u3000]*[/／]?[\s\u3000]*摄$")


def is_jump_line(text: str) -> bool:
    """True for a jump line sending the reader to another page ("（下转第6版）", "（上接第1版）")."""
    return JUMP_RE.match(text.strip(SPACE_CHARS)) is not None


def is_caption(text: str) -> bool:
    """True for a photo's caption or credit set among the text: opening with 图为, or closed by
    a photographer's credit ("记者　王某　摄", "李四／摄"). Never the speaker's words."""
    stripped = text.strip(SPACE_CHARS)
    if not (stripped.endswith("摄") or CAPTION_OPEN_RE.match(stripped)) or width(stripped) > NOTE_MAX_WIDTH * 1.5:
        return False
    return CAPTION_OPEN_RE.match(stripped) is not None or PHOTO_CREDIT_RE.search(stripped) is not None


def is_banner(text: str) -> bool:
    """True for a section banner such as "…协商发言摘登"."""
    return not ends_sentence(text) and text.endswith(banner_endings())


def is_tagged_turn(text: str) -> bool:
    """True for a transcript's turn opened by its part ("问：", "Q：", "主持人：", "嘉宾：…"; [tag]
    and [guest] in ingest_narration.txt): a question put is never a headline."""
    head = COLON_RE.split(text, maxsplit=1)
    cues = narration_cues()
    return len(head) == 2 and head[0].strip(SPACE_CHARS) in (*cues.get("tag", ()), *cues.get("guest", ()))


def is_headline(text: str) -> bool:
    """True for a line that can be a headline: not a sentence end, not page furniture."""
    if width(text) > HEADLINE_MAX_WIDTH or not text or text[-1] in "，,、：:":
        return False  # a headline never runs on: not after a pause, nor after a colon ("张三委员：")
    if "。" in text or is_masthead_line(text) or is_banner(text) or is_label(text) or is_tagged_turn(text):
        return False
    if is_jump_line(text) or is_caption(text) or is_note(text):
        return False  # an editor's or drafter's note in brackets ("（执笔：张三）") closes a speech
    if is_byline(text):
        return False  # "本报记者　某某　整理" over a digest's first headline
    if is_document_number(text) or field_of(text) is not None:
        return False  # a field ("代表团：某某代表团") is read as one, never as a headline
    return not starts_with_marker(text)


# --- de-wrapping -------------------------------------------------------------------------


def column_width(lines: list[Line]) -> float:
    """The full width of a column: the upper quartile of line widths."""
    widths = sorted(width(line.text) for line in lines)
    if not widths:
        return 0.0
    return statistics.quantiles(widths, n=4)[2] if len(widths) >= 4 else widths[-1]


def blank_lines_are_noise(lines: list[Line]) -> bool:
    """True when nearly every line is followed by a blank line (a PDF artefact, not paragraphs)."""
    if len(lines) < 3:
        return False
    share = sum(line.blank_before for line in lines[1:]) / (len(lines) - 1)
    return share >= BLANK_NOISE_SHARE


def looks_wrapped(lines: list[Line]) -> bool:
    """True when the lines are set to a column, not one paragraph a line.

    In a column, a line that stops mid-sentence does so because the column is full; in text with
    one paragraph a line, only headings stop mid-sentence, and they are short.
    """
    full = column_width(lines)
    if len(lines) < 3 or full >= UNWRAPPED_WIDTH:
        return False
    open_lines = [width(line.text) for line in lines if not ends_sentence(line.text)]
    if len(open_lines) < 2:
        return any(_broken_mid_sentence(line.text, full) for line in lines)
    at_full = sum(w >= full - WRAP_SLACK for w in open_lines)
    return at_full / len(open_lines) >= WRAPPED_SHARE


MID_SENTENCE_RE = re.compile(r"[。！？][^。！？]{2,}$")


def _broken_mid_sentence(text: str, full: float) -> bool:
    """True for a full line that finishes one sentence and breaks off the next ("……融合。鼓励社区
    综合体同"): no heading or one-paragraph line stops so. It tells a column from one paragraph
    a line where a short text has too few open lines to count."""
    return not ends_sentence(text) and MID_SENTENCE_RE.search(text) is not None and width(text) >= full - WRAP_SLACK


def _indent_meaningful(lines: list[Line]) -> bool:
    """True when some but not all lines are indented."""
    indented = sum(line.indent for line in lines)
    return 0 < indented < len(lines)


def _ends_paragraph(line: Line, nxt: Line, full: float, first: bool, blanks: bool) -> bool:
    """Whether a paragraph ends between two lines of a column ``full`` ems wide.

    ``first`` says the line opens its paragraph (and so is set in by the indent); ``blanks`` says
    whether blank lines mark paragraphs in this text.
    """
    if (blanks and nxt.blank_before) or _set_apart(line, nxt):
        return True
    here, there = width(line.text), width(nxt.text)
    if not ends_sentence(line.text):
        return here <= full / 2
    expected = full - INDENT_MIN if first else full
    if max(here, width(line.text, ascii_width=1.0)) <= expected - SHORT_LINE:
        return True  # short either way digits are set (half width in print, full in some tools)
    if starts_with_marker(nxt.text):
        return True
    if ends_sentence(nxt.text):
        return full - INDENT_MAX <= there <= full - INDENT_MIN
    return there <= full - INDENT_MIN


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into paragraphs.

    Where some lines are indented, indentation (and blank lines, labels) alone marks paragraphs;
    text with one paragraph a line is left as it is; otherwise column width decides.
    """
    if not lines:
        return []
    if _indent_meaningful(lines):
        def breaks(line: Line, nxt: Line) -> bool:
            return nxt.indent or _separated(line, nxt, lines) or _item_after_end(line, nxt)

        return _split_where(lines, breaks)
    if not looks_wrapped(lines):
        return [[line] for line in lines]
    full = column_width(lines)
    blanks = not blank_lines_are_noise(lines)
    groups = [[lines[0]]]
    for line, nxt in zip(lines, lines[1:]):
        if _ends_paragraph(line, nxt, full, len(groups[-1]) == 1, blanks):
            groups.append([])
        groups[-1].append(nxt)
    return split_run_on_leads(groups, full)


LEAD_SENTENCE_RE = re.compile(r"^(?![“「‘])([^，,、；;：:。！？!?（）()]{4,24})。(?=.)")
"""A lead sentence opening a paragraph and followed by its body: no pause, at most 24 characters."""
SHORT_LEAD_MAX = 14
"""A lead this short opens a paragraph after a finished line even where no other paragraph has one."""
RUN_ON_LEADS_MIN = 2
RUN_ON_LEAD_SLACK = 6
SENTENCE_STOP_RE = re.compile(r"[。！？!?：:][”’」』）)]*$")
"""A line ending a sentence, or a colon that introduces what follows ("为此，建议：")."""


@cache
def lead_openers() -> tuple[str, ...]:
    """Words a longer lead sentence opens with: the proposing and action verbs of ``verbs.tsv``
    and the [opens] words of ``ingest_lead_openers.txt``, longest first."""
    verbs = []
    for row in _lines("verbs.tsv"):
        cells = row.split("\t")
        if len(cells) >= 3 and cells[2] in ("propose", "action"):
            verbs.append(cells[0])
    return tuple(sorted({*verbs, *sections("ingest_lead_openers.txt")["opens"]}, key=len, reverse=True))


@cache
def lead_non_openers() -> tuple[str, ...]:
    """Closed-class words that open a body sentence, never a lead ([never] of ``ingest_lead_openers.txt``)."""
    return sections("ingest_lead_openers.txt")["never"]


def lead_sentence(text: str) -> str | None:
    """The lead sentence a paragraph opens with ("完善医养结合支付保障机制。……"), if it has one:
    a sentence without a pause, not numbered, with more text after it."""
    if starts_with_marker(text) is not None:
        return None
    found = LEAD_SENTENCE_RE.match(text)
    return found.group(1) if found else None


def _core_width(text: str) -> float:
    """A line's width without the punctuation hung at its end (a full column line often
    carries one more mark, squeezed in rather than carried over)."""
    return width(text.rstrip(SPACE_CHARS + CLOSERS + TERMINAL + "，,、"))


PAIRED_LEAD_RE = re.compile(r"^(?![“「‘])([^，,、；;：:。！？!?（）()]{3,12})[，,]([^，,、；;：:。！？!?（）()]{3,14})。(?=.)")
"""A lead of two parallel clauses ("强化顶层设计，创新体制机制。……"), followed by its body."""


def paired_lead(text: str) -> str | None:
    """The lead of two parallel verb clauses a paragraph opens with ("畅通要素流动，优化资源配置。
    ……"), each opening with a proposing or action verb; None for any other opening."""
    if starts_with_marker(text) is not None:
        return None
    found = PAIRED_LEAD_RE.match(text)
    if found is None or not all(clause.startswith(lead_openers()) for clause in found.groups()):
        return None
    return found.group(1) + "，" + found.group(2)


def split_run_on_leads(groups: list[list[Line]], full: float) -> list[list[Line]]:
    """Paragraphs that the column ran together at a lead sentence, split again.

    A paragraph whose last line ends its sentence exactly at the column's edge looks like a
    full line inside a paragraph, so the next paragraph is read as part of it. A paragraph
    therefore also breaks after a line ending a sentence when the text from the next line on
    opens with a short lead sentence (see ``lead_sentence`` and ``SHORT_LEAD_MAX``) that does not
    open with a closed-class word of the body (这, 但, 对, 目前 …). Where the speech's items are
    then lead-sentence paragraphs (two or more paragraphs open with a lead), a lead paragraph
    also breaks before a longer lead that opens with a proposing or action verb, up to the
    longest of those leads plus a little; likewise where two or more paragraphs open with a
    lead of two parallel verb clauses (see ``paired_lead``), before another such lead. Where
    first lines are set in, a line at the column's full width opens nothing.
    """
    indent_full = full if _first_lines_set_in(groups, full) else None

    def short(rest: str) -> bool:
        lead = lead_sentence(rest)
        return lead is not None and len(lead) <= SHORT_LEAD_MAX and not lead.startswith(lead_non_openers())

    groups = [part for group in groups for part in _split_at_leads(group, short, indent_full)]
    for shape in (lead_sentence, paired_lead):
        while len(split := _split_like_leads(groups, shape, indent_full)) > len(groups):
            groups = split  # a paragraph split off may itself hold the next run-on lead
    return groups


def _split_like_leads(groups: list[list[Line]], shape, indent_full: float | None) -> list[list[Line]]:
    """Lead paragraphs of one ``shape`` cut before each line that opens a lead of that shape no
    longer than the speech's longest plus a little, when two or more leads of that shape open
    paragraphs or such lines."""
    leads = [shape("".join(line.text for line in group)) for group in groups]
    found = [lead for lead in leads if lead]
    if not found:
        return groups
    longest = max(map(len, found)) + RUN_ON_LEAD_SLACK

    def like(rest: str) -> bool:
        lead = shape(rest)
        return lead is not None and len(lead) <= longest and lead.startswith(lead_openers())

    def like_or_bare(rest: str) -> bool:
        return like(rest) or (shape is lead_sentence and _bare_leads(rest, longest))

    inner = sum(len(_split_at_leads(group, like, indent_full)) - 1 for group, lead in zip(groups, leads) if lead)
    if len(found) + inner < RUN_ON_LEADS_MIN:
        return groups  # the leads a column ran on count too: two items may have run together
    split: list[list[Line]] = []
    texts = ["".join(line.text for line in group) for group in groups]
    for k, (group, lead) in enumerate(zip(groups, leads)):
        closing = all(_bare_leads(text, longest) or is_note(text) for text in texts[k + 1 :])  # last items may be bare
        split.extend(_split_at_leads(group, like_or_bare if closing else like, indent_full) if lead else [group])
    return split


BARE_LEADS_RE = re.compile(r"(?:[^，,、；;：:。！？!?（）()“”]{4,24}。)+")
BARE_LEAD_RE = re.compile(r"[^。]+")


def _bare_leads(rest: str, longest: int) -> bool:
    """True when the text closing a speech is one or more bare lead sentences, items without a
    body ("完善旅游基础设施。加强文物保护利用。"), each opening with a proposing or action verb and
    no longer than the speech's longest lead plus a little."""
    if BARE_LEADS_RE.fullmatch(rest) is None:
        return False
    return all(len(lead) <= longest and lead.startswith(lead_openers()) for lead in BARE_LEAD_RE.findall(rest))


SET_IN_MIN, SET_IN_SHARE = 2, 0.75


def _first_lines_set_in(groups: list[list[Line]], full: float) -> bool:
    """True when nearly every paragraph of two lines or more has a first line short of the
    column by an indent (a speech's opening paragraph is often set flush)."""
    firsts = [group[0] for group in groups if len(group) > 1]
    set_in = sum(_core_width(line.text) <= full - INDENT_MIN for line in firsts)
    return set_in >= SET_IN_MIN and set_in >= SET_IN_SHARE * len(firsts)


def _split_at_leads(group: list[Line], opens, indent_full: float | None) -> list[list[Line]]:
    """One paragraph cut after each line ending a sentence where ``opens`` holds for the text
    from the next line on; where first lines are set in (``indent_full``), only before a line
    short of the column by an indent."""
    parts = [[group[0]]]
    for index in range(1, len(group)):
        line, nxt = group[index - 1], group[index]
        set_in = indent_full is None or _core_width(nxt.text) <= indent_full - INDENT_MIN
        if SENTENCE_STOP_RE.search(line.text) and set_in and opens("".join(part.text for part in group[index:])):
            parts.append([])
        parts[-1].append(nxt)
    return parts


def _item_after_end(line: Line, nxt: Line) -> bool:
    """A numbered item set flush after a finished sentence ("建议如下：" / "1) ……"): lists are
    often set without the paragraph indent, yet each item is a paragraph of its own."""
    return ends_sentence(line.text) and starts_with_marker(nxt.text) is not None


def _separated(line: Line, nxt: Line, lines: list[Line]) -> bool:
    """A break shown by a meaningful blank line or a label."""
    blank = nxt.blank_before and not blank_lines_are_noise(lines)
    return blank or _set_apart(line, nxt)


def _set_apart(line: Line, nxt: Line) -> bool:
    """A label or an editor's note is always a paragraph of its own."""
    return is_label(line.text) or is_label(nxt.text) or is_note(line.text) or is_note(nxt.text)


def _split_where(lines: list[Line], breaks) -> list[list[Line]]:
    """Lines grouped, starting a new group wherever ``breaks(line, next)`` holds."""
    groups = [[lines[0]]]
    for line, nxt in zip(lines, lines[1:]):
        if breaks(line, nxt):
            groups.append([])
        groups[-1].append(nxt)
    return groups


# --- masthead -------------------------------------------------------------------------------


def publication_in(text: str) -> str | None:
    """The publication a masthead line names, if any."""
    squashed = _squash(text)
    for alias, name in publications():
        if alias in squashed:
            return name
    return None


def _banner_after_page(text: str) -> str:
    """The banner text fused after the page number ("… bao 2 版强化…" → "强化…")."""
    match = PAGE_RE.search(text)
    return text[match.end() :].strip() if match else text


def parse_masthead(lines: list[Line]) -> Masthead:
    """Publication, date, page and topic (the banner headline) from the lines before the speeches."""
    head = Masthead()
    for line in lines:
        head.publication = head.publication or publication_in(line.text)
        date = DATE_RE.search(line.text)
        if date and head.date is None:
            head.date = "{}-{:02d}-{:02d}".format(*(int(g) for g in date.groups()))
        head.date = head.date or date_line(line.text)  # a web stamp "2025-03-05 08:30"
    head.page, head.topic = _page_and_topic(lines)
    return head


def _page_and_topic(lines: list[Line]) -> tuple[str | None, str | None]:
    """Page number and banner headline: the block holding "N 版", else the first plain block."""
    candidates = []
    for block in blocks(lines):
        texts = [line.text for line in block if not is_masthead_line(line.text) or PAGE_RE.search(line.text)]
        page = next((m.group(1) for t in texts if (m := PAGE_RE.search(t))), None)
        if page is not None:
            parts = [_banner_after_page(texts[0])] + texts[1:]
            return page, " ".join(p for p in parts if p) or None
        plain = [t for t in texts if not is_banner(t) and not is_label(t) and not date_line(t)]
        if plain:
            candidates.append(" ".join(plain))
    return None, candidates[0] if candidates else None


# --- speeches on a page ---------------------------------------------------------------------


def _headline_before(lines: list[Line], index: int, noise: bool = False) -> int | None:
    """Index of the first headline line directly above a proposer line at index, or None.

    The headline is the run of headline-like lines just above, within the same block and at most
    ``MAX_HEADLINE_LINES`` long, so that the end of the previous speech is never taken for it.
    When blank lines are ``noise`` (one after every line), blocks say nothing: the run may cross
    them but is then at most ``MAX_NOISY_HEADLINE_LINES`` long, since a banner above a headline
    can no longer be told from its first line.
    """
    start, crossed = index, False
    while start > 0 and is_headline(lines[start - 1].text):
        crossed = crossed or lines[start].blank_before
        if (crossed and not noise) or index - start >= _headline_limit(crossed):
            break
        start -= 1
    if index - start > 1 and (is_ornamented_column(lines[start], lines[start + 1]) or is_dotted_column(lines[start].text)):
        start += 1  # a column's name over the headline is neither
    return None if start == index else start


DOTTED_COLUMN_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}[·•・][\u4e00-\u9fff]{2,4}$")


def is_dotted_column(text: str) -> bool:
    """True for a column's name of two short words parted by a middle dot ("协商·建言",
    "履职·风采"), which stands over a headline but is no part of it."""
    return DOTTED_COLUMN_RE.match(text.strip(SPACE_CHARS)) is not None


COLUMN_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
COLUMN_SHORTFALL = 4.0


def is_ornamented_column(line: Line, nxt: Line) -> bool:
    """True when line is a column's name set off by an ornament over the headline nxt ("🌟 某某之声"
    / "夜间经济如何“亮”起来？"): a short marked line of Han characters only, directly over an
    unmarked headline-like line clearly wider than it. A headline wrapped over two lines fills
    its first line, so its second is not the wider one."""
    if not line.marked or line.level or not COLUMN_NAME_RE.match(line.text):
        return False
    if nxt.blank_before or nxt.marked or not is_headline(nxt.text):
        return False
    return width(line.text) <= width(nxt.text) - COLUMN_SHORTFALL


def _runs_on_text(lines: list[Line], index: int, full: float | None) -> bool:
    """True when the line above line index is a full line of a column that stops mid-sentence:
    the text runs on into line index, which is then no headline however it reads ("……参与度。建"
    / "立企业常态化参与科技决策机制，吸纳" / "更多科技领军企业家进入市科技咨询委")."""
    if index == 0 or full is None:
        return False
    above = lines[index - 1].text
    if ends_sentence(above) or is_masthead_line(above) or is_banner(above) or is_page_furniture(above):
        return False
    return width(above) >= full - WRAP_SLACK and not _set_off(lines, index)


def _set_off(lines: list[Line], index: int) -> bool:
    """True for a line the layout sets off: marked (an ornament, a rule above it), indented, or
    after a real blank line (one that is not merely a PDF copy's separator)."""
    line = lines[index]
    return line.marked or line.indent or (line.blank_before and not blank_lines_are_noise(lines))


def _column_over_headline(lines: list[Line], index: int) -> bool:
    """True when line index, above the page's first headline, is a column's name rather than the
    headline's first line: a short line of Han characters only over a line clearly wider than it
    (a headline wrapped over two lines fills its first line). Where every line is followed by a
    blank line, nothing else tells the two apart."""
    line, nxt = lines[index], lines[index + 1]
    if line.level or not COLUMN_NAME_RE.match(line.text) or not is_headline(nxt.text):
        return False
    return width(line.text) <= width(nxt.text) - COLUMN_SHORTFALL


def _headline_limit(crossed: bool) -> int:
    """How many lines a headline may have: fewer when it had to cross blank lines."""
    return MAX_NOISY_HEADLINE_LINES if crossed else MAX_HEADLINE_LINES


def _colon_header(lines: list[Line], index: int, full: float | None) -> tuple[Proposer, str] | None:
    """Proposer and title of a line "某某的发言：标题" / "roles name：标题" that opens a speech.

    It must open a block or follow a finished sentence or a label, its title must be
    headline-like, and in column-wrapped text (column ``full`` ems wide) it must stop short of the
    column, so that a body paragraph opening "张三委员：要加快…" is not taken for one. A headline
    closed by its speaker in brackets ("标题（民盟中央）") is one at any width.
    """
    line = lines[index]
    previous = lines[index - 1] if index else None
    if previous is not None and not (
        line.blank_before or ends_sentence(previous.text) or is_label(previous.text)
    ):
        return None
    text = strip_label(line.text)
    split = split_title_proposer(text)  # closed by its bracket, it cannot run on as a paragraph
    if split is None and (full is None or width(line.text) <= full - INDENT_MAX):
        split = split_speech_of(text) or split_proposer_colon(text)
    if split is None or not split[1] or not is_headline(split[1]):
        return None
    return split


def _speech_starts(lines: list[Line]) -> list[tuple[int, int, Proposer, str]]:
    """(first headline line, proposer line, proposer, title) of every speech on a page."""
    starts: list[tuple[int, int, Proposer, str]] = []
    full = column_width(lines) if looks_wrapped(lines) else None
    noise = blank_lines_are_noise(lines)
    for index in range(len(lines)):
        bracketed = _headline_with_speaker(lines, index)
        if bracketed is not None and (not starts or bracketed[0] > starts[-1][1]):
            starts.append(bracketed)
            continue
        colon = _colon_header(lines, index, full)
        if colon is not None and (not starts or index > starts[-1][1]):
            starts.append((index, index, colon[0], colon[1]))
            continue
        if index == 0 or (lines[index].blank_before and not noise):
            continue
        opened = _opened_by_speaker(lines, index, noise)
        if opened is not None and (not starts or opened[0] > starts[-1][1]):
            starts.append(opened)
            continue
        field_ = field_of(lines[index].text)
        if field_ is not None:
            start = _numbered_entry(lines, index, field_)
            if start is not None and (not starts or index - 1 > starts[-1][1]):
                starts.append(start)
            continue
        proposer, last = _wrapped_proposer(lines, index, noise)
        if proposer is None:
            proposer, last = _page_proposer_line(lines[index].text) or _bylined_name(lines, index), index
        if proposer is None and DASH_RE.match(lines[index].text):
            proposer = subtitle_proposer(lines[index].text)  # "——某某在……会议上的发言" under a headline
        top = _above_front_lines(lines, index) if proposer else index
        headline = _headline_before(lines, top, noise) if proposer else None
        if proposer and headline is not None and not starts and top - headline > 1 and _column_over_headline(lines, headline):
            headline += 1  # the page's first headline under a column's name ("参政议政")
        if proposer and headline is not None and _runs_on_text(lines, headline, full):
            continue  # wrapped lines of text that happen to read as headline and proposer
        if proposer and headline is not None and (not starts or headline > starts[-1][1] + 1):  # a speech has text
            title = join_headline([line.text for line in lines[headline:top]])
            starts.append((headline, last, proposer, title))
    return starts


BRACKET_TAIL_MAX = 12.0


def _headline_with_speaker(lines: list[Line], index: int) -> tuple[int, int, Proposer, str] | None:
    """A headline closed by its speaker in brackets, on one line or broken by a narrow column:
    "标题（民建中央）", "推进某某 / 建设走深走实（民建中央）", "深化医教协同（农工党 / 中央）".

    Headline lines directly above it, in the same block, are the headline's first lines (across
    a blank line they cannot be told from a group heading, "第一组", even where blank lines are
    noise); the headline must start afresh (after a blank line, a finished sentence or a label).
    """
    text, last = strip_label(lines[index].text), index
    if _opens_bracket(text) and index + 1 < len(lines):
        tail = lines[index + 1].text
        if tail.endswith(("）", ")")) and not _opens_bracket(tail) and width(tail) <= BRACKET_TAIL_MAX:
            text, last = text + tail, index + 1
    split = split_title_proposer(text)
    if split is None:
        return None
    top = _headline_before(lines, index) or index  # blank lines always part a group heading above
    previous = lines[top - 1] if top else None
    fresh = previous is None or lines[top].blank_before or ends_sentence(previous.text) or is_label(previous.text)
    if not fresh:
        return None
    title = join_headline([line.text for line in lines[top:index]] + [split[1]])
    return top, last, split[0], title


def _opens_bracket(text: str) -> bool:
    """True when the text opens a bracket it does not close ("深化医教协同（农工党")."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _opened_by_speaker(
    lines: list[Line], index: int, noise: bool
) -> tuple[int, int, Proposer, str] | None:
    """A round-up's entry: a subhead over a paragraph that opens by naming who speaks ("委员张三：…",
    "张三委员认为，…", "“……”市政协委员、某某大学教授张三表示，…"); the paragraph is the speech's first.

    The subhead must start afresh (at a block's start or after a finished sentence), so that a
    line inside a paragraph is never taken for one.
    """
    speaker = paragraph_speaker(lines[index].text)
    if speaker is None:
        return None
    bracketed = LABEL_RE.match(lines[index - 1].text)
    if bracketed is not None and is_label(lines[index - 1].text):
        top = index - 1  # a subhead in brackets ("【托育要普惠】")
        fresh = top == 0 or lines[top].blank_before or ends_sentence(lines[top - 1].text)
        return (top, top, speaker, bracketed.group(1).strip(SPACE_CHARS)) if fresh else None
    top = _headline_before(lines, index, noise)
    numbered = numbered_headline(lines[index - 1].text) if top is None else None
    top = index - 1 if numbered is not None else top
    if top is None or not (top == 0 or lines[top].blank_before or lines[top].marked
                           or ends_sentence(lines[top - 1].text)):
        return None
    if any(ends_sentence(line.text) or COLON_RE.search(line.text) for line in lines[top:index]):
        return None  # a question ("记者：您有什么建议？") or a field is no subhead
    title = numbered or join_headline([line.text for line in lines[top:index]])
    return top, index - 1, speaker, title


def numbered_headline(text: str) -> str | None:
    """The headline of a numbered subhead or entry ("一、完善冷链网络布局" → "完善冷链网络布局"), or
    None when the line is not a number followed by headline-like text."""
    marker = starts_with_marker(text)
    if marker is None:
        return None
    rest = text.lstrip(SPACE_CHARS)[marker.end :].strip(SPACE_CHARS)
    return rest if rest and is_headline(rest) and starts_with_marker(rest) is None else None


OPENING_QUOTE_RE = re.compile(r"^[“「][^”」]{1,200}[”」]")
FIRST_CLAUSE_RE = re.compile(r"[，,：:。；;！？!?]")
SPEAKER_PREFIX_MAX = 40


def paragraph_speaker(text: str) -> Proposer | None:
    """The speaker a paragraph opens with, when it names one with roles or a membership word: a
    prefix before a colon ("委员张三：", "某某大学教授张三："), or a first clause that ends in a verb
    of saying (after an opening quotation, if any: "“……”张三委员认为，"). A bare name before a
    colon ("张三：…") is an interview's answer, not an introduction; "他认为" names no one.
    """
    if field_of(text) is not None:
        return None  # "领衔代表：…" is a field, read as such
    colon = COLON_RE.search(text)
    quoted = OPENING_QUOTE_RE.match(text) is not None
    if colon is not None and 0 < colon.start() <= SPEAKER_PREFIX_MAX and not quoted:
        head = text[: colon.start()].strip(SPACE_CHARS)
        found = parse_proposer_line(head, loose=True)
        if found is not None and SPACES_RE.sub("", head) != found.name:
            return found
    rest = OPENING_QUOTE_RE.sub("", text)
    clause = FIRST_CLAUSE_RE.split(rest, maxsplit=1)[0]
    for verb in sorted(narration_cues()["verb"], key=len, reverse=True):
        if clause.endswith(verb) and len(clause) > len(verb):
            return parse_proposer_line(clause[: -len(verb)])
    return None


def _wrapped_proposer(lines: list[Line], index: int, noise: bool = False) -> tuple[Proposer | None, int]:
    """A proposer line wrapped by a narrow column: roles on line index, the bare name on the next
    line, alone or after the rest of the roles and a space ("市政协委员、某某集团副总经理 / 王某",
    "某某集团副总经理兼总 / 工程师　王某"); (proposer, name line), or (None, index). Where blank
    lines are ``noise`` (one after every line of a PDF copy), one may stand between the two."""
    if index + 1 >= len(lines) or (lines[index + 1].blank_before and not noise) or ends_sentence(lines[index].text):
        return None, index
    roles, rest = lines[index].text, SPACES_RE.split(lines[index + 1].text.strip(SPACE_CHARS))
    if not (is_bare_name(rest[-1]) and has_role(roles)):
        return None, index
    if DASH_RE.match(lines[index].text) or is_byline(lines[index + 1].text):
        return None, index  # a subtitle over a byline ("——访…张三" / "本报记者　李四") is no proposer line
    joined = roles + "".join(rest[:-1]) + " " + rest[-1]
    found = parse_proposer_line(joined)
    if found is None or found.name != rest[-1]:
        return None, index
    return found, index + 1


def _numbered_entry(
    lines: list[Line], index: int, field_: tuple[str, str]
) -> tuple[int, int, Proposer, str] | None:
    """A digest's entry: a headline line, numbered or not ("1．关于……的提案"), over a proposer
    field ("提案人：…"). The field's key is cue enough for a number that would otherwise mark an
    item; a headline that is itself a field ("案由：…") opens no page speech."""
    kind, value = field_
    if kind != "proposer" or not value or index == 0:
        return None
    above = lines[index - 1].text
    marker = starts_with_marker(above)
    title = above[marker.end :].strip(SPACE_CHARS) if marker else above
    if field_of(above) is not None or not is_headline(title):
        return None
    return index - 1, index, parse_proposer_text(value), join_headline([title])


def _page_proposer_line(text: str) -> Proposer | None:
    """The proposer of a page's proposer line, printed bare or in brackets ("（民盟某市委会）")."""
    return parse_proposer_line(text) or bracketed_proposer(text)


def _bylined_name(lines: list[Line], index: int) -> Proposer | None:
    """A name alone on the line under a headline, as a byline ("□ 张三"), when the layout or the
    speech vouches for it: an ornament sets it off, or the speech closes with an author's note
    giving the roles ("（作者系……）"). A short line of text opening with a surname's character is
    never taken for a name on its own."""
    text = AUTHOR_MARK.sub("", lines[index].text).strip(SPACE_CHARS)
    if not is_bare_name(text):
        return None
    if lines[index].marked or _closed_by_author_note(lines, index):
        return Proposer(name=text, kind="person")
    return None


def _closed_by_author_note(lines: list[Line], index: int) -> bool:
    """True when an author's note without a name ("（作者系……）") closes the text under line
    index before the next headline over a proposer or a name."""
    for k in range(index + 1, len(lines)):
        text = lines[k].text
        if (note := named_author_note(text)) is not None:
            return note[0] is None
        if k + 1 < len(lines) and is_headline(text) and ends_sentence(lines[k - 1].text):
            following = lines[k + 1].text
            if _page_proposer_line(following) or is_bare_name(following.strip(SPACE_CHARS)):
                return False
    return False


def with_author_note(proposer: Proposer | None, body: list[Line]) -> tuple[Proposer | None, list[Line]]:
    """A person named without roles, given the roles of the author's note closing the body
    ("（作者系全国政协委员、某某大学校长）"), the note then left out; else both as they are."""
    if proposer is None or proposer.kind != "person" or proposer.roles:
        return proposer, body
    end = len(body)
    while end > 0 and (is_date_line(body[end - 1].text) or is_page_furniture(body[end - 1].text)):
        end -= 1
    note = named_author_note(body[end - 1].text) if end else None
    if note is None or (note[0] is not None and note[0] != proposer.name):
        return proposer, body
    return parse_proposer_text(f"{note[1]}\u3000{proposer.name}"), body[: end - 1] + body[end:]


def _above_front_lines(lines: list[Line], index: int) -> int:
    """Index of the first of the date and byline lines set directly above line index (or index).

    Some pages print the date or the reporter between a headline and its proposer line
    ("标题 / 2025年3月11日 / 市政协委员 王某"); those lines belong to neither.
    """
    top = index
    while (
        top > 1
        and index - top < MAX_FRONT_LINES
        and not lines[top].blank_before
        and (date_line(lines[top - 1].text) or is_byline(lines[top - 1].text))
    ):
        top -= 1
    return top


def _without_front_lines(body: list[Line]) -> list[Line]:
    """A page speech's body without the dates, bylines, "——" subtitles and dropped fields
    ("附议人：…", see [skip] in ingest_fields.txt) set above its text."""
    while body and (
        date_line(body[0].text)
        or is_byline(body[0].text)
        or (field_of(body[0].text) or ("", ""))[0] == "skip"
        or (DASH_RE.match(body[0].text) and subtitle_proposer(body[0].text) is None)
    ):
        body = body[1:]
    return body


def _opens_attributed(lines: list[Line], index: int) -> bool:
    """True when line index can open a speech that names its proposer only at its end.

    The layout must set it off (an ornament or a rule above it), it must read as a headline, and
    it must start afresh: after a blank line or a finished sentence, with text after it.
    """
    line = lines[index]
    if not line.marked or not is_headline(line.text) or index + 1 >= len(lines):
        return False
    return line.blank_before or index == 0 or ends_sentence(lines[index - 1].text)


def _headline_end(lines: list[Line], index: int, end: int) -> int:
    """Index of the last line of a headline opening at index: the next lines continue it while
    they read as headline lines set neither apart nor indented (a headline broken by a narrow
    column, "推动某某产业 / 协同发展"), at most ``MAX_HEADLINE_LINES`` in all."""
    last = index
    while (
        last + 1 < end - 1
        and last - index + 1 < MAX_HEADLINE_LINES
        and not lines[last + 1].blank_before
        and not lines[last + 1].indent
        and not ends_sentence(lines[last].text)
        and is_headline(lines[last + 1].text)
    ):
        last += 1
    return last


def _opens_page(lines: list[Line], first: int, end: int) -> int | None:
    """Index of the first headline under the masthead, when the page opens with a speech named
    only at its end: the first line after a blank line that reads as a headline."""
    for index in range(max(first, 1), end - 1):
        line = lines[index]
        if line.blank_before and not is_masthead_line(line.text):
            return index if is_headline(line.text) and field_of(line.text) is None else None
    return None


def _attributed_in(
    lines: list[Line], first: int, end: int, *, leading: bool = False
) -> list[tuple[int, int, Proposer, str]]:
    """Speeches between first and end that open with a set-off headline and close with "——proposer".

    Read from the end: a candidate opens a speech only when the lines from it to the next speech
    close with an attribution, so a set-off line inside a speech never splits it. Above the
    page's first speech (``leading``), the first headline under the masthead is a candidate too,
    set off or not, since nothing else can stand there.
    """
    numbered = {i for i in range(first, end) if _opens_numbered_entry(lines, i)}
    plain = {i for i in range(first, end) if _opens_plain_entry(lines, i) and not _opens_attributed(lines, i)}
    plain -= numbered
    candidates = [i for i in range(first, end) if _opens_attributed(lines, i) or i in numbered | plain]
    opening = _opens_page(lines, first, end) if leading else None
    if opening is not None and opening not in candidates:
        candidates = sorted([opening, *candidates])
    found = []
    for index in reversed(candidates):
        last = _headline_end(lines, index, end)
        closing, _ = trailing_attribution(without_furniture(lines[last + 1 : end]))
        if closing is not None:
            texts = [line.text for line in lines[index : last + 1]]
            if index in numbered:
                texts[0] = numbered_headline(texts[0]) or texts[0]
            found.append((index, last, closing, join_headline(texts)))
            end = index
    for kind in (numbered, plain):
        if sum(start[0] in kind for start in found) < MIN_NUMBERED_ENTRIES:
            found = [start for start in found if start[0] not in kind or start[0] == opening]
    return found[::-1]


MIN_NUMBERED_ENTRIES = 2


def _opens_numbered_entry(lines: list[Line], index: int) -> bool:
    """True when line index may open a digest's entry that names its proposer only at its end
    ("一、关于……的提案" … "提案单位：某某市委会"): a numbered headline set apart, with text after it.
    Such entries count only two or more at a time, so that one numbered section of a proposal
    signed at its end ("三、对策建议" … "提案人：张三") is never taken for a speech."""
    line = lines[index]
    if index + 1 >= len(lines) or numbered_headline(line.text) is None:
        return False
    return line.blank_before or index == 0 or ends_sentence(lines[index - 1].text)


def _opens_plain_entry(lines: list[Line], index: int) -> bool:
    """True when line index may open a digest's entry headed by a plain headline and closed by its
    proposer ("推进某某服务" / text … / "（提案人：roles name）"): a headline-like line set apart by
    a blank line, that finishes no sentence and is no field, with its text directly under it.
    Like numbered entries they count only two or more at a time, each closed by its own proposer,
    so that a subhead inside a speech signed once at its end never splits it."""
    line = lines[index]
    if index + 1 >= len(lines) or lines[index + 1].blank_before or not (line.blank_before or index == 0):
        return False
    text = line.text
    return is_headline(text) and not ends_sentence(text) and field_of(text) is None and not is_label(text)


def _with_attributed_starts(
    lines: list[Line], starts: list[tuple[int, int, Proposer, str]]
) -> list[tuple[int, int, Proposer, str]]:
    """The speech starts of a page, with those named only by a closing attribution added."""
    bounds = [(0, starts[0][0] if starts else len(lines))]
    bounds += [(index + 1, starts[k + 1][0] if k + 1 < len(starts) else len(lines))
               for k, (_, index, _, _) in enumerate(starts)]
    extra = [start for k, (first, end) in enumerate(bounds)
             for start in _attributed_in(lines, first, end, leading=k == 0)]
    return sorted(starts + extra)


def find_speeches(lines: list[Line]) -> tuple[list[Line], list[SpeechLayout]]:
    """Masthead lines and the speeches of a page.

    A speech opens with a headline and a proposer line under it, or with one line holding both
    ("王建国委员的发言：标题"); a closing attribution completes its proposer (``merge_proposers``).
    """
    starts = _with_attributed_starts(lines, _speech_starts(lines))
    speeches = []
    for k, (headline, index, proposer, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        body = _without_front_lines(without_furniture(lines[index + 1 : end]))
        if k + 1 < len(starts):
            body = _without_entry_fields(_without_group_heading(body))
        closing, body = trailing_attribution(body, bare_names=True)
        who, body = with_author_note(merge_proposers(proposer, closing), body)
        speeches.append(SpeechLayout(title, who, body, lines[headline].number))
    masthead = lines[: starts[0][0]] if starts else []
    return masthead, speeches


def _without_entry_fields(body: list[Line]) -> list[Line]:
    """A speech's body without the fields that head the next entry, set apart above its
    headline ("提案号：0203" over "关于……的提案"): skipped fields closing a block of their own."""
    end = len(body)
    while end and _skipped_field(body[end - 1].text):
        end -= 1
    if end == len(body) or not body[end].blank_before:
        return body  # fields run on from the text above are the speech's own closing fields
    return body[:end]


def _skipped_field(text: str) -> bool:
    """True for a line of fields that are all read and dropped (提案号, 编号, 分类 …)."""
    found = header_line_fields(text)
    return found is not None and all(kind == "skip" for kind, _ in found)


def _without_group_heading(body: list[Line]) -> list[Line]:
    """A speech's body without the heading of the next group of speeches set apart under it
    ("某某界联组会", "第二场　科技创新"): a block of one or two headline-like lines, after a
    finished sentence, that names no proposer (a signature is the speech's own)."""
    start = len(body) - 1
    while start > 0 and not body[start].blank_before:
        start -= 1
    block = body[start:]
    if start <= 0 or len(block) > MAX_BANNER_LINES or not ends_sentence(body[start - 1].text):
        return body
    if all(is_headline(line.text) and _page_proposer_line(line.text) is None for line in block):
        return body[:start]
    return body


def join_headline(parts: list[str]) -> str:
    """A headline printed over several lines, joined as printed; a "——" subtitle line is left out,
    and so is a column's name set before a bar ("委员会客厅｜标题") and a translation after one
    ("标题 | Boosting …")."""
    kept = [part for part in parts if not DASH_RE.match(part)] or parts
    kept = [SPREAD_HAN_SPACE_RE.sub("", part) if SPREAD_TITLE_RE.fullmatch(part) else part for part in kept]
    return NUMBER_LABEL_RE.sub("", KICKER_RE.sub("", TRANSLATED_TAIL_RE.sub("", "".join(kept))))


SPREAD_TITLE_RE = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]){3,}[\u4e00-\u9fff]")
"""A headline whose every character is set apart by a space ("关 于 加 强 …")."""
SPREAD_HAN_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")


NUMBER_LABEL_RE = re.compile(
    r"^(?:[【\[［〔]\s*(?:第\s*)?[A-Za-z]{0,3}\d{1,8}\s*号?\s*[】\]］〕]|第\s*\d{1,8}\s*号[ \u3000]+)[ \u3000]*(?=\S)"
)
"""A proposal's number set before its headline ("【0117号】关于……的提案", "〔第23号〕…", "第0117号　…"):
a reference, not part of the headline."""


TRANSLATED_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff”’」》）)])\s*[|｜/／]\s*[A-Za-z][^\u4e00-\u9fff]*$")
"""A headline's translation set after a bar ("推动某某发展 | Boosting …")."""


# --- single speeches --------------------------------------------------------------------------

SPEECH_OF_RE = re.compile(r"^(?P<who>.{2,60}?)的(?:发言|讲话|书面发言|大会发言)[：:]\s*(?P<title>.*)$")
COLON_RE = re.compile(r"[：:]")
FIELD_SPLIT_RE = re.compile(r"\s*[/／|｜]\s*|\s{2,}|[\u3000\t]+")
AFTER_KEY_RE = re.compile(r"([：:])[ \t\u3000]+")
"""Spaces or a tab after a field's colon ("提案者：\t张三"): they part the key from its value only."""
DASH_RE = re.compile(r"^[—\-–―]{1,2}")
KICKER_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:\s*｜\s*|\s+\|\s*|\s*\|\s+)(?=\S)")
"""A column's name before a bar that opens a headline ("委员会客厅｜…", "声音 | …")."""
ISO_DATE_RE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
WEEKDAY_RE = re.compile(r"\s*(?:星期|周)[一二三四五六日天]")
DATE_LINE_MAX_WIDTH = 24
BYLINE_MAX_WIDTH = 30
BARE_NAME_MIN_CHARS = 3


@cache
def header_fields() -> dict[str, tuple[str, ...]]:
    """Keys of "key：value" header lines by what they give: title, proposer, date, or skip."""
    return sections("ingest_fields.txt")


@cache
def _byline_re() -> re.Pattern[str]:
    """A byline line: an optional outlet, a reporter word, then names ("本报记者 李四 王五")."""
    words = "|".join(re.escape(w) for w in sorted(narration_cues()["reporter"], key=len, reverse=True))
    name = r"[\u4e00-\u9fff·]{2,8}"
    return re.compile(
        rf"^[（(【\[]?[\u4e00-\u9fff]{{0,8}}(?:{words})\s*[/／｜|：:]?\s*{name}(?:[\s、，,]+{name})*[）)】\]]?$"
    )


def is_byline(text: str) -> bool:
    """True for a reporter's byline line ("记者 李四", "（本报记者 李四）", "文/李四")."""
    return width(text) <= BYLINE_MAX_WIDTH and _byline_re().match(text) is not None


POSTED_RE = re.compile(r"^\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*(?:(?:发表于|发布于)[\u4e00-\u9fff]{1,6})?$")
"""A post's stamp after its date: the clock time and where it was posted ("08:30 发表于某地")."""


HAN_DATE_RE = re.compile(
    r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
"""A date in Chinese numerals, as official documents sign them ("二〇二六年五月二十日")."""
DATE_PATTERNS = (DATE_RE, ISO_DATE_RE, HAN_DATE_RE)


def _iso(match: re.Match[str]) -> str:
    """YYYY-MM-DD of a date match, in Arabic or Chinese numerals."""
    year, month, day = match.groups()
    if year.isdigit():
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    digits = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
    year = "".join(digits[c] for c in year)
    return f"{year}-{chinese_number(month):02d}-{chinese_number(day):02d}"


def date_line(text: str) -> str | None:
    """The ISO date of a line that is only a date ("（2025年3月5日）", "2025-03-05", a post's
    "2025-03-05 08:30 发表于某地", "二〇二五年三月五日"), else None."""
    bare = text.strip("（()）【】[] \u3000")
    if width(text) > DATE_LINE_MAX_WIDTH:
        return None
    for pattern in DATE_PATTERNS:
        match = pattern.match(bare)
        rest = WEEKDAY_RE.sub("", bare[match.end() :]) if match else ""
        rest = POSTED_RE.sub("", rest)
        if match and len(rest.strip(SPACE_CHARS)) <= 2:
            return _iso(match)
    return None


FIELD_KINDS = ("title", "proposer", "author", "roles", "unit", "date", "skip")
DATETIME_PREFIX = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2})"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)


def iso_date(text: str) -> str | None:
    """The first date in a text ("2025年3月5日", "2025-03-05 10:21") as YYYY-MM-DD, or None."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            return _iso(match)
    return None


def field_of(text: str) -> tuple[str, str] | None:
    """(kind, value) of a header line "案由：…", "提案人：…" (kind from ingest_fields.txt), or None;
    a key in Latin letters is matched in any case ("Source:", "EDITOR:")."""
    parts = COLON_RE.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    key, value = SPACES_RE.sub("", parts[0]).casefold(), parts[1].strip(SPACE_CHARS)  # "案　　由" is 案由
    fields = header_fields()
    glossed = re.sub(r"[a-z]+", "", key)  # "作者 Author" is 作者 with its English gloss
    for kind in FIELD_KINDS:
        if key in fields.get(kind, ()) or (glossed and glossed != key and glossed in fields.get(kind, ())):
            return None if kind != "title" and SPOKEN_RE.search(value) else (kind, value)
    kind = _compound_key_kind(key)
    if kind is not None and not SPOKEN_RE.search(value):
        return kind, value
    if _names_a_person(key, value):
        return "proposer", value  # "信息员：区政协委员、某某大队副大队长　张三"
    return None


PERSON_KEY_RE = re.compile(r"[\u4e00-\u9fff]{1,4}[员人者]")
"""A key naming a person by what they do (信息员, 建言人, 撰写者)."""


def _names_a_person(key: str, value: str) -> bool:
    """True for a field whose key names a person by what they do and whose value is roles and a
    name: the person the field names is the proposer. An interviewer's or reporter's key
    (记者, 主持人) never is."""
    if PERSON_KEY_RE.fullmatch(key) is None or SPOKEN_RE.search(value):
        return False
    cues = narration_cues()
    if any(key.endswith(word) for word in (*cues.get("tag", ()), *cues.get("reporter", ()))):
        return False
    found = parse_proposer_line(value)
    if found is not None:
        return found.kind == "person" and bool(found.roles)
    return has_role(value) and not COLON_RE.search(value)  # the name may follow after a wide space


COMPOUND_PREFIX_MAX = 2
"""Most characters a modifier may add before a known key ("提出代表", "内容分类")."""


def _compound_key_kind(key: str) -> str | None:
    """The kind of a key that is a known key with a short modifier before it ("提出代表" is a
    代表 field, "内容分类" a 分类 one), or None. A title is never read from such a key:
    "会议主题" names the meeting's theme, not the speech."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,6}", key):
        return None
    fields = header_fields()
    for cut in range(1, COMPOUND_PREFIX_MAX + 1):
        for kind in FIELD_KINDS:
            if kind != "title" and key[cut:] in fields.get(kind, ()) and len(key[cut:]) >= 2:
                return kind
    return None


SPOKEN_RE = re.compile(r"[。！？!?]")
"""A sentence's end: only a title field may hold one ("案由：……不畅。"); a speaker's line in a
transcript does ("主持人：欢迎收看！", "嘉宾：谢谢！"), and is no field."""


SPACED_KEY_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff][ \u3000]+){1,4}[\u4e00-\u9fff](?=\s*[：:])")
"""A field key spread out to align with longer keys ("案　　由：", "提 案 人：")."""


KEY_BAR_RE = re.compile(r"^([\u4e00-\u9fff]{2,6})(?:[ \u3000]*[|｜][ \u3000]*|\u3000+|[ ]{2,})(?=\S)")
"""A field's key set off from its value by a bar, as posts print it ("作者｜张三"), or by a wide
space, as forms do ("提案者　某某市委会")."""


def header_line_fields(text: str) -> list[tuple[str, str]] | None:
    """Every field of a header line, or None when the line is not one.

    A line may hold several fields and a date with its time, as web pages print them
    ("提案号：12 / 案由：…", "2025-03-05 10:21 来源：人民政协网"), or fields set apart by tabs, as a
    form copied from a table prints them ("提案者：\t张三\t界别：\t经济界").
    """
    found = []
    text = SPACED_KEY_RE.sub(lambda m: SPACES_RE.sub("", m.group(0)), AFTER_KEY_RE.sub(r"\1", text))
    barred = KEY_BAR_RE.match(text)
    if barred is not None and field_of(f"{barred.group(1)}：…") is not None:
        rest = text[barred.end() :]
        first = FIELD_SPLIT_RE.split(rest, maxsplit=1)[0]
        if field_of(first) is not None:
            text = rest  # "提案者　　界别：……　提案人：……": a caption over the fields, not a key
        else:
            text = f"{barred.group(1)}：{rest}"  # "作者｜张三": a bar or space for the colon
    stamp = DATETIME_PREFIX.match(text)
    if stamp is not None:
        found.append(("date", stamp.group(0)))
        text = text[stamp.end() :].strip(SPACE_CHARS)
    for part in FIELD_SPLIT_RE.split(text):
        field_ = field_of(part) if part else None
        if part and field_ is None and not _continues_value(found, part):
            return None
        if field_ is not None:
            found.append(field_)
    return found or None


def _continues_value(found: list[tuple[str, str]], part: str) -> bool:
    """True for a spaced-out part of a value ("联名人：张某  李某", "作者：市政协委员　杨帆"): it
    follows a field with a value and holds no colon or sentence punctuation. It is added to that
    value, after a space."""
    if not (found and found[-1][1]) or COLON_RE.search(part) or ends_sentence(part):
        return False
    kind, value = found[-1]
    found[-1] = (kind, f"{value} {part}")
    return True


def author_note(text: str) -> str | None:
    """The roles of a closing note "（作者系全国政协委员、某某大学教授）", or None."""
    found = named_author_note(text)
    return found[1] if found else None


AUTHOR_WORD = "作者"
AUTHOR_NOTE_PREFIX = "本文"


@cache
def _author_note_re() -> re.Pattern[str]:
    """A closing note's inside: the word for the author, a name or none, a verb, the roles."""
    verbs = sorted(
        (opener[len(AUTHOR_WORD) :] for opener in header_fields().get("author note", ()) if opener.startswith(AUTHOR_WORD)),
        key=len, reverse=True,
    )
    return re.compile(
        rf"^(?:{AUTHOR_NOTE_PREFIX})?{AUTHOR_WORD}[：:]?[{SPACE_CHARS}]*(?P<name>[^，,：:（()）{SPACE_CHARS}]{{2,8}}?)?"
        rf"[{SPACE_CHARS}]*[，,]?[{SPACE_CHARS}]*(?:{'|'.join(map(re.escape, verbs))})(?P<roles>.+)$"
    )


def named_author_note(text: str) -> tuple[str | None, str] | None:
    """The name (None when the note gives none) and roles of a closing note: "（作者系……）", with
    the author's name between the word and the verb ("（作者张三系全国政协委员、……）"), or as a
    field ("（本文作者：张三，系……）")."""
    inner = text.strip(SPACE_CHARS)
    if not (inner[:1] in "（(" and inner[-1:] in "）)"):
        return None
    inner = inner[1:-1].strip(SPACE_CHARS).rstrip("。")
    if (unit_roles := _unit_note(inner)) is not None:
        return None, unit_roles
    match = _author_note_re().match(inner)
    if match is None or not match.group("roles").strip(SPACE_CHARS):
        return None
    name = match.group("name")
    if name and not is_bare_name(name):
        return None
    return name or None, match.group("roles").strip(SPACE_CHARS)


UNIT_ROLES_RE = re.compile(r"^(?P<unit>[^，,；;]{2,40}?)[，,；;][ \u3000]*(?:系|为|是|现任|任)(?P<roles>[^，,；;].*)$")
"""A unit field that goes on to the roles held there ("某某大学经济学院，系市政协委员、教授")."""
UNIT_NOTE_RE = re.compile(rf"^(?:{AUTHOR_NOTE_PREFIX})?{AUTHOR_WORD}单位[：:][{SPACE_CHARS}]*(?P<rest>.+)$")


def unit_and_roles(value: str) -> tuple[str, str | None]:
    """A unit field's value parted into the unit and the roles it goes on to give, if any.

    >>> unit_and_roles("某某大学经济学院，系市政协委员、教授")
    ('某某大学经济学院', '市政协委员、教授')
    >>> unit_and_roles("某某市第一人民医院")
    ('某某市第一人民医院', None)
    """
    found = UNIT_ROLES_RE.match(value.rstrip("。"))
    if found is None:
        return value, None
    return found.group("unit"), found.group("roles")


def roles_with_unit(unit: str | None, roles: str) -> str:
    """Roles with a unit given apart restored before each title that stands alone: one that opens
    the roles or follows a membership ("某某学院" + "市政协委员、教授" → "市政协委员、某某学院教授");
    a title after another unit's title belongs to that unit."""
    if not unit:
        return roles
    parts = re.split(r"([、，,])", roles)
    after_membership = True
    for index in range(0, len(parts), 2):
        org, title = split_title(parts[index])
        if not org and after_membership and parts[index]:
            parts[index] = unit + parts[index]
        after_membership = title in membership_titles()
    return "".join(parts)


def _unit_note(inner: str) -> str | None:
    """The roles of a closing note giving the author's unit and then the roles ("作者单位：某某学院，
    系市政协委员、教授"), the unit restored before them."""
    found = UNIT_NOTE_RE.match(inner)
    if found is None:
        return None
    unit, roles = unit_and_roles(found.group("rest"))
    return roles_with_unit(unit, roles) if roles else None


def split_speech_of(text: str) -> tuple[Proposer, str] | None:
    """The proposer and title of a line "某某委员的发言：标题"."""
    match = SPEECH_OF_RE.match(text)
    if not match:
        return None
    return parse_proposer_text(match.group("who")), match.group("title").strip()


def split_proposer_colon(text: str, *, loose: bool = False) -> tuple[Proposer, str] | None:
    """The proposer and title of a line "roles name：标题" or "张三委员：标题" (title may be empty).

    The part before the colon must read as a proposer line on its own (a marked name, roles run
    on into a name, or a body), so that "为此，建议：" or a field line is never taken for one;
    ``loose`` (the first line of a single speech) also accepts "政协委员王建国" or a bare name.
    """
    parts = COLON_RE.split(text, maxsplit=1)
    if len(parts) != 2 or field_of(text) is not None:
        return None
    proposer = parse_proposer_line(parts[0])
    if proposer is None and loose:
        proposer = parse_proposer_line(parts[0], loose=True)
        if proposer is not None and not proposer.roles and len(proposer.name) < BARE_NAME_MIN_CHARS:
            proposer = None  # "金融：…", "关于：…" are topics, not two-character names
    title = parts[1].strip(SPACE_CHARS)
    if proposer is None or (title and "。" in title):
        return None
    return proposer, title


TITLE_WHO_RE = re.compile(r"^(?P<title>.{4,}?)[\s\u3000]*[（(](?P<who>[^（）()]{2,60})[）)]$")
SPEECH_KIND_RE = re.compile(r"的?(?:联合|书面|大会|口头|联组|专题)?(?:发言|讲话|建言)$")


def split_title_proposer(text: str) -> tuple[Proposer, str] | None:
    """The proposer and title of a headline that names its speaker in brackets after it
    ("推动某某产业升级（民盟中央）", "标题（全国政协委员、某某大学教授　张三）", "标题（甲党中央、乙党中央联合发言）").

    The bracketed part must read as a proposer line on its own once the kind of speech closing it
    (联合发言, 书面发言) is set aside, so that "关于……的建议（摘要）" keeps its brackets.
    """
    match = TITLE_WHO_RE.match(text)
    if match is None:
        return None
    title = match.group("title").strip(SPACE_CHARS)
    who = SPEECH_KIND_RE.sub("", match.group("who").strip(SPACE_CHARS))
    found = parse_proposer_line(who) if who else None
    if found is None or not is_headline(title):
        return None
    return found, title


YEAR_MONTH_RE = re.compile(r"^[（(]?\d{4}\s*年\s*\d{1,2}\s*月[）)]?$|^[（(]?\d{4}[-./]\d{1,2}[）)]?$")
"""A date line without its day ("2026年1月"), as proposals are often signed."""


def is_date_line(text: str) -> bool:
    """True for a line that is only a date, with or without its day."""
    return date_line(text) is not None or YEAR_MONTH_RE.match(text.strip(SPACE_CHARS)) is not None


def trailing_dates(lines: list[Line]) -> list[Line]:
    """Lines without the date lines among the closing notes ("2025年3月5日" under a signature,
    before or after "（联系人：…）"): a date set under a text dates it; it is never the speaker's
    words."""
    end = len(lines)
    while end > 1 and (is_date_line(lines[end - 1].text) or is_note(lines[end - 1].text)):
        end -= 1
    return lines[:end] + [line for line in lines[end:] if not is_date_line(line.text)]


DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,5}\s*号$")
"""An official document's number ("渝建提复〔2026〕38号"): front matter, never text."""


def is_document_number(text: str) -> bool:
    """True for a line that is only an official document's number.

    >>> is_document_number("某政办函〔2024〕12号"), is_document_number("第12号")
    (True, False)
    """
    return DOC_NUMBER_RE.match(SPACES_RE.sub("", text)) is not None


def trailing_attribution(
    lines: list[Line], *, bare_names: bool = False
) -> tuple[Proposer | None, list[Line]]:
    """A closing "——roles name委员" line read as the proposer and removed from the body.

    Editor's notes, page furniture and date lines after it ("（下转第3版）", "责任编辑：…",
    "2025年3月5日") are looked through; a closing note that is itself a proposer line in brackets
    ("（全国政协委员 韩立新）") is one. With ``bare_names`` (a speech already found, which a name
    alone can only sign), a bare name set apart as the last line signs it too.
    """
    lines = trailing_dates(lines)
    end = len(lines)
    while end > 0 and (is_note(lines[end - 1].text) or is_page_furniture(lines[end - 1].text)):
        found = bracketed_proposer(without_credit(lines[end - 1].text)) or _proposer_field(lines, end)
        if found is not None:
            return found, lines[: end - 1] + lines[end:]
        end -= 1
    for size in (1, 2):  # an attribution may be wrapped over two lines
        first = end - size
        if first < 0 or not DASH_RE.match(lines[first].text):
            continue
        found = attribution("".join(line.text for line in lines[first:end]))
        if found is not None:
            return found, lines[:first] + lines[end:]
    signed = _signature(lines, end, bare_names) or _proposer_field(lines, end)
    if signed is not None:
        return signed, lines[: end - 1] + lines[end:]
    return None, lines


def _proposer_field(lines: list[Line], end: int) -> Proposer | None:
    """The proposer of a proposer field closing a text ("提案单位：某某市委会", "提案人：张三", also in
    brackets), set apart under its last paragraph; None for any other line."""
    if end < 2 or not (lines[end - 1].blank_before or ends_sentence(lines[end - 2].text)):
        return None
    text = lines[end - 1].text
    text = text[1:-1] if text[:1] in "（(" and text[-1:] in "）)" else text  # "（提案单位：…）"
    kind, value = field_of(text) or ("", "")
    return parse_proposer_text(value) if kind == "proposer" and value else None


def _signature(lines: list[Line], end: int, bare_names: bool = False) -> Proposer | None:
    """The proposer of a last line that is a proposer line set apart without a dash, or None.

    Some sources sign a speech with a bare proposer line under its last paragraph ("市政协委员、
    某某公司总经理　王某"); it must read as one strictly and follow a blank line or a finished
    sentence, so that a body's last words are never taken for a signature.
    """
    if end < 2 or ends_sentence(lines[end - 1].text):
        return None
    last, before = lines[end - 1], lines[end - 2]
    if not (last.blank_before or ends_sentence(before.text)):
        return None
    text = without_credit(last.text)
    found = parse_proposer_line(text) or bracketed_proposer(text)
    if found is None and bare_names and last.blank_before and ends_sentence(before.text):
        found = _bare_signature(text)
    return found


def _bare_signature(text: str) -> Proposer | None:
    """A person signing with the name alone on a line set apart ("王建国", "王　芳"); a
    two-character name counts only when spread apart, as for a bare name under a headline."""
    name = SPACES_RE.sub("", text)
    if is_bare_name(name) and (len(name) >= BARE_NAME_MIN_CHARS or name != text):
        return parse_proposer_text(name)
    return None


@cache
def credit_words() -> tuple[str, ...]:
    """Words closing a signature that credits the supplier of a text (ingest_credits.txt)."""
    return tuple(_lines("ingest_credits.txt"))


def without_credit(text: str) -> str:
    """A signature without the credit word closing it: "某某市委会　供稿" → "某某市委会",
    "（某某委员会供稿）" → "（某某委员会）"; other text is returned as it is."""
    inner, close = (text[:-1], text[-1]) if text[-1:] in "）)" else (text, "")
    for word in credit_words():
        if inner.endswith(word) and len(inner) > len(word):
            return inner[: -len(word)].rstrip(SPACE_CHARS) + close
    return text


TRAILING_NOTE_RE = re.compile(r"[（(][^（）()]*[）)]$")


def attribution(text: str) -> Proposer | None:
    """The proposer of a closing "——…" line, looking past a note after it ("…王建国（根据发言整理）")."""
    found = parse_proposer_line(text, loose=True)
    if found is None and TRAILING_NOTE_RE.search(text):
        found = parse_proposer_line(TRAILING_NOTE_RE.sub("", text), loose=True)
    return found


def bracketed_proposer(text: str) -> Proposer | None:
    """The proposer of a line that is a proposer line in brackets ("（市政协委员 王芳）"), or None;
    the kind of speech may close it ("（民建中央书面发言）")."""
    if not (text[:1] in "（(" and text[-1:] in "）)"):
        return None
    inner = text[1:-1].strip(SPACE_CHARS)
    return parse_proposer_line(inner) or parse_proposer_line(SPEECH_KIND_RE.sub("", inner).strip(SPACE_CHARS))


def merge_proposers(header: Proposer | None, closing: Proposer | None) -> Proposer | None:
    """The proposer named at the top, completed by a closing attribution naming the same one.

    "王建国委员的发言：…" gives only a name; "——浙江省政协委员、省科技厅副厅长王建国" gives the
    same name with roles, which are then used. A closing line naming someone else is ignored:
    the header is what the text is filed under.
    """
    if header is None or closing is None:
        return header or closing
    if header.name == closing.name and header.kind == closing.kind and not header.roles:
        return closing
    return header


OCCASION_RE = re.compile(
    r"^(?P<who>.{2,40}?)(?:在.{2,40}?[上中时])?的?(?:大会|书面|口头|联组|专题)?(?:发言|讲话|建言)(?:摘要|摘登)?$"
)


def subtitle_proposer(text: str) -> Proposer | None:
    """The person a "——" line under a headline names, or None for a plain subtitle.

    An interview's subtitle names its subject after a reporting verb ("——访全国政协委员张三"):
    the subject is the speaker, and the verb is not part of the roles.
    """
    rest = DASH_RE.sub("", text).strip(SPACE_CHARS)
    occasion = OCCASION_RE.match(rest)
    if occasion is not None:  # "——民盟某某市委会在……会议上的发言": the speaker before the occasion
        rest = occasion.group("who").strip(SPACE_CHARS)
    for verb in sorted(narration_cues().get("subtitle", ()), key=len, reverse=True):
        if rest.startswith(verb):
            rest = rest[len(verb) :]
            break
    return parse_proposer_line(rest, loose=True) if rest else None


def _outside_quotes(text: str) -> str:
    """Text with quoted passages (“…”, 「…」) removed: a quotation is the speaker's own words."""
    return re.sub(r"“[^”]*”|「[^」]*」", "", text)


@lru_cache(maxsize=256)
def _subjects(name: str | None) -> str:
    """The ways a reporter refers to the speaker, as a pattern: 他, 她, the proposer's name, and a
    person's surname with a membership word or a title ("张委员", "王院长" for 张三, 王某某)."""
    subjects = list(narration_cues()["person"])
    if name:
        subjects.append(re.escape(name))
        family = surname_of(name)
        if family:
            titles = sorted({*name_markers(), *role_titles()}, key=len, reverse=True)
            subjects.append(re.escape(family) + "(?:" + "|".join(map(re.escape, titles)) + ")")
    return "|".join(subjects)


def surname_of(name: str) -> str | None:
    """The surname of a personal name that opens with a common one ("欧阳明远" → 欧阳), else None."""
    if not is_bare_name(name):
        return None
    return next((family for family in surnames() if name.startswith(family) and len(name) > len(family)), None)


@lru_cache(maxsize=256)
def _third_person(name: str | None) -> re.Pattern[str]:
    """A subject (他, 她, the proposer's name, "张委员") followed closely by a verb of saying, or by
    one that ends the clause or comes to a pause after a short frame ("王某近日接受记者采访时说。",
    "张委员在调研中发现，")."""
    cues = narration_cues()
    verb = "|".join(re.escape(v) for v in cues["verb"])
    near = rf"[^，。；：“”]{{0,{NARRATION_REACH}}}?(?:{verb})"
    closing = rf"[^，。；：“”]{{0,{SAYING_FRAME}}}?(?:{verb})(?=[。，,：:])"
    return re.compile(rf"(?:{_subjects(name)})(?:{near}|{closing})")


def is_narration(text: str, proposer: Proposer | None) -> bool:
    """True for a reporter's paragraph: a news opener, a byline, the speaker in third person, or
    the speaker introduced by roles and name ("今年，市政协委员、某某街道办事处主任张三把……")."""
    cues = narration_cues()
    if text.startswith(cues["openers"]) or any(byline in text for byline in cues["byline"]):
        return True
    name = proposer.name if proposer else None
    outside = _outside_quotes(text)
    return _third_person(name).search(outside) is not None or introduces(outside, proposer)


INTRO_CUT_RE = re.compile(r"[，,。；;：:！？!?“”‘’「」（）()【】\[\]\s]")


def introduces(text: str, proposer: Proposer | None) -> bool:
    """True when the text names a person proposer after roles run on into the name, as a reporter
    introduces someone ("……，全国政协委员、某某大学教授张三近日……"); a speaker never does so."""
    if proposer is None or proposer.kind != "person" or not proposer.roles:
        return False
    return introduction(text, proposer.name) is not None


def introduction(text: str, name: str) -> Proposer | None:
    """The person a text introduces by roles run on into ``name`` after a pause or its start
    ("……，全国政协委员、某某大学校长张三近日表示" → 张三 with those roles), or None."""
    for match in _spread_name(name).finditer(text):  # "韦　强": a two-character name set apart
        head = INTRO_CUT_RE.split(text[: match.start()].rstrip(SPACE_CHARS))[-1]  # "……院长 张三"
        for roles in after_copula(head) if match.start() else ():
            found = parse_proposer_line(roles + name, loose=True)
            if found is not None and found.name == name and found.roles:
                return found
    return None


@lru_cache(maxsize=256)
def _spread_name(name: str) -> re.Pattern[str]:
    """A name as printed, its characters perhaps spread apart by spaces ("韦　强")."""
    return re.compile(r"[ \u3000]*".join(map(re.escape, name)))


@cache
def _copula_re() -> re.Pattern[str]:
    """Words after which a clause introduces someone by roles and name: a copula (是, 作为) or a
    verb of inviting a guest (邀请到, 请来) — [introducing] in ingest_narration.txt."""
    words = sorted(narration_cues().get("introducing", ("是",)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def after_copula(head: str) -> list[str]:
    """The roles a clause may introduce a name with: what follows its last copula first ("今天的
    嘉宾是市政协委员、……园长" → "市政协委员、……园长"), then the whole clause."""
    cuts = [match.end() for match in _copula_re().finditer(head)]
    heads = [head[cuts[-1] :]] if cuts and cuts[-1] < len(head) else []
    return [part for part in [*heads, head] if part]


def is_note(text: str) -> bool:
    """True for an editor's note set apart in brackets ("（本版稿件由…提供）", "（下转第3版）")."""
    return text[:1] in "（(" and text[-1:] in "）)" and width(text) <= NOTE_MAX_WIDTH


def strip_label(text: str) -> str:
    """A paragraph without a leading bracketed section label ("【会内声音】…" → "…")."""
    match = LABEL_RE.match(text)
    return text[match.end() :].lstrip(SPACE_CHARS) if match else text


OTHERS_SUBJECT_MAX = 20
FIRST_PERSON = ("我", "我们", "本人", "笔者")


def _others_words(text: str, proposer: Proposer | None) -> bool:
    """True for a report's paragraph that opens by giving someone other than the speaker as the
    one saying it ("区某某局有关负责人表示，……", "业内人士认为，……"): its first clause ends in a
    verb of saying after a subject that is neither the speaker nor the first person."""
    clause = re.split(r"[，,：:。；;]", text, maxsplit=1)[0]
    if len(clause) == len(text) or "“" in clause:
        return False
    verb = next((v for v in sorted(narration_cues()["verb"], key=len, reverse=True) if clause.endswith(v)), None)
    if verb is None:
        return False
    subject = clause[: -len(verb)]
    if not subject or len(subject) > OTHERS_SUBJECT_MAX or subject.startswith(FIRST_PERSON):
        return False
    if any(word in subject for word in narration_cues().get("document", ())):
        return False  # "提案指出，": the speaker's own document says it
    name = proposer.name if proposer else None
    return re.search(_subjects(name), subject) is None and not (name and name in subject)


DATELINE_RE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九十]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日"
    r"(?:上午|下午|晚上|晚间|中午|晚|上|下)?[，,]"
)
"""A report's dateline opening the text: a full date, down to the day, then a pause."""


def speech_text(lines: list[Line], proposer: Proposer | None = None, *, narration: bool = False) -> str:
    """The de-wrapped speech text; with ``narration``, labels, notes and reporter's paragraphs left out.

    Section labels (【会内声音】), editor's notes in brackets and the reporter's narration around a
    speech are not the speaker's words: they are dropped so that neither recommendations nor
    entities are drawn from them. From a reporter's paragraph only the quotations it attributes
    to the speaker are kept (see ``_speakers_part``).
    """
    texts = [without_stage_notes("".join(line.text for line in group)) for group in paragraphs(lines)]
    if narration:
        headed = headed_items(texts)
        kept: list[str] = []
        if texts and DATELINE_RE.match(texts[0]):
            texts = texts[1:]  # "2026年1月16日上午，……举行。": the report's dateline
        report = any(is_narration(t, proposer) for t in texts)
        for text in (t for t in texts if not is_note(t)):
            if report and _others_words(text, proposer):
                continue  # "区某某局有关负责人表示，……" in a report: someone else's words
            proposed = any(find_trigger(part) is not None for part in kept)
            kept.append(_speakers_part(text if headed else strip_label(text), proposer, views=not proposed))
        texts = kept
    return "\n".join(t for t in texts if t)


@cache
def _stage_note_re() -> re.Pattern[str]:
    """A bracketed stage direction of a transcript ("（掌声）", "（热烈掌声）")."""
    words = "|".join(map(re.escape, _lines("ingest_stage_notes.txt")))
    return re.compile(rf"[（(][^（）()]{{0,6}}(?:{words})[）)]")


def without_stage_notes(text: str) -> str:
    """A transcript's paragraph without the audience's reactions noted in brackets.

    >>> without_stage_notes("谢谢大家！（热烈掌声）")
    '谢谢大家！'
    """
    return _stage_note_re().sub("", text)


HEADED_ITEMS_MIN = 2


def headed_items(texts: list[str]) -> bool:
    """True when paragraphs run on after a bracketed heading ("【健全某某机制】具体做法……"),
    two or more of them in a row: items of a list, whose headings are the speaker's words, not
    section labels."""
    run = longest = 0
    for text in texts:
        match = LABEL_RE.match(text)
        run = run + 1 if match is not None and match.end() < len(text) else 0
        longest = max(longest, run)
    return longest >= HEADED_ITEMS_MIN


QUOTE_RE = re.compile(r"“([^”]*)”|「([^」]*)」")
QUOTE_CLAUSE = re.compile(r"[，,。！？!?；;：:、]")
QUOTE_MIN_CHARS = 12


def quoted_speech(text: str) -> list[str]:
    """Quotations in a paragraph that are speech (a clause or longer), not quoted terms (“专精特新”)."""
    found = []
    for match in QUOTE_RE.finditer(text):
        quote = match.group(1) if match.group(1) is not None else match.group(2)
        if QUOTE_CLAUSE.search(quote) or len(quote) >= QUOTE_MIN_CHARS:
            found.append(quote)
    return found


def is_interviewer_head(head: str) -> bool:
    """True for a speaker tag that names the interviewer's part, with or without a person or
    roles after it ("主持人（市政协副秘书长　某某）", "某某日报记者", "主持人 李某"): [tag] and
    [reporter] words of ingest_narration.txt ending the part before any bracket, or opening it
    before a name."""
    part = re.split(r"[（(]", SPACES_RE.sub("", head), maxsplit=1)[0]
    cues = narration_cues()
    words = [w for w in (*cues.get("tag", ()), *cues.get("reporter", ())) if len(w) > 1 and w[-1] not in "/／｜"]
    return any(part.endswith(word) or (part.startswith(word) and is_name(part[len(word) :])) for word in words)


def _without_speaker_prefix(text: str, proposer: Proposer | None) -> str:
    """An interview answer without its speaker prefix ("张三：…", "张三委员：…", "嘉宾：…" → "…")."""
    guest = next((word for word in narration_cues().get("guest", ()) if text.startswith(word)), None)
    if guest is not None and text[len(guest) : len(guest) + 1] in ("：", ":"):
        return text[len(guest) + 1 :].lstrip(SPACE_CHARS)
    if proposer is None:
        return text
    if not text.startswith(proposer.name):
        colon = COLON_RE.search(text)
        if colon is None or colon.start() > SPEAKER_PREFIX_MAX:
            return text
        found = parse_proposer_line(text[: colon.start()].strip(SPACE_CHARS), loose=True)
        same = found is not None and found.name == proposer.name
        return text[colon.end() :].lstrip(SPACE_CHARS) if same else text  # "委员张三：…"
    rest = text[len(proposer.name) :]
    for marker in name_markers():
        if rest.startswith(marker):
            rest = rest[len(marker) :]
            break
    rest = TAGGED_ROLES_RE.sub("", rest, count=1)  # "张三委员（roles）：…"
    return rest[1:].lstrip(SPACE_CHARS) if rest[:1] in ("：", ":") else text


TAGGED_ROLES_RE = re.compile(r"^[ \u3000]*[（(][^（()）]{2,60}[）)][ \u3000]*(?=[：:])")
"""Roles in brackets between a speaker's name and the colon of a transcript's line."""


def _interviewers_turn(text: str) -> bool:
    """True for a transcript's line said by the interviewer: its speaker tag names the part
    ("主持人（roles name）：…", "某某日报记者：…")."""
    colon = COLON_RE.search(text)
    return colon is not None and 0 < colon.start() <= SPEAKER_PREFIX_MAX and is_interviewer_head(text[: colon.start()])


def _speakers_part(text: str, proposer: Proposer | None, *, views: bool = True) -> str:
    """The speaker's words in a paragraph: all of it, or only the quotes in a reporter's paragraph.

    A reporter's paragraph that attributes quotations to the speaker ("“……”张三说。", "他表示：“……”")
    keeps those quotations, joined, without the quote marks; the frame is the reporter's. One that
    reports the speaker's views or findings in indirect speech keeps them after the frame
    (``reported_view``) while ``views`` holds, that is until the speech has come to its proposals:
    what the reporter adds after them ("张三还表示，将持续关注……") closes the report. One that
    reports proposals without quoting them keeps them from the verb on (``reported_proposal``). An
    interview answer keeps its words without the speaker's name ("张三：…").
    """
    if _interviewers_turn(text):
        return ""
    text = _without_speaker_prefix(text, proposer)
    if not is_narration(text, proposer):
        return text
    name = proposer.name if proposer else None
    if _third_person(name).search(_outside_quotes(text)) is None:
        return ""
    quoted = quoted_speech(text)
    if quoted:
        after = _after_last_quote(text)
        reported = reported_view(after, name) if views and after else ""
        return "".join(quoted) + reported  # "“……”张三说。张三告诉记者，……": the quote, then the view
    return reported_words(text, name) or (reported_view(text, name) if views else "") or reported_proposal(text, name)


def _after_last_quote(text: str) -> str:
    """What follows the paragraph's last quotation of speech (a clause or longer)."""
    ends = [match.end() for match in QUOTE_RE.finditer(text)
            if QUOTE_CLAUSE.search(match.group(0)) or len(match.group(0)) - 2 >= QUOTE_MIN_CHARS]
    return text[ends[-1] :] if ends else text


@lru_cache(maxsize=256)
def _opening_report(name: str) -> re.Pattern[str]:
    """A paragraph's opening frame naming the speaker as the subject of a verb of saying and a
    pause: "张三认为，", "某某市委会提出，", "张三（roles）提出，", "张三委员建议：" (minutes, round-ups)."""
    cues = narration_cues()
    verb = "|".join(re.escape(v) for v in sorted(cues["verb"], key=len, reverse=True))
    marker = "|".join(re.escape(m) for m in name_markers())
    return re.compile(rf"^{re.escape(name)}(?:[（(][^（）()]{{1,60}}[）)])?(?:{marker})?(?:{verb})[，,：:]")


def reported_words(text: str, name: str | None) -> str:
    """What a paragraph that opens by naming the speaker as the one saying it reports
    ("民建某市委会提出，冷链企业……。建议：一是……" → "冷链企业……。建议：一是……"): the speaker's
    words in indirect speech, the opening frame being the reporter's; else nothing."""
    match = _opening_report(name).match(text) if name else None
    return text[match.end() :].lstrip(SPACE_CHARS) if match else ""


@lru_cache(maxsize=256)
def _proposing(name: str | None) -> re.Pattern[str]:
    """The speaker (他, 她, the proposer's name, "张委员") closely followed by a proposing verb (after
    a count of proposals, if any) and a pause."""
    verb = "|".join(re.escape(v) for v in narration_cues()["proposing"])
    return re.compile(
        rf"(?:{_subjects(name)})[^，。；：“”]{{0,{NARRATION_REACH}}}?{PROPOSAL_COUNT}(?P<verb>{verb})[，,：:]"
    )


@lru_cache(maxsize=256)
def _reporting_frame(name: str | None) -> re.Pattern[str]:
    """The reporter's frame around the speaker's reported views: the speaker as subject, a short
    frame, a verb of saying or finding and a pause ("张委员在调研中发现，", "她认为，",
    "王某在接受记者采访时表示，", "他告诉记者，")."""
    cues = narration_cues()
    verb = "|".join(re.escape(v) for v in sorted(cues["verb"], key=len, reverse=True))
    listener = "|".join(re.escape(w) for w in sorted(cues["reporter"], key=len, reverse=True))
    return re.compile(
        rf"(?:{_subjects(name)})[^，。；：“”]{{0,{SAYING_FRAME}}}?(?P<verb>{verb})(?:本报|我们|{listener})?[，,：:]"
    )


def reported_view(text: str, name: str | None) -> str:
    """What a reporter's paragraph reports the speaker as saying or finding, from the first frame
    that names the speaker as the one who says or finds it ("记者了解到，张委员在调研中发现，X。
    为此，他建议：一是……" → "X。为此，建议：一是……"); what comes before that frame is the
    reporter's. The speaker's views in indirect speech belong to the speech, and so do the
    entities they name. A frame whose verb proposes keeps the verb ("建议：一是……"), as
    ``reported_proposal`` does; later frames lose their subject. Nothing when no frame is found
    or the paragraph quotes the speaker (quotations are taken instead)."""
    if quoted_speech(text):
        return ""
    match = _reporting_frame(name).search(text)
    if match is None:
        return ""
    proposing = match["verb"] in narration_cues()["proposing"]
    rest = text[match.start("verb") :] if proposing else text[match.end() :]
    return _without_later_subjects(rest.lstrip(SPACE_CHARS), name)


def _without_later_subjects(text: str, name: str | None) -> str:
    """Reported words with the speaker dropped before a later proposing verb ("为此，他建议：" →
    "为此，建议："), as a speech words it."""
    return _proposing(name).sub(lambda m: m.group(0)[m.start("verb") - m.start() :], text)


PROPOSAL_COUNT = r"(?:(?:提出|提了|给出)?[几一二三四五六七八九十两\d]{1,2}(?:点|条|项|个方面的?))?"
"""A count announced before the proposing verb ("他提出三条建议：")."""


def reported_proposal(text: str, name: str | None) -> str:
    """A reporter's paragraph that reports the speaker's proposals without quoting them
    ("对此，张三建议：一是……"): the proposal from the verb on ("建议：一是……"), else nothing.
    Quoted terms inside it (“物业+社区”) do not matter; quoted speech is taken instead."""
    if quoted_speech(text):
        return ""
    match = _proposing(name).search(text)
    return text[match.start("verb") :] if match else ""


# --- traditional characters ---------------------------------------------------------------------

TRADITIONAL_SHARE = 0.15
"""Share of Han characters that must be traditional forms for a text to be read as traditional:
running traditional text has about a third, a simplified one at most a stray one (著名, 乾坤)."""


@cache
def traditional_table() -> dict[str, str]:
    """Traditional character → the simplified one it folds to (ingest_traditional.tsv)."""
    return dict(line.split("\t", 1) for line in _lines("ingest_traditional.tsv"))


@cache
def folded_targets() -> frozenset[str]:
    """The simplified characters traditional ones fold to."""
    return frozenset(traditional_table().values())


def is_traditional(text: str) -> bool:
    """True when the text is written in traditional characters (enough of its Han characters
    are ones simplified writing replaces)."""
    han = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    table = traditional_table()
    return bool(han) and sum(char in table for char in han) >= TRADITIONAL_SHARE * len(han)


def fold_characters(text: str) -> str:
    """``text`` with every traditional character folded to its simplified one (one for one),
    however few there are (``fold_traditional`` folds only a text written in traditional ones)."""
    table = traditional_table()
    return "".join(table.get(char, char) for char in text)


def fold_traditional(text: str) -> tuple[str, dict[str, str]]:
    """A traditional text folded to simplified characters, one for one (offsets hold), with the
    table that puts the printed characters back (see ``restore_characters``); a text not in
    traditional characters comes back as it is, with an empty table.

    The table maps a folded character to the printed one; where the text printed several
    characters that fold to one (發展 and 銀髮 both give 发), it maps the folded character with
    its neighbour (展 after 发, 银 before it) to the one printed there.

    >>> fold_traditional("關於建議")
    ('关于建议', {'关': '關', '于': '於', '议': '議'})
    """
    if not is_traditional(text):
        return text, {}
    targets = folded_targets()
    folded = fold_characters(text)
    origins: dict[str, dict[str, int]] = {}
    for printed, read in zip(text, folded):
        if printed != read or read in targets:
            counts = origins.setdefault(read, {})
            counts[printed] = counts.get(printed, 0) + 1
    back = {read: max(counts, key=counts.__getitem__) for read, counts in origins.items()}
    back.update(_in_context(text, folded, {read for read, counts in origins.items() if len(counts) > 1}))
    return folded, {read: printed for read, printed in back.items() if read != printed or len(read) > 1}


def _in_context(text: str, folded: str, ambiguous: set[str]) -> dict[str, str]:
    """For folded characters c printed in more than one way: ">xc" (c after x) and "<cx" (c
    before x) mapped to the character printed there."""
    found: dict[str, str] = {}
    for index, read in enumerate(folded):
        if read not in ambiguous:
            continue
        if index > 0:
            found.setdefault(">" + folded[index - 1] + read, text[index])
        if index + 1 < len(folded):
            found.setdefault("<" + read + folded[index + 1], text[index])
    return found


def restore_characters(text: str, back: dict[str, str]) -> str:
    """Text read from a folded copy with the characters printed in the source put back; a
    character folded from several is put back by its neighbours where they tell."""
    if not back:
        return text
    restored = []
    for index, char in enumerate(text):
        before = back.get(">" + text[index - 1] + char) if index else None
        after = back.get("<" + char + text[index + 1]) if index + 1 < len(text) else None
        restored.append(before or after or back.get(char, char))
    return "".join(restored)
