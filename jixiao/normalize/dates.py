"""Deadline targets (row stage): 2022年12月底前, 2023-12-31前, 第三季度前 → an ISO date.

A target is a deadline when a date expression is its only number: the date, the words around it
(前, 之前, 完成 …) and nothing else numeric. Month ends and leap years come from ``calendar``;
year-less dates (12月31日前, 年底前) take the form's year, or stay empty without one. Period words
(季度, 上半年, 年底 …) come from ``periods.tsv``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .numbers import chinese_value
from .vocab import PERIODS

_CN = "〇零○一二两三四五六七八九十"
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_YEAR = rf"(?:(?<![\d{_CN}])(?P<y>(?:19|20)\d{{2}}|2100|[{_CN}]{{4}})年度?|(?P<yw>{'|'.join(sorted((re.escape(w) for w, p in PERIODS.items() if p.kind == 'year'), key=len, reverse=True))}))"
_PERIOD = "|".join(sorted((re.escape(w) for w, p in PERIODS.items() if p.kind == "period"), key=len, reverse=True))

# the mark between the two ends of a span of dates: 2021.1.1-12.31, 2021年1月至12月
_TO = r"(?:——|[-~—–―至到])"
# 2023-12-31, 2023.10.31, 2023/6/30
# or 20231231 written without separators (alone or before a deadline word: checked by the caller)
_ISO = re.compile(r"(?<!\d)(?:(?P<y>(?:19|20)\d{2}|2100)(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)日?"
                  r"|(?P<cy>(?:19|20)\d{2})(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?![\d.]))")
# 2023年6月30日, 2022年12月底, 次年3月
# (2021年1-12月: a span of months ends with the later one)
_YMD = re.compile(rf"(?:{_YEAR})(?:{_NUM}月?份?{_TO})?(?P<m>{_NUM})月份?(?:(?P<d>{_NUM})[日号]|(?P<end>底|末|中旬|下旬|上旬))?", re.I)
# 2023-12, 2023.10 (month end)
_YM = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2}|2100)(?P<sep>[-./])(?P<m>\d{1,2})(?![\d.])")
# the year-less end of a span after a full date or a year and month: 2021.1.1-12.31, 2021.1-12
_ISO_TAIL = re.compile(rf"{_TO}(?P<m>\d{{1,2}})[-./](?P<d>\d{{1,2}})(?![\d.])日?")
_YM_RANGE_TAIL = re.compile(rf"{_TO}(?:(?P<y>(?:19|20)\d{{2}}|2100)[-./])?(?P<m>\d{{1,2}})(?![\d.])月?份?")
# a year-less span of calendar months (1-12月, 3月至6月 — not 3-6个月)
_MONTH_SPAN = re.compile(rf"(?<![\d.个])(?P<m0>{_NUM})月?份?{_TO}(?P<m>{_NUM})月份?(?:(?P<d>{_NUM})[日号]|(?P<end>底|末))?")
# 2024年底, 2023年第三季度, 2024年, 次年
_YEAR_PERIOD = re.compile(rf"(?:{_YEAR})(?P<p>{_PERIOD}|底|末)?", re.I)
# year-less: 12月31日, 6月底, 10月前
_MONTH = re.compile(rf"(?P<m>{_NUM})月(?P<fen>份)?(?:(?P<d>{_NUM})[日号]|(?P<end>底|末))?(?P<before>前|之前|以前)?")
# year-less month.day before a deadline word: 6.30前, 12.31之前
_MD_BEFORE = re.compile(r"(?<![\d.])(?P<m>\d{1,2})[./-](?P<d>\d{1,2})(?![\d.])(?=前|之前|以前|截止|止)")
# a bare month is a calendar month (not a count of months) with 份 or a completion word after it:
# 12月份, 10月完成
_MONTH_DONE = re.compile(r"(?:完成|完工|竣工|结束|截止|止|全部|验收|交付|实施完|办结)")
# without a year, a period written with a digit (1季度, Q1) could be a quantity: only 第1季度 counts
_PERIOD_WORDS = "|".join(sorted((re.escape(w) for w, p in PERIODS.items()
                                 if p.kind == "period" and not w[0].isascii()), key=len, reverse=True))
_PERIOD_ONLY = re.compile(rf"(?<![\d{_CN}个学\-~～〜—至到.])(?P<p>{_PERIOD_WORDS}|第[1-4]季度)", re.I)
_AFTER = re.compile(r"^(?:以后|之后|后|起)")
_PERIOD_END = re.compile(r"^(?:前|之前|以前|末|底|结束前?|截止)")
_MONTH_TAIL = re.compile(rf"[至到\-~—](?P<m>{_NUM})月份?(?:(?P<d>{_NUM})[日号]|(?P<end>底|末|中旬|下旬|上旬))?")
# every date expression holds one of these (a fast way out for the many targets without one)
_MAYBE_DATE = re.compile(r"[年月季底末终]|\d[-./]\d|[qQ][1-4]|(?:19|20)\d{6}")
_YM_TAIL = re.compile(r"^(?:前|之前|以前|底|末|完成|$)")
# what may follow a bare year or a period word for it to be a deadline (年底前完成, 2024年前)
_DEADLINE_TAIL = re.compile(r"^(?:前|之前|以前|内|以内|之内|底|末|完成|完工|竣工|结束|截止|止|以后|之后|后|起"
                            r"|全部|按时|如期|实施|验收|交付|$|[,;。)])")


@dataclass(frozen=True)
class Deadline:
    comparator: str
    iso: str | None


def _num(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    value = chinese_value(text)
    return None if value is None else int(value)


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    if year is None or not 1 <= month <= 12 or not 1000 <= year <= 9999:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None or day > last:
        day = last
    if day < 1:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year_of(m, form_year: int | None, key: str = "y", word_key: str = "yw") -> tuple[bool, int | None]:
    """(a year is written, the year) for a match of _YEAR."""
    written = m.groupdict().get(key)
    if written:
        return True, _num(written)
    word = m.groupdict().get(word_key)
    if word:
        shift = PERIODS[word.lower()].year_shift
        return True, None if form_year is None else form_year + shift
    return False, form_year


def _finish(text: str, m, iso: str | None, start: int | None = None) -> tuple[Deadline, str] | None:
    start = m.start() if start is None else start
    rest = text[:start] + "\0" + text[m.end():]
    after = text[m.end():]
    comparator = ">=" if _AFTER.match(after) else "<="
    return Deadline(comparator, iso), rest


def _dated(text: str, year: int | None):
    """Every written date with a month (2023-12-31, 2023年6月底, 次年3月, 2023.10前) as
    (start, end, iso), left to right, not overlapping."""
    found = []
    for m in _ISO.finditer(text):
        if m.group("cy"):
            if text[m.start() - 1:m.start()] != "." and _YM_TAIL.match(text[m.end():]):
                found.append((m.start(), m.end(), _iso(int(m.group("cy")), int(m.group("cm")), int(m.group("cd")))))
            continue
        month, day = int(m.group("m")), int(m.group("d"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            end, y = m.end(), int(m.group("y"))
            # 2021.1.1-12.31, 2021.1.1至12月31日: the span ends with the later date, same year
            tail = _ISO_TAIL.match(text, end) or _MONTH_TAIL.match(text, end)
            if tail and tail.group("d") and 1 <= int(_num(tail.group("m")) or 0) <= 12:
                month, day, end = _num(tail.group("m")), _num(tail.group("d")), tail.end()
            found.append((m.start(), end, _iso(y, month, day)))
    for m in _YMD.finditer(text):
        month = _num(m.group("m"))
        if month and 1 <= month <= 12:
            _, y = _year_of(m, year)
            end = m.end()
            # 2023年9月至12月: the span ends with the later month
            tail = _MONTH_TAIL.match(text, m.end())
            if tail and (_num(tail.group("m")) or 0) >= month and (_num(tail.group("m")) or 0) <= 12:
                month, end = _num(tail.group("m")), tail.end()
                day = _num(tail.group("d"))
                day = {"上旬": 10, "中旬": 20}.get(tail.group("end") or "", day)
            else:
                day = _num(m.group("d"))
                day = {"上旬": 10, "中旬": 20}.get(m.group("end") or "", day)
            found.append((m.start(), end, _iso(y, month, day)))
    for m in _YM.finditer(text):
        if not 1 <= int(m.group("m")) <= 12:
            continue
        if _YM_TAIL.match(text[m.end():]):
            found.append((m.start(), m.end(), _iso(int(m.group("y")), int(m.group("m")), None)))
            continue
        # 2021.1-2021.12, 2021.1-12: a span of months (2021-1-12 is a date, read above)
        tail = _YM_RANGE_TAIL.match(text, m.end())
        if tail and (tail.group("y") or m.group("sep") != "-") and _YM_TAIL.match(text[tail.end():]):
            y = int(tail.group("y") or m.group("y"))
            if int(m.group("m")) <= int(tail.group("m")) <= 12 or tail.group("y"):
                found.append((m.start(), tail.end(), _iso(y, int(tail.group("m")), None)))
    found.sort()
    spans = []
    for span in found:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


def find_deadline(text: str, year: int | None = None) -> tuple[Deadline, str] | None:
    """The deadline written in `text` (NFKC-folded, no whitespace) and the text left around it,
    or None when `text` holds no date expression. Of a span of dates (2023年1月1日至2023年12月31日)
    the last is the deadline."""
    if not _MAYBE_DATE.search(text):
        return None
    spans = _dated(text, year)
    if spans:
        rest, cut = [], 0
        for start, end, _ in spans:
            rest.append(text[cut:start] + "\0")
            cut = end
        rest.append(text[cut:])
        after = text[spans[-1][1]:]
        comparator = ">=" if _AFTER.match(after) else "<="
        return Deadline(comparator, spans[-1][2]), "".join(rest)
    for m in _YEAR_PERIOD.finditer(text):
        if not (m.group("y") or m.group("yw")):
            continue
        _, y = _year_of(m, year)
        period = m.group("p")
        if period in ("底", "末"):
            return _finish(text, m, _iso(y, 12, None))
        if period:
            p = PERIODS[period.lower()]
            return _finish(text, m, _iso(None if y is None else y + p.year_shift, p.month, p.day))
        # a bare written year (2024年, 2024年前完成) is a deadline when a deadline word or
        # nothing follows; a bare 当年/次年 needs a month or 底 (当年完成 is prose)
        if m.group("y") and _DEADLINE_TAIL.match(text[m.end():]):
            return _finish(text, m, _iso(y, 12, None))
    m = None
    if "月" in text:
        span = _MONTH_SPAN.search(text)
        if span and _DEADLINE_TAIL.match(text[span.end():]):
            first, month, day = _num(span.group("m0")), _num(span.group("m")), _num(span.group("d"))
            if first and month and first < month <= 12 and (day is None or 1 <= day <= 31):
                return _finish(text, span, _iso(year, month, day))
        m = _MONTH.search(text)
    if m and (m.group("d") or m.group("end") or m.group("before") or m.group("fen")
              or _MONTH_DONE.match(text, m.end())):
        month, day = _num(m.group("m")), _num(m.group("d"))
        if month and 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            # 1月1日-12月31日: the span ends with the later date
            tail = _MONTH_TAIL.match(text, m.end())
            if tail and (_num(tail.group("m")) or 0) >= month and (_num(tail.group("m")) or 0) <= 12:
                month, day = _num(tail.group("m")), _num(tail.group("d"))
                return _finish(text, tail, _iso(year, month, day), start=m.start())
            return _finish(text, m, _iso(year, month, day))
    m = _MD_BEFORE.search(text)
    if m and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31:
        return _finish(text, m, _iso(year, int(m.group("m")), int(m.group("d"))))
    m = _PERIOD_ONLY.search(text)
    if m:
        word = m.group("p").lower()
        tail = text[m.end():]
        # without a year, a period is a deadline only with an end marker: 年底, 三季度末, 第三季度前
        # (年内完成, 上半年完成 stay prose)
        if word.endswith(("底", "末", "终")) or _PERIOD_END.match(tail):
            p = PERIODS[word.replace("第", "", 1)] if word[1:2].isdigit() else PERIODS[word]
            return _finish(text, m, _iso(None if year is None else year + p.year_shift, p.month, p.day))
    return None
