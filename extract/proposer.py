"""Proposer lines: who delivers a speech, with roles and the organisations those roles belong to.

A proposer line names either a body ("民建重庆市委会") or a person, whose roles come before the
name ("市政协委员，江北区政协党组书记、主席 张才明") or run into it
("良渚实验室主任、浙江理工大学副校长欧阳宏伟委员"). Roles are split on "，" and "、"; a role that
leaves out its organisation takes the one named before it (江北区政协党组书记、主席 → 江北区政协主席),
and so does a unit of that organisation (市政协常委、教科卫体委副主任 → 市政协教科卫体委副主任,
which belongs to 市政协). Affiliations are the organisations of the roles: the role title is
stripped (重庆理工大学校长 → 重庆理工大学; 市政协委员 → 市政协). A role in a category rather than
one body (市属国企外部董事) keeps its role but gives no affiliation. A trailing 委员/代表 after a
name only marks membership of the meeting's body, which the line does not name, so it is neither
part of the name nor a role.

>>> p = parse_proposer_line("市政协委员，江北区政协党组书记、主席 张才明")
>>> p.name, p.roles, p.affiliations
('张才明', ['市政协委员', '江北区政协党组书记', '江北区政协主席'], ['市政协', '江北区政协'])
>>> parse_proposer_line("民建重庆市委会").kind
'organization'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from policykg.extract.records import Proposer

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
NAME_RE = re.compile(rf"[{HAN}]{{2,4}}|[{HAN}]{{1,6}}[·•．][{HAN}]{{1,8}}")
"""A personal name: 2–4 Han characters, or a transliterated name joined by a middle dot."""

SENTENCE_PUNCT = re.compile(r"[。；！？!?;]")
ROLE_SEPARATORS = re.compile(r"[，,]")
ITEM_SEPARATORS = re.compile(r"[、]")
LEADING_DASHES = re.compile(r"^[—\-–―]+\s*")
AUTHOR_MARK = re.compile(r"^(?:(?:[Bb]y|BY)(?:\s*[:：]\s*|\s+)|(?:文|作者|撰文)\s*[/／｜|]\s*)(?=[^\sA-Za-z/／｜|])")
"""The mark opening an author's byline ("By 市政协委员 张三", "文/市政协委员 张三", "作者｜张三"): not
part of the proposer line."""
SPACES = re.compile(r"[\s\u3000]+")
MAX_LINE = 80
KEY_OR_LIST = re.compile(r"[、：:]")
"""A list or a "key：value" line is never one body's name ("作者单位：某某大学")."""
KEY_VALUE = re.compile(r"[：:]")
"""A "key：value" line ("联名委员：赵甲　钱乙") is a field, never a proposer line; a colon header
("张三委员：标题") is split before its proposer part is read."""
ET_AL = re.compile(
    r"\s*(?:等\s*(?:[\d一二两三四五六七八九十]+\s*[位名个]?\s*)?(?P<who>委员|代表|人|单位)?"
    r"(?:联名|共同)?(?:提出|提交|领衔)?|(?:联名|共同)(?:提出|提交))(?:的?(?:提案|建议|议案))?$"
)
"""The tail of a joint proposer ("吴某等5位委员", "民盟某市委会等3个单位", "张三、李四等5位委员联名
提出", "张三、李四委员联名提出", "张三等"): the first listed leads; a tail counting persons (委员,
代表, 人) says the names are persons'."""
LEAD_MARK = re.compile(r"\s*[（(](?:领衔|牵头|主提)(?:人|提案人|代表)?[）)]")
"""A mark that names the lead of a joint proposal ("张三（领衔）、李四"): not part of the name."""

