"""Single speeches: one speech from any paper or site, whatever sits around it.

Its top may hold labels and column names, web page furniture (breadcrumbs, navigation bars, rows
of buttons), a proposal form's caption and header fields (案由, 提案人, 工作单位及职务, 日期;
``ingest_fields.txt``), a web page's date-and-source line, a headline over one or two lines or a
"proposer：title" line, "——" subtitles (which may name the speaker and the occasion), a date,
bylines and a proposer line; its end may hold an attribution ("——roles name"), a proposer line in
brackets or bare as a signature, an author's note ("（作者系…）") and trailing fields.

A caption over fields that give no title ("节目名" over "播出时间：…　频道：…"; "社情民意信息 / 第27期"
with the issuer and date) gives way to the headline under them; lines in Latin letters under a
Chinese headline are its translation. A transcript naming no one at its top is filed under the
one who answers ("张三：…" twice or more), with the roles the host introduces them by.

A copy may come inside its carrier: an e-mail's header block, or whatever stands above a Markdown
copy's first "# " heading, is dropped. A reply to a proposal ("……的答复函") keeps its issuer's line in
its title, is filed under the proposer its salutation addresses ("张三委员："), and keeps only what
comes before the issuer's answer ("现答复如下"); a report on the handling of a numbered proposal
("……第N号提案办理情况的报告") is filed under the author it names ("由张三委员提出的《…》") and
keeps, of the issuer's account, only the section that restates the proposal. A press conference
is filed under the member who answers ("张三委员（roles）：…"), never under an interviewer's tag
("主持人（roles name）：", "某某日报记者：").

The proposer named at the top is completed by the roles of a closing attribution, an author's
note, a roles field, or the reporter's introduction that names the same person. A report that
names no one at the top gives its speaker by introducing a person with roles who then speaks, or
by a body that proposes ("某某委会建议：…").

The page reader (``layout``) shares line splitting, headlines, fields, attributions and the
speaker's text with this module; this module depends on it, never the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from policykg.extract.layout import (
    BARE_NAME_MIN_CHARS,
    BILINGUAL_LABEL_RE,
    TRANSLATED_TAIL_RE,
    DASH_RE,
    INTRO_CUT_RE,
    KICKER_RE,
    introduction,
    after_copula,
    LABEL_RE,
    MAX_HEADLINE_LINES,
    NARRATION_REACH,
    SPACE_CHARS,
    SPACES_RE,
    Line,
    SpeechLayout,
    is_ornamented_column,
    named_author_note,
    date_line,
    ends_sentence,
    field_of,
    header_line_fields,
    is_byline,
    is_headline,
    is_document_number,
    is_date_line,
    is_label,
    is_letter_closing,
    is_masthead_line,
    is_note,
    iso_date,
    join_headline,
    merge_proposers,
    narration_cues,
    sections,
    split_proposer_colon,
    split_speech_of,
    strip_label,
    subtitle_proposer,
    trailing_attribution,
    width,
    without_carrier,
    blank_lines_are_noise,
    is_interviewer_head,
    numbered_headline,
    roles_with_unit,
    unit_and_roles,
)
from policykg.extract.proposer import (
    ET_AL,
    has_role,
    is_bare_name,
    is_name,
    parse_proposer_line,
    parse_proposer_text,
    person,
    strip_name_marker,
)
from policykg.extract.recommendations import starts_with_marker
from policykg.extract.records import Proposer

FRONT_MATTER_MAX = 6
PAUSES = re.compile(r"[，,；;：:]")
HEADLINE_SHORTFALL = 4.0
HEADLINE_PART_MIN = 4.0
BREADCRUMB_RE = re.compile(r"^[^。，,>＞»›]{1,20}(?:\s*[>＞»›]\s*[^。，,>＞»›]{1,20}){1,6}$")
MENU_RE = re.compile(r"^[^。，,：:|｜]{2,8}(?:\s*[|｜]\s*[^。，,：:|｜]{2,8}){2,}\s*[|｜]?$")
"""A navigation bar: three or more short items between bars ("首页 | 新闻 | 图片")."""
PAGER_RE = re.compile(r"^(?:(?:第\s*\d{1,3}\s*页|上一页|下一页|首页|尾页|末页|\d{1,3})[\s\u3000]*){2,}$")
"""A row of page links under an article split over pages ("第1页　第2页　下一页")."""
FOLIO_RE = re.compile(
    r"^(?:第\s*\d{1,4}\s*页\s*[,，/／]?\s*共\s*\d{1,4}\s*页|[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}\s*[/／]\s*\d{1,4})$"
)
"""A page's folio in a copy of a paged document ("第 3 页 共 5 页", "- 3 -", "3/5"): never text."""
QUOTES_RE = re.compile(r"[“”‘’「」\"']")
"""Quotes around a button's name ("点击“阅读原文”"), ignored when matching furniture cues."""
FRAME_CHARS = "—-–― \u3000"
"""Dashes and spaces framing a web page's line ("— END —")."""
BUTTONS_RE = re.compile(r"^(?:[【\[［][^】\]］]{1,8}[】\]］]\s*){2,}$")
"""A row of bracketed links ("【打印本页】 【关闭窗口】"): buttons, never a section label."""


