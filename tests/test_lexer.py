"""The lexer for glued text (no separator between cells): where names, values and targets part."""
from __future__ import annotations

import pytest

from jixiao.extract.text import text_to_document
from jixiao.parsers import parse_document
from jixiao.parsers.lexer import repeat_cut, split_values, split_words


@pytest.mark.parametrize("text, name, target", [
    ("完工及时率及时率", "完工及时率", "及时率"),  # the target is the name's tail
    ("宣传覆盖面不断扩大宣传覆盖面不断扩大", "宣传覆盖面不断扩大", "宣传覆盖面不断扩大"),  # the name twice
    ("房屋质量房屋完好", "房屋质量", "房屋完好"),  # the target restarts with the name's first words
    ("居民参与率居民参与率不低于100%", "居民参与率", "居民参与率不低于100%"),
])
def test_a_target_that_repeats_the_name_is_cut_where_the_repetition_starts(text, name, target):
    k = repeat_cut(text)
    assert (text[:k], text[k:]) == (name, target)


@pytest.mark.parametrize("text", ["学生家长满意度≥90%", "开展活动300场=300.00(场)", "补助学生数量"])
def test_nothing_repeats_nothing_is_cut(text):
    assert repeat_cut(text) is None


def test_units_in_brackets_stay_with_their_number():
    assert split_values("中心全年活动人次=5.00(万人次)") == ["中心全年活动人次", "=5.00(万人次)"]
    assert split_values("特殊人员及群体满意90.00(度)") == ["特殊人员及群体满意", "90.00(度)"]


def test_glued_rows_of_a_target_table_end_in_their_target():
    text = ("项目支出绩效目标表\n一级指标二级指标三级指标指标值\n"
            "产出指标数量指标开展活动300场=300.00(场)\n"
            "7岁以下儿童健康管理率≧85%\n"
            "质量指标完工及时率及时率\n")
    forms = parse_document(text_to_document(text))
    assert [(i.level2, i.indicator, i.target_raw) for f in forms for i in f.indicators] == [
        ("数量指标", "开展活动300场", "=300.00(场)"),
        ("数量指标", "7岁以下儿童健康管理率", "≧85%"),
        ("质量指标", "完工及时率", "及时率"),
    ]


def test_a_level_name_printed_in_two_stacked_lines_and_read_by_columns_is_still_a_level():
    from jixiao.parsers.vocab import level_of, stacked_readings

    assert stacked_readings("产出指标") == {"出标产指", "产指出标"}
    assert level_of("出标产指") == {1} and level_of("益标效指") == {1}  # 产出/指标, 效益/指标
    assert not level_of("出产标指")  # not a reading of two stacked lines


def test_glued_text_of_a_mirror_page_is_cut_on_its_folded_reading_and_keeps_what_it_printed():
    from jixiao.parsers.lexer import split_words

    pieces = split_words("三級指標指標值產(chǎn)出指標(biāo)數(shù)量指標(biāo)中職免學(xué)費應(yīng)受助學(xué)生數(shù)100%")
    assert pieces == ["三級指標", "指標值", "產(chǎn)出指標(biāo)", "數(shù)量指標(biāo)", "中職免學(xué)費應(yīng)受助學(xué)生數(shù)100%"]


def test_a_value_heading_inside_the_body_is_a_word_of_its_cell_unless_it_stands_among_headings():
    from jixiao.parsers.lexer import split_words

    pieces = split_words("三级指标指标值实际完成值分值得分数量指标任务2:健康管理率超上年2%达成目标值55"
                         "质量指标三级指标指标值实际完成值")
    assert "任务2:健康管理率超上年2%达成目标值55" in pieces  # 达成目标值 is an actual, not a heading
    assert pieces[:5] == ["三级指标", "指标值", "实际完成值", "分值", "得分"]
    assert pieces[-3:] == ["三级指标", "指标值", "实际完成值"]  # a header repeated after a page break


def test_a_preview_piece_of_numbered_rows_is_read_row_by_row_with_words_for_targets():
    # a self-evaluation preview (Jiangxi template): the rows under 数量指标 run together, each
    # opening with 任务N:, their targets and actuals in words (增加, 超上年2%, 达成目标值)
    text = ("部门整体支出绩效自评表\n"
            "一级指标二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析产出指标数量指标"
            "任务1:门诊住院人次增加增372人次55任务2:特殊人群健康管理率超上年2%达成目标值55"
            "效果指标经济效益指标业务收入超上年度增收27万元1313满意度指标")
    forms = parse_document(text_to_document(text))
    assert [(i.level2, i.indicator, i.target_raw, i.actual_raw, i.score) for f in forms for i in f.indicators] == [
        ("数量指标", "任务1:门诊住院人次", "增加", "增372人次", 5.0),
        ("数量指标", "任务2:特殊人群健康管理率", "超上年2%", "达成目标值", 5.0),
        ("经济效益指标", "业务收入", "超上年度", "增收27万元", 13.0),
    ]


