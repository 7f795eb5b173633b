"""Property tests of the indicator-target normaliser: it never raises, generated targets parse
back to their parts, std values follow the unit table, Chinese numerals and dates round-trip."""
import calendar
import os
import datetime
import unicodedata
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.normalize import normalize_lines, parse_amount, parse_target
from jixiao.normalize.numbers import chinese_value
from jixiao.normalize.target import parse
from jixiao.normalize.vocab import COMPARATORS, MULTIPLIERS, UNITS

COMPARATOR_VALUES = {"", ">=", "<=", "=", ">", "<", "between", "approx", "text"}
SETTINGS = settings(max_examples=int(os.environ.get("NORMALIZE_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# comparator words before a number, and after a number and its unit
PRE_WORDS = sorted((c.token, c.comparator) for c in COMPARATORS["pre"].values() if c.comparator)
POST_WORDS = sorted((c.token, c.comparator) for c in COMPARATORS["post"].values()
                    if c.token not in ("前后",))  # 5月前后 reads as a date
UNIT_SPELLINGS = sorted(UNITS)
MULTIPLIER_SPELLINGS = sorted(MULTIPLIERS)


@SETTINGS
@given(st.text(max_size=40))
def test_never_raises_on_arbitrary_text(text):
    p = parse(text)  # the inner parser: parse_target would hide a fault
    assert p.comparator in COMPARATOR_VALUES
    t = parse_target(text, year=2023)
    assert t.comparator in COMPARATOR_VALUES
    # no value: an empty cell, text, a deadline (or a year-less one), or a masked number whose
    # operator is readable (≥**人); a value never comes with text or a deadline
    if t.value is None:
        assert (t.comparator in ("", "text", "<=") or t.deadline is not None
                or "**" in "".join(unicodedata.normalize("NFKC", text).split()))
    else:
        assert t.comparator not in ("", "text") and t.deadline is None


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("0123456789.,-%~至以上下约≥≤<>=万亿千百年月日前底季度一二两三十个次人元米亩")),
               max_size=20), st.one_of(st.none(), st.integers(1990, 2100)))
def test_never_raises_on_target_like_text(text, year):
    p = parse(text, year)
    assert p.comparator in COMPARATOR_VALUES
    if p.deadline:
        datetime.date.fromisoformat(p.deadline)
    if p.comparator == "between":
        assert p.value is not None and p.value_max is not None


@SETTINGS
@given(st.text(max_size=30))
def test_parse_amount_never_raises(text):
    value = parse_amount(text)
    assert value is None or isinstance(value, float)


def number_text():
    """A number as a form writes it, with the float it means."""
    plain = st.integers(0, 99999).map(lambda n: (str(n), float(n)))
    grouped = st.integers(1000, 9_999_999).map(lambda n: (f"{n:,}", float(n)))
    decimal = st.tuples(st.integers(0, 9999), st.integers(1, 99)).map(
        lambda t: (f"{t[0]}.{t[1]:02d}", float(f"{t[0]}.{t[1]:02d}")))
    return st.one_of(plain, grouped, decimal)


def _unit_combination(spelling, multiplier):
    """(written unit text, expected canonical unit, factor, std unit), or None for a pair that
    is itself a unit of its own (千 + 克 = 千克)."""
    unit = UNITS[spelling]
    if multiplier is None:
        return spelling, unit.canonical, unit.factor, unit.std
    if unicodedata.normalize("NFKC", multiplier + spelling).lower() in UNITS:
        return None
    if unit.kind in ("percent", "permille", "points"):
        return None
    return (multiplier + spelling, multiplier + unit.canonical,
            MULTIPLIERS[multiplier] * unit.factor, unit.std)


@SETTINGS
@given(st.sampled_from(PRE_WORDS), number_text(), st.sampled_from(UNIT_SPELLINGS),
       st.one_of(st.none(), st.sampled_from(MULTIPLIER_SPELLINGS)))
