"""Glued table bodies (no separator between cells or rows) cut into rows by the header's columns."""
from __future__ import annotations

import pytest

from jixiao.parsers.glued_rows import decode_glued, decode_row

# 指标名称 | 计量单位 | 指标性质 | 指标值 | 指标权重(分) | 全年完成值 | 指标得分(分) | 说明 (a real preview's layout)
WEIGHTED = ["indicator", "unit", "operator", "target", "score_max", "actual", "score", "ignore"]
# … | 年初指标值 | 调整指标值 | 全年完成值 | 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标
CORE = ["indicator", "unit", "operator", "target", "ignore", "actual", "ignore", "score_max", "score", "ignore"]
RARE = tuple(i == 4 for i in range(len(CORE)))  # 调整指标值: usually empty


def _rows(table, roles):
    return [{roles[j]: t for j, t in row if roles[j] != "ignore"} for row in table.rows]


def test_digit_runs_are_cut_where_every_row_agrees():
    body = ("道路养护完成率%901010010绿地管护面积万亩2810810补植面积万亩2110110"
            "巡查里程公里250105010火灾受害率%0.910010病虫害成灾率%0.4100.110")
    rows = _rows(decode_glued(body, WEIGHTED), WEIGHTED)
    assert [(r["indicator"], r.get("unit"), r["target"], r["score_max"], r["actual"], r["score"]) for r in rows] == [
        ("道路养护完成率", "%", "90", "10", "100", "10"),
        ("绿地管护面积", "万亩", "28", "10", "8", "10"),
        ("补植面积", "万亩", "21", "10", "1", "10"),
        ("巡查里程", "公里", "250", "10", "50", "10"),
        ("火灾受害率", "%", "0.9", "10", "0", "10"),
        ("病虫害成灾率", "%", "0.4", "10", "0.1", "10"),
    ]


def test_a_percent_value_stays_whole_and_goes_to_the_column_that_always_holds_it():
    body = ("人员控制率%定量指标100%92%100%22否三公经费变动率%100%22否信息完善%100%100%100%11否"
            "预算完成率%70%76%100%22是预算调整率%3%0100%22否制度健全性性标定指高高100%33否"
            "培训次数次26次12次100%55是")
    rows = _rows(decode_glued(body, CORE, rare=RARE), CORE)
    got = [(r["indicator"], r.get("target"), r.get("actual"), r["score_max"], r["score"]) for r in rows]
    assert got == [
        ("人员控制率", "100%", "92%", "2", "2"),
        ("三公经费变动率", None, None, "2", "2"),  # its one 100% is the 得分系数 every row prints
        ("信息完善", "100%", "100%", "1", "1"),
        ("预算完成率", "70%", "76%", "2", "2"),
        ("预算调整率", "3%", "0", "2", "2"),  # 0100% is 0 | 100%: no number starts with 0
        ("制度健全性", "高", "高", "3", "3"),  # 性标定指: 定性指标 stacked in its 指标性质 cell
        ("培训次数", "26次", "12次", "5", "5"),
    ]


def test_a_row_cut_off_is_left_over_and_a_block_label_is_no_name():
    body = "人员控制率%100%92%100%22否绩效指标信息完善%100%100%100%11否公共服"
    table = decode_glued(body, CORE, groups=("绩效指标",), rare=RARE)
    assert [r["indicator"] for r in _rows(table, CORE)] == ["人员控制率", "信息完善"]
    assert table.left_over == ["公共服"]


def test_three_character_names_keep_their_unit_apart_and_scores_stay_within_their_weight():
    rows = _rows(decode_glued("覆盖率%95109510达标率%90109010合格率%85108510", WEIGHTED), WEIGHTED)
    assert [(r["indicator"], r["unit"], r["target"], r["score_max"], r["actual"], r["score"]) for r in rows] == [
        ("覆盖率", "%", "95", "10", "95", "10"), ("达标率", "%", "90", "10", "90", "10"),
        ("合格率", "%", "85", "10", "85", "10")]


def test_without_a_name_column_nothing_is_cut():
    table = decode_glued("100%92%", ["target", "actual"])
    assert table.rows == [] and table.left_over == ["100%92%"]


# 三级指标 | 分值 | 指标值(A) | 全年实际值(B) | 得分计算方法 | 得分 | 未完成原因分析 (after the level names)
SELF_EVAL = ["indicator", "score_max", "target", "actual", "ignore", "score", "deviation"]


