"""Phrasings of indicator targets seen in real forms (issues #10 and #11), generalised: other
numbers, units and spellings of the same relation. One table per kind of phrasing; the cases are
written here (no corpus is read)."""
import csv
import io
from importlib.resources import files

import pytest

from jixiao.normalize import Context, Target, parse_target, parse_target_parts
from jixiao.normalize.context import is_bounded_rate, is_money
from jixiao.normalize.vocab import fold

# raw, comparator, value, value_max, unit, value_std, unit_std
SIGNS = [
    ("≧95%", ">=", 95, None, "%", 95, "%"),
    ("≦3天", "<=", 3, None, "天", 3, "天"),
    ("═100%", "=", 100, None, "%", 100, "%"),
    ("﹦100%", "=", 100, None, "%", 100, "%"),
    ("＝12个", "=", 12, None, "个", 12, "个"),
    ("‹=5%", "<=", 5, None, "%", 5, "%"),
    ("›=90%", ">=", 90, None, "%", 90, "%"),
    ("〈=2次", "<=", 2, None, "次", 2, "次"),
    ("〉=2次", ">=", 2, None, "次", 2, "次"),
    ("《=2次", "<=", 2, None, "次", 2, "次"),
    ("》=2次", ">=", 2, None, "次", 2, "次"),
    ("‹5%", "<", 5, None, "%", 5, "%"),
    ("›90%", ">", 90, None, "%", 90, "%"),
    ("＞＝85%", ">=", 85, None, "%", 85, "%"),
    ("＜＝15天", "<=", 15, None, "天", 15, "天"),
    (">=98%", ">=", 98, None, "%", 98, "%"),
    ("<=10个工作日", "<=", 10, None, "工作日", 10, "工作日"),
    ("=<3起", "<=", 3, None, "起", 3, "起"),
    ("=>60分", ">=", 60, None, "分", 60, "分"),
    ("≥=90%", ">=", 90, None, "%", 90, "%"),
    ("≤=5%", "<=", 5, None, "%", 5, "%"),
    ("≥＝90%", ">=", 90, None, "%", 90, "%"),
    ("≧=90%", ">=", 90, None, "%", 90, "%"),
    ("> = 90 %", ">=", 90, None, "%", 90, "%"),
    ("≥ 90 %", ">=", 90, None, "%", 90, "%"),
    ("≥ 9 0 %", ">=", 90, None, "%", 90, "%"),
    ("≤ 15.44 万元", "<=", 15.44, None, "万元", 154400, "元"),
    ("≥\u3000300\u3000人", ">=", 300, None, "人", 300, "人"),
    ("≥\xa0300人", ">=", 300, None, "人", 300, "人"),
]

WORDS = [
    ("60%及以上", ">=", 60, None, "%", 60, "%"),
    ("95%以上", ">=", 95, None, "%", 95, "%"),
    ("95%及其以上", ">=", 95, None, "%", 95, "%"),
    ("95%含以上", ">=", 95, None, "%", 95, "%"),
    ("95%或以上", ">=", 95, None, "%", 95, "%"),
    ("95%以上（含95%）", ">=", 95, None, "%", 95, "%"),
    ("10天及其以下", "<=", 10, None, "天", 10, "天"),
    ("大于90%", ">", 90, None, "%", 90, "%"),
    ("高于85%", ">", 85, None, "%", 85, "%"),
    ("超过3次", ">", 3, None, "次", 3, "次"),
    ("不少于98%", ">=", 98, None, "%", 98, "%"),
    ("至少70%", ">=", 70, None, "%", 70, "%"),
    ("最少2次", ">=", 2, None, "次", 2, "次"),
    ("下限90%", ">=", 90, None, "%", 90, "%"),
    ("上限5万元", "<=", 5, None, "万元", 50000, "元"),
    ("上限为8000元", "<=", 8000, None, "元", 8000, "元"),
    ("5万元上限", "<=", 5, None, "万元", 50000, "元"),
    ("80%下限", ">=", 80, None, "%", 80, "%"),
    ("不多于13.59万元", "<=", 13.59, None, "万元", 135900, "元"),
    ("不低于80%", ">=", 80, None, "%", 80, "%"),
    ("原则上不低于80%", ">=", 80, None, "%", 80, "%"),
    ("应≥95%", ">=", 95, None, "%", 95, "%"),
    ("≥28%且≤33%", "between", 28, 33, "%", 28, "%"),
    ("≥28%,≤33%", "between", 28, 33, "%", 28, "%"),
    ("≤33%且≥28%", "between", 28, 33, "%", 28, "%"),
    ("大于等于28%，小于等于33%", "between", 28, 33, "%", 28, "%"),
    ("28%-33%", "between", 28, 33, "%", 28, "%"),
    ("28%－33%", "between", 28, 33, "%", 28, "%"),
    ("28%～33%", "between", 28, 33, "%", 28, "%"),
    ("28-33%", "between", 28, 33, "%", 28, "%"),
    ("在28%与33%之间", "between", 28, 33, "%", 28, "%"),
    ("98-100%", "between", 98, 100, "%", 98, "%"),
    ("18—54周岁", "between", 18, 54, "周岁", 18, "周岁"),
    ("２１０条左右", "approx", 210, None, "条", 210, "条"),
    ("２１０条", "=", 210, None, "条", 210, "条"),
    ("约210条", "approx", 210, None, "条", 210, "条"),
    ("约为３５０人", "approx", 350, None, "人", 350, "人"),
    ("210条（约）", "approx", 210, None, "条", 210, "条"),
    ("50户上下", "approx", 50, None, "户", 50, "户"),
    ("≥１，２００人次", ">=", 1200, None, "人次", 1200, "人次"),
    ("≧９８％", ">=", 98, None, "%", 98, "%"),
]

