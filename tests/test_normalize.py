"""Table tests of the indicator-target normaliser (jixiao.normalize): one case per rule of the
contract's "Parsed indicator values" section, written for these tests."""
import math

import pytest

from jixiao.normalize import (CSV_COLUMNS, Target, input_lines, join_target_parts, normalize_lines,
                              parse_amount, parse_target, parse_target_parts)

# raw, comparator, value, value_max, unit, value_std, unit_std
CASES = [
    # comparator symbols, ASCII and full-width, with spaces
    ("≥ 90 %", ">=", 90, None, "%", 90, "%"),
    ("≧88%", ">=", 88, None, "%", 88, "%"),
    ("＞＝75%", ">=", 75, None, "%", 75, "%"),
    (">=12次", ">=", 12, None, "次", 12, "次"),
    ("≤0.5‰", "<=", 0.5, None, "‰", 0.5, "‰"),
    ("≦4天", "<=", 4, None, "天", 4, "天"),
    ("＜＝3次", "<=", 3, None, "次", 3, "次"),
    ("＞60分", ">", 60, None, "分", 60, "分"),
    ("<2起", "<", 2, None, "起", 2, "起"),
    ("＝12个", "=", 12, None, "个", 12, "个"),
    ("≈40家", "approx", 40, None, "家", 40, "家"),
    ("±3%以内", "<=", 3, None, "%", 3, "%"),  # a tolerance: the deviation stays within it (误差率±3%以内)
    ("≥0.97比例", ">=", 0.97, None, "比例", 0.97, "比例"),  # a ratio written out (视频监控在线率), not 比 + 例
    # comparator words before the number
    ("大于或等于80%", ">=", 80, None, "%", 80, "%"),
    ("不小于66.5%", ">=", 66.5, None, "%", 66.5, "%"),
    ("至少两次", ">=", 2, None, "次", 2, "次"),
    ("小于或等于7天", "<=", 7, None, "天", 7, "天"),
    ("不大于1%", "<=", 1, None, "%", 1, "%"),
    ("不多于4起", "<=", 4, None, "起", 4, "起"),
    ("至多3次", "<=", 3, None, "次", 3, "次"),
    ("多于40户", ">", 40, None, "户", 40, "户"),
    ("不到10人", "<", 10, None, "人", 10, "人"),
    ("等于12个月", "=", 12, None, "个月", 12, "个月"),
    ("大约450人", "approx", 450, None, "人", 450, "人"),
    ("控制在3%以内", "<=", 3, None, "%", 3, "%"),
    ("控制在8万元", "<=", 8, None, "万元", 80000, "元"),
    # comparator words after the number (以上/以下/以内 include it)
    ("60%及以上", ">=", 60, None, "%", 60, "%"),
    ("6人及以下", "<=", 6, None, "人", 6, "人"),
    ("9个工作日内", "<=", 9, None, "工作日", 9, "工作日"),
    ("95%（含）以上", ">=", 95, None, "%", 95, "%"),
    ("30人上下", "approx", 30, None, "人", 30, "人"),
    ("400余人", ">", 400, None, "人", 400, "人"),
    ("逾400人", ">", 400, None, "人", 400, "人"),
    ("排名前5名", "<=", 5, None, "名", 5, "名"),
    ("提前2天", "=", 2, None, "天", 2, "天"),
    # prose around the quantity
    ("满意度达到93%以上", ">=", 93, None, "%", 93, "%"),
    ("完成率100%", "=", 100, None, "%", 100, "%"),
    ("100%完成", "=", 100, None, "%", 100, "%"),
    ("超标率≤2%", "<=", 2, None, "%", 2, "%"),
    ("节约6%", "=", 6, None, "%", 6, "%"),
    # ranges and pairs of bounds
    ("70%-80%", "between", 70, 80, "%", 70, "%"),
    ("70～80%", "between", 70, 80, "%", 70, "%"),
    ("4至6个月", "between", 4, 6, "个月", 4, "个月"),
    ("3到5人", "between", 3, 5, "人", 3, "人"),
    ("5—8万元", "between", 5, 8, "万元", 50000, "元"),
    ("≥80%且≤90%", "between", 80, 90, "%", 80, "%"),
    ("不低于80%不高于90%", "between", 80, 90, "%", 80, "%"),
    ("≤90%,≥80%", "between", 80, 90, "%", 80, "%"),
    ("80%以上90%以下", "between", 80, 90, "%", 80, "%"),
    ("介于80%和90%之间", "between", 80, 90, "%", 80, "%"),
    ("≥80%并≤90%", "between", 80, 90, "%", 80, "%"),
    ("80%（含）-90%（含）", "between", 80, 90, "%", 80, "%"),
    ("两至三次", "between", 2, 3, "次", 2, "次"),
    # numbers: separators, full width, Chinese numerals
    ("≥12,500人次", ">=", 12500, None, "人次", 12500, "人次"),
    ("≥１２．５％", ">=", 12.5, None, "%", 12.5, "%"),
    ("四十二个", "=", 42, None, "个", 42, "个"),
    ("一百零八次", "=", 108, None, "次", 108, "次"),
    ("两千三百人", "=", 2300, None, "人", 2300, "人"),
    ("一千二百零五人", "=", 1205, None, "人", 1205, "人"),
    ("两万五人次", "=", 25000, None, "人次", 25000, "人次"),   # colloquial: 两万五 = 25000
    ("一百〇八次", "=", 108, None, "次", 108, "次"),
    ("三万人次", "=", 30000, None, "人次", 30000, "人次"),
    ("十五个工作日", "=", 15, None, "工作日", 15, "工作日"),
    ("≥百分之八十", ">=", 80, None, "%", 80, "%"),
    ("不低于百分之95", ">=", 95, None, "%", 95, "%"),
    ("-3%", "=", -3, None, "%", -3, "%"),
    ("≥-1.5%", ">=", -1.5, None, "%", -1.5, "%"),
    # units: canonical spellings and conversions
    ("≥5个百分点", ">=", 5, None, "个百分点", 5, "个百分点"),
    ("3百分点", "=", 3, None, "个百分点", 3, "个百分点"),
    ("≥900m2", ">=", 900, None, "平方米", 900, "平方米"),
    ("≥900平米", ">=", 900, None, "平方米", 900, "平方米"),
    ("≥3亩", ">=", 3, None, "亩", 2000, "平方米"),
    ("≥1.5万亩", ">=", 1.5, None, "万亩", 10_000_000, "平方米"),
    ("≥2公顷", ">=", 2, None, "公顷", 20000, "平方米"),
    ("2.5平方千米", "=", 2.5, None, "平方公里", 2_500_000, "平方米"),
    ("≥8千米", ">=", 8, None, "公里", 8000, "米"),
    ("≥8KM", ">=", 8, None, "公里", 8000, "米"),
    ("30厘米", "=", 30, None, "厘米", 0.3, "米"),
    ("≤5mm", "<=", 5, None, "毫米", 0.005, "米"),
    ("≥3t", ">=", 3, None, "吨", 3000, "千克"),
    ("≥3万吨", ">=", 3, None, "万吨", 30_000_000, "千克"),
    ("≥500公斤", ">=", 500, None, "千克", 500, "千克"),
    ("250克", "=", 250, None, "克", 0.25, "千克"),
    ("≥6000m³", ">=", 6000, None, "立方米", 6000, "立方米"),
    ("≥3千元", ">=", 3, None, "千元", 3000, "元"),
    ("≤0.8亿元", "<=", 0.8, None, "亿元", 80_000_000, "元"),
    ("≥3百万元", ">=", 3, None, "百万元", 3_000_000, "元"),
    ("≥4千人", ">=", 4, None, "千人", 4000, "人"),
    ("1.2万册", "=", 1.2, None, "万册", 12000, "册"),
    ("≥2.4万", ">=", 2.4, None, "万", 24000, None),
    ("3个小时", "=", 3, None, "小时", 3, "小时"),
    ("≤2h", "<=", 2, None, "小时", 2, "小时"),
    ("≥2次/月", ">=", 2, None, "次/月", 2, "次/月"),
    ("≤80元/㎡", "<=", 80, None, "元/平方米", 80, "元/平方米"),
    ("≥2万元/人", ">=", 2, None, "万元/人", 2, "万元/人"),
    ("≥300盏", ">=", 300, None, "盏", 300, "盏"),
    ("≤60元/人/年", "<=", 60, None, "元/人/年", 60, "元/人/年"),
    (">=530元/人*月", ">=", 530, None, "元/人*月", 530, "元/人*月"),  # a real Suixi self-evaluation: 人*月 as printed
    ("400元/人、天", "=", 400, None, "元/人、天", 400, "元/人、天"),  # a real Suining self-evaluation: per person-day
    ("3人、次", "=", 3, None, "人", 3, "人"),  # 、 joins a compound's parts only after its /
    ("100%（以上）", ">=", 100, None, "%", 100, "%"),
    ("80%≤x≤90%", "between", 80, 90, "%", 80, "%"),
    ("90%≥x≥80%", "between", 80, 90, "%", 80, "%"),
    ("≥3万盏", ">=", 3, None, "万盏", 30000, "盏"),
    ("≥12(万元)", ">=", 12, None, "万元", 120000, "元"),
    ("≥12", ">=", 12, None, None, 12, None),
    # approx
    ("约1.2万人", "approx", 1.2, None, "万人", 12000, "人"),
    ("近500户", "approx", 500, None, "户", 500, "户"),
    ("3000株左右", "approx", 3000, None, "株", 3000, "株"),
    # a rate whose amount's unit is left out: per plant
    ("≤28.40/株", "<=", 28.4, None, "/株", 28.4, "/株"),
]


