"""Lead-sentence items that a PDF column ran together, split again (``layout.split_run_on_leads``).

The lines are made up and wrapped here at several column widths, one blank line after every line
as PDF text has them; a paragraph "filled" to a width ends exactly at the column's edge, so
nothing in the width of its last line shows that the paragraph ends there.
"""

import pytest
from column_setting import wrap

from policykg.extract.layout import lead_sentence, paragraphs, speech_text, split_lines
from policykg.extract.recommendations import split_recommendations

PADDING = (
    "各区县结合本地实际出台配套细则并明确牵头单位和完成时限按季度调度进展按年度开展第三方评估及时推广典型经验"
    "同时建立健全服务质量监测制度对服务对象满意度开展常态化调查并将结果作为资金分配和评优评先的重要依据"
)



def page(paragraphs_: list[str], width: int, indent: int) -> str:
    """Paragraphs wrapped and printed as PDF text: a blank line after every line."""
    return "\n\n".join(line for text in paragraphs_ for line in wrap(text, width, indent))


def filled(opening: str, width: int, indent: int, rows: int = 2) -> str:
    """``opening`` plus padding and a full stop, ending exactly at the column's edge of its last row."""
    for size in range(1, len(PADDING)):
        text = opening + PADDING[:size] + "。"
        lines = wrap(text, width, indent)
        if len(lines) == rows and len(lines[-1]) >= width:
            return text
    raise AssertionError(f"cannot fill {rows} rows of {width}")


def texts(raw: str) -> list[str]:
    return ["".join(line.text for line in group) for group in paragraphs(split_lines(raw))]


def item(opening: str, width: int) -> str:
    """A paragraph: ``opening`` and about two more rows of body after it."""
    return opening + PADDING[: 2 * width - 3] + "，加强督促检查。"


TRIGGER = "我市老龄人口持续增加，照护服务供需矛盾日益突出，医养资源分布不均衡，基层服务能力不足，亟需统筹发力。为此，建议："
FIRST = "推动医疗资源向社区延伸。"
LAST = "建设全市统一的智慧照护信息平台。"


@pytest.mark.parametrize("width", [18, 22, 26])
@pytest.mark.parametrize("indent", [0, 2])
def test_a_lead_paragraph_run_on_after_a_full_line_is_split_again(width, indent):
    second = filled("完善照护服务支付保障机制。", width, indent, rows=3)
    body = [TRIGGER, item(FIRST, width), second, item(LAST, width)]
    raw = page(body, width, indent)
    assert wrap(second, width, indent)[-1].endswith("。")  # the second item fills its last line
    assert texts(raw)[-3:] == body[-3:]
    text = speech_text(split_lines(raw))
    assert len(split_recommendations(text, "doc:x/s1")) == 3


@pytest.mark.parametrize("width", [14, 16])
def test_a_lead_wider_than_the_column_is_found(width):
    second = filled("健全照护人才培养激励机制。", width, 0, rows=3)
    body = [TRIGGER, item(FIRST, width), second, item("加快培育连锁化品牌化专业照护服务机构。", width)]
    assert texts(page(body, width, 0))[-3:] == body[-3:]


@pytest.mark.parametrize("width", [18, 22, 26])
@pytest.mark.parametrize(
    "inner",
    [
        "统筹用好各类资金，对运营良好的机构给予奖补。",  # a pause: a body sentence, not a lead
        "这一做法已在多个区县见到成效。",  # opens with a demonstrative
        "对符合条件的机构给予一次性建设补贴。",  # opens with a preposition
        "统筹推进医疗资源与照护服务的深度融合。",  # longer than a short lead, and its verb is not listed
        "推动医疗资源与照护服务共享共用共建共管共赢的整体合力全面形成。",  # far longer than the leads
    ],
)
def test_a_body_sentence_after_a_full_line_stays_in_its_paragraph(width, inner):
    opening = filled("完善照护服务支付保障机制。", width, 0, rows=3)
    body = [TRIGGER, item(FIRST, width), item(opening + inner, width), item(LAST, width)]
    assert texts(page(body, width, 0))[-3:] == body[-3:]


@pytest.mark.parametrize("width", [18, 22, 26])
def test_a_short_lead_opens_a_paragraph_whatever_its_verb(width):
    opening = filled("打通转诊服务堵点。", width, 0, rows=3)
    body = [TRIGGER.replace("为此，建议：", "建议如下。"), opening, item("涵养照护人才队伍。", width)]
    assert texts(page(body, width, 0))[-2:] == body[-2:]


@pytest.mark.parametrize("width", [18, 22, 26])
def test_a_verb_sentence_closing_a_paragraph_before_another_item_is_not_a_lead(width):
    opening = filled("完善照护服务支付保障机制。", width, 0, rows=3)
    body = [TRIGGER, item(FIRST, width), opening + "加强考核评估。", item(LAST, width)]
    assert texts(page(body, width, 0))[-2] == body[-2]


