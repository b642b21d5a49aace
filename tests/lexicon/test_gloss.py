"""English names: glossary terms, composition, punctuation, unknown words, coverage."""

from __future__ import annotations

import doctest
import json
from collections import Counter

import pytest

from policykg.extract import gloss
from policykg.extract.concepts import all_concepts
from policykg.extract.datafiles import read_tsv
from policykg.extract.gloss import coverage, english_name, entity_names, has_han, segment


@pytest.mark.parametrize(("name", "type_", "english"), [
    ("重庆中试熟化基金", "Fund", "Chongqing pilot-scale maturation fund"),
    ("市级数智化绿色化转型专项基金", "Fund",
     "municipal digital-intelligent and green transformation special fund"),
    ("“险资入渝”平台", "Platform", '"insurance capital into Chongqing" platform'),
    ("种子基金", "Fund", "seed fund"),
    ("国企", "Institution", "state-owned enterprise"),
    ("5G 专网", "Platform", "5G private network"),
    ("“投资+孵化”模式", "Mechanism", '"investment + incubation" model'),
    ("民政部门", "Institution", "civil affairs department"),
    ("区县科技型企业风险补偿资金池", "Fund",
     "district and county technology-based enterprise risk-compensation pool"),
    ("宽容失败的创新体系", "Mechanism", "failure-tolerant innovation system"),
    ("技术研发转化与共享机制", "Mechanism", "technology R&D commercialisation and sharing mechanism"),
    ("实体化转化基地", "Platform", "entity-based commercialisation base"),
    ("市级科技成果转化引导基金", "Fund", "municipal S&T achievement commercialisation guidance fund"),
    ("产学研协同创新中心（重庆）", "Platform",
     "industry-university-research coordination innovation centre (Chongqing)"),
])
def test_english_names(name, type_, english):
    assert english_name(name, type_) == english


def test_pilot_fund_is_findable_in_english():
    for name in ("中试熟化基金", "成渝中试基金", "市级中试平台引导基金"):
        words = english_name(name, "Fund").split()
        assert any(w.startswith("pilot") for w in words) and "fund" in words


def test_segmentation_prefers_fewest_known_parts():
    assert [p.zh for p in segment("产业链投资基金")] == ["产业链", "投资基金"]
    assert [p.kind for p in segment("AI产业基金")] == ["latin", "word"]


def test_unknown_han_is_romanised_when_pypinyin_is_installed():
    pytest.importorskip("pypinyin")
    assert english_name("广仁能源装备公司", "Institution") == "Guangren energy equipment company"


def test_unknown_han_without_pinyin_stays(monkeypatch):
    monkeypatch.setattr(gloss, "romanise", lambda han: han)
    assert gloss.render(segment("广仁公司")) == "广仁 company"


def test_coverage_counts_names_with_han():
    rows = [{"entities": [{"type": "Fund", "text": "种子基金"},
                          {"type": "Fund", "text": "x", "canonical": "y", "name_en": "某基金"}]}]
    names = entity_names(rows)
    assert names == [("种子基金", "Fund", None), ("y", "Fund", "某基金")]
    report = coverage(names)
    assert (report["entities"], report["han_free"], report["share"]) == (2, 1, 0.5)
    assert report["with_han"] == [{"name": "y", "type": "Fund", "name_en": "某基金"}]


def test_coverage_command_reads_jsonl(tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"entities": [{"type": "Fund", "text": "纾困基金"}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    assert gloss.main([str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["share"] == 1.0


def test_glossary_is_large_and_has_no_duplicate_keys():
    keys = Counter((row["zh"], row.get("type") or "*") for row in read_tsv("glossary.tsv"))
    assert len(keys) >= 500
    assert [key for key, count in keys.items() if count > 1] == []


def test_concept_names_are_english():
    for concept in all_concepts():
        assert not has_han(concept.name_en), concept.id
        assert all(part.kind != "unknown" for part in segment(concept.name)), concept.id


def test_docstring_examples_run():
    assert doctest.testmod(gloss).failed == 0


@pytest.mark.parametrize(("name", "english"), [
    ("😀Ａ股基金", "😀 A share fund"),
    ("α平台", "α platform"),
    ("", ""),
    ("“”", '""'),
])
def test_odd_input_does_not_break(name, english):
    assert english_name(name, "Fund") == english


def test_long_name_is_rendered_whole():
    name = "科技" * 20000 + "基金"
    english = english_name(name, "Fund")
    assert english.count("science and technology") == 20000 and english.endswith(" fund")