@cache
def _writer_note() -> re.Pattern[str]:
    """A bracketed note after a proposer naming who drafted the text ("民盟某市委会（执笔：张三）",
    "（执笔人　张三）"; credit words of ingest_credits.txt): the drafter, not the proposer."""
    words = "|".join(map(re.escape, _lines("ingest_credits.txt")))
    return re.compile(rf"\s*[（(](?:{words})人?\s*[：:]?\s*[^（）()：:]{{1,30}}[）)]$")


SPACED_DOT = re.compile(r"\s[·•・]|[·•・]\s")
"""A middle dot set apart by a space: a separator between parts of a caption, never the dot of a
transliterated name ("阿依古丽·买买提")."""

ROMANISED = re.compile(r"\s*[（(][A-Za-z][A-Za-z .'’-]{1,40}[）)]$")
"""A name's romanisation in brackets after it ("高某(Gao Mou)"): a gloss, not part of the line."""


def _lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file shipped in extract/data."""
    text = (files("policykg.extract") / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def role_titles() -> tuple[str, ...]:
    """Role titles, longest first, so that 党组书记 wins over 书记 (with the plain titles of
    proposer_field_titles.txt)."""
    listed = set(_lines("proposer_role_titles.txt")) | field_titles()[0]
    return tuple(sorted(listed, key=len, reverse=True))


FIELD_MAX = 6
"""Most characters a field of work before or inside a title may have (食品安全, 数据)."""
FIELD_SLOT = "…"


@cache
def field_titles() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Titles a field of work may precede (总监), and title shapes with a field inside (首席…官),
    as patterns that find such a title ending a role (proposer_field_titles.txt)."""
    lines = _lines("proposer_field_titles.txt")
    plain = frozenset(line for line in lines if FIELD_SLOT not in line)
    shapes = tuple(_shape_pattern(line) for line in lines if FIELD_SLOT in line)
    return plain, shapes


def _shape_pattern(shape: str) -> re.Pattern[str]:
    """A title shape ("首席…官") as a pattern ending a role; the field never repeats the word
    that opens the shape, so 某某总公司总药师 ends in 总药师, not 总公司总药师."""
    opening = re.escape(shape.split(FIELD_SLOT, 1)[0] or "\0")
    field = rf"(?:(?!{opening})[{HAN}]){{1,{FIELD_MAX}}}"
    body = field.join(re.escape(part) for part in shape.split(FIELD_SLOT))
    return re.compile(rf"{body}$")


UNIT_HEAD_RE = re.compile(rf"^.+?(?P<unit>[{HAN}]{{1,3}})(?P<title>(?:副|常务副)?(?P=unit)长)$")
"""A head's title that repeats the name of the unit it heads ("某某消防救援大队副大队长": 大队 and
副大队长; "某某支队支队长"), whether or not the role-title list names it."""


def takes_field(title: str) -> bool:
    """True for a title a field of work may precede (总监, 首席数据官)."""
    plain, shapes = field_titles()
    bare = title.removeprefix(FORMER)
    return bare in plain or any(shape.fullmatch(bare) for shape in shapes)


def _shaped_title(role: str) -> str:
    """The title a shape finds ending the role (某某集团首席数据官 → 首席数据官), or ""."""
    found = [match.group(0) for shape in field_titles()[1] if (match := shape.search(role))]
    return max(found, key=len, default="")


def is_field(text: str) -> bool:
    """True for text that may be a field of work before a title: a few Han characters naming no
    place or organisation ("食品安全", "财务")."""
    return (
        0 < len(text) <= FIELD_MAX
        and re.fullmatch(rf"[{HAN}]+", text) is not None
        and not any(marker in text for marker in place_markers())
        and not is_org_name(text)
    )


def _field_apart(org: str, title: str) -> tuple[str, str]:
    """(organisation, title) with a field of work moved from the organisation to a title that
    takes one: 市某某监管局食品安全 + 总监 → 市某某监管局 + 食品安全总监. The organisation ends
    where its name last ends like one; nothing moves when no head of it does."""
    if not org or not takes_field(title) or is_org_name(org):
        return org, title
    for cut in range(len(org) - 1, 1, -1):
        head, field = org[:cut], org[cut:]
        if is_field(field) and is_org_name(head):
            return head, field + title
    return org, title


