"""Relations of mentions: PROPOSES versus MENTIONS, and entity–entity relations the text states.

- PROPOSES when the mention is the object of a proposing verb in its clause (the verb chain right
  before the phrase: 探索设立 …, 设立并做大 …, or the verb opening a trimmed 的-clause: 建设面向
  …的平台); a mention coordinated with a proposed one (建设A和B) is proposed by the same verb;
  a mention that modifies a larger phrase (科技领军企业 in …企业梯度培育机制) and everything
  else is MENTIONS.
- OPERATED_BY: ``[由]X [会同|联合Z] [牵头|发起] <proposing verb> Y`` — X (and Z) is the subject or
  the agent that runs Y; a lead clause standing alone (``由X牵头，[会同Z]建立Y``) adds X; a
  trailing agent clause (``…Y，由X[和Z][共同]负责运营|管理``) names who runs the object that ends
  the clause before it.
- HOSTED_BY: ``依托X <proposing verb> Y`` within the verb phrase the coverb scopes (its clause,
  or the next clause when ``依托X，`` stands alone), and ``在X设立Y``.
- FUNDED_BY: ``由X、Y和Z共同出资的 … Fund``, ``[由]X和Y共同出资设立Y`` (funders, not operators)
  and the trailing ``…Y，由X和Z按比例出资``; 政府 as a funder becomes an Institution mention.
- PART_OF: ``A、B等C`` where A and B are entities listed as members of the class C;
  ``将A纳入C``, ``A作为C的组成部分``, ``C下设A`` and ``C成员包括A、B``, where C may be a bare head
  or 该+head standing for an entity named earlier in the sentence, and 其 for the object that
  ends the clause before.

No relation crosses a sentence (。；！？：) or an item boundary (a line break): every pattern
walks over tokens of its own clause, and the trailing and anaphoric ones look back only to the
sentence's earlier clauses.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from policykg.extract.entity_ruler import (CLASSES_KEY, MENTIONS, TOKENS_KEY, tokens_for,
                                           without_gc)
from policykg.extract.lexicon import Lexicon, lexicon
from policykg.extract.phrase import (ADV, CLAUSE, CONJ, COORD, DE, DENG, LOC, NUM, PUNCT, QOPEN,
                                     QUANT, SPACE, VACT, VFUSED, VLEAD, VPROP, WORD, Tokens, grow,
                                     grow_clause)

RELATIONS = "policykg_relations"
_CHAIN = frozenset({VPROP, VACT, VLEAD, ADV, QUANT, NUM, LOC, SPACE})
_SUPPORT_VERBS = frozenset({"支持", "鼓励", "引导"})
"""Verbs whose object is the subject of the next verb (支持X设立Y: X runs Y)."""
_PLACE_PREPS = frozenset({"在", "于"})
"""Prepositions that make the subject slot a place: 在X设立Y → Y HOSTED_BY X."""
_AGENT_PREPS = frozenset({"由"})
"""Prepositions that mark the agent: 由X牵头建立Y → Y OPERATED_BY X, as X建立Y does."""
_CLAUSE_COMMA = frozenset("，,")
_BRACKETS = frozenset("（）()《》〈〉【】[]")
"""Punctuation inside a clause that does not end it."""
_PARTNERS = frozenset({"会同", "联合", "联手", "协同", "携手"})
"""Verbs of joint action between two agents (A联合B设立Y): both run what they set up. Added to
the lexicon's ``partner`` words, which this module reads too."""
_LEAD_VERBS = frozenset({"牵头", "主导", "发起"})
"""Verbs of a lead clause standing alone before a comma: 由X牵头，（会同Z）建立Y."""
_FUNDING = "出资"
_RUNNING = frozenset({"管理", "运营", "运行", "运维", "运作", "经营", "托管", "运营管理",
                     "管理运营", "日常管理"})
"""Verbs that end a trailing agent clause (…Y，由X负责运营): X runs Y."""
_AGENT_ADVERBIALS = frozenset({"共同", "分别", "按", "比例", "按比例", "统一", "日常", "具体",
                               "负责", "专业化", "市场化", ":", "：", "∶"})
"""Words allowed between the agents of a trailing clause and its verb (由X与Y按1:1比例出资); a
noun there is an object (由X负责村级资产运营), and the clause then says nothing of the entity."""
_TRAILING_AGENT_MARKS = frozenset({"由", "委托"})
_INCLUDING_VERBS = frozenset({"纳入", "列入", "并入", "接入"})
_PART_NOUNS = frozenset({"组成部分", "一部分", "部分", "组成单元", "分支机构", "成员"})
_SUBUNIT_VERBS = frozenset({"下设", "内设"})
_MODALS = frozenset({"可", "可以", "应", "要", "须", "需", "还", "另", "拟"})
_MEMBER_NOUNS = frozenset({"成员", "成员单位"})
_MEMBER_VERBS = frozenset({"包括", "包含", "涵盖", "囊括"})
_DEMONSTRATIVES = frozenset({"该", "此", "这一", "上述", "这个", "其"})
"""Words that make a bare head after them stand for an entity named earlier (该平台下设…)."""
_PRONOUN = "其"
_JOINT_ADVERBS = frozenset({"共同", "联合", "合作", "携手", "一起"})
"""Adverbs opening a clause without its own subject whose verb the subjects of the clause before
carry out together (支持A与B签署协议，共同设立Y)."""
_PLACE_SUFFIXES = frozenset({"内", "中", "里", "内部", "之中"})
_ROLE_ACTIONS = ("运营", "管理", "建设", "实施", "承办", "运作")
_ROLE_NOUNS = ("主体", "机构", "单位")
"""以X为运营主体: X runs the topic; the role is an action word before a noun of agency."""
_SOURCE_WORDS = frozenset({"来源于", "来自"})
_SOURCE_SUBJECTS = frozenset({"资金", "其", "主要", "所需", "基金", "的"})
_COPULAS = frozenset({"为", "是"})
_MEMBER_TAILS = ("成员", "会员", "组成部分", "一部分", "重要组成部分")
_SENTENCE_ENDS = frozenset({"。", "；", ";", "！", "？", "!", "?", "：", "…", "……"})
_MAX_SIBLINGS = 8
"""How many conjuncts back a coordinated phrase looks for its shared verb."""
_REACH = 40
"""How far, in tokens, a relation pattern looks back (依托 …, 由 … 出资的): bounded work per mention."""