def test_one_row_run_together_reads_its_numbers_by_what_a_score_is():
    def read(text):
        table = decode_row(text, SELF_EVAL)
        assert table.left_over == []
        return {SELF_EVAL[j]: t for j, t in table.rows[0]}

    # the name may be a whole sentence with numbers of its own
    row = read("共计3875人(涉及11个乡镇),发放边销茶目标人群3620人,剩余255人于2022年12月底前发放完毕,2010010020")
    assert row["indicator"].endswith("发放完毕,") and (row["score_max"], row["target"], row["actual"], row["score"]) == \
        ("20", "100", "100", "20")
    row = read("确定于2022年12月底前发放完毕101001009.34")
    assert (row["score_max"], row["target"], row["actual"], row["score"]) == ("10", "100", "100", "9.34")
    # 9.34 = 10 × 36.2 / 38.75 decides the cuts; what follows the score is the 原因分析
    row = read("38.75万元1038.7536.29.342021年底初步预算资金36.2万元,已发放3620人,")
    assert (row["indicator"], row["score_max"], row["target"], row["actual"], row["score"]) == \
        ("38.75万元", "10", "38.75", "36.2", "9.34")
    assert row["deviation"] == "2021年底初步预算资金36.2万元,已发放3620人,"


def test_numbered_rows_run_together_are_rows_of_their_own():
    roles = ["indicator", "target", "actual", "score_max", "score"]
    table = decode_glued("任务1:诊断准确率95%以上97%55任务2:健康档案管理率100%100%33", roles)
    assert [[t for _, t in row] for row in table.rows] == [
        ["任务1:诊断准确率", "95%以上", "97%", "5", "5"],
        ["任务2:健康档案管理率", "100%", "100%", "3", "3"],
    ]


def test_rows_of_a_target_table_under_one_level_name_and_a_unit_at_the_very_end():
    roles = ["indicator", "target"]
    table = decode_glued("校舍维修改造质量合格率100%购置设施设备质量合格率100%", roles)
    assert [[t for _, t in row] for row in table.rows] == [["校舍维修改造质量合格率", "100%"], ["购置设施设备质量合格率", "100%"]]
    assert decode_glued("覆盖面积5万", roles).rows  # a unit word cut off by the end of the text is no crash


def test_no_cell_boundary_falls_inside_a_date():
    table = decode_glued("确定于于2022年12月底前发放完毕101001009.34", SELF_EVAL)
    assert table.rows
    for row in table.rows:
        assert not any(t.endswith(("2022年", "2年", "年")) or t.startswith(("12月", "月")) for _, t in row), row


def test_a_qualitative_target_in_words_of_its_own_is_cut_from_the_name():
    def read(text, roles=("indicator", "target", "actual", "score_max", "score")):
        table = decode_row(text, list(roles))
        assert table.left_over == []
        return [t for _, t in table.rows[0]]

    # the target is running text ending in a result word (规定, 完成, 有序); the name ends in a noun suffix
    assert read("经费支出合规性严格执行相关制度规定达成预期指标88") == \
        ["经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8"]
    assert read("单项业务成本符合相关规定达成预期指标1010") == ["单项业务成本", "符合相关规定", "达成预期指标", "10", "10"]
    assert read("环境卫生及保安服务卫生整洁、内部安全有序", ("indicator", "target")) == \
        ["环境卫生及保安服务", "卫生整洁、内部安全有序"]
    # a grade word a noun suffix continues stays in the name; a phrase is more than its result word
    assert read("项目完成及时性程度较高", ("indicator", "target")) == ["项目完成及时性", "程度较高"]
    assert read("预算内经费合规", ("indicator", "target")) == ["预算内经费", "合规"]
    # a phrase never opens with the % of the number before it
    assert read("结余率小于5%达成目标值44") == ["结余率", "小于5%", "达成目标值", "4", "4"]


