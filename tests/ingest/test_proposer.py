"""Proposer lines: bodies, persons, roles split with elided organisations restored, affiliations."""

import pytest
from policykg.extract.proposer import (
    parse_proposer_line,
    parse_proposer_text,
    parse_roles,
    proposer_from_mapping,
    split_title,
)


def test_body_line_is_an_organization_without_roles():
    found = parse_proposer_line("九三学社重庆市委会")
    assert (found.name, found.kind, found.roles, found.affiliations) == (
        "九三学社重庆市委会",
        "organization",
        [],
        [],
    )


@pytest.mark.parametrize("line", ["民盟重庆市委会", "某某大学", "致公党重庆市委员会", "市工商联"])
def test_bodies_with_organisation_endings(line):
    assert parse_proposer_line(line).kind == "organization"


def test_roles_then_name_with_elided_organisation_restored():
    found = parse_proposer_line("市政协委员，某区政协党组书记、主席 孙明远")
    assert found.name == "孙明远" and found.kind == "person"
    assert found.roles == ["市政协委员", "某区政协党组书记", "某区政协主席"]
    assert found.affiliations == ["市政协", "某区政协"]


def test_national_membership_and_university_post():
    found = parse_proposer_line("全国政协委员、某某理工大学校长 钱立新")
    assert found.roles == ["全国政协委员", "某某理工大学校长"]
    assert found.affiliations == ["全国政协", "某某理工大学"]


def test_committee_of_the_body_before_it_belongs_to_that_body():
    found = parse_proposer_line("市政协常委、文史委副主任，某某职业学院院长 林晓")
    assert found.roles == ["市政协常委", "市政协文史委副主任", "某某职业学院院长"]
    assert found.affiliations == ["市政协", "某某职业学院"]


def test_unit_with_a_place_stands_on_its_own():
    roles = parse_roles("市政协委员、江津区委副书记")
    assert [r.organization for r in roles] == ["市政协", "江津区委"]


def test_category_role_gives_no_affiliation():
    found = parse_proposer_line("市政协常委，市属国企外部董事 韩冬")
    assert found.roles == ["市政协常委", "市属国企外部董事"]
    assert found.affiliations == ["市政协"]


def test_party_secretary_and_chair_of_a_company():
    found = parse_proposer_line("市政协委员，某某金租党委书记、董事长 邹平")
    assert found.roles == ["市政协委员", "某某金租党委书记", "某某金租董事长"]
    assert found.affiliations == ["市政协", "某某金租"]


def test_company_name_with_brackets_is_kept_whole():
    found = parse_proposer_line("市政协委员、某某创新中心（重庆）有限公司总经理 褚明")
    assert found.affiliations == ["市政协", "某某创新中心（重庆）有限公司"]


def test_run_on_attribution_with_membership_marker():
    found = parse_proposer_line("——某某实验室主任、某某理工大学副校长欧阳明远委员")
    assert found.name == "欧阳明远"
    assert found.roles == ["某某实验室主任", "某某理工大学副校长"]
    assert found.affiliations == ["某某实验室", "某某理工大学"]


def test_trailing_marker_is_not_part_of_the_name():
    found = parse_proposer_line("李明远委员")
    assert (found.name, found.roles) == ("李明远", [])
    assert parse_proposer_line("市政协委员 王芳代表").name == "王芳"


def test_minority_name_with_middle_dot():
    assert parse_proposer_line("市政协委员 阿依古丽·买买提").name == "阿依古丽·买买提"


@pytest.mark.parametrize(
    "line",
    [
        "进一步强化企业科技创新主体地位",
        "建立良好创投机制 持续优化创投生态",
        "发挥委员作用",
        "科技金融是支撑创新的重要力量。近年来，我市科",
        "工业园区、产业集群 5G 专网、千兆光网、工业互联网标识",
        "关于加快发展低空经济的建议",
    ],
)
def test_headlines_and_body_lines_are_not_proposers(line):
    assert parse_proposer_line(line) is None


def test_split_title_prefers_the_longest_title():
    assert split_title("某区政协党组书记") == ("某区政协", "党组书记")
    assert split_title("某某大学副校长") == ("某某大学", "副校长")


def test_caller_text_may_be_a_bare_name_or_a_body():
    assert parse_proposer_text("王建国").kind == "person"
    assert parse_proposer_text("某某研究会联合调研组").kind == "organization"
    assert parse_proposer_text("市政协委员 王建国").affiliations == ["市政协"]