def introduced_in_text(proposer: Proposer | None, lines: list[Line]) -> Proposer | None:
    """A person named without roles, completed by the roles the text introduces them with.

    Reporters introduce the speaker once in full ("…全国政协委员、某某大学校长张三近日表示"): the
    roles run on into the same name after a pause or the start of a line are the speaker's.
    """
    if proposer is None or proposer.kind != "person" or proposer.roles:
        return proposer
    return introduction("".join(line.text for line in lines), proposer.name) or proposer


def reported_speaker(lines: list[Line]) -> Proposer | None:
    """The person a report introduces with roles and then quotes or cites, when no one else is named.

    A news report names its speaker only in its narration: "……，市政协委员、某某医院副院长张三
    这样说" and later "张三建议，一是……". A clause holding roles run on into a name is the
    introduction when that name speaks (a verb of saying follows it) somewhere in the text.
    """
    text = "".join(line.text for line in lines)
    clauses = INTRO_CUT_RE.split(text)
    for clause in clauses:
        found = _introduction(clause, text.replace(clause, ""))
        if found is not None:
            return found
    return next((found for clause in clauses if (found := _proposing_subject(clause))), None)


MIN_ANSWERS = 2


def answering_speaker(lines: list[Line]) -> Proposer | None:
    """The person who answers in a transcript that names no one at its top: the one bare name
    that opens two or more lines as its speaker ("周某某：……", also from a tag "【周某某】"), else,
    when the answers are tagged by the guest's part ("嘉宾：……"), the person the host introduces; the
    interviewer's lines ("主持人：…") name no one."""
    counts: dict[str, int] = {}
    for line in lines:
        name = _answering_name(line.text)
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
    names = [name for name, count in counts.items() if count >= MIN_ANSWERS]
    if len(names) == 1:
        return _with_tagged_roles(lines, names[0]) or person(names[0])
    guest = sum(_guest_re().match(line.text) is not None for line in lines) >= MIN_ANSWERS
    if guest and not names:
        return _first_introduced(lines)
    return None if names else _answer_with_roles(lines)


SPEAKER_HEAD_RE = re.compile(r"^(?P<name>[^：:，,。（()）\s]{2,6})\s*(?:[（(](?P<roles>[^（()）]{2,60})[）)])?\s*[：:]")
"""A transcript's speaker before the colon: a name, perhaps marked (张三委员), perhaps with roles
in brackets ("张三委员（市政协委员、某某学院院长）：")."""


def _answering_name(text: str) -> str | None:
    """The bare name a transcript's line opens with as its speaker ("张三：", "张三委员：",
    "张三委员（roles）："), or None."""
    match = SPEAKER_HEAD_RE.match(text)
    if match is None:
        return None
    name = strip_name_marker(match["name"])
    return name if is_bare_name(name) else None


def _with_tagged_roles(lines: list[Line], name: str) -> Proposer | None:
    """The person ``name`` with the roles a speaker tag of theirs gives in brackets
    ("张三委员（市政协委员、某某学院院长）："), or None when no tag gives any."""
    for line in lines:
        match = SPEAKER_HEAD_RE.match(line.text)
        if match is not None and match["roles"] and strip_name_marker(match["name"]) == name:
            found = parse_proposer_line(f"{name}（{match['roles']}）", loose=True)
            if found is not None and found.name == name and found.roles:
                return found
    return None


def _answer_with_roles(lines: list[Line]) -> Proposer | None:
    """The person of the first answer opened by roles and name before a colon, as a transcript
    names its guest at the first answer ("全国政协委员、某某医院院长　张三：我关注的是……"); an
    interviewer's tag ("主持人（roles name）：") names no guest."""
    for line in lines:
        head, colon, said = line.text.partition("：") if "：" in line.text else line.text.partition(":")
        if not colon or not said.strip(SPACE_CHARS) or field_of(line.text) is not None:
            continue
        if is_interviewer_head(head):
            continue
        found = parse_proposer_line(head)
        if found is not None and found.kind == "person" and found.roles:
            return found
    return None


