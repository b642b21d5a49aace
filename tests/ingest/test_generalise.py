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


def test_proposer_and_title_on_one_line_with_reporters_narration():
    """人民政协网 layout: "roles name：title", a label, a byline, and narration around quotes.

    From a reporter's paragraph only the quotations it attributes to the speaker and, before the
    proposals, what it reports the speaker as saying after the frame ("他告诉记者，……") are kept;
    the frame, the byline, the opener and the view reported after the proposals are dropped.
    """
    record = read_single("colon_headline_quotes.txt")
    assert record.title == "加快培育科技领军企业"
    assert proposer_of(record) == ("张明远", "person", ["全国政协委员", "某某大学校长"], ["全国政协", "某某大学"])
    assert record.speech.text.splitlines() == [
        "科技领军企业是创新的主力军，但目前数量偏少、带动力不强。",
        "在“专精特新”企业培育方面，各地做了大量工作。",
        "为此，建议：一是设立科技领军企业培育专项资金；二是建立产学研协同攻关机制。",
    ]
    assert headings(record) == ["设立科技领军企业培育专项资金", "建立产学研协同攻关机制"]
    assert_exact_offsets(record)


def test_marked_name_with_subtitle_byline_and_date():
    record = read_single("marked_name_subtitle.txt")
    assert record.title == "让耐心资本更有耐心"
    assert proposer_of(record) == ("李华", "person", [], [])
    assert record.document.date == "2025-03-06"
    text = record.speech.text
    assert "聚焦" not in text and "王小明" not in text and "2025" not in text
    assert text.startswith("资本要敢投早、投小，更要投长。")
    assert headings(record) == ["设立省级天使投资引导基金", "完善科技贷款风险补偿机制", "建立国有创投尽职免责制度"]
    first = record.recommendations[0]
    assert text[first.start : first.end] == "（1）设立省级天使投资引导基金。由财政出资，吸引社会资本参与。"
    assert_exact_offsets(record)


def test_proposal_with_fields_and_sections_takes_items_of_the_suggestion_section():
    record = read_single("proposal_sections.txt")
    assert record.title == "关于加快发展耐心资本的提案"
    assert proposer_of(record) == ("民盟中央", "organization", [], [])
    assert "提案号" not in record.speech.text and "类别" not in record.speech.text
    assert headings(record) == ["引导长期资金入市", "完善考核评价机制", "拓宽退出渠道"]
    last = record.recommendations[-1]
    assert record.speech.text[last.start : last.end] == "3．拓宽退出渠道。发展创投二级市场基金。"
    assert_exact_offsets(record)


def test_fields_on_one_line_joint_proposers_and_trailing_fields():
    """Joint proposers: the first listed (the lead) is the proposer; the name is kept whole."""
    record = read_single("proposal_fields_joint.txt")
    assert record.title == "关于完善科技成果转化收益分配的提案"
    assert proposer_of(record) == ("民盟某某市委会", "organization", [], [])
    assert "附议人" not in record.speech.text
    assert headings(record) == ["提高科研人员转化收益比例", "建立职务科技成果赋权制度"]
    assert record.speech.text[record.recommendations[-1].end :] == ""
    assert_exact_offsets(record)


def test_headline_over_two_lines_subtitle_date_and_half_width_punctuation():
    record = read_single("two_line_headline.txt")
    assert record.title == "关于加快建设科技金融服务体系的建议"
    assert record.document.date == "2025-03-05"
    assert proposer_of(record) == ("刘明", "person", ["市政协委员", "某某银行行长"], ["市政协", "某某银行"])
    assert "高新区为例" not in record.speech.text and "——" not in record.speech.text
    assert headings(record) == ["设立科技贷款风险补偿资金池", "建立科技企业信用评价体系", "搭建科技金融综合服务平台"]
    assert_exact_offsets(record)


def test_standalone_countermeasures_heading_with_full_width_arabic_items():
    record = read_single("section_heading_items.txt")
    assert record.title == "完善创新券政策"
    assert proposer_of(record) == (
        "张志远",
        "person",
        ["省政协常委", "民革省委会副主委"],
        ["省政协", "民革省委会"],
    )
    assert headings(record) == ["扩大创新券适用范围", "建立跨区域通兑机制", "缩短兑付周期"]
    assert_exact_offsets(record)


