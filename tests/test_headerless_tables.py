"""Indicator tables printed without their column header (a crawler dropped the ``<th>`` row, a page
opens mid-table): the table is found by its rows and read with the columns a table of the family may
have, narrowed to what its rows print.

Before ``forms._level_record``, a table whose rows open with one level name (a merged 一级 cell lost with
the header) was never found: t01 and f03 of samples/real, their header line removed, lost every row
(12 and 16 records). Before ``IndicatorReader._narrowed``, a table of name | target rows read a row's
name as the actual of the row above (w09: 打井、配电 | 50000元 | 饲料库120平米).
"""
from __future__ import annotations

import pytest

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from sample_truth import SAMPLES


def _rows(text: str) -> set:
    return {(i.level2, i.indicator, i.target_raw, i.actual_raw or "")
            for f in parse_document(text_to_document(text)) for i in f.indicators}


def _without_header(text: str) -> str:
    return "\n".join(line for line in text.splitlines()
                     if not ("三级指标" in line and ("一级指标" in line or "二级指标" in line)))


# (t21, t23, w14 and w20 print a column the family's assumed header took for the actual — 指标解释, 绩效指标描述
# repeating the name, a second area's target — until a form titled a target form's was given no evaluation's columns)
@pytest.mark.parametrize("name", ["t01_hubei_huangshi_2022_project_target_approval.txt",
                                  "f03_sichuan_suining_2021_project_self_eval.txt",
                                  "t21_anhui_2024_luan_nongchanpin.txt", "t23_fujian_2019_ningde_fangzhi.txt",
                                  "w14_jiangxi_nd_department_target.txt", "w20_tianjin_2023_project_target.txt"])
def test_a_real_table_reads_the_same_without_its_header_line(name):
    page = (SAMPLES / "real" / name).read_text(encoding="utf-8")
    assert _without_header(page) != page
    rows = _rows(page)
    assert len(rows) >= 5
    assert _rows(_without_header(page)) >= rows


PAGE = """2023年项目支出绩效目标表
项目名称 | 社区养老服务
主管部门 | 某某区民政局
年度目标 | 为辖区老人提供日间照料服务。
数量指标 | 服务老人人次 | ≥1200人次
时效指标 | 完成时间 | 2023年12月
成本指标 | 场地租赁 | 50000元
设备购置 | 490元/台
人员培训 | 300元/人
满意度指标 | 服务对象满意度 | ≥90%
"""


def test_rows_opening_with_their_level2_make_a_table_and_each_next_name_is_a_record():
    rows = _rows(PAGE)
    assert ("成本指标", "设备购置", "490元/台", "") in rows
    assert ("成本指标", "人员培训", "300元/人", "") in rows
    assert ("数量指标", "服务老人人次", "≥1200人次", "") in rows
    assert len(rows) == 6


def test_a_headerless_self_evaluation_keeps_its_actual_column():
    # (titled a self-evaluation: a page titled a target form's has no actual column, so a value after the target
    # is read as a column of no role there)
    page = PAGE.replace("≥1200人次", "≥1200人次 | 1350人次").replace("| ≥90%", "| ≥90% | 95%") \
        .replace("绩效目标表", "绩效自评表")
    rows = _rows(page)
    assert ("数量指标", "服务老人人次", "≥1200人次", "1350人次") in rows
    assert ("成本指标", "设备购置", "490元/台", "") in rows


def test_rows_opening_with_their_level1_and_no_level2_make_a_table():
    page = "\n".join(line for line in PAGE.splitlines()[:4]) + (
        "\n产出指标 | 开展文物安全巡查频次 | 8次\n编制文物宣传资料数量 | 3个\n效益指标 | 文物保护意识 | 有所提升\n")
    rows = {(r[1], r[2]) for r in _rows(page)}
    assert rows == {("开展文物安全巡查频次", "8次"), ("编制文物宣传资料数量", "3个"), ("文物保护意识", "有所提升")}


def test_rows_of_names_and_measured_targets_make_a_table_with_no_level_names():
    # w09's first rows, no level name printed: each a name and a measured target
    page = "\n".join(PAGE.splitlines()[:4]) + (
        "\n资金总额 | 30.00\n贫困地区新增特色产业数量 | ≥1个\n养殖动物成活率 | ≥95%\n项目(工程)验收合格率 | 100%\n")
    rows = {(r[1], r[2]) for r in _rows(page)}
    assert rows == {("贫困地区新增特色产业数量", "≥1个"), ("养殖动物成活率", "≥95%"), ("项目(工程)验收合格率", "100%")}
    forms = parse_document(text_to_document(page))
    assert [(b.item, b.amount) for b in forms[0].budget] == [("资金总额", 30.0)]


def test_funding_lines_in_units_open_no_table():
    # a funding block's lines each print a name and an amount with its unit, as an indicator row does: a funding
    # label is no indicator name, so the block stays funding and no table opens
    page = "\n".join(PAGE.splitlines()[:3]) + "\n年度资金总额 | 100万元\n其中:财政拨款 | 80万元\n其他资金 | 20万元\n"
    (form,) = parse_document(text_to_document(page))
    assert form.indicators == []
    assert [(b.item, b.amount) for b in form.budget] == [("年度资金总额", 100.0), ("其中:财政拨款", 80.0), ("其他资金", 20.0)]