@cache
def _guest_re() -> re.Pattern[str]:
    """An answer tagged by the guest's part rather than a name ("嘉宾：……", "答：……"; [guest] in
    ingest_narration.txt)."""
    words = "|".join(map(re.escape, narration_cues().get("guest", ())))
    return re.compile(rf"^(?:{words})[：:]")


def _first_introduced(lines: list[Line]) -> Proposer | None:
    """The first person the text introduces by roles run on into a name, after a copula if any
    ("今天的嘉宾是市政协委员、某某主任张三"): the guest a transcript's host presents."""
    for clause in INTRO_CUT_RE.split("".join(line.text for line in lines)):
        for roles in after_copula(clause):
            found = parse_proposer_line(roles, loose=True) if has_role(roles) else None
            if found is not None and found.kind == "person" and found.roles:
                return found
    return None


def _proposing_subject(clause: str) -> Proposer | None:
    """The body or person a clause ends by proposing ("九三学社某市委会建议" → 九三学社某市委会).

    A report may name a body only as the subject of its proposals; the subject must read as a
    proposer line on its own (a body's name, or roles and a name).
    """
    for verb in narration_cues()["proposing"]:
        if clause.endswith(verb) and len(clause) > len(verb):
            return parse_proposer_line(clause[: -len(verb)])
    return None


def _introduction(clause: str, elsewhere: str) -> Proposer | None:
    """The person of the longest start of a clause that reads as roles run on into a name, or as
    the lead of joint proposers ("张三、李四等5位委员联名提出"), who speaks ``elsewhere`` (the rest
    of the text)."""
    if not has_role(clause):
        return None
    for end in range(len(clause), 2, -1):
        found = parse_proposer_line(clause[:end])
        joint = ET_AL.search(clause[:end]) is not None
        if found is not None and found.kind == "person" and (found.roles or joint):
            if _speaks(found.name).search(elsewhere):
                return found
    return None


@lru_cache(maxsize=256)
def _speaks(name: str) -> re.Pattern[str]:
    """The name itself (not a pronoun) closely followed by a verb of saying."""
    verb = "|".join(re.escape(v) for v in narration_cues()["verb"])
    return re.compile(rf"{re.escape(name)}[^，。；：“”]{{0,{NARRATION_REACH}}}?(?:{verb})")


@dataclass
class _Front:
    """What the lines at the top (and the field lines at the end) of a single speech said."""

    title: str = ""
    proposer: Proposer | None = None
    author: str | None = None
    author_roles: str | None = None
    unit: str | None = None
    reply: bool = False

    def roles(self) -> str | None:
        """The roles given for the author, with the unit field restored where a title stands
        alone ("作者单位：某某大学" + "职务：副校长、市政协常委" → "某某大学副校长、市政协常委";
        see ``roles_with_unit``)."""
        if not self.author_roles:
            return self.author_roles
        return roles_with_unit(self.unit, self.author_roles)
    date: str | None = None

    def with_note_roles(self, proposer: Proposer | None) -> Proposer | None:
        """A person named without roles, given the roles of the author's note when there is one."""
        if proposer is None or proposer.kind != "person" or proposer.roles or not self.roles():
            return proposer
        return person(proposer.name, self.roles())

    def author_proposer(self) -> Proposer | None:
        """The author as proposer (with the roles of an author's note), when one is named."""
        if self.author is None:
            return None
        if self.roles() and is_name(strip_name_marker(self.author)):
            return person(strip_name_marker(self.author), self.roles())
        return parse_proposer_text(self.author)


def _read_fields(lines: list[Line], front: _Front) -> list[Line]:
    """Consume leading header field lines (proposal layout), filling ``front``."""
    while lines:
        found = header_line_fields(lines[0].text)
        if found is None:
            break
        for kind, value in found:
            _apply_field(front, kind, value)
        lines = lines[1:]
    return lines


def _without_form_caption(lines: list[Line]) -> list[Line]:
    """Lines from the header fields on, when a form's caption stands above a title field.

    A proposal form is headed by what it is and its number ("某某会议提案", "第0318号") before the
    fields "案由：…", "提案人：…": when a title field follows within a few headline-like lines,
    those lines are the form's caption, not the speech's headline. When a proposer field follows
    instead, the headline is the block of lines just above the fields and the blocks before it
    are the caption ("某某会议 / 代表建议 / 第0123号", blank, "关于……的建议", "领衔代表：…").
    """
    for index, line in enumerate(lines[:FRONT_MATTER_MAX]):
        found = header_line_fields(line.text)
        if found is not None:
            kinds = {kind for kind, _ in found}
            if kinds == {"skip"} and _title_field_follows(lines, index):
                continue  # "案号：第0087号" over "标题：…": the form's number, its fields go on
            if "title" in kinds and index:
                return lines[index:]
            if "proposer" in _field_run_kinds(lines, index) and index:
                return lines[_block_start(lines, index - 1) :]  # the headline's block on
            if index and _headline_after_fields(lines, index):
                return lines[index:]  # "节目名 / 播出时间：…　频道：… / 标题": the caption goes
            return lines
        if not (is_headline(line.text) or is_masthead_line(line.text)):
            return lines  # a caption may hold its issuer and date ("某某办公厅　2026年6月3日")
    return lines


