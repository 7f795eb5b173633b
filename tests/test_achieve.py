"""Targets against actuals (normalize/achieve.py), standard levels (normalize/levels.py) and the
indicator columns the dataset layer adds (dataset/enrich.py)."""
import pytest

from jixiao.dataset.enrich import indicator_columns
from jixiao.normalize import parse_target
from jixiao.normalize.achieve import AchievementRules, judge, parse_actual
from jixiao.normalize.levels import standard_levels


def verdict(target_raw, actual_raw, *, year=2023, name=None, level1_std=None, level2_std=None, rules=None):
    target = parse_target(target_raw, year=year)
    kwargs = {"rules": rules} if rules else {}
    actual = parse_actual(actual_raw, target, year=year, **kwargs)
    return judge(target, actual, actual_raw, target_raw=target_raw, name=name, level1_std=level1_std,
                 level2_std=level2_std, **kwargs)


@pytest.mark.parametrize("target, actual, achieved", [
    # comparators
    ("≥85%", "85.6%", True), ("≥98%", "90.0%", False), ("≥100%", "≥100%", True),
    ("大于96%", "100%", True), (">96%", "96%", False),
    ("≤9天", "9天", True), ("不高于12天", "13天", False), ("<5%", "5%", False), ("小于5%", "4.9%", True),
    ("94%-99%", "96%", True), ("86%～91%", "92%", False), ("86%～91%", "86%", True),
    ("约29万人次", "27万人次", True), ("217条左右", "220条", True), ("约100人", "80人", False),
    ("=50126人次", "50126人次", True), ("12500名", "12166名", False),
    # = is met within 0.5 %, and on the better side
    ("100%", "99.6%", True), ("100%", "99%", False), ("90%", "100%", True),
    ("1172人", "1094人", False), ("14座", "15座", True),
    # money: 万元 against 元, and costs where less is better
    ("≤1440元", "0.1123万元", True), ("不高于17.85万元", "17.43万元", True), ("≤13万元", "130001元", False),
    ("≥5万元", "50000元", True),
    # area: 亩 against 平方米
    ("≥500亩", "333400平方米", True), ("≥500亩", "333000平方米", False), ("≥1公顷", "15亩", True),
    # length, mass
    ("不低于697km", "628km", False), ("≥100公里", "100000米", True), ("不少于1940吨", "1940000公斤", True),
    # a bare number takes the target's unit; a fraction under a % target is a share
    ("28万亩", "8", False), ("≥50个", "50", True), ("90%", "100", True), ("≥95%", "0.96", True),
    ("≥95%", "0.9", False), ("4.2万册以上", "4.3", True),
    # units that count the same thing; units that do not
    ("≥100人", "120名", True), ("≤10日", "9天", True), ("≥100人", "120次", None),
    # zero targets: none allowed
    ("=0次", "0次", True), ("=0次", "1次", False), ("0起", "2起", False),
    # deadlines
    ("2023年12月底前", "12月29日完成", True), ("2023年10月31日前", "2023年10月13日", True),
    ("2018年6月底前", "2018年7月2日", False), ("12月31日前", "2024年1月5日", False),
    ("2022年11月底前", "已于2022年11月完成", True),
    ("2023年9月30日前", "按时完成", True), ("2023年9月30日前", "按期", True), ("2023年9月30日前", "延期", False),
    ("2023年9月30日前", "未按时完成", False),
    # words
    ("良好", "已完成", True), ("有所提升", "部分达成", False), ("不断加强", "明显改善", True),
    ("合格", "不合格", False), ("是", "是", True), ("是", "否", False), ("高", "高", True),
    ("有效减轻", "有效减轻", True), ("有所提升", "基本完成", None), ("逐步提高", "基本提高", None),
    ("小于5%", "达成目标值", True), ("100%", "按规定执行", None), ("有所提升", "98%", None),
    ("≥95%", "未完成", False), ("良好", "一般", None),
    # nothing to judge
    ("≥95%", "", None), ("", "100%", None),
])
def test_achieved(target, actual, achieved):
    assert verdict(target, actual).achieved is achieved