def test_sequence_words_after_te_ti_chu_yi_xia_jian_yi():
    record = read_single("sequence_words.txt")
    assert proposer_of(record) == ("王海涛", "person", ["市人大代表", "某某集团董事长"], ["市人大", "某某集团"])
    assert headings(record) == ["加快农村千兆光网建设", "设立数字乡村发展基金", "培育数字人才队伍"]
    assert_exact_offsets(record)


def test_district_head_with_colon_title_and_di_yi_items():
    record = read_single("district_head.txt")
    assert record.title == "打造科创走廊"
    assert proposer_of(record) == ("陈立新", "person", ["某某市某某区区长"], ["某某市某某区"])
    assert len(record.recommendations) == 2
    assert record.recommendations[0].heading == "建设概念验证中心，打通成果转化“最初一公里”"
    assert_exact_offsets(record)


def test_academician_gives_the_academy_as_affiliation():
    record = read_single("academician.txt")
    assert proposer_of(record) == (
        "周光明",
        "person",
        ["中国科学院院士", "某某大学教授"],
        ["中国科学院", "某某大学"],
    )
    assert headings(record) == ["建立企业出题机制", "设立基础研究联合基金"]
    assert_exact_offsets(record)


def test_web_page_meta_line_author_field_and_authors_note():
    """The author named in a field is the proposer; the closing "（作者系…）" note gives the roles."""
    record = read_single("web_author_note.txt")
    assert record.title == "以制度创新激发科技人才活力"
    assert record.document.date == "2025-03-05"
    assert proposer_of(record) == ("孙立平", "person", ["全国政协委员", "某某大学教授"], ["全国政协", "某某大学"])
    text = record.speech.text
    assert "来源" not in text and "作者" not in text and "责任编辑" not in text
    assert headings(record) == ["分类建立人才评价标准", "赋予用人单位更大自主权"]
    assert_exact_offsets(record)


def test_proposal_with_roles_in_brackets_and_a_method_section():
    record = read_single("proposal_person.txt")
    assert record.title == "关于建设国家级概念验证中心的提案"
    assert record.document.date == "2025-03-04"
    assert proposer_of(record) == (
        "钱学文",
        "person",
        ["十四届全国政协委员", "某某理工大学副校长"],
        ["全国政协", "某某理工大学"],
    )
    assert headings(record) == ["布局建设国家级概念验证中心", "设立概念验证专项资金", "建立概念验证人才队伍"]
    assert_exact_offsets(record)


def test_news_interview_takes_roles_from_the_reporters_introduction():
    """The header names the speaker; the reporter's first paragraph gives the same name its roles.

    The dateline and the frame of the first paragraph are the reporter's, what it reports the
    speaker as saying is kept; so are the quotations; the closing "…还表示", after the proposals,
    is the reporter's.
    """
    record = read_single("news_interview.txt")
    assert record.title == "让科技成果更快落地"
    assert record.document.date == "2025-03-05"
    assert proposer_of(record) == ("周海波", "person", ["全国政协委员", "某某大学校长"], ["全国政协", "某某大学"])
    assert record.speech.text == (
        "科技成果转化是创新链条的关键一环。\n"
        "当前，高校科技成果转化率仍然偏低。为此，建议：一是建设概念验证中心；二是完善收益分配制度；三是培育技术经理人队伍。"
    )
    assert headings(record) == ["建设概念验证中心", "完善收益分配制度", "培育技术经理人队伍"]
    assert_exact_offsets(record)


def test_closing_proposer_line_in_brackets():
    record = read_single("closing_bracket_note.txt")
    assert proposer_of(record) == (
        "韩立新",
        "person",
        ["全国政协委员", "某某能源集团董事长"],
        ["全国政协", "某某能源集团"],
    )
    assert "韩立新" not in record.speech.text
    assert headings(record) == ["制定新型储能产业发展规划", "设立储能产业投资基金", "建设储能检测认证平台"]
    assert_exact_offsets(record)