CAPTION_MAX_LINES = 2


def _caption_above_headline(lines: list[Line]) -> int:
    """Where the headline starts when the text opens with a caption or running head set apart
    above it ("某某会议 · 书面发言", blank, "关于……的 / 建议", blank, "某某市委会"): a block of
    headline-like lines over another such block that stands directly over a proposer line; 0
    when the text does not open so (or blank lines part every line, and part no blocks)."""
    if blank_lines_are_noise(lines):
        return 0
    cut = next((i for i, line in enumerate(lines) if line.blank_before), None)
    if cut is None or not 0 < cut <= CAPTION_MAX_LINES:
        return 0
    if not all(is_headline(line.text) and not _is_front_matter(line) for line in lines[:cut]):
        return 0
    end = cut + 1
    while end < len(lines) and end - cut < MAX_HEADLINE_LINES and not lines[end].blank_before:
        end += 1
    if end >= len(lines) or not all(
        is_headline(line.text) and not ends_sentence(line.text) and not _is_front_matter(line)
        for line in lines[cut:end]
    ):
        return 0
    below = lines[end]
    return cut if _proposer_under_headline(strip_label(below.text)) is not None else 0


def _field_run_kinds(lines: list[Line], index: int) -> set[str]:
    """The kinds of the field lines that run on from index ("代表团：…" over "提出代表：…" gives
    skip and proposer): a proposer field need not be the first of them."""
    kinds: set[str] = set()
    for line in lines[index : index + FRONT_MATTER_MAX]:
        found = header_line_fields(line.text)
        if found is None:
            break
        kinds.update(kind for kind, _ in found)
    return kinds


def _title_field_follows(lines: list[Line], index: int) -> bool:
    """True when, from index on, field lines run on to a title field."""
    for line in lines[index : index + FRONT_MATTER_MAX]:
        found = header_line_fields(line.text)
        if found is None:
            return False
        if any(kind == "title" for kind, _ in found):
            return True
    return False


PROGRAMME_RE = re.compile(r"^《[^《》]{2,20}》[\u4e00-\u9fff\d\s·|｜]{0,12}$")
"""A programme's or column's name in title marks with what the text is ("《某某面对面》视频访谈")."""


def _without_programme_caption(lines: list[Line]) -> list[Line]:
    """Lines without a first line naming the programme ("《某某》访谈实录") when a headline set apart
    follows it (a block of its own, or over front matter): the caption is not the headline."""
    if len(lines) < 3 or PROGRAMME_RE.match(lines[0].text) is None:
        return lines
    headline, nxt = lines[1], lines[2]
    if headline.blank_before and _headline_follows(headline.text) and (nxt.blank_before or _is_front_matter(nxt)):
        return lines[1:]
    return lines


def _headline_after_fields(lines: list[Line], index: int) -> bool:
    """True when a headline set apart (a block of its own, or over front matter) follows the field
    lines that start at index."""
    after = index
    while after < len(lines) and header_line_fields(lines[after].text) is not None:
        after += 1
    if after >= len(lines) or not lines[after].blank_before or not _headline_follows(lines[after].text):
        return False  # a proposer line set apart under the fields ("民盟某市委会") is no headline
    nxt = lines[after + 1] if after + 1 < len(lines) else None
    return nxt is not None and (nxt.blank_before or _is_front_matter(nxt))


def _block_start(lines: list[Line], index: int) -> int:
    """Index of the first line of the block (lines with no blank between) holding line index."""
    while index > 0 and not lines[index].blank_before:
        index -= 1
    return index


def _apply_field(front: _Front, kind: str, value: str) -> None:
    """Record one header field; the first of each kind wins."""
    if not value:
        return
    if kind == "title" and not front.title:
        front.title = value
    elif kind == "proposer" and front.proposer is None:
        front.proposer = parse_proposer_text(value)
    elif kind == "author" and front.author is None:
        front.author = value
    elif kind == "roles" and front.author_roles is None:
        front.author_roles = value
    elif kind == "unit" and front.unit is None:
        unit, roles = unit_and_roles(value)
        front.unit = unit
        if roles and front.author_roles is None:
            front.author_roles = roles
    elif kind == "date" and front.date is None:
        front.date = iso_date(value)