def test_a_funding_heading_inside_the_body_is_a_word_of_a_name():
    from jixiao.parsers.lexer import split_words

    pieces = split_words("预算数执行数执行率一级指标二级指标三级指标指标值管理指标政府采购管理执行率100%资产管理安全性")
    assert pieces[:3] == ["预算数", "执行数", "执行率"]  # the funding block's headings, side by side
    assert "政府采购管理执行率100%资产管理安全性" in pieces  # …执行率 of an indicator name is no heading


def test_a_preview_target_repeating_its_name_is_cut_where_it_repeats():
    text = ("项目支出绩效目标表\n1、一级指标二级指标三级指标指标值产出指标质量指标完工及时率及时率"
            "效益指标社会效益指标完善社区基础设施建设完善率满意度指标服务对象满意度指标居民满意度≥90%")
    forms = parse_document(text_to_document(text))
    assert [(i.indicator, i.target_raw) for f in forms for i in f.indicators] == [
        ("完工及时率", "及时率"), ("完善社区基础设施建设", "完善率"), ("居民满意度", "≥90%")]


def test_a_mirror_pages_glued_row_sheds_its_level_names_as_printed():
    from jixiao.parsers.indicators import peel_levels

    assert peel_levels("產(chǎn)出指標(biāo)數(shù)量指標(biāo)中職免學(xué)費應(yīng)受助學(xué)生數(shù)100%") == (
        ["產(chǎn)出指標(biāo)", "數(shù)量指標(biāo)"], "中職免學(xué)費應(yīng)受助學(xué)生數(shù)100%")
    assert peel_levels("产出指标(50分)数量指标覆盖率≥90%") == (["产出指标(50分)", "数量指标"], "覆盖率≥90%")