def test_an_actual_filled_like_its_target_is_the_likelier_reading():
    read = _one_row
    # the same words twice: target and actual, not a name swallowing half the target
    assert read("减轻参训人员经济负担有效减轻有效减轻") == ["减轻参训人员经济负担", "有效减轻", "有效减轻"]
    assert read("提高参训学员技术水平基本提高基本提高") == ["提高参训学员技术水平", "基本提高", "基本提高"]
    # the same unit after both numbers, and no digits of the actual read as a weight and score
    assert read("完成2021年吕梁山护工培训任务12500名12166名") == ["完成2021年吕梁山护工培训任务", "12500名", "12166名"]
    # an actual printed without its target's comparison sign still echoes it
    assert read("1290.3平方米冷库仓储建设及配套设施购置安装≥1290.3平方米1290.3平方米10.310.3") == \
        ["1290.3平方米冷库仓储建设及配套设施购置安装", "≥1290.3平方米", "1290.3平方米", "10.3", "10.3"]
    # a period written with dots is one value, never cut
    assert read("培训任务完成及时2021.1.1-12.312021.1.1-12.31") == \
        ["培训任务完成及时", "2021.1.1-12.31", "2021.1.1-12.31"]


def test_a_one_character_grade_is_not_cut_out_of_a_word():
    # 中 and 优 are grades, but here they open 中心 and 优质 (jieba's dictionary): no row ends there
    roles = ["indicator", "target"]
    assert [[t for _, t in r] for r in decode_glued("疾病预防控制中心经费≤70万元", roles).rows] == \
        [["疾病预防控制中心经费", "≤70万元"]]
    assert [[t for _, t in r] for r in decode_glued("义务教育优质均衡发展情况稳步提高", roles).rows] == \
        [["义务教育优质均衡发展情况", "稳步提高"]]


def test_rows_ending_in_their_scores_are_cut_there_and_read_one_by_one():
    from jixiao.parsers.glued_rows import decode_scored_rows

    roles = ["indicator", "target", "actual", "score_max", "score"]
    table = decode_scored_rows("委托业务报告合格率≥100百分比10088经费支出合规性严格执行相关制度规定达成预期指标88", roles)
    assert [[t for _, t in r] for r in table.rows] == [
        ["委托业务报告合格率", "≥100百分比", "100", "8", "8"],
        ["经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8"]]
    # a number followed by its unit or inside a date ends no row: one row stays one row
    one = decode_scored_rows("确定于于2022年12月底前发放完毕101001009.34", roles)
    assert len(one.rows) == 1


def test_rows_under_a_first_level_alone_open_with_a_second_level_outside_the_vocabulary():
    from jixiao.parsers.glued_rows import decode_scored_rows

    # Jiangxi's 整体支出 self-evaluation: under 管理指标 each row opens with its own 二级 (…管理), none of
    # the vocabulary; each row ends in 分值 and 得分, which carry no unit (44|部门预算管理 is no 44部门)
    roles = ["level2", "indicator", "target", "actual", "score_max", "score", "deviation"]
    text = ("预算执行管理完成率、控制率100%按规定执行44部门结转结余资金管理结余率小于5%达成目标值44"
            "部门预算管理人员控制、支出规范不超编、无违规支出全部达成44政府采购管理执行率100%100%55")
    rows = [[t for _, t in r] for r in decode_scored_rows(text, roles, ends_in_scores=True).rows]
    assert rows == [["预算执行管理", "完成率、控制率", "100%", "按规定执行", "4", "4"],
                    ["部门结转结余资金管理", "结余率", "小于5%", "达成目标值", "4", "4"],
                    ["部门预算管理", "人员控制、支出规范", "不超编、无违规支出", "全部达成", "4", "4"],
                    ["政府采购管理", "执行率", "100%", "100%", "5", "5"]]


def _one_row(text, roles=("indicator", "target", "actual", "score_max", "score")):
    table = decode_row(text, list(roles))
    assert table.left_over == []
    return [t for _, t in table.rows[0]]


def test_a_phrase_running_past_its_result_word_into_an_opening_word_is_two_cells():
    read = _one_row
    # 支出|全部达成 and 公开|已公开: a result word, then a word cells open with — the target ends there
    assert read("人员控制、支出规范不超编、无违规支出全部达成44") == \
        ["人员控制、支出规范", "不超编、无违规支出", "全部达成", "4", "4"]
    assert read("信息公开完善按规定公开已公开44") == ["信息公开完善", "按规定公开", "已公开", "4", "4"]


def test_no_value_opens_or_ends_at_the_comma_of_a_list():
    roles = ["indicator", "target", "actual", "score_max", "score"]
    # read before as actual 、 | 分值 5 | 得分 4, with 周岁以上 left over
    table = decode_row("培训对象符合吕梁山护工培训招生计划规定18—54周岁存在18岁以下、54周岁以上", roles)
    assert table.left_over == []
    values = [t for j, t in table.rows[0] if roles[j] != "indicator"]
    assert values and all(t[0] not in "、，," and t[-1] not in "、，," for t in values)