@pytest.mark.parametrize("width", [18, 22, 26])
def test_bare_items_closing_a_lead_speech_are_items(width):
    opening = filled("完善照护服务支付保障机制。", width, 0, rows=3)
    body = [TRIGGER, item(FIRST, width), opening, "加强照护人才培养。", "健全考核评估制度。"]
    assert texts(page(body, width, 0))[-3:] == body[-3:]
    body = [TRIGGER, item(FIRST, width), opening, "对此要高度重视。"]  # no proposing verb: not an item
    assert texts(page(body, width, 0))[-1] == opening + "对此要高度重视。"


@pytest.mark.parametrize("width", [18, 22, 26])
def test_numbered_items_are_not_cut_at_a_short_sentence_without_a_verb(width):
    opening = filled("一是完善照护服务支付保障机制。", width, 0, rows=3)
    body = [TRIGGER, item(opening + "这一做法已在多个区县见到成效。", width), item("二是" + FIRST, width)]
    assert len(texts(page(body, width, 0))) == 3


@pytest.mark.parametrize("width", [18, 22, 26])
def test_numbered_items_are_not_cut_at_a_longer_verb_sentence(width):
    opening = filled("一是完善照护服务支付保障机制。", width, 0, rows=3)
    body = [TRIGGER, item(opening + "建设全市统一的智慧照护信息平台。", width), item("二是" + FIRST, width)]
    assert len(texts(page(body, width, 0))) == 3


@pytest.mark.parametrize("width", [18, 22, 26])
def test_where_first_lines_are_set_in_a_full_line_opens_no_lead(width):
    opening = filled("完善照护服务支付保障机制。", width, 2, rows=3)
    inner = "建立长期护理保险制度。"  # verb-led and short, but set flush in the column
    body = [TRIGGER, item(FIRST, width), item(opening + inner, width), item(LAST, width)]
    lines = page(body, width, 2).split("\n\n")
    assert any(line.startswith(inner) and len(line) >= width for line in lines)
    assert texts(page(body, width, 2))[-3:] == body[-3:]


def test_lead_sentence_shape():
    assert lead_sentence("建设全市统一的智慧照护信息平台。打通数据。") == "建设全市统一的智慧照护信息平台"
    assert lead_sentence("统筹用好各类资金，给予奖补。") is None
    assert lead_sentence("一是完善支付机制。细则。") is None
    assert lead_sentence("完善支付机制。") is None  # nothing after it: not a paragraph's lead


def test_a_short_column_is_read_as_wrapped_when_a_line_breaks_off_a_sentence():
    raw = "“一老一小”问题牵动人心。为此，建议：\n\n推进托育与养老服务融合。鼓励社区中心同\n\n时设置托育点和助餐点。\n\n完善普惠服务价格机制。"
    assert texts(raw)[-2:] == ["推进托育与养老服务融合。鼓励社区中心同时设置托育点和助餐点。", "完善普惠服务价格机制。"]
    one_a_line = "“一老一小”问题牵动人心。为此，建议：\n推进托育与养老服务融合。\n完善普惠服务价格机制。\n加强人才培养"
    assert len(texts(one_a_line)) == 4


@pytest.mark.parametrize("width", [18, 22, 26])
@pytest.mark.parametrize("indent", [0, 2])
def test_a_lead_of_two_parallel_clauses_run_on_is_split_again(width, indent):
    second = filled("畅通资源流动，优化服务配置。", width, indent, rows=3)
    body = [TRIGGER, item("强化顶层设计，健全协调机制。", width), second, item("激发基层活力，强化队伍建设。", width)]
    assert texts(page(body, width, indent))[-3:] == body[-3:]


@pytest.mark.parametrize("width", [18, 22, 26])
def test_a_two_clause_body_sentence_is_no_paired_lead(width):
    opening = filled("畅通资源流动，优化服务配置。", width, 0, rows=3)
    inner = "结合各区实际，对困难群体给予补贴。"  # neither clause opens with a proposing verb
    body = [TRIGGER, item("强化顶层设计，健全协调机制。", width), item(opening + inner, width),
            item("激发基层活力，强化队伍建设。", width)]
    assert texts(page(body, width, 0))[-3:] == body[-3:]


@pytest.mark.parametrize("width", [18, 22])
def test_a_paragraph_split_off_may_hold_the_next_run_on_lead(width):
    second = filled("畅通资源流动，优化服务配置。", width, 0, rows=3)
    third = filled("加速数字赋能，提升服务效率。", width, 0, rows=3)
    body = [TRIGGER, item("强化顶层设计，健全协调机制。", width), second, third, item("激发基层活力，强化队伍建设。", width)]
    assert texts(page(body, width, 0))[-4:] == body[-4:]
