"""`policykg eval` end to end on files written to a temporary folder."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from policykg.cli import main

GOLD = {"order": 1, "title": "设立“纾困基金”的建议", "proposer": {"name": "民建重庆市委会", "affiliations": []},
        "recommendations": 2,
        "entities": [{"type": "Fund", "text": "纾困基金"}, {"type": "Institution", "text": "商业银行"}]}
RECORD = {"document": {"id": "doc:t", "source": "t.txt", "sha256": "0"},
          "speech": {"id": "doc:t/s1", "order": 1, "title": "设立纾困基金的建议", "text": "设立纾困基金。"},
          "title": "设立纾困基金的建议",
          "proposer": {"name": "民建重庆市委会", "kind": "organization", "roles": [], "affiliations": []},
          "recommendations": [{"id": "r1", "ordinal": 1, "heading": "", "start": 0, "end": 7}],
          "entities": [{"type": "Fund", "text": "纾困基金", "start": 2, "end": 6, "canonical": "纾困基金"},
                       {"type": "Platform", "text": "纾困平台", "start": 0, "end": 0, "canonical": "纾困平台"}],
          "relations": []}


def write_inputs(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n\n", encoding="utf-8")
    return gold, pred


def test_json_report(tmp_path):
    gold, pred = write_inputs(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(gold), str(pred), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["entities"]["strict"]["micro"] == {"gold": 2, "pred": 2, "tp": 1, "precision": 0.5,
                                                     "recall": 0.5, "f1": 0.5}
    assert report["recommendations"]["mae"] == 1.0
    assert report["proposer"]["accuracy"] == 1.0


def test_table_with_errors(tmp_path):
    gold, pred = write_inputs(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(gold), str(pred), "--errors"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    micro = next(line for line in lines if line.startswith("micro"))
    assert micro.split() == ["micro", "2", "2", "0.500", "0.500", "0.500", "0.500", "0.500", "0.500"]
    assert "    FN  Institution 商业银行" in lines
    assert "    FP  Platform    纾困平台" in lines
    assert "recommendations MAE 1.000" in lines


def test_bad_jsonl_names_file_and_line(tmp_path):
    gold, pred = write_inputs(tmp_path)
    pred.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), str(pred)])
    assert result.exit_code == 1
    assert f"{pred}:2: invalid JSON" in result.output


def test_json_that_is_not_records_is_refused(tmp_path):
    gold, _ = write_inputs(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(gold), str(gold)])
    assert result.exit_code == 1
    assert "not extraction records" in result.output


def test_missing_input_is_refused(tmp_path):
    gold, _ = write_inputs(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(gold), str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "no such file or directory" in result.output


def test_minimum_f1_sets_the_exit_status(tmp_path):
    gold, pred = write_inputs(tmp_path)
    passing = CliRunner().invoke(main, ["eval", str(gold), str(pred), "--min-strict", "0.5"])
    assert passing.exit_code == 0, passing.output
    failing = CliRunner().invoke(main, ["eval", str(gold), str(pred), "--min-relaxed", "0.9"])
    assert failing.exit_code == 1
    assert "relaxed micro-F1 0.500 is below 0.900" in failing.output


def test_records_and_texts_cannot_be_mixed(tmp_path):
    gold, pred = write_inputs(tmp_path)
    text = tmp_path / "page.txt"
    text.write_text("关于设立纾困基金的建议\n民建重庆市委会\n\n为此，建议：设立纾困基金。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), str(pred), str(text)])
    assert result.exit_code == 1
    assert "not both" in result.output


def test_text_input_is_extracted_first(tmp_path):
    pytest.importorskip("spacy")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"order": 1, "title": "关于设立纾困基金的建议",
                                "proposer": {"name": "民建重庆市委会", "affiliations": []},
                                "recommendations": 1,
                                "entities": [{"type": "Fund", "text": "纾困基金"}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    text = tmp_path / "speech.txt"
    text.write_text("关于设立纾困基金的建议\n民建重庆市委会\n\n近年来，我市企业融资需求旺盛。为此，建议："
                    "设立市场化运作的纾困基金，对暂时遇到困难的企业提供支持。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), str(text), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["speeches"]["aligned"] == 1
    assert report["entities"]["strict"]["Fund"]["tp"] == 1