@cache
def org_suffixes() -> tuple[str, ...]:
    """Endings of organisation names."""
    return tuple(_lines("proposer_org_suffixes.txt"))


@cache
def subunit_suffixes() -> tuple[str, ...]:
    """Endings of units that belong to the organisation named before them."""
    return tuple(_lines("proposer_subunit_suffixes.txt"))


@cache
def place_markers() -> tuple[str, ...]:
    """Place and level words that make a unit stand on its own."""
    return tuple(_lines("proposer_place_markers.txt"))


@cache
def place_titles() -> tuple[str, ...]:
    """Titles of a place's government (区长, 市长): elided, they belong to the place, not a party body."""
    return tuple(sorted(_lines("proposer_place_titles.txt"), key=len, reverse=True))


@cache
def name_markers() -> tuple[str, ...]:
    """Words after a name that mark membership (委员, 代表)."""
    return tuple(sorted(_lines("proposer_markers.txt"), key=len, reverse=True))


@cache
def generic_orgs() -> tuple[frozenset[str], tuple[str, ...]]:
    """Category heads that name no single organisation, and prefixes that may precede them."""
    lines = _lines("proposer_generic_orgs.txt")
    cut = lines.index("[prefixes]")
    return frozenset(lines[:cut]), tuple(lines[cut + 1 :])


@cache
def surnames() -> tuple[str, ...]:
    """Common surnames, compound ones first."""
    return tuple(sorted(set(_lines("proposer_surnames.txt")), key=len, reverse=True))


def is_bare_name(text: str) -> bool:
    """True for a line that is only a personal name opening with a common surname ("王建国")."""
    return is_name(text) and text.startswith(surnames()) and len(text) <= 4 and "·" not in text


@dataclass(frozen=True)
class Role:
    """One role as printed (restored when its organisation was elided) and its organisation."""

    text: str
    organization: str | None


def is_name(text: str) -> bool:
    """True for a plausible personal name (2–4 Han characters, or a dotted transliteration).

    A time word (今年, 近日) or a bare role title (委员, 主任) is never a name, whatever its shape.
    """
    return NAME_RE.fullmatch(text) is not None and not is_time_word(text) and text not in role_titles()


@cache
def time_words() -> tuple[str, ...]:
    """Time words that open clauses (今年, 近日), longest first (ingest_time_words.txt)."""
    return tuple(sorted(set(_lines("ingest_time_words.txt")), key=len, reverse=True))


DATE_WORD_RE = re.compile(
    r"(?:(?:\d{2,4}|[〇零一二三四五六七八九十]{2,4})年(?:\d{1,2}月(?:\d{1,2}日)?)?"
    r"|\d{1,2}月(?:\d{1,2}日)?|[上中下]旬)"
)
"""A date opening a clause ("2025年", "3月5日", "2025年3月")."""


def is_time_word(text: str) -> bool:
    """True for a time word or a date standing alone ("今年", "2025年", "3月5日")."""
    return text in time_words() or DATE_WORD_RE.fullmatch(text) is not None


def without_time_word(text: str) -> str:
    """Text without a time word or date opening it ("今年市政协委员" → "市政协委员"); the text itself
    when nothing would be left."""
    for word in time_words():
        if text.startswith(word) and len(text) > len(word):
            return text[len(word) :].lstrip("，,、 \u3000")
    match = DATE_WORD_RE.match(text)
    rest = text[match.end() :].lstrip("，,、 \u3000") if match else text
    return rest or text


def strip_name_marker(text: str) -> str:
    """Drop a trailing membership marker (委员, 代表) when what precedes it ends in a name."""
    for marker in name_markers():
        if text.endswith(marker) and len(text) > len(marker) + 1:
            return text[: -len(marker)]
    return text