@pytest.mark.parametrize("raw, comparator, value, value_max, unit, value_std, unit_std", CASES)
def test_case_table(raw, comparator, value, value_max, unit, value_std, unit_std):
    t = parse_target(raw)
    assert t.comparator == comparator
    assert t.value == pytest.approx(value)
    assert t.value_max == (None if value_max is None else pytest.approx(value_max))
    assert t.unit == unit
    assert t.value_std == pytest.approx(value_std, rel=1e-12)
    assert t.unit_std == unit_std
    assert t.deadline is None


@pytest.mark.parametrize("raw", [
    "有所提升", "不断优化", "明显改善", "合格", "优", "是", "按时完成", "不超预算", "一般",
    "进一步加强", "一次性发放到位", "零事故", "达到国家二级标准", "不低于上年", "≥上年水平",
    "符合GB/T19001-2016要求", "完成2023年度工作任务", "—", "/", "全年", "年内完成", "第三季度", "十分满意", "一户一档", "数十家", "十几个",
])
def test_qualitative_is_text(raw):
    assert parse_target(raw) == Target("text")


def test_empty_cell():
    assert parse_target("") == Target("")
    assert parse_target("   \n") == Target("")
    assert parse_target(None) == Target("")
    assert parse_target(float("nan")) == Target("")
    assert parse_target(95.0).value == 95.0