UNITS = [
    ("≥98百分比", ">=", 98, None, "%", 98, "%"),
    ("100百分比", "=", 100, None, "%", 100, "%"),
    ("95百分比以上", ">=", 95, None, "%", 95, "%"),
    (">=98%(百分比)", ">=", 98, None, "%", 98, "%"),
    ("≥98(百分比)", ">=", 98, None, "%", 98, "%"),
    ("≥13459.00(平方米)", ">=", 13459, None, "平方米", 13459, "平方米"),
    ("≥2600.50（平方米）", ">=", 2600.5, None, "平方米", 2600.5, "平方米"),
    ("=100.00(%)", "=", 100, None, "%", 100, "%"),
    ("≥95.00（%）", ">=", 95, None, "%", 95, "%"),
    ("≥12.00(次)", ">=", 12, None, "次", 12, "次"),
    ("=5.00(万人次)", "=", 5, None, "万人次", 50000, "人次"),
    ("≤15.44（万元）", "<=", 15.44, None, "万元", 154400, "元"),
    ("≥5（项/年）", ">=", 5, None, "项/年", 5, "项/年"),
    ("≥100.00(人数)", ">=", 100, None, "人数", 100, "人数"),
    ("≥30（户数）", ">=", 30, None, "户数", 30, "户数"),
    ("90.00(度)", "=", 90, None, "度", 90, "度"),
    ("≥90(目标)", ">=", 90, None, None, 90, None),
    ("≥90%(目标)", ">=", 90, None, "%", 90, "%"),
    ("≥90%（目标值）", ">=", 90, None, "%", 90, "%"),
    ("12(暂定)", "=", 12, None, None, 12, None),
    ("90(合格)", "=", 90, None, None, 90, None),
    ("≥500(人均)", ">=", 500, None, None, 500, None),
    ("≥100(人)(目标)", ">=", 100, None, "人", 100, "人"),
    ("3500公斤", "=", 3500, None, "千克", 3500, "千克"),
    ("≥2.5万公斤", ">=", 2.5, None, "万千克", 25000, "千克"),
    ("5000平米", "=", 5000, None, "平方米", 5000, "平方米"),
    ("≥1.2万平米", ">=", 1.2, None, "万平方米", 12000, "平方米"),
    ("490元/平米", "=", 490, None, "元/平方米", 490, "元/平方米"),
    ("≤300元/平米", "<=", 300, None, "元/平方米", 300, "元/平方米"),
    ("≥60周岁", ">=", 60, None, "周岁", 60, "周岁"),
    ("65岁以上", ">=", 65, None, "岁", 65, "岁"),
    ("六十周岁以上", ">=", 60, None, "周岁", 60, "周岁"),
    ("3周", "=", 3, None, "周", 3, "周"),
    ("1250KVA", "=", 1250, None, "KVA", 1250, "KVA"),
    ("≥100kVA", ">=", 100, None, "kVA", 100, "kVA"),
    ("200千伏安", "=", 200, None, "千伏安", 200, "千伏安"),
    ("≥10千伏", ">=", 10, None, "千伏", 10, "千伏"),
    ("17元/人.每天", "=", 17, None, "元/人.每天", 17, "元/人.每天"),
    ("17元/人·天", "=", 17, None, "元/人·天", 17, "元/人·天"),
    ("20元/每人", "=", 20, None, "元/每人", 20, "元/每人"),
    ("100万", "=", 100, None, "万", 1_000_000, None),   # alone: no context, the multiplier stays
    ("≥2.4万", ">=", 2.4, None, "万", 24000, None),
]