SCORED = ("indicator", "target", "actual", "score_max", "score", "deviation")


def test_a_value_written_as_a_clause_of_words_is_one_cell():
    # Jiangxi's self-evaluation (real w11): the target names part of the row's name and holds its value
    assert _one_row("资产管理安全性、利用率无资产损失、利用率高于80%达成目标55",
                    ("level2",) + SCORED) == ["资产管理", "安全性、利用率", "无资产损失、利用率高于80%", "达成目标", "5", "5"]
    # two values in one clause, and the actual written in the target's words
    assert _one_row("公卫均等化签约完成率、特殊人群体检率签约率提高1%X体检率提高2%签约率提高1%体检率下降1%126"
                    "部分群众不愿配合体检或长期在外", SCORED) == \
        ["公卫均等化签约完成率、特殊人群体检率", "签约率提高1%X体检率提高2%", "签约率提高1%体检率下降1%", "12", "6",
         "部分群众不愿配合体检或长期在外"]


def test_a_clause_ends_at_its_result_word_unless_a_list_or_a_value_goes_on():
    # 有所减轻 is a whole target; the scoring rule after it (…得10分,一般得6分) is no part of it
    roles = ["indicator", "target", "ignore", "ignore", "ignore", "unit", "operator", "ignore"]
    table = decode_row("残疾学生家庭负担率有所减轻对家庭负担减轻情况较大得10分,一般得6分-定性", roles)
    assert not any(roles[j] == "target" and "得10分" in t for row in table.rows for j, t in row)


def test_a_name_ends_before_a_word_its_target_opens_with_and_an_empty_cell_is_the_actual():
    # …及时率|按规定时限: the name ended at 率; 4 | 3 are 分值 and 得分, and the rest is the 偏差 column;
    # with one of target and actual printed, it is the target
    assert _one_row("任务1:医疗文书及时率按规定时限43个别人未及时完成", SCORED) == \
        ["任务1:医疗文书及时率", "按规定时限", "4", "3", "个别人未及时完成"]
    table = decode_row("任务1:医疗文书及时率按规定时限43个别人未及时完成", list(SCORED))
    assert [SCORED[j] for j, _ in table.rows[0]] == ["indicator", "target", "score_max", "score", "deviation"]


def test_a_value_opening_with_the_measure_its_name_ends_in_is_cut_there():
    read = lambda text: _one_row(text, ("indicator", "target"))  # noqa: E731
    # the target names the measure again, then its value (real r01's 目标值 column, glued)
    assert read("家长及学生满意比例满意率100%") == ["家长及学生满意比例", "满意率100%"]
    assert read("项目质量可控性可控性100%") == ["项目质量可控性", "可控性100%"]
    # words a name merely repeats are no measure: the name stays whole (real w14)
    assert read("制作宣传横幅、公益宣传牌等(年)=1年") == ["制作宣传横幅、公益宣传牌等(年)", "=1年"]


def test_a_value_in_words_may_open_with_its_comparison_and_run_to_the_end_of_the_row():
    read = lambda text: _one_row(text, ("indicator", "target"))  # noqa: E731
    assert read("开展社区服刑人员团队训练至少1次矫正人员的集中活动") == ["开展社区服刑人员团队训练", "至少1次矫正人员的集中活动"]
    assert read("针对特殊群体进行个案心理辅导不低于50人次的个体心理咨询辅导") == \
        ["针对特殊群体进行个案心理辅导", "不低于50人次的个体心理咨询辅导"]


def test_no_value_in_words_opens_with_the_word_closing_the_value_before_it():
    # 95%|以上得10分,每降低1%扣1分 is no target: 以上 closes 95%
    roles = ["indicator", "target", "ignore", "ignore", "ignore", "unit", "operator", "ignore"]
    table = decode_row("学生对学校伙食得满意度95%以上学生对学校伙食满意程度95%以上得10分,每降低1%扣1分-定性", roles)
    assert not any(roles[j] == "target" and t.startswith("以上") for row in table.rows for j, t in row)