FORMER = "原"
"""Marks a post once held ("某某大学原校长"): part of the title, not of the organisation's name."""


def split_title(role: str) -> tuple[str, str]:
    """Split a role into (organisation, title) by the longest known title ending it; a former post
    keeps its 原 with the title ("某某大学原校长" → 某某大学, 原校长), and a field of work before a
    title that takes one goes with the title ("某某局食品安全总监" → 某某局, 食品安全总监)."""
    listed = next((title for title in role_titles() if role.endswith(title)), "")
    shaped = _shaped_title(role)
    repeated = UNIT_HEAD_RE.match(role)
    shaped = max(shaped, repeated["title"] if repeated else "", key=len)
    title = shaped if len(shaped) > len(listed) else listed
    if not title:
        return role, ""
    org = role[: -len(title)]
    if org.endswith(DEPUTY) and len(org) > len(DEPUTY):
        org, title = org[: -len(DEPUTY)], DEPUTY + title  # 副主任医师: the deputy grade of a title
    if org.endswith(FORMER) and len(org) > len(FORMER):
        org, title = org[: -len(FORMER)], FORMER + title
    return _field_apart(org, title)


DEPUTY = "副"
"""Marks the deputy grade of a title ("某某医院副主任医师"): part of the title, whether or not the
role-title list names the deputy grade."""


def is_generic_org(org: str) -> bool:
    """True when the organisation is a category (市属国企), not one body."""
    heads, prefixes = generic_orgs()
    return any(org.startswith(prefix) and org[len(prefix) :] in heads for prefix in ("", *prefixes))


def is_org_name(text: str) -> bool:
    """True when the text ends like an organisation's name."""
    return any(text.endswith(suffix) and len(text) > len(suffix) for suffix in org_suffixes()) or (
        text in org_suffixes() and len(text) >= 2
    )


def is_subunit(org: str) -> bool:
    """True for a unit that can only belong to a previously named organisation (教科卫体委)."""
    if not org or any(marker in org for marker in place_markers()):
        return False
    independent = [suffix for suffix in org_suffixes() if suffix not in subunit_suffixes()]
    if any(suffix in org for suffix in independent):
        return False
    return any(org.endswith(suffix) for suffix in subunit_suffixes())


CONCURRENT = "兼"


def split_concurrent(item: str) -> list[str]:
    """Split posts held concurrently ("某局副局长兼某中心主任" → two roles) at a 兼 that follows a
    complete role (one ending in a known title); 兼 inside a title (兼职教授) stays."""
    parts: list[str] = []
    rest = item
    start = 0
    while (at := rest.find(CONCURRENT, start)) > 0:
        head, tail = rest[:at], rest[at + 1 :]
        if split_title(head)[1] and tail and not tail.startswith(("职", "任")):
            parts.append(head)
            rest, start = tail, 0
        else:
            start = at + 1
    return [*parts, rest]


def parse_roles(text: str) -> list[Role]:
    """Split a role list on "，", "、" and a concurrent 兼, restoring organisations left out after
    the first role."""
    roles: list[Role] = []
    previous: str | None = None
    membership = False
    for group in ROLE_SEPARATORS.split(without_time_word(SPACES.sub("", text))):
        for item in (part for listed in ITEM_SEPARATORS.split(group) for part in split_concurrent(listed)):
            item = SPACES.sub("", item)
            if not item or is_time_word(item) or item in name_markers():
                continue  # "今年，市政协委员…": a time word; "委员张三": membership of no named body
            if membership and item in personal_ranks():
                role = Role(item, None)  # 全国政协委员、教授: a rank of the person, not of 全国政协
            else:
                role = _resolve_role(item, previous)
            roles.append(role)
            previous = role.organization or previous
            membership = split_title(item)[1] in membership_titles()
    return roles