def _headline(lines: list[Line], front: _Front) -> list[Line] | None:
    """Consume the title line(s); None when the text does not open with a headline.

    A proposer line may come first, above the headline ("民盟某某省委会 / 关于……的建议"), with a
    date line between them ("某某委员　张三 / 2026年1月 / 关于……的建议"); above a
    reply's headline, the body's name is the issuer's and belongs to the title (see ``is_reply``).
    """
    if len(lines) > 1 and is_reply(lines[1].text) and not is_reply(lines[0].text):
        issuer = parse_proposer_line(lines[0].text)
        if issuer is not None and issuer.kind == "organization":
            front.title, front.reply = join_headline([lines[0].text, lines[1].text]), True
            return lines[2:]
    dated = 1 if len(lines) > 2 and is_date_line(lines[1].text) else 0  # "roles name / 2026年1月 / 标题"
    if len(lines) > 1 + dated and is_headline(lines[1 + dated].text) and not _is_front_matter(lines[1 + dated]):
        above = parse_proposer_line(lines[0].text)
        if above is not None:
            front.date = front.date or (date_line(lines[1].text) if dated else None)
            front.proposer, lines = above, lines[1 + dated :]
    if len(lines) > 1 and is_translation(lines[0].text) and is_headline(lines[1].text):
        lines = lines[1:]  # a headline's translation set above it ("Building … / 建设……")
    first, rest = replace(lines[0], blank_before=False), lines[1:]  # what stood above it is gone
    opening = KICKER_RE.sub("", first.text)  # "委员风采 | 张三：标题": the column's name goes first
    wrapped = WRAPPED_LINE_RE.match(opening)
    if wrapped is not None and split_proposer_colon(wrapped.group(1), loose=True) is not None:
        opening = wrapped.group(1)  # "【全国政协委员张三：标题】": a post's headline in brackets
    split = split_speech_of(opening) or split_proposer_colon(opening, loose=True)
    if split is not None:
        front.proposer, front.title = split
        if not front.title and rest and is_headline(rest[0].text):
            front.title, rest = rest[0].text, rest[1:]
        return rest if front.title else None
    translated = _translated_headline(lines) and is_headline(TRANSLATED_TAIL_RE.sub("", first.text))
    if not is_headline(first.text) and not translated:
        return None
    parts = [first.text]
    while rest and len(parts) < MAX_HEADLINE_LINES and _continues_headline(first, rest):
        parts.append(rest[0].text)
        rest = rest[1:]
    front.title = join_headline(parts)
    front.reply = is_reply(front.title)
    return rest


@cache
def reply_cues() -> dict[str, tuple[str, ...]]:
    """Endings of a reply's headline and openers of its salutation (ingest_replies.txt)."""
    return sections("ingest_replies.txt")


WRAPPED_LINE_RE = re.compile(r"^[【\[［]([^【】\[\]［］]{4,80})[】\]］]$")
"""A line wholly in square brackets, as posts set their headline."""


PROPOSAL_REF_RE = re.compile(r"第\s*[A-Za-z]{0,3}\d{1,6}\s*号(?:提案|建议|议案)")
"""A proposal named by its number ("第0412号提案", "第15号建议")."""


def is_reply(title: str) -> bool:
    """True for the headline of a reply to a proposal ("关于第0256号提案的答复函"), or of a report
    on the handling of one named by its number ("关于第0412号提案办理进展情况的报告")."""
    if title.endswith(reply_cues()["title"]):
        return True
    return PROPOSAL_REF_RE.search(title) is not None and title.endswith(reply_cues().get("handling", ()))


AUTHOR_OF_PROPOSAL_RE = re.compile(r"(?:^|[，。；：,;:\s])(?:由)?(?P<who>[^，。；：,;:“”《》\s]{2,40}?)(?:所|领衔|联名)?提出的《")
"""The one a reply or report names as the author of the proposal it quotes ("由张三委员提出的《…》")."""


def proposal_author(lines: list[Line]) -> Proposer | None:
    """The proposer a reply or handling report names as the author of the proposal whose title it
    quotes ("由张三委员提出的《……》", "民盟某市委会提出的《……》"); None for "您提出的" (the addressee)."""
    for line in lines[:FRONT_MATTER_MAX]:
        for match in AUTHOR_OF_PROPOSAL_RE.finditer(line.text):
            found = parse_proposer_line(match["who"], loose=True)
            if found is not None:
                return found
    return None


