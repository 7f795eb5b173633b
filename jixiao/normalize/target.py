"""Indicator targets (row stage): one 指标值 string → comparator, value(s), unit, std value, deadline.

The string is NFKC-folded (Traditional characters of the vocabulary made Simplified) and stripped
of whitespace, then read as a sequence of quantities (number + unit + post word such as
以上/左右) with the comparator words written before each one. One quantity gives its own
comparator (a strong word before the number beats a word after it; a weak one such as 控制在 or =
gives way: 控制在5%以内 → <=); two quantities joined by a range mark (90%-95%, 5至10天) or a
lower and an upper bound of the same kind of unit (≥90%且≤95%) give `between`; otherwise the
first is the target (慰问人数不少于100人,宣传用品不少于20000份 → >= 100 人) unless it is a bare number and a
later one has its comparator (按15次作业且总航时不少于30小时 → >= 30 小时). A date expression with
no other quantity (or with 100% only: 12月底前100%到位, all of it by then) is a deadline; no number at all
is `text`.

Damage read as a careful reader would: a sign OCR misreads as the cell's first character
(》90%, 叱100% → >= 90, >= 100; the table's `ocr` words); a masked number (≤****000元) keeps its
operator and unit with no value. Numbers that name the event a target follows
(1-6期培训结束后及时考核) are no target. With the row's names as `context` (see ``context``),
a bare multiplier under a cost is money (100万 → 万元) and an OCR'd 290% under a bounded rate
is ≥90%.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from .context import Context, is_bounded_rate, is_money
from .dates import find_deadline
from .numbers import ARABIC, CHINESE, arabic_value, chinese_value
from .units import UnitRead, read_unit
from .vocab import COMPARATORS, COMPARATOR_MAXLEN, MULTIPLIERS, UNITS, fold, longest

_WS = re.compile(r"\s+")
# a masked number (≤****000元, ≥**人): the digits are hidden, the operator and unit are not
_MASK = r"\*{2,}[\d,.*]*|\d+\*{2,}[\d*]*"
_NUMBER = re.compile(rf"(?P<pct>百分之|千分之)(?P<pv>{ARABIC}|{CHINESE})|(?P<mask>{_MASK})|(?P<ar>{ARABIC})|(?P<cn>{CHINESE})")
_CODE_RUN = re.compile(r"[A-Za-z0-9\-./:_]*")
_INCLUDING = re.compile(r"\((?:含|包含|包括)[^)]{0,8}\)")
_PRE = COMPARATORS["pre"]
_POST = COMPARATORS["post"]
_OCR = COMPARATORS["ocr"]
_RANGE = COMPARATORS["range"]
_JOIN = COMPARATORS["join"]
_MONEY = "元"
_LOWER = {">=", ">"}
_UPPER = {"<=", "<"}
# words allowed between an adjacent-only comparator (约, 超) and its number
_FILLER = set("为是在达到有:")
# words around two quantities that make them a range: 介于90%和95%之间, 在3至5天之间
_BETWEEN_AFTER = re.compile(r"(?:之间|区间|范围内|范围之内)")
_BETWEEN_BEFORE = ("介于", "区间", "范围")
_SIGN_BEFORE = set("≥≤<>=≧≦⩾⩽≈(:") | {""}
# numbers that name the event a target follows, not the target: 1-6期培训结束后及时考核
_EVENT_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:结束|完成|完工|竣工|验收|办结)(?:后|之后|以后)")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@dataclass
class Quantity:
    start: int                    # index of the number (or its sign)
    end: int                      # index after unit and post word
    value: float | None           # None for a masked number (≥**人)
    unit: UnitRead
    chinese: bool = False
    post: str | None = None       # comparator of a post word (以上 → >=)
    pre: str | None = None        # comparator written before the number
    pre_strong: bool = False
    written: str = ""             # the number as written (290 of 290%)

    def unit_text(self, text: str) -> str:
        """The unit as written in `text` (between the number and the post word)."""
        return text[self.start + len(self.written):self.unit.end]

    @property
    def comparator(self) -> str:
        if self.pre and self.pre_strong:
            return self.pre
        if self.post:
            return self.post
        if self.unit.mark:
            return ">"
        return self.pre or "="


def _pre_comparator(text: str) -> tuple[str | None, bool]:
    """The comparator written last in `text` (the words before a number), with its strength."""
    found = None
    found_end = -1
    i, n = 0, len(text)
    maxlen = COMPARATOR_MAXLEN["pre"]
    while i < n:
        hit = longest(_PRE, text, i, maxlen)
        if not hit:
            i += 1
            continue
        token, comp = hit
        end = i + len(token)
        if comp.comparator is None:
            found = None
        elif not comp.adjacent or all(c in _FILLER for c in text[end:]):
            # a weak word right after a strong one adds nothing (≥=90%)
            if not (found is not None and found.strong and not comp.strong and i == found_end):
                found = comp
        found_end = end if found is comp else found_end
        i = end
    if found is None:
        return None, False
    return found.comparator, found.strong


def _skip_including(text: str, i: int) -> int:
    m = _INCLUDING.match(text, i) if text.startswith("(", i) else None
    return m.end() if m else i


def _post_word(text: str, i: int) -> tuple[str | None, int]:
    i = _skip_including(text, i)
    hit = longest(_POST, text, i, COMPARATOR_MAXLEN["post"])
    if not hit and text.startswith("(", i):
        # a post word in brackets: 100%(以上)
        inner = longest(_POST, text, i + 1, COMPARATOR_MAXLEN["post"])
        if inner and text.startswith(")", i + 1 + len(inner[0])):
            return inner[1].comparator, i + 2 + len(inner[0])
    if not hit:
        return None, i
    token, comp = hit
    return comp.comparator, _skip_including(text, i + len(token))


def _quantities(text: str, limit: int = 3) -> list[Quantity]:
    """Up to `limit` quantities written in `text`, left to right."""
    found: list[Quantity] = []
    pos = 0
    while len(found) < limit:
        m = _NUMBER.search(text, pos)
        if not m:
            break
        start, end = m.start(), m.end()
        if m.group("mask") is not None:
            value, chinese = None, False
            unit = read_unit(text, end)
        elif m.group("ar") is not None:
            before = text[start - 1:start]
            if before.isascii() and before.isalpha():
                # part of a code (GB/T19001-2016, ISO9001): skip the whole run
                pos = _CODE_RUN.match(text, end).end()
                continue
            value = arabic_value(m.group("ar"))
            chinese = False
            unit = read_unit(text, end)
        elif m.group("pct") is not None:
            raw = m.group("pv")
            value = arabic_value(raw) if raw[0].isdigit() else chinese_value(raw)
            if value is None:
                pos = end
                continue
            sign = "%" if m.group("pct") == "百分之" else "‰"
            known = UNITS[sign]
            unit = UnitRead(known.canonical, known.factor, known.std, True, None, end)
            chinese = False
        else:
            value = chinese_value(m.group("cn"))
            if value is None:
                pos = end
                continue
            if text[start - 1:start] in ("第", "数", "几") or text[end:end + 1] == "几":
                pos = end  # an ordinal (第三季度) or a vague count (数十家, 十几个), not a quantity
                continue
            chinese = True
            unit = read_unit(text, end, allow_unknown=False)
        # a minus sign right after a comparator or at the start: ≥-5%
        if (value is not None and text[start - 1:start] in ("-", "−")
                and text[start - 2:start - 1] in _SIGN_BEFORE):
            value, start = -value, start - 1
        post, after = _post_word(text, unit.end)
        q = Quantity(start, after, value, unit, chinese, post, written=m.group())
        if chinese and not _chinese_ok(text, q):
            pos = end
            continue
        found.append(q)
        pos = after
    return found


def _chinese_ok(text: str, q: Quantity) -> bool:
    """A Chinese numeral is a quantity only with a known unit and no prose glued after it
    (三次, 不少于两个, 十二个月 — not 一般, 一次性, 进一步)."""
    if q.unit.unit is None or not q.unit.known:
        nxt = text[q.end:q.end + 1]
        return bool(nxt) and nxt in _RANGE  # 三至五天: the unit comes with the upper end
    nxt = text[q.end:q.end + 1]
    return not nxt or not _is_cjk(nxt) or nxt in _RANGE or nxt in _JOIN or nxt in "完的"


_SANDWICH = re.compile(r"^(?P<a>[≤<]=?|≦|[≥>]=?|≧)[^\d]{1,8}?(?P<b>[≤<]=?|≦|[≥>]=?|≧)$")


def _gap_kind(gap: str) -> str | None:
    """How two quantities are joined: 'range' (-, ～, 至, 90%≤x≤95%), 'reverse' (95%≥x≥90%),
    'join' (且, ，, nothing) or None."""
    if gap in _RANGE:
        return "range"
    sandwich = _SANDWICH.match(gap)
    if sandwich:
        a, b = sandwich.group("a")[0], sandwich.group("b")[0]
        if a in "≤<≦" and b in "≤<≦":
            return "range"
        if a in "≥>≧" and b in "≥>≧":
            return "reverse"
    rest = gap
    # drop join words and comparator words; anything else means the two are unrelated
    i = 0
    while i < len(rest):
        hit = longest(_JOIN, rest, i, COMPARATOR_MAXLEN["join"]) or longest(_PRE, rest, i, COMPARATOR_MAXLEN["pre"])
        if not hit or hit[1].comparator is None:
            return None
        i += len(hit[0])
    return "join"


def _clock_time(text: str, q: Quantity) -> bool:
    """24时 right after a date (2023年12月31日24时前) is a time of day."""
    return text[q.start - 1:q.start] == "\0" and q.unit.unit in ("时", "点", "小时")


def _calendar_year(q: Quantity, beside_a_date: bool) -> bool:
    """2023年 (always) or a bare 2023 next to a date is a year of the calendar, not a count."""
    units = (None, "年") if beside_a_date else ("年",)
    return (q.value is not None and q.unit.unit in units and q.value.is_integer()
            and 1900 <= q.value <= 2100 and not q.chinese)


def _std(value: float | None, factor: Fraction | None) -> float | None:
    """value × factor, computed exactly from the number as written (15.44万 → 154400, not
    154400.00000000003)."""
    if value is None:
        return None
    if factor is None or factor == 1:
        return value
    return float(Fraction(repr(value)) * factor)


@dataclass(frozen=True)
class Target:
    """A parsed target. comparator: >= <= = > < between approx text, or '' for an empty cell."""
    comparator: str = ""
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    value_std: float | None = None
    value_max_std: float | None = None
    unit_std: str | None = None
    deadline: str | None = None   # ISO date YYYY-MM-DD

    def as_row(self, raw: str) -> dict:
        return {"raw": raw, "comparator": self.comparator, "value": self.value,
                "value_max": self.value_max, "unit": self.unit, "value_std": self.value_std,
                "value_max_std": self.value_max_std, "unit_std": self.unit_std,
                "deadline": self.deadline}


def _single(q: Quantity) -> Target:
    u = q.unit
    if u.unit is None:
        return Target(q.comparator, q.value, None, None, q.value, None, None)
    return Target(q.comparator, q.value, None, u.unit, _std(q.value, u.factor), None, u.std or None)


def _between(low: Quantity, high: Quantity) -> Target:
    lu, hu = low.unit, high.unit
    if hu.unit and (lu.unit is None or (lu.std == "" and hu.unit.startswith(lu.unit))):
        lu = hu
    unit = lu if lu.unit else hu
    if unit.unit is None:
        return Target("between", low.value, high.value, None, low.value, high.value, None)
    return Target("between", low.value, high.value, unit.unit, _std(low.value, lu.factor),
                  _std(high.value, (hu if hu.unit else lu).factor), unit.std or None)


def _compatible(low: Quantity, high: Quantity) -> bool:
    """Two bounds of one range measure the same thing: the same kind of unit, or one of them
    written without a unit or with a bare multiplier (不少于100人,不超过200份 is two targets)."""
    lu, hu = low.unit, high.unit
    if lu.unit is None or hu.unit is None or lu.std == "" or hu.std == "":
        return True
    return lu.std == hu.std


def _ocr_rate(q: Quantity, text: str, context: Context | None) -> Quantity | None:
    """290% under a rate that cannot pass 100% is ≥90% with the ≥ read as 2 (OCR): the whole cell
    is a bare percentage of 2 followed by a rate between 50 and 100."""
    if (q.unit.unit != "%" or q.comparator != "=" or q.chinese or q.written[:1] != "2"
            or text != q.written + q.unit_text(text)):
        return None
    rest = q.written[1:]
    if not rest or rest[0] in ".," or not 50 <= arabic_value(rest) <= 100:
        return None
    if not is_bounded_rate(context):
        return None
    return Quantity(q.start + 1, q.end, arabic_value(rest), q.unit, pre=">=", pre_strong=True,
                    written=rest)


def parse(raw: str, year: int | None = None, context: Context | None = None) -> Target:
    """Parse one target string; `year` completes year-less deadlines, `context` (the row's names)
    allows the readings of ``context``. May raise only on a programming fault (the public
    ``parse_target`` guards against that)."""
    text = _WS.sub("", fold(raw or ""))
    if not text:
        return Target()
    deadline = find_deadline(text, year)
    numeric_text = deadline[1] if deadline else text
    qs = _quantities(numeric_text)
    # a calendar year (2023年度, the other end of 2023-2025年) is no quantity
    qs = [q for q in qs if not _calendar_year(q, bool(deadline))]
    if deadline:
        qs = [q for q in qs if not _clock_time(numeric_text, q)]
    if deadline and len(qs) == 1 and qs[0].value == 100 and qs[0].unit is not None and qs[0].unit.unit == "%":
        qs = []  # 12月底前100%到位: all of it by the date — the date is the target
    if qs:
        first = qs[0]
        first.pre, first.pre_strong = _pre_comparator(numeric_text[:first.start])
        if first.pre is None and first.start == 1 and numeric_text[0] in _OCR:
            first.pre, first.pre_strong = _OCR[numeric_text[0]].comparator, True  # 》90% (OCR)
        if first.value is None and first.pre is None and first.post is None:
            qs = []  # a masked number with no operator (****): nothing can be read
    if not qs:
        if deadline:
            return Target(deadline[0].comparator, deadline=deadline[0].iso)
        return Target("text")
    if first.value is None:
        return _single(first)
    target, end = _read(numeric_text, qs)
    if (end < len(numeric_text) and first.pre is None and first.post is None
            and target.comparator in ("=", "between") and _EVENT_AFTER.match(numeric_text, end)):
        return Target("text")  # 1-6期培训结束后及时考核: the numbers name the event, not a target
    if context:
        if target.comparator == "=" and len(qs) == 1:
            reread = _ocr_rate(first, numeric_text, context)
            if reread:
                return _single(reread)
        if target.unit in MULTIPLIERS and target.unit_std is None and is_money(context):
            return replace(target, unit=target.unit + _MONEY, unit_std=_MONEY)
    return target


def _read(numeric_text: str, qs: list[Quantity]) -> tuple[Target, int]:
    """The target of the quantities found (a range, a pair of bounds or the first alone) and
    where the part read ends."""
    first = qs[0]
    if len(qs) > 1 and qs[1].value is not None:
        second = qs[1]
        gap = numeric_text[first.end:second.start]
        kind = _gap_kind(gap)
        if kind == "range" and first.post is None:
            return _between(first, second), second.end
        if kind == "reverse" and first.post is None:
            return _between(second, first), second.end
        if kind == "join" and _compatible(first, second):
            if (_BETWEEN_AFTER.match(numeric_text, second.end)
                    or numeric_text[:first.start].endswith(_BETWEEN_BEFORE)):
                return _between(first, second), second.end
            second.pre, second.pre_strong = _pre_comparator(gap)
            a, b = first.comparator, second.comparator
            if a in _LOWER and b in _UPPER and first.value <= second.value:
                return _between(first, second), second.end
            if a in _UPPER and b in _LOWER and second.value <= first.value:
                return _between(second, first), second.end
    if first.comparator == "=" and first.pre is None and first.post is None and not first.unit.mark:
        # a bare count setting the scene, then the bound (按15次作业且总航时不少于30小时): the bound is the target
        for before, q in zip(qs, qs[1:]):
            if q.value is None:
                break
            q.pre, q.pre_strong = _pre_comparator(numeric_text[before.end:q.start])
            if q.pre and q.pre_strong:
                return _single(q), q.end
    return _single(first), first.end