@cache
def personal_ranks() -> frozenset[str]:
    """Ranks a person holds (教授, 律师) that never belong to a membership body listed before them."""
    return frozenset(_lines("proposer_personal_ranks.txt"))


def membership_titles() -> frozenset[str]:
    """Titles of membership of a consultative or legislative body (委员, 常委, 代表)."""
    return frozenset(name_markers())


@cache
def _place_end() -> re.Pattern[str]:
    """The longest head of a name that ends in a place-level character (江北区委 → 江北区)."""
    return re.compile(rf"^.*[{''.join(map(re.escape, _lines('proposer_place_endings.txt')))}]")


def place_of(org: str) -> str | None:
    """The place an organisation is named after (江北区委 → 江北区), or None."""
    match = _place_end().match(org)
    return match.group(0) if match and match.group(0) != org else None


def _resolve_role(item: str, previous: str | None) -> Role:
    """One role with its organisation; a bare title or a unit takes the previous organisation.

    A bare government title takes the place of the previous organisation rather than the body
    itself: 江北区委副书记、区长 → 江北区区长 (the district, not its party committee).
    """
    org, title = split_title(item)
    if previous and title and not org:
        place = place_of(previous) if item in place_titles() else None
        if place is not None:
            return Role(place + item, place)
        return Role(previous + item, previous)
    if previous and title and (is_subunit(org) or (takes_field(title) and is_field(org))):
        return Role(previous + item, previous)  # 某某集团董事、财务总监: the group's 财务总监
    if not title or not org or is_generic_org(org):
        return Role(item, None)
    return Role(item, without_term(org))


TERM_RE = re.compile(r"^第?[一二三四五六七八九十\d]{1,3}届")


def without_term(org: str) -> str:
    """An organisation without the term of office printed before it (十四届全国政协 → 全国政协)."""
    return TERM_RE.sub("", org) or org


def affiliations_of(roles: list[Role]) -> list[str]:
    """Distinct organisations of the roles, in order of first mention."""
    seen: list[str] = []
    for role in roles:
        if role.organization and role.organization not in seen:
            seen.append(role.organization)
    return seen


def person(name: str, roles_text: str = "") -> Proposer:
    """A person proposer from a name and the printed role list."""
    roles = parse_roles(roles_text) if roles_text else []
    return Proposer(
        name=name,
        kind="person",
        roles=[role.text for role in roles],
        affiliations=affiliations_of(roles),
    )


def organization(name: str) -> Proposer:
    """A body as proposer: no roles, no affiliations."""
    return Proposer(name=name, kind="organization")


def has_role(text: str) -> bool:
    """True when the text contains at least one known role title, or ends in a title shape
    (首席数据官)."""
    return any(title in text for title in role_titles()) or bool(_shaped_title(text))


def _person_with_space(line: str) -> Proposer | None:
    """A person written as roles, whitespace, name ("全国政协委员、重庆理工大学校长 刘小康")."""
    parts = SPACES.split(line)
    if len(parts) >= 3 and all(len(part) == 1 for part in parts[-2:]):
        parts = [*parts[:-2], parts[-2] + parts[-1]]  # a two-character name set apart: "王 芳"
    if len(parts) < 2:
        return None
    name = strip_name_marker(parts[-1])
    roles_text = "".join(parts[:-1])
    if not is_name(name) or not has_role(roles_text) or not _ends_in_title(roles_text):
        return None
    return person(name, roles_text)


def _roles_over_names(line: str) -> Proposer | None:
    """Roles shared by two or more names set apart by spaces ("市政协委员　张三　李四"): a joint
    speech, credited to the first listed with those roles (see ``joint_proposer``)."""
    parts = SPACES.split(line.strip())
    if len(parts) < 3 or not all(_spaced_member(part) for part in parts[1:]):
        return None
    roles_text = parts[0]
    if not has_role(roles_text) or not _ends_in_title(roles_text):
        return None
    return person(strip_name_marker(parts[1]), roles_text)