_TRIGGERS = frozenset({"依托", "作为", "以"}) | _TRAILING_AGENT_MARKS | _INCLUDING_VERBS \
    | _SUBUNIT_VERBS | _MEMBER_VERBS | _CLAUSE_COMMA | _SOURCE_WORDS | _COPULAS
"""Words that open a pattern scanned for over the whole text (see :func:`_positions`)."""


class RelationFinder:
    """Pipeline component filling relation fields of mentions and ``doc._.policykg_relations``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lex = lexicon()
        if not Doc.has_extension(RELATIONS):
            Doc.set_extension(RELATIONS, default=None)

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.get(MENTIONS) or []
        with without_gc():
            toks = tokens_for(doc, self.lex)
            doc._.set(RELATIONS, find_relations(toks, mentions, self.lex))
        for key in (TOKENS_KEY, CLASSES_KEY):  # working data: not worth shipping between processes
            doc.user_data.pop(key, None)
        return doc


def find_relations(toks: Tokens, mentions: list[dict], lex: Lexicon | None = None) -> list[dict]:
    """Set relation/action on each mention; return entity–entity relations (mention indices)."""
    lex = lex or lexicon()
    by_last = {m["last"]: n for n, m in enumerate(mentions) if not m["expanded"]}
    by_first = {m["first"]: n for n, m in enumerate(mentions) if m["expanded"]}
    by_first.update({m["first"]: n for n, m in enumerate(mentions) if not m["expanded"]})
    out: list[dict] = []
    for n, m in enumerate(mentions):
        nested = _modifies_next(toks, m["last"]) or _inside_longer(m, mentions, by_last) \
            or _subject_of_de_clause(toks, m["last"])
        start = m["first"] if m.get("chain") is None else m["chain"]  # past a cut second verb
        verb_at = None if nested else _proposing_verb(toks, start, mentions, by_last, lex,
                                                      last=m["last"])
        m["relation"], m["action"], m["action_en"] = "MENTIONS", None, None
        if verb_at is not None:
            verb = toks.words[verb_at]
            m["relation"], m["action"], m["action_en"] = "PROPOSES", verb, lex.verbs[verb][0]
            m["verb_at"] = verb_at
            out += _operated_by(toks, n, m, verb_at, by_first, by_last, mentions, lex)
    at = _positions(toks)
    out += _hosted_by(toks, at, mentions, by_first)
    out += _part_of(mentions, by_first, by_last)
    out += _funded_by(toks, mentions, by_last)
    out += _agent_clauses(toks, at, mentions, by_first, by_last, lex)
    out += _included(toks, at, mentions, by_first, by_last, lex)
    out += _component_of(toks, at, mentions, by_first, by_last, lex)
    out += _subunits(toks, at, mentions, by_first, by_last)
    out += _members(toks, at, mentions, by_first, by_last)
    out += _members_by_copula(toks, at, mentions, by_first, by_last, lex)
    out += _main_bodies(toks, at, mentions, by_first, by_last)
    out += _funding_sources(toks, at, mentions, by_first, by_last)
    return out


def _positions(toks: Tokens) -> dict[str, list[int]]:
    """Token indices of each word that opens a relation pattern, found in one pass."""
    at: dict[str, list[int]] = {}
    for j, word in enumerate(toks.words):
        if word in _TRIGGERS:
            at.setdefault(word, []).append(j)
    return at


def _where(at: dict[str, list[int]], words: frozenset[str]) -> list[int]:
    """Token indices of any of ``words``, in text order."""
    return sorted(j for w in words for j in at.get(w, ()))


def _modifies_next(toks: Tokens, last: int) -> bool:
    """Whether the phrase ending at ``last`` modifies what follows: a noun or verb fused to it,
    a quoted modifier (外贸企业“百千万”培育行动), or 的/之 making it an attribute
    (跨教育、科技等多部门的联席会议制度)."""
    after = last + 1
    return after < len(toks.words) and toks.classes[after] in (WORD, VFUSED, VLEAD, DE, QOPEN)


def _subject_of_de_clause(toks: Tokens, last: int) -> bool:
    """Whether the phrase ending at ``last`` (with the phrases listed after it) is the subject
    of a 的-clause (建立政府、保险机构和受灾群众共担的…机制): a list or a predicate follows it
    and runs to 的 within the clause, so the clause describes the object and the bodies in it
    are no object of the verb before them."""
    j, end = last + 1, min(len(toks.words), last + 1 + _REACH)
    if j >= end or toks.classes[j] not in (COORD, CONJ, VFUSED, VACT, VLEAD, VPROP, ADV):
        return False  # 的 right after it, or a noun: the phrase modifies, left to _modifies_next
    while j < end and toks.classes[j] in _CLAUSE_BODY and toks.words[j] != "并":
        j += 1
    return j < end and toks.classes[j] == DE


_CLAUSE_BODY = frozenset({COORD, CONJ, WORD, NUM, VFUSED, VACT, VLEAD, VPROP, ADV})
"""Classes a 的-clause's subject list and predicate run over before 的."""


