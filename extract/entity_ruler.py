"""Entity mentions: find type heads, grow each into its noun phrase, keep the ones that qualify.

The component stores plain dicts (picklable, so ``nlp.pipe(n_process=…)`` works) in
``doc._.policykg_mentions``; ``relations.py`` and ``resolve.py`` build on them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc

from policykg.extract.lexicon import Head, Lexicon, lexicon
from policykg.extract.phrase import (ADV, CONJ, COORD, DE, DENG, JOIN, NOUNISH, NUM, PREP, PUNCT,
                                     QCLOSE, QOPEN, VACT, VFUSED, VLEAD, VPROP, WORD, Phrase,
                                     Tokens, head_at, head_cancelled, make_tokens, opening_quote,
                                     phrase_for)

MENTIONS = "policykg_mentions"
_VERB_CLASSES = frozenset({VACT, VPROP, VLEAD})
_ALIAS_REACH = 6
"""How far before a 简称 marker the named entity may end (past brackets and commas)."""
_MAX_LISTED = 8
"""How many list members either side of a head the sector-list test reads: bounded work."""
CLASSES_KEY = "policykg_classes"
_LAST_TOKENS: list = [None]
"""The Doc last annotated by the ruler in this process and its Tokens, for the next component."""


def tokens_for(doc: Doc, lex: Lexicon) -> Tokens:
    """The Tokens view of ``doc``: the ruler's own when it just made them, else built anew."""
    last = _LAST_TOKENS[0]
    _LAST_TOKENS[0] = None
    if last is not None and last[0] is doc:
        return last[1]
    words, tags = doc.user_data.get(TOKENS_KEY) or words_and_tags(doc)
    return make_tokens(words, tags, lex, doc.user_data.get(CLASSES_KEY))
"""``doc.user_data`` key of the token classes, so later components need not recompute them."""
from policykg.extract.tokenizer import TOKENS_KEY


