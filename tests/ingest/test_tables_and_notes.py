"""A table listing several proposals one a row, and a closing note giving the author's unit and
roles ("（作者单位：……，系……）"); made-up lines."""

from policykg.extract.layout import find_speeches, proposal_table_entries, split_lines
from policykg.extract.speech_layout import single_speech, unit_and_roles


TABLE = (
    "# 某某区政协提案选登\n\n"
    "| 序号 | 提案标题 | 提案人 | 主要建议 |\n"
    "| :-: | --- | --- | --- |\n"
    "| 1 | 关于改造老旧农贸市场的提案 | 民进某某区委会 | 一是分批改造；二是引入社会资本 |\n"
    "| 2 | 关于建设口袋公园的提案 | 赵书宁 | 一是盘活边角地块；二是鼓励认建认养；三是完善管护制度 |\n"
)


def test_each_row_of_a_proposals_table_is_a_speech():
    _, speeches = find_speeches(split_lines(TABLE))
    assert [s.title for s in speeches] == ["关于改造老旧农贸市场的提案", "关于建设口袋公园的提案"]
    assert [s.proposer.name for s in speeches] == ["民进某某区委会", "赵书宁"]


def test_a_roles_column_goes_before_a_person_s_name():
    rows = list(enumerate([
        "|编号|案由|提案者|职务|内容|",
        "|---|---|---|---|---|",
        "|B1|关于规范校外培训的建议|孙立群|区政协委员、某某中学校长|建议：一是……|",
        "|B2|关于治理噪声扰民的建议|民革某某区委会||建议：一是……|",
    ], start=1))
    lines = [text for _, text in proposal_table_entries(rows) if text]
    assert lines[:3] == ["1．关于规范校外培训的建议", "提案者：区政协委员、某某中学校长\u3000孙立群", "建议：一是……"]
    assert "提案者：民革某某区委会" in lines


def test_a_table_of_one_proposal_s_fields_is_left_alone():
    rows = list(enumerate(["| 提案标题 | 提案人 |", "| --- | --- |", "| 关于建设口袋公园的提案 | 赵书宁 |"], start=1))
    assert proposal_table_entries(rows) == rows  # one row: a form, not a listing
    rows = list(enumerate(["| 指标 | 数值 | 说明 |", "| --- | --- | --- |", "| 甲 | 1 | 无 |", "| 乙 | 2 | 无 |"], start=1))
    assert proposal_table_entries(rows) == rows  # no title and proposer columns


def test_a_unit_field_that_goes_on_to_the_roles():
    assert unit_and_roles("某某职业学院，系区政协常委、副院长") == ("某某职业学院", "区政协常委、副院长")
    assert unit_and_roles("某某职业学院，现任党委书记") == ("某某职业学院", "党委书记")
    assert unit_and_roles("某某职业学院机电系") == ("某某职业学院机电系", None)


def test_a_closing_note_with_the_author_s_unit_gives_the_roles():
    text = (
        "关于发展社区托育的建议\n\n周雅琴\n\n托育需求旺盛。为此，建议：\n\n一是扩大供给。\n\n二是培养人才。\n\n"
        "（作者单位：某某师范学院，系区政协委员、副教授）\n"
    )
    layout = single_speech(split_lines(text))
    assert layout.proposer.name == "周雅琴"
    assert layout.proposer.roles == ["区政协委员", "某某师范学院副教授"]
    assert layout.proposer.affiliations == ["区政协", "某某师范学院"]
    assert all("作者单位" not in line.text for line in layout.body)


def test_a_title_after_another_unit_s_title_keeps_that_unit():
    text = (
        "关于发展社区托育的建议\n\n周雅琴\n\n托育需求旺盛。为此，建议：\n\n一是扩大供给。\n\n"
        "（作者单位：某某师范学院，系某某医院副院长、主任医师）\n"
    )
    layout = single_speech(split_lines(text))
    assert layout.proposer.roles == ["某某医院副院长", "某某医院主任医师"]
