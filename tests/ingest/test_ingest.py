"""Reading files: every layout, JSON/JSONL, directories, encodings, and bad input."""

import hashlib
import shutil
from pathlib import Path

import pytest
from policykg.extract.ingest import parse_page, parse_speech, read_paths
from policykg.extract.proposer import parse_proposer_text

from policykg.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def read_one(name, proposer=None):
    result = read_paths([FIXTURES / name], proposer)
    assert result.errors == [], [str(e) for e in result.errors]
    return result.records


def check_offsets(record):
    text = record.speech.text
    for rec in record.recommendations:
        assert 0 <= rec.start < rec.end <= len(text)
        assert rec.heading in text[rec.start : rec.end]


def test_page_fixture_records():
    first, second = read_one("page_small.txt")
    assert first.document.id == "doc:page_small" and first.document.topic == "激活创新资本 服务实体经济"
    assert first.document.sha256 == hashlib.sha256((FIXTURES / "page_small.txt").read_bytes()).hexdigest()
    assert (first.speech.id, first.speech.order, second.speech.order) == ("doc:page_small/s1", 1, 2)
    assert first.proposer.kind == "organization" and len(first.recommendations) == 2
    assert second.proposer.affiliations == ["市政协", "某区政协"]
    assert [r.heading for r in second.recommendations] == ["健全培养体系", "完善评价激励", "加强平台支撑"]
    assert first.entities == [] and first.relations == []
    for record in (first, second):
        check_offsets(record)


def test_headline_first_needs_a_proposer_and_takes_the_callers():
    result = read_paths([FIXTURES / "headline_first.txt"])
    assert result.records == [] and "--proposer" in str(result.errors[0])
    (record,) = read_one("headline_first.txt", parse_proposer_text("民革重庆市委会"))
    assert record.proposer.name == "民革重庆市委会"
    assert record.title == "关于加快发展低空经济的建议"
    assert [r.heading for r in record.recommendations] == [
        "完善低空管理制度",
        "加快基础设施建设",
        "培育低空产业生态",
    ]
    assert record.speech.text.startswith("低空经济是新质生产力的重要方向，我市具备较好的产业基础")
    check_offsets(record)


def test_caller_proposer_does_not_override_a_printed_one():
    (record,) = read_one("attribution.txt", parse_proposer_text("王建国"))
    assert record.proposer.name == "欧阳明远"


def test_speech_of_layout():
    (record,) = read_one("speech_of.txt")
    assert (record.title, record.proposer.name) == ("加快构建科创金融服务体系", "李明远")
    assert [r.heading for r in record.recommendations] == [
        "建立科创企业信用评价体系",
        "设立科技贷款风险补偿资金池",
        "推广知识产权质押融资",
    ]


def test_attribution_layout_with_parenthesised_items():
    (record,) = read_one("attribution.txt")
    assert record.proposer.affiliations == ["某某研究院", "某某理工大学"]
    assert len(record.recommendations) == 3 and "——" not in record.speech.text
    check_offsets(record)


def test_di_yi_items_with_caller_proposer():
    (record,) = read_one("caller_proposer.txt", parse_proposer_text("市政协委员 王建国"))
    assert record.proposer.affiliations == ["市政协"]
    assert [r.heading for r in record.recommendations] == [
        "建立数据资产登记制度，明确数据权属",
        "培育数据交易平台，鼓励企业场内交易",
    ]


def test_labels_and_narration_fixture():
    (record,) = read_one("labels_narration.txt")
    assert "本报讯" not in record.speech.text and "【" not in record.speech.text
    assert len(record.recommendations) == 2
    assert "表示" not in record.speech.text[record.recommendations[-1].start :]


def test_fullwidth_indentation_fixture():
    (record,) = read_one("fullwidth_indent.txt")
    assert record.proposer.name == "民盟重庆市委会" and len(record.recommendations) == 3
    assert "\u3000" not in record.speech.text


