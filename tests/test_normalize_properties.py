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
