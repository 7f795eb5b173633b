"""Cells of a text line opening with level names and ending in a value are cut (parsers/level_openings.py)."""
from __future__ import annotations

from jixiao.parsers.level_openings import split_level_openings
from jixiao.parsers.rows import Row, RowCell


def line(*texts: str, table=1) -> Row:
    return Row([RowCell(t, k, 1, False, t) for k, t in enumerate(texts)], table=table)


def texts(rows) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in rows]


def test_a_cell_opening_with_levels_and_ending_in_a_value_is_cut_and_so_are_its_neighbours():
    rows = split_level_openings([line("产出指标数量指标足额保障率=100%", "22.5", "科目调整次数≤10次", "22.5")])
    assert texts(rows) == [["产出指标", "数量指标", "足额保障率", "=100%", "22.5", "科目调整次数", "≤10次", "22.5"]]


def test_cells_that_are_no_run_together_row_stay_whole():
    kept = [line("产出指标40分", "数量指标15分", "里程", "300公里"),  # a level and its weight
            line("指标1:租车次数", "大于等于1次", "1次"),  # a value whole, its comparison in words
            line("产出指标完成情况良好，完成率达100%", "说明")]  # a report's sentence
    assert texts(split_level_openings(kept)) == texts(kept)


def test_a_line_of_one_cell_is_cut_only_in_a_run_under_a_header():
    alone = [line("产出指标数量指标出差人数=8", table=None)]  # a glued form's line: the lexer reads it
    assert texts(split_level_openings(alone)) == texts(alone)
    rows = split_level_openings([line("一级指标", "二级指标", "三级指标", "指标值"), line("产出指标数量指标出差人数=8", table=None),
                                 line("出差人次=24人/次", table=None), line("森林受灾率1%", table=None)])
    assert texts(rows)[1:] == [["产出指标", "数量指标", "出差人数", "=8"], ["出差人次", "=24人/次"], ["森林受灾率", "1%"]]
    assert all(r.table == 1 for r in rows)


def test_a_target_repeating_the_names_tail_opens_with_the_repetition():
    rows = split_level_openings([line("一级指标", "二级指标", "三级指标", "指标值"),
                                 line("产出指标质量指标项目质量可控性可控性100%", table=None)])
    assert texts(rows)[1] == ["产出指标", "质量指标", "项目质量可控性", "可控性100%"]


def test_a_run_together_row_whose_target_is_words_is_cut_by_the_headers_columns():
    header = line("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分")
    rows = split_level_openings([header, line("成本指标建设项目成本参照政府采购成本控制", table=None),
                                 line("质量指标补助资格合规性合规", "达成预期指标", "10", "10", table=None)])
    assert texts(rows)[1] == ["成本指标", "建设项目成本", "参照政府采购成本控制"]
    assert texts(rows)[2] == ["质量指标", "补助资格合规性", "合规", "达成预期指标", "10", "10"]


def test_a_cell_before_a_signed_target_is_the_name_alone():
    header = line("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分")
    row = line("當年獲得寧德市級以上確認的人才驛站數量", ">=2個", "0個", table=None)
    assert texts(split_level_openings([header, row]))[1] == texts([row])[0]