def _inside_longer(m: dict, mentions: list[dict], by_last: dict) -> bool:
    """Whether a mention is a modifier inside a longer mention (养老机构 in 养老机构与医疗机构
    签约合作机制): only the longer phrase is the verb's object."""
    if m["expanded"]:
        return False
    for last in range(m["last"] + 1, m["last"] + _REACH):
        other = by_last.get(last)
        if other is not None and mentions[other]["first"] <= m["first"]:
            return True
    return False


def _proposing_verb(toks: Tokens, first: int, mentions: list[dict], by_last: dict,
                    lex: Lexicon, depth: int = 0, last: int | None = None) -> int | None:
    """Index of the verb proposing a phrase that starts at ``first`` (and ends at ``last``), if
    any. A phrase coordinated after another (建设A和B) shares that one's verb; when A is no
    entity, only the last conjunct does so, for a list that goes on (A、B、C等模式) may be
    the modifier of a later head rather than the verb's object."""
    if first > 0 and toks.classes[first - 1] == QOPEN:
        first -= 1  # quotes around the whole entity: the verb stands before them
    j, nearest, before_bing = first - 1, None, None
    floor = max(-1, first - 1 - _REACH)
    while j > floor and toks.classes[j] in _CHAIN | {CONJ}:
        c = toks.classes[j]
        if c == CONJ and toks.words[j] != "并":
            break
        if lex.proposes(toks.words[j]):
            if nearest is None:
                nearest = j
            elif toks.words[j + 1] == "并":
                before_bing = j
        elif nearest is None and (c == VACT or (c == VLEAD and j < first - 1)):
            return None  # the nearest verb does not propose (面向…, 支持…); a verb right
            # before the phrase may belong to it (优化创新评价体系)
        j -= 1
    if nearest is None and j >= 1 and toks.classes[j] in (COORD, CONJ) and toks.words[j] != "并":
        sibling = by_last.get(j - 1)
        if sibling is not None:
            return mentions[sibling].get("verb_at")
        if last is not None and last + 1 < len(toks.words) \
                and toks.classes[last + 1] in (COORD, CONJ, DENG):
            return None
        return _sibling_verb(toks, j - 1, mentions, by_last, lex, depth)
    if nearest is None and first > 0 and toks.words[first - 1] in ("的", "之"):
        return _verb_opening_clause(toks, first - 1, lex)
    return before_bing if before_bing is not None else nearest


def _sibling_verb(toks: Tokens, last: int, mentions: list[dict], by_last: dict, lex: Lexicon,
                  depth: int) -> int | None:
    """The verb of a conjunct ending at ``last`` that is no entity (一批加工园区和…中心)."""
    if depth >= _MAX_SIBLINGS:
        return None
    first, _ = grow(toks, last, max(0, last - _REACH), lex)
    if first > last:
        return None
    return _proposing_verb(toks, first, mentions, by_last, lex, depth + 1)


def _verb_opening_clause(toks: Tokens, de: int, lex: Lexicon) -> int | None:
    """The proposing verb whose object a trimmed 的-clause opens: the verb right before the
    clause (设立总规模50亿元的…基金 → 设立), else the verb that opens the stretch before it,
    after any adverbs or non-proposing verbs leading up to it (推动建立以企业为主体的…体系 →
    建立; 建设面向小微企业的…平台 → 建设)."""
    start, _ = grow_clause(toks, de - 1, max(0, de - 1 - _REACH))
    if start > 0 and start < de and lex.proposes(toks.words[start - 1]):
        return start - 1
    k, floor = de - 1, max(-1, de - 1 - _REACH)
    while k > floor and toks.classes[k] not in (PUNCT, CLAUSE):
        k -= 1
    k += 1
    while k < de and (toks.classes[k] in (ADV, QUANT, NUM, SPACE, VACT, VLEAD)
                      and not lex.proposes(toks.words[k])):
        k += 1
    if k >= de or not lex.proposes(toks.words[k]):
        return None
    while k + 1 < de and lex.proposes(toks.words[k + 1]):
        k += 1  # 探索设立由…出资的基金: the last verb of the chain takes the object
    return k


def _operated_by(toks: Tokens, n: int, m: dict, verb_at: int, by_first: dict, by_last: dict,
                 mentions: list[dict], lex: Lexicon) -> list[dict]:
    """``X [和Z] [牵头] 设立 Y``: Y is run by X (and Z); ``[X]在Z[内]设立Y``: Y is hosted by Z
    (and run by X). A noun phrase governed by another coverb (依托X, 通过X …) is no subject:
    依托 has its own rule. A clause without a subject takes the lead clause before it
    (由X牵头，建立Y) or, opened by 共同/联合, the subjects of the clause before (支持A与B签署
    协议，共同设立Y)."""
    out: list[dict] = []
    j, funds = _walk_chain(toks, verb_at - 1, by_last)
    place = _place_before(toks, j, by_last, mentions, lex)
    if place is not None:
        zai, hosts = place
        out += [_rel("HOSTED_BY", n, h, toks.starts[zai], m["end"]) for h in hosts if h != n]
        j, more = _walk_chain(toks, zai - 1, by_last)
        funds = funds or more
    subjects = _coordinated_before(toks, mentions, by_last, j, lex)
    opening = mentions[subjects[-1]]["first"] - 1 if subjects else j
    if opening >= 0 and toks.words[opening] in lex.kinds("partner") | _PARTNERS:
        opening -= 1  # 由X牵头，会同Z建立Y: Z's partner verb opens the clause
    if opening >= 0 and toks.words[opening] in _CLAUSE_COMMA:
        subjects += _lead_clause_agents(toks, mentions, by_last, opening, lex)
        if not subjects and toks.words[opening + 1] in _JOINT_ADVERBS:
            subjects = _continued_subjects(toks, mentions, by_first, opening)
            opening = -1
    if not subjects or n in subjects:
        return out
    start = min(_phrase_start(mentions[s]) for s in subjects)
    before = toks.words[start - 1] if start > 0 else ""
    if before in lex.kinds("coverb") and before not in _PLACE_PREPS | _AGENT_PREPS:
        return out
    kind = "HOSTED_BY" if before in _PLACE_PREPS else "FUNDED_BY" if funds else "OPERATED_BY"
    origin = toks.starts[start - 1] if start > 0 else mentions[subjects[-1]]["start"]
    return out + [_rel(kind, n, s, origin, m["end"]) for s in subjects]


