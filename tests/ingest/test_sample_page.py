"""End to end on the sample page: 10 speeches with titles, proposers and recommendation counts.

Speeches 1, 3 and 8 match the seed gold; the others follow the same annotation guidelines.
"""

import pytest
from policykg.data import sample_corpus
from policykg.extract.ingest import read_paths

ORG, PER = "organization", "person"
EXPECTED = [
    ("进一步强化企业科技创新主体地位", "民建重庆市委会", ORG, [], [], 4),
    ("关注科技创新和产业融合", "民进重庆市委会", ORG, [], [], 4),
    (
        "建立良好创投机制 持续优化创投生态",
        "张才明",
        PER,
        ["市政协委员", "江北区政协党组书记", "江北区政协主席"],
        ["市政协", "江北区政协"],
        3,
    ),
    (
        "关于完善高校与企业长期合作机制 推动科技成果转化的建议",
        "刘小康",
        PER,
        ["全国政协委员", "重庆理工大学校长"],
        ["全国政协", "重庆理工大学"],
        3,
    ),
    (
        "关于推进“416”科技创新布局与产业深度融合的建议",
        "田盈",
        PER,
        ["市政协常委", "市政协教科卫体委副主任", "重庆开放大学校长"],
        ["市政协", "重庆开放大学"],
        4,
    ),
    (
        "推动开发区成为科技创新与产业创新深度融合“主阵地”",
        "黄杰",
        PER,
        ["市政协常委", "市政协人资环建委副主任", "市属国企外部董事"],
        ["市政协"],
        4,
    ),
    (
        "完善科技成果评价机制破解科研与产业壁垒",
        "任其亮",
        PER,
        ["市政协常委", "重庆交通大学期刊社社长"],
        ["市政协", "重庆交通大学期刊社"],
        4,
    ),
    (
        "关于推动数智技术、绿色技术赋能科技与产业融合创新高质量发展的建议",
        "洪敏",
        PER,
        ["市政协常委", "重庆广仁能源装备股份有限公司董事长"],
        ["市政协", "重庆广仁能源装备股份有限公司"],
        4,
    ),
    (
        "关于加强企业全生命周期金融支撑体系建设的建议",
        "胡文勇",
        PER,
        ["市政协委员", "中银金租党委书记", "中银金租董事长"],
        ["市政协", "中银金租"],
        3,
    ),
    (
        "关于推动我市智能网联新能源汽车科技创新加速发展的建议",
        "褚文博",
        PER,
        ["市政协委员", "西部科学城智能网联汽车创新中心（重庆）有限公司总经理"],
        ["市政协", "西部科学城智能网联汽车创新中心（重庆）有限公司"],
        4,
    ),
]


@pytest.fixture(scope="module")
def records():
    result = read_paths([sample_corpus()])
    assert result.errors == [] and result.files_ok == 1
    return result.records


def test_ten_speeches_in_page_order(records):
    assert len(records) == 10
    assert [r.speech.order for r in records] == list(range(1, 11))


@pytest.mark.parametrize("order", range(1, 11))
def test_title_proposer_and_recommendation_count(records, order):
    title, name, kind, roles, affiliations, count = EXPECTED[order - 1]
    record = records[order - 1]
    assert record.title == title
    assert (record.proposer.name, record.proposer.kind) == (name, kind)
    assert record.proposer.roles == roles
    assert record.proposer.affiliations == affiliations
    assert len(record.recommendations) == count


def test_masthead_metadata(records):
    document = records[0].document
    assert (document.id, document.publication, document.date, document.page) == (
        "doc:cqzxb-2025-07-03-p2",
        "重庆政协报",
        "2025-07-03",
        "2",
    )
    assert document.topic == "强化科技创新与产业创新深度融合 因地制宜发展新质生产力"


def test_no_page_furniture_inside_speeches(records):
    for record in records:
        text = record.speech.text
        for furniture in ("责任编辑", "023-63844578", "Zhengxie", "发言摘登", "因地制宜发展新质生产力"):
            assert furniture not in text
        assert record.title not in text
        assert record.proposer.name not in text


def test_paragraphs_and_wrapped_words(records):
    first = records[0].speech.text
    assert first.count("\n") == 4
    assert "培育新质生产力的基石" in first  # "培" / "育" joined across lines
    assert "国家企业技术中心" in first
    assert "总 产 值" in records[5].speech.text  # stray PDF spaces are kept
    assert records[9].speech.text.count("\n") == 4  # a sentence ending at a line end is not a paragraph end


def test_recommendation_spans_and_headings(records):
    assert [r.heading for r in records[1].recommendations] == [
        "加强专利保护机制",
        "优化国有企业激励和管理机制",
        "完善国有企业技术研发风险保障机制",
        "增强企业资金链安全与货币政策的协调性",
    ]
    for record in records:
        text = record.speech.text
        spans = [(r.start, r.end) for r in record.recommendations]
        assert spans == sorted(spans)
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
        assert all(text[r.start : r.end].endswith("。") for r in record.recommendations)
        assert all(r.heading in text[r.start : r.end] for r in record.recommendations)
