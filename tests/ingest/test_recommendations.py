"""Recommendation splitting after 为此，建议： and its equivalents, on made-up speeches."""

import pytest
from policykg.extract.recommendations import chinese_number, find_trigger, split_recommendations


def split(text):
    recs = split_recommendations(text, "doc:t/s1")
    for rec in recs:
        assert text[rec.start : rec.end].strip() == text[rec.start : rec.end]
        assert rec.heading in text[rec.start : rec.end]
    return recs


def test_shi_items_after_trigger():
    text = "现状如此。为此，建议：\n一是设立种子基金。由财政出资。\n二是完善担保机制。扩大覆盖。\n三是建设服务平台。"
    recs = split(text)
    assert [r.heading for r in recs] == ["设立种子基金", "完善担保机制", "建设服务平台"]
    assert [r.id for r in recs] == ["doc:t/s1/r1", "doc:t/s1/r2", "doc:t/s1/r3"]
    assert text[recs[0].start : recs[0].end] == "一是设立种子基金。由财政出资。"


def test_lead_paragraphs_with_sub_items_count_once_each():
    text = (
        "问题不少。为此，建议：\n"
        "加强专利保护。一是完善法规。二是加大处罚。\n"
        "优化激励机制。一是建立薪酬体系。二是明确收益分配。三是建立容错机制。"
    )
    recs = split(text)
    assert [r.heading for r in recs] == ["加强专利保护", "优化激励机制"]


def test_inline_items_in_the_trigger_paragraph():
    text = "为此，建议：一是设立引导基金；二是建立评价制度；三是搭建对接平台。"
    assert [r.heading for r in split(text)] == ["设立引导基金", "建立评价制度", "搭建对接平台"]


@pytest.mark.parametrize(
    "items",
    [
        "一、设立基金。细则。\n二、建立机制。细则。",
        "（一）设立基金。细则。\n（二）建立机制。细则。",
        "(一)设立基金。细则。\n(二)建立机制。细则。",
        "1. 设立基金。细则。\n2. 建立机制。细则。",
        "1．设立基金。细则。\n2．建立机制。细则。",
        "（1）设立基金。细则。\n（2）建立机制。细则。",
        "第一，设立基金。细则。\n第二，建立机制。细则。",
        "①设立基金。细则。\n②建立机制。细则。",
    ],
)
def test_every_marker_kind(items):
    recs = split("背景。为此，建议：\n" + items)
    assert [r.heading for r in recs] == ["设立基金", "建立机制"]


def test_sub_items_of_another_kind_stay_inside_their_section():
    text = "为此，提出以下建议：\n一、强化投入\n（一）设立基金。\n（二）完善补贴。\n二、优化服务\n（一）建设平台。"
    recs = split(text)
    assert [r.heading for r in recs] == ["强化投入", "优化服务"]
    assert "（二）完善补贴" in text[recs[0].start : recs[0].end]


@pytest.mark.parametrize(
    "trigger",
    [
        "为此，建议：",
        "为此建议：",
        "对此，建议：",
        "建议如下：",
        "提出以下建议：",
        "为此，我们提出如下建议：",
        "现提出以下几点建议：",
    ],
)
def test_trigger_equivalents(trigger):
    assert find_trigger("背景说明。" + trigger + "\n一是设立基金。") is not None
    assert len(split("背景说明。" + trigger + "\n一是设立基金。\n二是建立机制。")) == 2


def test_wrapped_trigger_is_found_after_dewrapping():
    assert len(split("短板依然存在。为此，建议：\n一是建立机制。\n二是搭建平台。")) == 2


def test_marker_inside_a_word_is_not_an_item():
    text = "为此，建议：\n一是推进标准统一。统一是关键，二是说法不对。\n二是建设平台。"
    assert [r.heading for r in split(text)] == ["推进标准统一", "建设平台"]


def test_no_trigger_uses_recommendation_section():
    text = "一、存在的问题\n融资难。\n二、对策建议\n（一）设立基金。\n（二）建立机制。\n（三）搭建平台。"
    assert [r.heading for r in split(text)] == ["设立基金", "建立机制", "搭建平台"]


def test_no_trigger_falls_back_to_top_level_numbered_items():
    text = "低空经济前景广阔。\n一、完善管理制度\n（一）建立协同机制。\n二、加快设施建设\n（一）布局起降点。"
    assert [r.heading for r in split(text)] == ["完善管理制度", "加快设施建设"]


def test_no_trigger_and_no_list_gives_nothing():
    assert split("我们要继续努力。形势很好。") == []


