"""The pipeline as a whole: blank Chinese spaCy, our tokenizer, robustness on odd input."""

from __future__ import annotations


from policykg.extract.pipeline import annotate, build_nlp


def test_pipeline_is_blank_chinese_with_our_components():
    nlp = build_nlp()
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["policykg_entity_ruler", "policykg_relations"]


def test_tokenizer_keeps_every_character():
    text = "设立“双创”基金 5G 专网\n\n😀abc ＡＢＣ，。"
    doc = build_nlp()(text)
    assert doc.text == text


def test_lexicon_words_are_single_tokens():
    words = [t.text for t in build_nlp()("设立并做大区级基金")]
    assert "做大" in words


def test_long_paragraph_without_punctuation_does_not_crash(extract):
    text = ("区级天使基金支持企业发展科技服务平台建设" * 1500)[:30000]
    rec = extract(text)
    for e in rec.entities:
        assert text[e.start:e.end] == e.text


def test_mixed_scripts_emoji_and_unbalanced_quotes(extract):
    text = "😀设立“AI 创新基金，建设 GPU 算力平台🚀」『孵化器》《\u200b实验室"
    rec = extract(text)
    for e in rec.entities:
        assert text[e.start:e.end] == e.text


def test_empty_and_whitespace_speeches(record):
    recs = list(annotate([record(""), record("  \n ")]))
    assert [r.entities for r in recs] == [[], []]


def test_annotate_keeps_order_and_runs_in_two_processes(record):
    texts = ["设立区级天使基金。", "建设概念验证中心。", "完善人才评价机制。"]
    recs = list(annotate([record(t) for t in texts], n_process=2, batch_size=1))
    assert [r.entities[0].canonical for r in recs] == ["区级天使基金", "概念验证中心", "人才评价机制"]


def test_conjunction_read_into_a_dictionary_name_is_split_off():
    from policykg.extract.tokenizer import make_segmenter, split_openers

    segmenter = make_segmenter()
    openers = {"和": "c", "向": "p"}
    assert split_openers([("和快递", "nr")], openers, segmenter) == [("和", "c"), ("快递", "n")]
    assert split_openers([("向智算", "n")], openers, segmenter) == [("向", "p"), ("智算", "n")]
    assert split_openers([("向明", "nr")], openers, segmenter) == [("向明", "nr")]
    assert split_openers([("和谐", "a")], openers, segmenter) == [("和谐", "a")]