def test_comparator_number_unit_parse_back(word, number, spelling, multiplier):
    combo = _unit_combination(spelling, multiplier)
    if combo is None:
        return
    written, canonical, factor, std = combo
    token, comparator = word
    number_written, value = number
    if canonical == "年" and 1900 <= value <= 2100:
        return  # 2023年 is a calendar year
    t = parse_target(f"{token}{number_written}{written}")
    assert t.comparator == comparator
    assert t.value == value
    assert t.unit == canonical
    assert t.unit_std == std
    assert t.value_std == float(Fraction(repr(value)) * factor)


@SETTINGS
@given(number_text(), st.sampled_from(UNIT_SPELLINGS), st.sampled_from(POST_WORDS))
def test_number_unit_post_word_parse_back(number, spelling, word):
    number_written, value = number
    token, comparator = word
    unit = UNITS[spelling]
    if unit.canonical == "年" and 1900 <= value <= 2100:
        return  # 2023年内 is a deadline, 2023年以上 a calendar year
    t = parse_target(f"{number_written}{spelling}{token}")
    assert (t.comparator, t.value, t.unit) == (comparator, value, unit.canonical)


@SETTINGS
@given(number_text(), number_text(), st.sampled_from(["-", "~", "～", "至", "到", "—"]),
       st.sampled_from(UNIT_SPELLINGS), st.booleans())
def test_ranges_parse_back(low, high, sep, spelling, unit_on_both):
    unit = UNITS[spelling]
    if unit.kind == "time" and (low[1] >= 1900 or high[1] >= 1900):
        return  # 2023-2025年, 2023-12 read as dates
    first = low[0] + (spelling if unit_on_both else "")
    t = parse_target(f"{first}{sep}{high[0]}{spelling}")
    assert (t.comparator, t.value, t.value_max, t.unit) == ("between", low[1], high[1], unit.canonical)
    assert t.value_std == float(Fraction(repr(low[1])) * unit.factor)
    assert t.value_max_std == float(Fraction(repr(high[1])) * unit.factor)


DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write n (0 ≤ n < 10^12) in Chinese numerals the usual way (一千零五, 十二, 三万五千)."""
    if n == 0:
        return "零"

    def below_10000(m: int, leading: bool) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = m // value % 10
            if d == 0:
                zero = bool(out) or not leading
                continue
            if zero and (out or not leading):
                out += "零"
            zero = False
            out += ("" if (value == 10 and d == 1 and not out and leading) else DIGITS[d]) + name
        return out

    parts, leading = [], True
    for value, name in ((10 ** 8, "亿"), (10 ** 4, "万"), (1, "")):
        section = n // value % 10000
        if section:
            text = below_10000(section, leading)
            if not leading and section < 1000 and not text.startswith("零"):
                text = "零" + text
            parts.append(text + name)
            leading = False
        elif parts and not parts[-1].endswith("零"):
            parts.append("零")
    return "".join(parts).rstrip("零")


@SETTINGS
@given(st.integers(0, 10 ** 12 - 1))
def test_chinese_numerals_round_trip(n):
    assert chinese_value(to_chinese(n)) == n


@SETTINGS
@given(st.integers(1, 99999), st.sampled_from(["人", "次", "个", "项", "人次", "户", "万元"]))
def test_chinese_quantity_parses(n, unit):
    t = parse_target(f"不少于{to_chinese(n)}{unit}")
    if unit == "万元":  # read whole: 两万元 → 20000 元
        n, unit = n * 10000, "元"
    assert (t.comparator, t.value, t.unit) == (">=", n, unit)


@SETTINGS
@given(st.dates(datetime.date(1990, 1, 1), datetime.date(2099, 12, 31)),
       st.sampled_from(["{y}年{m}月{d}日前", "{y}-{m:02d}-{d:02d}前", "{y}.{m}.{d}前",
                        "{y}年{m}月{d}日之前完成", "{y}/{m}/{d}"]))
def test_dates_round_trip(date, pattern):
    t = parse_target(pattern.format(y=date.year, m=date.month, d=date.day))
    assert (t.comparator, t.deadline, t.value) == ("<=", date.isoformat(), None)


@SETTINGS
@given(st.integers(1990, 2099), st.integers(1, 12), st.sampled_from(["{y}年{m}月底前", "{y}年{m}月末前"]))
def test_month_end_deadlines(year, month, pattern):
    t = parse_target(pattern.format(y=year, m=month))
    last = calendar.monthrange(year, month)[1]
    assert t.deadline == datetime.date(year, month, last).isoformat()


@SETTINGS
@given(st.lists(st.text(max_size=12), max_size=8))
def test_normalize_lines_keeps_order_and_count(lines):
    lines = [s.replace("\n", "").replace("\r", "") for s in lines]
    rows = normalize_lines(lines)
    assert [r["raw"] for r in rows] == lines


# ---- phrasings of issues #10/#11: the same relation written other ways parses the same ------

FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.,%<>=()~-"}
SIGN_SPELLINGS = {">=": ["≥", "≧", ">=", "=>", "＞＝", "›=", "〉=", "≥=", "不低于", "不少于", "至少", "大于等于",
                         "大于或等于", "不小于", "下限"],
                  "<=": ["≤", "≦", "<=", "=<", "＜＝", "‹=", "〈=", "≤=", "不高于", "不超过", "不多于",
                         "小于等于", "至多", "上限"],
                  ">": [">", "＞", "›", "大于", "高于", "超过", "多于"],
                  "<": ["<", "＜", "‹", "小于", "低于", "少于", "不足"],
                  "=": ["", "=", "＝", "═", "﹦", "等于"],
                  "approx": ["约", "大约", "≈", "近"]}
POST_SPELLINGS = {">=": ["以上", "及以上", "及其以上", "或以上", "(含)以上", "以上(含)"],
                  "<=": ["以下", "及以下", "以内", "之内"],
                  "approx": ["左右", "上下", "(约)"]}
# units whose bracketed or spaced form reads the same (no multiplier juggling, no year)
PLAIN_UNITS = sorted(s for s, u in UNITS.items()
                     if u.canonical not in ("年", "月", "日") and not s.isascii())


def _plain_number():
    return st.one_of(st.integers(1, 99999).map(str),
                     st.tuples(st.integers(0, 999), st.integers(1, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}"))


@SETTINGS
@given(st.sampled_from(sorted(SIGN_SPELLINGS)), st.data(), _plain_number(), st.sampled_from(PLAIN_UNITS))
def test_every_sign_spelling_reads_the_same(comparator, data, number, unit):
    spelling = data.draw(st.sampled_from(SIGN_SPELLINGS[comparator]))
    t = parse_target(f"{spelling}{number}{unit}")
    assert (t.comparator, t.value, t.unit) == (comparator, float(number), UNITS[unit].canonical)


@SETTINGS
@given(st.sampled_from(sorted(POST_SPELLINGS)), st.data(), _plain_number(), st.sampled_from(PLAIN_UNITS))
def test_every_post_word_reads_the_same(comparator, data, number, unit):
    word = data.draw(st.sampled_from(POST_SPELLINGS[comparator]))
    t = parse_target(f"{number}{unit}{word}")
    assert (t.comparator, t.value, t.unit) == (comparator, float(number), UNITS[unit].canonical)


def _target_text():
    """A target as a form writes it: sign, number, unit, post word."""
    return st.tuples(st.sampled_from([s for v in SIGN_SPELLINGS.values() for s in v]), _plain_number(),
                     st.sampled_from(PLAIN_UNITS + ["%", "万元", "个百分点"]),
                     st.sampled_from(["", "以上", "以内", "左右"]))


@SETTINGS
@given(_target_text())
def test_full_width_digits_and_signs_equal_half_width(parts):
    sign, number, unit, post = parts
    half = f"{sign}{number}{unit}{post}"
    full = "".join(FULL_WIDTH.get(c, c) for c in half)
    assert parse_target(full) == parse_target(half)


@SETTINGS
@given(_target_text(), st.sampled_from(["()", "（）"]))
def test_a_bracketed_unit_equals_the_bare_unit(parts, brackets):
    sign, number, unit, post = parts
    bare = parse_target(f"{sign}{number}{unit}{post}")
    bracketed = parse_target(f"{sign}{number}{brackets[0]}{unit}{brackets[1]}{post}")
    assert bracketed == bare


@SETTINGS
@given(_target_text(), st.lists(st.sampled_from([" ", "\u3000", "\xa0", "\t"]), min_size=1, max_size=3),
       st.randoms(use_true_random=False))
def test_spaces_anywhere_change_nothing(parts, spaces, rnd):
    text = "".join(parts)
    spaced = list(text)
    for space in spaces:
        spaced.insert(rnd.randint(0, len(spaced)), space)
    assert parse_target("".join(spaced)) == parse_target(text)


@SETTINGS
@given(_plain_number(), _plain_number(), st.sampled_from(["%", "人", "万元", "平方米", "周岁"]),
       st.sampled_from(["{a}{u}-{b}{u}", "{a}-{b}{u}", "≥{a}{u}且≤{b}{u}", "{a}{u}≤x≤{b}{u}",
                        "不低于{a}{u},不高于{b}{u}", "{a}{u}至{b}{u}", "≤{b}{u}且≥{a}{u}",
                        "介于{a}{u}和{b}{u}之间"]))
def test_range_spellings_agree(a, b, unit, pattern):
    low, high = sorted((float(a), float(b)))
    if low == high:
        return

    def fmt(v):
        return str(int(v)) if v.is_integer() else repr(v)

    t = parse_target(pattern.format(a=fmt(low), b=fmt(high), u=unit))
    assert (t.comparator, t.value, t.value_max, t.unit) == ("between", low, high, unit)


@SETTINGS
@given(st.sampled_from(["人", "次", "份", "万元", "%"]), st.sampled_from(["人", "次", "份", "万元", "%"]),
       st.integers(1, 999), st.integers(1000, 99999), st.sampled_from([",", "，", ";", "；"]))
def test_the_first_of_two_targets(unit1, unit2, n1, n2, sep):
    text = f"甲不少于{n1}{unit1}{sep}乙不少于{n2}{unit2}"
    t = parse_target(text)
    assert (t.comparator, t.value, t.unit) == (">=", n1, unit1)


@SETTINGS
@given(st.sampled_from(sorted(MULTIPLIERS)), _plain_number(),
       st.sampled_from([{"level2": "成本指标"}, {"level2": "经济成本指标"}, {"indicator": "项目资金"},
                        {"indicator": "培训经费"}]))
def test_a_bare_multiplier_under_a_cost_is_money(multiplier, number, names):
    alone = parse_target(f"{number}{multiplier}")
    if alone.unit != multiplier:
        return  # 千 + a following word, etc.
    t = parse_target(f"{number}{multiplier}", **names)
    assert (t.unit, t.unit_std, t.value, t.value_std) == (multiplier + "元", "元", alone.value, alone.value_std)


@SETTINGS
@given(st.dates(datetime.date(1990, 1, 1), datetime.date(2099, 12, 31)), st.data(),
       st.sampled_from(["{y}.{m1}.{d1}-{m2}.{d2}", "{y}.{m1:02d}.{d1:02d}-{m2:02d}.{d2:02d}",
                        "{y}.{m1}.{d1}至{m2}月{d2}日", "{y}年{m1}月{d1}日-{m2}月{d2}日"]))
def test_a_span_of_dates_ends_with_its_last_day(end, data, pattern):
    start = data.draw(st.dates(datetime.date(end.year, 1, 1), end))
    t = parse_target(pattern.format(y=end.year, m1=start.month, d1=start.day, m2=end.month, d2=end.day))
    assert (t.comparator, t.deadline, t.value) == ("<=", end.isoformat(), None)


@SETTINGS
@given(st.integers(1990, 2099), st.integers(1, 12), st.data(),
       st.sampled_from(["{y}.{m1}-{m2}", "{y}.{m1}-{y}.{m2}", "{y}年{m1}-{m2}月", "{y}年{m1}月至{m2}月"]))
def test_a_span_of_months_ends_with_its_last_month(year, m2, data, pattern):
    m1 = data.draw(st.integers(1, m2))
    t = parse_target(pattern.format(y=year, m1=m1, m2=m2))
    last = calendar.monthrange(year, m2)[1]
    assert (t.comparator, t.deadline) == ("<=", datetime.date(year, m2, last).isoformat())
