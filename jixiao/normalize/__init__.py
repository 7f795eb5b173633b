"""Indicator-target normaliser (row stage: cell text → typed target).

Turns a 指标值 string into comparator, value, unit, standardised value and deadline, per the
"Parsed indicator values" section of CONTRACT.md. Pure functions; vocabularies are loaded once
from the data tables in ``jixiao/data``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

CSV_COLUMNS = ["raw", "comparator", "value", "value_max", "unit", "value_std",
               "value_max_std", "unit_std", "deadline"]


@dataclass(frozen=True)
class Target:
    comparator: str = ""
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    value_std: float | None = None
    value_max_std: float | None = None
    unit_std: str | None = None
    deadline: str | None = None


def parse_target(raw: str, *, year: int | None = None) -> Target:
    """Parse one 指标值 string (skeleton: qualitative only)."""
    s = (raw or "").strip()
    return Target() if not s else Target(comparator="text")


def join_target_parts(op: str, number: str, unit: str) -> str:
    op = (op or "").strip()
    if op == "定性":
        op = ""
    return "".join(p.strip() for p in (op, number or "", unit or "") if p)


def parse_target_parts(op: str, number: str, unit: str, *, year: int | None = None) -> Target:
    return parse_target(join_target_parts(op, number, unit), year=year)


def parse_amount(s: str) -> float | None:
    try:
        return float(str(s).replace(",", "").rstrip("%"))
    except (TypeError, ValueError):
        return None


def normalize_lines(lines: Iterable[str], year: int | None = None) -> list[dict]:
    rows = []
    for line in lines:
        raw = (line or "").rstrip("\r\n")
        t = parse_target(raw, year=year)
        rows.append({"raw": raw, "comparator": t.comparator, "value": t.value,
                     "value_max": t.value_max, "unit": t.unit, "value_std": t.value_std,
                     "value_max_std": t.value_max_std, "unit_std": t.unit_std,
                     "deadline": t.deadline})
    return rows