def test_lower_is_better_for_costs_and_complaints():
    # an = target of cost: spending less meets it, spending more does not
    assert verdict("17万元", "16万元", level1_std="成本指标", level2_std="经济成本指标").achieved is True
    assert verdict("17万元", "18万元", level1_std="成本指标", level2_std="经济成本指标").achieved is False
    assert verdict("3起", "1起", name="安全事故发生起数").achieved is True
    assert verdict("3起", "1起", name="培训场次").achieved is False


def test_tolerances_are_settings():
    loose = AchievementRules(eq_tolerance=0.02)
    assert verdict("100%", "99%", rules=loose).achieved is True
    strict = AchievementRules(approx_tolerance=0.01)
    assert verdict("约29万人次", "27万人次", rules=strict).achieved is False


@pytest.mark.parametrize("target, actual, completion", [
    ("≥85%", "85.6%", 85.6 / 85), ("4.4万册以上", "4.6万册", 4.6 / 4.4), ("≤1440元", "1123元", 1123 / 1440),
    ("≥500亩", "400000平方米", 1.2), ("28万亩", "8", 8 / 28), ("94%-99%", "96%", 96 / 94),
    ("=0次", "0次", None), ("2023年12月底前", "12月29日完成", None), ("良好", "已完成", None),
    ("≥100人", "120次", None),
])
def test_completion(target, actual, completion):
    got = verdict(target, actual).completion
    assert got == (None if completion is None else pytest.approx(completion, rel=1e-6))


def test_actual_columns_are_in_the_targets_unit():
    target = parse_target("≥28万亩")
    actual = parse_actual("8", target)
    assert (actual.value, actual.unit, actual.unit_std) == (8.0, "万亩", "平方米")
    assert actual.value_std == pytest.approx(8e4 * 2000 / 3)


@pytest.mark.parametrize("level1, level2, std", [
    ("产出指标(50分)", "数量", ("产出指标", "数量指标")),
    ("", "社会效益", ("效益指标", "社会效益指标")),
    ("项目完成指标", "产出数量", ("产出指标", "数量指标")),
    ("效果指标", "社会效益指标", ("效益指标", "社会效益指标")),
    ("成本指标(0-20)分", "", ("成本指标", None)),
    ("产出指标", "成本指标", ("成本指标", "经济成本指标")),
    ("效益指标", "社会公众或服务对象满意度指标", ("满意度指标", "服务对象满意度指标")),
    ("★满意度指标", "服务对象满意度指标（必填）", ("满意度指标", "服务对象满意度指标")),
    ("過程指標", "預算執行", ("过程指标", "预算执行")),
    ("项目完成", "", ("产出指标", None)),
    ("预期产出指标", "数量指标(或建筑规模指标)", ("产出指标", "数量指标")),  # a note inside a known name
    ("预期产出指标", "预算(或投资规模)控制指标", ("成本指标", "经济成本指标")),
    ("效果指标", "社会、经济、生态效益指标", ("效益指标", "社会、经济、生态效益指标")),
    (None, None, (None, None)),
])
def test_standard_levels(level1, level2, std):
    assert standard_levels(level1, level2) == std


def test_indicator_columns():
    target = parse_target("≥26158平方米", year=2022)
    cols = indicator_columns(target, indicator="★(一)新增绿化面积(≥**平方米)", level1="产出指标(50分)",
                             level2="数量指标", target_raw="≥26158平方米", actual_raw="4万平方米", year=2022)
    assert cols["indicator_key"] == "新增绿化面积"
    assert (cols["level1_std"], cols["level2_std"]) == ("产出指标", "数量指标")
    assert cols["is_quantitative"] is True
    assert cols["achieved"] is True and cols["actual_value_std"] == 40000.0
    assert (cols["actual_unit"], cols["actual_unit_std"]) == ("万平方米", "平方米")
    text = indicator_columns(parse_target("有所提升"), indicator="群众满意度", level1="满意度指标", level2="",
                             target_raw="有所提升", actual_raw=None, year=None)
    assert text["is_quantitative"] is False and text["achieved"] is None and text["actual_comparator"] is None
    deadline = indicator_columns(parse_target("2022年12月底前"), indicator="完成时间", level1="产出指标",
                                 level2="时效指标", target_raw="2022年12月底前", actual_raw=None, year=2022)
    assert deadline["is_quantitative"] is True
