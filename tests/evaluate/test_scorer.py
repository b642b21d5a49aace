"""The evaluation scorer on tiny hand-made gold/prediction pairs, with exact figures."""

from __future__ import annotations

import pytest

from policykg.extract.evaluate import (
    SpeechData,
    evaluate,
    gold_speech,
    longest_common_substring,
    match,
    overlap,
    predicted_speech,
    relaxed_similarity,
    strict_key,
    strict_similarity,
)

GOLD = {
    "order": 3, "title": "建立良好创投机制 持续优化创投生态",
    "proposer": {"name": "张才明", "kind": "person", "roles": ["市政协委员"],
                 "affiliations": ["市政协", "江北区政协"]},
    "recommendations": 3,
    "entities": [
        {"type": "Fund", "text": "种子基金"},
        {"type": "Fund", "text": "创业投资母基金"},
        {"type": "Mechanism", "text": "考核激励机制"},
        {"type": "Institution", "text": "国有企业"},
        {"type": "Platform", "text": "“险资入渝”平台"},
    ],
}


def mention(type_: str, text: str, canonical: str | None = None) -> dict:
    return {"type": type_, "text": text, "canonical": canonical or text}


PRED = {
    "speech": {"id": "doc:x/s3", "order": 3, "title": "建立良好创投机制持续优化创投生态", "text": ""},
    "title": "建立良好创投机制持续优化创投生态",
    "proposer": {"name": "张才明", "kind": "person", "roles": [], "affiliations": ["市政协"]},
    "recommendations": [{"ordinal": 1}, {"ordinal": 2}],
    "entities": [
        mention("Fund", "种子基金"),
        mention("Fund", "母基金"),
        mention("Mechanism", "激励机制"),
        mention("Institution", "国企", "国有企业"),
        mention("Institution", "国有企业"),
        mention("Platform", "险资入渝平台"),
        mention("Platform", "孵化器"),
        mention("Platform", "孵化器"),
        mention("Fund", "考核激励机制"),
    ],
}


def test_keys_and_overlap():
    assert strict_key(" “5G 专网”（试点） ") == "5G专网试点"
    assert longest_common_substring("考核激励机制", "投资激励机制") == 4
    assert overlap("考核激励机制", "激励机制") == pytest.approx(4 / 6)
    assert overlap("创业投资母基金", "母基金") == pytest.approx(3 / 7)
    assert overlap("", "") == 0.0


def test_similarities_respect_threshold():
    assert strict_similarity("“险资入渝”平台", ["险资入渝平台"]) == 1.0
    assert strict_similarity("国有企业", ["国企"]) == 0.0
    assert relaxed_similarity("考核激励机制", ["激励机制"]) == pytest.approx(4 / 6)
    assert relaxed_similarity("创业投资母基金", ["母基金"]) == 0.0
    assert relaxed_similarity("国有企业", ["国企", "国有企业"]) == 1.0


def test_matching_is_one_to_one():
    m = match(["投资激励机制", "考核激励机制"], [["激励机制"]], relaxed_similarity)
    assert len(m.pairs) == 1
    assert (m.counts.tp, m.counts.gold, m.counts.pred) == (1, 2, 1)


def test_matching_maximises_cardinality_over_greedy_overlap():
    # Greedy best-overlap pairing would take 产业引导基金↔产业引导基金 (1.0) and leave 产业引导
    # with nothing; the optimal matching pairs both.
    m = match(["产业引导基金", "政府产业引导基金"], [["产业引导基金"], ["产业引导"]], relaxed_similarity)
    assert [(g, p) for g, p, _ in m.pairs] == [(0, 1), (1, 0)]


def test_grouping_merges_aliases_and_repeats():
    speech = predicted_speech(PRED)
    texts = [(e.type, e.text, e.surfaces) for e in speech.entities]
    assert ("Institution", "国企", ("国企", "国有企业")) in texts
    assert [e.text for e in speech.entities if e.type == "Platform"] == ["险资入渝平台", "孵化器"]
    assert speech.recommendations == 2
    assert len(speech.entities) == 7