def before_answer(lines: list[Line]) -> list[Line]:
    """A reply's lines up to its answer ("……收悉。现答复如下：" and what follows): the proposal
    it quotes is the proposer's; the issuer's account of what it did is not."""
    cues = reply_cues().get("answer", ())
    for index, line in enumerate(lines):
        found = [pos for cue in cues if (pos := line.text.find(cue)) >= 0]
        if (match := REPORT_CUE_RE.search(line.text)) is not None:
            found.append(match.start())
        at = min(found, default=-1)
        if at >= 0:
            head = _before_sentence(line.text[:at])
            return lines[:index] + ([replace(line, text=head)] if head else []) + _proposal_section(lines[index + 1 :])
    return lines


REPORT_CUE_RE = re.compile(r"现将[^。；：:]{0,24}?(?:报告|函复|答复|汇报|通报|说明)如下")
"""The issuer's account announced ("现将办理进展情况报告如下："): what follows is the issuer's,
save a section that restates the proposal (``_proposal_section``)."""


def _proposal_section(lines: list[Line]) -> list[Line]:
    """The section of an issuer's account that restates the proposal: from a numbered heading
    that names the proposal ("一、提案主要内容", "（一）主要建议") to the next heading numbered alike;
    none when the account has no such section."""
    for index, line in enumerate(lines):
        marker = starts_with_marker(line.text)
        heading = numbered_headline(line.text) if marker else None
        if heading is None or not any(word in heading for word in PROPOSAL_WORDS):
            continue
        end = index + 1
        while end < len(lines):
            other = starts_with_marker(lines[end].text)
            if other is not None and other.kind == marker.kind and numbered_headline(lines[end].text):
                break
            end += 1
        return lines[index + 1 : end]
    return []


PROPOSAL_WORDS = ("提案", "建议", "议案")
"""Words by which a section heading names the proposal itself."""


def _before_sentence(text: str) -> str:
    """Text up to the end of its last finished sentence ("……很有帮助。经认真研究，" → "……很有帮助。");
    the text without its trailing pause when no sentence ends in it ("……收悉，" → "……收悉")."""
    end = max(text.rfind(mark) for mark in "。！？；")
    return text[: end + 1] if end >= 0 else text.rstrip(SPACE_CHARS + "，,")


SALUTATION_MAX = 12.0


def _is_salutation(text: str) -> bool:
    """True for a letter's salutation line ("编辑同志：", "尊敬的各位委员："): short, closed by a
    colon, and naming no field."""
    return text.endswith(("：", ":")) and width(text) <= SALUTATION_MAX and field_of(text) is None


def strip_brackets(text: str) -> str:
    """A label's words without its brackets ("【委员来信】" → "委员来信")."""
    match = LABEL_RE.match(text)
    return match.group(1).strip(SPACE_CHARS) if match is not None and match.end() == len(text) else text


def addressee(text: str) -> Proposer | None:
    """The one a salutation line addresses ("张三委员：", "尊敬的某某市委会："), or None."""
    if not text.endswith(("：", ":")):
        return None
    who = text[:-1].strip(SPACE_CHARS)
    for opener in reply_cues().get("salutation", ()):
        who = who.removeprefix(opener)
    return parse_proposer_line(who, loose=True) if who else None


HAN_RE = re.compile(r"[\u3400-\u9fff]")
LATIN_RE = re.compile(r"[A-Za-z]{2,}")


def is_translation(text: str) -> bool:
    """True for a line in Latin letters without a Han character: in Chinese copy, a headline's or a
    name's translation ("Deepening the integration of …"), never the speech's own text."""
    return HAN_RE.search(text) is None and LATIN_RE.search(text) is not None


def _is_front_matter(line: Line) -> bool:
    """A line that can follow a headline without being body text."""
    text = line.text
    return bool(
        is_translation(text)
        or DASH_RE.match(text)
        or date_line(text)
        or is_byline(text)
        or is_label(text)
        or header_line_fields(text)
        or _proposer_under_headline(strip_label(text))
    )


def _continues_headline(first: Line, rest: list[Line]) -> bool:
    """True when rest[0] is the second line of a headline printed over two lines.

    It must be headline-like, set directly under the first line, not front matter, and be followed
    by front matter (a proposer, subtitle, date or byline line) or by a blank line.
    """
    line = rest[0]
    if line.blank_before or first.blank_before or not is_headline(line.text) or _is_front_matter(line):
        return False
    if is_translation(line.text) and not is_translation(first.text):
        return False  # a headline's translation under it ("Deepening …") is not its second line
    if ends_sentence(line.text):
        return False
    if len(rest) == 1:
        return False
    return rest[1].blank_before or _is_front_matter(rest[1]) or _short_before_body(line, rest[1])