def test_a_name_ending_as_second_levels_do_is_the_second_level_when_its_column_is_open():
    assert _one_row("部门结转结余资金管理结余率小于5%达成目标值44", ("level2",) + SCORED) == \
        ["部门结转结余资金管理", "结余率", "小于5%", "达成目标值", "4", "4"]


def test_a_weight_before_a_percent_target_is_cut_off_it():
    """20100%: no target is a share of thousands of percent — 分值 20, then 100% (a Sichuan self-evaluation);
    a share of 100% is not cut (10 | 0%)."""
    roles = ["indicator", "score_max", "target", "actual", "score"]
    [row] = decode_row("项目(工程)验收合格率20100%100%20", roles).rows
    assert {roles[j]: t for j, t in row} == {
        "indicator": "项目(工程)验收合格率", "score_max": "20", "target": "100%", "actual": "100%", "score": "20"}
    [row] = decode_row("验收合格率100%100%10", ["indicator", "target", "actual", "score"]).rows
    assert [t for _, t in row] == ["验收合格率", "100%", "100%", "10"]


def test_a_weight_printed_as_a_share_stays_whole_and_leaves_the_target_to_its_column():
    """指标值 | 完成值 | 权重 | 得分 with the weight printed 20%: 增长率≥10%115.25%20%20 is name | ≥10% |
    115.25% | 20% | 20, not a name swallowing its target and a score cut 2 | 0."""
    roles = ["indicator", "target", "actual", "score_max", "score"]
    rows = _rows(decode_row("创业担保贷款发放额增长率≥10%115.25%20%20", roles), roles)
    assert rows == [{"indicator": "创业担保贷款发放额增长率", "target": "≥10%", "actual": "115.25%",
                     "score_max": "20%", "score": "20"}]


def test_a_months_deadline_keeps_its_word_and_a_tolerance_sign_its_number():
    """9月前 | 7月 (not 9月 | 前7月: 前 closes the deadline before it) and ±3%以内 whole (real h14, a07 glued)."""
    roles = ["indicator", "target", "actual", "score_max", "score"]
    assert decode_row("完成美丽宜居自然村庄验收时间9月前7月55", roles).rows == [[
        (0, "完成美丽宜居自然村庄验收时间"), (1, "9月前"), (2, "7月"), (3, "5"), (4, "5")]]
    assert decode_row("资金拨付12月底到位", ["indicator", "target"]).rows == [[(0, "资金拨付"), (1, "12月底到位")]]
    assert decode_row("补助款结算误差率±3%以内", ["indicator", "target"]).rows == [[(0, "补助款结算误差率"), (1, "±3%以内")]]


TARGETS = ["indicator", "target"]


def test_a_comparison_sign_and_a_bracketed_unit_stay_with_their_value():
    # the real Putuo form's rows printed in a preview: `>` opens the value, `(次)` closes it
    body = "成立社戒社康人员习得规范小组>6.00(次)统计法制宣传活动=1.00(次)节能减排宣传周活动=1.00(次)"
    assert _rows(decode_glued(body, TARGETS), TARGETS) == [
        {"indicator": "成立社戒社康人员习得规范小组", "target": ">6.00(次)"},
        {"indicator": "统计法制宣传活动", "target": "=1.00(次)"},
        {"indicator": "节能减排宣传周活动", "target": "=1.00(次)"},
    ]


def test_a_target_repeating_the_end_of_its_name_is_cut_there():
    body = "质量月活动=1.00(次)15个居民区全覆盖居民区全覆盖"
    rows = decode_glued(body, TARGETS)
    assert not rows.left_over
    assert _rows(rows, TARGETS)[-1] == {"indicator": "15个居民区全覆盖", "target": "居民区全覆盖"}


def test_a_name_may_open_with_a_number_at_the_start_of_a_piece():
    # under 数量指标 of a real preview (Hengshan's grain reserve): the piece opens with the row's name
    rows = _rows(decode_glued("5000吨储备到位率100%100%库存数量真实率100%100%", ["indicator", "target", "actual"]),
                 ["indicator", "target", "actual"])
    assert rows[0] == {"indicator": "5000吨储备到位率", "target": "100%", "actual": "100%"}
    assert rows[1] == {"indicator": "库存数量真实率", "target": "100%", "actual": "100%"}