@pytest.mark.parametrize("raw, year, deadline", [
    ("2025年12月底前", None, "2025-12-31"),
    ("2024年2月底前", None, "2024-02-29"),   # leap year
    ("2023年2月底前", None, "2023-02-28"),
    ("2100年2月底前", None, "2100-02-28"),   # not a leap year
    ("2023年4月15日前", None, "2023-04-15"),
    ("2023年4月15日之前完成", None, "2023-04-15"),
    ("2026年底前", None, "2026-12-31"),
    ("2026年前完成", None, "2026-12-31"),
    ("2023年第二季度前", None, "2023-06-30"),
    ("2023年上半年", None, "2023-06-30"),
    ("2023-09-30前", None, "2023-09-30"),
    ("2023.9.30前", None, "2023-09-30"),
    ("2023/9/30", None, "2023-09-30"),
    ("2023.11前", None, "2023-11-30"),
    ("二〇二四年六月底前", None, "2024-06-30"),
    ("截至2023年11月30日", None, "2023-11-30"),
    ("11月30日前", 2022, "2022-11-30"),
    ("11月底前", 2024, "2024-11-30"),
    ("第三季度前", 2023, "2023-09-30"),
    ("三季度末", 2023, "2023-09-30"),
    ("年底前完成", 2021, "2021-12-31"),
    ("次年3月底前", 2023, "2024-03-31"),
    ("2023-2025年", None, "2025-12-31"),
    ("2023年1月1日至2023年12月31日", None, "2023-12-31"),
    ("2023年9月至11月", None, "2023-11-30"),
    ("2023.1.1-2023.6.30", None, "2023-06-30"),
    ("2023年12月中旬前", None, "2023-12-20"),
    ("2023年12月31日24时前", None, "2023-12-31"),
    ("2024年内", None, "2024-12-31"),
    ("2021年全年", None, "2021-12-31"),  # the whole year (a real Jinzhai target form)
    ("12月底前100%到位", 2021, "2021-12-31"),  # all of it by the date (real Sichuan and Ningxia pages)
    ("2022年11月底完成100%", None, "2022-11-30"),
])
def test_deadline(raw, year, deadline):
    t = parse_target(raw, year=year)
    assert (t.comparator, t.deadline, t.value, t.unit) == ("<=", deadline, None, None)


@pytest.mark.parametrize("raw", ["11月30日前", "12月底前", "第三季度前", "年底前完成"])
def test_yearless_deadline_stays_empty_without_a_year(raw):
    t = parse_target(raw)
    assert (t.comparator, t.deadline) == ("<=", None)


def test_date_inside_a_quantity_target_is_not_the_target():
    t = parse_target("截至2023年12月31日覆盖率达98%")
    assert (t.comparator, t.value, t.unit, t.deadline) == ("=", 98, "%", None)
    t = parse_target("6月底前完成60%", year=2023)  # a share short of all of it is the target
    assert (t.comparator, t.value, t.unit, t.deadline) == ("=", 60, "%", None)


def test_durations_are_not_deadlines():
    assert parse_target("3个月内").unit == "个月"
    assert parse_target("1年内").comparator == "<="
    assert parse_target("1年内").deadline is None


