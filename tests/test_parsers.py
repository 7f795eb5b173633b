"""The form parser on small hand-made grids: layouts that real departments' forms take."""
from __future__ import annotations

import pytest

from jixiao.extract.text import text_to_document
from jixiao.model import Cell, Document, Table, TextLine
from jixiao.parsers import parse_document


def parse_text(text: str):
    return parse_document(text_to_document(text))


def rows_of(form):
    return [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators]


SEED_LIKE = """部门（单位）整体支出绩效目标表
(2022年)
部门（单位）名称\t\t某某局
任务名称\t主要内容\t预算金额（万元）
\t\t总额\t财政拨款\t其他资金
年度主要任务\t人员经费\t保障工资\t100.5\t100.5\t
\t运转经费\t日常办公\t20\t15\t5
年度总体目标\t<p>完成全年工作任务。</p>
\t一级指标\t二级指标\t三级指标\t指标值
年度绩效指标\t产出指标\t数量指标\t保障人数\t≥204人
\t\t质量指标\t保障率\t≥90%
\t\t成本指标\t人均支出\t≤15.44万元
\t成本指标\t监测经费\t≤56.60万元\t
\t效益指标\t社会效益指标\t公开率\t=100%
\t\t\t\t宣传次数\t≥3次
"""


def test_department_target_form_with_shifted_rows():
    [form] = parse_text(SEED_LIKE)
    assert form.form_type == "department_target" and form.year == 2022 and form.department == "某某局"
    assert rows_of(form) == [
        ("产出指标", "数量指标", "保障人数", "≥204人"),
        ("产出指标", "质量指标", "保障率", "≥90%"),
        ("产出指标", "成本指标", "人均支出", "≤15.44万元"),
        ("产出指标", "成本指标", "监测经费", "≤56.60万元"),  # shifted one cell left
        ("效益指标", "社会效益指标", "公开率", "=100%"),
        ("效益指标", "社会效益指标", "宣传次数", "≥3次"),  # shifted one cell right
    ]
    assert [(b.item, b.total, b.fiscal, b.other) for b in form.budget] == [
        ("人员经费", 100.5, 100.5, None), ("运转经费", 20.0, 15.0, 5.0)]
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "完成全年工作任务。")]


def test_project_self_eval_with_goal_groups_and_score_columns():
    text = """2023年度项目支出绩效自评表
项目名称\t示例项目
主管部门\t示例厅\t实施单位\t示例中心
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t100\t120\t108\t10\t90.00%\t9
\t其中：财政拨款\t100\t120\t108\t/\t/\t/
年度总体目标\t预期目标\t实际完成情况
\t完成培训。\t已完成培训。
年度绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
\t产出指标\t数量指标\t培训人数\t≥100人\t120人\t50\t50\t无
\t效益指标\t社会效益指标\t就业能力\t有所提升\t部分达成\t40\t30\t受疫情影响延期
总分\t\t\t\t\t\t100\t89
"""
    [form] = parse_text(text)
    assert (form.form_type, form.project, form.agency, form.department, form.year) == (
        "project_self_eval", "示例项目", "示例厅", "示例中心", 2023)
    total = form.budget[0]
    assert (total.item, total.budget_initial, total.budget_full_year, total.executed, total.score_max,
            total.execution_rate, total.score) == ("年度资金总额", 100, 120, 108, 10, 90.0, 9)
    assert {(g.kind, g.text) for g in form.goals} == {("annual", "完成培训。"), ("actual", "已完成培训。")}
    second = form.indicators[1]
    assert (second.actual_raw, second.score_max, second.score, second.deviation) == ("部分达成", 40, 30, "受疫情影响延期")
    assert len(form.indicators) == 2  # 总分 is not an indicator


def test_one_cell_per_line_web_page_with_operator_and_unit_columns():
    cells = ["项目支出绩效目标表(2025年度)", "项目名称", "示例项目", "一级指标", "二级指标", "三级指标", "指标性质",
             "指标值", "度量单位", "产出指标", "数量指标", "发放覆盖率", "=", "100", "%",
             "效益指标", "社会效益指标", "社会影响", "定性", "减少", "", "合计"]
    [form] = parse_text("\n".join(f"{c} |" if c else "|" for c in cells))
    assert [(i.indicator, i.target_raw, i.target_parts) for i in form.indicators] == [
        ("发放覆盖率", "=100%", ("=", "100", "%")), ("社会影响", "减少", ("定性", "减少", ""))]


def test_run_together_cells_are_split_by_vocabulary():
    text = "绩效目标表\n(2020年度)\n项目名称示例补助资金\n项目主管部门某局项目执行单位某校\n年度资金总额:16\n总体目标年度目标\n改善办学条件。\n" \
           "绩效指标一级指标二级指标指标内容指标值\n产出指标数量指标学校改造覆盖率100%\n质量指标合格率≥95%\n" \
           "效益指标可持续影响指标均衡发展情况稳步提高\n"
    [form] = parse_text(text)
    assert (form.project, form.agency, form.department, form.year) == ("示例补助资金", "某局", "某校", 2020)
    assert rows_of(form) == [("产出指标", "数量指标", "学校改造覆盖率", "100%"),
                             ("产出指标", "质量指标", "合格率", "≥95%"),
                             ("效益指标", "可持续影响指标", "均衡发展情况", "稳步提高")]
    assert [(b.item, b.amount) for b in form.budget] == [("年度资金总额:", 16.0)]
    assert [g.kind for g in form.goals] == ["annual"]


def test_merged_grid_cells_and_page_break_with_repeated_header():
    def table(rows, page, spans=()):
        cells = []
        for r, row in enumerate(rows):
            for c, t in enumerate(row):
                if t is not None:
                    cells.append(Cell(t, r, c, page=page))
        for (r, c, rs) in spans:
            next(x for x in cells if x.row == r and x.col == c).rowspan = rs
        return Table(cells, page=page)

    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    p1 = table([header, ["产\n出\n指\n标", "数量指标", "人数", "≥5人"], [None, None, "次数", "3次"]], 1, [(1, 0, 2), (1, 1, 2)])
    p2 = table([header, ["效益指标", "社会效益指标", "满意度", "≥90%"]], 2)
    doc = Document([TextLine("项目支出绩效目标表", page=1), TextLine("项目名称 某项目", page=1), p1,
                    TextLine("- 1 -", page=1), p2], method="pdf-text", pages=2)
    [form] = parse_document(doc)
    assert rows_of(form) == [("产出指标", "数量指标", "人数", "≥5人"), ("产出指标", "数量指标", "次数", "3次"),
                             ("效益指标", "社会效益指标", "满意度", "≥90%")]
    assert (form.page_start, form.page_end) == (1, 2)
    assert [i.page for i in form.indicators] == [1, 1, 2]


def test_several_forms_and_a_distractor_table():
    text = "2024年收支预算总表\n项目\t金额\n一般公共预算\t100\n\n" + \
           "项目支出绩效目标表\n项目名称\t甲项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t甲指标\t1个\n\n" + \
           "项目支出绩效目标表\n项目名称\t乙项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t质量指标\t乙指标\t100%\n"
    forms = parse_text(text)
    assert [f.project for f in forms] == ["甲项目", "乙项目"]
    assert [len(f.indicators) for f in forms] == [1, 1]


def test_prose_only_document_has_no_forms():
    text = "第一部分 部门概况\n本部门按照全面实施预算绩效管理的要求，对项目支出编制了绩效目标，详见项目绩效目标表。\n"
    assert parse_text(text) == []


def test_unknown_level_names_are_kept_and_warned():
    text = "项目支出绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t创新成果指标\t专利数量\t≥2项\n"
    [form] = parse_text(text)
    assert rows_of(form) == [("产出指标", "创新成果指标", "专利数量", "≥2项")]
    assert any("创新成果指标" in w for w in form.warnings)


def test_indicator_name_cut_by_a_page_break_is_joined():
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    p1 = Table.from_rows([header, ["产出指标", "数量指标", "新建社区养老服务", "7个"]], page=1)
    p2 = Table.from_rows([["", "", "中心运营补贴", ""], ["", "", "覆盖率", "100%"]], page=2)
    doc = Document([TextLine("项目支出绩效目标表", page=1), p1, p2], method="pdf-text", pages=2)
    [form] = parse_document(doc)
    assert [i.indicator for i in form.indicators] == ["新建社区养老服务中心运营补贴", "覆盖率"]


def test_third_level_column_headed_绩效指标_and_horizontal_funding_labels():
    text = ("项目支出绩效目标表\n项目名称\t丙项目\n"
            "项目资金（万元）\t年度资金总额\t其中：财政拨款\t其他资金\n\t50\t40\t10\n"
            "年度履职目标\t完成丙项目建设。\n"
            "一级指标\t二级指标\t绩效指标\t指标值\n产出指标\t数量指标\t建设数量\t≥2个\n")
    [form] = parse_text(text)
    assert rows_of(form) == [("产出指标", "数量指标", "建设数量", "≥2个")]
    assert [(b.item, b.amount) for b in form.budget] == [("年度资金总额", 50.0), ("其中：财政拨款", 40.0), ("其他资金", 10.0)]
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "完成丙项目建设。")]


def test_a_whole_form_flattened_onto_one_line():
    import re
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "samples" / "seed" / "bazhou_ecology_2022_department_target.txt"
    text = re.sub(r"<[^>]+>|\*\*", "", seed.read_text(encoding="utf-8"))
    one_line = " ".join(x for x in re.split(r"[\t\n]+", text) if x.strip())
    [form] = parse_text(one_line)
    assert (form.form_type, form.department, form.year) == ("department_target", "新疆巴州生态环境局", 2022)
    assert len(form.indicators) == 28 and len(form.budget) == 5
    shifted = next(i for i in form.indicators if i.indicator == "水环境质量重点污染源监测经费")
    assert (shifted.level1, shifted.level2, shifted.target_raw) == ("产出指标", "成本指标", "≤56.60万元")
    assert [g.kind for g in form.goals] == ["annual"]


def test_headings_misread_by_one_character_still_read():
    text = ("2022年部门（单位）整体支出绩效标表\n部门（单位）名称\t某局\n"
            "任务名称\t主要内容\t总额\t财政搜款\t其他资金\n\t人员经费\t保障工资\t100\t80\t20\n"
            "一级指标\t二级指际\t三级指标\t指标值\n产出指标\t数量指标\t人数\t≥5人\n\t时效指标\t及时率\t100%\n")
    [form] = parse_text(text)
    assert (form.form_type, form.year) == ("department_target", 2022)
    assert [(b.item, b.total, b.fiscal, b.other) for b in form.budget] == [("人员经费", 100.0, 80.0, 20.0)]
    assert rows_of(form) == [("产出指标", "数量指标", "人数", "≥5人"), ("产出指标", "时效指标", "及时率", "100%")]


@pytest.mark.parametrize("target, actual, weight, score", [("预算设定指标值", "项目完成指标值", "满分", "自评分"),
                                                         ("目标数", "实际完成值", "标准分", "评分")])
def test_headings_real_pages_print_for_the_target_actual_weight_and_score(target, actual, weight, score):
    # (804 of samples/real prints 预算设定指标值 | 项目完成指标值: both ended as targets do, and the actuals were lost)
    text = (f"项目支出绩效自评表\n项目名称 | 实验室改造 |\n一级指标 | 二级指标 | 三级指标 | {target} | {actual} | {weight} | {score} |\n"
            "产出指标 | 数量指标 | 改造实验室 | 2间 | 3间 | 10 | 9 |\n")
    [form] = parse_document(text_to_document(text))
    assert [(i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators] == \
        [("改造实验室", "2间", "3间", 10, 9)]


def test_a_department_form_without_unit_fields_takes_the_unit_its_title_names():
    from jixiao.parsers.header import unit_in_title

    assert unit_in_title("重庆市梁平区林业局2023年度部门整体绩效自评表") == "重庆市梁平区林业局"
    assert unit_in_title("某县财政局部门整体支出绩效目标表") == "某县财政局"
    assert unit_in_title("2023年度部门整体支出绩效目标表") is None
    assert unit_in_title("部门整体绩效自评表") is None
    text = ("重庆市某区林业局2023年度部门整体绩效自评表\n"
            "指标名称\t计量单位\t指标值\t指标权重(分)\t全年完成值\t指标得分(分)\n"
            "森林覆盖率\t%\t60\t10\t61\t10\n")
    forms = parse_document(text_to_document(text))
    assert [(f.form_type, f.department) for f in forms] == [("department_self_eval", "重庆市某区林业局")]
    assert [(i.indicator, i.target_raw, i.actual_raw, i.score) for i in forms[0].indicators] == [("森林覆盖率", "60%", "61", 10)]


def test_a_funding_line_whose_amount_cell_names_its_source_keeps_the_standard_label():
    text = ("项目支出绩效目标表\n项目名称 | 民族团结进步创建 |\n主管部门 | 某县民族事务委员会 |\n资金情况 (万元) |\n"
            "年度资金总额: | 50 |\n其中:财政拨款 | 中央衔接推进乡村振兴补助资金(少数民族发展任务)50 |\n其他资金 | |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 受益人数 | ≥200人 |\n")
    forms = parse_document(text_to_document(text))
    assert [(b.item, b.amount) for b in forms[0].budget] == [("年度资金总额:", 50.0), ("其中:财政拨款", 50.0),
                                                             ("其他资金", None)]


def test_goal_lines_under_one_heading_are_one_goal():
    text = ("项目支出绩效目标表\n项目名称\n普惠金融发展专项\n主管部门\n某县人力资源和社会保障局\n年度总体目标\n"
            "目标1:支持农村金融组织体系建设,扩大农村金融服务覆盖面。\n目标2:支持劳动者自主创业、自谋职业。\n"
            "一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n贴息贷款笔数\n≥100笔\n")
    forms = parse_document(text_to_document(text))
    assert [(g.kind, g.text) for g in forms[0].goals] == [
        ("annual", "目标1:支持农村金融组织体系建设,扩大农村金融服务覆盖面。 目标2:支持劳动者自主创业、自谋职业。")]


def test_rows_with_as_many_cells_sit_the_same_way_and_empty_cells_are_no_evidence():
    # crawled pipes (a real page): the merged 一级/二级 cells are left out, rows shift left by what they lack
    text = ("项目支出绩效自评表\n详情见附件(注:以下内容为附件图片识别)一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
            "产出指标 | 产出数量 | 完成护工培训任务 | 12500名 | 12166名 |\n"
            "| | 完成培训就业质量考核及验收 | 11所 | 11所 |\n"
            "| 产出质量 | 参训学员结业考核通过率 | 100% | 98.79% |\n"
            "| 产出时效 | 培训任务完成及时 | 2021.1.1-12.31 | 2021.1.1-12.31 |\n"
            "| | 考核任务完成及时 | 1-6期培训结束后及时考核 | 1-2期未能及时培训 |\n"
            "| 产出成本 | 培训补贴标准达标 | 3000元/人 | 2600元/人 |\n")
    forms = parse_document(text_to_document(text))
    assert [(i.level2, i.indicator, i.target_raw) for i in forms[0].indicators][-3:] == [
        ("产出时效", "培训任务完成及时", "2021.1.1-12.31"),
        ("产出时效", "考核任务完成及时", "1-6期培训结束后及时考核"),
        ("产出成本", "培训补贴标准达标", "3000元/人"),
    ]


def test_a_self_evaluation_title_needs_no_绩效():
    from jixiao.parsers.header import is_form_title

    assert is_form_title("2020年度长江禁捕项目自评表")
    assert is_form_title("部门整体自评表(2021年度)")
    assert not is_form_title("项目自评表填报说明如下。")


def test_a_page_heading_over_targets_and_indicators_is_a_title():
    # a real Huangshan page: 黄山市公安局2025年项目绩效目标和指标 heads its projects' targets (no 表 printed)
    from jixiao.parsers.header import form_type_of, is_form_title

    assert is_form_title("黄山市公安局2025年项目绩效目标和指标")
    assert form_type_of("黄山市公安局2025年项目绩效目标和指标", has_project=False, self_eval=False) == "project_target"
    assert not is_form_title("年度绩效目标和指标完成情况")


def test_a_numbered_caption_naming_the_form_is_its_title():
    # u08 (Hubei): the report's caption 表1:…项目绩效目标 is the form's only title; the year line under it counts
    from jixiao.parsers.header import is_form_title

    assert is_form_title("表1:湖北省残疾人事业宣传文化工作经费项目绩效目标")
    assert not is_form_title("表1:湖北省残疾人事业宣传文化工作经费项目完成情况")
    assert not is_form_title("湖北省残疾人事业宣传文化工作经费项目绩效目标")  # uncaptioned: a heading like 年度绩效目标
    text = ("表1:湖北省残疾人事业宣传文化工作经费项目绩效目标\n(2017年度)\n单位:万元\n"
            "项目名称 | 湖北省残疾人事业宣传文化工作经费项目\n实施单位 | 湖北省残疾人联合会\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 全国助残日活动次数 | 1次\n")
    form = parse_document(text_to_document(text))[0]
    assert (form.title, form.year) == ("表1:湖北省残疾人事业宣传文化工作经费项目绩效目标", 2017)


def test_a_funding_line_whose_amounts_are_blank_sub_labels_is_still_a_line():
    text = ("项目支出绩效目标表\n专项名称 | 学生资助补助经费 |\n主管部门 | 某市教育局 |\n资金情况 (万元) |\n年度金额 | |\n"
            "其中:中央资金 | |\n地方资金 | 市: | 县: |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 应受助学生数 | 100% |\n")
    forms = parse_document(text_to_document(text))
    assert [(b.item, b.amount) for b in forms[0].budget][-1] == ("地方资金", None)


def test_page_text_glued_to_the_first_heading_leaves_the_heading_its_column():
    from jixiao.parsers.indicators import read_header
    from jixiao.parsers.rows import Row, RowCell

    texts = ["详情见附件(注:以下内容为附件图片识别)一级指标", "二级指标", "指标名称", "目标值", "完成值"]
    header, _ = read_header(Row([RowCell(t, k) for k, t in enumerate(texts)]))
    assert header.roles == [("level1", 0), ("level2", 1), ("indicator", 2), ("target", 3), ("actual", 4)]


def test_rows_glued_one_per_line_are_cut_by_the_headers_columns():
    # every separator lost but the line breaks: each line one row, cut by the header's column grammar
    text = "\n".join([
        "项目支出绩效自评表",
        "项目名称委托业务项目",
        "一级指标二级指标三级指标指标值实际完成值分值得分",
        "产出指标(50分)数量指标基建工程委托业务项目数量≥50个5088",
        "质量指标经费支出合规性严格执行相关制度规定达成预期指标88",
        "成本指标单项业务成本符合相关规定达成预期指标1010",
        "效益指标(30分)社会效益指标对维护基建市场公平的影响程度效果明显达成预期指标1010",
    ])
    [form] = parse_text(text)
    got = [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators]
    assert got == [
        ("产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", 8, 8),
        ("产出指标(50分)", "质量指标", "经费支出合规性", "严格执行相关制度规定", "达成预期指标", 8, 8),
        ("产出指标(50分)", "成本指标", "单项业务成本", "符合相关规定", "达成预期指标", 10, 10),
        ("效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", 10, 10),
    ]


def test_a_target_column_printed_after_the_table_body_goes_back_to_its_rows():
    # text copied from a PDF whose producer wrote the 指标值 column last (one cell per paragraph)
    cells = ["项目支出绩效目标表", "项目名称", "养殖场基础设施建设项目",
             "一级指标", "二级指标", "三级指标", "指标值",
             "产出指标", "数量指标", "贫困地区新增特色产业数量", "质量指标", "项目(工程)验收合格率",
             "时效指标", "竣工时限", "成本指标", "饲料库120平米", "围墙300米", "效益指标", "经济效益指标",
             "经费支出合规性",
             "≥1个", "100%", "2021年9月", "490元/平米", "300元/米", "较高"]
    [form] = parse_text("\n\n".join(cells))
    got = [(i.level2, i.indicator, i.target_raw) for i in form.indicators]
    assert got == [("数量指标", "贫困地区新增特色产业数量", "≥1个"), ("质量指标", "项目(工程)验收合格率", "100%"),
                   ("时效指标", "竣工时限", "2021年9月"), ("成本指标", "饲料库120平米", "490元/平米"),
                   ("成本指标", "围墙300米", "300元/米"), ("经济效益指标", "经费支出合规性", "较高")]


def test_a_deferred_run_of_words_opening_with_a_value_goes_back_to_its_rows():
    # real r01 content: after the first target every target is a word (及时率, 合规, 满意度) that fits
    # a name as well as a target; the run opens with a value and matches the rows one for one
    cells = ["项目支出绩效目标表", "一级指标", "二级指标", "三级指标", "指标值",
             "产出指标", "数量指标", "规划建筑面积", "质量指标", "完工及时率", "成本指标", "预算内经费",
             "效益指标", "社会效益指标", "完善社区基础设施建设", "满意度指标", "服务对象满意度指标", "居民满意度",
             "≥13459.00(平方米)", "及时率", "合规", "完善率", "满意度"]
    [form] = parse_text("\n\n".join(cells))
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("规划建筑面积", "≥13459.00(平方米)"), ("完工及时率", "及时率"), ("预算内经费", "合规"),
        ("完善社区基础设施建设", "完善率"), ("居民满意度", "满意度")]


