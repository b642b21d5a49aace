"""Page layout: de-wrapping, paragraphs, masthead, speech boundaries, labels and narration."""

from pathlib import Path

from policykg.extract.layout import (
    find_speeches,
    is_narration,
    looks_wrapped,
    paragraphs,
    parse_masthead,
    speech_text,
    split_lines,
)
from policykg.extract.records import Proposer
from policykg.extract.speech_layout import single_speech

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_wrapped_lines_are_joined_without_inserting_anything():
    text = "科技金融是支撑创新的重要力量。近年来，我市科\n\n技金融规模持续扩大，但仍存在一些短板。为此，建\n\n议：\n\n一是设立市级种子基金。由财政出资引导社会资本\n\n共同参与。"
    body = speech_text(split_lines(text))
    assert (
        body
        == "科技金融是支撑创新的重要力量。近年来，我市科技金融规模持续扩大，但仍存在一些短板。为此，建议：\n一是设立市级种子基金。由财政出资引导社会资本共同参与。"
    )


def test_stray_spaces_inside_a_line_are_kept():
    text = "规上工业总 产 值 占全市比重提高至约 90% ，带动作用\n\n不断增强，产业集群规模持续壮大，创新能力明显\n\n提高，发展质量稳步提升。"
    assert "总 产 值 占全市比重提高至约 90% ，" in speech_text(split_lines(text))


def test_sentence_end_at_full_width_continues_the_paragraph():
    lines = split_lines(
        "一是提升企业决策参与度。建立企业常态化参与科技\n\n"
        "决策机制，由专家和企业共同编制攻关实施方案。\n\n"
        "完善科技咨询专家库功能，提供跨区域专家资源，辅\n\n"
        "助企业攻关决策。\n\n"
        "二是强化企业研发投入。支持企业设立专项资金。"
    )
    assert [len(group) for group in paragraphs(lines)] == [4, 1]


def test_short_last_line_and_indented_first_line_end_paragraphs():
    lines = split_lines(
        "健全培养体系。依托高校开设技术转移课程，开展学\n\n"
        "历教育和职业培训，提升专业化水平和服务能力。\n\n"
        "完善评价激励。设立技术经理人专项职称，将\n\n"
        "转化收益按比例奖励给经理人，激发积极性。"
    )
    assert [len(group) for group in paragraphs(lines)] == [2, 2]


def test_full_width_indentation_marks_paragraphs():
    record = single_speech(split_lines(fixture("fullwidth_indent.txt")))
    body = speech_text(record.body)
    assert body.count("\n") == 3
    assert body.splitlines()[1].startswith("一是分类建立评价标准")
    assert "\u3000" not in body


def test_one_paragraph_a_line_is_not_rewrapped():
    lines = split_lines("设立基金。\n建立机制。\n搭建平台。")
    assert not looks_wrapped(lines)
    assert speech_text(lines) == "设立基金。\n建立机制。\n搭建平台。"


def test_masthead_metadata_and_banner_fused_with_page_number():
    masthead, speeches = find_speeches(split_lines(fixture("page_small.txt")))
    head = parse_masthead(masthead)
    assert (head.publication, head.date, head.page) == ("重庆政协报", "2024-11-05", "3")
    assert head.topic == "激活创新资本 服务实体经济"
    assert len(speeches) == 2


def test_section_banner_and_masthead_are_not_speeches():
    _, speeches = find_speeches(split_lines(fixture("page_small.txt")))
    texts = " ".join(speech_text(s.body) for s in speeches)
    for furniture in ("摘登", "责任编辑", "电话", "Zhengxie", "激活创新资本"):
        assert furniture not in texts
    assert [s.title for s in speeches] == ["壮大科技金融力量", "培育高水平技术经理人队伍"]


def test_two_speeches_are_never_merged():
    _, speeches = find_speeches(split_lines(fixture("page_small.txt")))
    first, second = (speech_text(s.body) for s in speeches)
    assert "技术经理人" not in first and first.endswith("分散首台套应用风险。")
    assert second.startswith("技术经理人是成果转化的关键纽带。")


def test_banner_between_speeches_is_dropped():
    page = fixture("page_small.txt").replace(
        "培育高水平技术经理人队伍", "民主党派发言摘登\n\n培育高水平技术经理人队伍"
    )
    _, speeches = find_speeches(split_lines(page))
    assert "摘登" not in speech_text(speeches[0].body)


def test_speech_of_layout_gives_proposer_and_title():
    layout = single_speech(split_lines(fixture("speech_of.txt")))
    assert layout.title == "加快构建科创金融服务体系"
    assert layout.proposer.name == "李明远"


def test_trailing_attribution_is_the_proposer_and_not_text():
    layout = single_speech(split_lines(fixture("attribution.txt")))
    assert layout.proposer.name == "欧阳明远"
    assert "——" not in speech_text(layout.body)


def test_narration_and_labels_are_left_out():
    layout = single_speech(split_lines(fixture("labels_narration.txt")))
    body = speech_text(layout.body, Proposer("周文华", "person"), narration=True)
    assert "本报讯" not in body and "【会内声音】" not in body and "周文华表示" not in body
    assert body.startswith("绿色金融是推动绿色发展的重要支撑。")


