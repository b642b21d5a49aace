"""Noun-phrase boundary rules, on sentences made up for each rule."""

from __future__ import annotations

from policykg.extract.normalize import is_coreferent


def test_leading_proposing_verb_is_not_part_of_the_phrase(found):
    assert ("Fund", "区级人才发展基金") in found("设立区级人才发展基金。")


def test_leading_quantifier_is_dropped(found):
    assert ("Institution", "知识产权服务机构") in found("培育一批知识产权服务机构。")


def test_locative_and_possessive_are_dropped(found):
    assert ("Institution", "民营物流企业") in found("引导我省民营物流企业出资。")


def test_descriptive_de_clause_is_trimmed(found):
    assert ("Platform", "农业科技创新平台") in found("建设服务全省农户的农业科技创新平台。")


def test_de_clause_stays_when_the_head_alone_says_nothing(found):
    assert ("Mechanism", "允许试错的创新体系") in found("探索允许试错的创新体系。")


def test_coordinated_modifiers_expand_over_a_bare_head(found):
    got = found("由交通、商务部门牵头。")
    assert {("Institution", "交通部门"), ("Institution", "商务部门")} <= got


def test_quoted_modifiers_before_deng_expand_over_a_bare_head(found):
    assert ("Institution", "“小巨人”企业") in found("支持“小巨人”等企业发展。")


def test_quoted_modifiers_coordinated_with_he_expand(found):
    got = found("推广“基金+园区”和“银行+担保”模式。")
    assert {("Mechanism", "“基金+园区”模式"), ("Mechanism", "“银行+担保”模式")} <= got


def test_listed_entities_before_deng_end_the_phrase(found):
    got = found("健全文化产业投资基金和贷款贴息等全周期扶持机制。")
    assert ("Fund", "文化产业投资基金") in got
    assert ("Mechanism", "全周期扶持机制") in got


def test_coordinated_verbal_modifiers_stay_one_phrase(found):
    assert ("Mechanism", "数据采集与共享机制") in found("完善数据采集与共享机制。")


def test_quotes_wrapping_the_whole_entity_are_removed(found):
    assert ("Fund", "乡村振兴产业基金") in found("设立“乡村振兴产业基金”。")


def test_quotes_around_an_inner_modifier_stay(found):
    assert ("Platform", "“农贸通”服务平台") in found("用好“农贸通”服务平台。")


def test_capital_categories_are_not_entities(texts):
    assert texts("引导社会资本和耐心资本投入。") == set()


def test_industrial_system_is_not_a_mechanism_but_a_governance_system_is(found, texts):
    assert texts("构建现代农业产业体系。") == set()
    assert ("Mechanism", "农产品质量认证体系") in found("完善农产品质量认证体系。")


def test_bare_heads_are_left_out(texts):
    assert texts("支持企业创新，相关部门要配合。") == set()


def test_latin_words_keep_their_stray_space(found):
    assert ("Platform", "5G 专网") in found("加快部署 5G 专网。")


def test_verb_inside_a_name_stays_but_opens_no_name(found):
    assert ("Mechanism", "人才梯度培育机制") in found("完善人才梯度培育机制。")
    assert ("Fund", "社保基金") in found("引导社保基金长期投资。")


def test_subject_before_a_verb_is_not_part_of_the_object(found):
    got = found("支持骨干企业建设行业创新中心。")
    assert ("Platform", "行业创新中心") in got
    assert ("Institution", "骨干企业") in got


def test_nested_institution_inside_a_mechanism_is_found_too(found):
    got = found("优化养老服务企业扶持机制。")
    assert {("Mechanism", "养老服务企业扶持机制"), ("Institution", "养老服务企业")} <= got


def test_foundation_is_an_institution_not_a_fund(found):
    assert found("在慈善类公益基金会设立助学资金池。") >= {
        ("Institution", "慈善类公益基金会"), ("Fund", "助学资金池")}


def test_bare_funds_need_a_pool_modifier(found, texts):
    assert texts("加大资金投入。") == set()
    assert ("Fund", "专项奖补资金") in found("安排专项奖补资金。")


def test_number_and_classifier_are_dropped(found):
    assert ("Institution", "科技型企业") in found("培育300家科技型企业。")


def test_one_character_place_after_zai_is_a_locative(found):
    assert ("Institution", "高校") in found("鼓励在鄂高校设立技术转移中心。")
    assert ("Fund", "川渝数字经济基金") in found("设立川渝数字经济基金。")


def test_verbs_open_no_institution_name(found):
    assert ("Institution", "交通部门") in found("实现交通部门统筹。")
    assert ("Institution", "乡村振兴研究院") in found("推动高校与地方政府共建乡村振兴研究院。")


def test_subject_of_a_verb_ends_the_object_phrase(found):
    got = found("依托县级供销合作社建设农产品冷链物流中心。")
    assert ("Platform", "农产品冷链物流中心") in got


def test_single_word_categories_coordinated_with_he_expand(found):
    assert {("Institution", "科技型企业"), ("Institution", "创新型企业")} <= found(
        "开发适合科技型和创新型企业的金融产品。")


def test_verb_after_a_proposing_verb_opens_its_object(found):
    assert ("Mechanism", "创新评价体系") in found("优化创新评价体系。")


def test_innovation_alone_is_a_real_modifier(found):
    assert ("Institution", "创新联盟") in found("健全创新联盟等对接机制。")


def test_government_bodies_with_their_own_modifier(found):
    got = found("会同市财政局、省科技厅等部门推进。")
    assert {("Institution", "市财政局"), ("Institution", "省科技厅")} <= got


def test_words_that_only_end_like_a_head_are_no_bodies(texts):
    assert texts("优化产业布局，稳定发展格局。") == set()


def test_side_by_side_quoted_modifiers_expand_over_a_bare_head(found):
    got = found("健全“揭榜挂帅”“赛马”制度。")
    assert {("Mechanism", "“揭榜挂帅”制度"), ("Mechanism", "“赛马”制度")} == got


def test_short_bracketed_place_inside_a_name_stays(found):
    assert ("Institution", "西部创新中心（重庆）有限公司") in found("支持西部创新中心（重庆）有限公司发展。")


def test_unknown_verb_before_an_institution_ends_it_unless_next_to_the_head(found):
    assert ("Institution", "普惠型养老机构") in found("支持社会力量举办普惠型养老机构。")


def test_verb_after_a_preposition_opens_a_clause_not_a_name(found):
    assert ("Platform", "孵化器") in found("对入驻孵化器的初创企业给予补贴。")


def test_a_verb_is_no_parallel_modifier(texts):
    assert "扣除企业" not in texts("完善研发费用加计扣除、高新技术企业税收优惠等政策。")


