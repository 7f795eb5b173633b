"""A form written as a notice's outline of targets (parsers/outline.py)."""
from __future__ import annotations

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from jixiao.parsers.outline import labelled_item, read_outline, split_items
from jixiao.parsers.rows import document_rows

NOTICE = """标 题: | 同心县2025年设施农业技术培训项目绩效目标设定 |
根据精神,安排培训资金30万元。项目总体绩效目标:提高种植人员技术和管理水平。促进种植户增收。现将具体绩效目标设定如下:
一、产出指标
(一)数量指标
设施温棚种植人员(县内培训)≧300人;
(三)时效指标
完成时限,2025年10月底前;
二、效益指标
(一)经济效益指标
带动村集体及种植户增收致富,增加;
生态修复功能提高。
三、满意度指标
参训学员满意度≥95%。
附件:同心县2025年设施农业技术培训项目绩效目标表
同心县农业农村局
2025年4月26日
"""


def test_a_notice_outline_reads_as_a_project_target_form():
    forms = parse_document(text_to_document(NOTICE))
    assert len(forms) == 1
    f = forms[0]
    assert (f.form_type, f.project, f.department, f.year) == \
        ("project_target", "同心县2025年设施农业技术培训项目", "同心县农业农村局", 2025)
    assert [(g.kind, g.text) for g in f.goals] == [("annual", "提高种植人员技术和管理水平。促进种植户增收。")]
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in f.indicators] == [
        ("产出指标", "数量指标", "设施温棚种植人员(县内培训)", "≧300人"),
        ("产出指标", "时效指标", "完成时限", "2025年10月底前"),
        ("效益指标", "经济效益指标", "带动村集体及种植户增收致富", "增加"),
        ("满意度指标", None, "参训学员满意度", "≥95%"),  # a new 一级 opens with no 二级
    ]
    assert any(c.role == "unread" and c.text == "生态修复功能提高" for c in f.cells)  # no target: reported


def test_items_split_at_their_comparisons_not_at_a_hints():
    assert split_items("产值(≥**万元)≥80万元,促使增加收入(≥**万元)≥80万元") == (
        [("产值(≥**万元)", "≥80万元"), ("促使增加收入(≥**万元)", "≥80万元")], [])
    assert split_items("补助成本(≤**元/株)≤28.40/株") == ([("补助成本(≤**元/株)", "≤28.40/株")], [])
    assert split_items("生态修复功能提高") == ([], ["生态修复功能提高"])


def test_prose_without_an_outline_of_levels_is_no_form():
    text = "关于某项目绩效目标设定的公示\n一、项目概况\n本项目建设道路10公里。\n二、资金安排\n安排资金30万元。\n"
    assert parse_document(text_to_document(text)) == []


def test_numbers_right_after_a_names_words_open_its_target_but_not_a_number_inside_a_name():
    assert split_items("资助标准100%达标,资助经费到位率100%达标") == (
        [("资助标准", "100%达标"), ("资助经费到位率", "100%达标")], [])
    assert split_items("资助建档立卡贫困子女1966人") == ([("资助建档立卡贫困子女", "1966人")], [])
    assert split_items("森林火灾6小时内扑灭率≥95%") == ([("森林火灾6小时内扑灭率", "≥95%")], [])


def test_an_outline_under_a_bracketed_numbering_with_its_unit_as_a_section():
    text = ("某学院项目情况公告公示\n六、实施单位及责任人\n昌吉职业技术学院 张三\n七、绩效目标\n总体目标:按标准发放助学金。\n"
            "(一)产出指标\n1、数量指标:资助贫困子女1966人。\n2、成本指标:平均每生每年3300元。\n(二)效益指标\n"
            "1、社会效益指标:学生满意度≥95%。\n")
    forms = parse_document(text_to_document(text))
    assert [(f.department, [g.text for g in f.goals]) for f in forms] == [("昌吉职业技术学院", ["按标准发放助学金。"])]
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in forms[0].indicators] == [
        ("产出指标", "数量指标", "资助贫困子女", "1966人"), ("产出指标", "成本指标", "平均每生每年", "3300元"),
        ("效益指标", "社会效益指标", "学生满意度", "≥95%")]