def test_a_target_its_actual_repeats_is_cut_where_the_repetition_starts():
    # a real Xiangyang self-evaluation glued: name, target, the same words as actual, score
    roles = ["indicator", "target", "actual", "score"]
    assert _rows(decode_glued("成本控制不超过预算不超过预算10", roles), roles) == [
        {"indicator": "成本控制", "target": "不超过预算", "actual": "不超过预算", "score": "10"}]


def test_a_year_end_deadline_is_one_value():
    # 2025年年底前 / 2023年年底前 (real Lu'an and Xiangtan forms): the year's end, not 2025年 then words
    assert decode_row("完成时间2025年年底前", TARGETS).rows == [[(0, "完成时间"), (1, "2025年年底前")]]


def test_an_explanation_column_takes_the_words_that_explain_the_row():
    # a real Ezhou target form glued (三级 name | 绩效标准 | 当年预期实现值): 反映…情况 explains the row;
    # read into the name, every name carried its explanation
    roles = ["indicator", "ignore", "target"]
    assert _rows(decode_glued("大楼维修维护次数反映大楼全年维修维护情况280次大楼安检巡察次数反映大楼保卫巡检情况200次",
                              roles), roles) == [
        {"indicator": "大楼维修维护次数", "target": "280次"}, {"indicator": "大楼安检巡察次数", "target": "200次"}]


def test_a_target_in_words_ends_a_name_in_a_body_of_many_rows():
    # the same form: 成本控制率不超预算 is a name and a target in words (不 | 超 was read before)
    roles = ["indicator", "ignore", "target"]
    assert _rows(decode_glued("成本控制率不超预算水电消耗下降率反映水电消耗比上年下降情况5%", roles), roles)[0] == \
        {"indicator": "成本控制率", "target": "不超预算"}


def test_a_direction_column_the_form_does_not_keep_takes_its_direction_word():
    # real Hainan transfer notice glued (…绩效指标性质 | 绩效指标值 | 绩效度量单位 | 权重 | 指标方向性):
    # 正向指标 under 指标方向性 closes the row, the weight printed as a share
    roles = ["indicator", "operator", "target", "unit", "score_max", "ignore"]
    table = decode_glued("全年实现会展业综合收入≥280亿元30%正向指标", roles)
    assert table.left_over == []
    assert table.rows == [[(0, "全年实现会展业综合收入"), (1, "≥"), (2, "280"), (3, "亿元"), (4, "30%"), (5, "正向指标")]]


def test_another_areas_target_echoes_the_first_areas():
    # real Putian transfer form glued: one target column per town (笏石街道办 | 埭头镇), both 1; read
    # without the echo, the two ones were one target 11
    roles = ["indicator", "ignore", "operator", "target", "echo"]
    table = decode_row("开展修复工程(个)反映防洪水利设施水毁修复项目开展情况≥11", roles)
    assert table.rows == [[(0, "开展修复工程(个)"), (1, "反映防洪水利设施水毁修复项目开展情况"), (2, "≥"), (3, "1"),
                           (4, "1")]]


def test_a_one_character_answer_does_not_close_a_word_of_the_name():
    # 是|否 is one word: a row cut before 否 (已建工程是 | 否) lost the name's own question
    roles = ["indicator", "target"]
    table = decode_glued("已建工程是否存在质量问题否", roles)
    assert table.rows == [[(0, "已建工程是否存在质量问题"), (1, "否")]]


def test_a_full_stop_ends_the_name_and_opens_the_target():
    text = "打造金安国际网球公开赛等系列品牌赛事,提升六安城市的知名度和美誉度。效果良好"
    table = decode_row(text, ["indicator", "target"])
    assert [t for _, t in table.rows[0]] == ["打造金安国际网球公开赛等系列品牌赛事,提升六安城市的知名度和美誉度。", "效果良好"]


@pytest.mark.parametrize("body, rows", [
    # real previews (w01, h19): 新增和|改善 and …空气质量|改善 + 的满意程度 were read as two rows each
    ("新增和改善灌溉达标面积≥500亩服务周期内,市民对空气质量改善的满意程度≥85%",
     [("新增和改善灌溉达标面积", "≥500亩"), ("服务周期内,市民对空气质量改善的满意程度", "≥85%")]),
    # w14 as a preview prints it: 完成 alone is no target (none of the real forms' 619 is)
    ("向各类新闻媒体完成林业新闻信息投稿数(篇)=30篇林业微信公众号完成新闻宣传(篇)=50篇",
     [("向各类新闻媒体完成林业新闻信息投稿数(篇)", "=30篇"), ("林业微信公众号完成新闻宣传(篇)", "=50篇")]),
], ids=["function_word_or_particle", "bare_verb"])
def test_a_name_is_not_cut_at_a_function_word_a_particle_or_a_bare_verb(body, rows):
    roles = ["indicator", "target"]
    assert _rows(decode_glued(body, roles), roles) == [{"indicator": n, "target": t} for n, t in rows]