def test_named_universities_but_not_places_around_them(found, texts):
    assert {("Institution", "山城大学"), ("Institution", "江南大学")} <= found("依托山城大学、江南大学等高校建设中试基地。")
    assert texts("在环大学生态圈集聚创业者，鼓励大学生创业。") == set()


def test_determiners_open_the_noun_phrase(found):
    assert ("Platform", "孵化平台") in found("谋划建设一批孵化平台。")
    assert ("Platform", "创新平台") in found("引进落地一批创新平台。")


def test_after_an_adverb_a_verb_is_a_verb(found):
    assert ("Platform", "国家实验室") in found("积极对接国家实验室。")


def test_list_before_deng_and_a_determiner_still_expands(found):
    assert {("Institution", "教育部门"), ("Institution", "财政部门")} <= found("建立跨教育、财政等多部门的协调制度。")


def test_subject_and_its_verb_are_not_part_of_the_object(found):
    got = found("支持保险资金投资创投基金。")
    assert ("Fund", "创投基金") in got and ("Fund", "保险资金") in got


def test_aspect_particles_end_a_phrase(found):
    assert ("Institution", "中小企业") in found("惠及了中小企业。")


def test_a_bare_facility_word_after_a_preposition_is_a_stage(texts, found):
    assert texts("大量成果停留在实验室，难以从实验室走向市场。") == set()
    assert ("Institution", "高校") in found("鼓励企业在高校设立联合实验室。")


def test_an_organisation_name_in_a_coordination_is_not_a_modifier(texts):
    got = texts("由省级财政、市县政府和社会资本共同出资设立产业发展基金。")
    assert not any(t.endswith("财政政府") for t in got)
    assert "市县政府" in got


def test_office_and_consortium_heads_name_institutions(found):
    got = found("支持高校设立技术转移办公室，组建产业创新联合体。")
    assert {("Institution", "技术转移办公室"), ("Institution", "产业创新联合体")} <= got


# --------------------------------------------------------- coverbs, prefixes, scope


def test_proposing_verb_after_a_coverb_object_opens_a_new_verb_phrase(found):
    got = found("依托经开区建设智能制造公共服务中心。")
    assert ("Platform", "智能制造公共服务中心") in got
    assert not any(t.startswith("经开区") for _, t in got)


def test_coverb_object_rule_holds_for_prepositions_and_frames(texts):
    assert "乡村物流配送中心" in texts("在镇街建设乡村物流配送中心。")
    assert "邻里互助服务综合体" in texts("以小区为单元培育邻里互助服务综合体。")
    assert "县域商业服务中心" in texts("围绕县城试点县域商业服务中心。")


def test_a_verb_inside_a_name_without_a_coverb_stays(found):
    assert ("Mechanism", "市区财政支持稳定增长机制") in found("健全市区财政支持稳定增长机制。")


def test_bound_prefixes_stay_with_the_modifier(found):
    assert ("Mechanism", "跨流域横向补偿机制") in found("完善跨流域横向补偿机制。")
    assert ("Fund", "多层级风险缓释资金池") in found("设立多层级风险缓释资金池。")


def test_a_word_opened_by_a_prefix_stays_but_a_determiner_goes(found):
    assert ("Mechanism", "多层次湿地保护体系") in found("构建多层次湿地保护体系。")
    assert ("Institution", "文旅企业") in found("培育多家文旅企业。")


def test_a_prefix_before_a_coordination_scopes_the_whole_list(found):
    got = found("建立跨水利、林业等多部门的会商制度。")
    assert {("Institution", "水利部门"), ("Institution", "林业部门")} <= got


def test_a_fused_preposition_and_level_are_split(found):
    got = found("由市大数据发展局统筹推进。")
    assert ("Institution", "市大数据发展局") in got


def test_a_phrase_governed_by_a_preposition_ends_before_its_predicate(found):
    assert ("Institution", "县农业农村局") in found("由县农业农村局统筹实施。")


def test_bare_heads_in_a_list_of_sectors_are_not_bodies(texts):
    assert texts("统筹银行、证券、期货等资源。") == set()


def test_a_list_of_bodies_before_a_class_keeps_its_members(texts):
    got = texts("引导银行、保险公司等金融机构参与。")
    assert {"银行", "保险公司", "金融机构"} <= got


def test_a_stage_before_a_category_is_not_part_of_its_name(found):
    got = found("重点支持种子期、初创期科技企业。")
    assert ("Institution", "科技企业") in got
    assert not any("期" in t for _, t in got)


def test_an_action_verb_before_a_head_that_needs_a_modifier_belongs_to_the_name(found):
    assert ("Platform", "绿色消费促进中心") in found("共建绿色消费促进中心。")


def test_hospitals_are_institutions(found):
    assert ("Institution", "中医医院") in found("支持中医医院开设康复门诊。")


def test_after_a_coverb_object_a_verb_before_a_head_needing_a_modifier_names_it(found):
    assert ("Platform", "县级畜牧技术推广中心") in found("依托县级畜牧技术推广中心开展培训。")


def test_an_action_verb_before_a_head_that_needs_a_modifier_names_it(found):
    assert ("Mechanism", "湿地价值实现机制") in found("探索湿地价值实现机制试点。")


def test_an_action_verb_before_a_bare_institution_head_stays_the_clause_verb(texts):
    assert not any(t.endswith("推动企业") for t in texts("政府推动企业转型。"))


def test_two_noun_phrases_joined_by_he_stay_apart(found):
    got = found("完善医师执业评价标准和医护人员双向交流机制。")
    assert ("Mechanism", "医护人员双向交流机制") in got
    assert not any(t.startswith("医师") for _, t in got)


def test_short_modifiers_joined_by_he_still_share_the_head(found):
    assert ("Mechanism", "信息采集和共享机制") in found("建立信息采集和共享机制。")


def test_units_and_communities_head_institutions(found):
    got = found("引导重点用能单位加入区域医疗共同体。")
    assert {("Institution", "重点用能单位"), ("Institution", "区域医疗共同体")} <= got


def test_a_stage_stays_before_a_head_that_would_be_bare(found):
    assert ("Institution", "成长期企业") in found("面向成长期企业，拓宽融资渠道。")


def test_stages_coordinated_over_a_bare_head_expand(found):
    got = found("支持初创期、成长期企业融资。")
    assert {("Institution", "初创期企业"), ("Institution", "成长期企业")} <= got


def test_ji_qi_joins_whole_phrases_not_modifiers(texts):
    assert not any(t.startswith("园区") for t in texts("对园区及其运营公司试行长周期考核。"))


