"""Layout rules found on held-out layouts, each on made-up lines."""

from policykg.extract.layout import find_speeches, header_line_fields, split_lines, subtitle_proposer
from policykg.extract.speech_layout import is_navigation, single_speech


def test_spread_out_field_keys_are_read_as_keys():
    assert header_line_fields("案　　由：关于发展夜间经济的提案") == [("title", "关于发展夜间经济的提案")]
    assert header_line_fields("提 案 人：民盟某市委会") == [("proposer", "民盟某市委会")]


def test_a_spaced_list_value_stays_one_field():
    assert header_line_fields("联名人：赵甲  钱乙  孙丙") == [("skip", "赵甲 钱乙 孙丙")]
    assert header_line_fields("作者：区政协委员　周某某") == [("author", "区政协委员 周某某")]
    assert header_line_fields("说明：赵甲  钱乙") is None  # not a known key


def test_a_web_publication_stamp_gives_the_date():
    fields = header_line_fields("发布时间：2024-05-06 08:00　　来源：某某网")
    assert ("date", "2024-05-06 08:00") in fields


def test_caption_above_a_title_field_is_not_the_headline():
    text = "某某市政协会议提案\n第12号\n\n案　　由：关于发展夜间经济的提案\n提 案 人：民盟某市委会\n\n夜间经济潜力大。为此，建议：\n一是延长营业时间。\n"
    layout = single_speech(split_lines(text))
    assert layout.title == "关于发展夜间经济的提案"
    assert layout.proposer.name == "民盟某市委会"


def test_field_lines_do_not_open_a_speech_on_a_page():
    lines = split_lines("案由：关于发展夜间经济的提案\n提案人：民盟某市委会\n夜间经济潜力大。\n")
    assert find_speeches(lines)[1] == []


def test_subtitle_naming_the_speaker_and_the_occasion():
    found = subtitle_proposer("——农工党某市委会在市政协全会上的大会发言")
    assert (found.name, found.kind) == ("农工党某市委会", "organization")
    assert subtitle_proposer("——在市政协全会上的大会发言") is None
    assert subtitle_proposer("——关于夜间经济的几点思考") is None


def test_navigation_bars_and_button_rows_are_furniture():
    assert is_navigation("首页 | 要闻 | 图片 | 视频")
    assert is_navigation("首页｜要闻｜专题｜")
    assert is_navigation("【打印本页】　【关闭窗口】")
    assert not is_navigation("【委员声音】")
    assert not is_navigation("推动A|B融合发展")


def test_an_ornament_is_stripped_and_marks_the_line():
    (line,) = split_lines("▲ 加快夜间经济发展")
    assert (line.text, line.marked) == ("加快夜间经济发展", True)


def test_a_drawn_rule_separates_like_a_blank_line_and_marks_what_follows():
    lines = split_lines("上一段的最后一句。\n＊＊＊＊＊\n下一篇的标题\n")
    assert [line.text for line in lines] == ["上一段的最后一句。", "下一篇的标题"]
    assert lines[1].blank_before and lines[1].marked and not lines[0].marked


PAGE = """某某日报
2024年6月1日 星期六 第4版

发展夜间经济
2024年5月30日
市政协委员，某区商务委主任 钱小明

夜间经济潜力大。为此，建议：
一是延长营业时间。
二是完善交通接驳。

◇ 提升街区品质
街区是城市名片。建议：
一是改造老旧街区。
二是引入特色业态。
——民进某市委会
"""


def test_a_date_between_headline_and_proposer_line_hides_neither():
    _, speeches = find_speeches(split_lines(PAGE))
    assert speeches[0].title == "发展夜间经济"
    assert speeches[0].proposer.name == "钱小明"


def test_a_set_off_headline_with_a_closing_attribution_opens_a_speech():
    _, speeches = find_speeches(split_lines(PAGE))
    assert [s.title for s in speeches] == ["发展夜间经济", "提升街区品质"]
    assert speeches[1].proposer.name == "民进某市委会"
    assert "街区是城市名片" not in "".join(line.text for line in speeches[0].body)


def test_a_set_off_line_without_an_attribution_after_it_stays_in_its_speech():
    page = PAGE.replace("——民进某市委会\n", "")
    _, speeches = find_speeches(split_lines(page))
    assert [s.title for s in speeches] == ["发展夜间经济"]
    assert "提升街区品质" in [line.text for line in speeches[0].body]


def test_a_report_names_its_speaker_by_the_introduction_of_one_who_speaks():
    text = (
        "让街巷更有烟火气\n本报记者　吴某\n\n"
        "日前，区政协委员、某某商会副会长郑一鸣在调研时来到老街。\n"
        "“老街要留住人。”郑一鸣说。他建议，一是保留传统业态；二是完善停车配套。\n"
    )
    layout = single_speech(split_lines(text))
    assert layout.proposer.name == "郑一鸣"
    assert layout.proposer.roles == ["区政协委员", "某某商会副会长"]


def test_an_introduced_person_who_never_speaks_is_not_the_speaker():
    text = "让街巷更有烟火气\n\n日前，区政协委员、某某商会副会长郑一鸣来到老街。老街游客不少。\n"
    assert single_speech(split_lines(text)).proposer is None


def test_a_roles_field_completes_a_lead_proposer_named_alone():
    text = "提案名称：关于夜间经济的提案\n领衔提案人：韩某某\n工作单位及职务：某某学院副院长\n\n夜间经济潜力大。\n"
    layout = single_speech(split_lines(text))
    assert (layout.proposer.name, layout.proposer.affiliations) == ("韩某某", ["某某学院"])


def test_an_original_title_line_is_not_the_headline():
    text = "原标题：多点发力促进消费\n消费回暖需要合力\n作者：区政协委员　周某某\n\n消费是经济的压舱石。\n"
    layout = single_speech(split_lines(text))
    assert layout.title == "消费回暖需要合力"
    assert (layout.proposer.name, layout.proposer.roles) == ("周某某", ["区政协委员"])


def test_a_closing_speaker_field_with_name_then_roles():
    text = "发展夜间经济\n\n夜间经济潜力大。为此，建议：\n一是延长营业时间。\n发言人：韩某某，民建某市委会副主委、某某学院教授\n"
    proposer = single_speech(split_lines(text)).proposer
    assert proposer.name == "韩某某"
    assert proposer.affiliations == ["民建某市委会", "某某学院"]


NOISY_PAGE = "".join(
    line + "\n\n"
    for line in [
        "某某周报", "2024年6月1日 第2版", "城市更新专题", "留住老街的", "烟火气", "（民进某市委会）",
        "老街是城市记忆。为此，建议：", "一是保留传统业态。", "二是完善停车配套。",
        "夜市要管好", "（区政协委员，某某商会副会长 郑一鸣）", "夜市管理仍有短板。对此建议：",
        "（一）划定经营区域。", "（二）加强卫生监管。",
    ]
)


def test_on_a_page_with_a_blank_after_every_line_a_headline_crosses_blanks():
    _, speeches = find_speeches(split_lines(NOISY_PAGE))
    assert [s.title for s in speeches] == ["留住老街的烟火气", "夜市要管好"]
    assert [s.proposer.name for s in speeches] == ["民进某市委会", "郑一鸣"]


def test_a_bare_proposer_line_signing_the_speech():
    text = "发展夜间经济\n\n夜间经济潜力大。为此，建议：\n一是延长营业时间。\n\n区政协委员、某某商会副会长　郑一鸣\n"
    layout = single_speech(split_lines(text))
    assert (layout.proposer.name, layout.proposer.affiliations) == ("郑一鸣", ["区政协", "某某商会"])
    assert all("郑一鸣" not in line.text for line in layout.body)


def test_a_last_line_that_is_no_proposer_line_is_no_signature():
    text = "发展夜间经济\n\n夜间经济潜力大。为此，建议：\n一是延长营业时间\n"
    assert single_speech(split_lines(text)).proposer is None


def test_a_report_naming_a_body_only_as_the_subject_of_its_proposals():
    text = "让老街更有烟火气\n本报记者　吴某\n\n老街游客不少。民进某市委会建议：一是保留传统业态；二是完善停车配套。\n"
    proposer = single_speech(split_lines(text)).proposer
    assert (proposer.name, proposer.kind) == ("民进某市委会", "organization")


def test_a_unit_field_gives_the_body_of_a_title_listed_alone():
    text = "发展夜间经济\n作者：韩某某\n作者单位：某某学院\n职务：副院长、区政协委员\n\n夜间经济潜力大。\n"
    proposer = single_speech(split_lines(text)).proposer
    assert proposer.roles == ["某某学院副院长", "区政协委员"]
    assert proposer.affiliations == ["某某学院", "区政协"]


def test_page_links_under_an_article_are_furniture():
    assert is_navigation("第1页　第2页　下一页")
    assert is_navigation("上一页 1 2 3 下一页")
    assert not is_navigation("第1页")


def test_a_proposer_after_a_label_under_the_headline():
    text = "“老街要留住人”\n【委员名片】韩某某，区政协委员、某某学院教授\n\n老街是城市记忆。\n"
    layout = single_speech(split_lines(text))
    assert layout.title == "“老街要留住人”"
    assert (layout.proposer.name, layout.proposer.affiliations) == ("韩某某", ["区政协", "某某学院"])


def test_a_guest_field_names_the_speaker_and_the_hosts_questions_are_dropped():
    from policykg.extract.layout import speech_text

    text = "夜市怎么管\n\n嘉宾：区政协委员　韩某某\n主持人：本报记者　吴某\n\n主持人：夜市难在哪？\n韩某某：难在管理。\n"
    layout = single_speech(split_lines(text))
    assert layout.proposer.name == "韩某某"
    assert speech_text(layout.body, layout.proposer, narration=True) == "难在管理。"