def _walk_chain(toks: Tokens, j: int, by_last: dict) -> tuple[int, bool]:
    """From token ``j`` back over the verbs and adverbs before a proposing verb (牵头, 共同出资,
    统筹 …) to the token before them, and whether 出资 is among them."""
    floor, funds = max(-1, j - _REACH), False
    while j > floor and j not in by_last and toks.classes[j] in (VACT, VPROP, VLEAD, VFUSED, ADV) \
            and toks.words[j] not in _SUPPORT_VERBS:
        funds = funds or toks.words[j] == _FUNDING
        j -= 1
    return j, funds


def _place_before(toks: Tokens, j: int, by_last: dict, mentions: list[dict],
                  lex: Lexicon) -> tuple[int, list[int]] | None:
    """A place phrase ``在X[内]`` ending at token ``j``: the index of 在 and the entities X names
    (none when the place is no entity: 在科技园区内)."""
    if j < 1 or toks.words[j] in _PLACE_PREPS:
        return None
    k, floor = j, max(-1, j - _REACH)
    while k > floor and toks.words[k] not in _PLACE_PREPS:
        if k in by_last:
            k = _phrase_start(mentions[by_last[k]]) - 1
        elif toks.classes[k] in (WORD, LOC, NUM):
            k -= 1
        else:
            return None
    if k <= floor or toks.words[k] not in _PLACE_PREPS:
        return None
    last = j - 1 if toks.words[j] in _PLACE_SUFFIXES else j
    return k, _coordinated_before(toks, mentions, by_last, last, lex)


def _continued_subjects(toks: Tokens, mentions: list[dict], by_first: dict,
                        comma: int) -> list[int]:
    """The subjects of the clause before the comma at ``comma``: the entities coordinated at its
    start, past a leading verb (支持A与B签署协议 → A, B)."""
    k = _clause_start(toks, comma - 1)
    while k < comma and (toks.words[k] in _SUPPORT_VERBS or toks.classes[k] in (VLEAD, VACT, ADV)):
        k += 1
    return _coverb_objects(toks, mentions, by_first, k) if k in by_first else []


def _phrase_start(m: dict) -> int:
    """The first token of a mention's whole phrase, with the members it lists before it
    (重庆大学等高校 starts at 重庆大学): a coverb before the list governs the class too."""
    return min([m["first"], *(first for first, _ in m["members"])])


def _lead_clause_agents(toks: Tokens, mentions: list[dict], by_last: dict, comma: int,
                        lex: Lexicon) -> list[int]:
    """The agents of a lead clause ``由X[和Y]牵头`` ending at the comma at ``comma``, when that
    clause stands alone before the verb's clause (由X牵头，会同Z建立Y: X runs Y too)."""
    j = comma - 1
    if j < 0 or toks.words[j] not in _LEAD_VERBS:
        return []
    j -= 1
    while j >= 0 and toks.classes[j] == ADV:
        j -= 1
    agents = _coordinated_before(toks, mentions, by_last, j, lex)
    if not agents:
        return []
    start = mentions[agents[-1]]["first"]
    return agents if start > 0 and toks.words[start - 1] in _AGENT_PREPS else []


def _coordinated_before(toks: Tokens, mentions: list[dict], by_last: dict, j: int,
                        lex: Lexicon) -> list[int]:
    """The mention ending at token ``j`` and those coordinated before it (A与B, A、B和C) or
    joined to it by a verb of joint action (A会同B), nearest first; empty when no mention ends
    at ``j``."""
    found: list[int] = []
    while j in by_last and by_last[j] not in found and len(found) < _MAX_SIBLINGS:
        found.append(by_last[j])
        expanded = [e for e in _sharing_head(mentions, _earliest_on_head(mentions, j))
                    if e not in found]
        found += expanded  # 民政、卫健部门建立…: both bodies
        k = min(mentions[e]["first"] for e in found[-1 - len(expanded):]) - 1
        joined = k >= 1 and (toks.classes[k] in (COORD, CONJ)
                             or toks.words[k] in lex.kinds("partner") | _PARTNERS)
        if not joined or toks.words[k] == "并":
            break
        j = k - 1
    return found


def _earliest_on_head(mentions: list[dict], last: int) -> int:
    """The mention ending at token ``last`` that starts earliest (an expanded conjunct's reaches
    back over the whole coordination)."""
    return min((k for k, m in enumerate(mentions) if m["last"] == last),
               key=lambda k: mentions[k]["first"])