def _short_before_body(line: Line, nxt: Line) -> bool:
    """True when a headline-like line without pauses is clearly shorter than the body line after it.

    The first line of a body runs to the column (or is a long paragraph) and pauses; the second
    line of a headline is short and does not ("关于加快发展 / 银发经济的建议 / 我省老龄化……").
    """
    if PAUSES.search(line.text) or width(line.text) < HEADLINE_PART_MIN:
        return False
    return width(line.text) <= width(nxt.text) - HEADLINE_SHORTFALL and bool(PAUSES.search(nxt.text))


def _translated_headline(lines: list[Line]) -> bool:
    """True when the first line, shaped like a column's name in two languages ("让城市更宜居 |
    Making Cities Livable"), is a short headline with its translation: a proposer line or the
    body stands directly under it, never a headline as under a column's name."""
    first = lines[0].text
    if BILINGUAL_LABEL_RE.match(first) is None or LABEL_RE.match(first) or len(lines) < 2:
        return False
    under = lines[1]
    return _proposer_under_headline(strip_label(under.text)) is not None or ends_sentence(under.text)


def _proposer_under_headline(text: str) -> Proposer | None:
    """A proposer line under a headline, or a line that is only a name ("王建国", "王　芳").

    A two-character bare name counts only when typesetting spread it apart, as it does to align
    it with three-character names: "成效" or "方法" alone is a heading, not a person.
    """
    found = parse_proposer_line(text)
    name = SPACES_RE.sub("", text)
    if found is None and is_bare_name(name) and (len(name) >= BARE_NAME_MIN_CHARS or name != text):
        return person(name)
    return found


def _front_matter(lines: list[Line], front: _Front) -> list[Line]:
    """Consume subtitle, date, byline, label, field and proposer lines under the headline."""
    for _ in range(FRONT_MATTER_MAX):
        if not lines:
            break
        text = lines[0].text
        found = header_line_fields(text)
        if found is not None:
            for kind, value in found:
                _apply_field(front, kind, value)
        elif (date := date_line(text)) is not None:
            front.date = front.date or date
        elif is_byline(text) or is_label(text) or is_document_number(text) or is_translation(text):
            pass
        elif front.reply and front.proposer is None and (to := addressee(text)) is not None:
            front.proposer = to  # a reply is filed under the proposal's proposer, whom it addresses
        elif DASH_RE.match(text):
            front.proposer = front.proposer or subtitle_proposer(text)  # else a plain subtitle
        elif front.proposer is None and (found_proposer := _proposer_under_headline(strip_label(text))):
            front.proposer = found_proposer  # bare, or after a label ("【委员名片】张三，roles")
        else:
            break
        lines = lines[1:]
    return lines


def _trailing_fields(lines: list[Line], front: _Front) -> list[Line]:
    """Consume header field lines at the end of the body ("附议人：…", "提案人：…", also in brackets:
    "（联系人：…）") and date lines, filling ``front``."""
    while lines:
        text = lines[-1].text
        if (note := named_author_note(text)) is not None:
            front.author = front.author or note[0]
            front.author_roles = front.author_roles or note[1]
        elif is_date_line(text):
            front.date = front.date or date_line(text)  # the date a text is signed on
        elif (found := header_line_fields(text) or header_line_fields(text.strip("（()）"))) is not None:
            for kind, value in found:
                _apply_field(front, kind, value)
        else:
            break
        lines = lines[:-1]
    return lines


@cache
def web_furniture() -> dict[str, tuple[str, ...]]:
    """Openers of web page lines that are not the article: [line] dropped, [cut] ends it."""
    return sections("ingest_web_furniture.txt")


def is_navigation(text: str) -> bool:
    """True for a breadcrumb, a navigation bar, a row of bracketed buttons or of page links."""
    return any(pattern.match(text) for pattern in (BREADCRUMB_RE, MENU_RE, BUTTONS_RE, PAGER_RE))


def without_running_head(lines: list[Line]) -> list[Line]:
    """Lines without a running head: the first line, when it comes back word for word further
    down (each page of a paged copy repeats it), is furniture where it comes back. At the top it
    goes too when a headline still follows it; a running head that is the title itself (followed
    by the proposer or a field) stays there as the headline."""
    if not lines or ends_sentence(lines[0].text):
        return lines
    head = lines[0].text
    again = [index for index, line in enumerate(lines) if index and line.text == head]
    if not any(_text_after(lines[index + 1 :]) for index in again):
        return lines  # a line that comes back only to sign off (an issuer over its date) is no head
    kept = [line for line in lines[1:] if line.text != head]
    return kept if kept and _headline_follows(kept[0].text) else [lines[0], *kept]


