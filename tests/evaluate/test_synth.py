"""The synthetic corpus generator: determinism, size, layout, planted gold, and ingest round trip."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

SYNTH_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "synth.py"


@pytest.fixture(scope="module")
def synth():
    spec = importlib.util.spec_from_file_location("policykg_bench_synth", SYNTH_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def flat(page: str) -> str:
    return page.replace("\n", "")


def test_deterministic_and_prefix_stable(synth):
    three = synth.generate(3, seed=0)
    assert synth.generate(3, seed=0) == three
    assert synth.generate(1, seed=0) == three[:1]
    assert synth.generate(1, seed=1) != three[:1]
    assert len(set(three)) == 3


def test_page_is_about_the_size_of_the_sample(synth):
    page = synth.generate(1)[0]
    assert 9 <= flat(page).count("为此，建议：") <= 11
    assert 5000 <= len(flat(page)) <= 11000


def test_layout_follows_the_sample(synth):
    lines = synth.generate(1)[0].splitlines()
    assert lines[1].startswith("责任编辑") and re.search(r"\d{4}年\d{1,2}月\d{1,2}日", lines[2])
    assert re.match(r"Chongqing Zhengxie bao \d+ 版", lines[4])
    assert not any(line and line[0] in synth.NO_LINE_START for line in lines)


def test_planted_gold_occurs_in_the_text(synth):
    page, rows = synth.generate(2)[1], [r for r in synth.generate_gold(2) if r["page"] == 2]
    text = flat(page)
    assert len(rows) == text.count("为此，建议：")
    for row in rows:
        assert row["title"] in text and row["proposer"]["name"] in text
        assert 3 <= row["recommendations"] <= 4
        for entity in row["entities"]:
            assert entity["text"] in text, entity


def test_command_writes_pages_and_gold(synth, tmp_path):
    assert synth.main(["--scale", "2", "-o", str(tmp_path / "out"), "--gold", str(tmp_path / "g.jsonl")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["page-0001.txt", "page-0002.txt"]
    rows = [json.loads(line) for line in (tmp_path / "g.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == sum(flat(p).count("为此，建议：") for p in synth.generate(2))


def test_scale_below_one_is_refused(synth):
    with pytest.raises(ValueError):
        synth.generate(0)


def test_ingest_reads_the_speeches_back(synth, tmp_path):
    ingest = pytest.importorskip("policykg.extract.ingest")
    synth.write(tmp_path, 1)
    result = ingest.read_paths([tmp_path / "page-0001.txt"])
    assert result.ok, result.errors
    gold = synth.generate_gold(1)
    assert [r.speech.title for r in result.records] == [g["title"] for g in gold]
    assert [r.proposer.name for r in result.records] == [g["proposer"]["name"] for g in gold]


def test_extraction_on_synthetic_pages_meets_the_bar(synth, tmp_path):
    pytest.importorskip("spacy")
    from policykg.extract.evaluate import evaluate, gold_speech, load_predictions

    synth.write(tmp_path / "pages", 2, seed=7, gold=tmp_path / "gold.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    report = evaluate([gold_speech(r) for r in rows], load_predictions([tmp_path / "pages"]))
    assert report["speeches"]["aligned"] == len(rows)
    assert report["entities"]["relaxed"]["micro"]["f1"] >= 0.90
    assert report["entities"]["strict"]["micro"]["f1"] >= 0.80
    assert report["proposer"]["accuracy"] >= 0.95
