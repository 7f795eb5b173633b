"""What the parsers produce: forms with their header, funding lines, goals and indicators.

``parsers/`` turns a :class:`jixiao.model.Document` into a list of :class:`Form`; the dataset
layer flattens forms into the contract's tables. Values are as printed (whitespace removed);
typed values come from ``normalize/`` and are attached by the parsers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Indicator:
    level1: str
    level2: str
    indicator: str
    target_raw: str
    # the target split over operator / number / unit columns, when the form has them
    target_parts: Optional[tuple[str, str, str]] = None
    actual_raw: Optional[str] = None
    score_max: Optional[float] = None
    score: Optional[float] = None
    deviation: Optional[str] = None
    page: Optional[int] = None


@dataclass
class BudgetLine:
    item: str
    content: Optional[str] = None
    total: Optional[float] = None
    fiscal: Optional[float] = None
    other: Optional[float] = None
    amount: Optional[float] = None
    budget_initial: Optional[float] = None
    budget_full_year: Optional[float] = None
    executed: Optional[float] = None
    execution_rate: Optional[float] = None
    score_max: Optional[float] = None
    score: Optional[float] = None


@dataclass
class Goal:
    kind: str  # annual | long_term | actual
    text: str


@dataclass
class Form:
    form_type: str = "unknown"
    title: str = ""
    department: Optional[str] = None
    agency: Optional[str] = None
    project: Optional[str] = None
    year: Optional[int] = None
    page_start: Optional[int] = None
    page_end: Optional[int] = None
    budget: list[BudgetLine] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