def _ends_in_title(roles_text: str) -> bool:
    """True when a role list ends in a role's title, as one printed before a name does
    ("……大学校长"); "某某会议 · 专题发言" ends in a caption's separator, not a title."""
    last = re.split(r"[，,、]", roles_text)[-1]
    return bool(split_title(last)[1])


def _person_run_on(line: str, *, loose: bool) -> Proposer | None:
    """A person written as roles run on into the name ("浙江理工大学副校长欧阳宏伟委员").

    Unless ``loose`` (an attribution line or a caller's text), the name must carry its
    membership marker or follow a role in a body named like one ("重庆大学教授张三"); loosely, a
    bare name with a common surname will do ("——王建国"):
    "发挥委员作用" is a phrase, not 委员 + a person called 作用.
    """
    text = SPACES.sub("", line)
    bare = strip_name_marker(text)
    marked = bare != text
    if (marked and is_name(bare)) or (loose and is_bare_name(bare)):
        return person(bare)
    for cut in range(len(bare) - 2, 0, -1):
        head, name = bare[:cut], bare[cut:]
        if is_name(name) and split_title(head)[1] and (marked or loose or _names_a_body(head)):
            return person(name, head)
    return None


def _names_a_body(roles_text: str) -> bool:
    """True when the roles read as a role list: a role of a body named like an organisation, and a
    list separator or a place in the text ("推动政协委员履职" is a phrase, not a role and a name)."""
    if not (ITEM_SEPARATORS.search(roles_text) or ROLE_SEPARATORS.search(roles_text)) and not any(
        marker in roles_text for marker in place_markers()
    ):
        return False
    return any(role.organization and is_org_name(role.organization) for role in parse_roles(roles_text))


JOINT_SEPARATORS = re.compile(r"[、，,]")


def joint_proposer(text: str, *, loose: bool) -> Proposer | None:
    """The lead of several proposers listed together ("民盟市委会、民进市委会", "张三、李四委员",
    "张三　李四　王五" in a field, "市政协委员 张三（领衔）、李四").

    A joint speech or proposal is credited to its lead (marked 领衔, else the first listed, as in
    领衔提案人); the others are not recorded, since the record contract has one proposer. Bodies
    must all end like organisations and carry no role title; persons must all be bare names (the
    lead may carry roles before its name), the last one marked by 委员/代表 unless ``loose`` (a
    caller's text or a field, known to name the proposer). Names set apart by spaces alone must
    each open with a common surname.
    """
    text = text.strip()
    if text[-1:] in "、，,":
        return None  # a list running on to the next line is body text, not a proposer line
    parts = _joint_parts(text)
    if len(parts) < 2:
        return None
    leads = [index for index, part in enumerate(parts) if LEAD_MARK.search(part)]
    parts = [LEAD_MARK.sub("", part) for part in parts]
    lead = leads[0] if leads else 0
    if all(is_org_name(part) and not split_title(part)[1] for part in parts):
        return organization(parts[lead])
    last = strip_name_marker(parts[-1])
    marked = last != parts[-1]
    names = [*parts[:-1], last]
    if not (marked or loose or leads) or not all(is_name(part) for i, part in enumerate(names) if i != lead):
        return None
    if is_name(names[lead]):
        return person(names[lead])
    with_roles = _person_run_on(names[lead], loose=True) if lead == 0 else None
    return with_roles if with_roles is not None and with_roles.roles else None


def _joint_parts(text: str) -> list[str]:
    """The members of a joint list: split on 、 and commas, else on spaces when every part is a
    bare name ("张三　李四　王五"); spaces inside a member go."""
    parts = [SPACES.sub("", part) for part in JOINT_SEPARATORS.split(text)]
    parts = [part for part in parts if part]
    if len(parts) >= 2:
        return parts
    spaced = [part for part in SPACES.split(text) if part]
    if len(spaced) >= 2 and all(_spaced_member(part) for part in spaced):
        return spaced
    return parts


