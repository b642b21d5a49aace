"""Per-speech resolution: first mention, coreference, proposer, offsets and ordinals."""

from __future__ import annotations



def test_each_entity_once_and_short_coreferent_folded_into_the_earlier(extract):
    rec = extract("培育物流领军企业。支持领军企业上市，支持物流领军企业融资。")
    names = [e.canonical for e in rec.entities]
    assert names == ["物流领军企业"]
    assert "领军企业" in rec.entities[0].aliases


def test_a_class_named_after_a_narrower_member_is_its_own_entity(extract):
    rec = extract("引导农村中小金融机构下沉服务，鼓励金融机构参与乡村振兴。")
    names = [e.canonical for e in rec.entities]
    assert names == ["农村中小金融机构", "金融机构"]


def test_abbreviation_folds_into_the_full_name(extract):
    rec = extract("深化国有企业改革，激发国企活力。")
    assert [e.canonical for e in rec.entities] == ["国有企业"]


def test_the_proposer_is_not_an_entity_of_its_speech(extract):
    rec = extract("建议市科技协会牵头。", proposer="市科技协会")
    assert rec.entities == []


def test_a_person_proposers_organisation_named_in_the_speech_is_an_entity(record):
    from policykg.extract.pipeline import annotate
    from policykg.extract.records import Proposer
    rec = record("依托市农业科学院建设种质资源鉴定中心。")
    rec.proposer = Proposer("张某某", "person", ["市政协委员", "市农业科学院研究员"],
                            ["市政协", "市农业科学院"])
    got = {e.text for e in next(annotate([rec])).entities}
    assert {"市农业科学院", "种质资源鉴定中心"} <= got


def test_offsets_point_at_the_surface_and_recommendations_are_ordinals(extract):
    text = "总体看，形势良好。\n一是设立区级天使基金。\n二是建立成果转化机制。"
    first = text.index("一是")
    second = text.index("二是")
    rec = extract(text, recommendations=[(first, second), (second, len(text))])
    for e in rec.entities:
        assert text[e.start:e.end] == e.text
    by_name = {e.canonical: e for e in rec.entities}
    assert by_name["区级天使基金"].recommendation == 1
    assert by_name["成果转化机制"].recommendation == 2


def test_expanded_coordination_offsets_cover_the_coordination(extract):
    text = "由交通、商务部门牵头。"
    rec = extract(text)
    for e in rec.entities:
        assert "交通、商务部门".find(text[e.start:e.end]) >= 0 or text[e.start:e.end] == e.text
        assert e.text in {"交通部门", "商务部门"}


def test_every_entity_has_an_english_name_without_han(extract):
    rec = extract("设立区级天使基金，建设概念验证中心。")
    assert rec.entities
    for e in rec.entities:
        assert e.name_en and not any("\u4e00" <= c <= "\u9fff" for c in e.name_en)


def test_a_short_name_introduced_by_jiancheng_is_an_alias_wherever_it_recurs(extract):
    rec = extract("设立市级文旅产业投资基金（以下简称“文旅基金”），文旅基金重点投向演艺。")
    funds = [e for e in rec.entities if e.type == "Fund"]
    assert [e.canonical for e in funds] == ["市级文旅产业投资基金"]
    assert "文旅基金" in funds[0].aliases


def test_a_class_met_after_its_third_party_members_is_its_own_entity(extract):
    rec = extract("引入第三方环境检测机构。推动检测机构、高校和医院组建联盟。")
    names = [e.canonical for e in rec.entities]
    assert names[:2] == ["第三方环境检测机构", "检测机构"]