def test_mapping_derives_affiliations_from_roles():
    found = proposer_from_mapping({"name": "刘海波", "roles": ["市政协常委", "某某集团董事长"]})
    assert found.kind == "person" and found.affiliations == ["市政协", "某某集团"]
    assert proposer_from_mapping({"name": "农工党重庆市委会"}).kind == "organization"


def test_run_on_name_after_a_role_in_a_named_body():
    found = parse_proposer_line("市政协委员、重庆某某大学教授刘志强")
    assert (found.name, found.affiliations) == ("刘志强", ["市政协", "重庆某某大学"])
    assert parse_proposer_line("推动政协委员履职") is None


def test_two_character_name_set_apart_by_a_space():
    assert parse_proposer_line("市政协委员，某某大学教授 王　芳").name == "王芳"
    assert parse_proposer_line("市政协常委 李 强").roles == ["市政协常委"]


@pytest.mark.parametrize("line", ["市政协提案委", "市政协办公厅", "市科技局", "市社科院", "九三学社重庆市委"])
def test_bodies_with_one_character_endings(line):
    assert parse_proposer_line(line).kind == "organization"


ROLE_SHAPES = [
    ("省政协常委、民革省委会副主委 张三", ["省政协常委", "民革省委会副主委"], ["省政协", "民革省委会"]),
    ("九三学社中央委员、北京大学教授 李四", ["九三学社中央委员", "北京大学教授"], ["九三学社中央", "北京大学"]),
    ("市人大代表，某某集团董事长 王五", ["市人大代表", "某某集团董事长"], ["市人大", "某某集团"]),
    ("政协委员 赵六", ["政协委员"], []),
    ("中国科学院院士 钱七", ["中国科学院院士"], ["中国科学院"]),
    ("某某市某某区区长 孙八", ["某某市某某区区长"], ["某某市某某区"]),
    ("某某区委副书记、区长 周九", ["某某区委副书记", "某某区区长"], ["某某区委", "某某区"]),
]


@pytest.mark.parametrize("line, roles, affiliations", ROLE_SHAPES)
def test_role_shapes_give_organisations_not_titles(line, roles, affiliations):
    found = parse_proposer_line(line)
    assert (found.kind, found.roles, found.affiliations) == ("person", roles, affiliations)


def test_joint_proposers_credit_the_first_listed():
    bodies = parse_proposer_line("民盟某某市委会、民进某某市委会")
    assert (bodies.name, bodies.kind) == ("民盟某某市委会", "organization")
    persons = parse_proposer_line("张明、李华委员")
    assert (persons.name, persons.kind, persons.roles) == ("张明", "person", [])
    assert parse_proposer_text("张明、李华").name == "张明"
    assert parse_proposer_line("科技、金融") is None


def test_central_committee_of_a_party_is_a_body():
    assert parse_proposer_text("民盟中央").kind == "organization"


def test_bare_name_counts_only_loosely_and_with_a_common_surname():
    assert parse_proposer_line("——王建国").name == "王建国"
    assert parse_proposer_line("王建国") is None
    assert parse_proposer_line("——现状分析") is None


def test_a_rank_after_membership_stays_bare_but_after_a_post_takes_its_body():
    found = parse_proposer_line("全国政协委员、博士生导师 张明")
    assert (found.roles, found.affiliations) == (["全国政协委员", "博士生导师"], ["全国政协"])
    found = parse_proposer_line("某某大学校长、教授 李华")
    assert (found.roles, found.affiliations) == (["某某大学校长", "某某大学教授"], ["某某大学"])
    assert parse_proposer_line("市政协常委、秘书长 赵强").roles == ["市政协常委", "市政协秘书长"]


def test_a_list_of_bodies_running_on_is_body_text():
    assert parse_proposer_line("市发展改革委、市经济信息委、") is None


@pytest.mark.parametrize(
    "line, affiliations",
    [
        ("全国政协委员、某某医院常务副院长 张明", ["全国政协", "某某医院"]),
        ("市政协常委、某某大学二级教授 李华", ["市政协", "某某大学"]),
        ("市人大常委会委员、教科文卫委主任委员 王强", ["市人大常委会"]),
    ],
)
def test_compound_titles_leave_the_organisation_whole(line, affiliations):
    assert parse_proposer_line(line).affiliations == affiliations


@pytest.mark.parametrize("line", ["某某市人民政府", "民建某某市委会课题组", "某某代表团", "某某基金会"])
def test_governments_groups_and_delegations_are_bodies(line):
    assert parse_proposer_line(line).kind == "organization"