def test_a_position_word_after_a_number_belongs_to_the_quantity(found):
    assert ("Institution", "头部证券机构") in found("引进5家以上头部证券机构。")


def test_a_verb_right_after_de_is_inside_the_noun_phrase(extract):
    got = {e.text: e for e in extract("探索建立全域统一的建设用地指标交易平台。").entities}
    assert "建设用地指标交易平台" in got


def test_a_quoted_name_in_a_coordination_is_a_whole_phrase(found):
    got = found("建设一批“智慧卫生院”和“互联网+”健康服务中心。")
    assert ("Institution", "智慧卫生院") in got
    assert ("Platform", "“互联网+”健康服务中心") in got


def test_a_word_hiding_an_institution_head_is_split_for_the_nested_name(found):
    got = found("完善家政服务企业信用评价体系。")
    assert ("Institution", "家政服务企业") in got
    assert ("Mechanism", "家政服务企业信用评价体系") in got


def test_a_verb_right_after_a_determiner_is_attributive(found):
    assert ("Institution", "知名会展服务公司") in found("引进一批知名会展服务公司。")


def test_a_verb_that_is_also_a_head_noun_heads_a_name_when_no_verb_follows(found, texts):
    got = found("支持村级集体经济组织、家庭农场发展。")
    assert {("Institution", "村级集体经济组织"), ("Institution", "家庭农场")} <= got
    assert texts("以竞争方式组织实施重大专项。") == set()


def test_a_verb_after_a_coverb_opens_a_relative_clause(found):
    got = found("为入驻加速器的初创企业减免租金。")
    assert ("Platform", "加速器") in got
    assert not any(t.startswith("入驻") for _, t in got)


def test_a_kept_de_clause_after_a_preposition_keeps_its_own_verb(found):
    assert ("Platform", "获得省级认定的创新平台") in found("对获得省级认定的创新平台给予奖励。")


def test_quoted_modifiers_side_by_side_share_a_modified_head(found):
    got = found("推广“村企共建”和“园区托管”发展模式。")
    assert {("Mechanism", "“村企共建”发展模式"), ("Mechanism", "“园区托管”发展模式")} <= got
    assert not any("和" in t for _, t in got)


def test_the_object_of_a_pivot_verb_is_a_noun_even_before_a_verb(found):
    assert ("Institution", "公益组织") in found("鼓励公益组织设立助学专项基金。")


def test_service_providers_and_medical_consortia_head_institutions(found):
    got = found("培育一批工业软件服务商，推进紧密型城市医联体建设。")
    assert ("Institution", "工业软件服务商") in got
    assert ("Institution", "紧密型城市医联体") in got


def test_short_forms_of_enterprise_kinds_head_institutions(found):
    got = found("鼓励市属国企和民企参与。")
    assert {("Institution", "市属国企"), ("Institution", "民企")} <= got


def test_two_name_verbs_before_a_head_stay_in_the_name(found):
    assert ("Platform", "联合创新中心") in found("支持高校与企业共建联合创新中心。")


def test_a_word_ending_in_a_non_head_word_names_no_body(texts):
    assert texts("生态环境保护事关全局。") == set()


def test_plain_nouns_joined_by_he_still_share_the_head(found):
    got = found("探索建立沿线国家和地区人才交流机制。")
    assert ("Mechanism", "沿线国家和地区人才交流机制") in got


def test_a_counted_list_of_levels_stays_in_the_name(found):
    got = found("健全省、市、县三级林长制工作体系。")
    assert ("Mechanism", "省、市、县三级林长制工作体系") in got


def test_an_uncounted_list_of_nouns_still_ends_the_phrase(texts):
    assert "文化、旅游融合服务平台" not in texts("建设文化、旅游融合服务平台。")


def test_an_action_verb_the_segmenter_reads_as_a_noun_names_the_head(found):
    assert ("Institution", "废旧电池梯次利用企业") in found("培育废旧电池梯次利用企业。")


def test_a_coverb_before_a_head_takes_it_as_its_object(texts):
    assert not any(t.startswith("企业") for t in texts("支持企业利用平台开展培训。"))


def test_integration_sits_inside_names(found):
    assert ("Institution", "光伏系统集成龙头企业") in found("引进一批光伏系统集成龙头企业。")


def test_post_stations_are_platforms(found):
    assert ("Platform", "新就业形态劳动者驿站") in found("建设新就业形态劳动者驿站。")


def test_a_verb_after_a_non_predicate_adjective_is_nominal(found):
    assert ("Institution", "多式联运服务联盟") in found("组建多式联运服务联盟。")


def test_an_action_verb_after_a_verbal_modifier_names_a_head_needing_one(found):
    assert ("Mechanism", "多式联运组织体系") in found("完善多式联运组织体系。")


def test_responsibility_systems_are_mechanisms(found):
    assert ("Mechanism", "安全生产责任制") in found("落实安全生产责任制。")


def test_cooperatives_farms_and_village_clinics_are_institutions_alone(found):
    got = found("支持合作社、农场和村卫生室参与。")
    assert {("Institution", "合作社"), ("Institution", "农场"), ("Institution", "村卫生室")} <= got


def test_verb_object_compound_of_joining_modifies_the_head(found):
    assert ("Platform", "农旅融合发展中心") in found("支持乡镇设立农旅融合发展中心。")


def test_administrative_centre_of_a_body_is_an_institution(found):
    got = found("由区社会保险管理中心负责审核，建设区级物流分拨中心。")
    assert ("Institution", "区社会保险管理中心") in got
    assert ("Platform", "区级物流分拨中心") in got


def test_institution_and_centre_coordinated_with_he_stay_apart(found):
    got = found("鼓励政策性银行和医疗保障管理中心合作。")
    assert {("Institution", "政策性银行"), ("Institution", "医疗保障管理中心")} <= got
    assert not any("和" in text for _, text in got)


def test_facility_noun_and_centre_coordinated_with_he_stay_apart(found):
    got = found("建设冷藏库和配送中心。")
    assert ("Platform", "配送中心") in got
    assert ("Platform", "冷藏库和配送中心") not in got


def test_exchange_is_a_head(found):
    assert ("Platform", "西部排污权交易所") in found("支持西部排污权交易所开展业务。")


def test_organisation_before_a_verb_is_a_noun(found):
    assert ("Institution", "公益组织") in found("鼓励公益组织参与社区治理。")
    assert ("Institution", "行业组织") in found("行业组织制定自律公约。")


def test_organisation_governing_a_serial_verb_is_a_verb(found):
    assert not any(text.endswith("组织") for _, text in found("以集中方式组织开展培训。"))