def test_page_of_speech_of_headers_splits_speeches_and_merges_closing_roles():
    result = read_paths([FIXTURES / "page_speech_of.txt"])
    assert result.errors == []
    first, second = result.records
    assert (first.document.date, first.document.page) == ("2025-01-15", "5")
    assert first.title == "推动科技成果就地转化"
    assert proposer_of(first) == (
        "王建华",
        "person",
        ["某某省政协委员", "省科技厅副厅长"],
        ["某某省政协", "省科技厅"],
    )
    assert "——" not in first.speech.text and "银发" not in first.speech.text
    assert proposer_of(second) == ("民盟某某省委会", "organization", [], [])
    assert [len(r.recommendations) for r in (first, second)] == [2, 3]
    for record in (first, second):
        assert_exact_offsets(record)


def test_interview_with_column_label_subtitle_naming_the_subject_and_answers():
    """Questions are the reporter's; answers keep their words without the "林志强：" prefix."""
    record = read_single("interview_qa.txt")
    assert record.title == "如何让耐心资本更有耐心？"
    assert proposer_of(record) == ("林志强", "person", ["全国政协委员", "某某证券董事长"], ["全国政协", "某某证券"])
    assert record.speech.text.splitlines() == [
        "当前创投市场募资难问题突出，长期资金不足。",
        "为此，建议：一是引导保险资金入市；二是完善国有创投考核机制。",
    ]
    assert headings(record) == ["引导保险资金入市", "完善国有创投考核机制"]
    assert_exact_offsets(record)


def test_bare_name_under_the_headline_takes_the_roles_of_the_authors_note():
    record = read_single("bare_name_author_note.txt")
    assert record.title == "推动科技成果就地转化"
    assert proposer_of(record) == (
        "王建国",
        "person",
        ["某某省政协委员", "省科技厅副厅长"],
        ["某某省政协", "省科技厅"],
    )
    assert "作者系" not in record.speech.text and not record.speech.text.startswith("王建国")
    assert headings(record) == ["建设概念验证中心", "健全技术转移人才培养体系"]
    assert_exact_offsets(record)


def test_web_page_furniture_subtitle_and_source_line():
    """Breadcrumbs, font-size and share links, the editor and related-article lists are dropped;
    the "——在…上的大会发言" line is a subtitle; the body's proposer line names the body."""
    record = read_single("web_page.txt")
    assert record.title == "加快发展新质生产力"
    assert record.document.date == "2025-01-16"
    assert proposer_of(record) == ("民建某某省委会", "organization", [], [])
    text = record.speech.text
    for furniture in ("首页", "分享", "责任编辑", "相关新闻", "大会发言", "字号"):
        assert furniture not in text
    assert headings(record) == ["设立新质生产力发展基金", "建设共性技术服务平台"]
    assert_exact_offsets(record)


def test_headline_over_two_lines_directly_above_the_body_and_a_closing_body():
    record = read_single("headline_wrapped_before_body.txt")
    assert record.title == "关于加快发展银发经济的建议"
    assert proposer_of(record) == ("民进某某省委会", "organization", [], [])
    assert record.speech.text.startswith("我省老龄化程度持续加深")
    assert headings(record) == ["完善养老服务标准体系", "设立银发产业引导基金", "建设智慧养老服务平台"]
    assert_exact_offsets(record)


def test_proposals_reported_without_quotes_are_the_speakers():
    """"对此，姜文涛建议：一是……" keeps the proposal from the verb on; the frames are dropped, and
    the view reported before the proposal ("……时表示，成果转化是……") is the speaker's."""
    record = read_single("reported_proposals.txt")
    assert proposer_of(record) == ("姜文涛", "person", ["全国政协委员", "某某大学校长"], ["全国政协", "某某大学"])
    assert record.speech.text == (
        "成果转化是创新链条的关键一环。\n建议：一是建设概念验证中心；二是完善收益分配制度；三是培育技术经理人队伍。"
    )
    assert headings(record) == ["建设概念验证中心", "完善收益分配制度", "培育技术经理人队伍"]
    assert_exact_offsets(record)