def _spaced_member(part: str) -> bool:
    """A bare name in a list set apart by spaces; not a body's membership ("全国政协委员": 全 opens
    surnames too, but 全国政协 names a body)."""
    name = strip_name_marker(LEAD_MARK.sub("", part))
    return is_bare_name(name) and not is_org_name(name)


NAME_THEN_ROLES = re.compile(r"^(?P<name>[^（()）]{2,10})[（(](?P<roles>[^（()）]{2,60})[）)]$")
NAME_COMMA_ROLES = re.compile(r"^(?P<name>[^，,、（()）]{2,6})[，,](?P<roles>[^（()）]{2,60})$")
NAME_FIRST = ((NAME_THEN_ROLES, False), (NAME_COMMA_ROLES, True))
"""Lines that set the name before its roles: in brackets after it ("张三（全国政协委员、某某大学教授）"),
or after a comma as a closing line or a field prints it ("张三，全国政协委员、某某大学教授"); the
second must open with a common surname, so "近年，…" is never one."""


def _named_first(name_text: str, roles: str, *, surname: bool) -> Proposer | None:
    """A person from a name printed before its roles, when the name and the roles read as such."""
    name = strip_name_marker(name_text)
    for marker in name_markers():  # "委员张三（某某律师事务所主任）": membership of no named body
        if name.startswith(marker) and is_name(name[len(marker) :]):
            name = name[len(marker) :]
            break
    plausible = is_bare_name(name) if surname else is_name(name) and not is_org_name(name)
    if not plausible or not has_role(roles) or is_org_name(roles) or not _ends_in_title(roles):
        return None  # roles end in a title; a line of text after a surname's character does not
    return person(name, roles)


NAME_WITH_BODY_MAX = 3
"""Longest name (bar a compound surname's) read before a body in brackets: a four-character line
before a body is as likely a headline with its speaker."""


def _name_with_body(line: str) -> Proposer | None:
    """A person named with the body they come from in brackets and no role ("张三（某某代表团）",
    "张三（某某大学）"): the body is the person's affiliation; no role is printed."""
    match = NAME_THEN_ROLES.match(SPACES.sub("", line))
    if match is None:
        return None
    name, body = strip_name_marker(match["name"]), match["roles"]
    if not is_bare_name(name) or not is_org_name(body) or split_title(body)[1] or KEY_OR_LIST.search(body):
        return None
    if len(name) > NAME_WITH_BODY_MAX and not name.startswith(tuple(s for s in surnames() if len(s) > 1)):
        return None  # "黄河安澜（民建中央）" is a headline with its speaker, not a person named 黄河安澜
    return Proposer(name=name, kind="person", roles=[], affiliations=[without_term(body)])


def _person_named_first(line: str) -> Proposer | None:
    """A person whose name comes before the roles, in brackets or after a comma (``NAME_FIRST``),
    or before the body they come from (``_name_with_body``)."""
    found = _name_with_body(line)
    if found is not None:
        return found
    compact = SPACES.sub("", line)
    for pattern, surname in NAME_FIRST:
        match = pattern.match(compact)
        found = _named_first(match["name"], match["roles"], surname=surname) if match else None
        if found is not None:
            return found
    return None


ROLES_AROUND_NAME = re.compile(r"^(?P<before>.+?)[ \t\u3000]+(?P<name>[^\s（()）]{2,10})[（(](?P<after>[^（()）]{2,60})[）)]$")


def _roles_around_name(line: str) -> Proposer | None:
    """A person with roles both before the name, set apart by a space, and after it in brackets
    ("全国人大代表　张三（某某医院主任医师）"): all of them are the person's, in the order printed."""
    match = ROLES_AROUND_NAME.match(line.strip())
    if match is None:
        return None
    name = strip_name_marker(match["name"])
    before, after = SPACES.sub("", match["before"]), match["after"]
    if not is_name(name) or not has_role(before) or not _ends_in_title(before) or not has_role(after):
        return None
    return person(name, f"{before}，{after}")


