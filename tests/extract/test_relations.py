"""PROPOSES versus MENTIONS, and entity–entity relations, on made-up sentences."""

from __future__ import annotations

import pytest


def _by_text(rec):
    return {e.canonical: e for e in rec.entities}


def _rels(rec):
    return {(r.type, r.source, r.target) for r in rec.relations}


def test_object_of_a_proposing_verb_is_proposed_with_its_english(extract):
    e = _by_text(extract("设立区级天使基金。"))["区级天使基金"]
    assert (e.relation, e.action, e.action_en) == ("PROPOSES", "设立", "establish")


def test_verb_coordinated_with_bing_proposes_with_the_first_verb(extract):
    e = _by_text(extract("设立并做大区级天使基金。"))["区级天使基金"]
    assert (e.relation, e.action) == ("PROPOSES", "设立")


def test_entity_after_a_preposition_is_only_mentioned(extract):
    e = _by_text(extract("在区级孵化器开展培训。"))["区级孵化器"]
    assert e.relation == "MENTIONS" and e.action is None


def test_second_of_two_coordinated_objects_is_proposed_too(extract):
    got = _by_text(extract("建设青年实训基地和工程师实践基地。"))
    assert got["工程师实践基地"].relation == "PROPOSES"


def test_funded_by_each_funder_and_government_becomes_a_party(extract):
    rec = extract("设立由政府、高校共同出资的成果转化基金。")
    rels = _rels(rec)
    assert ("FUNDED_BY", "fund:成果转化基金", "institution:政府") in rels
    assert ("FUNDED_BY", "fund:成果转化基金", "institution:高校") in rels


def test_hosted_by_the_body_relied_upon(extract):
    rec = extract("依托高新区创业服务中心，建设青年创业孵化器。")
    assert ("HOSTED_BY", "platform:青年创业孵化器", "platform:高新区创业服务中心") in _rels(rec)


def test_operated_by_the_subject_that_sets_it_up(extract):
    rec = extract("支持高校牵头建设概念验证中心。")
    assert ("OPERATED_BY", "platform:概念验证中心", "institution:高校") in _rels(rec)


def test_part_of_the_class_a_list_names(extract):
    rec = extract("支持园区建立孵化器、加速器等育成体系。")
    rels = _rels(rec)
    assert ("PART_OF", "platform:孵化器", "mechanism:育成体系") in rels
    assert ("PART_OF", "platform:加速器", "mechanism:育成体系") in rels


def test_relation_offsets_are_inside_the_text(extract):
    text = "设立由政府、高校共同出资的成果转化基金。"
    rec = extract(text)
    assert rec.relations
    for r in rec.relations:
        assert 0 <= r.start < r.end <= len(text)


def test_object_after_a_de_clause_is_proposed_by_the_verb_opening_it(extract):
    got = _by_text(extract("建设面向小微企业的共性技术服务平台。"))
    assert got["小微企业"].relation == "MENTIONS"
    assert (got["共性技术服务平台"].relation, got["共性技术服务平台"].action) == ("PROPOSES", "建设")


def test_verb_right_before_a_head_after_a_proposing_verb_is_part_of_the_name(extract):
    e = _by_text(extract("设立引导基金。"))["引导基金"]
    assert (e.relation, e.action) == ("PROPOSES", "设立")


def test_entity_modifying_a_larger_phrase_is_only_mentioned(extract):
    got = _by_text(extract("完善养老服务企业扶持机制。"))
    assert got["养老服务企业"].relation == "MENTIONS"
    assert got["养老服务企业扶持机制"].relation == "PROPOSES"


def test_hosted_by_the_place_where_it_is_set_up(extract):
    rec = extract("支持企业在慈善类公益基金会设立助学资金池。")
    assert ("HOSTED_BY", "fund:助学资金池", "institution:慈善类公益基金会") in _rels(rec)


def test_bare_class_heading_a_list_refers_back_for_part_of(extract):
    rec = extract("完善园区企业服务体系，建立孵化器、加速器等服务体系。")
    assert [e.canonical for e in rec.entities if e.type == "Mechanism"] == ["园区企业服务体系"]
    assert ("PART_OF", "platform:孵化器", "mechanism:园区企业服务体系") in _rels(rec)