SENTENCES = [
    ("补贴对象生活改善度不低于80%", ">=", 80, None, "%", 80, "%"),
    ("开展至少1次团体心理治疗", ">=", 1, None, "次", 1, "次"),
    ("组织不少于3次专题培训", ">=", 3, None, "次", 3, "次"),
    ("不低于50人次的个体心理咨询辅导", ">=", 50, None, "人次", 50, "人次"),
    ("不少于200份的宣传资料", ">=", 200, None, "份", 200, "份"),
    ("居民参与率不低于100%", ">=", 100, None, "%", 100, "%"),
    ("党员群众满意度不少于80%", ">=", 80, None, "%", 80, "%"),
    ("群众满意度达到90%以上", ">=", 90, None, "%", 90, "%"),
    ("可控性100%", "=", 100, None, "%", 100, "%"),
    ("满意率100%", "=", 100, None, "%", 100, "%"),
    ("覆盖率达95%", "=", 95, None, "%", 95, "%"),
    ("利用率高于80%", ">", 80, None, "%", 80, "%"),
    ("无资产损失、利用率高于80%", ">", 80, None, "%", 80, "%"),
    ("超上年2%", "=", 2, None, "%", 2, "%"),
    # two targets in one cell: the first is the target
    ("慰问人数不少于100人,宣传用品不少于20000份", ">=", 100, None, "人", 100, "人"),
    ("慰问人数不少于100人；宣传用品不少于20000份", ">=", 100, None, "人", 100, "人"),
    ("培训不少于5期，参训不少于300人次", ">=", 5, None, "期", 5, "期"),
    ("签约率提高1%X体检率提高2%", "=", 1, None, "%", 1, "%"),
    # …unless the first is a bare count setting the scene and a later one is bounded (a real Anhui target)
    ("暂定量按15次作业且总航时不少于30小时测算", ">=", 30, None, "小时", 30, "小时"),
    ("按3个村覆盖率90%", "=", 3, None, "个", 3, "个"),
    # bounds of different things are two targets, not a range
    ("不少于100人,不超过200份", ">=", 100, None, "人", 100, "人"),
    ("≤100人,≥20000份", "<=", 100, None, "人", 100, "人"),
    ("≥3次,≤2万元", ">=", 3, None, "次", 3, "次"),
    # …but bounds of one thing are
    ("不少于100人,不超过200人", "between", 100, 200, "人", 100, "人"),
]

MASKED = [
    # a masked number: the operator and the unit can be read, the number cannot
    ("≤****000元", "<=", None, None, "元", None, "元"),
    ("≥**人", ">=", None, None, "人", None, "人"),
    ("≥**%", ">=", None, None, "%", None, "%"),
]

TRADITIONAL = [
    ("不低於90%", ">=", 90, None, "%", 90, "%"),
    ("約100人", "approx", 100, None, "人", 100, "人"),
    ("100萬元", "=", 100, None, "万元", 1_000_000, "元"),
    ("3個月以內", "<=", 3, None, "个月", 3, "个月"),
    ("≥100戶", ">=", 100, None, "户", 100, "户"),
    ("大於等於90%", ">=", 90, None, "%", 90, "%"),
    ("貳拾萬元", "=", 200_000, None, "元", 200_000, "元"),
]

OCR = [
    # ≥ misread as the first character of the cell, the number right after it
    ("》90%", ">=", 90, None, "%", 90, "%"),
    ("^95%", ">=", 95, None, "%", 95, "%"),
    ("$85%", ">=", 85, None, "%", 85, "%"),
    # …never where the character is a word of its own
    ("≥70村", ">=", 70, None, "村", 70, "村"),
    ("贫困村100%", "=", 100, None, "%", 100, "%"),
    ("每村2人", "=", 2, None, "人", 2, "人"),
    # read as printed without the row's names (290% may be a growth rate)
    ("290%", "=", 290, None, "%", 290, "%"),
    ("26次", "=", 26, None, "次", 26, "次"),
]