def test_a_table_row_naming_a_level_and_listing_its_items_reads_as_indicators():
    text = ("项目名称 | 全市文物保护专项经费 | 预算金额 | 36万元 |\n实施单位 | 市文化和旅游局 | 主管部门 | 市文化和旅游局 |\n"
            "年度绩效总目标 | 产出指标 | 开展文物安全巡查频次8次;文物保护项目验收合格率≥86%。 |\n"
            "效益指标 | 文物保护宣传覆盖人次≥20万人次;文物保护名录和数据库基本健全。 |\n")
    forms = parse_document(text_to_document(text))
    assert [(f.project, f.department) for f in forms] == [("全市文物保护专项经费", "市文化和旅游局")]
    assert [(i.level1, i.indicator, i.target_raw) for i in forms[0].indicators] == [
        ("产出指标", "开展文物安全巡查频次", "8次"), ("产出指标", "文物保护项目验收合格率", "≥86%"),
        ("效益指标", "文物保护宣传覆盖人次", "≥20万人次")]  # (基本健全: no target, reported unread)


def test_a_reports_sentence_opening_with_a_level_reads_its_valued_items_only():
    text = ("某养殖场工程项目实施情况公告\n2、项目绩效目标设定情况\n"
            "产出目标为水泥路面22.53m³,毛石墙身213.75m³;工程合格率90%。效益目标为村集体经济壮大,3户脱贫户增收。\n")
    forms = parse_document(text_to_document(text))
    assert [(i.level1, i.indicator, i.target_raw) for f in forms for i in f.indicators] == [
        ("产出目标", "水泥路面", "22.53m³"), ("产出目标", "毛石墙身", "213.75m³"), ("产出目标", "工程合格率", "90%")]


def test_a_grids_rows_list_nothing_and_a_sections_heading_is_no_notice_title():
    text = ("八、绩效目标\n产出指标 | 数量指标 | 补贴对象申请审核完成率 | =100.00(%) |\n"
            "效益指标 | 社会效益指标 | 社区居民满意度 | 不低于50% |\n")
    assert read_outline(document_rows(text_to_document(text))) is None  # (the table reader reads these rows)


REPORT = """2021年中央动物防疫等补助经费项目支出绩效自评报告
一、自评结论
(二)绩效目标完成情况
1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;
2.除布病外其他病种的免疫抗体合格率,年初目标值≥70%,实际完成值≥70%,自评得分20分;
5.补助对象对项目满意率,初目标值≥90%,实际完成值:≥90%,自评得分20分;
二、佐证材料
项目名称:2021年中央动物防疫等补助经费项目。
项目主管部门:昌宁县农业农村局。
项目实施单位:更戛乡人民政府。
"""


def test_a_reports_items_naming_their_values_by_column_headings_read_as_a_self_evaluation():
    forms = parse_document(text_to_document(REPORT))
    assert len(forms) == 1
    f = forms[0]
    assert (f.form_type, f.project, f.agency, f.department, f.year) == (
        "project_self_eval", "2021年中央动物防疫等补助经费项目", "昌宁县农业农村局", "更戛乡人民政府", 2021)
    assert [(i.level1, i.indicator, i.target_raw, i.actual_raw, i.score) for i in f.indicators] == [
        (None, "1.重大动物强制免疫病种群体免疫密度", "≥90%", "≥90%", 20),
        (None, "2.除布病外其他病种的免疫抗体合格率", "≥70%", "≥70%", 20),
        (None, "5.补助对象对项目满意率", "≥90%", "≥90%", 20),  # 初目标值: the heading's first character lost
    ]


def test_a_labelled_item_names_its_columns_and_prose_with_a_value_is_no_item():
    assert labelled_item("指标名称:群众满意度,目标值:≥90%,完成值:95%,分值:10,得分:10,偏差原因:无") == (
        "群众满意度", {"target": "≥90%", "actual": "95%", "score_max": "10", "score": "10", "deviation": "无"})
    assert labelled_item("群众满意度达到90%以上,完成值95%") is None  # no target named
    assert labelled_item("六、实施单位及责任人") is None