def _hosted_by(toks: Tokens, at: dict[str, list[int]], mentions: list[dict], by_first: dict) -> list[dict]:
    """Mentions proposed in the verb phrase that ``依托X`` scopes are hosted by X (and by each
    entity coordinated with X in the coverb's object)."""
    out: list[dict] = []
    if "依托" not in at:
        return out
    order = sorted(range(len(mentions)), key=lambda n: mentions[n]["first"])
    firsts = [mentions[n]["first"] for n in order]
    for j in at["依托"]:
        if j + 1 not in by_first:
            continue
        hosts = _coverb_objects(toks, mentions, by_first, j + 1)
        start, end = _coverb_scope(toks, _object_end(toks, mentions[hosts[-1]]["last"] + 1))
        for n in order[bisect_right(firsts, start - 1):]:
            m = mentions[n]
            if m["first"] >= end:
                break
            if m["relation"] == "PROPOSES" and n not in hosts:
                out += [_rel("HOSTED_BY", n, h, toks.starts[j], m["end"]) for h in hosts]
    return out


def _coverb_objects(toks: Tokens, mentions: list[dict], by_first: dict, first: int) -> list[int]:
    """The mentions that make up a coverb's object: the one starting at ``first`` and those
    coordinated with it by 和/与/及/、 (依托高校和科研院所 …)."""
    hosts = _sharing_head(mentions, by_first[first])
    while len(hosts) < _MAX_SIBLINGS:
        after = mentions[hosts[-1]]["last"] + 1
        if after + 1 >= len(toks.words) or toks.classes[after] not in (COORD, CONJ) \
                or toks.words[after] == "并" or after + 1 not in by_first:
            return hosts
        hosts += [h for h in _sharing_head(mentions, by_first[after + 1]) if h not in hosts]
    return hosts


def _sharing_head(mentions: list[dict], n: int) -> list[int]:
    """Mention ``n`` and the mentions expanded over the same head (民政、卫健部门 → 民政部门 and
    卫健部门), all ending on that head's last token; the one ending the phrase comes last."""
    last = mentions[n]["last"]
    group = [k for k, m in enumerate(mentions) if m["last"] == last
             and (m["expanded"] or k == n or mentions[n]["expanded"])
             and m["first"] >= mentions[n]["first"]]
    return sorted(group, key=lambda k: (mentions[k]["expanded"] is False, mentions[k]["first"]))


def _object_end(toks: Tokens, k: int) -> int:
    """The token after a coverb's whole object, which may go on past its entities
    (依托X等载体 → after 载体)."""
    end = min(len(toks.words), k + _REACH)
    while k < end and toks.classes[k] in (DENG, WORD, NUM, QUANT):
        k += 1
    return k


def _coverb_scope(toks: Tokens, k: int) -> tuple[int, int]:
    """Token range of the verb phrase a coverb phrase ending before ``k`` scopes: the rest of
    its clause, or, when the coverb phrase stands alone before a comma (依托X，建设Y，…), the
    next clause only. A relation never reaches past it (依托X建设Y，整合…，建立Z: Z is not
    hosted by X)."""
    if k < len(toks.words) and toks.words[k] in _CLAUSE_COMMA:
        k += 1
    end, floor = k, min(len(toks.words), k + _REACH)
    while end < floor and not _ends_clause(toks, end):
        end += 1
    return k, end


def _ends_clause(toks: Tokens, k: int) -> bool:
    word = toks.words[k]
    return "\n" in word or (toks.classes[k] == PUNCT and word not in _BRACKETS)


def _part_of(mentions: list[dict], by_first: dict, by_last: dict) -> list[dict]:
    out: list[dict] = []
    for n, m in enumerate(mentions):
        for first, last in m["members"]:
            member = by_last.get(last)
            if member is not None and member != n:
                out.append(_rel("PART_OF", member, n, mentions[member]["start"], m["end"]))
    return out


def _funded_by(toks: Tokens, mentions: list[dict], by_last: dict) -> list[dict]:
    out: list[dict] = []
    for n, m in enumerate(list(mentions)):
        if m["type"] != "Fund":
            continue
        span = _funder_span(toks, m["first"])
        if span is None:
            continue
        for a, b in _split_list(toks, *span):
            funder = by_last.get(b)
            if funder is None and toks.text(a, b) == "政府":
                funder = _add_party(toks, mentions, a, b)
            if funder is not None:
                out.append(_rel("FUNDED_BY", n, funder, toks.starts[span[0] - 1], m["end"]))
    return out


def _funder_span(toks: Tokens, first: int) -> tuple[int, int] | None:
    """Tokens between 由 and (共同)出资 in “由X、Y和Z共同出资的 …”, when the phrase follows."""
    j, floor = first - 1, max(-1, first - 1 - _REACH)
    while j > floor and toks.classes[j] != PUNCT and toks.words[j] != "出资":
        j -= 1
    if j <= 0 or toks.words[j] != "出资":
        return None
    end = j - 1 if toks.words[j - 1] in ("共同", "联合") else j
    k, floor = end - 1, max(-1, end - 1 - _REACH)
    while k > floor and toks.words[k] != "由" and toks.classes[k] != PUNCT:
        k -= 1
    return (k + 1, end - 1) if k >= 0 and toks.words[k] == "由" and k + 1 <= end - 1 else None


def _split_list(toks: Tokens, a: int, b: int) -> list[tuple[int, int]]:
    parts, start = [], a
    for k in range(a, b + 1):
        if toks.classes[k] in (COORD, CONJ):
            if start <= k - 1:
                parts.append((start, k - 1))
            start = k + 1
    if start <= b:
        parts.append((start, b))
    return parts


def _add_party(toks: Tokens, mentions: list[dict], a: int, b: int) -> int:
    mentions.append({"type": "Institution", "text": toks.text(a, b), "start": toks.starts[a],
                     "end": toks.end(b), "first": a, "last": b, "head": b, "expanded": False,
                     "members": [], "relation": "MENTIONS", "action": None, "action_en": None})
    return len(mentions) - 1