def test_standalone_ban_is_an_office_but_verbs_ending_in_it_are_not(found):
    got = found("由市乡村振兴办牵头建立问题督办机制。")
    assert ("Institution", "市乡村振兴办") in got
    assert ("Mechanism", "问题督办机制") in got


def test_verb_before_a_named_meeting_opens_no_institution(found):
    assert ("Institution", "国有企业") in found("每季度召开国有企业座谈会。")


def test_item_number_in_brackets_is_no_part_of_a_name(found):
    got = found("　（三）拓宽科技企业融资渠道。")
    assert ("Institution", "科技企业") in got


def test_verbs_run_straight_to_the_head_name_the_arrangement(found):
    assert ("Mechanism", "海关监管单位联合执法机制") in found("建立海关监管单位联合执法机制。")


def test_bound_prefix_she_stays_on_an_institution(found):
    assert ("Institution", "涉外公证机构") in found("培育涉外公证机构。")


def test_fuze_after_an_operator_is_its_verb_not_part_of_the_platform(found):
    got = found("由区文化馆负责非遗展示平台的日常管理。")
    assert ("Platform", "非遗展示平台") in got
    assert not any("负责" in text for _, text in got)


def test_operator_before_a_verb_read_as_a_noun_keeps_its_level(found):
    got = found("由区青年创业协会运营青年人才驿站。")
    assert ("Institution", "区青年创业协会") in got
    assert ("Platform", "青年人才驿站") in got


def test_proposing_verb_after_the_object_of_a_clause_verb_opens_a_new_phrase(found):
    got = found("鼓励街道建设社区托育实训基地。")
    assert ("Platform", "社区托育实训基地") in got
    assert not any(text.startswith("街道") for _, text in got)


def test_attributive_chipai_stays_on_an_institution(found):
    assert ("Institution", "持牌消费金融公司") in found("引导持牌消费金融公司规范经营。")


def test_administrative_guidance_centre_is_an_institution(found):
    assert ("Institution", "县社会救助指导中心") in found("由县社会救助指导中心统筹。")


def test_jiguan_heads_an_institution(found):
    assert ("Institution", "司法行政机关") in found("推动司法行政机关加强指导。")


def test_a_service_team_is_an_institution(found):
    assert ("Institution", "“乡村医生”巡回服务队") in found("组建“乡村医生”巡回服务队。")


def test_kexie_is_a_body_with_its_level(found):
    assert ("Institution", "县科协") in found("由县科协组织开展评选。")


def test_bare_yiyuan_is_an_institution_category(found):
    got = found("推动社区卫生机构和医院共享检查结果。")
    assert ("Institution", "医院") in got


def test_listed_nouns_of_one_kind_modify_the_head_together(found):
    got = found("完善用能权、排污权交易机制。")
    assert ("Mechanism", "用能权、排污权交易机制") in got
    assert ("Mechanism", "排污权交易机制") not in got


def test_a_listed_object_of_another_kind_is_not_a_modifier(found):
    got = found("引进人才、技术转移机制。")
    assert ("Mechanism", "技术转移机制") in got


def test_zuzhi_between_nouns_is_the_noun_inside_a_longer_name(found):
    got = found("完善行业组织信用评价制度。")
    assert ("Mechanism", "行业组织信用评价制度") in got
    assert ("Institution", "行业组织") in got


def test_zuzhi_after_a_body_stays_its_verb(found):
    got = found("支持市科协组织专家评审机制。")
    assert ("Mechanism", "专家评审机制") in got
    assert not any(text.endswith("组织") for _, text in got)


def test_an_institution_and_a_platform_with_its_own_modifiers_are_two_objects(found):
    got = found("依托职业院校和社区技能培训中心开展培训。")
    assert {("Institution", "职业院校"), ("Platform", "社区技能培训中心")} <= got
    assert not any("和" in text for _, text in got)


def test_a_list_of_type_qualifiers_before_a_named_category_is_trimmed(found):
    got = found("支持创新型、成长型中小企业融资。")
    assert ("Institution", "中小企业") in got
    assert not any("型" in text for _, text in got)


def test_verbal_noun_inside_a_mechanism_name_is_nominal(found):
    got = found("建立小微企业贷款需求台账制度。")
    assert ("Mechanism", "小微企业贷款需求台账制度") in got
    assert ("Institution", "小微企业") in got


def test_operator_after_a_coverb_still_ends_at_its_verb(found):
    got = found("由区物业管理协会运营社区调解服务中心。")
    assert ("Platform", "社区调解服务中心") in got
    assert ("Institution", "区物业管理协会") in got


def test_made_up_word_opening_with_a_preposition_is_split(found):
    got = found("引导存量仓储中心向冷链物流中心转型。")
    assert ("Platform", "冷链物流中心") in got
    assert ("Platform", "存量仓储中心") in got


def test_abbreviated_place_opening_with_a_preposition_stays_whole(found):
    assert ("Platform", "跨境电商服务中心") in found("依托经开区建设跨境电商服务中心。")


def test_a_head_followed_by_a_word_maker_is_no_head(texts):
    assert texts("部分乡镇快递服务站点闲置。") == set()


def test_heads_of_task_forces_stations_public_bodies_and_abbreviated_firms(found):
    got = found("由县农业农村委牵头组建种业振兴工作专班，建设乡镇农机服务站，"
                "支持市图书馆与区电视台开展合作，鼓励骨干房企转型。")
    assert {("Institution", "种业振兴工作专班"), ("Platform", "乡镇农机服务站"),
            ("Institution", "市图书馆"), ("Institution", "区电视台"),
            ("Institution", "骨干房企")} <= got


def test_a_school_named_as_an_education_centre_is_an_institution(found):
    assert ("Institution", "区职业教育中心") in found("支持区职业教育中心开设护理专业。")


def test_qualifiers_coordinated_before_a_fused_category_each_take_its_head(found):
    got = found("引导出口型、创新型企业开拓市场。")
    assert {("Institution", "出口型企业"), ("Institution", "创新型企业")} <= got


def test_a_noun_listed_before_a_category_is_no_shared_modifier(found):
    got = found("支持人才、中小企业落户。")
    assert ("Institution", "中小企业") in got
    assert ("Institution", "人才企业") not in got


def test_side_by_side_quoted_modifiers_share_a_longer_rest(found):
    got = found("推广“文化+康养”“文化+体育”联动发展模式。")
    assert {("Mechanism", "“文化+康养”联动发展模式"),
            ("Mechanism", "“文化+体育”联动发展模式")} <= got
    assert ("Mechanism", "“文化+康养”“文化+体育”联动发展模式") not in got