def test_jsonl_records_grouped_by_source():
    records = read_one("records.jsonl")
    assert [r.document.id for r in records] == ["doc:hearing-2024-11", "doc:hearing-2024-11", "doc:records"]
    assert [r.speech.order for r in records] == [1, 2, 1]
    assert records[0].document.date == "2024-11-06"
    assert records[0].proposer.affiliations == ["市政协", "某某大学"]
    assert records[1].proposer.kind == "organization" and len(records[1].recommendations) == 2
    assert records[2].proposer.affiliations == ["市政协", "某某集团"]


def test_json_list():
    (record,) = read_one("records.json")
    assert record.document.id == "doc:records" and record.document.date == "2024-12-01"
    assert len(record.recommendations) == 3


def test_malformed_jsonl_line_names_file_and_line_and_keeps_the_batch():
    result = read_paths([FIXTURES / "bad.jsonl", FIXTURES / "records.json"])
    messages = [str(e) for e in result.errors]
    assert any("bad.jsonl:2: malformed JSON" in m for m in messages)
    assert any("bad.jsonl:3:" in m and "'text'" in m for m in messages)
    assert [r.document.id for r in result.records] == ["doc:records"]
    assert result.summary() == "2 files, 1 read, 1 failed"


@pytest.mark.parametrize(
    "name, message",
    [("empty.txt", "empty file"), ("no_speech.txt", "no recognisable speech")],
)
def test_bad_text_files(name, message):
    result = read_paths([FIXTURES / name])
    assert result.records == [] and result.files_failed == 1
    assert name in str(result.errors[0]) and message in str(result.errors[0])


def test_binary_file(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = read_paths([path])
    assert "scan.txt" in str(result.errors[0]) and "binary" in str(result.errors[0])


def test_latin_text_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("This is an English memo.\nNothing to see here.\n", encoding="utf-8")
    assert "too little Chinese" in str(read_paths([path]).errors[0])


def test_undecodable_bytes_are_refused(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("标题".encode() + b"\xff\xfe\xfd\xfc")
    assert "broken.txt" in str(read_paths([path]).errors[0])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes((FIXTURES / "page_small.txt").read_text(encoding="utf-8").encode(encoding))
    result = read_paths([path])
    assert result.errors == []
    assert [r.title for r in result.records] == ["壮大科技金融力量", "培育高水平技术经理人队伍"]
    assert result.records[0].document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_directories_recursively_with_relative_ids(tmp_path):
    for folder in ("2024/a", "2024/b"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(FIXTURES / "page_small.txt", tmp_path / folder / "page.txt")
    shutil.copy(FIXTURES / "records.json", tmp_path / "records.json")
    (tmp_path / "2024" / "a" / "figure.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".hidden").mkdir()
    shutil.copy(FIXTURES / "empty.txt", tmp_path / ".hidden" / "empty.txt")
    result = read_paths([tmp_path])
    assert result.errors == [] and result.files_ok == 3
    assert sorted({r.document.id for r in result.records}) == [
        "doc:2024/a/page",
        "doc:2024/b/page",
        "doc:records",
    ]


def test_same_stem_given_twice_is_an_error_not_a_merge(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(FIXTURES / "page_small.txt", tmp_path / folder / "page.txt")
    result = read_paths([tmp_path / "a" / "page.txt", tmp_path / "b" / "page.txt"])
    assert result.files_ok == 1 and result.files_failed == 1
    assert "doc:page" in str(result.errors[0])


def test_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    result = read_paths([tmp_path / "nope.txt", tmp_path / "empty"])
    assert result.files_failed == 2 and "no such file" in str(result.errors[0])


def test_parse_page_and_parse_speech_api():
    document, records = parse_page(
        (FIXTURES / "page_small.txt").read_text(encoding="utf-8"), "page_small.txt"
    )
    assert document.id == "doc:page_small" and len(records) == 2
    record = parse_speech((FIXTURES / "speech_of.txt").read_text(encoding="utf-8"), "x/speech.txt")
    assert record.document.id == "doc:speech" and record.proposer.name == "李明远"
    with pytest.raises(InputError, match="no speech found"):
        parse_page("只有一句话。", "one.txt")
