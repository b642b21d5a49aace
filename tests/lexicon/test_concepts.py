"""The concept lexicon: consistency of the data file and most-specific matching."""

from __future__ import annotations

import doctest

import pytest

from policykg.errors import NotFoundError
from policykg.extract import concepts as module
from policykg.extract.concepts import all_concepts, broader_chain, concept_for, get_concept
from policykg.extract.records import ENTITY_TYPES


def test_every_concept_is_well_formed_and_its_own_best_match():
    for concept in all_concepts():
        assert concept.id.startswith("concept:")
        assert concept.type in ENTITY_TYPES
        assert concept.name and concept.name_en and concept.patterns
        assert concept_for(concept.name, concept.type) is concept


def test_broader_concepts_share_the_type_and_end_at_a_top_concept():
    for concept in all_concepts():
        chain = broader_chain(concept)
        assert {c.type for c in chain} == {concept.type}
        assert chain[-1].broader is None


@pytest.mark.parametrize(("name", "type_", "expected"), [
    ("市级科技成果转化引导基金", "Fund", "concept:guidance-fund"),
    ("政府产业引导基金", "Fund", "concept:guidance-fund"),
    ("西部天使基金", "Fund", "concept:angel-fund"),
    ("区县创业投资母基金", "Fund", "concept:mother-fund"),
    ("创投子基金", "Fund", "concept:sub-fund"),
    ("绿色创投基金", "Fund", "concept:venture-capital-fund"),
    ("科技型企业风险补偿资金池", "Fund", "concept:risk-compensation-pool"),
    ("民营企业纾困基金", "Fund", "concept:relief-fund"),
    ("产业并购基金", "Fund", "concept:ma-fund"),
    ("高端装备产业基金", "Fund", "concept:industrial-fund"),
    ("成渝中试熟化基金", "Fund", "concept:pilot-maturation-fund"),
    ("区级数字化转型专项资金", "Fund", "concept:special-fund"),
    ("某某基金", "Fund", "concept:fund"),
    ("知识产权质押风险分担机制", "Mechanism", "concept:risk-sharing-mechanism"),
    ("高校成果转化尽职免责机制", "Mechanism", "concept:fault-tolerance-mechanism"),
    ("跨部门联席会议制度", "Mechanism", "concept:joint-meeting-system"),
    ("人才分类评价体系", "Mechanism", "concept:evaluation-system"),
    ("某种新机制", "Mechanism", "concept:mechanism"),
    ("生物医药中试平台", "Platform", "concept:pilot-scale-platform"),
    ("高校概念验证中心", "Platform", "concept:proof-of-concept-centre"),
    ("环大学科技企业孵化器", "Platform", "concept:incubator"),
    ("西部大学科技园", "Platform", "concept:university-science-park"),
    ("城市算力平台", "Platform", "concept:computing-platform"),
    ("先进材料重点实验室", "Platform", "concept:laboratory"),
    ("高技能人才实训基地", "Platform", "concept:training-base"),
    ("省级企业技术中心", "Platform", "concept:technology-centre"),
    ("区属国有企业", "Institution", "concept:state-owned-enterprise"),
    ("“专精特新”中小企业", "Institution", "concept:specialised-innovative-enterprise"),
    ("农村商业银行", "Institution", "concept:commercial-bank"),
    ("财产保险公司", "Institution", "concept:insurance-company"),
    ("第三方科技评价机构", "Institution", "concept:third-party-evaluator"),
    ("科技类公益基金会", "Institution", "concept:foundation"),
    ("产业链上下游企业", "Institution", "concept:supply-chain-enterprise"),
])
def test_most_specific_concept(name, type_, expected):
    assert concept_for(name, type_).id == expected


def test_type_restricts_the_match():
    assert concept_for("引导基金", "Platform") is None
    assert concept_for("基金会", "Fund") is None
    assert concept_for("", "Fund") is None


def test_get_concept_raises_for_unknown_ids():
    assert get_concept("concept:seed-fund").name == "种子基金"
    with pytest.raises(NotFoundError):
        get_concept("concept:no-such-thing")


def test_docstring_examples_run():
    assert doctest.testmod(module).failed == 0


def test_health_care_cooperative_and_provider_classes():
    assert concept_for("紧密型县域医共体", "Institution").id == "concept:medical-institution"
    assert concept_for("村卫生室", "Institution").id == "concept:medical-institution"
    assert concept_for("普惠型养老机构", "Institution").id == "concept:elderly-care-institution"
    assert concept_for("农民合作社", "Institution").id == "concept:cooperative"
    assert concept_for("工业软件服务商", "Institution").id == "concept:service-provider"
    assert concept_for("青年人才驿站", "Platform").id == "concept:service-centre"