def test_institution_before_a_head_of_another_type_is_nested(found):
    got = found("建立专精特新企业培育库。")
    assert {("Platform", "专精特新企业培育库"), ("Institution", "专精特新企业")} <= got


def test_institution_heads_in_a_row_stay_one_compound(found):
    got = found("推动农业高校科研院所联合攻关。")
    assert ("Institution", "农业高校科研院所") in got
    assert ("Institution", "农业高校") not in got


def test_kindergartens_federations_and_residents_committees_are_bodies(found):
    got = found("鼓励公办幼儿园开设托班，发挥区妇联和社区居委会作用。")
    assert {("Institution", "公办幼儿园"), ("Institution", "区妇联"),
            ("Institution", "社区居委会")} <= got


def test_a_verb_tagged_modifier_in_a_conjunct_built_like_the_one_before(found):
    got = found("支持生产企业和配送企业合作。")
    assert {("Institution", "生产企业"), ("Institution", "配送企业")} <= got


def test_firms_of_professionals_are_bodies(found):
    assert ("Institution", "专利代理事务所") in found("鼓励专利代理事务所发展。")


def test_ban_closing_a_quoted_slogan_is_no_office(found):
    got = found("推行“就近办”“马上办”，由区营商办牵头。")
    assert got == {("Institution", "区营商办")}


def test_adverbs_of_manner_and_time_open_no_name(texts):
    assert texts("定期组织志愿者开展服务。") == set()
    assert "民营医院" in texts("推动依法保护民营医院权益。")


def test_she_words_are_bound_prefixes_of_a_category(found):
    got = found("建立涉税企业信用修复机制。")
    assert {("Institution", "涉税企业"), ("Mechanism", "涉税企业信用修复机制")} <= got


def test_schools_courts_and_health_centres_are_bodies(found):
    got = found("依托区精神卫生中心，支持职业学校和区妇幼保健院合作，推动中小学参与，"
                "设立知识产权法庭。")
    assert {("Institution", "区精神卫生中心"), ("Institution", "职业学校"),
            ("Institution", "区妇幼保健院"), ("Institution", "中小学"),
            ("Institution", "知识产权法庭")} <= got


def test_action_verbs_coordinated_before_a_bare_head_name_it_together(found):
    got = found("完善学位论文抽检和复核制度。")
    assert ("Mechanism", "学位论文抽检和复核制度") in got


def test_a_number_measuring_a_noun_stays_but_a_count_goes(found):
    got = found("建设24小时自助政务服务平台，新建3个便民服务中心。")
    assert ("Platform", "24小时自助政务服务平台") in got
    assert ("Platform", "便民服务中心") in got


def test_unlisted_verb_opening_a_clause_modifies_its_subject(found):
    assert ("Institution", "养殖设施运营企业") in found("目前，养殖设施运营企业普遍亏损。")
    assert ("Institution", "养老机构") in found("鼓励社会力量举办养老机构。")


def test_nurseries_stations_and_organisation_departments(found):
    got = found("建设国家果树资源圃，由县水利管理站负责，由市人社局会同组织部门推进。")
    assert {("Platform", "国家果树资源圃"), ("Institution", "县水利管理站"),
            ("Institution", "组织部门")} <= got


def test_a_head_that_runs_into_a_phrase_heading_noun_is_no_head(texts):
    assert texts("组建应急救援服务队伍。") == set()


def test_verbs_jieba_reads_as_nouns_open_no_name(found, texts):
    assert texts("压实企业属地管理责任。") == set()
    assert ("Institution", "小额贷款公司") in found("规范发展小额贷款公司。")


def test_a_facility_before_a_verb_is_the_verbs_object_inside_a_name(found):
    assert ("Fund", "冷库建设专项基金") in found("设立冷库建设专项基金。")


def test_coverb_objects_listed_with_deng_or_he_end_before_the_verb(found):
    got = found("在东盟、中亚等重点市场建设物流分拨中心，"
                "依托大学科技园和众创空间建设青年创业孵化基地。")
    assert {("Platform", "物流分拨中心"), ("Platform", "青年创业孵化基地")} <= got
    assert not any("市场建设" in text or "空间建设" in text for _, text in got)


def test_overseas_warehouses_are_platforms_and_parks_head_their_own_phrase(found):
    got = found("支持外贸企业布局海外仓，建设物流产业园和冷链物流配送中心。")
    assert {("Platform", "海外仓"), ("Platform", "冷链物流配送中心")} <= got
    assert ("Platform", "物流产业园和冷链物流配送中心") not in got


def test_production_and_breeding_systems_are_no_mechanisms(texts):
    assert texts("健全现代种植体系和良种育种体系。") == set()


def test_heritage_site_designations_and_city_titles_name_no_body(texts):
    assert texts("公布一批市级文物保护单位，建设区域中心城市。") == set()


def test_museums_memorial_halls_relic_offices_and_shops_are_bodies(found):
    got = found("支持纪念馆与区文物管理所合作，鼓励免税店和品牌商店参与。")
    assert {("Institution", "纪念馆"), ("Institution", "区文物管理所"),
            ("Institution", "免税店"), ("Institution", "品牌商店")} <= got


def test_reserve_pools_and_storehouses_are_platforms(found):
    got = found("建立重大项目储备库，建设文物标本库房。")
    assert {("Platform", "重大项目储备库"), ("Platform", "文物标本库房")} <= got


def test_an_action_verb_after_the_noun_it_acts_on_names_the_vehicle(found):
    assert ("Fund", "就业促进专项资金") in found("设立就业促进专项资金。")


def test_a_listed_verb_read_as_a_noun_between_nouns_stays_inside(found):
    assert ("Institution", "湿地保护利用专家委员会") in found("组建湿地保护利用专家委员会。")


def test_a_noun_fused_with_a_preposition_after_it_is_split(found):
    got = found("依托区投资促进局在重点城市设立招商办事处。")
    assert {("Institution", "区投资促进局"), ("Institution", "招商办事处")} <= got


def test_a_classifier_with_no_number_before_it_stays(found):
    assert ("Platform", "名师工作室") in found("建设名师工作室。")
    assert ("Platform", "技能大师工作室") in found("新建3名技能大师工作室。")


def test_community_health_centres_are_bodies_and_their_tcm_halls_platforms(found):
    got = found("推动街道社区卫生服务中心设置中医馆，支持外资企业设立地区总部，"
                "建设国际人才服务港。")
    assert {("Institution", "街道社区卫生服务中心"), ("Platform", "中医馆"),
            ("Institution", "地区总部"), ("Platform", "国际人才服务港")} <= got


