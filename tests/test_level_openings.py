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