def test_chinese_numbers():
    assert [chinese_number(n) for n in ("一", "九", "十", "十一", "二十", "二十三")] == [1, 9, 10, 11, 20, 23]


def test_shi_items_inside_numbered_sections_stay_inside():
    text = (
        "为此，建议：\n一、强化金融支持\n一是设立种子基金。二是完善担保体系。\n"
        "二、优化人才服务\n一是建设人才公寓。\n三、完善协同机制\n1. 建立联席会议制度。\n2. 搭建信息平台。"
    )
    assert [r.heading for r in split(text)] == ["强化金融支持", "优化人才服务", "完善协同机制"]


def test_trigger_followed_by_a_comma():
    text = "问题突出。对此建议，一是设立引导基金；二是建立容错机制。"
    assert [r.heading for r in split(text)] == ["设立引导基金", "建立容错机制"]


@pytest.mark.parametrize(
    "text",
    [
        "问题不少。特提出以下建议。\n首先，设立基金。细则。\n其次，完善机制。\n最后，建设平台。",
        "问题不少。\n对策建议\n1）设立基金。细则。\n2）完善机制。\n3）建设平台。",
        "理由：问题不少。\n建议：1. 设立基金。细则。\n2. 完善机制。\n3. 建设平台。",
        "问题不少。为此,提出如下建议:\n(1)设立基金。细则。\n(2)完善机制。\n(3)建设平台。",
    ],
)
def test_more_triggers_and_markers(text):
    assert [r.heading for r in split(text)] == ["设立基金", "完善机制", "建设平台"]


def test_a_lone_first_item_without_a_trigger_is_not_a_list():
    assert split("首先，我们要看到差距。这是问题所在。") == []


@pytest.mark.parametrize(
    "text",
    [
        "问题。为此，提出以下3点建议：\n1、设立基金。\n2、完善机制。\n3、建设平台。\n总之，要形成合力。",
        "问题。建议从以下几个方面着手：\n一要设立基金。细则。\n二要完善机制。\n三要建设平台。",
        "问题。对此，建议：\n其一，设立基金。\n其二，完善机制。\n其三，建设平台。",
        "问题。为此，建议：\n设立基金。细则。\n完善机制。\n建设平台。\n综上所述，意义重大。",
    ],
)
def test_counts_aspects_yi_yao_qi_yi_and_a_closing_paragraph(text):
    recs = split(text)
    assert [r.heading for r in recs] == ["设立基金", "完善机制", "建设平台"]
    assert "总之" not in text[recs[-1].start : recs[-1].end] and "综上" not in text[recs[-1].start : recs[-1].end]


def test_yao_inside_words_is_no_marker():
    assert split("统一要求。唯一要做的是落实。") == []


@pytest.mark.parametrize(
    "text",
    [
        "老街游客不少。建议，一是保留传统业态；二是完善停车配套。",  # verb run on into item 1
        "背景如此。\n建议一：保留传统业态。\n建议二：完善停车配套。\n",  # items named 建议一：
        "老街游客不少。\n要保留传统业态。细则。\n要完善停车配套。\n总之，老街大有可为。",  # 要… paragraphs
        "难在管理。我的建议有两条。一是保留传统业态；二是完善停车配套。",  # an announced count
    ],
)
def test_lists_found_without_the_usual_trigger(text):
    assert [r.heading for r in split(text)] == ["保留传统业态", "完善停车配套"]


@pytest.mark.parametrize(
    "text",
    [
        "他建议，要多听群众意见。",  # a proposing verb with no first item
        "老街游客不少。\n要保留传统业态。\n老街大有可为。",  # one 要… paragraph is no list
    ],
)
def test_no_list_without_a_list(text):
    assert split(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "河道淤积严重。为此，建议：\nⅠ．疏浚河道\n(1) 清淤；\n(2) 护岸。\nⅡ．完善管护\n(1) 设河长。",  # Roman
        "河道淤积严重。建议：⑴疏浚河道；⑵完善管护。",  # parenthesised digits inline
        "河道淤积严重。为此，建议：\n㈠疏浚河道。细则。\n㈡完善管护。",  # parenthesised ideographs
        "河道淤积严重。为此，建议：\n⒈疏浚河道。\n⒉完善管护。",  # digits with a full stop, one symbol
        "河道淤积严重。为此，建议：\nⅰ. 疏浚河道\nⅱ. 完善管护",  # small Roman
    ],
)
def test_numbering_systems_printed_as_one_symbol(text):
    assert [r.heading for r in split(text)] == ["疏浚河道", "完善管护"]