def test_a_phrase_heading_noun_alone_before_he_is_its_own_conjunct(found):
    got = found("完善园区配套设施和公共实训中心。")
    assert ("Platform", "公共实训中心") in got
    assert ("Platform", "设施和公共实训中心") not in got


def test_a_mechanism_named_by_the_clause_it_regulates_keeps_its_preposition(found):
    assert ("Mechanism", "以社会保障卡发放补贴制度") in found("建立以社会保障卡发放补贴制度。")
    got = found("完善科技成果向中小企业转移激励机制。")
    assert ("Mechanism", "科技成果向中小企业转移激励机制") in got


def test_a_clause_with_an_an_phrase_names_the_mechanism_it_regulates(found):
    assert ("Mechanism", "按人口规模配置社区工作者制度") in found("落实按人口规模配置社区工作者制度。")


def test_service_points_are_platforms_and_canteens_head_their_own_phrase(found):
    got = found("建成社区老年食堂和助餐点，依托村级互助养老点开展服务，支持国有林场转型。")
    assert {("Platform", "助餐点"), ("Platform", "村级互助养老点"),
            ("Institution", "国有林场")} <= got
    assert not any("食堂" in text for _, text in got)


def test_employment_and_carbon_sinks_stay_inside_names(found):
    got = found("培育一批残疾人就业示范企业，组建林业碳汇产业联盟，健全可持续运营机制。")
    assert {("Institution", "残疾人就业示范企业"), ("Institution", "林业碳汇产业联盟"),
            ("Mechanism", "可持续运营机制")} <= got


def test_a_body_inside_a_phrase_that_names_no_entity_keeps_its_level(found):
    got = found("推动县级医院医生下沉到乡镇。")
    assert ("Institution", "县级医院") in got
    assert ("Institution", "医院") not in got


def test_response_centres_are_agencies_and_digital_government_is_no_body(found):
    got = found("组建区级网络安全应急响应中心，设立数字政府建设专项资金。")
    assert ("Institution", "区级网络安全应急响应中心") in got
    assert not any(text == "数字政府" for _, text in got)


def test_number_before_a_distinguishing_adjective_is_a_designation(found):
    # no classifier: 96111 names the line, it counts nothing
    assert ("Platform", "96111公共就业服务热线平台") in found("建设96111公共就业服务热线平台。")


def test_mass_organisations_and_grassroots_offices_are_bodies(found):
    got = found("推动人民调解委员会与工会、残联对接，在街道司法所和基层法律服务所设立调解室。")
    assert {("Institution", "工会"), ("Institution", "残联"), ("Institution", "街道司法所"),
            ("Institution", "基层法律服务所")} <= got


def test_sector_system_is_no_mechanism(found):
    got = found("构建清洁低碳的能源体系，建立能源价格监测机制。")
    assert "能源体系" not in {t for _, t in got}
    assert ("Mechanism", "能源价格监测机制") in got


def test_noun_and_proposing_verb_before_a_bare_head_name_the_mechanism(found):
    got = found("完善土地价格形成机制，推动企业形成合作机制。")
    assert ("Mechanism", "土地价格形成机制") in got
    assert ("Mechanism", "合作机制") in got  # after a body the verb stays its verb


def test_bare_level_stays_with_a_body_no_larger_name_follows(found):
    assert ("Institution", "区律师协会") in found("发挥区律师协会行业自律作用。")
    # the adjective level still scopes a phrase with no head of its own
    assert ("Institution", "中小企业") in found("培育市级中小企业特色产业集群。")


def test_regulating_verb_opens_no_body_name(found):
    assert ("Institution", "民办培训机构") in found("规范民办培训机构收费行为。")


def test_second_of_two_coordinated_verbs_is_no_modifier(found):
    got = found("设立并运营区级文旅产业基金，组建和管理县域农业担保平台。")
    assert ("Fund", "区级文旅产业基金") in got
    assert ("Platform", "县域农业担保平台") in got


def test_second_verb_phrase_of_two_verbs_is_cut(found):
    assert ("Fund", "海洋经济发展基金") in found("研究设立和规范运行海洋经济发展基金。")


def test_operating_verb_after_a_proposing_verb_is_cut(found):
    assert ("Platform", "跨境电商综合服务中心") in found("建设运营跨境电商综合服务中心。")


def test_verb_before_a_verb_or_a_bare_head_stays_a_modifier(found):
    got = found("建立并完善运行评估机制，建立和完善运行机制。")
    assert ("Mechanism", "运行评估机制") in got
    assert ("Mechanism", "运行机制") in got


def test_coordinated_verbs_share_the_proposing_relation(extract):
    record = extract("组建和运营市级种业投资基金。")
    fund = next(e for e in record.entities if e.text == "市级种业投资基金")
    assert (fund.relation, fund.action) == ("PROPOSES", "组建")


def test_constraining_verb_tagged_a_noun_is_the_predicate(found):
    got = found("用工成本高问题制约小微企业扩大生产，公共平台支撑企业出海。")
    assert ("Institution", "小微企业") in got
    assert not any("制约" in text or "支撑" in text for _, text in got)


def test_constraining_verb_stays_inside_a_mechanism(found):
    assert ("Mechanism", "监督制约机制") in found("健全监督制约机制。")


def test_serving_verb_opening_a_clause_or_after_a_coverb_object_is_the_predicate(found):
    got = found("强化用地保障，服务外贸企业发展；以数字化方式赋能纺织企业。")
    assert ("Institution", "外贸企业") in got
    assert ("Institution", "纺织企业") in got
    assert not any(text.startswith(("服务", "方式")) for _, text in got)


def test_serving_verb_after_a_plain_noun_stays_in_the_name(found):
    got = found("培育科技服务企业，发挥住房保障部门作用，依托家政服务企业开展培训。")
    assert {("Institution", "科技服务企业"), ("Institution", "住房保障部门"),
            ("Institution", "家政服务企业")} <= got


def test_parties_in_a_quoted_plus_list_are_institutions(found):
    got = found("推广“政府+保险公司+农户”风险共担模式和“高校+龙头企业+合作社”联合体模式。")
    assert {("Institution", "政府"), ("Institution", "保险公司"), ("Institution", "高校"),
            ("Institution", "龙头企业")} <= got
    assert not any(text == "农户" for _, text in got)


def test_components_of_a_quoted_plus_list_are_no_entities(texts):
    got = texts("探索“孵化平台+产业基金”培育模式，推广“企业+基地”合作模式。")
    assert "孵化平台" not in got and "产业基金" not in got
    assert "企业" not in got  # a bare party stays out