CHINESE = [
    ("三次", "=", 3, None, "次", 3, "次"),
    ("两千人", "=", 2000, None, "人", 2000, "人"),
    ("十二个月", "=", 12, None, "个月", 12, "个月"),
    ("一百二十次", "=", 120, None, "次", 120, "次"),
    ("不少于三期", ">=", 3, None, "期", 3, "期"),
    ("至少两次", ">=", 2, None, "次", 2, "次"),
    ("两个以上", ">=", 2, None, "个", 2, "个"),
    ("三至五天", "between", 3, 5, "天", 3, "天"),
    ("二十余人", ">", 20, None, "人", 20, "人"),
    ("百余人", ">", 100, None, "人", 100, "人"),
    ("三千五百万元", "=", 35_000_000, None, "元", 35_000_000, "元"),
    ("百分之九十五以上", ">=", 95, None, "%", 95, "%"),
    ("千分之五", "=", 5, None, "‰", 5, "‰"),
]


def _check(t, comparator, value, value_max, unit, value_std, unit_std):
    assert t.comparator == comparator
    assert t.value == (None if value is None else pytest.approx(value))
    assert t.value_max == (None if value_max is None else pytest.approx(value_max))
    assert t.unit == unit
    assert t.value_std == (None if value_std is None else pytest.approx(value_std, rel=1e-12))
    assert t.unit_std == unit_std
    assert t.deadline is None


@pytest.mark.parametrize("raw, comparator, value, value_max, unit, value_std, unit_std",
                         SIGNS + WORDS + UNITS + SENTENCES + MASKED + TRADITIONAL + OCR + CHINESE)
def test_phrasing(raw, comparator, value, value_max, unit, value_std, unit_std):
    _check(parse_target(raw), comparator, value, value_max, unit, value_std, unit_std)


@pytest.mark.parametrize("raw", [
    "不低于上年", "不低于上年水平", "较上年有所提高", "高于全省平均水平", "不低于2022年水平", "与上年持平",
    "≥上年", "****", "**人", "1-6期培训结束后及时考核", "3期培训结束后统一考核", "第O份", "村村通",
    "不超预算", "按规定时限",
])
def test_no_number_is_text(raw):
    assert parse_target(raw) == Target("text")


@pytest.mark.parametrize("raw, year, deadline", [
    ("12月底前完成", 2021, "2021-12-31"),
    ("9月前", 2021, "2021-09-30"),
    ("9月底之前", 2022, "2022-09-30"),
    ("9月30号前", 2022, "2022-09-30"),
    ("12月份", 2023, "2023-12-31"),
    ("6.30前", 2022, "2022-06-30"),
    ("12.31之前完成", 2022, "2022-12-31"),
    ("10月完成", 2023, "2023-10-31"),
    ("6月份完工", 2024, "2024-06-30"),
    ("2021年7月", None, "2021-07-31"),
    ("2021年9月", None, "2021-09-30"),
    ("2025年12月", None, "2025-12-31"),
    ("2021年07月份", None, "2021-07-31"),
    ("2021.1.1-12.31", None, "2021-12-31"),
    ("2022.01.01-12.31", None, "2022-12-31"),
    ("2021.1.1—6.30", None, "2021-06-30"),
    ("2021.1.1至12月31日", None, "2021-12-31"),
    ("2021.1-12", None, "2021-12-31"),
    ("2021.1-2021.12", None, "2021-12-31"),
    ("2021.01-2021.06", None, "2021-06-30"),
    ("2021年1-12月", None, "2021-12-31"),
    ("2021年1-12月份", None, "2021-12-31"),
    ("2021年3月-9月", None, "2021-09-30"),
    ("1-12月", 2021, "2021-12-31"),
    ("1月-6月", 2023, "2023-06-30"),
    ("1月1日-12月31日", 2021, "2021-12-31"),
    ("20211231", None, "2021-12-31"),
    ("20230630前", None, "2023-06-30"),
    ("2023年12月31日", None, "2023-12-31"),
    ("2023年12月31号前", None, "2023-12-31"),
    ("第三季度前", 2022, "2022-09-30"),
    ("第4季度前", 2022, "2022-12-31"),
    ("年底前", 2022, "2022-12-31"),
    ("2020年", None, "2020-12-31"),
    ("2023年12月底前完成", None, "2023-12-31"),
])
def test_deadline_phrasings(raw, year, deadline):
    t = parse_target(raw, year=year)
    assert (t.comparator, t.deadline, t.value, t.unit) == ("<=", deadline, None, None)


@pytest.mark.parametrize("raw", ["12月底前完成", "9月前", "1-12月", "第三季度前", "年底前"])
def test_yearless_deadline_without_a_year(raw):
    assert (parse_target(raw).comparator, parse_target(raw).deadline) == ("<=", None)