def test_a_column_name_before_a_bar_is_not_part_of_the_title():
    from policykg.extract.layout import join_headline

    assert join_headline(["委员会客厅｜夜市怎么管"]) == "夜市怎么管"
    assert join_headline(["委员声音 | 夜市怎么管"]) == "夜市怎么管"
    assert join_headline(["数字|智能融合"]) == "数字|智能融合"  # a bar inside a headline, not a column's


def test_numbered_digest_entries_over_proposer_fields_open_page_speeches():
    page = (
        "提案摘编\n\n1．关于发展夜间经济的提案\n提案人：民进某市委会\n\n夜市潜力大。建议：一是延长营业时间。\n\n"
        "2．关于改造老街的提案\n提案人：区政协委员　韩某某\n\n老街老旧。建议：一是保留业态；二是完善停车。\n"
    )
    _, speeches = find_speeches(split_lines(page))
    assert [(s.title, s.proposer.name) for s in speeches] == [
        ("关于发展夜间经济的提案", "民进某市委会"),
        ("关于改造老街的提案", "韩某某"),
    ]


def test_a_reporters_frame_ending_in_a_verb_of_saying_is_narration():
    from policykg.extract.layout import is_narration
    from policykg.extract.proposer import person

    speaker = person("韩某某")
    assert is_narration("“老街要留住人。”韩某某近日接受记者采访时说。", speaker)
    assert not is_narration("韩某某所在的街道近年来变化很大，游客越来越多。", speaker)


def test_quoted_terms_do_not_hide_a_reported_proposal():
    from policykg.extract.layout import reported_proposal

    text = "他建议，一是推行“物业+社区”模式；二是完善停车。"
    assert reported_proposal(text, "韩某某") == "建议，一是推行“物业+社区”模式；二是完善停车。"
    assert reported_proposal("他说：“要推行新模式，管好老街。”", "韩某某") == ""


# --- deputies' suggestions, social-media copies, paged copies, narrow columns, traditional text ---

from policykg.extract.ingest import parse_text  # noqa: E402
from policykg.extract.layout import fold_traditional, is_traditional, without_credit  # noqa: E402
from policykg.extract.proposer import parse_roles  # noqa: E402
from policykg.extract.speech_layout import without_web_furniture  # noqa: E402


def _read(text):
    return parse_text(text, "made-up.txt", None, document_id="doc:made-up", digest="")


def test_deputy_fields_name_the_proposer_and_cosigners_are_dropped():
    text = (
        "关于改善城郊公交接驳的建议\n领衔代表：吴文斌（区人大代表，某某公交公司总经理）\n附议代表：甲乙　丙丁\n\n"
        "城郊居民出行不便。建议如下：\n1、加密接驳线路；\n2、延长末班时间。\n"
    )
    (record,) = _read(text)
    assert record.speech.title == "关于改善城郊公交接驳的建议"
    assert (record.proposer.name, record.proposer.affiliations) == ("吴文斌", ["区人大", "某某公交公司"])
    assert len(record.recommendations) == 2


def test_deputy_field_under_each_headline_splits_a_page():
    text = (
        "代表建议摘登\n\n关于建设口袋公园的建议\n代表：郑可欣　某街道办事处主任\n\n口袋公园太少。建议如下：\n1、利用边角地。\n\n"
        "关于规范共享单车停放的建议\n代表：冯立　某区城管局副局长\n\n单车乱停普遍。建议如下：\n1、划定停放区；\n2、实行信用管理。\n"
    )
    records = _read(text)
    assert [(r.proposer.name, len(r.recommendations)) for r in records] == [("郑可欣", 1), ("冯立", 2)]


def test_pictographs_open_and_close_lines_as_ornaments():
    first, second = split_lines("👉 一是加快建设\n◆ 委员之声 ◆\n")
    assert (first.text, first.marked) == ("一是加快建设", True)
    assert second.text == "委员之声"


def test_social_media_calls_to_follow_and_the_end_mark_are_furniture():
    lines = split_lines("🔔点击上方蓝字关注\n标题在此\n正文一句。\n—— END ——\n长按二维码识别\n其他文章\n")
    assert [line.text for line in without_web_furniture(lines)] == ["标题在此", "正文一句。"]


def test_concurrent_posts_joined_by_jian_are_two_roles():
    roles = parse_roles("某县政协委员，某县农业农村局局长兼县乡村振兴局局长")
    assert [r.text for r in roles] == ["某县政协委员", "某县农业农村局局长", "县乡村振兴局局长"]
    roles = parse_roles("某市工商联副主席兼秘书长、某学院客座教授")
    assert [(r.text, r.organization) for r in roles] == [
        ("某市工商联副主席", "某市工商联"), ("某市工商联秘书长", "某市工商联"), ("某学院客座教授", "某学院")]


def test_running_head_and_folios_of_a_paged_copy_are_dropped():
    lines = split_lines("某某会议材料之五\n标题\n第一段。\n- 1 -\n某某会议材料之五\n第二段。\n第2页/共2页\n")
    assert [line.text for line in without_web_furniture(lines)] == ["标题", "第一段。", "第二段。"]


def test_a_first_line_said_once_is_not_a_running_head():
    lines = split_lines("关于某某的提案\n某某内容。\n")
    assert [line.text for line in without_web_furniture(lines)] == ["关于某某的提案", "某某内容。"]


def test_credit_word_closing_a_signature_leaves_the_proposer():
    assert without_credit("农工党某市委会　供稿") == "农工党某市委会"
    assert without_credit("（致公党某区委会执笔）") == "（致公党某区委会）"
    assert without_credit("供稿") == "供稿"  # a credit word alone names no one
    assert without_credit("某某市委会") == "某某市委会"


def test_a_circled_numeral_right_after_the_proposing_word_opens_the_list():
    from policykg.extract.recommendations import split_recommendations

    found = split_recommendations("短板明显。建议：①新建物流中心；②改造商贸中心；③培育市场主体。", "s")
    assert [item.heading for item in found] == ["新建物流中心", "改造商贸中心", "培育市场主体"]


def test_page_opening_with_a_speech_signed_by_its_supplier():
    text = (
        "某某时报　2024年9月2日　第6版\n\n提升县域商业\n服务能级\n　　县域商业短板明显，需要补\n齐。建议：①建设县级物流\n"
        "中心；②改造乡镇商贸中心。\n　　　　　农工党某市委会　供稿\n\n"
        "守护城市烟火气\n□ 区政协委员、某某餐饮协会会长\n　 钱多多\n　　小店经济要扶持。建议：\n　　一是减免摊位费；\n　　二是延长经营时间。\n"
    )
    first, second = _read(text)
    assert (first.speech.title, first.proposer.name) == ("提升县域商业服务能级", "农工党某市委会")
    assert len(first.recommendations) == 2
    assert (second.speech.title, second.proposer.name) == ("守护城市烟火气", "钱多多")
    assert second.proposer.roles == ["区政协委员", "某某餐饮协会会长"]


def test_traditional_text_is_read_through_folding_and_printed_as_is():
    text = "發展夜間經濟的幾點建議\n民進某某市委會\n\n夜間經濟潛力很大。為此，建議：\n一是延長營業時間；\n二是優化交通組織。\n"
    (record,) = _read(text)
    assert record.speech.title == "發展夜間經濟的幾點建議"
    assert (record.proposer.name, record.proposer.kind) == ("民進某某市委會", "organization")
    assert len(record.recommendations) == 2
    first = record.recommendations[0]
    assert "延長營業時間" in record.speech.text[first.start : first.end]


def test_simplified_text_with_a_stray_traditional_form_is_not_folded():
    assert not is_traditional("著名企业家认为应当加快发展，推动产业升级。")
    assert is_traditional("發展夜間經濟")
    assert fold_traditional("加快发展") == ("加快发展", {})


def test_items_headed_in_brackets_keep_their_headings():
    text = (
        "关于发展林下经济的提案\n民盟某某县委会\n\n林地利用率低。建议如下：\n"
        "【理顺林地流转】建立流转服务平台。\n【培育经营主体】扶持合作社发展。\n"
    )
    (record,) = _read(text)
    assert "【理顺林地流转】建立流转服务平台。" in record.speech.text
    assert [item.heading for item in record.recommendations] == ["理顺林地流转", "培育经营主体"]


def test_a_lone_leading_label_is_still_dropped():
    from policykg.extract.layout import speech_text

    lines = split_lines("【会场内外】今年的会上，代表们很关注托育。\n一是增加托位。\n")
    assert speech_text(lines, None, narration=True).startswith("今年的会上")


def test_stage_directions_of_a_transcript_are_left_out():
    from policykg.extract.layout import without_stage_notes

    assert without_stage_notes("各位委员：（鼓掌）我讲三点。（全场笑）") == "各位委员：我讲三点。"
    assert without_stage_notes("（一）加大投入。") == "（一）加大投入。"


def test_dropped_fields_above_a_page_speech_are_not_its_text():
    text = (
        "建议选登\n\n关于增设夜间门诊的建议\n领衔代表：沈一帆（区人大代表，某某医院院长）\n联名代表：甲　乙\n\n"
        "看病难。建议如下：\n1、增设夜间门诊。\n\n关于加强校园周边治理的建议\n代表：程晓　某某中学校长\n\n"
        "周边乱象多。建议如下：\n1、加强巡查。\n"
    )
    first, _ = _read(text)
    assert first.speech.text.startswith("看病难")


def test_a_post_stamp_is_a_date_line():
    from policykg.extract.layout import date_line

    assert date_line("2024-11-08 21:05 发表于某省") == "2024-11-08"
    assert date_line("2024-11-08 21:05") == "2024-11-08"
    assert date_line("2024-11-08 某某发布会") is None


def test_a_running_head_that_is_the_title_stays_as_the_headline():
    text = (
        "关于完善乡村客运网络的建议\n区政协委员、某某客运公司总经理　孟凡\n    乡村客运线路少。为此，建议：\n"
        "    一是增开线路；\n第 1 页 共 2 页\n关于完善乡村客运网络的建议\n    二是给予运营补贴。\n第 2 页 共 2 页\n"
    )
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("关于完善乡村客运网络的建议", "孟凡")
    assert len(record.recommendations) == 2
    assert "关于完善" not in record.speech.text


