"""`policykg extract` through the real click command."""

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from policykg.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args):
    return CliRunner().invoke(main, ["extract", *args])


def test_sample_page_by_default_prints_the_record_contract():
    result = run("--no-entities")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 10
    record = json.loads(lines[2])
    assert set(record) == {
        "document",
        "speech",
        "title",
        "proposer",
        "recommendations",
        "entities",
        "relations",
    }
    assert record["proposer"]["name"] == "张才明" and len(record["recommendations"]) == 3
    assert result.stderr.strip().endswith("1 file, 1 read, 0 failed")


def test_failures_go_to_stderr_good_files_still_printed(tmp_path):
    for name in ("page_small.txt", "empty.txt", "bad.jsonl"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    result = run("--no-entities", str(tmp_path))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "empty.txt: empty file" in result.stderr and "bad.jsonl:2:" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "3 files, 1 read, 2 failed"


def test_json_format_and_output_file(tmp_path):
    target = tmp_path / "out" / "records.json"
    result = run("--no-entities", "--format", "json", "-o", str(target), str(FIXTURES / "records.json"))
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data[0]["title"] == "发展智能网联汽车"
    assert [p.name for p in target.parent.iterdir()] == ["records.json"]


def test_proposer_option_for_a_speech_that_names_none():
    failed = run("--no-entities", str(FIXTURES / "headline_first.txt"))
    assert failed.exit_code == 1 and "--proposer" in failed.stderr
    result = run(
        "--no-entities", "--proposer", "市政协委员，某某大学校长 王建国", str(FIXTURES / "headline_first.txt")
    )
    assert result.exit_code == 0
    proposer = json.loads(result.stdout)["proposer"]
    assert proposer == {
        "name": "王建国",
        "kind": "person",
        "roles": ["市政协委员", "某某大学校长"],
        "affiliations": ["市政协", "某某大学"],
    }


def test_entities_are_filled_by_default():
    result = run(str(FIXTURES / "page_small.txt"))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    entities = [e for r in records for e in r["entities"]]
    assert entities, "the extraction pipeline found nothing in two speeches about funds and platforms"
    for record in records:
        for entity in record["entities"]:
            assert 0 <= entity["start"] < entity["end"] <= len(record["speech"]["text"])


def test_other_sources_layouts_through_the_command(tmp_path):
    names = ["speech_of_closing_roles.txt", "proposal_sections.txt", "news_interview.txt", "web_page.txt"]
    for name in names:
        shutil.copy(FIXTURES / name, tmp_path / name)
    result = run("--no-entities", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    records = {json.loads(line)["document"]["id"]: json.loads(line) for line in result.stdout.splitlines()}
    assert records["doc:speech_of_closing_roles"]["proposer"]["affiliations"] == ["某某省政协", "省知识产权局"]
    assert records["doc:proposal_sections"]["title"] == "关于加快发展耐心资本的提案"
    assert records["doc:news_interview"]["document"]["date"] == "2025-03-05"
    assert len(records["doc:web_page"]["recommendations"]) == 2
    for record in records.values():
        text = record["speech"]["text"]
        for rec in record["recommendations"]:
            assert rec["heading"] in text[rec["start"] : rec["end"]]