def _records(text: str) -> list:
    return [(i.indicator, i.target_raw, i.actual_raw or "", i.score_max, i.score)
            for f in parse_document(text_to_document(text)) for i in f.indicators]


def test_a_weight_printed_before_the_target_is_read_as_the_weight():
    # Anhui's self-evaluation prints 分值 before 年度指标值 (803, t09): with its header lost, the order of the
    # value columns is the one of the orders real headers print (data/template_orders.csv) the rows read best in
    page = ("2023年项目支出绩效自评表\n项目名称 | 特色种养殖补贴\n"
            "数量指标 | 红薯种植面积 | 10 | 5.5亩 | 5.5亩 | 10\n"
            "桃种植面积 | 10 | 1亩 | 1亩 | 10\n"
            "质量指标 | 种植作物成活率 | 10 | 95% | 90% | 9\n")
    assert _records(page) == [("红薯种植面积", "5.5亩", "5.5亩", 10, 10), ("桃种植面积", "1亩", "1亩", 10, 10),
                              ("种植作物成活率", "95%", "90%", 10, 9)]


def test_explanation_columns_after_the_target_are_no_actual():
    # p11's 指标值内容 | 备注, each 反映…。, with its header lost
    page = ("2025年项目支出绩效目标表\n项目名称 | 疾病预防控制\n"
            "成本指标 | 经济成本指标 | 疾病预防控制中心经费 | ≤ | 70 | 万元 | 反映疾病预防控制中心经费。 | 反映疾病预防控制中心经费。 |\n"
            "社会成本指标 | 实施项目对社会产生的不利影响 | 定性 | 减少 | 反映实施项目对社会产生的不利影响。 | 反映实施项目对社会产生的不利影响。 |\n")
    assert [r[:3] for r in _records(page)] == [("疾病预防控制中心经费", "≤70万元", ""), ("实施项目对社会产生的不利影响", "减少", "")]


def test_a_form_closing_with_its_evaluation_is_a_self_evaluation():
    # 509: no title, no actual column; 评价结论 after the table says what the form is
    # (and a number every row prints alike is their weight: 分值, not the actual)
    page = ("产出指标 | 数量指标 | 足额保障率 | =100% | 22.5\n科目调整次数 | ≤10次 | 22.5\n时效指标 | 按时发放率 | =100% | 22.5\n"
            "合计 | 100\n评价结论 | 及时、足额缴纳。\n")
    forms = parse_document(text_to_document(page))
    assert [f.form_type for f in forms] == ["project_self_eval"]
    assert [(i.indicator, i.score_max, i.actual_raw) for i in forms[0].indicators] == \
        [("足额保障率", 22.5, None), ("科目调整次数", 22.5, None), ("按时发放率", 22.5, None)]
    assert parse_document(text_to_document(page.replace("评价结论", "备注")))[0].form_type == "project_target"


# One cell per paragraph with the column header lost: the reader cuts the run into rows where it sees a break
# (a field, a ★ mark), so the 一级 and 二级 names can close one row and their first record open the next. Before the
# next run was looked at, t09's self-evaluation (its real content) read as no table at all; the real forms so
# flattened read 0.846, 0.881 after.
SELF_EVAL_CELLS = """绩效目标自评表

项目名称

河西村特色种养补贴到户项目

实施单位

张庄寨镇人民政府

产出指标(50分)

数量指标

★补助各类瓜果蔬菜种植面积

29.5亩

29.5亩

20

20

★补助鱼塘面积

3亩

3亩

10

10

质量指标

种植作物成活率

95%

95%

5

5
"""


def test_level_names_closing_the_field_rows_open_a_headerless_table_of_one_cell_per_paragraph():
    assert _rows(SELF_EVAL_CELLS) == {("数量指标", "★补助各类瓜果蔬菜种植面积", "29.5亩", "29.5亩"),
                                      ("数量指标", "★补助鱼塘面积", "3亩", "3亩"),
                                      ("质量指标", "种植作物成活率", "95%", "95%")}


@pytest.mark.parametrize("title, target_form", [("项目支出绩效目标表", True), ("2023年度部门整体支出绩效目标申报表", True),
                                                ("项目支出绩效自评表", False), ("绩效目标完成情况表", False),
                                                ("绩效评价指标表", False), ("项目绩效目标执行监控表", False), ("", False)])
def test_a_title_naming_a_target_form_and_no_evaluation(title, target_form):
    from jixiao.parsers.header import titled_target

    assert titled_target(title) is target_form


def test_a_target_form_without_header_reads_an_extra_column_as_no_actual():
    page = ("项目支出绩效目标表\n项目名称 | 雾炮车降尘抑尘服务 |\n产出指标 | 数量指标 | 配备车辆数 | 10 | 计划标准 |\n"
            "质量指标 | 服务周期内空气质量 | 优良 | 计划标准 |\n效益指标 | 社会效益指标 | 市民满意程度 | 85% | 计划标准 |\n")
    assert _rows(page) == {("数量指标", "配备车辆数", "10", ""), ("质量指标", "服务周期内空气质量", "优良", ""),
                           ("社会效益指标", "市民满意程度", "85%", "")}