def _agent_clauses(toks: Tokens, at: dict[str, list[int]], mentions: list[dict], by_first: dict, by_last: dict,
                   lex: Lexicon) -> list[dict]:
    """Clauses of ``由`` + agents + verb with no object of their own, about the entity before:

    - the entity standing right before 由 as the topic (``Y由X和Z共同建设``, ``该基金由X出资``,
      ``基金由X发起``), or, after a comma, the entity the sentence's clause before ends on
      (``…Y，由X[和Z]按比例出资``, ``…Y，由X负责运营``; see :func:`_antecedent`);
    - 出资 gives FUNDED_BY, running or setting-up verbs OPERATED_BY, and 组成/构成 makes the
      agents members of the entity (``Y由A、B和C组成`` → PART_OF).
    """
    out: list[dict] = []
    for j in _where(at, _TRAILING_AGENT_MARKS | _CLAUSE_COMMA):
        word = toks.words[j]
        if j == 0 or j + 1 not in by_first:
            continue
        bare = word in _CLAUSE_COMMA  # …Y，X、Z分别出资: agents with no 由
        trailing = bare or toks.words[j - 1] in _CLAUSE_COMMA
        topic = None if trailing or word != "由" else _referent(toks, mentions, by_last, j - 1)
        if not trailing and topic is None:
            continue
        agents = _coverb_objects(toks, mentions, by_first, j + 1)
        after = _past_other_agents(toks, by_first, mentions[agents[-1]]["last"] + 1)
        kind, end = _agent_verb(toks, after, lex, lead=not trailing, setting_up=not bare)
        if kind is None or (bare and kind == "PART_OF"):
            continue
        target = topic if topic is not None \
            else _antecedent(toks, mentions, by_last, j if bare else j - 1)
        if target is None or target in agents:
            continue
        span = (toks.starts[j], toks.end(end - 1))
        if kind == "PART_OF":
            out += [_rel(kind, a, target, *span) for a in agents]
        else:
            out += [_rel(kind, target, a, *span) for a in agents]
    return out


def _past_other_agents(toks: Tokens, by_first: dict, k: int) -> int:
    """The token after agents that are no entities, coordinated after the entity ones (由X与社会
    资本按比例出资: 社会资本 funds too, but is no entity)."""
    end = min(len(toks.words), k + _REACH)
    while k + 1 < end and toks.classes[k] in (COORD, CONJ) and toks.words[k] != "并" \
            and toks.classes[k + 1] == WORD and k + 1 not in by_first:
        k += 1
        while k < end and toks.classes[k] == WORD and k not in by_first:
            k += 1
    return k


def _agent_verb(toks: Tokens, k: int, lex: Lexicon, lead: bool,
                setting_up: bool = True) -> tuple[str | None, int]:
    """The relation an agent clause's verb states, from token ``k`` after its agents, and the
    token after the verb group (verbs joined by 和/与/、); None unless only adverbials come
    before the verbs and nothing but more predicates follow them in the clause (由X负责村级
    资产运营 has an object of its own). A lead verb (牵头, 发起) counts only with a topic: after a
    comma, 由X牵头， opens the clause that follows. Without 由 (…Y，X负责运营), only funding and
    running verbs count (``setting_up`` False): X健全 would be a predicate of X, not its agency.
    A negation before the verb (不, 未) states no relation."""
    end = min(len(toks.words), k + 12)
    while k < end and (toks.words[k] in _AGENT_ADVERBIALS or toks.classes[k] in (ADV, NUM)):
        if toks.words[k] in _NEGATIONS:
            return None, k
        k += 1
    kind = None
    while k < end:
        verb = _agent_verb_kind(toks.words[k], lex, lead, setting_up)
        if verb is None:
            break
        kind = kind if kind == "FUNDED_BY" else verb
        k += 1
        if k + 1 < end and toks.words[k] in _VERB_JOINERS \
                and _agent_verb_kind(toks.words[k + 1], lex, lead, setting_up) is not None:
            k += 1
    if kind is None or not _only_predicates_follow(toks, k):
        return None, k
    return kind, k


_VERB_JOINERS = frozenset({"和", "与", "、", "并"})
_MEMBERSHIP = frozenset({"组成", "构成"})
_UPKEEP = frozenset({"维护", "运维", "维持"})


def _agent_verb_kind(word: str, lex: Lexicon, lead: bool, setting_up: bool = True) -> str | None:
    """The relation a verb of an agent clause states, or None for any other word."""
    if word == _FUNDING:
        return "FUNDED_BY"
    if word in _MEMBERSHIP:
        return "PART_OF"
    if word in _RUNNING or word in _UPKEEP:
        return "OPERATED_BY"
    if setting_up and (lex.proposes(word) or (lead and word in _LEAD_VERBS)):
        return "OPERATED_BY"
    return None


_NEGATIONS = frozenset({"不", "未", "尚未", "没有", "无", "不再", "并未", "从未"})


def _only_predicates_follow(toks: Tokens, k: int) -> bool:
    """Whether the clause ends at token ``k``, or goes on only with more predicates after
    、/并 (由X按比例出资、市场化运作) and names no entity."""
    if k >= len(toks.words) or _ends_clause(toks, k):
        return True
    if toks.words[k] not in ("、", "并"):
        return False
    end = min(len(toks.words), k + _REACH)
    while k < end and not _ends_clause(toks, k):
        if toks.classes[k] in (WORD, QOPEN) \
                and toks.words[k] not in _AGENT_ADVERBIALS | _RUNNING | _UPKEEP:
            return False  # a noun: the clause has an object
        k += 1
    return True