def test_a_name_is_more_than_its_numbering():
    roles = ["indicator", "target"]
    body = "指标1:提升群众安全感≥90%"
    assert _rows(decode_glued(body, roles), roles) == [{"indicator": "指标1:提升群众安全感", "target": "≥90%"}]


def test_done_as_an_actual_before_its_scores_costs_nothing():
    roles = ["indicator", "target", "actual", "score_max", "score"]
    assert _rows(decode_row("成本控制数≤30万元完成9090", roles), roles) == [
        {"indicator": "成本控制数", "target": "≤30万元", "actual": "完成", "score_max": "90", "score": "90"}]


def test_a_required_mark_after_a_glued_level_name_opens_the_name():
    from jixiao.parsers.indicators import peel_levels
    from jixiao.parsers.lexer import split_words

    assert split_words("产出指标(50分)数量指标★补助各类瓜果蔬菜种植面积29.5亩") == [
        "产出指标(50分)", "数量指标", "★补助各类瓜果蔬菜种植面积29.5亩"]
    assert peel_levels("★补助鱼塘面积3亩3亩1010") == ([], "★补助鱼塘面积3亩3亩1010")
    assert peel_levels("产出指标数量指标*贫困人口数(≥**人)>=1102人") == (["产出指标", "数量指标"], "*贫困人口数(≥**人)>=1102人")
    assert split_words("一级指标*二级指标*三级指标*指标值")[:2] == ["一级指标*", "二级指标*"]  # a heading keeps its mark


def test_a_required_mark_before_a_glued_name_stays_with_the_name():
    body = "★★★农村低保发放人数>=21933人21980人55★其中:建档立卡贫困人口数量>=9431人9453人55"
    roles = ["indicator", "target", "actual", "score_max", "score"]
    rows = _rows(decode_glued(body, roles), roles)
    assert [r["indicator"] for r in rows] == ["★★★农村低保发放人数", "★其中:建档立卡贫困人口数量"]


def test_a_cell_never_ends_inside_the_bracket_it_opened():
    # real 504 content as a document-sharing preview: 粉碎拌合机(11kw)(≥台)111 had been cut inside its
    # bracket (粉碎拌合机( | 1 | 1, then kw)(≥台) | 1 | 1 | 1), one row unlike the rest, and the piece was
    # read as no table at all
    roles = ["indicator", "target", "actual", "score_max", "score"]
    table = decode_glued("场地硬化(≥**平方米)2302302粉碎拌合机(11kw)(≥台)111产床(全复合双体产床)(≥套)221", roles)
    assert [[t for _, t in r] for r in table.rows] == [
        ["场地硬化(≥**平方米)", "230", "230", "2"], ["粉碎拌合机(11kw)(≥台)", "1", "1", "1"],
        ["产床(全复合双体产床)(≥套)", "2", "2", "1"]]


def test_a_numbered_name_opens_right_after_the_scores_of_the_row_before():
    # real 301 content as a preview: 20000亩15 then 1、水稻… — the 15 is the row's score and 1、 opens the
    # next name (it had been read 200 | 0 | 0, the next name 亩151、水稻…)
    roles = ["indicator", "target", "actual", "score_max", "score"]
    table = decode_glued("一、示范区建立≧20000亩20000亩151、水稻侧深施肥+缓控释肥≧500亩500亩52、玉米种肥同播≧1000亩1000亩5",
                         roles)
    assert [[t for _, t in r] for r in table.rows] == [
        ["一、示范区建立", "≧20000亩", "20000亩", "15"], ["1、水稻侧深施肥+缓控释肥", "≧500亩", "500亩", "5"],
        ["2、玉米种肥同播", "≧1000亩", "1000亩", "5"]]
    # a list of numbers is no numbering: no name opens at 2、 before a digit (2、3、4号楼 is no row)
    assert [[t for j, t in r if j == 0] for r in decode_glued("建设数量≧5个5个52、3、4号楼", roles).rows] == [["建设数量"]]