def test_a_deferred_target_column_of_a_self_evaluation_keeps_the_inline_actuals_and_scores():
    cells = ["项目支出绩效自评表", "项目名称", "19名百岁老人高龄津贴",
             "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
             "产出指标", "质量指标", "符合条件申报对象覆盖率", "100%", "25", "6.25",
             "时效指标", "完成率", "100%", "25", "6.25",
             ">=98%(百分比)", ">=99%(百分比)"]
    [form] = parse_text("\n\n".join(cells))
    got = [(i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators]
    assert got == [("符合条件申报对象覆盖率", ">=98%(百分比)", "100%", 25, 6.25), ("完成率", ">=99%(百分比)", "100%", 25, 6.25)]


def test_a_goal_heading_whose_text_is_printed_after_the_table_takes_that_text():
    cells = ["项目支出绩效目标表", "项目名称", "水濂村旅游基础设施", "年度目标",
             "一级指标", "二级指标", "三级指标", "指标值",
             "产出指标", "数量指标", "流转土地", ">=60亩",
             "为水濂村带来观光游客不少于6万人,村集体收入达6万元。"]
    [form] = parse_text("\n\n".join(cells))
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "为水濂村带来观光游客不少于6万人,村集体收入达6万元。")]
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [("流转土地", ">=60亩")]
    assert "goal" in [c.role for c in form.cells if c.text.startswith("为水濂村")]


def test_goal_texts_run_together_under_headings_run_together_are_cut_apart():
    from jixiao.parsers.goals import split_goal_run

    # an empty cell's mark (无), then two annual sentences and the 完成情况 text that opens with what was done
    run = "无通过整合各级各类媒体等,为建设科学城营造良好氛围。保障中心正常运转,有效承担新闻宣传管理等工作。中心2021年较好地完成了履职任务。"
    assert split_goal_run(run, ["annual", "annual", "actual"]) == [
        "无", "通过整合各级各类媒体等,为建设科学城营造良好氛围。保障中心正常运转,有效承担新闻宣传管理等工作。",
        "中心2021年较好地完成了履职任务。"]
    # no full stop: the second text starts where the run restarts with its opening words; a scrap of a
    # heading printed in pieces (体目标 of 年度总体目标) is dropped
    assert split_goal_run("体目标业务收入达到55万元,三公经费控制率达标业务收入77.57万元,三公经费控制达标", ["annual", "actual"]) == \
        ["业务收入达到55万元,三公经费控制率达标", "业务收入77.57万元,三公经费控制达标"]
    assert split_goal_run("只有一句话而已没有别的内容", ["annual", "actual"]) is None


def test_a_goal_heading_printed_cut_short_takes_the_sentence_beside_it():
    lines = ["项目支出绩效目标表 |", "项目名称 |", "农村文化建设配套补助经费 |", "项目资金 |", "年度资金总额: |", "5.00 |",
             "年度 |", "文化惠民工程,主要用于送戏进万村,按照明年的任务70个行政村。 |",
             "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "产出指标 |", "数量指标 |", "开展送戏进万村 |", "≥70村 |"]
    [form] = parse_text("\n".join(lines))
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "文化惠民工程,主要用于送戏进万村,按照明年的任务70个行政村。")]
    # a cut-short heading beside no sentence is no goal heading
    [form] = parse_text("\n".join(lines[:6] + ["年度 |", "2025 |"] + lines[8:]))
    assert form.goals == []


def test_a_row_left_with_one_cell_inside_a_table_of_tab_rows_does_not_end_the_form():
    # the name's other cells were printed elsewhere (its target after the body): the one-text line is
    # a row of the table, not free text after it — the rows below it still belong to the form
    text = "\n".join(["项目支出绩效目标表", "项目名称\t流转土地项目",
                      "一级指标\t二级指标\t三级指标\t指标值",
                      "产出指标\t数量指标\t流转土地面积\t≥60亩",
                      "景观建设数量",
                      "效益指标\t社会效益指标\t受益人口数\t≥29人",
                      "≥4个"])
    [form] = parse_text(text)
    assert [(i.level1, i.indicator, i.target_raw) for i in form.indicators] == [
        ("产出指标", "流转土地面积", "≥60亩"), ("效益指标", "受益人口数", "≥29人")]
    # the name holding no value in its row and one target after the body (no run to pair) are reported, not lost
    assert form.warnings == ["2 cells left unread (text lines): 景观建设数量, ≥4个"]


def test_level2_names_outside_the_vocabulary_of_a_self_evaluation_are_read_as_level2():
    # one cell per line; 预算编审管理 / 资产管理 are no known 二级 names: each stands alone before rows
    # that have values, so it names their 二级 (and is no row of its own)
    cells = ["部门整体支出绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分",
             "管理指标", "预算编审管理", "完整、准确率", "100%", "100%", "4", "4",
             "预算执行率", "100%", "98%", "4", "3",
             "资产管理", "资产利用率", "≥80%", "85%", "5", "5"]
    [form] = parse_text("\n\n".join(cells))
    got = [(i.level1, i.level2, i.indicator, i.target_raw, i.score) for i in form.indicators]
    assert got == [("管理指标", "预算编审管理", "完整、准确率", "100%", 4), ("管理指标", "预算编审管理", "预算执行率", "100%", 3),
                   ("管理指标", "资产管理", "资产利用率", "≥80%", 5)]
    assert {c.text: c.role for c in form.cells}["资产管理"] == "level2"


def test_a_form_that_prints_no_year_takes_the_one_year_its_goal_texts_name():
    lines = ["部门整体绩效自评表 |", "主管部门 | 财政处室 |", "年度目标 | 实际完成情况 |",
             "保障中心正常运转,有效承担宣传管理工作。 | 中心2021年较好地完成了履职任务。 |",
             "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 |",
             "产出指标 | 数量指标 | 播发稿件数量 | 2200篇 | 2300篇 |"]
    [form] = parse_text("\n".join(lines))
    assert form.year == 2021
    # goal texts naming two years say nothing certain: no year
    [form] = parse_text("\n".join(lines).replace("有效承担宣传管理工作", "到2025年有效承担宣传管理工作"))
    assert form.year is None


def test_a_table_listing_several_projects_gives_one_form_per_project():
    # record columns left of the indicators (Hunan's list layout): a unit's total row, then its projects
    text = ("2023年项目支出绩效目标表\n部门:505_湘西州教育和体育局 金额单位:万元\n"
            "| 单位代码 | 单位(专项)名称 | 资金总额 | 实施期绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 505006 | 州民族特殊教育学校 | 50.00 | | | | | |\n"
            "| 505006 | 学生伙食费 | 30.00 | 保障学生伙食 | 产出指标 | 数量指标 | 补助学生数量 | 168人 |\n"
            "| | | | | | 质量指标 | 伙食补助发放率 | ≥90% |\n"
            "| 505006 | 校舍维修 | 20.00 | 完成校舍维修 | 产出指标 | 数量指标 | 维修面积 | ≥500平方米 |\n")
    forms = parse_document(text_to_document(text))
    assert [(f.project, f.department, f.agency, f.year) for f in forms] == [
        ("学生伙食费", "州民族特殊教育学校", "505_湘西州教育和体育局", 2023),
        ("校舍维修", "州民族特殊教育学校", "505_湘西州教育和体育局", 2023)]
    assert [[(b.item, b.amount) for b in f.budget] for f in forms] == [[("资金总额", 30.0)], [("资金总额", 20.0)]]
    assert [[g.text for g in f.goals] for f in forms] == [["保障学生伙食"], ["完成校舍维修"]]
    assert [[i.indicator for i in f.indicators] for f in forms] == [["补助学生数量", "伙食补助发放率"], ["维修面积"]]


def test_one_cell_per_line_grades_are_values_not_new_names():
    # real w03 rows (a department's self-evaluation) one cell per line: 高 and 好 are targets and actuals
    cells = ["部门整体绩效自评表", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
             "政府采购执行率", "100%", "72.74%", "2", "2", "管理制度健全性", "高", "高", "3", "3",
             "资金使用合规性", "好", "好", "5", "5", "预决算信息公开性", "高", "高", "1", "1",
             "资产管理安全", "好", "好", "2", "2", "固定资产利用率", "90%", "100%", "2", "2"]
    forms = parse_document(text_to_document("\n\n".join(cells)))
    assert [(i.indicator, i.target_raw, i.actual_raw, i.score) for f in forms for i in f.indicators] == [
        ("政府采购执行率", "100%", "72.74%", 2.0), ("管理制度健全性", "高", "高", 3.0), ("资金使用合规性", "好", "好", 5.0),
        ("预决算信息公开性", "高", "高", 1.0), ("资产管理安全", "好", "好", 2.0), ("固定资产利用率", "90%", "100%", 2.0)]


def test_a_project_form_names_its_implementing_unit_not_the_unit_that_filled_it_in():
    # real w13: 单位名称 beside 填报日期 is the unit filling the form in; the project's is 项目实施单位
    text = ("2020年度长江禁捕项目自评表\n单位名称:农业工作科 填报日期:\n项目名称 | 渔业成品油价格改革补贴 |\n"
            "主管部门 | 区市场监督管理局 | 项目实施单位 | 农业科 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 补贴渔船数 | 6 | 6 | 20 |\n")
    forms = parse_document(text_to_document(text))
    assert [(f.project, f.department, f.agency) for f in forms] == [("渔业成品油价格改革补贴", "农业科", "区市场监督管理局")]


def test_a_target_in_words_written_in_the_unit_column_is_the_target():
    # Hebei's 符号 | 指标值 | 单位(文字描述): a qualitative target leaves sign and number empty and is
    # written in the unit column (real p03/r01 content drawn in that layout read it as empty before)
    from jixiao.normalize import join_target_parts
    from jixiao.parsers.decoder import Template, Token, decode

    template = Template(("extra", "operator", "target", "unit", "actual", "score_max"),
                        {"level1": 1, "level2": 2, "indicator": 3, "extra": 4, "operator": 5, "target": 6, "unit": 7,
                         "actual": 8, "score_max": 9})
    row = ["产出指标", "数量指标", "环境卫生及保安服务", "", "", "", "卫生整洁、内部安全有序", "", "10"]
    tokens = [Token(t, 1, col, True) for col, t in enumerate(row, start=1)]
    assert decode(tokens, template)[6] == "unit"
    assert join_target_parts("", "", "卫生整洁、内部安全有序") == "卫生整洁、内部安全有序"
    assert join_target_parts("", "", "%(百分比)") == "" and join_target_parts("", "", "元/亩") == ""
    assert join_target_parts("≥", "95", "%") == "≥95%"


def test_goal_texts_under_headings_side_by_side_go_by_column_a_blank_one_stays_blank():
    # r01's 项目总目标 | 年度总体目标 with no long-term goal printed: the text is the annual goal
    rows = [["项目名称", "某项目", None, None],
            ["项目绩效目标", "项目总目标", None, "年度总体目标"],
            [None, "", None, "完成社区公共服务中心年度运行保障"],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "开展活动", "≥300场"]]
    spans = {(0, 1): (1, 3), (1, 0): (2, 1), (1, 1): (1, 2), (2, 1): (1, 2)}
    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row) if t is not None]
    for cell in cells:
        cell.rowspan, cell.colspan = spans.get((cell.row, cell.col), (1, 1))
    [form] = parse_document(Document([TextLine("项目支出绩效目标表"), Table(cells)]))
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "完成社区公共服务中心年度运行保障")]


def test_a_funding_heading_beside_its_amount_is_a_line_and_a_blank_field_takes_no_label():
    # real w06 content in the Hunan 申报表 layout: 资金情况(万元) | 资金总额 | 30.00 (one line); a blank
    # 项目负责人 field beside *联系人: takes nothing
    text = ("绩效目标申报表\n项目名称 | 学生伙食费 | 项目负责人及电话 | |\n主管部门 | 湘西州教育和体育局 | 实施单位 | 州民族特殊教育学校 |\n"
            "资金情况(万元) | 资金总额 | 30.00 |\n单位名称 | | *联系人: | 王媛 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 补助学生数量 | 168 |\n")
    [form] = parse_text(text)
    assert [(b.item, b.amount) for b in form.budget] == [("资金总额", 30.0)]
    assert (form.department, form.agency) == ("州民族特殊教育学校", "湘西州教育和体育局")
    blank = ("部门整体支出绩效目标表\n部门名称 | | *联系人: | 王媛 |\n主管部门 | | 金额单位: 万元 |\n"
             "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 保障在职职工人数 | 116人 |\n")
    [form] = parse_text(blank)
    assert (form.department, form.agency) == (None, None)


def test_one_cell_per_line_rows_each_opening_with_a_second_level_ending_as_they_do():
    # real w11 rows one cell per line: each opens with a 二级 of its own that no vocabulary knows;
    # ending in 管理 (data/cell_words.csv level2_end) it reads as a 二级, not as a name whose target
    # is the next cell
    cells = ["部门整体支出绩效自评表", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
             "管理指标", "预算编审管理", "完整、准确率", "100%", "100%", "4", "4",
             "预算执行管理", "完成率、控制率", "100%", "按规定执行", "4", "4",
             "预决算信息公开管理", "信息公开完善", "按规定公开", "已公开", "4", "4",
             "部门预算管理", "人员控制、支出规范", "不超编、无违规支出", "全部达成", "4", "4"]
    [form] = parse_text("\n\n".join(cells))
    assert [(i.level2, i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [
        ("预算编审管理", "完整、准确率", "100%", "100%"), ("预算执行管理", "完成率、控制率", "100%", "按规定执行"),
        ("预决算信息公开管理", "信息公开完善", "按规定公开", "已公开"),
        ("部门预算管理", "人员控制、支出规范", "不超编、无违规支出", "全部达成")]


def test_in_an_exact_grid_a_value_stays_in_its_own_column():
    # real r01 content drawn in Hebei's self-evaluation layout, 实际完成值 left empty: a target with a
    # number written in 单位(文字描述) was read as the actual; in an office or HTML table (exact
    # columns) a value stays in the column it stands in. Text tables (| rows that drop empty cells)
    # give no such promise.
    from jixiao.model import Cell, Document, Table

    head = ["一级指标", "二级指标", "三级指标", "指标说明", "预期指标值", "预期指标值", "预期指标值",
            "单项指标实际完成值", "单项指标完成情况", "自评得分", "自评得分", "自评得分"]
    sub = head[:4] + ["符号", "指标值", "单位(文字描述)"] + head[7:9] + ["单项指标得分", "权重占比(%)", "单项指标折算得分"]
    rows = [["项目支出绩效自评表"] + [""] * 11, head, sub,
            ["产出指标", "数量指标", "补贴对象申请审核完成率", "", "=", "100.00", "(%)", "", "", "", "", ""],
            ["效益指标", "社会效益指标", "补贴对象生活改善度", "", "", "", "补贴对象生活改善度不低于80%", "", "", "", "", ""],
            ["满意度指标", "服务对象满意度指标", "补贴对象满意度", "", "≥", "80.00", "(%)", "", "", "", "", ""]]

    def targets(exact):
        cells = [Cell(t, r, c) for r, row in enumerate(rows) if r not in (1, 2) for c, t in enumerate(row)]
        for c, t in enumerate(head):  # the two header rows as printed: merged cells span them
            if t != sub[c]:
                cells.append(Cell(sub[c], 2, c))
                if head[c - 1] != t:
                    cells.append(Cell(t, 1, c, colspan=head.count(t)))
            else:
                cells.append(Cell(t, 1, c, rowspan=2))
        table = Table(cells, exact=exact)
        return [(i.target_raw, i.actual_raw) for f in parse_document(Document(blocks=[table])) for i in f.indicators]

    assert targets(True) == [("=100.00(%)", None), ("补贴对象生活改善度不低于80%", None), ("≥80.00(%)", None)]
    assert targets(False)[1] != ("补贴对象生活改善度不低于80%", None)  # (the reading before)
    # words or a value in the unit column are the target, a unit alone is none
    from jixiao.normalize import join_target_parts

    assert [join_target_parts("", "", u) for u in ("高", "是", "2021.1.1-12.31", "人", "次", "m²")] == \
        ["高", "是", "2021.1.1-12.31", "", "", ""]


def test_a_funding_row_of_an_unlisted_label_and_amounts_is_a_line_of_the_block():
    # under the block's amount columns: 其他 | — | 0 | 0 (real w07), 部门预算执行情况 | … | 76% (real w03)
    rows = [["项目支出绩效自评表", "", "", "", "", ""],
            ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "执行率"],
            ["项目资金(万元)", "预算数", "—", "6.84", "6.84", "100%"],
            ["项目资金(万元)", "其中:财政资金", "—", "6.84", "6.84", "—"],
            ["项目资金(万元)", "其他", "—", "0", "0", "—"],
            ["项目资金(万元)", "部门预算执行情况", "—", "—", "—", "76%"],
            ["年度总体目标", "为我县百岁高龄老年人发放补贴。", "", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
            ["产出指标", "数量指标", "发放人数", "19人", "19人", "10"]]
    from jixiao.model import Cell, Document, Table

    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row) if not (c == 0 and 2 <= r <= 5)]
    cells = [Cell(c.text, c.row, c.col, rowspan=5) if (c.row, c.col) == (1, 0) else c for c in cells]  # merged label
    [form] = parse_document(Document(blocks=[Table(cells)]))
    assert [(b.item, b.budget_full_year, b.executed, b.execution_rate) for b in form.budget] == [
        ("预算数", 6.84, 6.84, 100.0), ("其中:财政资金", 6.84, 6.84, None), ("其他", 0.0, 0.0, None),
        ("部门预算执行情况", None, None, 76.0)]