@pytest.mark.parametrize("cell, amount", [
    ("3,150.58", 3150.58), ("0.00", 0.0), ("—", None), ("/", None), ("", None), (None, None),
    ("97.38%", 97.38), ("10分", 10.0), ("３１５０．５", 3150.5), ("-", None), ("（12.5）", -12.5),
    ("¥1,000", 1000.0), (12.5, 12.5), (float("nan"), None), (" 8 ", 8.0),
])
def test_parse_amount(cell, amount):
    assert parse_amount(cell) == amount


@pytest.mark.parametrize("parts, joined, comparator, value, unit", [
    (("=", "100", "%"), "=100%", "=", 100, "%"),
    (("≥", "90", "%"), "≥90%", ">=", 90, "%"),
    (("大于等于", "3", "次"), "大于等于3次", ">=", 3, "次"),
    (("≤", "15.44", "万元"), "≤15.44万元", "<=", 15.44, "万元"),
    (("定性", "优良", ""), "优良", "text", None, None),
    (("定性", "", ""), "", "", None, None),
    (("是/否", "否", ""), "否", "text", None, None),  # a yes/no indicator's kind, no comparison (real Putian form)
    (("正向", "95", "%"), "正向95%", ">=", 95, "%"),
    (("反向", "5", "%"), "反向5%", "<=", 5, "%"),
    ((" ≥ ", " 1 200 ", " 人 "), "≥1200人", ">=", 1200, "人"),
    (("=", "90", "%以上"), "=90%以上", ">=", 90, "%"),
    (("二", "116", "人"), "=116人", "=", 116, "人"),  # = as OCR reads it in a 计算符号 cell of its own
    (("", "", "2021.1.1-12.31"), "2021.1.1-12.31", "<=", None, None),  # a period in the unit column: its deadline
])
def test_target_parts(parts, joined, comparator, value, unit):
    assert join_target_parts(*parts) == joined
    t = parse_target_parts(*parts)
    assert (t.comparator, t.value, t.unit) == (comparator, value, unit)


def test_target_parts_agree_with_the_joined_text():
    for parts in [("≥", "90", "%"), ("<", "3", "天"), ("约", "50", "人"), ("", "90-95", "%")]:
        assert parse_target_parts(*parts) == parse_target(join_target_parts(*parts))


def test_normalize_lines_rows_and_order():
    rows = normalize_lines(["≥90%", "", "2023年6月底前", "12月底前", "良好\n"], year=None)
    assert [list(r) for r in rows] == [CSV_COLUMNS] * 5
    assert [r["raw"] for r in rows] == ["≥90%", "", "2023年6月底前", "12月底前", "良好"]
    assert [r["comparator"] for r in rows] == [">=", "", "<=", "<=", "text"]
    assert rows[1]["value"] is None and rows[1]["unit"] is None
    assert rows[2]["deadline"] == "2023-06-30"
    assert rows[3]["deadline"] is None
    assert normalize_lines(["12月底前"], year=2022)[0]["deadline"] == "2022-12-31"


def test_between_converts_both_ends():
    t = parse_target("1-2万亩")
    assert (t.comparator, t.unit) == ("between", "万亩")
    assert math.isclose(t.value_std, 1e4 * 2000 / 3)
    assert math.isclose(t.value_max_std, 2e4 * 2000 / 3)


def test_exact_std_values():
    assert parse_target("≤15.44万元").value_std == 154400.0
    assert parse_target("≥3亩").value_std == 2000.0
    assert parse_target("2.05万元").value_std == 20500.0


def test_target_is_frozen_and_hashable():
    t = parse_target("≥90%")
    with pytest.raises(AttributeError):
        t.value = 1  # type: ignore[misc]
    assert hash(t) == hash(parse_target("≥90%"))


def test_input_lines_plain_text():
    assert input_lines("≥90%\n\n良好\r\n") == ["≥90%", "", "良好"]


def test_input_lines_reads_the_raw_column_of_a_cases_csv():
    text = '\ufeffraw,comparator,value\n≥90%,>=,90\n"≤3,309,840.00元",<=,3309840\n,,\n'
    assert input_lines(text) == ["≥90%", "≤3,309,840.00元", ""]


@pytest.mark.parametrize("text", ["第 1 页，共 2 页", "第2页", "共3页 第2页", "- 3 -", "－１２－", "Page 2 of 5"])
def test_a_pages_own_number_is_a_page_marker(text):
    from jixiao.normalize.pages import is_page_marker

    assert is_page_marker(text)


@pytest.mark.parametrize("text", ["2", "1/2", "第1页码", "-3", "共2页面", "第一批", "≥2页"])
def test_a_value_is_no_page_marker(text):
    from jixiao.normalize.pages import is_page_marker

    assert not is_page_marker(text)
