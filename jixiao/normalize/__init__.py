"""Indicator-target normaliser (row stage: cell text → typed target).

Turns a 指标值 string into comparator, value, unit, standardised value and deadline, following
the "Parsed indicator values" section of CONTRACT.md. Pure functions; the vocabularies (units,
multipliers, numerals, comparators, deadline periods) are data tables in ``jixiao/data`` loaded
once at import by ``vocab``.

    parse_target("≤15.44万元")   → Target(comparator="<=", value=15.44, unit="万元",
                                          value_std=154400.0, unit_std="元", …)
    parse_target("100万", level2="成本指标")  → unit 万元 (the row's names as context, optional)
    parse_target_parts("≥", "90", "%"), join_target_parts("≥", "90", "%") → "≥90%"
    parse_amount("3,150.58")     → 3150.58
    normalize_lines(lines, year) → rows with CSV_COLUMNS (what `jixiao normalize` writes)
    input_lines(text)            → the raw strings of a normalize input (lines, or a CSV's raw column)
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable

from .numbers import parse_amount
from .context import Context
from .target import Target
from .target import parse as _parse
from .units import read_unit
from .vocab import COMPARATORS, fold, read_table

__all__ = ["CSV_COLUMNS", "Context", "Target", "parse_target", "parse_target_parts", "join_target_parts",
           "parse_amount", "normalize_lines", "input_lines"]

CSV_COLUMNS = ["raw", "comparator", "value", "value_max", "unit", "value_std",
               "value_max_std", "unit_std", "deadline"]


def _text(cell) -> str | None:
    """A name cell as a string (None/NaN → None)."""
    if cell is None or (not isinstance(cell, str) and cell != cell):
        return None
    return str(cell)


@lru_cache(maxsize=65536)
def parse_target(raw: str, *, year: int | None = None, indicator: str | None = None,
                 level1: str | None = None, level2: str | None = None) -> Target:
    """Parse one 指标值 (or 实际完成值) string; never raises. `year` (the form's year) completes
    year-less deadlines such as 12月31日前 or 第三季度前.

    The row's names are optional context, as printed: `indicator` (三级), `level1` (一级) and
    `level2` (二级). With them a bare multiplier under a cost indicator is money (成本指标 ·
    ``100万`` → 100 万元) and an OCR'd ``290%`` under a rate that cannot pass 100% reads ``≥90%``.
    Without them the string is read alone, as ``jixiao normalize`` does."""
    if not isinstance(raw, str):
        # a cell from a DataFrame: None/NaN is an empty cell, a number is its own text
        raw = "" if raw is None or raw != raw else str(raw)
    context = None
    if indicator is not None or level1 is not None or level2 is not None:
        context = Context(_text(indicator), _text(level1), _text(level2)) or None
    try:
        p = _parse(raw, year, context)
    except Exception:  # a parse fault must never stop an extraction: keep the text
        return Target("text" if str(raw or "").strip() else "")
    return p


# operator cells that name a direction rather than a comparator word
_OPERATOR_WORDS = {"正向": ">=", "正向指标": ">=", "反向": "<=", "反向指标": "<="}
DIRECTION_WORDS = frozenset(_OPERATOR_WORDS)  # an indicator's direction (正向: more is better), no sign of its own
SIGNS = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}  # the sign printed for a comparator
# the kind of indicator (定性, 定量指标, 是/否), no comparison: the nature words of data/cell_words.csv but directions
_QUALITATIVE_OPS = {r["text"] for r in read_table("cell_words.csv") if r["kind"] == "nature"} - DIRECTION_WORDS


def _clean(cell) -> str:
    return "" if cell is None else "".join(str(cell).split())


def _operator(op_text: str) -> str | None:
    """The comparator an operator cell names (≥, 大于等于, 以上, 正向 …), or None."""
    if op_text in _OPERATOR_WORDS:
        return _OPERATOR_WORDS[op_text]
    folded = fold(op_text)
    for where in ("pre", "post"):
        word = COMPARATORS[where].get(folded) or COMPARATORS[where].get(folded.lower())
        if word is not None and word.comparator:
            return word.comparator
    return None


def join_target_parts(op: str, number: str, unit: str) -> str:
    """target_raw of a form with operator / number / unit columns: the three joined with no
    separator, an operator of 定性/定量 dropped (``=`` ``100`` ``%`` → ``=100%``). The unit is
    not repeated after a number cell that already prints it (``100%`` under ``%``), nor put after
    words (``高`` under ``%``)."""
    op_text = _clean(op)
    if fold(op_text) in _QUALITATIVE_OPS:  # (定量指標 on a mirror page too)
        op_text = ""
    misread = COMPARATORS.get("cell", {}).get(op_text)
    if misread is not None:
        op_text = SIGNS.get(misread.comparator, op_text)  # 二 in an operator cell: the = OCR misread
    body, unit_text = _clean(number), _clean(unit)
    if not body and unit_text and not _is_unit_word(unit_text):
        return op_text + unit_text  # 单位(文字描述): a target in words, written in the unit column
    if not body or body.endswith(unit_text) or not body[-1:].isdigit():  # a unit alone is no target
        unit_text = ""
    return op_text + body + unit_text


def _is_unit_word(text: str) -> bool:
    """A unit as ``read_unit`` reads one, whole but for a bracketed note (%, 人次, （平方米）, 元/亩,
    %(百分比)) or no Chinese at all: not a target in words (高, 是, 2021.1.1-12.31)."""
    k = fold(text)
    if k[:1].isdigit():
        return False  # a value (2021.1.1-12.31): no unit opens with a digit
    read = read_unit(k, 0, allow_unknown=False)
    rest = k[read.end:] if read.unit else k
    return not re.search(r"[\u4e00-\u9fff]", k) or \
        (read.unit is not None and (not rest or bool(re.fullmatch(r"\([^()]*\)", rest))))


def parse_target_parts(op: str, number: str, unit: str, *, year: int | None = None,
                       indicator: str | None = None, level1: str | None = None,
                       level2: str | None = None) -> Target:
    """Parse a target split over an operator cell (≥, ≤, =, 定性, 大于等于 …), a number cell and
    a unit cell. Gives the parse of ``join_target_parts(op, number, unit)``, except that the
    operator cell alone decides the comparator when it names one (so ``≥`` + ``90以上`` stays
    ``>=`` and ``正向`` means ``>=``). The names are context as in ``parse_target``."""
    names = {"year": year, "indicator": indicator, "level1": level1, "level2": level2}
    op_text = _clean(op)
    if op_text in _QUALITATIVE_OPS:
        op_text = ""
    body = join_target_parts("", number, unit)
    comparator = _operator(op_text) if op_text else None
    if comparator is None:
        return parse_target(join_target_parts(op_text, number, unit), **names)
    parsed = parse_target(body, **names)
    if parsed.comparator in ("", "text"):
        return parse_target(join_target_parts(op_text, number, unit), **names)
    if parsed.comparator == "between" or parsed.deadline:
        return parsed
    if comparator == "=" and parsed.comparator != "=":
        return parsed  # the number cell's own word (以上, 左右) says more than a bare '='
    return replace(parsed, comparator=comparator)


def input_lines(text: str) -> list[str]:
    """The raw target strings of `jixiao normalize`'s input: one per line, or — when the first
    line is a CSV header with a ``raw`` column (a cases file such as normalize-dev.csv) — that
    column, read as CSV so quoted values holding commas (``"≤3,309,840.00元"``) stay whole."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    header = next(csv.reader([first]), [])
    if "raw" in (h.strip() for h in header) and len(header) > 1:
        return [row.get("raw") or "" for row in csv.DictReader(io.StringIO(text))]
    return text.splitlines()


def normalize_lines(lines: Iterable[str], year: int | None = None) -> list[dict]:
    """One row (CSV_COLUMNS) per input line, input order kept; an empty line gives a row with
    empty raw."""
    rows = []
    for line in lines:
        raw = "" if line is None else str(line).rstrip("\r\n")
        rows.append(parse_target(raw, year=year).as_row(raw))
    return rows