def test_a_level_name_that_opens_indicator_names_is_a_level_only_as_a_whole_cell():
    from jixiao.parsers.indicators import peel_levels
    from jixiao.parsers.vocab import level_of

    # 项目完成 is the 一级 of older templates (= 产出指标) when it fills its cell ...
    assert level_of("项目完成") == {1}
    text = ("项目支出绩效目标表\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "项目完成 | 数量指标 | 参保人数 | 43230人 |\n| 时效指标 | 项目完成时限 | 2019年12月 |\n")
    rows = [(i.level1, i.level2, i.indicator) for f in parse_document(text_to_document(text)) for i in f.indicators]
    assert rows == [("项目完成", "数量指标", "参保人数"), ("项目完成", "时效指标", "项目完成时限")]
    # ... but in a glued row it is the opening of a name (项目完成及时性), not a level
    assert peel_levels("时效指标项目完成及时性程度较高") == (["时效指标"], "项目完成及时性程度较高")


def test_a_range_is_one_value():
    from jixiao.parsers.lexer import value_at

    # two numbers joined by a range mark are one target (the normaliser reads them as a range)
    for value in ("18—54周岁", "98-100%", "1-6期", "5至10天"):
        assert value_at(value + "存在", 0) == len(value), value
    # so are two dates joined by one, whole or with the year left out, dotted year.months included
    for value in ("2019年1月-2019年12月", "2021年1月-12月", "2020年-2022年", "2023.07-2024.01", "2023.1.1-2023.12.31"):
        assert value_at(value + "存在", 0) == len(value), value
    # a range mark with no number after it ends the value
    assert value_at("100%-达标", 0) == 4
    # a date range may be joined by a doubled mark (2020年1月--2020年11月) or a wave (1月～12月)
    for value in ("2020年1月--2020年11月", "2021年1月～12月", "2022年3月——2022年6月"):
        assert value_at(value + "存在", 0) == len(value), value


def test_a_rate_whose_amount_has_no_unit_keeps_its_per_unit():
    from jixiao.parsers.lexer import value_at

    # 10320/年 (yuan a year), ≤620万/月: the rate's "/unit" is part of the value
    for value in ("10320/年", "≤620万/月", "35元/人", "2万元/年"):
        assert value_at(value + "保障", 0) == len(value), value
    assert value_at("1/2", 0) == 1  # no unit after the bar: a fraction's first number only


def test_this_years_end_is_a_deadline():
    from jixiao.parsers.lexer import value_at

    for value in ("年底前", "年末之前", "年内完成", "年底前到位"):
        assert value_at(value + "存在", 0) == len(value), value
    assert value_at("年底", 0) == 0  # (年底 alone opens words such as 年底结余: no value)


MANAGEMENT_ROWS = [  # Jiangxi's 整体支出 self-evaluation: under 管理指标 each row opens with a 二级 of its own
    ("预算编审管理", "完整、准确率", "100%", "100%"),
    ("预算执行管理", "完成率、控制率", "100%", "按规定执行"),
    ("部门结转结余资金管理", "结余率", "小于5%", "达成目标值"),
    ("政府采购管理", "执行率", "100%", "100%"),
]


@pytest.mark.parametrize("glued_rows", [True, False], ids=["row-per-line", "preview"])
def test_second_levels_outside_the_vocabulary_open_the_rows_under_a_first_level_alone(glued_rows):
    body = ["".join(r) + "44" for r in MANAGEMENT_ROWS]
    text = ("部门整体支出绩效自评表\n一级指标二级指标三级指标指标值实际完成值分值得分\n"
            + ("管理指标" + "\n".join(body) if glued_rows else "管理指标" + "".join(body))
            + "\n产出指标数量指标门诊住院人次增加增372人次55")
    forms = parse_document(text_to_document(text))
    read = [(i.level1, i.level2, i.indicator, i.target_raw, i.actual_raw) for f in forms for i in f.indicators]
    assert read[:4] == [("管理指标",) + r for r in MANAGEMENT_ROWS]
    assert read[4][:3] == ("产出指标", "数量指标", "门诊住院人次")  # a 二级 of the vocabulary closes them


def test_a_value_heading_in_a_body_without_level_names_is_a_word_of_its_cell():
    # Chongqing's 整体绩效自评表 preview: levels left blank, so the body starts where the header's
    # headings end; 执行率 of 政府采购执行率 is no heading there (read before: the rows after it lost).
    # Most rows fill the same columns, one only its scores: still a table of rows
    text = ("部门整体绩效自评表一级指标二级指标三级指标指标值实际完成值分值得分"
            "财政供养人员控制率100%92%22基础信息完善100%100%11预算完成率70%76%22“三公经费控制率22公用经费控制率100%97%22"
            "政府采购执行率100%72.74%22管理制度健全性高高33资产管理安全好好22")
    forms = parse_document(text_to_document(text))
    read = [(i.indicator, i.target_raw, i.actual_raw, i.score) for f in forms for i in f.indicators]
    assert read[3][0] == "“三公经费控制率"
    del read[3]
    assert read == [("财政供养人员控制率", "100%", "92%", 2.0), ("基础信息完善", "100%", "100%", 1.0),
                    ("预算完成率", "70%", "76%", 2.0), ("公用经费控制率", "100%", "97%", 2.0),
                    ("政府采购执行率", "100%", "72.74%", 2.0), ("管理制度健全性", "高", "高", 3.0),
                    ("资产管理安全", "好", "好", 2.0)]


def test_a_heading_is_read_by_its_opening_or_ending_only_where_no_vocabulary_word_reads_it():
    from jixiao.parsers.indicators import tokenize_header
    from jixiao.parsers.vocab import role_by_affix
    assert [role_by_affix(t) for t in ("全年目标值", "年度绩效指标值", "实际达成值", "评价得分", "三级指标内容",
                                       "佐证材料", "培训人数", "这是一个很长很长的说明文字而不是表头的说明")] == \
        ["target", "target", "actual", "score", "indicator", "ignore", None, None]
    assert tokenize_header("一级指标二级指标三级指标全年目标值实际达成值权重评价得分") == \
        ["level1", "level2", "indicator", "target", "actual", "score_max", "score"]


def test_a_note_glued_after_the_table_ends_it():
    """注: opens the notes under a glued table: cut there, it closes the table (no 注以预算… row)."""
    from jixiao.parsers.cellkind import is_terminator
    from jixiao.parsers.lexer import split_words

    pieces = split_words("森林火灾不发生大规模的火灾注:以预算批复的绩效目标为准填列")
    assert "注" in pieces and is_terminator("注")
    assert is_terminator("……总分") and not is_terminator("……")


def test_a_title_glued_after_a_rows_value_starts_after_that_value():
    # a Jiayuguan preview runs its second form's title onto the first form's last row
    pieces = split_words("服务对象满意度%=99百分比省级部门预算项目支出绩效目标表2023年度")
    assert "省级部门预算项目支出绩效目标表" in pieces
    assert not any(p.endswith("绩效目标表") and "百分比" in p for p in pieces)


def test_required_marks_and_a_lead_word_do_not_split_the_headings_of_a_glued_header():
    # a real Hainan transfer notice glued: 一级指标*二级指标*…绩效指标性质*绩效指标值*绩效度量单位权重*指标方向性*;
    # the marks cut the words and 绩效指标性质 was read as 绩效指标 | 性质*
    pieces = split_words("一级指标*二级指标*三级指标*绩效指标性质*绩效指标值*绩效度量单位权重*指标方向性*产出指标数量指标")
    assert pieces == ["一级指标*", "二级指标*", "三级指标*", "绩效指标性质*", "绩效指标值*", "绩效度量单位", "权重*",
                      "指标方向性*", "产出指标", "数量指标"]


def test_a_glued_form_with_marked_headings_and_funding_headings_beside_their_amounts():
    text = ("附件2项目绩效目标表主管部门:省商务厅资金总额:2430.30项目负责人电话:65239479财政拨款:2430.30"
            "预算执行率权重:10%其他资金:总体目标目标1:全年实现会展业综合收入不低于280亿元"
            "一级指标*二级指标*三级指标*绩效指标性质*绩效指标值*绩效度量单位权重*指标方向性*"
            "产出指标数量指标全年实现会展业综合收入≥280亿元30%正向指标")
    [form] = parse_document(text_to_document(text))
    assert [(b.item, b.amount) for b in form.budget] == [("资金总额", 2430.3), ("财政拨款", 2430.3), ("其他资金", None)]
    assert [(i.level1, i.level2, i.indicator, i.target_raw, i.score_max) for i in form.indicators] == [
        ("产出指标", "数量指标", "全年实现会展业综合收入", "≥280亿元", 30)]


# a real Huanggang self-evaluation mirrored in Traditional characters with pinyin (績效, 項(xiàng)目)
HUANGGANG = ("1、2020年度水土保持監(jiān)測項(xiàng)目績效自評表單位名稱:黃岡市水土保持與農(nóng)田水利科研所 "
             "填報(bào)日期:2021年3月10日項(xiàng)目名稱水土保持監(jiān)測主管部門黃岡市水利和湖泊局項(xiàng)目實(shí)施單位本單位"
             "預(yù)算執(zhí)行情況(萬元)(20分)預(yù)算數(shù)(A)執(zhí)行數(shù)(B)執(zhí)行率(B/A)得分(20分*執(zhí)行率)年度財(cái)政資金總額1010100%20"
             "一級指標(biāo)二級指標(biāo)三級指標(biāo)年初目標(biāo)值(A)實(shí)際完成值(B)得分產(chǎn)出指標(biāo)質(zhì)量指標(biāo)"
             "監(jiān)測數(shù)據(jù)必須合格100%100%10進(jìn)度指標(biāo)取得2018-2022\n"
             "2、監(jiān)測資料100%100%10")
# a real Jiayuguan preview (OCR, glued): 一级项目名称 names the parent, 二级项目名称 the project
JIAYUGUAN = ("省级部门预算项目支出绩效目标表(2023年度)一*级项目名称文化事业发展专项资金二级项目名称博物馆纪念馆市级免费"
             "开放补助资金项目主管部门嘉峪关市文化和旅游局组织实施单位甘肃省文物局监督管理单位嘉峪关文旅局"
             "项目实施单位嘉峪关城市博物馆政策依据甘财科[2022]78号一级指标二级指标三级指标指标目标值"
             "产出指标数量指标免费开放天数=300天")


@pytest.mark.parametrize("text, fields", [
    # the preview line was not seen as glued (its words matched unfolded); values keep their printed characters
    # and 本單位 (this unit) names no unit where 單位名稱 does
    (HUANGGANG, ("水土保持監(jiān)測", "黃岡市水土保持與農(nóng)田水利科研所", "黃岡市水利和湖泊局")),
    # the unit's name stops where 政策依据 starts
    (JIAYUGUAN, ("博物馆纪念馆市级免费开放补助资金", "嘉峪关城市博物馆", "嘉峪关市文化和旅游局")),
], ids=["traditional", "provincial"])
def test_the_fields_of_a_glued_preview_are_cut_at_their_keys_and_stay_as_printed(text, fields):
    [form] = parse_document(text_to_document(text))
    assert (form.project, form.department, form.agency) == fields


def test_a_traditional_glued_previews_rows_are_not_cut_inside_a_range_of_years():
    [form] = parse_document(text_to_document(HUANGGANG))
    assert [(i.indicator, i.target_raw, i.actual_raw) for i in form.indicators] == [
        ("監(jiān)測數(shù)據(jù)必須合格", "100%", "100%"), ("取得2018-2022監(jiān)測資料", "100%", "100%")]


def test_a_funding_word_right_after_the_indicator_headings_is_the_first_name():
    # Chongqing's 整体绩效目标表 drawn as a preview, levels blank: 预算执行率 is a funding column's word, but right
    # after 指标值 it opens the body (the first row's name), not the header
    pieces = split_words("一级指标二级指标三级指标指标值预算执行率=100%预决算及时编制率=100%")
    assert pieces[:4] == ["一级指标", "二级指标", "三级指标", "指标值"] and pieces[4].startswith("预算执行率=100%")