def test_funding_headings_spanning_blocks_take_the_amount_under_them_past_repeated_sub_labels():
    # Hebei's 预算执行情况: each heading spans a block whose rows repeat a sub-label before the amount
    # (real p01/w15 content drawn in that layout: 总额 was read as a header, amounts went to sub-labels)
    from jixiao.model import Cell, Document, Table

    heads = ["预算安排情况(调整后)", "资金到位情况", "资金执行情况", "预算执行进度(%)"]
    cells = [Cell("项目支出绩效自评表", 0, 0, colspan=13), Cell("二、预算执行情况", 1, 0, rowspan=4)]
    cells += [Cell(h, 1, 1 + 3 * k, colspan=3) for k, h in enumerate(heads)]
    for r, row in enumerate([["总额", "251.89", "到位数", "251.89", "执行数", "251.89", "100.00"],
                             ["其中:财政资金", "251.89", "其中:财政资金", "250.00", "其中:财政资金", "250.00", "99.25"],
                             ["", "", "其他", "", "其他", "", ""]], start=2):
        for k, t in enumerate(row):  # label | amount (two columns) per block, the rate over three
            col, span = (1 + 3 * (k // 2) + (k % 2), 2 if k % 2 else 1) if k < 6 else (10, 3)
            cells.append(Cell(t, r, col, colspan=span))
    cells += [Cell(t, 5, k) for k, t in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"])]
    cells += [Cell(t, 6, k) for k, t in enumerate(["产出指标", "数量指标", "发放人数", "19人", "19人"])]
    [form] = parse_document(Document(blocks=[Table(cells, exact=True)]))
    assert [(b.item, b.budget_full_year, b.executed, b.execution_rate) for b in form.budget] == [
        ("总额", 251.89, 251.89, 100.0), ("其中:财政资金", 251.89, 250.0, 99.25)]


def test_funding_lines_without_amount_headings_and_numbered_blank_items():
    from jixiao.model import Cell, Document, Table

    def budget(rows, merged_label):
        cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)
                 if not (c == 0 and r in merged_label[1:])]
        cells = [Cell(c.text, c.row, 0, rowspan=len(merged_label)) if (c.row, c.col) == (merged_label[0], 0) else c
                 for c in cells]
        [form] = parse_document(Document(blocks=[Table(cells, exact=True)]))
        return [(b.item, b.amount, b.budget_full_year, b.execution_rate) for b in form.budget]

    tail = [["一级指标", "二级指标", "三级指标", "指标值", ""], ["产出指标", "数量指标", "发放人数", "19人", ""]]
    # no amount headings: lines read before make the block, so 其他 | 0 is one of its lines (real w07)
    rows = [["项目支出绩效目标表", "", "", "", ""], ["资金情况(万元)", "预算数", "6.84", "", ""],
            ["", "其中:财政资金", "6.84", "", ""], ["", "其他", "0", "", ""]] + tail
    assert budget(rows, [1, 2, 3]) == [("预算数", 6.84, None, None), ("其中:财政资金", 6.84, None, None),
                                       ("其他", 0.0, None, None)]
    # a numbered item printed with every amount blank is a line (real w11: （2）项目支出)
    rows = [["项目支出绩效自评表", "", "", "", ""], ["项目资金(万元)", "", "全年预算数", "全年执行数", "执行率"],
            ["", "资金结构:(1)基本支出", "—", "—", "103.21%"], ["", "(2)项目支出", "—", "—", "—"]] + tail
    assert budget(rows, [1, 2, 3]) == [("资金结构:(1)基本支出", None, None, 103.21), ("(2)项目支出", None, None, None)]


def test_an_equals_sign_ocr_read_as_二_in_its_own_cell_is_the_sign():
    # real w14 content scanned: OCR reads the = of 计算符号 as 二, once a target of its own (value lost)
    from jixiao.model import Document, Table

    rows = [["部门整体绩效目标", "", "", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位"],
            ["产出指标", "数量指标", "保障在职职工人数(人)", "二", "116", "人"],
            ["产出指标", "质量指标", "工资发放准确性(%)", "≥", "95", "%"],
            ["产出指标", "质量指标", "工资发放及时率", "=", "100", "%"]]
    [form] = parse_document(Document(blocks=[Table.from_rows(rows)]))
    assert [i.target_raw for i in form.indicators] == ["=116人", "≥95%", "=100%"]
    # (a grid's cells stand in their rows: its closing run of values, = | 100 | %, is never taken for a
    # target column printed after the body — read so before, the first row lost its target)


def test_a_row_opening_a_new_page_keeps_its_columns_when_a_shift_would_push_its_note_off_the_table():
    # real r01 content in the Jiangxi layout, scanned: the table goes on in a new grid after a page break,
    # its first row's merged levels blank; the name reads like a target (…有效) yet stands in the name
    # column, and its 指标值说明 cell in the last column would fall off the table under any shift right
    head = ["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"]
    page1 = [head, ["产出指标", "质量指标", "做好禁毒示范城区标准化建设", "", "做好禁毒示范城区标准化建设", "", "该指标值数据合理"]]
    page2 = [["", "", "心理健康教育活动有效", "", "特殊对象及群体、居民心理健康有效提升", "", "该指标值数据合理"],
             ["", "", "中心全年活动人次", "=", "5.00", "(万人次)", "该指标值数据合理"]]
    grids = [Table([Cell(t, r, c, page=p) for r, row in enumerate(rows) for c, t in enumerate(row)], page=p)
             for p, rows in ((1, page1), (2, page2))]
    [form] = parse_document(Document([TextLine("部门整体支出绩效目标表"), *grids]))
    assert rows_of(form)[1:] == [("产出指标", "质量指标", "心理健康教育活动有效", "特殊对象及群体、居民心理健康有效提升"),
                                 ("产出指标", "质量指标", "中心全年活动人次", "=5.00(万人次)")]


def test_a_form_name_printed_without_its_table_word_over_the_header_fields_is_the_title():
    # real w14 content in the Hunan layout: 部门整体绩效目标 (no 表) heads the form; the form is a
    # department's, whatever its 项目名称 field says
    text = ("部门整体绩效目标\n项目名称 | | 项目负责人及电话 | 王明\n主管部门 | | 实施单位 | 浮梁县林业局\n"
            "资金情况(万元) | |\n总体目标 | 年度目标\n | 保证林业局职能实现。\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 保障在职职工人数 | =116人 |\n")
    [form] = parse_text(text)
    assert (form.title, form.form_type) == ("部门整体绩效目标", "department_target")
    # the title's line (…绩效目标) opens no goal block: the goal is the text under 年度目标 alone
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "保证林业局职能实现。")]
    # an empty grid row between the name and the fields (real w14 content in the r01 layout)
    rows = [["部门整体绩效目标", "", ""], ["", "", ""], ["项目名称", "", ""], ["实施单位", "浮梁县林业局", ""],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "保障在职职工人数", "=116人"]]
    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    assert parse_document(Document([Table(cells)]))[0].form_type == "department_target"
    # a goal heading alone on its line over a field is no title
    assert not parse_text("年度绩效目标\n项目名称 | 某项目\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                          "| 产出指标 | 数量指标 | 保障人数 | 5人 |\n")[0].title


UNLISTED_HEADINGS = ["一级指标", "二级指标", "三级指标", "全年目标值", "实际达成值", "权重", "评价得分", "未完成原因"]
UNLISTED_ROWS = [["产出指标", "数量指标", "培训人数", "≥100人", "120人", "10", "10", ""],
                 ["", "质量指标", "合格率", "≥95%", "98%", "10", "10", ""],
                 ["效益指标", "社会效益指标", "就业率", "≥60%", "50%", "10", "8", "就业形势"]]


def test_headings_no_vocabulary_lists_are_read_by_their_opening_or_ending_in_every_flattening():
    # 全年目标值 / 实际达成值 / 评价得分 / 未完成原因 are in no vocabulary: read as target / actual / score /
    # deviation by how they end or open (data/heading_affixes.csv), the table in tabs, one cell per
    # line and each row glued into one line
    rows = [UNLISTED_HEADINGS] + UNLISTED_ROWS
    bodies = {"tabs": "\n".join("\t".join(r) for r in rows),
              "cells": "\n".join(c for r in rows for c in r if c),
              "glued": "\n".join("".join(r) for r in rows)}
    for style, body in bodies.items():
        [form] = parse_text("2023年度项目支出绩效自评表\n项目名称\t某项目\n" + body + "\n")
        assert [(i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators] == [
            ("培训人数", "≥100人", "120人", 10.0, 10.0), ("合格率", "≥95%", "98%", 10.0, 10.0),
            ("就业率", "≥60%", "50%", 10.0, 8.0)], style


def test_a_record_list_whose_columns_text_lost_gives_a_form_per_record_line():
    # real w06 (Hunan's list layout, crawled): the record headings run together above the header and
    # each record is one line of code, name and amount (its amount under the heading printed, 项目金额);
    # the unit's line has no rows of its own
    text = ("2023年项目支出绩效目标表公开\n部门:505_湘西州教育和体育局金额单位:万元\n"
            "单位代码单位(专项)名称项目金额实施期绩效目标绩效指标\n"
            "一级指标\t二级指标\t三级指标\t指标值\n505006州民族特殊教育学校45.00\n"
            "\t\t505006\t学生伙食费30.00\n产出指标\t数量指标\t补助学生数量\t168人\n"
            "505006 学生资助15.00\n产出指标\t数量指标\t资助学生数量\t≥20人\n")
    forms = parse_text(text)
    assert [(f.department, f.project, [(b.item, b.amount) for b in f.budget], rows_of(f)) for f in forms] == [
        ("州民族特殊教育学校", "学生伙食费", [("项目金额", 30.0)], [("产出指标", "数量指标", "补助学生数量", "168人")]),
        ("州民族特殊教育学校", "学生资助", [("项目金额", 15.0)], [("产出指标", "数量指标", "资助学生数量", "≥20人")])]


def test_more_field_keys_name_the_unit_and_project():
    text = ("项目支出绩效目标表\n预算项目名称 | 某某补助经费\n归口管理部门 | 某某局\n实施单位名称 | 某某中心\n"
            "项目实施期 | 1年\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 补助人数 | 5人 |\n")
    [form] = parse_text(text)
    assert (form.project, form.agency, form.department) == ("某某补助经费", "某某局", "某某中心")


def test_funding_lines_printed_empty_beside_their_own_cells_or_their_block_label_are_lines():
    # real p03 content in the r01 layout: 上年结转资金 | | 其他资金 | (each label's amount cell left
    # empty) are two lines with null amounts; real w03 content in the Hunan layout: 资金情况(万元) |
    # 部门预算执行情况 | (a line no vocabulary lists, printed empty beside the block's label)
    r01 = [["项目名称", "委托业务项目", "", ""],
           ["项目资金（元）", "年度资金总额:", "0.00", "其中:本年财政拨款", "900,000.00"],
           ["", "上年结转资金", "", "其他资金", ""],
           ["一级指标", "二级指标", "三级指标", "指标值", ""],
           ["产出指标", "数量指标", "项目数量", "≥50个", ""]]
    hunan = [["项目名称", "宣传经费"], ["资金情况(万元)", "部门预算执行情况", ""],
             ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "宣传次数", "≥5次"]]
    # not lines: the sub-labels each column block repeats (Hebei), a block's label with nothing beside it
    hebei = [["二、预算执行情况", "预算安排情况(调整后)", "", "资金到位情况", "", "资金执行情况", ""],
             ["", "", "", "到位数", "", "执行数", ""], ["", "", "", "其中:财政资金", "", "其中:财政资金", ""],
             ["一级指标", "二级指标", "三级指标", "指标值", "", "", ""], ["产出指标", "数量指标", "宣传次数", "≥5次", "", "", ""]]
    empty = [["项目名称", "某项目", "", ""], ["项目资金（元）", "", "", ""],
             ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "宣传次数", "≥5次"]]
    # the block's label first, then the lines printed empty (real w15 content in the r01 layout)
    beside = [["项目名称", "某项目", "", "", ""], ["项目资金（元）", "年度总金额", "", "其中财政拨款", ""],
              ["一级指标", "二级指标", "三级指标", "指标值", ""], ["产出指标", "数量指标", "宣传次数", "≥5次", ""]]
    read = []
    for rows in (r01, hunan, hebei, empty, beside):
        cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
        [form] = parse_document(Document([TextLine("项目支出绩效目标表"), Table(cells)]))
        read.append([(b.item, b.amount) for b in form.budget])
    assert read == [[("年度资金总额:", 0.0), ("其中:本年财政拨款", 90.0), ("上年结转资金", None), ("其他资金", None)],
                    [("部门预算执行情况", None)], [], [], [("年度总金额", None), ("其中财政拨款", None)]]


def test_funding_lines_named_by_their_source_are_lines_and_a_label_run_into_its_amounts_is_split():
    # real forms in the r01 layout: 单位自筹, 项目总投资, 省级财政安排 and 国有资本金 name where money comes
    # from without any of 资金/预算/拨款 (they had been left out of the block); a label whose amounts and
    # rate run on after it (其中:中央补助40004000100%, y01) is a line with its amounts, never a label alone
    rows = [["项目名称", "某项目", "", "", ""],
            ["项目资金（元）", "项目总投资", "200,000.00", "省级财政安排", "0.00"],
            ["", "单位自筹", "0.00", "国有资本金", ""],
            ["一级指标", "二级指标", "三级指标", "指标值", ""], ["产出指标", "数量指标", "宣传次数", "≥5次", ""]]
    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    [form] = parse_document(Document([TextLine("项目支出绩效目标表"), Table(cells)]))
    assert [(b.item, b.amount) for b in form.budget] == [
        ("项目总投资", 20.0), ("省级财政安排", 0.0), ("单位自筹", 0.0), ("国有资本金", None)]
    from jixiao.parsers.funding import is_budget_label
    assert is_budget_label("其中:中央补助") and not is_budget_label("其中:中央补助40004000100%")
    assert is_budget_label("单位自筹") and not is_budget_label("其他城市基础设施配套费安排的支出")


def test_a_note_column_of_an_exact_grid_never_gives_an_empty_target_its_text():
    # real w03 content in the Jiangxi layout (DOCX): “三公经费变动率 has no target; its 指标值说明 cell
    # (该指标值数据合理) stands in a column the form does not keep, and in an office grid the columns are
    # the source's own, so a row of two filled cells keeps them
    rows = [["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"],
            ["产出指标", "数量指标", "财政供养人员控制率", "", "100", "%", "该指标值数据合理"],
            ["", "", "“三公经费变动率", "", "", "", "该指标值数据合理"],
            ["", "", "基础信息完善", "", "100", "%", "该指标值数据合理"]]
    for exact in (True, False):
        cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
        [form] = parse_document(Document([TextLine("部门整体支出绩效目标表"), Table(cells, exact=exact)]))
        got = [(i.indicator, i.target_raw) for i in form.indicators]
        if exact:
            assert got == [("财政供养人员控制率", "100%"), ("“三公经费变动率", ""), ("基础信息完善", "100%")]
        else:  # columns inferred (a PDF's): the row of two cells is read by its texts
            assert [name for name, _ in got] == ["财政供养人员控制率", "“三公经费变动率", "基础信息完善"]


def test_a_level2_name_printed_without_its_zhibiao_is_a_level2_where_its_column_says_so():
    # real w21 content in the Hebei layout (PDF grid): 满意度 in the 二级 column under a merged 一级,
    # 参培学员满意度 in the 三级 one
    head = ["四、年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "指标说明", "符号", "指标值", "单位(文字描述)",
            "单项指标实际完成值", "单项指标完成情况", "单项指标得分", "权重占比(%)", "单项指标折算得分"]
    rows = [head, ["", "效益指标", "社会效益", "参训学员就业率", "", "", "60", "%及以上", "53.53%", "完成", "", "", ""],
            ["", "", "可持续影响", "巩固脱贫攻坚成果", "", "", "", "有效巩固", "有效巩固", "完成", "", "", ""],
            ["", "", "满意度", "参培学员满意度", "", "", "95", "%及以上", "88.32%及以上", "完成", "", "", ""]]
    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    [form] = parse_document(Document([TextLine("项目支出绩效自评表"), Table(cells)]))
    assert rows_of(form)[2] == ("效益指标", "满意度", "参培学员满意度", "95%及以上")
    # no columns to say so (real w07, space-separated): 服务对象满意度 after its 二级 is the 三级 name
    spaced = ("项目支出绩效自评表\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 补贴人数 >=98%\n"
              "满意度指标 服务对象满意度指标 服务对象满意度 >=95%\n")
    assert rows_of(parse_text(spaced)[0])[1] == ("满意度指标", "服务对象满意度指标", "服务对象满意度", ">=95%")


def test_a_merged_block_label_left_of_the_table_never_holds_a_row_in_place():
    # real r01 content in its own layout, scanned: OCR read 一级指标 as 二级指标, so the rows sit one
    # column right of the header; the merged 绩效指标 cell left of them is carried down and says
    # nothing about where a row's own cells stand
    rows = [["绩效指标", "二级指标", "二级指标", "三级指标", None, None, "年度(/项目)指标值", None],
            [None, "产出指标", "质量指标", "完工及时率", None, None, "及时率", None],
            [None, "效益指标", "社会效益指标", "完善社区基础设施建设", None, None, "完善率", None],
            [None, "满意度指标", "服务对象满意度指标", "居民满意度", None, None, "满意度", None]]
    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row) if t is not None]
    for cell in cells:
        cell.rowspan = 4 if cell.text == "绩效指标" else 1
        cell.colspan = 3 if cell.col == 3 else 2 if cell.col == 6 else 1
    [form] = parse_document(Document([TextLine("项目支出绩效目标表"), Table(cells)]))
    assert rows_of(form)[-1] == ("满意度指标", "服务对象满意度指标", "居民满意度", "满意度")


def test_funding_columns_line_up_past_a_heading_read_with_a_character_too_many_and_its_dashes():
    # real w15 content in the Yunnan layout, scanned: OCR read 全年执行数 as 全年执行粘数 and every
    # empty amount is a printed dash
    def form_of(executed_heading):
        rows = [["项目资金(万元)", "", "年初预算数", "全年预算数", executed_heading, "分值", "执行率", "得分"],
                ["", "年度总金额", "—", "—", "—", "—", "—", "—"],
                ["", "其中财政拨款", "—", "—", "—", "10", "79.27%", "7.93"],
                ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                ["", "产出指标", "数量指标", "管护面积", "28万亩", "28万亩", "10", "10"]]
        cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row) if t]
        [form] = parse_document(Document([TextLine("部门整体绩效自评表"), Table(cells)]))
        return [(b.item, b.score_max, b.execution_rate, b.score) for b in form.budget]

    expected = [("年度总金额", None, None, None), ("其中财政拨款", 10.0, 79.27, 7.93)]
    assert form_of("全年执行数") == expected
    assert form_of("全年执行粘数") == expected
    from jixiao.parsers.vocab import budget_roles, near_miss
    assert near_miss("全年执行粘数", budget_roles()) == "executed"  # one character too many: still the heading
    assert form_of("全年支付情况") == expected  # a heading no vocabulary reads: its dashes still line up


# a pre-2018 template: 指标类型 | 指标名称 | 绩效目标 | 绩效标准, the standards one column per grade
GRADED = [["项目绩效目标表"], ["项目名称", "某专项资金"],
          ["指标类型", "指标名称", "绩效目标", "绩效标准", "", "", ""],
          ["", "", "", "优", "良", "中", "差"],
          ["产出指标", "保障管护人员劳务费", "98-100%", "保障98%以上", "保障95-98%", "保障90-95%", "保障90%以下"],
          ["", "管护基础设施建设", "管护基础设施日益完善", "按预算均配备完备", "项目实施率100%", "项目实施率低于95%", "项目实施率低于90%"],
          ["成效指标", "森林资源管护", "管护责任落实到位", "完全到位", "绝大多数完全到位", "基本到位", "不到位"],
          ["", "病虫害发生", "可有效控制", "有效控制", "一起", "二起", "二起以上"],
          ["", "森林火灾", "不发生大规模的火灾", "不发生大规模的火灾", "一起", "二起", "二起以上"]]


def test_a_graded_standards_template_reads_its_targets_and_keeps_no_standard():
    tabs = "\n".join("\t".join(r) for r in GRADED)
    pipes = "\n".join(" | ".join(c for c in r if c) for r in GRADED)
    for text in (tabs, pipes):
        [form] = parse_text(text)
        assert rows_of(form) == [
            ("产出指标", "", "保障管护人员劳务费", "98-100%"),
            ("产出指标", "", "管护基础设施建设", "管护基础设施日益完善"),
            ("成效指标", "", "森林资源管护", "管护责任落实到位"),
            ("成效指标", "", "病虫害发生", "可有效控制"),
            ("成效指标", "", "森林火灾", "不发生大规模的火灾"),
        ]


def test_a_header_wrapped_over_lines_keeps_its_later_columns():
    """| rows whose header wraps (年度指标值 ⏎ 实际完成值 ⏎ 分值 | 得分 | 偏差…): the lines of headings of
    whole columns add them, so each row's actual and scores are its own (not a next row's name)."""
    text = """部门整体支出绩效自评表 |
部门 | 某中心 |
一级指标 | 二级指标 | 三级指标 | 年度 指标值 |
实际 完成值 |
分值 | 得分 | 偏差原因分析及改进措施 | |||||
产出指标 | 数量指标 | 指标1:开展示范村建设数量 | ≤4 | 4 | 10 | 10 | |||||||
质量指标 | 指标1:验收通过率 | ≥95% | 100% | 5 | 5 | ||||||||
时效指标 | 指标1:完成验收时间 | 9月前 | 7月 | 5 | 4 | ||||||||
"""
    [form] = parse_text(text)
    assert [(i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators] == [
        ("指标1:开展示范村建设数量", "≤4", "4", 10.0, 10.0),
        ("指标1:验收通过率", "≥95%", "100%", 5.0, 5.0),
        ("指标1:完成验收时间", "9月前", "7月", 5.0, 4.0),
    ]


def test_a_value_repeated_down_a_column_is_no_indicator_name():
    """计划标准 under 绩效标准 in every row (one cell per line): a text printed in many rows is the
    column's usual value, not a row of its own."""
    rows = [("产出指标", "数量指标", "配备车辆数", "10辆"), ("", "", "风炮射程", "≥80M"),
            ("", "质量指标", "空气质量", "优良"), ("", "时效指标", "服务周期", "2023.07-2024.01")]
    lines = ["项目支出绩效目标申报表 |", "一级指标 |", "二级指标 |", "三级指标 |", "指标值及单位 |", "绩效标准 |", "|"]
    for row in rows:  # a crawler's cells, one per line, the empty ones as bare bars
        lines += [c + " |" for c in row if c] + ["计划标准 |", "||", "|"]
    [form] = parse_text("\n".join(lines))
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("配备车辆数", "10辆"), ("风炮射程", "≥80M"), ("空气质量", "优良"), ("服务周期", "2023.07-2024.01")]


def test_level_labels_broken_over_lines_of_space_separated_rows():
    """绩效指标 项目完成 ⏎ 指标, 项目效益 ⏎ 指标, 服务对象 ⏎ 满意度 ⏎ 指标: the lines ending a label join it."""
    text = """项目支出绩效目标申报表
项目名称 某扶助项目
绩效指标 一级指标 二级指标 三级指标 指标值
绩效指标 项目完成
指标
数量指标 对符合政策的家庭进行扶助 63人
时效指标 资金拨付 12月底到位
项目效益
指标
可持续影响
指标
实现社会稳定和谐发展 长期
满意度指标
服务对象
满意度
指标
受益群众满意度 ≥90%
"""
    [form] = parse_text(text)
    assert rows_of(form) == [
        ("项目完成指标", "数量指标", "对符合政策的家庭进行扶助", "63人"),
        ("项目完成指标", "时效指标", "资金拨付", "12月底到位"),
        ("项目效益指标", "可持续影响指标", "实现社会稳定和谐发展", "长期"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
    ]


def test_a_merged_level1_label_printed_mid_block_names_the_rows_above_it():
    """A merged 一级 cell prints its label at its middle: in text it stands on a later row of its block."""
    text = """项目支出绩效目标批复表
一级指标 | 二级指标 | 三级指标 | 指标值 |
| 数量指标 | 主体班培训人次 | 280人次 |
| | 情景教学或外训批次 | 6次 |
产出指标 | | 开设课程数量 | 220 |
| 质量指标 | 培训完成率 | 100% |
满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥95% |
"""
    [form] = parse_text(text)
    assert [(i.level1, i.level2, i.indicator) for i in form.indicators] == [
        ("产出指标", "数量指标", "主体班培训人次"), ("产出指标", "数量指标", "情景教学或外训批次"),
        ("产出指标", "数量指标", "开设课程数量"), ("产出指标", "质量指标", "培训完成率"),
        ("满意度指标", "服务对象满意度指标", "学员满意度")]

    # both merged cells reaching over the first rows (a PDF page break left them blank there)
    text = """项目支出绩效目标表
一级指标 | 二级指标 | 三级指标 | 指标值 |
| | 成立规范小组 | >6.00(次) |
| | 开展心理健康教育 | 至少1次 |
产出指标 | 数量指标 | 开展法治宣传活动 | 不低于5次 |
产出指标 | 质量指标 | 活动有效 | 有效提升 |
"""
    [form] = parse_text(text)
    assert [(i.level1, i.level2) for i in form.indicators] == [("产出指标", "数量指标")] * 3 + [("产出指标", "质量指标")]


def test_a_label_wrapped_before_a_level_word_joins_it_and_latin_page_text_is_no_name():
    """服务对象 ⏎ 满意度指标 is one 二级 label (a head that is no word runs into a level word), while
    数量指标 ⏎ 质量指标 stay two; qrcode (a page's widget under the table) reads as no indicator name."""
    from jixiao.parsers.fit import fit
    from jixiao.parsers.mend import mend
    from jixiao.parsers.rows import RowCell

    def cells(*texts):
        return [RowCell(t, k, 1, False, t) for k, t in enumerate(texts)]

    assert [c.text for c in mend(cells("服务对象", "满意度指标", "政策知晓率"))] == ["服务对象满意度指标", "政策知晓率"]
    assert [c.text for c in mend(cells("数量指标", "质量指标"))] == ["数量指标", "质量指标"]
    # a level name outside the vocabulary is a label by itself too: a name before it does not run into it
    assert [c.text for c in mend(cells("成本控制", "项目效益指标"))] == ["成本控制", "项目效益指标"]
    assert fit("qrcode", "indicator") < 0 < fit("GDP增长率", "indicator")


def test_rows_printing_a_name_and_no_value_in_an_office_grid_are_rows():
    """Chongqing's 定性 rows print a name and nothing in 指标值: in an office or HTML grid each is a row
    of its own (not the target of the row above), the last one included (a grid is no cut-off excerpt)."""
    rows = [["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
            ["绩效指标", "", "", "发放人数", "≥80人"], ["绩效指标", "", "", "促进社会和谐", ""],
            ["绩效指标", "", "", "保障收入", ""], ["绩效指标", "", "", "保障权益", ""]]
    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row) if c]
    cells.append(Cell("绩效指标", 0, 0))
    cells[-1].rowspan = len(rows)  # the block label merged down the table's left
    doc = Document([TextLine("项目支出绩效目标表"), TextLine("项目名称 某项目"), Table(cells, exact=True)], method="docx")
    [form] = parse_document(doc)
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("发放人数", "≥80人"), ("促进社会和谐", ""), ("保障收入", ""), ("保障权益", "")]