def test_hosted_by_stays_within_the_verb_phrase_the_coverb_scopes(extract):
    rec = extract("依托市工业设计中心建设设计成果转化平台，整合高校资源，建立设计人才评价机制。")
    rels = _rels(rec)
    assert ("HOSTED_BY", "platform:设计成果转化平台", "platform:市工业设计中心") in rels
    assert not any(r[1] == "mechanism:设计人才评价机制" for r in rels)


def test_a_standalone_coverb_phrase_scopes_only_the_next_clause(extract):
    rec = extract("依托市工业设计中心，建设设计成果转化平台，建立设计人才评价机制。")
    rels = _rels(rec)
    assert ("HOSTED_BY", "platform:设计成果转化平台", "platform:市工业设计中心") in rels
    assert not any(r[1] == "mechanism:设计人才评价机制" for r in rels)


def test_coordinated_coverb_objects_all_host(extract):
    rec = extract("依托农业科学院和畜牧科学研究院建设种质资源保护中心。")
    rels = _rels(rec)
    assert ("HOSTED_BY", "platform:种质资源保护中心", "institution:农业科学院") in rels
    assert ("HOSTED_BY", "platform:种质资源保护中心", "institution:畜牧科学研究院") in rels


def test_a_coverb_object_is_no_operator(extract):
    rec = extract("依托西部算力调度中心建设算力交易平台。")
    assert not any(r[0] == "OPERATED_BY" for r in _rels(rec))


def test_coordinated_subjects_all_operate(extract):
    rec = extract("推动社区医院与养老服务机构建立医养协作机制。")
    rels = _rels(rec)
    assert ("OPERATED_BY", "mechanism:医养协作机制", "institution:社区医院") in rels
    assert ("OPERATED_BY", "mechanism:医养协作机制", "institution:养老服务机构") in rels



def test_a_member_of_a_list_modifying_a_later_head_is_only_mentioned(extract):
    got = _by_text(extract("探索政府投入、社会资本、金融机构、市场融资等资金供给模式。"))
    assert got["金融机构"].relation == "MENTIONS"



def test_an_attribute_before_de_is_only_mentioned(extract):
    got = _by_text(extract("建立跨教育、人社等多部门的联席会议制度。"))
    assert got["教育部门"].relation == "MENTIONS"
    assert got["联席会议制度"].relation == "PROPOSES"


def test_an_entity_nested_in_a_longer_one_is_only_mentioned(extract):
    got = _by_text(extract("健全托育机构与妇幼保健机构协作机制。"))
    assert got["托育机构"].relation == "MENTIONS"
    assert got["托育机构与妇幼保健机构协作机制"].relation == "PROPOSES"




def test_hosted_by_reaches_past_the_rest_of_the_coverb_object(extract):
    rec = extract("依托西部科学城创新基地等载体，建设青年人才实训基地。")
    assert ("HOSTED_BY", "platform:青年人才实训基地", "platform:西部科学城创新基地") in _rels(rec)




def test_a_homograph_head_is_the_subject_that_operates(extract):
    rec = extract("引导公益组织设立助学专项基金。")
    assert ("OPERATED_BY", "fund:助学专项基金", "institution:公益组织") in _rels(rec)



def test_an_entity_before_a_quoted_modifier_is_only_mentioned(extract):
    got = _by_text(extract("实施文旅企业“千帆”培育行动。"))
    assert got["文旅企业"].relation == "MENTIONS"


@pytest.mark.parametrize("text, name, verb", [
    pytest.param("依托经开区建设智能制造公共服务中心。", "智能制造公共服务中心", "建设",
                 id="verb-after-a-coverb-object"),
    pytest.param("建设一批蔬菜加工园区和县域冷链配送中心。", "县域冷链配送中心", "建设",
                 id="last-conjunct-after-a-non-entity"),
    pytest.param("设立文旅产业基金及其子基金。", "子基金", "设立", id="ji-qi-shares-the-verb"),
    pytest.param("由市财政局牵头，联合有关部门设立规模20亿元的市级文旅发展基金。", "市级文旅发展基金",
                 "设立", id="verb-right-before-a-de-clause"),
    pytest.param("推动建立以社区为依托的居家养老服务体系。", "居家养老服务体系", "建立",
                 id="leading-action-verb-before-a-de-clause"),
    pytest.param("共同建立“康养产业投资基金”。", "康养产业投资基金", "建立", id="quoted-object"),
    pytest.param("探索建立城乡统一的建设用地市场和林权流转交易平台。", "林权流转交易平台", "建立",
                 id="shared-verb-past-a-de-clause"),
    pytest.param("探索设立由市级财政出资、社会资本参与的湿地修复专项资金。", "湿地修复专项资金", "设立",
                 id="last-verb-of-a-chain-before-a-de-clause"),
])
def test_the_proposing_verb_follows_phrase_structure(extract, text, name, verb):
    e = _by_text(extract(text))[name]
    assert (e.relation, e.action) == ("PROPOSES", verb)


