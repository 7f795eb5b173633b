"""What the parsers produce: forms with their header, funding lines, goals and indicators.

``parsers/`` turns a :class:`jixiao.model.Document` into a list of :class:`Form`; the dataset
layer flattens forms into the contract's tables. Values are as printed (whitespace removed);
typed values come from ``normalize/`` and are attached by the parsers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

BBox = tuple[float, float, float, float]


@dataclass
class Origin:
    """Where a row came from: its page and box (x0, top, x1, bottom) on formats with pages, else the
    1-based table number in the document and row number in that table (for pasted text: ``table``
    None and ``row`` the 1-based line number)."""

    page: Optional[int] = None
    bbox: Optional[BBox] = None
    table: Optional[int] = None
    row: Optional[int] = None


@dataclass
class CellRead:
    """One cell of a form's region and what the parser made of it.

    Every cell inside a form's header, funding, goal and indicator regions gets one: read into a
    record (``record`` = ("indicator" | "budget" | "goal", index in the form's list)), recognised as a
    label / heading / placeholder / noise, or ``unread``. This accounting is what ``unread_cells``
    counts and what the review report draws.
    """

    text: str
    role: str  # see ROLES
    origin: Origin = field(default_factory=Origin)
    col: Optional[int] = None
    record: Optional[tuple[str, int]] = None
    confidence: Optional[float] = None


# the roles a cell can be given; the first group are record fields, then labels, then the rest
ROLES = (
    "level1", "level2", "indicator", "operator", "target", "unit", "actual", "score_max", "score", "deviation",
    "funding_label", "amount", "field_label", "field_value", "goal_heading", "goal",
    "title", "heading", "placeholder", "noise", "unread",
)


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
    origin: Origin = field(default_factory=Origin)


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
    origin: Origin = field(default_factory=Origin)


@dataclass
class Goal:
    kind: str  # annual | long_term | actual
    text: str
    origin: Origin = field(default_factory=Origin)


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
    cells: list[CellRead] = field(default_factory=list)  # the accounting of the form's regions

    @property
    def unread_cells(self) -> int:
        return sum(1 for c in self.cells if c.role == "unread")