def test_a_label_tail_after_an_empty_row_is_left_alone():
    """指标 alone after a row holding no text joins nothing (and reading it does not fail)."""
    from jixiao.parsers.mend import mend_rows
    from jixiao.parsers.rows import Row, RowCell

    rows = [Row([RowCell("产出", 0, 1, False, "产出")]), Row([RowCell("", 0, 1, False, "")]),
            Row([RowCell("指标", 0, 1, False, "指标")])]
    assert [[c.text for c in r.cells] for r in mend_rows(rows)] == [["产出"], [""], ["指标"]]
    assert [[c.text for c in r.cells] for r in mend_rows([rows[0], rows[2]])] == [["产出指标"]]


def test_a_web_pages_own_links_and_closing_questions_end_the_table():
    body = ("项目支出绩效目标表\n\n一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n数量指标\n\n"
            "孤儿助学人数\n\n9人\n\n满意度指标\n\n服务对象满意度指标\n\n政策知晓率\n\n≥90%\n\n")
    for tail in ("qrcode\n\n手机扫码,畅快体验!\n\n联系客服 关注微信 下载APP 返回顶部\n",
                 "其他需说明的问题\n\n主管\n"):
        forms = parse_document(text_to_document(body + tail))
        assert [(i.indicator, i.target_raw) for f in forms for i in f.indicators] == [
            ("孤儿助学人数", "9人"), ("政策知晓率", "≥90%")], tail


def test_a_whole_target_in_its_units_column_of_an_office_grid_is_the_target():
    """符号 | 指标值 | 单位(文字描述): a row writing its target whole (═100%, 有效) in the unit's column."""
    head = ["一级指标", "二级指标", "三级指标", "符号", "指标值", "单位(文字描述)", "实际完成值", "得分"]
    rows = [head, ["产出指标", "数量指标", "学生受资助人数", "≧", "735", "人次", "735", "10"],
            ["", "成本指标", "生均补助标准达标率", "", "", "═100%", "100%", "10"],
            ["效益指标", "经济效益指标", "减轻贫困学生家庭经济负担", "", "", "有效", "有效", "10"]]
    cells = [Cell("项目支出绩效自评表", 0, 0, colspan=len(head))]
    cells += [Cell(t, r, c) for r, row in enumerate(rows, start=1) for c, t in enumerate(row)]
    [form] = parse_document(Document(blocks=[Table(cells, exact=True)]))
    assert [(i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [
        ("学生受资助人数", "≧735人次", "735"), ("生均补助标准达标率", "═100%", "100%"),
        ("减轻贫困学生家庭经济负担", "有效", "有效")]


def test_a_header_spilled_over_lines_of_headings_and_two_blocks_side_by_side():
    """Dongguan's 批复表 in crawled ``|`` rows: the header's cells spill one or two per line, a field's value
    opens the next line, and the 中期 and 年度 blocks print 二级 | 三级 | 指标值 twice: one record per row,
    the later (annual) block's."""
    text = ("东莞市财政项目支出绩效目标批复表 | | | |\n预算单位:东莞市交通运输局 | | | |\n项目名称 |\n"
            "镇际联网路升级改造工程 | 中期市财政预算(万元) | 284500.00 | |\n"
            "绩效指标 | 一级指标 |\n二级指标 |\n三级指标 |\n指标值(或计划水平) | 二级指标 |\n三级指标 |\n"
            "计划指标值(或计划水平) |\n"
            "预期产出指标 | 数量指标 | 完成结算项目数 | 3 | 数量指标 | 完成结算项目数 | 4 |\n"
            "质量指标 | 补助款结算误差率 | ±3%以内 | 质量指标 | 补助款结算误差率 | ±3%以内 |\n")
    [form] = parse_document(text_to_document(text))
    assert form.project == "镇际联网路升级改造工程"
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("预期产出指标", "数量指标", "完成结算项目数", "4"), ("预期产出指标", "质量指标", "补助款结算误差率", "±3%以内")]


def test_header_cells_broken_over_paragraphs_and_a_weight_on_a_line_of_its_own():
    """One paragraph per cell, with headings and labels broken (年度 ⏎ 指标值, 偏差原因 ⏎ 分析及 ⏎ 改进措施,
    数量 ⏎ 指标) and a 一级's weight on the next line (产出指标 ⏎ (50)): the header wrapped after 三级指标
    runs on into the body, which reads in full."""
    cells = ["部门整体支出绩效自评表", "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值",
             "得分", "偏差原因", "分析及", "改进措施", "产出指标", "(50)", "数量", "指标", "造林面积", "1.2万亩",
             "1.2万亩", "10", "10", "病虫害防治面积", "3.45万亩", "3.45万亩", "7", "7"]
    forms = parse_document(text_to_document("\n\n".join(cells)))
    assert [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw, i.score) for f in forms for i in f.indicators] == [
        ("产出指标(50)", "数量指标", "造林面积", "1.2万亩", "1.2万亩", 10.0),
        ("产出指标(50)", "数量指标", "病虫害防治面积", "3.45万亩", "3.45万亩", 7.0)]


def test_a_blank_field_of_an_office_grid_takes_no_value_from_the_row_below():
    """In a grid, 部门（单位）名称 with an empty value cell is the form's own blank (the line below is the
    funding block, not the unit's name); only a line of text may carry a field's value over."""
    rows = [["部门（单位）名称", "", ""], ["年度预算执行情况（元）", "年初预算数", "全年执行数"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "发放人数", "19人"]]
    cells = [Cell("部门整体绩效自评表", 0, 0, colspan=4)]
    cells += [Cell(t, r, c) for r, row in enumerate(rows, start=1) for c, t in enumerate(row)]
    [form] = parse_document(Document(blocks=[Table(cells, exact=True)]))
    assert form.department is None and [i.indicator for i in form.indicators] == ["发放人数"]


def test_a_reports_target_table_numbered_one_cell_per_line_reads_without_its_row_numbers():
    """A report's own target table (序号 | 三级指标 | 年度指标值, one cell per line, no level columns) is an
    indicator table; its row numbers are no values (开展文化活动 | 1 | 8 …: the 8 numbers the next row),
    and a report's contents line (附件:…自评表……22) is no form title: the table's caption is."""
    cells = ["附件:某经费项目绩效目标自评表........................22", "一、基本情况",
             "表1:某经费项目绩效目标", "序号", "三级指标", "年度指标值", "1", "全国助残日活动次数", "1次",
             "2", "报纸杂志专版专栏", "1个", "3", "开展残疾人文化活动", "1", "4", "宣传覆盖面", "拓宽",
             "5", "培训合格率", "100%"]
    [form] = parse_text("\n".join(f"{c} |" for c in cells))
    assert form.title == "表1:某经费项目绩效目标"
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("全国助残日活动次数", "1次"), ("报纸杂志专版专栏", "1个"), ("开展残疾人文化活动", "1"),
        ("宣传覆盖面", "拓宽"), ("培训合格率", "100%")]


def test_the_ndrc_templates_first_levels_stand_above_the_usual_ones():
    """中央预算内投资计划绩效目标表: 实施效果指标 stands above 产出指标 / 效益指标, which are its 二级 there."""
    cells = ["中央预算内投资计划绩效目标表", "一级指标", "二级指标", "三级指标", "指标值", "实施效果指标", "产出指标",
             "劳务报酬占中央投资比例", "≥32.68%", "效益指标", "项目区农村基础设施条件", "持续改善",
             "过程管理指标", "资金管理指标", "中央预算内投资支付率", "≥95%"]
    [form] = parse_text("\n\n".join(cells))
    assert rows_of(form) == [("实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥32.68%"),
                             ("实施效果指标", "效益指标", "项目区农村基础设施条件", "持续改善"),
                             ("过程管理指标", "资金管理指标", "中央预算内投资支付率", "≥95%")]


def test_a_tree_of_level_names_one_cell_per_line_after_the_title_reads_without_headings():
    """Ningxia's 批复表 flattened one cell per paragraph: the title, a head (项目 | 指标值 | 绩效金额 | the unit
    | the project | its amount), then 一级 ⏎ 二级(必填) ⏎ name ⏎ value … with no level headings; the unit
    comes from the title."""
    cells = ["某市疾病预防控制中心2020年项目绩效目标批复表", "单位:元", "项目", "指标值", "绩效金额",
             "某市疾病预防控制中心", "疫苗及药物", "3000000", "产出指标", "时效指标(必填)", "疫苗提供及时率", "100%",
             "数量指标(必填硬性指标)", "疫苗使用率", "100%", "满意度指标", "服务对象满意度指标(必填)", "服务对象满意度",
             "100%"]
    [form] = parse_text("\n\n".join(cells))
    assert form.department == "某市疾病预防控制中心" and form.year == 2020
    assert rows_of(form) == [("产出指标", "时效指标(必填)", "疫苗提供及时率", "100%"),
                             ("产出指标", "数量指标(必填硬性指标)", "疫苗使用率", "100%"),
                             ("满意度指标", "服务对象满意度指标(必填)", "服务对象满意度", "100%")]


def test_levels_named_with_值_under_headings_一级_二级_三级_年度数值():
    """Shandong's 申报表 (one cell per paragraph) heads its columns 一级 | 二级 | 三级 | 年度数值 | 备注 and
    names its levels 产出值 / 数量值 …; a government site's footer (内容保障 | 公务邮箱 …) ends the table."""
    cells = ["项目支出目标申报表", "(2025年度)", "项目名称", "小学教育公用经费", "一级", "二级", "三级", "年度数值",
             "备注", "产出值", "数量值", "小学就读人数", "<=6962人", " ", "质量值", "教学条件改善", "=100%", " ",
             "成本值", "生均公用经费", "780元/生/年", " ", "效益值", "社会效益值", "教学质量提高", "=100%", " ",
             "内容保障 | 公务邮箱", "某县人民政府主办", "地址:某县广场大街111号"]
    [form] = parse_text("\n\n".join(cells))
    assert form.title == "项目支出目标申报表" and form.year == 2025 and form.project == "小学教育公用经费"
    assert rows_of(form) == [("产出值", "数量值", "小学就读人数", "<=6962人"),
                             ("产出值", "质量值", "教学条件改善", "=100%"),
                             ("产出值", "成本值", "生均公用经费", "780元/生/年"),
                             ("效益值", "社会效益值", "教学质量提高", "=100%")]


def test_a_weight_left_where_the_first_level_stands_is_that_level_as_printed():
    """A merged 一级 cell whose vertical label was lost prints only its weight, (50分), before the first
    二级 name: that is the rows' 一级 as printed, not a stray cell."""
    text = ("项目支出绩效自评表\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n(50分)\n"
            "数量指标 指标1:接受业务培训人数 200 200余人 10 10\n"
            "质量指标 指标1:台网运行率 ≥95% 99% 10 10\n")
    [form] = parse_text(text)
    assert rows_of(form) == [("(50分)", "数量指标", "指标1:接受业务培训人数", "200"),
                             ("(50分)", "质量指标", "指标1:台网运行率", "≥95%")]


def test_a_template_row_left_unfilled_is_no_row_and_a_repeated_number_no_page_number():
    """Hebei's self-evaluation one cell per paragraph (real page c01): each 二级 prints 指标1 (filled) and
    指标2 | …… (left unfilled). 指标2 is a name's numbering, never a target, and its row is no row; the
    偏差 sentence before it is the row's deviation. A number its neighbour repeats (100 | 100, 10 | 10) is
    a value, not a page number to skip — a stray 0 in the 偏差 column does not shift the scores."""
    cells = ["项目支出绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "偏差原因分析及改进措施", "产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", "10", "9",
             "已完工,剩余3%尾款未付,且最高限价低于预算金额。", "指标2", " ", " ", " ", "……", " ",
             "效益指标", "社会效益指标", "指标1安全率", "100", "100", "10", "10", "0", "指标2", " ", "……", " ",
             "满意度指标", "服务对象满意度指标", "指标1学生满意度", "100", "100", "10", "10", "0"]
    [form] = parse_text("\n\n".join(cells))
    assert [(i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators] == [
        ("指标1工程资金金额", "43.2", "37.24", 10.0, 9.0), ("指标1安全率", "100", "100", 10.0, 10.0),
        ("指标1学生满意度", "100", "100", 10.0, 10.0)]
    assert form.indicators[0].deviation.startswith("已完工")


def test_a_numbered_name_is_never_the_target_of_the_name_before_it():
    """Two names left without values, one per line (real page f03: 指标2.药品抽验平均标准 ⏎
    指标3.化妆品抽验平均标准): the second opens with its numbering, so it names a row of its own and is
    no target of the first. Continuing their neighbours' numbering (指标1. → 指标2. → 指标3.), they are rows
    of the form left empty and kept, target blank (JUDGMENT.md: only a row with no 三级 and no value is a
    placeholder); a name holding no value outside such a run is a cut or scrambled row, left out and
    reported as a cell left unread."""
    text = ("项目支出绩效自评表\n一级指标 二级指标 三级指标 指标值 完成值\n"
            "成本指标 指标1.培训成本 400元/人、天 180元/人、天\n指标2.药品抽验平均标准\n指标3.化妆品抽验平均标准\n"
            "效益指标 社会效益指标 指标1.群众满意度 ≥90% 95%\n")
    [form] = parse_text(text)
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("指标1.培训成本", "400元/人、天"), ("指标2.药品抽验平均标准", ""), ("指标3.化妆品抽验平均标准", ""),
        ("指标1.群众满意度", "≥90%")]
    assert form.warnings == []
    unnumbered = text.replace("指标2.药品抽验平均标准\n", "").replace("指标3.化妆品", "化妆品")
    [form] = parse_text(unnumbered)
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("指标1.培训成本", "400元/人、天"), ("指标1.群众满意度", "≥90%")]
    assert form.warnings == ["1 cell left unread (text lines): 化妆品抽验平均标准"]


def test_a_report_heading_after_the_table_ends_it():
    """A self-evaluation report goes on after its table with numbered headings (（三）存在的问题和原因):
    such a heading opening with a terminator is no indicator (real page d12)."""
    cells = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "效益指标", "社会效益指标",
             "家庭经济困难学生完成学业率", "100%", "100%", "满意度指标", "服务对象满意度指标", "资助学生满意度", "95%", "95%"]
    text = ("项目支出绩效自评表\n" + "".join(c + " |\n" for c in cells) +
            "(三)存在的问题和原因\n1、受资助本专科困难学生覆盖率有待进一步提高。主要原因是\n")
    [form] = parse_text(text)
    assert rows_of(form) == [("效益指标", "社会效益指标", "家庭经济困难学生完成学业率", "100%"),
                             ("满意度指标", "服务对象满意度指标", "资助学生满意度", "95%")]


def test_a_sentence_opening_with_a_field_name_is_no_field():
    """项目单位按项目实施内容设置了11个指标,…: prose whose first words happen to be a field's name (real page e04)."""
    from jixiao.parsers.header import split_fields

    assert split_fields("项目单位按项目实施内容设置了11个指标,包含数量类、时效类指标。") == []
    assert split_fields("项目单位:某某学校") == [("项目单位", "某某学校")]