def _name_then_roles(line: str) -> Proposer | None:
    """A name set first, then its roles after a space ("张　伟　市政协委员、某某律师事务所主任")."""
    parts = SPACES.split(line)
    if len(parts) >= 3 and all(len(part) == 1 for part in parts[:2]):
        parts = [parts[0] + parts[1], *parts[2:]]  # a two-character name set apart: "张　伟"
    if len(parts) < 2:
        return None
    return _named_first(parts[0], "".join(parts[1:]), surname=True)


def parse_proposer_line(line: str, *, loose: bool = False) -> Proposer | None:
    """The proposer a line names, or None when the line is not a proposer line.

    A body is one name with an organisation ending and nothing else; a person is a name with
    roles before it (separated by a space, or run on when a role title ends just before the
    name) or a name marked by 委员/代表. A line that starts with a dash ("——…") is an
    attribution and is read loosely (see ``_person_run_on``).
    """
    stripped = line.strip()
    line = LEADING_DASHES.sub("", stripped).strip()
    loose = loose or line != stripped
    line = AUTHOR_MARK.sub("", line)
    et_al = ET_AL.search(line)
    if et_al is not None:
        line = line[: et_al.start()]
        loose = loose or et_al["who"] in ("委员", "代表", "人")  # "张三、李四等5位委员": persons'
    line = _writer_note().sub("", ROMANISED.sub("", line))
    if not line or len(line) > MAX_LINE or SENTENCE_PUNCT.search(line) or KEY_VALUE.search(line):
        return None
    if SPACED_DOT.search(line):
        return None  # "某某会议 · 大会发言": a dot set apart parts a caption; a name's dot is set close
    if not JOINT_SEPARATORS.search(line) and len(_joint_parts(line)) >= 2:
        return joint_proposer(line, loose=et_al is not None)  # "张三　李四　王五委员": names, no roles
    found = (
        _roles_around_name(line) or _person_with_space(line) or _person_named_first(line) or _name_then_roles(line)
        or _roles_over_names(line)
    )
    if found is not None:
        return found
    compact = SPACES.sub("", line)
    if is_org_name(compact) and not ROLE_SEPARATORS.search(compact) and not KEY_OR_LIST.search(compact):
        return organization(compact)
    joint = joint_proposer(line, loose=et_al is not None)
    if joint is not None:
        return joint
    return _person_run_on(line, loose=loose)


def parse_proposer_text(text: str) -> Proposer:
    """A proposer given by a caller: a proposer line, a body's name, or a bare personal name.

    Anything else is taken as the name of a body, since the caller said it is the proposer.
    """
    found = parse_proposer_line(text, loose=True) or joint_proposer(text, loose=True)
    if found is not None:
        return found
    compact = SPACES.sub("", text.strip())
    name = strip_name_marker(compact)
    if is_name(name):
        return person(name)
    return organization(compact)


def proposer_from_mapping(data: dict) -> Proposer:
    """A proposer from a JSON object {name, kind?, roles?, affiliations?}; missing parts derived."""
    name = str(data.get("name", "")).strip()
    roles = [str(r) for r in data.get("roles") or []]
    kind = data.get("kind") or ("person" if roles or is_name(strip_name_marker(name)) else "organization")
    if kind == "organization":
        return Proposer(name=name, kind=kind, roles=roles, affiliations=list(data.get("affiliations") or []))
    parsed = parse_roles("，".join(roles)) if roles else []
    affiliations = data.get("affiliations")
    if affiliations is None:
        affiliations = affiliations_of(parsed)
    return Proposer(name=name, kind=kind, roles=roles, affiliations=list(affiliations))