def test_narration_cues():
    speaker = Proposer("周文华", "person")
    assert is_narration("他表示，将继续关注这一问题。", None)
    assert is_narration("周文华委员认为，应当加快推进。", speaker)
    assert not is_narration("其他部门表示支持，形成合力。", None)
    assert not is_narration("“他山之石”说明借鉴经验很重要。", None)
    assert not is_narration("建议设立引导基金，支持企业创新。", speaker)


def test_compact_page_without_blank_lines():
    _, speeches = find_speeches(split_lines(fixture("page_compact.txt")))
    assert [s.title for s in speeches] == ["深化校地合作 服务产业升级", "加快建设人工智能创新高地"]
    assert speeches[0].proposer.name == "刘志强"
    assert speeches[0].proposer.affiliations == ["市政协", "重庆某某大学"]
    assert speeches[1].proposer.name == "民盟重庆市委"
    first = speech_text(speeches[0].body, speeches[0].proposer, narration=True)
    assert first.endswith("支持共建研发平台。") and first.count("\n") == 2


def test_editors_note_in_brackets_is_not_speech():
    _, speeches = find_speeches(split_lines(fixture("page_compact.txt")))
    last = speech_text(speeches[1].body, speeches[1].proposer, narration=True)
    assert "研究室整理" not in last
    assert last.splitlines() == [
        "人工智能是新一轮科技革命的核心驱动力。为此，建议：",
        "加强算力基础设施建设。统筹布局智算中心，降低企业用算成本。",
        "完善数据开放共享机制。推动公共数据有序开放。",
    ]


def test_following_pages_masthead_stays_out_of_the_last_speech():
    page = fixture("page_small.txt")
    for joined in (
        page + "\n" + page.replace("3 版", "4 版"),
        "\n".join(filter(None, (page * 2).splitlines())),
    ):
        masthead, speeches = find_speeches(split_lines(joined))
        assert len(speeches) == 4
        last_of_first_page = speech_text(speeches[1].body)
        assert last_of_first_page.endswith("促进供需精准对接。")
        assert parse_masthead(masthead).page == "3"


def test_speech_of_line_with_title_below_and_a_label_above():
    text = "【委员发言】\n市政协委员 王建国的发言：\n加快发展科技金融\n科技金融是创新的重要支撑。为此，建议：\n一是设立种子基金。"
    layout = single_speech(split_lines(text))
    assert (layout.title, layout.proposer.name, layout.proposer.affiliations) == (
        "加快发展科技金融",
        "王建国",
        ["市政协"],
    )
    assert speech_text(layout.body).startswith("科技金融是创新的重要支撑。")


def test_short_lead_sentence_after_a_full_line_opens_a_paragraph():
    lines = split_lines(
        "加强监测分析，及时预警，完善风险分担机制，形成工作合力。\n\n"
        "优化全链条服务。推动技术转移机构建设，布局孵化器和金\n\n"
        "融机构，畅通校企人才双向流动，推动成果转化提速增效，\n\n"
        "支持高校设立技术转移学院，开展学历教育和职业培训。\n\n"
        "强化企业主体地位，支持龙头企业牵头建设创新联合体。"
    )
    assert [len(group) for group in paragraphs(lines)] == [1, 3, 1]


def test_last_line_with_digits_is_short_however_digits_are_counted():
    lines = split_lines(
        "设立科技成果转化基金，对龙头企业给予支持，规模不\n\n"
        "低于100亿元。\n\n"
        "推动开放协同，支持产业链上下游企业牵头建设平台，\n\n"
        "实现资源共享、优势互补，提升产业基础能力和水平。"
    )
    assert [len(group) for group in paragraphs(lines)] == [2, 2]


def test_bylines_dates_and_fields_are_recognised():
    from policykg.extract.layout import date_line, header_line_fields, is_byline

    for line in ("记者 李小五", "本报记者 王小明 赵小刚", "（本报记者 李四）", "文/张三"):
        assert is_byline(line), line
    for line in ("记者了解到，会议期间委员们热烈讨论。", "科技金融是创新的血脉"):
        assert not is_byline(line), line
    assert date_line("（2025年3月5日）") == "2025-03-05" and date_line("2025-03-05") == "2025-03-05"
    assert date_line("2025年3月5日，市政协召开专题协商会。") is None
    assert header_line_fields("提案号：56 / 案由：关于某某的提案") == [("skip", "56"), ("title", "关于某某的提案")]
    assert header_line_fields("2025-03-05 10:21 来源：人民政协网") == [
        ("date", "2025-03-05 10:21"),
        ("skip", "人民政协网"),
    ]
    assert header_line_fields("理由：问题不少。") is None


def test_header_name_and_closing_attribution_merge_only_for_the_same_person():
    from policykg.extract.layout import merge_proposers
    from policykg.extract.proposer import parse_proposer_line

    header = parse_proposer_line("王建华委员")
    closing = parse_proposer_line("——某某省政协委员、省科技厅副厅长王建华")
    assert merge_proposers(header, closing) == closing
    other = parse_proposer_line("——某某省政协委员、省科技厅副厅长李明")
    assert merge_proposers(header, other) == header
    assert merge_proposers(None, closing) == closing