def test_name_comma_roles_is_a_person_but_a_sentence_opener_is_not():
    from policykg.extract.proposer import parse_proposer_line

    found = parse_proposer_line("韩某某，市政协委员、某某学院教授")
    assert (found.name, found.roles) == ("韩某某", ["市政协委员", "某某学院教授"])
    assert parse_proposer_line("目前，重庆大学教授") is None  # 目前 opens no name


def test_a_joint_proposer_tail_leaves_the_lead():
    from policykg.extract.proposer import parse_proposer_line, parse_proposer_text

    assert parse_proposer_text("韩某某等5位委员").name == "韩某某"
    assert parse_proposer_line("民盟某市委会等3个单位").name == "民盟某市委会"


def test_a_name_set_first_then_its_roles():
    from policykg.extract.proposer import parse_proposer_line

    found = parse_proposer_line("韩　梅　区政协委员、某某律师事务所主任")
    assert (found.name, found.affiliations) == ("韩梅", ["区政协", "某某律师事务所"])
    assert parse_proposer_line("发展　区政协委员") is None  # 发展 is no name


def test_a_key_value_line_is_no_body():
    from policykg.extract.proposer import parse_proposer_line

    assert parse_proposer_line("作者单位：某某学院") is None
    assert parse_proposer_line("某某学院").kind == "organization"


def test_heads_of_kindergartens_customs_and_works_give_their_organisation():
    from policykg.extract.proposer import parse_proposer_line

    cases = {
        "区政协委员、某某实验幼儿园副园长　韩某某": ["区政协", "某某实验幼儿园"],
        "某某海关原关长　钱某": ["某某海关"],
        "某某县检察院检察长　孙某某": ["某某县检察院"],
        "某某水文站副站长　李某": ["某某水文站"],
        "某某农机厂厂长　周某某": ["某某农机厂"],
    }
    for line, affiliations in cases.items():
        assert parse_proposer_line(line).affiliations == affiliations, line
    assert parse_proposer_line("某某海关原关长　钱某").roles == ["某某海关原关长"]


def test_a_street_office_is_its_own_organisation_not_a_unit_of_the_one_before():
    from policykg.extract.proposer import person

    cases = {
        "区政协委员、某某街道办事处主任": ["区政协", "某某街道办事处"],
        "县政协常委、某某街道党工委副书记": ["县政协", "某某街道"],
    }
    for roles, affiliations in cases.items():
        assert person("李某", roles).affiliations == affiliations, roles


@pytest.mark.parametrize(
    ("line", "role", "affiliation"),
    [
        ("某某区卫生健康委医疗质量总监 邓某", "某某区卫生健康委医疗质量总监", "某某区卫生健康委"),
        ("某某银行首席风险官 蒋某", "某某银行首席风险官", "某某银行"),
        ("某某设计院总园林师 韦某", "某某设计院总园林师", "某某设计院"),
        ("某某律师事务所知识产权顾问 孔某", "某某律师事务所知识产权顾问", "某某律师事务所"),
        ("某某集团原首席信息官 曹某", "某某集团原首席信息官", "某某集团"),
    ],
)
def test_a_field_before_a_title_belongs_to_the_title(line, role, affiliation):
    """A field of work (医疗质量, 风险, 知识产权) before a title that takes one (总监, 首席…官,
    总…师, 顾问) is part of the title; the organisation ends where its name ends like one."""
    found = parse_proposer_line(line)
    assert (found.roles, found.affiliations) == ([role], [affiliation])


def test_a_field_title_left_bare_takes_the_organisation_before_it():
    found = parse_proposer_line("区政协委员，某某物流集团副总经理、运营总监 秦某")
    assert found.roles == ["区政协委员", "某某物流集团副总经理", "某某物流集团运营总监"]
    assert found.affiliations == ["区政协", "某某物流集团"]


def test_a_title_shape_never_swallows_its_own_opening_word():
    assert split_title("某某总公司总营养师") == ("某某总公司", "总营养师")
    assert split_title("某某中心主任") == ("某某中心", "主任")  # a title that takes no field is as before
    assert split_title("某某公司数据中心总监") == ("某某公司数据中心", "总监")  # already a body's name


@pytest.mark.parametrize(
    "line",
    ["葛某某、田某等4位委员联名提出", "葛某某、田某等委员共同提交", "葛某某等3名代表联名提出的议案"],
)
def test_joint_proposers_counted_by_person_words_are_led_by_the_first(line):
    """The record contract has one proposer: a joint list is credited to its first name."""
    found = parse_proposer_line(line)
    assert (found.name, found.kind) == ("葛某某", "person")


