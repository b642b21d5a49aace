"""The sample page set again in other columns reads the same.

The page's speeches, as ingest reads them, are printed again the way a PDF copy prints a column
(``width`` characters a line, first lines set in or flush, a blank line after every line or none)
and read back: titles, proposers and recommendation counts must not depend on the column. A
paragraph that ends exactly at the column's edge, a sub-item or a lead that happens to open a
line, a proposer-like word that happens to end one are what this finds.
"""

import pytest
from column_setting import wrap

from policykg.data import sample_corpus
from policykg.extract.ingest import parse_text
from policykg.extract.recommendations import split_recommendations

MASTHEAD = ["责任编辑 / 甲某 编辑 / 乙某 校对 / 丙某", "电话 / 023-00000000 2025年7月3日 星期四",
            "Chongqing Zhengxie bao 2 版某某专题", "市政协常委会会议专题协商发言摘登"]


def proposer_line(proposer) -> str:
    return "、".join(proposer.roles) + "\u3000" + proposer.name if proposer.roles else proposer.name


@pytest.fixture(scope="module")
def sample():
    text = sample_corpus().read_text(encoding="utf-8")
    return parse_text(text, "sample.txt", None, document_id="doc:sample", digest="")


def read_back(records, width: int, indent: int, blank: bool) -> list[tuple[str, str, int]]:
    lines = list(MASTHEAD)
    for record in records:
        lines += [record.title, proposer_line(record.proposer)]
        lines += [line for paragraph in record.speech.text.split("\n") for line in wrap(paragraph, width, indent)]
    text = ("\n\n" if blank else "\n").join(lines)
    again = parse_text(text, "again.txt", None, document_id="doc:again", digest="")
    return [(r.title, r.proposer.name, len(split_recommendations(r.speech.text, "doc:x/s1"))) for r in again]


@pytest.mark.parametrize("width", [19, 22, 26])
@pytest.mark.parametrize("indent", [0, 2])
@pytest.mark.parametrize("blank", [True, False])
def test_the_sample_page_reads_the_same_in_other_columns(sample, width, indent, blank):
    expected = [(r.title, r.proposer.name, len(split_recommendations(r.speech.text, "doc:x/s1"))) for r in sample]
    assert read_back(sample, width, indent, blank) == expected