def test_the_agent_after_you_operates_what_it_sets_up(extract):
    rec = extract("由区文旅委牵头设立文旅消费引导基金。")
    assert ("OPERATED_BY", "fund:文旅消费引导基金", "institution:区文旅委") in _rels(rec)


def test_bodies_joined_by_huitong_both_operate(extract):
    rec = extract("由区民政局会同区卫生健康委建立居家养老巡访制度。")
    rels = _rels(rec)
    assert ("OPERATED_BY", "mechanism:居家养老巡访制度", "institution:区民政局") in rels
    assert ("OPERATED_BY", "mechanism:居家养老巡访制度", "institution:区卫生健康委") in rels


# ---------------------------------------------------------------- agents: coordination, lead and trailing clauses


@pytest.mark.parametrize("text, target, agents", [
    pytest.param("支持龙头企业联合科研院所组建产业技术研究院。", "institution:产业技术研究院",
                 ["institution:龙头企业", "institution:科研院所"], id="support-a-lianhe-b"),
    pytest.param("由市商务委联合市税务局设立出口信用保险专项资金。", "fund:出口信用保险专项资金",
                 ["institution:市商务委", "institution:市税务局"], id="you-a-lianhe-b"),
    pytest.param("由市经济信息委牵头，联合市科技局建立首台套保险补偿机制。", "mechanism:首台套保险补偿机制",
                 ["institution:市经济信息委", "institution:市科学技术局"], id="lead-clause-then-partner"),
    pytest.param("由市农业农村委牵头，建立农产品质量追溯制度。", "mechanism:农产品质量追溯制度",
                 ["institution:市农业农村委"], id="lead-clause-alone"),
])
def test_every_coordinated_or_leading_agent_operates(extract, target, agents, text):
    rels = _rels(extract(text))
    assert {r[2] for r in rels if r[:2] == ("OPERATED_BY", target)} == set(agents)


def test_agents_that_fund_what_they_set_up_are_funders_not_operators(extract):
    rels = _rels(extract("推动市城投集团和区属国有企业共同出资设立城市更新基金。"))
    assert rels == {("FUNDED_BY", "fund:城市更新基金", "institution:市城投集团"),
                    ("FUNDED_BY", "fund:城市更新基金", "institution:区属国有企业")}


def test_a_trailing_clause_of_funders_speaks_of_the_object_before_it(extract):
    rels = _rels(extract("设立乡村旅游发展基金，由市文化旅游集团和区县政府按1:1比例出资。"))
    assert ("FUNDED_BY", "fund:乡村旅游发展基金", "institution:市文化旅游集团") in rels
    assert ("FUNDED_BY", "fund:乡村旅游发展基金", "institution:区县政府") in rels


def test_a_trailing_clause_of_an_operator_speaks_of_the_object_before_it(extract):
    rels = _rels(extract("建设城市公共充电服务平台，由市能源投资集团负责日常运营。"))
    assert rels == {("OPERATED_BY", "platform:城市公共充电服务平台", "institution:市能源投资集团")}


def test_trailing_clauses_in_a_row_speak_of_the_same_object(extract):
    rels = _rels(extract("设立中小企业转贷应急资金池，由市财政局出资，由市融资担保集团负责运营管理。"))
    assert ("FUNDED_BY", "fund:中小企业转贷应急资金池", "institution:市财政局") in rels
    assert ("OPERATED_BY", "fund:中小企业转贷应急资金池", "institution:市融资担保集团") in rels