def test_a_number_with_its_classifier_fused_counts(found):
    got = found("每个区县至少建设一家区级老年病诊疗中心，支持不少基层医疗机构转型。")
    assert ("Platform", "区级老年病诊疗中心") in got
    assert ("Institution", "基层医疗机构") in got


def test_a_prefix_word_before_a_verb_modifier_stays(found):
    assert ("Mechanism", "多渠道筹资模式") in found("探索由政府和个人共同分担的多渠道筹资模式。")


def test_a_level_opens_the_noun_phrase_after_a_verb(found):
    got = found("推动银行和保险机构共建共享县级普惠金融服务站，在有条件的乡镇建设镇级养老服务中心。")
    assert ("Platform", "县级普惠金融服务站") in got
    assert ("Platform", "镇级养老服务中心") in got


def test_verbs_running_to_an_institution_head_name_what_it_does(found):
    got = found("支持家电回收拆解企业和“商超+回收企业+再生企业”合作模式，建立回收利用企业名录制度。")
    assert {("Institution", "家电回收拆解企业"), ("Institution", "回收企业"),
            ("Institution", "回收利用企业")} <= got


def test_a_conjunct_built_like_the_one_before_keeps_its_opening_verb(found):
    got = found("引导家电生产企业、报废汽车回收企业参与。")
    assert ("Institution", "报废汽车回收企业") in got


def test_verbal_modifiers_sharing_their_last_word_coordinate_over_an_institution(found):
    assert ("Institution", "清洁生产和绿色生产示范企业") in found("培育一批清洁生产和绿色生产示范企业。")


def test_a_two_character_adverb_and_its_verb_name_a_mechanism(found):
    got = found("建立区域联合执法机制，全面放开中心城区落户限制。")
    assert ("Mechanism", "区域联合执法机制") in got or ("Mechanism", "联合执法机制") in got
    assert not any(text.endswith("放开中心") for _, text in got)
    assert ("Mechanism", "城乡共同配送机制") in found("完善城乡共同配送机制。")


def test_urging_verb_opens_no_body_name(found):
    got = found("督促电商平台企业落实主体责任。")
    assert ("Institution", "电商平台企业") in got
    assert not any(text.startswith("督促") for _, text in got)


def test_school_and_medical_centre_heads(found):
    got = found("推动城市优质初中与乡村小学结对，依托国家老年医学中心开展研究，推广“名校+新校”办学模式。")
    assert {("Institution", "城市优质初中"), ("Institution", "乡村小学"),
            ("Institution", "国家老年医学中心"), ("Institution", "名校")} <= got


def test_commercial_and_logistics_systems_are_no_mechanisms(texts):
    got = texts("完善城乡商业体系和冷链物流体系，健全商贸流通统计监测体系。")
    assert "城乡商业体系" not in got and "冷链物流体系" not in got
    assert "商贸流通统计监测体系" in got


def test_continuing_education_is_one_noun(found):
    assert ("Mechanism", "教师继续教育学分管理制度") in found("完善教师继续教育学分管理制度。")


def test_bare_government_listed_with_a_named_body_is_a_party(extract):
    record = extract("探索政府、商业保险公司和农户共担的农业风险分担机制。")
    by_text = {e.text: e for e in record.entities}
    assert {"政府", "商业保险公司", "农业风险分担机制"} <= set(by_text)
    assert by_text["政府"].relation == "MENTIONS"  # the subject of the 的-clause, no object
    assert by_text["农业风险分担机制"].relation == "PROPOSES"


def test_bare_government_with_no_named_body_beside_it_stays_out(texts):
    assert "政府" not in texts("引导政府、企业共同参与社区治理。")


def test_joint_consultation_is_no_federation(found):
    got = found("建立森林火灾联合会商研判机制。")
    assert ("Mechanism", "森林火灾联合会商研判机制") in got
    assert not any(text.endswith("联合会") for _, text in got)


def test_a_category_suffix_keeps_the_verb_before_it(found):
    assert ("Institution", "养老类社会组织") in found("培育一批养老类社会组织。")
    assert ("Institution", "托管类社会组织") in found("培育一批托管类社会组织。")


def test_a_unit_after_a_body_leaves_the_body_nested(found):
    got = found("推动职业院校图书馆向社会开放，支持高校研究院参与。")
    assert {("Institution", "职业院校"), ("Institution", "职业院校图书馆"),
            ("Institution", "高校"), ("Institution", "高校研究院")} <= got


def test_cultural_stations_bookshops_and_coffee_shops_are_bodies(found):
    got = found("支持村级综合文化站与实体书店、连锁咖啡馆合作。")
    assert {("Institution", "村级综合文化站"), ("Institution", "实体书店"),
            ("Institution", "连锁咖啡馆")} <= got


def test_a_verb_after_a_level_and_its_nouns_stays_in_a_body_name(found):
    got = found("组建区级食品安全风险监测评估中心，引导社会力量举办养老机构。")
    assert ("Institution", "区级食品安全风险监测评估中心") in got or \
        ("Platform", "区级食品安全风险监测评估中心") in got
    assert ("Institution", "养老机构") in got  # no level: the verb keeps its subject


def test_a_body_whose_branch_follows_keeps_its_scope(found):
    got = found("推动国家税务总局四川省税务局与农业发展银行四川省分行合作。")
    assert ("Institution", "国家税务总局") in got
    assert ("Institution", "国家税务总局四川省税务局") in got


def test_abbreviated_banks_and_schools_are_bodies(found):
    got = found("鼓励城商行和农商行开发信贷产品，依托县农广校开展培训。")
    assert {("Institution", "城商行"), ("Institution", "农商行"), ("Institution", "县农广校")} <= got


def test_more_body_and_station_heads(found):
    got = found("由成都海关会同区侨联、市慈善总会支持社区诊所、连锁药店和小区业委会参与，"
                "发挥园区管委会和抗旱指挥部作用，建设水质自动监测站和基层立法联络站。")
    assert {("Institution", "成都海关"), ("Institution", "区侨联"), ("Institution", "市慈善总会"),
            ("Institution", "社区诊所"), ("Institution", "连锁药店"), ("Institution", "小区业委会"),
            ("Institution", "园区管委会"), ("Institution", "抗旱指挥部"),
            ("Platform", "水质自动监测站"), ("Platform", "基层立法联络站")} <= got


def test_a_body_opening_a_word_of_its_work_is_not_split_off(found):
    got = found("建立海关监管信息共享机制。")  # 海关监管 is one word: no body split off
    assert ("Mechanism", "海关监管信息共享机制") in got


