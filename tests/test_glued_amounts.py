"""Funding amounts printed with no separator, cut by the columns' arithmetic (parsers/glued_amounts.py)."""
from __future__ import annotations

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from jixiao.parsers.glued_amounts import place_short_line, split_glued_amounts

SELF_EVAL = ["budget_initial", "budget_full_year", "executed", "execution_rate", "score_max", "score"]


def test_the_rate_is_the_executed_share_and_the_score_the_weight_times_the_rate():
    # 1.56 | 1.56 | 1 (a fraction: 100 %) | 20 — not 1.56 | 1.56 | 12 | 0
    assert split_glued_amounts("1.561.56120度效标", ["budget_full_year", "executed", "execution_rate", "score"]) == \
        ["1.56", "1.56", "100", "20"]
    assert split_glued_amounts("6.846.84100", ["budget_full_year", "executed", "execution_rate"]) == ["6.84", "6.84", "100"]
    # the amounts' leading digits lost to the preview: they stay empty; 10 × 79.27 % = 7.93 cuts the rest
    assert split_glued_amounts(".32.06.579.27107.93", SELF_EVAL) == [None, None, None, "79.27", "10", "7.93"]


def test_nothing_is_guessed_when_no_cut_is_borne_out():
    assert split_glued_amounts(".32.06.5", SELF_EVAL) is None
    assert split_glued_amounts("123456", ["budget_full_year", "executed"]) is None  # no relation to check


def test_a_funding_line_whose_label_and_amounts_run_together_is_read():
    text = "\n".join([
        "重庆市梁平区林业局2023年度部门整体绩效自评表",
        "年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分 |",
        "年度总金额.32.06.5 |",
        "其中财政拨款 | .32.06.579.27107.93 |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 |",
        "产出指标 | 数量指标 | 森林抚育面积 | 2万亩 | 2万亩 |",
    ])
    [form] = parse_document(text_to_document(text))
    lines = {b.item: (b.budget_initial, b.executed, b.execution_rate, b.score_max, b.score) for b in form.budget}
    assert lines == {"年度总金额": (None, None, None, None, None), "其中财政拨款": (None, None, 79.27, 10, 7.93)}


def test_a_line_that_dropped_its_blank_rate_is_placed_by_its_arithmetic():
    # a real Tianchang self-evaluation copied with spaces: 年度资金总额: 880 880 880 10 10 under six columns;
    # from the left its 10s were 分值 | 执行率 — a rate of 10 % where 880 / 880 is 100 %
    roles = ["budget_initial", "budget_full_year", "executed", "score_max", "execution_rate", "score"]
    assert place_short_line(["880", "880", "880", "10", "10"], roles) == ["880", "880", "880", "10", "", "10"]
    assert place_short_line(["880", "880", "440", "10", "50%"], roles) is None  # (from the left it holds)