def test_a_trailing_clause_after_a_topic_speaks_of_the_topic(extract):
    rels = _rels(extract("区县科技服务分中心作为市级科技服务平台的组成部分，由区县生产力促进中心负责运营。"))
    assert ("PART_OF", "platform:区县科技服务分中心", "platform:市级科技服务平台") in rels
    assert ("OPERATED_BY", "platform:区县科技服务分中心", "platform:区县生产力促进中心") in rels


@pytest.mark.parametrize("text", [
    pytest.param("设立人才发展专项资金。由市人力社保局负责管理。", id="not-across-a-sentence"),
    pytest.param("设立科技创新基金，由市科技局负责项目评审管理。", id="clause-with-its-own-object"),
    pytest.param("由市财政局负责统筹，设立产业引导基金。", id="no-lead-verb"),
    pytest.param("建立政府、银行和担保机构共担的风险分担机制。", id="subjects-of-a-de-clause"),
    pytest.param("设立人才发展基金\n由市人力社保局负责管理。", id="not-across-an-item-line"),
])
def test_no_agent_relation_outside_the_clause_the_verb_governs(extract, text):
    assert not any(r[0] in ("OPERATED_BY", "FUNDED_BY") for r in _rels(extract(text)))


# ---------------------------------------------------------------- PART_OF: 纳入, 作为…组成部分, 下设, 成员包括


@pytest.mark.parametrize("text, part, whole", [
    pytest.param("将企业首席技术官制度纳入人才评价体系。", "mechanism:企业首席技术官制度",
                 "mechanism:人才评价体系", id="jiang-a-naru-c"),
    pytest.param("支持高校建设技术转移中心，将其纳入全市科技服务体系。", "platform:技术转移中心",
                 "mechanism:科技服务体系", id="qi-refers-to-the-object-before"),
    pytest.param("将区域医疗中心作为分级诊疗体系的重要组成部分。", "platform:区域医疗中心",
                 "mechanism:分级诊疗体系", id="zuowei-c-de-zuchengbufen"),
    pytest.param("鼓励行业协会可下设标准化技术委员会。", "institution:标准化技术委员会",
                 "institution:行业协会", id="c-xiashe-a"),
    pytest.param("组建智能制造产业联盟，联盟成员包括整车企业、零部件企业和高校。", "institution:零部件企业",
                 "institution:智能制造产业联盟", id="bare-head-members"),
    pytest.param("组建数字文化产业联盟，该联盟的成员单位包括动漫企业和游戏企业。", "institution:游戏企业",
                 "institution:数字文化产业联盟", id="gai-head-member-units"),
])
def test_part_of_by_phrase_structure(extract, text, part, whole):
    assert ("PART_OF", part, whole) in _rels(extract(text))


@pytest.mark.parametrize("text", [
    pytest.param("设立人才发展基金；将其纳入市级基金管理体系。", id="qi-not-across-a-sentence"),
    pytest.param("组建数字经济产业联盟。联盟成员包括软件企业和硬件企业。", id="head-not-across-a-sentence"),
    pytest.param("支持科技领军企业作为创新联合体的牵头单位。", id="zuowei-a-role-not-a-part"),
    pytest.param("将孵化器纳入补贴范围。", id="naru-no-entity"),
    pytest.param("重点领域包括人工智能企业和软件企业。", id="baokuo-without-members"),
])
def test_no_part_of_without_its_phrase_structure(extract, text):
    assert not any(r[0] == "PART_OF" for r in _rels(extract(text)))


def test_a_class_after_members_governed_by_a_coverb_is_no_operator(extract):
    rels = _rels(extract("依托西南大学、市农业科学院等科研单位组建种业创新联合体。"))
    assert ("HOSTED_BY", "institution:种业创新联合体", "institution:西南大学") in rels
    assert not any(r[0] == "OPERATED_BY" for r in rels)


def test_a_class_after_members_as_subject_still_operates(extract):
    rels = _rels(extract("推动铁路、港口、航空等运输企业组建多式联运经营联盟。"))
    assert ("OPERATED_BY", "institution:多式联运经营联盟", "institution:运输企业") in rels


# ---------------------------------------------------------------- agent clauses with a topic: Y由X…