def test_a_list_joined_to_a_noun_names_the_parties_of_one_arrangement(found):
    got = found("建立机场与高铁、地铁换乘衔接机制，引进人才、技术转移机制。")
    assert ("Mechanism", "机场与高铁、地铁换乘衔接机制") in got
    assert ("Mechanism", "技术转移机制") in got  # a bare list of separate objects


def test_chambers_of_commerce_are_a_category_and_transport_systems_no_mechanism(texts):
    got = texts("发挥商会作用，完善货运集疏运体系和综合运输体系。")
    assert "商会" in got
    assert "货运集疏运体系" not in got and "综合运输体系" not in got


def test_prepared_dishes_is_one_noun(found):
    assert ("Institution", "预制菜加工企业") in found("培育预制菜加工企业。")


def test_an_action_verb_tagged_an_adjective_modifies_a_bare_head(found):
    assert ("Mechanism", "配套机制") in found("健全配套机制。")


def test_a_verb_opening_a_body_joined_to_a_body_is_attributive(found):
    got = found("推动证券公司与支付机构合作。")
    assert {("Institution", "证券公司"), ("Institution", "支付机构")} <= got


def test_parties_listed_before_an_arrangement_stay_in_its_name(found):
    got = found("健全家庭、学校和社区协同育人机制，构建党委、政府、企业、社会“四位一体”安全生产责任体系。")
    assert ("Mechanism", "家庭、学校和社区协同育人机制") in got
    assert ("Mechanism", "党委、政府、企业、社会“四位一体”安全生产责任体系") in got
    assert ("Institution", "政府") in got  # a party to the arrangement


def test_a_verb_after_a_coverb_object_ending_in_a_phrase_noun_opens_no_name(found):
    got = found("鼓励专业机构以政府购买服务方式运营街道养老服务综合体。")
    assert ("Platform", "街道养老服务综合体") in got


def test_a_clause_opening_verb_before_a_full_body_name_is_its_verb(found):
    got = found("坚持集约利用，盘活高校闲置实验用房。")
    assert ("Institution", "高校") in got
    assert not any(text.startswith("盘活") for _, text in got)


def test_a_body_ending_a_coverb_object_makes_the_verb_after_it_a_verb(found):
    got = found("依托区文化馆建设基地，依托县级农业技术推广中心开展培训。")
    assert ("Institution", "区文化馆") in got
    assert not any(text.endswith("建设基地") for _, text in got)
    assert ("Platform", "县级农业技术推广中心") in got


def test_cyberspace_offices_and_youth_palaces_are_bodies(found):
    got = found("由区委网信办会同区青少年宫开展培训。")
    assert {("Institution", "区委网信办"), ("Institution", "区青少年宫")} <= got


def test_a_verb_before_a_body_head_ending_the_phrase_names_what_it_does(found):
    got = found("组建全市非遗文创研发联盟，将安全生产情况纳入企业信用评价体系。")
    assert ("Institution", "非遗文创研发联盟") in got
    assert not any(text.endswith("纳入企业") for _, text in got)


def test_time_adverbials_and_majority_words_open_no_name(found):
    got = found("近年来科技馆参观人数增长，但多数科技馆展品更新慢。")
    assert ("Institution", "科技馆") in got
    assert not any(text.startswith(("近年来", "多数")) for _, text in got)


def test_bound_prefix_shi_keeps_the_word_it_forms_in_the_name(found):
    assert ("Institution", "适农化生产企业") in found("鼓励适农化生产企业与科研院所合作。")
    assert ("Platform", "适老化改造服务中心") in found("支持适老化改造服务中心建设。")
    assert ("Institution", "适农化改造企业") in found("为农村消费者和适农化改造企业提供服务。")


def test_a_joining_compound_keeps_the_nominal_verbs_after_it_in_the_name(found):
    assert ("Mechanism", "医养结合保障机制") in found("完善医养结合保障机制。")
    assert ("Mechanism", "产教融合支付结算体系") in found("推动产教融合支付结算体系。")
    assert ("Mechanism", "医养结合支付保障机制") in found("完善医养结合支付保障机制。")


def test_a_joining_verb_after_a_body_stays_its_verb(texts):
    assert "企业结合实际管理制度" not in texts("推动企业结合实际建立管理制度。")


def test_rooms_and_stations_coordinated_by_huo_are_facilities(found):
    got = found("鼓励乡镇卫生院在敬老院内设立医务室或护理站。")
    assert {("Platform", "医务室"), ("Platform", "护理站")} <= got
    got = found("在社区设立调解室或者便民服务站。")
    assert {("Platform", "调解室"), ("Platform", "便民服务站")} <= got


def test_a_bare_category_after_a_rank_threshold_of_it_is_the_same_entity(texts):
    got = texts("支持三级以上医院与社区卫生服务中心合作。打通医院、社区卫生服务中心和家庭的数据。")
    assert "三级以上医院" in got and "医院" not in got


def test_a_level_without_a_threshold_still_contrasts():
    assert not is_coreferent("医院", "二级医院", "Institution")


def test_a_deverbal_noun_after_a_head_is_outside_the_entity(found):
    assert ("Platform", "工业互联网平台") in found("推进工业互联网平台规模化应用。")
    assert ("Platform", "产业创新平台") in found("加强产业创新平台建设。")
    assert ("Fund", "科技成果转化基金") in found("推动科技成果转化基金规范运营。")
    assert ("Platform", "数字农业服务中心") in found("促进数字农业服务中心推广。")


def test_one_word_domains_share_a_body_head_the_segmenter_fused(found):
    got = found("推动税务、金融监管部门共享数据。")
    assert {("Institution", "税务部门"), ("Institution", "金融监管部门")} <= got
    got = found("由公安、卫生健康部门牵头。")
    assert {("Institution", "公安部门"), ("Institution", "卫生健康部门")} <= got


def test_a_body_listed_before_a_body_head_is_not_expanded(texts):
    assert "企业部门" not in texts("支持企业、行业主管部门合作。")


def test_a_room_before_a_station_is_a_phrase_of_its_own(found):
    got = found("鼓励社区设立老年人活动室或者健康服务站。")
    assert ("Platform", "健康服务站") in got
    assert not any("或者" in text for _, text in got)


def test_policy_domains_written_as_verbs_or_abbreviations_share_a_body_head(found):
    got = found("由发展改革、财政部门负责。")
    assert {("Institution", "发展改革部门"), ("Institution", "财政部门")} <= got
    got = found("推动住建、生态环境部门联合执法。")
    assert {("Institution", "住建部门"), ("Institution", "生态环境部门")} <= got
    got = found("由教育、人力社保部门牵头。")
    assert {("Institution", "教育部门"), ("Institution", "人力社保部门")} <= got