def test_report_figures():
    report = evaluate([gold_speech(GOLD)], [predicted_speech(PRED)])
    strict, relaxed = report["entities"]["strict"], report["entities"]["relaxed"]
    assert strict["micro"] == {"gold": 5, "pred": 7, "tp": 3, "precision": 0.4286,
                               "recall": 0.6, "f1": 0.5}
    assert relaxed["micro"] == {"gold": 5, "pred": 7, "tp": 4, "precision": 0.5714,
                                "recall": 0.8, "f1": 0.6667}
    assert strict["Fund"] == {"gold": 2, "pred": 3, "tp": 1, "precision": 0.3333,
                              "recall": 0.5, "f1": 0.4}
    assert strict["Mechanism"]["tp"] == 0 and relaxed["Mechanism"]["tp"] == 1
    assert strict["Platform"] == {"gold": 1, "pred": 2, "tp": 1, "precision": 0.5,
                                  "recall": 1.0, "f1": 0.6667}
    assert report["proposer"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert report["affiliations"] == {"gold": 2, "pred": 1, "tp": 1, "precision": 1.0,
                                      "recall": 0.5, "f1": 0.6667}
    assert report["recommendations"]["mae"] == 1.0


def test_errors_list_misses_spurious_and_partial():
    report = evaluate([gold_speech(GOLD)], [predicted_speech(PRED)])
    errors = report["per_speech"][0]["errors"]
    assert errors["false_negatives"] == [{"type": "Fund", "text": "创业投资母基金"}]
    assert {(e["type"], e["text"]) for e in errors["false_positives"]} == {
        ("Fund", "母基金"), ("Fund", "考核激励机制"), ("Platform", "孵化器")}
    assert errors["partial"] == [{"type": "Mechanism", "gold": "考核激励机制", "pred": "激励机制",
                                  "overlap": 0.67}]


def test_missing_speech_counts_as_missed():
    other = dict(GOLD, title="另一篇发言", recommendations=2,
                 proposer={"name": "民建重庆市委会", "affiliations": []},
                 entities=[{"type": "Fund", "text": "纾困基金"}])
    report = evaluate([gold_speech(GOLD), gold_speech(other)], [predicted_speech(PRED)])
    assert report["speeches"] == {"gold": 2, "aligned": 1, "missing": ["另一篇发言"]}
    assert report["entities"]["strict"]["micro"]["gold"] == 6
    assert report["entities"]["strict"]["micro"]["tp"] == 3
    assert report["proposer"]["accuracy"] == 0.5
    assert report["recommendations"]["mae"] == 1.5


def test_predictions_outside_gold_are_ignored():
    extra = dict(PRED, title="不在金标准中的发言", speech=dict(PRED["speech"], title="不在金标准中的发言"))
    report = evaluate([gold_speech(GOLD)], [predicted_speech(extra), predicted_speech(PRED)])
    assert report["entities"]["strict"]["micro"]["pred"] == 7


def test_empty_prediction_scores_zero_without_dividing_by_zero():
    report = evaluate([gold_speech(GOLD)], [SpeechData(title=GOLD["title"])])
    assert report["entities"]["relaxed"]["micro"] == {"gold": 5, "pred": 0, "tp": 0,
                                                      "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert report["proposer"]["accuracy"] == 0.0


def test_docstring_examples_run():
    import doctest

    from policykg.extract import evaluate as module

    assert doctest.testmod(module).failed == 0


def test_repeated_titles_are_paired_in_order():
    first = dict(GOLD, entities=[{"type": "Fund", "text": "种子基金"}])
    second = dict(GOLD, entities=[{"type": "Fund", "text": "纾困基金"}])
    pred_first = dict(PRED, entities=[mention("Fund", "种子基金")])
    pred_second = dict(PRED, entities=[mention("Fund", "纾困基金")])
    report = evaluate([gold_speech(first), gold_speech(second)],
                      [predicted_speech(pred_first), predicted_speech(pred_second)])
    assert report["entities"]["strict"]["micro"]["tp"] == 2


def test_name_coverage_of_predictions():
    named = dict(PRED, entities=[
        {"type": "Fund", "text": "种子基金", "canonical": "种子基金", "name_en": "seed fund",
         "concept": "concept:seed-fund"},
        {"type": "Fund", "text": "某基金", "canonical": "某基金", "name_en": "某 fund", "concept": None},
        {"type": "Pilot", "text": "试点", "canonical": "试点", "name_en": "pilot"},
    ])
    report = evaluate([gold_speech(GOLD)], [predicted_speech(named)])
    assert report["names"] == {"entities": 2, "english": 1, "english_share": 0.5,
                               "concept": 1, "concept_share": 0.5}


# ---------------------------------------------------------------- relations between entities

REL_GOLD = dict(GOLD, relations=[
    {"type": "FUNDED_BY", "source": "种子基金", "target": "国有企业"},
    {"type": "HOSTED_BY", "source": "“险资入渝”平台", "target": "国有企业"},
    {"type": "PART_OF", "source": "种子基金", "target": "创业投资母基金"},
])


def _ided(type_: str, text: str, canonical: str | None = None) -> dict:
    canonical = canonical or text
    return {"id": f"{type_.lower()}:{canonical}", "type": type_, "text": text, "canonical": canonical}


REL_PRED = dict(PRED, entities=[
    _ided("Fund", "种子基金"), _ided("Institution", "国企", "国有企业"),
    _ided("Platform", "险资入渝平台"), _ided("Fund", "母基金"),
], relations=[
    # matched through the canonical name of the entity the id names (国企 → 国有企业)
    {"type": "FUNDED_BY", "source": "fund:种子基金", "target": "institution:国有企业", "start": 0, "end": 4},
    # the same relation again at another place counts once
    {"type": "FUNDED_BY", "source": "fund:种子基金", "target": "institution:国有企业", "start": 9, "end": 12},
    # right ends, wrong type: no match for HOSTED_BY, spurious OPERATED_BY
    {"type": "OPERATED_BY", "source": "platform:险资入渝平台", "target": "institution:国有企业",
     "start": 0, "end": 4},
    # an end that is only relaxed-equal (母基金 vs 创业投资母基金) does not match
    {"type": "PART_OF", "source": "fund:种子基金", "target": "fund:母基金", "start": 0, "end": 4},
])


def test_relations_are_scored_by_type_and_strict_texts_of_both_ends():
    report = evaluate([gold_speech(REL_GOLD)], [predicted_speech(REL_PRED)])
    relations = report["relations"]
    assert relations["speeches"] == 1
    assert relations["micro"] == {"gold": 3, "pred": 3, "tp": 1, "precision": 0.3333,
                                  "recall": 0.3333, "f1": 0.3333}
    assert relations["FUNDED_BY"] == {"gold": 1, "pred": 1, "tp": 1, "precision": 1.0,
                                      "recall": 1.0, "f1": 1.0}
    assert relations["OPERATED_BY"] == {"gold": 0, "pred": 1, "tp": 0, "precision": 0.0,
                                        "recall": 0.0, "f1": 0.0}
    assert relations["HOSTED_BY"]["recall"] == 0.0 and relations["PART_OF"]["tp"] == 0
    speech = report["per_speech"][0]["relations"]
    assert (speech["gold"], speech["pred"], speech["tp"]) == (3, 3, 1)
    assert {(r["type"], r["target"]) for r in speech["false_negatives"]} == {
        ("HOSTED_BY", "国有企业"), ("PART_OF", "创业投资母基金")}
    assert {(r["type"], r["source"]) for r in speech["false_positives"]} == {
        ("OPERATED_BY", "险资入渝平台"), ("PART_OF", "种子基金")}


def test_relations_are_not_scored_without_a_relations_key_in_gold():
    report = evaluate([gold_speech(GOLD)], [predicted_speech(REL_PRED)])
    assert "relations" not in report
    assert "relations" not in report["per_speech"][0]


def test_only_gold_speeches_with_relations_count_and_a_missing_one_misses_them_all():
    other = dict(REL_GOLD, title="另一篇发言")
    no_key = dict(GOLD, title="第三篇发言")
    report = evaluate([gold_speech(REL_GOLD), gold_speech(other), gold_speech(no_key)],
                      [predicted_speech(REL_PRED)])
    assert report["relations"]["speeches"] == 2
    assert report["relations"]["micro"]["gold"] == 6
    assert report["relations"]["micro"]["tp"] == 1


def test_an_empty_relations_list_scores_predicted_relations_as_spurious():
    report = evaluate([gold_speech(dict(GOLD, relations=[]))], [predicted_speech(REL_PRED)])
    assert report["relations"]["micro"] == {"gold": 0, "pred": 3, "tp": 0, "precision": 0.0,
                                            "recall": 0.0, "f1": 0.0}


def test_relation_ends_naming_no_entity_stand_for_their_own_text():
    pred = dict(REL_PRED, relations=[{"type": "PART_OF", "source": "种子基金",
                                      "target": "创业投资母基金", "start": 0, "end": 1}])
    report = evaluate([gold_speech(REL_GOLD)], [predicted_speech(pred)])
    assert report["relations"]["PART_OF"]["tp"] == 1


@pytest.mark.parametrize("relations, message", [
    ([{"type": "FUNDED_BY", "source": "种子基金"}], "'type', 'source' and 'target'"),
    ([{"type": "OWNS", "source": "种子基金", "target": "高校"}], "unknown gold relation type 'OWNS'"),
])
def test_bad_gold_relations_are_errors_naming_the_problem(relations, message):
    from policykg.errors import InputError

    with pytest.raises(InputError, match=message):
        gold_speech(dict(GOLD, relations=relations), "gold.jsonl", 4)


def test_text_report_shows_the_relation_table_and_errors():
    from policykg.extract.evaluate import below_minimum, format_report

    report = evaluate([gold_speech(REL_GOLD)], [predicted_speech(REL_PRED)])
    text = format_report(report, errors=True)
    assert "FUNDED_BY        1     1   1.000 1.000 1.000" in text
    assert "micro            3     3   0.333 0.333 0.333" in text
    assert "relations gold 3 pred 3 matched 1" in text
    assert "FN  HOSTED_BY   “险资入渝”平台 -> 国有企业" in text
    assert below_minimum(report, {"relations": 0.5}) == ["relations micro-F1 0.333 is below 0.500"]
    plain = evaluate([gold_speech(GOLD)], [predicted_speech(REL_PRED)])
    assert "relation" not in format_report(plain, errors=True)
    assert below_minimum(plain, {"relations": 0.5}) == [
        "relations asked for, but no gold speech lists relations"]
