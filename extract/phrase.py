"""Noun-phrase boundary rules for Chinese: from a type head, grow the phrase leftwards.

A phrase grows over modifiers (nouns, attributive adjectives and verbs fused without 的, quoted
modifiers, Latin letters and digits) and stops at a boundary: punctuation, a preposition, a
non-fused verb, an adverb, a locative (我市, 在渝), 的 (the 的-clause is trimmed unless the head
alone says nothing), and coordinations (、 和 与 及 等), which either end the phrase, belong to
it, or expand into one phrase per conjunct over a shared head (民政、科技部门 → 民政部门, 科技部门).

Everything here works on a ``Tokens`` view (words, POS tags, character offsets and one class per
token); the functions are pure so they can be tested on sentences of any making.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from policykg.extract.lexicon import Head, Lexicon, lexicon

# Token classes.
WORD, PUNCT, QOPEN, QCLOSE, COORD, CONJ, DE, DENG, PREP, QUANT, LOC = range(11)
ADV, VPROP, VACT, VFUSED, SPACE, JOIN, CLAUSE, VLEAD, NUM = range(11, 20)

NOUNISH = frozenset({WORD, VFUSED, NUM})
"""Classes a phrase grows over (numbers are dropped afterwards when they open it: 100家…;
they stay inside: 市区两级…). Determiners (一批, 更多: QUANT) open a noun phrase, so growth
stops at them."""
LEADING_DROP = frozenset({QUANT, NUM, VLEAD, SPACE, JOIN, ADV})
"""Classes dropped when they open a phrase (一批, a verb such as 创新 that may sit inside names)."""

WHOLE_ONLY = frozenset({"并", "及其"})
"""Conjunctions that join whole phrases, never modifiers over a shared head (园区及其运营公司)."""
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『〝", "”’」』〞"
_JOINERS = frozenset({"+", "＋", "·", "•", "/", "／"})
_WORD_CLASS = {"prep": PREP, "conj": CONJ, "quant": QUANT, "locative": LOC, "adverb": ADV,
               "clause": CLAUSE}
_VERB_CLASS = {"propose": VPROP, "action": VACT, "modifier": VFUSED}
_MAX_QUOTE = 60
"""Longest quoted stretch, in tokens, treated as one modifier."""
_MAX_CONJUNCTS = 8
_MAX_PHRASE = 24
"""Longest stretch, in tokens, a phrase or clause grows over: keeps the work per head bounded,
so a long paragraph without punctuation costs linear time."""
_CLASS_CACHE: dict[tuple[str, str], int] = {}
_CLASS_CACHE_SIZE = 500_000


@dataclass
class Tokens:
    """A tokenised text: words, POS tags, start offsets, token classes and quote matches."""

    words: list[str]
    tags: list[str]
    starts: list[int]
    classes: list[int] = field(default_factory=list)
    quote_open: dict[int, int] = field(default_factory=dict)  # closing index -> opening index
    quote_close: dict[int, int] = field(default_factory=dict)  # opening index -> closing index
    enclosing: list[int] = field(default_factory=list)  # opening quote around each token, or -1
    bracket_open: dict[int, int] = field(default_factory=dict)  # ）index -> （ index, short ones

    def end(self, i: int) -> int:
        """Character offset just after token ``i``."""
        return self.starts[i] + len(self.words[i])

    def text(self, first: int, last: int) -> str:
        """Text of tokens ``first`` .. ``last`` inclusive."""
        return "".join(self.words[first:last + 1])


def make_tokens(words: list[str], tags: list[str], lex: Lexicon | None = None,
                classes: list[int] | None = None) -> Tokens:
    """A ``Tokens`` view with classes (unless given) and quote matches computed."""
    lex = lex or lexicon()
    words, tags = split_fused_prepositions(words, tags, lex)
    words, tags = split_hidden_heads(words, tags, lex)
    starts = [0, *accumulate(map(len, words))][:-1] if words else []
    toks = Tokens(words, tags, starts, classes or classes_of(words, tags, lex))
    _match_quotes(toks)
    return toks


def split_fused_prepositions(words: list[str], tags: list[str],
                             lex: Lexicon) -> tuple[list[str], list[str]]:
    """Split a preposition the segmenter fused with the administrative level after it
    (由市 / 大数据发展局 → 由 / 市 / 大数据发展局): the level opens the noun phrase that
    the preposition governs. Returns the lists unchanged when nothing is fused."""
    preps, levels = _one_char_preps(lex), lex.kinds("level")
    fused = [i for i, w in enumerate(words)
             if len(w) == 2 and w[1] in levels and w[0] in preps]
    if not fused:
        return words, tags
    words, tags = list(words), list(tags)
    for i in reversed(fused):
        words[i:i + 1] = [words[i][0], words[i][1]]
        tags[i:i + 1] = ["p", "n"]
    return words, tags


def split_hidden_heads(words: list[str], tags: list[str],
                       lex: Lexicon) -> tuple[list[str], list[str]]:
    """Split a dictionary word that opens with an institution head and goes on with a noun of
    its own (企业信用 in 物业服务企业信用评价体系 → 企业 / 信用): the head ends a nested
    name. Words that end in a head themselves (政府部门) are left whole."""
    starts = _institution_openings(lex)
    hidden = [i for i, w in enumerate(words) if len(w) >= 4 and _hidden_head(w, starts, lex)]
    if not hidden:
        return words, tags
    words, tags = list(words), list(tags)
    for i in reversed(hidden):
        n = _hidden_head(words[i], starts, lex)
        words[i:i + 1] = [words[i][:n], words[i][n:]]
        tags[i:i + 1] = ["n", tags[i]]
    return words, tags


def _hidden_head(word: str, starts: frozenset[str], lex: Lexicon) -> int:
    """Length of the institution head that opens ``word`` and leaves at least two characters,
    or 0 when there is none, ``word`` ends in a head, or what is left is a listed verb
    (海关监管: the body's work, one noun, not a body and a noun of its own)."""
    if word in lex.heads or any(word[k:] in lex.heads for k in range(1, len(word) - 1)):
        return 0
    for n in range(min(len(word) - 2, 4), 1, -1):
        if word[:n] in starts:
            return 0 if word[n:] in lex.verbs else n
    return 0


@cache
def _institution_openings(lex: Lexicon) -> frozenset[str]:
    return frozenset(h for h, head in lex.heads.items() if head.type == "Institution" and len(h) > 1)


def _one_char_preps(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for w in lex.kinds("prep") if len(w) == 1)


def classes_of(words: list[str], tags: list[str], lex: Lexicon) -> list[int]:
    """Token classes, memoised per (word, tag): vocabularies repeat, so this is mostly lookups."""
    if len(_CLASS_CACHE) > _CLASS_CACHE_SIZE:
        _CLASS_CACHE.clear()
    out = []
    for key in zip(words, tags):
        c = _CLASS_CACHE.get(key)
        if c is None:
            c = _CLASS_CACHE[key] = token_class(key[0], key[1], lex)
        out.append(c)
    _place_after_zai(words, tags, out)
    return out


def _place_after_zai(words: list[str], tags: list[str], classes: list[int]) -> None:
    """A one-character place abbreviation after 在 is a locative (在渝高校 → 高校)."""
    if "在" not in words:
        return
    for i in range(1, len(words)):
        if words[i - 1] == "在" and len(words[i]) == 1 and tags[i] != "x":
            classes[i] = LOC


def token_class(word: str, tag: str, lex: Lexicon) -> int:
    """The class of one token, from the lexicons first and the POS tag second."""
    if word in lex.verbs:
        _, kind, inside = lex.verbs[word]
        return VLEAD if inside else _VERB_CLASS[kind]
    kind = lex.words.get(word)
    if kind in _WORD_CLASS:
        return _WORD_CLASS[kind]
    return _class_by_form(word, tag)


def _class_by_form(word: str, tag: str) -> int:
    special = {"的": DE, "之": DE, "等": DENG, "等等": DENG, "、": COORD}.get(word)
    if special is not None:
        return special
    if word.isspace():
        return SPACE
    if word in _JOINERS:
        return JOIN
    if word in _OPEN_QUOTES:
        return QOPEN
    if word in _CLOSE_QUOTES:
        return QCLOSE
    return _class_by_tag(word, tag)


def _class_by_tag(word: str, tag: str) -> int:
    if tag == "x" and not word.isalnum():
        return PUNCT
    if tag in ("ul", "uz", "ug", "uv", "ud", "y", "e"):
        return CLAUSE  # aspect particles (了, 着, 过), 地, 得, modal particles end a phrase
    if tag == "p":
        return PREP
    if tag == "c":
        return CLAUSE
    if tag == "d" and len(word) == 1:
        return ADV
    if tag == "v":
        return VFUSED
    if tag == "q" or (tag == "m" and not any(c.isascii() and c.isalpha() for c in word)
                      and not word.startswith("第")):
        return NUM
    return WORD


def _match_quotes(toks: Tokens) -> None:
    """Pair each closing quote with the nearest opening one (within ``_MAX_QUOTE`` tokens)."""
    opened: int | None = None
    marks = [i for i, c in enumerate(toks.classes) if c in _QUOTE_MARKS]
    for i in marks:
        c = toks.classes[i]
        if c == QOPEN:
            opened = i
        elif c == QCLOSE and opened is not None and i - opened <= _MAX_QUOTE:
            toks.quote_open[i], toks.quote_close[opened] = opened, i
            opened = None
        elif c == PUNCT and toks.words[i] in "。；！？\n":
            opened = None
    _match_brackets(toks)
    toks.enclosing = [-1] * len(toks.words)
    for opening, closing in toks.quote_close.items():
        for k in range(opening + 1, closing):
            toks.enclosing[k] = opening


_QUOTE_MARKS = frozenset({QOPEN, QCLOSE, PUNCT})
_MAX_BRACKET = 4
"""Longest bracketed stretch, in tokens, that may sit inside a name (…中心（重庆）有限公司)."""


def _match_brackets(toks: Tokens) -> None:
    opened: int | None = None
    for i in [i for i, c in enumerate(toks.classes) if c == PUNCT]:
        word = toks.words[i]
        if word in ("（", "("):
            opened = i
        elif word in ("）", ")") and opened is not None:
            if i - opened <= _MAX_BRACKET:
                toks.bracket_open[i] = opened
            opened = None


def opening_quote(toks: Tokens, i: int) -> int | None:
    """Index of the opening quote whose quoted stretch contains token ``i``, if any."""
    opening = toks.enclosing[i]
    return None if opening < 0 else opening


# ------------------------------------------------------------------ heads


def head_at(toks: Tokens, i: int, lex: Lexicon) -> tuple[Head, int] | None:
    """The longest type head ending with token ``i`` and the index of its first token: a head
    ending the token (母基金 → 基金), or one spanning the previous token too (孵化 + 器)."""
    word = toks.words[i]
    best = _own_head(word, lex)
    if best is not None and best.rule == "standalone" and not _office_position(toks, i):
        best = None  # 河长/办 is a body, “一网通/办” a slogan's verb
    longer = _longer_heads(word, lex)
    if longer and i > 0 and toks.classes[i - 1] in NOUNISH:
        joined = toks.words[i - 1] + word
        for head in longer:
            if joined.endswith(head.text) and (best is None or len(head.text) > len(best.text)):
                return head, i - 1
    return (best, i) if best else None


def _office_position(toks: Tokens, i: int) -> bool:
    """Whether a one-character head of its own (办) at ``i`` can name a body: after the words
    naming its work (河长办, 乡村振兴办), not inside a quoted slogan (“一网通办”, “马上办”),
    where it is the slogan's verb, nor after an idiom, set phrase or adverb."""
    if i == 0 or (toks.enclosing and toks.enclosing[i] >= 0):
        return False
    return toks.tags[i - 1] not in ("i", "l", "d", "x")


_OWN_HEAD: dict[str, Head | None] = {}
_LONGER: dict[str, tuple[Head, ...]] = {}


def _own_head(word: str, lex: Lexicon) -> Head | None:
    """The longest head the word ends with (memoised per word), unless the word ends in a
    longer word that only looks like a head (布局, 全局)."""
    if word in _OWN_HEAD:
        return _OWN_HEAD[word]
    if len(_OWN_HEAD) > _CLASS_CACHE_SIZE:
        _OWN_HEAD.clear()
    found = None
    for n in range(min(len(word), lex.max_head), 0, -1):
        found = lex.heads.get(word[-n:])
        if found:
            break
    if found is not None and any(word.endswith(w) and len(w) > len(found.text)
                                 for w in lex.kinds("nonhead")):
        found = None  # 全局 and words ending in it (事关全局) name no 局
    if found is not None and found.rule == "standalone" and word != found.text:
        found = None  # 督办, 举办 are verbs; only a 办 of its own (河长/办) is a head
    _OWN_HEAD[word] = found
    return found


def _longer_heads(word: str, lex: Lexicon) -> tuple[Head, ...]:
    """Heads longer than the word that end with it, longest first (器 → 孵化器, 加速器)."""
    if word in _LONGER:
        return _LONGER[word]
    if len(_LONGER) > _CLASS_CACHE_SIZE:
        _LONGER.clear()
    found: tuple[Head, ...] = ()
    if len(word) < lex.max_head:
        longer = (h for t, h in lex.heads.items() if len(t) > len(word) and t.endswith(word))
        found = tuple(sorted(longer, key=lambda h: -len(h.text)))
    _LONGER[word] = found
    return found


_NON_HEAD_NEXT = frozenset({"化", "性", "家", "会", "者", "员", "人", "长", "式", "点"})
"""Single-character words that turn a head into another word (平台 + 化, 基金 + 会,
服务站 + 点)."""


def head_cancelled(toks: Tokens, i: int) -> bool:
    """Whether the token after a head turns it into a different word: a word-making suffix
    (平台 + 化), or one character that ends a phrase-heading noun with the head's last one
    (服务队 + 伍: 队伍 heads the phrase, and names no body)."""
    if i + 1 >= len(toks.words):
        return False
    after = toks.words[i + 1]
    if after in _NON_HEAD_NEXT:
        return True
    return len(after) == 1 and toks.words[i][-1] + after in lexicon().kinds("np_head")


# ------------------------------------------------------------------ growth


def grow(toks: Tokens, k: int, lo: int = 0, lex: Lexicon | None = None,
         head_type: str = "", prefixes: bool = True, bare_head: bool = False) -> tuple[int, int]:
    """Grow leftwards from token ``k`` over modifiers.

    Returns ``(first, boundary)``: the first token of the grown stretch (``k + 1`` when nothing
    was taken) and the index of the token that stopped it (``lo - 1`` at the start). Before an
    institution head, verbs that may open a clause never sit inside the phrase. A bound prefix
    (跨, 多) is taken unless ``prefixes`` is false: before a conjunct it scopes the whole
    coordination (跨教育、财政等多部门), not the conjunct alone. ``bare_head`` says the head
    token is a head that needs a modifier (中心, 基金): a verb right before it is then its
    modifier, not a verb taking it as a meaningless bare object.
    """
    first, k0 = k + 1, k
    lo = max(lo, k - _MAX_PHRASE)
    while k >= lo:
        c = toks.classes[k]
        if c == QCLOSE:
            opening = toks.quote_open.get(k)
            if opening is None or opening < lo:
                break
            first, k = opening, opening - 1
        elif c in NOUNISH and not (head_type == "Institution" and k < k0 and _bare_verb(toks, k, lex)
                                   and not _attributive_verb(toks, k, k0, lex or lexicon())) \
                and not (c == VFUSED and k < k0 and _after_subject(toks, k, k0, lo, lex, head_type)) \
                and not (head_type == "Institution" and _predicate_before_body(toks, k, lex or lexicon())) \
                and not (k < k0 and _verb_after_coverb_np(toks, k, lex or lexicon())) \
                and not (head_type == "Institution" and k == k0 and not bare_head
                         and _clause_opening_verb(toks, k)):
            first, k = k, k - 1
        elif c == PUNCT and k in toks.bracket_open and toks.bracket_open[k] > lo \
                and toks.classes[toks.bracket_open[k] - 1] in NOUNISH:
            first, k = toks.bracket_open[k], toks.bracket_open[k] - 1  # …中心（重庆）有限公司
        elif (c == JOIN and k > lo and toks.classes[k - 1] in NOUNISH | {QCLOSE}):
            first, k = k, k - 1
        elif c == SPACE and _latin_space(toks, k):
            first, k = k, k - 1
        elif c == ADV and k < k0 and k > lo and bare_head and head_type == "Mechanism" \
                and _adverb_in_name(toks, k, k0):
            first, k = k, k - 1  # 共同/配送/机制: no verb takes a bare 机制 as its object
        elif c == VLEAD and _verb_inside(toks, k, lo, lex or lexicon(), k == k0, head_type,
                                         bare_head and k == k0, _verbs_to(toks, k, k0)):
            first, k = k, k - 1
        elif c == VPROP and k == k0 and k > lo and _subject_verb_names_head(toks, k, head_type,
                                                                             bare_head, lex or lexicon()):
            first, k = k, k - 1
        elif c == VACT and k == k0 and k > lo and _action_names_head(toks, k, head_type, bare_head,
                                                                     lex or lexicon()):
            first, k = k, k - 1
        elif c == VACT and k < k0 and k > lo and (_head_noun_between_nouns(toks, k, lex or lexicon())
                                                  or _nominal_verb_between_nouns(toks, k, lex or lexicon())):
            first, k = k, k - 1
        elif c == VACT and k < k0 and k > lo and _joining_compound(toks, k, k0, lex or lexicon()):
            first, k = k, k - 1  # 医养/结合/支付/保障/机制: the compound of joining is a modifier
        elif prefixes and k < k0 and first == k + 1 and _prefix_before_noun(toks, k, lex or lexicon()):
            first, k = k, k - 1  # 跨/流域…机制, 多/层级…资金池: the prefix belongs to the modifier
        else:
            break
    return first, k


def _attributive_verb(toks: Tokens, k: int, k0: int, lex: Lexicon) -> bool:
    """Whether an unlisted verb before an institution head modifies it after all: when verbs
    run from it straight to the head (回收/拆解/企业, 回收/利用/企业: a compound of verbs names
    what the body does), or when it opens a conjunct listed after another that ends in the same
    head word (电池生产企业、报废/机动车回收拆解企业: a conjunct built like a noun phrase)."""
    if k < k0 and all(_verb_like(toks, j, lex) for j in range(k + 1, k0 + 1)):
        return True
    if toks.words[k + 1] in lex.kinds("bound"):
        return True  # 阅读/v 类 社会组织: a category word, verb or not
    return _conjunct_like_the_last(toks, k, k0 + 1) or _after_level_nouns(toks, k, lex)


def _after_level_nouns(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether the verb at ``k`` follows a level and plain nouns (市级/职业病/防治…中心): a level
    opens a noun phrase, so a verb inside it, after its nouns, is a modifier of the name, not
    a predicate with a subject (社会力量/举办/养老机构 has no level)."""
    j = k - 1
    while j >= max(0, k - 4) and toks.classes[j] == WORD and head_at(toks, j, lex) is None:
        word = toks.words[j]
        if j < k - 1 and (word in lex.kinds("scope") or (2 <= len(word) <= 3 and word.endswith("级"))):
            return True
        j -= 1
    return False


def _conjunct_like_the_last(toks: Tokens, k: int, head: int) -> bool:
    """Whether token ``k`` opens a conjunct after 、/和 whose neighbour before the connector ends
    in the same word as the head at ``head``."""
    if k < 2 or head >= len(toks.words):
        return False
    if toks.classes[k - 1] not in (COORD, CONJ) or toks.words[k - 1] in WHOLE_ONLY:
        return False
    if toks.classes[k - 2] not in NOUNISH:
        return False
    before = head_at(toks, k - 2, lexicon())  # 商业银行与支付/v机构: a body joined to a body
    return toks.words[k - 2] == toks.words[head] or (before is not None
                                                     and before[0].type == "Institution")


def _adverb_in_name(toks: Tokens, k: int, k0: int) -> bool:
    """Whether a two-character adverb (共同) and the verbs after it, running straight to a
    mechanism head that needs a modifier, name the arrangement (县乡三级物流共同配送机制): not a one-character
    adverb (更, 再), which only modifies a predicate."""
    return len(toks.words[k]) >= 2 and all(toks.classes[j] == VFUSED for j in range(k + 1, k0 + 1))


def _action_names_head(toks: Tokens, k: int, head_type: str, bare_head: bool,
                       lex: Lexicon) -> bool:
    """Whether an action verb between a noun and the head is the head's modifier: before a
    head that needs a modifier outside institutions (价值实现机制, 消费促进中心: no verb takes
    a bare 机制 as object) or after what it acts on (消费促进专项资金), or
    wherever the segmenter itself reads it as a noun (回收利用/n 体系,
    梯次利用/n 企业); never a verb that governs institutions (支持, 鼓励 …), a verb after a
    head of its own (企业利用平台开展培训: the subject's verb) or a coverb tagged as a verb.
    Tagged an adjective right before a head that needs a modifier, it is that modifier even
    after a proposing verb (完善配套/a 机制)."""
    if bare_head and head_type != "Institution" and toks.tags[k] in ("a", "b") \
            and toks.words[k] not in lex.kinds("predicate"):
        return True  # 完善配套/a 机制: tagged an adjective, the word only modifies the head
    if toks.classes[k - 1] not in (WORD, VFUSED) or toks.words[k] in lex.kinds("predicate") \
            or (head_type == "Institution" and toks.words[k] in lex.kinds("clause_verb")):
        return False
    if head_at(toks, k - 1, lex) is not None:
        return False  # 企业利用平台: after a head of its own the verb is that subject's verb
    if toks.words[k] in lex.kinds("joining"):
        return True  # 医养结合服务中心: a verb-object compound of joining modifies the head
    if toks.tags[k] in ("n", "vn"):
        return True
    if head_type == "Institution" and bare_head and toks.words[k] not in lex.kinds("coverb") \
            and not (k + 2 < len(toks.words) and toks.classes[k + 2] in NOUNISH):
        return True  # 文创/开发/联盟: after what it acts on, before a head that needs a
        # modifier and ends the phrase, the verb names what the body does (a head before it
        # would be its subject; 情况/纳入/企业…体系: before a larger name the verb takes it)
    if head_type == "Institution" or toks.words[k] in lex.kinds("coverb"):
        return False
    return True  # 消费促进专项资金, 就业/v促进专项资金: after what it acts on (a noun or a
    # verb of the same kind, no head of its own), the verb names the vehicle's purpose


def _subject_verb_names_head(toks: Tokens, k: int, head_type: str, bare_head: bool,
                             lex: Lexicon) -> bool:
    """Whether a proposing verb (形成, 建立 …) between a plain noun and a head that needs a
    modifier names the arrangement by what it does to that noun (价格形成机制, 标准制定
    制度): no verb takes a bare 机制 as its object after a subject that is no body, so the
    noun-verb pair is the head's modifier. After a head of its own (企业形成机制) the verb
    stays that subject's verb; before an institution it never names one."""
    if not bare_head or head_type == "Institution" or toks.classes[k - 1] != WORD:
        return False
    return toks.tags[k - 1][:1] == "n" and head_at(toks, k - 1, lex) is None


def _joining_compound(toks: Tokens, k: int, k0: int, lex: Lexicon) -> bool:
    """Whether a verb of joining (结合, 融合) after a fused pair (医养, 产教) opens a compound
    that modifies the head even with nominal verbs between it and the head (医养结合/支付/保障
    机制): the pair is no body, so the verb takes no subject, and the verbs after it (支付,
    结算, 监管) are nouns naming what the arrangement covers, not a predicate."""
    if toks.words[k] not in lex.kinds("joining") or toks.classes[k - 1] != WORD:
        return False
    if head_at(toks, k - 1, lex) is not None:
        return False
    return all(toks.classes[j] in (WORD, VFUSED) for j in range(k + 1, k0 + 1))


def _head_noun_between_nouns(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """A verb that is also a head noun (组织) reads as the noun between two nouns inside a
    phrase (行业组织/信用评价制度): a noun before it is its modifier, and a noun, not a verb,
    follows it, so it governs nothing. After a head of its own it is that subject's verb
    (市科协组织专家…)."""
    return toks.words[k] in lex.heads and toks.classes[k - 1] == WORD \
        and toks.tags[k + 1][:1] == "n" and toks.classes[k + 1] == WORD \
        and head_at(toks, k - 1, lex) is None


def _nominal_verb_between_nouns(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """A listed verb the segmenter reads as a noun between a modifier and a plain noun inside a
    phrase is that noun (文物保护/利用/n 专家委员会: protection and use); after a head of its
    own it stays that subject's verb."""
    return toks.tags[k] == "n" and toks.classes[k - 1] in (WORD, VFUSED) \
        and toks.classes[k + 1] == WORD and toks.tags[k + 1][:1] == "n" \
        and head_at(toks, k - 1, lex) is None


def _prefix_before_noun(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` is a bound prefix (跨, 多, 全 …) fused to the noun after it, or a
    word it opens (多层次, 多渠道) that is not a determiner (多家, 多个)."""
    if k + 1 >= len(toks.words) or toks.classes[k + 1] not in (WORD, NUM, VFUSED):
        return False
    word, prefixes = toks.words[k], lex.kinds("prefix")
    if word in prefixes:
        return toks.classes[k + 1] != VFUSED
    return toks.classes[k] == NUM and word[:1] in prefixes and word not in lex.kinds("quant") \
        and (toks.classes[k + 1] != VFUSED or len(word) > 2)  # 多层次/保障/模式: a bound word


def _after_coverb_object(toks: Tokens, k: int, lex: Lexicon, pivots: bool = True) -> bool:
    """Whether the verb at ``k`` follows the object of a coverb (依托高新区 | 建设…, 在园区 |
    建设…, 以街道为单位 | 建设…), or the object of a verb that governs a clause (支持区县 | 建设…,
    鼓励社会资本 | 建设…) unless ``pivots`` is false: the verb then heads a new verb phrase and
    opens no name."""
    j, floor = k - 1, max(0, k - _MAX_PHRASE)
    walk = NOUNISH | {COORD, LOC, DENG}  # 在东盟、欧洲等重点市场 | 建设…
    while j >= floor and (toks.classes[j] in walk or toks.classes[j] == QCLOSE
                          or (toks.classes[j] == CONJ and toks.words[j] not in WHOLE_ONLY)):
        if toks.classes[j] == QCLOSE:
            j = toks.quote_open.get(j, -1)
        j -= 1
    governing = lex.kinds("coverb") | (lex.kinds("clause_verb") if pivots else frozenset())
    return 0 <= j < k - 1 and toks.words[j] in governing


def _after_subject(toks: Tokens, k: int, k0: int, lo: int, lex: Lexicon | None,
                   head_type: str = "") -> bool:
    """A known verb after a head, followed by its own object noun, is the subject's verb
    (保险资金投资创投基金 → 创投基金); verbs running straight to the head name an
    arrangement (企业协同发展机制, 产教融合型企业激励机制). A verbal noun (vn) before further
    nouns of a mechanism or platform is nominal instead: money and bodies are what such verbs
    (投资, 融资) take, so 企业融资需求清单制度 is one name, unless the noun before the verb is a
    coverb's object (由协会运营…中心: the operator and its verb)."""
    lex = lex or lexicon()
    if k <= lo or toks.words[k] not in lex.verbs or toks.words[k - 1] == "政府":
        return False
    if toks.tags[k] == "vn" and head_type in _NOT_INVESTED and toks.classes[k + 1] in NOUNISH \
            and not _after_coverb_object(toks, k, lex):
        return False  # 企业融资需求清单制度; but 由协会运营服务中心: the coverb's object acts
    if all(toks.classes[j] in (VFUSED, VLEAD) for j in range(k + 1, k0 + 1)):
        return False
    return head_at(toks, k - 1, lex) is not None


_NOT_INVESTED = frozenset({"Mechanism", "Platform"})
"""Head types that are never the object of a subject's investing or financing verb."""


def _bare_verb(toks: Tokens, k: int, lex: Lexicon | None) -> bool:
    """A verb jieba tags and the lexicons do not know; before an institution it ends the phrase
    unless it stands right before the head (社会力量举办养老机构, but 乡村振兴研究院), right
    after a determiner, where only a noun phrase can follow (一批知名酒店管理公司), or after a
    non-predicate adjective, which only modifies nouns (多式/b 联运经营联盟)."""
    return toks.tags[k] == "v" and toks.words[k] not in (lex or lexicon()).verbs \
        and not _after_determiner(toks, k) and not (k > 0 and toks.tags[k - 1] == "b") \
        and not _clause_initial_modifier(toks, k, lex or lexicon())


def _clause_initial_modifier(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether a verb-tagged word that no lexicon lists opens a clause (after punctuation or at
    the start) and is followed by a plain noun that goes on to more of the phrase (，充电/设施/
    运营商…偏弱): with no subject before it and no head right after it, it is the first
    modifier of the clause's subject, not a verb taking an object (社会力量/举办/养老机构 has a
    subject; 支持, 举办 and the other listed verbs are left to their own rules)."""
    if k > 0 and toks.classes[k - 1] != PUNCT:
        return False
    word, nxt = toks.words[k], k + 1
    if word in lex.verbs or word in lex.words or word in lex.kinds("serial") \
            or word in lex.kinds("clause_verb") or nxt + 1 >= len(toks.words):
        return False
    return toks.classes[nxt] == WORD and toks.tags[nxt][:1] == "n" \
        and toks.words[nxt] not in lex.heads and toks.classes[nxt + 1] in NOUNISH


def _predicate_before_body(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether the word at ``k``, inside the stretch before an institution head, is the
    clause's predicate taking that institution as its object rather than a modifier of it.
    A ``predicate`` verb (制约, 支撑: jieba may tag them nouns) never sits inside a body's name
    (融资难问题制约中小企业 → 中小企业). A ``serve`` verb (服务, 保障, 赋能) does inside a
    name after a plain noun (金融服务企业, 住房保障部门), but is the predicate where nothing
    can be its modifier: opening a clause (，服务中小企业发展), after an adjective that closes
    its subject (供给不足/a 保障…), or after a coverb's object that ends in a noun heading a
    phrase of its own (以数字化手段赋能制造业企业; but 依托家政服务企业: 家政 is plain)."""
    word = toks.words[k]
    if word in lex.kinds("predicate"):
        return True
    if word not in lex.kinds("serve"):
        return False
    if k == 0 or toks.classes[k - 1] in (PUNCT, CLAUSE):
        return True
    if toks.tags[k - 1] == "a":
        return True
    closed = head_at(toks, k - 1, lex) is not None or toks.words[k - 1] in lex.kinds("np_head")
    return closed and _after_coverb_object(toks, k, lex, pivots=False)


def _verb_after_coverb_np(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether a listed verb follows a coverb's object that ends in a phrase-heading noun
    (以公建民营方式 | 运营…综合体): the verb heads a new verb phrase, so it opens no name."""
    return toks.words[k] in lex.verbs and k > 0 and toks.words[k - 1] in lex.kinds("np_head") \
        and _after_coverb_object(toks, k, lex, pivots=False)


def _clause_opening_verb(toks: Tokens, k: int) -> bool:
    """Whether a verb-tagged word (v, vn) opens a clause right before an institution head
    that already names the body in full (，盘活/vn 国有企业…): it is the clause's verb, for a
    name that needs no modifier takes none from a verb (养老/vn 机构 needs one and keeps it)."""
    return toks.tags[k] in ("v", "vn") and (k == 0 or toks.classes[k - 1] in (PUNCT, CLAUSE))


def _after_determiner(toks: Tokens, k: int) -> bool:
    return k > 0 and toks.classes[k - 1] == QUANT


def _verbs_to(toks: Tokens, k: int, k0: int) -> bool:
    """Whether only verbs stand between token ``k`` and the head after ``k0``."""
    return k < k0 and all(toks.classes[j] in (VFUSED, VLEAD) for j in range(k + 1, k0 + 1))


def _verb_inside(toks: Tokens, k: int, lo: int, lex: Lexicon, next_to_head: bool,
                 head_type: str = "", before_bare_head: bool = False,
                 verbs_to_head: bool = False) -> bool:
    """A verb such as 培育 or 引导 sits inside a name when a noun precedes it and it stands right
    before the head (企业扶持机制, 政府引导基金), or when the noun before it is no head of its own
    (财政支持稳定增长机制); not when it opens the phrase or follows a subject (龙头企业建设产业
    创新综合体). After a proposing verb it opens that verb's object (优化创新评价体系); right
    before the head after 的 or another verb, it is the head's modifier (…的创新体系)."""
    if k <= lo:
        return False
    if lex.proposes(toks.words[k]) and _after_coverb_object(toks, k, lex) \
            and (not before_bare_head or _ends_body(toks, k - 1, lex)):
        return False  # 依托高新区建设科技金融服务中心: 建设 starts a verb phrase; but 依托
        # 县级农业技术推广中心: a bare 中心 could be no object, so 推广 names it, unless a body
        # ends the coverb's object (依托市青少年宫 | 建设基地)
    if toks.classes[k - 1] == VPROP:
        return not lex.proposes(toks.words[k])  # 优化创新评价体系, not 引进培育…
    if head_type == "Institution" and toks.words[k] in lex.kinds("clause_verb"):
        return False  # 支持企业…: before an institution such a verb is the clause's verb
    if toks.classes[k - 1] == DE or (next_to_head and toks.classes[k - 1] in (VACT, QUANT, VLEAD)):
        return True  # …的创新体系, …的建设用地市场, 共建联合实验室, 一批创新平台, 联合创新中心
    if toks.classes[k - 1] not in (WORD, VFUSED, QCLOSE):
        return False
    if next_to_head or toks.words[k - 1] == "政府":
        return True
    if verbs_to_head and head_type != "Institution":
        return True  # 口岸查验单位联合查验机制: a verb run straight to the head names the arrangement
    before = head_at(toks, k - 1, lex)
    return before is None or before[0].type != "Institution"  # only a body is a subject that
    # builds (企业建设…); a facility before the verb is its object (海外仓建设专项基金)


def _ends_body(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` ends an institution's name (青少年宫, 市商务委)."""
    found = head_at(toks, k, lex)
    return found is not None and found[0].type == "Institution"


def _latin_space(toks: Tokens, k: int) -> bool:
    """A stray space after a Latin word or number (“5G 专网”) stays inside the phrase."""
    return k > 0 and "\n" not in toks.words[k] and toks.words[k - 1][-1:].isascii() \
        and toks.words[k - 1][-1:].isalnum()


def strip_leading(toks: Tokens, first: int, last: int, head_type: str = "") -> int:
    """Drop quantifiers, adverbs, spaces and verbs that open a phrase (一批, 创新 as a verb),
    and a one-character adjective after an adverb (更大 …). Before an institution head, any
    verb jieba tags as such opens no name (实现政府部门 → 政府部门, 涉农高校 → 高校)."""
    while first < last and not _opens_object(toks, first) and _drops(toks, first, head_type, last) \
            and not _prefix_before_noun(toks, first, lexicon()) \
            and not _verb_after_de(toks, first, last):
        first += 1
    if first < last and first > 0 and toks.classes[first - 1] == ADV and toks.tags[first] == "a" \
            and len(toks.words[first]) == 1:
        first += 1
    return first


def _verb_after_de(toks: Tokens, first: int, last: int) -> bool:
    """A verb such as 建设 right after 的 and before further nouns modifies them (…的建设用地
    指标交易平台): after an attributive 的 only a noun phrase can follow. Right before the
    head it is left to the 的-clause rule (…的创新体系)."""
    return toks.classes[first] == VLEAD and first > 0 and toks.classes[first - 1] == DE \
        and first + 1 < last


def _drops(toks: Tokens, first: int, head_type: str, last: int = -1) -> bool:
    if toks.classes[first] == NUM and _measures_a_noun(toks, first):
        return False  # 24小时心理援助热线平台: a number with a noun describes
    if toks.tags[first] == "q" and len(toks.words[first]) == 1 and not _after_number(toks, first):
        return False  # 建设名中医传承工作室: a classifier with no number before it counts nothing
    if toks.classes[first] == ADV and head_type == "Mechanism" and first < last < len(toks.words) \
            and _adverb_in_name(toks, first, last - 1) and _needs_modifier(toks, last):
        return False  # 共同配送机制: the adverb and its verb name the arrangement
    if toks.classes[first] in LEADING_DROP:
        return True
    if toks.tags[first] == "f" and first > 0 and toks.classes[first - 1] == NUM:
        return True  # 3家以上头部创投机构: a position word after a number ends the quantity
    if toks.classes[first] == VFUSED and first > 0 and toks.classes[first - 1] == ADV:
        return True  # after an adverb a verb is a verb (积极对接国家实验室)
    if toks.tags[first] != "v" or toks.classes[first] != VFUSED:
        return False
    if _after_determiner(toks, first):
        return False  # 一批知名…公司: after a determiner the verb is attributive
    if _parallel_conjunct(toks, first, head_type) or (
            head_type == "Institution" and _conjunct_like_the_last(toks, first, last)):
        return False  # 物流企业和快递/v企业, …企业、报废/v机动车…企业: a conjunct like the one before it
    if first + 1 < len(toks.words) and toks.words[first + 1] in lexicon().kinds("bound"):
        return False  # 阅读/v 类社会组织: the suffix makes the verb a category modifier
    if head_type == "Institution" and first < last - 1 \
            and all(_verb_like(toks, j, lexicon()) for j in range(first + 1, last)):
        return False  # 回收/v利用/n企业: verbs running to the head name what the body does
    if first > 0 and toks.classes[first - 1] == JOIN and toks.enclosing[first] >= 0:
        return False  # “…+回收/v企业+…”: a member of a quoted list is a noun phrase
    if _clause_initial_modifier(toks, first, lexicon()):
        return False  # ，充电/v设施运营商…: the first modifier of the clause's subject
    # a verb after a preposition or coverb opens a clause (对/为入驻孵化器的企业 → 孵化器)
    return head_type == "Institution" or _after_coverb(toks, first)


def _needs_modifier(toks: Tokens, k: int) -> bool:
    """Whether token ``k`` is a type head that needs a modifier (机制, 企业)."""
    found = lexicon().heads.get(toks.words[k])
    return found is not None and not found.bare


def _measures_a_noun(toks: Tokens, k: int) -> bool:
    """Whether the number at ``k`` (no classifier fused to it) measures the plain noun after
    it (24/小时), a descriptive modifier, rather than counting what follows (300家…: the
    classifier is part of the number token or a number token itself). A number with no
    classifier before a distinguishing adjective (12345/公共/b …热线) counts nothing either:
    a Chinese count needs a classifier, so the number is a designation kept in the name."""
    nxt = k + 1
    return nxt < len(toks.words) and toks.classes[nxt] == WORD \
        and (toks.tags[nxt][:1] == "n" or toks.tags[nxt] == "b") \
        and toks.tags[k] == "m" and not _head_word(toks, nxt) \
        and all(c in _NUMERALS for c in toks.words[k])  # 一家/m carries its classifier: a count


_NUMERALS = frozenset("0123456789０１２３４５６７８９零〇一二三四五六七八九十百千万亿两.．")
"""Characters of a bare number; a number token with any other character (一家, 三所) has its
classifier fused to it and counts."""


def _after_number(toks: Tokens, k: int) -> bool:
    return k > 0 and (toks.tags[k - 1] == "m" or toks.classes[k - 1] == QUANT)


def _head_word(toks: Tokens, k: int) -> bool:
    return toks.words[k] in lexicon().heads


def _parallel_conjunct(toks: Tokens, first: int, head_type: str) -> bool:
    """Whether the verb-tagged word at ``first`` opens a conjunct after 和/、 that is built like
    the one before it: one word before the same head word (物流企业和快递企业, where jieba tags
    快递 a verb). A conjunct of the same build is a noun phrase too, so the word is its modifier."""
    head = first + 1
    if head_type != "Institution" or head >= len(toks.words) or first < 3:
        return False
    if toks.classes[first - 1] not in (COORD, CONJ) or toks.words[first - 1] in WHOLE_ONLY:
        return False
    return toks.words[first - 2] == toks.words[head] and toks.classes[first - 3] in NOUNISH


def _after_coverb(toks: Tokens, k: int) -> bool:
    """Whether token ``k`` follows a preposition or a coverb (对, 为, 依托 …)."""
    return k > 0 and (toks.classes[k - 1] == PREP or toks.words[k - 1] in lexicon().kinds("coverb"))


def _opens_object(toks: Tokens, first: int) -> bool:
    """A non-proposing verb like 创新 right after a proposing verb opens that verb's object
    (优化创新评价体系; but 引进培育… are two verbs)."""
    if toks.classes[first] != VLEAD or first == 0:
        return False
    if toks.classes[first - 1] == QUANT:
        return True  # 一批创新平台
    return toks.classes[first - 1] == VPROP and not lexicon().proposes(toks.words[first])


def units(toks: Tokens, first: int, last: int) -> list[tuple[int, int]]:
    """Tokens ``first`` .. ``last`` grouped into units: a quoted stretch is one unit."""
    out, i = [], first
    while i <= last:
        closing = toks.quote_close.get(i)
        j = closing if closing is not None and closing <= last else i
        out.append((i, j))
        i = j + 1
    return out


def is_quoted(toks: Tokens, first: int, last: int) -> bool:
    """Whether tokens ``first`` .. ``last`` are exactly one quoted stretch."""
    return toks.quote_close.get(first) == last


# ------------------------------------------------------------------ coordination


@dataclass
class Conjunct:
    first: int
    last: int
    head: Head | None


def conjuncts_before(toks: Tokens, b: int, lo: int, lex: Lexicon,
                     head_type: str = "", bare_head: bool = False) -> list[Conjunct]:
    """The conjuncts left of the coordination marker at ``b``, nearest first. ``bare_head``
    says one word stands between the marker and a head that needs a modifier (…和验收制度):
    a verb ending the nearest conjunct then names that head too (配建和验收制度)."""
    out: list[Conjunct] = []
    while b > lo and len(out) < _MAX_CONJUNCTS:
        first, stop = grow(toks, b - 1, lo, lex, head_type, prefixes=False,
                           bare_head=bare_head and not out)
        first = strip_leading(toks, first, b - 1, head_type)
        if first > b - 1:
            break
        found = _conjunct_head(toks, first, b - 1, lex)
        out.append(Conjunct(first, b - 1, found[0] if found else None))
        if stop < lo or toks.classes[stop] not in (COORD, CONJ) or toks.words[stop] in WHOLE_ONLY:
            break
        b = stop
    return out


def _conjunct_head(toks: Tokens, first: int, last: int, lex: Lexicon):
    """The head ending a conjunct; a quoted name (“智慧养老院”) is headed inside its quotes."""
    if toks.classes[last] == QCLOSE and toks.quote_open.get(last) == first and last - 1 > first:
        return head_at(toks, last - 1, lex)
    return head_at(toks, last, lex)


@dataclass
class Phrase:
    """A grown phrase: tokens ``first`` .. ``last``, plus expansions over a shared head."""

    first: int
    last: int
    expansions: list[tuple[str, int]] = field(default_factory=list)  # (text, first token)
    members: list[Conjunct] = field(default_factory=list)  # listed before 等 (PART_OF)
    de_clause: bool = False
    whole: bool = True  # False when only the expansions name entities (“A”“B”制度)
    verb_chain: int | None = None  # where the verbs governing it end, when a verb was cut off


def phrase_for(toks: Tokens, head_first: int, head_last: int, head: Head, lo: int = 0,
               lex: Lexicon | None = None) -> Phrase:
    """The maximal noun phrase ending with the head at tokens ``head_first`` .. ``head_last``."""
    lex = lex or lexicon()
    first, b = grow(toks, head_first - 1, lo, lex, head.type,
                    bare_head=_bare(toks, head_first, head_last, head))
    first = min(first, head_first)
    phrase = Phrase(strip_leading(toks, first, head_first, head.type), head_last)
    if b >= lo:
        _left_context(toks, phrase, b, head, head_last, lo, lex)
        phrase.first = _regulated_clause(toks, phrase.first, b, head_first, head, lo)
    phrase.first = _past_stage(toks, phrase.first, head_last, head, lex)
    if not phrase.expansions:
        _past_coordinated_verb(toks, phrase, head_first, head, lo, lex)
        if not phrase.de_clause:  # a kept 的-clause has verbs of its own (获得省级认定的…)
            _from_level(toks, phrase, head_first, lex)
    return phrase


def _from_level(toks: Tokens, phrase: Phrase, head_first: int, lex: Lexicon) -> None:
    """Start the phrase at a level (村级, 县级, 省级: the ``scope`` kind and other …级 words)
    when a verb stands before it inside the grown stretch: a level opens a noun phrase, so
    what precedes it is the clause (区县建设县级物流配送中心, 共建共享村级…服务站), never a
    modifier. The verb chain is remembered when the verb cut is no proposing verb itself."""
    levels = lex.kinds("scope")
    for k in range(phrase.first + 1, head_first):
        word = toks.words[k]
        if not (word in levels or (2 <= len(word) <= 3 and word.endswith("级")
                                   and toks.classes[k] == WORD)):
            continue
        verbs = [j for j in range(phrase.first, k) if toks.tags[j] == "v"
                 or toks.classes[j] in (VPROP, VACT, VLEAD)]
        if verbs and toks.words[k - 1] not in lex.kinds("prefix"):
            phrase.first = k
            phrase.verb_chain = None if lex.proposes(toks.words[verbs[-1]]) else verbs[-1]
        return


_VERB_CONJ = frozenset({"和", "与", "及", "并", "、"})
"""Connectors that join two verbs over one object (建立和完善, 设立并运营)."""


def _past_coordinated_verb(toks: Tokens, phrase: Phrase, head_first: int, head: Head, lo: int,
                           lex: Lexicon) -> None:
    """Cut a verb that opens the phrase when it is the second of two verbs governing it: after
    a proposing or action verb and a connector (设立并运营区级产业投资基金, 组建和运营…基金, 研究设立
    和规范运行…基金), or right after a proposing verb when it is a verb of running what is set up
    (the ``operate`` kind: 建设运营…中心). The noun phrase is their shared object. Kept when the
    rest would be a bare head (建立和完善运行机制) or opens with a verb of its own, so the verb
    is one of the name's modifiers (建立并完善运行监测机制)."""
    k = phrase.first
    if k >= head_first or not _verb_like(toks, k, lex) or toks.words[k] in lex.kinds("prefix"):
        return
    rest = k + 1
    if rest > head_first or _bare(toks, rest, phrase.last, head) or _verb_like(toks, rest, lex) \
            or toks.classes[rest] not in (WORD, NUM, QOPEN):
        return
    chain = _verb_chain_before(toks, k, lo, lex)
    if chain is not None:
        phrase.first, phrase.verb_chain = rest, chain


def _verb_like(toks: Tokens, k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` reads as a verb: tagged one (v, vn) or a listed proposing or
    action verb whatever its tag."""
    return toks.tags[k] in ("v", "vn") or _governs(toks.words[k], lex)


def _verb_chain_before(toks: Tokens, k: int, lo: int, lex: Lexicon) -> int | None:
    """The index just after the first verb that the verb at ``k`` is coordinated with, or None:
    a proposing or action verb, then a connector, then at most one more verb (设立和规范运行);
    or, for an ``operate`` verb, a proposing verb right before it."""
    j = k - 1
    if j >= lo and toks.words[j] not in _VERB_CONJ and _verb_like(toks, j, lex) \
            and j - 1 >= lo and toks.words[j - 1] in _VERB_CONJ:
        j -= 1  # 和/规范/运行: the second verb phrase has two verbs
    if j - 1 >= lo and toks.words[j] in _VERB_CONJ and _governs(toks.words[j - 1], lex):
        return j
    if j == k - 1 and j >= lo and lex.proposes(toks.words[j]) \
            and toks.words[k] in lex.kinds("operate"):
        return k
    return None


def _governs(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is a listed proposing or action verb."""
    return word in lex.verbs and lex.verbs[word][1] in ("propose", "action")


_CLAUSE_PREPS = frozenset({"以", "向", "按"})
"""Prepositions of manner and direction that open a clause a Mechanism is named by."""
_MAX_SUBJECT = 3
"""Longest noun phrase, in tokens, before such a preposition inside the name."""


def _regulated_clause(toks: Tokens, first: int, b: int, head_first: int, head: Head,
                      lo: int) -> int:
    """Where a Mechanism named by the clause it regulates starts: growth stopped at 以, 向 or
    按, or at the clause's own verb after such a preposition and its noun (按比例/安排), a verb
    follows the preposition before the head, and a verb proposing or carrying out the
    arrangement stands right before the preposition (建立以经常居住地登记户口制度, 落实按比例
    安排残疾人就业制度) or before a short noun phrase in front of it (建立重大项目向民间资本
    推介长效机制). Else ``first`` as it is."""
    if head.type != "Mechanism" or first != b + 1:
        return first
    prep = _clause_preposition(toks, b, lo)
    if prep is None or not any(toks.classes[k] in (VFUSED, VLEAD, VACT)
                               for k in range(prep + 1, head_first)):
        return first
    k = prep - 1
    while k >= max(lo, prep - _MAX_SUBJECT) and toks.classes[k] == WORD:
        k -= 1
    return k + 1 if k >= lo and toks.classes[k] in (VPROP, VACT) else first


def _clause_preposition(toks: Tokens, b: int, lo: int) -> int | None:
    """The index of the clause preposition at ``b``, or of one before the noun in front of the
    action verb at ``b`` (按/比例/安排), else None."""
    if toks.words[b] in _CLAUSE_PREPS:
        return b
    if toks.classes[b] != VACT:
        return None
    k = b - 1
    while k > max(lo, b - 1 - _MAX_SUBJECT) and toks.classes[k] == WORD:
        k -= 1
    return k if k < b - 1 and toks.words[k] in _CLAUSE_PREPS else None


def _left_context(toks: Tokens, phrase: Phrase, b: int, head: Head, head_last: int, lo: int,
                  lex: Lexicon) -> None:
    """Adjust ``phrase`` to what stopped its growth at ``b``: quotes, coordination, 的."""
    _adjacent_quotes(toks, phrase, head)
    if toks.classes[b] == QUANT and b - 1 >= lo and toks.classes[b - 1] == DENG:
        b -= 1  # 教育、科技等多部门: the list still coordinates over the head
    marker = toks.classes[b]
    if marker == QOPEN and toks.quote_close.get(b) == head_last + 1:
        _outside_quote(toks, phrase, b, lo, lex)
    elif marker in (COORD, CONJ, DENG):
        _coordinate(toks, phrase, b, head, lo, lex)
    elif marker == DE:
        _de_clause(toks, phrase, b, head, lo, lex)


def _past_stage(toks: Tokens, first: int, last: int, head: Head, lex: Lexicon) -> int:
    """A stage (初创期, 成长期) scopes a category without naming it: it goes when what follows
    still names one (初创期科技企业 → 科技企业) and stays when the head alone would be bare
    (初创期企业)."""
    if first < last and toks.words[first] in lex.kinds("stage") \
            and not _bare(toks, first + 1, last, head):
        return first + 1
    return first


def _adjacent_quotes(toks: Tokens, phrase: Phrase, head: Head) -> None:
    """Quoted modifiers side by side at the front of a phrase are a coordination that shares
    the rest: “A”“B”制度 names “A”制度 and “B”制度, and “A”“B”联动发展模式 names “A”联动发展
    模式 and “B”联动发展模式, as “A”和“B”联动发展模式 does."""
    parts = units(toks, phrase.first, phrase.last)
    n = 0
    while n < len(parts) - 1 and is_quoted(toks, *parts[n]):
        n += 1
    if n >= 2 and not any(is_quoted(toks, *u) for u in parts[n:]):
        shared = toks.text(parts[n][0], phrase.last)
        phrase.expansions += [(toks.text(*u) + shared, u[0]) for u in parts[:n]]
        phrase.whole = False


def _outside_quote(toks: Tokens, phrase: Phrase, b: int, lo: int, lex: Lexicon) -> None:
    """A quote wrapping the head: modifiers outside it still belong (市级“…专项基金”)."""
    first, _ = grow(toks, b - 1, lo, lex)
    first = strip_leading(toks, first, b - 1) if first < b else b
    if first < b and toks.classes[first] not in LEADING_DROP:
        phrase.first, phrase.last = first, phrase.last + 1


def _coordinate(toks: Tokens, phrase: Phrase, b: int, head: Head, lo: int, lex: Lexicon) -> None:
    right = units(toks, phrase.first, phrase.last)
    one_word_before_head = len(right) == 2 and toks.classes[b] == CONJ \
        and _bare(toks, *right[1], head)
    conj = conjuncts_before(toks, b, lo, lex, head.type, one_word_before_head)
    if not conj or toks.words[b] in WHOLE_ONLY:
        return
    right = units(toks, phrase.first, phrase.last)
    if toks.classes[b] == DENG:
        _coordinate_deng(toks, phrase, conj, right, head, lex)
    else:
        _coordinate_list(toks, phrase, conj, right, head, b)


def _coordinate_deng(toks, phrase, conj, right, head, lex) -> None:
    """“X、Y等Z”: listed entities are members; bare modifiers expand over Z."""
    headed = [c for c in conj if c.head is not None]
    if len(headed) == len(conj):
        phrase.members = list(reversed(conj))
        return
    first_unit = toks.text(*right[0])
    starts_with_category = (lex.heads.get(first_unit) is not None
                            and lex.heads[first_unit].type == "Institution")
    if head.type != "Institution" and starts_with_category and len(right) > 1:
        phrase.first = conj[-1].first
        return
    if not _bare(toks, phrase.first, phrase.last, head):
        return
    shared = toks.text(phrase.first, phrase.last)
    for c in reversed(conj):
        if c.head is None:
            phrase.expansions.append((toks.text(c.first, c.last) + shared, c.first))


def _bare(toks: Tokens, first: int, last: int, head: Head) -> bool:
    """Whether tokens ``first`` .. ``last`` are just a head that needs a modifier (企业, 模式)."""
    return not head.bare and toks.text(first, last) == head.text


def _coordinate_list(toks, phrase, conj, right, head, b) -> None:
    """“X、Y Z” / “X和Y Z”: end the phrase, take the coordination whole, or expand it."""
    nearest = conj[0]
    connector_is_list = toks.classes[b] == COORD
    if head.type != "Institution" and len(right) >= 2 and all(
            _headless(toks, c) and c.first == c.last and toks.tags[c.first][:1] == "n" for c in conj) \
            and any(c.head is not None and c.head.type == "Institution" for c in conj) \
            and toks.tags[right[0][0]][:1] == "n" \
            and right[0][0] == right[0][1] and _headless(toks, Conjunct(*right[0], None)):
        phrase.first = conj[-1].first  # 家庭、学校和社会协同保护机制: the parties of one arrangement
        return
    if connector_is_list and _shared_noun_list(toks, conj, right, head):
        phrase.first = conj[-1].first  # 党委、政府、企业、社会“四位一体”…: the count sums them up
        return
    if nearest.head is not None:
        if not connector_is_list and head.type != "Institution" and len(conj) == 1 \
                and nearest.head.type == "Institution" and not is_quoted(toks, nearest.first,
                                                                         nearest.last) \
                and _institution_before_head(toks, right):
            phrase.first = nearest.first
        return
    cut = _past_qualifier_list(toks, conj, right, head, b)
    if cut is not None:
        phrase.first = cut
        return
    shared_head = _fused_shared_head(toks, conj, right, head) or _body_shared(toks, conj, phrase, head)
    if shared_head:
        for c in reversed(conj):
            phrase.expansions.append((toks.text(c.first, c.last) + shared_head, c.first))
        return
    if _expands(toks, conj, right, phrase, head):
        shared = toks.text(right[1][0], phrase.last) if len(right) > 1 else head.text
        for c in reversed(conj):
            phrase.expansions.append((toks.text(c.first, c.last) + shared, c.first))
        return
    if not connector_is_list and head.type == "Institution" and len(right) >= 2 \
            and any(toks.words[nearest.last] == toks.words[last] for _, last in right[:-1]) \
            and _verb_like(toks, nearest.last, lexicon()):
        phrase.first = nearest.first  # 梯次利用和再生利用骨干企业: verbal modifiers ending in a
        return  # word the other conjunct has coordinate over one head (数据采集与共享机制)
    if not connector_is_list and head.type != "Institution" \
            and not _noun_phrase_coordination(toks, nearest, right):
        phrase.first = nearest.first
    elif connector_is_list and (_shared_noun_list(toks, conj, right, head)
                                or _parallel_modifiers(toks, conj, right, head)
                                or _parties_joined(toks, conj, right, head, b)):
        phrase.first = conj[-1].first


def _past_qualifier_list(toks: Tokens, conj: list[Conjunct], right: list[tuple[int, int]],
                         head: Head, b: int) -> int | None:
    """Where an institution starts after a 、-list of descriptive qualifiers (龙头型、高成长型
    科技领军企业 → 科技领军企业): the list says which members are meant, like a 的-clause.
    None unless every conjunct and the stretch after the list end in a qualifier suffix and
    what follows still names the institution with a modifier of its own."""
    suffixes = lexicon().kinds("qualifier")
    if head.type != "Institution" or toks.classes[b] != COORD or not suffixes:
        return None
    if not all(c.head is None and toks.text(c.first, c.last)[-1:] in suffixes for c in conj):
        return None
    for j, (_, last) in enumerate(right[:-1]):
        if toks.words[last][-1:] in suffixes:
            rest = right[j + 1][0]
            return None if _bare(toks, rest, right[-1][1], head) else rest
    return None


def _fused_shared_head(toks: Tokens, conj: list[Conjunct], right: list[tuple[int, int]],
                       head: Head) -> str:
    """The head that coordinated modifiers share when the segmenter fused the last modifier
    with it into one category word (外向型、科技型企业: 科技型企业 is one word, 企业 the head
    that 外向型 needs too), or "". Each conjunct must be one word like that last modifier:
    ending in the same morpheme (外向型 / 科技型) or a non-predicate adjective (b), which can
    only modify a noun; a noun conjunct (人才、中小企业) is a separate object."""
    if head.type != "Institution" or len(right) != 1 or right[0][0] != right[0][1]:
        return ""
    word = toks.words[right[0][0]]
    inner = _inner_head(word)
    if not inner:
        return ""
    modifier = word[: -len(inner)]
    for c in conj:
        if c.head is not None or c.first != c.last or toks.tags[c.first] in ("v", "vn"):
            return ""
        text = toks.words[c.first]
        if text[-1] != modifier[-1] and toks.tags[c.first] != "b":
            return ""
    return inner


def _body_shared(toks: Tokens, conj: list[Conjunct], phrase: Phrase, head: Head) -> str:
    """The bare head of a government body (部门, 局) that one-word domains listed before a longer
    domain share with it (公安、市场监管部门 → 公安部门; 公安、卫生健康部门): each domain names a
    body with that head, whatever the segmenter fused before it (监管部门), or ""."""
    if head.type != "Institution" or head.bare or head.rule != "body" \
            or not toks.words[phrase.last].endswith(head.text) \
            or toks.text(phrase.first, phrase.last) == head.text:
        return ""
    for c in conj:
        word, tag = toks.words[c.first], toks.tags[c.first]
        if c.head is not None or c.first != c.last or len(word) < 2 \
                or not (tag[:1] == "n" or tag in ("vn", "j")) or tag == "nt" \
                or head_at(toks, c.first, lexicon()) is not None:
            return ""
    return head.text


def _inner_head(word: str) -> str:
    """The longest head that needs a modifier and ends ``word`` after at least two other
    characters (科技型企业 → 企业), or ""."""
    heads = lexicon().heads
    for n in range(len(word) - 2, 0, -1):
        found = heads.get(word[-n:])
        if found is not None and not found.bare:
            return found.text
    return ""


def _institution_before_head(toks: Tokens, right: list[tuple[int, int]]) -> bool:
    """Whether the phrase after “X和” names an institution before its head, so that X and that
    institution are the parties of one arrangement (托育机构与妇幼保健机构协作机制); a platform
    with modifiers of its own (老年活动室和社区养老服务中心) is a second object instead."""
    lex = lexicon()
    return any((found := head_at(toks, last, lex)) is not None and found[0].type == "Institution"
               for _, last in right[:-1])


def _parallel_modifiers(toks: Tokens, conj: list[Conjunct], right: list[tuple[int, int]],
                        head: Head) -> bool:
    """Whether “A、B Z” lists nouns of one kind that jointly modify Z: each conjunct ends in
    the same morpheme as the word after the list (用能权、排污权交易机制; 县级、乡级…), which a
    list of separate objects (人才、技术转移机制) does not share. Institutions are left to
    expansion."""
    if head.type == "Institution" or len(right) < 2 or right[0][0] != right[0][1]:
        return False
    after = toks.words[right[0][0]]
    if toks.tags[right[0][0]][:1] != "n" or len(after) < 2:
        return False
    return all(c.head is None and not is_quoted(toks, c.first, c.last)
               and toks.text(c.first, c.last)[-1] == after[-1]
               and toks.text(c.first, c.last) != after for c in conj)


def _parties_joined(toks: Tokens, conj: list[Conjunct], right: list[tuple[int, int]],
                    head: Head, b: int) -> bool:
    """Whether “A与B、C Z” names the parties of one arrangement: a list of single plain nouns
    that 和/与/及 joins to a noun before it (港口与铁路、公路联运协调机制), which a bare 、-list
    of separate objects (人才、技术转移机制) does not have. Institutions are left to expansion."""
    if head.type == "Institution" or len(right) < 2 or len(conj) < 2:
        return False
    if not any(toks.classes[k] == CONJ and toks.words[k] not in WHOLE_ONLY
               for k in range(conj[-1].last + 1, b)):
        return False
    return all(c.head is None and c.first == c.last and toks.tags[c.first][:1] == "n"
               and not is_quoted(toks, c.first, c.last) for c in conj)


def _shared_noun_list(toks: Tokens, conj: list[Conjunct], right: list[tuple[int, int]],
                      head: Head) -> bool:
    """Whether “A、B、C N级…Z” is a counted list of single nouns that the count sums up and
    that modifies the whole phrase (市、区县、乡镇三级河长制工作体系; a quoted count too:
    家庭、学校、政府、司法“六位一体”…工作机制)."""
    if head.type == "Institution" or len(right) < 3:
        return False
    if right[1][0] != right[1][1] and not is_quoted(toks, *right[1]):
        return False
    count = toks.words[right[1][0]]
    if is_quoted(toks, *right[1]) and right[1][1] - right[1][0] == 2:
        count = toks.words[right[1][0] + 1]  # “六位一体”: a quoted count summing up the list
    if len(count) > 4 or count[:1] not in _COUNT_CHARS:
        return False
    return all(len(units(toks, c.first, c.last)) == 1 and toks.tags[c.first][:1] in ("n", "j")
               for c in conj)  # the count sums the list up, bodies in it included (党委、政府…)


def _headless(toks: Tokens, c: Conjunct) -> bool:
    """Whether a conjunct names no entity of its own: no head, or only a head that needs a
    modifier standing alone (学校, 政府 in 家庭、学校和社会协同保护机制)."""
    return c.head is None or (c.first == c.last and not c.head.bare
                              and toks.words[c.first] == c.head.text)


_COUNT_CHARS = frozenset("两二三四五六七八九十多")
"""Numerals that open a count word summing up a list (三级, 两类, 多方)."""


def _noun_phrase_coordination(toks: Tokens, left: Conjunct, right: list[tuple[int, int]]) -> bool:
    """Whether “X和Y Z” joins two noun phrases rather than two modifiers of Z: X has modifiers
    and ends in a noun that heads a phrase of its own without being an entity (标准, 目录,
    市场: 教师认定标准和校企人员双向流动机制), or is one word ending in such a noun after a
    modifier of its own (冷藏库和配送中心), and Y Z has a modifier of its own. Plain nouns
    coordinate as modifiers (沿线国家和地区金融合作机制, 数据采集与共享机制)."""
    if len(right) < 2 and not _names_alone(toks, right):
        return False
    last, heads = toks.words[left.last], lexicon().kinds("np_head")
    if len(units(toks, left.first, left.last)) < 2:  # one word: its own modifier (冷藏/库),
        return last in heads or any(last.endswith(w) and len(last) > len(w) for w in heads)
        # or such a noun after modifiers that stopped the conjunct (配套/v 设施和…中心)
    return any(last.endswith(w) for w in heads)


def _names_alone(toks: Tokens, right: list[tuple[int, int]]) -> bool:
    """Whether the phrase after the connector is one head word that names an entity alone
    (…老年食堂和助餐点): it needs no modifier shared with the conjunct before it."""
    found = lexicon().heads.get(toks.text(*right[0])) if len(right) == 1 else None
    return found is not None and found.bare


def _expands(toks: Tokens, conj: list[Conjunct], right: list[tuple[int, int]], phrase: Phrase,
             head: Head) -> bool:
    """Whether “X、Y Z” is one Z per conjunct: quoted modifiers side by side share the rest
    (“链主带链”和“平台赋能”转型模式); otherwise the shared part alone would be bare and the
    conjuncts are single words before an institution head (民政、科技部门)."""
    if any(toks.tags[c.first] == "v" for c in conj):
        return False  # a verb is no parallel modifier (加计扣除、高新技术企业)
    if any(c.first == c.last and toks.tags[c.first] == "nt" for c in conj):
        return False  # an organisation name is a whole noun, not a modifier (中央财政、地方政府)
    if len(right) == 1 and toks.words[phrase.last] != head.text and not head.bare \
            and head.type == "Institution":
        return all(len(units(toks, c.first, c.last)) == 1 for c in conj)  # 科技型和创新型企业
    if len(right) >= 2 and is_quoted(toks, *right[0]) \
            and all(is_quoted(toks, c.first, c.last) for c in conj):
        return True
    if len(right) < 2 or not _bare(toks, right[1][0], phrase.last, head):
        return False
    return head.type == "Institution" and all(len(units(toks, c.first, c.last)) == 1 for c in conj)


def _de_clause(toks, phrase, b, head, lo, lex) -> None:
    """Keep a 的-clause only when the head with its modifiers says nothing alone
    (宽容失败的创新体系); never for institutions, whose bare heads are left out instead."""
    if head.type == "Institution" or not _generic(toks, phrase, head, lex):
        return
    first, _ = grow_clause(toks, b - 1, lo)
    if first > lo and toks.classes[first - 1] == VACT and _after_coverb(toks, first - 1):
        first -= 1  # 对获得国家级奖项的创新平台: the clause's own verb after a preposition
    if first < b:
        phrase.first = strip_leading(toks, first, b - 1)
        phrase.de_clause = True


def _generic(toks: Tokens, phrase: Phrase, head: Head, lex: Lexicon) -> bool:
    generic = lex.kinds("generic") | lex.kinds("weak")
    words = toks.words[phrase.first:phrase.last + 1]
    if len(words) == 1:
        return _bare(toks, phrase.first, phrase.last, head)
    return all(w in generic for w in words[:-1])


def grow_clause(toks: Tokens, k: int, lo: int) -> tuple[int, int]:
    """Grow a 的-clause leftwards: like ``grow`` but over non-proposing verbs and adjectives too."""
    first = k + 1
    lo = max(lo, k - _MAX_PHRASE)
    while k >= lo and toks.classes[k] in NOUNISH | {VLEAD, ADV, QCLOSE}:
        if toks.classes[k] == QCLOSE:
            opening = toks.quote_open.get(k)
            if opening is None:
                break
            first, k = opening, opening - 1
            continue
        first, k = k, k - 1
    return first, k