def _antecedent(toks: Tokens, mentions: list[dict], by_last: dict, comma: int) -> int | None:
    """The entity an agent clause or 其 after the comma at ``comma`` speaks of, in the same
    sentence: the entity ending the clause before (设立Y，由X出资 → Y), else the one opening it
    (Y作为Z的组成部分，由X负责运营 → Y); clauses that are themselves agent clauses are passed
    over (设立Y，由X出资，由Z负责管理 → Y)."""
    while comma > 0 and toks.words[comma] in _CLAUSE_COMMA:
        start = _clause_start(toks, comma - 1)
        if toks.words[start] not in _TRAILING_AGENT_MARKS:
            if comma - 1 in by_last:
                return by_last[comma - 1]
            return _clause_topic(toks, mentions, by_last, start)
        comma = start - 1
    return None


def _clause_topic(toks: Tokens, mentions: list[dict], by_last: dict, start: int) -> int | None:
    """The entity opening the clause at ``start``: a mention there, or a bare head or
    该+head standing for one named earlier (该基金由X出资，… → the fund)."""
    opening = next((n for n, m in enumerate(mentions)
                    if m["first"] == start and not m["expanded"]), None)
    if opening is not None or start + 1 >= len(toks.words):
        return opening
    head = start + 1 if toks.words[start] in _DEMONSTRATIVES else start
    return _referent(toks, mentions, by_last, head)


def _clause_start(toks: Tokens, k: int) -> int:
    """The first token of the clause holding token ``k``."""
    floor = max(0, k - 4 * _REACH)
    while k > floor and not _ends_clause(toks, k - 1):
        k -= 1
    return k


def _sentence_start(toks: Tokens, k: int) -> int:
    """The first token of the sentence (or item line) holding token ``k``."""
    floor = max(0, k - 4 * _REACH)
    while k > floor and not _ends_sentence(toks, k - 1):
        k -= 1
    return k


def _ends_sentence(toks: Tokens, k: int) -> bool:
    return "\n" in toks.words[k] or toks.words[k] in _SENTENCE_ENDS


def _referent(toks: Tokens, mentions: list[dict], by_last: dict, k: int) -> int | None:
    """The entity a phrase ending at token ``k`` names: an entity mention ending there, else a
    bare head (联盟, 平台) or 该/此 + head standing for the nearest entity earlier in the same
    sentence whose name ends in that head (组建多式联运联盟，联盟成员包括…)."""
    if k < 0:
        return None
    if k in by_last:
        return by_last[k]
    head = toks.words[k]
    bare = k == 0 or toks.words[k - 1] in _DEMONSTRATIVES or _ends_clause(toks, k - 1)
    if len(head) < 2 or toks.classes[k] != WORD or not bare:
        return None
    start = _sentence_start(toks, k)
    earlier = [n for n, m in enumerate(mentions)
               if start <= m["first"] and m["last"] < k and m["text"].endswith(head)
               and len(m["text"]) > len(head)]
    return max(earlier, key=lambda n: mentions[n]["last"]) if earlier else None


def _followers(toks: Tokens, mentions: list[dict], by_first: dict, k: int) -> list[int]:
    """The entity starting at token ``k`` (past a locative such as 全市 and an opening quote)
    and those coordinated after it."""
    if k < len(toks.words) and toks.classes[k] == LOC:
        k += 1
    if k < len(toks.words) and toks.classes[k] == QOPEN:
        k += 1
    return _coverb_objects(toks, mentions, by_first, k) if k in by_first else []


def _included(toks: Tokens, at: dict[str, list[int]], mentions: list[dict], by_first: dict, by_last: dict,
              lex: Lexicon) -> list[dict]:
    """``[将]A[和B]纳入C`` (also 列入, 并入): A and B are part of C; 将其纳入C refers back to the
    entity ending the clause before (设立Y，将其纳入C → Y)."""
    out: list[dict] = []
    for j in _where(at, _INCLUDING_VERBS):
        if j == 0:
            continue
        whole = _followers(toks, mentions, by_first, j + 1)[:1]
        if not whole and j + 2 < len(toks.words) and toks.words[j + 1] in _DEMONSTRATIVES:
            found = _referent(toks, mentions, by_last, j + 2)  # 接入该平台
            whole = [found] if found is not None else []
        if not whole:
            continue
        members = _coordinated_before(toks, mentions, by_last, j - 1, lex)
        if not members:
            members = _included_before(toks, mentions, by_last, j)
        out += [_rel("PART_OF", a, whole[0], toks.starts[j], mentions[whole[0]]["end"])
                for a in members if a != whole[0]]
    return out


def _included_before(toks: Tokens, mentions: list[dict], by_last: dict, j: int) -> list[int]:
    """What 纳入 at ``j`` includes when no entity stands right before it: the object of the
    verb before 并 (建立Y并纳入C), or the entity ending the clause before when 将其纳入 or a
    bare 纳入 opens the clause (建立Y，纳入C统一调度)."""
    if toks.words[j - 1] == "并":
        return [by_last[j - 2]] if j - 2 in by_last else []
    k = j - 1
    if toks.words[k] == _PRONOUN and k >= 1 and toks.words[k - 1] in ("将", "把"):
        k -= 2
    if k < 0 or toks.words[k] not in _CLAUSE_COMMA:
        return []
    found = _antecedent(toks, mentions, by_last, k)
    return [found] if found is not None else []


def _component_of(toks: Tokens, at: dict[str, list[int]], mentions: list[dict], by_first: dict, by_last: dict,
                  lex: Lexicon) -> list[dict]:
    """``A[和B]作为C的[重要]组成部分`` (一部分, 组成单元 …): A and B are part of C."""
    out: list[dict] = []
    for j in at.get("作为", ()):
        if j == 0:
            continue
        whole = _followers(toks, mentions, by_first, j + 1)[:1]
        if not whole:
            continue
        k = mentions[whole[0]]["last"] + 1
        if k >= len(toks.words) or toks.words[k] != "的":
            continue
        tail = toks.words[k + 1:k + 3]
        if not any(w in _PART_NOUNS or (w.endswith("部分") and len(w) <= 4) for w in tail):
            continue
        members = _coordinated_before(toks, mentions, by_last, j - 1, lex)
        out += [_rel("PART_OF", a, whole[0], mentions[a]["start"], toks.end(k + len(tail)))
                for a in members if a != whole[0]]
    return out