def test_dash_line_under_a_headline_is_a_subtitle_unless_it_names_someone():
    layout = single_speech(split_lines("推动成果转化\n——关于概念验证的几点思考\n成果转化很重要。为此，建议：\n一是建中心。"))
    assert (layout.title, layout.proposer) == ("推动成果转化", None)
    assert speech_text(layout.body).startswith("成果转化很重要。")
    layout = single_speech(split_lines("推动成果转化\n——市政协委员、某某大学教授 王芳\n成果转化很重要。"))
    assert layout.proposer.name == "王芳" and layout.proposer.affiliations == ["市政协", "某某大学"]


def test_a_wrapped_body_line_opening_with_a_marked_name_does_not_start_a_speech():
    text = (
        "推动产业升级\n民建某某市委会\n\n当前我市产业结构仍需优化，传统产业占比较高，新兴产\n\n"
        "业规模偏小。调研中，不少企业反映转型压力较大。\n\n张三委员：要加快推进传统产业数字化改造，支持企\n\n"
        "业上云用数赋智。为此，建议：\n\n一是设立产业升级专项资金。\n\n二是建设数字化转型服务平台。"
    )
    _, speeches = find_speeches(split_lines(text))
    assert [s.title for s in speeches] == ["推动产业升级"]


def test_joint_speakers_and_a_fused_label_on_a_colon_header():
    layout = single_speech(split_lines("【委员声音】张明、李华委员：加快培育耐心资本\n资本很重要。为此，建议：\n一是设立基金。"))
    assert (layout.title, layout.proposer.name, layout.proposer.kind) == ("加快培育耐心资本", "张明", "person")
    assert speech_text(layout.body).startswith("资本很重要。")


def test_field_value_is_not_a_colon_header_and_a_trigger_is_not_a_proposer():
    from policykg.extract.layout import split_proposer_colon

    assert split_proposer_colon("提案人：民盟中央") is None
    assert split_proposer_colon("为此，建议：加快发展") is None
    assert split_proposer_colon("全国政协委员、某某大学校长张明：加快发展")[1] == "加快发展"


def test_closing_attribution_wrapped_over_two_lines_or_followed_by_a_note():
    top = "王建华委员的发言：推动转化\n成果很多。对此建议：\n（一）建中心。\n（二）育人才。\n"
    for closing in ("——某某省政协委员、省科技厅\n副厅长王建华\n", "——某某省政协委员、省科技厅副厅长 王建华（根据大会发言整理）\n"):
        layout = single_speech(split_lines(top + closing))
        assert layout.proposer.roles == ["某某省政协委员", "省科技厅副厅长"]
        assert [line.text for line in layout.body][-1] == "（二）育人才。"


def test_first_line_colon_header_reads_loosely_but_not_a_topic():
    layout = single_speech(split_lines("政协委员王建华：推动转化\n成果很多。"))
    assert (layout.title, layout.proposer.name, layout.proposer.roles) == ("推动转化", "王建华", ["政协委员"])
    assert single_speech(split_lines("王建华：推动转化\n成果很多。")).proposer.name == "王建华"
    topic = single_speech(split_lines("金融：为科技创新注入活水\n成果很多。"))
    assert (topic.title, topic.proposer) == ("金融：为科技创新注入活水", None)


def test_bare_name_under_a_headline_needs_three_characters_or_spreading():
    body = "\n成果很多。为此，建议：\n一是建中心。"
    assert single_speech(split_lines("推动转化\n王建华" + body)).proposer.name == "王建华"
    assert single_speech(split_lines("推动转化\n王　芳" + body)).proposer.name == "王芳"
    layout = single_speech(split_lines("推动转化\n成效" + body))
    assert layout.proposer is None and speech_text(layout.body).startswith("成效")


def test_proposer_line_above_the_headline():
    text = "全国政协委员、某某大学教授 李明华\n关于加快培育耐心资本的建议\n融资难。为此，建议：\n一是设立基金。"
    layout = single_speech(split_lines(text))
    assert (layout.title, layout.proposer.name) == ("关于加快培育耐心资本的建议", "李明华")
    assert layout.proposer.affiliations == ["全国政协", "某某大学"]
    assert speech_text(layout.body).startswith("融资难。")


def test_page_speech_drops_subtitle_and_date_above_its_text():
    page = (
        "某某日报 2025年1月15日 第5版\n\n推动科技成果转化\n民盟某某省委会\n——在省政协全会上的大会发言\n"
        "（2025年1月14日）\n成果很多。为此，建议：\n一是建中心。\n\n"
        "加快发展银发经济\n民进某某省委会\n老龄化加深。为此，建议：\n一是完善标准。\n"
    )
    _, speeches = find_speeches(split_lines(page))
    assert [speech_text(s.body) for s in speeches] == [
        "成果很多。为此，建议：\n一是建中心。",
        "老龄化加深。为此，建议：\n一是完善标准。",
    ]