@pytest.mark.parametrize("text, rels", [
    pytest.param("创新药物临床研究中心由三甲医院和医药企业共同建设。", {
        ("OPERATED_BY", "platform:药物临床研究中心", "institution:三甲医院"),
        ("OPERATED_BY", "platform:药物临床研究中心", "institution:医药企业")}, id="topic-you-x-jianshe"),
    pytest.param("设立文化产业发展基金，该基金由市文化旅游委和市国资委共同出资，由市文化旅游集团负责运营管理。", {
        ("FUNDED_BY", "fund:文化产业发展基金", "institution:市文化旅游委"),
        ("FUNDED_BY", "fund:文化产业发展基金", "institution:市国有资产监督管理委员会"),
        ("OPERATED_BY", "fund:文化产业发展基金", "institution:市文化旅游集团")}, id="gai-head-topic-then-trailing"),
    pytest.param("设立绿色发展基金，基金由市环境投资集团发起。", {
        ("OPERATED_BY", "fund:绿色发展基金", "institution:市环境投资集团")}, id="bare-head-topic-lead-verb"),
    pytest.param("碳普惠联盟由能源企业、商业银行和环保组织组成。", {
        ("PART_OF", "institution:能源企业", "institution:碳普惠联盟"),
        ("PART_OF", "institution:商业银行", "institution:碳普惠联盟"),
        ("PART_OF", "institution:环保组织", "institution:碳普惠联盟")}, id="you-members-zucheng"),
    pytest.param("设立旅游发展基金，由市旅游投资集团与社会资本按比例出资、市场化运作。", {
        ("FUNDED_BY", "fund:旅游发展基金", "institution:市旅游投资集团")}, id="non-entity-co-funder-and-more-predicates"),
    pytest.param("由市经济信息委联合重庆大学统筹建设工业互联网创新中心。", {
        ("OPERATED_BY", "platform:工业互联网创新中心", "institution:市经济信息委"),
        ("OPERATED_BY", "platform:工业互联网创新中心", "institution:重庆大学")}, id="adverbial-verb-before-the-verb"),
])
def test_agent_clauses_about_a_topic_or_the_object_before(extract, text, rels):
    assert _rels(extract(text)) == rels


@pytest.mark.parametrize("text, part, whole", [
    pytest.param("建立社区养老服务信息平台，纳入全市智慧养老服务平台统一管理。",
                 "platform:社区养老服务信息平台", "platform:智慧养老服务平台", id="naru-opening-a-clause"),
    pytest.param("建立农产品质量追溯平台并纳入全市食品安全监管平台。",
                 "platform:农产品质量追溯平台", "platform:食品安全监管平台", id="bing-naru"),
])
def test_naru_without_its_own_subject_includes_the_object_before(extract, text, part, whole):
    assert ("PART_OF", part, whole) in _rels(extract(text))


def test_a_lead_clause_after_a_comma_opens_the_next_clause_not_the_object_before(extract):
    rels = _rels(extract("设立产业基金，由市财政局牵头，会同市发展改革委建立基金管理制度。"))
    assert ("OPERATED_BY", "mechanism:基金管理制度", "institution:市财政局") in rels
    assert not any(r[1] == "fund:产业基金" for r in rels)


@pytest.mark.parametrize("text", [
    pytest.param("技术转移机构由市科技局认定。", id="recognising-is-not-running"),
    pytest.param("设立科技创新基金，由市科技局与企业代表共同负责项目评审。", id="agent-clause-with-an-object"),
    pytest.param("建立社区养老服务信息平台。纳入全市智慧养老服务平台统一管理。", id="naru-not-across-a-sentence"),
])
def test_no_relation_from_an_agent_clause_without_its_structure(extract, text):
    assert _rels(extract(text)) == set()


# ---------------------------------------------------------------- conjuncts sharing one head (民政、卫健部门)


@pytest.mark.parametrize("text, kind, target", [
    pytest.param("依托民政、卫健部门建设养老服务信息平台。", "HOSTED_BY", "platform:养老服务信息平台",
                 id="coverb-object"),
    pytest.param("推动民政、卫健部门建立养老服务协作机制。", "OPERATED_BY", "mechanism:养老服务协作机制",
                 id="subject"),
    pytest.param("建设智慧养老平台，由民政、卫健部门共同管理。", "OPERATED_BY", "platform:智慧养老平台",
                 id="trailing-agents"),
])
def test_every_conjunct_expanded_over_a_shared_head_takes_part(extract, text, kind, target):
    rels = _rels(extract(text))
    assert {r[2] for r in rels if r[:2] == (kind, target)} == {"institution:民政部门",
                                                               "institution:卫健部门"}
    assert all(r[0] == kind for r in rels)  # a coverb's object never operates