@pytest.mark.parametrize("raw", ["3-6个月", "≥20211231元", "2021-1-12", "12月", "3个月完成"])
def test_not_month_spans(raw):
    t = parse_target(raw)
    assert t.comparator != "<=" or t.deadline == "2021-01-12"


def test_durations_stay_quantities():
    assert (parse_target("3-6个月").comparator, parse_target("3-6个月").unit) == ("between", "个月")


# ---- the row's names as context ------------------------------------------------------------

@pytest.mark.parametrize("raw, names, unit, value_std, unit_std", [
    ("100万", {"indicator": "100万", "level1": "项目完成指标", "level2": "成本指标"}, "万元", 1e6, "元"),
    ("100万", {"indicator": "项目总成本"}, "万元", 1e6, "元"),
    ("≤50万", {"indicator": "项目资金", "level2": "数量指标"}, "万元", 5e5, "元"),
    ("1.5万", {"indicator": "项目总投资(万元)"}, "万元", 15000, "元"),
    ("2万", {"indicator": "培训经费", "level1": "产出指标", "level2": "产出成本"}, "万元", 20000, "元"),
    ("0.5亿", {"level2": "经济成本指标"}, "亿元", 5e7, "元"),
    # not money: counts keep the bare multiplier
    ("1.5万", {"indicator": "补助人数", "level2": "数量指标"}, "万", 15000, None),
    ("1.5万", {"indicator": "受益人口"}, "万", 15000, None),
    # a unit already written is never changed
    ("100万人次", {"level2": "成本指标"}, "万人次", 1e6, "人次"),
    ("100", {"level2": "成本指标"}, None, 100, None),
])
def test_money_context(raw, names, unit, value_std, unit_std):
    t = parse_target(raw, **names)
    assert (t.unit, t.unit_std) == (unit, unit_std)
    assert t.value_std == pytest.approx(value_std)


@pytest.mark.parametrize("raw, indicator, comparator, value", [
    ("290%", "退捕渔民抽样调查满意度", ">=", 90),
    ("295%", "★覆盖率(%)", ">=", 95),
    ("298.5%", "资金到位率", ">=", 98.5),
    ("2100%", "验收合格率", ">=", 100),
    ("250%", "群众知晓率", ">=", 50),
    # rates that can pass 100%, numbers that do not read as 2 + a rate, or an operator written
    ("290%", "经济增长率", "=", 290),
    ("290%", "任务完成率", "=", 290),
    ("290%", "带动就业人数", "=", 290),
    ("210%", "满意度", "=", 210),
    ("≥290%", "满意度", ">=", 290),
    ("90%", "满意度", "=", 90),
    ("290", "满意度", "=", 290),
])
def test_ocr_rate_context(raw, indicator, comparator, value):
    t = parse_target(raw, indicator=indicator)
    assert (t.comparator, t.value, t.unit) == (comparator, value, "%" if raw.endswith("%") else None)


def test_context_helpers():
    assert is_money(Context(level2="成本指标")) and not is_money(Context(level2="数量指标"))
    assert not is_money(None) and not is_money(Context())
    assert is_bounded_rate(Context(indicator="★资金到位率(%)"))
    assert not is_bounded_rate(Context(indicator="GDP增长率"))
    assert not is_bounded_rate(Context(level2="满意度指标"))   # the name decides, not the level


def test_context_is_optional_and_names_may_be_missing():
    assert parse_target("100万", indicator=None, level1=None, level2=None) == parse_target("100万")
    assert parse_target("100万", indicator=float("nan"), level2="成本指标").unit == "万元"
    assert parse_target_parts("=", "100", "万", level2="成本指标").unit == "万元"
    assert parse_target_parts("=", "100", "万").unit == "万"


# ---- the Traditional table stays complete -------------------------------------------------

def _vocabulary_words():
    words = set()
    for name, cols in [("units.tsv", ["spelling", "canonical"]), ("multipliers.tsv", ["spelling"]),
                       ("comparators.tsv", ["token"]), ("periods.tsv", ["word"]),
                       ("notes.tsv", ["word"])]:
        text = files("jixiao").joinpath("data", name).read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE):
            words.update(row[c] for c in cols)
    return sorted(words)


def test_traditional_spellings_of_the_vocabulary_fold_back():
    import opencc  # a declared dependency (the folding of Traditional names)
    converters = [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")]
    for word in _vocabulary_words():
        for conv in converters:
            traditional = conv.convert(word)
            if len(traditional) == len(word):
                assert fold(traditional) == fold(word), (word, traditional)