def _text_after(lines: list[Line]) -> bool:
    """True when running text follows: some line that is not a date, a note or a folio."""
    return any(not (date_line(line.text) or is_note(line.text) or FOLIO_RE.match(line.text))
               for line in lines)


def _headline_follows(text: str) -> bool:
    """True for a line that can open a speech as its headline: not a proposer line or a field."""
    return is_headline(text) and field_of(text) is None and parse_proposer_line(text) is None


def without_web_furniture(lines: list[Line]) -> list[Line]:
    """Lines of a web page without breadcrumbs, share and print links, calls to follow, and
    related-article lists; of a paged copy without its running head and folios; and of a Markdown
    copy without what stands above its title (see ``without_carrier``)."""
    cues = web_furniture()
    kept: list[Line] = []
    for line in without_running_head(without_carrier(lines)):
        text = QUOTES_RE.sub("", line.text.strip(FRAME_CHARS))
        if text.startswith(cues.get("cut", ())) and kept:
            break
        furniture = text.startswith(cues.get("line", ())) or is_navigation(line.text)
        if not (furniture or FOLIO_RE.match(line.text) or is_letter_closing(line.text)):
            kept.append(line)
    return kept


POST_STAMP_RE = re.compile(r"\d{1,2}[:：]\d{2}|发表于|发布于")
ACCOUNT_MAX_WIDTH = 16


def _without_post_masthead(lines: list[Line]) -> list[Line]:
    """Lines without a post's masthead: the account's name over the post's stamp, a date with its
    clock time or where it was posted ("某某政协 / 2026-04-18 09:12 发表于某地"). The account
    publishes the post; it is not the proposer a name over a bare date would be."""
    if len(lines) < 3 or lines[1].blank_before or width(lines[0].text) > ACCOUNT_MAX_WIDTH:
        return lines
    stamp = lines[1].text
    if date_line(stamp) is None or POST_STAMP_RE.search(stamp) is None or PAUSES.search(lines[0].text):
        return lines
    return lines[2:]


def _ornamented_column(lines: list[Line]) -> bool:
    """True when lines[0] is a column's name set off by an ornament over the headline under it."""
    return len(lines) > 1 and is_ornamented_column(lines[0], lines[1])


def single_speech(lines: list[Line]) -> SpeechLayout | None:
    """A single speech in any supported layout; None without a headline or title field.

    The top may hold section labels (【委员声音】, alone or before the headline), header fields
    ("案由：…", "提案人：…"), a headline over one or two lines or a line "某某的发言：标题" /
    "roles name：标题", then subtitles ("——…" naming no one), a date, bylines and a proposer line,
    in any order. A closing attribution ("——roles name") names the proposer or completes the
    one named at the top (see ``merge_proposers``); so does the text's own introduction of the
    speaker (see ``introduced_in_text``).
    """
    lines = _without_post_masthead(without_web_furniture(lines))
    column = None
    while lines and (is_label(lines[0].text) or _ornamented_column(lines)) and not _translated_headline(lines):
        column, lines = lines[0], lines[1:]
    letter = column is not None and bool(lines) and _is_salutation(lines[0].text)
    if lines and (label := LABEL_RE.match(lines[0].text)):
        head = lines[0]
        whole = label.end() == len(head.text)  # "【全国政协委员张三：标题】", not a label: unwrapped
        lines = [replace(head, text=label.group(1) if whole else strip_label(head.text)), *lines[1:]]
    lines = lines[_caption_above_headline(lines) :]
    if not lines:
        return None
    first_number = lines[0].number
    front = _Front()
    rest = _read_fields(_without_form_caption(_without_programme_caption(lines)), front)
    if not front.title and letter:  # "委员来信 / 编辑同志：…": a letter is titled by its column
        front.title, rest = strip_brackets(column.text), rest[1:]
    if not front.title:
        if not rest:
            return None
        rest = _headline(rest, front)
        if rest is None:
            return None
    rest = _front_matter(rest, front)
    rest = _trailing_fields(rest, front)
    closing, rest = trailing_attribution(rest, bare_names=True)
    rest = before_answer(rest) if front.reply else rest
    if front.reply:  # "由张三委员提出的《…》": the proposal's author, whoever the report is sent to
        front.proposer = proposal_author(rest) or front.proposer
    proposer = merge_proposers(front.proposer, closing) or front.author_proposer() or answering_speaker(rest)
    proposer = introduced_in_text(front.with_note_roles(proposer), rest) or reported_speaker(rest)
    return SpeechLayout(front.title, proposer, rest, first_number, front.date)