def test_a_character_folded_from_two_is_put_back_by_its_neighbours():
    from policykg.extract.layout import restore_characters

    folded, back = fold_traditional("理髮店與發票，理髮與發票")
    assert folded == "理发店与发票，理发与发票"
    assert restore_characters("理发店", back) == "理髮店"
    assert restore_characters("发票", back) == "發票"


def test_keycap_numerals_number_items():
    (line,) = split_lines("2️⃣ 完善配套政策；")
    assert line.text == "2．完善配套政策；"


def test_a_quoted_button_name_is_still_furniture():
    lines = split_lines("标题在此\n正文一句。\n点击“阅读原文”查看全文\n")
    assert [line.text for line in without_web_furniture(lines)] == ["标题在此", "正文一句。"]


def test_roles_broken_mid_title_by_the_column_are_joined_before_the_name():
    text = (
        "某某晚报　2024年10月8日　第4版\n\n做优城市更新\n■ 区政协委员、某某置业公司副董事长兼总\n　 经理　邵一鸣\n"
        "　　老旧片区改造慢。建议：\n　　一是分片推进；\n　　二是引入社会资本。\n"
    )
    (record,) = _read(text)
    assert record.proposer.name == "邵一鸣"
    assert record.proposer.roles == ["区政协委员", "某某置业公司副董事长", "某某置业公司总经理"]


def test_a_bracketed_credit_note_signs_the_speech_that_opens_the_page():
    text = (
        "某某日报　2024年8月1日　第3版\n\n把小区停车\n管起来\n　　停车位缺口大。建议：①挖潜错时共享；\n"
        "②建设立体车库。\n　　　　（台盟某区委会供稿）\n"
    )
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("把小区停车管起来", "台盟某区委会")
    assert len(record.recommendations) == 2
    assert "供稿" not in record.speech.text


def test_caption_blocks_above_a_headline_and_proposer_fields_are_not_the_title():
    text = (
        "某省人民代表大会某次会议\n代　表　建　议\n第0456号\n\n关于规范校外培训的建议\n\n"
        "领衔代表：祁文\n代表团：某某代表团\n工作单位及职务：某某区教育局局长\n\n"
        "校外培训乱象仍在。建议如下：\n（一）加强执法检查；\n（二）完善预收费监管。\n"
    )
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("关于规范校外培训的建议", "祁文")
    assert record.proposer.affiliations == ["某某区教育局"]
    assert record.speech.text.startswith("校外培训乱象仍在")


def test_a_list_of_earlier_posts_ends_the_article():
    lines = split_lines("标题在此\n正文一句。\n▼ 往期回顾 ▼\n另一篇的标题\n")
    assert [line.text for line in without_web_furniture(lines)] == ["标题在此", "正文一句。"]


# --- rules found on the ninth held-out batch, each on other made-up lines ----------------------

from policykg.extract.layout import (  # noqa: E402
    markdown_marks,
    paragraph_speaker,
    reported_proposal,
    split_title_proposer,
)
from policykg.extract.proposer import is_name, parse_proposer_line  # noqa: E402


def test_a_time_word_opening_the_clause_is_neither_a_name_nor_a_role():
    found = parse_proposer_line("去年，省政协委员、某某学院教授赵可人")
    assert (found.name, found.roles, found.affiliations) == ("赵可人", ["省政协委员", "某某学院教授"], ["省政协", "某某学院"])
    fused = parse_proposer_line("近日区政协委员钱某某")
    assert (fused.roles, fused.affiliations) == (["区政协委员"], ["区政协"])
    assert parse_proposer_line("2024年，全国政协委员孙某").roles == ["全国政协委员"]
    assert not is_name("近日") and not is_name("目前") and not is_name("主任")


def test_a_membership_word_before_a_name_is_no_role():
    found = parse_proposer_line("代表孙某某", loose=True)
    assert (found.name, found.roles) == ("孙某某", [])


def test_a_key_value_line_is_never_a_proposer_line():
    assert parse_proposer_line("附议人：赵甲　钱乙　孙丙") is None
    assert parse_proposer_line("联名委员：区政协委员　赵甲") is None


def test_a_headline_names_its_speaker_in_brackets_after_it():
    found, title = split_title_proposer("办好家门口的养老院（致公党中央）")
    assert (title, found.name, found.kind) == ("办好家门口的养老院", "致公党中央", "organization")
    found, title = split_title_proposer("让快递更绿色（全国政协委员、某某大学教授　钟某某）")
    assert (found.name, found.affiliations) == ("钟某某", ["全国政协", "某某大学"])
    joint, _ = split_title_proposer("护好一江清水（民盟中央、民建中央联合发言）")
    assert joint.name == "民盟中央"
    assert split_title_proposer("关于发展银发经济的建议（摘要）") is None


def test_speakers_in_brackets_and_group_headings_on_a_page():
    text = (
        "某某报　2024年3月8日　第4版\n\n大会发言摘登\n\n第一组\n\n"
        "办好家门口的养老院（致公党中央）\n\n养老床位不足。为此，建议：\n一、新建社区养老院。\n二、盘活闲置用房。\n\n"
        "第二组　文化界\n\n"
        "让快递更绿色（全国政协委员、某某大学教授　钟某某）\n\n包装浪费多。建议：\n（一）推广循环箱。\n"
    )
    first, second = _read(text)
    assert (first.speech.title, first.proposer.name, len(first.recommendations)) == ("办好家门口的养老院", "致公党中央", 2)
    assert "第二组" not in first.speech.text
    assert (second.proposer.name, second.proposer.roles) == ("钟某某", ["全国政协委员", "某某大学教授"])


def test_a_paragraph_opening_with_its_speaker_names_them():
    assert paragraph_speaker("代表吴某某：停车难是老问题。").name == "吴某某"
    found = paragraph_speaker("“托育贵是普遍反映。”区政协委员、某某医院副院长郑某某表示，要多方分担。")
    assert (found.name, found.affiliations) == ("郑某某", ["区政协", "某某医院"])
    assert paragraph_speaker("冯某某代表指出，农村道路养护不足。").name == "冯某某"
    assert paragraph_speaker("吴某某：停车难是老问题。") is None  # an interview's answer
    assert paragraph_speaker("他认为，要多方分担。") is None
    assert paragraph_speaker("提案人：吴某某") is None


def test_a_round_up_of_members_splits_at_subheads_over_speakers():
    text = (
        "某某晚报　2024年5月2日　第2版\n\n代表热议城市更新\n\n本报记者　某某\n\n　　城市更新牵动人心。\n\n"
        "留住老街记忆\n　　代表吴某某：老街是城市的根。我建议，一是建立老街保护名录；二是引入专业运营。\n"
        "补齐停车短板\n　　冯某某代表认为，停车难制约更新。她提出两点建议：一是建设立体车库；二是错时共享车位。\n"
    )
    first, second = _read(text)
    assert (first.speech.title, first.proposer.name, first.proposer.roles) == ("留住老街记忆", "吴某某", [])
    assert first.speech.text.startswith("老街是城市的根")
    assert (second.speech.title, second.proposer.name, len(second.recommendations)) == ("补齐停车短板", "冯某某", 2)


def test_a_count_before_the_proposing_verb_still_reports_a_proposal():
    assert reported_proposal("他提出两点建议：一是扩容；二是提速。", "某某").startswith("建议：一是")
    assert reported_proposal("孙某某提了三条建议，一是扩容。", "孙某某").startswith("建议，一是")


def test_markdown_marks_are_not_text_and_the_carrier_above_the_title_goes():
    assert markdown_marks("### （二）完善机制") == ("（二）完善机制", 3)
    assert markdown_marks("* __盘活存量。__ 用好闲置厂房。") == ("盘活存量。 用好闲置厂房。", 0)
    text = (
        "发件人：孙某某 <sun@example.com>\n收件人：某某办公室\n\n您好，提案请查收。\n\n"
        "# 关于盘活闲置厂房的建议\n\n**提案人**：孙某某（区政协委员、某某设计院院长）\n\n## 建议\n\n"
        "- **盘活存量。** 用好闲置厂房。\n- **简化审批。** 推行告知承诺。\n\n孙某某\n2024年4月1日\n"
    )
    (record,) = _read(text)
    assert record.speech.title == "关于盘活闲置厂房的建议"
    assert (record.proposer.name, record.proposer.affiliations) == ("孙某某", ["区政协", "某某设计院"])
    assert len(record.recommendations) == 2
    assert "孙某某" not in record.speech.text and "2024" not in record.speech.text