def test_a_funding_block_label_is_no_value_of_the_blank_field_before_it():
    """主管部门 | (blank) | 实施单位 | (blank) | 项目资金 (万元) |: the block label is no unit's name (real page e02)."""
    cells = ["项目支出绩效自评表", "项目名称", "某服务中心运行维护费", "主管部门", "", "实施单位", "", "",
             "项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "年度资金总额", "150", "150", "125.25",
             "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "产出指标", "数量指标", "办件数量", "100件", "98件"]
    [form] = parse_text("".join(f"{c} |\n" if c else "|\n" for c in cells))
    assert form.department is None and form.project == "某服务中心运行维护费"
    assert [(i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [("办件数量", "100件", "98件")]


def test_the_next_projects_numbered_goal_heading_ends_the_table():
    """Zhejiang's 项目绩效目标情况 prints project after project: the next one's `（一）中长期绩效目标` right after a
    table written one cell per paragraph ends it; its heading line is no indicator (real page e04)."""
    cells = ["项目具体目标表", "一级指标", "二级指标", "指标名称", "指标值", "产出指标", "数量指标", "每千人托位", "4.5",
             "满意度指标", "满意度指标", "社会公众满意度", "≥90%", "某某经费项目项目绩效目标", "(一)中长期绩效目标",
             "优化城乡居民体检制度,缩小城乡之间基本卫生健康服务差距"]
    [form] = parse_text("\n\n".join(cells))
    assert rows_of(form) == [("产出指标", "数量指标", "每千人托位", "4.5"),
                             ("满意度指标", "满意度指标", "社会公众满意度", "≥90%")]


def test_jiangsu_half_year_and_full_year_targets_one_cell_per_paragraph():
    """Jiangsu's self-evaluation one cell per paragraph (real page d11): a viewer's wrap left single spaces in a
    few cells (`半年(程) 指标值`), which are no separators there; the 评价 framework's levels 决策 → 项目立项 /
    绩效目标 are level names; a target repeated in the 全年 column is that column's value, not a new name."""
    cells = ["项目支出绩效自评表", "项目名称", "赛珍珠文化公园运转经费", "主管部门", "镇江市文化广电 和旅游局",
             "一级指标", "二级指标", "三级指标", "半年(程) 指标值", "全年(程) 指标值", "决策", "项目立项",
             "立项程序规范性", "规范", "规范", "立项依据充分性", "充分", "充分", "绩效目标", "绩效指标明确性", "明确",
             "明确", "绩效目标合理性", "合理", "合理"]
    [form] = parse_text("\n\n".join(cells))
    assert rows_of(form) == [("决策", "项目立项", "立项程序规范性", "规范"), ("决策", "项目立项", "立项依据充分性", "充分"),
                             ("决策", "绩效目标", "绩效指标明确性", "明确"), ("决策", "绩效目标", "绩效目标合理性", "合理")]
    assert form.agency == "镇江市文化广电和旅游局"


def test_an_evaluation_results_block_after_the_table_ends_it():
    """A university's 预算绩效评价结果 row (its scored criteria, 考核节点进度完成率 | 10分 …) after the indicator
    table is no indicator row (real page c04)."""
    text = ("2018生物实验教学中心建设项目预算绩效评价结果的公示\n"
            "一级指标 | 二级指标 | 三级指标 | 预算设定指标值 | 项目完成指标值 | ||\n"
            "产出指标 | 数量指标 | 改造实验室 | 2间 | 2间 | ||\n"
            "满意度指标 | 服务对象满意度指标 | 师生对实验室改造满意度 | ≥95% | ≥95% | ||\n"
            "预算绩效评价结果 | 考核节点进度完成率 | 10分 | 项目采购节约率 | 10分 | ||\n"
            "预算编制准确度 | 9分 | 绩效评价结果 | 29分 |\n")
    [form] = parse_text(text)
    assert [i.indicator for i in form.indicators] == ["改造实验室", "师生对实验室改造满意度"]


def test_a_self_evaluation_header_printed_in_two_rows_keeps_the_upper_rows_columns():
    """Yunnan's self-evaluation (real page b05, a mirror in Traditional characters): the upper header row
    (绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差…) stands above 一级指标 alone on its line and the lower
    row naming the target's parts (二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位); the sign ﹦ (small equals)
    is a comparison sign like =."""
    text = ("项目支出绩效自评表\n| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||||\n|\n"
            "一级 指标 |\n二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | |||||\n"
            "| 产出指标 | 数量指标 | 卫片执法补助经费 | ﹦ | 72890 | 元 | 72890 | 10.00 | 9.00 | ||\n"
            "| 质量指标 | 项目验收合格率 | ﹦ | 100 | % | 100 | 20 | 19 | |||\n"
            "| 效益指标 | 社会效益指标 | 违法行为责停率 | ≥ | 95 | % | 95 | 30.00 | 27.00 | ||\n")
    [form] = parse_text(text)
    assert [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score)
            for i in form.indicators] == [
        ("产出指标", "数量指标", "卫片执法补助经费", "﹦72890元", "72890", 10.0, 9.0),
        ("产出指标", "质量指标", "项目验收合格率", "﹦100%", "100", 20.0, 19.0),
        ("效益指标", "社会效益指标", "违法行为责停率", "≥95%", "95", 30.0, 27.0)]


def test_a_direction_column_beside_a_sign_column_leaves_the_sign_as_the_comparator():
    """Inner Mongolia heads 指标性质 | 指标方向 over 正向 | = (Hebei heads them over ≥ | 正向): the sign is the
    comparator, the direction is no part of the target (real page a04, space-separated rows)."""
    text = ("再生资源回收市场管理经费项目绩效目标表\n(2021年)\n"
            "一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注\n"
            "产出指标 数量指标 出差人次 正向 = 24 人/次 4\n产出指标 成本指标 出差总成本 反向 = 1 万元 4\n")
    [form] = parse_text(text)
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [("出差人次", "=24人/次"), ("出差总成本", "=1万元")]


def test_the_indicator_tables_first_heading_row_under_a_funding_block_is_no_funding_line():
    """Anhui's self-evaluation (the Hebei-style layout) drawn as a PDF whose page break cuts the indicator header:
    the row 四、年度绩效指标完成情况 | 指标说明 | 预期指标值 | 自评得分 under the funding block's spanned headings
    holds no amount; it is no funding line (a printed but empty funding line still is one)."""
    def cell(text, row, col, colspan=1, rowspan=1):
        return Cell(text=text, row=row, col=col, colspan=colspan, rowspan=rowspan)

    cells = [cell("项目支出绩效自评表", 0, 0, 13),
             cell("二、预算执行情况", 1, 0, rowspan=3), cell("预算安排情况(调整后)", 1, 1, 3), cell("资金到位情况", 1, 4, 3),
             cell("资金执行情况", 1, 7, 3), cell("预算执行进度(%)", 1, 10, 3),
             cell("年度资金总额:", 2, 1), cell("90.00", 2, 2, 2), cell("到位数", 2, 4), cell("90.00", 2, 5, 2),
             cell("执行数", 2, 7), cell("89.97", 2, 8, 2), cell("99.97", 2, 10, 3),
             cell("上年结转资金", 3, 1), cell("", 3, 2, 2), cell("其他", 3, 4), cell("", 3, 5, 2), cell("其他", 3, 7),
             cell("", 3, 8, 2), cell("", 3, 10, 3),
             cell("四、年度绩效指标完成情况", 4, 0, rowspan=3), cell("指标说明", 4, 4), cell("预期指标值", 4, 5, 3),
             cell("自评得分", 4, 10, 3),
             cell("一级指标", 5, 1), cell("二级指标", 5, 2), cell("三级指标", 5, 3), cell("符号", 5, 5), cell("指标值", 5, 6),
             cell("单位(文字描述)", 5, 7), cell("单项指标实际完成值", 5, 8), cell("单项指标完成情况", 5, 9),
             cell("单项指标得分", 5, 10), cell("权重占比(%)", 5, 11), cell("单项指标折算得分", 5, 12),
             cell("产出指标(50分)", 6, 1), cell("数量指标", 6, 2), cell("委托业务项目数量", 6, 3), cell("≥", 6, 5),
             cell("50", 6, 6), cell("个", 6, 7), cell("50", 6, 8), cell("完成", 6, 9), cell("8.00", 6, 10),
             cell("8.00", 6, 11), cell("8.00", 6, 12)]
    [form] = parse_document(Document(blocks=[Table(cells=cells)]))
    assert [line.item for line in form.budget] == ["年度资金总额:", "上年结转资金"]
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [("委托业务项目数量", "≥50个")]


def test_yunnans_printed_level_name_with_and_the_like():
    """Yunnan's template prints 服务对象满意度指标等 (…and the like) as the 二级: a level name, one cell per line
    (real h31 flattened), not a name with its target missing."""
    cells = ["项目支出绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "效益指标",
             "社会效益指标", "学生营养状况改善", "有效改善", "有效改善", "满意度指标", "服务对象满意度指标等",
             "学生满意度", "≧95%", "98%"]
    [form] = parse_text("\n\n".join(cells))
    assert rows_of(form)[-1] == ("满意度指标", "服务对象满意度指标等", "学生满意度", "≧95%")


def test_an_indicator_list_written_as_prose_reads_as_a_table():
    """Anhui's 项目绩效目标和指标 (real page a12): each block opens with its level path in brackets and lists
    one indicator per line, its target in brackets after the name."""
    from jixiao.parsers.bracket_paths import level_path, name_and_target

    assert level_path("【产出指标-数量指标】") == ("产出指标", "数量指标")
    assert level_path("【项目概况】") is None and level_path("【总体目标-保障】") is None
    assert name_and_target("指标1:机柜数量(≥77台)") == ("指标1:机柜数量", "≥77台")
    assert name_and_target("指标1:服务保障民生(有力保障)") == ("指标1:服务保障民生", "有力保障")
    assert name_and_target("保障雪亮工程机房租赁延续(详见附件2所列的全部设备清单)") is None
    text = ("黄山市公安局2025年项目绩效目标表\n【总体目标】\n保障雪亮工程机房租赁延续\n【产出指标-数量指标】\n"
            "指标1:机柜数量(≥77台)\n【产出指标-时效指标】\n指标1:维护及时性(<24小时)\n"
            "【满意度指标-服务对象满意度指标】\n指标1:提升群众安全感(≥90%)\n")
    [form] = parse_text(text)
    assert rows_of(form) == [("产出指标", "数量指标", "指标1:机柜数量", "≥77台"),
                             ("产出指标", "时效指标", "指标1:维护及时性", "<24小时"),
                             ("满意度指标", "服务对象满意度指标", "指标1:提升群众安全感", "≥90%")]


def test_a_bracket_left_of_a_heading_broken_over_lines_is_no_field_value():
    """单位名称(项目类别 ⏎ /支出项目): the bracket a wrapped heading leaves is no unit's name; a mask (****) is one."""
    from jixiao.parsers.forms import _keep

    fields: dict = {}
    _keep(fields, ("department", 1), "(")
    assert fields["department"] == (1, "")
    _keep(fields, ("department", 1), "****")
    assert fields["department"] == (1, "****")


def _first_form(lines: list[str]):
    """The first form read from text lines (a real page's layout, shortened)."""
    return parse_document(text_to_document("\n".join(lines)))[0]


def test_a_nature_mark_in_a_trailing_column_is_no_level():
    # a real Xiangtan form (space-separated rows, merged levels dropped): its 备注 prints 定量指标 on every
    # row, which ends in 指标 as level names do, and was read as the next row's 一级
    form = _first_form([
        "项目支出名称 工伤保险基金 预算部门 工伤保险服务中心",
        "年度绩效指标 绩效目标 一级指标 二级指标 三级指标 指标值及单位 绩效标准 备注",
        "绩效目标1:待遇足额支付 产出指标 数量指标 全市待遇发放额 28600万元 计划标准 定量指标",
        "质量指标 工伤保险基金安全完整率 100% 历史标准 定量指标",
        "时效指标 待遇及时发放率 100% 历史标准 定量指标",
        "效益指标 可持续影响指标 各项待遇持续发放率 100% 历史标准 定量指标",
    ])
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("产出指标", "数量指标", "全市待遇发放额", "28600万元"),
        ("产出指标", "质量指标", "工伤保险基金安全完整率", "100%"),
        ("产出指标", "时效指标", "待遇及时发放率", "100%"),
        ("效益指标", "可持续影响指标", "各项待遇持续发放率", "100%"),
    ]


def _cells_per_line(cells: list[str]) -> str:
    return "\n".join(f"{c} |" for c in cells)


PROJECT_FORM = ["项目支出绩效目标表", "(2025年度)", "项目责任人:", "", "项目名称", "{project}", "主管部门及代码",
                "[042]六安市金安区体育局", "实施单位", "六安市金安区体育局", "项目期", "3年", "项目资金(万元)",
                "年度资金总额:", "1000.00", "其中:财政拨款", "1000.00", "其他资金", "0.00", "年度目标", "打造品牌赛事", "绩效指标", "一级指标", "二级指标", "三级指标", "指标值",
                "产出指标", "数量指标", "开展运动种类", "1种", "效益指标", "生态效益指标", "{ecology}", "{effect}",
                "可持续影响指标", "打造品牌赛事", "影响可持续"]


def test_forms_one_cell_per_line_each_read_their_own_header():
    # a real Lu'an page lists two projects' forms one cell per line; the second's fields are no
    # indicator cells of the first
    first = [c.format(project="网球公开赛", ecology="环境影响", effect="良好") for c in PROJECT_FORM]
    second = [c.format(project="常规赛费用", ecology="环境影响", effect="良好") for c in PROJECT_FORM]
    forms = parse_document(text_to_document(_cells_per_line(first + second)))
    assert [f.project for f in forms] == ["网球公开赛", "常规赛费用"]
    assert [len(f.indicators) for f in forms] == [3, 3]


def test_a_sentence_naming_this_indicator_is_no_level_label():
    # 本项目不适用此指标 ends in 指标 as level names do; it was read as a 一级 and the rows after it lost theirs
    cells = [c.format(project="网球公开赛", ecology="本项目不适用此指标", effect="无") for c in PROJECT_FORM]
    form = parse_document(text_to_document(_cells_per_line(cells)))[0]
    assert ("效益指标", "可持续影响指标", "打造品牌赛事", "影响可持续") in \
        [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators]
    assert all(i.level1 != "本项目不适用此指标" for i in form.indicators)


def test_space_separated_rows_under_vertical_labels_keep_their_levels():
    # a real Huizhou self-evaluation as a tender site prints it: 绩 效 指 标 one character to a header
    # cell, 一级 labels one character per line ending in the row they head, a 二级 label wrapped
    form = _first_form([
        "项目名称 国家电影事业发展专项资金",
        "绩 效 指 标 一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分 未完成原因和改进措施",
        "产", "出", "指",
        "标 数量指标 维护电影放映设备数量 ≥5套 5套 20 20",
        "质量指标 提升放映质量 明显 明显 10 10 ",
        "效", "益", "指",
        "标 经济效益",
        "指标 全年影院观影人数 ≥4万人次 4.4万人次 5 5",
        "影院营业收入 ≥150万元 188.6万元 5 5",
    ])
    assert [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [
        ("产出指标", "数量指标", "维护电影放映设备数量", "≥5套", "5套"),
        ("产出指标", "质量指标", "提升放映质量", "明显", "明显"),
        ("效益指标", "经济效益指标", "全年影院观影人数", "≥4万人次", "4.4万人次"),
        ("效益指标", "经济效益指标", "影院营业收入", "≥150万元", "188.6万元"),
    ]


def test_a_note_printed_between_the_rows_does_not_end_the_table():
    # a real Licheng self-evaluation: its 得分计算方法 column's sentences spill onto lines of their own
    form = _first_form([
        "项目名称 商品和服务支出 主管部门 济南市历城区文化和旅游局",
        "一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分",
        "产出指标 数量指标 全年免费开放 100% 100% 12.5 12.5",
        "定性指标计算:根据“三档”原则分别按照指标分值的100-80%(含80%)、80-50%(含50%)来记分。",
        "质量指标 免费开放管理制度健全、执行有效性 100% 100% 12.5 12.5",
        "时效指标 免费开放率 100% 100% 12.5 12.5",
    ])
    assert [(i.level2, i.indicator) for i in form.indicators] == [
        ("数量指标", "全年免费开放"), ("质量指标", "免费开放管理制度健全、执行有效性"), ("时效指标", "免费开放率")]
    assert any(c.role == "unread" and c.text.startswith("定性指标计算") for c in form.cells)


def test_a_whole_form_glued_on_one_line_with_stray_spaces_is_read_glued():
    # a document-sharing page's text of a real Xiangyang self-evaluation: one line from its title on, with
    # a few spaces where the viewer wrapped (项目类别1、部门预算项目 02、…), no separator at all
    line = ("2021年度财政项目绩效自评表单位名称:襄阳市中心医院填报日期:2022年3月18日项目名称东津院区建设补助"
            "主管部门襄阳市卫生健康委项目实施单位襄阳市中心医院项目类别1、部门预算项目 02、财政专项口 "
            "3、市对下转移支付项目口一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出 指标数量指标"
            "开工项目数量3个3个10质量指标工程验收合格率100%100%10效益 指标社会效益指标门诊服务人次增长率≥5%6%10")
    forms = parse_document(text_to_document("襄阳市中心医院\n" + line))
    assert [f.project for f in forms] == ["东津院区建设补助"]
    assert ("数量指标", "开工项目数量", "3个", "3个") in \
        [(i.level2, i.indicator, i.target_raw, i.actual_raw) for i in forms[0].indicators]


def test_a_preview_running_two_forms_together_keeps_the_first_forms_rows():
    # a real Xinzhou preview: the second form's 项目名称 | … | 主管部门 follows the first form's last row in
    # the same glued run; it heads a new form, it is no cell of that row
    form = ("项目支出绩效自评表(2020年度)项目名称{project}主管部门新洲区楚剧团实施单位新洲区文化和旅游局"
            "一级指标二级指标三级指标年度指标值实际完成值分值得分产出指标数量指标更新演出设备数量50件50件2020"
            "质量指标设备验收合格率100%100%2020满意度指标服务对象满意度指标演出人员满意度100%100%2020")
    text = "1、" + form.format(project="演出设备更新专项经费")[:120] + "\n2、" + form.format(project="演出设备更新专项经费")[120:] \
        + form.format(project="中青年演员培训经费").replace("项目支出绩效自评表(2020年度)", "")
    forms = parse_document(text_to_document(text))
    assert forms[0].project == "演出设备更新专项经费"
    assert [i.indicator for i in forms[0].indicators] == ["更新演出设备数量", "设备验收合格率", "演出人员满意度"]


def test_a_weight_left_where_a_level_name_was_lost_opens_a_glued_row():
    # Licheng's self-evaluation prints `(50分)` where its 一级 stands; glued, the row opens `(50分)数量指标…`
    from jixiao.parsers.indicators import peel_levels
    assert peel_levels("(50分)数量指标全年免费开放100%100%12.512.5") == (["(50分)", "数量指标"], "全年免费开放100%100%12.512.5")


def test_headings_wrapped_inside_their_cells_are_joined_with_their_second_lines():
    # a real Yu'an self-evaluation: 年度 | 实际 on the header's line, 指标值 | 完成值 on the next
    form = _first_form([
        "项目名称 市级文物保护专项经费",
        "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 29 29 27.8 9 0.958 8",
        "绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施",
        "指标值 完成值",
        "产出指标 数量指标 指标2:修缮建筑面积 6000平方米 6000平方米 7 7",
        "质量指标 指标1:验收通过率 100% 95% 6 5",
    ])
    assert [(i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators] == [
        ("指标2:修缮建筑面积", "6000平方米", "6000平方米", 7.0, 7.0), ("指标1:验收通过率", "100%", "95%", 6.0, 5.0)]
    # its 执行率 is printed as a share (0.958); 执行数 / 全年预算数 bears that out: 95.8 %
    assert form.budget[0].execution_rate == 95.8


def test_a_page_opening_mid_table_keeps_its_first_rows_and_their_split_targets():
    # a mirror site's copy of a Sichuan self-evaluation starts inside the table, above its first 一级;
    # with no header, a target printed as sign | number | unit cells is one target
    form = _first_form([
        "安全警示标志设置及时率 | = | 100 | % | 100 | 5 |",
        "成本指标 | 安全隐患排查成本预算 | = | 6 | 万元 | 6 | 5 |",
        "效益指标 | 社会效益指标 | 环境治理亮化美化率 | ≥ | 90 | % | 93 | 10 |",
        "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 95 | % | 96 | 10 |",
    ])
    assert [(i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("", "安全警示标志设置及时率", "=100%"), ("成本指标", "安全隐患排查成本预算", "=6万元"),
        ("社会效益指标", "环境治理亮化美化率", "≥90%"), ("服务对象满意度指标", "群众满意度", "≥95%")]


def test_a_vertical_label_run_into_a_glued_header_is_cut_off_it():
    # Xiqing's page: 绩 | 效 | 指 | 标一级指标二级指标三级指标指标值, then rows glued one per line
    form = _first_form([
        "项目名称支持西青区国有企业疫情期间减免房租补贴",
        "绩           效           目         标1.对疫情期间开展房租减免工作的国有企业进行补助。",
        "绩           效           指                     标一级指标二级指标三级指标指标值",
        "产出指标数量指标补贴国有企业≥25个",
        "国有企业免收租金面积≥300000平方米",
        "质量指标补贴覆盖国有企业率100%",
    ])
    assert [(i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("数量指标", "补贴国有企业", "≥25个"), ("数量指标", "国有企业免收租金面积", "≥300000平方米"),
        ("质量指标", "补贴覆盖国有企业率", "100%")]


def test_an_indicator_table_under_a_title_of_its_own_belongs_to_the_form_above():
    # Qingshan's page: 项目支出绩效目标表 with its fields and funding, then 绩效项目指标表 over the indicators
    forms = parse_document(text_to_document("\n\n".join([
        "项目支出绩效目标表", "2020年度)", "项目名称", "教育系统基础设施建设和设备购置", "实施单位", "武汉市青山区教育局",
        "项目资金", "资金总额", "10000万元", "绩效项目指标表",
        "一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 重点建设工程安排数量 | 2",
        "产出指标 | 质量指标 | 重点建设工程验收合格率 | 100%"])))
    assert len(forms) == 1
    assert forms[0].project == "教育系统基础设施建设和设备购置"
    assert [i.indicator for i in forms[0].indicators] == ["重点建设工程安排数量", "重点建设工程验收合格率"]


def test_a_level_name_ending_in_cost_stays_level_like_and_a_sentence_about_this_indicator_is_not():
    from jixiao.parsers.fit import shape
    assert shape("项目成本指标").level_like  # (…成本指标: 本 is part of 成本, no reference)
    assert not shape("本项目不适用此指标").level_like and not shape("无该指标").level_like


def test_a_glued_form_line_opening_with_a_signature_block_reads_from_its_title():
    # a real Ezhou preview: the signature block printed before the title, a header with no 三级 column
    # (its 二级 column holds the names) and an explanation column
    line = ("主管部门审核意见单位公章:年月 日鄂州市2022年市直部门预算项目支出绩效目标表项目名称滨湖大厦运行保障"
            "项目类别本级支出项目项目性质持续性项目绩效目标以办公大楼服务对象满意为目标。绩效指标一级指标二级指标"
            "绩效标准当年预期实现值数量指标办公大楼日常维修维护次数反映办公大楼全年维修维护情况280次大楼安检巡察次数"
            "反映大楼保卫巡检情况200次质量指标重要设备维修维保验收合格率反映设备设施维保质量情况95%")
    form = _first_form(["鄂州市2022年市直部门预算项目支出绩效目标表.docx", line])
    assert (form.title, form.project, form.department) == \
        ("鄂州市2022年市直部门预算项目支出绩效目标表", "滨湖大厦运行保障", None)
    assert [(i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("数量指标", "办公大楼日常维修维护次数", "280次"), ("数量指标", "大楼安检巡察次数", "200次"),
        ("质量指标", "重要设备维修维保验收合格率", "95%")]


def test_one_target_column_per_area_keeps_the_first_areas_targets():
    # a real Anxi transfer form, one cell per line: after 指标解释 a target column per village, no 指标值
    cells = ["项目名称 |", "省级水利专项资金 |", "主管部门(单位)名称 |", "安溪县水利局 |", "|", "绩效 指标 |",
             "一级指标 |", "二级指标 |", "三级指标 |", "指 标 解 释 |", "西坪镇尧山村 |", "桃舟乡吾培村 |",
             "芦田镇三洋村 |", "|", "产出 指标 |", "数量指标 |", "开展小型水利工程建设(个) |",
             "反映小型水利工程建设项目开展情况 |", "1 |", "1 |", "2 |", "|", "效益指标 |", "社会效益指标 |",
             "受益人口(人) |", "反映受益人口情况 |", "≥300 |", "≥200 |", "≥100 |", "|"]
    form = _first_form(["2022年省级水利专项资金绩效目标表"] + cells)
    assert [(i.level1, i.indicator, i.target_raw) for i in form.indicators] == [
        ("产出指标", "开展小型水利工程建设(个)", "1"), ("效益指标", "受益人口(人)", "≥300")]


def test_area_headings_glued_together_are_cut_after_each_towns_name():
    from jixiao.parsers.indicators import split_areas
    assert split_areas("笏石街道办埭头镇") == ["笏石街道办", "埭头镇"]
    assert split_areas("西坪镇尧山村桃舟乡吾培村") == ["西坪镇尧山村", "桃舟乡吾培村"]  # a village stays with its town
    assert split_areas("区域目标值") == ["区域目标值"]


def test_a_direction_column_holding_signs_gives_the_comparator():
    # Fujian's 指标方向 holds ≥ / ≤; Hebei's holds 正向, which is no sign
    form = _first_form(["项目支出绩效目标表", "项目名称|水毁修复", "一级指标|二级指标|三级指标|指标方向|指标值",
                        "产出指标|数量指标|开展修复工程(个)|≥|1", "成本指标|经济成本指标|成本控制率(%)|≤|100%",
                        "效益指标|社会效益指标|受益人口|正向|300人"])
    assert [i.target_raw for i in form.indicators] == ["≥1", "≤100%", "300人"]


def test_with_no_level2_column_a_level2_word_in_the_name_column_is_the_name():
    # a real Linhai project-library entry: 指标类型 | 指标名称 | 指标值 | 指标描述, the filler wrote the 二级
    # words in the name column; the row is kept under its name as printed (it was dropped as a bare 二级)
    form = _first_form(["项目名称: | 绿化养护经费 |", "指标类型 | 指标名称 | 指标值 | 指标描述 |",
                        "产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护 |",
                        "质量指标 | 100% | 达到绿化绿地全覆盖 |",
                        "满意度指标 | 服务对象或受益者满意度指标 | ≥95% | 服务对象对于绿化的养护满意 |"])
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("产出指标", "", "数量指标", "375万平方米"), ("产出指标", "", "质量指标", "100%"),
        ("满意度指标", "", "服务对象或受益者满意度指标", "≥95%")]


def test_a_notices_list_of_attachments_opens_no_form():
    # a real Hainan notice glued on one line: 附件:1.…分配表2.项目绩效目标表 lists the attachments; the form is
    # the one after 附件2 (its number glued to the title and to the total before it)
    line = ("请按照有关规定尽快将资金拨付申报单位,并对照有关绩效目标(详见附件2)做好绩效监控,附件:1.项目奖励资金分配表"
            "2.项目绩效目标表海南省财政厅2022年6月29日附件1项目奖励资金分配表序号单位名称分配金额1省卫生健康委500"
            "合计2430.3附件2项目绩效目标表主管部门:省商务厅项目名称会展业发展资金一级指标二级指标三级指标指标值"
            "产出指标数量指标全年实现会展业综合收入≥280亿元")
    forms = parse_document(text_to_document(line))
    assert [(f.title, f.project) for f in forms] == [("项目绩效目标表", "会展业发展资金")]


def _across_a_page_break(title: str, page1_row: list[str], page2_rows: list[list[str]]):
    """The form of a two-page indicator table whose first level cells a page break cut: page 1 holds the
    header and one row, page 2 the rest, its first 一级 cell merged over both its rows."""
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    p1 = Table([Cell(t, r, c, page=1) for r, row in enumerate([header, page1_row]) for c, t in enumerate(row)], page=1)
    p2 = Table([Cell(t, r, c, page=2) for r, row in enumerate(page2_rows) for c, t in enumerate(row)], page=2)
    p2.cells[0].rowspan = 2
    [form] = parse_document(Document([TextLine(title), p1, p2]))
    return [(i.level1, i.level2, i.indicator) for i in form.indicators]


@pytest.mark.parametrize("title, page1_row, page2_rows, levels", [
    pytest.param(  # real Hebei self-evaluation content exported by Calc: 产出指标(70分) cut inside its bracket
        "项目支出绩效自评表", ["产出指标(70", "数量指标", "安装水标尺", "≥266米"],
        [["分)", "", "水标尺宽度", "≥50厘米"], ["", "质量指标", "验收合格率", "100%"]],
        [("产出指标(70分)", "数量指标"), ("产出指标(70分)", "数量指标"), ("产出指标(70分)", "质量指标")], id="bracket"),
    pytest.param(  # real Shanxi self-evaluation content drawn in a scan: 产出指标 on page 1, its weight (50分) on page 2
        "项目支出绩效自评表", ["产出指标", "数量指标", "全县参合人数", "8755"],
        [["(50分)", "质量指标", "资金是否全部纳入医保统筹", "100%"], ["", "时效指标", "资金是否全部及时纳入", "100%"]],
        [("产出指标(50分)", "数量指标"), ("产出指标(50分)", "质量指标"), ("产出指标(50分)", "时效指标")], id="weight"),
    pytest.param(  # real Hunan target content exported to PDF: 效益指 / 经济效 on page 1, 标 / 益指标 on page 2
        "项目支出绩效目标表", ["效益指", "经济效", "增加贫困村收入", ">=6万元"],
        [["标", "益指标", "增加贫困人口收入", ">=2.61万元"], ["", "社会效益指标", "接待游客数量", ">=60000人"]],
        [("效益指标", "经济效益指标"), ("效益指标", "经济效益指标"), ("效益指标", "社会效益指标")], id="two-labels"),
])
def test_a_level_label_a_page_break_cut_is_joined(title, page1_row, page2_rows, levels):
    """The merged level cells span a page break, a piece of their label on each page; every row they span
    carries the whole label."""
    names = [page1_row[2]] + [row[2] for row in page2_rows]
    assert _across_a_page_break(title, page1_row, page2_rows) == [(l1, l2, n) for (l1, l2), n in zip(levels, names)]


def test_a_level_label_lacking_its_指标_after_a_page_break_and_a_cut_name_are_joined():
    # real Hunan target content drawn in a scan: the merged 二级 cell 社会效益指标 spans the last two rows of
    # page 1 and the first of page 2 (社会效益 above the break, 指标 below), and that row's name is cut too
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    names = [("受益脱贫(监测)人口数", "≥500人"), ("解决脱贫(监测)饮水安全问题", "≥1000人")]
    p1 = Table([Cell(t, 0, c, page=1) for c, t in enumerate(header)]
               + [Cell("效益指标", 1, 0, rowspan=2, page=1), Cell("社会效益", 1, 1, rowspan=2, page=1)]
               + [Cell(t, r, c, page=1) for r, pair in enumerate(names, start=1) for c, t in enumerate(pair, start=2)],
               page=1)
    rows2 = [["", "指标", "人数", ""], ["", "生态效益指标", "新增和改善灌溉达标面积", "≥500亩"]]
    p2 = Table([Cell(t, r, c, page=2) for r, row in enumerate(rows2) for c, t in enumerate(row)], page=2)
    [form] = parse_document(Document([TextLine("项目支出绩效目标表"), p1, p2]))
    assert [(i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("社会效益指标", "受益脱贫(监测)人口数", "≥500人"), ("社会效益指标", "解决脱贫(监测)饮水安全问题人数", "≥1000人"),
        ("生态效益指标", "新增和改善灌溉达标面积", "≥500亩")]


def test_a_funding_block_of_planned_amounts_makes_no_self_evaluation():
    # a real Zhenjiang project disclosure (its title names neither 目标 nor 自评): 全年(程)预算数 | 半年(程)计划执行数
    # are a plan, the form a target form (全年预算数 alone had made it a self-evaluation)
    cells = ["2024年度赛珍珠文化公园运转经费项目绩效公开", "项目名称", "赛珍珠文化公园运转经费", "项目资金 (万元)",
             "收入", "全年(程) 预算数", "资金总额", "80", "财政拨款", "80", "支出", "半年(程) 计划执行数",
             "全年(程) 预算数", "资金总额", "40", "80", "一级指标", "二级指标", "三级指标", "半年(程) 指标值",
             "全年(程) 指标值", "产出指标", "数量指标", "开放天数", "≥150天", "≥300天"]
    form = _first_form([line for c in cells for line in (c, "")])  # one cell per paragraph
    assert form.form_type == "project_target"


def test_a_self_evaluations_goal_texts_under_年初设定目标_and_完成情况综述():
    # a real Anhui self-evaluation (pipes): the goal block's column headings, then the two texts; the
    # target ends in 收入 as funding labels do, and a clause with its comma is no funding label
    form = _first_form([
        "绩效目标自评表 | ||||",
        "项目名称 | 河西村特色种养补贴到户项目 | |||",
        "资金情况 (万元) |",
        "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |",
        "年度资金总额: | 9.48 | 9.48 | 10 | 100% | 10 |",
        "年度总体目标 | 年初设定目标 | 年度总体目标完成情况综述 | ||||",
        "落实39户特色种养业奖补政策,增加脱贫户家庭收入 | 落实39户特色种养业奖补政策,增加脱贫户家庭收入 | ||||",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 |",
        "产出指标 | 数量指标 | 补助种植面积 | 29.5亩 | 29.5亩 |",
    ])
    text = "落实39户特色种养业奖补政策,增加脱贫户家庭收入"
    assert [(g.kind, g.text) for g in form.goals] == [("annual", text), ("actual", text)]
    assert [b.item for b in form.budget] == ["年度资金总额:"]


def test_goal_texts_one_per_row_under_headings_side_by_side():
    # a real Anhui target form (pipes): 中期目标 | 年度目标 side by side, then each text on a row of its own
    text = "通过项目实施,开展农产品质量安全监测及三品一标工作,实现农产品质量安全得到提升。"
    form = _first_form([
        "项目支出绩效目标表 | |", "项目名称 | 农产品质量安全监测 |", "总 体 目 标 |",
        "中期目标(2024年—2026年) | 年度目标 | ||||", f"{text} |", f"{text} |", "绩 效 指 标 |",
        "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 检测批次 | 2批次/千人 |"])
    assert [(g.kind, g.text) for g in form.goals] == [("long_term", text), ("annual", text)]


def test_a_units_name_beside_部门_is_no_goal_and_a_goal_sentence_is_no_funding_label():
    # real pages: 部门 | 某中心 (部门 starts the heading 部门整体绩效目标, read as cut short) and a goal one cell
    # per paragraph whose words hold 预算 (按工作计划完成…预算安排), read as a funding line
    form = _first_form([
        "部门整体支出绩效自评表 | |", "部门 | 金寨县茶谷和美丽乡村建设服务中心 |",
        "年度总体目标 | 预期目标 | 实际完成情况 |", "1.建设徽风皖韵美丽乡村;2.整治美丽宜居自然村庄。 | 1.启动精品示范村建设;2.整治自然村庄202个。 |",
        "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 整治自然村庄 | 200个 |"])
    assert [g.kind for g in form.goals] == ["annual", "actual"]
    assert form.goals[0].text == "1.建设徽风皖韵美丽乡村;2.整治美丽宜居自然村庄。"
    cells = ["项目支出绩效目标表", "项目名称", "教育系统基础设施建设", "总体目标", "中期目标", "年度目标",
             "优化教育布局,推进教育领域综合改革全面提升育人质量", "按工作计划完成教育局重点项目建设经费预算安排",
             "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "重点建设工程安排数量", "2"]
    form = _first_form([line for c in cells for line in (c, "")])
    assert [(g.kind, g.text) for g in form.goals][-1] == ("annual", "按工作计划完成教育局重点项目建设经费预算安排")
    assert form.budget == []


def test_a_funding_words_text_under_goal_headings_without_an_amount_is_the_goal():
    # a real Yunnan self-evaluation: the project's name written as both goals reads like a funding label (经费)
    form = _first_form([
        "项目支出绩效自评表 | |", "项目名称 | 自然资源卫片执法补助经费 |", "年度总体目标 |", "预期目标 | 实际完成情况 |",
        "| 自然资源卫片执法补助经费 | 自然资源卫片执法补助经费 |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |", "产出指标 | 数量指标 | 卫片执法补助经费 | 72890元 | 72890元 |"])
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "自然资源卫片执法补助经费"), ("actual", "自然资源卫片执法补助经费")]


def test_a_bare_部门_names_a_department_forms_own_unit_and_a_project_forms_supervisor():
    body = ["一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 整治自然村庄 | 200个 |"]
    dept = _first_form(["部门整体支出绩效目标表 | |", "部门 | 金寨县茶谷和美丽乡村建设服务中心 |", *body])
    assert (dept.department, dept.agency) == ("金寨县茶谷和美丽乡村建设服务中心", None)
    project = _first_form(["项目支出绩效目标表 | |", "部门 | 湘西州教育和体育局 |", "项目名称 | 特教学校运转 |", *body])
    assert (project.department, project.agency) == (None, "湘西州教育和体育局")


def test_a_funding_label_alone_takes_the_amounts_row_below_it_filling_the_last_columns():
    # a real Yunnan self-evaluation (pipes): each label on its own line, its amounts on the next one with
    # the empty 年初预算数 cell dropped
    form = _first_form([
        "项目支出绩效自评表 |", "项目名称 | 2023年马鹿坑国有林场新建野生动物收容所建设项目 |", "项目资金 (万元) |",
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |", "年度资金总额 |", "| 32.4 | 31.69 | 10 | 97.80% | 9 |",
        "其中:当年财政拨款 |", "| 32.4 | 31.69 | 10 | 97.80% | 9 |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |", "产出指标 | 数量指标 | 收容所 | ≥200平方米 | 204.46平方米 |"])
    assert [(b.item, b.budget_initial, b.budget_full_year, b.executed, b.score_max, b.score) for b in form.budget] == [
        ("年度资金总额", None, 32.4, 31.69, 10, 9), ("其中:当年财政拨款", None, 32.4, 31.69, 10, 9)]
    assert round(form.budget[0].execution_rate, 1) == 97.8


def test_a_funding_line_printing_its_unit_beside_a_field_is_a_line():
    # a real Tianjin 抗疫特别国债 form: 主管预算部门 | 某局 | 项目预算金额(万元) | 193.8 on one row
    form = _first_form([
        "抗疫特别国债项目绩效目标表(打捆项目) | ||||", "项目名称 | 2020年非营利性民办园房租补贴 | |||",
        "主管预算部门 | 天津市宁河区教育局 | 项目预算金额(万元) | 193.8 | |",
        "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 补贴民办幼儿园数量 | 20个 | |"])
    assert [(b.item, b.amount) for b in form.budget] == [("项目预算金额(万元)", 193.8)]


def _grid_form(title: str, rows: list[list[str]], spans=(), exact: bool = False):
    """The one form read from a title line and a grid (an office or PDF table); ``spans`` (row, col, rowspan)
    merge a cell down its column, ``exact``: the grid's columns are the source's own (an office table)."""
    covered = {(r + k, c) for r, c, n in spans for k in range(1, n)}
    span_of = {(r, c): n for r, c, n in spans}
    table = Table([Cell(t, r, c, page=1, rowspan=span_of.get((r, c), 1)) for r, row in enumerate(rows)
                   for c, t in enumerate(row) if (r, c) not in covered], page=1, exact=exact)
    [form] = parse_document(Document([TextLine(title), table]))
    return form


def test_a_funding_words_goal_under_its_heading_column_beside_a_rate_is_the_goal():
    # the Yunnan self-evaluation in the Shanxi layout (a grid): 年度预期目标 | 具体完成情况 | 总体完成率(%), the texts
    # below read like a funding label (经费) and stand beside the rate 100.00
    rows = [["项目名称", "自然资源卫片执法补助经费", ""], ["年度资金总额", "7.29", "7.29"],
            ["年度预期目标", "具体完成情况", "总体完成率(%)"],
            ["自然资源卫片执法补助经费", "自然资源卫片执法补助经费", "100.00"],
            ["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "卫片执法补助经费"]]
    form = _grid_form("项目支出绩效自评表", rows)
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "自然资源卫片执法补助经费"), ("actual", "自然资源卫片执法补助经费")]


def test_a_total_line_after_its_block_label_with_the_unit():
    # a real Xiangtan form drawn as a PDF grid: 项目资金（万元） | 资金总额: | 250.00, then the sources below
    rows = [["项目名称", "雾炮车抑尘降尘服务", ""], ["项目资金（万元）", "资金总额:", "250.00"],
            ["项目资金（万元）", "一、预算资金:", "250.00"], ["项目资金（万元）", "三、其他:", "0.00"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "服务车辆", "2台"]]
    form = _grid_form("2024年项目绩效目标表", rows)
    assert [(b.item, b.amount) for b in form.budget][0] == ("资金总额:", 250.0)


def test_a_department_form_naming_its_unit_once_is_a_form_and_its_colon_labels_are_lines():
    # a real Hunan 2017 申报表, one cell per paragraph: only 部门名称 names the form's subject and the
    # indicator block has no header (质量指标:… rows); funding lines print label: amount, some left empty,
    # by nature of income and of spending (按收入性质分 is a grouping, no line)
    cells = ["部门整体支出绩效目标申报表", "部门名称", "南岳区实验中学", "年度预算申请", "(万元)", "资金总额:704",
             "按收入性质分", "按支出性质分", "公共财政拨款:683", "政府性基金拨款:", "纳入专户管理的非税收入拨款:21",
             "其他资金:", "基本支出:622", "项目支出:82", "部门整体支出", "年度绩效指标", "产出指标",
             "质量指标:学校的教育教学秩序良好,力争毕业生合格率达100%"]
    [form] = parse_text("\n\n".join(cells))
    assert form.department == "南岳区实验中学"
    assert [(b.item, b.amount) for b in form.budget] == [
        ("资金总额:", 704.0), ("公共财政拨款:", 683.0), ("政府性基金拨款:", None), ("纳入专户管理的非税收入拨款:", 21.0),
        ("其他资金:", None), ("基本支出:", 622.0), ("项目支出:", 82.0)]


def test_funding_labels_with_their_colons_side_by_side_are_each_a_line():
    # a real Yanling 2017 申报表 flattened to | rows: income and spending lines side by side, empty ones too
    text = ("部门整体支出绩效目标申报表\n| 部门(单位)名称:炎陵县交通运输局 | 单位负责人:林友 | |\n"
            "| 年度预算收支情况(万元) | 年初预算资金:183.58 | |\n| 按收入性质分: | 按支出性质分: | |\n"
            "| 其中:公共财政拨款:183.18 | 其中: 基本支出:183.58 | |\n| 政府性基金拨款: | 其他支出: | |\n"
            "| 其他资金: | | |\n| 部门整体支出 年度绩效指标 | 产出指标 | 指标1部门整体支出支付进度为100% |\n")
    [form] = parse_text(text)
    assert [(b.item, b.amount) for b in form.budget][-3:] == [("政府性基金拨款:", None), ("其他支出:", None),
                                                              ("其他资金:", None)]


def test_space_separated_self_evaluation_rows_that_dropped_their_blank_target_and_actual():
    # a real Tianchang self-evaluation copied from a page: rows separated by spaces lose their empty
    # cells, so 指标1:工程质量合格 10 10 (target and actual blank) stood left-aligned under 年度指标值 | 实际完成值;
    # the weight 10 every whole row prints says the two 10s are 分值 | 得分. Labels broken over lines
    # (可持续影 ⏎ 响指标, 服务对象 ⏎ 满意度指标) and a weight on a line of its own (满意度指标 ⏎ (10分)) join,
    # and (30分) before a 二级 name is the next 一级 as printed, no value of the placeholder row above it
    lines = ["项目支出绩效自评表", "项目名称 水旱灾害防御经费",
             "年度绩效指标完成情况 一级", "指标", "二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
             "(50分)", "数量指标 指标1:完成中型灌区节水改造项目数量 1 1 10 10", "指标2:完成农业综合水价改革项目 1 1 10 10",
             "质量指标 指标1:工程质量合格 10 10", "时效指标 指标1:年度资金支付完成率100% 10 10", "指标2:", "……",
             "(30分)", "经济效益", "指标", "指标1:全市安全度汛 10 10", "可持续影", "响指标", "指标1:已建工程良性运行 10 10",
             "满意度指标", "(10分)", "服务对象", "满意度指标", "指标1:服务对象满意度 90% 100% 10 10", "总分 100 100"]
    [form] = parse_text("\n".join(lines))
    assert [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score)
            for i in form.indicators] == [
        ("(50分)", "数量指标", "指标1:完成中型灌区节水改造项目数量", "1", "1", 10, 10),
        ("(50分)", "数量指标", "指标2:完成农业综合水价改革项目", "1", "1", 10, 10),
        ("(50分)", "质量指标", "指标1:工程质量合格", "", None, 10, 10),
        ("(50分)", "时效指标", "指标1:年度资金支付完成率100%", "", None, 10, 10),
        ("(30分)", "经济效益指标", "指标1:全市安全度汛", "", None, 10, 10),
        ("(30分)", "可持续影响指标", "指标1:已建工程良性运行", "", None, 10, 10),
        ("满意度指标(10分)", "服务对象满意度指标", "指标1:服务对象满意度", "90%", "100%", 10, 10)]


def test_a_page_whose_lines_glued_their_cells_reads_fields_funding_and_levels():
    # a real Langzhong self-evaluation as the page prints it: each line's cells run together. The
    # funding headings are one cell (全年预算数(A)全年执行数(B)预算执行率(B/A)) and each line's amounts one
    # run (40004000100%: 4000 | 4000 | 100% by their arithmetic); 成本指标 left unfilled (……) is a 二级,
    # not the 一级 of the 经济效益指标 after it; 服务对象 glued after the 一级 begins the 二级 below it
    lines = ["车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评表", "(2021年度)",
             "转移支付(项目)名称车辆购置税收入补助地方资金(普通省道公路建设)", "中央主管部门财政部",
             "地方主管部门阆中市交通运输局资金使用单位阆中市交通运输局", "项目资金", "(万元)", "",
             "全年预算数(A)全年执行数(B)预算执行率(B/A)", "年度资金总额:40004000100%", " 其中:中央补助40004000100%",
             "绩效指标一级", "指标", "二级指标三级指标指标值全年实际完成值未完成原因和改进措施", "",
             "数量指标建设普通省道二级公路32.1公里2020", "", "时效指标按期完成投资1010", "", "成本指标", "", "……", "",
             "经济效益", "指标", "对经济发展的促进作用1010", "", "满意度指标服务对象", "满意度指标",
             "改善通行服务水平群众满意度2020", "", "……"]
    [form] = parse_text("\n".join(lines))
    assert (form.project, form.agency, form.department) == (
        "车辆购置税收入补助地方资金(普通省道公路建设)", "阆中市交通运输局", "阆中市交通运输局")
    assert [(b.item, b.budget_full_year, b.executed, b.execution_rate) for b in form.budget] == [
        ("年度资金总额:", 4000.0, 4000.0, 100.0), ("其中:中央补助", 4000.0, 4000.0, 100.0)]
    assert [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [
        ("", "数量指标", "建设普通省道二级公路32.1公里", "20", "20"), ("", "时效指标", "按期完成投资", "10", "10"),
        ("", "经济效益指标", "对经济发展的促进作用", "10", "10"),
        ("满意度指标", "服务对象满意度指标", "改善通行服务水平群众满意度", "20", "20")]


def test_a_funding_blocks_label_printing_its_unit_is_no_column_read_one_character_off():
    # a real Daying self-evaluation: 年度预算数(万元) heads the line labels; read one character off it was a
    # second 年初预算数 column and took 3.36, the 调整后预算数, as the initial budget
    rows = [["部门预算项目支出绩效自评表(2023年度)"], ["项目名称", "安可替代补助资金项目"],
            ["主管部门", "大英县司法局", "实施单位", "大英县司法局"],
            ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
            ["总额", "0.00", "3.36", "3.36", "100.00%", "10", "10", ""],
            ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
            ["产出指标", "数量指标", "购买安可电脑", "13台", "13台", "90", "90"]]
    [form] = parse_text("\n".join(" | ".join(r) + " |" for r in rows))
    assert [(b.item, b.budget_initial, b.budget_full_year, b.executed, b.execution_rate, b.score_max, b.score)
            for b in form.budget] == [("总额", 0.0, 3.36, 3.36, 100.0, 10, 10)]


def test_a_units_field_glued_to_the_funding_line_after_it():
    # a real Chongqing 整体绩效目标表 glued one row per line: the unit's name runs into 区级支出预算总量3724.39
    text = ("2022年部门(单位)整体绩效目标表\n单位:万元\n"
            "部门(单位)名称重庆市巴南区人民政府一品街道办事处区级支出预算总量3724.39\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 开展各种文艺活动场次 | 20场 |\n")
    [form] = parse_text(text)
    assert form.department == "重庆市巴南区人民政府一品街道办事处"
    assert [(b.item, b.amount) for b in form.budget] == [("区级支出预算总量", 3724.39)]


def test_a_blank_field_takes_no_label_and_value_printed_after_it():
    # a real Nanyue 申报表: 填报单位(盖章): 单位负责人:谭呈祥 — the unit left blank, a person's field after it
    text = ("雨露计划绩效目标申报表\n| 填报单位(盖章): 单位负责人:谭呈祥 | |\n| 专项名称 | 2023年雨露计划就学补助项目 |\n"
            "| 主管部门 | 南岳区乡村振兴局 |\n| 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 |\n"
            "| 产出指标 | 数量指标 | 补助学生人数 | 100人 |\n")
    [form] = parse_text(text)
    assert (form.department, form.agency, form.project) == (None, "南岳区乡村振兴局", "2023年雨露计划就学补助项目")


def test_a_page_opening_mid_table_at_a_level_name_both_levels_use():
    # a real Daying self-evaluation excerpt opening inside a form's table: its first 一级 row starts with
    # 满意度指标, a name both levels use, before a 二级 of its own; the rows above it are the table's too
    text = ("公益性讲座知晓率 | = | 100 | % | 100 | 5 | 5 |\n"
            "满意度指标 | 服务对象满意度指标 | 活动参与人员满意度 | ≥ | 95 | % | 95 | 5 | 5 |\n"
            "聘用人员满意度 | ≥ | 95 | % | 95 | 5 | 5 |\n合计 | 100 | 100 |\n")
    [form] = parse_text(text)
    assert [(i.level1, i.level2, i.indicator, i.target_raw) for i in form.indicators][-2:] == [
        ("满意度指标", "服务对象满意度指标", "活动参与人员满意度", "≥95%"),
        ("满意度指标", "服务对象满意度指标", "聘用人员满意度", "≥95%")]


def test_a_bracketed_unit_cell_never_heads_the_level_label_after_it():
    """One cell per paragraph under 计算符号 | 指标值 | 度量单位: ``(%)`` ends a row, ``质量指标`` opens the next."""
    text = "\n\n".join(["项目支出绩效目标表", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "度量单位",
                        "产出指标", "数量指标", "补贴对象申请审核完成率", "=", "100.00", "(%)",
                        "质量指标", "补贴对象审核达标率", "=", "100.00", "(平方米)",
                        "效益指标", "社会效益指标", "补贴对象生活改善度", "≥", "80", "%"])
    [form] = parse_text(text)
    assert [(i.level1, i.level2, i.indicator) for i in form.indicators] == [
        ("产出指标", "数量指标", "补贴对象申请审核完成率"), ("产出指标", "质量指标", "补贴对象审核达标率"),
        ("效益指标", "社会效益指标", "补贴对象生活改善度")]


def test_a_level_label_with_a_damaged_weight_note_is_still_a_level():
    from jixiao.parsers.vocab import level_of
    assert level_of("产出指标(50分一") == level_of("产出指标（50分）)") == level_of("产出指标(50分)") == {1}
    assert not level_of("一级指标")


def test_an_explanation_column_between_name_and_target_one_cell_per_paragraph():
    text = "\n\n".join(["项目支出绩效目标表", "一级指标", "二级指标", "三级指标", "指标解释", "指标值",
                        "产出指标", "数量指标", "开展社区法治宣传活动", "反映开展社区法治情况", "开展不低于5次的社区法治宣传活动",
                        "按计划数量完成", "反映按计划数量完情况", "慰问人数不少于100人",
                        "质量指标", "心理健康教育活动有效", "反映心理健康教育情况", "居民心理健康有效提升"])
    [form] = parse_text(text)
    assert rows_of(form) == [("产出指标", "数量指标", "开展社区法治宣传活动", "开展不低于5次的社区法治宣传活动"),
                             ("产出指标", "数量指标", "按计划数量完成", "慰问人数不少于100人"),
                             ("产出指标", "质量指标", "心理健康教育活动有效", "居民心理健康有效提升")]


def test_a_level_label_printed_one_character_to_a_line_is_one_label():
    vertical = "\n".join("可持续影响指标")
    text = "\n\n".join(["项目支出绩效目标表", "一级指标", "二级指标", "三级指标", "指标值",
                        "效益指标", vertical, "设施持续使用年限", "≥10年"])
    [form] = parse_text(text)
    assert rows_of(form) == [("效益指标", "可持续影响指标", "设施持续使用年限", "≥10年")]


def test_a_funding_block_label_run_into_its_first_line_or_its_headings():
    from jixiao.parsers.funding import run_together_headings, split_label_amount
    assert split_label_amount("项目资金(万元)年度资金总额:5") == ("年度资金总额:", "5")
    assert run_together_headings("项目资金(万元)全年预算数全年执行数执行率得分") == [
        "项目资金(万元)", "全年预算数", "全年执行数", "执行率", "得分"]
    text = "\n".join(["项目支出绩效自评表", "项目名称某某项目", "项目资金(万元)全年预算数全年执行数执行率得分",
                      "年度财政资金总额1.561.56100%20", "一级指标二级指标三级指标指标值实际完成值",
                      "产出指标数量指标培训人次≥500人次500人次"])
    [form] = parse_text(text)
    assert [(b.item, b.budget_full_year, b.executed) for b in form.budget] == [("年度财政资金总额", 1.56, 1.56)]


def test_a_goal_heading_run_into_its_text_without_a_colon():
    from jixiao.parsers.goals import heading_with_text
    assert heading_with_text("年度绩效目标保持和稳定地方粮食储备机制") == ("annual", "保持和稳定地方粮食储备机制")
    assert heading_with_text("绩效目标申报表(基础设施建设类)") is None  # a title
    assert heading_with_text("年度目标实际完成情况") is None  # two headings


def test_a_seal_read_under_the_table_is_no_row():
    """A seal the scan left as dark as the print (a palette PNG turns its red grey) is read as two lines
    under the table: its rim (the unit's name, garbled) and its legend ``绩效专用章``, which ends the table."""
    blocks = [Table([Cell(t, r, c) for r, row in enumerate((
        ("一级指标", "二级指标", "三级指标", "指标值"),
        ("产出指标", "数量指标", "保障人数", "≥204人"),
        ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"))) for c, t in enumerate(row)], exact=True),
        TextLine("海杜商务和机保"), TextLine("绩效专用章")]
    [form] = parse_document(Document(blocks=blocks, method="image-ocr", pages=1))
    assert rows_of(form)[-1] == ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%")
    assert len(form.indicators) == 2


@pytest.mark.parametrize("second_page", [2, 1])  # a PDF's next page; a picture of stitched pages: one page
def test_a_level_label_cut_between_stitched_pages_is_joined(second_page):
    """效 at the foot of one page, 益指标 at the top of the next: the rows on both sides carry 效益指标.
    Pages stitched into one picture come as two tables one under the other on the same page."""
    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    p1 = Table.from_rows([header, ["产出指标", "数量指标", "新建社区养老服务", "7个"],
                          ["效", "社会效益指标", "服务老人人次", "≥500人次"]], page=1)
    p2 = Table.from_rows([["益指标", "", "老人生活改善", "有所改善"],
                          ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%"]], page=second_page)
    doc = Document([TextLine("项目支出绩效目标表", page=1), p1, p2], method="image-ocr", pages=second_page)
    [form] = parse_document(doc)
    assert [(i.level1, i.indicator) for i in form.indicators] == [
        ("产出指标", "新建社区养老服务"), ("效益指标", "服务老人人次"), ("效益指标", "老人生活改善"),
        ("满意度指标", "老人满意度")]


def test_a_weight_the_row_could_not_hold_on_its_line_is_the_rows():
    """Space-separated rows (a crawled spreadsheet preview): a 定性 row's 分值 printed on the next line
    alone is that row's, not a page number; a lone number after a complete row stays out."""
    text = ("项目支出绩效目标表\n一级指标 二级指标 三级指标 指标性质 指标值 度量单位 分值\n"
            "产出指标 数量指标 开展食品安全宣传周活动 = 1 次 10\n"
            "效益指标 社会效益指标 食品安全整体状况 定性 高中低\n10\n"
            "满意度指标 服务对象满意度指标 公众对食品安全满意度 ≥ 90 % 5\n7\n")
    [form] = parse_text(text)
    assert [(i.indicator, i.score_max) for i in form.indicators] == [
        ("开展食品安全宣传周活动", 10), ("食品安全整体状况", 10), ("公众对食品安全满意度", 5)]


def test_a_qualitative_row_broken_over_two_lines_reads_whole():
    """A page opening mid-table (no header): a 定性 row's marker is no target, and its line break leaves
    the actual and scores on the next line, whose first cell repeats the target — the row goes on there,
    no new row named 好坏."""
    text = ("公益性讲座知晓率 | = | 100 | % | 100 | 5 | 5 |\n| |||\n"
            "可持续影响指标 | 图书馆管理机制健全性 | 定性 | 好坏 |\n| 好坏 | 5 | 5 |\n| ||\n"
            "满意度指标 | 服务对象满意度指标 | 活动参与人员满意度 | ≥ | 95 | % | 95 | 5 | 5 |\n| |\n"
            "聘用人员满意度 | ≥ | 95 | % | 95 | 5 | 5 |\n| |||\n合计 | 100 | 100 |\n")  # (a real Daying page)
    [form] = parse_text(text)
    rows = [(i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators]
    assert ("图书馆管理机制健全性", "好坏", "好坏", 5, 5) in rows
    assert not any(name == "好坏" for name, *_ in rows)


def test_an_office_grid_printing_names_under_a_blank_level2_column_reads_them_as_names():
    """A real Linhai form printed 指标类型 | 指标名称 | 指标值 and was drawn into the 一级/二级/三级
    template with the 二级 cells left blank: its 数量指标, 质量指标 … stand in the 三级 column and are the
    rows' names as printed. No row moves left into the blank column."""
    rows = [["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "", "数量指标", "375万平方米"], ["", "", "质量指标", "100%"], ["", "", "时效指标", "全年"],
            ["效益指标", "", "社会效益指标", "是"], ["", "", "生态效益指标", "是"],
            ["满意度指标", "", "服务对象或受益者满意度指标", "≥95%"]]
    form = _grid_form("项目支出绩效目标表", rows, [(1, 0, 3), (1, 1, 3), (4, 0, 2), (4, 1, 2)], exact=True)
    assert rows_of(form) == [("产出指标", "", "数量指标", "375万平方米"), ("产出指标", "", "质量指标", "100%"),
                             ("产出指标", "", "时效指标", "全年"), ("效益指标", "", "社会效益指标", "是"),
                             ("效益指标", "", "生态效益指标", "是"),
                             ("满意度指标", "", "服务对象或受益者满意度指标", "≥95%")]


def test_an_office_grid_row_with_a_blank_level3_cell_keeps_its_target():
    """A real Nanyue form wrote each 二级's target as a sentence and left the 三级 column blank: every row
    is kept, nameless, with the sentence as its target (not read as a name)."""
    rows = [["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "质量指标", "", "学校的教育教学秩序良好,力争毕业生合格率达100%"],
            ["", "时效指标", "", "按时完成教学任务,顺利完成中考。"],
            ["", "成本指标", "", "全年预算全额用于保障教育教学。"]]
    form = _grid_form("部门整体支出绩效目标表", rows, [(1, 0, 3)], exact=True)
    assert rows_of(form) == [("产出指标", "质量指标", "", "学校的教育教学秩序良好,力争毕业生合格率达100%"),
                             ("产出指标", "时效指标", "", "按时完成教学任务,顺利完成中考。"),
                             ("产出指标", "成本指标", "", "全年预算全额用于保障教育教学。")]


def test_a_project_named_after_its_form_is_the_project_not_a_new_form():
    """A real Lijiang page: the 项目名称 cell spills onto the next line and the project's name ends as a
    form title does (…经费支出绩效自评表)."""
    text = ("| 2020年度项目支出绩效自评表 | ||||\n| 项目名称 |\n2020年省级自然资源卫片执法补助经费支出绩效自评表 |\n"
            "|||||\n| 主管部门 | 丽江市自然资源和规划局 | 实施单位 | 丽江市古城区自然资源局 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n"
            "| 产出指标 | 数量指标 | 卫片执法补助经费 | 72890元 | 72890元 |\n")
    [form] = parse_text(text)
    assert (form.title, form.project) == ("2020年度项目支出绩效自评表", "2020年省级自然资源卫片执法补助经费支出绩效自评表")
    assert rows_of(form) == [("产出指标", "数量指标", "卫片执法补助经费", "72890元")]


def test_a_blank_field_does_not_take_the_funding_heading_after_it():
    """A real Jishan page: 实施单位 printed blank at a line's end, the funding block's headings opening the
    next line — 全年预算数 is a column heading, not the unit's name."""
    text = ("项目支出绩效自评表\n项目名称 | 某配套资金 | 主管部门 | 某县医疗保障局 |\n实施单位 |\n"
            "全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n产出指标 | 数量指标 | 参合人数 | 8755 | 8676 |\n")
    [form] = parse_text(text)
    assert (form.project, form.agency, form.department) == ("某配套资金", "某县医疗保障局", None)


def test_a_row_left_without_its_level1_cell_reads_the_level_word_after_its_level2_as_its_name():
    """A real Yueyanglou page: rows after a block's first print no 一级 cell and sit one column right;
    成本指标 | 社会成本指标 | 定量 | 100 | % opens with its 二级, so 社会成本指标 is the row's name."""
    text = ("部门整体支出绩效目标表\n一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 |\n"
            "产出指标 | 数量指标 | 业务工作支出安排金额 | 定量 | 28.8万元 | |\n"
            "质量指标 | 业务工作支出到位率 | 定量 | 100 | % |\n"
            "成本指标 | 社会成本指标 | 定量 | 100 | % |\n"
            "效益指标 | 社会效益指标 | 保证单位正常运转 | 定性 | 应保尽保 | |\n")
    [form] = parse_text(text)
    assert [(i.level1, i.level2, i.indicator) for i in form.indicators] == [
        ("产出指标", "数量指标", "业务工作支出安排金额"), ("产出指标", "质量指标", "业务工作支出到位率"),
        ("产出指标", "成本指标", "社会成本指标"), ("效益指标", "社会效益指标", "保证单位正常运转")]


def test_a_goal_line_cut_at_its_spaces_keeps_its_numbered_items():
    """A real Wuhai page, space-separated: the goal's sentence and its 目标1: … 目标5: items are one goal."""
    text = ("某项目绩效目标表\n项目名称 某经费\n"
            "年度目标 围绕循环经济的要求,合理布局,规范建设。达成以下目标: 目标1:聘用人员1人,出差8人 目标2:在岗率100%\n"
            "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 出差人数 8人\n")
    [form] = parse_text(text)
    assert [(g.kind, g.text) for g in form.goals] == [
        ("annual", "围绕循环经济的要求,合理布局,规范建设。达成以下目标: 目标1:聘用人员1人,出差8人 目标2:在岗率100%")]


@pytest.mark.parametrize("head, label, goal", [
    ("*年度总体绩效目标 | 做好涉案、价格认定工作。 |", "绩效指标 |", "做好涉案、价格认定工作。"),
    ("当年整体绩效目标做好涉案、价格认定工作。", "绩效指标 |", "做好涉案、价格认定工作。"),
    ("年度總體績效目標(biāo) | 做好涉案、價格認定工作。 |", "績效指標(biāo) |", "做好涉案、價格認定工作。")])
def test_goal_headings_of_the_department_templates(head, label, goal):
    """Hunan's *年度总体绩效目标 and Chongqing's 当年整体绩效目标 (glued to its text) head the annual goal; the
    block label after it is no more of the goal, its pinyin glosses (績效指標(biāo)) not counted as text."""
    text = (f"部门整体支出绩效目标表\n部门(单位)名称 | 某价格认证中心 |\n{head}\n{label}\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 业务工作支出安排金额 | 28.8万元 |\n")
    [form] = parse_text(text)
    assert [(g.kind, g.text) for g in form.goals] == [("annual", goal)]


def test_goal_pairs_one_per_line_under_a_labelled_block_with_its_score():
    # a real Sichuan regional self-evaluation (one cell per paragraph): 年度目标完成情况 labels the block of
    # 预期目标 | 目标实际完成情况, the block's score (20) stands in the heading row, and each numbered goal is
    # printed twice, its target then its outcome; 年度绩效指标完成情况 heads the indicator table
    cells = ["食品监管补助资金区域绩效目标自评表", "专项名称", "食品监管补助资金", "年度目标完成情况", "预期目标",
             "目标实际完成情况", "20", "目标1:深入开展食品风险隐患排查整治。", "目标1:深入开展食品风险隐患排查整治。",
             "目标2:加大违法行为打击力度。", "目标2:加大违法行为打击力度。", "年度绩效指标完成情况", "一级指标", "二级指标",
             "三级指标", "年度指标值", "实际完成指标值", "产出指标", "质量指标", "指标2:违法案件查办率", "100%", "100%"]
    form = _first_form([line for c in cells for line in (c, "")])
    first, second = "目标1:深入开展食品风险隐患排查整治。", "目标2:加大违法行为打击力度。"
    assert [(g.kind, g.text) for g in form.goals] == [
        ("annual", first), ("actual", first), ("annual", second), ("actual", second)]
    assert [(i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [("指标2:违法案件查办率", "100%", "100%")]


def test_a_budget_units_field_glued_to_its_value_is_no_funding_line_and_实施周期总目标_is_long_term():
    # a real Dongguan target form (pipes): 预算单位:东莞展览馆 holds 预算 as funding labels do; the goal block's
    # first heading carries its period (实施周期总目标(2022年--2024年))
    form = _first_form([
        "东莞市财政项目支出绩效目标表 | |", "预算单位:东莞展览馆 | |",
        "项目名称 | 物业管理费支出 | 本年度申请市财政预算资金(万元) | 282.92 |",
        "总体目标 | 实施周期总目标(2022年--2024年) | 年度目标 |",
        "维持场馆正常开放运转,不断提升服务品质。 | 2022年维持场馆正常开放运转配套。 |",
        "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 质量指标 | 物业管理保障工作合格率 | 100% |"])
    assert form.department == "东莞展览馆"
    assert [b.item for b in form.budget] == ["本年度申请市财政预算资金(万元)"]
    assert [(g.kind, g.text) for g in form.goals] == [
        ("long_term", "维持场馆正常开放运转,不断提升服务品质。"), ("annual", "2022年维持场馆正常开放运转配套。")]


def test_a_glued_form_wrapped_over_lines_is_read_as_one_and_an_ocr_sign_opens_a_value():
    # a real Ningxia preview's OCR text: the glued form broken where the viewer wrapped it, one line a
    # number run alone (259.45万元) and one opening with a decimal (86.5%…, no numbered note); ≥ read as ^
    form = _first_form([
        "马铃薯种薯繁育示范推广项目绩效目标自评表(2022年度)项目名称马铃薯种薯繁育项目实施单位原州区农技中心"
        "资金情况(万元)年度资金总额全年预算数(A)全年执行数(B)执行率(B/A)300万元",
        "259.45万元",
        "86.5%年度总体目标采购马铃薯原原种425万粒免费向全区农户发放绩效指标一级指标二级指标三级指标年度指标值"
        "全年实际值得分产出指标数量指标免费发放原原种550万粒550万粒8企业自行采购200万粒200万粒8",
        "效益指标社会效益指标一级种薯推广面积占总面积比例≥80%^80%8",
    ])
    assert [(i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [
        ("免费发放原原种", "550万粒", "550万粒"), ("企业自行采购", "200万粒", "200万粒"),
        ("一级种薯推广面积占总面积比例", "≥80%", "^80%")]


def test_funding_lines_a_space_broke_printed_empty_twice_and_numbered_with_a_colon():
    # real pages: a Jiangxi self-evaluation flattened with spaces (其中:当年财政 拨款, its 得分 printed after the
    # line), a Xinjiang target form whose dropped merged cell leaves 其他资金 | 其他资金 side by side and empty,
    # and a Hunan form's numbered lines (三、其他:0)
    form = _first_form([
        "项目支出绩效自评表", "项目名称 司法业务经费 主管部门 上饶市司法局",
        "年初预算数 全年预算数 全年执行数 分值 执行率",
        "年度资金总额: 620.82 620.82 620.82 100 100% 10",
        "其中:当年财政 拨款 620.82 620.82 620.82 100 100% 10 得分",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值", "产出指标 数量指标 普法宣传次数 10次 12次"])
    assert [(b.item, b.budget_full_year, b.score_max, b.score) for b in form.budget] == [
        ("年度资金总额:", 620.82, 100, 10), ("其中:当年财政拨款", 620.82, 100, 10)]
    form = _first_form([
        "兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表 | ||", "项目名称 | 保鲜库建设项目 | |",
        "资金情况 (万元) | 项目资金总额: | 1500 | 年度资金申请总额 | 1500 | |", "其他资金 | 其他资金 | |||||",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 |", "产出指标 | 数量指标 | 新建保鲜库数量 | 1座 |"])
    assert [(b.item, b.amount) for b in form.budget][-2:] == [("其他资金", None), ("其他资金", None)]
    form = _first_form(["雾炮车抑尘降尘服务项目绩效目标表", "", "资金总额: 250", "", "一、预算资金:250", "",
                        "二、自有资金:0", "", "三、其他:0", "", "一级指标", "", "二级指标", "", "三级指标", "", "指标值",
                        "", "产出指标", "", "数量指标", "", "雾炮车数量", "", "2台"])
    assert [(b.item, b.amount) for b in form.budget] == [
        ("资金总额:", 250), ("一、预算资金:", 250), ("二、自有资金:", 0), ("三、其他:", 0)]


def test_a_transfer_forms_empty_funding_lines_unlabelled_goal_and_a_row_cut_by_the_pages_end():
    # a real Chongqing transfer form, one cell per paragraph: 下达资金总额 printed empty, its 中央财政补助 given
    # elsewhere (参见附件1具体金额), 地方资金 empty; the goal's label cell lost; the excerpt ends inside the second
    # row (7度以上抗震设防地区…), and 应改尽改 is the first row's target
    cells = ["2025年农村危房改造补助资金绩效目标表", "项目名称", "农村危房改造补助资金", "省级主管部门", "重庆市住房城乡建委",
             "资金情况(万元)", "下达资金总额", "其中:中央财政补助", "参见附件1具体金额", "地方资金",
             "支持农村低收入群体等重点对象实施危房改造和危房抗震改造,保障其基本住房安全。",
             "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "农村低收入群体等重点对象危房改造户数",
             "应改尽改", "7度以上抗震设防地区"]
    form = _first_form([line for c in cells for line in (c, "")])
    assert [(b.item, b.amount) for b in form.budget] == [("下达资金总额", None), ("其中:中央财政补助", None), ("地方资金", None)]
    assert [(g.kind, g.text) for g in form.goals] == [("annual", cells[10])]
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [("农村低收入群体等重点对象危房改造户数", "应改尽改")]


def test_a_budget_code_and_the_areas_after_glued_fields_end_their_values():
    # a real Fujian transfer form glued on one line: 部门预算编码 after the unit's name, 补助区域 after the project's
    form = _first_form(["专项转移支付绩效目标表(2023年度)部门(单位)名称龙岩市民族与宗教事务局部门预算编码230001项目名称宗教管理经费"
                        "补助区域新罗区、永定区资金情况(万元)资金总额:30其中:财政拨款30其他资金绩效指标一级指标二级指标三级指标"
                        "指标值产出指标数量指标补助县(市、区)数量2个"])
    assert (form.department, form.project) == ("龙岩市民族与宗教事务局", "宗教管理经费")


def test_a_government_fund_line_is_a_funding_line():
    # a real Sichuan target form's funding block by source (财政拨款小计 / 一般公共预算 / 政府性基金 / …)
    cells = ["项目支出绩效目标表", "项目名称", "麻风病防治", "(一)财政拨款小计", "4", "1、一般公共预算", "4", "2、政府性基金",
             "0", "(二)自有资金小计", "0", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "宣传活动次数", "2次"]
    form = _first_form([line for c in cells for line in (c, "")])  # one cell per paragraph
    assert [(b.item, b.amount) for b in form.budget] == [
        ("(一)财政拨款小计", 4), ("1、一般公共预算", 4), ("2、政府性基金", 0), ("(二)自有资金小计", 0)]


def test_hebeis_evaluation_indicator_table_glued_row_by_row():
    # a real Hebei 绩效评价指标表 (an xlsx flattened one row per line, no separators): 评价指标 heads the 一级 (产出,
    # glued to its 二级), 评价内容 the 二级, and 指标说明 (达到预计值) stands between the name and the target;
    # targets only, so a target form though its title says 评价
    form = _first_form(["2019年度宁晋县高中助学金项目绩效评价指标表", "评价指标评价内容指标名称指标说明目标值分值备注",
                        "产出数量指标享受资助人数达到预计值210010", "资金支出率达到目标值95%10",
                        "质量指标建档立卡学生全面覆盖100%10"])
    assert form.form_type == "project_target"
    assert rows_of(form) == [("产出", "数量指标", "享受资助人数", "2100"), ("产出", "数量指标", "资金支出率", "95%"),
                             ("产出", "质量指标", "建档立卡学生全面覆盖", "100%")]


def test_numbered_indicator_records_with_no_header_left_read_as_a_table():
    # a real Shanxi self-evaluation from an xlsx preview on one line: its header and level labels interleaved
    # with the goal, the rows (指标6:… | 目标 | 实际 | 分值 | 得分) still read
    form = _first_form(["稷山县项目支出绩效自评表 (2021年度) 项目名称 国家基本公共卫生服务 一级 指标 — 年度 实际 指标值 完成值 "
                        "指标6:举办健康教育宣传咨询活动 12次 96次 1 1 指标7:建立预防接种证 221人 221人 2 2 "
                        "指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9"])
    assert [(i.indicator, i.target_raw, i.actual_raw, i.score) for i in form.indicators] == [
        ("指标6:举办健康教育宣传咨询活动", "12次", "96次", 1), ("指标7:建立预防接种证", "221人", "221人", 2),
        ("指标8:适龄儿童疫苗接种率", "100.00%", "97.30%", 1.9)]


def test_labels_a_space_or_a_line_cut_in_rows_of_text():
    # a real Chongqing target form in space-separated lines: 服务对象 ⏎ 满意度指标 after the 一级 on the line above;
    # and 产出 | 指标 (产出 alone is a 一级 of the 2020 framework) joins into 产出指标
    form = _first_form(["项目支出绩效目标表", "项目名称 党支部书记补贴", "一级指标 二级指标 三级指标 指标值",
                        "产出 指标 数量指标 按照全镇党支部书记发放 100%", "满意度指标 服务对象", "满意度指标",
                        "满意度95%以上 ≧95%"])
    assert rows_of(form) == [("产出指标", "数量指标", "按照全镇党支部书记发放", "100%"),
                             ("满意度指标", "服务对象满意度指标", "满意度95%以上", "≧95%")]


def test_a_vertical_label_spaced_out_among_the_headings_ends_the_header():
    # a real Shanxi form from a PDF on one line: the merged 一级 (产出指标) and a vertical 绩 效 指 标 printed among
    # the headings; the header ends at the level name, the spaced-out label is one cell
    form = _first_form(["项目支出绩效目标申报表 (2023年度) 项目名称 2023年文物保护经费 一级指标 二级指标 数量指标 产出指标 "
                        "绩 效 指 标 质量指标 三级指标 指标值 永安真武庙戏台 1处 文物安全巡查 416处"])
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [("永安真武庙戏台", "1处"), ("文物安全巡查", "416处")]


def test_levels_named_目标_of_fujians_template():
    # a real Fujian self-evaluation glued into a report: 产出目标 | 数量目标 for 产出指标 | 数量指标, 绩效内容 heads the name
    form = _first_form(["項目年度績效目標(定量目標)評價內容績效內容績效目標值實際完成值累計完成率產出目標數量目標"
                        "當年人才驛站組織活動數量>=28次40次143%每年人才驛站服務人次>=500人1700人340%"])
    assert [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw) for i in form.indicators][:2] == [
        ("產出目標", "數量目標", "當年人才驛站組織活動數量", ">=28次", "40次"),
        ("產出目標", "數量目標", "每年人才驛站服務人次", ">=500人", "1700人")]


def test_a_one_cell_per_line_table_writing_every_empty_cell_reads_by_the_headers_width():
    # a real Jiangsu self-evaluation (a crawler's cell ⏎ | lines): its header spilled over two lines, the second
    # running on into the body; every row, a level label's included, has the header's nine cells, so the
    # second name column (评价指标) and its 标准值 are no rows of their own
    cells = ["绩效目标完成情况", "目标名称", "目标值", "评价指标", "标准值", "目标完成值", "评价指标值", "权重分值", "评分规则",
             "得分", "一、投入目标", "", "", "", "", "", "", "", "", "1.预算投入资金", "6475", "预算完成率", "100%", "6475",
             "100%", "1", "预算完成率超出正负10%不得分", "1", "2.实际到位资金", "6475", "资金到位率", "100%", "6475",
             "100%", "1", "实际到位资金/预算投入资金≠100%则不得分", "1"]
    lines = [line for c in cells for line in ([c, "|"] if c else ["|"])]
    lines.insert(3, "")  # (the header's first line ends there)
    form = _first_form(lines)
    assert [(i.level1, i.indicator, i.target_raw, i.actual_raw, i.score_max, i.score) for i in form.indicators] == [
        ("一、投入目标", "1.预算投入资金", "6475", "6475", 1, 1), ("一、投入目标", "2.实际到位资金", "6475", "6475", 1, 1)]


def test_a_self_evaluations_trailing_number_is_its_score_when_the_header_names_none():
    # a real Sichuan 区域绩效目标自评表 one cell per line: the 自评得分 column is headed at the top of the form only,
    # so the indicator header stops at 实际完成指标值 while every row still ends with its score
    cells = ["食品监管补助资金区域绩效目标自评表", "专项名称", "食品监管补助资金", "自评得分", "100",
             "年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "50",
             "产出指标", "质量指标", "指标1:食品安全监管人员培训", "已完成", "已完成", "5",
             "指标2:违法案件查办率", "100%", "100%", "4", "时效指标", "指标1:专项工作整体完成时间", "2021年12月31日",
             "2021年12月31日", "5"]
    form = _first_form([line for c in cells for line in (c, "")])
    assert [(i.level2, i.indicator, i.actual_raw, i.score) for i in form.indicators] == [
        ("质量指标", "指标1:食品安全监管人员培训", "已完成", 5), ("质量指标", "指标2:违法案件查办率", "100%", 4),
        ("时效指标", "指标1:专项工作整体完成时间", "2021年12月31日", 5)]


def test_a_flattened_table_of_中期_and_年度_blocks_keeps_one_record_per_indicator():
    # a real Anhui target form one cell per line with | lines: 二级 | 三级 | 指标值 printed for the 中期 block and
    # again for the 年度 one; the rows were lost, so a record naming what the next one names is its 中期 half
    cells = ["项目支出绩效目标表", "项目名称", "人工增雨飞机作业项目", "绩效指标", "一级指标", "二级指标", "三级指标", "指标值",
             "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "飞机增雨作业航时", "不少于30小时", "数量指标",
             "飞机增雨作业航时", "不少于30小时", "质量指标", "作业安全", "无事故", "质量指标", "作业安全", "无事故",
             "时效指标", "作业期", "全年", "时效指标", "作业期", "4月至10月"]
    form = _first_form([line for c in cells for line in (c, "|")])
    assert [(i.level2, i.indicator, i.target_raw) for i in form.indicators] == [
        ("数量指标", "飞机增雨作业航时", "不少于30小时"), ("质量指标", "作业安全", "无事故"), ("时效指标", "作业期", "4月至10月")]


def test_a_heading_over_two_columns_a_lost_ruling_joined_reads_as_both():
    # real Shaanxi content photographed: the ruling between 度量单位 and 指标值说明 was not found, so one header cell
    # spans both columns; the unit column is still the unit (2 | km → 2km)
    rows = [["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位指标值说明", None],
            ["产出指标", "数量指标", "新建水泥路1条", "", "2", "km", ""],
            ["产出指标", "成本指标", "公路补助标准", "≤", "120", "万元", ""]]
    cells = [Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row) if t is not None]
    cells[5].colspan = 2
    [form] = parse_document(Document([TextLine("项目支出绩效目标表"), Table(cells)]))
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [("新建水泥路1条", "2km"), ("公路补助标准", "≤120万元")]


def test_fujians_old_template_a_block_word_heading_the_一级_and_a_numbering_column_of_its_own():
    # a real Fujian 2017 财政支出项目绩效目标表 in space-separated rows: 绩效目标 heads 投入/产出, 评价指标 the 二级
    # (成本目标), and each name's numbering (目标1) stands in a column the header does not name
    form = _first_form(["2017年财政支出项目绩效目标表", "专项名称 台胞扶贫济困生活补贴",
                        "绩效目标 评价指标 绩效内容 绩效标准 全年绩效目标",
                        "投入 成本目标 目标1 发放省直困难、高龄台胞 100% 按实际情况发放",
                        "目标2 开展丰收节活动、夏令营活动 100% 100%",
                        "产出 数量目标 目标1 困难台胞补助受益 每月每人200元 困难台胞432人",
                        "目标2 争取台湾民心、增进乡情 开展丰收节活动1次 开展丰收节活动1次"])
    assert rows_of(form) == [("投入", "成本目标", "发放省直困难、高龄台胞", "按实际情况发放"),
                             ("投入", "成本目标", "开展丰收节活动、夏令营活动", "100%"),
                             ("产出", "数量目标", "困难台胞补助受益", "困难台胞432人"),
                             ("产出", "数量目标", "争取台湾民心、增进乡情", "开展丰收节活动1次")]


def test_a_target_listing_numbered_items_is_a_value_not_a_name():
    # a real Jiangsu self-evaluation, one cell per line: 3.项目管理情况 | (1)成立管理组织;(2)季度督导…; the target opens
    # with (1) as names open with their numbering, but it numbers a second item, so it is a list, not a name
    cells = ["项目支出绩效自评表", "绩效目标完成情况", "目标名称", "目标值", "目标完成值", "得分", "二、管理目标", "", "", "",
             "1.资金管理情况", "专账核算", "专账核算", "2", "2.项目管理情况",
             "(1)成立管理组织;(2)季度督导、年度考核;(3)季度通报", "已完成", "2", "3.建档数", "941250份", "941250份", "3"]
    form = _first_form([line for c in cells for line in ([c, "|"] if c else ["|"])])
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("1.资金管理情况", "专账核算"), ("2.项目管理情况", "(1)成立管理组织;(2)季度督导、年度考核;(3)季度通报"),
        ("3.建档数", "941250份")]


def test_funding_lines_with_their_note_or_lead_word_cut_off_and_prose_naming_funds_is_no_line():
    # a real Inner Mongolia transfer self-evaluation, flattened by a viewer: 其他资金's note stands after a space,
    # and the 资金管理情况 block's sentences name 资金 without being lines of the funding block
    text = ("就业补助资金绩效目标自评表\n(2022年度)\n转移支付(项目)名称 就业补助资金\n"
            "资金投入情况(万元) 全年预算数(A) 全年执行数(B)\n年度资金总额 7165.32 6992.95\n"
            "其中:中央财政资金 3144.00 3144.00\n其他资金 (包括以前年度结转资金) 1591.22 1551.84\n"
            "拨付合规性 按照规定程序和标准进行资金拨付 使用规范性 要求对资金使用过程进行合理规范\n"
            "一级指标 二级指标 三级指标 年度指标值 全年实际值\n产出指标 数量指标 享受补贴人数 4443人 4500人\n")
    [form] = parse_text(text)
    assert [(b.item, b.budget_full_year, b.executed) for b in form.budget] == [
        ("年度资金总额", 7165.32, 6992.95), ("其中:中央财政资金", 3144.0, 3144.0),
        ("其他资金(包括以前年度结转资金)", 1591.22, 1551.84)]
    # a real Wuhai target form: 其中: cut from its line's label by a space
    [form] = parse_text("项目支出绩效目标表\n(2021年度)\n项目名称 再生资源回收\n投入目标 (万元) 资金来源 年初安排金额(万元)\n"
                        "资金总额 3\n其中: 财政拨款数 3\n其他资金 0\n"
                        "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 聘用人员 1人\n")
    assert [(b.item, b.amount) for b in form.budget] == [("资金总额", 3.0), ("其中:财政拨款数", 3.0), ("其他资金", 0.0)]


def test_总体绩效目标_is_a_goal_heading_and_a_table_heading_after_the_goals_is_no_goal():
    # a real Fujian 2017 page: 总体绩效目标 | its text; a real Xuancheng self-evaluation: 年度绩效指标完成情况 heads the
    # indicator table right after the goal texts, on a line of its own with 一级
    [form] = parse_text("2017年财政支出项目绩效目标表\n专项名称 台胞生活补贴\n总体绩效目标 为我省台胞解决生活困难,增进与台湾同胞沟通交流\n"
                        "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 发放人数 100人\n")
    assert [(g.kind, g.text) for g in form.goals] == [("annual", "为我省台胞解决生活困难,增进与台湾同胞沟通交流")]
    [form] = parse_text("项目支出绩效自评表\n(2021年度)\n项目名称 禁毒经费\n年度总体目标完成情况 预期目标 实际完成情况\n"
                        "有效打击毒品犯罪,进一步增强全民禁毒意识 有效打击了毒品犯罪,增强了全民禁毒意识\n"
                        "年度绩效指标完成情况 一级\n指标\n二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
                        "产出指标 数量指标 破获案件数 10起 12起 10 10\n")
    assert [g.kind for g in form.goals] == ["annual", "actual"]


def test_rows_whose_level_cells_name_and_target_run_together_are_read_without_a_header():
    # a real Sichuan page's tail, no title and no header: each row's level cells, name and target run together,
    # its weight after a space; the total's row has its sum run into it (合计100)
    [form] = parse_text("产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 "
                        "效益指标经济效益指标结余率(计算方法为:结余数/预算数)≤5% 22.5 合计100 评价结论及时、足额缴纳。")
    assert rows_of(form) == [("产出指标", "数量指标", "足额保障率", "=100%"), ("产出指标", "数量指标", "科目调整次数", "≤10次"),
                             ("产出指标", "时效指标", "按时发放率", "=100%"),
                             ("效益指标", "经济效益指标", "结余率(计算方法为:结余数/预算数)", "≤5%")]


def test_rows_run_together_under_a_spaced_header_each_on_a_line_of_its_own():
    [form] = parse_text("项目支出绩效目标表\n项目名称 再生资源回收\n一级指标 二级指标 三级指标 指标值\n"
                        "产出指标数量指标出差人数=8\n出差人次=24人/次\n质量指标工作任务完成率=100%\n森林受灾率1%\n")
    assert rows_of(form) == [("产出指标", "数量指标", "出差人数", "=8"), ("产出指标", "数量指标", "出差人次", "=24人/次"),
                             ("产出指标", "质量指标", "工作任务完成率", "=100%"), ("产出指标", "质量指标", "森林受灾率", "1%")]


def test_a_deadline_a_space_cut_after_its_year_is_one_target():
    text = "项目支出绩效目标表\n一级指标 二级指标 三级指标 指标值 绩效标准\n" \
           "产出指标 时效指标 开展工伤预防培训 2023年 年底前 计划标准\n产出指标 数量指标 培训场次 ≥1场 计划标准\n"
    rows = [(i.indicator, i.target_raw) for f in parse_document(text_to_document(text)) for i in f.indicators]
    assert rows == [("开展工伤预防培训", "2023年年底前"), ("培训场次", "≥1场")]


def test_a_signed_number_a_space_cut_from_its_unit_is_one_target():
    text = "项目支出绩效目标表\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 发放健康教育资料 不少于12 种\n"
    rows = [(i.indicator, i.target_raw) for f in parse_document(text_to_document(text)) for i in f.indicators]
    assert rows == [("发放健康教育资料", "不少于12种")]


def test_a_regional_forms_fund_name_is_its_project_and_a_label_printing_its_unit_before_a_colon_is_a_line():
    text = ("生猪调出大县奖励资金区域绩效目标表\n资金名称 | 生猪调出大县奖励资金 |\n资金情况 | 年度金额(万元): | 397 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 能繁母猪保有量 | ≥5万头 |\n")
    forms = parse_document(text_to_document(text))
    assert [f.project for f in forms] == ["生猪调出大县奖励资金"]
    assert [(b.item, b.amount) for b in forms[0].budget] == [("年度金额(万元):", 397.0)]


def test_a_nature_column_before_the_sign_column_leaves_the_sign_to_the_target():
    # 指标性质 (定量/定性) and 计算符号 both printed (a layout the samples never drew; real content in it read
    # 0.918 in DOCX/XLSX while the sign was dropped as an extra column's)
    text = ("2023年项目支出绩效目标表\n项目名称 | 博物馆免费开放补助资金\n"
            "一级指标 | 二级指标 | 三级指标 | 指标性质 | 计算符号 | 指标值 | 度量单位\n"
            "产出指标 | 数量指标 | 免费开放天数 | 定量 | = | 300 | 天\n"
            "产出指标 | 质量指标 | 参训人员结业率 | 定量 | ≥ | 100 | %\n"
            "效益指标 | 社会效益指标 | 对当地文物保护影响 | 定性 |  | 长远 |\n")
    (form,) = parse_document(text_to_document(text))
    assert [(i.indicator, i.target_raw) for i in form.indicators] == [
        ("免费开放天数", "=300天"), ("参训人员结业率", "≥100%"), ("对当地文物保护影响", "长远")]


def test_a_number_over_100_is_no_weight_or_score():
    # 504's rows, their empty 分值 cells dropped: 180 | 180 | 3 is target, actual and score (180 read as a
    # weight had left the actual empty)
    text = ("2022年项目支出绩效自评表\n项目名称 | 生猪养殖场建设\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
            "产出指标(40分) | 数量指标 | 公猪舍(≥**平方米) | 22.8 | 22.8 | 1 |\n"
            "母猪、保育猪舍(≥**平方米) | 180 | 180 | 3 |\n"
            "育肥猪舍(≥**平方米) | 180 | 180 | 3 |\n")
    (form,) = parse_document(text_to_document(text))
    assert [(i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [
        ("公猪舍(≥**平方米)", "22.8", "22.8"), ("母猪、保育猪舍(≥**平方米)", "180", "180"), ("育肥猪舍(≥**平方米)", "180", "180")]


def test_a_name_holding_its_template_hint_is_no_target_even_beside_a_row_number():
    # (隔离舍(≥**平方米) had read as a target, ≥ and a unit in it; under a 序号 column the 5 before it was then no
    # row number, and rows 5 to 11 of 504's real content, drawn with a 序号 column, were lost)
    from jixiao.parsers.fit import shape
    from samples.generators.flatten import _head, _rows, real_forms

    assert not shape("隔离舍(≥**平方米)").value and shape("≥95%").value
    [form] = [f for name, f in real_forms() if name.startswith("504_")]
    header, rows = _rows(form)
    table = [["序号"] + header] + [[str(n)] + r for n, r in enumerate(rows, start=1)]
    text = "\n".join(" | ".join(c for c in r if c) + " |" for r in _head(form) + table)
    read = [(i.indicator, i.target_raw) for f in parse_document(text_to_document(text)) for i in f.indicators]
    assert read == [(i["indicator"], i["target_raw"]) for i in form["indicators"]]
