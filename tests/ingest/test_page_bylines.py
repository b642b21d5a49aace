"""Page layouts found on held-out pages (batch 13), each rule on made-up lines: a proposer line
wrapped by a narrow column where blank lines are noise, a national body's membership before a
name, a name alone as a byline, a subtitle naming the speaker, and a dotted column name."""

from policykg.extract.layout import find_speeches, is_dotted_column, split_lines, with_author_note
from policykg.extract.proposer import parse_proposer_line
from policykg.extract.records import Proposer

MASTHEAD = "责任编辑 / 甲乙 校对 / 丙丁\n电话 / 010-12345678 2026年3月2日 星期一\n某某报 5 版民生关切\n委员建言摘登\n"


def pdf(text: str) -> str:
    """Text as a PDF copy prints it: a blank line after every line."""
    return "\n\n".join(line for line in text.splitlines() if line)


BODY = "老旧小区加装电梯需求迫切，但协调难度大。为此，建议：\n一是简化审批流程。\n二是设立专项补贴。\n"


def test_a_proposer_line_wrapped_by_the_column_across_noise_blanks():
    page = pdf(MASTHEAD + "推进老旧小区加装电梯\n区政协委员、某某区南坪街道花园社区居民委\n员会主任　邓子涵\n" + BODY
               + "规范共享单车停放\n民进某某区委会\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [s.title for s in speeches] == ["推进老旧小区加装电梯", "规范共享单车停放"]
    assert speeches[0].proposer.name == "邓子涵"
    assert speeches[0].proposer.roles == ["区政协委员", "某某区南坪街道花园社区居民委员会主任"]


def test_a_national_membership_before_a_name_is_a_person_not_a_joint_list():
    assert parse_proposer_line("全国政协委员　全少华").name == "全少华"
    assert parse_proposer_line("全国人大代表　邱敏").roles == ["全国人大代表"]
    assert parse_proposer_line("张三　李四　王五委员").name == "张三"  # names set apart: still a joint list


def test_a_name_set_off_by_an_ornament_under_a_headline_is_a_byline():
    page = pdf(MASTHEAD + "推进老旧小区加装电梯\n◇ 郭立言\n" + BODY + "规范共享单车停放\n民进某某区委会\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [(s.title, s.proposer.name) for s in speeches] == [("推进老旧小区加装电梯", "郭立言"), ("规范共享单车停放", "民进某某区委会")]


def test_a_bare_name_under_a_headline_with_a_closing_author_note_takes_its_roles():
    page = pdf(MASTHEAD + "规范共享单车停放\n民进某某区委会\n" + BODY + "推进老旧小区加装电梯\n郭立言\n" + BODY
               + "（作者系区政协委员、某某设计院总工程师）\n")
    _, speeches = find_speeches(split_lines(page))
    assert speeches[1].proposer.name == "郭立言"
    assert speeches[1].proposer.affiliations == ["区政协", "某某设计院"]
    assert all("作者系" not in line.text for line in speeches[1].body)


def test_a_short_word_under_a_headline_is_no_byline_without_a_cue():
    page = pdf(MASTHEAD + "规范共享单车停放\n民进某某区委会\n" + BODY + "推进老旧小区加装电梯\n高质量\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [s.title for s in speeches] == ["规范共享单车停放"]


def test_a_note_naming_someone_else_gives_no_roles():
    found, _ = with_author_note(Proposer(name="郭立言", kind="person"), split_lines("正文。\n（作者李四系某某大学教授）"))
    assert found.roles == []


def test_a_subtitle_naming_the_speaker_under_a_headline_on_a_page():
    page = pdf(MASTHEAD + "推进老旧小区加装电梯\n——民革某某区委会在区政协全会上的大会发言\n" + BODY
               + "规范共享单车停放\n民进某某区委会\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [(s.title, s.proposer.name) for s in speeches][0] == ("推进老旧小区加装电梯", "民革某某区委会")


def test_a_dotted_column_name_over_a_headline_is_left_out_of_it():
    assert is_dotted_column("履职·风采") and is_dotted_column("协商・议政")
    assert not is_dotted_column("重庆迎龙创新港·大学科技园建设")
    page = pdf(MASTHEAD + "履职·风采\n推进老旧小区加装电梯\n区政协委员　郭立言\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert speeches[0].title == "推进老旧小区加装电梯"


def test_jump_lines_and_photo_captions_are_not_text_nor_headline():
    from policykg.extract.layout import is_caption, is_headline, is_jump_line

    assert is_jump_line("（下转第7版）") and is_jump_line("（上接第一版）") and not is_jump_line("（第7版有删节）")
    assert is_caption("图为某某县新建的村级养老服务站。") and is_caption("通讯员　赵某　摄")
    assert is_caption("图为沿江步道夜景。　刘某／摄")
    assert not is_caption("建议加强拍摄基地建设，完善影视产业扶持政策。")
    assert not is_headline("（下转第7版）")
    page = pdf(MASTHEAD + "规范共享单车停放\n民进某某区委会\n老旧小区加装电梯需求迫切。为此，建议：\n一是简化审批流程。\n"
               "图为某社区新装的电梯。　记者　钱某　摄\n二是设立专项补贴。\n（下转第6版）\n推进老旧小区加装电梯\n"
               "区政协委员　郭立言\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [s.title for s in speeches] == ["规范共享单车停放", "推进老旧小区加装电梯"]
    assert [line.text for line in speeches[0].body][-2:] == ["一是简化审批流程。", "二是设立专项补贴。"]


def test_a_drafter_s_note_closing_a_speech_is_not_the_next_headline():
    page = pdf(MASTHEAD + "规范共享单车停放\n（民进某某区委会）\n" + BODY + "（执笔：季某某）\n推进老旧小区加装电梯\n"
               "区政协委员　郭立言\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [s.title for s in speeches] == ["规范共享单车停放", "推进老旧小区加装电梯"]
    assert speeches[0].proposer.name == "民进某某区委会"


def test_a_compiler_s_byline_over_the_first_headline_is_not_part_of_it():
    page = pdf(MASTHEAD + "特约通讯员　蔡某　整理\n推进老旧小区加装电梯\n区政协委员　郭立言\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert speeches[0].title == "推进老旧小区加装电梯"


def test_a_bare_name_under_a_headline_with_a_closing_unit_note_takes_its_roles():
    page = pdf(MASTHEAD + "规范共享单车停放\n民进某某区委会\n" + BODY + "推进老旧小区加装电梯\n郭立言\n" + BODY
               + "（作者单位：某某设计院，系区政协委员、高级工程师）\n")
    _, speeches = find_speeches(split_lines(page))
    assert speeches[1].proposer.roles == ["区政协委员", "某某设计院高级工程师"]
    assert all("作者单位" not in line.text for line in speeches[1].body)


def test_a_column_name_over_the_page_s_first_headline_is_left_out_of_it():
    top = "某某时报\n2026年6月1日　星期一　第4版\n责任编辑：甲乙\n"
    page = pdf(top + "委员来信\n推进老旧小区加装电梯\n区政协委员　郭立言\n" + BODY + "规范共享单车停放\n民进某某区委会\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [s.title for s in speeches] == ["推进老旧小区加装电梯", "规范共享单车停放"]
    page = pdf(top + "推进老旧小区加装电梯\n让居民上下楼更便捷\n区政协委员　郭立言\n" + BODY)
    assert find_speeches(split_lines(page))[1][0].title == "推进老旧小区加装电梯让居民上下楼更便捷"  # a headline's first line is the fuller


def test_wrapped_lines_of_text_that_read_as_headline_and_proposer_open_nothing():
    body = ("当前企业参与决策渠道不多，为\n此，建议：\n一是提升企业决策参与度。建\n立企业常态参与决策机制，吸纳\n"
            "更多领军企业家进入市科咨询委\n员会，赋予企业更大话语权，增\n强企业创新的积极主动性。\n")  # a column 14 wide
    page = pdf(MASTHEAD + "规范共享单车停放\n民进某某区委会\n" + body + "推进老旧小区加装电梯\n区政协委员　郭立言\n" + BODY)
    _, speeches = find_speeches(split_lines(page))
    assert [s.title for s in speeches] == ["规范共享单车停放", "推进老旧小区加装电梯"]


def test_a_speech_has_text_so_no_headline_stands_right_under_a_proposer_line():
    page = pdf(MASTHEAD + "规范共享单车停放\n民进某某区委会\n通过对某某有限公司、某某产业园、某某\n产权保护中心\n"
               "等单位的调研，发现问题。为此，建议：\n一是甲。\n二是乙。\n")
    _, speeches = find_speeches(split_lines(page))
    assert [(s.title, s.proposer.name) for s in speeches] == [("规范共享单车停放", "民进某某区委会")]
