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


def test_two_amounts_printed_alike_or_the_same_are_cut_so():
    # a real Inner Mongolia transfer form glued: 全年预算数 | 全年执行数 with no rate to check the cut by
    assert split_glued_amounts("7165.326992.95", ["budget_full_year", "executed"]) == ["7165.32", "6992.95"]
    assert split_glued_amounts("31443144", ["budget_full_year", "executed"]) == ["3144", "3144"]
    assert split_glued_amounts("433432.1", ["budget_full_year", "executed"]) is None  # (433 | 432.1? a guess)


def test_a_block_label_glued_to_its_headings_on_a_line_of_its_own_heads_the_lines_below():
    text = "\n".join(["就业补助资金绩效目标自评表", "项目名称就业补助资金", "主管部门人力资源社会保障部",
                      "项目资金(万元)全年预算数全年执行数", "年度资金总额7165.326992.95", "自治区财政资金570.17570.17",
                      "一级指标二级指标三级指标指标值实际完成值分值得分", "数量指标享受社会保险补贴人员数量4443"])
    [form] = parse_document(text_to_document(text))
    assert [(b.item, b.budget_full_year, b.executed) for b in form.budget] == [
        ("年度资金总额", 7165.32, 6992.95), ("自治区财政资金", 570.17, 570.17)]


def test_funding_lines_run_together_are_each_read():
    from jixiao.parsers.funding import glued_lines
    assert glued_lines("一般预算内拨款6363100%合计6363100%") == [("一般预算内拨款", "6363100%"), ("合计", "6363100%")]
    assert glued_lines("一般预算内拨款6363100%") == []  # one line: read as one
    assert glued_lines("灭火设备配备率100%1000件") == []  # no funding label