def test_a_roman_numeral_opening_a_term_is_no_marker():
    found = split("病例增多。为此，建议：\nⅡ型糖尿病筛查要前移。\n加强随访管理。")
    assert [r.heading for r in found] == ["Ⅱ型糖尿病筛查要前移", "加强随访管理"]


def test_a_half_width_full_stop_after_han_ends_a_heading():
    found = split("Mixed copy,为此,建议:\n1. 疏浚河道.细则如下.\n2. 完善管护.")
    assert [r.heading for r in found] == ["疏浚河道", "完善管护"]


def test_english_sequence_words_number_items_in_mixed_copy():
    text = "河道淤积严重。为此，建议：\nFirst, 开展河道清淤。\nSecondly, 建立河长巡查机制。\nFinally, 设立河道保护基金。"
    assert [r.heading for r in split_recommendations(text, "doc:x/s1")] == [
        "开展河道清淤",
        "建立河长巡查机制",
        "设立河道保护基金",
    ]


def test_english_item_labels_in_words_or_digits_number_items():
    words = "为此，建议：Proposal One: 推广节水灌溉; Proposal Two: 完善水价机制; Proposal Three: 建设墒情监测平台。"
    assert [r.heading for r in split_recommendations(words, "doc:x/s1")] == [
        "推广节水灌溉",
        "完善水价机制",
        "建设墒情监测平台",
    ]
    digits = "为此，建议：\nmeasure 1. 推广节水灌溉。\nmeasure 2. 完善水价机制。"
    assert [r.ordinal for r in split_recommendations(digits, "doc:x/s1")] == [1, 2]


def test_english_words_that_number_nothing_stay_text():
    text = "为此，建议：\n推广“Step by step”培训模式。\n完善Point of Sale终端管理，First aid箱配齐。"
    assert [r.heading for r in split_recommendations(text, "doc:x/s1")] == [
        "推广“Step by step”培训模式",
        "完善Point of Sale终端管理，First aid箱配齐",
    ]


def test_english_labels_with_roman_numbers_no_and_dashes():
    for text in (
        "为此，建议：\nProposal I: 推广节水灌溉。\nProposal II: 完善水价机制。",
        "为此，建议：\nSuggestion One — 推广节水灌溉。\nSuggestion Two — 完善水价机制。",
        "为此，建议：\nRecommendation No. 1: 推广节水灌溉。\nRecommendation No. 2: 完善水价机制。",
        "为此，建议：\nFirst of all, 推广节水灌溉。\nSecondly, 完善水价机制。",
    ):
        assert [r.heading for r in split_recommendations(text, "doc:x/s1")] == ["推广节水灌溉", "完善水价机制"]


def test_a_paragraph_list_goes_on_inline_in_its_last_paragraph():
    text = "背景。为此，建议：\n一是甲事项，细则；\n二是乙事项，细则；三是丙事项，细则。"
    assert [r.heading for r in split_recommendations(text, "doc:x/s1")] == ["甲事项，细则", "乙事项，细则", "丙事项，细则"]
    text = "背景。建议：\n首先，甲事项。细则。\n其次，乙事项。细则。最后，丙事项。细则。"
    assert len(split_recommendations(text, "doc:x/s1")) == 3


def test_a_list_inside_the_last_item_is_not_its_continuation():
    text = "背景。为此，建议：\n一是甲事项。\n二是乙事项：一是子项；二是丑项；三是寅项。"
    assert len(split_recommendations(text, "doc:x/s1")) == 2
    text = "背景。为此，建议：\n一是甲事项。\n二是乙事项，与三是否可行无关。"
    assert len(split_recommendations(text, "doc:x/s1")) == 2  # not after the end of a clause


def test_a_sub_item_the_column_set_at_a_paragraph_start_stays_in_its_item():
    text = "背景。为此，建议：\n加强甲机制。一是子一。二是子二。三是子三。\n四是子四。\n完善乙制度。一是子一。\n健全丙体系。细则。"
    assert [r.heading for r in split_recommendations(text, "doc:x/s1")] == ["加强甲机制", "完善乙制度", "健全丙体系"]
    text = "背景。为此，建议：\n加强甲机制。细则。\n二是另起一段。"  # no sub-item one before it: its own paragraph
    assert len(split_recommendations(text, "doc:x/s1")) == 2


def test_sub_items_the_column_set_apart_from_their_bare_lead_stay_in_its_item():
    text = "背景。为此，建议：\n加强甲机制。一是子一。\n完善乙制度。\n一是子一。二是子二。\n健全丙体系。细则。"
    assert [r.heading for r in split_recommendations(text, "doc:x/s1")] == ["加强甲机制", "完善乙制度", "健全丙体系"]