class EntityRuler:
    """Pipeline component: type-head driven noun phrases → entity mentions."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lex = lexicon()
        if not Doc.has_extension(MENTIONS):
            Doc.set_extension(MENTIONS, default=None)

    def __call__(self, doc: Doc) -> Doc:
        words, tags = doc.user_data.get(TOKENS_KEY) or words_and_tags(doc)
        with without_gc():
            toks = make_tokens(words, tags, self.lex)
            doc._.set(MENTIONS, find_mentions(toks, self.lex))
        doc.user_data[CLASSES_KEY] = toks.classes
        _LAST_TOKENS[0] = (doc, toks)
        return doc


def words_and_tags(doc: Doc) -> tuple[list[str], list[str]]:
    """Words and tags of a Doc made by another tokenizer (ours stores them in user_data)."""
    return [t.text for t in doc], [t.tag_ for t in doc]


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Reference counting still frees everything; without the pause, collections triggered by the
    allocations rescan an ever larger heap and a long text costs more than linear time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def find_mentions(toks: Tokens, lex: Lexicon | None = None) -> list[dict]:
    """Every entity mention in a tokenised text, in order of their heads."""
    lex = lex or lexicon()
    found = [head_at(toks, i, lex)
             if toks.classes[i] in (WORD, VFUSED) or _noun_reading(toks, i, lex) else None
             for i in range(len(toks.words))]
    mentions: list[dict] = []
    for i, hit in enumerate(found):
        if hit is None or head_cancelled(toks, i):
            continue
        if i + 1 < len(found) and found[i + 1] and (found[i + 1][1] == i
                                                    or _compound(toks, i, hit[0], found[i + 1][0])):
            continue  # the next token completes a longer head (资金 + 池) or heads a compound
        if _quoted_modifier(toks, i, hit[0]) or _contrast(toks, i, hit[0], lex) \
                or _sector_list(toks, i, lex):
            continue
        head, head_first = hit
        mentions.extend(_mentions_for(toks, head, head_first, i, lex))
    _mark_aliases(toks, mentions, lex)
    return mentions


def _mark_aliases(toks: Tokens, mentions: list[dict], lex: Lexicon) -> None:
    """A name introduced by 简称/以下简称 right after another of the same type is its short
    name: ``alias_of`` points to that mention (设立X基金（以下简称“Y基金”）)."""
    markers = lex.kinds("alias")
    by_last = {m["last"]: n for n, m in enumerate(mentions) if not m["expanded"]}
    for m in mentions:
        k = m["first"] - 1
        if k >= 0 and toks.classes[k] == QOPEN:
            k -= 1
        if k < 0 or toks.words[k] not in markers:
            continue
        k -= 1
        while k >= 0 and toks.classes[k] == PUNCT and k > m["first"] - _ALIAS_REACH:
            k -= 1
        named = by_last.get(k)
        if named is not None and mentions[named]["type"] == m["type"]:
            m["alias_of"] = named


def _noun_reading(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """A verb that is also a head noun (组织) is the head when a noun stands before it (农村集体
    经济组织、…, 志愿服务/vn 组织); before a verb too (行业组织制定…, 社会组织参与…), unless the
    noun before is a head of its own, the subject of verb 组织 (市政府组织…), or the verb after is
    one that 组织 governs as a verb (以…方式组织实施)."""
    if toks.classes[i] not in _VERB_CLASSES or toks.words[i] not in lex.heads:
        return False
    if i == 0 or not (toks.classes[i - 1] == WORD or toks.tags[i - 1] == "vn"):
        return False
    if head_at(toks, i - 1, lex) is not None and i + 1 < len(toks.words) \
            and toks.classes[i + 1] == WORD:
        return False  # 市科协组织专家…: after a body of its own, before its object, it is the verb
    if i + 1 >= len(toks.words) or toks.tags[i + 1][:1] != "v" or _pivot_object(toks, i, lex):
        return True
    return toks.words[i + 1] not in lex.kinds("serial") and head_at(toks, i - 1, lex) is None


def _pivot_object(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """Whether the nouns ending at ``i`` are the object of a pivot verb (引导/支持/鼓励 …), which
    is a noun phrase and the subject of the verb after it (引导慈善组织设立…)."""
    j = i - 1
    while j > max(0, i - _MAX_LISTED) and toks.classes[j] == WORD:
        j -= 1
    return toks.words[j] in lex.kinds("clause_verb")


def _compound(toks: Tokens, i: int, head: Head, after: Head) -> bool:
    """Two heads in a row (制度 + 体系, 高校 + 院所) make one compound head: only the last counts.
    An institution before a head of another type is a nested name instead (农机企业 + 培育库:
    the enterprises a pool gathers), as it is before any other noun (企业梯度培育机制)."""
    if head.type == "Institution" and after.type != "Institution":
        return False
    if head.type == "Institution" and toks.words[i + 1] in lexicon().kinds("unit"):
        return False  # 高校 + 图书馆: the library is a unit of the body named before it
    return toks.classes[i + 1] in (WORD, VFUSED)


def _quoted_modifier(toks: Tokens, i: int, head: Head) -> bool:
    """A head inside quotes names an entity only when the quote closes right after it and the
    quoted stretch is not itself a modifier (“链主”企业, “技术平台+孵化”模式); 政府 inside a quoted
    arrangement is a party to it (“企业出题、政府立项…”机制), and so is an institution that
    ends a whole member of a quoted “A+B+C” list (“政府+银行+担保”模式: each member names a
    party); a facility or fund there is a component of the arrangement (“技术平台+孵化”模式)."""
    opening = opening_quote(toks, i)
    if opening is None:
        return False
    if head.type == "Institution" and _list_member_start(toks, i) is not None:
        return False
    closing = toks.quote_close[opening]
    if closing != i + 1:
        return head.text != "政府"
    return closing + 1 < len(toks.words) and toks.classes[closing + 1] in (WORD, VFUSED)


def _list_member_start(toks: Tokens, i: int) -> int | None:
    """The first token of the member that the head at ``i`` ends, when ``i`` ends a member of a
    quoted list joined by + (“村集体+林业合作社+企业”): the member runs from the quote or the
    + before it to the + or the quote after it. None for any other head."""
    opening = opening_quote(toks, i)
    if opening is None:
        return None
    closing = toks.quote_close[opening]
    if not any(toks.words[k] in _PLUS for k in range(opening + 1, closing)):
        return None
    if i + 1 != closing and toks.words[i + 1] not in _PLUS:
        return None
    k = i
    while k > opening + 1 and toks.words[k - 1] not in _PLUS:
        k -= 1
    return k if toks.classes[k] not in (JOIN, PUNCT) else None


_PLUS = frozenset({"+", "＋"})


def _sector_list(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """A head listed among bare nouns that jointly modify a non-entity noun after 等 names a
    sector, not a body: in 整合银行、保险、创投等资源 the list modifies 资源, and the conjuncts
    that are no entities (保险, 创投) show what kind of list it is. Single-word conjuncts only."""
    n, reach = len(toks.words), 2 * _MAX_LISTED
    right = i
    while right + 2 < min(n, i + reach) and toks.classes[right + 1] == COORD \
            and toks.classes[right + 2] in NOUNISH:
        right += 2
    left = i
    while left - 2 >= max(0, i - reach) and toks.classes[left - 1] == COORD \
            and toks.classes[left - 2] in NOUNISH:
        left -= 2
    after = right + 2
    if left == right or right + 1 >= n or toks.classes[right + 1] != DENG or after >= n:
        return False
    if toks.classes[after] != WORD or head_at(toks, after, lex) is not None:
        return False
    if after + 1 < n and toks.classes[after + 1] in NOUNISH:
        return False  # …等资源配置平台: the noun after 等 is only a modifier itself
    return any(head_at(toks, j, lex) is None for j in range(left, right + 1, 2))


def _contrast(toks: Tokens, i: int, head: Head, lex: Lexicon) -> bool:
    """非银行 and the like name what a head is not."""
    word = toks.words[i]
    prefix = word[: len(word) - len(head.text)] if word.endswith(head.text) else ""
    return prefix in lex.kinds("contrast") or (i > 0 and toks.words[i - 1] in lex.kinds("contrast"))


def _mentions_for(toks: Tokens, head: Head, head_first: int, i: int, lex: Lexicon) -> list[dict]:
    member = _list_member_start(toks, i) if head.type == "Institution" else None
    phrase = phrase_for(toks, head_first, i, head, lo=member or 0, lex=lex)
    nested = _nested(toks, i, phrase.first)
    first = phrase.first
    if nested and head.type == "Institution" and not _staff_after(toks, i, lex) \
            and not _own_level(toks, first, i, lex) and not _branch_after(toks, i):
        first = _drop_scope(toks, first, head_first, lex)  # 国家企业技术中心, not 县级医院医生
    out = []
    if phrase.whole and _qualifies(toks, first, head_first, i, head, lex):
        out.append(_mention(toks, head, first, phrase.last, i, phrase))
    elif phrase.members:  # “A、B等服务体系”: the class is kept to refer back, never on its own
        out.append(_mention(toks, head, first, phrase.last, i, phrase) | {"refers_only": True})
    for text, exp_first in phrase.expansions:
        if _expansion_ok(toks, text, head, lex):
            out.append(_expanded(toks, head, text, exp_first, phrase.last, i))
    return out


def _nested(toks: Tokens, i: int, first: int) -> bool:
    """Whether the phrase ending at head ``i`` modifies a larger phrase after it. Not when a
    preposition governs it and a plain verb follows: that verb is the predicate
    (由市大数据发展局统筹…), and so is a known verb the segmenter reads as a noun (由市文化馆
    运营/vn 非遗工坊: 运营 is the operator's verb, not a head the body modifies). Nor when a
    plain verb follows that no head ends: the phrase is that verb's subject (市电视台开设栏目)."""
    if i + 1 >= len(toks.words) or toks.classes[i + 1] not in NOUNISH:
        return False
    lex = lexicon()
    verb = toks.tags[i + 1] == "v" or (toks.tags[i + 1] == "vn" and toks.words[i + 1] in lex.verbs)
    if verb and not _head_follows(toks, i + 1, lex):
        return False  # 支持区职业教育中心开设护理专业: the body is the verb's subject
    return not (verb and first > 0 and toks.classes[first - 1] == PREP)


def _head_follows(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether a type head ends the stretch of nouns and verbs from token ``k`` on, so that a
    phrase before ``k`` is a modifier inside a larger name rather than a verb's subject."""
    for j in range(k, min(len(toks.words), k + _MAX_LISTED)):
        if toks.classes[j] not in NOUNISH and toks.classes[j] != VLEAD:
            return False
        if head_at(toks, j, lex) is not None:
            return True
    return False


def _branch_after(toks: Tokens, i: int) -> bool:
    """Whether a place name follows the institution (国家金融监督管理总局/重庆/监管局): the larger
    name is a branch of that body in the place, so the body keeps its own scope word."""
    return i + 1 < len(toks.words) and toks.tags[i + 1] == "ns"


def _staff_after(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """Whether the word after the institution names its people (医生, 员工 …: the ``staff``
    kind): a level before the institution then is the institution's own (县级医院医生), where
    before any other noun it scopes the larger phrase (市级中小企业特色产业集群)."""
    return i + 1 < len(toks.words) and toks.words[i + 1] in lex.kinds("staff")


def _own_level(toks: Tokens, first: int, i: int, lex: Lexicon) -> bool:
    """Whether a one-character level (市, 区: the ``level`` kind) opening the phrase is the
    body's own: with no type head ending the nouns after the body there is no larger name for
    the bare level to scope (市律师协会行业自律作用), where the adjective 市级 scopes a
    phrase with no head as well (市级中小企业特色产业集群) and any level scopes a larger
    name (市中小企业服务中心)."""
    return toks.words[first] in lex.kinds("level") and not _head_follows(toks, i + 1, lex)


def _drop_scope(toks: Tokens, first: int, head_first: int, lex: Lexicon) -> int:
    """An institution nested as a modifier loses scope words that scope the outer phrase."""
    scope = lex.kinds("scope")
    while first < head_first and toks.words[first] in scope:
        first += 1
    return first


def _qualifies(toks: Tokens, first: int, head_first: int, i: int, head: Head, lex: Lexicon) -> bool:
    modifiers = toks.words[first:head_first]
    text = toks.text(first, i)
    if text in lex.kinds("capital"):
        return False
    if not modifiers and not head.bare and toks.words[head_first] == head.text:
        return head.text == "政府" and (_inside_quote(toks, i) or _listed_with_a_body(toks, i, lex)
                                       or _party_of_arrangement(toks, i, lex))
    if not modifiers and head_first > 0 and (toks.words[head_first - 1] == "从" or (
            head.type == "Platform" and toks.words[head_first - 1] in ("在", "到"))):
        return False  # 从实验室到产业化, 停留在实验室: a stage or place, not a facility
    content = [m for m in modifiers if m.strip() and m not in "“”‘’「」"]
    vague = lex.kinds("generic") | lex.kinds("scope") | lex.kinds("evaluative")
    inner = toks.words[head_first][: len(toks.words[head_first]) - len(head.text)]
    own_modifier = bool(inner) and inner not in lex.words  # 财政局 has one, 跨部门 has none
    if content and not head.bare and not own_modifier and all(m in vague for m in content):
        return False
    return _rule_ok(toks, modifiers + ([inner] if own_modifier else []), head, lex)


def _rule_ok(toks: Tokens, modifiers: list[str], head: Head, lex: Lexicon) -> bool:
    content = [m for m in modifiers if m.strip() and m not in "“”‘’「」"]
    if head.rule == "body":  # 政府部门, 主管部门 and 相关部门 stay bare
        bodies = {h.text for h in lex.heads.values() if h.rule == "body"}
        return any(m not in lex.kinds("generic") | lex.kinds("scope") | bodies for m in content)
    if head.rule == "governance":
        return not content or content[-1] not in lex.kinds("nongov")
    if head.rule == "arrangement":
        return any(q in m for m in modifiers for q in "“”") or len(content) >= 2
    if head.rule == "pool":
        return any(p in m for m in content[-2:] for p in lex.kinds("pool"))
    return True


def _expansion_ok(toks: Tokens, text: str, head: Head, lex: Lexicon) -> bool:
    """An expanded coordination passes the head's rule on its own modifier (政府投入资金 does not)."""
    modifier = text[: -len(head.text)] if text.endswith(head.text) else text
    return text not in lex.kinds("capital") and _rule_ok(toks, [modifier], head, lex)


def _listed_with_a_body(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """Whether bare 政府 at ``i`` is listed (、/和/与) with a named body, as a party to what they
    do together (政府、保险机构和受灾群众共担的…机制): a conjunct next to it ends in an
    institution head with a modifier of its own."""
    for step in (1, -1):
        j = i + step
        if not (0 <= j < len(toks.words)) or toks.classes[j] not in (COORD, CONJ) \
                or toks.words[j] in ("并", "及其"):
            continue
        k = j + step
        while 0 <= k < len(toks.words) and abs(k - j) <= _MAX_LISTED and toks.classes[k] == WORD:
            found = head_at(toks, k, lex)
            if found and found[0].type == "Institution" and found[0].text != "政府" \
                    and (found[0].bare or toks.words[k] != found[0].text or k != j + step):
                return True
            k += step
    return False


_ARRANGEMENT_STRETCH = frozenset({COORD, CONJ, WORD, NUM, VFUSED, VLEAD, VACT, QOPEN, QCLOSE,
                                  JOIN, DE, ADV})
"""Token classes a list of parties and the rest of an arrangement's name run over."""


def _party_of_arrangement(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """Whether bare 政府 at ``i`` is one of a list of parties to an arrangement named after the
    list (家庭、学校、政府、司法“六位一体”…工作机制; 政府和企业共担的风险分担机制): it is
    listed (、/和 beside it) and a mechanism head ends the stretch after the list, with no
    punctuation, preposition or proposing verb between."""
    listed = any(0 <= j < len(toks.words) and toks.classes[j] in (COORD, CONJ)
                 and toks.words[j] not in ("并", "及其") for j in (i - 1, i + 1))
    if not listed:
        return False
    for j in range(i + 1, min(len(toks.words), i + 1 + _MAX_LISTED * 3)):
        if toks.classes[j] not in _ARRANGEMENT_STRETCH:
            return False
        found = head_at(toks, j, lex) if toks.classes[j] == WORD else None
        if found is not None and found[0].type == "Mechanism":
            return True
    return False


def _inside_quote(toks: Tokens, i: int) -> bool:
    return toks.enclosing[i] >= 0


def _mention(toks: Tokens, head: Head, first: int, last: int, i: int, phrase: Phrase) -> dict:
    if toks.classes[first] == QOPEN and toks.quote_close.get(first) == last:
        first, last = first + 1, last - 1  # quotes wrapping the whole entity go
    return {"type": head.type, "text": toks.text(first, last), "start": toks.starts[first],
            "end": toks.end(last), "first": first, "last": last, "head": i, "expanded": False,
            "members": [(c.first, c.last) for c in phrase.members], "chain": phrase.verb_chain}


def _expanded(toks: Tokens, head: Head, text: str, first: int, last: int, i: int) -> dict:
    if text[:1] in "“" and text.count("“") == 1 and text.endswith("”"):
        text = text[1:-1]
    return {"type": head.type, "text": text, "start": toks.starts[first], "end": toks.end(last),
            "first": first, "last": last, "head": i, "expanded": True, "members": []}


def make_entity_ruler(nlp: Language, name: str) -> EntityRuler:
    """Factory for ``policykg_entity_ruler_v1``."""
    return EntityRuler(nlp, name)
