"""The form-shaped workbook (``--format forms-xlsx``): a sheet per form, laid out like the printed form."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from jixiao.cli import main
from jixiao.dataset.formlayout import layout_form
from jixiao.dataset.formsheet import SHEET_NAME_MAX, forms_workbook, sheet_names
from jixiao.pipeline import process_file

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "seed" / "bazhou_ecology_2022_department_target.txt"
SELF_EVAL = ROOT / "samples" / "text" / "text_project_self_eval_cells.txt"
DOCX = ROOT / "samples" / "docx" / "docx_projects.docx"


def _merged(ws) -> dict[str, str]:
    """Top-left coordinate -> merged range."""
    return {str(r).split(":")[0]: str(r) for r in ws.merged_cells.ranges}


def _row_of(ws, column: int, text: str) -> int:
    for row in ws.iter_rows(min_col=column, max_col=column):
        if row[0].value == text:
            return row[0].row
    raise AssertionError(f"{text!r} not in column {column}")


@pytest.fixture(scope="module")
def seed_wb(tmp_path_factory):
    out = tmp_path_factory.mktemp("forms") / "out"
    assert main(["extract", str(SEED), "-o", str(out), "--format", "forms-xlsx", "-q"]) == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["forms.xlsx"]
    return openpyxl.load_workbook(out / "forms.xlsx")


def test_seed_sheet_reads_like_the_form(seed_wb):
    assert seed_wb.sheetnames == ["1 新疆巴州生态环境局"]
    ws = seed_wb.active
    assert ws["A1"].value == "2022年度部门（单位）整体支出绩效目标表"
    merged = _merged(ws)
    assert merged["A1"] == "A1:G1" and ws["A1"].font.bold and ws["A1"].alignment.horizontal == "center"
    # header field: label and value
    r = _row_of(ws, 1, "部门（单位）名称")
    assert ws.cell(r, 3).value == "新疆巴州生态环境局"
    # funding block: five task lines with their amounts as numbers
    head = _row_of(ws, 2, "任务名称")
    assert [ws.cell(head, c).value for c in range(2, 6)] == ["任务名称", "主要内容", "总额", "财政拨款"]
    assert ws.cell(head + 1, 2).value == "生态环境监督管理人员保障经费" and ws.cell(head + 1, 4).value == 3150.58
    assert merged[f"A{head}"] == f"A{head}:A{head + 5}"  # 年度主要任务 down the block
    # the goal text, wrapped in a row tall enough for it
    g = _row_of(ws, 1, "年度总体目标")
    assert ws.cell(g, 3).value.startswith("1、全力做好第二轮中央环保督察准备工作")
    assert ws.cell(g, 3).alignment.wrap_text and ws.row_dimensions[g].height > 100


def test_indicator_table_merges_levels_and_parses_targets(seed_wb):
    ws = seed_wb.active
    head = _row_of(ws, 1, "一级指标")
    assert [ws.cell(head, c).value for c in range(1, 8)] == [
        "一级指标", "二级指标", "三级指标", "指标值", "比较符（解析）", "数值（解析）", "单位（解析）"]
    first = head + 1
    assert ws.cell(first, 3).value == "保障办公人员数量"
    assert [ws.cell(first, c).value for c in range(4, 8)] == ["≥204人", "≥", 204, "人"]
    # 一级 产出指标 merged down over its 22 rows, 二级 数量指标 over its 8
    merged = _merged(ws)
    assert ws.cell(first, 1).value == "产出指标" and merged[f"A{first}"] == f"A{first}:A{first + 21}"
    assert ws.cell(first, 2).value == "数量指标" and merged[f"B{first}"] == f"B{first}:B{first + 7}"
    cost = _row_of(ws, 3, "人均支出标准")
    assert [ws.cell(cost, c).value for c in range(4, 8)] == ["≤15.44万元", "≤", 15.44, "万元"]
    text = _row_of(ws, 3, "为环境质量保护提供技术支撑能力")
    assert ws.cell(text, 4).value == "有所提升" and ws.cell(text, 5).value == "定性" and ws.cell(text, 6).value is None
    n_rows = sum(1 for r in range(first, ws.max_row + 1) if ws.cell(r, 3).value and ws.cell(r, 4).value)
    assert n_rows == 28
    assert ws.cell(head, 5).fill.fgColor.rgb.endswith("E2EFDA")  # parsed columns are marked


def test_sheet_is_set_up_to_view_and_print(seed_wb):
    ws = seed_wb.active
    head = _row_of(ws, 1, "一级指标")
    assert ws.freeze_panes == "A5"  # title, unit line and the header fields stay in view
    assert ws.column_dimensions["C"].width >= 30 and ws.column_dimensions["A"].width >= 12
    assert all(ws.cell(head + 1, c).border.left.style == "thin" for c in range(1, 8))
    area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
    assert area.endswith(f"$G${head + 28}") or area.endswith(f"$G${head + 29}")
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_self_evaluation_columns_and_notes():
    result = process_file(SELF_EVAL, SELF_EVAL.name)
    wb = forms_workbook(result.tables())
    ws = wb.active
    head = _row_of(ws, 1, "一级指标")
    heads = [ws.cell(head, c).value for c in range(1, ws.max_column + 1)]
    assert heads[:8] == ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
                         "偏差原因分析及改进措施"]
    r = _row_of(ws, 3, "职业技能培训人数")
    assert ws.cell(r, 4).value == "2000人次以上" and ws.cell(r, 5).value == "2176人次" and ws.cell(r, 6).value == 15
    assert _row_of(ws, 1, "项目名称") < head
    assert _row_of(ws, 1, "实际完成情况") < head
    funding = _row_of(ws, 2, "项目")
    assert [ws.cell(funding, c).value for c in range(2, 9)] == [
        "项目", "年初预算数", "全年预算数", "全年执行数", "执行率（%）", "分值", "得分"]
    # the failed check is named under the form, outside the printed area
    notes = _row_of(ws, 1, "审核提示（jixiao 检查，不属于原表）")
    assert ws.cell(notes + 1, 1).value == "level1_cost_present"


def test_every_form_gets_a_sheet_with_a_short_unique_name():
    result = process_file(DOCX, DOCX.name)
    wb = forms_workbook(result.tables())
    assert len(wb.sheetnames) == len(result.forms) == 2
    assert all(len(n) <= SHEET_NAME_MAX for n in wb.sheetnames) and len(set(wb.sheetnames)) == 2


def test_sheet_names_are_legal():
    names = sheet_names(["a/b:c*d?e[f]g\\h", "x" * 50, "x" * 50, "", "'quoted'"])
    assert names[0] == "1 abcdefgh"
    assert all(len(n) <= 31 for n in names) and len({n.lower() for n in names}) == 5
    assert names[3] == "4 表" and names[4] == "5 quoted"


def test_no_forms_gives_one_explaining_sheet(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("这不是绩效表。\n", encoding="utf-8")
    wb = forms_workbook(process_file(note, note.name).tables())
    assert wb.sheetnames == ["未找到绩效表"] and wb.active["A3"].value == "note.txt"


def test_layout_is_one_grid_without_overlaps():
    result = process_file(SEED, SEED.name)
    layout = layout_form(result.forms[0], result.indicators, result.budget, result.goals, result.checks)
    taken = set()
    for c in layout.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                assert (r, k) not in taken, (r, k, c.value)
                assert 1 <= k <= layout.n_cols
                taken.add((r, k))