def test_a_signature_over_a_date_and_a_cosigners_note_still_signs():
    text = (
        "让老旧小区用上管道气\n\n　　不少老旧小区仍用瓶装气。\n　　建议如下：\n1) 纳入改造计划。\n2) 给予资金补助。\n\n"
        "区政协委员、某某燃气公司总经理　冯某某\n（联名委员：甲某　乙某）\n2024年9月3日\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.affiliations) == ("冯某某", ["区政协", "某某燃气公司"])
    assert len(record.recommendations) == 2  # items set flush under an indented paragraph
    assert "2024" not in record.speech.text


def test_a_reply_is_filed_under_the_proposer_it_addresses():
    text = (
        "某某市交通运输局\n关于市政协第0123号提案的答复\n\n某交提复〔2024〕7号\n\n尊敬的赵某某委员：\n\n"
        "　　您提出的《关于优化公交线网的提案》收悉。您建议：一是加密班次；二是增设微循环线。现答复如下：\n"
        "　　一、关于加密班次。已加密。\n\n某某市交通运输局\n2024年7月1日\n"
    )
    (record,) = _read(text)
    assert record.speech.title == "某某市交通运输局关于市政协第0123号提案的答复"
    assert (record.proposer.name, record.proposer.kind) == ("赵某某", "person")
    assert len(record.recommendations) == 2
    assert not record.speech.text.startswith("某交提复")


def test_a_former_post_belongs_to_its_organisation():
    found = parse_proposer_line("市政协常委、某某学院原院长　钱某某")
    assert (found.roles, found.affiliations) == (["市政协常委", "某某学院原院长"], ["市政协", "某某学院"])


# --- rules found on made-up variants of the ninth batch's layouts (not kept as held-out) ---------


def test_a_date_in_chinese_numerals_is_a_date_line():
    from policykg.extract.layout import date_line, iso_date

    assert date_line("二〇二四年十一月三日") == "2024-11-03"
    assert iso_date("签发于二〇二三年六月二十日") == "2023-06-20"
    assert date_line("二〇二四年工作要点") is None


def test_arabic_numbers_after_a_colon_or_semicolon_number_items_inside_a_paragraph():
    from policykg.extract.recommendations import split_recommendations

    items = split_recommendations("养护不足。建议：1．增加养护资金；2．推行路长制。", "doc:x/s1")
    assert [item.heading for item in items] == ["增加养护资金", "推行路长制"]
    assert len(split_recommendations("建议：提高补贴，力争增长2．5个百分点，3、4月见效。", "doc:x/s1")) == 1


def test_a_headline_never_ends_with_a_colon():
    from policykg.extract.layout import is_headline

    assert not is_headline("某某区委统战部：")
    assert is_headline("让老街留住乡愁")


def test_a_reply_keeps_the_proposal_and_leaves_out_the_issuers_answer():
    text = (
        "关于区政协第0042号提案的答复\n\n农工党某区委会：\n\n"
        "　　你们提出的《关于规范医美机构的提案》收悉。提案建议：一是加强执法；二是公开黑名单。"
        "经研究，现答复如下：\n　　一、关于执法。已开展专项检查。\n　　二、关于名单。已公开。\n\n"
        "某某区卫生健康委员会\n二〇二四年八月八日\n（联系人：某某）\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.kind) == ("农工党某区委会", "organization")
    assert len(record.recommendations) == 2
    assert record.speech.text.endswith("二是公开黑名单。")
    assert record.document.date == "2024-08-08"


def test_a_round_up_may_set_its_subheads_in_brackets():
    text = (
        "某某报　2024年3月9日　第6版\n\n代表谈出行\n\n本报记者　某某\n\n"
        "【公交要准点】\n　　市人大代表、某某客运公司总经理梁某某表示，公交准点率偏低。他建议：一是设公交专用道；二是推广智能调度。\n\n"
        "【骑行要安全】\n　　代表　谷某某：骑行道常被占用。建议：一是划设骑行专用道；二是加强执法。\n"
    )
    first, second = _read(text)
    assert (first.speech.title, first.proposer.name) == ("公交要准点", "梁某某")
    assert first.proposer.affiliations == ["市人大", "某某客运公司"]
    assert (second.speech.title, second.proposer.name, len(second.recommendations)) == ("骑行要安全", "谷某某", 2)


def test_a_subtitle_over_a_byline_is_not_a_wrapped_proposer_line():
    from policykg.extract.layout import _wrapped_proposer

    lines = split_lines("——访全国政协委员、某某研究院院长何某某\n本报记者　甘某某\n")
    assert _wrapped_proposer(lines, 0) == (None, 0)
    wrapped = split_lines("市政协委员、某某集团副总经理\n甘某某\n")
    assert _wrapped_proposer(wrapped, 0)[0].name == "甘某某"


def test_an_e_mail_header_block_carries_the_text_and_a_letters_closing_is_not_text():
    text = (
        "发件人：邹某某\n收件人：某某办公室\n主题：材料\n\n关于加强夜市管理的建议\n\n"
        "　　夜市管理粗放。为此建议：\n　　一是划定经营区域；\n　　二是配齐环卫设施。\n\n此致\n敬礼！\n\n"
        "区政协委员、某某餐饮公司总经理　邹某某\n2024年6月6日\n"
    )
    (record,) = _read(text)
    assert record.speech.title == "关于加强夜市管理的建议"
    assert (record.proposer.name, record.proposer.affiliations) == ("邹某某", ["区政协", "某某餐饮公司"])
    assert record.document.date == "2024-06-06"
    assert "此致" not in record.speech.text and "敬礼" not in record.speech.text


def test_the_kind_of_speech_may_close_a_bracketed_proposer_line():
    from policykg.extract.layout import bracketed_proposer

    assert bracketed_proposer("（台盟中央书面发言）").name == "台盟中央"
    assert bracketed_proposer("（全国政协委员、某某医院院长　滕某某大会发言）").name == "滕某某"
    assert bracketed_proposer("（书面发言）") is None


def test_a_signature_over_a_date_without_its_day_and_a_copy_field():
    text = (
        "关于加强社区普法的提案\n\n　　居民法律意识有待提高。建议：\n　　1．建设社区法律服务站；\n"
        "　　2．组织律师进社区。\n\n提案人：区政协委员、某某律师事务所主任　闵某某\n2024年11月\n\n抄送：区司法局\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, len(record.recommendations)) == ("闵某某", 2)
    assert "2024" not in record.speech.text and "抄送" not in record.speech.text


def test_a_paragraph_introducing_the_speaker_by_roles_is_the_reporters():
    from policykg.extract.layout import is_narration
    from policykg.extract.proposer import person

    speaker = person("岳某某", "区政协委员、某某社区党委书记")
    assert is_narration("去年，区政协委员、某某社区党委书记岳某某把目光投向加装电梯。", speaker)
    assert not is_narration("加装电梯难在协调。我们社区做了很多工作。", speaker)
    assert not is_narration("岳某某所在的社区已加装电梯12部。", person("岳某某"))  # no roles to introduce


def test_a_headline_with_its_speaker_in_brackets_may_be_broken_by_the_column():
    text = (
        "某某报　2024年3月6日　第5版\n\n大会发言摘登\n\n加快建设现代化\n产业体系（致公党中央）\n\n"
        "产业链韧性不足。为此，建议：一是补链；二是强链。\n\n守好“米袋子”（九三学社\n中央）\n\n"
        "粮食安全是根本。建议：一是稳面积；二是提单产。\n"
    )
    first, second = _read(text)
    assert (first.speech.title, first.proposer.name) == ("加快建设现代化产业体系", "致公党中央")
    assert (second.speech.title, second.proposer.name, len(second.recommendations)) == ("守好“米袋子”", "九三学社中央", 2)


def test_a_markdown_table_of_fields_is_read_as_fields():
    from policykg.extract.layout import is_table_rule, table_row

    assert is_table_rule("| --- | :---: |") and not is_table_rule("————")
    assert table_row("| 提案人 | 区政协委员　柏某某 |") == "提案人：区政协委员　柏某某"
    text = (
        "# 关于规范校外托管机构的建议\n\n| 项目 | 内容 |\n| --- | --- |\n| 提案人 | 区政协委员、某某小学校长　柏某某 |\n\n"
        "## 建议\n\n1. 建立备案制度。\n2. 开展联合检查。\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.affiliations) == ("柏某某", ["区政协", "某某小学"])
    assert len(record.recommendations) == 2 and "项目" not in record.speech.text


# --- batch 10: transcripts with tags, bulletins, minutes, mixed copy ---------------------------


def test_a_column_name_in_english_and_chinese_is_a_label():
    from policykg.extract.layout import is_label

    assert is_label("Member Voices | 委员声音") and is_label("两会快评 / Quick Take")
    assert not is_label("推动A|B融合发展")


def test_field_keys_in_latin_letters_match_in_any_case():
    from policykg.extract.layout import field_of

    assert field_of("SOURCE: Xinhua 来源:某某网")[0] == "skip"
    assert field_of("By: 区政协委员 韩某") == ("author", "区政协委员 韩某")


def test_a_dropped_field_never_holds_a_spoken_sentence():
    from policykg.extract.layout import field_of

    assert field_of("主持人：韩某") == ("skip", "韩某")
    assert field_of("主持人：各位听众，大家好！今天聊聊养老。") is None


def test_a_half_width_full_stop_after_han_ends_a_sentence():
    from policykg.extract.layout import ends_sentence

    assert ends_sentence("养老床位缺口较大.") and ends_sentence('"一床难求".')
    assert not ends_sentence("见附件 v2.") and not ends_sentence("养老床位缺口较大")


def test_a_romanised_name_in_brackets_is_a_gloss():
    from policykg.extract.proposer import parse_proposer_line

    found = parse_proposer_line("区政协委员、某某软件有限公司CTO 韩立(Han Li)")
    assert (found.name, found.affiliations) == ("韩立", ["区政协", "某某软件有限公司"])


def test_a_headlines_translation_is_neither_its_second_line_nor_text():
    text = ("养老服务要“下沉”\nBringing elderly care closer to home\n\n区政协委员、某某医院院长 钱某\n\n"
            "社区养老设施不足.\n为此,建议:\n1. 建设社区养老服务站.\n2. 完善上门服务.\n")
    layout = single_speech(split_lines(text))
    assert layout.title == "养老服务要“下沉”"
    assert layout.proposer.name == "钱某"
    assert all("Bringing" not in line.text for line in layout.body)


def test_speaker_tags_in_brackets_read_as_speaker_lines():
    from policykg.extract.layout import speaker_tag

    assert speaker_tag("【主持人】欢迎收听。") == "主持人：欢迎收听。"
    assert speaker_tag("[钱立群] 谢谢。") == "钱立群：谢谢。"
    assert speaker_tag("【健全养老服务机制】具体做法是……") == "【健全养老服务机制】具体做法是……"
    assert speaker_tag("【钱立群】") == "【钱立群】"  # a tag alone is a label


def test_a_tagged_transcript_is_filed_under_the_one_who_answers():
    text = ("《民生热线》广播访谈\n播出时间：2026年2月1日　频道：某某广播\n\n社区养老怎么办\n\n"
            "【主持人】欢迎收听。今天的嘉宾是区政协委员、某某街道社区卫生服务中心主任钱立群。\n"
            "【钱立群】大家好！\n【主持人】您有什么建议？\n"
            "【钱立群】我有两点建议。第一，建设社区养老服务站。第二，完善上门医疗服务。\n")
    layout = single_speech(split_lines(text))
    assert layout.title == "社区养老怎么办"
    assert layout.proposer.name == "钱立群"
    assert layout.proposer.affiliations == ["区政协", "某某街道社区卫生服务中心"]


def test_a_copula_opens_the_roles_an_introduction_gives():
    from policykg.extract.layout import introduction

    found = introduction("今天做客的是区政协委员、某某中学校长孙某某。", "孙某某")
    assert found.roles == ["区政协委员", "某某中学校长"]
    found = introduction("作为区政协委员、某某中学校长，孙某某一直关注。", "孙某某")
    assert found is None  # the name does not follow its roles


def test_a_bulletins_caption_may_hold_its_issuer_and_date():
    text = ("民情快报\n第8期\n\n区政协办公室　　　　2026年3月2日\n\n关于加强老旧小区消防管理的建议\n\n"
            "反映人：钱某某　区政协委员、某某消防器材厂厂长\n\n情况：隐患多。\n\n建议：\n（1）更新设施。\n（2）定期巡查。\n")
    layout = single_speech(split_lines(text))
    assert layout.title == "关于加强老旧小区消防管理的建议"
    assert (layout.proposer.name, layout.proposer.affiliations) == ("钱某某", ["区政协", "某某消防器材厂"])


def test_a_numbered_subhead_over_a_named_speaker_opens_a_minutes_entry():
    text = ("区政协养老服务协商会纪要\n\n　　会议听取了委员意见。现纪要如下。\n\n"
            "　　一、扩大养老服务供给\n"
            "　　钱某某（区政协委员、某某养老院院长）提出，床位不足。建议：一是新建床位；二是改造闲置用房。\n\n"
            "　　二、提升护理人员素质\n"
            "　　农工党某某区委会认为，护理员流失严重。建议：一是提高待遇；二是加强培训。\n")
    _, speeches = find_speeches(split_lines(text))
    assert [s.title for s in speeches] == ["扩大养老服务供给", "提升护理人员素质"]
    assert [s.proposer.name for s in speeches] == ["钱某某", "农工党某某区委会"]


def test_a_paragraph_opening_with_the_speaker_saying_reports_their_words():
    from policykg.extract.layout import speech_text
    from policykg.extract.proposer import parse_proposer_line

    who = parse_proposer_line("农工党某某区委会")
    lines = split_lines("农工党某某区委会认为，护理员流失严重。建议：一是提高待遇；二是加强培训。\n")
    assert speech_text(lines, who, narration=True) == "护理员流失严重。建议：一是提高待遇；二是加强培训。"


def test_numbered_entries_closed_by_a_proposer_field_are_speeches():
    text = ("某某区委会提案选编\n\n一、关于加强河道管护的提案\n\n案由：河道淤积。\n\n建议：\n1．疏浚河道。\n2．设河长。\n\n"
            "提案单位：九三学社某某区委会\n\n二、关于发展夜间经济的提案\n\n案由：夜市少。\n\n建议：\n1．建夜市。\n\n"
            "提案人：区政协委员　钱某某\n")
    _, speeches = find_speeches(split_lines(text))
    assert [s.title for s in speeches] == ["关于加强河道管护的提案", "关于发展夜间经济的提案"]
    assert [s.proposer.name for s in speeches] == ["九三学社某某区委会", "钱某某"]
    assert all("提案" not in line.text[:3] for s in speeches for line in s.body)


def test_one_numbered_section_signed_at_the_end_is_no_digest():
    text = ("关于加强河道管护的提案\n\n一、基本情况\n\n河道淤积。\n\n二、几点建议\n\n建议：\n1．疏浚河道。\n2．设河长。\n\n"
            "提案人：区政协委员　钱某某\n")
    _, speeches = find_speeches(split_lines(text))
    assert speeches == []


def test_a_headlines_translation_after_a_bar_is_left_out():
    from policykg.extract.layout import join_headline

    assert join_headline(["发展夜间经济 | Lighting up the night"]) == "发展夜间经济"
    assert join_headline(["推动A|B融合发展"]) == "推动A|B融合发展"


def test_an_introduction_may_set_the_name_apart_by_a_space():
    from policykg.extract.layout import introduction

    found = introduction("今天的嘉宾是区政协委员、某某设计院院长 孙某某。", "孙某某")
    assert found.affiliations == ["区政协", "某某设计院"]


def test_a_latin_by_and_a_leading_membership_word_are_not_the_name():
    from policykg.extract.proposer import parse_proposer_line

    assert parse_proposer_line("By 区政协委员 韩某某").roles == ["区政协委员"]
    found = parse_proposer_line("委员钱某某（某某律师事务所主任）")
    assert (found.name, found.affiliations) == ("钱某某", ["某某律师事务所"])


def test_roman_items_may_run_on_after_a_colon_and_semicolons():
    from policykg.extract.recommendations import split_recommendations

    found = split_recommendations("衔接不够。为此，建议：Ⅰ．共建学院；Ⅱ．推行学徒制。", "d/s1")
    assert [r.heading for r in found] == ["共建学院", "推行学徒制"]


def test_a_programme_caption_over_a_headline_is_not_the_headline():
    text = ("《民生直通车》视频访谈\n\n社区食堂怎么办好\n\n主持人：欢迎！今天的嘉宾是区政协委员、某某餐饮公司总经理 钱某某。\n"
            "钱某某：大家好！\n主持人：有何建议？\n钱某某：我建议，一是降低租金；二是引入连锁品牌。\n")
    layout = single_speech(split_lines(text))
    assert layout.title == "社区食堂怎么办好"
    assert (layout.proposer.name, layout.proposer.affiliations) == ("钱某某", ["区政协", "某某餐饮公司"])


def test_a_proposer_field_in_brackets_closes_a_digest_entry():
    text = ("某某区委会提案\n\n1．关于加强河道管护的提案\n\n　　河道淤积。为此，建议：一是疏浚；二是设河长。\n\n"
            "（提案单位：九三学社某某区委会）\n\n2．关于发展夜间经济的提案\n\n　　夜市少。为此，建议：一是建夜市。\n\n"
            "（提案单位：民盟某某区委会）\n")
    _, speeches = find_speeches(split_lines(text))
    assert [s.proposer.name for s in speeches] == ["九三学社某某区委会", "民盟某某区委会"]


def test_an_authors_mark_and_a_senior_grade_of_title():
    from policykg.extract.proposer import parse_proposer_line

    found = parse_proposer_line("文/区政协委员、某某会计师事务所管理合伙人　钱某")
    assert (found.name, found.affiliations) == ("钱某", ["区政协", "某某会计师事务所"])


def test_tags_naming_the_part_and_the_person():
    from policykg.extract.layout import speaker_tag

    assert speaker_tag("【主持人 韩某】欢迎。") == "主持人：欢迎。"
    assert speaker_tag("【嘉宾　钱立群】谢谢。") == "钱立群：谢谢。"
    assert speaker_tag("【嘉宾】谢谢。") == "嘉宾：谢谢。"


def test_answers_tagged_by_the_guests_part_are_the_introduced_persons():
    text = ("社区食堂怎么办好\n\n主持人：欢迎！今天的嘉宾是区政协委员、某某餐饮公司总经理钱某某。\n"
            "嘉宾：大家好！\n主持人：有何建议？\n嘉宾：我建议，一是降低租金；二是引入连锁品牌。\n")
    layout = single_speech(split_lines(text))
    assert (layout.proposer.name, layout.proposer.affiliations) == ("钱某某", ["区政协", "某某餐饮公司"])
    from policykg.extract.layout import speech_text

    assert speech_text(layout.body, layout.proposer, narration=True).startswith("大家好！")


def test_a_speakers_line_is_no_field():
    from policykg.extract.layout import field_of

    assert field_of("嘉宾：谢谢主持人！") is None
    assert field_of("嘉宾：区政协委员　钱某") == ("proposer", "区政协委员　钱某")
    assert field_of("案由：河道淤积严重。")[0] == "title"


def test_a_date_may_stand_between_a_proposer_line_and_the_headline_under_it():
    text = ("区政协委员、某某医院院长　钱某某\n2026年1月\n\n关于加强医共体建设的建议\n\n"
            "　　成效初显。为此，建议：\n　　1．完善打包付费；\n　　2．推进结果互认。\n")
    layout = single_speech(split_lines(text))
    assert (layout.title, layout.proposer.name) == ("关于加强医共体建设的建议", "钱某某")


def test_planners_and_architects_head_their_institute():
    from policykg.extract.proposer import parse_proposer_line

    found = parse_proposer_line("区政协委员、某某建筑设计研究院总建筑师　钱某")
    assert found.affiliations == ["区政协", "某某建筑设计研究院"]


def test_the_meetings_own_conclusion_closing_minutes_is_not_the_last_speakers():
    text = ("区政协协商会纪要\n\n　　会议听取了意见。\n\n　　一、扩大养老服务供给\n"
            "　　钱某某（区政协委员、某某养老院院长）提出，床位不足。建议：一是新建床位；二是改造用房。\n\n"
            "　　二、提升护理人员素质\n　　孙某某（区政协委员、某某护理学院院长）提出，护理员流失。建议：一是提高待遇。\n\n"
            "　　会议认为，养老服务关系民生，委员意见将报送参考。\n")
    from policykg.extract.layout import speech_text

    _, speeches = find_speeches(split_lines(text))
    last = speeches[-1]
    assert "会议认为" not in speech_text(last.body, last.proposer, narration=True)


def test_an_interviews_questions_and_answer_marks_are_not_the_speakers_words():
    from policykg.extract.layout import speech_text
    from policykg.extract.proposer import person

    lines = split_lines("问：您有什么建议？\n答：一是降低租金；二是引入连锁品牌。\n")
    assert speech_text(lines, person("钱某某"), narration=True) == "一是降低租金；二是引入连锁品牌。"


def test_fields_set_apart_by_tabs():
    assert header_line_fields("提案者：\t钱某某\t界别：\t农业界") == [("proposer", "钱某某"), ("skip", "农业界")]


def test_a_tagged_turn_is_no_headline_and_q_and_a_read_as_an_interview():
    from policykg.extract.layout import is_headline

    assert not is_headline("Q：您关注什么？") and not is_headline("问：您关注什么？")
    assert is_headline("“一老一小”如何兼顾？")
    text = ("社区食堂怎么办好\n\nQ：有何建议？\nA：一是降低租金；二是引入连锁品牌。\n\n"
            "——区政协委员、某某餐饮公司总经理　钱某某\n")
    from policykg.extract.ingest import parse_text

    (record,) = parse_text(text, "t.txt", None, document_id="doc:t", digest="0")
    assert record.title == "社区食堂怎么办好" and record.proposer.name == "钱某某"
    assert record.speech.text == "一是降低租金；二是引入连锁品牌。"


def test_a_column_name_before_a_name_colon_headline():
    text = "委员风采 | 钱立群：让社区食堂更暖心\n\n　　（区政协委员、某某餐饮公司总经理　钱立群）\n\n　　食堂少。为此，建议：一是降租；二是连锁。\n"
    layout = single_speech(split_lines(text))
    assert layout.title == "让社区食堂更暖心"
    assert (layout.proposer.name, layout.proposer.affiliations) == ("钱立群", ["区政协", "某某餐饮公司"])


def test_an_introduction_finds_a_name_spread_apart():
    from policykg.extract.layout import introduction

    found = introduction("嘉宾是区政协委员、某某合作社理事长韦　强。", "韦强")
    assert found.affiliations == ["区政协", "某某合作社"]


def test_a_bilingual_field_key_and_a_translation_above_the_headline():
    from policykg.extract.layout import field_of

    assert field_of("作者 Author: 区政协委员 钱某") == ("author", "区政协委员 钱某")
    text = ("Caring for the elderly\n养老服务要“下沉”\n\n作者 Author: 区政协委员、某某医院院长 钱某\n\n"
            "　　设施不足.为此,建议:\n　　1. 建设养老服务站;\n　　2. 完善上门服务.\n")
    layout = single_speech(split_lines(text))
    assert (layout.title, layout.proposer.name) == ("养老服务要“下沉”", "钱某")


def test_a_table_with_full_width_bars_reads_as_fields():
    lines = split_lines("｜提案人｜市政协委员 郑某某｜\n│题　目│关于完善社区食堂的提案│\n")
    assert [line.text for line in lines] == ["提案人：市政协委员 郑某某", "题　目：关于完善社区食堂的提案"]


def test_an_items_english_label_before_its_chinese_one_goes():
    lines = split_lines("Proposal 2 ／ 对策二：完善补贴办法。\nStep 10|建议十：加强监管。\n")
    assert [line.text for line in lines] == ["对策二：完善补贴办法。", "建议十：加强监管。"]
    assert split_lines("Top 10 城市排名")[0].text == "Top 10 城市排名"


def test_a_form_number_field_above_the_title_field_is_not_the_headline():
    text = "某某县政协会议提案\n\n编号：第21号\n题目：关于改善乡村道路的提案\n提案人：县政协委员 孔某某\n\n道路年久失修。为此，建议：\n一是加大投入。\n"
    layout = single_speech(split_lines(text))
    assert layout.title == "关于改善乡村道路的提案"
    assert layout.proposer.name == "孔某某"


def test_a_closing_note_naming_the_author():
    text = "乡村振兴要靠人才\n\n人才匮乏是短板。建议：\n一是引才。\n二是育才。\n\n（作者吕志恒系县政协委员、某某镇中心小学校长）\n"
    layout = single_speech(split_lines(text))
    assert layout.proposer.name == "吕志恒"
    assert layout.proposer.roles[0] == "县政协委员"


def test_a_post_masthead_and_an_ornamented_column_are_not_the_headline():
    text = "某某发布\n2025-09-01 18:05 发表于某地\n\n💡 议政建言\n城市更新要留住烟火气\n\n区政协委员、某某设计院院长方某某说，……为此，他建议：一是保留老街巷；二是引入小店。\n"
    layout = single_speech(split_lines(text))
    assert layout.title == "城市更新要留住烟火气"
    assert layout.proposer is None or layout.proposer.name != "某某发布"


def test_a_wrapped_ornamented_headline_keeps_its_first_line():
    text = "▲ 加快推进城市地下管网\n更新改造\n\n管网老化严重。为此，建议：一是摸清底数；二是分步改造。\n"
    assert single_speech(split_lines(text)).title == "加快推进城市地下管网更新改造"


def test_a_row_of_pictographs_separates_like_a_rule():
    lines = split_lines("最后一项建议。\n🔚\n下一段\n")
    assert [line.text for line in lines] == ["最后一项建议。", "下一段"]
    assert lines[1].blank_before


DIGEST_PLAIN = """某某县政协会议
建议选登

改善农村饮水安全
部分村组供水不稳定。建议：一是新建集中供水站；二是落实管护经费。
（建议人：县政协委员、某某水务公司经理　邬某某）

发展林下经济
林地资源闲置。建议：一是培育林菌产业；二是建立收购网点；三是开展技术培训。
（提案单位：农工党某某县支部）
"""


def test_a_digests_plain_headlines_each_closed_by_a_proposer_open_speeches():
    _, speeches = find_speeches(split_lines(DIGEST_PLAIN))
    assert [s.title for s in speeches] == ["改善农村饮水安全", "发展林下经济"]
    assert [s.proposer.name for s in speeches] == ["邬某某", "农工党某某县支部"]


def test_plain_subheads_of_one_speech_signed_once_do_not_split_it():
    page = ("某某周刊\n2025年5月6日　第3版\n\n筑牢基层医疗网底\n市政协委员　柏某某\n\n强化人员保障\n"
            "乡村医生老龄化严重。建议：一是定向培养。\n\n完善设施配备\n村卫生室设备陈旧。二是更新设备。\n"
            "（市政协委员　柏某某）\n")
    _, speeches = find_speeches(split_lines(page))
    assert [(s.title, s.proposer.name) for s in speeches] == [("筑牢基层医疗网底", "柏某某")]


def test_a_table_row_of_keys_and_values_reads_as_fields_side_by_side():
    (line,) = split_lines("｜提案人｜县政协委员 苗某某｜界别｜农业界｜\n")
    assert header_line_fields(line.text) == [("proposer", "县政协委员 苗某某"), ("skip", "农业界")]
    (plain,) = split_lines("| 一季度 | 12 | 二季度 | 15 |\n")
    assert header_line_fields(plain.text) is None


def test_a_closing_note_giving_the_author_as_a_field():
    from policykg.extract.layout import named_author_note

    assert named_author_note("（本文作者：司马某，系市政协常委、某某研究院院长）") == ("司马某", "市政协常委、某某研究院院长")
    assert named_author_note("(作者 黎某某 现任某某中学校长)") == ("黎某某", "某某中学校长")
    assert named_author_note("（作者单位：某某大学）") is None
    assert named_author_note("（作者：黎某某）") is None


def test_a_field_key_set_off_by_a_bar():
    assert header_line_fields("作者｜区政协委员 蒲某某") == [("author", "区政协委员 蒲某某")]
    assert header_line_fields("来源 | 某某融媒") == [("skip", "某某融媒")]
    assert header_line_fields("委员风采｜张三：做好履职") is None  # a column's name is no key


def test_an_author_mark_with_a_bar_opens_a_proposer_line():
    from policykg.extract.proposer import parse_proposer_line

    found = parse_proposer_line("撰文｜县政协委员、某某合作社理事长 祁某某")
    assert (found.name, found.roles) == ("祁某某", ["县政协委员", "某某合作社理事长"])


def test_an_ornamented_column_over_a_page_headline_with_its_proposer_line():
    page = "某某周报\n2025年8月8日　第2版\n\n🔥 热点聚焦\n加强电动自行车充电安全管理\n区政协委员　龚某某\n\n充电起火时有发生。为此，建议：一是建集中充电棚；二是加强巡查。\n"
    _, speeches = find_speeches(split_lines(page))
    assert [(s.title, s.proposer.name) for s in speeches] == [("加强电动自行车充电安全管理", "龚某某")]


def test_named_items_numbered_in_digits():
    from policykg.extract.recommendations import item_spans

    assert len(item_spans("背景。\n对策1：完善标准。\n对策2：加强监管。\n对策3：强化宣传。")) == 3


def test_a_field_key_set_off_by_a_wide_space():
    assert header_line_fields("提案人\u3000\u3000台盟某某市委会") == [("proposer", "台盟某某市委会")]
    assert header_line_fields("联名人  甲某某、乙某某") == [("skip", "甲某某、乙某某")]
    assert header_line_fields("城市更新\u3000留住乡愁") is None  # no key


def test_a_block_element_bar_is_an_ornament():
    (line,) = split_lines("▌ 履职心声\n")
    assert (line.text, line.marked) == ("履职心声", True)


def test_a_transcript_names_its_guest_by_roles_at_the_first_answer():
    text = ("代表访谈\n\n记者：您带来了什么建议？\n省人大代表、某某茶业合作社理事长　苟某某：我建议：一是打造茶叶品牌；"
            "二是建设冷链仓储。\n记者：谢谢。\n")
    layout = single_speech(split_lines(text))
    assert (layout.proposer.name, layout.proposer.roles) == ("苟某某", ["省人大代表", "某某茶业合作社理事长"])


# --- a reporter's narration that reports the speaker's views before the proposals ---


def test_views_reported_before_the_proposals_are_the_speakers():
    """"记者了解到，邱委员在走访中发现，X。为此，她建议：一是……": the reporter's frame goes, what the
    speaker found stays with the entities it names, and the proposal loses its subject."""
    text = (
        "让山区孩子用上好课堂\n区政协委员、某某中学校长　邱某某\n\n"
        "记者了解到，邱委员在走访中发现，不少村小仍靠某某公益基金会捐赠的设备上课，师资流失严重。"
        "为此，她建议：一是建立城乡教师轮岗机制；二是搭建区级远程教学平台。\n"
    )
    (record,) = _read(text)
    assert record.speech.text == (
        "不少村小仍靠某某公益基金会捐赠的设备上课，师资流失严重。为此，建议：一是建立城乡教师轮岗机制；二是搭建区级远程教学平台。"
    )
    assert len(record.recommendations) == 2


def test_a_reporters_sentence_before_the_speakers_frame_is_dropped():
    text = (
        "让老街更有烟火气\n市政协委员　潘某\n\n"
        "据统计，全市现有老街区四十余处。潘某在接受采访时表示，部分老街业态同质化，游客停留时间短。\n"
        "他建议：一是编制老街保护利用规划；二是设立老街更新引导资金。\n"
        "潘某还表示，将继续关注老街区的消防安全。\n"
    )
    (record,) = _read(text)
    lines = record.speech.text.splitlines()
    assert lines[0] == "部分老街业态同质化，游客停留时间短。"
    assert "四十余处" not in record.speech.text  # the reporter's own figure
    assert "消防安全" not in record.speech.text  # after the proposals: the reporter's closing
    assert len(record.recommendations) == 2


def test_a_view_without_the_speaker_as_subject_stays_the_reporters():
    text = (
        "推动旧厂房变身创意园\n市政协委员　鲁某\n\n"
        "记者了解到，去年以来，某某区已改造旧厂房十余处，其中不少交由某某文旅集团运营。\n"
        "鲁某建议：一是完善旧厂房改造审批机制；二是建立创意园区评价体系。\n"
    )
    (record,) = _read(text)
    assert "文旅集团" not in record.speech.text
    assert record.speech.text.startswith("一是完善") and len(record.recommendations) == 2


# --- English item labels in words, and a short headline with its translation ---


def test_an_english_label_in_words_before_a_chinese_one_is_dropped():
    text = (
        "让老字号焕发新生\n市政协委员　卢某\n\n老字号经营困难。为此，建议：\n"
        "Suggestion One / 建议一：建立老字号认定机制。\nSuggestion Two / 建议二：搭建老字号展销平台。\n"
    )
    (record,) = _read(text)
    assert "Suggestion" not in record.speech.text
    assert [r.heading for r in record.recommendations] == ["建立老字号认定机制", "搭建老字号展销平台"]


def test_a_short_headline_with_its_translation_over_a_proposer_line():
    """"关爱留守儿童 | Caring for Left-behind Children" is shaped like a column's name in two
    languages; with the proposer line directly under it, it is the headline."""
    text = (
        "关爱留守儿童 | Caring for Left-behind Children\n区政协委员　严某\n\n"
        "留守儿童缺少陪伴。为此，建议：\n一是建立结对帮扶机制。\n二是建设乡村少年宫。\n"
    )
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("关爱留守儿童", "严某")
    assert len(record.recommendations) == 2


def test_a_column_name_in_two_languages_over_a_headline_is_still_a_label():
    text = (
        "委员之声 | Members' Voices\n关爱留守儿童\n区政协委员　严某\n\n"
        "留守儿童缺少陪伴。为此，建议：\n一是建立结对帮扶机制。\n"
    )
    (record,) = _read(text)
    assert record.speech.title == "关爱留守儿童"


def test_a_report_names_the_lead_of_joint_proposers_who_then_speaks():
    text = (
        "让乡村小学留得住老师\n本报记者　某某\n\n"
        "今年全会上，易某某、龚某等6位委员联名提出提案，关注乡村教师队伍。易某某认为，乡村教师待遇偏低、流失较多。"
        "为此，他建议：一是提高乡村教师生活补助；二是建立城乡教师交流机制。\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.kind) == ("易某某", "person")
    assert record.speech.text.startswith("乡村教师待遇偏低")
    assert len(record.recommendations) == 2


# --- batch 12: listings in columns, compound keys, numbered headlines, press conferences, ---
# --- handling reports and two columns run together (each on other made-up lines)          ---

from policykg.extract.layout import (  # noqa: E402
    field_of,
    index_table_rows,
    is_headline,
    join_headline,
    side_by_side_columns,
)


def test_a_key_with_a_short_modifier_reads_as_the_key():
    assert field_of("领衔委员：苗某某") is None  # 委员 is no key: nothing to read it as
    assert field_of("首席代表：苗某某") == ("proposer", "苗某某")
    assert field_of("建议分类：教育") == ("skip", "教育")
    assert field_of("会议主题：关于某某的协商") is None  # never a title from a compound key
    assert field_of("请问分类：怎么办？") is None


def test_a_field_line_is_never_a_headline():
    assert not is_headline("所在界别：某某界")
    assert is_headline("让社区食堂更好吃")


def test_a_proposer_field_after_other_fields_under_a_caption():
    text = (
        "某某市第十七届人民代表大会第二次会议\n\n代 表 议 案\n\n第56号\n\n关于建设城市绿道网络的议案\n\n"
        "所属代表团：某某区代表团\n领衔代表：滕某某（市人大代表，某某园林公司总经理）\n\n"
        "绿道建设缺少统一规划。为此，建议：\n一、编制全市绿道规划。\n二、建立绿道管护机制。\n"
    )
    (record,) = _read(text)
    assert record.speech.title == "关于建设城市绿道网络的议案"
    assert (record.proposer.name, record.proposer.affiliations) == ("滕某某", ["市人大", "某某园林公司"])
    assert len(record.recommendations) == 2


def test_a_listing_set_out_in_columns_is_neither_headline_nor_text():
    raws = [
        "目录",
        "编号      案由                          提案人        类别",
        "一        关于发展冰雪旅游的提案        某某市委会    文旅",
        "二        关于保护古树名木的提案        祁某某        生态",
        "",
        "正文从这里开始。",
    ]
    assert index_table_rows(raws) == {2, 3, 4}
    assert index_table_rows(["甲乙    丙丁    戊己", "一二    三四    五六"]) == set()  # no keys in the header


def test_a_proposals_number_before_its_headline_is_left_out():
    assert join_headline(["〔第A023号〕关于发展冰雪旅游的提案"]) == "关于发展冰雪旅游的提案"
    assert join_headline(["第88号　关于保护古树名木的提案"]) == "关于保护古树名木的提案"
    assert join_headline(["【关注】关于保护古树名木的提案"]) == "【关注】关于保护古树名木的提案"


def test_a_headline_over_two_lines_under_a_running_head_that_goes():
    text = (
        "某某区政协全体会议 · 书面发言\n\n关于加强城市古树名木保护的\n意见建议\n\n台盟某某区委会\n\n"
        "    古树名木保护责任不清。为此，建议：\n    （一）开展古树普查建档。\n\n                    — 1 —\n"
        "某某区政协全体会议 · 书面发言\n\n    （二）落实养护资金。\n\n                    — 2 —\n"
    )
    (record,) = _read(text)
    assert record.speech.title == "关于加强城市古树名木保护的意见建议"
    assert record.proposer.name == "台盟某某区委会"


def test_a_press_conference_is_filed_under_the_member_who_answers():
    text = (
        "区两会“代表通道”实录\n\n2027年3月2日下午，区两会首场“代表通道”举行。\n\n"
        "主持人（区人大常委会副主任　某某）：请记者提问。\n\n"
        "某某晚报记者：请问邬代表，如何留住乡村教师？\n\n"
        "邬晓雯代表（区人大代表、某某镇中心小学校长）：谢谢。乡村教师流失较多。我建议，一是提高乡村教师补助；二是建设教师周转房。\n\n"
        "某某融媒体中心记者：邬代表，您怎么看？\n\n"
        "邬晓雯代表：教育是根本。\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.roles) == ("邬晓雯", ["区人大代表", "某某镇中心小学校长"])
    assert record.speech.text == "谢谢。乡村教师流失较多。我建议，一是提高乡村教师补助；二是建设教师周转房。\n教育是根本。"
    assert len(record.recommendations) == 2


def test_a_report_on_a_numbered_proposal_is_filed_under_its_author():
    text = (
        "关于区政协二届五次会议第077号提案办理结果的通报\n\n区政协办公室：\n\n"
        "由民盟某某区委会提出的《关于规范校外培训的提案》由我局主办。现通报如下：\n\n"
        "一、提案建议：（一）加强校外培训机构审批；（二）建立培训资金监管制度。\n\n二、办理结果。已完成。\n\n"
        "某某区教育局\n2027年6月1日\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.kind) == ("民盟某某区委会", "organization")


def test_two_columns_run_together_are_read_column_by_column():
    columns = [
        "左栏标题写在这里              右栏标题也写这里",
        "左栏第一行的正文比较长        右栏第一行的正文也很长",
        "左栏第二行的正文比较长        右栏第二行的正文也很长",
        "左栏末行                      右栏第三行的正文也很长",
    ]
    read = [raw.strip() for _, raw in side_by_side_columns(columns)]
    assert read == [
        "左栏标题写在这里", "左栏第一行的正文比较长", "左栏第二行的正文比较长", "左栏末行", "",
        "右栏标题也写这里", "右栏第一行的正文也很长", "右栏第二行的正文也很长", "右栏第三行的正文也很长",
    ]
    fields = ["提案人：苗某        界别：经济界", "电话：123456        邮编：400000", "单位：某某公司        职务：经理"]
    assert [raw for _, raw in side_by_side_columns(fields)] == fields  # short fields side by side stay


def test_a_caption_set_apart_above_a_headline_over_its_proposer_line():
    text = (
        "某某县政协常委会会议 · 专题发言\n\n关于推进县城污水管网\n改造的建议\n\n农工党某某县支部\n\n"
        "    管网老化渗漏严重。为此，建议：\n    （一）摸清管网底数。\n    （二）分年度实施改造。\n"
    )
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("关于推进县城污水管网改造的建议", "农工党某某县支部")


def test_a_headline_set_apart_from_its_proposer_line_is_no_caption():
    text = "关于推进县城污水管网改造的建议\n\n民建某某县委会\n\n管网老化渗漏严重。为此，建议：\n一是摸清底数。\n二是分步改造。\n"
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("关于推进县城污水管网改造的建议", "民建某某县委会")


def test_a_quoted_paragraph_keeps_the_view_reported_after_the_quote():
    text = (
        "让背街小巷亮起来\n本报记者　某某\n\n"
        "“背街小巷照明不足，居民夜行不便。”区政协委员、某某照明公司总经理柏某某说。"
        "柏某某告诉记者，路灯由多个部门分头管理，某某物业联盟也未参与进来。\n"
        "对此，他建议，一是建立背街小巷照明统筹机制；二是推广智慧路灯平台。\n"
    )
    (record,) = _read(text)
    assert record.proposer.name == "柏某某"
    assert record.speech.text.splitlines()[0] == (
        "背街小巷照明不足，居民夜行不便。路灯由多个部门分头管理，某某物业联盟也未参与进来。"
    )
    assert len(record.recommendations) == 2


def test_two_columns_whose_right_column_indents_its_paragraphs():
    columns = [
        "左栏第一行的正文比较长          右栏第一行的正文也很长",
        "左栏第二行的正文比较长              右栏第二段首行缩进",
        "左栏第三行的正文比较长          右栏第三行的正文也很长",
        "                                右栏只剩这一行了呀",
    ]
    read = [raw for _, raw in side_by_side_columns(columns)]
    assert [raw.strip() for raw in read] == [
        "左栏第一行的正文比较长", "左栏第二行的正文比较长", "左栏第三行的正文比较长", "",
        "右栏第一行的正文也很长", "右栏第二段首行缩进", "右栏第三行的正文也很长", "右栏只剩这一行了呀",
    ]
    assert read[5].startswith("    ")  # the indentation stays, as a paragraph's cue


def test_a_digests_number_field_over_the_next_entry_is_not_the_last_entrys_text():
    text = (
        "某某县政协提案选登\n\n编号：A01\n关于建设乡村冷库的提案\n提案人：葛某某\n冷库不足。为此，建议：一是建冷库；二是给补贴。\n\n"
        "编号：A02\n关于整治河道垃圾的提案\n提案人：卢某某\n河道垃圾多。为此，建议：一是定期清理；二是落实河长责任。\n"
    )
    first, second = _read(text)
    assert "编号" not in first.speech.text
    assert (second.speech.title, second.proposer.name) == ("关于整治河道垃圾的提案", "卢某某")


def test_someone_elses_words_in_a_report_stay_the_reporters():
    text = (
        "让夜市更规范\n本报记者　某某\n\n"
        "区政协委员、某某商会会长鲍某某在调研中发现，不少夜市缺少统一管理，某某摊贩协会作用有限。\n"
        "区商务委有关负责人表示，将会同某某街道办事处研究相关措施。\n"
        "提案指出，夜市油烟扰民问题突出。\n"
        "鲍某某建议：一是建立夜市联合管理机制；二是搭建摊位线上预约平台。\n"
    )
    (record,) = _read(text)
    assert record.proposer.name == "鲍某某"
    assert record.speech.text.splitlines() == [
        "不少夜市缺少统一管理，某某摊贩协会作用有限。",
        "提案指出，夜市油烟扰民问题突出。",
        "一是建立夜市联合管理机制；二是搭建摊位线上预约平台。",
    ]


def test_a_speakers_own_text_citing_others_keeps_their_words():
    text = (
        "让夜市更规范\n区政协委员　鲍某某\n\n"
        "有关部门负责人表示，夜市管理存在空白。我认为，管理要跟上。为此，建议：\n一是建立联合管理机制。\n二是搭建预约平台。\n"
    )
    (record,) = _read(text)
    assert record.speech.text.startswith("有关部门负责人表示，")  # no reporter here: the speaker cites them


def test_a_handling_reports_account_keeps_only_the_section_restating_the_proposal():
    text = (
        "关于第0093号提案办理情况的说明\n\n区政协提案委员会：\n\n"
        "由区政协委员阎某某提出的《关于完善社区助餐服务的提案》由我局办理。现将有关情况说明如下：\n\n"
        "一、提案的主要建议\n提案建议：（一）扩大助餐点覆盖；（二）建立助餐补贴制度。\n\n"
        "二、办理情况\n我局已会同某某餐饮集团新建助餐点20个。\n\n某某区民政局\n2027年5月8日\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.roles) == ("阎某某", ["区政协委员"])
    assert record.speech.text == "提案建议：（一）扩大助餐点覆盖；（二）建立助餐补贴制度。"
    assert len(record.recommendations) == 2


def test_interviewer_tags_with_the_outlet_or_the_name_after_the_part():
    from policykg.extract.layout import is_interviewer_head

    assert is_interviewer_head("主持人 蒲某")
    assert is_interviewer_head("记者（某某晚报）")
    assert is_interviewer_head("某某广播电台记者")
    assert not is_interviewer_head("蒲某某委员（区政协委员、某某中学校长）")
    assert not is_interviewer_head("区政协委员、某某学院院长　蒲某")


def test_a_latin_word_ending_like_a_numeral_is_no_item_label():
    from policykg.extract.layout import glossed_label_re

    assert glossed_label_re().sub("", "Taxi / 出租车服务") == "Taxi / 出租车服务"
    assert glossed_label_re().sub("", "Proposal IV / 建议四：节水") == "建议四：节水"


def test_a_posts_headline_in_brackets_between_topic_tags():
    text = (
        "#地方两会# 【市政协委员吕某某：建议推广社区共享工具屋】\n\n"
        "吕某某表示，居民家用工具闲置多。她建议，一是建设社区共享工具屋；二是建立物品借用信用机制。\n\n#民生#\n"
    )
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("建议推广社区共享工具屋", "吕某某")
    assert record.proposer.roles == ["市政协委员"]
    assert "#" not in record.speech.text


def test_a_letter_under_its_column_is_titled_by_the_column():
    text = (
        "【读者来信】\n\n编辑同志：\n\n    我是一名县政协委员。乡村公厕管护缺位。为此，建议：\n"
        "    一是明确管护责任；\n    二是建立管护经费保障制度。\n\n某某县政协委员　阎某\n2027年3月9日\n"
    )
    (record,) = _read(text)
    assert (record.speech.title, record.proposer.name) == ("读者来信", "阎某")
    assert len(record.recommendations) == 2


def test_a_forms_caption_before_fields_on_one_line_is_no_key():
    assert header_line_fields("提案者　　界别：农业界　　提案人：阎某") == [
        ("skip", "农业界"),
        ("proposer", "阎某"),
    ]
    assert header_line_fields("提案者　某某市委会") == [("proposer", "某某市委会")]


def test_a_programme_introduces_its_guest_after_a_verb_of_inviting_and_its_cues_are_not_theirs():
    text = (
        "【健康大讲堂】让老年人远离跌倒\n\n"
        "（画外音）老年人跌倒是常见风险。本期节目请来了区政协委员、某某康复医院院长滕某某。\n\n"
        "【主持人】滕院长，您好！\n\n【滕某某】谢谢。跌倒多发生在家中。\n\n"
        "【主持人】您有什么建议？\n\n【滕某某】我建议，一是推进居家适老化改造；二是建立跌倒风险评估制度。\n\n"
        "（同期声）居民：扶手装上以后安心多了。\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.roles) == ("滕某某", ["区政协委员", "某某康复医院院长"])
    assert "居民" not in record.speech.text and "画外音" not in record.speech.text
    assert len(record.recommendations) == 2


def test_a_headline_spread_out_character_by_character_is_joined():
    assert join_headline(["让 乡 村 学 校 更 温 暖"]) == "让乡村学校更温暖"
    assert join_headline(["深化改革　扩大开放"]) == "深化改革　扩大开放"  # a space between phrases stays


def test_a_form_set_out_in_columns_gives_its_fields():
    text = (
        "关于发展林下经济的提案\n\n提案人        界别          单位及职务\n"
        "邬某某        农业界        某某林场场长\n\n林下资源利用不足。为此，建议：\n一是发展林下种养；\n二是建设林产品交易平台。\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.roles) == ("邬某某", ["某某林场场长"])
    assert len(record.recommendations) == 2


def test_a_key_naming_a_person_by_what_they_do_over_roles_and_a_name():
    assert field_of("建言人：县政协委员、某某卫生院院长　覃某") == ("proposer", "县政协委员、某某卫生院院长　覃某")
    assert field_of("记者：县政协委员覃某") is None  # a reporter's key never names the proposer
    assert field_of("讲解员：欢迎大家。") is None


def test_a_transcripts_turns_opened_by_dashes():
    text = (
        "对话｜让古村落留住乡愁\n\n——记者：您为什么关注古村落？\n\n——覃某某：古村落空心化严重。\n\n"
        "——记者：有什么建议？\n\n——覃某某：我建议，一是建立古村落保护名录；二是设立保护利用专项资金。\n\n"
        "（覃某某，县政协委员、某某文化研究会会长）\n"
    )
    (record,) = _read(text)
    assert (record.proposer.name, record.proposer.roles) == ("覃某某", ["县政协委员", "某某文化研究会会长"])
    assert "记者" not in record.speech.text
    assert len(record.recommendations) == 2