def test_names_set_apart_by_spaces_in_a_field_are_a_joint_list():
    assert parse_proposer_text("葛某某　田某　蔡某某").name == "葛某某"
    assert parse_proposer_line("葛某某　田某　蔡某某委员").name == "葛某某"  # not 葛某某 with roles 田某蔡某某委员
    assert parse_proposer_line("葛某某　田某") is None  # two bare names under a headline: unmarked


def test_a_lead_mark_names_the_lead_and_may_follow_roles():
    found = parse_proposer_text("区政协常委 田某（领衔）、葛某某、蔡某某")
    assert (found.name, found.roles, found.affiliations) == ("田某", ["区政协常委"], ["区政协"])
    assert parse_proposer_line("葛某某、田某（领衔）").name == "田某"


def test_a_caption_parted_by_a_spaced_dot_is_no_proposer_line():
    assert parse_proposer_line("某某区政协全会 · 大会发言") is None
    assert parse_proposer_line("市政协委员 阿依古丽·买买提").name == "阿依古丽·买买提"  # a name's dot is set close


def test_roles_before_a_spaced_name_end_in_a_title():
    assert parse_proposer_line("某某县政协常委会会议　专题发言") is None
    assert parse_proposer_line("区政协常委、某某中学校长　苗某").roles == ["区政协常委", "某某中学校长"]


def test_a_democratic_partys_local_branch_is_a_body():
    found = parse_proposer_line("民进某某县支部")
    assert (found.name, found.kind) == ("民进某某县支部", "organization")
    assert parse_roles("某某村党支部书记")[0].organization == "某某村"  # the title still ends in 党支部书记


def test_roles_both_before_a_spaced_name_and_after_it_in_brackets():
    found = parse_proposer_line("省人大代表　祁某某（某某县妇幼保健院副主任医师）")
    assert found.name == "祁某某"
    assert found.roles == ["省人大代表", "某某县妇幼保健院副主任医师"]
    assert found.affiliations == ["省人大", "某某县妇幼保健院"]


def test_a_deputy_grade_belongs_to_the_title():
    assert split_title("某某研究院副总建筑师") == ("某某研究院", "副总建筑师")
    assert split_title("某某医院副主任医师") == ("某某医院", "副主任医师")


def test_a_name_with_the_body_it_comes_from_in_brackets():
    found = parse_proposer_line("卢某某（某某代表团）")
    assert (found.name, found.kind, found.roles, found.affiliations) == ("卢某某", "person", [], ["某某代表团"])
    assert parse_proposer_line("黄河安澜（民建中央）") is None  # a headline with its speaker


def test_a_joint_tail_without_a_count_or_without_etal():
    assert parse_proposer_line("葛某某、田某、蔡某某委员联名提出").name == "葛某某"
    assert parse_proposer_line("民革某市委会、民盟某市委会共同提交").name == "民革某市委会"
    assert parse_proposer_line("区政协委员葛某某等").roles == ["区政协委员"]


def test_a_drafters_note_after_a_body_is_not_the_proposer():
    found = parse_proposer_line("九三学社某县委会（执笔：郁某某）")
    assert (found.name, found.kind) == ("九三学社某县委会", "organization")
    assert parse_proposer_line("九三学社某县委会（执笔人　郁某某）").name == "九三学社某县委会"


def test_a_heads_title_that_repeats_its_unit():
    assert split_title("某某交警支队副支队长") == ("某某交警支队", "副支队长")
    assert split_title("某某勘探中队中队长") == ("某某勘探中队", "中队长")
    assert split_title("某某大学副校长") == ("某某大学", "副校长")  # 校 is not 大学: the listed title


def test_roles_shared_by_names_set_apart_credit_the_first():
    found = parse_proposer_line("区政协委员　谢友林　詹慧")
    assert (found.name, found.roles, found.affiliations) == ("谢友林", ["区政协委员"], ["区政协"])
    assert parse_proposer_line("区政协委员　谢友林　高质量发展") is None  # not all names


def test_membership_of_a_party_or_society_is_a_role_with_its_body():
    found = parse_proposer_line("区政协委员、九三学社社员、某某研究所研究员　詹慧")
    assert found.affiliations == ["区政协", "九三学社", "某某研究所"]


def test_a_line_of_text_after_a_surname_s_character_is_no_name_with_roles():
    assert parse_proposer_line("司等 12 家业内单位的专题调研，综合") is None
    assert parse_proposer_line("张　伟　市政协委员、某某律师事务所主任").name == "张伟"


def test_a_united_front_department_is_a_body():
    assert parse_proposer_line("中共某某市委统战部").kind == "organization"