# ---------------------------------------------------------------- subjects carried over, places, roles, sources, copulas


@pytest.mark.parametrize("text, rels", [
    pytest.param("推动市经济信息委与重庆农商行签署合作备忘录，共同设立中小企业纾困基金。", {
        ("OPERATED_BY", "fund:中小企业纾困基金", "institution:市经济信息委"),
        ("OPERATED_BY", "fund:中小企业纾困基金", "institution:重庆农商行")}, id="gongtong-carries-the-subjects-over"),
    pytest.param("支持律师协会在市公共法律服务中心内设立涉外法律服务中心。", {
        ("HOSTED_BY", "platform:涉外法律服务中心", "platform:公共法律服务中心"),
        ("OPERATED_BY", "platform:涉外法律服务中心", "institution:律师协会")}, id="x-zai-place-nei-sets-up"),
    pytest.param("区级孵化基金以区国有投资公司为管理主体。", {
        ("OPERATED_BY", "fund:区级孵化基金", "institution:区国有投资公司")}, id="yi-x-wei-guanli-zhuti"),
    pytest.param("设立社区慈善基金，资金来源于社会组织和辖区企业捐赠。", {
        ("FUNDED_BY", "fund:社区慈善基金", "institution:社会组织"),
        ("FUNDED_BY", "fund:社区慈善基金", "institution:辖区企业")}, id="zijin-laiyuanyu"),
    pytest.param("设立体育产业引导基金，市体育局、市属国有企业分别出资。", {
        ("FUNDED_BY", "fund:体育产业引导基金", "institution:市体育局"),
        ("FUNDED_BY", "fund:体育产业引导基金", "institution:市属国有企业")}, id="funders-without-you"),
    pytest.param("各区县商会均为市工商联的会员单位。", {
        ("PART_OF", "institution:区县商会", "institution:市工商联")}, id="a-wei-c-de-huiyuan"),
    pytest.param("建设养老服务信息平台，区县养老服务中心接入该平台。", {
        ("PART_OF", "platform:区县养老服务中心", "platform:养老服务信息平台")}, id="jieru-gai-head"),
])
def test_relations_stated_across_clauses_and_by_role_words(extract, text, rels):
    assert rels <= _rels(extract(text))


@pytest.mark.parametrize("text", [
    pytest.param("部分旅行社服务不规范，老年游客权益保障体系尚不健全。", id="a-predicate-is-no-agency"),
    pytest.param("设立城市更新基金，由市城投集团不再出资。", id="negated"),
    pytest.param("支持市科技局与重庆银行签署协议。共同设立科技信贷风险资金池。", id="gongtong-not-across-a-sentence"),
    pytest.param("企业资金来源于银行贷款。", id="source-of-no-entity"),
    pytest.param("组建以龙头企业为主体的创新联合体。", id="yi-x-wei-zhuti-without-a-role"),
])
def test_no_relation_across_clauses_without_the_structure(extract, text):
    assert not any(r[0] in ("OPERATED_BY", "FUNDED_BY") for r in _rels(extract(text)))


def test_weituo_names_the_operator_of_the_object_before():
    """委托X负责运营管理, on hand-made tokens and mentions: the entity ruler now grows 委托 into
    a body's name, so the rule is checked apart from it."""
    from policykg.extract.phrase import make_tokens
    from policykg.extract.relations import find_relations

    words = ["设立", "科技", "基金", "，", "委托", "市", "金融", "集团", "负责", "运营", "管理", "。"]
    toks = make_tokens(words, ["v", "n", "n", "x", "v", "n", "n", "n", "v", "v", "v", "x"])

    def mention(type_, first, last):
        return {"type": type_, "text": toks.text(first, last), "start": toks.starts[first],
                "end": toks.end(last), "first": first, "last": last, "head": last,
                "expanded": False, "members": [], "chain": None}

    found = find_relations(toks, [mention("Fund", 1, 2), mention("Institution", 5, 7)])
    assert [(r["type"], r["source"], r["target"]) for r in found] == [("OPERATED_BY", 0, 1)]