def _subunits(toks: Tokens, at: dict[str, list[int]], mentions: list[dict], by_first: dict, by_last: dict) -> list[dict]:
    """``C[可]下设A[和B]`` (内设): A and B are parts of C; C may be 该+head for an entity named
    earlier in the sentence (搭建Y平台，该平台下设A → A part of Y平台)."""
    out: list[dict] = []
    for j in _where(at, _SUBUNIT_VERBS):
        k = j - 1
        while k >= 0 and (toks.words[k] in _MODALS or toks.classes[k] == ADV):
            k -= 1
        whole = _referent(toks, mentions, by_last, k)
        if whole is None:
            continue
        out += [_rel("PART_OF", a, whole, toks.starts[j], mentions[a]["end"])
                for a in _followers(toks, mentions, by_first, j + 1) if a != whole]
    return out


def _members(toks: Tokens, at: dict[str, list[int]], mentions: list[dict], by_first: dict, by_last: dict) -> list[dict]:
    """``C[的]成员[单位]包括A、B和C``: the members listed are part of C (an entity, a bare head
    or 该+head standing for one named earlier in the sentence)."""
    out: list[dict] = []
    for j in _where(at, _MEMBER_VERBS):
        if j < 2:
            continue
        k = j - 1
        if toks.words[k] == "单位" and toks.words[k - 1] == "成员":
            k -= 1  # 成员单位 in two words
        if toks.words[k] not in _MEMBER_NOUNS:
            continue
        k -= 2 if k >= 1 and toks.words[k - 1] == "的" else 1
        whole = _referent(toks, mentions, by_last, k)
        if whole is None:
            continue
        out += [_rel("PART_OF", a, whole, toks.starts[k + 1], mentions[a]["end"])
                for a in _followers(toks, mentions, by_first, j + 1) if a != whole]
    return out


def _members_by_copula(toks: Tokens, at: dict[str, list[int]], mentions: list[dict],
                       by_first: dict, by_last: dict, lex: Lexicon) -> list[dict]:
    """``A[、B][均|都]为C[的]成员单位`` (会员, 组成部分): A and B are part of C."""
    out: list[dict] = []
    for j in _where(at, _COPULAS):
        whole = _followers(toks, mentions, by_first, j + 1)[:1]
        if not whole or j == 0:
            continue
        k = mentions[whole[0]]["last"] + 1
        k += 1 if k < len(toks.words) and toks.words[k] == "的" else 0
        if not "".join(toks.words[k:k + 2]).startswith(_MEMBER_TAILS):
            continue
        b = j - 1
        while b >= 0 and toks.classes[b] == ADV:
            b -= 1
        out += [_rel("PART_OF", a, whole[0], mentions[a]["start"], toks.end(min(k + 1, len(toks.words) - 1)))
                for a in _coordinated_before(toks, mentions, by_last, b, lex) if a != whole[0]]
    return out


def _main_bodies(toks: Tokens, at: dict[str, list[int]], mentions: list[dict], by_first: dict,
                 by_last: dict) -> list[dict]:
    """``Y以X为运营主体`` (管理机构, 建设单位 …): X runs Y, the topic before 以."""
    out: list[dict] = []
    for j in at.get("以", ()):
        if j == 0 or j + 1 not in by_first:
            continue
        topic = _referent(toks, mentions, by_last, j - 1)
        if topic is None:
            continue
        agents = _coverb_objects(toks, mentions, by_first, j + 1)
        k = mentions[agents[-1]]["last"] + 1
        if k >= len(toks.words) or toks.words[k] != "为":
            continue
        role = "".join(toks.words[k + 1:k + 3])
        if not (role.startswith(_ROLE_ACTIONS) and any(n in role for n in _ROLE_NOUNS)):
            continue
        out += [_rel("OPERATED_BY", topic, a, toks.starts[j], toks.end(min(k + 2, len(toks.words) - 1)))
                for a in agents if a != topic]
    return out


def _funding_sources(toks: Tokens, at: dict[str, list[int]], mentions: list[dict],
                     by_first: dict, by_last: dict) -> list[dict]:
    """``…Y，资金[主要]来源于X和Z[捐赠]``: X and Z fund Y, the entity of the clause before (or the
    fund whose 资金 the clause opens with: Y的资金来源于X)."""
    out: list[dict] = []
    for j in _where(at, _SOURCE_WORDS):
        if j + 1 not in by_first:
            continue
        k = j - 1
        while k >= 0 and (toks.words[k] in _SOURCE_SUBJECTS or toks.classes[k] == ADV):
            k -= 1
        if k < 0 or "资金" not in toks.words[k + 1:j]:
            continue
        target = by_last.get(k) if k in by_last else \
            _antecedent(toks, mentions, by_last, k) if toks.words[k] in _CLAUSE_COMMA else None
        if target is None:
            continue
        out += [_rel("FUNDED_BY", target, a, toks.starts[k + 1], mentions[a]["end"])
                for a in _coverb_objects(toks, mentions, by_first, j + 1) if a != target]
    return out


def _rel(type_: str, source: int, target: int, start: int, end: int) -> dict:
    return {"type": type_, "source": source, "target": target, "start": start, "end": end}


def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    """Factory for ``policykg_relations_v1``."""
    return RelationFinder(nlp, name)
