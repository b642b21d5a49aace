"""Speeches printed in traditional characters: read through the one-for-one simplified folding,
with printed surfaces and offsets and simplified canonical names."""

from __future__ import annotations


TRADITIONAL = ("建議設立區級科技創新引導基金，由民政、衛生部門牽頭建設社區養老服務綜合體，"
               "鼓勵商業銀行開發專屬貸款產品。")


def test_traditional_speech_gets_its_entities(found):
    got = found(TRADITIONAL)
    assert {("Fund", "區級科技創新引導基金"), ("Platform", "社區養老服務綜合體"),
            ("Institution", "商業銀行")} <= got


def test_surfaces_are_the_printed_text_at_their_offsets(extract):
    rec = extract(TRADITIONAL)
    literal = [e for e in rec.entities if e.text in TRADITIONAL]
    assert literal
    for e in literal:
        assert rec.speech.text[e.start:e.end] == e.text


def test_canonical_names_are_simplified_and_shared_with_simplified_speeches(extract):
    printed = {e.canonical: e for e in extract(TRADITIONAL).entities}
    simplified = {e.id for e in extract("设立区级科技创新引导基金，支持商业银行参与。").entities}
    assert {"fund:区级科技创新引导基金", "institution:商业银行"} <= simplified
    assert {"区级科技创新引导基金", "商业银行"} <= set(printed)
    assert printed["商业银行"].id in simplified
    assert "商業銀行" in printed["商业银行"].aliases
    assert printed["区级科技创新引导基金"].name_en


def test_expanded_coordination_is_printed_too(found):
    got = found(TRADITIONAL)
    assert {("Institution", "民政部門"), ("Institution", "衛生部門")} <= got


def test_printed_proposer_is_not_an_entity_of_its_speech(extract):
    rec = extract("建議市科技協會牽頭，設立區級創業投資引導基金。", proposer="市科技協會")
    assert [e.canonical for e in rec.entities] == ["区级创业投资引导基金"]


def test_worker_processes_read_the_folding_too(record):
    from policykg.extract.pipeline import annotate

    records = list(annotate([record(TRADITIONAL), record("设立区级人才发展基金。")], n_process=2))
    assert "区级科技创新引导基金" in {e.canonical for e in records[0].entities}
    assert "区级人才发展基金" in {e.canonical for e in records[1].entities}
