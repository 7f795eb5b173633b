"""The cell grid of one table on a page (what :mod:`.lines` and :mod:`.borderless` build and
:mod:`.assign` fills): cells as pixel rectangles of the upright page with their row/column and spans.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class GridCell:
    x0: int
    y0: int
    x1: int
    y1: int
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def distance(self, x: float, y: float) -> float:
        dx = max(self.x0 - x, 0.0, x - self.x1)
        dy = max(self.y0 - y, 0.0, y - self.y1)
        return float(dx * dx + dy * dy) ** 0.5


@dataclass
class TableGrid:
    x0: int
    y0: int
    x1: int
    y1: int
    cells: list[GridCell] = field(default_factory=list)
    n_rows: int = 0
    n_cols: int = 0

    def contains(self, x: float, y: float, margin: float = 0.0) -> bool:
        return self.x0 - margin <= x <= self.x1 + margin and self.y0 - margin <= y <= self.y1 + margin


def compact(cells: list[GridCell]) -> None:
    """Renumber rows/columns so no grid line is unused as a cell start or end."""
    for start, span in (("row", "rowspan"), ("col", "colspan")):
        used = sorted({getattr(c, start) for c in cells} | {getattr(c, start) + getattr(c, span) for c in cells})
        index = {v: i for i, v in enumerate(used)}
        for c in cells:
            a, b = getattr(c, start), getattr(c, start) + getattr(c, span)
            setattr(c, start, index[a])
            setattr(c, span, max(1, index[b] - index[a]))
