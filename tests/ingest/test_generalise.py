"""Layouts of other sources: each fixture checked for title, proposer, items and exact offsets."""

from pathlib import Path

from policykg.extract.ingest import read_paths

FIXTURES = Path(__file__).parent / "fixtures"


def read_single(name):
    """The one record of a fixture, read without errors."""
    result = read_paths([FIXTURES / name])
    assert result.errors == [], [str(e) for e in result.errors]
    (record,) = result.records
    return record


def proposer_of(record):
    p = record.proposer
    return p.name, p.kind, p.roles, p.affiliations


def headings(record):
    return [r.heading for r in record.recommendations]


def assert_exact_offsets(record):
    """Every item's span is exact: no outer space, its heading right after the marker, no overlap."""
    text = record.speech.text
    previous_end = 0
    for rec in record.recommendations:
        span = text[rec.start : rec.end]
        assert span == span.strip() and 0 <= span.find(rec.heading) <= 4
        assert rec.start >= previous_end
        previous_end = rec.end


def test_header_name_completed_by_the_closing_attribution():
    record = read_single("speech_of_closing_roles.txt")
    assert record.title == "推动专利成果就地产业化"
    assert proposer_of(record) == (
        "赵文博",
        "person",
        ["某某省政协委员", "省知识产权局副局长"],
        ["某某省政协", "省知识产权局"],
    )
    assert headings(record) == ["建设一批中试基地", "健全技术经理人培养体系"]
    assert "——" not in record.speech.text
    assert_exact_offsets(record)
